"""RAMS 1.0 dev (`rams_dev.jsonl`): is the window's one annotated event found, typed and argued?

Each record is a five-sentence window with exactly one annotated event; everything else in
the window is unannotated, so nothing here measures detection precision.

- **Found** (trigger recall, over the ``violent`` records): some extracted event, of any type,
  has a mention (``mentions``, or its trigger) whose span overlaps the gold trigger, or a
  non-specific mention (``nonspecific``: event words that tell no incident, which RAMS
  annotates too; `eval_common.told_events`) does; those are the *matched* events. **Found,
  incidents only** (printed beside): the same over incidents alone. **Found, lenient**
  (printed beside, never the headline): found, or some event of the expected family (below)
  spans the gold trigger, from its first mention or argument to its last.
- **Typing accuracy**: over found records whose gold type has a family of ours, the share where
  a matched event is of that family: ``conflict.attack.*`` and the violent ``life.die`` /
  ``life.injure`` types -> attack; ``justice.arrestjaildetain.*`` -> arrest;
  ``conflict.demonstrate.*`` -> protest (``conflict.yield.*`` has no family: left out).
  **Typed recall** = found and typed right, over the violent records that have a family.
  **ACLED typing**: for the subtypes with an ACLED counterpart (bombing, air or missile
  strike, battle, chemical attack), the share of found ones whose matched event carries one
  of the counterpart codes.
- **Arguments** ("event found and role right", violent records): gold arguments whose role
  maps to ours (attacker, killer, injurer, jailer -> perpetrator; target -> target; victim,
  detainee -> victim; instrument -> instrument; place -> place; our ``participant``, a side
  of a fight, is right as attacker or target; a detainee may be our target or victim).
  Predictions: the distinct (role, entity) arguments of the matched events in the roles
  perpetrator, target, victim, participant, place, instrument, less ``denied`` ones; only
  the matched events, because other events of the window are not annotated. A prediction is
  right when it matches (`eval_common.same_mention`: overlapping span or same head word) a
  gold argument whose role accepts it; precision over predictions, recall over gold
  arguments. A *lenient* figure also lets target and victim stand for each other.
- **Why arguments were missed** (the tune half's details only, with the error lists): each
  gold argument not found is counted by its role group under one kind (`MISS_KINDS`): the
  event not found; found only as a non-specific mention (none of whose arguments matched); the
  span found under another role, or on another of our events; or not found at all, in the
  trigger's sentence, a sentence before it or after it (sentences cut by punctuation).
  The same misses are also counted by kind and by the gold phrase's form (`miss_form`: a
  pronoun, a named phrase, or a common noun phrase, read off the words without a parse),
  which tells a name our arguments did not reach from a phrase that names no entity of ours.
- **Missed violent triggers by kind** (the tune half's details only): each violent gold
  trigger no event of ours overlaps is counted by its RAMS type (three levels), the form of
  its head word in the parse (a verb's passive, participle, gerund or other form; a noun as
  a compound modifier, with an "of" phrase, with a possessor, or bare; an adjective, a
  name) and the frame line of the lexicon that has its lemma (with the line's context
  condition) or none (`trigger_kind`): the kinds of trigger the lexicon or the trigger
  finder lacks, not the words of the windows.
- **Non-violent windows**: how many non-violent gold triggers one of our violent events
  overlaps (a clean false alarm), and how many non-violent windows yield any violent event
  (an upper bound: the window may report unannotated violence).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

    from conflict_kg.extract.language import Lexicon

from eval_common import (
    DENIED,
    PRF,
    PRF_HEADER,
    JsonDict,
    Mention,
    event_extent,
    event_mentions,
    families,
    overlaps,
    prf_row,
    print_table,
    ratio,
    same_mention,
    told_events,
)

RAMS_FILE = "rams_dev.jsonl"
VIOLENT_LIFE_TYPES = frozenset(
    {
        "life.die.deathcausedbyviolentevents",
        "life.die.n/a",
        "life.injure.n/a",
        "life.injure.injurycausedbyviolentevents",
    }
)
ACLED_COUNTERPARTS: dict[str, frozenset[str]] = {
    "conflict.attack.bombing": frozenset({"REM_EXPLOS", "SUIC_BOMB", "GRENADE"}),
    "conflict.attack.airstrikemissilestrike": frozenset({"AIR_STRIKE", "ART_MISS_ATTACK"}),
    "conflict.attack.selfdirectedbattle": frozenset(
        {"ARMED_CLASH", "GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER"}
    ),
    "conflict.attack.biologicalchemicalpoisonattack": frozenset({"CHEM_WEAP"}),
}
ROLE_GROUPS: dict[str, str] = {
    "attacker": "perpetrator",
    "killer": "perpetrator",
    "injurer": "perpetrator",
    "jailer": "perpetrator",
    "target": "target",
    "victim": "victim",
    "detainee": "victim",
    "instrument": "instrument",
    "place": "place",
}
"""Gold RAMS role -> the role group it is reported under."""
ACCEPTED: dict[str, frozenset[str]] = {
    "attacker": frozenset({"perpetrator", "participant"}),
    "killer": frozenset({"perpetrator", "participant"}),
    "injurer": frozenset({"perpetrator", "participant"}),
    "jailer": frozenset({"perpetrator", "participant"}),
    "target": frozenset({"target", "participant"}),
    "victim": frozenset({"victim"}),
    "detainee": frozenset({"victim", "target"}),
    "instrument": frozenset({"instrument"}),
    "place": frozenset({"place"}),
}
"""Gold RAMS role -> our roles that fill it."""
LENIENT_EXTRA: dict[str, frozenset[str]] = {
    "target": frozenset({"victim"}),
    "victim": frozenset({"target"}),
}
OUR_ROLES = ("perpetrator", "target", "victim", "participant", "place", "instrument")
GROUPS = ("perpetrator", "target", "victim", "instrument", "place")


def expected_family(rams_type: str) -> str | None:
    """Our event family for a RAMS event type, or None when we have none."""
    if rams_type.startswith("conflict.attack") or rams_type in VIOLENT_LIFE_TYPES:
        return "attack"
    if rams_type.startswith("justice.arrestjaildetain"):
        return "arrest"
    if rams_type.startswith("conflict.demonstrate"):
        return "protest"
    return None


@dataclass(slots=True)
class RamsScores:
    records: int = 0
    violent: int = 0
    found: int = 0
    found_incidents: int = 0
    found_lenient: int = 0
    typable: int = 0
    """Violent records whose gold type has a family of ours."""
    typable_found: int = 0
    typed_right: int = 0
    acled_found: int = 0
    acled_right: int = 0
    arguments: PRF = field(default_factory=PRF)
    arguments_lenient: PRF = field(default_factory=PRF)
    group_gold: Counter[str] = field(default_factory=Counter)
    group_found: Counter[str] = field(default_factory=Counter)
    role_pred: Counter[str] = field(default_factory=Counter)
    role_right: Counter[str] = field(default_factory=Counter)
    non_violent: int = 0
    non_violent_trigger_violent: int = 0
    non_violent_window_violent: int = 0
    missed_words: Counter[str] = field(default_factory=Counter)
    missed_triggers: list[tuple[str, int, int, str]] = field(default_factory=list)
    """(window text, trigger start, end, gold type) of each violent trigger not found; their
    kinds (`trigger_kinds`) are worked out only when the details are printed."""
    miss_kinds: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(gold role group, why it was missed) for each gold argument not found."""
    miss_forms: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(why it was missed, the gold phrase's form) for each gold argument not found."""
    type_found: Counter[str] = field(default_factory=Counter)
    type_total: Counter[str] = field(default_factory=Counter)
    mistyped: Counter[tuple[str, str]] = field(default_factory=Counter)

    def figures(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "violent_records": self.violent,
            "violent_trigger_recall": ratio(self.found, self.violent),
            "violent_trigger_recall_incidents": ratio(self.found_incidents, self.violent),
            "violent_trigger_recall_lenient": ratio(self.found_lenient, self.violent),
            "typing_accuracy": ratio(self.typed_right, self.typable_found),
            "typed_recall": ratio(self.typed_right, self.typable),
            "acled_typing_accuracy": ratio(self.acled_right, self.acled_found),
            "arguments": self.arguments.as_dict(),
            "arguments_lenient": self.arguments_lenient.as_dict(),
            "argument_recall_by_role": {
                g: ratio(self.group_found[g], self.group_gold[g]) for g in GROUPS
            },
            "argument_precision_by_role": {
                r: ratio(self.role_right[r], self.role_pred[r]) for r in OUR_ROLES
            },
            "non_violent_records": self.non_violent,
            "non_violent_trigger_typed_violent": ratio(
                self.non_violent_trigger_violent, self.non_violent
            ),
            "non_violent_window_yielding_violent_event": ratio(
                self.non_violent_window_violent, self.non_violent
            ),
        }


def matched_events(
    gold_trigger: Mapping[str, Any], output: JsonDict, incidents_only: bool = False
) -> list[JsonDict]:
    """Our events, and unless `incidents_only` our non-specific mentions as events, with a
    mention overlapping the gold trigger."""
    start, end = int(gold_trigger["start"]), int(gold_trigger["end"])
    return [
        ev
        for ev in (output["events"] if incidents_only else told_events(output))
        if any(overlaps(s, e, start, end) for s, e, _ in event_mentions(ev))
    ]


def score_arguments(
    gold_args: Sequence[Mapping[str, Any]],
    events: Sequence[JsonDict],
    lenient: bool = False,
) -> tuple[PRF, list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Counts for one record, plus (gold group, found) and (our role, right) for the
    per-role breakdown. See the module docstring for the rule."""
    gold = [
        (str(a["role"]), (int(a["start"]), int(a["end"]), str(a["text"])))
        for a in gold_args
        if a["role"] in ACCEPTED
    ]
    units: dict[tuple[str, str], list[Mention]] = {}
    for event in events:
        for arg in event.get("arguments", []):
            if arg["role"] in OUR_ROLES and arg.get("certainty") != DENIED:
                key = (str(arg["role"]), str(arg["entity"]))
                units.setdefault(key, []).append((arg["start"], arg["end"], arg["text"]))

    def accepts(gold_role: str, ours: str) -> bool:
        extra = LENIENT_EXTRA.get(gold_role, frozenset()) if lenient else frozenset()
        return ours in ACCEPTED[gold_role] | extra

    def hits(gold_role: str, mention: Mention, ours: str, spans: list[Mention]) -> bool:
        return accepts(gold_role, ours) and any(same_mention(p, mention) for p in spans)

    found = [any(hits(r, m, ours, spans) for (ours, _), spans in units.items()) for r, m in gold]
    right = [any(hits(r, m, ours, spans) for r, m in gold) for (ours, _), spans in units.items()]
    prf = PRF(sum(right), len(right), sum(found), len(found))
    by_group = [(ROLE_GROUPS[r], f) for (r, _), f in zip(gold, found, strict=True)]
    by_role = [(ours, ok) for ((ours, _), ok) in zip(units, right, strict=True)]
    return prf, by_group, by_role


def _accepted(gold_args: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [a for a in gold_args if a["role"] in ACCEPTED]


SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]*[A-Z0-9])")
"""A rough sentence boundary, enough to tell whether an argument shares the trigger's
sentence (the scorer reads no parse)."""
MISS_KINDS = (
    "no event found",
    "found as a non-specific mention only",
    "role confusion (span found, other role)",
    "on another event of ours",
    "not found, trigger's sentence",
    "not found, sentence before",
    "not found, sentence after",
)


MISS_FORMS = ("named", "common noun phrase", "pronoun")
PRONOUN_WORDS = frozenset(
    """i me my we us our you your he him his she her it its they them their who whom which
    that this these those one myself himself herself itself themselves ourselves""".split()
)
DETERMINERS = frozenset({"the", "a", "an"})


def miss_form(text: str) -> str:
    """The form of a gold argument's phrase (one of `MISS_FORMS`), read off its words (the
    scorer reads no parse): a pronoun when it is one word of `PRONOUN_WORDS`; named when a
    word other than a leading article starts with a capital ("the Senate", "Syrian
    forces"); otherwise a common noun phrase ("the city", "two farmers")."""
    words = text.split()
    if len(words) == 1 and words[0].lower().strip("'\u2019") in PRONOUN_WORDS:
        return MISS_FORMS[2]
    if words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return MISS_FORMS[0] if any(w[:1].isupper() for w in words) else MISS_FORMS[1]


def _sentence(text: str, offset: int) -> int:
    return sum(1 for m in SENTENCE_END.finditer(text) if m.end() <= offset)


def miss_kind(
    argument: Mapping[str, Any],
    trigger: Mapping[str, Any],
    text: str,
    matched: Sequence[JsonDict],
    output: JsonDict,
) -> str:
    """Why a gold argument was missed (one of `MISS_KINDS`): whether the event was found at
    all, whether our argument covers its span under another role or on another event, and
    otherwise where it lies against the trigger's sentence."""
    if not matched:
        return MISS_KINDS[0]
    if all(ev.get("nonspecific") for ev in matched):
        return MISS_KINDS[1]
    mention = (int(argument["start"]), int(argument["end"]), str(argument["text"]))

    def spans(events: Sequence[JsonDict]) -> list[Mention]:
        return [(a["start"], a["end"], a["text"]) for ev in events for a in ev["arguments"]]

    if any(same_mention(p, mention) for p in spans(matched)):
        return MISS_KINDS[2]
    if any(same_mention(p, mention) for p in spans(output["events"])):
        return MISS_KINDS[3]
    here = _sentence(text, int(argument["start"])) - _sentence(text, int(trigger["start"]))
    return MISS_KINDS[4] if here == 0 else MISS_KINDS[5] if here < 0 else MISS_KINDS[6]


def score_rams(records: Sequence[JsonDict], outputs: Sequence[JsonDict]) -> RamsScores:
    scores = RamsScores()
    fam = families()
    for record, output in zip(records, outputs, strict=True):
        scores.records += 1
        gold = record["events"][0]
        trigger, rams_type = gold["trigger"], str(gold["type"])
        matched = matched_events(trigger, output)
        incidents = matched_events(trigger, output, incidents_only=True)
        if not record.get("violent"):
            scores.non_violent += 1
            scores.non_violent_trigger_violent += any(fam.is_violent(ev) for ev in incidents)
            scores.non_violent_window_violent += any(fam.is_violent(ev) for ev in output["events"])
            continue
        scores.violent += 1
        short_type = ".".join(rams_type.split(".")[:3])
        scores.type_total[short_type] += 1
        family = expected_family(rams_type)
        scores.typable += family is not None
        lenient = bool(matched) or any(
            fam.family(ev) == family
            and event_extent(ev)[0] <= trigger["start"]
            and trigger["end"] <= event_extent(ev)[1]
            for ev in output["events"]
        )
        scores.found_lenient += lenient
        scores.found_incidents += bool(incidents)
        if matched:
            scores.found += 1
            scores.type_found[short_type] += 1
            if family is not None:
                scores.typable_found += 1
                ok = any(fam.family(ev) == family for ev in matched)
                scores.typed_right += ok
                if not ok:
                    scores.mistyped[(family, matched[0]["type"])] += 1
            if rams_type in ACLED_COUNTERPARTS:
                scores.acled_found += 1
                codes = ACLED_COUNTERPARTS[rams_type]
                scores.acled_right += any(ev.get("acled") in codes for ev in matched)
        else:
            scores.missed_words[str(trigger["text"]).lower()] += 1
            scores.missed_triggers.append(
                (str(record["text"]), int(trigger["start"]), int(trigger["end"]), rams_type)
            )
        prf, by_group, by_role = score_arguments(gold["arguments"], matched)
        for argument, (group, ok) in zip(_accepted(gold["arguments"]), by_group, strict=True):
            if not ok:
                kind = miss_kind(argument, trigger, record["text"], matched, output)
                scores.miss_kinds[(group, kind)] += 1
                scores.miss_forms[(kind, miss_form(str(argument["text"])))] += 1
        scores.arguments.add(prf)
        scores.arguments_lenient.add(score_arguments(gold["arguments"], matched, True)[0])
        for group, ok in by_group:
            scores.group_gold[group] += 1
            scores.group_found[group] += ok
        for role, ok in by_role:
            scores.role_pred[role] += 1
            scores.role_right[role] += ok
    return scores


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else "n/a"


def report_rams(scores: RamsScores, column: str, top: int, details: bool) -> None:
    print_table(
        f"RAMS dev [{column}]: {scores.records} windows, {scores.violent} violent",
        ("", "value"),
        [
            (
                "violent trigger recall (mention overlaps gold trigger)",
                _share(scores.found, scores.violent),
            ),
            (
                "  incidents only (no non-specific mention)",
                _share(scores.found_incidents, scores.violent),
            ),
            (
                "  lenient (or family event spans the trigger)",
                _share(scores.found_lenient, scores.violent),
            ),
            (
                "typing accuracy (family, of found)",
                _share(scores.typed_right, scores.typable_found),
            ),
            ("typed recall (found and family right)", _share(scores.typed_right, scores.typable)),
            (
                "ACLED typing accuracy (4 subtypes, of found)",
                _share(scores.acled_right, scores.acled_found),
            ),
            (
                "non-violent gold trigger typed violent",
                _share(scores.non_violent_trigger_violent, scores.non_violent),
            ),
            (
                "non-violent window yielding a violent event (upper bound)",
                _share(scores.non_violent_window_violent, scores.non_violent),
            ),
        ],
    )
    print_table(
        f"RAMS dev [{column}]: arguments of the matched event (violent windows)",
        PRF_HEADER,
        [
            prf_row("arguments", scores.arguments),
            prf_row("  lenient (target ~ victim)", scores.arguments_lenient),
        ],
    )
    rows = [
        [
            g,
            _share(scores.group_found[g], scores.group_gold[g]),
            _share(scores.role_right[g], scores.role_pred[g]),
        ]
        for g in GROUPS
    ]
    rows.append(
        [
            "participant",
            "-",
            _share(scores.role_right["participant"], scores.role_pred["participant"]),
        ]
    )
    print_table(
        f"RAMS dev [{column}]: arguments per role",
        ("role", "recall (gold)", "precision (ours)"),
        rows,
    )
    print_table(
        f"RAMS [{column}]: recall per gold type",
        ("gold type", "found/total"),
        [
            (t, f"{scores.type_found[t]}/{n}")
            for t, n in sorted(scores.type_total.items(), key=lambda kv: -kv[1])
        ],
    )
    if not details:
        return
    print_table(
        f"RAMS [{column}]: top missed violent trigger words",
        ("trigger word", "count"),
        scores.missed_words.most_common(top),
    )
    print_table(
        f"RAMS [{column}]: missed violent triggers by kind (type, form, frame line)",
        ("RAMS type", "form of the head word", "frame line of its lemma", "count"),
        [(*kind, n) for kind, n in trigger_kinds(scores.missed_triggers).most_common(top)],
    )
    print_table(
        f"RAMS [{column}]: why gold arguments were missed (role group x kind)",
        ("kind", *GROUPS),
        [[kind, *(scores.miss_kinds[(g, kind)] for g in GROUPS)] for kind in MISS_KINDS],
    )
    print_table(
        f"RAMS [{column}]: why gold arguments were missed (kind x form of the gold phrase)",
        ("kind", *MISS_FORMS, "total"),
        [
            [
                kind,
                *(scores.miss_forms[(kind, f)] for f in MISS_FORMS),
                sum(scores.miss_forms[(kind, f)] for f in MISS_FORMS),
            ]
            for kind in MISS_KINDS
        ],
    )
    print_table(
        f"RAMS [{column}]: found but mistyped (expected family -> our type)",
        ("expected -> ours", "count"),
        [(f"{e} -> {o}", n) for (e, o), n in scores.mistyped.most_common(top)],
    )


def trigger_kinds(missed: Sequence[tuple[str, int, int, str]]) -> Counter[tuple[str, str, str]]:
    """(RAMS type, form, frame line) counts of missed triggers, read off the extractor's own
    parse and frame lexicon (`trigger_kind`)."""
    from conflict_kg.extract import load_lexicon, load_nlp

    nlp, lexicon = load_nlp(), load_lexicon()
    kinds: Counter[tuple[str, str, str]] = Counter()
    for text, start, end, rams_type in missed:
        doc = nlp(text)
        found = doc.char_span(start, end, alignment_mode="expand")
        short = ".".join(rams_type.split(".")[:3])
        if found is None:
            kinds[(short, "no token", "-")] += 1
            continue
        kinds[(short, *trigger_kind(found.root, lexicon))] += 1
    return kinds


def trigger_kind(head: Token, lexicon: Lexicon) -> tuple[str, str]:
    """The form of a trigger's head word and the frame line that has its lemma: "verb,
    passive" ("were killed"), "verb, participle on a noun" ("people injured"), "verb, -ing",
    "verb"; "noun, compound modifier", "noun with of", "noun with possessor", "noun";
    "adjective", "name"; the frame of the first line that has its lemma, with the context
conditions of every such line ("Killing (weapon_subject, armed_subject)"), or "not in the
lexicon"."""
    deps = {c.dep_ for c in head.children}
    if head.pos_ in ("VERB", "AUX"):
        if "auxpass" in deps or "nsubjpass" in deps:
            form = "verb, passive"
        elif head.tag_ in ("VBN", "VBG") and head.dep_ in ("acl", "amod", "relcl"):
            form = "verb, participle on a noun"
        elif head.tag_ == "VBG":
            form = "verb, -ing"
        else:
            form = "verb"
    elif head.pos_ == "NOUN":
        if head.dep_ == "compound":
            form = "noun, compound modifier"
        elif any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            form = "noun with of"
        elif "poss" in deps:
            form = "noun with possessor"
        else:
            form = "noun"
    else:
        form = {"ADJ": "adjective", "PROPN": "name"}.get(head.pos_, head.pos_.lower())
    words = {head.lemma_.lower(), head.lower_}
    if head.pos_ in ("VERB", "AUX"):
        records = [t for t in lexicon.triggers if words & set(t.verbs)]
    else:
        records = [t for t in lexicon.triggers if words & {*t.nouns, *t.verbs}]
    if not records:
        return form, "not in the lexicon"
    conditions = dict.fromkeys(t.requires or "no condition" for t in records)
    return form, f"{records[0].frame} ({', '.join(conditions)})"
