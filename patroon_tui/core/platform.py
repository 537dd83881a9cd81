"""Every call that exists only on some systems, with what stands in for it elsewhere.

The program runs on Linux, Windows and macOS. What differs between them is asked here and
nowhere else (``tests/core/test_platform.py`` greps the package for the calls):

- the signals that end the app: a closed terminal (hang-up) and a polite kill where the
  system has them; on Windows the console's break event, which its C runtime also raises
  when the console window closes (see docs/platforms.md for how far that gets);
- whether a folder lies on a disk mounted read-only (Windows cannot say; the error of the
  write itself says it there);
- the flag that opens a file without following a symlink (Windows has none: a symlink or
  a junction is refused by what ``lstat`` says, and the opened file is compared with
  what was looked at);
- replacing a file: Windows refuses while another program has the target open (the
  audience window reads the room state twenty times a second), so a replace is tried
  again for a short, bounded while before the error is raised and the caller's rescue
  takes over;
- syncing a folder (Windows cannot open one) and asking whether a process lives (on
  Windows ``kill(pid, 0)`` would end that process instead of asking);
- the terminal's flow control, which takes ctrl+q and ctrl+s for itself until the app has
  the terminal (Linux and macOS; Windows' console has none).

:func:`current` is the system the program runs on. Tests switch it with :func:`use` to a
:class:`Platform` subclass that answers as Windows or macOS would (``tests/platforms.py``).
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

__all__ = ["Platform", "current", "use"]

#: The attribute Windows gives a symlink, a junction and every other reparse point.
REPARSE_POINT = getattr(stat, "FILE_ATTRIBUTE_REPARSE_POINT", 0x400)
#: The bit of a reparse tag that says the point names another path (a symlink, a
#: junction); OneDrive's files are reparse points without it, and are ordinary files.
NAME_SURROGATE = 0x20000000

#: How long a replace waits between its tries while another program holds the target
#: open: about a third of a second in all, many times the read of a room state.
REPLACE_WAITS = (0.005, 0.01, 0.02, 0.04, 0.08, 0.16)


def _system_name() -> str:
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "linux"


class Platform:
    """The answers of the system the program runs on; a subclass answers as another would."""

    def __init__(self, name: str | None = None) -> None:
        self.name = name or _system_name()
        """``linux``, ``windows`` or ``macos``."""

    # -- signals -------------------------------------------------------------------------

    def ending_signals(self) -> tuple[int, ...]:
        """The signals after which the app saves and ends: hang-up and terminate where
        they exist, and Windows' console break (also sent as its console closes)."""
        names = ("SIGHUP", "SIGTERM", "SIGBREAK")
        return tuple(getattr(signal, name) for name in names if hasattr(signal, name))

    def is_hang_up(self, signum: int) -> bool:
        """Whether ``signum`` says the terminal is gone (nothing to restore on it)."""
        gone = [getattr(signal, name) for name in ("SIGHUP", "SIGBREAK") if hasattr(signal, name)]
        return signum in gone

    def catch_signals(self, on_signal: Callable[[int], None]) -> Callable[[], None]:
        """Call ``on_signal(signum)`` on each of :meth:`ending_signals`; returns a function
        that puts the previous handlers back. Only the main thread can; elsewhere nothing."""
        if threading.current_thread() is not threading.main_thread():
            return lambda: None
        previous = {
            signum: signal.signal(signum, lambda s, _frame: on_signal(s))
            for signum in self.ending_signals()
        }

        def restore() -> None:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

        return restore

    # -- files ---------------------------------------------------------------------------

    @property
    def no_follow(self) -> int:
        """The open flag that refuses a symlink at the last name, or 0 where there is none."""
        return getattr(os, "O_NOFOLLOW", 0)

    def is_link(self, info: os.stat_result) -> bool:
        """Whether an ``lstat`` result is a link: a symlink, or on Windows a reparse point
        that names another path (a junction too)."""
        attributes = getattr(info, "st_file_attributes", 0)
        tag = getattr(info, "st_reparse_tag", 0)
        surrogate = bool(attributes & REPARSE_POINT) and bool(tag & NAME_SURROGATE)
        return stat.S_ISLNK(info.st_mode) or surrogate

    def open_fd(self, path: Path | str, flags: int, mode: int = 0o777) -> int:
        """``os.open``; the simulated Windows counts the handle as open until :meth:`close_fd`."""
        return os.open(path, flags, mode)

    def close_fd(self, fd: int) -> None:
        os.close(fd)

    def disk_read_only(self, folder: Path) -> bool:
        """Whether ``folder`` lies on a disk mounted read-only; ``False`` where the system
        cannot say (then the failed write's own error says it)."""
        statvfs = getattr(os, "statvfs", None)
        if statvfs is None:
            return False
        try:
            return bool(statvfs(folder).f_flag & getattr(os, "ST_RDONLY", 1))
        except (OSError, ValueError):
            return False

    @property
    def replace_waits(self) -> tuple[float, ...]:
        """The pauses between tries of a replace refused with ``PermissionError``: only
        Windows refuses for a reason that passes (another program has the file open)."""
        return REPLACE_WAITS if self.name == "windows" else ()

    def replace(self, source: Path, target: Path) -> None:
        """``os.replace``, tried again for a short while where a replace can be refused
        because another program holds ``target`` open. Raises the last ``OSError``;
        ``source`` is then left where it was, whole."""
        for wait in self.replace_waits:
            try:
                self.replace_once(source, target)
                return
            except PermissionError:
                time.sleep(wait)
        self.replace_once(source, target)

    def replace_once(self, source: Path, target: Path) -> None:
        os.replace(source, target)

    @property
    def syncs_folders(self) -> bool:
        """Whether a folder can be opened to make a rename in it durable (not on Windows,
        whose file systems keep their own journal of names)."""
        return self.name != "windows"

    def sync_folder(self, folder: Path) -> None:
        """Make a rename or a new file in ``folder`` durable, where the system can."""
        if not self.syncs_folders:
            return
        fd = self.open_fd(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        except OSError as exc:
            # Some file systems cannot sync a folder; the rename is as durable as they allow.
            if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
                raise
        finally:
            self.close_fd(fd)

    # -- time, processes and the terminal ------------------------------------------------

    def awake_seconds(self) -> float:
        """Seconds on a clock that runs on while the computer sleeps and that corrections
        of the time of day do not move."""
        if self.name == "linux" and hasattr(time, "CLOCK_BOOTTIME"):
            return time.clock_gettime(time.CLOCK_BOOTTIME)
        if self.name == "macos" and hasattr(time, "CLOCK_MONOTONIC"):
            # On macOS this clock runs on while the computer sleeps.
            return time.clock_gettime(time.CLOCK_MONOTONIC)
        return time.monotonic()  # Windows: it runs on while the computer sleeps

    def process_alive(self, pid: int) -> bool:
        """Whether a process with this id exists (someone else's counts)."""
        if self.name == "windows":
            return self.windows_process_alive(pid)
        try:
            os.kill(pid, 0)
        except (ProcessLookupError, OverflowError):
            return False
        except PermissionError:
            return True  # someone else's process
        return True

    def windows_process_alive(self, pid: int) -> bool:
        """Whether a process lives, asked of Windows by a handle on it."""
        return _windows_process_alive(pid)

    @property
    def posix_terminal(self) -> bool:
        """Whether the terminal is read as on Linux and macOS (not by Windows' console)."""
        return self.name != "windows"

    def pass_flow_keys(self) -> Callable[[], None]:
        """Until the app takes the terminal, let ctrl+q and ctrl+s through to it; returns a
        function that puts the terminal's setting back once the app has ended.

        A terminal in its ordinary mode keeps ctrl+s (stop the output) and ctrl+q (go on)
        for its flow control: a ctrl+q typed while the app started never reached it, and
        the app did not quit. Nothing changes on Windows or without a terminal."""
        if not self.posix_terminal:
            return lambda: None
        import termios

        try:
            fd = sys.stdin.fileno()
            before = termios.tcgetattr(fd)
            passing = list(before)
            passing[0] = before[0] & ~termios.IXON
            termios.tcsetattr(fd, termios.TCSANOW, passing)
        except (OSError, ValueError, AttributeError, termios.error):
            # AttributeError: input closed (``<&-``), where Python has no ``sys.stdin``.
            return lambda: None

        def restore() -> None:
            try:
                termios.tcsetattr(fd, termios.TCSANOW, before)
            except (OSError, ValueError, termios.error):
                pass  # the terminal is gone (closed window): nothing to put back

        return restore


def _windows_process_alive(pid: int) -> bool:  # pragma: no cover - runs on Windows only
    """Asked of Windows itself: ``os.kill(pid, 0)`` there ends the process."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.OpenProcess.restype = wintypes.HANDLE
    kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
    kernel32.GetExitCodeProcess.argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD))
    kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
    query_limited_information, still_active, access_denied = 0x1000, 259, 5
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        denied = ctypes.get_last_error() == access_denied  # type: ignore[attr-defined]
        return denied  # someone else's process
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


_current = Platform()


def current() -> Platform:
    """The platform the program answers for now: the real one, outside of tests."""
    return _current


def use(platform: Platform) -> Callable[[], None]:
    """Answer as ``platform`` from now on; returns a function that puts the previous back."""
    global _current
    previous, _current = _current, platform

    def restore() -> None:
        global _current
        _current = previous

    return restore
