"""What the event report treats as "could name a person" (domain/comment_privacy.py)."""

from __future__ import annotations

import pytest

from facilitator.domain.comment_privacy import NameDetector, NameSignal, RosterName

ROSTER = [
    RosterName("山田 太郎", "やまだ たろう", "123456"),
    RosterName("林 浩", "はやし ひろし", "7"),
]


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("山田さんの説明が良かった", NameSignal.ROSTER_NAME),
        ("山田太郎と話した", NameSignal.ROSTER_NAME),
        ("やまだ たろう", NameSignal.ROSTER_NAME),
        ("田中課長に相談したい", NameSignal.HONORIFIC),
        ("林さんが司会だった", NameSignal.HONORIFIC),
        ("ササキさんの話", NameSignal.HONORIFIC),
        ("Tanaka-san was great", NameSignal.LATIN_NAME),
        ("Thanks to Mr. Suzuki", NameSignal.LATIN_NAME),
        ("連絡は taro@city.example.jp まで", NameSignal.EMAIL),
        ("職員番号123456の件", NameSignal.STAFF_NUMBER),
    ],
)
def test_names_are_found(text: str, signal: NameSignal) -> None:
    assert signal in {f.signal for f in NameDetector(ROSTER).find(text)}


@pytest.mark.parametrize(
    "text",
    [
        "皆さんと議論できた",
        "市民の皆様のために",
        "各課長が集まる場が必要",
        "講師の先生の説明が丁寧でした",
        "DX推進リーダーとして取り組みます",
        "業務の棚卸しが役立った",
        "7月に実施したい",  # a one-digit staff number is not matched
    ],
)
def test_generic_words_are_not_names(text: str) -> None:
    assert NameDetector(ROSTER).find(text) == ()
