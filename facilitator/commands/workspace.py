"""`facilitator demo`, `facilitator event create|list|show`."""

from __future__ import annotations

import argparse
import contextlib
import re
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.errors import FieldError, InputRejected, Msg, ValidationFailed

if TYPE_CHECKING:
    from facilitator.commands.context import CliContext
    from facilitator.composition import Composition
    from facilitator.domain.event_rules import SessionSpec

DEFAULT_CAPACITY = 100
_SESSION_RE = re.compile(
    r"^(?P<label>[^=]+)=(?P<start>\d{1,2}:\d{2})-(?P<end>\d{1,2}:\d{2})(?::(?P<cap>-?\d+))?$"
)


def register(subparsers: Any) -> None:
    from facilitator.commands.context import add_db_option, add_event_option

    demo = subparsers.add_parser("demo", help="create a demo workspace")
    add_db_option(demo, required=True)
    demo.add_argument("--attendees", type=int, default=100, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")
    demo.add_argument(
        "--finished",
        action="store_true",
        help="play the day to its end: check-ins, agenda runs, answers, certificates",
    )
    demo.add_argument("--json", action="store_true")
    demo.set_defaults(handler=run_demo)

    event = subparsers.add_parser("event", help="create or list events")
    event_sub = event.add_subparsers(dest="event_command", metavar="ACTION", required=True)
    create = event_sub.add_parser("create", help="create an event (prints its id)")
    add_db_option(create, required=True)
    create.add_argument("--title", required=True)
    create.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    create.add_argument(
        "--session",
        action="append",
        required=True,
        metavar="LABEL=HH:MM-HH:MM[:CAPACITY]",
        dest="sessions",
    )
    create.add_argument("--room", default="", help="room for every session")
    create.add_argument("--venue", default="")
    create.add_argument(
        "--survey-from",
        type=int,
        default=None,
        metavar="EVENT_ID",
        help="copy that event's survey (default: the standard 受講報告書)",
    )
    create.add_argument("--json", action="store_true")
    create.set_defaults(handler=run_event_create)

    listing = event_sub.add_parser("list", help="list the events of a workspace")
    add_db_option(listing, required=True)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_event_list)

    show = event_sub.add_parser("show", help="show an event and its sessions")
    add_db_option(show, required=True)
    add_event_option(show)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=run_event_show)

    from facilitator.commands import event_transfer

    event_transfer.register(event_sub)


@contextlib.contextmanager
def _created_or_opened(args: argparse.Namespace, ctx: CliContext) -> Iterator[Composition]:
    """The services of `--db` open for writing, creating it if missing; a file this
    command created is removed again when the command fails, so a refusal leaves nothing."""
    path = Path(args.db)
    existed = path.exists()
    try:
        with ctx.services(args, create=True) as services:
            yield services
    except BaseException:
        if not existed:
            path.unlink(missing_ok=True)
        raise


def run_demo(args: argparse.Namespace, ctx: CliContext) -> int:
    from facilitator.services.demo.workspace import check_demo_size

    check_demo_size(args.attendees)
    path = Path(args.db)
    if path.exists():
        raise InputRejected(
            Msg(
                en=f"{path} already exists; choose a new file for the demo workspace.",
                ja=f"{path} は既に存在します。デモ用には新しいファイル名を指定してください。",
            )
        )
    with _created_or_opened(args, ctx) as services:
        if args.finished:
            finished = services.finished_demo(attendees=args.attendees, seed=args.seed)
            summary, day = finished.summary, finished.day
        else:
            summary, day = services.demo(attendees=args.attendees, seed=args.seed), None
    if args.json:
        payload = {
            "event": summary.event_id,
            "attendees": summary.attendees,
            "departments": summary.departments,
            "sessions": summary.sessions,
        }
        if day is not None:
            payload["day"] = {
                "checked_in": day.checked_in,
                "walk_ins": day.walk_ins,
                "no_shows": day.no_shows,
                "rebooked": day.rebooked,
                "responses": day.responses,
                "certificates": day.certificates,
            }
        ctx.print_json(payload)
    elif day is not None:
        ctx.say(
            Msg(
                en=f"Finished demo day created: {path} ({summary.attendees} attendees; "
                f"{day.checked_in} checked in incl. {day.walk_ins} walk-ins, {day.no_shows} "
                f"no-shows, {day.rebooked} admitted to another session; {day.responses} survey "
                f"answers; {day.certificates} certificates).",
                ja=f"終了済みのデモ研修を作成しました：{path}（受講者 {summary.attendees} 名；"
                f"受付 {day.checked_in} 名（当日参加 {day.walk_ins} 名を含む）、欠席 "
                f"{day.no_shows} 名、振替 {day.rebooked} 名；アンケート回答 {day.responses} 件；"
                f"修了証 {day.certificates} 件）",
            )
        )
    else:
        ctx.say(
            Msg(
                en=f"Demo workspace created: {path} ({summary.attendees} attendees, "
                f"{summary.departments} departments).",
                ja=f"デモ用ワークスペースを作成しました：{path}（受講者 {summary.attendees} 名、"
                f"{summary.departments} 所属）",
            )
        )
    return 0


