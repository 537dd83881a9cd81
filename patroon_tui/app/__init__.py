"""The Textual app: ``PatroonApp`` (wiring), how it opens and ends a session, its key
routing, autosave and command palette; ``build_app``, ``run_app`` and ``run_audience`` (the
audience window of ``patroon present``) for the command line."""

from patroon_tui.app.factory import build_app, run_app, run_audience
from patroon_tui.app.help import help_sections
from patroon_tui.app.patroon import PatroonApp

__all__ = ["PatroonApp", "build_app", "help_sections", "run_app", "run_audience"]
