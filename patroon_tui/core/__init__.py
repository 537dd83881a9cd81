"""The workshop's domain: deck, session, store, loop drawing and report.

Nothing in this package imports textual or rich (a test enforces it), so the domain can be
used by the CLI, by tests and by other tools without a terminal.
"""
