"""The two per-article memories the speakers component resolves against.

- `NameIndex`: partial names to the fullest form written in the article ("Caddell" -> "Pat
  Caddell"), and the label corrections made while reading it (a one-word company the model
  tagged PER becomes ORG once "l'entreprise" refers to it).
- `Antecedents`: a position-sorted list of candidate referents (named entities, proper-noun
  subjects the NER missed, and the speakers of earlier statements), searched backwards over a
  few sentences, salience in the spirit of Lappin & Leass.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .doc_text import doc_text

LABELS = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "NORP": "GROUP",
    "FAC": "LOC",
    "MISC": "UNKNOWN",
}
NAMED = ("PER", "ORG", "LOC", "GROUP")
OBLIQUE = ("obl", "nmod", "pobj", "obl:mod", "obl:arg")  # mentions there are less salient


@dataclass
class Candidate:
    pos: int  # character offset of the mention
    sent: int  # sentence index
    name: str
    label: str
    weight: float  # subjects and speakers are more salient than other mentions
    single_word: bool = False


def name_text(tokens: list) -> str:
    """A name as written in the text: contiguous tokens keep their own spacing ("l’Économie",
    "王建国"); tokens with gaps between them (a title left out) are joined by a space."""
    if not tokens:
        return ""
    doc = tokens[0].doc
    parts = [[tokens[0]]]
    for t in tokens[1:]:
        if t.i == parts[-1][-1].i + 1:
            parts[-1].append(t)
        else:
            parts.append([t])
    return " ".join(doc_text(doc)[p[0].idx:p[-1].idx + len(p[-1].text)] for p in parts)


def named_entities(ents: list[Span], titles: set[str]) -> list[tuple[Span, str, list]]:
    """(entity, speaker label, its tokens without titles) for the entities that can speak."""
    out = []
    for ent in ents:
        label = LABELS.get(ent.label_)
        if label not in NAMED:
            continue
        kept = [t for t in ent if t.lower_.rstrip(".") not in titles]
        if kept:
            out.append((ent, label, kept))
    return out


class NameIndex:
    """Partial person names to their fullest form, and per-article label corrections."""

    def __init__(self, named: list[tuple[Span, str, list]]):
        self.full: dict[str, str] = {}  # lower-cased last word -> fullest name
        self.multi: dict[str, bool] = {}  # last words that belong to a multi-word name
        self.relabel: dict[str, str] = {}
        for ent, label, kept in named:
            words = [t.text for t in kept]
            name = name_text(kept)
            key = words[-1].lower()
            if label == "PER" and len(name) > len(self.full.get(key, "")):
                self.full[key] = ent.text if len(words) == len(ent) else name
            if len(words) > 1:
                self.multi[key] = True

    def canonical(self, name: str) -> str:
        words = name.split()
        if not words:
            return name
        return self.full.get(words[-1].lower(), name)

    def label_of(self, name: str, label: str) -> str:
        return self.relabel.get(name, label)

    def part_of_longer_name(self, name: str) -> bool:
        return bool(self.multi.get(name.lower()))


class Antecedents:
    """Candidate referents in text order, with the sentence each sits in."""

    def __init__(self, doc: Doc, named: list[tuple[Span, str, list]], index: NameIndex, window: int):
        self.index, self.window = index, window
        self.sent_starts = [s.start_char for s in doc.sents]
        self._quoted = sorted(
            (st.start, st.end) for st in (doc._.statements or []) if st.kind in ("direct", "mixed")
        )
        self.cands: list[Candidate] = [self._from_entity(ent, label, kept) for ent, label, kept in named]
        self.cands += self._unnamed_subjects(doc)
        self.cands.sort(key=lambda c: c.pos)
        self.positions = [c.pos for c in self.cands]

    def quoted(self, pos: int) -> bool:
        """Inside a direct quotation: names there are rarely who speaks next."""
        spans = self._quoted
        i = bisect.bisect_right(spans, (pos, 10**9)) - 1
        return i >= 0 and spans[i][0] <= pos < spans[i][1]

    def _from_entity(self, ent: Span, label: str, kept: list) -> Candidate:
        dep = ent.root.dep_
        weight = 1.5 if dep.startswith("nsubj") else 0.7 if dep in OBLIQUE else 1.0
        if self.quoted(ent.start_char):
            weight = 0.3
        return Candidate(ent.start_char, self.sent_of(ent.start_char), ent.text, label, weight,
                         single_word=len(kept) == 1)

    def _unnamed_subjects(self, doc: Doc) -> list[Candidate]:
        """Proper-noun subjects the NER missed ("le professeur Kadamba a mis en garde")."""
        return [
            Candidate(tok.idx, self.sent_of(tok.idx), self.index.canonical(tok.text), "PER", 1.5,
                      single_word=True)
            for tok in doc
            if tok.dep_.startswith("nsubj") and tok.pos_ == "PROPN" and not tok.ent_type_
            and not self.quoted(tok.idx)
        ]

    def sent_of(self, pos: int) -> int:
        return bisect.bisect_right(self.sent_starts, pos) - 1

    def add_speaker(self, pos: int, name: str, label: str) -> None:
        i = bisect.bisect_left(self.positions, pos)
        self.positions.insert(i, pos)
        self.cands.insert(i, Candidate(pos, self.sent_of(pos), name, label, 2.0))

    def nearest(self, pos: int, labels: tuple[str, ...], allow_single_per: bool) -> Candidate | None:
        """The most salient earlier candidate of an accepted label within the window. A one-word
        PER name may stand for an organisation (models tag company names as persons)."""
        i = bisect.bisect_left(self.positions, pos) - 1
        here = self.sent_of(pos)
        best, best_score = None, 0.0
        while i >= 0:
            c = self.cands[i]
            dist = here - c.sent
            if dist > self.window:
                break
            label = self.index.label_of(c.name, c.label)
            ok = label in labels or (
                allow_single_per
                and "ORG" in labels
                and label == "PER"
                and c.single_word
                and not self.index.part_of_longer_name(c.name)
            )
            if ok:
                score = c.weight / (1 + dist) / (1 + (labels.index(label) if label in labels else 1))
                if score > best_score:
                    best, best_score = c, score
            i -= 1
        return best
