"""The `newsfacts` command: extract, show, models, predict, eval, ingest, status, report.

Exit codes: 0 success, 3 some inputs failed, 2 usage errors, 75 dataset locked (ingest).
On a terminal a progress bar; otherwise JSON-lines logs on stderr.
"""

from __future__ import annotations

import json
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="News articles in, a table of attributed statements out.")

EXIT_OK, EXIT_USAGE, EXIT_PARTIAL, EXIT_LOCKED = 0, 2, 3, 75


class Format(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


class Task(StrEnum):
    attribution = "attribution"
    numbers = "numbers"
    dates = "dates"
    langid = "langid"
    ner = "ner"


def log(event: str, **fields) -> None:
    """One JSON line on stderr (for cron, Airflow and friends)."""
    sys.stderr.write(json.dumps({"ts": round(time.time(), 3), "event": event, **fields},
                                ensure_ascii=False, default=str) + "\n")


def _usage(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.parquet,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    batch_size: Annotated[int, typer.Option(help="Articles per batch.")] = 32,
    progress: Annotated[str, typer.Option(help="auto, always or never.")] = "auto",
) -> None:
    """Extract statements, articles and entities tables from article files."""
    from . import runner, sources, table

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        _usage(f"no such file or folder: {', '.join(missing)}")
    files = list(sources.discover(paths))
    start = time.perf_counter()
    tty = progress == "always" or (progress == "auto" and sys.stderr.isatty())
    if not tty:
        log("start", files=len(files), out=str(out), workers=workers)
    if tty:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        with Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                      transient=True) as bar:
            task = bar.add_task("extract", total=None)
            tables = runner.run(paths, workers=workers, batch_size=batch_size,
                                on_progress=lambda n, _part: bar.advance(task, n))
    else:
        def report(n: int, part) -> None:
            for row in part.articles:
                if row["status"] == "error":
                    log("article_error", path=row["source_path"], error=row["error"])
            log("batch", articles=n, statements=len(part.statements))

        tables = runner.run(paths, workers=workers, batch_size=batch_size, on_progress=report)
    written = table.write(tables, out, fmt.value)
    seconds = time.perf_counter() - start
    failed = sum(1 for a in tables.articles if a["status"] == "error")
    words = sum(len((a["text"] or "").split()) for a in tables.articles)
    summary = {"articles": len(tables.articles), "failed": failed, "statements": len(tables.statements),
               "seconds": round(seconds, 2), "words_per_second": round(words / seconds) if seconds else None,
               "out": str(out)}
    if not tty:
        log("done", **summary, files={k: str(v) for k, v in written.items()})
    typer.echo(f"{summary['articles']} articles ({failed} failed), {summary['statements']} statements "
               f"in {summary['seconds']} s -> {out}/")
    raise typer.Exit(EXIT_PARTIAL if failed else EXIT_OK)


@app.command()
def show(
    out: Annotated[Path, typer.Argument(help="An output folder written by `extract`.")] = Path("out"),
    limit: Annotated[int, typer.Option(help="Rows to show.")] = 20,
    article: Annotated[str | None, typer.Option(help="Only this article id.")] = None,
) -> None:
    """Print a preview of the statements table."""
    from rich.console import Console
    from rich.table import Table

    from . import table

    try:
        df = table.read(out, "statements")
    except FileNotFoundError as e:
        _usage(str(e))
    if article:
        df = df[df["article_id"] == article]
    view = Table(show_lines=False, title=f"{len(df)} statements in {out}/")
    for col in ("speaker", "speaker_mention", "cue", "kind", "statement", "quantities", "dates"):
        view.add_column(col, overflow="fold", max_width=60 if col == "statement" else 24)
    for _, row in df.head(limit).iterrows():
        view.add_row(*[_short(row[c]) for c in ("speaker", "speaker_mention", "cue", "kind", "statement",
                                                 "quantities", "dates")])
    Console(width=max(160, Console().width)).print(view)


