"""Charts of a report (chart.hpp): parts, validation, SVG, charts in documents and HTML,
and the charts of the reviews (review_writer.burn_ups, status_bars, rating_bars,
task_bars)."""

import datetime as dt

import pytest

import goaltrack as gt

vi, en = gt.language.vi, gt.language.en
SITES = gt.target_id(0)
GREEN, RED = "#2e7d32", "#c62828"


def status_chart(title="Targets <by> status & unit"):
    """Two bars (the department's own targets and a school's), two series of counts."""
    return gt.chart(
        gt.chart_kind.bars, title, description="5 targets: 4 achieved, 1 missed (2 units)",
        unit="targets", entity=gt.collective_id(0),
        categories=[gt.chart_category("Department (own)", gt.collective_id(0)),
                    gt.chart_category("School A", gt.collective_id(1))],
        series=[gt.chart_series("achieved", GREEN, gt.series_style.bar, "status:achieved",
                                values=[3, 1]),
                gt.chart_series("missed", RED, value="status:missed", values=[0, 1])])


def burn_up():
    """948 school sites against a goal of 948 over 2020, from 1046."""
    return gt.chart(
        gt.chart_kind.burn_up, "School sites (2020)", description="2 check-ins", unit="sites",
        entity=SITES, span=gt.period.year(2020), goal=948,
        series=[gt.chart_series("Actual", GREEN, gt.series_style.line, "actual",
                                points=[gt.chart_point(dt.date(2020, 6, 30), 1012),
                                        gt.chart_point(dt.date(2020, 12, 31), 948)]),
                gt.chart_series("Expected", "#757575", gt.series_style.dashed, "expected",
                                points=[gt.chart_point(dt.date(2020, 1, 1), 1046),
                                        gt.chart_point(dt.date(2020, 12, 31), 948)])])


def charts_in(sections):
    """Every chart block under `sections`, in reading order."""
    out = []
    for s in sections:
        out += [b for b in s.blocks if isinstance(b, gt.chart)]
        out += charts_in(s.sections)
    return out


def test_kinds_and_styles_have_codes():
    assert [gt.to_string(k) for k in (gt.chart_kind.bars, gt.chart_kind.burn_up)] == \
        ["bars", "burn_up"]
    assert [gt.to_string(s) for s in (gt.series_style.bar, gt.series_style.line,
                                      gt.series_style.dashed)] == ["bar", "line", "dashed"]
    assert gt.parse_chart_kind("burn_up") == gt.chart_kind.burn_up
    assert gt.parse_series_style("dashed") == gt.series_style.dashed
    with pytest.raises(gt.ParseError, match="pie"):
        gt.parse_chart_kind("pie")
    with pytest.raises(gt.ParseError, match="dotted"):
        gt.parse_series_style("dotted")


def test_parts_keep_their_fields_and_compare_by_value():
    c = burn_up()
    assert (c.kind, c.title, c.unit, c.entity, c.span, c.goal) == (
        gt.chart_kind.burn_up, "School sites (2020)", "sites", SITES, gt.period.year(2020), 948)
    actual = c.series[0]
    assert (actual.name, actual.colour, actual.style, actual.value, actual.values) == (
        "Actual", GREEN, gt.series_style.line, "actual", [])
    assert actual.points[-1] == gt.chart_point(dt.date(2020, 12, 31), 948)
    assert actual.points[-1].day == dt.date(2020, 12, 31)
    assert status_chart().categories[1] == gt.chart_category("School A", gt.collective_id(1))
    assert gt.chart_category("x").entity is None
    # The defaults: a bar chart without data, a bar series.
    empty = gt.chart()
    assert (empty.kind, empty.title, empty.span, empty.goal, empty.series) == (
        gt.chart_kind.bars, "", None, None, [])
    assert gt.chart_series().style == gt.series_style.bar
    assert burn_up() == burn_up() and burn_up() != status_chart()
    moved = burn_up()
    points = moved.series[0].points  # a copy: change it, then assign it back
    points[-1].value = 950
    series = moved.series
    series[0].points = points
    assert moved == burn_up()  # nothing assigned back to the chart yet
    moved.series = series
    assert moved != burn_up() and moved.series[0].points[-1].value == 950


def test_repr_names_kind_title_and_counts():
    assert repr(status_chart("Targets")) == \
        "chart(<chart_kind.bars: 0>, 'Targets', 2 categories, 2 series)"
    assert repr(burn_up()) == (
        "chart(<chart_kind.burn_up: 1>, 'School sites (2020)', 2 series, "
        "span=period('2020'), goal=948.0)")
    assert repr(status_chart().series[1]) == (
        "chart_series('missed', '#c62828', style=<series_style.bar: 0>, value='status:missed', "
        "2 values, 0 points)")
    assert repr(gt.chart_point(dt.date(2020, 6, 30), 1012)) == \
        "chart_point(datetime.date(2020, 6, 30), 1012.0)"
    assert repr(gt.chart_category("A", gt.program_id(2))) == \
        "chart_category('A', entity=program_id(2))"


