"""``create_follow_up``: the follow-up of a saved session, written as a new session file.

The building is :func:`patroon_tui.core.model.follow_up.follow_up`; here it gets an id of
its own in the sessions folder (``<date>-<slug of title>``, as a new session) and is
written there, never over another file. The earlier session is only read.
"""

from __future__ import annotations

import datetime as dt

from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.follow_up import follow_up, follow_up_title, review_screen
from patroon_tui.core.model.session import QUESTION_IDS, Session
from patroon_tui.core.sessionfile.store import SessionStore

__all__ = ["create_follow_up"]


def create_follow_up(store: SessionStore, earlier: Session, deck: Deck, *,
                     title: str | None = None, date: dt.date | None = None) -> Session:
    """The follow-up of ``earlier``, saved to a new file in ``store``'s folder.

    Its day is ``date`` (the facilitator's today when ``None``), its title ``title`` (the
    earlier one's, marked as a follow-up, when ``None``). Raises ``StoreError`` when it
    cannot be written.
    """
    date = date or dt.date.today()
    title = title or follow_up_title(earlier.session.title)
    questions = tuple(q.id for q in deck.text_questions) or QUESTION_IDS
    while True:
        session = follow_up(earlier, session_id=store.unique_id(title, date), title=title,
                            date=date, question_ids=questions)
        session.progress.screen = review_screen(deck).id
        try:
            store.save(session, store.path_for(session.session.id), new=True)
        except FileExistsError:
            continue  # another process took this id a moment ago
        return session
