#include "origin_review.hpp"

#include <array>
#include <cmath>
#include <optional>
#include <span>
#include <vector>

namespace origin {
namespace {

namespace gt = goaltrack;
using gt::language;

// --- English names ------------------------------------------------------------------
// The plan's own names are Vietnamese, as users type them; the English review reads these
// labels (goaltrack::entity_label), keyed here by code. The tasks carry theirs below.
enum class named : std::uint8_t { collective, program, target };
struct english_name {
  named kind;
  std::string_view code;
  std::string_view text;
  gt::label_part part = gt::label_part::name;
};
constexpr std::array english_names{
    english_name{named::collective, codes::provincial_party,
                 "the Provincial Party Committee (Tỉnh ủy)"},
    english_name{named::collective, codes::provincial_people,
                 "the Provincial People's Committee (UBND tỉnh)"},
    english_name{named::collective, codes::department,
                 "The Department of Education and Training (Sở GD-ĐT)"},
    english_name{named::collective, codes::party_committee,
                 "The Party Committee of the Department (Đảng bộ Sở GD-ĐT)"},
    english_name{named::program, codes::program_190,
                 "Action Program No. 190-CTr/TU of the Provincial Party Committee (Tỉnh ủy)"},
    english_name{named::program, codes::program_02,
                 "Action Program No. 02/CTr-UBND of the Provincial People's Committee (UBND tỉnh)"},
    english_name{named::program, codes::department_plan_190,
                 "The Department's 2020 plan for Action Program No. 190-CTr/TU"},
    english_name{named::program, codes::department_plan_02,
                 "The Department's 2020 plan for Action Program No. 02/CTr-UBND"},
    english_name{named::program, codes::plan_2021, "Directions and tasks for 2021"},
    english_name{named::target, codes::school_sites,
                 "The 2020 plan to reorganise the school network"},
    english_name{named::target, codes::school_sites, "school sites", gt::label_part::unit},
    english_name{named::target, codes::prize_winners,
                 "Students winning prizes in provincial and national subject competitions"},
    english_name{named::target, codes::prize_winners, "students", gt::label_part::unit},
    english_name{named::target, codes::upper_secondary,
                 "Lower-secondary graduates going on to upper secondary school"},
    english_name{named::target, codes::tet_fund,
                 "Donations to the “Tet for the Poor” fund (Tết vì người nghèo)"},
    english_name{named::target, codes::dropout,
                 "Reduce student dropout in highland and disadvantaged areas"},
    english_name{named::target, codes::happy_school, "Replicate the “Happy School” model"},
    english_name{named::target, codes::members_good, "Party members rated well completed"},
    english_name{named::target, codes::cells_good, "Cells rated well completed or above"},
    english_name{named::target, codes::cells_good, "cells", gt::label_part::unit},
};

// --- the department's tasks ---------------------------------------------------------
// The article counts 15 planned and 2 supplementary tasks without listing them; these
// titles are drawn from the work it names, and the dates are illustrative.
struct task_spec {
  std::string_view code;
  std::string_view program;
  gt::task_kind kind;
  int started_month;  // all in 2020
  int started_day;
  int done_month;
  int done_day;
  std::string_view title;
  std::string_view english;
};
constexpr gt::task_kind planned = gt::task_kind::planned;
constexpr gt::task_kind supplementary = gt::task_kind::supplementary;
constexpr std::string_view p190 = codes::department_plan_190;
constexpr std::string_view p02 = codes::department_plan_02;
constexpr std::array<task_spec, 17> department_tasks{{
    {"NV-01", p190, planned, 1, 6, 2, 28,
     "Xây dựng chương trình, kế hoạch năm; cụ thể hóa các chương trình, nghị quyết của Đảng bộ",
     "Draw up the year's program and plans; give effect to the Party Committee's programs and "
     "resolutions"},
    {"NV-02", p190, planned, 1, 6, 12, 15, "Giáo dục chính trị, tư tưởng cho cán bộ, đảng viên",
     "Political and ideological education of officials and party members"},
    {"NV-03", p190, planned, 1, 6, 12, 15, "Phòng, chống tham nhũng",
     "Prevent and combat corruption"},
    {"NV-04", p190, planned, 1, 6, 11, 30, "Công tác dân vận, lãnh đạo đoàn thể",
     "Mass mobilisation; lead the mass organisations"},
    {"NV-05", p190, planned, 1, 6, 12, 20, "Các cuộc vận động, phong trào thi đua yêu nước",
     "Campaigns and patriotic emulation movements"},
    {"NV-06", p190, planned, 1, 6, 12, 25,
     "Nghị quyết Trung ương 4 gắn với Chỉ thị số 05 của Bộ Chính trị",
     "Central Resolution 4 with Politburo Directive No. 05"},
    {"NV-07", p190, planned, 1, 6, 12, 25,
     "Chỉ thị số 10 của Ban Bí thư về nâng cao chất lượng sinh hoạt chi bộ",
     "Secretariat Directive No. 10 on the quality of cell meetings"},
    {"NV-08", p02, planned, 1, 6, 12, 31, "Sắp xếp quy mô, mạng lưới trường lớp học năm 2020",
     "Reorganise the network of schools and classes in 2020"},
    {"NV-09", p02, planned, 1, 6, 8, 31,
     "Chuẩn bị cơ sở vật chất cho chương trình giáo dục phổ thông 2018",
     "Prepare facilities for the 2018 general education curriculum"},
    {"NV-10", p02, planned, 1, 6, 8, 31,
     "Chuẩn bị đội ngũ cho chương trình giáo dục phổ thông 2018",
     "Prepare teachers for the 2018 general education curriculum"},
    {"NV-11", p02, planned, 1, 6, 5, 31, "Thi học sinh giỏi cấp tỉnh và dự thi cấp quốc gia",
     "Provincial gifted-student competitions and national entries"},
    {"NV-12", p02, planned, 3, 2, 8, 15, "Tuyển sinh lớp 10 năm học 2020-2021",
     "Grade 10 admissions for the 2020-2021 school year"},
    {"NV-13", p02, planned, 6, 1, 9, 5, "Tổng kết năm học 2019-2020, khai giảng năm học 2020-2021",
     "Close the 2019-2020 school year and open 2020-2021"},
    {"NV-14", p02, planned, 1, 6, 7, 31, "Hướng nghiệp, phân luồng học sinh sau THCS",
     "Career guidance and streaming after lower secondary"},
    {"NV-15", p02, planned, 1, 6, 12, 28, "Truyền thông về giáo dục",
     "Communication about education"},
    {"NV-BS-01", p02, supplementary, 2, 3, 2, 5,
     "Tham mưu UBND tỉnh cho học sinh tạm nghỉ học phòng, chống dịch Covid-19",
     "Advise the Province on closing schools during Covid-19"},
    {"NV-BS-02", p02, supplementary, 4, 20, 5, 4,
     "Tham mưu UBND tỉnh cho học sinh đi học trở lại an toàn",
     "Advise the Province on reopening schools safely"},
}};

// Members of the five cells, and how many of each were rated excellent (and, in 2020,
// only "completed") in each year's round. Illustrative: the article gives the totals
// (12 individuals excellent in 2020) and the 2021 goals, not the people.
constexpr std::array<int, 5> cell_sizes{9, 8, 7, 6, 6};
constexpr std::array<int, 5> excellent_2020{3, 3, 2, 2, 2};
constexpr std::array<int, 5> only_completed_2020{0, 0, 0, 1, 1};
constexpr std::array<int, 5> excellent_2021{3, 2, 2, 2, 1};
constexpr std::array<bool, 5> cell_excellent_2020{true, false, false, false, false};
constexpr std::array<bool, 5> cell_excellent_2021{true, false, true, false, false};

gt::date day(int year, int month, int d) { return gt::make_date(year, month, d); }

template <class Id>
Id need(std::optional<Id> id, std::string_view what, std::string_view code) {
  if (!id)
    throw gt::not_found("origin plan has no " + std::string(what) + " '" + std::string(code) + "'");
  return *id;
}
gt::target_id target_of(const gt::plan& p, std::string_view code) {
  return need(p.find_target(code), "target", code);
}
gt::program_id program_of(const gt::plan& p, std::string_view code) {
  return need(p.find_program(code), "program", code);
}
gt::scale_id scale_of(const gt::plan& p) {
  return need(p.find_scale(codes::scale), "scale", codes::scale);
}

// The English labels of english_names and of the cells and tasks.
std::vector<gt::entity_label> english_labels(const gt::plan& p) {
  std::vector<gt::entity_label> labels;
  const auto add = [&labels](gt::entity_label l, std::string_view text, gt::label_part part) {
    l.language = language::en;
    l.text = text;
    l.part = part;
    labels.push_back(std::move(l));
  };
  for (const english_name& n : english_names) {
    gt::entity_label l;
    if (n.kind == named::collective) l.collective = p.org().collective(n.code);
    if (n.kind == named::program) l.program = program_of(p, n.code);
    if (n.kind == named::target) l.target = target_of(p, n.code);
    add(l, n.text, n.part);
  }
  for (std::size_t c = 1; c <= cell_sizes.size(); ++c) {
    gt::entity_label l;
    l.collective = p.org().collective("CB-" + std::to_string(c));
    add(l, "Cell No. " + std::to_string(c), gt::label_part::name);
  }
  for (const task_spec& t : department_tasks) {
    gt::entity_label l;
    l.task = need(p.find_task(t.code), "task", t.code);
    add(l, t.english, gt::label_part::name);
  }
  return labels;
}

// The collectives a collective_count target counts, read from the organisation.
std::uint32_t counted_collectives(const gt::plan& p, const gt::target& t) {
  const gt::organization& org = p.org();
  std::uint32_t n = 0;
  for (std::size_t c = 0; c < org.collective_count(); ++c) {
    const gt::collective_id id(static_cast<gt::collective_id::value_type>(c));
    if (id == t.owner) continue;
    const bool below = t.rating.scope == gt::rating_scope::subtree ? org.in_subtree(id, t.owner)
                                                                   : org.parent(id) == t.owner;
    const bool of_kind = t.rating.counted_kind.empty() || org.kind(id) == t.rating.counted_kind;
    n += below && of_kind ? 1U : 0U;
  }
  return n;
}

}  // namespace

gt::date review_date() { return day(2021, 1, 21); }
gt::period review_period() { return gt::period::year(2020); }
gt::period plan_period() { return gt::period::year(2021); }
gt::date follow_up_date() { return day(2021, 12, 31); }

gt::plan build_origin_plan() {
  gt::plan p;
  gt::organization& org = p.org();

  // The organisation. A collective has one parent, so the tree follows each body's own
  // line: the department under the People's Committee, the department's Party
  // Committee under the Provincial Party Committee, and the five cells under it.
  const auto province_party =
      org.add_collective(codes::provincial_party, "Tỉnh ủy", "provincial_party_committee");
  const auto province =
      org.add_collective(codes::provincial_people, "UBND tỉnh", "provincial_peoples_committee");
  const auto department = org.add_collective(codes::department, "Sở GD-ĐT", "department", province);
  const auto committee = org.add_collective(codes::party_committee, "Đảng bộ Sở GD-ĐT",
                                            "party_committee", province_party);
  std::vector<gt::collective_id> cells;
  std::vector<std::vector<gt::member_id>> cell_members(cell_sizes.size());
  int member_number = 0;
  for (std::size_t c = 0; c < cell_sizes.size(); ++c) {
    const std::string n = std::to_string(c + 1);
    cells.push_back(org.add_collective("CB-" + n, "Chi bộ số " + n, codes::cell_kind, committee));
    for (int m = 0; m < cell_sizes[c]; ++m) {
      ++member_number;
      const std::string k = (member_number < 10 ? "0" : "") + std::to_string(member_number);
      cell_members[c].push_back(org.add_member("DV-" + k, "Đảng viên " + k, cells.back()));
    }
  }

  // The rating scale and the two rounds: 2020's (decided before the conference, whose
  // Giấy khen it feeds) and 2021's (illustrative, in which the 2021 targets are met).
  const gt::scale_id scale = p.add_scale(gt::rating_scale::vietnamese_default());
  const gt::rating_scale& levels = p.get(scale);
  const gt::rating_level excellent = levels.level("excellent");
  const gt::rating_level good = levels.level("good");
  const gt::rating_level completed = levels.level("completed");
  const auto rate_year = [&](gt::round_id round, std::span<const int> n_excellent,
                             std::span<const int> n_completed,
                             std::span<const bool> cell_excellent) {
    std::vector<gt::member_id> who;
    std::vector<gt::rating_level> what;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const auto& members = cell_members[c];
      for (std::size_t m = 0; m < members.size(); ++m) {
        const auto i = static_cast<int>(m);
        const bool last = members.size() - m <= static_cast<std::size_t>(n_completed[c]);
        who.push_back(members[m]);
        what.push_back(i < n_excellent[c] ? excellent : (last ? completed : good));
      }
      p.rate(round, cells[c], cell_excellent[c] ? excellent : good);
    }
    p.rate(round, who, what);
  };
  constexpr std::array<int, 5> none{};
  rate_year(p.add_round(scale, review_period(), day(2021, 1, 15)), excellent_2020,
            only_completed_2020, cell_excellent_2020);
  rate_year(p.add_round(scale, plan_period(), day(2021, 12, 28)), excellent_2021, none,
            cell_excellent_2021);

