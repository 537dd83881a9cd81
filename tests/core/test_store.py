"""The sessions folder: create, list, resolve, load, save, the bytes on disk."""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.session import FirstStep, OwnPattern, Principle, Session
from patroon_tui.core.sessionfile.store import (
    SessionFileError,
    SessionNotFoundError,
    SessionStore,
    StoreError,
    dumps_session,
    loads_session,
)

DAY = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def deck():
    return load_deck()


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions")


def filled(store: SessionStore, deck) -> Session:
    session = store.create(title="Wijkteam Noord", deck=deck, date=DAY, facilitator="Anna")
    session.notes["complexer"] = "Wethouder noemt de woningnood."
    session.tables[0].participants = "gemeente, GGZ"
    session.tables[0].answers["herkenbaar"] = "Ja, elke week.\r\nBij het casusoverleg."
    session.patterns.append(OwnPattern(id="eigen-tafel-1", title="Wachten", steps=["a", "b"]))
    session.principles.append(Principle(text="Eerst bellen."))
    session.first_steps.append(FirstStep(text="Casusoverleg", owner="GGZ", table="tafel-1"))
    return session


def test_from_option_prefers_argument_then_environment(tmp_path, monkeypatch):
    assert SessionStore.from_option(tmp_path / "a").folder == tmp_path / "a"
    monkeypatch.setenv("PATROON_SESSIONS_DIR", str(tmp_path / "env"))
    assert SessionStore.from_option(None).folder == tmp_path / "env"
    monkeypatch.delenv("PATROON_SESSIONS_DIR")
    monkeypatch.chdir(tmp_path)
    assert SessionStore.from_option(None).folder == tmp_path / "sessions"


def test_create_writes_a_new_file_with_a_unique_id(store, deck):
    first = store.create(title="Wijkteam Noord!", deck=deck, date=DAY)
    second = store.create(title="Wijkteam  noord", deck=deck, date=DAY)
    third = store.create(title="Wijkteam Noord", deck=deck, date=DAY)
    assert [first.session.id, second.session.id, third.session.id] == [
        "2026-11-28-wijkteam-noord",
        "2026-11-28-wijkteam-noord-2",
        "2026-11-28-wijkteam-noord-3",
    ]
    assert store.load(first.session.id) == first
    assert first.session.deck == deck.id
    assert first.progress.screen == deck.screens[0].id
    assert list(first.tables[0].answers) == [q.id for q in deck.text_questions]


def test_create_makes_ids_of_only_lowercase_letters_digits_and_dashes(store, deck):
    session = store.create(title="Één tafel: GGZ & Wonen / 'Noord'", deck=deck, date=DAY)
    assert session.session.id == "2026-11-28-een-tafel-ggz-wonen-noord"
    odd = store.create(title="!!!", deck=deck, date=DAY)
    assert odd.session.id == "2026-11-28-sessie"


def test_save_writes_the_file_private_and_sets_updated(store, deck):
    session = filled(store, deck)
    before = session.session.updated
    path = store.save(session)
    assert path == store.path_for(session.session.id)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert session.session.updated >= before
    assert store.load(path) == session
    path.chmod(0o644)
    store.save(session)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_save_creates_a_missing_folder(tmp_path, deck):
    store = SessionStore(tmp_path / "deep" / "er")
    session = store.create(title="x", deck=deck, date=DAY)
    assert store.path_for(session.session.id).is_file()


