"""A hand-made corpus of session files: bad ones made by mutating one good session, and odd
ones that are valid.

:func:`bad_cases` gives ``(name, content, expected)`` for more than a hundred files that
every reader must refuse: ``content`` is the file's text (or bytes, for encodings), and
``expected`` is the fragment of the refusal that names the line or the field (``regel 7``,
``bij session.updated``). :func:`odd_cases` gives ``(name, content, notices)`` for files
that are valid however strange, and must open, take typing and save; ``notices`` are
fragments of what opening says it set right. Each file is meant to be written as
``<FILE_ID>.toml``, the id the base session has.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

FILE_ID = "2026-11-28-noord"

#: The good session every case starts from: every contract section, one unknown key.
BASE = f"""\
format = "patroon-session"
format_version = 1

[session]
id = "{FILE_ID}"
title = "Wijkteam Noord"
date = 2026-11-28
facilitator = "Anouk"
location = "Buurthuis"
werkvorm = "tafels"
deck = "samenwerken-in-interafhankelijkheid"
created = 2026-11-28T09:30:00Z
updated = 2026-11-28T10:02:13Z
catering = "koffie"

[progress]
screen = "tafels"
timer_seconds_left = 812
timer_running = false
timer_seconds_total = 1500
visited = ["programma", "tafels"]
table = "tafel-1"

[notes]
complexer = "Wethouder noemt de woningnood."

[layer_notes]
relatie = "Vertrouwen is broos."

[[tables]]
id = "tafel-1"
name = "Tafel 1"
participants = "gemeente, GGZ"
pattern = "eigen-tafel-1"
layer = "doel"

[tables.answers]
herkenbaar = "Ja, elke week."
bijdrage = ""

[[tables]]
id = "tafel-2"
name = "Tafel 2"
participants = "politie"
pattern = ""
layer = ""

[[patterns]]
id = "eigen-tafel-1"
title = "Wachten op elkaar"
steps = ["Een melding komt binnen.", "Ieder wacht.", "De zorg groeit."]

[[principles]]
text = "Eerst bellen, dan nee zeggen."

[[first_steps]]
text = "Maandelijks casusoverleg"
owner = "GGZ"
table = "tafel-1"
"""

Case = tuple[str, "str | bytes", str]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _sub(old: str, new: str, base: str = BASE) -> str:
    assert base.count(old) == 1, old
    return base.replace(old, new)


def _after(anchor: str, extra: str, base: str = BASE) -> str:
    """``extra`` (one or more lines) inserted after the line holding ``anchor``."""
    start = base.index(anchor)
    end = base.index("\n", start) + 1
    return base[:end] + extra + base[end:]


def _drop(line: str, base: str = BASE) -> str:
    return _sub(line + "\n", "", base)


def _toml_syntax() -> Iterator[Case]:
    """Not TOML: the refusal gives the line."""

    def at(name: str, text: str, needle: str, later: int = 0) -> Case:
        # ``later``: tomllib notices some mistakes only on a following line.
        return name, text, f"regel {_line_of(text, needle) + later}"

    yield at("onafgesloten-tekst", _sub('title = "Wijkteam Noord"', 'title = "Wijkteam Noord'),
             'title = "Wijkteam')
    yield at("geen-is-teken", _sub('location = "Buurthuis"', 'location "Buurthuis"'), "location")
    yield at("sleutel-twee-keer", _after("facilitator =", 'facilitator = "Bob"\n'),
             'facilitator = "Bob"')
    yield at("kop-twee-keer", BASE + '\n[session]\nx = 1\n', "[session]\nx")
    yield at("ongeldige-escape", _sub('"Vertrouwen is broos."', '"Vertrouwen \\q broos."'),
             "relatie =")
    yield at("kaal-woord", _sub('werkvorm = "tafels"', "werkvorm = tafels"), "werkvorm =")
    yield at("lijst-niet-dicht", _sub('visited = ["programma", "tafels"]',
                                      'visited = ["programma", "tafels"'), "visited =", 1)
    yield at("tabel-niet-dicht", _after("catering", "extra = { a = 1\n"), "extra = {")
    yield at("maand-13", _sub("date = 2026-11-28", "date = 2026-13-28"), "date =")
    yield at("uur-25", _sub("created = 2026-11-28T09:30:00Z", "created = 2026-11-28T25:30:00Z"),
             "created =")
    yield at("verschil-24-uur", _sub("updated = 2026-11-28T10:02:13Z",
                                     "updated = 2026-11-28T10:02:13+24:00"), "updated =")
    yield at("surrogaat-escape", _sub('"Eerst bellen, dan nee zeggen."', '"Eerst \\ud800"'),
             "text = \"Eerst")
    yield at("buiten-unicode-escape", _sub('"Eerst bellen, dan nee zeggen."',
                                           '"Eerst \\U00110000"'), "text = \"Eerst")
    yield at("kapotte-hex-escape", _sub('"Eerst bellen, dan nee zeggen."', '"Eerst \\u12G4"'),
             "text = \"Eerst")
    yield at("stuurteken-in-tekst", _sub('owner = "GGZ"', 'owner = "G\x01GZ"'), "owner =")
    yield at("nul-teken", _sub('owner = "GGZ"', 'owner = "G\x00GZ"'), "owner =")
    yield at("losse-cr", _sub('owner = "GGZ"\n', 'owner = "GGZ"\r'), "owner =")
    yield at("sleutel-met-spatie", _after("catering", "mijn sleutel = 1\n"), "mijn sleutel")
    yield at("kop-zonder-haak", _sub("[layer_notes]", "[layer_notes"), "[layer_notes")
    yield at("lijstkop-zonder-haken", _sub("[[principles]]", "[[principles]"), "[[principles]")
    yield at("tabel-als-lijst-van-tabellen", BASE + "\n[[session]]\nx = 1\n", "[[session]]")
    yield at("inline-tabel-uitbreiden", _after("catering", 'extra = { a = 1 }\n') + "\n[session.extra.b]\n",
             "[session.extra.b]")
    yield at("dubbele-inline-sleutel", _after("catering", "extra = { a = 1, a = 2 }\n"), "extra =")
    yield at("waarde-na-waarde", _sub("timer_seconds_left = 812", "timer_seconds_left = 812 813"),
             "timer_seconds_left")
    yield at("getal-met-voorloopnul", _sub("timer_seconds_left = 812", "timer_seconds_left = 0812"),
             "timer_seconds_left")
    yield ("tekst-zonder-einde-bestand", BASE + 'laatste = """nooit dicht\n',
           f"regel {BASE.count(chr(10)) + 2}, het einde van het bestand")
    yield at("onbekend-teken-buiten-tekst", _after("catering", "extra = 1 § 2\n"), "extra =")
    yield at("punt-aan-het-eind", _after("catering", "extra. = 1\n"), "extra.")


