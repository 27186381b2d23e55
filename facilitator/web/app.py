"""The LAN server's Starlette app: check-in (and feedback) pages, their API, /healthz.

Nothing else is served: no roster listing, no export, no admin. Every page
and asset is local (no CDN), so it works with the venue's Wi-Fi cut off from
the internet.
"""

from __future__ import annotations

from collections.abc import Sequence

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from facilitator.web.checkin.routes import checkin_routes
from facilitator.web.deps import STATIC_DIR, WebDeps, render_message
from facilitator.web.security import ASGIApp, BodyLimit, HotPaths, SecurityHeaders
from facilitator.web.short_links import short_link_routes


async def healthz(_request: Request) -> Response:
    return PlainTextResponse("ok")


def _feedback_routes(deps: WebDeps) -> list[BaseRoute]:
    if deps.feedback is None:
        return []
    from facilitator.web.feedback.routes import feedback_routes

    return feedback_routes(deps)


def create_app(deps: WebDeps) -> Starlette:
    routes: list[BaseRoute] = [
        *checkin_routes(deps),
        Route("/healthz", healthz, methods=["GET"]),
        *_feedback_routes(deps),
        *short_link_routes(deps),
        *deps.extra_routes,
        Mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static"),
    ]

    async def not_found(request: Request, _exc: Exception) -> Response:
        if request.url.path.startswith("/api/"):
            return PlainTextResponse("Not Found", status_code=404)
        return render_message(deps, request, "common.error_title", "common.not_found", 404)

    return Starlette(
        routes=routes,
        middleware=[
            Middleware(HotPaths, posts=_hot_posts(routes)),
            Middleware(SecurityHeaders),
            Middleware(BodyLimit),
        ],
        exception_handlers={404: not_found},
    )


def _hot_posts(routes: Sequence[BaseRoute]) -> dict[str, ASGIApp]:
    """The API posts written as plain ASGI endpoints (the burst paths), by exact path.

    Only those: a function endpoint relies on the exception layer that
    `HotPaths` skips.
    """
    return {
        route.path: route.app
        for route in routes
        if isinstance(route, Route)
        and route.methods
        and "POST" in route.methods
        and route.app is route.endpoint
        and "{" not in route.path
    }
