"""The origin review from Python: the same figures as tests/origin_review_test.cpp."""

import datetime as dt

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


def test_review_text(review):
    o, p, _, _ = review
    vi = o.render_review(p, gt.language.vi)
    for phrase in ["Sở GD-ĐT: Hoàn thành 15/15 nhiệm vụ và 2 nhiệm vụ bổ sung", "giảm 98 điểm trường",
                   "623 học sinh", "58,1% (7.412/12.757)", "1 tập thể, 12 cá nhân",
                   "gần 47 triệu đồng (46.850.000 đồng)", "100% (36/36)", "5/5 chi bộ"]:
        assert phrase in vi
