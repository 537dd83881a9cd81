"""A burst of 600 keys in one write, into an answer of a 60-table session, against a bare TextArea.

What a terminal sends for a paste without bracketed paste, or for fast typing while the
app is busy: 600 characters at once. Both apps run at the same time in one private tmux
server (see ``bench_typing.py``, whose session, tmux driver and bare app this reuses),
each in its own session of 100×30:

- ``app``: ``patroon open ID --screen tafels`` of a session with 60 tables (about 0.75 MB
  of TOML); F9 puts the cursor at the end of the first answer;
- ``bare``: a plain Textual app with one focused TextArea of the answer field's size,
  holding the same text, cursor at its end.

A round starts both apps afresh (so every burst meets the same field) and sends one burst
to each (alternating which goes first): ``tmux send-keys -l`` with 600 characters, words of
``ж`` and a last character of its own for the round; its time runs from just before sending
until ``capture-pane`` shows that last character (a field follows its cursor, so the end
of the burst is what it shows). Then the app is closed with ctrl+q and the session file
read: the burst must be in the answer, whole and in order.

``--answer empty`` empties the answer typed into (and the bare TextArea) first: 600 keys
then fit in the field without scrolling, so the time does not depend on the field following
its cursor.

Prints median, min and max in seconds for both, the ratio of the medians, and whether it
is within the target (app ≤ 2× bare).

    python benchmarks/bench_burst.py [--keys 600] [--rounds 5] [--poll-ms 2] [--answer long|empty]
"""

from __future__ import annotations

import argparse
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_typing import (  # a sibling script, found through the path above
    BARE_APP,
    FIELD_FALLBACK,
    HEIGHT,
    MARKER,
    READY_TIMEOUT,
    SAVE_TIMEOUT,
    WIDTH,
    Failed,
    Tmux,
    field_box,
    make_big_session,
    wait_for,
)

TARGET = 2.0
#: The last character of each round's burst: none is on either screen before its round.
ENDS = "ЮЯФЦЩЭБДЛПГ"
BURST_TIMEOUT = 60.0
SAVED = "✓ opgeslagen"  # the save indicator in the app's header once everything is saved


