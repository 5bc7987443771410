// The `goaltrack` command: validate, evaluate and report on a plan kept as a CSV folder
// or an archive, convert between them, and start a folder to fill in. Every failure is
// one line on standard error and a documented exit status (cli.hpp), never a stack trace
// or a partial output file.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli_commands.hpp"

namespace {

using namespace goaltrack;
using namespace goaltrack::cli;

// --lang from the command line, read before parsing so that --help is in that language.
language language_of_arguments(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    std::string_view value;
    if (arg == "--lang" && i + 1 < argc) value = argv[i + 1];
    if (arg.rfind("--lang=", 0) == 0) value = arg.substr(7);
    if (value == "vi" || value == "en") return value == "vi" ? language::vi : language::en;
  }
  return language_from_environment();
}

std::string exit_statuses(language lang) {
  return say(
      lang,
      "Mã thoát: 0 xong; 1 dữ liệu có lỗi (validate liệt kê); 2 dòng lệnh sai (tuỳ chọn lạ, ngày "
      "sai, chính sách không có); 3 không đọc được đầu vào; 4 không ghi được đầu ra; 70 lỗi "
      "của goaltrack.",
      "Exit status: 0 done; 1 the data has problems (validate lists them); 2 a bad command line "
      "(an unknown option, a date that is not a date, an unknown policy); 3 the input cannot be "
      "read; 4 the output cannot be written; 70 a fault of goaltrack.");
}

// The output format named on the command line (checked by CLI::IsMember).
output_format format_named(const std::string& name) {
  if (name == "csv") return output_format::csv;
  if (name == "json") return output_format::json;
  if (name == "md") return output_format::markdown;
  if (name == "html") return output_format::html;
  return output_format::text;
}

// The options every command has.
template <class Options>
void add_io(CLI::App& cmd, Options& o, language lang, bool output = true) {
  // Read before parsing (language_of_arguments); declared here for --help and checking.
  cmd.add_option("--lang", o.lang_option, say(lang, "ngôn ngữ: vi hoặc en", "language: vi or en"))
      ->check(CLI::IsMember({"vi", "en"}));
  if (output) {
    cmd.add_option("-o,--output", o.output,
                   say(lang, "ghi ra tệp này (trọn vẹn hoặc không ghi gì) thay vì ra màn hình",
                       "write to this file (whole or not at all) instead of standard output"));
  }
}

void add_input(CLI::App& cmd, io_options& o, language lang) {
  cmd.add_option("input", o.input,
                 say(lang, "thư mục CSV, sổ Excel (.xlsx) hoặc tệp lưu trữ (.gtk)",
                     "a CSV folder, an Excel workbook (.xlsx) or an archive file (.gtk)"))
      ->required();
  cmd.add_option("--spreadsheet", o.spreadsheet,
                 say(lang,
                     "cách ghi bảng tính: en (',', 58.1, 2021-01-21) hoặc vi (';', 58,1, "
                     "21/01/2021, như Excel tiếng Việt lưu)",
                     "how the spreadsheets are written: en (',', 58.1, 2021-01-21) or vi (';', "
                     "58,1, 21/01/2021, as a Vietnamese Excel saves them)"))
      ->check(CLI::IsMember({"en", "vi"}));
  cmd.add_option("--notes", o.notes,
                 say(lang, "tên cột ghi chú (giữ lại khi xuất), có thể nhắc lại",
                     "the name of a column of notes (kept on export); may be repeated"));
}

