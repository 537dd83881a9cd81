"""No private Textual API: no module of ``textual._…`` is imported, and no class of the app
that is a Textual widget, screen or app reads or sets a private attribute its Textual base
classes have (a name starting with ``_`` in their class or their ``self._…`` uses): such a
name may change in any release of Textual without a word."""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import patroon_tui

PACKAGE = Path(patroon_tui.__file__).parent
SELF = re.compile(r"\bself\.(_[a-zA-Z]\w*)\b")


def test_no_private_textual_module_is_imported():
    private = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            private += [f"{path.relative_to(PACKAGE)}: {n}" for n in names
                        if n.startswith("textual") and "._" in n]
    assert private == []


@functools.cache
def privates_of(base: type) -> frozenset[str]:
    """The private names a Textual class has: its own and those its methods use."""
    names = {n for n in vars(base) if n.startswith("_") and not n.startswith("__")}
    try:
        names |= set(SELF.findall(inspect.getsource(base)))
    except (OSError, TypeError):
        pass
    return frozenset(names)


def textual_privates(cls: type) -> set[str]:
    names: set[str] = set()
    for base in cls.__mro__[1:]:
        if base.__module__.split(".")[0] == "textual":
            names |= privates_of(base)
    return names


def test_no_class_uses_a_private_attribute_of_its_textual_bases():
    clashes = {}
    for module_info in pkgutil.walk_packages(patroon_tui.__path__, "patroon_tui."):
        # core never imports Textual; __main__ runs the command line when imported.
        if ".core" in module_info.name or module_info.name.endswith("__main__"):
            continue
        module = importlib.import_module(module_info.name)
        for name, cls in vars(module).items():
            if not inspect.isclass(cls) or cls.__module__ != module.__name__:
                continue
            theirs = textual_privates(cls)
            if not theirs:
                continue
            ours = set(SELF.findall(inspect.getsource(cls)))
            if clash := sorted(ours & theirs):
                clashes[f"{module.__name__}.{name}"] = clash
    assert clashes == {}
