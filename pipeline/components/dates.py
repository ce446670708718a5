"""Temporal expressions resolved against the publication date.

Candidate spans come from per-language rules (`[dates]` in the language file); each candidate is
resolved with one reused dateparser parser per language. `search_dates` over whole texts is not
used: it is slow and finds dates in words such as "des" or "Je".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from .. import lang as langdata


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    value: date | None
    granularity: str = "day"  # day, month, year, range


@cache
def _candidates(lang: str) -> re.Pattern:
    data = langdata.load(lang)["dates"]
    words = sorted(data.get("relative", []) + data.get("weekdays", []) + data.get("months", []),
                   key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words) or "(?!)"
    mods = "|".join(re.escape(w) for w in data.get("modifiers", [])) or "(?!)"
    return re.compile(
        rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b"
        rf"|(?:\b(?:{mods})\s+)?(?:\d{{1,2}}(?:er)?\s+)?\b(?:{alt})\b(?:\s+\d{{4}})?(?:\s+(?:{mods})\b)?",
        re.I)


@cache
def _parser(lang: str):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[lang], settings={"PREFER_DAY_OF_MONTH": "first"})


def resolve(text: str, lang: str, ref: date | None) -> DateMention | None:
    base = datetime.combine(ref or date.today(), datetime.min.time())
    parser = _parser(lang)
    parser._settings.RELATIVE_BASE = base  # one parser per language, base per call
    try:
        data = parser.get_date_data(text)
    except Exception:
        return None
    if data is None or data.date_obj is None:
        return None
    gran = {"day": "day", "week": "day", "month": "month", "year": "year"}.get(data.period or "day", "day")
    return DateMention(0, len(text), text, data.date_obj.date(), gran)


def find_dates(text: str, lang: str, ref: date | None) -> list[DateMention]:
    found = []
    for m in _candidates(lang).finditer(text):
        mention = resolve(m.group(0), lang, ref)
        if mention is None:
            continue
        mention.start, mention.end, mention.text = m.start(), m.end(), m.group(0)
        found.append(mention)
    return found


@Language.factory("newsfacts_dates")
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent(nlp.lang)


class DatesComponent:
    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article or {}
        spans = []
        for d in find_dates(doc.text, self.lang, article.get("published")):
            span = doc.char_span(d.start, d.end, alignment_mode="expand")
            if span is not None:
                span._.date = d
                spans.append(span)
        doc.spans["dates"] = spans
        return doc
