"""Reviews composed from an evaluation (review.hpp), and review_writer's sentences."""

import datetime as dt
import gc

import pytest

import goaltrack as gt

vi, en = gt.language.vi, gt.language.en
REVIEWED_ON = dt.date(2021, 1, 21)


def review_plan():
    """A department (labelled in English) and a school under it (not labelled), a program
    of 2020 with a task each (the school's overdue), two 2020 targets and one of 2021."""
    p = gt.plan()
    dept = p.org.add_collective("SGD", "Sở GD-ĐT", "department")
    school = p.org.add_collective("THPT-A", "Trường THPT A", "school", parent=dept)
    prog = p.add_program(gt.program("KH-2020", title="Kế hoạch năm 2020",
                                    span=gt.period.year(2020), owner=dept))
    p.add_task(gt.task(
        "NV-1", title="Tuyển sinh lớp 10", program=prog, owner=dept, deadline=dt.date(2020, 12, 31),
        history=[gt.task_status_change(dt.date(2020, 3, 1), gt.task_status.in_progress),
                 gt.task_status_change(dt.date(2020, 8, 15), gt.task_status.completed)]))
    p.add_task(gt.task(
        "NV-2", title="Sửa trường", program=prog, owner=school, deadline=dt.date(2020, 6, 30),
        history=[gt.task_status_change(dt.date(2020, 3, 1), gt.task_status.in_progress)]))
    sites = p.add_target(
        gt.target.quantity("SITES", "Sắp xếp điểm trường", dept, gt.period.year(2020))
        .decrease_by(98).from_(1046).counting("điểm trường").in_program(prog))
    p.add_measurement(sites, dt.date(2020, 12, 31), 948)
    upper = p.add_target(
        gt.target.ratio("UPPER", "Học sinh vào THPT", school, gt.period.year(2020))
        .at_least(0.6).in_program(prog))
    p.add_measurement(upper, dt.date(2020, 8, 15), 7412, 12757)
    fund = p.add_target(gt.target.money("TET", "Ủng hộ Tết", dept, gt.period.year(2021), "VND")
                        .at_least(40_000_000))
    p.add_measurement(fund, REVIEWED_ON, 46_850_000)
    p.add_labels([
        gt.entity_label(collective=dept, language=en, text="The Department"),
        gt.entity_label(target=sites, language=en, text="School sites reorganised"),
        gt.entity_label(target=sites, language=en, text="school sites", part=gt.label_part.unit),
    ])
    return dict(plan=p, dept=dept, school=school, program=prog, sites=sites, upper=upper,
                fund=fund)


@pytest.fixture
def rp():
    return review_plan()


def test_review_kinds_have_codes():
    assert [gt.to_string(k) for k in (gt.review_kind.annual, gt.review_kind.midyear,
                                      gt.review_kind.quarterly, gt.review_kind.comparison)] == \
        ["annual", "midyear", "quarterly", "comparison"]
    assert gt.parse_review_kind("quarterly") == gt.review_kind.quarterly
    with pytest.raises(gt.ParseError, match="yearly"):
        gt.parse_review_kind("yearly")


def test_review_span_by_kind():
    span = gt.review_span
    assert span(gt.review_kind.annual, REVIEWED_ON) == gt.period.year(2020)
    assert span(gt.review_kind.annual, dt.date(2020, 12, 31)) == gt.period.year(2020)
    assert span(gt.review_kind.annual, dt.date(2020, 12, 30)) == gt.period.year(2019)
    assert span(gt.review_kind.midyear, dt.date(2021, 7, 5)) == gt.period.half_year(2021, 1)
    assert span(gt.review_kind.quarterly, dt.date(2021, 5, 10)) == gt.period.quarter(2021, 2)
    assert span(gt.review_kind.comparison, dt.date(2021, 5, 10)) == gt.period.year(2021)


