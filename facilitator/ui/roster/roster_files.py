"""The roster's files: importing a staff list (through the preview dialog) and exporting
the roster, each ending with what happened said in the view."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from facilitator.lang import Lang
from facilitator.services.roster.area import RosterServices
from facilitator.ui.dialogs import Dialogs
from facilitator.ui.roster.import_dialog import ImportDialog
from facilitator.ui.runner import Runner
from facilitator.ui.saved_file_notice import SavedFileNotice


class RosterFiles(QObject):
    def __init__(
        self,
        parent: QWidget,
        services: RosterServices,
        runner: Runner,
        *,
        lang: Lang,
        dialogs: Dialogs,
        saved: SavedFileNotice,
        event_id: Callable[[], int | None],
        last_action: QLabel,
        reload: Callable[[], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        super().__init__(parent)
        self._parent, self._s, self._runner = parent, services, runner
        self._lang, self._dialogs, self._saved = lang, dialogs, saved
        self._event_id, self._last_action = event_id, last_action
        self._reload, self._failed = reload, failed
        self.import_dialog: ImportDialog | None = None

    def ask_import(self) -> None:
        path = self._dialogs.open_path(
            self._parent,
            self.tr("Import roster"),
            Path.home(),
            self.tr("Rosters (*.csv *.tsv *.txt *.xlsx)"),
        )
        if path is not None:
            self.open_import(path)

    def open_import(self, path: Path) -> ImportDialog:
        """Show the import preview for `path` (non-blocking) and reload when it is done."""
        event_id = self._event_id()
        assert event_id is not None
        dialog = ImportDialog(
            self._s.importer, self._runner, self._dialogs, self._lang, event_id, path, self._parent
        )
        dialog.finished.connect(lambda result: self._import_finished(dialog, result))
        self.import_dialog = dialog
        dialog.open()
        dialog.load()
        return dialog

    def _import_finished(self, dialog: ImportDialog, result: int) -> None:
        report = dialog.report
        if result == QDialog.DialogCode.Accepted and report is not None:
            self._last_action.setText(
                self.tr(
                    "Imported: %1 added, %2 updated, %3 unchanged, %4 not in the file (%5 removed)."
                )
                .replace("%1", str(report.added))
                .replace("%2", str(report.updated))
                .replace("%3", str(report.unchanged))
                .replace("%4", str(report.missing))
                .replace("%5", str(report.removed))
            )
        self._reload()

    def ask_export(self) -> None:
        event_id = self._event_id()
        path = self._dialogs.save_path(
            self._parent,
            self.tr("Export roster"),
            Path.home() / "roster.xlsx",
            self.tr("Excel (*.xlsx);;CSV (*.csv)"),
        )
        if path is None or event_id is None:
            return
        self._runner.run(
            lambda: self._s.importer.export(event_id, path),
            lambda n: self._saved.offer(
                self._parent,
                self.tr("Roster"),
                self.tr("Wrote %1 attendees to %2.").replace("%1", str(n)).replace("%2", str(path)),
                path,
            ),
            self._failed,
        )
