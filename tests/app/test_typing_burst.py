"""A burst (hundreds of keys in one write) into an answer: every key lands, in order, and
the field shows its end — where the cursor is and where the next key will go.

What a terminal sends for a paste without bracketed paste, or for fast typing while the app
is busy. The answer already holds more text than its field shows, so the field has to
follow its cursor down.
"""

from __future__ import annotations

import contextlib

import pytest

from patroon_tui.core.model.session import Table
from tests.app.screen_text import shown_in
from tests.app.test_typing import burst
from tests.waiting import until

LONG = "Antwoord dat al lang is. " * 120


@pytest.mark.parametrize("keys", [100, 600])
async def test_a_burst_into_a_long_answer_lands_whole_and_shows_its_end(make_app, deck, keys):
    app = make_app()
    question = deck.text_questions[0].id
    app.session.tables = [Table(id=f"tafel-{n}", name=f"Tafel {n}", answers={question: LONG})
                          for n in range(1, 4)]
    app.session.progress.screen = "tafels"
    typed = ("woord " * keys)[: keys - 5] + "EINDE"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await burst(pilot, "<f9>", typed,
                    until=lambda: app.session.tables[0].answers[question].endswith("EINDE"))
        assert app.session.tables[0].answers[question] == LONG + typed
        field = app.focused
        with contextlib.suppress(AssertionError):  # the field may scroll a moment later
            await until(pilot, lambda: "EINDE" in shown_in(app, field), timeout=3)
        assert "EINDE" in shown_in(app, field), shown_in(app, field)[-200:]
