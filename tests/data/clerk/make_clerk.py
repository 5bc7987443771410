#!/usr/bin/python3
"""Writes the origin review's plan the way a Vietnamese planning clerk keeps it, from the
strict CSV folder examples/annual_review/data:

  csv/            a folder saved from Excel on a Vietnamese Windows: ';' between fields,
                  decimal ',', thousands '.', dates dd/mm/yy or with a midnight time,
                  Vietnamese headers and values, ratios as percentages, trailing empty
                  columns, a notes column "ghi_chu", rating levels typed as labels in
                  lower case or in decomposed Unicode (Unikey's "Unicode tổ hợp");
  ke_hoach.xlsx   the same plan as an Excel workbook made by another writer (openpyxl):
                  numbers and dates as typed cells, ratios as numbers shown as
                  percentages, booleans as TRUE/FALSE, Vietnamese headers and values.

tests/csv_habits_test.cpp imports both (dialect: ';', ',', day_month_year, notes column
"ghi_chu") and checks that they give the plan of the strict folder, the CSV folder's with
the notes of its targets ("xem lại") besides. The Vietnamese names
of columns and values are read from the library's own tables (src/io/csv_layout.hpp and
the code tables in src/*.cpp), so this script restates none of them.

Run from the repository: /usr/bin/python3 tests/data/clerk/make_clerk.py
(needs python3-openpyxl).
"""

import csv
import datetime
import decimal
import pathlib
import re
import unicodedata

import openpyxl

ROOT = pathlib.Path(__file__).resolve().parents[3]
STRICT = ROOT / "examples" / "annual_review" / "data"
OUT = pathlib.Path(__file__).resolve().parent

# --- the library's tables ---------------------------------------------------------------

layout = (ROOT / "src" / "io" / "csv_layout.hpp").read_text(encoding="utf-8")
COLUMN_VI = {c: vi.split("|")[0] for c, vi in re.findall(r'\{"(\w+)", "([^"]+)"\},', layout.split("column_aliases[]")[1].split("};")[0])}

ENUM_VI = {}  # (enum type, code) -> first Vietnamese name
for source in (ROOT / "src").glob("*.cpp"):
    for enum, code, vi in re.findall(r'\{(\w+)::\w+, "(\w+)", "([^"]+)"\}', source.read_text(encoding="utf-8")):
        ENUM_VI[(enum, code)] = vi.split("|")[0]

# Which enum each translated column holds, by file.
ENUM_COLUMNS = {
    "targets.csv": {"kind": "target_kind", "goal": "goal_kind", "trend": "trend", "scope": "rating_scope",
                    "criterion": "collective_criterion", "over_time": "aggregation",
                    "scoring": "scoring_method", "planned_as": "plan_basis", "expected_by": "expectation",
                    "over_tree": "tree_aggregation"},
    "tasks.csv": {"kind": "task_kind"},
    "task_status.csv": {"status": "task_status"},
    "labels.csv": {"language": "language", "part": "label_part"},
}
BOOLEANS = {"whole_numbers", "all", "not_started_before_start", "missed_after_end", "close_at_period_end",
            "reached_is_achieved", "lower_inclusive", "upper_inclusive", "exclude_not_started", "exclude_no_data"}
NUMBERS = {"goal_value", "goal_high", "baseline", "limit", "weight", "value", "denominator", "planned", "score",
           "lower", "upper", "on_track_margin", "at_risk_margin", "trend_tolerance", "minimum_points",
           "forecast_min_points", "count", "required_count"}
DATES = {"date", "deadline", "added_on", "decided_on"}
RATED = {"member": "thành viên", "collective": "tập thể"}


