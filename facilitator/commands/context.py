"""What every subcommand shares: the context a handler gets, the common options, exit codes.

Below `cli.py` (which builds the parser and runs a handler) and every `commands/*`
module (which registers and handles its subcommands), so neither imports the other.
Only the standard library and the app's own light modules are imported here:
registering the subcommands must stay fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from facilitator.errors import InputRejected, Msg
from facilitator.lang import Lang

if TYPE_CHECKING:
    from facilitator.composition import Composition
    from facilitator.db.workspace import Workspace
    from facilitator.domain.clock import Clock

EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_USAGE = 2
EXIT_REJECTED = 3


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

    @contextmanager
    def services(
        self, args: argparse.Namespace, *, readonly: bool = False, create: bool = False
    ) -> Iterator[Composition]:
        """The services of `--db` (each built when first used); queued writes are
        finished before the workspace closes."""
        from facilitator.composition import Composition

        with self.workspace(args, readonly=readonly, create=create) as workspace:
            services = Composition(workspace, self.get_clock())
            try:
                yield services
            finally:
                services.close()

    def print_json(self, payload: dict[str, Any]) -> None:
        text = json.dumps(payload, ensure_ascii=False, default=str)
        if not _encodable(self.out, text):
            # Output redirected on a non-Japanese Windows (cp1252) still gets valid JSON.
            text = json.dumps(payload, ensure_ascii=True, default=str)
        self.out.write(text + "\n")

    def say(self, msg: Msg) -> None:
        self.out.write(msg.text(self.lang) + "\n")


Handler = Callable[[argparse.Namespace, CliContext], int]


def _encodable(stream: TextIO, text: str) -> bool:
    encoding = getattr(stream, "encoding", None)
    if not encoding:
        return True
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    except LookupError:
        return True
    return True


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
