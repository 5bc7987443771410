#!/usr/bin/env python3
"""The origin document of goaltrack, in Python: the plan of examples/annual_review
(origin_review.cpp) built through the Python bindings, with the same English labels,
evaluated, and its review printed in Vietnamese (or English with --lang en).

On 21 January 2021 the Party Committee of a provincial Department of Education and
Training reviewed its work of 2020: "Hoàn thành 15/15 nhiệm vụ và 2 nhiệm vụ bổ sung …
giảm 98 điểm trường … 58,1% … gần 47 triệu đồng … 100% đảng viên hoàn thành tốt nhiệm vụ,
5/5 chi bộ đạt tập thể hoàn thành tốt nhiệm vụ trở lên". Where the article gives no figure
the plan uses the same illustrative data as the C++ example (see origin_review.hpp).

The review is the library's, as in C++: annual_review of 2020 under the conference's own
title and date, plus one section of 2021's results written by review_writer.result, printed
by render_text. Every figure comes from the plan and its evaluations, so the text is the C++
example's, language by language.

Run with the built module on the path:
    PYTHONPATH=<build>/python /usr/bin/python3 examples/python/origin_review.py [--lang en]
tests/python/test_origin_review.py imports build_origin_plan() from here.
"""

import argparse
import datetime as dt

import goaltrack as gt

# Stable codes of the entities (origin_review.hpp, namespace codes).
PROVINCIAL_PARTY = "TU"
PROVINCIAL_PEOPLE = "UBND"
DEPARTMENT = "SGDDT"
PARTY_COMMITTEE = "DB-SGDDT"
CELL_KIND = "cell"
PROGRAM_190 = "CTr-190"
PROGRAM_02 = "CTr-02"
DEPARTMENT_PLAN_190 = "KH-SGDDT-190-2020"
DEPARTMENT_PLAN_02 = "KH-SGDDT-02-2020"
PLAN_2021 = "PHNV-2021"
SCHOOL_SITES = "diem-truong-2020"
PRIZE_WINNERS = "hsg-2019-2020"
UPPER_SECONDARY = "vao-thpt-2020"
TET_FUND = "tet-vi-nguoi-ngheo-2021"
DROPOUT = "bo-hoc-vung-cao-2021"
HAPPY_SCHOOL = "truong-hoc-hanh-phuc-2021"
MEMBERS_GOOD = "dang-vien-htt-2021"
CELLS_GOOD = "chi-bo-htt-2021"
REVIEW_POLICY = "review"  # the evaluation policy of the review (review_policy()), kept in the plan
SCALE = "vn4"

# Illustrative figures the article does not give (origin_review.hpp, namespace assumed).
SCHOOL_SITES_BEFORE = 1046
PRIZE_GOAL = 600
UPPER_SECONDARY_GOAL = 0.55
UPPER_SECONDARY_ENTRANTS = 7412
LOWER_SECONDARY_GRADUATES = 12757
TET_GOAL_VND = 40_000_000
TET_RAISED_VND = 46_850_000

REVIEW_DATE = dt.date(2021, 1, 21)
FOLLOW_UP_DATE = dt.date(2021, 12, 31)
REVIEW_PERIOD = gt.period.year(2020)
PLAN_PERIOD = gt.period.year(2021)

