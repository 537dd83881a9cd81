"""When the agenda folds away, decided without a screen."""

from __future__ import annotations

import pytest

from patroon_tui.core.drawing.agenda_fit import (
    AGENDA_WIDTH,
    AGENDA_WIDTH_WIDE,
    RECORDING_ROOM,
    TEXT_ROOM,
    AgendaFit,
    agenda_width,
    ring_fits,
    slide_room,
)
from patroon_tui.core.model.deck import load_deck


@pytest.fixture(scope="module")
def pattern():
    return load_deck().patterns[0]


def squeezes(fit: AgendaFit, width: int, height: int = 40, *, recording=False, pattern=None,
             notes=False, layout="normal") -> bool:
    return fit.squeezes("s", recording=recording, pattern=pattern, width=width, height=height,
                        notes=notes, layout=layout)


def test_the_agenda_is_wider_on_a_wide_terminal() -> None:
    assert agenda_width(139) == AGENDA_WIDTH
    assert agenda_width(140) == AGENDA_WIDTH_WIDE


def test_a_recording_screen_needs_its_room() -> None:
    fit = AgendaFit()
    assert squeezes(fit, AGENDA_WIDTH + RECORDING_ROOM - 1, recording=True)
    assert not squeezes(fit, AGENDA_WIDTH + RECORDING_ROOM, recording=True)


def test_a_text_slide_needs_less() -> None:
    fit = AgendaFit()
    assert squeezes(fit, AGENDA_WIDTH + TEXT_ROOM - 1)
    assert not squeezes(fit, AGENDA_WIDTH + TEXT_ROOM)


def test_the_notes_take_room_from_the_slide() -> None:
    assert slide_room(100, 30, notes=False, layout="normal") == (98, 27)
    assert slide_room(150, 30, notes=True, layout="wide") == (92, 27)
    assert slide_room(100, 30, notes=True, layout="normal") == (98, 17)
    assert slide_room(70, 30, notes=True, layout="narrow") == (68, 20)


def test_a_pattern_folds_the_agenda_when_that_makes_a_ring(pattern) -> None:
    fit = AgendaFit()
    for width in range(AGENDA_WIDTH + TEXT_ROOM, 200, 4):
        slide_width, slide_height = slide_room(width, 40, notes=False, layout="normal")
        agenda = agenda_width(width)
        expected = ring_fits(pattern, slide_width, slide_height) and not ring_fits(
            pattern, slide_width - agenda, slide_height
        )
        assert squeezes(fit, width, pattern=pattern) is expected
    assert not ring_fits(pattern, 10, 40)
    assert not ring_fits(pattern, 200, 0)


def test_f4_is_remembered_per_kind_of_fit() -> None:
    fit = AgendaFit()
    assert fit.shown(False) and not fit.shown(True)
    fit.toggle(False, shown=True)
    assert not fit.shown(False) and not fit.shown(True)
    fit.toggle(True, shown=False)
    assert fit.shown(True)
