"""The Dutch argument parser of the ``patroon`` command: its commands and options, help,
usage line and errors in Dutch (argparse speaks English)."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, NoReturn

from patroon_tui.cli.network import add_options as add_patterns_options
from patroon_tui.cli.theme_option import add_theme_option
from patroon_tui.core.text.terminal_safe import printable

PROG = "patroon"
EXIT_USAGE = 2


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
    # ``groups`` is Any: argparse's own type for them (_MutuallyExclusiveGroup) is private.
    def add_usage(
        self, usage: str | None, actions: Iterable[argparse.Action], groups: Iterable[Any],
        prefix: str | None = None,
    ) -> None:
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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _DutchHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False  # added below, in Dutch
        super().__init__(*args, **kwargs)
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


def build_parser(run: Mapping[str, Callable[..., int]]) -> argparse.ArgumentParser:
    """The argument parser of ``patroon``, in Dutch; ``run`` maps each command (and
    ``start``, none given) to the function that does it."""
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
        run["new"],
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
        run["open"],
        help="ga verder met een bewaarde sessie",
        description="Ga verder met een bewaarde sessie, op het scherm waar hij stopte.",
    )
    open_.add_argument(
        "--screen", metavar="SCHERM", help="open op dit scherm (een scherm-id uit het programma)"
    )

    follow = command(
        "vervolg",
        run["vervolg"],
        help="maak een vervolgsessie op een eerdere sessie en open hem",
        description="Maak een nieuwe sessie die verdergaat op een eerdere: de leidende "
        "principes, de eerste stappen (met eigenaar) en de eigen patronen gaan mee, de "
        "tafels beginnen leeg. Hij opent op de terugblik: wat is er met elke stap "
        "gebeurd? De eerdere sessie blijft zoals hij is.",
    )
    follow.add_argument("--title", metavar="TITEL",
                        help="titel van de vervolgsessie (standaard die van de eerdere, "
                        "met '(vervolg)')")
    follow.add_argument("--date", metavar="DATUM", type=_date,
                        help="datum van de vervolgsessie als JJJJ-MM-DD (standaard vandaag)")

    # list and check read session files only, never a programme given by the user: no
    # --deck (check compares a session of the bundled programme with that programme)
    command(
        "list",
        run["list"],
        session=False,
        deck=False,
        help="toon de bewaarde sessies, nieuwste eerst",
        description="Toon de sessies in de sessiemap, de laatst gewijzigde eerst. Een "
        "bestand dat niet te lezen is, staat erbij met de reden.",
    )

    export = command(
        "export",
        run["export"],
        help="maak het verslag van een sessie (Markdown, HTML of Word)",
        description="Maak het verslag van een sessie: een overzicht, alles wat de tafels "
        "zeiden en de patronen getekend, als Markdown, als webpagina (HTML) of als Word-"
        "document (docx). Zonder -o komt het als Markdown op het scherm. Vooraf wordt "
        "gezocht naar persoonsgegevens (BSN, telefoonnummer, e-mailadres, IBAN); wat "
        "gevonden wordt, staat op het scherm, en --redact vervangt het in het verslag.",
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="BESTAND",
        help="schrijf het verslag naar dit bestand in plaats van naar het scherm; een "
        "bestaand bestand wordt alleen vervangen met --overschrijven, een sessiebestand nooit",
    )
    export.add_argument(
        "--format",
        choices=["md", "html", "docx", "pdf", "csv"],
        help="het soort verslag: md (Markdown), html (webpagina), docx (Word), pdf of csv (de "
        "eerste stappen en principes, voor een spreadsheet); zonder --format volgt het uit "
        "de naam bij -o (.md, .html, .docx, .pdf, .csv)",
    )
    export.add_argument(
        "--redact",
        action="store_true",
        help="vervang gevonden persoonsgegevens (BSN, telefoonnummer, e-mailadres, IBAN) "
        "in het verslag door een markering",
    )
    export.add_argument(
        "--no-notes",
        "--zonder-notities",
        dest="no_notes",
        action="store_true",
        help="laat de notities van de facilitator uit het verslag",
    )
    export.add_argument(
        "--kort",
        "--short",
        dest="short",
        action="store_true",
        help="één pagina voor bestuurders: de herkende patronen, waar in de driehoek, de "
        "leidende principes en de eerste stappen met hun eigenaar",
    )
    export.add_argument(
        "--zonder-tijd",
        "--no-time",
        dest="no_time",
        action="store_true",
        help="laat de tabel met de tijd per deel uit het verslag",
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
        help="breedte van de getekende patronen in Markdown, in tekens (20 tot en met 500, "
        "standaard 100)",
    )
    export.add_argument(
        "--ascii", action="store_true", help="teken de patronen met gewone ASCII-tekens"
    )

    present = command(
        "present",
        run["present"],
        help="open het publieksvenster voor de beamer: volgt het venster van de begeleider",
        description="Open het publieksvenster van een sessie, voor de beamer: een tweede "
        "terminal op het uitgebreide scherm. Het toont de dia die het venster van de "
        "begeleider toont, groot en zonder notities of toetsen, en volgt elke bladzijde. "
        "Het sessiebestand wordt alleen gelezen, nooit vergrendeld of veranderd. Stoppen: "
        "ctrl+q.",
    )

    merge = command(
        "merge",
        run["merge"],
        session=False,
        deck=False,
        help="voeg kopieën van één sessie samen (een laptop per tafel)",
        description="Voeg kopieën van één sessie samen die op meer laptops zijn ingevuld. "
        "Alles blijft: tafels die op twee laptops zijn toegevoegd allebei, en een veld dat "
        "op twee laptops anders is ingevuld met alle versies erin, gemarkeerd. Zonder -o "
        "komt het resultaat als nieuwe sessie in de sessiemap; een kopie wordt nooit "
        "overschreven.",
    )
    merge.add_argument("copies", nargs="+", metavar="BESTAND_OF_ID",
                       help="twee of meer kopieën: id (zie 'patroon list') of pad")
    merge.add_argument("-o", "--output", metavar="BESTAND",
                       help="schrijf de samengevoegde sessie naar dit nieuwe bestand")

    command(
        "check",
        run["check"],
        deck=False,
        help="controleer of een sessiebestand in orde is",
        description="Controleer of een sessiebestand te openen is. Het bestand wordt "
        "alleen gelezen, nooit veranderd.",
    )
    add_patterns_options(command(
        "patronen",
        run["patronen"],
        session=False,
        help="toon de patronen van alle sessies in de sessiemap, door de tijd",
        description="Toon elk patroon dat in de sessies in de sessiemap herkend is (uit het "
        "programma en eigen patronen): door hoeveel tafels in hoeveel sessies gekozen, de "
        "eerste en de laatste keer, en de eerste stappen die erbij horen. Een bestand dat "
        "niet te lezen is, wordt overgeslagen en genoemd.",
    ))
    for sub in (new, open_, present):
        add_theme_option(sub)
    for sub, deck in made:  # after each command's own options, which matter more
        _add_common(sub, on_subcommand=True, deck=deck)
    parser.set_defaults(run=run["start"])
    return parser


# -- errors ----------------------------------------------------------------------------
