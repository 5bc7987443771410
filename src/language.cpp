#include "goaltrack/language.hpp"

#include "enum_codes.hpp"
#include "enum_names.hpp"

namespace goaltrack {
namespace {
constexpr detail::code_list<language, 2> language_codes{
    {{language::vi, "vi", "tiếng việt"}, {language::en, "en", "tiếng anh"}}};
}  // namespace

std::string_view to_string(language lang) noexcept { return detail::code_of(language_codes, lang); }
std::string_view detail::vi_name(language lang) noexcept {
  return detail::vi_name_of(language_codes, lang);
}
language parse_language(std::string_view code) {
  return detail::parse_code(language_codes, code, "language");
}

}  // namespace goaltrack
