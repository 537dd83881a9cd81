"""The own-pattern editor in the whole app: keys as a terminal sends them, the draft on disk.

Keys are posted to the app all at once (none waits for the one before), as the terminal
driver does with a fast typist; then the test waits until the app has worked through them.
The editor is reached as the facilitator reaches it: F9 to the tables, ctrl+o.
"""

from __future__ import annotations

import random

from textual import events
from textual.binding import Binding
from textual.widgets import Static

from patroon_tui.app.key_routing import KeyRoutedApp
from patroon_tui.core.model.session import OwnPattern, new_session
from patroon_tui.dialogs import open_dialog
from patroon_tui.dialogs.confirm import ConfirmScreen
from patroon_tui.dialogs.own_pattern import OwnPatternScreen, StepInput
from patroon_tui.screens.programme import ProgrammeScreen
from tests.app.conftest import reopen
from tests.app.screen_text import shown_in
from tests.waiting import settle, until as wait_until


def key(name: str) -> events.Key:
    if len(name) == 1:
        return events.Key(name, name)
    if name == "space":
        return events.Key("space", " ")
    return events.Key(name, None)


def keys_of(*parts: str) -> list[str]:
    """``<name>`` is one named key, anything else is text typed letter by letter."""
    names: list[str] = []
    for part in parts:
        if part.startswith("<") and part.endswith(">") and len(part) > 2:
            names.append(part[1:-1])
        else:
            names.extend("space" if char == " " else char for char in part)
    return names


async def burst(pilot, *parts: str, until=lambda: False, rounds: int = 200) -> None:
    """Post every key at once, then wait (bounded) until ``until()`` holds."""
    for name in keys_of(*parts):
        pilot.app.post_message(key(name))
    await wait_until(pilot, until)
    await pilot.pause()


def editor(app) -> OwnPatternScreen | None:
    """The editor on top, once it is built (its fields mounted)."""
    screen = app.screen
    return screen if isinstance(screen, OwnPatternScreen) and screen.is_mounted else None


def pattern(app) -> OwnPattern | None:
    return next(iter(app.session.patterns), None)


def fields(app) -> tuple[str, list[str]]:
    """The editor's fields (also while its question is on top of it)."""
    screen = next((s for s in app.screen_stack if isinstance(s, OwnPatternScreen)), None)
    assert screen is not None, app.screen
    return screen.first_field.value, [f.value for f in screen.query(StepInput)]


async def open_editor(pilot, *then: str, until=None) -> OwnPatternScreen:
    """F9, ctrl+o and the keys after them, in one burst."""
    app = pilot.app
    await burst(pilot, "<f9>", "<ctrl+o>", *then,
                until=until or (lambda: editor(app) is not None))
    screen = editor(app)
    assert screen is not None, app.screen
    return screen


