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
    """The language of the user's locale: Japanese for a Japanese locale or when the
    locale says nothing (C/POSIX: Japanese comes first), English for any other."""
    said_c = False
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if not value:
            continue
        if value.split(".", 1)[0] in ("C", "POSIX"):
            said_c = True
            continue
        return _locale_lang(value)
    # Python reports a C locale as en_US, so only ask it when no variable was set
    # (Windows, where the locale lives outside the environment).
    current = None if said_c else locale.getlocale()[0]
    return _locale_lang(current) if current else "ja"


def _locale_lang(name: str) -> Lang:
    # Windows names locales "Japanese_Japan" rather than "ja_JP".
    if name.strip().lower().startswith("japanese"):
        return "ja"
    return parse_lang(name) or "en"
