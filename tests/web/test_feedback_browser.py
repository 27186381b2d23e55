"""A real phone answers the default survey in Japanese (Debian chromium via Playwright),
and the laptop's feedback view counts it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from facilitator.db.models import Event
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import SystemClock
from facilitator.domain.phone_links import checkin_url
from facilitator.domain.tokens import RotatingTokens
from facilitator.services.checkin.service import CheckInService
from facilitator.services.events import EventService
from facilitator.services.feedback.capture import FeedbackService
from facilitator.services.feedback.results import FeedbackResultsService
from facilitator.services.feedback.survey_editor import SurveyEditorService
from facilitator.ui.current_event import CurrentEvent
from facilitator.ui.dialogs import RecordingDialogs
from facilitator.ui.feedback.view import FeedbackView
from facilitator.ui.runner import SyncRunner
from facilitator.web.app import create_app
from facilitator.web.deps import WebDeps
from facilitator.web.server import LanServer
from tests.unit.feedback_helpers import attendees_of, open_feedback, session_codes, session_ids
from tests.web.phone_browser import phone_page

pytestmark = pytest.mark.browser


@dataclass
class Site:
    lan: LanServer
    feedback: FeedbackService
    secret: str
    event_id: int


@pytest.fixture
def site(demo_workspace: Workspace) -> Iterator[Site]:
    clock = SystemClock()
    checkin = CheckInService(demo_workspace, clock)
    feedback = FeedbackService(demo_workspace, clock)
    open_feedback(demo_workspace, "AM")
    deps = WebDeps(checkin=checkin, clock=clock, feedback=feedback)
    lan = LanServer(create_app(deps), "127.0.0.1", 18865)
    lan.start()
    with demo_workspace.session() as s:
        event = s.scalars(select(Event)).one()
        secret, event_id = event.secret, event.id
    yield Site(lan, feedback, secret, event_id)
    lan.stop()
    checkin.close()
    feedback.close()


def am_feedback_link(site: Site, ws: Workspace) -> str:
    return site.feedback.feedback_link(session_ids(ws)["AM"], "127.0.0.1", site.lan.port)


def test_phone_answers_the_default_survey(
    site: Site, demo_workspace: Workspace, qtbot: QtBot, screenshots: Path
) -> None:
    view = FeedbackView(
        site.feedback,
        FeedbackResultsService(demo_workspace, SystemClock()),
        SurveyEditorService(demo_workspace, SystemClock()),
        EventService(demo_workspace, SystemClock()),
        SyncRunner(),
        CurrentEvent(site.event_id),
        lang="ja",
        dialogs=RecordingDialogs(),
    )
    view.timer.stop()
    qtbot.addWidget(view)
    assert "AM: 0 of 0" in view.count_label.text()

    code = session_codes(demo_workspace)["AM"]
    staff_no = attendees_of(demo_workspace, "AM")[0][1]
    now = SystemClock().now().timestamp()
    checkin_link = checkin_url(
        site.lan.base_url, code, RotatingTokens(site.secret, "checkin", code).token_at(now)
    )
    feedback_link = am_feedback_link(site, demo_workspace)

    with phone_page("ja-JP") as (page, errors):
        # The phone checks in first (that sets the cookie that recognises it later).
        page.goto(checkin_link)
        page.get_by_label("職員番号").fill(staff_no)
        page.get_by_role("button", name="次へ").click()
        page.get_by_role("button", name="はい、受付します").click()
        view.poll()
        assert "AM: 0 of 1" in view.count_label.text()

        page.goto(feedback_link)
        assert page.locator("html").get_attribute("lang") == "ja"
        assert "さんとして回答します" in page.locator("#recognised").inner_text()
        assert page.locator("#staff_no").count() == 0
        # Sending nothing: every required question is marked, in Japanese.
        page.get_by_role("button", name="送信する").click()
        page.locator("#q-understanding .field-error").wait_for(state="visible")
        assert "回答必須" in page.locator("#q-understanding .field-error").inner_text()
        assert page.locator("#q-comments .field-error").is_hidden()
        page.screenshot(path=str(screenshots / "feedback_phone_errors.png"), full_page=True)

        page.locator("#q-understanding .pick", has_text="4").click()
        page.locator("#q-usefulness .pick", has_text="5").click()
        page.get_by_label("ちょうどよい").check()
        page.locator("#q-motivation .pick", has_text="3").click()
        page.locator("#q-action textarea").fill("会議録作成に生成AIを試す")
        page.locator("#q-comments textarea").fill("<script>alert(1)</script>")
        assert page.locator("#q-action .count").inner_text() == "13"
        page.screenshot(path=str(screenshots / "feedback_phone_form.png"), full_page=True)
        page.get_by_role("button", name="送信する").click()
        result = page.locator("#result")
        result.wait_for(state="visible")
        assert "ご回答ありがとうございました" in result.inner_text()
        # The answered form is gone, so nobody sends it again by mistake.
        assert page.locator("#feedback").is_hidden() and page.locator("#send").is_hidden()
        assert result.is_visible() and result.bounding_box() is not None
        page.screenshot(path=str(screenshots / "feedback_phone_done.png"))
        assert errors == []

    view.poll()  # what the view's timer does every few seconds
    assert "AM: 1 of 1" in view.count_label.text()
    panel = view.results_panel
    panel.text_combo.setCurrentIndex(panel.text_combo.findData("comments"))
    assert panel.text_model.data(panel.text_model.index(0, 2)) == "<script>alert(1)</script>"


def test_a_phone_the_app_does_not_know_answers_with_its_staff_number(
    site: Site, demo_workspace: Workspace, screenshots: Path
) -> None:
    """Checked in at the desk, or on another browser: no cookie, so the page asks who."""
    from tests.unit.feedback_helpers import check_in

    (attendee,) = check_in(demo_workspace, SystemClock(), "AM", 1)
    staff_no = dict(attendees_of(demo_workspace, "AM"))[attendee]
    feedback_link = am_feedback_link(site, demo_workspace)
    with phone_page("ja-JP") as (page, errors):
        posts: list[str] = []
        page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
        page.goto(feedback_link)
        # Send at once: the missing staff number is marked before anything is sent.
        page.get_by_role("button", name="送信する").click()
        staff_error = page.locator('fieldset[data-key="staff_no"] .field-error')
        staff_error.wait_for(state="visible")
        assert "職員番号を入力してください" in staff_error.inner_text()
        assert posts == []
        # A comment pasted far over its limit is marked here too, not sent as a
        # "request too large".
        page.locator("#staff_no").fill(staff_no)
        page.locator("#q-comments textarea").fill("あ" * 3000)
        page.get_by_role("button", name="送信する").click()
        comment_error = page.locator("#q-comments .field-error")
        comment_error.wait_for(state="visible")
        assert "文字以内" in comment_error.inner_text() and posts == []
        page.locator("#q-comments textarea").fill("")
        # The rest is answered and sent with the staff number: recorded.
        page.locator("#q-understanding .pick", has_text="4").click()
        page.locator("#q-usefulness .pick", has_text="5").click()
        page.get_by_label("ちょうどよい").check()
        page.locator("#q-motivation .pick", has_text="3").click()
        page.locator("#q-action textarea").fill("ペーパーレス化")
        page.get_by_role("button", name="送信する").click()
        page.locator("#result").wait_for(state="visible")
        assert "ご回答ありがとうございました" in page.locator("#result").inner_text()
        assert len(posts) == 1 and page.locator("#feedback").is_hidden()
        page.screenshot(path=str(screenshots / "feedback_phone_by_staff_no.png"))
        assert errors == []


def test_the_survey_works_with_javascript_switched_off(
    site: Site, demo_workspace: Workspace
) -> None:
    """The form posts itself (no answers in the URL); the result is a page of its own,
    and reloading it sends nothing again."""
    from tests.unit.feedback_helpers import check_in

    (attendee,) = check_in(demo_workspace, SystemClock(), "AM", 1)
    staff_no = dict(attendees_of(demo_workspace, "AM"))[attendee]
    feedback_link = am_feedback_link(site, demo_workspace)
    with phone_page("ja-JP", javascript=False) as (page, errors):
        posts: list[str] = []
        page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
        page.goto(feedback_link)
        page.locator("#staff_no").fill(staff_no)
        page.locator("#q-understanding .pick", has_text="4").click()
        page.locator("#q-action textarea").fill("ペーパーレス化")
        page.get_by_role("button", name="送信する").click()
        # Required answers missing: the form comes back marked, with what was entered.
        page.wait_for_load_state()
        assert "?" not in page.url and len(posts) == 1
        assert "回答必須" in page.locator("#q-usefulness .field-error").inner_text()
        assert page.locator("#q-understanding input[value='4']").is_checked()
        assert page.locator("#q-action textarea").input_value() == "ペーパーレス化"
        assert page.locator("#staff_no").input_value() == staff_no
        page.screenshot(path="/tmp/issue12/feedback_nojs_errors.png", full_page=True)
        page.locator("#q-usefulness .pick", has_text="5").click()
        page.get_by_label("ちょうどよい").check()
        page.locator("#q-motivation .pick", has_text="3").click()
        page.get_by_role("button", name="送信する").click()
        page.wait_for_load_state()
        assert "/done?o=recorded." in page.url and len(posts) == 2
        assert "ご回答ありがとうございました" in page.locator("#result").inner_text()
        page.screenshot(path="/tmp/issue12/feedback_nojs_done.png")
        page.reload()
        assert "ご回答ありがとうございました" in page.locator("#result").inner_text()
        assert len(posts) == 2
        assert errors == []
    assert site.feedback.response_count(session_ids(demo_workspace)["AM"]) == 1


def test_japanese_lines_break_between_phrases_and_typed_markup_stays_text(
    site: Site, demo_workspace: Workspace, screenshots: Path
) -> None:
    """The DOM, not pixels (the sandbox has no Japanese font): a <wbr> at each BudouX
    phrase boundary, keep-all with overflow-wrap, and a question typed as <script> shown
    as text."""
    from facilitator.db.models import Question
    from facilitator.domain.phrases import phrases

    typed = "<script>window.hacked=1</script>研修で学んだことを職場でどう活かしますか"
    long_token = "https://example.invalid/" + "a" * 120
    with demo_workspace.session() as s:
        q = s.scalars(select(Question).where(Question.key == "action")).one()
        q.label_ja = typed
        comments = s.scalars(select(Question).where(Question.key == "comments")).one()
        comments.label_ja = "参考資料 " + long_token
    link = am_feedback_link(site, demo_workspace)
    with phone_page("ja-JP") as (page, errors):
        page.goto(link)
        understanding = page.locator("#q-understanding legend")
        label = understanding.evaluate("e => e.firstChild.textContent")
        runs = understanding.evaluate(
            "e => { const runs = ['']; for (const n of e.childNodes) {"
            " if (n.nodeName === 'WBR') runs.push(''); else if (n.nodeType === 3)"
            " runs[runs.length - 1] += n.textContent; } return runs; }"
        )
        runs = [r.strip() for r in runs]
        question = "".join(runs)[len("1. ") :]
        assert label.startswith("1. ") and len(runs) > 2
        # The breaks sit exactly between BudouX's phrases of the question.
        assert runs == ["1. " + phrases(question)[0], *phrases(question)[1:]]
        style = page.evaluate(
            "() => { const s = getComputedStyle(document.body);"
            " return [s.wordBreak, s.overflowWrap]; }"
        )
        assert style == ["keep-all", "anywhere"]
        assert page.locator("#q-action legend wbr").count() >= 1
        action = page.locator("#q-action legend")
        assert typed in action.inner_text()
        assert page.evaluate("() => window.hacked") is None
        assert page.locator("script").count() == 1  # feedback.js only
        # A token longer than the phone's width still wraps: no sideways scrolling.
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        page.screenshot(path=str(screenshots / "feedback_phone_phrases.png"), full_page=True)
        assert errors == []
    with phone_page("en-US") as (page, errors):
        page.goto(link)
        assert page.locator("wbr").count() == 0
        assert errors == []
