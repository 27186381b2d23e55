"""The steps of `facilitator --self-test`, in the order of a training day.

Each step uses the real code paths a trainer's actions take (the migrations a
new workspace runs, the LAN server phones talk to, the certificate exporter,
the main window) and checks what a person would see: an HTTP answer, a page
count, a QR that decodes and verifies, a painted window. Steps share one
`SelfTestRun`, so a later step builds on the data an earlier one made.
"""

from __future__ import annotations

import json
import os
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.domain.clock import SystemClock
from facilitator.errors import Msg
from facilitator.lang import Lang
from facilitator.selftest.step import Step, StepFailed

if TYPE_CHECKING:
    from facilitator.db.workspace import Workspace

LOOPBACK = "127.0.0.1"  # the self-test never listens on the venue network
DEMO_ATTENDEES = 40
RENDER_WIDTH_PX = 1240  # an A4 page at 150 dpi, as a printer or phone camera would see it
HTTP_TIMEOUT = 10.0


def _fail(en: str, ja: str) -> StepFailed:
    return StepFailed(Msg(en=en, ja=ja))


class SelfTestRun:
    """The state the steps share: the folder, the workspace and what was made in it."""

    def __init__(self, folder: Path, lang: Lang) -> None:
        self.folder = folder
        self.lang = lang
        self.db = folder / "selftest.sqlite"
        self.clock = SystemClock()
        self.workspace: Workspace | None = None
        self.event_id = 0
        self.certificate_pdf = folder / "certificate.pdf"
        self.certificate_number = ""

    def steps(self) -> list[Step]:
        return [
            Step("resources", self.check_resources),
            Step("migrations", self.create_workspace),
            Step("demo", self.build_demo),
            Step("checkin-http", self.check_in_over_http),
            Step("window", self.grab_main_window),
            Step("certificate", self.render_certificate),
            Step("qr", self.decode_certificate_qr),
        ]

    def close(self) -> None:
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None

    def _open(self) -> Workspace:
        if self.workspace is None:
            from facilitator.db.workspace import open_workspace

            self.workspace = open_workspace(self.db, program="facilitator --self-test")
        return self.workspace

    # -- steps -------------------------------------------------------------------------------
    def check_resources(self) -> Msg:
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
            raise _fail(
                f"missing from {root}: {', '.join(missing)}",
                f"{root} に次のものがありません：{', '.join(missing)}",
            )
        return Msg(
            en=f"{root}: {len(fonts)} fonts, {len(translations)} translations, "
            f"{len(layouts)} layouts",
            ja=f"{root}：フォント {len(fonts)} 個、翻訳 {len(translations)} 個、"
            f"レイアウト {len(layouts)} 個",
        )

    def create_workspace(self) -> Msg:
        """A new workspace is made by running every migration; it must end at the newest."""
        from alembic.script import ScriptDirectory

        from facilitator.db.migrate import alembic_config
        from facilitator.db.workspace import FileState, inspect_file, open_workspace

        self.workspace = open_workspace(self.db, create=True, program="facilitator --self-test")
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        found = inspect_file(self.db)
        if found.state is not FileState.CURRENT or found.revision != head:
            raise _fail(
                f"the new workspace is at schema {found.revision}, expected {head}",
                f"新しいワークスペースのスキーマが {found.revision} です（期待値 {head}）",
            )
        return Msg(en=f"schema {head}", ja=f"スキーマ {head}")

    def build_demo(self) -> Msg:
        from facilitator.services.demo.workspace import build_demo

        made = build_demo(self._open(), self.clock, attendees=DEMO_ATTENDEES)
        self.event_id = made.event_id
        return Msg(
            en=f"{made.attendees} attendees, sessions {', '.join(made.sessions)}",
            ja=f"受講者 {made.attendees} 名、セッション {', '.join(made.sessions)}",
        )

    def check_in_over_http(self) -> Msg:
        """The real server on loopback: a phone page in Japanese, a style sheet, one check-in."""
        from facilitator.domain.phone_links import CHECKIN_PURPOSE, checkin_url
        from facilitator.domain.tokens import RotatingTokens
        from facilitator.services.checkin.service import CheckInService
        from facilitator.services.feedback.capture import FeedbackService
        from facilitator.web.app import create_app
        from facilitator.web.compose import lan_deps
        from facilitator.web.server import LanServer

        workspace = self._open()
        session_code, staff_no = self._first_am_attendee(workspace)
        checkin = CheckInService(workspace, self.clock)
        feedback = FeedbackService(workspace, self.clock)
        found = checkin.phone_session(session_code)
        assert found is not None
        token = RotatingTokens(found.secret, CHECKIN_PURPOSE, found.code).token_at(
            self.clock.now().timestamp()
        )
        # Port 0: any free port, so a running copy of the app on 8765 does not matter.
        server = LanServer(create_app(lan_deps(checkin, self.clock, feedback)), LOOPBACK, 0)
        try:
            server.start()
            base = server.base_url
            page = _get(checkin_url(base, found.code, token), {"Accept-Language": "ja"})
            if '<html lang="ja">' not in page or "<form" not in page:
                raise _fail(
                    "the check-in page is not the Japanese form",
                    "受付ページが日本語のフォームになっていません",
                )
            _get(f"{base}/static/style.css", {})
            answer = _post_json(
                f"{base}/api/v1/checkin",
                {"session": found.code, "token": token, "staff_no": staff_no},
            )
        finally:
            server.stop()
            checkin.close()
            feedback.close()
        if answer.get("outcome") != "checked_in":
            raise _fail(
                f"the server answered {answer!r} instead of checked_in",
                f"サーバーの応答が checked_in ではなく {answer!r} でした",
            )
        return Msg(
            en=f"{base}: page, style sheet and check-in of staff no. {staff_no}",
            ja=f"{base}：ページ、スタイルシート、職員番号 {staff_no} の受付",
        )

    def grab_main_window(self) -> Msg:
        from facilitator.selftest.gui_steps import grab_main_window

        self.close()  # the window opens the workspace itself, as it does at start-up
        home = os.environ.get("FACILITATOR_HOME")
        # The window's settings (recent files) go to the folder, not the user's own.
        os.environ["FACILITATOR_HOME"] = str(self.folder / "home")
        try:
            return grab_main_window(self.db, self.lang, self.folder / "main-window.png")
        finally:
            if home is None:
                os.environ.pop("FACILITATOR_HOME", None)
            else:
                os.environ["FACILITATOR_HOME"] = home

    def render_certificate(self) -> Msg:
        """The checked-in attendee is eligible: number them and print one certificate."""
        from facilitator.selftest.gui_steps import pdf_page_count
        from facilitator.services.certificates.suite import build_certificate_services

        workspace = self._open()
        certificates = build_certificate_services(workspace, self.clock)
        issued = certificates.issuer.issue(self.event_id).newly_issued
        if len(issued) != 1:
            raise _fail(
                f"{len(issued)} certificates were issued, expected 1 (the checked-in attendee)",
                f"修了証が {len(issued)} 件発行されました（受付済みの 1 名分のはず）",
            )
        self.certificate_number = issued[0].number
        certificates.exporter.export(self.event_id, str(self.certificate_pdf))
        pages = pdf_page_count(self.certificate_pdf)
        if pages != 1:
            raise _fail(
                f"the certificate PDF has {pages} pages, expected 1",
                f"修了証の PDF が {pages} ページです（1 ページのはず）",
            )
        size = self.certificate_pdf.stat().st_size
        return Msg(
            en=f"{self.certificate_number}: 1 page, {size // 1024} KB",
            ja=f"{self.certificate_number}：1 ページ、{size // 1024} KB",
        )

    def decode_certificate_qr(self) -> Msg:
        """The certificate's QR, read from the rendered page, verifies as that certificate."""
        from facilitator.domain.certificates import VerifyOutcome
        from facilitator.selftest.gui_steps import decode_first_page_qr
        from facilitator.services.certificates.verify import CertificateVerifier

        texts = decode_first_page_qr(self.certificate_pdf, RENDER_WIDTH_PX)
        if len(texts) != 1:
            raise _fail(
                f"found {len(texts)} QR codes on the certificate, expected 1",
                f"修了証から QR コードが {len(texts)} 個見つかりました（1 個のはず）",
            )
        verdict = CertificateVerifier(self._open()).verify(texts[0])
        if verdict.outcome is not VerifyOutcome.VALID or verdict.number != self.certificate_number:
            raise _fail(
                f"the QR reads as {verdict.outcome.value} {verdict.number}",
                f"QR の照合結果が {verdict.outcome.value} {verdict.number} でした",
            )
        return Msg(
            en=f"zxing-cpp read {verdict.number}: valid",
            ja=f"zxing-cpp で {verdict.number} を読み取り：有効",
        )

    # -- helpers -----------------------------------------------------------------------------
    def _first_am_attendee(self, workspace: Workspace) -> tuple[str, str]:
        from sqlalchemy import select

        from facilitator.db.models import Attendee, TrainingSession

        with workspace.session(readonly=True) as session:
            row = session.execute(
                select(TrainingSession.code, Attendee.staff_no)
                .join(Attendee, Attendee.assigned_session_id == TrainingSession.id)
                .where(TrainingSession.event_id == self.event_id)
                .order_by(TrainingSession.position, Attendee.id)
                .limit(1)
            ).first()
        if row is None:
            raise _fail("the demo has no assigned attendee", "デモに割り当て済みの受講者がいません")
        return str(row.code), str(row.staff_no)


def _opener() -> urllib.request.OpenerDirector:
    # No proxy, whatever the environment says: the server is on this machine.
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _get(url: str, headers: dict[str, str]) -> str:
    request = urllib.request.Request(url, headers=headers)
    with _opener().open(request, timeout=HTTP_TIMEOUT) as response:
        body: bytes = response.read()
    return body.decode("utf-8")


def _post_json(url: str, payload: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(
        url,
        data=json.dumps(payload).encode("utf-8"),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with _opener().open(request, timeout=HTTP_TIMEOUT) as response:
        answer: dict[str, Any] = json.loads(response.read())
    return answer