def _short(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, list | tuple) or hasattr(value, "tolist"):
        items = value.tolist() if hasattr(value, "tolist") else value
        return "; ".join(f"{'~' if i.get('approx') else ''}{i.get('value')}"
                         + (f" {i['unit']}" if i.get("unit") else "") for i in items)
    text = str(value)
    return text if len(text) <= 160 else text[:157] + "..."


@app.command("models")
def models_cmd() -> None:
    """List every language with its tier, what is installed and how to add more."""
    from rich.console import Console
    from rich.table import Table

    from . import models

    view = Table(title="newsfacts languages (models/catalog.toml)")
    for col in ("lang", "name", "tier", "package", "installed", "effective tier", "install"):
        view.add_column(col, overflow="fold")
    for row in models.describe():
        view.add_row(row["lang"], row["name"], row["tier"], row["package"],
                     ("yes" if row["installed"] else "no") if row["package"] != "-" else "-",
                     row["effective_tier"], row["install"])
    Console(width=200).print(view)
    typer.echo("Other languages run on the rules tier with a blank spaCy pipeline. To add a language: a data "
               "file pipeline/lang/<code>.toml and a row in models/catalog.toml (see models/README.md).")


@app.command()
def predict(
    gold: Annotated[Path, typer.Argument(help="Input records (JSONL) in the shared eval format.")],
    task: Annotated[Task, typer.Option(help="Which task to predict.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Predictions JSONL.")],
) -> None:
    """Predict in the referee's format for a JSONL of eval records."""
    from . import evaluate

    if not gold.exists():
        _usage(f"no such file: {gold}")
    n = evaluate.predict_file(task.value, gold, out)
    typer.echo(f"{n} predictions -> {out}")


@app.command("eval")
def eval_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL in the shared eval format.")],
    task: Annotated[Task, typer.Option(help="Which task to score.")],
    save_predictions: Annotated[Path | None, typer.Option(help="Also write the predictions here.")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the full scores as JSON.")] = None,
) -> None:
    """Predict and score against gold (the same figures as the reference scorer)."""
    from . import evaluate

    if not gold.exists():
        _usage(f"no such file: {gold}")
    result = evaluate.evaluate_file(task.value, gold, save_predictions=save_predictions)
    if json_out:
        json_out.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    evaluate.print_table(task.value, result)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to ingest.")],
    into: Annotated[Path, typer.Option("--into", help="Dataset folder.")],
    workers: Annotated[int, typer.Option()] = 1,
    batch_size: Annotated[int, typer.Option()] = 100,
    retry_failed: Annotated[bool, typer.Option("--retry-failed")] = False,
    reprocess: Annotated[bool, typer.Option("--reprocess")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run")] = False,
    lock_wait: Annotated[float, typer.Option("--lock-wait", help="Seconds to wait for the lock.")] = 0.0,
    engine: Annotated[str, typer.Option(help="local or spark.")] = "local",
) -> None:
    """Incremental, idempotent, crash-safe ingestion into a partitioned Parquet dataset."""
    from . import ingest as ingest_mod

    code = ingest_mod.main(paths, into=into, workers=workers, batch_size=batch_size,
                           retry_failed=retry_failed, reprocess=reprocess, dry_run=dry_run,
                           lock_wait=lock_wait, engine=engine)
    raise typer.Exit(code)


@app.command()
def status(dataset: Annotated[Path, typer.Argument(help="Dataset folder.")]) -> None:
    """Manifest summary and the last runs of a dataset."""
    from . import ingest as ingest_mod

    raise typer.Exit(ingest_mod.status(dataset))


@app.command()
def report(
    out: Annotated[Path, typer.Argument(help="An output folder written by `extract`.")] = Path("out"),
    html: Annotated[Path, typer.Option("--html", help="HTML file to write.")] = Path("out/report.html"),
) -> None:
    """Write an HTML review page of the extracted statements."""
    from . import report as report_mod

    try:
        path = report_mod.write_report(out, html)
    except FileNotFoundError as e:
        _usage(str(e))
    typer.echo(f"report -> {path}")


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
