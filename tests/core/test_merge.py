"""Merging copies of one session recorded on several laptops (``core/merge.py``)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings, strategies as st

from patroon_tui.core.merge import MergeError, conflict_text, merge_sessions
from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.session import (
    FirstStep,
    OwnPattern,
    Principle,
    Table,
    new_session,
)
from patroon_tui.core.model.versions import Baseline, fields, stamp
from patroon_tui.core.sessionfile.session_toml import dumps_session, loads_session

DECK = load_deck()
QUESTIONS = [q.id for q in DECK.text_questions]
T0 = dt.datetime(2026, 12, 4, 9, 0, tzinfo=dt.timezone.utc)


def renamed(names: list[str]) -> bool:
    """Tafel 1, Tafel 2, and the other laptop's Tafel 2 renamed visibly."""
    return (names[:2] == ["Tafel 1", "Tafel 2"] and len(names) == 3
            and names[2].startswith("Tafel 2 (") and names[2].endswith(")"))


def base_session():
    session = new_session(session_id="2026-12-04-wijkteam", title="Wijkteam", now=T0)
    session.tables[0].answers[QUESTIONS[0]] = "Wat we samen zagen"
    session.principles = [Principle(text="Eerst bellen")]
    session.notes["programma"] = "Begin om negen uur"
    return session


class Laptop:
    """One copy of the session, edited as the app would (stamped at each save)."""

    def __init__(self, base, writer: str, minute: int) -> None:
        text = dumps_session(base)
        self.session = loads_session(text, "kopie")
        self.baseline = Baseline.of(self.session)
        self.writer = writer
        self.session.session.updated = T0 + dt.timedelta(minutes=minute)

    def save(self):
        stamp(self.session, self.baseline, self.writer)
        return loads_session(dumps_session(self.session), "kopie")


def all_texts(session) -> list[str]:
    texts = list(fields(session).values())
    for versions in (session.conflicts or {}).values():
        texts += [v.text for v in versions]
    return texts


def same(a, b) -> bool:
    return dumps_session(a) == dumps_session(b)


# -- properties --------------------------------------------------------------------------

WORDS = st.sampled_from(["ja", "nee", "misschien", "Tafel 2", ""])

edit = st.one_of(
    st.tuples(st.just("answer"), st.integers(0, 3), st.sampled_from(QUESTIONS), WORDS),
    st.tuples(st.just("note"), st.sampled_from(["programma", "tafels"]), WORDS),
    st.tuples(st.just("drop_note"), st.sampled_from(["programma", "tafels"])),
    st.tuples(st.just("add_table"), WORDS),
    st.tuples(st.just("remove_table"), st.integers(0, 3)),
    st.tuples(st.just("principle"), st.integers(0, 2), WORDS),
    st.tuples(st.just("add_principle"), WORDS),
    st.tuples(st.just("remove_principle"), st.integers(0, 2)),
    st.tuples(st.just("save")),
)


