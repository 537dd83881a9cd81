"""The themes a window can have, and the palette's "Thema…" that picks one.

``standaard`` is the app's own look (Textual's default theme, unchanged); ``beamer`` is
made for a projector: a white background, black text at full strength, dark blue and dark
red that stay apart on a washed-out wall, and thicker lines (the styles for
``App.-theme-beamer`` in each window's CSS). No meaning is carried by colour alone: every
signal says so in words or marks as well.

``Themes`` is a part of an app (the facilitator's or an audience window): it registers the
themes with Textual's theme API, puts on the one given on the command line (``--thema``)
or else the one this laptop remembers for this kind of window (``core/files/settings.py``),
and remembers every choice. ``NO_COLOR`` is Textual's: with it set, every colour is shown
as a grey of the same lightness, so nothing is coloured and contrast stays. (Textual's
ANSI mode, ``App(ansi_color=True)``, would instead leave every colour to the terminal:
it drops the backgrounds that show the cursor in a text field and the chosen table.)
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.app import App
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.theme import Theme

from patroon_tui.core.files.settings import THEMES, WindowKind, read_theme, save_theme
from patroon_tui.core.text.wording import os_reason

BEAMER = Theme(
    name="beamer",
    primary="#003A8C",
    secondary="#1F1F7A",
    accent="#003A8C",
    warning="#8A4B00",
    error="#A30015",
    success="#00612A",
    foreground="#000000",
    background="#FFFFFF",
    surface="#F2F2F2",
    panel="#D6D6D6",
    boost="#E6E6E6",
    dark=False,
    luminosity_spread=0.1,
    text_alpha=1.0,
    variables={
        "footer-key-foreground": "#003A8C",
        "footer-description-foreground": "#000000",
        "text-muted": "#333333",
        # The agenda's part titles and times (disabled options, and dim): Textual's 38%
        # grey is 2.6:1 on the panel, too faint for a wall; this is 4.7:1 even when dim.
        "text-disabled": "#262626",
        "block-cursor-text-style": "bold reverse",
        "input-selection-background": "#003A8C 35%",
    },
)
"""The projector's theme."""

#: What each theme's name puts on (``standaard``: whatever Textual starts with).
_TEXTUAL_NAMES = {"beamer": BEAMER.name}
#: What the palette says of each theme.
_SAYS = {"standaard": "Het gewone uiterlijk van de app",
         "beamer": "Licht, veel contrast en dikke lijnen: leesbaar op een beamer"}


class Themes:
    """The theme of one window: put on at start, chosen in the palette, remembered."""

    def __init__(self, app: App, kind: WindowKind, name: str | None = None) -> None:
        self._app = app
        self.kind: WindowKind = kind
        """The kind of window, under which its theme is remembered."""
        self._standard = app.theme
        app.register_theme(BEAMER)
        self.name = "standaard"
        """The theme's name as the user knows it."""
        self._unsaid: str | None = None
        if name is not None:
            self.use(name)
        else:
            self.use(read_theme(kind), remember=False)

    def use(self, name: str, *, remember: bool = True) -> None:
        """Put on the theme ``name`` (one of ``THEMES``) and, ``remember``, keep it for the
        next start of this kind of window."""
        self.name = name
        textual_name = _TEXTUAL_NAMES.get(name, self._standard)
        if self._app.theme != textual_name:
            self._app.theme = textual_name
        if remember:
            try:
                save_theme(self.kind, name)
            except OSError as exc:
                self._unsaid = f"Het thema kan niet worden onthouden: {os_reason(exc)}."
                if self._app.is_running:
                    self.mounted()

    def mounted(self) -> None:
        """The app runs: say what could not be said before (a choice not remembered)."""
        if self._unsaid is not None:
            self._app.notify(self._unsaid, title="Thema", severity="warning")
            self._unsaid = None

    def become(self, kind: WindowKind) -> None:
        """This window becomes another kind (the start screen's f5: the audience window):
        it puts on the theme remembered for that kind."""
        self.kind = kind
        self.use(read_theme(kind), remember=False)

    def choose(self) -> None:
        """The palette's "Thema…": the themes to pick from, for this window."""
        if not CommandPalette.is_open(self._app):
            self._app.push_screen(CommandPalette(
                providers=[ThemeCommands], placeholder="Kies een thema voor dit venster…",
                id="--command-palette"))


class ThemeCommands(Provider):
    """The themes, by their Dutch names; the one on now is marked."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        themes = getattr(self.app, "themes", None)
        if not isinstance(themes, Themes):
            return []
        return [(f"Thema: {name}", partial(themes.use, name),
                 _SAYS[name] + (" (nu aan)" if name == themes.name else ""))
                for name in THEMES]

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, text=title, help=help_text)
