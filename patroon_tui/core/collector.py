"""Python's cyclic garbage collector while the app starts: paused, then resumed cheaper.

Starting the app (importing Textual, loading the session, building the first screen)
allocates a few hundred thousand objects that nearly all live as long as the app. With
the collector running, it scanned them again and again: measured, 0.08 s of CPU in a
hundred and more collections before the first screen of a 60-table session stood.

``pause()`` before the imports (the command line does, just before it imports the app);
``resume()`` once the first screen stands (the app does, after its first refresh):
everything built so far is frozen, so the collector never scans it again, and the youngest
generation is collected less often from then on. A process that never paused gets the
freeze and the threshold all the same.

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
