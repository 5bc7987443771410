"""Shared fixtures: a small plan with one of everything, and the origin plan."""

import datetime as dt
import os
import sys

import pytest

import goaltrack as gt

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "examples", "python"))


@pytest.fixture
def small():
    """A department with two cells of two members, a program, a task and a quantity target."""
    p = gt.plan()
    dept = p.org.add_collective("SGD", "Sở GD-ĐT", "department")
    cells = [p.org.add_collective(f"C{i}", f"Chi bộ {i}", "cell", parent=dept) for i in (1, 2)]
    first = p.org.add_members(["m1", "m2", "m3", "m4"], [cells[0], cells[0], cells[1], cells[1]])
    scale = p.add_scale(gt.rating_scale.vietnamese_default())
    prog = p.add_program(gt.program("P", number="1/KH", span=gt.period.year(2021), owner=dept))
    task = p.add_task(gt.task("T1", title="do it", program=prog, owner=dept))
    target = p.add_target(
        gt.target.quantity("Q", "sites", dept, gt.period.year(2021)).increase_to(200).from_(100))
    return dict(plan=p, dept=dept, cells=cells, first_member=first, scale=scale, program=prog,
                task=task, target=target)


@pytest.fixture(scope="session")
def origin():
    import origin_review
    return origin_review
