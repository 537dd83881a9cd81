"""The command line and the files it touches: reports never replace a session, are private,
replace nothing unasked; nothing a shared file holds reaches the terminal as an escape."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from patroon_tui.cli import main
from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.sessionfile.store import SessionStore

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOOD = "2026-11-28-wijkteam-noord"
ESCAPES = "Noord\x1b]0;gekaapt\x07\x1b[2J\x1b[?1049h\x9b31m\u202e"


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.delenv("PATROON_SESSIONS_DIR", raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def folder(tmp_path) -> Path:
    folder = tmp_path / "sessies"
    folder.mkdir()
    shutil.copyfile(FIXTURES / f"{GOOD}.toml", folder / f"{GOOD}.toml")
    return folder


def run(*args: str, umask: int = -1) -> subprocess.CompletedProcess[bytes]:
    """`python -m patroon_tui ARGS` in a real process; output as the raw bytes."""
    env = {k: v for k, v in os.environ.items() if k != "PATROON_SESSIONS_DIR"}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "patroon_tui", *args],
        capture_output=True, env=env, timeout=60, umask=umask, check=False,
    )


def _export(folder: Path, *args: str) -> int:
    return main(["export", GOOD, "--sessions-dir", str(folder), *args])


# -- export never replaces a session ---------------------------------------------------------


@pytest.mark.parametrize("force", [[], ["--overschrijven"], ["--force"]])
def test_export_over_the_session_itself_is_refused(folder, capsys, force):
    session = folder / f"{GOOD}.toml"
    before = session.read_bytes()
    assert _export(folder, "-o", str(session), *force) == 1
    err = capsys.readouterr().err
    assert str(session) in err and "sessiemap" in err and "Traceback" not in err
    assert session.read_bytes() == before


@pytest.mark.parametrize("name", ["nieuw.toml", "NIEUW.TOML", "bewaard/oud.toml",
                                  f"{GOOD}.toml.lock", f"{GOOD}.toml.lock.pid"])
def test_export_to_a_session_name_in_the_folder_is_refused(folder, capsys, name):
    target = folder / name
    target.parent.mkdir(exist_ok=True)
    assert _export(folder, "-o", str(target)) == 1
    assert "sessiemap" in capsys.readouterr().err
    assert not target.exists()


def test_export_over_a_session_file_elsewhere_is_refused_even_when_forced(folder, tmp_path, capsys):
    elsewhere = tmp_path / "kopie.toml"
    shutil.copyfile(folder / f"{GOOD}.toml", elsewhere)
    before = elsewhere.read_bytes()
    assert _export(folder, "-o", str(elsewhere), "--overschrijven") == 1
    err = capsys.readouterr().err
    assert "is een sessiebestand" in err and str(elsewhere) in err
    assert elsewhere.read_bytes() == before


def _session_written(folder: Path, how: str) -> str:
    """The fixture session with its format line written another valid TOML way."""
    text = (folder / f"{GOOD}.toml").read_text("utf-8")
    line = next(line for line in text.splitlines() if line.startswith("format "))
    if how == "quoted key":
        return text.replace(line, '"format" = "patroon-session"', 1)
    if how == "multi-line string":
        return text.replace(line, 'format = """patroon-session"""', 1)
    if how == "escaped":
        return text.replace(line, '"\\u0066ormat" = "patroon\\u002dsession"', 1)
    if how == "after 1 MB of comments":
        return ("# " + "x" * 98 + "\n") * 11_000 + text
    if how == "after 1 MB of comments, quoted":
        text = text.replace(line, "'format' = 'patroon-session'", 1)
        return ("# " + "x" * 98 + "\n") * 11_000 + text
    raise AssertionError(how)


@pytest.mark.parametrize("how", ["quoted key", "multi-line string", "escaped",
                                 "after 1 MB of comments", "after 1 MB of comments, quoted"])
def test_a_session_is_recognised_by_parsing_it(folder, tmp_path, capsys, how):
    elsewhere = tmp_path / "kopie.md"
    elsewhere.write_text(_session_written(folder, how), encoding="utf-8")
    assert SessionStore(tmp_path).load(elsewhere).session.id  # the app opens it: a session
    before = elsewhere.read_bytes()
    assert _export(folder, "-o", str(elsewhere), "--overschrijven") == 1
    err = capsys.readouterr().err
    assert "is een sessiebestand" in err and "Traceback" not in err
    assert elsewhere.read_bytes() == before


def test_a_broken_file_that_starts_like_a_session_is_refused(folder, tmp_path, capsys):
    broken = tmp_path / "kapot.txt"
    broken.write_text('format = "patroon-session"\n[session\n', encoding="utf-8")
    assert _export(folder, "-o", str(broken), "--overschrijven") == 1
    assert "is een sessiebestand" in capsys.readouterr().err
    assert broken.read_text("utf-8").startswith("format")


@pytest.mark.parametrize("text", [
    pytest.param('[session]\nformat = "patroon-session"\n', id="format-in-a-table"),
    pytest.param('format = "iets-anders"\n', id="another-format"),
    # tomllib would run out of stack on this: it is not parsed, and is no session
    pytest.param("nested = " + "[" * 5000 + "]" * 5000 + "\n", id="nesting-bomb"),
    pytest.param("# patroon-session\n" + "x = 1\n" * 10, id="named-in-a-comment"),
])
def test_toml_that_is_not_a_session_is_replaced_when_asked(folder, tmp_path, text):
    target = tmp_path / "verslag.md"
    target.write_text(text, encoding="utf-8")
    assert _export(folder, "-o", str(target), "--overschrijven") == 0
    assert target.read_text("utf-8").startswith("#")


def test_a_file_beyond_the_session_size_is_not_parsed(folder, tmp_path, monkeypatch):
    # A file bigger than any session is a session only when its first megabyte says so
    # as the app writes it; the rest is not read (it could be gigabytes).
    from patroon_tui.core.files import user_files as files

    monkeypatch.setattr(files, "SESSION_MOST_BYTES", 2 << 20)
    big = tmp_path / "groot.md"
    big.write_text(_session_written(folder, "after 1 MB of comments") + "# z\n" * 400_000,
                   encoding="utf-8")
    assert _export(folder, "-o", str(big), "--overschrijven") == 0
    assert big.read_text("utf-8").startswith("#") and big.stat().st_size < 1 << 20


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_as_target_is_not_waited_on_to_see_if_it_is_a_session(folder, tmp_path):
    from patroon_tui.core.files.user_files import report_target_problem

    pipe = tmp_path / "pijp.md"
    os.mkfifo(pipe)
    assert report_target_problem(pipe, folder) is None  # returns: no writer is waited for


def test_export_through_a_symlink_to_a_session_is_refused(folder, tmp_path, capsys):
    link = tmp_path / "verslag.md"
    link.symlink_to(folder / f"{GOOD}.toml")
    before = (folder / f"{GOOD}.toml").read_bytes()
    assert _export(folder, "-o", str(link), "--overschrijven") == 1
    assert "sessiemap" in capsys.readouterr().err
    assert (folder / f"{GOOD}.toml").read_bytes() == before and link.is_symlink()


def test_export_to_another_file_in_the_folder_is_fine(folder, capsys):
    assert _export(folder, "-o", str(folder / "verslag.md")) == 0
    assert (folder / "verslag.md").read_text("utf-8").startswith("#")


# -- export replaces nothing unasked; reports are private ----------------------------------------


def test_an_existing_report_is_replaced_only_with_overschrijven(folder, tmp_path, capsys):
    target = tmp_path / "verslag.md"
    target.write_text("van iemand anders\n")
    target.chmod(0o644)
    assert _export(folder, "-o", str(target)) == 1
    err = capsys.readouterr().err
    assert f"{target} bestaat al" in err and "--overschrijven" in err
    assert target.read_text() == "van iemand anders\n"
    assert _export(folder, "-o", str(target), "--force") == 0
    assert target.read_text("utf-8") != "van iemand anders\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_report_is_written_0600_whatever_the_umask(folder, tmp_path):
    target = tmp_path / "verslag.md"
    done = run("export", GOOD, "--sessions-dir", str(folder), "-o", str(target), umask=0)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_export_to_a_device_needs_no_overschrijven(folder):
    assert _export(folder, "-o", os.devnull) == 0
    assert Path(os.devnull).exists() and not Path(os.devnull).is_file()


def test_export_help_names_overschrijven(capsys):
    assert main(["export", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--overschrijven" in out and "--force" in out


def test_the_sessions_folder_is_made_0700_by_new(tmp_path):
    folder = tmp_path / "nieuw"
    done = run("new", "--title", "Noord", "--sessions-dir", str(folder), umask=0)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


# -- nothing raw reaches the terminal -------------------------------------------------------------


def _session_with_escapes(folder: Path) -> str:
    store = SessionStore(folder)
    session = store.create(title="x", deck=load_deck(), date=dt.date(2026, 11, 28))
    session.session.title = ESCAPES
    store.save(session)
    return session.session.id


def test_list_prints_no_escape_byte(folder):
    session_id = _session_with_escapes(folder)
    (folder / "kapot\x1b]0;naam\x07.toml").write_bytes(b"[geen toml")
    done = run("list", "--sessions-dir", str(folder))
    assert done.returncode == 0, done.stderr
    for stream in (done.stdout, done.stderr):
        assert b"\x1b" not in stream and b"\x07" not in stream and b"\xc2\x9b" not in stream
        assert "\u202e".encode() not in stream
    assert session_id.encode() in done.stdout
    row = next(line for line in done.stdout.splitlines() if line.startswith(session_id.encode()))
    # Shown escaped; or, should validation refuse such a title, listed as unreadable.
    assert b"Noord\\x1b]0;gekaapt\\x07" in row or b"onleesbaar" in row
    assert b"kapot\\x1b]0;naam\\x07" in done.stdout


def test_check_prints_no_escape_byte(folder):
    session_id = _session_with_escapes(folder)
    done = run("check", session_id, "--sessions-dir", str(folder))
    assert b"\x1b" not in done.stdout + done.stderr
    assert b"\\x1b" in done.stdout + done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["open", "bestaat\x1b]0;niet\x07"],
        ["check", "/tmp/\x1b[2Jnergens"],
        ["export", "x\x1b[?1049h"],
        ["\x1b]0;onbekend\x07"],  # an unknown command: argparse's own error
    ],
)
def test_errors_print_no_escape_byte(folder, args):
    done = run(*args, "--sessions-dir", str(folder))
    assert done.returncode in (1, 2)
    assert b"\x1b" not in done.stderr and b"\x07" not in done.stderr
    assert b"\\x1b" in done.stderr
    assert b"Traceback" not in done.stderr


def test_a_file_name_with_escapes_in_an_error_is_escaped(folder, capsys):
    bad = folder / "kapot\x1b[2J.toml"
    bad.write_text("[geen toml", encoding="utf-8")
    assert main(["check", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "kapot\\x1b[2J.toml" in err
