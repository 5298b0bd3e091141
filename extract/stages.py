"""The stages of extraction, in order: data, read by one runner, not a chain of calls.

The spaCy pipeline (`extract.nlp`) annotates a Doc: sentences, entity spans (the NER and our
gazetteer rulers), trigger and weapon spans (`doc.spans`). Then each stage below is a pure
function over that Doc: it reads what earlier stages left in `Doc` extensions (`doc._.ck_*`)
and adds its own, and the runner calls them in the order of `STAGES`. A stage package
(`entities`, `events`, `roles`) never calls into another one's rules; what one hands the next
is on the Doc.

| stage | package | reads | leaves |
|---|---|---|---|
| entities | entities | ck_lexicon, ck_meta, ck_dateline | ck_entities |
| mentions | events | ck_entities, ck_lexicon, doc.spans | ck_mentions, ck_nonspecific |
| dates | events | ck_mentions, ck_meta | dates on ck_mentions |
| mention_roles | roles | ck_mentions, ck_entities | ck_mention_roles |
| coreference | events | ck_mentions, ck_mention_roles, ck_entities | ck_clusters |
| incident_roles | roles | ck_clusters, ck_mention_roles, ck_dateline, doc.spans | ck_roles |
| responsibility | roles | ck_clusters, ck_roles | settles ck_roles |
| dateline_place | roles | ck_clusters, ck_roles | adds to ck_roles |
| subevents | events | ck_clusters, ck_roles | ck_subevents |
| relations | roles | ck_entities | ck_relations |
| facts | (this package) | all of the above | ck_extraction |

The order is what the rules need: roles point at entities, coreference needs the mentions'
dates and own roles to keep incidents apart, responsibility settles the incidents' roles, and
an incident's subevent class depends on its settled roles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from . import entities, events, facts, roles
from .language import Lexicon
from .model import ArticleMeta, Extraction

__all__ = ["EXTENSIONS", "STAGES", "Stage", "build_extraction"]


@dataclass(frozen=True, slots=True)
class Stage:
    """One step of extraction: its name and the function over the Doc that does it."""

    name: str
    run: Callable[[Doc], None]


STAGES: tuple[Stage, ...] = (
    Stage("entities", entities.resolve),
    Stage("mentions", events.find),
    Stage("dates", events.dates),
    Stage("mention_roles", roles.read_mention_roles),
    Stage("coreference", events.cluster),
    Stage("incident_roles", roles.gather),
    Stage("responsibility", roles.settle),
    Stage("dateline_place", roles.place_at_dateline),
    Stage("subevents", events.refine),
    Stage("relations", roles.relate),
    Stage("facts", facts.assemble),
)
"""The stages in the order they run."""

INPUTS = ("ck_source", "ck_meta", "ck_lexicon", "ck_dateline", "ck_text")
"""What the runner puts on the Doc before the first stage. `ck_text` is `doc.text` read
once: spaCy joins every token's text on each read of `Doc.text`."""
WORK = (
    "ck_entities",
    "ck_mentions",
    "ck_nonspecific",
    "ck_mention_roles",
    "ck_clusters",
    "ck_roles",
    "ck_subevents",
    "ck_relations",
)
"""What stages leave for later stages; dropped when the last stage is done, since it holds
spans of the Doc (the Doc would keep itself alive through them)."""
EXTENSIONS = (*INPUTS, *WORK, "ck_extraction", "ck_stages")
"""Every Doc extension of extraction; `ck_stages` lists the stages that ran, in order."""

for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def build_extraction(
    doc: Doc,
    source: str,
    meta: ArticleMeta,
    lexicon: Lexicon,
    dateline: tuple[int, int, str] | None,
) -> Extraction:
    """Run every stage over `doc`, the whole text of an article or one window of it, and
    return its `Extraction`. `dateline` is the (start, end, name) of the article's dateline
    place in `doc` (`extract.inputs.dateline_place` of the whole text), None where `doc`
    has none."""
    ext = doc._
    ext.ck_source = source
    ext.ck_meta = meta
    ext.ck_lexicon = lexicon
    ext.ck_dateline = dateline
    ext.ck_text = doc.text
    ran: list[str] = []
    ext.ck_stages = ran
    for stage in STAGES:
        stage.run(doc)
        ran.append(stage.name)
    for name in WORK:
        setattr(ext, name, None)
    return ext.ck_extraction
