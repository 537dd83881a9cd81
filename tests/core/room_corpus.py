"""A generated corpus of room-state files (``<session>.toml.zaal``) that are not a state
the audience window can use, made from one good state.

Each case is named and puts something at the state's name: bytes (nesting bombs, wrong
types, NaN and infinity, huge and negative numbers, texts too long, not UTF-8, files too
big) or something that is not a regular file (a pipe, links to ``/dev/zero``, to
``/dev/null`` and to a good state, a dangling link, a folder, a socket). Every one must
be "no state": the audience window waits. :func:`escaped_cases` are good states whose
texts hold escape sequences: they are followed, with every control character shown as
``\\x1b``. :func:`hostile_presence` puts at a presence file's name what is no audience
window (:data:`PRESENCE_KINDS`).
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from patroon_tui.core.room import room_files as room

Make = Callable[[Path], object]

#: An OSC sequence that retitles a terminal, and one that clears it.
RETITLE = "\x1b]0;GEKAPT\x07"
CLEAR = "\x1b[2J\x1b[H"


@dataclass(frozen=True)
class Case:
    name: str
    make: Make
    """Puts the case at the given path (the room state's name)."""
    special: bool = False
    """Not a regular file of bytes: a pipe, a link, a folder, a socket."""
    screen_only: bool = False
    """A good state of a screen this programme has not: only the window, which knows the
    programme, refuses it."""


def good_state(session_id: str, pid: int, /, **changes: object) -> dict:
    """A state the audience window follows (the facilitator's window wrote it)."""
    state: dict = {
        "session": session_id, "screen": "programma", "reveal": None, "highlight": None,
        "timer": {"started": True, "running": True, "remaining": 600, "at": 1000.0},
        "shown": None, "pid": pid, "seq": 1, "version": 1,
    }
    state.update(changes)
    return state


def _bytes(data: bytes) -> Make:
    return lambda path: path.write_bytes(data)


def _json(data: object) -> Make:
    return _bytes(json.dumps(data).encode("utf-8"))


def _raw(text: str) -> Make:
    return _bytes(text.encode("utf-8"))


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _link(target: str | Path) -> Make:
    return lambda path: os.symlink(target, path)


def _link_to_good(session_id: str, pid: int) -> Make:
    def make(path: Path) -> None:
        elsewhere = path.parent / "elders.json"
        elsewhere.write_text(json.dumps(good_state(session_id, pid, screen="complexer")))
        os.symlink(elsewhere, path)

    return make


def _folder(path: Path) -> None:
    path.mkdir()
    (path / "binnen").write_text("{}")


def _socket(path: Path) -> None:
    # A socket file stays after the socket is closed; a path longer than the system's
    # socket address allows is skipped (tmp_path can be long).
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
    except OSError:
        os.mkfifo(path)
    finally:
        server.close()


def _nested(depth: int, opening: str, closing: str, session_id: str, pid: int) -> str:
    good = json.dumps(good_state(session_id, pid))[:-1]
    return f'{good},"x":{opening * depth}1{closing * depth}}}'


def unusable_cases(session_id: str, pid: int) -> list[Case]:
    """Room-state files that are no state: the audience window waits for each."""

    def state(**changes: object) -> Make:
        return _json(good_state(session_id, pid, **changes))

    def timer(**changes: object) -> Make:
        values = {"started": True, "running": True, "remaining": 600, "at": 1000.0}
        values.update(changes)
        return state(timer=values)

    def with_text(key: str, value: str) -> Make:
        # A number written as the file would hold it (json.dumps writes NaN unquoted).
        text = json.dumps(good_state(session_id, pid))[:-1]
        return _raw(f'{text},"{key}":{value}}}'.replace(f'"{key}": null,', "", 1))

    def timer_text(key: str, value: str) -> Make:
        values = {"started": True, "running": True, "remaining": 600, "at": 1000.0}
        body = ",".join(f'"{k}":{value if k == key else json.dumps(v)}'
                        for k, v in values.items())
        good = json.dumps(good_state(session_id, pid, timer=None))
        return _raw(good.replace('"timer": null', '"timer":{' + body + "}"))

    huge = "9" * 5000
    cases = [
        # Nesting bombs: json would run out of stack.
        Case("bom-lijsten", _raw("[" * 100_000 + "]" * 100_000)),
        Case("bom-objecten", _raw('{"a":' * 100_000 + "1" + "}" * 100_000)),
        Case("bom-onder-onbekende-sleutel", _raw(_nested(50_000, "[", "]", session_id, pid))),
        Case("bom-diep-maar-klein", _raw(_nested(300, '{"a":', "}", session_id, pid))),
        # Not JSON, not UTF-8, not whole.
        Case("leeg", _bytes(b"")),
        Case("half", _bytes(json.dumps(good_state(session_id, pid)).encode()[:40])),
        Case("geen-utf8", _bytes(b'{"version": 1, "session": "\xff\xfe"}')),
        Case("bom-teken", _bytes(b"\xef\xbb\xbf" + json.dumps(good_state(session_id, pid)).encode())),
        Case("nul-bytes", _bytes(b"\x00" * 4096)),
        Case("lijst", _json([good_state(session_id, pid)])),
        Case("getal", _raw("1")),
        # The wrong version, another session, missing keys.
        Case("versie-2", state(version=2)),
        Case("versie-tekst", state(version="1")),
        Case("geen-versie", _json({k: v for k, v in good_state(session_id, pid).items()
                                   if k != "version"})),
        Case("andere-sessie", state(session="een-andere-sessie")),
        Case("geen-scherm", _json({k: v for k, v in good_state(session_id, pid).items()
                                   if k != "screen"})),
        Case("onbekend-scherm", state(screen="bestaat-niet"), screen_only=True),
        # Wrong types where numbers, texts and records go.
        Case("sessie-getal", state(session=12)),
        Case("scherm-lijst", state(screen=["programma"])),
        Case("scherm-leeg", state(screen="")),
        Case("reveal-tekst", state(reveal="2")),
        Case("reveal-waar", state(reveal=True)),
        Case("reveal-breuk", state(reveal=2.5)),
        Case("highlight-object", state(highlight={"a": 1})),
        Case("timer-tekst", state(timer="600")),
        Case("timer-lijst", state(timer=[True, True, 600, 1000.0])),
        Case("timer-remaining-tekst", timer(remaining="600")),
        Case("timer-at-tekst", timer(at="nu")),
        Case("timer-running-getal", timer(running=1)),
        Case("shown-tekst", state(shown="Tafel 1")),
        Case("shown-items-getallen", state(shown={"title": "Tafel 1", "items": [1, 2]})),
        Case("shown-item-drie", state(shown={"title": "T", "items": [["a", "b", "c"]]})),
        Case("shown-item-getal", state(shown={"title": "T", "items": [["a", 5]]})),
        Case("shown-zonder-titel", state(shown={"items": []})),
        Case("pid-tekst", state(pid="123")),
        Case("seq-breuk", state(seq=1.5)),
        # NaN and infinity (Python's json writes and reads them; JSON has none).
        Case("reveal-nan", with_text("reveal", "NaN")),
        Case("remaining-nan", timer_text("remaining", "NaN")),
        Case("remaining-inf", timer_text("remaining", "Infinity")),
        Case("remaining-min-inf", timer_text("remaining", "-Infinity")),
        Case("at-nan", timer_text("at", "NaN")),
        Case("at-inf", timer_text("at", "Infinity")),
        Case("at-min-inf", timer_text("at", "-Infinity")),
        Case("pid-nan", with_text("pid", "NaN")),
        # Huge and negative numbers.
        Case("reveal-groot", state(reveal=10**30)),
        Case("highlight-negatief", state(highlight=-1)),
        Case("remaining-groot", timer(remaining=10**30)),
        Case("remaining-negatief", timer(remaining=-5)),
        Case("remaining-5000-cijfers", timer_text("remaining", huge)),
        Case("remaining-1e308", timer_text("remaining", "1e308")),
        Case("at-1e308", timer(at=1e308)),
        Case("at-negatief", timer(at=-1e12)),
        Case("pid-10-tot-de-30", state(pid=10**30)),
        Case("pid-negatief", state(pid=-1)),
        Case("pid-boven-32-bits", state(pid=2**31)),
        Case("seq-groot", state(seq=10**30)),
        Case("seq-negatief", state(seq=-1)),
        Case("getal-5000-cijfers-onbekend", with_text("onbekend", huge)),
        # Texts too long, a file too big.
        Case("titel-te-lang", state(shown={"title": "x" * 200_000, "items": []})),
        Case("te-veel-items", state(shown={"title": "T", "items": [["", "x"]] * 5000})),
        Case("scherm-te-lang", state(screen="p" * 1000)),
        Case("te-groot", _bytes(b" " * (2 << 20) + json.dumps(good_state(session_id, pid)).encode())),
        Case("losse-surrogaat", _raw(json.dumps(good_state(
            session_id, pid, shown={"title": "T", "items": [["", "x"]]})).replace(
                '"x"', '"\\ud800"'))),
        # Not a regular file.
        Case("fifo", _fifo, special=True),
        Case("link-naar-dev-zero", _link("/dev/zero"), special=True),
        Case("link-naar-dev-null", _link("/dev/null"), special=True),
        Case("link-naar-dev-urandom", _link("/dev/urandom"), special=True),
        Case("link-naar-fifo", _link_to_fifo, special=True),
        Case("link-naar-goede-staat", _link_to_good(session_id, pid), special=True),
        Case("link-naar-zichzelf", lambda path: os.symlink(path.name, path), special=True),
        Case("link-zonder-doel", _link("bestaat-niet.json"), special=True),
        Case("map", _folder, special=True),
        Case("socket", _socket, special=True),
    ]
    return cases


def _link_to_fifo(path: Path) -> None:
    fifo = path.parent / "pijp"
    os.mkfifo(fifo)
    os.symlink(fifo, path)


def escaped_cases(session_id: str, pid: int) -> list[tuple[str, Make, str]]:
    """Good states whose texts hold escape sequences: (name, make, the text shown)."""
    shown = {"title": f"Tafel {RETITLE}1", "items": [[f"Vraag{CLEAR}", f"Antwoord{RETITLE}"]]}
    make = _json(good_state(session_id, pid, screen="tafels", shown=shown))
    return [("osc-en-wissen-in-antwoorden", make, "Antwoord\\x1b]0;GEKAPT\\x07")]


def clear(path: Path) -> None:
    """Remove whatever a case put at ``path`` (a folder with what is in it)."""
    if path.is_dir() and not path.is_symlink():
        for inner in path.iterdir():
            inner.unlink()
        path.rmdir()
    elif os.path.lexists(path):
        path.unlink()
    for extra in ("elders.json", "pijp"):
        if os.path.lexists(path.parent / extra):
            (path.parent / extra).unlink()


PRESENCE_KINDS = ["fifo", "link-naar-dev-zero", "link-zonder-doel", "map",
                  "link-naar-eigen-pid", "groot", "pid-10-tot-de-30", "fifo-per-venster",
                  "link-per-venster"]
"""What may lie at a presence file's name that is no audience window."""


def hostile_presence(kind: str, path) -> None:
    """Put ``kind`` at the presence file's name of the session at ``path``."""
    target = room.presence_path(path)
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "link-naar-dev-zero":
        os.symlink("/dev/zero", target)
    elif kind == "link-zonder-doel":
        os.symlink("weg", target)
    elif kind == "map":
        target.mkdir()
    elif kind == "link-naar-eigen-pid":  # a link is not followed, even to a good file
        elsewhere = path.parent / "elders"
        elsewhere.write_text(str(os.getpid()))
        os.symlink(elsewhere, target)
    elif kind == "groot":
        target.write_bytes(b"1" * (1 << 20))
    elif kind == "pid-10-tot-de-30":
        target.write_text(str(10**30))
    elif kind == "fifo-per-venster":
        os.mkfifo(room.presence_path(path, os.getpid()))
    elif kind == "link-per-venster":
        os.symlink("/dev/zero", room.presence_path(path, os.getpid()))
    else:
        raise AssertionError(kind)

