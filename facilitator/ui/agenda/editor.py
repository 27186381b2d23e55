"""Editing the agenda: the item list (drag to reorder, duplicate, delete with undo) and one item's form."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.agenda_items import (
    MAX_MINUTES,
    AgendaItemSpec,
    ItemKind,
    PdfPages,
    SlideContent,
)
from facilitator.errors import FacilitatorError
from facilitator.lang import Lang
from facilitator.services.agenda.items import AgendaItemInfo, AgendaService, DeletedItem
from facilitator.ui.agenda.pdf_pages import PdfUnreadable, page_count
from facilitator.ui.dialogs import Dialogs
from facilitator.ui.runner import Runner

T = TypeVar("T")


class ItemList(QListWidget):
    """The agenda in running order; dropping an item reports its new row."""

    moved = Signal(int, int)  # item id, new row

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("agendaItems")
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self._rows_by_id: dict[int, int] = {}
        self.model().rowsMoved.connect(self._rows_moved)

    def _rows_moved(self, *_args: object) -> None:
        # One item was dropped elsewhere: it is the one whose removal makes old and new orders agree.
        old = [self.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.count())]
        before = sorted(old, key=lambda i: self._rows_by_id.get(i, 0))
        for row, item_id in enumerate(old):
            others_agree = [i for i in old if i != item_id] == [i for i in before if i != item_id]
            if others_agree and before.index(item_id) != row:
                self.moved.emit(int(item_id), row)
                return

    def remember_order(self) -> None:
        self._rows_by_id = {
            self.item(r).data(Qt.ItemDataRole.UserRole): r for r in range(self.count())
        }


class AgendaEditor(QWidget):
    changed = Signal()  # the agenda was saved: times and previews must follow

    def __init__(
        self, service: AgendaService, runner: Runner, dialogs: Dialogs, lang: Lang
    ) -> None:
        super().__init__()
        self._service = service
        self._runner = runner
        self._dialogs = dialogs
        self._lang = lang
        self._event_id: int | None = None
        self._items: list[AgendaItemInfo] = []
        self._undo: list[DeletedItem] = []

        self.list = ItemList()
        self.list.currentRowChanged.connect(self._show_row)
        self.list.moved.connect(self._move)
        self.add_button = self._button(self.tr("Add"), self._add, "addItem")
        self.duplicate_button = self._button(self.tr("Duplicate"), self._duplicate, "duplicate")
        self.delete_button = self._button(self.tr("Delete"), self._delete, "delete")
        self.undo_button = self._button(self.tr("Undo delete"), self.undo, "undo")
        self.undo_button.setEnabled(False)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)

        self.title = QLineEdit()
        self.minutes = QSpinBox()
        self.minutes.setRange(1, MAX_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.kind = QComboBox()
        for kind, label in self._kinds():
            self.kind.addItem(label, kind)
        self.flexible = QCheckBox(self.tr("May be shortened to catch up"))
        self.amber = QSpinBox()
        self.amber.setRange(0, 3600)
        self.amber.setSuffix(self.tr(" s left"))
        self.red = QSpinBox()
        self.red.setRange(0, 3600)
        self.red.setSuffix(self.tr(" s left"))
        self.heading = QLineEdit()
        self.bullets = QPlainTextEdit()
        self.bullets.setPlaceholderText(self.tr("One line per bullet"))
        self.image = QLineEdit()
        self.pdf = QLineEdit()
        self.pdf.setReadOnly(True)
        self.pdf_first = QSpinBox()
        self.pdf_last = QSpinBox()
        for spin in (self.pdf_first, self.pdf_last):
            spin.setRange(1, 1)
        self.notes = QPlainTextEdit()
        self.save_button = self._button(self.tr("Save item"), self.save, "saveItem")

        buttons = QHBoxLayout()
        for b in (self.add_button, self.duplicate_button, self.delete_button, self.undo_button):
            buttons.addWidget(b)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(buttons)

        image_row = QHBoxLayout()
        image_row.addWidget(self.image, 1)
        image_row.addWidget(self._button(self.tr("Choose…"), self._choose_image, "chooseImage"))
        pdf_row = QHBoxLayout()
        pdf_row.addWidget(self.pdf, 1)
        pdf_row.addWidget(self._button(self.tr("Choose…"), self._choose_pdf, "choosePdf"))
        pdf_row.addWidget(self._button(self.tr("None"), self._clear_pdf, "clearPdf"))
        pages = QHBoxLayout()
        pages.addWidget(self.pdf_first)
        pages.addWidget(self.pdf_last)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Duration"), self.minutes)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow("", self.flexible)
        form.addRow(self.tr("Amber warning at"), self.amber)
        form.addRow(self.tr("Red warning at"), self.red)
        form.addRow(self.tr("Slide heading"), self.heading)
        form.addRow(self.tr("Slide bullets"), self.bullets)
        form.addRow(self.tr("Slide picture"), image_row)
        form.addRow(self.tr("PDF deck"), pdf_row)
        form.addRow(self.tr("PDF pages (from, to)"), pages)
        form.addRow(self.tr("Presenter notes"), self.notes)
        form.addRow("", self.save_button)
        self.form = QWidget()
        self.form.setLayout(form)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addWidget(self.form, 3)
        self._sync_enabled()

    def _kinds(self) -> list[tuple[ItemKind, str]]:
        return [
            (ItemKind.TALK, self.tr("Talk")),
            (ItemKind.EXERCISE, self.tr("Exercise")),
            (ItemKind.DISCUSSION, self.tr("Discussion")),
            (ItemKind.BREAK, self.tr("Break")),
            (ItemKind.CHECKIN, self.tr("Check-in")),
            (ItemKind.FEEDBACK, self.tr("Feedback")),
            (ItemKind.CLOSING, self.tr("Closing")),
        ]

    def _button(self, text: str, slot: Callable[[], None], name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _=False: slot())
        return button

    # -- loading -------------------------------------------------------------------------------
    def load(self, event_id: int | None, select_id: int | None = None) -> None:
        self._event_id = event_id
        if event_id is None:
            self._fill([], None)
            return
        self._call(
            lambda: self._service.list_items(event_id), lambda items: self._fill(items, select_id)
        )

    def _fill(self, items: list[AgendaItemInfo], select_id: int | None) -> None:
        current = select_id if select_id is not None else self.current_id()
        self._items = items
        self.list.blockSignals(True)
        self.list.clear()
        kinds = dict(self._kinds())
        for row, info in enumerate(items):
            minutes = self.tr("%1 min").replace("%1", str(info.minutes))
            text = f"{row + 1}. {info.title}　{minutes}　[{kinds[info.kind]}]"
            if info.spec.flexible:
                text += " ⇕"
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, info.id)
            self.list.addItem(entry)
        self.list.remember_order()
        self.list.blockSignals(False)
        rows = [i for i, info in enumerate(items) if info.id == current]
        self.list.setCurrentRow(rows[0] if rows else (0 if items else -1))
        self._show_row(self.list.currentRow())
        self._sync_enabled()

    def items(self) -> list[AgendaItemInfo]:
        return list(self._items)

    def current_id(self) -> int | None:
        row = self.list.currentRow()
        return self._items[row].id if 0 <= row < len(self._items) else None

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self._items):
            self.form.setEnabled(False)
            return
        self.form.setEnabled(True)
        spec = self._items[row].spec
        self.title.setText(spec.title)
        self.minutes.setValue(spec.minutes)
        self.kind.setCurrentIndex(max(0, self.kind.findData(spec.kind)))
        self.flexible.setChecked(spec.flexible)
        self.amber.setValue(spec.amber_seconds)
        self.red.setValue(spec.red_seconds)
        self.heading.setText(spec.slide.heading)
        self.bullets.setPlainText("\n".join(spec.slide.bullets))
        self.image.setText(spec.slide.image or "")
        self.notes.setPlainText(spec.notes)
        self._set_pdf(spec.pdf.path if spec.pdf else "", spec.pdf.last if spec.pdf else 1)
        if spec.pdf:
            self.pdf_first.setValue(spec.pdf.first)
            self.pdf_last.setValue(spec.pdf.last)

    def _set_pdf(self, path: str, pages: int) -> None:
        self.pdf.setText(path)
        for spin in (self.pdf_first, self.pdf_last):
            spin.setRange(1, max(1, pages))
            spin.setEnabled(bool(path))
        self.pdf_last.setValue(max(1, pages))

    def spec(self) -> AgendaItemSpec:
        """The form as typed."""
        bullets = tuple(
            line.strip() for line in self.bullets.toPlainText().splitlines() if line.strip()
        )
        pdf_path = self.pdf.text().strip()
        return AgendaItemSpec(
            title=self.title.text(),
            minutes=self.minutes.value(),
            kind=self.kind.currentData(),
            notes=self.notes.toPlainText(),
            flexible=self.flexible.isChecked(),
            slide=SlideContent(
                self.heading.text().strip(), bullets, self.image.text().strip() or None
            ),
            pdf=PdfPages(pdf_path, self.pdf_first.value(), self.pdf_last.value())
            if pdf_path
            else None,
            amber_seconds=self.amber.value(),
            red_seconds=self.red.value(),
        )

    # -- actions -------------------------------------------------------------------------------
    def save(self) -> None:
        item_id = self.current_id()
        if item_id is None:
            return
        spec = self.spec()
        self._call(lambda: self._service.update_item(item_id, spec), self._saved)

    def _saved(self, info: AgendaItemInfo) -> None:
        self.load(self._event_id, info.id)
        self.changed.emit()

    def _add(self) -> None:
        event_id = self._event_id
        if event_id is None:
            return
        spec = AgendaItemSpec(self.tr("New item"), 10)
        at = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else None
        self._call(lambda: self._service.create_item(event_id, spec, at), self._saved)

    def _duplicate(self) -> None:
        item_id = self.current_id()
        if item_id is not None:
            self._call(lambda: self._service.duplicate_item(item_id), self._saved)

    def _delete(self) -> None:
        item_id = self.current_id()
        if item_id is None:
            return

        def done(deleted: DeletedItem) -> None:
            self._undo.append(deleted)
            self.load(self._event_id)
            self.changed.emit()

        self._call(lambda: self._service.delete_item(item_id), done)

    def undo(self) -> None:
        if not self._undo:
            return
        deleted = self._undo.pop()
        self._call(lambda: self._service.restore_item(deleted), self._saved)

    def _move(self, item_id: int, row: int) -> None:
        def done(items: list[AgendaItemInfo]) -> None:
            self._fill(items, item_id)
            self.changed.emit()

        self._call(lambda: self._service.move_item(item_id, row), done)

    def _choose_image(self) -> None:
        path = self._dialogs.open_path(
            self, self.tr("Slide picture"), Path.home(), self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path is not None:
            self.attach_image(str(path))

    def attach_image(self, path: str) -> None:
        """Take the picture only if it decodes: a broken one would leave the slide blank."""

        def shown(readable: bool) -> None:
            if readable:
                self.image.setText(path)
                return
            self._dialogs.warn(
                self,
                self.tr("Slide picture"),
                self.tr("%1 cannot be opened as a picture (PNG or JPEG).").replace("%1", path),
            )

        self._runner.run(lambda: not QImage(path).isNull(), shown, self._raise)

    @staticmethod
    def _raise(exc: BaseException) -> None:
        raise exc

    def _choose_pdf(self) -> None:
        path = self._dialogs.open_path(
            self, self.tr("PDF deck"), Path.home(), self.tr("PDF files (*.pdf)")
        )
        if path is not None:
            self.attach_pdf(str(path))

    def attach_pdf(self, path: str) -> None:
        """Read the deck's page count (off the GUI thread) and offer its pages."""

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, PdfUnreadable):
                raise exc
            self._dialogs.warn(
                self,
                self.tr("PDF deck"),
                self.tr("%1 cannot be opened as a PDF.").replace("%1", path),
            )

        self._runner.run(lambda: page_count(path), lambda n: self._set_pdf(path, n), failed)

    def _clear_pdf(self) -> None:
        self._set_pdf("", 1)

    def _sync_enabled(self) -> None:
        has = self.current_id() is not None
        self.duplicate_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.add_button.setEnabled(self._event_id is not None)
        self.undo_button.setEnabled(bool(self._undo))

    def _call(self, work: Callable[[], T], done: Callable[[T], None]) -> None:
        def failed(exc: BaseException) -> None:
            if isinstance(exc, FacilitatorError):
                self._dialogs.warn(self, self.tr("Agenda"), exc.message.text(self._lang))
                return
            raise exc

        def finished(result: T) -> None:
            done(result)
            self._sync_enabled()

        self._runner.run(work, finished, failed)
