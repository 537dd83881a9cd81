"""Questions and dialogs never take a printable key as a command (docs/typing.md).

A letter, digit or space typed while a question is up closes it with the safe answer and
goes, with the keys typed after it, to the field the cursor was in; the help closes the
same way; a dialog with fields of its own keeps the letters in them. No key typed at a
dialog reaches the screen under it. Keys are sent as a terminal sends them, in one burst.
"""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from patroon_tui.core.model.session import Table
from patroon_tui.dialogs.choice import ChoiceDialog
from patroon_tui.dialogs.confirm import ConfirmScreen
from patroon_tui.dialogs.help import HelpScreen
from patroon_tui.dialogs.own_pattern import OwnPatternScreen
from patroon_tui.keyboard import is_text_field
from patroon_tui.screens.programme import ProgrammeScreen
from patroon_tui.widgets.tables import TablesPanel
from tests.app.test_save_failures import broken_writer
from tests.app.test_typing import burst, saved
from tests.waiting import until

#: Letters that were answers or commands somewhere (j/n/y answered questions, s merged, q
#: and ? closed the help, space pressed a button), in one marker word.
MARKER = "jazeker nys q?"

#: Keys of the programme and the tables screen (pages, timer, pattern, layer, table,
#: notes, presentation): none of them may act while a dialog is up.
BELOW = ("<pagedown>", "<pageup>", "<f9>", "<f2>", "<f5>", "<ctrl+t>", "<ctrl+l>",
         "<ctrl+g>", "<ctrl+down>", "<ctrl+up>", "<f6>", "<f7>")


def texts(table: Table) -> dict[str, str]:
    """Every text a facilitator types for ``table``, by where it goes."""
    return {"name": table.name, "participants": table.participants,
            **{f"answer:{key}": value for key, value in table.answers.items()}}


def changed(before: dict[str, str], after: dict[str, str]) -> dict[str, tuple[str, str]]:
    return {k: (before.get(k, ""), v) for k, v in after.items() if before.get(k, "") != v}


def two_tables(make_app, store):
    """A session on the tables screen with two tables, the second with four answers."""
    app = make_app()
    session = app.session
    keys = list(session.tables[0].answers) or ["herkenbaar", "bijdrage", "effect", "anders"]
    session.tables[0].participants = "Gemeente"
    session.tables.append(Table(
        id="tafel-2", name="Tafel 2", participants="Politie, OM",
        answers={key: f"antwoord {n}" for n, key in enumerate(keys[:4], start=1)},
    ))
    session.progress.screen = "tafels"
    store.save(session, app.path)
    return app


def shown(field) -> str:
    """What a text field shows (a one-line field's value, an answer's text)."""
    return field.text if isinstance(field, TextArea) else field.value


async def on_table_two(pilot):
    """The tables screen with the second table shown and the cursor in one of its fields
    (its first answer: nothing was typed there yet)."""
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, ProgrammeScreen)
                and bool(app.screen.query(TablesPanel)))
    panel = app.screen.query_one(TablesPanel)
    await burst(pilot, "<ctrl+down>", until=lambda: panel.current_table_id == "tafel-2")
    await until(pilot, lambda: is_text_field(app.focused))
    return panel


