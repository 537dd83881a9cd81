"""Snapshots of every kind of screen at 60×20, 80×24 and 160×45, and of presentation mode at
80×24 and 160×45, on a session with something recorded on each screen.

Each picture was looked at before it was accepted: words cut or hidden, a frame broken, a
field out of reach are defects, not a new truth. Fixed date, clock and time zone keep them
stable (see ``test_snapshots``).
"""

from __future__ import annotations

import pytest

from patroon_tui.app import PatroonApp
from patroon_tui.core.model.session import FirstStep, Principle, Table
from patroon_tui.core.sessionfile.store import dumps_session
from tests.app.conftest import FIXED_NOW
from tests.app.test_snapshots import _utc, steady_cursors, write_session

__all__ = ["_utc"]  # the time-zone fixture, used here too

SIZES = {"60x20": (60, 20), "80x24": (80, 24), "160x45": (160, 45)}

#: One screen of each kind in the default deck, and the start screen.
KINDS = {
    "start": None,
    "programme": "programma",
    "quote": "hetzelfde-gesprek",
    "text": "complexer",
    "pattern": "wereldvrede",
    "conversation": "in-gesprek",
    "tables": "tafels",
    "principles": "eigen-principes",
    "triangle": "driehoek",
    "first_steps": "eerste-stappen",
    "summary": "samenvatting",
}


def recorded_session(deck, store, screen: str):
    """A session that has something on every recording screen, saved with fixed stamps."""
    session = write_session(store, "Wijkteam Noord", screen, 5)
    questions = deck.text_questions
    session.tables = [
        Table(id="tafel-1", name="Veiligheidshuis", participants="gemeente, GGZ, corporatie",
              pattern="wereldvrede", layer="relatie",
              answers={questions[0].id: "Herkenbaar: iedereen wacht op de ander.",
                       questions[1].id: "We schuiven aan zonder mandaat."}),
        Table(id="tafel-2", name="Wijkteam Zuid", participants="wijkteam, politie",
              pattern="tussen-wal-en-schip", layer="spelregels"),
    ]
    session.principles = [Principle(text="We beginnen bij de inwoner, niet bij het loket.")]
    session.first_steps = [FirstStep(text="Casustafel elke maand", owner="gemeente",
                                     table="tafel-1")]
    session.layer_notes = {"relatie": "Vertrouwen groeit in kleine stappen."}
    session.notes[screen] = "Iedereen knikt."
    store.path_for(session.session.id).write_text(dumps_session(session), encoding="utf-8")
    return session


def build(deck, store, kind: str) -> PatroonApp:
    screen = KINDS[kind]
    if screen is None:
        write_session(store, "Wijkteam Noord", "wereldvrede", 20)
        write_session(store, "Regio Oost", "programma", 90)
        return PatroonApp(deck, store, now=lambda: FIXED_NOW)
    session = recorded_session(deck, store, screen)
    return PatroonApp(deck, store, session, store.path_for(session.session.id),
                      now=lambda: FIXED_NOW)


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
@pytest.mark.parametrize("kind", KINDS, ids=list(KINDS))
def test_each_kind_at_each_size(snap_compare, deck, store, kind, size):
    app = build(deck, store, kind)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=steady_cursors)


@pytest.mark.parametrize("size", ["80x24", "160x45"])
@pytest.mark.parametrize("kind", ["text", "pattern"])
def test_presentation_mode(snap_compare, deck, store, kind, size):
    app = build(deck, store, kind)

    async def presenting(pilot) -> None:
        await pilot.press("f5")
        await steady_cursors(pilot)

    assert snap_compare(app, terminal_size=SIZES[size], run_before=presenting)
