"""The trash: a table, principle or first step removed with F8 (and a deliberate yes) is
kept in the session, and the palette's "Prullenbak" puts it back, on screen and in the file.
"""

from __future__ import annotations

import pytest
from textual.command import CommandPalette

from patroon_tui.core.model.session import FirstStep, Principle, Table
from patroon_tui.dialogs.confirm import ConfirmScreen
from patroon_tui.dialogs.trash import EMPTY, TrashScreen
from patroon_tui.screens.programme import ProgrammeScreen
from patroon_tui.widgets.tables import TablesPanel
from tests.app.screen_text import screen_rows
from tests.app.test_typing import burst, palette_offers, saved
from tests.waiting import until

ANSWERS = {"herkenbaar": "Elke week bij het casusoverleg", "bijdrage": "Wij bellen eerst",
           "eerste-stap": "Maandelijks overleg", "voor-jezelf": ""}


def prepared(make_app, store, screen: str):
    """An app on a saved session with a second table, two principles and a first step."""
    app = make_app()
    session = app.session
    session.tables.append(Table(id="tafel-2", name="Tafel Zuid", participants="GGZ, politie",
                                answers=dict(ANSWERS)))
    session.principles = [Principle(text="Eerst bellen, dan nee zeggen"),
                          Principle(text="We delen wat we weten")]
    session.first_steps = [FirstStep(text="Casusoverleg elke maand", owner="Wijkteam",
                                     table="tafel-2")]
    session.progress.screen = screen
    store.save(session, app.path)
    return app


def on_screen(app, text: str) -> bool:
    return any(text in row for row in screen_rows(app))


async def answer_yes(pilot) -> None:
    """Answer the question deliberately: to the "Ja" button, then enter."""
    await until(pilot, lambda: isinstance(pilot.app.screen, ConfirmScreen))
    await pilot.press("left")
    await until(pilot, lambda: getattr(pilot.app.focused, "id", None) == "confirm-yes")
    await pilot.press("enter")
    await until(pilot, lambda: not isinstance(pilot.app.screen, ConfirmScreen))


async def open_trash(pilot) -> TrashScreen:
    app = pilot.app
    await pilot.press("ctrl+p")
    await until(pilot, lambda: isinstance(app.screen, CommandPalette))
    await burst(pilot, "prullenbak", until=lambda: palette_offers(app, "Prullenbak"))
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, TrashScreen))
    return app.screen


async def put_back_first(pilot) -> None:
    await open_trash(pilot)
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, ProgrammeScreen))


async def remove_the_second_table(pilot) -> TablesPanel:
    """On the tables screen: to the second table, F8, and a deliberate "Ja"."""
    panel = pilot.app.query_one(TablesPanel)
    await until(pilot, lambda: panel.current_table_id is not None)
    await pilot.press("ctrl+down")
    await until(pilot, lambda: panel.current_table_id == "tafel-2")
    await pilot.press("f8")
    await answer_yes(pilot)
    return panel


async def test_a_removed_table_comes_back_from_the_trash_with_all_its_text(make_app, store):
    app = prepared(make_app, store, "tafels")
    async with app.run_test(size=(100, 30)) as pilot:
        panel = app.query_one(TablesPanel)
        await until(pilot, lambda: panel.current_table_id is not None)
        await pilot.press("ctrl+down")
        await until(pilot, lambda: panel.current_table_id == "tafel-2")
        uid = app.session.tables[1].uid
        await pilot.press("f8")
        await answer_yes(pilot)
        assert [t.id for t in app.session.tables] == ["tafel-1"]
        # Removed, and kept: in the model and in the file.
        on_disk = saved(store, app)
        assert [t.id for t in on_disk.tables] == ["tafel-1"]
        assert [e.table.answers for e in on_disk.trash] == [ANSWERS]
        assert f"tables/{uid}" in (on_disk.removed or {})
        text = app.path.read_text(encoding="utf-8")
        assert "[trash.table]" in text and "Wij bellen eerst" in text
        # Something typed since: ctrl+z undoes there; the trash still has the table.
        await burst(pilot, "x")
        await put_back_first(pilot)
        assert [t.id for t in app.session.tables] == ["tafel-1", "tafel-2"]
        back = app.session.tables[1]
        assert (back.uid, back.name, back.participants, back.answers) == (
            uid, "Tafel Zuid", "GGZ, politie", ANSWERS)
        await until(pilot, lambda: panel.current_table_id == "tafel-2")
        await until(pilot, lambda: on_screen(app, "Wij bellen eerst"))
        on_disk = saved(store, app)
        assert on_disk.tables[1].answers == ANSWERS and on_disk.tables[1].uid == uid
        assert on_disk.trash is None
        assert f"tables/{uid}" not in (on_disk.removed or {})


async def test_ctrl_z_right_after_a_removal_still_puts_the_table_back(make_app, store):
    app = prepared(make_app, store, "tafels")
    async with app.run_test(size=(100, 30)) as pilot:
        await remove_the_second_table(pilot)
        await pilot.press("ctrl+z")
        await until(pilot, lambda: len(app.session.tables) == 2)
        assert app.session.tables[1].answers == ANSWERS
        assert app.session.trash is None
        assert saved(store, app).trash is None
        screen = await open_trash(pilot)
        assert screen.entries == []
        assert on_screen(app, EMPTY)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ProgrammeScreen))


