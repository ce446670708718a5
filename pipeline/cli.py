"""The `newsfacts` command: extract, show, report, models, predict, eval, train, ingest, status.

Exit codes: 0 success, 3 some inputs failed, 2 usage errors, 75 dataset locked (ingest).
Output for people (tables, summaries, errors) goes through rich, which writes colour only to a
terminal and honours NO_COLOR; `extract` writes JSON-lines logs on stderr when not on a terminal.
`--quiet` keeps errors only, `--verbose` adds per-file detail. Every command's --help ends with an
example.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from . import catalog, ops
from .ops import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE  # one set of exit codes for every command

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


class _App(typer.Typer):
    """Typer, but `--show-completion SHELL` / `--install-completion SHELL` honour SHELL: with
    shellingham installed typer makes them flags and detects the parent shell, which fails
    under `sh` ("Shell sh not supported") and ignores the argument."""

    def __call__(self, *args, **kwargs):
        _completion_for_named_shell(sys.argv[1:])
        sys.argv[1:] = hoist_global_options(sys.argv[1:])
        return super().__call__(*args, **kwargs)


GLOBAL_FLAGS = ("--quiet", "-q", "--verbose", "-v")


def hoist_global_options(argv: list[str]) -> list[str]:
    """`newsfacts extract x --quiet` means `newsfacts --quiet extract x`: the global flags are
    accepted after the command too (click would reject them with a wrong suggestion)."""
    if "--" in argv:
        head, tail = argv[:argv.index("--")], argv[argv.index("--"):]
    else:
        head, tail = argv, []
    flags = [a for a in head if a in GLOBAL_FLAGS]
    return flags + [a for a in head if a not in GLOBAL_FLAGS] + tail


def _no_bool_metavar() -> None:
    """Flags show no `<bool>` type in --help (typer's rich help gives every flag one)."""
    from typer.core import TyperOption

    shown = TyperOption.display_type_rich

    def display_type_rich(self, ctx):
        return None if self.is_flag and self.metavar is None else shown(self, ctx)

    TyperOption.display_type_rich = display_type_rich


_no_bool_metavar()


def _completion_for_named_shell(argv: list[str]) -> None:
    option, _, shell = (argv[0].partition("=") if argv else ("", "", ""))
    if option not in ("--show-completion", "--install-completion"):
        return
    shell = shell or (argv[1] if len(argv) > 1 else "")
    if shell not in SHELLS:
        return  # typer's own detection
    from typer._completion_shared import get_completion_script, install

    names = {"prog_name": "newsfacts", "complete_var": "_NEWSFACTS_COMPLETE"}
    if option == "--show-completion":
        typer.echo(get_completion_script(shell=shell, **names))
    else:
        shell, path = install(shell=shell, **names)
        typer.echo(f"{shell} completion installed in {path}")
    raise SystemExit(0)


app = _App(
    add_completion=True, no_args_is_help=True, rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
    help="News articles in, a table of attributed statements out.\n\n"
         "Quick start: `newsfacts extract articles/ -o out/`, then "
         "`newsfacts report out/ -o report.html`.",
)

QUIET, NORMAL, VERBOSE = -1, 0, 1
_verbosity = NORMAL


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


def _version(value: bool) -> None:
    if value:
        from .version import package_version

        typer.echo(f"newsfacts {package_version()}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Print more detail (each failed file).")]
    = False,
) -> None:
    """News articles in, a table of attributed statements out."""
    global _verbosity
    _verbosity = QUIET if quiet else VERBOSE if verbose else NORMAL