# The department's 15 planned and 2 supplementary tasks: code, plan, kind, started
# (month, day), completed (month, day), title and its English label; all in 2020. The
# article counts the tasks without listing them: the titles are drawn from the work it
# names, and the dates are illustrative.
PLANNED, SUPPLEMENTARY = gt.task_kind.planned, gt.task_kind.supplementary
P190, P02 = DEPARTMENT_PLAN_190, DEPARTMENT_PLAN_02
DEPARTMENT_TASKS = [
    ("NV-01", P190, PLANNED, (1, 6), (2, 28),
     "Xây dựng chương trình, kế hoạch năm; cụ thể hóa các chương trình, nghị quyết của Đảng bộ",
     "Draw up the year's program and plans; give effect to the Party Committee's programs and "
     "resolutions"),
    ("NV-02", P190, PLANNED, (1, 6), (12, 15), "Giáo dục chính trị, tư tưởng cho cán bộ, đảng viên",
     "Political and ideological education of officials and party members"),
    ("NV-03", P190, PLANNED, (1, 6), (12, 15), "Phòng, chống tham nhũng",
     "Prevent and combat corruption"),
    ("NV-04", P190, PLANNED, (1, 6), (11, 30), "Công tác dân vận, lãnh đạo đoàn thể",
     "Mass mobilisation; lead the mass organisations"),
    ("NV-05", P190, PLANNED, (1, 6), (12, 20), "Các cuộc vận động, phong trào thi đua yêu nước",
     "Campaigns and patriotic emulation movements"),
    ("NV-06", P190, PLANNED, (1, 6), (12, 25),
     "Nghị quyết Trung ương 4 gắn với Chỉ thị số 05 của Bộ Chính trị",
     "Central Resolution 4 with Politburo Directive No. 05"),
    ("NV-07", P190, PLANNED, (1, 6), (12, 25),
     "Chỉ thị số 10 của Ban Bí thư về nâng cao chất lượng sinh hoạt chi bộ",
     "Secretariat Directive No. 10 on the quality of cell meetings"),
    ("NV-08", P02, PLANNED, (1, 6), (12, 31), "Sắp xếp quy mô, mạng lưới trường lớp học năm 2020",
     "Reorganise the network of schools and classes in 2020"),
    ("NV-09", P02, PLANNED, (1, 6), (8, 31),
     "Chuẩn bị cơ sở vật chất cho chương trình giáo dục phổ thông 2018",
     "Prepare facilities for the 2018 general education curriculum"),
    ("NV-10", P02, PLANNED, (1, 6), (8, 31),
     "Chuẩn bị đội ngũ cho chương trình giáo dục phổ thông 2018",
     "Prepare teachers for the 2018 general education curriculum"),
    ("NV-11", P02, PLANNED, (1, 6), (5, 31), "Thi học sinh giỏi cấp tỉnh và dự thi cấp quốc gia",
     "Provincial gifted-student competitions and national entries"),
    ("NV-12", P02, PLANNED, (3, 2), (8, 15), "Tuyển sinh lớp 10 năm học 2020-2021",
     "Grade 10 admissions for the 2020-2021 school year"),
    ("NV-13", P02, PLANNED, (6, 1), (9, 5), "Tổng kết năm học 2019-2020, khai giảng năm học 2020-2021",
     "Close the 2019-2020 school year and open 2020-2021"),
    ("NV-14", P02, PLANNED, (1, 6), (7, 31), "Hướng nghiệp, phân luồng học sinh sau THCS",
     "Career guidance and streaming after lower secondary"),
    ("NV-15", P02, PLANNED, (1, 6), (12, 28), "Truyền thông về giáo dục",
     "Communication about education"),
    ("NV-BS-01", P02, SUPPLEMENTARY, (2, 3), (2, 5),
     "Tham mưu UBND tỉnh cho học sinh tạm nghỉ học phòng, chống dịch Covid-19",
     "Advise the Province on closing schools during Covid-19"),
    ("NV-BS-02", P02, SUPPLEMENTARY, (4, 20), (5, 4),
     "Tham mưu UBND tỉnh cho học sinh đi học trở lại an toàn",
     "Advise the Province on reopening schools safely"),
]

