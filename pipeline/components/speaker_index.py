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
import os
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .doc_text import doc_text
from .speaker_traits import Traits, given_names, kids, number

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
ACRONYM = re.compile(r"\s*\(\s*([A-ZÀ-Ý][\w.&/-]{1,15})\s*\)")  # "Organización Mundial de la Salud (OMS)"
OBLIQUE = ("obl", "nmod", "pobj", "obl:mod", "obl:arg")  # mentions there are less salient
# the rules tier gives every name 1.0 (no subject is known to boost): a name after a preposition
# weighs less than the 0.7 of a parsed oblique so that a name one sentence up still wins over it
RULES_OBLIQUE = 0.4


@dataclass
class Candidate:
    pos: int  # character offset of the mention
    sent: int  # sentence index
    name: str
    label: str
    weight: float  # subjects and speakers are more salient than other mentions
    single_word: bool = False
    number: str | None = None  # "Plur" when the mention is plural ("les Gilets jaunes")


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


def head_lemma(tok: Token, known: set[str] | frozenset[str]) -> str:
    """The lemma, or for a hyphenated title its last part when only that is known: "vice-ministre",
    "ex-président", "co-fondatrice" are described like "ministre", "président", "fondatrice"."""
    lemma = tok.lemma_.lower()
    if lemma not in known and "-" in lemma:
        last = lemma.rsplit("-", 1)[1]
        if last in known:
            return last
    return lemma


def named_entities(ents: list[Span], titles: set[str], person_heads: frozenset[str] = frozenset()
                   ) -> list[tuple[Span, str, list]]:
    """(entity, speaker label, its tokens without titles) for the entities that can speak."""
    out = []
    for ent in ents:
        label = LABELS.get(ent.label_)
        if (label == "UNKNOWN" and _bound_to(ent, person_heads)) or (
                label in ("ORG", "LOC") and _apposed_to(ent, person_heads)):
            # "El delantero brasileño Romario de Souza" tagged MISC, "El presidente de Uruguay,
            # Tomás Ferrer" tagged ORG: the name a person's description gives is a person's
            label = "PER"
        if label not in NAMED:
            continue
        kept = [t for t in ent if t.lower_.rstrip(".") not in titles]
        if kept and any(sum(c.isalpha() for c in t.text) >= 2 and not t.like_num for t in kept):
            out.append((ent, _corrected(label, kept), kept))  # not "Sept" (d'entre eux), not "-"
    return out


def _corrected(label: str, kept: list) -> str:
    """Labels the model gets wrong on speakers: an acronym is no person, and "Sara Okafor" (a
    known given name then a capitalised word) is no place."""
    if label == "PER" and _acronym(kept):
        return "ORG"
    if (
        label == "LOC" and 2 <= len(kept) <= 3 and kept[0].text.lower() in given_names()
        and all(t.text[:1].isupper() for t in kept)
    ):
        return "PER"
    return label


def _bound_to(ent: Span, heads: frozenset[str]) -> bool:
    """The entity is apposed to, or named right after, a noun from `heads`."""
    root = ent.root
    if root.dep_ in ("appos", "flat", "flat:name") and root.head.i != root.i:
        return head_lemma(root.head, heads) in heads
    return ent.start > 0 and head_lemma(ent.doc[ent.start - 1], heads) in heads


def _apposed_to(ent: Span, heads: frozenset[str]) -> bool:
    """`_bound_to` as an apposition set off by a comma after the noun ("el presidente de
    Nicaragua, Arnoldo Alemán"): the binding sure enough to overrule a model's ORG or LOC."""
    root = ent.root
    return (root.dep_ == "appos" and root.head.i < ent.start and root.head.pos_ == "NOUN"
            and ent.start > 0 and ent.doc[ent.start - 1].text == "," and _bound_to(ent, heads))


def _acronym(kept: list) -> bool:
    """"NHK", "EELV": one all-capital word tagged PER is an organisation, not a person."""
    return len(kept) == 1 and _is_acronym(kept[0].text)


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isalpha() and word.isupper()


