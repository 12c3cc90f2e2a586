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


# -- Field and Kind behave as the frozen dataclasses they were ----------------------------------


def _twins() -> tuple[type, type]:
    """Field and Kind as `@dataclass(frozen=True)` declared them."""
    from dataclasses import dataclass
    from typing import Any

    @dataclass(frozen=True)
    class Field:
        name: str
        type: str
        label: str = ""
        required: bool = False
        choices: tuple[str, ...] = ()
        low: float | None = None
        high: float | None = None
        ref: str | None = None
        direction: str = "past"
        default: Any = None

    @dataclass(frozen=True)
    class Kind:
        name: str
        table: str
        label: str
        fields: tuple[Any, ...]
        title_field: str
        date_field: str | None = None
        fts: tuple[str, ...] = ()
        plural: str = ""

    Field.__qualname__, Kind.__qualname__ = "Field", "Kind"  # as repr shows them
    return Field, Kind


def test_field_and_kind_match_their_dataclass_twins() -> None:
    import copy
    import pickle
    from dataclasses import FrozenInstanceError

    from careertui.domain.records import KINDS, Field, Kind

    TwinField, TwinKind = _twins()
    for kind in KINDS.values():
        twin_fields = tuple(
            TwinField(*(getattr(f, n) for n in Field.__match_args__)) for f in kind.fields
        )
        twin = TwinKind(
            *(getattr(kind, n) for n in Kind.__match_args__[:3]),
            twin_fields,
            *(getattr(kind, n) for n in Kind.__match_args__[4:]),
        )
        assert repr(kind) == repr(twin)
        assert hash(kind.fields[0]) == hash(twin_fields[0])
        assert kind == Kind(**{n: getattr(kind, n) for n in Kind.__match_args__})
        assert hash(kind) == hash(Kind(**{n: getattr(kind, n) for n in Kind.__match_args__}))
        assert copy.copy(kind) == kind and pickle.loads(pickle.dumps(kind)) == kind
    assert Field.__match_args__ == TwinField.__match_args__
    assert Kind.__match_args__ == TwinKind.__match_args__
    a, b = Field("x", "text"), Field("x", "text", "")
    assert a == b and hash(a) == hash(b) and a != Field("x", "text", "X")
    assert a != TwinField("x", "text") and (a == object()) is False
    assert repr(Field("x", "int", low=1, high=5)) == repr(TwinField("x", "int", low=1, high=5))
    assert Field.label == TwinField.label == "" and Kind.plural == TwinKind.plural == ""
    for obj in (a, KINDS["note"]):
        with pytest.raises(FrozenInstanceError, match="cannot assign to field 'name'"):
            obj.name = "y"  # type: ignore[misc]
        with pytest.raises(FrozenInstanceError, match="cannot delete field 'name'"):
            del obj.name  # type: ignore[misc]
        with pytest.raises(FrozenInstanceError):
            obj.other = 1  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        Field("x")  # type: ignore[call-arg]
    match KINDS["note"]:
        case Kind("note", "notes"):
            pass
        case _:
            pytest.fail("match by position")
