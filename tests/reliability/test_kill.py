"""SIGKILL at random moments: SQLite keeps its promise if careertui commits before it says so.

Each test prints its counts (run with `-s` to see them)."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from reliability_support import CAREERTUI, careertui, dump, integrity

from careertui.store import Store, StoreError, connection
from careertui.store.schema import SCHEMA_VERSION


def _start(db: Path, text: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [CAREERTUI, "add", "note", text, "--db", db],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _lifetime(db: Path) -> float:
    """The shortest wall time of an unkilled `careertui add` on this machine: under load the
    median runs long, and kills timed by it would miss writers that have already finished."""
    times = []
    for n in range(5):
        start = time.monotonic()
        assert careertui(["add", "note", f"warmup{n}"], db).code == 0
        times.append(time.monotonic() - start)
    return min(times)


def _kill_loop(db: Path, kills: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    life = _lifetime(db)
    acked: set[str] = set()
    killed = 0
    spared = 0
    for n in range(kills + kills // 5):
        token = f"killtoken{n:04d}"
        proc = _start(db, token)
        # Every sixth process is left alone, so acknowledged writes sit between the kills. Of the
        # others, half are killed anywhere in their life, half in its last stretch, where the
        # file is opened, written and committed.
        if n % 6 == 5:
            delay: float | None = None
            spared += 1
        elif n % 2:
            delay = rng.uniform(0, life)
        else:
            delay = rng.uniform(0.7 * life, 1.4 * life)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        out, err = proc.communicate()
        if proc.returncode == 0:
            assert "Added note" in out.decode(), out
            acked.add(token)
        else:
            assert proc.returncode == -signal.SIGKILL, err.decode()

    assert integrity(db) == "ok"
    stored = Counter(row["text"] for row in dump(db)["note"] if row["text"].startswith("killtoken"))
    assert not [text for text, count in stored.items() if count > 1], stored
    missing = acked - set(stored)
    assert not missing, f"acknowledged but lost: {sorted(missing)}"
    hits = careertui(["search", "killtoken", "--json", "--limit", "10000"], db)
    assert hits.code == 0, hits.err
    found = {hit["title"] for hit in json.loads(hits.out)}
    assert set(stored) <= found, "a stored note is missing from the full-text index"
    assert careertui(["add", "note", "after the kills"], db).code == 0
    assert len(acked) >= spared
    counts = {
        "kill attempts": kills,
        "killed while running": killed,
        "acknowledged": len(acked),
        "stored": len(stored),
        "stored, killed before acknowledging": len(set(stored) - acked),
        "lost": len(missing),
    }
    print(f"\nSIGKILL seed={seed} lifetime={life * 1000:.0f} ms: {counts}")
    return counts


def test_sigkill_during_add_loses_no_acknowledged_note(tmp_path: Path) -> None:
    counts = _kill_loop(tmp_path / "kill" / "careertui.db", kills=30, seed=8)
    assert counts["killed while running"] >= 10  # the test really killed writers


@pytest.mark.slow
def test_sigkill_during_add_many_times(tmp_path: Path) -> None:
    counts = _kill_loop(tmp_path / "kill" / "careertui.db", kills=300, seed=int(time.time()))
    assert counts["killed while running"] >= 100


def test_sigkill_while_creating_a_new_file(tmp_path: Path) -> None:
    """A kill while the very first `add` builds the file leaves either no file or a complete
    one, never a half-made database that later refuses to open."""
    rng = random.Random(11)
    made = absent = 0
    for n in range(10):
        db = tmp_path / f"fresh{n}" / "careertui.db"
        proc = _start(db, "first")
        try:
            proc.wait(timeout=rng.uniform(0.05, 0.5))
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
        proc.communicate()
        if db.exists():
            made += 1
            assert integrity(db) == "ok"
            conn = sqlite3.connect(db)
            assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
            conn.close()
        else:
            absent += 1
        result = careertui(["add", "note", "second"], db)
        assert result.code == 0, result.err
        kept = sorted(p.name for p in db.parent.iterdir() if p.name != ".careertui.db.checked")
        assert kept == ["careertui.db"], "leftovers"  # (and the integrity verdict's cache)
    print(f"\nkilled creations: {made} left a complete file, {absent} left none")


def test_a_checkpoint_cut_short_still_opens(
    tmp_path: Path, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process killed inside its checkpoint leaves a file whose header already counts pages
    that are not written yet, next to the -wal that holds them. SQLite recovers it; careertui
    must not refuse it as truncated (it did, for good)."""
    db = tmp_path / "live" / "careertui.db"
    store = Store(db)
    store.conn.execute("PRAGMA wal_autocheckpoint = 0")
    for n in range(30):
        store.insert("note", {"text": f"kept{n} " + "words " * 4000, "date": "today"}, today)
    old_size = db.stat().st_size
    wal = Path(f"{db}-wal").read_bytes()
    store.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    grown = db.read_bytes()
    store.close()
    assert len(grown) > old_size

    crashed = tmp_path / "crashed" / "careertui.db"
    crashed.parent.mkdir(mode=0o700)
    crashed.write_bytes(grown[:old_size])
    Path(f"{crashed}-wal").write_bytes(wal)
    for file in (crashed, Path(f"{crashed}-wal")):
        file.chmod(0o600)

    # The state is the tricky one: without the -wal rule the file reads as truncated.
    with monkeypatch.context() as patched:
        patched.setattr(connection, "_wal_has_frames", lambda path: False)
        patched.setattr(connection, "SETTLE_SECONDS", 0.0)
        with pytest.raises(StoreError, match="truncated"):
            connection.open_connection(crashed)

    result = careertui(["add", "note", "after the crash"], crashed)
    assert result.code == 0, result.err
    texts = [row["text"].split()[0] for row in dump(crashed)["note"]]
    assert texts == [f"kept{n}" for n in range(30)] + ["after"]
    assert integrity(crashed) == "ok"
