"""The dependency rules of docs/ARCHITECTURE.md, checked on every import statement."""

import ast
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "careertui"
DOMAIN_ALLOWED = {"careertui", "dateutil", "__future__"}


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def top(name: str) -> str:
    return name.split(".")[0]


@pytest.mark.parametrize("path", sorted((PACKAGE / "domain").glob("*.py")), ids=lambda p: p.name)
def test_domain_is_pure(path: Path) -> None:
    stdlib = sys.stdlib_module_names
    foreign = {
        name
        for name in imported_modules(path)
        if top(name) not in stdlib and top(name) not in DOMAIN_ALLOWED
    }
    forbidden = {n for n in imported_modules(path) if top(n) == "sqlite3"}
    inward = {
        n
        for n in imported_modules(path)
        if n.startswith("careertui.") and not n.startswith("careertui.domain")
    }
    assert (foreign, forbidden, inward) == (set(), set(), set())


@pytest.mark.parametrize("path", sorted((PACKAGE / "store").glob("*.py")), ids=lambda p: p.name)
def test_store_knows_nothing_of_the_ui(path: Path) -> None:
    names = imported_modules(path)
    assert {n for n in names if top(n) in ("textual", "rich")} == set()
    assert {
        n
        for n in names
        if n.startswith(("careertui.screens", "careertui.widgets", "careertui.app"))
    } == set()


@pytest.mark.parametrize(
    "path",
    sorted([*(PACKAGE / "screens").glob("*.py"), *(PACKAGE / "widgets").glob("*.py")]),
    ids=lambda p: p.name,
)
def test_screens_and_widgets_build_no_sql(path: Path) -> None:
    assert {n for n in imported_modules(path) if top(n) in ("sqlite3", "sqlite_utils")} == set()


def test_quick_capture_does_not_import_textual() -> None:
    code = (
        "import sys; from careertui.cli import cli; "
        "from click.testing import CliRunner; "
        "r = CliRunner().invoke(cli, ['add', 'note', 'x', '--db', sys.argv[1]]); "
        "assert r.exit_code == 0, r.output; "
        "heavy = ('textual', 'rich', 'sqlite_utils'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))"
    )
    with tempfile.TemporaryDirectory() as folder:
        out = subprocess.run(
            [sys.executable, "-c", code, str(Path(folder) / "t.db")],
            capture_output=True,
            text=True,
            check=True,
            env={"CAREERTUI_TODAY": "2026-11-23", "PATH": "/usr/bin:/bin"},
        )
    assert out.stdout.strip() == "[]"
