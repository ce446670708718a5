"""Attribution predictions in the gold schema, with spans mapped back to the record's text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .. import models, runner, sources
from . import scoring


def _span(article: sources.Article, start: int | None, end: int | None,
          fragments: list[tuple[int, int]] | None = None) -> dict | None:
    if start is None or end is None or end <= start:
        return None
    s, e = article.alignment.span_to_input(start, end)
    out = {"start": s, "end": e, "text": article.raw_text[s:e]}
    if fragments and len(fragments) > 1:
        out["fragments"] = [list(article.alignment.span_to_input(a, b)) for a, b in fragments]
    return out


def predict_record(rec: dict, cue_classes: set[str] | None = None) -> dict:
    """One record's attributions; with `cue_classes`, only statements of those cue classes."""
    article = sources.make_article(rec["text"], path=str(rec.get("id")), id=rec.get("id"),
                                   published=rec.get("date"), lang=rec.get("lang"))
    if not article.ok:
        return {"id": rec["id"], "attributions": []}
    lang, _ = runner.choose_language(article)
    loaded = models.load(lang)
    doc = loaded.nlp.make_doc(article.text)
    doc._.article = {"id": article.id, "published": article.published, "lang": lang, "tier": loaded.tier}
    doc = loaded.nlp(doc)
    out = []
    for st in doc._.statements or []:
        if st.kind == "claim" or (cue_classes is not None and st.cue_class not in cue_classes):
            continue
        out.append({
            "source": _span(article, st.source_start, st.source_end),
            "cue": _span(article, st.cue_start, st.cue_end),
            "content": _span(article, st.start, st.end, st.fragments),
            "type": st.kind,
            "source_resolved": st.speaker,
            "cue_class": st.cue_class,
            "rule": st.rule,
        })
    return {"id": rec["id"], "attributions": out}


def predict(records: Iterable[dict], cue_classes: set[str] | None = None) -> Iterator[dict]:
    for rec in records:
        yield predict_record(rec, cue_classes)


def score(gold: list[dict], pred: list[dict]) -> dict:
    return scoring.attribution(gold, pred)