def apply(laptop: Laptop, script, tag: str) -> set[str]:
    """Run an edit script; returns the texts it typed (each unique to this laptop)."""
    session = laptop.session
    typed: set[str] = set()
    for n, step in enumerate(script):
        kind = step[0]
        word = f"{step[-1]} {tag}{n}" if isinstance(step[-1], str) else ""
        if kind == "answer" and session.tables:
            table = session.tables[step[1] % len(session.tables)]
            table.answers[step[2]] = word
        elif kind == "note":
            session.notes[step[1]] = word
        elif kind == "drop_note":
            session.notes.pop(step[1], None)
        elif kind == "add_table":
            session.tables.append(Table(id=session.new_table_id(), name=word or "Tafel"))
        elif kind == "remove_table" and session.tables:
            del session.tables[step[1] % len(session.tables)]
        elif kind == "principle" and session.principles:
            session.principles[step[1] % len(session.principles)].text = word
        elif kind == "add_principle":
            session.principles.append(Principle(text=word))
        elif kind == "remove_principle" and session.principles:
            del session.principles[step[1] % len(session.principles)]
        elif kind == "save":
            laptop.save()
        if word:
            typed.add(word)
    return typed


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(edit, max_size=8), min_size=3, max_size=3))
def test_merging_is_commutative_associative_idempotent_and_keeps_every_word(scripts):
    base = base_session()
    copies = []
    finals = []
    for number, script in enumerate(scripts):
        laptop = Laptop(base, f"w{number}", number)
        apply(laptop, script, f"L{number}-")
        copies.append(laptop.save())
        finals.append(fields(copies[-1]))
    a, b, c = copies
    texts = [dumps_session(copy) for copy in copies]
    ab = merge_sessions([a, b])
    assert same(ab, merge_sessions([b, a]))
    assert same(merge_sessions([ab, c]), merge_sessions([a, merge_sessions([b, c])]))
    assert same(merge_sessions([ab, c]), merge_sessions([a, b, c]))
    assert same(merge_sessions([ab, a]), ab)
    assert same(merge_sessions([ab, ab]), ab)
    assert [dumps_session(copy) for copy in copies] == texts  # the inputs as they were
    everything = all_texts(merge_sessions([a, b, c]))
    for final in finals:
        for path, text in final.items():
            if "-" in text and text.split()[-1].startswith("L"):  # typed on a laptop
                assert any(text in t for t in everything), (path, text)


# -- the trash (F8) in a merge: what was typed before a record was thrown away stays -------

trash_edit = st.one_of(
    edit,
    st.tuples(st.just("trash_table"), st.integers(0, 3)),
    st.tuples(st.just("trash_principle"), st.integers(0, 2)),
    st.tuples(st.just("put_back"), st.integers(0, 3)),
)


def apply_with_trash(laptop: Laptop, script, tag: str) -> set[str]:
    """``apply``, where removing goes through the trash (F8) and entries are put back."""
    from patroon_tui.core.model.trash import entries, put_back, throw_away

    typed: set[str] = set()
    for n, step in enumerate(script):
        session = laptop.session
        if step[0] == "trash_table" and session.tables:
            throw_away(session, "tables", step[1] % len(session.tables))
        elif step[0] == "trash_principle" and session.principles:
            throw_away(session, "principles", step[1] % len(session.principles))
        elif step[0] == "put_back" and entries(session):
            listed = entries(session)
            put_back(session, listed[step[1] % len(listed)])
        elif step[0].startswith(("trash_", "put_")):
            continue
        else:
            typed |= apply(laptop, [step], f"{tag}{n}-")
    return typed


def texts_with_trash(session) -> list[str]:
    from patroon_tui.core.model.versions import record_fields

    found = all_texts(session)
    for entry in session.trash or []:
        found += record_fields(entry.kind, entry.record.uid, entry.record).values()
    return found


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(trash_edit, max_size=8), min_size=3, max_size=3))
def test_a_text_typed_before_its_record_went_to_the_trash_is_kept_in_any_grouping(scripts):
    base = base_session()
    copies, typed = [], set()
    for number, script in enumerate(scripts):
        laptop = Laptop(base, f"w{number}", number)
        typed |= apply_with_trash(laptop, script, f"L{number}-")
        laptop.save()  # typed and saved: a text that reached the file
        copies.append(laptop.save())
    saved = {t for copy in copies for t in texts_with_trash(copy)} & typed
    a, b, c = copies
    ab = merge_sessions([a, b])
    assert same(ab, merge_sessions([b, a]))
    assert same(merge_sessions([ab, ab]), ab)
    assert same(merge_sessions([ab, c]), merge_sessions([a, merge_sessions([b, c])]))
    for merged in (merge_sessions([ab, c]), merge_sessions([a, merge_sessions([b, c])]),
                   merge_sessions([a, b, c])):
        everything = texts_with_trash(merged)
        for text in saved:
            assert any(text in t for t in everything), text


# -- hand edits, odd versions, copied uids, choices: in any grouping ----------------------

