#pragma once
// Private: computes rating tallies (evaluation.hpp's rating_tally) for a set of
// distinct specs, each in one pass over the members and one reverse pass over the
// collectives. Rating targets and policy summaries share a tally when their specs
// are equal, so a plan with 300,000 "5/5 cells" targets still makes one pass.

#include <cstdint>
#include <limits>
#include <vector>

#include "goaltrack/evaluation.hpp"

namespace goaltrack {
class plan;
}

namespace goaltrack::detail {

class tally_set {
 public:
  static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

  tally_set(const plan& p, std::int32_t as_of_day) : plan_(p), as_of_day_(as_of_day) {}
  /// The index of the tally for `spec`, added unless an equal one is there.
  std::uint32_t require(const rating_summary_spec& spec);
  /// Fills every required tally. @throws not_found / invalid_argument for a spec that
  /// names an unknown round or a level off its scale.
  void compute();
  [[nodiscard]] const rating_tally& get(std::uint32_t i) const { return tallies_[i]; }
  rating_tally take(std::size_t i) { return std::move(tallies_[i]); }

 private:
  void fill(rating_tally& t) const;
  const plan& plan_;
  std::int32_t as_of_day_;
  std::vector<rating_tally> tallies_;
};

}  // namespace goaltrack::detail
