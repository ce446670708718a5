"""Language-ID prediction and scoring for the shared gold format (`langid/*.jsonl`).

Records are `{"id", "lang", "len", "text"}`; the record's `lang` is the gold and is never read
here. Each text goes through `pipeline.langid.detect`, exactly what the runner calls once per
article, so the figures are those of the product.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .. import langid


def predict(records: Iterable[dict]) -> Iterator[dict]:
    """Yield `{"id", "lang", "confidence"}` per record, in input order (`und` when undecided)."""
    for rec in records:
        guess = langid.detect(rec.get("text") or "")
        yield {"id": rec["id"], "lang": guess.lang, "confidence": guess.confidence}


def score(gold: list[dict], pred: list[dict]) -> dict:
    from . import scoring

    return scoring.langid(gold, pred)
