"""`newsfacts ingest`: incremental, idempotent, crash-safe; real files, real processes.

Every run here is a real `python -m pipeline.cli ingest` subprocess over generated English and
French articles that go through the full pipeline (models, components, writers).
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.dataset as pads
import pytest

from pipeline import ingest

EN = ['"We expect {n} new jobs by {y}," said {who}, the chief executive of {org}.',
      "According to {org}, sales rose {p}% in March.",
      "{who} said the company would invest ${n} million next year."]
FR = ["« Nous prévoyons {n} emplois d'ici {y} », a déclaré {who}, directeur de {org}.",
      "Selon {org}, les ventes ont augmenté de {p} % en mars.",
      "{who} a expliqué que l'entreprise investirait {n} millions d'euros."]
WHO = ["Marie Dupont", "Jean Martin", "Dana Whitfield", "John Smith", "Ana Costa"]
ORG = ["Acme", "Globex", "Initech", "Umbrella", "Hooli"]


def article(i: int, variant: str = "") -> str:
    fr = i % 2 == 1
    body = " ".join(t.format(n=100 + i, y=2026 + i % 3, who=WHO[i % 5], org=ORG[(i // 5) % 5], p=i % 40 + 1)
                    for t in (FR if fr else EN))
    day = f"2025-{1 + i % 3:02d}-{10 + i % 7:02d}"
    return f"Title: Article {i}{variant}\nDate: {day}\nLang: {'fr' if fr else 'en'}\n\n{body}{variant}\n"


def make_corpus(folder: Path, n: int, start: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        (folder / f"a{i:05d}.txt").write_text(article(i), encoding="utf-8")
    return folder


def cli(*args: str, env: dict | None = None, timeout: float = 600) -> tuple[int, dict, str, float]:
    """Run `newsfacts ingest|status ...`; returns exit code, the stdout summary, stderr, seconds."""
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})
    seconds = time.perf_counter() - t0
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    summary = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    return proc.returncode, summary, proc.stderr, seconds


def run(capsys, *paths: Path, into: Path, **options) -> tuple[int, dict, str]:
    """`ingest.main` in this process (models stay loaded between tests): code, summary, stderr."""
    code = ingest.main(list(paths), into=into, **options)
    out, err = capsys.readouterr()
    return code, json.loads(out.strip().splitlines()[-1]), err


def events(stderr: str) -> list[dict]:
    out = []
    for line in stderr.splitlines():
        if line.startswith("{"):
            out.append(json.loads(line))
    return out


def statement_ids(dataset: Path) -> list[str]:
    return ingest.read(dataset, "statements", latest=False)["statement_id"].tolist()


def manifest(dataset: Path, sql: str) -> list[tuple]:
    db = sqlite3.connect(dataset / ingest.MANIFEST)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


# --------------------------------------------------------------------------- increments
def test_rerun_rename_copy_and_change(tmp_path, capsys):
    src = make_corpus(tmp_path / "in", 12)
    ds = tmp_path / "ds"
    code, s, err = run(capsys, src, into=ds, batch_size=5)
    assert code == 0, err
    assert (s["status"], s["new"], s["failed"], s["batches"]) == ("ok", 12, 0, 3)
    assert s["rows"] == len(statement_ids(ds)) > 0
    assert all(e["run_id"] == s["run_id"] for e in events(err))
    first_ids = statement_ids(ds)
    assert len(first_ids) == len(set(first_ids))

    # the same run again: nothing processed, nothing re-hashed
    code, s, err = run(capsys, src, into=ds)
    assert (code, s["new"], s["skipped"], s["hashed"]) == (0, 0, 12, 0)

    # a rename and a copy are not processed again; a changed file is, and supersedes its old rows
    (src / "a00000.txt").rename(src / "renamed.txt")
    shutil.copy(src / "a00001.txt", src / "copy.txt")
    changed = src / "a00002.txt"
    old_text = changed.read_text(encoding="utf-8")
    changed.write_text(article(2, variant=" Sales fell 7% in April, said the chief economist."),
                       encoding="utf-8")
    code, s, err = run(capsys, src, into=ds)
    assert code == 0, err
    assert (s["new"], s["skipped"], s["duplicates"]) == (1, 12, 0)
    raw = ingest.read(ds, "articles", latest=False)
    latest = ingest.read(ds, "articles")
    path = str(changed.resolve())
    assert (raw["input_path"] == path).sum() == 2          # both versions are kept on disk
    mine = latest[latest["input_path"] == path]
    assert len(mine) == 1 and "April" in mine["text"].iloc[0]  # the consumer sees the latest only
    assert len(latest) == 12
    old_sha = hashlib.sha256(old_text.encode("utf-8")).hexdigest()
    assert manifest(ds, f"SELECT superseded_by IS NOT NULL FROM files WHERE sha256='{old_sha}'") == [(1,)]

    # the DuckDB query of the README gives the same latest statements as ingest.read
    import duckdb

    root = ds.as_posix()
    query = f"""
        WITH a AS (SELECT input_path, batch_id, ingested_at
                   FROM read_parquet('{root}/articles/*/*/*.parquet', hive_partitioning = true)),
             latest AS (SELECT input_path, arg_max(batch_id, ingested_at) AS batch_id
                        FROM a GROUP BY input_path)
        SELECT s.statement_id
        FROM read_parquet('{root}/statements/*/*/*.parquet', hive_partitioning = true) AS s
        JOIN latest USING (input_path, batch_id)"""
    duck = sorted(r[0] for r in duckdb.sql(query).fetchall())
    assert duck == sorted(ingest.read(ds, "statements")["statement_id"].tolist())

    # status prints the manifest summary and the runs
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "status", str(ds)], capture_output=True,
                          text=True)
    out = proc.stdout
    assert proc.returncode == 0
    assert "13 done" in out and "1 superseded" in out and out.count(" ok ") >= 3


def test_dataset_reads_back_with_pandas_pyarrow_duckdb(tmp_path, capsys):
    src = make_corpus(tmp_path / "in", 6)
    (src / "empty.txt").write_text("   \n", encoding="utf-8")  # an error article without date or language
    ds = tmp_path / "ds"
    code, s, err = run(capsys, src, into=ds)
    assert code == 3, err
    import duckdb
    import pandas as pd

    for name in ingest.TABLES:
        df = pd.read_parquet(ds / name)
        table = pads.dataset(ds / name, format="parquet", partitioning="hive").to_table()
        n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{ds.as_posix()}/{name}/*/*/*.parquet', "
                       "hive_partitioning = true)").fetchall()[0][0]
        assert len(df) == table.num_rows == n > 0
        expected = set(ingest.file_schema(name).names) | {"date", "lang"}
        assert set(df.columns) == expected
    arts = ingest.read(ds, "articles")
    assert set(arts["status"]) == {"ok", "error"}
    bad = arts[arts["status"] == "error"]
    assert (bad["date"].tolist(), bad["lang"].tolist()) == (["unknown"], ["und"])
    dates = duckdb.sql(f"SELECT DISTINCT date FROM read_parquet('{ds.as_posix()}/statements/*/*/*.parquet', "
                       "hive_partitioning = true) ORDER BY 1").fetchall()
    assert all(str(d[0]).startswith("2025-") for d in dates)


# --------------------------------------------------------------------------- failures
def test_poison_files_fail_then_skip_then_retry(tmp_path, capsys):
    src = make_corpus(tmp_path / "in", 4)
    (src / "poison.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe garbage" * 50)
    (src / "broken.json").write_text('{"title": "cut", "text": "Le maire a dit', encoding="utf-8")
    ds = tmp_path / "ds"
    code, s, err = run(capsys, src, into=ds)
    assert code == 3, err
    assert (s["status"], s["new"], s["failed"]) == ("partial", 6, 2)
    failed = dict(manifest(ds, "SELECT path, error FROM files WHERE status='failed'"))
    assert set(Path(p).name for p in failed) == {"poison.txt", "broken.json"}
    assert "binary" in failed[str((src / "poison.txt").resolve())]
    assert "invalid JSON" in failed[str((src / "broken.json").resolve())]
    assert {e["event"] for e in events(err)} >= {"file_failed"}

    code, s, err = run(capsys, src, into=ds)
    assert (code, s["new"], s["skipped_failed"]) == (0, 0, 2)

    code, s, err = run(capsys, src, into=ds, retry_failed=True)
    assert (code, s["new"], s["failed"]) == (3, 2, 2)
    # the retried files' new error rows supersede the first attempt's
    arts = ingest.read(ds, "articles")
    assert len(arts) == 6 and (arts["status"] == "error").sum() == 2
    assert (ingest.read(ds, "articles", latest=False)["status"] == "error").sum() == 4

    # once fixed (new bytes), the file is processed normally
    (src / "broken.json").write_text('{"title": "ok", "text": "Le maire a dit que la ville '
                                     'investirait 3 millions d\'euros.", "lang": "fr"}', encoding="utf-8")
    code, s, err = run(capsys, src, into=ds)
    assert (code, s["new"], s["failed"]) == (0, 1, 0)
    assert (ingest.read(ds, "articles")["status"] == "error").sum() == 1


def test_workers_and_reprocess_give_the_same_rows(tmp_path, capsys):
    src = make_corpus(tmp_path / "in", 8)
    code, s, err = run(capsys, src, into=tmp_path / "one", batch_size=4)
    assert code == 0, err
    code, s, err = run(capsys, src, into=tmp_path / "two", batch_size=4, workers=2)
    assert (code, s["new"]) == (0, 8), err
    assert sorted(statement_ids(tmp_path / "one")) == sorted(statement_ids(tmp_path / "two"))
    # --reprocess redoes every file; the same batches rewrite the same file names, no duplicates
    files = sorted(p.name for p in (tmp_path / "one").rglob("*.parquet"))
    code, s, err = run(capsys, src, into=tmp_path / "one", batch_size=4, reprocess=True)
    assert (code, s["new"]) == (0, 8), err
    assert sorted(p.name for p in (tmp_path / "one").rglob("*.parquet")) == files
    assert sorted(statement_ids(tmp_path / "one")) == sorted(statement_ids(tmp_path / "two"))


def test_usage_errors_exit_2(tmp_path):
    code, s, _err, _ = cli("ingest", str(tmp_path / "missing"), "--into", str(tmp_path / "ds"))
    assert (code, s["status"]) == (2, "usage_error")
    code, s, _err, _ = cli("ingest", str(tmp_path), "--into", str(tmp_path / "ds"), "--engine", "dask")
    assert code == 2 and "engine" in s["message"]
    code, _s, _err, _ = cli("status", str(tmp_path))
    assert code == 2


def test_dry_run_writes_nothing(tmp_path):
    src = make_corpus(tmp_path / "in", 3)
    code, s, _err, _ = cli("ingest", str(src), "--into", str(tmp_path / "ds"), "--dry-run")
    assert (code, s["status"], s["would_process"]) == (0, "dry_run", 3)
    assert not (tmp_path / "ds").exists()


# --------------------------------------------------------------------------- lock
def _start(args: list[str], env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})


def test_two_runs_started_together_one_exits_75_at_once(tmp_path):
    src = make_corpus(tmp_path / "in", 8)
    ds = tmp_path / "ds"
    ds.mkdir()
    t0 = time.perf_counter()
    procs = [_start(["ingest", str(src), "--into", str(ds)]) for _ in range(2)]
    ended: dict[int, float] = {}
    while len(ended) < 2:
        for i, p in enumerate(procs):
            if i not in ended and p.poll() is not None:
                ended[i] = time.perf_counter() - t0
        time.sleep(0.02)
    outs = [p.communicate() for p in procs]
    codes = [p.returncode for p in procs]
    assert sorted(codes) == [0, 75], outs
    loser, winner = (0, 1) if codes[0] == 75 else (1, 0)
    summary = json.loads(outs[loser][0].splitlines()[-1])
    assert summary["status"] == "locked"
    assert json.loads(outs[winner][0].splitlines()[-1])["new"] == 8
    assert ended[loser] < ended[winner]          # "at once": it did not wait for the other run
    assert ended[loser] < 10, ended

    # --lock-wait waits for the lock instead: this test holds the real lock for a while
    from filelock import FileLock

    lock = FileLock(str(ds / ingest.LOCK))
    lock.acquire()
    waiter = _start(["ingest", str(src), "--into", str(ds), "--lock-wait", "120"])
    time.sleep(1.5)
    assert waiter.poll() is None, waiter.communicate()      # still waiting
    lock.release()
    out, err = waiter.communicate(timeout=120)
    assert waiter.returncode == 0, err
    assert json.loads(out.splitlines()[-1])["new"] == 0


# --------------------------------------------------------------------------- crash and resume
def _watch_and_kill(proc: subprocess.Popen, after_event: str, batch: int) -> list[dict]:
    seen = []
    for line in proc.stderr:
        if line.startswith("{"):
            ev = json.loads(line)
            seen.append(ev)
            if ev["event"] == after_event and ev.get("batch") == batch:
                proc.send_signal(signal.SIGKILL)
                break
    proc.wait()
    return seen


def _check_exactly_once(ds: Path, reference: list[str]) -> None:
    ids = statement_ids(ds)
    assert len(ids) == len(set(ids)), "duplicate statement_id after resume"
    assert sorted(ids) == sorted(reference)
    arts = ingest.read(ds, "articles", latest=False)
    assert arts["article_id"].is_unique
    assert manifest(ds, "SELECT count(*) FROM batches WHERE status='pending'") == [(0,)]
    assert not (ds / ingest.STAGING).exists()


@pytest.fixture(scope="module")
def crash_corpus(tmp_path_factory):
    """24 articles and the statement ids of a clean run over them (in this process)."""
    root = tmp_path_factory.mktemp("crash")
    src = make_corpus(root / "in", 24)
    clean = root / "clean"
    code = ingest.main([src], into=clean, batch_size=6)
    assert code == 0
    return src, statement_ids(clean)


def test_sigkill_in_the_middle_of_a_batch_then_resume(tmp_path, crash_corpus, capsys):
    src, reference = crash_corpus
    ds = tmp_path / "ds"
    t0 = time.perf_counter()
    proc = _start(["ingest", str(src), "--into", str(ds), "--batch-size", "6"])
    seen = _watch_and_kill(proc, "batch_started", 2)  # batch 1 committed, batch 2 being extracted
    assert proc.returncode == -signal.SIGKILL
    assert [e["event"] for e in seen].count("batch_committed") == 1
    assert manifest(ds, "SELECT count(*) FROM batches WHERE status='pending'") == [(1,)]
    code, s, err = run(capsys, src, into=ds, batch_size=6)  # the next run (here in-process)
    assert code == 0, err
    assert (s["new"], s["skipped"]) == (18, 6)
    assert any(e["event"] == "batch_rolled_back" for e in events(err))
    _check_exactly_once(ds, reference)
    print(f"\nkill/resume (24 articles, batch 6): {time.perf_counter() - t0:.1f} s")


@pytest.mark.slow
def test_sigkill_after_publishing_before_commit_then_resume(tmp_path, crash_corpus, capsys):
    """The worst moment: batch 2's files are in place but the manifest does not say so."""
    src, reference = crash_corpus
    ds = tmp_path / "ds"
    code, _s, _err, _ = cli("ingest", str(src), "--into", str(ds), "--batch-size", "6",
                            env={ingest.CRASH_ENV: "published:2"})
    assert code == -signal.SIGKILL
    on_disk = statement_ids(ds)
    assert len(on_disk) > 0 and len(ingest.published_files(ds, manifest(
        ds, "SELECT batch_id FROM batches WHERE status='pending'")[0][0])) > 0
    code, s, err = run(capsys, src, into=ds, batch_size=6)
    assert code == 0, err
    rolled = [e for e in events(err) if e["event"] == "batch_rolled_back"]
    assert len(rolled) == 1 and rolled[0]["removed_files"] > 0
    assert (s["new"], s["skipped"]) == (18, 6)
    _check_exactly_once(ds, reference)


# --------------------------------------------------------------------------- scale
@pytest.mark.slow
def test_1000_articles_then_noop_rerun_under_2_seconds(tmp_path):
    src = make_corpus(tmp_path / "in", 1000)
    ds = tmp_path / "ds"
    code, s, err, first = cli("ingest", str(src), "--into", str(ds))
    assert code == 0, err
    assert (s["new"], s["failed"]) == (1000, 0)
    ids = statement_ids(ds)
    assert len(ids) == len(set(ids)) == s["rows"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    code, s2, err, second = cli("ingest", str(src), "--into", str(ds))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    assert (code, s2["new"], s2["skipped"], s2["hashed"]) == (0, 0, 1000, 0)
    print(f"\n1,000 articles: first run {first:.1f} s wall ({s['seconds']} s in-process, {s['rows']} rows); "
          f"no-op rerun {second:.2f} s wall, {cpu:.2f} s CPU ({s2['seconds']} s in-process)")
    # the CPU time of the rerun process, start-up included: on a quiet machine it is the wall time,
    # and unlike the wall time it does not grow when other jobs share the cores
    assert cpu < 2.0, f"no-op rerun took {cpu:.2f} s of CPU ({second:.2f} s wall)"