  // The programs: the two provincial action programs (the article gives their numbers;
  // the period here is the year reviewed), the department's plans that carry them out,
  // and the Party Committee's directions for 2021.
  const auto program_190 = p.add_program({std::string(codes::program_190), "190-CTr/TU", "Tỉnh ủy",
                                          "Chương trình hành động số 190-CTr/TU của Tỉnh ủy",
                                          review_period(), province_party, std::nullopt});
  const auto program_02 = p.add_program({std::string(codes::program_02), "02/CTr-UBND", "UBND tỉnh",
                                         "Chương trình hành động số 02/CTr-UBND của UBND tỉnh",
                                         review_period(), province, std::nullopt});
  p.add_program({std::string(codes::department_plan_190), "", "Sở GD-ĐT",
                 "Kế hoạch năm 2020 của Sở GD-ĐT thực hiện Chương trình hành động số 190-CTr/TU",
                 review_period(), department, program_190});
  const auto plan_02 = p.add_program(
      {std::string(codes::department_plan_02), "", "Sở GD-ĐT",
       "Kế hoạch năm 2020 của Sở GD-ĐT thực hiện Chương trình hành động số 02/CTr-UBND",
       review_period(), department, program_02});
  const auto plan_2021 =
      p.add_program({std::string(codes::plan_2021), "", "Đảng bộ Sở GD-ĐT",
                     "Phương hướng, nhiệm vụ năm 2021", plan_period(), committee, std::nullopt});

