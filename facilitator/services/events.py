"""Events and their sessions: create, list, edit."""

from __future__ import annotations

import secrets
import unicodedata
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from facilitator.db.models import Attendee, CheckIn, Event, TrainingSession
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import Clock
from facilitator.domain.event_rules import EventSpec, SessionSpec, validate_event
from facilitator.errors import FieldError, InputRejected, Msg, UnknownEvent, ValidationFailed
from facilitator.services import audit
from facilitator.services.event_rows import load_event


@dataclass(frozen=True)
class SessionInfo:
    id: int
    label: str
    code: str
    date: date
    start: time
    end: time
    room: str
    capacity: int
    position: int
    checkin_open: bool
    feedback_open: bool

    def as_spec(self) -> SessionSpec:
        return SessionSpec(
            label=self.label,
            start=self.start,
            end=self.end,
            capacity=self.capacity,
            room=self.room,
            date=self.date,
            id=self.id,
        )


@dataclass(frozen=True)
class EventSummary:
    id: int
    title: str
    date: date
    session_count: int
    attendee_count: int


@dataclass(frozen=True)
class EventDetail:
    id: int
    title: str
    date: date
    venue: str
    issuer: str
    signatory: str
    hours: float
    sessions: tuple[SessionInfo, ...]

    def as_spec(self) -> EventSpec:
        return EventSpec(
            title=self.title,
            date=self.date,
            venue=self.venue,
            issuer=self.issuer,
            signatory=self.signatory,
            hours=self.hours,
            sessions=tuple(s.as_spec() for s in self.sessions),
        )

    def session_by_label(self, label: str) -> SessionInfo:
        # NFKC: `ＡＭ` typed with the Japanese input method on is the session AM.
        wanted = unicodedata.normalize("NFKC", label).strip().casefold()
        for session in self.sessions:
            if unicodedata.normalize("NFKC", session.label).casefold() == wanted:
                return session
        labels = ", ".join(s.label for s in self.sessions)
        raise InputRejected(
            Msg(
                en=f"This event has no session {label!r} (sessions: {labels}).",
                ja=f"この研修にはセッション「{label}」がありません（セッション：{labels}）。",
            )
        )


def session_info(row: TrainingSession) -> SessionInfo:
    return SessionInfo(
        id=row.id,
        label=row.label,
        code=row.code,
        date=row.date,
        start=row.start,
        end=row.end,
        room=row.room,
        capacity=row.capacity,
        position=row.position,
        checkin_open=row.checkin_open,
        feedback_open=row.feedback_open,
    )


def new_session_code() -> str:
    # 8 URL-safe characters: short enough to read aloud, 48 bits against guessing.
    return secrets.token_urlsafe(6)


