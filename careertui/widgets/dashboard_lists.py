"""The dashboard's lists as one-line options: the due items (follow-ups, milestones, the
security check) and the key actions with their streak and strength; the streak panel's text."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.widgets.option_list import Option

from careertui.widgets.safe import compose, line

ACTION_TITLE_WIDTH = 24
FULL_TAIL = 2 + 1 + 9 + 3 + 9 + 5 + 5
"""The cells of a key action's whole line besides its title: mark, cadence, streak, bar,
strength."""
MIN_TITLE = 16
"""Below this many cells for the title, the cadence and the word "streak" go."""
NARROW_TAIL = 2 + 1 + 3 + 1 + 5 + 5
"""The cells of a narrow line besides its title."""
DUE_SHOWN = 40
"""Follow-ups and milestones the Due panel lists of each (the most overdue first): a long
neglected network can have thousands, and laying out each option costs ~0.25 ms; the panel's
title gives the full count and the rest are a line saying how many more, and where."""


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def when(days: int) -> str:
    """Days from today as words: "today", "in 3 days", "2 days late"."""
    if days == 0:
        return "today"
    return f"in {plural(days, 'day')}" if days > 0 else f"{plural(-days, 'day')} late"


def more_option(hidden: int, what: str, where: str) -> Option:
    """The line that stands for the due items the panel leaves out."""
    text = f"  … {hidden:,} more {what}{'' if hidden == 1 else 's'} due: {where}"
    return Option(Content(text).stylize("dim italic"), id=f"more-{what}", disabled=True)


def due_options(stats: dict[str, Any], width: int) -> list[Option]:
    """Follow-ups, milestones in the next 14 days, wins to measure, opportunities to look back
    on and the security check, as one-line options of `width` cells."""
    options: list[Option] = []
    follow_ups = stats["follow_ups_due"]
    for item in follow_ups[:DUE_SHOWN]:
        late = item["days_overdue"]
        tail = "due today" if late == 0 else f"{plural(late, 'day')} overdue"
        key = (
            f"interaction-{item['interaction_id']}"
            if item["interaction_id"] is not None
            else f"contact-{item['contact_id']}"
        )
        prompt = Content("").join(
            [
                Content("↻ ").stylize("bold $warning" if late else "bold $accent"),
                line(item["text"], max(12, width - len(tail) - 4)),
                Content(f"  {tail}").stylize("$error" if late > 7 else "dim"),
            ]
        )
        options.append(Option(prompt, id=key))
    if len(follow_ups) > DUE_SHOWN:
        options.append(more_option(len(follow_ups) - DUE_SHOWN, "follow-up", "Network (3), f"))
    milestones = stats["milestones_due"]
    for milestone in milestones[:DUE_SHOWN]:
        goal = milestone["goal"]
        tail = f"  {when(milestone['days'])}"
        title = line(milestone["title"], max(12, width - len(tail) - 4))
        room = width - 2 - len(title.plain) - len(tail) - 3
        prompt = Content("").join(
            [
                Content("◆ ").stylize("bold $primary"),
                title,
                Content(tail).stylize("$error" if milestone["days"] < 0 else "$warning"),
                Content(" · ").stylize("dim") if goal and room >= 8 else Content(""),
                line(goal, room, "dim") if goal and room >= 8 else Content(""),
            ]
        )
        options.append(Option(prompt, id=f"goal-{milestone['id']}"))
    if len(milestones) > DUE_SHOWN:
        options.append(more_option(len(milestones) - DUE_SHOWN, "milestone", "Roadmap (2)"))
    for item in stats.get("measure_due", ())[:DUE_SHOWN]:  # a win without a number, 30/60/90 d
        tail = f"  {item['age']} days old"
        title = line(f"Measure: {item['title']}", max(12, width - len(tail) - 4))
        prompt = Content("").join(
            [Content("# ").stylize("bold $warning"), title, Content(tail).stylize("dim")]
        )
        options.append(Option(prompt, id=f"win-{item['win_id']}"))
    for item in stats.get("look_backs_due", ())[:DUE_SHOWN]:  # 90 days after a choice
        tail = f"  {item['choice']} {item['decided']}"
        text = line(f"Look back: {item['title']}", max(12, width - len(tail) - 4))
        prompt = Content("").join(
            [Content("↺ ").stylize("bold $accent"), text, Content(tail).stylize("dim")]
        )
        options.append(Option(prompt, id=f"lookback-{item['goal_id']}"))
    security = stats["security"]
    if security["due"]:
        if security["last_date"] is None:
            prompt = Content.from_markup(
                "[b $error]⛨[/] Security check due  [dim]none yet: how secure is your job?[/]"
            )
        else:
            # Imported here: domain/stats.py (~10 ms with its rules) is not needed for the
            # dashboard's first frame, whose stats the prefetch child computed.
            from careertui.domain.stats import PILLAR_LABELS

            weakest = PILLAR_LABELS.get(security["weakest"], security["weakest"])
            prompt = Content.from_markup(
                "[b $error]⛨[/] Security check due  [dim]last one $days days ago[/]\n"
                "  [dim]weakest:[/] $weakest $score/5",
                days=str(security["days_since"]),
                weakest=weakest,
                score=str(security["weakest_score"]),
            )
        options.append(Option(prompt, id="security-new"))
    return options


def meter(value: int, width: int = 5) -> tuple[str, str]:
    """The filled and the empty part of a bar for a value out of 100."""
    filled = round(max(0, min(100, value)) / 100 * width)
    return "━" * filled, "━" * (width - filled)


def action_option(action: dict[str, Any], width: int = 0) -> Option:
    """✓ when this period is met, ○ when due today; the streak and the strength. On one line
    of `width` cells: when the whole line does not fit, the cadence goes and the title is cut
    (80 columns: one line per action, not two)."""
    met = action["met_this_period"] >= action["target"]
    mark = (
        ("✓ ", "bold $success")
        if met
        else ("○ ", "bold $warning")
        if action["due_today"]
        else ("· ", "dim")
    )
    strength = int(action["strength"])
    done, rest = meter(strength)
    colour = "$success" if strength >= 70 else "$warning" if strength >= 40 else "$error"
    narrow = 0 < width < FULL_TAIL + MIN_TITLE
    if not width:
        title_width = ACTION_TITLE_WIDTH
    else:
        title_width = (
            max(8, width - NARROW_TAIL) if narrow else min(ACTION_TITLE_WIDTH, width - FULL_TAIL)
        )
    title = line(action["title"], title_width, "dim" if met else "")
    pad = " " * max(1, title_width + 1 - len(title.plain))
    tail = compose(
        ("" if narrow else f"{action['cadence']:<9}", "dim"),
        (f"{action['streak']:>3}", "bold"),
        (" " if narrow else " streak  ", "dim"),
        (done, colour),
        (rest, "dim"),
        (f" {strength:>3}%", ""),
    )
    prompt = Content("").join([compose(mark), title, Content(pad), tail])
    return Option(prompt, id=f"action-{action['id']}")


def streak_text(stats: dict[str, Any]) -> Content:
    streak = stats["streak"]
    active_today = stats["heatmap"]["days"].get(stats["today"], 0) > 0
    today_line = (
        "[$success]✓ today counts[/]" if active_today else "[$warning]○ write something today[/]"
    )
    return Content.from_markup(
        "[dim]day streak[/]\n\n[dim]longest[/] [b]$longest[/]\n"
        "[dim]weekly reviews[/] [b]$weeks[/]\n" + today_line,
        longest=plural(streak["longest"], "day"),
        weeks=str(stats["weekly_reviews"]["current"]),
    )
