"""`facilitator event export|import`: start a second laptop with the same event.

Registered under `event` by `commands.workspace`. See `services.event_transfer`.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.errors import InputRejected, Msg

if TYPE_CHECKING:
    from facilitator.commands.context import CliContext


def register(event_sub: Any) -> None:
    from facilitator.commands.context import add_db_option, add_event_option

    export = event_sub.add_parser(
        "export", help="copy an event for another laptop (X.facilitator-event)"
    )
    add_db_option(export, required=True)
    add_event_option(export)
    export.add_argument("--out", required=True, metavar="E.facilitator-event")
    export.set_defaults(handler=run_export)

    imp = event_sub.add_parser("import", help="add an event copied from another laptop")
    add_db_option(imp, required=True)
    imp.add_argument("file", metavar="E.facilitator-event")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=run_import)


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    out = Path(args.out)
    with ctx.services(args, readonly=True) as services:
        event_id = services.events.resolve_event_id(args.event)
        count = services.records.export_event(event_id, out)
    ctx.say(
        Msg(
            en=f"Wrote the event with {count} attendee(s) to {out}. On the other laptop: "
            f"facilitator event import --db WORKSPACE {out.name}",
            ja=f"受講者 {count} 名の研修を {out} に出力しました。もう 1 台のパソコンで："
            f"facilitator event import --db ワークスペース {out.name}",
        )
    )
    return 0


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from facilitator.services.event_transfer import read_event_file

    # Checked before the workspace is opened: `--db` may name a new file, and a
    # refused copy must not leave an empty workspace behind.
    read_event_file(Path(args.file))
    db = Path(args.db)
    created = not db.exists()
    try:
        with ctx.services(args, create=True) as services:
            imported = services.records.import_event(Path(args.file))
    except InputRejected:
        if created:  # a damaged copy refused mid-import leaves no new, empty workspace
            for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
                path.unlink(missing_ok=True)
        raise
    if args.json:
        ctx.print_json(
            {
                "event": imported.event_id,
                "uuid": imported.uuid,
                "title": imported.title,
                "attendees": imported.attendees,
            }
        )
    else:
        ctx.say(
            Msg(
                en=f"Imported {imported.title} as event {imported.event_id} with "
                f"{imported.attendees} attendee(s). Certificates for it are issued on the "
                "laptop it came from.",
                ja=f"「{imported.title}」を研修 {imported.event_id} として取り込みました（受講者 "
                f"{imported.attendees} 名）。この研修の修了証はコピー元のパソコンで発行します。",
            )
        )
    return 0
