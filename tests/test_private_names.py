"""careertui uses Textual's public API, except for the few private names in
careertui/tui/internals.py (each there with what it buys and a test in tests/ui/test_internals.py).
These tests find every private Textual name the package uses, by reading its source, so a new one
anywhere else fails here, and so does a ninth one in internals.py."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from functools import cache
from pathlib import Path

import textual

import careertui

PACKAGE = Path(careertui.__file__).parent
INTERNALS = PACKAGE / "tui" / "internals.py"
ALLOWED = {
    "_parse_rules",
    "_css_update_count",
    "_screen_resized",
    "_compositor",
    "_get_screen",
    "_refresh_layout",
    "_layout_required",
}
"""The private names internals.py holds (at most eight), each needed for a speed target."""

CLASS_MACHINERY = {
    "_abc_impl",
    "_computes",
    "_css_type_name",
    "_css_type_names",
    "_decorated_handlers",
    "_inherit_bindings",
    "_inherit_component_classes",
    "_inherit_css",
    "_merged_bindings",
    "_reactives",
}
"""What Textual's metaclass and ABCMeta set on every subclass: not a name careertui chose."""

PRIVATE = re.compile(r"_[A-Za-z]\w*")


@cache
def textual_private_names() -> frozenset[str]:
    """Every private name Textual's source defines: functions, classes, attributes it sets,
    class attributes, private modules."""
    names: set[str] = set()
    root = Path(textual.__file__).parent
    for path in root.rglob("*.py"):
        if PRIVATE.fullmatch(path.stem):
            names.add(path.stem)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
    return frozenset(name for name in names if PRIVATE.fullmatch(name) and "__" not in name)


def own_names() -> set[str]:
    """Private names careertui defines for itself (its own functions, classes, attributes)."""
    names: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                if isinstance(node.value, ast.Name) and node.value.id in {"self", "cls"}:
                    names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
    return {name for name in names if PRIVATE.fullmatch(name)}


def textual_members_overridden() -> dict[str, str]:
    """Private members of Textual classes that a careertui subclass defines again (an
    override of Textual's private API, wanted or not): name → the class."""
    found: dict[str, str] = {}
    for info in pkgutil.walk_packages(careertui.__path__, "careertui."):
        module = importlib.import_module(info.name)
        for cls in vars(module).values():
            if not inspect.isclass(cls) or cls.__module__ != module.__name__:
                continue
            bases = [base for base in cls.__mro__[1:] if base.__module__.startswith("textual")]
            for name in vars(cls):
                if not PRIVATE.fullmatch(name) or "__" in name or name in CLASS_MACHINERY:
                    continue
                if any(name in vars(base) for base in bases):
                    found[name] = f"{cls.__module__}.{cls.__qualname__}"
    return found


def private_textual_uses() -> dict[str, set[str]]:
    """Each private Textual name careertui's source uses → the files that use it: attributes
    read or set, names given to getattr, private modules or names imported from Textual,
    and private members overridden."""
    private = textual_private_names()
    overridden = textual_members_overridden()
    ours = own_names() - set(overridden)
    uses: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        where = str(path.relative_to(PACKAGE.parent))
        tree = ast.parse(path.read_text(encoding="utf-8"))
        other_modules = {  # os._exit is the os module's, documented
            (alias.asname or alias.name).partition(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
            if not alias.name.startswith("textual")
        }
        for node in ast.walk(tree):
            found: list[str] = []
            if isinstance(node, ast.Attribute):
                if not (isinstance(node.value, ast.Name) and node.value.id in other_modules):
                    found.append(node.attr)
            elif isinstance(node, ast.Call) and _names_an_attribute(node):
                found.append(node.args[1].value)  # type: ignore[attr-defined]
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
                modules += [alias.name for alias in node.names]
                for module in modules:
                    if module.startswith("textual"):
                        found += [part for part in module.split(".") if PRIVATE.fullmatch(part)]
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual"):
                    found += [alias.name for alias in node.names]
            for name in found:
                if name in private and name not in ours:
                    uses.setdefault(name, set()).add(where)
    for name, cls in overridden.items():
        uses.setdefault(name, set()).add(cls)
    return uses


def _names_an_attribute(call: ast.Call) -> bool:
    """getattr/setattr/hasattr(obj, "name", ...) with the name written out."""
    return (
        isinstance(call.func, ast.Name)
        and call.func.id in {"getattr", "setattr", "hasattr", "delattr"}
        and len(call.args) >= 2
        and isinstance(call.args[1], ast.Constant)
        and isinstance(call.args[1].value, str)
    )


def test_private_textual_names_are_only_in_internals() -> None:
    uses = private_textual_uses()
    elsewhere = {
        name: files
        for name, files in uses.items()
        if files - {"careertui/tui/internals.py", *_internals_classes()}
    }
    assert elsewhere == {}
    assert set(uses) == ALLOWED
    assert len(ALLOWED) <= 8


def _internals_classes() -> set[str]:
    module = importlib.import_module("careertui.tui.internals")
    return {
        f"{module.__name__}.{cls.__qualname__}"
        for cls in vars(module).values()
        if inspect.isclass(cls) and cls.__module__ == module.__name__
    }


def test_the_finder_finds_a_private_name() -> None:
    """The scan above would see a private Textual attribute used anywhere."""
    assert "_compositor" in textual_private_names()
    assert "_update_dimensions" in textual_private_names()
    assert "_layout_required" in private_textual_uses()
    assert "_layout_required" in INTERNALS.read_text(encoding="utf-8")
