"""The phone side of feedback: the survey page `/f/<code>` and its JSON API.

- `GET /api/v1/survey/<code>?t=<token>` -> `{"questions": [...]}` (plus `open`,
  `anonymous`, `recognised`), labels in the phone's language.
- `POST /api/v1/feedback` with `{"session", "token", "staff_no"?, "answers"}`
  -> `{"outcome", "errors": [{"key", "problem", "message"}], "message"}`.

A phone that checked in carries the signed attendee cookie and is not asked
who it is; otherwise the staff number is. Failed attempts (forged token,
unknown staff number) count against the device and address like check-in's.
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from facilitator.domain.survey_rules import QuestionDef, QuestionKind
from facilitator.domain.survey_template import shown_title
from facilitator.domain.tokens import TokenCheck
from facilitator.lang import Lang
from facilitator.services.feedback.capture import SessionSurvey
from facilitator.web.deps import WebDeps
from facilitator.web.feedback.api import MAX_CODE, MAX_TOKEN, FeedbackApi, problem_json
from facilitator.web.feedback.texts import FEEDBACK
from facilitator.web.i18n import negotiate, translator
from facilitator.web.identity import read_attendee_cookie
from facilitator.web.security import client_address, device_key


def question_json(q: QuestionDef, lang: Lang) -> dict[str, Any]:
    out: dict[str, Any] = {
        "key": q.key,
        "kind": q.kind.value,
        "label": q.label(lang),
        "required": q.required,
    }
    if q.kind.has_choices:
        out["choices"] = [{"value": c.value, "label": c.label(lang)} for c in q.choices]
    if q.kind is QuestionKind.RATING:
        out["min"], out["max"] = 1, 5
        out["min_label"] = q.min_label_ja if lang == "ja" else q.min_label_en
        out["max_label"] = q.max_label_ja if lang == "ja" else q.max_label_en
    if q.kind is QuestionKind.TEXT:
        out["max_length"] = q.max_length
    return out


def _problem(
    request: Request, status: int, error: str, message_key: str, detail: str = ""
) -> JSONResponse:
    """A refused request, as `problem_json` describes."""
    lang = negotiate(request.headers.get("accept-language"))
    headers = {"Retry-After": "60"} if status == 429 else None
    return JSONResponse(
        problem_json(lang, error, message_key, detail), status_code=status, headers=headers
    )


def feedback_routes(deps: WebDeps) -> list[BaseRoute]:
    """Routes for the LAN app, served with `deps.feedback`; `deps.on_feedback` is
    called with the session id after every stored submission."""
    service = deps.feedback
    if service is None:
        return []  # an app built without the feedback service serves no feedback pages

    def lang_of(request: Request) -> Lang:
        return negotiate(request.headers.get("accept-language"))

    def blocked(request: Request) -> bool:
        return bool(deps.failures.blocked(device_key(request), client_address(request)))

    def failed(request: Request) -> None:
        deps.failures.record_failure(device_key(request), client_address(request))

    def recognised(request: Request, found: SessionSurvey) -> int | None:
        secret = deps.event_secret(found.session_code)
        if secret is None:
            return None
        return read_attendee_cookie(request, secret[1], found.event_id)

    def message(request: Request, title: str, body: str, status: int) -> Response:
        lang = lang_of(request)
        return deps.templates.TemplateResponse(
            request,
            "feedback_message.html",
            {"t": translator(lang, FEEDBACK), "lang": lang, "title": title, "body": body},
            status_code=status,
        )

    async def page(request: Request) -> Response:
        code = request.path_params["code"][:MAX_CODE]
        token = request.query_params.get("t", "")[:MAX_TOKEN]
        if blocked(request):
            return message(request, "common.error_title", "common.too_many", 429)
        check = await run_in_threadpool(service.check_token, code, token)
        if check is not TokenCheck.VALID:
            if check is TokenCheck.INVALID:
                failed(request)
                return message(request, "feedback.invalid_title", "feedback.expired_body", 403)
            return message(request, "feedback.expired_title", "feedback.expired_body", 403)
        found = await run_in_threadpool(service.survey_for_code, code)
        if found is None or not deps.serves(found.event_id):
            return message(request, "common.error_title", "common.not_found", 404)
        if not found.feedback_open:
            return message(request, "feedback.closed_title", "feedback.closed_body", 200)
        attendee_id = recognised(request, found)
        name = (
            await run_in_threadpool(service.attendee_name, found.event_id, attendee_id)
            if attendee_id is not None
            else None
        )
        lang = lang_of(request)
        return deps.templates.TemplateResponse(
            request,
            "feedback.html",
            {
                "t": translator(lang, FEEDBACK),
                "lang": lang,
                "survey": found,
                "title": shown_title(found.survey.title, found.survey.template_key, lang),
                "questions": [question_json(q, lang) for q in found.survey.questions],
                "token": token,
                "name": name,
                "messages": {
                    k: FEEDBACK[k].text(lang)
                    for k in (
                        "feedback.sending",
                        "feedback.network",
                        "feedback.submit",
                        "feedback.fix",
                        "feedback.staff_no_missing",
                    )
                },
            },
        )

    async def survey_api(request: Request) -> Response:
        code = request.path_params["code"][:MAX_CODE]
        token = request.query_params.get("t", "")[:MAX_TOKEN]
        if blocked(request):
            return _problem(request, 429, "rate_limited", "common.too_many")
        check = await run_in_threadpool(service.check_token, code, token)
        if check is not TokenCheck.VALID:
            if check is TokenCheck.INVALID:
                failed(request)
            outcome = "invalid_token" if check is TokenCheck.INVALID else "expired_token"
            return JSONResponse({"outcome": outcome}, status_code=403)
        found = await run_in_threadpool(service.survey_for_code, code)
        if found is None or not deps.serves(found.event_id):
            return _problem(request, 404, "not_found", "common.not_found")
        lang = lang_of(request)
        return JSONResponse(
            {
                "questions": [question_json(q, lang) for q in found.survey.questions],
                "open": found.feedback_open,
                "anonymous": found.survey.anonymous,
                "recognised": recognised(request, found) is not None,
            }
        )

    return [
        Route("/f/{code}", page, methods=["GET"]),
        Route("/api/v1/survey/{code}", survey_api, methods=["GET"]),
        # A plain ASGI endpoint: a burst's submissions take the HotPaths lane.
        Route("/api/v1/feedback", FeedbackApi(deps, service), methods=["POST"]),
    ]
