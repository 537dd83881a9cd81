"""Waiting on a condition instead of for a fixed time: returns as soon as it holds."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

TIMEOUT = 10.0
"""Seconds before a wait gives up: far beyond any real wait, short of a hung test."""


async def until(pilot, condition: Callable[[], object], timeout: float = TIMEOUT) -> None:
    """Let the app run until ``condition()`` holds; fail the test after ``timeout``."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout} s for {condition}")
        await pilot.pause()
        await asyncio.sleep(0.005)  # a worker thread gets its turn too


def until_sync(condition: Callable[[], object], timeout: float = TIMEOUT) -> None:
    """As :func:`until`, outside the app (another process, a thread)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout} s for {condition}")
        time.sleep(0.005)
