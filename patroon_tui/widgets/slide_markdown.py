"""``SlideMarkdown``: a slide's Markdown drawn as text lines by one widget.

Textual's ``Markdown`` mounts a widget per block (a paragraph, a list, each item's bullet
and column, a quote): twenty to thirty widgets for one slide, each styled, measured and
painted on the page turn that shows it, most of the turn's time. The deck's slides use a
small part of Markdown (``docs/deck-format.md``): paragraphs, bullet and numbered lists
(nested), quotes, emphasis. This widget draws exactly that part as lines, the way Textual's
``Markdown`` lays it out (its margins, bullets, the quote's edge and background), in one
widget. ``parse`` says whether a text is within that part; a slide with anything else
(a heading, a link, code, a table) keeps Textual's ``Markdown``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content, Span
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual
from textual.widget import Widget

#: Textual's ``Markdown`` bullets, by depth of the list.
BULLETS = ["• ", "▪ ", "‣ ", "⭑ ", "◦ "]
#: The emphasis Textual's ``Markdown`` gives each inline mark.
_INLINE = {"em": Style(italic=True), "strong": Style(bold=True), "s": Style(strike=True)}


@dataclass
class Paragraph:
    content: Content


@dataclass
class Quote:
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Item:
    bullet: str
    """The bullet, or for a numbered list the item's number as written."""
    blocks: list[Block] = field(default_factory=list)
    numbered: bool = False


@dataclass
class ListBlock:
    ordered: bool
    items: list[Item] = field(default_factory=list)


Block = Paragraph | Quote | ListBlock


def parse(markdown: str) -> list[Block] | None:
    """The blocks of ``markdown``; ``None`` if it uses more than this widget draws."""
    from markdown_it import MarkdownIt

    stack: list[list[Block]] = [[]]
    containers: list[Quote | ListBlock | Item] = []
    for token in MarkdownIt("gfm-like").parse(markdown):
        kind = token.type
        if kind == "paragraph_open" or kind == "paragraph_close":
            continue
        if kind == "inline":
            content = _inline(token.children or [])
            if content is None:
                return None
            stack[-1].append(Paragraph(content))
        elif kind == "blockquote_open":
            if any(isinstance(c, Quote) for c in containers):
                return None  # a quote in a quote: Textual's own rules, not drawn here
            quote = Quote()
            stack[-1].append(quote)
            containers.append(quote)
            stack.append(quote.blocks)
        elif kind in ("bullet_list_open", "ordered_list_open"):
            listed = ListBlock(ordered=kind == "ordered_list_open")
            stack[-1].append(listed)
            containers.append(listed)
            stack.append([])  # items only, collected below
        elif kind == "list_item_open":
            around = containers[-1]
            if not isinstance(around, ListBlock):
                return None
            if around.ordered:
                bullet = token.info
            else:
                # As Textual's: the bullet by the number of bulleted items around this one.
                depth = sum(1 for c in containers if isinstance(c, Item) and not c.numbered)
                bullet = BULLETS[depth % len(BULLETS)]
            item = Item(bullet, numbered=around.ordered)
            around.items.append(item)
            containers.append(item)
            stack.append(item.blocks)
        elif kind in ("blockquote_close", "list_item_close", "bullet_list_close",
                      "ordered_list_close"):
            containers.pop()
            stack.pop()
        else:
            return None
    return stack[0]


def _inline(children: list) -> Content | None:
    """A paragraph's text and emphasis, as Textual's ``Markdown`` builds it."""
    parts: list[str] = []
    spans: list[Span] = []
    opened: list[tuple[Style, int]] = []
    position = 0
    for child in children:
        kind = child.type
        if kind == "text":
            text = re.sub(r"\s+", " ", child.content)
        elif kind == "softbreak":
            text = " "
        elif kind == "hardbreak":
            text = "\n"
        elif kind.endswith("_open") and kind[:-5] in _INLINE:
            opened.append((_INLINE[kind[:-5]], position))
            continue
        elif kind.endswith("_close") and kind[:-6] in _INLINE and opened:
            style, start = opened.pop()
            spans.append(Span(start, position, style))
            continue
        else:
            return None
        parts.append(text)
        position += len(text)
    return Content("".join(parts), spans=spans)


