// import_csv: the organisation's files (rating_scales, collectives, members,
// rating_rounds, ratings). See csv_import.hpp.

#include <array>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "io/csv_import.hpp"
#include "unicode.hpp"

namespace goaltrack::detail::csv {

void importer::scales(table& t) {
  struct pending {
    std::string code;
    std::vector<level_labels> levels;
    std::uint64_t line;
    std::optional<rating_scale> builtin;  // a row named the built-in scale of this code
  };
  std::vector<pending> order;
  std::unordered_map<std::string, std::size_t> index;
  while (t.next()) {
    if (!t.required(scales_col::scale)) continue;
    const std::string code(t.text(scales_col::scale));
    // A row without a level names a built-in scale ("vn4"), instead of listing its levels.
    const bool names_builtin = t.value(scales_col::level).empty();
    std::optional<rating_scale> builtin =
        names_builtin ? rating_scale::builtin(code) : std::nullopt;
    if (names_builtin && !builtin) {
      std::string known;
      for (const std::string& b : rating_scale::builtin_codes())
        known += (known.empty() ? "" : ", ") + b;
      t.fail(scales_col::level, "level is required, unless the scale is a built-in one (" + known +
                                    ") named on a row of its own; '" + code + "' is not");
      continue;
    }
    auto [it, fresh] = index.emplace(code, order.size());
    if (fresh) order.push_back({code, {}, t.line(), std::nullopt});
    pending& s = order[it->second];
    if (names_builtin ? (!fresh) : s.builtin.has_value()) {
      t.fail(scales_col::level,
             "scale " + in_quotes(code) +
                 " is named as the built-in scale and also lists levels: one or the other");
      continue;
    }
    if (names_builtin) {
      s.builtin = std::move(builtin);
      continue;
    }
    s.levels.push_back({std::string(t.text(scales_col::level)),
                        std::string(t.text(scales_col::label_vi)),
                        std::string(t.text(scales_col::label_en))});
  }
  for (pending& s : order) {
    try {
      p_.add_scale(s.builtin ? std::move(*s.builtin) : rating_scale(s.code, std::move(s.levels)));
    } catch (const error& e) {
      t.fail_at(s.line, scales_col::scale, e.what(), s.code);
    }
  }
}

namespace {
// "member" or "collective" for what the rated column says, in English or Vietnamese, as
// people type it; "" for anything else. The exact codes are checked first: they are
// what millions of rows hold.
std::string_view rated_kind(std::string_view text) {
  if (text == "member" || text == "collective") return text;
  static constexpr std::array<std::string_view, 7> names{
      "member", "thành viên", "đảng viên", "cá nhân", "collective", "tập thể", "đơn vị"};
  const auto i = find_loosely(names, text);
  if (!i) return {};
  return *i < 4 ? names[0] : names[4];
}
}  // namespace

void importer::collectives(table& t) {
  struct row {
    std::string_view code, name, kind, parent;
    std::uint64_t line;
  };
  std::vector<row> rows;
  code_table codes;  // rows[i].code at row i: repeated codes, and parents by code
  while (t.next()) {
    if (!t.required(collectives_col::code)) continue;
    const row r{t.text(collectives_col::code), t.text(collectives_col::name),
                t.text(collectives_col::kind), t.text(collectives_col::parent), t.line()};
    if (!codes.insert(r.code)) {
      t.fail(collectives_col::code, "collective " + in_quotes(r.code) + " is already on line " +
                                        std::to_string(rows[*codes.find(r.code)].line));
      continue;
    }
    rows.push_back(r);
  }
  collective_numbers_.limit(4 * rows.size() + 1024);
  for (const std::size_t i : parents_first(t, rows, codes, collectives_col::parent, "collective")) {
    const row& r = rows[i];
    std::optional<collective_id> parent;
    if (!r.parent.empty()) {
      parent = p_.org().find_collective(r.parent);
      if (!parent) {
        reject_orphan(t, collectives_file, collectives_col::parent, r,
                      codes.find(r.parent).has_value());
        continue;
      }
    }
    try {
      const collective_id id = p_.org().add_collective(r.code, r.name, r.kind, parent);
      collective_numbers_.add(r.code, id);
      t.keep_notes(r.line, id);
    } catch (const error& e) {
      t.fail_at(r.line, collectives_col::code, e.what(), r.code);
    }
  }
}

void importer::members(table& t) {
  // The rows of a batch wait here for their collectives, which are looked up together
  // (organization::find_collectives), and are then added together.
  struct row {
    std::string_view code, name, collective;
    std::uint64_t line;
    bool has_code;
  };
  std::vector<row> rows;
  std::vector<std::string_view> owners;
  std::vector<std::optional<collective_id>> ids;
  std::vector<member_spec> specs;
  std::vector<std::uint64_t> lines;
  std::size_t read = 0;  // rows read in this batch, good or bad
  const auto find_collectives = [&](std::span<const std::string_view> codes) {
    return p_.org().find_collectives(codes);
  };
  const auto flush = [&] {
    owners.clear();
    for (const row& r : rows) owners.push_back(r.collective);
    find_ids(collective_numbers_, owners, find_collectives, ids);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const row& r = rows[i];
      if (!ids[i]) {
        report_missing(t, members_col::collective, collectives_file, "collective", r.collective,
                       r.line);
        if (r.has_code) reject(members_file, r.code, r.line);
        continue;
      }
      if (!r.has_code) continue;
      specs.push_back({r.code, r.name, *ids[i]});
      lines.push_back(r.line);
    }
    if (!specs.empty()) {
      try {
        const member_id first = p_.org().add_members(specs);
        for (std::size_t i = 0; i < specs.size(); ++i) {
          t.keep_notes(lines[i], member_id(first.value() + static_cast<std::uint32_t>(i)));
        }
      } catch (const error&) {
        for (std::size_t i = 0; i < specs.size(); ++i) {
          try {
            t.keep_notes(lines[i],
                         p_.org().add_member(specs[i].code, specs[i].name, specs[i].collective));
          } catch (const error& e) {
            t.fail_at(lines[i], members_col::code, e.what(), specs[i].code);
          }
        }
      }
    }
    rows.clear();
    specs.clear();
    lines.clear();
    read = 0;
    end_batch();
  };
  // Room for every member at once: the code index then never grows (and rehashes) batch
  // after batch.
  p_.org().reserve_members(t.rows_to_reserve(4));  // "c,p" and its line end at least
  hold_issues();
  while (t.next()) {
    if (read == batch_rows) flush();
    ++read;
    const bool has_code = t.required(members_col::code);
    if (!t.required(members_col::collective)) continue;
    rows.push_back({t.text(members_col::code), t.text(members_col::name),
                    t.text(members_col::collective), t.line(), has_code});
  }
  flush();
}

