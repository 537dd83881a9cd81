"""`patroon export --redact` on the privacy corpus: every piece of personal data in it,
typed anywhere in a session (the title, answers, notes, principles, first steps and their
owners), is in no format's bytes after redaction: not in the Markdown, not in the page, not
in any part of the Word file (its text, its XML, its properties), not in the PDF's text or
properties, not in the spreadsheet."""

from __future__ import annotations

import html
import shutil
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from patroon_tui.core.model.session import FirstStep, Principle
from patroon_tui.core.sessionfile.store import SessionStore
from tests.core.privacy_corpus import WITH_PERSONAL_DATA
from tests.test_cli_export import FIXTURES, GOOD, export

PIECES = [piece for _, expected in WITH_PERSONAL_DATA for _, piece in expected]


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.delenv("PATROON_SESSIONS_DIR", raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def folder(tmp_path) -> Path:
    folder = tmp_path / "sessies"
    folder.mkdir()
    shutil.copyfile(FIXTURES / f"{GOOD}.toml", folder / f"{GOOD}.toml")
    store = SessionStore(folder)
    session = store.load(GOOD)
    texts = [text for text, _ in WITH_PERSONAL_DATA]
    session.session.title = f"Wijkteam Noord, contact {texts[0]}"
    session.session.facilitator = texts[1]
    table = session.tables[0]
    for n, text in enumerate(texts[2:20]):
        table.answers[f"vraag-{n}"] = text
    session.tables[1].answers["herkenbaar"] = "\n".join(texts[20:30])
    session.notes["programma"] = "\n\n".join(texts[30:40])
    session.principles.append(Principle(text=" ".join(texts[40:46])))
    for text in texts[46:]:
        session.first_steps.append(FirstStep(text=f"Nabellen: {text}", owner=text))
    store.save(session, store.path_for(GOOD))
    return folder


def readable(path: Path) -> str:
    """Everything a reader or a program can get out of the file, XML and entities resolved
    (the Word file's every part: body, properties, relations)."""
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as word:
            return "\n".join(html.unescape(word.read(name).decode("utf-8", "replace"))
                             for name in word.namelist())
    if path.suffix == ".pdf":
        reader = PdfReader(str(path))
        # The text a reader copies out (its lines joined again) and the properties.
        text = "\n".join(page.extract_text() for page in reader.pages)
        return "\n".join([text, " ".join(text.split()), str(reader.metadata)])
    return html.unescape(path.read_text("utf-8-sig"))


def test_the_session_holds_every_piece_of_the_corpus(folder, tmp_path):
    # Without --redact the report holds the pieces: the check below is not empty.
    target = tmp_path / "verslag.md"
    assert export(folder, "-o", str(target)) == 0
    seen = readable(target)
    assert [piece for piece in PIECES if piece not in seen] == []


@pytest.mark.parametrize("suffix", [".md", ".html", ".docx", ".pdf", ".csv"])
def test_no_piece_survives_redaction_in_any_format(folder, tmp_path, suffix, capsys):
    target = tmp_path / f"geschoond{suffix}"
    assert export(folder, "-o", str(target), "--redact") == 0
    seen = readable(target)
    assert [piece for piece in PIECES if piece in seen] == []
    assert "[BSN verwijderd]" in seen and "[IBAN verwijderd]" in seen
    err = capsys.readouterr().err
    assert "vervangen door een markering" in err
