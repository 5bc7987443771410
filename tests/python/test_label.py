import pytest

import goaltrack as gt


def department_plan():
    p = gt.plan()
    dept = p.org.add_collective("SGDDT", "Sở GD-ĐT", "department")
    prog = p.add_program(gt.program("CTr-190", title="Chương trình hành động số 190-CTr/TU",
                                    span=gt.period.year(2020), owner=dept))
    return p, dept, prog


def test_name_in_says_when_it_falls_back():
    p, dept, prog = department_plan()
    p.add_label(gt.entity_label(collective=dept, language=gt.language.en,
                                text="Department of Education and Training"))
    english = p.name_in(dept, gt.language.en)
    assert (english.text, english.fallback) == ("Department of Education and Training", False)
    own = p.name_in(prog, gt.language.en)
    assert (own.text, own.fallback) == ("Chương trình hành động số 190-CTr/TU", True)
    assert p.label(prog, gt.language.en) is None
    assert p.code(prog) == "CTr-190"
    assert p.name(dept) == "Sở GD-ĐT"
    assert p.labels()[0].entity() == dept


def test_bad_labels_raise_typed_errors_and_add_nothing():
    p, dept, prog = department_plan()
    label = gt.entity_label(program=prog, language=gt.language.en, text="Program 190")
    with pytest.raises(gt.DuplicateError, match=r"label \(en\) of program 'CTr-190'"):
        p.add_labels([label, label])
    assert p.labels() == []
    with pytest.raises(gt.InvalidArgument, match="exactly one"):
        p.add_label(gt.entity_label(collective=dept, program=prog, language=gt.language.en,
                                    text="two"))
    with pytest.raises(gt.InvalidArgument, match="is empty"):
        p.add_label(gt.entity_label(collective=dept, language=gt.language.vi, text=""))


def test_labels_travel_through_csv(tmp_path):
    p, dept, prog = department_plan()
    p.add_label(gt.entity_label(collective=dept, language=gt.language.en, text="Department"))
    gt.export_csv(p, tmp_path)
    assert (tmp_path / "labels.csv").exists()
    back = gt.import_csv(tmp_path)
    assert back.name_in(dept, gt.language.en).text == "Department"
    assert back == p


def test_a_target_unit_is_labelled_apart_from_its_title():
    p, dept, prog = department_plan()
    t = p.add_target(gt.target.quantity("hsg", "Học sinh đạt giải", dept, gt.period.year(2020))
                     .at_least(600).counting("học sinh"))
    assert (p.unit_in(t, gt.language.en).text, p.unit_in(t, gt.language.en).fallback) == \
        ("học sinh", True)
    label = gt.entity_label(target=t, language=gt.language.en, text="students",
                            part=gt.label_part.unit)
    p.add_label(label)
    assert p.unit_in(t, gt.language.en).text == "students"
    assert p.label(t, gt.language.en, gt.label_part.unit) == "students"
    assert p.label(t, gt.language.en) is None
    assert "part=<label_part.unit" in repr(label)
    with pytest.raises(gt.InvalidArgument, match="only a target has a unit"):
        p.add_label(gt.entity_label(collective=dept, language=gt.language.en, text="x",
                                    part=gt.label_part.unit))
