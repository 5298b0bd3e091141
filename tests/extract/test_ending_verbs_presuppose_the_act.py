"""An aspect verb of ending presupposes its "-ing" complement: "the rebels did not stop
shelling the town" tells that they shelled it, so its "not" denies no perpetrator, while
"did not try to shell" (no ending verb) still does. Sentences are invented for the test."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def told_roles(extractor: Extractor, text: str, *roles: str) -> set[tuple[str, str, str]]:
    """(role, text, certainty) of the arguments in `roles` of the events and of the
    non-specific mentions, as the JSON contract gives them."""
    data = extractor.extract(ArticleInput("t", text)).to_json()
    told = [*data["events"], *data["nonspecific"]]
    return {
        (a["role"], a["text"], a["certainty"])
        for told_event in told
        for a in told_event.get("arguments", [])
        if a["role"] in roles
    }


def _perpetrators(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    return {(t, c) for _, t, c in told_roles(extractor, text, "perpetrator")}


def test_not_stopping_an_act_asserts_its_doer(extractor: Extractor) -> None:
    text = "The rebels did not stop shelling the villages near Orrin on Monday."
    assert _perpetrators(extractor, text) == {("rebels", "asserted")}


def test_never_ceasing_an_act_asserts_its_doer(extractor: Extractor) -> None:
    text = "Militiamen never ceased shelling the villages near Orrin during the talks."
    assert _perpetrators(extractor, text) == {("Militiamen", "asserted")}


def test_not_trying_an_act_still_denies_its_doer(extractor: Extractor) -> None:
    text = "The rebels did not try to shell the villages near Orrin on Monday."
    assert _perpetrators(extractor, text) == {("rebels", "denied")}
