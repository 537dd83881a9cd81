"""The `patroon` command line as a user meets it: output, files written, exit status."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from patroon_tui import cli
from patroon_tui.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOOD = "2026-11-28-wijkteam-noord"
CORRUPT = "2026-11-29-kapot"
NEWER = "2026-11-30-nieuwer"


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    # The default ./sessions must never be the developer's own folder.
    monkeypatch.delenv("PATROON_SESSIONS_DIR", raising=False)
    monkeypatch.chdir(tmp_path)


def folder_with(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "sessies"
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copyfile(FIXTURES / f"{name}.toml", folder / f"{name}.toml")
    return folder


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m patroon_tui ARGS` in a real process, as a user runs it."""
    full_env = {k: v for k, v in os.environ.items() if k != "PATROON_SESSIONS_DIR"}
    full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
    full_env["PYTHONIOENCODING"] = "utf-8"
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "patroon_tui", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        timeout=60,
    )


def answers_of(name: str) -> list[str]:
    data = tomllib.loads((FIXTURES / f"{name}.toml").read_text("utf-8"))
    return [text for table in data["tables"] for text in table["answers"].values() if text]


def assert_lines_in_order(text: str, output: str) -> None:
    lines = re.sub(r"\r\n|\r", "\n", text).removesuffix("\n").split("\n")
    out = output.split("\n")
    assert any(
        out[i : i + len(lines)] == lines for i in range(len(out) - len(lines) + 1)
    ), f"{text!r} is not in the output line by line"


# -- end to end, in a real process -----------------------------------------------------


def test_export_prints_every_answer_of_a_hand_written_session(tmp_path):
    folder = folder_with(tmp_path, GOOD)
    result = run("export", GOOD, "--sessions-dir", str(folder))
    assert result.returncode == 0, result.stderr
    answers = answers_of(GOOD)
    assert len(answers) == 6
    for answer in answers:
        assert_lines_in_order(answer, result.stdout)
    assert result.stdout.startswith("# Wijkteam Noord\n")


def test_check_of_a_corrupt_file_names_it_without_a_traceback(tmp_path):
    folder = folder_with(tmp_path, CORRUPT)
    result = run("--sessions-dir", str(folder), "check", CORRUPT)
    assert result.returncode == 1
    assert f"{CORRUPT}.toml" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2
    assert result.stdout == ""


