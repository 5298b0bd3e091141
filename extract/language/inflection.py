"""Every form of a phrasal verb that the frame lexicon lists in one form.

`frames.jsonl` lists trigger phrases as news writes them most often, in the past ("blew
up", "burned down", "gunned down"). A phrase is matched as written, so the same verb in
another form ("had blown up a depot", "accused of burning down a clinic", "threatens to
blow up the bridge") went unmatched, and no event was found. Whether such a form tells an
incident is for `extract.events.specificity` to judge (a threat, a plan and a habit are
non-specific there), not for the spelling of the lexicon.

Only phrasal verbs are inflected: a verb form first and an adverbial particle last (a
closed class: "up", "down", "off", ...), so that noun phrases ("armed clash", "IED
attack") and set expressions of one tense ("took to the streets") stay as written. The
verb's forms come from the English model's own lemmatizer tables: its exceptions (form to
lemma, for irregular verbs) and its index of known verb lemmas (to undo a regular "-ed").
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

__all__ = ["PARTICLES", "phrasal_forms"]

PARTICLES = frozenset({"up", "down", "off", "out", "away", "over", "back"})
"""Adverbial particles of English phrasal verbs (the tagger's RP): the last word of a
trigger phrase that is a verb and its particle."""
OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her"})
VOWELS = frozenset("aeiou")
SIBILANT_ENDINGS = ("s", "sh", "ch", "x", "z", "o")


def _regular_lemmas(form: str, lemmas: Collection[str]) -> list[str]:
    """The known verb lemmas a regular past ("pushed", "burned", "razed", "gunned") can
    come from."""
    if not form.endswith("ed"):
        return []
    stem = form[:-2]
    candidates = [stem, form[:-1], stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""]
    if stem.endswith("i"):
        candidates.append(stem[:-1] + "y")  # "carried"
    return [c for c in candidates if c and c in lemmas]


def _doubles(lemma: str) -> bool:
    """A short verb ending consonant-vowel-consonant doubles its last letter ("gun",
    "gunning"; "set", "setting")."""
    if len(lemma) < 3 or lemma[-1] in VOWELS or lemma[-1] in "wxy":
        return False
    return lemma[-2] in VOWELS and lemma[-3] not in VOWELS and len(lemma) <= 4


def _forms(lemma: str, pasts: Sequence[str]) -> set[str]:
    """The base, third person, "-ing" and past forms of a verb lemma."""
    if lemma.endswith(SIBILANT_ENDINGS):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in VOWELS:
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye")):
        ing = lemma[:-1] + "ing"
    elif _doubles(lemma):
        ing = lemma + lemma[-1] + "ing"
    else:
        ing = lemma + "ing"
    forms = {lemma, third, ing, *pasts}
    if not pasts:  # a regular past: "razed", "carried", "gunned", "pushed"
        if lemma.endswith("e"):
            forms.add(lemma + "d")
        elif third.endswith("ies"):
            forms.add(lemma[:-1] + "ied")
        else:
            forms.add(ing[:-3] + "ed")
    return forms


def _phrasal(words: Sequence[str]) -> bool:
    """A verb written in the past with its particle, at most a reflexive or an object
    pronoun between ("blew up", "blew himself up"); not a longer phrase whose last word
    is some other verb's particle ("believed to have carried out"), nor an "-ing" form."""
    if not 2 <= len(words) <= 3 or words[-1].lower() not in PARTICLES:
        return False
    if words[0].lower().endswith("ing"):
        return False
    return all(w.lower() in OBJECT_PRONOUNS or w.lower().endswith(("self", "selves"))
               for w in words[1:-1])


def phrasal_forms(
    phrase: str, exceptions: Mapping[str, Sequence[str]], lemmas: Collection[str]
) -> list[str]:
    """The phrase and, for a phrasal verb ("blew up", "burned down"), the phrase with its
    verb in every form ("blow up", "blows up", "blowing up", "blown up").
    `exceptions` maps irregular verb forms to their lemmas and `lemmas` holds the known
    verb lemmas (the English model's `lemma_exc` and `lemma_index` verb tables)."""
    words = phrase.split()
    if not _phrasal(words):
        return [phrase]
    head = words[0].lower()
    found = list(exceptions.get(head) or ()) or _regular_lemmas(head, lemmas)
    result = [phrase]
    for lemma in found:
        pasts = sorted(form for form, of in exceptions.items() if lemma in of)
        for form in sorted(_forms(lemma, pasts)):
            variant = " ".join([form, *words[1:]])
            if variant not in result:
                result.append(variant)
    return result