  // The department's tasks, each started and completed in 2020, added in one batch (all or
  // nothing: a bad task leaves the plan without any of them).
  std::vector<gt::task> tasks;
  for (const task_spec& s : department_tasks) {
    gt::task& t = tasks.emplace_back();
    t.code = s.code;
    t.title = s.title;
    t.program = program_of(p, s.program);
    t.owner = department;
    t.deadline = day(2020, 12, 31);
    t.kind = s.kind;
    t.history = {{day(2020, s.started_month, s.started_day), gt::task_status::in_progress},
                 {day(2020, s.done_month, s.done_day), gt::task_status::completed}};
  }
  p.add_tasks(tasks);

  // The 2020 targets, with their measurements.
  const auto add = [&p](gt::target_id t, gt::date on, double value, double denominator = 1) {
    p.add_measurement({t, on, value, denominator, "Báo cáo tổng kết của Sở GD-ĐT", ""});
  };
  const auto sites =
      p.add_target(gt::target::quantity(std::string(codes::school_sites),
                                        "Sắp xếp quy mô, mạng lưới trường lớp học năm 2020",
                                        department, review_period())
                       .decrease_by(98)
                       .from(assumed::school_sites_before)
                       .counting("điểm trường")
                       .in_program(plan_02));
  add(sites, day(2020, 6, 30), 1012);
  add(sites, day(2020, 9, 5), 971);
  add(sites, day(2020, 12, 31), 948);

