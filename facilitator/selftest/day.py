"""The self-test's steps before and at the door: workspace, roster, assignment, phones.

Each step uses the code path a trainer's action takes (the migrations a new
workspace runs, the roster importer, the assignment button, the LAN server
phones talk to) and checks what a person would see.
"""

from __future__ import annotations

import os
from datetime import time

from facilitator.errors import Msg
from facilitator.selftest.base import LOOPBACK, fail, http_get, http_post_json
from facilitator.selftest.state import SelfTestState

# CP932 as Excel on a Japanese PC saves it; 髙 and 﨑 exist in CP932 but not in Shift_JIS.
ROSTER_HEADER = "職員番号,氏名,フリガナ,所属,職名,役割"
ROSTER_ROWS = (
    "1001,髙橋 﨑子,ﾀｶﾊｼ ｻｷｺ,総務課,課長,DX推進リーダー",
    "1002,山田 太郎,ヤマダ タロウ,総務課,主事,サブリーダー",
    "1003,佐藤 花子,サトウ ハナコ,人事課,主任,",
    "1004,鈴木 一郎,スズキ イチロウ,人事課,主事,",
    "1005,田中 ①美,タナカ カズミ,情報政策課,主査,DX推進リーダー",
    "1006,伊藤 健,イトウ ケン,情報政策課,主事,",
)
ANSWERS = {
    "understanding": 4,
    "usefulness": 5,
    "difficulty": "just_right",
    "motivation": 4,
    "action": "定型業務をRPAで減らす",
}


def check_resources(_state: SelfTestState) -> Msg:
    """The files the app reads at run time are where the resource helper looks."""
    from facilitator.resources import resources_root
    from facilitator.web.deps import STATIC_DIR, TEMPLATES_DIR

    root = resources_root()
    fonts = sorted(p.name for p in (root / "fonts").glob("*.ttf"))
    licences = list((root / "fonts").glob("*License*"))
    translations = sorted((root / "translations").glob("*_ja.qm"))
    layouts = sorted((root / "layouts").glob("*.json"))
    missing = [
        what
        for what, found in (
            ("fonts/*.ttf", fonts),
            ("fonts licence", licences),
            ("translations/*_ja.qm", translations),
            ("layouts/*.json", layouts),
            ("web templates", list(TEMPLATES_DIR.glob("*.html"))),
            ("web static files", list(STATIC_DIR.glob("*.css"))),
        )
        if not found
    ]
    if missing:
        raise fail(
            f"missing from {root}: {', '.join(missing)}",
            f"{root} に次のものがありません：{', '.join(missing)}",
        )
    return Msg(
        en=f"{root}: {len(fonts)} fonts, {len(translations)} translations, {len(layouts)} layouts",
        ja=f"{root}：フォント {len(fonts)} 個、翻訳 {len(translations)} 個、"
        f"レイアウト {len(layouts)} 個",
    )


def create_workspace(state: SelfTestState) -> Msg:
    """A new workspace runs every migration to the newest; its first event has a survey."""
    from alembic.script import ScriptDirectory

    from facilitator.db.migrate import alembic_config
    from facilitator.db.workspace import FileState, inspect_file, open_workspace
    from facilitator.domain.event_rules import EventSpec, SessionSpec

    state.workspace = open_workspace(state.db, create=True, program="facilitator --self-test")
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    found = inspect_file(state.db)
    if found.state is not FileState.CURRENT or found.revision != head:
        raise fail(
            f"the new workspace is at schema {found.revision}, expected {head}",
            f"新しいワークスペースのスキーマが {found.revision} です（期待値 {head}）",
        )
    spec = EventSpec(
        title="自己診断 DX研修",
        date=state.clock.now().date(),
        sessions=(
            SessionSpec("AM", time(9, 30), time(12, 0), 20, "第1会議室"),
            SessionSpec("PM", time(13, 30), time(16, 0), 20, "第1会議室"),
        ),
    )
    services = state.services()
    state.event_id = services.events.create_event(spec).id
    survey = services.survey_editor.state(state.event_id).survey
    if survey is None:
        raise fail("the new event has no survey", "新しい研修にアンケートがありません")
    return Msg(
        en=f"schema {head}; event with sessions AM, PM and the survey {survey.title}",
        ja=f"スキーマ {head}；セッション AM・PM とアンケート「{survey.title}」のある研修",
    )


def import_cp932_roster(state: SelfTestState) -> Msg:
    """Excel's Japanese CSV (CP932, CRLF) is read with its encoding guessed, names intact."""
    path = state.folder / "roster.csv"
    path.write_bytes(("\r\n".join([ROSTER_HEADER, *ROSTER_ROWS]) + "\r\n").encode("cp932"))
    roster = state.roster()
    report = roster.importer.import_file(state.event_id, path)
    names = {a.name for a in roster.roster.list_attendees(state.event_id)}
    expected = {row.split(",")[1] for row in ROSTER_ROWS}
    if report.added != len(ROSTER_ROWS) or names != expected:
        raise fail(
            f"imported {report.added} of {len(ROSTER_ROWS)} rows; names read: {sorted(names)}",
            f"{len(ROSTER_ROWS)} 行中 {report.added} 行を取り込み；読み取った氏名：{sorted(names)}",
        )
    return Msg(
        en=f"{report.added} attendees from CP932, e.g. {ROSTER_ROWS[0].split(',')[1]}",
        ja=f"CP932 から {report.added} 名（例：{ROSTER_ROWS[0].split(',')[1]}）",
    )


