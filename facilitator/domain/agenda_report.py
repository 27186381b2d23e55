"""Planned vs actual as plain data: what the report service builds and the PDF renderer draws.

It lives here, below both, so `pdf/` never imports a service.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from facilitator.domain.agenda_items import ItemKind
from facilitator.lang import Lang


@dataclass(frozen=True)
class ItemActual:
    planned_minutes: int
    actual_seconds: float | None  # None: not presented in this session (yet)

    @property
    def difference_seconds(self) -> float | None:
        """> 0 overran, < 0 finished early."""
        if self.actual_seconds is None:
            return None
        return self.actual_seconds - self.planned_minutes * 60


@dataclass(frozen=True)
class ReportRow:
    item_id: int
    position: int
    title: str
    kind: ItemKind
    actuals: tuple[ItemActual, ...]  # one per session, in `AgendaReport.sessions` order


@dataclass(frozen=True)
class AgendaReport:
    event_title: str
    sessions: tuple[str, ...]  # labels
    rows: tuple[ReportRow, ...]
    generated_at: datetime
    # Runs left out because they were rehearsals (presented on another day than
    # the session's): the view says why the actual column is empty.
    rehearsal_runs: int = 0

    @property
    def has_actuals(self) -> bool:
        return any(a.actual_seconds is not None for r in self.rows for a in r.actuals)

    def total_actual(self, column: int) -> float:
        return sum(r.actuals[column].actual_seconds or 0.0 for r in self.rows)

    def total_planned(self, column: int) -> int:
        return sum(r.actuals[column].planned_minutes for r in self.rows)


KIND_NAMES = {
    ItemKind.TALK: ("講義", "Talk"),
    ItemKind.EXERCISE: ("演習", "Exercise"),
    ItemKind.DISCUSSION: ("討議", "Discussion"),
    ItemKind.BREAK: ("休憩", "Break"),
    ItemKind.CHECKIN: ("受付", "Check-in"),
    ItemKind.FEEDBACK: ("アンケート", "Feedback"),
    ItemKind.CLOSING: ("閉会", "Closing"),
}


def kind_name(kind: ItemKind, lang: Lang) -> str:
    ja, en = KIND_NAMES[kind]
    return ja if lang == "ja" else en


def minutes_text(seconds: float | None) -> str:
    return "" if seconds is None else f"{seconds / 60:.1f}"
