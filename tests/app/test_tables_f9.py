"""F9: from any programme screen, the current table's first answer is one key away."""

from __future__ import annotations

from patroon_tui.core.model.session import Table
from tests.app.body_harness import send_at_once
from tests.app.conftest import one_per_kind


def first_answer_has_focus(app) -> bool:
    focused = app.focused
    return focused is not None and focused.id == "answer-herkenbaar"


async def test_f9_from_every_kind_of_screen(make_app, store, deck):
    session = store.create(title="Sneltoets", deck=deck)
    session.tables.append(Table(id="tafel-2", name="Tafel 2", answers={"herkenbaar": "twee"}))
    session.progress.table = "tafel-2"
    app = make_app(session)
    modes = ("plain", "presenting", "notes")
    tried: set[tuple[str, str]] = set()
    async with app.run_test(size=(80, 24)) as pilot:
        programme = app.screen
        # Each kind of screen in one mode, the modes in turn; text and pattern screens
        # (most of the programme) in every mode.
        kinds = one_per_kind(deck)
        tries = [(screen, modes[n % len(modes)]) for n, screen in enumerate(kinds)]
        tries += [(s, m) for s in kinds if s.kind in ("text", "pattern") for m in modes
                  if (s, m) not in tries]
        for screen, mode in tries:
            programme.go_to(screen.id)
            programme.set_focus(None)
            programme.set_class(mode == "presenting", "-presenting")
            if mode == "notes":
                await pilot.press("f2")
                assert app.focused is programme.notes.text_area
            await pilot.press("f9")  # the one key
            assert programme.current.kind == "tables", (screen.id, mode)
            assert first_answer_has_focus(app), (screen.id, mode, app.focused)
            assert programme.body.current_table_id == "tafel-2"
            programme.remove_class("-notes")
            tried.add((screen.kind, mode))
        await pilot.press("ctrl+q")
    for kind in ("text", "pattern"):
        assert {mode for k, mode in tried if k == kind} == set(modes), kind


async def test_words_typed_right_after_f9_go_into_the_answer(make_app, deck):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        programme = app.screen
        assert programme.current.id == deck.screens[0].id
        # "n" and "p" turn pages when no field has the cursor: none of them may.
        await send_at_once(
            pilot, "f9", "n", "e", "e", "space", "p",
            until=lambda: app.session.tables[0].answers.get("herkenbaar") == "nee p",
        )
        assert programme.current.kind == "tables"
        assert app.session.tables[0].answers["herkenbaar"] == "nee p"
        await pilot.press("ctrl+q")


async def test_letters_typed_outside_a_field_go_into_one(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        programme = app.screen
        await pilot.press("f9")
        await pilot.press("escape")  # out of the answer: the cursor is on nothing
        assert app.focused is None
        await pilot.press("n", "p", "r")  # page keys elsewhere; here they are typed
        assert programme.current.kind == "tables"
        assert app.session.tables[0].answers["herkenbaar"] == "npr"
        await pilot.press("ctrl+l")  # the layer has its own key
        assert app.session.tables[0].layer == "doel"
        await pilot.press("ctrl+q")
