"""The `patroon` command line: start the app, or list, export and check saved sessions.

``main(argv)`` parses the commands of the design (``new``, ``open``, ``list``, ``export``,
``check``; none = the start screen) and returns the exit status: 0 done, 1 a session, deck
or file that cannot be used, 2 wrong usage, 130 interrupted. Errors are one or two plain
Dutch sentences on stderr, never a traceback. ``list``, ``export`` and ``check`` never
import Textual, so they answer at once; the app is imported only by ``launch_app``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from patroon_tui.core.deck import Deck
    from patroon_tui.core.store import SessionStore

PROG = "patroon"

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
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
) -> int:
    """Start the interactive app; returns the exit status. The one seam between CLI and app.

    Called for ``patroon`` (``session_path`` and ``new_options`` both ``None``: the start
    screen), ``patroon new`` (``new_options`` holds ``title`` (``None`` when not given),
    ``werkvorm``, ``date`` (a ``datetime.date`` or ``None``), ``facilitator`` and
    ``location``) and ``patroon open`` (``session_path`` is the resolved, existing session
    file; ``screen`` is ``None`` or an id already checked against ``deck``). ``store`` is the
    sessions folder from ``--sessions-dir`` / ``PATROON_SESSIONS_DIR``; ``deck`` the programme,
    loaded from ``deck_path`` (``--deck``) or the default one.

    Errors the user can cause may be raised as ``StoreError``, ``DeckError`` or ``OSError``:
    ``main`` turns them into a sentence and exit status 1. Import Textual only inside this
    function, so the other commands stay fast.

    """
    from patroon_tui.app import run_app

    return run_app(
        store=store, deck=deck, session_path=session_path, screen=screen,
        new_options=new_options,
    )


# -- commands --------------------------------------------------------------------------


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _store(args: argparse.Namespace) -> SessionStore:
    from patroon_tui.core.store import SessionStore

    return SessionStore.from_option(getattr(args, "sessions_dir", None))


def _deck(args: argparse.Namespace) -> Deck:
    from patroon_tui.core.deck import load_deck

    return load_deck(getattr(args, "deck", None))


def _cmd_start(args: argparse.Namespace) -> int:
    deck_path = getattr(args, "deck", None)
    return launch_app(
        store=_store(args),
        deck=_deck(args),
        session_path=None,
        screen=None,
        new_options=None,
        deck_path=deck_path,
    )


def _cmd_new(args: argparse.Namespace) -> int:
    options = {
        "title": args.title,
        "werkvorm": args.werkvorm,
        "date": args.date,
        "facilitator": args.facilitator,
        "location": args.location,
    }
    store = _store(args)
    if store.folder.exists() and not store.folder.is_dir():
        # Said here, plainly: creating the folder fails with FileExistsError, which the
        # store reads as "this id was just taken" and would retry without end.
        raise CommandError(
            f"De sessiemap {store.folder} is een bestand, geen map. "
            "Kies een andere map met --sessions-dir."
        )
    return launch_app(
        store=store,
        deck=_deck(args),
        session_path=None,
        screen=None,
        new_options=options,
        deck_path=getattr(args, "deck", None),
    )


def _cmd_open(args: argparse.Namespace) -> int:
    deck = _deck(args)
    if args.screen is not None:
        ids = [s.id for s in deck.screens]
        if args.screen not in ids:
            raise UsageError(
                f"Scherm '{args.screen}' bestaat niet in het programma. "
                f"Kies een van: {', '.join(ids)}."
            )
    store = _store(args)
    path = store.resolve(args.session)
    # Refuse a bad file here, with a sentence, before a full-screen app takes the terminal.
    store.load(path)
    return launch_app(
        store=store,
        deck=deck,
        session_path=path,
        screen=args.screen,
        new_options=None,
        deck_path=getattr(args, "deck", None),
    )


def _cmd_list(args: argparse.Namespace) -> int:
    return _list_sessions(_store(args))


def _list_sessions(store: SessionStore) -> int:
    entries = store.list()
    if not entries:
        print(
            f"Er zijn nog geen sessies in {store.folder}. "
            f'Maak er een met: {PROG} new --title "Naam van de sessie"'
        )
        return EXIT_OK
    # rich comes with Textual but is light on its own; it measures emoji and wide
    # characters in titles so the columns stay straight.
    from rich.cells import cell_len

    header = ("id", "titel", "datum", "laatst gewijzigd", "tafels", "gestopt bij")
    rows: list[tuple[str, ...]] = []
    for entry in entries:
        if entry.error is not None:
            rows.append((entry.id, f"onleesbaar: {entry.error}"))
            continue
        rows.append(
            (
                entry.id,
                entry.title or "",
                entry.date.isoformat() if entry.date else "",
                _local(entry.updated) if entry.updated else "",
                "" if entry.tables is None else str(entry.tables),
                entry.screen or "",
            )
        )
    full = [row for row in rows if len(row) == len(header)]
    widths = [
        max(cell_len(row[i]) for row in [header, *full]) for i in range(len(header))
    ]

    def line(row: tuple[str, ...]) -> str:
        cells = [cell + " " * (widths[i] - cell_len(cell)) for i, cell in enumerate(row)]
        return "  ".join(cells).rstrip()

    print(line(header))
    print(line(tuple("-" * w for w in widths)))
    for row in rows:
        print(line(row))
    return EXIT_OK


def _local(moment: dt.datetime) -> str:
    local = moment.astimezone() if moment.tzinfo else moment
    return f"{local:%Y-%m-%d %H:%M}"


def _cmd_export(args: argparse.Namespace) -> int:
    from patroon_tui.core.report import render_report

    store = _store(args)
    deck = _deck(args)
    session = store.load(args.session)
    if session.session.deck != deck.id:
        _say(
            f"Let op: de sessie hoort bij programma '{session.session.deck}', "
            f"het rapport gebruikt '{deck.id}'."
        )
    report = render_report(session, deck, width=args.width, ascii=args.ascii)
    if args.output is None:
        # Bytes, not text: the report is UTF-8 whatever encoding the terminal reports.
        sys.stdout.flush()
        sys.stdout.buffer.write(report.encode("utf-8"))
        sys.stdout.flush()
        return EXIT_OK
    target = Path(args.output)
    try:
        _write_atomically(target, report.encode("utf-8"))
    except OSError as exc:
        # Name the file the user asked for, not the temporary one beside it.
        raise CommandError(
            f"Het rapport kan niet worden geschreven naar {target}: {_os_reason(exc)}."
        ) from None
    _say(f"Rapport geschreven naar {target}.")
    return EXIT_OK


def _write_atomically(target: Path, data: bytes) -> None:
    """Write via a temporary file beside ``target``: an old report is never half-replaced."""
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    folder = target.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        # mkstemp makes the file private (0600); a report is an ordinary document.
        os.chmod(tmp_name, 0o644 & ~_umask())
        os.replace(tmp_name, target)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _cmd_check(args: argparse.Namespace) -> int:
    store = _store(args)
    path = store.resolve(args.session)
    session = store.load(path)
    answers = sum(1 for t in session.tables for a in t.answers.values() if a.strip())
    tables = len(session.tables)
    print(
        f"OK: {path} is een geldige sessie ('{session.session.title}', "
        f"{tables} {'tafel' if tables == 1 else 'tafels'}, "
        f"{answers} {'antwoord' if answers == 1 else 'antwoorden'})."
    )
    return EXIT_OK


# -- parsing ---------------------------------------------------------------------------


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen datum; schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2026-11-28"
        ) from None


def _width(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 20:
        raise argparse.ArgumentTypeError(f"'{text}' is geen breedte van minstens 20")
    return value


def _add_common(parser: argparse.ArgumentParser, *, on_subcommand: bool) -> None:
    # On a subcommand the default is SUPPRESS, so an option given before the subcommand
    # is not overwritten by the subcommand's own (absent) copy of it.
    default = argparse.SUPPRESS if on_subcommand else None
    parser.add_argument(
        "--sessions-dir",
        metavar="MAP",
        default=default,
        help="map met de sessies (standaard ./sessions of $PATROON_SESSIONS_DIR)",
    )
    parser.add_argument(
        "--deck",
        metavar="BESTAND",
        type=Path,
        default=default,
        help="een ander programma (deck-bestand) dan het standaardprogramma",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``patroon``."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Begeleid de workshop 'Samenwerken in interafhankelijkheid' "
        "vanuit de terminal.",
    )
    _add_common(parser, on_subcommand=False)
    commands = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    session_help = "id van de sessie of pad naar het bestand"

    new = commands.add_parser("new", help="maak een nieuwe sessie en open hem")
    new.add_argument("--title", help="titel van de sessie, bijv. 'Wijkteam Noord'")
    new.add_argument(
        "--werkvorm",
        choices=("tafels", "plenair"),
        default="tafels",
        help="in gesprek aan tafels (standaard) of plenair",
    )
    new.add_argument(
        "--date", type=_date, help="datum van de workshop (JJJJ-MM-DD; standaard vandaag)"
    )
    new.add_argument("--facilitator", default="", help="wie de workshop leidt")
    new.add_argument("--location", default="", help="waar de workshop is")
    new.set_defaults(run=_cmd_new)

    open_ = commands.add_parser("open", help="ga verder met een bewaarde sessie")
    open_.add_argument("session", metavar="ID_OF_PAD", help=session_help)
    open_.add_argument(
        "--screen", metavar="SCHERM", help="open op dit scherm (id uit het programma)"
    )
    open_.set_defaults(run=_cmd_open)

    list_ = commands.add_parser("list", help="toon de bewaarde sessies, nieuwste eerst")
    list_.set_defaults(run=_cmd_list)

    export = commands.add_parser("export", help="het verslag van een sessie als Markdown")
    export.add_argument("session", metavar="ID_OF_PAD", help=session_help)
    export.add_argument(
        "-o",
        "--output",
        metavar="BESTAND",
        help="schrijf naar dit bestand in plaats van naar het scherm",
    )
    export.add_argument(
        "--width",
        type=_width,
        default=100,
        help="breedte van de getekende patronen (standaard 100)",
    )
    export.add_argument(
        "--ascii", action="store_true", help="teken de patronen met gewone ASCII-tekens"
    )
    export.set_defaults(run=_cmd_export)

    check = commands.add_parser("check", help="controleer of een sessiebestand geldig is")
    check.add_argument("session", metavar="ID_OF_PAD", help=session_help)
    check.set_defaults(run=_cmd_check)

    for sub in (new, open_, list_, export, check):
        _add_common(sub, on_subcommand=True)
    parser.set_defaults(run=_cmd_start)
    return parser


# -- errors ----------------------------------------------------------------------------

_OS_REASONS = {
    errno.EACCES: "daar is geen toestemming voor",
    errno.EPERM: "daar is geen toestemming voor",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "de schijfruimte (quotum) is op",
    errno.ENOENT: "die map of dat bestand bestaat niet",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "dat is een map, geen bestand",
    errno.ENAMETOOLONG: "de naam is te lang",
}


def _os_reason(exc: OSError) -> str:
    return _OS_REASONS.get(exc.errno or 0, exc.strerror or str(exc))


def _describe_os_error(exc: OSError) -> str:
    reason = _os_reason(exc)
    name = exc.filename
    if name is None:
        return f"Dat lukte niet: {reason}."
    return f"Dat lukte niet met {name}: {reason}."


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (``__main__`` passes it to ``sys.exit``)."""
    from patroon_tui.core.deck import DeckError
    from patroon_tui.core.store import StoreError

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
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
        _say(_describe_os_error(exc))
        return EXIT_ERROR