def _raw_text() -> Iterator[Case]:
    """What the scanner refuses before tomllib parses (the line), and bytes that are no text."""
    yield "bom", "\ufeff" + BASE, "BOM"
    yield "bom-voor-commentaar", "\ufeff# sessie\n" + BASE, "BOM"
    deep = "[" * 5000 + "]" * 5000
    yield "lijsten-5000-diep", _after("catering", f"diep = {deep}\n"), "regel 15"
    inline = "{ a = " * 2000 + "1" + " }" * 2000
    yield "inline-tabellen-2000-diep", _after("catering", f"diep = {inline}\n"), "regel 15"
    mixed = "[{ a = " * 20 + "1" + " }]" * 20
    yield "lijst-en-tabel-door-elkaar", _after("catering", f"diep = {mixed}\n"), "regel 15"
    yield "lijsten-33-diep", _after("catering", f"diep = {'[' * 33}1{']' * 33}\n"), "regel 15"
    deep_in_later_line = _after("table = \"tafel-1\"\n", f"diep = {'[' * 40}{']' * 40}\n")
    yield "diep-in-progress", deep_in_later_line, f"regel {_line_of(deep_in_later_line, 'diep =')}"
    yield "5000-cijfers", _after("catering", f"groot = {'9' * 5000}\n"), "regel 15"
    yield "1001-cijfers-in-timer", _sub("timer_seconds_left = 812",
                                        f"timer_seconds_left = {'1' * 1001}"), "regel 18"
    yield "cijfers-met-liggende-streepjes", _after("catering", f"groot = {'1_' * 700}1\n"),\
        "regel 15"
    yield "leeg", "", "leeg"
    yield "alleen-witruimte", "  \n\t\n", "leeg"
    yield "geen-utf8", BASE.encode("utf-8").replace(b"Anouk", b"An\xefuk"), "UTF-8"
    yield "utf16", BASE.encode("utf-16"), "UTF-8"
    yield "latin1", _sub('"Buurthuis"', '"Caf\u00e9"').encode("latin-1"), "UTF-8"


