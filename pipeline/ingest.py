"""Incremental, idempotent, crash-safe ingestion of article folders into a Parquet dataset.

`newsfacts ingest PATH... --into DATASET` is meant for cron, Airflow, Prefect or Dagster: every
run picks up what is new, and a run that dies part-way is repaired by the next one.

Layout of a dataset::

    DATASET/_manifest.sqlite                  the manifest (stdlib sqlite3, WAL mode)
    DATASET/.ingest.lock                      the run lock (filelock; the OS frees it on death)
    DATASET/statements/date=YYYY-MM-DD/lang=xx/part-<batch_id>-<n>.parquet
    DATASET/articles/...   DATASET/entities/...   (same partitioning)
    DATASET/_staging/<batch_id>/...           a batch being written (removed after publishing)
    DATASET/_live.parquet                     committed (input_sha256, batch_id) pairs, for SQL readers

Why these parts:
- SQLite, not DuckDB, holds the *state*: it is in the standard library, row-level transactional
  upserts are what a manifest needs, and several processes may read it while one writes. DuckDB
  is for *querying the output* (see the README).
- Identity is the SHA-256 of the file's bytes plus the extractor version, so a renamed or copied
  file is not processed twice and a changed file is. A fast path on (path, size, mtime_ns) means
  unchanged files are not re-hashed. A file done under an older extractor version is reported as
  `stale` but not redone silently (a model upgrade must not re-run millions of files on its own);
  `--reprocess` redoes every file given.
- Commit protocol per batch: (1) one manifest transaction records the intent (batch `pending`,
  its files `processing`); (2) the three tables are written under `_staging/<batch_id>/`;
  (3) each file is moved into its partition with `os.replace` (atomic on POSIX); (4) one
  transaction marks the files `done`/`failed` and the batch `committed`. On start, a `pending`
  batch (a crash between 1 and 4) is rolled back: its `part-<batch_id>-*` files are removed and its
  inputs re-queued. `batch_id` is a hash of the members' hashes, so a redo rewrites the same names.
- Every dataset row carries lineage columns (`input_sha256`, `input_path`, `batch_id`,
  `ingested_at`) next to the table's own columns (`pipeline.table`, the one place the schema is
  defined). A changed file gets new rows in a newer batch; `read(..., latest=True)` and the
  README's DuckDB query keep only the newest batch per input file.
- Partition values are never null (`date=unknown`, `lang=und`): pyarrow cannot yet read
  dictionary-encoded hive partitions holding nulls into pandas ("Cannot yet unify dictionaries
  with nulls"), so `pandas.read_parquet(DATASET/"statements")` would fail.

Exit codes: 0 all done (also "nothing new"), 3 some inputs failed (recorded, skipped next time
unless --retry-failed), 75 another run holds the lock, 2 usage error, 1 unexpected error.
Logs are JSON lines on stderr; the last line on stdout is a JSON summary.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import sys
import time
import traceback
import uuid
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa

from . import catalog, sources
from .dataset import LINEAGE, LIVE, LIVE_FILES, MANIFEST, PARTITION, file_schema, read  # noqa: F401
from .ops import EXIT_FATAL, EXIT_LOCKED, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, log_line
from .table import to_arrow
from .version import extractor_version

LOCK = ".ingest.lock"
STAGING = "_staging"
TABLES = ("statements", "articles", "entities")
ENGINES = ("local", "spark")
# A file is ingested once its size and mtime have not changed for this many seconds (a file
# still being copied into the inbox waits for the next run).
SETTLE_SECONDS = 1.0
UNKNOWN_DATE, UNKNOWN_LANG = "unknown", "und"
# Test-only fault injection: "published:2" SIGKILLs the process right after batch 2's files were
# moved into place and before the manifest commit (the worst moment); "staged:N" after staging.
CRASH_ENV = "NEWSFACTS_INGEST_CRASH"


def row_schema(name: str) -> pa.Schema:
    """Columns of the rows handed to the writer: file columns plus the partition columns."""
    return pa.schema(list(file_schema(name)) + list(PARTITION))


# --------------------------------------------------------------------------- extractor version
def extractor_key() -> str:
    """The package version. The models are recorded per file (`files.models`, one
    `lang=package==version` per language of its articles), so that upgrading or installing one
    language's model makes only that language's files stale (`model_current`). Computed without
    importing spaCy: a run with nothing new must stay well under 2 seconds.
    """
    return extractor_version()


@functools.cache
def current_model(lang: str) -> str:
    """What would process `lang` now, as `models.load` names it (`package==version`, `blank`
    for the rules tier, `+<transformers model>`), found without importing spaCy."""
    import importlib.util

    row = catalog.languages().get(lang, {})
    package = row.get("package")
    model = f"{package}=={catalog.version(package) or '?'}" if catalog.installed(package) else "blank"
    if row.get("transformers_model") and importlib.util.find_spec("transformers") is not None:
        model += f"+{row['transformers_model']}"
    return model


def _model_token(model: str) -> str:
    """"blank:fr" -> "blank", "pkg==1 + tm" -> "pkg==1+tm": one comparable token."""
    model = model.replace(" ", "")
    return "blank" + model[model.index("+"):] if model.startswith("blank:") and "+" in model else (
        "blank" if model.startswith("blank:") else model)


def model_current(models: str | None) -> bool:
    """Whether every `lang=model` a file was done with is still what would process that language."""
    for token in (models or "").split():
        lang, _, model = token.partition("=")
        if model and model != current_model(lang):
            return False
    return True


def file_models(rows: list[dict]) -> str:
    """The `lang=model` tokens of a file's article rows (recorded in the manifest)."""
    return " ".join(sorted({f"{r['language']}={_model_token(r['model'])}" for r in rows
                            if r.get("language") and r.get("model")}))


