"""Score cross-article resolution (issue #6) on WikiEvents dev: ingest, resolve, compare.

    .venv/bin/python benchmarks/eval_resolution.py [--eval-dir DIR] [--store URL] [--json FILE]

Every document of ``wikievents_dev.jsonl`` is ingested, text unchanged and with no title or
publication date (the data has none), into a fresh store; then ``graph.resolve.resolve``
builds the resolution graph, and what it holds is read back from the store with SPARQL.
Several documents are about the same incidents, which is what makes the file a test of
resolution. The data is read at run time and never copied into the repository; when it is
absent the script says so and exits 0.

Alignment. The text we ingest is the gold text, so our extraction (returned by ``ingest``)
is aligned to the gold annotation by character offsets: spans overlap.

(a) Incident merging, pairwise over cross-document pairs of reports.

- Gold. WikiEvents has no cross-document event coreference, so it is defined here, in
  `INCIDENT_KEYS`: doc id -> incident key for the documents that share their main incident,
  decided by reading them (the two Lyon documents report the May 2019 bakery bombing; the
  two VOA documents report court cases about the 2013 Boston Marathon bombing; the two
  Northern Ireland news documents both report Bloody Friday, the IRA's Belfast bombings of
  21 July 1972). Every other document has an incident of its own: no two of them report the
  same incident.
- Headline attack. Within a keyed document, the gold events about the key incident are its
  ``Conflict.Attack.DetonateExplode`` events: the three shared incidents are all bombings,
  and in those documents the other attack events are other incidents (the night's
  shootings in Belfast, the Paris and Strasbourg attacks recalled in passing) or no
  incident at all ("conflict", "war"). The known exception: one Boston document types two
  "attack" mentions of the bombing ``Conflict.Attack.Unspecified``. (The first gold attack
  event of a document would not do: in one Belfast document it is "conflict".)
- Items: our reports (extracted events, ``ck:reportedIn`` an article) whose trigger or any
  other mention overlaps the trigger of a gold ``Conflict.Attack.*`` event. A report is
  headline when its document is keyed and one of its mentions overlaps a headline trigger.
- A cross-document pair of items is gold-same when both documents have the same key and
  both reports are headline; it is predicted-same when both reports are ``ck:hasReport``
  of the same ``ck:Incident`` in the resolution graph. Precision, recall and F1 over pairs.
  Predicted merges are split into right, "same key but not both headline" (disputable: the
  rule above calls them wrong) and "different keys" (certainly wrong). The last count is
  also given over all reports, aligned or not, since documents with different keys share
  no incident whatever the report is about.

(b) Actor merging, pairwise over cross-document pairs of entities.

- Gold. In each document, every coreference cluster (an entity in none is its own cluster)
  of a named-entity type (PER, ORG, GPE, LOC, FAC) that has a named mention gets a key: its
  longest named mention, normalised (case folded; accents, apostrophes and periods dropped;
  a leading "the" dropped; ties broken alphabetically). A mention is named when, after a
  leading "the", it starts with a capital and is not a pronoun, and a one-word mention is
  named only if the document never writes that word in lower case ("Police" at the start of
  a sentence is not a name), nor is a mention directly followed by another mention of its
  cluster (a title: "President" before the name). Clusters of different documents are one
  actor when their keys are equal. That is strict: "France" and "French", "Tamerlan
  Tsarnaev" and a cluster that only says "Tamerlan" differ. A lenient gold, reported beside
  it, takes two clusters as one actor when they share any normalised named mention; the gap
  between the two is what the key rule, not resolution, costs.
- Items: (document, our entity IRI) for each extracted entity aligned to a keyed cluster:
  the gold cluster (any type) with the most mentions overlapping the entity's mentions;
  an entity whose best cluster has no key is left out.
- A cross-document pair is predicted-same when both IRIs have the same canonical IRI after
  resolution (the ``ck:canonicalActor`` target, else the IRI itself). Because extraction
  already gives a gazetteer or repeated name one IRI in every article, predicted merges are
  split into "same IRI" (extraction) and "different IRIs, one canonical" (resolution).
  Places get no ``ck:canonicalActor``; they are scored all the same, per gold type.

Recall here is recall of resolution over what extraction found: gold pairs whose
reports or entities we did not extract are not counted.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import add_json_option, write_json  # noqa: E402
from eval_extraction import (  # noqa: E402
    CASE_FILE,
    DEFAULT_EVAL_DIR,
    GOLD_ATTACK_PREFIX,
    PRF,
    PRF_HEADER,
    PRONOUNS,
    WIKIEVENTS_FILE,
    overlaps,
    prf_row,
    print_table,
    read_jsonl,
)

INCIDENT_KEYS: dict[str, str] = {
    "scenario_en_kairos_60": "lyon-bakery-bombing-2019",
    "scenario_en_kairos_61": "lyon-bakery-bombing-2019",
    "32_VOA_EN_NW_2014.06.04.1929720": "boston-marathon-bombing-2013",
    "65_VOA_EN_NW_2014.07.21.1962165": "boston-marathon-bombing-2013",
    "wiki_ied_bombings_1_news_3": "belfast-bloody-friday-1972",
    "wiki_ied_bombings_1_news_4": "belfast-bloody-friday-1972",
}
"""Doc id (without the ``wikievents:dev:`` prefix) -> incident key, for the documents that
share their main incident; any other document's incidents are its own."""

