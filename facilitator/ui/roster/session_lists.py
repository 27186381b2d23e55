"""One list per session (plus "unassigned"): drag attendees between them, or use the context menu.

The lists never move items themselves: a drop or a menu choice only asks
(through `move_requested`) for the move, and the view reloads from the
service, so what is shown is always what was saved.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.session_rules import RuleBreak
from facilitator.lang import Lang
from facilitator.services.roster.attendees import AttendeeRow, SessionLoad
from facilitator.ui.roster.rows import fix_list_rows, sized_item

MIME_TYPE = "application/x-facilitator-attendees"
ID_ROLE = Qt.ItemDataRole.UserRole
BREAK_BACKGROUND = QColor("#fdecc8")  # amber, light enough for black text
BREAK_TEXT = "#8a5300"


class SessionList(QListWidget):
    """A list that accepts attendees dragged from its sibling lists."""

    dropped = Signal(list, object)  # attendee ids, target session id (None: unassigned)

    def __init__(self, session_id: int | None) -> None:
        super().__init__()
        self.session_id = session_id
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        fix_list_rows(self)

    def selected_ids(self) -> list[int]:
        return [int(item.data(ID_ROLE)) for item in self.selectedItems()]

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        data = QMimeData()
        ids = [int(item.data(ID_ROLE)) for item in items]
        data.setData(MIME_TYPE, json.dumps({"from": self.session_id, "ids": ids}).encode())
        return data

    def _payload(self, mime: QMimeData) -> dict[str, object] | None:
        if not mime.hasFormat(MIME_TYPE):
            return None
        try:
            payload = json.loads(bytes(mime.data(MIME_TYPE).data()).decode())
        except ValueError:
            return None
        return payload if isinstance(payload, dict) else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        payload = self._payload(event.mimeData())
        if payload is not None and payload.get("from") != self.session_id:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        payload = self._payload(event.mimeData())
        if payload is not None and payload.get("from") != self.session_id:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        payload = self._payload(event.mimeData())
        if payload is None or payload.get("from") == self.session_id:
            event.ignore()
            return
        ids = payload.get("ids")
        if isinstance(ids, list) and ids:
            # Accept as a copy so Qt never deletes the source items itself.
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.dropped.emit([int(i) for i in ids], self.session_id)


class SessionLists(QWidget):
    """The session columns side by side."""

    move_requested = Signal(list, object)  # attendee ids, session id or None
    lock_requested = Signal(list, bool)  # attendee ids, locked?

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self._lang = lang
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self.lists: list[SessionList] = []
        self._labels: list[QLabel] = []
        self._sessions: list[SessionLoad] = []

    def set_data(
        self,
        sessions: list[SessionLoad],
        people: list[AttendeeRow],
        breaks: list[RuleBreak] | None = None,
    ) -> None:
        """Fill the lists; each rule a session breaks marks its people and the list's title."""
        if [s.id for s in sessions] != [s.id for s in self._sessions] or not self.lists:
            self._rebuild(sessions)
        self._sessions = sessions
        by_session: dict[int | None, list[AttendeeRow]] = {s.id: [] for s in sessions}
        by_session[None] = []
        for p in people:
            by_session.setdefault(p.session_id, []).append(p)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for widget, label in zip(self.lists, self._labels, strict=True):
            members = by_session.get(widget.session_id, [])
            here = [b for b in breaks or [] if b.session_id == widget.session_id]
            said: dict[int, list[str]] = {}
            for b in here:
                for member in b.member_ids:
                    said.setdefault(member, []).append(b.message.text(self._lang))
            widget.clear()
            for p in members:
                marker = self.tr("[locked] ") if p.locked else ""
                item = sized_item(widget, f"{marker}{p.name}（{p.department}）")
                item.setData(ID_ROLE, p.id)
                tip = f"{p.staff_no}  {p.kana}  {p.role}".strip()
                if p.id in said:
                    item.setIcon(warning)
                    item.setBackground(QBrush(BREAK_BACKGROUND))
                    tip += "\n" + "\n".join(said[p.id])
                item.setToolTip(tip)
                widget.addItem(item)
            if widget.session_id is None:
                label.setText(self.tr("Unassigned (%1)").replace("%1", str(len(members))))
            else:
                s = next(x for x in sessions if x.id == widget.session_id)
                label.setText(
                    self.tr("%1: %2 of %3")
                    .replace("%1", s.label)
                    .replace("%2", str(len(members)))
                    .replace("%3", str(s.capacity))
                )
            self._show_breaks(label, here)

    def _show_breaks(self, label: QLabel, here: list[RuleBreak]) -> None:
        if here:
            label.setText(
                label.text() + "　⚠ " + self.tr("rule breaks: %1").replace("%1", str(len(here)))
            )
            label.setStyleSheet(f"color: {BREAK_TEXT};")
        else:
            label.setStyleSheet("")
        label.setToolTip("\n".join(b.message.text(self._lang) for b in here))

    def list_for(self, session_id: int | None) -> SessionList:
        return next(w for w in self.lists if w.session_id == session_id)

    def _rebuild(self, sessions: list[SessionLoad]) -> None:
        while self._row.count():
            item = self._row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.lists, self._labels = [], []
        for session_id in [*[s.id for s in sessions], None]:
            column = QWidget()
            layout = QVBoxLayout(column)
            layout.setContentsMargins(4, 0, 4, 0)
            label = QLabel()
            label.setProperty("role", "heading")
            widget = SessionList(session_id)
            widget.setObjectName(f"sessionList{session_id if session_id is not None else 'None'}")
            widget.dropped.connect(self.move_requested)
            widget.customContextMenuRequested.connect(
                lambda pos, w=widget: self._context_menu(w, pos)
            )
            layout.addWidget(label)
            layout.addWidget(widget, 1)
            self._row.addWidget(column, 1)
            self.lists.append(widget)
            self._labels.append(label)

    def build_menu(self, source: SessionList) -> QMenu:
        """The context menu for the selection in `source`: move to each other session, lock, unlock."""
        menu = QMenu(self)
        ids = source.selected_ids()
        for s in self._sessions:
            if s.id != source.session_id:
                action = menu.addAction(self.tr("Move to %1").replace("%1", s.label))
                action.triggered.connect(
                    lambda _=False, sid=s.id: self.move_requested.emit(ids, sid)
                )
        if source.session_id is not None:
            unassign = menu.addAction(self.tr("Remove from session"))
            unassign.triggered.connect(lambda: self.move_requested.emit(ids, None))
            menu.addSeparator()
            lock = menu.addAction(self.tr("Lock"))
            lock.triggered.connect(lambda: self.lock_requested.emit(ids, True))
            unlock = menu.addAction(self.tr("Unlock"))
            unlock.triggered.connect(lambda: self.lock_requested.emit(ids, False))
        menu.setEnabled(bool(ids))
        return menu

    def _context_menu(self, source: SessionList, pos: QPoint) -> None:
        if source.selected_ids():
            self.build_menu(source).exec(source.viewport().mapToGlobal(pos))
