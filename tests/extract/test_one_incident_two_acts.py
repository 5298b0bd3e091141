"""One doer's coordinated acts are one incident, and a crowd described by a participle is
the crowd an act was aimed at: "protesters stormed the office and set fire to cars" is one
riot, "police fired tear gas to disperse teachers protesting" one protest met with
intervention. Clauses with doers of their own, or an abduction beside a killing, stay
apart. The articles are invented."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _events(extractor: Extractor, text: str) -> list[tuple[str, str | None, list[str]]]:
    extraction = extractor.extract(ArticleInput("invented", text))
    return [(e.type, e.acled, sorted(m.text for m in e.mentions)) for e in extraction.events]


@pytest.mark.parametrize(
    ("text", "kind", "acled", "words"),
    [
        (
            "Protesters stormed the town hall in Selmar on Friday and set fire to a customs "
            "booth, witnesses said.",
            "Riot",
            "VIOL_DEMONSTR",
            ["set fire to", "stormed"],
        ),
        (
            "Armed men raided the hamlet of Kuvo before dawn, shot two shepherds and torched "
            "their huts.",
            "Attack",
            "ATTACK",
            ["raided", "shot", "torched"],
        ),
    ],
)
def test_coordinated_acts_of_one_doer_are_one_incident(
    extractor: Extractor, text: str, kind: str, acled: str, words: list[str]
) -> None:
    events = _events(extractor, text)
    assert [(k, a) for k, a, _ in events] == [(kind, acled)]
    assert events[0][2] == words


@pytest.mark.parametrize(
    "text",
    [
        # Each clause has a doer of its own: two sides' acts, two incidents.
        "Militants shelled the garrison at Ferro on Friday and the air force bombed their camp "
        "near Ulam on Sunday.",
        # Each its own day and place.
        "Gunmen attacked a bus near Ferro on Monday and ambushed a patrol in Ulam on Friday.",
    ],
)
def test_acts_with_their_own_doer_or_day_stay_apart(extractor: Extractor, text: str) -> None:
    assert len(_events(extractor, text)) == 2


def test_coordinated_acts_outside_conflict_make_no_incident(extractor: Extractor) -> None:
    assert _events(extractor, "The company bought its rival and cut 200 jobs in Selmar.") == []


def test_a_killing_told_beside_an_abduction_is_found(extractor: Extractor) -> None:
    """The second of two coordinated verbs has its doer in the first: "bandits abducted a
    teacher and killed his brother" tells a killing by armed men, not one by nobody."""
    text = "Bandits abducted a schoolteacher near Ferro and killed his brother."
    words = [w for _, _, mentions in _events(extractor, text) for w in mentions]
    assert "killed" in words


def test_a_crowd_described_by_a_participle_is_the_crowd_acted_on(extractor: Extractor) -> None:
    text = (
        "Gendarmes fired tear gas to scatter dozens of nurses demonstrating outside the "
        "health ministry in Parvel on Thursday."
    )
    ((kind, acled, words),) = _events(extractor, text)
    assert (kind, acled) == ("Protest", "PROTEST_WITH_INTER")
    assert "demonstrating" in words


def test_a_participle_crowd_fired_on_by_gunmen_keeps_its_own_event(extractor: Extractor) -> None:
    """Counterexample: an armed group's fire on a protest is an attack beside the protest."""
    text = "Masked gunmen opened fire on dozens of students protesting outside a college in Parvel."
    kinds = sorted(k for k, _, _ in _events(extractor, text))
    assert kinds == ["Attack", "Protest"]


@pytest.mark.parametrize(
    ("text", "acled"),
    [
        ("A mob surrounded a bus of pilgrims outside Tevar and attacked its driver.", "MOB_VIOL"),
        ("Several hundred protesters attacked a tax office in Selmar on Monday.", "VIOL_DEMONSTR"),
    ],
)
def test_a_crowd_and_its_act_are_one_riot(extractor: Extractor, text: str, acled: str) -> None:
    """The crowd does the act: one riot, coded as a mob's violence when the crowd is a mob."""
    ((kind, code, words),) = _events(extractor, text)
    assert (kind, code) == ("Riot", acled)
    assert "attacked" in words


def test_a_crowd_attacked_by_others_is_not_their_act(extractor: Extractor) -> None:
    """Counterexample: gunmen attacking protesters do not make the protesters' riot."""
    text = "Gunmen attacked protesters outside the governor's residence in Selmar on Monday."
    kinds = sorted(k for k, _, _ in _events(extractor, text))
    assert "Riot" not in kinds


def test_the_marchers_detained_the_next_sentence_are_the_protests(extractor: Extractor) -> None:
    """The people detained are the marchers, named by the same noun: one protest met with
    intervention, with the detention among its mentions."""
    text = (
        "Several hundred nurses demonstrated outside the health ministry in Parvel on "
        "Thursday over unpaid salaries. Police later detained eight nurses."
    )
    ((kind, acled, words),) = _events(extractor, text)
    assert (kind, acled) == ("Protest", "PROTEST_WITH_INTER")
    assert "detained" in words


@pytest.mark.parametrize(
    "text",
    [
        # another day
        "Students protested outside the ministry in Sorvale on Monday. Police detained twelve "
        "students on Thursday.",
        # one person, not the crowd
        "Hundreds of farmers protested in Sorvale on Monday. Police said they arrested him for "
        "fraud.",
    ],
)
def test_an_arrest_on_another_day_or_of_one_man_stays_an_arrest(
    extractor: Extractor, text: str
) -> None:
    assert sorted(kind for kind, _, _ in _events(extractor, text)) == ["Arrest", "Protest"]


def test_nine_of_them_arrested_are_the_protests(extractor: Extractor) -> None:
    text = "Hundreds of farmers protested in Sorvale on Monday. Police arrested nine of them."
    assert [(k, a) for k, a, _ in _events(extractor, text)] == [("Protest", "PROTEST_WITH_INTER")]


def test_the_crowd_told_before_doing_an_act_is_one_riot(extractor: Extractor) -> None:
    text = (
        "Hundreds of traders protested against a new market tax in Orrin on Sunday. The crowd "
        "later beat a tax inspector to death."
    )
    ((kind, acled, words),) = _events(extractor, text)
    assert (kind, acled) == ("Riot", "VIOL_DEMONSTR")
    assert {"beat", "protested"} <= set(words)


def test_another_crowd_elsewhere_is_not_the_protests(extractor: Extractor) -> None:
    """Counterexample: the act is at another place than the demonstration."""
    text = (
        "Hundreds of traders protested against a new market tax in Orrin on Sunday. In Vell, "
        "a crowd beat a tax inspector to death on Tuesday."
    )
    assert len(_events(extractor, text)) == 2
