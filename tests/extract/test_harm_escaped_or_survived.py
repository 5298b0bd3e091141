"""Issue 16 item 4: a harm its subject escaped, survived or avoided undergoing ("escaped
being kidnapped", "survived being shot", "avoided being abducted") did not happen: the act
was only attempted, as "escaped assassination" already reads, so the person is the
attempt's target and no victim (extract/language/modality.py). An act told beside an
escape ("was kidnapped after escaping from prison") is unchanged. Sentences are written
for the test, about invented people and places."""

from __future__ import annotations

import pytest
from argument_texts import argument_texts

from conflict_kg.extract import Extractor
from conflict_kg.extract.language import attempted


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The mayor of Dunmore escaped being kidnapped by gunmen near Pell.", "kidnapped", True),
        ("A teacher in Arvo survived being shot by militiamen last week.", "shot", True),
        ("The envoy narrowly avoided being abducted by rebels outside Kesh.", "abducted", True),
        # counterexamples: the escape is told beside the act, or is the subject's own act
        ("The merchant was kidnapped near Pell after escaping from prison.", "kidnapped", False),
        ("The mayor avoided travelling after gunmen kidnapped his aide.", "kidnapped", False),
        ("The farmer escaped from Pell before rebels shot his brother.", "shot", False),
    ],
)
def test_an_escaped_harm_is_read_off_the_parse(
    extractor: Extractor, text: str, word: str, expected: bool
) -> None:
    (harm,) = [t for t in extractor.nlp(text) if t.text == word]
    assert attempted(harm) is expected


def test_who_escaped_being_kidnapped_is_a_target_only(extractor: Extractor) -> None:
    text = "Governor Halden Voss escaped being kidnapped by gunmen near Pell on Friday."
    assert argument_texts(extractor, text, "target") == {"Governor Halden Voss"}
    assert argument_texts(extractor, text, "victim") == set()


def test_who_survived_being_stabbed_is_no_victim(extractor: Extractor) -> None:
    text = "Two guards survived being stabbed in the attack on the Tolla prison."
    assert "guards" in argument_texts(extractor, text, "target")
    assert argument_texts(extractor, text, "victim") == set()


def test_who_was_kidnapped_after_escaping_stays_a_victim(extractor: Extractor) -> None:
    text = "Governor Halden Voss was kidnapped by gunmen near Pell after escaping from prison."
    assert argument_texts(extractor, text, "victim") == {"Governor Halden Voss"}
