"""The output schema (the one place it is defined), Doc -> rows, and the writers.

Three tables: `statements` (one row per attributed statement or numeric claim), `articles` (one
row per input article, ok or error: nothing is dropped silently) and `entities`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pyarrow as pa

from .labels import ENTITY_LABELS

QUANTITY = pa.struct([("text", pa.string()), ("value", pa.float64()), ("high", pa.float64()),
                      ("unit", pa.string()), ("approx", pa.bool_()), ("kind", pa.string()),
                      ("qualifier", pa.string()), ("start", pa.int32()), ("end", pa.int32())])
DATE = pa.struct([("text", pa.string()), ("value", pa.date32()), ("until", pa.date32()),
                  ("granularity", pa.string()), ("start", pa.int32()), ("end", pa.int32())])
ENTITY = pa.struct([("text", pa.string()), ("label", pa.string())])
PARAGRAPH_LANGUAGE = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("language", pa.string()),
                                ("confidence", pa.float32())])

STATEMENTS = pa.schema([
    ("article_id", pa.string()),
    ("source_path", pa.string()),
    ("published", pa.date32()),
    ("language", pa.string()),
    ("statement_id", pa.string()),
    ("speaker", pa.string()),
    ("speaker_label", pa.string()),
    ("speaker_mention", pa.string()),
    ("mention_start", pa.int32()),
    ("mention_end", pa.int32()),
    ("cue", pa.string()),
    ("cue_start", pa.int32()),
    ("cue_end", pa.int32()),
    ("cue_lemma", pa.string()),
    ("statement", pa.string()),
    ("kind", pa.string()),
    ("start", pa.int32()),
    ("end", pa.int32()),
    ("sentence", pa.string()),
    ("quantities", pa.list_(QUANTITY)),
    ("dates", pa.list_(DATE)),
    ("entities", pa.list_(ENTITY)),
    ("confidence", pa.float32()),
    ("extractor", pa.string()),
    ("rule", pa.string()),
    ("cue_class", pa.string()),
])

ARTICLES = pa.schema([
    ("article_id", pa.string()),
    ("source_path", pa.string()),
    ("language", pa.string()),
    ("language_confidence", pa.float32()),
    ("other_languages", pa.list_(PARAGRAPH_LANGUAGE)),
    ("tier", pa.string()),
    ("model", pa.string()),
    ("published", pa.date32()),
    ("date_anchor", pa.string()),
    ("title", pa.string()),
    ("url", pa.string()),
    ("encoding", pa.string()),
    ("text", pa.string()),
    ("n_statements", pa.int32()),
    ("status", pa.string()),
    ("error", pa.string()),
    ("extractor", pa.string()),
    ("language_hint", pa.string()),  # the language the input named, if any
    ("language_reason", pa.string()),  # why `language`: hint, detection, --lang
    ("tier_reason", pa.string()),  # why the tier differs from the catalog's, or universal
])

ENTITIES = pa.schema([
    ("article_id", pa.string()),
    ("language", pa.string()),
    ("text", pa.string()),
    ("label", pa.string()),
    ("start", pa.int32()),
    ("end", pa.int32()),
])

SCHEMAS = {"statements": STATEMENTS, "articles": ARTICLES, "entities": ENTITIES}
LABELS = ENTITY_LABELS  # one map for the table, the NER evaluation and the transformers backend


@dataclass
class Tables:
    """Rows of the three tables: recent rows as lists of dicts in schema order, older ones as Arrow.

    A batch's rows are plain dicts while the batch is reported on (`on_progress`); `freeze()`
    then moves them into Arrow tables, which hold a run's text in a few buffers instead of a
    Python object per row and cell (a long `extract` keeps every row until it writes).
    """

    statements: list[dict] = field(default_factory=list)
    articles: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    frozen: dict[str, list[pa.Table]] = field(default_factory=dict)

    def extend(self, other: Tables) -> None:
        self.statements.extend(other.statements)
        self.articles.extend(other.articles)
        self.entities.extend(other.entities)
        for name, parts in other.frozen.items():
            self.frozen.setdefault(name, []).extend(parts)

    def freeze(self) -> None:
        """Move the dict rows into Arrow tables (see the class docstring)."""
        for name in SCHEMAS:
            rows = getattr(self, name)
            if rows:
                self.frozen.setdefault(name, []).append(pa.Table.from_pylist(rows, schema=SCHEMAS[name]))
                rows.clear()

    def count(self, name: str) -> int:
        return len(getattr(self, name)) + sum(t.num_rows for t in self.frozen.get(name, []))

    def arrow(self, name: str) -> pa.Table:
        parts = [*self.frozen.get(name, [])]
        rows = getattr(self, name)
        if rows or not parts:
            parts.append(pa.Table.from_pylist(rows, schema=SCHEMAS[name]))
        return parts[0] if len(parts) == 1 else pa.concat_tables(parts)

    def frames(self) -> dict:
        return {name: to_pandas(self.arrow(name)) for name in SCHEMAS}


def to_pandas(table: pa.Table):
    """Arrow -> pandas keeping dates as datetime.date objects (works on pandas 2 and 3)."""
    return table.to_pandas(date_as_object=True)


def entity_label(label: str) -> str:
    return LABELS.get(label, label)


def statement_rows(doc, extractor: str) -> list[dict]:
    art = doc._.article or {}
    text = doc.text  # read once per Doc here; the table sits below the components (docs/design.md)
    rows = []
    quantities = list(doc.spans["quantities"]) if "quantities" in doc.spans else []
    dates = list(doc.spans["dates"]) if "dates" in doc.spans else []
    for n, st in enumerate(doc._.statements or [], start=1):
        sent_span = doc.char_span(st.start, max(st.end, st.start + 1), alignment_mode="expand")
        s0 = sent_span[0].sent.start_char if sent_span is not None else st.start
        s1 = sent_span[-1].sent.end_char if sent_span is not None else st.end
        if st.cue_start is not None:
            s0 = min(s0, doc.char_span(st.cue_start, st.cue_end, alignment_mode="expand")[0].sent.start_char)
        qs = [q._.quantity for q in quantities if st.start <= q.start_char and q.end_char <= st.end]
        ds = [d._.date for d in dates if s0 <= d.start_char and d.end_char <= s1]
        ents = [e for e in doc.ents if st.start <= e.start_char and e.end_char <= st.end]
        rows.append({
            "article_id": art.get("id"),
            "source_path": art.get("path"),
            "published": art.get("published"),
            "language": art.get("lang"),
            "statement_id": f"{art.get('id')}:{n}",
            "speaker": st.speaker,
            "speaker_label": st.speaker_label if st.speaker or st.source_start is not None else None,
            "speaker_mention": st.source_text(doc),
            "mention_start": st.source_start,
            "mention_end": st.source_end,
            "cue": st.cue_text(doc),
            "cue_start": st.cue_start,
            "cue_end": st.cue_end,
            "cue_lemma": st.cue_lemma,
            "statement": text[st.start:st.end],
            "kind": st.kind,
            "start": st.start,
            "end": st.end,
            "sentence": text[s0:s1],
            "quantities": [{"text": q.text, "value": q.value, "high": q.high, "unit": q.unit,
                            "approx": q.approx, "kind": q.kind, "qualifier": q.qualifier,
                            "start": q.start, "end": q.end} for q in qs],
            "dates": [{"text": d.text, "value": d.value, "until": getattr(d, "end_value", None),
                       "granularity": d.granularity, "start": d.start, "end": d.end} for d in ds],
            "entities": [{"text": e.text, "label": entity_label(e.label_)} for e in ents],
            "confidence": st.confidence,
            "extractor": extractor,
            "rule": st.rule or None,
            "cue_class": st.cue_class,
        })
    return rows


def keep_cue_classes(tables: Tables, classes: set[str] | None) -> Tables:
    """Only the statements whose cue class is in `classes` (claims, which have no cue, stay);
    statement ids keep their numbering, so a statement has the same id whatever the filter."""
    if classes is None:
        return tables
    import pyarrow.compute as pc

    st = tables.arrow("statements")
    keep = pc.or_(pc.is_in(st["cue_class"], pa.array(sorted(classes))), pc.equal(st["kind"], "claim"))
    out = Tables(articles=tables.articles, entities=tables.entities, frozen=dict(tables.frozen))
    out.frozen["statements"] = [st.filter(pc.fill_null(keep, False))]
    return out


def entity_rows(doc) -> list[dict]:
    art = doc._.article or {}
    return [{"article_id": art.get("id"), "language": art.get("lang"), "text": e.text,
             "label": entity_label(e.label_), "start": e.start_char, "end": e.end_char} for e in doc.ents]


def article_row(article, *, lang: str | None = None, confidence: float | None = None,
                tier: str | None = None, model: str | None = None, n_statements: int = 0,
                error: str | None = None, extractor: str = "",
                other_languages: list[dict] | None = None, language_hint: str | None = None,
                language_reason: str | None = None, tier_reason: str | None = None) -> dict:
    error = error or article.error
    return {
        "article_id": article.id, "source_path": article.path, "language": lang,
        "language_confidence": confidence, "other_languages": other_languages or [],
        "tier": tier, "model": model,
        "published": article.published if isinstance(article.published, date) else None,
        "date_anchor": getattr(article, "date_anchor", None),
        "title": article.title, "url": article.url, "encoding": article.encoding,
        "text": article.text or None, "n_statements": n_statements,
        "status": "error" if error else "ok", "error": error, "extractor": extractor,
        "language_hint": language_hint if language_hint is not None else getattr(article, "lang_hint", None),
        "language_reason": language_reason, "tier_reason": tier_reason,
    }


# --------------------------------------------------------------------------- writers
FORMATS = ("parquet", "csv", "jsonl")


def write(tables: Tables, out_dir: str | Path, fmt: str = "parquet") -> dict[str, Path]:
    """Write the three tables as out_dir/<table>.<ext>; returns the paths."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name in SCHEMAS:
        table = tables.arrow(name)
        path = out / f"{name}.{fmt}"
        if fmt == "parquet":
            import pyarrow.parquet as pq

            pq.write_table(table, path, compression="zstd")
        elif fmt == "jsonl":
            with path.open("w", encoding="utf-8") as f:
                for row in table.to_pylist():
                    f.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        else:
            to_pandas(_flatten_for_csv(table)).to_csv(path, index=False)
        paths[name] = path
    return paths


