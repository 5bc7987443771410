#pragma once
/// @file
/// Assessments: a judgement of a target made by hand, kept beside the one evaluate()
/// computes: a collective's self-assessment at its year-end review ("hoàn thành tốt"), an
/// OKR self-score, a reviewer's call, each with who made it, when and why. They never
/// change the computed status or roll-ups; target_result::assessment shows the one in force
/// as of the evaluated day (the latest made on or before it; on one day, the one added
/// last), so a report can set "computed: at risk" beside "self-assessed: on track".

#include <optional>
#include <string>

#include "goaltrack/export.hpp"
#include "goaltrack/ids.hpp"
#include "goaltrack/period.hpp"

namespace goaltrack {

/// A judgement of one target made by hand.
struct GOALTRACK_API assessment {
  target_id target;    ///< the target judged
  date on;             ///< the day it was made: it holds from then on
  std::string status;  ///< the status given: a built-in code ("achieved") or a policy's ("green")
  std::optional<double> score;  ///< a score given with it, such as an OKR self-score (0.0-1.0)
  std::string by;               ///< who made it
  std::string reason;           ///< why
  friend bool operator==(const assessment&, const assessment&) = default;
};

}  // namespace goaltrack
