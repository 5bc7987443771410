"""Reports as documents (document.hpp): parts, figures, rendering, equality."""

import datetime as dt
import json

import pytest

import goaltrack as gt

vi, en = gt.language.vi, gt.language.en
UPPER = gt.target_id(2)


def small_review():
    """The header's example: a section with a list item holding a figure, and a table."""
    doc = gt.document(en, "Review of 2020", dt.date(2021, 1, 21))
    targets = doc.add_section("Targets for 2020")
    targets.add_paragraph(1).add("Students going on to upper secondary: ").add(
        gt.figure("58.1%", UPPER, "actual", 0.581))
    table = targets.add_table(["Target", "Actual", "Status"], "Targets of 2020")
    table.add_row([gt.paragraph(["Upper secondary"]),
                   gt.paragraph([gt.figure("58.1%", UPPER, "actual", 0.581)]),
                   gt.paragraph([gt.figure("achieved", UPPER, "status")])])
    targets.add_section("Tasks").add_paragraph().add("Completed 15/15 tasks.")
    return doc


def test_add_chains_on_the_same_paragraph_and_joins_plain_text():
    p = gt.paragraph()
    assert p.add("Students").add(": ") is p
    f = gt.figure("58,1%", UPPER, "actual", 0.581)
    assert p.add(f).add(" — ").add("đạt") is p
    # Plain text after plain text joins the run before it; a figure is a run of its own.
    assert p.runs == ["Students: ", f, " — đạt"]
    assert p.text() == "Students: 58,1% — đạt"
    assert p.figures() == [f]
    assert p.list_level == 0 and gt.paragraph(list_level=2).list_level == 2


def test_runs_and_blocks_round_trip_as_python_objects():
    doc = small_review()
    section = doc.sections[0]
    kinds = [type(b) for b in section.blocks]
    assert kinds == [gt.paragraph, gt.table]
    item = section.blocks[0]
    assert isinstance(item.runs[0], str) and isinstance(item.runs[1], gt.figure)
    rebuilt = gt.section("Targets for 2020", blocks=list(section.blocks),
                         sections=list(section.sections))
    assert rebuilt == section
    # Any entity kind fits a figure, and None is the plan as a whole.
    for entity in (gt.collective_id(1), gt.member_id(2), gt.program_id(3), gt.task_id(4),
                   gt.round_id(5), gt.target_id(6), None):
        assert gt.paragraph([gt.figure("x", entity)]).runs[0].entity == entity
    with pytest.raises(TypeError):
        gt.paragraph([3])


def test_figures_keep_entity_value_and_number_in_reading_order():
    figures = small_review().figures()
    assert [(f.text, f.entity, f.value, f.number) for f in figures] == [
        ("58.1%", UPPER, "actual", 0.581),
        ("58.1%", UPPER, "actual", 0.581),
        ("achieved", UPPER, "status", None),
    ]
    word = gt.figure("đạt", gt.collective_id(0), "status")
    assert (word.number, repr(word)) == (
        None, "figure('đạt', entity=collective_id(0), value='status', number=None)")


def test_a_row_of_the_wrong_width_raises_naming_the_table():
    t = gt.table(["Target", "Actual"], "Targets")
    assert t.add_row([gt.paragraph(["a"]), gt.paragraph(["b"])]) is t
    with pytest.raises(gt.InvalidArgument, match=r"table 'Targets' row 2: 1 cells for 2 columns"):
        t.add_row([gt.paragraph(["only one"])])
    with pytest.raises(ValueError):  # InvalidArgument is a ValueError
        t.add_row([gt.paragraph()] * 3)
    assert len(t.rows) == 1
    with pytest.raises(gt.InvalidArgument, match="row 1: 0 cells for 2 columns"):
        gt.table(["a", "b"], rows=[[]])
    assert gt.table(["a"], rows=[[gt.paragraph(["x"])]]).rows[0][0].text() == "x"


def test_parts_returned_by_add_are_inside_their_parent():
    doc = gt.document(vi, "Báo cáo")
    doc.add_section("A")
    doc.add_section("B")
    # Items of a list attribute are the parent's own parts, changed in place.
    doc.sections[0].add_paragraph(1).add("một")
    doc.sections[0].add_section("A.1").add_table(["x"]).add_row([gt.paragraph(["1"])])
    assert doc.sections[0].blocks[0].text() == "một"
    assert doc.sections[0].sections[0].blocks[0].rows[0][0].text() == "1"
    # A part keeps its document alive.
    section = gt.document(vi, "tạm").add_section("C")
    section.add_paragraph().add("còn")
    assert section.blocks[0].text() == "còn"


def test_render_text_numbers_sections_and_pads_tables():
    assert gt.render_text(small_review()) == (
        "Review of 2020\n"
        "\n"
        "1. Targets for 2020\n"
        "- Students going on to upper secondary: 58.1%\n"
        "Targets of 2020\n"
        "Target           Actual  Status\n"
        "---------------  ------  --------\n"
        "Upper secondary  58.1%   achieved\n"
        "\n"
        "1.1. Tasks\n"
        "Completed 15/15 tasks.\n")


