"""The default deck holds the workshop's slides, and the deck loader explains a bad deck file.

The expected content below is the workshop itself (titles, patterns in cycle order, questions,
principles, layers, phrases of every slide), written out here so that a slide body lost or
mangled in the deck file fails a test.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
import tomli_w

from patroon_tui.core.model.deck import DEFAULT_DECK_ID, Deck, DeckError, load_deck

# -- The workshop as it must be in the default deck ---------------------------------------

EXPECTED_PARTS = [
    ("opening", None, "Opening"),
    ("deel-1", 1, "Samenwerken in interafhankelijkheid"),
    ("deel-2", 2, "Patroonanalyse"),
    ("deel-3", 3, "Doorbreken"),
]

EXPECTED_SCREENS = [  # (part, screen id, kind, title) in programme order
    ("opening", "programma", "programme", "Programma"),
    ("opening", "hetzelfde-gesprek", "quote", "Hetzelfde type gesprek"),
    ("deel-1", "complexer", "text", "Organisatie in het publieke domein wordt complexer"),
    ("deel-1", "netwerksamenwerking", "text", "Leidt tot steeds meer netwerksamenwerking"),
    ("deel-1", "interafhankelijkheid", "text", "En dat betekent werken in ‘interafhankelijkheid’"),
    ("deel-1", "krachtig", "text", "Netwerksamenwerkingen zijn krachtig"),
    ("deel-1", "gedwongen", "text", "Maar het zijn ook ‘gedwongen netwerken’"),
    ("deel-1", "botsende-logicas", "quote", "Botsende logica’s"),
    ("deel-1", "moeilijk", "text", "Wat het moeilijk maakt"),
    ("deel-1", "onszelf", "text", "En dan hebben we ook onszelf nog"),
    ("deel-1", "de-oplossing", "text", "Op zoek naar ‘de’ oplossing"),
    ("deel-1", "belemmerende-patronen", "text", "Belemmerende patronen"),
    ("deel-2", "wat-is-het", "text", "Wat is het?"),
    ("deel-2", "wanneer", "text", "Wanneer?"),
    ("deel-2", "wat-levert-het-op", "text", "Wat levert het op?"),
    ("deel-2", "slagbomen-neer-bij-schaarste", "pattern", "Voorbeeld: ‘Slagbomen neer bij schaarste’"),
    ("deel-2", "tussen-wal-en-schip", "pattern", "Voorbeeld: ‘Tussen wal en schip’"),
    ("deel-2", "wat-is-voorliggend", "pattern", "Voorbeeld: ‘Wat is voorliggend?’"),
    ("deel-2", "wereldvrede", "pattern", "Voorbeeld: ‘Wereldvrede’"),
    ("deel-2", "in-gesprek", "conversation", "In gesprek"),
    ("deel-2", "tafels", "tables", "Aan tafel: wat zeggen de tafels?"),
    ("deel-3", "hoe-dan", "text", "Doorbreken? Hoe dan?"),
    ("deel-3", "leidende-principes", "text", "Leidende principes"),
    ("deel-3", "principes-voorbeeld", "text", "Voorbeeld"),
    ("deel-3", "eigen-principes", "principles", "Onze leidende principes"),
    ("deel-3", "samenwerkingsdriehoek", "text", "De samenwerkingsdriehoek"),
    ("deel-3", "driehoek", "triangle", "De drie lagen van de driehoek"),
    ("deel-3", "eerste-stappen", "first_steps", "Eerste stappen"),
    ("deel-3", "vragen", "text", "Vragen? Neem contact met ons op"),
    ("deel-3", "samenvatting", "summary", "Samenvatting"),
]

EXPECTED_PATTERNS = {  # id -> (title, steps in cycle order: each causes the next)
    "slagbomen-neer-bij-schaarste": (
        "Slagbomen neer bij schaarste",
        [
            "Tijden van schaarste qua capaciteit en expertise.",
            "Om drukte beheersbaar te houden wordt inzet door de organisaties individueel afgebakend.",
            "Bij complexe casuïstiek die niet perfect past gaan alle ‘slagbomen’ naar beneden.",
            "Weinig ruimte voor creativiteit in probleemoplossend vermogen. Opgave staat niet centraal.",
            "Casuïstiek blijft hangen. Organisaties houden vast aan eigen beheerstrategie.",
            "Extra gesprekken kosten veel tijd. Gezamenlijke beheerstrategie ontbreekt.",
        ],
    ),
    "tussen-wal-en-schip": (
        "Tussen wal en schip",
        [
            "Tijden van schaarste qua woningen en middelen om zorg te bieden aan inwoners.",
            "Lastige keuzes voor organisaties. De focus komt te liggen op (het versterken van) de eigen kracht en zelfredzaamheid van de inwoner.",
            "Een kwetsbare inwoner die geen woning heeft, maar wel een slaapplek, kan niet geholpen worden.",
            "Door het niet hebben van een vaste plek neemt de spanning toe in het leven van de inwoner.",
            "De problematiek van de inwoner neemt toe. Bijvoorbeeld psychisch of op het gebied van verslaving. Organisaties moeten handelen.",
            "Geen tijdige hulp voor de inwoner in een vroeger stadium. Uiteindelijk duur maatwerk nodig.",
        ],
    ),
    "wat-is-voorliggend": (
        "Wat is voorliggend?",
        [
            "Er is een complexe domeinoverstijgende casus. Problemen grijpen op elkaar in.",
            "Organisaties kijken naar elkaar: wie is er aan zet?",
            "De druk loopt op. Iemand moet iets gaan doen.",
            "Organisaties proberen elkaar te overtuigen over wat voorliggend is. De casus wordt als een hete aardappel doorgeschoven.",
            "In gesprek komt focus te liggen op wat eerst moet gebeuren.",
            "De casus blijft hangen en relaties komen onder druk te staan. Casus wordt mogelijk geëscaleerd.",
        ],
    ),
    "wereldvrede": (
        "Wereldvrede",
        [
            "Er doet zich een complex vraagstuk voor.",
            "Op abstract niveau zijn partners het eens: ‘Hier moeten we iets mee.’ (gemeenschappelijkheid)",
            "Er wordt een opdracht uitgezet om stappen te gaan zetten met elkaar.",
            "Een gezamenlijke visie ontbreekt.",
            "Bij het inzoomen op het vraagstuk, zijn er verschillende (botsende) perspectieven op het probleem, wat nodig is én uiteenlopende belangen.",
            "Het lukt niet om partijen om tafel te krijgen en capaciteit te leveren. Prioriteiten elders. Vraagstuk wordt niet ‘opgelost’.",
        ],
    ),
}

EXPECTED_QUESTIONS = [  # (id, kind, text); the ids are the keys of a table's answers
    ("patroon", "choice", "Selecteer met elkaar een patroon."),
    ("herkenbaar", "text", "Vind je het patroon herkenbaar? Wat zie je gebeuren in de praktijk?"),
    (
        "bijdrage",
        "text",
        "Hoe draag jij of jouw organisatie (onbedoeld) bij aan het in stand houden van dit patroon?",
    ),
    ("eerste-stap", "text", "Welk eerste stapje zie je om het patroon te doorbreken?"),
    (
        "voor-jezelf",
        "text",
        "Voor jezelf: heb je op dit moment situaties waarin het uitvoeren van een patroonanalyse helpend kan zijn?",
    ),
]

EXPECTED_PRINCIPLES = [
    "We beschouwen een casus van één als een casus van ons allemaal. Niemand is in z’n eentje verantwoordelijk. ‘Samen uit samen thuis.’ Jouw cliënt is mijn cliënt.",
    "Als één partij in een casus een stap naar voren moet zetten, bieden we diegene steun en ondersteuning.",
    "We praten niet meer over wat voorliggend is maar over wat nodig is in het belang van de inwoner en de maatschappij.",
    "We hebben oor en oog voor elkaars (on)mogelijkheden, belangen en perspectieven; we mogen deze aan elkaar kenbaar maken.",
    "In het voorhuis bedenken we de oplossing en in het achterhuis reken we af (m.b.t. de wet en financiering).",
    "We zijn open en eerlijk over onze motieven. We mogen elkaar daarop aanspreken. We zorgen daarom voor een sfeer waarin ruimte is om elkaar vragen te stellen en aan te spreken.",
    "We gaan niet op elkaars stoel zitten; we erkennen, respecteren en waarderen elkaars expertise en professionaliteit.",
]

EXPECTED_LAYERS = [  # top to bottom: (id, title, questions)
    ("doel", "Over doel en vakinhoud", []),
    (
        "spelregels",
        "Over spelregels",
        [
            "Wie doet wanneer mee?",
            "Wie heeft welke taken, verantwoordelijkheden, bevoegdheden?",
            "Wie heeft toegang tot welke informatie?",
            "Wanneer doe je je werk goed (en hoe weet je of je het goed/niet goed doet?)",
            "Hoe worden besluiten genomen?",
            "Hoe lossen we meningsverschillen en conflicten op?",
        ],
    ),
    (
        "relatie",
        "Over relatienetwerk en onderling samenspel",
        [
            "Is er voldoende contact?",
            "En is er in dit contact voldoende waardering, vertrouwen en respect om goed samen te kunnen werken?",
        ],
    ),
]

DOEL_PHRASES = [
    "Wat is het waartoe van onze bezigheden en welke inhoud hoort daarbij om dat te realiseren.",
    "Doelen hoeven niet altijd heel groots te zijn.",
    "Doelen zijn vaak te groots, abstract, competitief waardoor ze systemen onder druk zetten.",
    "Ze zijn vaak ook onbegrensd terwijl geld, mensen, expertise dat wel zijn. We weten dat allemaal, maar maken het vaak niet expliciet.",
]

# Distinctive phrases of every slide with text: each must survive in the screen's body.
SLIDE_PHRASES = {
    "programma": [
        "Introductie samenwerken in interafhankelijkheid",
        "Toelichting patroonanalyse",
        "In gesprek over belemmerende patronen in de samenwerking en hoe deze te doorbreken",
    ],
    "hetzelfde-gesprek": ["We voeren steeds hetzelfde type gesprek met elkaar."],
    "complexer": [
        "Toename complexe beleidsproblemen (wicked problems: stikstof, woningnood, klimaat, personen met onbegrepen gedrag, dakloosheid)",
        "Decentralisaties (Jeugdzorg, sociaal domein)",
        "Bezuinigingen/stelselwijzigingen",
        "Steeds meer verschillende typen organisaties",
    ],
    "interafhankelijkheid": [
        "Partners hebben niet dezelfde doelen of belangen.",
        "Maar partners hebben elkaar wel nodig om eigen doelen/belangen te bereiken.",
        "Niet alle partijen zijn op dezelfde manier afhankelijk van elkaar.",
        "Benodigde verbinding kan verschillen per deelopgave/ betrokken partijen.",
        "Eigen belang moet gediend worden om gecommitteerd te blijven.",
    ],
    "krachtig": [
        "Ze bestaan bij gratie van ‘sterke’ en ‘zwakke’ verbindingen.",
        "(juist wat niet in de eigen organisatie, domein of kolom georganiseerd kan worden)",
        "Combineren verschillende perspectieven en leren van en met elkaar.",
        "Creëren verandering in kleine stappen in de tussenruimte.",
    ],
    "gedwongen": [
        "Wat merken we daarvan?",
        "Onduidelijk commitment",
        "Procedures ter discussie stellen",
        "Verschillende abstractieniveaus",
        "Verschillend type functionarissen in overleggen",
        "Afwachtendheid",
        "Afbakengedrag’ (waar ben ik wel/niet van)",
    ],
    "botsende-logicas": [
        "Het zou helpen als iemand doorzettingsmacht zou hebben en meer kan sturen.",
        "Als een partij een stap extra zet werkt dat ook motiverend voor andere partijen.",
    ],
    "moeilijk": [
        "Samenwerking gaat altijd over ‘grijs gebied’ (dat wat anders tussen wal en schip valt, wat niet in één domein past).",
        "Dan moet je soms even out of the box denken.",
        "onder het mom van ‘we kunnen niets doen’",
        "Samenwerkingsstructuren zijn niet sluitend en ook niet sluitend te krijgen omdat de werkelijkheid weerbarstig is.",
        "Samenwerking gaat altijd gepaard met schuring: het past nooit perfect…",
        "Er ontbreken altijd een paar vinkjes. We kunnen niet, want…(…)",
        "wie heeft de beste papieren en de beste interventiemogelijkheden?",
    ],
    "onszelf": [
        "We kijken vanuit ons eigen ‘frame’",
        "Het is toch helder wat er moet gebeuren",
        "zijn gebaseerd op gebeurtenissen/ervaringen uit het verleden; functie en omgeving; cultuur; opleiding etc.",
        "liggen vaak onder belangen, moeilijk om expliciet te maken",
        "Maar ze zijn selectief:",
        "We koppelen gebeurtenissen aan algemeen bekende gebeurtenissen of gebeurtenissen uit het verleden",
        "We willen dat een verhaal ‘logisch’ en verklaarbaar is",
    ],
    "de-oplossing": [
        "Perfecte beheersing ‘grensconflicten’ of afbakengedrag (Wie is waarvoor precies verantwoordelijk? Wie doet precies wat?)",
        "Streven naar perfect afgestemde processen/doelstellingen",
        "→ Dit draagt bij aan belemmerende patronen in de samenwerking.",
        "Wat zien we dan vaak gebeuren?",
    ],
    "belemmerende-patronen": [
        "Gebrek aan (h)erkenning van frames leidt tot herhaling: we komen met elkaar vast te zitten",
        "We voeren steeds hetzelfde gesprek met elkaar.",
        "We komen steeds ongewild in dezelfde situaties terecht.",
        "Het risico van inhoudelijk reageren is dat je zelf onderdeel wordt van de dynamiek.",
        "Beter is het om visueel patronen op te stellen:",
    ],
    "wat-is-het": [
        "Patronen identificeren die de effectiviteit van de samenwerking of de inzet van partners belemmeren.",
    ],
    "wanneer": [
        "Veelal in context van samenwerking in ‘gedwongen netwerken’:",
        "Bij partners die steeds in hetzelfde type ongewilde situaties/gesprekken belanden",
        "Bij langdurige en hardnekkige problemen die zich blijven herhalen",
        "Wanneer ‘normale’ interventies (te) weinig uithalen",
    ],
    "wat-levert-het-op": [
        "(Meta)taal om de samenwerking en inzet te bespreken op een ontschuldigende wijze",
        "Inzicht in de diverse perspectieven en interafhankelijkheden",
        "Ruimte voor betekenisgeving vanuit verschillende partners",
        "Inzicht in onverwachte en mogelijk ongewenste effecten van maatregelen, acties en interventies",
        "Identificeren van eerste stappen om belemmerende patronen te doorbreken",
    ],
    "in-gesprek": [
        "Plenair gesprek over ‘doorbreken patronen’",
        "Aan tafel in gesprek over de patronen (25 minuten)",
        "Mogelijkheid voor één tafel om een eigen patroon te identificeren.",
    ],
    "hoe-dan": [
        "Patroon herkennen en bespreekbaar maken (metataal). Dat kan op zichzelf al voor doorbraak zorgen",
        "Op zoek naar waar en hoe je elkaar nodig hebt",
        "Identificeren wat je gedeelde / overlappende opgave is",
        "Vormgeven samenspel in plaats van taakafbakening",
        "Blijven leren en reflecteren, o.a. op onderliggende aannames",
        "Pragmatische leidende principes voor samenwerking: ‘wat doen we als …’, zowel voor uitvoering als voor management en bestuur",
        "Speel met de samenwerkingsdriehoek",
        "Imperfectie verdragen in de complexiteit",
    ],
    "leidende-principes": [
        "Worden gedeeld door alle samenwerkingspartners;",
        "Geven richting aan uitvoering en besluitvorming in complexe samenwerking tussen organisaties;",
        "Helpen bij het vasthouden van een manier van samenwerken in een netwerk;",
        "Helpen bij het overdragen van deze manier aan nieuwe partners en partners die verder van het netwerk afstaan;",
        "Worden vanuit de praktijk permanent geëvalueerd en waar nodig aangepast",
    ],
    "principes-voorbeeld": ["Naar aanleiding van een casusevaluatie met bestuurders:", "Samen uit samen thuis"],
    "samenwerkingsdriehoek": [
        "Twee mechanismen:",
        "Systemen onder druk vallen in herhaling en doen steeds hetzelfde om uit de impasse te komen",
        "Maar in die laag gaat de oplossing niet meer gevonden worden",
        "Gedoe zakt van boven naar beneden.",
        "utopische of toxische doelen maken het systeem onwerkbaar",
        "investeer in doelen en spelregels die voor het systeem als geheel werken.",
        "Bron: Marijke Spanjersberg",
    ],
    "vragen": ["www.platform-sociaaldomein.nl", "https://platform-sociaaldomein.nl/onderwerpen", "Martijn.simons@vng.nl", "Platformsociaaldomein@VNG.nl"],
}

# How the slides' structure must come out in Markdown: (top-level bullets, nested bullets,
# blockquotes) per screen.
SLIDE_SHAPES = {
    "hetzelfde-gesprek": (0, 0, 1),
    "complexer": (5, 0, 0),
    "interafhankelijkheid": (5, 0, 0),
    "krachtig": (4, 0, 0),
    "gedwongen": (6, 0, 0),
    "botsende-logicas": (0, 0, 2),
    "moeilijk": (3, 0, 2),
    "onszelf": (3, 7, 1),
    "de-oplossing": (2, 0, 0),
    "belemmerende-patronen": (3, 0, 0),
    "wanneer": (3, 0, 0),
    "wat-levert-het-op": (5, 0, 0),
    "in-gesprek": (0, 0, 0),  # its questions are the deck's [[questions]]
    "hoe-dan": (8, 0, 0),
    "leidende-principes": (5, 0, 0),
    "principes-voorbeeld": (7, 0, 0),
}

APP_SCREENS = ["tafels", "eigen-principes", "driehoek", "eerste-stappen", "samenvatting"]


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load_deck()


def _shape(body: str) -> tuple[int, int, int]:
    lines = body.splitlines()
    top = sum(1 for line in lines if line.startswith("- "))
    nested = sum(1 for line in lines if line.startswith("  - "))
    quotes = sum(1 for line in lines if line.lstrip().startswith("> "))
    return top, nested, quotes


# -- The programme ------------------------------------------------------------------------


def test_parts_in_order(deck: Deck) -> None:
    assert [(p.id, p.number, p.title) for p in deck.parts] == EXPECTED_PARTS


def test_every_screen_in_programme_order(deck: Deck) -> None:
    got = [
        (part.id, screen.id, screen.kind, screen.title)
        for part in deck.parts
        for screen in part.screens
    ]
    assert got == EXPECTED_SCREENS


def test_contract_screens_sit_where_the_app_expects_them(deck: Deck) -> None:
    ids = [screen.id for screen in deck.screens]
    assert ids[0] == "programma"
    assert ids[-1] == "samenvatting"
    assert ids[ids.index("in-gesprek") + 1] == "tafels"


def test_deck_identity(deck: Deck) -> None:
    assert deck.id == DEFAULT_DECK_ID
    assert deck.title == "Samenwerken in interafhankelijkheid"


# -- Slide texts --------------------------------------------------------------------------


def test_no_placeholder_left_in_the_deck_file() -> None:
    text = resources.files("patroon_tui.decks").joinpath(f"{DEFAULT_DECK_ID}.toml").read_text(
        encoding="utf-8"
    )
    assert "TODO" not in text


@pytest.mark.parametrize("screen_id", sorted(SLIDE_PHRASES))
def test_slide_text_is_in_the_screen_body(deck: Deck, screen_id: str) -> None:
    body = deck.screen(screen_id).body
    missing = [phrase for phrase in SLIDE_PHRASES[screen_id] if phrase not in body]
    assert missing == []


def test_every_slide_with_text_has_a_body(deck: Deck) -> None:
    # "Leidt tot steeds meer netwerksamenwerking" is a slide with a title only.
    without = [
        s.id
        for s in deck.screens
        if s.kind in ("text", "quote", "conversation", "programme") and not s.body.strip()
    ]
    assert without == ["netwerksamenwerking"]


@pytest.mark.parametrize("screen_id", sorted(SLIDE_SHAPES))
def test_bullets_and_quotes_are_markdown(deck: Deck, screen_id: str) -> None:
    assert _shape(deck.screen(screen_id).body) == SLIDE_SHAPES[screen_id]


def test_the_arrow_lines_are_kept(deck: Deck) -> None:
    assert "\n→ Dit draagt bij aan belemmerende patronen in de samenwerking.\n" in (
        deck.screen("de-oplossing").body
    )


@pytest.mark.parametrize("screen_id", APP_SCREENS)
def test_app_screens_introduce_themselves_in_one_line(deck: Deck, screen_id: str) -> None:
    body = deck.screen(screen_id).body.strip()
    assert body
    assert "\n" not in body


def test_every_screen_has_a_facilitator_hint(deck: Deck) -> None:
    assert [s.id for s in deck.screens if not s.hint.strip()] == []


def test_hints_are_short(deck: Deck) -> None:
    # A hint is one or two sentences in the notes pane, not a second slide.
    too_long = [s.id for s in deck.screens if len(s.hint) > 220]
    assert too_long == []


# -- Example patterns ---------------------------------------------------------------------


def test_example_patterns_in_cycle_order(deck: Deck) -> None:
    got = {p.id: (p.title, list(p.steps)) for p in deck.patterns}
    assert got == EXPECTED_PATTERNS
    assert [p.id for p in deck.patterns] == list(EXPECTED_PATTERNS)


@pytest.mark.parametrize("pattern_id", list(EXPECTED_PATTERNS))
def test_each_pattern_has_its_own_screen_with_its_id(deck: Deck, pattern_id: str) -> None:
    screen = deck.screen(pattern_id)
    assert screen.kind == "pattern"
    assert screen.pattern == pattern_id
    assert deck.pattern(pattern_id).title in screen.title


# -- The conversation ---------------------------------------------------------------------


def test_the_table_conversation_lasts_25_minutes(deck: Deck) -> None:
    assert deck.timer_minutes == 25
    assert "25 minuten" in deck.screen("in-gesprek").body


def test_questions_with_their_ids(deck: Deck) -> None:
    assert [(q.id, q.kind, q.text) for q in deck.questions] == EXPECTED_QUESTIONS
    assert [q.id for q in deck.text_questions] == [
        "herkenbaar",
        "bijdrage",
        "eerste-stap",
        "voor-jezelf",
    ]


def test_the_conversation_body_does_not_repeat_the_questions(deck: Deck) -> None:
    # The slide shows the deck's questions after its body (numbered, once); a body that
    # listed them too showed each question twice.
    body = deck.screen("in-gesprek").body
    assert [q.id for q in deck.questions if q.text in body] == []


# -- Principles and the triangle ----------------------------------------------------------


def test_the_seven_example_principles(deck: Deck) -> None:
    assert deck.principles == EXPECTED_PRINCIPLES


def test_the_example_slide_lists_the_same_principles_as_bullets(deck: Deck) -> None:
    body = deck.screen("principes-voorbeeld").body
    bullets = [line[2:] for line in body.splitlines() if line.startswith("- ")]
    assert bullets == EXPECTED_PRINCIPLES


def test_layers_top_to_bottom_with_their_questions(deck: Deck) -> None:
    got = [(layer.id, layer.title, list(layer.questions)) for layer in deck.layers]
    assert got == EXPECTED_LAYERS
    assert [len(layer.questions) for layer in deck.layers] == [0, 6, 2]


def test_the_doel_layer_explains_itself(deck: Deck) -> None:
    body = deck.layers[0].body
    assert [phrase for phrase in DOEL_PHRASES if phrase not in body] == []


# -- Loading other deck files -------------------------------------------------------------


def _tiny_deck() -> dict:
    return {
        "format": "patroon-deck",
        "id": "mini",
        "title": "Mini-workshop",
        "timer_minutes": 10,
        "parts": [
            {
                "id": "enige",
                "title": "Het enige deel",
                "screens": [
                    {"id": "welkom", "kind": "text", "title": "Welkom", "body": "- Hallo"},
                    {
                        "id": "rondje",
                        "kind": "pattern",
                        "title": "Rondje",
                        "pattern": "rondje",
                    },
                ],
            }
        ],
        "patterns": [{"id": "rondje", "title": "Rondje", "steps": ["A gebeurt.", "B volgt."]}],
        "questions": [{"id": "wat", "text": "Wat zie je?"}],
        "principles": ["Samen."],
        "layers": [{"id": "doel", "title": "Doel"}],
    }


def _write(tmp_path: Path, data: dict, name: str = "deck.toml") -> Path:
    path = tmp_path / name
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def _load_error(path: Path) -> str:
    with pytest.raises(DeckError) as caught:
        load_deck(path)
    message = str(caught.value)
    # What the user reads: one line about their file, not a traceback or a pydantic dump.
    assert str(path) in message
    assert "\n" not in message
    assert "pydantic" not in message and "Traceback" not in message
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    return message


def test_load_another_deck_file(tmp_path: Path) -> None:
    path = _write(tmp_path, _tiny_deck())
    deck = load_deck(path)
    assert deck.id == "mini"
    assert deck.timer_minutes == 10
    assert [s.id for s in deck.screens] == ["welkom", "rondje"]
    assert deck.pattern("rondje").steps == ["A gebeurt.", "B volgt."]
    assert load_deck(str(path)) == deck


OSC = "\x1b]0;gekaapt\x07"


def test_a_decks_control_characters_are_made_visible_as_it_is_read(tmp_path: Path) -> None:
    # Every text a screen, the audience window or the report shows: one escape, at loading.
    data = _tiny_deck()
    data["title"] += OSC
    screen = data["parts"][0]["screens"][0]
    screen.update(title="Welkom" + OSC, body="- Hallo" + OSC + "\n- regel\ttwee",
                  hint="Tip" + OSC + "\x9b2J")
    data["parts"][0]["title"] += OSC
    data["patterns"][0]["steps"][0] += OSC
    data["patterns"][0]["title"] += OSC
    data["questions"][0]["text"] += OSC
    data["principles"][0] += OSC
    data["layers"][0].update(title="Doel" + OSC, body="Uitleg" + OSC, questions=["Wie?" + OSC])
    deck = load_deck(_write(tmp_path, data))
    texts = [deck.title, deck.parts[0].title, deck.principles[0], deck.questions[0].text]
    texts += [deck.screens[0].title, deck.screens[0].hint, deck.pattern("rondje").title]
    texts += deck.pattern("rondje").steps + [deck.layers[0].title, deck.layers[0].body]
    texts += deck.layers[0].questions
    assert all("\x1b" not in text and "\x07" not in text for text in texts), texts
    assert deck.screens[0].title == "Welkom\\x1b]0;gekaapt\\x07"
    assert deck.screens[0].hint == "Tip\\x1b]0;gekaapt\\x07\\x9b2J"
    # Line ends and tabs are the text's own: kept, as in typed text.
    assert deck.screens[0].body == "- Hallo\\x1b]0;gekaapt\\x07\n- regel\ttwee"


def test_load_the_default_deck_by_path_gives_the_same_deck(deck: Deck) -> None:
    with resources.as_file(
        resources.files("patroon_tui.decks").joinpath(f"{DEFAULT_DECK_ID}.toml")
    ) as path:
        assert load_deck(path) == deck


def test_missing_file(tmp_path: Path) -> None:
    message = _load_error(tmp_path / "bestaat-niet.toml")
    assert "bestaat niet" in message


def test_folder_instead_of_file(tmp_path: Path) -> None:
    assert "map" in _load_error(tmp_path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('title = "Café"\n'.encode("latin-1"))
    assert "UTF-8" in _load_error(path)


def test_not_toml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "kapot.toml"
    path.write_text('id = "mini"\ntitle = "Mini"\ndit is geen toml\n', encoding="utf-8")
    message = _load_error(path)
    assert "regel 3" in message
    assert "dit is geen toml" in message


def test_duplicate_screen_id(tmp_path: Path) -> None:
    data = _tiny_deck()
    data["parts"][0]["screens"][1]["id"] = "welkom"
    message = _load_error(_write(tmp_path, data))
    assert "parts[0].screens[1].id" in message
    assert "'welkom'" in message


def test_pattern_screen_naming_an_unknown_pattern(tmp_path: Path) -> None:
    data = _tiny_deck()
    data["parts"][0]["screens"][1]["pattern"] = "vierkantje"
    message = _load_error(_write(tmp_path, data))
    assert "parts[0].screens[1].pattern" in message
    assert "'vierkantje'" in message
    assert "'rondje'" in message  # the patterns that do exist


def test_pattern_screen_naming_no_pattern(tmp_path: Path) -> None:
    data = _tiny_deck()
    del data["parts"][0]["screens"][1]["pattern"]
    assert "parts[0].screens[1].pattern" in _load_error(_write(tmp_path, data))


@pytest.mark.parametrize(
    ("count", "expected"), [(1, "minstens 2"), (13, "hoogstens 12")]
)
def test_pattern_with_too_few_or_too_many_steps(tmp_path: Path, count: int, expected: str) -> None:
    data = _tiny_deck()
    data["patterns"][0]["steps"] = [f"Stap {n}." for n in range(1, count + 1)]
    message = _load_error(_write(tmp_path, data))
    assert "patterns[0].steps" in message
    assert "'rondje'" in message
    assert expected in message


def test_unknown_screen_kind_lists_the_kinds(tmp_path: Path) -> None:
    data = _tiny_deck()
    data["parts"][0]["screens"][0]["kind"] = "dia"
    message = _load_error(_write(tmp_path, data))
    assert "parts[0].screens[0].kind" in message
    assert "'text'" in message


def test_missing_field_and_count_of_other_problems(tmp_path: Path) -> None:
    data = _tiny_deck()
    del data["title"]
    del data["parts"][0]["screens"][0]["title"]
    message = _load_error(_write(tmp_path, data))
    assert "title: dit veld ontbreekt" in message
    assert "en nog 1 fout" in message


def test_duplicate_question_id(tmp_path: Path) -> None:
    data = _tiny_deck()
    data["questions"].append({"id": "wat", "text": "Nog eens?"})
    assert "questions[1].id" in _load_error(_write(tmp_path, data))


# -- The deck's typography ----------------------------------------------------------------


def _deck_strings() -> list[str]:
    """Every text of the default deck file (titles, bodies, hints, steps, questions…)."""
    import tomllib

    data = tomllib.loads(
        resources.files("patroon_tui.decks").joinpath(f"{DEFAULT_DECK_ID}.toml").read_text(
            encoding="utf-8"
        )
    )
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return found


def _quote_trouble(text: str) -> list[str]:
    """What is wrong with the quotation marks of ``text`` (empty: Dutch style throughout).

    Dutch style is ‘…’ and “…”; a ’ between two letters is an apostrophe (z’n,
    logica’s). Straight quotes, a closing mark without its opening one (or the
    other way round) and an opening mark used to close are reported.
    """
    trouble = [f"straight quote {mark!r}" for mark in "'\"" if mark in text]
    closing = {"‘": "’", "“": "”"}
    opened = {mark: False for mark in closing}
    for index, char in enumerate(text):
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if char == "’" and before.isalpha() and after.isalpha():
            continue  # an apostrophe
        near = repr(text[max(0, index - 20):index + 20])
        for mark, close in closing.items():
            if char == mark:
                if opened[mark]:
                    trouble.append(f"{mark} opened twice near {near}")
                opened[mark] = True
            elif char == close:
                if not opened[mark]:
                    trouble.append(f"{close} without {mark} near {near}")
                opened[mark] = False
    if any(opened.values()):
        trouble.append(f"a quotation left open in {text[:40]!r}")
    return trouble


def test_the_deck_uses_dutch_quotation_marks_throughout() -> None:
    trouble = [(text[:30], problem) for text in _deck_strings() for problem in _quote_trouble(text)]
    assert trouble == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("'Samen uit samen thuis.’", "straight quote"),
        ("“Het zou helpen.“", "opened twice"),
        ("’Afbakengedrag’", "without"),
        ("‘grijs gebied", "left open"),
    ],
)
def test_the_quotation_check_finds_mixed_marks(text: str, problem: str) -> None:
    assert any(problem in found for found in _quote_trouble(text))


def test_the_quotation_check_lets_apostrophes_and_nesting_pass() -> None:
    assert _quote_trouble("Niemand is in z’n eentje; “onder het mom van ‘niets’ doen”.") == []


def test_the_deck_puts_a_space_after_arrows_and_sentences() -> None:
    import re

    # "→Dit" and "driehoek).Maar" read as one word on a slide; e-mail and web addresses
    # ("vng.nl") have no capital after their dot, so they pass.
    glued = [
        match.group(0)
        for text in _deck_strings()
        for match in re.finditer(r"→\S|[a-zà-ÿ)][.!?;:][A-Z]", text)
    ]
    assert glued == []


#: The slides' typing errors and what the deck says instead: (the slide's words, the deck's).
SEED_CORRECTIONS = [
    ("iemand uit het ook verliezen", "iemand uit het oog verliezen"),
    ("Jouw client is mijn client.", "Jouw cliënt is mijn cliënt."),
    ("(m.b.t. tot de wet en financiering)", "(m.b.t. de wet en financiering)"),
    ("de inzet van partners belemmert.", "de inzet van partners belemmeren."),
    ("Gebrek aan (h) erkenning", "Gebrek aan (h)erkenning"),
    ("een paar vinkjes. we kunnen niet", "een paar vinkjes. We kunnen niet"),
    ("perspectieven; We mogen", "perspectieven; we mogen"),
    ("zitten; We erkennen", "zitten; we erkennen"),
    ("Verschillende abstractieniveau’s", "Verschillende abstractieniveaus"),
]


@pytest.mark.parametrize(("seed", "corrected"), SEED_CORRECTIONS)
def test_the_slides_typing_errors_are_corrected_with_the_slides_wording_beside(
        seed: str, corrected: str) -> None:
    import tomllib

    text = resources.files("patroon_tui.decks").joinpath(f"{DEFAULT_DECK_ID}.toml").read_text(
        encoding="utf-8")
    strings = _deck_strings()
    assert any(corrected in s for s in strings)
    assert not any(seed in s for s in strings)
    # The slide's wording stays in the file, in a comment, for whoever checks the deck
    # against the slides; the comment is no text of the deck.
    comments = " ".join(" ".join(
        line.split("#", 1)[1] for line in text.splitlines() if line.lstrip().startswith("#")
    ).split())
    assert seed in comments
    assert tomllib.loads(text)  # still a deck file


def test_the_closing_slide_links_the_platforms_topics(deck: Deck) -> None:
    assert "https://platform-sociaaldomein.nl/onderwerpen" in deck.screen("vragen").body


def test_the_triangle_slide_draws_the_triangle(deck: Deck) -> None:
    assert deck.screen("samenwerkingsdriehoek").figure == "triangle"
    assert [s.id for s in deck.screens if s.figure] == ["samenwerkingsdriehoek"]


def test_a_pattern_names_its_slow_arrows(tmp_path: Path) -> None:
    data = _tiny_deck()
    data["patterns"][0]["slow"] = [2, 1]
    assert load_deck(_write(tmp_path, data)).pattern("rondje").slow == [1, 2]
    del data["patterns"][0]["slow"]
    assert load_deck(_write(tmp_path, data)).pattern("rondje").slow == []


@pytest.mark.parametrize("arrow", [0, 3, -1])
def test_a_slow_arrow_the_pattern_does_not_have_is_refused_in_dutch(
    tmp_path: Path, arrow: int
) -> None:
    data = _tiny_deck()
    data["patterns"][0]["slow"] = [1, arrow]
    message = _load_error(_write(tmp_path, data, "mijn-workshop.toml"))
    assert "patterns[0].slow" in message and "'rondje'" in message
    assert f"pijl {arrow} bestaat niet" in message
    assert "het patroon heeft 2 stappen" in message


def test_the_default_deck_marks_where_its_slides_say_time_passes() -> None:
    deck = load_deck()
    assert deck.pattern("tussen-wal-en-schip").slow == [5]  # "Uiteindelijk duur maatwerk"
    assert deck.pattern("wereldvrede").slow == []


@pytest.mark.parametrize(("review", "said"), [
    ({"id": "welkom", "kind": "review", "title": "Terugblik"},
     "scherm-id 'welkom' is al een scherm van het programma"),
    ({"id": "enige", "kind": "review", "title": "Terugblik"},
     "scherm-id 'enige' is al een deel van het programma"),
    ({"id": "terugblik", "kind": "text", "title": "Terugblik"},
     "de terugblik moet kind = \"review\" hebben"),
])
def test_a_look_back_the_programme_would_hide_is_refused_in_dutch(
    tmp_path: Path, review: dict, said: str
) -> None:
    """A follow-up opens on the deck's look back, put in front of the programme as a part
    of its own: with the id of a screen or part already there, or as another kind of
    screen, a follow-up would open without any look back, and nobody would be told."""
    data = _tiny_deck()
    data["review"] = review
    message = _load_error(_write(tmp_path, data, "mijn-workshop.toml"))
    assert "review" in message and said in message


def test_a_look_back_of_its_own_is_loaded(tmp_path: Path) -> None:
    data = _tiny_deck()
    data["review"] = {"id": "kijk-terug", "kind": "review", "title": "Kijk terug"}
    review = load_deck(_write(tmp_path, data)).review
    assert review is not None and (review.id, review.title) == ("kijk-terug", "Kijk terug")
