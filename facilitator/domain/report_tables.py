"""The event report (研修実施報告書) as titled tables: the PDF and the XLSX draw the same
rows, so the two never disagree. Numbers stay numbers (the XLSX keeps them so)."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.domain.agenda_report import kind_name
from facilitator.domain.report_facts import OTHER_GROUP, EventReportFacts, t
from facilitator.domain.survey_rules import QuestionKind
from facilitator.lang import Lang


@dataclass(frozen=True)
class Ratio:
    """A share from 0 to 1 (shown as a percentage)."""

    value: float


Cell = str | int | float | Ratio | None


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: str = ""


@dataclass(frozen=True)
class Section:
    sheet: str  # the XLSX sheet's name (at most 31 characters)
    title: str
    tables: tuple[Table, ...]
    notes: tuple[str, ...] = ()


def _minutes(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 60, 1)


def event_report_sections(facts: EventReportFacts, lang: Lang) -> tuple[Section, ...]:
    return (
        _overview(facts, lang),
        _agenda(facts, lang),
        _attendance(facts, lang),
        _certificates(facts, lang),
        _survey(facts, lang),
        _difficulty(facts, lang),
        _comments(facts, lang),
    )


def _overview(facts: EventReportFacts, lang: Lang) -> Section:
    e = facts.event
    day = e.date_wareki if lang == "ja" else f"{e.day:%B} {e.day.day}, {e.day.year}"
    about = Table(
        (t(lang, "項目", "Item"), t(lang, "内容", "Value")),
        (
            (t(lang, "研修名", "Training"), e.title),
            (t(lang, "開催日", "Date"), f"{day}（{e.day.isoformat()}）"),
            (t(lang, "会場", "Venue"), e.venue),
            (t(lang, "主催", "Held by"), e.issuer),
            (t(lang, "責任者（修了証の署名者）", "Signatory"), e.trainer),
            (t(lang, "時間数", "Hours"), e.hours),
        ),
    )
    sessions = Table(
        (t(lang, "セッション", "Session"), t(lang, "時間", "Time"), t(lang, "教室", "Room")),
        tuple((s.label, s.times_text(), s.room) for s in e.sessions),
    )
    return Section(
        t(lang, "概要", "Overview"), t(lang, "研修の概要", "The training"), (about, sessions)
    )


def _agenda(facts: EventReportFacts, lang: Lang) -> Section:
    report = facts.agenda
    tables = []
    for column, label in enumerate(report.sessions):
        rows = tuple(
            (
                row.position + 1,
                row.title,
                kind_name(row.kind, lang),
                row.actuals[column].planned_minutes,
                _minutes(row.actuals[column].actual_seconds),
                _minutes(row.actuals[column].difference_seconds),
            )
            for row in report.rows
        )
        total = (
            None,
            t(lang, "合計", "Total"),
            None,
            report.total_planned(column),
            round(report.total_actual(column) / 60, 1),
            None,
        )
        tables.append(
            Table(
                (
                    "No",
                    t(lang, "項目", "Item"),
                    t(lang, "種類", "Kind"),
                    t(lang, "予定(分)", "Planned (min)"),
                    t(lang, "実績(分)", "Actual (min)"),
                    t(lang, "差(分)", "Difference (min)"),
                ),
                (*rows, total),
                caption=label,
            )
        )
    return Section(
        t(lang, "アジェンダ", "Agenda"),
        t(lang, "アジェンダ（予定と実績）", "Agenda: planned vs actual"),
        tuple(tables),
        (
            t(
                lang,
                "実績が空欄の項目は、そのセッションで記録がありません。",
                "An empty actual: the item was not recorded in that session.",
            ),
        ),
    )


def _attendance(facts: EventReportFacts, lang: Lang) -> Section:
    rows = tuple(
        (
            r.session,
            r.department or t(lang, "（合計）", "(total)"),
            r.assigned,
            r.attended,
            r.absent,
            r.walk_in,
            r.rebooked,
            None if r.rate is None else Ratio(r.rate),
        )
        for r in facts.attendance
    )
    header = (
        t(lang, "セッション", "Session"),
        t(lang, "所属", "Department"),
        t(lang, "割当", "Assigned"),
        t(lang, "出席", "Attended"),
        t(lang, "欠席", "Absent"),
        t(lang, "当日参加", "Walk-in"),
        t(lang, "振替", "Rebooked"),
        t(lang, "出席率", "Rate"),
    )
    notes = (
        t(
            lang,
            "割当：そのセッションの名簿の人数（当日ほかのセッションから受け入れた人を含む）。"
            "出席：受付済み（取消を除く）。欠席：割当のうち受付のない人。当日参加：当日、受付で"
            "名簿に追加した人。振替：ほかのセッションに割り当てられていたが、受付がこのセッション"
            "に受け入れた人。出席率＝出席÷割当。",
            "Assigned: on the session's list (including people admitted from another session on "
            "the day). Attended: checked in (not undone). Absent: assigned, no check-in. Walk-in: "
            "added at the desk on the day. Rebooked: assigned to another session and admitted to "
            "this one by the desk. Rate = attended / assigned.",
        ),
    )
    return Section(
        t(lang, "出席", "Attendance"),
        t(lang, "セッション・所属別の出席", "Attendance by session and department"),
        (Table(header, rows),),
        notes,
    )


def _certificates(facts: EventReportFacts, lang: Lang) -> Section:
    c = facts.certificates
    rows: tuple[tuple[Cell, ...], ...] = (
        (t(lang, "発行済み", "Issued"), c.issued),
        (t(lang, "取消", "Revoked"), c.revoked),
        (t(lang, "対象で番号未発行", "Eligible, no number yet"), c.eligible_unnumbered),
    )
    return Section(
        t(lang, "修了証", "Certificates"),
        t(lang, "修了証の発行", "Certificates issued"),
        (Table((t(lang, "区分", "Kind"), t(lang, "件数", "Count")), rows),),
    )


def _survey(facts: EventReportFacts, lang: Lang) -> Section:
    title = t(lang, "アンケート結果（セッション別）", "Survey results by session")
    sheet = t(lang, "アンケート", "Survey")
    results = facts.feedback
    if results is None:
        return Section(sheet, title, (), (t(lang, "アンケートがありません。", "No survey."),))
    tables = []
    for result in results.questions:
        q = result.question
        if q.kind is QuestionKind.TEXT:
            continue
        if q.kind is QuestionKind.RATING:
            values = [str(v) for v in range(1, 6)]
            names = values
        else:
            values = [c.value for c in q.choices]
            names = [c.label(lang) for c in q.choices]
        header = (t(lang, "セッション", "Session"), t(lang, "回答数", "Answers"), *names)
        if q.kind is QuestionKind.RATING:
            header += (t(lang, "平均", "Mean"),)
        rows = []
        for s in results.sessions:
            counts = result.counts.get(s.id, {})
            row: tuple[Cell, ...] = (
                s.label,
                sum(counts.values()),
                *(counts.get(v, 0) for v in values),
            )
            if q.kind is QuestionKind.RATING:
                mean = result.means.get(s.id)
                row += (None if mean is None else round(mean, 2),)
            rows.append(row)
        tables.append(Table(header, tuple(rows), caption=q.label(lang)))
    responses = ", ".join(f"{s.label} {results.responses.get(s.id, 0)}" for s in results.sessions)
    return Section(
        sheet, title, tuple(tables), (t(lang, f"回答数：{responses}", f"Responses: {responses}"),)
    )


def _difficulty(facts: EventReportFacts, lang: Lang) -> Section:
    sheet = t(lang, "難易度", "Difficulty")
    title = t(lang, "難易度のバランス", "Difficulty balance")
    if not facts.difficulty:
        return Section(
            sheet,
            title,
            (),
            (
                t(
                    lang,
                    "アンケートに難易度の設問がありません。",
                    "The survey asks no difficulty question.",
                ),
            ),
        )
    everyone = t(lang, "全員", "Everyone")
    other = t(lang, "その他の役割（3名未満）", "Other roles (under 3)")
    rows = tuple(
        (
            r.session,
            everyone if not r.group else other if r.group == OTHER_GROUP else r.group,
            r.answers,
            r.easy,
            r.just_right,
            r.hard,
            None if r.easy_share is None else Ratio(r.easy_share),
            None if r.hard_share is None else Ratio(r.hard_share),
        )
        for r in facts.difficulty
    )
    header = (
        t(lang, "セッション", "Session"),
        t(lang, "対象", "Group"),
        t(lang, "回答数", "Answers"),
        t(lang, "易しい", "Easy"),
        t(lang, "ちょうどよい", "Just right"),
        t(lang, "難しい", "Hard"),
        t(lang, "易しい割合", "Easy share"),
        t(lang, "難しい割合", "Hard share"),
    )
    notes = [
        t(
            lang,
            "易しい＝「易しすぎた」「やや易しい」、難しい＝「やや難しい」「難しすぎた」。",
            "Easy = too easy or a little easy; hard = a little hard or too hard.",
        )
    ]
    if not facts.roles_shown:
        notes.append(
            t(
                lang,
                "役割別は、記名式のアンケートで名簿に役割がある場合に表示します。",
                "Per role: shown for a named survey when the roster has roles.",
            )
        )
    return Section(sheet, title, (Table(header, rows),), tuple(notes))


def _comments(facts: EventReportFacts, lang: Lang) -> Section:
    rows = tuple(
        (
            c.session,
            c.department or "",
            c.label(lang),
            c.text,
        )
        for c in facts.comments
    )
    header = (
        t(lang, "セッション", "Session"),
        t(lang, "所属", "Department"),
        t(lang, "設問", "Question"),
        t(lang, "コメント", "Comment"),
    )
    note = t(
        lang,
        "掲載するコメントは研修担当者が選んだものです（既定では、人名などを含む可能性のある"
        "コメントは除いています）。",
        "The comments were chosen by the trainer (by default, none that could name a person).",
    )
    return Section(
        t(lang, "コメント", "Comments"),
        t(lang, "受講者の声", "Voices from the room"),
        (Table(header, rows),) if rows else (),
        (note,)
        if rows
        else (note, t(lang, "掲載するコメントはありません。", "No comments chosen.")),
    )