def test_file_follows_the_contract(store, deck):
    session = filled(store, deck)
    path = store.save(session)
    data = tomllib.loads(path.read_text("utf-8"))
    assert data["format"] == "patroon-session"
    assert data["format_version"] == 1
    assert data["session"]["id"] == path.stem
    assert data["session"]["date"] == DAY
    assert data["session"]["updated"].tzinfo is not None
    assert data["session"]["updated"].utcoffset() == dt.timedelta(0)
    assert data["tables"][0]["answers"]["herkenbaar"] == "Ja, elke week.\r\nBij het casusoverleg."
    assert data["first_steps"] == [{"text": "Casusoverleg", "owner": "GGZ", "table": "tafel-1"}]
    text = path.read_text("utf-8")
    # Sections in the contract's order, arrays of tables always as [[...]] sections.
    order = ["[session]", "[progress]", "[notes]", "[[tables]]", "[tables.answers]",
             "[[patterns]]", "[[principles]]", "[[first_steps]]"]
    positions = [text.index(f"\n{header}\n") for header in order]
    assert positions == sorted(positions)
    assert "\nupdated = " in text and text.split("\nupdated = ")[1].split("\n")[0].endswith("Z")


def test_same_content_gives_the_same_bytes_whatever_the_dict_order(store, deck):
    one = filled(store, deck)
    one.notes = {"b": "2", "a": "1", "c": "3"}
    one.layer_notes = {"relatie": "r", "doel": "d"}
    one.tables[0].answers = {"eigen": "x", "voor-jezelf": "4", "herkenbaar": "1",
                             "bijdrage": "2", "eerste-stap": "3", "anders": "y"}
    two = one.model_copy(deep=True)
    two.notes = {"c": "3", "a": "1", "b": "2"}
    two.layer_notes = {"doel": "d", "relatie": "r"}
    two.tables[0].answers = dict(reversed(list(one.tables[0].answers.items())))
    assert dumps_session(one) == dumps_session(two)
    text = dumps_session(one)
    answers = text.split("[tables.answers]\n")[1].split("\n\n")[0].splitlines()
    assert [line.split(" = ")[0] for line in answers] == [
        "herkenbaar", "bijdrage", "eerste-stap", "voor-jezelf", "anders", "eigen"]
    again = loads_session(text, "x.toml")
    assert dumps_session(again) == text


def test_unknown_keys_survive_load_and_save_at_every_level(store, deck):
    session = filled(store, deck)
    path = store.save(session)
    text = path.read_text("utf-8")
    text = text.replace("[session]\n", "[session]\nroom = 12\n", 1)
    text = text.replace("[progress]\n", "[progress]\nzoom = 1.5\n", 1)
    text = text.replace("[[tables]]\n", "[[tables]]\ncolour = \"rood\"\nscores = [1, 2]\n", 1)
    text = text.replace("[[patterns]]\n", "[[patterns]]\nsource = \"tafel-1\"\n", 1)
    text += '\n[extra]\nwho = "tool"\n[extra.nested]\ndeep = 2026-01-01\n'
    text = 'generator = "other tool"\n' + text
    path.write_text(text, "utf-8")
    loaded = store.load(path)
    store.save(loaded)
    data = tomllib.loads(path.read_text("utf-8"))
    assert data["generator"] == "other tool"
    assert data["session"]["room"] == 12
    assert data["progress"]["zoom"] == 1.5
    assert data["tables"][0]["colour"] == "rood"
    assert data["tables"][0]["scores"] == [1, 2]
    assert data["patterns"][0]["source"] == "tafel-1"
    assert data["extra"] == {"who": "tool", "nested": {"deep": dt.date(2026, 1, 1)}}


def test_lone_surrogates_are_replaced_not_fatal(store, deck):
    session = filled(store, deck)
    session.notes["complexer"] = "half \ud83d pair"
    path = store.save(session)
    assert store.load(path).notes["complexer"] == "half \ufffd pair"


