"""Exporting the report: the formats, the format a file name asks for, and the bytes.

:func:`export_report` is what ``patroon export`` and the app's export dialog both call: it
builds the report document once (after redacting, when asked, so every format hides the
same) and writes it as Markdown, HTML or Word. The Word writer is imported only here, when
a .docx is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from patroon_tui.core.deck import Deck
from patroon_tui.core.privacy import redacted
from patroon_tui.core.report import render_markdown
from patroon_tui.core.report_doc import build_report
from patroon_tui.core.session import Session

__all__ = ["FORMATS", "SUFFIXES", "ExportRequest", "export_report", "format_for", "suffix_for"]

#: The formats, with what they are called for the facilitator.
FORMATS = {"md": "Markdown", "html": "HTML (webpagina)", "docx": "Word (docx)"}

#: File name endings and the format each one means.
SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".docx": "docx"}


def format_for(path: Path) -> str | None:
    """The format ``path``'s suffix asks for; ``None`` for any other suffix."""
    return SUFFIXES.get(path.suffix.lower())


def suffix_for(fmt: str) -> str:
    """The usual file name ending of a format."""
    return {"md": ".md", "html": ".html", "docx": ".docx"}[fmt]


def export_report(
    session: Session,
    deck: Deck,
    fmt: str,
    *,
    notes: bool = True,
    redact: bool = False,
    width: int = 100,
    ascii: bool = False,
) -> bytes:
    """The report in ``fmt`` (a key of :data:`FORMATS`) as the bytes of its file.

    ``notes=False`` leaves the facilitator's notes out; ``redact`` replaces each piece of
    personal data (:mod:`patroon_tui.core.privacy`) with a marker; ``width`` and ``ascii``
    are how Markdown draws the loops.
    """
    if redact:
        session = redacted(session, deck)
    doc = build_report(session, deck, notes=notes)
    if fmt == "md":
        return render_markdown(doc, width=width, ascii=ascii).encode("utf-8")
    if fmt == "html":
        from patroon_tui.core.report_html import render_html

        return render_html(doc).encode("utf-8")
    if fmt == "docx":
        from patroon_tui.core.report_docx import render_docx

        return render_docx(doc)
    raise ValueError(f"unknown report format {fmt!r}")


@dataclass(frozen=True)
class ExportRequest:
    """What the facilitator chose in the export dialog."""

    path: Path
    fmt: str
    notes: bool = True
    redact: bool = False
