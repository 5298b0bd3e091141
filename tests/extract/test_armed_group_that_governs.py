"""An armed group that came to govern (the Taliban) is two gazetteer entries: the group,
whose captures are a non-state actor's (ACLED NON_STATE_ACTOR_OVERTAKES_TER), and its
government, named as such ("the Taliban government"), a state actor. Sentences are
written for the test."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _typed(extractor: Extractor, text: str) -> tuple[list[tuple[str, str | None]], dict[str, str]]:
    result = extractor.extract(ArticleInput("t", text))
    types = {e.name: e.type for e in result.entities}
    return [(e.type, e.acled) for e in result.events], types


def test_the_group_takes_territory_as_a_non_state_actor(extractor: Extractor) -> None:
    events, types = _typed(
        extractor,
        "Taliban fighters captured the district of Korvan on Sunday after two days of "
        "fighting with government troops.",
    )
    assert events == [("ArmedClash", "NON_STATE_ACTOR_OVERTAKES_TER")]
    assert types["Taliban"] == "ArmedGroup"


def test_its_government_named_as_such_is_a_government(extractor: Extractor) -> None:
    events, types = _typed(
        extractor, "The Taliban government arrested three journalists in Kabul on Monday."
    )
    assert [t for t, _ in events] == ["Arrest"]
    assert types["Taliban government of Afghanistan"] == "Government"
    assert "Taliban" not in types
