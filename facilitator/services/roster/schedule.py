"""Automatic session assignment for an event's roster (see `domain.scheduling`).

Re-assignment is stable: people already placed stay unless a rule forces a
move. A plan that moves anybody is only saved when the caller accepts its
moves (the GUI shows them and asks; the CLI needs `--yes`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from facilitator.db.models import Attendee, CheckIn, Department, Unavailability
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import Clock
from facilitator.domain.scheduling import Plan, assign
from facilitator.domain.scheduling_inputs import Person, Slot, role_kind
from facilitator.domain.scheduling_issues import Issue, Move, Shortfall
from facilitator.domain.scheduling_model import LexSolve
from facilitator.domain.scheduling_rules import Level
from facilitator.errors import InputRejected, Msg
from facilitator.lang import Lang
from facilitator.services import audit
from facilitator.services.event_rows import load_event
from facilitator.services.roster.slips import printed_sessions


@dataclass(frozen=True)
class MoveRow:
    """A move as the roster shows it: the domain's move plus the staff number and slip state."""

    move: Move
    staff_no: str
    slip_printed: bool  # a slip for the old session is out: it goes stale


@dataclass(frozen=True)
class AssignmentReport:
    sessions: dict[str, int]  # label -> attendees in it under this plan
    unassigned: int
    preferences_stated: int
    preferences_met: int
    split_departments: int
    departments_with_2plus: int
    changed: int  # attendees whose session changed (new people included)
    moves: tuple[MoveRow, ...]  # already-placed people who change session
    shortfalls: tuple[Shortfall, ...]
    issues: tuple[Issue, ...]
    saved: bool  # False: the plan moves people and the moves were not accepted
    fresh: bool

    @property
    def unmet_preferences(self) -> int:
        return self.preferences_stated - self.preferences_met

    @property
    def stale_slips(self) -> tuple[MoveRow, ...]:
        """Moved people whose printed slip names their old session: reprint these."""
        return tuple(m for m in self.moves if m.slip_printed)

    def as_json(self, lang: Lang = "en") -> dict[str, object]:
        return {
            "saved": self.saved,
            "fresh": self.fresh,
            "sessions": self.sessions,
            "unassigned": self.unassigned,
            "preferences_stated": self.preferences_stated,
            "preferences_met": self.preferences_met,
            "unmet_preferences": self.unmet_preferences,
            "split_departments": self.split_departments,
            "departments_with_2plus": self.departments_with_2plus,
            "changed": self.changed,
            "moves": [
                {
                    "staff_no": m.staff_no,
                    "name": m.move.name,
                    "department": m.move.department,
                    "from": m.move.from_label,
                    "to": m.move.to_label or None,
                    "reason": m.move.reason.value,
                    "slip_stale": m.slip_printed,
                    "message": m.move.message.text(lang),
                }
                for m in self.moves
            ],
            "stale_slips": [m.staff_no for m in self.stale_slips],
            "shortfalls": [
                {
                    "rule": f.rule.value,
                    "reason": f.reason.value,
                    "name": f.name,
                    "department": f.department,
                    "session": f.session or None,
                    "placed_in": f.placed_in or None,
                }
                for f in self.shortfalls
            ],
            "issues": [i.message.text(lang) for i in self.issues],
        }