HEADLINE_TYPE = "Conflict.Attack.DetonateExplode"
ACTOR_GOLD_TYPES = ("PER", "ORG", "GPE", "LOC", "FAC")
ONTOLOGY = "https://w3id.org/conflict-kg/ontology#"


def short_id(doc_id: str) -> str:
    return doc_id.rsplit(":", 1)[-1]


def local(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


# Ingest and resolve --------------------------------------------------------------------------


@dataclass(slots=True)
class Run:
    """What one ingest + resolve produced, and how long it took."""

    extractions: dict[str, Any]
    """Doc id -> our `Extraction` of it."""
    incident_of: dict[str, str]
    """Report IRI -> canonical incident IRI, from the resolution graph in the store."""
    canonical_of: dict[str, str]
    """Actor IRI -> ck:canonicalActor target, from the resolution graph in the store."""
    summary: Any
    load_seconds: float
    ingest_seconds: float
    resolve_seconds: float
    triples: int
    explain: Any = None
    """`Explainer` of resolution's pair scores, for the missed-merge list."""


def ingest_and_resolve(records: list[dict[str, Any]], store_url: str, batch_size: int) -> Run:
    """Ingest every record into a fresh store, resolve, and read the resolution back.

    The spaCy model is loaded before the clock starts: its load time says nothing about
    ingest or resolution and is reported apart.
    """
    from conflict_kg.extract import Extractor, article_from_json
    from conflict_kg.graph.resolve import resolve
    from conflict_kg.graph.store import open_store
    from conflict_kg.ingest import ingest

    started = time.perf_counter()
    extractor = Extractor(batch_size=batch_size)
    load_seconds = time.perf_counter() - started
    items = [article_from_json(str(r["id"]), {"text": r["text"]}) for r in records]
    extractions: dict[str, Any] = {}
    with open_store(store_url) as store:
        started = time.perf_counter()
        triples = 0
        for result in ingest(items, store, extractor=extractor, batch_size=batch_size):
            if result.error or result.extraction is None:
                raise SystemExit(f"{result.source}: not ingested ({result.error or 'duplicate'})")
            extractions[result.source] = result.extraction
            triples += result.triples
        ingested = time.perf_counter()
        summary = resolve(store)
        resolved = time.perf_counter()
        incident_of, canonical_of = read_resolution(store)
        explain = Explainer.read(store)
    return Run(
        extractions=extractions,
        incident_of=incident_of,
        canonical_of=canonical_of,
        summary=summary,
        load_seconds=load_seconds,
        ingest_seconds=ingested - started,
        resolve_seconds=resolved - ingested,
        triples=triples,
        explain=explain,
    )


def case_stress(path: Path, store_url: str, batch_size: int) -> dict[str, float]:
    """Resolution over the CASE snippets: short texts about mostly different events, with
    no dates, so every incident merge among them is suspect. A precision check and a
    second timing on more reports than WikiEvents has."""
    from conflict_kg.extract import Extractor, article_from_json
    from conflict_kg.graph.resolve import resolve
    from conflict_kg.graph.store import open_store
    from conflict_kg.ingest import ingest

    records = read_jsonl(path, None)
    items = [article_from_json(str(r["id"]), {"text": r["text"]}) for r in records]
    extractor = Extractor(batch_size=batch_size)
    with open_store(store_url) as store:
        stored = sum(r.added for r in ingest(items, store, extractor=extractor))
        started = time.perf_counter()
        summary = resolve(store)
        seconds = time.perf_counter() - started
    return {
        "snippets": len(records),
        "stored (distinct texts)": stored,
        "reports": summary.reports,
        "incidents": summary.incidents,
        "reports merged (suspect)": summary.reports_merged,
        "actor spellings merged": summary.actors_merged,
        "resolve (s)": round(seconds, 3),
    }


@dataclass(slots=True)
class Explainer:
    """Resolution's own view of each report (class, places, actors) and its pair score,
    so a missed merge shows which rule stopped it. Reads through `graph.resolve`'s private
    helpers: if they change, the explanation is dropped, not the scores."""

    records: dict[str, Any]
    tree: Any
    scopes: dict[str, frozenset[str]]
    merge_score: int

    @classmethod
    def read(cls, store: Any) -> Explainer | None:
        try:
            from conflict_kg.graph import resolve as resolution
            from conflict_kg.graph.resolve.incidents import MERGE_SCORE

            actors, scopes = resolution._read_actors(store)
            reports, _ = resolution._read_reports(store, resolution.canonical_actors(actors))
            tree = resolution._class_tree()
        except (ImportError, AttributeError, TypeError, ValueError) as error:
            print(f"(no merge explanations: {error})")
            return None
        return cls({r.iri: r for r in reports}, tree, scopes, MERGE_SCORE)

    def scope(self, place: str) -> frozenset[str]:
        return self.scopes.get(place, frozenset({place}))

    def describe(self, iri: str) -> str:
        r = self.records.get(iri)
        if r is None:
            return "not a report to resolution"
        parts = [r.event_class, f"date {r.date or '-'}"]
        parts.append("places " + (",".join(sorted(local(p) for p in r.places)) or "-"))
        parts.append("actors " + (",".join(sorted(local(a) for a in r.actors)) or "-"))
        return "; ".join(parts)

    def verdict(self, a: str, b: str) -> str:
        """Resolution's score for the pair, or the rule that vetoes it."""
        from conflict_kg.graph.resolve.incidents import _places_relation, pair_score

        x, y = self.records.get(a), self.records.get(b)
        if x is None or y is None:
            return "not both reports"
        score = pair_score(x, y, self.tree, self.scope)
        if score is not None:
            return (
                f"score {score} < {self.merge_score}"
                if score < self.merge_score
                else "merge refused"
            )
        if self.tree.relation(x.event_class, y.event_class) == "apart":
            return "veto: classes apart"
        if _places_relation(x, y, self.scope) == "apart":
            return "veto: places apart"
        return "veto: dates apart"


def read_resolution(store: Any) -> tuple[dict[str, str], dict[str, str]]:
    """Report -> incident and actor -> canonical, as the store holds them (not as
    `resolve` returned them), so the figures are about what a query would see."""
    from conflict_kg.ontologies import RESOLUTION_GRAPH

    def pairs(prop: str) -> list[tuple[str, str]]:
        sparql = (
            f"PREFIX ck: <{ONTOLOGY}>\n"
            f"SELECT ?s ?o WHERE {{ GRAPH <{RESOLUTION_GRAPH}> {{ ?s ck:{prop} ?o }} }}"
        )
        return [(str(row[0]), str(row[1])) for row in store.query(sparql)]

    incident_of = {report: incident for incident, report in pairs("hasReport")}
    canonical_of = dict(pairs("canonicalActor"))
    return incident_of, canonical_of


def entity_iri(entity_id: str) -> str:
    from conflict_kg.ontologies import CKID

    return str(CKID[f"entity/{entity_id}"])


def report_iri(event_id: str) -> str:
    from conflict_kg.ontologies import CKID

    return str(CKID[f"incident/{event_id}"])


# Pairwise scoring ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Item:
    """One of our reports or entities in one document, with what gold says of it."""

    doc: str
    iri: str
    key: str | None
    """Gold identity: incident key (headline reports only) or actor key; None: none."""
    group: str
    """Gold type (actors) or "headline"/"other" (reports), for the breakdown."""
    names: frozenset[str] = frozenset()
    """Actors: every normalised named mention of the gold cluster (the lenient gold)."""


@dataclass(slots=True)
class PairScores:
    prf: PRF = field(default_factory=PRF)
    pairs: int = 0
    by_group: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    false_merges: list[tuple[Item, Item]] = field(default_factory=list)
    missed_merges: list[tuple[Item, Item]] = field(default_factory=list)


def score_pairs(
    items: Sequence[Item],
    predicted: dict[str, str],
    gold_same: Any,
) -> PairScores:
    """Every cross-document pair of items: gold-same by `gold_same(a, b)`, predicted-same
    when `predicted` maps both IRIs to one value (an IRI absent maps to itself)."""
    scores = PairScores()
    for a, b in combinations(items, 2):
        if a.doc == b.doc:
            continue
        scores.pairs += 1
        gold = bool(gold_same(a, b))
        pred = predicted.get(a.iri, a.iri) == predicted.get(b.iri, b.iri)
        groups = {a.group, b.group} if a.group == b.group else {"(mixed)"}
        for prf in (scores.prf, *(scores.by_group[g] for g in groups)):
            prf.n_pred += pred
            prf.n_gold += gold
            prf.tp_pred += pred and gold
            prf.tp_gold += pred and gold
        if pred and not gold:
            scores.false_merges.append((a, b))
        elif gold and not pred:
            scores.missed_merges.append((a, b))
    return scores


# (a) Incidents -------------------------------------------------------------------------------


@dataclass(slots=True)
class IncidentScores:
    pairs: PairScores
    items: list[Item]
    merges_right: int
    merges_disputable: int
    merges_certainly_false: int
    all_reports: int
    all_cross_doc_merges: int
    all_certainly_false: list[tuple[Item, Item]]


def doc_key(doc_id: str) -> str | None:
    return INCIDENT_KEYS.get(short_id(doc_id))


def event_spans(event: Any) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in [event.trigger, *event.mentions]]


