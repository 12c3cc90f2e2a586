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
