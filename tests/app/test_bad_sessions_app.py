"""The app and the corpus of ``tests/core/bad_sessions.py``: the start screen shows every good
session beside any number of bad files and opens none of the bad ones; every odd file that
``check`` accepts opens, takes typing, saves and reads back with nothing lost."""

from __future__ import annotations

import tomllib

import pytest
from textual.widgets import OptionList

from patroon_tui.app import PatroonApp
from patroon_tui.cli import main
from patroon_tui.core.sessionfile.store import SessionStore, loads_session
from patroon_tui.core.sessionfile.validation import review
from patroon_tui.screens.programme import ProgrammeScreen
from tests.app.conftest import FIXED_NOW
from tests.core.bad_sessions import BASE, FILE_ID, bad_cases, odd_cases

BAD = bad_cases()
ODD = odd_cases()
GOOD_ID = "2026-11-29-goed"
OPENED = "Aangepast bij het openen"


def _recording(app):
    said: list[tuple[str, dict]] = []
    notify = app.notify

    def recording(message, *args, **kwargs):
        said.append((message, kwargs))
        return notify(message, *args, **kwargs)

    app.notify = recording
    return said


def _write(path, content) -> None:
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


async def test_the_start_screen_lists_all_and_opens_no_bad_file(deck, tmp_path):
    folder = tmp_path / "sessies"
    folder.mkdir()
    good = BASE.replace(f'id = "{FILE_ID}"', f'id = "{GOOD_ID}"')
    _write(folder / f"{GOOD_ID}.toml", good)
    for name, content, _ in BAD:
        _write(folder / f"{name}.toml", content)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    store = SessionStore(folder)
    app = PatroonApp(deck, store, now=lambda: FIXED_NOW)
    said = _recording(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#saved-list", OptionList)
        assert listing.option_count == len(BAD) + 1
        first = str(listing.get_option_at_index(0).prompt)
        assert first.startswith("Wijkteam Noord")
        shown = "\n".join(str(listing.get_option_at_index(i).prompt)
                          for i in range(listing.option_count))
        for name, _, _ in BAD:
            assert f"⚠ {name}.toml" in shown
        for name, _, _ in BAD:
            app.opening.open_path(folder / f"{name}.toml")
        await pilot.pause()
        assert app.screen.id == "start"
        refusals = [m for m, kw in said if kw.get("title") == "Kan niet openen"]
        assert len(refusals) == len(BAD)
        for (name, _, expected), message in zip(BAD, refusals, strict=True):
            assert f"{name}.toml" in message and expected in message, message
            assert "Traceback" not in message
        # The good session still opens from the list.
        await pilot.press("ctrl+o", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ProgrammeScreen)
        await pilot.press("ctrl+q")
    after = {p.name: p.read_bytes() for p in folder.iterdir() if p.suffix == ".toml"}
    assert {k: v for k, v in after.items() if k != f"{GOOD_ID}.toml"} == {
        k: v for k, v in before.items() if k != f"{GOOD_ID}.toml"
    }


def _kept(session) -> dict:
    """What a save must keep: everything but the moment of saving and where the programme is."""
    data = session.model_dump()
    data["session"].pop("updated")
    # What the app adds for merging copies (docs/merging.md) is not something typed.
    for key in ("versions", "writers"):
        data.pop(key)
    for key in ("tables", "patterns", "principles", "first_steps"):
        for record in data[key]:
            record.pop("uid")
    progress = data.pop("progress")
    data["kept_progress"] = {
        k: progress.get(k) for k in ("timer_seconds_left", "timer_seconds_total", "table")
    }
    return data


@pytest.mark.parametrize(("name", "text", "notices"), ODD, ids=[c[0] for c in ODD])
async def test_an_odd_file_opens_takes_typing_and_saves(deck, tmp_path, capsys, name, text,
                                                        notices):
    folder = tmp_path / "sessies"
    folder.mkdir()
    path = folder / f"{FILE_ID}.toml"
    _write(path, text)
    assert main(["check", str(path)]) == 0
    capsys.readouterr()
    store = SessionStore(folder)
    # What the app should end up with: the file as read, set right as opening says.
    expected = loads_session(text, str(path))
    review(expected, path, deck=deck)
    app = PatroonApp(deck, store, store.load(path), path, now=lambda: FIXED_NOW)
    said = _recording(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProgrammeScreen) and not app.screen.read_only
        told = [m for m, kw in said if kw.get("title") == OPENED]
        assert len(told) == len(notices)
        for fragment, message in zip(notices, told, strict=True):
            assert f"In {path} bij {fragment}:" in message
        screen_id = app.session.progress.screen
        await pilot.press("f2", "x", "y", "z", "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+q")
    saved = store.load(path)
    assert saved.notes[screen_id] == expected.notes.get(screen_id, "") + "xyz"
    if screen_id in expected.notes:
        saved.notes[screen_id] = expected.notes[screen_id]
    else:
        del saved.notes[screen_id]
    if expected.progress.timer_seconds_total is None and (
        saved.progress.timer_seconds_total == deck.timer_minutes * 60
    ):
        # A timer that has run writes the length it runs with (the deck's) once it saves
        # its state, which may happen before the save or not: both say the same.
        saved.progress.timer_seconds_total = None
    assert _kept(saved) == _kept(expected) or _same_but_nan(_kept(saved), _kept(expected))
    assert saved.progress.screen == expected.progress.screen
    # Any TOML reader can read what was saved, and check accepts it without a word.
    written = path.read_text(encoding="utf-8")
    tomllib.loads(written)
    assert "\u202e" not in written
    # What opening set right was saved; what it only said (a step of a removed table, a
    # pattern id) is said again.
    assert main(["check", str(path)]) == 0
    again = capsys.readouterr().out.splitlines()[1:]
    only_said = [f for f in notices if f.split("[")[0] in {"first_steps", "patterns", "tables"}
                 and not f.endswith(".uid")]  # a uid renamed is saved
    assert len(again) == len(only_said), again


def _same_but_nan(a, b) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same_but_nan(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same_but_nan(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True
    return a == b


async def test_a_plenary_without_its_record_takes_what_is_typed_on_its_screen(deck, tmp_path):
    # Opening gives it the one record: what is typed goes there and is saved.
    from tests.app.test_typing import burst

    folder = tmp_path / "sessies"
    folder.mkdir()
    path = folder / f"{FILE_ID}.toml"
    odd = {name: text for name, text, _ in ODD}
    _write(path, odd["plenair-zonder-gesprek"])
    store = SessionStore(folder)
    app = PatroonApp(deck, store, store.load(path), path, now=lambda: FIXED_NOW)
    said = _recording(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.session.progress.screen == "tafels"
        assert any("plenair" in m and kw.get("title") == OPENED for m, kw in said)
        await burst(pilot, "woord", until=lambda: "woord" in str(app.session.tables[0]))
        await pilot.press("ctrl+n")  # a plenary has one record: none is added
        await pilot.pause()
        assert len(app.session.tables) == 1
        await pilot.press("ctrl+q")
    saved = store.load(path)
    assert [t.name for t in saved.tables] == ["Plenair"]
    assert "woord" in saved.tables[0].participants + "".join(saved.tables[0].answers.values())