def _console(stderr: bool = False):
    """A rich console: colour only on a terminal, NO_COLOR honoured (rich reads it); the terminal's
    width or $COLUMNS, else 160 columns when writing to a file or pipe so tables stay readable."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    sized = stream.isatty() or os.environ.get("COLUMNS", "").isdigit()
    return Console(file=stream, width=None if sized else 160, highlight=False)


def say(message: str) -> None:
    """A message for people on stdout, unless --quiet."""
    if _verbosity > QUIET:
        _console().print(message, markup=False)


def log(event: str, **fields) -> None:
    """One JSON line on stderr (for cron, Airflow and friends), in the format `ingest` writes."""
    ops.log(event, **fields)


def _usage(message: str) -> None:
    from rich.text import Text

    _console(stderr=True).print(Text.assemble(("error: ", "bold red"), _printable(message)), soft_wrap=True)
    raise typer.Exit(EXIT_USAGE)


CUE_CLASS_HELP = ("Keep only statements of these cue classes (comma-separated: speech, thought, intention, "
                  "perception_or_document, according_to; default all).")
# options extract and ingest share
ReferenceDate = Annotated[str | None, typer.Option(
    "--reference-date", help="Publication date (YYYY-MM-DD) for articles that carry none.")]
TimeBudget = Annotated[float, typer.Option(
    "--time-budget", metavar="SECONDS",
    help="Seconds one article may take; over it, the article becomes an error row (0: no limit).")]


def _cue_classes(value: str | None, task: Task = Task.attribution) -> set[str] | None:
    from .components.statement import parse_cue_classes

    if value is not None and task != Task.attribution:
        _usage("--cue-class applies to --task attribution only")
    try:
        return parse_cue_classes(value)
    except ValueError as e:
        _usage(str(e))


# C0/C1 controls but newline and tab, and the bidirectional overrides: an article's text must not
# drive the terminal (set its title, clear it, hide text) when `show` prints it.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _printable(value):
    """Text safe to print to a terminal; lists and dicts are cleaned inside."""
    if isinstance(value, str):
        return _CONTROLS.sub("", value)
    if isinstance(value, list):
        return [_printable(v) for v in value]
    if isinstance(value, dict):
        return {k: _printable(v) for k, v in value.items()}
    return value


def _count_articles(files: list[Path]) -> int:
    """Articles the progress bar will count (it advances per article): one per file, one per
    non-blank line of a JSON-lines file."""
    from .sources import SUFFIXES

    total = 0
    for f in files:
        if SUFFIXES.get(f.suffix.lower()) != "jsonl":
            total += 1
            continue
        try:
            with f.open("rb") as lines:
                total += max(1, sum(1 for line in lines if line.strip()))
        except OSError:
            total += 1
    return total


def _set_time_budget(seconds: float) -> None:
    """The per-article time budget, through the environment so that worker processes see it."""
    from .sources import BUDGET_ENV

    if seconds < 0:
        _usage("--time-budget must be 0 (no limit) or more seconds")
    os.environ[BUDGET_ENV] = str(seconds)


def _require(paths: list[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        _usage(f"no such file or folder: {', '.join(missing)}")


def _set_reference_date(value: str | None) -> None:
    """`--reference-date`: the anchor of articles without a date, for this process and its workers
    (sources.reference_date reads it); relative dates stay unresolved without it."""
    if value is None:
        return
    from datetime import date

    try:
        day = date.fromisoformat(value)
    except ValueError:
        _usage(f"--reference-date {value!r} is not a date; expected YYYY-MM-DD")
    os.environ["NEWSFACTS_REFERENCE_DATE"] = day.isoformat()


@app.command(epilog="Example: newsfacts extract articles/ feed.jsonl -o out/ --format parquet --workers 2")
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    fmt: Annotated[Format, typer.Option("--format", "-f", case_sensitive=False, help="Table format.")]
    = Format.parquet,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    batch_size: Annotated[int, typer.Option(help="Articles per batch.")] = 32,
    progress: Annotated[str, typer.Option(help="auto, always or never.")] = "auto",
    cue_class: Annotated[str | None, typer.Option("--cue-class", help=CUE_CLASS_HELP)] = None,
    reference_date: ReferenceDate = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", help="Run every article in this language (ISO 639 code), whatever its hint.")] = None,
    time_budget: TimeBudget = 60.0,
    follow_symlinks: Annotated[bool, typer.Option(
        "--follow-symlinks", help="In folders, also read symlinks that lead outside the folder.")] = False,
) -> None:
    """Extract the statements, articles and entities tables from article files.

    Reads .txt, .json, .jsonl and .html files; writes OUT/statements.parquet, OUT/articles.parquet
    and OUT/entities.parquet (or .csv, .jsonl). Exit 3 when some inputs failed (they are in
    `articles` with their error).
    """
    from . import runner, sources, table

    _require(paths)
    _set_reference_date(reference_date)
    _set_time_budget(time_budget)
    if progress not in ("auto", "always", "never"):
        _usage(f"unknown --progress {progress!r}; expected auto, always or never")
    classes = _cue_classes(cue_class)
    _force_language(lang)
    files = list(sources.discover(paths, follow_symlinks=follow_symlinks))
    start = time.perf_counter()
    failed: list[dict] = []
    words = 0
    fallbacks: dict[str, str] = {}  # language -> why its catalogued trained pipeline did not run

    ids: set[str] = set()

    def tally(part) -> None:
        """Failures and words, counted per batch: the rows are Arrow once the batch is reported."""
        nonlocal words
        failed.extend(a for a in part.articles if a["status"] == "error")
        for a in part.articles:
            if catalog.is_missing_pipeline(a.get("tier_reason")):
                fallbacks.setdefault(a["language"], a["tier_reason"])
        words += sum(len((a["text"] or "").split()) for a in part.articles)
        for a in part.articles:  # repeated ids give repeated statement ids: say so
            if a["article_id"] in ids:
                log("duplicate_article_id", level="warning", article_id=a["article_id"],
                    path=a["source_path"], message="another article has this id: its statement ids repeat")
            ids.add(a["article_id"])
    tty = _verbosity > QUIET and (progress == "always" or (progress == "auto" and sys.stderr.isatty()))
    if not tty and _verbosity > QUIET:
        log("start", files=len(files), out=str(out), workers=workers)
    if tty:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        with Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                      transient=True, console=_console(stderr=True)) as bar:
            task = bar.add_task("extract", total=_count_articles(files) or None)
            tables = runner.run(paths, workers=workers, batch_size=batch_size, freeze=True,
                                follow_symlinks=follow_symlinks,
                                on_progress=lambda n, part: (tally(part), bar.advance(task, n)))
    else:
        def report(n: int, part) -> None:
            tally(part)
            for row in part.articles:
                if row["status"] == "error":
                    log("article_error", path=row["source_path"], error=row["error"])
            if _verbosity > QUIET:
                log("batch", articles=n, statements=len(part.statements))

        tables = runner.run(paths, workers=workers, batch_size=batch_size, on_progress=report, freeze=True,
                            follow_symlinks=follow_symlinks)
    tables = table.keep_cue_classes(tables, classes)
    written = table.write(tables, out, fmt.value)
    seconds = time.perf_counter() - start
    summary = {"articles": tables.count("articles"), "failed": len(failed),
               "statements": tables.count("statements"),
               "seconds": round(seconds, 2), "words_per_second": round(words / seconds) if seconds else None,
               "out": str(out)}
    if not tty and _verbosity > QUIET:
        log("done", **summary, files={k: str(v) for k, v in written.items()})
    if tty and _verbosity >= VERBOSE:
        for a in failed:
            _console(stderr=True).print(f"failed: {a['source_path']}: {a['error']}", markup=False)
    say(f"{summary['articles']} articles ({len(failed)} failed), {summary['statements']} statements "
        f"in {summary['seconds']} s -> {out}/")
    for code, why in sorted(fallbacks.items()):
        _console(stderr=True).print(f"warning: {code}: {why}", style="yellow", markup=False)
    raise typer.Exit(EXIT_PARTIAL if failed else EXIT_OK)


def _force_language(lang: str | None) -> None:
    """`--lang`: through the environment, so that worker processes and ingest batches see it too.
    Without it nothing is imported: a no-op `ingest` must not pay for loading spaCy."""
    if lang is None:
        return
    from .runner import FORCE_ENV

    code = lang.strip().lower()
    if not (2 <= len(code) <= 3 and code.isalpha()):
        _usage(f"--lang wants an ISO 639 code such as fr or pcm, not {lang!r}")
    os.environ[FORCE_ENV] = code


@app.command(epilog="Examples: newsfacts show corpus/fr/seed-000_7b3a8ad300d317d9.txt --html seed.html "
                    "· newsfacts show out/ --limit 20")
def show(
    path: Annotated[Path, typer.Argument(
        help="An article file (.txt .json .jsonl .html), a folder of articles, an output folder of `extract` "
             "or an `ingest` dataset.")] = Path("out"),
    html: Annotated[Path | None, typer.Option("--html", help="Also write the highlighted article(s) here.")]
    = None,
    limit: Annotated[int | None, typer.Option(
        help="Statements to print (default: all for article files, 20 for tables).")] = None,
    article: Annotated[str | None, typer.Option(help="Only this article id.")] = None,
) -> None:
    """Print each statement of an article: speaker, cue, kind, statement, quantities, dates.

    Given article files, runs the extraction on them (nothing is written but the --html page).
    Given an output folder or a dataset, reads its tables. With --html, writes a page where the
    speaker mentions (with the resolved speaker), cues, contents, quantities and dates are highlighted.
    """
    from . import highlight, report, sources

    _require([path])
    if path.is_dir() and (report.is_dataset(path) or _has_tables(path)):
        batch = report.load(path)
        articles, statements = batch.articles, batch.statements
        limit = 20 if limit is None else limit
    else:
        if path.is_file() and path.suffix.lower() not in sources.SUFFIXES:
            _usage(f"cannot read {path}: unknown file type {path.suffix or '(no extension)'!r}; known types: "
                   f"{', '.join(sorted(sources.SUFFIXES))}, or an output folder of `newsfacts extract`")
        import pipeline

        frames = pipeline.Extractor().run([path]).frames()
        articles, statements = frames["articles"], frames["statements"]
    if article:
        articles = articles[articles["article_id"] == article]
        statements = statements[statements["article_id"] == article]
        if articles.empty and statements.empty:
            _usage(f"no article with id {article!r} in {path}")
    art_rows = highlight.records(articles)
    shown = statements if limit is None else statements.head(limit)
    st_rows = highlight.records(shown)
    if _verbosity > QUIET:
        _print_statements(art_rows, st_rows, total=len(statements))
    if html:
        ids = {a["article_id"] for a in art_rows} if limit is None else {s["article_id"] for s in st_rows}
        page_articles = highlight.records(articles[articles["article_id"].isin(list(ids))])
        page_statements = highlight.records(statements[statements["article_id"].isin(list(ids))])
        html.parent.mkdir(parents=True, exist_ok=True)
        page = highlight.articles_page(page_articles, page_statements, title=f"newsfacts: {path.name}")
        html.write_text(page, encoding="utf-8")
        say(f"highlighted -> {html}")
    failed = [a for a in art_rows if a.get("status") == "error"]
    raise typer.Exit(EXIT_PARTIAL if failed else EXIT_OK)




def _has_tables(folder: Path) -> bool:
    from .table import FORMATS

    return any((folder / f"{name}.{fmt}").exists() for name in ("statements", "articles") for fmt in FORMATS)


def _print_statements(articles: list[dict], statements: list[dict], total: int) -> None:
    """One rich table per article, in the colours of the HTML page; failed articles as one line."""
    from rich.text import Text

    articles, statements = _printable(articles), _printable(statements)
    console = _console()
    by_article: dict = {}
    for st in statements:
        by_article.setdefault(st.get("article_id"), []).append(st)
    for art in articles:
        if art.get("status") == "error":
            console.print(Text.assemble(("failed ", "bold red"), f"{art.get('source_path')}: ",
                                        str(art.get("error"))))
            continue
        rows = by_article.pop(art.get("article_id"), [])
        if not rows and len(statements) < total:
            continue  # cut by --limit
        _print_article(console, art, rows)
    for aid, rows in by_article.items():  # statements without an article row
        _print_article(console, {"article_id": aid}, rows)
    if len(statements) < total:
        console.print(f"… {total - len(statements)} more statements (use --limit)", style="dim")


def _print_article(console, art: dict, rows: list[dict]) -> None:
    from rich.table import Table

    from .highlight import article_label, date_value, numbered_statements, quantity_value

    meta = " · ".join(str(v) for v in (art.get("language"), art.get("published"), art.get("article_id")) if v)
    view = Table(title=article_label(art), caption=f"{meta} · {len(rows)} statements", title_justify="left",
                 caption_justify="left", show_lines=True, expand=True)
    view.add_column("#", justify="right")
    view.add_column("speaker", style="green", ratio=2, overflow="fold")
    view.add_column("cue", style="bold cyan", no_wrap=True)
    view.add_column("kind", no_wrap=True)
    view.add_column("statement", ratio=5, overflow="fold")
    view.add_column("quantities", style="yellow", ratio=2, overflow="fold")
    view.add_column("dates", style="magenta", ratio=2, overflow="fold")
    for n, st in numbered_statements(rows):
        speaker = st.get("speaker") or ""
        mention = st.get("speaker_mention")
        if mention and speaker.casefold() not in mention.casefold():
            speaker = f"{speaker} ← {mention}" if speaker else mention
        quantities = st.get("quantities")
        dates = st.get("dates")
        view.add_row(str(n), speaker, st.get("cue") or "", st.get("kind") or "", _short(st.get("statement")),
                     "; ".join(quantity_value(q) for q in quantities) if isinstance(quantities, list)
                     else str(quantities or ""),
                     "; ".join(f"{d.get('text')} = {date_value(d)}" for d in dates) if isinstance(dates, list)
                     else str(dates or ""))
    console.print(view)


def _short(value) -> str:
    if value is None:
        return ""
    text = str(value)
    return text if len(text) <= 300 else text[:297] + "..."


@app.command("models", epilog="Example: newsfacts models")
def models_cmd() -> None:
    """List every language with its tier, what is installed and how to add more."""
    from rich.table import Table

    from . import models

    view = Table(title="newsfacts languages (pipeline/data/catalog.toml)")
    for col in ("lang", "name", "tier", "package", "installed", "effective tier", "install"):
        view.add_column(col, overflow="fold")
    for row in models.describe():
        view.add_row(row["lang"], row["name"], row["tier"], row["package"],
                     ("yes" if row["installed"] else "no") if row["package"] != "-" else "-",
                     row["effective_tier"], row["install"])
    console = _console()
    console.print(view)
    console.print("Languages without a data file run on the universal tier (row *): statements from quotes "
                  "in any script, dash and colon layouts, capitalised names, no lexicon. To add a language: "
                  "a data file pipeline/lang/<code>.toml and a row in pipeline/data/catalog.toml "
                  "(see models/README.md).",
                  markup=False)


@app.command(epilog="Example: newsfacts predict --task attribution gold.jsonl -o pred.jsonl")
def predict(
    gold: Annotated[Path, typer.Argument(help="Input records (JSONL) in the shared eval format.")],
    task: Annotated[Task, typer.Option(help="Which task to predict.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Predictions JSONL.")],
    cue_class: Annotated[str | None, typer.Option("--cue-class", help=CUE_CLASS_HELP)] = None,
) -> None:
    """Predict in the referee's format for a JSONL of eval records."""
    from . import evaluate

    _require([gold])
    _check_gold(gold, task.value)
    n = evaluate.predict_file(task.value, gold, out, cue_classes=_cue_classes(cue_class, task))
    say(f"{n} predictions -> {out}")