class NameIndex:
    """Partial person names to their fullest form, and per-article label corrections."""

    def __init__(self, named: list[tuple[Span, str, list]], traits: Traits | None = None):
        self.full: dict[str, str] = {}  # lower-cased last word -> fullest name
        self.multi: dict[str, bool] = {}  # last words that belong to a multi-word name
        self.relabel: dict[str, str] = {}
        self.genders: dict[str, str | None] = {}  # fullest name -> "Masc"/"Fem" (None: conflicting)
        self.orgs: dict[str, str] = {}  # lower-cased acronym, short or full form -> "Full Name (ACR)"
        self.firsts: dict[str, set[str]] = {}  # first word of a multi-word person name -> those names
        self.persons: set[str] = set()  # multi-word names tagged as a person somewhere in the article
        self.gendered_words = traits.words if traits is not None else {}
        people: dict[str, list[list[str]]] = {}  # last word -> fullest form of each person, first named first
        for ent, label, kept in named:
            words = [t.text for t in kept]
            name = name_text(kept)
            key = words[-1].lower()
            if label == "PER":
                shown = ent.text if len(words) == len(ent) else name
                _add_person(people.setdefault(key, []), words, name, shown)
            if label == "PER" and len(words) > 1:
                self.persons.add(name)
            if len(words) > 1:
                self.multi[key] = True
                if label == "PER" and words[1] not in ("-", "‐"):  # "Trump-Pence" is no first name
                    self.firsts.setdefault(words[0].lower(), set()).add(name)
        # "Cruz said" after "Ted Cruz" and then "his father, Rafael Cruz": where people share a
        # surname, the surname alone stands for the one the article names first (the lead names
        # the main actor; a relative or namesake comes later and keeps being named in full), not
        # for whoever has the longest name. Counting full names would pick that relative: "Ivanka
        # Trump" is written out each time, "Trump" alone is her father.
        self.full = {key: group[0][0] for key, group in people.items()}
        self._read_organisations(named)
        if traits is not None:
            self._read_genders(named, traits)

    def _read_organisations(self, named: list[tuple[Span, str, list]]) -> None:
        """"Organización Mundial de la Salud (OMS)": the acronym and the name both lead to the
        name with its acronym; a lone word that starts exactly one longer organisation name
        ("l'Ordre") leads to that name."""
        firsts: dict[str, set[str]] = {}
        for ent, label, kept in named:
            if label != "ORG" or len(kept) < 2:
                continue
            name = name_text(kept)
            found = ACRONYM.match(doc_text(ent.doc)[ent.end_char : ent.end_char + 24])
            if found:
                full = f"{name} ({found.group(1)})"
                self.orgs[found.group(1).lower()] = self.orgs[name.lower()] = full
            firsts.setdefault(kept[0].text.lower(), set()).add(self.orgs.get(name.lower(), name))
        for word, names in firsts.items():
            if len(names) == 1 and word not in self.orgs:
                self.orgs[word] = next(iter(names))

    def _read_genders(self, named: list[tuple[Span, str, list]], traits: Traits) -> None:
        """Gender per fullest name; two mentions that disagree leave it unknown."""
        for ent, label, kept in named:
            found = traits.gender(ent, kept) if label == "PER" else None
            if found is None:
                continue
            name = self.canonical(name_text(kept))
            self.genders[name] = found if self.genders.get(name, found) == found else None

    def gender_of(self, name: str) -> str | None:
        canonical = self.canonical(name)
        if canonical in self.genders:
            return self.genders[canonical]
        return self._described_gender(name)

    def _described_gender(self, name: str) -> str | None:
        """A description's gender from its own words ("A health authority spokeswoman", "the
        man"), before any preposition ("the wife of Mr. Lee" says nothing of the wife): "he" is
        no spokeswoman. Names take theirs from the article (`_read_genders`)."""
        for i, word in enumerate(name.split()):
            low = word.lower().rstrip(".,")
            if low in self.gendered_words:
                return self.gendered_words[low]
            if i and word.islower() and len(word) <= 3:
                return None  # "of", "for", "de", "del": what follows belongs to another noun
        return None

    def canonical(self, name: str) -> str:
        words = name.split()
        if not words:
            return name
        if name.lower() in self.orgs:
            return self.orgs[name.lower()]
        key = words[-1].lower()
        alone = len(words) == 1 and self.full.get(key, name).lower() == key  # no longer name ends so
        if alone and len(self.firsts.get(key, ())) == 1:
            return self.canonical(next(iter(self.firsts[key])))  # "Romario" -> "Romario de Souza"
        full = self.full.get(key, name)
        if len(words) > 1 and not _same_person(words, full.split()):
            return name  # "Penelope Fillon" is not "François Fillon"
        return full

    def label_of(self, name: str, label: str) -> str:
        """The label a name gets across the article: a correction made for it, else PER for a
        full name the model tagged as a person once ("Ali Alatas", whose later "Alatas" it tagged
        ORG, and "Cornwell" after "Michael Cornwell"), else the mention's own label."""
        if name in self.relabel:
            return self.relabel[name]
        return "PER" if name in self.persons else label

    def is_organisation(self, name: str) -> bool:
        """A name the article spells out as an organisation ("World Meteorological Organization
        (WMO)"), or an acronym ("NHK"): an unlabelled mention of it is no person."""
        return name in self.orgs.values() or _is_acronym(name)

    def part_of_longer_name(self, name: str) -> bool:
        return bool(self.multi.get(name.lower()))


