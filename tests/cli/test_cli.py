"""The `goaltrack` command as a user runs it: every subcommand on the origin review's CSV
folder (examples/annual_review/data), its outputs (checked against the published JSON
Schema), its exit statuses and one-line messages on bad input. ctest sets GOALTRACK_CLI to
the built binary."""

import csv
import io
import json
import os
import pathlib
import shutil
import subprocess

import jsonschema
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "annual_review" / "data"
SCHEMA = json.loads((ROOT / "schema" / "document.schema.json").read_text(encoding="utf-8"))
CLI = os.environ.get("GOALTRACK_CLI", str(ROOT / "build" / "dev" / "bin" / "goaltrack"))


def run(*args, env=None):
    """Runs goaltrack with a neutral locale (English messages unless --lang or env says)."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    environment["LANG"] = "C.UTF-8"
    environment.update(env or {})
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, env=environment,
                          timeout=120, check=False)


def one_line_error(result, status):
    """A failure: the documented status, one line on stderr, nothing on stdout."""
    assert result.returncode == status, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("goaltrack: ")
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr


@pytest.fixture
def data(tmp_path):
    """A copy of the origin folder, to spoil."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


def test_help_lists_every_command_and_the_exit_statuses():
    result = run("--help")
    assert result.returncode == 0
    for command in ("validate", "evaluate", "report", "convert", "init"):
        assert command in result.stdout
    assert "Exit status: 0 done; 1 the data has problems" in result.stdout
    vietnamese = run("--help", "--lang", "vi")
    assert "Mã thoát: 0 xong" in vietnamese.stdout
    report = run("report", "--help")
    assert report.returncode == 0 and "--kind" in report.stdout and "--with" in report.stdout


def test_validate_says_a_good_folder_has_no_problems():
    result = run("validate", DATA)
    assert result.returncode == 0, result.stderr
    assert "no problems (9 collectives, 36 members, 5 programs, 17 tasks, 8 targets)" in result.stdout


def test_validate_lists_every_problem_with_file_line_and_column(data):
    targets = (data / "targets.csv").read_text(encoding="utf-8-sig")
    (data / "targets.csv").write_text(targets.replace(",SGDDT,2020,", ",SGDDX,2020,", 1),
                                      encoding="utf-8")
    tasks = (data / "tasks.csv").read_text(encoding="utf-8-sig").splitlines()
    tasks[2] = tasks[2].replace("planned", "plannned")
    (data / "tasks.csv").write_text("\n".join(tasks) + "\n", encoding="utf-8")
    result = run("validate", data)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith(f"{data}/targets.csv:2:4: ") and "SGDDX" in line for line in lines), lines
    assert any(line.startswith(f"{data}/tasks.csv:3:") and "plannned" in line for line in lines), lines
    assert "problems" in result.stderr


CLERK = ROOT / "tests" / "data" / "clerk"


def test_a_clerks_workbook_and_folder_validate_and_report_as_the_strict_folder(tmp_path):
    clerk = ["--spreadsheet", "vi", "--notes", "ghi_chu"]
    for source in (CLERK / "ke_hoach.xlsx", CLERK / "csv"):
        result = run("validate", source, *clerk)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "no problems (9 collectives, 36 members, 5 programs, 17 tasks, 8 targets)" in result.stdout
    strict = run("report", DATA, "--as-of", "21/01/2021", "--policy", "review", "--lang", "vi")
    workbook = run("report", CLERK / "ke_hoach.xlsx", *clerk, "--as-of", "21/01/2021", "--policy",
                   "review", "--lang", "vi")
    assert workbook.returncode == 0, workbook.stderr
    assert workbook.stdout == strict.stdout
    # Without the dialect the folder's ';' header is one unknown column, and says so.
    result = run("validate", CLERK / "csv")
    assert result.returncode == 1
    assert "is the delimiter right?" in result.stdout


