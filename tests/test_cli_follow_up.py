"""``patroon vervolg`` as a user meets it: the file made, what is printed, the list."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from patroon_tui.cli import main
from patroon_tui.core.model.session import FirstStep, Principle, Table, new_session
from patroon_tui.core.sessionfile.store import SessionStore

EARLIER = "2026-11-28-noord"


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.delenv("PATROON_SESSIONS_DIR", raising=False)
    monkeypatch.chdir(tmp_path)


def folder_with_earlier(tmp_path: Path) -> Path:
    """A session with 3 principles and 4 first steps, from two tables."""
    folder = tmp_path / "sessies"
    session = new_session(session_id=EARLIER, title="Noord", date=dt.date(2026, 11, 28))
    session.tables = [Table(id="tafel-1", name="De ouders"), Table(id="tafel-2", name="Wijk")]
    session.principles = [Principle(text=f"Principe {n}") for n in range(1, 4)]
    session.first_steps = [
        FirstStep(text=f"Stap {n}", owner=f"Eigenaar {n}", table=f"tafel-{1 + n % 2}")
        for n in range(1, 5)
    ]
    store = SessionStore(folder)
    store.save(session, store.path_for(EARLIER), new=True)
    return folder


def test_vervolg_makes_the_follow_up_and_prints_its_id(tmp_path, capsys):
    folder = folder_with_earlier(tmp_path)
    before = (folder / f"{EARLIER}.toml").read_bytes()
    assert main(["vervolg", EARLIER, "--sessions-dir", str(folder), "--date", "2027-01-10"]) == 0
    out, err = capsys.readouterr()
    new_id = out.strip()
    assert new_id == "2027-01-10-noord-vervolg"
    assert f"patroon open {new_id}" in err
    data = tomllib.loads((folder / f"{new_id}.toml").read_text("utf-8"))
    assert data["session"]["previous"] == EARLIER
    assert data["session"]["title"] == "Noord (vervolg)"
    assert data["progress"]["screen"] == "terugblik"
    assert [p["uid"] for p in data["principles"]] == ["p-1", "p-2", "p-3"]
    assert [s["uid"] for s in data["first_steps"]] == ["f-1", "f-2", "f-3", "f-4"]
    assert [s["table_name"] for s in data["first_steps"]] == ["Wijk", "De ouders"] * 2
    assert [s["owner"] for s in data["first_steps"]] == [f"Eigenaar {n}" for n in range(1, 5)]
    assert all(s["table"] == "" for s in data["first_steps"])
    assert [t["name"] for t in data["tables"]] == ["Tafel 1"]
    assert (folder / f"{EARLIER}.toml").read_bytes() == before  # only read
    assert main(["check", new_id, "--sessions-dir", str(folder)]) == 0
    assert "Let op" not in capsys.readouterr().out


def test_vervolg_takes_a_title_and_a_path(tmp_path, capsys):
    folder = folder_with_earlier(tmp_path)
    path = folder / f"{EARLIER}.toml"
    assert main(["vervolg", str(path), "--sessions-dir", str(folder), "--title", "Terug",
                 "--date", "2027-02-01"]) == 0
    new_id = capsys.readouterr().out.strip()
    assert new_id == "2027-02-01-terug"
    assert main(["vervolg", EARLIER, "--sessions-dir", str(folder), "--title", "Terug",
                 "--date", "2027-02-01"]) == 0
    assert capsys.readouterr().out.strip() == "2027-02-01-terug-2"


def test_vervolg_on_a_missing_session_says_so(tmp_path, capsys):
    folder = folder_with_earlier(tmp_path)
    assert main(["vervolg", "bestaat-niet", "--sessions-dir", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "bestaat-niet" in err and "Traceback" not in err
    assert main(["vervolg", EARLIER, "--sessions-dir", str(folder), "--date", "morgen"]) == 2
    assert "JJJJ-MM-DD" in capsys.readouterr().err


def test_list_shows_which_session_follows_which(tmp_path, capsys):
    folder = folder_with_earlier(tmp_path)
    main(["vervolg", EARLIER, "--sessions-dir", str(folder), "--date", "2027-01-10"])
    second = capsys.readouterr().out.strip()
    main(["vervolg", second, "--sessions-dir", str(folder), "--date", "2027-03-01"])
    third = capsys.readouterr().out.strip()
    assert main(["list", "--sessions-dir", str(folder)]) == 0
    header, _rule, *rows = capsys.readouterr().out.splitlines()
    assert "vervolg op" in header
    by_id = {row.split()[0]: row for row in rows}
    assert by_id[third].rstrip().endswith(second)
    assert by_id[second].rstrip().endswith(EARLIER)
    assert by_id[EARLIER].rstrip().endswith("programma")


def test_the_chain_of_three_in_the_export(tmp_path, capsys):
    folder = folder_with_earlier(tmp_path)
    main(["vervolg", EARLIER, "--sessions-dir", str(folder), "--date", "2027-01-10"])
    second = capsys.readouterr().out.strip()
    store = SessionStore(folder)
    session = store.load(second)
    session.first_steps[0].status = "loopt"
    session.first_steps[0].review = "Eén keer geweest."
    store.save(session)
    main(["vervolg", second, "--sessions-dir", str(folder), "--date", "2027-03-01"])
    third = capsys.readouterr().out.strip()
    session = store.load(third)
    session.first_steps[0].status = "gedaan"
    store.save(session)
    assert main(["export", third, "--sessions-dir", str(folder)]) == 0
    report = capsys.readouterr().out
    assert "Sinds de vorige keer" in report
    section = report[report.index("Sinds de vorige keer"):]
    assert "Stap 1" in section and "gedaan" in section
    assert "loopt" in section and "Eén keer geweest." in section  # its history
    assert "2026-11-28" in section  # where it was agreed


def test_a_step_tied_to_an_arrow_keeps_its_tie_in_the_follow_up(tmp_path, capsys):
    folder = tmp_path / "sessies"
    session = new_session(session_id=EARLIER, title="Noord", date=dt.date(2026, 11, 28))
    session.tables = [Table(id="tafel-1", name="De ouders", pattern="wereldvrede")]
    session.first_steps = [
        FirstStep(text="Samen aan tafel", owner="GGZ", table="tafel-1", pattern="wereldvrede",
                  breaks_after=3, layer="spelregels"),
        FirstStep(text="Bellen", owner="Wijk", table="tafel-1"),
    ]
    store = SessionStore(folder)
    store.save(session, store.path_for(EARLIER), new=True)
    assert main(["vervolg", EARLIER, "--sessions-dir", str(folder), "--date", "2027-01-10"]) == 0
    new_id = capsys.readouterr().out.strip()
    steps = tomllib.loads((folder / f"{new_id}.toml").read_text("utf-8"))["first_steps"]
    assert [(s.get("pattern"), s.get("breaks_after"), s.get("layer")) for s in steps] == [
        ("wereldvrede", 3, "spelregels"), ("wereldvrede", None, None)]
    assert main(["check", new_id, "--sessions-dir", str(folder)]) == 0
    assert "Let op" not in capsys.readouterr().out
    # The follow-up's report says which arrow the carried step cuts, as the first one did.
    assert main(["export", new_id, "--sessions-dir", str(folder)]) == 0
    report = capsys.readouterr().out
    overview = report[report.index("Overzicht"):]
    line = next(row for row in overview.splitlines() if "Samen aan tafel" in row)
    detail = overview[overview.index(line):].split("\n\n")[1]
    assert detail == ("   Eigenaar: GGZ · van tafel: De ouders · patroon: Wereldvrede, breekt de "
                      "pijl van stap 3 naar 4 · laag: Over spelregels")


def test_vervolg_from_a_script_with_stdin_closed_makes_it_and_prints_its_id(
        tmp_path, capsys, monkeypatch):
    """A script run with its input closed (``<&-``, where Python has no ``sys.stdin``) gets
    the follow-up and its id, not a traceback."""
    folder = folder_with_earlier(tmp_path)
    monkeypatch.setattr("sys.stdin", None)
    assert main(["vervolg", EARLIER, "--sessions-dir", str(folder), "--date", "2027-01-10"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "2027-01-10-noord-vervolg"
    assert "Traceback" not in err and "patroon open 2027-01-10-noord-vervolg" in err
    assert (folder / "2027-01-10-noord-vervolg.toml").is_file()
