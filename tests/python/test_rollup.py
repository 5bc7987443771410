import datetime as dt

import numpy as np
import pytest

import goaltrack as gt

YEAR = gt.period.year(2020)
JUNE = dt.date(2020, 6, 30)


def objective_plan():
    p = gt.plan()
    team = p.org.add_collective("TEAM", "", "team")
    obj = p.add_program(gt.program("OBJ", span=YEAR, owner=team))
    return p, team, obj


def test_weighted_objective_and_contributions():
    # Cascade, "How to Weight Goals and Tasks": (30 + 15 + 22.5) / (60 + 60 + 30) = 45%.
    p, team, obj = objective_plan()
    for code, weight, value in (("C1", 60, 50), ("C2", 60, 25), ("C3", 30, 75)):
        t = p.add_target(gt.target.quantity(code, "", team, YEAR).at_least(100)
                         .in_program(obj).with_weight(weight))
        p.add_measurement(t, JUNE, value)
    ev = gt.evaluate(p, JUNE)
    status = ev.status_of(obj)
    assert status.score == pytest.approx(0.45)
    assert status.status == gt.target_status.on_track
    parts = ev.contributions(obj)
    assert [c.points for c in parts] == pytest.approx([0.2, 0.1, 0.15])
    assert parts[0].child == gt.target_id(0)
    assert ev.rule_of(obj).method == gt.rollup_method.weighted_mean
    assert len(ev.collective_statuses()) == 1


def test_worst_wins_overrides_alignment_and_bad_input():
    p, team, obj = objective_plan()
    other = p.add_program(gt.program("OTHER", span=YEAR, owner=team))
    low = p.add_target(gt.target.quantity("LOW", "", team, YEAR).at_least(100).in_program(obj))
    high = p.add_target(gt.target.quantity("HIGH", "", team, YEAR).at_least(100).in_program(obj))
    p.add_measurement(low, JUNE, 5)
    p.add_measurement(high, JUNE, 60)
    p.add_alignment(gt.alignment(target=high, parent=other, weight=2.0))
    assert p.alignments()[0].weight == 2.0
    policy = gt.evaluation_policy()
    policy.rollup_rules = [gt.rollup_rule("two", gt.rollup_method.count_achieved, required_count=2)]
    policy.rollup_overrides = [gt.rollup_override(gt.rollup_scope.program, "OBJ", "worst")]
    p.add_policy("p", policy)
    ev = gt.evaluate(p, JUNE, "p")
    assert ev.status_of(obj).decided_by == low
    assert ev.status_of(obj).status == gt.target_status.off_track
    assert ev.status_of(other).score == pytest.approx(0.6)
    with pytest.raises(gt.CycleError):
        p.add_alignment(gt.alignment(program=obj, parent=obj))
    with pytest.raises(gt.InvalidArgument, match="weight"):
        p.add_alignment(gt.alignment(target=low, parent=other, weight=-1.0))
    bad = gt.evaluation_policy()
    bad.rollup = "strictest"
    with pytest.raises(gt.InvalidArgument, match="strictest"):
        gt.evaluate(p, JUNE, bad)
    assert gt.parse_rollup_method("latest") == gt.rollup_method.latest
    none = gt.evaluation_policy()
    none.rollup = gt.no_rollup
    assert gt.evaluate(p, JUNE, none).program_statuses() == []


def test_values_up_the_tree():
    # Spider Impact: 2 of 4 and 2 of 100 are 4 of 104, not the mean of 50% and 2%.
    p = gt.plan()
    province = p.org.add_collective("P", "", "province")
    communes = [p.org.add_collective(f"C{i}", "", "commune", province) for i in range(2)]
    for c, (num, den) in zip(communes, ((2, 4), (2, 100))):
        t = p.add_target(gt.target.ratio(f"COV{c.value}", "", c, YEAR).at_least(0.95)
                         .in_unit("%").measuring("coverage"))
        p.add_measurement(t, JUNE, num, den)
    total = p.add_target(gt.target.ratio("COV", "", province, YEAR).at_least(0.95).in_unit("%")
                         .measuring("coverage").aggregating(gt.tree_aggregation.sum))
    ev = gt.evaluate(p, JUNE)
    assert ev.target(total).actual == pytest.approx(4 / 104)
    values = gt.tree_values(p, ev, "coverage", YEAR, gt.tree_aggregation.sum)
    assert isinstance(values, np.ndarray) and values[0] == pytest.approx(4 / 104)
    assert ev.numerators()[total] == 4 and ev.denominators()[total] == 104
    with pytest.raises(gt.InvalidArgument, match="takes no measurements"):
        p.add_measurement(total, JUNE, 1, 2)
