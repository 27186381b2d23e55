"""Japanese era dates at every era boundary, 元年, and the pre-Gregorian limit."""

from __future__ import annotations

from datetime import date

import pytest

from facilitator.domain.wareki import format_wareki, to_wareki


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2026, 12, 3), "令和8年12月3日"),
        (date(2019, 5, 1), "令和元年5月1日"),
        (date(2019, 4, 30), "平成31年4月30日"),
        (date(2020, 1, 1), "令和2年1月1日"),
        (date(1989, 1, 8), "平成元年1月8日"),
        (date(1989, 1, 7), "昭和64年1月7日"),
        (date(1926, 12, 25), "昭和元年12月25日"),
        (date(1926, 12, 24), "大正15年12月24日"),
        (date(1912, 7, 30), "大正元年7月30日"),
        (date(1912, 7, 29), "明治45年7月29日"),
        (date(1873, 1, 1), "明治6年1月1日"),
    ],
)
def test_era_dates(value: date, expected: str) -> None:
    assert format_wareki(value) == expected


def test_parts_of_an_era_date() -> None:
    wareki = to_wareki(date(2026, 12, 3))
    assert (wareki.era.name, wareki.era.romaji, wareki.year) == ("令和", "Reiwa", 8)
    assert to_wareki(date(2019, 5, 1)).year_text() == "元"


def test_lunisolar_dates_are_refused_rather_than_misdated() -> None:
    with pytest.raises(ValueError, match="1873-01-01"):
        to_wareki(date(1872, 12, 31))
