"""The origin review from Python: the same plan, figures and review text as
tests/origin_review_test.cpp and the C++ example examples/annual_review."""

import datetime as dt
import os
import subprocess

import pytest

import goaltrack as gt


@pytest.fixture(scope="module")
def review(origin):
    p = origin.build_origin_plan()
    return origin, p, origin.evaluate_review(p), origin.evaluate_follow_up(p)


def tid(p, code):
    return p.find_target(code)


def test_fifteen_of_fifteen_and_two_supplementary_tasks(review):
    o, p, ev, _ = review
    tasks = ev.collective(p.org.collective(o.DEPARTMENT)).own_tasks
    assert (tasks.planned, tasks.planned_completed, tasks.supplementary,
            tasks.supplementary_completed, tasks.cancelled) == (15, 15, 2, 2, 0)
    assert gt.describe_tasks(tasks, gt.language.vi) == "Hoàn thành 15/15 nhiệm vụ và 2 nhiệm vụ bổ sung"
    r190 = ev.program(p.find_program(o.PROGRAM_190)).cascade_tasks
    r02 = ev.program(p.find_program(o.PROGRAM_02)).cascade_tasks
    assert (r190.planned, r190.planned_completed) == (7, 7)
    assert (r02.planned, r02.planned_completed, r02.supplementary_completed) == (8, 8, 2)
    june = gt.evaluate(p, dt.date(2020, 6, 30)).collective(p.org.collective(o.DEPARTMENT)).own_tasks
    assert june.planned_completed == 2 and june.supplementary_completed == 2


def test_ninety_eight_school_sites(review):
    o, p, ev, _ = review
    t, r = p.get(tid(p, o.SCHOOL_SITES)), ev.target(tid(p, o.SCHOOL_SITES))
    assert r.actual == 948 and t.baseline - r.actual == 98 and r.progress == 1.0
    assert r.status == gt.target_status.achieved
    june = gt.evaluate(p, dt.date(2020, 6, 30)).target(tid(p, o.SCHOOL_SITES))
    assert june.progress == pytest.approx(34 / 98) and june.status == gt.target_status.at_risk


def test_623_prize_winners(review):
    o, p, ev, _ = review
    r = ev.target(tid(p, o.PRIZE_WINNERS))
    assert r.actual == 623 and r.actual_date == dt.date(2020, 5, 31)
    assert p.get(tid(p, o.PRIZE_WINNERS)).span.to_string() == "2019-2020"
    assert r.status == gt.target_status.achieved


def test_58_1_percent(review):
    o, p, ev, _ = review
    r = ev.target(tid(p, o.UPPER_SECONDARY))
    assert (r.numerator, r.denominator) == (7412, 12757) and r.actual == 7412 / 12757
    assert gt.format_percent(r.actual, 1, gt.language.vi) == "58,1%"
    assert gt.format_percent(r.actual, 1, gt.language.en) == "58.1%"
    assert r.status == gt.target_status.achieved


def test_nearly_47_million_dong(review):
    o, p, ev, _ = review
    t, r = p.get(tid(p, o.TET_FUND)), ev.target(tid(p, o.TET_FUND))
    assert t.currency == "VND" and r.actual == 46_850_000
    assert gt.approximate_money(int(r.actual), t.currency, gt.language.vi) == "gần 47 triệu đồng"
    assert gt.approximate_money(int(r.actual), t.currency, gt.language.en) == "nearly 47 million VND"
    assert gt.format_money(int(r.actual), t.currency, gt.language.vi) == "46.850.000 đồng"
    assert r.status == gt.target_status.achieved


def test_one_collective_and_twelve_individuals_excellent(review):
    o, p, ev, _ = review
    assert o.count_excellent(p, ev) == (1, 12)
    before = gt.evaluate(p, dt.date(2021, 1, 14), o.review_policy(p))
    assert o.count_excellent(p, before) == (0, 0)
    with pytest.raises(gt.NotFound):
        o.count_excellent(p, gt.evaluate(p, o.REVIEW_DATE))


def test_100_percent_members_and_5_of_5_cells(review):
    o, p, ev, follow = review
    assert ev.target(tid(p, o.MEMBERS_GOOD)).status == gt.target_status.no_data
    m = follow.target(tid(p, o.MEMBERS_GOOD))
    assert (m.status, m.actual, m.numerator, m.denominator) == (gt.target_status.achieved, 1.0, 36, 36)
    c = follow.target(tid(p, o.CELLS_GOOD))
    assert (c.status, c.numerator, c.denominator) == (gt.target_status.achieved, 5, 5)
    assert o.cell_count(p) == 5
    directions = follow.program(p.find_program(o.PLAN_2021)).own_targets.statuses
    assert directions.total() == 4 and directions[gt.target_status.achieved] == 4


