"""A slide's Markdown drawn by one widget (``SlideMarkdown``) looks exactly as Textual's
``Markdown`` draws it: every character and colour of the screen, for every slide of the
default deck and for the whole part of Markdown the deck format allows, at several widths,
plain and in the quote's bold italic. Markdown beyond that part keeps Textual's widget."""

from __future__ import annotations

import re

import pytest
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from patroon_tui.core.model.deck import load_deck
from patroon_tui.widgets.slide import TextSlide, conversation_markdown
from patroon_tui.widgets.slide_markdown import SlideMarkdown, parse

EVERYTHING = """\
Een alinea met *nadruk*, **vet** en ~~doorgehaald~~, lang genoeg om over meer dan een regel
te lopen als het scherm smal is.

- Een punt
  - een punt eronder
    - en nog een laag
      - en nog een
        - en de vijfde
- Een punt met een citaat eronder

  > “Een citaat, ingesprongen onder het punt, dat ook over een paar regels loopt als
  > het scherm smal is.”

  Een alinea in het punt.

> Een citaat los.
>
> Met een tweede alinea.

1. Eerste
2. Tweede, met een punt eronder:
   - het punt
10. Tiende

→ Een losse regel blijft een alinea.
"""


class Slide(App):
    CSS = """
    VerticalScroll { padding: 1 2; }
    .slide-body { margin: 0; padding: 0; }  /* as on a slide (TextSlide in widgets/slide.py) */
    .bold-italic { text-style: bold italic; }
    """

    def __init__(self, body, *, bold_italic: bool) -> None:
        super().__init__()
        self._body = body
        self._bold_italic = bold_italic

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield self._body.add_class("slide-body").set_class(self._bold_italic, "bold-italic")


async def drawn(body, width: int, *, bold_italic: bool = False) -> list[str]:
    """The screen, cell by cell: its character, colour, style and background."""
    app = Slide(body, bold_italic=bold_italic)
    async with app.run_test(size=(width, 60)) as pilot:
        await pilot.pause()
        return cells(app.export_screenshot())


def cells(svg: str) -> list[str]:
    """Each cell of a screenshot as ``column,row char class background``; the picture's
    own grouping of cells (how they were drawn) left out."""
    styles = dict(re.findall(r"\.terminal-\d+-(r\d+) \{ ([^}]*) \}", svg))
    cell_width, line_height = 12.2, 24.4
    background: dict[tuple[int, int], str] = {}
    for fill, x, y, w in re.findall(
            r'<rect fill="(#[0-9a-f]+)" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"', svg):
        row = round((float(y) - 1.5) / line_height)
        first = round(float(x) / cell_width)
        for column in range(first, first + round(float(w) / cell_width)):
            background[column, row] = fill
    out = []
    for cls, x, y, text in re.findall(
            r'<text class="terminal-\d+-(r\d+)" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>',
            svg):
        row = round((float(y) - 20) / line_height)
        first = round(float(x) / cell_width)
        text = text.replace("&#160;", " ").replace("&amp;", "&").replace("&lt;", "<")
        for n, char in enumerate(text):
            cell = (first + n, row)
            out.append(f"{cell} {char!r} {styles.get(cls)} {background.get(cell)}")
    return sorted(out)


def texts() -> list[tuple[str, str]]:
    deck = load_deck()
    shown = [(s.id, conversation_markdown(deck, s) if s.kind == "conversation" else s.body)
             for s in deck.screens if s.kind in ("programme", "text", "quote", "conversation")]
    return [*shown, ("everything", EVERYTHING)]


@pytest.mark.parametrize(("name", "markdown"), texts())
async def test_a_slide_looks_as_textual_markdown_draws_it(name, markdown):
    blocks = parse(markdown)
    if blocks is None:
        pytest.skip(f"{name}: drawn by Textual's Markdown")
    for width in (40, 100):
        for bold_italic in (False, True):
            expected = await drawn(Markdown(markdown), width, bold_italic=bold_italic)
            actual = await drawn(SlideMarkdown(markdown, blocks), width, bold_italic=bold_italic)
            assert actual == expected, (name, width, bold_italic)


@pytest.mark.parametrize("markdown", [
    "# Een kop\n\nTekst.", "Zie [de site](https://example.org).", "Met `code` erin.",
    "> > Een citaat in een citaat.", "| a | b |\n|---|---|\n| 1 | 2 |",
])
async def test_markdown_beyond_the_deck_format_keeps_textual_markdown(markdown):
    deck = load_deck()
    screen = next(s for s in deck.screens if s.kind == "text")
    app = Slide(TextSlide(screen, markdown), bold_italic=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.query(Markdown)
        assert not app.query(SlideMarkdown)
