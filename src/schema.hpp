#pragma once
// Private: the one description of each entity's fields.
//
// schema<E> lists the fields of entity E in their order: each field's name (the same in
// C++, Python, the CSV headers, the archive and the docs), its member and its one-line
// doc. What restates fields is driven by it or checked against it:
//   - validation: check_texts(e) applies the text rule (goaltrack/text.hpp) to every text
//     field, so the API, import_csv and load refuse the same texts with the same message;
//   - Python: def_fields (python/bindings.hpp) binds every field with its doc;
//   - CSV: targets.csv's columns, reading and writing follow it (io/csv_fields.hpp); the
//     other files' layouts are checked against it at compile time (io/csv_layout.hpp);
//   - archive: files of format 2 on save every entity but the columns field by field in
//     this order, each field from the format its `since` names (io/archive_described.hpp);
//   - storage: the target table keeps every field its row does not hold in its extras
//     (target_table.hpp);
//   - the public headers' `///<` docs and the CSV tables of README and io/csv.hpp are
//     checked against it by tests/schema_test.cpp.
//
// Adding a field to an entity: the member in its public header, one line here, and the
// tests that say what it means (README.md, "Adding a field").

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include "goaltrack/assessment.hpp"
#include "goaltrack/error.hpp"
#include "goaltrack/label.hpp"
#include "goaltrack/measurement.hpp"
#include "goaltrack/note.hpp"
#include "goaltrack/organization.hpp"
#include "goaltrack/policy.hpp"
#include "goaltrack/program.hpp"
#include "goaltrack/rating.hpp"
#include "goaltrack/rollup.hpp"
#include "goaltrack/target.hpp"
#include "goaltrack/task.hpp"
#include "goaltrack/text.hpp"
#include "schema_field.hpp"
#include "schema_policy.hpp"
#include "text.hpp"
#include "unicode.hpp"
#include "utf8.hpp"

