"""Printed papers for the roster: admission slips, attendance sheets, department notices."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from sqlalchemy import select

from facilitator.db.models import Event
from facilitator.db.workspace import Workspace
from facilitator.domain.tokens import slip_code
from facilitator.errors import InputRejected, Msg
from facilitator.services.events import EventService, SessionInfo
from facilitator.services.files import write_atomically
from facilitator.services.roster.attendees import AttendeeRow, RosterService

WEEKDAYS_JA = "月火水木金土日"


@dataclass(frozen=True)
class Paper:
    pdf: bytes
    count: int  # attendees printed
    skipped: int  # attendees left out (no session yet)


def date_ja(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日（{WEEKDAYS_JA[day.weekday()]}）"


def _hm(value: time) -> str:
    return f"{value.hour}:{value.minute:02d}"


def time_range(session: SessionInfo) -> str:
    return f"{_hm(session.start)}〜{_hm(session.end)}"


class RosterPapersService:
    def __init__(self, workspace: Workspace, events: EventService, roster: RosterService) -> None:
        self._workspace = workspace
        self._events = events
        self._roster = roster

    def _secret(self, event_id: int) -> str:
        with self._workspace.session() as session:
            secret = session.scalar(select(Event.secret).where(Event.id == event_id))
        assert secret is not None  # the event was loaded just before
        return secret

    def slips(self, event_id: int, attendee_ids: list[int] | None = None) -> Paper:
        """Admission slips sorted by department (for internal mail); `attendee_ids` reprints a few."""
        from facilitator.pdf.slips import Slip, SlipEvent, render_slips

        event = self._events.get_event(event_id)
        sessions = {s.id: s for s in event.sessions}
        people = self._roster.list_attendees(event_id)
        if attendee_ids is not None:
            wanted = set(attendee_ids)
            people = [p for p in people if p.id in wanted]
        printable = [p for p in people if p.session_id in sessions]
        if not printable:
            raise InputRejected(
                Msg(
                    en="No slip to print: assign the attendees to sessions first.",
                    ja="印刷する受講票がありません。先に受講者をセッションに割り当ててください。",
                )
            )
        secret = self._secret(event_id)
        slips = []
        for p in printable:
            s = sessions[p.session_id]  # type: ignore[index]
            slips.append(
                Slip(
                    name=p.name,
                    kana=p.kana,
                    staff_no=p.staff_no,
                    department=p.department,
                    title=p.title,
                    session_label=s.label,
                    date_text=date_ja(s.date),
                    time_text=time_range(s),
                    room=s.room,
                    code=slip_code(secret, event_id, p.staff_no, p.token_version),
                )
            )
        pdf = render_slips(SlipEvent(event.title, event.venue), slips)
        # A slip names its session: remember which, so a later move marks it stale.
        self._roster.record_slips_printed({p.id: p.session_id for p in printable if p.session_id})
        return Paper(pdf, len(slips), len(people) - len(printable))

    def stale_slips(self, event_id: int) -> Paper:
        """New slips for exactly the attendees whose printed slip names a session they left."""
        ids = self._roster.stale_slips(event_id)
        if not ids:
            raise InputRejected(
                Msg(
                    en="No printed slip is out of date: nobody with a printed slip changed session.",
                    ja="古くなった受講票はありません。受講票の印刷後にセッションが変わった人はいません。",
                )
            )
        return self.slips(event_id, ids)

    def attendance(self, event_id: int, session_ids: list[int] | None = None) -> Paper:
        """Attendance sheets (one per session), sorted by department then kana."""
        from facilitator.pdf.attendance import SessionSheet, SheetLine, render_attendance

        event = self._events.get_event(event_id)
        chosen = [s for s in event.sessions if session_ids is None or s.id in session_ids]
        people = self._roster.list_attendees(event_id)
        sheets = []
        for s in chosen:
            members = [p for p in people if p.session_id == s.id]
            sheets.append(
                SessionSheet(
                    label=s.label,
                    when=f"{date_ja(s.date)} {time_range(s)}",
                    room=s.room,
                    capacity=s.capacity,
                    people=tuple(
                        SheetLine(p.department, p.title, p.name, p.kana, p.staff_no)
                        for p in members
                    ),
                )
            )
        count = sum(len(sh.people) for sh in sheets)
        return Paper(render_attendance(event.title, sheets), count, 0)

    def notices(self, event_id: int) -> Paper:
        """One notice per department: who attends which session."""
        from facilitator.pdf.attendance import DepartmentNotice, NoticeLine, render_notices

        event = self._events.get_event(event_id)
        sessions = {s.id: s for s in event.sessions}
        by_dept: dict[str, list[AttendeeRow]] = defaultdict(list)
        for p in self._roster.list_attendees(event_id):
            by_dept[p.department].append(p)
        notices = []
        for dept, members in by_dept.items():
            lines = []
            for p in members:
                s = sessions.get(p.session_id) if p.session_id is not None else None
                lines.append(
                    NoticeLine(
                        name=p.name,
                        title=p.title,
                        session=f"{s.label}　{time_range(s)}" if s else "未定",
                        room=s.room if s else "",
                    )
                )
            notices.append(DepartmentNotice(dept, tuple(lines)))
        pdf = render_notices(event.title, date_ja(event.date), event.venue, event.issuer, notices)
        return Paper(pdf, sum(len(n.lines) for n in notices), 0)


def write_paper(paper: Paper, path: Path) -> Paper:
    """Save `paper` to `path` through a temporary file, so a failed write leaves no half PDF."""
    write_atomically(path, paper.pdf)
    return paper
