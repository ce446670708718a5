"""Headlines in Title Case, re-cased from the article's own words so that a parser can read them.

"Senator Says No To Debate As Rival Turns Up The Heat": English headline style
capitalises every word, and a parser trained on running text takes "Says", "Turns" and "Heat" for
parts of names, so the headline's attribution is lost (PolNeAR train: 336 of 840 headlines are in
Title Case, and the rules found 97 of the 216 attributions annotated in them). Truecasing needs a
model of which words are names; the article itself is one: a word its body writes in lowercase
("says", "turns") is a common word, one its body capitalises mid-sentence ("Sanders", "Fox") is a
name. A word the body never uses is lowercased too, except where a sentence starts (the first
word, the first after a colon, dash or opening quote), in an acronym or a mixed-case word ("GOP",
"McCain"), and in a known given name or place (`given_names.txt`, the language's gazetteer).

The re-cased line has the same length as the original, character for character, so what a
parse of it finds keeps its offsets. Used by the attribution component for the languages whose
file sets `truecase_headlines` (English: French, Spanish or German headlines are in sentence
case already, and a German headline's capitals are its nouns).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache

from .entities import gazetteer_file
from .speaker_traits import given_names

_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_OPENERS = ":—–-\"“‘«'("
_SENTENCE_START = re.compile(r"(?:^|[.!?:\"“‘«]\s*|\n\s*)$")
MAX_WORDS = 30


@cache
def known_names(lang: str) -> frozenset[str]:
    """Lowercased given names and the words of the language's gazetteer (countries, cities)."""
    names = set(given_names())
    for name in gazetteer_file(lang):
        names.update(w.lower() for w in _WORD.findall(name))
    return frozenset(names)


def is_title_case(line: str) -> bool:
    """At least three words of four letters or more, and four in five of those capitalised."""
    words = [w for w in _WORD.findall(line) if len(w) > 3]
    if len(words) < 3 or len(_WORD.findall(line)) > MAX_WORDS:
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _counts(word: str, body: str) -> tuple[int, int]:
    """How often the body writes `word` in lowercase, and capitalised away from a sentence start."""
    lower = word[0].lower() + word[1:]
    n_lower = len(re.findall(r"(?<!\w)" + re.escape(lower) + r"(?!\w)", body))
    n_upper = sum(1 for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", body)
                  if not _SENTENCE_START.search(body[max(0, m.start() - 3) : m.start()]))
    return n_lower, n_upper


def sentence_case(line: str, body: str, names: Collection[str] = (), endings: tuple[str, ...] = ()) -> str:
    """`line` with its common words lowercased (same length); `names` are lowercased known names,
    `endings` the possessive endings counted as the word's own ("Trump’s" is "Trump")."""
    out = list(line)
    after_opener = True
    for m in _WORD.finditer(line):
        word, start = m.group(), m.start()
        before = line[:start].rstrip()
        first = after_opener or (before[-1:] in _OPENERS)
        after_opener = False
        core = next((word[: -len(e)] for e in endings if word.endswith(e) and len(word) > len(e)), word)
        if first or not core[:1].isupper() or any(ch.isupper() for ch in core[1:]):
            continue  # a sentence start, lowercase already, an acronym or a mixed-case name
        n_lower, n_upper = _counts(core, body)
        if n_lower > n_upper or (n_lower == n_upper == 0 and core.lower() not in names):
            out[start] = word[0].lower()
    return "".join(out)
