"""`facilitator schedule rebook --from AM --to PM`: the day-of rebooking of no-shows."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.errors import Msg

if TYPE_CHECKING:
    from facilitator.commands.context import CliContext

# The plan moves people and --yes was not given: nothing was saved.
EXIT_NOT_SAVED = 4


def add_rebook_parser(schedule_sub: Any) -> None:
    from facilitator.commands.context import add_db_option, add_event_option

    rebook = schedule_sub.add_parser(
        "rebook",
        help="offer a session's no-shows (not checked in) a later session, by department",
    )
    add_db_option(rebook, required=True)
    add_event_option(rebook)
    rebook.add_argument("--from", dest="source", required=True, metavar="SESSION")
    rebook.add_argument("--to", dest="target", required=True, metavar="SESSION")
    rebook.add_argument("--yes", action="store_true", help="move them (without it: only list)")
    rebook.add_argument(
        "--notice-out", metavar="FILE.pdf", help="write the per-department notice (PDF)"
    )
    rebook.add_argument("--json", action="store_true")
    rebook.set_defaults(handler=run_rebook)


def run_rebook(args: argparse.Namespace, ctx: CliContext) -> int:
    from facilitator.services.files import write_atomically

    with ctx.services(args) as services:
        event_id = services.events.resolve_event_id(args.event)
        if args.yes:
            report = services.rebook.rebook(event_id, args.source, args.target)
        else:
            report = services.rebook.plan(event_id, args.source, args.target)
        notice = (
            Path(args.notice_out) if args.notice_out and report.saved and report.moved else None
        )
        if notice is not None:
            write_atomically(notice, services.rebook.notices(event_id, report))
    if args.json:
        ctx.print_json({**report.as_json(ctx.lang), "notice": str(notice) if notice else None})
        return 0 if report.saved or not report.moved else EXIT_NOT_SAVED
    if not report.people:
        ctx.say(
            Msg(
                en=f"Everyone assigned to {report.from_label} has checked in: nobody to rebook.",
                ja=f"{report.from_label} の受講者は全員受付済みです。変更する人はいません。",
            )
        )
        return 0
    for dept, people in report.by_department().items():
        ctx.out.write(f"{dept}\n")
        for p in people:
            ctx.out.write(f"  {p.staff_no} {p.name}: {p.describe(ctx.lang, report.to_label)}\n")
    n, total = len(report.moved), len(report.people)
    if not report.saved:
        ctx.say(
            Msg(
                en=f"{total} not checked in to {report.from_label}; {n} can move to "
                f"{report.to_label} ({report.room} places free). Nothing was changed: "
                "run again with --yes to move them.",
                ja=f"{report.from_label} の未受付 {total} 名のうち {n} 名を {report.to_label} に"
                f"変更できます（空き {report.room} 名）。何も変更していません。"
                "変更するには --yes を付けて実行してください。",
            )
        )
        return EXIT_NOT_SAVED if n else 0
    ctx.say(
        Msg(
            en=f"Moved {n} of {total} to {report.to_label}."
            + (f" Notice written to {notice}." if notice else ""),
            ja=f"{total} 名中 {n} 名を {report.to_label} に変更しました。"
            + (f"お知らせを {notice} に書き出しました。" if notice else ""),
        )
    )
    return 0