def read(name):
    with open(STRICT / name, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def ratio_targets():
    header, rows = read("targets.csv")
    return {r[header.index("code")] for r in rows if r[header.index("kind")] == "ratio"}


RATIOS = ratio_targets()
LABELS = {}  # level code -> Vietnamese label
_h, _rows = read("rating_scales.csv")
for _r in _rows:
    LABELS[_r[_h.index("level")]] = _r[_h.index("label_vi")]


def grouped(text):
    """A number as the clerk types it: decimal ',', thousands '.'."""
    d = decimal.Decimal(text)
    whole, _, fraction = format(abs(d), "f").partition(".")
    whole = f"{int(whole):,}".replace(",", ".")
    return ("-" if d < 0 else "") + whole + ("," + fraction if fraction else "")


def percent(text):
    """A fraction as a percentage with decimal ',': 0.581 -> 58,1%."""
    d = decimal.Decimal(text).scaleb(2).normalize()
    return format(d, "f").replace(".", ",") + "%"


def iso_date(text):
    return datetime.date.fromisoformat(text)


def is_ratio_value(file, column, row, header):
    if file == "targets.csv":
        return column in {"goal_value", "goal_high", "baseline", "limit"} and row[header.index("kind")] == "ratio"
    if file == "measurements.csv":
        den = row[header.index("denominator")] if "denominator" in header else ""
        return column == "value" and row[header.index("target")] in RATIOS and den in ("", "1")
    return False


def clerk_text(file, column, value, row, header, index):
    if value == "":
        return ""
    if column in BOOLEANS:
        return "đúng" if value == "true" else "sai"
    if column in ENUM_COLUMNS.get(file, {}):
        return ENUM_VI.get((ENUM_COLUMNS[file][column], value), value)
    if file == "ratings.csv" and column == "rated":
        return RATED[value]
    if file == "ratings.csv" and column == "level":
        label = LABELS[value]
        # Every other row typed in lower case, every third in decomposed Unicode.
        if index % 3 == 0:
            return unicodedata.normalize("NFD", label)
        return label.lower() if index % 2 == 0 else label
    if column in DATES:
        d = iso_date(value)
        return d.strftime("%d/%m/%y") if index % 2 == 0 else d.strftime("%d/%m/%Y") + " 00:00"
    if is_ratio_value(file, column, row, header):
        return percent(value)
    if column in NUMBERS:
        return grouped(value)
    return value


def clerk_csv():
    folder = OUT / "csv"
    folder.mkdir(exist_ok=True)
    for path in sorted(STRICT.glob("*.csv")):
        header, rows = read(path.name)
        notes = path.name == "targets.csv"
        out_header = [COLUMN_VI[c] for c in header] + (["ghi_chu"] if notes else [])
        lines = [out_header + ["", "", ""]]
        for i, row in enumerate(rows):
            cells = [clerk_text(path.name, c, v, row, header, i) for c, v in zip(header, row)]
            lines.append(cells + (["xem lại"] if notes else []) + ["", "", ""])
        with open(folder / path.name, "w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f, delimiter=";", lineterminator="\r\n").writerows(lines)


def typed_cell(file, column, value, row, header, index):
    """(value, number format) of a cell as Excel types it."""
    if value == "":
        return None, None
    if column in BOOLEANS:
        return value == "true", None
    if column in DATES:
        return datetime.datetime.combine(iso_date(value), datetime.time()), "dd/mm/yyyy"
    if is_ratio_value(file, column, row, header):
        return float(value), "0.0%"
    if column in NUMBERS:
        return (int(value) if re.fullmatch(r"-?\d+", value) else float(value)), None
    return clerk_text(file, column, value, row, header, index), "@"


def clerk_workbook():
    book = openpyxl.Workbook()
    book.remove(book.active)
    for path in sorted(STRICT.glob("*.csv")):
        header, rows = read(path.name)
        sheet = book.create_sheet(path.stem)
        sheet.append([COLUMN_VI[c] for c in header])
        for i, row in enumerate(rows):
            values = [typed_cell(path.name, c, v, row, header, i) for c, v in zip(header, row)]
            sheet.append([v for v, _ in values])
            for k, (_, fmt) in enumerate(values):
                if fmt:
                    sheet.cell(row=i + 2, column=k + 1).number_format = fmt
    book.save(OUT / "ke_hoach.xlsx")


if __name__ == "__main__":
    clerk_csv()
    clerk_workbook()
