"""kill -9 in the middle of saves, hundreds of times: the file is always a whole version.

A child process imports the store once and then works as a fork server: for every request
it forks a worker that loads the session and saves new versions of it in a tight loop. The
test kills that worker with SIGKILL after a random short delay, so kills land in every part
of a save (building the text, writing the temp file, fsync, rename, folder fsync). Forking
from an already-imported process keeps hundreds of kills within a few seconds.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.session import Principle, Session
from patroon_tui.core.sessionfile.store import SessionStore, dumps_session

REPO_ROOT = Path(__file__).resolve().parents[2]
KILLS = 200


def make_version(base: Session, n: int) -> Session:
    """Version ``n`` of the session the worker writes (the ``updated`` time aside)."""
    session = base.model_copy(deep=True)
    session.notes["versie"] = str(n)
    # Some bulk, different per version, so writing takes long enough to be interrupted.
    session.notes["complexer"] = f"Versie {n}: " + ("woningnood\r\n" * 40 + "\U0001f3e0 ") * (20 + n % 7)
    session.tables[0].answers["herkenbaar"] = f"antwoord {n} " * 300
    session.principles = [Principle(text=f"principe {i} van versie {n}") for i in range(n % 5)]
    return session


SERVER = """
import os, sys
from pathlib import Path
from patroon_tui.core.sessionfile.store import SessionStore
from tests.core.test_store_kill import make_version

store = SessionStore(Path(sys.argv[1]))
path = store.path_for(sys.argv[2])
base = store.load(path)
for request in sys.stdin:
    worker = os.fork()
    if worker == 0:
        try:
            n = int(store.load(path).notes["versie"])
            while True:
                n += 1
                store.save(make_version(base, n), path)
        finally:
            os._exit(1)
    print(worker, flush=True)
    os.waitpid(worker, 0)
    print("reaped", flush=True)
"""


def temp_files(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


def test_kill_9_during_saves_always_leaves_a_whole_version(tmp_path):
    store = SessionStore(tmp_path / "sessions")
    base = store.create(title="Noord", deck=load_deck(), date=dt.date(2026, 11, 28))
    path = store.path_for(base.session.id)
    store.save(make_version(base, 0), path)

    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(store.folder), base.session.id],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True, cwd=REPO_ROOT,
    )
    rng = random.Random(20261128)
    last = 0
    try:
        for _ in range(KILLS):
            server.stdin.write("go\n")
            server.stdin.flush()
            worker = int(server.stdout.readline())
            # Most kills land while saves run; a few land while the worker is still loading.
            time.sleep(rng.uniform(0.001, 0.045))
            os.kill(worker, signal.SIGKILL)
            assert server.stdout.readline().strip() == "reaped"

            text = path.read_text("utf-8")
            on_disk = store.load(path)
            n = int(on_disk.notes["versie"])
            assert n >= last, "the file went back to an older version"
            last = n
            expected = make_version(base, n)
            expected.session.updated = on_disk.session.updated
            assert dumps_session(expected) == text
            if os.environ.get("KILL_STATS"):
                print(n, temp_files(store.folder))
    finally:
        server.stdin.close()
        server.kill()
        server.wait()

    assert last > 0, "no save ever completed"
    # A kill -9 between creating the temp file and renaming it leaves the temp file behind:
    # the killed process cannot clean up. The next save (or lock) of the same session removes
    # temp files whose process is gone, so after one more save none remain.
    store.save(store.load(path), path)
    assert temp_files(store.folder) == []
    assert sorted(os.listdir(store.folder)) == [path.name]
