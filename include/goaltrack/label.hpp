#pragma once
/// @file
/// Names of entities in each language. A collective's name and a program's, task's or
/// target's title are written once, in the plan's own language; an entity_label gives one
/// of them in a language (Vietnamese or English), as DHIS2 keeps the translations of an
/// object beside it ("Translations", DHIS2 developer manual). A report in a language names
/// an entity by its label in that language, else by its own name, and says that it fell
/// back (report.hpp).

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "goaltrack/export.hpp"
#include "goaltrack/ids.hpp"
#include "goaltrack/language.hpp"

namespace goaltrack {

/// An entity a label, a report or a figure names; std::monostate: the plan as a whole.
using entity_ref = std::variant<std::monostate, collective_id, member_id, program_id, task_id,
                                target_id, round_id>;

/// Which text of an entity a label gives, as DHIS2 translates an object's properties one
/// by one ("Translations", DHIS2 developer manual).
enum class label_part : std::uint8_t {
  name,  ///< a collective's name; a program's, task's or target's title
  unit,  ///< a target's unit: "điểm trường" is "school sites" in English
};
/// The code of a part: "name", "unit".
GOALTRACK_API std::string_view to_string(label_part part) noexcept;
/// The part with this code. @throws parse_error naming the text.
GOALTRACK_API label_part parse_label_part(std::string_view code);

/// The name or title (or a target's unit) of one entity in one language
/// (plan::add_label). Exactly one of the ids is set.
struct GOALTRACK_API entity_label {
  collective_id collective;                                ///< the collective it names, or none
  program_id program;                                      ///< the program it names, or none
  task_id task;                                            ///< the task it names, or none
  target_id target;                                        ///< the target it names, or none
  goaltrack::language language = goaltrack::language::en;  ///< the language of `text`
  /// the name or title in `language`, e.g. "Department of Education and Training"
  std::string text;
  label_part part = label_part::name;  ///< what `text` gives: the name, or a target's unit
  friend bool operator==(const entity_label&, const entity_label&) = default;

  /// The entity it names (its one set id).
  [[nodiscard]] entity_ref entity() const noexcept;
};

/// A name as a report writes it in a language: the entity's label in that language, or
/// else its own name (`fallback`).
struct GOALTRACK_API localized_name {
  std::string text;       ///< the label, or the entity's own name or title
  bool fallback = false;  ///< no label in the language asked: `text` is the entity's own
  friend bool operator==(const localized_name&, const localized_name&) = default;
};

}  // namespace goaltrack
