"""`facilitator serve`, `facilitator checkin-url`, `facilitator checkins export`.

`serve` holds the writer's lock (it records check-ins); the other two are
read-only and work while `serve` or the GUI has the workspace open.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.errors import Msg

if TYPE_CHECKING:
    from facilitator.commands.context import CliContext

DEFAULT_PORT = 8765  # the same as domain.phone_links (not imported: registrars stay light)


def register(subparsers: Any) -> None:
    from facilitator.commands.context import add_db_option, add_event_option

    serve = subparsers.add_parser(
        "serve", help="serve the phone check-in and feedback pages on the LAN (no GUI)"
    )
    add_db_option(serve, required=True)
    add_event_option(serve)
    serve.add_argument(
        "--host", default=None, help="address to listen on (default: this PC's LAN address)"
    )
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, metavar="P")
    serve.add_argument("--json", action="store_true", help="print the address as JSON")
    serve.set_defaults(handler=run_serve)

    url = subparsers.add_parser("checkin-url", help="print a session's current check-in URL")
    add_db_option(url, required=True)
    add_event_option(url)
    url.add_argument("--session", required=True, metavar="LABEL", help="session label, e.g. AM")
    url.add_argument("--host", default=None, help="address phones use (default: this PC's LAN IP)")
    url.add_argument(
        "--port",
        type=int,
        default=None,
        metavar="P",
        help=f"port (default: the running server's, else {DEFAULT_PORT})",
    )
    url.add_argument("--json", action="store_true")
    url.set_defaults(handler=run_checkin_url)

    checkins = subparsers.add_parser("checkins", help="check-in records")
    sub = checkins.add_subparsers(dest="checkins_command", metavar="ACTION", required=True)
    export = sub.add_parser("export", help="export who checked in (.csv or .xlsx)")
    add_db_option(export, required=True)
    add_event_option(export)
    export.add_argument("--out", required=True, metavar="FILE", help="FILE.csv or FILE.xlsx")
    export.add_argument("--json", action="store_true")
    export.set_defaults(handler=run_checkins_export)


def checked_port(value: int) -> int:
    """`--port` of serve, checkin-url and feedback-url, refused when out of range."""
    from facilitator.errors import InputRejected

    if not 1 <= value <= 65535:
        raise InputRejected(
            Msg(
                en=f"--port {value} is not a port number (1–65535).",
                ja=f"--port {value} はポート番号ではありません（1–65535）。",
            )
        )
    return value


def checked_host(value: str | None, ctx: CliContext) -> str:
    """`--host`, or the address phones on the venue Wi-Fi reach this PC at.

    A malformed `--host` is refused before any URL (or QR) carries it. Without
    one, a Wi-Fi that gives no default route (a venue router with no internet)
    still has the PC's LAN address; only when there is none at all is loopback
    used, with a note, since no phone can open it.
    """
    from facilitator.domain.phone_links import is_valid_host
    from facilitator.errors import InputRejected
    from facilitator.web.addresses import LOOPBACK, default_route_address, ipv4_addresses

    if value is None:
        host = default_route_address()
        if host == LOOPBACK:
            host = ipv4_addresses()[0]  # LAN addresses first, loopback last
        if host == LOOPBACK:
            ctx.err.write(
                Msg(
                    en="Note: this PC has no network address, so phones cannot open "
                    f"{LOOPBACK}. Join the venue Wi-Fi, or give --host.",
                    ja=f"注意：この PC にはネットワークのアドレスがないため、スマートフォンから "
                    f"{LOOPBACK} は開けません。会場の Wi-Fi に接続するか、--host を指定してください。",
                ).text(ctx.lang)
                + "\n"
            )
        return host
    if value.startswith("[") and value.endswith("]"):
        value = value[1:-1]  # an IPv6 literal written as in a URL; base_url adds them back
    if not is_valid_host(value):
        raise InputRejected(
            Msg(
                en=f"--host {value!r} is not an IP address or host name (e.g. 192.168.1.10).",
                ja=f"--host {value!r} は IP アドレスでもホスト名でもありません（例：192.168.1.10）。",
            )
        )
    return value


def run_serve(args: argparse.Namespace, ctx: CliContext) -> int:
    import gc
    import signal
    import threading

    from facilitator.web.app import create_app
    from facilitator.web.server import LanServer, tune_interpreter_for_serving

    port = checked_port(args.port)
    host = checked_host(args.host, ctx)
    with ctx.services(args) as services:
        events = services.events
        detail = events.get_event(events.resolve_event_id(args.event))
        # The writers of check-in and feedback are finished when `services` closes.
        deps = services.web_deps(event_id=detail.id)
        server = LanServer(create_app(deps), host, port)
        stop = threading.Event()
        try:
            server.start()
            services.workspace.announce_server(server.base_url)
            for sig in (signal.SIGINT, signal.SIGTERM):
                signal.signal(sig, lambda *_: stop.set())
            if args.json:
                ctx.print_json(
                    {
                        "url": server.base_url,
                        "host": server.host,
                        "port": server.port,
                        "event": detail.id,
                        "sessions": {s.label: s.code for s in detail.sessions},
                    }
                )
            else:
                ctx.say(
                    Msg(
                        en=f"Serving check-in for “{detail.title}” on {server.base_url} "
                        "(Ctrl+C to stop). Show the session QR from the GUI, or print a "
                        "link with: facilitator checkin-url --session LABEL",
                        ja=f"「{detail.title}」の受付を {server.base_url} で提供しています"
                        "（Ctrl+C で停止）。セッションの QR は GUI で表示するか、"
                        "facilitator checkin-url --session LABEL でリンクを表示してください。",
                    )
                )
            ctx.out.flush()
            # Start-up garbage would otherwise be scanned again in the first burst.
            gc.collect()
            gc.freeze()
            tune_interpreter_for_serving()
            while not stop.wait(0.5):
                pass
        finally:
            server.stop()
    return 0


def phone_base(args: argparse.Namespace, ctx: CliContext) -> str:
    """`http://HOST:PORT` for phone links: what --host/--port say, else the address the
    running `serve` or GUI announced (it may have moved to the next free port), else
    this PC's LAN address on the default port."""
    from facilitator.db.lock import running_server_url
    from facilitator.domain.phone_links import base_url

    if args.host is None and args.port is None:
        announced = running_server_url(Path(args.db))
        if announced:
            return announced
    port = DEFAULT_PORT if args.port is None else checked_port(args.port)
    return base_url(checked_host(args.host, ctx), port)


