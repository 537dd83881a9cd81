"""Time per screen and part, with a clock moved by hand: counted while shown, a resume goes
on from the file, a break (the app closed, or no key for half an hour) is not counted, and
the predicted end is now plus what remains as planned."""

from __future__ import annotations

import datetime as dt

import pytest

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.session import MAX_SCREEN_SECONDS, Progress, new_session
from patroon_tui.core.model.timekeeping import IDLE_LIMIT, TimeKeeper, part_times, predicted_end
from patroon_tui.core.sessionfile.session_toml import dumps_session, loads_session

START = dt.datetime(2026, 12, 4, 9, 0, tzinfo=dt.timezone.utc)


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t

    def wall(self) -> dt.datetime:
        return START + dt.timedelta(seconds=self.t - 1000.0)


def keeper(progress: Progress, screen: str = "programma", clock: Clock | None = None):
    clock = clock or Clock()
    return TimeKeeper(progress, screen, clock, clock.wall), clock


def run_for(k: TimeKeeper, clock: Clock, seconds: float) -> None:
    """``seconds`` pass with the app open: it ticks once a second, as the app does."""
    while seconds > 0:
        step = min(1.0, seconds)
        clock.t += step
        seconds -= step
        k.tick()


def test_seconds_are_counted_per_screen_shown():
    progress = Progress()
    k, clock = keeper(progress)
    run_for(k, clock, 90.4)
    k.shown("complexer")
    run_for(k, clock, 30.7)
    k.shown("programma")
    run_for(k, clock, 10)
    assert progress.seconds == {"programma": 100, "complexer": 31}
    assert progress.started == START + dt.timedelta(seconds=1)  # the first second counted
    assert progress.last_active == START + dt.timedelta(seconds=131)


def test_no_key_for_half_an_hour_is_a_break_until_the_next_key():
    progress = Progress()
    k, clock = keeper(progress, "tafels")
    run_for(k, clock, IDLE_LIMIT + 600)  # the room went for coffee with the app open
    assert progress.seconds == {"tafels": IDLE_LIMIT}
    run_for(k, clock, 300)
    k.activity()  # back: a key
    assert progress.seconds == {"tafels": IDLE_LIMIT}
    run_for(k, clock, 60)
    assert progress.seconds == {"tafels": IDLE_LIMIT + 60}


def test_a_resume_goes_on_from_what_the_file_holds():
    session = new_session(session_id="tijd", title="Tijd")
    k, clock = keeper(session.progress, "complexer")
    run_for(k, clock, 120)
    again = loads_session(dumps_session(session), "tijd.toml")
    assert again.progress.seconds == {"complexer": 120}
    # The app was closed for an hour: a new app counts on from the file, not the gap.
    later = Clock()
    later.t = clock.t + 3600
    k2 = TimeKeeper(again.progress, "complexer", later, later.wall)
    run_for(k2, later, 60)
    assert again.progress.seconds == {"complexer": 180}
    assert again.progress.started == session.progress.started


def test_parts_add_up_their_screens_and_say_when_they_ran_over():
    deck = load_deck()
    part_1 = deck.parts[1]
    progress = Progress(seconds={s.id: 600 for s in part_1.screens})
    times = {t.part_id: t for t in part_times(deck, progress)}
    assert times[part_1.id].spent == 600 * len(part_1.screens)
    assert times[part_1.id].planned == part_1.minutes
    assert times[part_1.id].over
    assert times[deck.parts[2].id].spent == 0 and not times[deck.parts[2].id].over


def test_the_predicted_end_is_now_plus_what_remains_as_planned():
    deck = load_deck()
    opening, one, two, three = deck.parts
    progress = Progress(seconds={two.screens[0].id: 20 * 60})
    now = START
    end = predicted_end(deck, progress, two.screens[1].id, now)
    assert end == now + dt.timedelta(minutes=two.minutes - 20 + three.minutes)
    # A part that ran over adds nothing more of its own.
    progress = Progress(seconds={two.screens[0].id: (two.minutes + 10) * 60})
    assert predicted_end(deck, progress, two.screens[0].id, now) == now + dt.timedelta(
        minutes=three.minutes
    )


def test_the_default_deck_plans_a_two_hour_workshop():
    deck = load_deck()
    assert all(part.minutes for part in deck.parts)
    assert sum(part.minutes for part in deck.parts) == 120