# --------------------------------------------------------------------------- extraction of files
@dataclass
class FileResult:
    """The rows extracted from one input file, tagged with their file, date and language."""

    sha256: str
    path: str
    rows: dict[str, list[dict]] = field(default_factory=lambda: {t: [] for t in TABLES})
    n_articles: int = 0
    error: str | None = None
    count: int | None = None  # statements count when the rows stay elsewhere (Spark)

    @property
    def n_rows(self) -> int:
        return self.count if self.count is not None else len(self.rows["statements"])

    @property
    def input_path(self) -> str:
        """The path as stored in tables and the manifest (valid UTF-8: see sources.display_path)."""
        return sources.display_path(self.path)


def _partition_values(published, language) -> tuple[str, str]:
    day = published.isoformat() if isinstance(published, date) else UNKNOWN_DATE
    return day, (language or UNKNOWN_LANG)


def process_files(files: Sequence[tuple[str, str]]) -> list[FileResult]:
    """Read and extract a list of (path, sha256) in this process; never raises for one bad file.

    Articles of all files go through `runner.process_articles` together (so `nlp.pipe` batches
    across files); rows are given back to their file by article id. Files whose article ids
    collide (copies of one text inside a batch) go to separate calls so that mapping is exact.
    """
    results = [FileResult(sha, path) for path, sha in files]
    per_file: list[list] = []
    for res in results:
        try:
            arts = list(sources.read_file(Path(res.path)))
        except Exception as e:  # noqa: BLE001 - read_file should not raise; never lose the batch
            arts = [sources.Article(id=sources.text_id(res.input_path), path=res.input_path,
                                    error=f"could not read the file ({type(e).__name__}: {e})")]
        per_file.append(arts)
    # greedy groups in which every article id is unique
    groups: list[tuple[set, list[tuple[int, object]]]] = []
    for i, arts in enumerate(per_file):
        ids = {a.id for a in arts}
        if len(ids) < len(arts):  # the same id twice inside one file: that file alone per article
            for a in arts:
                groups.append(({a.id}, [(i, a)]))
            continue
        for used, members in groups:
            if not (used & ids) and len(members) < 10_000:
                used |= ids
                members.extend((i, a) for a in arts)
                break
        else:
            groups.append((set(ids), [(i, a) for a in arts]))
    for _used, members in groups:
        _extract_group(members, results)
    for res in results:
        arts = res.rows["articles"]
        res.n_articles = len(arts)
        errors = [a for a in arts if a["status"] == "error"]
        if errors and res.error is None:
            first = errors[0]
            where = first["source_path"] if first["source_path"] != res.input_path else ""
            res.error = (f"{len(errors)} of {len(arts)} articles failed; first: "
                         f"{where + ': ' if where else ''}{first['error']}")
    return results


def _extract_group(members: list[tuple[int, object]], results: list[FileResult]) -> None:
    """Extract a group of files' articles together; if that fails, each file again alone, so
    that one file's failure is never its batch-mates' (they keep their rows)."""
    from . import runner

    try:
        tables = runner.process_articles([a for _i, a in members])
    except Exception as e:  # noqa: BLE001 - a pipeline crash: find whose it is
        files = list(dict.fromkeys(i for i, _a in members))
        if len(files) > 1:
            for i in files:
                _extract_group([(j, a) for j, a in members if j == i], results)
            return
        msg = f"extraction failed: {type(e).__name__}: {e}"
        results[files[0]].error = results[files[0]].error or msg
        return
    _assign_rows(tables, members, results)


def _assign_rows(tables, members: list[tuple[int, object]], results: list[FileResult]) -> None:
    """Give each row back to its file, tagged with lineage and partition values."""
    owner = {a.id: i for i, a in members}
    published = {}
    for row in tables.articles:
        published[row["article_id"]] = row["published"]
    for name in TABLES:
        for row in getattr(tables, name):
            i = owner.get(row["article_id"])
            if i is None:  # cannot happen unless the runner changes ids; keep the row anyway
                i = members[0][0]
            res = results[i]
            day, lang = _partition_values(row.get("published", published.get(row["article_id"])),
                                          row.get("language"))
            row.update(input_sha256=res.sha256, input_path=res.input_path, date=day, lang=lang)
            res.rows[name].append(row)


# --------------------------------------------------------------------------- logging
class Log:
    """JSON lines on stderr, each with the run id (for cron, Airflow and friends)."""

    def __init__(self, run_id: str):
        self.run_id = run_id

    def __call__(self, event: str, level: str = "info", **fields) -> None:
        sys.stderr.write(log_line(event, level, run_id=self.run_id, **fields) + "\n")
        sys.stderr.flush()