def _flatten_for_csv(table: pa.Table) -> pa.Table:
    """Lists of structs become readable strings for spreadsheets ("33700000 comptes|3000 ~")."""
    cols = {}
    for name in table.column_names:
        col = table.column(name)
        if pa.types.is_list(col.type):
            cols[name] = pa.array(["|".join(_cell(v) for v in (row or [])) for row in col.to_pylist()],
                                  pa.string())
        else:
            cols[name] = col
    return pa.table(cols)


def _cell(item: dict) -> str:
    if "value" in item and item.get("value") is not None:
        unit = f" {item['unit']}" if item.get("unit") else ""
        approx = "~" if item.get("approx") else ""
        return f"{approx}{item['value']}{unit}"
    return f"{item.get('text')}/{item.get('label')}"


def read(out_dir: str | Path, name: str = "statements"):
    """Read a written table back into pandas, whatever format it was written in."""
    out = Path(out_dir)
    for fmt in FORMATS:
        path = out / f"{name}.{fmt}"
        if path.exists():
            if fmt == "parquet":
                import pyarrow.parquet as pq

                return to_pandas(pq.read_table(path))
            import pandas as pd

            return pd.read_json(path, lines=True) if fmt == "jsonl" else pd.read_csv(path)
    raise FileNotFoundError(f"no {name} table in {out}")