def test_review_options_defaults_and_fields():
    o = gt.review_options()
    assert (o.lang, o.names_language, o.span, o.subject, o.list_limit) == (vi, vi, None, None, 100)
    o = gt.review_options(lang=en, span=gt.period.year(2020), subject=gt.collective_id(1),
                          list_limit=5)
    assert (o.lang, o.span, o.subject, o.list_limit) == \
        (en, gt.period.year(2020), gt.collective_id(1), 5)
    o.span = None
    assert o.span is None


def test_annual_review_in_vietnamese(rp):
    p = rp["plan"]
    doc = gt.annual_review(p, gt.evaluate(p, REVIEWED_ON))
    text = gt.render_text(doc)
    assert (doc.lang, doc.as_of, doc.fallbacks) == (vi, REVIEWED_ON, [])
    assert text.startswith("Báo cáo tổng kết năm 2020\n")
    for phrase in [
        "- Sở GD-ĐT: hoàn thành 1/1 nhiệm vụ.",
        "2 chỉ tiêu: 1 đạt, 1 không đạt.",
        "- Sắp xếp điểm trường: giảm 98 điểm trường (từ 1.046 xuống 948) — đạt.",
        "- Học sinh vào THPT: 58,1% (7.412/12.757) — không đạt.",
        "- Nhiệm vụ quá hạn: Sửa trường (hạn 30/06/2020).",
        "- Ủng hộ Tết (năm 2021): phấn đấu ít nhất 40 triệu đồng; "
        "gần 47 triệu đồng (46.850.000 đồng) — đạt.",
    ]:
        assert phrase + "\n" in text
    # Every figure keeps its entity and the value it writes.
    found = {(f.text, f.entity, f.value) for f in doc.figures()}
    assert ("948", rp["sites"], "actual") in found and ("đạt", rp["sites"], "status") in found


def test_annual_review_in_english_lists_what_has_no_english_label(rp):
    p = rp["plan"]
    doc = gt.annual_review(p, gt.evaluate(p, REVIEWED_ON), gt.review_options(lang=en))
    text = gt.render_text(doc)
    assert "- The Department: completed 1/1 task.\n" in text
    assert "- School sites reorganised: down by 98 school sites (from 1,046 to 948) — achieved.\n" \
        in text
    assert "- Học sinh vào THPT: 58.1% (7,412/12,757) — missed.\n" in text
    assert "nearly 47 million VND (46,850,000 VND) — achieved." in text
    assert doc.fallbacks == [rp["program"], rp["school"], rp["upper"], gt.task_id(1), rp["fund"]]
    # Names in English too: nothing falls back.
    same = gt.annual_review(p, gt.evaluate(p, REVIEWED_ON),
                            gt.review_options(lang=en, names_language=en))
    assert same.fallbacks == []


def test_annual_review_of_one_subject_and_a_short_list(rp):
    p = rp["plan"]
    ev = gt.evaluate(p, REVIEWED_ON)
    school = gt.render_text(gt.annual_review(p, ev, gt.review_options(subject=rp["school"])))
    assert "Học sinh vào THPT" in school and "Sắp xếp điểm trường" not in school
    with pytest.raises(gt.NotFound):
        gt.annual_review(p, ev, gt.review_options(subject=gt.collective_id(9)))


def test_midyear_review_says_what_is_left(rp):
    p = rp["plan"]
    text = gt.render_text(gt.midyear_review(p, gt.evaluate(p, dt.date(2020, 7, 1)),
                                            gt.review_options(lang=en)))
    assert text.startswith("Mid-year review: the first half of 2020\n")
    assert "- Overdue task: Sửa trường (due 30/06/2020).\n" in text
    assert "- School sites reorganised (2020): aim for a decrease of 98 school sites.\n" in text
    assert "- Task: Tuyển sinh lớp 10 (due 31/12/2020).\n" in text


