"""Per-language knowledge as data: `pipeline/lang/<code>.toml`, merged over `base.toml`.

Each file has one table per capability ([attribution], [speakers], [quantities], [dates],
[entities], ...). Code asks `load("fr")["attribution"]` and never branches on the language code,
so adding a language is adding a file (and a row in models/catalog.toml).
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def ignored() -> set[str]:
    """Language files switched off by `NEWSFACTS_IGNORE_LANG_FILES=cs,ru` (or `all`): those
    languages run on the universal tier, to measure it on languages that have gold sets."""
    return {c.strip() for c in os.environ.get("NEWSFACTS_IGNORE_LANG_FILES", "").split(",") if c.strip()}


def has_file(code: str) -> bool:
    """Whether a language has its own data file (and it is not switched off)."""
    off = ignored()
    return code != "base" and (HERE / f"{code}.toml").exists() and code not in off and "all" not in off


def name(code: str) -> str:
    """The language's English name from the first line of its file ("# Czech ...")."""
    path = HERE / f"{code}.toml"
    first = path.read_text(encoding="utf-8").split("\n", 1)[0] if path.exists() else ""
    return first.lstrip("# ").split(" (")[0].split(";")[0].strip() or code


@cache
def load(code: str) -> dict:
    """The merged data for a language; unknown languages get the base data only."""
    base = tomllib.loads((HERE / "base.toml").read_text(encoding="utf-8"))
    path = HERE / f"{code}.toml"
    if has_file(code):
        return _merge(base, tomllib.loads(path.read_text(encoding="utf-8")))
    return base


def available() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.toml") if p.stem != "base")