def _check_gold(path: Path, task: str) -> None:
    """One line naming the file, the line and the fault for a malformed JSONL (exit 2), not a
    traceback: each non-blank line must be a JSON object with its text ("input" for numbers and
    dates, "text" otherwise) as a string."""
    key = "input" if task in ("numbers", "dates") else "text"
    try:
        with path.open(encoding="utf-8") as f:
            for n, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    _usage(f"{path}, line {n}: invalid JSON ({e.msg} at column {e.colno})")
                if not isinstance(rec, dict):
                    _usage(f"{path}, line {n}: expected a JSON object, got {type(rec).__name__}")
                if not isinstance(rec.get(key), str):
                    _usage(f"{path}, line {n}: the record has no {key!r} string")
    except UnicodeDecodeError as e:
        _usage(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})")


@app.command("eval", epilog="Example: newsfacts eval --task attribution gold.jsonl --json scores.json")
def eval_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL in the shared eval format.")],
    task: Annotated[Task, typer.Option(help="Which task to score.")],
    save_predictions: Annotated[Path | None, typer.Option(help="Also write the predictions here.")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the full scores as JSON.")] = None,
    cue_class: Annotated[str | None, typer.Option("--cue-class", help=CUE_CLASS_HELP)] = None,
) -> None:
    """Predict and score against gold (the same figures as the reference scorer).

    `--cue-class speech,according_to` scores against a quotes-only scheme (GenderGapTracker's)."""
    from . import evaluate

    _require([gold])
    _check_gold(gold, task.value)
    try:
        result = evaluate.evaluate_file(task.value, gold, save_predictions=save_predictions,
                                        cue_classes=_cue_classes(cue_class, task))
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as e:
        _usage(f"{gold}: a record does not have the shape the {task.value} task expects "
               f"({type(e).__name__}: {e})")
    if json_out:
        json_out.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    evaluate.print_table(task.value, result)