namespace goaltrack::detail {

template <>
struct schema<level_labels> {
  static constexpr std::string_view kind = "level";
  static constexpr std::tuple fields{
      field{
          "code", &level_labels::code, "stable code used in files, e.g. \"good\"", {"level", true}},
      field{"label_vi", &level_labels::label_vi, "e.g. \"Hoàn thành tốt nhiệm vụ\""},
      field{"label_en", &level_labels::label_en, "e.g. \"Well completed tasks\""},
  };
};

template <>
struct schema<collective_spec> {
  static constexpr std::string_view kind = "collective";
  static constexpr std::tuple fields{
      field{"code", &collective_spec::code, "unique stable code, e.g. \"SGD-DB\" or \"12345\"",
            required_column},
      field{"name", &collective_spec::name, "display name, e.g. \"Đảng bộ Sở GD-ĐT\""},
      field{"kind", &collective_spec::kind,
            "free label, e.g. \"department\", \"party_committee\", \"cell\""},
      field{"parent_code",
            &collective_spec::parent_code,
            "empty for a root; else a code in the plan or the batch",
            {"parent"}},
  };
};

template <>
struct schema<member_spec> {
  static constexpr std::string_view kind = "member";
  static constexpr std::tuple fields{
      field{"code", &member_spec::code, "unique stable code", required_column},
      field{"name", &member_spec::name, "display name (may be empty)"},
      field{"collective", &member_spec::collective, "the collective the member belongs to",
            required_column},
  };
};

template <>
struct schema<program> {
  static constexpr std::string_view kind = "program";
  static constexpr std::tuple fields{
      field{"code", &program::code, "unique stable code, e.g. \"CTr-190\"", required_column},
      field{"number", &program::number,
            "the number printed on the document, e.g. \"190-CTr/TU\" (may be empty)"},
      field{"issuer", &program::issuer,
            "who issued it, e.g. \"Tỉnh ủy\" (Provincial Party Committee)"},
      field{"title", &program::title, "e.g. \"Chương trình hành động thực hiện Nghị quyết ...\""},
      field{"span", &program::span, "the period it covers", {"period", true}},
      field{"owner", &program::owner, "the collective that carries it out", required_column},
      field{"parent", &program::parent, "the program it implements, if any"},
  };
};

template <>
struct schema<task_status_change> {
  static constexpr std::string_view kind = "task status change";
  static constexpr std::tuple fields{
      field{"on", &task_status_change::on, "the day the status took effect", {"date", true}},
      field{"status", &task_status_change::status, "the status from that day on", required_column},
  };
};

template <>
struct schema<task> {
  static constexpr std::string_view kind = "task";
  static constexpr std::tuple fields{
      field{"code", &task::code, "unique stable code", required_column},
      field{"title", &task::title, "what is to be done"},
      field{"program", &task::program, "the program it belongs to", required_column},
      field{"owner", &task::owner, "the collective responsible", required_column},
      field{"deadline", &task::deadline, "when it is due, if set"},
      field{"kind", &task::kind, "planned or supplementary"},
      field{"weight", &task::weight, "relative weight for weighted roll-ups (finite, > 0)"},
      field{"added_on", &task::added_on,
            "the day it was assigned, if set: it is not counted before (a supplementary task "
            "added on 10 July is not in a review of 30 June)"}
          .since(7),
      field{"history",
            &task::history,
            "status changes, oldest first (dates never decrease)",
            {"task_status.csv", false, true}}
          .capped_by(&load_limits::status_changes),
  };
};

// Which target kinds a field of a target applies to.
namespace target_kinds {
inline constexpr kind_mask numeric =
    kinds(target_kind::quantity, target_kind::ratio, target_kind::money);
inline constexpr kind_mask rating = kinds(target_kind::member_share, target_kind::collective_count);
inline constexpr kind_mask counting = kinds(target_kind::collective_count);
}  // namespace target_kinds

template <>
struct schema<rating_goal> {
  static constexpr std::string_view kind = "rating goal";
  static constexpr std::tuple fields{
      field{"scale", &rating_goal::scale,
            "the scale of the rating round to read (matched by scale and period)"},
      field{"level", &rating_goal::level, "\"this level or above\""},
      field{"required_share", &rating_goal::required_share,
            "member_share: the share of members to reach; collective_count with the "
            "member_share criterion: the share a collective's members must reach",
            sparse_column},
      field{"count", &rating_goal::count, "collective_count: at least this many collectives ...",
            sparse_column, target_kinds::counting},
      field{"all", &rating_goal::all, "... or, when true, all of them (\"5/5\")", sparse_column,
            target_kinds::counting},
      field{"scope", &rating_goal::scope, "direct (children, own members) or the subtree",
            sparse_column},
      field{"counted_kind",
            &rating_goal::counted_kind,
            "collective_count: count only collectives of this kind (\"\" = any)",
            {},
            target_kinds::counting},
      field{"criterion", &rating_goal::criterion,
            "how a collective qualifies: its own rating or its members' share", sparse_column,
            target_kinds::counting},
  };
};

template <>
struct schema<target> {
  static constexpr std::string_view kind = "target";
  static constexpr std::tuple fields{
      field{"code", &target::code, "unique stable code", required_column},
      field{"title", &target::title, "what it aims at, e.g. \"Giảm điểm trường\""},
      field{"kind", &target::kind, "quantity, ratio, money, milestone, direction or a rating kind",
            required_column},
      field{"owner", &target::owner, "the collective responsible", required_column},
      field{"span", &target::span, "the period over which it is to be reached", {"period", true}},
      field{"program", &target::program, "the program it belongs to, if any"},
      field{"unit", &target::unit, "unit of measure, e.g. \"điểm trường\", \"học sinh\", \"%\""},
      field{"goal",
            &target::goal,
            "numeric kinds: how the goal reads (at_least, decrease_by, ...)",
            {},
            target_kinds::numeric},
      field{"goal_value",
            &target::goal_value,
            "g, or d for increase_by / decrease_by; ratios as a fraction (0.581)",
            {},
            target_kinds::numeric},
      field{"goal_high", &target::goal_high, "upper end for `within`", {}, target_kinds::numeric},
      field{"baseline", &target::baseline, "b, where it applies", {}, target_kinds::numeric},
      field{"whole_numbers",
            &target::whole_numbers,
            "counts: measurements must be whole numbers",
            {},
            target_kinds::numeric},
      field{"currency",
            &target::currency,
            "money: ISO 4217 code, e.g. \"VND\" (amounts in its smallest unit)",
            {},
            kinds(target_kind::money)},
      field{"checklist",
            &target::checklist,
            "milestone: items to complete (empty: one step)",
            {"milestone_items.csv", false, true},
            kinds(target_kind::milestone)}
          .capped_by(&load_limits::checklist_items),
      field{"item_weights",
            &target::item_weights,
            "milestone: the weight of each item, its stages done in order (empty: equal weights)",
            {"milestone_items.csv", false, true},
            kinds(target_kind::milestone)}
          .since(5)
          .capped_by(&load_limits::checklist_items),
      field{"limit", &target::limit,
            "direction scored open_sdg: the natural limit y_lim the level cannot pass (100%, 0)",
            sparse_column, kinds(target_kind::direction)}
          .since(5),
      field{"wanted",
            &target::wanted,
            "direction: the wanted trend",
            {"trend"},
            kinds(target_kind::direction)},
      field{
          "rating", &target::rating, "member_share and collective_count", {}, target_kinds::rating},
      field{"over_time", &target::over_time,
            "numeric kinds and milestones: how measurements make the actual (latest, sum, ...)",
            sparse_column, target_kinds::numeric | kinds(target_kind::milestone)}
          .since(3),
      field{"scoring", &target::scoring,
            "numeric kinds: how the actual becomes progress (by_goal, percent_of_target, ...); "
            "direction: by_goal (the trend) or open_sdg",
            sparse_column, target_kinds::numeric | kinds(target_kind::direction)}
          .since(3),
      field{"sub_periods",
            &target::sub_periods,
            "numeric kinds and milestones: the sub-periods that tile `span`, in order (empty: "
            "none)",
            {"target_phases.csv", false, true},
            target_kinds::numeric | kinds(target_kind::milestone)}
          .since(6)
          .capped_by(&load_limits::sub_periods),
      field{"planned",
            &target::planned,
            "the planned value of each sub-period, read by `planned_as` (empty: no plan)",
            {"target_phases.csv", false, true},
            target_kinds::numeric | kinds(target_kind::milestone)}
          .since(6)
          .capped_by(&load_limits::sub_periods),
      field{"planned_as", &target::planned_as,
            "planned values: levels to reach by each sub-period's end, or what each adds",
            sparse_column, target_kinds::numeric | kinds(target_kind::milestone)}
          .since(6),
      field{"expected_by", &target::expected_by,
            "how expected progress is set: by days, sub-periods ended, the plan, or at the end",
            sparse_column, target_kinds::numeric | kinds(target_kind::milestone)}
          .since(6),
      field{"weight", &target::weight,
            "its weight in the weighted means of roll-ups (finite, > 0; target_rollup)",
            sparse_column}
          .since(7),
      field{"indicator", &target::indicator,
            "the indicator it measures, a code its targets share across units and levels (e.g. "
            "\"vaccination_coverage\"); the targets of one indicator have one kind and one unit",
            sparse_column}
          .since(8),
      field{"over_tree", &target::over_tree,
            "numeric kinds: its actual aggregates those of its indicator's targets of its period "
            "in its owner's subtree (sum, mean, minimum, maximum), or is its own (none)",
            sparse_column, target_kinds::numeric}
          .since(8),
  };
};

template <>
struct schema<measurement> {
  static constexpr std::string_view kind = "measurement";
  static constexpr std::tuple fields{
      field{"target", &measurement::target, "what was measured", required_column},
      field{"on", &measurement::on, "the day the value holds for", {"date", true}},
      field{"value", &measurement::value, "the amount, numerator, items done or level",
            required_column},
      field{"denominator", &measurement::denominator, "ratios only: the denominator (> 0)"},
      field{"source", &measurement::source, "where the figure comes from (optional)"},
      field{"note", &measurement::note, "free remark (optional)"},
  };
};

template <>
struct schema<assessment> {
  static constexpr std::string_view kind = "assessment";
  static constexpr std::tuple fields{
      field{"target", &assessment::target, "the target judged", required_column},
      field{"on", &assessment::on, "the day it was made: it holds from then on", {"date", true}},
      field{"status", &assessment::status,
            "the status given: a built-in code (\"achieved\") or a policy's (\"green\")",
            required_column},
      field{"score", &assessment::score,
            "a score given with it, such as an OKR self-score (0.0-1.0)"},
      field{"by", &assessment::by, "who made it"},
      field{"reason", &assessment::reason, "why"},
  };
};

template <>
struct schema<entity_label> {
  static constexpr std::string_view kind = "label";
  static constexpr std::tuple fields{
      field{"collective", &entity_label::collective, "the collective it names, or none"},
      field{"program", &entity_label::program, "the program it names, or none"},
      field{"task", &entity_label::task, "the task it names, or none"},
      field{"target", &entity_label::target, "the target it names, or none"},
      field{"language", &entity_label::language, "the language of `text`", required_column},
      field{"text", &entity_label::text,
            "the name or title in `language`, e.g. \"Department of Education and Training\"",
            required_column},
      field{"part", &entity_label::part, "what `text` gives: the name, or a target's unit"}.since(
          10),
  };
};

template <>
struct schema<row_note> {
  static constexpr std::string_view kind = "note";
  static constexpr std::tuple fields{
      field{"collective", &row_note::collective, "the collective of the row, or none"},
      field{"member", &row_note::member, "the member of the row, or none"},
      field{"round", &row_note::round,
            "the rating round of the row (with a member or a collective: a rating's)"},
      field{"program", &row_note::program, "the program of the row, or none"},
      field{"task", &row_note::task, "the task of the row, or none"},
      field{"target", &row_note::target, "the target of the row, or none"},
      field{"policy", &row_note::policy, "the policy of the row, or none"},
      field{"measurement", &row_note::measurement,
            "the measurement's row (its order of addition, as plan::annotate_measurement's), or "
            "none"},
      field{"column", &row_note::column,
            "the notes column, named as its header gives it, e.g. \"Ghi chú\"", required_column},
      field{"text", &row_note::text, "what the cell holds (never empty)", required_column},
  };
};

// --- the text rule, over every text field -------------------------------------------------

namespace schema_detail {

template <class T>
inline constexpr bool is_text =
    std::is_same_v<T, std::string> || std::is_same_v<T, std::string_view>;

template <class T>
struct vector_of {
  using type = void;
};
template <class T>
struct vector_of<std::vector<T>> {
  using type = T;
};

// Whether a value of type T holds a text: it is one, a vector of ones that do, or a
// described struct with a field that does.
template <class T>
constexpr bool holds_text() {
  if constexpr (is_text<T>) {
    return true;
  } else if constexpr (!std::is_void_v<typename vector_of<T>::type>) {
    return holds_text<typename vector_of<T>::type>();
  } else if constexpr (described<T>) {
    bool any = false;
    for_each_field<T>([&](const auto& fl) {
      any = any || holds_text<typename std::remove_cvref_t<decltype(fl)>::value_type>();
    });
    return any;
  } else {
    return false;
  }
}

// Calls f(text, path) for every text inside `value`, where path() names it
// ("checklist item 2", "rating.counted_kind") and is called only when wanted. `value`
// may be const, and f then gets the texts as const; else f may change them (it gets a
// std::string& or a std::string_view&).
template <class V, class Path, class F>
void visit_texts(V& value, const Path& path, F& f) {
  using T = std::remove_const_t<V>;
  if constexpr (is_text<T>) {
    f(value, path);
  } else if constexpr (!std::is_void_v<typename vector_of<T>::type>) {
    if constexpr (holds_text<typename vector_of<T>::type>()) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        visit_texts(
            value[i], [&] { return path() + " item " + std::to_string(i + 1); }, f);
      }
    }
  } else if constexpr (described<T>) {
    for_each_field<T>([&](const auto& fl) {
      using W = typename std::remove_cvref_t<decltype(fl)>::value_type;
      if constexpr (holds_text<W>()) {
        const auto inner = [&] {
          const std::string outer = path();
          return outer.empty() ? std::string(fl.name) : outer + "." + std::string(fl.name);
        };
        visit_texts(value.*fl.member, inner, f);
      }
    });
  }
}

}  // namespace schema_detail

