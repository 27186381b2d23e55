"""Phone check-in: the page flow, and the route of `POST /api/v1/checkin` (web/checkin/api.py).

Page flow (works without JavaScript):
  GET  /c/<code>?t=<token>   the session QR's URL: token checked, staff-number form
  GET  /c/<code>/pick        no staff number at hand: department, then name
  GET  /c/<code>/form        the form again ("No, enter again")
  POST /c/<code>/confirm     "Is this you?" with the name
  POST /c/<code>/done        checks in (the one service function) and shows the result
The form carries a page pass instead of the QR token, because typing can
take longer than the token's two 30-second windows.

One phone checks in one person (`domain.devices`): the confirm step shows
no name to a phone bound to somebody else, and at most a few distinct names
to any phone; the result page names the person only to the phone that
checked them in, and only that phone gets the identity cookie.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from facilitator.domain.checkin import (
    UNKNOWN_SESSION,
    CheckInMethod,
    CheckInOutcome,
    page_pass,
    pass_proof,
    phone_confirm,
    phone_entry,
    refused_before_lookup,
    token_proof,
)
from facilitator.domain.devices import Phone
from facilitator.services.checkin.types import (
    AttendeeRef,
    CheckInRequest,
    CheckInResult,
    PagePass,
    PhoneSession,
    SessionRef,
    StaffNumber,
)
from facilitator.web.checkin.api import (
    MAX_FIELD,
    CheckInApi,
    LoopBatches,
    note_refused,
    refused_too_often,
)
from facilitator.web.checkin.texts import ASKS_AT_DESK, CHECKIN_TEXTS, OUTCOME_STYLE
from facilitator.web.deps import WebDeps, render_message
from facilitator.web.i18n import negotiate, translator
from facilitator.web.identity import (
    device_cookie,
    issue_device_cookie,
    set_attendee_cookie,
    verified_phone,
)
from facilitator.web.security import (
    Caller,
    client_address,
    device_key,
    same_origin,
)


def checkin_routes(deps: WebDeps) -> list[BaseRoute]:
    batches = LoopBatches(deps)
    pages = _Pages(deps, batches)
    return [
        # The API first: the router tries routes in order, and it is the hot path.
        Route("/api/v1/checkin", CheckInApi(deps, batches), methods=["POST"]),
        Route("/c/{code}", pages.start, methods=["GET"]),
        Route("/c/{code}/form", pages.form, methods=["GET"]),
        Route("/c/{code}/pick", pages.pick, methods=["GET"]),
        Route("/c/{code}/confirm", pages.confirm, methods=["POST"]),
        Route("/c/{code}/done", pages.done, methods=["POST"]),
    ]


class _Pages:
    def __init__(self, deps: WebDeps, batches: LoopBatches) -> None:
        self.deps = deps
        self.batches = batches

    # -- pages -------------------------------------------------------------------------------
    async def start(self, request: Request) -> Response:
        if self._blocked(request):
            return self._too_many(request)
        # Reads like this one take a fraction of a millisecond (WAL, no fsync), so
        # they run on the loop; only check-ins, which wait for the disk, leave it.
        found = self._session_of(request)
        if isinstance(found, Response):
            return found
        token = request.query_params.get("t", "")[:MAX_FIELD]
        now = self.deps.clock.now().timestamp()
        refused = phone_entry(token_proof(found.secret, found.code, token, now), found.checkin_open)
        if refused is not None:
            return self._refusal(request, found, refused)
        response = self._form(request, found, page_pass(found.secret, found.code, int(now)))
        # A phone without a cookie this server issued for the event (none, made up,
        # edited, expired) gets a fresh one: a made-up cookie is never a new phone.
        if not device_cookie(request.cookies, found.secret, self.deps.clock.now()):
            issue_device_cookie(response, found.secret, self.deps.clock.now())
        return response

    async def confirm(self, request: Request) -> Response:
        checked = await self._posted(request)
        if isinstance(checked, Response):
            return checked
        found, pass_text, credential = checked
        person = self.deps.checkin.identify(found.event_id, credential)
        if person is None:
            self._failed(request)
            return self._form(
                request,
                found,
                pass_text,
                error_key="checkin.unknown",
                staff_no=credential.value if isinstance(credential, StaffNumber) else "",
                status=200,
            )
        # No name for a phone that may not check this person in, and at most a few
        # distinct names per phone: the confirm step must not become a staff directory.
        phone = verified_phone(Caller.of(request), found.secret, self.deps.clock.now())
        if refused_too_often(self.deps, phone):
            return self._too_many(request)
        gate = self.deps.checkin.phones.phone_gate(found.event_id, person.id, phone)
        refused = phone_confirm(gate.check.verdict)
        if refused is not None:
            note_refused(self.deps, phone)
            # A write (it waits for the disk): off the loop.
            await run_in_threadpool(
                self.deps.checkin.phones.record_device_refusal,
                found.id,
                person.id,
                gate.check,
                phone,
            )
            self.deps.on_checkin(
                CheckInResult(
                    refused,
                    CheckInMethod.PHONE,
                    SessionRef(found.id, found.event_id, found.label, found.code),
                    person,
                )
            )
            return self._outcome_page(request, found, f"outcome.{refused.value}")
        if not self.deps.lookups.allow(
            found.event_id, phone, f"id:{person.id}", shared_address=gate.shared_address
        ):
            return self._outcome_page(request, found, "checkin.lookup_limit")
        return self._page(
            request,
            "checkin_confirm.html",
            found,
            person=person,
            pass_text=pass_text,
            credential=credential,
        )

    async def form(self, request: Request) -> Response:
        """The staff-number form again ("No, enter again" and the picker's way back)."""
        checked = self._pass_from(request, request.query_params.get("p", ""))
        if isinstance(checked, Response):
            return checked
        found, pass_text = checked
        return self._form(request, found, pass_text)

    async def pick(self, request: Request) -> Response:
        """Department, then name, for someone who does not know their staff number."""
        checked = self._pass_from(request, request.query_params.get("p", ""))
        if isinstance(checked, Response):
            return checked
        found, pass_text = checked
        departments = self.deps.checkin.desk.phone_departments(found.event_id)
        chosen = request.query_params.get("d", "")
        department = next((d for d in departments if str(d[0]) == chosen), None)
        people = (
            self.deps.checkin.desk.phone_people(found.event_id, department[0]) if department else []
        )
        return self._page(
            request,
            "checkin_pick.html",
            found,
            pass_text=pass_text,
            departments=departments,
            department=department,
            people=people,
        )

    async def done(self, request: Request) -> Response:
        checked = await self._posted(request)
        if isinstance(checked, Response):
            return checked
        found, pass_text, credential = checked
        phone = verified_phone(Caller.of(request), found.secret, self.deps.clock.now())
        if refused_too_often(self.deps, phone):
            return self._too_many(request)
        result = await self.batches.check_in(
            CheckInRequest(
                found.code,
                credential,
                CheckInMethod.PHONE,
                PagePass(pass_text),
                device=phone.record(),
                phone=phone,
            ),
        )
        if result.outcome.is_failure:
            self._failed(request)
        elif result.outcome is CheckInOutcome.DEVICE_USED:
            note_refused(self.deps, phone)
        response = self._page(
            request,
            "checkin_result.html",
            found,
            result=result,
            outcome_key=_outcome_key(result, phone),
            style=OUTCOME_STYLE[result.outcome],
        )
        self._remember(response, result, phone)
        return response

    # -- helpers -----------------------------------------------------------------------------
    async def _posted(
        self, request: Request
    ) -> tuple[PhoneSession, str, StaffNumber | AttendeeRef] | Response:
        """The session, pass and who (staff number or picked name) of a form post,
        or the page that refuses it."""
        if self._blocked(request):
            return self._too_many(request)
        if not same_origin(request):
            return render_message(
                self.deps, request, "common.error_title", "common.bad_request", 403
            )
        form = parse_qs((await request.body()).decode("utf-8", "replace"), max_num_fields=10)
        checked = self._pass_from(request, form.get("pass", [""])[0])
        if isinstance(checked, Response):
            return checked
        found, pass_text = checked
        picked = form.get("attendee", [""])[0]
        if picked.isdecimal() and len(picked) < 12:
            return found, pass_text, AttendeeRef(int(picked))
        staff_no = form.get("staff_no", [""])[0][:MAX_FIELD]
        if not staff_no.strip():
            return self._form(
                request, found, pass_text, error_key="checkin.enter_staff_no", status=200
            )
        return found, pass_text, StaffNumber(staff_no)

    def _pass_from(self, request: Request, pass_text: str) -> tuple[PhoneSession, str] | Response:
        """The session of the URL, when `pass_text` is its genuine, fresh page pass."""
        if self._blocked(request):
            return self._too_many(request)
        pass_text = pass_text[:MAX_FIELD]
        found = self._session_of(request)
        if isinstance(found, Response):
            return found
        now = self.deps.clock.now().timestamp()
        refused = refused_before_lookup(pass_proof(found.secret, found.code, pass_text, now))
        if refused is not None:
            return self._refusal(request, found, refused)
        return found, pass_text

    def _session_of(self, request: Request) -> PhoneSession | Response:
        """The session of the URL's code, or the page for a code this server does not
        serve (the domain's first rule: a forged link)."""
        found = self.deps.checkin.phone_session(request.path_params["code"])
        if found is None or not self.deps.serves(found.event_id):
            self._failed(request)
            return render_message(
                self.deps,
                request,
                "checkin.title",
                f"outcome.{UNKNOWN_SESSION.value}",
                404,
                CHECKIN_TEXTS,
            )
        return found

    def _refusal(self, request: Request, found: PhoneSession, outcome: CheckInOutcome) -> Response:
        """The result page for an outcome the domain decided before the form: a
        failed proof counts against the phone and answers 403."""
        if outcome.is_failure:
            self._failed(request)
        return self._page(
            request,
            "checkin_result.html",
            found,
            outcome_key=f"outcome.{outcome.value}",
            style=OUTCOME_STYLE[outcome],
            status=403 if outcome.is_failure else 200,
        )

    def _form(
        self,
        request: Request,
        found: PhoneSession,
        pass_text: str,
        *,
        error_key: str = "",
        staff_no: str = "",
        status: int = 200,
    ) -> Response:
        return self._page(
            request,
            "checkin_form.html",
            found,
            pass_text=pass_text,
            error_key=error_key,
            staff_no=staff_no,
            status=status,
        )

    def _page(
        self,
        request: Request,
        template: str,
        found: PhoneSession,
        status: int = 200,
        **context: Any,
    ) -> Response:
        lang = negotiate(request.headers.get("accept-language"))
        context.update(
            t=translator(lang, CHECKIN_TEXTS), lang=lang, session=found, asks_at_desk=ASKS_AT_DESK
        )
        return self.deps.templates.TemplateResponse(request, template, context, status_code=status)

    def _outcome_page(self, request: Request, found: PhoneSession, key: str) -> Response:
        """A red result page that names nobody and sends the phone to the desk."""
        return self._page(
            request, "checkin_result.html", found, outcome_key=key, style="error", status=200
        )

    def _remember(self, response: Response, result: CheckInResult, phone: Phone) -> None:
        """The identity cookie, only for the phone whose own request recorded the check-in
        (bound to it by the device rule; the laptop's own browser is exempt, as from every
        per-phone rule) and that carries a device cookie to sign with."""
        if not (
            result.outcome is CheckInOutcome.CHECKED_IN
            and (result.this_phone or phone.exempt)
            and phone.cookie
            and result.attendee
            and result.session
        ):
            return
        device = phone.cookie
        event_id = result.session.event_id
        secret = self.deps.secret_for_event(event_id)
        if secret is not None:
            set_attendee_cookie(
                response, secret, event_id, result.attendee.id, device, self.deps.clock.now()
            )

    def _blocked(self, request: Request) -> bool:
        return self.deps.failures.blocked(device_key(request), client_address(request))

    def _failed(self, request: Request) -> None:
        self.deps.failures.record_failure(device_key(request), client_address(request))

    def _too_many(self, request: Request) -> Response:
        response = render_message(self.deps, request, "common.error_title", "common.too_many", 429)
        response.headers["Retry-After"] = "60"
        return response


def _outcome_key(result: CheckInResult, phone: Phone) -> str:
    """The result's text: `wrong_session` names the booked session only to the
    person's own bound phone (or the laptop), never to a phone that typed a
    colleague's number."""
    if result.outcome is CheckInOutcome.WRONG_SESSION and not (phone.exempt or result.this_phone):
        return "outcome.wrong_session_unnamed"
    return f"outcome.{result.outcome.value}"