def test_list_is_newest_first_and_shows_unreadable_files(store, deck):
    old = store.create(title="Oud", deck=deck, date=DAY)
    new = store.create(title="Nieuw", deck=deck, date=DAY)
    new.tables.append(new.tables[0].model_copy(update={"id": "tafel-2", "name": "Tafel 2"}))
    new.progress.screen = "in-gesprek"
    store.save(new)
    (store.folder / "kapot.toml").write_text("format = \"patroon-session\"\nformat_version = = 1\n", "utf-8")
    (store.folder / ".verborgen.toml").write_text("x", "utf-8")
    (store.folder / "notitie.txt").write_text("x", "utf-8")
    store.lock(store.path_for(old.session.id)).release()
    entries = store.list()
    assert [e.id for e in entries] == [new.session.id, old.session.id, "kapot"]
    assert entries[0].title == "Nieuw" and entries[0].tables == 2
    assert entries[0].screen == "in-gesprek" and entries[0].date == DAY
    assert entries[0].error is None
    broken = entries[2]
    assert broken.title is None and broken.updated is None
    assert "kapot.toml" in broken.error and "regel 2" in broken.error


def test_list_of_a_missing_folder_is_empty(tmp_path):
    assert SessionStore(tmp_path / "none").list() == []


def test_resolve_accepts_an_id_or_a_path(store, deck, tmp_path, monkeypatch):
    session = store.create(title="Noord", deck=deck, date=DAY)
    path = store.path_for(session.session.id)
    assert store.resolve(session.session.id) == path
    assert store.resolve(f"{session.session.id}.toml") == path
    assert store.resolve(str(path)) == path.resolve()
    assert store.resolve(str(path.with_suffix(""))) == path.resolve()
    monkeypatch.chdir(store.folder)
    assert store.resolve(f"./{path.name}") == path.resolve()
    elsewhere = tmp_path / "elders" / "mijn.toml"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(path.read_bytes())
    assert store.load(str(elsewhere)).session.title == "Noord"
    assert store.resolve(str(tmp_path / "elders" / "mijn")) == elsewhere.resolve()


@pytest.mark.parametrize("name", ["bestaat-niet", "map/bestaat-niet.toml", ""])
def test_resolve_refuses_an_unknown_session_naming_it(store, name):
    with pytest.raises(SessionNotFoundError) as info:
        store.resolve(name)
    assert repr(name) in str(info.value)


def test_load_of_a_missing_path_is_not_found(store, tmp_path):
    with pytest.raises(SessionNotFoundError, match="weg.toml"):
        store.load(tmp_path / "weg.toml")


def test_load_refuses_a_folder(store, tmp_path):
    folder = tmp_path / "map.toml"
    folder.mkdir()
    with pytest.raises(SessionFileError, match="map.toml is een map"):
        store.load(folder)
    with pytest.raises(SessionFileError, match="is een map"):
        store.load(str(folder))


def test_save_to_an_explicit_path(store, deck, tmp_path):
    session = store.create(title="Noord", deck=deck, date=DAY)
    target = tmp_path / "elders" / "kopie.toml"
    assert store.save(session, target) == target
    assert store.load(target) == session


def test_errors_are_store_errors_with_plain_text(store):
    with pytest.raises(StoreError) as info:
        store.load("nergens")
    message = str(info.value)
    assert "Traceback" not in message and message.endswith(".")
    assert os.linesep not in message


def test_saves_from_many_threads_leave_one_whole_file(store, deck):
    from concurrent.futures import ThreadPoolExecutor

    base = filled(store, deck)
    path = store.path_for(base.session.id)
    versions = []
    for n in range(24):
        version = base.model_copy(deep=True)
        version.notes["complexer"] = f"versie {n} " * 500
        versions.append(version)
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(store.save, versions)) == [path] * len(versions)
    on_disk = store.load(path)
    assert on_disk.notes["complexer"] in {v.notes["complexer"] for v in versions}
    assert sorted(p.name for p in store.folder.iterdir()) == [path.name]


def test_stale_temp_files_of_a_dead_process_are_removed_on_lock(store, deck):
    session = store.create(title="Noord", deck=deck, date=DAY)
    path = store.path_for(session.session.id)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    stale = store.folder / f".{path.stem}.{dead.stdout.strip()}.abc123.tmp"
    stale.write_text("half a save", "utf-8")
    other = store.folder / f".ander-bestand.{dead.stdout.strip()}.abc123.tmp"
    other.write_text("not ours", "utf-8")
    with store.lock(path):
        assert not stale.exists()
        assert other.exists()


