"""When: the dates of event mentions, resolved against the article's own date.

The `dates` stage runs before coreference, which needs dates to keep distinct incidents apart;
it sets `EventMention.date` on the mentions of `doc._.ck_mentions`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..inputs import MonthDay, article_anchor, resolve_date
from ..language import MONTH_NAMES, REPORTING_VERBS, WEEKDAYS, dependency_distance
from .shared import EventMention

__all__ = ["date_anchor", "date_mentions", "dated_mentions", "dates"]


def dates(doc: Doc) -> None:
    """Stage `dates`: each mention's date, counted from the article's publication date or
    dateline (`extract.inputs.article_anchor`)."""
    ext = doc._
    date_mentions(
        doc, ext.ck_mentions, article_anchor(ext.ck_meta, ext.ck_text), ext.ck_dateline
    )


DAY_PRECISIONS = frozenset({"day", "month-day", "week"})
OCCURRENCE_VERBS = frozenset({"happen", "occur", "take", "come", "unfold", "begin", "start"})
"""Verbs that only say an event happened: a date on them is the event's date."""


def date_mentions(
    doc: Doc,
    mentions: list[EventMention],
    anchor: date | MonthDay | None,
    dateline: tuple[int, int, str] | None = None,
) -> None:
    """Give a mention the date of a DATE (or TIME) entity of its sentence that is near it in
    the tree, when the expression resolves against `anchor`. The date of a `dateline`
    (start, end, name of its place) is when the report was filed: the parser often glues it
    to the lead's clause, so it dates a mention only when the sentence gives none of its own
    ("KIRKUK, Nov 11 (Wire) - ... attacked ... on Wednesday" is Wednesday's attack). A date
    on the verb of saying that governs a trigger yields to one in the trigger's own phrase
    ("X said on Monday that rebels attacked the town last week" is last week's attack)."""
    by_sentence: dict[int, list[EventMention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence.start, []).append(mention)
    ents = sorted(date_spans(doc), key=lambda ent: _in_dateline(ent, dateline))
    for ent in ents:
        # A part of a day ("Sunday night", "this morning") is a TIME to the NER, yet names
        # the day; a clock time alone ("10 p.m.") resolves to nothing and is passed over.
        if ent.label_ not in ("DATE", "TIME"):
            continue
        candidates = by_sentence.get(ent.sent.start)
        if not candidates:
            continue
        resolved = resolve_date(ent.text, anchor)
        if resolved is None:
            continue
        mention = date_anchor(ent, candidates)
        if mention is None or mention.date is not None:
            continue
        own = _said_over_own_date(ent, mention.head, ents)
        if own is not None:
            # The report's day anchors the incident's own "last week" when the article
            # gives no other day to count from.
            if resolved.precision == "day" and not isinstance(anchor, date):
                mention.date = resolve_date(own.text, date.fromisoformat(resolved.value))
            continue
        reach = 2 if (mention.definite or mention.anaphoric) else 4
        head = mention.head
        if head.dep_ == "nsubj" and head.head.lemma_.lower() in OCCURRENCE_VERBS:
            head = head.head  # "the attack took place on Tuesday": the verb only says it happened
        # A day deep inside the event's own phrase ("an attack by X on a base in Marte on
        # Sunday", where the parser hangs the day on the last noun) is still the event's.
        inside = resolved.precision in DAY_PRECISIONS and mention.head in ent.root.ancestors
        if inside or dependency_distance(ent.root, head) <= reach:
            mention.date = resolved


ANY_DAY = date(2000, 1, 1)
"""A day to resolve an expression against only to learn whether it names a date at all."""


def _said_over_own_date(ent: Span, head: Token, dates_seen: list[Span]) -> Span | None:
    """Whether `ent` dates the verb of saying that governs the trigger `head` while the
    trigger's own phrase carries a date (returned): "said on 19 May that soldiers raided
    the village last week" is last week's raid, reported on 19 May."""
    verb = ent.root.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.lemma_.lower() not in REPORTING_VERBS or verb.i == head.i:
        return None
    own = set(head.subtree)
    if ent.root in own or head not in verb.subtree:
        return None
    return next(
        (
            other
            for other in dates_seen
            if other is not ent
            and other.root in own
            and resolve_date(other.text, ANY_DAY) is not None
        ),
        None,
    )


def _in_dateline(ent: Span, dateline: tuple[int, int, str] | None) -> bool:
    """Whether `ent` is the date of the dateline: after its place, on its line, before the
    agency's bracket or the dash that opens the story."""
    if dateline is None or ent.start_char < dateline[1]:
        return False
    between = ent.doc._.ck_text[dateline[1] : ent.start_char]
    return not any(c in between for c in "\n(-–—")


def dated_mentions(doc: Doc, mentions: list[EventMention]) -> Iterator[tuple[Span, EventMention]]:
    """For coreference: each DATE entity with the mention of its sentence nearest to it in
    the tree, when it is near enough: nearer for a definite or anaphoric mention, which more
    often only points back."""
    by_sentence: dict[int, list[EventMention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence.start, []).append(mention)
    for ent in date_spans(doc):
        if ent.label_ != "DATE":
            continue
        mention = date_anchor(ent, by_sentence.get(ent.sent.start, []))
        if mention is None:
            continue
        reach = 2 if (mention.definite or mention.anaphoric) else 4
        if dependency_distance(ent.root, mention.head) <= reach:
            yield ent, mention


def date_anchor(date_span: Span, candidates: list[EventMention]) -> EventMention | None:
    """The trigger (among those of the date's sentence) nearest to the date in the tree."""
    if not candidates:
        return None
    return min(candidates, key=lambda m: dependency_distance(date_span.root, m.head))


def date_spans(doc: Doc) -> list[Span]:
    """The DATE and TIME entities, mended where the NER cut a written date apart: it reads
    "on Sunday, 9 March 2025" as "Sunday" and "March 2025", losing the day. A day number
    just before a month-led date belongs to it, and a weekday with its comma before a date
    only repeats the date (`extract.inputs.resolve_date` reads the whole phrase), so both
    join the date and the weekday alone is no longer a date of its own."""
    mended: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start = ent.start
        if ent[0].lower_ in MONTH_NAMES and _free_day_number(doc, start - 1):
            start -= 1
        if start >= 2 and doc[start - 1].text == "," and doc[start - 2].lower_ in WEEKDAYS:
            start -= 2
        if start != ent.start and not any(t.is_sent_start for t in doc[start + 1 : ent.end]):
            ent = Span(doc, start, ent.end, label=ent.label_)
        mended.append(ent)
    return [
        span
        for span in mended
        if not any(o is not span and o.start <= span.start and span.end <= o.end for o in mended)
    ]


def _free_day_number(doc: Doc, i: int) -> bool:
    """Whether token `i` is a day of the month outside any entity ("2" in "the night of 2
    August 2024")."""
    if i < 0 or doc[i].ent_type_:
        return False
    text = doc[i].lower_
    for suffix in ("st", "nd", "rd", "th"):
        text = text.removesuffix(suffix)
    return text.isdigit() and 1 <= int(text) <= 31
