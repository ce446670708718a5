"""Quality floors from tests/baseline.toml; run as a script to print them beside the measured figures.

Refresh the measured figures after a change that moves them:

    NEWSFACTS_BASELINE_OUT=/tmp/figures.jsonl .venv/bin/pytest -q -m eval
    .venv/bin/python tests/baseline.py --update /tmp/figures.jsonl

The first line makes every floor check append the figures it saw; the second writes them into the
`measured` rows of baseline.toml. Floors stay as they are: raise one by hand (to ~2 points under
its measured figure) when a change lifts it for good.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tomllib
from pathlib import Path

PATH = Path(__file__).with_name("baseline.toml")
OUT_ENV = "NEWSFACTS_BASELINE_OUT"


def _table() -> dict:
    with open(PATH, "rb") as f:
        return tomllib.load(f)


def floor(task: str, name: str) -> dict[str, float]:
    return _table()[task][name]["floor"]


def measured(task: str, name: str) -> dict[str, float]:
    return _table()[task][name]["measured"]


def lookup(result: dict, key: str) -> float | None:
    """`"en|ALL.det_recall"` -> result["en|ALL"]["det_recall"]; `"F1"` -> result["F1"]."""
    row, _, metric = key.rpartition(".")
    scope = result.get(row) if row else result
    return scope.get(metric) if isinstance(scope, dict) else None


def check(task: str, name: str, result: dict) -> list[str]:
    """Every floor of [task.name] that `result` falls under (empty when all hold); records the figures."""
    floors = floor(task, name)
    seen = {key: lookup(result, key) for key in floors}
    _record(task, name, seen)
    return [f"{task}.{name} {key}: {seen[key]} < floor {value}" for key, value in floors.items()
            if seen[key] is None or seen[key] < value]


def _record(task: str, name: str, figures: dict) -> None:
    out = os.environ.get(OUT_ENV)
    if out:
        with open(out, "a", encoding="utf-8") as f:
            f.write(json.dumps({"task": task, "name": name, "figures": figures}) + "\n")


def _inline(values: dict) -> str:
    return "{ " + ", ".join(f"{json.dumps(k)} = {round(v, 2) if isinstance(v, float) else v}"
                            for k, v in values.items()) + " }"


def update(figures_path: Path) -> int:
    """Write recorded figures into the `measured = {...}` line of each [task.name] table."""
    text = PATH.read_text(encoding="utf-8")
    n = 0
    for line in figures_path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        header = re.escape(f"[{rec['task']}.{rec['name']}]")
        pattern = re.compile(rf"(^{header}\n(?:#.*\n)*)measured = .*$", re.M)
        figures = {k: v for k, v in rec["figures"].items() if v is not None}
        text, count = pattern.subn(lambda m, f=figures: m.group(1) + "measured = " + _inline(f), text)
        n += count
    PATH.write_text(text, encoding="utf-8")
    return n


if __name__ == "__main__":
    if sys.argv[1:2] == ["--update"]:
        print(f"{update(Path(sys.argv[2]))} measured rows updated in {PATH}")
        sys.exit(0)
    for task, entries in _table().items():
        for name, entry in entries.items():
            for key, value in entry["floor"].items():
                print(f"{task}.{name}.{key}: floor {value}, measured {entry['measured'].get(key)}")
