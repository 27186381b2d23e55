"""The presenter console's catch-up banner: "8 min behind. Shorten: …" with Apply / Ignore.

It shows the controller's current proposal unless the trainer ignored that same set
of cuts; a proposal that only changes by seconds is not shown again, so the banner
does not flicker on every tick.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from facilitator.domain.agenda_catchup import CatchUpProposal


class CatchUpBanner(QFrame):
    def __init__(
        self, accept: Callable[[CatchUpProposal], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._accept_proposal = accept
        self._ignored: CatchUpProposal | None = None
        self._shown: CatchUpProposal | None = None
        self.text = QLabel()
        self.text.setWordWrap(True)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        for label, slot, name in (
            (self.tr("Apply"), self._accept, "acceptCatchUp"),
            (self.tr("Ignore"), self._ignore, "ignoreCatchUp"),
        ):
            button = QPushButton(label)
            button.setObjectName(name)
            # Space is the clicker's "next": it must never press Apply by accident.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            row.addWidget(button)
        self.setStyleSheet("QFrame { background: #fff3cd; border-radius: 4px; }")
        self.hide()

    def show_proposal(self, proposal: CatchUpProposal | None) -> None:
        if (
            proposal is not None
            and self._ignored is not None
            and proposal.cuts == self._ignored.cuts
        ):
            proposal = None
        if proposal == self._shown or (
            proposal is not None and self._shown is not None and proposal.cuts == self._shown.cuts
        ):
            return
        self._shown = proposal
        if proposal is None:
            self.hide()
            return
        # The list separator is translated: "、" in Japanese, ", " in English.
        cuts = self.tr(", ").join(
            f"{cut.title} {cut.from_minutes}→{self._minutes(cut.to_minutes)}"
            for cut in proposal.cuts
        )
        text = self.tr("%1 min behind. Shorten: %2").replace(
            "%1", str(round(proposal.behind_seconds / 60))
        )
        text = text.replace("%2", cuts)
        if proposal.still_late_seconds > 0:
            text += self.tr(" (still %1 min late)").replace(
                "%1", str(round(proposal.still_late_seconds / 60))
            )
        self.text.setText(text)
        self.show()

    def _minutes(self, count: int) -> str:
        return self.tr("%1 min").replace("%1", str(count))

    def _accept(self) -> None:
        if self._shown is not None:
            self._accept_proposal(self._shown)
            self._shown = None
            self.hide()

    def _ignore(self) -> None:
        self._ignored = self._shown
        self._shown = None
        self.hide()
