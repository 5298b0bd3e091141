"""Event words that tell no incident are kept as background (issue 15, item 3): "What one
article only mentions as background may still be recorded as a ck:Mention of a generic kind,
never as an incident." They appear in the JSON as `nonspecific`, with the class their words
name and the reason read from the parse, and in RDF as `ck:NonSpecificMention`s that no event
points at. Every article here is invented for the test."""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import Literal
from rdflib.namespace import RDF

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.triples import article_graph
from conflict_kg.graph.validate import validate_graph
from conflict_kg.ontologies import CK, PROV

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from eval_common import told_events

ANALYSIS_AND_INCIDENT = (
    "TESSARO, May 12 (Wire) - Gunmen shot dead a grain trader in the market of Tessaro on "
    "Monday, police said.\n"
    "Ambushes on grain convoys have tripled in the valley over the past decade. Police did not "
    "detain anyone. Elders fear that the gunmen could attack the mill next.\n"
)
PLAIN_INCIDENT = (
    "Rebels shelled the river port of Ombela on Saturday, killing four dock workers, the "
    "harbour master said.\n"
)


def test_background_words_are_kept_with_their_reason_and_never_as_incidents(
    extractor: Extractor,
) -> None:
    result = extractor.extract(ArticleInput("invented", ANALYSIS_AND_INCIDENT))
    kept = [(m.text, m.type, m.reason) for m in result.nonspecific]
    assert kept == [
        ("Ambushes", "Attack", "background"),
        ("detain", "Arrest", "negated"),
        ("attack", "Attack", "hypothetical"),
    ]
    assert [e.trigger.text for e in result.events] == ["shot"]
    for mention in result.nonspecific:
        assert ANALYSIS_AND_INCIDENT[mention.start : mention.end] == mention.text
        assert mention.sentence is not None and mention.text in mention.sentence.text
    as_json = result.to_json()["nonspecific"]
    assert as_json[1] == {
        "start": ANALYSIS_AND_INCIDENT.index("detain"),
        "end": ANALYSIS_AND_INCIDENT.index("detain") + len("detain"),
        "text": "detain",
        "type": "Arrest",
        "reason": "negated",
        "arguments": [
            {
                "role": "perpetrator",
                "entity": as_json[1]["arguments"][0]["entity"],
                "start": ANALYSIS_AND_INCIDENT.index("Police did"),
                "end": ANALYSIS_AND_INCIDENT.index("Police did") + len("Police"),
                "text": "Police",
                "certainty": "denied",
                "source": None,
            }
        ],
    }
    assert "arguments" not in as_json[0]  # "Ambushes on grain convoys": nobody named


def test_a_plain_incident_leaves_no_background(extractor: Extractor) -> None:
    result = extractor.extract(ArticleInput("invented", PLAIN_INCIDENT))
    assert [e.type for e in result.events] == ["Shelling"]
    assert result.nonspecific == []
    assert result.to_json()["nonspecific"] == []


def test_background_words_are_rdf_mentions_of_no_event_and_conform(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        ArticleInput("invented", ANALYSIS_AND_INCIDENT, title="Grain trader shot dead in Tessaro")
    )
    article, graph = article_graph(result)
    nodes = sorted(graph.subjects(RDF.type, CK.NonSpecificMention))
    assert len(nodes) == 3
    reasons = sorted(str(graph.value(n, CK.nonSpecificReason)) for n in nodes)
    assert reasons == ["background", "hypothetical", "negated"]
    for node in nodes:
        assert graph.value(node, PROV.wasDerivedFrom) == article
        assert (None, CK.mention, node) not in graph
        assert (node, RDF.type, CK.Mention) not in graph
    negated = next(n for n in nodes if graph.value(n, CK.nonSpecificReason) == Literal("negated"))
    assert graph.value(negated, CK.mentionClass) == CK.Arrest
    assert str(graph.value(negated, CK.sentence)) == "Police did not detain anyone."
    assert validate_graph(graph) == []


def test_trigger_scoring_counts_background_words_and_incident_figures_do_not(
    extractor: Extractor,
) -> None:
    output = extractor.extract(ArticleInput("invented", ANALYSIS_AND_INCIDENT)).to_json()
    told = told_events(output)
    assert [e["trigger"]["text"] for e in told] == ["shot", "Ambushes", "detain", "attack"]
    assert [e.get("nonspecific") for e in told] == [None, "background", "negated", "hypothetical"]
    # RAMS annotates the arguments of such words: they are scored with them
    assert [[(a["role"], a["text"], a["certainty"]) for a in e["arguments"]] for e in told[1:]] == [
        [],
        [("perpetrator", "Police", "denied")],
        [("perpetrator", "gunmen", "hedged")],
    ]
    assert len(output["events"]) == 1