# English names of the collectives, programs and targets, and of the targets' units. The
# plan's own names are Vietnamese, as users type them; the English review reads these labels
# (gt.entity_label), keyed here by kind and code. The cells and the tasks get theirs below.
NAME, UNIT = gt.label_part.name, gt.label_part.unit
ENGLISH_NAMES = [
    ("collective", PROVINCIAL_PARTY, "the Provincial Party Committee (Tỉnh ủy)", NAME),
    ("collective", PROVINCIAL_PEOPLE, "the Provincial People's Committee (UBND tỉnh)", NAME),
    ("collective", DEPARTMENT, "The Department of Education and Training (Sở GD-ĐT)", NAME),
    ("collective", PARTY_COMMITTEE, "The Party Committee of the Department (Đảng bộ Sở GD-ĐT)",
     NAME),
    ("program", PROGRAM_190,
     "Action Program No. 190-CTr/TU of the Provincial Party Committee (Tỉnh ủy)", NAME),
    ("program", PROGRAM_02,
     "Action Program No. 02/CTr-UBND of the Provincial People's Committee (UBND tỉnh)", NAME),
    ("program", DEPARTMENT_PLAN_190,
     "The Department's 2020 plan for Action Program No. 190-CTr/TU", NAME),
    ("program", DEPARTMENT_PLAN_02,
     "The Department's 2020 plan for Action Program No. 02/CTr-UBND", NAME),
    ("program", PLAN_2021, "Directions and tasks for 2021", NAME),
    ("target", SCHOOL_SITES, "The 2020 plan to reorganise the school network", NAME),
    ("target", SCHOOL_SITES, "school sites", UNIT),
    ("target", PRIZE_WINNERS,
     "Students winning prizes in provincial and national subject competitions", NAME),
    ("target", PRIZE_WINNERS, "students", UNIT),
    ("target", UPPER_SECONDARY, "Lower-secondary graduates going on to upper secondary school",
     NAME),
    ("target", TET_FUND, "Donations to the “Tet for the Poor” fund (Tết vì người nghèo)", NAME),
    ("target", DROPOUT, "Reduce student dropout in highland and disadvantaged areas", NAME),
    ("target", HAPPY_SCHOOL, "Replicate the “Happy School” model", NAME),
    ("target", MEMBERS_GOOD, "Party members rated well completed", NAME),
    ("target", CELLS_GOOD, "Cells rated well completed or above", NAME),
    ("target", CELLS_GOOD, "cells", UNIT),
]

# Members of the five cells and how many were rated excellent (and, in 2020, only
# "completed") in each year's round; which cells were rated excellent.
CELL_SIZES = [9, 8, 7, 6, 6]
EXCELLENT_2020 = [3, 3, 2, 2, 2]
ONLY_COMPLETED_2020 = [0, 0, 0, 1, 1]
EXCELLENT_2021 = [3, 2, 2, 2, 1]
CELL_EXCELLENT_2020 = [True, False, False, False, False]
CELL_EXCELLENT_2021 = [True, False, True, False, False]


