"""goaltrack: goal and target tracking for organisations.

Action programs and their cascades, planned and supplementary tasks, targets of every
kind, dated measurements, ordinal ratings of people and collectives, and progress
evaluated as of any date and rolled up through programs and organisation trees.

Everything is defined by the C++ extension ``goaltrack._goaltrack`` and re-exported here;
names follow the C++ library (``goaltrack::plan`` is ``goaltrack.plan``), dates are
``datetime.date``, bulk columns are NumPy arrays, and every goaltrack exception is a
subclass of ``goaltrack.Error`` and of the matching built-in exception.
"""

from ._goaltrack import *  # noqa: F401,F403
from ._goaltrack import __doc__ as _extension_doc  # noqa: F401
from ._goaltrack import __version__  # noqa: F401
from . import _goaltrack as _extension
from .frames import import_frames  # noqa: F401

_extension_names = [name for name in dir(_extension) if not name.startswith("_")]
__all__ = _extension_names + ["import_frames"]

# Show the classes as goaltrack.X (their home for users), not goaltrack._goaltrack.X.
for _name in _extension_names:
    _value = getattr(_extension, _name)
    if isinstance(_value, type) and getattr(_value, "__module__", "") == "goaltrack._goaltrack":
        try:
            _value.__module__ = "goaltrack"
        except (AttributeError, TypeError):
            pass
del _name, _value
