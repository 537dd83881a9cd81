"""Merging in the app: "Samenvoegen…" on the start screen, and a merged session with a
conflict opened, shown and resolved by editing."""

from __future__ import annotations

import shutil

import pytest

from patroon_tui.app import PatroonApp
from patroon_tui.core.model.session import Table
from patroon_tui.core.model.versions import Baseline, stamp
from patroon_tui.core.sessionfile.store import SessionStore
from patroon_tui.dialogs.merge import MergeScreen
from tests.app.conftest import FIXED_NOW
from tests.app.test_typing import burst, palette_offers
from tests.core.test_merge import renamed
from tests.platforms import SYSTEMS
from tests.waiting import until


def two_copies(deck, store: SessionStore):
    session = store.create(title="Wijkteam Noord", deck=deck, date=FIXED_NOW.date())
    original = store.path_for(session.session.id)
    paths = []
    for number in (1, 2):
        path = original.with_name(f"{original.stem}-laptop{number}.toml")
        shutil.copy(original, path)
        copy = store.load(path)
        baseline = Baseline.of(copy)
        copy.tables[0].answers["herkenbaar"] = f"Gezegd aan tafel, laptop {number}"
        copy.tables.append(Table(id="tafel-2", name="Tafel 2", participants=f"laptop {number}"))
        stamp(copy, baseline, f"laptop{number}")
        store.save(copy, path)
        paths.append(path)
    original.unlink()
    return paths


@pytest.mark.parametrize("system", SYSTEMS, indirect=True)
async def test_samenvoegen_on_the_start_screen_merges_the_ticked_copies(deck, store, system):
    paths = two_copies(deck, store)
    before = [p.read_bytes() for p in paths]
    app = PatroonApp(deck, store, now=lambda: FIXED_NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await burst(pilot, "Samenvoegen")
        await until(pilot, lambda: palette_offers(app, "Samenvoegen…"))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MergeScreen))
        await pilot.press("tab", "enter")  # nothing ticked yet: said, the dialog stays
        assert isinstance(app.screen, MergeScreen)
        # Letters and space are no commands here: they tick and merge nothing.
        await pilot.press("shift+tab", "s", "space", "j")
        assert isinstance(app.screen, MergeScreen)
        assert app.screen.query_one("#merge-list").selected == []
        await pilot.press("enter", "down", "enter", "tab", "enter")
        await until(pilot, lambda: app.screen.id == "start")
        await until(pilot, lambda: len(store.list()) == 3)
        await pilot.press("ctrl+q")
    assert [p.read_bytes() for p in paths] == before
    merged = next(e for e in store.list() if e.path not in paths)
    session = store.load(merged.path)
    assert renamed([t.name for t in session.tables])
    assert list(session.conflicts) == ["tables/t-tafel-1/answers/herkenbaar"]


async def test_a_merged_conflict_is_said_shown_with_both_versions_and_resolved_by_editing(
        deck, store):
    from patroon_tui.core.merge import merge_files
    from tests.app.screen_text import screen_rows

    path, _ = merge_files(store, two_copies(deck, store))
    session = store.load(path)
    session.progress.screen = "tafels"
    store.save(session, path)
    app = PatroonApp(deck, store, store.load(path), path, now=lambda: FIXED_NOW)
    told: list[str] = []
    notify = app.notify
    app.notify = lambda message, **kw: (told.append(message), notify(message, **kw))
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: any("anders is ingevuld" in m for m in told))
        await pilot.press("f9")  # the cursor in the first answer: the one in conflict
        await until(pilot, lambda: any("laptop 1" in r for r in screen_rows(app)))
        text = "\n".join(screen_rows(app))
        assert "Gezegd aan tafel, laptop 1" in text and "Gezegd aan tafel, laptop 2" in text
        # A word added is not a resolution: the marked lines are still there.
        await burst(pilot, " en meer")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        assert store.load(path).conflicts is not None
        # The facilitator keeps what is right and removes the rest: resolved.
        field = app.focused
        field.text = "Samen gezegd"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+q")
    saved = store.load(path)
    assert saved.tables[0].answers["herkenbaar"] == "Samen gezegd"
    assert saved.conflicts is None


async def test_a_fault_in_the_versions_never_stops_a_save(make_app, store, monkeypatch):
    from patroon_tui.app import autosave

    def broken(*args, **kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr(autosave, "stamp", broken)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        await burst(pilot, "nog steeds bewaard")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        assert app.save_state == "saved"
        await pilot.press("ctrl+q")
    assert store.load(app.path).notes["programma"] == "nog steeds bewaard"