def run_checkin_url(args: argparse.Namespace, ctx: CliContext) -> int:
    from facilitator.domain.phone_links import CHECKIN_PURPOSE, checkin_url
    from facilitator.domain.tokens import RotatingTokens

    base = phone_base(args, ctx)
    clock = ctx.get_clock()
    with ctx.services(args, readonly=True) as services:
        events = services.events
        session = events.get_event(events.resolve_event_id(args.event)).session_by_label(
            args.session
        )
        found = services.checkin.phone_session(session.code)
    assert found is not None
    tokens = RotatingTokens(found.secret, CHECKIN_PURPOSE, found.code)
    now = clock.now().timestamp()
    url = checkin_url(base, found.code, tokens.token_at(now))
    if args.json:
        ctx.print_json(
            {
                "url": url,
                "session": found.label,
                "valid_for_seconds": int(tokens.seconds_left(now) + tokens.window),
            }
        )
    else:
        ctx.out.write(url + "\n")
    return 0


def run_checkins_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from facilitator.services.checkin.export import export_checkins

    out = Path(args.out)
    with ctx.services(args, readonly=True) as services:
        event_id = services.events.resolve_event_id(args.event)
        rows = services.checkin.desk.export_rows(event_id)
    written = export_checkins(rows, out)
    if args.json:
        ctx.print_json({"out": str(out), "rows": written})
    else:
        ctx.say(
            Msg(
                en=f"Exported {written} check-ins to {out}.",
                ja=f"{written} 件の受付記録を {out} に書き出しました。",
            )
        )
    return 0
