"""A survey's questions as the feedback writer reads them: once per transaction."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Connection, Table, select

from facilitator.db.models import Question
from facilitator.domain.survey_rules import ChoiceDef, QuestionDef, QuestionKind, SurveyCheck

Q = cast(Table, Question.__table__)


class QuestionCache:
    """A survey's questions, read once per writer transaction (not once per submission).

    Only the writer's own transaction can see a change while it runs, and the
    writer never edits questions, so the cache is valid for exactly one
    transaction and is dropped with it.
    """

    def __init__(self) -> None:
        self._transaction: object | None = None
        self._surveys: dict[int, tuple[tuple[QuestionDef, ...], SurveyCheck]] = {}

    def get(self, conn: Connection, survey_id: int) -> tuple[QuestionDef, ...]:
        return self._entry(conn, survey_id)[0]

    def check(self, conn: Connection, survey_id: int) -> SurveyCheck:
        """The survey's answer check, built once per transaction like its questions."""
        return self._entry(conn, survey_id)[1]

    def _entry(
        self, conn: Connection, survey_id: int
    ) -> tuple[tuple[QuestionDef, ...], SurveyCheck]:
        transaction = conn.get_transaction()
        if transaction is None or transaction is not self._transaction:
            self._transaction, self._surveys = transaction, {}
        entry = self._surveys.get(survey_id)
        if entry is None:
            questions = _questions(conn, survey_id)
            entry = self._surveys[survey_id] = (questions, SurveyCheck(questions))
        return entry


def _questions(conn: Connection, survey_id: int) -> tuple[QuestionDef, ...]:
    rows = conn.execute(select(Q).where(Q.c.survey_id == survey_id).order_by(Q.c.position)).all()
    return tuple(
        QuestionDef(
            key=r.key,
            kind=QuestionKind(r.kind),
            label_ja=r.label_ja,
            label_en=r.label_en,
            required=bool(r.required),
            choices=tuple(
                ChoiceDef(str(c["value"]), str(c.get("label_ja", "")), str(c.get("label_en", "")))
                for c in r.choices or []
            ),
            min_label_ja=r.min_label_ja,
            min_label_en=r.min_label_en,
            max_label_ja=r.max_label_ja,
            max_label_en=r.max_label_en,
            max_length=r.max_length,
            id=r.id,
        )
        for r in rows
    )
