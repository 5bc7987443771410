import datetime as dt
import pickle

import pytest

import goaltrack as gt


def test_dates_are_datetime_dates():
    assert gt.make_date(2021, 1, 21) == dt.date(2021, 1, 21)
    assert gt.parse_date("2021-01-21") == dt.date(2021, 1, 21)
    assert gt.to_iso(dt.date(2020, 2, 29)) == "2020-02-29"
    assert gt.day_number(dt.date(1970, 1, 2)) == 1
    assert gt.from_day_number(-1) == dt.date(1969, 12, 31)
    assert gt.to_iso(dt.datetime(2021, 3, 4, 12, 30)) == "2021-03-04"  # the day of a datetime


def test_bad_dates_raise_mapped_exceptions():
    with pytest.raises(gt.InvalidArgument):
        gt.make_date(2021, 2, 29)
    with pytest.raises(ValueError):
        gt.make_date(1200, 1, 1)
    with pytest.raises(gt.ParseError, match="2021-13-01"):
        gt.parse_date("2021-13-01")
    with pytest.raises(TypeError):
        gt.to_iso("2021-01-01")


@pytest.mark.parametrize("text,kind,first,last", [
    ("2021", gt.period_kind.calendar_year, dt.date(2021, 1, 1), dt.date(2021, 12, 31)),
    ("2021-Q2", gt.period_kind.quarter, dt.date(2021, 4, 1), dt.date(2021, 6, 30)),
    ("2021-03", gt.period_kind.month, dt.date(2021, 3, 1), dt.date(2021, 3, 31)),
    ("2019-2020", gt.period_kind.school_year, dt.date(2019, 9, 5), dt.date(2020, 5, 31)),
    ("FY2021-04", gt.period_kind.fiscal_year, dt.date(2021, 4, 1), dt.date(2022, 3, 31)),
    ("2021-01-05/2021-02-01", gt.period_kind.custom, dt.date(2021, 1, 5), dt.date(2021, 2, 1)),
    ("2025-H1", gt.period_kind.half_year, dt.date(2025, 1, 1), dt.date(2025, 6, 30)),
    ("2025-9M", gt.period_kind.nine_months, dt.date(2025, 1, 1), dt.date(2025, 9, 30)),
])
def test_periods_parse_print_and_pickle(text, kind, first, last):
    p = gt.period.parse(text)
    assert (p.kind, p.first, p.last, str(p), p.to_string()) == (kind, first, last, text, text)
    assert repr(p) == f"period('{text}')"
    assert pickle.loads(pickle.dumps(p)) == p
    assert hash(gt.period.parse(text)) == hash(p)
    assert first in p and p.contains(last) and not p.contains(last + dt.timedelta(days=1))


def test_period_factories_and_elapsed_fraction():
    y = gt.period.year(2021)
    assert (y.first, y.last, y.kind) == (dt.date(2021, 1, 1), dt.date(2021, 12, 31), gt.period_kind.calendar_year)
    assert y.days == 365
    assert y.elapsed_fraction(dt.date(2021, 9, 30)) == pytest.approx(273 / 365)
    assert y.elapsed_fraction(as_of=dt.date(2020, 1, 1)) == 0
    assert gt.period.quarter(2021, 1) == gt.period.parse("2021-Q1")
    assert gt.period.month(2021, m=3).days == 31
    assert gt.period.fiscal_year(2021, 4) == gt.period.parse("FY2021-04")
    cal = gt.school_calendar(start_month=8, start_day=15, end_month=6, end_day=30)
    sy = gt.period.school_year(2019, calendar=cal)
    assert (sy.first, sy.last) == (dt.date(2019, 8, 15), dt.date(2020, 6, 30))
    assert pickle.loads(pickle.dumps(sy)) == sy  # the calendar survives
    assert gt.period.parse("2019-2020", gt.period_format(school=cal)) == sy
    assert "start_month=8" in repr(cal)
    with pytest.raises(gt.InvalidArgument):
        gt.period.quarter(2021, 5)
    with pytest.raises(gt.InvalidArgument, match="2021-02-01"):
        gt.period.between(dt.date(2021, 2, 1), dt.date(2021, 1, 1))
    with pytest.raises(gt.ParseError, match="2021-Q5"):
        gt.period.parse("2021-Q5")


def test_fiscal_years_named_by_their_end_year():
    us = gt.period_format(fiscal_start_month=10, fiscal_naming=gt.fiscal_year_naming.end_year)
    fy = gt.period.parse("FY2011", us)
    assert (fy.first, fy.last) == (dt.date(2010, 10, 1), dt.date(2011, 9, 30))
    assert fy.name(us) == "FY2011" and fy.to_string() == "FY2010-10"
    assert gt.period.of_kind(fy.kind, fy.first, fy.last) == fy
    assert gt.period.half_year(2025, 2) == gt.period.parse("2025-H2")
    with pytest.raises(gt.InvalidArgument):
        gt.period.of_kind(gt.period_kind.quarter, dt.date(2021, 1, 1), dt.date(2021, 6, 30))