/// Entities whose texts are put in NFC on entry (unicode.hpp): a copy of `batch` with
/// every text in NFC (texts of string_view fields kept in `storage`), made only when some
/// text changes, which is rare; the plan's add_* calls add the copy instead.
template <described Entity>
struct nfc_batch {
  std::vector<Entity> items;
  std::deque<std::string> storage;  // the texts string_view fields point at
};

template <described Entity>
std::optional<nfc_batch<Entity>> nfc_copy(std::span<const Entity> batch) {
  const auto root = [] { return std::string(); };
  bool needed = false;
  const auto look = [&](std::string_view s, const auto&) { needed = needed || maybe_not_nfc(s); };
  for (const Entity& e : batch) schema_detail::visit_texts(e, root, look);
  if (!needed) return std::nullopt;
  nfc_batch<Entity> out{{batch.begin(), batch.end()}, {}};
  bool changed = false;  // false for text that is not UTF-8, which the checks then refuse
  const auto normalize = [&](auto& text, const auto&) {
    if (!maybe_not_nfc(text)) return;
    std::string nfc = to_nfc(text);
    if (nfc == text) return;
    changed = true;
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(text)>, std::string>) {
      text = std::move(nfc);
    } else {
      text = out.storage.emplace_back(std::move(nfc));
    }
  };
  for (Entity& e : out.items) schema_detail::visit_texts(e, root, normalize);
  if (!changed) return std::nullopt;
  return out;
}

