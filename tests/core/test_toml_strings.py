"""Long texts are written as TOML literal strings only where that form holds them exactly."""

from __future__ import annotations

import datetime as dt
import tomllib

from hypothesis import HealthCheck, example, given, settings, strategies as st

from patroon_tui.core.model.session import (
    FirstStep,
    OwnPattern,
    Principle,
    Table,
    new_session,
)
from patroon_tui.core.sessionfile.store import dumps_session, loads_session
from patroon_tui.core.sessionfile.toml_strings import LITERAL_FROM, literal_form

# What a literal string cannot hold, or only with care: quotes of both kinds and three of
# them, backslashes and things that look like escapes, tabs, every line ending, control
# characters, DEL, bidi controls, and text that is fine raw (emoji, right-to-left).
TRICKY = [
    "'", "''", "'''", "''''", '"', '"""', "\\", "\\n", "\\u0041", "\t", "\n", "\r\n", "\r",
    "\n\n", "\x00", "\x1b[31m", "\x7f", "\x85", "\u2028", "\v", "\f", "\ufeff",
    "\U0001f3e0", "\U0001f469\u200d\U0001f4bb", "שלום", "مرحبا", "\u202e", "\u2066", "\u200f",
    "# geen commentaar", "[[tables]]", "key = 1", " ", "é",
]
piece = st.one_of(st.text(), st.sampled_from(TRICKY))
text = st.lists(piece, max_size=10).map("".join)
# Long enough to be written as a literal string where one can hold it.
long_text = st.tuples(text, st.text(alphabet="abc wxyz.,", min_size=LITERAL_FROM)).map(
    lambda parts: parts[0] + parts[1] if len(parts[0]) % 2 else parts[1] + parts[0]
)


def read_value(form: str) -> str:
    return tomllib.loads(f"x = {form}\n")["x"]


@example("a'")
@example("'''")
@example("a\r\nb")
@example("\nbegint met een regel")
@example("eindigt met een regel\n")
@example("a\u202eb")
@given(text)
def test_a_literal_form_reads_back_as_exactly_the_text(value):
    form = literal_form(value)
    if form is None:
        return
    assert read_value(form) == value
    assert tomllib.loads(f"x = [\n    {form},\n]\n")["x"] == [value]


def test_which_texts_keep_their_basic_string():
    assert literal_form("zo ging het") == "'zo ging het'"
    assert literal_form("eerst\ndan") == "'''\neerst\ndan'''"
    assert literal_form("auto's") == "'''\nauto's'''"
    for kept in ("a\r\nb", "a\rb", "a\x00b", "a'''b", "eindigt op '", "a\u202eb", "a\x7fb"):
        assert literal_form(kept) is None, kept


def session_with(value: str, other: str):
    session = new_session(
        session_id="2026-11-28-noord", title=value, date=dt.date(2026, 11, 28),
        facilitator=other, location=value,
        now=dt.datetime(2026, 11, 28, 9, 30, tzinfo=dt.UTC),
    )
    session.notes = {"complexer": value, other: other}
    session.layer_notes = {"doel": other}
    session.tables = [
        Table(id="tafel-1", name=value, participants=other,
              answers={"herkenbaar": value, "bijdrage": other}),
    ]
    session.patterns = [OwnPattern(id="eigen-1", title=value, steps=[value, other])]
    session.principles = [Principle(text=value), Principle(text=other)]
    session.first_steps = [FirstStep(text=value, owner=other, table="tafel-1")]
    return session


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(long_text, long_text)
def test_any_long_text_round_trips_exactly_and_gives_the_same_bytes(value, other):
    session = session_with(value, other)
    written = dumps_session(session)
    back = loads_session(written, "rondje.toml")
    assert back.model_dump() == session.model_dump()
    assert dumps_session(back) == written
    assert dumps_session(session_with(value, other)) == written
    assert "\u202e" not in written and "\u2066" not in written and "\r" not in written
    for form in (literal_form(value), literal_form(other)):
        if form is not None:
            assert f"title = {form}\n" in written or f"text = {form}\n" in written


def test_a_long_note_is_written_as_its_lines():
    note = "Wethouder noemt de woningnood als grootste zorg.\nDe GGZ wacht op de gemeente en de corporatie.\n"
    session = session_with("kort", "kort")
    session.notes["complexer"] = note
    written = dumps_session(session)
    assert f"complexer = '''\n{note}'''\n" in written
    assert loads_session(written, "n.toml").notes["complexer"] == note


def test_short_texts_and_texts_a_literal_cannot_hold_stay_basic_strings():
    long = "Ja, elke week bij het casusoverleg, en dan vooral als de woningcorporatie aanschuift."
    session = session_with("Wijkteam Noord", "kort")
    session.notes["complexer"] = long + "\r\n"
    session.notes["relatie"] = long + " \u202e"
    session.tables[0].answers["herkenbaar"] = long + "'"
    written = dumps_session(session)
    assert 'format = "patroon-session"' in written
    assert 'title = "Wijkteam Noord"' in written
    assert f'complexer = "{long}\\r\\n"' in written
    assert f'relatie = "{long} \\u202e"' in written
    assert f'herkenbaar = "{long}\'"' in written
    back = loads_session(written, "b.toml")
    assert back.notes["complexer"] == long + "\r\n"
    assert back.notes["relatie"] == long + " \u202e"


def test_a_file_written_before_with_basic_strings_reads_the_same():
    long = "Antwoord van tafel 1 op herkenbaar. " * 20
    session = session_with(long, "kort")
    new = dumps_session(session)
    old = new.replace(f"'{long}'", '"' + long + '"')
    assert old != new
    assert loads_session(old, "oud.toml").model_dump() == session.model_dump()
    assert dumps_session(loads_session(old, "oud.toml")) == new
