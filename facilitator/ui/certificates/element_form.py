"""The fields of one layout element: its text, position and size in mm, font, alignment."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QLineEdit, QWidget


class ElementForm(QWidget):
    """Lays out the fields; `changed` fires on any edit by the user (the panel decides)."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("elementText")
        self.text_edit.setToolTip(
            self.tr(
                "Placeholders: {name} {name_kana} {department} {title} {event} {date} "
                "{date_wareki} {hours} {number} {issuer} {signatory} {code}"
            )
        )
        self.spins: dict[str, QDoubleSpinBox] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Text"), self.text_edit)
        for key, label in (
            ("x", self.tr("Left (mm)")),
            ("y", self.tr("Top (mm)")),
            ("width", self.tr("Width (mm)")),
            ("height", self.tr("Height (mm)")),
            ("size", self.tr("Size (pt / mm for QR)")),
        ):
            spin = QDoubleSpinBox()
            spin.setObjectName(f"spin_{key}")
            spin.setRange(0.0, 420.0)
            spin.setDecimals(1)
            form.addRow(label, spin)
            self.spins[key] = spin
        self.font_combo = QComboBox()
        self.font_combo.setObjectName("fontCombo")
        self.font_combo.addItem(self.tr("Mincho"), "mincho")
        self.font_combo.addItem(self.tr("Gothic"), "gothic")
        self.align_combo = QComboBox()
        self.align_combo.setObjectName("alignCombo")
        for label, value in (
            (self.tr("Left"), "left"),
            (self.tr("Centre"), "center"),
            (self.tr("Right"), "right"),
        ):
            self.align_combo.addItem(label, value)
        form.addRow(self.tr("Font"), self.font_combo)
        form.addRow(self.tr("Alignment"), self.align_combo)
        self.text_edit.textEdited.connect(lambda _text: self.changed.emit())
        for spin in self.spins.values():
            spin.valueChanged.connect(lambda _value: self.changed.emit())
        self.font_combo.activated.connect(lambda _index: self.changed.emit())
        self.align_combo.activated.connect(lambda _index: self.changed.emit())
