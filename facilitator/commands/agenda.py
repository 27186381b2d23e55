"""`facilitator agenda times` and `facilitator agenda export` (both read-only)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.errors import InputRejected, Msg

if TYPE_CHECKING:
    from facilitator.commands.context import CliContext


def register(subparsers: Any) -> None:
    from facilitator.commands.context import add_db_option, add_event_option

    agenda = subparsers.add_parser("agenda", help="agenda times and planned-vs-actual exports")
    sub = agenda.add_subparsers(dest="agenda_command", metavar="ACTION", required=True)
    times = sub.add_parser("times", help="planned clock time of every item in every session")
    add_db_option(times, required=True)
    add_event_option(times)
    times.add_argument("--json", action="store_true")
    times.set_defaults(handler=run_agenda_times)

    export = sub.add_parser("export", help="planned vs actual per item and session (.csv/.pdf)")
    add_db_option(export, required=True)
    add_event_option(export)
    export.add_argument("--out", required=True, metavar="FILE", help="FILE.csv or FILE.pdf")
    export.add_argument("--json", action="store_true")
    export.set_defaults(handler=run_agenda_export)


def run_agenda_times(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.services(args, readonly=True) as services:
        event_id = services.events.resolve_event_id(args.event)
        schedule = services.agenda.schedule(event_id)
    if args.json:
        ctx.print_json(
            {
                "total_minutes": schedule.total_minutes,
                "sessions": [
                    {
                        "label": s.label,
                        "fits": s.fits,
                        "over_minutes": s.over_minutes,
                        "items": [
                            {
                                "title": slot.title,
                                "start": slot.start.isoformat(),
                                "end": slot.end.isoformat(),
                            }
                            for slot in s.slots
                        ],
                    }
                    for s in schedule.sessions
                ],
            }
        )
        return 0
    for s in schedule.sessions:
        ctx.out.write(f"[{s.label}]\n")
        for slot in s.slots:
            ctx.out.write(f"  {slot.start:%H:%M}-{slot.end:%H:%M}  {slot.title}\n")
        if not s.fits:
            ctx.say(
                Msg(
                    en=f"  Does not fit: ends {s.over_minutes} min after the session ({s.slot_end:%H:%M}).",
                    ja=f"  枠に収まりません：セッション終了（{s.slot_end:%H:%M}）より {s.over_minutes} 分超過します。",
                )
            )
    return 0


def run_agenda_export(args: argparse.Namespace, ctx: CliContext) -> int:
    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".pdf"):
        raise InputRejected(
            Msg(
                en=f"{out.name}: choose a .csv or .pdf file name.",
                ja=f"{out.name}：ファイル名の拡張子は .csv か .pdf にしてください。",
            )
        )
    with ctx.services(args, readonly=True) as services:
        event_id = services.events.resolve_event_id(args.event)
        reports = services.agenda_reports
        data = (
            reports.export_csv(event_id, ctx.lang)
            if suffix == ".csv"
            else reports.export_pdf(event_id, ctx.lang)
        )
    from facilitator.services.files import write_atomically

    write_atomically(out, data)
    if args.json:
        ctx.print_json({"path": str(out), "bytes": len(data)})
    else:
        ctx.say(Msg(en=f"Wrote {out}.", ja=f"{out} に書き出しました。"))
    return 0
