"""The Markdown report: everything recorded is in it, word for word, in the order a reader
needs it (overview first), each pattern once."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

# markdown-it-py comes with Textual (through rich); it reads the report as a Markdown
# renderer would, so the tests check what a reader sees, not just the source text.
from markdown_it import MarkdownIt

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.session import FirstStep, OwnPattern, Principle, Session, new_session
from patroon_tui.core.report.markdown import render_report

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
HAND_WRITTEN = FIXTURES / "2026-11-28-wijkteam-noord.toml"


@pytest.fixture(scope="module")
def deck():
    return load_deck()


@pytest.fixture
def session() -> Session:
    return new_session(session_id="2026-11-28-wijkteam-noord", title="Wijkteam Noord")


def hand_written() -> Session:
    return Session.model_validate(tomllib.loads(HAND_WRITTEN.read_text("utf-8")))


def shown(text: str) -> str:
    """What a reader should see of a typed text: line breaks as "\\n", no final one."""
    text = re.sub(r"\r\n|\r", "\n", text)
    return text[:-1] if text.endswith("\n") else text


def visible_blocks(report: str) -> list[str]:
    """The text of every paragraph and code block as a Markdown renderer reads them."""
    blocks = []
    for token in MarkdownIt("commonmark").parse(report):
        if token.type in ("fence", "code_block"):
            blocks.append(token.content[:-1] if token.content.endswith("\n") else token.content)
        elif token.type == "inline":
            blocks.append(token.content)
    return blocks


def assert_lines_in_order(text: str, report: str) -> None:
    lines = shown(text).split("\n")
    report_lines = report.split("\n")
    for start in range(len(report_lines) - len(lines) + 1):
        if report_lines[start : start + len(lines)] == lines:
            return
    pytest.fail(f"{text!r} is not in the report line by line")


def test_every_answer_of_a_hand_written_session_is_in_the_report(deck):
    session = hand_written()
    report = render_report(session, deck)
    blocks = visible_blocks(report)
    answers = [a for table in session.tables for a in table.answers.values() if a]
    assert len(answers) == 6
    for answer in answers:
        assert_lines_in_order(answer, report)
        assert shown(answer) in blocks


def test_the_report_has_the_session_details_and_dutch_headings(deck):
    report = render_report(hand_written(), deck)
    assert report.startswith("# Wijkteam Noord\n")
    for expected in (
        "28 november 2026",
        "Anouk de Vries",
        "Buurthuis De Kolk, Amsterdam-Noord",
        "in gesprek aan tafels",
        "## Overzicht",
        "### Gekozen patronen",
        "### Lagen in de driehoek",
        "### Leidende principes",
        "### Eerste stappen",
        "## Tafels",
        "#### Deelnemers",
        "#### Patroon",
        "#### Laag in de driehoek",
        "## Patronen",
        "## Notities per scherm",
        "## Notities per laag",
    ):
        assert expected in report
    # In the order a director reads: the overview before the long per-table sections.
    order = ["## Overzicht", "## Tafels", "## Patronen", "## Notities per scherm"]
    assert [report.index(h) for h in order] == sorted(report.index(h) for h in order)


def test_the_overview_names_each_tables_pattern_and_layer(deck):
    report = render_report(hand_written(), deck)
    overview = report[report.index("## Overzicht") : report.index("## Tafels")]
    assert "| Tafel 1 | Wat is voorliggend? | Over spelregels |" in overview
    assert "| Tafel 2 | Wachten op elkaar (eigen patroon) | Nog geen laag gekozen. |" in overview
    assert "| Over spelregels | Tafel 1 |" in overview
    assert "| Over doel en vakinhoud | geen tafel |" in overview


def test_the_notes_can_be_left_out(deck):
    report = render_report(hand_written(), deck, notes=False)
    assert "## Notities" not in report
    assert "Wethouder noemt de woningnood" not in report
    assert "Niemand weet wie besluit" not in report


def test_tables_and_questions_come_in_order_with_the_full_question_text(deck):
    session = hand_written()
    report = render_report(session, deck)
    assert report.index("### Tafel 1") < report.index("### Tafel 2")
    table_1 = report[report.index("### Tafel 1") : report.index("### Tafel 2")]
    positions = [table_1.index(q.text) for q in deck.text_questions]
    assert positions == sorted(positions)
    # The hand-written file lists the answers in another order; the report follows the deck.
    assert table_1.index("Ja, elke week") < table_1.index("Eerste regel")
    assert table_1.index("Eerste regel") < table_1.index("Maandelijks samen")
    assert table_1.index("Maandelijks samen") < table_1.index("het wijkoverleg 🏠")


def test_an_answer_to_a_question_the_deck_does_not_know_is_kept_under_its_id(deck):
    report = render_report(hand_written(), deck)
    assert "antwoord-zonder-vraag" in report
    assert "Een antwoord op een vraag die het programma niet kent." in report


def test_a_table_names_its_pattern_and_layer_and_the_pattern_is_drawn_once(deck):
    session = hand_written()
    report = render_report(session, deck)
    table_1 = report[report.index("### Tafel 1") : report.index("### Tafel 2")]
    pattern = deck.pattern("wat-is-voorliggend")
    assert pattern.title in table_1
    assert "Over spelregels" in table_1
    table_2 = report[report.index("### Tafel 2") : report.index("## Patronen")]
    assert "Wachten op elkaar (eigen patroon)" in table_2
    assert "Nog geen laag gekozen." in table_2
    patterns = report[report.index("## Patronen") : report.index("## Notities per scherm")]
    for step in pattern.steps:
        assert step in patterns
    assert "Gekozen door: Tafel 1" in patterns
    assert "Niemand belt de inwoner; de zorg groeit." in patterns
    # The own pattern chosen by Tafel 2 is in the report once, not also under the table.
    assert report.count("3. Niemand belt de inwoner; de zorg groeit.") == 1
    assert report.count("### Wachten op elkaar") == 1


def test_an_unchosen_pattern_says_so(deck, session):
    report = render_report(session, deck)
    assert "Nog geen patroon gekozen." in report


def test_own_patterns_principles_and_first_steps_are_listed(deck):
    session = hand_written()
    report = render_report(session, deck)
    own = report[report.index("### Wachten op elkaar") : report.index("## Notities per scherm")]
    for n, step in enumerate(session.patterns[0].steps, start=1):
        assert f"{n}. {step}" in own
    principles = report[
        report.index("### Leidende principes") : report.index("### Eerste stappen")
    ]
    for principle in session.principles:
        assert shown(principle.text) in visible_blocks(principles)
    steps = report[report.index("### Eerste stappen") : report.index("## Tafels")]
    assert "Maandelijks gezamenlijk casusoverleg" in steps
    assert "Eigenaar: GGZ · van tafel: Tafel 1" in steps
    assert "Telefoonlijst van de wijk delen 📞" in steps
    assert "Eigenaar: Politie (wijkagent)" in steps
    assert "van tafel: Tafel 2" in steps


def test_an_own_pattern_no_table_chose_is_still_in_the_report(deck, session):
    session.patterns.append(OwnPattern(id="los", title="Los patroon", steps=["Een", "Twee"]))
    report = render_report(session, deck)
    patterns = report[report.index("## Patronen") :]
    assert "### Los patroon (eigen patroon)" in patterns
    assert "Door geen tafel gekozen." in patterns


def test_an_ampersand_is_written_as_typed(deck, session):
    session.session.title = "Gemeente & GGZ"
    session.tables[0].name = "Zorg & Veiligheid"
    report = render_report(session, deck)
    assert report.startswith("# Gemeente & GGZ\n")
    assert "\\&" not in report
    # Where it would start an entity, it is escaped so that it still reads as typed.
    session.session.title = "A &amp; B"
    report = render_report(session, deck)
    tokens = MarkdownIt("commonmark").parse(report)
    assert tokens[1].children[0].content == "A &amp; B"


def test_notes_follow_the_programme_and_unknown_screens_come_last(deck):
    session = hand_written()
    report = render_report(session, deck)
    notes = report[report.index("## Notities per scherm") : report.index("## Notities per laag")]
    first = notes.index("### " + deck.screen("complexer").title)
    second = notes.index("### " + deck.screen("tafels").title)
    unknown = notes.index("scherm-van-vroeger")
    assert first < second < unknown
    assert "Deze notitie hoort bij een scherm dat niet meer bestaat." in notes
    assert_lines_in_order(session.notes["tafels"], notes)
    layers = report[report.index("## Notities per laag") :]
    assert "### Over spelregels" in layers
    assert "Niemand weet wie besluit over de zware casussen." in layers


def test_an_answer_full_of_markdown_is_shown_verbatim(deck, session):
    tricky = (
        "# geen kop\n"
        "- geen lijst\n"
        "> geen citaat\n"
        "1. geen genummerde lijst\n"
        "````\n"
        "```python\n"
        "    ingesprongen\n"
        "*geen nadruk* en <b>geen html</b> &amp;\n"
        "---\n"
    )
    session.tables[0].answers["herkenbaar"] = tricky
    report = render_report(session, deck)
    assert shown(tricky) in visible_blocks(report)
    # The rest of the report is still read as Markdown after that answer.
    tokens = MarkdownIt("commonmark").parse(report)
    headings = [
        t.content
        for before, t in zip(tokens, tokens[1:], strict=False)
        if before.type == "heading_open" and "Laag in de driehoek" in t.content
    ]
    assert headings == ["Laag in de driehoek"]


def test_labels_with_markup_are_escaped_so_they_render_as_typed(deck, session):
    session.session.title = "Wijk *Noord* & [Zuid]"
    session.tables[0].name = "# Tafel_1"
    session.patterns.append(OwnPattern(id="eigen", title="- Wachten", steps=["1. a", "> b"]))
    session.tables[0].pattern = "eigen"
    report = render_report(session, deck)
    md = MarkdownIt("commonmark")
    text = "".join(
        child.content
        for token in md.parse(report)
        if token.type == "inline"
        for child in token.children or []
        if child.type == "text"
    )
    for label in ("Wijk ", "*Noord*", " & [Zuid]", "# Tafel_1", "- Wachten", "1. a", "> b"):
        assert label in text


def test_multi_line_principles_and_first_steps_keep_their_lines(deck, session):
    session.principles = [Principle(text="Eerst bellen,\ndan pas mailen.")]
    session.first_steps = [FirstStep(text="Stap één\n- met een streepje", owner="", table="")]
    report = render_report(session, deck)
    blocks = visible_blocks(report)
    assert "Eerst bellen,\ndan pas mailen." in blocks
    assert "Stap één\n- met een streepje" in blocks
    assert "Eigenaar: nog niemand" in report


def test_a_plenary_session_reports_its_one_record(deck):
    session = new_session(session_id="plenair-test", title="Plenair", werkvorm="plenair")
    session.tables[0].answers["bijdrage"] = "We houden vast aan onze eigen regels."
    report = render_report(session, deck)
    assert "plenair gesprek" in report
    assert "### Plenair" in report
    assert "We houden vast aan onze eigen regels." in report


def test_the_same_session_gives_the_same_report(deck):
    assert render_report(hand_written(), deck) == render_report(hand_written(), deck)


_TYPED = st.text(
    # NUL is replaced by every Markdown renderer; it cannot be typed in a text field either.
    alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
    max_size=200,
)


@settings(max_examples=150, deadline=None)
@given(answer=_TYPED.filter(bool))
def test_any_typed_answer_reads_back_exactly_from_the_rendered_markdown(answer):
    deck = load_deck()
    session = new_session(session_id="eigenschap", title="Eigenschap")
    session.tables[0].answers["herkenbaar"] = answer
    report = render_report(session, deck)
    assert shown(answer) in visible_blocks(report)


def _loop_blocks(report: str) -> list[str]:
    """The drawings: the code blocks followed directly by a pattern's numbered steps."""
    tokens = MarkdownIt("commonmark").parse(report)
    return [
        token.content
        for token, after in zip(tokens, tokens[1:], strict=False)
        if token.type == "fence" and after.type == "ordered_list_open"
    ]


