"""Who and where: turning the Doc's entity spans into one `Entity` per real-world actor.

The `entities` stage: it leaves the article's `EntityTable` on the Doc (`doc._.ck_entities`)
for every later stage. Within an article, names collapse to one entity ("Sadr" is "Moqtada
al-Sadr"), capitals used as actors stand for their state ("Tehran said"), and office holders
named once are found again in nominal mentions ("the Iraqi prime minister").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span

from ..language import DASHES, ActorRecord, Lexicon, is_major_city, positions
from .agencies import add_political_bodies, agency_after_state
from .claimants import add_claimants
from .datelines import add_dateline, dateline_context, overlaps, unlabelled
from .name_context import (
    UNTAKEN_LABELS,
    described_as_person,
    facility_after,
    group_kind,
    kin_group_names,
    person_by_context,
    place_by_context,
    reporter_by_context,
    unlabelled_facilities,
    unlabelled_groups,
    unlabelled_places,
)
from .name_labels import FORCE_HEADS, common_noun_opening, corrected_label
from .persons import add_persons, listed_names, split_misread_cities
from .place_adjectives import add_place_adjectives
from .regions import region_around
from .repeats import add_repeated_names
from .table import EntityTable, article_key

__all__ = ["ARMED_HEADS", "LOCATIVE_PREPS", "STATE_HEADS", "resolve", "resolve_entities"]

GAZETTEER_TYPES = frozenset(
    {"ArmedGroup", "StateForce", "Government", "Organization", "CommunalGroup", "Person"}
)
ARMED_HEADS = frozenset(
    {"militia", "militias", "brigade", "brigades", "rebels", "insurgents", "faction", "army",
     "battalion", "battalions", "fighters", "movement", "front", "guerrillas"}
)  # fmt: skip
STATE_HEADS = frozenset(
    {"authorities", "government", "regime", "leadership", "forces", "troops", "army",
     "military", "soldiers", "jets", "warplanes", "aircraft", "navy", "police"}
)  # fmt: skip
"""Nouns through which a state acts: "Iranian authorities", "Israeli jets", "Russian troops"."""
GROUP_NAME_LABELS = frozenset({"ORG", "PERSON", "FAC", "LOC", "GPE", "EVENT", "WORK_OF_ART"})
"""NER labels of names that a group noun, apposition or act may show to be a group."""
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "to", "from", "into", "across", "outside", "inside", "around",
     "throughout", "within", "toward", "towards", "via", "through", "on"}
)  # fmt: skip


def resolve(doc: Doc) -> None:
    """Stage `entities`: the article's entities, from the NER's and the gazetteer's spans
    and the rules of this package, as `doc._.ck_entities`."""
    ext = doc._
    ext.ck_entities = resolve_entities(
        doc, ext.ck_lexicon, article_key(ext.ck_meta.id), ext.ck_dateline
    )


def _strip_article(span: Span) -> Span:
    """The name in an NER span: without its article, its possessive, or the line break
    the NER takes in after a headline's last word ("Varn\n\n")."""
    while len(span) > 1 and span[0].lower_ in ("the", "a", "an"):
        span = span[1:]
    while len(span) > 1 and (span[-1].text in ("'s", "’s", "'", "’") or span[-1].is_space):
        span = span[:-1]
    return span


def _in_capitals_line(span: Span, text: str) -> bool:
    """Whether `span` lies on a line set wholly in capitals, two words or more ("GUNMEN
    KILL FIVE IN NORTHERN VARN", "DAILY ROUND-UP"): a headline or rubric in which the
    NER reads every word as a name, so its labels say nothing. The gazetteer still knows
    its names; the body names them again in mixed case. `text` is the Doc's text, read
    once by the caller: spaCy joins every token's text on each read of `Doc.text`."""
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    words = CAPITALS_WORD.findall(text[start : end if end >= 0 else len(text)])
    return len(words) >= 2 and all(word.isupper() for word in words)


CAPITALS_WORD = re.compile(r"[^\W\d_]+")
"""A run of letters."""


def _used_as_actor(span: Span) -> bool:
    """A place name is an actor when it acts or owns, not when it locates ("in Tehran")."""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass", "poss"):
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "by":
        return True
    return False


