"""Regenerate screenshots/*.svg: every screen of the app on a fresh demo journal.

    .venv/bin/python scripts/screenshots.py [--only dashboard,wins] [--png DIR]

The day is pinned (CAREERTUI_TODAY) so the pictures do not change from run to run. Every screen is
shot at 120x40; the SMALL ones also at 80x24 (named like dashboard-80x24.svg), the smallest
terminal the app is made for.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
from pathlib import Path

DAY = "2026-11-23"
SIZE = (120, 40)
SMALL_SIZE = (80, 24)
SMALL = ("dashboard", "review")
"""Screens also shot at SMALL_SIZE."""
MODES = (
    "dashboard",
    "roadmap",
    "target",
    "network",
    "tell",
    "brief",
    "wins",
    "selfcheck",
    "review",
    "opportunities",
)
VIEWS = {
    "opportunities": ("roadmap", "o"),
    "target": ("roadmap", "t"),
    "tell": ("network", "w"),
    "brief": ("network", ("w", "down", "down", "down", "down", "b")),  # Dana Lee's
}
"""Pictures of a screen's tab: (the screen, the keys that show it)."""
OUT = Path(__file__).resolve().parent.parent / "screenshots"


async def shoot(db: Path, modes: list[str]) -> list[Path]:
    from careertui.app import CareerApp

    shots = [(mode, SIZE, mode) for mode in modes]
    shots += [(mode, SMALL_SIZE, f"{mode}-80x24") for mode in modes if mode in SMALL]
    written = []
    for mode, size, name in shots:
        start, keys = VIEWS.get(mode, (mode, ""))
        app = CareerApp(db, start_mode=start)
        async with app.run_test(size=size) as pilot:
            for _ in range(2):
                await app.workers.wait_for_complete()
                await pilot.pause()
            await pilot.press(*keys)
            for _ in range(3):
                await app.workers.wait_for_complete()
                await pilot.pause()
            path = OUT / f"{name}.svg"
            app.save_screenshot(str(path.name), path=str(OUT))
            written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(MODES), help="comma-separated screens")
    parser.add_argument("--png", type=Path, help="also write PNGs here (needs rsvg-convert)")
    args = parser.parse_args()
    modes = [m for m in args.only.split(",") if m]
    os.environ["CAREERTUI_TODAY"] = DAY
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.db"
        command = [str(Path(sys.executable).parent / "careertui"), "demo", "--db", str(db)]
        subprocess.run(command, check=True, capture_output=True)
        for path in asyncio.run(shoot(db, modes)):
            print(path)
            if args.png:
                args.png.mkdir(parents=True, exist_ok=True)
                png = args.png / f"{path.stem}.png"
                subprocess.run(
                    ["rsvg-convert", "-w", "1400", str(path), "-o", str(png)], check=True
                )


if __name__ == "__main__":
    main()