def parse_session(text: str, index: int) -> SessionSpec:
    from facilitator.domain.event_rules import SessionSpec

    match = _SESSION_RE.match(text.strip())
    bad = FieldError(
        f"sessions[{index}]",
        Msg(
            en=f"--session {text!r}: write it as LABEL=HH:MM-HH:MM[:CAPACITY], e.g. AM=09:30-12:00:50.",
            ja=f"--session {text!r}：LABEL=HH:MM-HH:MM[:定員] の形で指定してください（例 AM=09:30-12:00:50）。",
        ),
    )
    if not match:
        raise ValidationFailed([bad])
    try:
        start = time.fromisoformat(match["start"].zfill(5))
        end = time.fromisoformat(match["end"].zfill(5))
    except ValueError:
        raise ValidationFailed([bad]) from None
    capacity = int(match["cap"]) if match["cap"] else DEFAULT_CAPACITY
    return SessionSpec(label=match["label"].strip(), start=start, end=end, capacity=capacity)


def run_event_create(args: argparse.Namespace, ctx: CliContext) -> int:
    from dataclasses import replace

    from facilitator.domain.event_rules import EventSpec

    try:
        day = date.fromisoformat(args.date)
    except ValueError:
        raise ValidationFailed(
            [
                FieldError(
                    "date",
                    Msg(
                        en=f"--date {args.date!r} is not a date; use YYYY-MM-DD.",
                        ja=f"--date {args.date!r} は日付ではありません。YYYY-MM-DD の形で指定してください。",
                    ),
                )
            ]
        ) from None
    sessions = tuple(
        replace(parse_session(text, i), room=args.room) for i, text in enumerate(args.sessions)
    )
    spec = EventSpec(title=args.title, date=day, sessions=sessions, venue=args.venue)
    from facilitator.domain.event_rules import validate_event

    errors = validate_event(spec)
    if errors:  # before the file is created, so a refused command leaves nothing behind
        raise ValidationFailed(errors)
    with _created_or_opened(args, ctx) as services:
        detail = services.events.create_event(spec, survey_from=args.survey_from)
    if args.json:
        ctx.print_json({"event": detail.id, "sessions": {s.label: s.code for s in detail.sessions}})
    else:
        ctx.out.write(f"{detail.id}\n")
    return 0


def run_event_list(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.services(args, readonly=True) as services:
        events = services.events.list_events()
    if args.json:
        ctx.print_json(
            {
                "events": [
                    {
                        "id": e.id,
                        "title": e.title,
                        "date": e.date.isoformat(),
                        "sessions": e.session_count,
                        "attendees": e.attendee_count,
                    }
                    for e in events
                ]
            }
        )
    else:
        for e in events:
            ctx.out.write(
                f"{e.id}\t{e.date.isoformat()}\t{e.title}\t{e.session_count}\t{e.attendee_count}\n"
            )
    return 0


def run_event_show(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.services(args, readonly=True) as services:
        service = services.events
        detail = service.get_event(service.resolve_event_id(args.event))
    if args.json:
        ctx.print_json(
            {
                "id": detail.id,
                "title": detail.title,
                "date": detail.date.isoformat(),
                "venue": detail.venue,
                "sessions": [
                    {
                        "id": s.id,
                        "label": s.label,
                        "code": s.code,
                        "date": s.date.isoformat(),
                        "start": s.start.strftime("%H:%M"),
                        "end": s.end.strftime("%H:%M"),
                        "room": s.room,
                        "capacity": s.capacity,
                    }
                    for s in detail.sessions
                ],
            }
        )
        return 0
    ctx.out.write(f"{detail.id}\t{detail.date.isoformat()}\t{detail.title}\n")
    for s in detail.sessions:
        ctx.out.write(
            f"  {s.label}\t{s.start:%H:%M}-{s.end:%H:%M}\t{s.room}\t{s.capacity}\t{s.code}\n"
        )
    return 0
