"""Importing a roster file: preview, encoding/sheet choice, column mapping, errors, confirmation."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.roster_rules import RosterField
from facilitator.errors import FacilitatorError
from facilitator.importers.columns import ColumnMapping
from facilitator.lang import Lang
from facilitator.services.roster.files import (
    ImportPreview,
    ImportReport,
    RosterImportRejected,
    RosterImportService,
)
from facilitator.ui.dialogs import Dialogs
from facilitator.ui.runner import Runner

ENCODING_CHOICES: tuple[str | None, ...] = (None, "utf-8", "cp932")


class ImportDialog(QDialog):
    def __init__(
        self,
        service: RosterImportService,
        runner: Runner,
        dialogs: Dialogs,
        lang: Lang,
        event_id: int,
        path: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service, self._runner, self._dialogs, self._lang = service, runner, dialogs, lang
        self._event_id, self._path = event_id, path
        self._preview: ImportPreview | None = None
        self.report: ImportReport | None = None
        self._first_report: ImportReport | None = None
        self.setWindowTitle(self.tr("Import roster"))
        self.resize(960, 640)

        self.encoding = QComboBox()
        self.encoding.addItems([self.tr("Automatic"), "UTF-8", self.tr("Shift_JIS (CP932)")])
        self.sheet = QComboBox()
        self.sheet_label = QLabel(self.tr("Sheet"))
        # Only a workbook has sheets; the preview shows the chooser once one is read.
        self.sheet.hide()
        self.sheet_label.hide()
        self.mapping_boxes: dict[RosterField, QComboBox] = {}
        self.preview_table = QTableWidget()
        self.preview_table.setObjectName("previewTable")
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.errors_table = QTableWidget(0, 3)
        self.errors_table.setObjectName("errorsTable")
        self.errors_table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Problem")]
        )
        self.errors_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.errors_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.errors_table.verticalHeader().hide()  # the "Row" column already says where
        self.errors_table.hide()
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("importButton")
        self.import_button.setDefault(True)
        self.valid_only_button = QPushButton(self.tr("Import the valid rows only"))
        self.valid_only_button.setObjectName("validOnlyButton")
        self.valid_only_button.hide()
        cancel = QPushButton(self.tr("Cancel"))
        self._layout(cancel)

        self.encoding.currentIndexChanged.connect(lambda _i: self.load())
        self.sheet.activated.connect(lambda _i: self.load())
        self.import_button.clicked.connect(lambda: self._import(valid_only=False))
        self.valid_only_button.clicked.connect(lambda: self._import(valid_only=True))
        cancel.clicked.connect(self.reject)

    def _layout(self, cancel: QPushButton) -> None:
        column = QVBoxLayout(self)
        column.addWidget(QLabel(self.tr("File: %1").replace("%1", self._path.name)))
        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("Encoding")))
        options.addWidget(self.encoding)
        options.addWidget(self.sheet_label)
        options.addWidget(self.sheet)
        options.addStretch(1)
        column.addLayout(options)
        grid = QGridLayout()
        names = {
            RosterField.STAFF_NO: self.tr("Staff no. *"),
            RosterField.NAME: self.tr("Name *"),
            RosterField.KANA: self.tr("Kana"),
            RosterField.DEPARTMENT: self.tr("Department *"),
            RosterField.TITLE: self.tr("Title"),
            RosterField.ROLE: self.tr("Role"),
            RosterField.PREFERENCE: self.tr("Preference"),
            RosterField.EMAIL: self.tr("E-mail"),
            RosterField.UNAVAILABLE: self.tr("Unavailable (不可)"),
        }
        for i, fld in enumerate(RosterField):
            box = QComboBox()
            box.setObjectName(f"mapping_{fld.value}")
            box.currentIndexChanged.connect(self._mapping_changed)
            self.mapping_boxes[fld] = box
            grid.addWidget(QLabel(names[fld]), i // 4 * 2, i % 4)
            grid.addWidget(box, i // 4 * 2 + 1, i % 4)
        column.addWidget(QLabel(self.tr("Which column holds which field (* required):")))
        column.addLayout(grid)
        column.addWidget(self.preview_table, 3)
        column.addWidget(self.errors_table, 2)
        column.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.valid_only_button)
        buttons.addWidget(cancel)
        buttons.addWidget(self.import_button)
        column.addLayout(buttons)

    # -- preview -----------------------------------------------------------------------------
    def load(self) -> None:
        """Read the file (off the GUI thread) with the chosen encoding and sheet."""
        encoding = ENCODING_CHOICES[self.encoding.currentIndex()]
        sheet = self.sheet.currentText() or None if self.sheet.count() else None
        self.import_button.setEnabled(False)
        self.status.setText(self.tr("Reading the file…"))
        self._runner.run(
            lambda: self._service.preview(self._path, encoding=encoding, sheet=sheet),
            self._show_preview,
            self._show_error,
        )

    def _show_preview(self, preview: ImportPreview) -> None:
        self._preview = preview
        table = preview.table
        self.sheet.blockSignals(True)
        if table.sheets and self.sheet.count() != len(table.sheets):
            self.sheet.clear()
            self.sheet.addItems(list(table.sheets))
        if table.sheet:
            self.sheet.setCurrentText(table.sheet)
        self.sheet.blockSignals(False)
        self.sheet.setVisible(bool(table.sheets))
        self.sheet_label.setVisible(bool(table.sheets))
        self.encoding.setEnabled(table.encoding is not None)
        choices = [self.tr("(not in file)")] + [
            f"{i + 1}: {h}" for i, h in enumerate(table.headers)
        ]
        for fld, box in self.mapping_boxes.items():
            box.blockSignals(True)
            box.clear()
            box.addItems(choices)
            index = preview.mapping.get(fld)
            box.setCurrentIndex(0 if index is None else index + 1)
            box.blockSignals(False)
        sample = preview.sample
        self.preview_table.setColumnCount(len(table.headers))
        self.preview_table.setRowCount(len(sample))
        for r, row in enumerate(sample):
            for c in range(len(table.headers)):
                self.preview_table.setItem(r, c, QTableWidgetItem(row[c] if c < len(row) else ""))
        # Number rows as the file does, so they match the rows named in any problem below.
        self.preview_table.setVerticalHeaderLabels(
            [str(n) for n in table.row_numbers[: len(sample)]]
        )
        self._mapping_changed()
        self.preview_table.resizeColumnsToContents()

    def mapping(self) -> ColumnMapping:
        columns = {
            fld: box.currentIndex() - 1
            for fld, box in self.mapping_boxes.items()
            if box.currentIndex() > 0
        }
        return ColumnMapping(columns)

    def _mapping_changed(self) -> None:
        if self._preview is None:
            return
        mapping = self.mapping()
        by_column = {i: fld for fld, i in mapping.columns.items()}
        labels = []
        for i, header in enumerate(self._preview.table.headers):
            fld = by_column.get(i)
            labels.append(f"{header}\n→ {self._field_name(fld)}" if fld else f"{header}\n—")
        self.preview_table.setHorizontalHeaderLabels(labels)
        missing = mapping.missing_required()
        self.import_button.setEnabled(not missing)
        if missing:
            self.status.setText(
                self.tr("Choose the column for: %1").replace(
                    "%1", ", ".join(self._field_name(f) for f in missing)
                )
            )
        else:
            table = self._preview.table
            self.status.setText(
                self.tr("%1 rows read (encoding: %2). Check the columns, then import.")
                .replace("%1", str(len(table.rows)))
                .replace("%2", table.encoding or "XLSX")
            )

    def _field_name(self, fld: RosterField) -> str:
        return fld.label.text(self._lang)

    def _show_error(self, exc: BaseException) -> None:
        if not isinstance(exc, FacilitatorError):
            raise exc
        self.status.setText(exc.message.text(self._lang))
        self.import_button.setEnabled(False)

    # -- import ------------------------------------------------------------------------------
    def _import(self, *, valid_only: bool, remove_missing: bool = False) -> None:
        preview = self._preview
        if preview is None:
            return
        mapping = self.mapping()
        self.import_button.setEnabled(False)
        self.valid_only_button.setEnabled(False)
        self.status.setText(self.tr("Importing…"))
        self._runner.run(
            lambda: self._service.import_table(
                self._event_id,
                preview.table,
                mapping,
                valid_rows_only=valid_only,
                remove_missing=remove_missing,
            ),
            lambda report: self._imported(report, valid_only, remove_missing),
            self._import_failed,
        )

    def _import_failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.valid_only_button.setEnabled(True)
        if isinstance(exc, RosterImportRejected):
            errors = exc.report.errors
            self.errors_table.setRowCount(len(errors))
            for r, e in enumerate(errors):
                self.errors_table.setItem(r, 0, QTableWidgetItem(str(e.row)))
                self.errors_table.setItem(r, 1, QTableWidgetItem(e.column))
                self.errors_table.setItem(r, 2, QTableWidgetItem(e.message.text(self._lang)))
            self.errors_table.show()
            self.valid_only_button.show()
            self.status.setText(
                self.tr(
                    "Nothing was imported: %1 problem(s) below. Fix the file, or import the valid rows only."
                ).replace("%1", str(len(errors)))
            )
            return
        self._show_error(exc)
        self.import_button.setEnabled(True)

    def _imported(self, report: ImportReport, valid_only: bool, removed: bool) -> None:
        if report.missing and not removed:
            # The list separator is translated ("、" in Japanese); "…" says the list goes on.
            names = self.tr(", ").join(report.missing_staff[:10])
            if len(report.missing_staff) > 10:
                names += "…"
            if self._dialogs.confirm(
                self,
                self.tr("Import roster"),
                self.tr(
                    "%1 attendees in the workspace are not in this file (staff no. %2). "
                    "Remove them? Attendees with check-ins, answers or certificates are always kept."
                )
                .replace("%1", str(report.missing))
                .replace("%2", names),
            ):
                self._first_report = report
                self._import(valid_only=valid_only, remove_missing=True)
                return
        first = self._first_report
        if removed and first is not None:
            # The second pass only removed people; the additions happened in the first.
            report = replace(first, removed=report.removed)
        self.report = report
        self.accept()
