"""Editing the certificate layout with a live preview of a real attendee's certificate.

The working copy is the layout's JSON; each edit schedules a preview that is
rendered (PDF, then a page image through Qt PDF) on the runner, never on the
GUI thread. A preview that comes back after a newer edit is dropped.
"""

from __future__ import annotations

import base64
import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.certificate_layout import new_image_element, new_text_element
from facilitator.errors import FacilitatorError, ValidationFailed
from facilitator.lang import Lang
from facilitator.services.certificates.layouts import (
    CUSTOM,
    LayoutChoice,
    LayoutService,
    PreviewPerson,
)
from facilitator.ui.certificates.element_form import ElementForm
from facilitator.ui.certificates.images import (
    BackgroundUnusable,
    ScaledImage,
    background_bytes,
    render_first_page,
)
from facilitator.ui.dialogs import Dialogs
from facilitator.ui.runner import Runner

PREVIEW_DELAY_MS = 300
PREVIEW_WIDTH = 900


class LayoutPanel(QWidget):
    def __init__(
        self,
        service: LayoutService,
        runner: Runner,
        *,
        lang: Lang,
        dialogs: Dialogs,
        render: Callable[[bytes, int], QImage] = render_first_page,
    ) -> None:
        super().__init__()
        self._service, self._runner, self._lang, self._dialogs = service, runner, lang, dialogs
        self._render = render
        self._event_id: int | None = None
        self._choice: LayoutChoice | None = None
        self._spec: dict[str, Any] = {}
        self._generation = 0
        self._filling = False
        self.preview_image: QImage | None = None

        self.layout_combo = QComboBox()
        self.layout_combo.setObjectName("layoutCombo")
        self.layout_combo.addItem(
            self.tr("Formal Japanese certificate (A4 landscape)"), "ja_formal"
        )
        self.layout_combo.addItem(
            self.tr("Certificate of attendance (English, A4 portrait)"), "en_attendance"
        )
        self.layout_combo.addItem(self.tr("This event's edited layout"), CUSTOM)
        self.person_combo = QComboBox()
        self.person_combo.setObjectName("previewPerson")
        self.orientation_combo = QComboBox()
        self.orientation_combo.setObjectName("orientationCombo")
        self.orientation_combo.addItem(self.tr("Landscape"), "landscape")
        self.orientation_combo.addItem(self.tr("Portrait"), "portrait")

        self.element_list = QListWidget()
        self.element_list.setObjectName("elementList")
        self.element_form = ElementForm()
        form = self.element_form
        self.text_edit, self.spins = form.text_edit, form.spins
        self.font_combo, self.align_combo = form.font_combo, form.align_combo

        self.add_text_button = QPushButton(self.tr("Add text"))
        self.add_image_button = QPushButton(self.tr("Add image…"))
        self.background_button = QPushButton(self.tr("Background…"))
        self.background_button.setObjectName("backgroundButton")
        self.background_button.setToolTip(
            self.tr("A PNG or JPEG image, or a one-page PDF (converted to a 200 dpi image)")
        )
        self.clear_background_button = QPushButton(self.tr("No background"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.save_button = QPushButton(self.tr("Save layout"))
        self.save_button.setObjectName("saveLayoutButton")
        self.revert_button = QPushButton(self.tr("Discard changes"))
        self.status = QLabel()
        self.status.setObjectName("layoutStatus")
        self.status.setWordWrap(True)
        self.preview = ScaledImage(self.tr("Preview"))
        self.preview.setObjectName("layoutPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(420, 300)
        # Ignored: the pixmap follows the label's size, never the other way round.
        self.preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

        top = QFormLayout()
        top.addRow(self.tr("Layout"), self.layout_combo)
        top.addRow(self.tr("Paper"), self.orientation_combo)
        top.addRow(self.tr("Preview for"), self.person_combo)
        edit_buttons = QHBoxLayout()
        for button in (self.add_text_button, self.add_image_button, self.remove_button):
            edit_buttons.addWidget(button)
        background_buttons = QHBoxLayout()
        background_buttons.addWidget(self.background_button)
        background_buttons.addWidget(self.clear_background_button)
        save_buttons = QHBoxLayout()
        save_buttons.addWidget(self.revert_button)
        save_buttons.addWidget(self.save_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(top)
        left_layout.addWidget(self.element_list, 1)
        left_layout.addLayout(edit_buttons)
        left_layout.addLayout(background_buttons)
        left_layout.addWidget(form)
        left_layout.addLayout(save_buttons)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.status)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        QVBoxLayout(self).addWidget(splitter)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self.layout_combo.activated.connect(self._choose)
        self.orientation_combo.activated.connect(self._orientation_changed)
        self.person_combo.activated.connect(lambda _: self.refresh_preview())
        self.element_list.currentRowChanged.connect(self._fill_form)
        form.changed.connect(self._form_changed)
        self.add_text_button.clicked.connect(self._add_text)
        self.add_image_button.clicked.connect(self._add_image)
        self.background_button.clicked.connect(self._choose_background)
        self.clear_background_button.clicked.connect(self._clear_background)
        self.remove_button.clicked.connect(self._remove)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self._reload)

    # -- loading ------------------------------------------------------------------------------
    def show_event(self, event_id: int | None) -> None:
        self._event_id = event_id
        self._reload()

    def _reload(self) -> None:
        event_id = self._event_id
        if event_id is not None:
            self._runner.run(
                lambda: self._service.preview_people(event_id), self._show_people, self._fail
            )
            self._runner.run(lambda: self._service.get(event_id), self._show_choice, self._fail)

    def _show_people(self, people: list[PreviewPerson]) -> None:
        self.person_combo.clear()
        for person in people:
            label = self.tr("%1 (%2)").replace("%1", person.name).replace("%2", person.department)
            if not person.eligible:
                label += " " + self.tr("— no certificate")
            self.person_combo.addItem(label, person.attendee_id)
        # Start on someone who gets a certificate: their number and name are what prints.
        first = next((i for i, p in enumerate(people) if p.eligible), 0)
        self.person_combo.setCurrentIndex(first)
        self.refresh_preview()

    def _show_choice(self, choice: LayoutChoice) -> None:
        self._choice = choice
        self._spec = copy.deepcopy(choice.spec)
        key = CUSTOM if choice.custom else choice.builtin_key
        self.layout_combo.setCurrentIndex(self.layout_combo.findData(key))
        custom_item = self.layout_combo.model().item(2)  # type: ignore[attr-defined]
        custom_item.setEnabled(choice.has_custom)
        self.orientation_combo.setCurrentIndex(
            self.orientation_combo.findData(self._spec.get("orientation", "portrait"))
        )
        self._fill_list()
        self.status.setText("")
        self.refresh_preview()

    def _fill_list(self, select: int = 0) -> None:
        self.element_list.blockSignals(True)
        self.element_list.clear()
        for element in self._spec.get("elements", []):
            kind = element.get("kind")
            if kind == "text":
                label = self.tr("Text: %1").replace("%1", str(element.get("text", "")))
            elif kind == "qr":
                label = self.tr("Verification QR")
            elif kind == "image":
                label = self.tr("Image")
            else:
                label = self.tr("Frame")
            self.element_list.addItem(label)
        self.element_list.blockSignals(False)
        if self.element_list.count():
            self.element_list.setCurrentRow(min(select, self.element_list.count() - 1))
            self._fill_form(self.element_list.currentRow())

    def _fill_form(self, row: int) -> None:
        elements = self._spec.get("elements", [])
        element = elements[row] if 0 <= row < len(elements) else {}
        self._filling = True
        kind = element.get("kind")
        self.text_edit.setEnabled(kind == "text")
        self.text_edit.setText(str(element.get("text", "")))
        for key, spin in self.spins.items():
            spin.setEnabled(key in element or (key == "size" and kind == "text"))
            spin.setValue(float(element.get(key, 12.0 if key == "size" else 0.0)))
        self.font_combo.setEnabled(kind == "text")
        self.font_combo.setCurrentIndex(
            max(0, self.font_combo.findData(element.get("font", "mincho")))
        )
        self.align_combo.setEnabled(kind == "text")
        self.align_combo.setCurrentIndex(
            max(0, self.align_combo.findData(element.get("align", "center")))
        )
        self.remove_button.setEnabled(bool(element))
        self._filling = False

    # -- editing ------------------------------------------------------------------------------
    def _form_changed(self, *_: object) -> None:
        row = self.element_list.currentRow()
        elements = self._spec.get("elements", [])
        if self._filling or not 0 <= row < len(elements):
            return
        element = elements[row]
        for key, spin in self.spins.items():
            if spin.isEnabled():
                element[key] = round(spin.value(), 1)
        if element.get("kind") == "text":
            element["text"] = self.text_edit.text()
            element["font"] = self.font_combo.currentData()
            element["align"] = self.align_combo.currentData()
            self.element_list.item(row).setText(self.tr("Text: %1").replace("%1", element["text"]))
        self._edited()

    def _orientation_changed(self, *_: object) -> None:
        self._spec["orientation"] = self.orientation_combo.currentData()
        self._edited()

    def _add_text(self) -> None:
        self._append(new_text_element())

    def _append(self, element: dict[str, Any]) -> None:
        self._spec.setdefault("elements", []).append(element)
        self._fill_list(len(self._spec["elements"]) - 1)
        self._edited()

    def _add_image(self) -> None:
        path = self._dialogs.open_path(
            self, self.tr("Add image"), Path.home(), self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path is None:
            return
        try:
            data = path.read_bytes()
        except OSError as exc:
            reason = exc.strerror or str(exc)  # the OS's own words, after ours
            self._dialogs.warn(
                self,
                self.tr("Layout"),
                self.tr("Could not read %1 (%2).").replace("%1", str(path)).replace("%2", reason),
            )
            return
        self._append(new_image_element(data))

    def _choose_background(self) -> None:
        path = self._dialogs.open_path(
            self,
            self.tr("Background"),
            Path.home(),
            self.tr("Images or PDF (*.png *.jpg *.jpeg *.pdf)"),
        )
        if path is None:
            return

        def done(data: bytes) -> None:
            self._spec["background"] = base64.b64encode(data).decode("ascii")
            self._edited()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, BackgroundUnusable):
                self._dialogs.warn(self, self.tr("Background"), self._background_problem(exc))
                return
            self._fail(exc)

        self._runner.run(lambda: background_bytes(path), done, failed)

    def _background_problem(self, exc: BackgroundUnusable) -> str:
        if exc.kind == "pages":
            return self.tr("The background PDF must have exactly one page.")
        if exc.kind == "unreadable":
            return self.tr("This file cannot be read as an image or a PDF.")
        return self.tr("Cannot read the file: %1").replace("%1", exc.detail)

    def _clear_background(self) -> None:
        if self._spec.get("background"):
            self._spec["background"] = None
            self._edited()

    def _remove(self) -> None:
        row = self.element_list.currentRow()
        elements = self._spec.get("elements", [])
        if 0 <= row < len(elements):
            del elements[row]
            self._fill_list(row)
            self._edited()

    def _edited(self) -> None:
        self.status.setText(self.tr("Edited — not saved yet."))
        self._timer.start()

    def _choose(self, index: int) -> None:
        event_id = self._event_id
        key = self.layout_combo.itemData(index)
        if event_id is None or key is None:
            return
        self._runner.run(lambda: self._service.choose(event_id, key), self._show_choice, self._fail)

    def save(self) -> None:
        event_id = self._event_id
        if event_id is None or self._choice is None:
            return
        spec, base = copy.deepcopy(self._spec), self._choice.builtin_key

        def done(choice: LayoutChoice) -> None:
            self._show_choice(choice)
            self.status.setText(self.tr("Saved."))

        self._runner.run(lambda: self._service.save(event_id, spec, base), done, self._fail)

    # -- preview ------------------------------------------------------------------------------
    def refresh_preview(self) -> None:
        event_id = self._event_id
        if event_id is None or not self._spec:
            return
        self._generation += 1
        generation, spec = self._generation, copy.deepcopy(self._spec)
        width, attendee_id = PREVIEW_WIDTH, self.person_combo.currentData()

        def work() -> QImage:
            return self._render(self._service.preview(event_id, spec, attendee_id), width)

        def done(image: QImage) -> None:
            if generation != self._generation:
                return  # a newer edit is being rendered
            self.preview_image = image
            self._show_image()

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            if isinstance(exc, ValidationFailed):
                self.status.setText(exc.message.text(self._lang))
                return
            self._fail(exc)

        self._runner.run(work, done, failed)

    def _show_image(self) -> None:
        if self.preview_image is not None:
            self.preview.set_image(self.preview_image)

    def _fail(self, exc: BaseException) -> None:
        if isinstance(exc, FacilitatorError):
            self._dialogs.warn(self, self.tr("Layout"), exc.message.text(self._lang))
            return
        raise exc
