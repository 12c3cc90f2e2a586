"""careertui's benchmark (issue 9), side by side with jrnl and a bare Textual app.

    .venv/bin/python tests/perf/bench.py [--runs 5] [--million] [--work DIR] [--jrnl PATH]

Builds journals of 10,000 and 100,000 entries of every kind (journals.py) and the same entries as
jrnl plain-text journals, then times whole processes, each the median of --runs runs, with
careertui and jrnl run alternately so that drift hits both: capture (`add note` / `jrnl TEXT`,
also on an empty journal; `status` and `--version` beside `python -c "import sqlite3"`), search
for a rare, a medium and a common word (`search` /
`jrnl -contains … -n 50`), `stats --json`, export to JSON (`export --format json` /
`jrnl --export json`). The TUI's first complete dashboard frame is timed in a real terminal (a
private tmux server, 120×40) against the floor, a bare Textual app (floor.py); then each screen is
visited and the app quit, for its peak memory. Screen switches are timed inside `App.run_test()`
(switch.py). --million adds a journal of 1,000,000 notes for capture, search and stats. Prints
Markdown tables with every careertui/jrnl and careertui/floor ratio and the targets of issue 9.

jrnl comes from PyPI in its own environment:
    python3 -m venv /tmp/jrnl && /tmp/jrnl/bin/pip install jrnl
Not part of the test run. Needs tmux and GNU time (/usr/bin/time).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import journals

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
CAREERTUI = str(BIN / "careertui")
SIZES = {"10k": 10_000, "100k": 100_000}
MILLION = 1_000_000

POLL = 0.01
"""Seconds between two looks at the terminal."""
SETTLE = 1.5
"""A frame is complete when the terminal then stays unchanged this long."""
SWITCH_SETTLE = 1.0
"""A screen switch is complete when the terminal then stays unchanged this long."""
DASHBOARD_MARKER = r"day streak"
"""Text on the dashboard once its numbers have loaded (the streak panel is empty until then)."""
FLOOR_MARKER = r"Floor row"
SCREENS = (
    ("2", "roadmap", "Roadmap"),
    ("3", "network", "Network"),
    ("4", "wins", "Wins"),
    ("5", "selfcheck", "Self-check"),
    ("6", "review", "Weekly review"),
    ("1", "dashboard", "Dashboard"),
)
"""Each screen's key, mode and the title its Header shows (the first line of the terminal)."""


@dataclass
class Sample:
    seconds: list[float] = field(default_factory=list)
    peak_kb: list[int] = field(default_factory=list)
    error: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak_mb(self) -> float:
        return max(self.peak_kb) / 1024

    def text(self, what: str = "ms") -> str:
        if self.error:
            return f"failed: {self.error}"
        if not self.seconds:
            return "—"
        return f"{self.median * 1000:.0f} ms" if what == "ms" else f"{self.peak_mb:.0f} MB"


class CommandFailed(Exception):
    pass


def run_once(argv: Sequence[str], env: dict[str, str], work: Path) -> tuple[float, int]:
    """Wall time and peak RSS (KB, from GNU time: a child forked from this big process would
    report this process's size) of one whole process."""
    errors, peak = work / "stderr.txt", work / "peak.txt"
    with open(errors, "wb") as stderr:
        start = time.perf_counter()
        code = subprocess.call(
            ["/usr/bin/time", "-f", "%M", "-o", str(peak), *argv],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            env=env,
        )
        elapsed = time.perf_counter() - start
    if code:
        lines = errors.read_text(errors="replace").strip().splitlines()
        raise CommandFailed(lines[-1] if lines else f"exit status {code}")
    return elapsed, int(peak.read_text().split()[-1])


def measure(
    cases: dict[str, Sequence[str]], runs: int, env: dict[str, str], work: Path
) -> dict[str, Sample]:
    """Run every case once to warm up, then `runs` rounds of all of them in turn."""
    samples = {name: Sample() for name in cases}
    for round_ in range(runs + 1):
        for name, argv in cases.items():
            sample = samples[name]
            if sample.error:
                continue
            try:
                seconds, peak = run_once(argv, env, work)
            except CommandFailed as exc:
                sample.error = str(exc)
                continue
            if round_:
                sample.seconds.append(seconds)
                sample.peak_kb.append(peak)
    return samples


