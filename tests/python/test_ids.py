import pickle

import pytest

import goaltrack as gt

ID_TYPES = [gt.collective_id, gt.member_id, gt.scale_id, gt.round_id, gt.program_id, gt.task_id,
            gt.target_id]


@pytest.mark.parametrize("cls", ID_TYPES)
def test_ids_are_typed_values(cls):
    i = cls(3)
    assert i.value == 3 and int(i) == 3 and i.ok
    assert not cls().ok and cls().value == cls.invalid_value == 2**32 - 1
    assert cls(3) == i and cls(2) < i and hash(cls(3)) == hash(i)
    assert repr(i) == f"{cls.__name__}(3)"
    assert pickle.loads(pickle.dumps(i)) == i
    assert [10, 11, 12, 13][i] == 13  # __index__


def test_ids_of_different_kinds_do_not_mix(small):
    p = small["plan"]
    with pytest.raises(TypeError):
        p.get(gt.collective_id(0))  # no plan.get for collectives
    with pytest.raises(TypeError):
        p.org.code(gt.target_id(0))
