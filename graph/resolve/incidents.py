"""Which reports of different articles describe one real-world incident.

Event datasets built by machines are known for counting one incident many times; the rules
here lean the other way only as far as the evidence goes. Two reports can be one incident
only if they come from different articles (one article's extractor already told its own
incidents apart), their classes belong to one family (an air strike and an attack, not an
attack and a protest), their dates can be the same day at their precisions (one day of
slack between two exact dates, for "overnight" and time zones) and their places can be the
same (Baghdad and Iraq can; Baghdad and Mosul cannot). Being able to be the same is not
enough: a pair needs points of positive evidence — same day, same place, a shared actor, a
shared weapon, the same class — and a pair one day apart or of sibling classes needs more.

Clusters grow from the best-scored pairs down and a merge is refused when it would put two
incompatible reports together, so a chain of weak links cannot join two distinct incidents.
The result depends on the set of reports only, not on ingestion order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from conflict_kg.graph.vocabulary import event_span

__all__ = ["ClassTree", "ReportRecord", "cluster_reports", "pair_score"]

MERGE_SCORE = 5
"""Points a pair needs: e.g. same day (2) + same place (2) + one shared actor (2). A pair
with no time at all on one side starts at -2."""

_UNDATED_WINDOW = timedelta(days=30)
"""An undated report is taken to be about the month before its article's publication."""


@dataclass(frozen=True, slots=True)
class ReportRecord:
    """One article's report of an event, with the ids resolution compares."""

    iri: str
    article: str
    published: str | None
    event_class: str
    date: str | None = None
    precision: str | None = None
    places: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    """Canonical actor IRIs in any role (perpetrator, target, victim, participant)."""
    instruments: frozenset[str] = frozenset()
    fatalities: int | None = None
    injuries: int | None = None

    def span(self) -> tuple[date, date] | None:
        """The days the event may have happened: its date at its precision, else the month
        before publication, else unknown."""
        span = event_span(self.date, self.precision)
        if span is not None or not self.published:
            return span
        published = event_span(self.published[:10], "day")
        return None if published is None else (published[0] - _UNDATED_WINDOW, published[1])

    @property
    def exact_day(self) -> bool:
        return bool(self.date) and self.precision in (None, "day") and len(self.date or "") >= 10

    @property
    def month_day(self) -> str | None:
        """ "MM-DD" of an exact day or of a month-day said without a year ("--03-14")."""
        if self.date and self.date.startswith("--"):
            return self.date[2:7]
        return self.date[5:10] if self.exact_day and self.date else None


def _yearless(a: ReportRecord, b: ReportRecord) -> str | None:
    """How a report dated without a year ("--03-14") stands to another: "same" month and
    day, "apart", or None when neither is yearless or one has no day to compare."""
    if not any(r.date and r.date.startswith("--") for r in (a, b)):
        return None
    if a.month_day is None or b.month_day is None:
        return None
    return "same" if a.month_day == b.month_day else "apart"


@dataclass(frozen=True, slots=True)
class ClassTree:
    """The event classes as resolution needs them: each class's family (its ancestor just
    below ck:Event) and its ancestors."""

    ancestors: Mapping[str, frozenset[str]] = field(default_factory=dict)
    families: Mapping[str, str] = field(default_factory=dict)

    def relation(self, a: str, b: str) -> str:
        """ "same", "nested" (one is an ancestor of the other), "sibling" (same family) or
        "apart"."""
        if a == b:
            return "same"
        if a in self.ancestors.get(b, ()) or b in self.ancestors.get(a, ()):
            return "nested"
        family = self.families.get(a)
        return "sibling" if family is not None and family == self.families.get(b) else "apart"


PlaceScope = Callable[[str], frozenset[str]]
"""A place IRI -> itself and the places that contain it (its country); empty for a place
that could not be located."""


