"""The programme screen's slide bodies: built on first show, kept near the current one,
built ahead while the room looks at a slide, and the cursor's arrival in a recording body.

``ProgrammeScreen`` owns one ``Bodies`` and asks it for the body of a screen; everything
about a body's life (mounting, pruning, a body dropped while still mounting) lives here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Container
from textual.widget import AwaitMount, Widget

from patroon_tui import garbage_collector as collector, keyboard
from patroon_tui.widgets.recording import AnswerFirstBody, RecordingBodyProtocol, SessionPlace
from patroon_tui.widgets.slide import TextSlide, build_body

if TYPE_CHECKING:
    from patroon_tui.screens.programme import ProgrammeScreen

#: Seconds after a page turn's paint before the garbage collector runs again.
COLLECT_AFTER = 0.1


class Bodies:
    """The slide bodies of one programme screen, by deck screen id."""

    def __init__(self, screen: ProgrammeScreen, place: SessionPlace | None = None) -> None:
        self._screen = screen
        self._place = place  # where the session is kept (the summary's report goes beside)
        self._screens = screen.deck.screens
        self.bodies: dict[str, Widget] = {}
        """The bodies built and kept, by deck screen id."""
        self._mounting: dict[Widget, AwaitMount] = {}
        # Bodies pruned while their mount was still under way: removed once mounted, or
        # taken back if their screen is shown again first (a new body would clash by id).
        self._discarding: dict[str, Widget] = {}
        self.to_answer = False
        """Whether the next arrival on the tables screen puts the cursor in the first answer."""

    def new_body(self, index: int) -> Widget:
        """Build (not mount) the body of the screen at ``index`` and keep it."""
        programme = self._screen
        screen = self._screens[index]
        body = build_body(programme.deck, programme.session, screen, self._place)
        if programme.read_only and body.has_class("-recording"):
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
            body = self.new_body(index)
            body.display = False
            self._mounting[body] = self._screen.query_one("#slide", Container).mount(body)
        return body

    def prune_bodies(self) -> None:
        """Keep slides near the current one; every widget kept makes restyling slower.

        Recording bodies stay: they are few and keep the cursor where it was. The garbage
        of a page turn (the slides removed) is collected a moment after its paint.
        """
        if collector.postpone():
            self._screen.call_after_refresh(self._screen.set_timer, COLLECT_AFTER,
                                            collector.allow)
        screens = self._screens
        index = self._screen.index
        keep = {screens[i].id for i in (index - 1, index, index + 1) if 0 <= i < len(screens)}
        for screen_id, body in list(self.bodies.items()):
            if screen_id not in keep and not body.has_class("-recording"):
                del self.bodies[screen_id]
                self.discard(screen_id, body)

    def discard(self, screen_id: str, body: Widget) -> None:
        """Remove ``body``, once its mount has finished if it is still under way."""
        pending = self._mounting.get(body)
        if pending is None:
            body.remove()
            return
        # remove() does nothing to a widget whose mount has not finished: it would stay.
        self._discarding[screen_id] = body

        async def when_mounted() -> None:
            await pending
            if self._discarding.get(screen_id) is body:
                del self._discarding[screen_id]
                self._mounting.pop(body, None)
                await body.remove()

        self._screen.call_later(when_mounted)

    def prefetch(self) -> None:
        """Build the next slide while the room is still looking at this one."""
        programme = self._screen
        if programme.is_attached and programme.index + 1 < len(self._screens):
            body = self.body_for(programme.index + 1)
            pending = self._mounting.get(body)
            if isinstance(body, TextSlide) and pending is not None:
                self._screen.call_later(self._draw_ahead, body, pending)

    async def _draw_ahead(self, body: TextSlide, pending: AwaitMount) -> None:
        # Its lines drawn now, not on the turn that shows it (the same lines, its width).
        await pending
        if body.is_attached and not body.display:
            body.draw_ahead(self._screen.body)

    async def ready(self, body: Widget) -> bool:
        """Wait until ``body`` is mounted; ``True`` if it is still the one shown."""
        pending = self._mounting.pop(body, None)
        if pending is not None:
            await pending
        return body.is_attached and body is self._screen.body and bool(body.display)

    async def arrive(self, body: Widget, release: keyboard.Release) -> None:
        """Put the cursor in ``body``'s first field once it exists, then let the keys on."""
        programme = self._screen
        try:
            if not await self.ready(body):
                return
            # A body reloading itself from the session (refresh_from_session) may rebuild
            # its fields in a worker; a cursor put in a field about to be replaced is lost.
            workers = programme.app.workers
            rebuilding = [w for w in workers if w.node is body and not w.is_finished]
            if rebuilding:
                await workers.wait_for_complete(rebuilding)
                if not (body.is_attached and body is programme.body):
                    return
            focused = programme.focused
            in_body = focused is not None and body in focused.ancestors
            # A recording screen takes the cursor into its field even from the notes: the
            # notes keep it across page turns between slides, but here the room's answers
            # are typed. (F2 pressed on arrival waits for this and goes to the notes after.)
            if not self.to_answer and in_body:
                return
            field = self.arrival_field(body)
            if field is not None:
                programme.set_focus(field, scroll_visible=False)
                # Scrolled into view after the body's first layout: before it, scrolling
                # would take the field's label (the question) out of view.
                programme.call_after_refresh(field.scroll_visible, animate=False)
        finally:
            release()

    def arrival_field(self, body: Widget) -> Widget | None:
        """Where the cursor arrives in ``body``: the field typed in last there, else its
        first answer field (after f9: the first answer)."""
        answer, self.to_answer = self.to_answer, False
        if answer and isinstance(body, AnswerFirstBody):
            return body.first_answer_field()
        return body.arrival_field() if isinstance(body, RecordingBodyProtocol) else None
