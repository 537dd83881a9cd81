"""Time per screen and part, with a clock moved by hand: counted while shown, a resume goes
on from the file, a break (the app closed, or no key for half an hour) is not counted, and
the predicted end is now plus what remains as planned."""

from __future__ import annotations

import datetime as dt

from patroon_tui.core.deck import load_deck
from patroon_tui.core.session import Progress
from patroon_tui.core.session_toml import dumps_session, loads_session
from patroon_tui.core.session import new_session
from patroon_tui.core.timekeeping import IDLE_LIMIT, TimeKeeper, part_times, predicted_end

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


def test_seconds_are_counted_per_screen_shown():
    progress = Progress()
    k, clock = keeper(progress)
    clock.t += 90.4
    assert k.tick()
    k.shown("complexer")
    clock.t += 30.7
    k.shown("programma")
    clock.t += 10
    k.tick()
    assert progress.seconds == {"programma": 100, "complexer": 31}
    assert progress.started == START + dt.timedelta(seconds=90)
    assert progress.last_active == START + dt.timedelta(seconds=131)


def test_no_key_for_half_an_hour_is_a_break_until_the_next_key():
    progress = Progress()
    k, clock = keeper(progress, "tafels")
    clock.t += IDLE_LIMIT + 600  # the room went for coffee with the app open
    k.tick()
    assert progress.seconds == {"tafels": IDLE_LIMIT}
    clock.t += 300
    k.activity()  # back: a key
    assert progress.seconds == {"tafels": IDLE_LIMIT}
    clock.t += 60
    k.tick()
    assert progress.seconds == {"tafels": IDLE_LIMIT + 60}


def test_a_resume_goes_on_from_what_the_file_holds():
    session = new_session(session_id="tijd", title="Tijd")
    k, clock = keeper(session.progress, "complexer")
    clock.t += 120
    k.tick()
    again = loads_session(dumps_session(session), "tijd.toml")
    assert again.progress.seconds == {"complexer": 120}
    # The app was closed for an hour: a new app counts on from the file, not the gap.
    later = Clock()
    later.t = clock.t + 3600
    k2 = TimeKeeper(again.progress, "complexer", later, later.wall)
    later.t += 60
    k2.tick()
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
