"""Where an own pattern can start: a deck pattern's steps ("variant van Wereldvrede",
ctrl+t) or an own pattern of an earlier session of the folder ("uit een eerdere sessie",
ctrl+l).

``StartingPoints`` is a base of ``OwnPatternScreen`` (``dialogs.own_pattern``). Each key
opens a short list (``dialogs.pattern_pick``); the pattern taken fills the fields, which
stay editable. Words already typed are replaced only after a question whose safe answer
("Nee") keeps them. A variant keeps a title typed already and remembers what it varies
(``variant_of``); a pattern of an earlier session comes whole, with its uid, so it is the
same pattern in both sessions (``patroon patronen`` counts it once). The editor is given
what it offers — the deck and a function that reads the folder's other sessions — by
whoever opens it: a dialog never asks the app. The folder is read in a thread, the keys
typed meanwhile held for the list.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from functools import partial

from textual.content import Content
from textual.css.query import NoMatches
from textual.widgets import Static

from patroon_tui import keyboard
from patroon_tui.core.model.deck import MAX_STEPS, MIN_STEPS, Deck
from patroon_tui.core.model.network import EarlierPattern, earlier_patterns
from patroon_tui.core.model.pattern_draft import PatternDraft
from patroon_tui.core.model.session import Session
from patroon_tui.dialogs.confirm import ConfirmScreen
from patroon_tui.dialogs.own_pattern_steps import StepsEditor
from patroon_tui.dialogs.pattern_pick import PatternPickScreen

ReadFolder = Callable[[], list[Session]]
"""Reads the sessions of the folder (when asked, not before; in a thread: it may take a
while)."""


def variant_title(deck_title: str) -> str:
    """The title a variant starts with when none was typed."""
    return f"{deck_title}, onze versie"


def quoted(question: str, title: str) -> Content:
    """``question`` with ``title`` in place of ``$title``, as typed: a title's brackets
    (``[IT]``) are not markup, which would drop them from the question."""
    return Content.from_markup(question, title=title)


class StartingPoints(StepsEditor):
    """Fills the editor from a deck pattern or an earlier session's own pattern."""

    deck: Deck | None
    read_folder: ReadFolder | None
    session: Session
    draft: PatternDraft
    heading: str
    _asking: bool

    def _origin(self) -> str:
        """What the pattern comes from, for the heading (``""``: made here)."""
        variant_of = self.draft.identity.get("variant_of", (
            self.draft.existing.variant_of if self.draft.existing else None))
        if not variant_of:
            return ""
        try:
            title = self.deck.pattern(variant_of).title if self.deck else variant_of
        except KeyError:
            title = variant_of
        return f"variant van {title}"

    def _show_origin(self) -> None:
        origin = self._origin()
        try:
            self.query_one("#own-heading", Static).update(
                f"{self.heading} · {origin}" if origin else self.heading)
        except NoMatches:
            pass

    # -- the keys ---------------------------------------------------------------------

    async def action_variant(self) -> None:
        """Ctrl+T: start from a deck pattern's steps."""
        if not self._idle():
            return
        patterns = list(self.deck.patterns) if self.deck is not None else []

        async def take(index: int) -> None:
            pattern = patterns[index]
            title, steps = self._texts()
            kept_title = title if title.strip() else variant_title(pattern.title)
            await self._fill_after_asking(
                any(step.strip() for step in steps),
                quoted("De stappen die er staan vervangen door die van ‘$title’?",
                       pattern.title),
                kept_title, list(pattern.steps), None, pattern.id)

        await self._choose("Variant van een patroon uit het programma",
                           [pattern.title for pattern in patterns],
                           "Het programma heeft geen patronen.", take)

    async def action_earlier(self) -> None:
        """Ctrl+L: take over an own pattern of an earlier session of the folder."""
        if not self._idle():
            return
        # Keys typed while the folder is read wait, then go to the list (a letter closes
        # it and is text in the field).
        self._asking = True
        release = keyboard.hold(self)
        try:
            sessions = [] if self.read_folder is None else await asyncio.to_thread(
                self.read_folder)
            found = earlier_patterns(sessions, self.session)
            await self._choose("Een eigen patroon uit een eerdere sessie",
                               [pattern.label() for pattern in found],
                               "Er zijn geen eigen patronen in de andere sessies in deze map.",
                               partial(self._take_earlier, found))
        finally:
            release()

    async def _take_earlier(self, found: list[EarlierPattern], index: int) -> None:
        pattern = found[index]
        title, steps = self._texts()
        await self._fill_after_asking(
            bool(title.strip()) or any(step.strip() for step in steps),
            quoted("Wat er staat vervangen door ‘$title’?", pattern.title),
            pattern.title, list(pattern.steps), pattern.uid, pattern.variant_of)

    # -- choosing, asking, filling in ---------------------------------------------------

    def _texts(self) -> tuple[str, list[str]]:
        return self.first_field.value, [field.value for field in self._fields]

    async def _choose(self, title: str, labels: list[str], empty: str,
                      take: Callable[[int], Awaitable[None]]) -> None:
        self._asking = True

        async def chosen(index: int | None) -> None:
            if index is None or not 0 <= index < len(labels):
                self._asking = False
                return
            await take(index)

        # Keys typed after the key wait for the list: a letter closes it and is text.
        release = keyboard.hold(self)
        try:
            await self.app.push_screen(PatternPickScreen(title, labels, empty), chosen)
        finally:
            release()

    async def _fill_after_asking(
        self, ask: bool, question: Content, title: str, steps: list[str],
        uid: str | None, variant_of: str | None,
    ) -> None:
        async def answered(replace: bool | None) -> None:
            if replace:
                await self._fill(title, steps, uid, variant_of)
            else:
                self._asking = False

        if not ask:
            await self._fill(title, steps, uid, variant_of)
            return
        confirm = ConfirmScreen(question)
        await self.app.push_screen(confirm, answered)
        try:
            # The safe answer has the cursor: a reflex enter keeps what was typed.
            no = confirm.query_one("#confirm-no")
            if confirm.focused is not no:
                confirm.set_focus(no)
        except NoMatches:
            pass

    async def _fill(self, title: str, steps: list[str], uid: str | None,
                    variant_of: str | None) -> None:
        """The fields hold ``title`` and ``steps``, the draft the pattern's identity; the
        cursor in the first step. Keys typed meanwhile wait, then go there."""
        release = keyboard.hold(self)
        try:
            steps = (steps + [""] * MIN_STEPS)[:max(MIN_STEPS, min(len(steps), MAX_STEPS))]
            self._quiet = True
            try:
                while len(self._fields) < len(steps):
                    await self._insert_step(len(self._fields))
                while len(self._fields) > len(steps):
                    await self.remove_step_at(len(self._fields) - 1)
                self.first_field.value = title
                for field, text in zip(self._fields, steps, strict=True):
                    field.value = text
            finally:
                self._quiet = False
            self.draft.adopt(uid=uid, variant_of=variant_of)
            self._asking = False
            self._edited()
            self._show_origin()
            self._focus(self._fields[0])
        finally:
            release()
