import datetime as dt

import pytest

import goaltrack as gt

vi, en = gt.language.vi, gt.language.en


def test_wording():
    assert gt.format_number(1234.5, 1, vi) == "1.234,5" and gt.format_number(1234.5, 1, en) == "1,234.5"
    assert gt.format_count(46850000) == "46.850.000"
    assert gt.format_percent(0.581) == "58,1%" and gt.format_percent(0.581, lang=en) == "58.1%"
    assert gt.currency_minor_units("VND") == 0 and gt.currency_minor_units("USD") == 2
    assert gt.format_money(46_850_000, "VND", vi) == "46.850.000 đồng"
    assert gt.format_money(123456, "USD", en) == "1,234.56 USD"
    assert gt.approximate_money(46_850_000) == "gần 47 triệu đồng"
    assert gt.approximate_money(46_850_000, lang=en) == "nearly 47 million VND"
    assert gt.approximate_money(48_500_000_000, decimals=1) == "48,5 tỷ đồng"
    assert gt.format_number(999_999_999_999_999, 0, en) == "999,999,999,999,999"
    assert gt.format_date(dt.date(2021, 1, 21), vi) == "ngày 21 tháng 01 năm 2021"
    assert gt.format_date(dt.date(2021, 1, 21), en, gt.date_style.numeric) == "21/01/2021"
    tally = gt.task_tally()
    done = [gt.task_status_change(dt.date(2020, 6, 1), gt.task_status.completed)]
    for i in range(17):
        kind = gt.task_kind.planned if i < 15 else gt.task_kind.supplementary
        tally.add(gt.task(f"T{i}", kind=kind, history=done), dt.date(2020, 12, 31))
    assert (tally.planned, tally.planned_completed, tally.supplementary) == (15, 15, 2)
    assert gt.describe_tasks(tally) == "Hoàn thành 15/15 nhiệm vụ và 2 nhiệm vụ bổ sung"
    assert gt.describe_tasks(tally, en) == "Completed 15/15 tasks and 2 supplementary tasks"
    assert gt.status_label(gt.target_status.achieved) == "đạt"
    assert gt.status_label(gt.target_status.on_track, en) == "on track"
    assert gt.parse_language("en") == en and gt.to_string(vi) == "vi"
    with pytest.raises(gt.InvalidArgument):
        gt.format_number(float("inf"), 1, vi)
    with pytest.raises(gt.ParseError):
        gt.parse_language("fr")


def test_task_figures_and_rates_as_governments_report_them():
    # Report 1270/BC-TCTTTg (Prime Minister's Working Group, 27/12/2017), I.1.a: 21,914 tasks;
    # 16,051 completed (14,068 on time, 1,983 late); 5,863 not (5,640 within the deadline,
    # 223 overdue); "đạt 98,62%" = 16,051 / (16,051 + 223), truncated.
    as_of, deadline = dt.date(2017, 12, 15), dt.date(2017, 9, 30)
    tally = gt.task_tally()
    def add(n, deadline, done_on=None):
        history = [gt.task_status_change(done_on, gt.task_status.completed)] if done_on else []
        t = gt.task("T", deadline=deadline, history=history)
        for _ in range(n):
            tally.add(t, as_of)
    add(14068, deadline, dt.date(2017, 9, 1))
    add(1983, deadline, dt.date(2017, 11, 1))
    add(5640, dt.date(2018, 3, 31))
    add(223, deadline)
    assert (tally.assigned, tally.completed, tally.completed_late, tally.overdue) == (21914, 16051, 1983, 223)
    assert tally.count(gt.task_figure.due_or_completed) == 16274
    r = tally.completion_rate(gt.task_basis.due_and_completed)
    assert (r.numerator, r.denominator) == (16051, 16274)
    assert r.percent_units(2, gt.rounding.truncate) == 9862
    assert gt.format_rate(r, 2, gt.rounding.truncate) == "98,62%"
    assert gt.format_rate(r, 2, gt.rounding.half_away_from_zero, en) == "98.63%"
    assert gt.format_rate(gt.rate(1, 0)) == "\u2014"
    with pytest.raises(gt.InvalidArgument):
        gt.rate(1, 2).percent_units(7)
    wording = gt.task_wording(deadlines=True, decimals=2, mode=gt.rounding.truncate)
    assert gt.describe_tasks(tally, en, wording).endswith("; 223 overdue; 1,983 completed late")
    # A task added after the day evaluated is not counted.
    later = gt.task_tally()
    later.add(gt.task("S", kind=gt.task_kind.supplementary, added_on=dt.date(2020, 7, 10)), dt.date(2020, 6, 30))
    assert later.supplementary == 0


def test_share_of_targets_achieved_leaves_out_chosen_statuses():
    p = gt.plan()
    unit = p.org.add_collective("U", "", "unit")
    done = p.add_target(gt.target.quantity("A", "", unit, gt.period.year(2020)).at_least(1))
    p.add_measurement(gt.measurement(done, dt.date(2020, 3, 1), 1))
    p.add_target(gt.target.quantity("B", "", unit, gt.period.year(2020)).at_least(1))
    p.add_target(gt.target.quantity("C", "", unit, gt.period.year(2021)).at_least(1))
    counts = gt.evaluate(p, dt.date(2020, 6, 30)).collective(unit).own_targets.statuses
    assert counts.share(gt.target_status.achieved) == gt.rate(1, 1)
    assert counts.share(gt.target_status.achieved, []) == gt.rate(1, 3)
    assert counts.share(gt.target_status.achieved, [gt.target_status.not_started]) == gt.rate(1, 2)
