"""The short URLs the projector shows: `/C/<CODE>/<TOKEN>` and `/F/<CODE>/<TOKEN>`.

They are the QR-friendly spelling of `/c/<code>?t=<token>` and
`/f/<code>?t=<token>` (see `domain.phone_links`), and lead there with a 303,
so every rule of the pages themselves (token proof, forged and expired
refusals with their 403, the device rule, Host and Origin checks) applies
unchanged. A code that is not base32 of a session code is a forged link: the
same 404 page as an unknown session, counted against the phone.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from facilitator.domain.phone_links import (
    SHORT_CHECKIN_PREFIX,
    SHORT_FEEDBACK_PREFIX,
    read_short_code,
)
from facilitator.web.deps import WebDeps, render_message
from facilitator.web.security import client_address, device_key

MAX_TOKEN = 64


def short_link_routes(deps: WebDeps) -> list[BaseRoute]:
    def redirect(long_prefix: str) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            key, address = device_key(request), client_address(request)
            if deps.failures.blocked(key, address):
                response = render_message(
                    deps, request, "common.error_title", "common.too_many", 429
                )
                response.headers["Retry-After"] = "60"
                return response
            code = read_short_code(request.path_params["code"])
            token = request.path_params["token"][:MAX_TOKEN]
            if code is None:
                deps.failures.record_failure(key, address)
                return render_message(deps, request, "common.error_title", "common.not_found", 404)
            # Relative: the phone stays on the host (and port) it scanned.
            target = f"{long_prefix}{quote(code, safe='')}?t={quote(token, safe='')}"
            return RedirectResponse(target, status_code=303)

        return endpoint

    return [
        Route(f"{SHORT_CHECKIN_PREFIX}{{code}}/{{token}}", redirect("/c/"), methods=["GET"]),
        Route(f"{SHORT_FEEDBACK_PREFIX}{{code}}/{{token}}", redirect("/f/"), methods=["GET"]),
    ]
