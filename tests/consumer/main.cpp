// The program every consumer project builds: it links goaltrack::goaltrack, evaluates a
// one-target plan and exits non-zero unless the library answers as documented.
#include <goaltrack/goaltrack.hpp>
#include <iostream>

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
  const evaluation ev = evaluate(p, make_date(2021, 1, 21));
  const target_result r = ev.target(sites);
  std::cout << "goaltrack " << version() << ": " << to_string(r.status) << "\n";
  return r.status == target_status::achieved && version() == "0.1.0" ? 0 : 1;
}
