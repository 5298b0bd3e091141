"""spaCy's attribute ruler with its one-token rules answered from a table.

The English model's `attribute_ruler` maps tags to parts of speech and morphology through
about 180 rules, nearly all of one token each ("TAG is VBZ", "LOWER is 'ai' and TAG is
VBP"). As Matcher patterns they cost a pattern walk at every token for every rule: about
an eighth of the whole pipeline's time, more than all our own components together. Which
one-token rules fire depends only on the few token attributes the rules test, and only on
the values the rules name, so the answer for each combination is computed once and kept.
Rules of several tokens, or with operators other than equality and `IN`, still go through
a Matcher of their own. The rules are applied as the ruler applies them, in rule order,
with the ruler's own `set_token_attrs`, so every annotation is identical
(`tests/extract/test_attribute_table.py` compares them token by token).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import numpy
from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.pipeline.attributeruler import set_token_attrs
from spacy.tokens import Doc, Span

__all__ = ["NAME", "AttributeTable"]

NAME = "conflict_kg_attribute_table"
"""The component's name in the pipeline, in place of the model's `attribute_ruler`."""

OTHER = -1
"""Stands for every value no rule names: such values cannot tell rules apart."""

Condition = tuple[int, frozenset[int], bool]
"""(attribute column, the values it names, whether it accepts everything but those)."""
Anchor = tuple[int, frozenset[int] | re.Pattern[str]]
"""What one token of a pattern asks of one attribute: one of these hashes, or a match."""


class AttributeTable:
    """Built once from the model's ruler; per doc one array read and a table lookup."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self._rules: dict[int, list[list[Condition]]] = {}  # rule -> its one-token patterns
        self._slow = Matcher(ruler.vocab)
        self._anchors: list[list[Anchor]] = []  # per pattern of the Matcher
        columns: dict[str, int] = {}
        named: dict[int, set[int]] = defaultdict(set)
        for rule, patterns in _patterns_by_rule(ruler):
            conditions = [_one_token(p, columns, ruler) for p in patterns]
            if ruler.indices[rule] in (0, -1) and all(c is not None for c in conditions):
                self._rules[rule] = [c for c in conditions if c is not None]
                for pattern in self._rules[rule]:
                    for column, values, _ in pattern:
                        named[column] |= values
            else:
                self._slow.add(str(rule), patterns)
                self._anchors.extend(_anchors(patterns, ruler))
        self._attrs = [IDS[name] for name in columns]
        # The values the rules name, per attribute, sorted (never empty: searchsorted needs one).
        self._named = [
            numpy.array(sorted(named[c] or {0}), dtype=numpy.uint64) for c in columns.values()
        ]
        sizes = [len(n) + 1 for n in self._named]
        self._strides = [int(numpy.prod(sizes[:c])) for c in range(len(sizes))]
        self._known: dict[int, tuple[int, ...]] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or not all(doc.has_annotation(a) for a in ("TAG", "DEP")):
            return self.ruler(doc)  # a partial pipeline: the ruler itself knows what to do
        tokens: dict[int, list[int]] = defaultdict(list)
        if self._attrs:
            # Each token's values as one number: per attribute, the position of its value
            # among the values the rules name (0 for any other value).
            table = doc.to_array(self._attrs).reshape(len(doc), len(self._attrs))
            codes = numpy.zeros(len(doc), dtype=numpy.int64)
            for column, (named, stride) in enumerate(zip(self._named, self._strides, strict=True)):
                values = table[:, column]
                at = numpy.searchsorted(named, values).clip(max=len(named) - 1)
                codes += numpy.where(named[at] == values, at + 1, 0) * stride
            keys, rows = numpy.unique(codes, return_inverse=True)
            order = numpy.argsort(rows, kind="stable")
            ends = numpy.cumsum(numpy.bincount(rows, minlength=len(keys))).tolist()
            start = 0
            for key, end in zip(keys.tolist(), ends, strict=True):
                for rule in self._fired(key):
                    tokens[rule].extend(order[start:end].tolist())
                start = end
        spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
        strings = doc.vocab.strings
        if self._may_match(doc):
            for match_id, start, end in self._slow(doc, allow_missing=True, as_spans=False):
                spans[int(strings[match_id])].append((start, end))
        for rule in sorted(tokens.keys() | spans.keys()):
            attrs = self.ruler.attrs[rule]
            for index in tokens.get(rule, ()):
                set_token_attrs(doc[index], attrs)
            for start, end in sorted(spans.get(rule, ())):
                set_token_attrs(Span(doc, start, end)[self.ruler.indices[rule]], attrs)
        return doc

    def _may_match(self, doc: Doc) -> bool:
        """Whether any of the Matcher's patterns can match: each of its asks is met by some
        token of the doc. Most docs have no "gonna" or "y'all": no Matcher walk."""
        values: dict[int, set[int]] = {}
        words: dict[int, list[str]] = {}
        for asks in self._anchors:
            for attr, ask in asks:
                if attr not in values:
                    values[attr] = set(numpy.unique(doc.to_array([attr])).tolist())
                if isinstance(ask, frozenset):
                    if not ask & values[attr]:
                        break
                else:
                    if attr not in words:
                        words[attr] = [doc.vocab.strings[h] for h in values[attr]]
                    if not any(ask.search(word) for word in words[attr]):
                        break
            else:
                return True
        return False

    def _fired(self, code: int) -> tuple[int, ...]:
        """The one-token rules fired by a token whose values have this code."""
        known = self._known.get(code)
        if known is None:
            key = tuple(
                int(named[at - 1]) if at else OTHER
                for named, stride in zip(self._named, self._strides, strict=True)
                for at in (code // stride % (len(named) + 1),)
            )
            known = self._known[code] = tuple(
                rule
                for rule, patterns in self._rules.items()
                if any(_meets(key, pattern) for pattern in patterns)
            )
        return known


def _meets(key: tuple[int, ...], pattern: list[Condition]) -> bool:
    return all((key[column] in named) != negated for column, named, negated in pattern)


def _patterns_by_rule(ruler: AttributeRuler) -> Iterable[tuple[int, list[list[dict[str, Any]]]]]:
    """Each rule's index and its Matcher patterns, in rule order."""
    strings = ruler.vocab.strings
    for rule in range(len(ruler.attrs)):
        found = ruler.matcher.get(strings[str(rule)])
        yield rule, list(found[1]) if found else []


def _one_token(
    pattern: list[dict[str, Any]], columns: dict[str, int], ruler: AttributeRuler
) -> list[Condition] | None:
    """A one-token pattern as conditions on attribute columns, or None where the table
    cannot answer it (several tokens, quantifiers, operators other than `IN`)."""
    if len(pattern) != 1:
        return None
    conditions: list[Condition] = []
    for name, wanted in pattern[0].items():
        name = name.upper()
        if name not in IDS or name == "OP":
            return None
        values = _values(wanted, ruler)
        if values is None:
            return None
        column = columns.setdefault(name, len(columns))
        conditions.append((column, *values))
    return conditions


def _values(wanted: object, ruler: AttributeRuler) -> tuple[frozenset[int], bool] | None:
    """The attribute values (string hashes, or 0/1 for flags) a pattern value names, and
    whether it accepts them (a value or `IN`) or everything else (`NOT_IN`)."""
    negated = False
    if isinstance(wanted, Mapping):
        if set(wanted) == {"IN"}:
            options = list(wanted["IN"])
        elif set(wanted) == {"NOT_IN"}:
            options, negated = list(wanted["NOT_IN"]), True
        else:
            return None
    else:
        options = [wanted]
    values: set[int] = set()
    for option in options:
        if isinstance(option, bool):
            values.add(int(option))
        elif isinstance(option, str):
            values.add(ruler.vocab.strings.add(option))
        elif isinstance(option, int):
            values.add(option)
        else:
            return None
    return frozenset(values), negated


def _anchors(patterns: list[list[dict[str, Any]]], ruler: AttributeRuler) -> list[list[Anchor]]:
    """For each pattern, what its tokens ask of single attributes (a value, one of some
    values, a regular expression): a doc in which one of these asks is met by no token
    cannot match that pattern. Lookups come before expressions: they are cheaper."""
    strings = ruler.vocab.strings
    found: list[list[Anchor]] = []
    for pattern in patterns:
        asks: list[Anchor] = []
        for token in pattern:
            for name, wanted in token.items():
                attr = IDS.get(name.upper())
                if attr is None or name.upper() == "OP":
                    continue
                if isinstance(wanted, str):
                    asks.append((attr, frozenset({strings.add(wanted)})))
                elif isinstance(wanted, Mapping) and set(wanted) == {"IN"}:
                    asks.append((attr, frozenset(strings.add(w) for w in wanted["IN"])))
                elif isinstance(wanted, Mapping) and set(wanted) == {"REGEX"}:
                    asks.append((attr, re.compile(wanted["REGEX"])))
        found.append(sorted(asks, key=lambda ask: not isinstance(ask[1], frozenset)))
    return found


@Language.factory(NAME, requires=["token.tag", "token.dep"], assigns=["token.pos", "token.morph"])
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    """The component over the pipeline's own `attribute_ruler`, which must be in `nlp`."""
    return AttributeTable(nlp.get_pipe("attribute_ruler"))  # type: ignore[arg-type]

