"""The `patroon` command line: start the app, or list, export and check saved sessions.

``main(argv)`` parses the commands of the design (``new``, ``open``, ``vervolg``, ``list``,
``export``, ``present``, ``merge``, ``check``, ``patronen``; none = the start screen) and returns the exit status: 0 done, 1 a session, deck
or file that cannot be used, 2 wrong usage, 130 interrupted. Errors are one or two plain
Dutch sentences on stderr, never a traceback; the help and argparse's own usage errors
are Dutch too (:class:`DutchArgumentParser`). ``list``, ``export`` and ``check`` never
import Textual, so they answer at once; the app is imported only by ``launch_app``.
Whatever reaches the terminal from a session file or a file name (titles, ids, errors) is
shown with its control characters escaped (``\\x1b``), so a shared file cannot retitle the
window or clear the screen.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from patroon_tui import garbage_collector as collector
from patroon_tui.cli import network, parser as parser_module
from patroon_tui.cli.parser import EXIT_USAGE
from patroon_tui.core import platform
from patroon_tui.core.text.terminal_safe import printable
from patroon_tui.core.text.wording import failed_sentence

if TYPE_CHECKING:
    from patroon_tui.core.model.deck import Deck
    from patroon_tui.core.model.session import Session
    from patroon_tui.core.sessionfile.store import SessionStore

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """Wrong use of the command line that argparse cannot see (e.g. an unknown screen)."""


class CommandError(Exception):
    """A command that cannot be done; the message is the sentence for the user (exit 1)."""


# -- the app seam ----------------------------------------------------------------------


def launch_app(
    *,
    store: SessionStore,
    deck: Deck,
    session_path: Path | None,
    screen: str | None,
    new_options: dict | None,
    deck_path: Path | None,
    session: Session | None = None, theme: str | None = None,
) -> int:
    """Start the interactive app; returns the exit status. The one seam between CLI and app.

    Called for ``patroon`` (``session_path`` and ``new_options`` both ``None``: the start
    screen), ``patroon new`` (``new_options`` holds ``title`` (``None`` when not given),
    ``werkvorm``, ``date`` (a ``datetime.date`` or ``None``), ``facilitator`` and
    ``location``) and ``patroon open`` (``session_path`` is the resolved, existing session
    file; ``screen`` is ``None`` or an id already checked against ``deck``; ``session`` the
    session ``store`` read from that file, so the app does not read it again). ``store`` is the
    sessions folder from ``--sessions-dir`` / ``PATROON_SESSIONS_DIR``; ``deck`` the programme,
    loaded from ``deck_path`` (``--deck``) or the default one; ``theme`` from ``--thema``.

    Errors the user can cause may be raised as ``StoreError``, ``DeckError`` or ``OSError``:
    ``main`` turns them into a sentence and exit status 1. Import Textual only inside this
    function, so the other commands stay fast.

    """
    # Paused from before Textual is imported until the app's first screen is drawn (see
    # ``patroon_tui.garbage_collector``); back on in any case once the app is gone.
    collector.pause()
    try:
        from patroon_tui.app import run_app

        return run_app(
            store=store, deck=deck, session_path=session_path, screen=screen,
            new_options=new_options, session=session, theme=theme,
        )
    finally:
        collector.resume()


# -- commands --------------------------------------------------------------------------


def _say(message: str) -> None:
    print(printable(message, keep="\n"), file=sys.stderr)


def _store(args: argparse.Namespace) -> SessionStore:
    from patroon_tui.core.sessionfile.store import SessionStore

    return SessionStore.from_option(getattr(args, "sessions_dir", None))


def _deck(args: argparse.Namespace) -> Deck:
    from patroon_tui.core.model.deck import load_deck

    return load_deck(getattr(args, "deck", None))


def _runs(deck: Deck, session: Session) -> Deck:
    """The programme ``session`` runs: a follow-up's starts with the look back."""
    from patroon_tui.core.model.follow_up import programme_for

    return programme_for(deck, session)


def _cmd_start(args: argparse.Namespace, new_options: dict | None = None) -> int:
    store = _store(args)
    # Said before the app takes the terminal, rather than when the first save fails.
    store.check_folder()
    return launch_app(
        store=store,
        deck=_deck(args),
        session_path=None,
        screen=None,
        new_options=new_options,
        deck_path=getattr(args, "deck", None), theme=getattr(args, "thema", None),
    )


def _cmd_new(args: argparse.Namespace) -> int:
    return _cmd_start(
        args,
        {
            "title": args.title,
            "werkvorm": args.werkvorm,
            "date": args.date,
            "facilitator": args.facilitator,
            "location": args.location,
        },
    )