@pytest.mark.parametrize(
    ("screen", "text", "kept"),
    [("eigen-principes", "Eerst bellen, dan nee zeggen", "principles"),
     ("eerste-stappen", "Casusoverleg elke maand", "first_steps")],
)
async def test_a_removed_principle_or_first_step_comes_back_where_it_was(
    make_app, store, screen, text, kept
):
    app = prepared(make_app, store, screen)
    async with app.run_test(size=(100, 30)) as pilot:
        items = getattr(app.session, kept)
        before = [item.model_copy() for item in items]
        await until(pilot, lambda: on_screen(app, text))
        await until(pilot, lambda: app.focused is not None)
        await pilot.press("f8")  # the cursor is in the first item
        await answer_yes(pilot)
        assert [i.text for i in getattr(app.session, kept)] == [i.text for i in before[1:]]
        on_disk = saved(store, app)
        assert [getattr(e, kept[:-1]).text for e in on_disk.trash] == [text]
        await until(pilot, lambda: not on_screen(app, text))
        await put_back_first(pilot)
        assert getattr(app.session, kept) == before
        await until(pilot, lambda: on_screen(app, text))
        assert getattr(saved(store, app), kept) == before


async def test_the_trash_lists_newest_first_and_a_letter_typed_there_is_text_below(
    make_app, store
):
    app = prepared(make_app, store, "eigen-principes")
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.focused is not None)
        await pilot.press("f8")
        await answer_yes(pilot)
        await until(pilot, lambda: len(app.session.principles) == 1)
        kept = app.session.principles[0].text
        screen = await open_trash(pilot)
        removed = {"We delen wat we weten", "Eerst bellen, dan nee zeggen"} - {kept}
        assert [e.principle.text for e in screen.entries] == list(removed)
        # A word typed at the trash is no command of it: the dialog closes and the word
        # goes on into the field the cursor was in, whole.
        await burst(pilot, " jn q", until=lambda: app.session.principles[0].text.endswith("q"))
        assert app.session.principles[0].text == kept + " jn q"
        assert isinstance(app.screen, ProgrammeScreen)
        await pilot.press("f8")
        await answer_yes(pilot)
        await until(pilot, lambda: not app.session.principles)
        screen = await open_trash(pilot)
        assert [e.principle.text for e in screen.entries] == [kept + " jn q", *removed]
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, ProgrammeScreen))
        assert len(app.session.principles) == 1
        assert [e.principle.text for e in app.session.trash] == [kept + " jn q"]


async def test_summary_and_report_leave_trashed_records_out(make_app, store):
    from patroon_tui.core.report.markdown import render_report

    app = prepared(make_app, store, "tafels")
    async with app.run_test(size=(100, 30)) as pilot:
        await remove_the_second_table(pilot)
        app.programme.go_to("samenvatting")
        await until(pilot, lambda: on_screen(app, "Tafel 1"))
        assert not on_screen(app, "Tafel Zuid")
        assert not on_screen(app, "Wij bellen eerst")
        report = render_report(saved(store, app), app.deck)
        assert "Tafel Zuid" not in report and "Wij bellen eerst" not in report


async def test_ctrl_z_after_the_trash_put_the_table_back_does_not_put_it_back_twice(
    make_app, store
):
    app = prepared(make_app, store, "tafels")
    async with app.run_test(size=(100, 30)) as pilot:
        panel = await remove_the_second_table(pilot)
        await put_back_first(pilot)
        await until(pilot, lambda: panel.current_table_id == "tafel-2")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [t.id for t in app.session.tables] == ["tafel-1", "tafel-2"]
        assert app.session.trash is None


async def test_a_new_own_pattern_thrown_away_comes_back_from_the_trash(make_app, store):
    from patroon_tui.dialogs.own_pattern import OwnPatternScreen

    app = prepared(make_app, store, "tafels")
    async with app.run_test(size=(100, 30)) as pilot:
        panel = app.query_one(TablesPanel)
        await until(pilot, lambda: panel.current_table_id is not None)
        await pilot.press("ctrl+o")
        await until(pilot, lambda: isinstance(app.screen, OwnPatternScreen)
                    and app.screen.is_mounted)
        await burst(pilot, "Eigen lus", until=lambda: app.session.patterns)
        await pilot.click("#own-discard")  # no key throws typed words away
        await answer_yes(pilot)
        await until(pilot, lambda: isinstance(app.screen, ProgrammeScreen))
        assert app.session.patterns == []
        assert [e.pattern.title for e in saved(store, app).trash] == ["Eigen lus"]
        screen = await open_trash(pilot)
        assert on_screen(app, "Eigen patroon: Eigen lus")
        assert len(screen.entries) == 1
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ProgrammeScreen))
        assert [p.title for p in saved(store, app).patterns] == ["Eigen lus"]
