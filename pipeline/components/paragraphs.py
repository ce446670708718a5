"""`newsfacts_paragraph_breaks`: a paragraph break always ends a sentence; an inline dash never starts
one, nor does a lowercase word right after a word.

The trained parsers sometimes run a sentence across a blank line ("…la production.\\n\\n« Nous ne
fermerons pas le site », a déclaré…"), which glues the quote of one paragraph to the statement of
the previous one. They also cut a sentence at a spaced dash ("leurs étudiants - y compris M.
Gowda - apprennent…"), which cuts a reported clause in two. Placed before the parser (or after
the sentencizer), this sets both boundaries. The Spanish parser also cuts a paragraph's first
word off as a sentence of its own ("\\n\\nMenacho | explicó que…"), leaving the cue without its
subject: a lowercase word after a word (no punctuation between) continues its sentence.
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
    inside = [i for tok in doc[1:-1] if _inline_dash(tok) for i in (tok.i, tok.i + 1)]
    inside += [tok.i for tok in doc[1:] if tok.is_lower and tok.is_alpha and doc[tok.i - 1].is_alpha]
    if starts or inside:
        if doc.has_annotation("DEP"):
            raise ValueError("newsfacts_paragraph_breaks must run before the parser")
        array = doc.to_array(["SENT_START"]).astype("int64")
        array[inside] = -1
        array[starts] = 1
        doc.from_array(["SENT_START"], array.astype("uint64"))  # -1 (not a start) wraps, as spaCy expects
    return doc


def _inline_dash(tok) -> bool:
    """A spaced dash between two words of one line, the next in lowercase: a parenthesis."""
    if tok.text not in ("-", "–", "—") or not tok.whitespace_:
        return False
    before, after = tok.nbor(-1), tok.nbor(1)
    return (bool(before.whitespace_) and not before.is_space and before.text not in (".", "!", "?", "…", ":")
            and after.is_lower)
