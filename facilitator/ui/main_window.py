"""The main window: a navigation list of areas beside the area's view."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from facilitator import __version__

AreaView = QWidget | Callable[[], QWidget]

# Names of the languages in themselves, so anyone can find their own in the menu.
LANGUAGE_NAMES = (("ja", "日本語"), ("en", "English"))

STYLE = """
QListWidget#areaNavigation { background: #f3f5f8; border: none; outline: 0;
    border-right: 1px solid #d9dde3; font-size: 11pt; padding-top: 8px; }
QListWidget#areaNavigation::item { padding: 6px 14px; border-left: 3px solid transparent; }
QListWidget#areaNavigation::item:selected { background: #e1e9f5; color: #0b3d91;
    border-left: 3px solid #1a5fd0; }
QLabel[role="heading"] { font-size: 13pt; font-weight: bold; padding: 2px 0 6px 0; }
QLabel[role="sectionTitle"] { font-weight: bold; }
"""


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
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("%1 — Facilitator").replace("%1", workspace_path.stem))
        self.setStyleSheet(STYLE)
        self.resize(1280, 800)
        # Asked before closing; the app answers False when the user keeps unsaved edits.
        self.close_guard: Callable[[], bool] | None = None
        self._nav = QListWidget()
        self._nav.setObjectName("areaNavigation")
        self._nav.setIconSize(QSize(20, 20))
        self._nav.setFixedWidth(200)
        self._stack = QStackedWidget()
        self._keys: list[str] = []
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._nav)
        layout.addWidget(self._stack, 1)
        self.setCentralWidget(central)
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._nav.currentRowChanged.connect(self._show_row)
        self._language_actions: dict[str, QAction] = {}
        self._build_menus(recent, current_lang)
        path_label = QLabel(str(workspace_path))
        path_label.setObjectName("workspacePath")
        path_label.setToolTip(self.tr("The open workspace file"))
        self.statusBar().addPermanentWidget(path_label)

    # -- areas ------------------------------------------------------------------------------
    def add_area(self, key: str, title: str, view: AreaView) -> None:
        """Append an area (only areas that work are ever added).

        `view` may be a factory: the view is then built the first time the area
        is shown (or asked for), so start-up pays only for the first area.
        """
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setSizeHint(QSize(190, 40))
        if isinstance(view, QWidget):
            self._stack.addWidget(view)
        else:
            self._factories[key] = view
            self._stack.addWidget(QWidget())  # stands in until the area is first shown
        self._keys.append(key)
        self._nav.addItem(item)
        if self._nav.currentRow() < 0:
            self._nav.setCurrentRow(0)

    def area_keys(self) -> list[str]:
        return list(self._keys)

    def area_titles(self) -> list[str]:
        return [self._nav.item(i).text() for i in range(self._nav.count())]

    def show_area(self, key: str) -> None:
        if key in self._keys:
            self._nav.setCurrentRow(self._keys.index(key))

    def current_area_key(self) -> str:
        return self._keys[self._nav.currentRow()]

    def area_view(self, key: str) -> QWidget:
        """The area's view, built now if it has not been shown yet."""
        index = self._keys.index(key)
        factory = self._factories.pop(key, None)
        if factory is not None:
            placeholder = self._stack.widget(index)
            assert placeholder is not None
            showing = self._stack.currentIndex() == index
            self._stack.insertWidget(index, factory())
            self._stack.removeWidget(placeholder)
            placeholder.deleteLater()
            if showing:
                self._stack.setCurrentIndex(index)
        built = self._stack.widget(index)
        assert built is not None
        return built

    def built_area_keys(self) -> list[str]:
        """Areas whose views exist (the others are built when first shown)."""
        return [k for k in self._keys if k not in self._factories]

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            self.area_view(self._keys[row])
            self._stack.setCurrentIndex(row)

    def has_unsaved_changes(self) -> bool:
        """True when any area says it holds edits not yet saved."""
        return bool(self.unsaved_area_titles())

    def unsaved_area_titles(self) -> list[str]:
        """The titles of the areas that say they hold edits not yet saved, in navigation order."""
        titles = []
        for key in self.built_area_keys():
            check = getattr(self.area_view(key), "has_unsaved_changes", None)
            if callable(check) and check():
                titles.append(self._nav.item(self._keys.index(key)).text())
        return titles

    def current_tabs(self) -> list[int]:
        """The open tab of every tab widget in the current area, in the order they were built."""
        view = self.area_view(self.current_area_key())
        return [tabs.currentIndex() for tabs in view.findChildren(QTabWidget)]

    def show_tabs(self, indexes: list[int]) -> None:
        """Open the tabs `current_tabs` gave (of a window built the same way, e.g. before a
        language switch); tab widgets that do not match are left as they are."""
        view = self.area_view(self.current_area_key())
        for tabs, index in zip(view.findChildren(QTabWidget), indexes, strict=False):
            if 0 <= index < tabs.count():
                tabs.setCurrentIndex(index)

    # -- menus ------------------------------------------------------------------------------
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
        quit_action = self._add(file_menu, self.tr("&Quit"), self.close)
        quit_action.setObjectName("quit")
        # Ctrl+Q everywhere: Qt's standard Quit key is empty on Windows.
        keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
        ctrl_q = QKeySequence("Ctrl+Q")
        quit_action.setShortcuts(keys if ctrl_q in keys else [*keys, ctrl_q])

        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        lang_menu = settings_menu.addMenu(self.tr("&Language"))
        lang_menu.setObjectName("languageMenu")
        group = QActionGroup(self)
        group.setExclusive(True)
        for code, label in LANGUAGE_NAMES:
            action = lang_menu.addAction(label)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == current_lang)
            action.setData(code)
            group.addAction(action)
            action.triggered.connect(lambda _=False, c=code: self.language_requested.emit(c))
            self._language_actions[code] = action

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._add(help_menu, self.tr("&About Facilitator"), self.about_requested.emit)

    def language_action(self, code: str) -> QAction:
        return self._language_actions[code]

    def check_language(self, code: str) -> None:
        """Re-check the language in use (after a switch the user called off)."""
        action = self._language_actions.get(code)
        if action is not None:
            action.setChecked(True)

    def _add(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        return action

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_guard is not None and not self.close_guard():
            event.ignore()
            return
        self.closing.emit()
        super().closeEvent(event)


def about_text() -> str:
    return f"Facilitator {__version__}"