DECK_PATTERN = DECK.patterns[0].id
JUNK = st.sampled_from(["", ":1 a:", "a:-1", "1271cf25 w:\u00b2", "1271cf25 w:" + "9" * 5000,
                        "w:\u00b2", "zz a:1", "1271cf25"])

rough_edit = st.one_of(
    edit,
    st.tuples(st.just("hand_answer"), st.integers(0, 3), st.sampled_from(QUESTIONS), WORDS),
    st.tuples(st.just("hand_note"), st.sampled_from(["programma", "tafels"]), WORDS),
    st.tuples(st.just("bad_version"), st.integers(0, 40), JUNK, st.booleans(), WORDS),
    st.tuples(st.just("copy_principle"), st.integers(0, 2), WORDS),
    st.tuples(st.just("copy_table"), st.integers(0, 3), WORDS),
    st.tuples(st.just("add_pattern"), WORDS),
    st.tuples(st.just("choose_pattern"), st.integers(0, 3), st.integers(0, 3)),
    st.tuples(st.just("choose_layer"), st.integers(0, 3),
              st.sampled_from(["", "doel", "spelregels", "relatie"])),
    st.tuples(st.just("add_step"), st.integers(0, 3), WORDS),
    st.tuples(st.just("step_table"), st.integers(0, 2), st.integers(0, 3)),
    st.tuples(st.just("tie_step"), st.integers(0, 2), st.integers(0, 3), st.integers(0, 7),
              st.sampled_from([None, "doel", "spelregels", "relatie"])),
)


class RoughLaptop(Laptop):
    """A copy edited in the app and, between runs of the app, in a text editor."""

    def __init__(self, base, writer: str, minute: int) -> None:
        super().__init__(base, writer, minute)
        self.open = True

    def by_hand(self, change) -> None:
        """Saved and closed; changed in a text editor; opened again at the next app edit."""
        if self.open:
            self.session = self.save()
            self.open = False
        change(self.session)

    def in_app(self) -> None:
        if not self.open:
            from patroon_tui.core.sessionfile.validation import review

            self.session = loads_session(dumps_session(self.session), "kopie")
            review(self.session, "kopie")
            self.baseline = Baseline.of(self.session)
            self.open = True

    def final(self):
        """The copy as it comes back: saved by the app, or as the text editor left it."""
        return self.save() if self.open else loads_session(dumps_session(self.session), "kopie")


def _hand_answer(s, step, word) -> None:
    if step[0] == "hand_note":
        s.notes[step[1]] = word
    elif s.tables:
        s.tables[step[1] % len(s.tables)].answers[step[2]] = word


def _bad_version(s, step, word) -> None:
    paths = sorted(fields(s))
    path = paths[step[1] % len(paths)]
    s.versions = {**(s.versions or {}), path: step[2]}
    if step[3] and path.startswith("notes/"):
        s.notes[path.split("/", 1)[1]] = word


def _copy_principle(s, step, word) -> None:
    if s.principles:
        twin = s.principles[step[1] % len(s.principles)]
        s.principles.append(Principle(text=word, uid=twin.uid))


def _copy_table(s, step, word) -> None:
    if s.tables:
        twin = s.tables[step[1] % len(s.tables)]
        s.tables.append(Table(id=s.new_table_id(), name=word, uid=twin.uid,
                              answers={QUESTIONS[0]: word}))


#: Edits made in a text editor between runs of the app, by kind.
BY_HAND = {"hand_answer": _hand_answer, "hand_note": _hand_answer, "bad_version": _bad_version,
           "copy_principle": _copy_principle, "copy_table": _copy_table}


