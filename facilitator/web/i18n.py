"""Japanese or English for the phone pages, from the phone's Accept-Language.

Each area keeps its own catalogue (key -> `Msg`); templates call `t(key)`
with keyword arguments for placeholders, e.g. `t("checkin.done", name=...)`.
Values are inserted before Jinja2 escapes the result, so a name is escaped
like any other output.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from facilitator.domain.phrases import phrases
from facilitator.errors import Msg
from facilitator.lang import Lang, parse_lang

Catalogue = Mapping[str, Msg]
Translate = Callable[..., str]

# Japanese first: a phone that states no preference gets Japanese.
DEFAULT_LANG: Lang = "ja"


# Longer headers are not cached: anyone on the venue Wi-Fi could otherwise park
# hundreds of huge values in the cache (a real one is a few dozen characters).
CACHED_HEADER_LENGTH = 200


def negotiate(accept_language: str | None) -> Lang:
    """The best of ja/en for an Accept-Language header (q-values respected).

    Cached for ordinary headers: a room of phones sends a handful of distinct
    ones, and every request of a burst asks."""
    if accept_language is not None and len(accept_language) > CACHED_HEADER_LENGTH:
        return _negotiate(accept_language)
    return _negotiate_cached(accept_language)


def _negotiate(accept_language: str | None) -> Lang:
    if not accept_language:
        return DEFAULT_LANG
    best: tuple[float, int, Lang] | None = None
    for index, part in enumerate(accept_language.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        lang = parse_lang(tag) if tag.strip() else None
        if lang is None:
            continue
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                quality = 0.0
        # Higher quality wins; on a tie the earlier one (negated index).
        candidate = (quality, -index, lang)
        if quality > 0 and (best is None or candidate[:2] > best[:2]):
            best = candidate
    return best[2] if best else DEFAULT_LANG


_negotiate_cached = functools.lru_cache(maxsize=256)(_negotiate)


def translator(lang: Lang, *catalogues: Catalogue) -> Translate:
    """`t(key, **values)` over the given catalogues plus the common one."""

    def t(key: str, **values: Any) -> str:
        for catalogue in (*catalogues, COMMON):
            msg = catalogue.get(key)
            if msg is not None:
                text = msg.text(lang)
                return text.format(**values) if values else text
        return key  # a missing key shows itself instead of failing the page

    return t


# A line-break opportunity the browser takes only where needed; the pages' CSS
# (`word-break: keep-all`) allows no other inside a run of Japanese.
WBR = Markup("<wbr>")

# Texts up to this length keep their phrase markup cached: the fixed texts of the
# pages and the handful of names, titles and question labels an event has. Longer
# ones (rare) are parsed each time rather than parked in memory.
CACHED_PHRASES_LENGTH = 300


def phrased(text: object, lang: Lang) -> Markup:
    """`text`, HTML-escaped, with `<wbr>` between its Japanese phrases (BudouX).

    Each phrase is escaped on its own and only the `<wbr>` between them is markup,
    so a name or a question typed as `<script>` stays text. English is only
    escaped: it breaks at its spaces. A value that is already markup is left as
    it is (its tags must not be split)."""
    if isinstance(text, Markup):
        return text
    value = str(text)
    if lang != "ja" or not value:
        return escape(value)
    if len(value) > CACHED_PHRASES_LENGTH:
        return _phrased_ja(value)
    return _phrased_ja_cached(value)


def _phrased_ja(text: str) -> Markup:
    return WBR.join(escape(phrase) for phrase in phrases(text))


_phrased_ja_cached = functools.lru_cache(maxsize=2048)(_phrased_ja)


@pass_context
def phrases_filter(context: Context, text: object) -> Markup:
    """The templates' `| phrases` filter, in the page's language (`lang` in its context)."""
    lang: Lang = "ja" if context.get("lang") == "ja" else "en"
    return phrased(text, lang)


COMMON: dict[str, Msg] = {
    "app.name": Msg(en="Facilitator", ja="Facilitator"),
    "common.back": Msg(en="Back", ja="戻る"),
    "common.error_title": Msg(en="Sorry", ja="申し訳ありません"),
    "common.too_many": Msg(
        en="Too many attempts from this device. Please wait a minute and try again, "
        "or ask at the reception desk.",
        ja="この端末からの試行が多すぎます。1 分ほど待ってから再度お試しいただくか、受付でお尋ねください。",
    ),
    "common.bad_request": Msg(
        en="The request could not be read. Please scan the QR code again.",
        ja="リクエストを読み取れませんでした。もう一度 QR コードを読み取ってください。",
    ),
    "common.too_large": Msg(en="The request is too large.", ja="リクエストが大きすぎます。"),
    "common.not_found": Msg(
        en="This page does not exist. Please scan the QR code on the screen.",
        ja="このページはありません。スクリーンの QR コードを読み取ってください。",
    ),
}
