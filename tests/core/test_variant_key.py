"""The own pattern's added key ``variant_of``: read and written back as it is, absent when
unset (a file without it is byte-identical), said when the deck lacks the pattern, and
carried by a merge."""

from __future__ import annotations

import datetime as dt

from patroon_tui.core.merge import merge_sessions
from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.session import OwnPattern, new_session
from patroon_tui.core.sessionfile.session_toml import dumps_session, loads_session
from patroon_tui.core.sessionfile.validation import review
from tests.core.test_merge import Laptop, base_session

DECK = load_deck()


def with_pattern(variant_of: str | None):
    session = new_session(session_id="2026-12-04-wijkteam", title="Wijkteam",
                          now=dt.datetime(2026, 12, 4, 9, tzinfo=dt.timezone.utc))
    session.patterns = [OwnPattern(id="eigen-tafel-1", title="Vrede, bij ons",
                                   steps=["a", "b"], variant_of=variant_of)]
    return session


def test_it_round_trips_and_is_absent_when_unset():
    text = dumps_session(with_pattern("wereldvrede"))
    assert 'variant_of = "wereldvrede"' in text
    assert dumps_session(loads_session(text, "x")) == text
    plain = dumps_session(with_pattern(None))
    assert "variant_of" not in plain
    assert plain == text.replace('variant_of = "wereldvrede"\n', "")


def test_a_pattern_the_deck_lacks_is_kept_and_said():
    session = with_pattern("verdwenen")
    notices = review(session, "2026-12-04-wijkteam.toml", deck=DECK)
    assert any("patterns[0].variant_of" in n and "'verdwenen'" in n for n in notices), notices
    assert session.patterns[0].variant_of == "verdwenen"
    assert review(with_pattern("wereldvrede"), "2026-12-04-wijkteam.toml", deck=DECK) == []


def test_a_merge_carries_it():
    base = base_session()
    one, two = Laptop(base, "een", 1), Laptop(base, "twee", 2)
    one.session.patterns.append(OwnPattern(id="eigen-tafel-1", title="Vrede, bij ons",
                                           steps=["a", "b"], variant_of="wereldvrede"))
    two.session.principles[0].text = "Eerst bellen, dan mailen"
    merged = merge_sessions([one.save(), two.save()])
    assert [(p.title, p.variant_of) for p in merged.patterns] == [
        ("Vrede, bij ons", "wereldvrede")]
