"""`facilitator reports event|attendees|departments|comments`: the papers after the day."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.errors import InputRejected, Msg

if TYPE_CHECKING:
    from facilitator.commands.context import CliContext
    from facilitator.services.reports.export import ReportResult


def register(subparsers: Any) -> None:
    from facilitator.commands.context import add_db_option, add_event_option

    reports = subparsers.add_parser("reports", help="reports after the day")
    sub = reports.add_subparsers(dest="reports_command", metavar="REPORT", required=True)

    event = sub.add_parser("event", help="研修実施報告書: the event report (.pdf or .xlsx)")
    add_db_option(event, required=True)
    add_event_option(event)
    event.add_argument("--out", required=True, metavar="F.pdf|F.xlsx")
    event.add_argument(
        "--comment",
        action="append",
        type=int,
        default=None,
        metavar="ID",
        dest="comments",
        help="a comment to include (ids from `reports comments`); repeat; "
        "default: every comment that could not name a person",
    )
    event.add_argument("--no-comments", action="store_true", help="include no comments")
    event.add_argument("--force", action="store_true", help="replace an existing file")
    event.add_argument("--json", action="store_true")
    event.set_defaults(handler=run_event)

    attendees = sub.add_parser("attendees", help="受講報告書 drafts, one per checked-in attendee")
    add_db_option(attendees, required=True)
    add_event_option(attendees)
    attendees.add_argument("--out", required=True, metavar="DIR/|F.zip|F.pdf")
    attendees.add_argument(
        "--template", metavar="T.xlsx", default=None, help="fill this Excel form for each attendee"
    )
    attendees.add_argument("--force", action="store_true", help="replace existing files")
    attendees.add_argument("--json", action="store_true")
    attendees.set_defaults(handler=run_attendees)

    departments = sub.add_parser("departments", help="所属長 digests, one per department")
    add_db_option(departments, required=True)
    add_event_option(departments)
    departments.add_argument("--out", required=True, metavar="DIR/|F.zip|F.pdf")
    departments.add_argument("--force", action="store_true", help="replace existing files")
    departments.add_argument("--json", action="store_true")
    departments.set_defaults(handler=run_departments)

    comments = sub.add_parser("comments", help="list the comments and which could name a person")
    add_db_option(comments, required=True)
    add_event_option(comments)
    comments.add_argument("--json", action="store_true")
    comments.set_defaults(handler=run_comments)


def _done(args: argparse.Namespace, ctx: CliContext, result: ReportResult, what: Msg) -> int:
    if args.json:
        ctx.print_json(
            {"out": str(result.path), "count": result.count, "anonymous": result.anonymous}
        )
    else:
        ctx.say(what)
        if result.anonymous:
            ctx.say(
                Msg(
                    en="The survey is anonymous, so no one's answers were included.",
                    ja="アンケートが無記名のため、個人の回答は含めていません。",
                )
            )
    return 0


def run_event(args: argparse.Namespace, ctx: CliContext) -> int:
    from facilitator.services.reports.export import event_report_format

    event_report_format(args.out)  # a bad --out is refused before the workspace is opened
    if args.no_comments and args.comments:
        raise InputRejected(
            Msg(
                en="Give either --comment or --no-comments, not both.",
                ja="--comment と --no-comments は同時に指定できません。",
            )
        )
    chosen: list[int] | None = [] if args.no_comments else args.comments
    with ctx.services(args, readonly=True) as services:
        event_id = services.events.resolve_event_id(args.event)
        reports = services.reports
        if chosen:
            known = {c.id for c in reports.facts.comments(event_id)}
            unknown = [str(i) for i in chosen if i not in known]
            if unknown:
                raise InputRejected(
                    Msg(
                        en=f"No comment with id {', '.join(unknown)} in this event; "
                        "see `facilitator reports comments`.",
                        ja=f"この研修に ID {', '.join(unknown)} のコメントはありません。"
                        "`facilitator reports comments` で確認してください。",
                    )
                )
        result = reports.exporter.event_report(
            event_id, args.out, ctx.lang, comment_ids=chosen, force=args.force
        )
    return _done(
        args,
        ctx,
        result,
        Msg(
            en=f"Event report written: {result.path}",
            ja=f"研修実施報告書を出力しました：{result.path}",
        ),
    )


def run_attendees(args: argparse.Namespace, ctx: CliContext) -> int:
    from facilitator.services.reports.output import batch_target

    batch_target(args.out, merged=args.template is None)
    with ctx.services(args, readonly=True) as services:
        event_id = services.events.resolve_event_id(args.event)
        result = services.reports.exporter.attendees(
            event_id,
            args.out,
            ctx.lang,
            template=Path(args.template) if args.template else None,
            force=args.force,
        )
    return _done(
        args,
        ctx,
        result,
        Msg(
            en=f"{result.count} report draft(s) written: {result.path}",
            ja=f"受講報告書の下書き {result.count} 件を出力しました：{result.path}",
        ),
    )


def run_departments(args: argparse.Namespace, ctx: CliContext) -> int:
    from facilitator.services.reports.output import batch_target

    batch_target(args.out, merged=True)
    with ctx.services(args, readonly=True) as services:
        event_id = services.events.resolve_event_id(args.event)
        result = services.reports.exporter.departments(
            event_id, args.out, ctx.lang, force=args.force
        )
    return _done(
        args,
        ctx,
        result,
        Msg(
            en=f"{result.count} department digest(s) written: {result.path}",
            ja=f"所属長あての資料 {result.count} 件を出力しました：{result.path}",
        ),
    )


def run_comments(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.services(args, readonly=True) as services:
        event_id = services.events.resolve_event_id(args.event)
        comments = services.reports.facts.comments(event_id)
    if args.json:
        ctx.print_json(
            {
                "comments": [
                    {
                        "id": c.id,
                        "question": c.question_key,
                        "session": c.session,
                        "department": c.department,
                        "text": c.text,
                        "could_name_a_person": c.names_person,
                        "found": list(c.reasons),
                    }
                    for c in comments
                ]
            }
        )
        return 0
    flag = Msg(en="NAME?", ja="人名?").text(ctx.lang)
    for c in comments:
        mark = f"{flag} {'、'.join(c.reasons)}" if c.names_person else ""
        text = c.text.replace("\n", " ")
        ctx.out.write(f"{c.id}\t{c.session}\t{c.question_key}\t{text}\t{mark}\n")
    return 0