def incident_items(record: dict[str, Any], extraction: Any) -> tuple[list[Item], list[Item]]:
    """(aligned reports, all reports) of one document as items; `key` is the document's
    incident key on headline reports only."""
    gold = [e for e in record["events"] if e["type"].startswith(GOLD_ATTACK_PREFIX)]
    key = doc_key(record["id"])
    aligned: list[Item] = []
    every: list[Item] = []
    for event in extraction.events:
        spans = event_spans(event)
        hits = [
            g
            for g in gold
            if any(overlaps(s, e, g["trigger"]["start"], g["trigger"]["end"]) for s, e in spans)
        ]
        headline = key is not None and any(g["type"] == HEADLINE_TYPE for g in hits)
        item = Item(
            record["id"],
            report_iri(event.id),
            key if headline else None,
            "headline" if headline else "other",
        )
        every.append(item)
        if hits:
            aligned.append(item)
    return aligned, every


def score_incidents(records: list[dict[str, Any]], run: Run) -> IncidentScores:
    aligned: list[Item] = []
    every: list[Item] = []
    for record in records:
        a, e = incident_items(record, run.extractions[record["id"]])
        aligned += a
        every += e
    pairs = score_pairs(aligned, run.incident_of, lambda a, b: a.key is not None and a.key == b.key)
    disputable = sum(
        doc_key(a.doc) is not None and doc_key(a.doc) == doc_key(b.doc)
        for a, b in pairs.false_merges
    )
    right = pairs.prf.tp_pred
    certain = pairs.prf.n_pred - right - disputable
    all_merges = 0
    all_false: list[tuple[Item, Item]] = []
    for a, b in combinations(every, 2):
        if a.doc != b.doc and run.incident_of.get(a.iri, a.iri) == run.incident_of.get(
            b.iri, b.iri
        ):
            all_merges += 1
            ka, kb = doc_key(a.doc), doc_key(b.doc)
            if ka is None or ka != kb:
                all_false.append((a, b))
    return IncidentScores(
        pairs, aligned, right, disputable, certain, len(every), all_merges, all_false
    )


