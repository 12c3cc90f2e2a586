"""What makes a win hold up: a measured impact, evidence links, the story told as STAR.

A win's `evidence` field holds one link or file path a line; `situation`, `action` and `result`
tell the story (the impact stays the measured result: it is what the readiness score reads).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from careertui.domain.text import printable

STAR_PARTS = (("situation", "Situation"), ("action", "Action"), ("result", "Result"))


class EvidenceError(ValueError):
    """A link or path that cannot be handed to the system opener; the message names it."""


def measured(impact: object) -> bool:
    """A measured impact holds a digit (the readiness score's rule; ASCII digits, as SQLite's
    GLOB '[0-9]' reads them)."""
    return any("0" <= ch <= "9" for ch in str(impact or ""))


def evidence_items(text: object) -> list[str]:
    """The links or paths of an `evidence` field: one a line, blanks and repeats dropped."""
    items: list[str] = []
    for line in str(text or "").splitlines():
        item = line.strip()
        if item and item not in items:
            items.append(item)
    return items


def join_evidence(items: Iterable[str]) -> str:
    """The `evidence` field holding `items` (as `evidence_items` reads it back)."""
    return "\n".join(evidence_items("\n".join(items)))


def is_web_link(item: str) -> bool:
    """An http(s) address: the only kind a packet's HTML makes clickable."""
    lowered = item.lower()
    plain = not any(ch.isspace() or ch in '"<>\\`' or ord(ch) < 32 for ch in item)
    return lowered.startswith(("https://", "http://")) and len(item) > 8 and plain


def opener_argv(item: str, platform: str = sys.platform) -> list[str]:
    """The command that opens a link or path with the system's opener, as an argument list (run
    without a shell, so no character in it is ever interpreted). An item starting with `-`
    would be read as an option by the opener; no link starts so, it is a path in the current
    folder and is opened as `./-name`."""
    target = item.strip()
    if not target:
        raise EvidenceError("no link or path to open")
    if target.startswith("-"):
        target = f"./{target}"
    if any(ch in target for ch in "\x00\n\r"):
        raise EvidenceError(f"{printable(target)!r} holds a line break")
    if platform == "darwin":
        return ["open", target]
    if platform.startswith("win"):
        return ["explorer", target]
    return ["xdg-open", target]


def star_paragraph(situation: object, action: object, result: object) -> str:
    """The STAR parts given, as one short paragraph ("Situation: … Action: … Result: …"); empty
    when none is."""
    parts = []
    for (_, label), value in zip(STAR_PARTS, (situation, action, result), strict=True):
        text = " ".join(printable(value or "").split())
        if text:
            parts.append(f"{label}: {text if text[-1] in '.!?…' else text + '.'}")
    return " ".join(parts)
