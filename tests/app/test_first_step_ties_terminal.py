"""In a real terminal: a first step typed and tied to the arrow it breaks lands in the file.

``python -m patroon_tui open …`` runs in a pseudo-terminal of 80×24 on the first-steps
screen. The facilitator types a step, ties it to *Wereldvrede* (ctrl+o; the table chose it,
so it comes first), to the arrow after step 3 (ctrl+↓ three times) and to the layer
*spelregels* (ctrl+l twice), typing on between the chords, and quits with ctrl+q. The
keys go in without waiting for the screen (in one write with ctrl+q, or a piece at a time);
only the end is waited for.
"""

from __future__ import annotations

import os
import tomllib

import pytest

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.sessionfile.store import SessionStore
from tests.app.test_signals import drain, read_until, start_app, wait_for_end

CTRL_O, CTRL_L, CTRL_Q = b"\x0f", b"\x0c", b"\x11"
CTRL_DOWN = b"\x1b[1;5B"


@pytest.mark.parametrize("paced", [False, True], ids=["one-write", "paced"])
def test_a_typed_step_tied_to_wereldvrede_after_step_3_at_spelregels(tmp_path, paced):
    store = SessionStore(tmp_path / "sessies")
    session = store.create(title="Doorbreken", deck=load_deck())
    session.tables[0].pattern = "wereldvrede"
    session.progress.screen = "eerste-stappen"
    store.save(session, store.path_for(session.session.id))
    session_id = session.session.id
    pid, fd = start_app(store, session_id)
    try:
        read_until(fd, b"Afgesproken eerste stappen")
        typed = [b"Elke maand een casusoverleg", CTRL_O, b" met de wijkagent",
                 CTRL_DOWN * 3, b" en het jongerenwerk", CTRL_L * 2, b", vanaf januari."]
        if paced:  # as a person types: each piece on its own, a moment between them
            for piece in typed:
                os.write(fd, piece)
                drain(fd, 0.05)
            os.write(fd, CTRL_Q)
        else:  # all in one write, ctrl+q too: every key read is applied before quitting
            os.write(fd, b"".join([*typed, CTRL_Q]))
        wait_for_end(pid, fd, seconds=30)
    finally:
        os.close(fd)
    data = tomllib.loads(store.path_for(session_id).read_text(encoding="utf-8"))
    [step] = data["first_steps"]
    assert step["text"] == ("Elke maand een casusoverleg met de wijkagent en het "
                            "jongerenwerk, vanaf januari.")
    assert (step["pattern"], step["breaks_after"], step["layer"]) == (
        "wereldvrede", 3, "spelregels")
