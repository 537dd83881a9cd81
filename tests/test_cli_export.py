"""`patroon export` in its three formats: the format from -o's suffix or --format, Word
refused on a terminal, personal data named on stderr and replaced with --redact in every
format, notes left out with --no-notes."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import docx
import pytest
from markdown_it import MarkdownIt

from patroon_tui.cli import main
from patroon_tui.core.sessionfile.store import SessionStore
from tests.platforms import SYSTEMS

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOOD = "2026-11-28-wijkteam-noord"
BSN = "123456782"
PHONE = "06-12345678"


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.delenv("PATROON_SESSIONS_DIR", raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def folder(tmp_path) -> Path:
    folder = tmp_path / "sessies"
    folder.mkdir()
    shutil.copyfile(FIXTURES / f"{GOOD}.toml", folder / f"{GOOD}.toml")
    return folder


def with_personal_data(folder: Path) -> None:
    store = SessionStore(folder)
    session = store.load(GOOD)
    session.tables[0].answers["herkenbaar"] = f"Mevrouw met BSN {BSN} belde."
    session.notes["programma"] = f"Terugbellen op {PHONE}."
    store.save(session, store.path_for(GOOD))


def export(folder: Path, *args: str) -> int:
    return main(["export", GOOD, "--sessions-dir", str(folder), *args])


def text_of(path: Path) -> str:
    """The report's text as its reader sees it: Word's paragraphs and table cells, the
    text Markdown renders, the page's source."""
    if path.suffix == ".docx":
        word = docx.Document(str(path))
        cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in word.paragraphs] + cells)
    if path.suffix == ".md":
        tokens = MarkdownIt("commonmark").enable("table").parse(path.read_text("utf-8"))
        return "\n".join(
            t.content.strip() for t in tokens if t.type in ("inline", "fence", "code_block")
        )
    return path.read_text("utf-8")


@pytest.mark.parametrize(
    ("name", "args", "starts"),
    [
        ("verslag.md", [], b"# Wijkteam Noord\n"),
        ("verslag.markdown", [], b"# Wijkteam Noord\n"),
        ("verslag.html", [], b"<!DOCTYPE html>\n<html lang=\"nl\">"),
        ("verslag.HTM", [], b"<!DOCTYPE html>"),
        ("verslag.docx", [], b"PK"),
        ("verslag.txt", ["--format", "html"], b"<!DOCTYPE html>"),
        ("verslag.html", ["--format", "md"], b"# Wijkteam Noord\n"),
    ],
)
def test_the_format_follows_the_suffix_unless_format_is_given(folder, tmp_path, name, args, starts):
    target = tmp_path / name
    assert export(folder, "-o", str(target), *args) == 0
    assert target.read_bytes().startswith(starts)
    assert "Wijkteam Noord" in text_of(target) or name.endswith(".txt")


@pytest.mark.parametrize("system", SYSTEMS, indirect=True)
def test_a_word_report_opens_in_word_with_every_answer(folder, tmp_path, system):
    target = tmp_path / "verslag.docx"
    assert export(folder, "-o", str(target)) == 0
    seen = text_of(target)
    assert "Maandelijks samen aan tafel; C:\\wijk\\noord blijft de map." in seen
    assert "Ja: het wijkoverleg 🏠 van dinsdag — daar gaat het elke keer mis. 🙈" in seen


@pytest.mark.parametrize("name", ["verslag.odt", "verslag", "verslag.md.bak"])
def test_an_unknown_suffix_is_a_usage_error_and_writes_nothing(folder, tmp_path, name, capsys):
    target = tmp_path / name
    assert export(folder, "-o", str(target)) == 2
    err = capsys.readouterr().err
    assert name in err and ".docx" in err and "--format" in err
    assert "Traceback" not in err
    assert not target.exists()


def test_an_unknown_format_is_a_usage_error(folder, capsys):
    assert export(folder, "--format", "odt") == 2
    assert "'odt' is geen keuze voor --format" in capsys.readouterr().err


