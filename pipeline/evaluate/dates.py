"""Date predictions in the referee's format: `{"id", "items": [{"start", "end", "text", "value"}]}`.

Runs the plain `find_dates` on each record's input against its `ref_datetime` (no spaCy parse:
the eval inputs are single sentences, tense comes from the language's cue words). Records
without a language are identified with `pipeline.langid`, as articles are.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime

from ..components.dates import find_dates
from . import scoring


def _ref(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value[:19])
    except ValueError:
        return None


def predict_record(rec: dict) -> dict:
    lang = rec.get("lang")
    if not lang:  # as the pipeline does for an article without a language: identify it
        from ..langid import UNDETERMINED, detect

        lang = detect(rec["input"]).lang
        if lang == UNDETERMINED:
            return {"id": rec["id"], "items": []}
    items = []
    for d in find_dates(rec["input"], lang, _ref(rec.get("ref_datetime"))):
        items.append({"start": d.start, "end": d.end, "text": d.text, "value": d.iso(),
                      "granularity": d.granularity, "kind": d.kind})
    return {"id": rec["id"], "items": items}


def predict(records: Iterable[dict]) -> Iterator[dict]:
    for rec in records:
        yield predict_record(rec)


def score(gold: list[dict], pred: list[dict]) -> dict:
    return scoring.dates(gold, pred)