def _in_app(session, step, word: str, tag: str, n: int) -> bool:
    """One of the rough edits made in the app; ``False`` for the plain ones of ``apply``."""
    kind = step[0]
    if kind == "add_pattern":
        session.patterns.append(OwnPattern(
            id=f"eigen-{tag.lower().strip('-')}-{n}", title=word, steps=["Een", "Twee"]))
    elif kind == "choose_pattern" and session.tables:
        table = session.tables[step[1] % len(session.tables)]
        choices = ["", DECK_PATTERN, *(p.id for p in session.patterns)]
        table.pattern = choices[step[2] % len(choices)]
    elif kind == "choose_layer" and session.tables:
        session.tables[step[1] % len(session.tables)].layer = step[2]
    elif kind == "add_step":
        table = session.tables[step[1] % len(session.tables)].id if session.tables else ""
        session.first_steps.append(FirstStep(text=word, table=table))
    elif kind == "step_table" and session.first_steps and session.tables:
        step_ = session.first_steps[step[1] % len(session.first_steps)]
        step_.table = session.tables[step[2] % len(session.tables)].id
    elif kind == "tie_step" and session.first_steps:
        step_ = session.first_steps[step[1] % len(session.first_steps)]
        choices = [None, DECK_PATTERN, *(p.id for p in session.patterns)]
        step_.pattern = choices[step[2] % len(choices)]
        step_.breaks_after = step[3] or None
        step_.layer = step[4]
    else:
        return kind in ("add_pattern", "choose_pattern", "choose_layer", "step_table",
                        "tie_step")
    return True


def rough_apply(laptop: RoughLaptop, script, tag: str) -> None:
    for n, step in enumerate(script):
        word = f"{step[-1]} {tag}{n}" if isinstance(step[-1], str) else ""
        if step[0] in BY_HAND:
            laptop.by_hand(lambda s, step=step, word=word: BY_HAND[step[0]](s, step, word))
            continue
        laptop.in_app()
        if not _in_app(laptop.session, step, word, tag, n):
            apply(laptop, [step], f"{tag}{n}-")


def typed_texts(session) -> list[str]:
    """Every text of a copy, record by record (a copied uid cannot hide one)."""
    texts = [*session.notes.values(), *session.layer_notes.values()]
    for table in session.tables:
        texts += [table.name, table.participants, *table.answers.values()]
    texts += [p.text for p in session.principles] + [s.text for s in session.first_steps]
    return texts + [p.title for p in session.patterns]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(rough_edit, max_size=8), min_size=3, max_size=3))
def test_hand_edits_odd_versions_copied_uids_and_choices_merge_in_any_grouping(scripts):
    base = base_session()
    copies = []
    for number, script in enumerate(scripts):
        laptop = RoughLaptop(base, f"w{number}", number)
        rough_apply(laptop, script, f"L{number}-")
        copies.append(laptop.final())
    a, b, c = copies
    ab, bc, abc = merge_sessions([a, b]), merge_sessions([b, c]), merge_sessions([a, b, c])
    assert same(ab, merge_sessions([b, a]))
    assert same(merge_sessions([ab, c]), abc)
    assert same(merge_sessions([a, bc]), abc)
    assert same(merge_sessions([c, ab]), abc)
    assert same(merge_sessions([abc, b]), abc)
    assert same(merge_sessions([abc, abc]), abc)
    # Read back as a file, the merged session merges the same (its versions are of what
    # it holds, so nothing in it looks edited by hand).
    again = loads_session(dumps_session(ab), "samen")
    assert same(merge_sessions([again, c]), abc)
    everything = all_texts(abc)
    for copy in copies:
        for text in typed_texts(copy):
            if "-" in text and text.split()[-1].startswith("L"):  # typed on a laptop
                assert any(text in t for t in everything), text


# -- the cases of the issue ---------------------------------------------------------------


def test_two_laptops_that_each_add_a_table_keep_both_the_second_renamed():
    base = base_session()
    one, two = Laptop(base, "een", 1), Laptop(base, "twee", 2)
    for laptop, who in ((one, "gemeente"), (two, "ggz")):
        laptop.session.tables.append(Table(id="tafel-2", name="Tafel 2", participants=who))
    merged = merge_sessions([one.save(), two.save()])
    assert renamed([t.name for t in merged.tables])
    assert len({t.id for t in merged.tables}) == 3
    assert sorted(t.participants for t in merged.tables[1:]) == ["gemeente", "ggz"]


