"""Screen switches inside `App.run_test()`: the time from pressing a screen's key to its load
worker finishing and the screen being idle. Prints JSON: the first visit of each screen and
later visits. The app warms the other screens as `careertui` does (built off screen once the
dashboard has loaded); the timing starts when the warming is over.

Usage: python tests/perf/switch.py DB ROUNDS
"""

import asyncio
import json
import sys
from pathlib import Path
from time import perf_counter

from careertui.app import SCREENS_BY_KEY, CareerApp


async def main(db: Path, rounds: int) -> None:
    app = CareerApp(db, warm=True)
    first: dict[str, float] = {}
    again: dict[str, list[float]] = {mode: [] for _key, mode, _label in SCREENS_BY_KEY}
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await asyncio.wait_for(app.warmed.wait(), timeout=120)
        await pilot.pause()
        order = [*SCREENS_BY_KEY[1:], SCREENS_BY_KEY[0]]
        for _ in range(rounds + 1):
            for key, mode, _label in order:
                start = perf_counter()
                await pilot.press(key)
                await app.workers.wait_for_complete()
                await pilot.pause()
                elapsed = perf_counter() - start
                if mode in first or mode == "dashboard":
                    again[mode].append(elapsed)
                else:
                    first[mode] = elapsed
    print(json.dumps({"first": first, "again": again}))


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), int(sys.argv[2])))
