"""The package version, without importing spaCy or anything else heavy.

`newsfacts --version` and the ingest extractor key both need it; importing `runner` for it
would load spaCy (seconds) just to print one line.
"""

from __future__ import annotations

from importlib import metadata

UNKNOWN = "0+unknown"


def package_version() -> str:
    """The installed distribution's version, or `0+unknown` when run from a bare checkout."""
    try:
        return metadata.version("newsfacts")
    except metadata.PackageNotFoundError:
        return UNKNOWN


def extractor_version(model: str | None = None) -> str:
    """`newsfacts==X` plus the model that ran, as written in the `extractor` column."""
    base = f"newsfacts=={package_version()}"
    return f"{base} {model}" if model else base
