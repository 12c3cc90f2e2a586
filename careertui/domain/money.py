"""Money as people type it: a target salary in their own words ("$150,000 total
compensation", "140-160k") and an opportunity's pay ("120k"), and amounts shown short ("120k").

Apart from the opportunities so that the record checks (records.py) can read a typed pay
without importing what imports them.
"""

from __future__ import annotations

import math
import re

_FIGURE = r"\d[\d,  ]*(?:\.\d+)?"
_MONEY = re.compile(rf"({_FIGURE})\s*(?:(?:-|–|to)\s*{_FIGURE}\s*)?([kKmM]?)")
"""A figure, maybe the first of a range ("140-160k": the unit after the range is the first's)."""


def parse_money(text: object) -> float | None:
    """The first amount in a salary as typed: "150000", "$150,000", "150k", "€1.2m a year";
    None when there is none. A range ("140-160k") counts from its first figure, the floor."""
    if isinstance(text, int | float):
        return float(text) if math.isfinite(text) and text > 0 else None
    match = _MONEY.search(str(text or ""))
    if match is None:
        return None
    digits = re.sub(r"[,  ]", "", match.group(1))
    amount = float(digits) * {"k": 1_000, "m": 1_000_000}.get(match.group(2).lower(), 1)
    return amount if amount > 0 else None


_PAY = re.compile(rf"[$€£¥]?\s*({_FIGURE})\s*([kKmM]?)\s*[$€£¥]?")
PAY_HELP = "120000, 120k, $120,000"


def parse_pay(text: object) -> float | None:
    """An opportunity's pay as typed ("120000", "120k", "$120,000", "€1.2m"): the whole text is
    one positive amount, or None. Stricter than parse_money, which finds a salary inside words:
    here "-5", "1e308" or "120k maybe" would be read as something the person did not type."""
    if isinstance(text, int | float):
        return parse_money(text)
    match = _PAY.fullmatch(str(text or "").strip())
    return parse_money(match.group(0)) if match else None


def format_money(amount: float | None) -> str:
    """120000 → "120k", 1500000 → "1.5m", 950 → "950"."""
    if amount is None:
        return "—"
    if amount >= 1_000_000:
        return f"{amount / 1_000_000:.3g}m"
    if amount >= 1_000:
        return f"{amount / 1_000:.4g}k"
    return f"{amount:g}"
