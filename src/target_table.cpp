#include "goaltrack/detail/target_table.hpp"

#include <cmath>
#include <algorithm>
#include <cstddef>

#include "goaltrack/error.hpp"

namespace goaltrack::detail {

std::optional<target_id> target_table::find(std::string_view code) const noexcept {
  if (auto row = codes_.find(code)) return target_id(*row);
  return std::nullopt;
}

target_id target_table::push_back(const target& t) {
  const std::size_t n = rows_.size();
  // Indexing the code first finds a duplicate with the same (one) hash probe.
  if (!codes_.insert(t.code)) throw duplicate_error("target code '" + t.code + "' is already used");
  const bool needs_extra = !t.currency.empty() || !t.checklist.empty() || t.is_rating();
  target_row row{t.span,
                 t.baseline.value_or(std::nan("")),
                 t.goal_value,
                 t.goal_high,
                 t.owner,
                 t.program.value_or(program_id{}),
                 needs_extra ? static_cast<std::uint32_t>(extras_.size()) : target_row::no_extra,
                 t.kind,
                 t.goal,
                 t.wanted,
                 t.whole_numbers};
  try {
    if (needs_extra) extras_.push_back({t.currency, t.checklist, t.rating});
    titles_.push_back(t.title);
    units_.push_back(t.unit);
    rows_.push_back(row);
    rules_.push_back({t.kind, t.whole_numbers});
  } catch (...) {
    rules_.resize(std::min(n, rules_.size()));
    codes_.truncate(n);
    titles_.truncate(n);
    units_.truncate(n);
    rows_.erase(rows_.begin() + static_cast<std::ptrdiff_t>(std::min(n, rows_.size())), rows_.end());
    if (needs_extra && extras_.size() > row.extra) extras_.resize(row.extra);
    throw;
  }
  return target_id(static_cast<target_id::value_type>(n));
}

target target_table::get(target_id id) const {
  const target_row& row = rows_[id.index()];
  target t;
  t.code = std::string(codes_[id.index()]);
  t.title = std::string(titles_[id.index()]);
  t.unit = std::string(units_[id.index()]);
  t.owner = row.owner;
  t.span = row.span;
  if (row.program.ok()) t.program = row.program;
  t.kind = row.kind;
  t.goal = row.goal;
  t.goal_value = row.goal_value;
  t.goal_high = row.goal_high;
  if (row.has_baseline()) t.baseline = row.baseline;
  t.whole_numbers = row.whole_numbers;
  t.wanted = row.wanted;
  if (row.extra != target_row::no_extra) {
    const auto& e = extras_[row.extra];
    t.currency = e.currency;
    t.checklist = e.checklist;
    t.rating = e.rating;
  }
  return t;
}

bool operator==(const target_table& a, const target_table& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const target_id id(static_cast<target_id::value_type>(i));
    if (!(a.get(id) == b.get(id))) return false;
  }
  return true;
}

}  // namespace goaltrack::detail
