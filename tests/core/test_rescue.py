"""Rescue copies: written whole, private, somewhere that takes them, in TOML or else JSON."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from patroon_tui.core.model.session import new_session
from patroon_tui.core.sessionfile import rescue
from patroon_tui.core.sessionfile.rescue import RescueError, write_rescue_copy
from patroon_tui.core.sessionfile.store import loads_session


def session_with(note: str):
    session = new_session(session_id="2026-11-28-noord", title="Noord")
    session.notes["programma"] = note
    return session


def test_a_copy_beside_the_sessions_folder_opens_as_a_session(tmp_path):
    path = write_rescue_copy(session_with("hoi"), tmp_path / "sessies",
                             now=dt.datetime(2026, 11, 28, 9, 30))
    assert path == tmp_path / "patroon-redding" / "2026-11-28-noord-20261128-093000.toml"
    assert path.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "patroon-redding").stat().st_mode & 0o777 == 0o700
    assert loads_session(path.read_text(encoding="utf-8"), str(path)).notes["programma"] == "hoi"
    again = write_rescue_copy(session_with("meer"), tmp_path / "sessies",
                              now=dt.datetime(2026, 11, 28, 9, 30))
    assert again != path and path.read_text(encoding="utf-8").count("hoi") == 1


def test_a_session_toml_cannot_hold_is_kept_as_json(tmp_path):
    session = session_with("elk woord")
    # A date the TOML writer cannot bring to UTC (the year-1 bug of a hand-edited file).
    session.session.created = dt.datetime(1, 1, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    path = write_rescue_copy(session, tmp_path / "sessies")
    assert path.suffix == ".json"
    assert json.loads(path.read_text(encoding="utf-8"))["notes"]["programma"] == "elk woord"


def test_the_next_place_is_tried_and_a_dutch_sentence_when_none_works(tmp_path, monkeypatch):
    blocked = tmp_path / "blokkade"
    blocked.write_text("een bestand, geen map")
    fallback = tmp_path / "thuis" / "patroon-redding"
    monkeypatch.setattr(rescue, "rescue_folders", lambda _folder: [blocked / "x", fallback])
    assert write_rescue_copy(session_with("a"), tmp_path / "sessies").parent == fallback
    monkeypatch.setattr(rescue, "rescue_folders", lambda _folder: [blocked / "x"])
    with pytest.raises(RescueError, match="Er kon ook nergens anders een kopie worden opgeslagen"):
        write_rescue_copy(session_with("a"), tmp_path / "sessies")