def resolve_entities(
    doc: Doc,
    lexicon: Lexicon,
    article_key: str = "",
    dateline: tuple[int, int, str] | None = None,
) -> EntityTable:
    """Build the article's entity table from NER, the gazetteer and the context rules.

    `dateline` is the (start, end, name) of the dateline's place (`extract.inputs.article.
    dateline_place`): it is a place whatever the NER calls it, entered first so that the
    article's other mentions of the city join it.
    """
    table = EntityTable(article_key=article_key)
    persons: list[Span] = []
    deferred: list[Span] = []
    places: list[tuple[Span, str, str]] = []
    nationalities: list[Span] = []
    dateline_span = add_dateline(table, doc, lexicon, dateline)
    dateline_name = dateline[2].lower() if dateline_span is not None and dateline else None
    context = [] if dateline_span is None else dateline_context(doc, dateline_span, lexicon)
    for span in context:
        # The dateline's country is a mention of the state but never an actor of a phrase;
        # a name the gazetteer does not know as a country is the province or land filed from.
        country = lexicon.country_of_name(span.text)
        if country:
            table.add_reference(span, country, "State", also_place=True)
        else:
            table.add_reference(span, span.text, "Place")
    kin_groups = _add_kin_groups(table, doc, lexicon)
    ents = doc.ents
    text = doc.text
    place_names = {_strip_article(e).text for e in ents if e.label_ == "GPE"}
    for ent in ents:
        if dateline_span is not None and overlaps(ent, dateline_span):
            continue
        if any(overlaps(ent, span) for span in context + kin_groups):
            continue
        if ent[-1].text in DASHES:
            continue  # "PRESS RELEASE -", "14:30 -": a line's label, no name ends in a dash
        if not ent.ent_id_ and _in_capitals_line(ent, text):
            continue  # "GUNMEN KILL FIVE IN VARN": capitals tell the NER nothing there
        span = _strip_article(ent)
        label = corrected_label(span, ent.label_)
        if label in ("PERSON", "ORG", "NORP") and common_noun_opening(span, _common_nouns(lexicon)):
            continue  # "Riot police ...": a lexicon noun opening the sentence is no name
        if span.text.lower() == dateline_name and label in ("PERSON", "NORP", "ORG"):
            label = "GPE"  # the NER's misreading of the dateline city, again
        if label in GAZETTEER_TYPES and ent.ent_id_ in lexicon.actors:
            record = lexicon.actors[ent.ent_id_]
            table.add(
                span,
                record.name,
                record.type,
                acled_category=record.acled_category,
                country=record.country,
            )
        elif label in GROUP_NAME_LABELS and (
            group := group_kind(span, _owner_or_name(span, label, ent.ent_id_))
        ) is not None:
            name, kind, category = group
            table.add(name, _strip_article(name).text, kind, acled_category=category)
        elif label == "GPE" and ent.ent_id_ and (region := region_around(span)) is not None:
            table.add(region, region.text, "Place")
        elif label == "GPE" and (agency := agency_after_state(span)) is not None:
            name, kind = agency
            country = ent.ent_id_ or lexicon.country_of_name(span.text)
            table.add(name, name.text, kind, country=country)
        elif label in ("PERSON", "ORG") and (facility := facility_after(span)) is not None:
            places.append((facility, "FAC", ""))
        elif label in ("GPE", "LOC", "FAC"):
            places.append((span, label, ent.ent_id_))
        elif label == "PERSON":
            persons.append(span)
        elif label == "ORG":
            deferred.append(span)
        elif label == "NORP" and span.text in place_names:
            places.append((span, "GPE", ""))  # "Dagestan became ..." after "in Dagestan"
        elif label == "NORP":
            _add_communal_group(table, span, lexicon)
            nationalities.append(span)
    if dateline_name is not None:
        places.extend((span, "GPE", "") for span in unlabelled(doc, dateline_name))
    places.extend((span, "FAC", "") for span in unlabelled_facilities(doc))
    for name in unlabelled_places(doc):
        # the name's other mentions, written as a name ("after reading" is no Reading)
        places.extend(
            (span, "GPE", "")
            for span in unlabelled(doc, name, UNTAKEN_LABELS)
            if span[0].text[:1].isupper()
        )
    persons, deferred, places = _relabel_by_context(
        persons, deferred, places, lambda name: lexicon.country_of_name(name) is not None
    )
    persons += listed_names(persons)
    persons, misread_cities = split_misread_cities(persons)
    places.extend((span, "GPE", "") for span in misread_cities)
    # A one-word "place" that is the surname of a person the article names ("Matanov")
    # is that person: the statistical NER often mistypes surnames on their own.
    # Not one the text itself places ("the port of X"): that stays the town the man
    # shares a name with.
    surname_candidates = [
        span
        for span, label, gazetteer_id in places
        if not gazetteer_id and len(span) == 1 and not place_by_context(span, label, strict=True)
    ]
    add_persons(table, doc, persons, deferred + surname_candidates, lexicon)
    described = {s.text for s in persons if described_as_person(s)}
    for span, label, gazetteer_id in places:
        if span[0].i in table.token_entity:
            continue
        if span.text in described:
            table.add_apart(span, span.text, "Place")  # the town the man is named as
        elif label == "GPE":
            _add_place_or_state(table, span, lexicon, gazetteer_id or None)
        else:
            table.add(span, span.text, "Place")
    for span in deferred:
        if span[0].i in table.token_entity:
            continue
        after = doc[span.end] if span.end < len(doc) else None
        armed = after is not None and after.lower_ in ARMED_HEADS
        table.add(span, span.text, "ArmedGroup" if armed else "Organization")
    _add_modified_forces(table, doc, lexicon)
    taken = set(table.token_entity)
    for name in unlabelled_groups(doc, taken, lambda w: lexicon.country_of_name(w) is not None):
        if (group := group_kind(name, "")) is not None:
            table.add(group[0], group[0].text, group[1], acled_category=group[2])
    _add_state_bodies(table, doc, lexicon)
    _add_units_after_parents(table, doc, lexicon)
    add_political_bodies(table, doc)
    add_claimants(table, doc)
    add_repeated_names(table, doc)
    add_place_adjectives(table, nationalities, lexicon)
    _add_demonym_references(table, doc, lexicon)
    return table


