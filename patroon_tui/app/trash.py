"""The palette's "Prullenbak" in the app: what was removed, newest first, and the record
chosen put back where it was recorded.

``Trash`` is a part of ``PatroonApp`` (``app.trash``); the list and putting back are rules
of ``core/model/trash.py``, the list's screen is ``dialogs/trash.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from patroon_tui.core.model.session import Table, TrashEntry
from patroon_tui.core.text.terminal_safe import printable

if TYPE_CHECKING:
    from patroon_tui.app.patroon import PatroonApp
    from patroon_tui.screens.programme import ProgrammeScreen


class Trash:
    """Shows the removed records and puts the chosen one back."""

    def __init__(self, app: PatroonApp) -> None:
        self.app = app

    def show(self) -> None:
        """What was removed, newest first, to put back."""
        from patroon_tui.core.model.trash import entries
        from patroon_tui.dialogs.trash import TrashScreen

        app = self.app
        if app.session is None or app.programme is None:
            return
        app.push_screen(TrashScreen(entries(app.session), app.now()), self._put_back)

    def _put_back(self, entry: TrashEntry | None) -> None:
        from patroon_tui.core.model.recording import table_name
        from patroon_tui.core.model.trash import KIND_NAMES, TrashError, put_back

        app = self.app
        session, programme = app.session, app.programme
        if entry is None or session is None or programme is None or app.read_only:
            return
        try:
            back = put_back(session, entry)
        except TrashError as exc:
            app.notify(printable(exc), title="Prullenbak", severity="warning")
            return
        app.session_changed()
        record = back.record
        table_id = record.id if isinstance(record, Table) else None
        self._show_put_back(programme, back.kind, table_id)
        name = table_name(record) if isinstance(record, Table) else KIND_NAMES[back.kind]
        app.notify(f"{printable(name)} staat er weer.", title="Teruggezet")

    def _show_put_back(self, programme: ProgrammeScreen, kind: str, table_id: str | None) -> None:
        """The screen that records ``kind`` (an own pattern: the tables), reloaded from the
        session; on the tables screen the table ``table_id``."""
        from patroon_tui.widgets.recording import RecordingBody, RecordingBodyProtocol

        session = self.app.session
        wanted = {"patterns": "tables"}.get(kind, kind)
        target = next((s for s in programme.deck.screens if s.kind == wanted), None)
        if target is None or session is None:
            return
        if table_id is not None:
            session.progress.table = table_id  # a tables body built from now on shows it
        if programme.current.id == target.id:
            if isinstance(programme.body, RecordingBodyProtocol):
                programme.body.refresh_from_session()
        else:
            programme.go_to(target.id)  # a body kept from before reloads as it is shown
        body = programme.body
        select = getattr(body, "select_table", None)
        if (table_id is not None and callable(select) and isinstance(body, RecordingBody)
                and body.when_ready(lambda: select(table_id))):
            select(table_id)
