"""Plans from pandas DataFrames: one DataFrame per file of the CSV layout.

pandas is optional: it is imported only when import_frames is called.
"""

from typing import Dict, List, Optional

from . import _goaltrack


def import_frames(
    frames: Dict[str, "pandas.DataFrame"],  # noqa: F821 (pandas is optional)
    dialect: Optional[_goaltrack.csv_dialect] = None,
    warnings: Optional[List[_goaltrack.csv_issue]] = None,
) -> _goaltrack.plan:
    """Builds a plan from DataFrames, one per file of the layout, keyed by the file's name
    with or without ".csv" ("targets" or "targets.csv"); columns as in the CSV files
    (English or Vietnamese names), rows in order. Each frame is written as CSV text in the
    dialect and read by import_csv, so the checks and messages are the same; a date column
    of datetime64 values is written as dates. `warnings`, a list, gets the warnings.

    Raises CsvError listing every bad row, as import_csv does; TypeError when a value is
    not a DataFrame.
    """
    import pandas  # noqa: F401 (only to fail early with a clear ImportError)

    if dialect is None:
        dialect = _goaltrack.csv_dialect()
    files = {}
    for name, frame in frames.items():
        if not isinstance(frame, pandas.DataFrame):
            raise TypeError(f"frames[{name!r}] is a {type(frame).__name__}, not a DataFrame")
        file = name if name.endswith(".csv") else name + ".csv"
        date_format = "%Y-%m-%d" if dialect.dates == _goaltrack.csv_date_format.iso else "%d/%m/%Y"
        files[file] = frame.to_csv(
            index=False,
            sep=dialect.delimiter,
            decimal=dialect.decimal_separator,
            date_format=date_format,
        )
    return _goaltrack.import_csv(files, dialect, warnings)
