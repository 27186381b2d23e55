"""What makes an event and its sessions valid."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from facilitator.errors import FieldError, Msg

MAX_TEXT = 200


@dataclass(frozen=True)
class SessionSpec:
    """A session as typed into a form or on the command line."""

    label: str
    start: time
    end: time
    capacity: int
    room: str = ""
    date: date | None = None  # None: the event's date
    id: int | None = None  # None: a new session


@dataclass(frozen=True)
class EventSpec:
    title: str
    date: date
    sessions: tuple[SessionSpec, ...]
    venue: str = ""
    issuer: str = ""
    signatory: str = ""
    hours: float = 0.0


def validate_event(spec: EventSpec) -> list[FieldError]:
    """Every problem with `spec`, in form order; empty when the event can be saved."""
    errors: list[FieldError] = []
    if not spec.title.strip():
        errors.append(
            FieldError("title", Msg(en="Enter a title.", ja="研修名を入力してください。"))
        )
    for field, value, name_en, name_ja in (
        ("title", spec.title, "The title", "研修名"),
        ("venue", spec.venue, "The venue", "会場"),
        ("issuer", spec.issuer, "The issuer", "発行者"),
        ("signatory", spec.signatory, "The signatory", "署名者"),
    ):
        if len(value) > MAX_TEXT:
            errors.append(
                FieldError(
                    field,
                    Msg(
                        en=f"{name_en} is longer than {MAX_TEXT} characters.",
                        ja=f"{name_ja}が {MAX_TEXT} 文字を超えています。",
                    ),
                )
            )
    if spec.hours < 0:
        errors.append(
            FieldError(
                "hours", Msg(en="Hours cannot be negative.", ja="時間数は 0 以上にしてください。")
            )
        )
    if not spec.sessions:
        errors.append(
            FieldError(
                "sessions",
                Msg(en="Add at least one session.", ja="セッションを 1 つ以上追加してください。"),
            )
        )
    seen_labels: dict[str, int] = {}
    for index, session in enumerate(spec.sessions):
        errors += _validate_session(index, session, seen_labels)
    errors += _overlaps(spec)
    return errors


def _validate_session(index: int, session: SessionSpec, seen: dict[str, int]) -> list[FieldError]:
    where = f"sessions[{index}]"
    name = session.label.strip() or f"#{index + 1}"
    errors: list[FieldError] = []
    label_key = session.label.strip().casefold()
    if not label_key:
        errors.append(
            FieldError(
                f"{where}.label",
                Msg(
                    en=f"Session {index + 1}: enter a label such as AM or PM.",
                    ja=f"セッション {index + 1}：AM や PM などのラベルを入力してください。",
                ),
            )
        )
    elif label_key in seen:
        errors.append(
            FieldError(
                f"{where}.label",
                Msg(
                    en=f"Session label {session.label} is used twice.",
                    ja=f"セッションのラベル {session.label} が重複しています。",
                ),
            )
        )
    else:
        seen[label_key] = index
    if len(session.label) > 40 or len(session.room) > MAX_TEXT:
        errors.append(
            FieldError(
                f"{where}.label",
                Msg(
                    en=f"Session {name}: label or room is too long.",
                    ja=f"セッション {name}：ラベルまたは会場名が長すぎます。",
                ),
            )
        )
    if session.end <= session.start:
        errors.append(
            FieldError(
                f"{where}.end",
                Msg(
                    en=f"Session {name}: the end ({session.end:%H:%M}) must be after the start "
                    f"({session.start:%H:%M}).",
                    ja=f"セッション {name}：終了時刻（{session.end:%H:%M}）は開始時刻"
                    f"（{session.start:%H:%M}）より後にしてください。",
                ),
            )
        )
    if session.capacity < 1:
        errors.append(
            FieldError(
                f"{where}.capacity",
                Msg(
                    en=f"Session {name}: capacity must be at least 1.",
                    ja=f"セッション {name}：定員は 1 以上にしてください。",
                ),
            )
        )
    return errors


def _overlaps(spec: EventSpec) -> list[FieldError]:
    errors: list[FieldError] = []
    sessions = list(spec.sessions)
    for i, a in enumerate(sessions):
        for b in sessions[i + 1 :]:
            same_room = a.room.strip() and a.room.strip().casefold() == b.room.strip().casefold()
            same_day = (a.date or spec.date) == (b.date or spec.date)
            if same_room and same_day and a.start < b.end and b.start < a.end:
                errors.append(
                    FieldError(
                        "sessions",
                        Msg(
                            en=f"Sessions {a.label} and {b.label} overlap in room {a.room}.",
                            ja=f"セッション {a.label} と {b.label} は同じ会場（{a.room}）で時間が重なっています。",
                        ),
                    )
                )
    return errors