def _not_a_session() -> Iterator[Case]:
    yield "alleen-commentaar", "# niets\n", "format"
    yield "geen-format", _drop('format = "patroon-session"'), "format"
    yield "ander-format", _sub('format = "patroon-session"', 'format = "patroon-deck"'), "format"
    yield "format-getal", _sub('format = "patroon-session"', "format = 1"), "format"
    yield "geen-versie", _drop("format_version = 1"), "format_version"
    yield "versie-als-tekst", _sub("format_version = 1", 'format_version = "1"'), "format_version"
    yield "versie-2", _sub("format_version = 1", "format_version = 2"), "format_version 2"
    yield "versie-0", _sub("format_version = 1", "format_version = 0"), "format_version 0"
    yield "versie-negatief", _sub("format_version = 1", "format_version = -1"), "format_version"
    yield "versie-2-tot-de-70", _sub("format_version = 1", f"format_version = {2**70}"),\
        "format_version"
    yield "versie-boolean", _sub("format_version = 1", "format_version = true"), "format_version"
    yield "versie-kommagetal", _sub("format_version = 1", "format_version = 1.0"),\
        "format_version"


def _model() -> Iterator[Case]:
    """Valid TOML that breaks the contract: the refusal gives the field path."""

    def field(name: str, text: str, path: str) -> Case:
        return name, text, f"bij {path}"

    session_end = BASE.index("[progress]")
    without_session = BASE[: BASE.index("[session]")] + BASE[session_end:]
    yield field("geen-session", without_session, "session")
    yield field("session-is-lijst", without_session.replace(
        "format_version = 1\n", "format_version = 1\nsession = [1]\n"), "session")
    yield field("geen-id", _drop(f'id = "{FILE_ID}"'), "session.id")
    yield field("id-met-hoofdletters", _sub(f'id = "{FILE_ID}"', 'id = "Noord 2026"'), "session.id")
    yield field("id-leeg", _sub(f'id = "{FILE_ID}"', 'id = ""'), "session.id")
    yield field("id-begint-met-streepje", _sub(f'id = "{FILE_ID}"', 'id = "-noord"'), "session.id")
    yield field("titel-getal", _sub('title = "Wijkteam Noord"', "title = 12"), "session.title")
    yield field("geen-titel", _drop('title = "Wijkteam Noord"'), "session.title")
    yield field("datum-als-tekst", _sub("date = 2026-11-28", 'date = "2026-11-28"'), "session.date")
    yield field("datum-met-tijd", _sub("date = 2026-11-28", "date = 2026-11-28T09:00:00Z"),
                "session.date")
    yield field("datum-lokale-tijd", _sub("date = 2026-11-28", "date = 2026-11-28T09:00:00"),
                "session.date")
    yield field("datum-alleen-tijd", _sub("date = 2026-11-28", "date = 09:00:00"), "session.date")
    yield field("werkvorm-onbekend", _sub('werkvorm = "tafels"', 'werkvorm = "buiten"'),
                "session.werkvorm")
    yield field("werkvorm-hoofdletter", _sub('werkvorm = "tafels"', 'werkvorm = "Tafels"'),
                "session.werkvorm")
    yield field("deck-getal", _sub('deck = "samenwerken-in-interafhankelijkheid"', "deck = 3"),
                "session.deck")
    yield field("facilitator-lijst", _sub('facilitator = "Anouk"', 'facilitator = ["Anouk"]'),
                "session.facilitator")
    yield field("created-als-tekst", _sub("created = 2026-11-28T09:30:00Z",
                                          'created = "2026-11-28T09:30:00Z"'), "session.created")
    yield field("created-als-datum", _sub("created = 2026-11-28T09:30:00Z", "created = 2026-11-28"),
                "session.created")
    yield field("created-zonder-tijdzone", _sub("created = 2026-11-28T09:30:00Z",
                                                "created = 2026-11-28T09:30:00"), "session.created")
    yield field("updated-zonder-tijdzone", _sub("updated = 2026-11-28T10:02:13Z",
                                                "updated = 2026-11-28 10:02:13"), "session.updated")
    yield field("created-alleen-tijd", _sub("created = 2026-11-28T09:30:00Z", "created = 09:30:00"),
                "session.created")
    yield field("created-ontbreekt", _drop("created = 2026-11-28T09:30:00Z"), "session.created")
    yield field("updated-9999-min-5", _sub("updated = 2026-11-28T10:02:13Z",
                                           "updated = 9999-12-31T23:00:00-05:00"), "session.updated")
    yield field("created-jaar-1-plus-1", _sub("created = 2026-11-28T09:30:00Z",
                                              "created = 0001-01-01T00:30:00+01:00"),
                "session.created")
    yield field("updated-9999-utc", _sub("updated = 2026-11-28T10:02:13Z",
                                         "updated = 9999-12-31T23:00:00Z"), "session.updated")
    yield field("created-jaar-1-utc", _sub("created = 2026-11-28T09:30:00Z",
                                           "created = 0001-01-01T00:00:00Z"), "session.created")
    yield field("updated-een-minuut-te-laat", _sub("updated = 2026-11-28T10:02:13Z",
                                                   "updated = 9999-12-31T00:00:00-00:01"),
                "session.updated")
    yield field("progress-tekst", _sub("[progress]\n", "[progress2]\n").replace(
        "format_version = 1\n", 'format_version = 1\nprogress = "tafels"\n'), "progress")
    yield field("scherm-getal", _sub('screen = "tafels"', "screen = 5"), "progress.screen")
    yield field("timer-als-tekst", _sub("timer_seconds_left = 812", 'timer_seconds_left = "812"'),
                "progress.timer_seconds_left")
    yield field("timer-negatief", _sub("timer_seconds_left = 812", "timer_seconds_left = -1"),
                "progress.timer_seconds_left")
    yield field("timer-10-tot-de-400", _sub("timer_seconds_left = 812",
                                            f"timer_seconds_left = {10**400}"),
                "progress.timer_seconds_left")
    yield field("totaal-10-tot-de-400", _sub("timer_seconds_total = 1500",
                                             f"timer_seconds_total = {10**400}"),
                "progress.timer_seconds_total")
    yield field("timer-int64-max", _sub("timer_seconds_left = 812",
                                        f"timer_seconds_left = {2**63 - 1}"),
                "progress.timer_seconds_left")
    yield field("totaal-int64-max", _sub("timer_seconds_total = 1500",
                                         f"timer_seconds_total = {2**63 - 1}"),
                "progress.timer_seconds_total")
    yield field("totaal-nul", _sub("timer_seconds_total = 1500", "timer_seconds_total = 0"),
                "progress.timer_seconds_total")
    yield field("totaal-meer-dan-een-dag", _sub("timer_seconds_total = 1500",
                                                "timer_seconds_total = 86401"),
                "progress.timer_seconds_total")
    yield field("timer-kommagetal", _sub("timer_seconds_left = 812", "timer_seconds_left = 81.5"),
                "progress.timer_seconds_left")
    yield field("timer-boolean", _sub("timer_seconds_left = 812", "timer_seconds_left = true"),
                "progress.timer_seconds_left")
    yield field("timer-inf", _sub("timer_seconds_left = 812", "timer_seconds_left = inf"),
                "progress.timer_seconds_left")
    yield field("timer-loopt-tekst", _sub("timer_running = false", 'timer_running = "false"'),
                "progress.timer_running")
    yield field("timer-loopt-getal", _sub("timer_running = false", "timer_running = 0"),
                "progress.timer_running")
    yield field("bezocht-tekst", _sub('visited = ["programma", "tafels"]', 'visited = "tafels"'),
                "progress.visited")
    yield field("bezocht-getallen", _sub('visited = ["programma", "tafels"]', "visited = [1, 2]"),
                "progress.visited[0]")
    yield field("progress-tafel-getal", _sub('table = "tafel-1"\n\n[notes]', "table = 1\n\n[notes]"),
                "progress.table")
    yield field("velden-tekst", _sub('table = "tafel-1"\n\n[notes]',
                                     'table = "tafel-1"\nfields = "tafels"\n\n[notes]'),
                "progress.fields")
    yield field("veld-getal", _sub('table = "tafel-1"\n\n[notes]',
                                   'table = "tafel-1"\nfields = { tafels = 3 }\n\n[notes]'),
                "progress.fields.tafels")
    yield field("notes-tekst", _sub("[notes]\n", "[notes2]\n").replace(
        "format_version = 1\n", 'format_version = 1\nnotes = "los"\n'), "notes")
    yield field("notitie-getal", _sub('complexer = "Wethouder noemt de woningnood."',
                                      "complexer = 3"), "notes.complexer")
    yield field("notitie-lijst", _sub('complexer = "Wethouder noemt de woningnood."',
                                      'complexer = ["a"]'), "notes.complexer")
    yield field("laagnotitie-boolean", _sub('relatie = "Vertrouwen is broos."', "relatie = true"),
                "layer_notes.relatie")
    yield field("tafels-als-tabel", _sub("[[tables]]\nid = \"tafel-2\"", "[tables2]\nid = \"tafel-2\"")
                .replace("[[tables]]\nid = \"tafel-1\"", "[tables]\nid = \"tafel-1\""), "tables")
    yield field("tafels-getallen", BASE[: BASE.index("[[tables]]")].replace(
        "format_version = 1\n", "format_version = 1\ntables = [1, 2]\n"), "tables[0]")
    yield field("tafel-zonder-id", _drop('id = "tafel-2"'), "tables[1].id")
    yield field("tafel-id-met-spatie", _sub('id = "tafel-2"', 'id = "tafel 2"'), "tables[1].id")
    yield field("tafel-zonder-naam", _drop('name = "Tafel 2"'), "tables[1].name")
    yield field("laag-onbekend", _sub('layer = "doel"', 'layer = "Doel"'), "tables[0].layer")
    yield field("antwoorden-tekst", _sub('[tables.answers]\nherkenbaar = "Ja, elke week."\n'
                                         'bijdrage = ""\n', 'answers = "ja"\n'), "tables[0].answers")
    yield field("antwoord-getal", _sub('bijdrage = ""', "bijdrage = 0"),
                "tables[0].answers.bijdrage")
    yield field("deelnemers-getal", _sub('participants = "politie"', "participants = 7"),
                "tables[1].participants")
    yield field("tafelpatroon-lijst", _sub('pattern = "eigen-tafel-1"', 'pattern = ["a"]'),
                "tables[0].pattern")
    yield field("patroon-een-stap", _sub(
        'steps = ["Een melding komt binnen.", "Ieder wacht.", "De zorg groeit."]',
        'steps = ["Alleen dit."]'), "patterns[0].steps")
    yield field("patroon-13-stappen", _sub(
        'steps = ["Een melding komt binnen.", "Ieder wacht.", "De zorg groeit."]',
        "steps = [" + ", ".join(f'"stap {i}"' for i in range(13)) + "]"), "patterns[0].steps")
    yield field("patroon-stappen-getallen", _sub(
        'steps = ["Een melding komt binnen.", "Ieder wacht.", "De zorg groeit."]',
        "steps = [1, 2]"), "patterns[0].steps[0]")
    yield field("patroon-zonder-id", _drop('id = "eigen-tafel-1"'), "patterns[0].id")
    yield field("patroon-zonder-titel", _drop('title = "Wachten op elkaar"'), "patterns[0].title")
    yield field("principe-zonder-tekst", _sub('text = "Eerst bellen, dan nee zeggen."',
                                              'tekst = "Eerst bellen."'), "principles[0].text")
    yield field("principe-getal", _sub('text = "Eerst bellen, dan nee zeggen."', "text = 1"),
                "principles[0].text")
    yield field("stap-zonder-tekst", _drop('text = "Maandelijks casusoverleg"'),
                "first_steps[0].text")
    yield field("stap-eigenaar-getal", _sub('owner = "GGZ"', "owner = 1"), "first_steps[0].owner")
    steps_at = BASE.index("[[first_steps]]")
    yield field("stap-tafel-getal", BASE[:steps_at]
                + BASE[steps_at:].replace('table = "tafel-1"', "table = 1"), "first_steps[0].table")
    tie = 'owner = "GGZ"\ntable = "tafel-1"\n'
    yield field("stap-laag-onbekend", _sub(tie, tie + 'layer = "dak"\n'), "first_steps[0].layer")
    yield field("stap-pijl-nul", _sub(tie, tie + 'pattern = "wereldvrede"\nbreaks_after = 0\n'),
                "first_steps[0].breaks_after")
    yield field("stap-pijl-tekst", _sub(tie, tie + 'breaks_after = "drie"\n'),
                "first_steps[0].breaks_after")
    yield field("stappen-als-tekst", BASE[: BASE.index("[[first_steps]]")].replace(
        "format_version = 1\n", 'format_version = 1\nfirst_steps = ["bellen"]\n'),
        "first_steps[0]")
    yield field("principes-als-tekst", BASE.replace("[[principles]]\ntext = \"Eerst bellen, dan nee "
                                                    "zeggen.\"\n\n", "").replace(
        "format_version = 1\n", 'format_version = 1\nprinciples = "bellen"\n'), "principles")


