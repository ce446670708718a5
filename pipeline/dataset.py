"""Reading an `ingest` dataset: its layout (Parquet partitions + manifest) and `read`.

Split from `ingest` so that readers (`report`, a user's notebook) do not import the writer:
`ingest` writes with these definitions, `report` reads with them, neither imports the other.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pyarrow as pa

from .table import SCHEMAS

MANIFEST = "_manifest.sqlite"
# The committed, current (input_sha256, batch_id) pairs, rewritten atomically after each commit:
# SQL readers join on it, so a batch being published (or left half-published by a crash) is
# never visible to them, and a copied-then-changed file keeps its copy's rows (see the README).
LIVE = "_live.parquet"
# The current row of each content: committed, not superseded, and the latest of its extractors
# (a --reprocess under a new model leaves the older row in place; it is not counted twice).
LIVE_FILES = ("SELECT sha256, batch_id, n_rows, n_articles FROM files f WHERE status IN ('done','failed') "
              "AND superseded_by IS NULL AND updated_at = (SELECT max(updated_at) FROM files g "
              "WHERE g.sha256 = f.sha256 AND g.status IN ('done','failed'))")
LINEAGE = [("input_sha256", pa.string()), ("input_path", pa.string()), ("batch_id", pa.string()),
           ("ingested_at", pa.timestamp("us", tz="UTC"))]
PARTITION = pa.schema([("date", pa.string()), ("lang", pa.string())])


def file_schema(name: str) -> pa.Schema:
    """Columns stored in the dataset's Parquet files: the table's own, then lineage."""
    return pa.schema(list(SCHEMAS[name]) + [pa.field(n, t) for n, t in LINEAGE])


def read(dataset: str | Path, name: str = "statements", *, latest: bool = True,
         columns: list[str] | None = None, article_ids: list[str] | None = None):
    """A table of the dataset as pandas; with `latest`, only rows of each file's current version.

    Current = the batch the manifest last committed for that content, for content still present
    at some path (a changed file's old rows are superseded; a failed file retried keeps only the
    retry's rows). Works on pandas 2 and 3. `columns` and `article_ids` are pushed down to the
    Parquet scan, so a reader of a few columns or articles does not load the whole dataset.
    """
    import pyarrow.compute as pc
    import pyarrow.dataset as pads

    from .table import to_pandas

    root = Path(dataset) / name
    schema = pa.schema(list(file_schema(name)) + list(PARTITION))
    if not root.is_dir():
        empty = schema.empty_table()
        return to_pandas(empty.select(columns) if columns else empty)
    need = None if columns is None else list(dict.fromkeys([*columns, "input_sha256", "batch_id"]))
    where = None if article_ids is None else pc.field("article_id").isin(list(article_ids))
    table = pads.dataset(root, format="parquet", schema=schema,
                         partitioning=pads.partitioning(PARTITION, flavor="hive")).to_table(
        columns=need, filter=where)
    if latest:
        db = sqlite3.connect(f"file:{Path(dataset) / MANIFEST}?mode=ro", uri=True)
        try:
            live = [f"{sha}:{b}" for sha, b, _n, _a in db.execute(LIVE_FILES)]
        finally:
            db.close()
        key = pc.binary_join_element_wise(table["input_sha256"], table["batch_id"], ":")
        table = table.filter(pc.is_in(key, value_set=pa.array(live, pa.string())))
    return to_pandas(table.select(columns) if columns else table)
