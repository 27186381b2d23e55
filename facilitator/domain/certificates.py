"""Certificate rules: eligibility, numbers, verification codes, file names.

Pure Python: the service reads the facts from the database and asks here.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Set
from dataclasses import dataclass
from enum import Enum

from facilitator.domain.tokens import b32, mac, same, unb32
from facilitator.errors import InputRejected, Msg

DEFAULT_NUMBER_FORMAT = "{prefix}-{year}-{seq:04d}"
CODE_PLAIN = "C1"  # the number is written as it is (only A-Z, 0-9 and '-')
CODE_B32 = "C2"  # any other number, base32 of its UTF-8
_MAC_CHARS = 13  # 65 bits: forging one by guessing is hopeless
_QR_SAFE = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)*")


class Reason(Enum):
    """Why someone is (not) eligible; the view shows it next to the name."""

    CHECKED_IN = "checked_in"
    NOT_CHECKED_IN = "not_checked_in"
    NO_FEEDBACK = "no_feedback"
    INCLUDED_MANUALLY = "included_manually"
    EXCLUDED_MANUALLY = "excluded_manually"


class Override(Enum):
    NONE = ""
    INCLUDE = "include"
    EXCLUDE = "exclude"


@dataclass(frozen=True)
class EligibilityFacts:
    checked_in: bool
    feedback_submitted: bool
    require_feedback: bool
    override: Override


def decide(facts: EligibilityFacts) -> tuple[bool, Reason]:
    """A manual decision wins; otherwise check-in, then (if the event asks) feedback."""
    if facts.override is Override.INCLUDE:
        return True, Reason.INCLUDED_MANUALLY
    if facts.override is Override.EXCLUDE:
        return False, Reason.EXCLUDED_MANUALLY
    if not facts.checked_in:
        return False, Reason.NOT_CHECKED_IN
    if facts.require_feedback and not facts.feedback_submitted:
        return False, Reason.NO_FEEDBACK
    return True, Reason.CHECKED_IN


def check_number_format(fmt: str, prefix: str) -> None:
    """Refuse a format that cannot give distinct numbers, before any is issued."""
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(fmt) if name is not None}
    except ValueError:
        fields = set()
    problem: Msg | None = None
    if "seq" not in fields:
        problem = Msg(
            en="The number format must contain {seq} (e.g. {prefix}-{year}-{seq:04d}).",
            ja="番号の書式には {seq} が必要です（例 {prefix}-{year}-{seq:04d}）。",
        )
    elif fields - {"prefix", "year", "seq"}:
        bad = ", ".join(sorted(fields - {"prefix", "year", "seq"}))
        problem = Msg(
            en=f"The number format may use only {{prefix}}, {{year}} and {{seq}}, not {bad}.",
            ja=f"番号の書式で使えるのは {{prefix}}、{{year}}、{{seq}} だけです（{bad} は使えません）。",
        )
    else:
        try:
            sample = fmt.format(prefix=prefix, year=2026, seq=1)
        except (ValueError, IndexError, KeyError):
            sample = ""
        if not sample.strip() or len(sample) > 100:
            problem = Msg(
                en=f"The number format {fmt!r} does not give a usable number.",
                ja=f"番号の書式 {fmt!r} では有効な番号を作れません。",
            )
    if problem is not None:
        raise InputRejected(problem)


def format_number(fmt: str, prefix: str, year: int, seq: int) -> str:
    return fmt.format(prefix=prefix, year=year, seq=seq)


def next_numbers(
    fmt: str, prefix: str, year: int, last_seq: int, taken: Set[str]
) -> Iterator[tuple[int, str]]:
    """The (seq, number) pairs issuing gives next, in order: after `last_seq`, skipping a
    number another event of the workspace already holds (numbers are workspace-unique)."""
    seq = last_seq
    while True:
        seq += 1
        number = format_number(fmt, prefix, year, seq)
        if number not in taken:
            yield seq, number


def verification_code(secret: str, number: str) -> str:
    """`C1-CERT-2026-0001-ABCDEFGHIJKLM`: the number and its signature, QR-alphanumeric."""
    body = (
        f"{CODE_PLAIN}-{number}"
        if _QR_SAFE.fullmatch(number)
        else f"{CODE_B32}-{b32(number.encode())}"
    )
    return f"{body}-{mac(secret, f'certificate:{number}', _MAC_CHARS)}"


@dataclass(frozen=True)
class ParsedCode:
    number: str
    signature: str

    def signed_by(self, secret: str) -> bool:
        return same(self.signature, mac(secret, f"certificate:{self.number}", _MAC_CHARS))


def read_code(text: str) -> ParsedCode | None:
    """The number and signature a code claims, or None when it is not a certificate code."""
    cleaned = text.strip().upper()
    kind, _, rest = cleaned.partition("-")
    body, _, signature = rest.rpartition("-")
    if not body or len(signature) != _MAC_CHARS:
        return None
    if kind == CODE_PLAIN and _QR_SAFE.fullmatch(body):
        return ParsedCode(body, signature)
    if kind == CODE_B32:
        try:
            return ParsedCode(unb32(body).decode("utf-8"), signature)
        except (ValueError, UnicodeDecodeError):
            return None
    return None


# Characters Windows refuses in file names, plus control characters.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


def safe_file_name(number: str, name: str, suffix: str = ".pdf") -> str:
    """`CERT-2026-0001_山田 太郎.pdf`: forbidden characters become '_'; Japanese stays."""
    stem = _FORBIDDEN.sub("_", f"{number}_{name}".replace("\u3000", " ")).strip().rstrip(". ")
    stem = stem[:120] or "certificate"
    if stem.split(".")[0].upper() in _RESERVED:
        stem = f"_{stem}"
    return stem + suffix


class VerifyOutcome(Enum):
    VALID = "valid"
    REVOKED = "revoked"
    UNKNOWN = "unknown"
    FORGED = "forged"
    # Only a certificate number was given (read out on the phone, typed from the
    # paper): the record is shown, but nothing about the paper is proven.
    NUMBER_ONLY = "number_only"
