"""The programme screen's keys (none of them printable: a letter is always text): turning pages (also the clicker's), the panes and modes,
the loop, the timer, and the room (presenter console, answers shown to the room).

The help screen and the footer read them from here through ``ProgrammeScreen.BINDINGS``.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

PROGRAMME_BINDINGS: list[BindingType] = [
    Binding("right", "next", "Volgende", id="next"),
    Binding("left", "previous", "Vorige", show=False, id="previous"),
    # The clicker (PgDn/PgUp) and the chord turn pages everywhere, also while typing.
    Binding(
        "pagedown,alt+right,ctrl+pagedown", "next", "Volgende scherm (ook tijdens typen; klikker)",
        show=False, priority=True, id="next-anywhere",
    ),
    Binding(
        "pageup,alt+left,ctrl+pageup", "previous", "Vorige scherm (ook tijdens typen; klikker)",
        show=False, priority=True, id="previous-anywhere",
    ),
    Binding("f2", "notes", "Notities", priority=True, id="notes"),
    # Tab in the notes goes back to the field they were opened from (or stays): it must
    # never leave the cursor on nothing, where the next letters would turn pages.
    Binding("tab,shift+tab", "leave_notes", "Terug naar het veld", show=False, priority=True,
            id="notes-tab"),
    Binding("f4", "agenda", "Agenda", show=False, priority=True, id="agenda"),
    Binding("f5", "presentation", "Presenteren", priority=True, id="presentation"),
    # The room: the presenter console (slide small, next screen, notes, time), and the
    # answers of this screen shown in the audience window (patroon present) while on.
    Binding("f3", "console", "Presentatorconsole", show=False, priority=True, id="console"),
    Binding("f10", "show_room", "Tonen aan de zaal", show=False, priority=True, id="show-room"),
    Binding("f6", "timer_toggle", "Timer start/pauze", show=False, priority=True, id="timer-toggle"),
    Binding("f7", "timer_reset", "Timer opnieuw", show=False, priority=True, id="timer-reset"),
    Binding("f9", "to_tables", "Naar tafels", show=False, priority=True, id="to-tables"),
    # The recording bodies bind ctrl+n too (their footer says what it makes); this one
    # works where the cursor is outside the body: nowhere after Esc, the agenda, the notes.
    Binding("ctrl+n", "new_record", "Nieuwe tafel, principe of stap", show=False,
            id="new-record"),
    Binding("escape", "escape", "Veld verlaten / markering weg", show=False, id="escape"),
    # The loop: chords, never letters — a letter typed on a slide goes into its notes.
    Binding("ctrl+r", "reveal_next", "Stap voor stap", priority=True, id="reveal-next"),
    Binding("ctrl+f", "reveal_all", "Alle stappen tonen", show=False, priority=True,
            id="reveal-all"),
    # Where the first steps cut the loop: hidden until asked (widgets/slide.py says why);
    # offered only where a first step is tied to this pattern.
    Binding("ctrl+o", "breaks", "Eerste stappen in de lus", priority=True, id="show-breaks"),
    Binding("ctrl+down", "highlight_next", "Volgende stap markeren", show=False,
            id="highlight-next"),
    Binding("ctrl+up", "highlight_previous", "Vorige stap markeren", show=False,
            id="highlight-previous"),
    Binding("up", "scroll(-1)", "Dia omhoog schuiven", show=False, id="scroll-up"),
    Binding("down", "scroll(1)", "Dia omlaag schuiven", show=False, id="scroll-down"),
]
