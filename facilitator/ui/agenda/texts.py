"""How times are written on the console and the projector."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from facilitator.domain.agenda_timing import ClockStatus, Level
from facilitator.ui.agenda.slide import SlideTime


def countdown(remaining: float) -> str:
    """`09:59` counting down (rounded up, so 00:00 is the very end); `+01:05` in overtime."""
    if remaining >= 0:
        seconds = math.ceil(remaining - 1e-6)
        sign = ""
    else:
        seconds = math.floor(-remaining)
        sign = "+"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"


def clock_time(at: datetime) -> str:
    """`10:45` in the laptop's local time."""
    return at.astimezone().strftime("%H:%M")


def slide_time(status: ClockStatus, now: datetime) -> SlideTime:
    remaining = max(0.0, status.remaining_seconds)
    resume = now + timedelta(seconds=math.ceil(remaining - 1e-6))
    # Round up to the minute: a break ending at 10:44:30 says "10:45", never too early.
    whole = resume.replace(second=0, microsecond=0)
    resume_text = clock_time(whole if whole == resume else whole + timedelta(minutes=1))
    return SlideTime(
        progress_steps=int(status.progress * 1000),
        level=status.level if status.index is not None else Level.NORMAL,
        countdown=countdown(status.remaining_seconds),
        resume_at=resume_text,
    )
