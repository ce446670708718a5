"""NER prediction and scoring for the shared gold format (labels PER/ORG/LOC/MISC).

Each record `{"id", "lang", "text", ...}` is run through `pipeline.models.load(lang)` on its text
exactly as given (no normalisation), so predicted offsets are offsets into the record text. Only
the components NER depends on run: the components after `newsfacts_entities` (attribution,
quantities, dates, speakers) are disabled because they work on statements, not on `doc.ents`.
Model labels are mapped to the four CoNLL classes (OntoNotes PERSON -> PER, GPE/LOC/FAC -> LOC,
NORP/EVENT/... -> MISC, numbers and dates dropped).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby

from .. import models
from ..labels import ENTITY_LABELS

LABELS = ENTITY_LABELS  # the one map (pipeline/labels.py)
NON_NER = ("newsfacts_quantities", "newsfacts_dates", "newsfacts_date_numbers", "newsfacts_attribution",
           "newsfacts_speakers", "newsfacts_span_groups")


def map_label(label: str) -> str | None:
    """The CoNLL class of a model label, or None for labels the NER task ignores (DATE, MONEY...)."""
    return LABELS.get(label.upper())


def predict(records: Iterable[dict], *, fixups: bool = True, batch_size: int = 64) -> Iterator[dict]:
    """Yield `{"id", "entities": [{"start", "end", "label"}]}` per record, in input order.

    `fixups=False` disables `newsfacts_entities` so the trained model can be measured alone.
    """
    for lang, group in groupby(records, key=lambda r: r.get("lang") or "xx"):
        nlp = models.load(lang).nlp
        names = nlp.pipe_names
        # everything after the entity component works on statements, numbers and dates, not on doc.ents
        after = names[names.index("newsfacts_entities") + 1 :] if "newsfacts_entities" in names else []
        disable = [n for n in names
                   if n in NON_NER or n in after or (not fixups and n == "newsfacts_entities")]
        group = list(group)
        with nlp.select_pipes(disable=disable):
            docs = nlp.pipe((r["text"] for r in group), batch_size=batch_size)
            for rec, doc in zip(group, docs, strict=True):
                yield {"id": rec["id"], "entities": doc_entities(doc)}


def doc_entities(doc) -> list[dict]:
    out = []
    for ent in doc.ents:
        label = map_label(ent.label_)
        if label:
            out.append({"start": ent.start_char, "end": ent.end_char, "label": label})
    return out


def score(gold: list[dict], pred: list[dict]) -> dict:
    """The referee's NER figures (exact span + label, micro P/R/F1 over PER, ORG, LOC)."""
    from . import scoring

    return scoring.ner(gold, pred)