# (b) Actors ----------------------------------------------------------------------------------


def normalise(name: str) -> str:
    """Case folded; accents, apostrophes and periods dropped; a leading "the" dropped."""
    decomposed = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    text = re.sub(r"['’‘`.]", "", text)
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


def is_named_mention(mention: str, doc_text: str) -> bool:
    """A proper name rather than a pronoun or a common noun (see the module docstring)."""
    words = mention.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or not words[0][:1].isupper() or " ".join(words).lower() in PRONOUNS:
        return False
    if len(words) == 1 and not words[0].isupper():
        return re.search(rf"\b{re.escape(words[0].lower())}\b", doc_text) is None
    return True


def is_title(mention: dict[str, Any], starts: set[int], doc_text: str) -> bool:
    """A mention directly followed by another mention of its own cluster is a title or
    apposition ("President" before "Emmanuel Macron"), not a name of its own."""
    end = mention["end"]
    gap = len(doc_text[end : end + 3]) - len(doc_text[end : end + 3].lstrip(" ,"))
    return gap > 0 and end + gap in starts


@dataclass(frozen=True, slots=True)
class GoldCluster:
    type: str
    key: str | None
    spans: tuple[tuple[int, int], ...]
    names: frozenset[str] = frozenset()


def gold_clusters(record: dict[str, Any]) -> list[GoldCluster]:
    """Every coreference cluster of the document (unclustered entities as singletons),
    with its actor key when it is of a named-entity type and has a named mention."""
    entities = record["entities"]
    members: list[list[int]] = [list(c) for c in record.get("coref_clusters") or []]
    clustered = {int(i) for c in members for i in c}
    members += [[i] for i in range(len(entities)) if i not in clustered]
    clusters: list[GoldCluster] = []
    for indices in members:
        mentions = [entities[int(i)] for i in indices]
        kind = Counter(m["type"] for m in mentions).most_common(1)[0][0]
        starts = {m["start"] for m in mentions}
        named = [
            normalise(m["text"])
            for m in mentions
            if is_named_mention(m["text"], record["text"])
            and not is_title(m, starts, record["text"])
        ]
        key = None
        if kind in ACTOR_GOLD_TYPES and named:
            key = min(named, key=lambda n: (-len(n), n))
        spans = tuple((m["start"], m["end"]) for m in mentions)
        clusters.append(GoldCluster(kind, key, spans, frozenset(named) if key else frozenset()))
    return clusters


