"""How the records merge what several pushes say about one row. Pure Python.

Every rule here gives the same result whatever order the pushes come in, and
pushing the same thing again changes nothing (docs/records.md, "Merging"):
- a row seen twice keeps the newer version (its `version`, then its content, so
  a tie is still decided the same way on every machine);
- a check-in once undone stays undone;
- a person's attendance is their earliest check-in not undone, and lists every
  way they were checked in;
- a named survey response counts once per person: the latest submitted.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any


class Change(Enum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


def content_key(values: Mapping[str, Any]) -> str:
    """The values as one comparable string: the last tie-break between two versions."""
    return json.dumps(values, sort_keys=True, default=str, ensure_ascii=False)


Rank = Callable[[Mapping[str, Any]], tuple[Any, ...]]


def by_version(values: Mapping[str, Any]) -> tuple[Any, ...]:
    return (values.get("version") or "",)


def by_undone(values: Mapping[str, Any]) -> tuple[Any, ...]:
    return (values.get("undone_at") is not None,)


def decide(
    incoming: Mapping[str, Any], stored: Mapping[str, Any] | None, rank: Rank | None = None
) -> Change:
    """ADDED when nothing is stored, UNCHANGED when the values are equal or the stored
    version wins, UPDATED when the incoming one wins: by `rank` first, then by content."""
    if stored is None:
        return Change.ADDED
    theirs = {key: stored.get(key) for key in incoming}
    if theirs == dict(incoming):
        return Change.UNCHANGED
    order = rank or (lambda _values: ())
    mine = (*order(incoming), content_key(incoming))
    return Change.UPDATED if mine > (*order(theirs), content_key(theirs)) else Change.UNCHANGED


@dataclass(frozen=True)
class CheckInFact:
    uuid: str
    person_id: int
    session_uuid: str
    checked_in_at: datetime
    method: str
    undone: bool


@dataclass(frozen=True)
class AttendanceFact:
    person_id: int
    session_uuid: str
    checked_in_at: datetime
    methods: str  # every method of the person's check-ins not undone, sorted, comma-joined


def attendances(checkins: Iterable[CheckInFact]) -> dict[int, AttendanceFact]:
    """One attendance per person: the earliest check-in that was not undone wins."""
    first: dict[int, CheckInFact] = {}
    methods: dict[int, set[str]] = {}
    for fact in checkins:
        if fact.undone:
            continue
        methods.setdefault(fact.person_id, set()).add(fact.method)
        best = first.get(fact.person_id)
        if best is None or (fact.checked_in_at, fact.uuid) < (best.checked_in_at, best.uuid):
            first[fact.person_id] = fact
    return {
        person: AttendanceFact(
            person, fact.session_uuid, fact.checked_in_at, ",".join(sorted(methods[person]))
        )
        for person, fact in first.items()
    }


def later_response(a: tuple[datetime, str], b: tuple[datetime, str]) -> bool:
    """Whether response `a` (submitted at, uuid) replaces `b` for the same person."""
    return a > b
