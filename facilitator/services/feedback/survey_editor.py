"""Editing an event's survey: start from a template, change questions, keep answers safe.

Keys are stable: questions are matched by key, so a label can be reworded
after answers came in. Once a question has answers its key, kind and any
answered choice value stay; the anonymous setting is fixed by the first
response (turning it on later would not anonymise what is stored, turning it
off would name nobody and mislead).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from facilitator.db.models import Answer, Event, Question, Response, Survey
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import Clock
from facilitator.domain.feedback_summary import SurveyInfo
from facilitator.domain.survey_rules import QuestionDef, validate_questions
from facilitator.domain.survey_template import DEFAULT_SURVEY, SurveyTemplate
from facilitator.errors import FieldError, InputRejected, Msg, ValidationFailed
from facilitator.services import audit
from facilitator.services.event_rows import load_event
from facilitator.services.feedback.survey_read import load_survey
from facilitator.services.feedback.survey_setup import (
    give_survey,
    has_survey,
    install_survey_template,
)


@dataclass(frozen=True)
class SurveyDraft:
    title: str
    anonymous: bool
    allow_resubmit: bool
    questions: tuple[QuestionDef, ...]


@dataclass(frozen=True)
class SurveySource:
    """Where a new survey can come from: the built-in template (event_id None) or another event's."""

    event_id: int | None
    label: str


@dataclass(frozen=True)
class SurveyState:
    """The survey as the editor shows it, with what answers already pin down."""

    survey: SurveyInfo | None
    responses: int
    answered_keys: frozenset[str]


