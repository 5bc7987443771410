import copy
import pickle
import datetime as dt
import threading

import numpy as np
import pytest

import goaltrack as gt


def test_results_as_objects_and_columns(small):
    p, t = small["plan"], small["target"]
    p.add_measurement(t, dt.date(2021, 6, 30), 150)
    ev = gt.evaluate(p, dt.date(2021, 6, 30))
    assert ev.as_of == dt.date(2021, 6, 30) and ev.target_count == 1 and len(ev) == 1
    r = ev.target(t)
    assert r.status == gt.target_status.on_track and r.actual == 150 and r.progress == 0.5
    assert r.clamped_progress == 0.5 and r.actual_date == dt.date(2021, 6, 30)
    assert r.expected == pytest.approx(181 / 365) and r.numerator is None
    assert ev.statuses().dtype == np.uint8 and ev.statuses()[0] == int(gt.target_status.on_track)
    assert ev.actuals().tolist() == [150] and ev.progress().tolist() == [0.5]
    assert ev.expected()[0] == pytest.approx(181 / 365)
    with pytest.raises(ValueError):
        ev.progress()[0] = 1  # read-only views of the evaluation
    assert ev.overall()[gt.target_status.on_track] == 1 and ev.overall().total() == 1
    assert ev.overall().as_dict()["on_track"] == 1 and ev.overall().by_status[2] == 1
    pr = ev.program(small["program"])
    assert pr.own_tasks.planned == 1 and pr.cascade_tasks.planned_completed == 0
    assert len(ev.programs) == 1 and ev.programs[0].program == small["program"]
    cr = ev.collective(small["dept"])
    assert cr.own_targets.statuses.total() == 1 and cr.own_targets.mean_progress() == 0.5
    assert len(ev.collectives) == 3 and [c.collective for c in ev.collectives][1] == small["cells"][0]
    assert "on_track=1" in repr(ev) and "status=on_track" in repr(r)
    with pytest.raises(gt.NotFound):
        ev.target(gt.target_id(3))
    # no data, NaN in the columns
    early = gt.evaluate(p, dt.date(2021, 1, 1))
    assert early.target(t).status == gt.target_status.no_data and np.isnan(early.actuals()[0])
    assert gt.to_string(gt.target_status.at_risk) == "at_risk"
    assert gt.parse_target_status("missed") == gt.target_status.missed


def test_columns_outlive_the_evaluation(small):
    p = small["plan"]
    progress = gt.evaluate(p, dt.date(2021, 6, 30)).progress()  # the array keeps it alive
    assert progress.shape == (1,)


def test_rating_tallies_and_named_policies(small):
    p = small["plan"]
    r = p.add_round(small["scale"], gt.period.year(2021), decided_on=dt.date(2021, 12, 1))
    p.rate(r, np.arange(4), np.array([0, 1, 1, 2]))
    spec = gt.rating_summary_spec(r, gt.rating_level(1), counted_kind="cell",
                                  criterion=gt.collective_criterion.member_share)
    p.add_policy("kit", gt.evaluation_policy(rating_summaries=[spec]))
    ev = gt.evaluate(p, dt.date(2021, 12, 31), "kit")
    tally = ev.rating_summaries[0]
    assert tally.decided and tally.spec == spec and len(ev.rating_summaries) == 1
    assert tally.members.tolist() == [0, 2, 2] and tally.members_ok.tolist() == [0, 2, 1]
    assert tally.subtree_members.tolist() == [4, 2, 2] and tally.qualifies.tolist() == [0, 1, 0]
    assert tally.children_ok.tolist()[0] == 1 and tally.below_counted.tolist()[0] == 2
    before = gt.evaluate(p, dt.date(2021, 11, 1), "kit").rating_summaries[0]
    assert not before.decided and before.members_ok.sum() == 0
    with pytest.raises(gt.NotFound):
        gt.evaluate(p, dt.date(2021, 12, 31), "nope")
    with pytest.raises(gt.InvalidArgument):
        gt.evaluate(p, dt.date(2021, 12, 31), gt.evaluation_policy(on_track_margin=-1))


def test_plan_is_a_value(small):
    p = small["plan"]
    q = copy.deepcopy(p)
    assert q == p and q is not p
    q.add_measurement(small["target"], dt.date(2021, 1, 2), 101)
    assert q != p
    assert "1 targets" in repr(p)


