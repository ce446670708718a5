"""`newsfacts_paragraph_breaks`: a paragraph break always ends a sentence.

The trained parsers sometimes run a sentence across a blank line ("…la production.\\n\\n« Nous ne
fermerons pas le site », a déclaré…"), which glues the quote of one paragraph to the statement of
the previous one. Placed before the parser (or after the sentencizer), this sets the boundary.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsfacts_paragraph_breaks", assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.is_space and "\n" in prev.text and not tok.is_space:
            tok.is_sent_start = True
    return doc
