"""Copying an event to another laptop: `event export` writes it, `event import` adds it.

The copy has the same UUIDs (event, sessions, attendee entries), so the
records merge what both laptops recorded into one event; it gets its own event
secret (its phone tokens and slips are its own). The day's records (check-ins,
survey responses, certificates) are not copied: each laptop records its own and
the records merge them.

Certificate numbers never clash: only the laptop an event was copied from
issues them; the copy is marked (`domain.event_copy`) and `certificates issue`
refuses there (docs/records.md).
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Time, select
from sqlalchemy.orm import Session

from facilitator.db.models import (
    AgendaItem,
    Attendee,
    Department,
    Event,
    Question,
    Survey,
    TrainingSession,
)
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import Clock
from facilitator.domain.event_copy import COPY_FLAG
from facilitator.errors import InputRejected, Msg
from facilitator.services import audit
from facilitator.services.event_rows import load_event
from facilitator.services.events import new_session_code
from facilitator.services.files import write_atomically

FORMAT = "facilitator-event"
VERSION = 1
SUFFIX = ".facilitator-event"
MAX_BYTES = 64 * 1024 * 1024

# Columns a copy never carries: row ids and links (rebuilt), the secret (each
# laptop has its own), the certificate layout (the copy issues no certificates).
_NOT_COPIED = {
    "id",
    "event_id",
    "survey_id",
    "department_id",
    "preferred_session_id",
    "assigned_session_id",
    "secret",
    "certificate_layout_id",
}


def _plain(row: Any) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column in row.__table__.columns:
        if column.key in _NOT_COPIED:
            continue
        value = getattr(row, column.key)
        values[column.key] = (
            value.isoformat() if isinstance(value, date | time | datetime) else value
        )
    return values


def _typed(model: Any, values: dict[str, Any]) -> dict[str, Any]:
    """The file's values for the columns `model` has (a newer file's extra ones are left)."""
    out: dict[str, Any] = {}
    for column in model.__table__.columns:
        if column.key in _NOT_COPIED or column.key not in values:
            continue
        value = values[column.key]
        if isinstance(value, str):
            if isinstance(column.type, DateTime) or column.type.__class__.__name__ == "UtcDateTime":
                value = datetime.fromisoformat(value)
            elif isinstance(column.type, Date):
                value = date.fromisoformat(value)
            elif isinstance(column.type, Time):
                value = time.fromisoformat(value)
        out[column.key] = value
    return out


@dataclass(frozen=True)
class ImportedEvent:
    event_id: int
    uuid: str
    title: str
    attendees: int


class EventTransfer:
    def __init__(self, workspace: Workspace, clock: Clock) -> None:
        self._workspace = workspace
        self._clock = clock

    def export(self, event_id: int, out: Path) -> int:
        """Write `event_id` to `out`; returns the number of attendee entries."""
        if out.suffix != SUFFIX:
            raise InputRejected(
                Msg(
                    en=f"{out.name}: the copy of an event is written to a {SUFFIX} file.",
                    ja=f"{out.name}：研修のコピーは {SUFFIX} ファイルに出力します。",
                )
            )
        with self._workspace.session(readonly=True) as session:
            payload = self._payload(session, event_id)
        write_atomically(out, json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8"))
        return len(payload["attendees"])

    @staticmethod
    def _payload(session: Session, event_id: int) -> dict[str, Any]:
        event = load_event(session, event_id)
        sessions = session.scalars(
            select(TrainingSession).where(TrainingSession.event_id == event_id)
        ).all()
        uuid_of = {s.id: s.uuid for s in sessions}
        departments = session.scalars(
            select(Department).where(Department.event_id == event_id)
        ).all()
        name_of = {d.id: d.name for d in departments}
        attendees = session.scalars(select(Attendee).where(Attendee.event_id == event_id)).all()
        survey = session.scalar(select(Survey).where(Survey.event_id == event_id))
        return {
            "format": FORMAT,
            "version": VERSION,
            "event": _plain(event),
            "sessions": [_plain(s) for s in sessions],
            "departments": [_plain(d) for d in departments],
            "attendees": [
                {
                    **_plain(a),
                    "department": name_of[a.department_id],
                    "preferred_session": uuid_of.get(a.preferred_session_id or 0),
                    "assigned_session": uuid_of.get(a.assigned_session_id or 0),
                }
                for a in attendees
            ],
            "agenda": [
                _plain(item)
                for item in session.scalars(
                    select(AgendaItem).where(AgendaItem.event_id == event_id)
                )
            ],
            "survey": None
            if survey is None
            else {**_plain(survey), "questions": [_plain(q) for q in survey.questions]},
        }

    def import_file(self, source: Path) -> ImportedEvent:
        """Add the event in `source` to this workspace: all of it, or nothing."""
        payload = read_event_file(source)
        try:
            return self._import(source, payload)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InputRejected(
                Msg(
                    en=f"{source}: the file is damaged ({exc!r}). Nothing was imported.",
                    ja=f"{source}：ファイルが壊れています（{exc!r}）。何も取り込んでいません。",
                )
            ) from exc

    def _import(self, source: Path, payload: dict[str, Any]) -> ImportedEvent:
        now = self._clock.now()
        with self._workspace.session() as session:
            event_values = _typed(Event, payload["event"])
            existing = session.scalar(select(Event).where(Event.uuid == event_values.get("uuid")))
            if existing is not None:
                raise InputRejected(
                    Msg(
                        en=f"This workspace already holds {existing.title} (event "
                        f"{existing.id}); it was not imported again.",
                        ja=f"このワークスペースには「{existing.title}」（研修 {existing.id}）が"
                        "既にあります。もう一度は取り込みません。",
                    )
                )
            settings = dict(event_values.get("settings") or {})
            settings[COPY_FLAG] = True
            event = Event(**{**event_values, "settings": settings, "secret": secrets.token_hex(32)})
            session.add(event)
            session.flush()
            taken = set(session.scalars(select(TrainingSession.code)))
            session_ids: dict[str, int] = {}
            for values in payload["sessions"]:
                row = TrainingSession(**_typed(TrainingSession, values), event_id=event.id)
                if row.code in taken:
                    row.code = new_session_code()  # phone codes are unique per workspace
                session.add(row)
                session.flush()
                session_ids[row.uuid] = row.id
            department_ids: dict[str, int] = {}
            for values in payload["departments"]:
                dept = Department(**_typed(Department, values), event_id=event.id)
                session.add(dept)
                session.flush()
                department_ids[dept.name] = dept.id
            for values in payload["attendees"]:
                session.add(
                    Attendee(
                        **_typed(Attendee, values),
                        event_id=event.id,
                        department_id=department_ids[values["department"]],
                        preferred_session_id=session_ids.get(values.get("preferred_session") or ""),
                        assigned_session_id=session_ids.get(values.get("assigned_session") or ""),
                    )
                )
            for values in payload["agenda"]:
                session.add(AgendaItem(**_typed(AgendaItem, values), event_id=event.id))
            if payload.get("survey"):
                survey = Survey(**_typed(Survey, payload["survey"]), event_id=event.id)
                session.add(survey)
                session.flush()
                for values in payload["survey"].get("questions", []):
                    session.add(Question(**_typed(Question, values), survey_id=survey.id))
            session.flush()
            audit.record(
                session,
                at=now,
                action="event.imported",
                event_id=event.id,
                entity="event",
                entity_id=event.id,
                detail={"uuid": event.uuid, "file": source.name},
            )
            return ImportedEvent(event.id, event.uuid, event.title, len(payload["attendees"]))


def read_event_file(source: Path) -> dict[str, Any]:
    """The payload of a copied event, or InputRejected saying why the file is not one."""

    def refused(en: str, ja: str) -> InputRejected:
        return InputRejected(
            Msg(
                en=f"{source}: {en} Nothing was imported.",
                ja=f"{source}：{ja}何も取り込んでいません。",
            )
        )

    try:
        if source.stat().st_size > MAX_BYTES:
            raise refused(
                "the file is too large to be a copied event.", "研修のコピーとしては大きすぎます。"
            )
        payload = json.loads(source.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise refused(
            f"cannot read it ({exc.strerror}).", f"読み込めません（{exc.strerror}）。"
        ) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise refused(
            "this is not a copied event (.facilitator-event).",
            "研修のコピー（.facilitator-event）ではありません。",
        ) from exc
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise refused(
            "this is not a copied event (.facilitator-event).",
            "研修のコピー（.facilitator-event）ではありません。",
        )
    if not isinstance(payload.get("version"), int) or payload["version"] > VERSION:
        raise refused(
            "it was written by a newer version of Facilitator; update Facilitator to import it.",
            "新しいバージョンの Facilitator で作成されています。Facilitator を更新してから取り込んでください。",
        )
    for key in ("event", "sessions", "departments", "attendees", "agenda"):
        if key not in payload:
            raise refused(
                f"the file is incomplete ({key} is missing).",
                f"ファイルが不完全です（{key} がありません）。",
            )
    return payload
