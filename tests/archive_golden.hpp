#pragma once
// The plan saved in the golden files tests/data/plan_v<N>.{txt,xml,bin}.gtk (one set per
// file-format version N), and where they are. Small on purpose: the corrupt-file tests
// damage every byte of them. Write the newest version's set once, when that version is
// new (never overwrite a released one):
//   GOALTRACK_WRITE_GOLDEN=1 ./goaltrack_tests --gtest_filter='archive_golden.*'

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <limits>
#include <string>

#include "goaltrack/io/archive.hpp"

namespace goaltrack_test {

/// CRC-32C computed bit by bit (Castagnoli, reflected polynomial 0x82F63B78): the
/// definition, independent of the library's table-driven one, for tests that forge
/// envelopes. crc32c_reference("123456789") is 0xE3069283.
inline std::uint32_t crc32c_reference(const void* data, std::size_t size) {
  const auto* p = static_cast<const unsigned char*>(data);
  std::uint32_t c = 0xFFFFFFFFU;
  for (std::size_t i = 0; i < size; ++i) {
    c ^= p[i];
    for (int k = 0; k < 8; ++k) c = (c & 1U) != 0 ? (c >> 1) ^ 0x82F63B78U : c >> 1;
  }
  return ~c;
}

/// Rewrites a goaltrack file's envelope so that its payload length and both checksums
/// match its bytes (what a hostile file would do).
inline void fix_envelope(std::string& b) {
  if (b.size() < 32) return;
  const auto put = [&](std::size_t at, std::uint64_t v, int n) {
    for (int i = 0; i < n; ++i)
      b[at + static_cast<std::size_t>(i)] = static_cast<char>(v >> (8 * i));
  };
  put(16, b.size() - 32, 8);
  put(24, crc32c_reference(b.data() + 32, b.size() - 32), 4);
  put(28, crc32c_reference(b.data(), 28), 4);
}

inline std::filesystem::path golden_dir() {
  return std::filesystem::path(__FILE__).parent_path() / "data";
}

/// The file-format versions with golden files: every one this library reads.
inline constexpr std::uint32_t golden_versions[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
static_assert(std::size(golden_versions) == goaltrack::archive_format_version,
              "a new file-format version needs its golden files");

inline std::filesystem::path golden_file(goaltrack::archive_format f, std::uint32_t version) {
  const char* ext = f == goaltrack::archive_format::text  ? "txt"
                    : f == goaltrack::archive_format::xml ? "xml"
                                                          : "bin";
  return golden_dir() / ("plan_v" + std::to_string(version) + "." + ext + ".gtk");
}

/// One of everything: collectives in a tree, members, the default and a custom scale, a
/// round with member and collective ratings, a program cascade, tasks with histories,
/// targets of all seven kinds, measurements with a source, a note and a ratio
/// denominator, and a policy with a rating summary. From format 3 on, the fields that
/// format added have values other than their defaults (files of older formats load them
/// as defaults).
inline goaltrack::plan golden_plan(std::uint32_t version = goaltrack::archive_format_version) {
  using namespace goaltrack;
  plan p;
  auto& o = p.org();
  const collective_id dept = o.add_collective("SGD", "Sở GD-ĐT", "department");
  const collective_id party = o.add_collective("DB", "Đảng bộ Sở", "party_committee", dept);
  const collective_id c1 = o.add_collective("CB1", "Chi bộ 1", "cell", party);
  const collective_id c2 = o.add_collective("CB2", "Chi bộ \"2\" <A&B>", "cell", party);
  const member_id m1 = o.add_member("M1", "Nguyễn Văn A", c1);
  const member_id m2 = o.add_member("M2", "", c1);
  const member_id m3 = o.add_member("M3", "Trần Thị C", c2);
  const scale_id vn4 = p.add_scale(rating_scale::vietnamese_default());
  p.add_scale(rating_scale("pass", {{"pass", "Đạt", "Pass"}, {"fail", "Không đạt", "Fail"}}));
  const round_id r = p.add_round(vn4, period::year(2020), make_date(2021, 1, 15));
  p.rate(r, m1, rating_level(0));
  p.rate(r, m2, rating_level(1));
  p.rate(r, m3, rating_level(2));
  p.rate(r, c1, rating_level(1));
  const program_id ctr = p.add_program({"CTr-190",
                                        "190-CTr/TU",
                                        "Tỉnh ủy",
                                        "Chương trình hành động",
                                        period::school_year(2019),
                                        party,
                                        {}});
  const program_id plan_id = p.add_program(
      {"KH-12", "12/KH-SGD", "Sở", "Kế hoạch thực hiện", period::year(2020), dept, ctr});
  task t{"NV1",
         "Rà soát mạng lưới\nline 2",
         plan_id,
         dept,
         make_date(2020, 12, 31),
         task_kind::planned,
         1.0,
         {},
         {}};
  t.history = {{make_date(2020, 2, 1), task_status::in_progress},
               {make_date(2020, 11, 30), task_status::completed}};
  p.add_task(t);
  task supplementary{"NV2", "Bổ sung", plan_id, c2, std::nullopt, task_kind::supplementary,
                     2.5,   {},        {}};
  if (version >= 7) supplementary.added_on = make_date(2020, 7, 10);
  p.add_task(supplementary);
  const bool v3 = version >= 3;
  target site_target = target::quantity("SITES", "Giảm điểm trường", dept, period::year(2020))
                           .decrease_by(98)
                           .from(1250)
                           .counting("điểm trường")
                           .in_program(plan_id)
                           .aggregated_by(v3 ? aggregation::latest_in_period : aggregation::latest);
  if (version >= 6)
    site_target.phased_by(period_kind::half_year).expecting(expectation::sub_periods);
  const target_id sites = p.add_target(site_target);
  const target_id ratio =
      p.add_target(target::ratio("R10", "Tỉ lệ vào lớp 10", dept, period::school_year(2019))
                       .at_least(0.581)
                       .in_unit("%")
                       .aggregated_by(v3 ? aggregation::sum : aggregation::latest));
  target fund = target::money("FUND", "Quỹ khuyến học", party,
                              v3 ? period::half_year(2020, 2) : period::quarter(2020, 4), "VND")
                    .increase_to(47'000'000)
                    .from(0)
                    .scored_by(v3 ? scoring_method::percent_of_target : scoring_method::by_goal);
  if (version >= 6) {
    fund.phased_by(period_kind::quarter)
        .planned_values({20'000'000, 27'000'000}, plan_basis::per_sub_period)
        .expecting(expectation::plan);
  }
  const target_id money = p.add_target(fund);
  target happy = target::milestone("HAPPY", "Trường học hạnh phúc", dept, period::month(2020, 9),
                                   {"plan", "pilot", "replicate"});
  if (version >= 5) happy.weighted({10, 30, 60});
  const target_id ms = p.add_target(happy);
  target drop =
      target::direction("DROP", "Giảm bỏ học", dept, period::fiscal_year(2020, 4), trend::decrease);
  if (version >= 5) drop.scored_by(scoring_method::open_sdg).limited_at(0);
  p.add_target(drop);
  p.add_target(target::member_share("GOOD", "100% đảng viên HTT", party, period::year(2020), vn4,
                                    rating_level(1)));
  p.add_target(target::all_collectives("CELLS", "5/5 chi bộ", party, period::year(2020), vn4,
                                       rating_level(1))
                   .counting_kind("cell"));
  p.add_measurement({sites, make_date(2020, 12, 31), 1152, 1, "Báo cáo tổng kết", "giảm 98"});
  p.add_measurement({ratio, make_date(2020, 6, 30), 5810, 10000, "", "58,1%"});
  p.add_measurement({money, make_date(2020, 12, 1), 46'900'000, 1, "Quỹ", ""});
  p.add_measurement({ms, make_date(2020, 9, 30), 2, 1, "", ""});
  evaluation_policy pol;
  pol.on_track_margin = 0.05;
  pol.close_at_period_end = v3;
  pol.rating_summaries.push_back(
      {r, rating_level(1), "cell", collective_criterion::own_rating, share::percent(100)});
  if (version >= 4) {
    pol.basis = band_basis::progress;
    pol.reached_is_achieved = false;
    pol.statuses = {{"gan_dat", "nearly met", "gần đạt", "#fdd835", target_status::at_risk}};
    pol.bands = {
        {"gan_dat", 0.95, 1.0, true, false, band_phase::closed},
        {"missed", -std::numeric_limits<double>::infinity(), 0.95, true, false, band_phase::closed},
        {"achieved", 1.0, std::numeric_limits<double>::infinity(), true, false,
         band_phase::closed}};
  }
  if (version >= 5) {
    p.add_assessment({sites, make_date(2020, 12, 20), "achieved", 1.0, "Ban giám đốc", "giảm 98"});
    pol.minimum_points = 2;
    pol.forecast_min_points = 3;
  }
  if (version >= 8) {
    // Enrolment counted per cell and summed up to the party committee; the ratio also counts
    // toward the provincial program; the plan toward an objective added after it.
    const target_id enrolled =
        p.add_target(target::quantity("ENROL-CB1", "Huy động trẻ", c1, period::year(2020))
                         .at_least(120)
                         .measuring("enrolled"));
    p.add_measurement({enrolled, make_date(2020, 9, 5), 118, 1, "", ""});
    p.add_target(target::quantity("ENROL", "Huy động trẻ toàn Đảng bộ", party, period::year(2020))
                     .at_least(240)
                     .measuring("enrolled")
                     .aggregating(tree_aggregation::sum));
    const program_id objective =
        p.add_program({"MT-1", "", "", "Mục tiêu 2020", period::year(2020), dept, {}});
    p.add_alignment({ratio, {}, ctr, 2.0});
    p.add_alignment({{}, plan_id, objective, 0.5});
  }
  if (version >= 9) {
    // Names in English for the department and its cell, and for a task and a target; the
    // program's title again in Vietnamese.
    p.add_labels(std::vector<entity_label>{
        {dept, {}, {}, {}, language::en, "Department of Education & <Training>"},
        {c2, {}, {}, {}, language::en, "Cell \"2\""},
        {{}, plan_id, {}, {}, language::vi, "Kế hoạch số 12"},
        {{}, {}, task_id(1), {}, language::en, "Supplementary task"},
        {{}, {}, {}, target_id(0), language::en, "School sites removed"}});
  }
  if (version >= 10) {
    p.add_label({{}, {}, {}, target_id(0), language::en, "school sites", label_part::unit});
  }
  if (version >= 11) {
    // Notes of spreadsheet rows: a collective's, a target's, a measurement's, a rating's.
    row_note cell;
    cell.collective = collective_id(3);
    cell.column = "Ghi chú";
    cell.text = "Chi bộ <mới> & \"tách\"";
    row_note target_note;
    target_note.target = sites;
    target_note.column = "Ghi chú";
    target_note.text = "Số liệu tạm tính";
    row_note figure;
    figure.measurement = 1;
    figure.column = "ghi_chu";
    figure.text = "chờ thẩm định";
    row_note rating;
    rating.round = round_id(0);
    rating.member = member_id(1);
    rating.column = "Ghi chú";
    rating.text = "xếp loại lại";
    p.add_notes(std::vector<row_note>{cell, target_note, figure, rating});
  }
  if (version >= 8) {
    pol.rollup = "worst";
    rollup_rule two{"two_of_three", rollup_method::count_achieved};
    two.required_count = 2;
    two.exclude_no_data = false;
    pol.rollup_rules = {two};
    pol.rollup_overrides = {{rollup_scope::program, "KH-12", "two_of_three"},
                            {rollup_scope::collective, "CB1", "weighted_mean"}};
  }
  p.add_policy("strict", pol);
  return p;
}

}  // namespace goaltrack_test