def actor_items(record: dict[str, Any], extraction: Any) -> list[Item]:
    clusters = gold_clusters(record)
    items: list[Item] = []
    for entity in extraction.entities:
        counts = [
            sum(
                any(overlaps(m.start, m.end, s, e) for m in entity.mentions)
                for s, e in cluster.spans
            )
            for cluster in clusters
        ]
        if not counts or max(counts) == 0:
            continue
        best = clusters[counts.index(max(counts))]
        if best.key is not None:
            iri = entity_iri(entity.id)
            items.append(Item(record["id"], iri, best.key, best.type, best.names))
    return items


@dataclass(slots=True)
class ActorScores:
    pairs: PairScores
    lenient: PairScores
    """The same pairs against the lenient gold: clusters sharing any named mention."""
    items: list[Item]
    same_iri_merges: int
    same_iri_right: int
    resolved_merges: int
    resolved_right: int
    gold_key_pairs: int
    """Cross-document pairs of keyed gold clusters with equal keys (found or not)."""


def score_actors(records: list[dict[str, Any]], run: Run) -> ActorScores:
    items: list[Item] = []
    gold_keys: list[tuple[str, str]] = []
    for record in records:
        items += actor_items(record, run.extractions[record["id"]])
        gold_keys += [(record["id"], c.key) for c in gold_clusters(record) if c.key]
    pairs = score_pairs(items, run.canonical_of, lambda a, b: a.key == b.key)
    lenient = score_pairs(items, run.canonical_of, lambda a, b: bool(a.names & b.names))
    same_iri = same_iri_right = resolved = resolved_right = 0
    for a, b in combinations(items, 2):
        if a.doc == b.doc:
            continue
        if a.iri == b.iri:
            same_iri += 1
            same_iri_right += a.key == b.key
        elif run.canonical_of.get(a.iri, a.iri) == run.canonical_of.get(b.iri, b.iri):
            resolved += 1
            resolved_right += a.key == b.key
    gold_key_pairs = sum(da != db and ka == kb for (da, ka), (db, kb) in combinations(gold_keys, 2))
    return ActorScores(
        pairs, lenient, items, same_iri, same_iri_right, resolved, resolved_right, gold_key_pairs
    )


