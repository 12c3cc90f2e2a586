"""Weighing opportunities: an assessment's parts, its score, and the side-by-side comparison.

An opportunity (a goal of kind `opportunity`) is assessed on ten parts: what taking it would do
to each of the five employment-security pillars (-2 … +2), how it fits the space the person wants
to command (domain, function, problems, activities: 1-5 each), and its pay against the target
salary. Each part is brought to 0..1 and the score is their weighted mean × 100, over the parts
that were assessed (see FORMULA). Pure: the store reads, this module computes.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from careertui.domain.money import format_money
from careertui.domain.records import FIT_PARTS, SECURITY_PILLARS
from careertui.domain.text import one_line

PARTS = (*SECURITY_PILLARS, *FIT_PARTS, "pay")
PART_LABELS = {
    "skills": "Job skills",
    "performance": "Performance",
    "network": "Network",
    "job_search": "Job search",
    "finances": "Finances",
    "domain": "Domain",
    "function": "Function",
    "problems": "Problems",
    "activities": "Activities",
    "pay": "Pay",
}
DEFAULT_WEIGHT = 1.0

FORMULA = (
    "Score = 100 × Σ(weight × part) ÷ Σ(weight), over the parts assessed; "
    "a pillar (−2…+2) counts (v+2)/4, a fit (1–5) counts (v−1)/4, "
    "pay counts pay ÷ target salary, at most 1"
)

GOOD, FAIR, POOR, NONE = "good", "fair", "poor", "none"
"""A cell's colour: good (green), fair (yellow: neutral), poor (red), none (not assessed)."""


def _exact(value: float) -> Fraction:
    """A stored number as the decimal it was typed as (0.1 is 1/10, not the nearest binary)."""
    return Fraction(repr(float(value)))


def part_value(
    part: str, assessment: Mapping[str, Any], target_pay: float | None
) -> Fraction | None:
    """One part of an assessment on 0..1, or None when it was not assessed (or, for pay, when
    there is no target salary to hold it against)."""
    raw = assessment.get(part)
    if raw is None or raw == "":
        return None
    if part in SECURITY_PILLARS:
        return Fraction(int(raw) + 2, 4)
    if part in FIT_PARTS:
        return Fraction(int(raw) - 1, 4)
    if part == "pay":
        if not target_pay:
            return None
        return min(Fraction(1), _exact(float(raw)) / _exact(target_pay))
    raise KeyError(part)


def weights_of(stored: Mapping[str, Any] | None) -> dict[str, float]:
    """The weights in force: the stored row's, each missing one at DEFAULT_WEIGHT."""
    stored = stored or {}
    return {
        part: DEFAULT_WEIGHT if stored.get(part) is None else float(stored[part]) for part in PARTS
    }


@dataclass(frozen=True, slots=True)
class Score:
    value: int | None
    """0-100, rounded half up; None when no weighted part was assessed."""
    counted: tuple[str, ...]
    """The parts the score holds (assessed, weight above 0)."""
    missing: tuple[str, ...]
    """Parts with a weight that were not assessed: left out of the score, said so."""


def score(
    assessment: Mapping[str, Any] | None, weights: Mapping[str, float], target_pay: float | None
) -> Score:
    """The weighted mean of the assessed parts × 100 (FORMULA); a part weighted 0 is left out."""
    total = weight_sum = Fraction(0)
    counted: list[str] = []
    missing: list[str] = []
    for part in PARTS:
        weight = _exact(weights.get(part, DEFAULT_WEIGHT))
        if weight <= 0:
            continue
        value = part_value(part, assessment or {}, target_pay)
        if value is None:
            missing.append(part)
            continue
        counted.append(part)
        total += weight * value
        weight_sum += weight
    if not weight_sum:
        return Score(None, (), tuple(missing))
    return Score(
        math.floor(100 * total / weight_sum + Fraction(1, 2)), tuple(counted), tuple(missing)
    )


def level(part: str, value: Fraction | None) -> str:
    """A cell's colour from its 0..1 value: pay is good at the target and fair within 10% of it;
    the other parts are good from +1 (or 4/5), fair at 0 (3/5), poor below."""
    if value is None:
        return NONE
    if part == "pay":
        return GOOD if value >= 1 else FAIR if value >= Fraction(9, 10) else POOR
    return GOOD if value >= Fraction(3, 4) else FAIR if value >= Fraction(1, 2) else POOR


def score_level(value: int | None) -> str:
    if value is None:
        return NONE
    return GOOD if value >= 75 else FAIR if value >= 50 else POOR


def cell_text(part: str, assessment: Mapping[str, Any], target_pay: float | None) -> str:
    """`+2`, `0`, `-1` for a pillar, `4/5` for a fit, `120k 96%` for pay, `—` when not assessed."""
    raw = assessment.get(part)
    if raw is None or raw == "":
        return "—"
    if part in SECURITY_PILLARS:
        return f"{int(raw):+d}" if int(raw) else "0"
    if part in FIT_PARTS:
        return f"{int(raw)}/5"
    share = f" {math.floor(100 * float(raw) / target_pay + 0.5)}%" if target_pay else ""
    return format_money(float(raw)) + share


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    level: str
    best: bool = False


@dataclass(frozen=True, slots=True)
class Row:
    part: str
    """A part of PARTS, or `timeframe` / `score`."""
    label: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    titles: tuple[str, ...]
    rows: tuple[Row, ...]
    scores: tuple[Score, ...]


