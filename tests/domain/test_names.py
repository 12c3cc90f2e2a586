"""Names: exact first, then a unique prefix of the name or of any word in it; else refused."""

import pytest

from careertui.domain.names import (
    SHOWN,
    Ambiguous,
    NotFound,
    candidates,
    close_names,
    exact,
    pick,
)

PEOPLE = [
    (1, "Dana Lee"),
    (2, "Sam Park"),
    (3, "Dana Park"),
    (4, "🚀 Rocket Team"),
    (5, "Anne-Marie Roy"),
    (6, "Lee"),
]
ACTIONS = [(10, "Write 30 minutes"), (11, "Walk"), (12, "Read a paper")]


@pytest.mark.parametrize(
    ("query", "names", "expected"),
    [
        ("Dana Lee", PEOPLE, 1),
        ("dana lee", PEOPLE, 1),
        ("  DANA   lee ", PEOPLE, 1),
        ("dana l", PEOPLE, 1),
        ("sam", PEOPLE, 2),
        ("roy", PEOPLE, 5),
        ("marie", PEOPLE, 5),
        ("🚀", PEOPLE, 4),
        ("rocket", PEOPLE, 4),
        ("lee", PEOPLE, 6),  # an exact name wins over "Dana Lee"'s word
        ("write", ACTIONS, 10),
        ("30 min", ACTIONS, 10),
        ("wr", ACTIONS, 10),
        ("paper", ACTIONS, 12),
    ],
)
def test_one_record_answers(query: str, names: list[tuple[int, str]], expected: int) -> None:
    assert pick(query, names, label="contact")[0] == expected


def test_two_or_more_candidates_are_refused_listing_them() -> None:
    with pytest.raises(Ambiguous) as caught:
        pick("dana", PEOPLE, label="contact")
    message = str(caught.value)
    assert message.startswith("2 contacts match 'dana': Dana Lee (#1), Dana Park (#3)")
    assert "type more of the name, or the id" in message
    with pytest.raises(Ambiguous, match="2 actions match 'w'"):
        pick("w", ACTIONS, label="action")


def test_an_ambiguous_name_lists_at_most_five() -> None:
    many = [(n, f"Alex {n}") for n in range(1, 9)]
    with pytest.raises(Ambiguous) as caught:
        pick("alex", many, label="contact")
    message = str(caught.value)
    assert message.count("(#") == SHOWN == 5
    assert "and 3 more" in message and message.startswith("8 contacts")


def test_two_records_with_the_same_name_ask_for_a_rename() -> None:
    twins = [(1, "Ana Ruiz"), (2, "ana ruiz")]
    with pytest.raises(Ambiguous, match="2 responsibilities match 'Ana Ruiz'.*rename one"):
        pick("Ana Ruiz", twins, label="responsibility", plural="responsibilities")


@pytest.mark.parametrize(
    ("query", "hint"),
    [
        ("Dnaa Lee", "did you mean 'Dana Lee'?"),
        ("parx", "did you mean 'Sam Park' or 'Dana Park'?"),
    ],
)
def test_no_match_suggests_close_names(query: str, hint: str) -> None:
    with pytest.raises(NotFound) as caught:
        pick(query, PEOPLE, label="contact")
    assert str(caught.value) == f"no contact named {query!r}; {hint}"


@pytest.mark.parametrize("query", ["zzz", "", "   ", "ee", "ark"])
def test_no_match_and_nothing_close_is_refused_plainly(query: str) -> None:
    with pytest.raises(NotFound, match="no contact named") as caught:
        pick(query, PEOPLE, label="contact")
    if query.strip() in ("zzz", ""):
        assert "did you mean" not in str(caught.value)


def test_a_name_is_not_found_inside_a_word() -> None:
    assert candidates("ark", PEOPLE) == []
    assert candidates("ee", PEOPLE) == []


def test_candidates_for_mentions_and_completion() -> None:
    assert candidates("da", PEOPLE) == [(1, "Dana Lee"), (3, "Dana Park")]
    assert candidates("LEE", PEOPLE) == [(6, "Lee")]
    assert candidates("", PEOPLE) == []
    assert exact("sam  PARK", PEOPLE) == [(2, "Sam Park")]
    assert close_names("", PEOPLE) == []


def test_a_name_typed_without_its_accents_finds_it() -> None:
    people = [(1, "Zoë Laurent"), (2, "José Díaz"), (3, "Zoe Adams")]
    assert pick("jose", people, label="contact") == (2, "José Díaz")
    assert pick("diaz", people, label="contact") == (2, "José Díaz")
    assert pick("laurent", people, label="contact") == (1, "Zoë Laurent")
    # with its accents the name matches as typed first: "zoe" is Zoe Adams, "zoë" is Zoë
    assert candidates("zoe", people) == [(3, "Zoe Adams")]
    assert candidates("zoë", people) == [(1, "Zoë Laurent")]
    assert candidates("zoe l", people) == [(1, "Zoë Laurent")]