def test_export_to_a_file_by_path_in_a_real_process(tmp_path):
    folder = folder_with(tmp_path, GOOD)
    target = tmp_path / "verslag.md"
    result = run("export", str(folder / f"{GOOD}.toml"), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert str(target) in result.stderr
    for answer in answers_of(GOOD):
        assert_lines_in_order(answer, target.read_text("utf-8"))


def test_list_export_and_check_never_load_textual(tmp_path):
    folder = folder_with(tmp_path, GOOD)
    code = (
        "import sys\n"
        "from patroon_tui.cli import main\n"
        f"for args in (['list'], ['export', {GOOD!r}], ['check', {GOOD!r}]):\n"
        f"    assert main([*args, '--sessions-dir', {str(folder)!r}]) == 0\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] == 'textual']\n"
        "assert not loaded, loaded\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_the_sessions_folder_comes_from_the_environment_in_a_real_process(tmp_path):
    folder = folder_with(tmp_path, GOOD)
    result = run("list", env={"PATROON_SESSIONS_DIR": str(folder)})
    assert result.returncode == 0, result.stderr
    assert GOOD in result.stdout


# -- check -----------------------------------------------------------------------------


def test_check_of_a_good_session_says_ok_with_a_summary(tmp_path, capsys):
    folder = folder_with(tmp_path, GOOD)
    assert main(["check", GOOD, "--sessions-dir", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: ")
    assert f"{GOOD}.toml" in out
    assert "2 tafels" in out
    assert "6 antwoorden" in out


def test_check_of_a_newer_version_is_refused_naming_the_file(tmp_path, capsys):
    folder = folder_with(tmp_path, NEWER)
    assert main(["check", NEWER, "--sessions-dir", str(folder)]) == 1
    captured = capsys.readouterr()
    assert f"{NEWER}.toml" in captured.err
    assert captured.out == ""


def test_check_leaves_a_corrupt_file_alone(tmp_path, capsys):
    folder = folder_with(tmp_path, CORRUPT)
    before = (folder / f"{CORRUPT}.toml").read_bytes()
    assert main(["check", CORRUPT, "--sessions-dir", str(folder)]) == 1
    assert (folder / f"{CORRUPT}.toml").read_bytes() == before


# -- list ------------------------------------------------------------------------------


def test_list_shows_each_session_with_its_details(tmp_path, capsys):
    folder = folder_with(tmp_path, GOOD)
    assert main(["list", "--sessions-dir", str(folder)]) == 0
    out = capsys.readouterr().out
    header, _rule, row = out.splitlines()
    for column in ("id", "titel", "datum", "laatst gewijzigd", "tafels", "gestopt bij"):
        assert column in header
    assert row.split()[:3] == [GOOD, "Wijkteam", "Noord"]
    assert "2026-11-28" in row
    assert " tafels" in row  # where it stopped
    updated = dt.datetime(2026, 11, 28, 11, 45, tzinfo=dt.timezone.utc).astimezone()
    assert f"{updated:%Y-%m-%d %H:%M}" in row


def test_list_marks_unreadable_files_and_keeps_the_good_ones(tmp_path, capsys):
    folder = folder_with(tmp_path, GOOD, CORRUPT, NEWER)
    assert main(["list", "--sessions-dir", str(folder)]) == 0
    rows = capsys.readouterr().out.splitlines()[2:]
    assert len(rows) == 3
    good = [r for r in rows if r.startswith(GOOD)]
    assert len(good) == 1 and "Wijkteam Noord" in good[0]
    for bad in (CORRUPT, NEWER):
        (row,) = [r for r in rows if r.startswith(bad)]
        assert "onleesbaar: " in row


def test_list_of_an_empty_folder_says_how_to_make_a_session(tmp_path, capsys):
    folder = tmp_path / "leeg"
    folder.mkdir()
    assert main(["list", "--sessions-dir", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "nog geen sessies" in out
    assert "patroon new" in out


def test_list_without_a_sessions_folder_is_empty_too(tmp_path, capsys):
    assert main(["list"]) == 0
    assert "nog geen sessies" in capsys.readouterr().out
    assert not (tmp_path / "sessions").exists()


# -- export ----------------------------------------------------------------------------


def test_export_to_a_file_writes_the_same_report_as_to_the_screen(tmp_path, capsysbinary):
    folder = folder_with(tmp_path, GOOD)
    assert main(["export", GOOD, "--sessions-dir", str(folder)]) == 0
    on_screen = capsysbinary.readouterr().out
    target = tmp_path / "verslag.md"
    target.write_text("een oud verslag\n")
    # An existing file is replaced only when asked for.
    assert main(["export", GOOD, "--sessions-dir", str(folder), "-o", str(target)]) == 1
    assert b"--overschrijven" in capsysbinary.readouterr().err
    assert target.read_text() == "een oud verslag\n"
    assert main(["export", GOOD, "--sessions-dir", str(folder), "-o", str(target),
                 "--overschrijven"]) == 0
    captured = capsysbinary.readouterr()
    assert captured.out == b""
    assert str(target).encode() in captured.err
    assert target.read_bytes() == on_screen
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_export_into_a_folder_that_does_not_exist_is_one_sentence(tmp_path, capsys):
    folder = folder_with(tmp_path, GOOD)
    target = tmp_path / "nergens" / "verslag.md"
    assert main(["export", GOOD, "--sessions-dir", str(folder), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "nergens" in err
    assert "Traceback" not in err
    assert not target.exists()


def test_export_ascii_and_width_are_accepted(tmp_path, capsys):
    folder = folder_with(tmp_path, GOOD)
    assert main(["export", GOOD, "--sessions-dir", str(folder), "--ascii", "--width", "60"]) == 0
    assert "Wijkteam Noord" in capsys.readouterr().out


# -- unknown ids and wrong usage -------------------------------------------------------


@pytest.mark.parametrize("command", ["export", "check", "open"])
def test_an_unknown_session_exits_1_naming_it(tmp_path, capsys, command):
    folder = folder_with(tmp_path, GOOD)
    assert main([command, "bestaat-niet", "--sessions-dir", str(folder)]) == 1
    captured = capsys.readouterr()
    assert "bestaat-niet" in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""


@pytest.mark.parametrize(
    "argv",
    [
        ["onzin"],
        ["export"],
        ["check", "a", "b"],
        ["new", "--werkvorm", "buiten"],
        ["new", "--date", "morgen"],
        ["list", "--kleur"],
        ["export", GOOD, "--width", "smal"],
        ["export", GOOD, "--width", "19"],
        ["export", GOOD, "--width", "100000"],
    ],
)
def test_wrong_usage_exits_2_with_the_dutch_usage_line(argv, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert lines[0].startswith("gebruik: patroon")
    assert re.match(r"patroon( \w+)?: fout: ", lines[-1])
    for english in ("usage:", "error:", "the following arguments", "invalid", "expected"):
        assert english not in err


def test_help_exits_0_and_is_dutch(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("new", "open", "list", "export", "check"):
        assert command in out
    assert out.startswith("gebruik: patroon ")
    assert "opdrachten:" in out and "toon deze hulp en stop" in out
    assert "usage" not in out and "show this help" not in out and "options:" not in out


@pytest.mark.parametrize("command", ["new", "open", "list", "export", "check"])
def test_help_of_each_command_is_dutch(command, capsys):
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"gebruik: patroon {command} ")
    assert "opties:" in out and "toon deze hulp en stop" in out
    assert "usage" not in out and "positional arguments" not in out


@pytest.mark.parametrize(
    ("argv", "sentence"),
    [
        (["export"], "patroon export: fout: ID_OF_PAD ontbreekt."),
        (["list", "--kleur"], "patroon: fout: onbekend argument: --kleur."),
        (
            ["new", "--werkvorm", "buiten"],
            "patroon new: fout: 'buiten' is geen keuze voor --werkvorm; kies 'tafels' of 'plenair'.",
        ),
        (["new", "--title"], "patroon new: fout: na --title hoort een waarde."),
    ],
)
def test_usage_errors_name_the_argument_in_dutch(argv, sentence, capsys):
    assert main(argv) == 2
    assert capsys.readouterr().err.strip().splitlines()[-1] == sentence


def test_an_unknown_screen_exits_2_and_names_the_valid_ones(tmp_path, capsys):
    folder = folder_with(tmp_path, GOOD)
    assert main(["open", GOOD, "--screen", "koffie", "--sessions-dir", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "koffie" in err
    assert "programma" in err and "tafels" in err and "samenvatting" in err


def test_a_deck_file_that_does_not_exist_exits_1(tmp_path, capsys):
    folder = folder_with(tmp_path, GOOD)
    deck = tmp_path / "ander-programma.toml"
    assert main(["export", GOOD, "--sessions-dir", str(folder), "--deck", str(deck)]) == 1
    assert "ander-programma.toml" in capsys.readouterr().err


def test_ctrl_c_exits_130_quietly(tmp_path, monkeypatch, capsys):
    def interrupted(args):
        raise KeyboardInterrupt

    from patroon_tui.cli import listing

    monkeypatch.setattr(listing, "list_sessions", lambda store: interrupted(None))
    assert main(["list"]) == 130
    assert capsys.readouterr() == ("", "")


# -- the sessions folder ---------------------------------------------------------------


@pytest.mark.parametrize("before", [True, False])
def test_sessions_dir_works_before_and_after_the_command(tmp_path, capsys, before):
    folder = folder_with(tmp_path, GOOD)
    option = ["--sessions-dir", str(folder)]
    argv = [*option, "list"] if before else ["list", *option]
    assert main(argv) == 0
    assert GOOD in capsys.readouterr().out


def test_sessions_dir_wins_over_the_environment(tmp_path, monkeypatch, capsys):
    folder = folder_with(tmp_path, GOOD)
    empty = tmp_path / "leeg"
    empty.mkdir()
    monkeypatch.setenv("PATROON_SESSIONS_DIR", str(empty))
    assert main(["list"]) == 0
    assert "nog geen sessies" in capsys.readouterr().out
    assert main(["list", "--sessions-dir", str(folder)]) == 0
    assert GOOD in capsys.readouterr().out


# -- new and open ----------------------------------------------------------------------
# These run launch_app, the seam to the interactive app; they check what it is given and
# the session file that `new` creates.


def test_new_creates_a_session_with_one_table(tmp_path, capsys):
    folder = tmp_path / "sessies"
    assert main(["new", "--title", "Wijkteam Noord", "--sessions-dir", str(folder)]) == 0
    path = folder / f"{dt.date.today().isoformat()}-wijkteam-noord.toml"
    assert path.is_file()
    data = tomllib.loads(path.read_text("utf-8"))
    assert data["session"]["title"] == "Wijkteam Noord"
    assert data["session"]["werkvorm"] == "tafels"
    assert [t["name"] for t in data["tables"]] == ["Tafel 1"]
    assert str(path) in capsys.readouterr().err


def test_new_plenair_with_all_details(tmp_path):
    folder = tmp_path / "sessies"
    argv = [
        "--sessions-dir", str(folder), "new", "--title", "Wijkteam Noord",
        "--werkvorm", "plenair", "--date", "2026-12-01",
        "--facilitator", "Anouk de Vries", "--location", "Buurthuis De Kolk",
    ]  # fmt: skip
    assert main(argv) == 0
    data = tomllib.loads((folder / "2026-12-01-wijkteam-noord.toml").read_text("utf-8"))
    assert [t["name"] for t in data["tables"]] == ["Plenair"]
    assert data["session"]["date"] == dt.date(2026, 12, 1)
    assert data["session"]["facilitator"] == "Anouk de Vries"
    assert data["session"]["location"] == "Buurthuis De Kolk"


def test_new_uses_the_environment_folder_and_never_overwrites(tmp_path, monkeypatch):
    folder = tmp_path / "uit-omgeving"
    monkeypatch.setenv("PATROON_SESSIONS_DIR", str(folder))
    assert main(["new", "--title", "Wijkteam Noord", "--date", "2026-12-01"]) == 0
    assert main(["new", "--title", "Wijkteam Noord", "--date", "2026-12-01"]) == 0
    assert sorted(p.name for p in folder.glob("*.toml")) == [
        "2026-12-01-wijkteam-noord-2.toml",
        "2026-12-01-wijkteam-noord.toml",
    ]


def test_new_in_a_sessions_folder_that_is_a_file_is_one_sentence(tmp_path, capsys):
    blocker = tmp_path / "geen-map"
    blocker.write_text("ik ben een bestand\n")
    assert main(["new", "--title", "X", "--sessions-dir", str(blocker)]) == 1
    err = capsys.readouterr().err
    assert "geen-map" in err
    assert "Traceback" not in err


def test_open_hands_the_resolved_file_and_screen_to_the_app(tmp_path, monkeypatch):
    folder = folder_with(tmp_path, GOOD)
    seen = {}

    def fake_launch(**kwargs):
        seen.update(kwargs)
        return 0

    monkeypatch.setattr(cli, "launch_app", fake_launch)
    assert main(["open", GOOD, "--screen", "tafels", "--sessions-dir", str(folder)]) == 0
    assert Path(seen["session_path"]).resolve() == (folder / f"{GOOD}.toml").resolve()
    assert seen["screen"] == "tafels"
    assert seen["new_options"] is None
    assert Path(seen["store"].folder).resolve() == folder.resolve()
    # The session checked before the app starts is the one it shows: not read twice.
    assert seen["session"].session.id == GOOD


def test_open_of_a_corrupt_session_exits_1(tmp_path, capsys):
    folder = folder_with(tmp_path, CORRUPT)
    assert main(["open", CORRUPT, "--sessions-dir", str(folder)]) == 1
    assert f"{CORRUPT}.toml" in capsys.readouterr().err


# -- hostile input ----------------------------------------------------------------------
# Tests may run as root, for whom permissions do not apply: where a test needs a folder or
# file without permission, it raises at the system call what the OS would raise.


def _refuse(monkeypatch, module, name, path):
    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(module, name, refused)


def test_list_of_a_sessions_folder_without_permission_is_one_sentence(
    tmp_path, monkeypatch, capsys
):
    folder = folder_with(tmp_path, GOOD)
    _refuse(monkeypatch, os, "listdir", folder)
    assert main(["list", "--sessions-dir", str(folder)]) == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == f"De sessiemap {folder} kan niet worden gelezen: geen toegang."
    assert captured.out == ""


def test_list_of_a_sessions_folder_that_is_a_file_is_one_sentence(tmp_path, capsys):
    blocker = tmp_path / "geen-map"
    blocker.write_text("ik ben een bestand\n")
    assert main(["list", "--sessions-dir", str(blocker)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"De sessiemap {blocker} is een bestand, geen map. Kies een andere map met --sessions-dir."
    )


def test_new_in_a_read_only_sessions_folder_is_one_sentence_and_leaves_nothing(
    tmp_path, monkeypatch, capsys
):
    from patroon_tui.core.files import user_files as files

    folder = tmp_path / "sessies"
    folder.mkdir()
    _refuse(monkeypatch, files.os, "open", folder)
    assert main(["new", "--title", "Noord", "--date", "2026-12-01", "--sessions-dir", str(folder)]) == 1
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert err.strip() == (
        f"Opslaan van {folder / '2026-12-01-noord.toml'} is mislukt: geen toegang."
    )
    assert os.listdir(folder) == []


def test_check_of_an_unreadable_file_names_it(tmp_path, monkeypatch, capsys):
    folder = folder_with(tmp_path, GOOD)
    path = folder / f"{GOOD}.toml"
    real_open = os.open

    def refused(name, *args, **kwargs):
        if Path(name) == path:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refused)
    assert main(["check", str(path)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"Sessiebestand {path} kan niet worden gelezen: geen toegang."
    )


@pytest.mark.parametrize(
    "make, says",
    [
        (lambda p: p.mkdir(), "is een map, geen bestand"),
        (lambda p: p.write_bytes(b"\x00\xff\xfe\x89PNG\r\n" * 50), "is geen tekstbestand (geen UTF-8)"),
        (lambda p: os.mkfifo(p), "is geen gewoon bestand"),
        (lambda p: p.write_bytes(b""), "is leeg"),
    ],
    ids=["folder", "binary", "pipe", "empty"],
)
@pytest.mark.parametrize("command", ["check", "export", "open"])
def test_what_is_not_a_session_file_is_refused_by_name(tmp_path, capsys, make, says, command):
    path = tmp_path / "vreemd.toml"
    make(path)
    assert main([command, str(path), "--sessions-dir", str(tmp_path / "sessies")]) == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == f"Sessiebestand {path} {says}."
    assert captured.out == ""


def test_export_onto_a_folder_is_one_sentence(tmp_path, capsys):
    folder = folder_with(tmp_path, GOOD)
    assert main(["export", GOOD, "--sessions-dir", str(folder), "-o", str(tmp_path)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"Het verslag kan niet worden geschreven naar {tmp_path}: dat is een map, geen bestand."
    )


def test_export_to_dev_stdout_writes_the_report_there_in_a_real_process(tmp_path):
    # A rename onto /dev/stdout would replace the device (as root) with a plain file.
    folder = folder_with(tmp_path, GOOD)
    to_screen = run("export", GOOD, "--sessions-dir", str(folder))
    result = run("export", GOOD, "--sessions-dir", str(folder), "-o", "/dev/stdout")
    assert result.returncode == 0, result.stderr
    assert result.stdout == to_screen.stdout
    assert "Verslag geschreven naar /dev/stdout." in result.stderr


def test_a_bogus_screen_is_wrong_usage_and_starts_nothing(tmp_path, monkeypatch, capsys):
    folder = folder_with(tmp_path, GOOD)
    monkeypatch.setattr(cli, "launch_app", lambda **kwargs: pytest.fail("the app started"))
    assert main(["open", GOOD, "--screen", "../../etc", "--sessions-dir", str(folder)]) == 2
    assert "Scherm '../../etc' bestaat niet in het programma." in capsys.readouterr().err


def test_present_of_an_unknown_or_corrupt_session_says_so_without_a_traceback(tmp_path):
    folder = folder_with(tmp_path, CORRUPT)
    for name in ("onbekend", CORRUPT):
        result = run("present", name, "--sessions-dir", str(folder))
        assert result.returncode == 1
        assert name in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) <= 2


def test_present_without_a_terminal_asks_for_one_and_leaves_the_folder_alone(tmp_path):
    folder = folder_with(tmp_path, GOOD)
    before = sorted((p.name, p.read_bytes()) for p in folder.iterdir())
    result = run("present", GOOD, "--sessions-dir", str(folder))
    assert result.returncode == 1
    assert "terminal" in result.stderr and "Traceback" not in result.stderr
    assert sorted((p.name, p.read_bytes()) for p in folder.iterdir()) == before


@pytest.mark.parametrize("command", ["new", "open", "present"])
def test_a_script_with_its_input_closed_gets_a_sentence_not_a_traceback(
        tmp_path, capsys, monkeypatch, command):
    """``<&-`` leaves Python no ``sys.stdin``: ``new`` still makes the session, ``open`` and
    ``present`` say they need a terminal."""
    folder = tmp_path / "sessies"
    assert main(["new", "--title", "Noord", "--date", "2026-12-07",
                 "--sessions-dir", str(folder)]) == 0
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", None)
    args = (["new", "--title", "Zuid", "--date", "2026-12-07"] if command == "new"
            else [command, "2026-12-07-noord"])
    code = main([*args, "--sessions-dir", str(folder)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if command == "new":
        assert code == 0 and (folder / "2026-12-07-zuid.toml").is_file()
    else:
        assert code == 1 and "terminal nodig" in err