int run(int argc, char** argv) {
  const language lang = language_of_arguments(argc, argv);
  CLI::App app{say(lang, "goaltrack: theo dõi chỉ tiêu, nhiệm vụ và báo cáo từ bảng tính",
                   "goaltrack: targets, tasks and reviews from spreadsheets")};
  app.footer(exit_statuses(lang));
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(goaltrack::version()));

  io_options validate{{}, {}, lang, {}, "en", {}};
  CLI::App* v = app.add_subcommand("validate",
                                   say(lang, "kiểm tra dữ liệu, liệt kê mọi lỗi (tệp:dòng:cột)",
                                       "check the data, listing every problem (file:line:column)"));
  add_input(*v, validate, lang);
  add_io(*v, validate, lang, false);

  evaluate_options evaluate{{{}, {}, lang, {}, "en", {}}, {}, {}, output_format::text};
  CLI::App* e = app.add_subcommand("evaluate", say(lang, "đánh giá mọi chỉ tiêu tại một ngày",
                                                   "evaluate every target as of a date"));
  add_input(*e, evaluate, lang);
  e->add_option(
       "--as-of", evaluate.as_of,
       say(lang, "ngày đánh giá: 21/01/2021 hoặc 2021-01-21", "the date: 21/01/2021 or 2021-01-21"))
      ->required();
  e->add_option("--policy", evaluate.policy,
                say(lang, "chính sách đánh giá (của kế hoạch, hoặc có sẵn)",
                    "an evaluation policy (the plan's, or a preset)"));
  std::string evaluate_format = "text";
  e->add_option("--format", evaluate_format, "text|csv|json")
      ->check(CLI::IsMember({"text", "csv", "json"}));
  add_io(*e, evaluate, lang);

  report_options report{{{}, {}, lang, {}, "en", {}}, {}, {}, {}, {}, {}, review_kind::annual,
                        output_format::text};
  CLI::App* r = app.add_subcommand(
      "report", say(lang, "lập báo cáo tổng kết, sơ kết, quý hoặc so sánh",
                    "write an annual, mid-year, quarterly or comparison review"));
  add_input(*r, report, lang);
  r->add_option("--as-of", report.as_of,
                say(lang, "ngày số liệu: 21/01/2021 hoặc 2021-01-21",
                    "the date of the figures: 21/01/2021 or 2021-01-21"))
      ->required();
  std::string kind = "annual";
  r->add_option("--kind", kind, "annual|midyear|quarterly|compare")
      ->check(CLI::IsMember({"annual", "midyear", "quarterly", "compare"}));
  r->add_option(
      "--with", report.with,
      say(lang, "--kind compare: ngày so sánh", "--kind compare: the date compared with"));
  r->add_option("--period", report.period,
                say(lang, "kỳ báo cáo (2020, 2021-H1, 2021-Q2, ...)",
                    "the period reviewed (2020, 2021-H1, 2021-Q2, ...)"));
  r->add_option("--subject", report.subject,
                say(lang, "mã đơn vị: chỉ báo cáo đơn vị này và cấp dưới",
                    "a collective's code: review it and those under it"));
  r->add_option("--policy", report.policy,
                say(lang, "chính sách đánh giá", "an evaluation policy"));
  std::string report_format = "txt";
  r->add_option("--format", report_format, "txt|md|html|json")
      ->check(CLI::IsMember({"txt", "md", "html", "json"}));
  add_io(*r, report, lang);

  convert_options convert{{{}, {}, lang, {}, "en", {}}, {}};
  CLI::App* c = app.add_subcommand("convert", say(lang, "chuyển giữa thư mục CSV và tệp lưu trữ",
                                                  "convert between a CSV folder and an archive"));
  add_input(*c, convert, lang);
  c->add_option("output", convert.output,
                say(lang, "thư mục CSV, sổ Excel .xlsx hoặc tệp .txt.gtk/.xml.gtk/.bin.gtk",
                    "a CSV folder, an Excel workbook .xlsx or a .txt.gtk/.xml.gtk/.bin.gtk file"))
      ->required();
  c->add_option("--to", convert.to, "csv|xlsx|text|xml|binary");
  add_io(*c, convert, lang, false);

  io_options init{{}, {}, lang, {}, "en", {}};
  CLI::App* i =
      app.add_subcommand("init", say(lang, "tạo thư mục CSV trống có hướng dẫn để điền",
                                     "create an empty, documented CSV folder to fill in"));
  i->add_option("folder", init.input, say(lang, "thư mục mới", "a new folder"))->required();
  add_io(*i, init, lang, false);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& h) {
    return app.exit(h);
  } catch (const CLI::CallForVersion& h) {
    return app.exit(h);
  } catch (const CLI::ParseError& p) {
    std::cerr << "goaltrack: " << p.what()
              << say(lang, " (xem goaltrack --help)\n", " (see goaltrack --help)\n");
    return exit_usage;
  }
  evaluate.format = format_named(evaluate_format);
  report.format = format_named(report_format);
  report.kind = kind == "compare" ? review_kind::comparison : parse_review_kind(kind);
  if (v->parsed()) return run_validate(validate);
  if (e->parsed()) return run_evaluate(evaluate);
  if (r->parsed()) return run_report(report);
  if (c->parsed()) return run_convert(convert);
  return run_init(init);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const cli_failure& f) {
    std::cerr << "goaltrack: " << f.what() << "\n";
    return f.status();
  } catch (const std::exception& e) {
    std::cerr << "goaltrack: internal error: " << e.what() << "\n";
    return exit_internal;
  }
}
