"""Notes of spreadsheet rows (note.hpp): the API, its typed errors, and notes through CSV,
workbooks and archives."""

import datetime as dt

import pytest

import goaltrack as gt


def small_plan():
    p = gt.plan()
    dept = p.org.add_collective("SGDDT", "Sở GD-ĐT", "department")
    t = p.add_target(gt.target.quantity("SITES", "Giảm điểm trường", dept, gt.period.year(2020))
                     .at_least(98))
    p.add_measurement(t, dt.date(2020, 6, 30), 40)
    return p, dept, t


def test_notes_are_kept_by_row_and_column():
    p, dept, t = small_plan()
    # "Ghi chú" typed in decomposed Unicode is kept in NFC.
    p.add_notes([gt.row_note(target=t, column="Ghi chu\u0301", text="Số liệu tạm tính"),
                 gt.row_note(measurement=0, column="ghi_chu", text="chờ thẩm định")])
    assert [n.column for n in p.notes()] == ["Ghi chú", "ghi_chu"]
    assert p.note(gt.row_note(target=t, column="Ghi chú")) == "Số liệu tạm tính"
    assert p.note(gt.row_note(collective=dept, column="Ghi chú")) is None
    assert p.notes()[1].measurement == 0
    assert "measurement=0" in repr(p.notes()[1])


def test_bad_notes_raise_typed_errors_and_add_nothing():
    p, dept, t = small_plan()
    note = gt.row_note(target=t, column="Ghi chú", text="x")
    with pytest.raises(gt.DuplicateError, match="note 'Ghi chú' of target 'SITES'"):
        p.add_notes([note, note])
    assert p.notes() == []
    with pytest.raises(gt.InvalidArgument, match="set exactly one of"):
        p.add_note(gt.row_note(collective=dept, target=t, column="Ghi chú", text="x"))
    with pytest.raises(gt.InvalidArgument, match="is empty"):
        p.add_note(gt.row_note(collective=dept, column="Ghi chú", text=""))
    with pytest.raises(gt.NotFound, match="measurement row 1"):
        p.add_note(gt.row_note(measurement=1, column="Ghi chú", text="x"))


def test_notes_travel_through_csv_workbooks_and_archives(tmp_path):
    p, dept, t = small_plan()
    p.add_notes([gt.row_note(collective=dept, column="Ghi chú", text="trụ sở mới"),
                 gt.row_note(target=t, column="Ghi chú", text="tạm tính")])
    dialect = gt.csv_dialect(notes_columns=["Ghi chú"])
    gt.export_csv(p, tmp_path / "csv", dialect)
    header = (tmp_path / "csv" / "collectives.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "code,name,kind,parent,Ghi chú"
    assert gt.import_csv(tmp_path / "csv", dialect) == p
    gt.export_xlsx(p, tmp_path / "plan.xlsx", dialect)
    assert gt.import_xlsx(tmp_path / "plan.xlsx", dialect) == p
    assert gt.loads(gt.dumps(p)) == p
    # Without the notes column named, the export's extra column is an error, as any other.
    with pytest.raises(gt.CsvError):
        gt.import_csv(tmp_path / "csv")
