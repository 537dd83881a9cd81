"""``patroon patronen``: the patterns of every session in the sessions folder, over time.

The folder is read by ``core.sessionfile.folder_sessions`` (a bad file is skipped with a
Dutch line on stderr) and the list made by ``core.report.network_patterns``; Markdown or
CSV goes to stdout, escaped on a terminal like ``export``'s report.
"""

from __future__ import annotations

import argparse
import sys

from patroon_tui.core.text.terminal_safe import printable


def add_options(command: argparse.ArgumentParser) -> None:
    """The command's own options."""
    command.add_argument(
        "--format", choices=["md", "csv"], default="md",
        help="md (Markdown, standaard) of csv (voor een spreadsheet: één regel per patroon)",
    )


def run_patterns(args: argparse.Namespace) -> int:
    """List the folder's patterns; the exit status (0, also for an empty folder)."""
    from patroon_tui.core.model.deck import load_deck
    from patroon_tui.core.report.network_patterns import (
        network_patterns,
        render_csv,
        render_markdown,
    )
    from patroon_tui.core.sessionfile.folder_sessions import read_sessions
    from patroon_tui.core.sessionfile.store import SessionStore

    store = SessionStore.from_option(getattr(args, "sessions_dir", None))
    store.check_folder()
    deck = load_deck(getattr(args, "deck", None))
    sessions, skipped = read_sessions(store.folder)
    for reason in skipped:
        print(printable(f"Overgeslagen: {reason}"), file=sys.stderr)
    rows = network_patterns(sessions, deck)
    if args.format == "csv":
        data = render_csv(rows)
    else:
        data = render_markdown(rows, len(sessions)).encode("utf-8")
    if sys.stdout.isatty():
        # Titles and steps from shared files may hold terminal escapes; piped, the bytes
        # stay exactly what was typed.
        text = data.decode("utf-8-sig")
        data = printable(text, keep="\n\t\r").encode("utf-8")
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
    return 0
