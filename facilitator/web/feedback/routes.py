"""The phone side of feedback: the survey page `/f/<code>` and its JSON API.

- `POST /f/<code>` the same form without JavaScript (form-encoded); a stored
  answer redirects (303) to `GET /f/<code>/done?o=<outcome>.<time>.<signature>`
  (signed for this phone, 10 minutes), so reloading the result page does not
  send the answers again and a shared link shows nothing.
- `GET /api/v1/survey/<code>?t=<token>` -> `{"questions": [...]}` (plus `open`,
  `anonymous`, `recognised`), labels in the phone's language.
- `POST /api/v1/feedback` with `{"session", "token", "staff_no"?, "answers"}`
  -> `{"outcome", "errors": [{"key", "problem", "message"}], "message"}`.

A phone that checked in carries the signed attendee cookie and is not asked
who it is; otherwise the staff number is. Failed attempts (forged token,
unknown staff number) count against the device and address like check-in's.
"""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import parse_qs, quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from facilitator.domain.feedback_access import (
    SurveyAccess,
    access_is_guess,
    submission_is_guess,
    survey_access,
    token_outcome,
)
from facilitator.domain.survey_rules import FeedbackOutcome, QuestionDef, QuestionKind
from facilitator.domain.survey_template import shown_title
from facilitator.domain.tokens import TokenCheck, mac, same
from facilitator.lang import Lang
from facilitator.services.feedback.types import Respondent, SessionSurvey, SubmitResult
from facilitator.web.deps import WebDeps
from facilitator.web.feedback.api import (
    MAX_CODE,
    MAX_STAFF_NO,
    MAX_TOKEN,
    FeedbackApi,
    problem_json,
)
from facilitator.web.feedback.texts import FEEDBACK
from facilitator.web.i18n import negotiate, translator
from facilitator.web.identity import read_attendee_cookie, verified_phone
from facilitator.web.security import (
    DEVICE_COOKIE,
    Caller,
    client_address,
    device_key,
    same_origin,
)

# Outcomes the form shows again (fix and resend) rather than as a result page.
# How long the result page of a form post may be reloaded (its link is signed).
DONE_SECONDS = 600
_SHOWN_ON_FORM = (FeedbackOutcome.INVALID_ANSWERS, FeedbackOutcome.NOT_CHECKED_IN)
# The page each refusal to open the survey shows: (title, body, status).
_ACCESS_PAGES = {
    SurveyAccess.INVALID_TOKEN: ("feedback.invalid_title", "feedback.expired_body", 403),
    SurveyAccess.EXPIRED_TOKEN: ("feedback.expired_title", "feedback.expired_body", 403),
    SurveyAccess.NOT_FOUND: ("common.error_title", "common.not_found", 404),
    SurveyAccess.CLOSED: ("feedback.closed_title", "feedback.closed_body", 200),
}


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


