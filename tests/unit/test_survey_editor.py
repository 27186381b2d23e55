"""Editing a survey keeps answers safe; anonymous results pool small departments."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import delete, select

from facilitator.db.models import Event, Survey
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.domain.survey_rules import ChoiceDef, QuestionDef, QuestionKind
from facilitator.errors import InputRejected, UnknownEvent, ValidationFailed
from facilitator.services.feedback.capture import FeedbackMethod, FeedbackService, Respondent
from facilitator.services.feedback.results import MIN_GROUP, FeedbackResultsService
from facilitator.services.feedback.survey_editor import SurveyDraft, SurveyEditorService
from tests.unit.feedback_helpers import (
    GOOD_ANSWERS,
    check_in,
    configure_survey,
    open_feedback,
    session_ids,
)


def _event(ws: Workspace) -> int:
    with ws.session() as s:
        return s.scalars(select(Event.id)).one()


def _draft(editor: SurveyEditorService, event_id: int) -> SurveyDraft:
    state = editor.state(event_id)
    assert state.survey is not None
    s = state.survey
    return SurveyDraft(s.title, s.anonymous, s.allow_resubmit, s.questions)


def test_create_from_template_once(demo_workspace: Workspace, clock: FakeClock) -> None:
    event_id = _event(demo_workspace)
    with demo_workspace.session() as s:
        s.execute(delete(Survey))
    editor = SurveyEditorService(demo_workspace, clock)
    assert editor.state(event_id).survey is None
    survey = editor.create_from_template(event_id)
    assert [q.key for q in survey.questions][:2] == ["understanding", "usefulness"]
    with pytest.raises(InputRejected):
        editor.create_from_template(event_id)


def test_answers_pin_keys_kinds_choices_and_anonymity(
    demo_workspace: Workspace, clock: FakeClock
) -> None:
    event_id = _event(demo_workspace)
    editor = SurveyEditorService(demo_workspace, clock)
    draft = _draft(editor, event_id)
    # Before any answer everything may change: rename a key, add a question.
    extra = QuestionDef(
        "tools",
        QuestionKind.MULTIPLE_CHOICE,
        "使いたいツール",
        "Tools",
        required=False,
        choices=(ChoiceDef("rpa", "RPA", "RPA"), ChoiceDef("ai", "生成AI", "AI")),
    )
    renamed = replace(draft.questions[0], key="understood")
    saved = editor.save(event_id, replace(draft, questions=(renamed, *draft.questions[1:], extra)))
    assert saved.questions[0].key == "understood" and saved.questions[-1].key == "tools"

    open_feedback(demo_workspace, "AM")
    (aid,) = check_in(demo_workspace, clock, "AM", 1)
    feedback = FeedbackService(demo_workspace, clock)
    answers = {("understood" if k == "understanding" else k): v for k, v in GOOD_ANSWERS.items()}
    answers["tools"] = ["ai"]
    result = feedback.submit(
        session_ids(demo_workspace)["AM"], Respondent(aid), answers, FeedbackMethod.KIOSK
    )
    assert result.outcome.stored
    feedback.close()

    draft = _draft(editor, event_id)
    assert editor.state(event_id).answered_keys >= {"understood", "tools"}
    # Rewording is fine.
    relabelled = replace(draft.questions[0], label_en="Did it make sense?")
    editor.save(event_id, replace(draft, questions=(relabelled, *draft.questions[1:])))
    refused = [
        replace(draft, questions=draft.questions[1:]),  # drop an answered question
        replace(
            draft,
            questions=(
                replace(draft.questions[0], kind=QuestionKind.TEXT, max_length=10),
                *draft.questions[1:],
            ),
        ),
        replace(
            draft,
            questions=(
                *draft.questions[:-1],
                replace(
                    draft.questions[-1],
                    choices=(ChoiceDef("rpa", "RPA", "RPA"), ChoiceDef("x", "X", "X")),
                ),
            ),
        ),
        replace(draft, anonymous=True),
    ]
    for bad in refused:
        with pytest.raises(ValidationFailed):
            editor.save(event_id, bad)
    final = editor.state(event_id).survey
    assert final is not None and final.questions[0].label_en == "Did it make sense?"
    assert not final.anonymous


def test_anonymous_results_pool_small_departments(
    demo_workspace: Workspace, clock: FakeClock
) -> None:
    configure_survey(demo_workspace, anonymous=True)
    open_feedback(demo_workspace, "AM")
    feedback = FeedbackService(demo_workspace, clock)
    sid = session_ids(demo_workspace)["AM"]
    for aid in check_in(demo_workspace, clock, "AM", 6):
        assert feedback.submit(
            sid, Respondent(aid), GOOD_ANSWERS, FeedbackMethod.PHONE
        ).outcome.stored
    feedback.close()
    results = FeedbackResultsService(demo_workspace, clock).results(_event(demo_workspace))
    # The demo spreads people over many departments: each has fewer than MIN_GROUP here.
    assert results.departments == (None,)
    assert all(t.department is None for t in results.texts)
    assert MIN_GROUP == 3
    rows = FeedbackResultsService(demo_workspace, clock).response_rows(_event(demo_workspace))[1]
    assert {r.department for r in rows} == {""} and {r.name for r in rows} == {""}


def test_copy_another_events_survey(demo_workspace: Workspace, clock: FakeClock) -> None:
    from datetime import date, time

    from facilitator.domain.event_rules import EventSpec, SessionSpec
    from facilitator.services.events import EventService

    first = _event(demo_workspace)
    editor = SurveyEditorService(demo_workspace, clock)
    draft = _draft(editor, first)
    editor.save(
        first,
        replace(
            draft,
            title="DX研修 受講報告",
            allow_resubmit=False,
            questions=(*draft.questions[:2], replace(draft.questions[4], key="plan")),
        ),
    )
    events = EventService(demo_workspace, clock)
    spec = EventSpec(
        title="第2回",
        date=date(2026, 9, 1),
        sessions=(SessionSpec("AM", time(9, 30), time(12, 0), 40),),
    )
    # A new event comes with the default survey; one copied from another takes its survey.
    fresh = events.create_event(spec).id
    assert editor.state(fresh).survey.title == "受講報告書"  # type: ignore[union-attr]
    second = events.create_event(spec, survey_from=first).id
    copied = editor.state(second).survey
    assert copied is not None
    assert copied.title == "DX研修 受講報告" and not copied.allow_resubmit
    assert [q.key for q in copied.questions] == ["understanding", "usefulness", "plan"]
    # The editor copies too, into an event whose survey is gone.
    with demo_workspace.session() as s:
        s.execute(delete(Survey).where(Survey.event_id == fresh))
    sources = editor.sources(fresh)
    assert sources[0].event_id is None and first in [x.event_id for x in sources]
    assert [q.key for q in editor.create_from(fresh, first).questions][-1] == "plan"
    with pytest.raises(InputRejected):
        editor.create_from(second, None)
    with pytest.raises(UnknownEvent):
        events.create_event(spec, survey_from=999)
