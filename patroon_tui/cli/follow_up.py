"""``patroon vervolg``: a follow-up session made from a saved one, and what is said of it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from patroon_tui.cli.parser import PROG
from patroon_tui.core.text.terminal_safe import printable

if TYPE_CHECKING:
    from patroon_tui.core.model.deck import Deck
    from patroon_tui.core.model.session import Session
    from patroon_tui.core.sessionfile.store import SessionStore


def follow_up(args: argparse.Namespace, store: SessionStore, deck: Deck,
              launch_app: Callable[..., int]) -> int:
    """``patroon vervolg``: the follow-up made, and opened in the app where there is a
    terminal (``launch_app``, the command line's one seam to the app); the exit status."""
    session, path, to_open = make_follow_up(args, store, deck)
    if not to_open:
        return 0
    return launch_app(store=store, deck=deck, session_path=path, screen=None, new_options=None,
                      deck_path=getattr(args, "deck", None), session=session)


def make_follow_up(args: argparse.Namespace, store: SessionStore,
                   deck: Deck) -> tuple[Session, Path, bool]:
    """Write the follow-up of ``args.session``; the session, its file, and whether it is to
    be opened now (in a terminal). Without one, says where it is and prints its id, as
    ``new`` does: a script gets the id on stdout."""
    from patroon_tui.core.sessionfile.follow_up_file import create_follow_up

    store.check_folder()
    earlier = store.load(store.resolve(args.session))
    session = create_follow_up(store, earlier, deck, title=args.title, date=args.date)
    path = store.path_for(session.session.id)
    # No ``sys.stdin`` at all: a script ran the command with its input closed.
    if sys.stdin is not None and sys.stdin.isatty() and sys.stdout.isatty():
        return session, path, True
    print(printable(f"Vervolgsessie is aangemaakt in {path}. Open hem in een terminal met: "
                    f"{PROG} open {session.session.id}"), file=sys.stderr)
    print(printable(session.session.id))
    return session, path, False
