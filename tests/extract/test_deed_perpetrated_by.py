"""A later sentence that says who did the deed ("The crime was perpetrated by armed men",
"This cowardly act was committed by the Red Dawn Front") names the incident's perpetrator;
a "by" phrase of a verb that does no deed ("the crime was reported by local radio") does
not, nor does an "act" that is a law. The articles are invented."""

from __future__ import annotations

import pytest
from argument_texts import argument_texts

from conflict_kg.extract import Extractor

BLAST = "A bomb exploded at a bank in Sorvale on Monday, wounding two guards. "


@pytest.mark.parametrize(
    ("later", "doer"),
    [
        ("Investigators believe the attack was perpetrated by armed men on motorbikes.",
         "armed men"),
        ("This cowardly act was committed by the Red Dawn Front, police said.", "Red Dawn Front"),
    ],
)
def test_the_doer_of_the_deed_is_the_perpetrator(
    extractor: Extractor, later: str, doer: str
) -> None:
    assert doer in argument_texts(extractor, BLAST + later, "perpetrator")


def test_a_reporter_of_the_deed_is_no_perpetrator(extractor: Extractor) -> None:
    """Counterexample: reporting a crime is not doing it."""
    found = argument_texts(
        extractor, BLAST + "The crime was reported by local radio.", "perpetrator"
    )
    assert not any("radio" in p for p in found)


def test_an_act_that_is_a_law_is_no_deed(extractor: Extractor) -> None:
    """Counterexample: "act" without a word of violence is a law, not the incident."""
    later = "The new act on banking was planned by the finance committee."
    assert not any(
        "committee" in p for p in argument_texts(extractor, BLAST + later, "perpetrator")
    )
