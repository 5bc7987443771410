// The program every consumer project builds: it links goaltrack::goaltrack, evaluates a
// one-target plan and exits non-zero unless the library answers as documented. It also
// crosses the library's boundary the ways a shared goaltrack must allow: an exception
// caught by its type, an archive and a CSV round trip, bulk adds and listings.
#include <goaltrack/goaltrack.hpp>
#include <iostream>
#include <sstream>

int main() {
  using namespace goaltrack;
  plan p;
  const collective_id school = p.org().add_collective("SCHOOL", "A school", "school");
  const target_id sites =
      p.add_target(target::quantity("SITES", "Reduce school sites", school, period::year(2020))
                       .decrease_by(98)
                       .from(500)
                       .counting("sites"));
  p.add_measurement({sites, make_date(2020, 12, 31), 402, 1, "review", ""});
  const program_id prog =
      p.add_programs(std::vector<program>{{"KH", "", "", "", period::year(2020), school, {}}});
  p.add_tasks(std::vector<task>{{"T1", "", prog, school, {}, task_kind::planned, 1.0, {}, {}}});
  bool caught = false;
  try {
    p.add_task({"T1", "", prog, school, {}, task_kind::planned, 1.0, {}, {}});
  } catch (const duplicate_error&) {
    caught = true;
  }
  std::stringstream archive;
  save(p, archive, archive_format::binary);
  const plan loaded = load(archive);
  const plan imported = import_csv(export_csv(p));
  std::size_t listed = 0;
  for (const target& t : loaded.targets()) listed += t.code == "SITES" ? 1 : 0;

  const evaluation ev = evaluate(p, make_date(2021, 1, 21));
  const target_result r = ev.target(sites);
  std::cout << "goaltrack " << version() << ": " << to_string(r.status) << "\n";
  const bool boundary_ok = caught && loaded == p && imported == p && listed == 1 &&
                           format_percent(0.581, 1, language::vi) == "58,1%";
  return r.status == target_status::achieved && version() == "0.1.0" && boundary_ok ? 0 : 1;
}
