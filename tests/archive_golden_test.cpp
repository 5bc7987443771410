// The golden files of every file-format version (tests/data/plan_v<N>.*.gtk) load, in
// every later version of the library, to the plan they were saved from.

#include "archive_golden.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "goaltrack/io/archive.hpp"

namespace gt = goaltrack;

TEST(archive_golden, files_of_every_version_load_with_their_content) {
  for (const std::uint32_t version : goaltrack_test::golden_versions) {
    const gt::plan expected = goaltrack_test::golden_plan(version);
    for (const gt::archive_format f :
         {gt::archive_format::text, gt::archive_format::xml, gt::archive_format::binary}) {
      const auto path = goaltrack_test::golden_file(f, version);
      if (version == gt::archive_format_version && std::getenv("GOALTRACK_WRITE_GOLDEN") != nullptr)
        gt::save(expected, path, f);
      const gt::plan p = gt::load(path);
      EXPECT_TRUE(p == expected) << path;
      // A few facts spelled out, so that a change of golden_plan() cannot hide a change of
      // what the files mean.
      EXPECT_EQ(p.org().collective_count(), 4U);
      EXPECT_EQ(p.org().code(gt::collective_id(3)), "CB2");
      EXPECT_EQ(p.org().name(gt::collective_id(3)), "Chi bộ \"2\" <A&B>");
      EXPECT_EQ(p.org().member_count(), 3U);
      EXPECT_EQ(p.scale_count(), 2U);
      EXPECT_EQ(p.get(gt::round_id(0)).of(gt::member_id(1)), gt::rating_level(1));
      const bool v8 = version >= 8;  // an objective, two targets, a measurement, alignments
      EXPECT_EQ(p.program_count(), v8 ? 3U : 2U);
      EXPECT_EQ(p.task_count(), 2U);
      EXPECT_EQ(p.get(gt::task_id(0)).history.size(), 2U);
      EXPECT_EQ(p.get(gt::task_id(0)).title, "Rà soát mạng lưới\nline 2");
      EXPECT_EQ(p.target_count(), v8 ? 9U : 7U);
      const gt::target sites = p.get(gt::target_id(0));
      EXPECT_EQ(sites.code, "SITES");
      EXPECT_EQ(sites.goal_value, 98);
      EXPECT_EQ(sites.baseline, 1250);
      EXPECT_EQ(p.measurements().size(), v8 ? 5U : 4U);
      EXPECT_EQ(p.measurements().at(0).source, "Báo cáo tổng kết");
      EXPECT_EQ(p.measurements().at(1).denominator, 10000);
      EXPECT_EQ(p.measurements().at(1).note, "58,1%");
      EXPECT_EQ(p.policy("strict").on_track_margin, 0.05);
      EXPECT_EQ(p.alignments().size(), v8 ? 2U : 0U);
      EXPECT_EQ(p.policy("strict").rollup, v8 ? "worst" : "weighted_mean");
      EXPECT_EQ(p.policy("strict").rollup_overrides.size(), v8 ? 2U : 0U);
      if (v8) {
        EXPECT_EQ(p.get(gt::target_id(8)).over_tree, gt::tree_aggregation::sum);
        EXPECT_EQ(p.get(gt::target_id(8)).indicator, "enrolled");
        EXPECT_EQ(p.alignments()[1].weight, 0.5);
      }
      EXPECT_EQ(p.labels().size(), version >= 10 ? 6U : version >= 9 ? 5U : 0U);
      // Files of versions 1 to 10 load with no note.
      EXPECT_EQ(p.notes().size(), version >= 11 ? 4U : 0U);
      if (version >= 11) {
        gt::row_note where;
        where.measurement = 1;
        where.column = "ghi_chu";
        EXPECT_EQ(p.note(where), "chờ thẩm định");
      }
      if (version >= 10) {
        EXPECT_EQ(p.unit_in(gt::target_id(0), gt::language::en).text, "school sites");
      }
      if (version >= 9) {
        EXPECT_EQ(p.name_in(gt::collective_id(3), gt::language::en).text, "Cell \"2\"");
        EXPECT_EQ(p.name_in(gt::task_id(1), gt::language::en).text, "Supplementary task");
      }
    }
  }
}
