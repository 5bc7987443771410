// The subcommands of `goaltrack` but evaluate's output (cli_commands.hpp).
#include "cli_commands.hpp"

#include <iostream>
#include <system_error>

#include "cli_progress.hpp"

namespace goaltrack::cli {
namespace {

namespace fs = std::filesystem;

// What init writes beside the CSV files: what each holds, and where to read more.
constexpr std::string_view init_readme_vi =
    "Thư mục dữ liệu goaltrack: mỗi tệp CSV (UTF-8, dấu phẩy) là một bảng, dòng đầu là tên cột.\n"
    "Điền các tệp cần dùng; tệp trống có thể để nguyên. Thang xếp loại 4 mức của Việt Nam (vn4)\n"
    "đã có sẵn trong rating_scales.csv.\n\n"
    "Kiểm tra:  goaltrack validate .\n"
    "Đánh giá:  goaltrack evaluate . --as-of 31/12/2021\n"
    "Báo cáo:   goaltrack report . --as-of 21/01/2021 --lang vi\n\n"
    "Các tệp và cột:\n";
constexpr std::string_view init_readme_en =
    "A goaltrack data folder: each CSV file (UTF-8, commas) is a table, its first line the\n"
    "column names. Fill in the files you need; leave the others as they are. Vietnam's\n"
    "four-level rating scale (vn4) is already in rating_scales.csv.\n\n"
    "Check:     goaltrack validate .\n"
    "Evaluate:  goaltrack evaluate . --as-of 31/12/2021\n"
    "Report:    goaltrack report . --as-of 21/01/2021 --lang en\n\n"
    "Files and columns:\n";

// The header line of a CSV text (its first line, without the byte order mark).
std::string header_of(const std::string& text) {
  const std::size_t start = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  return text.substr(start, text.find('\n') - start);
}

// A plan's summary: "5 collectives, 36 members, 17 tasks, 8 targets".
std::string summary(const plan& p, language lang) {
  return std::to_string(p.org().collective_count()) + say(lang, " đơn vị, ", " collectives, ") +
         std::to_string(p.org().member_count()) + say(lang, " thành viên, ", " members, ") +
         std::to_string(p.program_count()) + say(lang, " chương trình, ", " programs, ") +
         std::to_string(p.task_count()) + say(lang, " nhiệm vụ, ", " tasks, ") +
         std::to_string(p.target_count()) + say(lang, " chỉ tiêu", " targets");
}

// Lists every issue of a CSV folder, "folder/file:line:column: message", on standard output.
int list_problems(const fs::path& folder, const csv_error& e, language lang) {
  for (const csv_issue& issue : e.issues()) std::cout << where(folder, issue) << "\n";
  if (e.issue_count() > e.issues().size()) {
    std::cout << say(lang, "… và ", "… and ") << e.issue_count() - e.issues().size()
              << say(lang, " lỗi khác\n", " more\n");
  }
  std::cerr << folder.string() << ": " << e.issue_count() << say(lang, " lỗi\n", " problems\n");
  return exit_problems;
}

// The archive format of a convert's output: --to, else the name's ".text.gtk",
// ".xml.gtk" or ".bin.gtk"; none for a CSV folder (a workbook is decided before).
std::optional<archive_format> output_archive(const convert_options& o) {
  const std::string name = o.output->filename().string();
  const auto ends = [&](std::string_view tail) {
    return name.size() >= tail.size() &&
           name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
  };
  std::string to = o.to;
  if (to.empty()) {
    if (ends(".txt.gtk") || ends(".text.gtk")) to = "text";
    if (ends(".xml.gtk")) to = "xml";
    if (ends(".bin.gtk") || ends(".gtk")) to = to.empty() ? "binary" : to;
    if (to.empty()) to = "csv";
  }
  if (to == "csv") return std::nullopt;
  for (const archive_format f :
       {archive_format::text, archive_format::xml, archive_format::binary}) {
    if (to == to_string(f)) return f;
  }
  throw cli_failure(exit_usage,
                    say(o.lang, "--to phải là csv, xlsx, text, xml hoặc binary, không phải '",
                        "--to must be csv, xlsx, text, xml or binary, not '") +
                        to + "'");
}

// Writes the files of a CSV export into `folder`, each whole (write_file).
void write_csv_folder(const std::vector<csv_source>& files, const fs::path& folder, language lang) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) {
    throw cli_failure(exit_no_output,
                      say(lang, "không tạo được thư mục '", "cannot create folder '") +
                          folder.string() + "': " + ec.message());
  }
  for (const csv_source& f : files) emit(f.text, folder / f.name, lang);
}

}  // namespace

int run_validate(const io_options& o) {
  std::error_code ec;
  const csv_dialect dialect = spreadsheet_dialect(o.spreadsheet, o.notes, o.lang);
  if (!fs::exists(o.input, ec))
    (void)open_plan(o.input, o.lang, dialect);  // names the missing input
  try {
    const activity reading(o.lang, say(o.lang, "Đang kiểm tra ", "Checking ") + o.input.string());
    const plan p = read_plan(o.input, dialect);
    std::cout << o.input.string() << ": " << say(o.lang, "không có lỗi (", "no problems (")
              << summary(p, o.lang) << ")\n";
    return exit_ok;
  } catch (const csv_error& e) {
    return list_problems(o.input, e, o.lang);
  } catch (const io_error& e) {
    throw cli_failure(exit_no_input, e.what());
  } catch (const error& e) {  // an archive that is damaged, of another format, too big
    std::cout << e.what() << "\n";
    return exit_problems;
  }
}

