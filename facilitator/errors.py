"""Errors a user can act on, each with its message in both languages.

Every error that reaches the user is a `FacilitatorError`: the CLI prints
`message.text(lang)` and exits with `exit_code`; the GUI shows the same text in
a dialog. Anything else is a bug and is logged with a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.lang import Lang


@dataclass(frozen=True)
class Msg:
    """A user-facing sentence in English and Japanese."""

    en: str
    ja: str

    def text(self, lang: Lang) -> str:
        return self.ja if lang == "ja" else self.en


class FacilitatorError(Exception):
    """Base for errors a user can understand; exit code 1 unless a subclass says otherwise."""

    exit_code = 1

    def __init__(self, message: Msg) -> None:
        super().__init__(message.en)
        self.message = message


class InputRejected(FacilitatorError):
    """The input (file, argument, request) was refused; nothing was changed."""

    exit_code = 3


class WorkspaceError(InputRejected):
    """The workspace file cannot be used as asked; it was left untouched."""


class NotAWorkspace(WorkspaceError):
    pass


class CorruptWorkspace(WorkspaceError):
    pass


class NewerWorkspace(WorkspaceError):
    pass


class OutdatedWorkspace(WorkspaceError):
    """A read-only command met a workspace that needs a migration first."""


class WorkspaceLocked(WorkspaceError):
    pass


class WorkspaceNotWritable(WorkspaceError):
    pass


class WorkspaceMissing(WorkspaceError):
    pass


class UnknownEvent(InputRejected):
    pass


@dataclass(frozen=True)
class FieldError:
    """One problem with one field of a form, e.g. ("sessions[1].end", Msg(...))."""

    field: str
    message: Msg


class ValidationFailed(InputRejected):
    """A form or command was refused; `errors` lists every problem found."""

    def __init__(self, errors: list[FieldError]) -> None:
        # One problem per line: each message is already a full sentence.
        summary = Msg(
            en="\n".join(e.message.en for e in errors),
            ja="\n".join(e.message.ja for e in errors),
        )
        super().__init__(summary)
        self.errors = errors
