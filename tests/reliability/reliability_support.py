"""Helpers shared by the reliability tests: the installed command in real processes, a child-process
reader, file hashes, and a non-root runner (the read-only tests mean nothing as root)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CAREERTUI = Path(sys.executable).parent / "careertui"
WORKER = Path(__file__).with_name("worker.py")
NOBODY = 65534

Arg = str | bytes | os.PathLike[str]


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


def careertui(
    args: Sequence[Arg],
    db: Path | None = None,
    *,
    input: bytes | None = None,
    env: dict[str, str] | None = None,
    umask: int = -1,
    preexec_fn: Callable[[], None] | None = None,
    timeout: float = 60,
) -> Result:
    """Run the installed `careertui` (with `--db db` appended) and collect its output."""
    argv: list[Arg] = [CAREERTUI, *args]
    if db is not None:
        argv += ["--db", db]
    done = subprocess.run(
        argv,
        input=input,
        capture_output=True,
        env={**os.environ, **(env or {})},
        umask=umask,
        preexec_fn=preexec_fn,
        timeout=timeout,
    )
    return Result(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def worker(*args: Arg, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, WORKER, *args], capture_output=True, text=True, timeout=timeout
    )


def dump(db: Path) -> dict[str, list[dict[str, Any]]]:
    """Every record of `db`, read back by a new process."""
    done = worker("dump", db)
    assert done.returncode == 0, done.stderr
    data: dict[str, list[dict[str, Any]]] = json.loads(done.stdout)
    return data


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def assert_refused(result: Result) -> None:
    """The shape of every refusal: exit 1, one line on stderr, nothing on stdout, no traceback."""
    assert result.code == 1, result
    assert len(result.err_lines) == 1, result.err
    assert result.err.startswith("careertui: "), result.err
    assert "Traceback" not in result.err and not result.out, result


# -- running as a normal user -------------------------------------------------------------------

_PRELOAD = (
    "careertui.cli",
    "careertui.clock",
    "careertui.paths",
    "careertui.store",
    "careertui.store.store",
    "careertui.domain.records",
    "careertui.domain.dates",
    "careertui.domain.cadence",
    "platformdirs",
    "json",
    "uuid",
)


def _run_cli_as(uid: int, args: Sequence[str], home: Path) -> Result:
    """The CLI in a forked child that has dropped to `uid`. The interpreter lives in root's home
    here, which a normal user cannot read, so the modules the command needs are imported before
    the switch; the command itself runs unchanged."""
    import importlib

    for name in _PRELOAD:
        importlib.import_module(name)
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 70
        try:
            os.close(out_r)
            os.close(err_r)
            os.dup2(out_w, 1)
            os.dup2(err_w, 2)
            sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), line_buffering=True)
            sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), line_buffering=True)
            os.environ["XDG_STATE_HOME"] = str(home / "state")
            os.environ["XDG_DATA_HOME"] = str(home / "data")
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            from careertui.cli import cli

            try:
                cli.main(list(args), prog_name="careertui")
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    os.close(out_w)
    os.close(err_w)
    with os.fdopen(out_r, "rb") as out_f, os.fdopen(err_r, "rb") as err_f:
        out, err = out_f.read(), err_f.read()
    _, status = os.waitpid(pid, 0)
    return Result(os.waitstatus_to_exitcode(status), out.decode(), err.decode())


@dataclass
class User:
    """A normal (non-root) user and a folder it owns."""

    uid: int
    home: Path

    def run(self, args: Sequence[str]) -> Result:
        if self.uid == os.getuid():
            return careertui(args)
        return _run_cli_as(self.uid, args, self.home)
