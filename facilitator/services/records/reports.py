"""Reports from the records: who attended what, which departments lag, every
certificate, and who has not yet taken a training (as a roster to import).

Each report is a header and rows of plain values; `report_files` writes them
as CSV (UTF-8 or CP932) or XLSX, with formula-like cells neutralised.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from sqlalchemy import Connection, and_, case, exists, func, select

from facilitator.db.records.models import (
    Attendance,
    Enrolment,
    Person,
    RecordCertificate,
    RecordEvent,
    RecordSession,
    TrainingStatus,
)
from facilitator.db.records.store import RecordsStore
from facilitator.domain.checkin import CheckInMethod
from facilitator.domain.checkin_methods import method_label
from facilitator.errors import InputRejected, Msg

Cell = str | int | float


class ReportKind(Enum):
    MATRIX = "matrix"
    HISTORY = "history"
    CERTIFICATES = "certificates"
    PENDING = "pending"


@dataclass(frozen=True)
class Report:
    kind: ReportKind
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    title: str


@dataclass(frozen=True)
class MatrixCell:
    attended: int
    assigned: int

    @property
    def rate(self) -> float:
        return round(100.0 * self.attended / self.assigned, 1) if self.assigned else 0.0


@dataclass(frozen=True)
class Matrix:
    """Department x training: attended / assigned."""

    trainings: tuple[str, ...]
    departments: tuple[str, ...]
    cells: dict[tuple[str, str], MatrixCell]  # (department, training)

    def totals(self, training: str) -> MatrixCell:
        attended = sum(c.attended for (_, t), c in self.cells.items() if t == training)
        assigned = sum(c.assigned for (_, t), c in self.cells.items() if t == training)
        return MatrixCell(attended, assigned)


@dataclass(frozen=True)
class HistoryRow:
    staff_no: str
    name: str
    department: str
    training: str
    date: date
    session: str
    attended: bool
    checked_in_at: datetime | None
    methods: str
    certificate: str
    certificate_revoked: bool


# Roster headers `roster import` recognises (importers/columns.py).
PENDING_HEADER = ("職員番号", "氏名", "ふりがな", "所属", "職名", "役割", "メール")


def _trainings(conn: Connection) -> list[str]:
    e = RecordEvent.__table__
    return list(
        conn.execute(
            select(e.c.title).group_by(e.c.title).order_by(func.min(e.c.date), e.c.title)
        ).scalars()
    )


def _when(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else ""


def _methods(codes: str) -> str:
    """The recorded method codes ("phone,walk_in") in the words the desk uses, both
    languages like every other cell here; a code this version does not know stays as is."""
    words: list[str] = []
    for code in filter(None, codes.split(",")):
        try:
            label = method_label(CheckInMethod(code))
        except ValueError:
            word = code
        else:
            word = f"{label.ja} {label.en}"
        if word not in words:  # webcam and USB are both 受講票QR
            words.append(word)
    return "、".join(words)


class RecordsReports:
    """Queries over the records; each method is one read."""

    def __init__(self, store: RecordsStore) -> None:
        self._store = store

    def trainings(self) -> list[str]:
        """Every training title, the earliest first."""
        with self._store.reading() as conn:
            return _trainings(conn)

    def _require_training(self, conn: Connection, training: str | None) -> None:
        if training is None:
            return
        e = RecordEvent.__table__
        if conn.execute(select(e.c.uuid).where(e.c.title == training).limit(1)).first() is None:
            known = "、".join(_trainings(conn)[:10])
            raise InputRejected(
                Msg(
                    en=f"No training titled {training!r} is in the records."
                    + (f" Known: {known}." if known else " The records are empty."),
                    ja=f"「{training}」という研修は記録にありません。"
                    + (f"記録にある研修：{known}" if known else "記録はまだ空です。"),
                )
            )

    def matrix(self, training: str | None = None) -> Matrix:
        """Department x training. A person counts once per training (however many days
        it had), in the department of their latest day of it (`training_status`)."""
        ts, e = TrainingStatus.__table__, RecordEvent.__table__
        query = select(
            ts.c.department,
            ts.c.title,
            func.count(),
            func.sum(case((ts.c.attended, 1), else_=0)),
        ).group_by(ts.c.title, ts.c.department)
        if training is not None:
            query = query.where(ts.c.title == training)
        with self._store.reading() as conn:
            self._require_training(conn, training)
            rows = conn.execute(query).all()
            first = dict(
                conn.execute(select(e.c.title, func.min(e.c.date)).group_by(e.c.title)).all()
            )
        cells = {
            (department, title): MatrixCell(int(attended or 0), int(assigned))
            for department, title, assigned, attended in rows
        }
        trainings = tuple(sorted({t for _, t in cells}, key=lambda t: (first.get(t), t)))
        departments = tuple(sorted({d for d, _ in cells}))
        return Matrix(trainings, departments, cells)

    def history(
        self, training: str | None = None, staff_key: str | None = None
    ) -> list[HistoryRow]:
        """One row per person per training day; `staff_key` narrows it to one person."""
        en, e, a = Enrolment.__table__, RecordEvent.__table__, Attendance.__table__
        p, s, c = Person.__table__, RecordSession.__table__, RecordCertificate.__table__
        query = (
            select(
                p.c.staff_no,
                p.c.name,
                en.c.department,
                e.c.title,
                e.c.date,
                s.c.label,
                a.c.checked_in_at,
                a.c.methods,
                c.c.number,
                c.c.revoked_at,
            )
            .select_from(en)
            .join(p, p.c.id == en.c.person_id)
            .join(e, e.c.uuid == en.c.event_uuid)
            .outerjoin(a, and_(a.c.event_uuid == en.c.event_uuid, a.c.person_id == en.c.person_id))
            .outerjoin(s, s.c.uuid == func.coalesce(a.c.session_uuid, en.c.session_uuid))
            .outerjoin(c, and_(c.c.event_uuid == en.c.event_uuid, c.c.person_id == en.c.person_id))
            .order_by(en.c.department, p.c.kana, p.c.staff_no, e.c.date, e.c.title)
        )
        if training is not None:
            query = query.where(e.c.title == training)
        if staff_key is not None:
            query = query.where(p.c.staff_key == staff_key)
        with self._store.reading() as conn:
            self._require_training(conn, training)
            return [
                HistoryRow(
                    staff_no=r.staff_no,
                    name=r.name,
                    department=r.department,
                    training=r.title,
                    date=r.date,
                    session=r.label or "",
                    attended=r.checked_in_at is not None,
                    checked_in_at=r.checked_in_at,
                    methods=r.methods or "",
                    certificate=r.number or "",
                    certificate_revoked=r.revoked_at is not None,
                )
                for r in conn.execute(query)
            ]

    def report(self, kind: ReportKind, training: str | None = None) -> Report:
        if kind is ReportKind.MATRIX:
            return _matrix_report(self.matrix(training))
        if kind is ReportKind.HISTORY:
            return _history_report(self.history(training), training)
        if kind is ReportKind.CERTIFICATES:
            return self._certificates(training)
        if training is None:
            raise InputRejected(
                Msg(
                    en="The pending report needs the training: --training TITLE.",
                    ja="未受講者の一覧には研修名が必要です：--training 研修名",
                )
            )
        return self._pending(training)

    def _certificates(self, training: str | None) -> Report:
        c, p, e = RecordCertificate.__table__, Person.__table__, RecordEvent.__table__
        en = Enrolment.__table__
        query = (
            select(
                c.c.number,
                p.c.staff_no,
                p.c.name,
                func.coalesce(en.c.department, p.c.department),
                e.c.title,
                e.c.date,
                c.c.issued_at,
                c.c.revoked_at,
                c.c.revoke_reason,
                c.c.reissue_count,
                c.c.code,
            )
            .select_from(c)
            .join(p, p.c.id == c.c.person_id)
            .join(e, e.c.uuid == c.c.event_uuid)
            .outerjoin(en, and_(en.c.event_uuid == c.c.event_uuid, en.c.person_id == c.c.person_id))
            .order_by(e.c.date, c.c.number)
        )
        if training is not None:
            query = query.where(e.c.title == training)
        with self._store.reading() as conn:
            self._require_training(conn, training)
            rows = conn.execute(query).all()
        return Report(
            ReportKind.CERTIFICATES,
            (
                "番号 Number",
                "職員番号 Staff no.",
                "氏名 Name",
                "所属 Department",
                "研修 Training",
                "実施日 Date",
                "発行日時 Issued",
                "状態 Status",
                "取消日時 Revoked",
                "取消理由 Reason",
                "再発行回数 Reissues",
                "検証コード Verification code",
            ),
            tuple(
                (
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    r[5].isoformat(),
                    _when(r[6]),
                    "取消 revoked" if r[7] else "有効 valid",
                    _when(r[7]),
                    r[8],
                    r[9],
                    r[10],
                )
                for r in rows
            ),
            training or "修了証台帳 Certificates",
        )

    def _pending(self, training: str) -> Report:
        p, a, e = Person.__table__, Attendance.__table__, RecordEvent.__table__
        attended = exists(
            select(a.c.person_id)
            .join(e, e.c.uuid == a.c.event_uuid)
            .where(and_(a.c.person_id == p.c.id, e.c.title == training))
        )
        query = (
            select(p.c.staff_no, p.c.name, p.c.kana, p.c.department, p.c.title, p.c.role, p.c.email)
            .where(~attended)
            .order_by(p.c.department, p.c.role, p.c.kana, p.c.staff_no)
        )
        with self._store.reading() as conn:
            self._require_training(conn, training)
            rows = conn.execute(query).all()
        return Report(ReportKind.PENDING, PENDING_HEADER, tuple(tuple(r) for r in rows), training)


def _matrix_report(matrix: Matrix) -> Report:
    header: list[str] = ["所属 Department"]
    for training in matrix.trainings:
        header += [
            f"{training} 出席 attended",
            f"{training} 対象 assigned",
            f"{training} 出席率% rate",
        ]
    rows: list[tuple[Cell, ...]] = []
    for department in matrix.departments:
        row: list[Cell] = [department]
        for training in matrix.trainings:
            cell = matrix.cells.get((department, training))
            row += [cell.attended, cell.assigned, cell.rate] if cell else ["", "", ""]
        rows.append(tuple(row))
    total: list[Cell] = ["合計 Total"]
    for training in matrix.trainings:
        cell = matrix.totals(training)
        total += [cell.attended, cell.assigned, cell.rate]
    rows.append(tuple(total))
    return Report(ReportKind.MATRIX, tuple(header), tuple(rows), "受講状況 Attendance matrix")


def _history_report(rows: list[HistoryRow], training: str | None) -> Report:
    return Report(
        ReportKind.HISTORY,
        (
            "職員番号 Staff no.",
            "氏名 Name",
            "所属 Department",
            "研修 Training",
            "実施日 Date",
            "セッション Session",
            "出席 Attended",
            "受付日時 Checked in",
            "受付方法 Methods",
            "修了証番号 Certificate",
            "修了証の状態 Certificate status",
        ),
        tuple(
            (
                r.staff_no,
                r.name,
                r.department,
                r.training,
                r.date.isoformat(),
                r.session,
                "出席 yes" if r.attended else "欠席 no",
                _when(r.checked_in_at),
                _methods(r.methods),
                r.certificate,
                ("取消 revoked" if r.certificate_revoked else "有効 valid")
                if r.certificate
                else "",
            )
            for r in rows
        ),
        training or "受講履歴 History",
    )
