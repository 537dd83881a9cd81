#!/usr/bin/env bash
# The HTML report as a reader gets it: a session of the default programme with three tables
# (each a different pattern, answers filled, one own pattern), exported to HTML, shown in
# headless Chromium (a screenshot) and printed to PDF (A4), whose pages become PNGs.
# Needs Debian's chromium and poppler-utils (pdftoppm). Look at the PNGs: nothing cut,
# nothing overlapping, the loops readable.
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
PYTHONPATH="$here" "${PYTHON:-python}" -m patroon_tui export "$id" --sessions-dir "$out/sessions" \
    -o "$out/verslag.html" --overschrijven
chromium --headless --no-sandbox --disable-gpu --window-size=1000,1400 \
    --screenshot="$out/screenshot.png" "file://$out/verslag.html" 2>/dev/null
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$out/verslag.pdf" "file://$out/verslag.html" 2>/dev/null
pdftoppm -r 60 -png "$out/verslag.pdf" "$out/page"
ls "$out"
