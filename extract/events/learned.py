"""Where the learned incident classifier's decision is used: one hook in the `mentions` stage.

Once the specific mentions are known, a text that holds violent ones is read by the
classifier (`extract.nlp.learned`); when it is confident the text reports no specific violent
incident (a political story that talks about the war, an analysis, a trial), the violent
mentions are dropped and every other mention (meetings, arrests, protests, statements)
stays. A text without violent mentions is not read at all, so the classifier costs nothing
where it could change nothing.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..nlp import NO_INCIDENT_BELOW, incident_probability
from .shared import VIOLENT, EventMention

__all__ = ["reported_incidents"]


def reported_incidents(doc: Doc, mentions: list[EventMention]) -> list[EventMention]:
    """`mentions` less the violent ones when the classifier gives the text of `doc` an
    INCIDENT probability below `NO_INCIDENT_BELOW`."""
    if not any(m.event_class in VIOLENT for m in mentions):
        return mentions
    if incident_probability(doc) >= NO_INCIDENT_BELOW:
        return mentions
    return [m for m in mentions if m.event_class not in VIOLENT]
