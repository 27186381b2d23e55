"""Automatic session assignment for an event's roster (see `domain.scheduling`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update

from facilitator.db.models import Attendee, Department
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import Clock
from facilitator.domain.scheduling import assign
from facilitator.domain.scheduling_inputs import Person, Slot, role_kind
from facilitator.domain.scheduling_issues import Issue
from facilitator.errors import InputRejected, Msg
from facilitator.services import audit
from facilitator.services.event_rows import load_event


@dataclass(frozen=True)
class AssignmentReport:
    sessions: dict[str, int]  # label -> attendees now in it
    unassigned: int
    unmet_preferences: int
    split_departments: int
    departments_with_2plus: int
    changed: int  # attendees whose session changed
    issues: tuple[Issue, ...]

    def as_json(self) -> dict[str, object]:
        return {
            "sessions": self.sessions,
            "unassigned": self.unassigned,
            "unmet_preferences": self.unmet_preferences,
            "split_departments": self.split_departments,
            "departments_with_2plus": self.departments_with_2plus,
        }


class ScheduleService:
    def __init__(self, workspace: Workspace, clock: Clock) -> None:
        self._workspace = workspace
        self._clock = clock

    def assign(self, event_id: int) -> AssignmentReport:
        """Assign every unlocked attendee to a session; locked attendees stay where they are."""
        with self._workspace.session() as session:
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
            people = [
                Person(
                    key=r[0],
                    name=r[1],
                    department=r[2],
                    role=role_kind(r[3]),
                    preferred=r[4],
                    locked_to=r[5] if r[6] else None,
                    order=r[7],
                )
                for r in rows
            ]
            plan = assign(slots, people)
            before = {r[0]: r[5] for r in rows}
            now = self._clock.now()
            changes = [
                {"id": key, "assigned_session_id": slot, "updated_at": now}
                for key, slot in plan.placements.items()
                if before.get(key) != slot
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
                detail={"changed": len(changes), "unassigned": plan.unassigned},
            )
        return AssignmentReport(
            sessions={s.label: plan.counts[s.key] for s in slots},
            unassigned=plan.unassigned,
            unmet_preferences=plan.unmet_preferences,
            split_departments=plan.split_departments,
            departments_with_2plus=plan.departments_with_2plus,
            changed=len(changes),
            issues=plan.issues,
        )