def _cmd_open(args: argparse.Namespace) -> int:
    deck = _deck(args)
    store = _store(args)
    path = store.resolve(args.session)
    # Refuse a bad file here, with a sentence, before a full-screen app takes the terminal;
    # the app is given what was read (reading a large session again doubled the wait).
    session = store.load(path)
    if args.screen is not None:
        ids = [s.id for s in _runs(deck, session).screens]
        if args.screen not in ids:
            raise UsageError(
                f"Scherm '{args.screen}' bestaat niet in het programma. "
                f"Kies een van: {', '.join(ids)}."
            )
    return launch_app(
        store=store,
        deck=deck,
        session_path=path,
        screen=args.screen,
        new_options=None,
        deck_path=getattr(args, "deck", None),
        session=session, theme=args.thema,
    )


def _cmd_vervolg(args: argparse.Namespace) -> int:
    from patroon_tui.cli.follow_up import follow_up

    return follow_up(args, _store(args), _deck(args), launch_app)


def _cmd_present(args: argparse.Namespace) -> int:
    deck = _deck(args)
    store = _store(args)
    path = store.resolve(args.session)
    # Read once, never locked nor written: the facilitator's window owns the file.
    session = store.load(path)
    collector.pause()
    try:
        from patroon_tui.app import run_audience

        return run_audience(deck=_runs(deck, session), session_path=path, session_id=session.session.id,
                            first_screen=session.progress.screen, theme=args.thema)
    finally:
        collector.resume()


def _cmd_merge(args: argparse.Namespace) -> int:
    from patroon_tui.core.merge import MergeError, merge_files

    if len(args.copies) < 2:
        raise UsageError("Geef minstens twee kopieën om samen te voegen.")
    store = _store(args)
    paths = [store.resolve(name) for name in args.copies]
    target = None if args.output is None else Path(args.output)
    try:
        written, merged = merge_files(store, paths, target)
    except MergeError as exc:
        raise CommandError(str(exc)) from None
    conflicts = len(merged.conflicts or {})
    tables = len(merged.tables)
    _say(
        f"{len(paths)} kopieën samengevoegd in {written}: {tables} "
        f"{'tafel' if tables == 1 else 'tafels'}, {conflicts} "
        f"{'tegenstrijdig veld' if conflicts == 1 else 'tegenstrijdige velden'}"
        + (" (patroon check noemt ze)." if conflicts else ".")
    )
    print(printable(merged.session.id))
    return EXIT_OK


def _cmd_list(args: argparse.Namespace) -> int:
    from patroon_tui.cli.listing import list_sessions

    return list_sessions(_store(args))


def _format_of(target: Path | None) -> str:
    """The report format a file name asks for (Markdown on the screen)."""
    from patroon_tui.core.report.export import format_for

    if target is None:
        return "md"
    fmt = format_for(target)
    if fmt is None and target.exists() and not target.is_file():
        # A device or a pipe (/dev/stdout) gets what the screen gets; a folder is refused
        # when it is written to, naming it.
        return "md"
    if fmt is None:
        raise UsageError(
            f"Aan de naam {target} is niet te zien wat voor verslag het moet worden. "
            "Kies een naam op .md, .html, .docx, .pdf of .csv, of geef --format md, html, docx, "
            "pdf of csv."
        )
    return fmt


