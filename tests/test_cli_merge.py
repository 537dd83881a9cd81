"""``patroon merge`` and ``patroon check`` of a merged session, on files in tmp_path."""

from __future__ import annotations

import shutil

from patroon_tui.cli import main
from patroon_tui.core.deck import load_deck
from patroon_tui.core.session import Table
from patroon_tui.core.store import SessionStore
from patroon_tui.core.versions import Baseline, stamp
from tests.core.test_merge import renamed


def copies(tmp_path):
    """A session handed out to two laptops, each recording (and adding a table)."""
    store = SessionStore(tmp_path / "sessies")
    session = store.create(title="Wijkteam Noord", deck=load_deck())
    original = store.path_for(session.session.id)
    paths = []
    for number, who in ((1, "gemeente"), (2, "ggz")):
        laptop = tmp_path / f"laptop-{number}"
        laptop.mkdir()
        copy = laptop / original.name
        shutil.copy(original, copy)
        other = SessionStore(laptop)
        edited = other.load(copy)
        baseline = Baseline.of(edited)
        edited.tables.append(Table(id="tafel-2", name="Tafel 2", participants=who))
        edited.tables[0].answers["herkenbaar"] = f"Antwoord op laptop {number}"
        stamp(edited, baseline, f"laptop{number}")
        other.save(edited, copy)
        paths.append(copy)
    return store, paths


def test_merge_writes_a_new_session_and_leaves_the_copies_as_they_were(tmp_path, capsys):
    store, paths = copies(tmp_path)
    before = [p.read_bytes() for p in paths]
    code = main(["merge", *map(str, paths), "--sessions-dir", str(store.folder)])
    out, err = capsys.readouterr()
    assert code == 0, err
    new_id = out.strip()
    merged = store.load(new_id)
    assert renamed([t.name for t in merged.tables])
    assert "1 tegenstrijdig veld" in err
    assert [p.read_bytes() for p in paths] == before
    # check passes and names the conflict (data, not an error: exit 0).
    assert main(["check", new_id, "--sessions-dir", str(store.folder)]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith("OK:")
    assert "Tafel 1: vraag herkenbaar" in out
    # Merging the result with a copy again changes nothing.
    again = tmp_path / "opnieuw.toml"
    assert main(["merge", new_id, str(paths[0]), "-o", str(again),
                 "--sessions-dir", str(store.folder)]) == 0
    capsys.readouterr()
    redo = store.load(again)
    assert [t.model_dump() for t in redo.tables] == [t.model_dump() for t in merged.tables]
    assert redo.conflicts == merged.conflicts


def test_merge_refuses_other_sessions_bad_files_and_its_own_inputs(tmp_path, capsys):
    store, paths = copies(tmp_path)
    other = store.create(title="Ander", deck=load_deck())
    folder = ["--sessions-dir", str(store.folder)]
    assert main(["merge", str(paths[0]), other.session.id, *folder]) == 1
    err = capsys.readouterr().err
    assert "verschillende sessies" in err and other.session.id in err
    bad = tmp_path / "kapot.toml"
    bad.write_text("format = 'patroon-session'\n[[[", encoding="utf-8")
    assert main(["merge", str(paths[0]), str(bad), *folder]) == 1
    assert "kapot.toml" in capsys.readouterr().err
    assert main(["merge", str(paths[0]), str(paths[1]), "-o", str(paths[1]), *folder]) == 1
    assert "nooit een kopie" in capsys.readouterr().err
    assert main(["merge", str(paths[0]), *folder]) == 2
    assert "twee" in capsys.readouterr().err
    assert main(["merge", str(paths[0]), "onbekend", *folder]) == 1
    assert "onbekend" in capsys.readouterr().err
