#include "target_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace goaltrack::detail {

void target_columns::reserve_more(std::size_t n) {
  titles.reserve_more(n, 16);
  units.reserve_more(n, 4);
  reserve_total(rows, rows.size() + n);
  reserve_total(rules, rules.size() + n);
}

namespace {

// Whether every extra field of `t` has its default value.
bool extras_are_default(const target& t) {
  static const target defaults{};
  bool all = true;
  for_each_extra_field(
      [&](const auto& f, auto) { all = all && t.*f.member == defaults.*f.member; });
  return all;
}

target_extra extras_of(const target& t) {
  target_extra e;
  for_each_extra_field([&](const auto& f, auto k) { std::get<k>(e) = t.*f.member; });
  return e;
}

}  // namespace

void target_columns::push_back(const target& t) {
  const bool needs_extra = !extras_are_default(t);
  const std::size_t n = size();
  try {
    if (needs_extra) extras.push_back(extras_of(t));
    titles.push_back(t.title);
    units.push_back(t.unit);
    rows.push_back(
        {t.span, t.baseline.value_or(std::nan("")), t.goal_value, t.goal_high, t.owner,
         t.program.value_or(program_id{}),
         needs_extra ? static_cast<std::uint32_t>(extras.size() - 1) : target_row::no_extra, t.kind,
         t.goal, t.wanted, t.whole_numbers});
    rules.push_back({t.kind, t.whole_numbers, t.over_tree != tree_aggregation::none});
  } catch (...) {
    truncate(n);
    throw;
  }
}

void target_columns::truncate(std::size_t n) noexcept {
  // A row's extra is always the last extra of the rows before it, plus its own.
  std::size_t keep_extras = 0;
  for (std::size_t i = std::min(n, rows.size()); i-- > 0;) {
    if (rows[i].extra != target_row::no_extra) {
      keep_extras = rows[i].extra + 1;
      break;
    }
  }
  titles.truncate(n);
  units.truncate(n);
  truncate_to(rows, n);
  truncate_to(rules, n);
  truncate_to(extras, keep_extras);
}

target target_columns::get(std::size_t i) const {
  const target_row& row = rows[i];
  target t;
  t.title = std::string(titles[i]);
  t.unit = std::string(units[i]);
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
    const target_extra& e = extras[row.extra];
    for_each_extra_field([&](const auto& f, auto k) { t.*f.member = std::get<k>(e); });
  }
  return t;
}

bool operator==(const target_columns& a, const target_columns& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!(a.get(i) == b.get(i))) return false;
  }
  return true;
}

}  // namespace goaltrack::detail