async def test_tab_and_shift_tab_typed_in_a_burst_land_in_their_fields(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(
            pilot, "Titel1", "<tab>", "Stap1", "<tab>", "Stap2", "<shift+tab>", "x",
            "<shift+tab>", "!",
            until=lambda: editor(app) is not None and fields(app)[0].endswith("!"),
        )
        assert fields(app) == ("Titel1!", ["Stap1x", "Stap2", ""])
        # Tab goes round the steps: from the last step to the first, never into the title.
        await burst(pilot, "<tab>", "<tab>", "<tab>", "c", "<tab>", "t",
                    until=lambda: fields(app)[1][0] == "Stap1xt")
        assert fields(app) == ("Titel1!", ["Stap1xt", "Stap2", "c"])
        # Shift+tab from the first step reaches the title, and from there the last step.
        await burst(pilot, "<shift+tab>", "z", "<shift+tab>", "y",
                    until=lambda: fields(app)[1][2] == "cy")
        assert fields(app) == ("Titel1!z", ["Stap1xt", "Stap2", "cy"])
        # Ctrl+r is the title's own key, from any step.
        await burst(pilot, "<ctrl+r>", "w", until=lambda: fields(app)[0] == "Titel1!zw")
        # What was typed, whether or not an autosave has given the pattern its uid yet.
        assert [p.model_dump(exclude={"uid"}) for p in app.session.patterns] == [
            OwnPattern(id="eigen-tafel-1", title="Titel1!zw",
                       steps=["Stap1xt", "Stap2", "cy"]).model_dump(exclude={"uid"})
        ]
        await pilot.press("ctrl+q")


async def test_enter_moves_on_and_adds_a_step_after_the_last(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(
            pilot, "Wachten", "<enter>", "Vraag", "<enter>", "Wacht", "<enter>", "Druk",
            "<enter>", "Haast", "<enter>", "Stop",
            until=lambda: editor(app) is not None and fields(app)[1][-1] == "Stop",
        )
        assert fields(app) == ("Wachten", ["Vraag", "Wacht", "Druk", "Haast", "Stop"])
        assert pattern(app).steps == ["Vraag", "Wacht", "Druk", "Haast", "Stop"]
        await pilot.press("ctrl+q")


async def test_step_keys_in_a_burst_act_where_they_were_typed(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        # Step 1 "a"; ctrl+n adds a step after it ("b"); alt+up moves "b" up, the cursor
        # with it ("c" goes on "b"); ctrl+n adds an empty step, f8 removes it at once (no
        # words to lose) and the cursor lands on "a" ("d"); alt+down moves it down ("e").
        await open_editor(
            pilot, "T", "<enter>", "a", "<ctrl+n>", "b", "<alt+up>", "c", "<ctrl+n>", "<f8>",
            "d", "<alt+down>", "e",
            until=lambda: editor(app) is not None and "e" in "".join(fields(app)[1]),
        )
        assert fields(app) == ("T", ["bc", "", "ade", ""])
        assert pattern(app).steps == ["bc", "", "ade", ""]
        await pilot.press("ctrl+q")


async def test_the_draft_is_in_the_session_and_on_disk_before_the_editor_closes(
    make_app, store, deck
):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(pilot, "Wachten", "<tab>", "Vraag",
                          until=lambda: pattern(app) is not None
                          and pattern(app).steps[0] == "Vraag")
        assert pattern(app) == OwnPattern(
            id="eigen-tafel-1", title="Wachten", steps=["Vraag", "", ""]
        )
        assert app.session.tables[0].pattern == "eigen-tafel-1"
        # ctrl+s saves now (the app's key, also inside the editor).
        await burst(pilot, "<ctrl+s>", until=lambda: store.load(app.path).patterns != [])
        on_disk = store.load(app.path)
        assert [(p.id, p.title, p.steps) for p in on_disk.patterns] == [
            ("eigen-tafel-1", "Wachten", ["Vraag", "", ""])
        ]
        assert on_disk.tables[0].pattern == "eigen-tafel-1"
        assert editor(app) is not None  # still open
        # Typing on is saved without any key: within two seconds of the last change.
        await burst(pilot, "t", until=lambda: fields(app)[1][0] == "Vraagt")
        await wait_until(pilot, lambda: store.load(app.path).patterns[0].steps[0] == "Vraagt")
        assert store.load(app.path).patterns[0].steps[0] == "Vraagt"
        assert editor(app) is not None
    # The terminal closed with the editor open: a fresh start has the pattern.
    again = reopen(store, deck, app)
    assert [(p.title, p.steps) for p in again.session.patterns] == [
        ("Wachten", ["Vraagt", "", ""])
    ]


async def test_ctrl_q_in_the_editor_keeps_the_last_words(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(pilot, "Wachten", "<enter>", "Vraag", "<ctrl+q>",
                          until=lambda: not app.is_running)
    saved = store.load(app.path)
    assert [(p.title, p.steps) for p in saved.patterns] == [("Wachten", ["Vraag", "", ""])]
    assert saved.tables[0].pattern == "eigen-tafel-1"


def notices_of(app) -> list[str]:
    notices: list[str] = []
    notify = app.notify

    def recording(message, *args, **kwargs):
        notices.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = recording
    return notices


async def test_escape_closes_and_keeps_it(make_app, store, deck):
    app = make_app()
    notices = notices_of(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "<f9>", "<ctrl+o>", "Wachten", "<enter>", "Vraag", "<escape>",
                    until=lambda: editor(app) is None and pattern(app) is not None)
        assert editor(app) is None
        assert isinstance(app.screen, ProgrammeScreen)
        assert pattern(app).title == "Wachten"
        assert any("nog niet af" in n for n in notices)  # a note, no question
        # Opened again, it shows what was typed, and typing goes on at its end.
        await burst(pilot, "<ctrl+o>", "!", until=lambda: pattern(app).title == "Wachten!")
        assert fields(app) == ("Wachten!", ["Vraag", ""])  # the empty row at the end went
        await pilot.press("ctrl+q")
    assert store.load(app.path).patterns[0].title == "Wachten!"


async def test_escape_escape_enter_closes_once(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        programme = app.screen
        await burst(pilot, "<f9>", "<ctrl+o>", "Ab", "<escape>", "<escape>", "<enter>",
                    until=lambda: pattern(app) is not None and editor(app) is None)
        await pilot.pause()
        assert app.screen is programme
        assert app.screen_stack[-1] is programme
        assert pattern(app).title == "Ab"
        await pilot.press("ctrl+q")


async def ask_to_discard(pilot) -> ConfirmScreen:
    """The button "Wijzigingen weggooien" (no key throws typed words away): its question."""
    app = pilot.app
    await pilot.click("#own-discard")
    await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen)
                     and app.screen.is_mounted)
    return app.screen


async def test_ctrl_g_in_the_editor_keeps_everything_and_the_words_after_it(make_app, store):
    """Reproduction 3 of issue 27: ctrl+g (the tables screen's timer) and "jaar later"."""
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        programme = app.screen
        table = app.session.tables[0]
        before = table.model_dump()
        screen = await open_editor(
            pilot, "Wachten", "<enter>", "Vraag", "<ctrl+g>", "jaar later",
            until=lambda: editor(app) is not None and fields(app)[1][0].endswith("later"),
        )
        assert app.screen is screen
        assert fields(app) == ("Wachten", ["Vraagjaar later", "", ""])
        # What was typed, whether or not an autosave (late on a loaded machine) has given
        # the pattern and the table their uids yet.
        assert pattern(app).model_dump(exclude={"uid"}) == OwnPattern(
            id="eigen-tafel-1", title="Wachten", steps=["Vraagjaar later", "", ""]
        ).model_dump(exclude={"uid"})
        # Nothing reached the tables screen under the editor: its table is as it was but
        # for the pattern chosen.
        assert {**table.model_dump(exclude={"uid"}), "pattern": ""} == {
            k: v for k, v in before.items() if k != "uid"}
        assert app.screen_stack[0] is programme
        await pilot.press("ctrl+q")
    on_disk = store.load(app.path)
    assert [(p.title, p.steps) for p in on_disk.patterns] == [
        ("Wachten", ["Vraagjaar later", "", ""])
    ]
    assert b"Vraagjaar later" in app.path.read_bytes()


async def test_the_discard_question_keeps_everything_on_a_reflex_enter(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_editor(
            pilot, "Wachten", "<enter>", "Vraag",
            until=lambda: editor(app) is not None and fields(app)[1][0] == "Vraag",
        )
        await ask_to_discard(pilot)
        await burst(pilot, "<enter>", "t",
                    until=lambda: editor(app) is not None and fields(app)[1][0] == "Vraagt")
        assert app.screen is screen
        assert fields(app) == ("Wachten", ["Vraagt", "", ""])
        assert pattern(app).steps[0] == "Vraagt"
        # Escape in the question keeps too.
        await ask_to_discard(pilot)
        await burst(pilot, "<escape>", "s", until=lambda: fields(app)[1][0] == "Vraagts")
        assert pattern(app).steps[0] == "Vraagts"
        # A word typed at the question keeps everything and lands whole in the step.
        await ask_to_discard(pilot)
        await burst(pilot, "jazeker", until=lambda: fields(app)[1][0] == "Vraagtsjazeker")
        assert app.screen is screen
        assert pattern(app).steps[0] == "Vraagtsjazeker"
        # "Ja", chosen deliberately, throws the new pattern away: it leaves the session.
        await ask_to_discard(pilot)
        await burst(pilot, "<left>", "<enter>", until=lambda: editor(app) is None)
        assert editor(app) is None
        assert not isinstance(app.screen, ConfirmScreen)
        assert app.session.patterns == []
        assert app.session.tables[0].pattern == ""
        await pilot.press("ctrl+q")
    assert store.load(app.path).patterns == []


async def test_discarding_an_edit_puts_back_the_pattern_and_the_tables_choice(make_app, store):
    app = make_app()
    old = OwnPattern(id="eigen-tafel-1", title="Oud", steps=["een", "twee"], kleur="rood")
    app.session.patterns.append(old)
    app.session.tables[0].pattern = "eigen-tafel-1"
    store.save(app.session, app.path)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_editor(pilot, "er", "<tab>", "<tab>", "s",
                          until=lambda: pattern(app).steps[1] == "twees")
        assert pattern(app).title == "Ouder"
        assert pattern(app).model_extra == {"kleur": "rood"}
        await ask_to_discard(pilot)
        await burst(pilot, "<left>", "<enter>", until=lambda: editor(app) is None)
        assert app.session.patterns == [old]
        assert app.session.tables[0].pattern == "eigen-tafel-1"
        await pilot.press("ctrl+q")
    saved = store.load(app.path)
    assert [(p.title, p.steps, p.model_extra) for p in saved.patterns] == [
        ("Oud", ["een", "twee"], {"kleur": "rood"})
    ]


async def test_discarding_a_new_pattern_leaves_the_form_as_before(make_app):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_editor(pilot, "Weg ermee", until=lambda: pattern(app) is not None)
        await ask_to_discard(pilot)
        await burst(pilot, "<left>", "<enter>", until=lambda: editor(app) is None)
        assert app.session.patterns == []
        assert app.session.tables[0].pattern == ""
        choice = app.screen.query_one("#table-pattern")
        assert choice.value == ""
        assert shown_in(app, choice) == "Nog geen patroon ▼"
        assert str(app.screen.query_one("#own-pattern-button").label) == "Eigen patroon (ctrl+o)"


async def test_the_keys_are_shown_and_fit_at_60_by_20_and_80_by_24(make_app):
    for size in ((60, 20), (80, 24)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            screen = await open_editor(pilot)
            await pilot.pause()
            line = screen.query_one("#own-keys")
            dialog = screen.query_one("#own-dialog")
            assert dialog.region.contains_region(line.region), size
            shown = str(line.render()).replace("\n", " ")
            for text in ("Tab/Enter volgende stap", "Ctrl+R titel", "Ctrl+N stap toevoegen",
                         "F8 stap verwijderen", "Alt+↑/↓ stap verplaatsen",
                         "Ctrl+O/Esc klaar"):
                assert text in shown, (size, text)
            title = screen.first_field
            assert title.region.height == 3 and dialog.region.contains_region(title.region)
            await pilot.press("ctrl+q")


def test_every_key_of_the_editor_is_a_binding_with_an_id_and_a_dutch_description():
    bindings = {b.key: b for b in OwnPatternScreen.BINDINGS}
    assert set(bindings) == {
        "tab", "shift+tab", "enter", "ctrl+n", "f8", "alt+up", "alt+down", "ctrl+o",
        "escape", "ctrl+r", "ctrl+t", "ctrl+l",
    }
    ids = [b.id for b in bindings.values()]
    assert all(i and i.startswith("own-pattern.") for i in ids)
    assert len(set(ids)) == len(ids)
    assert all(b.description for b in bindings.values())


KEYS = [
    "escape", "enter", "tab", "shift+tab", "ctrl+g", "ctrl+r", "ctrl+o", "ctrl+n", "f8", "alt+up",
    "alt+down", "j", "n", "y", "a", "b", "space", "backspace", "left", "right", "home",
    "end", "up", "down", "delete",
]


class EditorHost(KeyRoutedApp):
    """A bare app whose only key opens the editor (as the tables' ctrl+o does), so random
    keys that outlive the editor do nothing but open it again."""

    BINDINGS = [Binding("ctrl+o", "open", "Eigen patroon", priority=True)]

    def __init__(self) -> None:
        super().__init__()
        self.session = new_session(session_id="s", title="S")
        self.opened = 0
        self.results: list[OwnPattern | None] = []

    def compose(self):
        yield Static("tafels")

    def check_action(self, action, parameters):
        # As the tables' ctrl+o: not a key of the app while a dialog is open.
        if action == "open":
            return self.screen is self.screen_stack[0]
        return True

    async def action_open(self) -> None:
        self.opened += 1
        existing = next(iter(self.session.patterns), None)
        screen = OwnPatternScreen(self.session, "tafel-1", "eigen-tafel-1", existing)
        await open_dialog(self, screen, self.results.append)


async def test_a_burst_of_random_keys_does_not_break_the_editor():
    app = EditorHost()
    async with app.run_test(size=(80, 24)) as pilot:
        base = app.screen
        for seed in range(10):
            rng = random.Random(seed)
            names = ["ctrl+o", *(rng.choice(KEYS) for _ in range(120))]
            for name in names:
                app.post_message(key(name))
            await settle(pilot)
            assert app.is_running, seed
            assert app.screen_stack[0] is base, seed
            # Dismissed once per opening, never more (a second pop would take the base).
            open_now = any(isinstance(s, OwnPatternScreen) for s in app.screen_stack)
            assert len(app.results) == app.opened - open_now, seed
            for own in app.session.patterns:
                OwnPattern.model_validate(own.model_dump())
                assert 2 <= len(own.steps) <= 12
            for _ in range(5):
                if isinstance(app.screen, ConfirmScreen):
                    await pilot.press("escape")
                elif isinstance(app.screen, OwnPatternScreen):
                    await pilot.press("ctrl+o")
                await pilot.pause()
            assert app.screen is base, (seed, app.screen)
            assert len(app.results) == app.opened
            # What the session holds is what the editor gave back.
            assert app.results[-1] == next(iter(app.session.patterns), None)


async def test_random_keys_on_the_tables_screen_and_in_the_editor(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        programme = app.screen
        for seed in range(4):
            rng = random.Random(seed)
            for name in ["f9", "ctrl+o", *(rng.choice(KEYS) for _ in range(80))]:
                app.post_message(key(name))
            await settle(pilot)
            assert app.is_running, seed
            assert app.screen_stack[0] is programme, seed
            for own in app.session.patterns:
                OwnPattern.model_validate(own.model_dump())
            for _ in range(5):
                if isinstance(app.screen, ConfirmScreen):
                    await pilot.press("escape")
                elif isinstance(app.screen, OwnPatternScreen):
                    await pilot.press("ctrl+o")
                elif app.screen is not programme:
                    await pilot.press("escape")
                await pilot.pause()
            assert app.screen is programme, (seed, app.screen)
        assert app.autosave.save_sync()
        store.load(app.path)
        await pilot.press("ctrl+q")
