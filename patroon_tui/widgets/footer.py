"""The key footer: Textual's ``Footer``, compact, with help always in sight.

Three differences from ``Footer(compact=True)``:

- The compact look comes from rules on the footer itself. Textual's footer keys start
  compact and are then bound to the footer's ``compact``: one or two class changes, each a
  restyle, per key each time the footer is rebuilt. Here they start as they stay.
- It is rebuilt only when the keys it shows change, and once for changes that come together.
  Textual announces every focus change twice (at once and after the next refresh), and the
  plain footer rebuilds itself for each, with a layout pass each time.
- The help key (f1) is docked at the right edge, so it stays visible when a screen has more
  keys than the terminal is wide; a key that would run under it is left out whole (never
  cut to "f5 P"), with every key after it, and all of them are in the help.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.reactive import Reactive
from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.screen import Screen


class AppFooter(Footer):
    """A compact footer, help key on the right, no command palette key (ctrl+p is in help)."""

    DEFAULT_CSS = """
    AppFooter FooterKey .footer-key--key { padding: 0; }
    AppFooter FooterKey .footer-key--description { padding: 0 0 0 1; }
    AppFooter.-compact FooterLabel { margin: 0 1 0 0; }
    AppFooter.-compact FooterKey.-help { dock: right; margin: 0; border-left: vkey $foreground 20%; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, show_command_palette=False, compact=False)
        # ``-compact`` on the footer alone (after the constructor, which sets the class from
        # ``compact``): Footer's own rules for it space the keys.
        self.add_class("-compact", update=False)
        self._shown: tuple[object, ...] | None = None
        self._fitted_width = -1

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            # Keys are Textual's FooterKey, which is not public: recognised by their action.
            if hasattr(widget, "action"):
                compact = getattr(type(widget), "compact", None)
                if isinstance(compact, Reactive):
                    # Set before mounting, so no watcher runs and no class changes.
                    widget.set_reactive(compact, False)
                if widget.action == "help":
                    widget.add_class("-help", update=False)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        # Footer's own marks the footer ready to show keys (through Textual's public path)
        # and asks for a recompose after the next refresh; that recompose does nothing
        # while the keys are the ones shown (``recompose`` below), so the changes Textual
        # announces twice, and those that come together, rebuild the keys once.
        first = self._shown is None
        super().bindings_changed(screen)
        if first and screen.app.app_focus and self.is_attached and screen is self.screen:
            # The first keys are built with the screen's own first changes (its body, the
            # cursor arriving), not a refresh later: that would lay out and paint the whole
            # screen once more before it stands.
            self.call_later(self.recompose)

    async def recompose(self) -> None:
        """Build the keys again, if the keys the screen has to show have changed."""
        if not self.is_attached:
            return
        shown = tuple(
            (binding.key, binding.description, enabled, binding.group)
            for _, binding, enabled, _ in self.screen.active_bindings.values()
            if binding.show
        )
        if shown == self._shown:
            return
        self._shown = shown
        await super().recompose()
        self.call_after_refresh(self._leave_out_what_does_not_fit)

    def on_resize(self) -> None:
        # Leaving keys out changes what the footer holds, which is reported as a resize
        # too: only a new width lays every key out again to see which fit.
        if self.size.width == self._fitted_width:
            return
        self._fitted_width = self.size.width
        for key in self._keys():
            key.display = True
        self.call_after_refresh(self._leave_out_what_does_not_fit)

    def on_show(self) -> None:
        self.call_after_refresh(self._leave_out_what_does_not_fit)

    def _keys(self) -> list:
        return [child for child in self.children if hasattr(child, "action")]

    def _leave_out_what_does_not_fit(self) -> None:
        keys = self._keys()
        help_keys = [key for key in keys if key.has_class("-help")]
        if not self.is_attached or not help_keys:
            return
        if not all(key.display for key in keys):
            return  # already fitted to this width (a hidden key has no place to measure)
        if not all(key.region.width for key in keys):
            if self.region.width:  # not laid out yet; hidden (presenting), fitted on show
                self.call_after_refresh(self._leave_out_what_does_not_fit)
            return
        limit = help_keys[0].region.x
        over = False
        for key in keys:
            if key in help_keys:
                continue
            over = over or key.region.right > limit
            key.display = not over
