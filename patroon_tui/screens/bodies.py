"""The programme screen's slide area (``#slide``): the body of the deck screen shown.

Every text slide is drawn by one ``TextBody`` (``widgets/slide_text.py``), which a turn
between two text slides only redraws. The other bodies (a pattern's loop, the recording
screens, Markdown beyond what ``TextBody`` draws) are widgets built on first show, kept
near the current one (the recording ones always), built ahead while the room looks at the
slide before, and shown by hiding the rest. The cursor's arrival in a recording body is
here too.

The area is a widget given what it needs (the deck, the session); the screen tells it
which screen to show.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable

from textual.await_remove import AwaitRemove
from textual.containers import Container
from textual.widget import Widget

from patroon_tui import garbage_collector as collector, keyboard
from patroon_tui.core.model.deck import Deck, Screen
from patroon_tui.core.model.session import Session
from patroon_tui.widgets.recording import AnswerFirstBody, RecordingBodyProtocol, SessionPlace
from patroon_tui.widgets.slide import build_body, slide_figure, text_markdown
from patroon_tui.widgets.slide_markdown import Block, parse
from patroon_tui.widgets.slide_text import TextBody

#: Seconds after a page turn's paint before the garbage collector runs again.
COLLECT_AFTER = 0.1


class Bodies(Container):
    """The slide bodies of one programme screen, by deck screen id."""

    def __init__(self, deck: Deck, session: Session, index: int, *, read_only: bool = False,
                 place: SessionPlace | None = None, id: str | None = None) -> None:
        self._deck = deck
        self._session = session
        self._read_only = read_only
        self._place = place  # where the session is kept (the summary's report goes beside)
        self._screens = deck.screens
        self.bodies: dict[str, Widget] = {}
        """The bodies other than the text slides', built and kept, by deck screen id."""
        self._parsed: dict[str, list[Block] | None] = {}
        self.text = TextBody(id="text-body")
        """The body of every text slide (``TextBody``)."""
        self._mounting: dict[Widget, Awaitable[object]] = {}
        # Bodies pruned while their mount was still under way: removed once mounted, or
        # taken back if their screen is shown again first (a new body would clash by id).
        self._discarding: dict[str, Widget] = {}
        # Bodies being removed, by screen id: a body built again for that screen is mounted
        # once the old one is gone (the two have one id).
        self._removing: dict[str, AwaitRemove] = {}
        self.to_answer = False
        """Whether the next arrival on the tables screen puts the cursor in the first answer."""
        # The first body is built with the screen: one layout pass, not two.
        self.shown: Widget = self._build(index)
        """The body on screen."""
        if self.shown is not self.text:
            self.text.display = False
        children = [self.text] if self.shown is self.text else [self.shown, self.text]
        super().__init__(*children, id=id)

    def get(self, screen_id: str) -> Widget | None:
        """The body of ``screen_id`` if it is built (for a text slide: on show)."""
        if self.text.screen_id == screen_id:
            return self.text
        return self.bodies.get(screen_id)

    def is_built(self, screen_id: str) -> bool:
        """Whether the body of ``screen_id`` exists already (it was shown or built ahead)."""
        return screen_id in self.bodies

    # -- building ----------------------------------------------------------------------

    def _text(self, screen: Screen) -> tuple[str, list[Block]] | None:
        """The Markdown of a text slide ``TextBody`` draws, and its blocks."""
        markdown = text_markdown(self._deck, screen)
        if markdown is None or slide_figure(self._deck, screen):
            return None  # (a slide with a drawing under its title is a TextSlide)
        if screen.id not in self._parsed:
            self._parsed[screen.id] = parse(markdown)
        blocks = self._parsed[screen.id]
        return (markdown, blocks) if blocks is not None else None

    def _build(self, index: int) -> Widget:
        """The body of the screen at ``index``: the text body showing it, or a new body
        (built, not mounted) kept by its screen id."""
        screen = self._screens[index]
        text = self._text(screen)
        if text is not None:
            self.text.show(screen, *text)
            return self.text
        body = build_body(self._deck, self._session, screen, self._place)
        if self._read_only and body.has_class("-recording"):
            body.disabled = True
        self.bodies[screen.id] = body
        return body

    def body_for(self, index: int) -> Widget:
        """The body of the screen at ``index``, built and mounted (hidden) if needed."""
        screen_id = self._screens[index].id
        body = self.bodies.get(screen_id)
        if body is None and screen_id in self._discarding:
            body = self.bodies[screen_id] = self._discarding.pop(screen_id)
        if body is None:
            body = self._build(index)
            if body is not self.text:
                body.display = False
                removal = self._removing.pop(screen_id, None)
                self._mounting[body] = (
                    self.mount(body) if removal is None
                    else asyncio.ensure_future(self._mount_after(removal, body))
                )
        return body

    async def _mount_after(self, removal: AwaitRemove, body: Widget) -> None:
        await removal
        await self.mount(body)

    # -- showing -----------------------------------------------------------------------

    def show(self, index: int) -> Widget:
        """Show the body of the screen at ``index`` (hiding the others) and return it."""
        body = self.shown = self.body_for(index)
        for other in (self.text, *self.bodies.values()):
            if other is not body:
                other.display = False
        body.display = True
        self._prune(index)
        return body

    def _prune(self, index: int) -> None:
        """Keep bodies near the current one; every widget kept makes restyling slower.

        Recording bodies stay: they are few and keep the cursor where it was. The garbage
        of a page turn (the slides removed) is collected a moment after its paint.
        """
        if collector.postpone():
            self.call_after_refresh(self.set_timer, COLLECT_AFTER, collector.allow)
        screens = self._screens
        keep = {screens[i].id for i in (index - 1, index, index + 1) if 0 <= i < len(screens)}
        for screen_id, body in list(self.bodies.items()):
            if screen_id not in keep and not body.has_class("-recording"):
                del self.bodies[screen_id]
                self._discard(screen_id, body)

    def _discard(self, screen_id: str, body: Widget) -> None:
        """Remove ``body``, once its mount has finished if it is still under way."""
        pending = self._mounting.get(body)
        if pending is None:
            self._remove(screen_id, body)
            return
        # remove() does nothing to a widget whose mount has not finished: it would stay.
        self._discarding[screen_id] = body

        async def when_mounted() -> None:
            await pending
            if self._discarding.get(screen_id) is body:
                del self._discarding[screen_id]
                self._mounting.pop(body, None)
                await self._remove(screen_id, body)

        self.call_later(when_mounted)

    def _remove(self, screen_id: str, body: Widget) -> AwaitRemove:
        """Start removing ``body``; known while under way, so that a body built again for
        the screen is mounted once this one is gone."""
        removal = self._removing[screen_id] = body.remove()

        async def forget() -> None:
            await removal
            if self._removing.get(screen_id) is removal:
                del self._removing[screen_id]

        self.call_later(forget)
        return removal

    def prefetch(self, index: int) -> None:
        """Build the slide after ``index`` while the room is still looking at this one (a
        text slide: its lines drawn)."""
        if not self.is_attached or index + 1 >= len(self._screens):
            return
        screen = self._screens[index + 1]
        text = self._text(screen)
        if text is not None:
            self.text.draw_ahead(screen, *text)
        else:
            self.body_for(index + 1)

    async def ready(self, body: Widget) -> bool:
        """Wait until ``body`` is mounted; ``True`` if it is still the one shown."""
        pending = self._mounting.pop(body, None)
        if pending is not None:
            await pending
        return body.is_attached and body is self.shown and bool(body.display)

    # -- the cursor's arrival ----------------------------------------------------------

    async def arrive(self, body: Widget, release: keyboard.Release) -> None:
        """Put the cursor in ``body``'s first field once it exists, then let the keys on."""
        try:
            if not await self.ready(body):
                return
            # A body reloading itself from the session (refresh_from_session) may rebuild
            # its fields in a worker; a cursor put in a field about to be replaced is lost.
            workers = self.app.workers
            rebuilding = [w for w in workers if w.node is body and not w.is_finished]
            if rebuilding:
                await workers.wait_for_complete(rebuilding)
                if not (body.is_attached and body is self.shown):
                    return
            screen = self.screen
            focused = screen.focused
            in_body = focused is not None and body in focused.ancestors
            # A recording screen takes the cursor into its field even from the notes: the
            # notes keep it across page turns between slides, but here the room's answers
            # are typed. (F2 pressed on arrival waits for this and goes to the notes after.)
            if not self.to_answer and in_body:
                return
            field = self.arrival_field(body)
            if field is not None:
                screen.set_focus(field, scroll_visible=False)
                # Scrolled into view after the body's first layout: before it, scrolling
                # would take the field's label (the question) out of view.
                self.call_after_refresh(field.scroll_visible, animate=False)
        finally:
            release()

    def arrival_field(self, body: Widget) -> Widget | None:
        """Where the cursor arrives in ``body``: the field typed in last there, else its
        first answer field (after f9: the first answer)."""
        answer, self.to_answer = self.to_answer, False
        if answer and isinstance(body, AnswerFirstBody):
            return body.first_answer_field()
        return body.arrival_field() if isinstance(body, RecordingBodyProtocol) else None