def build_origin_plan() -> gt.plan:
    """The origin document as a plan, exactly as build_origin_plan() in C++."""
    p = gt.plan()
    org = p.org
    province_party = org.add_collective(PROVINCIAL_PARTY, "Tỉnh ủy", "provincial_party_committee")
    province = org.add_collective(PROVINCIAL_PEOPLE, "UBND tỉnh", "provincial_peoples_committee")
    department = org.add_collective(DEPARTMENT, "Sở GD-ĐT", "department", parent=province)
    committee = org.add_collective(PARTY_COMMITTEE, "Đảng bộ Sở GD-ĐT", "party_committee",
                                   parent=province_party)
    cells, cell_members, number = [], [], 0
    for c, size in enumerate(CELL_SIZES, start=1):
        cells.append(org.add_collective(f"CB-{c}", f"Chi bộ số {c}", CELL_KIND, parent=committee))
        members = []
        for _ in range(size):
            number += 1
            members.append(org.add_member(f"DV-{number:02d}", f"Đảng viên {number:02d}", cells[-1]))
        cell_members.append(members)

    scale = p.add_scale(gt.rating_scale.vietnamese_default())
    levels = p.get(scale)
    excellent, good, completed = (levels.level(c) for c in ("excellent", "good", "completed"))

    def rate_year(round_, n_excellent, n_completed, cell_excellent):
        who, what = [], []
        for c, members in enumerate(cell_members):
            for m, member in enumerate(members):
                last = len(members) - m <= n_completed[c]
                who.append(member)
                what.append(excellent if m < n_excellent[c] else (completed if last else good))
            p.rate(round_, cells[c], excellent if cell_excellent[c] else good)
        p.rate(round_, who, what)

    rate_year(p.add_round(scale, REVIEW_PERIOD, decided_on=dt.date(2021, 1, 15)), EXCELLENT_2020,
              ONLY_COMPLETED_2020, CELL_EXCELLENT_2020)
    rate_year(p.add_round(scale, PLAN_PERIOD, decided_on=dt.date(2021, 12, 28)), EXCELLENT_2021,
              [0] * 5, CELL_EXCELLENT_2021)

    program_190 = p.add_program(gt.program(
        PROGRAM_190, number="190-CTr/TU", issuer="Tỉnh ủy",
        title="Chương trình hành động số 190-CTr/TU của Tỉnh ủy", span=REVIEW_PERIOD,
        owner=province_party))
    program_02 = p.add_program(gt.program(
        PROGRAM_02, number="02/CTr-UBND", issuer="UBND tỉnh",
        title="Chương trình hành động số 02/CTr-UBND của UBND tỉnh", span=REVIEW_PERIOD,
        owner=province))
    p.add_program(gt.program(
        DEPARTMENT_PLAN_190, issuer="Sở GD-ĐT",
        title="Kế hoạch năm 2020 của Sở GD-ĐT thực hiện Chương trình hành động số 190-CTr/TU",
        span=REVIEW_PERIOD, owner=department, parent=program_190))
    plan_02 = p.add_program(gt.program(
        DEPARTMENT_PLAN_02, issuer="Sở GD-ĐT",
        title="Kế hoạch năm 2020 của Sở GD-ĐT thực hiện Chương trình hành động số 02/CTr-UBND",
        span=REVIEW_PERIOD, owner=department, parent=program_02))
    plan_2021 = p.add_program(gt.program(
        PLAN_2021, issuer="Đảng bộ Sở GD-ĐT", title="Phương hướng, nhiệm vụ năm 2021",
        span=PLAN_PERIOD, owner=committee))

    for code, program, kind, started, done, title, _ in DEPARTMENT_TASKS:
        p.add_task(gt.task(
            code, title=title, program=p.find_program(program), owner=department,
            deadline=dt.date(2020, 12, 31), kind=kind,
            history=[gt.task_status_change(dt.date(2020, *started), gt.task_status.in_progress),
                     gt.task_status_change(dt.date(2020, *done), gt.task_status.completed)]))

    def add(target, on, value, denominator=1.0):
        p.add_measurement(target, on, value, denominator, source="Báo cáo tổng kết của Sở GD-ĐT")

    sites = p.add_target(
        gt.target.quantity(SCHOOL_SITES, "Sắp xếp quy mô, mạng lưới trường lớp học năm 2020",
                           department, REVIEW_PERIOD)
        .decrease_by(98).from_(SCHOOL_SITES_BEFORE).counting("điểm trường").in_program(plan_02))
    add(sites, dt.date(2020, 6, 30), 1012)
    add(sites, dt.date(2020, 9, 5), 971)
    add(sites, dt.date(2020, 12, 31), 948)

    prizes = p.add_target(
        gt.target.quantity(PRIZE_WINNERS,
                           "Học sinh đạt giải các kỳ thi học sinh giỏi THCS, THPT cấp tỉnh, quốc gia",
                           department, gt.period.school_year(2019))
        .at_least(PRIZE_GOAL).counting("học sinh").in_program(plan_02))
    add(prizes, dt.date(2020, 1, 10), 548)
    add(prizes, dt.date(2020, 5, 31), 623)

    transition = p.add_target(
        gt.target.ratio(UPPER_SECONDARY, "Học sinh sau tốt nghiệp THCS vào THPT", department,
                        REVIEW_PERIOD)
        .at_least(UPPER_SECONDARY_GOAL).in_program(plan_02))
    add(transition, dt.date(2020, 8, 15), UPPER_SECONDARY_ENTRANTS, LOWER_SECONDARY_GRADUATES)

    tet = p.add_target(
        gt.target.money(TET_FUND, "Ủng hộ “Tết vì người nghèo”", department,
                        gt.period.between(dt.date(2021, 1, 21), dt.date(2021, 2, 10)), "VND")
        .at_least(TET_GOAL_VND))
    add(tet, dt.date(2021, 1, 21), TET_RAISED_VND)

    dropout = p.add_target(
        gt.target.direction(DROPOUT, "Giảm hiện tượng học sinh bỏ học ở vùng cao, vùng khó khăn",
                            department, PLAN_PERIOD, gt.trend.decrease)
        .in_unit("%").in_program(plan_2021))
    for on, value in [((1, 15), 0.0185), ((5, 31), 0.0162), ((10, 15), 0.0148), ((12, 31), 0.0136)]:
        add(dropout, dt.date(2021, *on), value)

    happy = p.add_target(
        gt.target.milestone(HAPPY_SCHOOL, "Nhân rộng Mô hình “Trường học hạnh phúc”", department,
                            PLAN_PERIOD,
                            checklist=["Ban hành kế hoạch nhân rộng mô hình",
                                       "Tập huấn cán bộ quản lý, giáo viên",
                                       "Triển khai tại các trường trong toàn tỉnh",
                                       "Sơ kết, đánh giá"])
        .in_program(plan_2021))
    for on, value in [((2, 26), 1), ((5, 14), 2), ((9, 30), 3), ((12, 20), 4)]:
        add(happy, dt.date(2021, *on), value)

    p.add_target(
        gt.target.member_share(MEMBERS_GOOD, "Đảng viên hoàn thành tốt nhiệm vụ", committee,
                               PLAN_PERIOD, scale, good, required=gt.share.percent(100),
                               scope=gt.rating_scope.subtree)
        .in_program(plan_2021))
    p.add_target(
        gt.target.all_collectives(CELLS_GOOD, "Chi bộ đạt tập thể hoàn thành tốt nhiệm vụ trở lên",
                                  committee, PLAN_PERIOD, scale, good)
        .counting_kind(CELL_KIND).in_unit("chi bộ").in_program(plan_2021))
    p.add_labels(english_labels(p))
    # Kept in the plan by name, for `goaltrack report ... --policy review`.
    p.add_policy(REVIEW_POLICY, review_policy(p))
    return p