def test_each_chosen_and_own_pattern_is_drawn_once_as_a_loop_above_its_steps(deck):
    session = hand_written()
    report = render_report(session, deck)
    loops = _loop_blocks(report)
    # Tafel 1's deck pattern and Tafel 2's own pattern, each once.
    assert len(loops) == 2
    assert "Wat is voorliggend?" in loops[0]
    assert "┌" in loops[0] and "▶" in loops[0]
    assert "Wachten op elkaar" in loops[1]
    # The full steps follow the drawing, so nothing a box shortened is lost.
    section = report[report.index("### Wat is voorliggend?") :]
    drawing_end = section.index("```\n", section.index("```text") + 1)
    for n, step in enumerate(deck.pattern("wat-is-voorliggend").steps, start=1):
        assert section.index(f"{n}. {step}") > drawing_end


@pytest.mark.parametrize("width", [60, 80, 100, 140])
def test_loops_fit_the_width_asked_for(deck, width):
    from patroon_tui.core.drawing.loop import cell_width

    report = render_report(hand_written(), deck, width=width)
    blocks = _loop_blocks(report)
    assert len(blocks) == 2
    for block in blocks:
        assert all(cell_width(line) <= width for line in block.splitlines())


def test_an_ascii_report_draws_loops_without_box_characters(deck):
    report = render_report(hand_written(), deck, ascii=True)
    loops = _loop_blocks(report)
    assert loops
    for block in loops:
        assert not set(block) & set("┌┐└┘│─▶◀▲▼")
        assert "+" in block and "|" in block


def test_the_time_per_part_is_in_the_overview_where_the_session_counted_it(deck, session):
    import datetime as dt

    assert "Tijdsverloop" not in render_report(session, deck)
    one, two, three = [p for p in deck.parts if p.number]
    session.progress.seconds = {
        one.screens[0].id: one.minutes * 60 + 300, two.screens[0].id: 30 * 60,
    }
    session.progress.started = dt.datetime(2026, 11, 28, 8, 30, tzinfo=dt.timezone.utc)
    session.progress.last_active = dt.datetime(2026, 11, 28, 10, 15, tzinfo=dt.timezone.utc)
    report = render_report(session, deck)
    overview = report[report.index("### Tijdsverloop") : report.index("## Tafels")]
    assert "| Deel | Gepland (min.) | Werkelijk (min.) |" in overview
    assert f"| {one.title} | {one.minutes} | {one.minutes + 5} (uitgelopen) |" in overview
    assert f"| {two.title} | {two.minutes} | 30 |" in overview
    assert f"| {three.title} | {three.minutes} | 0 |" in overview
    assert "Begonnen: 28 november 2026" in overview and "laatst actief: 28 november 2026" in overview