class ScheduleService:
    def __init__(self, workspace: Workspace, clock: Clock, solve: LexSolve) -> None:
        self._workspace = workspace
        self._clock = clock
        self._solve = solve

    def assign(
        self, event_id: int, *, fresh: bool = False, accept_moves: bool | frozenset[int] = False
    ) -> AssignmentReport:
        """Assign every unlocked attendee to a session by the rules; locked ones stay put.

        People already placed are moved only when a rule forces it (all of them
        with `fresh`). A plan with moves is saved only when `accept_moves` is
        True, or is exactly the set of attendee ids of the moves shown to the
        user (so a roster changed in between is asked about again); otherwise
        nothing is written and the report lists the moves with `saved=False`.
        """
        with self._workspace.session() as session:
            slots, people, staff_no = _load(session, event_id)
            plan = assign(slots, people, self._solve, fresh=fresh)
            printed = printed_sessions(session, [m.key for m in plan.moves])
            moves = tuple(MoveRow(m, staff_no[m.key], m.key in printed) for m in plan.moves)
            moved = frozenset(m.key for m in plan.moves)
            accepted = accept_moves is True or (
                isinstance(accept_moves, frozenset) and accept_moves == moved
            )
            saved = not moved or accepted
            changed = _save(session, self._clock, event_id, people, plan, fresh) if saved else 0
        return AssignmentReport(
            sessions={s.label: plan.counts[s.key] for s in slots},
            unassigned=plan.unassigned,
            preferences_stated=plan.preferences_stated,
            preferences_met=plan.preferences_met,
            split_departments=plan.split_departments,
            departments_with_2plus=plan.departments_with_2plus,
            changed=changed,
            moves=moves,
            shortfalls=plan.shortfalls,
            issues=plan.issues,
            saved=saved,
            fresh=fresh,
        )


def _load(session: Session, event_id: int) -> tuple[list[Slot], list[Person], dict[int, str]]:
    event = load_event(session, event_id)
    if not event.sessions:
        raise InputRejected(
            Msg(
                en="This event has no sessions yet; add them in the event area first.",
                ja="この研修にはまだセッションがありません。先に研修の画面で追加してください。",
            )
        )
    slots = [Slot(s.id, s.label, s.capacity) for s in event.sessions]
    rows = session.execute(
        select(
            Attendee.id,
            Attendee.name,
            Department.name,
            Attendee.role,
            Attendee.preferred_session_id,
            Attendee.assigned_session_id,
            Attendee.locked,
            Attendee.staff_no,
        )
        .join(Department, Department.id == Attendee.department_id)
        .where(Attendee.event_id == event_id)
    ).all()
    unavailable: dict[int, set[int]] = defaultdict(set)
    for attendee_id, session_id in session.execute(
        select(Unavailability.attendee_id, Unavailability.session_id)
        .join(Attendee, Attendee.id == Unavailability.attendee_id)
        .where(Attendee.event_id == event_id)
    ):
        unavailable[attendee_id].add(session_id)
    # Whoever has already checked in sat in that session: no plan, not even --fresh,
    # may move them out of it afterwards.
    attended: dict[int, int] = {
        attendee_id: session_id
        for attendee_id, session_id in session.execute(
            select(CheckIn.attendee_id, CheckIn.session_id)
            .join(Attendee, Attendee.id == CheckIn.attendee_id)
            .where(Attendee.event_id == event_id, CheckIn.undone_at.is_(None))
        )
    }
    people = [
        Person(
            key=r[0],
            name=r[1],
            department=r[2],
            role=role_kind(r[3]),
            preferred=r[4],
            locked_to=attended.get(r[0], r[5] if r[6] else None),
            order=r[7],
            unavailable=frozenset(unavailable.get(r[0], ())),
            current=r[5],
        )
        for r in rows
    ]
    return slots, people, {r[0]: r[7] for r in rows}


def _save(
    session: Session,
    clock: Clock,
    event_id: int,
    people: list[Person],
    plan: Plan,
    fresh: bool,
) -> int:
    now = clock.now()
    changes = [
        {"id": p.key, "assigned_session_id": plan.placements[p.key], "updated_at": now}
        for p in people
        if p.current != plan.placements[p.key]
    ]
    if changes:
        session.execute(update(Attendee), changes)
    audit.record(
        session,
        at=now,
        action="schedule.assign",
        event_id=event_id,
        entity="event",
        entity_id=event_id,
        detail={
            "changed": len(changes),
            "moved": [m.key for m in plan.moves],
            "fresh": fresh,
            "unassigned": plan.unassigned,
            "preferences_met": plan.preferences_met,
            "optima": {
                level.value: v for level, v in plan.optima.items() if level != Level.BALANCE
            },
        },
    )
    return len(changes)
