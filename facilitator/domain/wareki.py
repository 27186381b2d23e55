"""Japanese era dates (和暦), e.g. 2026-12-03 -> 令和8年12月3日.

Only dates from 1873-01-01 are converted: Japan adopted the Gregorian calendar
then (明治6年1月1日). Earlier Meiji dates were lunisolar, so writing them with
Gregorian months and days would be wrong; such dates raise ValueError.
The first year of an era is written 元年, as on official documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

GREGORIAN_ADOPTED = date(1873, 1, 1)


@dataclass(frozen=True)
class Era:
    name: str  # 令和
    romaji: str  # Reiwa
    start: date  # first day of the era (Gregorian)


# Newest first, so the first era that started on or before a date is its era.
ERAS: tuple[Era, ...] = (
    Era("令和", "Reiwa", date(2019, 5, 1)),
    Era("平成", "Heisei", date(1989, 1, 8)),
    Era("昭和", "Showa", date(1926, 12, 25)),
    Era("大正", "Taisho", date(1912, 7, 30)),
    # Meiji formally began in 1868 (Keiō 4); its Gregorian years count from there.
    Era("明治", "Meiji", date(1868, 1, 25)),
)


@dataclass(frozen=True)
class WarekiDate:
    era: Era
    year: int  # 1 is 元年
    month: int
    day: int

    def year_text(self) -> str:
        return "元" if self.year == 1 else str(self.year)

    def __str__(self) -> str:
        return f"{self.era.name}{self.year_text()}年{self.month}月{self.day}日"


def to_wareki(value: date) -> WarekiDate:
    """The era date of a Gregorian `value` (1873-01-01 or later)."""
    if value < GREGORIAN_ADOPTED:
        raise ValueError(f"{value} is before Japan adopted the Gregorian calendar (1873-01-01)")
    for era in ERAS:
        if value >= era.start:
            return WarekiDate(era, value.year - era.start.year + 1, value.month, value.day)
    raise AssertionError("unreachable: every date from 1873 has an era")


def format_wareki(value: date) -> str:
    """`2026-12-03` -> `令和8年12月3日`; `2019-05-01` -> `令和元年5月1日`."""
    return str(to_wareki(value))
