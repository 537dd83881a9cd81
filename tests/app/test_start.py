"""The start screen: make a new session, or resume a saved one; unreadable files are listed."""

from __future__ import annotations

import pytest
from textual.widgets import Button, Label, OptionList

from patroon_tui.app import PatroonApp
from patroon_tui.screens.programme import ProgrammeScreen
from tests.app.conftest import FIXED_NOW
from tests.platforms import SYSTEMS


@pytest.mark.parametrize("system", SYSTEMS, indirect=True)
async def test_new_session_from_the_form(deck, store, system):
    app = PatroonApp(deck, store, now=lambda: FIXED_NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.screen.id == "start"
        await pilot.press(*"Buurtteam", "tab", "tab", *"Anna", "tab", *"Zaal", "tab", "down", "enter")
        await pilot.press("ctrl+n", "enter")  # back to the title; enter starts
        await pilot.pause()
        assert isinstance(app.screen, ProgrammeScreen)
        assert app.screen.current.id == "programma"
        info = app.session.session
        assert (info.title, info.date, info.facilitator, info.location, info.werkvorm) == (
            "Buurtteam", FIXED_NOW.date(), "Anna", "Zaal", "plenair")
        assert [t.name for t in app.session.tables] == ["Plenair"]
        await pilot.press("ctrl+q")
    assert store.load(app.path).session.title == "Buurtteam"


async def test_pick_a_saved_session_newest_first(deck, store):
    older = store.create(title="Ouder", deck=deck)
    newer = store.create(title="Nieuwer", deck=deck)
    newer.progress.screen = "wereldvrede"
    store.save(newer)
    (store.folder / "kapot.toml").write_text("dit is [geen toml", encoding="utf-8")
    app = PatroonApp(deck, store, now=lambda: FIXED_NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        listing = app.screen.query_one("#saved-list", OptionList)
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert prompts[0].startswith("Nieuwer")
        assert "gestopt bij: Voorbeeld: ‘Wereldvrede’" in prompts[0]
        assert any("kapot.toml" in p for p in prompts)
        assert prompts.index(next(p for p in prompts if p.startswith("Ouder"))) > 0
        await pilot.press("ctrl+o", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ProgrammeScreen)
        assert app.session.session.id == newer.session.id
        assert app.screen.current.id == "wereldvrede"
        await pilot.press("ctrl+q")
    assert older.session.id != newer.session.id


async def test_at_60x20_every_label_and_the_start_button_are_shown_whole(deck, store):
    app = PatroonApp(deck, store, now=lambda: FIXED_NOW)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        form = app.screen.query_one("#new-session")
        assert form.region.width >= 28
        for widget in [*form.query(Label), *form.query(Button)]:
            text = str(widget.render()).strip() if isinstance(widget, Label) else "Start de sessie"
            assert widget.region.width >= len(text), text
            # on screen, not scrolled out of the form
            assert form.region.contains_region(widget.region), text
        await pilot.press("ctrl+q")


async def test_the_chosen_werkvorm_is_named_in_words(deck, store):
    app = PatroonApp(deck, store, now=lambda: FIXED_NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        label = app.screen.query_one("#werkvorm-label", Label)
        assert str(label.render()) == "Werkvorm: aan tafels"
        await pilot.press("tab", "tab", "tab", "tab", "down", "space")
        await pilot.pause()
        assert str(label.render()) == "Werkvorm: plenair"
        await pilot.press("ctrl+q")


async def test_enter_pressed_twice_opens_one_session_and_asks_nothing(deck, store):
    # The second enter was read before the first had opened anything: on the form it
    # wrote a second session and ended the app with a traceback; on the list it found the
    # session locked (by this window) and asked whether to open it read-only.
    from tests.app.test_typing import burst
    from tests.waiting import until

    store.create(title="Oud", deck=deck, date=FIXED_NOW.date())
    app = PatroonApp(deck, store, now=lambda: FIXED_NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.screen.id == "start")
        await burst(pilot, "Nieuw", "<enter>", "<enter>",
                    until=lambda: isinstance(app.screen, ProgrammeScreen))
        await pilot.pause()
        assert [s.id for s in app.screen_stack][1:] == ["programme"]
        await pilot.press("ctrl+q")
    assert sorted(p.stem for p in store.folder.glob("*.toml")) == [
        f"{FIXED_NOW.date().isoformat()}-nieuw", f"{FIXED_NOW.date().isoformat()}-oud"]

    app = PatroonApp(deck, store, now=lambda: FIXED_NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.screen.id == "start")
        await pilot.press("ctrl+o")
        await burst(pilot, "<enter>", "<enter>",
                    until=lambda: isinstance(app.screen, ProgrammeScreen))
        await pilot.pause()
        assert [s.id for s in app.screen_stack][1:] == ["programme"]
        await pilot.press("ctrl+q")
