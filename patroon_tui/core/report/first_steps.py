"""The report's first steps: the list with owners and ties, and the steps grouped by what
they break and where they work.

A first step tied to a pattern's arrow is said as "breekt de pijl van stap 3 naar 4" with
its pattern and its layer. The full report lists the steps with that under them, then per
layer of the triangle the steps that work there, and under each pattern's loop the steps
that break it; the one-page summary says the same on each step's line. A step is named by
its number in the report's list of first steps, the number its loops print beside a cut.
"""

from __future__ import annotations

from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.recording import pattern_steps, table_name
from patroon_tui.core.model.session import FirstStep, Session
from patroon_tui.core.model.step_ties import arrow_words
from patroon_tui.core.report.text_blocks import Heading, Item, Items, Line, Paragraph, Run, words

__all__ = ["first_steps_overview", "layer_steps", "recorded", "report_numbers",
           "steps_breaking", "tie_detail", "tied_patterns"]

Block = Heading | Paragraph | Items


def recorded(session: Session) -> list[FirstStep]:
    """The steps the report lists: those with a word in their text or owner."""
    return [s for s in session.first_steps if s.text.strip() or s.owner.strip()]


def _recorded(session: Session) -> list[tuple[int, FirstStep]]:
    """The steps the report lists, each with its number in the report's numbered list."""
    return list(enumerate(recorded(session), start=1))


def report_numbers(session: Session) -> dict[int, int]:
    """A listed step's number in the session's order (what ``breaks_of`` gives) -> its
    number in the report's list: an empty row before it in the session is not listed, and
    a cut must name the step the reader finds under that number."""
    listed = {id(step): n for n, step in _recorded(session)}
    return {number: listed[id(step)] for number, step in enumerate(session.first_steps, start=1)
            if id(step) in listed}


def _layer_title(deck: Deck, layer_id: str) -> str:
    return next((layer.title for layer in deck.layers if layer.id == layer_id), layer_id)


def tie_detail(step: FirstStep, session: Session, deck: Deck, *, pattern: bool = True) -> Line:
    """`` · patroon: <titel>, breekt de pijl van stap 3 naar 4 · laag: <titel>`` (``()``:
    no tie);
    ``pattern=False`` leaves the pattern's name out (said under its loop)."""
    line: Line = ()
    if step.pattern:
        found = pattern_steps(deck, session, step.pattern)
        if pattern:
            line += (words(" · patroon: "),
                     Run(found[0]) if found else Run(f"onbekend patroon ({step.pattern})"))
        if step.breaks_after is not None and found and step.breaks_after <= len(found[1]):
            line += (words((", " if pattern else " · ")
                           + arrow_words(step.breaks_after, len(found[1]))),)
    if step.layer:
        line += (words(" · laag: "), Run(_layer_title(deck, step.layer)))
    return line


def _item(step: FirstStep, detail: Line) -> Item:
    if step.text:
        return Item(step.text, detail)
    return Item("(geen omschrijving)", detail, typed=False)


def first_steps_overview(session: Session, deck: Deck) -> list[Block]:
    """The first steps with owner, table and tie, then per layer the steps working there."""
    out: list[Block] = [Heading(3, (words("Eerste stappen"),))]
    table_names = {t.id: table_name(t) for t in session.tables}
    items = []
    for _n, step in _recorded(session):
        detail: Line = (words("Eigenaar: "),)
        detail += (Run(step.owner),) if step.owner else (words("nog niemand"),)
        if step.table:
            detail += (words(" · van tafel: "), Run(table_names.get(step.table, step.table)))
        elif step.table_name:  # carried into a follow-up: its table was the earlier one's
            detail += (words(" · van tafel: "), Run(step.table_name))
        items.append(_item(step, detail + tie_detail(step, session, deck)))
    if not items:
        return out + [Paragraph((words("Er zijn geen eerste stappen vastgelegd."),))]
    out.append(Items(tuple(items), numbered=True))
    if any(step.layer for _, step in _recorded(session)):
        out.append(Heading(3, (words("Eerste stappen per laag van de driehoek"),)))
        out += [block for layer in deck.layers for block in _layer(session, layer.id,
                                                                   layer.title)]
    return out


def _layer(session: Session, layer_id: str, title: str) -> list[Block]:
    steps = [(n, s) for n, s in _recorded(session) if s.layer == layer_id]
    head = Paragraph((words(title, strong=True),))
    if not steps:
        return [head, Paragraph((words("Geen eerste stap op deze laag."),))]
    return [head, Items(tuple(_item(s, (words(f"Eerste stap {n}"),)) for n, s in steps))]


def layer_steps(session: Session, layer_id: str) -> list[int]:
    """The numbers of the recorded first steps working on the layer ``layer_id``."""
    return [n for n, s in _recorded(session) if s.layer == layer_id]


def tied_patterns(session: Session) -> list[str]:
    """The pattern ids the first steps are tied to, in the steps' order, each once."""
    return list(dict.fromkeys(s.pattern for _, s in _recorded(session) if s.pattern))


def steps_breaking(session: Session, deck: Deck, pattern_id: str) -> list[Block]:
    """Under a pattern's loop: the first steps that should break it (none: nothing)."""
    steps = [(n, s) for n, s in _recorded(session) if s.pattern == pattern_id]
    if not steps:
        return []
    items = tuple(_item(s, (words(f"Eerste stap {n}"),)
                        + tie_detail(s, session, deck, pattern=False)) for n, s in steps)
    return [Paragraph((words("Eerste stappen die dit patroon doorbreken:"),)), Items(items)]
