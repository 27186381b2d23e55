"""Command line: no subcommand opens the GUI; subcommands do headless work.

Each area registers its subcommands in `facilitator.commands`. This module
and the registrars import only the standard library, so `--version` and
headless commands start fast and never load Qt.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from facilitator import __version__
from facilitator.errors import FacilitatorError, InputRejected, Msg
from facilitator.lang import LANGS, Lang, parse_lang, system_lang

if TYPE_CHECKING:
    from facilitator.db.workspace import Workspace
    from facilitator.domain.clock import Clock

EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_USAGE = 2
EXIT_REJECTED = 3

log = logging.getLogger(__name__)


@dataclass
class CliContext:
    """What every subcommand handler gets: language, output streams, workspace access."""

    lang: Lang
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    clock: Clock | None = None

    def get_clock(self) -> Clock:
        if self.clock is None:
            from facilitator.domain.clock import SystemClock

            self.clock = SystemClock()
        return self.clock

    def workspace(
        self, args: argparse.Namespace, *, readonly: bool = False, create: bool = False
    ) -> AbstractContextManager[Workspace]:
        """Open `--db` for this command (read-only commands never take the writer's lock)."""
        from facilitator.db.workspace import open_workspace

        db = getattr(args, "db", None)
        if not db:
            raise InputRejected(
                Msg(
                    en="Give the workspace file with --db PATH.",
                    ja="--db PATH でワークスペースのファイルを指定してください。",
                )
            )
        return open_workspace(
            Path(db), readonly=readonly, create=create, program=f"facilitator {args.command}"
        )

    def print_json(self, payload: dict[str, Any]) -> None:
        self.out.write(json.dumps(payload, ensure_ascii=False, default=str) + "\n")

    def say(self, msg: Msg) -> None:
        self.out.write(msg.text(self.lang) + "\n")


Handler = Callable[[argparse.Namespace, CliContext], int]


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors exit 2 with our wording and never print a traceback."""

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def add_db_option(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    # SUPPRESS keeps a --db given before the subcommand from being reset to None;
    # `required` is checked in main() for the same reason (either place will do).
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="workspace file (.sqlite)" + (" (required)" if required else ""),
    )
    if required:
        parser.set_defaults(db_required_by=parser)  # its usage line goes with the error


def add_event_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--event",
        type=int,
        metavar="ID",
        default=None,
        help="event id (default: the workspace's only or latest event)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="facilitator", description="Run an in-person training day from one venue laptop."
    )
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    parser.add_argument("--db", metavar="PATH", default=None, help="workspace file to open")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the GUI on a fresh demo workspace in a temporary folder",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation end to end in a temporary folder, then exit",
    )
    parser.add_argument(
        "--lang",
        metavar="ja|en",
        default=None,
        help="interface language (default: the system locale)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    from facilitator.commands import REGISTRARS

    for register in REGISTRARS:
        register(subparsers)
    return parser


def resolve_lang(value: str | None) -> Lang:
    if value is None:
        return system_lang()
    lang = parse_lang(value)
    if lang is None or value.strip().lower() not in LANGS:
        raise InputRejected(
            Msg(
                en=f"Unknown language {value!r}; use ja or en.",
                ja=f"不明な言語 {value!r} です。ja または en を指定してください。",
            )
        )
    return lang


def main(argv: Sequence[str] | None = None, ctx: CliContext | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    needs_db: argparse.ArgumentParser | None = getattr(args, "db_required_by", None)
    if needs_db is not None and not args.db:
        needs_db.error("the following arguments are required: --db")
    fallback_lang = system_lang()
    try:
        lang = resolve_lang(args.lang)
    except InputRejected as exc:
        sys.stderr.write(exc.message.text(fallback_lang) + "\n")
        return EXIT_REJECTED
    ctx = ctx or CliContext(lang=lang)
    ctx.lang = lang
    from facilitator.logs import setup_logging

    log_path = setup_logging()
    handler: Handler | None = getattr(args, "handler", None)
    try:
        if args.self_test and handler is None:
            from facilitator.selftest import run_self_test

            return run_self_test(lang, ctx.out)
        if handler is None:
            from facilitator.app import run_gui

            return run_gui(db=Path(args.db) if args.db else None, demo=args.demo, lang=lang)
        return handler(args, ctx)
    except FacilitatorError as exc:
        ctx.err.write(exc.message.text(lang) + "\n")
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception:
        log.exception("unexpected error in %s", args.command or "gui")
        ctx.err.write(
            Msg(
                en=f"Unexpected error; details are in the log: {log_path}",
                ja=f"予期しないエラーが発生しました。詳細はログを参照してください：{log_path}",
            ).text(lang)
            + "\n"
        )
        return EXIT_UNEXPECTED
