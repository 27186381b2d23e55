"""Giving an event its survey (inside the caller's unit of work).

Every event has a survey from the moment it is created (the default 受講報告書, or
the survey of the event it was copied from), so opening a session's feedback
always means phones can answer.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.db.models import Question, Survey
from facilitator.domain.feedback_summary import SurveyInfo
from facilitator.domain.survey_rules import QuestionDef
from facilitator.domain.survey_template import DEFAULT_SURVEY, QuestionTemplate, SurveyTemplate
from facilitator.errors import InputRejected, Msg
from facilitator.services.feedback.survey_read import load_survey


def install_survey_template(
    session: Session, event_id: int, template: SurveyTemplate, *, anonymous: bool = False
) -> Survey:
    return _add_survey(
        session,
        Survey(
            event_id=event_id,
            title=template.title_ja,
            template_key=template.key,
            anonymous=anonymous,
            allow_resubmit=True,
        ),
        template.questions,
    )


def copy_survey(session: Session, event_id: int, source: SurveyInfo) -> Survey:
    """A copy of `source` for the event: same title, settings and question keys, so both
    events' results line up column by column."""
    return _add_survey(
        session,
        Survey(
            event_id=event_id,
            title=source.title,
            template_key=source.template_key,
            anonymous=source.anonymous,
            allow_resubmit=source.allow_resubmit,
        ),
        source.questions,
    )


def _add_survey(
    session: Session, survey: Survey, questions: Sequence[QuestionTemplate | QuestionDef]
) -> Survey:
    for position, q in enumerate(questions):
        survey.questions.append(
            Question(
                key=q.key,
                position=position,
                kind=q.kind if isinstance(q.kind, str) else q.kind.value,
                label_ja=q.label_ja,
                label_en=q.label_en,
                required=q.required,
                choices=[
                    {"value": c.value, "label_ja": c.label_ja, "label_en": c.label_en}
                    for c in q.choices
                ],
                min_label_ja=q.min_label_ja,
                min_label_en=q.min_label_en,
                max_label_ja=q.max_label_ja,
                max_label_en=q.max_label_en,
                max_length=q.max_length,
            )
        )
    session.add(survey)
    session.flush()
    return survey


def give_survey(session: Session, event_id: int, source_event_id: int | None) -> Survey:
    """The event's new survey: a copy of `source_event_id`'s, or the default template.

    Refused (InputRejected) when the source event has no survey to copy.
    """
    if source_event_id is None:
        return install_survey_template(session, event_id, DEFAULT_SURVEY)
    source = load_survey(session, source_event_id)
    if source is None:
        raise InputRejected(
            Msg(
                en=f"Event {source_event_id} has no survey to copy.",
                ja=f"コピー元の研修 {source_event_id} にはアンケートがありません。",
            )
        )
    return copy_survey(session, event_id, source)


def has_survey(session: Session, event_id: int) -> bool:
    return session.scalar(select(Survey.id).where(Survey.event_id == event_id)) is not None
