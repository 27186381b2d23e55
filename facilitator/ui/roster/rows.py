"""One row height for every list and table of the roster area.

The attendee table took the style's tall default while the session lists
packed their rows tight; the same people looked different from one tab to the
next. Both now take their height from the font.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QTableWidget,
)

ROW_PADDING = 10  # pixels above and below the text together


def row_height(view: QAbstractItemView) -> int:
    return view.fontMetrics().height() + ROW_PADDING


def fix_table_rows(table: QTableView | QTableWidget) -> None:
    header = table.verticalHeader()
    header.setMinimumSectionSize(1)
    header.setDefaultSectionSize(row_height(table))
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)


def fix_list_rows(widget: QListWidget) -> None:
    # Uniform sizes: the list asks one item for its height, not each of a hundred.
    widget.setUniformItemSizes(True)


def sized_item(widget: QListWidget, text: str) -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setSizeHint(QSize(0, row_height(widget)))
    return item