# -- the terminal --------------------------------------------------------------------------------


class Terminal:
    """A private tmux server with one 120×40 pane; each run replaces what runs in it."""

    def __init__(self, env: dict[str, str], work: Path) -> None:
        self.base = ["tmux", "-L", f"careertui-bench-{os.getpid()}", "-f", "/dev/null"]
        self.work = work
        subprocess.run(
            [*self.base, "new-session", "-d", "-s", "bench", "-x", "120", "-y", "40"],
            env=env,
            check=True,
        )
        self.tmux("set-option", "-g", "remain-on-exit", "on")

    def tmux(self, *args: str) -> str:
        return subprocess.run(
            [*self.base, *args], capture_output=True, text=True, check=True
        ).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "bench")

    def close(self) -> None:
        subprocess.run([*self.base, "kill-server"], capture_output=True)

    def settle(
        self, since: str, start: float, ready: Callable[[str], bool], quiet: float
    ) -> tuple[float, str]:
        """Poll the terminal until it differs from `since`, `ready(frame)` holds and it then
        stays unchanged `quiet` seconds; returns the time of the last change after `start`
        and the frame."""
        last, changed = since, start
        while True:
            frame = self.screen()
            now = time.perf_counter()
            if frame != last:
                last, changed = frame, now
            elif last != since and ready(frame) and now - changed >= quiet:
                return changed - start, frame
            if now - start > 60:
                raise CommandFailed(f"the screen did not settle after 60 s:\n{frame}")
            time.sleep(POLL)

    def run(
        self, argv: Sequence[str], marker: str, screens: Sequence[tuple[str, str, str]]
    ) -> tuple[float, int, str, dict[str, float]]:
        """Start `argv`; the time until the screen shows `marker` and then stays unchanged for
        SETTLE seconds (the time of the last change). Then, for each of `screens` (key, name,
        header title), press the key and time the switch: until the header shows the title and
        the terminal then stays unchanged SWITCH_SETTLE seconds. Then ctrl+q. Returns the first
        frame's time, the peak RSS in KB, the frame and the switch times by name."""
        peak_file = self.work / "tui-peak.txt"
        peak_file.unlink(missing_ok=True)
        pattern = re.compile(marker)
        self.tmux("respawn-pane", "-k", "-t", "bench", "clear; sleep 86400")
        time.sleep(0.2)
        before = self.screen()
        command = shlex.join(["/usr/bin/time", "-f", "%M", "-o", str(peak_file), *argv])
        start = time.perf_counter()
        self.tmux("respawn-pane", "-k", "-t", "bench", command)
        first, frame = self.settle(before, start, lambda f: bool(pattern.search(f)), SETTLE)
        switches: dict[str, float] = {}
        for key, name, title in screens:
            heading = re.compile(rf"\s{re.escape(title)}\s*$")

            def ready(f: str, heading: re.Pattern[str] = heading) -> bool:
                return bool(heading.search(f.split("\n", 1)[0]))

            since = self.screen()
            start = time.perf_counter()
            self.tmux("send-keys", "-t", "bench", key)
            label = (
                f"{name}, first visit"
                if f"{name}, first visit" not in switches and (name != "dashboard")
                else f"{name}, again"
            )
            switches[label], _ = self.settle(since, start, ready, SWITCH_SETTLE)
        self.tmux("send-keys", "-t", "bench", "C-q")
        quit_at = time.perf_counter()
        while not peak_file.exists() or not peak_file.read_text().strip():
            if time.perf_counter() - quit_at > 60:
                raise CommandFailed(f"{argv[0]} did not quit")
            time.sleep(POLL)
        return first, int(peak_file.read_text().split()[-1]), frame, switches


