"""``patroon merge`` and ``patroon check`` of a merged session, on files in tmp_path."""

from __future__ import annotations

import shutil

import pytest

from patroon_tui.cli import main
from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.session import Table
from patroon_tui.core.model.versions import Baseline, stamp
from patroon_tui.core.sessionfile.store import SessionStore
from tests.core.test_merge import renamed
from tests.platforms import SYSTEMS


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


@pytest.mark.parametrize("system", SYSTEMS, indirect=True)
def test_merge_writes_a_new_session_and_leaves_the_copies_as_they_were(tmp_path, capsys, system):
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


# -- hostile copies: hand edits, odd versions and uids, groupings, links ------------------

ANSWER = "tables/t-tafel-1/answers/herkenbaar"


def handed_out(tmp_path, count: int = 2):
    """A session handed out as ``count`` plain copies (not yet opened anywhere)."""
    store = SessionStore(tmp_path / "sessies")
    session = store.create(title="Wijkteam Noord", deck=load_deck())
    original = store.path_for(session.session.id)
    paths = []
    for number in range(1, count + 1):
        folder = tmp_path / f"laptop-{number}"
        folder.mkdir()
        paths.append(folder / original.name)
        shutil.copy(original, paths[-1])
    return store, paths


def in_the_app(path, writer: str, edit) -> None:
    """Open a copy as the app does, change it with ``edit(session)``, save it stamped."""
    other = SessionStore(path.parent)
    session = other.load(path)
    baseline = Baseline.of(session)
    edit(session)
    stamp(session, baseline, writer)
    other.save(session, path)


