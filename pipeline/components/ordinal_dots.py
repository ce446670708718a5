"""`newsfacts_ordinal_dots`: "5. května", "12. marca" do not end a sentence; "im Sommer 2009. Die
Anwältin …" does.

Czech, Polish, Slovak, Hungarian and the Nordic languages write ordinal day numbers with a dot.
The sentencizer of the rules tier ends a sentence at every "." token, which cut "Ministr řekl, že
zákon začne platit 5." from "května 2024." and so truncated the statement and lost its date. A
sentence does not start with a lower-case word after a one- or two-digit number and a dot, in
any cased script: the boundary is removed there. (Capitalised months, as in German, keep it.)

The other way round, the German tokenizer keeps a number and its dot together as one ordinal
token ("2009.", and so "CO2.", "A400M."), so the sentencizer never ended a sentence there: "… im
Sommer 2009. Die Anwältin erklärte, …" was one sentence, and the second one's statement took the
first one's subject. A token with a digit and its dot, followed by a capitalised word, ends the
sentence, unless it is a short ordinal ("3. Oktober", "140. Geburtstag", "1. FC") before anything
but a function word ("der so genannte Flug 19. Er fand …": an ordinal never precedes "Er").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

_SHORT_ORDINAL = re.compile(r"\d{1,3}\.")


def _ends_with_its_dot(text: str) -> bool:
    """A token that kept the sentence's dot: one with a digit that is not a short ordinal ("2009.",
    "5.000.", "CO2.", "A400M.")."""
    return len(text) > 1 and text.endswith(".") and any(ch.isdigit() for ch in text) \
        and not _SHORT_ORDINAL.fullmatch(text)


@Language.component("newsfacts_ordinal_dots", assigns=["token.is_sent_start"])
def ordinal_dots(doc: Doc) -> Doc:
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if (not tok.is_sent_start and prev.whitespace_ and tok.text[:1].isupper()
                and (_ends_with_its_dot(prev.text) or _SHORT_ORDINAL.fullmatch(prev.text) and tok.is_stop)):
            tok.is_sent_start = True  # "Flug 19. Er fand …": no ordinal stands before a function word
        if tok.i < 2:
            continue
        dot, num = prev, doc[tok.i - 2]
        if (tok.is_sent_start and dot.text == "." and num.is_digit and len(num.text) <= 2
                and not dot.whitespace_ == "" and tok.text[:1].islower()):
            tok.is_sent_start = False
    return doc
