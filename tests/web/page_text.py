"""A phone page's text as a reader sees it: without the `<wbr>` phrase marks."""

from __future__ import annotations

from typing import Any


def shown(response: Any) -> str:
    """The response's HTML with the Japanese phrase breaks (`<wbr>`) taken out, so a
    sentence can be looked for whole."""
    return str(response.text).replace("<wbr>", "")
