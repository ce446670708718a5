"""The output schema (the one place it is defined), Doc -> rows, and the writers.

Three tables: `statements` (one row per attributed statement or numeric claim), `articles` (one
row per input article, ok or error: nothing is dropped silently) and `entities`.
"""

from __future__ import annotations

import json
import re
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
                self.frozen.setdefault(name, []).append(to_arrow(rows, SCHEMAS[name]))
                rows.clear()

    def count(self, name: str) -> int:
        return len(getattr(self, name)) + sum(t.num_rows for t in self.frozen.get(name, []))

    def arrow(self, name: str) -> pa.Table:
        parts = [*self.frozen.get(name, [])]
        rows = getattr(self, name)
        if rows or not parts:
            parts.append(to_arrow(rows, SCHEMAS[name]))
        return parts[0] if len(parts) == 1 else pa.concat_tables(parts)

    def frames(self) -> dict:
        return {name: to_frame(self.arrow(name)) for name in SCHEMAS}


def to_arrow(rows: list[dict], schema: pa.Schema) -> pa.Table:
    """Rows -> Arrow; a value the schema refuses (a list for a string, a lone surrogate) is coerced
    to the column's type or dropped to null rather than failing the whole batch's table."""
    try:
        return pa.Table.from_pylist(rows, schema=schema)
    except (pa.ArrowException, UnicodeError, TypeError, ValueError, OverflowError):
        return pa.Table.from_pylist([_coerce_row(r, schema) for r in rows], schema=schema)


def _coerce_row(row: dict, schema: pa.Schema) -> dict:
    out = dict(row)
    for f in schema:
        if f.name not in out:
            continue
        try:
            pa.array([out[f.name]], f.type)
        except (pa.ArrowException, UnicodeError, TypeError, ValueError, OverflowError):
            out[f.name] = _coerce(out[f.name], f.type)
    return out


def _coerce(value, typ: pa.DataType):
    from .sources import clean_text

    if pa.types.is_string(typ) and value is not None:
        text = clean_text(value if isinstance(value, str) else json.dumps(value, default=str))
        return text
    if pa.types.is_list(typ) and isinstance(value, list):
        kept = []
        for item in value:
            try:
                pa.array([item], typ.value_type)
                kept.append(item)
            except (pa.ArrowException, UnicodeError, TypeError, ValueError, OverflowError):
                if pa.types.is_struct(typ.value_type) and isinstance(item, dict):
                    kept.append(_coerce_row(item, pa.schema(list(typ.value_type))))
        return kept
    return [] if pa.types.is_list(typ) else None


# Offsets and counts come back from Parquet as nullable integers (not float64 with NaN), so that
# `text[row.start:row.end]` works on what `pd.read_parquet` returns.
_NULLABLE_INTS = {"int8": "Int8", "int16": "Int16", "int32": "Int32", "int64": "Int64"}


def _types_mapper():
    import pandas as pd

    table = {getattr(pa, name)(): pd.api.types.pandas_dtype(dtype) for name, dtype in _NULLABLE_INTS.items()}
    return table.get


def to_pandas(table: pa.Table):
    """Arrow -> pandas keeping dates as datetime.date objects (works on pandas 2 and 3)."""
    return table.to_pandas(date_as_object=True)


def to_frame(table: pa.Table):
    """Arrow -> pandas for people: dates as datetime.date, integer columns as nullable integers."""
    return table.to_pandas(date_as_object=True, types_mapper=_types_mapper())


def with_pandas_metadata(table: pa.Table) -> pa.Table:
    """The table with pandas metadata naming nullable integer dtypes, which `pd.read_parquet`
    honours: offsets come back as Int32, not float64."""
    import pandas as pd

    empty = to_frame(table.schema.empty_table())
    meta = pa.Schema.from_pandas(empty, preserve_index=False).metadata or {}
    if not isinstance(empty, pd.DataFrame) or b"pandas" not in meta:
        return table
    return table.replace_schema_metadata({**(table.schema.metadata or {}), b"pandas": meta[b"pandas"]})


def entity_label(label: str) -> str:
    return LABELS.get(label, label)


def statement_rows(doc, extractor: str) -> list[dict]:
    art = doc._.article or {}
    text = doc.text  # read once per Doc here; the table sits below the components (docs/design.md)
    rows = []
    quantities = _Within(doc.spans["quantities"] if "quantities" in doc.spans else [])
    dates = _Within(doc.spans["dates"] if "dates" in doc.spans else [])
    ents = _Within(doc.ents)
    for n, st in enumerate(doc._.statements or [], start=1):
        sent_span = doc.char_span(st.start, max(st.end, st.start + 1), alignment_mode="expand")
        s0 = sent_span[0].sent.start_char if sent_span is not None else st.start
        s1 = sent_span[-1].sent.end_char if sent_span is not None else st.end
        if st.cue_start is not None:
            s0 = min(s0, doc.char_span(st.cue_start, st.cue_end, alignment_mode="expand")[0].sent.start_char)
        qs = [q._.quantity for q in quantities.within(st.start, st.end)]
        ds = [d._.date for d in dates.within(s0, s1)]
        inside = ents.within(st.start, st.end)
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
            "entities": [{"text": e.text, "label": entity_label(e.label_)} for e in inside],
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


