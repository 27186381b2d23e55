"""The command line against issue 2's contract: usage errors in the user's language,
`--lang` on either side of the subcommand, phone-URL options checked before printing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.cli import main, usage_error
from facilitator.commands.context import EXIT_OK, EXIT_REJECTED, EXIT_USAGE
from facilitator.domain.phone_links import is_valid_host


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # usage errors leave through argparse
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(tmp_path / "w.sqlite")
    assert run(capsys, "demo", "--db", db, "--attendees", "6")[0] == EXIT_OK
    return db


@pytest.mark.parametrize(
    ("argv", "japanese"),
    [
        (["--lang", "ja", "event", "list"], "エラー：次の引数が必要です：--db"),
        (
            ["--lang", "ja", "event", "show", "--db", "w", "--event", "x"],
            "'x' は整数ではありません",
        ),
        (["--lang", "ja", "roster", "bogus"], "'bogus' は選べません（選択肢："),
        (["--lang", "ja", "event", "list", "--db", "w", "--bogus"], "認識できない引数があります"),
        (["event", "show", "--db", "w", "--event", "x", "--lang", "ja"], "は整数ではありません"),
        (["--lang=ja", "checkin-url", "--db", "w"], "次の引数が必要です：--session"),
    ],
)
def test_usage_errors_speak_the_chosen_language(
    capsys: pytest.CaptureFixture[str], argv: list[str], japanese: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (EXIT_USAGE, "")
    assert "usage:" in err and japanese in err
    assert "error:" not in err


def test_usage_errors_follow_a_japanese_locale(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    code, _, err = run(capsys, "event", "show", "--db", "w", "--event", "x")
    assert code == EXIT_USAGE and "エラー：引数 --event：'x' は整数ではありません" in err
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    code, _, err = run(capsys, "event", "show", "--db", "w", "--event", "x")
    assert code == EXIT_USAGE and "error: argument --event: invalid int value: 'x'" in err


def test_unknown_usage_errors_keep_argparses_words() -> None:
    msg = usage_error("something new")
    assert msg.en == "error: something new"
    assert msg.ja == "エラー：コマンドの指定が正しくありません（something new）"


def test_lang_after_the_subcommand_sets_the_language(
    capsys: pytest.CaptureFixture[str], demo_db: str
) -> None:
    code, _, err = run(capsys, "event", "show", "--db", demo_db, "--event", "99", "--lang", "ja")
    assert (code, err) == (EXIT_REJECTED, "このワークスペースに ID 99 の研修はありません。\n")
    code, _, err = run(capsys, "--lang", "ja", "event", "show", "--db", demo_db, "--event", "99")
    assert err == "このワークスペースに ID 99 の研修はありません。\n"
    code, _, err = run(capsys, "event", "show", "--db", demo_db, "--event", "99", "--lang", "en")
    assert err == "There is no event with id 99 in this workspace.\n"
    code, _, err = run(capsys, "event", "list", "--db", demo_db, "--lang", "xx")
    assert code == EXIT_REJECTED and "xx" in err


@pytest.mark.parametrize("command", ["checkin-url", "feedback-url"])
@pytest.mark.parametrize(
    ("option", "value", "en"),
    [
        ("--host", "pc name", "is not an IP address or host name"),
        ("--host", "192.168.1.10 ", "is not an IP address or host name"),
        ("--port", "0", "is not a port number"),
        ("--port", "70000", "is not a port number"),
    ],
)
def test_phone_url_options_are_checked(
    capsys: pytest.CaptureFixture[str], demo_db: str, command: str, option: str, value: str, en: str
) -> None:
    argv = ["--lang", "en", command, "--db", demo_db, "--session", "AM", option, value]
    code, out, err = run(capsys, *argv)
    assert (code, out) == (EXIT_REJECTED, "")
    assert en in err


@pytest.mark.parametrize("command", ["checkin-url", "feedback-url"])
def test_phone_url_accepts_ipv6_either_way(
    capsys: pytest.CaptureFixture[str], demo_db: str, command: str
) -> None:
    for host in ("::1", "[::1]"):
        argv = [command, "--db", demo_db, "--session", "AM", "--host", host, "--port", "8766"]
        code, out, _ = run(capsys, *argv)
        assert code == EXIT_OK
        assert out.startswith("http://[::1]:8766/"), out


@pytest.mark.parametrize(
    ("host", "valid"),
    [
        ("192.168.1.10", True),
        ("::1", True),
        ("venue-pc.local", True),
        ("VENUE_PC", True),
        ("pc name", False),
        ("-pc", False),
        ("", False),
        ("a/b", False),
        ("x" * 64, False),
    ],
)
def test_is_valid_host(host: str, valid: bool) -> None:
    assert is_valid_host(host) is valid


def test_output_that_cannot_hold_japanese_still_succeeds(demo_db: str) -> None:
    """Redirected output on an English Windows is cp1252: the command must not end in
    exit 1 after doing its work; JSON stays valid (ASCII escapes)."""
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    command = [sys.executable, "-m", "facilitator", "--lang", "en"]
    listed = subprocess.run(
        [*command, "event", "list", "--db", demo_db, "--json"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert listed.returncode == EXIT_OK, listed.stderr
    assert json.loads(listed.stdout)["events"][0]["title"] == "管理職向けDX推進研修"
    out = str(Path(demo_db).with_name("名簿.csv"))
    exported = subprocess.run(
        [*command, "roster", "export", "--db", demo_db, "--out", out],
        capture_output=True,
        env=env,
        check=False,
    )
    assert exported.returncode == EXIT_OK, exported.stderr
    assert b"\\u540d\\u7c3f.csv" in exported.stdout


@pytest.mark.parametrize("command", ["checkin-url", "feedback-url"])
def test_wifi_without_a_default_route_still_gives_the_lan_address(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    demo_db: str,
    command: str,
) -> None:
    """A venue router with no internet may hand out no default route: phones still
    reach the PC's Wi-Fi address, never 127.0.0.1."""
    from facilitator.web import addresses

    monkeypatch.setattr(addresses, "default_route_address", lambda: "127.0.0.1")
    monkeypatch.setattr(addresses, "ipv4_addresses", lambda: ["192.168.5.9", "127.0.0.1"])
    code, out, err = run(capsys, command, "--db", demo_db, "--session", "AM")
    assert code == EXIT_OK and "127.0.0.1" not in err  # (feedback-url notes "closed")
    assert out.startswith("http://192.168.5.9:8765/")

    monkeypatch.setattr(addresses, "ipv4_addresses", lambda: ["127.0.0.1"])
    code, out, err = run(capsys, "--lang", "ja", command, "--db", demo_db, "--session", "AM")
    assert code == EXIT_OK and out.startswith("http://127.0.0.1:8765/")
    assert "スマートフォンから 127.0.0.1 は開けません" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["agenda", "export", "--out"],
        ["certificates", "list", "--force", "--out"],
        ["checkins", "export", "--out"],
        ["roster", "export", "--out"],
        ["feedback", "export", "--out"],
    ],
)
def test_an_export_onto_a_folder_is_refused_not_a_crash(
    capsys: pytest.CaptureFixture[str], demo_db: str, tmp_path: Path, argv: list[str]
) -> None:
    folder = tmp_path / "taken.csv"
    folder.mkdir()
    code, _, err = run(capsys, "--lang", "ja", *argv, str(folder), "--db", demo_db)
    assert code == EXIT_REJECTED, err
    assert "に書き込めません" in err
    assert list(folder.iterdir()) == []