def _cmd_export(args: argparse.Namespace) -> int:
    from patroon_tui.core.report.export import (
        ExportError,
        export_report,
        save_report,
        target_problem,
    )
    from patroon_tui.core.report.privacy import find_personal_data
    from patroon_tui.core.sessionfile.validation import review

    store = _store(args)
    target = None if args.output is None else Path(args.output)
    if target is not None:
        problem = target_problem(target, [store.folder])
        if problem is not None:
            raise CommandError(problem)
    fmt = args.format or _format_of(target)
    if target is None and fmt in ("docx", "pdf") and sys.stdout.isatty():
        kind = "Word-verslag" if fmt == "docx" else "PDF"
        raise UsageError(
            f"Een {kind} kan niet op het scherm. Geef -o BESTAND.{fmt}, of stuur het "
            f"naar een bestand: patroon export ID --format {fmt} > verslag.{fmt}."
        )
    deck = _deck(args)
    path = store.resolve(args.session)
    session = store.load(path)
    deck = _runs(deck, session)
    for notice in review(session, path, deck=deck):
        _say(f"Let op: {notice}")
    if session.session.deck != deck.id:
        _say(
            f"Let op: de sessie hoort bij programma '{session.session.deck}', "
            f"het verslag gebruikt '{deck.id}'."
        )
    findings = find_personal_data(session, deck)
    for finding in findings:
        _say(f"Let op, mogelijk een persoonsgegeven: {printable(finding.describe())}.")
    if findings:
        _say(
            "Ze zijn in het verslag vervangen door een markering."
            if args.redact
            else "Ze staan zo in het verslag; geef --redact om ze te vervangen door een markering."
        )
    data = export_report(
        session, deck, fmt, notes=not args.no_notes, redact=args.redact, width=args.width,
        ascii=args.ascii, short=args.short, time=not args.no_time,
    )
    if target is None:
        if sys.stdout.isatty():
            # Notes from a shared file may hold terminal escapes; piped or redirected, the
            # report stays exactly what was typed.
            data = printable(data.decode("utf-8"), keep="\n\t").encode("utf-8")
        # Bytes, not text: the report is UTF-8 whatever encoding the terminal reports.
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return EXIT_OK
    try:
        save_report(target, data, replace=args.force)
    except FileExistsError:
        raise CommandError(
            f"{target} bestaat al; het verslag is niet geschreven. Kies een andere naam, "
            "of geef --overschrijven om het bestand te vervangen."
        ) from None
    except ExportError as exc:
        raise CommandError(str(exc)) from None
    _say(f"Verslag geschreven naar {target}.")
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from patroon_tui.core.model.deck import DEFAULT_DECK_ID
    from patroon_tui.core.sessionfile.validation import review

    store = _store(args)
    path = store.resolve(args.session)
    session = store.load(path)
    answers = sum(1 for t in session.tables for a in t.answers.values() if a.strip())
    tables = len(session.tables)
    # The screens and patterns are checked against the programme the app would open the
    # session with by default; a session of another programme says so instead.
    own_deck = session.session.deck == DEFAULT_DECK_ID
    notices = review(session, path, deck=_runs(_deck(args), session) if own_deck else None)
    print(
        printable(
            f"OK: {path} is een geldige sessie ('{session.session.title}', "
            f"{tables} {'tafel' if tables == 1 else 'tafels'}, "
            f"{answers} {'antwoord' if answers == 1 else 'antwoorden'})."
        )
    )
    if not own_deck:
        notices.append(
            f"De sessie hoort bij programma '{session.session.deck}'; het scherm en de "
            "patronen zijn niet tegen een programma gecontroleerd."
        )
    # What opening the session will set right (and then save), so it is no surprise.
    for notice in notices:
        print(printable(f"Let op: {notice}"))
    return EXIT_OK


#: The commands that start the app, which turns the collector on once its first screen stands.
_APP_COMMANDS = (_cmd_start, _cmd_new, _cmd_open, _cmd_present, _cmd_vervolg)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``patroon``, in Dutch."""
    return parser_module.build_parser({
        "start": _cmd_start, "new": _cmd_new, "open": _cmd_open, "list": _cmd_list,
        "export": _cmd_export, "check": _cmd_check, "present": _cmd_present,
        "merge": _cmd_merge, "vervolg": _cmd_vervolg, "patronen": network.run_patterns,
    })


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (``__main__`` passes it to ``sys.exit``)."""
    # Paused while the models are imported and a session is read (see ``patroon_tui.garbage_collector``):
    # nearly everything they build stays. The app resumes it after its first frame; the
    # other commands run with it as it was.
    was_on = gc.isenabled()
    collector.pause()
    from patroon_tui.core.model.deck import DeckError
    from patroon_tui.core.sessionfile.store import StoreError

    parser = build_parser()
    restore_terminal = None
    try:
        args = parser.parse_args(argv)
        if args.run not in _APP_COMMANDS and was_on:
            gc.enable()
        if args.run in _APP_COMMANDS:
            # A ctrl+q typed while the app starts would be the terminal's, not the app's.
            restore_terminal = platform.current().pass_flow_keys()
        return args.run(args)
    except SystemExit as exc:  # argparse: --help (0) or wrong usage (2, usage printed)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except UsageError as exc:
        _say(str(exc))
        return EXIT_USAGE
    except (StoreError, DeckError, CommandError) as exc:
        _say(str(exc))
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader of our output went away (`patroon export x | head`): nothing to say.
        # Point stdout at /dev/null so the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_ERROR
    except OSError as exc:
        _say(failed_sentence(exc))
        return EXIT_ERROR
    finally:
        if restore_terminal is not None:
            restore_terminal()
        if was_on:
            gc.enable()
