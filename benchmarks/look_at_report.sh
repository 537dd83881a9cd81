#!/usr/bin/env bash
# The report as a reader gets it, in each format: a session of the default programme with
# three tables (each a different pattern, answers filled, one own pattern), exported as
# HTML (shown in headless Chromium, a screenshot, and printed by it to an A4 PDF), as PDF,
# as the one-page summary (PDF), and as Word (turned into a PDF by LibreOffice, as a reader
# without Word sees it); every PDF's pages become PNGs: html-N.png, pdf-N.png, kort-N.png,
# word-N.png. Needs Debian's chromium, poppler-utils (pdftoppm) and libreoffice-writer.
# Look at the PNGs: nothing cut, nothing overlapping, the loops readable. The pictures in
# docs/report.md are pages of these, at 40 dpi (DPI=40).
#
#     bash benchmarks/look_at_report.sh [OUT_FOLDER]     (default: ./report-look)
#
# It runs the project with `python` (the one where it is installed; PYTHON=… for another).
set -euo pipefail
out=$(realpath -m "${1:-report-look}")
mkdir -p "$out/sessions"
here=$(cd "$(dirname "$0")/.." && pwd)
PYTHONPATH="$here" "${PYTHON:-python}" - "$out/sessions" <<'PY'
import sys
from pathlib import Path
from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.session import FirstStep, OwnPattern, Principle, Table
from patroon_tui.core.sessionfile.store import SessionStore

deck = load_deck()
store = SessionStore(Path(sys.argv[1]))
session = store.create(title="Wijkteam Noord & Zuid", deck=deck, facilitator="Anouk de Vries",
                       location="Buurthuis De Kolk")
layers = [layer.id for layer in deck.layers]
session.tables = [
    Table(id=f"tafel-{n}", name=f"Tafel {n}", participants="gemeente, GGZ, woningcorporatie, politie",
          pattern=deck.patterns[n - 1].id, layer=layers[(n - 1) % len(layers)],
          answers={q.id: f"Wat tafel {n} zei over “{q.text[:30]}…”: " + "we herkennen dit elke week. " * 6
                   for q in deck.text_questions})
    for n in (1, 2, 3)
]
session.patterns = [OwnPattern(id="eigen-tafel-3", title="Wachten op elkaar",
                               steps=["Een melding komt binnen bij twee organisaties.",
                                      "Ieder denkt dat de ander het oppakt.",
                                      "Niemand belt de inwoner; de zorg groeit."])]
session.principles = [Principle(text="We bellen eerst de ander voordat we nee zeggen."),
                      Principle(text="Samen uit, samen thuis.")]
session.first_steps = [FirstStep(text="Maandelijks casusoverleg", owner="GGZ", table="tafel-1"),
                       FirstStep(text="Telefoonlijst van de wijk delen", owner="Politie", table="tafel-2")]
session.notes["programma"] = "Wethouder opent om tien uur."
store.save(session)
print(session.session.id)
PY
id=$(ls "$out/sessions" | sed -n 's/\.toml$//p' | head -1)
export_as() {
    PYTHONPATH="$here" "${PYTHON:-python}" -m patroon_tui export "$id" \
        --sessions-dir "$out/sessions" --overschrijven "$@"
}
export_as -o "$out/verslag.html"
export_as -o "$out/verslag.pdf"
export_as -o "$out/kort.pdf" --kort
export_as -o "$out/verslag.docx"
# Chromium as the workplace runs it: offline, with a profile of its own, no header and
# footer of its own (the page brings its own; without this flag they are left out too).
browser=(chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
         --disable-background-networking --disable-component-update --disable-sync
         --user-data-dir="$out/chromium-profile")
"${browser[@]}" --window-size=1000,1400 --screenshot="$out/screenshot.png" \
    "file://$out/verslag.html" 2>/dev/null
"${browser[@]}" --print-to-pdf="$out/html.pdf" "file://$out/verslag.html" 2>/dev/null
(cd "$out" && soffice --headless --convert-to pdf --outdir "$out/word" verslag.docx >/dev/null)
dpi=${DPI:-60}
pdftoppm -r "$dpi" -png "$out/html.pdf" "$out/html"
pdftoppm -r "$dpi" -png "$out/verslag.pdf" "$out/pdf"
pdftoppm -r "$dpi" -png "$out/kort.pdf" "$out/kort"
pdftoppm -r "$dpi" -png "$out/word/verslag.pdf" "$out/word"
ls "$out"