def test_write_atomically_keeps_the_old_file_when_it_cannot_write(tmp_path: Path) -> None:
    from facilitator.errors import InputRejected
    from facilitator.services.files import write_atomically

    out = tmp_path / "a.csv"
    write_atomically(out, b"old")
    (tmp_path / "taken").write_text("a file where a folder is asked for")
    with pytest.raises(InputRejected) as refused:
        write_atomically(tmp_path / "taken" / "a.csv", b"new")
    assert "Cannot write" in refused.value.message.en
    write_atomically(tmp_path / "made" / "a.csv", b"new")
    assert (tmp_path / "made" / "a.csv").read_bytes() == b"new"
    assert out.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()].count("a.csv") == 1


@pytest.mark.parametrize(
    ("argv", "name"),
    [
        (["agenda", "export"], "agenda.csv"),
        (["certificates", "list"], "issued.csv"),
        (["checkins", "export"], "checkins.csv"),
        (["roster", "export"], "roster.csv"),
        (["feedback", "export"], "feedback.csv"),
    ],
)
def test_every_export_makes_the_folder_it_was_told_to_write_in(
    capsys: pytest.CaptureFixture[str], demo_db: str, tmp_path: Path, argv: list[str], name: str
) -> None:
    out = tmp_path / "新しいフォルダ" / "day 1" / name
    code, _, err = run(capsys, *argv, "--db", demo_db, "--out", str(out))
    assert code == EXIT_OK, err
    assert out.is_file() and out.stat().st_size > 0


@pytest.mark.parametrize("label", ["AM", "am", " AM ", "ＡＭ", "ａｍ"])
def test_session_label_as_typed_with_the_japanese_input_method(
    capsys: pytest.CaptureFixture[str], demo_db: str, label: str
) -> None:
    argv = ["checkin-url", "--db", demo_db, "--session", label, "--host", "127.0.0.1"]
    code, out, _ = run(capsys, *argv)
    assert code == EXIT_OK and out.startswith("http://127.0.0.1:8765/c/")


def test_feedback_open_and_close_from_the_command_line(
    capsys: pytest.CaptureFixture[str], demo_db: str
) -> None:
    """A serve-only setup (no GUI) opens the survey from the command line."""
    from facilitator.db.workspace import open_workspace

    url = ["feedback-url", "--db", demo_db, "--session", "AM", "--host", "10.0.0.2"]

    def is_open() -> bool:
        code, out, _ = run(capsys, *url, "--json")
        assert code == EXIT_OK
        return bool(json.loads(out)["open"])

    code, _, err = run(capsys, "--lang", "ja", *url)
    assert "facilitator feedback open --session AM" in err and "受付を開始" in err
    code, out, _ = run(
        capsys, "--lang", "ja", "feedback", "open", "--db", demo_db, "--session", "am"
    )
    assert code == EXIT_OK and "回答受付を開始しました" in out and is_open()
    code, out, _ = run(
        capsys, "--lang", "en", "feedback", "close", "--db", demo_db, "--session", "AM"
    )
    assert code == EXIT_OK and "closed" in out and not is_open()
    # While another program (the GUI, serve) writes to the workspace: refused, unchanged.
    with open_workspace(Path(demo_db)):
        code, _, err = run(capsys, "feedback", "open", "--db", demo_db, "--session", "AM")
    assert code == EXIT_REJECTED and err.strip() and not is_open()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_an_export_gets_ordinary_permissions_not_the_temporary_file_s(tmp_path: Path) -> None:
    import stat

    from facilitator.services.files import write_atomically

    new = tmp_path / "new.csv"
    write_atomically(new, b"a")
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~mask  # not mkstemp's 0600
    shared = tmp_path / "shared.csv"
    shared.write_bytes(b"old")
    shared.chmod(0o664)
    write_atomically(shared, b"new")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o664  # the replaced file's permissions
