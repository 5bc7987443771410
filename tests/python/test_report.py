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
    tally = gt.task_tally()
    tally.planned, tally.planned_completed, tally.supplementary, tally.supplementary_completed = 15, 15, 2, 2
    assert gt.describe_tasks(tally) == "Hoàn thành 15/15 nhiệm vụ và 2 nhiệm vụ bổ sung"
    assert gt.describe_tasks(tally, en) == "Completed 15/15 tasks and 2 supplementary tasks"
    assert gt.status_label(gt.target_status.achieved) == "đạt"
    assert gt.status_label(gt.target_status.on_track, en) == "on track"
    assert gt.parse_language("en") == en and gt.to_string(vi) == "vi"
    with pytest.raises(gt.InvalidArgument):
        gt.format_number(float("inf"), 1, vi)
    with pytest.raises(gt.ParseError):
        gt.parse_language("fr")
