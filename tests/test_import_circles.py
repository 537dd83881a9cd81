"""No module of the package imports itself back through others: no import circle at run
time anywhere (imports deferred into functions count), and none in ``core/`` even through
imports made only for type checking. The check is shown to catch a planted circle."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]

# Run in a fresh interpreter: grimp finds the package to read through the import system,
# and in this one ``patroon_tui`` is already the repository's, not a planted copy's.
FIND_CIRCLES = """
import grimp

def circles(graph, within):
    found = set()
    for module in sorted(graph.modules):
        if not module.startswith(within):
            continue
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if not imported.startswith(within):
                continue
            back = graph.find_shortest_chain(importer=imported, imported=module)
            if back is not None:
                circle = (module, *back)
                start = circle.index(min(circle[:-1]))
                found.add(" -> ".join(circle[start:-1] + circle[:start + 1]))
    return sorted(found)

# cache_dir=None: grimp would otherwise keep a cache in the working folder.
run_time = grimp.build_graph("patroon_tui", exclude_type_checking_imports=True, cache_dir=None)
typed = grimp.build_graph("patroon_tui", cache_dir=None)
for circle in circles(run_time, "patroon_tui") + circles(typed, "patroon_tui.core"):
    print(circle)
"""


def import_circles(root: Path) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    result = subprocess.run(
        [sys.executable, "-c", FIND_CIRCLES],
        cwd=root, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    return sorted(set(result.stdout.splitlines()))


def test_no_package_has_an_import_circle():
    assert import_circles(REPO_ROOT) == []


def planted(tmp_path: Path, module: str, addition: str) -> Path:
    """A copy of the package with ``addition`` at the end of ``module`` (a path in it)."""
    copy = tmp_path / "project"
    shutil.copytree(REPO_ROOT / "patroon_tui", copy / "patroon_tui",
                    ignore=shutil.ignore_patterns("__pycache__"))
    path = copy / "patroon_tui" / module
    path.write_text(path.read_text(encoding="utf-8") + addition, encoding="utf-8")
    return copy


def test_a_deferred_import_back_is_a_circle(tmp_path):
    # The trash imports the session models; a session importing the trash inside a
    # function is a circle that only shows when the function runs.
    copy = planted(tmp_path, "core/model/session.py", (
        "\n\ndef _planted() -> None:\n"
        "    from patroon_tui.core.model import trash  # noqa: F401\n"
    ))
    assert ("patroon_tui.core.model.session -> patroon_tui.core.model.trash"
            " -> patroon_tui.core.model.session") in import_circles(copy)


def test_a_circle_through_type_checking_counts_in_core(tmp_path):
    copy = planted(tmp_path, "core/drawing/cells.py", (
        "\n\nfrom typing import TYPE_CHECKING  # noqa: E402\n"
        "if TYPE_CHECKING:\n"
        "    from patroon_tui.core.drawing.wrap import Breaking  # noqa: F401\n"
    ))
    assert ("patroon_tui.core.drawing.cells -> patroon_tui.core.drawing.wrap"
            " -> patroon_tui.core.drawing.cells") in import_circles(copy)