void importer::rounds(table& t) {
  while (t.next()) {
    const bool has_scale = t.required(rounds_col::scale);
    const auto span = t.period_of(rounds_col::period, d_.periods);
    const auto decided = t.day(rounds_col::decided_on);
    if (!has_scale) continue;
    const auto s = scale(t, rounds_col::scale);
    if (t.bad() || !s || !span) continue;
    try {
      std::optional<date> on;
      if (decided) on = from_day_number(*decided);
      t.keep_notes(t.line(), p_.add_round(*s, *span, on));
    } catch (const error& e) {
      t.fail(rounds_col::period, e.what());
    }
  }
}

void importer::ratings(table& t) {
  std::optional<round_id> batch_round;
  std::vector<member_id> members;
  std::vector<rating_level> levels;
  std::vector<std::uint64_t> lines;
  // Which members and collectives each round has rated, to report a repeated rating.
  std::unordered_map<std::uint32_t, std::vector<bool>> rated_members;
  std::unordered_map<std::uint32_t, std::vector<bool>> rated_collectives;
  member_id::value_type next_member = 0;  // the member expected on the next row
  const auto flush = [&] {
    if (members.empty()) return;
    try {
      p_.rate(*batch_round, members, levels);
      for (std::size_t i = 0; i < members.size(); ++i)
        t.keep_notes(lines[i], *batch_round, members[i]);
    } catch (const error&) {
      for (std::size_t i = 0; i < members.size(); ++i) {
        try {
          p_.rate(*batch_round, members[i], levels[i]);
          t.keep_notes(lines[i], *batch_round, members[i]);
        } catch (const error& e) {
          t.fail_at(lines[i], ratings_col::level, e.what());
        }
      }
    }
    members.clear();
    levels.clear();
    lines.clear();
  };
  while (t.next()) {
    // Every missing field is reported, so no short-circuit.
    const int present = int{t.required(ratings_col::scale)} + int{t.required(ratings_col::period)} +
                        int{t.required(ratings_col::rated)} + int{t.required(ratings_col::code)} +
                        int{t.required(ratings_col::level)};
    if (present != 5) continue;
    const auto r = round(t, ratings_col::scale, ratings_col::period);
    const std::string_view rated = rated_kind(t.value(ratings_col::rated));
    const std::string_view code = t.text(ratings_col::code);
    if (rated.empty()) {
      t.fail(ratings_col::rated, t.describe(ratings_col::rated, t.value(ratings_col::rated)) +
                                     " is not member or collective (thành viên, tập thể)");
    }
    if (!r || t.bad()) continue;
    const auto l = level(t, ratings_col::level, p_.get(*r).scale());
    if (rated == "member") {
      // export_csv writes ratings in member-id order: the member after the last one rated
      // is compared first (its code is next to the last one's in memory), the hash index
      // searched only when it is not the one.
      std::optional<member_id> m;
      if (next_member < p_.org().member_count() && p_.org().code(member_id(next_member)) == code) {
        m = member_id(next_member);
      } else {
        m = p_.org().find_member(code);
      }
      if (m) next_member = m->value() + 1;
      if (!m) report_missing(t, ratings_col::code, members_file, "member", code);
      if (!m || !l) continue;
      std::vector<bool>& seen = rated_members[r->value()];
      if (seen.size() <= m->index()) seen.resize(p_.org().member_count(), false);
      if (seen[m->index()]) {
        t.fail(ratings_col::code, "member " + in_quotes(code) + " is rated twice in this round");
        continue;
      }
      seen[m->index()] = true;
      if (batch_round != r) flush();
      batch_round = r;
      members.push_back(*m);
      levels.push_back(*l);
      lines.push_back(t.line());
      if (members.size() == batch_rows) flush();
    } else {
      const auto cid = collective(t, ratings_col::code);
      if (!cid || !l) continue;
      std::vector<bool>& seen = rated_collectives[r->value()];
      if (seen.size() <= cid->index()) seen.resize(p_.org().collective_count(), false);
      if (seen[cid->index()]) {
        t.fail(ratings_col::code,
               "collective " + in_quotes(code) + " is rated twice in this round");
        continue;
      }
      seen[cid->index()] = true;
      try {
        p_.rate(*r, *cid, *l);
        t.keep_notes(t.line(), *r, *cid);
      } catch (const error& e) {
        t.fail(ratings_col::level, e.what());
      }
    }
  }
  flush();
}

}  // namespace goaltrack::detail::csv