def _add_person(group: list[list[str]], words: list[str], name: str, shown: str) -> None:
    """Count a person's name among those sharing its last word: the same person as one named before
    (`_same_person`, either way round), whose fullest form it may extend, or a person of its own."""
    same = next((p for p in group if _same_person(words, p[0].split()) or _same_person(p[0].split(), words)),
                None)
    if same is None:
        group.append([shown])
    elif len(name) > len(same[0]):
        same[0] = shown


def _same_person(words: list[str], full: list[str]) -> bool:
    """A multi-word name and the fullest name with its last word: the same person when the name
    is the end of the fullest ("Le Maire" of "Bruno Le Maire"), or its first word is in it or is
    an initial of it ("Donald J. Trump", "J. Trump"). Another person only when that first word is
    a known given name (`given_names.txt`): "Sophie Delorme" is not "Marc Delorme", but "Dekan
    Berg", a title the entity kept, is still "Manfred Berg"."""
    if len(words) > len(full):
        return False
    if words == full[-len(words):]:
        return True
    first = words[0].lower().rstrip(".")
    lowered = [w.lower() for w in full]
    initial = len(first) == 1 and lowered[0].startswith(first)
    return first in lowered or initial or first not in given_names()


class Antecedents:
    """Candidate referents in text order, with the sentence each sits in."""

    def __init__(self, doc: Doc, named: list[tuple[Span, str, list]], index: NameIndex, window: int,
                 skip: frozenset[str] = frozenset(), oblique_before: frozenset[str] = frozenset()):
        self.index, self.window = index, window
        self.oblique_before = oblique_before
        self.sent_starts = [s.start_char for s in doc.sents]
        self._quoted = sorted(
            (st.start, st.end) for st in (doc._.statements or []) if st.kind in ("direct", "mixed")
        )
        self.cands: list[Candidate] = [self._from_entity(ent, label, kept) for ent, label, kept in named]
        self.cands += self._unnamed_subjects(doc, skip)
        self.cands.sort(key=lambda c: c.pos)
        self.positions = [c.pos for c in self.cands]
        # the content of the statement being resolved: "« Je remercie Paul Girard », a-t-il dit".
        # A name inside what a source says is not who "il" is (Paul Girard is spoken of), and the
        # sentences of a long quotation before "a-t-il dit" do not count towards the window.
        self.parsed = doc.has_annotation("DEP")
        self.text = doc_text(doc)
        self.excluded = (0, 0)

    def quoted(self, pos: int) -> bool:
        """Inside a direct quotation: names there are rarely who speaks next."""
        spans = self._quoted
        i = bisect.bisect_right(spans, (pos, 10**9)) - 1
        return i >= 0 and spans[i][0] <= pos < spans[i][1]

    def _from_entity(self, ent: Span, label: str, kept: list) -> Candidate:
        dep = ent.root.dep_
        weight = 1.5 if dep.startswith("nsubj") else 0.7 if dep in OBLIQUE else 1.0
        if not dep and self._after_preposition(ent):
            weight = RULES_OBLIQUE
        if self.quoted(ent.start_char):
            weight = 0.3
        return Candidate(ent.start_char, self.sent_of(ent.start_char), ent.text, label, weight,
                         single_word=len(kept) == 1, number=number(ent.root))

    def _after_preposition(self, ent: Span) -> bool:
        """Without a parse: a preposition before the name, its article and adjectives aside ("Im
        Schwarzmeerort Rize sagte er", "ging zur SPÖ"): a place or a body the sentence is about,
        not who speaks next (`[speakers] oblique_before`)."""
        doc = ent.doc
        i = ent.start - 1
        while i >= 0 and i >= ent.start - 3 and doc[i].is_lower and doc[i].lower_ not in self.oblique_before:
            i -= 1  # "in der gestrigen Sitzung", "zur oppositionellen SPÖ"
        return i >= 0 and doc[i].lower_ in self.oblique_before

    def _unnamed_subjects(self, doc: Doc, skip: set[str]) -> list[Candidate]:
        """Proper-noun subjects the NER missed ("le professeur Kadamba a mis en garde"), not
        titles or numbers the tagger took for names ("The Economy Minister", "Sept d'entre eux")."""
        return [
            Candidate(tok.idx, self.sent_of(tok.idx), self.index.canonical(tok.text),
                      "ORG" if self.index.is_organisation(self.index.canonical(tok.text)) else "PER",
                      1.5, single_word=True)  # "The ILO wants…" after "the International … (ILO)"
            for tok in doc
            if tok.dep_.startswith("nsubj") and tok.pos_ == "PROPN" and not tok.ent_type_
            and not self.quoted(tok.idx) and tok.lower_ not in skip
            and not tok.like_num  # "Sept d'entre eux…": a number the tagger took for a name
            and any(ch.isalpha() for ch in tok.text)  # "Flessel | - | Colovic": the hyphen is no name
        ]

    def sent_of(self, pos: int) -> int:
        return bisect.bisect_right(self.sent_starts, pos) - 1

    def add_speaker(self, pos: int, name: str, label: str) -> None:
        self.add(pos, name, label, 2.0)

    def add(self, pos: int, name: str, label: str, weight: float, plural: str | None = None) -> None:
        i = bisect.bisect_left(self.positions, pos)
        self.positions.insert(i, pos)
        self.cands.insert(i, Candidate(pos, self.sent_of(pos), name, label, weight, number=plural))

    def nearest(self, pos: int, labels: tuple[str, ...], allow_single_per: bool,
                gender: str | None = None, plural: bool | None = None,
                skip: frozenset[str] | set[str] = frozenset()) -> Candidate | None:
        """The most salient earlier candidate of an accepted label within the window. A one-word
        PER name may stand for an organisation (models tag company names as persons). A gender
        or number given rules out the candidates known to disagree; names in `skip` are passed
        over."""
        i = bisect.bisect_left(self.positions, pos) - 1
        here = self.sent_of(min(pos, self.excluded[0]) if self.excluded[1] else pos)
        best, best_score = None, 0.0
        while i >= 0:
            c = self.cands[i]
            dist = max(0, here - c.sent)  # a candidate between the quotation and its cue is as near
            if dist > self.window:
                break
            label = self.index.label_of(c.name, c.label)
            ok = c.name not in skip and not self._excluded(c) and (label in labels or (
                allow_single_per
                and "ORG" in labels
                and label == "PER"
                and c.single_word
                and not self.index.part_of_longer_name(c.name)
            ))
            if ok and not self._disagrees(c, label, gender, plural):
                score = c.weight / (1 + dist) / (1 + (labels.index(label) if label in labels else 1))
                if score > best_score:
                    best, best_score = c, score
            i -= 1
        return best

    def naming_head(self, pos: int, head: str) -> Candidate | None:
        """The nearest earlier name holding the description's head noun, over the whole article
        ("la consultora" -> "Consultoría Andina de Estudios Rurales", "the ministry" ->
        "Ministry of Defence"): a word equal to the head or sharing nine tenths of it from the
        start ("consultora"/"Consultoría", not "ministre"/"ministère"). Not a person's name, and
        places and other names count: models tag organisations as either."""
        i = bisect.bisect_left(self.positions, pos) - 1
        while i >= 0:
            c = self.cands[i]
            words = c.name.split()
            proper = len(words) == 1 or any(w[:1].isupper() for w in words[1:])  # not "Le groupe aérien"
            kind = self.index.label_of(c.name, c.label)
            if proper and not self._excluded(c) and kind in ("ORG", "LOC", "MISC") and any(
                    _shares_stem(head, w.lower()) for w in words):
                return c
            i -= 1
        return None

    def latest(self, pos: int, labels: tuple[str, ...], gender: str | None) -> Candidate | None:
        """The last candidate of an accepted label before pos, by recency alone ("ce dernier")."""
        i = bisect.bisect_left(self.positions, pos) - 1
        here = self.sent_of(min(pos, self.excluded[0]) if self.excluded[1] else pos)
        while i >= 0 and here - self.cands[i].sent <= self.window:
            c = self.cands[i]
            label = self.index.label_of(c.name, c.label)
            if label in labels and not self._excluded(c) and not self._disagrees(c, label, gender, False):
                return c
            i -= 1
        return None

    @property
    def excluded(self) -> tuple[int, int]:
        return self._excluded_span

    @excluded.setter
    def excluded(self, span: tuple[int, int]) -> None:
        """The content being resolved; the names it mentions outside quotation marks are ruled out
        wherever else they occur ("il annonce son soutien à Benoît Hamon": "il" is not Hamon, named
        earlier too). Quoted words may name their speaker ("« personne n'aime autant la CIA que
        Donald Trump », a-t-il assuré"), and the rules tier's contents hold their own reporting
        clause ("…, sagte Svindal."): neither rules a name out."""
        self._excluded_span = span
        lo, hi = bisect.bisect_left(self.positions, span[0]), bisect.bisect_left(self.positions, span[1])
        self._excluded_names = {self.index.canonical(c.name) for c in self.cands[lo:hi]
                                if self.parsed and not self.quoted(c.pos)
                                and self.text.startswith(c.name, c.pos)}  # a name, not a resolved "il"

    def _excluded(self, c: Candidate) -> bool:
        inside = self.excluded[0] <= c.pos < self.excluded[1]
        return inside or self.index.canonical(c.name) in self._excluded_names

    def _disagrees(self, c: Candidate, label: str, gender: str | None, plural: bool | None) -> bool:
        if plural is not None and (c.number == "Plur") != plural:
            return True
        if gender is None or label != "PER":
            return False  # organisations take the grammatical gender of their noun ("elle", la société)
        known = self.index.gender_of(c.name)
        return known is not None and known != gender


