import numpy as np
import pytest

import goaltrack as gt


def test_collectives_and_members(small):
    p, org = small["plan"], small["plan"].org
    dept, (c1, c2) = small["dept"], small["cells"]
    assert org.collective_count == 3 and len(org.collectives) == 3
    assert list(org.collectives) == [dept, c1, c2]
    assert org.collective("C1") == c1 and org.find_collective("nope") is None
    assert org.contains_collective("SGD") and org.contains(c2) and not org.contains(gt.collective_id(9))
    assert (org.code(c1), org.name(c1), org.kind(c1)) == ("C1", "Chi bộ 1", "cell")
    assert org.parent(c1) == dept and org.parent(dept) is None
    assert org.children(dept) == [c1, c2]
    assert org.in_subtree(c1, dept) and not org.in_subtree(dept, c1)
    assert org.parents().tolist() == [gt.collective_id.invalid_value, 0, 0]
    assert org.kind_names() == ["department", "cell"] and org.find_kind("cell") == 1
    assert org.kind_indices().tolist() == [0, 1, 1]
    assert org.member_count == 4 and len(org.members) == 4
    m3 = org.member("m3")
    assert small["first_member"] == gt.member_id(0) and m3 == gt.member_id(2)
    assert org.collective_of(m3) == c2 and org.code(m3) == "m3" and org.name(m3) == ""
    assert org.members_of(c1) == [gt.member_id(0), gt.member_id(1)]
    assert org.member_collectives().tolist() == [1, 1, 2, 2]
    m5 = org.add_member("m5", "Nguyễn Văn A", c1)
    assert org.name(m5) == "Nguyễn Văn A" and org.find_member("m5") == m5
    assert "3 collectives, 5 members" in repr(org)


def test_bulk_collectives_in_any_order():
    p = gt.plan()
    ids = p.org.add_collectives(["b", "a", "root"], names=["B", "A", "R"],
                                kinds=["cell", "cell", "dept"], parent_codes=["a", "root", ""])
    org = p.org
    assert [org.code(i) for i in ids] == ["b", "a", "root"]
    assert org.parent(org.collective("b")) == org.collective("a")
    with pytest.raises(gt.CycleError):
        p.org.add_collectives(["x", "y"], parent_codes=["y", "x"])
    with pytest.raises(gt.NotFound):
        p.org.add_collectives(["x"], parent_codes=["missing"])
    assert org.collective_count == 3  # all or nothing


def test_bulk_members_from_numpy():
    p = gt.plan()
    cells = p.org.add_collectives([f"c{i}" for i in range(10)])
    n = 100_000
    owners = (np.arange(n) % 10).astype(np.uint32)
    first = p.org.add_members([f"m{i}" for i in range(n)], owners)
    assert first == gt.member_id(0) and p.org.member_count == n
    assert p.org.collective_of(gt.member_id(n - 1)) == cells[(n - 1) % 10]
    with pytest.raises(gt.DuplicateError, match="m5"):
        p.org.add_members(["new", "m5"], np.array([0, 0]))
    with pytest.raises(gt.NotFound):
        p.org.add_members(["z"], np.array([99], dtype=np.int64))
    with pytest.raises(ValueError):
        p.org.add_members(["z"], np.array([-1]))
    with pytest.raises(ValueError):
        p.org.add_members(["z", "w"], [cells[0]])
    assert p.org.member_count == n


def test_bad_input_is_mapped(small):
    org = small["plan"].org
    with pytest.raises(gt.DuplicateError, match="C1") as e:
        org.add_collective("C1", "again", "cell")
    assert isinstance(e.value, ValueError) and isinstance(e.value, gt.Error)
    with pytest.raises(gt.InvalidArgument):
        org.add_collective("", "empty", "cell")
    with pytest.raises(KeyError) as e:
        org.collective("missing")
    assert str(e.value) == "no collective has code 'missing'"  # the plain message
    with pytest.raises(gt.NotFound):
        org.add_member("x", "", gt.collective_id(42))
