// The peer kit's plan for the benchmarks (kit_plan.hpp).

#include "kit_plan.hpp"

#include <cstdlib>
#include <deque>
#include <exception>
#include <optional>
#include <vector>

#include "kit_csv.hpp"

namespace goaltrack_bench {

namespace gt = goaltrack;
namespace fs = std::filesystem;

fs::path env_path(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? fs::path(v) : fs::path(fallback);
}

namespace {

// The kit's plan, through the public API (the kit's ids become codes).
gt::plan build_kit_plan(const fs::path& dir) {
  gt::plan p;
  const gt::scale_id scale = p.add_scale(gt::rating_scale::vietnamese_default());
  const gt::round_id round =
      p.add_round(scale, gt::period::year(2021), gt::make_date(2021, 12, 31));
  const gt::rating_scale& levels = p.get(scale);
  std::deque<std::string> store;
  {
    kit::mapped_file f(dir / "units.csv", "units.csv");
    kit::csv_reader csv(f, "unit_id,parent_id,kind,name");
    std::vector<gt::collective_spec> specs;
    while (csv.next_row()) {
      gt::collective_spec s;
      s.code = csv.field();
      s.parent_code = csv.field();
      s.kind = csv.text(store);
      s.name = csv.text(store);
      csv.end_row();
      specs.push_back(s);
    }
    p.org().add_collectives(specs);
  }
  {
    kit::mapped_file f(dir / "members.csv", "members.csv");
    kit::csv_reader csv(f, "member_id,unit_id,rating");
    std::vector<gt::member_spec> specs;
    std::vector<gt::rating_level> ranks;
    while (csv.next_row()) {
      gt::member_spec s;
      s.code = csv.field();
      s.collective = p.org().collective(csv.field());
      ranks.push_back(levels.level(csv.field()));
      csv.end_row();
      specs.push_back(s);
    }
    const gt::member_id first = p.org().add_members(specs);
    std::vector<gt::member_id> ids(specs.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      ids[i] = gt::member_id(first.value() + static_cast<gt::member_id::value_type>(i));
    }
    p.rate(round, ids, ranks);
  }
  {
    kit::mapped_file f(dir / "targets.csv", "targets.csv");
    kit::csv_reader csv(f, "target_id,unit_id,baseline,target,start,end");
    while (csv.next_row()) {
      const std::string code(csv.field());
      const gt::collective_id owner = p.org().collective(csv.field());
      const double baseline = csv.number("baseline");
      const double goal = csv.number("target");
      const std::int32_t start = csv.day("start");
      const std::int32_t end = csv.day("end");
      csv.end_row();
      gt::target t = gt::target::quantity(
          code, "", owner,
          gt::period::between(gt::from_day_number(start), gt::from_day_number(end)));
      if (goal < baseline) {
        t.decrease_to(goal);
      } else {
        t.increase_to(goal);
      }
      p.add_target(t.from(baseline));
    }
  }
  {
    kit::mapped_file f(dir / "measurements.csv", "measurements.csv");
    kit::csv_reader csv(f, "target_id,date,value");
    std::vector<gt::target_id> targets;
    std::vector<std::int32_t> days;
    std::vector<double> values;
    while (csv.next_row()) {
      targets.push_back(*p.find_target(csv.field()));
      days.push_back(csv.day("date"));
      values.push_back(csv.number("value"));
      csv.end_row();
    }
    p.add_measurements(targets, days, values);
  }
  return p;
}

}  // namespace

fs::path kit_dir() { return env_path("GOALTRACK_PEER_DATA", "/tmp/peers-data/scale-1.0"); }

const gt::plan* kit_plan(std::string& error) {
  static std::string failure;
  static const std::optional<gt::plan> plan = []() -> std::optional<gt::plan> {
    const fs::path dir = kit_dir();
    if (!fs::exists(dir / "units.csv")) {
      failure = "no kit data at " + dir.string() +
                " (set GOALTRACK_PEER_DATA, or generate it with ../shared/peers/gen.py)";
      return std::nullopt;
    }
    try {
      return build_kit_plan(dir);
    } catch (const std::exception& e) {
      failure = e.what();
      return std::nullopt;
    }
  }();
  error = failure;
  return plan ? &*plan : nullptr;
}

}  // namespace goaltrack_bench