def first_frames(
    apps: dict[str, tuple[Sequence[str], str, Sequence[tuple[str, str, str]]]],
    runs: int,
    env: dict[str, str],
    work: Path,
) -> tuple[dict[str, Sample], dict[str, str], dict[str, dict[str, Sample]]]:
    """First-frame times, peak memory and screen-switch times of each app, alternating, after
    a warm-up run each."""
    terminal = Terminal(env, work)
    samples = {name: Sample() for name in apps}
    frames: dict[str, str] = {}
    switches: dict[str, dict[str, Sample]] = {name: {} for name in apps}
    try:
        for round_ in range(runs + 1):
            for name, (argv, marker, screens) in apps.items():
                if samples[name].error:
                    continue
                try:
                    seconds, peak, frames[name], times = terminal.run(argv, marker, screens)
                except CommandFailed as exc:
                    samples[name].error = str(exc).splitlines()[0]
                    frames[name] = str(exc)
                    continue
                if round_:
                    samples[name].seconds.append(seconds)
                    samples[name].peak_kb.append(peak)
                    for screen, elapsed in times.items():
                        switches[name].setdefault(screen, Sample()).seconds.append(elapsed)
    finally:
        terminal.close()
    return samples, frames, switches


def screen_switches(db: Path, runs: int, env: dict[str, str]) -> dict[str, Sample]:
    """Median time to switch to each screen: its first visit, and visits after that."""
    samples: dict[str, Sample] = {}
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, str(HERE / "switch.py"), str(db), "3"],
            capture_output=True,
            text=True,
            env=env,
        )
        if out.returncode:
            lines = out.stderr.strip().splitlines()
            return {"all screens": Sample(error=lines[-1] if lines else "switch.py failed")}
        result = json.loads(out.stdout)
        for mode, seconds in result["first"].items():
            samples.setdefault(f"{mode}, first visit", Sample()).seconds.append(seconds)
        for mode, times in result["again"].items():
            samples.setdefault(f"{mode}, again", Sample()).seconds.extend(times)
    return samples


# -- report --------------------------------------------------------------------------------------


@dataclass
class Row:
    what: str
    careertui: Sample
    peer: Sample | None = None
    target: str = ""
    check: Callable[[], bool] | None = None

    def cells(self) -> list[str]:
        ratio = "—"
        if self.peer and self.peer.seconds and self.careertui.seconds:
            ratio = f"{self.careertui.median / self.peer.median:.2f}×"
        verdict = ""
        if self.check and self.careertui.seconds and not self.careertui.error:
            try:
                verdict = "✅" if self.check() else "❌"
            except (statistics.StatisticsError, ValueError):
                verdict = "?"
        peer = self.peer.text() if self.peer else ""
        return [self.what, self.careertui.text(), peer, ratio, self.target, verdict]


def table(title: str, header: str, rows: list[Row]) -> str:
    lines = [
        f"### {title}",
        "",
        f"| what | careertui | {header} | ratio | target | met |",
        "| --- | ---: | ---: | ---: | --- | :---: |",
    ]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def memory_table(samples: dict[str, Sample], limit_mb: float | None = None) -> str:
    lines = ["| process | peak RSS |", "| --- | ---: |"]
    for name, sample in samples.items():
        if sample.peak_kb:
            flag = ""
            if limit_mb is not None and name.startswith("TUI, careertui"):
                flag = " ✅" if sample.peak_mb <= limit_mb else " ❌"
            lines.append(f"| {name} | {sample.peak_mb:.0f} MB{flag} |")
    return "\n".join(lines) + "\n"


# -- the run -------------------------------------------------------------------------------------


def jrnl_config(work: Path, journals_by_name: dict[str, Path]) -> Path:
    folder = work / "config" / "jrnl"
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["journals:"]
    for name, path in journals_by_name.items():
        lines += [f"  {name}:", f"    journal: {json.dumps(str(path))}"]
    lines += [
        "encrypt: false",
        "tagsymbols: '@'",
        "default_hour: 9",
        "default_minute: 0",
        "editor: ''",
        "timeformat: '%Y-%m-%d %H:%M'",
        "highlight: false",
        "linewrap: 79",
        "colors: {body: none, date: none, tags: none, title: none}",
        "display_format: ''",
        "indent_character: '|'",
        "template: false",
        "version: '4.6'",
    ]
    (folder / "jrnl.yaml").write_text("\n".join(lines) + "\n")
    return work / "config"


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.split()
    total = memory[memory.index("Mem:") + 1] if "Mem:" in memory else "?"
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {total} RAM, Python {sys.version.split()[0]}, "
        f"SQLite {__import__('sqlite3').sqlite_version}, load average "
        f"{os.getloadavg()[0]:.2f} at the start"
    )


