#pragma once
/// @file
/// Action programs and plans. A program is issued by an authority under a number
/// (e.g. Action Program No. 190-CTr/TU of the Provincial Party Committee) for a period,
/// and may implement a parent program: a department's plan carries out a provincial
/// program, which carries out a central resolution. That chain is the cascade, and
/// evaluation rolls tasks and targets up along it.

#include <optional>
#include <string>

#include "goaltrack/export.hpp"
#include "goaltrack/ids.hpp"
#include "goaltrack/period.hpp"

namespace goaltrack {

/// An action program, plan or set of objectives.
struct GOALTRACK_API program {
  std::string code;    ///< unique stable code, e.g. "CTr-190"
  std::string number;  ///< the number printed on the document, e.g. "190-CTr/TU" (may be empty)
  std::string issuer;  ///< who issued it, e.g. "Tỉnh ủy" (Provincial Party Committee)
  std::string title;   ///< e.g. "Chương trình hành động thực hiện Nghị quyết ..."
  period span = period::year(2020);  ///< the period it covers
  collective_id owner;               ///< the collective that carries it out
  std::optional<program_id> parent;  ///< the program it implements, if any

  friend bool operator==(const program&, const program&) = default;
};

}  // namespace goaltrack
