"""The privacy check on a corpus of realistic Dutch texts (``privacy_corpus``): it finds
every piece of personal data, in the forms people type, and flags none of the amounts,
dates, postcodes and case numbers beside them."""

from __future__ import annotations

import pytest

from patroon_tui.core.model.session import new_session
from patroon_tui.core.report.privacy import find_in_text, redacted
from tests.core.privacy_corpus import WITH_PERSONAL_DATA, WITHOUT_PERSONAL_DATA


def found(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((f.kind, f.text) for f in find_in_text(text))


def test_the_corpus_is_large_enough():
    assert len(WITH_PERSONAL_DATA) + len(WITHOUT_PERSONAL_DATA) >= 100
    assert len(WITH_PERSONAL_DATA) >= 49


@pytest.mark.parametrize(("text", "expected"), WITH_PERSONAL_DATA)
def test_every_piece_of_personal_data_is_found_as_typed(text, expected):
    assert found(text) == expected


def test_nothing_else_is_flagged():
    wrong = {text: found(text) for text in WITHOUT_PERSONAL_DATA if found(text)}
    assert wrong == {}


@pytest.mark.parametrize(("text", "expected"), WITH_PERSONAL_DATA)
def test_a_redacted_text_holds_none_of_it(text, expected):
    session = new_session(session_id="s", title="Sessie")
    session.notes["programma"] = text
    notes = redacted(session).notes["programma"]
    for _, piece in expected:
        assert piece not in notes
    assert find_in_text(notes) == []
