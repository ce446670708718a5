"""Language -> spaCy pipeline, from models/catalog.toml, loaded once per process.

The trained tier loads an installed spaCy package; the rules tier (or a trained language whose
package is missing) gets a blank pipeline with a sentencizer and rule-based NER. Either way the
newsfacts components are added in the order quantities -> dates -> attribution -> speakers.
"""

from __future__ import annotations

import importlib.util
import tomllib
import warnings
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)

CATALOG_PATHS = [Path(__file__).resolve().parent.parent / "models" / "catalog.toml",
                 Path(__file__).resolve().parent / "catalog.toml"]
COMPONENTS = ["newsfacts_quantities", "newsfacts_dates", "newsfacts_attribution", "newsfacts_speakers"]
FALLBACK = "xx"  # spaCy's multi-language blank pipeline for languages without a catalog row


@dataclass
class Loaded:
    nlp: Language
    lang: str
    tier: str
    model: str  # package==version, or "blank:<lang>"


@cache
def catalog() -> dict:
    for path in CATALOG_PATHS:
        if path.exists():
            return tomllib.loads(path.read_text(encoding="utf-8")).get("languages", {})
    return {}


def installed(package: str | None) -> bool:
    return bool(package) and importlib.util.find_spec(package) is not None


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        try:
            return metadata.version(package.replace("_", "-"))
        except metadata.PackageNotFoundError:
            return "?"


@cache
def load(lang: str) -> Loaded:
    """The pipeline for a language code; cached so each process loads each model once."""
    row = catalog().get(lang, {})
    tier = row.get("tier", "rules")
    package = row.get("package")
    if tier in ("trained", "transformers") and installed(package):
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r".*\[W095\].*")
            nlp = spacy.load(package)
        model = f"{package}=={_version(package)}"
        nlp.add_pipe("newsfacts_entities", config={"mode": "fixup"})
        tier = "trained"
    else:
        tier = "rules"
        code = lang if lang in catalog() or _has_blank(lang) else FALLBACK
        nlp = spacy.blank(code, config=row.get("blank_config") or {})
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("newsfacts_entities", config={"mode": "rules"})
        model = f"blank:{code}"
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return Loaded(nlp, lang, tier, model)


def _has_blank(lang: str) -> bool:
    try:
        spacy.util.get_lang_class(lang)
        return True
    except ImportError:
        return False


def describe() -> list[dict]:
    """One row per catalog language: tier, package, whether it is installed, how to install."""
    rows = []
    for code, row in sorted(catalog().items()):
        package = row.get("package")
        rows.append({
            "lang": code, "name": row.get("name", code), "tier": row.get("tier", "rules"),
            "package": package or "-", "installed": installed(package) if package else True,
            "effective_tier": row.get("tier", "rules") if (not package or installed(package)) else "rules",
            "install": row.get("install", "-"),
        })
    return rows
