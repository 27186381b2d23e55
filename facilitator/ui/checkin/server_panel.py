"""The phone server's controls (address, port, start/stop) and the projector's session QR."""

from __future__ import annotations

import ipaddress
import sys
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.clock import Clock
from facilitator.domain.phone_links import DEFAULT_PORT
from facilitator.services.checkin.service import CheckInService
from facilitator.services.checkin.types import SessionCounts
from facilitator.ui.checkin.server_note import RememberedInMemory, ShownOnce
from facilitator.ui.checkin.session_qr_window import SessionQrWindow
from facilitator.ui.dialogs import Dialogs
from facilitator.ui.lan_server_control import LanServerControl
from facilitator.ui.runner import Runner


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


class ServerPanel(QWidget):
    projector_opened = Signal()  # the view refreshes the counter the projector shows

    def __init__(
        self,
        lan: LanServerControl,
        checkin: CheckInService,
        runner: Runner,
        clock: Clock,
        *,
        dialogs: Dialogs,
        addresses: list[str],
        session_code: Callable[[], str | None],
        on_error: Callable[[BaseException], None],
        note: ShownOnce | None = None,
    ) -> None:
        super().__init__()
        # Once per workspace, not at each launch (see server_note.py).
        self._note = note if note is not None else RememberedInMemory()
        self._lan, self._checkin, self._runner, self._clock = lan, checkin, runner, clock
        self._dialogs, self._session_code, self._on_error = dialogs, session_code, on_error
        self.projector: SessionQrWindow | None = None
        self.address_combo = QComboBox()
        self.address_combo.setObjectName("addressCombo")
        self.address_combo.addItems(addresses)
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1024, 65535)
        self.port_spin.setValue(DEFAULT_PORT)
        self.server_button = QPushButton(self.tr("Start phone check-in server"))
        self.server_button.setObjectName("serverButton")
        self.server_button.clicked.connect(self.toggle_server)
        self.server_status = QLabel(self.tr("Server stopped."))
        self.server_status.setObjectName("serverStatus")
        self.server_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.projector_button = QPushButton(self.tr("Show session QR on projector"))
        self.projector_button.setObjectName("projectorButton")
        self.projector_button.setEnabled(False)
        self.projector_button.clicked.connect(self.show_projector)
        # The status (it holds the URL once serving) gets its own line, so the bar
        # still fits a 1280-pixel laptop screen beside the navigation.
        self.server_status.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Address")))
        row.addWidget(self.address_combo)
        row.addWidget(QLabel(self.tr("Port")))
        row.addWidget(self.port_spin)
        row.addWidget(self.server_button)
        row.addWidget(self.projector_button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.server_status)
        # Built again (another language) while the server runs: show it running.
        serving, url = lan.address, lan.base_url
        if serving is not None and url is not None:
            host, port = serving
            if self.address_combo.findText(host) < 0:
                self.address_combo.addItem(host)
            self.address_combo.setCurrentText(host)
            self.port_spin.setValue(port)
            self._started(url)

    def toggle_server(self) -> None:
        if self._lan.running:
            self.server_button.setEnabled(False)
            self._runner.run(self._lan.stop, lambda _r: self._stopped(), self._on_error)
            return
        if not self._note.shown():
            note = self.tr("Phones on the venue Wi-Fi will open pages served by this laptop.")
            if sys.platform == "win32":
                # Only Windows asks; elsewhere the sentence would send people looking.
                note += "\n\n" + self.tr(
                    "Windows may now ask whether to allow Facilitator through the firewall: "
                    "choose “Private networks” and allow it, or phones cannot connect."
                )
            self._dialogs.inform(self, self.tr("Phone check-in server"), note)
            self._note.mark_shown()
        host, port = self.address_combo.currentText(), self.port_spin.value()
        self.server_button.setEnabled(False)
        self._runner.run(lambda: self._lan.start(host, port), self._started, self._failed)

    def _started(self, url: str) -> None:
        self.server_button.setEnabled(True)
        self.server_button.setText(self.tr("Stop server"))
        status = self.tr("Serving on %1").replace("%1", url)
        serving = self._lan.address
        if serving is not None and _is_loopback(serving[0]):
            status += " " + self.tr(
                "Only this laptop can open that address: for phones, choose the Wi-Fi address."
            )
        self.server_status.setText(status)
        self.projector_button.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        self._stopped()
        self._on_error(exc)

    def _stopped(self) -> None:
        self.server_button.setEnabled(True)
        self.server_button.setText(self.tr("Start phone check-in server"))
        self.server_status.setText(self.tr("Server stopped."))
        self.projector_button.setEnabled(False)
        self.close_projector()

    def show_projector(self) -> None:
        base, code = self._lan.base_url, self._session_code()
        found = self._checkin.phone_session(code) if code else None
        if base is None or found is None:
            return
        self.close_projector()
        self.projector = SessionQrWindow(
            self._clock,
            secret=found.secret,
            session_code=found.code,
            base_url=base,
            event_title=found.event_title,
            session_label=found.label,
            parent=self,
        )
        self.projector.show_on_projector()
        self.projector_opened.emit()

    def set_counts(self, counts: SessionCounts) -> None:
        if self.projector is not None:
            self.projector.set_counts(counts)

    def close_projector(self) -> None:
        if self.projector is not None:
            self.projector.close()
            self.projector = None
