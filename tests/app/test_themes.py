"""Themes: ``--thema`` and the palette's "Thema…" per window, remembered per laptop and per
kind of window (never in the session file); an unknown name is one sentence, exit 2."""

from __future__ import annotations

import pytest

from patroon_tui.app.audience import AudienceApp
from patroon_tui.cli import main
from patroon_tui.core.files.settings import read_theme, settings_path
from tests.app.conftest import reopen
from tests.app.test_audience import Clocks, audience, screen_text
from tests.app.test_typing import burst
from tests.waiting import until


async def pick(pilot, typed: str, seen: str) -> None:
    """In the palette open now, type ``typed`` and take the hit once ``seen`` is shown."""
    await burst(pilot, *typed)
    await until(pilot, lambda: seen in screen_text(pilot.app))
    await pilot.press("enter")


async def choose_theme(pilot, name: str) -> None:
    """The facilitator's palette: "Thema…", then the theme ``name``."""
    await pilot.press("ctrl+p")
    await until(pilot, lambda: pilot.app.screen.id == "--command-palette")
    await pick(pilot, "Thema", "Thema…")
    await until(pilot, lambda: "Thema: beamer" in screen_text(pilot.app))
    await pick(pilot, name, f"Thema: {name}")


async def test_the_theme_given_is_on_and_remembered_for_the_next_start(make_app, store, deck):
    app = make_app(theme="beamer")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.programme is not None and app.programme.is_mounted)
        assert app.theme == "beamer"
        assert app.has_class("-theme-beamer")
        await pilot.press("ctrl+q")
    assert read_theme("begeleider") == "beamer"
    assert read_theme("publiek") == "standaard"
    # Never in the session file.
    assert "beamer" not in app.path.read_text(encoding="utf-8")
    again = reopen(store, deck, app)
    async with again.run_test(size=(80, 24)) as pilot:
        assert again.theme == "beamer"
        await pilot.press("ctrl+q")


async def test_without_a_setting_the_look_is_the_default_one(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+q")
    assert not settings_path().exists()


async def test_the_palette_switches_the_theme_of_the_facilitators_window(make_app, store, deck):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.programme is not None and app.programme.is_mounted)
        await choose_theme(pilot, "beamer")
        await until(pilot, lambda: app.theme == "beamer")
        await until(pilot, lambda: app.screen is app.programme)
        await choose_theme(pilot, "standaard")
        await until(pilot, lambda: app.theme == "textual-dark")
        await pilot.press("ctrl+q")
    assert read_theme("begeleider") == "standaard"


async def test_the_audience_window_has_its_own_theme(make_app, deck):
    app = make_app()
    viewer = audience(deck, app, Clocks())
    async with viewer.run_test(size=(100, 30)) as pilot:
        assert viewer.theme == "textual-dark"
        await pilot.press("ctrl+p")  # its one palette: the themes
        await pick(pilot, "beamer", "Thema: beamer")
        await until(pilot, lambda: viewer.theme == "beamer")
        await pilot.press("ctrl+q")
    assert (read_theme("publiek"), read_theme("begeleider")) == ("beamer", "standaard")
    again = AudienceApp(deck, app.path, app.session.session.id, "programma", poll_every=None)
    async with again.run_test(size=(100, 30)) as pilot:
        assert again.theme == "beamer"
        await pilot.press("ctrl+q")


@pytest.mark.parametrize("command", ["open", "present", "new"])
def test_an_unknown_theme_is_one_sentence_naming_the_themes(make_app, command, capsys):
    app = make_app()
    argv = [command, *([app.session.session.id] if command != "new" else []),
            "--thema", "neon", "--sessions-dir", str(app.store.folder)]
    assert main(argv) == 2
    # As any wrong option: the usage line, then one sentence naming the themes there are.
    assert capsys.readouterr().err.endswith(
        f"patroon {command}: fout: --thema: Thema 'neon' bestaat niet; kies standaard of "
        "beamer.\n")
    assert not settings_path().exists()
