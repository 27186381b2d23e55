"""Which language the app speaks when the user did not say."""

from __future__ import annotations

import pytest

from facilitator.lang import parse_lang, system_lang


@pytest.mark.parametrize(
    ("lang_var", "expected"),
    [
        ("ja_JP.UTF-8", "ja"),
        ("en_US.UTF-8", "en"),
        ("de_DE.UTF-8", "en"),
        # A C locale says nothing about language: Japanese comes first.
        ("C", "ja"),
        ("C.UTF-8", "ja"),
        ("POSIX", "ja"),
        # Windows-style names.
        ("Japanese_Japan.932", "ja"),
        ("English_United States.1252", "en"),
    ],
)
def test_system_lang(monkeypatch: pytest.MonkeyPatch, lang_var: str, expected: str) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", lang_var)
    assert system_lang() == expected


def test_lc_all_wins_over_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert system_lang() == "en"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ja", "ja"), ("JA", "ja"), ("en-US", "en"), ("ja_JP.UTF-8", "ja"), ("fr", None), ("", None)],
)
def test_parse_lang(text: str, expected: str | None) -> None:
    assert parse_lang(text) == expected
