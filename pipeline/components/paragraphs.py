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
    # one array write, not `tok.is_sent_start = True` per paragraph: that setter scans the whole
    # Doc for a parse each time, which made this quadratic in the number of paragraphs
    starts = [tok.i for tok in doc[1:]
              if not tok.is_space and doc[tok.i - 1].is_space and "\n" in doc[tok.i - 1].text]
    if starts:
        if doc.has_annotation("DEP"):
            raise ValueError("newsfacts_paragraph_breaks must run before the parser")
        array = doc.to_array(["SENT_START"])
        array[starts] = 1
        doc.from_array(["SENT_START"], array)
    return doc