def test_direction_and_milestone(review):
    o, p, ev, follow = review
    # The follow-up is a year-end review: on 31 December the falling trend is achieved.
    assert follow.target(tid(p, o.DROPOUT)).status == gt.target_status.achieved
    assert gt.evaluate(p, dt.date(2021, 12, 31)).target(tid(p, o.DROPOUT)).status == gt.target_status.on_track
    assert follow.target(tid(p, o.DROPOUT)).progress is None
    assert gt.evaluate(p, dt.date(2022, 1, 1)).target(tid(p, o.DROPOUT)).status == gt.target_status.achieved
    september = gt.evaluate(p, dt.date(2021, 9, 30)).target(tid(p, o.HAPPY_SCHOOL))
    assert (september.actual, september.progress, september.status) == (3, 0.75, gt.target_status.on_track)


def test_one_member_below_good_misses_the_share(review):
    o, p, _, _ = review
    changed = gt.plan.__copy__(p)
    round_2021 = changed.find_round(changed.find_scale(o.SCALE), o.PLAN_PERIOD)
    changed.rate(round_2021, changed.org.member("DV-36"), gt.rating_level(2))
    after = gt.evaluate(changed, dt.date(2022, 1, 1))
    m = after.target(tid(p, o.MEMBERS_GOOD))
    assert m.status == gt.target_status.missed and m.numerator == 35
    assert after.target(tid(p, o.CELLS_GOOD)).status == gt.target_status.achieved


# The facts the C++ example states (tests/origin_review_test.cpp), language by language.
VI_FACTS = [
    "Đảng bộ Sở GD-ĐT: tổng kết công tác Đảng năm 2020, triển khai phương hướng, nhiệm vụ năm 2021\n",
    "Hội nghị ngày 21 tháng 01 năm 2021.\n",
    "- Chương trình hành động số 190-CTr/TU của Tỉnh ủy: hoàn thành 7/7 nhiệm vụ.\n",
    "- Chương trình hành động số 02/CTr-UBND của UBND tỉnh: hoàn thành 8/8 nhiệm vụ và 2 nhiệm vụ "
    "bổ sung; đạt 3/3 chỉ tiêu.\n",
    "- Sở GD-ĐT: hoàn thành 15/15 nhiệm vụ và 2 nhiệm vụ bổ sung.\n",
    "- Sắp xếp quy mô, mạng lưới trường lớp học năm 2020: giảm 98 điểm trường (từ 1.046 xuống 948)"
    " — đạt.\n",
    "(năm học 2019-2020): 623 học sinh — đạt.\n",
    "- Học sinh sau tốt nghiệp THCS vào THPT: 58,1% (7.412/12.757) — đạt.\n",
    "- 1 tập thể và 12 cá nhân hoàn thành xuất sắc nhiệm vụ năm 2020.\n",
    "phấn đấu ít nhất 40 triệu đồng; gần 47 triệu đồng (46.850.000 đồng) — đạt.\n",
    "phấn đấu 100% được xếp loại hoàn thành tốt nhiệm vụ trở lên.\n",
    "phấn đấu 5/5 chi bộ được xếp loại hoàn thành tốt nhiệm vụ trở lên.\n",
    "8. Kết quả năm 2021 (đánh giá ngày 31 tháng 12 năm 2021)\n",
    "- Giảm hiện tượng học sinh bỏ học ở vùng cao, vùng khó khăn: 1,36% (31/12/2021), giảm từ 1,85%"
    " (15/01/2021) — đạt.\n",
    "- Nhân rộng Mô hình “Trường học hạnh phúc”: 4/4 bước — đạt.\n",
    "- Đảng viên hoàn thành tốt nhiệm vụ: 100% (36/36) — đạt.\n",
    "- Chi bộ đạt tập thể hoàn thành tốt nhiệm vụ trở lên: 5/5 chi bộ — đạt.\n",
]
EN_FACTS = [
    "The Party Committee of the Department (Đảng bộ Sở GD-ĐT): review of the Party's work in 2020 "
    "and directions for 2021\n",
    "Conference of 21 January 2021.\n",
    "- Action Program No. 190-CTr/TU of the Provincial Party Committee (Tỉnh ủy): completed 7/7 "
    "tasks.\n",
    "- Action Program No. 02/CTr-UBND of the Provincial People's Committee (UBND tỉnh): completed "
    "8/8 tasks and 2 supplementary tasks; 3/3 targets achieved.\n",
    "- The Department of Education and Training (Sở GD-ĐT): completed 15/15 tasks and 2 "
    "supplementary tasks.\n",
    "- The 2020 plan to reorganise the school network: down by 98 school sites (from 1,046 to 948)"
    " — achieved.\n",
    "(the 2019-2020 school year): 623 students — achieved.\n",
    "- Lower-secondary graduates going on to upper secondary school: 58.1% (7,412/12,757) — "
    "achieved.\n",
    "- 1 collective and 12 individuals rated “excellently completed tasks” for 2020.\n",
    "aim for at least 40 million VND; nearly 47 million VND (46,850,000 VND) — achieved.\n",
    "aim for 100% rated “well completed tasks” or above.\n",
    "aim for 5/5 cells rated “well completed tasks” or above.\n",
    "8. Results of 2021 (as of 31 December 2021)\n",
    "- Reduce student dropout in highland and disadvantaged areas: 1.36% (31/12/2021), down from "
    "1.85% (15/01/2021) — achieved.\n",
    "- Replicate the “Happy School” model: 4/4 steps — achieved.\n",
    "- Party members rated well completed: 100% (36/36) — achieved.\n",
    "- Cells rated well completed or above: 5/5 cells — achieved.\n",
]


