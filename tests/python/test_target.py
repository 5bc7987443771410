import copy
import datetime as dt

import pytest

import goaltrack as gt

Y = gt.period.year(2021)


def test_every_kind_of_target(small):
    p, dept, scale, prog = small["plan"], small["dept"], small["scale"], small["program"]
    good = gt.rating_level(1)
    made = [
        gt.target.quantity("q", "sites", dept, Y).decrease_by(98).from_(1046).counting("điểm trường"),
        gt.target.ratio("r", "rate", dept, Y).at_least(0.55).in_program(prog),
        gt.target.money("m", "fund", dept, Y, "VND").at_least(40_000_000),
        gt.target.milestone("ms", "model", dept, Y, checklist=["a", "b"]),
        gt.target.direction("d", "dropout", dept, Y, gt.trend.decrease).in_unit("%"),
        gt.target.member_share("s", "members", dept, Y, scale, good, required=gt.share.percent(95),
                               scope=gt.rating_scope.subtree),
        gt.target.collective_count("c", "cells", dept, Y, scale, good, 2).counting_kind("cell"),
        gt.target.all_collectives("a", "all cells", dept, Y, scale, good)
        .qualifying_by_members(gt.share.percent_tenths(955)),
        gt.target.quantity("w", "within", dept, Y).within(1, 5),
        gt.target.quantity("mx", "at most", dept, Y).at_most(3),
        gt.target.quantity("i", "increase", dept, Y).increase_by(10).from_(5),
    ]
    ids = [p.add_target(t) for t in made]
    for i, t in zip(ids, made):
        assert p.get(i) == t
    q = p.get(ids[0])
    assert (q.kind, q.goal, q.goal_value, q.baseline, q.unit, q.whole_numbers) == (
        gt.target_kind.quantity, gt.goal_kind.decrease_by, 98, 1046, "điểm trường", True)
    assert q.goal_level() == 948 and q.is_numeric and not q.is_rating
    assert p.get(ids[1]).program == prog and p.get(ids[2]).currency == "VND"
    assert p.get(ids[3]).checklist == ["a", "b"] and p.get(ids[4]).wanted == gt.trend.decrease
    s = p.get(ids[5]).rating
    assert (s.scale, s.level, s.required_share, s.scope) == (
        scale, good, gt.share(95, 100), gt.rating_scope.subtree)
    c = p.get(ids[6]).rating
    assert (c.count, c.counted_kind, c.all) == (2, "cell", False)
    a = p.get(ids[7]).rating
    assert a.all and a.criterion == gt.collective_criterion.member_share
    assert a.required_share == gt.share(955, 1000) and a.required_share.value == pytest.approx(0.955)
    assert p.get(ids[8]).goal_high == 5 and p.target_count == len(made) + 1
    assert [t.code for t in p.targets][-1] == "i" and len(p.targets) == p.target_count
    assert "decrease_by" in repr(q) and "baseline=1046" in repr(q)


def test_chained_setters_return_the_same_object():
    t = gt.target.quantity("q", "", gt.collective_id(0), Y)
    assert t.at_least(3) is t
    t.title = "edited"
    t.baseline = None
    c = copy.copy(t)
    assert c == t and c is not t


def test_invalid_targets(small):
    p, dept = small["plan"], small["dept"]
    with pytest.raises(gt.InvalidArgument, match="baseline"):
        p.add_target(gt.target.quantity("bad", "", dept, Y).increase_to(5).from_(5))
    with pytest.raises(gt.InvalidArgument):
        gt.target.money("m", "", dept, Y, "VN").at_least(1).validate()
    with pytest.raises(gt.DuplicateError):
        p.add_target(gt.target.quantity("Q", "", dept, Y).at_least(1))
    with pytest.raises(gt.NotFound):
        p.add_target(gt.target.quantity("x", "", gt.collective_id(99), Y).at_least(1))
    assert gt.to_string(gt.goal_kind.decrease_by) == "decrease_by"
    assert gt.parse_target_kind("collective_count") == gt.target_kind.collective_count
    assert gt.parse_trend("decrease") == gt.trend.decrease
    assert gt.parse_rating_scope("subtree") == gt.rating_scope.subtree
    assert gt.parse_collective_criterion("own_rating") == gt.collective_criterion.own_rating
    assert gt.parse_goal_kind("within") == gt.goal_kind.within
    with pytest.raises(gt.ParseError):
        gt.parse_goal_kind("more")
    assert gt.share.percent(100).reached(5, 5) and not gt.share.percent(100).reached(4, 5)


def test_targets_in_bulk_are_all_or_nothing(small):
    p, dept = small["plan"], small["dept"]
    before = p.target_count
    batch = [gt.target.quantity(f"b{i}", "", dept, Y).at_least(i + 1) for i in range(20)]
    first = p.add_targets(batch)
    assert first.value == before and p.target_count == before + 20
    assert p.get(gt.target_id(before + 19)) == batch[19]
    with pytest.raises(gt.DuplicateError, match="'b3'"):
        p.add_targets([gt.target.quantity("new", "", dept, Y).at_least(1),
                       gt.target.quantity("b3", "", dept, Y).at_least(1)])
    assert p.target_count == before + 20 and p.find_target("new") is None
