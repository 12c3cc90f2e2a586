"""The dependency rules of docs/ARCHITECTURE.md, checked on every import statement.

The contract is kept as plain pytest tests (no import-linter): it reads every module of
`careertui/` with `ast`, so an import inside a function counts as much as one at the top. An
import under `if TYPE_CHECKING:` is left out of the module graph: it never runs, and typing a
screen's `app` as the `CareerApp` that imports the screen is not a dependency.
"""

import ast
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "careertui"
DOMAIN_ALLOWED = {"careertui", "__future__"}


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


# -- the module graph: no cycles ------------------------------------------------------------------


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def _type_checking_only(tree: ast.AST) -> set[int]:
    """The ids of the import nodes under an `if TYPE_CHECKING:`."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(inner) for stmt in node.body for inner in ast.walk(stmt))
    return skipped


def internal_imports(name: str) -> set[str]:
    """The careertui modules `name` imports (relative imports resolved, `from pkg import mod`
    counted as the module), wherever the import statement stands but under TYPE_CHECKING."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text())
    skipped = _type_checking_only(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in MODULES)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            for alias in node.names:
                if f"{base}.{alias.name}" in MODULES:
                    found.add(f"{base}.{alias.name}")
                elif base in MODULES:
                    found.add(base)
    found.discard(name)
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles() -> None:
    graph = {name: internal_imports(name) for name in MODULES}
    found = {
        tuple(component): {m: sorted(graph[m] & set(component)) for m in component}
        for component in cycles(graph)
    }
    assert found == {}


@pytest.mark.parametrize(
    "name", sorted(n for n in MODULES if n.startswith("careertui.widgets")), ids=str
)
def test_widgets_never_import_screens_or_the_app(name: str) -> None:
    assert {
        n for n in internal_imports(name) if n.startswith(("careertui.screens", "careertui.app"))
    } == set()


@pytest.mark.parametrize("path", sorted((PACKAGE / "cli").glob("*.py")), ids=lambda p: p.name)
def test_cli_never_imports_textual(path: Path) -> None:
    """Only the entry point starts the TUI, by importing careertui.app when it is asked to."""
    names = imported_modules(path)
    assert {n for n in names if top(n) in ("textual", "rich")} == set()
    ui = {n for n in names if n.startswith(("careertui.screens", "careertui.widgets"))}
    assert ui == set()
    if path.name != "__init__.py":
        assert {n for n in names if n.startswith("careertui.app")} == set()


def test_rooms_stay_small() -> None:
    """A newcomer finds one responsibility per module: none over 500 lines, a screen under 400,
    app.py (wiring only: modes, global keys, palette, theme) under 200."""
    lines = {
        str(path.relative_to(PACKAGE)): len(path.read_text().splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    assert {name: n for name, n in lines.items() if n > 500} == {}
    assert {name: n for name, n in lines.items() if name.startswith("screens/") and n >= 400} == {}
    assert lines["app.py"] < 200
