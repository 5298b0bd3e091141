"""Actor resolution blocked by name keys (graph/resolve/blocks.py, facts.py) gives the
rebuild's resolution graph, triple for triple, after every added and removed batch of
articles whose actors are spelling variants of each other, acronyms, lone surnames,
described actors of the same name and namesakes of two countries; and the table of entity
facts the store keeps, moved by each change, equals one summed afresh from every article."""

from __future__ import annotations

from datetime import date, timedelta

from facts_table import rebuilt_table, stored_table
from rdflib import URIRef

from conflict_kg.extract import Extraction, article_graph, sha256_text
from conflict_kg.extract.model import Argument, ArticleMeta, Entity, Event, Span
from conflict_kg.graph.lookups.incidents import resolved
from conflict_kg.graph.resolve import resolve, resolve_articles
from conflict_kg.graph.resolve.incremental import footprint
from conflict_kg.graph.resolve.rebuild import resolution_graph
from conflict_kg.graph.store import Store
from conflict_kg.ontologies import RESOLUTION_GRAPH

START = date(2024, 3, 1)

# (name, class, ACLED category, country): the actors an article may name.
HAMDI = ("Hamdi Malik", "Person", None, "iraq")
HAMDI_VARIANT = ("Hamdi Malek", "Person", None, None)
HAMDI_SYRIAN = ("Hamdi Malick", "Person", None, "syria")
SURNAME = ("Malik", "Person", None, None)
AAH = ("Asaib Ahl al-Haq", "ArmedGroup", None, None)
AAH_VARIANT = ("Asa'ib Ahl al-Haqq", "ArmedGroup", None, None)
ACRONYM = ("AAH", "ArmedGroup", None, None)
SAME_INITIALS = ("Alliance of Ahl Hadi", "ArmedGroup", None, None)
GUNMEN = ("unidentified gunmen", "ArmedGroup", "Unidentified Armed Group", None)
SADR = ("Muqtada al-Sadr", "Person", None, None)
SADR_VARIANT = ("Moqtada al-Sadr", "Person", None, None)


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name.lower().replace("'", "")).strip("-")


def _article(number: int, actors: list[tuple[str, str, str | None, str | None]]) -> Extraction:
    """An invented report: the actors attack in Baghdad on a day of their own."""
    day = START + timedelta(days=number // 3)
    names = ", ".join(name for name, *_ in actors)
    title = f"Attack in Baghdad {number}"
    text = f"{title}\n\nOn {day:%B} {day.day}, {day.year}, {names} attacked a post in Baghdad.\n"
    sha = sha256_text(text)
    body = len(title) + 2

    def span(words: str) -> Span:
        start = text.index(words, body)
        return Span(start, start + len(words), words)

    city = span("Baghdad")
    entities = [Entity("baghdad", "Baghdad", "Place", mentions=[city])]
    arguments = [Argument("place", "baghdad", city.start, city.end, "Baghdad")]
    for name, kind, category, country in actors:
        # A described actor ("unidentified gunmen") is this article's own, as extraction
        # makes it; a named one has the slug of its name in every article.
        ident = f"{_slug(name)}-{sha[:6]}" if category else _slug(name)
        where = span(name)
        entities.append(
            Entity(ident, name, kind, mentions=[where], acled_category=category, country=country)
        )
        arguments.append(Argument("perpetrator", ident, where.start, where.end, name))  # type: ignore[arg-type]
    event = Event(
        id=f"{sha[:12]}-1",
        type="Attack",
        acled="ATTACK",
        trigger=span("attacked"),
        date=day.isoformat(),
        date_precision="day",
        arguments=arguments,
        sentence=Span(body, len(text) - 1, text[body:-1]),
    )
    meta = ArticleMeta(id=sha, title=title, published=(day + timedelta(days=1)).isoformat())
    return Extraction(f"blocks-{number}.txt", meta, text, entities, [event])


BATCHES: list[list[list[tuple[str, str, str | None, str | None]]]] = [
    # stored first and rebuilt
    [[HAMDI, GUNMEN], [AAH, GUNMEN], [SADR], [HAMDI, AAH], [GUNMEN]],
    # a spelling variant, an acronym, a lone surname, a namesake of another country
    [[HAMDI_VARIANT], [ACRONYM, GUNMEN], [SURNAME], [HAMDI_SYRIAN], [SADR_VARIANT, GUNMEN]],
    # a second full name with the acronym's initials: "AAH" fits two, joins neither
    [[SAME_INITIALS], [AAH_VARIANT, GUNMEN], [HAMDI, GUNMEN]],
]


def _add(store: Store, articles: list[Extraction]) -> list[URIRef]:
    iris = []
    for extraction in articles:
        iri, graph = article_graph(extraction)
        assert store.add_article(iri, graph)
        iris.append(iri)
    return iris


def _check(store: Store, summary: object) -> dict[str, str]:
    expected, expected_summary = resolution_graph(store)
    assert set(store.article_graph(RESOLUTION_GRAPH)) == set(expected)
    assert summary == expected_summary
    table = stored_table(store)
    assert table == rebuilt_table(store)
    assert len(table) > 20  # a table indeed: the entities' facts, names and articles
    return resolved(store).actors


def test_blocked_actor_resolution_equals_the_rebuild_through_adds_and_removals(
    store: Store,
) -> None:
    numbered = [
        [_article(10 * step + n, actors) for n, actors in enumerate(batch)]
        for step, batch in enumerate(BATCHES)
    ]
    _add(store, numbered[0])
    resolve(store)
    groups = _check(store, resolve(store))
    assert groups.get("asaib-ahl-al-haq") is None  # alone so far

    second = _add(store, numbered[1])
    groups = _check(store, resolve_articles(store, second))
    assert groups["hamdi-malek"] == groups["hamdi-malik"] == "hamdi-malik"
    assert groups["malik"] == "hamdi-malik"  # the lone surname fits one full name only
    assert "hamdi-malick" not in groups  # Syria's Hamdi Malick is another man
    assert groups["aah"] == "asaib-ahl-al-haq"
    assert groups["moqtada-al-sadr"] == groups["muqtada-al-sadr"]
    assert not any(actor.startswith("unidentified-gunmen") for actor in groups)

    third = _add(store, numbered[2])
    groups = _check(store, resolve_articles(store, third))
    assert "aah" not in groups  # two full names now have its initials
    assert groups["asaib-ahl-al-haqq"] == "asaib-ahl-al-haq"  # with its other spelling

    # Removing the other full names with its initials gives the acronym back to its group;
    # removing the only variant and the surname leaves Hamdi Malik alone.
    gone = [third[0], third[1], second[0], second[2]]
    removed = footprint(store, gone)
    for iri in gone:
        assert store.remove_article(iri)
    groups = _check(store, resolve_articles(store, [], removed))
    assert groups["aah"] == "asaib-ahl-al-haq"
    assert "hamdi-malik" not in groups and "malik" not in groups

    # Added again, with a new batch: the same answers as a rebuild once more.
    again = _add(store, [numbered[2][0], numbered[1][0]])
    groups = _check(store, resolve_articles(store, again))
    assert "aah" not in groups
    assert groups["hamdi-malek"] == "hamdi-malik"