class SurveyEditorService:
    def __init__(self, workspace: Workspace, clock: Clock) -> None:
        self._workspace = workspace
        self._clock = clock

    def state(self, event_id: int) -> SurveyState:
        with self._workspace.session(readonly=True) as session:
            survey = load_survey(session, event_id)
            if survey is None:
                return SurveyState(None, 0, frozenset())
            responses = session.scalar(
                select(func.count(Response.id)).where(Response.survey_id == survey.id)
            )
            keys = session.scalars(
                select(Question.key)
                .where(Question.survey_id == survey.id)
                .where(select(Answer.id).where(Answer.question_id == Question.id).exists())
            ).all()
            return SurveyState(survey, responses or 0, frozenset(keys))

    def sources(self, event_id: int) -> list[SurveySource]:
        """The default template, then the surveys of the workspace's other events (newest first)."""
        with self._workspace.session(readonly=True) as session:
            rows = session.execute(
                select(Event.id, Event.title, Event.date, Survey.title)
                .join(Survey, Survey.event_id == Event.id)
                .where(Event.id != event_id)
                .order_by(Event.date.desc(), Event.id.desc())
            ).all()
        return [SurveySource(None, DEFAULT_SURVEY.title_ja)] + [
            SurveySource(r[0], f"{r[3]}（{r[1]} {r[2].isoformat()}）") for r in rows
        ]

    def create_from(self, event_id: int, source_event_id: int | None) -> SurveyInfo:
        """A new survey for the event: the default template, or a copy of another event's survey."""
        if source_event_id is None:
            return self.create_from_template(event_id)
        with self._workspace.session() as session:
            self._refuse_second(session, event_id)
            give_survey(session, event_id, source_event_id)
            audit.record(
                session,
                at=self._clock.now(),
                action="survey.create",
                event_id=event_id,
                detail={"copied_from_event": source_event_id},
            )
            survey = load_survey(session, event_id)
            assert survey is not None
            return survey

    def _refuse_second(self, session: Session, event_id: int) -> None:
        load_event(session, event_id)
        if has_survey(session, event_id):
            raise InputRejected(
                Msg(
                    en="This event already has a survey.",
                    ja="この研修には既にアンケートがあります。",
                )
            )

    def create_from_template(
        self, event_id: int, template: SurveyTemplate = DEFAULT_SURVEY
    ) -> SurveyInfo:
        """Give an event that has no survey yet a copy of `template`."""
        with self._workspace.session() as session:
            self._refuse_second(session, event_id)
            install_survey_template(session, event_id, template)
            audit.record(session, at=self._clock.now(), action="survey.create", event_id=event_id)
            survey = load_survey(session, event_id)
            assert survey is not None
            return survey

    def save(self, event_id: int, draft: SurveyDraft) -> SurveyInfo:
        """Store the edited survey; refused (nothing changed) when it would orphan answers."""
        errors = validate_questions(draft.questions)
        if not draft.title.strip():
            errors.append(
                FieldError(
                    "title",
                    Msg(en="The survey needs a title.", ja="アンケート名を入力してください。"),
                )
            )
        with self._workspace.session() as session:
            row = session.scalar(select(Survey).where(Survey.event_id == event_id))
            if row is None:
                raise InputRejected(
                    Msg(
                        en="This event has no survey yet.",
                        ja="この研修にはまだアンケートがありません。",
                    )
                )
            errors += self._answer_rules(session, row, draft)
            if errors:
                raise ValidationFailed(errors)
            self._apply(session, row, draft)
            audit.record(
                session,
                at=self._clock.now(),
                action="survey.update",
                event_id=event_id,
                entity="survey",
                entity_id=row.id,
            )
            session.flush()
            survey = load_survey(session, event_id)
            assert survey is not None
            return survey

    def _answer_rules(self, session: Session, row: Survey, draft: SurveyDraft) -> list[FieldError]:
        errors: list[FieldError] = []
        has_responses = bool(
            session.scalar(select(func.count(Response.id)).where(Response.survey_id == row.id))
        )
        if has_responses and draft.anonymous != row.anonymous:
            errors.append(
                FieldError(
                    "anonymous",
                    Msg(
                        en="Answers have come in; named/anonymous can no longer change.",
                        ja="回答が既にあるため、記名・無記名は変更できません。",
                    ),
                )
            )
        new = {q.key: q for q in draft.questions}
        for q in row.questions:
            answered = session.scalars(select(Answer.value).where(Answer.question_id == q.id)).all()
            if not answered:
                continue
            kept = new.get(q.key)
            if kept is None or kept.kind.value != q.kind:
                errors.append(
                    FieldError(
                        f"questions.{q.key}",
                        Msg(
                            en=f"Question {q.key!r} has answers; it cannot be removed or change kind.",
                            ja=f"質問 {q.key!r} には回答があるため、削除や種類の変更はできません。",
                        ),
                    )
                )
                continue
            used = {v for a in answered for v in (a if isinstance(a, list) else [a])}
            values = {c.value for c in kept.choices}
            if kept.kind.has_choices and not used <= values:
                errors.append(
                    FieldError(
                        f"questions.{q.key}.choices",
                        Msg(
                            en=f"Question {q.key!r}: answered options cannot be removed.",
                            ja=f"質問 {q.key!r}：回答済みの選択肢は削除できません。",
                        ),
                    )
                )
        return errors

    def _apply(self, session: Session, row: Survey, draft: SurveyDraft) -> None:
        row.title = draft.title.strip()
        row.anonymous = draft.anonymous
        row.allow_resubmit = draft.allow_resubmit
        existing = {q.key: q for q in row.questions}
        wanted = {q.key for q in draft.questions}
        for key, q in existing.items():
            if key not in wanted:
                row.questions.remove(q)
        session.flush()
        for position, d in enumerate(draft.questions):
            q = existing.get(d.key) or Question(key=d.key)
            q.position, q.kind = position, d.kind.value
            q.label_ja, q.label_en = d.label_ja.strip(), d.label_en.strip()
            q.required = d.required
            q.choices = [
                {"value": c.value, "label_ja": c.label_ja, "label_en": c.label_en}
                for c in d.choices
            ]
            q.min_label_ja, q.min_label_en = d.min_label_ja, d.min_label_en
            q.max_label_ja, q.max_label_en = d.max_label_ja, d.max_label_en
            q.max_length = d.max_length if d.kind.value == "text" else None
            if d.key not in existing:
                row.questions.append(q)
        row.questions.sort(key=lambda q: q.position)
