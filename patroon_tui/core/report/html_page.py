"""The report as one self-contained HTML page: :func:`render_html`.

No network and no other files: the styles are in the page, each loop and the triangle is an
inline SVG (:mod:`patroon_tui.core.report.loop_svg`). The page is Dutch (``lang="nl"``), its headings are
real headings, and its print styles give A4 pages with each table on a new page and no box
cut in two. Everything typed is escaped and kept with its line breaks.
"""

from __future__ import annotations

import re
from html import escape

from patroon_tui.core.report.document import (
    Document,
    Grid,
    Heading,
    Items,
    Line,
    Loop,
    Paragraph,
    Triangle,
    TypedText,
    dutch_date,
)
from patroon_tui.core.report.loop_svg import loop_svg, triangle_svg

__all__ = ["render_html"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

STYLE = """
:root { color-scheme: light; }
body { font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif;
  line-height: 1.45; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.9rem; margin: 0 0 .5rem; }
h2 { font-size: 1.45rem; border-bottom: 2px solid #2b4c7e; padding-bottom: .2rem;
  margin-top: 2.2rem; color: #2b4c7e; }
h3 { font-size: 1.2rem; margin-top: 1.6rem; }
h4 { font-size: 1.02rem; margin: 1.1rem 0 .3rem; }
dl.details { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; }
dl.details dt { font-weight: 600; }
dl.details dd { margin: 0; }
.typed { white-space: pre-wrap; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid #9aa5b1; padding: .3rem .5rem; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; }
th { background: #e8edf3; }
ol, ul { padding-left: 2.2rem; }
li { margin: .25rem 0; }
.detail { color: #444; }
figure.loop { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
figure.loop svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
figure.loop.small svg { max-width: 60%; }
.step-box { fill: #f4f7fb; stroke: #2b4c7e; stroke-width: 1.5; }
.step-number { font-weight: bold; fill: #2b4c7e; }
.step-text, .step-number, .loop-title, .loop-marker {
  font-family: "DejaVu Sans Mono", Consolas, "Liberation Mono", monospace; }
.loop-title { font-weight: bold; }
.loop-marker { fill: #555; }
.arrow { stroke: #2b4c7e; stroke-width: 1.6; }
.arrow-head { fill: #2b4c7e; }
figure.triangle { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
figure.triangle svg { max-width: 100%; height: auto; display: block; }
.layer-band { stroke: #2b4c7e; stroke-width: 1.5; }
.layer-1 { fill: #d5e1f2; } .layer-2 { fill: #e4ecf7; } .layer-3 { fill: #f4f7fb; }
.layer-number, .layer-title { font-weight: bold; fill: #2b4c7e; }
.layer-detail { fill: #555; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  main { max-width: none; padding: 0; }
  .new-page { break-before: page; page-break-before: always; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  tr, li, .typed { break-inside: avoid; page-break-inside: avoid; }
}
"""


def _css_string(text: str) -> str:
    """``text`` as a CSS string: anything but letters, digits and a few signs as a hex
    escape, so no quote, backslash, line break or ``</style>`` typed in a title can end it."""
    return '"' + "".join(
        ch if ch.isalnum() or ch in " ·-.,:'()" else f"\\{ord(ch):x} " for ch in text
    ) + '"'


def _page_foot(doc: Document) -> str:
    """The printed page's head and foot: the session's title and date, the page number. A
    browser prints its own (the file's path, a date in its own language) only in the
    margin boxes the page leaves empty, so these take their place."""
    title = " ".join(doc.title.split())
    date = dutch_date(doc.created) if doc.created else ""
    box = "font-size: 8pt; color: #555;"
    return (
        f"\n@page {{ @top-left {{ content: {_css_string(title)}; {box} }}"
        f" @top-right {{ content: {_css_string(date)}; {box} }}"
        f' @bottom-right {{ content: "pagina " counter(page) " van " counter(pages); {box} }}'
        " }\n"
    )


def _text(text: str) -> str:
    return escape(_LINE_BREAK.sub("\n", text)).replace("\n", "<br>")


def _line(line: Line) -> str:
    out = []
    for run in line:
        text = _text(run.text)
        out.append(f"<strong>{text}</strong>" if run.strong and text else text)
    return "".join(out)


def _typed(text: str, tag: str = "p") -> str:
    # pre-wrap keeps the spaces and line breaks as typed; one final break is not repeated.
    body = _LINE_BREAK.sub("\n", text)
    if body.endswith("\n"):
        body = body[:-1]
    return f'<{tag} class="typed">{escape(body)}</{tag}>'


def _items(block: Items) -> str:
    tag = "ol" if block.numbered else "ul"
    out = [f"<{tag}>"]
    for item in block.items:
        body = _typed(item.text, "span") if item.typed else escape(item.text)
        detail = f'<br><span class="detail">{_line(item.detail)}</span>' if item.detail else ""
        out.append(f"<li>{body}{detail}</li>")
    out.append(f"</{tag}>")
    return "\n".join(out)


def _grid(block: Grid) -> str:
    out = ["<table>", "<thead><tr>"]
    out += [f'<th scope="col">{escape(h)}</th>' for h in block.header]
    out.append("</tr></thead><tbody>")
    for row in block.rows:
        first, *rest = row
        cells = [f'<th scope="row">{_line(first)}</th>'] + [f"<td>{_line(c)}</td>" for c in rest]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def _loop(block: Loop, number: int) -> str:
    out = ['<figure class="loop small">' if block.small else '<figure class="loop">']
    svg = loop_svg(block.title, list(block.steps), f"patroon-{number}", small=block.small,
                   marks=block.marks)
    if svg is not None:
        out.append(svg)
        if block.small:  # the drawing holds the steps, and its <desc> reads them out
            out.append("</figure>")
            return "\n".join(out)
    out.append("<ol>")
    out += [f'<li>{_typed(step, "span")}</li>' for step in block.steps]
    out.append("</ol>")
    out.append(f"<p>Na stap {len(block.steps)} begint de cirkel weer bij stap 1.</p>")
    out.append("</figure>")
    return "\n".join(out)


def render_html(doc: Document) -> str:
    """``doc`` as a complete, self-contained HTML5 page."""
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{doc.language}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(' '.join(doc.title.split()))}</title>",
        f"<style>{STYLE}{_page_foot(doc)}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<header><h1>{_text(doc.title)}</h1>",
        '<dl class="details">',
    ]
    for label, value in doc.details:
        out.append(f"<dt>{escape(label)}</dt><dd>{_line(value)}</dd>")
    out += ["</dl></header>"]
    loops = 0
    for block in doc.blocks:
        if isinstance(block, Heading):
            cls = ' class="new-page"' if block.new_page else ""
            out.append(f"<h{block.level}{cls}>{_line(block.line)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            out.append(f"<p>{_line(block.line)}</p>")
        elif isinstance(block, TypedText):
            out.append(_typed(block.text))
        elif isinstance(block, Items):
            out.append(_items(block))
        elif isinstance(block, Grid):
            out.append(_grid(block))
        elif isinstance(block, Triangle):
            out.append('<figure class="triangle">'
                       f'{triangle_svg(list(block.layers), "driehoek")}</figure>')
        else:
            loops += 1
            out.append(_loop(block, loops))
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
