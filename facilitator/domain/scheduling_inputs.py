"""What an assignment works from: the sessions (slots) and the people, with their roles.

Shared by `scheduling` (which places people) and `scheduling_issues` (which explains
why a wish could not be met), below both.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import Enum


class RoleKind(Enum):
    LEADER = 0
    SUBLEADER = 1
    OTHER = 2


def role_kind(role: str) -> RoleKind:
    """DX推進リーダー -> LEADER, サブリーダー / sub-leader -> SUBLEADER, anything else OTHER."""
    folded = unicodedata.normalize("NFKC", role).casefold().replace("-", "").replace(" ", "")
    if "サブリーダー" in folded or "subleader" in folded or "副リーダー" in folded:
        return RoleKind.SUBLEADER
    if "リーダー" in folded or "leader" in folded:
        return RoleKind.LEADER
    return RoleKind.OTHER


@dataclass(frozen=True)
class Slot:
    key: int
    label: str
    capacity: int


@dataclass(frozen=True)
class Person:
    key: int
    name: str
    department: str
    role: RoleKind = RoleKind.OTHER
    preferred: int | None = None
    locked_to: int | None = None
    order: str = ""  # e.g. the staff number: breaks ties the same way every run
    # Sessions this person cannot attend (the roster's 不可 column): a hard rule.
    unavailable: frozenset[int] = frozenset()
    # Where an earlier assignment put them (their slip may be in the mail): moving
    # them counts as a move, which re-assignment keeps as few as the rules allow.
    current: int | None = None
