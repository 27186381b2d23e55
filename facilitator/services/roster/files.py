"""Importing a roster file into an event, and exporting the roster for Excel.

An import is all or nothing: every row is checked first, and if any is
invalid nothing is written (unless the user explicitly asks for the valid
rows only). Re-importing updates attendees by staff number; attendees missing
from the file are reported and only removed when the user confirms.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from facilitator.db.models import (
    Attendee,
    Certificate,
    CheckIn,
    Department,
    SubmissionMarker,
    Unavailability,
)
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import Clock
from facilitator.domain.roster_rules import (
    FIELDS,
    PreferenceMatcher,
    RosterField,
    RosterRecord,
    RowError,
    SessionChoice,
    check_records,
    nfkc,
)
from facilitator.domain.spreadsheet import neutralise
from facilitator.errors import InputRejected, Msg
from facilitator.importers.columns import (
    ColumnMapping,
    apply_mapping,
    guess_mapping,
    missing_columns_message,
)
from facilitator.importers.roster_reader import RawTable, read_roster_file
from facilitator.services import audit
from facilitator.services.event_rows import load_event
from facilitator.services.files import write_atomically
from facilitator.services.roster.attendees import RosterService
from facilitator.services.roster.queries import session_ids_by_label

EXPORT_HEADERS = ("職員番号", "氏名", "ふりがな", "所属", "職名", "役割", "希望", "セッション")
PREVIEW_ROWS = 50
# The Core tables, for executemany inserts that skip the ORM's per-row work.
ATTENDEES_TABLE = Attendee.metadata.tables[Attendee.__tablename__]
DEPARTMENTS_TABLE = Department.metadata.tables[Department.__tablename__]

# Attendee column <- record attribute, for the optional fields a file may omit.
_OPTIONAL = {
    RosterField.KANA: "kana",
    RosterField.TITLE: "title",
    RosterField.ROLE: "role",
    RosterField.EMAIL: "email",
}


@dataclass(frozen=True)
class ImportPreview:
    table: RawTable
    mapping: ColumnMapping

    @property
    def sample(self) -> tuple[tuple[str, ...], ...]:
        return self.table.rows[:PREVIEW_ROWS]


@dataclass(frozen=True)
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    missing: int = 0
    removed: int = 0
    skipped_rows: int = 0  # invalid rows left out on request
    errors: tuple[RowError, ...] = ()
    missing_staff: tuple[str, ...] = field(default=())

    def as_json(self, lang: str) -> dict[str, object]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "missing": self.missing,
            "errors": [
                {
                    "row": e.row,
                    "column": e.column,
                    "message": e.message.text("ja" if lang == "ja" else "en"),
                }
                for e in self.errors
            ],
        }


class RosterImportRejected(InputRejected):
    """Invalid rows: nothing was written. `report.errors` lists each (row, column, reason)."""

    def __init__(self, report: ImportReport) -> None:
        n = len(report.errors)
        first = report.errors[0]
        super().__init__(
            Msg(
                en=f"The roster was not imported: {n} problem(s), e.g. row {first.row}, {first.column}: {first.message.en}",
                ja=f"名簿を取り込みませんでした。問題が {n} 件あります（例：{first.row} 行目「{first.column}」：{first.message.ja}）",
            )
        )
        self.report = report


class RosterImportService:
    def __init__(self, workspace: Workspace, clock: Clock, roster: RosterService) -> None:
        self._workspace = workspace
        self._clock = clock
        self._roster = roster  # the export lists attendees as the roster area shows them

    def preview(
        self, path: Path, *, encoding: str | None = None, sheet: str | None = None
    ) -> ImportPreview:
        """Read `path` and guess the column mapping; nothing is written."""
        table = read_roster_file(path, encoding=encoding, sheet=sheet)
        return ImportPreview(table, guess_mapping(table.headers))

    def import_file(
        self,
        event_id: int,
        path: Path,
        *,
        encoding: str | None = None,
        sheet: str | None = None,
        mapping: ColumnMapping | None = None,
        valid_rows_only: bool = False,
        remove_missing: bool = False,
    ) -> ImportReport:
        """Read and import `path`; see `import_table`."""
        table = read_roster_file(path, encoding=encoding, sheet=sheet)
        return self.import_table(
            event_id,
            table,
            mapping,
            valid_rows_only=valid_rows_only,
            remove_missing=remove_missing,
        )

    def import_table(
        self,
        event_id: int,
        table: RawTable,
        mapping: ColumnMapping | None = None,
        *,
        valid_rows_only: bool = False,
        remove_missing: bool = False,
    ) -> ImportReport:
        """Add or update the table's attendees in one transaction.

        Raises `RosterImportRejected` (nothing written) when a row is invalid,
        unless `valid_rows_only`; `remove_missing` deletes attendees absent
        from the file who have no check-in, answer or certificate.
        """
        mapping = mapping or guess_mapping(table.headers)
        missing_cols = mapping.missing_required()
        if missing_cols:
            raise InputRejected(missing_columns_message(missing_cols, table.headers))
        mapped = apply_mapping(table.headers, table.rows, table.row_numbers, mapping)
        with self._workspace.session() as session:
            event = load_event(session, event_id)
            matcher = PreferenceMatcher([SessionChoice(s.label, s.start) for s in event.sessions])
            records, errors = check_records(mapped.rows, mapped.column_names, matcher)
            if errors and not valid_rows_only:
                raise RosterImportRejected(ImportReport(errors=tuple(errors)))
            if not records:
                raise RosterImportRejected(ImportReport(errors=tuple(errors)))
            # A skipped (invalid) row still names its attendee: they are in the file, so
            # they are neither reported missing nor removed by `remove_missing`.
            staff_i = FIELDS.index(RosterField.STAFF_NO)
            in_file = {nfkc(cells[staff_i] or "") for _, cells in mapped.rows} - {""}
            report = self._write(session, event_id, records, remove_missing, in_file)
        skipped = len({e.row for e in errors})
        return ImportReport(
            added=report.added,
            updated=report.updated,
            unchanged=report.unchanged,
            missing=report.missing,
            removed=report.removed,
            skipped_rows=skipped,
            errors=tuple(errors),
            missing_staff=report.missing_staff,
        )

    def _write(
        self,
        session: Session,
        event_id: int,
        records: list[RosterRecord],
        remove_missing: bool,
        in_file: set[str],
    ) -> ImportReport:
        now = self._clock.now()
        sessions = session_ids_by_label(session, event_id)
        departments = dict(
            session.execute(
                select(Department.name, Department.id).where(Department.event_id == event_id)
            ).all()
        )
        new_names = list(
            dict.fromkeys(r.department for r in records if r.department not in departments)
        )
        if new_names:
            # Core executemany: one statement for all new departments, in file order.
            start = len(departments)
            session.execute(
                insert(DEPARTMENTS_TABLE),
                [
                    {"event_id": event_id, "name": name, "kana": "", "position": start + i}
                    for i, name in enumerate(new_names)
                ],
            )
            departments = dict(
                session.execute(
                    select(Department.name, Department.id).where(Department.event_id == event_id)
                ).all()
            )
        existing = {
            a.staff_no: a
            for a in session.execute(
                select(
                    Attendee.id,
                    Attendee.staff_no,
                    Attendee.name,
                    Attendee.kana,
                    Attendee.department_id,
                    Attendee.title,
                    Attendee.role,
                    Attendee.email,
                    Attendee.preferred_session_id,
                ).where(Attendee.event_id == event_id)
            ).all()
        }
        old_unavailable = _unavailable_by_staff(session, event_id)
        new_unavailable = {
            r.staff_no: frozenset(sessions[label] for label in r.unavailable)
            for r in records
            if RosterField.UNAVAILABLE in r.given
        }
        inserts: list[dict[str, object]] = []
        updates: list[dict[str, object]] = []
        unchanged = 0
        for record in records:
            values: dict[str, object] = {
                "name": record.name,
                "department_id": departments[record.department],
            }
            for fld, attr in _OPTIONAL.items():
                if fld in record.given:
                    values[attr] = getattr(record, attr)
            if RosterField.PREFERENCE in record.given:
                values["preferred_session_id"] = (
                    sessions[record.preference] if record.preference else None
                )
            old = existing.get(record.staff_no)
            if old is None:
                inserts.append(
                    {
                        "event_id": event_id,
                        "staff_no": record.staff_no,
                        "kana": "",
                        "title": "",
                        "role": "",
                        "email": "",
                        "preferred_session_id": None,
                        **values,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
            elif any(getattr(old, k) != v for k, v in values.items()) or (
                record.staff_no in new_unavailable
                and new_unavailable[record.staff_no] != old_unavailable.get(record.staff_no, set())
            ):
                updates.append({"id": old.id, **values, "updated_at": now})
            else:
                unchanged += 1
        if inserts:
            # Core, not ORM bulk: the ORM splits rows into many small batches by which
            # values are NULL, which made a 10,000-row import several times slower.
            session.execute(insert(ATTENDEES_TABLE), inserts)
        if updates:
            session.execute(update(Attendee), updates)
        if new_unavailable:
            _write_unavailable(session, event_id, new_unavailable)
        missing = sorted(s for s in existing if s not in in_file)
        removed = self._remove(session, [existing[s].id for s in missing]) if remove_missing else 0
        audit.record(
            session,
            at=now,
            action="roster.import",
            event_id=event_id,
            entity="event",
            entity_id=event_id,
            detail={"added": len(inserts), "updated": len(updates), "removed": removed},
        )
        return ImportReport(
            added=len(inserts),
            updated=len(updates),
            unchanged=unchanged,
            missing=len(missing),
            removed=removed,
            missing_staff=tuple(missing),
        )

    def _remove(self, session: Session, ids: list[int]) -> int:
        """Delete attendees that carry no record; those with one are kept (nothing saved is lost)."""
        if not ids:
            return 0
        keep: set[int] = set()
        for model in (CheckIn, Certificate, SubmissionMarker):
            keep |= set(
                session.scalars(select(model.attendee_id).where(model.attendee_id.in_(ids)))
            )
        doomed = [i for i in ids if i not in keep]
        for attendee_id in doomed:
            row = session.get(Attendee, attendee_id)
            if row is not None:
                session.delete(row)
        return len(doomed)

    def export(self, event_id: int, out: Path) -> int:
        """Write the roster to `out` (.csv UTF-8 with BOM, or .xlsx); returns the rows written."""
        suffix = out.suffix.lower()
        if suffix not in (".csv", ".xlsx"):
            raise InputRejected(
                Msg(
                    en=f"Cannot export to {out.name}: use a .csv or .xlsx file name.",
                    ja=f"{out.name} には書き出せません。拡張子を .csv か .xlsx にしてください。",
                )
            )
        rows = self._export_rows(event_id)
        if suffix == ".csv":
            text = io.StringIO()
            writer = csv.writer(text)
            writer.writerow(EXPORT_HEADERS)
            writer.writerows([[neutralise(c) for c in row] for row in rows])
            data = text.getvalue().encode("utf-8-sig")
        else:
            from openpyxl import Workbook

            book = Workbook(write_only=True)
            sheet = book.create_sheet("名簿")
            sheet.append(list(EXPORT_HEADERS))
            for row in rows:
                sheet.append([neutralise(c) for c in row])
            buffer = io.BytesIO()
            book.save(buffer)
            data = buffer.getvalue()
        write_atomically(out, data)
        return len(rows)

    def _export_rows(self, event_id: int) -> list[tuple[str, ...]]:

        attendees = self._roster.list_attendees(event_id)
        return [
            (
                a.staff_no,
                a.name,
                a.kana,
                a.department,
                a.title,
                a.role,
                a.preferred_label,
                a.session_label,
            )
            for a in sorted(
                attendees, key=lambda a: (a.department_position, a.kana_key, a.staff_no)
            )
        ]


def _unavailable_by_staff(session: Session, event_id: int) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for staff_no, session_id in session.execute(
        select(Attendee.staff_no, Unavailability.session_id)
        .join(Unavailability, Unavailability.attendee_id == Attendee.id)
        .where(Attendee.event_id == event_id)
    ):
        out.setdefault(staff_no, set()).add(session_id)
    return out


def _write_unavailable(session: Session, event_id: int, wanted: dict[str, frozenset[int]]) -> None:
    """Replace the 不可 sessions of the attendees whose file row has the column."""
    ids = dict(
        session.execute(
            select(Attendee.staff_no, Attendee.id).where(
                Attendee.event_id == event_id, Attendee.staff_no.in_(list(wanted))
            )
        ).all()
    )
    session.execute(delete(Unavailability).where(Unavailability.attendee_id.in_(ids.values())))
    rows = [
        {"attendee_id": ids[staff_no], "session_id": s}
        for staff_no, sessions in wanted.items()
        for s in sorted(sessions)
    ]
    if rows:
        session.execute(insert(Unavailability), rows)
