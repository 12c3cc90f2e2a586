"""The demo's calendar and seeded generator: every record of the demo year is made through
`Year.record`, so the same day always gives the same file."""

from __future__ import annotations

import random
import uuid as uuidlib
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

Rows = list[dict[str, Any]]

SEED = 20261123
REVIEW_IN_DAYS = 75
"""The next review is a few months ahead; the review period is the year before it."""
YEAR = 365
ACTIONS_SINCE = 330
"""Days ago the key actions were set up."""


class Year:
    """Builds the year as an export document; every choice comes from one seeded generator.
    The areas' modules draw from it in a fixed order (see `careertui.demo.demo_document`)."""

    def __init__(self, today: date, tz: tzinfo) -> None:
        self.today = today
        self.tz = tz
        self.rng = random.Random(SEED)
        self.review_date = today + timedelta(days=REVIEW_IN_DAYS)
        self.review_start = self.review_date - timedelta(days=YEAR)

    def uuid(self) -> str:
        return str(uuidlib.UUID(int=self.rng.getrandbits(128), version=4))

    def ago(self, days: int) -> date:
        return self.today - timedelta(days=days)

    def ahead(self, days: int) -> date:
        return self.today + timedelta(days=days)

    def stamp(self, day: date, hour: int | None = None) -> str:
        hour = self.rng.randint(8, 19) if hour is None else hour
        minute = self.rng.randrange(0, 60, 5)
        return datetime.combine(day, time(hour, minute), self.tz).isoformat()

    def record(self, day: date, *, changed: date | None = None, **fields: Any) -> dict[str, Any]:
        created = self.stamp(day)
        updated = created if changed is None else self.stamp(changed)
        return {"uuid": self.uuid(), "created_at": created, "updated_at": updated, **fields}
