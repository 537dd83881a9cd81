"""In a real terminal: a seeded random walk over the facilitator's window keeps every word.

``python -m patroon_tui open …`` runs in a pseudo-terminal of 80×24. A walk types marker
words (each unique, e.g. ``j07x``) — in one write, as a paste or a fast typist's terminal
sends them, or one byte at a time with small gaps — between page turns (PageDown/PageUp),
Tab, Esc, ctrl+n and F8 followed by typing; then ctrl+q. Every marker must be whole in the
file. The keys go in without waiting for the screen, as a facilitator types; only the end
(the app gone, the file written) is waited for.
"""

from __future__ import annotations

import os
import random

import pytest

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.session import FirstStep, Principle, Table
from patroon_tui.core.sessionfile.store import SessionStore
from tests.app.test_signals import drain, read_until, start_app, wait_for_end

PAGE_DOWN, PAGE_UP = b"\x1b[6~", b"\x1b[5~"
TAB, ESC, CTRL_N, CTRL_Q = b"\t", b"\x1b", b"\x0e", b"\x11"
F8 = b"\x1b[19~"
MOVES = {"pagedown": PAGE_DOWN, "pageup": PAGE_UP, "tab": TAB, "escape": ESC, "ctrl+n": CTRL_N}
#: A marker's first letter: the letters that were commands (j/y answer "Ja", n/p and space
#: turn pages, r/h reveal and highlight) and one that never was.
FIRST_LETTERS = "jnpyrhW"
LAST_LETTERS = "xqnj"
STEPS = 26


def walk(seed: int) -> tuple[list[tuple[str, bytes, float]], list[str]]:
    """The walk for ``seed``: its steps (what, the bytes, seconds between two of its bytes)
    and the marker words it types."""
    rng = random.Random(seed)
    steps: list[tuple[str, bytes, float]] = []
    markers: list[str] = []

    def marker() -> str:
        word = f"{rng.choice(FIRST_LETTERS)}{len(markers) + 1:02d}{rng.choice(LAST_LETTERS)}"
        markers.append(word)
        return word

    for _ in range(STEPS):
        kind = rng.choice(["burst", "burst", "slow", "slow", "move", "move", "f8"])
        if kind == "move":
            name = rng.choice(sorted(MOVES))
            steps.append((name, MOVES[name], 0.0))
        elif kind == "f8":
            word = marker()
            steps.append((f"f8 {word}", F8 + word.encode(), 0.0))
        else:
            word = marker() + rng.choice(["", " "])
            gap = 0.0 if kind == "burst" else rng.uniform(0.02, 0.06)
            steps.append((f"{kind} {word!r}", word.encode(), gap))
    return steps, markers


def walk_session(tmp_path) -> tuple[SessionStore, str]:
    store = SessionStore(tmp_path / "sessies")
    session = store.create(title="Wandeling", deck=load_deck())
    session.tables[0].participants = "gemeente"
    session.tables.append(Table(id="tafel-2", name="Tafel 2", participants="politie"))
    session.principles = [Principle(text="Eerst bellen")]
    session.first_steps = [FirstStep(text="Casusoverleg", owner="GGD")]
    session.progress.screen = "tafels"
    store.save(session, store.path_for(session.session.id))
    return store, session.session.id


@pytest.mark.parametrize("seed", [1, 2])
def test_a_random_walk_in_a_real_terminal_keeps_every_word(tmp_path, seed):
    store, session_id = walk_session(tmp_path)
    steps, markers = walk(seed)
    pid, fd = start_app(store, session_id)
    try:
        read_until(fd, b"Deelnemers")
        rng = random.Random(seed)
        for _, data, gap in steps:
            if gap:
                for byte in data:
                    os.write(fd, bytes([byte]))
                    drain(fd, gap)  # the gap between two keys of a person typing
            else:
                os.write(fd, data)
            drain(fd, rng.uniform(0.03, 0.15))  # a short pause before the next thing
        os.write(fd, CTRL_Q)
        wait_for_end(pid, fd, seconds=30)
    finally:
        os.close(fd)
    data = store.path_for(session_id).read_bytes().decode("utf-8")
    missing = [m for m in markers if m not in data]
    assert not missing, (missing, [what for what, _, _ in steps])
    # No letter answered the question F8 asked: both tables are still there.
    assert len(store.load(session_id).tables) >= 2, [what for what, _, _ in steps]