def test_word_is_refused_on_a_terminal_and_written_to_a_pipe(folder, monkeypatch, capsysbinary):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert export(folder, "--format", "docx") == 2
    captured = capsysbinary.readouterr()
    assert captured.out == b""
    assert "Word-verslag kan niet op het scherm".encode() in captured.err
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    assert export(folder, "--format", "docx") == 0
    data = capsysbinary.readouterr().out
    assert data.startswith(b"PK")
    assert docx.Document(io.BytesIO(data)).core_properties.language == "nl-NL"


def test_html_and_markdown_go_to_the_screen(folder, capsys):
    assert export(folder) == 0
    assert capsys.readouterr().out.startswith("# Wijkteam Noord")
    assert export(folder, "--format", "html") == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("suffix", [".md", ".html", ".docx"])
def test_personal_data_is_named_and_still_written_unless_redacted(folder, tmp_path, suffix, capsys):
    with_personal_data(folder)
    target = tmp_path / f"verslag{suffix}"
    assert export(folder, "-o", str(target)) == 0
    err = capsys.readouterr().err
    assert f"BSN ‘{BSN}’ in Tafel 1, vraag ‘Vind je het patroon herkenbaar?" in err
    assert f"telefoonnummer ‘{PHONE}’ in de notitie bij ‘Programma’" in err
    assert "--redact" in err
    assert BSN in text_of(target) and PHONE in text_of(target)

    redacted = tmp_path / f"geschoond{suffix}"
    assert export(folder, "-o", str(redacted), "--redact") == 0
    err = capsys.readouterr().err
    assert "vervangen door een markering" in err
    seen = text_of(redacted)
    assert BSN not in seen and PHONE not in seen
    assert "Mevrouw met BSN [BSN verwijderd] belde." in seen
    assert "Terugbellen op [telefoonnummer verwijderd]." in seen
    # Nothing else changed: the rest of the report is the same as without --redact.
    assert seen.replace("[BSN verwijderd]", BSN).replace(
        "[telefoonnummer verwijderd]", PHONE
    ) == text_of(target)


def test_the_session_file_is_not_changed_by_a_redacted_export(folder, tmp_path):
    with_personal_data(folder)
    before = (folder / f"{GOOD}.toml").read_bytes()
    assert export(folder, "-o", str(tmp_path / "v.html"), "--redact") == 0
    assert (folder / f"{GOOD}.toml").read_bytes() == before


def test_a_session_without_personal_data_says_nothing_about_it(folder, tmp_path, capsys):
    assert export(folder, "-o", str(tmp_path / "v.md")) == 0
    assert "persoonsgegeven" not in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".md", ".html", ".docx"])
def test_notes_are_left_out_with_no_notes(folder, tmp_path, suffix):
    target = tmp_path / f"verslag{suffix}"
    assert export(folder, "-o", str(target), "--no-notes") == 0
    seen = text_of(target)
    assert "Wethouder noemt de woningnood" not in seen
    assert "Notities per scherm" not in seen
    assert "Ja, elke week bij het casusoverleg." in seen


def test_the_agreements_as_a_spreadsheet(folder, tmp_path):
    target = tmp_path / "acties.csv"
    assert export(folder, "-o", str(target)) == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfsoort;nummer;tekst;eigenaar;tafel;patroon\r\n")
    session = SessionStore(folder).load(GOOD)
    text = data.decode("utf-8-sig")
    for step in session.first_steps:
        assert step.text.splitlines()[0] in text
    for principle in session.principles:
        assert principle.text.splitlines()[0] in text
    assert export(folder, "--format", "csv") == 0


def test_a_pdf_is_written_without_a_browser_and_refused_on_a_terminal(
    folder, tmp_path, monkeypatch, capsysbinary
):
    from pypdf import PdfReader

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert export(folder, "--format", "pdf") == 2
    captured = capsysbinary.readouterr()
    assert captured.out == b"" and "Een PDF kan niet op het scherm".encode() in captured.err
    target = tmp_path / "verslag.pdf"
    assert export(folder, "-o", str(target)) == 0
    reader = PdfReader(str(target))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Wijkteam Noord" in text and "pagina 1" in text
    assert target.stat().st_mode & 0o777 == 0o600


def test_the_one_page_summary_as_a_pdf_from_the_command_line(folder, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "kort.pdf"
    assert export(folder, "-o", str(target), "--kort") == 0
    reader = PdfReader(str(target))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Herkende patronen" in text and "Eerste stappen" in text