def _values() -> Iterator[Case]:
    """Valid TOML and a valid model, but values no TOML writer may write back."""

    def field(name: str, text: str, path: str) -> Case:
        return name, text, f"bij {path}"

    yield field("onbekend-2-tot-de-70", _after("format_version", f"groot = {2**70}\n"), "groot")
    yield field("onbekend-onder-int64", _after("format_version", f"klein = {-(2**63) - 1}\n"),
                "klein")
    yield field("onbekend-in-session", _after("catering", f"teller = {2**64}\n"),
                "session.teller")
    yield field("onbekend-in-tafel", _after('name = "Tafel 2"', f"volgnummer = {2**63}\n"),
                "tables[1].volgnummer")
    yield field("onbekend-in-lijst", _after("catering", f"reeks = [1, {2**70}]\n"),
                "session.reeks[1]")
    yield field("onbekend-in-inline-tabel", _after("catering", f"x = {{ y = {{ z = {2**65} }} }}\n"),
                "session.x.y.z")
    dotted = "x" + "".join(f".k{i}" for i in range(300)) + " = 1\n"
    yield field("punt-sleutel-300-diep", _after("format_version", dotted), "x.k0.k1.k2.k3.k4…")
    header = "[" + ".".join(f"k{i}" for i in range(40)) + "]\nx = 1\n"
    yield field("kop-40-diep", BASE + header, "k0.k1.k2.k3.k4.k5…")
    yield field("inline-32-diep-onder-session", _after("catering", "d = " + "{ a = " * 32 + "1"
                                                       + " }" * 32 + "\n"), "session.d.a.a.a.a…")
    yield field("lijst-32-diep-onder-session", _after("catering", "d = " + "[" * 32 + "]" * 32 + "\n"),
                "session.d[0][0][0][0]…")


