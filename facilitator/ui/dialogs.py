"""The few questions and messages the app puts to the user, behind one narrow interface.

Logic asks `dialogs.warn(...)` or `dialogs.confirm(...)` instead of calling
QMessageBox itself, so tests pass a `RecordingDialogs` and check what the user
would have been told without a modal box blocking the run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class Dialogs(Protocol):
    def warn(self, parent: QWidget | None, title: str, text: str) -> None: ...

    def critical(self, parent: QWidget | None, title: str, text: str) -> None: ...

    def inform(self, parent: QWidget | None, title: str, text: str) -> None: ...

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool: ...

    def choose(
        self, parent: QWidget | None, title: str, text: str, buttons: Sequence[str]
    ) -> int | None:
        """The index of the button pressed; None when the box was closed. The last
        button is the one Escape presses."""
        ...

    def save_path(
        self, parent: QWidget | None, caption: str, start: Path, filters: str
    ) -> Path | None: ...

    def open_path(
        self, parent: QWidget | None, caption: str, start: Path, filters: str
    ) -> Path | None: ...


class QtDialogs:
    """The real, modal Qt dialogs."""

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def critical(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def choose(
        self, parent: QWidget | None, title: str, text: str, buttons: Sequence[str]
    ) -> int | None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
        made = [
            box.addButton(
                label,
                QMessageBox.ButtonRole.RejectRole
                if i == len(buttons) - 1
                else QMessageBox.ButtonRole.AcceptRole,
            )
            for i, label in enumerate(buttons)
        ]
        if made:
            box.setDefaultButton(made[0])
            box.setEscapeButton(made[-1])
        box.exec()
        clicked = box.clickedButton()
        return next((i for i, b in enumerate(made) if b is clicked), None)

    def save_path(
        self, parent: QWidget | None, caption: str, start: Path, filters: str
    ) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, caption, str(start), filters)
        return Path(name) if name else None

    def open_path(
        self, parent: QWidget | None, caption: str, start: Path, filters: str
    ) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, caption, str(start), filters)
        return Path(name) if name else None


@dataclass
class RecordingDialogs:
    """For tests: records every message; answers questions from queued replies."""

    messages: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)
    confirm_answers: list[bool] = field(default_factory=list)
    choice_answers: list[int | None] = field(default_factory=list)
    paths: list[Path | None] = field(default_factory=list)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        self.messages.append(("warn", text))

    def critical(self, parent: QWidget | None, title: str, text: str) -> None:
        self.messages.append(("critical", text))

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        self.messages.append(("inform", text))

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.messages.append(("confirm", text))
        return self.confirm_answers.pop(0) if self.confirm_answers else False

    def choose(
        self, parent: QWidget | None, title: str, text: str, buttons: Sequence[str]
    ) -> int | None:
        self.messages.append(("choose", text))
        return self.choice_answers.pop(0) if self.choice_answers else None

    def save_path(
        self, parent: QWidget | None, caption: str, start: Path, filters: str
    ) -> Path | None:
        return self.paths.pop(0) if self.paths else None

    def open_path(
        self, parent: QWidget | None, caption: str, start: Path, filters: str
    ) -> Path | None:
        return self.paths.pop(0) if self.paths else None
