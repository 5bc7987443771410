// Reading the input, dates and policies, and writing the output of the `goaltrack` command.
#include <cstdlib>
#include <iostream>
#include <system_error>

#include "cli.hpp"
#include "cli_progress.hpp"

namespace goaltrack::cli {
namespace {

namespace fs = std::filesystem;

// "12" of "12/..." as a number of at most `width` digits; none for anything else.
std::optional<int> digits(std::string_view text, std::size_t min_width, std::size_t max_width) {
  if (text.size() < min_width || text.size() > max_width) return std::nullopt;
  int n = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

// Day, month and year of "21/01/2021" or "2021-01-21"; none when it is neither.
std::optional<std::array<int, 3>> date_parts(std::string_view text) {
  const auto split = [&](char sep) -> std::optional<std::array<std::string_view, 3>> {
    const std::size_t a = text.find(sep);
    const std::size_t b = a == std::string_view::npos ? a : text.find(sep, a + 1);
    if (b == std::string_view::npos || text.find(sep, b + 1) != std::string_view::npos)
      return std::nullopt;
    return std::array{text.substr(0, a), text.substr(a + 1, b - a - 1), text.substr(b + 1)};
  };
  // Each field's position and width: day, month, year.
  const auto read = [&](char sep, std::array<std::size_t, 3> at, std::array<std::size_t, 3> least,
                        std::array<std::size_t, 3> most) -> std::optional<std::array<int, 3>> {
    const auto p = split(sep);
    if (!p) return std::nullopt;
    std::array<int, 3> out{};
    for (std::size_t i = 0; i < 3; ++i) {
      const auto n = digits((*p)[at[i]], least[i], most[i]);
      if (!n) return std::nullopt;
      out[i] = *n;
    }
    return out;
  };
  if (auto dmy = read('/', {0, 1, 2}, {1, 1, 4}, {2, 2, 4})) return dmy;
  return read('-', {2, 1, 0}, {2, 2, 4}, {2, 2, 4});
}

}  // namespace

language language_from_environment() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') continue;
    return std::string_view(value).substr(0, 2) == "vi" ? language::vi : language::en;
  }
  return language::en;
}

date parse_date_argument(std::string_view text, std::string_view option, language lang) {
  const std::string bad =
      say(lang, "ngày không hợp lệ cho ", "not a date for ") + std::string(option) + ": '" +
      std::string(text) + "'" +
      say(lang, " (viết 21/01/2021 hoặc 2021-01-21)", " (write 21/01/2021 or 2021-01-21)");
  const auto parts = date_parts(text);
  if (!parts) throw cli_failure(exit_usage, bad);
  try {
    return make_date((*parts)[2], (*parts)[1], (*parts)[0]);
  } catch (const std::exception&) {
    throw cli_failure(exit_usage, bad);
  }
}

std::string where(const fs::path& input, const csv_issue& issue) {
  // A folder's file is a path ("data/targets.csv:3:1"); a workbook's sheet is not.
  return issue.sheet ? input.string() + ": " + to_string(issue)
                     : (input / to_string(issue)).string();
}

csv_dialect spreadsheet_dialect(std::string_view name, std::vector<std::string> notes,
                                language lang) {
  csv_dialect d;
  if (name == "vi") {
    d.delimiter = ';';
    d.decimal_separator = ',';
    d.dates = csv_date_format::day_month_year;
  } else if (name != "en") {
    throw cli_failure(exit_usage, say(lang, "--spreadsheet phải là en hoặc vi, không phải '",
                                      "--spreadsheet must be en or vi, not '") +
                                      std::string(name) + "'");
  }
  d.notes_columns = std::move(notes);
  return d;
}

namespace {
bool is_workbook(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext == ".xlsx";
}
}  // namespace

plan read_plan(const fs::path& path, const csv_dialect& dialect) {
  if (fs::is_directory(path)) return import_csv(path, dialect);
  if (is_workbook(path)) return import_xlsx(path, dialect);
  return load(path);
}

plan open_plan(const fs::path& path, language lang, const csv_dialect& dialect) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    throw cli_failure(exit_no_input,
                      say(lang, "không tìm thấy thư mục hoặc tệp '", "no such folder or file: '") +
                          path.string() + "'");
  }
  const activity reading(lang, say(lang, "Đang đọc ", "Reading ") + path.filename().string());
  try {
    return read_plan(path, dialect);
  } catch (const csv_error& e) {
    std::string first;
    for (std::size_t i = 0; i < e.issues().size() && i < 3; ++i) {
      first += (i == 0 ? "" : "; ") + where(path, e.issues()[i]);
    }
    throw cli_failure(exit_problems,
                      std::to_string(e.issue_count()) +
                          say(lang, " lỗi trong dữ liệu (goaltrack validate liệt kê tất cả): ",
                              " problems in the data (goaltrack validate lists them all): ") +
                          first);
  } catch (const io_error& e) {
    throw cli_failure(exit_no_input, e.what());
  } catch (const error& e) {  // format_error, corrupt_error: the file is not a good plan
    throw cli_failure(exit_problems, e.what());
  }
}

evaluation_policy find_policy(const plan& p, const std::string& code, language lang) {
  if (code.empty()) return {};
  if (p.find_policy(code)) return p.policy(code);
  for (const std::string_view preset : policy_preset_codes()) {
    if (preset == code) return policy_preset(code);
  }
  std::string known;
  for (const named_policy& np : p.policies()) known += (known.empty() ? "" : ", ") + np.code;
  for (const std::string_view preset : policy_preset_codes()) {
    known += (known.empty() ? "" : ", ") + std::string(preset);
  }
  throw cli_failure(exit_usage,
                    say(lang, "không có chính sách đánh giá '", "no evaluation policy '") + code +
                        say(lang, "'; có: ", "'; known: ") + known);
}

namespace {

// Runs `step` of writing the output, an io_error reported as such.
template <class Step>
void writing(Step step) {
  try {
    step();
  } catch (const io_error& e) {
    throw cli_failure(exit_no_output, e.what());
  }
}

}  // namespace

output_stream::output_stream(const std::optional<fs::path>& path, language lang) : lang_(lang) {
  if (path) writing([&] { file_.emplace(*path); });
}

void output_stream::write(std::string_view bytes) {
  if (file_) return writing([&] { file_->write(bytes); });
  std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

void output_stream::commit() {
  if (file_) return writing([&] { file_->commit(); });
  std::cout.flush();
  if (!std::cout)
    throw cli_failure(exit_no_output,
                      say(lang_, "không ghi được ra màn hình", "cannot write to standard output"));
}

void emit(const std::string& content, const std::optional<fs::path>& path, language lang) {
  output_stream out(path, lang);
  out.write(content);
  out.commit();
}

}  // namespace goaltrack::cli
