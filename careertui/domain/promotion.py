"""The promotion case: how much of the target role the wins already evidence.

Separate from review readiness (which is about the current role's review): a requirement of the
target role is *evidenced* when at least one win is linked to it. The wins also suggest a new
status for a requirement (a `gap` with two wins is at least `partial`, a `partial` with four is
`have`); a suggestion only, which the person accepts or not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

PARTIAL_AT = 2
"""Evidencing wins from which a `gap` is suggested as `partial`."""
HAVE_AT = 4
"""Evidencing wins from which a `partial` is suggested as `have`."""
NEXT_STEPS = 3
"""Missing requirements the promotion case names as next steps."""

_STATUS_ORDER = {"gap": 0, "partial": 1, "have": 2}


@dataclass(frozen=True, slots=True)
class RequirementFacts:
    id: int
    title: str
    status: str
    plan: str
    wins: int
    """Wins linked to it (of any date: evidence for the next role does not expire)."""


def suggested_status(status: str, wins: int) -> str | None:
    """The status the evidencing wins suggest, or None when they suggest no change."""
    if status == "gap" and wins >= PARTIAL_AT:
        return "partial"  # one step at a time, even with four wins: `have` is a second step
    if status == "partial" and wins >= HAVE_AT:
        return "have"
    return None


@dataclass(frozen=True, slots=True)
class PromotionCase:
    evidenced: int
    total: int
    next_steps: tuple[str, ...]
    """For the top missing requirements (gaps first, then partial, then have; in the order
    they were added): what to do next."""

    @property
    def text(self) -> str:
        if not self.total:
            return "No target-role requirements yet"
        return f"{self.evidenced}/{self.total} requirements evidenced"


def next_step(requirement: RequirementFacts) -> str:
    plan = " ".join(requirement.plan.split())
    step = f"Evidence {requirement.title} ({requirement.status})"
    return f"{step}: {plan}" if plan else f"{step}: link a win to it"


def promotion_case(
    requirements: Sequence[RequirementFacts], limit: int = NEXT_STEPS
) -> PromotionCase:
    """Requirements evidenced / all, and the next steps for the top missing ones."""
    missing = sorted(
        (r for r in requirements if r.wins == 0),
        key=lambda r: (_STATUS_ORDER.get(r.status, 0), r.id),
    )
    evidenced = sum(1 for r in requirements if r.wins > 0)
    return PromotionCase(evidenced, len(requirements), tuple(next_step(r) for r in missing[:limit]))