ANCHORS = {
    "python -c pass": 12,
    "import click, sqlite3": 61,
    "import textual.app": 215,
}
"""Whole-process medians in ms from issue 9, measured on a quiet machine of this kind."""


def anchors() -> dict[str, list[str]]:
    return {
        name: [sys.executable, "-c", "pass" if name.endswith("pass") else name.split(" -c ")[-1]]
        for name in ANCHORS
    }


def million(work: Path, today: date) -> Path:
    """The journal of 1,000,000 notes (and 100,000 records of the other kinds), built once per
    day and version of journals.py and kept in WORK/cache; each run times a copy of it."""
    import hashlib

    version = hashlib.sha256(Path(journals.__file__).read_bytes()).hexdigest()[:12]
    cache = work / "cache"
    cached = cache / f"1M-{today.isoformat()}-{version}.db"
    if not cached.exists():
        shutil.rmtree(cache, ignore_errors=True)
        cache.mkdir(parents=True)
        building = cache / "building.db"
        rows = journals.build(building, SIZES["100k"], today, notes=MILLION)
        building.rename(cached)
        print(f"Built 1M: {MILLION:,} notes and {sum(rows.values()) - MILLION:,} other records.")
    copy = work / "1M.db"
    shutil.copyfile(cached, copy)
    copy.chmod(0o600)
    return copy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per median (default 5)")
    parser.add_argument("--million", action="store_true", help="also 1,000,000 notes")
    parser.add_argument("--work", type=Path, default=Path("/tmp/careertui-bench"))
    parser.add_argument("--jrnl", default="/tmp/jrnl/bin/jrnl", help="jrnl's executable")
    parser.add_argument(
        "--pilot-runs", type=int, default=1, help="processes of switch.py per journal (default 1)"
    )
    parser.add_argument("--show-frames", action="store_true", help="print the frames timed")
    args = parser.parse_args()
    runs: int = args.runs
    work: Path = args.work
    if not Path(args.jrnl).exists():
        sys.exit(
            f"no jrnl at {args.jrnl}: python3 -m venv /tmp/jrnl && /tmp/jrnl/bin/pip install jrnl"
        )
    for tool in ("tmux", "/usr/bin/time"):
        if not shutil.which(tool):
            sys.exit(f"the benchmark needs {tool}")
    work.mkdir(parents=True, exist_ok=True)
    for old in work.iterdir():
        if old.name != "cache":
            shutil.rmtree(old) if old.is_dir() else old.unlink()
    started = time.perf_counter()
    print(
        f"## careertui benchmark, {date.today()}\n\nMachine: {machine()}; {runs} runs per median.\n"
    )

    today = date.today()
    dbs = {"empty": work / "empty.db"}
    texts = {"empty": work / "empty.txt"}
    journals.build(dbs["empty"], 0, today)
    texts["empty"].write_text("")
    sizes = dict(SIZES)
    for label, entries in sizes.items():
        dbs[label], texts[label] = work / f"{label}.db", work / f"{label}.txt"
        t = time.perf_counter()
        journals.build(dbs[label], entries, today)
        count = journals.write_jrnl(dbs[label], texts[label])
        print(f"Built {label}: {count:,} entries in {time.perf_counter() - t:.0f} s.")
    if args.million:
        t = time.perf_counter()
        dbs["1M"] = million(work, today)
        print(f"1M journal ready in {time.perf_counter() - t:.0f} s: {dbs['1M']}.")
    print()

    # Bytecode as an installed package has it: pip compiles .pyc files on install, but this
    # work tree is an editable install and PYTHONDONTWRITEBYTECODE may be set, which would make
    # every careertui process compile its own modules again. The warm-up runs fill the cache.
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("CAREERTUI_", "XDG_", "JRNL", "PYTHONDONTWRITEBYTECODE"))
    }
    env["PYTHONPYCACHEPREFIX"] = str(work / "cache" / "pycache")
    env["XDG_CONFIG_HOME"] = str(
        jrnl_config(
            work, {"default": texts["empty"]} | {f"j{label}": texts[label] for label in sizes}
        )
    )
    for xdg in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[xdg] = str(work / xdg.lower())

    def careertui(label: str, *argv: str) -> list[str]:
        return [CAREERTUI, "--db", str(dbs[label]), *argv]

    def jrnl(label: str, *argv: str) -> list[str]:
        return [args.jrnl, *(() if label == "empty" else (f"j{label}",)), *argv]

    entry = "Met Dana about the storage RFC. She wants a one-page proposal by Friday."
    cli: dict[str, dict[str, Sample]] = {}
    for label in ("empty", *sizes):
        cases: dict[str, list[str]] = {
            "capture careertui": careertui(label, "add", "note", entry),
            "capture jrnl": jrnl(label, entry),
            "status careertui": careertui(label, "status"),
            "python import sqlite3": [sys.executable, "-c", "import sqlite3"],
        }
        if label == "empty":
            # The issue's anchors, timed in the same rounds: how loaded the machine is.
            cases |= {f"anchor {name}": argv for name, argv in anchors().items()}
            cases["version careertui"] = [CAREERTUI, "--version"]
        if label != "empty":
            for kind, word in journals.SEARCH_TERMS.items():
                cases[f"search {kind} careertui"] = careertui(label, "search", word)
                cases[f"search {kind} jrnl"] = jrnl(label, "-contains", word, "-n", "50")
            cases["stats careertui"] = careertui(label, "stats", "--json")
            cases["export careertui"] = careertui(label, "export", "--format", "json")
            cases["export jrnl"] = jrnl(label, "--export", "json")
        t = time.perf_counter()
        cli[label] = measure(cases, runs, env, work)
        print(f"Timed the commands on {label} in {time.perf_counter() - t:.0f} s.", flush=True)
    if args.million:
        cases = {"capture careertui": careertui("1M", "add", "note", entry)}
        for kind, word in journals.SEARCH_TERMS.items():
            cases[f"search {kind} careertui"] = careertui("1M", "search", word)
        cases["stats careertui"] = careertui("1M", "stats", "--json")
        cli["1M"] = measure(cases, runs, env, work)

    apps: dict[str, tuple[Sequence[str], str, Sequence[tuple[str, str, str]]]] = {
        "floor": ([sys.executable, str(HERE / "floor.py")], FLOOR_MARKER, ()),
    }
    for label in sizes:
        apps[f"careertui {label}"] = (careertui(label), DASHBOARD_MARKER, SCREENS * 2)
    t = time.perf_counter()
    tui, frames, terminal_switches = first_frames(apps, runs, env, work)
    print(f"Timed the first frames and switches in {time.perf_counter() - t:.0f} s.", flush=True)
    t = time.perf_counter()
    switches = {label: screen_switches(dbs[label], args.pilot_runs, env) for label in sizes}
    print(f"Timed the switches under Pilot in {time.perf_counter() - t:.0f} s.", flush=True)
    print(f"All done in {time.perf_counter() - started:.0f} s.\n")

    empty = cli["empty"]
    jrnl_empty_capture = empty["capture jrnl"]
    lines = [
        "### Anchors (issue 9's figures on a quiet machine of this kind)",
        "",
        "| what | this run | issue 9 | ratio |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, issue_ms in ANCHORS.items():
        sample = empty[f"anchor {name}"]
        ratio = f"{sample.median * 1000 / issue_ms:.1f}×" if sample.seconds else "—"
        lines.append(f"| `{name}` | {sample.text()} | {issue_ms} ms | {ratio} |")
    jrnl_ratio = jrnl_empty_capture.median * 1000 / 162 if jrnl_empty_capture.seconds else 0
    lines.append(
        f"| jrnl, add an entry to an empty journal | {jrnl_empty_capture.text()} | 162 ms | "
        f"{jrnl_ratio:.1f}× |"
    )
    print("\n".join(lines) + "\n")
    for label in ("empty", *sizes):
        s = cli[label]
        rows = [
            Row("capture (`add note`)", s["capture careertui"], s["capture jrnl"]),
            Row(
                "capture vs jrnl on an empty journal",
                s["capture careertui"],
                jrnl_empty_capture,
                "≤ 0.5×",
                lambda s=s: s["capture careertui"].median <= 0.5 * jrnl_empty_capture.median,
            ),
            Row(
                "`status` vs `python -c 'import sqlite3'`",
                s["status careertui"],
                s["python import sqlite3"],
                "≤ 2×",
                lambda s=s: s["status careertui"].median <= 2 * s["python import sqlite3"].median,
            ),
        ]
        if label == "empty":
            rows.append(
                Row(
                    "`--version` vs capture",
                    s["version careertui"],
                    s["capture careertui"],
                    "≤ 1×",
                    lambda s=s: s["version careertui"].median <= s["capture careertui"].median,
                )
            )
        if label != "empty":
            for kind, word in journals.SEARCH_TERMS.items():
                mine = s[f"search {kind} careertui"]
                rows.append(
                    Row(
                        f"search, {kind} word ({word!r})",
                        mine,
                        s[f"search {kind} jrnl"],
                        "≤ 150 ms",
                        lambda mine=mine: mine.median <= 0.150,
                    )
                )
            stats = s["stats careertui"]
            rows.append(
                Row(
                    "`stats --json`",
                    stats,
                    None,
                    "≤ 300 ms",
                    lambda stats=stats: stats.median <= 0.300,
                )
            )
            mine, peer = s["export careertui"], s["export jrnl"]
            rows.append(
                Row(
                    "export to JSON",
                    mine,
                    peer,
                    "≤ 0.2× jrnl",
                    lambda mine=mine, peer=peer: mine.median <= 0.2 * peer.median,
                )
            )
        print(table(f"Commands, {label} journal", "jrnl", rows))
    if args.million:
        s = cli["1M"]
        rows = [
            Row(
                "capture (`add note`)",
                s["capture careertui"],
                jrnl_empty_capture,
                "≤ 0.5× jrnl empty",
                lambda: s["capture careertui"].median <= 0.5 * jrnl_empty_capture.median,
            )
        ]
        for kind, word in journals.SEARCH_TERMS.items():
            mine = s[f"search {kind} careertui"]
            rows.append(
                Row(
                    f"search, {kind} word ({word!r})",
                    mine,
                    None,
                    "≤ 300 ms",
                    lambda mine=mine: mine.median <= 0.300,
                )
            )
        rows.append(Row("`stats --json`", s["stats careertui"], None, "", None))
        print(table("Commands, 1,000,000 notes", "jrnl, empty journal", rows))

    floor = tui["floor"]
    rows = [Row("bare Textual app (the floor)", floor)]
    for label in sizes:
        mine = tui[f"careertui {label}"]
        rows.append(
            Row(
                f"careertui, {label} journal",
                mine,
                floor,
                "≤ 1.5× floor",
                lambda mine=mine: mine.median <= 1.5 * floor.median,
            )
        )
    print(table("First complete dashboard frame in a terminal (tmux, 120×40)", "floor", rows))
    for label in sizes:
        rows = [
            Row(name, sample, None, "≤ 150 ms", lambda sample=sample: sample.median <= 0.150)
            for name, sample in terminal_switches[f"careertui {label}"].items()
        ]
        print(
            table(
                f"Screen switches in a terminal (key to the settled frame, tmux), {label} journal",
                "",
                rows,
            )
        )
    for label in sizes:
        rows = [
            Row(name, sample, None, "≤ 150 ms", lambda sample=sample: sample.median <= 0.150)
            for name, sample in switches[label].items()
        ]
        print(
            table(
                f"Screen switches inside `run_test()` (Pilot; pessimistic), {label} journal",
                "",
                rows,
            )
        )

    print("### Peak memory\n")
    peaks = {f"TUI, {name} (every screen visited)": sample for name, sample in tui.items()}
    for label, samples in cli.items():
        peaks |= {f"{name}, {label}": sample for name, sample in samples.items()}
    print(memory_table(peaks, limit_mb=80))
    if args.show_frames:
        for name, frame in frames.items():
            print(f"### Frame timed: {name}\n\n```\n{frame}```\n")


if __name__ == "__main__":
    main()
