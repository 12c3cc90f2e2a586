"""@Name mentions: where one starts, which run of words names a contact, refusals, completion."""

import pytest

from careertui.domain.mentions import Mention, MentionError, completion, pending, scan

CONTACTS = [(1, "Dana Lee"), (2, "Sam Park"), (3, "Sam Ortiz"), (4, "Priya Natarajan")]


def find_mentions(text: str, contacts: list[tuple[int, str]]) -> list[Mention]:
    """Every mention in `text`, raising the first refusal, as the store links them."""
    found = scan(text, contacts)
    for item in found:
        if isinstance(item, MentionError):
            raise item
    return [item for item in found if isinstance(item, Mention)]


def names(text: str) -> list[tuple[str, str]]:
    return [(m.name, text[m.start : m.end]) for m in find_mentions(text, CONTACTS)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@Dana said hi", [("Dana Lee", "@Dana")]),
        ("met @Dana Lee, then @priya.", [("Dana Lee", "@Dana Lee"), ("Priya Natarajan", "@priya")]),
        ("(@sam park) and @sam o", [("Sam Park", "@sam park"), ("Sam Ortiz", "@sam o")]),
        ("@lee", [("Dana Lee", "@lee")]),
        ("mail dana@example.com", []),
        ("[@click=app.quit] @3pm @ noon", []),
    ],
)
def test_mentions_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert names(text) == expected


def test_ambiguous_mention_lists_the_candidates() -> None:
    with pytest.raises(MentionError) as caught:
        find_mentions("lunch with @Sam today", CONTACTS)
    assert caught.value.typed == "Sam"
    assert set(caught.value.candidates) == {"Sam Park", "Sam Ortiz"}
    assert "Sam Ortiz, Sam Park" in str(caught.value)


def test_unknown_mention_suggests_close_names() -> None:
    with pytest.raises(
        MentionError, match=r"no contact is named @Dnaa \(did you mean Dana Lee\?\)"
    ):
        find_mentions("ask @Dnaa", CONTACTS)


def test_completion_offers_the_one_contact() -> None:
    assert completion("ask @Pri", CONTACTS) == "ask @Priya Natarajan"
    assert completion("ask @sam p", CONTACTS) == "ask @Sam Park"
    assert completion("ask @Sam", CONTACTS) is None  # two Sams
    assert completion("ask @Dana Lee", CONTACTS) is None  # complete already
    assert completion("mail x@Da", CONTACTS) is None


def test_pending_mentions_as_typed() -> None:
    assert pending("ask @sa", CONTACTS) == ("sa", 5, [(2, "Sam Park"), (3, "Sam Ortiz")])
    assert pending("ask @Zed", CONTACTS) == ("Zed", 5, [])
    assert pending("ask @Dana Lee and", CONTACTS) is None  # finished, text after it
    assert pending("ask @Dana, then", CONTACTS) is None
    assert pending("no mention", CONTACTS) is None