  const auto prizes =
      p.add_target(gt::target::quantity(
                       std::string(codes::prize_winners),
                       "Học sinh đạt giải các kỳ thi học sinh giỏi THCS, THPT cấp tỉnh, quốc gia",
                       department, gt::period::school_year(2019))
                       .at_least(assumed::prize_goal)
                       .counting("học sinh")
                       .in_program(plan_02));
  add(prizes, day(2020, 1, 10), 548);
  add(prizes, day(2020, 5, 31), 623);

  const auto transition = p.add_target(gt::target::ratio(std::string(codes::upper_secondary),
                                                         "Học sinh sau tốt nghiệp THCS vào THPT",
                                                         department, review_period())
                                           .at_least(assumed::upper_secondary_goal)
                                           .in_program(plan_02));
  add(transition, day(2020, 8, 15), assumed::upper_secondary_entrants,
      assumed::lower_secondary_graduates);

  // Raised at the conference, for Tết (12 February 2021).
  const auto tet = p.add_target(
      gt::target::money(std::string(codes::tet_fund), "Ủng hộ “Tết vì người nghèo”", department,
                        gt::period::between(day(2021, 1, 21), day(2021, 2, 10)), "VND")
          .at_least(assumed::tet_goal_vnd));
  add(tet, day(2021, 1, 21), static_cast<double>(assumed::tet_raised_vnd));