def _gap_days(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two spans; 0 when they overlap."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def _places_relation(a: ReportRecord, b: ReportRecord, scope: PlaceScope) -> str:
    """ "none" (either has no place), "same", "nested", "apart", or "unknown" when a place
    could not be located: a street or a district the gazetteer does not know is no reason to
    keep two reports apart, only two located places that do not contain each other are."""
    if not a.places or not b.places:
        return "none"
    if a.places & b.places:
        return "same"
    located = True
    for x in a.places:
        for y in b.places:
            if x in scope(y) or y in scope(x):
                return "nested"
            located &= bool(scope(x)) and bool(scope(y))
    return "apart" if located else "unknown"


def pair_score(a: ReportRecord, b: ReportRecord, tree: ClassTree, scope: PlaceScope) -> int | None:
    """Points of evidence that `a` and `b` report one incident; None when they cannot."""
    if a.article == b.article:
        return None
    classes = tree.relation(a.event_class, b.event_class)
    if classes == "apart":
        return None
    places = _places_relation(a, b, scope)
    if places == "apart":
        return None
    score = {"same": 1, "nested": 0, "sibling": -2}[classes]
    span_a, span_b = a.span(), b.span()
    yearless = _yearless(a, b)
    if yearless == "apart":
        return None
    if yearless == "same":
        score += 2  # the same month and day: as good as the same day, the year aside
    elif span_a is None or span_b is None:
        # Neither a date nor a publication date: the two could be years apart, so place
        # and actors alone must carry the merge.
        score -= 2
    else:
        gap = _gap_days(span_a, span_b)
        if gap > (1 if a.exact_day and b.exact_day else 0):
            return None
        if gap == 1:
            score -= 1
        elif a.exact_day and b.exact_day:
            score += 2
        elif a.date and b.date:
            score += 1
    score += {"same": 2, "nested": 1}.get(places, 0)
    score += 2 * min(len(a.actors & b.actors), 2)
    score += 1 if a.instruments & b.instruments else 0
    return score


class _Clusters:
    def __init__(self, reports: list[ReportRecord]) -> None:
        self.of = {r.iri: i for i, r in enumerate(reports)}
        self.members: dict[int, list[ReportRecord]] = {i: [r] for i, r in enumerate(reports)}

    def merge(
        self, a: str, b: str, compatible: Callable[[ReportRecord, ReportRecord], bool]
    ) -> None:
        ca, cb = self.of[a], self.of[b]
        if ca == cb:
            return
        if not all(compatible(x, y) for x in self.members[ca] for y in self.members[cb]):
            return
        ca, cb = min(ca, cb), max(ca, cb)
        for report in self.members[cb]:
            self.of[report.iri] = ca
        self.members[ca] += self.members.pop(cb)


def _candidates(reports: list[ReportRecord]) -> Iterable[tuple[ReportRecord, ReportRecord]]:
    """Pairs whose spans come within a day of each other (a sweep over start days, so a
    store of many months does not compare every report with every other), and reports with
    no span at all paired with those that share an actor with them."""
    dated = sorted(
        ((span, r) for r in reports if (span := r.span()) is not None),
        key=lambda item: (item[0][0], item[1].iri),
    )
    for i, (span, a) in enumerate(dated):
        for other_span, b in dated[i + 1 :]:
            if other_span[0] > span[1] + timedelta(days=1):
                break
            yield a, b
    # A report with no time at all starts 2 points down and cannot reach MERGE_SCORE
    # without a shared actor, so only reports sharing one are paired with it.
    by_actor: dict[str, list[ReportRecord]] = {}
    for report in reports:
        for name in report.actors:
            by_actor.setdefault(name, []).append(report)
    for a in (r for r in reports if r.span() is None):
        partners = {b.iri: b for name in a.actors for b in by_actor[name] if b is not a}
        for iri in sorted(partners):
            b = partners[iri]
            if b.span() is not None or b.iri > a.iri:
                yield a, b


def cluster_reports(
    reports: Iterable[ReportRecord], tree: ClassTree, scope: PlaceScope
) -> list[list[ReportRecord]]:
    """The reports grouped into incidents, each group sorted by (published, IRI) and the
    groups by their first report; every report is in exactly one group."""
    ordered = sorted(reports, key=lambda r: (r.published or "", r.iri))
    by_family: dict[str, list[ReportRecord]] = {}
    for report in ordered:
        family = tree.families.get(report.event_class, report.event_class)
        by_family.setdefault(family, []).append(report)
    scored: list[tuple[int, str, str]] = []
    for family in sorted(by_family):
        for a, b in _candidates(by_family[family]):
            score = pair_score(a, b, tree, scope)
            if score is not None and score >= MERGE_SCORE:
                scored.append((-score, a.iri, b.iri))
    clusters = _Clusters(ordered)

    def compatible(x: ReportRecord, y: ReportRecord) -> bool:
        return pair_score(x, y, tree, scope) is not None

    for _, a, b in sorted(scored):
        clusters.merge(a, b, compatible)
    groups = [
        sorted(m, key=lambda r: (r.published or "", r.iri)) for m in clusters.members.values()
    ]
    return sorted(groups, key=lambda g: (g[0].published or "", g[0].iri))