def test_a_table_removed_on_one_laptop_and_edited_on_another_stays_with_the_edit():
    base = base_session()
    base.tables.append(Table(id="tafel-2", name="Tafel 2"))
    one, two = Laptop(base, "een", 1), Laptop(base, "twee", 2)
    one.session.tables.pop()
    two.session.tables[1].answers[QUESTIONS[1]] = "Toch nog iets"
    merged = merge_sessions([one.save(), two.save()])
    assert [t.name for t in merged.tables] == ["Tafel 1", "Tafel 2"]
    assert merged.tables[1].answers[QUESTIONS[1]] == "Toch nog iets"
    # Removed and not edited elsewhere: removed.
    three = Laptop(base, "drie", 3)
    merged = merge_sessions([one.save(), three.save()])
    assert [t.name for t in merged.tables] == ["Tafel 1"]


def test_the_same_answer_edited_on_two_laptops_keeps_both_marked_until_edited():
    base = base_session()
    one, two = Laptop(base, "een", 1), Laptop(base, "twee", 2)
    one.session.tables[0].answers[QUESTIONS[0]] = "Versie van laptop een"
    two.session.tables[0].answers[QUESTIONS[0]] = "Versie van laptop twee"
    merged = merge_sessions([one.save(), two.save()])
    text = merged.tables[0].answers[QUESTIONS[0]]
    assert "Versie van laptop een" in text and "Versie van laptop twee" in text
    assert text.startswith("⚠ 2 versies")
    (path,) = merged.conflicts
    assert text == conflict_text(merged, merged.conflicts[path], path)
    # An edit elsewhere wins where only one laptop changed it.
    assert merged.tables[0].answers.get(QUESTIONS[1], "") == ""
    # The facilitator resolves it by editing the field: the conflict is gone, and the
    # resolution wins over both versions in a later merge.
    opened = Laptop(merged, "drie", 9)
    opened.session.tables[0].answers[QUESTIONS[0]] = "Samen: een en twee"
    resolved = opened.save()
    assert resolved.conflicts is None
    again = merge_sessions([resolved, one.save(), two.save()])
    assert again.tables[0].answers[QUESTIONS[0]] == "Samen: een en twee"
    assert again.conflicts is None


def test_a_copy_edited_in_a_text_editor_merges_as_an_edit():
    base = base_session()
    app_copy = Laptop(base, "een", 1)
    app_copy.session.notes["programma"] = "In de app getypt"
    first = app_copy.save()
    # The other copy: an answer changed by hand in the file, no app involved.
    text = dumps_session(Laptop(base, "x", 0).save()).replace(
        "Wat we samen zagen", "Met de hand verbeterd")
    by_hand = loads_session(text, "met-de-hand.toml")
    merged = merge_sessions([first, by_hand])
    assert merged.notes["programma"] == "In de app getypt"
    answer = merged.tables[0].answers[QUESTIONS[0]]
    assert "Met de hand verbeterd" in answer


def test_a_one_line_field_in_conflict_stays_on_one_line():
    base = base_session()
    one, two = Laptop(base, "een", 1), Laptop(base, "twee", 2)
    one.session.tables[0].participants = "gemeente"
    two.session.tables[0].participants = "ggz"
    merged = merge_sessions([one.save(), two.save()])
    text = merged.tables[0].participants
    assert "\n" not in text and "gemeente" in text and "ggz" in text and text.startswith("⚠")


def test_three_copies_merge_in_one_go():
    base = base_session()
    laptops = [Laptop(base, f"w{n}", n) for n in range(3)]
    for n, laptop in enumerate(laptops):
        laptop.session.principles.append(Principle(text=f"Principe van laptop {n}"))
        laptop.session.tables[0].participants = "" if n else "Gemeente en GGZ"
    merged = merge_sessions([laptop.save() for laptop in laptops])
    texts = [p.text for p in merged.principles]
    assert texts[0] == "Eerst bellen"
    assert sorted(texts[1:]) == [f"Principe van laptop {n}" for n in range(3)]
    assert merged.tables[0].participants == "Gemeente en GGZ"