@app.command(epilog="Example: newsfacts train --task attribution gold.jsonl --dev dev.jsonl -o models/mine/")
def train(
    gold: Annotated[list[Path], typer.Argument(help="Annotated articles (JSONL, the shared eval format).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Model folder; gets statement_scorer.json.")],
    task: Annotated[Task, typer.Option(help="What to train (only attribution).")] = Task.attribution,
    dev: Annotated[Path | None, typer.Option(help="Held-out gold: scores with and without it.")] = None,
    limit: Annotated[int | None, typer.Option(help="Only the first N articles of each file.")] = None,
) -> None:
    """Train the statement scorer on annotated articles (see docs/training.md)."""
    if task is not Task.attribution:
        _usage("only --task attribution can be trained")
    _require([*gold, *([dev] if dev else [])])
    from . import train as trainer

    path = trainer.train(gold, out, dev=dev, log=say, limit=limit)
    say(f"use it: `statement_scorer = \"{path.resolve()}\"` in a catalog row (docs/training.md)")


@app.command(epilog="Example: newsfacts ingest inbox/ --into dataset/ --batch-size 100 --workers 2")
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to ingest.")],
    into: Annotated[Path, typer.Option("--into", help="Dataset folder.")],
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    batch_size: Annotated[int, typer.Option(help="Files per committed batch.")] = 100,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Process failed files again.")] = False,
    reprocess: Annotated[bool, typer.Option("--reprocess", help="Process every given file again.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Say what would be done, write nothing.")]
    = False,
    lock_wait: Annotated[float, typer.Option("--lock-wait", help="Seconds to wait for the lock.")] = 0.0,
    engine: Annotated[str, typer.Option(help="local or spark.")] = "local",
    reference_date: ReferenceDate = None,
    time_budget: TimeBudget = 60.0,
    settle: Annotated[float, typer.Option(
        "--settle", metavar="SECONDS",
        help="Ingest a file only once its size and mtime have not changed for this long (a file still "
             "being copied waits for the next run).")] = 1.0,
    lang: Annotated[str | None, typer.Option(
        "--lang", metavar="CODE",
        help="Run every file in this language (ISO 639 code), whatever its hint; with --reprocess, "
             "redo only the files of this language.")] = None,
) -> None:
    """Incremental, idempotent, crash-safe ingestion into a partitioned Parquet dataset.

    JSON-lines logs on stderr, a JSON summary as the last line of stdout. Exit 75 when another
    ingestion holds the dataset's lock.
    """
    from . import ingest as ingest_mod

    spark_extract = None
    if engine == "spark":  # the CLI picks the engine; ingest never imports spark (spark builds on ingest)
        from .spark import IngestExtract as spark_extract
    _set_reference_date(reference_date)
    _set_time_budget(time_budget)
    _force_language(lang)
    code = ingest_mod.main(paths, into=into, workers=workers, batch_size=batch_size,
                           retry_failed=retry_failed, reprocess=reprocess, dry_run=dry_run,
                           lock_wait=lock_wait, engine=engine, spark_extract=spark_extract, settle=settle,
                           lang=lang)
    raise typer.Exit(code)


