"""Phones refused by the one-phone rule, live at the desk: both names and a one-click admit.

A phone that already checked somebody in cannot check in anyone else
(`device_used`); the person is sent to the desk, where this list shows who
they said they were and whom that phone checked in before. The event's
shared-address setting (venues that put every phone behind one NAT address)
sits here too, with the suggestion to turn it on when many refused phones
come from one address. The panel reads and acts through the phone rule's
service on the runner (like the server panel); an admitted person's result
goes to the view's result card (`admitted`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.services.checkin.devices import DeviceDeskState, PhoneTrust
from facilitator.services.checkin.types import CheckInResult
from facilitator.ui.checkin.arrivals_panel import table_view
from facilitator.ui.rows_model import RowsModel
from facilitator.ui.runner import Runner


class DeviceRefusalsPanel(QGroupBox):
    admitted = Signal(object)  # the CheckInResult of a one-click admit

    def __init__(
        self,
        phones: PhoneTrust,
        runner: Runner,
        event_id: Callable[[], int | None],
        on_error: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._phones, self._runner = phones, runner
        self._event_id, self._on_error = event_id, on_error
        self.setTitle(self.tr("Phones refused: one phone checks in one person"))
        self.setObjectName("deviceRefusals")
        self.hint = QLabel(
            self.tr(
                "These phones had already checked in someone else. Check who the person "
                "is, then admit them here."
            )
        )
        self.hint.setWordWrap(True)
        self.model = RowsModel(
            [
                self.tr("Time"),
                self.tr("Wants to check in"),
                self.tr("Phone already checked in"),
                self.tr("Address"),
                self.tr("Status"),
            ]
        )
        self.table = table_view(self.model, "refusalTable")
        self.table.setMaximumHeight(170)
        header = self.table.horizontalHeader()
        for column, width in enumerate((70, 170, 170, 110)):
            # Never narrower than the header's own text.
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        self.table.doubleClicked.connect(lambda _i: self._admit())
        self.admit_button = QPushButton(self.tr("Admit selected"))
        self.admit_button.setObjectName("admitRefused")
        self.admit_button.clicked.connect(self._admit)
        self.dismiss_button = QPushButton(self.tr("Remove from list"))
        self.dismiss_button.setObjectName("dismissRefused")
        self.dismiss_button.clicked.connect(self._dismiss)
        self.shared_box = QCheckBox(self.tr("Phones share one address (NAT)"))
        self.shared_box.setObjectName("sharedAddress")
        self.shared_box.setToolTip(
            self.tr(
                "Turn on when the venue's network puts every phone behind one address: "
                "phones are then told apart by their cookie alone."
            )
        )
        self.shared_box.clicked.connect(lambda on: self._set_shared_address(bool(on)))
        self.suggestion = QLabel()
        self.suggestion.setObjectName("sharedSuggestion")
        self.suggestion.setWordWrap(True)
        self.suggestion.setStyleSheet("color: #8a5300; font-weight: bold;")
        self.suggestion.hide()
        self.none_label = QLabel(self.tr("No phone has been refused."))
        self.none_label.setObjectName("noRefusals")
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(self.none_label)
        row.addWidget(self.admit_button)
        row.addWidget(self.dismiss_button)
        row.addStretch(1)
        row.addWidget(self.shared_box)
        layout.addLayout(row)
        layout.addWidget(self.suggestion)
        self.show_state(DeviceDeskState([], False, None))

    def show_state(self, state: DeviceDeskState) -> None:
        def person(name: str, department: str) -> str:
            return f"{name}（{department}）" if department else name

        self.model.set_rows(
            [
                (
                    # The latest attempt, and how many a phone made (one row each).
                    r.at.astimezone().strftime("%H:%M:%S")
                    + (f" ×{r.attempts}" if r.attempts > 1 else ""),
                    person(r.name, r.department),
                    person(r.bound_name, r.bound_department) if r.bound_name else "—",
                    r.address,
                    self.tr("Already in") if r.already_in else self.tr("Not in yet"),
                )
                for r in state.refusals
            ],
            [r.id for r in state.refusals],
        )
        if state.refusals:
            self.table.selectRow(0)
        has_rows = bool(state.refusals)
        # Empty, the panel folds to one line: the desk's search list keeps the height.
        self.none_label.setVisible(not has_rows)
        for widget in (self.hint, self.table, self.admit_button, self.dismiss_button):
            widget.setVisible(has_rows)
        self.shared_box.setChecked(state.shared_address)
        if state.crowded_address:
            self.suggestion.setText(
                self.tr(
                    "Many refused phones come from %1: the venue may put every phone behind "
                    "one address. If so, turn on “Phones share one address (NAT)”."
                ).replace("%1", state.crowded_address)
            )
        self.suggestion.setVisible(state.crowded_address is not None)

    def _selected(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return int(self.model.key(rows[0].row())) if rows else None

    def refresh(self) -> None:
        event_id = self._event_id()
        if event_id is not None:
            self._runner.run(
                lambda: self._phones.device_desk(event_id), self.show_state, self._on_error
            )

    def _admit(self) -> None:
        """One click at the desk: the person a refused phone named is checked in here."""
        refusal = self._selected()
        if refusal is None:
            return

        def done(result: CheckInResult) -> None:
            self.admitted.emit(result)
            self.refresh()

        self._runner.run(lambda: self._phones.admit_refused(refusal), done, self._on_error)

    def _dismiss(self) -> None:
        refusal = self._selected()
        if refusal is not None:
            self._runner.run(
                lambda: self._phones.dismiss_refusal(refusal),
                lambda _r: self.refresh(),
                self._on_error,
            )

    def _set_shared_address(self, shared: bool) -> None:
        event_id = self._event_id()
        if event_id is not None:
            self._runner.run(
                lambda: self._phones.set_shared_address(event_id, shared),
                lambda _state: self.refresh(),
                self._on_error,
            )