/// Applies the text rule to every text of `e` (its fields, their items and nested
/// described structs). @throws invalid_argument "<kind> '<code>': <field> <problem>", or
/// "<kind> code <problem>: '<code>'" when the code itself breaks the rule. `named`, when
/// given, names the entity instead of "<kind> '<code>'" (a level of a scale, a policy).
/// True when every text of `e` keeps the text rule; builds no string.
template <described Entity>
bool texts_keep_rule(const Entity& e) {
  bool good = true;
  const auto keeps_rule = [&](std::string_view s, const auto&) {
    good = good && s.size() <= max_text_bytes && valid_utf8(s);
  };
  schema_detail::visit_texts(
      e, [] { return std::string(); }, keeps_rule);
  return good;
}

template <described Entity>
void check_texts(const Entity& e, std::string_view named = {}) {
  if (texts_keep_rule(e)) return;  // the common case: no string is built
  const auto root = [] { return std::string(); };
  std::string who(named.empty() ? schema<Entity>::kind : named);
  if constexpr (requires { e.code; }) {
    if (named.empty() && !e.code.empty() && text_problem(e.code).empty()) {
      who += " " + quoted(e.code);
    }
  }
  const auto report = [&](std::string_view s, const auto& path) {
    const std::string problem = text_problem(s);
    if (problem.empty()) return;
    const std::string name = path();
    if (name == "code")
      throw invalid_argument(who + " code " + problem + ": " + quoted(s.substr(0, 64)));
    throw invalid_argument(who + ": " + name + " " + problem);
  };
  schema_detail::visit_texts(e, root, report);
}

