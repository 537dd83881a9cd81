"""The Textual behaviour ``patroon_tui.app.key_routing.KeyRouter`` works around, shown on a bare app.

Textual #6605 (fix proposed in PR #6631): a field's editing keys (backspace, ctrl+k …) are
bindings that run only after the key has bubbled back up to the app, while the characters
typed after them are already inserted. These tests pass while that is so. Once one fails,
Textual keeps keys in order by itself: the part of ``KeyRouter`` that runs bindings in the
app's own turn can then go (keep the holds while a screen changes).
"""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input, TextArea

from tests.waiting import until as wait_until

UPSTREAM = (
    "Textual now applies a field's editing keys in the order typed (Textual #6605): "
    "the binding part of patroon_tui.app.key_routing.KeyRouter can be removed, and this test with it."
)


class Bare(App):
    def __init__(self, field) -> None:
        super().__init__()
        self.field = field

    def compose(self) -> ComposeResult:
        yield self.field


async def burst(app: App, pilot, *keys: str, until) -> None:
    """Keys arriving in one write from the terminal: none waits for the one before."""
    for key in keys:
        char = key if len(key) == 1 else None
        app.post_message(events.Key(key, char))
    await wait_until(pilot, until)


async def test_backspace_in_a_burst_lands_after_the_next_letter_in_an_input():
    field = Input()
    app = Bare(field)
    async with app.run_test() as pilot:
        field.focus()
        await pilot.pause()
        await burst(app, pilot, "b", "a", "backspace", "c", until=lambda: len(field.value) >= 2)
        assert field.value == "ba", UPSTREAM  # the late backspace took the "c"


async def test_backspace_in_a_burst_lands_after_the_next_letter_in_a_text_area():
    field = TextArea()
    app = Bare(field)
    async with app.run_test() as pilot:
        field.focus()
        await pilot.pause()
        await burst(app, pilot, "b", "a", "backspace", "c", until=lambda: len(field.text) >= 2)
        assert field.text == "ba", UPSTREAM


async def test_the_app_keeps_the_order():
    """The same burst through the app's key routing gives what was typed."""
    from patroon_tui.app.key_routing import KeyRoutedApp

    class Routed(KeyRoutedApp, Bare):
        pass

    for field in (Input(), TextArea()):
        app = Routed(field)
        async with app.run_test() as pilot:
            field.focus()
            await pilot.pause()

            def text(field=field) -> str:
                return field.value if isinstance(field, Input) else field.text

            await burst(app, pilot, "b", "a", "backspace", "c", until=lambda: text() == "bc")
            assert text() == "bc"


# -- the terminal's bytes (``terminal_reader.read_terminal_safely``) ----------------------

BARE_APP = """
import sys
from pathlib import Path
from textual.app import App
from textual.widgets import TextArea

class Bare(App):
    def compose(self):
        yield TextArea(id="t")

    def on_text_area_changed(self, event):
        Path(sys.argv[1]).write_text(event.text_area.text, encoding="utf-8")

Bare().run()
"""

READER_UPSTREAM = (
    "Textual's terminal reader now {}: read_terminal_safely in "
    "patroon_tui/app/terminal_reader.py can give up that part, and this test with it."
)


def bare_app_in_a_terminal(tmp_path, typed: bytes) -> tuple[int, str | None]:
    """A bare Textual app with one text area in a pseudo-terminal; ``typed`` in one write,
    then ctrl+q. Its exit status and the text it held (None if it never wrote it)."""
    import os
    import pty
    import sys

    from tests.app.test_signals import drain, read_until, wait_for_end

    script = tmp_path / "bare.py"
    script.write_text(BARE_APP, encoding="utf-8")
    out = tmp_path / "text.txt"
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(sys.executable, [sys.executable, str(script), str(out)],
                   dict(os.environ, TERM="xterm-256color"))
    try:
        read_until(fd, b"\x1b[?2004h")  # bracketed paste switched on: the app reads
        drain(fd, 0.3)
        os.write(fd, typed)
        drain(fd, 0.5)
        try:
            os.write(fd, b"\x11")
        except OSError:
            pass
        try:
            code = wait_for_end(pid, fd, seconds=10)
        except AssertionError:  # hung (its reader gone): killed, as broken as a panic
            code = -9
    finally:
        os.close(fd)
    return code, out.read_text(encoding="utf-8") if out.exists() else None


def test_textual_ends_on_an_invalid_byte(tmp_path):
    """Textual #6456: one byte that is not UTF-8 ends a bare app (its reader's thread
    raises and the app panics): the text typed is lost."""
    code, text = bare_app_in_a_terminal(tmp_path, b"ab\xffcd")
    assert code != 0 or text != "ab\ufffdcd", READER_UPSTREAM.format("replaces invalid bytes")


def test_textual_cuts_a_paste_at_an_escape(tmp_path):
    """An escape inside a bracketed paste ends Textual's paste: the rest arrives as keys
    first, the paste's start after it."""
    code, text = bare_app_in_a_terminal(tmp_path, b"\x1b[200~Y1\x1b[31mY2\x1b[201~")
    assert code == 0 and text is not None
    assert not text.startswith("Y1"), READER_UPSTREAM.format("keeps an escape inside a paste")


def test_textual_reads_escape_and_f_as_one_other_key(tmp_path):
    """Esc and f in one read (typed fast, or macOS Terminal's Option+→) are ctrl+→ to
    Textual, Esc and a digit a symbol ("¡"): the letter typed is lost."""
    code, text = bare_app_in_a_terminal(tmp_path, b"ab\x1bfcd")
    assert code == 0 and text is not None
    assert "f" not in text, READER_UPSTREAM.format("keeps an escape and the key after it apart")
