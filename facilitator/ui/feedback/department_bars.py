"""Results by department as rows: the full department name, a bar, the figure.

A Qt Charts category axis gives each label a slice of the chart's width and
cuts longer names to "…" (every real department name, even at 1920 px). Here
each name is a word-wrapping label in its own column, so nothing is cut; the
bar beside it is painted, and the figure is written out next to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.phrases import keep_phrases_together

BAR_HEIGHT = 18
NAME_MIN_WIDTH = 150


@dataclass(frozen=True)
class DepartmentRow:
    name: str
    # One value per series (one for a mean, one per choice for counts).
    values: tuple[float, ...]
    figure: str


class _Bar(QWidget):
    """Segments side by side, each `value / scale` of the width, in its series' colour."""

    def __init__(self, values: tuple[float, ...], scale: float, colours: list[str]) -> None:
        super().__init__()
        self._values, self._scale, self._colours = values, scale, colours
        self.setMinimumWidth(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(240, BAR_HEIGHT)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#eef0f3"))
        x = 0.0
        for i, value in enumerate(self._values):
            width = self.width() * value / self._scale if self._scale else 0.0
            colour = QColor(self._colours[i % len(self._colours)])
            painter.fillRect(QRectF(x, 0, width, self.height()), colour)
            x += width
        painter.end()


class DepartmentBars(QWidget):
    """A title, a legend (one entry per series when there are several) and a row per
    department; `empty_text` shows when there are no rows."""

    def __init__(self) -> None:
        super().__init__()
        self.title = QLabel()
        self.title.setObjectName("departmentTitle")
        self.title.setProperty("role", "heading")
        self.empty = QLabel()
        self.empty.setObjectName("departmentEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.legend = QHBoxLayout()
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.grid.setHorizontalSpacing(10)
        self.name_labels: list[QLabel] = []
        self.figure_labels: list[QLabel] = []
        column = QVBoxLayout(self)
        column.addWidget(self.title)
        column.addLayout(self.legend)
        column.addWidget(self.empty)
        column.addLayout(self.grid)
        column.addStretch(1)

    def show_rows(
        self,
        title: str,
        rows: list[DepartmentRow],
        *,
        scale: float,
        series: list[str],
        colours: list[str],
        empty_text: str,
    ) -> None:
        """Replace the rows; `scale` is the value that fills a bar's whole width."""
        self.title.setText(title)
        self._clear()
        self.empty.setText(empty_text)
        self.empty.setVisible(not rows)
        if len(series) > 1:
            for i, name in enumerate(series):
                swatch = QLabel()
                swatch.setFixedSize(12, 12)
                swatch.setStyleSheet(f"background: {colours[i % len(colours)]};")
                self.legend.addWidget(swatch)
                label = QLabel(name)
                label.setWordWrap(True)
                self.legend.addWidget(label)
            self.legend.addStretch(1)
        for r, row in enumerate(rows):
            # Wrapped between phrases (BudouX, as on the slides), never inside a word.
            name_label = QLabel(keep_phrases_together(row.name))
            name_label.setObjectName("departmentName")
            # Wrap long names onto more lines rather than cut them.
            name_label.setWordWrap(True)
            name_label.setMinimumWidth(NAME_MIN_WIDTH)
            name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            bar = _Bar(row.values, scale, colours)
            bar.setToolTip(f"{row.name}: {row.figure}")
            figure = QLabel(row.figure)
            figure.setObjectName("departmentFigure")
            self.grid.addWidget(name_label, r, 0)
            self.grid.addWidget(bar, r, 1, Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(figure, r, 2)
            self.name_labels.append(name_label)
            self.figure_labels.append(figure)

    def _clear(self) -> None:
        for layout in (self.grid, self.legend):
            while (item := layout.takeAt(0)) is not None:
                widget = item.widget()
                if widget is not None:
                    widget.hide()
                    widget.deleteLater()
        self.name_labels, self.figure_labels = [], []
