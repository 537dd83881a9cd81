"""Keystroke-to-screen time in tmux: an answer field of a big session against a bare TextArea.

Both apps run at the same time in one private tmux server (``tmux -L``), each in its own
session of 100×30:

- ``app``: ``patroon open ID --screen tafels`` of a session with 60 tables whose answers
  are long enough to make the session file about 0.75 MB of TOML; F9 puts the cursor at
  the end of the first answer of the current table.
- ``bare``: a plain Textual app with a single focused TextArea (soft wrap and the look of
  the answer fields) holding the same text as the answer typed into, cursor at its end,
  and as big as that answer field (its box is read off the app's screen) — the floor
  any Textual app pays for a key in such a field. A TextArea repaints what it shows on
  every key, so its size and text matter: ``--bare screen`` makes it fill the screen,
  ``--bare empty`` fills the screen with no text (both for comparison).

A key is one ``tmux send-keys -l ж`` (a letter neither screen shows otherwise); its time
runs from just before sending it until ``capture-pane`` shows one more ``ж`` than before,
that is until the app has handled the key and tmux has drawn the app's output into the
pane. The benchmark waits a short gap after each key (like a fast typist) so the work an
app does right after a key is not queued behind the next one. Every 30 keys it deletes
the markers again (backspaces, not timed), so a run of them never wraps onto a new line:
the key that makes a run of letters as long as the line is wide is not shown until the
next key, in the bare TextArea too (Textual's TextArea), and the wait for it would never
end. The two apps take turns
(rounds of N keys, alternating which goes first); after each round of ``app`` the
benchmark waits until its save indicator says it saved, so the debounced autosave does
not run while the bare app is being timed.

tmux is driven through one control-mode client (``tmux -C``), so a poll of the screen is
a line on a pipe (well under 0.1 ms) instead of a new process (2-3 ms). Polling still
costs time and CPU and the poll interval bounds the resolution; both apps pay exactly the
same overhead, so compare the ratio, not the figures with zero. Also given is the CPU
time per key each app's process used (Linux, from /proc, 10 ms ticks summed over all
keys; the gaps included, the backspaces not), which other programs running on the
machine do not inflate.

Prints median, p90, min and max in ms for both, and the ratio of the medians against the
target (app ≤ 1.3× bare).

    python benchmarks/bench_typing.py [--keys 40] [--rounds 5] [--gap-ms 50] [--poll-ms 1]
                                      [--bare field|screen|empty]
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

WIDTH, HEIGHT = 100, 30
MARKER = "ж"
TARGET = 1.3
TARGET_BYTES = 750_000
WARMUP_KEYS = 5
#: Markers typed in one run before they are deleted again: a run longer than the field's
#: width would wrap, and the key that wraps it is not shown until the next key (Textual's
#: TextArea, the bare one too), so the wait for it would never end.
RUN = 30
SAVED = "✓ opgeslagen"  # the save indicator in the app's header once everything is saved
READY_TIMEOUT = 60.0
KEY_TIMEOUT = 10.0
SAVE_TIMEOUT = 20.0

BARE_APP = '''\
import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import TextArea

TEXT = Path(sys.argv[1]).read_text(encoding="utf-8")
WIDTH, HEIGHT = sys.argv[2:4]


class Bare(App):
    # The look of the app's answer fields: round border, no padding.
    CSS = f"TextArea {{ width: {WIDTH}; height: {HEIGHT}; border: round $accent; padding: 0; }}"

    def compose(self) -> ComposeResult:
        yield TextArea(TEXT, soft_wrap=True)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)


Bare().run()
'''
#: The bare TextArea: "field" is the size of the answer typed into (found on the app's
#: screen) with the same text; "screen" fills the screen with that text; "empty" fills the
#: screen with no text.
BARE_KINDS = ("field", "screen", "empty")
FIELD_FALLBACK = (78, 12)


# -- the session --------------------------------------------------------------------------


def make_big_session(folder: Path, target_bytes: int = TARGET_BYTES) -> tuple[str, str, int]:
    """60 tables (as in bench_startup/bench_tables) with answers long enough for the file
    to be about ``target_bytes``. Returns the session id, the first table's first answer
    and the file size."""
    from patroon_tui.core.model.deck import load_deck
    from patroon_tui.core.model.session import Table
    from patroon_tui.core.sessionfile.store import SessionStore

    store = SessionStore(folder)
    deck = load_deck()
    session = store.create(title="Zestig tafels", deck=deck)
    for screen in deck.screens:
        session.notes[screen.id] = f"Notitie bij {screen.title}.\n" * 30
    session.progress.screen = "tafels"

    def save(repeat: int) -> int:
        session.tables = [
            Table(
                id=f"tafel-{n}", name=f"Tafel {n}", participants="gemeente, GGZ, corporatie",
                pattern="wereldvrede",
                answers={q.id: f"Antwoord van tafel {n} op {q.id}. " * repeat
                         for q in deck.text_questions},
            )
            for n in range(1, 61)
        ]
        return store.save(session).stat().st_size

    # The size grows linearly with the answers' length: two saves give the line.
    small, large = save(10), save(20)
    repeat = max(1, round(10 + (target_bytes - small) * 10 / (large - small)))
    size = save(repeat)
    first = session.tables[0].answers[deck.text_questions[0].id]
    return session.session.id, first, size


# -- tmux ---------------------------------------------------------------------------------


class Tmux:
    """A private tmux server, driven through one control-mode client."""

    def __init__(self) -> None:
        self.socket = f"bench-typing-{os.getpid()}"
        self.client: subprocess.Popen[bytes] | None = None
        self.socket_path: Path | None = None

    def run(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", *args],
                                capture_output=True, text=True)
        if result.returncode:
            raise RuntimeError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    def start(self) -> None:
        terminal = "tmux-256color"
        if shutil.which("infocmp") and subprocess.run(
                ["infocmp", terminal], capture_output=True).returncode:
            terminal = "screen-256color"
        # A placeholder session keeps the server up and hosts the control client (which
        # only sizes the windows of its own session); the options come before the apps'
        # sessions so their panes get them. (``window-size manual`` would be the obvious
        # option, but tmux 3.3a crashes on the next ``new-session -x -y`` with it.)
        self.run("new-session", "-d", "-s", "ctl", "-x", str(WIDTH), "-y", str(HEIGHT),
                 "sleep 86400",
                 ";", "set", "-g", "status", "off",
                 ";", "set", "-g", "remain-on-exit", "on",
                 ";", "set", "-g", "default-terminal", terminal)
        self.socket_path = Path(self.run("display", "-p", "#{socket_path}").strip())
        self.client = subprocess.Popen(
            ["tmux", "-L", self.socket, "-C", "attach", "-t", "ctl"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self._reply()  # the attach's own (empty) reply
        self.command("refresh-client -f no-output")  # no %output notifications

    def _reply(self) -> tuple[str, bool]:
        assert self.client is not None and self.client.stdout is not None
        stdout = self.client.stdout
        while True:  # skip notifications until this command's reply begins
            line = stdout.readline()
            if not line:
                raise RuntimeError("the tmux control client ended")
            if line.startswith(b"%begin "):
                number = line.split()[2]
                break
        lines = []
        while True:
            line = stdout.readline()
            if not line:
                raise RuntimeError("the tmux control client ended")
            parts = line.split()
            if len(parts) >= 3 and parts[0] in (b"%end", b"%error") and parts[2] == number:
                return b"".join(lines).decode("utf-8", "replace"), parts[0] == b"%end"
            lines.append(line)

    def command(self, command: str) -> str:
        assert self.client is not None and self.client.stdin is not None
        self.client.stdin.write(command.encode() + b"\n")
        self.client.stdin.flush()
        output, ok = self._reply()
        if not ok:
            raise RuntimeError(f"tmux {command}: {output.strip()}")
        return output

    def launch(self, name: str, argv: list[str]) -> int:
        """Start ``argv`` in a new session; returns its process id."""
        self.run("new-session", "-d", "-s", name, "-x", str(WIDTH), "-y", str(HEIGHT),
                 "-c", str(REPO_ROOT), "-e", "COLORTERM=truecolor",
                 "exec " + shlex.join(argv))
        size = self.run("display", "-p", "-t", name, "#{pane_width}x#{pane_height}").strip()
        if size != f"{WIDTH}x{HEIGHT}":
            raise RuntimeError(f"{name}: the pane is {size}, not {WIDTH}x{HEIGHT}")
        return int(self.run("display", "-p", "-t", name, "#{pane_pid}"))

    def screen(self, name: str) -> str:
        return self.command(f"capture-pane -p -t {name}")

    def dead(self, name: str) -> bool:
        return self.command(f"display -p -t {name} '#{{pane_dead}}'").strip() == "1"

    def close(self) -> None:
        if self.client is not None:
            try:
                assert self.client.stdin is not None
                self.client.stdin.close()
                self.client.wait(timeout=2)
            except Exception:
                self.client.kill()
            self.client = None
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        if self.socket_path is not None:  # tmux leaves the socket file behind
            self.socket_path.unlink(missing_ok=True)


# -- measuring ----------------------------------------------------------------------------


class Failed(Exception):
    pass


def wait_for(tmux: Tmux, name: str, ready, what: str, timeout: float, poll: float) -> str:
    """Poll the pane until ``ready(screen)``; fail with the screen shown after ``timeout``."""
    deadline = time.perf_counter() + timeout
    checked = time.perf_counter()
    while True:
        screen = tmux.screen(name)
        if ready(screen):
            return screen
        now = time.perf_counter()
        if now > deadline or (now - checked > 0.2 and tmux.dead(name)):
            state = "ended" if tmux.dead(name) else f"not there after {timeout:.0f} s"
            raise Failed(f"{name}: {what} {state}; the screen:\n{screen}")
        if now - checked > 0.2:
            checked = now
        time.sleep(poll)


def cpu_seconds(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Subject:
    """One app in its tmux session: how many markers its screen shows, its timings."""

    def __init__(self, tmux: Tmux, name: str, pid: int) -> None:
        self.tmux, self.name, self.pid = tmux, name, pid
        self.shown = 0
        self.times: list[float] = []
        self.cpu = 0.0
        self.cpu_keys = 0

    def key(self, poll: float) -> float:
        """Type one marker; seconds until the screen shows it."""
        tmux, before = self.tmux, self.shown
        start = time.perf_counter()
        tmux.command(f"send-keys -t {self.name} -l {MARKER}")
        deadline = start + KEY_TIMEOUT
        while True:
            shown = tmux.screen(self.name).count(MARKER)
            # Any change: a scroll of the field could hide earlier markers.
            if shown != before:
                elapsed = time.perf_counter() - start
                self.shown = shown
                return elapsed
            if time.perf_counter() > deadline:
                raise Failed(f"{self.name}: a key did not show within {KEY_TIMEOUT:.0f} s; "
                             f"the screen:\n{tmux.screen(self.name)}")
            time.sleep(poll)

    def clear(self, gap: float, poll: float) -> None:
        """Delete the markers typed (backspaces, not timed)."""
        self.tmux.command(f"send-keys -t {self.name} -N {self.shown} BSpace")
        wait_for(self.tmux, self.name, lambda s: MARKER not in s, "the markers' removal",
                 KEY_TIMEOUT, poll)
        self.shown = 0
        time.sleep(gap)

    def round(self, keys: int, gap: float, poll: float) -> None:
        cpu_total, cpu = 0.0, cpu_seconds(self.pid)
        for _ in range(keys):
            if self.shown >= RUN:
                if cpu is not None:
                    cpu_total += (cpu_seconds(self.pid) or cpu) - cpu
                self.clear(gap, poll)
                cpu = cpu_seconds(self.pid)
            self.times.append(self.key(poll))
            time.sleep(gap)
        after = cpu_seconds(self.pid)
        if cpu is not None and after is not None:
            self.cpu += cpu_total + after - cpu
            self.cpu_keys += keys


def wait_saved(app: Subject, poll: float) -> None:
    wait_for(app.tmux, app.name, lambda s: SAVED in s, f"'{SAVED}'", SAVE_TIMEOUT, poll)


def field_box(screen: str) -> tuple[int, int] | None:
    """Width and height (borders included) of the box around the first marker."""
    lines = screen.splitlines()
    row = next((n for n, line in enumerate(lines) if MARKER in line), None)
    if row is None:
        return None
    left = lines[row].rfind("│", 0, lines[row].index(MARKER))
    if left < 0:
        return None
    top = next((n for n in range(row, -1, -1)
                if len(lines[n]) > left and lines[n][left] == "╭"), None)
    bottom = next((n for n in range(row, len(lines))
                   if len(lines[n]) > left and lines[n][left] == "╰"), None)
    if top is None or bottom is None or "╮" not in lines[top][left:]:
        return None
    return lines[top].index("╮", left) - left + 1, bottom - top + 1


def measure(args: argparse.Namespace, folder: Path, session_id: str, answer: str) -> dict:
    poll, gap = args.poll_ms / 1000, args.gap_ms / 1000
    text_file = folder / "answer.txt"
    text_file.write_text("" if args.bare == "empty" else answer, encoding="utf-8")
    bare_file = folder / "bare_app.py"
    bare_file.write_text(BARE_APP, encoding="utf-8")
    sessions = folder / "sessions"
    shown = answer[:40]

    tmux = Tmux()
    try:
        tmux.start()
        app = Subject(tmux, "app", tmux.launch(
            "app", [sys.executable, "-m", "patroon_tui", "--sessions-dir", str(sessions),
                    "open", session_id, "--screen", "tafels"]))
        screen = wait_for(tmux, "app", lambda s: "Tafels" in s and shown in s,
                          "the tables screen", READY_TIMEOUT, poll)
        if MARKER in screen:
            raise Failed(f"app: the screen already shows {MARKER!r}")
        # F9: the cursor to the end of the first answer; keys typed right after it wait
        # for it, so the warm-up keys land in the answer.
        tmux.command("send-keys -t app F9")
        for _ in range(WARMUP_KEYS):
            app.key(poll)
            time.sleep(gap)
        screen = tmux.screen("app")
        rows = [row for row in screen.splitlines() if MARKER in row]
        if not rows or not all("│" in row and "Deelnemers" not in row for row in rows):
            raise Failed(f"app: the keys did not go into an answer field; the screen:\n{screen}")

        # The bare app, started once the app's field is known.
        box = field_box(screen)
        if args.bare == "field":
            if box is None:
                box = FIELD_FALLBACK
                print(f"(could not find the answer's box on the app's screen; "
                      f"the bare TextArea is {box[0]}x{box[1]})", flush=True)
            size = [str(box[0]), str(box[1])]
        else:
            size = ["1fr", "1fr"]
        bare = Subject(tmux, "bare", tmux.launch(
            "bare", [sys.executable, str(bare_file), str(text_file), *size]))
        wait_for(tmux, "bare", lambda s: "╭" in s and (args.bare == "empty" or shown in s),
                 "the TextArea", READY_TIMEOUT, poll)
        if MARKER in tmux.screen("bare"):
            raise Failed(f"bare: the screen already shows {MARKER!r}")
        for _ in range(WARMUP_KEYS):
            bare.key(poll)
            time.sleep(gap)
        for subject in (bare, app):
            subject.clear(gap, poll)
        wait_saved(app, poll)
        field = f"{box[0]}x{box[1]}" if box else "of unknown size"
        bare_size = f"{box[0]}x{box[1]}" if args.bare == "field" else f"{WIDTH}x{HEIGHT}"
        print(f"answer field {field} (borders included); bare TextArea ({args.bare}) "
              f"{bare_size}, {'no' if args.bare == 'empty' else 'the same'} text", flush=True)

        for number in range(args.rounds):
            for subject in ((bare, app) if number % 2 == 0 else (app, bare)):
                subject.round(args.keys, gap, poll)
                if subject is app:
                    wait_saved(app, poll)
        return {"bare": bare, "app": app}
    finally:
        tmux.close()


# -- main ---------------------------------------------------------------------------------


def p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[8] if len(values) > 1 else values[0]


def report(subjects: dict) -> None:
    medians = {name: statistics.median(s.times) * 1000 for name, s in subjects.items()}
    print(f"{'ms per key':<10} {'median':>8} {'p90':>8} {'min':>8} {'max':>8}  {'CPU/key':>8}  ratio")
    for name, subject in subjects.items():
        times = [t * 1000 for t in subject.times]
        cpu = f"{subject.cpu / subject.cpu_keys * 1000:8.2f}" if subject.cpu_keys else f"{'-':>8}"
        print(f"{name:<10} {medians[name]:8.2f} {p90(times):8.2f} {min(times):8.2f} "
              f"{max(times):8.2f}  {cpu}  {medians[name] / medians['bare']:4.2f}x")
    ratio = medians["app"] / medians["bare"]
    verdict = "ok" if ratio <= TARGET else "OVER"
    print(f"app/bare (medians): {ratio:.2f}x  target <= {TARGET}x  {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=40, help="keys per round per app")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per app, interleaved")
    parser.add_argument("--gap-ms", type=float, default=50.0,
                        help="pause after a key has shown, before the next")
    parser.add_argument("--poll-ms", type=float, default=1.0, help="pause between polls")
    parser.add_argument("--bare", choices=BARE_KINDS, default="field",
                        help="the bare TextArea: the answer field's size and text (default), "
                             "full screen with that text, or full screen and empty")
    args = parser.parse_args()
    if args.keys < 1 or args.rounds < 1:
        parser.error("--keys and --rounds must be at least 1")
    if not shutil.which("tmux"):
        raise SystemExit("tmux is not installed")
    # A kill (SIGTERM/SIGHUP) still runs the finally blocks: the tmux server is ended.
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda *_: sys.exit(1))

    with tempfile.TemporaryDirectory(prefix="bench-typing-") as tmp:
        folder = Path(tmp)
        session_id, answer, size = make_big_session(folder / "sessions")
        version = subprocess.run(["tmux", "-V"], capture_output=True, text=True).stdout.strip()
        print(f"session: 60 tables, {size / 1e6:.2f} MB of TOML ({size} bytes), "
              f"answers of {len(answer)} characters")
        print(f"{version}, {WIDTH}x{HEIGHT}; {args.rounds} rounds of {args.keys} keys per app "
              f"(+{WARMUP_KEYS} warm-up), gap {args.gap_ms:g} ms, poll {args.poll_ms:g} ms",
              flush=True)
        try:
            subjects = measure(args, folder, session_id, answer)
        except Failed as error:
            raise SystemExit(f"failed: {error}") from None
    report(subjects)


if __name__ == "__main__":
    main()
