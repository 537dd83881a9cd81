"""The layers run one way (cli → app → screens → dialogs → widgets → core), and so do the
core's packages: the import-linter contracts in pyproject.toml hold, and they do catch a
widget importing a screen and the core's wording importing its model; and no module grows
past 400 lines (its widgets' CSS aside)."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root)}
    # The command import-linter installs beside this Python (a fresh process, so the package
    # it analyses is the one under ``root``).
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    return subprocess.run(
        [command, str(root / "pyproject.toml"), "--no-cache"],
        cwd=root, env=env, capture_output=True, text=True, timeout=120,
    )


def test_the_layer_contract_holds():
    result = lint_imports(REPO_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def with_import(tmp_path: Path, module: str, imported: str) -> Path:
    """A copy of the project whose ``module`` (a path in the package) also imports ``imported``."""
    copy = tmp_path / "project"
    copy.mkdir()
    shutil.copy(REPO_ROOT / "pyproject.toml", copy / "pyproject.toml")
    shutil.copytree(REPO_ROOT / "patroon_tui", copy / "patroon_tui",
                    ignore=shutil.ignore_patterns("__pycache__"))
    path = copy / "patroon_tui" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\nimport {imported}  # noqa: E402\n",
                    encoding="utf-8")
    return copy


def test_a_widget_importing_a_screen_breaks_it(tmp_path):
    result = lint_imports(with_import(tmp_path, "widgets/agenda.py", "patroon_tui.screens.start"))
    assert result.returncode != 0
    assert "patroon_tui.widgets.agenda -> patroon_tui.screens.start" in result.stdout


def test_the_wording_importing_the_session_model_breaks_it(tmp_path):
    # Inside core, the text package is the bottom layer: it may not reach up to the model.
    copy = with_import(tmp_path, "core/text/wording.py", "patroon_tui.core.model.session")
    result = lint_imports(copy)
    assert result.returncode != 0
    assert "patroon_tui.core.text.wording -> patroon_tui.core.model.session" in result.stdout


def lines_of_code(source: str) -> int:
    """The module's lines without its widgets' ``DEFAULT_CSS``: a widget's looks live in
    the widget (docs/architecture.md), and they are not a second job."""
    looks = sum(
        node.end_lineno - node.lineno + 1
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Assign) and node.end_lineno is not None
        and any(isinstance(t, ast.Name) and t.id == "DEFAULT_CSS" for t in node.targets)
    )
    return len(source.splitlines()) - looks


def test_no_module_of_the_app_is_over_400_lines():
    # One job per module: a module that grows past this wants splitting (docs/architecture.md).
    package = REPO_ROOT / "patroon_tui"
    long = {
        str(path.relative_to(package)): n
        for path in package.rglob("*.py")
        if (n := lines_of_code(path.read_text(encoding="utf-8"))) > 400
    }
    assert long == {}


def test_the_line_count_leaves_out_only_the_looks():
    source = 'class W:\n    DEFAULT_CSS = """\n    W { height: 1; }\n    """\n    x = 1\n'
    assert lines_of_code(source) == 2