def answers_from_form(
    questions: tuple[QuestionDef, ...], form: dict[str, list[str]]
) -> dict[str, Any]:
    """The answers of a form post, shaped as feedback.js sends them (the same checks follow):
    a rating as a number, a single choice as its value, several as a list, text as typed."""
    answers: dict[str, Any] = {}
    for q in questions:
        given = form.get(q.key, [])
        if not given:
            continue
        if q.kind is QuestionKind.RATING:
            text = given[0].strip()
            answers[q.key] = int(text) if text.isdecimal() and len(text) < 4 else text
        elif q.kind is QuestionKind.MULTIPLE_CHOICE:
            answers[q.key] = list(given)
        elif q.kind is QuestionKind.TEXT:
            if given[0].strip():
                answers[q.key] = given[0]
        else:
            answers[q.key] = given[0]
    return answers


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
        exempt = Caller.of(request).phone.exempt
        return read_attendee_cookie(
            request,
            secret[1],
            found.event_id,
            deps.clock.now(),
            None if exempt else deps.checkin.phones.bound_device,
        )

    def message(request: Request, title: str, body: str, status: int) -> Response:
        lang = lang_of(request)
        return deps.templates.TemplateResponse(
            request,
            "feedback_message.html",
            {"t": translator(lang, FEEDBACK), "lang": lang, "title": title, "body": body},
            status_code=status,
        )

    async def _found(code: str, check: TokenCheck) -> SessionSurvey | None:
        """The session behind a link whose token passed (None: none, or not served here)."""
        if token_outcome(check) is not None:
            return None  # the token already decides: nothing is looked up
        found = await run_in_threadpool(service.survey_for_code, code)
        return found if found is not None and deps.serves(found.event_id) else None

    async def survey_of(
        request: Request, code: str, token: str, *, for_submit: bool = False
    ) -> SessionSurvey | Response:
        """The open survey behind a phone URL, or the page that says why there is none.
        Submitting accepts a token that rotated away while its owner wrote."""
        if blocked(request):
            return message(request, "common.error_title", "common.too_many", 429)
        check = await run_in_threadpool(service.check_token, code, token, for_submit=for_submit)
        found = await _found(code, check)
        access = survey_access(check, found is not None, found is not None and found.feedback_open)
        if access_is_guess(access):
            failed(request)
        if access is not SurveyAccess.OPEN:
            return message(request, *_ACCESS_PAGES[access])
        assert found is not None
        return found

    async def survey_page(
        request: Request,
        found: SessionSurvey,
        token: str,
        *,
        values: dict[str, list[str]] | None = None,
        errors: dict[str, str] | None = None,
        form_error: str = "",
        staff_no: str = "",
    ) -> Response:
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
                "values": values or {},
                "errors": errors or {},
                "form_error": form_error,
                "staff_no": staff_no,
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

    async def page(request: Request) -> Response:
        code = request.path_params["code"][:MAX_CODE]
        token = request.query_params.get("t", "")[:MAX_TOKEN]
        found = await survey_of(request, code, token)
        if isinstance(found, Response):
            return found
        return await survey_page(request, found, token)

    async def post(request: Request) -> Response:
        """The survey form without JavaScript: the same rules as `POST /api/v1/feedback`."""
        code = request.path_params["code"][:MAX_CODE]
        if not same_origin(request):
            return message(request, "common.error_title", "common.bad_request", 403)
        form = parse_qs(
            (await request.body()).decode("utf-8", "replace"),
            keep_blank_values=True,
            max_num_fields=500,
        )
        token = form.get("_token", [""])[0][:MAX_TOKEN]
        found = await survey_of(request, code, token, for_submit=True)
        if isinstance(found, Response):
            return found
        caller = Caller.of(request)
        attendee_id = recognised(request, found)
        staff_no = form.get("_staff_no", [""])[0][:MAX_STAFF_NO]
        values = {q.key: form.get(q.key, []) for q in found.survey.questions}
        lang = lang_of(request)
        if attendee_id is None and not staff_no.strip():
            missing = FEEDBACK["feedback.staff_no_missing"].text(lang)
            return await survey_page(
                request,
                found,
                token,
                values=values,
                errors={"staff_no": missing},
                form_error=FEEDBACK["feedback.fix"].text(lang),
            )
        who = Respondent(attendee_id=attendee_id, staff_no=None if attendee_id else staff_no)
        answers = answers_from_form(found.survey.questions, form)
        target = service.phone_target(code)
        phone = verified_phone(caller, target.secret if target else None, deps.clock.now())
        pending = service.enqueue_from_phone(target, token, who, answers, phone)
        result: SubmitResult = (
            pending if isinstance(pending, SubmitResult) else await asyncio.wrap_future(pending)
        )
        if submission_is_guess(result.outcome, recognised=attendee_id is not None):
            failed(request)
        if result.outcome.stored:
            deps.on_feedback(found.session_id)
        if result.outcome in _SHOWN_ON_FORM:
            text = FEEDBACK[f"outcome.{result.outcome.value}"].text(lang)
            errors = {e.key: e.message.text(lang) for e in result.errors}
            if result.outcome is FeedbackOutcome.NOT_CHECKED_IN:
                errors["staff_no"] = text
            return await survey_page(
                request,
                found,
                token,
                values=values,
                errors=errors,
                form_error=text,
                staff_no=staff_no,
            )
        # Post/Redirect/Get: the result is a page of its own, safe to reload. The
        # outcome is signed for this phone and a few minutes, so a shared link shows
        # nobody else a "thank you" for answers they never sent.
        signed = _signed_outcome(
            request, code, result.outcome.value, int(deps.clock.now().timestamp())
        )
        return RedirectResponse(
            f"/f/{quote(code, safe='')}/done?o={quote(signed, safe='')}", status_code=303
        )

    def _signed_outcome(request: Request, code: str, outcome: str, issued: int) -> str:
        secret = deps.event_secret(code)
        # The phone: its device cookie and address (a phone may have no cookie yet).
        phone = f"{request.cookies.get(DEVICE_COOKIE, '')[:64]}|{client_address(request)}"
        key = secret[1] if secret else "00"
        signature = mac(key, f"feedback-done:{code}:{outcome}:{issued}:{phone}", 16)
        return f"{outcome}.{issued}.{signature}"

    def _outcome_of(request: Request, code: str) -> FeedbackOutcome | None:
        outcome, _, rest = request.query_params.get("o", "").partition(".")
        issued_text, _, _signature = rest.partition(".")
        try:
            issued = int(issued_text)
            found = FeedbackOutcome(outcome)
        except ValueError:
            return None
        age = deps.clock.now().timestamp() - issued
        if not 0 <= age <= DONE_SECONDS or deps.event_secret(code) is None:
            return None
        expected = _signed_outcome(request, code, outcome, issued)
        return found if same(request.query_params.get("o", ""), expected) else None

    async def done(request: Request) -> Response:
        """The result of a form post (a plain page: reloading it sends nothing)."""
        outcome = _outcome_of(request, request.path_params["code"][:MAX_CODE])
        if outcome is None:
            return message(request, "common.error_title", "common.not_found", 404)
        lang = lang_of(request)
        return deps.templates.TemplateResponse(
            request,
            "feedback_done.html",
            {
                "t": translator(lang, FEEDBACK),
                "lang": lang,
                "outcome_key": f"outcome.{outcome.value}",
                "style": "ok" if outcome.stored else "error",
            },
        )

    async def survey_api(request: Request) -> Response:
        code = request.path_params["code"][:MAX_CODE]
        token = request.query_params.get("t", "")[:MAX_TOKEN]
        if blocked(request):
            return _problem(request, 429, "rate_limited", "common.too_many")
        check = await run_in_threadpool(service.check_token, code, token)
        found = await _found(code, check)
        access = survey_access(check, found is not None, found is not None and found.feedback_open)
        if access_is_guess(access):
            failed(request)
        if access in (SurveyAccess.INVALID_TOKEN, SurveyAccess.EXPIRED_TOKEN):
            return JSONResponse({"outcome": access.value}, status_code=403)
        if found is None:
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
        Route("/f/{code}", post, methods=["POST"]),
        Route("/f/{code}/done", done, methods=["GET"]),
        Route("/api/v1/survey/{code}", survey_api, methods=["GET"]),
        # A plain ASGI endpoint: a burst's submissions take the HotPaths lane.
        Route("/api/v1/feedback", FeedbackApi(deps, service), methods=["POST"]),
    ]
