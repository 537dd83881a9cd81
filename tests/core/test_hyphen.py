"""Dutch hyphenation: where words break, that the letters stay as typed, and that the
dictionary is read only when asked for."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings, strategies as st

from patroon_tui.core.drawing import hyphen
from patroon_tui.core.drawing.cells import cell_width
from patroon_tui.core.drawing.wrap import Breaking, wrap

REPO_ROOT = Path(__file__).resolve().parents[2]


def broken_at(word: str) -> list[str]:
    points = hyphen.break_points(word)
    return [word[a:b] for a, b in zip((0, *points), (*points, len(word)), strict=True)]


def test_dutch_words_break_between_syllables():
    assert broken_at("gemeenschappelijkheid") == ["ge", "meen", "schap", "pe", "lijk", "heid"]
    assert broken_at("organisaties") == ["or", "ga", "ni", "sa", "ties"]


def test_punctuation_around_a_word_is_not_a_syllable():
    assert broken_at("(gemeenschappelijkheid)")[0] == "(ge"
    assert broken_at("‘slagbomen’") == ["‘slag", "bo", "men’"]
    assert hyphen.break_points("is.") == ()


def test_a_word_keeps_three_letters_after_its_last_break():
    for word in ("organisaties", "inwoners", "zelfredzaamheid", "casuïstiek"):
        points = hyphen.break_points(word)
        assert points and len(word) - points[-1] >= 3, word


def test_a_break_at_a_line_end_leaves_every_letter_as_typed():
    text = "De focus komt te liggen op de eigen kracht en zelfredzaamheid van de inwoner."
    for width in range(8, 40):
        lines = wrap(text, width, Breaking.FILL)
        assert all(cell_width(line) <= width for line in lines)
        joined = " ".join(lines).replace("- ", "")
        assert joined.replace(" ", "") == text.replace(" ", "")


def test_words_are_broken_only_where_that_saves_a_line():
    text = "Tijden van schaarste qua woningen en middelen om zorg te bieden aan inwoners."
    assert wrap(text, 17, Breaking.FILL) == wrap(text, 17)  # six lines either way
    longer = "Lastige keuzes voor organisaties. De focus komt te liggen op de eigen kracht."
    assert len(wrap(longer, 17, Breaking.FILL)) < len(wrap(longer, 17))


def test_a_word_with_its_own_hyphen_breaks_there():
    lines = wrap("Het zorg-en-veiligheidshuis belt terug.", 14, Breaking.FILL)
    assert lines[0] == "Het zorg-en-"
    assert "veiligheids-" in lines[1]


_letters = st.text(alphabet="aeioubcdfghjklmnprstvwzijëïé", min_size=1, max_size=30)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(_letters, min_size=1, max_size=12), width=st.integers(4, 40))
def test_hyphenated_wrapping_fits_and_keeps_the_text(words, width):
    text = " ".join(words)
    lines = wrap(text, width, Breaking.FILL)
    assert all(cell_width(line) <= width for line in lines)
    assert len(lines) <= len(wrap(text, width))
    # what the lines hold is the text, with hyphens only where a word was broken
    assert "".join(lines).replace("-", "").replace(" ", "") == text.replace(" ", "")


def test_importing_the_app_does_not_read_the_dictionary():
    # A fresh interpreter: this one has read it already.
    check = (
        "import sys, patroon_tui.cli, patroon_tui.app, patroon_tui.core.drawing.loop\n"
        "print('pyphen' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.strip() == "False"


def test_only_a_word_too_long_for_a_line_breaks_at_a_syllable_when_not_filling():
    text = "Lastige keuzes voor organisaties: (gemeenschappelijkheid)."
    assert wrap(text, 17, Breaking.SYLLABLES) == [
        "Lastige keuzes",
        "voor",
        "organisaties:",
        "(gemeenschappe-",
        "lijkheid).",
    ]
    # without the dictionary the long word is cut where the line ends
    assert wrap(text, 17)[3:] == ["(gemeenschappeli-", "jkheid)."]
    # filling breaks "organisaties" too, and saves a line
    assert wrap(text, 17, Breaking.FILL) == [
        "Lastige keuzes",
        "voor organisa-",
        "ties: (gemeen-",
        "schappelijkheid).",
    ]
