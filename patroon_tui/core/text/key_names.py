"""How a key is named to the reader: ``ctrl+pagedown`` → ``Ctrl+PgDn``, ``f2`` → ``F2``.

The app's ``get_key_display`` uses this, so the footer, the help screen and every other
place that names a key say it the same way.
"""

from __future__ import annotations

KEY_NAMES = {
    "right": "→", "left": "←", "up": "↑", "down": "↓",
    "pagedown": "PgDn", "pageup": "PgUp", "space": "Spatie", "escape": "Esc",
    "enter": "Enter", "tab": "Tab", "home": "Home", "end": "End", "delete": "Delete",
    "backspace": "Backspace", "question_mark": "?", "insert": "Insert",
}
MODIFIERS = {"ctrl": "Ctrl", "alt": "Alt", "shift": "Shift"}


def format_key(key: str) -> str:
    """``ctrl+pagedown`` → ``Ctrl+PgDn``; ``f2`` → ``F2``; ``R`` → ``Shift+R``."""
    *mods, name = key.split("+")
    if len(name) == 1 and name.isupper():
        mods.append("shift")
    is_function_key = name.startswith("f") and name[1:].isdigit()
    shown = KEY_NAMES.get(name, name.upper() if is_function_key else name)
    if len(shown) == 1 and mods:
        shown = shown.upper()
    return "+".join([*(MODIFIERS.get(m, m) for m in mods), shown])


def format_keys(keys: str) -> str:
    """A binding's comma-separated keys, each formatted."""
    return ", ".join(format_key(k.strip()) for k in keys.split(","))
