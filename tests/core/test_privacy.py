"""The privacy check: BSNs (11-proef), Dutch phone numbers, e-mail addresses and IBANs in
typed text are found and named; redaction replaces exactly those, nothing else."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.session import FirstStep, OwnPattern, Principle, Table, new_session
from patroon_tui.core.report.privacy import (
    find_in_text,
    find_personal_data,
    is_bsn,
    marker,
    redacted,
)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in find_in_text(text)]


@pytest.mark.parametrize("number", ["123456782", "111222333", "1234.56.782", "123 456 782"])
def test_a_number_passing_the_11_proef_is_a_bsn(number):
    assert kinds(f"cliënt {number} belde") == [("bsn", number)]


@pytest.mark.parametrize(
    "number",
    ["123456789", "111222334", "000000000", "12345678", "1234567820", "123.456.7820"],
)
def test_other_numbers_are_no_bsn(number):
    assert [k for k, _ in kinds(f"nummer {number} genoemd")] != ["bsn"]


def test_the_11_proef_itself():
    assert is_bsn("123456782") and is_bsn("111222333")
    assert not is_bsn("123456783") and not is_bsn("000000000")


@pytest.mark.parametrize(
    "number",
    [
        "0612345678", "06-12345678", "06 1234 5678", "06 123 456 78", "+31612345678",
        "+31 6 12345678", "+31 (0)6 12345678", "0031 6 12345678", "020-1234567",
        "(020) 123 4567", "010 123 4567",
    ],
)
def test_dutch_phone_numbers_in_the_common_notations(number):
    assert kinds(f"bel {number}, na vijven") == [("telefoon", number)]


@pytest.mark.parametrize(
    "text",
    ["op 2026-12-04 om 14:30", "€ 1.250.000 subsidie", "tafel 12 en 13", "0012345678",
     "06-1234567", "postcode 1234 AB", "versie 3.2.1"],
)
def test_dates_amounts_and_short_numbers_are_not_personal_data(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "address", ["piet@gemeente.nl", "j.de.vries+wijk@ggz-noord.example.org", "A_B@x.co"]
)
def test_e_mail_addresses(address):
    assert kinds(f"mail naar {address}.") == [("e-mail", address)]


def test_no_e_mail_without_a_domain():
    assert kinds("zie @gemeente en piet@ en a@b") == []


@pytest.mark.parametrize(
    "iban", ["NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "DE89370400440532013000",
             "BE68539007547034"]
)
def test_ibans_with_right_check_digits(iban):
    assert kinds(f"rekening {iban} graag") == [("iban", iban)]


def test_an_iban_with_wrong_check_digits_is_not_named():
    assert kinds("rekening NL92ABNA0417164300") == []


def test_the_default_deck_gives_no_finding():
    deck = load_deck()
    # The deck's text is not typed and is never checked: a new session has no findings.
    session = new_session(session_id="s-1", title="Wijkteam Noord")
    assert find_personal_data(session, deck) == []
    # Nor would the checker mistake any of it, but for the public addresses of the
    # workshop's makers on the contact slide.
    texts = [deck.title] + [s.title for s in deck.screens] + [s.body for s in deck.screens]
    texts += [q.text for q in deck.questions] + [layer.title for layer in deck.layers]
    texts += [step for p in deck.patterns for step in [p.title, *p.steps]]
    found = [(f.kind, f.text) for text in texts for f in find_in_text(text)]
    assert all(kind == "e-mail" and text.lower().endswith("@vng.nl") for kind, text in found)


def full_session(text: str):
    deck = load_deck()
    session = new_session(session_id="s-1", title=f"Titel {text}")
    session.session.facilitator = text
    session.tables = [
        Table(id="tafel-1", name=f"Tafel {text}", participants=text,
              answers={q.id: f"{q.id}: {text}" for q in deck.text_questions}),
    ]
    session.patterns = [OwnPattern(id="eigen-1", title=text, steps=[text, f"en {text}"])]
    session.principles = [Principle(text=text)]
    session.first_steps = [FirstStep(text=text, owner=text, table="tafel-1")]
    session.notes = {"programma": text, "onbekend": text}
    session.layer_notes = {"doel": text}
    return session, deck


def test_every_typed_field_is_checked_and_named():
    session, deck = full_session("mail piet@gemeente.nl")
    where = [f.where for f in find_personal_data(session, deck)]
    question = deck.text_questions[0].text
    assert f"Tafel mail piet@gemeente.nl, vraag ‘{question}’" in where
    assert "de notitie bij ‘Programma’" in where
    assert "de notitie bij ‘onbekend’" in where
    assert "eerste stap 1, eigenaar" in where
    assert "eigen patroon ‘mail piet@gemeente.nl’, stap 2" in where
    # title, facilitator, table name, participants, 4 answers, own pattern title and two
    # steps, principle, first step and owner, two notes, a layer note
    assert len(where) == 17


def test_redaction_changes_only_the_findings_and_not_the_session():
    session, deck = full_session("bel 06-12345678 of mail piet@gemeente.nl")
    before = session.model_dump()
    clean = redacted(session, deck)
    assert session.model_dump() == before
    expected = f"bel {marker('telefoon')} of mail {marker('e-mail')}"
    assert clean.session.facilitator == expected
    assert clean.tables[0].participants == expected
    assert clean.patterns[0].steps == [expected, f"en {expected}"]
    assert clean.notes["onbekend"] == expected
    assert find_personal_data(clean, deck) == []


_PLAIN = st.text(alphabet=st.sampled_from(list("abc xyz,.é🙂\n")), max_size=15)
_PERSONAL = st.sampled_from(
    ["123456782", "06-12345678", "+31 20 1234567", "piet@gemeente.nl", "NL91ABNA0417164300"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_PLAIN, _PERSONAL), max_size=4), _PLAIN)
def test_redaction_replaces_exactly_the_findings(pieces, tail):
    # Plain text between the findings, with a space on each side so they stand apart.
    text = "".join(f"{plain} {personal} " for plain, personal in pieces) + tail
    found = find_in_text(text)
    assert [f.text for f in found] == [personal for _, personal in pieces]
    session, deck = full_session("")
    session.principles = [Principle(text=text)]
    expected = "".join(
        f"{plain} {marker(f.kind)} " for (plain, _), f in zip(pieces, found, strict=True)
    ) + tail
    assert redacted(session, deck).principles[0].text == expected
