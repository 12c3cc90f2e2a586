"""Three devices, a folder that delivers change files late, twice, cut short and out of order,
random edits, deletes and conflicts on every side: after everyone syncs twice, the three
databases export the same JSON, and each holds, for every record, the newest write anyone made
to it (or nothing, when that was a delete).

The default run tries 30 histories of up to 40 steps; `-m slow` tries 300."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_sim import Clock, World, expected_names

import careertui.clock

NAMES = ("Dana Lee", "dana lee", "Sam Okafor", "Priya")
TEXTS = ("coffee", "shipped it", "ask about the reorg", "")
DAYS = ("2026-11-21", "2026-11-22")
device = st.integers(0, 2)
pick = st.integers(0, 3)
step = st.one_of(
    st.tuples(st.just("note"), device, st.sampled_from(TEXTS[:3])),
    st.tuples(st.just("edit note"), device, pick, st.sampled_from(TEXTS[:3])),
    st.tuples(st.just("delete note"), device, pick),
    st.tuples(st.just("contact"), device, st.sampled_from(NAMES)),
    st.tuples(st.just("edit contact"), device, pick, st.sampled_from(TEXTS)),
    st.tuples(st.just("rename contact"), device, pick, st.sampled_from(NAMES)),
    st.tuples(st.just("delete contact"), device, pick),
    st.tuples(st.just("interaction"), device, pick, st.sampled_from(TEXTS[:3])),
    st.tuples(st.just("edit interaction"), device, pick, st.sampled_from(TEXTS[:3])),
    st.tuples(st.just("action"), device, st.sampled_from(("Write", "write", "Run"))),
    st.tuples(st.just("delete action"), device, pick),
    st.tuples(st.just("check in"), device, pick, st.sampled_from(DAYS), st.sampled_from(TEXTS)),
    st.tuples(st.just("check in"), device, pick, st.sampled_from(DAYS), st.sampled_from(TEXTS)),
    st.tuples(st.just("delete checkin"), device, pick),
    st.tuples(st.just("sync"), device),
    st.tuples(st.just("catch up"), device),
    st.tuples(st.just("catch up"), device),
    st.tuples(st.just("deliver"), device, pick, st.sampled_from(("whole", "cut", "twice"))),
    st.tuples(st.just("deliver"), device, pick, st.sampled_from(("whole", "cut", "twice"))),
)


PRELUDE = (
    ("contact", 0, "Dana Lee"),
    ("action", 0, "Write"),
    ("note", 0, "shared"),
    ("catch up", 0),
    ("catch up", 1),
    ("catch up", 2),
)


def _run(world: World, action: tuple) -> None:
    name, who, *rest = action
    if name == "sync":
        world.sync(who)
    elif name == "catch up":  # everything written so far has arrived
        world.deliver_all(who)
        world.sync(who)
    elif name == "deliver":
        world.deliver(who, rest[0], rest[1])
    elif name == "note":
        world.insert(who, "note", {"date": "2026-11-20", "text": rest[0]})
    elif name == "contact":
        world.insert(who, "contact", {"name": rest[0]})
    elif name == "action":
        world.insert(who, "action", {"title": rest[0], "cadence": "daily"})
    elif name == "check in":
        actions = world.ids(who, "action")
        if actions:
            world.check_in(who, actions[rest[0] % len(actions)], rest[1], rest[2])
    else:
        kind = name.split()[-1]
        ids = world.ids(who, kind)
        if name == "interaction":
            ids = world.ids(who, "contact")
        if not ids:
            return
        target = ids[rest[0] % len(ids)]
        if name == "interaction":
            values = {"contact_id": target, "date": "2026-11-21", "notes": rest[1]}
            world.insert(who, "interaction", values)
        elif name.startswith("delete"):
            world.delete(who, kind, target)
        elif name == "rename contact":
            world.update(who, "contact", target, {"name": rest[1]})
        else:
            field = {"note": "text", "contact": "org", "interaction": "notes"}[kind]
            world.update(who, kind, target, {field: rest[1]})


def _check(steps: list[tuple]) -> None:
    clock = Clock()
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setattr(careertui.clock, "timestamp", clock.stamp)
        world = World.make(Path(folder), clock)
        try:
            for action in PRELUDE:  # records every device holds, for the steps to edit
                _run(world, action)
            for action in steps:
                _run(world, action)
            for _round in range(2):
                for who in range(3):
                    world.deliver_all(who)
                    world.sync(who)
            expected = world.expected()
            exports = [world.export(who) for who in range(3)]
            assert exports[0] == exports[1] == exports[2]
            for who in range(3):
                assert world.held(who) == expected
                assert world.shown_names(who) == expected_names(expected)
        finally:
            world.close()


HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large]


@settings(max_examples=30, deadline=None, suppress_health_check=HEALTH)
@given(st.lists(step, min_size=10, max_size=40))
def test_three_devices_end_equal(steps: list[tuple]) -> None:
    _check(steps)


@pytest.mark.slow
@settings(max_examples=int(os.environ.get("SYNC_EXAMPLES", "300")), deadline=None)
@given(st.lists(step, min_size=20, max_size=80))
def test_three_devices_end_equal_long(steps: list[tuple]) -> None:
    _check(steps)
