"""The burst endpoints read who is calling straight from the ASGI scope (`Caller.from_scope`);
it must read the same headers, cookies and device as the page routes do through Starlette."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request

from facilitator.web.i18n import CACHED_HEADER_LENGTH, negotiate
from facilitator.web.security import Caller, same_origin


def scope(*headers: tuple[bytes, bytes]) -> dict[str, Any]:
    return {
        "type": "http",
        "method": "POST",
        "path": "/api/v1/feedback",
        "headers": list(headers),
        "client": ("192.0.2.5", 1234),
    }


def test_cookies_of_every_cookie_header_are_merged_as_starlette_does() -> None:
    s = scope((b"cookie", b"fac_dev=first; fac_att=1.2.sig"), (b"cookie", b"fac_dev=second"))
    from_scope, from_request = Caller.from_scope(s), Caller.of(Request(s))
    assert from_scope.cookies == from_request.cookies == {"fac_dev": "second", "fac_att": "1.2.sig"}
    assert from_scope.device == from_request.device == "192.0.2.5|second"


def test_a_header_s_first_value_counts_and_same_origin_agrees() -> None:
    s = scope(
        (b"sec-fetch-site", b"cross-site"),
        (b"sec-fetch-site", b"same-origin"),
        (b"accept-language", b"en"),
        (b"accept-language", b"ja"),
    )
    from_scope, request = Caller.from_scope(s), Request(s)
    assert from_scope.headers["accept-language"] == request.headers["accept-language"] == "en"
    assert same_origin(from_scope) is same_origin(request) is False


def test_no_client_and_no_cookie() -> None:
    caller = Caller.from_scope({"type": "http", "headers": []})
    assert (caller.address, caller.cookies, caller.device) == ("unknown", {}, "unknown|")


def test_a_huge_accept_language_is_answered_but_not_kept() -> None:
    from facilitator.web import i18n

    before = i18n._negotiate_cached.cache_info().currsize
    huge = "en;q=0.9," + "x" * (CACHED_HEADER_LENGTH * 100)
    assert negotiate(huge) == "en"
    assert i18n._negotiate_cached.cache_info().currsize == before
    assert negotiate("en-US,en;q=0.8") == "en"
