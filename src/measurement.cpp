#include "goaltrack/measurement.hpp"

#include <algorithm>

#include "goaltrack/error.hpp"

namespace goaltrack {

measurement measurement_table::at(std::size_t i) const {
  if (i >= size()) {
    throw not_found("measurement " + std::to_string(i) + " is out of range (" +
                    std::to_string(size()) + " measurements)");
  }
  measurement m{target_[i], from_day_number(day_[i]),
                value_[i],  denominator_.empty() ? 1.0 : denominator_[i],
                {},         {}};
  if (auto it = annotations_.find(static_cast<std::uint32_t>(i)); it != annotations_.end()) {
    m.source = it->second.source;
    m.note = it->second.note;
  }
  return m;
}

std::vector<measurement_annotation> measurement_table::annotations() const {
  std::vector<measurement_annotation> out;
  out.reserve(annotations_.size());
  for (const auto& [row, a] : annotations_) out.push_back({row, a.source, a.note});
  std::sort(out.begin(), out.end(),
            [](const measurement_annotation& x, const measurement_annotation& y) {
              return x.row < y.row;
            });
  return out;
}

void measurement_table::truncate(std::size_t n) {
  target_.resize(std::min(n, target_.size()));
  day_.resize(std::min(n, day_.size()));
  value_.resize(std::min(n, value_.size()));
  if (denominator_.size() > n) denominator_.resize(n);
  std::erase_if(annotations_, [n](const auto& kv) { return kv.first >= n; });
}

}  // namespace goaltrack
