"""The same extraction on Apache Spark (optional extra: pip install 'newsfacts[spark]').

    from pipeline import spark as nf_spark
    spark = nf_spark.session()                       # or your own SparkSession
    paths = spark.createDataFrame([(p,) for p in files], "path string")
    statements = nf_spark.extract(paths)             # exactly the statements schema

Why it is built this way:
- `mapInPandas` hands each Python worker an iterator of Arrow batches; the function calls the
  same `runner.process_articles` as the local runner, and `models.load` caches each spaCy
  pipeline per worker process, so a worker loads each model once and Spark's Python worker reuse
  keeps it warm across tasks. The pipeline is never pickled or broadcast (a known failure mode).
- The Spark schema is derived from `pipeline.table` (the one place the schema is defined) with
  pyspark's own Arrow -> Spark conversion, so both engines give the same types.
- `newsfacts ingest --engine spark` keeps discovery, hashing, the lock and the manifest on the
  driver (`pipeline.ingest`); Spark extracts once (all three tables and a per-file status come out
  of one `mapInPandas`, persisted), writes `partitionBy("date", "lang")` Parquet into the batch's
  staging folder, and the driver publishes and commits after the job succeeded. A failed job
  leaves the batch pending; the next run rolls it back and redoes it.

Workers must run a Python that has newsfacts and the models installed: `PYSPARK_PYTHON` (set to
this interpreter when unset). On a cluster, install the newsfacts wheel and the model packages
on every executor; the dataset folder must be on storage shared by the driver and executors.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pyarrow as pa

from . import ingest, sources
from .table import SCHEMAS, to_pandas

MASTER_ENV = "NEWSFACTS_SPARK_MASTER"


def session(master: str | None = None, workers: int = 2, app_name: str = "newsfacts"):
    """A SparkSession (the active one if any). Local default: `local[workers,3]` (3 task attempts:
    plain `local[N]` never retries a failed task)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    master = master or os.environ.get(MASTER_ENV) or f"local[{max(1, workers)},3]"
    spark = (SparkSession.builder.master(master).appName(app_name)
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.session.timeZone", "UTC")
             .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def spark_schema(schema: pa.Schema):
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(schema)


def statements_schema():
    """The statements table as a Spark StructType (from `pipeline.table.STATEMENTS`)."""
    return spark_schema(SCHEMAS["statements"])


# --------------------------------------------------------------------------- extract()
def _articles_of(pdf) -> list[sources.Article]:
    """Articles of one pandas batch: a `path` column (files), or `text` (+ id, lang, published)."""
    cols = set(pdf.columns)
    arts: list[sources.Article] = []
    for rec in pdf.to_dict("records"):
        path = rec.get("path")
        if "text" in cols and isinstance(rec.get("text"), str):
            arts.append(sources.make_article(
                rec["text"], path=str(path) if isinstance(path, str) else "<text>",
                id=_str_or_none(rec.get("id")), lang=_str_or_none(rec.get("lang")),
                published=_str_or_none(rec.get("published"))))
        elif isinstance(path, str):
            arts.extend(sources.read_file(Path(path)))
    return arts


def _str_or_none(value) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return str(value)


def _extract_batches(batches: Iterator) -> Iterator:
    from . import runner

    for pdf in batches:
        tables = runner.process_articles(_articles_of(pdf))
        yield to_pandas(tables.arrow("statements"))


def extract(df):
    """Statements of a Spark DataFrame of paths (`path` column) or texts (`text`, optional `id`,
    `lang`, `published`, `path`): a Spark DataFrame with exactly the statements schema."""
    if "path" not in df.columns and "text" not in df.columns:
        raise ValueError("extract() needs a `path` or a `text` column; got " + ", ".join(df.columns))
    return df.mapInPandas(_extract_batches, statements_schema())


# --------------------------------------------------------------------------- ingest --engine spark
FILE = pa.struct([("sha256", pa.string()), ("path", pa.string()), ("n_articles", pa.int32()),
                  ("n_rows", pa.int32()), ("error", pa.string())])


def _row_struct(name: str) -> pa.DataType:
    """A table's row for the combined output: table columns, input lineage, partition values."""
    keep = [f for f in ingest.row_schema(name) if f.name not in ("batch_id", "ingested_at")]
    return pa.struct(keep)


def combined_schema() -> pa.Schema:
    return pa.schema([("kind", pa.string()), ("file", FILE)]
                     + [(name, _row_struct(name)) for name in ingest.TABLES])


def _ingest_batches(batches: Iterator) -> Iterator:
    schema = combined_schema()
    for pdf in batches:
        files = list(zip(pdf["path"].tolist(), pdf["sha256"].tolist(), strict=True))
        out = []
        for res in ingest.process_files(files):
            out.append({"kind": "file", "file": {"sha256": res.sha256, "path": res.path,
                                                 "n_articles": res.n_articles, "n_rows": res.n_rows,
                                                 "error": res.error}})
            for name in ingest.TABLES:
                out.extend({"kind": name, name: row} for row in res.rows[name])
        yield to_pandas(pa.Table.from_pylist(out, schema=schema))


class IngestExtract:
    """The `extract` step of `ingest.Runner.run_batch` on Spark: one job for the run's to-do list,
    `files_per_task` files per Spark task; writes the staging folder, returns per-file results."""

    def __init__(self, files_per_task: int = 100, workers: int = 2, log=None):
        self.files_per_task, self.workers, self.log = files_per_task, workers, log
        from pyspark.sql import SparkSession

        self.owned = SparkSession.getActiveSession() is None
        self.spark = session(workers=workers, app_name="newsfacts-ingest")

    def __call__(self, files, staged: Path, batch_id: str, ingested_at: datetime) -> list[ingest.FileResult]:
        import pandas as pd
        from pyspark import StorageLevel
        from pyspark.sql import functions as F

        files = list(files)
        n_tasks = max(1, -(-len(files) // self.files_per_task))
        todo = self.spark.createDataFrame(pd.DataFrame({"path": [p for p, _ in files],
                                                        "sha256": [s for _, s in files]}))
        todo = todo.repartition(n_tasks)
        out = todo.mapInPandas(_ingest_batches, spark_schema(combined_schema()))
        out = out.persist(StorageLevel.MEMORY_AND_DISK)
        try:
            for name in ingest.TABLES:
                cols = [F.col(f"{name}.{f.name}").alias(f.name) for f in SCHEMAS[name]]
                cols += [F.col(f"{name}.input_sha256").alias("input_sha256"),
                         F.col(f"{name}.input_path").alias("input_path"),
                         F.lit(batch_id).alias("batch_id"),
                         F.lit(ingested_at).cast("timestamp").alias("ingested_at"),
                         F.col(f"{name}.date").alias("date"), F.col(f"{name}.lang").alias("lang")]
                (out.where(F.col("kind") == name).select(*cols)
                 .repartition("date", "lang")
                 .write.mode("overwrite").option("compression", "zstd")
                 .partitionBy("date", "lang").parquet(str(staged / name)))
            rows = out.where(F.col("kind") == "file").select("file.*").collect()
        finally:
            out.unpersist()
        results = []
        for r in rows:
            results.append(ingest.FileResult(r["sha256"], r["path"], n_articles=r["n_articles"] or 0,
                                             error=r["error"], count=r["n_rows"] or 0))
        missing = {s for _p, s in files} - {r.sha256 for r in results}
        if missing:
            raise RuntimeError(f"Spark returned no result for {len(missing)} files")
        return results

    def close(self) -> None:
        if self.owned:
            self.spark.stop()
