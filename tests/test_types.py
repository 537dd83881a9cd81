"""The package type-checks and keeps the linter's rules: mypy and ruff, with their settings
in pyproject.toml, run by the suite like the layer contract, so a change that breaks
either fails here and not only on someone's editor."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_mypy_finds_no_error(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy"),
         "--config-file", str(REPO_ROOT / "pyproject.toml")],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finds_nothing():
    # The command ruff installs beside this Python.
    command = shutil.which("ruff", path=str(Path(sys.executable).parent)) or "ruff"
    result = subprocess.run(
        [command, "check", "--no-cache", "patroon_tui", "tests", "benchmarks"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
