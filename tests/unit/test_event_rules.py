"""What makes an event and its sessions valid (the rules behind the form and the CLI)."""

from __future__ import annotations

from datetime import date, time

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.domain.event_rules import EventSpec, SessionSpec, validate_event

DAY = date(2026, 12, 1)


def spec(*sessions: SessionSpec, title: str = "管理職向けDX推進研修", **kw: object) -> EventSpec:
    return EventSpec(title, DAY, sessions, **kw)  # type: ignore[arg-type]


def am(**kw: object) -> SessionSpec:
    fields: dict[str, object] = {
        "label": "AM",
        "start": time(9, 30),
        "end": time(12),
        "capacity": 50,
        "room": "大会議室",
    }
    fields.update(kw)
    return SessionSpec(**fields)  # type: ignore[arg-type]


def pm(**kw: object) -> SessionSpec:
    return am(**{"label": "PM", "start": time(13, 30), "end": time(16), **kw})


def fields(event: EventSpec) -> list[str]:
    return [e.field for e in validate_event(event)]


def test_a_normal_am_pm_day_is_valid() -> None:
    assert validate_event(spec(am(), pm())) == []


def test_title_is_required_and_bounded() -> None:
    assert fields(spec(am(), title="  ")) == ["title"]
    assert fields(spec(am(), title="あ" * 201)) == ["title"]
    assert fields(spec(am(), title="あ" * 200)) == []


def test_at_least_one_session() -> None:
    (error,) = validate_event(spec())
    assert error.field == "sessions"
    assert "1 つ以上" in error.message.ja


def test_end_must_be_after_start() -> None:
    (error,) = validate_event(spec(am(end=time(9, 30))))
    assert error.field == "sessions[0].end"
    assert "09:30" in error.message.en
    assert "より後" in error.message.ja
    assert fields(spec(am(start=time(12), end=time(9, 30)))) == ["sessions[0].end"]


def test_capacity_at_least_one() -> None:
    assert fields(spec(am(capacity=0))) == ["sessions[0].capacity"]
    assert fields(spec(am(capacity=-3))) == ["sessions[0].capacity"]
    assert fields(spec(am(capacity=1))) == []


def test_labels_required_and_unique_ignoring_case_and_spaces() -> None:
    assert fields(spec(am(label=" "))) == ["sessions[0].label"]
    errors = validate_event(spec(am(), pm(label=" am ")))
    assert [e.field for e in errors] == ["sessions[1].label"]
    assert "重複" in errors[0].message.ja


def test_overlapping_sessions_in_one_room_are_refused() -> None:
    errors = validate_event(spec(am(), pm(start=time(11, 30))))
    assert [e.field for e in errors] == ["sessions"]
    assert "大会議室" in errors[0].message.ja


def test_overlap_is_fine_in_another_room_on_another_day_or_back_to_back() -> None:
    assert validate_event(spec(am(), pm(start=time(11), room="第2会議室"))) == []
    assert validate_event(spec(am(), pm(start=time(11), date=date(2026, 12, 2)))) == []
    assert validate_event(spec(am(), pm(start=time(12)))) == []  # AM ends as PM starts
    # Room names match regardless of case and surrounding spaces.
    assert fields(spec(am(room="Room A"), pm(start=time(11), room=" room a "))) == ["sessions"]
    # No room given: nothing to clash over.
    assert validate_event(spec(am(room=""), pm(start=time(11), room=""))) == []


def test_every_problem_is_reported_at_once_in_both_languages() -> None:
    errors = validate_event(spec(am(capacity=0, end=time(9)), pm(label="AM"), title="", hours=-1.0))
    assert [e.field for e in errors] == [
        "title",
        "hours",
        "sessions[0].end",
        "sessions[0].capacity",
        "sessions[1].label",
    ]
    for error in errors:
        assert error.message.en
        assert error.message.ja
        assert error.message.ja != error.message.en


_times = st.times().map(lambda t: t.replace(second=0, microsecond=0))


@settings(max_examples=200, deadline=None)
@given(a_start=_times, a_end=_times, b_start=_times, b_end=_times)
def test_property_same_room_sessions_are_valid_exactly_when_they_do_not_overlap(
    a_start: time, a_end: time, b_start: time, b_end: time
) -> None:
    a = am(start=a_start, end=a_end)
    b = pm(start=b_start, end=b_end)
    errors = set(fields(spec(a, b)))
    both_ordered = a_start < a_end and b_start < b_end
    disjoint = a_end <= b_start or b_end <= a_start
    if both_ordered:
        assert (errors == set()) == disjoint
    else:
        assert errors & {"sessions[0].end", "sessions[1].end"}
