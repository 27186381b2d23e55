"""Reading an event's survey as plain data (inside the caller's unit of work)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.db.models import Question, Survey
from facilitator.domain.feedback_summary import SurveyInfo
from facilitator.domain.survey_rules import ChoiceDef, QuestionDef, QuestionKind


def question_def(row: Question) -> QuestionDef:
    return QuestionDef(
        key=row.key,
        kind=QuestionKind(row.kind),
        label_ja=row.label_ja,
        label_en=row.label_en,
        required=row.required,
        choices=tuple(
            ChoiceDef(str(c["value"]), str(c.get("label_ja", "")), str(c.get("label_en", "")))
            for c in row.choices
        ),
        min_label_ja=row.min_label_ja,
        min_label_en=row.min_label_en,
        max_label_ja=row.max_label_ja,
        max_label_en=row.max_label_en,
        max_length=row.max_length,
        id=row.id,
    )


def survey_info(row: Survey) -> SurveyInfo:
    return SurveyInfo(
        id=row.id,
        event_id=row.event_id,
        title=row.title,
        template_key=row.template_key,
        anonymous=row.anonymous,
        allow_resubmit=row.allow_resubmit,
        questions=tuple(question_def(q) for q in row.questions),
    )


def load_survey(session: Session, event_id: int) -> SurveyInfo | None:
    row = session.scalar(select(Survey).where(Survey.event_id == event_id))
    return None if row is None else survey_info(row)
