"""Action cadences: `daily`, `weekdays`, `weekly[:N]`, `monthly[:N]`."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CADENCE = re.compile(r"^(daily|weekdays|weekly|monthly)(?::(\d{1,3}))?$")


class CadenceError(ValueError):
    """A cadence the app does not know; the message names it."""


@dataclass(frozen=True)
class Cadence:
    unit: str
    """daily, weekdays, weekly or monthly."""
    times: int = 1
    """Check-ins needed in one period (weekly and monthly only)."""

    @property
    def text(self) -> str:
        if self.unit in ("weekly", "monthly") and self.times != 1:
            return f"{self.unit}:{self.times}"
        return self.unit


def parse_cadence(text: str) -> Cadence:
    raw = (text or "").strip().lower().replace(" ", "")
    match = _CADENCE.match(raw)
    if not match:
        raise CadenceError(
            f"unknown cadence {text!r} (use daily, weekdays, weekly, weekly:N, monthly or monthly:N)"
        )
    unit, times = match.group(1), match.group(2)
    if times is None:
        return Cadence(unit)
    count = int(times)
    if unit in ("daily", "weekdays"):
        raise CadenceError(f"unknown cadence {text!r}: {unit} takes no count")
    limit = 7 if unit == "weekly" else 31
    if not 1 <= count <= limit:
        raise CadenceError(f"cadence {text!r}: the count must be between 1 and {limit}")
    return Cadence(unit, count)
