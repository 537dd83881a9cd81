"""The `patroon` command line: start the app, or list, export and check saved sessions.

``main(argv)`` parses the commands of the design (``new``, ``open``, ``list``, ``export``,
``check``; none = the start screen) and returns the exit status: 0 done, 1 a session, deck
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
import datetime as dt
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from patroon_tui.core.files import report_target_problem, write_text_atomic
from patroon_tui.core.messages import os_reason, printable

if TYPE_CHECKING:
    from patroon_tui.core.deck import Deck
    from patroon_tui.core.store import SessionStore

PROG = "patroon"

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

REPORT_MODE = 0o600


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
    print(printable(message, keep="\n"), file=sys.stderr)


def _store(args: argparse.Namespace) -> SessionStore:
    from patroon_tui.core.store import SessionStore

    return SessionStore.from_option(getattr(args, "sessions_dir", None))


def _deck(args: argparse.Namespace) -> Deck:
    from patroon_tui.core.deck import load_deck

    return load_deck(getattr(args, "deck", None))


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
        deck_path=getattr(args, "deck", None),
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
        # Ids, titles and errors come from file names and file contents, which may hold
        # terminal escapes (a shared file): printed escaped, one row per line.
        if entry.error is not None:
            rows.append((printable(entry.id), f"onleesbaar: {printable(entry.error)}"))
            continue
        rows.append(
            (
                printable(entry.id),
                printable(entry.title or ""),
                entry.date.isoformat() if entry.date else "",
                _local(entry.updated) if entry.updated else "",
                "" if entry.tables is None else str(entry.tables),
                printable(entry.screen or ""),
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

    from patroon_tui.core.validation import review

    store = _store(args)
    deck = _deck(args)
    path = store.resolve(args.session)
    session = store.load(path)
    for notice in review(session, path, deck=deck):
        _say(f"Let op: {notice}")
    if session.session.deck != deck.id:
        _say(
            f"Let op: de sessie hoort bij programma '{session.session.deck}', "
            f"het rapport gebruikt '{deck.id}'."
        )
    report = render_report(session, deck, width=args.width, ascii=args.ascii)
    if args.output is None:
        if sys.stdout.isatty():
            # Notes from a shared file may hold terminal escapes; piped or redirected, the
            # report stays exactly what was typed.
            report = printable(report, keep="\n\t")
        # Bytes, not text: the report is UTF-8 whatever encoding the terminal reports.
        sys.stdout.flush()
        sys.stdout.buffer.write(report.encode("utf-8"))
        sys.stdout.flush()
        return EXIT_OK
    target = Path(args.output)
    problem = report_target_problem(target, store.folder)
    if problem is not None:
        raise CommandError(problem)
    try:
        # 0600 like the sessions: a report holds every note of the workshop.
        write_text_atomic(target, report, mode=REPORT_MODE, replace=args.force)
    except FileExistsError:
        raise CommandError(
            f"{target} bestaat al; het verslag is niet geschreven. Kies een andere naam, "
            "of geef --overschrijven om het bestand te vervangen."
        ) from None
    except OSError as exc:
        # Name the file the user asked for, not the temporary one beside it.
        raise CommandError(
            f"Het rapport kan niet worden geschreven naar {target}: {os_reason(exc)}."
        ) from None
    _say(f"Rapport geschreven naar {target}.")
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from patroon_tui.core.deck import DEFAULT_DECK_ID, load_deck
    from patroon_tui.core.validation import review

    store = _store(args)
    path = store.resolve(args.session)
    session = store.load(path)
    answers = sum(1 for t in session.tables for a in t.answers.values() if a.strip())
    tables = len(session.tables)
    # The screens and patterns are checked against the programme the app would open the
    # session with by default; a session of another programme says so instead.
    own_deck = session.session.deck == DEFAULT_DECK_ID
    notices = review(session, path, deck=load_deck() if own_deck else None)
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


# -- parsing ---------------------------------------------------------------------------

# argparse speaks English and offers no hook for its wording other than gettext, which
# would need compiled catalogues and would change every parser in the process. So the
# Dutch parser renames its own headings and rewrites the few messages a user can cause;
# an unknown (future) message keeps argparse's English but still names the argument.
_ARGPARSE_MESSAGES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"the following arguments are required: (?P<names>.+)"),
        lambda m: f"{_and(m['names'].split(', '))} "
        f"{'ontbreekt' if ', ' not in m['names'] else 'ontbreken'}",
    ),
    (
        re.compile(r"unrecognized arguments: (?P<args>.+)"),
        lambda m: f"{'onbekend argument' if ' ' not in m['args'] else 'onbekende argumenten'}: "
        f"{m['args']}",
    ),
    (
        re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)"),
        lambda m: f"{m['option']} kan meerdere opties zijn: {_or(m['matches'].split(', '))}",
    ),
    (
        re.compile(
            r"argument (?P<arg>\S+): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)"
        ),
        lambda m: f"{m['value']} is geen keuze voor {m['arg']}; "
        f"kies {_or(m['choices'].split(', '))}",
    ),
    (
        re.compile(r"argument (?P<arg>\S+): invalid \S+ value: (?P<value>.+)"),
        lambda m: f"{m['value']} is geen geldige waarde voor {m['arg']}",
    ),
    (
        re.compile(r"argument (?P<arg>\S+): expected one argument"),
        lambda m: f"na {m['arg']} hoort een waarde",
    ),
    # Our own type checks (_date, _width) already explain in Dutch.
    (
        re.compile(r"argument (?P<arg>\S+): (?P<message>.+)"),
        lambda m: f"{m['arg']}: {m['message']}",
    ),
]


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} en {items[-1]}"


def _or(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} of {items[-1]}"


def _dutch_usage_message(message: str) -> str:
    """argparse's English error message in Dutch; an unknown one is passed through."""
    for pattern, dutch in _ARGPARSE_MESSAGES:
        match = pattern.fullmatch(message)
        if match:
            return dutch(match)
    return message


