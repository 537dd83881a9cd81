"""The font the report's pictures and PDF are drawn in: :func:`font_file`.

Bitstream Vera (sans, bold, oblique), which ReportLab ships in its package: a TrueType
font with the Latin letters Dutch needs, free to embed, on every system the app installs
on, so no system font is looked for. Found without importing ReportLab itself.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

__all__ = ["STYLES", "font_file"]

#: The file of each style.
STYLES = {"regular": "Vera.ttf", "bold": "VeraBd.ttf", "italic": "VeraIt.ttf",
          "bold-italic": "VeraBI.ttf"}


def font_file(style: str = "regular") -> Path:
    """The path of Vera in ``style`` (a key of :data:`STYLES`)."""
    spec = importlib.util.find_spec("reportlab")
    if spec is None or spec.origin is None:  # a dependency: installed with the app
        raise RuntimeError("ReportLab is not installed")
    return Path(spec.origin).parent / "fonts" / STYLES[style]
