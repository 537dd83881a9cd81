"""The ``--thema NAAM`` option of ``open``, ``new`` and ``present``: the window's theme
(``app/themes.py``), checked when the command line is read, so an unknown name is one
Dutch sentence naming the themes there are, with exit status 2, as any wrong option is."""

from __future__ import annotations

import argparse

from patroon_tui.core.files.settings import unknown_theme


def _theme(text: str) -> str:
    if problem := unknown_theme(text):
        raise argparse.ArgumentTypeError(problem.rstrip("."))
    return text


def add_theme_option(parser: argparse.ArgumentParser) -> None:
    """Give ``parser`` the ``--thema`` option (``args.thema``: a known name or ``None``)."""
    parser.add_argument(
        "--thema",
        metavar="NAAM",
        type=_theme,
        help="het uiterlijk van dit venster: standaard of beamer (licht, veel contrast, "
        "voor een beamer); deze laptop onthoudt het voor de volgende keer",
    )
