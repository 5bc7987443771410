#!/usr/bin/env python3
"""The origin document of goaltrack, in Python: the plan of examples/annual_review
(origin_review.cpp) built through the Python bindings, evaluated, and the review's
figures printed in Vietnamese (or English with --lang en).

On 21 January 2021 the Party Committee of a provincial Department of Education and
Training reviewed its work of 2020: "Hoàn thành 15/15 nhiệm vụ và 2 nhiệm vụ bổ sung …
giảm 98 điểm trường … 58,1% … gần 47 triệu đồng … 100% đảng viên hoàn thành tốt nhiệm vụ,
5/5 chi bộ đạt tập thể hoàn thành tốt nhiệm vụ trở lên". Where the article gives no figure
the plan uses the same illustrative data as the C++ example (see origin_review.hpp).

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
# (month, day), completed (month, day), title; all in 2020.
PLANNED, SUPPLEMENTARY = gt.task_kind.planned, gt.task_kind.supplementary
P190, P02 = DEPARTMENT_PLAN_190, DEPARTMENT_PLAN_02
DEPARTMENT_TASKS = [
    ("NV-01", P190, PLANNED, (1, 6), (2, 28),
     "Xây dựng chương trình, kế hoạch năm; cụ thể hóa các chương trình, nghị quyết của Đảng bộ"),
    ("NV-02", P190, PLANNED, (1, 6), (12, 15), "Giáo dục chính trị, tư tưởng cho cán bộ, đảng viên"),
    ("NV-03", P190, PLANNED, (1, 6), (12, 15), "Phòng, chống tham nhũng"),
    ("NV-04", P190, PLANNED, (1, 6), (11, 30), "Công tác dân vận, lãnh đạo đoàn thể"),
    ("NV-05", P190, PLANNED, (1, 6), (12, 20), "Các cuộc vận động, phong trào thi đua yêu nước"),
    ("NV-06", P190, PLANNED, (1, 6), (12, 25),
     "Nghị quyết Trung ương 4 gắn với Chỉ thị số 05 của Bộ Chính trị"),
    ("NV-07", P190, PLANNED, (1, 6), (12, 25),
     "Chỉ thị số 10 của Ban Bí thư về nâng cao chất lượng sinh hoạt chi bộ"),
    ("NV-08", P02, PLANNED, (1, 6), (12, 31), "Sắp xếp quy mô, mạng lưới trường lớp học năm 2020"),
    ("NV-09", P02, PLANNED, (1, 6), (8, 31),
     "Chuẩn bị cơ sở vật chất cho chương trình giáo dục phổ thông 2018"),
    ("NV-10", P02, PLANNED, (1, 6), (8, 31),
     "Chuẩn bị đội ngũ cho chương trình giáo dục phổ thông 2018"),
    ("NV-11", P02, PLANNED, (1, 6), (5, 31), "Thi học sinh giỏi cấp tỉnh và dự thi cấp quốc gia"),
    ("NV-12", P02, PLANNED, (3, 2), (8, 15), "Tuyển sinh lớp 10 năm học 2020-2021"),
    ("NV-13", P02, PLANNED, (6, 1), (9, 5), "Tổng kết năm học 2019-2020, khai giảng năm học 2020-2021"),
    ("NV-14", P02, PLANNED, (1, 6), (7, 31), "Hướng nghiệp, phân luồng học sinh sau THCS"),
    ("NV-15", P02, PLANNED, (1, 6), (12, 28), "Truyền thông về giáo dục"),
    ("NV-BS-01", P02, SUPPLEMENTARY, (2, 3), (2, 5),
     "Tham mưu UBND tỉnh cho học sinh tạm nghỉ học phòng, chống dịch Covid-19"),
    ("NV-BS-02", P02, SUPPLEMENTARY, (4, 20), (5, 4),
     "Tham mưu UBND tỉnh cho học sinh đi học trở lại an toàn"),
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

    for code, program, kind, started, done, title in DEPARTMENT_TASKS:
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
        .counting_kind(CELL_KIND).in_program(plan_2021))
    return p


def review_policy(p: gt.plan) -> gt.evaluation_policy:
    """The defaults plus the summary of who was rated excellent in 2020 (the Giấy khen)."""
    scale = p.find_scale(SCALE)
    round_2020 = p.find_round(scale, REVIEW_PERIOD)
    if round_2020 is None:
        raise gt.NotFound(f"origin plan has no rating round for {REVIEW_PERIOD}")
    level = p.get(scale).level("excellent")
    return gt.evaluation_policy(rating_summaries=[gt.rating_summary_spec(round_2020, level)])


def evaluate_review(p: gt.plan) -> gt.evaluation:
    return gt.evaluate(p, REVIEW_DATE, review_policy(p))


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


def render_review(p: gt.plan, lang: gt.language = gt.language.vi) -> str:
    """The review's figures, every one taken from the plan and its evaluations."""
    review, follow_up = evaluate_review(p), evaluate_follow_up(p)
    vi = lang == gt.language.vi
    org = p.org
    department = org.collective(DEPARTMENT)
    lines = []
    tasks = gt.describe_tasks(review.collective(department).own_tasks, lang)
    lines.append(f"{org.name(department)}: {tasks}")
    for code in (PROGRAM_190, PROGRAM_02):
        program = p.get(p.find_program(code))
        tally = review.program(p.find_program(code)).cascade_tasks
        lines.append(f"- {program.number} ({program.issuer}): {gt.describe_tasks(tally, lang)}")

    def result(code, when=review):
        target_id = p.find_target(code)
        return p.get(target_id), when.target(target_id)

    t, r = result(SCHOOL_SITES)
    removed = gt.format_count(round(t.baseline - r.actual), lang)
    lines.append((f"- giảm {removed} {t.unit}" if vi else f"- removed {removed} school sites") +
                 f" ({gt.format_count(round(t.baseline), lang)} → "
                 f"{gt.format_count(round(r.actual), lang)}) — {gt.status_label(r.status, lang)}")
    t, r = result(PRIZE_WINNERS)
    lines.append(f"- {t.span}: {gt.format_count(round(r.actual), lang)} {t.unit} — "
                 f"{gt.status_label(r.status, lang)}")
    t, r = result(UPPER_SECONDARY)
    lines.append(f"- {gt.format_percent(r.actual, 1, lang)} "
                 f"({gt.format_count(round(r.numerator), lang)}/"
                 f"{gt.format_count(round(r.denominator), lang)}) — {gt.status_label(r.status, lang)}")
    collectives, individuals = count_excellent(p, review)
    lines.append(f"- Giấy khen: {collectives} tập thể, {individuals} cá nhân" if vi else
                 f"- Certificates of merit: {collectives} collective(s), {individuals} individuals")
    t, r = result(TET_FUND)
    amount = round(r.actual)
    lines.append(f"- {gt.approximate_money(amount, t.currency, lang)} "
                 f"({gt.format_money(amount, t.currency, lang)}) — {gt.status_label(r.status, lang)}")
    t, r = result(MEMBERS_GOOD, follow_up)
    lines.append(f"- {gt.format_percent(r.actual, 0, lang)} "
                 f"({round(r.numerator)}/{round(r.denominator)}) "
                 + ("đảng viên hoàn thành tốt nhiệm vụ trở lên" if vi else "of party members rated good or above")
                 + f" — {gt.status_label(r.status, lang)}")
    t, r = result(CELLS_GOOD, follow_up)
    lines.append(f"- {round(r.numerator)}/{cell_count(p)} "
                 + ("chi bộ đạt tập thể hoàn thành tốt nhiệm vụ trở lên" if vi else "cells rated good or above")
                 + f" — {gt.status_label(r.status, lang)}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=["vi", "en"], default="vi")
    args = parser.parse_args()
    print(render_review(build_origin_plan(), gt.parse_language(args.lang)))


if __name__ == "__main__":
    main()
