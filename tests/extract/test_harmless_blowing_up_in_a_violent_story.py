"""Blowing up balloons is judged in its own clause, not by the story around it.

A story that also tells a real attack used to turn "supporters blew up balloons" into a
bombing (and the attack merged into it). Named, unarmed doers with a harmless object and no
harm in the clause blew nothing up; armed doers, a bridge, or a pronoun that may stand for
the attackers of another sentence still tell an explosion. The articles are invented.
"""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor

RAID = "Gunmen raided a customs post in Velmar on Friday, killing two guards. "


def _types(extractor: Extractor, text: str) -> list[tuple[str, list[str]]]:
    extraction = extractor.extract(ArticleInput("invented", text))
    return [(e.type, sorted(m.text for m in e.mentions)) for e in extraction.events]


def test_balloons_in_a_story_of_a_raid_are_no_bombing(extractor: Extractor) -> None:
    text = RAID + "Supporters blew up balloons outside the stadium in Velmar on Friday."
    assert [t for t, _ in _types(extractor, text)] == ["ArmedClash"]
    assert all("blew up" not in mentions for _, mentions in _types(extractor, text))


def test_armed_doers_blowing_up_a_bridge_still_bomb(extractor: Extractor) -> None:
    """Counterexample: armed doers and a bridge tell an explosion."""
    text = RAID + "Rebels blew up a bridge near Velmar on Friday."
    assert [t for t, _ in _types(extractor, text)] == ["Bombing"]


def test_a_pronoun_doer_in_a_story_of_a_raid_still_bombs(extractor: Extractor) -> None:
    """Counterexample: "they" may be the gunmen; the story decides, as before."""
    text = RAID + "Later they blew up the generators of the post."
    assert [t for t, _ in _types(extractor, text)] == ["Bombing"]


def test_a_group_by_an_unknown_name_in_a_story_of_a_raid_still_bombs(extractor: Extractor) -> None:
    """Counterexample: a name the gazetteer does not know may be an armed group's."""
    text = RAID + "The Velmar Liberation Union blew up a section of the railway on Friday."
    assert [t for t, _ in _types(extractor, text)] == ["Bombing"]
