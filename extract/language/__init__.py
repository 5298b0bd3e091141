"""What every stage reads the same way: the lexicon (gazetteer, demonyms, triggers, weapons),
where its words stand in a Doc, who says a thing and how surely (attribution), paths in
the dependency tree, large cities, the first-level division a place lies in, and the
`RoleFinding` that role rules produce and later stages read. A library for the stages, not
a stage: it reads nothing off the Doc's extensions and leaves nothing there."""

from __future__ import annotations

from .admin_areas import admin1_of
from .attribution import (
    DASHES,
    DENYING_VERBS,
    REPORTING_VERBS,
    Attribution,
    RoleFinding,
    attribute,
    source_phrase,
)
from .calendar import MONTH_NAMES, WEEKDAYS
from .cities import is_major_city
from .inflection import phrasal_forms
from .lexicon import (
    FRAME_ROLES,
    FRAME_SLOTS,
    ActorRecord,
    Lexicon,
    TriggerRecord,
    WeaponRecord,
    load_lexicon,
)
from .modality import TERMINATIVE_VERBS, attempted
from .syntax import dependency_distance, doers_of, objects_of
from .word_index import positions

__all__ = [
    "DASHES",
    "DENYING_VERBS",
    "FRAME_ROLES",
    "FRAME_SLOTS",
    "MONTH_NAMES",
    "REPORTING_VERBS",
    "TERMINATIVE_VERBS",
    "WEEKDAYS",
    "ActorRecord",
    "Attribution",
    "Lexicon",
    "RoleFinding",
    "TriggerRecord",
    "WeaponRecord",
    "admin1_of",
    "attempted",
    "attribute",
    "dependency_distance",
    "doers_of",
    "is_major_city",
    "load_lexicon",
    "objects_of",
    "phrasal_forms",
    "positions",
    "source_phrase",
]