def test_convert_writes_a_workbook_that_reads_back(tmp_path):
    # --spreadsheet says how both the input and the output are written.
    for spreadsheet, source in (("en", DATA), ("vi", CLERK / "csv")):
        book = tmp_path / f"plan-{spreadsheet}.xlsx"
        # The clerk's notes (ghi_chu) are kept: reading the copies needs the column named too.
        dialect = ["--spreadsheet", spreadsheet, "--notes", "ghi_chu"]
        result = run("convert", source, book, *dialect)
        assert result.returncode == 0, result.stderr
        assert run("validate", book, *dialect).returncode == 0
        back = tmp_path / f"back-{spreadsheet}"
        assert run("convert", book, back, *dialect).returncode == 0
        assert run("validate", back, *dialect).returncode == 0
        strict = run("report", DATA, "--as-of", "21/01/2021", "--policy", "review").stdout
        for converted in (book, back):
            assert run("report", converted, *dialect, "--as-of", "21/01/2021",
                       "--policy", "review").stdout == strict
    # Written for Vietnamese readers: Vietnamese headers.
    assert (tmp_path / "back-vi" / "members.csv").read_text(encoding="utf-8-sig").startswith("mã;tên;")
    # ... and the clerk's notes after the targets' columns.
    targets = (tmp_path / "back-vi" / "targets.csv").read_text(encoding="utf-8-sig").splitlines()
    assert targets[0].endswith(";ghi_chu") and targets[1].endswith(";xem lại")


def test_a_workbooks_problems_name_their_sheet_and_cell(tmp_path):
    bad = tmp_path / "bad.xlsx"
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(CLERK / "ke_hoach.xlsx")
    book["targets"]["D2"] = "SGDDX"  # the owner of the first target, misspelt
    book.save(bad)
    result = run("validate", bad, "--spreadsheet", "vi", "--notes", "ghi_chu")
    assert result.returncode == 1
    assert f"{bad}: targets!D2: collective 'SGDDX' is not in collectives.csv (did you mean 'SGDDT'?)" \
        in result.stdout.splitlines(), result.stdout


def test_bad_input_gets_one_line_and_a_documented_status(tmp_path, data):
    assert "no such folder or file" in one_line_error(run("report", tmp_path / "nowhere", "--as-of", "21/01/2021"), 3)
    assert "not a date for --as-of: '31/02/2021'" in one_line_error(run("evaluate", DATA, "--as-of", "31/02/2021"), 2)
    one_line_error(run("evaluate", DATA, "--as-of", "21/01/2021", "--colour"), 2)
    one_line_error(run("report", DATA, "--as-of", "21/01/2021", "--kind", "weekly"), 2)
    assert "no evaluation policy 'strict'; known: review, default, year_end_review" in one_line_error(
        run("evaluate", DATA, "--as-of", "21/01/2021", "--policy", "strict"), 2)
    assert "--kind compare needs --with DATE" in one_line_error(
        run("report", DATA, "--as-of", "21/01/2021", "--kind", "compare"), 2)
    (data / "measurements.csv").write_text("target,date,value\nnone,2020-01-01,1\n", encoding="utf-8")
    assert "problems in the data" in one_line_error(run("report", data, "--as-of", "21/01/2021"), 1)
    broken = tmp_path / "plan.bin.gtk"
    broken.write_bytes(b"not a goaltrack file at all")
    one_line_error(run("evaluate", broken, "--as-of", "21/01/2021"), 1)


def test_messages_follow_lang_and_the_environment():
    assert "không tìm thấy thư mục hoặc tệp" in run("validate", "/nowhere", "--lang", "vi").stderr
    assert "không tìm thấy" in run("validate", "/nowhere", env={"LANG": "vi_VN.UTF-8"}).stderr


