"""Certificate text breaks between Japanese phrases, not inside words like 時間."""

from __future__ import annotations

import itertools

from facilitator.pdf.certificates import _wrap
from facilitator.pdf.fonts import register_japanese_fonts

BODY = "あなたは令和8年12月3日に実施された「管理職向けDX推進研修」（2.5時間）の全課程を修了したことをここに証します。"


def test_lines_end_at_phrase_boundaries() -> None:
    _, mincho = register_japanese_fonts()
    for width in (180.0, 250.0, 320.0, 400.0, 500.0):
        lines = _wrap(BODY, mincho, 16, width, 0)
        assert "".join(lines) == BODY
        for earlier, later in itertools.pairwise(lines):
            assert not (earlier.endswith("時") and later.startswith("間"))
            assert not later.startswith(("）", "」", "。", "、"))
            assert not earlier.endswith(("（", "「"))


def test_latin_text_breaks_at_spaces_and_overlong_words_still_fit() -> None:
    _, mincho = register_japanese_fonts()
    lines = _wrap("This is to certify that the person named below attended.", mincho, 16, 200, 0)
    assert all(not line.startswith(" ") for line in lines)
    assert " ".join(lines) == "This is to certify that the person named below attended."
    long = _wrap("あ" * 40, mincho, 16, 100, 0)
    assert "".join(long) == "あ" * 40
    assert len(long) > 1


def test_keep_phrases_together_joins_only_inside_phrases() -> None:
    from facilitator.domain.phrases import WORD_JOINER, keep_phrases_together

    kept = keep_phrases_together("読み取って受付してください。\nDX leader")
    assert kept.replace(WORD_JOINER, "") == "読み取って受付してください。\nDX leader"
    # No joiner between two phrases, none next to a space.
    assert f"て{WORD_JOINER}受" not in kept
    assert f"く{WORD_JOINER}だ" in kept
    assert f"{WORD_JOINER} " not in kept and f" {WORD_JOINER}" not in kept
