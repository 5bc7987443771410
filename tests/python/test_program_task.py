import copy
import datetime as dt
import pickle

import pytest

import goaltrack as gt


def test_programs(small):
    p = small["plan"]
    child = p.add_program(gt.program("P2", title="carries P out", span=gt.period.year(2021),
                                     owner=small["dept"], parent=small["program"]))
    assert p.find_program("P2") == child and p.program_count == 2 and len(p.programs) == 2
    pr = p.get(child)
    assert pr.parent == small["program"] and pr.span == gt.period.year(2021)
    assert p.programs[-1] == pr and [x.code for x in p.programs] == ["P", "P2"]
    assert "P2" in repr(pr) and pickle.loads(pickle.dumps(pr)) == pr
    with pytest.raises(gt.DuplicateError):
        p.add_program(gt.program("P2", owner=small["dept"]))
    with pytest.raises(gt.NotFound):
        p.add_program(gt.program("P3", owner=small["dept"], parent=gt.program_id(7)))


def test_tasks_with_history(small):
    p, t = small["plan"], small["task"]
    p.set_task_status(t, gt.task_status.in_progress, dt.date(2021, 2, 1))
    p.set_task_status(t, gt.task_status.completed, on=dt.date(2021, 6, 1))
    task = p.get(t)
    assert [c.status for c in task.history] == [gt.task_status.in_progress, gt.task_status.completed]
    assert task.status_as_of(dt.date(2021, 1, 1)) == gt.task_status.not_started
    assert task.status_as_of(dt.date(2021, 3, 1)) == gt.task_status.in_progress
    assert task.status_as_of(dt.date(2021, 6, 1)) == gt.task_status.completed
    assert p.find_task("T1") == t and p.task_count == 1 and list(p.tasks) == [task]
    assert pickle.loads(pickle.dumps(task)) == task
    with pytest.raises(gt.InvalidArgument):
        p.set_task_status(t, gt.task_status.cancelled, dt.date(2021, 1, 1))  # before the last change
    with pytest.raises(gt.NotFound):
        p.set_task_status(gt.task_id(5), gt.task_status.completed, dt.date(2021, 1, 1))
    extra = p.add_task(gt.task("T2", program=small["program"], owner=small["dept"],
                               kind=gt.task_kind.supplementary, weight=2.0,
                               deadline=dt.date(2021, 12, 31)))
    assert p.get(extra).kind == gt.task_kind.supplementary and p.get(extra).deadline == dt.date(2021, 12, 31)
    with pytest.raises(gt.InvalidArgument):
        p.add_task(gt.task("T3", program=small["program"], owner=small["dept"], weight=-1))
    assert gt.to_string(gt.task_status.in_progress) == "in_progress"
    assert gt.parse_task_kind("supplementary") == gt.task_kind.supplementary
    with pytest.raises(gt.ParseError):
        gt.parse_task_status("done")


def test_bulk_adds_of_every_kind(small):
    p, dept, prog, scale = small["plan"], small["dept"], small["program"], small["scale"]
    before = copy.deepcopy(p)
    tasks = [gt.task(f"B{i}", program=prog, owner=dept) for i in range(100)]
    tasks.append(gt.task("B7", program=prog, owner=dept))
    with pytest.raises(gt.DuplicateError):
        p.add_tasks(tasks)
    assert p == before  # all or nothing
    first = p.add_tasks(tasks[:100])
    assert p.get(gt.task_id(first.value + 99)).code == "B99"
    programs = [gt.program("Q1", owner=dept, parent=prog),
                gt.program("Q2", owner=dept, parent=gt.program_id(p.program_count))]
    q1 = p.add_programs(programs)
    assert p.get(gt.program_id(q1.value + 1)).parent == q1
    r = p.add_rounds([gt.round_spec(scale, gt.period.year(2030))])
    assert p.find_round(scale, gt.period.year(2030)) == r
    pid = p.add_policies([gt.named_policy("x", gt.evaluation_policy())])
    assert p.policies[pid.value].code == "x"
    # Empty inputs are no error.
    for add in (p.add_tasks, p.add_programs, p.add_rounds, p.add_scales, p.add_targets):
        add([])
    round_id = p.find_round(scale, gt.period.year(2030))
    p.rate(round_id, [], [])  # empty columns, of NumPy's default float dtype
