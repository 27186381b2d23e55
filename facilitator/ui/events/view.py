"""The event area: the workspace's events on the left, the selected one's editor on the right.

Everything that touches the workspace goes through the runner; selecting an
event makes it the `CurrentEvent` the other areas follow.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.clock import Clock
from facilitator.errors import FacilitatorError, ValidationFailed
from facilitator.lang import Lang
from facilitator.services.events import EventDetail, EventService, EventSummary
from facilitator.ui.dialogs import Dialogs
from facilitator.ui.events.form import EventForm
from facilitator.ui.events.list_model import EventListModel
from facilitator.ui.runner import Runner

if TYPE_CHECKING:
    from facilitator.ui.current_event import CurrentEvent


class EventView(QWidget):
    def __init__(
        self,
        events: EventService,
        runner: Runner,
        current: CurrentEvent,
        *,
        lang: Lang,
        dialogs: Dialogs,
        clock: Clock,
    ) -> None:
        super().__init__()
        self._events, self._runner, self._current = events, runner, current
        self._lang, self._dialogs, self._clock = lang, dialogs, clock
        self._editing: int | None = None  # id of the event in the form; None: a new one
        self._dirty = False
        self._loading = False
        self._opening: int | None = None  # the event most recently asked for

        self.list_model = EventListModel(lang)
        self.event_list = QTableView()
        self.event_list.setObjectName("eventList")
        self.event_list.setModel(self.list_model)
        self.event_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.event_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.event_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.event_list.verticalHeader().setVisible(False)
        self.event_list.setWordWrap(False)
        header = self.event_list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.new_button = QPushButton(self.tr("New event"))
        self.new_button.setObjectName("newEventButton")
        self.heading = QLabel()
        self.heading.setObjectName("editorHeading")
        self.heading.setProperty("role", "heading")
        self.form = EventForm(lang)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(QKeySequence(QKeySequence.StandardKey.Save).toString())
        save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_shortcut.activated.connect(self.save)
        self.revert_button = QPushButton(self.tr("Discard changes"))
        self.revert_button.setObjectName("revertButton")
        self.status = QLabel()
        self.status.setObjectName("saveStatus")
        self._layout()

        self.new_button.clicked.connect(self._new_clicked)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self._revert)
        self.form.edited.connect(self._mark_dirty)
        self.event_list.selectionModel().selectionChanged.connect(self._selection_changed)
        self._start_new()
        self.reload(select=current.event_id)

    def _layout(self) -> None:
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(12, 12, 6, 12)
        events_title = QLabel(self.tr("Events in this workspace"))
        events_title.setProperty("role", "heading")
        left_column.addWidget(events_title)
        left_column.addWidget(self.event_list, 1)
        left_column.addWidget(self.new_button)
        editor = QWidget()
        editor_column = QVBoxLayout(editor)
        editor_column.setContentsMargins(6, 12, 12, 12)
        editor_column.addWidget(self.heading)
        editor_column.addWidget(self.form, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.revert_button)
        actions.addWidget(self.save_button)
        editor_column.addLayout(actions)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(editor)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([440, 760])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)

    def showEvent(self, event: QShowEvent) -> None:
        # Other areas change attendee counts (roster import); refresh when coming back.
        if not event.spontaneous() and self.list_model.rowCount():
            self.reload()
        super().showEvent(event)

    # -- list -------------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        """Fetch the event list again; then open `select`, or keep the form and mark its row."""

        def show(events: list[EventSummary]) -> None:
            self._loading = True
            try:
                self.list_model.set_events(events)
            finally:
                self._loading = False
            if select is not None:
                self._open(select)
            else:
                self._select_row_of(self._editing)

        self._runner.run(self._events.list_events, show, self._failed)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._loading or not selected.indexes():
            return
        event_id = self.list_model.event_at(selected.indexes()[0].row()).id
        if event_id == self._editing:
            return
        if not self._may_discard():
            self._select_row_of(self._editing)
            return
        self._open(event_id)

    def _select_row_of(self, event_id: int | None) -> None:
        self._loading = True
        try:
            row = self.list_model.row_of(event_id) if event_id is not None else None
            if row is None:
                self.event_list.clearSelection()
            else:
                self.event_list.selectRow(row)
        finally:
            self._loading = False

    # -- editor -----------------------------------------------------------------------------
    def _open(self, event_id: int) -> None:
        self._opening = event_id

        def opened(detail: EventDetail) -> None:
            # Clicking through the list quickly: only the last choice may fill the form.
            if detail.id == self._opening:
                self._show(detail)

        self._runner.run(lambda: self._events.get_event(event_id), opened, self._failed)

    def _show(self, detail: EventDetail) -> None:
        self._editing = detail.id
        self.form.load(detail, detail.date)
        self.heading.setText(self.tr("Edit event"))
        self._set_clean()
        self._select_row_of(detail.id)
        self._current.set(detail.id)

    def _new_clicked(self) -> None:
        if self._may_discard():
            self._start_new()

    def _start_new(self) -> None:
        self._editing = self._opening = None
        self.form.load(None, self._today())
        self.heading.setText(self.tr("New event"))
        self._set_clean()
        self._select_row_of(None)
        self.form.title_edit.setFocus()

    def _revert(self) -> None:
        if self._editing is None:
            self._start_new()
        else:
            self._open(self._editing)

    def save(self) -> None:
        """Save the form through the runner; problems are shown beside their fields."""
        self.form.commit_open_editor()
        spec = self.form.spec()
        editing = self._editing
        work: Callable[[], EventDetail]
        if editing is None:
            work = lambda: self._events.create_event(spec)  # noqa: E731
        else:
            work = lambda: self._events.update_event(editing, spec)  # noqa: E731
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        self._runner.run(work, self._saved, self._save_failed)

    def _saved(self, detail: EventDetail) -> None:
        self.save_button.setEnabled(True)
        self._show(detail)
        self.status.setText(self.tr("Saved."))
        self.reload(select=None)

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.status.setText("")
        if isinstance(exc, ValidationFailed):
            self.form.show_errors(exc.errors)
            return
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, FacilitatorError):
            self._dialogs.warn(self, self.tr("Event"), exc.message.text(self._lang))
            return
        raise exc  # reaches the app's handler, which logs it and names the log file

    # -- unsaved changes --------------------------------------------------------------------
    def _mark_dirty(self) -> None:
        self._dirty = True
        self.status.setText(self.tr("Unsaved changes"))
        self.revert_button.setEnabled(True)

    def _set_clean(self) -> None:
        self._dirty = False
        self.status.setText("")
        self.revert_button.setEnabled(False)

    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def _may_discard(self) -> bool:
        return not self._dirty or self._dialogs.confirm(
            self,
            self.tr("Unsaved changes"),
            self.tr("The event you are editing has unsaved changes. Discard them?"),
        )

    def _today(self) -> date:
        return self._clock.now().astimezone().date()