def test_copies_of_different_sessions_are_refused():
    other = new_session(session_id="2026-12-04-ander", title="Ander", now=T0)
    try:
        merge_sessions([base_session(), other])
    except MergeError as exc:
        assert "verschillende sessies" in str(exc)
    else:
        raise AssertionError("merged two different sessions")


def test_own_patterns_merge_by_uid_with_their_empty_rows():
    from patroon_tui.core.model.session import OwnPattern

    base = base_session()
    one, two = Laptop(base, "een", 1), Laptop(base, "twee", 2)
    for laptop, title in ((one, "Ons patroon"), (two, "Hun patroon")):
        laptop.session.patterns.append(
            OwnPattern(id="eigen-tafel-1", title=title, steps=["Eerst", "", "Dan"]))
        laptop.session.tables[0].pattern = "eigen-tafel-1"
    merged = merge_sessions([one.save(), two.save()])
    assert sorted(p.title for p in merged.patterns) == ["Hun patroon", "Ons patroon"]
    assert all(p.steps == ["Eerst", "", "Dan"] for p in merged.patterns)
    assert len({p.id for p in merged.patterns}) == 2
    # The table's choice differs (each laptop chose its own): one kept, both listed.
    (path,) = merged.conflicts
    assert path.endswith("/pattern")
    assert merged.tables[0].pattern in {p.id for p in merged.patterns}
    assert {v.text for v in merged.conflicts[path]} == {p.id for p in merged.patterns}


def test_a_note_emptied_on_one_laptop_stays_empty():
    base = base_session()
    one, two = Laptop(base, "een", 1), Laptop(base, "twee", 2)
    del one.session.notes["programma"]  # the app drops a note emptied to nothing
    two.session.notes["tafels"] = "Iets anders"
    merged = merge_sessions([one.save(), two.save()])
    assert "programma" not in merged.notes
    assert merged.notes["tafels"] == "Iets anders"
    # Merged again with the copy that still has it: it stays gone.
    assert "programma" not in merge_sessions([merged, two.save()]).notes


def test_keys_this_program_does_not_know_are_kept():
    base = base_session()
    text = dumps_session(base).replace('name = "Tafel 1"\n', 'name = "Tafel 1"\nkleur = "blauw"\n')
    base = loads_session(text, "met-kleur.toml")
    one, two = Laptop(base, "een", 1), Laptop(base, "twee", 2)
    two.session.tables[0].participants = "gemeente"
    merged = merge_sessions([one.save(), two.save()])
    assert merged.tables[0].model_extra == {"kleur": "blauw"}
    assert merged.tables[0].participants == "gemeente"


def test_a_copy_opened_under_another_name_still_merges(tmp_path):
    from patroon_tui.core.sessionfile.validation import review

    base = base_session()
    renamed_copy = Laptop(base, "een", 1)
    # Opened as laptop-2.toml: the file's name becomes its id, the origin is kept.
    review(renamed_copy.session, tmp_path / "wijkteam-laptop-2.toml")
    assert renamed_copy.session.session.id == "wijkteam-laptop-2"
    renamed_copy.session.notes["tafels"] = "Van de tweede laptop"
    merged = merge_sessions([Laptop(base, "twee", 2).save(), renamed_copy.save()])
    assert merged.notes["tafels"] == "Van de tweede laptop"


def test_a_table_removed_and_put_back_on_one_laptop_is_not_removed_by_the_merge():
    base = base_session()
    base.tables.append(Table(id="tafel-2", name="Tafel 2"))
    one, two = Laptop(base, "een", 1), Laptop(base, "twee", 2)
    table = one.session.tables.pop()
    one.save()
    one.session.tables.append(table)  # ctrl+z puts the same table back
    merged = merge_sessions([one.save(), two.save()])
    assert [t.name for t in merged.tables] == ["Tafel 1", "Tafel 2"]


