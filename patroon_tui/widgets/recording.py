"""``RecordingBody``: what the recording bodies (tables, principles, …) have in common.

A body is a widget of the programme screen that holds text fields bound to the session;
A body asks for a dialog by message (``patroon_tui.messages``); the app opens it.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from textual import events
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.scroll_view import ScrollView
from textual.widget import Widget

from patroon_tui import keyboard
from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.session import Session
from patroon_tui.messages import AskChoice, AskConfirm, AskReportPath, EditOwnPattern


@dataclass(frozen=True)
class SessionPlace:
    """Where the open session is kept, for a body that writes beside it (the summary's
    report): its file, and the folder of sessions. ``None`` where there is none."""

    path: Path | None = None
    folder: Path | None = None


@runtime_checkable
class RecordingBodyProtocol(Protocol):
    """What ``ProgrammeScreen`` may ask of a recording body (``RecordingBody`` has it all)."""

    def first_field(self) -> Widget | None:
        """The field the cursor arrives in."""
        ...

    def typing_field(self) -> Widget | None:
        """Where a letter typed outside a text field goes."""
        ...

    def arrival_field(self) -> Widget | None:
        """Where the cursor arrives: the field typed in last, else the first answer field."""
        ...

    def refresh_from_session(self) -> None:
        """Reload what is shown from the session (it was changed elsewhere)."""
        ...


@runtime_checkable
class NewRecordBody(Protocol):
    """A body that makes records (a table, a principle, a first step) with ctrl+n."""

    async def new_record(self) -> None:
        """A new record, with the cursor in its first field, scrolled into view."""
        ...


@runtime_checkable
class AnswerFirstBody(RecordingBodyProtocol, Protocol):
    """A body that can put the cursor in its first answer (the tables, for f9)."""

    def first_answer_field(self) -> Widget | None:
        """The first answer's field."""
        ...


@runtime_checkable
class ExportingBody(Protocol):
    """A body that exports the report (the summary)."""

    def action_export(self) -> None:
        """Ask where to, then write the report."""
        ...


