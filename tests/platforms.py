"""The program "as on Windows" and "as on macOS", on the Linux machine the tests run on.

No Windows or macOS machine runs these tests, so the platform module (``core/platform.py``)
is switched to answers such a system would give, and the standard library's names that
system lacks are taken away for the test:

- Windows: no ``SIGHUP``, no ``os.statvfs``, no ``O_NOFOLLOW``; a replace is refused
  with ``PermissionError`` while another handle on the target is open (the handles the
  program opens through the platform module are counted, and a test can hold one open
  with :meth:`SimulatedWindows.hold_open`, as the audience window's read does); a folder
  cannot be opened; ``os.kill(pid, 0)``, which on Windows ends the process, fails the test;
  there is no ``time.clock_gettime``, and Textual's Linux driver (which needs ``termios``)
  may not be touched.
- macOS: the calls are there as on Linux (``SIGHUP``, ``statvfs``, ``O_NOFOLLOW``, a
  replace over an open file) but for Linux's ``CLOCK_BOOTTIME``; what differs is the keyboard and Terminal.app, which the key
  tests send as Terminal.app does (option+arrow as escape and a letter).

``as_on(name, monkeypatch)`` switches; the ``system`` fixture in ``tests/conftest.py``
takes ``linux`` (no change), ``windows`` or ``macos``.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
import threading
import time
import types
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from patroon_tui.core import platform
from patroon_tui.core.platform import Platform

SYSTEMS = ["linux", "windows", "macos"]


class SimulatedWindows(Platform):
    """Answers as Windows does, on Linux."""

    def __init__(self) -> None:
        super().__init__("windows")
        self._open: Counter[str] = Counter()
        self._names: dict[int, str] = {}
        self._guard = threading.Lock()
        self.refused = 0
        self._real_kill = os.kill
        """How many replaces were refused because the target was open."""

    def open_fd(self, path: Path | str, flags: int, mode: int = 0o777) -> int:
        if os.path.isdir(path):
            # Windows' open of a folder: access denied.
            raise PermissionError(errno.EACCES, "Access is denied", str(path))
        fd = os.open(path, flags, mode)
        with self._guard:
            self._open[_key(path)] += 1
            self._names[fd] = _key(path)
        return fd

    def close_fd(self, fd: int) -> None:
        with self._guard:
            name = self._names.pop(fd, None)
            if name is not None:
                self._open[name] -= 1
        os.close(fd)

    def replace_once(self, source: Path, target: Path) -> None:
        with self._guard:
            held = self._open[_key(target)] > 0
        if held:
            self.refused += 1
            # What Windows says when the target is open without delete sharing.
            raise PermissionError(errno.EACCES, "Access is denied", str(target))
        os.replace(source, target)

    def windows_process_alive(self, pid: int) -> bool:
        # Windows asks the system by a handle on the process (``_windows_process_alive``);
        # here the real kill(pid, 0) answers, taken before the simulation refuses it.
        try:
            self._real_kill(pid, 0)
        except (ProcessLookupError, OverflowError):
            return False
        except PermissionError:
            return True
        return True

    @contextmanager
    def hold_open(self, path: Path) -> Iterator[None]:
        """Another program reads ``path`` and keeps it open until the block ends."""
        fd = self.open_fd(path, os.O_RDONLY)
        try:
            yield
        finally:
            self.close_fd(fd)

    def hold_open_for(self, path: Path, seconds: float) -> threading.Thread:
        """Hold ``path`` open from another thread for ``seconds`` (a reader in another
        process, mid-read): returns the thread, already started."""
        started = threading.Event()

        def hold() -> None:
            fd = self.open_fd(path, os.O_RDONLY)
            started.set()
            threading.Event().wait(seconds)
            self.close_fd(fd)

        thread = threading.Thread(target=hold, daemon=True)
        thread.start()
        started.wait()
        return thread


class SimulatedMacOS(Platform):
    """Answers as macOS does: its calls are those of Linux."""

    def __init__(self) -> None:
        super().__init__("macos")


def _key(path: Path | str) -> str:
    return os.path.realpath(path)


def _kill_as_on_windows(real_kill):
    def kill(pid: int, sig: int) -> None:
        if sig == 0:
            raise AssertionError(f"os.kill({pid}, 0) would end process {pid} on Windows")
        real_kill(pid, sig)

    return kill


class _LinuxDriverAbsent(types.ModuleType):
    """Textual's Linux driver as seen on Windows: Textual's own start names its class (a
    test app runs headless), but the program must not reach into it: on Windows it cannot
    be imported (it needs ``termios``) and it is not what reads the keys."""

    def __init__(self, real: types.ModuleType) -> None:
        super().__init__(real.__name__)
        object.__setattr__(self, "LinuxDriver", real.LinuxDriver)

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)  # asked by the import machinery
        raise AssertionError(f"as on Windows: {self.__name__}.{name} asked for, but that "
                             "driver needs termios")

    def __setattr__(self, name: str, value) -> None:
        raise AssertionError(f"as on Windows: {self.__name__}.{name} set, but that driver "
                             "needs termios")


def _without_posix_terminal(monkeypatch) -> None:
    """Textual's Linux driver needs ``termios``, which Windows lacks: it is not the one that
    reads the keys there, and the program must leave it alone. (``termios`` and ``fcntl``
    themselves stay: a library imported for the first time in the test would otherwise
    choose its Windows-less fallback for the rest of the run.)"""
    import textual.drivers
    from textual.drivers import linux_driver

    absent = _LinuxDriverAbsent(linux_driver)
    monkeypatch.setitem(sys.modules, linux_driver.__name__, absent)
    monkeypatch.setattr(textual.drivers, "linux_driver", absent)


def as_on(name: str, monkeypatch) -> Platform | None:
    """Switch the program to ``name``'s answers until the test ends; ``linux``: no change."""
    if name == "linux":
        return None
    if name == "windows":
        system: Platform = SimulatedWindows()
        monkeypatch.delattr(signal, "SIGHUP")
        monkeypatch.delattr(os, "statvfs")
        monkeypatch.delattr(os, "O_NOFOLLOW")
        monkeypatch.setattr(os, "kill", _kill_as_on_windows(os.kill))
        monkeypatch.delattr(time, "clock_gettime")
        _without_posix_terminal(monkeypatch)
    elif name == "macos":
        system = SimulatedMacOS()
        monkeypatch.delattr(time, "CLOCK_BOOTTIME", raising=False)
    else:
        raise ValueError(name)
    monkeypatch.setattr(platform, "_current", system)
    return system
