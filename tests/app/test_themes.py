"""Themes: ``--thema`` and the palette's "Thema…" per window, remembered per laptop and per
kind of window (never in the session file); an unknown name is one sentence, exit 2."""

from __future__ import annotations

import os
import re

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


async def test_the_start_screens_f5_puts_on_the_audience_windows_theme(deck, store):
    from patroon_tui.app import PatroonApp
    from patroon_tui.core.files.settings import save_theme
    from patroon_tui.screens.audience import AudienceScreen
    from tests.app.conftest import FIXED_NOW

    save_theme("publiek", "beamer")
    store.create(title="Wijkteam Noord", deck=deck, date=FIXED_NOW.date())
    app = PatroonApp(deck, store, now=lambda: FIXED_NOW)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.theme == "textual-dark"  # the start screen is the facilitator's
        await pilot.press("ctrl+o", "f5")
        await until(pilot, lambda: isinstance(app.screen, AudienceScreen))
        assert app.theme == "beamer"
        await pilot.press("ctrl+q")
    assert read_theme("begeleider") == "standaard"


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


# -- NO_COLOR, in a real terminal ------------------------------------------------------

_SGR = re.compile(rb"\x1b\[([0-9;]*)m")
_GREY_BASIC = {30, 37, 40, 47, 90, 97, 100, 107}


def _is_grey_index(index: int) -> bool:
    if index >= 232 or index in (0, 7, 8, 15):
        return True
    if 16 <= index <= 231:
        r, g, b = (index - 16) // 36, (index - 16) // 6 % 6, (index - 16) % 6
        return r == g == b
    return False


def coloured(output: bytes) -> list[str]:
    """Every colour in the terminal output that is not a grey (black and white included)."""
    found = []
    for match in _SGR.finditer(output):
        params = [int(p) for p in match.group(1).split(b";") if p]
        i = 0
        while i < len(params):
            code = params[i]
            if code in (38, 48) and params[i + 1:i + 2] == [2]:
                r, g, b = params[i + 2:i + 5]
                if not r == g == b:
                    found.append(f"{code};2;{r};{g};{b}")
                i += 5
            elif code in (38, 48) and params[i + 1:i + 2] == [5]:
                if not _is_grey_index(params[i + 2]):
                    found.append(f"{code};5;{params[i + 2]}")
                i += 3
            else:
                if (30 <= code <= 47 or 90 <= code <= 107) and code not in _GREY_BASIC | {39, 49}:
                    found.append(str(code))
                i += 1
    return found


@pytest.mark.parametrize("command", ["present", "open"])
@pytest.mark.parametrize("colour_term", ["truecolor", ""])
@pytest.mark.parametrize("no_color", [True, False])
def test_no_color_gives_no_colour_in_the_terminal(tmp_path, monkeypatch, colour_term, no_color,
                                                  command):
    from patroon_tui.core.model.deck import load_deck
    from patroon_tui.core.sessionfile.store import SessionStore
    from tests.app.test_present_terminals import CTRL_Q, start
    from tests.app.test_signals import read_until, wait_for_end

    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("COLORTERM", colour_term)
    deck = load_deck()
    store = SessionStore(tmp_path / "sessies")
    session = store.create(title="Wijkteam Noord", deck=deck)
    # The theme with the most colour to lose: the title in blue, on white.
    pid, fd = start(store, command, session.session.id, "--thema", "beamer", size=(100, 30))
    try:
        seen = read_until(fd, deck.screens[0].title.encode())
        if command == "open":
            seen += read_until(fd, b"Help")  # the footer's keys
            # The tables: the focused field's border, the chosen table, the running timer.
            os.write(fd, b"\x1b[20~" + b"\x1b[17~")  # F9, F6
            seen += read_until(fd, "⏱".encode())
        os.write(fd, CTRL_Q)
        assert wait_for_end(pid, fd) == 0
        pid = None
    finally:
        if pid is not None:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
    assert _SGR.search(seen)  # styled (bold, light and dark) all the same
    # The command line's --thema put on the projector's white and remembered it.
    assert b"48;2;255;255;255m" in seen or b"48;5;231m" in seen  # 24-bit or 256 colours
    assert read_theme("publiek" if command == "present" else "begeleider") == "beamer"
    if no_color:
        assert coloured(seen) == []
    else:  # the check sees colour where there is some
        assert coloured(seen) != []


async def test_a_theme_that_cannot_be_remembered_is_on_all_the_same(make_app, _config_dir):
    _config_dir.parent.mkdir(parents=True, exist_ok=True)
    _config_dir.write_text("geen map\n", encoding="utf-8")  # the config folder is a file
    app = make_app(theme="beamer")
    from tests.app.test_save_failures import notices_of

    notices = notices_of(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: any(text.startswith("Het thema kan niet worden onthouden")
                                       for _, text in notices))
        assert app.theme == "beamer"
        await pilot.press("ctrl+q")
    assert read_theme("begeleider") == "standaard"


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: tuple[int, int, int], other: tuple[int, int, int]) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("name", ["text-muted", "text-disabled"])
@pytest.mark.parametrize("under", ["background", "surface"])
def test_the_beamer_themes_faint_text_is_legible_on_a_wall(name, under):
    """Muted text, and the agenda's part titles and minutes (disabled, the minutes dim
    too), are 4.5:1 at least, as Textual draws them: the colour over its background, dim
    blended towards it."""
    from rich.color import Color as RichColor
    from textual.color import Color
    from textual.filter import dim_color

    from patroon_tui.app.themes import BEAMER

    colours = BEAMER.to_color_system().generate()
    background = Color.parse(colours[under])
    value = colours[name]
    if value.startswith("auto"):  # Textual's "auto 38%": black or white, that strong
        colour = background.get_contrast_text(int(value.split()[1].rstrip("%")) / 100)
    else:
        colour = Color.parse(value)
    text = background + colour
    assert contrast(text.rgb, background.rgb) >= 4.5
    if name == "text-disabled":  # the agenda's minutes and end time are dim as well
        dimmed = dim_color(RichColor.from_rgb(*background.rgb), RichColor.from_rgb(*text.rgb))
        assert contrast(dimmed.triplet, background.rgb) >= 4.5, (under, dimmed)
