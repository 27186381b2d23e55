"""Cells that a spreadsheet shows as text and never runs as a formula."""

from __future__ import annotations

# Excel and LibreOffice treat a cell starting with one of these as a formula,
# even in a CSV file (CSV/formula injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """`text`, prefixed with an apostrophe when it would start a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text