def test_the_documented_example_is_in_canonical_form():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "session-format.md").read_text("utf-8")
    example = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    assert dumps_session(loads_session(example, "session-format.md")) == example


def test_a_hand_written_file_with_multiline_strings_is_read_and_written_canonically():
    text = (
        'format = "patroon-session"\nformat_version = 1\n'
        '[session]\nid = "x"\ntitle = "X"\ndate = 2026-11-28\n'
        "created = 2026-11-28T10:30:00+01:00\nupdated = 2026-11-28T09:30:00.5Z\n"
        '[[tables]]\nid = "tafel-1"\nname = "Tafel 1"\n'
        '[tables.answers]\nherkenbaar = """\nJa, elke week.\n"""\n'
    )
    session = loads_session(text, "hand.toml")
    assert session.tables[0].answers["herkenbaar"] == "Ja, elke week.\n"
    written = dumps_session(session)
    assert 'herkenbaar = "Ja, elke week.\\n"' in written
    assert "created = 2026-11-28T09:30:00Z" in written
    assert "updated = 2026-11-28T09:30:00.500Z" in written


def test_create_where_a_file_stands_in_for_the_folder_fails_plainly(tmp_path, deck):
    blocker = tmp_path / "sessions"
    blocker.write_text("not a folder", encoding="utf-8")
    store = SessionStore(blocker)
    with pytest.raises(StoreError, match="kan niet worden gemaakt"):
        store.create(title="Wijkteam Noord", deck=deck)
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def _updated_on_disk(path: Path) -> dt.datetime:
    return tomllib.loads(path.read_text(encoding="utf-8"))["session"]["updated"]


def test_updated_moves_only_when_something_typed_or_chosen_changed(tmp_path, deck):
    first = SessionStore(tmp_path)
    session = first.create(title="Wijkteam", deck=deck)
    path = first.path_for(session.session.id)
    session.notes["programma"] = "Eerste notitie."
    first.save(session)
    typed_at = _updated_on_disk(path)

    # Opened again by another program run: walking through the screens is no update.
    again = SessionStore(tmp_path)
    opened = again.load(path)
    opened.progress.screen = "complexer"
    opened.progress.visited = ["programma", "complexer"]
    again.save(opened, path)
    assert _updated_on_disk(path) == typed_at
    assert opened.session.updated == typed_at
    assert tomllib.loads(path.read_text(encoding="utf-8"))["progress"]["screen"] == "complexer"
    again.save(opened, path)
    assert _updated_on_disk(path) == typed_at

    # A word typed (or a choice made) moves it.
    opened.notes["complexer"] = "Een woord."
    again.save(opened, path)
    assert _updated_on_disk(path) > typed_at


def test_a_name_taken_by_a_dangling_link_is_not_offered_again(store, deck):
    """A link left at a session's name (its file moved away) takes that name: the next id
    goes past it, where offering it again made ``new`` and ``vervolg`` try it forever."""
    from patroon_tui.core.sessionfile.follow_up_file import create_follow_up

    store.folder.mkdir(parents=True, exist_ok=True)
    for name in ("2026-11-28-noord", "2026-11-28-noord-vervolg"):
        (store.folder / f"{name}.toml").symlink_to(store.folder / "weg" / f"{name}.toml")
    assert store.unique_id("Noord", DAY) == "2026-11-28-noord-2"
    made = store.create(title="Noord", deck=deck, date=DAY)
    assert made.session.id == "2026-11-28-noord-2"
    follow = create_follow_up(store, made, deck, date=DAY)
    assert follow.session.id == "2026-11-28-noord-vervolg-2"
    assert (store.folder / "2026-11-28-noord.toml").is_symlink()  # left as it was