def _owner_or_name(span: Span, label: str, gazetteer_id: str) -> str:
    """The label `group_kind` reads a name under. A place the gazetteer knows, or a one-word
    one, owns the group noun after it ("the Kirkuk militia" is Kirkuk's); a name of several
    words the NER took for a land or a river and nobody knows as a place is the group's own
    name ("the Black Lake militia"): read as an unlabelled name, whose head noun may extend it."""
    if label == "LOC" and not gazetteer_id and len(span) > 1:
        return ""
    return label


def _add_kin_groups(table: EntityTable, doc: Doc, lexicon: Lexicon) -> list[Span]:
    """ "the Warsame clan", "the Harun and Dabei clans": communal groups named by a kin noun,
    entered before the NER's names so that a clan it read as a person or an organisation is
    the clan (`extract.entities.name_context.kin_group_names`)."""

    def national(word: str) -> bool:
        # a nationality, a country or a known city ("Mogadishu clans" are the city's)
        lowered = word.lower()
        return (
            lowered in lexicon.demonym_to_country
            or lexicon.country_of_name(word) is not None
            or is_major_city(word)
        )

    found = kin_group_names(doc, national)
    for span, name, category in found:
        table.add(span, name, "CommunalGroup", acled_category=category)
    return [span for span, _, _ in found]


def _add_modified_forces(table: EntityTable, doc: Doc, lexicon: Lexicon) -> None:
    """ "riot police fired ...", "a bomb squad defused it": a force named by what it deals
    with is the article's state forces, described, not named; the phrase's words resolve to
    them, so that its event or weapon noun tells no riot and no bombing."""
    common = _common_nouns(lexicon)
    for index in positions(doc, FORCE_HEADS):
        force = doc[index]
        if force.pos_ != "NOUN" or index in table.token_entity:
            continue
        modifiers = [
            c for c in force.lefts if c.dep_ in ("compound", "nmod") and c.lower_ in common
        ]
        if not modifiers or any(m.i in table.token_entity for m in modifiers):
            continue
        phrase = doc[modifiers[0].i : index + 1]
        table.add_unnamed(phrase, "Security forces", "StateForce", "State forces", resolve=True)