def in_any_grouping(a, b, c):
    """A+B+C, having checked that (A+B)+C, A+(B+C) and (A+C)+B give it byte for byte."""
    abc = merge_sessions([a, b, c])
    for grouped in (merge_sessions([merge_sessions([a, b]), c]),
                    merge_sessions([a, merge_sessions([b, c])]),
                    merge_sessions([merge_sessions([a, c]), b])):
        assert dumps_session(grouped) == dumps_session(abc)
    return abc


def test_a_first_step_of_a_removed_table_names_no_merged_table_in_any_grouping():
    base = base_session()
    a, b, c = (Laptop(base, name, n) for n, name in enumerate(("een", "twee", "drie")))
    # Two laptops each add a tafel-2 of their own (the first made first).
    a.session.tables.append(Table(id="tafel-2", name="Tafel van een", uid="t0000000000a1"))
    b.session.tables.append(Table(id="tafel-2", name="Tafel van twee", uid="t0000000000b2"))
    # The third adds one too, ties a first step to it, and removes the table again: the
    # step keeps naming tafel-2, a table no longer there.
    c.session.tables.append(Table(id="tafel-2", name="Tafel van drie"))
    c.save()
    c.session.first_steps.append(FirstStep(text="Bellen met de wijkagent", table="tafel-2"))
    c.save()
    c.session.tables.pop()
    merged = in_any_grouping(a.save(), b.save(), c.save())
    assert [s.text for s in merged.first_steps] == ["Bellen met de wijkagent"]
    assert merged.first_steps[0].table == "tafel-2"
    assert "tafel-2" not in {t.id for t in merged.tables}
    assert sorted(t.name for t in merged.tables) == ["Tafel 1", "Tafel van een",
                                                     "Tafel van twee"]


def test_a_first_steps_tie_merges_field_by_field_and_follows_a_renamed_own_pattern():
    base = base_session()
    base.first_steps = [FirstStep(text="Bellen met de wijkagent")]
    a, b, c = (Laptop(base, name, n) for n, name in enumerate(("een", "twee", "drie")))
    # Laptops one and two each add an own pattern "eigen-1": the merge renames one.
    a.session.patterns.append(OwnPattern(id="eigen-1", title="Van een", steps=["x", "y"],
                                         uid="o0000000000a1"))
    b.session.patterns.append(OwnPattern(id="eigen-1", title="Van twee", steps=["x", "y", "z"],
                                         uid="o0000000000b2"))
    b.save()
    b.session.first_steps[0].pattern = "eigen-1"
    b.session.first_steps[0].breaks_after = 3
    c.session.first_steps[0].layer = "relatie"
    merged = in_any_grouping(a.save(), b.save(), c.save())
    [step] = merged.first_steps
    tied = next(p for p in merged.patterns if p.title == "Van twee")
    assert (step.pattern, step.breaks_after, step.layer) == (tied.id, 3, "relatie")
    assert not merged.conflicts


def test_a_session_without_ties_is_written_as_before():
    base = base_session()
    laptop = Laptop(base, "een", 1)
    laptop.session.first_steps.append(FirstStep(text="Bellen"))
    text = dumps_session(laptop.save())
    assert "breaks_after" not in text and "/pattern" not in text.split("[[first_steps]]")[-1]
    laptop.session.first_steps[0].layer = "doel"
    laptop.save()
    laptop.session.first_steps[0].layer = None
    untied = laptop.save()
    assert untied.first_steps[0].layer is None
    assert "layer" not in dumps_session(untied).split("[[first_steps]]")[-1].split("[")[0]


