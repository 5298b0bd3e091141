"""What the event stages share: the `EventMention` type, the families of event classes, and
the words for armed actors (the mentions' context conditions and the subevent rules read
them alike)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..inputs import ResolvedDate
from ..model import NonSpecificReason

__all__ = [
    "ARMED_ACTORS",
    "ARMED_WORDS",
    "ATTACK_FAMILY",
    "CAPTURES",
    "CROWD_CONTROL",
    "CROWD_NOUNS",
    "DEMONSTRATORS",
    "HARM_LEMMAS",
    "HAZARD_CLASSES",
    "STATEMENTS",
    "STATE_SIDE",
    "VIOLENT",
    "EventMention",
]

ATTACK_FAMILY = frozenset(
    {"Attack", "AirOrDroneStrike", "Bombing", "Shelling", "ArmedClash", "Assassination"}
)
VIOLENT = ATTACK_FAMILY | {"Abduction", "Riot"}
HAZARD_CLASSES = frozenset({"Accident", "NaturalDisaster", "Epidemic"})
"""Harm nobody inflicted on purpose: their victims are nobody's targets."""
STATEMENTS = frozenset({"ClaimOfResponsibility"})
"""Classes whose events speak about another event (they name it, they do not repeat it)."""
CROWD_CONTROL = ("tear gas", "teargas", "water cannon", "rubber bullet", "plastic bullet",
                 "pepper spray", "stun grenade", "baton", "truncheon", "pellet")  # fmt: skip
"""The means ACLED names for an intervention short of excessive force."""
HARM_LEMMAS = frozenset({"kill", "die", "wound", "injure", "hurt", "dead"})
"""Lemmas of harm done to people: a clause with one tells that someone was hurt."""
CROWD_CLASSES = frozenset({"Protest", "Riot"})
"""Classes of what a crowd does: a demonstration, peaceful or violent."""
DEMONSTRATORS = frozenset({"protesters", "protestors", "demonstrators", "marchers", "rioters"})
"""Nouns for the people of a demonstration or a riot: they say the crowd demonstrates."""
CROWD_NOUNS = frozenset({"crowd", "crowds"})
"""Nouns for a gathering of people that say nothing of what it does."""
AIMING_PREPOSITIONS = frozenset({"at", "on", "upon", "against", "into", "towards", "toward"})
"""Prepositions naming whom or what an act was aimed at ("fired at protesters")."""
CAPTURES = frozenset({"NON_STATE_ACTOR_OVERTAKES_TER", "GOV_REGAINS_TERIT"})
"""ACLED's codes of ground taken by fighting."""
PROPERTY_DESTRUCTION = "PROPERTY_DISTRUCT"
"""ACLED's code for looting and destroying property."""
STATE_FORCE_WORDS = frozenset(
    {"police", "policemen", "policeman", "officers", "soldiers", "soldier", "troops", "army",
     "forces", "gendarmes", "gendarmerie", "guards", "military", "servicemen"}
)  # fmt: skip
"""Nouns for state forces where no entity was recognised ("riot police", "soldiers")."""


@dataclass(slots=True)
class EventMention:
    span: Span
    event_class: str
    definite: bool
    plural: bool
    anaphoric: bool = False
    date: ResolvedDate | None = None
    acled: str | None = None
    hypothetical: bool = False
    """Under a verb of fearing, vowing or planning ("fear they could attack", "vowed to
    hit back"), or an "if": read as no incident by `specificity`."""
    in_general: NonSpecificReason | None = None
    """Why the word itself tells no incident, whatever its clause: "background" for a war,
    an armed conflict, an insurgency (a campaign of many incidents); "generic" for a crime
    named in general ("murder rates", "charged with murder"). `specificity` keeps such
    mentions as background, never as incidents."""
    _sentence: Span | None = None

    @property
    def head(self) -> Token:
        return self.span.root

    @property
    def sentence(self) -> Span:
        """The trigger's sentence, found once: `Span.sent` walks the Doc on every call."""
        if self._sentence is None:
            self._sentence = self.span.sent
        return self._sentence


ARMED_ACTORS = frozenset({"ArmedGroup", "StateForce"})
STATE_SIDE = frozenset({"StateForce", "State", "Government"})
"""Entity types of a state's side: its forces, the state itself, its government."""
"""Entity types of armed actors: who fights as a side, or carries out an act as its doer."""
ARMED_WORDS = frozenset(
    {"soldiers", "soldier", "troops", "police", "policemen", "forces", "army", "militants",
     "fighters", "rebels", "insurgents", "checkpoint", "convoy", "positions", "militia",
     "militias", "jihadists", "servicemen", "guards", "outpost", "garrison", "peshmerga",
     "patrol", "patrols"}
)  # fmt: skip
