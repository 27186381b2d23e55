"""Deciding and writing a whole group of submissions in the writer's transaction.

A room of phones answering at once is hundreds of first answers from
different people. Deciding them one by one cost seven statements each; here
the group costs one read of the session and survey, one read of everyone's
attendee, check-in and marker rows, and one multi-row insert per table,
whatever its size.

Only plain first answers take the fast lane. Anything else (a replacement, a
second answer from someone earlier in the same group, an unknown session)
first writes what the lane holds and is then decided by `decide`, one by
one, so every submission sees all earlier ones exactly as before.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, bindparam, case, func, insert, literal, select

from facilitator.db.json_rows import rows_as_json
from facilitator.db.types import UtcDateTime
from facilitator.domain.roster_rules import normalise_staff_no
from facilitator.domain.survey_rules import FeedbackOutcome
from facilitator.services.audit import current_actor
from facilitator.services.feedback.questions import QuestionCache
from facilitator.services.feedback.submission import (
    _HEAD,
    AN,
    LOG,
    PEOPLE,
    M,
    R,
    Submission,
    anon_id,
    anonymous_department,
    checked_in_by_department,
    day_only,
    decide,
)
from facilitator.services.feedback.types import FeedbackMethod, SubmitResult

AnyRow = Any

# Each table's rows go in as one JSON argument, each statement being one step of
# SQLite: per-row parameters cost more in Python than the inserts in SQLite, and
# every step lets go of the GIL, which the server's loop then holds for a while.
_NEW = func.json_each(bindparam("rows")).table_valued("value")


def _at(i: int) -> Any:
    return func.json_extract(_NEW.c.value, f"$[{i}]")


def _json_at(i: int) -> Any:
    # JSON text of the element (SQLite's ->), as a JSON column stores it.
    return _NEW.c.value.op("->")(f"$[{i}]")


_AT = bindparam("at", type_=UtcDateTime())
_RESPONSES = insert(R).from_select(
    ["id", "survey_id", "session_id", "attendee_id", "department_id", "method", "submitted_at"],
    select(
        *(_at(i) for i in range(6)),
        # Anonymous responses keep only the day (see day_only).
        case((_at(6) == 1, bindparam("day", type_=UtcDateTime())), else_=_AT),
    ),
)
_MARKERS = insert(M).from_select(
    ["survey_id", "attendee_id", "session_id", "response_id", "submitted_at"],
    select(*(_at(i) for i in range(4)), _AT),
)
_ANSWERS = insert(AN).from_select(
    ["id", "response_id", "question_id", "value"],
    select(_at(0), _at(1), _at(2), _json_at(3)),
)
_LOGS = insert(LOG).from_select(
    ["at", "event_id", "actor", "action", "entity", "entity_id", "detail"],
    select(
        _AT,
        _at(0),
        bindparam("actor"),
        literal(f"feedback.{FeedbackOutcome.RECORDED.value}"),
        literal("response"),
        _at(1),
        _json_at(2),
    ),
)


def _json(rows: list[list[Any]]) -> str:
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


class _Person(NamedTuple):
    """A `PEOPLE` row (same columns, same order)."""

    id: int
    staff_no: str
    department_id: int | None
    checked_in: int
    marker_id: int | None
    response_id: int | None


_PEOPLE_JSON = {kind: rows_as_json(stmt) for kind, stmt in PEOPLE.items()}


@dataclass
class _Record:
    """A plain first answer waiting for the group's inserts."""

    survey_id: int
    session_id: int
    event_id: int
    anonymous: bool
    attendee_id: int
    department_id: int | None
    method: FeedbackMethod
    answers: dict[str, Any]
    question_ids: dict[str, int]  # key -> question id, shared by the survey's records


class _Lane:
    def __init__(self, conn: Connection, now: datetime) -> None:
        self.conn = conn
        self.now = now
        self.records: list[_Record] = []

    def flush(self) -> None:
        records, self.records = self.records, []
        if not records:
            return
        conn, now = self.conn, self.now
        # The writer holds the write lock (BEGIN IMMEDIATE), so max + 1 is the id SQLite
        # itself would give; named ids are needed up front for the answers and markers.
        next_id = int(conn.scalar(select(func.max(R.c.id))) or 0) + 1
        responses: list[list[Any]] = []
        markers: list[list[Any]] = []
        answers: list[list[Any]] = []
        logs: list[list[Any]] = []
        for rec in records:
            if rec.anonymous:
                response_id = anon_id()
            else:
                response_id, next_id = next_id, next_id + 1
            responses.append(
                [
                    response_id,
                    rec.survey_id,
                    rec.session_id,
                    None if rec.anonymous else rec.attendee_id,
                    rec.department_id,
                    rec.method.value,
                    rec.anonymous,
                ]
            )
            markers.append(
                [
                    rec.survey_id,
                    rec.attendee_id,
                    rec.session_id,
                    None if rec.anonymous else response_id,
                ]
            )
            ids = rec.question_ids
            for key, value in rec.answers.items():
                # An anonymous survey's answer ids are random too (see anon_id); NULL
                # lets SQLite number the others.
                answers.append([anon_id() if rec.anonymous else None, response_id, ids[key], value])
            if not rec.anonymous:
                logs.append(
                    [
                        rec.event_id,
                        response_id,
                        {"attendee_id": rec.attendee_id, "method": rec.method.value},
                    ]
                )
        at = {"at": now, "day": day_only(now)}
        conn.execute(_RESPONSES, {"rows": _json(responses), **at})
        conn.execute(_MARKERS, {"rows": _json(markers), **at})
        if answers:
            conn.execute(_ANSWERS, {"rows": _json(answers)})
        if logs:
            conn.execute(_LOGS, {"rows": _json(logs), **at, "actor": current_actor()})


