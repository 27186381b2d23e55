"""The desk's manual search: kana, name, staff number or department; check in the chosen
person, or register a walk-in.

It runs the search itself (debounced, on the runner) and asks the view to check in:
the view owns the session and the result card.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from facilitator.services.checkin.desk import CheckInDesk
from facilitator.services.checkin.types import AttendeeMatch
from facilitator.ui.checkin.arrivals_panel import table_view
from facilitator.ui.rows_model import RowsModel
from facilitator.ui.runner import Runner

SEARCH_DELAY_MS = 200  # one query after the trainer stops typing, not one per key


class DeskSearch(QWidget):
    check_in_requested = Signal(int)  # attendee id
    walk_in_requested = Signal()

    def __init__(
        self,
        desk: CheckInDesk,
        runner: Runner,
        event_id: Callable[[], int | None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        super().__init__()
        self._desk, self._runner = desk, runner
        self._event_id, self._on_error = event_id, on_error
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._run)
        # True while the results are shown again after a change (a check-in, an undo): the
        # selection then stays on the person it was on, so the next press never acts on
        # someone else. A new query typed by the trainer starts on its first match.
        self._refreshing = False

        self.box = QLineEdit()
        self.box.setObjectName("searchBox")
        self.box.setPlaceholderText(self.tr("Search: kana, name, staff number or department"))
        self.box.textChanged.connect(lambda _t: self._query_typed())
        self.model = RowsModel(
            [
                self.tr("Name"),
                self.tr("Kana"),
                self.tr("Department"),
                self.tr("Staff number"),
                self.tr("Status"),
            ]
        )
        self.table = table_view(self.model, "searchResults")
        # Narrow enough that the status column ("受付済み（AM）") stays readable beside
        # the arrivals panel on a 1280-pixel screen.
        header = self.table.horizontalHeader()
        for column, width in enumerate((100, 110, 100, 64)):
            # Never narrower than the header's own text ("Staff number" is longer in English).
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        self.table.doubleClicked.connect(lambda _i: self.check_in_selected())
        self.check_in_button = QPushButton(self.tr("Check in selected"))
        self.check_in_button.setObjectName("checkInSelected")
        self.check_in_button.clicked.connect(self.check_in_selected)
        self.walk_in_button = QPushButton(self.tr("Walk-in…"))
        self.walk_in_button.setObjectName("walkInButton")
        self.walk_in_button.clicked.connect(lambda: self.walk_in_requested.emit())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_in_button)
        buttons.addWidget(self.walk_in_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def _query_typed(self) -> None:
        self._refreshing = False
        self._timer.start()

    def search_again(self) -> None:
        """An open search shows who is checked in: after a change it must say so too."""
        if self.box.text().strip():
            self._refreshing = True
            self._timer.start()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return int(self.model.key(rows[0].row())) if rows else None

    def model_row(self, attendee_id: int) -> int:
        """The row showing `attendee_id` (-1 when the results do not hold them)."""
        rows = [self.model.key(r) for r in range(self.model.rowCount())]
        return rows.index(attendee_id) if attendee_id in rows else -1

    def check_in_selected(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.check_in_requested.emit(chosen)

    def _run(self) -> None:
        query, event_id = self.box.text(), self._event_id()
        if event_id is None:
            return
        self._runner.run(lambda: self._desk.search(event_id, query), self._show, self._on_error)

    def _show(self, matches: list[AttendeeMatch]) -> None:
        def status(m: AttendeeMatch) -> str:
            if m.checked_in_session:
                return self.tr("In (%1)").replace("%1", m.checked_in_session)
            return self.tr("Expected in %1").replace("%1", m.assigned_session or "—")

        chosen, refreshing = self.selected_id(), self._refreshing
        self._refreshing = False
        ids = [m.id for m in matches]
        self.model.set_rows(
            [(m.name, m.kana, m.department, m.staff_no, status(m)) for m in matches], ids
        )
        if refreshing:
            # The same person, or nobody (they left the results): never another row.
            if chosen in ids:
                self.table.selectRow(ids.index(chosen))
        elif matches:
            self.table.selectRow(0)
