"""Which layout an event's certificates use, editing it, and a one-page preview.

An event uses a built-in layout (`resources/layouts/<key>.json`) until
someone saves an edited one; that copy is kept in the workspace
(`certificate_layouts`, the event points at it) and stays there when the
event switches back to a built-in, so an edit is never lost.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.db.models import Attendee, Certificate, CertificateLayout, Department, Event
from facilitator.db.workspace import Workspace
from facilitator.domain.certificate_layout import Layout, layout_to_json, parse_layout
from facilitator.domain.certificates import (
    DEFAULT_NUMBER_FORMAT,
    format_number,
    verification_code,
)
from facilitator.domain.clock import Clock
from facilitator.domain.wareki import format_wareki
from facilitator.errors import InputRejected, Msg
from facilitator.resources import resource_path
from facilitator.services import audit
from facilitator.services.certificates.eligibility import SETTINGS_KEY, eligibility_rows
from facilitator.services.event_rows import load_event

BUILTIN_KEYS = ("ja_formal", "en_attendance")
DEFAULT_BUILTIN = "ja_formal"
CUSTOM = "custom"


@dataclass(frozen=True)
class LayoutChoice:
    """The layout an event uses: a built-in (`builtin_key`) or its own saved copy."""

    builtin_key: str  # the built-in it is (or was copied from)
    custom: bool
    spec: dict[str, Any]
    has_custom: bool  # the event has a saved edited layout (in use or not)


@dataclass(frozen=True)
class PreviewPerson:
    attendee_id: int
    name: str
    department: str
    eligible: bool = True  # gets a certificate: the preview starts on the first such person


def builtin_spec(key: str) -> dict[str, Any]:
    if key not in BUILTIN_KEYS:
        raise InputRejected(
            Msg(
                en=f"Unknown built-in layout {key!r} (choose {', '.join(BUILTIN_KEYS)}).",
                ja=f"組み込みレイアウト {key!r} はありません（{', '.join(BUILTIN_KEYS)}）。",
            )
        )
    data: dict[str, Any] = json.loads(resource_path("layouts", f"{key}.json").read_text("utf-8"))
    return data


def event_values(event: Event) -> dict[str, str]:
    """The event-wide placeholder values ({event}, {date}, {date_wareki}, ...)."""
    try:
        wareki = format_wareki(event.date)
    except ValueError:
        raise InputRejected(
            Msg(
                en=f"The event date {event.date} is before 1873, so it has no Japanese era date.",
                ja=f"研修日 {event.date} は1873年より前のため、和暦で表せません。",
            )
        ) from None
    hours = f"{event.hours:g}"
    return {
        "event": event.title,
        "date": f"{event.date:%B} {event.date.day}, {event.date.year}",
        "date_wareki": wareki,
        "hours": hours,
        "issuer": event.issuer,
        "signatory": event.signatory,
    }


def load_event_layout(session: Session, event: Event) -> tuple[Layout, LayoutChoice]:
    """The layout in use: the event's own edited copy when chosen, else a built-in."""
    options = (event.settings or {}).get(SETTINGS_KEY, {})
    chosen = options.get("layout", CUSTOM if event.certificate_layout_id else DEFAULT_BUILTIN)
    row = (
        session.get(CertificateLayout, event.certificate_layout_id)
        if event.certificate_layout_id is not None
        else None
    )
    if chosen == CUSTOM and row is not None:
        choice = LayoutChoice(row.builtin_key or DEFAULT_BUILTIN, True, dict(row.spec), True)
        return parse_layout(choice.spec), choice
    key = chosen if chosen in BUILTIN_KEYS else DEFAULT_BUILTIN
    choice = LayoutChoice(key, False, builtin_spec(key), row is not None)
    return parse_layout(choice.spec), choice


