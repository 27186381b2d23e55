"""Japanese phone pages break lines between phrases (BudouX), and stay escape-safe."""

from __future__ import annotations

import re

from markupsafe import Markup

from facilitator.domain.phrases import phrases
from facilitator.web.i18n import phrased


def test_japanese_gets_a_break_between_each_phrase_and_nowhere_else() -> None:
    text = "スマートフォンのカメラで読み取ってください"
    marked = phrased(text, "ja")
    assert isinstance(marked, Markup)
    assert marked.split("<wbr>") == phrases(text)
    assert len(phrases(text)) > 1 and marked.replace("<wbr>", "") == text


def test_english_and_empty_texts_are_only_escaped() -> None:
    assert phrased("Please scan <the> QR code", "en") == "Please scan &lt;the&gt; QR code"
    assert phrased("", "ja") == ""


def test_typed_markup_stays_text_in_every_phrase() -> None:
    typed = "<script>alert(1)</script>研修の内容はいかがでしたか"
    marked = phrased(typed, "ja")
    assert "<script" not in marked and "&lt;script&gt;alert(1)&lt;/script&gt;" in marked.replace(
        "<wbr>", ""
    )
    # Only <wbr> is markup: taking it out leaves exactly the escaped text.
    assert re.sub(r"<wbr>", "", marked) == str(Markup.escape(typed))
    assert set(re.findall(r"<[^>]*>", marked)) <= {"<wbr>"}


def test_long_texts_are_marked_without_being_cached() -> None:
    long = "本日の研修で学んだことを職場でどのように活かすかを具体的に書いてください。" * 10
    assert phrased(long, "ja").replace("<wbr>", "") == long
