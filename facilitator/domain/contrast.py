"""WCAG 2 contrast between two sRGB colours (`#rrggbb`), for the colours the app picks."""

from __future__ import annotations


def _luminance(colour: str) -> float:
    """Relative luminance of `#rrggbb` (WCAG 2.x definition)."""
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    channels = []
    for i in (0, 2, 4):
        c = int(value[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """From 1 (same) to 21 (black on white); AA asks 4.5 for text, 3 for large text and
    for the parts of a control that say its state."""
    a, b = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)
