"""Language identification for articles (and paragraphs), with a confidence.

First version: py3langid (its model ships in the wheel). Very short snippets get `und`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

UNDETERMINED = "und"
MIN_LETTERS = 12


@dataclass
class Guess:
    lang: str
    confidence: float


@cache
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect(text: str) -> Guess:
    letters = sum(1 for c in text[:2000] if c.isalpha())
    if letters < MIN_LETTERS:
        return Guess(UNDETERMINED, 0.0)
    lang, prob = _identifier().classify(text[:5000])
    return Guess(lang, float(prob))