def burst_text(keys: int, end: str) -> str:
    """``keys`` characters: words of four markers and a space, then ``end``."""
    words = (MARKER * 4 + " ") * (keys // 5 + 1)
    return words[: keys - 1] + end


def send_burst(tmux: Tmux, name: str, text: str, poll: float) -> float:
    """Send ``text`` in one write; seconds until its last character is on the screen."""
    end = text[-1]
    start = time.perf_counter()
    tmux.command(f"send-keys -t {name} -l '{text}'")
    wait_for(tmux, name, lambda screen: end in screen, f"the end of the burst ({end})",
             BURST_TIMEOUT, poll)
    return time.perf_counter() - start


def answer_in_file(sessions: Path, session_id: str) -> str:
    from patroon_tui.core.model.deck import load_deck
    from patroon_tui.core.sessionfile.store import SessionStore

    session = SessionStore(sessions).load(session_id)
    return session.tables[0].answers[load_deck().text_questions[0].id]


def set_first_answer(sessions: Path, session_id: str, text: str) -> None:
    from patroon_tui.core.model.deck import load_deck
    from patroon_tui.core.sessionfile.store import SessionStore

    store = SessionStore(sessions)
    session = store.load(session_id)
    session.tables[0].answers[load_deck().text_questions[0].id] = text
    store.save(session)


def start_both(tmux: Tmux, number: int, folder: Path, session_id: str, base: str,
               poll: float) -> tuple[str, str, tuple[int, int]]:
    """A fresh app (cursor at the end of the first answer, saved) and a fresh bare app
    with the same text in a TextArea of the answer field's size."""
    app, bare = f"app{number}", f"bare{number}"
    shown = "Tafel 1" if not base else base[:40]
    tmux.launch(app, [sys.executable, "-m", "patroon_tui", "--sessions-dir",
                      str(folder / "sessions"), "open", session_id, "--screen", "tafels"])
    wait_for(tmux, app, lambda s: "Tafels" in s and shown in s, "the tables screen",
             READY_TIMEOUT, poll)
    # F9: the cursor to the end of the first answer; one marker shows where it is.
    tmux.command(f"send-keys -t {app} F9")
    tmux.command(f"send-keys -t {app} -l {MARKER}")
    screen = wait_for(tmux, app, lambda s: MARKER in s, "the first key", READY_TIMEOUT, poll)
    rows = [row for row in screen.splitlines() if MARKER in row]
    if not all("│" in row and "Deelnemers" not in row for row in rows):
        raise Failed(f"{app}: the key did not go into an answer field; the screen:\n{screen}")
    box = field_box(screen) or FIELD_FALLBACK
    tmux.launch(bare, [sys.executable, str(folder / "bare_app.py"), str(folder / "answer.txt"),
                       str(box[0]), str(box[1])])
    wait_for(tmux, bare, lambda s: "╭" in s and (not base or shown in s), "the TextArea",
             READY_TIMEOUT, poll)
    tmux.command(f"send-keys -t {bare} -l {MARKER}")
    wait_for(tmux, bare, lambda s: MARKER in s, "the first key", READY_TIMEOUT, poll)
    wait_for(tmux, app, lambda s: SAVED in s, f"'{SAVED}'", SAVE_TIMEOUT, poll)
    return app, bare, box


def measure(args: argparse.Namespace, folder: Path, session_id: str, answer: str) -> dict:
    """Each round starts both apps afresh on the same text, so every burst meets the same
    field; returns the times and whether every burst reached the file whole."""
    poll = args.poll_ms / 1000
    sessions = folder / "sessions"
    base = answer if args.answer == "long" else ""
    (folder / "answer.txt").write_text(base, encoding="utf-8")
    (folder / "bare_app.py").write_text(BARE_APP, encoding="utf-8")
    times: dict[str, list[float]] = {"bare": [], "app": []}
    whole: list[bool] = []
    held = ""

    tmux = Tmux()
    try:
        tmux.start()
        for number in range(args.rounds):
            set_first_answer(sessions, session_id, base)
            app, bare, box = start_both(tmux, number, folder, session_id, base, poll)
            if number == 0:
                print(f"answer field {box[0]}x{box[1]} (borders included); bare TextArea the "
                      f"same size and text", flush=True)
            text = burst_text(args.keys, ENDS[number % len(ENDS)])
            for name, key in (("bare", bare), ("app", app))[:: 1 if number % 2 == 0 else -1]:
                times[name].append(send_burst(tmux, key, text, poll))
            print(f"round {number + 1}: app {times['app'][-1]:.2f} s, "
                  f"bare {times['bare'][-1]:.2f} s", flush=True)
            tmux.command(f"send-keys -t {app} C-q")
            deadline = time.perf_counter() + SAVE_TIMEOUT
            while not tmux.dead(app):
                if time.perf_counter() > deadline:
                    raise Failed(f"{app}: ctrl+q did not end it; the screen:\n{tmux.screen(app)}")
                time.sleep(0.05)
            tmux.command(f"kill-session -t {bare}")
            held = answer_in_file(sessions, session_id)
            whole.append(held == base + MARKER + text)
    finally:
        tmux.close()
    return {"times": times, "whole": all(whole), "held": held}


def failed_with_file(error: Failed, folder: Path, session_id: str) -> str:
    """The failure, and how much of what was sent the file holds (the app may have taken
    every key and only not shown the end)."""
    from patroon_tui.core.files.store_errors import StoreError

    try:
        held = answer_in_file(folder / "sessions", session_id)
    except (StoreError, OSError, LookupError) as problem:
        return f"{error}\n(the file could not be read: {problem})"
    return f"{error}\n(the answer in the file ends with: …{held[-60:]!r})"


def report(result: dict, keys: int) -> None:
    times = result["times"]
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"{'s per burst':<11} {'median':>8} {'min':>8} {'max':>8}  ratio")
    for name, values in times.items():
        print(f"{name:<11} {medians[name]:8.2f} {min(values):8.2f} {max(values):8.2f}  "
              f"{medians[name] / medians['bare']:4.2f}x")
    ratio = medians["app"] / medians["bare"]
    verdict = "ok" if ratio <= TARGET else "OVER"
    print(f"app/bare (medians): {ratio:.2f}x  target <= {TARGET}x  {verdict}")
    if result["whole"]:
        print(f"every burst is in the file, whole and in order ({keys} keys each)")
    else:
        print(f"NOT WHOLE: a burst is not in the file as sent (the last answer ends with "
              f"…{result['held'][-60:]!r})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=600, help="keys per burst")
    parser.add_argument("--rounds", type=int, default=5, help="bursts per app, interleaved")
    parser.add_argument("--poll-ms", type=float, default=2.0, help="pause between polls")
    parser.add_argument("--answer", choices=("long", "empty"), default="long",
                        help="type into the first answer as it is (long) or emptied first")
    args = parser.parse_args()
    if args.keys < 2 or args.rounds < 1:
        parser.error("--keys must be at least 2 and --rounds at least 1")
    if not shutil.which("tmux"):
        raise SystemExit("tmux is not installed")
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda *_: sys.exit(1))

    with tempfile.TemporaryDirectory(prefix="bench-burst-") as tmp:
        folder = Path(tmp)
        session_id, answer, size = make_big_session(folder / "sessions")
        version = subprocess.run(["tmux", "-V"], capture_output=True, text=True,
                                 check=False).stdout.strip()
        print(f"session: 60 tables, {size / 1e6:.2f} MB of TOML; {version}, {WIDTH}x{HEIGHT}; "
              f"{args.rounds} bursts of {args.keys} keys per app", flush=True)
        try:
            result = measure(args, folder, session_id, answer)
        except Failed as error:
            raise SystemExit(f"failed: {failed_with_file(error, folder, session_id)}") from None
    report(result, args.keys)


if __name__ == "__main__":
    main()
