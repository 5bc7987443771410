"""Saving, loading, CSV and pickling (the io bindings)."""

import pickle
import threading

import pytest

import goaltrack as gt


@pytest.fixture(scope="module")
def origin_plan(origin):
    return origin.build_origin_plan()


@pytest.mark.parametrize("fmt", [gt.archive_format.text, gt.archive_format.xml, gt.archive_format.binary])
def test_save_and_load_every_format(origin_plan, tmp_path, fmt):
    path = tmp_path / f"plan.{gt.to_string(fmt)}"
    gt.save(origin_plan, path, fmt)
    assert gt.load(path) == origin_plan
    assert gt.load(str(path), limits=gt.load_limits()) == origin_plan
    assert gt.loads(gt.dumps(origin_plan, fmt)) == origin_plan


def test_pickling_uses_the_binary_archive(origin_plan):
    data = pickle.dumps(origin_plan)
    assert gt.dumps(origin_plan, gt.archive_format.binary) in data
    assert pickle.loads(data) == origin_plan


def test_file_errors_are_mapped(origin_plan, tmp_path):
    with pytest.raises(gt.IoError) as e:
        gt.load(tmp_path / "missing.goaltrack")
    assert isinstance(e.value, OSError) and isinstance(e.value, gt.FileError)
    assert e.value.path.endswith("missing.goaltrack")
    with pytest.raises(gt.FormatError) as e:
        gt.loads(b"not a goaltrack file at all, but long enough to hold an envelope")
    assert isinstance(e.value, ValueError)
    data = bytearray(gt.dumps(origin_plan))
    data[-5] ^= 0xFF
    with pytest.raises(gt.CorruptError) as e:
        gt.loads(bytes(data))
    assert isinstance(e.value, ValueError) and e.value.path == ""
    with pytest.raises(gt.CorruptError, match="member"):
        gt.loads(gt.dumps(origin_plan), gt.load_limits(members=3))
    with pytest.raises(TypeError):
        gt.load_limits(no_such_cap=1)
    with pytest.raises(gt.IoError):
        gt.save(origin_plan, tmp_path / "no" / "such" / "dir" / "plan")


def test_csv_round_trip(origin_plan, tmp_path):
    files = gt.export_csv(origin_plan)
    assert set(files) == set(gt.csv_file_names())
    assert gt.import_csv(files) == origin_plan
    gt.export_csv(origin_plan, tmp_path, gt.csv_dialect(delimiter=";", decimal_separator=","))
    assert gt.import_csv(tmp_path, dialect=gt.csv_dialect(delimiter=";", decimal_separator=",")) == origin_plan


def test_csv_errors_list_the_rows():
    with pytest.raises(gt.CsvError) as e:
        gt.import_csv({"collectives.csv": "code,name,kind,parent\na,A,x,\na,B,x,\n"})
    err = e.value
    assert isinstance(err, gt.InvalidArgument) and isinstance(err, ValueError)
    assert err.issue_count == 1 and err.issues[0].file == "collectives.csv" and err.issues[0].line == 3
    assert "collectives.csv:3" in str(err)
    with pytest.raises(gt.InvalidArgument):
        gt.csv_dialect(delimiter="|").validate()


def test_save_and_load_from_threads(origin_plan, tmp_path):
    errors = []

    def work(i):
        try:
            path = tmp_path / f"t{i}.goaltrack"
            gt.save(origin_plan, path)
            assert gt.load(path) == origin_plan
        except Exception as e:  # pragma: no cover
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
