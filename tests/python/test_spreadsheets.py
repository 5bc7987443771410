"""Spreadsheets as people fill them: workbooks, warnings, Vietnamese headers and values,
and pandas DataFrames (tested when pandas is installed)."""

import pathlib

import pytest

import goaltrack as gt

ROOT = pathlib.Path(__file__).resolve().parents[2]
STRICT = ROOT / "examples" / "annual_review" / "data"
CLERK = ROOT / "tests" / "data" / "clerk"


def clerk_dialect():
    return gt.csv_dialect(delimiter=";", decimal_separator=",",
                          dates=gt.csv_date_format.day_month_year, notes_columns=["ghi_chu"])


def test_a_clerks_workbook_and_folder_give_the_strict_folders_plan():
    strict = gt.import_csv(STRICT)
    assert gt.import_xlsx(CLERK / "ke_hoach.xlsx", clerk_dialect()) == strict
    assert gt.import_xlsx((CLERK / "ke_hoach.xlsx").read_bytes(), clerk_dialect()) == strict
    # The folder's targets have the clerk's notes ("xem lại": to review), which are kept.
    clerks = gt.import_csv(CLERK / "csv", clerk_dialect())
    noted = gt.import_csv(STRICT)
    noted.add_notes([gt.row_note(target=gt.target_id(i), column="ghi_chu", text="xem lại")
                     for i in range(len(noted.targets))])
    assert clerks == noted


def test_export_xlsx_reads_back_equal_in_either_language(tmp_path):
    strict = gt.import_csv(STRICT)
    for names in (gt.language.en, gt.language.vi):
        dialect = gt.csv_dialect(names=names)
        gt.export_xlsx(strict, tmp_path / "plan.xlsx", dialect)
        assert gt.import_xlsx(tmp_path / "plan.xlsx", dialect) == strict


def test_warnings_come_as_a_list_and_do_not_fail_the_import():
    files = {
        "collectives.csv": "Mã;Tên\nSGD;Sở\n",
        "targets.csv": "mã;loại;đơn vị chủ trì;kỳ;mục tiêu\nTL;tỷ lệ;SGD;2020;95%\n",
        "measurements.csv": "chỉ tiêu;ngày;giá trị\nTL;31/12/20;58,1\n",
    }
    warnings = []
    p = gt.import_csv(files, clerk_dialect(), warnings)
    assert p.target_count == 1
    assert [str(w) for w in warnings] == [
        "measurements.csv:2:3: value 58.1 is a ratio above 1: ratios are fractions; did you mean 58.1%?"]
    with pytest.raises(TypeError):
        gt.import_csv(files, clerk_dialect(), warnings=())


def test_errors_keep_the_warnings_apart_and_name_sheet_cells():
    files = {
        "collectives.csv": "Mã;Tên\nSGD;Sở\n",
        "targets.csv": "mã;loại;đơn vị chủ trì;kỳ;mục tiêu\nTL;tỷ lệ;SGD;2020;95\n",
        "measurements.csv": "chỉ tiêu;ngày;giá trị\nTL;31/12/20;58,1\n",
    }
    with pytest.raises(gt.CsvError) as caught:
        gt.import_csv(files, clerk_dialect())
    assert "did you mean 95%?" in str(caught.value.issues[0])
    assert caught.value.warnings == []
    with pytest.raises(gt.FormatError):
        gt.import_xlsx(b"code,name\n")


def test_vietnamese_names_are_read_loosely():
    assert gt.parse_target_kind("Số lượng") == gt.target_kind.quantity
    assert gt.parse_target_kind("so luong") == gt.target_kind.quantity
    assert gt.parse_task_status("HOÀN THÀNH") == gt.task_status.completed
    with pytest.raises(gt.ParseError, match="did you mean 'quantity'"):
        gt.parse_target_kind("quantiy")


def test_dataframes_per_layout_file():
    pd = pytest.importorskip("pandas")
    frames = {
        "collectives": pd.DataFrame({"Mã": ["SGD"], "Tên": ["Sở GD-ĐT"]}),
        "targets": pd.DataFrame({"mã": ["TL"], "loại": ["tỷ lệ"], "đơn vị chủ trì": ["SGD"],
                                 "kỳ": ["2020"], "mục tiêu": [0.581]}),
        "measurements.csv": pd.DataFrame({"chỉ tiêu": ["TL"], "ngày": [pd.Timestamp("2021-01-21")],
                                          "giá trị": [0.6]}),
    }
    p = gt.import_frames(frames, clerk_dialect())
    t = p.get(p.find_target("TL"))
    assert t.goal_value == 0.581
    assert p.measurements.values()[0] == 0.6
    with pytest.raises(TypeError, match="not a DataFrame"):
        gt.import_frames({"targets": [1, 2]})
