"""The corpus of bad session files (``tests/core/bad_sessions.py``) through every reader.

Each bad file goes through ``check``, ``export`` (to the screen and to a file), ``open`` up to
the moment the full-screen app would start, ``list`` and ``SessionStore.load``: no traceback,
the file byte-identical and nothing added beside it, one Dutch sentence naming the file and
the line or field. Each odd-but-valid file is accepted by ``check``, says what opening
would set right, and is shown by ``list``, also in time zones at either end of the day.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given, settings, strategies as st

from patroon_tui import cli
from patroon_tui.cli import main
from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.sessionfile.store import (
    SessionFileError,
    SessionStore,
    dumps_session,
    loads_session,
)
from patroon_tui.core.sessionfile.validation import MAX_DEPTH, data_problem, review, scan_text
from tests.core.bad_sessions import BASE, FILE_ID, bad_cases, odd_cases

BAD = bad_cases()
ODD = odd_cases()
GOOD_ID = "2026-11-29-goed"
GOOD_TITLE = "Goede sessie ernaast"

# Words that give away a reason left in English by tomllib, pydantic or Python.
ENGLISH = re.compile(
    r"\b(Input should|Value error|Invalid|Expected|Cannot|Unterminated|Illegal|Found|"
    r"Unclosed|Escaped|Duplicate|Unescaped|at line|required|should|must|is not|error)\b"
)


def test_the_corpus_holds_more_than_a_hundred_bad_files():
    assert len(BAD) >= 100
    assert len({name for name, _, _ in BAD}) == len(BAD)


def _write(path: Path, content: str | bytes) -> None:
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def _folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _good_session() -> str:
    return BASE.replace(f'id = "{FILE_ID}"', f'id = "{GOOD_ID}"').replace(
        'title = "Wijkteam Noord"', f'title = "{GOOD_TITLE}"'
    )


def assert_refusal(message: str, path: Path, expected: str) -> None:
    """One or two Dutch sentences naming the file and the line or field; no traceback."""
    assert "Traceback" not in message
    assert str(path) in message, message
    assert expected in message, message
    assert not ENGLISH.search(message), message
    assert message.strip().count("\n") == 0, message
    assert message.rstrip().endswith("."), message


@pytest.fixture
def corpus_folder(tmp_path, monkeypatch):
    folder = tmp_path / "sessions"
    folder.mkdir()
    _write(folder / f"{GOOD_ID}.toml", _good_session())
    monkeypatch.setenv("PATROON_SESSIONS_DIR", str(folder))
    return folder


@pytest.mark.parametrize(("name", "content", "expected"), BAD, ids=[c[0] for c in BAD])
def test_a_bad_file_is_refused_by_every_command(
    corpus_folder, tmp_path, monkeypatch, capsys, name, content, expected
):
    path = corpus_folder / f"{FILE_ID}.toml"
    _write(path, content)
    before = _folder_bytes(corpus_folder)

    def no_app(**kwargs):  # the full-screen app must never start on a bad file
        raise AssertionError("the app was started")

    monkeypatch.setattr(cli, "launch_app", no_app)

    assert main(["check", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert_refusal(err, path, expected)

    assert main(["export", FILE_ID]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert_refusal(err, path, expected)

    report = tmp_path / "verslag.md"
    assert main(["export", str(path), "-o", str(report)]) == 1
    assert_refusal(capsys.readouterr().err, path, expected)
    assert not report.exists()

    assert main(["open", FILE_ID]) == 1
    assert_refusal(capsys.readouterr().err, path, expected)

    with pytest.raises(SessionFileError) as refused:
        SessionStore(corpus_folder).load(path)
    assert_refusal(str(refused.value), path, expected)

    assert main(["list"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert any(line.startswith(GOOD_ID) and GOOD_TITLE in line for line in lines), out
    bad_lines = [line for line in lines if line.startswith(FILE_ID)]
    assert len(bad_lines) == 1, out
    assert "onleesbaar" in bad_lines[0]
    assert_refusal(bad_lines[0], path, expected)

    assert _folder_bytes(corpus_folder) == before


def test_list_shows_the_good_session_and_every_bad_file_in_one_line(corpus_folder, capsys):
    for name, content, _ in BAD:
        _write(corpus_folder / f"{name}.toml", content)
    assert main(["list"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()[2:]  # the header and its rule
    assert len(lines) == len(BAD) + 1
    assert lines[0].startswith(GOOD_ID) and GOOD_TITLE in lines[0]
    for name, _, _ in BAD:
        (line,) = [line for line in lines if line.split("  ")[0] == name]
        assert f"{name}.toml" in line and "onleesbaar" in line
        assert not ENGLISH.search(line), line


# Amsterdam: the zone the crash was found in; +14 and -12: the ends of the day.
ZONES = ("Europe/Amsterdam", "Pacific/Kiritimati", "Etc/GMT+12")


@pytest.fixture(params=ZONES)
def zone(request, monkeypatch):
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(("name", "text", "notices"), ODD, ids=[c[0] for c in ODD])
def test_an_odd_but_valid_file_is_accepted_and_says_what_opening_sets_right(
    corpus_folder, tmp_path, capsys, name, text, notices
):
    path = corpus_folder / f"{FILE_ID}.toml"
    _write(path, text)
    before = path.read_bytes()
    assert main(["check", FILE_ID]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines[0].startswith(f"OK: {path}")
    said = lines[1:]
    assert len(said) == len(notices), out
    for fragment, line in zip(notices, said, strict=True):
        assert line.startswith(f"Let op: In {path} bij {fragment}:"), line
        assert not ENGLISH.search(line), line
    assert main(["export", FILE_ID, "-o", str(tmp_path / "verslag.md")]) == 0
    err = capsys.readouterr().err
    assert [line for line in err.splitlines() if line.startswith("Let op:")] == said
    assert path.read_bytes() == before


@pytest.mark.parametrize(("name", "text", "notices"), ODD, ids=[c[0] for c in ODD])
def test_an_odd_file_is_listed_and_exported_in_any_time_zone(
    corpus_folder, tmp_path, capsys, zone, name, text, notices
):
    _write(corpus_folder / f"{FILE_ID}.toml", text)
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "onleesbaar" not in out
    assert main(["export", FILE_ID]) == 0
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(("name", "text", "notices"), ODD, ids=[c[0] for c in ODD])
def test_an_odd_file_is_written_back_to_what_it_held(name, text, notices):
    """What the store writes parses back (also for other TOML readers) to the same session."""
    source = f"/tmp/{FILE_ID}.toml"
    session = loads_session(text, source)
    written = dumps_session(session)
    tomllib.loads(written)  # any TOML reader can read it
    # Compared as data: keys are written in canonical order and moments in UTC, which
    # compare equal to the same moment with another offset.
    assert _equal(loads_session(written, source).model_dump(), session.model_dump())
    assert dumps_session(loads_session(written, source)) == written


def _equal(a, b) -> bool:
    """Equality of data where nan equals nan (a nan under an unknown key is kept)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True
    return type(a) is type(b) and a == b


