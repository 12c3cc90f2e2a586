"""records.validate: the one place a value's rules are written."""

from datetime import date

import pytest

from careertui.domain.records import ValidationError, validate

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize("raw", ["inf", "-inf", "nan", "Infinity", float("inf"), "1e400"])
def test_a_target_must_be_a_finite_number(raw: object) -> None:
    with pytest.raises(ValidationError, match="Target: .* is not a finite number"):
        validate("goal", {"title": "Talks", "target": raw}, TODAY)


@pytest.mark.parametrize(("raw", "value"), [("12", 12.0), (" 2.5 ", 2.5), (-3, -3.0)])
def test_a_target_reads_numbers(raw: object, value: float) -> None:
    assert validate("goal", {"title": "Talks", "target": raw}, TODAY)["target"] == value


def test_knows_me_stays_within_0_to_3() -> None:
    assert validate("contact", {"name": "Ana", "knows_me": "3"}, TODAY)["knows_me"] == 3
    with pytest.raises(ValidationError, match="4 is not between 0 and 3"):
        validate("contact", {"name": "Ana", "knows_me": 4}, TODAY)


# -- Field and Kind are values: frozen, hashable, matched by position -------------------------


def test_field_and_kind_are_frozen_values() -> None:
    import copy
    import pickle
    from dataclasses import FrozenInstanceError

    from careertui.domain.records import KINDS, Field, Kind

    for kind in KINDS.values():
        assert copy.copy(kind) == kind and pickle.loads(pickle.dumps(kind)) == kind
        assert hash(kind) == hash(pickle.loads(pickle.dumps(kind)))
    a, b = Field("x", "text"), Field("x", "text", "")
    assert a == b and hash(a) == hash(b) and a != Field("x", "text", "X")
    assert repr(Field("x", "int", low=1)) == (
        "Field(name='x', type='int', label='', required=False, choices=(), low=1, high=None, "
        "ref=None, direction='past', default=None)"
    )
    for obj in (a, KINDS["note"]):
        with pytest.raises(FrozenInstanceError, match="cannot assign to field 'name'"):
            obj.name = "y"  # type: ignore[misc]
        with pytest.raises(FrozenInstanceError, match="cannot delete field 'name'"):
            del obj.name  # type: ignore[misc]
        # a new attribute is refused too (Python 3.11's frozen slots classes say so by TypeError)
        with pytest.raises((FrozenInstanceError, AttributeError, TypeError)):
            obj.other = 1  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        Field("x")  # type: ignore[call-arg]
    match KINDS["note"]:
        case Kind("note", "notes"):
            pass
        case _:
            pytest.fail("match by position")
