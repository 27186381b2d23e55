"""The moves dialog of a re-assignment, and the desk's rebooking dialog, through their widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from facilitator.composition import Composition, build_roster_services
from facilitator.db.models import Attendee, CheckIn, Department, TrainingSession, Unavailability
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.ui.checkin.rebook_dialog import RebookDialog, attach_rebook
from facilitator.ui.current_event import CurrentEvent
from facilitator.ui.dialogs import RecordingDialogs
from facilitator.ui.roster.assign_moves_dialog import MovesDialog
from facilitator.ui.roster.view import RosterView
from facilitator.ui.runner import SyncRunner

SHOTS = Path("/tmp/i16")


def shot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def roster_view(qtbot: QtBot, ws: Workspace, dialogs: RecordingDialogs) -> RosterView:
    services = build_roster_services(ws, FakeClock())
    current = CurrentEvent(services.events.resolve_event_id(None))
    view = RosterView(services, SyncRunner(), current, lang="en", dialogs=dialogs)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    return view


def unavailable_for_am(ws: Workspace) -> tuple[int, str]:
    """The first AM attendee can no longer come in the morning; their id and name."""
    with ws.session() as s:
        am = s.scalars(select(TrainingSession).where(TrainingSession.label == "AM")).one()
        person = s.scalars(
            select(Attendee).where(Attendee.assigned_session_id == am.id).order_by(Attendee.id)
        ).first()
        assert person is not None
        s.add(Unavailability(attendee_id=person.id, session_id=am.id))
        return person.id, person.name


def test_moves_are_shown_and_saved_only_when_accepted(
    qtbot: QtBot, demo_workspace: Workspace, tmp_path: Path
) -> None:
    dialogs = RecordingDialogs()
    view = roster_view(qtbot, demo_workspace, dialogs)
    event_id = view._current.event_id or 0
    view._s.papers.slips(event_id)  # every slip is out
    person, name = unavailable_for_am(demo_workspace)

    qtbot.mouseClick(view.assign_button, Qt.MouseButton.LeftButton)
    dialog = view.findChild(MovesDialog)
    assert dialog is not None and dialog.isVisible()
    rows = [
        [dialog.table.item(r, c).text() for c in range(1, dialog.table.columnCount())]
        for r in range(dialog.table.rowCount())
    ]
    # They move to PM; in the demo's two-person departments that puts them with their
    # (sub-)leader counterpart, who moves to AM by the higher rule.
    assert len(rows) == 2
    mine = next(r for r in rows if r[0] == name)
    other = next(r for r in rows if r[0] != name)
    assert mine[2:] == ["AM", "PM", "marked unavailable (不可)", "reprint"]
    assert other[1] == mine[1]  # same department
    assert other[2:] == [
        "PM",
        "AM",
        "to keep the department's leader and sub-leader apart",
        "reprint",
    ]
    assert "2 of them have a printed slip" in dialog.summary.text()
    shot(dialog, "moves-dialog.png")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert view._s.roster.get_attendee(person).session_label == "AM"  # nothing saved

    qtbot.mouseClick(view.assign_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in view.findChildren(MovesDialog) if d.isVisible())
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert view._s.roster.get_attendee(person).session_label == "PM"
    assert dialogs.messages[-1][0] == "inform"
    assert name in dialogs.messages[-1][1] and "out of date" in dialogs.messages[-1][1]
    stale = view._s.roster.stale_slips(event_id)
    assert person in stale and len(stale) == 2
    # Print → the moved attendees' slips: exactly those two, then nothing is stale.
    dialogs.paths = [tmp_path / "moved.pdf", tmp_path / "again.pdf"]
    view.print_actions["stale"].trigger()
    assert dialogs.messages[-1] == ("choose", f"Saved {tmp_path / 'moved.pdf'} (attendees: 2).")
    assert view._s.roster.stale_slips(event_id) == []
    view.print_actions["stale"].trigger()
    assert dialogs.messages[-1][0] == "warn" and "out of date" in dialogs.messages[-1][1]


def test_the_desk_rebooks_no_shows_and_saves_the_notice(
    qtbot: QtBot, demo_workspace: Workspace, tmp_path: Path
) -> None:
    ws = demo_workspace
    clock = FakeClock()
    with ws.session() as s:
        event_id = s.scalars(select(Department.event_id)).first() or 0
        am = s.scalars(select(TrainingSession).where(TrainingSession.label == "AM")).one()
        dept = s.scalars(select(Department).order_by(Department.id)).first()
        assert dept is not None
        extra = Attendee(
            event_id=event_id,
            staff_no="900001",
            name="追加 一郎",
            department_id=dept.id,
            assigned_session_id=am.id,
            created_at=clock.now(),
            updated_at=clock.now(),
        )
        s.add(extra)
        s.flush()
        # Everyone else in the morning has arrived.
        for aid in s.scalars(
            select(Attendee.id).where(
                Attendee.assigned_session_id == am.id, Attendee.id != extra.id
            )
        ).all()[2:]:
            s.add(
                CheckIn(
                    attendee_id=aid, session_id=am.id, checked_in_at=clock.now(), method="manual"
                )
            )
    core = Composition(ws, clock)
    dialogs = RecordingDialogs(paths=[tmp_path / "notice.pdf"], choice_answers=[1])
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    desk = QWidget()
    row = QHBoxLayout(desk)
    combo = QComboBox()
    row.addWidget(combo)
    qtbot.addWidget(desk)
    button = attach_rebook(
        combo,
        core.rebook,
        core.events,
        SyncRunner(),
        CurrentEvent(event_id),
        dialogs,
        "en",
        open_url=open_url,
    )
    assert row.indexOf(button) == 1  # beside the session choice
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = desk.findChild(RebookDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.tree.topLevelItemCount() >= 1
    texts = [
        dialog.tree.topLevelItem(i).child(j).text(2)
        for i in range(dialog.tree.topLevelItemCount())
        for j in range(dialog.tree.topLevelItem(i).childCount())
    ]
    assert "moves to PM" in texts and len(texts) == 3
    assert dialog.move_button.text() == "Move 1 to PM…" and dialog.move_button.isEnabled()
    assert "3 not checked in to AM; 1 can move to PM" in dialog.summary.text()
    dialog.resize(720, 420)
    shot(dialog, "rebook-dialog.png")
    qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "notice.pdf").read_bytes().startswith(b"%PDF")
    # The notice ends like every save: where it is, and "Open folder" opens its folder.
    assert dialogs.messages[-1][0] == "choose" and "追加 一郎" in dialogs.messages[-1][1]
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]
    people = {p.staff_no: p.session_label for p in core.attendees.list_attendees(event_id)}
    assert people["900001"] == "PM"
    assert not dialog.move_button.isEnabled()  # the list is refreshed: nobody left to move