def assign_sessions(state: SelfTestState) -> Msg:
    """The HiGHS solver inside the build places everyone, each department's leaders apart."""
    from facilitator.optimize.highs import solver_version

    report = state.roster().schedule.assign(state.event_id)
    if (
        report.unassigned
        or sorted(report.sessions.values()) != [3, 3]
        or not report.saved
        or any(s.rule.value == "roles_apart" for s in report.shortfalls)
    ):
        raise fail(
            f"assignment left {report.unassigned} unassigned, sessions {report.sessions}, "
            f"shortfalls {[(s.rule.value, s.name) for s in report.shortfalls]}",
            f"割り当て後の未割当 {report.unassigned} 名、セッション {report.sessions}",
        )
    sizes = ", ".join(f"{label} {n}" for label, n in report.sessions.items())
    met = f"{report.preferences_met}/{report.preferences_stated}"
    version = solver_version()
    return Msg(
        en=f"HiGHS {version}: {sizes}; nobody unassigned; preferences met {met}",
        ja=f"HiGHS {version}：{sizes}；未割当なし；希望どおり {met}",
    )


def phone_day_over_http(state: SelfTestState) -> Msg:
    """The real server on loopback: the Japanese phone page, a check-in, a feedback answer."""
    from facilitator.domain.phone_links import CHECKIN_PURPOSE, FEEDBACK_PURPOSE, checkin_url
    from facilitator.domain.tokens import RotatingTokens
    from facilitator.web.app import create_app
    from facilitator.web.server import LanServer

    services = state.services()
    session_code, session_id, staff_no = _first_assigned(state)
    services.feedback.set_feedback_open(session_id, True)
    found = services.checkin.phone_session(session_code)
    if found is None:
        raise fail(
            f"no phone session {session_code}", f"受付用セッション {session_code} がありません"
        )
    now = state.clock.now().timestamp()
    token = RotatingTokens(found.secret, CHECKIN_PURPOSE, found.code).token_at(now)
    survey_token = RotatingTokens(found.secret, FEEDBACK_PURPOSE, found.code).token_at(now)
    # Port 0: any free port, so a running copy of the app on 8765 does not matter.
    server = LanServer(create_app(services.web_deps()), LOOPBACK, 0)
    try:
        server.start()
        base = server.base_url
        page = http_get(checkin_url(base, found.code, token), {"Accept-Language": "ja"})
        if '<html lang="ja">' not in page or "<form" not in page:
            raise fail(
                "the check-in page is not the Japanese form",
                "受付ページが日本語のフォームになっていません",
            )
        http_get(f"{base}/static/style.css", {})
        checked = http_post_json(
            base,
            "/api/v1/checkin",
            {"session": found.code, "token": token, "staff_no": staff_no},
        )
        answered = http_post_json(
            base,
            "/api/v1/feedback",
            {
                "session": found.code,
                "token": survey_token,
                "staff_no": staff_no,
                "answers": ANSWERS,
            },
        )
    finally:
        server.stop()
        services.close()
    if checked.get("outcome") != "checked_in" or answered.get("outcome") != "recorded":
        raise fail(
            f"check-in answered {checked.get('outcome')!r}, feedback {answered.get('outcome')!r}",
            f"受付の応答 {checked.get('outcome')!r}、アンケートの応答 {answered.get('outcome')!r}",
        )
    state.checked_in_staff_no = staff_no
    return Msg(
        en=f"{base}: page, style sheet, check-in and feedback of staff no. {staff_no}",
        ja=f"{base}：ページ、スタイルシート、職員番号 {staff_no} の受付とアンケート回答",
    )


def grab_main_window(state: SelfTestState) -> Msg:
    from facilitator.selftest.qt_checks import grab_main_window

    state.close()  # the window opens the workspace itself, as it does at start-up
    home = os.environ.get("FACILITATOR_HOME")
    # The window's settings (recent files) go to the folder, not the user's own.
    os.environ["FACILITATOR_HOME"] = str(state.folder / "home")
    try:
        return grab_main_window(state.db, state.lang, state.folder / "main-window.png")
    finally:
        if home is None:
            os.environ.pop("FACILITATOR_HOME", None)
        else:
            os.environ["FACILITATOR_HOME"] = home


def _first_assigned(state: SelfTestState) -> tuple[str, int, str]:
    """(session code, session id, staff number) of the first attendee of the first session."""
    from sqlalchemy import select

    from facilitator.db.models import Attendee, TrainingSession

    with state.open().session(readonly=True) as session:
        row = session.execute(
            select(TrainingSession.code, TrainingSession.id, Attendee.staff_no)
            .join(Attendee, Attendee.assigned_session_id == TrainingSession.id)
            .where(TrainingSession.event_id == state.event_id)
            .order_by(TrainingSession.position, Attendee.id)
            .limit(1)
        ).first()
    if row is None:
        raise fail("no attendee has a session", "セッションに割り当てられた受講者がいません")
    return str(row[0]), int(row[1]), str(row[2])