class RecordingBody(Widget):
    """A screen body that records into the session: ``deck``, ``session``, its fields.

    What the programme screen asks of a body: ``arrival_field`` (where the cursor
    arrives), ``typing_field`` (where a letter typed outside a field goes) and
    ``refresh_from_session``. Tab and shift+tab go round the body's fields only, so the
    cursor never leaves the body for the agenda or the notes.

    The field typed in last is kept in the session (``progress.fields``, under
    ``memory_key``), so the cursor arrives there again, also after a resume; a body names
    its fields for that with ``field_name`` and ``named_field``.
    """

    # Priority bindings: they run before the next key is read, so a word typed right after
    # tab lands in the field tab went to.
    BINDINGS = [
        Binding("tab", "next_field", "Volgend veld", show=False, priority=True, id="field.next"),
        Binding(
            "shift+tab", "previous_field", "Vorig veld", show=False, priority=True,
            id="field.previous",
        ),
    ]

    def __init__(
        self,
        deck: Deck,
        session: Session,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.deck = deck
        self.session = session
        self._ready = False
        self._waiting: list[Callable[[], None]] = []
        self._last_field: Widget | None = None
        self._warned_at = -10.0
        self._views = 0  # bumped by each bring_into_view and each hiding

    def when_ready(self, request: Callable[[], None]) -> bool:
        """``True`` when the fields exist; otherwise keep ``request`` for after mounting."""
        if self._ready:
            return True
        self._waiting.append(request)
        return False

    def on_mount(self) -> None:
        # Runs after the subclass's own on_mount (Textual calls handlers down the MRO).
        self._ready = True
        waiting, self._waiting = self._waiting, []
        for request in waiting:
            self.call_after_refresh(request)

    def focus_now(self, widget: Widget | None) -> None:
        """Give ``widget`` the cursor now (``Widget.focus()`` would wait its turn)."""
        if widget is not None:
            self.screen.set_focus(widget)

    # -- fields -----------------------------------------------------------------------

    def fields(self) -> list[Widget]:
        """The body's widgets that take the cursor, in tab order (not its scroll areas)."""
        if not self.is_mounted:
            return []
        return [
            w for w in self.screen.focus_chain
            if self in w.ancestors
            and (isinstance(w, ScrollView) or not isinstance(w, ScrollableContainer))
        ]

    def first_field(self) -> Widget | None:
        """The field the cursor arrives in."""
        return next((w for w in self.fields() if keyboard.is_text_field(w)), None)

    def typing_field(self) -> Widget | None:
        """The text field typing goes on in: the last one used, else where the cursor
        arrives."""
        last = self._last_field
        if last is not None and last.is_attached and last in self.fields():
            return last
        return self.arrival_field()

    def first_answer_field(self) -> Widget | None:
        """Where the cursor arrives on a first visit: the first field answers go in."""
        return self.first_field()

    # -- the field typed in last (progress.fields) -------------------------------------

    @property
    def screen_key(self) -> str:
        """The id of the deck screen this body shows (its widget id is ``body-<id>``)."""
        return (self.id or type(self).__name__).removeprefix("body-")

    def memory_key(self) -> str | None:
        """Under which key of ``progress.fields`` this body keeps its field typed in last."""
        return self.screen_key

    def field_name(self, widget: Widget) -> str | None:
        """How ``progress.fields`` names ``widget`` (``None``: not kept)."""
        return None

    def named_field(self, name: str) -> Widget | None:
        """The field ``progress.fields`` names ``name``, if there is one now."""
        return None

    def remember(self, widget: Widget) -> None:
        """``widget`` was typed in (or is a new record's first field): arrive there again."""
        key, name = self.memory_key(), self.field_name(widget)
        if key is None or name is None:
            return
        progress = self.session.progress
        if progress.fields is None:
            progress.fields = {}
        progress.fields[key] = name

    def remembered_field(self) -> Widget | None:
        """The field typed in last, when the session names one that is here."""
        key = self.memory_key()
        name = (self.session.progress.fields or {}).get(key) if key is not None else None
        if not isinstance(name, str):
            return None  # a hostile file's value is simply not used
        field = self.named_field(name)
        return field if keyboard.is_text_field(field) else None

    def arrival_field(self) -> Widget | None:
        """Where the cursor arrives: the field typed in last, else the first answer field."""
        if not self.is_mounted:
            return None
        return self.remembered_field() or self.first_answer_field()

    def bring_into_view(self, widget: Widget | None, tries: int = 3) -> None:
        """Scroll ``widget`` into view once it is laid out (a new row has no place yet).

        Looked at again after the scroll: a scroll area whose size did not yet count a new
        row stops short of it, and then scrolls the rest once it does. A look still to
        come when the body is hidden (a page turn) or another field is brought into view
        is dropped: measured on a body shown again before its layout, the places are
        those from before, and the form would scroll past the field.
        """
        if widget is None:
            return
        self._views += 1
        self._look(widget, tries, self._views)

    def _look(self, widget: Widget, tries: int, view: int) -> None:
        def scroll() -> None:
            if view != self._views:
                return
            if widget.is_attached and widget.has_focus:
                if not widget.region:
                    # Not placed on the screen yet: ask for the layout that places it.
                    self.refresh(layout=True)
                show_whole(widget)
                if tries > 1:
                    self.call_after_refresh(self._look, widget, tries - 1, view)

        self.call_after_refresh(scroll)

    def on_hide(self) -> None:
        self._views += 1

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if keyboard.is_text_field(event.widget):
            self._last_field = event.widget

    def _in_body(self) -> bool:
        focused = self.screen.focused
        return focused is not None and self in focused.ancestors

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_field", "previous_field"):
            return self._in_body()
        return True

    def tab_stops(self) -> list[Widget]:
        """The fields tab goes round (shift+tab reaches every text field): answers only,
        never a name or title."""
        return [w for w in self.fields() if keyboard.is_text_field(w)]

    def _move(self, delta: int) -> None:
        # Round the text fields only: a word typed after tab must land in a field. From a
        # choice (a list, a number) tab goes back to the text field typed in last. Tab
        # skips what is not one of its stops (a name), shift+tab does not.
        fields = [w for w in self.fields() if keyboard.is_text_field(w)]
        focused = self.screen.focused
        if not fields:
            return
        stops = fields if delta < 0 else [w for w in self.tab_stops() if w in fields]
        if focused not in fields:
            back = self.typing_field()
            self.focus_now(back if back in stops else (stops or fields)[0])
            return
        at = fields.index(focused)
        for step in range(1, len(fields) + 1):
            candidate = fields[(at + delta * step) % len(fields)]
            if candidate in stops:
                self.focus_now(candidate)
                self.bring_into_view(candidate)
                return

    def action_next_field(self) -> Awaitable[None] | None:
        self._move(1)
        return None

    def action_previous_field(self) -> None:
        self._move(-1)

    def on_key(self, event: events.Key) -> None:
        # A printable key that reaches the body unused (the cursor on a list, no text field
        # to take it) would bubble on to the programme and turn its page: it stops here.
        if not event.is_printable:
            return
        event.stop()
        event.prevent_default()
        self.app.bell()
        now = time.monotonic()
        if now - self._warned_at > 3:
            self._warned_at = now
            self.notify("Hier kan niet getypt worden.", title="Niet getypt", severity="warning")

    def focus_first(self) -> None:
        """Put the cursor in the first field."""
        self.focus_now(self.first_field())

    def refresh_from_session(self) -> None:
        """Reload what is shown from the session."""


def show_whole(widget: Widget) -> None:
    """Scroll the areas around ``widget`` so that all of it is in sight (where it fits).

    Measured on the screen as last drawn: ``scroll_visible`` goes by the places of the
    containers between, and a row just added may not have one yet, so it scrolls nothing.
    """
    if widget.virtual_region.size:
        # Placed by the layout: scrolled by that layout as it is now (the screen as last
        # drawn may still show the places from before a scroll just made, and a second
        # scroll measured there went past the field).
        widget.screen.scroll_to_widget(widget, animate=False, immediate=True)
        return
    region = widget.region
    if not region:
        widget.scroll_visible(animate=False, immediate=True)
        return
        return
    for area in widget.ancestors:
        if not isinstance(area, ScrollableContainer):
            continue
        view = area.scrollable_content_region
        if region.height > view.height:
            continue
        if region.bottom > view.bottom:
            delta = region.bottom - view.bottom
        elif region.y < view.y:
            delta = region.y - view.y
        else:
            continue
        before = area.scroll_y
        area.scroll_to(y=before + delta, animate=False, immediate=True)
        region = region.translate((0, -round(area.scroll_y - before)))


def ask(widget: Widget,
        request: AskConfirm | AskChoice | AskReportPath | EditOwnPattern) -> None:
    """Post a dialog request from ``widget``, holding the keys typed from now on until the
    dialog is up (they belong to it)."""
    request.release = keyboard.hold(widget)
    widget.post_message(request)
