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

import json
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from facilitator.domain.survey_rules import QuestionDef, QuestionKind
from facilitator.domain.tokens import TokenCheck
from facilitator.lang import Lang
from facilitator.services.feedback import (
    FeedbackOutcome,
    FeedbackService,
    Respondent,
    SessionSurvey,
    SubmitResult,
)
from facilitator.services.feedback_writer import Submission
from facilitator.web.checkin_api import LoopBatcher
from facilitator.web.feedback_i18n import FEEDBACK
from facilitator.web.i18n import negotiate, translator
from facilitator.web.identity import read_attendee_cookie
from facilitator.web.security import AsgiEndpoint, client_address, device_key, same_origin

MAX_CODE = 32
MAX_TOKEN = 64
MAX_STAFF_NO = 64
_FAILURES = (FeedbackOutcome.INVALID_TOKEN, FeedbackOutcome.NOT_CHECKED_IN)


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


def result_json(result: SubmitResult, lang: Lang) -> dict[str, Any]:
    return {
        "outcome": result.outcome.value,
        "message": FEEDBACK[f"outcome.{result.outcome.value}"].text(lang),
        "errors": [
            {"key": e.key, "problem": e.problem.value, "message": e.message.text(lang)}
            for e in result.errors
        ],
    }


def _problem(
    request: Request, status: int, error: str, message_key: str, detail: str = ""
) -> JSONResponse:
    """A refused request: `error` a stable code as check-in's API gives (`malformed_json`,
    `invalid_fields`, `rate_limited` ...), `detail` for developers, `message` for the
    person on the phone."""
    lang = negotiate(request.headers.get("accept-language"))
    body = {"error": error, "message": translator(lang)(message_key), "detail": detail}
    headers = {"Retry-After": "60"} if status == 429 else None
    return JSONResponse(body, status_code=status, headers=headers)


def feedback_routes(deps: Any) -> list[BaseRoute]:
    """Routes for the LAN app; `deps.services["feedback"]` is the FeedbackService.

    `deps.services["feedback_notify"]`, when given, is called with the session
    id after every stored submission (the GUI refreshes its live count).
    """
    service: FeedbackService | None = deps.services.get("feedback")
    if service is None:
        return []  # an app built without the feedback service serves no feedback pages
    batcher: LoopBatcher[Submission, SubmitResult] = LoopBatcher(service.submit_many)

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
                "questions": [question_json(q, lang) for q in found.survey.questions],
                "token": token,
                "name": name,
                "messages": {
                    k: FEEDBACK[k].text(lang)
                    for k in ("feedback.sending", "feedback.network", "feedback.submit")
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

    async def submit_api(request: Request) -> Response:
        if not same_origin(request):
            return _problem(
                request, 403, "cross_site", "common.bad_request", "cross-site request refused"
            )
        if blocked(request):
            return _problem(request, 429, "rate_limited", "common.too_many")
        try:
            payload = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError):
            return _problem(
                request, 400, "malformed_json", "common.bad_request", "body is not JSON"
            )

        def invalid(detail: str) -> JSONResponse:
            return _problem(request, 400, "invalid_fields", "common.bad_request", detail)

        if not isinstance(payload, dict):
            return invalid("body must be a JSON object")
        code, token = payload.get("session"), payload.get("token")
        staff_no, answers = payload.get("staff_no"), payload.get("answers")
        if not isinstance(code, str) or not isinstance(token, str) or not isinstance(answers, dict):
            return invalid("session, token (strings) and answers (object) are required")
        if staff_no is not None and not isinstance(staff_no, str):
            return invalid("staff_no must be a string")
        if len(code) > MAX_CODE or len(token) > MAX_TOKEN or len(staff_no or "") > MAX_STAFF_NO:
            return invalid("field too long")

        # On the loop: the session and secret come from the service's one-second
        # cache (a fraction of a millisecond read when it expires), the cookie and
        # token are HMAC checks. A worker-thread trip per phone cost more than all of it.
        target = service.phone_target(code)
        if target is not None and not deps.serves(target.event_id):
            target = None  # another event's session: answered as a forged token
        attendee_id = (
            read_attendee_cookie(request, target.secret, target.event_id)
            if target is not None
            else None
        )
        who = Respondent(attendee_id=attendee_id, staff_no=None if attendee_id else staff_no)
        checked = service.phone_submission(target, token, who, answers)
        session_id = target.session_id if target else None
        # Awaited on the event loop: no thread waits for the writer's commit, and the
        # submissions of one turn of the loop reach the writer together.
        result = checked if isinstance(checked, SubmitResult) else await batcher.submit(checked)
        if result.outcome in _FAILURES and (
            result.outcome is FeedbackOutcome.INVALID_TOKEN or attendee_id is None
        ):
            failed(request)
        if result.outcome.stored and session_id is not None:
            notify = deps.services.get("feedback_notify")
            if notify is not None:
                notify(session_id)
        return JSONResponse(result_json(result, lang_of(request)))

    return [
        Route("/f/{code}", page, methods=["GET"]),
        Route("/api/v1/survey/{code}", survey_api, methods=["GET"]),
        # A plain ASGI endpoint: a burst's submissions take the HotPaths lane.
        Route("/api/v1/feedback", AsgiEndpoint(submit_api), methods=["POST"]),
    ]