def test_the_review_in_both_languages_states_the_facts():
    vi = run("report", DATA, "--as-of", "21/01/2021", "--policy", "review", "--lang", "vi")
    assert vi.returncode == 0 and vi.stderr == "", vi.stderr
    for phrase in ("Báo cáo tổng kết năm 2020", "Sở GD-ĐT: hoàn thành 15/15 nhiệm vụ và 2 nhiệm vụ bổ sung",
                   "giảm 98 điểm trường (từ 1.046 xuống 948) — đạt", "58,1% (7.412/12.757) — đạt",
                   "1 tập thể và 12 cá nhân hoàn thành xuất sắc nhiệm vụ năm 2020",
                   "gần 47 triệu đồng (46.850.000 đồng) — đạt",
                   "phấn đấu 100% được xếp loại hoàn thành tốt nhiệm vụ trở lên",
                   "phấn đấu 5/5 chi bộ được xếp loại hoàn thành tốt nhiệm vụ trở lên"):
        assert phrase in vi.stdout, phrase
    en = run("report", DATA, "--as-of", "2021-01-21", "--policy", "review", "--lang", "en")
    for phrase in ("Annual review of 2020", "completed 15/15 tasks and 2 supplementary tasks",
                   "down by 98 school sites (from 1,046 to 948) — achieved",
                   "nearly 47 million VND (46,850,000 VND) — achieved"):
        assert phrase in en.stdout, phrase


def test_json_reports_follow_the_published_schema(tmp_path):
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for kind, extra in (("annual", []), ("midyear", []), ("quarterly", []),
                        ("compare", ["--with", "21/01/2020"])):
        for lang in ("vi", "en"):
            out = tmp_path / f"{kind}-{lang}.json"
            result = run("report", DATA, "--as-of", "31/12/2021", "--kind", kind, *extra,
                         "--lang", lang, "--format", "json", "-o", out)
            assert result.returncode == 0, result.stderr
            document = json.loads(out.read_text(encoding="utf-8"))
            validator.validate(document)
            assert document["lang"] == lang and document["as_of"] == "2021-12-31"
            assert document["fallbacks"] == [], "the origin plan has every English name"
    document["sections"][0]["blocks"][0]["type"] = "chart"
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(document)


def test_json_lists_the_entities_without_a_name_in_the_language(data):
    (data / "labels.csv").write_text("collective,program,task,target,language,text\n", encoding="utf-8")
    result = run("report", data, "--as-of", "21/01/2021", "--lang", "en", "--format", "json")
    document = json.loads(result.stdout)
    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    codes = {(e["kind"], e["code"]) for e in document["fallbacks"]}
    assert ("target", "diem-truong-2020") in codes and ("collective", "SGDDT") in codes


def test_markdown_and_text_render_the_same_review():
    md = run("report", DATA, "--as-of", "21/01/2021", "--format", "md", "--lang", "en").stdout
    assert md.startswith("# Annual review of 2020\n")
    assert "## 3. Targets for 2020" in md


def test_outputs_are_whole_or_not_written(tmp_path):
    out = tmp_path / "review.txt"
    out.write_text("the old review", encoding="utf-8")
    one_line_error(run("report", DATA, "--as-of", "32/01/2021", "-o", out), 2)
    assert out.read_text(encoding="utf-8") == "the old review"
    one_line_error(run("report", DATA, "--as-of", "21/01/2021", "-o", tmp_path / "no" / "r.txt"), 4)
    one_line_error(run("report", DATA, "--as-of", "21/01/2021", "-o", tmp_path), 4)
    assert run("report", DATA, "--as-of", "21/01/2021", "--lang", "vi", "-o", out).returncode == 0
    assert out.read_text(encoding="utf-8").startswith("Báo cáo tổng kết năm 2020")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["review.txt"], "no temporary left"


def test_evaluate_writes_every_target_as_csv_json_or_text():
    rows = list(csv.DictReader(io.StringIO(run("evaluate", DATA, "--as-of", "21/01/2021", "--format", "csv").stdout)))
    assert len(rows) == 8
    sites = next(r for r in rows if r["target"] == "diem-truong-2020")
    assert (sites["owner"], sites["status"], sites["actual"], sites["progress"]) == ("SGDDT", "achieved", "948", "1")
    result = json.loads(run("evaluate", DATA, "--as-of", "21/01/2021", "--format", "json").stdout)
    ratio = next(t for t in result["targets"] if t["target"] == "vao-thpt-2020")
    assert ratio["numerator"] == 7412 and ratio["denominator"] == 12757
    assert result["as_of"] == "2021-01-21"
    text = run("evaluate", DATA, "--as-of", "21/01/2021", "--lang", "vi").stdout
    assert "Đánh giá ngày 21 tháng 01 năm 2021" in text and "đạt" in text


