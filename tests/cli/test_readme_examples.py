"""The README's examples (daily use, before a conversation, evidence, packets, weighing
opportunities) run as written, in order, on a new journal: a reader who copies them must not
meet a refusal."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from careertui.cli import cli

README = Path(__file__).resolve().parents[2] / "README.md"
SECTIONS = ("## Evidence for the next role", "## Weighing opportunities")
DAILY = ("## Daily use", "## Before a conversation")
"""Sections read in order on one journal: the second talks to the Dana of the first."""
PIPED = re.compile(r'^echo "([^"]*)" \| (careertui .*)$')
"""`echo "TEXT" | careertui …`: the command, with TEXT on its standard input."""


def commands(section: str) -> list[list[str]]:
    """The careertui commands of the section's first ```sh block, continuations joined and
    comments dropped, without the leading `careertui` (a piped line: see piped_commands)."""
    return [args for args, _ in piped_commands(section)]


def piped_commands(section: str) -> list[tuple[list[str], str | None]]:
    """The section's commands as `commands` reads them, each with what `echo` pipes into it."""
    text = README.read_text(encoding="utf-8")
    body = text[text.index(section) :]
    block = re.search(r"```sh\n(.*?)```", body, re.S)
    assert block is not None, section
    lines = block.group(1).replace("\\\n", " ").splitlines()
    found = []
    for line in lines:
        piped = PIPED.match(line)
        found.append(
            (shlex.split(piped.group(2), comments=True), piped.group(1) + "\n")
            if piped
            else (shlex.split(line, comments=True), None)
        )
    assert all(words[0] == "careertui" for words, _ in found if words)
    return [(words[1:], stdin) for words, stdin in found if words]


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


def test_daily_use_and_before_a_conversation_run_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    env = {"CAREERTUI_DB": str(tmp_path / "new.db"), "CAREERTUI_TODAY": "2026-12-03"}
    runner = CliRunner()
    ran = []
    for section in DAILY:
        for args, stdin in piped_commands(section):
            result = runner.invoke(cli, args, env=env, input=stdin)
            assert result.exit_code == 0, (args, result.output, result.stderr)
            ran.append((args[:2], result.stdout))
    assert len(ran) >= 25 and (tmp_path / "career.ics").exists()
    # the line the README shows beside `careertui status`
    assert (["status"], "careertui: 2 due · streak 1 · review in 88d · readiness 90\n") in ran
    assert (
        ["add", "note"],
        "Added note #2: Idea: a cost dashboard for finance on 2026-12-03\n",
    ) in ran
