"""The two interface languages and how the user's choice is found."""

from __future__ import annotations

import locale
import os
from typing import Literal, get_args

Lang = Literal["ja", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)


def parse_lang(value: str) -> Lang | None:
    """`ja`, `ja_JP.UTF-8`, `en-US` ... -> Lang; anything else -> None."""
    head = value.strip().replace("-", "_").split("_", 1)[0].split(".", 1)[0].lower()
    for lang in LANGS:
        if head == lang:
            return lang
    return None


def system_lang() -> Lang:
    """The language of the user's locale: Japanese for a ja locale, English for any other."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            return parse_lang(value) or "en"
    current = locale.getlocale()[0]
    if current:
        return parse_lang(current) or "en"
    return "en"
