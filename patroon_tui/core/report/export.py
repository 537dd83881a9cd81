"""Exporting the report: the formats, the bytes, and the one way a report reaches a file.

``patroon export`` and the summary's export go the same way: :func:`target_problem` (a
report never goes over a session), :func:`export_report` (the report document built once,
after redacting when asked, so every format hides the same, written as Markdown, HTML,
Word or PDF, or the agreements alone as a spreadsheet; the Word and PDF writers are
imported only when asked for), :func:`save_report` (written whole, 0600, or :class:`ExportError`
with one Dutch sentence naming the file).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from patroon_tui.core.files.user_files import report_target_problem, write_bytes_atomic
from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.session import Session
from patroon_tui.core.report.document import build_report
from patroon_tui.core.report.markdown import render_markdown
from patroon_tui.core.report.privacy import redacted
from patroon_tui.core.report.since_last import with_since_last
from patroon_tui.core.text.wording import os_reason

__all__ = [
    "FORMATS", "REPORT_MODE", "SUFFIXES", "ExportError", "ExportRequest", "export_error",
    "export_report", "format_for", "save_report", "suffix_for", "target_problem",
]

REPORT_MODE = 0o600
"""A report file's mode, like a session's: it holds every note of the workshop."""


class ExportError(Exception):
    """A report that could not be written; ``str(exc)`` is a Dutch sentence naming the file."""

#: The formats, with what they are called for the facilitator.
FORMATS = {"md": "Markdown", "html": "HTML (webpagina)", "docx": "Word (docx)",
           "pdf": "PDF", "csv": "Afspraken (csv)"}

#: File name endings and the format each one means.
SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".docx": "docx",
            ".pdf": "pdf", ".csv": "csv"}


def format_for(path: Path) -> str | None:
    """The format ``path``'s suffix asks for; ``None`` for any other suffix."""
    return SUFFIXES.get(path.suffix.lower())


def suffix_for(fmt: str) -> str:
    """The usual file name ending of a format."""
    return {"md": ".md", "html": ".html", "docx": ".docx", "pdf": ".pdf", "csv": ".csv"}[fmt]


def export_report(
    session: Session,
    deck: Deck,
    fmt: str,
    *,
    notes: bool = True,
    redact: bool = False,
    width: int = 100,
    ascii: bool = False,
    short: bool = False,
    time: bool = True,
) -> bytes:
    """The report in ``fmt`` (a key of :data:`FORMATS`) as the bytes of its file.

    ``notes=False`` leaves the facilitator's notes out; ``redact`` replaces each piece of
    personal data (:mod:`patroon_tui.core.report.privacy`) with a marker; ``width`` and ``ascii``
    are how Markdown draws the loops; ``short`` makes the one-page summary for directors
    (:mod:`patroon_tui.core.report.short`) instead of the full report, ``time=False`` leaves
    the time per part out of the full report.
    """
    if redact:
        session = redacted(session, deck)
    if fmt == "csv":
        from patroon_tui.core.report.agreements_csv import render_csv

        return render_csv(session, deck)
    if short:
        from patroon_tui.core.report.short import build_short_report

        doc = build_short_report(session, deck)
    else:
        doc = build_report(session, deck, notes=notes, time=time)
    doc = with_since_last(doc, session)  # a follow-up's report opens with it
    if fmt == "md":
        return render_markdown(doc, width=width, ascii=ascii).encode("utf-8")
    if fmt == "html":
        from patroon_tui.core.report.html_page import render_html

        return render_html(doc).encode("utf-8")
    if fmt == "docx":
        from patroon_tui.core.report.word import render_docx

        return render_docx(doc)
    if fmt == "pdf":
        from patroon_tui.core.report.pdf import render_pdf

        return render_pdf(doc)
    raise ValueError(f"unknown report format {fmt!r}")


@dataclass(frozen=True)
class ExportRequest:
    """What the facilitator chose in the export dialog."""

    path: Path
    fmt: str
    notes: bool = True
    redact: bool = False
    short: bool = False


def target_problem(target: Path, sessions_folders: Iterable[Path]) -> str | None:
    """Why a report must not be written to ``target`` (it would replace a session in one of
    ``sessions_folders``, or a session file anywhere), or ``None``. May read a big file
    whole: ask it off the interface's thread."""
    for folder in dict.fromkeys(sessions_folders):
        problem = report_target_problem(target, folder)
        if problem is not None:
            return problem
    return None


def save_report(target: Path, data: bytes, *, replace: bool) -> None:
    """Write the report's bytes to ``target``, whole or not at all (a device such as
    ``/dev/stdout`` is written to). Without ``replace`` an existing file is kept:
    ``FileExistsError``. Any other failure: :class:`ExportError`."""
    try:
        write_bytes_atomic(target, data, mode=REPORT_MODE, replace=replace)
    except FileExistsError:
        raise
    except OSError as exc:
        raise ExportError(export_error(target, exc)) from None


def export_error(target: Path, exc: OSError) -> str:
    """A plain Dutch sentence for why the report could not be written to ``target``."""
    # Name the file asked for, not the temporary one beside it.
    said = f"Het verslag kan niet worden geschreven naar {target}"
    folder = target.parent
    if isinstance(exc, FileNotFoundError) or not folder.is_dir():
        return f"{said}: de map {folder} bestaat niet; kies een andere plek."
    if isinstance(exc, PermissionError):
        return f"{said}: er mag niet geschreven worden in {folder}; kies een andere plek."
    return f"{said}: {os_reason(exc)}."
