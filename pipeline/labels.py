"""One entity label map: model label -> newsfacts class (PER, ORG, LOC, MISC).

Covers CoNLL, OntoNotes, WikiNER, GermEval and KLUE/TTA tag sets. The `entities` table, the NER
evaluation and the transformers backend all read this map, so a label means the same everywhere.
Labels not in it (DATE, MONEY, CARDINAL...) have components of their own.
"""

from __future__ import annotations

ENTITY_CLASSES = ("PER", "ORG", "LOC", "MISC")

ENTITY_LABELS = {
    "PER": "PER", "PERSON": "PER", "PS": "PER",
    "ORG": "ORG", "ORGANIZATION": "ORG", "ORGANISATION": "ORG", "OG": "ORG",
    "LOC": "LOC", "LOCATION": "LOC", "GPE": "LOC", "FAC": "LOC", "LC": "LOC",
    "MISC": "MISC", "NORP": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC", "PRODUCT": "MISC",
    "LAW": "MISC", "LANGUAGE": "MISC", "OTH": "MISC",
}

# model labels of dates and times (OntoNotes, KLUE/TTA): what attribution reads as "when", never "what"
TIME_LABELS = frozenset({"DATE", "TIME", "DT", "TI"})
