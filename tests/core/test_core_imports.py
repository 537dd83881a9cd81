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
    info.name for info in pkgutil.walk_packages(patroon_tui.core.__path__, "patroon_tui.core.")
)

CHECK = """
import importlib, sys
importlib.import_module(sys.argv[1])
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))
print(" ".join(loaded))
"""


def test_core_modules_are_discovered():
    assert {
        "patroon_tui.core.model.deck",
        "patroon_tui.core.model.session",
        "patroon_tui.core.sessionfile.store",
        "patroon_tui.core.merge.sessions",
    } <= set(CORE_MODULES)


@pytest.mark.parametrize("module", ["patroon_tui.core", *CORE_MODULES])
def test_core_module_imports_no_textual_or_rich(module):
    # A fresh interpreter: in this one, other tests may already have imported textual.
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", CHECK, module], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{module} imports {result.stdout.strip()}"


PLUGIN_SCAN = """
import importlib.metadata as metadata
groups = []
original = metadata.entry_points
def recording(**kwargs):
    groups.append(kwargs.get("group"))
    return original(**kwargs)
metadata.entry_points = recording
from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.sessionfile.session_toml import dumps_session, loads_session
from patroon_tui.core.sessionfile.store import SessionStore
import tempfile, pathlib
store = SessionStore(pathlib.Path(tempfile.mkdtemp()))
session = store.create(title="Start", deck=load_deck())
loads_session(dumps_session(session), "start.toml")
print(groups.count("pydantic"))
"""


@pytest.mark.parametrize("setting", [None, "none"])
def test_opening_a_session_does_not_search_the_installed_packages_for_plugins(setting):
    # Every start used to look through all installed packages for pydantic plugins (about
    # 30 ms); a value the user set themselves is kept.
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    if setting is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = setting
    result = subprocess.run(
        [sys.executable, "-c", PLUGIN_SCAN], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ("0" if setting is None else "1")


def test_the_app_starts_without_the_word_writer():
    # python-docx and lxml take about a tenth of a second to import: only a Word export
    # pays for them, never the start of the app or of another command.
    code = (
        "import sys, patroon_tui.app, patroon_tui.cli, patroon_tui.core.report.export;"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'lxml'))))"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
