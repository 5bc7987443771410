#include "goaltrack/detail/target_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "goaltrack/error.hpp"

namespace goaltrack::detail {

std::optional<target_id> target_table::find(std::string_view code) const noexcept {
  if (auto row = codes_.find(code)) return target_id(*row);
  return std::nullopt;
}

target_id target_table::append(std::span<const target> targets) {
  const std::size_t n = rows_.size();
  const std::size_t n_extras = extras_.size();
  {
    // Indexing the codes first finds a duplicate with the same (one) hash probe each.
    std::vector<std::string_view> codes;
    codes.reserve(targets.size());
    for (const target& t : targets) codes.push_back(t.code);
    const std::size_t added = codes_.insert_many(codes);
    if (added < targets.size()) {
      codes_.truncate(n);
      throw duplicate_error("target code '" + targets[added].code + "' is already used");
    }
  }
  try {
    for (const target& t : targets) {
      const bool needs_extra = !t.currency.empty() || !t.checklist.empty() || t.is_rating();
      if (needs_extra) extras_.push_back({t.currency, t.checklist, t.rating});
      titles_.push_back(t.title);
      units_.push_back(t.unit);
      rows_.push_back(
          {t.span, t.baseline.value_or(std::nan("")), t.goal_value, t.goal_high, t.owner,
           t.program.value_or(program_id{}),
           needs_extra ? static_cast<std::uint32_t>(extras_.size() - 1) : target_row::no_extra,
           t.kind, t.goal, t.wanted, t.whole_numbers});
      rules_.push_back({t.kind, t.whole_numbers});
    }
  } catch (...) {
    rules_.resize(std::min(n, rules_.size()));
    codes_.truncate(n);
    titles_.truncate(n);
    units_.truncate(n);
    rows_.erase(rows_.begin() + static_cast<std::ptrdiff_t>(std::min(n, rows_.size())),
                rows_.end());
    extras_.resize(std::min(n_extras, extras_.size()));
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
