"""The laptop's own settings: which theme each kind of window uses.

One small TOML file in the user's config folder (``platformdirs``; ``PATROON_CONFIG_DIR``
names another folder, as the tests do), never in a session file: a theme belongs to the
laptop and its projector, not to the workshop. It holds a theme per kind of window::

    [thema]
    begeleider = "standaard"
    publiek = "beamer"

:func:`read_theme` never fails: a missing, broken or hostile file (bad TOML, a pipe, a
link, a folder, a huge file, an unknown name) gives the default theme, so a setting can
never keep the app from starting. :func:`save_theme` writes the file whole
(``replace_atomically``: a link planted at its name is replaced, never written through).
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Literal

import tomli_w

from patroon_tui.core.files.toml_scan import scan_text
from patroon_tui.core.files.user_files import (
    FILE_MODE,
    FOLDER_MODE,
    make_folder,
    read_bytes_safely,
    replace_atomically,
)

__all__ = ["CONFIG_DIR_ENV", "DEFAULT_THEME", "THEMES", "WindowKind", "config_dir",
           "read_theme", "save_theme", "settings_path", "unknown_theme"]

THEMES = ("standaard", "beamer")
"""The themes by their Dutch names: the app's own look, and the one for a projector."""
DEFAULT_THEME = "standaard"
CONFIG_DIR_ENV = "PATROON_CONFIG_DIR"
WindowKind = Literal["begeleider", "publiek"]
"""The facilitator's window (``open``, ``new``, the start screen) or an audience window."""
_FILE_NAME = "instellingen.toml"
_MAX_BYTES = 64 << 10  # a few lines; anything this big is not a settings file


def config_dir() -> Path:
    """The folder of the settings file: ``$PATROON_CONFIG_DIR``, else the user's config
    folder for the program (``~/.config/patroon`` on Linux)."""
    named = os.environ.get(CONFIG_DIR_ENV)
    if named:
        return Path(named).expanduser()
    import platformdirs  # only when the file is looked for: not on the way to `list`

    return Path(platformdirs.user_config_dir("patroon", appauthor=False))


def settings_path() -> Path:
    """The settings file."""
    return config_dir() / _FILE_NAME


def unknown_theme(name: str) -> str | None:
    """The Dutch sentence for a theme name that does not exist (``None``: it does)."""
    if name in THEMES:
        return None
    return f"Thema '{name}' bestaat niet; kies {' of '.join(THEMES)}."


def _read() -> dict:
    try:
        raw = read_bytes_safely(settings_path(), limit=_MAX_BYTES, follow_links=False)
        text = raw.decode("utf-8")
        if scan_text(text) is not None:  # nesting or digits tomllib must not be given
            return {}
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, ValueError):
        return {}
    return data


def read_theme(kind: WindowKind) -> str:
    """The theme this laptop remembers for ``kind`` of window (the default when none)."""
    themes = _read().get("thema")
    name = themes.get(kind) if isinstance(themes, dict) else None
    return name if isinstance(name, str) and name in THEMES else DEFAULT_THEME


def save_theme(kind: WindowKind, name: str) -> None:
    """Remember ``name`` for ``kind`` of window. Raises ``OSError`` (the folder or file
    cannot be written) and ``ValueError`` (an unknown theme)."""
    if name not in THEMES:
        raise ValueError(unknown_theme(name))
    data = _read()
    themes = data.get("thema")
    if not isinstance(themes, dict):
        themes = {}
    kept = {k: v for k, v in themes.items() if k in ("begeleider", "publiek") and v in THEMES}
    kept[kind] = name
    folder = settings_path().parent
    make_folder(folder, FOLDER_MODE)
    # A lost setting costs a palette choice: no fsync, so a slow stick never stalls the UI.
    replace_atomically(settings_path(), tomli_w.dumps({"thema": kept}).encode("utf-8"),
                       mode=FILE_MODE, durable=False)
