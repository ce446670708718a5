"""Numbers, percentages, money, scale words, approximations and the counted noun.

`find_quantities(text, lang)` is a plain function (used by `newsfacts predict --task numbers`
and by the component); the `newsfacts_quantities` component stores its results as
`doc.spans["quantities"]` and adds the counted noun (`unit`) from the parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .. import lang as langdata


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    value: float
    kind: str = "number"  # number, percent, money, ordinal, range
    unit: str | None = None  # counted noun or ISO currency code / "%"
    approx: bool = False
    high: float | None = None  # upper bound of a range


_SCALE_CACHE: dict[str, tuple[re.Pattern, dict]] = {}


def _compiled(lang: str) -> tuple[re.Pattern, dict]:
    if lang not in _SCALE_CACHE:
        data = langdata.load(lang)["quantities"]
        scales = {w.lower(): float(v) for w, v in data.get("scales", {}).items()}
        approx = sorted(data.get("approx", []), key=len, reverse=True)
        dec = re.escape(data.get("decimal", "."))
        grp = "".join(re.escape(g) for g in data.get("group", [","]))
        scale_alt = "|".join(sorted((re.escape(s) for s in scales), key=len, reverse=True)) or "(?!)"
        approx_alt = "|".join(re.escape(a) for a in approx) or "(?!)"
        number = rf"\d{{1,3}}(?:[{grp}]\d{{3}})+(?:{dec}\d+)?|\d+(?:{dec}\d+)?"
        pattern = re.compile(
            rf"(?:(?P<approx>\b(?:{approx_alt}))\s+)?(?P<num>{number})"
            rf"(?:\s*(?P<scale>\b(?:{scale_alt})\b))?(?:\s*(?P<pct>%|pour cent|percent|per cent))?",
            re.I)
        _SCALE_CACHE[lang] = (pattern, {"scales": scales, "dec": data.get("decimal", "."),
                                        "group": data.get("group", [","])})
    return _SCALE_CACHE[lang]


def parse_number(s: str, decimal: str, groups: list[str]) -> float:
    for g in groups:
        s = s.replace(g, "")
    return float(s.replace(decimal, "."))


def find_quantities(text: str, lang: str) -> list[Quantity]:
    """Quantities in `text` with character offsets (first version: digits, scales, approx, %)."""
    pattern, info = _compiled(lang)
    found = []
    for m in pattern.finditer(text):
        try:
            value = parse_number(m.group("num"), info["dec"], info["group"])
        except ValueError:
            continue
        if m.group("scale"):
            value *= info["scales"].get(m.group("scale").lower(), 1.0)
        kind = "percent" if m.group("pct") else "number"
        start = m.start("approx") if m.group("approx") else m.start("num")
        found.append(Quantity(start, m.end(), text[start:m.end()], value, kind,
                              unit="%" if m.group("pct") else None, approx=bool(m.group("approx"))))
    return found


@Language.factory("newsfacts_quantities")
def make_quantities(nlp: Language, name: str) -> QuantitiesComponent:
    return QuantitiesComponent(nlp.lang)


class QuantitiesComponent:
    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for q in find_quantities(doc.text, self.lang):
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None:
                continue
            if q.unit is None:
                q.unit = _counted_noun(span)
            span._.quantity = q
            spans.append(span)
        doc.spans["quantities"] = spans
        return doc


def _counted_noun(span) -> str | None:
    """The noun a number counts: "33,7 millions de comptes" -> "comptes" (parse when available)."""
    doc = span.doc
    for tok in span:
        if tok.dep_ in ("nummod", "nmod") and tok.head.pos_ == "NOUN" and tok.head.i >= span.end:
            return tok.head.text
    nxt = [t for t in doc[span.end: span.end + 3] if not t.is_space]
    for t in nxt:
        if t.pos_ in ("NOUN", "PROPN"):
            return t.text
        if t.pos_ not in ("ADP", "DET") and t.lower_ not in ("de", "d'", "d’", "of"):
            break
    return None