  // The 2021 targets: two education targets of the department, two party-building
  // targets of the Committee, all in the directions for 2021.
  const auto dropout = p.add_target(
      gt::target::direction(std::string(codes::dropout),
                            "Giảm hiện tượng học sinh bỏ học ở vùng cao, vùng khó khăn", department,
                            plan_period(), gt::trend::decrease)
          .in_unit("%")
          .in_program(plan_2021));
  add(dropout, day(2021, 1, 15), 0.0185);
  add(dropout, day(2021, 5, 31), 0.0162);
  add(dropout, day(2021, 10, 15), 0.0148);
  add(dropout, day(2021, 12, 31), 0.0136);

  const auto happy =
      p.add_target(gt::target::milestone(
                       std::string(codes::happy_school), "Nhân rộng Mô hình “Trường học hạnh phúc”",
                       department, plan_period(),
                       {"Ban hành kế hoạch nhân rộng mô hình", "Tập huấn cán bộ quản lý, giáo viên",
                        "Triển khai tại các trường trong toàn tỉnh", "Sơ kết, đánh giá"})
                       .in_program(plan_2021));
  add(happy, day(2021, 2, 26), 1);
  add(happy, day(2021, 5, 14), 2);
  add(happy, day(2021, 9, 30), 3);
  add(happy, day(2021, 12, 20), 4);

  p.add_target(gt::target::member_share(
                   std::string(codes::members_good), "Đảng viên hoàn thành tốt nhiệm vụ", committee,
                   plan_period(), scale, good, gt::share::percent(100), gt::rating_scope::subtree)
                   .in_program(plan_2021));
  p.add_target(gt::target::all_collectives(std::string(codes::cells_good),
                                           "Chi bộ đạt tập thể hoàn thành tốt nhiệm vụ trở lên",
                                           committee, plan_period(), scale, good)
                   .counting_kind(std::string(codes::cell_kind))
                   .in_unit("chi bộ")
                   .in_program(plan_2021));
  p.add_labels(english_labels(p));
  // Kept in the plan by name, for `goaltrack report ... --policy review`.
  p.add_policy(std::string(codes::review_policy), review_policy(p));
  return p;
}