def test_a_chart_built_in_python_validates_and_renders_its_text_alternative_escaped():
    c = status_chart()
    c.validate()
    svg = gt.render_svg(c, en)
    assert svg.startswith("<svg ") and svg.rstrip().endswith("</svg>")
    assert "<title>Targets &lt;by&gt; status &amp; unit</title>" in svg
    assert "<desc>5 targets: 4 achieved, 1 missed (2 units)</desc>" in svg
    assert "<script" not in svg and "Targets <by>" not in svg
    assert gt.render_svg(c, en) == svg  # deterministic
    burn_up().validate()
    assert "<title>School sites (2020)</title>" in gt.render_svg(burn_up(), vi)


def test_a_bar_series_with_the_wrong_number_of_values_raises_naming_it():
    c = status_chart("Targets")
    series = c.series
    series[1].values = [1]
    c.series = series
    with pytest.raises(gt.InvalidArgument,
                       match=r"chart 'Targets' series 2 'missed': 1 values for 2 categories"):
        c.validate()
    with pytest.raises(ValueError, match="'missed'"):  # InvalidArgument is a ValueError
        gt.render_svg(c, en)
    with pytest.raises(gt.InvalidArgument, match="has no title"):
        gt.chart().validate()
    late = burn_up()
    series = late.series
    series[0].points = [gt.chart_point(dt.date(2021, 1, 5), 900)]
    late.series = series
    with pytest.raises(gt.InvalidArgument, match=r"series 1 'Actual': point 1 is not a day"):
        late.validate()
    bad_colour = status_chart("Targets")
    series = bad_colour.series
    series[0].colour = "green"
    bad_colour.series = series
    with pytest.raises(gt.InvalidArgument, match="colour 'green' is not #rrggbb"):
        bad_colour.validate()


def test_add_chart_returns_the_chart_inside_the_section():
    doc = gt.document(en, "Review of 2020", dt.date(2021, 1, 21))
    s = doc.add_section("Targets")
    s.add_paragraph().add("Before the chart.")
    drawn = s.add_chart(status_chart())
    assert isinstance(drawn, gt.chart) and drawn == status_chart()
    drawn.title = "Retitled"
    assert [type(b) for b in s.blocks] == [gt.paragraph, gt.chart]
    assert s.blocks[1].title == "Retitled"
    # Blocks are read in place: a chart of the section changed through them changes it.
    s.blocks[1].unit = "chỉ tiêu"
    assert doc.sections[0].blocks[1].unit == "chỉ tiêu"
    # It stays valid as more is added, and keeps its document alive.
    for i in range(100):
        s.add_paragraph(1).add(f"item {i}")
    drawn.goal = None
    assert doc.sections[0].blocks[1].title == "Retitled"
    kept = gt.document(en, "tạm").add_section("C").add_chart(burn_up())
    assert kept.series[0].points[-1].value == 948
    # A chart validate refuses is not added, by add_chart or add.
    with pytest.raises(gt.InvalidArgument, match="has no title"):
        s.add_chart(gt.chart())
    with pytest.raises(gt.InvalidArgument, match="has no title"):
        s.add(gt.chart())
    assert len(s.blocks) == 102
    assert s.add(burn_up()) is s and s.blocks[-1] == burn_up()
    # A section built with charts among its blocks holds copies of them.
    rebuilt = gt.section("Targets", blocks=list(s.blocks))
    assert rebuilt == s
    with pytest.raises(gt.InvalidArgument, match="has no title"):
        gt.section("Targets", blocks=[gt.paragraph(["x"]), gt.chart()])


def test_render_html_writes_tables_and_charts_without_script():
    doc = gt.document(en, "Review of 2020 & 2021", dt.date(2021, 1, 21))
    s = doc.add_section("Targets")
    s.add_table(["Target", "Status"], "Targets of 2020").add_row(
        [gt.paragraph(["School sites"]), gt.paragraph([gt.figure("achieved", SITES, "status")])])
    s.add_chart(status_chart())
    html = gt.render_html(doc)
    assert html.startswith("<!DOCTYPE html>\n")
    assert "<table" in html and "<svg" in html and "<script" not in html
    assert "<title>Targets &lt;by&gt; status &amp; unit</title>" in html
    assert "Review of 2020 &amp; 2021" in html
    assert 'data-entity="target:0"' in html
    assert gt.render_html(doc) == html
    # The text renderers write the chart's text alternative.
    assert "Chart: Targets <by> status & unit. 5 targets: 4 achieved" in gt.render_text(doc)


