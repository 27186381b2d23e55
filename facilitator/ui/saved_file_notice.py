"""After the app writes a file (a PDF, a spreadsheet, a ZIP, a folder of PDFs): say where,
and offer to open it or the folder it is in.

One helper for every area, so each save ends the same way. Opening goes through
an injected `open_url` (QDesktopServices.openUrl in the app), so tests record
the URL instead of launching a viewer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from facilitator.ui.dialogs import Dialogs

OpenUrl = Callable[[QUrl], bool]


def open_with_desktop(url: QUrl) -> bool:
    return QDesktopServices.openUrl(url)


class SavedFileNotice(QObject):
    def __init__(self, dialogs: Dialogs, open_url: OpenUrl = open_with_desktop) -> None:
        super().__init__()
        self._dialogs, self._open_url = dialogs, open_url

    def offer(self, parent: QWidget, title: str, text: str, path: Path) -> None:
        """Tell `text`, then open `path` or its folder if the user asks (a folder: open it)."""
        is_folder = path.is_dir()
        buttons = ([] if is_folder else [self.tr("Open file")]) + [
            self.tr("Open folder"),
            self.tr("Close"),
        ]
        choice = self._dialogs.choose(parent, title, text, buttons)
        if choice is None or choice == len(buttons) - 1:
            return
        target = path if is_folder or choice == 0 else path.parent
        if not self._open_url(QUrl.fromLocalFile(str(target))):
            self._dialogs.warn(
                parent,
                title,
                self.tr("%1 could not be opened: no program on this computer opens it.").replace(
                    "%1", str(target)
                ),
            )