class EventService:
    def __init__(self, workspace: Workspace, clock: Clock) -> None:
        self._workspace = workspace
        self._clock = clock

    def list_events(self) -> list[EventSummary]:
        """All events, newest date first."""
        with self._workspace.session(readonly=True) as session:
            sessions_count = (
                select(func.count(TrainingSession.id))
                .where(TrainingSession.event_id == Event.id)
                .scalar_subquery()
            )
            attendees_count = (
                select(func.count(Attendee.id))
                .where(Attendee.event_id == Event.id)
                .scalar_subquery()
            )
            rows = session.execute(
                select(Event.id, Event.title, Event.date, sessions_count, attendees_count).order_by(
                    Event.date.desc(), Event.id.desc()
                )
            ).all()
        return [EventSummary(*row) for row in rows]

    def resolve_event_id(self, event_id: int | None) -> int:
        """`event_id` if it exists; when None, the only or latest event."""
        with self._workspace.session(readonly=True) as session:
            if event_id is not None:
                load_event(session, event_id)
                return event_id
            latest = session.scalar(select(Event.id).order_by(Event.date.desc(), Event.id.desc()))
        if latest is None:
            raise UnknownEvent(
                Msg(
                    en="This workspace has no event yet; create one first.",
                    ja="このワークスペースにはまだ研修がありません。先に作成してください。",
                )
            )
        return latest

    def get_event(self, event_id: int) -> EventDetail:
        with self._workspace.session(readonly=True) as session:
            return self._detail(session, load_event(session, event_id))

    def create_event(self, spec: EventSpec, survey_from: int | None = None) -> EventDetail:
        """Validate and store a new event with its sessions and its survey; returns it.

        The survey is the default 受講報告書, or a copy of event `survey_from`'s survey
        (refused, nothing stored, when that event does not exist or has none).
        """
        self._check(spec)
        now = self._clock.now()
        with self._workspace.session() as session:
            if survey_from is not None:
                load_event(session, survey_from)
            row = Event(
                title=spec.title.strip(),
                date=spec.date,
                venue=spec.venue.strip(),
                issuer=spec.issuer.strip(),
                signatory=spec.signatory.strip(),
                hours=spec.hours,
                secret=secrets.token_hex(32),
                settings={},
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            session.flush()
            # Imported here: the feedback modules are not needed to start the app.
            from facilitator.services.feedback.survey_setup import give_survey

            give_survey(session, row.id, survey_from)
            return self._save_sessions(session, row, spec, "event.create")

    def update_event(self, event_id: int, spec: EventSpec) -> EventDetail:
        """Replace the event's fields and sessions with `spec` (sessions matched by id)."""
        self._check(spec)
        now = self._clock.now()
        with self._workspace.session() as session:
            row = load_event(session, event_id)
            row.title, row.date, row.venue = spec.title.strip(), spec.date, spec.venue.strip()
            row.issuer, row.signatory, row.hours = (
                spec.issuer.strip(),
                spec.signatory.strip(),
                spec.hours,
            )
            row.updated_at = now
            return self._save_sessions(session, row, spec, "event.update")

    def _save_sessions(
        self, session: Session, row: Event, spec: EventSpec, action: str
    ) -> EventDetail:
        """Apply `spec`'s sessions to `row`, record `action` in the audit log, return the event."""
        self._apply_sessions(session, row, spec)
        audit.record(
            session,
            at=row.updated_at,
            action=action,
            event_id=row.id,
            entity="event",
            entity_id=row.id,
            detail={"title": row.title},
        )
        session.flush()
        return self._detail(session, row)

    def _check(self, spec: EventSpec) -> None:
        errors = validate_event(spec)
        if errors:
            raise ValidationFailed(errors)

    def _apply_sessions(self, session: Session, event: Event, spec: EventSpec) -> None:
        existing = {s.id: s for s in event.sessions}
        kept_ids = {s.id for s in spec.sessions if s.id is not None}
        removed = [s for sid, s in existing.items() if sid not in kept_ids]
        for gone in removed:
            has_checkins = session.scalar(
                select(func.count(CheckIn.id)).where(CheckIn.session_id == gone.id)
            )
            if has_checkins:
                raise ValidationFailed(
                    [
                        FieldError(
                            "sessions",
                            Msg(
                                en=f"Session {gone.label} already has check-ins and cannot be removed.",
                                ja=f"セッション {gone.label} には受付済みの記録があるため削除できません。",
                            ),
                        )
                    ]
                )
            event.sessions.remove(gone)
        # Labels are unique per event and SQLite checks each UPDATE at once, so
        # swapping AM and PM needs the renamed rows parked on unique labels first.
        renamed = [
            existing[item.id]
            for item in spec.sessions
            if item.id in existing and existing[item.id].label != item.label.strip()
        ]
        for parked in renamed:
            parked.label = f"\x00{parked.id}"
        session.flush()
        for position, item in enumerate(spec.sessions):
            row = existing.get(item.id) if item.id is not None else None
            if row is None:
                row = TrainingSession(
                    code=new_session_code(), checkin_open=True, feedback_open=False
                )
                event.sessions.append(row)
            row.label = item.label.strip()
            row.date = item.date or spec.date
            row.start, row.end = item.start, item.end
            row.room, row.capacity, row.position = item.room.strip(), item.capacity, position

    def _detail(self, session: Session, row: Event) -> EventDetail:
        session.flush()
        ordered = sorted(row.sessions, key=lambda s: (s.position, s.id or 0))
        return EventDetail(
            id=row.id,
            title=row.title,
            date=row.date,
            venue=row.venue,
            issuer=row.issuer,
            signatory=row.signatory,
            hours=row.hours,
            sessions=tuple(session_info(s) for s in ordered),
        )