@pytest.fixture(scope="module")
def texts(review):
    o, p, ev, follow = review
    return {lang: o.render_review(p, lang, ev, follow) for lang in (gt.language.vi, gt.language.en)}


@pytest.mark.parametrize("lang, facts", [(gt.language.vi, VI_FACTS), (gt.language.en, EN_FACTS)])
def test_review_text_states_the_facts_of_the_cpp_example(texts, lang, facts):
    text = texts[lang]
    for phrase in facts:
        assert phrase in text, f"missing: {phrase!r}\nin:\n{text}"


def test_review_text_is_the_librarys_not_composed_by_hand(texts):
    vi, en = texts[gt.language.vi], texts[gt.language.en]
    # Wording of the former hand-written review, gone now that annual_review writes it.
    for old in ["Giấy khen:", "Hoàn thành 15/15", "→", "1 tập thể, 12 cá nhân"]:
        assert old not in vi
    assert "Hoàn thành 15/15" not in en and "Completed 15/15" not in en
    assert [line for line in vi.splitlines() if line[:2] in ("1.", "2.", "3.", "4.")] == [
        "1. Thực hiện các chương trình", "2. Thực hiện nhiệm vụ", "3. Các chỉ tiêu năm 2020",
        "4. Đánh giá, xếp loại"]


def test_every_entity_has_an_english_label_and_each_figure_its_entity(review):
    o, p, ev, follow = review
    en = o.review_document(p, ev, follow, gt.language.en)
    assert en.fallbacks == []
    counts = (p.org.collective_count, p.program_count, p.task_count, p.target_count)
    labelled = [sum(1 for l in p.labels() if l.part == gt.label_part.name and
                    getattr(l, kind).ok)
                for kind in ("collective", "program", "task", "target")]
    assert labelled == list(counts) == [9, 5, 17, 8]
    units = {p.get(l.target).code: l.text for l in p.labels() if l.part == gt.label_part.unit}
    assert units == {o.SCHOOL_SITES: "school sites", o.PRIZE_WINNERS: "students",
                     o.CELLS_GOOD: "cells"}
    sites = [f for f in o.review_document(p, ev, follow, gt.language.vi).figures()
             if f.entity == tid(p, o.SCHOOL_SITES) and f.value == "actual"]
    assert [(f.text, f.number) for f in sites] == [("948", 948.0)]


def test_changed_figures_change_the_text(review):
    o, p, _, _ = review
    changed = gt.plan.__copy__(p)
    changed.add_measurement(tid(p, o.SCHOOL_SITES), dt.date(2020, 12, 31), 950, note="đính chính")
    changed.add_measurement(tid(p, o.UPPER_SECONDARY), dt.date(2020, 8, 15), 7100, 12757)
    vi = o.render_review(changed, gt.language.vi)
    assert "giảm 96 điểm trường (từ 1.046 xuống 950) — không đạt" in vi
    assert "55,7% (7.100/12.757) — đạt" in vi
    assert "giảm 98 điểm trường" not in vi and "58,1%" not in vi


# The C++ example's plan as a CSV folder (annual_review --csv), when present.
CPP_PLAN = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "annual_review", "data")


@pytest.mark.skipif(not os.path.isdir(CPP_PLAN), reason="no CSV folder of the C++ example's plan")
def test_python_plan_equals_the_cpp_example(review):
    _, p, _, _ = review
    assert gt.import_csv(CPP_PLAN) == p


# The C++ example's own output, when ctest gives its path (python/CMakeLists.txt sets
# GOALTRACK_ANNUAL_REVIEW_EXAMPLE when the examples are built): Vietnamese, a blank line,
# then English.
CPP_EXAMPLE = os.environ.get("GOALTRACK_ANNUAL_REVIEW_EXAMPLE", "")


@pytest.mark.skipif(not os.path.isfile(CPP_EXAMPLE), reason="the C++ example is not built")
def test_python_review_equals_the_cpp_example(texts):
    cpp = subprocess.run([CPP_EXAMPLE], check=True, capture_output=True, text=True,
                         encoding="utf-8").stdout
    assert texts[gt.language.vi] + "\n" + texts[gt.language.en] == cpp
