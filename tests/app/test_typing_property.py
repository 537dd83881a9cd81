"""Property: on the tables form, whatever is typed in a burst lands whole and in order.

Key sequences mix runs of text with the keys that move the cursor or change the table
(tab, shift+tab, enter, ctrl+↑/↓, ctrl+t for the pattern, ctrl+l for the layer), all sent
in one burst as a fast typist's terminal would. Afterwards every run of text typed between
two such keys stands, unbroken, in one of the tables' texts (in the session and in the file), and the session holds
exactly as many characters more as were typed: nothing lost, nothing replaced.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from patroon_tui.app import PatroonApp
from patroon_tui.core.model.session import Table
from patroon_tui.core.sessionfile.store import SessionStore
from tests.app.conftest import FIXED_NOW
from tests.app.test_typing import burst

MOVES = ["<tab>", "<shift+tab>", "<enter>", "<ctrl+down>", "<ctrl+up>", "<ctrl+t>", "<ctrl+l>"]
TEXT = st.text(alphabet="abcdeëfgijklmnopqrstuvwxyzABCGHPQ 0123456789", min_size=1, max_size=8)
SEQUENCES = st.lists(st.one_of(TEXT, st.sampled_from(MOVES)), min_size=1, max_size=14)


def typed_texts(tables) -> list[str]:
    """What can be typed on the tables form: each table's name, participants and answers."""
    return [t for table in tables for t in (table.name, table.participants, *table.answers.values())]


def typed_runs(parts: list[str]) -> list[str]:
    """The runs of text between two moving keys, joined where two text parts touch."""
    runs, current = [], ""
    for part in parts:
        if part in MOVES:
            if current:
                runs.append(current)
            current = ""
        else:
            current += part
    if current:
        runs.append(current)
    return runs


def characters(strings: list[str]) -> int:
    return sum(len(s.replace("\n", "")) for s in strings)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(parts=SEQUENCES)
async def test_typed_text_lands_whole_and_in_order_on_the_tables_form(deck, parts):
    with tempfile.TemporaryDirectory() as folder:
        store = SessionStore(Path(folder))
        session = store.create(title="Eigenschap", deck=deck, date=FIXED_NOW.date(),
                               werkvorm="tafels")
        session.tables += [Table(id="tafel-2", name="Tafel 2"), Table(id="tafel-3", name="Tafel 3")]
        session.tables[0].participants = "gemeente"
        session.progress.screen = "tafels"
        path = store.path_for(session.session.id)
        store.save(session, path)
        app = PatroonApp(deck, store, store.load(path), path, now=lambda: FIXED_NOW)
        runs = typed_runs(parts)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            before = characters(typed_texts(app.session.tables))
            expected = before + sum(len(run) for run in runs)
            await burst(
                pilot, *parts, until=lambda: characters(typed_texts(app.session.tables)) >= expected
            )
            held = typed_texts(app.session.tables)
            assert characters(held) == expected, (parts, held)
            for run in runs:
                assert any(run in text for text in held), (run, parts, held)
            await pilot.press("ctrl+q")
        on_disk = typed_texts(store.load(path).tables)
        for run in runs:
            assert any(run in text for text in on_disk), (run, on_disk)