_COMMON_NOUNS: dict[int, tuple[Lexicon, frozenset[str]]] = {}
"""The common nouns of each lexicon loaded (by its id; the lexicon is kept so the id is never
reused), built on first need."""


def _common_nouns(lexicon: Lexicon) -> frozenset[str]:
    """The lexicon's event trigger nouns and one-word weapon names, lowercased: words that
    name things, not people or groups."""
    cached = _COMMON_NOUNS.get(id(lexicon))
    if cached is None:
        nouns = {noun.lower() for record in lexicon.triggers for noun in record.nouns}
        nouns |= {
            name.lower()
            for weapon in lexicon.weapons.values()
            for name in weapon.names
            if " " not in name
        }
        cached = _COMMON_NOUNS[id(lexicon)] = (lexicon, frozenset(nouns))
    return cached[1]


def _relabel_by_context(
    persons: list[Span],
    organisations: list[Span],
    places: list[tuple[Span, str, str]],
    is_country: Callable[[str], bool],
) -> tuple[list[Span], list[Span], list[tuple[Span, str, str]]]:
    """Move names between persons, organisations and places when the words around one of
    their mentions say what they are (`extract.entities.name_context`): persons by age, kin or
    trade, places by "in X", news outlets by "X reported". Every mention of the same name
    moves with it, so that the article types a name once."""
    surnames = {s.text.split()[-1].lower() for s in persons if " " in s.text}
    as_outlet = {s.text for s in persons if reporter_by_context(s, surnames)}
    placed = _placed_anywhere(persons, organisations, places)
    as_place = ({s.text for s in persons if place_by_context(s)} | placed) - as_outlet
    org_places = placed  # an organisation reads alike, strictly or not (`place_by_context`)
    as_person = {s.text for s in organisations if person_by_context(s)} - org_places
    as_person |= {
        s.text
        for s, label, gazetteer_id in places
        if not gazetteer_id and label != "FAC" and person_by_context(s, listed=False)
    }
    as_person -= as_place
    kept_persons = [s for s in persons if s.text not in as_place | as_outlet]
    kept_persons += [s for s in organisations if s.text in as_person]
    kept_persons += [s for s, _, gid in places if not gid and s.text in as_person]
    kept_places = [p for p in places if p[2] or p[0].text not in as_person]
    kept_places += [(s, "GPE", "") for s in persons if s.text in as_place]
    kept_places += [(s, "GPE", "") for s in organisations if s.text in org_places]
    kept_organisations = [
        s for s in organisations if s.text not in as_person and s.text not in org_places
    ]
    kept_organisations += [s for s in persons if s.text in as_outlet]
    unknown_places = [
        s for s, label, gid in places if not gid and label != "FAC" and not is_country(s.text)
    ]
    return _described_persons_kept(
        persons + organisations + unknown_places,
        kept_persons,
        kept_organisations,
        kept_places,
    )


def _described_persons_kept(
    spans: list[Span],
    persons: list[Span],
    organisations: list[Span],
    places: list[tuple[Span, str, str]],
) -> tuple[list[Span], list[Span], list[tuple[Span, str, str]]]:
    """The mentions among `spans` that their own words call a person ("X, the port
    director,", "X, 52,") are persons, though another mention of the name is a place ("the
    port of X") and moved the name there: the evidence is the mention's own, the place's
    evidence the other mention's."""
    described = {s.start: s for s in spans if described_as_person(s)}
    if not described:
        return persons, organisations, places
    kept = {s.start for s in persons}
    persons = persons + [s for start, s in described.items() if start not in kept]
    organisations = [s for s in organisations if s.start not in described]
    places = [p for p in places if p[0].start not in described]
    return persons, organisations, places


def _placed_anywhere(
    persons: list[Span], organisations: list[Span], places: list[tuple[Span, str, str]]
) -> set[str]:
    """Names one of whose mentions the text itself places, whatever the NER called that
    mention ("the town of X", "a checkpoint in X", "overran X"): the same name elsewhere is
    that place, though the NER read it there as a person or an organisation ("X's mayor"). Only
    the strict reading of an organisation counts here, so "in X" alone moves nothing."""
    spans = [(s, "PERSON") for s in persons] + [(s, "ORG") for s in organisations]
    spans += [(s, label) for s, label, _ in places if label != "FAC"]
    return {s.text for s, label in spans if place_by_context(s, label, strict=True)}


