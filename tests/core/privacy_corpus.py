"""Realistic texts a facilitator types while a room talks, with the personal data each holds.

Each entry is a text and what the privacy check must find in it: ``(kind, text as typed)``
per finding, in order. The numbers are made up but valid where they pose as personal data
(BSNs pass the 11-proef, IBANs their mod-97 check digits); the texts without findings hold
what must not be flagged: amounts, dates, postcodes, case, file and invoice numbers, and
nine-digit numbers that pass the 11-proef but are not a person's.
"""

from __future__ import annotations

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
NB_HYPHEN = "\u2011"
EN_DASH = "\u2013"

Expected = tuple[tuple[str, str], ...]

WITH_PERSONAL_DATA: list[tuple[str, Expected]] = [
    # BSN, whole and grouped, before punctuation.
    ("Mevrouw met BSN 123456782, ze woont in Noord.", (("bsn", "123456782"),)),
    ("bsn 628194821.", (("bsn", "628194821"),)),
    ("Cliënt (BSN 252760189) is bekend bij het wijkteam.", (("bsn", "252760189"),)),
    ("BSN: 1234-56-782 staat in het dossier", (("bsn", "1234-56-782"),)),
    ("Burgerservicenummer 111 22 2333 genoemd", (("bsn", "111 22 2333"),)),
    ("zijn bsn is 5075.29.170; graag nagaan", (("bsn", "5075.29.170"),)),
    ("BSN 121 547 280 bij de huisarts bekend", (("bsn", "121 547 280"),)),
    ("het nummer 385-280-841 werd hardop gezegd", (("bsn", "385-280-841"),)),
    (f"BSN 353{NBSP}799{NBSP}075 van de zoon", (("bsn", f"353{NBSP}799{NBSP}075"),)),
    (f"BSN 8058{NB_HYPHEN}88{NB_HYPHEN}718 (moeder)", (("bsn", f"8058{NB_HYPHEN}88{NB_HYPHEN}718"),)),
    ("BSN 167868433: schuldhulp loopt", (("bsn", "167868433"),)),
    ("Casus 3: jongen, bsn=611148936, 17 jaar", (("bsn", "611148936"),)),
    ("zie BSN 400376143/ dossier bij Veilig Thuis", (("bsn", "400376143"),)),
    ("'304813734' stond op het formulier", (("bsn", "304813734"),)),
    ("BSN's: 101415618 en 149131677", (("bsn", "101415618"), ("bsn", "149131677"))),
    (f"bsn{NARROW_NBSP}232{NARROW_NBSP}679{NARROW_NBSP}381 via de school", (("bsn", f"232{NARROW_NBSP}679{NARROW_NBSP}381"),)),
    ("vader 211673420 en moeder 969372930 apart gesproken",
     (("bsn", "211673420"), ("bsn", "969372930"))),
    ("BSN\t850273900 overgedragen", (("bsn", "850273900"),)),
    # Dutch phone numbers in the notations people use.
    ("Bel de wijkagent: 06-12345678", (("telefoon", "06-12345678"),)),
    ("bereikbaar op 010 - 123 45 67 na tienen", (("telefoon", "010 - 123 45 67"),)),
    ("contact via 06/12345678 (alleen appen)", (("telefoon", "06/12345678"),)),
    (f"mobiel 06{NBSP}12345678", (("telefoon", f"06{NBSP}12345678"),)),
    (f"tel. 06{NB_HYPHEN}87654321", (("telefoon", f"06{NB_HYPHEN}87654321"),)),
    ("Moeder: +31 6 1234 5678.", (("telefoon", "+31 6 1234 5678"),)),
    ("kantoor 0031 20 123 4567", (("telefoon", "0031 20 123 4567"),)),
    ("huisarts (030) 234 56 78, assistente vragen", (("telefoon", "(030) 234 56 78"),)),
    ("+31(0)20-1234567 is het algemene nummer", (("telefoon", "+31(0)20-1234567"),)),
    ("Tel:0612345678", (("telefoon", "0612345678"),)),
    (f"bel 070{EN_DASH}3456789 voor de afspraak", (("telefoon", f"070{EN_DASH}3456789"),)),
    ("06 23 45 67 89 is het nummer van de buurvrouw", (("telefoon", "06 23 45 67 89"),)),
    ("Mentor: 0612 345 678", (("telefoon", "0612 345 678"),)),
    ("bereikbaar 043-3210987 of via de mail", (("telefoon", "043-3210987"),)),
    ("06.11.22.33.44 (ex-partner!)", (("telefoon", "06.11.22.33.44"),)),
    ("nummer jongerenwerker 06 - 98765432", (("telefoon", "06 - 98765432"),)),
    # E-mail addresses, also spelled out.
    ("mail naar j.devries@ggz-noord.nl voor het verslag", (("e-mail", "j.devries@ggz-noord.nl"),)),
    ("jan [at] gemeente [dot] nl wil het weten", (("e-mail", "jan [at] gemeente [dot] nl"),)),
    ("afmelden bij jan.jansen @ gemeente.nl", (("e-mail", "jan.jansen @ gemeente.nl"),)),
    ("Piet(at)woonbedrijf(punt)nl", (("e-mail", "Piet(at)woonbedrijf(punt)nl"),)),
    ("KLACHTEN@WONINGCORPORATIE.NL werd genoemd", (("e-mail", "KLACHTEN@WONINGCORPORATIE.NL"),)),
    ("<a.bakker@politie.example.nl>", (("e-mail", "a.bakker@politie.example.nl"),)),
    ("graag cc: m.el-amrani+casus@wijkteam.nl", (("e-mail", "m.el-amrani+casus@wijkteam.nl"),)),
    # IBANs in every case and grouping, with what follows them.
    ("NL91ABNA0417164300 ING", (("iban", "NL91ABNA0417164300"),)),
    ("rekening nl13asnb5366934783 van de bewindvoerder", (("iban", "nl13asnb5366934783"),)),
    ("IBAN NL02-SNSB-7249-7958-36 voor de huur", (("iban", "NL02-SNSB-7249-7958-36"),)),
    (f"NL59{NBSP}SNSB{NBSP}2181{NBSP}8460{NBSP}92 is de rekening",
     (("iban", f"NL59{NBSP}SNSB{NBSP}2181{NBSP}8460{NBSP}92"),)),
    ("Overmaken naar NL52 TRIO 0612 3531 18 Stichting Buurtfonds",
     (("iban", "NL52 TRIO 0612 3531 18"),)),
    ("rekeningnummer NL22ASNB8431413426.", (("iban", "NL22ASNB8431413426"),)),
    ("BE68539007547034 (Belgische rekening)", (("iban", "BE68539007547034"),)),
    ("DE89 3704 0044 0532 0130 00 Sparkasse", (("iban", "DE89 3704 0044 0532 0130 00"),)),
    ("iban: nl86trio5672420556", (("iban", "nl86trio5672420556"),)),
    # More than one kind in one note.
    ("BSN 123456782, tel 06-12345678, mail p.jansen@zorg.nl",
     (("bsn", "123456782"), ("telefoon", "06-12345678"), ("e-mail", "p.jansen@zorg.nl"))),
    ("schuld bij NL53ABNA7365124149; bel 020-7654321",
     (("iban", "NL53ABNA7365124149"), ("telefoon", "020-7654321"))),
    ("BSN 123456782 06 12345678", (("bsn", "123456782"), ("telefoon", "06 12345678"))),
]

