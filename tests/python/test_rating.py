import pickle

import numpy as np
import pytest

import goaltrack as gt


def test_scale():
    s = gt.rating_scale.vietnamese_default()
    assert s.code == "vn4" and len(s) == 4 and s.size == 4
    assert [l.code for l in s] == ["excellent", "good", "completed", "not_completed"]
    good = s.level("good")
    assert good == gt.rating_level(1) and good.rank == 1
    assert s.level("Hoàn thành tốt nhiệm vụ") == good == s.find("Well completed tasks")
    assert s.find("nope") is None
    assert s.label(good, gt.language.vi) == "Hoàn thành tốt nhiệm vụ"
    assert s.labels(good).label_en == "Well completed tasks"
    assert gt.rating_level(0).at_or_above(good) and not gt.rating_level(2).at_or_above(good)
    assert good in s and gt.rating_level(7) not in s
    assert pickle.loads(pickle.dumps(s)) == s
    assert "vn4" in repr(s)
    with pytest.raises(gt.ParseError, match="nope"):
        s.level("nope")
    with pytest.raises(gt.InvalidArgument):
        s.labels(gt.rating_level(9))
    custom = gt.rating_scale("ab", [gt.level_labels("a", "A"), gt.level_labels("b")])
    assert len(custom) == 2 and custom.levels[0].label_vi == "A"
    with pytest.raises(gt.InvalidArgument, match="a"):
        gt.rating_scale("dup", [gt.level_labels("a"), gt.level_labels("a")])


def test_rounds_and_rates(small):
    p, scale = small["plan"], small["scale"]
    r = p.add_round(scale, gt.period.year(2021))
    assert p.find_round(scale, gt.period.year(2021)) == r and p.round_count == 1
    p.rate(r, gt.member_id(0), gt.rating_level(0))
    p.rate(r, small["cells"][0], gt.rating_level(1))
    p.rate(r, np.array([1, 2, 3], dtype=np.uint32), np.array([1, 2, 3], dtype=np.uint8))
    round_ = p.get(r)
    assert round_.of(gt.member_id(0)) == gt.rating_level(0)
    assert round_.of(small["cells"][0]) == gt.rating_level(1)
    assert round_.of(small["cells"][1]) is None
    assert round_.member_ranks().tolist() == [0, 1, 2, 3]
    assert round_.collective_ranks().tolist()[1] == 1 and gt.rating_round.unrated == 255
    assert round_.decided_on == gt.period.year(2021).last and round_.scale == scale
    assert list(p.rounds)[0] == round_
    p.rate(r, [gt.member_id(0), gt.member_id(1)], [gt.rating_level(3), gt.rating_level(3)])
    assert p.get(r).member_ranks().tolist() == [3, 3, 2, 3]
    with pytest.raises(gt.InvalidArgument):
        p.rate(r, gt.member_id(0), gt.rating_level(8))
    with pytest.raises(gt.NotFound):
        p.rate(r, np.array([0, 99]), np.array([0, 0]))  # all or nothing
    assert p.get(r).member_ranks().tolist() == [3, 3, 2, 3]
    with pytest.raises(gt.DuplicateError):
        p.add_round(scale, gt.period.year(2021))
    with pytest.raises(gt.DuplicateError):
        p.add_scale(gt.rating_scale.vietnamese_default())
