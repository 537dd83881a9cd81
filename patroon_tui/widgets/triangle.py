"""The triangle screen's body: the three layers of the collaboration triangle, live.

``TrianglePanel`` draws the triangle (narrow at the top, wide at the bottom: doel,
spelregels, relatie), says per layer how many tables placed their pattern there, gives the
layer's explanation and its questions, and holds a note per layer (``session.layer_notes``).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Label, Static

from patroon_tui.core.drawing.triangle import BAND_ROWS, draw_triangle
from patroon_tui.core.drawing.wrap import wrap
from patroon_tui.core.model.deck import Layer
from patroon_tui.core.model.recording import count_label, tables_on_layer
from patroon_tui.messages import SessionChanged
from patroon_tui.widgets.fields import FieldScroll, RecordArea
from patroon_tui.widgets.recording import RecordingBody

__all__ = ["LayerNote", "TrianglePanel", "count_label", "draw_triangle"]


class LayerNote(RecordArea):
    """The note for one layer; ``layer_id`` says which."""

    def __init__(self, value: str, layer_id: str) -> None:
        super().__init__(value, id=f"note-{layer_id}", classes="layer-note", compact=True)
        self.layer_id = layer_id


class TrianglePanel(RecordingBody):
    """The triangle with live counts per layer, the layers' questions and a note per layer."""

    DEFAULT_CSS = """
    TrianglePanel {
        height: 1fr;
        width: 1fr;
    }

    TrianglePanel #triangle-scroll {
        height: 1fr;
        padding: 0 1;
    }

    TrianglePanel #triangle-figure {
        margin-bottom: 1;
        color: $accent;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }

    TrianglePanel .layer {
        height: auto;
        margin-bottom: 1;
    }

    TrianglePanel .layer-title {
        text-style: bold;
    }

    TrianglePanel .count {
        color: $text-muted;
    }

    TrianglePanel .layer-questions {
        color: $text-muted;
        padding-left: 2;
    }

    TrianglePanel .layer-note {
        height: auto;
        min-height: 3;
        max-height: 8;
        border-left: wide $panel;
    }

    TrianglePanel .layer-note:focus {
        border-left: wide $accent;
    }

    TrianglePanel .note-label {
        color: $text-muted;
        margin-top: 1;
    }

    TrianglePanel .layer-body {
        padding-left: 2;
        margin-top: 1;
    }
    """

    # -- public API -------------------------------------------------------------------

    def first_field(self) -> Widget | None:
        """The first layer's note."""
        notes = self.query(LayerNote) if self.is_mounted else None
        return notes.first() if notes else None

    def refresh_from_session(self) -> None:
        """Recount the tables per layer and reload the notes from the session."""
        if not self.when_ready(self.refresh_from_session):
            return
        self._redraw_figure()
        for layer in self.deck.layers:
            self.query_one(f"#count-{layer.id}", Static).update(self._count_text(layer))
            note = self.query_one(f"#note-{layer.id}", LayerNote)
            value = self.session.layer_notes.get(layer.id, "")
            if note.model_value() != value:
                note.load_value(value)

    # -- building ---------------------------------------------------------------------

    def _figure(self) -> list[str]:
        # The count on a line of its own: beside the figure a long layer name and its
        # count do not fit 80 columns on one line. A name wider than the room beside the
        # figure takes two lines rather than losing its end.
        bands = BAND_ROWS * len(self.deck.layers)
        room = self._figure_width() - (2 * bands + 2) - 3 - 3  # figure, gap, "1  "
        labels = []
        for n, layer in enumerate(self.deck.layers, start=1):
            title = wrap(layer.title, room) if room >= 12 else [layer.title]
            if len(title) > BAND_ROWS - 1:
                title = [title[0], " ".join(title[1:])]  # cut at the end, as before
            count = count_label(len(tables_on_layer(self.session, layer.id)))
            lines = [f"{n}  {title[0]}", *(f"   {line}" for line in title[1:]), f"   {count}"]
            labels.append("\n".join(lines))
        return draw_triangle(labels)

    def _figure_width(self) -> int:
        if not self.is_mounted:
            return 200  # before the first layout: one line per name
        return self.query_one("#triangle-figure", Static).content_region.width or 200

    def on_resize(self) -> None:
        # After the layout, when the figure's own width is known.
        self.call_after_refresh(self._redraw_figure)

    def _redraw_figure(self) -> None:
        if self.is_mounted:
            self.query_one("#triangle-figure", Static).update("\n".join(self._figure()))

    def _count_text(self, layer: Layer) -> str:
        names = tables_on_layer(self.session, layer.id)
        if not names:
            return "Nog geen tafel plaatste zijn patroon hier."
        return f"{count_label(len(names))}: {', '.join(names)}"

    def compose(self) -> ComposeResult:
        with FieldScroll(id="triangle-scroll"):
            yield Static("\n".join(self._figure()), id="triangle-figure")
            for n, layer in enumerate(self.deck.layers, start=1):
                with Vertical(classes="layer", id=f"layer-{layer.id}"):
                    yield Static(f"{n}. {layer.title}", classes="layer-title")
                    yield Static(self._count_text(layer), id=f"count-{layer.id}", classes="count")
                    if layer.questions:
                        questions = "\n".join(f"• {q}" for q in layer.questions)
                        yield Static(questions, classes="layer-questions")
                    yield Label(f"Notities bij laag {n}", classes="note-label")
                    yield LayerNote(self.session.layer_notes.get(layer.id, ""), layer.id)
                    if layer.body.strip():
                        # Under the note, a paragraph a line: above it, the explanation
                        # pushed the figure off a 60x20 or 80x24 screen as the cursor
                        # arrived in the first note.
                        yield Static("\n".join(layer.paragraphs()), classes="layer-body",
                                     markup=False)

    # -- typing -----------------------------------------------------------------------

    @on(RecordArea.Changed, ".layer-note")
    def _note_changed(self, event: RecordArea.Changed) -> None:
        note = event.text_area
        assert isinstance(note, LayerNote)
        value = note.model_value()
        if self.session.layer_notes.get(note.layer_id, "") != value:
            self.session.layer_notes[note.layer_id] = value
            self.post_message(SessionChanged())