def _ambiguous() -> Iterator[Case]:
    """Valid field by field, but the program would have to guess: refused."""
    yield "twee-tafels-een-id", _sub('id = "tafel-2"', 'id = "tafel-1"'), "bij tables[1].id"
    yield "twee-eigen-patronen-een-id", BASE + (
        '\n[[patterns]]\nid = "eigen-tafel-1"\ntitle = "Nog een"\nsteps = ["a", "b"]\n'
    ), "bij patterns[1].id"
    yield "plenair-met-twee-tafels", _sub('werkvorm = "tafels"', 'werkvorm = "plenair"'),\
        "bij session.werkvorm"


#: A good ``[[trash]]`` entry: a removed principle.
TRASH = """
[[trash]]
place = 0
removed_at = 2026-11-28T10:00:00Z

[trash.principle]
text = "Eerst luisteren."
"""


def _trash() -> Iterator[Case]:
    """The removed records kept to put back (``[[trash]]``): bad values give the path."""

    def field(name: str, old: str, new: str, path: str) -> Case:
        return name, BASE + _sub(old, new, TRASH), f"bij {path}"

    principle = '[trash.principle]\ntext = "Eerst luisteren."'
    moment = "removed_at = 2026-11-28T10:00:00Z"
    yield field("prullenbak-plaats-negatief", "place = 0", "place = -1", "trash[0].place")
    yield field("prullenbak-plaats-tekst", "place = 0", 'place = "eerste"', "trash[0].place")
    yield field("prullenbak-plaats-2-tot-de-70", "place = 0", f"place = {2**70}",
                "trash[0].place")
    yield field("prullenbak-tijd-tekst", moment, 'removed_at = "gisteren"',
                "trash[0].removed_at")
    yield field("prullenbak-tijd-zonder-tijdzone", moment, "removed_at = 2026-11-28T10:00:00",
                "trash[0].removed_at")
    yield field("prullenbak-tijd-9999", moment, "removed_at = 9999-12-31T23:00:00-05:00",
                "trash[0].removed_at")
    yield field("prullenbak-tijd-ontbreekt", moment + "\n", "", "trash[0].removed_at")
    yield field("prullenbak-tekst-getal", 'text = "Eerst luisteren."', "text = 7",
                "trash[0].principle.text")
    yield field("prullenbak-twee-dingen", principle,
                principle + '\n\n[trash.first_step]\ntext = "Bellen"', "trash[0]")
    yield field("prullenbak-tafel-zonder-naam", principle, '[trash.table]\nid = "tafel-9"',
                "trash[0].table.name")
    yield field("prullenbak-tafel-slecht-id", principle,
                '[trash.table]\nid = "Tafel 9"\nname = "Tafel 9"', "trash[0].table.id")
    yield field("prullenbak-patroon-een-stap", principle,
                '[trash.pattern]\nid = "eigen"\ntitle = "T"\nsteps = ["a"]',
                "trash[0].pattern.steps")
    yield field("prullenbak-principe-is-tekst", principle, 'principle = "Eerst luisteren."',
                "trash[0].principle")
    yield "prullenbak-is-tekst", _after("format_version", 'trash = "weg"\n'), "bij trash"


