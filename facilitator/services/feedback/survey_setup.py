"""Putting a survey template into an event (inside the caller's unit of work)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from facilitator.db.models import Question, Survey
from facilitator.domain.survey_template import SurveyTemplate


def install_survey_template(
    session: Session, event_id: int, template: SurveyTemplate, *, anonymous: bool = False
) -> Survey:
    survey = Survey(
        event_id=event_id,
        title=template.title_ja,
        template_key=template.key,
        anonymous=anonymous,
        allow_resubmit=True,
    )
    for position, q in enumerate(template.questions):
        survey.questions.append(
            Question(
                key=q.key,
                position=position,
                kind=q.kind,
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