def test_quarterly_review_is_a_table_of_the_quarter(rp):
    p = rp["plan"]
    doc = gt.quarterly_review(p, gt.evaluate(p, dt.date(2020, 7, 1)))
    table = doc.sections[0].blocks[0]
    assert isinstance(table, gt.table)
    assert table.header == ["Chỉ tiêu", "Thời hạn", "Kết quả", "Tiến độ", "Kế hoạch đến nay",
                            "Tình trạng"]
    assert [row[0].text() for row in table.rows] == ["Sắp xếp điểm trường", "Học sinh vào THPT"]
    text = gt.render_text(doc)
    assert text.startswith("Báo cáo quý III năm 2020\n")
    assert "Sắp xếp điểm trường  năm 2020  —" in text


def test_comparison_review_sets_two_dates_side_by_side(rp):
    p = rp["plan"]
    now, before = gt.evaluate(p, dt.date(2020, 12, 31)), gt.evaluate(p, dt.date(2020, 7, 1))
    doc = gt.comparison_review(p, now, before, gt.review_options(lang=en))
    table = doc.sections[0].blocks[0]
    assert table.header == ["Target", "01/07/2020", "31/12/2020", "Change", "Status"]
    assert [cell.text() for cell in table.rows[0]] == [
        "School sites reorganised", "—", "down by 98 school sites (from 1,046 to 948)", "—",
        "no data → achieved"]
    assert "- The Department: tasks completed 1/1 on 31/12/2020 (0/1 on 01/07/2020).\n" in \
        gt.render_text(doc)


def test_an_evaluation_of_another_plan_is_refused(rp):
    p = rp["plan"]
    other = gt.plan()
    other_ev = gt.evaluate(other, REVIEWED_ON)
    ev = gt.evaluate(p, REVIEWED_ON)
    for compose in (gt.annual_review, gt.midyear_review, gt.quarterly_review):
        with pytest.raises(gt.InvalidArgument, match="not of this plan"):
            compose(p, other_ev)
    with pytest.raises(gt.InvalidArgument, match="not of this plan"):
        gt.comparison_review(p, ev, other_ev)
    with pytest.raises(gt.InvalidArgument, match="not of this plan"):
        gt.review_writer(p, other_ev, vi)


def test_writer_result_on_one_target(rp):
    p, sites = rp["plan"], rp["sites"]
    w = gt.review_writer(p, gt.evaluate(p, REVIEWED_ON), en)
    line = w.result(sites, gt.period.year(2020))
    assert line.list_level == 1
    assert line.text() == \
        "School sites reorganised: down by 98 school sites (from 1,046 to 948) — achieved."
    assert [(f.text, f.value, f.number) for f in line.figures()] == [
        ("98 school sites", "change", -98.0), ("1,046", "baseline", 1046.0),
        ("948", "actual", 948.0), ("achieved", "status", None)]
    assert all(f.entity == sites for f in line.figures())
    # Another span names the target's period; name_owners adds its owner.
    assert w.result(sites, list_level=0).text().startswith("School sites reorganised (2020): ")
    assert w.result(sites, list_level=0).list_level == 0
    w.name_owners(True)
    assert w.result(sites).text().startswith("School sites reorganised (The Department, 2020): ")
    vi_writer = gt.review_writer(p, gt.evaluate(p, REVIEWED_ON), vi)
    assert vi_writer.result(rp["upper"], gt.period.year(2020)).text() == \
        "Học sinh vào THPT: 58,1% (7.412/12.757) — không đạt."


