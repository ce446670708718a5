"""`newsfacts_ordinal_dots`: "5. května", "12. marca" do not end a sentence; "im Sommer 2009. Die
Anwältin …" does.

Czech, Polish, Slovak, Hungarian and the Nordic languages write ordinal day numbers with a dot.
The sentencizer of the rules tier ends a sentence at every "." token, which cut "Ministr řekl, že
zákon začne platit 5." from "května 2024." and so truncated the statement and lost its date. A
sentence does not start with a lower-case word after a one- or two-digit number and a dot, in
any cased script: the boundary is removed there. (Capitalised months, as in German, keep it.)

The other way round, the German tokenizer keeps a number and its dot together as one ordinal
token ("2009."), so the sentencizer never ended a sentence after a year: "… im Sommer 2009. Die
Anwältin erklärte, …" was one sentence, and the second one's statement took the first one's
subject. A year (four digits) or a thousands-grouped number ("5.000.") with its dot, followed by
a capitalised word, ends the sentence; such numbers are not ordinals in running news text.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

_NUMBER_WITH_DOT = re.compile(r"(\d{4}|\d{1,3}(\.\d{3})+)\.")


@Language.component("newsfacts_ordinal_dots", assigns=["token.is_sent_start"])
def ordinal_dots(doc: Doc) -> Doc:
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if (not tok.is_sent_start and prev.whitespace_ and tok.text[:1].isupper()
                and _NUMBER_WITH_DOT.fullmatch(prev.text)):
            tok.is_sent_start = True
        if tok.i < 2:
            continue
        dot, num = prev, doc[tok.i - 2]
        if (tok.is_sent_start and dot.text == "." and num.is_digit and len(num.text) <= 2
                and not dot.whitespace_ == "" and tok.text[:1].islower()):
            tok.is_sent_start = False
    return doc