def test_the_predicted_end_is_to_the_nearest_minute():
    # Seconds spent while a screen is being looked at must not flip the minute shown.
    deck = load_deck()
    two = deck.parts[2]
    for spent in (0, 1, 2, 29):
        progress = Progress(seconds={two.screens[0].id: spent})
        end = predicted_end(deck, progress, two.screens[0].id, START)
        assert end == START + dt.timedelta(minutes=two.minutes + deck.parts[3].minutes)
    progress = Progress(seconds={two.screens[0].id: 31})
    assert predicted_end(deck, progress, two.screens[0].id, START).minute == (
        START + dt.timedelta(minutes=two.minutes + deck.parts[3].minutes - 1)).minute


# -- numbers the app adds to, and clocks that jump --------------------------------------------

YEARS_80 = 80 * 365.25 * 24 * 3600
YEARS_30 = 30 * 365.25 * 24 * 3600


class JumpingClocks(Clock):
    """Real time ``t``; each clock can be put forward or back by hand, as when the
    laptop's time is corrected (the wall clock) or a test fakes every clock."""

    def __init__(self) -> None:
        super().__init__()
        self.mono_jump = self.wall_jump = self.awake_jump = 0.0

    def __call__(self) -> float:
        return self.t + self.mono_jump

    def awake(self) -> float:
        return self.t + self.awake_jump

    def wall(self) -> dt.datetime:
        return super().wall() + dt.timedelta(seconds=self.wall_jump)


@pytest.mark.parametrize(("which", "jump"), [
    ("wall", YEARS_80), ("wall", -YEARS_30), ("wall", 45.0), ("wall", -45.0),
    # Every clock put forward a little is a computer that slept: only years are a jump.
    ("every clock", YEARS_80), ("every clock", -YEARS_30),
], ids=["wall-80-years-on", "wall-30-years-back", "wall-45-s-on", "wall-45-s-back",
        "all-80-years-on", "all-30-years-back"])
def test_a_clock_that_jumps_counts_only_what_really_passed(which, jump):
    clocks = JumpingClocks()
    session = new_session(session_id="tijd", title="Tijd")
    k = TimeKeeper(session.progress, "tafels", clocks, clocks.wall, clocks.awake)
    run_for(k, clocks, 10)
    clocks.wall_jump = jump
    if which == "every clock":
        clocks.mono_jump = clocks.awake_jump = jump
    run_for(k, clocks, 10)
    seconds = session.progress.seconds["tafels"]
    assert 19 <= seconds <= 20  # 20 s passed; the tick across the jump may count nothing
    # Never a moment after what really passed (a clock put back is followed).
    assert session.progress.last_active <= START + dt.timedelta(seconds=20 + 2)
    again = loads_session(dumps_session(session), "tijd.toml")
    assert again.progress.last_active == session.progress.last_active
    clocks.wall_jump = clocks.mono_jump = clocks.awake_jump = 0.0  # set right again
    run_for(k, clocks, 5)
    assert session.progress.last_active <= START + dt.timedelta(seconds=25 + 2)
    assert session.progress.seconds["tafels"] <= 25
    if which == "wall" and jump > 0:
        # A clock that ran ahead and is set right is followed from there.
        assert session.progress.last_active >= START + dt.timedelta(seconds=25 - 2)


def test_the_wall_clock_ahead_after_a_sleep_is_followed():
    # The laptop slept an hour with the app open: the clock that runs on in sleep says so.
    clocks = JumpingClocks()
    progress = Progress()
    k = TimeKeeper(progress, "tafels", clocks, clocks.wall, clocks.awake)
    run_for(k, clocks, 5)
    clocks.wall_jump = clocks.awake_jump = 3600.0  # asleep: the monotonic clock stood still
    k.activity()
    run_for(k, clocks, 5)
    assert progress.seconds == {"tafels": 10}
    assert progress.last_active == START + dt.timedelta(seconds=3600 + 10)


def test_adding_never_goes_beyond_what_a_file_can_hold():
    progress = Progress(seconds={"tafels": MAX_SCREEN_SECONDS - 3, "programma": -50})
    k, clock = keeper(progress, "tafels")
    run_for(k, clock, 10)
    k.shown("programma")
    run_for(k, clock, 4)
    assert progress.seconds == {"tafels": MAX_SCREEN_SECONDS, "programma": 4}