def test_a_table_block_copied_by_hand_does_not_take_the_uid_of_a_removed_table():
    from patroon_tui.core.model.uids import unique_uids

    base = base_session()
    base.tables.append(Table(id="tafel-2", name="Tafel 2", uid="t0000000000c3"))
    one = Laptop(base, "een", 1)
    one.session.tables.pop(0)  # Tafel 1 removed in the app
    saved = one.save()
    # Then, in a text editor, Tafel 2's block copied and named tafel-1 (its uid too).
    saved.tables.append(Table(id="tafel-1", name="Kopie met de hand", uid="t0000000000c3",
                              answers={QUESTIONS[0]: "Met de hand getypt"}))
    copy = loads_session(dumps_session(saved), "kopie")
    assert [path for path, _ in unique_uids(loads_session(dumps_session(saved), "k"))] == [
        "tables[1].uid"]
    untouched, other = Laptop(base, "twee", 2).save(), Laptop(base, "drie", 3)
    other.session.notes["tafels"] = "Iets anders"
    merged = in_any_grouping(copy, untouched, other.save())
    # Tafel 1 stays removed; the copy is a table of its own, with only what it holds.
    assert "t-tafel-1" not in {t.uid for t in merged.tables}
    assert [t.name for t in merged.tables] == ["Tafel 2", "Kopie met de hand"]
    assert merged.tables[1].answers == {QUESTIONS[0]: "Met de hand getypt"}


def test_a_table_renamed_by_one_merge_keeps_its_id_when_the_next_merge_drops_the_other():
    base = base_session()
    # Edited by hand, then removed in the app, then a table added (it gets tafel-1).
    hand = RoughLaptop(base, "een", 1)
    rough_apply(hand, [("hand_answer", 0, QUESTIONS[0], "Met de hand"), ("remove_table", 0),
                       ("add_table", "Nieuw")], "L1-")
    # Removed in the app on another laptop, untouched on a third.
    gone = Laptop(base, "twee", 2)
    gone.session.tables.pop(0)
    merged = in_any_grouping(Laptop(base, "drie", 3).save(), hand.final(), gone.save())
    # Untouched + hand keeps Tafel 1 (its text is not what the hand copy removed), so
    # that merge renames the new table; with the other removal Tafel 1 goes, and the new
    # table is tafel-1 in every grouping.
    assert [(t.id, t.name) for t in merged.tables] == [("tafel-1", "Nieuw L1-2-0")]


def test_records_trashed_at_one_moment_are_in_one_order_in_any_grouping():
    from patroon_tui.core.model.trash import throw_away

    base = base_session()
    one, two = Laptop(base, "een", 1), Laptop(base, "twee", 2)
    moment = T0 + dt.timedelta(minutes=8)
    throw_away(one.session, "tables", 0, now=moment)
    two.session.tables.append(Table(id="tafel-2", name="Tafel Zuid"))
    two.save()
    throw_away(two.session, "tables", 1, now=moment)
    merged = in_any_grouping(one.save(), two.save(), Laptop(base, "drie", 3).save())
    assert sorted(e.table.name for e in merged.trash) == ["Tafel 1", "Tafel Zuid"]


def test_check_names_one_conflict_and_several_in_correct_dutch():
    from patroon_tui.core.sessionfile.validation import conflicts_sentence

    base = base_session()
    one, two = Laptop(base, "een", 1), Laptop(base, "twee", 2)
    one.session.tables[0].answers[QUESTIONS[0]] = "Versie een"
    two.session.tables[0].answers[QUESTIONS[0]] = "Versie twee"
    single = conflicts_sentence(merge_sessions([one.save(), two.save()]), "kopie.toml")
    assert "heeft 1 veld dat bij het samenvoegen op meer laptops anders is ingevuld:" in single
    one.session.tables[0].participants = "gemeente"
    two.session.tables[0].participants = "ggz"
    several = conflicts_sentence(merge_sessions([one.save(), two.save()]), "kopie.toml")
    assert "heeft 2 velden die bij het samenvoegen op meer laptops anders zijn ingevuld:" in several
    assert "velden dat" not in several and "anders is ingevuld" not in several
