"""Every modal question of the app: confirm, choice, the own-pattern editor, the export
path, help. Each is an ``AnswerDialog`` or ``ModalScreen`` with its ``.tcss`` beside it.

Widgets never open a dialog (they sit below this layer): they post ``AskConfirm``,
``AskReportPath`` or ``EditOwnPattern`` (``patroon_tui.messages``), and ``DialogHost`` — a
part of the app — opens the dialog with ``open_dialog``, so that no key typed meanwhile
goes astray.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual.app import App
from textual.screen import Screen

from patroon_tui import keyboard
from patroon_tui.messages import AskConfirm, AskReportPath, EditOwnPattern


async def open_dialog(
    app: App, screen: Screen, callback: Callable | None = None,
    release: keyboard.Release | None = None,
) -> None:
    """Push ``screen`` and wait until it is built; keys typed meanwhile reach it.

    ``release`` ends the hold the asking widget took when it asked. A callback's effects (a
    table removed, a pattern stored) are carried out before the keys after the answer are
    read.
    """
    if callback is not None:
        original = callback

        async def answered(result: object) -> None:
            hold = keyboard.hold(app)
            try:
                outcome = original(result)
                if asyncio.iscoroutine(outcome):
                    await outcome
            finally:
                hold()

        callback = answered
    try:
        await app.push_screen(screen, callback)
        field = getattr(screen, "first_field", None)
        if field is not None and screen.focused is None:
            screen.set_focus(field, scroll_visible=False)
    finally:
        if release is not None:
            release()


class DialogHost:
    """Opens the dialogs widgets ask for (mixed into an App; handlers are named after the
    messages, since a mixin is not a message pump of its own)."""

    async def on_ask_confirm(self, event: AskConfirm) -> None:
        from patroon_tui.dialogs.confirm import ConfirmScreen

        event.stop()
        await open_dialog(self, ConfirmScreen(event.question), event.on_answer, event.release)

    async def on_ask_report_path(self, event: AskReportPath) -> None:
        from patroon_tui.dialogs.export import ExportReportScreen

        event.stop()
        await open_dialog(self, ExportReportScreen(event.proposed, event.findings),
                          event.on_answer, event.release)

    async def on_edit_own_pattern(self, event: EditOwnPattern) -> None:
        from patroon_tui.dialogs.own_pattern import OwnPatternScreen

        event.stop()
        screen = OwnPatternScreen(event.session, event.table_id, event.pattern_id,
                                  event.existing, heading=event.heading)
        await open_dialog(self, screen, event.on_done, event.release)
