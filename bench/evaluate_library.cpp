/// @file
/// goaltrack_evaluate_library: what `goaltrack evaluate` does, as a plain library call, for
/// cli_vs_library.py to time against the command (issue 11, point 8: the command within
/// 1.2x the library call plus the load).
///
///     goaltrack_evaluate_library ARCHIVE ASOF            load + evaluate
///     goaltrack_evaluate_library ARCHIVE ASOF OUT.csv    load + evaluate + the command's CSV
///
/// The first form is the library call the goal is stated against: goaltrack::load(ARCHIVE)
/// then goaltrack::evaluate(plan, ASOF) with the default policy (the command's, without
/// --policy). The second adds the output the command writes with `--format csv -o OUT.csv`,
/// made by the command's own code (src/cli/cli_evaluate.cpp, compiled in) and written as
/// it is made with goaltrack::file_writer as the command does: the command's time less
/// this one's is what the command itself costs (parsing its arguments, the start-up of a
/// larger program).
///
/// Nothing is tuned here that the command does not do (no huge pages, no kept memory), so
/// the two processes differ only in the command's own work. The phases' wall times go to
/// stderr: `PHASES load=S evaluate=S output=S` (output: formatted and written, as
/// the command does both at once).

#include <chrono>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>

#include "cli_commands.hpp"
#include "goaltrack/goaltrack.hpp"
#include "goaltrack/io/archive.hpp"
#include "goaltrack/io/file.hpp"

namespace {

namespace gt = goaltrack;

class stopwatch {
 public:
  double lap() {
    const auto now = std::chrono::steady_clock::now();
    const double s = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    return s;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::fprintf(stderr, "usage: goaltrack_evaluate_library ARCHIVE ASOF [OUT.csv]\n");
    return 2;
  }
  try {
    const gt::date as_of = gt::parse_date(argv[2]);
    stopwatch clock;
    const gt::plan p = gt::load(argv[1]);
    const double load = clock.lap();
    const gt::evaluation ev = gt::evaluate(p, as_of);
    const double evaluate = clock.lap();
    double output = 0;
    if (argc == 4) {
      gt::file_writer out(argv[3]);
      gt::cli::write_evaluation(p, ev, gt::cli::output_format::csv, gt::language::en,
                                [&](std::string_view piece) { out.write(piece); });
      out.commit();
      output = clock.lap();
    }
    std::fprintf(stderr, "PHASES load=%.3f evaluate=%.3f output=%.3f\n", load, evaluate, output);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "goaltrack_evaluate_library: %s\n", e.what());
    return 1;
  }
}