class _Within:
    """Spans sorted by start, to find those inside a range without scanning them all (a text of
    50,000 quotes has as many statements: a scan per statement would be quadratic)."""

    def __init__(self, spans):
        self.spans = sorted(spans, key=lambda s: (s.start_char, s.end_char))
        self.starts = [s.start_char for s in self.spans]

    def within(self, start: int, end: int) -> list:
        from bisect import bisect_left

        out = []
        for i in range(bisect_left(self.starts, start), len(self.spans)):
            span = self.spans[i]
            if span.start_char >= end:
                break
            if span.end_char <= end:
                out.append(span)
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
    """Write the three tables as out_dir/<table>.<ext>; returns the paths.

    Atomic: the tables are written into a temporary folder next to `out_dir`, then renamed into
    place, so a run killed while writing leaves the previous tables (or none), never a truncated
    file or a mix of old and new tables."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    import shutil
    import tempfile

    out = Path(out_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        for name in SCHEMAS:
            _write_one(tables.arrow(name), tmp / f"{name}.{fmt}", fmt)
        _move_in(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {name: out / f"{name}.{fmt}" for name in SCHEMAS}


def _write_one(table: pa.Table, path: Path, fmt: str) -> None:
    if fmt == "parquet":
        import pyarrow.parquet as pq

        pq.write_table(with_pandas_metadata(table), path, compression="zstd")
    elif fmt == "jsonl":
        with path.open("w", encoding="utf-8") as f:
            for row in table.to_pylist():
                f.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    else:
        to_pandas(_flatten_for_csv(table)).to_csv(path, index=False)


def _table_files(folder: Path) -> bool:
    """True when the folder holds only tables this writer makes (so it may be replaced whole)."""
    names = {f"{n}.{fmt}" for n in SCHEMAS for fmt in FORMATS}
    return all(p.name in names for p in folder.iterdir())


def _move_in(tmp: Path, out: Path) -> None:
    """Put the written tables in place: a rename of the whole folder when `out` is new or holds
    only our tables; else each file by an atomic rename, stale tables of another format removed."""
    import os
    import shutil

    if not out.exists() and not out.is_symlink():
        os.rename(tmp, out)
        return
    if out.is_dir() and not out.is_symlink() and _table_files(out):
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        try:
            os.rename(out, old)
        except OSError:
            old = None
        if old is not None:
            os.rename(tmp, out)
            shutil.rmtree(old, ignore_errors=True)
            return
    out.mkdir(parents=True, exist_ok=True)
    fresh = {p.name for p in tmp.iterdir()}
    for p in sorted(tmp.iterdir()):
        os.replace(p, out / p.name)
    for name in SCHEMAS:
        for fmt in FORMATS:
            if f"{name}.{fmt}" not in fresh:
                (out / f"{name}.{fmt}").unlink(missing_ok=True)


# CSV cells: lists (quantities, dates, entities, other_languages) are JSON text, and a cell that a
# spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) gets a
# leading apostrophe (OWASP's advice); `read` undoes both.
_FORMULA = re.compile(r"^'*[=+\-@\t\r]")


def _neutral(value):
    return "'" + value if isinstance(value, str) and _FORMULA.match(value) else value


def _flatten_for_csv(table: pa.Table) -> pa.Table:
    """Lists of structs become JSON text; formula-like text cells are neutralised."""
    cols = {}
    for name in table.column_names:
        col = table.column(name)
        if pa.types.is_list(col.type):
            cols[name] = pa.array([_neutral(json.dumps(row or [], ensure_ascii=False, default=str))
                                   for row in col.to_pylist()], pa.string())
        elif pa.types.is_string(col.type):
            cols[name] = pa.array([_neutral(v) for v in col.to_pylist()], pa.string())
        else:
            cols[name] = col
    return pa.table(cols)


def _from_csv(path: Path, name: str):
    import pandas as pd

    df = pd.read_csv(path, keep_default_na=False, na_values=[""])
    schema = SCHEMAS.get(name)
    for col in df.columns:
        if df[col].dtype != object and not pd.api.types.is_string_dtype(df[col]):
            continue
        values = [v[1:] if isinstance(v, str) and _FORMULA.match(v) and v.startswith("'") else v
                  for v in df[col]]
        if schema is not None and col in schema.names and pa.types.is_list(schema.field(col).type):
            values = [json.loads(v) if isinstance(v, str) and v.startswith("[") else [] for v in values]
        df[col] = pd.Series(values, index=df.index, dtype=object)
    return df


def read(out_dir: str | Path, name: str = "statements"):
    """Read a written table back into pandas, whatever format it was written in."""
    out = Path(out_dir)
    for fmt in FORMATS:
        path = out / f"{name}.{fmt}"
        if path.exists():
            if fmt == "parquet":
                import pyarrow.parquet as pq

                return to_frame(pq.read_table(path))
            import pandas as pd

            return pd.read_json(path, lines=True) if fmt == "jsonl" else _from_csv(path, name)
    raise FileNotFoundError(f"no {name} table in {out}")