def english_labels(p: gt.plan) -> list:
    """The English labels of the plan's collectives, programs, tasks and targets."""
    def entity(kind, code):
        if kind == "collective":
            return p.org.collective(code)
        found = p.find_program(code) if kind == "program" else p.find_target(code)
        if found is None:
            raise gt.NotFound(f"origin plan has no {kind} '{code}'")
        return found

    labels = [gt.entity_label(**{kind: entity(kind, code)}, language=gt.language.en, text=text,
                              part=part)
              for kind, code, text, part in ENGLISH_NAMES]
    labels += [gt.entity_label(collective=p.org.collective(f"CB-{c}"), language=gt.language.en,
                               text=f"Cell No. {c}")
               for c in range(1, len(CELL_SIZES) + 1)]
    labels += [gt.entity_label(task=p.find_task(code), language=gt.language.en, text=english)
               for code, *_, english in DEPARTMENT_TASKS]
    return labels


def review_policy(p: gt.plan) -> gt.evaluation_policy:
    """The defaults plus the summary of who was rated excellent in 2020 (the Giấy khen)."""
    scale = p.find_scale(SCALE)
    round_2020 = p.find_round(scale, REVIEW_PERIOD)
    if round_2020 is None:
        raise gt.NotFound(f"origin plan has no rating round for {REVIEW_PERIOD}")
    level = p.get(scale).level("excellent")
    return gt.evaluation_policy(rating_summaries=[gt.rating_summary_spec(round_2020, level)])


