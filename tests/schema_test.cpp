// The one description of each entity's fields (src/schema.hpp), and what is checked
// against it here (the CSV layouts are checked at compile time in io/csv_layout.hpp,
// the Python attributes are bound from it):
//   - the public headers document every field with the description's words;
//   - README's table of CSV files lists the layout's columns;
//   - the random plans that the archive and CSV round-trip tests save, load, export and
//     import give every field a value other than its default somewhere, so a field that
//     a format drops fails those tests;
//   - fields that do not apply to a kind are refused by every entry point alike.

#include "schema.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "fresh_dir.hpp"
#include "goaltrack/error.hpp"
#include "goaltrack/io/csv.hpp"
#include "goaltrack/plan.hpp"
#include "io/csv_layout.hpp"
#include "random_plan.hpp"

namespace gt = goaltrack;
namespace fs = std::filesystem;
using gt::detail::described;
using gt::detail::for_each_field;

namespace {

using goaltrack_test::read_text;

const fs::path root = fs::path(__FILE__).parent_path().parent_path();

// `s` with runs of white space made one space, and the comment markers removed.
std::string normalized(std::string s) {
  for (const char* marker : {"///<", "///"}) {
    for (auto at = s.find(marker); at != std::string::npos; at = s.find(marker)) {
      s.replace(at, std::string(marker).size(), " ");
    }
  }
  std::string out;
  for (const char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    // Sentence case aside (a header's doc may start a sentence).
    out += space ? ' ' : static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out;
}

template <class Entity>
void expect_documented_in(const std::string& header) {
  const std::string text = normalized(read_text(root / "include" / "goaltrack" / header));
  for_each_field<Entity>([&](const auto& f) {
    EXPECT_NE(text.find(normalized(std::string(f.doc))), std::string::npos)
        << header << " does not document " << gt::detail::schema<Entity>::kind << " field "
        << f.name << " as the description does: \"" << f.doc << "\"";
  });
}

}  // namespace

TEST(schema, public_headers_document_every_field_in_the_descriptions_words) {
  expect_documented_in<gt::level_labels>("rating.hpp");
  expect_documented_in<gt::collective_spec>("organization.hpp");
  expect_documented_in<gt::member_spec>("organization.hpp");
  expect_documented_in<gt::program>("program.hpp");
  expect_documented_in<gt::task_status_change>("task.hpp");
  expect_documented_in<gt::task>("task.hpp");
  expect_documented_in<gt::rating_goal>("target.hpp");
  expect_documented_in<gt::target>("target.hpp");
  expect_documented_in<gt::measurement>("measurement.hpp");
  expect_documented_in<gt::rating_summary_spec>("policy.hpp");
  expect_documented_in<gt::named_policy>("policy.hpp");
  expect_documented_in<gt::evaluation_policy>("policy.hpp");
  expect_documented_in<gt::status_definition>("status.hpp");
  expect_documented_in<gt::status_band>("status.hpp");
  expect_documented_in<gt::row_note>("note.hpp");
}

namespace {

// Checks that `doc` has a table row "| `file` | columns |" for every file of the layout,
// listing its columns in order with a star on the required ones.
void lists_every_csv_file_with_its_columns(const std::string& readme, const std::string& doc) {
  SCOPED_TRACE(doc);
  for (const auto* file : gt::detail::csv::all_files) {
    const std::string start = "| `" + std::string(file->file) + "` | ";
    const auto at = readme.find(start);
    ASSERT_NE(at, std::string::npos) << doc << " has no row for " << file->file;
    std::string cells = readme.substr(at + start.size());
    cells = cells.substr(0, std::min(cells.find(" |\n"), cells.find(" — ")));
    // "code*, name, kind (`planned`)": names, a star for required, then remarks.
    std::vector<gt::detail::csv::column> listed;
    std::istringstream items(cells);
    for (std::string item; std::getline(items, item, ',');) {
      const auto b = item.find_first_not_of(' ');
      const auto e = item.find_first_of("* ", b);
      listed.push_back({"", e != std::string::npos && item[e] == '*'});
      const std::string name = item.substr(b, e == std::string::npos ? e : e - b);
      ASSERT_LT(listed.size(), file->columns.size() + 1) << file->file << ": " << cells;
      EXPECT_EQ(name, file->columns[listed.size() - 1].name) << file->file;
      EXPECT_EQ(listed.back().required, file->columns[listed.size() - 1].required)
          << file->file << " " << name;
    }
    EXPECT_EQ(listed.size(), file->columns.size()) << file->file << ": " << cells;
  }
}

}  // namespace

TEST(schema, readme_and_the_csv_header_list_every_csv_file_with_its_columns) {
  lists_every_csv_file_with_its_columns(read_text(root / "README.md"), "README.md");
  lists_every_csv_file_with_its_columns(read_text(root / "include/goaltrack/io/csv.hpp"),
                                        "include/goaltrack/io/csv.hpp");
}

// --- every field is exercised by the round-trip tests' plans ----------------------------

namespace {

// The items of a vector field, or void (the description's own trait).
template <class T>
using item_of = typename gt::detail::schema_detail::vector_of<T>::type;

// Adds to `seen` the path of every field of `e` (nested ones "rating.count") whose
// value differs from a default-constructed one's; a vector counts when not empty, and
// its described items are looked into.
template <class Entity>
void note_values(const Entity& e, const std::string& prefix, std::set<std::string>& seen) {
  [[maybe_unused]] static const Entity defaults{};
  for_each_field<Entity>([&](const auto& f) {
    using V = typename std::remove_cvref_t<decltype(f)>::value_type;
    const std::string path = prefix + std::string(f.name);
    if (!(e.*f.member == defaults.*f.member)) seen.insert(path);
    if constexpr (!std::is_void_v<item_of<V>>) {
      if constexpr (described<item_of<V>>) {
        for (const auto& item : e.*f.member) note_values(item, path + ".", seen);
      }
    } else if constexpr (described<V> && !std::is_same_v<V, std::string>) {
      note_values(e.*f.member, path + ".", seen);
    }
  });
}

template <class Entity>
std::set<std::string> all_paths(const std::string& prefix = "") {
  std::set<std::string> paths;
  for_each_field<Entity>([&](const auto& f) {
    using V = typename std::remove_cvref_t<decltype(f)>::value_type;
    const std::string path = prefix + std::string(f.name);
    paths.insert(path);
    if constexpr (!std::is_void_v<item_of<V>>) {
      if constexpr (described<item_of<V>>) {
        paths.merge(all_paths<item_of<V>>(path + "."));
      }
    } else if constexpr (described<V> && !std::is_same_v<V, std::string>) {
      paths.merge(all_paths<V>(path + "."));
    }
  });
  return paths;
}

template <class Entity>
void expect_every_field_varies(const std::vector<Entity>& values) {
  std::set<std::string> seen;
  for (const auto& v : values) note_values(v, "", seen);
  for (const auto& path : all_paths<Entity>()) {
    EXPECT_TRUE(seen.count(path) == 1)
        << "no random plan gives " << gt::detail::schema<Entity>::kind << " field " << path
        << " a value other than its default: extend tests/random_plan.hpp, so that the "
           "archive and CSV round-trip tests cover it";
  }
}

}  // namespace

TEST(schema, the_round_trip_plans_give_every_field_a_value_other_than_its_default) {
  std::vector<gt::level_labels> levels;
  std::vector<gt::collective_spec> collectives;
  std::vector<gt::member_spec> members;
  std::vector<gt::program> programs;
  std::vector<gt::task> tasks;
  std::vector<gt::target> targets;
  std::vector<gt::measurement> measurements;
  std::vector<gt::named_policy> policies;
  std::vector<gt::plan> plans;  // the specs' views point into them
  for (std::uint64_t seed = 1; seed <= 40; ++seed)
    plans.push_back(goaltrack_test::random_plan(seed));
  for (const gt::plan& p : plans) {
    for (const auto& s : p.scales())
      levels.insert(levels.end(), s.levels().begin(), s.levels().end());
    const gt::organization& o = p.org();
    for (std::size_t i = 0; i < o.collective_count(); ++i) {
      const gt::collective_id c(static_cast<gt::collective_id::value_type>(i));
      const auto parent = o.parent(c);
      collectives.push_back(
          {o.code(c), o.name(c), o.kind(c), parent ? o.code(*parent) : std::string_view()});
    }
    for (std::size_t i = 0; i < o.member_count(); ++i) {
      const gt::member_id m(static_cast<gt::member_id::value_type>(i));
      members.push_back({o.code(m), o.name(m), o.collective_of(m)});
    }
    programs.insert(programs.end(), p.programs().begin(), p.programs().end());
    tasks.insert(tasks.end(), p.tasks().begin(), p.tasks().end());
    for (const gt::target& t : p.targets()) targets.push_back(t);
    for (std::size_t i = 0; i < p.measurements().size(); ++i) {
      measurements.push_back(p.measurements().at(i));
    }
    policies.insert(policies.end(), p.policies().begin(), p.policies().end());
  }
  expect_every_field_varies(levels);
  expect_every_field_varies(collectives);
  expect_every_field_varies(members);
  expect_every_field_varies(programs);
  expect_every_field_varies(tasks);
  expect_every_field_varies(targets);
  expect_every_field_varies(measurements);
  expect_every_field_varies(policies);
}

// --- fields that apply to some kinds only -------------------------------------------------

TEST(schema, a_field_its_kind_does_not_have_is_refused_by_the_api_and_by_import) {
  gt::plan p;
  const auto dept = p.org().add_collective("d", "D", "x");
  auto money = gt::target::money("M", "m", dept, gt::period::year(2021), "VND").at_least(5);
  money.rating.count = 3;
  try {
    p.add_target(money);
    ADD_FAILURE() << "accepted";
  } catch (const gt::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "target 'M': rating does not apply to a money target (leave it unset)");
  }
  auto share = gt::target::member_share("S", "s", dept, gt::period::year(2021), gt::scale_id{},
                                        gt::rating_level{});
  share.rating.all = true;  // collective_count only
  EXPECT_THROW(share.validate(), gt::invalid_argument);
  auto milestone = gt::target::milestone("K", "k", dept, gt::period::year(2021));
  milestone.wanted = gt::trend::decrease;
  EXPECT_THROW(milestone.validate(), gt::invalid_argument);

  // The same rule from a spreadsheet, at the row and naming the field.
  const std::vector<gt::csv_source> files = {
      {"collectives.csv", "code,name,kind,parent\nd,D,x,\n"},
      {"rating_scales.csv", "scale,level\nvn4,good\n"},
      {"targets.csv",
       "code,title,kind,owner,period,goal,goal_value,currency,scale,level,trend\n"
       "M,m,money,d,2021,at_least,5,VND,vn4,good,\n"
       "K,k,milestone,d,2021,,,,,,decrease\n"}};
  try {
    (void)gt::import_csv(files);
    ADD_FAILURE() << "imported";
  } catch (const gt::csv_error& e) {
    ASSERT_EQ(e.issues().size(), 2U) << e.what();
    EXPECT_EQ(e.issues()[0].line, 2U);
    EXPECT_NE(e.issues()[0].message.find("rating does not apply to a money target"),
              std::string::npos)
        << e.issues()[0].message;
    EXPECT_EQ(e.issues()[1].line, 3U);
    EXPECT_NE(e.issues()[1].message.find("wanted does not apply to a milestone target"),
              std::string::npos)
        << e.issues()[1].message;
  }
}