# Reporting -----------------------------------------------------------------------------------


def describe(item: Item, predicted: dict[str, str]) -> str:
    target = predicted.get(item.iri, item.iri)
    via = "" if target == item.iri else f" -> {local(target)}"
    if item.group in ("headline", "other"):
        gold = item.key or f"{item.group}; doc key {doc_key(item.doc) or 'none'}"
    else:
        gold = f"{item.group} {item.key!r}"
    return f"{short_id(item.doc)}: {local(item.iri)}{via} [{gold}]"


def grouped(pairs: Iterable[tuple[Item, Item]], key: Any) -> list[tuple[str, list[Item]]]:
    """Pairs collapsed into groups of items (by `key(a, b)`), largest first."""
    groups: dict[str, dict[tuple[str, str], Item]] = defaultdict(dict)
    for a, b in pairs:
        label = key(a, b)
        for item in (a, b):
            groups[label][(item.doc, item.iri)] = item
    return sorted(
        (
            (label, sorted(members.values(), key=lambda i: (i.doc, i.iri)))
            for label, members in groups.items()
        ),
        key=lambda kv: (-len(kv[1]), kv[0]),
    )


def print_groups(
    title: str, groups: list[tuple[str, list[Item]]], predicted: dict[str, str], top: int
) -> None:
    print(f"\n{title}")
    if not groups:
        print("  (none)")
    for label, members in groups[:top]:
        print(f"  {label}")
        for item in members:
            print(f"    {describe(item, predicted)}")
    if len(groups) > top:
        print(f"  ... and {len(groups) - top} more")