def evaluate_review(p: gt.plan) -> gt.evaluation:
    """Evaluates the plan as of REVIEW_DATE with review_policy(), kept in the plan."""
    return gt.evaluate(p, REVIEW_DATE, REVIEW_POLICY)


def evaluate_follow_up(p: gt.plan) -> gt.evaluation:
    # A year-end review written on 31 December: the year's targets are closed then,
    # achieved or missed, never "on track".
    return gt.evaluate(p, FOLLOW_UP_DATE, gt.policy_preset("year_end_review"))


def count_excellent(p: gt.plan, review: gt.evaluation) -> tuple:
    """(collectives, individuals) rated excellent in the 2020 round, from the summary."""
    wanted = review_policy(p).rating_summaries[0]
    for tally in review.rating_summaries:
        if tally.spec == wanted:
            return int(tally.qualifies.sum()), int(tally.members_ok.sum())
    raise gt.NotFound("origin review: the evaluation has no summary of the 2020 excellent ratings")


def cell_count(p: gt.plan) -> int:
    """The cells directly under the party committee: the "5" of "5/5 chi bộ"."""
    committee = p.org.collective(PARTY_COMMITTEE)
    return sum(1 for c in p.org.children(committee) if p.org.kind(c) == CELL_KIND)


def review_document(p: gt.plan, review: gt.evaluation, follow_up: gt.evaluation,
                    lang: gt.language) -> gt.document:
    """The review as a document in `lang`: annual_review of 2020 as of `review` (evaluated
    with review_policy()) under the conference's title, and a section with the results of
    the 2021 directions as of `follow_up`."""
    vi = lang == gt.language.vi
    doc = gt.annual_review(p, review, gt.review_options(lang=lang, span=REVIEW_PERIOD))

    # The conference's own title and date, in place of the composition's.
    names = gt.review_writer(p, review, lang)
    committee = names.name(p.org.collective(PARTY_COMMITTEE))
    year, next_year = REVIEW_PERIOD.to_string(), PLAN_PERIOD.to_string()
    doc.title = (f"{committee}: tổng kết công tác Đảng năm {year}, triển khai phương hướng, "
                 f"nhiệm vụ năm {next_year}" if vi else
                 f"{committee}: review of the Party's work in {year} and directions for {next_year}")
    held = ("Hội nghị " if vi else "Conference of ") + gt.format_date(review.as_of, lang) + "."
    # A list attribute is a copy: change it, then assign it back.
    preface = doc.preface
    preface[0] = gt.paragraph([held])
    doc.preface = preface
    names.finish(doc)

    # The next year's results, as of the follow-up date: the targets of the 2021 directions.
    results = gt.review_writer(p, follow_up, lang)
    section = doc.add_section(("Kết quả năm " if vi else "Results of ") + next_year +
                              (" (đánh giá " if vi else " (as of ") +
                              gt.format_date(follow_up.as_of, lang) + ")")
    directions = p.find_program(PLAN_2021)
    for t in p.targets:
        if t.program == directions:
            section.add(results.result(p.find_target(t.code), PLAN_PERIOD))
    results.finish(doc)
    return doc


def render_review(p: gt.plan, lang: gt.language = gt.language.vi, review: gt.evaluation = None,
                  follow_up: gt.evaluation = None) -> str:
    """The review text in `lang` (render_text of review_document), evaluating the plan as of
    both dates unless given the evaluations."""
    review = review if review is not None else evaluate_review(p)
    follow_up = follow_up if follow_up is not None else evaluate_follow_up(p)
    return gt.render_text(review_document(p, review, follow_up, lang))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=["vi", "en"], default="vi")
    args = parser.parse_args()
    print(render_review(build_origin_plan(), gt.parse_language(args.lang)), end="")


if __name__ == "__main__":
    main()
