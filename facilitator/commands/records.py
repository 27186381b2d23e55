"""`facilitator records init|push|report`: the records database across trainings.

The records are chosen by `--records URL` (an SQLite file path or
`postgresql://user@host/db`), else FACILITATOR_RECORDS, else `records.sqlite`
in the user data folder. See docs/records.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.errors import Msg

if TYPE_CHECKING:
    from facilitator.commands.context import CliContext

EXIT_OK = 0


def add_records_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--records",
        metavar="URL",
        default=None,
        help="records database: an SQLite file or postgresql://user@host/db "
        "(default: $FACILITATOR_RECORDS, else records.sqlite in the user data folder)",
    )


def register(subparsers: Any) -> None:
    from facilitator.commands.context import add_db_option, add_event_option

    root = subparsers.add_parser("records", help="the records database across trainings")
    sub = root.add_subparsers(dest="records_command", metavar="ACTION", required=True)

    init = sub.add_parser("init", help="create or upgrade the records database's schema")
    add_records_option(init)
    init.set_defaults(handler=run_init)

    push = sub.add_parser("push", help="merge an event of a workspace into the records")
    add_db_option(push, required=True)
    add_event_option(push)
    add_records_option(push)
    push.add_argument("--json", action="store_true")
    push.set_defaults(handler=run_push)

    report = sub.add_parser("report", help="write a report from the records (.csv/.xlsx)")
    add_records_option(report)
    report.add_argument(
        "--kind", required=True, choices=("matrix", "history", "certificates", "pending")
    )
    report.add_argument("--out", required=True, metavar="PATH")
    report.add_argument("--encoding", default="utf-8", metavar="utf-8|cp932")
    report.add_argument("--training", default=None, metavar="TITLE")
    report.set_defaults(handler=run_report)


def run_init(args: argparse.Namespace, ctx: CliContext) -> int:
    from facilitator.db.records.store import (
        HEAD_REVISION,
        open_records,
        resolve_target,
        stored_revision,
    )

    target = resolve_target(args.records)
    with open_records(target, migrate=True) as store:
        after = stored_revision(store.engine)
    ctx.say(
        Msg(
            en=f"The records database {target.shown} is ready (schema {after or HEAD_REVISION}).",
            ja=f"記録データベース {target.shown} の準備ができました（スキーマ {after or HEAD_REVISION}）。",
        )
    )
    return EXIT_OK


def run_push(args: argparse.Namespace, ctx: CliContext) -> int:
    from facilitator.db.records.store import resolve_target

    resolve_target(args.records)  # a bad URL is refused before anything is read
    # Read-only: no lock, so the app or `serve` may keep the workspace open.
    with ctx.services(args, readonly=True) as services:
        event_id = services.events.resolve_event_id(args.event)
        result = services.records.push(event_id, args.records or "")
    if args.json:
        ctx.print_json(result.as_json())
    else:
        ctx.say(result.message())
    return EXIT_OK


def run_report(args: argparse.Namespace, ctx: CliContext) -> int:
    from facilitator.db.records.store import open_records, resolve_target
    from facilitator.services.records.report_files import check_output, write_report
    from facilitator.services.records.reports import RecordsReports, ReportKind

    out = Path(args.out)
    check_output(out, args.encoding)  # refused before the records are opened
    target = resolve_target(args.records)
    with open_records(target, migrate=False) as store:
        report = RecordsReports(store).report(ReportKind(args.kind), args.training)
    write_report(report, out, args.encoding)
    ctx.say(
        Msg(
            en=f"Wrote the {args.kind} report ({len(report.rows)} rows) to {out}.",
            ja=f"{args.kind} レポート（{len(report.rows)} 行）を {out} に出力しました。",
        )
    )
    return EXIT_OK
