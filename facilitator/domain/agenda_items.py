"""What an agenda item is and what makes one valid; planned clock times of a session."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum

from facilitator.errors import FieldError, Msg

MAX_TITLE = 200
MAX_MINUTES = 600
MAX_BULLETS = 12


class ItemKind(Enum):
    TALK = "talk"
    EXERCISE = "exercise"
    DISCUSSION = "discussion"
    BREAK = "break"
    CHECKIN = "check-in"
    FEEDBACK = "feedback"
    CLOSING = "closing"

    @classmethod
    def parse(cls, value: str) -> ItemKind:
        """The kind stored as `value`; an unknown stored value reads as a talk."""
        try:
            return cls(value)
        except ValueError:
            return cls.TALK


@dataclass(frozen=True)
class SlideContent:
    """A built-in slide: large heading, a few bullet lines, an optional picture."""

    heading: str = ""
    bullets: tuple[str, ...] = ()
    image: str | None = None

    def as_json(self) -> dict[str, object]:
        return {"heading": self.heading, "bullets": list(self.bullets), "image": self.image}

    @classmethod
    def from_json(cls, data: dict[str, object] | None) -> SlideContent:
        data = data or {}
        bullets = data.get("bullets") or []
        image = data.get("image")
        return cls(
            heading=str(data.get("heading") or ""),
            bullets=tuple(str(b) for b in bullets) if isinstance(bullets, list) else (),
            image=str(image) if image else None,
        )


@dataclass(frozen=True)
class PdfPages:
    """Pages `first`..`last` (1-based, inclusive) of a PDF deck."""

    path: str
    first: int
    last: int

    @property
    def count(self) -> int:
        return self.last - self.first + 1


@dataclass(frozen=True)
class AgendaItemSpec:
    """An item as typed into the editor."""

    title: str
    minutes: int
    kind: ItemKind = ItemKind.TALK
    notes: str = ""
    flexible: bool = False
    slide: SlideContent = field(default_factory=SlideContent)
    pdf: PdfPages | None = None
    amber_seconds: int = 120
    red_seconds: int = 0


def validate_item(spec: AgendaItemSpec) -> list[FieldError]:
    """Every problem with `spec`; empty when it can be saved."""
    errors: list[FieldError] = []

    def add(name: str, en: str, ja: str) -> None:
        errors.append(FieldError(name, Msg(en=en, ja=ja)))

    if not spec.title.strip():
        add("title", "Enter a title.", "タイトルを入力してください。")
    if len(spec.title) > MAX_TITLE:
        add(
            "title",
            f"The title is longer than {MAX_TITLE} characters.",
            f"タイトルが {MAX_TITLE} 文字を超えています。",
        )
    if not 1 <= spec.minutes <= MAX_MINUTES:
        add(
            "minutes",
            f"Minutes must be between 1 and {MAX_MINUTES}.",
            f"時間（分）は 1〜{MAX_MINUTES} で入力してください。",
        )
    if spec.amber_seconds < 0 or spec.red_seconds < 0:
        add(
            "thresholds",
            "Warning times cannot be negative.",
            "警告の時間に負の値は指定できません。",
        )
    elif spec.red_seconds > spec.amber_seconds:
        add(
            "thresholds",
            "The red warning must come at or after the amber one (fewer seconds left).",
            "赤の警告は黄の警告と同時かそれより後（残り時間が少ない）にしてください。",
        )
    if len(spec.slide.bullets) > MAX_BULLETS:
        add(
            "bullets",
            f"A slide holds at most {MAX_BULLETS} lines.",
            f"スライドの箇条書きは {MAX_BULLETS} 行までです。",
        )
    if spec.pdf is not None:
        if not spec.pdf.path.strip():
            add("pdf", "Choose the PDF file.", "PDF ファイルを選んでください。")
        if spec.pdf.first < 1 or spec.pdf.last < spec.pdf.first:
            add(
                "pdf",
                "The page range must start at 1 or later and not end before it starts.",
                "ページ範囲は 1 以上で、終わりが始めより前にならないようにしてください。",
            )
    return errors


@dataclass(frozen=True)
class PlannedSlot:
    item_id: int
    title: str
    start: datetime
    end: datetime


@dataclass(frozen=True)
class SessionTimes:
    """The planned clock time of every item when the agenda runs in one session."""

    session_id: int
    label: str
    slot_start: datetime
    slot_end: datetime
    slots: tuple[PlannedSlot, ...]

    @property
    def planned_end(self) -> datetime:
        return self.slots[-1].end if self.slots else self.slot_start

    @property
    def over_minutes(self) -> int:
        """Minutes by which the agenda overruns the slot (0 when it fits)."""
        over = (self.planned_end - self.slot_end).total_seconds()
        return max(0, int(-(-over // 60)))

    @property
    def fits(self) -> bool:
        return self.over_minutes == 0


def plan_times(
    session_id: int,
    label: str,
    slot_start: datetime,
    slot_end: datetime,
    items: Sequence[tuple[int, str, int]],
) -> SessionTimes:
    """Lay `items` (id, title, minutes) end to end from the session's start."""
    slots = []
    at = slot_start
    for item_id, title, minutes in items:
        end = at + timedelta(minutes=minutes)
        slots.append(PlannedSlot(item_id, title, at, end))
        at = end
    return SessionTimes(session_id, label, slot_start, slot_end, tuple(slots))
