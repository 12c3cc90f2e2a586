"""The README's examples for evidence, packets and weighing opportunities run as written, in
order, on a new journal: a reader who copies them must not meet a refusal."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from careertui.cli import cli

README = Path(__file__).resolve().parents[2] / "README.md"
SECTIONS = ("## Evidence for the next role", "## Weighing opportunities")


def commands(section: str) -> list[list[str]]:
    """The careertui commands of the section's first ```sh block, continuations joined and
    comments dropped, without the leading `careertui`."""
    text = README.read_text(encoding="utf-8")
    body = text[text.index(section) :]
    block = re.search(r"```sh\n(.*?)```", body, re.S)
    assert block is not None, section
    lines = block.group(1).replace("\\\n", " ").splitlines()
    found = [shlex.split(line, comments=True) for line in lines]
    assert all(words[0] == "careertui" for words in found if words)
    return [words[1:] for words in found if words]


@pytest.mark.parametrize("section", SECTIONS)
def test_readme_examples_run_on_a_new_journal(
    section: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    env = {"CAREERTUI_DB": str(tmp_path / "new.db"), "CAREERTUI_TODAY": "2026-12-03"}
    runner = CliRunner()
    for args in commands(section):
        result = runner.invoke(cli, args, env=env)
        assert result.exit_code == 0, (args, result.output, result.stderr)
    assert len(commands(section)) >= 6
