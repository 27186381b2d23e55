"""Day-of rebooking: a session's no-shows offered a later session (see `domain.rebooking`).

`plan` lists the no-shows by department with what would happen to each; `rebook`
moves the ones offered the later session in one unit of work, and `notices`
renders the per-department notice naming who moved. The roster then has them in
the later session, so the phone check-in admits them there.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from facilitator.db.models import Attendee, CheckIn, Department, TrainingSession
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import Clock
from facilitator.domain.rebooking import Member, RebookOutcome, plan_rebooking
from facilitator.domain.scheduling_inputs import role_kind
from facilitator.errors import InputRejected, Msg
from facilitator.lang import Lang
from facilitator.services import audit
from facilitator.services.event_rows import load_event

OUTCOME_TEXT: dict[RebookOutcome, Msg] = {
    RebookOutcome.MOVED: Msg(en="moves to {to}", ja="{to} に変更"),
    RebookOutcome.NO_ROOM: Msg(en="stays: {to} is full", ja="変更なし：{to} は満員"),
    RebookOutcome.ROLES_APART: Msg(
        en="stays: the department's leader or sub-leader attends {to}",
        ja="変更なし：所属の DX推進リーダー／サブリーダーが {to} を受講",
    ),
    RebookOutcome.SPLIT: Msg(
        en="stays: the whole department would be away in {to}",
        ja="変更なし：{to} に所属の全員が不在になるため",
    ),
}


@dataclass(frozen=True)
class NoShow:
    attendee_id: int
    staff_no: str
    name: str
    title: str
    department: str
    outcome: RebookOutcome

    def describe(self, lang: Lang, to_label: str) -> str:
        return OUTCOME_TEXT[self.outcome].text(lang).replace("{to}", to_label)


@dataclass(frozen=True)
class RebookReport:
    from_label: str
    to_label: str
    room: int  # free places in the later session before rebooking
    people: tuple[NoShow, ...]  # department order, then staff number
    saved: bool

    @property
    def moved(self) -> tuple[NoShow, ...]:
        return tuple(p for p in self.people if p.outcome is RebookOutcome.MOVED)

    def by_department(self) -> dict[str, list[NoShow]]:
        out: dict[str, list[NoShow]] = {}
        for p in self.people:
            out.setdefault(p.department, []).append(p)
        return out

    def as_json(self, lang: Lang = "en") -> dict[str, object]:
        return {
            "from": self.from_label,
            "to": self.to_label,
            "room": self.room,
            "saved": self.saved,
            "moved": len(self.moved),
            "departments": [
                {
                    "department": dept,
                    "no_shows": [
                        {
                            "staff_no": p.staff_no,
                            "name": p.name,
                            "outcome": p.outcome.value,
                            "message": p.describe(lang, self.to_label),
                        }
                        for p in people
                    ],
                }
                for dept, people in self.by_department().items()
            ],
        }


class RebookService:
    def __init__(self, workspace: Workspace, clock: Clock) -> None:
        self._workspace = workspace
        self._clock = clock

    def plan(self, event_id: int, from_label: str, to_label: str) -> RebookReport:
        """The no-shows of `from_label` by department and what rebooking would do; writes nothing."""
        with self._workspace.session(readonly=True) as session:
            return self._plan(session, event_id, from_label, to_label, saved=False)

    def rebook(
        self,
        event_id: int,
        from_label: str,
        to_label: str,
        *,
        expected: frozenset[int] | None = None,
    ) -> RebookReport:
        """Move the no-shows offered `to_label` there, in one unit of work.

        `expected` is the ids the user agreed to move: when somebody checked in
        (or the roster changed) since, nothing is written and the new plan comes
        back with `saved=False`, to be asked about again.
        """
        with self._workspace.session() as session:
            report = self._plan(session, event_id, from_label, to_label, saved=True)
            ids = [p.attendee_id for p in report.moved]
            if expected is not None and frozenset(ids) != expected:
                return RebookReport(
                    report.from_label, report.to_label, report.room, report.people, saved=False
                )
            to_id = _session(session, event_id, to_label).id
            now = self._clock.now()
            if ids:
                session.execute(
                    update(Attendee),
                    [{"id": i, "assigned_session_id": to_id, "updated_at": now} for i in ids],
                )
            audit.record(
                session,
                at=now,
                action="schedule.rebook",
                event_id=event_id,
                entity="event",
                entity_id=event_id,
                detail={
                    "from": from_label,
                    "to": to_label,
                    "moved": [p.staff_no for p in report.moved],
                },
            )
        return report

    def notices(self, event_id: int, report: RebookReport) -> bytes:
        """The notice PDF: one page per department that had somebody moved."""
        from facilitator.pdf.rebook_notice import (
            MovedLine,
            RebookNotice,
            RebookSessions,
            render_rebook_notices,
        )
        from facilitator.services.roster.papers import date_ja

        if not report.moved:
            raise InputRejected(
                Msg(
                    en="Nobody was moved, so there is no notice to write.",
                    ja="変更した受講者がいないため、お知らせは作成しません。",
                )
            )
        with self._workspace.session(readonly=True) as session:
            event = load_event(session, event_id)
            target = _session(session, event_id, report.to_label)
            sessions = RebookSessions(
                event_title=event.title,
                day=date_ja(target.date),
                from_label=report.from_label,
                to_label=target.label,
                to_time=f"{target.start.hour}:{target.start.minute:02d}〜"
                f"{target.end.hour}:{target.end.minute:02d}",
                to_room=target.room,
                issuer=event.issuer,
            )
        notices = [
            RebookNotice(dept, tuple(MovedLine(p.name, p.title, p.staff_no) for p in moved))
            for dept, people in report.by_department().items()
            if (moved := [p for p in people if p.outcome is RebookOutcome.MOVED])
        ]
        return render_rebook_notices(sessions, notices)

    def _plan(
        self, session: Session, event_id: int, from_label: str, to_label: str, *, saved: bool
    ) -> RebookReport:
        load_event(session, event_id)
        source = _session(session, event_id, from_label)
        target = _session(session, event_id, to_label)
        if source.id == target.id:
            raise InputRejected(
                Msg(
                    en=f"Choose two different sessions (both are {from_label}).",
                    ja=f"異なる二つのセッションを選んでください（どちらも {from_label} です）。",
                )
            )
        checked = set(
            session.scalars(
                select(CheckIn.attendee_id).where(
                    CheckIn.session_id == source.id, CheckIn.undone_at.is_(None)
                )
            )
        )
        rows = session.execute(
            select(
                Attendee.id,
                Attendee.staff_no,
                Attendee.name,
                Attendee.title,
                Attendee.role,
                Attendee.assigned_session_id,
                Department.name,
            )
            .join(Department, Department.id == Attendee.department_id)
            .where(Attendee.event_id == event_id)
            .order_by(Department.position, Attendee.staff_no)
        ).all()
        departments = list(dict.fromkeys(r[6] for r in rows))
        members = [
            Member(
                key=r[0],
                department=r[6],
                role=role_kind(r[4]),
                in_target=r[5] == target.id,
                no_show=r[5] == source.id and r[0] not in checked,
                order=r[1],
            )
            for r in rows
        ]
        in_target = sum(1 for m in members if m.in_target)
        room = max(0, target.capacity - in_target)
        outcome = {o.key: o.outcome for o in plan_rebooking(members, room, departments)}
        people = tuple(
            NoShow(r[0], r[1], r[2], r[3], r[6], outcome[r[0]]) for r in rows if r[0] in outcome
        )
        return RebookReport(source.label, target.label, room, people, saved)


def _session(session: Session, event_id: int, label: str) -> TrainingSession:
    rows = session.scalars(
        select(TrainingSession).where(TrainingSession.event_id == event_id)
    ).all()
    for row in rows:
        if row.label.casefold() == label.strip().casefold():
            return row
    labels = ", ".join(r.label for r in rows) or "-"
    raise InputRejected(
        Msg(
            en=f"This event has no session {label!r} (sessions: {labels}).",
            ja=f"この研修にセッション「{label}」はありません（セッション：{labels}）。",
        )
    )