HOLDER_DEPS = ("appos", "flat", "flat:name", "nmod", "compound", "nsubj", "dep")
MODIFIER_DEPS = ("nmod", "amod", "compound", "flat", "obl", "pobj", "prep")


def _shares_stem(head: str, word: str) -> bool:
    """Whether a name's word is the description's head noun, or the same word inflected or
    derived (a common start of at least six letters and nine tenths of the shorter word)."""
    word = word.strip("()\"'.,«»“”")
    if word == head:
        return len(head) >= 4
    common = len(os.path.commonprefix([head, word]))
    return common >= 6 and common >= 0.9 * min(len(head), len(word))


def modifiers(noun: Token, leave_out: Span | None = None) -> frozenset[str]:
    """Content words that qualify a description ("ministre *des Sports*", "gobernador *del Banco
    de Inglaterra*"), leaving out the name and any clause or apposition hung on it."""
    out = set()
    stack = [c for c in kids(noun) if c.dep_ in MODIFIER_DEPS]
    while stack:
        t = stack.pop()
        if leave_out is not None and leave_out.start <= t.i < leave_out.end:
            continue
        if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.is_alpha:
            out.add(t.lemma_.lower())
        stack += [c for c in kids(t) if c.dep_ not in ("appos", "acl", "acl:relcl", "relcl", "punct")]
    return frozenset(out)