def _best(values: Sequence[Any]) -> list[bool]:
    """The cells holding the row's highest value, unless every assessed cell holds it (then
    nothing stands out, as with one opportunity)."""
    known = [v for v in values if v is not None]
    if not known or len(set(known)) == 1:
        return [False] * len(values)
    top = max(known)
    return [v == top for v in values]


def compare(
    opportunities: Sequence[tuple[str, Mapping[str, Any] | None]],
    weights: Mapping[str, float],
    target_pay: float | None,
) -> Comparison:
    """The comparison table: one column per (title, assessment or None); a row per part, then
    the timeframe and the weighted score, the best of each row marked."""
    assessments = [assessment or {} for _, assessment in opportunities]
    rows = []
    for part in PARTS:
        shown = [part_value(part, a, target_pay) for a in assessments]
        # pay is best where it is highest, target salary or not (the capped share ties above it)
        values = [a.get(part) for a in assessments] if part == "pay" else shown
        cells = tuple(
            Cell(cell_text(part, a, target_pay), level(part, s), best)
            for a, s, best in zip(assessments, shown, _best(values), strict=True)
        )
        rows.append(Row(part, PART_LABELS[part], cells))
    rows.append(
        Row(
            "timeframe",
            "Timeframe",
            tuple(Cell(str(a.get("timeframe") or "—"), NONE) for a in assessments),
        )
    )
    scores = tuple(score(a, weights, target_pay) for a in assessments)
    values_of_scores = [s.value for s in scores]
    rows.append(
        Row(
            "score",
            "Score",
            tuple(
                Cell("—" if s.value is None else str(s.value), score_level(s.value), best)
                for s, best in zip(scores, _best(values_of_scores), strict=True)
            ),
        )
    )
    return Comparison(tuple(title for title, _ in opportunities), tuple(rows), scores)


def missing_text(result: Score, target_pay: float | None) -> str:
    """`not in the score (not assessed): pay, domain`, and why pay is out without a target."""
    if not result.missing:
        return ""
    names = [PART_LABELS[p].lower() for p in result.missing]
    text = "not in the score (not assessed): " + ", ".join(names)
    if "pay" in result.missing and target_pay is None:
        text += "; pay needs a target salary (careertui set target-salary, or Roadmap → Space)"
    return text


BEST = "★"
LABEL_WIDTH = 11
COLUMN_WIDTH = 20
"""A column's width in the text table: three opportunities fit 80 columns."""


def column_chunks(count: int, width: int) -> list[range]:
    """The opportunities' columns in groups that fit `width` (each group printed as a table)."""
    per = max(1, (width - LABEL_WIDTH) // (COLUMN_WIDTH + 2))
    return [range(start, min(start + per, count)) for start in range(0, count, per)]


def format_comparison(comparison: Comparison, width: int = 80, paint: Any = None) -> list[str]:
    """The comparison as text tables no wider than `width` (its columns in groups that fit);
    `paint(text, level)` may colour a cell (the CLI's styles on a terminal). The best of each
    row carries BEST."""
    paint = paint or (lambda text, _level: text)
    lines: list[str] = []
    for chunk in column_chunks(len(comparison.titles), width):
        room = max(COLUMN_WIDTH, min(2 * COLUMN_WIDTH, (width - LABEL_WIDTH) // len(chunk) - 2))
        if lines:
            lines.append("")
        head = " " * LABEL_WIDTH + "".join(
            "  " + f"{one_line(comparison.titles[i], room):<{room}}" for i in chunk
        )
        lines.append(head.rstrip())
        for row in comparison.rows:
            line = f"{row.label:<{LABEL_WIDTH}}"
            for i in chunk:
                cell = row.cells[i]
                text = one_line(cell.text + (f" {BEST}" if cell.best else ""), room)
                line += "  " + paint(text, cell.level) + " " * (room - len(text))
            lines.append(line.rstrip())
    return lines


def assessment_lines(
    assessment: Mapping[str, Any] | None, space: Mapping[str, Any]
) -> list[tuple[str, str, str]]:
    """(label, value, beside) per part of one assessment: a pillar's reason, the person's own
    words of the space beside each fit, the target salary beside pay, the roadmap's timeframe
    beside the opportunity's."""
    a = assessment or {}
    target_pay = space.get("target_pay")
    lines = [
        (PART_LABELS[p], cell_text(p, a, target_pay), str(a.get(f"why_{p}") or ""))
        for p in SECURITY_PILLARS
    ]
    for part in FIT_PARTS:
        words = str(space.get("words", {}).get(part) or "")
        lines.append(
            (PART_LABELS[part], cell_text(part, a, target_pay), f"you: {words}" if words else "")
        )
    target = str(space.get("target_salary") or "")
    lines.append(("Pay", cell_text("pay", a, target_pay), f"target: {target}" if target else ""))
    timeframe = str(space.get("timeframe") or "")
    lines.append(
        ("Timeframe", str(a.get("timeframe") or "—"), f"roadmap: {timeframe}" if timeframe else "")
    )
    if a.get("notes"):
        lines.append(("Notes", str(a["notes"]), ""))
    return lines


def weights_text(weights: Mapping[str, float]) -> str:
    """`equal` or `job skills 2, domain 3, others 1`."""
    values = {part: weights.get(part, DEFAULT_WEIGHT) for part in PARTS}
    if len(set(values.values())) == 1:
        return "equal"
    common = max(set(values.values()), key=list(values.values()).count)
    shown = [f"{PART_LABELS[p].lower()} {w:g}" for p, w in values.items() if w != common]
    return ", ".join(shown) + f", others {common:g}"
