"""The session report: a session and its deck rendered as a Markdown document in Dutch.

``render_report`` is what ``patroon export`` prints and what the summary screen saves. The
report lists everything the facilitator recorded: the tables with their participants,
pattern, answers and triangle layer, the own patterns, the leading principles, the first
steps and the notes. Nothing recorded is left out, not even answers to questions or notes
on screens the deck does not know.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from patroon_tui.core.deck import Deck
from patroon_tui.core.loop import draw_loop
from patroon_tui.core.session import Session, Table

# A hand-kept list rather than the locale module: the report must be Dutch whatever locale
# the machine runs in, and Dutch month names are all we need.
_MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip

_WERKVORM = {"tafels": "in gesprek aan tafels", "plenair": "plenair gesprek"}

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BACKTICK_RUN = re.compile(r"`+")
# Characters that Markdown (CommonMark plus GitHub's extensions: tables, strikethrough,
# math, autolinks via `<`) may read as markup anywhere in a line.
_INLINE_MARKUP = set("\\`*_[]<>#~|&$")
# Line starts that Markdown reads as a block: headings, quotes, lists, rules, fences.
_BLOCK_START = re.compile(r"^(?:[-+*=>#~]|\d+[.)])")
_ESCAPE = re.compile(r"([\\`*_\[\]<>#~|&$])")
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


# -- pieces ----------------------------------------------------------------------------


def _dutch_date(date: dt.date) -> str:
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def _local_time(moment: dt.datetime) -> str:
    local = moment.astimezone() if moment.tzinfo else moment
    return f"{_dutch_date(local.date())}, {local:%H:%M}"


def _steps_block(title: str, steps: Sequence[str], width: int, ascii: bool) -> list[str]:
    """A pattern drawn as a loop, then its steps in full as a numbered list.

    The list repeats the drawing's text on purpose: where a box had to shorten a step, or a
    reader copies the text out, every word is still there.
    """
    drawing = draw_loop(title, steps, width, ascii=ascii)
    out = [_fence("\n".join(line.rstrip() for line in drawing.lines)), ""]
    out += [f"{n}. {_inline(step)}" for n, step in enumerate(steps, start=1)]
    out.append("")
    out.append(f"Na stap {len(steps)} begint de cirkel weer bij stap 1.")
    return out


def _pattern_lines(session: Session, deck: Deck, pattern_id: str, width: int, ascii: bool):
    if not pattern_id:
        return ["Nog geen patroon gekozen."]
    try:
        pattern = deck.pattern(pattern_id)
        title, steps, origin = pattern.title, pattern.steps, ""
    except KeyError:
        try:
            own = session.own_pattern(pattern_id)
        except KeyError:
            return [
                f"Patroon {_inline(pattern_id)} (dit patroon staat niet in het programma "
                "en niet bij de eigen patronen)."
            ]
        title, steps, origin = own.title, own.steps, " (eigen patroon)"
    return [f"**{_inline(title)}**{origin}", "", *_steps_block(title, steps, width, ascii)]


def _table_section(session: Session, deck: Deck, table: Table, width: int, ascii: bool):
    out = [f"### {_inline(table.name) or table.id}", "", "#### Deelnemers", ""]
    out.append(_block(table.participants) if table.participants else "Niet ingevuld.")
    out += ["", "#### Patroon", ""]
    out += _pattern_lines(session, deck, table.pattern, width, ascii)
    out += ["", "#### Antwoorden", ""]
    known = {q.id for q in deck.questions}
    questions = [
        (q.id, q.text) for q in deck.questions if q.kind == "text" or q.id in table.answers
    ]
    # Answers to questions the deck does not have (another programme, a hand edit) are
    # printed too, under their id: nothing recorded is dropped.
    questions += [(qid, None) for qid in table.answers if qid not in known]
    for qid, text in questions:
        heading = _inline(text) if text is not None else f"Vraag {_inline(qid)}"
        out += [f"**{heading}**", ""]
        answer = table.answers.get(qid, "")
        out += [_block(answer) if answer else "Geen antwoord.", ""]
    out += ["#### Laag in de driehoek", ""]
    if table.layer:
        titles = {layer.id: layer.title for layer in deck.layers}
        out.append(_inline(titles.get(table.layer, table.layer)))
    else:
        out.append("Nog geen laag gekozen.")
    return out


def _notes_section(
    heading: str, notes: dict[str, str], order: Sequence[tuple[str, str]], unknown: str
) -> list[str]:
    filled = {key: text for key, text in notes.items() if text}
    if not filled:
        return []
    out = [f"## {heading}", ""]
    for key, title in order:
        if key in filled:
            out += [f"### {_inline(title)}", "", _block(filled.pop(key)), ""]
    for key, text in filled.items():
        out += [f"### {_inline(key)} ({unknown})", "", _block(text), ""]
    return out


# -- the report ------------------------------------------------------------------------


def render_report(session: Session, deck: Deck, *, width: int = 100, ascii: bool = False) -> str:
    """The whole session as a Markdown report in Dutch.

    ``width`` is the width the pattern loops are drawn at; ``ascii`` draws them with plain
    ASCII characters instead of box-drawing ones.
    """
    info = session.session
    out = [f"# {_inline(info.title)}", ""]
    out.append(f"- **Datum:** {_dutch_date(info.date)}")
    if info.facilitator:
        out.append(f"- **Facilitator:** {_inline(info.facilitator)}")
    if info.location:
        out.append(f"- **Locatie:** {_inline(info.location)}")
    out.append(f"- **Werkvorm:** {_WERKVORM.get(info.werkvorm, info.werkvorm)}")
    deck_name = deck.title if info.deck == deck.id else info.deck
    out.append(f"- **Programma:** {_inline(deck_name)}")
    out.append(f"- **Laatst bijgewerkt:** {_local_time(info.updated)}")
    out.append("")

    out += ["## Tafels", ""]
    if not session.tables:
        out += ["Er zijn geen tafels vastgelegd.", ""]
    for table in session.tables:
        out += _table_section(session, deck, table, width, ascii)
        out.append("")

    out += ["## Eigen patronen", ""]
    if not session.patterns:
        out += ["Er zijn geen eigen patronen gemaakt.", ""]
    for pattern in session.patterns:
        out += [f"### {_inline(pattern.title)}", ""]
        out += _steps_block(pattern.title, pattern.steps, width, ascii)
        out.append("")

    out += ["## Leidende principes", ""]
    principles = [p.text for p in session.principles if p.text]
    if not principles:
        out += ["Er zijn geen leidende principes vastgelegd.", ""]
    for n, text in enumerate(principles, start=1):
        out += [_item(f"{n}. ", text), ""]

    out += ["## Eerste stappen", ""]
    steps = [s for s in session.first_steps if s.text or s.owner]
    if not steps:
        out += ["Er zijn geen eerste stappen vastgelegd.", ""]
    names = {t.id: t.name for t in session.tables}
    for n, step in enumerate(steps, start=1):
        prefix = f"{n}. "
        out.append(_item(prefix, step.text) if step.text else f"{prefix}(geen omschrijving)")
        pad = " " * len(prefix)
        who = f"Eigenaar: {_inline(step.owner) if step.owner else 'nog niemand'}"
        if step.table:
            who += f" · van tafel: {_inline(names.get(step.table, step.table))}"
        out += ["", pad + who, ""]

    screens = [(s.id, s.title) for s in deck.screens]
    out += _notes_section("Notities per scherm", session.notes, screens, "onbekend scherm")
    layers = [(layer.id, layer.title) for layer in deck.layers]
    out += _notes_section("Notities per laag", session.layer_notes, layers, "onbekende laag")

    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