_GROUPS: tuple[Callable[[], Iterator[Case]], ...] = (
    _toml_syntax, _raw_text, _not_a_session, _model, _values, _ambiguous, _trash,
)


def bad_cases() -> list[Case]:
    """Every bad file: ``(name, content, expected fragment)``, names unique."""
    cases = [case for group in _GROUPS for case in group()]
    names = [name for name, _, _ in cases]
    assert len(names) == len(set(names)), "case names must be unique"
    return cases


# -- valid, however odd ------------------------------------------------------------------------

OddCase = tuple[str, str, tuple[str, ...]]


def odd_cases() -> list[OddCase]:
    """Files ``check`` accepts: ``(name, text, fragments of what opening says it set right)``."""
    deep_array = "[" * 31 + "1" + "]" * 31  # at the limit: 32 levels with the key's table
    return [
        ("onbekende-sleutels-overal", _after("catering", 'zaal = { naam = "Kolk", stoelen = 40 }\n')
         .replace("[notes]", 'ook = [1, "twee", 3.5, true, 2026-11-28]\n\n[notes]', 1)
         .replace('layer = "doel"', 'layer = "doel"\nkleur = "blauw"', 1)
         + '\n[toekomst]\nversie = "2"\n[[toekomst.dingen]]\nnaam = "een"\n', ()),
        ("grootste-en-kleinste-getallen", _after("format_version", f"groot = {2**63 - 1}\n"
                                                 f"klein = {-(2**63)}\nhex = 0x7fffffffffffffff\n"
                                                 "nan = nan\nmin-inf = -inf\n"), ()),
        ("diep-tot-de-grens", _after("format_version", f"diep = {deep_array}\n"), ()),
        ("laatste-dag-met-verschil", _sub("updated = 2026-11-28T10:02:13Z",
                                          "updated = 9999-12-31T00:00:00+23:59"), ()),
        ("vroegste-en-laatste-tijd", _sub("created = 2026-11-28T09:30:00Z",
                                          "created = 0001-01-02T00:00:00Z").replace(
            "updated = 2026-11-28T10:02:13Z", "updated = 9999-12-30T23:59:59.999Z"), ()),
        ("tijden-met-verschil", _sub("created = 2026-11-28T09:30:00Z",
                                     "created = 2026-11-28T23:30:00.123+14:00").replace(
            "updated = 2026-11-28T10:02:13Z", "updated = 2026-11-28 10:02:13-11:30"), ()),
        ("uiterste-datums", _sub("date = 2026-11-28", "date = 0001-01-01")
         .replace("catering", 'einde = 9999-12-31\ntijd = 23:59:59.999999\nlokaal = '
                  '9999-12-31T23:59:59\ncatering', 1), ()),
        ("unicode-en-richting", _sub('complexer = "Wethouder noemt de woningnood."',
                                     'complexer = "🏠 woningnood — שלום \u202eomgekeerd\u202c '
                                     'عربي \\u0000 nul \\r\\n crlf"\n"sleutel met ✓" = "ja"'),
         ("notes.complexer",)),
        ("crlf-overal", BASE.replace("\n", "\r\n"), ()),
        ("lange-tekst", _sub('herkenbaar = "Ja, elke week."',
                             'herkenbaar = """' + ("Heel lang verhaal. " * 5000) + '"""'), ()),
        ("timer-op-een-dag", _sub("timer_seconds_left = 812", "timer_seconds_left = 86400")
         .replace("timer_seconds_total = 1500", "timer_seconds_total = 86400"), ()),
        ("plenair-met-een-gesprek", _sub('werkvorm = "tafels"', 'werkvorm = "plenair"')
         .replace('[[tables]]\nid = "tafel-2"\nname = "Tafel 2"\nparticipants = "politie"\n'
                  'pattern = ""\nlayer = ""\n\n', ""), ()),
        ("plenair-zonder-gesprek", _sub('werkvorm = "tafels"', 'werkvorm = "plenair"',
                                        BASE[: BASE.index("[[tables]]")])
         .replace('table = "tafel-1"\n', ""), ("session.werkvorm",)),
        ("seconden-buiten-bereik", _after('table = "tafel-1"', "seconds = { tafels = "
                                          f"{2**63 - 1}, programma = -9223372036854775808 }}\n"),
         ("progress.seconds.tafels", "progress.seconds.programma")),
        ("zonder-timer-en-lijsten", BASE[: BASE.index("[[tables]]")]
         .replace("timer_seconds_left = 812\ntimer_running = false\ntimer_seconds_total = 1500\n",
                  "").replace('table = "tafel-1"\n', "") + '[[tables]]\nid = "t"\nname = "T"\n', ()),
        ("id-anders-dan-bestand", _sub(f'id = "{FILE_ID}"', 'id = "een-kopie"'), ("session.id",)),
        ("onbekende-tafel-in-progress", _sub('table = "tafel-1"\n\n', 'table = "tafel-9"\n\n'),
         ("progress.table",)),
        ("onbekend-scherm", _sub('screen = "tafels"', 'screen = "bestaat-niet"'),
         ("progress.screen",)),
        ("timer-over-totaal", _sub("timer_seconds_left = 812", "timer_seconds_left = 2000"),
         ("progress.timer_seconds_left",)),
        ("timer-over-programma", _sub("timer_seconds_left = 812", "timer_seconds_left = 3000")
         .replace("timer_seconds_total = 1500\n", ""), ("progress.timer_seconds_left",)),
        ("stap-bij-verdwenen-tafel", _sub('owner = "GGZ"\ntable = "tafel-1"',
                                          'owner = "GGZ"\ntable = "tafel-9"'),
         ("first_steps[0].table",)),
        ("stap-breekt-een-pijl", _sub('owner = "GGZ"\n', 'owner = "GGZ"\npattern = '
                                      '"wereldvrede"\nbreaks_after = 3\nlayer = "spelregels"\n'),
         ()),
        ("stap-bij-onbekend-patroon", _sub('owner = "GGZ"\n',
                                           'owner = "GGZ"\npattern = "weg"\nbreaks_after = 2\n'),
         ("first_steps[0].pattern",)),
        ("stap-pijl-voorbij-het-patroon", _sub('owner = "GGZ"\n', 'owner = "GGZ"\npattern = '
                                               '"eigen-tafel-1"\nbreaks_after = 7\n'),
         ("first_steps[0].breaks_after",)),
        ("stap-pijl-zonder-patroon", _sub('owner = "GGZ"\n', 'owner = "GGZ"\nbreaks_after = 1\n'),
         ("first_steps[0].breaks_after",)),
        ("eigen-patroon-met-deck-id", _sub('id = "eigen-tafel-1"', 'id = "wat-is-voorliggend"')
         .replace('pattern = "eigen-tafel-1"', 'pattern = "wat-is-voorliggend"'),
         ("patterns[0].id",)),
        ("onbekend-patroon-aan-tafel", _sub('pattern = ""', 'pattern = "weg"'),
         ("tables[1].pattern",)),
        ("prullenbak-met-alles", BASE + TRASH + TRASH.replace(
            '[trash.principle]\ntext = "Eerst luisteren."',
            '[trash.table]\nid = "tafel-2"\nname = "Dubbel id, teruggezet met een ander"\n'
            'onbekend = 1\n[trash.table.answers]\nherkenbaar = "Ja"') + TRASH.replace(
            '[trash.principle]\ntext = "Eerst luisteren."',
            '[trash.iets-nieuws]\nwat = "van een nieuwere versie"'), ()),
        # Merging: a record copied by hand with its uid, a uid that would name another
        # record's field, versions the app cannot have written (kept: a merge takes them
        # for a hand edit).
        ("uid-twee-keer", _sub('text = "Eerst bellen, dan nee zeggen."',
                               'text = "Eerst bellen, dan nee zeggen."\nuid = "p-1"\n\n'
                               '[[principles]]\ntext = "Met de hand erbij."\nuid = "p-1"'),
         ("principles[1].uid",)),
        ("uid-met-schuine-streep", _sub('participants = "politie"',
                                        'participants = "politie"\nuid = "t-tafel-1/answers"'),
         ("tables[1].uid",)),
        ("versies-met-de-hand", BASE + '\n[versions]\n"tables/t-tafel-1/answers/herkenbaar" = '
         '"1271cf25 w:\u00b2"\n"notes/complexer" = ""\n"session/title" = "a:-1 :1"\n'
         '"tables/t-tafel-2/name" = "1271cf25 w:' + "9" * 5000 + '"\n', ()),
    ]
