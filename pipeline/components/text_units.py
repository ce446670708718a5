"""Words and sentence units of a text, read without a parse: shared by the rules tier
(`attribution_patterns`) and the universal tier (`universal`), which import them from here so
that neither imports the other."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from .doc_text import doc_text

WORD = re.compile(r"[\w][\w'’\-\.\u0300-\u036f]*[\w\u0300-\u036f]|[\w]", re.UNICODE)


def _units(doc: Doc, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences, merged when a quotation runs across a sentence boundary."""
    sents = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") \
        else [(0, len(doc_text(doc)))]
    text = doc_text(doc)
    units: list[list[int]] = []
    for s, e in sents:
        if units:
            q = next(((q0, q1) for q0, q1 in quotes if q0 < s < q1), None)
            if q is not None and not text[q[0] + 1:s].strip():
                units[-1][1] = s = q[0]  # the sentencizer left the opening mark behind
            elif q is not None or (s >= 2 and text[s - 1] == "." and text[s - 2].isdigit()
                                   and s < len(text) and text[s].isdigit()):
                units[-1][1] = e  # a quotation across sentences, or "2.5" split
                continue
        units.append([s, e])
    out = []
    for s, e in units:
        t = doc_text(doc)
        while s < e and t[s].isspace():
            s += 1
        while e > s and t[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


@dataclass
class _W:
    start: int
    end: int
    text: str
    low: str
    gap: str  # what separates it from the previous word


def _words(text: str, start: int, end: int) -> list[_W]:
    out: list[_W] = []
    for m in WORD.finditer(text, start, end):
        prev = out[-1].end if out else start
        out.append(_W(m.start(), m.end(), m.group(0), m.group(0).lower(), text[prev:m.start()]))
    return out
