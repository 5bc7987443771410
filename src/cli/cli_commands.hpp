#pragma once
// Private to the `goaltrack` command: its subcommands, each given its parsed options.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli.hpp"

namespace goaltrack::cli {

/// What an output is written as.
enum class output_format { text, csv, json, markdown, html };

/// The input, the output and the language every command has.
struct io_options {
  std::filesystem::path input;
  std::optional<std::filesystem::path> output;  ///< none: standard output
  language lang = language::en;                 ///< of messages and reports
  std::string lang_option;         ///< --lang as given (read before parsing: language_of_arguments)
  std::string spreadsheet = "en";  ///< --spreadsheet: how CSV files and text cells are written
  std::vector<std::string> notes;  ///< --notes: columns of notes in the spreadsheets
};

struct evaluate_options : io_options {
  std::string as_of;
  std::string policy;
  output_format format = output_format::text;
};

struct report_options : io_options {
  std::string as_of;
  std::string with;  ///< --kind compare: the other date
  std::string policy;
  std::string period;   ///< the period reviewed; "" for the kind's default
  std::string subject;  ///< a collective's code; "" for the whole plan
  review_kind kind = review_kind::annual;
  output_format format = output_format::text;
};

struct convert_options : io_options {
  std::string to;  ///< csv, text, xml or binary; "" to infer from the output's name
};

/// Each returns the exit status; failures throw cli_failure.
int run_validate(const io_options& o);
int run_evaluate(const evaluate_options& o);
int run_report(const report_options& o);
int run_convert(const convert_options& o);
int run_init(const io_options& o);

/// Receives an output in pieces, in order (output_stream::write, file_writer::write).
using output_sink = std::function<void(std::string_view)>;

/// The evaluation of every target as text, CSV or JSON, given to `sink` in pieces
/// (cli_evaluate.cpp).
void write_evaluation(const plan& p, const evaluation& ev, output_format format, language lang,
                      const output_sink& sink);

}  // namespace goaltrack::cli
