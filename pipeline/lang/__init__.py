"""Per-language knowledge as data: `pipeline/lang/<code>.toml`, merged over `base.toml`.

Each file has one table per capability ([attribution], [speakers], [quantities], [dates],
[entities], ...). Code asks `load("fr")["attribution"]` and never branches on the language code,
so adding a language is adding a file (and a row in pipeline/data/catalog.toml).
"""

from __future__ import annotations

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


@cache
def load(code: str) -> dict:
    """The merged data for a language; unknown languages get the base data only."""
    base = tomllib.loads((HERE / "base.toml").read_text(encoding="utf-8"))
    path = HERE / f"{code}.toml"
    if path.exists():
        return _merge(base, tomllib.loads(path.read_text(encoding="utf-8")))
    return base


def available() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.toml") if p.stem != "base")
