"""Fixtures for the app tests: the default deck, a store in tmp_path, app factories."""

from __future__ import annotations

import datetime as dt

import pytest

from patroon_tui.app import PatroonApp
from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.sessionfile.store import SessionStore

FIXED_NOW = dt.datetime(2026, 11, 28, 9, 30, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="session")
def deck():
    return load_deck()


@pytest.fixture
def store(tmp_path):
    return SessionStore(tmp_path / "sessies")


@pytest.fixture
def make_app(deck, store):
    """Build the app for a new (or given) session, as the command line does."""

    def make(session=None, *, title="Wijkteam Noord", werkvorm="tafels", **kwargs):
        if session is None:
            session = store.create(title=title, deck=deck, date=FIXED_NOW.date(), werkvorm=werkvorm)
        path = store.path_for(session.session.id)
        return PatroonApp(deck, store, session, path, now=lambda: FIXED_NOW, **kwargs)

    return make


def reopen(store, deck, app, **kwargs):
    """A fresh app on the same session file, as `patroon open ID` would build it."""
    session = store.load(app.path)
    return PatroonApp(deck, store, session, app.path, now=lambda: FIXED_NOW, **kwargs)


def one_per_kind(deck) -> list:
    """The first screen of each kind, in programme order: a sweep meets every kind of
    screen without turning all the pages (the walkthrough does that once)."""
    first: dict = {}
    for screen in deck.screens:
        first.setdefault(screen.kind, screen)
    return list(first.values())