def test_evaluate_writes_each_number_as_its_shortest_text(data):
    """CSV cells are the shortest text that reads back as the number (two decimals by a
    quicker way than the rest); JSON has the same numbers."""
    for value, text in [(680.38, "680.38"), (-12.5, "-12.5"), (0.05, "0.05"),
                        (1234567.89, "1234567.89"), (0.1 + 0.2, "0.30000000000000004"),
                        (1 / 3, "0.3333333333333333"), (1e-05, "1e-05"), (1e6, "1000000")]:
        with open(data / "measurements.csv", "a", encoding="utf-8") as f:
            f.write(f"bo-hoc-vung-cao-2021,2021-01-16,{value!r},,,\n")
        args = ("evaluate", data, "--as-of", "16/01/2021", "--format")
        rows = csv.DictReader(io.StringIO(run(*args, "csv").stdout))
        assert next(r for r in rows if r["target"] == "bo-hoc-vung-cao-2021")["actual"] == text
        targets = json.loads(run(*args, "json").stdout)["targets"]
        assert next(t for t in targets if t["target"] == "bo-hoc-vung-cao-2021")["actual"] == value
        lines = (data / "measurements.csv").read_text(encoding="utf-8-sig").splitlines()
        (data / "measurements.csv").write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")


def test_evaluate_writes_its_file_whole_as_it_goes(tmp_path):
    """An output written in pieces as it is made (file_writer) is the one on standard output,
    in place whole, with no temporary left; an output that cannot be written fails cleanly."""
    for fmt in ("csv", "json", "text"):
        args = ("evaluate", DATA, "--as-of", "21/01/2021", "--format", fmt)
        out = tmp_path / f"evaluation.{fmt}"
        assert run(*args, "-o", out).returncode == 0
        assert out.read_text(encoding="utf-8") == run(*args).stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evaluation.csv", "evaluation.json",
                                                          "evaluation.text"]
    one_line_error(run("evaluate", DATA, "--as-of", "21/01/2021", "-o", tmp_path / "no" / "x.csv"), 4)
    one_line_error(run("evaluate", DATA, "--as-of", "21/01/2021", "-o", tmp_path), 4)


def test_convert_round_trips_through_every_archive(tmp_path):
    expected = run("evaluate", DATA, "--as-of", "31/12/2021", "--format", "csv").stdout
    for name in ("plan.bin.gtk", "plan.txt.gtk", "plan.xml.gtk"):
        archive = tmp_path / name
        assert run("convert", DATA, archive).returncode == 0
        assert run("evaluate", archive, "--as-of", "31/12/2021", "--format", "csv").stdout == expected
        back = tmp_path / ("back-" + name)
        assert run("convert", archive, back, "--to", "csv").returncode == 0
        assert run("evaluate", back, "--as-of", "31/12/2021", "--format", "csv").stdout == expected
    one_line_error(run("convert", DATA, tmp_path / "x", "--to", "yaml"), 2)


def test_init_writes_a_documented_folder_that_validates(tmp_path):
    folder = tmp_path / "new"
    result = run("init", folder, "--lang", "vi")
    assert result.returncode == 0, result.stderr
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    assert "goaltrack validate ." in readme and "targets.csv: code,title," in readme
    scales = (folder / "rating_scales.csv").read_text(encoding="utf-8-sig")
    assert "vn4" in scales and "Hoàn thành xuất sắc nhiệm vụ" in scales
    assert run("validate", folder).returncode == 0
    assert "không trống" in one_line_error(run("init", folder, "--lang", "vi"), 4)


def test_a_comparison_with_last_year():
    result = run("report", DATA, "--as-of", "31/12/2021", "--kind", "compare", "--with", "31/12/2020",
                 "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "Comparison of 31/12/2021 with 31/12/2020, 2021" in result.stdout
