"""`patroon patronen`: a network's patterns across the sessions of a folder, as a user reads
them — each pattern once with the right counts, Markdown to read, CSV that parses back, a
bad file skipped with a Dutch line and never a traceback."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from patroon_tui.cli import main
from patroon_tui.core.model.session import FirstStep, OwnPattern, Table, new_session
from patroon_tui.core.sessionfile.session_toml import dumps_session
from tests.test_cli import run

# Made by the app (time and chance): the same pattern wherever it is found.
BELLEN_UID = "p019a0b0c0d0e1f2a3b4c5d6e7f"


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.delenv("PATROON_SESSIONS_DIR", raising=False)
    monkeypatch.chdir(tmp_path)


def bellen(pattern_id: str, title: str = "Bellen zonder antwoord") -> OwnPattern:
    return OwnPattern(id=pattern_id, title=title, uid=BELLEN_UID,
                      steps=["Wij bellen", "Niemand neemt op", "Wij bellen niet meer"])


def session(day: int, name: str, tables: list[Table], patterns=(), steps=()):
    made = new_session(session_id=f"2026-10-{day:02d}-{name}", title=name.capitalize(),
                       date=dt.date(2026, 10, day))
    made.tables = tables
    made.patterns = list(patterns)
    made.first_steps = list(steps)
    return made


def five_sessions(folder: Path) -> None:
    """Five sessions: Wereldvrede in three of them (four tables), the own pattern "Bellen
    zonder antwoord" made in the first and taken over (same uid) in the third and fifth,
    an own pattern of one session only, and a table that chose nothing."""
    sessions = [
        session(1, "noord", [
            Table(id="tafel-1", name="Tafel 1", pattern="wereldvrede"),
            Table(id="tafel-2", name="Tafel 2", pattern="eigen-tafel-2"),
        ], patterns=[bellen("eigen-tafel-2")], steps=[
            FirstStep(text="Samen aan tafel met de huisarts", owner="Anna", table="tafel-1"),
            FirstStep(text="Een vast nummer", owner="Piet", table="tafel-2"),
        ]),
        session(8, "zuid", [
            Table(id="tafel-1", name="Tafel 1", pattern="wereldvrede"),
            Table(id="tafel-2", name="Tafel 2", pattern="wereldvrede"),
            Table(id="tafel-3", name="Tafel 3", pattern="tussen-wal-en-schip"),
        ], steps=[
            # Tied by its own key to another pattern than its table's.
            FirstStep(text="Schotten weg", owner="Kees", table="tafel-1",
                      pattern="tussen-wal-en-schip"),
        ]),
        session(15, "oost", [
            Table(id="tafel-1", name="Tafel 1", pattern="eigen-tafel-1"),
            Table(id="tafel-2", name="Tafel 2", pattern=""),
        ], patterns=[bellen("eigen-tafel-1")]),
        session(22, "west", [
            Table(id="tafel-1", name="Tafel 1", pattern="eigen-tafel-1"),
        ], patterns=[OwnPattern(id="eigen-tafel-1", title="Wachten op de ander",
                                steps=["Wij wachten", "Zij wachten"])]),
        session(29, "centrum", [
            Table(id="tafel-1", name="Tafel 1", pattern="wereldvrede"),
            Table(id="tafel-4", name="Tafel 4", pattern="eigen-tafel-4"),
        ], patterns=[bellen("eigen-tafel-4", "Bellen, en niemand neemt op")]),
    ]
    folder.mkdir(exist_ok=True)
    for made in sessions:
        (folder / f"{made.session.id}.toml").write_text(dumps_session(made), "utf-8")


def csv_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""),
                               delimiter=";"))


def test_each_pattern_once_with_its_counts_in_csv(tmp_path, capsysbinary):
    folder = tmp_path / "sessies"
    five_sessions(folder)
    assert main(["patronen", "--sessions-dir", str(folder), "--format", "csv"]) == 0
    rows = csv_rows(capsysbinary.readouterr().out)
    by_title = {row["patroon"]: row for row in rows}
    assert len(rows) == len(by_title) == 4  # each pattern once
    wereldvrede = by_title["Wereldvrede"]
    assert (wereldvrede["soort"], wereldvrede["tafels"], wereldvrede["sessies"]) == (
        "programma", "4", "3")
    assert (wereldvrede["eerste keer"], wereldvrede["laatste keer"]) == (
        "2026-10-01", "2026-10-29")
    assert wereldvrede["eerste stappen"] == "Samen aan tafel met de huisarts (Anna, 2026-10-01)"
    # The own pattern taken over twice is one pattern, named as in its latest session.
    bellen_row = by_title["Bellen, en niemand neemt op"]
    assert (bellen_row["soort"], bellen_row["tafels"], bellen_row["sessies"]) == (
        "eigen", "3", "3")
    assert (bellen_row["eerste keer"], bellen_row["laatste keer"]) == ("2026-10-01",
                                                                       "2026-10-29")
    assert bellen_row["eerste stappen"] == "Een vast nummer (Piet, 2026-10-01)"
    wal = by_title["Tussen wal en schip"]
    assert (wal["tafels"], wal["sessies"], wal["eerste stappen"]) == (
        "1", "1", "Schotten weg (Kees, 2026-10-08)")
    assert by_title["Wachten op de ander"]["tafels"] == "1"
    # Chosen in the most sessions first.
    assert [row["patroon"] for row in rows][:2] == ["Wereldvrede", "Bellen, en niemand neemt op"]


def test_markdown_is_readable(tmp_path, capsysbinary):
    folder = tmp_path / "sessies"
    five_sessions(folder)
    assert main(["patronen", "--sessions-dir", str(folder)]) == 0
    text = capsysbinary.readouterr().out.decode("utf-8")
    assert "5 sessies gelezen, 4 patronen gevonden." in text
    assert "## Wereldvrede (uit het programma)" in text
    assert "Gekozen door 4 tafels in 3 sessies, van 1 oktober 2026 tot 29 oktober 2026." in text
    assert "## Bellen, en niemand neemt op (eigen patroon)" in text
    assert "- Samen aan tafel met de huisarts — Anna (Noord, 1 oktober 2026)" in text
    assert "Gekozen door 1 tafel in 1 sessie, op 22 oktober 2026." in text


def test_a_bad_file_is_skipped_with_a_dutch_line(tmp_path):
    folder = tmp_path / "sessies"
    five_sessions(folder)
    (folder / "2026-10-30-kapot.toml").write_text("dit is [geen toml", "utf-8")
    (folder / "2026-10-31-leeg.toml").write_bytes(b"\xff\xfe")
    result = run("patronen", "--sessions-dir", str(folder), "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("Overgeslagen: ")]
    assert len(skipped) == 2
    assert any("2026-10-30-kapot" in line for line in skipped)
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"), newline=""),
                               delimiter=";"))
    assert {row["patroon"] for row in rows} >= {"Wereldvrede", "Wachten op de ander"}


def test_an_empty_or_missing_folder_lists_nothing(tmp_path, capsysbinary):
    assert main(["patronen", "--sessions-dir", str(tmp_path / "nergens")]) == 0
    assert "0 sessies gelezen, 0 patronen gevonden." in capsysbinary.readouterr().out.decode()


def test_a_typed_formula_stays_text_and_a_step_carried_on_counts_once(tmp_path, capsysbinary):
    folder = tmp_path / "sessies"
    step = FirstStep(text="=HYPERLINK(\"x\")", owner="Anna", table="tafel-1",
                     uid="f019a0b0c0d0e1f2a3b4c5d6e7f")
    first = session(1, "noord", [Table(id="tafel-1", name="Tafel 1", pattern="wereldvrede")],
                    steps=[step])
    # A follow-up carries the step with its uid; its tafel-1 chose another pattern.
    later = session(8, "vervolg", [Table(id="tafel-1", name="Tafel 1",
                                         pattern="tussen-wal-en-schip")],
                    steps=[step.model_copy()])
    folder.mkdir()
    for made in (first, later):
        (folder / f"{made.session.id}.toml").write_text(dumps_session(made), "utf-8")
    assert main(["patronen", "--sessions-dir", str(folder), "--format", "csv"]) == 0
    rows = {row["patroon"]: row for row in csv_rows(capsysbinary.readouterr().out)}
    assert rows["Wereldvrede"]["eerste stappen"] == "'=HYPERLINK(\"x\") (Anna, 2026-10-01)"
    assert rows["Tussen wal en schip"]["eerste stappen"] == ""


def test_a_follow_up_carries_the_own_pattern_and_steps_without_counting_them_twice(
        tmp_path, capsysbinary):
    from patroon_tui.core.model.deck import load_deck
    from patroon_tui.core.sessionfile.follow_up_file import create_follow_up
    from patroon_tui.core.sessionfile.store import SessionStore

    folder = tmp_path / "sessies"
    store = SessionStore(folder)
    first = session(1, "noord", [Table(id="tafel-2", name="Tafel 2", pattern="eigen-tafel-2")],
                    patterns=[bellen("eigen-tafel-2")],
                    steps=[FirstStep(text="Een vast nummer", owner="Piet", table="tafel-2",
                                     uid="f019a0b0c0d0e1f2a3b4c5d6e7f")])
    store.save(first, store.path_for(first.session.id), new=True)
    later = create_follow_up(store, first, load_deck(), date=dt.date(2026, 11, 5))
    later.tables[0].pattern = later.patterns[0].id  # chosen again at the follow-up
    store.save(later, store.path_for(later.session.id))
    assert main(["patronen", "--sessions-dir", str(folder), "--format", "csv"]) == 0
    rows = csv_rows(capsysbinary.readouterr().out)
    assert [(r["patroon"], r["tafels"], r["sessies"], r["eerste keer"], r["laatste keer"],
             r["eerste stappen"]) for r in rows] == [
        ("Bellen zonder antwoord", "2", "2", "2026-10-01", "2026-11-05",
         "Een vast nummer (Piet, 2026-10-01)")]


def test_a_chain_of_follow_ups_of_an_old_file_counts_each_pattern_and_step_once(
        tmp_path, capsysbinary):
    # An old file: no uids, so its records are known by their place ("o-eigen-tafel-2",
    # "f-1"); its follow-ups carry those and name it in ``previous``.
    folder = tmp_path / "sessies"
    first = session(1, "noord", [
        Table(id="tafel-1", name="Tafel 1", pattern="wereldvrede"),
        Table(id="tafel-2", name="Tafel 2", pattern="eigen-tafel-2"),
    ], patterns=[OwnPattern(id="eigen-tafel-2", title="Wachten op elkaar",
                            steps=["Wij wachten", "Zij wachten"])],
        steps=[FirstStep(text="Casusoverleg", owner="GGZ", table="tafel-1",
                         pattern="wereldvrede", breaks_after=3),
               FirstStep(text="Een vast nummer", owner="Piet", table="tafel-2")])
    folder.mkdir()
    (folder / f"{first.session.id}.toml").write_text(dumps_session(first), "utf-8")
    assert "uid" not in (folder / f"{first.session.id}.toml").read_text("utf-8")
    assert main(["vervolg", first.session.id, "--sessions-dir", str(folder),
                 "--date", "2026-11-05"]) == 0
    second = capsysbinary.readouterr().out.decode().strip()
    assert main(["vervolg", second, "--sessions-dir", str(folder), "--date", "2027-01-10"]) == 0
    third = capsysbinary.readouterr().out.decode().strip()
    path = folder / f"{third}.toml"
    # At the third meeting a table chooses the network's own pattern again.
    path.write_text(path.read_text("utf-8").replace('pattern = ""', 'pattern = "eigen-tafel-2"', 1),
                    "utf-8")
    assert main(["patronen", "--sessions-dir", str(folder), "--format", "csv"]) == 0
    rows = csv_rows(capsysbinary.readouterr().out)
    assert [(r["patroon"], r["tafels"], r["sessies"], r["eerste keer"], r["laatste keer"],
             r["eerste stappen"]) for r in rows] == [
        ("Wachten op elkaar", "2", "2", "2026-10-01", "2027-01-10",
         "Een vast nummer (Piet, 2026-10-01)"),
        ("Wereldvrede", "1", "1", "2026-10-01", "2026-10-01", "Casusoverleg (GGZ, 2026-10-01)")]
