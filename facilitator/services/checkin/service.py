"""Check-in: one function for every path (phone, webcam, USB scanner, manual search).

`CheckInService.check_in(request)` gathers the facts (the proof: session QR
token, page pass or personal slip code; the attendee, their check-in, the
session, the phone's bindings), lets `domain.checkin.decide` decide the outcome
and writes through the group-commit writer. It
returns only after the check-in is on disk, so whatever it acknowledges
survives a crash. The partial unique index on `checkins` keeps it exactly
once even if two processes ever wrote at the same time.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future

from sqlalchemy import select

from facilitator.db.workspace import Workspace
from facilitator.domain.clock import Clock
from facilitator.domain.roster_rules import normalise_staff_no
from facilitator.errors import InputRejected, Msg
from facilitator.services.audit import current_actor
from facilitator.services.checkin.batch import CheckInBatch
from facilitator.services.checkin.desk import CheckInDesk
from facilitator.services.checkin.devices import PhoneTrust
from facilitator.services.checkin.statements import PERSON, A, E, S
from facilitator.services.checkin.types import (
    AttendeeBrief,
    AttendeeRef,
    CheckInContext,
    CheckInRequest,
    CheckInResult,
    PhoneSession,
    StaffNumber,
)
from facilitator.services.group_commit import GroupCommitWriter


class CheckInService:
    """Check-in for one workspace; see the module docstring for the guarantees.

    `desk` is the trainer's side (arrivals, search, walk-ins, undo, exports, opening
    a session) and `phones` the one-phone rule's (the confirm step, refused attempts,
    the shared-address setting); both record through this service's `check_in`."""

    def __init__(self, workspace: Workspace, clock: Clock) -> None:
        self._workspace = workspace
        self._clock = clock
        self._writer: GroupCommitWriter[CheckInRequest, CheckInResult] | None = None
        self._batch = CheckInBatch(clock.now, current_actor)
        context = CheckInContext(workspace, clock, self.check_in, self._batch.forget_sessions)
        self.desk = CheckInDesk(context)
        self.phones = PhoneTrust(context)

    # -- the one entry point -----------------------------------------------------------------
    def check_in(self, request: CheckInRequest, timeout: float = 30.0) -> CheckInResult:
        """Check one person in; returns once the outcome is committed to disk."""
        return self.submit(request).result(timeout)

    def submit(self, request: CheckInRequest) -> Future[CheckInResult]:
        """The same as `check_in`, for callers that wait themselves (the web server's loop)."""
        return self._writer_for().submit(request)

    def submit_many(
        self, requests: Sequence[CheckInRequest]
    ) -> Future[list[Future[CheckInResult]]]:
        """Several check-ins at once (a burst a server loop gathered); the
        returned future is settled, with each one's settled future, after their commit."""
        return self._writer_for().submit_many(requests)

    def close(self) -> None:
        """Write what is queued and stop the writer thread."""
        if self._writer is not None:
            self._writer.close()

    def phone_session(self, code: str) -> PhoneSession | None:
        """The session a phone URL names, or None for an unknown code."""
        with self._workspace.engine.connect() as conn:
            row = conn.execute(
                select(
                    S.c.id,
                    S.c.event_id,
                    E.c.title,
                    S.c.label,
                    S.c.code,
                    E.c.secret,
                    S.c.checkin_open,
                    S.c.feedback_open,
                )
                .join(E, E.c.id == S.c.event_id)
                .where(S.c.code == code)
            ).first()
        if row is None:
            return None
        return PhoneSession(
            row.id,
            row.event_id,
            row.title,
            row.label,
            row.code,
            row.secret,
            bool(row.checkin_open),
            bool(row.feedback_open),
        )

    def event_secret(self, event_id: int) -> str | None:
        with self._workspace.engine.connect() as conn:
            return conn.scalar(select(E.c.secret).where(E.c.id == event_id))

    def identify(
        self, event_id: int, credential: StaffNumber | AttendeeRef
    ) -> AttendeeBrief | None:
        """Who a staff number belongs to (the phone's confirmation step); writes nothing."""
        with self._workspace.engine.connect() as conn:
            if isinstance(credential, StaffNumber):
                staff_no = normalise_staff_no(credential.value)
                if not staff_no:
                    return None
                where = (A.c.event_id == event_id) & (A.c.staff_no == staff_no)
            else:
                where = (A.c.event_id == event_id) & (A.c.id == credential.attendee_id)
            row = conn.execute(PERSON.where(where)).first()
        if row is None:
            return None
        return AttendeeBrief(
            row.id, row.staff_no, row.name, row.kana, row.dept, row.assigned_label or ""
        )

    @property
    def commits(self) -> int:
        return self._writer.commits if self._writer else 0

    def _writer_for(self) -> GroupCommitWriter[CheckInRequest, CheckInResult]:
        if self._workspace.readonly:
            raise InputRejected(
                Msg(
                    en="This workspace is open read-only; check-ins cannot be recorded.",
                    ja="このワークスペースは読み取り専用で開かれているため、受付を記録できません。",
                )
            )
        if self._writer is None:
            self._writer = GroupCommitWriter(
                self._workspace.engine, None, "checkin-writer", process_group=self._batch.process
            )
        return self._writer