// --- fields that apply to some kinds only -------------------------------------------------

namespace schema_detail {

// Calls f(path) for each field of `e` (nested described structs included) that does not
// apply to kind bit `kind` and differs from its value in `defaults`.
template <class Entity, class Path, class F>
void visit_inapplicable(const Entity& e, const Entity& defaults, kind_mask kind, const Path& path,
                        F& f) {
  for_each_field<Entity>([&](const auto& fl) {
    using V = typename std::remove_cvref_t<decltype(fl)>::value_type;
    const auto name = [&] {
      const std::string outer = path();
      return outer.empty() ? std::string(fl.name) : outer + "." + std::string(fl.name);
    };
    if ((fl.applies_to & kind) == 0) {
      if (!(e.*fl.member == defaults.*fl.member)) f(name);
    } else if constexpr (described<V> && !is_text<V>) {
      visit_inapplicable(e.*fl.member, defaults.*fl.member, kind, name, f);
    }
  });
}

}  // namespace schema_detail

/// Checks that every field of `e` that does not apply to its kind (`kind_name`, bit
/// `kind`) keeps its default value: a money target has no checklist, a milestone no
/// rating goal. @throws invalid_argument "<kind> '<code>': <field> does not apply to a
/// <kind_name> <kind>" naming the first such field.
template <described Entity>
void check_applicable(const Entity& e, kind_mask kind, std::string_view kind_name) {
  static const Entity defaults{};
  const auto refuse = [&](const auto& name) {
    throw invalid_argument(std::string(schema<Entity>::kind) + " " + quoted(e.code) + ": " +
                           name() + " does not apply to a " + std::string(kind_name) + " " +
                           std::string(schema<Entity>::kind) + " (leave it unset)");
  };
  schema_detail::visit_inapplicable(
      e, defaults, kind, [] { return std::string(); }, refuse);
}

// --- CSV columns ----------------------------------------------------------------------------

/// Calls f(csv_name, required) for each CSV column that Entity's fields give, in order:
/// fields held elsewhere are left out, nested described structs are flattened.
template <described Entity, class F>
constexpr void for_each_csv_column(F&& f) {
  for_each_field<Entity>([&](const auto& fl) {
    using V = typename std::remove_cvref_t<decltype(fl)>::value_type;
    if (fl.csv.elsewhere) return;
    if constexpr (described<V> && !schema_detail::is_text<V>) {
      for_each_csv_column<V>(f);
    } else {
      f(fl.csv_name(), fl.csv.required);
    }
  });
}

}  // namespace goaltrack::detail
