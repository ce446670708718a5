"""Language -> spaCy pipeline, from pipeline/data/catalog.toml, loaded once per process.

The trained tier loads an installed spaCy package; the rules tier (a language with a data file
`pipeline/lang/<code>.toml`, or a trained language whose package is missing) gets a blank
pipeline with a sentencizer and rule-based NER; the universal tier (any other language) is the
same blank pipeline with the base data only, so attribution comes from quotation marks, dash and
colon layouts and capitalised names (`components/universal.py`); the transformers tier adds a
Hugging Face token-classification model (`transformers_model` in the catalog row) on top of
either. Whatever is missing degrades to the next tier; `Loaded.tier` says what ran and
`Loaded.reason` why, when it is not what the catalog promises (a missing trained package).
The newsfacts components follow in the order quantities -> dates -> date_numbers -> attribution ->
speakers -> span_groups (and the trained statement scorer before span_groups, when the
catalog row names one).
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
from . import lang as langdata

COMPONENTS = ["newsfacts_quantities", "newsfacts_dates", "newsfacts_date_numbers", "newsfacts_attribution",
              "newsfacts_speakers", "newsfacts_span_groups"]
FALLBACK = "xx"  # spaCy's multi-language blank pipeline for languages without a catalog row


@dataclass
class Loaded:
    nlp: Language
    lang: str
    tier: str
    model: str  # package==version, or "blank:<lang>"
    reason: str = ""  # why the tier differs from the catalog's (a trained package not installed), or ""


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
    reason = ""
    if installed(package):
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r".*\[W095\].*")
            nlp = spacy.load(package)
        model = f"{package}=={_version(package)}"
        index_lemma_tables(nlp)
        add_title_abbreviations(nlp, lang)
        first = next((n for n in ("parser", "senter") if n in nlp.pipe_names), None)
        if first:  # a paragraph break always ends a sentence
            nlp.add_pipe("newsfacts_paragraph_breaks", before=first)
        nlp.add_pipe("newsfacts_entities", config={"mode": "fixup"})
        tier = "trained"
    else:
        tier, reason = rules_tier(lang)
        nlp = _blank(lang, row.get("blank_config") or {})
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("newsfacts_ordinal_dots")
        nlp.add_pipe("newsfacts_paragraph_breaks")
        nlp.add_pipe("newsfacts_entities", config={"mode": "rules"})
        model = f"blank:{nlp.lang}"
    if row.get("transformers_model") and importlib.util.find_spec("transformers") is not None:
        config = {"model": row["transformers_model"], **row.get("transformers_config", {})}
        nlp.add_pipe("newsfacts_transformers_ner", config=config, before="newsfacts_entities")
        model += f" + {row['transformers_model']}"
        tier = "transformers"
    for name in COMPONENTS:
        nlp.add_pipe(name)
    if row.get("statement_scorer"):  # the trained scorer (pipeline/train.py), when the catalog selects one
        nlp.add_pipe("newsfacts_statement_scorer", config={"model": str(row["statement_scorer"])},
                     before="newsfacts_span_groups")
    return Loaded(nlp, lang, tier, model, reason)


def add_title_abbreviations(nlp: Language, lang: str) -> None:
    """ "Navy Capt. Tom Reed", "Police Lt. Ann Cole": the model's tokenizer splits the period off
    title abbreviations it does not list, and the parser then ends a sentence inside the name. The
    language's `name_abbreviations` (which the rules tier reads too) written with their period
    become one token each (spaCy's special cases)."""
    for form in langdata.load(lang)["attribution"].get("name_abbreviations", []):
        if form.endswith("."):
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])


def index_lemma_tables(nlp: Language) -> None:
    """Make the rule lemmatizer's word lists sets: same lemmas, 17 times faster.

    spaCy's rule lemmatizers test `word in index` against the "lemma_index" lookup table, whose
    values load as lists (28,000 French nouns, 66,000 verbs...), so every word not yet in the
    lemmatizer's cache costs a linear scan. With fr_core_news_md that made the lemmatizer cost
    more than the parser (35% of the model's time on French Wikinews); with frozensets it takes
    0.27 s instead of 4.7 s on 600 articles (tests/test_speed.py checks the lemmas are equal).
    """
    from spacy.pipeline import Lemmatizer

    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if not isinstance(lemmatizer, Lemmatizer) or "lemma_index" not in lemmatizer.lookups.tables:
        return
    index = lemmatizer.lookups.get_table("lemma_index")
    for key in list(index.keys()):
        if isinstance(index[key], list):
            index[key] = frozenset(index[key])


def rules_tier(lang: str) -> tuple[str, str]:
    """The tier without a trained package, and the reason when the catalog promised one: "rules"
    for a language with a data file, "universal" for any other."""
    row = catalog().get(lang, {})
    tier = "rules" if langdata.has_file(lang) else "universal"
    if row.get("package") and row.get("tier", "rules") == "trained":
        return tier, (f"{catalog_data.MISSING_PIPELINE} {row['package']} is not installed: {tier} tier "
                      f"instead (install: {row.get('install', 'see models/README.md')})")
    if tier == "universal":
        return tier, f"no language file for {lang!r}: universal tier (quotation marks, layouts, names)"
    return tier, ""


def _blank(lang: str, config: dict) -> Language:
    """A blank pipeline whose `nlp.lang` is the article's language, so that every component reads
    that language's data file: spaCy's own class when it has one, else a tokenizer-neutral class
    registered under the code (Swahili, Hausa, Nigerian Pidgin) when there is a file or dateparser
    knows the language, else spaCy's multi-language class."""
    if not _has_blank(lang):
        if not (langdata.has_file(lang) or _dateparser_knows(lang)):
            return spacy.blank(FALLBACK, config=config)
        _register_generic(lang)
    return spacy.blank(lang, config=config)


def _dateparser_knows(lang: str) -> bool:
    try:
        from dateparser.languages.loader import default_loader

        default_loader.get_locale(lang)
        return True
    except Exception:  # noqa: BLE001 - unknown locale
        return False


def _register_generic(lang: str) -> None:
    from spacy.lang.xx import MultiLanguage

    if not lang.isalpha() or lang in spacy.util.registry.languages:
        return
    cls = type(f"Generic_{lang}", (MultiLanguage,), {"lang": lang})
    spacy.util.registry.languages.register(lang, func=cls)


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
        effective = "trained" if installed(package) else rules_tier(code)[0]
        if row.get("transformers_model") and importlib.util.find_spec("transformers") is not None:
            effective = "transformers"
        rows.append({
            "lang": code, "name": row.get("name", code), "tier": row.get("tier", "rules"),
            "package": package or "-", "installed": installed(package) if package else True,
            "effective_tier": effective, "install": row.get("install", "-"),
        })
    for code in langdata.available():
        if code not in catalog():
            rows.append({"lang": code, "name": langdata.name(code), "tier": "rules", "package": "-",
                         "installed": True, "effective_tier": "rules", "install": "-"})
    rows.append({"lang": "*", "name": "any other language", "tier": "universal", "package": "-",
                 "installed": True, "effective_tier": "universal",
                 "install": "- (quotation marks of every script, dash and colon layouts, capitalised names)"})
    return rows