def test_review_sets_right_what_it_says():
    deck = load_deck()
    odd = {name: text for name, text, _ in ODD}
    source = f"/sessies/{FILE_ID}.toml"

    session = loads_session(odd["onbekend-scherm"], source)
    assert review(session, source, deck=deck) and session.progress.screen == deck.screens[0].id
    session = loads_session(odd["onbekende-tafel-in-progress"], source)
    assert review(session, source) and session.progress.table is None
    session = loads_session(odd["timer-over-totaal"], source)
    assert review(session, source) and session.progress.timer_seconds_left == 1500
    session = loads_session(odd["id-anders-dan-bestand"], source)
    assert review(session, source) and session.session.id == FILE_ID
    # A second look finds nothing more to set right.
    assert review(session, source, deck=deck) == []


def test_a_file_name_that_cannot_be_an_id_keeps_the_id_and_says_how_to_rename():
    source = "/sessies/Kopie van noord.toml"
    session = loads_session(BASE, source)
    (said,) = review(session, source)
    assert session.session.id == FILE_ID
    assert f"hernoem het bestand naar {FILE_ID}.toml" in said


def test_bidi_controls_are_kept_and_written_as_escapes():
    session = loads_session(BASE, f"{FILE_ID}.toml")
    session.notes["complexer"] = "abc\u202edef\u2066x\u2069"
    written = dumps_session(session)
    assert "\u202e" not in written and "\u2066" not in written
    assert 'complexer = "abc\\u202edef\\u2066x\\u2069"' in written
    assert loads_session(written, f"{FILE_ID}.toml").notes["complexer"] == "abc\u202edef\u2066x\u2069"


def test_the_year_1_is_written_with_four_digits():
    text = BASE.replace("created = 2026-11-28T09:30:00Z", "created = 0001-01-02T00:00:00.5+00:00")
    written = dumps_session(loads_session(text, f"{FILE_ID}.toml"))
    assert "\ncreated = 0001-01-02T00:00:00.500Z\n" in written


# -- the scanner ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'a = "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["',
        "a = '{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{'",
        'a = """\n' + "[" * 40 + '\n"""',
        "a = '''\n" + "{" * 40 + "\n'''",
        'a = """x""""\nb = 1 # ' + "[" * 40,
        "# " + "[" * 40,
        'a = "\\"' + "[" * 40 + '"',
        'a = """\\"""' + "[" * 40 + '"""',
    ],
)
def test_brackets_in_strings_and_comments_do_not_count(text):
    assert scan_text(text) is None
    tomllib.loads(text)