def by_hand(path, old: str, new: str, versions: dict[str, str] | None = None) -> None:
    """Change a copy's text in a text editor: ``old`` becomes ``new``; ``versions`` are
    (re)written as typed, the rest of the file as it was."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    if versions:
        lines = [f'"{key}" = "{value}"' for key, value in versions.items()]
        if "[versions]\n" in text:
            kept = [line for line in text.split("[versions]\n", 1)[1].splitlines()
                    if line and not any(line.startswith(f'"{key}"') for key in versions)]
            text = text.split("[versions]\n", 1)[0] + "[versions]\n" + "\n".join(
                [*kept, *lines]) + "\n"
        else:
            text += "\n[versions]\n" + "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")


def merge(store, capsys, *paths, output=None) -> tuple[int, str, str]:
    extra = [] if output is None else ["-o", str(output)]
    code = main(["merge", *map(str, paths), *extra, "--sessions-dir", str(store.folder)])
    out, err = capsys.readouterr()
    return code, out, err


MALFORMED = ["", ":1 a:", "a:-1", "962a2cfe w:²", "962a2cfe w:" + "9" * 5000, "w:²",
             "962a2cfe w:1\u00a0v:2", "962a2cfe", "zz a:1"]


@pytest.mark.parametrize("version", [None, *MALFORMED],
                         ids=["no-version", *(f"v{n}" for n in range(len(MALFORMED)))])
def test_a_hand_edit_beside_an_app_edit_is_a_kept_conflict(tmp_path, capsys, version):
    store, (hand, app) = handed_out(tmp_path)
    by_hand(hand, 'herkenbaar = ""', 'herkenbaar = "Met de hand getypt"',
            None if version is None else {ANSWER: version})
    in_the_app(app, "laptop2", lambda s: s.tables[0].answers.update(
        herkenbaar="In de app getypt"))
    code, out, err = merge(store, capsys, hand, app)
    assert code == 0, err
    assert "1 tegenstrijdig veld" in err and "Traceback" not in err
    merged = store.load(out.strip())
    answer = merged.tables[0].answers["herkenbaar"]
    assert "Met de hand getypt" in answer and "In de app getypt" in answer
    # Each under a line saying where it came from: the hand-typed one without a version.
    assert "(zonder versie: het origineel of met de hand) ──\nMet de hand getypt" in answer
    assert "laptop2) ──\nIn de app getypt" in answer
    assert list(merged.conflicts) == [ANSWER]
    assert main(["check", out.strip(), "--sessions-dir", str(store.folder)]) == 0
    assert "Tafel 1: vraag herkenbaar" in capsys.readouterr().out


def test_a_text_saved_by_the_app_then_edited_by_hand_is_labelled_so(tmp_path, capsys):
    store, (hand, app) = handed_out(tmp_path)
    in_the_app(hand, "laptop1", lambda s: s.tables[0].answers.update(herkenbaar="Eerst"))
    by_hand(hand, 'herkenbaar = "Eerst"', 'herkenbaar = "Daarna met de hand"')
    in_the_app(app, "laptop2", lambda s: s.tables[0].answers.update(herkenbaar="In de app"))
    code, out, err = merge(store, capsys, hand, app)
    assert code == 0 and "1 tegenstrijdig veld" in err
    answer = store.load(out.strip()).tables[0].answers["herkenbaar"]
    assert "(met de hand bewerkt) ──\nDaarna met de hand" in answer
    assert "In de app" in answer and "\nEerst" not in answer


def test_an_unchanged_copy_without_versions_gives_way_to_an_app_edit(tmp_path, capsys):
    store, (plain, app) = handed_out(tmp_path)
    in_the_app(app, "laptop2", lambda s: s.tables[0].answers.update(herkenbaar="In de app"))
    code, out, err = merge(store, capsys, plain, app)
    assert code == 0 and "0 tegenstrijdige velden" in err
    assert store.load(out.strip()).tables[0].answers["herkenbaar"] == "In de app"


@pytest.mark.parametrize("version", ["1271cf25 w:²", "1271cf25 w:" + "9" * 5000,
                                     "1271cf25 w:1 v:²", ":1 a:"],
                         ids=["superscript", "5000-digits", "superscript-later", "empty-parts"])
def test_a_malformed_version_with_the_same_text_merges_quietly(tmp_path, capsys, version):
    store, (odd, app) = handed_out(tmp_path)
    by_hand(odd, 'participants = ""', 'participants = ""', {ANSWER: version})
    in_the_app(app, "laptop2", lambda s: s.tables[0].answers.update(herkenbaar="Gezegd"))
    code, out, err = merge(store, capsys, odd, app)
    assert code == 0, err
    merged = store.load(out.strip())
    # The text is the one both started from on one side: kept beside the app's, or the
    # app's alone; never a traceback, never the app's text lost.
    assert "Gezegd" in merged.tables[0].answers["herkenbaar"]


TABLE_COPY = '''
[[tables]]
id = "tafel-3"
name = "Tafel 3"
participants = "met de hand erbij"
pattern = ""
layer = ""
uid = "{uid}"

[tables.answers]
herkenbaar = "Alleen aan tafel 3 gezegd"
'''


def copy_a_table(path, uid: str) -> None:
    """A ``[[tables]]`` block added by hand after the others, with ``uid``."""
    with path.open("a", encoding="utf-8") as file:
        file.write(TABLE_COPY.format(uid=uid))


@pytest.mark.parametrize("uid", ["t-tafel-1", "t-tafel-1/answers", "t-tafel-1/name", "t 1"])
def test_a_taken_or_unusable_uid_gets_a_new_one_said_and_merged(tmp_path, capsys, uid):
    store, (hand, app) = handed_out(tmp_path)
    copy_a_table(hand, uid)
    assert main(["check", str(hand), "--sessions-dir", str(store.folder)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK:")
    assert "Let op:" in out and "tables[1].uid" in out
    in_the_app(app, "laptop2", lambda s: s.tables[0].answers.update(herkenbaar="Tafel 1 zei"))
    code, out, err = merge(store, capsys, hand, app)
    assert code == 0, err
    merged = store.load(out.strip())
    tables = {t.name: t for t in merged.tables}
    assert sorted(tables) == ["Tafel 1", "Tafel 3"]
    assert tables["Tafel 3"].answers["herkenbaar"] == "Alleen aan tafel 3 gezegd"
    assert tables["Tafel 3"].participants == "met de hand erbij"
    assert tables["Tafel 1"].answers["herkenbaar"] == "Tafel 1 zei"
    # Nothing of Tafel 3 became an answer of Tafel 1.
    assert set(tables["Tafel 1"].answers) == {q.id for q in load_deck().text_questions}
    assert tables["Tafel 1"].participants == ""
    assert len({t.uid for t in merged.tables}) == 2


def test_a_taken_uid_is_said_when_the_app_opens_the_copy(tmp_path):
    from patroon_tui.core.sessionfile.validation import review

    _, (hand, _) = handed_out(tmp_path)
    copy_a_table(hand, "t-tafel-1")
    session = SessionStore(hand.parent).load(hand)
    said = review(session, hand, deck=load_deck())
    assert any("tables[1].uid" in s and "t-tafel-1" in s for s in said)
    assert len({t.uid for t in session.tables}) == 2


def test_new_uids_are_not_taken_twice_in_a_large_copy():
    from patroon_tui.core.model.versions import new_uid, uid_order

    uids = [new_uid("tables") for _ in range(20000)]
    assert len(set(uids)) == len(uids)
    assert min(uids, key=uid_order)[0] == "t"
    assert all(u.isascii() and u.isalnum() for u in uids)


def choices_copies(tmp_path, capsys):
    """Three copies that each choose a pattern, a layer and a first step's table."""
    from patroon_tui.core.model.session import FirstStep, OwnPattern

    store, paths = handed_out(tmp_path, 3)

    def choose(number):
        def edit(session):
            session.patterns.append(OwnPattern(id="eigen-tafel-1", title=f"Eigen {number}",
                                               steps=["Eerst", f"Dan {number}"]))
            table = session.tables[0]
            table.pattern = "eigen-tafel-1" if number != 2 else "wie-is-de-klant"
            table.layer = ("doel", "spelregels", "relatie")[number - 1]
            session.tables.append(Table(id="tafel-2", name="Tafel 2"))
            session.first_steps.append(FirstStep(text=f"Stap {number}", table="tafel-2"))
            table.answers["herkenbaar"] = f"Laptop {number}"
        return edit

    for number, path in enumerate(paths, 1):
        in_the_app(path, f"laptop{number}", choose(number))
    return store, paths


