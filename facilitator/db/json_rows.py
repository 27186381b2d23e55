"""Reading a group's rows as one JSON value: one SQLite step instead of one per row.

Python's sqlite3 lets go of the GIL at every step (every row), and under a
burst the server's loop takes it each time, so a writer reading 500 rows one
by one waited for the GIL 500 times. As one JSON array in one row, the rows
arrive in a single step and `json.loads` (C) unpacks them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select


def rows_as_json(stmt: Select[Any]) -> Select[Any]:
    """`stmt`'s rows as one JSON array of arrays (columns in `stmt`'s order)."""
    rows = stmt.subquery()
    return select(func.json_group_array(func.json_array(*rows.c)))
