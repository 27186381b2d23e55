"""Pure certificate rules: era dates, codes, numbers, file names, layouts."""

from __future__ import annotations

import json
from datetime import date

import pytest

from facilitator.domain.certificate_layout import (
    Orientation,
    TextElement,
    layout_to_json,
    parse_layout,
)
from facilitator.domain.certificates import (
    EligibilityFacts,
    Override,
    Reason,
    check_number_format,
    decide,
    read_code,
    safe_file_name,
    verification_code,
)
from facilitator.domain.wareki import format_wareki
from facilitator.errors import InputRejected, ValidationFailed
from facilitator.resources import resource_path

SECRET = "11" * 32
OTHER_SECRET = "22" * 32


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2019, 4, 30), "平成31年4月30日"),
        (date(2019, 5, 1), "令和元年5月1日"),
        (date(2023, 7, 4), "令和5年7月4日"),
        (date(1989, 1, 7), "昭和64年1月7日"),
        (date(1989, 1, 8), "平成元年1月8日"),
        (date(1926, 12, 24), "大正15年12月24日"),
        (date(1926, 12, 25), "昭和元年12月25日"),
        (date(1912, 7, 29), "明治45年7月29日"),
        (date(1912, 7, 30), "大正元年7月30日"),
        (date(1873, 1, 1), "明治6年1月1日"),
    ],
)
def test_wareki_at_era_boundaries(day: date, expected: str) -> None:
    assert format_wareki(day) == expected


def test_wareki_refuses_dates_before_the_gregorian_calendar() -> None:
    with pytest.raises(ValueError, match="1873"):
        format_wareki(date(1872, 12, 31))


def test_code_is_qr_alphanumeric_and_round_trips() -> None:
    code = verification_code(SECRET, "CERT-2026-0001")
    assert code.startswith("C1-CERT-2026-0001-")
    assert set(code) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
    parsed = read_code(code.lower())  # a scanner typing lower case still works
    assert parsed is not None and parsed.number == "CERT-2026-0001"
    assert parsed.signed_by(SECRET)
    assert not parsed.signed_by(OTHER_SECRET)


def test_code_of_a_japanese_number_stays_qr_alphanumeric() -> None:
    code = verification_code(SECRET, "研修第7号")
    assert code.startswith("C2-")
    assert set(code) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
    parsed = read_code(code)
    assert parsed is not None and parsed.number == "研修第7号" and parsed.signed_by(SECRET)


def test_a_changed_character_breaks_the_signature() -> None:
    code = verification_code(SECRET, "CERT-2026-0001")
    tampered = code[:-1] + ("A" if code[-1] != "A" else "B")
    parsed = read_code(tampered)
    assert parsed is not None and not parsed.signed_by(SECRET)
    assert read_code("hello") is None
    assert read_code("C1-CERT-2026-0001-SHORT") is None


def test_eligibility_precedence() -> None:
    def facts(
        checked_in: bool, feedback: bool, rule: bool, override: Override
    ) -> tuple[bool, Reason]:
        return decide(EligibilityFacts(checked_in, feedback, rule, override))

    assert facts(True, False, False, Override.NONE) == (True, Reason.CHECKED_IN)
    assert facts(False, True, False, Override.NONE) == (False, Reason.NOT_CHECKED_IN)
    assert facts(True, False, True, Override.NONE) == (False, Reason.NO_FEEDBACK)
    assert facts(True, True, True, Override.NONE) == (True, Reason.CHECKED_IN)
    assert facts(False, False, True, Override.INCLUDE) == (True, Reason.INCLUDED_MANUALLY)
    assert facts(True, True, False, Override.EXCLUDE) == (False, Reason.EXCLUDED_MANUALLY)


@pytest.mark.parametrize("fmt", ["{prefix}-{year}", "{prefix}-{name}-{seq}", "{seq:zz}", "{"])
def test_bad_number_formats_are_refused(fmt: str) -> None:
    with pytest.raises(InputRejected):
        check_number_format(fmt, "CERT")


def test_file_names_are_windows_safe_and_keep_japanese() -> None:
    assert safe_file_name("CERT-2026-0001", "山田　太郎") == "CERT-2026-0001_山田 太郎.pdf"
    assert safe_file_name("A/B", 'x:y*z?"<>|') == "A_B_x_y_z_____.pdf"
    assert safe_file_name("CON", "") == "CON_.pdf"
    assert not safe_file_name("N", "name. ").endswith(". .pdf")


@pytest.mark.parametrize("key", ["ja_formal", "en_attendance"])
def test_builtin_layouts_parse_and_round_trip(key: str) -> None:
    raw = json.loads(resource_path("layouts", f"{key}.json").read_text("utf-8"))
    layout = parse_layout(raw)
    assert parse_layout(layout_to_json(layout)) == layout
    texts = [e.text for e in layout.elements if isinstance(e, TextElement)]
    assert any("{name}" in t for t in texts) and any("{number}" in t for t in texts)
    expected = Orientation.LANDSCAPE if key == "ja_formal" else Orientation.PORTRAIT
    assert layout.orientation is expected


def test_layout_problems_are_all_reported_in_both_languages() -> None:
    raw = {
        "paper": "A9",
        "elements": [
            {"kind": "text", "x": 250, "y": 10, "width": 100, "height": 10, "text": "{nmae}"},
            {"kind": "blink"},
            {"kind": "qr", "x": 10, "y": 10, "size": "big"},
        ],
    }
    with pytest.raises(ValidationFailed) as caught:
        parse_layout(raw)
    fields = [e.field for e in caught.value.errors]
    assert "paper" in fields
    assert "elements[0].text" in fields  # unknown placeholder
    assert "elements[0]" in fields  # beyond the paper
    assert "elements[1].kind" in fields
    assert "elements[2].size" in fields
    assert all(e.message.ja and e.message.en for e in caught.value.errors)


def test_long_text_shrinks_to_fit_its_box_and_wraps_when_asked() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from facilitator.pdf.batch_fonts import batch_font
    from facilitator.pdf.certificates import fit_text

    font = batch_font("mincho")
    name = "寿限無寿限無五劫の擦り切れ海砂利水魚の水行末雲来末風来末"
    size, lines = fit_text(name, font, 30.0, 200.0, 40.0, False, 0.0)
    assert size < 30.0 and lines == (name,)
    assert stringWidth(name, font, size) <= 200.0 + 0.01
    assert fit_text("山田 太郎", font, 30.0, 200.0, 40.0, False, 0.0)[0] == 30.0
    spaced, _ = fit_text("修了証", font, 40.0, 100.0, 40.0, False, 30.0)
    assert stringWidth("修了証", font, spaced) + 2 * 30.0 <= 100.0 + 0.01
    body = "あなたは本研修の全課程を修了したことをここに証します。" * 3
    size, lines = fit_text(body, font, 17.0, 300.0, 60.0, True, 0.0)
    assert len(lines) > 1 and "".join(lines) == body
    assert all(stringWidth(line, font, size) <= 300.0 + 0.01 for line in lines)
    assert size * (1 + 1.25 * (len(lines) - 1)) <= 60.0