def without_updated(path) -> str:
    return "\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                     if not line.startswith("updated = "))


def test_merging_in_any_grouping_gives_the_same_file(tmp_path, capsys):
    store, (a, b, c) = choices_copies(tmp_path, capsys)
    out = {name: tmp_path / name for name in ("ab", "bc", "1", "2", "3")}
    for folder in out.values():
        folder.mkdir()
    assert merge(store, capsys, a, b, output=out["ab"] / "samen.toml")[0] == 0
    assert merge(store, capsys, b, c, output=out["bc"] / "samen.toml")[0] == 0
    code, _, err_steps = merge(store, capsys, out["ab"] / "samen.toml", c,
                               output=out["1"] / "samen.toml")
    assert code == 0
    assert merge(store, capsys, a, out["bc"] / "samen.toml", output=out["2"] / "samen.toml")[0] == 0
    code, _, err_once = merge(store, capsys, a, b, c, output=out["3"] / "samen.toml")
    assert code == 0
    once = without_updated(out["3"] / "samen.toml")
    assert without_updated(out["1"] / "samen.toml") == once
    assert without_updated(out["2"] / "samen.toml") == once
    assert err_steps.split(":", 1)[1] == err_once.split(":", 1)[1]
    # Merged again with one of its copies: nothing changes.
    (tmp_path / "again").mkdir()
    assert merge(store, capsys, out["3"] / "samen.toml", b,
                 output=tmp_path / "again" / "samen.toml")[0] == 0
    assert without_updated(tmp_path / "again" / "samen.toml") == once


def test_a_merge_never_writes_through_a_link(tmp_path, capsys):
    store, paths = copies(tmp_path)
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    link = tmp_path / "uit.toml"
    link.symlink_to(elsewhere / "gestolen.toml")
    code, out, err = merge(store, capsys, *paths, output=link)
    assert code == 1 and "uit.toml" in err and "Traceback" not in err
    assert not (elsewhere / "gestolen.toml").exists() and link.is_symlink()
    # A link planted where the merge would put its result by default: another name.
    origin = paths[0].stem
    planted = store.path_for(f"{origin}-samen")
    planted.symlink_to(elsewhere / "ook-gestolen.toml")
    code, out, err = merge(store, capsys, *paths)
    assert code == 0, err
    assert not (elsewhere / "ook-gestolen.toml").exists() and planted.is_symlink()
    written = store.path_for(out.strip())
    assert written.is_file() and not written.is_symlink()
    assert written.parent == store.folder and written != planted
