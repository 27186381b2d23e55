"""Command line: no subcommand opens the GUI; subcommands do headless work.

Each area registers its subcommands in `facilitator.commands`. This module
and the registrars import only the standard library, so `--version` and
headless commands start fast and never load Qt.
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator import __version__
from facilitator.commands.context import (
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_UNEXPECTED,
    EXIT_USAGE,
    CliContext,
    Handler,
)
from facilitator.errors import FacilitatorError, InputRejected, Msg
from facilitator.lang import LANGS, Lang, parse_lang, system_lang

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)


def _tolerant_streams() -> None:
    """A Japanese name on a console or file that cannot encode it prints as `\\u9ad8`
    instead of failing the command with exit 1 after its work is done."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="backslashreplace")


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors exit 2 in the user's language and never print a traceback."""

    # Set on a per-run subclass by `build_parser` (usage errors happen before
    # `main` knows the language from the parsed arguments).
    lang: Lang | None = None

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        text = usage_error(message).text(self.lang or system_lang())
        sys.stderr.write(f"{self.prog}: {text}\n")
        raise SystemExit(EXIT_USAGE)


# argparse's own messages (English only), matched so a Japanese user reads them in Japanese.
_ARGUMENT_PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"invalid int value: (?P<x>.*)"), "{x} は整数ではありません"),
    (re.compile(r"invalid float value: (?P<x>.*)"), "{x} は数値ではありません"),
    (re.compile(r"invalid \S+ value: (?P<x>.*)"), "{x} は正しい値ではありません"),
    (
        re.compile(r"invalid choice: (?P<x>.*) \(choose from (?P<y>.*)\)"),
        "{x} は選べません（選択肢：{y}）",
    ),
    (re.compile(r"expected one argument"), "値を 1 つ指定してください"),
    (re.compile(r"expected at least one argument"), "値を 1 つ以上指定してください"),
    (re.compile(r"expected at most one argument"), "値は 1 つまでです"),
    (re.compile(r"not allowed with argument (?P<x>.*)"), "{x} と同時には指定できません"),
    (re.compile(r"ignored explicit argument (?P<x>.*)"), "値 {x} は指定できません"),
)
_USAGE_PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"the following arguments are required: (?P<x>.*)"), "次の引数が必要です：{x}"),
    (re.compile(r"unrecognized arguments: (?P<x>.*)"), "認識できない引数があります：{x}"),
    (
        re.compile(r"one of the arguments (?P<x>.*) is required"),
        "次のいずれかの引数が必要です：{x}",
    ),
    (
        re.compile(r"ambiguous option: (?P<x>\S+) could match (?P<y>.*)"),
        "オプション {x} はあいまいです（候補：{y}）",
    ),
)


def _match(patterns: tuple[tuple[re.Pattern[str], str], ...], text: str) -> str | None:
    for pattern, template in patterns:
        found = pattern.fullmatch(text)
        if found:
            return template.format(**found.groupdict())
    return None


def usage_error(message: str) -> Msg:
    """argparse's English usage error, with a Japanese rendering of the known forms."""
    ja = _match(_USAGE_PROBLEMS, message)
    if ja is None:
        argument = re.fullmatch(r"argument (?P<name>.+?): (?P<problem>.*)", message, re.S)
        if argument:
            problem = _match(_ARGUMENT_PROBLEMS, argument["problem"]) or argument["problem"]
            ja = f"引数 {argument['name']}：{problem}"
        else:
            ja = f"コマンドの指定が正しくありません（{message}）"
    return Msg(en=f"error: {message}", ja=f"エラー：{ja}")


def build_parser(lang: Lang | None = None) -> argparse.ArgumentParser:
    """The whole command line; `lang` is the language of its usage errors."""
    parser_class = type("_Parser", (_Parser,), {"lang": lang})
    parser = parser_class(
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
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=parser_class)
    from facilitator.commands import REGISTRARS

    for register in REGISTRARS:
        register(subparsers)
    _add_lang_everywhere(parser)
    return parser


def _add_lang_everywhere(parser: argparse.ArgumentParser) -> None:
    """Let `--lang` follow the subcommand too (`facilitator roster import ... --lang en`).

    SUPPRESS keeps a --lang given before the subcommand from being reset to None.
    """
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in {id(p): p for p in action.choices.values()}.values():
                if "--lang" not in sub._option_string_actions:
                    sub.add_argument(
                        "--lang",
                        metavar="ja|en",
                        default=argparse.SUPPRESS,
                        help="interface language (default: the system locale)",
                    )
                _add_lang_everywhere(sub)


def _lang_in_argv(argv: Sequence[str]) -> Lang | None:
    """The --lang of a command line not parsed yet (for its usage errors; the last one wins,
    as in argparse)."""
    found: Lang | None = None
    for index, arg in enumerate(argv):
        value = None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value is not None and value.strip().lower() in LANGS:
            found = parse_lang(value)
    return found


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
    _tolerant_streams()
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_lang_in_argv(argv))
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
            from facilitator.selftest.runner import run_self_test

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
    except BrokenPipeError:
        # `facilitator ... | head` closed the pipe: the reader has what it wanted.
        # Point stdout at devnull so the interpreter's final flush cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
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
