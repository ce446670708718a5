"""Gender and number of the people an article names, so that "she" does not resolve to Ben Cole.

Evidence, strongest first: a gendered title or description next to the name ("Mme", "Mr",
"la ministra", "spokeswoman"); the determiner of a description apposed to or governing the name
("la ministre Anne Dupont", "Anne Dupont, la ministre"), read from the parser's morphology; then
the first given name, from `pipeline/lang/given_names.txt` (written for this project, same
licence). Models give no reliable gender on proper nouns (fr_core_news_md tags "Anne" Masc), so
the name's own morphology is never used.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from spacy.tokens import Span, Token

GIVEN_NAMES = Path(__file__).resolve().parents[1] / "lang" / "given_names.txt"
GENDERS = {"masc": "Masc", "fem": "Fem"}
LINK_DEPS = ("appos", "flat", "flat:name", "nmod", "compound", "nsubj", "dep")


def parsed(doc) -> bool:
    """Whether the doc has a dependency parse (the rules tier has none, and walking a token's
    children there crashes spaCy)."""
    key = "newsfacts_parsed"
    if key not in doc.user_data:
        doc.user_data[key] = doc.has_annotation("DEP")
    return doc.user_data[key]


def kids(tok: Token) -> list[Token]:
    """A token's children, none on an unparsed doc."""
    return list(tok.children) if parsed(tok.doc) else []


@cache
def given_names() -> dict[str, str]:
    """Lower-cased given name -> "Masc" or "Fem"."""
    out = {}
    for line in GIVEN_NAMES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, sex = line.split("\t")
            out[name.lower()] = "Fem" if sex == "f" else "Masc"
    return out


def compound_endings(words) -> tuple[str, ...]:
    """Known words of four letters or more, longest first: the heads a compound may end in."""
    return tuple(sorted((w for w in words if len(w) >= 4), key=len, reverse=True))


def compound_tail(word: str, endings: tuple[str, ...]) -> str | None:
    """The known word a compound ends in, where there are no lemmas ("innenministerin" ->
    "ministerin", "landgericht" -> "gericht")."""
    return next((w for w in endings if word.endswith(w)), None)


class Traits:
    """Reads gender and number off a mention, with the language's gendered words."""

    def __init__(self, gendered_words: dict[str, list[str]], heads: set[str]):
        self.words = {w.lower().rstrip("."): GENDERS[g] for g, ws in gendered_words.items() if g in GENDERS
                      for w in ws}
        self.heads = heads  # person descriptions: "ministre", "spokesman"
        self.endings = compound_endings(self.words)

    def gender(self, ent: Span, kept: list[Token]) -> str | None:
        """The gender of a person's name, or None when nothing in the text or the list says."""
        for tok in self._descriptors(ent):
            found = self.word_gender(tok) or self._det_gender(tok)
            if found:
                return found
        first = kept[0].text.lower() if len(kept) > 1 else ""  # a lone word may be a surname
        return given_names().get(first)

    def word_gender(self, tok: Token) -> str | None:
        """A gendered word's gender; without a parse also a compound ending in one
        ("Innenministerin" as "ministerin", "Bundeskanzler" as "kanzler")."""
        low = tok.lower_.rstrip(".")
        found = self.words.get(low)
        if found or parsed(tok.doc) or not tok.text[:1].isupper():
            return found
        tail = compound_tail(low, self.endings)
        return self.words[tail] if tail else None

    def _descriptors(self, ent: Span) -> list[Token]:
        """Title and description tokens bound to the name: inside it, just before it, the noun
        it is apposed to, and a noun apposed to it."""
        doc, root = ent.doc, ent.root
        out = [t for t in ent if t.lower_.rstrip(".") in self.words]
        if ent.start > 0:
            out.append(doc[ent.start - 1])
        if root.dep_ in LINK_DEPS and root.head.i != root.i and root.head.pos_ == "NOUN":
            out.append(root.head)
        out += [c for c in kids(root) if c.dep_ == "appos" and c.pos_ == "NOUN"]
        return out

    def _det_gender(self, noun: Token) -> str | None:
        """"la ministre": the gender of a person description's determiner."""
        if noun.lemma_.lower() not in self.heads and noun.lower_ not in self.heads:
            return None
        return det_gender(noun)


def det_gender(noun: Token) -> str | None:
    """The gender its determiner gives a noun ("la ministre" -> Fem), when the model says."""
    for c in kids(noun):
        if c.dep_ == "det":
            gender = c.morph.get("Gender")
            if len(gender) == 1:
                return gender[0]
    return None


def number(tok: Token) -> str | None:
    """"Plur" when the head or its determiner says plural ("les Gilets jaunes"), else None."""
    if "Plur" in tok.morph.get("Number"):
        return "Plur"
    for c in kids(tok):
        if c.dep_ == "det" and "Plur" in c.morph.get("Number") and c.i < tok.i:
            return "Plur"
    return None
