"""Every modal question of the app: confirm, choice, the own-pattern editor, the export
path, help. Each is an ``AnswerDialog`` or ``ModalScreen`` with its ``.tcss`` beside it.

Widgets never open a dialog (they sit below this layer): they post ``AskConfirm``,
``AskReportPath`` or ``EditOwnPattern`` (``patroon_tui.messages``), and ``DialogHost`` — a
part of the app, ``app.dialogs`` — opens the dialog with ``open_dialog``, so that no key
typed meanwhile goes astray.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from textual.app import App
from textual.screen import Screen

from patroon_tui import keyboard
from patroon_tui.messages import AskChoice, AskConfirm, AskReportPath, EditOwnPattern


async def open_dialog(
    app: App, screen: Screen, callback: Callable[[Any], object] | None = None,
    release: Callable[[], None] | None = None,
) -> None:
    """Push ``screen`` and wait until it is built; keys typed meanwhile reach it.

    ``release`` ends the hold the asking widget took when it asked. A callback's effects (a
    table removed, a pattern stored) are carried out before the keys after the answer are
    read.
    """
    answered = None if callback is None else carried_out_whole(app, callback)
    try:
        await app.push_screen(screen, answered)
        field = getattr(screen, "first_field", None)
        if field is not None and screen.focused is None:
            screen.set_focus(field, scroll_visible=False)
    finally:
        if release is not None:
            release()


def carried_out_whole(
    app: App, callback: Callable[[Any], object],
) -> Callable[[Any], Awaitable[None]]:
    """``callback`` for a dialog's answer, with the keys typed meanwhile held until it is
    done (it may be a coroutine function)."""

    async def answered(result: object) -> None:
        hold = keyboard.hold(app)
        try:
            outcome = callback(result)
            if asyncio.iscoroutine(outcome):
                await outcome
        finally:
            hold()

    return answered


class DialogHost:
    """Opens the dialogs widgets ask for, on the app that holds it (``app.dialogs``); the
    app's handlers of ``AskConfirm``, ``AskChoice``, ``AskReportPath`` and
    ``EditOwnPattern`` hand each request here."""

    def __init__(self, app: App) -> None:
        self.app = app

    async def ask_confirm(self, event: AskConfirm) -> None:
        from patroon_tui.dialogs.confirm import ConfirmScreen

        event.stop()
        await open_dialog(self.app, ConfirmScreen(event.question), event.on_answer,
                          event.release)

    async def ask_choice(self, event: AskChoice) -> None:
        from patroon_tui.dialogs.choice import ChoiceDialog

        event.stop()
        dialog = ChoiceDialog(event.title, event.question, event.answers, cancel=event.cancel)
        await open_dialog(self.app, dialog, event.on_answer, event.release)

    async def ask_report_path(self, event: AskReportPath) -> None:
        from patroon_tui.dialogs.export import ExportReportScreen

        event.stop()
        await open_dialog(self.app, ExportReportScreen(event.proposed, event.findings),
                          event.on_answer, event.release)

    async def edit_own_pattern(self, event: EditOwnPattern) -> None:
        from patroon_tui.dialogs.own_pattern import OwnPatternScreen

        event.stop()
        screen = OwnPatternScreen(event.session, event.table_id, event.pattern_id,
                                  event.existing, heading=event.heading, deck=event.deck,
                                  read_folder=event.read_folder)
        await open_dialog(self.app, screen, event.on_done, event.release)