def decide_group(
    conn: Connection, requests: Sequence[Submission], now: datetime, cache: QuestionCache
) -> list[SubmitResult]:
    """The outcome of each submission, in order; writes those recorded or replaced."""
    heads = {sid: conn.execute(_HEAD, {"session_id": sid}).first() for sid in _sessions(requests)}
    keys = [_key(req) if heads[req.session_id] is not None else None for req in requests]
    people = _load_people(conn, keys, heads)
    lane = _Lane(conn, now)
    question_ids: dict[int, dict[str, int]] = {}  # survey id -> its questions' ids by key
    checked_in: dict[int, dict[int, int]] = {}  # session id -> department -> checked in
    seen: set[int] = set()  # attendees who answered earlier in this group
    results: list[SubmitResult] = []
    for req, key in zip(requests, keys, strict=True):
        head = heads[req.session_id]
        person = people.get(key) if head is not None else None
        if (
            head is None
            or (person is not None and (person.id in seen or person.marker_id))
            or req.needs_device_rule
        ):
            # Unknown session (decide says so), a replacement, a repeat, or a phone naming
            # its attendee by staff number (the device rule): the slow way, after the
            # lane's inserts, so it sees them.
            lane.flush()
            results.append(decide(conn, req, now, cache))
            if person is not None:
                seen.add(person.id)
            continue
        session_id, event_id, is_open, survey_id, anonymous, _ = head
        if survey_id is None or (not is_open and req.method is not FeedbackMethod.PAPER):
            results.append(_SURVEY_CLOSED)
            continue
        if person is None or not person.checked_in:
            results.append(_NOT_CHECKED_IN)
            continue
        questions = cache.get(conn, survey_id)
        check = cache.check(conn, survey_id)(req.answers)
        if not check.ok:
            results.append(SubmitResult(FeedbackOutcome.INVALID_ANSWERS, check.errors))
            continue
        seen.add(person.id)
        if survey_id not in question_ids:
            question_ids[survey_id] = {q.key: q.id for q in questions if q.id is not None}
        department_id = person.department_id
        if anonymous:
            if session_id not in checked_in:
                checked_in[session_id] = checked_in_by_department(conn, session_id)
            department_id = anonymous_department(department_id, checked_in[session_id])
        lane.records.append(
            _Record(
                survey_id,
                session_id,
                event_id,
                bool(anonymous),
                person.id,
                department_id,
                req.method,
                dict(check.answers),
                question_ids[survey_id],
            )
        )
        results.append(_RECORDED)
    lane.flush()
    return results


# Results without errors are the same value for everyone (SubmitResult is frozen).
_RECORDED = SubmitResult(FeedbackOutcome.RECORDED)
_SURVEY_CLOSED = SubmitResult(FeedbackOutcome.SURVEY_CLOSED)
_NOT_CHECKED_IN = SubmitResult(FeedbackOutcome.NOT_CHECKED_IN)


def _sessions(requests: Sequence[Submission]) -> list[int]:
    return list(dict.fromkeys(req.session_id for req in requests))


def _key(req: Submission) -> tuple[int, str, int | str] | None:
    who = req.respondent
    if who.attendee_id is not None:
        return (req.session_id, "id", who.attendee_id)
    if who.staff_no:
        return (req.session_id, "staff", normalise_staff_no(who.staff_no))
    return None


def _load_people(
    conn: Connection,
    keys: Sequence[tuple[int, str, int | str] | None],
    heads: dict[int, AnyRow],
) -> dict[tuple[int, str, int | str] | None, AnyRow]:
    """Everyone the group names (`_key` of each submission): one query per session and
    kind of key."""
    wanted: dict[tuple[int, str], set[int | str]] = {}
    for key in keys:
        if key is not None and heads[key[0]][3] is not None:  # the event has a survey
            wanted.setdefault((key[0], key[1]), set()).add(key[2])
    found: dict[tuple[int, str, int | str] | None, AnyRow] = {}
    for (session_id, kind), named in wanted.items():
        head = heads[session_id]
        params = {
            "keys": sorted(named, key=str),
            "session_id": session_id,
            "survey_id": head[3],
            "event_id": head[1],
        }
        for values in json.loads(conn.execute(_PEOPLE_JSON[kind], params).scalar_one()):
            row = _Person(*values)
            found[(session_id, kind, row.staff_no if kind == "staff" else row.id)] = row
    return found
