"""A burst of 600 keys in one write, into an answer of a 60-table session, against a bare TextArea.

What a terminal sends for a paste without bracketed paste, or for fast typing while the
app is busy: 600 characters at once. Both apps run at the same time in one private tmux
server (see ``bench_typing.py``, whose session, tmux driver and bare app this reuses),
each in its own session of 100×30:

- ``app``: ``patroon open ID --screen tafels`` of a session with 60 tables (about 0.75 MB
  of TOML); F9 puts the cursor at the end of the first answer;
- ``bare``: a plain Textual app with one focused TextArea of the answer field's size,
  holding the same text, cursor at its end.

A round sends one burst to each app (alternating which goes first): ``tmux send-keys -l``
with 600 characters, words of ``ж`` and a last character of its own for the round; its time
runs from just before sending until ``capture-pane`` shows that last character (the field
follows its cursor, so the end of the burst is what it shows). Between rounds the benchmark
waits until the app has saved. At the end the session file is read: every burst must be in
the answer, whole and in order.

Prints median, min and max in seconds for both, the ratio of the medians, and whether it
is within the target (app ≤ 2× bare).

    python benchmarks/bench_burst.py [--keys 600] [--rounds 5] [--poll-ms 2]
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
BURST_TIMEOUT = 120.0


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
    from patroon_tui.core.deck import load_deck
    from patroon_tui.core.store import SessionStore

    session = SessionStore(sessions).load(session_id)
    return session.tables[0].answers[load_deck().text_questions[0].id]


def measure(args: argparse.Namespace, folder: Path, session_id: str, answer: str) -> dict:
    poll = args.poll_ms / 1000
    text_file = folder / "answer.txt"
    text_file.write_text(answer, encoding="utf-8")
    bare_file = folder / "bare_app.py"
    bare_file.write_text(BARE_APP, encoding="utf-8")
    sessions = folder / "sessions"
    shown = answer[:40]
    saved = "✓ opgeslagen"
    times: dict[str, list[float]] = {"bare": [], "app": []}
    sent = ""

    tmux = Tmux()
    try:
        tmux.start()
        tmux.launch("app", [sys.executable, "-m", "patroon_tui", "--sessions-dir", str(sessions),
                            "open", session_id, "--screen", "tafels"])
        wait_for(tmux, "app", lambda s: "Tafels" in s and shown in s, "the tables screen",
                 READY_TIMEOUT, poll)
        # F9: the cursor to the end of the first answer; one marker shows where it is.
        tmux.command("send-keys -t app F9")
        tmux.command(f"send-keys -t app -l {MARKER}")
        sent += MARKER
        screen = wait_for(tmux, "app", lambda s: MARKER in s, "the first key", READY_TIMEOUT, poll)
        rows = [row for row in screen.splitlines() if MARKER in row]
        if not all("│" in row and "Deelnemers" not in row for row in rows):
            raise Failed(f"app: the key did not go into an answer field; the screen:\n{screen}")
        box = field_box(screen) or FIELD_FALLBACK
        tmux.launch("bare", [sys.executable, str(bare_file), str(text_file),
                             str(box[0]), str(box[1])])
        wait_for(tmux, "bare", lambda s: "╭" in s and shown in s, "the TextArea",
                 READY_TIMEOUT, poll)
        tmux.command(f"send-keys -t bare -l {MARKER}")
        wait_for(tmux, "bare", lambda s: MARKER in s, "the first key", READY_TIMEOUT, poll)
        wait_for(tmux, "app", lambda s: saved in s, f"'{saved}'", SAVE_TIMEOUT, poll)
        print(f"answer field {box[0]}x{box[1]} (borders included); bare TextArea the same "
              f"size and text", flush=True)

        for number in range(args.rounds):
            text = burst_text(args.keys, ENDS[number % len(ENDS)])
            for name in (("bare", "app") if number % 2 == 0 else ("app", "bare")):
                times[name].append(send_burst(tmux, name, text, poll))
                if name == "app":
                    sent += text
                    # The save after a burst runs before the other app is timed.
                    wait_for(tmux, "app", lambda s: saved in s, f"'{saved}'", SAVE_TIMEOUT,
                             poll)
            print(f"round {number + 1}: app {times['app'][-1]:.2f} s, "
                  f"bare {times['bare'][-1]:.2f} s", flush=True)
        tmux.command("send-keys -t app C-q")
        deadline = time.perf_counter() + SAVE_TIMEOUT
        while not tmux.dead("app") and time.perf_counter() < deadline:
            time.sleep(0.05)
    finally:
        tmux.close()
    held = answer_in_file(sessions, session_id)
    return {"times": times, "whole": held.endswith(sent), "held": held, "sent": sent}


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
        held, sent = result["held"], result["sent"]
        common = 0
        while common < min(len(held), len(sent)) and held[-1 - common] == sent[-1 - common]:
            common += 1
        print(f"NOT WHOLE: the file's answer ends with {common} of the {len(sent)} characters "
              f"sent (…{held[-60:]!r})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=600, help="keys per burst")
    parser.add_argument("--rounds", type=int, default=5, help="bursts per app, interleaved")
    parser.add_argument("--poll-ms", type=float, default=2.0, help="pause between polls")
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
            raise SystemExit(f"failed: {error}") from None
    report(result, args.keys)


if __name__ == "__main__":
    main()
