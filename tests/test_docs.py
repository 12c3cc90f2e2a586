"""The project documents itself: docs/DATA.md names every table and column a new file has, and
nothing in the repository points outside it."""

import re
import sqlite3
from pathlib import Path

from careertui.store import Store

ROOT = Path(__file__).resolve().parent.parent


def _sections(text: str) -> dict[str, str]:
    """docs/DATA.md's text under each `### \\`table\\`` heading, and each row of its sync table."""
    found = {
        match.group(1): body
        for match, body in zip(
            re.finditer(r"^### `(\w+)`.*$", text, re.M),
            re.split(r"^### `\w+`.*$", text, flags=re.M)[1:],
            strict=True,
        )
    }
    for line in text.splitlines():
        row = re.match(r"^\| `(sync_\w+)` \|(.*)$", line)
        if row:
            found[row.group(1)] = row.group(2)
    return found


def test_data_md_names_every_table_and_column(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    tables = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%\\_fts%' "
            "ESCAPE '\\' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
        )
    ]
    columns = {t: [row[1] for row in conn.execute(f'PRAGMA table_info("{t}")')] for t in tables}
    conn.close()
    sections = _sections((ROOT / "docs" / "DATA.md").read_text())
    common = ("id", "uuid", "created_at", "updated_at")
    missing = {
        table: [c for c in names if c not in common and f"`{c}`" not in sections.get(table, "")]
        for table, names in columns.items()
    }
    assert {t: m for t, m in missing.items() if m or t not in sections} == {}


def _sources() -> list[Path]:
    found = [
        path
        for folder in ("careertui", "tests", "docs", "scripts")
        for path in sorted((ROOT / folder).rglob("*"))
        if path.suffix in (".py", ".md", ".tcss") and "__pycache__" not in path.parts
    ]
    return [*found, ROOT / "README.md", ROOT / "pyproject.toml"]


def test_nothing_points_outside_the_repository() -> None:
    """The rules are written in docs/ in the project's own words: no file cites a document that
    is not in the repository (a document named `NAME.md` must be one of its files; no "SPEC", no ../shared)."""
    sources = _sources()
    here = {path.name for path in sources if path.suffix == ".md"}
    outside: dict[str, list[str]] = {}
    for path in sources:
        if path == Path(__file__):
            continue  # this test spells the patterns out
        text = path.read_text(errors="replace")
        named = [n for n in re.findall(r"\b[A-Z][A-Z_]+\.md\b", text) if n not in here]
        cited = re.findall(r"\bSPEC\b[^\n]{0,8}|\.\./shared\b|\bshared/\w+", text)
        if named or cited:
            outside[str(path.relative_to(ROOT))] = sorted({*named, *cited})
    assert outside == {}


def test_ci_runs_the_readmes_test_command() -> None:
    """The README's second command is what .ci/run installs and runs (after the checks)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("Install and run the tests", 1)[1].split("```sh\n", 1)[1]
    command = block.split("\n", 1)[0]
    venv, install, run = (part.strip() for part in command.split("&&"))
    assert venv == "python3 -m venv .venv"
    assert install == ".venv/bin/pip install '.[test,dev]'"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert 'python -m pip install -q ".[test,dev]"' in ci
    assert run.removeprefix(".venv/bin/") in ci
