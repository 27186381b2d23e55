"""Certificate layouts as data: paper, positioned elements in mm, placeholders.

A layout is stored as JSON (two built-ins under `resources/layouts/`, edited
copies in the workspace). `parse_layout` turns that JSON into typed, checked
elements; every problem is reported at once, in both languages, before
anything is saved or drawn. Coordinates are millimetres from the page's
top-left corner, the way a designer measures a printed sheet.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from facilitator.errors import FieldError, Msg, ValidationFailed

# Per-attendee values change on every page; the others are the same for the whole event,
# so the renderer draws elements that use only those once (see pdf/certificates.py).
ATTENDEE_FIELDS = ("name", "name_kana", "department", "title", "number", "code")
EVENT_FIELDS = ("event", "date", "date_wareki", "hours", "issuer", "signatory")
PLACEHOLDERS = ATTENDEE_FIELDS + EVENT_FIELDS
_PLACEHOLDER_RE = re.compile(r"\{([^{}]*)\}")

PAPER_MM: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "A3": (297.0, 420.0),
    "B5": (182.0, 257.0),
    "Letter": (215.9, 279.4),
}


class Orientation(Enum):
    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


class Align(Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class FontKey(Enum):
    """Only the bundled fonts: every PDF embeds what it shows."""

    MINCHO = "mincho"
    GOTHIC = "gothic"


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class TextElement:
    box: Box
    text: str
    font: FontKey = FontKey.MINCHO
    size: float = 12.0  # points; shrunk until the text fits the box
    align: Align = Align.CENTER
    color: str = "#000000"
    wrap: bool = False  # break long text into lines inside the box
    letter_spacing: float = 0.0  # points between characters (formal Japanese titles)

    def fields(self) -> set[str]:
        return set(_PLACEHOLDER_RE.findall(self.text))

    @property
    def per_attendee(self) -> bool:
        return bool(self.fields() & set(ATTENDEE_FIELDS))


@dataclass(frozen=True)
class ImageElement:
    box: Box
    data: bytes  # PNG or JPEG


@dataclass(frozen=True)
class FrameElement:
    """A rectangle outline: the borders of a formal certificate."""

    box: Box
    line_width: float = 1.0  # points
    color: str = "#000000"


@dataclass(frozen=True)
class QrElement:
    """The verification QR; `size` mm square including its quiet zone."""

    x: float
    y: float
    size: float


Element = TextElement | ImageElement | FrameElement | QrElement


@dataclass(frozen=True)
class Layout:
    name: str
    paper: str = "A4"
    orientation: Orientation = Orientation.PORTRAIT
    elements: tuple[Element, ...] = field(default_factory=tuple)
    background: bytes | None = None  # PNG/JPEG stretched over the whole page

    @property
    def page_mm(self) -> tuple[float, float]:
        short, long = PAPER_MM[self.paper]
        return (long, short) if self.orientation is Orientation.LANDSCAPE else (short, long)


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    return _PLACEHOLDER_RE.sub(lambda m: values.get(m.group(1), m.group(0)), text)


class _Reader:
    """Collects every problem in a layout instead of stopping at the first."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def fail(self, where: str, en: str, ja: str) -> None:
        self.errors.append(FieldError(where, Msg(en=f"{where}: {en}", ja=f"{where}：{ja}")))

    def number(
        self,
        raw: dict[str, Any],
        key: str,
        where: str,
        default: float | None = None,
        *,
        low: float = 0.0,
        high: float = 2000.0,
    ) -> float:
        value = raw.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(f"{where}.{key}", "must be a number.", "数値で指定してください。")
            return low
        if not low <= float(value) <= high:
            self.fail(
                f"{where}.{key}",
                f"must be between {low:g} and {high:g}.",
                f"{low:g} から {high:g} の範囲で指定してください。",
            )
        return float(value)

    def choice(self, raw: dict[str, Any], key: str, where: str, enum: Any, default: Any) -> Any:
        value = raw.get(key, default.value)
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(m.value for m in enum)
            self.fail(
                f"{where}.{key}",
                f"must be one of {allowed}.",
                f"{allowed} のいずれかにしてください。",
            )
            return default

    def color(self, raw: dict[str, Any], where: str) -> str:
        value = raw.get("color", "#000000")
        if not isinstance(value, str) or not re.fullmatch(r"#[0-9A-Fa-f]{6}", value):
            self.fail(
                f"{where}.color", "must look like #RRGGBB.", "#RRGGBB の形で指定してください。"
            )
            return "#000000"
        return value

    def image(self, value: Any, where: str) -> bytes | None:
        if value in (None, ""):
            return None
        try:
            data = base64.b64decode(str(value), validate=True)
        except (binascii.Error, ValueError):
            data = b""
        if not data.startswith((b"\x89PNG", b"\xff\xd8")):
            self.fail(
                where, "must be a PNG or JPEG image.", "PNG または JPEG の画像にしてください。"
            )
            return None
        return data

    def box(self, raw: dict[str, Any], where: str, page: tuple[float, float]) -> Box:
        box = Box(
            self.number(raw, "x", where),
            self.number(raw, "y", where),
            self.number(raw, "width", where, low=1.0),
            self.number(raw, "height", where, low=1.0),
        )
        if box.x + box.width > page[0] + 0.01 or box.y + box.height > page[1] + 0.01:
            self.fail(
                where, "reaches beyond the edge of the paper.", "用紙の外にはみ出しています。"
            )
        return box


