"""``TextBody``: every text slide of the programme drawn by one widget of fixed size.

A page turn between two text slides changes the title and the lines this widget draws and
repaints it; nothing is mounted, hidden, shown or laid out (a layout of the screen redraws
the agenda, the footer and the slide area, most of a turn). The widget fills the slide area
whatever it shows; only a slide longer than the screen (a scroll bar) changes its virtual
size.

It draws what ``TextSlide`` (a title ``Static`` over a ``SlideMarkdown`` in a scrolling
column) shows, cell for cell, from the same rules: the padding and alignment are the
widget's own styles, the title's and the body's are its component classes
(``text-body--title``: colour, text style, text alignment, width, a bottom border, the
margin under it; ``text-body--body``: text style, colour, width), and the Markdown's are
``SlideMarkdown``'s (``slide-markdown--*``). A quote slide has its own component classes
(``text-body--quote`` its alignment, ``text-body--quote-title``, ``text-body--quote-body``)
rather than a class on the widget: a new class restyles the widget and lays out the
screen, on each turn onto or off a quote. Markdown beyond what ``SlideMarkdown`` draws
keeps ``TextSlide``.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.color import Color
from textual.content import Content
from textual.css.scalar import Scalar
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions

from patroon_tui.core.model.deck import Screen
from patroon_tui.widgets.slide_markdown import Block, Drawing

#: The character of each bottom border the title may have, by border type.
_BOTTOM_EDGES = {"hkey": "▁", "solid": "─", "heavy": "━", "double": "═", "tall": "▀"}


class _Look(NamedTuple):
    """The component classes a kind of slide is drawn with (``None``: the widget's own)."""

    align: str | None
    title: str
    body: str


_TEXT = _Look(None, "text-body--title", "text-body--body")
_QUOTE = _Look("text-body--quote", "text-body--quote-title", "text-body--quote-body")


class TextBody(ScrollView, can_focus=False):
    """A text slide: its title and its Markdown (parsed by ``slide_markdown.parse``)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "text-body--title", "text-body--body",
        "text-body--quote", "text-body--quote-title", "text-body--quote-body",
        "slide-markdown--bullet", "slide-markdown--quote", "slide-markdown--paragraph",
    }

    DEFAULT_CSS = """
    TextBody { height: 1fr; padding: 1 2; overflow-x: hidden; overflow-y: auto; }
    TextBody > .text-body--title, TextBody > .text-body--quote-title { text-style: bold; color: $accent; margin-bottom: 1; }
    TextBody > .text-body--body, TextBody > .text-body--quote-body { color: $foreground; }
    TextBody > .text-body--quote { align: center middle; }
    TextBody > .text-body--quote-title { text-align: center; width: 100%; }
    TextBody > .text-body--quote-body { text-style: bold italic; width: 100%; max-width: 90; }
    TextBody > .slide-markdown--bullet { color: $text-primary; }
    TextBody:light > .slide-markdown--bullet { color: $text-secondary; }
    TextBody > .slide-markdown--quote { background: $boost; color: $text-primary 50%; }
    TextBody:light > .slide-markdown--quote { color: $text-secondary; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="slide")
        self._screen: Screen | None = None
        self._blocks: list[Block] = []
        self._source = ""
        # The lines of the slide shown, with what they were drawn for (size and look).
        self._drawn: tuple[object, list[Strip], Size] | None = None
        # Lines drawn ahead for the slides next to it, by screen id.
        self._ahead: dict[str, tuple[object, list[Strip], Size]] = {}
        self._scrolled: dict[str, float] = {}

    # -- what it shows ---------------------------------------------------------------------

    @property
    def screen_id(self) -> str | None:
        """The deck screen shown."""
        return self._screen.id if self._screen is not None else None

    @property
    def source(self) -> str:
        """The Markdown shown (as ``Markdown.source``)."""
        return self._source

    @property
    def title(self) -> str:
        """The title shown."""
        return self._screen.title if self._screen is not None else ""

    def plain_lines(self) -> list[str]:
        """The lines of the slide as text (what the room reads), top to bottom."""
        drawn = self._drawn
        return [strip.text.rstrip() for strip in drawn[1]] if drawn is not None else []

    def show(self, screen: Screen, markdown: str, blocks: list[Block]) -> None:
        """Show ``screen``: its title over ``blocks`` (``markdown`` parsed)."""
        if self._screen is not None and self._screen.id == screen.id:
            return
        if self._screen is not None:
            self._scrolled[self._screen.id] = self.scroll_y
        self._screen = screen
        self._source = markdown
        self._blocks = blocks
        self._drawn = self._ahead.pop(screen.id, None)
        if self.is_mounted and self.size.width:
            self._update()
        self.scroll_to(y=self._scrolled.pop(screen.id, 0), animate=False, immediate=True)

    def draw_ahead(self, screen: Screen, markdown: str, blocks: list[Block]) -> None:
        """Draw ``screen``'s lines now (the room still looks at another): the turn onto it
        only paints them. Drawn for this widget's look; another look draws again."""
        if not (self.is_mounted and self.size.width):
            return
        self._ahead = {screen.id: self._draw(screen, blocks)}

    # -- drawing ---------------------------------------------------------------------------

    @staticmethod
    def _look(screen: Screen) -> _Look:
        return _QUOTE if screen.kind == "quote" else _TEXT

    def _align(self, look: _Look) -> tuple[str, str]:
        styles = self.get_component_styles(look.align) if look.align else self.styles
        return styles.align_horizontal, styles.align_vertical

    def _key(self, screen: Screen) -> tuple[object, ...]:
        look = self._look(screen)
        title = self.get_component_styles(look.title)
        body = self.get_component_styles(look.body)
        return (look, self.size, self.styles.gutter, self._align(look), self.visual_style,
                self.get_visual_style(look.title), title.text_align, title.width,
                title.max_width, title.border_bottom, title.margin.bottom,
                self.get_visual_style(look.body), body.width, body.max_width,
                self.get_component_styles("slide-markdown--paragraph").margin.bottom,
                self.get_component_styles("slide-markdown--bullet").color,
                self.get_component_styles("slide-markdown--quote").background,
                self.get_component_styles("slide-markdown--quote").color)

    def _update(self) -> None:
        """Draw the slide shown if its look or size changed; a new length of the lines
        (a slide longer than the screen) is a new virtual size."""
        if self._screen is None:
            return
        drawn = self._drawn
        key = self._key(self._screen)
        if drawn is None or drawn[0] != key:
            drawn = self._drawn = self._draw(self._screen, self._blocks, key)
        if self.virtual_size != drawn[2]:
            self.virtual_size = drawn[2]
        self.refresh()

    def _draw(self, screen: Screen, blocks: list[Block],
              key: tuple[object, ...] | None = None) -> tuple[object, list[Strip], Size]:
        key = key if key is not None else self._key(screen)
        # The size inside the padding, scroll bar included.
        width = max(self.size.width, 1)
        height = self.size.height
        lines = self._lines(screen, blocks, width, height)
        if len(lines) > height and self.styles.overflow_y != "hidden":
            # Longer than the screen: a scroll bar takes its columns, the lines wrap again.
            width = max(width - self.styles.scrollbar_size_vertical, 1)
            lines = self._lines(screen, blocks, width, height)
        # At least the height of the screen: slides that fit share one virtual size, and
        # a turn between them lays nothing out.
        return key, lines, Size(width, max(len(lines), height))

    def _lines(self, screen: Screen, blocks: list[Block], width: int, height: int) -> list[Strip]:
        viewport = self.app.size
        container = Size(width, height)
        look = self._look(screen)
        title_styles = self.get_component_styles(look.title)
        body_styles = self.get_component_styles(look.body)
        title_width = _resolve(title_styles.width, title_styles.max_width, container, viewport)
        body_width = _resolve(body_styles.width, body_styles.max_width, container, viewport)
        background = _background(self.visual_style)

        title_style = self.get_visual_style(look.title)
        align = title_styles.text_align
        title = Content(screen.title).render_strips(
            title_width, None, title_style,
            RenderOptions(lambda name: Style(), {"text_align": align}))
        pad = (title_style + Style(reverse=False)).rich_style
        column = [strip.extend_cell_length(title_width, pad) for strip in title]
        edge, edge_color = title_styles.border_bottom
        if edge not in ("", "none", "hidden"):
            char = _BOTTOM_EDGES.get(edge, "▁")
            back = title_style.background or Color(0, 0, 0, 0)
            rule = RichStyle(color=(back + edge_color).rich_color, bgcolor=back.rich_color)
            column.append(Strip([Segment(char * title_width, rule)], title_width))
        column.extend([Strip.blank(title_width, background)] * title_styles.margin.bottom)
        body_style = self.get_visual_style(look.body)
        column.extend(Drawing(self, body_width, body_style).lines(blocks))

        # Aligned as one block (as Textual aligns a column's children), as wide as its
        # widest part.
        block_width = max(title_width, body_width)
        horizontal, vertical = self._align(look)
        left = 0
        if horizontal == "center":
            left = max((width - block_width) // 2, 0)
        elif horizontal == "right":
            left = max(width - block_width, 0)
        top = 0
        if len(column) < height:
            if vertical == "middle":
                top = (height - len(column)) // 2
            elif vertical == "bottom":
                top = height - len(column)
        blank = Strip.blank(width, background)
        lines = [blank] * top
        for strip in column:
            right = width - left - strip.cell_length
            parts = [Strip.blank(left, background)] if left else []
            parts.append(strip)
            if right > 0:
                parts.append(Strip.blank(right, background))
            lines.append(Strip.join(parts).crop(0, width) if len(parts) > 1 else strip.crop(0, width))
        return lines

    # -- Textual ---------------------------------------------------------------------------

    def on_resize(self) -> None:
        self._ahead.clear()
        self._update()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._ahead.clear()
        if self.is_mounted and self.size.width:
            self.call_later(self._update)

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._screen is not None and (self._drawn is None
                                         or self._drawn[0] != self._key(self._screen)):
            # Drawn on the paint that needs it; a new length is a new virtual size after it.
            self._drawn = self._draw(self._screen, self._blocks)
            if self.virtual_size != self._drawn[2]:
                self.call_after_refresh(self._update)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = round(self.scroll_offset.y) + y
        lines = self._drawn[1] if self._drawn is not None else []
        if 0 <= line < len(lines):
            strip = lines[line]
            return strip if strip.cell_length == width else strip.adjust_cell_length(width)
        return Strip.blank(width, _background(self.visual_style))


def _background(style: Style) -> RichStyle:
    """Blank cells in ``style``'s background."""
    background = style.background
    return RichStyle(bgcolor=background.rich_color if background else None)


def _resolve(width: Scalar | None, max_width: Scalar | None, container: Size,
             viewport: Size) -> int:
    """A part's width in the column, as Textual resolves ``width`` and ``max-width``."""
    resolved = container.width if width is None or width.is_auto else int(
        width.resolve(container, viewport))
    if max_width is not None and not max_width.is_auto:
        resolved = min(resolved, int(max_width.resolve(container, viewport)))
    return max(min(resolved, container.width) if width is None else resolved, 1)