class Holders:
    """Who holds a title or description in this article: "le ministre des Sports, Kiren Rijiju"
    makes the next "le ministre" Kiren Rijiju; "el grupo automovilístico Nissan", the next "el
    grupo" Nissan. Later holders of the same description replace earlier ones."""

    def __init__(self, named: list[tuple[Span, str, list]], index: NameIndex, heads: dict[str, set[str]]):
        self.items: list[tuple[int, str, frozenset[str], str, str]] = []  # pos, head, modifiers, name, label
        for ent, label, kept in named:
            known = heads.get(label, set())
            noun = self._description(ent, known)
            if noun is not None:
                name = index.canonical(name_text(kept))
                head = head_lemma(noun, known)
                self.items.append((ent.start_char, head, modifiers(noun, ent), name, label))

    @staticmethod
    def _description(ent: Span, heads: set[str]) -> Token | None:
        """The description noun a name is bound to: its head, the noun just before it, or a noun
        apposed to it."""
        root, doc = ent.root, ent.doc
        if any(c.dep_ == "case" for c in kids(root)):
            return None  # "responsable de Savia Amadeus": a name after a preposition holds nothing
        near = []
        if root.dep_ in HOLDER_DEPS and root.head.i != root.i:
            near.append(root.head)
            if not any(c.dep_ == "case" for c in kids(root.head)):
                near.append(root.head.head)  # "le groupe automobile Nissan"
        i = ent.start - 1
        while i > 0 and doc[i].pos_ == "ADJ":
            i -= 1  # "le groupe automobile Renault"
        if i >= 0:
            near.append(doc[i])
        near += [c for c in kids(root) if c.dep_ == "appos"]
        for tok in near:
            if tok.pos_ in ("NOUN", "PROPN") and (head_lemma(tok, heads) in heads or tok.lower_ in heads):
                return tok
        return None

    def holder(self, pos: int, head: str, words: frozenset[str]) -> tuple[str, str] | None:
        """The latest earlier holder of this description whose qualifiers include the mention's."""
        for at, h, mods, name, label in reversed(self.items):
            if at < pos and h == head and words <= mods:
                return name, label
        return None