class LayoutService:
    def __init__(self, workspace: Workspace, clock: Clock) -> None:
        self._workspace = workspace
        self._clock = clock

    def get(self, event_id: int) -> LayoutChoice:
        with self._workspace.session() as session:
            return load_event_layout(session, load_event(session, event_id))[1]

    def choose(self, event_id: int, key: str) -> LayoutChoice:
        """Use a built-in layout or (`custom`) the event's saved one; nothing is deleted."""
        if key != CUSTOM:
            builtin_spec(key)  # refuses an unknown key
        with self._workspace.session() as session:
            event = load_event(session, event_id)
            if key == CUSTOM and event.certificate_layout_id is None:
                raise InputRejected(
                    Msg(
                        en="This event has no edited layout yet; save one first.",
                        ja="この研修にはまだ編集したレイアウトがありません。先に保存してください。",
                    )
                )
            options = dict(event.settings or {})
            options[SETTINGS_KEY] = {**options.get(SETTINGS_KEY, {}), "layout": key}
            event.settings = options
            audit.record(
                session,
                at=self._clock.now(),
                action="certificate.layout",
                event_id=event_id,
                entity="event",
                entity_id=event_id,
                detail={"layout": key},
            )
            session.flush()
            return load_event_layout(session, event)[1]

    def save(self, event_id: int, spec: dict[str, Any], builtin_key: str) -> LayoutChoice:
        """Check and store an edited layout as the event's own; raises ValidationFailed."""
        layout = parse_layout(spec)
        clean = layout_to_json(layout)
        with self._workspace.session() as session:
            event = load_event(session, event_id)
            row = (
                session.get(CertificateLayout, event.certificate_layout_id)
                if event.certificate_layout_id is not None
                else None
            )
            if row is None:
                row = CertificateLayout(name=layout.name, spec=clean, builtin_key=builtin_key)
                session.add(row)
                session.flush()
                event.certificate_layout_id = row.id
            row.name, row.spec, row.builtin_key = layout.name, clean, builtin_key
            options = dict(event.settings or {})
            options[SETTINGS_KEY] = {**options.get(SETTINGS_KEY, {}), "layout": CUSTOM}
            event.settings = options
            audit.record(
                session,
                at=self._clock.now(),
                action="certificate.layout",
                event_id=event_id,
                entity="certificate_layout",
                entity_id=row.id,
                detail={"name": layout.name},
            )
            return LayoutChoice(builtin_key, True, clean, True)

    def preview_people(self, event_id: int) -> list[PreviewPerson]:
        """Whom the preview can show: everyone in the event, in certificate order
        (department, then kana), each marked eligible or not."""
        with self._workspace.session() as session:
            event = load_event(session, event_id)
            return [
                PreviewPerson(row.attendee_id, row.name, row.department, row.eligible)
                for row, _, _ in eligibility_rows(session, event)
            ]

    def preview(self, event_id: int, spec: dict[str, Any], attendee_id: int | None) -> bytes:
        """A one-page PDF of `spec` filled with a real attendee (their number if issued)."""
        # reportlab loads with the first preview, not when the GUI starts.
        from facilitator.pdf.certificates import CertificateFields, CertificateRenderer

        layout = parse_layout(spec)
        with self._workspace.session() as session:
            event = load_event(session, event_id)
            values = event_values(event)
            query = (
                select(Attendee, Department)
                .join(Department, Attendee.department_id == Department.id)
                .where(Attendee.event_id == event_id)
            )
            if attendee_id is not None:
                query = query.where(Attendee.id == attendee_id)
            row = session.execute(query.order_by(Department.position, Attendee.id)).first()
            fmt = event.certificate_number_format or DEFAULT_NUMBER_FORMAT
            number = format_number(fmt, event.certificate_prefix, event.date.year, 0)
            if row is None:
                fields = CertificateFields("山田 太郎", "やまだ たろう", "総務課", "", number, "")
            else:
                attendee, department = row
                cert = session.scalar(
                    select(Certificate).where(Certificate.attendee_id == attendee.id)
                )
                number = cert.number if cert is not None else number
                fields = CertificateFields(
                    attendee.name, attendee.kana, department.name, attendee.title, number, ""
                )
            code = verification_code(event.secret, fields.number)
            fields = CertificateFields(
                fields.name, fields.name_kana, fields.department, fields.title, fields.number, code
            )
        return CertificateRenderer(layout, values, event.title).render_one(fields)
