"""The table timer with a fake clock: counting, pausing, warning, expiry, saving and resuming."""

from __future__ import annotations

import pytest

from patroon_tui.core.model.session import Progress
from patroon_tui.core.model.timer import TableTimer


class FakeClock:
    """A monotonic clock that only moves when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_a_new_timer_is_idle_and_full(clock):
    timer = TableTimer(1500, clock=clock)
    assert timer.remaining() == 1500
    assert not timer.started and not timer.running
    assert not timer.warning and not timer.expired


def test_counts_down_while_running_and_holds_while_paused(clock):
    timer = TableTimer(1500, clock=clock)
    timer.start()
    clock.advance(100)
    assert timer.running
    assert timer.remaining() == 1400
    timer.pause()
    clock.advance(500)
    assert not timer.running
    assert timer.remaining() == 1400
    timer.start()
    clock.advance(0.5)
    assert timer.remaining() == 1400  # rounds up: 1399.5 seconds is still "23:20"
    clock.advance(0.5)
    assert timer.remaining() == 1399


def test_toggle_starts_and_pauses(clock):
    timer = TableTimer(60, clock=clock)
    timer.toggle()
    assert timer.running
    clock.advance(10)
    timer.toggle()
    assert not timer.running
    assert timer.remaining() == 50


def test_warns_from_five_minutes_left(clock):
    timer = TableTimer(25 * 60, clock=clock)
    timer.start()
    clock.advance(20 * 60 - 1)
    assert timer.remaining() == 301
    assert not timer.warning
    clock.advance(1)
    assert timer.remaining() == 300
    assert timer.warning
    assert not timer.expired


def test_expires_at_zero_and_stops_there_until_acknowledged(clock):
    timer = TableTimer(60, clock=clock)
    timer.start()
    clock.advance(75)
    assert timer.remaining() == 0
    assert timer.expired
    assert not timer.warning
    assert not timer.running
    assert not timer.acknowledged
    timer.toggle()  # the start/pause key acknowledges the signal
    assert timer.acknowledged
    assert timer.expired
    timer.start()  # nothing left to count
    assert not timer.running


def test_reset_goes_back_to_idle(clock):
    timer = TableTimer(60, clock=clock)
    timer.start()
    clock.advance(61)
    timer.acknowledge()
    timer.reset()
    assert timer.remaining() == 60
    assert not timer.started and not timer.expired and not timer.acknowledged


def test_changing_the_length_while_running_adds_the_difference(clock):
    timer = TableTimer(25 * 60, clock=clock)
    timer.start()
    clock.advance(60)
    timer.set_total(30 * 60)
    assert timer.remaining() == 29 * 60
    assert timer.running
    clock.advance(60)
    assert timer.remaining() == 28 * 60


def test_changing_the_length_of_an_idle_timer_sets_it(clock):
    timer = TableTimer(25 * 60, clock=clock)
    timer.set_total(10 * 60)
    assert timer.remaining() == 600
    assert not timer.started


def test_no_keys_in_progress_when_no_timer_ran(clock):
    progress = Progress()
    TableTimer(1500, clock=clock).to_progress(progress)
    assert progress.timer_seconds_left is None
    assert progress.timer_running is None
    assert progress.timer_seconds_total is None


def test_a_chosen_length_is_kept_even_before_the_timer_ran(clock):
    progress = Progress()
    timer = TableTimer(1500, clock=clock)
    timer.set_total(20 * 60)
    timer.to_progress(progress)
    assert progress.timer_seconds_total == 1200
    assert progress.timer_seconds_left is None
    again = TableTimer.from_progress(progress, 1500, clock=clock)
    assert again.total_seconds == 1200
    assert again.remaining() == 1200
    assert not again.started


def test_a_running_timer_resumes_from_what_was_left_when_saved(clock):
    timer = TableTimer(1500, clock=clock)
    timer.start()
    clock.advance(687)
    progress = Progress()
    timer.to_progress(progress)
    assert progress.timer_seconds_left == 813
    assert progress.timer_running is True
    assert progress.timer_seconds_total == 1500

    clock.advance(3600)  # the laptop was closed for an hour
    resumed = TableTimer.from_progress(progress, 25 * 60, clock=clock)
    assert resumed.running
    assert resumed.remaining() == 813
    clock.advance(13)
    assert resumed.remaining() == 800


def test_a_paused_timer_resumes_paused(clock):
    timer = TableTimer(1500, clock=clock)
    timer.start()
    clock.advance(100)
    timer.pause()
    progress = Progress()
    timer.to_progress(progress)
    assert progress.timer_running is False
    resumed = TableTimer.from_progress(progress, 1500, clock=clock)
    clock.advance(100)
    assert resumed.started and not resumed.running
    assert resumed.remaining() == 1400


def test_an_acknowledged_expired_timer_resumes_acknowledged(clock):
    progress = Progress(timer_seconds_left=0, timer_running=False, timer_seconds_total=600)
    resumed = TableTimer.from_progress(progress, 1500, clock=clock)
    assert resumed.expired
    assert resumed.acknowledged
    assert resumed.total_seconds == 600


def test_an_unacknowledged_signal_survives_a_resume(clock):
    timer = TableTimer(60, clock=clock)
    timer.start()
    clock.advance(90)
    progress = Progress()
    timer.to_progress(progress)
    assert (progress.timer_seconds_left, progress.timer_running) == (0, True)
    resumed = TableTimer.from_progress(progress, 1500, clock=clock)
    assert resumed.expired and not resumed.acknowledged and not resumed.running
    resumed.toggle()
    assert resumed.acknowledged
    resumed.to_progress(progress)
    assert (progress.timer_seconds_left, progress.timer_running) == (0, False)


def test_a_reset_timer_removes_its_keys(clock):
    timer = TableTimer(1500, clock=clock)
    timer.start()
    progress = Progress()
    timer.to_progress(progress)
    timer.reset()
    timer.to_progress(progress)
    assert progress.timer_seconds_left is None
    assert progress.timer_running is None
    assert progress.timer_seconds_total is None