def parse_layout(raw: Any) -> Layout:
    """Check and type a layout's JSON; raises ValidationFailed listing every problem."""
    reader = _Reader()
    if not isinstance(raw, dict):
        reader.fail("layout", "must be a JSON object.", "JSON オブジェクトにしてください。")
        raise ValidationFailed(reader.errors)
    name = str(raw.get("name", "")).strip() or "layout"
    paper = raw.get("paper", "A4")
    if paper not in PAPER_MM:
        reader.fail(
            "paper",
            f"must be one of {', '.join(PAPER_MM)}.",
            f"{', '.join(PAPER_MM)} のいずれかにしてください。",
        )
        paper = "A4"
    orientation = reader.choice(raw, "orientation", "layout", Orientation, Orientation.PORTRAIT)
    page = Layout("", paper, orientation).page_mm
    background = reader.image(raw.get("background"), "background")
    elements: list[Element] = []
    raw_elements = raw.get("elements", [])
    if not isinstance(raw_elements, list):
        reader.fail("elements", "must be a list.", "リストにしてください。")
        raw_elements = []
    for index, item in enumerate(raw_elements):
        where = f"elements[{index}]"
        if not isinstance(item, dict):
            reader.fail(where, "must be a JSON object.", "JSON オブジェクトにしてください。")
            continue
        element = _parse_element(reader, item, where, page)
        if element is not None:
            elements.append(element)
    if reader.errors:
        raise ValidationFailed(reader.errors)
    return Layout(name, paper, orientation, tuple(elements), background)


def _parse_element(
    reader: _Reader, item: dict[str, Any], where: str, page: tuple[float, float]
) -> Element | None:
    kind = item.get("kind")
    if kind == "text":
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            reader.fail(f"{where}.text", "must not be empty.", "空にはできません。")
            text = ""
        unknown = sorted(set(_PLACEHOLDER_RE.findall(text)) - set(PLACEHOLDERS))
        if unknown:
            names = ", ".join("{" + u + "}" for u in unknown)
            reader.fail(
                f"{where}.text",
                f"unknown placeholder {names}.",
                f"不明な差し込み項目 {names} です。",
            )
        return TextElement(
            box=reader.box(item, where, page),
            text=text,
            font=reader.choice(item, "font", where, FontKey, FontKey.MINCHO),
            size=reader.number(item, "size", where, 12.0, low=4.0, high=200.0),
            align=reader.choice(item, "align", where, Align, Align.CENTER),
            color=reader.color(item, where),
            wrap=bool(item.get("wrap", False)),
            letter_spacing=reader.number(item, "letter_spacing", where, 0.0, high=100.0),
        )
    if kind == "image":
        data = reader.image(item.get("data"), f"{where}.data")
        box = reader.box(item, where, page)
        return ImageElement(box, data) if data is not None else None
    if kind == "frame":
        return FrameElement(
            box=reader.box(item, where, page),
            line_width=reader.number(item, "line_width", where, 1.0, low=0.1, high=20.0),
            color=reader.color(item, where),
        )
    if kind == "qr":
        size = reader.number(item, "size", where, 25.0, low=10.0, high=100.0)
        x, y = reader.number(item, "x", where), reader.number(item, "y", where)
        if x + size > page[0] + 0.01 or y + size > page[1] + 0.01:
            reader.fail(
                where, "reaches beyond the edge of the paper.", "用紙の外にはみ出しています。"
            )
        return QrElement(x, y, size)
    reader.fail(
        f"{where}.kind",
        "must be text, image, frame or qr.",
        "text、image、frame、qr のいずれかにしてください。",
    )
    return None


def layout_to_json(layout: Layout) -> dict[str, Any]:
    """The JSON form `parse_layout` reads (round trip)."""

    def box(b: Box) -> dict[str, float]:
        return {"x": b.x, "y": b.y, "width": b.width, "height": b.height}

    elements: list[dict[str, Any]] = []
    for e in layout.elements:
        if isinstance(e, TextElement):
            elements.append(
                {
                    "kind": "text",
                    **box(e.box),
                    "text": e.text,
                    "font": e.font.value,
                    "size": e.size,
                    "align": e.align.value,
                    "color": e.color,
                    "wrap": e.wrap,
                    "letter_spacing": e.letter_spacing,
                }
            )
        elif isinstance(e, ImageElement):
            elements.append(
                {"kind": "image", **box(e.box), "data": base64.b64encode(e.data).decode("ascii")}
            )
        elif isinstance(e, FrameElement):
            elements.append(
                {"kind": "frame", **box(e.box), "line_width": e.line_width, "color": e.color}
            )
        else:
            elements.append({"kind": "qr", "x": e.x, "y": e.y, "size": e.size})
    return {
        "name": layout.name,
        "paper": layout.paper,
        "orientation": layout.orientation.value,
        "background": base64.b64encode(layout.background).decode("ascii")
        if layout.background
        else None,
        "elements": elements,
    }


def new_text_element() -> dict[str, Any]:
    """A text element as the editor adds it: the attendee's name, top left, 14 pt Mincho."""
    return {
        "kind": "text",
        "x": 20,
        "y": 20,
        "width": 80,
        "height": 10,
        "text": "{name}",
        "font": "mincho",
        "size": 14,
        "align": "left",
    }


def new_image_element(data: bytes) -> dict[str, Any]:
    """An image element as the editor adds it: 30 mm square, top left, the file kept inline."""
    return {
        "kind": "image",
        "x": 20,
        "y": 20,
        "width": 30,
        "height": 30,
        "data": base64.b64encode(data).decode("ascii"),
    }
