"""A whole conversation recorded with the keyboard, saved with the store, loaded back equal."""

from __future__ import annotations

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.timer import TableTimer
from patroon_tui.core.sessionfile.store import SessionStore
from patroon_tui.widgets.first_steps import FirstStepsPanel
from patroon_tui.widgets.principles import PrinciplesPanel
from patroon_tui.widgets.tables import TablesPanel
from patroon_tui.widgets.timer import TimerDisplay
from tests.app.body_harness import BodyHarness, paste_text, type_text


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def answers_for(n: int) -> dict[str, str]:
    return {
        "herkenbaar": f'Ja "zo"\n{n} 😀',
        "bijdrage": "We zeggen 'nee' te snel.\n\n\tEn dan…",
        "eerste-stap": f"Bellen 📞 vóór tafel {n}",
        "voor-jezelf": 'Een pad C:\\map met """drie""" aanhalingstekens',
    }


async def fill_table(pilot, panel: TablesPanel, n: int, participants: str, layer_steps: int) -> None:
    """Participants, the four answers, and the layer.

    Table 1's first answer is typed key by key; the rest is pasted, which keeps the test fast.
    """
    panel.focus_first()
    await pilot.pause()
    await (type_text if n == 1 else paste_text)(pilot, participants)
    panel.focus_first_answer()
    await pilot.pause()
    answers = answers_for(n)
    if n == 1:
        await type_text(pilot, answers["herkenbaar"])
    else:
        await paste_text(pilot, answers["herkenbaar"])
    for question in ("bijdrage", "eerste-stap", "voor-jezelf"):
        await pilot.press("tab")
        await paste_text(pilot, answers[question])
    await pilot.press(*["ctrl+l"] * layer_steps)  # the layer choice
    await pilot.pause()


async def test_a_whole_session_round_trips_through_the_store(tmp_path):
    deck = load_deck()
    store = SessionStore(tmp_path / "sessions")
    session = store.create(title="Wijkteam Noord", deck=deck)
    clock = FakeClock()
    timer = TableTimer.from_progress(session.progress, deck.timer_minutes * 60, clock=clock)

    app = BodyHarness(deck, session, lambda d, s: TablesPanel(d, s, id="body"), timer=timer)
    async with app.run_test(size=(100, 30)) as pilot:
        panel = app.query_one(TablesPanel)
        await pilot.press("f6")  # the tables start talking
        clock.now += 300

        # Table 1: an example pattern, chosen in the list.
        await fill_table(pilot, panel, 1, "GGZ, wijk", layer_steps=1)
        await pilot.press(*["ctrl+t"] * 4)  # the fourth pattern of the deck
        await pilot.pause()

        await pilot.press("f6")  # a pause for questions
        clock.now += 120
        await pilot.press("f6")

        # Table 2: its own pattern, made in the editor.
        await pilot.press("ctrl+n")
        await fill_table(pilot, panel, 2, "woningcorporatie", layer_steps=2)
        await pilot.press("ctrl+o")
        await pilot.pause()
        await paste_text(pilot, "Wachten op elkaar")
        await pilot.press("enter")
        for step in ["Vraag komt", "Ieder wacht", "Druk loopt op", "Escalatie"]:
            await paste_text(pilot, step)
            await pilot.press("enter")
        await pilot.press("ctrl+o")
        await pilot.pause()

        # Table 3: chooses table 2's own pattern (the last in the list).
        await pilot.press("ctrl+n")
        await fill_table(pilot, panel, 3, "politie", layer_steps=3)
        await pilot.press(*["ctrl+t"] * 5)  # after the deck's four: the own pattern
        await pilot.pause()

        clock.now += 200
        app.query_one(TimerDisplay).update_now()

    app = BodyHarness(deck, session, lambda d, s: PrinciplesPanel(d, s, id="body"))
    async with app.run_test(size=(100, 30)) as pilot:
        app.query_one(PrinciplesPanel).focus_first()
        await pilot.pause()
        await type_text(pilot, "Bel eerst")
        await pilot.press("enter")
        await paste_text(pilot, 'Samen uit, samen "thuis" 🏠')

    app = BodyHarness(deck, session, lambda d, s: FirstStepsPanel(d, s, id="body"))
    async with app.run_test(size=(100, 30)) as pilot:
        app.query_one("#suggestions").focus()
        await pilot.press("enter")  # table 1's first step
        await pilot.pause()
        await type_text(pilot, "GGZ")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "Casus delen")
        await pilot.press("enter")
        await type_text(pilot, "Wijkteam")

    # What was typed is in the model …
    assert [t.id for t in session.tables] == ["tafel-1", "tafel-2", "tafel-3"]
    assert [t.participants for t in session.tables] == ["GGZ, wijk", "woningcorporatie", "politie"]
    assert [t.pattern for t in session.tables] == ["wereldvrede", "eigen-tafel-2", "eigen-tafel-2"]
    assert [t.layer for t in session.tables] == ["doel", "spelregels", "relatie"]
    for n, table in enumerate(session.tables, start=1):
        assert table.answers == answers_for(n)
    assert [(p.id, p.title, p.steps) for p in session.patterns] == [
        ("eigen-tafel-2", "Wachten op elkaar", ["Vraag komt", "Ieder wacht", "Druk loopt op", "Escalatie"])
    ]
    assert [p.text for p in session.principles] == ["Bel eerst", 'Samen uit, samen "thuis" 🏠']
    assert [(s.text, s.owner, s.table) for s in session.first_steps] == [
        ("Bellen 📞 vóór tafel 1", "GGZ", "tafel-1"),
        ("Casus delen", "Wijkteam", ""),
    ]
    assert session.progress.timer_seconds_left == 25 * 60 - 500
    assert session.progress.timer_running is True

    # … and comes back from the file exactly.
    path = store.save(session)
    loaded = store.load(path)
    assert loaded == session
    assert loaded.tables[0].answers == answers_for(1)

    clock.now += 1000  # reopened later: the running timer continues from what was saved
    resumed = TableTimer.from_progress(loaded.progress, deck.timer_minutes * 60, clock=clock)
    assert resumed.running
    assert resumed.remaining() == 25 * 60 - 500
