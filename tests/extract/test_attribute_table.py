"""The attribute table gives exactly the annotations of spaCy's attribute ruler.

The pipeline replaces the model's `attribute_ruler` with `AttributeTable` for speed; any
difference in a part of speech, morphology or lemma would move every later rule, so the
two are compared token by token: on the model's own rules over real articles and invented
sentences, and on invented rules that use every kind of pattern the table handles itself
or hands to its Matcher.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from conflict_kg.extract import load_nlp
from conflict_kg.extract.nlp.attribute_table import NAME, AttributeTable
from conflict_kg.extract.nlp.pipeline import _model_name

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

INVENTED = [
    "Gunmen ain't gonna stop, y'all said. Let's go, c'mon now, we gotta leave.",
    "There is nothin' left of the market after the shelling; there were no survivors.",
    "The ministry's convoy was hit twice.\n\nIt wasn't the first attack   on the road.",
    "Whose drones struck which depot? That which burned was the fuel store.",
    "  \n  ",
]


def _annotations(doc: Doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc]


def _copy(doc: Doc) -> Doc:
    return Doc(doc.vocab).from_bytes(doc.to_bytes())


@pytest.fixture(scope="module")
def parsed() -> tuple[Language, list[Doc]]:
    """The model up to its parser, as our pipeline runs it, over the example articles
    and the invented sentences."""
    nlp = spacy.load(_model_name(), exclude=["ner"])
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    assert texts, "the example articles are part of the repository"
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        docs = list(nlp.pipe(texts + INVENTED))
    return nlp, docs


def test_the_model_rules_annotate_every_token_as_the_ruler_does(
    parsed: tuple[Language, list[Doc]],
) -> None:
    nlp, docs = parsed
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    table = AttributeTable(ruler)
    compared = 0
    for doc in docs:
        by_ruler, by_table = ruler(_copy(doc)), table(_copy(doc))
        assert _annotations(by_table) == _annotations(by_ruler)
        compared += len(doc)
    assert compared > 1200
    # Rules of several tokens went through the table's Matcher: "gonna" is "go" + "to".
    gonna = table(_copy(docs[len(docs) - len(INVENTED)]))
    assert [t.lemma_ for t in gonna if t.lower_ in ("gon", "na")] == ["go", "to"]


def test_the_pipeline_uses_the_table_in_place_of_the_ruler() -> None:
    names = load_nlp().pipe_names
    assert NAME in names and "attribute_ruler" not in names
    assert names.index("parser") < names.index(NAME) < names.index("lemmatizer")


INVENTED_RULES = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"TAG": "NN", "LOWER": {"IN": ["drone", "convoy"]}}]],
     "attrs": {"MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["NN", "DT"]}}]], "attrs": {"POS": "X"}},
    {"patterns": [[{"LOWER": {"REGEX": "^str"}}]], "attrs": {"LEMMA": "strike"}},
    {"patterns": [[{"LOWER": "the"}, {"TAG": "NN"}]], "attrs": {"POS": "PROPN"}, "index": 1},
    {"patterns": [[{"DEP": "det"}]], "attrs": {"POS": "DET"}},
    {"patterns": [[{"LOWER": "convoy"}], [{"LOWER": "depot"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
]  # fmt: skip
"""Every kind of rule: values, IN, NOT_IN, a regular expression, two tokens with the
index on the second, a flag, a rule of two patterns; later rules override earlier ones
(the PROPN rule after the NOUN rule, the convoy rule after the PROPN rule)."""


def _invented_doc(nlp: Language, words: list[str], tags: list[str], deps: list[str]) -> Doc:
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=[1] * len(words))


@pytest.mark.parametrize(
    ("words", "tags", "deps"),
    [
        (["the", "drone", "struck", "the", "convoy", "\n"],
         ["DT", "NN", "VBD", "DT", "NN", "_SP"],
         ["det", "nsubj", "ROOT", "det", "dobj", "dep"]),
        (["a", "depot", "burned", "strongly"],
         ["DT", "NN", "VBD", "RB"],
         ["det", "nsubj", "ROOT", "advmod"]),
    ],
)  # fmt: skip
def test_invented_rules_of_every_kind_annotate_as_the_ruler_does(
    words: list[str], tags: list[str], deps: list[str]
) -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add_patterns(INVENTED_RULES)  # type: ignore[arg-type]
    table = AttributeTable(ruler)
    by_ruler = ruler(_invented_doc(nlp, words, tags, deps))
    by_table = table(_invented_doc(nlp, words, tags, deps))
    assert _annotations(by_table) == _annotations(by_ruler)
    poses = [t.pos_ for t in by_table]
    if words[0] == "the":
        # "the drone": NOUN then PROPN (two-token rule, index 1); "struck": X then the
        # regex lemma; "the convoy": PROPN, then NOUN from the later two-pattern rule.
        assert poses == ["DET", "PROPN", "X", "DET", "NOUN", "SPACE"]
        assert by_table[2].lemma_ == "strike"
        assert str(by_table[1].morph) == "Number=Sing"
    else:
        assert poses == ["DET", "NOUN", "X", "X"]
        assert str(by_table[1].morph) == ""
