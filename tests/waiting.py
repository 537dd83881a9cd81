"""Waiting on a condition instead of for a fixed time: returns as soon as it holds."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

TIMEOUT = 10.0
"""Seconds before a wait gives up: far beyond any real wait, short of a hung test."""


def holds(condition: Callable[[], object]) -> bool:
    """``condition()``, where a lookup that fails (a table or note not there yet) is "not yet"."""
    try:
        return bool(condition())
    except LookupError:
        return False


async def until(pilot, condition: Callable[[], object], timeout: float = TIMEOUT) -> None:
    """Let the app run until ``condition()`` holds; fail the test after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        # The app runs in this event loop (and its workers in threads): a short sleep
        # lets both go on; the condition is looked at again every 5 ms.
        await asyncio.sleep(0.005)
        if holds(condition):
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout} s for {condition}")


async def mounted(pilot, selector: str, expect_type: type | None = None):
    """The widget ``selector`` on the app's screen, once the screen has it."""
    await until(pilot, lambda: pilot.app.screen.query(selector))
    found = pilot.app.screen.query_one(selector)
    assert expect_type is None or isinstance(found, expect_type), found
    return found


def until_sync(condition: Callable[[], object], timeout: float = TIMEOUT) -> None:
    """As :func:`until`, outside the app (another process, a thread)."""
    deadline = time.monotonic() + timeout
    while not holds(condition):
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout} s for {condition}")
        time.sleep(0.005)


async def settle(pilot, rounds: int = 3) -> None:
    """Wait until the app is idle (Textual's own idle wait), ``rounds`` times over: for keys
    sent without anything in particular to wait for."""
    for _ in range(rounds):
        await pilot.pause()
