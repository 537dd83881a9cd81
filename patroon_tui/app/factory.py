"""Building and running the app for a command: the start screen, a new session or a saved
one, the terminal check, and what is said on the terminal once the app is gone."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from patroon_tui.app.patroon import PatroonApp
from patroon_tui.core.model.deck import Deck
from patroon_tui.core.text.terminal_safe import printable

if TYPE_CHECKING:
    from patroon_tui.core.model.session import Session
    from patroon_tui.core.sessionfile.store import SessionStore


def build_app(
    *,
    store: SessionStore,
    deck: Deck,
    session_path: Path | None = None,
    screen: str | None = None,
    new_options: dict | None = None,
    session: Session | None = None,
    theme: str | None = None,
) -> PatroonApp:
    """The app for a command: the start screen, a new session, or a saved one.

    ``session`` is the saved one as ``store`` already read it from ``session_path`` (else
    it is read here); ``theme`` the one ``--thema`` names. Raises ``StoreError`` when the session cannot be made or read.
    """
    if new_options is not None:
        today = dt.date.today()
        session = store.create(
            title=new_options.get("title") or f"Sessie {today:%d-%m-%Y}",
            deck=deck,
            date=new_options.get("date"),
            facilitator=new_options.get("facilitator") or "",
            location=new_options.get("location") or "",
            werkvorm=new_options.get("werkvorm") or "tafels",
        )
        return PatroonApp(deck, store, session, store.path_for(session.session.id),
                          theme=theme)
    if session_path is not None:
        if session is None:
            session = store.load(session_path)
        return PatroonApp(deck, store, session, Path(session_path), start_screen=screen,
                          theme=theme)
    return PatroonApp(deck, store, theme=theme)


def run_app(
    *,
    store: SessionStore,
    deck: Deck,
    session_path: Path | None = None,
    screen: str | None = None,
    new_options: dict | None = None,
    session: Session | None = None,
    theme: str | None = None,
) -> int:
    """Run the app in the terminal until the facilitator quits; returns the exit status.

    Without a terminal (output piped, run from a script) there is nothing to show: ``new``
    still makes the session and says where it is; the other commands say a terminal is
    needed.
    """
    app = build_app(
        store=store, deck=deck, session_path=session_path, screen=screen,
        new_options=new_options, session=session, theme=theme,
    )
    if not in_a_terminal():
        if new_options is not None and app.path is not None:
            print(printable(f"Sessie is aangemaakt in {app.path}. Open hem in een terminal "
                            f"met: patroon open {app.path.stem}"), file=sys.stderr)
            return 0
        print("De app heeft een terminal nodig; start hem in een terminalvenster.",
              file=sys.stderr)
        return 1
    app.run()
    # After the terminal is restored, where the facilitator can read it.
    for kept in app.kept_versions:
        print(printable(f"Iemand anders had het sessiebestand gewijzigd; die versie staat in "
                        f"{kept}."), file=sys.stderr)
    if app.rescue_message:
        print(printable(app.rescue_message), file=sys.stderr)
    return app.return_code or 0


def in_a_terminal() -> bool:
    """Whether input and output are a terminal (a script may have closed either: ``<&-``
    leaves Python no ``sys.stdin`` at all)."""
    return all(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stdout))


def run_audience(*, deck: Deck, session_path: Path, session_id: str, first_screen: str,
                 theme: str | None = None) -> int:
    """Run the audience window of ``patroon present`` until it is quit; the exit status."""
    if not in_a_terminal():
        print("Het publieksvenster heeft een terminal nodig; start het in een terminalvenster.",
              file=sys.stderr)
        return 1
    from patroon_tui.app.audience import AudienceApp

    app = AudienceApp(deck, session_path, session_id, first_screen, theme=theme)
    app.run()
    return app.return_code or 0
