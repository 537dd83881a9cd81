"""Where the CSS lives (docs/architecture.md): a widget's in its own ``DEFAULT_CSS``
string, a screen's or a dialog's in a ``.tcss`` beside its module (``CSS_PATH``), the
app's few global rules in ``app/app.tcss``."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

from textual.app import App
from textual.screen import Screen

import patroon_tui.dialogs
import patroon_tui.screens
from patroon_tui.app.audience import AudienceApp
from patroon_tui.app.patroon import PatroonApp

PACKAGE = Path(patroon_tui.screens.__file__).resolve().parents[1]
GLOBAL_CSS = PACKAGE / "app" / "app.tcss"


def css_paths(owner: type[App] | type[Screen]) -> list[Path]:
    """The files ``owner``'s own ``CSS_PATH`` names, as Textual reads them (relative to
    the module that defines it)."""
    named = owner.__dict__.get("CSS_PATH") or []
    beside = Path(inspect.getfile(owner)).resolve().parent
    return [(beside / p).resolve() for p in (named if isinstance(named, list) else [named])]


def screen_classes() -> list[type[Screen]]:
    """Every screen and dialog class the app defines."""
    found = []
    for package in (patroon_tui.screens, patroon_tui.dialogs):
        for info in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
            module = importlib.import_module(info.name)
            found += [value for value in vars(module).values()
                      if inspect.isclass(value) and issubclass(value, Screen)
                      and value.__module__ == module.__name__]
    return found


def test_no_widget_keeps_its_css_in_a_file():
    assert sorted((PACKAGE / "widgets").rglob("*.tcss")) == []
    read_from_elsewhere = [
        f"{path.relative_to(PACKAGE)}:{node.lineno}"
        for path in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "DEFAULT_CSS" for t in node.targets)
        and not (isinstance(node.value, ast.Constant) and isinstance(node.value.value, str))
    ]
    assert read_from_elsewhere == []


def test_every_css_file_lies_beside_the_screen_that_uses_it():
    files = sorted(PACKAGE.rglob("*.tcss"))
    assert GLOBAL_CSS in files
    strays = [f for f in files if f != GLOBAL_CSS
              and (f.parent.name not in ("screens", "dialogs") or not f.with_suffix(".py").is_file())]
    assert strays == []


def test_every_screen_and_dialog_names_the_css_beside_it_and_no_other():
    classes = screen_classes()
    assert {c.__name__ for c in classes} >= {"ProgrammeScreen", "StartScreen", "ConfirmScreen"}
    wrong = {}
    for screen in classes:
        own = Path(inspect.getfile(screen)).resolve().with_suffix(".tcss")
        if any(p != own for p in css_paths(screen)):
            wrong[screen.__name__] = css_paths(screen)
        if screen.__dict__.get("DEFAULT_CSS") or screen.__dict__.get("CSS"):
            wrong[screen.__name__] = "CSS in the module"
    assert wrong == {}
    # Each file is loaded: by its screen, or (the programme, the first screen, whose own
    # CSS_PATH Textual would not read) by the app.
    loaded = {p for c in classes for p in css_paths(c)} | set(css_paths(PatroonApp))
    files = {f for f in PACKAGE.rglob("*.tcss") if f.parent.name in ("screens", "dialogs")}
    assert files - loaded == set()


def test_the_apps_load_only_the_global_css_and_the_first_screens():
    assert css_paths(PatroonApp) == [GLOBAL_CSS, PACKAGE / "screens" / "programme.tcss"]
    assert css_paths(AudienceApp) == []