WITHOUT_PERSONAL_DATA: list[str] = [
    # Amounts, also nine digits that pass the 11-proef.
    "€ 123.456.782 voor de hele regio",
    "123 456 782 euro over vier jaar",
    "EUR 1.234.567,89 begroot",
    "€ 2.500.000,- voor preventie",
    "een tekort van 123.456.782,50 in 2027",
    "€123456782 is het totale budget",
    "het budget gaat van 3,2 naar 4,1 miljoen",
    # Case, file, invoice and other numbers.
    "dossiernummer 0123456789",
    "zaaknummer Z/26/123456782",
    "ons kenmerk 123456782",
    "Kenmerk: 2026/0123456",
    "factuurnummer 2026-000123456",
    "ordernummer 123456782 is nog niet geleverd",
    "registratienummer 987654321",
    "KvK 12345678",
    "kvk-nummer 90123456",
    "dossier 0612345678 is gesloten",
    "zaak Z-123456782 loopt nog",
    "referentie 0101234567",
    "projectnummer 2026.0612.3456",
    "versie 1.2.3.4.5.6.7.8.9",
    # Dates, times, years and periods.
    "op 2026-12-07 om 14:30",
    "07-12-2026 tot 14-01-2027",
    "bel 06 2026-12-07 terug",
    "afspraak 010 07-12-2026",
    "van 2024–2026 liep het project",
    "tussen 09.00 en 12.30 uur",
    "7 december 2026, 19:30–21:30",
    "geboren in 2009 (17 jaar)",
    "Q1 2027 evalueren",
    # Postcodes, addresses, short numbers.
    "postcode 3011 AB",
    "1234AB en 5678 CD",
    "Coolsingel 40, 3011 AD Rotterdam",
    "huisnummer 12 tot en met 48",
    "bel 112 bij nood",
    "0800-1234 is gratis",
    "0900-8844 voor de politie",
    "gemeente via 14 020",
    "06-1234567 (een cijfer te weinig)",
    "0012345678",
    # Numbers of the method and the room.
    "tafel 12 en 13",
    "stap 1 2 3 4 5 6 7 8 9 van de cirkel",
    "Wmo 2015 en Jeugdwet 2015",
    "artikel 10.2 van de verordening",
    "3 van de 5 partners, 60 %",
    "17 deelnemers, 4 tafels, 2 rondes",
    "score 8,5 / 10",
    "in 1e lijn en 2e lijn",
    # Words and signs that look like addresses but are not.
    "zie @gemeente en piet@ en a@b",
    "de [at] van de afspraak",
    "samenwerking @ wijkniveau",
    "mail volgt (punt) van aandacht",
    "1 op 1 gesprekken",
    # IBAN-like text that is not one.
    "NL92ABNA0417164300",
    "NL-alert om 12:00",
    "AB12 CDEF is geen rekening",
    "ING en Rabo als partners",
    "NL91ABNA04171643001 (een teken te veel)",
]