def _summary(**fields) -> None:
    sys.stdout.write(json.dumps(fields, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


# --------------------------------------------------------------------------- manifest
SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS files (
    sha256 TEXT NOT NULL, extractor TEXT NOT NULL, path TEXT, size INTEGER,
    status TEXT NOT NULL,            -- processing, done, failed
    batch_id TEXT, n_articles INTEGER, n_rows INTEGER, error TEXT,
    superseded_by TEXT,              -- sha256 of the content that replaced it at its path
    updated_at TEXT,
    PRIMARY KEY (sha256, extractor));
CREATE INDEX IF NOT EXISTS files_batch ON files(batch_id);
CREATE TABLE IF NOT EXISTS seen (
    path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, sha256 TEXT, last_seen TEXT);
CREATE INDEX IF NOT EXISTS seen_sha ON seen(sha256);
CREATE TABLE IF NOT EXISTS batches (
    batch_id TEXT PRIMARY KEY, run_id TEXT, status TEXT,   -- pending, committed, rolled_back
    engine TEXT, n_files INTEGER, n_rows INTEGER, created_at TEXT, committed_at TEXT);
CREATE TABLE IF NOT EXISTS compactions (
    compaction_id TEXT PRIMARY KEY, status TEXT,            -- pending, done
    partitions TEXT, created_at TEXT, finished_at TEXT);
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY, started_at TEXT, finished_at TEXT, status TEXT, exit_code INTEGER,
    summary TEXT);
"""


class Manifest:
    def __init__(self, path: Path):
        self.db = sqlite3.connect(path, isolation_level=None, timeout=60)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript(SCHEMA_SQL)
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(files)")}
        if "models" not in columns:  # a dataset made before models were recorded per file
            self.db.execute("ALTER TABLE files ADD COLUMN models TEXT")

    def close(self) -> None:
        self.db.close()

    def transaction(self):
        return _Tx(self.db)

    def seen(self) -> dict[str, tuple[int, int, str]]:
        rows = self.db.execute("SELECT path, size, mtime_ns, sha256 FROM seen")
        return {p: (s, m, h) for p, s, m, h in rows}

    def file_states(self, extractor: str) -> dict[str, tuple[str, bool, str]]:
        """sha256 -> (status, done under the current extractor and models, models); current wins."""
        out: dict[str, tuple[str, bool, str]] = {}
        for sha, ext, st, models in self.db.execute(
                "SELECT sha256, extractor, status, models FROM files ORDER BY updated_at"):
            current = ext == extractor and model_current(models)
            if sha in out and out[sha][1] and not current:
                continue
            out[sha] = (st, current, models or "")
        return out

    def pending_batches(self) -> list[str]:
        return [b for (b,) in self.db.execute("SELECT batch_id FROM batches WHERE status='pending'")]


class _Tx:
    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")


# --------------------------------------------------------------------------- dataset files
def batch_id_for(shas: Iterable[str], extractor: str) -> str:
    h = hashlib.sha256(extractor.encode())
    for sha in sorted(shas):
        h.update(sha.encode())
    return h.hexdigest()[:16]


def published_files(dataset: Path, batch_id: str) -> list[Path]:
    return [p for t in TABLES for p in (dataset / t).glob(f"*/*/part-{batch_id}-*.parquet")]


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(dataset: Path, staged: Path, batch_id: str) -> int:
    """Move a batch's staged Parquet files into their partitions with atomic renames.

    Names are made deterministic here (`part-<batch_id>-<n>.parquet`, n in sorted order of the
    staged names per partition), whatever the writer (pyarrow or Spark) called them.
    """
    moved = 0
    for name in TABLES:
        root = staged / name
        if not root.is_dir():
            continue
        by_dir: dict[Path, list[Path]] = {}
        for f in sorted(root.rglob("*.parquet")):
            if any(part.startswith((".", "_")) for part in f.relative_to(root).parts):
                continue
            by_dir.setdefault(f.parent.relative_to(root), []).append(f)
        for rel_dir, staged_files in sorted(by_dir.items()):
            dest_dir = dataset / name / rel_dir
            dest_dir.mkdir(parents=True, exist_ok=True)
            for n, f in enumerate(staged_files):
                _fsync(f)
                os.replace(f, dest_dir / f"part-{batch_id}-{n}.parquet")
                moved += 1
    return moved


def write_staged(results: Sequence[FileResult], staged: Path, batch_id: str, ingested_at: datetime) -> None:
    """Write the rows of a batch as hive-partitioned Parquet under the staging folder (pyarrow)."""
    import pyarrow.dataset as pads

    shutil.rmtree(staged, ignore_errors=True)
    for name in TABLES:
        rows = [r for res in results for r in res.rows[name]]
        if not rows:
            continue
        for r in rows:
            r["batch_id"] = batch_id
            r["ingested_at"] = ingested_at
        table = to_arrow(rows, row_schema(name))
        pads.write_dataset(
            table, staged / name, format="parquet",
            partitioning=pads.partitioning(PARTITION, flavor="hive"),
            basename_template=f"part-{batch_id}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore",
            file_options=pads.ParquetFileFormat().make_write_options(compression="zstd"),
            max_rows_per_file=1_000_000, max_rows_per_group=100_000,
        )


def _maybe_crash(stage: str, batch_no: int) -> None:
    if os.environ.get(CRASH_ENV) == f"{stage}:{batch_no}":
        os.kill(os.getpid(), signal.SIGKILL)


# --------------------------------------------------------------------------- the run
@dataclass
class Plan:
    todo: list[tuple[str, str]] = field(default_factory=list)      # (path, sha256)
    skipped_done: int = 0
    skipped_failed: int = 0
    skipped_duplicate: int = 0
    stale: int = 0
    hashed: int = 0
    replaced: dict[str, str] = field(default_factory=dict)         # path -> previous sha256
    seen_updates: list[tuple] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return self.skipped_done + self.skipped_failed + self.skipped_duplicate


def _discover(paths: Sequence[Path], dataset: Path) -> list[Path]:
    dataset = dataset.resolve()
    out = []
    for f in sources.discover(paths):
        f = Path(os.path.abspath(f))
        try:
            f.resolve().relative_to(dataset)
            continue  # never ingest the dataset itself
        except ValueError:
            out.append(f)
    return list(dict.fromkeys(out))


def _stat_key(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def wait_until_settled(files: list[Path], settle: float, log: Log) -> tuple[list[Path], int]:
    """Files whose size and mtime stay unchanged for `settle` seconds; the others (still being
    copied into the inbox) are left for the next run. One wait per run, at most `settle` seconds,
    and only when some file changed within the last `settle` seconds."""
    if settle <= 0:
        return files, 0
    now = time.time_ns()
    young = {}
    for f in files:
        key = _stat_key(f)
        if key is not None and now - key[1] < settle * 1e9:
            young[f] = key
    if not young:
        return files, 0
    newest = max(mtime for _size, mtime in young.values())
    time.sleep(max(0.0, (newest + settle * 1e9 - time.time_ns()) / 1e9))
    moving = {f for f, key in young.items() if _stat_key(f) != key}
    for f in moving:
        log("file_settling", path=sources.display_path(f), settle=settle,
            message="still changing; left for the next run")
    return [f for f in files if f not in moving], len(moving)


def sha256_file(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def plan_run(files: Sequence[Path], manifest: Manifest | None, extractor: str, *,
             retry_failed: bool, reprocess: bool, log: Log,
             lang: str | None = None) -> tuple[Plan, list[tuple[str, str]]]:
    """Decide what to process; returns the plan and the files that could not be hashed."""
    plan = Plan()
    seen = manifest.seen() if manifest else {}
    states = manifest.file_states(extractor) if manifest else {}
    unreadable: list[tuple[str, str]] = []
    queued: set[str] = set()
    now = _now()
    for f in files:
        key = sources.display_path(f)
        try:
            st = f.stat()
            cached = seen.get(key)
            if cached and cached[0] == st.st_size and cached[1] == st.st_mtime_ns:
                sha = cached[2]
            else:
                sha = sha256_file(f)
                plan.hashed += 1
        except OSError as e:
            unreadable.append((key, f"cannot read the file: {e}"))
            continue
        if cached is None or cached[2] != sha or cached[:2] != (st.st_size, st.st_mtime_ns):
            plan.seen_updates.append((key, st.st_size, st.st_mtime_ns, sha, now))
            if cached is not None and cached[2] != sha:
                plan.replaced[key] = cached[2]
        if sha in queued:
            plan.skipped_duplicate += 1
            continue
        state = states.get(sha)
        if reprocess and lang and state is not None and lang not in _langs(state[2]):
            plan.skipped_done += 1  # --reprocess --lang: only the files of that language
            continue
        if reprocess or state is None or state[0] == "processing":  # (processing: only in --dry-run,
            pass                                                     # before the rollback of a crash)
        elif state[0] == "failed" and retry_failed:
            pass
        elif state[0] == "failed":
            plan.skipped_failed += 1
            continue
        else:
            plan.skipped_done += 1
            plan.stale += 0 if state[1] else 1
            continue
        queued.add(sha)
        plan.todo.append((str(f), sha))
    return plan, unreadable


def _langs(models: str) -> set[str]:
    return {token.partition("=")[0] for token in models.split()}


def rollback_pending(dataset: Path, manifest: Manifest, log: Log) -> int:
    """Undo batches left `pending` by a crash: remove their files, re-queue their inputs."""
    n = 0
    for batch_id in manifest.pending_batches():
        removed = 0
        for p in published_files(dataset, batch_id):
            p.unlink(missing_ok=True)
            removed += 1
        shutil.rmtree(dataset / STAGING / batch_id, ignore_errors=True)
        with manifest.transaction() as db:
            requeued = db.execute("DELETE FROM files WHERE batch_id=? AND status='processing'",
                                  (batch_id,)).rowcount
            db.execute("UPDATE batches SET status='rolled_back' WHERE batch_id=?", (batch_id,))
        log("batch_rolled_back", batch_id=batch_id, removed_files=removed, requeued=requeued)
        n += 1
    shutil.rmtree(dataset / STAGING, ignore_errors=True)
    return n


class Runner:
    """One ingestion run holding the lock: batches through intent -> stage -> publish -> commit."""

    def __init__(self, dataset: Path, manifest: Manifest, extractor: str, run_id: str, log: Log,
                 plan: Plan, engine: str):
        self.dataset, self.manifest, self.extractor = dataset, manifest, extractor
        self.run_id, self.log, self.plan, self.engine = run_id, log, plan, engine
        self.done = self.failed = self.rows = self.articles = self.batches = 0
        self.fallbacks: dict[str, str] = {}  # language -> why its catalogued trained pipeline did not run

    def intent(self, batch_id: str, files: Sequence[tuple[str, str]]) -> None:
        now = _now()
        with self.manifest.transaction() as db:
            db.execute("INSERT OR REPLACE INTO batches VALUES (?,?,?,?,?,?,?,?)",
                       (batch_id, self.run_id, "pending", self.engine, len(files), None, now, None))
            for path, sha in files:
                db.execute(
                    "INSERT INTO files (sha256, extractor, path, size, status, batch_id, updated_at) "
                    "VALUES (?,?,?,?,?,?,?) ON CONFLICT(sha256, extractor) DO UPDATE SET "
                    "path=excluded.path, size=excluded.size, status='processing', "
                    "batch_id=excluded.batch_id, error=NULL, superseded_by=NULL, "
                    "updated_at=excluded.updated_at",
                    (sha, self.extractor, sources.display_path(path), _size(path), "processing", batch_id,
                     now))

    def commit(self, batch_id: str, results: Sequence[FileResult]) -> None:
        now = _now()
        n_rows = sum(r.n_rows for r in results)
        with self.manifest.transaction() as db:
            for r in results:
                db.execute("UPDATE files SET status=?, n_articles=?, n_rows=?, error=?, updated_at=?, "
                           "models=? WHERE sha256=? AND extractor=?",
                           ("failed" if r.error else "done", r.n_articles, r.n_rows, r.error, now,
                            file_models(r.rows["articles"]) or None, r.sha256, self.extractor))
                # an older content of this path, found nowhere now, is superseded. From the manifest,
                # not from this run's plan: a run killed after it recorded the path's new content
                # must not leave the old version live for ever (the next run commits it here).
                db.execute("UPDATE files SET superseded_by=? WHERE path=? AND sha256<>? "
                           "AND superseded_by IS NULL AND status IN ('done','failed') "
                           "AND sha256 NOT IN (SELECT sha256 FROM seen)",
                           (r.sha256, r.input_path, r.sha256))
            db.execute("UPDATE batches SET status='committed', n_rows=?, committed_at=? WHERE batch_id=?",
                       (n_rows, now, batch_id))
        for r in results:
            for a in r.rows["articles"]:
                missing = catalog.is_missing_pipeline(a.get("tier_reason"))
                if missing and a.get("language") not in self.fallbacks:
                    self.fallbacks[a["language"]] = a["tier_reason"]
                    self.log("trained_pipeline_missing", level="warning", language=a["language"],
                             reason=a["tier_reason"])
            if r.error:
                self.failed += 1
                self.log("file_failed", level="warning", path=r.path, sha256=r.sha256, error=r.error)
            else:
                self.done += 1
        self.rows += n_rows
        self.articles += sum(r.n_articles for r in results)
        self.batches += 1

    def _compacted_since(self, batch_id: str) -> bool:
        """Whether a compaction finished after this batch id was last committed."""
        row = self.manifest.db.execute(
            "SELECT 1 FROM batches b JOIN compactions c ON c.finished_at > b.committed_at "
            "WHERE b.batch_id=? AND b.status='committed' AND c.status='done' LIMIT 1", (batch_id,)).fetchone()
        return row is not None

    def run_batch(self, batch_no: int, files: Sequence[tuple[str, str]], extract) -> None:
        """The commit protocol for one batch; `extract(files, staged, batch_id, ingested_at)`
        writes the staged Parquet files and returns the FileResults (without needing rows)."""
        batch_id = batch_id_for((sha for _p, sha in files), self.extractor)
        if self._compacted_since(batch_id):
            # its earlier rows sit in compacted files, which a redo cannot replace: a new id, and
            # the manifest supersedes the old rows
            batch_id = batch_id_for((sha for _p, sha in files), f"{self.extractor} {self.run_id}")
        t0 = time.perf_counter()
        self.intent(batch_id, files)
        self.log("batch_started", batch=batch_no, batch_id=batch_id, files=len(files))
        staged = self.dataset / STAGING / batch_id
        ingested_at = datetime.now(UTC)
        results = extract(files, staged, batch_id, ingested_at)
        _maybe_crash("staged", batch_no)
        for old in published_files(self.dataset, batch_id):  # an earlier attempt at the same batch
            old.unlink()                                       # (--reprocess): this one replaces it
        moved = publish(self.dataset, staged, batch_id)
        _maybe_crash("published", batch_no)
        self.commit(batch_id, results)
        write_live(self.dataset, self.manifest)
        shutil.rmtree(staged, ignore_errors=True)
        try:
            staged.parent.rmdir()
        except OSError:
            pass
        self.log("batch_committed", batch=batch_no, batch_id=batch_id, files=len(files),
                 failed=sum(1 for r in results if r.error), rows=sum(r.n_rows for r in results),
                 parquet_files=moved, seconds=round(time.perf_counter() - t0, 2))


def _size(path: str) -> int | None:
    try:
        return os.stat(path).st_size
    except OSError:
        return None


class LocalExtract:
    """Extraction in this process, or in a pool of worker processes that keep their models."""

    def __init__(self, workers: int):
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None

    def __call__(self, files, staged, batch_id, ingested_at) -> list[FileResult]:
        results = self._extract(list(files))
        write_staged(results, staged, batch_id, ingested_at)
        return results

    def _extract(self, files: list[tuple[str, str]]) -> list[FileResult]:
        if self.workers <= 1 or len(files) < 2:
            return process_files(files)
        if self.pool is None:
            from .runner import die_with_parent

            self.pool = ProcessPoolExecutor(max_workers=self.workers, initializer=die_with_parent)
        size = -(-len(files) // self.workers)
        chunks = [files[i:i + size] for i in range(0, len(files), size)]
        futures = [self.pool.submit(process_files, c) for c in chunks]
        out: list[FileResult] = []
        for chunk, fut in zip(chunks, futures, strict=True):
            try:
                out.extend(fut.result())
            except Exception as e:  # noqa: BLE001 - a dead worker: redo its files here, one by one
                self.pool.shutdown(cancel_futures=True)
                self.pool = None
                for f in chunk:
                    try:
                        out.extend(process_files([f]))
                    except Exception as e2:  # noqa: BLE001
                        out.append(FileResult(f[1], f[0], error=f"worker failed: {e}; then: {e2}"))
        return out

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()


def _usage(log: Log, message: str, t0: float) -> int:
    log("usage_error", level="error", message=message)
    _summary(status="usage_error", message=message, seconds=round(time.perf_counter() - t0, 3))
    return EXIT_USAGE


def main(paths: Sequence[str | Path], *, into: str | Path, workers: int = 1, batch_size: int = 100,
         retry_failed: bool = False, reprocess: bool = False, dry_run: bool = False,
         lock_wait: float = 0.0, engine: str = "local", spark_extract: Callable | None = None,
         settle: float = SETTLE_SECONDS, lang: str | None = None) -> int:
    """Run one ingestion; returns the exit code (0, 1, 2, 3 or 75). See the module docstring.

    `engine="spark"` needs `spark_extract` (`pipeline.spark.IngestExtract`), passed in by the
    caller: the Spark module builds on this one, so this one never imports it.
    """
    t0 = time.perf_counter()
    run_id = uuid.uuid4().hex[:12]
    log = Log(run_id)
    dataset = Path(into)
    paths = [Path(p) for p in paths]
    if engine not in ENGINES:
        return _usage(log, f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}", t0)
    if batch_size < 1 or workers < 1:
        return _usage(log, "--batch-size and --workers must be at least 1", t0)
    if not paths:
        return _usage(log, "no input paths given", t0)
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        return _usage(log, f"no such file or folder: {', '.join(missing)}", t0)
    if dataset.exists() and not dataset.is_dir():
        return _usage(log, f"--into {dataset} exists and is not a folder", t0)
    if engine == "spark":
        import importlib.util

        if importlib.util.find_spec("pyspark") is None:
            return _usage(log, "--engine spark needs pyspark: pip install 'newsfacts[spark]'", t0)
        if spark_extract is None:
            return _usage(log, "--engine spark: pass spark_extract=pipeline.spark.IngestExtract", t0)
    if dry_run:
        return _dry_run(paths, dataset, retry_failed=retry_failed, reprocess=reprocess, log=log, t0=t0,
                        lang=lang)

    from filelock import FileLock, Timeout

    try:
        dataset.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(dataset / LOCK), timeout=lock_wait if lock_wait > 0 else 0)
        try:
            lock.acquire()
        except Timeout:
            log("locked", level="warning", dataset=str(dataset), lock=str(dataset / LOCK), waited=lock_wait)
            _summary(status="locked", run_id=run_id, dataset=str(dataset), new=0, skipped=0, failed=0,
                     rows=0, seconds=round(time.perf_counter() - t0, 3))
            return EXIT_LOCKED
        try:
            return _locked_run(paths, dataset, run_id=run_id, log=log, t0=t0, workers=workers,
                               batch_size=batch_size, retry_failed=retry_failed, reprocess=reprocess,
                               engine=engine, spark_extract=spark_extract, settle=settle,
                               lang=lang)
        finally:
            lock.release()
    except (OSError, sqlite3.Error) as e:  # read-only dataset, disk full: say so, no traceback
        return _storage_error(log, dataset, run_id, e, t0)


def _storage_error(log: Log, dataset: Path, run_id: str, e: Exception, t0: float) -> int:
    """The dataset cannot be written (read-only, disk full, permissions): a clear error and the
    summary; what was committed stays as it was (the next run rolls back a half-written batch)."""
    reason = getattr(e, "strerror", None) or str(e)
    message = f"cannot write the dataset {dataset}: {reason} ({type(e).__name__})"
    log("fatal", level="error", error=message)
    _summary(status="error", run_id=run_id, dataset=str(dataset), error=message, new=0, failed=0, rows=0,
             seconds=round(time.perf_counter() - t0, 3))
    return EXIT_FATAL


def _dry_run(paths, dataset: Path, *, retry_failed: bool, reprocess: bool, log: Log, t0: float,
             lang: str | None = None) -> int:
    manifest = Manifest(dataset / MANIFEST) if (dataset / MANIFEST).exists() else None
    try:
        extractor = extractor_key()
        files = _discover(paths, dataset)
        plan, unreadable = plan_run(files, manifest, extractor, retry_failed=retry_failed,
                                    reprocess=reprocess, log=log, lang=lang)
    finally:
        if manifest:
            manifest.close()
    _summary(status="dry_run", would_process=len(plan.todo), already_done=plan.skipped_done,
             failed_skipped=plan.skipped_failed, duplicates=plan.skipped_duplicate, stale=plan.stale,
             unreadable=len(unreadable), seconds=round(time.perf_counter() - t0, 3))
    return EXIT_OK


def _locked_run(paths, dataset: Path, *, run_id: str, log: Log, t0: float, workers: int,
                batch_size: int, retry_failed: bool, reprocess: bool, engine: str,
                spark_extract: Callable | None = None, settle: float = 0.0, lang: str | None = None) -> int:
    manifest = Manifest(dataset / MANIFEST)
    started = _now()
    manifest.db.execute("INSERT INTO runs (run_id, started_at, status) VALUES (?,?,?)",
                        (run_id, started, "running"))
    summary: dict = {"status": "error", "run_id": run_id, "dataset": str(dataset), "engine": engine}
    code = EXIT_FATAL
    runner: Runner | None = None
    extract = None
    run_start_ns = time.time_ns()
    try:
        # we hold the lock: a run still marked running died without finishing (killed, power cut)
        manifest.db.execute("UPDATE runs SET status='killed', finished_at=? WHERE status='running' "
                            "AND run_id<>?", (started, run_id))
        finish_compactions(dataset, manifest, log)
        rolled_back = rollback_pending(dataset, manifest, log)
        if rolled_back or _live_stale(dataset, manifest):  # a crash between a commit and write_live
            write_live(dataset, manifest)
        extractor = extractor_key()
        files, settling = wait_until_settled(_discover(paths, dataset), settle, log)
        plan, unreadable = plan_run(files, manifest, extractor, retry_failed=retry_failed,
                                    reprocess=reprocess, log=log, lang=lang)
        with manifest.transaction() as db:
            db.executemany("INSERT OR REPLACE INTO seen VALUES (?,?,?,?,?)", plan.seen_updates)
        log("start", dataset=str(dataset), files=len(files), todo=len(plan.todo), skipped=plan.skipped,
            hashed=plan.hashed, stale=plan.stale, rolled_back=rolled_back, engine=engine,
            extractor=extractor)
        for path, error in unreadable:
            log("file_unreadable", level="warning", path=path, error=error)
        runner = Runner(dataset, manifest, extractor, run_id, log, plan, engine)
        if plan.todo:
            if engine == "spark" and spark_extract is not None:
                extract = spark_extract(files_per_task=batch_size, workers=workers, log=log)
                runner.run_batch(1, plan.todo, extract)
            else:
                extract = LocalExtract(workers)
                for n, i in enumerate(range(0, len(plan.todo), batch_size), start=1):
                    runner.run_batch(n, plan.todo[i:i + batch_size], extract)
        if runner.batches > 1:  # fewer, larger files: the partitions this run wrote into
            _compact_all(dataset, manifest, log, AUTO_COMPACT_FILES, since_ns=run_start_ns)
        failed = runner.failed + len(unreadable)
        code = EXIT_PARTIAL if failed else EXIT_OK
        summary.update(status="partial" if failed else "ok", new=runner.done + runner.failed,
                       skipped=plan.skipped, failed=failed, rows=runner.rows, articles=runner.articles,
                       batches=runner.batches, skipped_failed=plan.skipped_failed,
                       duplicates=plan.skipped_duplicate, stale=plan.stale, hashed=plan.hashed,
                       settling=settling)
        if runner.fallbacks:
            summary["trained_pipeline_missing"] = runner.fallbacks
    except Exception as e:  # noqa: BLE001 - report, record, exit 1; the next run rolls back
        log("fatal", level="error", error=f"{type(e).__name__}: {e}", traceback=traceback.format_exc())
        summary.update(error=f"{type(e).__name__}: {e}")
        if runner is not None:
            summary.update(new=runner.done + runner.failed, failed=runner.failed, rows=runner.rows)
    finally:
        if extract is not None:
            extract.close()
    summary["seconds"] = round(time.perf_counter() - t0, 3)
    try:
        manifest.db.execute("UPDATE runs SET finished_at=?, status=?, exit_code=?, summary=? WHERE run_id=?",
                            (_now(), summary["status"], code, json.dumps(summary), run_id))
    except sqlite3.Error as e:  # disk full: the run stays `running`, and the next run marks it killed
        log("run_not_recorded", level="error", error=f"{type(e).__name__}: {e}")
    finally:
        manifest.close()
    log("done", **{k: v for k, v in summary.items() if k != "run_id"})
    _summary(**summary)
    return code


# --------------------------------------------------------------------------- compaction
COMPACT_MIN_FILES = 2  # `newsfacts compact`: a partition with this many Parquet files becomes one
AUTO_COMPACT_FILES = 8  # after a run of several batches, the partitions it wrote with this many


def compact(dataset: str | Path, *, lock_wait: float = 0.0, min_files: int = COMPACT_MIN_FILES) -> int:
    """`newsfacts compact DATASET`: rewrite each partition holding several Parquet files as one
    file, under the ingestion lock; exit 0, 75 when locked, 2 when not a dataset, 1 on error.

    Exactly once: the new partition folder is written under `_staging/compact-<id>/new`, the
    intent (its partitions) is committed to the manifest, then per partition the old folder is
    renamed aside and the new one into place; the manifest then marks it done. A crash in
    between is finished by the next `ingest` or `compact` (`finish_compactions`). Readers never
    see a row twice; during the two renames a partition is briefly absent.
    """
    from filelock import FileLock, Timeout

    t0 = time.perf_counter()
    run_id = uuid.uuid4().hex[:12]
    log = Log(run_id)
    dataset = Path(dataset)
    if not (dataset / MANIFEST).exists():
        return _usage(log, f"{dataset} is not an ingestion dataset (no {MANIFEST})", t0)
    lock = FileLock(str(dataset / LOCK), timeout=lock_wait if lock_wait > 0 else 0)
    try:
        lock.acquire()
    except Timeout:
        _summary(status="locked", dataset=str(dataset), seconds=round(time.perf_counter() - t0, 3))
        return EXIT_LOCKED
    manifest = Manifest(dataset / MANIFEST)
    try:
        finish_compactions(dataset, manifest, log)
        rollback_pending(dataset, manifest, log)
        before, after, parts = _compact_all(dataset, manifest, log, min_files)
        write_live(dataset, manifest)
    except (OSError, sqlite3.Error) as e:
        return _storage_error(log, dataset, run_id, e, t0)
    finally:
        manifest.close()
        lock.release()
    _summary(status="ok", dataset=str(dataset), partitions=parts, files_before=before, files_after=after,
             seconds=round(time.perf_counter() - t0, 3))
    return EXIT_OK


def _compact_all(dataset: Path, manifest: Manifest, log: Log, min_files: int,
                 since_ns: int | None = None) -> tuple[int, int, int]:
    """Stage every crowded partition (changed since `since_ns`, if given), commit the intent,
    then swap them in (see `compact`)."""
    import pyarrow.parquet as pq

    crowded = []
    for name in TABLES:
        for part in sorted(p for p in (dataset / name).glob("*/*") if p.is_dir()):
            if since_ns is not None and part.stat().st_mtime_ns < since_ns:
                continue
            files = sorted(part.glob("*.parquet"))
            if len(files) >= min_files:
                crowded.append((name, part, files))
    if not crowded:
        return 0, 0, 0
    digest = hashlib.sha256("\n".join(str(f) for _n, _p, fs in crowded for f in fs).encode()).hexdigest()[:16]
    cid = f"compact-{digest}"
    root = dataset / STAGING / cid
    shutil.rmtree(root, ignore_errors=True)
    rels = []
    for name, part, files in crowded:
        rel = part.relative_to(dataset)
        new_dir = root / "new" / rel
        new_dir.mkdir(parents=True)
        table = pa.concat_tables([pq.read_table(f, schema=file_schema(name)) for f in files])
        pq.write_table(table, new_dir / f"part-c{digest}-0.parquet", compression="zstd",
                       row_group_size=100_000)
        _fsync(new_dir / f"part-c{digest}-0.parquet")
        rels.append(str(rel))
    with manifest.transaction() as db:
        db.execute("INSERT OR REPLACE INTO compactions VALUES (?,?,?,?,?)",
                   (cid, "pending", json.dumps(rels), _now(), None))
    _maybe_crash("compact", 1)
    finish_compactions(dataset, manifest, log)
    return sum(len(fs) for _n, _p, fs in crowded), len(crowded), len(crowded)


def finish_compactions(dataset: Path, manifest: Manifest, log: Log) -> None:
    """Complete the compactions whose intent was committed (idempotent, crash-safe), and drop
    the staged work of any that was not."""
    for cid, rels in manifest.db.execute(
            "SELECT compaction_id, partitions FROM compactions WHERE status='pending'").fetchall():
        root = dataset / STAGING / cid
        for rel in json.loads(rels):
            new, old, live = root / "new" / rel, root / "old" / rel, dataset / rel
            if new.exists():  # not swapped yet (or half): old aside, new in
                if live.exists() and not old.exists():
                    old.parent.mkdir(parents=True, exist_ok=True)
                    os.rename(live, old)
                elif live.exists():  # cannot happen (the lock is held): touch nothing
                    raise RuntimeError(f"compaction {cid}: both {live} and {old} exist; left as is")
                os.rename(new, live)
        shutil.rmtree(root, ignore_errors=True)
        with manifest.transaction() as db:
            db.execute("UPDATE compactions SET status='done', finished_at=? WHERE compaction_id=?",
                       (_now(), cid))
        log("compacted", compaction_id=cid, partitions=len(json.loads(rels)))


# --------------------------------------------------------------------------- status and reading
def _live_stale(dataset: Path, manifest: Manifest) -> bool:
    """Whether _live.parquet misses a commit (it is written right after each one)."""
    path = dataset / LIVE
    if not path.exists():
        return True
    last = manifest.db.execute("SELECT max(committed_at) FROM batches WHERE status='committed'").fetchone()[0]
    written = datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat(timespec="microseconds")
    return last is not None and last > written


def write_live(dataset: Path, manifest: Manifest) -> None:
    """Write DATASET/_live.parquet from the manifest (temporary file, fsync, rename)."""
    import pyarrow.parquet as pq

    rows = manifest.db.execute(LIVE_FILES).fetchall()
    table = pa.table({"input_sha256": pa.array([r[0] for r in rows], pa.string()),
                      "batch_id": pa.array([r[1] for r in rows], pa.string())})
    tmp = dataset / f".{LIVE}.tmp"
    pq.write_table(table, tmp)
    _fsync(tmp)
    os.replace(tmp, dataset / LIVE)


def status(dataset: str | Path) -> int:
    """Print the manifest summary and the last runs of a dataset; 2 when it is not a dataset."""
    path = Path(dataset) / MANIFEST
    if not path.exists():
        sys.stderr.write(f"error: {dataset} is not an ingestion dataset (no {MANIFEST})\n")
        return EXIT_USAGE
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        print(f"dataset: {Path(dataset)}")
        counts = dict(db.execute("SELECT status, count(*) FROM files GROUP BY status").fetchall())
        rows = db.execute(f"SELECT coalesce(sum(n_rows), 0), coalesce(sum(n_articles), 0) "
                          f"FROM ({LIVE_FILES})").fetchone()
        superseded = db.execute("SELECT count(*) FROM files WHERE superseded_by IS NOT NULL").fetchone()[0]
        paths = db.execute("SELECT count(*) FROM seen").fetchone()[0]
        batches = dict(db.execute("SELECT status, count(*) FROM batches GROUP BY status").fetchall())
        extractors = db.execute("SELECT extractor, count(*) FROM files GROUP BY extractor").fetchall()
        print(f"files: {counts.get('done', 0)} done, {counts.get('failed', 0)} failed, "
              f"{counts.get('processing', 0)} processing, {superseded} superseded; {paths} paths seen")
        print(f"latest rows: {rows[0]} statements from {rows[1]} articles")
        print("batches: " + ", ".join(f"{n} {s}" for s, n in sorted(batches.items())) if batches else
              "batches: none")
        for ext, n in extractors:
            print(f"extractor: {ext} ({n} files)")
        failed = db.execute("SELECT path, error FROM files WHERE status='failed' AND superseded_by IS NULL "
                            "ORDER BY updated_at DESC LIMIT 10").fetchall()
        if failed:
            print("failed files (retried with --retry-failed):")
            for p, err in failed:
                print(f"  {p}: {err}")
        print("last runs:")
        for run_id, started, _finished, st, code, summ in db.execute(
                "SELECT run_id, started_at, finished_at, status, exit_code, summary FROM runs "
                "ORDER BY started_at DESC LIMIT 10"):
            s = json.loads(summ) if summ else {}
            print(f"  {started}  {run_id}  {st:<8} exit={code}  new={s.get('new', '-')} "
                  f"skipped={s.get('skipped', '-')} failed={s.get('failed', '-')} rows={s.get('rows', '-')} "
                  f"seconds={s.get('seconds', '-')}")
    finally:
        db.close()
    return EXIT_OK
