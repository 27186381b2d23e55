"""Could a comment name a person? Decides which comments an event report leaves out by default.

A comment is flagged when it contains any of:
- a roster name of the event: a full name (with or without the space), a surname or
  given name of two or more characters followed by an honorific or a job title, or a
  full name in kana;
- a name-like word (1–4 kanji, or 2–8 katakana) directly followed by an honorific
  (さん, 様, さま, 氏, 君, くん, ちゃん, 先生) or a job title (課長, 部長, 係長, 主査,
  主任, 主事, 補佐, 次長, 室長, 所長, 局長, 参事, 理事, 市長, 副市長, リーダー), other than
  the generic words in `GENERIC` (皆さん, 市民の皆様, 各課長, 担当者様, ...);
- a romanised name with a title (Mr./Ms./Mrs./Dr. Tanaka) or an honorific (Tanaka-san);
- an e-mail address, or a staff number of the roster.

The trainer can still tick a flagged comment in; a missed name is always possible, so
the report says that the selection was made by a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

HONORIFICS = ("さん", "様", "さま", "氏", "君", "くん", "ちゃん", "先生")
JOB_TITLES = (
    "副市長",
    "市長",
    "課長",
    "部長",
    "係長",
    "主査",
    "主任",
    "主事",
    "補佐",
    "次長",
    "室長",
    "所長",
    "局長",
    "参事",
    "理事",
    "リーダー",
)
# Words an honorific or title follows without naming anyone ("皆さん", "各課長").
GENERIC = frozenset(
    {
        "皆",
        "みな",
        "皆様",
        "各",
        "全",
        "お客",
        "客",
        "市民",
        "住民",
        "職員",
        "利用者",
        "相談者",
        "申請者",
        "受講者",
        "参加者",
        "担当者",
        "担当",
        "業者",
        "事業者",
        "講師",
        "患者",
        "子ども",
        "子供",
        "高齢者",
        "窓口",
        "歴代",
        "他",
        "同",
        "本",
        "当",
        "新",
        "推進",
    }
)
_SUFFIX = "|".join(re.escape(s) for s in sorted(HONORIFICS + JOB_TITLES, key=len, reverse=True))
_NAME_LIKE = re.compile(rf"([\u4e00-\u9fff々〆ヶ]{{1,4}}|[ァ-ヴー]{{2,8}})({_SUFFIX})")
_LATIN = re.compile(
    r"\b(?:Mr|Ms|Mrs|Miss|Dr)\.?\s+[A-Z][a-z]+|\b[A-Z][a-z]+-(?:san|sama|kun|chan|sensei)\b"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


class NameSignal(Enum):
    ROSTER_NAME = "roster_name"
    HONORIFIC = "honorific"
    LATIN_NAME = "latin_name"
    EMAIL = "email"
    STAFF_NUMBER = "staff_number"


@dataclass(frozen=True)
class RosterName:
    name: str  # "山田 太郎"
    kana: str  # "やまだ たろう"
    staff_no: str


@dataclass(frozen=True)
class NameFinding:
    signal: NameSignal
    text: str  # what was found


class NameDetector:
    """Built once per event from its roster; `find` then checks one comment."""

    def __init__(self, roster: Iterable[RosterName]) -> None:
        full: set[str] = set()
        parts: set[str] = set()
        staff: set[str] = set()
        for person in roster:
            for written in (person.name, person.kana):
                pieces = written.replace("\u3000", " ").split()
                if len(pieces) >= 2:
                    full.add(" ".join(pieces))
                    full.add("".join(pieces))
                    parts.update(p for p in pieces if len(p) >= 2)
                elif pieces and len(pieces[0]) >= 2:
                    full.add(pieces[0])
            if len(person.staff_no) >= 4:
                staff.add(person.staff_no)
        self._full = _alternation(full)
        self._part = (
            re.compile(
                rf"({'|'.join(re.escape(p) for p in sorted(parts, key=len, reverse=True))})"
                rf"\s*({_SUFFIX})"
            )
            if parts
            else None
        )
        self._staff = (
            re.compile(rf"(?<!\d)({'|'.join(re.escape(s) for s in sorted(staff))})(?!\d)")
            if staff
            else None
        )

    def find(self, text: str) -> tuple[NameFinding, ...]:
        found: list[NameFinding] = []
        if self._full is not None:
            found += [NameFinding(NameSignal.ROSTER_NAME, m) for m in self._full.findall(text)]
        if self._part is not None:
            found += [
                NameFinding(NameSignal.ROSTER_NAME, "".join(m)) for m in self._part.findall(text)
            ]
        for word, suffix in _NAME_LIKE.findall(text):
            if not _generic(word):
                found.append(NameFinding(NameSignal.HONORIFIC, word + suffix))
        found += [NameFinding(NameSignal.LATIN_NAME, m) for m in _LATIN.findall(text)]
        found += [NameFinding(NameSignal.EMAIL, m) for m in _EMAIL.findall(text)]
        if self._staff is not None:
            found += [NameFinding(NameSignal.STAFF_NUMBER, m) for m in self._staff.findall(text)]
        return tuple(dict.fromkeys(found))


def _alternation(words: set[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _generic(word: str) -> bool:
    """A generic word before an honorific: the whole word, or its last part (市民の皆様)."""
    return word in GENERIC or any(len(g) >= 2 and word.endswith(g) for g in GENERIC)