int run_evaluate(const evaluate_options& o) {
  const date as_of = parse_date_argument(o.as_of, "--as-of", o.lang);
  const plan p = open_plan(o.input, o.lang, spreadsheet_dialect(o.spreadsheet, o.notes, o.lang));
  const evaluation_policy policy = find_policy(p, o.policy, o.lang);
  std::optional<activity> working(std::in_place, o.lang,
                                  say(o.lang, "Đang đánh giá", "Evaluating"));
  const evaluation ev = evaluate(p, as_of, policy);
  // Written as it is made: a national plan's output is too large to hold whole first.
  output_stream out(o.output, o.lang);
  write_evaluation(p, ev, o.format, o.lang, [&](std::string_view piece) {
    if (!o.output) working.reset();  // the progress line ends before the output takes the screen
    out.write(piece);
  });
  working.reset();
  out.commit();
  return exit_ok;
}

int run_report(const report_options& o) {
  const date as_of = parse_date_argument(o.as_of, "--as-of", o.lang);
  const bool compare = o.kind == review_kind::comparison;
  if (compare == o.with.empty()) {
    throw cli_failure(exit_usage, compare ? say(o.lang, "--kind compare cần --with NGÀY",
                                                "--kind compare needs --with DATE")
                                          : say(o.lang, "--with chỉ dùng với --kind compare",
                                                "--with goes with --kind compare only"));
  }
  const std::optional<date> with =
      compare ? std::optional(parse_date_argument(o.with, "--with", o.lang)) : std::nullopt;
  const plan p = open_plan(o.input, o.lang, spreadsheet_dialect(o.spreadsheet, o.notes, o.lang));
  const evaluation_policy policy = find_policy(p, o.policy, o.lang);
  review_options options;
  options.lang = o.lang;
  if (!o.period.empty()) {
    try {
      options.span = period::parse(o.period);
    } catch (const error& e) {
      throw cli_failure(exit_usage, "--period: " + std::string(e.what()));
    }
  }
  if (!o.subject.empty()) {
    options.subject = p.org().find_collective(o.subject);
    if (!options.subject) {
      throw cli_failure(exit_usage,
                        say(o.lang, "--subject: không có đơn vị '", "--subject: no collective '") +
                            o.subject + "'");
    }
  }
  std::string out;
  {
    const activity working(o.lang, say(o.lang, "Đang lập báo cáo", "Writing the report"));
    const evaluation ev = evaluate(p, as_of, policy);
    const document doc = o.kind == review_kind::annual    ? annual_review(p, ev, options)
                         : o.kind == review_kind::midyear ? midyear_review(p, ev, options)
                         : o.kind == review_kind::quarterly
                             ? quarterly_review(p, ev, options)
                             : comparison_review(p, ev, evaluate(p, *with, policy), options);
    out = o.format == output_format::markdown ? render_markdown(doc)
          : o.format == output_format::html   ? render_html(doc)
          : o.format == output_format::json   ? render_json(doc, p)
                                              : render_text(doc);
  }
  emit(out, o.output, o.lang);
  return exit_ok;
}

int run_convert(const convert_options& o) {
  const std::string name = o.output->filename().string();
  const bool workbook = o.to == "xlsx" || (o.to.empty() && name.size() > 5 &&
                                           name.substr(name.size() - 5) == ".xlsx");
  const std::optional<archive_format> format = workbook ? std::nullopt : output_archive(o);
  csv_dialect dialect = spreadsheet_dialect(o.spreadsheet, o.notes, o.lang);
  const plan p = open_plan(o.input, o.lang, dialect);
  const activity writing(o.lang, say(o.lang, "Đang ghi ", "Writing ") + o.output->string());
  // Spreadsheets written for Vietnamese readers name their columns and values in Vietnamese.
  if (o.spreadsheet == "vi") dialect.names = language::vi;
  try {
    if (workbook) {
      export_xlsx(p, *o.output, dialect);
    } else if (!format) {
      write_csv_folder(export_csv(p, dialect), *o.output, o.lang);
    } else {
      save(p, *o.output, *format);
    }
  } catch (const io_error& e) {
    throw cli_failure(exit_no_output, e.what());
  }
  return exit_ok;
}

int run_init(const io_options& o) {
  std::error_code ec;
  if (fs::exists(o.input, ec) && !(fs::is_directory(o.input) && fs::is_empty(o.input, ec))) {
    throw cli_failure(exit_no_output, say(o.lang, "'", "'") + o.input.string() +
                                          say(o.lang, "' đã có và không trống: chọn thư mục mới",
                                              "' exists and is not empty: choose a new folder"));
  }
  plan p;
  p.add_scale(rating_scale::vietnamese_default());
  const std::vector<csv_source> files = export_csv(p);
  std::string readme(o.lang == language::vi ? init_readme_vi : init_readme_en);
  for (const csv_source& f : files) readme += "  " + f.name + ": " + header_of(f.text) + "\n";
  write_csv_folder(files, o.input, o.lang);
  emit(readme, o.input / "README.txt", o.lang);
  std::cerr << say(o.lang, "Đã tạo ", "Created ") << o.input.string() << "\n";
  return exit_ok;
}

}  // namespace goaltrack::cli
