"""Heavy lines for the projector: the same drawing, cell for cell, with thick lines."""

from patroon_tui.core.drawing.cells import cell_width
from patroon_tui.core.drawing.heavy import heavy
from patroon_tui.core.drawing.loop import draw_loop


def test_a_loop_drawn_heavy_keeps_every_cell_and_word():
    drawing = draw_loop("Wereldvrede", ["Een complex vraagstuk", "Iedereen is het eens",
                                        "Een opdracht", "Geen visie"], 80, 24)
    for line in drawing.lines:
        thick = heavy(line)
        assert cell_width(thick) == cell_width(line)
        assert not set(thick) & set("┌┐└┘─│┄┆")
        assert [c for c in thick if c.isalnum()] == [c for c in line if c.isalnum()]
    assert any("┏" in heavy(line) for line in drawing.lines)


def test_text_and_ascii_stay_as_they_are():
    assert heavy("+--+ | > tekst") == "+--+ | > tekst"
