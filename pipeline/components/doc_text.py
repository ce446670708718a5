"""The text of a Doc, computed once.

`Doc.text` joins every token's text on each access: on a 600-token article one access costs
about as much as a dozen regex searches, and the components and the table read it hundreds of
times. A Doc's text never changes (merging tokens keeps it), so it is kept in `doc.user_data`.
"""

from __future__ import annotations

from spacy.tokens import Doc

KEY = "newsfacts_text"


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(KEY)
    if text is None:
        text = doc.user_data[KEY] = doc.text
    return text
