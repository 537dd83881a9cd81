"""The Textual app: ``PatroonApp`` (wiring), how it opens and ends a session, its key
routing, autosave and command palette; ``build_app`` and ``run_app`` for the command line."""

from patroon_tui.app.factory import build_app, run_app
from patroon_tui.app.help import help_sections
from patroon_tui.app.patroon import PatroonApp

__all__ = ["PatroonApp", "build_app", "help_sections", "run_app"]