class _DutchHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)

    def _format_action(self, action: argparse.Action) -> str:
        # argparse heads the list of commands with a line holding just the metavar
        # ("OPDRACHT"); the section title says it already, so list the commands alone.
        if isinstance(action, argparse._SubParsersAction):
            return "".join(self._format_action(sub) for sub in action._get_subactions())
        return super()._format_action(action)


class DutchArgumentParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose help, usage line and errors are in Dutch.

    Errors print the usage line and one Dutch sentence on stderr and exit with status 2,
    as argparse does. Subcommand parsers made from it are Dutch too.
    """

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _DutchHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS,
                help="toon deze hulp en stop",
            )  # fmt: skip

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        # The message quotes the argument as typed, which may hold terminal escapes.
        dutch = printable(_dutch_usage_message(message).rstrip("."))
        self.exit(EXIT_USAGE, f"{self.prog}: fout: {dutch}.\n")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen datum; schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2026-11-28"
        ) from None


#: Report widths accepted by ``export --width``: a loop needs 20 columns to be drawn, and
#: beyond a few hundred a report is no longer read but only slower to draw.
MIN_WIDTH, MAX_WIDTH = 20, 500


def _width(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not MIN_WIDTH <= value <= MAX_WIDTH:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen breedte van {MIN_WIDTH} tot en met {MAX_WIDTH}"
        )
    return value


def _add_common(
    parser: argparse.ArgumentParser, *, on_subcommand: bool, deck: bool = True
) -> None:
    # On a subcommand the default is SUPPRESS, so an option given before the subcommand
    # is not overwritten by the subcommand's own (absent) copy of it.
    default = argparse.SUPPRESS if on_subcommand else None
    parser.add_argument(
        "--sessions-dir",
        metavar="MAP",
        default=default,
        help="map met de sessies (standaard ./sessions of $PATROON_SESSIONS_DIR)",
    )
    if deck:
        parser.add_argument(
            "--deck",
            metavar="BESTAND",
            type=Path,
            default=default,
            help="een ander programma (deck-bestand) dan het standaardprogramma",
        )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``patroon``, in Dutch."""
    parser = DutchArgumentParser(
        prog=PROG,
        # argparse would show the subcommand as required; without one the start screen opens.
        usage="%(prog)s [-h] [--sessions-dir MAP] [--deck BESTAND] [OPDRACHT ...]",
        description="Begeleid de workshop 'Samenwerken in interafhankelijkheid' "
        "vanuit de terminal. Zonder opdracht opent het startscherm, waar je een sessie "
        "kiest of een nieuwe begint.",
        epilog=f"Meer over een opdracht: {PROG} OPDRACHT --help",
    )
    _add_common(parser, on_subcommand=False)
    commands = parser.add_subparsers(dest="command", metavar="OPDRACHT", title="opdrachten")
    made: list[tuple[argparse.ArgumentParser, bool]] = []

    def command(
        name: str,
        run: Callable[[argparse.Namespace], int],
        *,
        help: str,
        description: str,
        session: bool = True,
        deck: bool = True,
    ) -> argparse.ArgumentParser:
        # A usage of our own on the main parser means each command names its prog itself.
        sub = commands.add_parser(name, prog=f"{PROG} {name}", help=help, description=description)
        if session:
            sub.add_argument(
                "session",
                metavar="ID_OF_PAD",
                help="id van de sessie (zie 'patroon list') of pad naar het sessiebestand",
            )
        sub.set_defaults(run=run)
        made.append((sub, deck))
        return sub

    new = command(
        "new",
        _cmd_new,
        session=False,
        help="maak een nieuwe sessie en open hem",
        description="Maak een nieuwe sessie in de sessiemap en open hem. Het bestand "
        "heet naar de datum en de titel, bijvoorbeeld 2026-11-28-wijkteam-noord.toml.",
    )
    new.add_argument("--title", metavar="TITEL", help="titel van de sessie, bijv. 'Wijkteam Noord'")
    new.add_argument(
        "--werkvorm",
        choices=("tafels", "plenair"),
        default="tafels",
        help="gesprek aan tafels (standaard) of plenair",
    )
    new.add_argument(
        "--date",
        metavar="DATUM",
        type=_date,
        help="datum van de workshop als JJJJ-MM-DD (standaard vandaag)",
    )
    new.add_argument("--facilitator", metavar="NAAM", default="", help="wie de workshop leidt")
    new.add_argument("--location", metavar="PLAATS", default="", help="waar de workshop is")

    open_ = command(
        "open",
        _cmd_open,
        help="ga verder met een bewaarde sessie",
        description="Ga verder met een bewaarde sessie, op het scherm waar hij stopte.",
    )
    open_.add_argument(
        "--screen", metavar="SCHERM", help="open op dit scherm (een scherm-id uit het programma)"
    )

    # list and check read session files only, never a programme given by the user: no
    # --deck (check compares a session of the bundled programme with that programme)
    command(
        "list",
        _cmd_list,
        session=False,
        deck=False,
        help="toon de bewaarde sessies, nieuwste eerst",
        description="Toon de sessies in de sessiemap, de laatst gewijzigde eerst. Een "
        "bestand dat niet te lezen is, staat erbij met de reden.",
    )

    export = command(
        "export",
        _cmd_export,
        help="maak het verslag van een sessie (Markdown)",
        description="Maak het verslag van een sessie als Markdown: alles wat de tafels "
        "zeiden, met de patronen getekend. Zonder -o komt het op het scherm.",
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="BESTAND",
        help="schrijf het verslag naar dit bestand in plaats van naar het scherm; een "
        "bestaand bestand wordt alleen vervangen met --overschrijven, een sessiebestand nooit",
    )
    export.add_argument(
        "--overschrijven",
        "--force",
        dest="force",
        action="store_true",
        help="vervang het bestand van -o als het al bestaat (een sessiebestand nooit)",
    )
    export.add_argument(
        "--width",
        metavar="BREEDTE",
        type=_width,
        default=100,
        help="breedte van de getekende patronen in tekens (20 tot en met 500, standaard 100)",
    )
    export.add_argument(
        "--ascii", action="store_true", help="teken de patronen met gewone ASCII-tekens"
    )

    command(
        "check",
        _cmd_check,
        deck=False,
        help="controleer of een sessiebestand in orde is",
        description="Controleer of een sessiebestand te openen is. Het bestand wordt "
        "alleen gelezen, nooit veranderd.",
    )
    for sub, deck in made:  # after each command's own options, which matter more
        _add_common(sub, on_subcommand=True, deck=deck)
    parser.set_defaults(run=_cmd_start)
    return parser


# -- errors ----------------------------------------------------------------------------


def _describe_os_error(exc: OSError) -> str:
    reason = os_reason(exc)
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