@app.command(epilog="Example: newsfacts compact dataset/")
def compact(
    dataset: Annotated[Path, typer.Argument(help="Dataset folder.")],
    lock_wait: Annotated[float, typer.Option("--lock-wait", metavar="SECONDS",
                                             help="Seconds to wait for the lock.")] = 0.0,
) -> None:
    """Rewrite each partition of an `ingest` dataset that holds several Parquet files as one file.

    Under the ingestion lock, exactly once and crash-safe (a killed compaction is finished by the
    next `ingest` or `compact`). A JSON summary on stdout; exit 75 when the dataset is locked.
    """
    from . import ingest as ingest_mod

    raise typer.Exit(ingest_mod.compact(dataset, lock_wait=lock_wait))


@app.command(epilog="Example: newsfacts status dataset/")
def status(dataset: Annotated[Path, typer.Argument(help="Dataset folder.")]) -> None:
    """Manifest summary and the last runs of a dataset."""
    from . import ingest as ingest_mod

    raise typer.Exit(ingest_mod.status(dataset))


@app.command(epilog="Examples: newsfacts report out/ -o report.html · newsfacts report dataset/ -o "
                    "/srv/www/news/report.html --pages 200")
def report(
    source: Annotated[Path, typer.Argument(
        help="An output folder of `extract` (parquet, csv or jsonl) or an `ingest` dataset.")] = Path("out"),
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="HTML file to write (default: SOURCE/report.html).")] = None,
    pages: Annotated[int, typer.Option(help="At most this many highlighted article pages (0: none).")]
    = 1000,
    html: Annotated[Path | None, typer.Option("--html", hidden=True, help="Deprecated: use --out.")] = None,
) -> None:
    """Write a self-contained HTML report of a batch, and a highlighted page per article.

    Charts (inline SVG, no JavaScript, no network): articles per language and day, statements per
    kind, top speakers and organisations; then the largest quantities with their statements, the
    failed articles and why, and links to the articles' pages in the folder NAME_articles/ next
    to the report NAME.html.
    """
    from . import report as report_mod

    if html is not None:
        _console(stderr=True).print("warning: --html is deprecated; use --out/-o", style="yellow")
        out = out or html
    out = out or source / "report.html"
    _require([source])
    try:
        path = report_mod.write_report(source, out, max_pages=pages)
    except FileNotFoundError as e:
        _usage(str(e))
    say(f"report -> {path}")


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
