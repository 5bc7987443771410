import datetime as dt

import numpy as np
import pytest

import goaltrack as gt


def test_single_measurements(small):
    p, t = small["plan"], small["target"]
    p.add_measurement(t, dt.date(2021, 3, 31), 120, source="report", note="Q1")
    p.add_measurement(gt.measurement(t, dt.date(2021, 6, 30), 150))
    ms = p.measurements
    assert len(ms) == 2 and ms[0] == gt.measurement(t, dt.date(2021, 3, 31), 120, 1, "report", "Q1")
    assert [m.value for m in ms] == [120, 150] and ms[-1].on == dt.date(2021, 6, 30)
    assert ms.targets().tolist() == [0, 0] and ms.values().tolist() == [120, 150]
    assert ms.days().astype("datetime64[D]").tolist() == [dt.date(2021, 3, 31), dt.date(2021, 6, 30)]
    assert ms.denominators().size == 0
    assert "source='report'" in repr(ms[0])
    with pytest.raises(gt.InvalidArgument):
        p.add_measurement(t, dt.date(2021, 1, 1), float("nan"))
    with pytest.raises(gt.NotFound):
        p.add_measurement(gt.target_id(9), dt.date(2021, 1, 1), 1)
    with pytest.raises(IndexError):
        ms[5]


def test_bulk_measurements_in_one_call():
    p = gt.plan()
    dept = p.org.add_collective("d", "", "")
    ratio = p.add_target(gt.target.ratio("r", "", dept, gt.period.year(2021)).at_least(0.5))
    ids = [p.add_target(gt.target.quantity(f"t{i}", "", dept, gt.period.year(2021))
                        .increase_to(100).from_(0)) for i in range(10)]
    n = 1_000_000
    rng = np.random.default_rng(1)
    targets = rng.integers(1, 11, n).astype(np.uint32)
    days = (np.datetime64("2021-01-01") + rng.integers(0, 365, n)).astype("datetime64[D]")
    values = rng.uniform(0, 120, n)
    p.add_measurements(targets, days, values)
    assert len(p.measurements) == n
    assert np.array_equal(p.measurements.values(), values)
    assert np.array_equal(p.measurements.days(), days.astype(np.int64).astype(np.int32))
    # int32 day numbers, datetime64 of another unit, and lists of dates work too
    p.add_measurements(np.array([1], np.uint32), np.array([18700], np.int32), np.array([5.0]))
    p.add_measurements(np.array([1]), np.array(["2021-05-05T10:00"], "datetime64[m]"), [6.0])
    p.add_measurements([ids[0]], [dt.date(2021, 5, 6)], [7])
    p.add_measurements([ratio], [dt.date(2021, 5, 6)], [3], denominators=[4])
    assert p.measurements[-1].denominator == 4 and len(p.measurements.denominators()) == n + 4
    assert p.measurements[n + 1].on == dt.date(2021, 5, 5)
    # all or nothing, naming the row
    with pytest.raises(gt.InvalidArgument, match="row 1"):
        p.add_measurements(np.array([1, 1]), np.array([18700, 18700]), np.array([1.0, np.inf]))
    with pytest.raises(gt.NotFound):
        p.add_measurements(np.array([1, 99]), np.array([18700, 18700]), np.array([1.0, 2.0]))
    with pytest.raises(gt.InvalidArgument):
        p.add_measurements(np.array([1, 1]), np.array([18700]), np.array([1.0, 2.0]))
    with pytest.raises(TypeError):
        p.add_measurements(np.array([1]), np.array([1.5]), np.array([1.0]))
    with pytest.raises(ValueError):
        p.add_measurements(np.array([1]), np.array([2**40]), np.array([1.0]))
    assert len(p.measurements) == n + 4