def print_missed_incidents(missed: list[tuple[Item, Item]], run: Run, top: int) -> None:
    """Missed merges by gold key: each report with what resolution knew of it, then the
    verdicts resolution gave the key's missed pairs."""
    print("\nIncident missed merges (by gold key; doc: report -> incident {what resolution saw})")
    groups = grouped(missed, lambda x, y: x.key or "")
    if not groups:
        print("  (none)")
    for key, members in groups[:top]:
        print(f"  key {key}")
        for item in members:
            view = f" {{{run.explain.describe(item.iri)}}}" if run.explain else ""
            print(f"    {describe(item, run.incident_of)}{view}")
        if run.explain:
            verdicts = Counter(run.explain.verdict(a.iri, b.iri) for a, b in missed if a.key == key)
            print("    pairs: " + ", ".join(f"{v}: {n}" for v, n in verdicts.most_common()))
    if len(groups) > top:
        print(f"  ... and {len(groups) - top} more")


def report(
    records: list[dict[str, Any]], run: Run, inc: IncidentScores, act: ActorScores, top: int
) -> None:
    n = len(records)
    total = run.ingest_seconds + run.resolve_seconds
    s = run.summary
    print_table(
        "Ingest and resolution",
        ("", "value"),
        [
            ("documents", n),
            ("characters", sum(len(r["text"]) for r in records)),
            ("triples stored", run.triples),
            ("model load (s, not counted below)", round(run.load_seconds, 2)),
            ("ingest (s)", round(run.ingest_seconds, 2)),
            ("resolve (s)", round(run.resolve_seconds, 3)),
            ("ingest + resolve (s)", round(total, 2)),
            ("ingest + resolve (docs/s)", round(n / total, 2) if total else "n/a"),
            ("reports", s.reports),
            ("incidents", s.incidents),
            ("reports merged", s.reports_merged),
            ("actor groups (2+ IRIs)", s.actor_groups),
            ("actors merged", s.actors_merged),
        ],
    )
    print("\nIncident keys (gold cross-document identity, by reading the documents):")
    for doc, key in sorted(INCIDENT_KEYS.items(), key=lambda kv: (kv[1], kv[0])):
        print(f"  {key:30} {doc}")
    print("  (every other document: its incidents are its own)")
    print(
        f"Gold-same report pair: both documents share a key and both reports overlap a gold "
        f"{HEADLINE_TYPE} trigger (the headline bombing)."
    )
    p = inc.pairs
    headline = sum(i.group == "headline" for i in inc.items)
    print_table(
        "Incident merging, cross-document pairs of reports aligned to gold Conflict.Attack.*",
        PRF_HEADER,
        [prf_row("report pairs", p.prf)],
    )
    print_table(
        "Incident merging: counts",
        ("", "value"),
        [
            (
                "our reports (all / aligned / headline)",
                f"{inc.all_reports} / {len(inc.items)} / {headline}",
            ),
            ("cross-doc pairs of aligned reports", p.pairs),
            ("predicted merges: right", inc.merges_right),
            ("predicted merges: same key, not both headline", inc.merges_disputable),
            ("predicted merges: different keys (certainly false)", inc.merges_certainly_false),
            ("all reports: cross-doc merged pairs", inc.all_cross_doc_merges),
            ("all reports: different keys (certainly false)", len(inc.all_certainly_false)),
        ],
    )
    a = act.pairs
    rows = [
        prf_row("all named actors", a.prf),
        prf_row("  lenient gold", act.lenient.prf),
    ]
    rows += [
        prf_row(f"  gold {t}", a.by_group[t])
        for t in (*ACTOR_GOLD_TYPES, "(mixed)")
        if t in a.by_group
    ]
    print_table("Actor merging, cross-document pairs of aligned entities", PRF_HEADER, rows)
    print_table(
        "Actor merging: counts",
        ("", "value"),
        [
            ("aligned (doc, entity) items", len(act.items)),
            ("cross-doc pairs", a.pairs),
            ("gold-same pairs among them", a.prf.n_gold),
            ("gold-same cluster pairs in the data (found or not)", act.gold_key_pairs),
            ("predicted-same: same IRI (extraction)", act.same_iri_merges),
            ("  of which gold-same", act.same_iri_right),
            ("predicted-same: different IRIs, one canonical (resolution)", act.resolved_merges),
            ("  of which gold-same", act.resolved_right),
        ],
    )

    def incident_label(x: Item, y: Item) -> str:
        return f"incident {local(run.incident_of.get(x.iri, x.iri))}"

    print_groups(
        "Incident false merges among aligned reports (grouped by our incident)",
        grouped(p.false_merges, incident_label),
        run.incident_of,
        top,
    )
    shown = set(p.false_merges)
    extra = [pair for pair in inc.all_certainly_false if pair not in shown]
    print_groups(
        "Incident merges across different keys among unaligned reports",
        grouped(extra, incident_label),
        run.incident_of,
        top,
    )
    print_missed_incidents(p.missed_merges, run, top)
    print_groups(
        "Actor false merges (grouped by canonical IRI; [gold key])",
        grouped(
            a.false_merges, lambda x, y: f"canonical {local(run.canonical_of.get(x.iri, x.iri))}"
        ),
        run.canonical_of,
        top,
    )
    print_groups(
        "Actor missed merges (grouped by gold key)",
        grouped(a.missed_merges, lambda x, y: f"key {x.key!r}"),
        run.canonical_of,
        top,
    )


