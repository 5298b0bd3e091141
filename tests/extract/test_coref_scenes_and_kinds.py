"""Within-article event coreference (issue 15): scene changes, pronoun doers of hosted
clauses, and a second doer of the same kind.

Every article here is invented. Each behaviour has a story where it decides and a
counterexample where it must not.
"""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Event, Extraction

VIOLENT = frozenset({"Attack", "AirOrDroneStrike", "Bombing", "Shelling", "ArmedClash",
                     "Assassination"})  # fmt: skip

NEW_SCENE = (
    "Two men died in unrelated violence in the east on Sunday. A herder was shot dead by "
    "unknown gunmen as he drove his goats to market. In the river town of Dessik, "
    "villagers beat to death a man they accused of stealing goats.\n"
)
SAME_SCENE = (
    "Gunmen shot dead a herder in the river town of Dessik on Sunday, police said. In "
    "Dessik, the gunmen also killed a shopkeeper.\n"
)
PLACE_AFTER_THE_VERB = (
    "Gunmen shot dead a herder on Sunday as he drove his goats to market, police said. The "
    "gunmen killed a shopkeeper in the river town of Dessik.\n"
)
THEY_TRIED = (
    "Gunmen opened fire on the motorcade of governor Anto Belk in Varna on Monday. "
    '"They tried to assassinate me," Belk told reporters.\n'
)
OTHERS_TRIED = (
    "Gunmen opened fire on the motorcade of governor Anto Belk in Varna on Monday. Rebels "
    "tried to assassinate a judge on Sunday, officials said.\n"
)


def _violent(extractor: Extractor, text: str) -> list[Event]:
    result: Extraction = extractor.extract(ArticleInput("invented.txt", text))
    return [e for e in result.events if e.type in VIOLENT]


def _texts(event: Event) -> list[str]:
    return [m.text for m in event.mentions]


def _roles(event: Event, role: str) -> set[str]:
    return {a.entity.split("-")[0] for a in event.arguments if a.role == role}


# ---------------------------------------------------------------- a fronted place phrase


def test_a_clause_opening_on_a_new_place_tells_another_incident(extractor: Extractor) -> None:
    """ "In the river town of Dessik, villagers beat ..." after a shooting told with no
    place: the fronted place phrase moves the story elsewhere, so the beating is not the
    shooting told again by nearness."""
    shooting, beating = _violent(extractor, NEW_SCENE)
    assert (_texts(shooting), _texts(beating)) == (["shot"], ["beat"])
    assert _roles(shooting, "victim") == {"herder"} and _roles(beating, "victim") == {"man"}
    assert _roles(beating, "place") == {"dessik"} and not _roles(shooting, "place")


def test_a_fronted_place_of_the_incident_itself_moves_nothing(extractor: Extractor) -> None:
    (attack,) = _violent(extractor, SAME_SCENE)
    assert _texts(attack) == ["shot", "killed"]
    assert _roles(attack, "victim") == {"herder", "shopkeeper"}


def test_a_place_after_the_verb_moves_nothing(extractor: Extractor) -> None:
    (attack,) = _violent(extractor, PLACE_AFTER_THE_VERB)
    assert _texts(attack) == ["shot", "killed"]
    assert _roles(attack, "place") == {"dessik"}


# ---------------------------------------------------------------- pronoun doers


def test_they_doing_a_hosted_clause_goes_on_telling_the_incident(extractor: Extractor) -> None:
    """ "They tried to assassinate me": the doer of "assassinate" is the pronoun subject of
    "tried", so the clause tells the shooting at the governor again."""
    (attack,) = _violent(extractor, THEY_TRIED)
    assert sorted(_texts(attack)) == ["assassinate", "opened fire"]
    assert attack.type == "Assassination"
    assert _roles(attack, "target") == {"anto"}


def test_a_named_doer_of_a_hosted_clause_stays_apart(extractor: Extractor) -> None:
    shooting, other = _violent(extractor, OTHERS_TRIED)
    assert (_texts(shooting), _texts(other)) == (["opened fire"], ["assassinate"])


# ---------------------------------------------------------------- a second "a bomb"

TWO_BOMBS = (
    "A roadside bomb wounded three soldiers on a road outside the town, officials said. A "
    "car bomb killed two civilians near a crowded market, police said.\n"
)
THE_SAME_BOMB = (
    "A roadside bomb wounded three soldiers on a road outside the town, officials said. The "
    "bomb also killed a passer-by, police said.\n"
)
ONE_OF_THE_GUNMEN = (
    "Gunmen stormed the village before dawn, residents said. A gunman shot dead the village "
    "chief.\n"
)


def test_a_second_indefinite_bomb_is_a_second_incident(extractor: Extractor) -> None:
    """ "A car bomb killed two" after "a roadside bomb wounded three": the indefinite
    article presents a bomb not told yet, so nearness alone does not join the clauses."""
    first, second = _violent(extractor, TWO_BOMBS)
    assert (_texts(first), _texts(second)) == (["wounded"], ["killed"])
    assert _roles(first, "victim") == {"security"} and _roles(second, "victim") == {"civilians"}


def test_the_bomb_told_again_stays_one_incident(extractor: Extractor) -> None:
    (bombing,) = _violent(extractor, THE_SAME_BOMB)
    assert _texts(bombing) == ["wounded", "killed"]


def test_a_gunman_among_gunmen_stays_one_incident(extractor: Extractor) -> None:
    """ "A gunman" after "gunmen" is one of them: no new kind of doer is introduced."""
    (attack,) = _violent(extractor, ONE_OF_THE_GUNMEN)
    assert _texts(attack) == ["stormed", "shot"]
