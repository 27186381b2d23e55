"""The default feedback survey (受講報告書), in Japanese and English."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ChoiceTemplate:
    value: str
    label_ja: str
    label_en: str


@dataclass(frozen=True)
class QuestionTemplate:
    key: str
    kind: str  # "rating" | "single_choice" | "multiple_choice" | "text"
    label_ja: str
    label_en: str
    required: bool = True
    choices: tuple[ChoiceTemplate, ...] = ()
    min_label_ja: str = ""
    min_label_en: str = ""
    max_label_ja: str = ""
    max_label_en: str = ""
    max_length: int | None = None


@dataclass(frozen=True)
class SurveyTemplate:
    key: str
    title_ja: str
    title_en: str
    questions: tuple[QuestionTemplate, ...] = field(default_factory=tuple)


DEFAULT_SURVEY = SurveyTemplate(
    key="default_report",
    title_ja="受講報告書",
    title_en="Training report",
    questions=(
        QuestionTemplate(
            "understanding",
            "rating",
            "研修内容をどの程度理解できましたか",
            "How well did you understand the content?",
            min_label_ja="理解できなかった",
            min_label_en="Not at all",
            max_label_ja="よく理解できた",
            max_label_en="Completely",
        ),
        QuestionTemplate(
            "usefulness",
            "rating",
            "業務にどの程度役立ちますか",
            "How useful is it for your work?",
            min_label_ja="役立たない",
            min_label_en="Not useful",
            max_label_ja="とても役立つ",
            max_label_en="Very useful",
        ),
        QuestionTemplate(
            "difficulty",
            "single_choice",
            "研修の難易度はいかがでしたか",
            "How difficult was the training?",
            choices=(
                ChoiceTemplate("too_easy", "易しすぎた", "Too easy"),
                ChoiceTemplate("easy", "やや易しい", "A little easy"),
                ChoiceTemplate("just_right", "ちょうどよい", "Just right"),
                ChoiceTemplate("hard", "やや難しい", "A little hard"),
                ChoiceTemplate("too_hard", "難しすぎた", "Too hard"),
            ),
        ),
        QuestionTemplate(
            "motivation",
            "rating",
            "所属でDXを推進する意欲は高まりましたか",
            "Are you more motivated to drive DX in your section?",
            min_label_ja="高まらなかった",
            min_label_en="Not at all",
            max_label_ja="とても高まった",
            max_label_en="Very much",
        ),
        QuestionTemplate(
            "action",
            "text",
            "所属で取り組みたいこと",
            "What will you try in your section?",
            max_length=1000,
        ),
        QuestionTemplate(
            "comments", "text", "ご意見・ご感想", "Comments", required=False, max_length=2000
        ),
    ),
)


def shown_title(title: str, template_key: str, lang: str) -> str:
    """A survey's title in `lang`: a survey stores one title, typed in the editor; while
    it is still the default template's Japanese title, English readers get the
    template's English one."""
    if lang == "en" and template_key == DEFAULT_SURVEY.key and title == DEFAULT_SURVEY.title_ja:
        return DEFAULT_SURVEY.title_en
    return title
