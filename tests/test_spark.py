"""The Spark engine gives the same rows as the local runner (real Spark in local mode).

Needs the `spark` extra (pyspark 4.x, Java 17+); skipped with a message when pyspark is absent.
The Python workers run this interpreter (PYSPARK_PYTHON), which must have newsfacts and the
models installed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pyarrow as pa
import pytest

pytest.importorskip("pyspark",
                    reason="pyspark is not installed: pip install -e '.[spark]' to run the Spark tests")

from test_ingest import make_corpus, run  # noqa: E402  (same article generator as the ingest tests)

from pipeline import ingest, runner, sources  # noqa: E402
from pipeline import spark as nf_spark  # noqa: E402
from pipeline.table import STATEMENTS  # noqa: E402

SPARK = {"engine": "spark", "spark_extract": nf_spark.IngestExtract}  # the CLI passes the engine in

pytestmark = pytest.mark.slow
TIMES: dict[str, float] = {}


@pytest.fixture(scope="module")
def spark():
    os.environ["PYSPARK_PYTHON"] = sys.executable
    t0 = time.perf_counter()
    session = nf_spark.session(master="local[2,3]")
    TIMES["session start"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    session.createDataFrame([(1,)], "x int").collect()
    TIMES["first trivial job"] = time.perf_counter() - t0
    yield session
    session.stop()
    print("\nSpark timings: " + ", ".join(f"{k} {v:.1f} s" for k, v in TIMES.items()))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("spark") / "in", 200)


def _sorted_rows(table: pa.Table) -> list[dict]:
    rows = table.select(STATEMENTS.names).cast(STATEMENTS).to_pylist()
    return sorted(rows, key=lambda r: (r["statement_id"], r["source_path"]))


def test_extract_has_exactly_the_statements_schema_and_the_local_rows(spark, corpus):
    paths = [str(p) for p in sorted(corpus.iterdir())]
    t0 = time.perf_counter()
    runner.run(paths[:2])
    TIMES["local model load"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    local = runner.run(paths).arrow("statements")
    TIMES["local runner, 200 articles, warm"] = time.perf_counter() - t0

    df = spark.createDataFrame([(p,) for p in paths], "path string").repartition(4)
    out = nf_spark.extract(df)
    assert out.schema == nf_spark.statements_schema()
    assert out.columns == STATEMENTS.names
    t0 = time.perf_counter()
    got = out.toArrow()
    TIMES["spark extract, 200 articles, cold workers"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    again = nf_spark.extract(df).toArrow()
    TIMES["spark extract, 200 articles, warm workers"] = time.perf_counter() - t0

    assert local.num_rows > 400
    assert _sorted_rows(got) == _sorted_rows(local)
    assert _sorted_rows(again) == _sorted_rows(local)


def test_extract_from_texts(spark):
    texts = [("t1", "Le maire a déclaré que la ville investirait 3 millions d'euros en 2026.", "fr",
              "2025-05-02"),
             ("t2", '"Prices will fall by 5% next year," said Anna Berg, the chief economist.', "en", None)]
    df = spark.createDataFrame(texts, "id string, text string, lang string, published string")
    got = nf_spark.extract(df).toArrow()
    arts = [sources.make_article(t, path="<text>", id=i, lang=lang, published=pub)
            for i, t, lang, pub in texts]
    local = runner.process_articles(arts).arrow("statements")
    assert local.num_rows >= 2
    assert _sorted_rows(got) == _sorted_rows(local)
    with pytest.raises(ValueError, match="path"):
        nf_spark.extract(spark.createDataFrame([(1,)], "x int"))


def test_ingest_engine_spark_writes_the_same_dataset_as_local(spark, corpus, tmp_path, capsys):
    (corpus / "poison.txt").write_bytes(b"\x00\x01binary\xff" * 40)
    try:
        code_local, s_local, _ = run(capsys, corpus, into=tmp_path / "local")
        t0 = time.perf_counter()
        code_spark, s_spark, err = run(capsys, corpus, into=tmp_path / "spark", **SPARK, batch_size=50)
        TIMES["ingest --engine spark, 201 files (warm session)"] = time.perf_counter() - t0
    finally:
        (corpus / "poison.txt").unlink()
    assert (code_local, code_spark) == (3, 3), err
    for key in ("new", "failed", "rows", "articles"):
        assert s_spark[key] == s_local[key], key
    for name in ingest.TABLES:
        a = ingest.read(tmp_path / "local", name).drop(columns=["batch_id", "ingested_at"])
        b = ingest.read(tmp_path / "spark", name).drop(columns=["batch_id", "ingested_at"])
        key = [c for c in ("article_id", "statement_id", "start", "text", "label") if c in a.columns]
        a = a.sort_values(key).reset_index(drop=True).astype(str)
        b = b[a.columns].sort_values(key).reset_index(drop=True).astype(str)
        assert a.equals(b), name
    files = sorted(p.name for p in (tmp_path / "spark" / "statements").glob("*/*/*.parquet"))
    batch_id = ingest.read(tmp_path / "spark")["batch_id"][0]
    assert files and all(f.startswith(f"part-{batch_id}-") for f in files)

    # the next run has nothing to do and does not touch Spark
    code, s, _ = run(capsys, corpus, into=tmp_path / "spark", **SPARK)
    assert (code, s["new"], s["batches"]) == (0, 0, 0)


def test_cli_ingest_engine_spark(tmp_path):
    src = make_corpus(tmp_path / "in", 6)
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, nf_spark.MASTER_ENV: "local[1,2]"}
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "ingest", str(src),
                           "--into", str(tmp_path / "ds"), "--engine", "spark"],
                          capture_output=True, text=True, env=env, timeout=900)
    TIMES["CLI ingest --engine spark, 6 files (cold JVM)"] = time.perf_counter() - t0
    assert proc.returncode == 0, proc.stderr[-3000:]
    summary = json.loads(proc.stdout.splitlines()[-1])
    assert (summary["engine"], summary["new"], summary["failed"]) == ("spark", 6, 0)
    assert summary["rows"] == len(ingest.read(tmp_path / "ds")) > 0
