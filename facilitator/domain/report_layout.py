"""The page layout of the reports as data (`resources/report_layouts/reports.json`):
paper, margins, fonts, sizes and the heights of the boxes left blank on a draft.

Parsed into typed values and checked, so a bad edit of the JSON is refused with the
field it is about instead of drawing a broken page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from facilitator.domain.certificate_layout import FontKey
from facilitator.errors import FieldError, Msg, ValidationFailed


@dataclass(frozen=True)
class Margins:
    top: float
    right: float
    bottom: float
    left: float


@dataclass(frozen=True)
class DraftLayout:
    title_ja: str
    title_en: str
    remarks_mm: float  # 所見: the attendee writes here by hand
    approval_mm: float  # 所属長確認: the department head's seal or signature
    answers_max_lines: int  # per answer; longer answers are cut with "…"


@dataclass(frozen=True)
class ReportLayout:
    page_mm: tuple[float, float]
    margin_mm: Margins
    title_font: FontKey
    body_font: FontKey
    title_size: float
    heading_size: float
    body_size: float
    small_size: float
    line_gap: float  # leading as a multiple of the font size
    draft: DraftLayout

    @property
    def content_width_mm(self) -> float:
        return self.page_mm[0] - self.margin_mm.left - self.margin_mm.right


def _number(spec: dict[str, Any], key: str, path: str, low: float, high: float) -> float:
    value = spec.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise ValidationFailed(
            [
                FieldError(
                    f"{path}{key}",
                    Msg(
                        en=f"{path}{key} must be a number from {low:g} to {high:g}.",
                        ja=f"{path}{key} は {low:g} から {high:g} までの数値にしてください。",
                    ),
                )
            ]
        )
    return float(value)


def _font(spec: dict[str, Any], key: str) -> FontKey:
    try:
        return FontKey(spec.get(key))
    except ValueError:
        names = ", ".join(f.value for f in FontKey)
        raise ValidationFailed(
            [
                FieldError(
                    key,
                    Msg(en=f"{key} must be one of {names}.", ja=f"{key} は {names} のどれかです。"),
                )
            ]
        ) from None


def parse_report_layout(spec: dict[str, Any]) -> ReportLayout:
    """Typed, checked layout from its JSON; raises ValidationFailed naming the field."""
    page = spec.get("page_mm")
    if not (isinstance(page, list) and len(page) == 2):
        page = [None, None]
    width = _number({"w": page[0]}, "w", "page_mm.", 90, 600)
    height = _number({"h": page[1]}, "h", "page_mm.", 120, 900)
    margins = spec.get("margin_mm") or {}
    sizes = spec.get("sizes") or {}
    draft = spec.get("draft") or {}
    return ReportLayout(
        page_mm=(width, height),
        margin_mm=Margins(
            *(_number(margins, k, "margin_mm.", 0, 60) for k in ("top", "right", "bottom", "left"))
        ),
        title_font=_font(spec, "title_font"),
        body_font=_font(spec, "body_font"),
        title_size=_number(sizes, "title", "sizes.", 6, 40),
        heading_size=_number(sizes, "heading", "sizes.", 6, 30),
        body_size=_number(sizes, "body", "sizes.", 6, 20),
        small_size=_number(sizes, "small", "sizes.", 5, 16),
        line_gap=_number(spec, "line_gap", "", 1.0, 3.0),
        draft=DraftLayout(
            title_ja=str(draft.get("title_ja", "受講報告書")),
            title_en=str(draft.get("title_en", "Training report")),
            remarks_mm=_number(draft, "remarks_mm", "draft.", 10, 150),
            approval_mm=_number(draft, "approval_mm", "draft.", 10, 100),
            answers_max_lines=int(_number(draft, "answers_max_lines", "draft.", 1, 40)),
        ),
    )
