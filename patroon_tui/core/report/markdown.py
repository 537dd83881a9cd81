"""The report as Markdown: :func:`render_markdown` writes a report document
(:mod:`patroon_tui.core.report.document`) in Markdown, with each loop drawn in a code block above
its steps and the collaboration triangle in one; :func:`render_report` does so for a session, as ``patroon export`` prints it and
the summary screen shows and saves it.
"""

from __future__ import annotations

import re

from patroon_tui.core.drawing.loop import draw_loop
from patroon_tui.core.drawing.marks import Marks
from patroon_tui.core.drawing.triangle import draw_triangle
from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.session import Session
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
    build_report,
)

__all__ = ["render_markdown", "render_report"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BACKTICK_RUN = re.compile(r"`+")
# Characters that Markdown (CommonMark plus GitHub's extensions: tables, strikethrough,
# math, autolinks via `<`) may read as markup anywhere in a line. An ampersand is markup
# only where it starts an entity ("&amp;", "&#38;"): only there is it escaped.
_INLINE_MARKUP = set("\\`*_[]<>#~|$")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# Line starts that Markdown reads as a block: headings, quotes, lists, rules, fences.
_BLOCK_START = re.compile(r"^(?:[-+*=>#~]|\d+[.)])")
_ESCAPE = re.compile(r"([\\`*_\[\]<>#~|$]|&(?=#?[A-Za-z0-9]+;))")
_ESCAPE_START = re.compile(r"^(\s*)(?:([-+=])|(\d+)([.)]))")


# -- free text -------------------------------------------------------------------------
#
# What people typed goes into the report so that every character and every line break
# survives, both in the Markdown source and when it is rendered:
#
# * Longer free text (answers, notes, principles, first steps, participants) that is a
#   single plain line is written as it is. Anything else (several lines, leading or
#   trailing spaces, any character Markdown could read as markup) goes into a fenced code
#   block. A blockquote would keep the characters in the source but a renderer would still
#   merge its lines and turn a line starting with `#` or `-` into a heading or a list; a
#   fence shows the text verbatim. The fence is one backtick longer than the longest run of
#   backticks in the text, so a ``` inside an answer cannot close it early.
# * Short labels (titles, names, owners) sit inside headings and list items; there the
#   Markdown punctuation is backslash-escaped, which renders as the character itself, and
#   line breaks (which a heading cannot hold) become <br>.
#
# Line breaks are written as "\n" whatever the file held ("\r\n" or a lone "\r"): in the
# report they are line breaks either way, and a Markdown file with mixed endings helps no
# one. One trailing line break (what a TOML """ string usually ends with) is not repeated as
# an empty line at the end of a block.


def _is_plain(text: str) -> bool:
    return (
        text == text.strip()
        and _LINE_BREAK.search(text) is None
        and text.isprintable()
        and not (_INLINE_MARKUP & set(text))
        and _ENTITY.search(text) is None
        and _BLOCK_START.match(text) is None
    )


def _fence(text: str, info: str = "text") -> str:
    longest = max((len(run) for run in _BACKTICK_RUN.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    body = _LINE_BREAK.sub("\n", text)
    if body.endswith("\n"):
        body = body[:-1]
    return f"{fence}{info}\n{body}\n{fence}"


def _block(text: str) -> str:
    """Free text as a Markdown block that keeps every character and line break visible."""
    return text if _is_plain(text) else _fence(text)


def _inline(text: str) -> str:
    """A short label for a heading or list item: markup escaped, line breaks as <br>."""
    parts = (_ESCAPE.sub(r"\\\1", part) for part in _LINE_BREAK.split(text))
    return "<br>".join(_ESCAPE_START.sub(_escape_start, part) for part in parts)


def _escape_start(match: re.Match[str]) -> str:
    lead, mark, digits, dot = match.groups()
    return f"{lead}\\{mark}" if mark else f"{lead}{digits}\\{dot}"


def _indent(block: str, prefix: str) -> str:
    """``block`` as the content of a list item whose marker is ``prefix`` wide."""
    pad = " " * len(prefix)
    lines = block.split("\n")
    return "\n".join([prefix + lines[0]] + [pad + line if line else "" for line in lines[1:]])


def _item(prefix: str, text: str) -> str:
    if _is_plain(text):
        return prefix + text
    # A fence inside a list item starts on the line after the marker so that its first
    # line is indented like the rest.
    return prefix.rstrip() + "\n" + _indent(_fence(text), " " * len(prefix))


# -- rendering -------------------------------------------------------------------------


def _line(line: Line) -> str:
    """A line of runs: typed text escaped, the report's words as they are, bold marked
    (neighbouring bold runs as one)."""
    out: list[tuple[bool, str]] = []
    for run in line:
        text = _inline(run.text) if run.typed else run.text
        if out and out[-1][0] == run.strong:
            out[-1] = (run.strong, out[-1][1] + text)
        else:
            out.append((run.strong, text))
    return "".join(f"**{text}**" if strong and text else text for strong, text in out)


def _cell(line: Line) -> str:
    # A table cell is one line; `|` is escaped by _inline already.
    return _line(line).replace("\n", "<br>")


def _loop(loop: Loop, width: int, ascii: bool) -> list[str]:
    """A pattern drawn as a loop, then its steps in full as a numbered list.

    The list repeats the drawing's text on purpose: where a box had to shorten a step, or a
    reader copies the text out, every word is still there.
    """
    # Small (the one-page summary): drawn at most 72 cells wide.
    width = min(width, 72) if loop.small else width
    marks = loop.marks or Marks()
    drawing = draw_loop(loop.title, list(loop.steps), width, ascii=ascii, cuts=marks.cuts,
                        slow=marks.slow, notes=marks.notes)
    out = [_fence("\n".join(line.rstrip() for line in drawing.lines)), ""]
    out += [f"{n}. {_inline(step)}" for n, step in enumerate(loop.steps, start=1)]
    out += ["", f"Na stap {len(loop.steps)} begint de cirkel weer bij stap 1."]
    return out


def triangle_lines(block: Triangle) -> list[str]:
    """The triangle in text: each layer's number and title beside its band, its detail
    under the title."""
    return draw_triangle([f"{n}  {title}\n   {detail}"
                          for n, (title, detail) in enumerate(block.layers, start=1)])


def _items(block: Items) -> list[str]:
    out = []
    for n, item in enumerate(block.items, start=1):
        prefix = f"{n}. " if block.numbered else "- "
        out.append(_item(prefix, item.text) if item.typed else prefix + item.text)
        if item.detail:
            out += ["", " " * len(prefix) + _line(item.detail)]
        out.append("")
    return out[:-1]


def render_markdown(doc: Document, *, width: int = 100, ascii: bool = False) -> str:
    """``doc`` as Markdown; loops are drawn ``width`` cells wide (``ascii``: in ASCII)."""
    out = [f"# {_inline(doc.title)}", ""]
    out += [f"- **{label}:** {_line(value)}" for label, value in doc.details]
    out.append("")
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.append(f"{'#' * block.level} {_line(block.line)}")
        elif isinstance(block, Paragraph):
            out.append(_line(block.line))
        elif isinstance(block, TypedText):
            out.append(_block(block.text))
        elif isinstance(block, Items):
            out += _items(block)
        elif isinstance(block, Grid):
            out.append("| " + " | ".join(block.header) + " |")
            out.append("|" + "|".join("---" for _ in block.header) + "|")
            out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
        elif isinstance(block, Triangle):
            out.append(_fence("\n".join(triangle_lines(block))))
        else:
            out += _loop(block, width, ascii)
        out.append("")
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def render_report(
    session: Session, deck: Deck, *, width: int = 100, ascii: bool = False, notes: bool = True
) -> str:
    """The whole session as a Markdown report in Dutch (see :func:`render_markdown`)."""
    return render_markdown(build_report(session, deck, notes=notes), width=width, ascii=ascii)