def test_writer_goal_value_unit_status_and_tasks(rp):
    p, ev = rp["plan"], gt.evaluate(rp["plan"], REVIEWED_ON)
    w = gt.review_writer(p, ev, vi)
    assert w.goal(rp["fund"]).text() == \
        "Ủng hộ Tết (năm 2021): phấn đấu ít nhất 40 triệu đồng; gần 47 triệu đồng " \
        "(46.850.000 đồng) — đạt."
    assert w.value(rp["fund"], 46_850_000) == "gần 47 triệu đồng"
    assert w.value(rp["upper"], 0.581) == "58,1%"
    assert w.value(rp["sites"], 948) == "948 điểm trường"
    assert w.unit(rp["sites"]) == "điểm trường" and w.unit(rp["upper"]) == "%"
    status = w.status(rp["upper"])
    assert (status.text, status.entity, status.value) == ("không đạt", rp["upper"], "status")
    tasks = w.tasks(rp["school"], ev.collective(rp["school"]).own_tasks)
    assert tasks.text() == "Trường THPT A: hoàn thành 0/1 nhiệm vụ; trong số nhiệm vụ đã đến " \
        "hạn, hoàn thành 0,0%; 1 nhiệm vụ quá hạn."
    assert w.lang == vi and w.source is p and w.results is ev


def test_writer_fallbacks_list_entities_without_an_english_label(rp):
    p = rp["plan"]
    w = gt.review_writer(p, gt.evaluate(p, REVIEWED_ON), en)
    assert w.name(rp["dept"]) == "The Department" and w.fallbacks() == []
    assert w.name(rp["school"]) == "Trường THPT A"
    assert w.unit(rp["sites"]) == "school sites"
    w.result(rp["upper"])
    w.name(rp["school"])
    assert w.fallbacks() == [rp["school"], rp["upper"]]  # each once, in the order first named
    doc = gt.document(en, "Mine", fallbacks=[rp["upper"]])
    w.finish(doc)
    assert doc.fallbacks == [rp["upper"], rp["school"]]
    # Names written in the plan's own language never fall back.
    own = gt.review_writer(p, gt.evaluate(p, REVIEWED_ON), en, names_language=en)
    own.name(rp["school"])
    assert own.fallbacks() == []


def test_writer_errors(rp):
    p = rp["plan"]
    w = gt.review_writer(p, gt.evaluate(p, REVIEWED_ON), en)
    with pytest.raises(gt.NotFound):
        w.name(gt.collective_id(42))
    with pytest.raises(gt.InvalidArgument):
        w.name(None)
    for call in (lambda: w.status(gt.target_id(3)), lambda: w.result(gt.target_id(99)),
                 lambda: w.value(gt.target_id(), 1.0), lambda: w.unit(gt.target_id(7))):
        with pytest.raises(gt.NotFound, match="out of range"):
            call()
    # A target added after the evaluation: the writer's evaluation no longer fits the plan.
    p.add_target(gt.target.quantity("NEW", "Mới", rp["dept"], gt.period.year(2021)).at_least(1))
    with pytest.raises(gt.InvalidArgument, match="4 targets, its evaluation 3"):
        w.result(rp["sites"])


def test_writer_keeps_its_plan_and_evaluation_alive():
    rp = review_plan()
    sites = rp["sites"]
    w = gt.review_writer(rp["plan"], gt.evaluate(rp["plan"], REVIEWED_ON), en)
    del rp
    gc.collect()
    assert w.result(sites, gt.period.year(2020)).text().endswith("(from 1,046 to 948) — achieved.")
    assert w.source.target_count == 3 and w.results.as_of == REVIEWED_ON


def test_format_period():
    assert gt.format_period(gt.period.year(2020)) == "năm 2020"
    assert gt.format_period(gt.period.year(2020), en) == "2020"
    assert gt.format_period(gt.period.quarter(2021, 1)) == "quý I năm 2021"
    assert gt.format_period(gt.period.quarter(2021, 1), en) == "the first quarter of 2021"
    assert gt.format_period(gt.period.half_year(2021, 1), en) == "the first half of 2021"
    assert gt.format_period(gt.period.school_year(2019)) == "năm học 2019-2020"
    custom = gt.period.between(dt.date(2021, 1, 21), dt.date(2021, 2, 10))
    assert gt.format_period(custom) == "từ 21/01/2021 đến 10/02/2021"
    assert gt.format_period(custom, en) == "21 January 2021 to 10 February 2021"
