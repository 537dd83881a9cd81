"""The workshop's domain, in packages by job: text, files, model, drawing, sessionfile,
merge, report and room (docs/architecture.md says what each holds and how they depend).

Nothing in this package imports textual or rich (a test enforces it), so the domain can be
used by the CLI, by tests and by other tools without a terminal.
"""

import os

# The models here use no pydantic plugin. Without this, building the first model makes
# pydantic look through the entry points of every installed package for plugins (its
# documented switch turns that off): about 30 ms of each start, more in a large Python
# environment. A value set by the user is kept.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
