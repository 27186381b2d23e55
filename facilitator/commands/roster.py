"""`facilitator roster import|export` and `facilitator schedule assign`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.errors import Msg

if TYPE_CHECKING:
    from facilitator.commands.context import CliContext


def register(subparsers: Any) -> None:
    from facilitator.commands.context import add_db_option, add_event_option

    roster = subparsers.add_parser("roster", help="import or export the attendee roster")
    roster_sub = roster.add_subparsers(dest="roster_command", metavar="ACTION", required=True)

    imp = roster_sub.add_parser("import", help="import a CSV, TSV or XLSX staff list")
    add_db_option(imp, required=True)
    add_event_option(imp)
    imp.add_argument("file", metavar="FILE")
    imp.add_argument(
        "--encoding",
        choices=("utf-8", "cp932", "shift_jis"),
        default=None,
        help="override encoding detection (CSV/TSV)",
    )
    imp.add_argument("--sheet", default=None, help="XLSX sheet name (default: the first)")
    imp.add_argument(
        "--valid-only", action="store_true", help="import the valid rows and skip the invalid ones"
    )
    imp.add_argument(
        "--remove-missing",
        action="store_true",
        help="remove attendees who are not in the file (those with records are kept)",
    )
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=run_import)

    exp = roster_sub.add_parser("export", help="export the roster with sessions (.csv or .xlsx)")
    add_db_option(exp, required=True)
    add_event_option(exp)
    exp.add_argument("--out", required=True, metavar="FILE")
    exp.set_defaults(handler=run_export)

    schedule = subparsers.add_parser("schedule", help="assign attendees to sessions")
    schedule_sub = schedule.add_subparsers(dest="schedule_command", metavar="ACTION", required=True)
    assign = schedule_sub.add_parser(
        "assign",
        help="assign attendees to sessions by the rules; people already placed stay "
        "unless a rule forces a move",
    )
    add_db_option(assign, required=True)
    add_event_option(assign)
    assign.add_argument(
        "--yes", action="store_true", help="save the plan even when it moves people already placed"
    )
    assign.add_argument(
        "--fresh", action="store_true", help="reassign everyone, ignoring where they are now"
    )
    assign.add_argument("--json", action="store_true")
    assign.set_defaults(handler=run_assign)

    from facilitator.commands.rebook import add_rebook_parser

    add_rebook_parser(schedule_sub)


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from facilitator.errors import InputRejected, UnknownEvent, WorkspaceError
    from facilitator.services.roster.files import (
        ImportReport,
        RosterImportRejected,
    )

    with ctx.services(args) as services:
        event_id = services.events.resolve_event_id(args.event)
        service = services.roster_files
        try:
            report = service.import_file(
                event_id,
                Path(args.file),
                encoding=args.encoding,
                sheet=args.sheet,
                valid_rows_only=args.valid_only,
                remove_missing=args.remove_missing,
            )
        except RosterImportRejected as exc:
            _print_rejection(ctx, exc.report, args.json)
            return exc.exit_code
        except (UnknownEvent, WorkspaceError):
            raise
        except InputRejected as exc:
            # A file-level refusal (empty, binary, no header...): same JSON shape, row 0.
            if args.json:
                ctx.print_json(
                    {
                        **ImportReport().as_json(ctx.lang),
                        "errors": [{"row": 0, "column": "", "message": exc.message.text(ctx.lang)}],
                    }
                )
            ctx.err.write(exc.message.text(ctx.lang) + "\n")
            return exc.exit_code
    if args.json:
        ctx.print_json(report.as_json(ctx.lang))
    else:
        ctx.say(
            Msg(
                en=f"Imported: {report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
                f"{report.missing} in the workspace but not in the file"
                + (f", {report.removed} removed" if report.removed else "")
                + (f", {report.skipped_rows} invalid rows skipped" if report.skipped_rows else "")
                + ".",
                ja=f"取り込みました：追加 {report.added} 名、更新 {report.updated} 名、変更なし {report.unchanged} 名、"
                f"ファイルにない受講者 {report.missing} 名"
                + (f"（うち {report.removed} 名を削除）" if report.removed else "")
                + (f"、無効な行 {report.skipped_rows} 行を除外" if report.skipped_rows else "")
                + "。",
            )
        )
    return 0


def _print_rejection(ctx: CliContext, report: Any, as_json: bool) -> None:
    if as_json:
        ctx.print_json(report.as_json(ctx.lang))
    head = Msg(
        en=f"The roster was not imported; nothing was changed. {len(report.errors)} problem(s):",
        ja=f"名簿を取り込みませんでした（何も変更していません）。問題 {len(report.errors)} 件：",
    )
    ctx.err.write(head.text(ctx.lang) + "\n")
    for error in report.errors:
        where = Msg(
            en=f"  row {error.row}, {error.column}: ", ja=f"  {error.row} 行目「{error.column}」："
        )
        ctx.err.write(where.text(ctx.lang) + error.message.text(ctx.lang) + "\n")


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:

    out = Path(args.out)
    with ctx.services(args, readonly=True) as services:
        event_id = services.events.resolve_event_id(args.event)
        count = services.roster_files.export(event_id, out)
    ctx.say(
        Msg(en=f"Wrote {count} attendees to {out}.", ja=f"{count} 名を {out} に書き出しました。")
    )
    return 0


# The plan moves people already placed and --yes was not given: nothing was saved.
EXIT_MOVES_NOT_SAVED = 4


def run_assign(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.services(args) as services:
        event_id = services.events.resolve_event_id(args.event)
        report = services.schedule.assign(event_id, fresh=args.fresh, accept_moves=args.yes)
    if args.json:
        ctx.print_json(report.as_json(ctx.lang))
        return 0 if report.saved else EXIT_MOVES_NOT_SAVED
    sizes = ", ".join(f"{label} {n}" for label, n in report.sessions.items())
    stated, met = report.preferences_stated, report.preferences_met
    summary = Msg(
        en=f"{sizes}; unassigned {report.unassigned}; preferences met {met} of {stated}; "
        f"departments split {report.split_departments} of {report.departments_with_2plus}.",
        ja=f"{sizes}、未割当 {report.unassigned} 名、希望どおり {stated} 名中 {met} 名、"
        f"複数名の所属 {report.departments_with_2plus} のうち分散 {report.split_departments}。",
    )
    if report.moves:
        ctx.say(
            Msg(
                en=f"This plan moves {len(report.moves)} attendees already placed:",
                ja=f"この割り当てでは、割り当て済みの {len(report.moves)} 名が移動します：",
            )
        )
        for row in report.moves:
            ctx.out.write(f"- {row.staff_no} " + row.move.message.text(ctx.lang) + "\n")
    if not report.saved:
        ctx.say(summary)
        ctx.say(
            Msg(
                en="Nothing was saved. Run again with --yes to save these moves.",
                ja="何も保存していません。移動を保存するには --yes を付けて実行してください。",
            )
        )
        return EXIT_MOVES_NOT_SAVED
    ctx.say(Msg(en="Assigned: " + summary.en, ja="割り当てました：" + summary.ja))
    for issue in report.issues:
        ctx.out.write("- " + issue.message.text(ctx.lang) + "\n")
    if report.stale_slips:
        names = [f"{m.staff_no} {m.move.name}" for m in report.stale_slips]
        ctx.say(
            Msg(
                en=f"Reprint the admission slips of {len(names)} moved attendees: "
                + ", ".join(names),
                ja=f"移動した {len(names)} 名の受講票を印刷し直してください：" + "、".join(names),
            )
        )
    return 0
