"""The domain package never pulls in textual or rich, so it works without a terminal."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import patroon_tui.core

REPO_ROOT = Path(__file__).resolve().parents[2]
CORE_MODULES = sorted(
    f"patroon_tui.core.{info.name}" for info in pkgutil.iter_modules(patroon_tui.core.__path__)
)

CHECK = """
import importlib, sys
importlib.import_module(sys.argv[1])
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))
print(" ".join(loaded))
"""


def test_core_modules_are_discovered():
    assert {"patroon_tui.core.deck", "patroon_tui.core.session", "patroon_tui.core.store"} <= set(
        CORE_MODULES
    )


@pytest.mark.parametrize("module", ["patroon_tui.core", *CORE_MODULES])
def test_core_module_imports_no_textual_or_rich(module):
    # A fresh interpreter: in this one, other tests may already have imported textual.
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", CHECK, module], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{module} imports {result.stdout.strip()}"