@pytest.mark.parametrize("typed", ["jazeker", " en meer", MARKER])
async def test_typing_at_the_remove_question_keeps_the_table_and_every_letter(
    make_app, store, typed
):
    """Reproduction 2 of issue 27: F8, then typing on, in one burst."""
    app = two_tables(make_app, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_table_two(pilot)
        before = texts(app.session.tables[1])
        await burst(pilot, "<f8>", typed,
                    until=lambda: any(v.endswith(typed) for v in texts(app.session.tables[1]).values()))
        assert not isinstance(app.screen, ConfirmScreen)
        assert [t.id for t in app.session.tables] == ["tafel-1", "tafel-2"]
        # One field got the letters, whole and in order: the one the cursor was in.
        diff = changed(before, texts(app.session.tables[1]))
        assert len(diff) == 1, diff
        [(old, new)] = diff.values()
        assert new == old + typed
        assert "name" not in diff
        assert texts(app.session.tables[0])["participants"] == "Gemeente"
        on_disk = saved(store, app)
        assert [t.id for t in on_disk.tables] == ["tafel-1", "tafel-2"]
        assert texts(on_disk.tables[1]) == texts(app.session.tables[1])
        await pilot.press("ctrl+q")
    assert typed.replace('"', '\\"').encode() in app.path.read_bytes()


async def test_the_table_goes_only_when_ja_is_chosen_with_the_arrows(make_app, store):
    app = two_tables(make_app, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_table_two(pilot)
        await burst(pilot, "<f8>", until=lambda: isinstance(app.screen, ConfirmScreen))
        question = app.screen
        assert question.focused.id == "confirm-no"
        shown = " ".join(str(b.label) for b in question.query("Button"))
        assert "(j)" not in shown and "(n)" not in shown
        # Tab and the arrows choose, but only Enter answers.
        await burst(pilot, "<tab>", "<right>", "<shift+tab>")
        assert app.screen is question and question.focused.id == "confirm-yes"
        await burst(pilot, "<enter>", until=lambda: len(app.session.tables) == 1)
        assert [t.id for t in app.session.tables] == ["tafel-1"]
        await pilot.press("ctrl+q")


async def test_typing_at_the_help_closes_it_and_the_letters_land_in_the_field(make_app, store):
    app = two_tables(make_app, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_table_two(pilot)
        before = texts(app.session.tables[1])
        await burst(pilot, "<f1>", MARKER,
                    until=lambda: any(v.endswith(MARKER) for v in texts(app.session.tables[1]).values()))
        assert not isinstance(app.screen, HelpScreen)
        diff = changed(before, texts(app.session.tables[1]))
        assert [new for _old, new in diff.values()] == [
            old + MARKER for old, _new in diff.values()
        ] and len(diff) == 1
        # Esc and F1 close it too, and no letter opens it.
        await burst(pilot, "<f1>", until=lambda: isinstance(app.screen, HelpScreen))
        await burst(pilot, "<escape>", until=lambda: not isinstance(app.screen, HelpScreen))
        await pilot.press("ctrl+q")


async def test_typing_at_the_quit_question_keeps_the_app_open_and_the_words(
    make_app, store, monkeypatch
):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        broken_writer(store, monkeypatch, RuntimeError("kapot"))
        await burst(pilot, "<f2>", "Eerst", "<ctrl+q>",
                    until=lambda: isinstance(app.screen, ChoiceDialog))
        shown = " ".join(str(b.label) for b in app.screen.query("Button"))
        assert "(" not in shown  # no answer has a letter of its own
        await burst(pilot, MARKER,
                    until=lambda: app.session.notes.get("programma", "").endswith(MARKER))
        assert app.is_running and isinstance(app.screen, ProgrammeScreen)
        assert app.session.notes["programma"] == "Eerst" + MARKER
        monkeypatch.undo()
        await pilot.press("ctrl+q")
    assert store.load(app.path).notes["programma"] == "Eerst" + MARKER


async def test_no_key_typed_at_a_dialog_reaches_the_screen_under_it(make_app, store):
    """Every dialog of the tables screen in turn, with the letters that used to be keys:
    a question and the help close on them and hand them to the field; the own-pattern
    editor keeps them in its fields; the tables screen under them never acts on one."""
    app = two_tables(make_app, store)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await on_table_two(pilot)
        programme = app.screen
        where = programme.current.id
        field = app.focused
        start = shown(field)
        table = app.session.tables[1]
        progress = app.session.progress
        choices = (table.pattern, table.layer, progress.timer_seconds_total,
                   progress.timer_running, progress.timer_seconds_left)
        # A question, the help: the keys of the screen below do nothing there, and the
        # word goes on into the field the cursor was in.
        for opener in ("<f8>", "<f1>"):
            start += MARKER
            await burst(pilot, opener, *BELOW, MARKER,
                        until=lambda start=start: app.focused is field and shown(field) == start)
            assert shown(field) == start
            assert app.screen is programme
        # The editor: the word stays in its title; ctrl+g (the timer) and the other keys
        # of the screen below do nothing there.
        await burst(pilot, "<ctrl+o>", MARKER, *BELOW, MARKER,
                    until=lambda: isinstance(app.screen, OwnPatternScreen)
                    and app.screen.first_field.value == MARKER * 2)
        assert app.session.patterns[0].title == MARKER * 2
        await burst(pilot, "<escape>", until=lambda: app.screen is programme)
        # Nothing reached the screen under the dialogs: the same screen, the same table,
        # both tables there, and no other field changed.
        assert programme.current.id == where
        assert panel.current_table_id == "tafel-2"
        assert [t.id for t in app.session.tables] == ["tafel-1", "tafel-2"]
        assert shown(field) == start
        assert (table.pattern, table.layer, progress.timer_seconds_total,
                progress.timer_running, progress.timer_seconds_left) == (
            "eigen-tafel-2", *choices[1:]
        )
        assert not programme.has_class("-presenting")
        await pilot.press("ctrl+q")
    on_disk = store.load(app.path)
    assert [t.id for t in on_disk.tables] == ["tafel-1", "tafel-2"]
    assert on_disk.patterns[0].title == MARKER * 2


async def test_a_paste_at_the_remove_question_lands_in_the_field(make_app, store):
    """A paste is typing too: it closes the question as "Nee" and goes to the field, in
    order with the keys typed around it."""
    from textual import events

    app = two_tables(make_app, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_table_two(pilot)
        before = texts(app.session.tables[1])
        await burst(pilot, "<f8>")
        app.post_message(events.Paste("geplakt"))
        await burst(pilot, " en getypt",
                    until=lambda: any(v.endswith("geplakt en getypt")
                                      for v in texts(app.session.tables[1]).values()))
        assert not isinstance(app.screen, ConfirmScreen)
        assert [t.id for t in app.session.tables] == ["tafel-1", "tafel-2"]
        diff = changed(before, texts(app.session.tables[1]))
        assert [new for _old, new in diff.values()] == [
            old + "geplakt en getypt" for old, _new in diff.values()
        ] and len(diff) == 1
        await pilot.press("ctrl+q")
    assert b"geplakt en getypt" in app.path.read_bytes()


def test_no_key_of_the_app_is_a_printable_character():
    """The rule for the whole app, not per screen: no class of it binds a printable key
    (a letter, digit, space or punctuation), so a typed character is never a command.
    (Textual's own space keys, on a checkbox or a list, are left out where a dialog
    uses those widgets: ``ReportOption``, ``ReportFormat``, ``CopiesList``.)"""
    import importlib
    import pkgutil

    from textual.binding import Binding
    from textual.dom import DOMNode
    from textual.keys import key_to_character

    import patroon_tui

    for info in pkgutil.walk_packages(patroon_tui.__path__, "patroon_tui."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)

    def subclasses(cls):
        yield cls
        for sub in cls.__subclasses__():
            yield from subclasses(sub)

    ours = {cls for cls in subclasses(DOMNode) if cls.__module__.startswith("patroon_tui.")}
    assert len(ours) > 30
    printable = []
    for cls in ours:
        for declared in cls.__dict__.get("BINDINGS", []):
            binding = declared if isinstance(declared, Binding) else Binding(*declared)
            for key in binding.key.split(","):
                character = key_to_character(key.strip())
                if character is not None and character.isprintable():
                    printable.append((cls.__qualname__, key, binding.action))
    assert printable == []
    # The dialogs that show Textual's toggles and lists drop their space key.
    from patroon_tui.dialogs.export import ReportFormat, ReportOption
    from patroon_tui.dialogs.merge import CopiesList

    for cls in (ReportFormat, ReportOption, CopiesList):
        keys = {k for b in cls.BINDINGS for k in b.key.split(",")}
        assert "space" not in keys and "enter" in keys