def test_the_scanner_and_the_parsed_check_agree_on_the_limit():
    at_limit = "a = " + "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert scan_text(at_limit) is None
    over = "a = " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    assert scan_text(over) == (1, f"er zitten meer dan {MAX_DEPTH} lijsten of tabellen in elkaar")


def test_the_scanner_is_quick_on_a_large_session():
    big = BASE.replace('herkenbaar = "Ja, elke week."', 'herkenbaar = "' + "[{x} " * 300_000 + '"')
    started = time.perf_counter()
    assert scan_text(big) is None
    assert time.perf_counter() - started < 1.0


# -- in a real process ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["lijsten-5000-diep", "updated-9999-utc", "timer-10-tot-de-400"])
def test_in_a_real_process_under_amsterdam_time(tmp_path, name):
    folder = tmp_path / "sessions"
    folder.mkdir()
    content = {n: c for n, c, _ in BAD}[name]
    expected = {n: e for n, _, e in BAD}[name]
    path = folder / f"{FILE_ID}.toml"
    _write(path, content)
    _write(folder / f"{GOOD_ID}.toml", _good_session())
    env = {"PATROON_SESSIONS_DIR": str(folder), "TZ": "Europe/Amsterdam", "PATH": "/usr/bin:/bin"}
    for args in (["check", FILE_ID], ["export", FILE_ID], ["list"]):
        done = subprocess.run(
            [sys.executable, "-m", "patroon_tui", *args],
            capture_output=True, text=True, env=env, timeout=60,
        )
        assert "Traceback" not in done.stderr
        if args[0] == "list":
            assert done.returncode == 0 and GOOD_TITLE in done.stdout
            assert expected in done.stdout
        else:
            assert done.returncode == 1
            assert_refusal(done.stderr, path, expected)


# -- the scanner against what a TOML writer produces ------------------------------------------------

_TEXT = st.text(alphabet=st.sampled_from(list("ab[]{}\"'#\\\n\t =.,é😀")), max_size=12)
_VALUES = st.recursive(
    st.one_of(_TEXT, st.integers(-(2**63), 2**63 - 1), st.booleans()),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(_TEXT, inner, max_size=3)
    ),
    max_leaves=40,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_TEXT, _VALUES, max_size=4))
def test_the_scanner_only_refuses_what_is_really_too_deep(data):
    """For any document a TOML writer produces, the scanner's verdict before parsing never
    contradicts the check on the parsed data: brackets inside strings do not count."""
    text = tomli_w.dumps(data)
    parsed = tomllib.loads(text)
    if scan_text(text) is not None:
        assert data_problem(parsed) is not None


# The scanner's string patterns as first written, one alternation per character: the
# faster ones in ``toml_scan`` must take exactly the same spans out of any text.
_PLAIN_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*""""{0,2}'
    r"|'''(?:[^']|'(?!''))*''''{0,2}"
    r'|"(?:[^"\\\n]|\\.)*"?'
    r"|'[^'\n]*'?"
    r"|#[^\n]*"
    r"|(?P<open>[\[{])"
    r"|(?P<close>[\]}])"
    r"|(?P<digits>(?<![0-9_])[0-9_]{1001,})",
    re.DOTALL,
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab[]{}\"\'#\\\n =1_")), max_size=60))
def test_the_scanner_finds_the_same_spans_as_the_plain_patterns(text):
    from patroon_tui.core.files import toml_scan

    def spans(pattern):
        return [(m.span(), m.lastgroup) for m in pattern.finditer(text)]

    assert spans(toml_scan._TOKENS) == spans(_PLAIN_TOKENS)


def test_a_deck_option_pointing_at_another_file_never_quotes_it(tmp_path, capsys):
    secret = tmp_path / "shadow"
    secret.write_text("root:$6$geheim$abc:19000:0:99999:7:::\n", encoding="utf-8")
    assert main(["export", "x", "--deck", str(secret)]) == 1
    err = capsys.readouterr().err
    assert str(secret) in err and "regel 1" in err
    assert "geheim" not in err and "root:" not in err
    broken_deck = tmp_path / "deck.toml"
    broken_deck.write_text('format = "patroon-deck"\nid = = 1\n', encoding="utf-8")
    assert main(["export", "x", "--deck", str(broken_deck)]) == 1
    assert "Regel 2 is: id = = 1" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a = " + "[" * 5000 + "]" * 5000 + "\n", "lijsten of tabellen"),
        ("a = " + "9" * 5000 + "\n", "cijfers"),
        ("\ufeffa = 1\n", "BOM"),
    ],
)
def test_a_deck_file_the_parser_cannot_take_is_one_sentence(tmp_path, capsys, text, expected):
    deck = tmp_path / "deck.toml"
    deck.write_text(text, encoding="utf-8")
    assert main(["export", "x", "--deck", str(deck)]) == 1
    err = capsys.readouterr().err
    assert f"Deckbestand {deck}" in err and "regel 1" in err and expected in err
