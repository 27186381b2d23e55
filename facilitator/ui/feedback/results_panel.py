"""Results: one question at a time, sessions side by side and by department; comments with a filter.

`show(results)` only rebuilds what is on screen (two charts for the chosen
question and the comment table), so a refresh with thousands of responses
stays well inside the 200 ms the trainer can notice.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.feedback_summary import (
    FeedbackResults,
    QuestionResult,
    TextAnswer,
    rating_values,
)
from facilitator.domain.phrases import keep_phrases_together
from facilitator.domain.survey_rules import QuestionKind
from facilitator.lang import Lang
from facilitator.ui.feedback.department_bars import DepartmentBars, DepartmentRow

SERIES_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b")
_Index = QModelIndex | QPersistentModelIndex


def _count_axis(axis: QValueAxis, top: int) -> None:
    """An axis of whole counts: integer ticks only, so no label reads 0 twice."""
    top = max(1, top)
    step = max(1, -(-top // 8))
    axis.setRange(0, step * -(-top // step))
    axis.setTickCount(-(-top // step) + 1)
    axis.setLabelFormat("%d")


class TextAnswerModel(QAbstractTableModel):
    """Free-text answers; shown as plain text (a typed `<b>` stays `<b>`)."""

    def __init__(self, other_label: str) -> None:
        super().__init__()
        self._rows: list[TextAnswer] = []
        self.other_label = other_label
        self._headers = ["", "", ""]

    def set_headers(self, headers: list[str]) -> None:
        self._headers = headers

    def set_rows(self, rows: list[TextAnswer]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 3

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if col == 0:
            return row.session_label
        if col == 1:
            return row.department if row.department is not None else self.other_label
        return row.text

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


class FeedbackResultsPanel(QWidget):
    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self._lang = lang
        self._results: FeedbackResults | None = None
        self.question_combo = QComboBox()
        self.question_combo.setObjectName("resultsQuestion")
        self.session_chart = QChartView()
        self.session_chart.setObjectName("sessionChart")
        self.session_chart.setRenderHint(QPainter.RenderHint.Antialiasing)
        # The chart, or (no answers yet) what will appear there and when.
        self.session_empty = QLabel()
        self.session_empty.setObjectName("sessionChartEmpty")
        self.session_empty.setWordWrap(True)
        self.session_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.session_stack = QStackedWidget()
        self.session_stack.addWidget(self.session_chart)
        self.session_stack.addWidget(self.session_empty)
        self.department_bars = DepartmentBars()
        self.department_bars.setObjectName("departmentBars")
        self.text_combo = QComboBox()
        self.text_combo.setObjectName("textQuestion")
        self.text_filter = QLineEdit()
        self.text_filter.setObjectName("textFilter")
        self.text_filter.setPlaceholderText(self.tr("Filter comments…"))
        self.text_filter.setClearButtonEnabled(True)
        self.text_model = TextAnswerModel(self.tr("Other (small groups)"))
        self.text_model.set_headers([self.tr("Session"), self.tr("Department"), self.tr("Answer")])
        self.text_proxy = QSortFilterProxyModel()
        self.text_proxy.setSourceModel(self.text_model)
        self.text_proxy.setFilterKeyColumn(-1)
        self.text_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.text_proxy.setDynamicSortFilter(False)
        self.text_table = QTableView()
        self.text_table.setObjectName("textAnswers")
        self.text_table.setModel(self.text_proxy)
        # Rows come sorted by session; a sorting proxy would read every row on each refresh.
        self.text_table.setSortingEnabled(False)
        self.text_table.setWordWrap(False)  # full text in the tooltip
        self.text_table.verticalHeader().setVisible(False)
        header = self.text_table.horizontalHeader()
        # Fixed widths: sizing columns to contents would measure every row on each refresh.
        # The department column is sized to the event's few department names instead
        # (`_fit_departments`), so a long name is never cut to "…".
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 70)
        header.resizeSection(1, 200)
        self.text_count = QLabel()
        self.text_count.setObjectName("textCount")
        self._layout()
        self.question_combo.currentIndexChanged.connect(self._draw_question)
        self.text_combo.currentIndexChanged.connect(self._fill_texts)
        self.text_filter.textChanged.connect(self._filter)

    def _layout(self) -> None:
        charts = QWidget()
        column = QVBoxLayout(charts)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Question")))
        row.addWidget(self.question_combo, 1)
        column.addLayout(row)
        pair = QHBoxLayout()
        pair.addWidget(self.session_stack, 3)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.department_bars)
        pair.addWidget(scroll, 2)
        column.addLayout(pair, 1)
        texts = QWidget()
        text_column = QVBoxLayout(texts)
        text_column.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Comments")))
        bar.addWidget(self.text_combo, 1)
        bar.addWidget(self.text_filter, 1)
        bar.addWidget(self.text_count)
        text_column.addLayout(bar)
        text_column.addWidget(self.text_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(charts)
        splitter.addWidget(texts)
        splitter.setSizes([420, 260])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)

    # -- data ------------------------------------------------------------------------------
    def show_results(self, results: FeedbackResults) -> None:
        """Show fresh results, keeping the chosen question, comment question and filter."""
        self._results = results
        charted = [r for r in results.questions if r.question.kind is not QuestionKind.TEXT]
        texts = [q for q in results.survey.questions if q.kind is QuestionKind.TEXT]
        self._refill(
            self.question_combo, [(r.question.label(self._lang), r.question.key) for r in charted]
        )
        self._refill(self.text_combo, [(q.label(self._lang), q.key) for q in texts])
        self._draw_question()
        self._fill_texts()

    def _refill(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        keep = combo.currentData()
        if [combo.itemData(i) for i in range(combo.count())] == [k for _, k in items]:
            return
        combo.blockSignals(True)
        combo.clear()
        for label, key in items:
            combo.addItem(label, key)
        index = combo.findData(keep)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def _current(self) -> QuestionResult | None:
        if self._results is None:
            return None
        key = self.question_combo.currentData()
        return next((r for r in self._results.questions if r.question.key == key), None)

    def _categories(self, result: QuestionResult) -> tuple[list[str], list[str]]:
        q = result.question
        if q.kind is QuestionKind.RATING:
            values = rating_values()
            names = list(values)
            low = q.min_label_ja if self._lang == "ja" else q.min_label_en
            high = q.max_label_ja if self._lang == "ja" else q.max_label_en
            names[0], names[-1] = f"1\n{low}", f"5\n{high}"
            return values, names
        return [c.value for c in q.choices], [c.label(self._lang) for c in q.choices]

    def _draw_question(self) -> None:
        result = self._current()
        if result is None or self._results is None:
            self._swap(self.session_chart, QChart())
            self.session_empty.setText(keep_phrases_together(self._no_question_text()))
            self.session_stack.setCurrentWidget(self.session_empty)
            self.department_bars.show_rows("", [], scale=1, series=[], colours=[], empty_text="")
            return
        answered = sum(sum(c.values()) for c in result.counts.values())
        self.session_empty.setText(
            # Wrapped between Japanese phrases, not inside a word (as the slides do).
            keep_phrases_together(
                self.tr(
                    "No answers to this question yet. When attendees answer (phone, kiosk or "
                    "paper entry), each session's answers appear here as bars, within a few seconds."
                )
            )
        )
        self.session_stack.setCurrentIndex(0 if answered else 1)
        values, names = self._categories(result)
        chart = QChart()
        chart.setTitle(self.tr("Answers by session"))
        series = QBarSeries()
        top = 0
        for i, s in enumerate(self._results.sessions):
            counts = result.counts.get(s.id, {})
            mean = result.means.get(s.id)
            label = f"{s.label} (n={sum(counts.values())}"
            label += f", {self.tr('mean')} {mean:.2f})" if mean is not None else ")"
            bar = QBarSet(label)
            bar.setColor(QColor(SERIES_COLOURS[i % len(SERIES_COLOURS)]))
            row = [counts.get(v, 0) for v in values]
            top = max([top, *row])
            bar.append([float(n) for n in row])
            series.append(bar)
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append(names)
        # The end labels ("理解できなかった") are read whole; the chart makes room for them.
        x.setTruncateLabels(False)
        y = QValueAxis()
        _count_axis(y, top)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._swap(self.session_chart, chart)
        self._show_departments(result, values)

    def _no_question_text(self) -> str:
        if self._results is None:
            return self.tr(
                "This event has no survey yet. Create it on the Survey tab; its results "
                "appear here as answers arrive."
            )
        return self.tr(
            "The survey has no rating or choice question to chart. Comments are listed below."
        )

    def _show_departments(self, result: QuestionResult, values: list[str]) -> None:
        assert self._results is not None
        departments = [d for d in self._results.departments if d in result.by_department]
        other = self.tr("Other (small groups)")
        rows: list[DepartmentRow] = []
        colours = list(SERIES_COLOURS)
        empty = keep_phrases_together(
            self.tr(
                "No answers yet. Each department's answers appear here once its attendees answer."
            )
        )
        if result.question.kind is QuestionKind.RATING:
            for d in departments:
                mean = result.department_mean(d)
                n = sum(result.by_department[d].values())
                figure = f"{mean:.2f} (n={n})" if mean is not None else f"– (n={n})"
                rows.append(DepartmentRow(d if d is not None else other, (mean or 0.0,), figure))
            self.department_bars.show_rows(
                self.tr("Mean by department (1–5)"),
                rows,
                scale=5.0,
                series=[self.tr("mean")],
                colours=colours,
                empty_text=empty,
            )
            return
        top = 1
        for d in departments:
            counts = tuple(float(result.by_department[d].get(v, 0)) for v in values)
            top = max(top, int(sum(counts)))
            figure = " / ".join(str(int(n)) for n in counts)
            rows.append(DepartmentRow(d if d is not None else other, counts, figure))
        self.department_bars.show_rows(
            self.tr("Answers by department"),
            rows,
            scale=float(top),
            series=[result.question.choice_label(v, self._lang) for v in values],
            colours=colours,
            empty_text=empty,
        )

    def _swap(self, view: QChartView, chart: QChart) -> None:
        old = view.chart()
        view.setChart(chart)
        if old is not None:
            old.deleteLater()

    def _fill_texts(self) -> None:
        key = self.text_combo.currentData()
        rows = [t for t in self._results.texts if t.key == key] if self._results else []
        self.text_model.set_rows(rows)
        self._fit_departments()
        self._filter()

    def _fit_departments(self) -> None:
        """Widen the department column to its longest name (a few dozen names, not rows)."""
        if self._results is None:
            return
        names = [
            d if d is not None else self.text_model.other_label for d in self._results.departments
        ]
        table, header = self.text_table, self.text_table.horizontalHeader()
        # The delegate elides text wider than the cell less its margin on each side.
        margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
        widest = max((table.fontMetrics().horizontalAdvance(n) for n in names), default=0)
        title = header.fontMetrics().horizontalAdvance(self.tr("Department")) + 24
        header.resizeSection(1, max(widest + 2 * margin + 8, title, 120))

    def _filter(self) -> None:
        # Setting the string re-filters, and a reset of the source model re-filters too.
        self.text_proxy.setFilterFixedString(self.text_filter.text())
        self.text_count.setText(
            self.tr("%1 of %2")
            .replace("%1", str(self.text_proxy.rowCount()))
            .replace("%2", str(self.text_model.rowCount()))
        )
