"""The main window: a navigation list of areas beside the area's view."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from facilitator import __version__


class MainWindow(QMainWindow):
    """Holds the area views; menus ask the app (through signals) to change workspace or language."""

    new_workspace_requested = Signal()
    open_workspace_requested = Signal()
    open_recent_requested = Signal(str)
    backup_requested = Signal()
    language_requested = Signal(str)
    about_requested = Signal()
    closing = Signal()

    def __init__(self, workspace_path: Path, recent: list[Path], current_lang: str) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Facilitator — %1").replace("%1", workspace_path.name))
        self.resize(1280, 800)
        self._nav = QListWidget()
        self._nav.setObjectName("areaNavigation")
        self._nav.setIconSize(QSize(20, 20))
        self._nav.setFixedWidth(210)
        self._stack = QStackedWidget()
        self._keys: list[str] = []
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._nav)
        layout.addWidget(self._stack, 1)
        self.setCentralWidget(central)
        self._nav.currentRowChanged.connect(self._stack.setCurrentIndex)
        self._build_menus(recent, current_lang)
        self.statusBar().addPermanentWidget(QLabel(str(workspace_path)))

    def add_area(self, key: str, title: str, view: QWidget) -> None:
        """Append an area (only areas that work are ever added)."""
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setSizeHint(QSize(200, 40))
        self._nav.addItem(item)
        self._stack.addWidget(view)
        self._keys.append(key)
        if self._nav.currentRow() < 0:
            self._nav.setCurrentRow(0)

    def area_keys(self) -> list[str]:
        return list(self._keys)

    def show_area(self, key: str) -> None:
        self._nav.setCurrentRow(self._keys.index(key))

    def area_view(self, key: str) -> QWidget:
        view = self._stack.widget(self._keys.index(key))
        assert view is not None
        return view

    def _build_menus(self, recent: list[Path], current_lang: str) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._add(
            file_menu,
            self.tr("&New workspace…"),
            self.new_workspace_requested.emit,
            QKeySequence.StandardKey.New,
        )
        self._add(
            file_menu,
            self.tr("&Open workspace…"),
            self.open_workspace_requested.emit,
            QKeySequence.StandardKey.Open,
        )
        recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        recent_menu.setObjectName("recentMenu")
        recent_menu.setEnabled(bool(recent))
        for path in recent:
            action = recent_menu.addAction(str(path))
            action.triggered.connect(
                lambda _=False, p=path: self.open_recent_requested.emit(str(p))
            )
        self._add(file_menu, self.tr("&Back up workspace…"), self.backup_requested.emit)
        file_menu.addSeparator()
        self._add(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        lang_menu = settings_menu.addMenu(self.tr("&Language"))
        lang_menu.setObjectName("languageMenu")
        for code, label in (("ja", "日本語"), ("en", "English")):
            action = lang_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(code == current_lang)
            action.setData(code)
            action.triggered.connect(lambda _=False, c=code: self.language_requested.emit(c))

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._add(help_menu, self.tr("&About Facilitator"), self.about_requested.emit)

    def _add(
        self,
        menu: object,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)


def about_text() -> str:
    return f"Facilitator {__version__}"
