// Names of entities in each language (label.hpp): a label per entity and language, found
// by a hash of both; an entity without one is named by its own name (localized_name).
#include <string>
#include <variant>

#include "enum_codes.hpp"
#include "enum_names.hpp"
#include "goaltrack/error.hpp"
#include "goaltrack/plan.hpp"
#include "plan_data.hpp"
#include "schema.hpp"
#include "text.hpp"

namespace goaltrack {

using detail::quoted;

namespace {
constexpr detail::code_list<label_part, 2> part_codes{
    {{label_part::name, "name", "tên"}, {label_part::unit, "unit", "đơn vị tính"}}};
}  // namespace

std::string_view to_string(label_part part) noexcept { return detail::code_of(part_codes, part); }
std::string_view detail::vi_name(label_part part) noexcept {
  return detail::vi_name_of(part_codes, part);
}
label_part parse_label_part(std::string_view code) {
  return detail::parse_code(part_codes, code, "label part");
}

entity_ref entity_label::entity() const noexcept {
  if (collective.ok()) return collective;
  if (program.ok()) return program;
  if (task.ok()) return task;
  if (target.ok()) return target;
  return std::monostate{};
}

namespace {

// An entity's kind in messages: "collective", "program", ...
std::string_view kind_of(const entity_ref& e) {
  static constexpr std::string_view kinds[] = {"plan", "collective", "member",      "program",
                                               "task", "target",     "rating round"};
  return kinds[e.index()];
}

// A label's key: its part, its entity's kind (the variant's index), its language and its id.
std::uint64_t label_key(const entity_ref& e, language lang, label_part part) noexcept {
  std::uint32_t id = 0;
  const auto take = [&](auto kind) {
    if (const auto* x = std::get_if<decltype(kind)>(&e)) id = x->value();
  };
  take(collective_id{});
  take(member_id{});
  take(program_id{});
  take(task_id{});
  take(target_id{});
  take(round_id{});
  return (std::uint64_t{static_cast<std::uint8_t>(part)} << 48) | (std::uint64_t{e.index()} << 40) |
         (std::uint64_t{static_cast<std::uint8_t>(lang)} << 32) | id;
}

std::size_t set_ids(const entity_label& l) {
  return std::size_t{l.collective.ok()} + l.program.ok() + l.task.ok() + l.target.ok();
}

// A unit label gives the unit of a target that has one.
void check_part(const detail::plan_data& d, const entity_label& l, const std::string& who) {
  if (l.part == label_part::name) return;
  if (!detail::is_known(l.part)) throw invalid_argument(who + ": part is not name or unit");
  if (!l.target.ok()) throw invalid_argument(who + ": only a target has a unit");
  if (d.targets.columns().units[l.target.index()].empty())
    throw invalid_argument(who + ": the target has no unit");
}

}  // namespace

std::string plan::code(const entity_ref& entity) const {
  return std::visit(
      [&](const auto& id) -> std::string {
        using id_type = std::decay_t<decltype(id)>;
        if constexpr (std::is_same_v<id_type, std::monostate>) {
          throw invalid_argument("the plan as a whole has no code");
        } else if constexpr (std::is_same_v<id_type, collective_id> ||
                             std::is_same_v<id_type, member_id>) {
          return std::string(org().code(id));
        } else if constexpr (std::is_same_v<id_type, round_id>) {
          const rating_round& r = get(id);
          return get(r.scale()).code() + " " + r.rated_period().to_string();
        } else if constexpr (std::is_same_v<id_type, target_id>) {
          data().targets.check(id, "plan::code");
          return std::string(data().targets.code(id));
        } else {
          return get(id).code;
        }
      },
      entity);
}

std::string_view plan::name(const entity_ref& entity) const {
  return std::visit(
      [&](const auto& id) -> std::string_view {
        using id_type = std::decay_t<decltype(id)>;
        if constexpr (std::is_same_v<id_type, std::monostate>) {
          throw invalid_argument("the plan as a whole has no name");
        } else if constexpr (std::is_same_v<id_type, collective_id> ||
                             std::is_same_v<id_type, member_id>) {
          return org().name(id);
        } else if constexpr (std::is_same_v<id_type, round_id>) {
          return get(get(id).scale()).code();
        } else if constexpr (std::is_same_v<id_type, target_id>) {
          data().targets.check(id, "plan::name");
          return data().targets.columns().titles[id.index()];
        } else {
          return get(id).title;
        }
      },
      entity);
}

std::optional<std::string_view> plan::label(const entity_ref& entity, language lang,
                                            label_part part) const noexcept {
  const auto& rows = data().label_rows;
  const auto found = rows.find(label_key(entity, lang, part));
  if (found == rows.end()) return std::nullopt;
  return data().labels[found->second].text;
}

localized_name plan::name_in(const entity_ref& entity, language lang) const {
  if (const auto text = label(entity, lang)) return {std::string(*text), false};
  return {std::string(name(entity)), true};
}

localized_name plan::unit_in(target_id target, language lang) const {
  data().targets.check(target, "plan::unit_in");
  if (const auto text = label(target, lang, label_part::unit)) return {std::string(*text), false};
  const std::string_view own = data().targets.columns().units[target.index()];
  return {std::string(own), !own.empty()};
}

void plan::add_label(const entity_label& l) { add_labels(std::span(&l, 1)); }

void plan::add_labels(std::span<const entity_label> batch) {
  if (auto nfc = detail::nfc_copy(batch)) return add_labels(nfc->items);
  std::unordered_map<std::uint64_t, std::uint32_t> added;
  const std::size_t first = data().labels.size();
  for (const entity_label& l : batch) {
    if (set_ids(l) != 1) {
      throw invalid_argument("label " + quoted(l.text) +
                             ": exactly one of collective, program, task and target must be set");
    }
    const entity_ref e = l.entity();
    const std::string who = std::string(l.part == label_part::unit ? "unit " : "") + "label (" +
                            std::string(to_string(l.language)) + ") of " + std::string(kind_of(e)) +
                            " " + quoted(code(e));  // or not_found
    if (l.text.empty()) throw invalid_argument(who + " is empty");
    check_part(data(), l, who);
    detail::check_texts(l, who);
    const std::uint64_t key = label_key(e, l.language, l.part);
    const auto row = static_cast<std::uint32_t>(first + added.size());
    if (data().label_rows.contains(key) || !added.emplace(key, row).second) {
      throw duplicate_error(who + " is given twice");
    }
  }
  detail::plan_data& d = data_for_write();
  d.labels.insert(d.labels.end(), batch.begin(), batch.end());
  d.label_rows.merge(added);
}

std::span<const entity_label> plan::labels() const noexcept { return data().labels; }

}  // namespace goaltrack