def test_render_html_refuses_a_chart_made_invalid_in_place():
    doc = gt.document(en, "Review")
    drawn = doc.add_section("Targets").add_chart(status_chart("Targets"))
    drawn.categories = drawn.categories[:1]
    with pytest.raises(gt.InvalidArgument, match="2 values for 1 categories"):
        gt.render_html(doc)


@pytest.fixture(scope="module")
def origin_review(origin):
    p = origin.build_origin_plan()
    ev = origin.evaluate_review(p)
    return origin, p, ev


def test_the_origin_annual_review_draws_bars_and_burn_ups(origin_review):
    o, p, ev = origin_review
    doc = gt.annual_review(p, ev, gt.review_options(span=o.REVIEW_PERIOD))
    charts = charts_in(doc.sections)
    kinds = {c.kind for c in charts}
    assert {gt.chart_kind.bars, gt.chart_kind.burn_up} <= kinds
    for c in charts:
        c.validate()
    html = gt.render_html(doc)
    assert html.count("<svg") == len(charts) and "<script" not in html
    none = gt.annual_review(p, ev, gt.review_options(span=o.REVIEW_PERIOD, chart_limit=0))
    assert charts_in(none.sections) == []
    assert "<svg" not in gt.render_html(none)
    one = gt.annual_review(p, ev, gt.review_options(span=o.REVIEW_PERIOD, chart_limit=1))
    assert [c.kind for c in charts_in(one.sections)].count(gt.chart_kind.burn_up) == 1


def test_review_options_chart_limit():
    o = gt.review_options()
    assert o.chart_limit == 12
    o.chart_limit = 0
    assert gt.review_options(chart_limit=3).chart_limit == 3
    assert repr(o).endswith(", list_limit=100, chart_limit=0)")


def test_burn_ups_end_at_each_target_actual(origin_review):
    o, p, ev = origin_review
    w = gt.review_writer(p, ev, vi)
    ids = [gt.target_id(i) for i in range(p.target_count)]
    charts = w.burn_ups(ids)
    assert charts, "the origin plan has targets with check-ins"
    assert [c.entity for c in charts] == sorted((c.entity for c in charts), key=lambda t: t.value)
    for c in charts:
        assert c.kind == gt.chart_kind.burn_up and c.span == p.get(c.entity).span
        actual = c.series[0]
        assert (actual.value, actual.style) == ("actual", gt.series_style.line)
        assert actual.points[-1].value == ev.target(c.entity).actual
        c.validate()
    sites = p.find_target(o.SCHOOL_SITES)
    (chart,) = w.burn_ups([sites])
    assert chart.series[0].points[-1].value == 948 and chart.entity == sites
    assert w.burn_ups([]) == []
    with pytest.raises(gt.NotFound):
        w.burn_ups([gt.target_id(p.target_count)])


def test_bars_of_statuses_ratings_and_tasks(origin_review):
    o, p, ev = origin_review
    w = gt.review_writer(p, ev, en)
    ids = [gt.target_id(i) for i in range(p.target_count)]
    statuses = w.status_bars(ids)
    assert statuses.kind == gt.chart_kind.bars and statuses.categories
    assert sum(sum(s.values) for s in statuses.series) > 0
    assert all(s.value.startswith("status:") for s in statuses.series)
    statuses.validate()
    department = p.org.collective(o.DEPARTMENT)
    own = w.status_bars(ids, department)
    assert own.entity == department
    assert own.categories[0].entity == department
    with pytest.raises(gt.NotFound):
        w.status_bars(ids, gt.collective_id(999))
    tasks = w.task_bars([p.find_program(o.PROGRAM_190), p.find_program(o.PROGRAM_02)])
    assert [c.entity for c in tasks.categories] == [p.find_program(o.PROGRAM_190),
                                                     p.find_program(o.PROGRAM_02)]
    assert all(s.value.startswith("tasks.") for s in tasks.series)
    # 7 and 8 planned plus 2 supplementary tasks, every one counted once.
    assert [sum(s.values[k] for s in tasks.series) for k in range(2)] == [7, 10]
    with pytest.raises(gt.NotFound):
        w.task_bars([gt.program_id(999)])
    round_2020 = o.review_policy(p).rating_summaries[0].round
    ratings = w.rating_bars(round_2020)
    assert ratings.entity == round_2020
    assert all(s.value.startswith("rating:") for s in ratings.series)
    ratings.validate()
    with pytest.raises(gt.NotFound):
        w.rating_bars(gt.round_id(999))
