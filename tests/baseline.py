"""Quality floors from tests/baseline.toml; run as a script to print them beside today's figures."""

from __future__ import annotations

import tomllib
from pathlib import Path

PATH = Path(__file__).with_name("baseline.toml")


def _table() -> dict:
    with open(PATH, "rb") as f:
        return tomllib.load(f)


def floor(task: str, name: str) -> dict[str, float]:
    return _table()[task][name]["floor"]


def measured(task: str, name: str) -> dict[str, float]:
    return _table()[task][name]["measured"]


if __name__ == "__main__":
    for task, entries in _table().items():
        for name, entry in entries.items():
            for key, value in entry["floor"].items():
                print(f"{task}.{name}.{key}: floor {value}, measured {entry['measured'].get(key)}")
