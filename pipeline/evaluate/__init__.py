"""`newsfacts predict` and `newsfacts eval`: prediction and scoring for the shared gold formats.

One module per task (attribution, numbers, dates, langid, ner), each with
`predict(records) -> Iterator[dict]` (the referee's prediction format) and
`score(gold, pred) -> dict` (the same figures as ../shared/tools/referee.py).
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable
from pathlib import Path

TASKS = ("attribution", "numbers", "dates", "langid", "ner")


def task_module(task: str):
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r}; expected one of {', '.join(TASKS)}")
    return importlib.import_module(f"{__name__}.{task}")


def read_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(rows: Iterable[dict], path: str | Path) -> int:
    n = 0
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def predict_file(task: str, records_path: str | Path, out_path: str | Path, **options) -> int:
    """`options` go to the task's `predict` (attribution: `cue_classes`); None values are dropped."""
    options = {k: v for k, v in options.items() if v is not None}
    return write_jsonl(task_module(task).predict(read_jsonl(records_path), **options), out_path)


def evaluate_file(task: str, gold_path: str | Path, save_predictions: str | Path | None = None,
                  **options) -> dict:
    mod = task_module(task)
    gold = read_jsonl(gold_path)
    options = {k: v for k, v in options.items() if v is not None}
    pred = list(mod.predict(gold, **options))
    if save_predictions:
        write_jsonl(pred, save_predictions)
    return mod.score(gold, pred)


def _table_rows(result: dict) -> dict[str, dict]:
    """Result rows as {name: {column: scalar}}; a dict of dicts becomes "parent|child" rows."""
    rows: dict[str, dict] = {}
    for name, value in result.items():
        if not isinstance(value, dict):
            continue
        if value and all(isinstance(v, dict) for v in value.values()):
            rows.update({f"{name}|{child}": v for child, v in value.items()})
        else:
            rows[name] = value
    return rows


def print_table(task: str, result: dict) -> None:
    """Rows grouped by their columns, one table per group, then the scalar figures and the headline."""
    from rich.console import Console
    from rich.table import Table

    groups: dict[tuple[str, ...], dict[str, dict]] = {}
    for name, row in _table_rows(result).items():
        groups.setdefault(tuple(row), {})[name] = row
    console = Console(width=200)
    for n, (cols, rows) in enumerate(groups.items()):
        view = Table(title=f"newsfacts eval --task {task}" if n == 0 else None)
        view.add_column("")
        for c in cols:
            view.add_column(c, justify="right")
        for name, row in rows.items():
            view.add_row(name, *["" if row.get(c) is None else str(row.get(c)) for c in cols])
        console.print(view)
    for name, value in result.items():
        if name != "headline" and not isinstance(value, dict):
            console.print(f"{name}: {value}")
    print(result.get("headline", ""))
