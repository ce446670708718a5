"""Language -> spaCy pipeline, from models/catalog.toml, loaded once per process.

The trained tier loads an installed spaCy package; the rules tier (or a trained language whose
package is missing) gets a blank pipeline with a sentencizer and rule-based NER; the transformers
tier adds a Hugging Face token-classification model (`transformers_model` in the catalog row) on
top of either. Whatever is missing degrades to the next tier, and `Loaded.tier` says what ran.
The newsfacts components follow in the order quantities -> dates -> attribution -> speakers.
"""

from __future__ import annotations

import importlib.util
import warnings
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language

from . import catalog as catalog_data
from . import components  # noqa: F401  (registers the factories)

COMPONENTS = ["newsfacts_quantities", "newsfacts_dates", "newsfacts_attribution", "newsfacts_speakers"]
FALLBACK = "xx"  # spaCy's multi-language blank pipeline for languages without a catalog row


@dataclass
class Loaded:
    nlp: Language
    lang: str
    tier: str
    model: str  # package==version, or "blank:<lang>"


def catalog() -> dict:
    return catalog_data.languages()


def installed(package: str | None) -> bool:
    return catalog_data.installed(package)


def _version(package: str) -> str:
    return catalog_data.version(package) or "?"


@cache
def load(lang: str) -> Loaded:
    """The pipeline for a language code; cached so each process loads each model once."""
    row = catalog().get(lang, {})
    tier = row.get("tier", "rules")
    package = row.get("package")
    if installed(package):
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r".*\[W095\].*")
            nlp = spacy.load(package)
        model = f"{package}=={_version(package)}"
        _cache_lemmas(nlp)
        first = next((n for n in ("parser", "senter") if n in nlp.pipe_names), None)
        if first:  # a paragraph break always ends a sentence
            nlp.add_pipe("newsfacts_paragraph_breaks", before=first)
        nlp.add_pipe("newsfacts_entities", config={"mode": "fixup"})
        tier = "trained"
    else:
        tier = "rules"
        code = lang if lang in catalog() or _has_blank(lang) else FALLBACK
        nlp = spacy.blank(code, config=row.get("blank_config") or {})
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("newsfacts_paragraph_breaks")
        nlp.add_pipe("newsfacts_entities", config={"mode": "rules"})
        model = f"blank:{code}"
    if row.get("transformers_model") and importlib.util.find_spec("transformers") is not None:
        config = {"model": row["transformers_model"], **row.get("transformers_config", {})}
        nlp.add_pipe("newsfacts_transformers_ner", config=config, before="newsfacts_entities")
        model += f" + {row['transformers_model']}"
        tier = "transformers"
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return Loaded(nlp, lang, tier, model)


def _cache_lemmas(nlp: Language) -> None:
    """Put the model's rule or lookup lemmatizer behind a per-word-form cache (components/lemmas.py)."""
    from spacy.pipeline import Lemmatizer

    inner = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if not isinstance(inner, Lemmatizer) or inner.mode not in ("rule", "lookup"):
        return
    cached = nlp.replace_pipe("lemmatizer", "newsfacts_lemmas")
    cached.inner = inner


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
        effective = "trained" if installed(package) else "rules"
        if row.get("transformers_model") and importlib.util.find_spec("transformers") is not None:
            effective = "transformers"
        rows.append({
            "lang": code, "name": row.get("name", code), "tier": row.get("tier", "rules"),
            "package": package or "-", "installed": installed(package) if package else True,
            "effective_tier": effective, "install": row.get("install", "-"),
        })
    return rows
