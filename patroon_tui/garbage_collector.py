"""Python's cyclic garbage collector while the app starts: paused, then resumed cheaper.

Starting the app (importing Textual, loading the session, building the first screen)
allocates a few hundred thousand objects that nearly all live as long as the app. With
the collector running, it scanned them again and again: measured, 0.08 s of CPU in a
hundred and more collections before the first screen of a 60-table session stood.

``pause()`` before the imports (the command line does, before it imports the models and
reads the session: 70 collections, 6 ms, at the start of ``open`` otherwise);
``resume()`` once the first screen stands (the app does, after its first refresh):
everything built so far is frozen, so the collector never scans it again, and the youngest
generation is collected less often from then on. A process that never paused gets the
freeze and the threshold all the same.

A page turn holds collections off until a moment after the new screen is painted
(``postpone``, ``allow``): the turn allocates more than the youngest generation's
threshold, and removing the slides left behind makes tens of thousands of objects of
cyclic garbage; a collection in the middle of a turn (measured, 20-50 ms with a 60-table
session) made the room wait now and then. Should ``allow`` never come (the app ended
first), the next app's ``resume`` runs the collector again.

What start-up left as garbage is frozen with the rest and never freed: measured, about
10 000 of 120 000 objects in a 60-table resume, about 1.4 MB. Collecting it first
would take a full collection, 0.1 s, before the screen stands.
"""

from __future__ import annotations

import gc

#: Objects allocated between two collections of the youngest generation (Python's default
#: is 700). Opening a dialog or turning to a heavy screen allocates thousands that stay.
THRESHOLD = 10_000

_resumed = False


def pause() -> None:
    """Stop the collector until ``resume()``: what start-up builds nearly all stays."""
    gc.disable()


def resume() -> None:
    """Run the collector again, leaving alone what the start-up built (once per process)."""
    global _resumed
    if not _resumed:
        _resumed = True
        gc.freeze()
        gen0, gen1, gen2 = gc.get_threshold()
        gc.set_threshold(max(gen0, THRESHOLD), gen1, gen2)
    gc.enable()


def postpone() -> bool:
    """Hold collections off for a moment (a page turn on its way to the screen); ``True``
    if this did, and ``allow()`` is to follow. ``False`` while the collector is off."""
    if not gc.isenabled():
        return False
    gc.disable()
    return True


def allow() -> None:
    """Collections again after ``postpone()``: those held off run now."""
    gc.enable()