def _add_demonym_references(table: EntityTable, doc: Doc, lexicon: Lexicon) -> None:
    """ "a British official", "Iranian-backed": a capitalised demonym mentions its country
    (as ACE and KAIROS annotate it), though only as a reference, not as an actor. So does
    the demonym that opens the name of one of the country's own forces or governments
    ("Russian forces" is the Russian Armed Forces, and "Russian" still names Russia)."""
    for index in positions(doc, lexicon.demonym_to_country):
        token = doc[index]
        if not token.text[:1].isupper():
            continue
        country = lexicon.demonym_to_country.get(token.lower_)
        owner = table.at(token)
        if owner is not None and not (
            owner.type in ("StateForce", "Government") and owner.country == country
        ):
            continue
        if country is not None and region_around(doc[token.i : token.i + 1]) is None:
            table.add_reference(doc[token.i : token.i + 1], country, "State", also_place=True)


def _add_place_or_state(
    table: EntityTable, span: Span, lexicon: Lexicon, country: str | None
) -> None:
    country = country or lexicon.country_of_name(span.text)
    if country:
        table.add(span, country, "State", also_place=True)
        return
    capital_of = lexicon.capital_to_country.get(span.text.lower())
    if capital_of and _used_as_actor(span):
        table.add(span, capital_of, "State", also_place=True)
        return
    table.add(span, span.text, "Place")


def _add_communal_group(table: EntityTable, span: Span, lexicon: Lexicon) -> None:
    """Plural religious or ethnic nouns ("Kurds", "Sunni Muslims"); demonyms are not actors."""
    root = span.root
    if span.text.lower() in lexicon.demonym_to_country or root.dep_ in ("amod", "compound"):
        return
    if root.tag_ in ("NNPS", "NNS") or span.text.endswith("s"):
        table.add(span, span.text, "CommunalGroup")


def _add_state_bodies(table: EntityTable, doc: Doc, lexicon: Lexicon) -> None:
    """ "Iranian authorities", "the Iranian government": the state acting through its organs."""
    for index in positions(doc, STATE_HEADS):
        token = doc[index]
        if token.i in table.token_entity or token.i == 0:
            continue
        modifier = doc[token.i - 1]
        country = lexicon.demonym_to_country.get(modifier.lower_)
        if country:
            table.add(doc[token.i - 1 : token.i + 1], country, "State", also_place=True)


Units = tuple[tuple[tuple[ActorRecord, str], ...], frozenset[str]]
_last_units: tuple[Lexicon | None, Units] = (None, ((), frozenset()))
"""The gazetteer's units with a parent and their first words, for the lexicon used last:
they depend on the lexicon alone, so they are gathered once, not for every article (read
as one tuple, so a second thread's lexicon never answers for this one)."""


def _units(lexicon: Lexicon) -> Units:
    global _last_units
    last, units = _last_units
    if last is lexicon:
        return units
    children = tuple(
        (record, head_word)
        for record in lexicon.actors.values()
        if record.parent
        and (head_word := record.name.split()[0].lower()) not in lexicon.demonym_to_country
        and not lexicon.country_of_name(head_word)
    )
    units = (children, frozenset(head_word for _, head_word in children))
    _last_units = (lexicon, units)
    return units


def _add_units_after_parents(table: EntityTable, doc: Doc, lexicon: Lexicon) -> None:
    """A unit named by its first word right after its parent ("Revolutionary Guards' Quds")."""
    children, words = _units(lexicon)
    found: dict[str, list[int]] = {}
    for index in positions(doc, words):
        found.setdefault(doc[index].lower_, []).append(index)
    for record, head_word in children:
        for index in found.get(head_word, ()):
            token = doc[index]
            if token.i in table.token_entity:
                continue
            window = range(max(0, token.i - 3), token.i)
            parent_near = any(
                (e := table.at(doc[j])) is not None and e.name == record.parent for j in window
            )
            if parent_near:
                end = token.i + 1
                if end < len(doc) and record.name.lower().endswith(doc[end].lower_):
                    end += 1
                table.add(
                    doc[token.i : end],
                    record.name,
                    record.type,
                    acled_category=record.acled_category,
                    country=record.country,
                )
