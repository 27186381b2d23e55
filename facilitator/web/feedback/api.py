"""`POST /api/v1/feedback`, the hot path of the end of a session, as a plain ASGI endpoint.

When the trainer says "please answer the survey now", a room of phones posts
at once, and the server's loop handles every post on one thread. Like the
check-in endpoint, this one reads the few headers it needs straight from the
scope (`Caller.from_scope`) and answers with pre-built bytes instead of
building Starlette's Request and Response for each phone; the submissions of
a burst reach the writer together through a `LoopBatcher`.

The rules are those of the page routes: same-origin posts only, failures
(a bad token, someone not checked in) count against the rate limit, and a
result is sent only after the writer's commit.
"""

from __future__ import annotations

import functools
from typing import Any

from facilitator.domain.feedback_access import submission_is_guess
from facilitator.domain.survey_rules import FeedbackOutcome
from facilitator.lang import Lang
from facilitator.services.feedback.capture import FeedbackService, Respondent, SubmitResult
from facilitator.services.feedback.submission import Submission
from facilitator.web.asgi_json import is_json, json_bytes, read_json, send_json, send_json_bytes
from facilitator.web.deps import WebDeps
from facilitator.web.feedback.texts import FEEDBACK
from facilitator.web.i18n import negotiate, translator
from facilitator.web.identity import read_attendee_cookie, verified_phone
from facilitator.web.loop_batcher import LoopBatcher
from facilitator.web.security import Caller, Receive, Scope, Send, same_origin

MAX_CODE = 32
MAX_TOKEN = 64
MAX_STAFF_NO = 64
_RETRY = (b"retry-after", b"60")


def result_json(result: SubmitResult, lang: Lang) -> dict[str, Any]:
    return {
        "outcome": result.outcome.value,
        "message": FEEDBACK[f"outcome.{result.outcome.value}"].text(lang),
        "errors": [
            {"key": e.key, "problem": e.problem.value, "message": e.message.text(lang)}
            for e in result.errors
        ],
    }


@functools.lru_cache(maxsize=64)
def _plain_result(outcome: FeedbackOutcome, lang: Lang) -> bytes:
    # Nearly every answer of a burst is the same few bytes ("recorded", no errors).
    return json_bytes(result_json(SubmitResult(outcome), lang))


def problem_json(lang: Lang, error: str, message_key: str, detail: str = "") -> dict[str, str]:
    """A refused request: `error` a stable code as check-in's API gives (`malformed_json`,
    `invalid_fields`, `rate_limited` ...), `detail` for developers, `message` for the
    person on the phone."""
    return {"error": error, "message": translator(lang)(message_key), "detail": detail}


class FeedbackApi:
    """The ASGI endpoint (see docs/feedback.md for the contract)."""

    # Answers within their limits must fit: a survey may hold several text questions
    # of up to 5,000 characters, and a character takes up to 4 bytes (16 KB, the
    # default, refused long answers that were within their limit).
    max_body_bytes = 128 * 1024

    def __init__(self, deps: WebDeps, service: FeedbackService) -> None:
        self.deps = deps
        self.service = service
        self.batcher: LoopBatcher[Submission, SubmitResult] = LoopBatcher(service.submit_many)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        caller = Caller.from_scope(scope)
        lang = negotiate(caller.headers.get("accept-language"))

        async def refuse(status: int, error: str, message_key: str, detail: str = "") -> None:
            extra = (_RETRY,) if status == 429 else ()
            await send_json(send, status, problem_json(lang, error, message_key, detail), *extra)

        if not same_origin(caller):
            await refuse(403, "cross_site", "common.bad_request", "cross-site request refused")
            return
        if not is_json(caller):
            await refuse(415, "unsupported_media_type", "common.bad_request", "send JSON")
            return
        failures = self.deps.failures
        if failures.blocked(caller.device, caller.address):
            await refuse(429, "rate_limited", "common.too_many")
            return
        try:
            payload = await read_json(receive)
        except ValueError:
            await refuse(400, "malformed_json", "common.bad_request", "body is not JSON")
            return
        fields = _fields(payload)
        if isinstance(fields, str):
            await refuse(400, "invalid_fields", "common.bad_request", fields)
            return
        code, token, staff_no, answers = fields

        # On the loop: the session and secret come from the service's one-second
        # cache (a fraction of a millisecond read when it expires), the cookie and
        # token are HMAC checks. A worker-thread trip per phone cost more than all of it.
        target = self.service.phone_target(code)
        if target is not None and not self.deps.serves(target.event_id):
            target = None  # another event's session: answered as a forged token
        attendee_id = (
            read_attendee_cookie(
                caller,
                target.secret,
                target.event_id,
                self.service.clock.now(),
                None if caller.phone.exempt else self.deps.checkin.phones.bound_device,
            )
            if target is not None
            else None
        )
        who = Respondent(attendee_id=attendee_id, staff_no=None if attendee_id else staff_no)
        phone = verified_phone(caller, target.secret if target else None, self.service.clock.now())
        checked = self.service.phone_submission(target, token, who, answers, phone)
        result = (
            checked if isinstance(checked, SubmitResult) else await self.batcher.submit(checked)
        )
        if submission_is_guess(result.outcome, recognised=attendee_id is not None):
            failures.record_failure(caller.device, caller.address)
        if result.outcome.stored and target is not None:
            self.deps.on_feedback(target.session_id)
        body = (
            json_bytes(result_json(result, lang))
            if result.errors
            else _plain_result(result.outcome, lang)
        )
        await send_json_bytes(send, 200, body)


def _fields(payload: object) -> tuple[str, str, str | None, dict[str, Any]] | str:
    """(session, token, staff_no, answers) of a well-formed body, or what is wrong with it."""
    if not isinstance(payload, dict):
        return "body must be a JSON object"
    code, token = payload.get("session"), payload.get("token")
    staff_no, answers = payload.get("staff_no"), payload.get("answers")
    if not isinstance(code, str) or not isinstance(token, str) or not isinstance(answers, dict):
        return "session, token (strings) and answers (object) are required"
    if staff_no is not None and not isinstance(staff_no, str):
        return "staff_no must be a string"
    if len(code) > MAX_CODE or len(token) > MAX_TOKEN or len(staff_no or "") > MAX_STAFF_NO:
        return "field too long"
    return code, token, staff_no, answers