def test_evaluate_from_several_threads(small):
    p = small["plan"]
    n = 200_000
    p.add_measurements(np.zeros(n, np.uint32),
                       np.datetime64("2021-01-01") + np.arange(n) % 365, np.linspace(100, 200, n))
    expected = gt.evaluate(p, dt.date(2021, 9, 30)).actuals().copy()
    results, errors = [], []

    def work():
        try:
            for _ in range(5):
                results.append(gt.evaluate(p, dt.date(2021, 9, 30)).actuals().copy())
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    def write():  # a writer at the same time: the plan's lock orders it with the readers
        for i in range(5):
            p.add_measurement(gt.measurement(small["target"], dt.date(2022, 1, 1 + i), 1))

    threads = [threading.Thread(target=work) for _ in range(4)] + [threading.Thread(target=write)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(results) == 20
    assert all(np.array_equal(r, expected) for r in results)  # 2022 rows do not change 2021


def test_methods_limits_and_the_year_end_review(small):
    p, dept = small["plan"], small["dept"]
    year = gt.period.year(2021)
    flow = p.add_target(gt.target.quantity("FLOW", "", dept, year).at_least(100)
                        .aggregated_by(gt.aggregation.sum)
                        .scored_by(gt.scoring_method.percent_of_target))
    cap = p.add_target(gt.target.quantity("CAP", "", dept, year).at_most(10))
    for day, v in ((dt.date(2021, 3, 31), 30), (dt.date(2021, 6, 30), 45)):
        p.add_measurement(flow, day, v)
        p.add_measurement(cap, day, 8)
    ev = gt.evaluate(p, dt.date(2021, 6, 30))
    assert ev.target(flow).actual == 75 and ev.target(flow).progress == pytest.approx(0.75)
    assert ev.target(cap).status == gt.target_status.within_so_far
    assert gt.target_status_count == 8
    assert gt.policy_preset_codes() == ["default", "year_end_review", "okr", "rag",
                                        "performance_report", "open_sdg"]
    review = gt.policy_preset("year_end_review")
    assert review.close_at_period_end and "close_at_period_end=True" in repr(review)
    end = gt.evaluate(p, dt.date(2021, 12, 31), review)
    assert end.target(flow).status == gt.target_status.missed
    assert end.target(cap).status == gt.target_status.achieved
    with pytest.raises(gt.NotFound, match="'kpi'"):
        gt.policy_preset("kpi")
    with pytest.raises(gt.InvalidArgument):
        p.add_target(gt.target.milestone("M", "", dept, year).aggregated_by(gt.aggregation.sum))


def test_open_sdg_scores_growth_and_the_minimum_data_rule(small):
    # Statistics Canada's progress measure (open-sdg.org, "Progress Measurement
    # Methodology"): halve 12.0 (2015) to 6.0 by 2030; 9.0 in 2020 gives R = 1.2381 and a
    # score of 7.1429 R - 4.2857 = 4.5582, on track.
    p, dept = small["plan"], small["dept"]
    agenda = gt.period.between(dt.date(2015, 1, 1), dt.date(2030, 12, 31))
    # A ratio is a fraction: 12% is 0.12 (the score depends on growth rates only).
    poverty = p.add_target(gt.target.ratio("POV", "", dept, agenda).decrease_to(0.06).from_(0.12)
                           .scored_by(gt.scoring_method.open_sdg))
    cover = p.add_target(gt.target.direction("COVER", "", dept, agenda, gt.trend.increase)
                         .scored_by(gt.scoring_method.open_sdg).limited_at(100))
    p.add_measurement(poverty, dt.date(2020, 6, 30), 0.09)
    p.add_measurement(cover, dt.date(2015, 6, 30), 100)
    p.add_measurement(cover, dt.date(2020, 6, 30), 100)
    sdg = gt.policy_preset("open_sdg")
    ev = gt.evaluate(p, dt.date(2020, 12, 31), sdg)
    assert ev.target(poverty).progress * 5 == pytest.approx(4.5582, abs=1e-4)
    assert ev.target(poverty).status_code == "substantial_progress"
    assert ev.target(cover).progress == pytest.approx(1.0)  # held at its limit: +5
    assert p.get(cover).limit == 100
    sdg.minimum_points = 2
    short = gt.evaluate(p, dt.date(2020, 12, 31), sdg)
    assert short.target(poverty).status == gt.target_status.no_data
    assert short.target(cover).status_code == "substantial_progress"
    with pytest.raises(gt.InvalidArgument, match="later calendar year"):
        p.add_target(gt.target.quantity("ONE", "", dept, gt.period.year(2026)).increase_to(9)
                     .from_(5).scored_by(gt.scoring_method.open_sdg))


def test_forecasts_and_level_changes_are_results_and_columns(small):
    p, dept = small["plan"], small["dept"]
    year = gt.period.year(2021)
    level = p.add_target(gt.target.quantity("LEVEL", "", dept, year).at_least(100))
    drop = p.add_target(gt.target.direction("DROP", "", dept, year, gt.trend.decrease))
    for day, v in ((dt.date(2021, 1, 31), 10), (dt.date(2021, 2, 28), 22),
                   (dt.date(2021, 3, 31), 29), (dt.date(2021, 4, 30), 41)):
        p.add_measurement(level, day, v)
    p.add_measurement(drop, dt.date(2021, 1, 31), 48)
    p.add_measurement(drop, dt.date(2021, 11, 30), 42)
    pol = gt.evaluation_policy()
    pol.forecast_min_points = 3
    ev = gt.evaluate(p, dt.date(2021, 12, 1), pol)
    f = ev.target(level).forecast
    assert f.value == pytest.approx(122.6454, abs=1e-4) and f.points == 4
    assert f.status == gt.target_status.achieved
    assert ev.forecast_values()[level.value] == pytest.approx(f.value)
    assert np.isnan(ev.forecast_spreads()[drop.value])
    c = ev.target(drop).change
    assert (c.first, c.last, c.change(), c.relative_change()) == (48, 42, -6, -0.125)
    assert ev.slopes()[drop.value] == pytest.approx(c.slope_per_day)
    assert gt.describe_change(c, 0, gt.language.en) == "from 48 to 42, \u221212.5%"
    assert gt.evaluate(p, dt.date(2021, 12, 1)).forecast_values().size == 0


def test_assessments_sit_beside_the_computed_status(small):
    p, dept = small["plan"], small["dept"]
    prizes = p.add_target(gt.target.quantity("PRIZES", "", dept, gt.period.year(2021))
                          .at_least(600))
    p.add_measurement(prizes, dt.date(2021, 6, 30), 250)
    a = gt.assessment(prizes, dt.date(2021, 7, 1), "on_track", score=0.8, by="Phòng GD",
                      reason="mid-year")
    p.add_assessment(a)
    assert p.assessments() == [a]
    r = gt.evaluate(p, dt.date(2021, 9, 30)).target(prizes)
    assert r.assessment == a and r.status == gt.target_status.off_track
    assert pickle.loads(pickle.dumps(a)) == a
    with pytest.raises(gt.InvalidArgument, match="status is empty"):
        p.add_assessment(gt.assessment(prizes, dt.date(2021, 7, 1), ""))


def test_a_weighted_milestone_earns_its_stages_in_order(small):
    p, dept = small["plan"], small["dept"]
    happy = p.add_target(gt.target.milestone("HAPPY", "", dept, gt.period.year(2021),
                                             ["plan", "pilot", "replicate"])
                         .weighted([10, 30, 60]))
    p.add_measurement(happy, dt.date(2021, 6, 30), 2)
    assert gt.evaluate(p, dt.date(2021, 6, 30)).target(happy).progress == pytest.approx(0.4)
    assert p.get(happy).item_weights == [10, 30, 60]


def test_time_phased_targets_plan_quarters_and_report_each_one(small):
    p, dept = small["plan"], small["dept"]
    h2 = gt.period.half_year(2021, 2)
    assert [str(q) for q in gt.split_period(h2, gt.period_kind.quarter)] == ["2021-Q3", "2021-Q4"]
    fund = p.add_target(gt.target.money("FUND", "", dept, h2, "VND")
                        .increase_to(47_000_000).from_(0)
                        .aggregated_by(gt.aggregation.sum)
                        .phased_by(gt.period_kind.quarter)
                        .planned_values([20_000_000, 27_000_000], gt.plan_basis.per_sub_period)
                        .expecting(gt.expectation.plan))
    p.add_measurement(fund, dt.date(2021, 7, 20), 8_000_000)
    p.add_measurement(fund, dt.date(2021, 11, 5), 15_000_000)
    ev = gt.evaluate(p, dt.date(2021, 8, 15))  # day 46 of Q3's 92
    r = ev.target(fund)
    assert r.expected_value == pytest.approx(10_000_000) and r.expected == pytest.approx(10 / 47)
    assert ev.expected_values()[fund.value] == pytest.approx(10_000_000)
    assert gt.expected_value(p.get(fund), 0.5) == pytest.approx(23_500_000)
    end = gt.evaluate(p, dt.date(2021, 12, 31))
    q3, q4 = end.target(fund).sub_periods
    assert (q3.value, q3.planned, q3.met, q3.ended) == (8_000_000, 20_000_000, False, True)
    assert (q4.value, q4.to_date, q4.planned) == (15_000_000, 23_000_000, 47_000_000)
    offsets = end.sub_period_offsets()
    first, last = offsets[fund.value], offsets[fund.value + 1]
    assert end.sub_period_to_date()[first:last].tolist() == [8_000_000, 23_000_000]
    assert p.get(fund).planned_as == gt.plan_basis.per_sub_period
    assert gt.parse_expectation("sub_periods") == gt.expectation.sub_periods
    with pytest.raises(gt.InvalidArgument, match="planned has 1 values for 2 sub-periods"):
        p.add_target(gt.target.quantity("FEW", "", dept, h2).at_least(1)
                     .phased_by(gt.period_kind.quarter).planned_values([1]))
    with pytest.raises(gt.InvalidArgument, match="cannot be split into months"):
        gt.split_period(gt.period.school_year(2021), gt.period_kind.month)