gt::evaluation_policy review_policy(const gt::plan& p) {
  const gt::scale_id scale = scale_of(p);
  gt::evaluation_policy policy;
  gt::rating_summary_spec spec;
  spec.round =
      need(p.find_round(scale, review_period()), "rating round for", review_period().to_string());
  spec.level = p.get(scale).level("excellent");
  policy.rating_summaries.push_back(spec);
  return policy;
}

gt::evaluation evaluate_review(const gt::plan& p) {
  return gt::evaluate(p, review_date(), codes::review_policy);
}

// The follow-up is a year-end review written on 31 December: the year's targets are closed
// then, achieved or missed, never "on track".
gt::evaluation evaluate_follow_up(const gt::plan& p) {
  return gt::evaluate(p, follow_up_date(), gt::policy_preset("year_end_review"));
}

excellent_count count_excellent(const gt::plan& p, const gt::evaluation& review) {
  const gt::evaluation_policy wanted = review_policy(p);
  for (const gt::rating_tally& tally : review.rating_summaries()) {
    if (!(tally.spec == wanted.rating_summaries.front())) continue;
    excellent_count n;
    for (const auto q : tally.qualifies) n.collectives += q;
    for (const auto m : tally.members_ok) n.individuals += m;
    return n;
  }
  throw gt::not_found("origin review: the evaluation has no summary of the 2020 excellent ratings");
}

std::uint32_t cell_count(const gt::plan& p) {
  return counted_collectives(p, p.get(target_of(p, codes::cells_good)));
}

gt::document review_document(const gt::plan& p, const gt::evaluation& review,
                             const gt::evaluation& follow_up, language lang) {
  const bool vi = lang == language::vi;
  gt::review_options options;
  options.lang = lang;
  options.span = review_period();
  gt::document doc = gt::annual_review(p, review, options);

  // The conference's own title and date, in place of the composition's.
  gt::review_writer names(p, review, lang);
  const std::string committee = names.name(p.org().collective(codes::party_committee));
  const std::string year = review_period().to_string();
  const std::string next_year = plan_period().to_string();
  doc.title = vi ? committee + ": tổng kết công tác Đảng năm " + year +
                       ", triển khai phương hướng, nhiệm vụ năm " + next_year
                 : committee + ": review of the Party's work in " + year + " and directions for " +
                       next_year;
  doc.preface.front() = gt::paragraph{};
  doc.preface.front().add((vi ? "Hội nghị " : "Conference of ") +
                          gt::format_date(review.as_of(), lang) + ".");
  names.finish(doc);

  // The next year's results, as of the follow-up date: the targets of the 2021 directions.
  gt::review_writer results(p, follow_up, lang);
  gt::section& s = doc.add_section((vi ? "Kết quả năm " : "Results of ") + next_year +
                                   (vi ? " (đánh giá " : " (as of ") +
                                   gt::format_date(follow_up.as_of(), lang) + ")");
  const gt::program_id directions = program_of(p, codes::plan_2021);
  for (const gt::target t : p.targets()) {
    if (t.program == directions)
      s.blocks.emplace_back(results.result(target_of(p, t.code), plan_period()));
  }
  results.finish(doc);
  return doc;
}

std::string render_review(const gt::plan& p, const gt::evaluation& review,
                          const gt::evaluation& follow_up, language lang) {
  return gt::render_text(review_document(p, review, follow_up, lang));
}

std::string render_review(const gt::plan& p, language lang) {
  return render_review(p, evaluate_review(p), evaluate_follow_up(p), lang);
}

}  // namespace origin
