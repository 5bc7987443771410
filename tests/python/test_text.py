"""The text rule from Python: texts are UTF-8 of at most max_text_bytes, and every
error goaltrack raises is a goaltrack.Error, with a message and a path Python can read."""
import os
import pickle

import numpy as np
import pytest

import goaltrack as gt


def test_a_text_above_the_limit_is_refused_and_the_longest_one_pickles():
    p = gt.plan()
    dept = p.org.add_collective("d", "", "")
    with pytest.raises(gt.InvalidArgument, match="name is 2097152 bytes long"):
        p.org.add_collective("c", "x" * (2 << 20), "cell", dept)
    assert p.org.collective_count == 1
    p.org.add_collective("c", "n" * gt.max_text_bytes, "cell", dept)
    assert pickle.loads(pickle.dumps(p)) == p


def test_files_on_disk_that_are_not_utf8_raise_readable_errors(tmp_path):
    (tmp_path / "collectives.csv").write_bytes(b"code,name,kind,parent\na,S\xd5 GD,x,\n")
    with pytest.raises(gt.CsvError) as e:
        gt.import_csv(tmp_path)
    assert "not UTF-8" in str(e.value) and e.value.issues[0].line == 2


def test_a_path_that_is_not_utf8_is_given_back_as_os_fsdecode_would(tmp_path):
    raw = os.fsencode(tmp_path) + b"/missing-\xff\xfe.goaltrack"
    with pytest.raises(gt.IoError) as e:
        gt.load(raw)
    assert e.value.path == os.fsdecode(raw)
    assert "\\xFF\\xFE" in str(e.value)


def test_misuse_raises_goaltrack_errors(small):
    p = small["plan"]
    with pytest.raises(gt.IndexOutOfRange) as e:
        p.targets[1000]
    assert isinstance(e.value, IndexError) and isinstance(e.value, gt.Error)
    with pytest.raises(gt.ArgumentTypeError) as e:
        p.add_measurements(np.array([1]), np.array([1.5]), np.array([1.0]))
    assert isinstance(e.value, TypeError) and isinstance(e.value, gt.InvalidArgument)
    with pytest.raises(gt.ArgumentTypeError):
        gt.load_limits(no_such_cap=1)
    with pytest.raises(gt.InvalidArgument):
        p.add_measurements(np.array([[1]]), np.array([[1]]), np.array([[1.0]]))


def test_a_bad_pickle_state_is_an_argument_type_error():
    with pytest.raises(gt.ArgumentTypeError):
        gt.program.__new__(gt.program).__setstate__(("code", 1, 2, 3, 4, 5, 6))