class SlideMarkdown(Widget):
    """The blocks of a slide's Markdown, drawn as lines (see the module)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "slide-markdown--bullet", "slide-markdown--quote", "slide-markdown--paragraph",
    }

    DEFAULT_CSS = """
    SlideMarkdown { height: auto; color: $foreground; }
    SlideMarkdown > .slide-markdown--bullet { color: $text-primary; }
    SlideMarkdown:light > .slide-markdown--bullet { color: $text-secondary; }
    SlideMarkdown > .slide-markdown--quote { background: $boost; color: $text-primary 50%; }
    SlideMarkdown:light > .slide-markdown--quote { color: $text-secondary; }
    """

    def __init__(self, source: str, blocks: list[Block], *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.source = source
        """The Markdown drawn (as ``Markdown.source``)."""
        self._blocks = blocks
        self._drawn: tuple[object, list[Strip]] | None = None
        self._painting: list[Strip] | None = None

    # -- size ----------------------------------------------------------------------------

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    # -- drawing -------------------------------------------------------------------------

    def _key(self, width: int) -> tuple[object, ...]:
        paragraph = self.get_component_styles("slide-markdown--paragraph")
        return (width, self.visual_style, paragraph.margin.bottom,
                self.get_component_styles("slide-markdown--bullet").color,
                self.get_component_styles("slide-markdown--quote").background,
                self.get_component_styles("slide-markdown--quote").color)

    def _lines(self, width: int) -> list[Strip]:
        key = self._key(width)
        if self._drawn is None or self._drawn[0] != key:
            self._drawn = (key, Drawing(self, width).lines(self._blocks))
        return self._drawn[1]

    def render_lines(self, crop: Region) -> list[Strip]:
        # The lines looked up once per paint (the key asks the component styles), not
        # once per line.
        width = self.size.width
        drawn = self._drawn
        self._painting = self._lines(width)
        if drawn is not None and len(drawn[1]) != len(self._painting):
            # The paragraphs' spacing changed with the screen's size class: a new height.
            self.refresh(layout=True)
        try:
            return super().render_lines(crop)
        finally:
            self._painting = None

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        lines = self._painting if self._painting is not None else self._lines(width)
        if y < len(lines):
            return lines[y]
        background = self.visual_style.background
        return Strip.blank(width, RichStyle(bgcolor=background.rich_color if background else None))


class Drawing:
    """The lines of the blocks at one width, in the widget's colours."""

    def __init__(self, widget: Widget, width: int, base: Style | None = None) -> None:
        # ``widget`` has the component classes ``slide-markdown--*``; ``base`` is the
        # style of the text (the widget's own unless given).
        self._widget = widget
        self._width = width
        self._base = base if base is not None else widget.visual_style
        self._spacing = widget.get_component_styles("slide-markdown--paragraph").margin.bottom
        self._bullet = widget.get_component_styles("slide-markdown--bullet").color
        quote = widget.get_component_styles("slide-markdown--quote")
        self._quote_background = quote.background
        self._quote_edge = quote.color

    def lines(self, blocks: list[Block]) -> list[Strip]:
        return self._stack(blocks, self._width, self._base, top=True)

    def _stack(self, blocks: list[Block], width: int, style, *, top: bool,
               quoted: bool = False) -> list[Strip]:
        """Blocks one under the other, their margins collapsed as Textual's vertical
        layout does (the larger of two neighbouring margins)."""
        # A quote paints its empty lines in its own style, text style and all.
        blank = Strip.blank(width, style.rich_style if quoted else
                            RichStyle(bgcolor=style.background.rich_color))
        out: list[Strip] = []
        below: int | None = None
        for block in blocks:
            above, lines, after = self._block(block, width, style, top=top)
            out.extend([blank] * (above if below is None else max(below, above)))
            out.extend(lines)
            below = after
        out.extend([blank] * (below or 0))
        return out

    def _block(self, block: Block, width: int, style, *, top: bool) -> tuple[int, list[Strip], int]:
        if isinstance(block, Paragraph):
            return 0, self._paragraph(block.content, width, style), max(self._spacing, int(top))
        if isinstance(block, Quote):
            return 1, self._quote(block, width, style), 1
        return 0, self._list(block, width, style), int(top)

    def _paragraph(self, content: Content, width: int, style) -> list[Strip]:
        pad = RichStyle(bgcolor=style.background.rich_color)
        strips = Visual.to_strips(self._widget, content, width, None, style)
        return [strip.extend_cell_length(width, pad) for strip in strips]

    def _quote(self, quote: Quote, width: int, style) -> list[Strip]:
        # Border "outer" on the left, padding 0 1, the quote's own background.
        inner = style.__class__(
            background=style.background + self._quote_background,
            foreground=style.foreground, bold=style.bold, dim=style.dim, italic=style.italic,
            reverse=style.reverse, underline=style.underline, strike=style.strike,
        )
        background = inner.background.rich_color
        edge = Segment("▌", RichStyle(color=(style.background + self._quote_edge).rich_color,
                                      bgcolor=background))
        space = Segment(" ", RichStyle(bgcolor=background))
        content = self._stack(quote.blocks, max(width - 3, 1), inner, top=False, quoted=True)
        return [Strip([edge, space, *line, space], width) for line in content]

    def _list(self, listed: ListBlock, width: int, style) -> list[Strip]:
        bullets = [item.bullet for item in listed.items]
        if listed.ordered:
            start = _number(bullets[0]) if bullets else 1
            numbers = [f"{n}. " for n in range(start, start + len(bullets))]
            size = max(len(n) for n in numbers)
            bullets = [n.rjust(size + 1) for n in numbers]
        mark = RichStyle(color=self._bullet.rich_color, bgcolor=style.background.rich_color,
                         bold=style.bold, italic=style.italic)
        out: list[Strip] = []
        for item, bullet in zip(listed.items, bullets, strict=True):
            column = cell_len(bullet)
            lines = self._stack(item.blocks, max(width - column, 1), style, top=False)
            for n, line in enumerate(lines):
                out.append(Strip([Segment(bullet if n == 0 else " " * column, mark), *line],
                                 width))
        return out


def _number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return 1