def test_render_text_pads_by_code_points_and_writes_list_levels():
    doc = gt.document(vi, "Báo cáo")
    doc.preface = [gt.paragraph(["Hội nghị ngày 21 tháng 01 năm 2021."])]
    s = doc.add_section("Chỉ tiêu")
    s.add_paragraph(1).add("Sở GD-ĐT")
    s.add_paragraph(2).add("Chi bộ số 1")
    s.add_table(["Tên", "Kết quả"]).add_row([gt.paragraph(["Điểm trường"]), gt.paragraph(["đạt"])])
    assert gt.render_text(doc) == (
        "Báo cáo\n"
        "Hội nghị ngày 21 tháng 01 năm 2021.\n"
        "\n"
        "1. Chỉ tiêu\n"
        "- Sở GD-ĐT\n"
        "  + Chi bộ số 1\n"
        "Tên          Kết quả\n"
        "-----------  -------\n"
        "Điểm trường  đạt\n")


def test_render_markdown_writes_headings_tables_and_escapes_markup():
    doc = small_review()
    doc.sections[0].add_table(["a|b", "*c*"]).add_row([gt.paragraph(["x_y"]),
                                                      gt.paragraph(["[z]"])])
    md = gt.render_markdown(doc)
    assert md.startswith("# Review of 2020\n")
    assert "## 1. Targets for 2020\n" in md and "### 1.1. Tasks\n" in md
    assert "- Students going on to upper secondary: 58.1%\n" in md
    assert "| Target | Actual | Status |\n| --- | --- | --- |\n" in md
    assert "| Upper secondary | 58.1% | achieved |\n" in md
    # Markup characters are escaped, so each text shows as written.
    assert "| a\\|b | \\*c\\* |\n" in md
    assert "x\\_y" in md and "\\[z\\]" in md


def test_render_json_names_each_figure_entity_by_its_plan():
    p = gt.plan()
    dept = p.org.add_collective("SGD", "Sở GD-ĐT", "department")
    for code in ("SITES", "PRIZES", "UPPER"):
        p.add_target(gt.target.quantity(code, code, dept, gt.period.year(2020)).at_least(1))
    doc = small_review()
    doc.fallbacks = [UPPER]
    text = gt.render_json(doc, p)
    assert text.startswith('{\n  "format": "goaltrack-document",\n  "version": 1,\n')
    data = json.loads(text)
    assert (data["lang"], data["title"], data["as_of"]) == ("en", "Review of 2020", "2021-01-21")
    targets = data["sections"][0]
    assert (targets["number"], targets["sections"][0]["number"]) == ("1", "1.1")
    run = targets["blocks"][0]["runs"][1]
    assert run == {"text": "58.1%", "figure": {"entity": {"kind": "target", "id": 2,
                                                          "code": "UPPER"},
                                               "value": "actual", "number": 0.581}}
    assert data["fallbacks"] == [{"kind": "target", "id": 2, "code": "UPPER"}]
    with pytest.raises(gt.NotFound):
        gt.render_json(small_review(), gt.plan())


def test_equality_compares_every_part():
    assert small_review() == small_review()
    other = small_review()
    item = other.sections[0].blocks[0]
    runs = item.runs  # a copy, changed and assigned back
    runs[1].number = 0.58
    item.runs = runs
    assert other != small_review()
    assert other.sections[0].blocks[0].figures()[0].number == 0.58
    retitled = small_review()
    retitled.sections[0].sections[0].heading = "Nhiệm vụ"
    assert retitled != small_review()
    assert gt.table(["a"], "c") == gt.table(["a"], "c") and gt.table(["a"]) != gt.table(["b"])
    assert gt.figure("1", None) != gt.figure("1", gt.target_id(0))


def test_document_fields_and_repr():
    doc = gt.document(en, "Review", dt.date(2021, 1, 21),
                      fallbacks=[gt.target_id(3), gt.collective_id(1)])
    assert (doc.lang, doc.title, doc.as_of) == (en, "Review", dt.date(2021, 1, 21))
    assert doc.fallbacks == [gt.target_id(3), gt.collective_id(1)]
    assert gt.document().as_of is None and gt.document().lang == vi
    doc.as_of = None
    assert doc.as_of is None
    doc.add_section("One")
    assert repr(doc) == "<goaltrack.document 'Review' (en): 1 section>"
    assert repr(small_review().sections[0]) == \
        "section('Targets for 2020', 2 blocks, 1 subsection)"


def test_what_add_returns_stays_valid_as_more_is_added():
    doc = gt.document(gt.language.en, "Review")
    first = doc.add_section("A")
    opening = first.add_paragraph()
    for i in range(200):
        doc.add_section(f"More {i}").add_section("Under it")
        first.add_paragraph(1).add("item")
    first.heading = "Still A"
    opening.add("still here")
    assert doc.sections[0].heading == "Still A"
    assert doc.sections[0].blocks[0].text() == "still here"
    with pytest.raises(AttributeError):
        doc.sections = []  # read-only: a reassigned list would free `first`
