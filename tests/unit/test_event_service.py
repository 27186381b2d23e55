"""EventService: units of work that hand back plain data."""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from datetime import date, time
from typing import Any

import pytest

from facilitator.composition import build_demo
from facilitator.db.models import Base, CheckIn
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.domain.event_rules import EventSpec, SessionSpec
from facilitator.errors import UnknownEvent, ValidationFailed
from facilitator.services.events import EventService


def _two_sessions(title: str = "研修") -> EventSpec:
    return EventSpec(
        title,
        date(2026, 12, 1),
        (
            SessionSpec("AM", time(9, 30), time(12), 40, "大会議室"),
            SessionSpec("PM", time(13, 30), time(16), 40, "大会議室"),
        ),
    )


def _assert_plain(value: Any) -> None:
    """Frozen dataclasses, tuples, lists and scalars all the way down: no live ORM rows."""
    assert not isinstance(value, Base)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        assert type(value).__dataclass_params__.frozen, type(value)  # type: ignore[attr-defined]
        for field in dataclasses.fields(value):
            _assert_plain(getattr(value, field.name))
    elif isinstance(value, list | tuple):
        for item in value:
            _assert_plain(item)
    elif isinstance(value, dict):
        for item in value.values():
            _assert_plain(item)


def test_every_public_method_returns_plain_data(workspace: Workspace, clock: FakeClock) -> None:
    service = EventService(workspace, clock)
    created = service.create_event(_two_sessions())
    results = [
        created,
        service.list_events(),
        service.get_event(created.id),
        service.resolve_event_id(None),
        service.update_event(created.id, replace(created.as_spec(), title="改")),
        build_demo(workspace, clock, attendees=4, seed=3),
    ]
    for result in results:
        _assert_plain(result)


def test_created_event_reads_back(workspace: Workspace, clock: FakeClock) -> None:
    service = EventService(workspace, clock)
    created = service.create_event(_two_sessions("  情報研修  "))
    again = service.get_event(created.id)
    assert again == created
    assert again.title == "情報研修"
    assert [s.label for s in again.sessions] == ["AM", "PM"]
    assert len({s.code for s in again.sessions}) == 2
    assert again.session_by_label("pm").label == "PM"


def test_sessions_can_swap_labels_and_keep_their_ids(
    workspace: Workspace, clock: FakeClock
) -> None:
    service = EventService(workspace, clock)
    created = service.create_event(_two_sessions())
    first, second = created.as_spec().sessions
    swapped = replace(
        created.as_spec(),
        sessions=(replace(first, label="PM"), replace(second, label="AM")),
    )
    updated = service.update_event(created.id, swapped)
    assert [(s.id, s.label) for s in updated.sessions] == [
        (created.sessions[0].id, "PM"),
        (created.sessions[1].id, "AM"),
    ]
    assert [s.code for s in updated.sessions] == [s.code for s in created.sessions]


def test_removing_a_session_with_check_ins_is_refused(
    workspace: Workspace, clock: FakeClock
) -> None:
    service = EventService(workspace, clock)
    demo = build_demo(workspace, clock, attendees=4, seed=1)
    detail = service.get_event(demo.event_id)
    with workspace.session() as session:
        from sqlalchemy import select

        from facilitator.db.models import Attendee

        attendee = session.scalars(select(Attendee)).first()
        assert attendee is not None
        session.add(
            CheckIn(
                attendee_id=attendee.id,
                session_id=detail.sessions[1].id,
                checked_in_at=clock.now(),
                method="manual",
            )
        )
    only_am = replace(detail.as_spec(), sessions=detail.as_spec().sessions[:1])
    with pytest.raises(ValidationFailed, match="check-ins"):
        service.update_event(detail.id, only_am)
    assert service.get_event(detail.id) == detail  # nothing changed


def test_unknown_event(workspace: Workspace, clock: FakeClock) -> None:
    service = EventService(workspace, clock)
    with pytest.raises(UnknownEvent, match="no event yet"):
        service.resolve_event_id(None)
    with pytest.raises(UnknownEvent):
        service.get_event(5)
    with pytest.raises(UnknownEvent):
        service.update_event(5, _two_sessions())
