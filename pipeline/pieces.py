"""Long articles through the model in paragraph pieces, then through newsfacts as one Doc.

spaCy's tok2vec, tagger and parser cost more than linearly on one long Doc (measured on ordinary
French news: 4.4 times the time for 4 times the text, and 1.6 times slower than pieces already at
100,000 characters), because their arrays outgrow the caches. Those components only look a few
tokens around each word, and newsfacts starts a sentence at every paragraph break, so a long
article is cut after paragraph breaks into pieces of about `PIECE_CHARS`, each piece goes through
the model's components, the pieces are joined back with `Doc.from_docs`, and the newsfacts
components, which need the whole article (speakers named paragraphs before, follow-on quotes), run
once on the joined Doc. Articles up to `LONG_ARTICLE_CHARS` (nearly all news) take the plain path.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

LONG_ARTICLE_CHARS = 50_000
PIECE_CHARS = 10_000
_BREAK = re.compile(r"\n\s*")  # a line break and the blank lines after it


def paragraph_pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """`text` cut right after paragraph breaks into pieces of at least `size` characters (the last
    may be shorter; a paragraph longer than `size` stays whole). Joined, they give `text` back."""
    pieces, start = [], 0
    while start < len(text):
        m = _BREAK.search(text, start + size)
        end = m.end() if m else len(text)
        pieces.append(text[start:end])
        start = end
    return pieces


def model_stage_end(nlp: Language) -> int:
    """How many leading components work within a paragraph: all up to the model's last one."""
    names = nlp.pipe_names
    return max((i + 1 for i, name in enumerate(names) if not name.startswith("newsfacts_")), default=0)


def run_in_pieces(nlp: Language, doc: Doc) -> Doc:
    """`nlp(doc)` for a long article, at a cost linear in its length (see the module docstring)."""
    local = model_stage_end(nlp)
    pieces = paragraph_pieces(doc.text)
    if len(doc.text) <= LONG_ARTICLE_CHARS or len(pieces) < 2 or local == 0:
        return nlp(doc)
    parsed = []
    for text in pieces:
        piece = nlp.make_doc(text)
        for _, proc in nlp.pipeline[:local]:
            piece = proc(piece)
        parsed.append(piece)
    joined = Doc.from_docs(parsed, ensure_whitespace=False)
    if len(joined) != len(doc) or any(a.text != b.text for a, b in zip(joined, doc, strict=True)):
        return nlp(doc)  # the pieces tokenised differently at a cut: keep the one-Doc result
    joined.user_data.update(doc.user_data)  # the article context (doc._.article)
    for _, proc in nlp.pipeline[local:]:
        joined = proc(joined)
    return joined