def figures(run: Run, inc: IncidentScores, act: ActorScores, n: int) -> dict[str, Any]:
    total = run.ingest_seconds + run.resolve_seconds
    return {
        "documents": n,
        "ingest_seconds": round(run.ingest_seconds, 3),
        "resolve_seconds": round(run.resolve_seconds, 3),
        "docs_per_second": round(n / total, 3) if total else None,
        "incidents": {
            **inc.pairs.prf.as_dict(),
            "pairs": inc.pairs.pairs,
            "certainly_false_merges": inc.merges_certainly_false,
            "certainly_false_merges_all_reports": len(inc.all_certainly_false),
        },
        "actors": {**act.pairs.prf.as_dict(), "pairs": act.pairs.pairs},
    }


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Score cross-article resolution (incident and actor merging, pairwise "
        "P/R/F1) on WikiEvents dev read from ../shared/eval/, and time ingest + resolve.",
    )
    parser.add_argument(
        "--eval-dir",
        type=Path,
        default=DEFAULT_EVAL_DIR,
        help=f"directory holding {WIKIEVENTS_FILE} (default: {DEFAULT_EVAL_DIR})",
    )
    parser.add_argument(
        "--store",
        default="memory:",
        help="store URL for the fresh store: 'memory:' (default) or 'oxigraph:' for a new "
        "temporary Oxigraph directory",
    )
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size")
    parser.add_argument("--top", type=int, default=10, help="groups shown in each error list")
    add_json_option(parser)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    path = args.eval_dir / WIKIEVENTS_FILE
    if not path.is_file():
        print(f"evaluation data not found: {path}; skipping.")
        return 0
    records = read_jsonl(path, None)
    with tempfile.TemporaryDirectory(prefix="eval-resolution-") as tmp:
        url = f"oxigraph:{tmp}/store" if args.store == "oxigraph:" else args.store
        run = ingest_and_resolve(records, url, args.batch_size)
    print(f"WikiEvents dev: {len(records)} documents, store {args.store}")
    inc = score_incidents(records, run)
    act = score_actors(records, run)
    report(records, run, inc, act, args.top)
    case_path = args.eval_dir / CASE_FILE
    if case_path.is_file():
        with tempfile.TemporaryDirectory(prefix="eval-resolution-case-") as tmp:
            url = f"oxigraph:{tmp}/store" if args.store == "oxigraph:" else args.store
            stress = case_stress(case_path, url, args.batch_size)
        print("\nCASE 2021 snippets (mostly distinct events, undated): a precision check")
        width = max(len(k) for k in stress)
        for key, value in stress.items():
            print(f"  {key:<{width}}  {value}")
    write_json(args.json, figures(run, inc, act, len(records)), sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
