"""The command palette's provider: every screen of the programme by title, and the actions.

``ctrl+p`` opens it; typing filters ("Ga naar: Wereldvrede", "Opslaan", …).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider

from patroon_tui.app.laptop_keys import laptop_actions

if TYPE_CHECKING:
    from patroon_tui.app.patroon import PatroonApp


class PatroonCommands(Provider):
    """Screens to go to and the app's main actions, in Dutch."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        # Only ``PatroonApp.COMMANDS`` names this provider (typed only: patroon.py imports
        # this module).
        app = cast("PatroonApp", self.app)
        commands: list[tuple[str, Callable[[], object], str]] = []
        programme = app.programme
        if programme is not None and programme.is_attached:
            for screen in programme.deck.screens:
                commands.append(
                    (f"Ga naar: {screen.title}", partial(programme.go_to, screen.id),
                     "Scherm van het programma")
                )
            actions = [
                ("Opslaan", app.action_save, "Sla de sessie nu op (ctrl+s)"),
                ("Presentatiemodus aan/uit", programme.action_presentation, "Alleen de dia (f5)"),
                ("Notities tonen", programme.action_notes, "Notities bij dit scherm (f2)"),
                ("Agenda tonen/verbergen", programme.action_agenda, "De zijbalk (f4)"),
                ("Naar de tafels", programme.action_to_tables, "Wat de tafels zeggen (f9)"),
                ("Publieksvenster voor de beamer", app.explain_present,
                 "Hoe de zaal de dia's ziet zonder je notities"),
                ("Presentatorconsole aan/uit", programme.action_console,
                 "Dia klein, volgende scherm, notities en tijd (f3)"),
                ("Zaal zwart / terug", app.action_blank_room,
                 "Het publieksvenster leeg, en weer terug (ctrl+b of f12)"),
            ]
            if not app.read_only:
                actions.append(("Antwoorden tonen aan de zaal aan/uit",
                                programme.action_show_room, "In het publieksvenster (f10)"))
                actions.append(("Prullenbak", app.trash.show,
                                "Wat verwijderd is: kies het en zet het terug"))
            if programme.has_timer:
                actions.append(("Timer starten/pauzeren", programme.action_timer_toggle, "f6"))
                actions.append(("Timer opnieuw", programme.action_timer_reset, "f7"))
            summary = next((s for s in programme.deck.screens if s.kind == "summary"), None)
            if summary is not None and not app.read_only:
                actions.append(
                    ("Exporteren", partial(programme.export, summary.id), "Het verslag als Markdown")
                )
            commands.extend(actions)
            commands.extend(laptop_actions(programme))
        from patroon_tui.screens.start import StartScreen

        # The screen below the palette (which is itself the app's screen now).
        below = [s for s in app.screen_stack if not isinstance(s, CommandPalette)]
        if below and isinstance(below[-1], StartScreen):
            commands.append(("Publieksvenster van de gekozen sessie", below[-1].action_present,
                             "Deze terminal toont de dia's voor de beamer (f5)"))
            commands.append(("Vervolgsessie…", below[-1].action_follow_up,
                             "Een nieuwe sessie die terugkijkt op de gekozen sessie (ctrl+r)"))
            commands.append(("Samenvoegen…", app.opening.ask_merge,
                             "Kopieën van één sessie van meer laptops samenvoegen"))
        commands.append(("Thema…", app.themes.choose,
                         "Het uiterlijk van dit venster: standaard of beamer"))
        commands.append(("Help: alle toetsen", app.action_help, "f1"))
        commands.append(("Opslaan en afsluiten", app.action_quit, "ctrl+q"))
        return commands

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        found = False
        for title, callback, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                found = True
                yield Hit(score, matcher.highlight(title), callback, text=title, help=help_text)
        if not found:
            # The palette's own "no matches" line is English; say it in Dutch instead.
            yield Hit(0.0001, "Niets gevonden", lambda: None, text="Niets gevonden")
