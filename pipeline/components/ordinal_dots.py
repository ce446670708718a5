"""`newsfacts_ordinal_dots`: "5. května", "12. marca" do not end a sentence.

Czech, Polish, Slovak, Hungarian and the Nordic languages write ordinal day numbers with a dot.
The sentencizer of the rules tier ends a sentence at every "." token, which cut "Ministr řekl, že
zákon začne platit 5." from "května 2024." and so truncated the statement and lost its date. A
sentence does not start with a lower-case word after a one- or two-digit number and a dot, in
any cased script: the boundary is removed there. (Capitalised months, as in German, keep it.)
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsfacts_ordinal_dots", assigns=["token.is_sent_start"])
def ordinal_dots(doc: Doc) -> Doc:
    for tok in doc[2:]:
        dot, num = doc[tok.i - 1], doc[tok.i - 2]
        if (tok.is_sent_start and dot.text == "." and num.is_digit and len(num.text) <= 2
                and not dot.whitespace_ == "" and tok.text[:1].islower()):
            tok.is_sent_start = False
    return doc
