"""Attributed statements: cue, source mention and content, of kind direct, indirect, mixed or
according_to; and numeric claims the article makes itself (kind `claim`).

Written by hand rather than taken from a library: the published extractors find direct quotes
only (textacy, CoreNLP) or are tied to old spaCy versions (GenderGapTracker), and most news
statements are indirect. The rules are syntax-driven where a parser exists and fall back to
cue-lexicon and quotation-mark patterns for the rules-only tier; the cue lexicon, according-to
markers and quotation marks come from the language data file.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import lang as langdata


@dataclass
class Statement:
    start: int  # content, character offsets into doc.text
    end: int
    kind: str  # direct, indirect, mixed, according_to, claim
    cue_start: int | None = None
    cue_end: int | None = None
    cue_lemma: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    speaker: str | None = None  # resolved name, set by the speakers component
    speaker_label: str | None = None
    confidence: float = 0.5

    def source_text(self, doc: Doc) -> str | None:
        return None if self.source_start is None else doc.text[self.source_start:self.source_end]

    def cue_text(self, doc: Doc) -> str | None:
        return None if self.cue_start is None else doc.text[self.cue_start:self.cue_end]


@Language.factory("newsfacts_attribution")
def make_attribution(nlp: Language, name: str) -> AttributionComponent:
    return AttributionComponent(nlp.lang)


class AttributionComponent:
    def __init__(self, lang: str):
        data = langdata.load(lang)["attribution"]
        self.cues = {c.lower() for c in data.get("cue_lemmas", [])}
        self.according = [a.lower() for a in data.get("according_to", [])]

    def __call__(self, doc: Doc) -> Doc:
        statements: list[Statement] = []
        has_parse = doc.has_annotation("DEP")
        for sent in doc.sents:
            if has_parse:
                statements.extend(self._verb_statements(sent))
            statements.extend(self._according_to(sent))
        statements.sort(key=lambda s: s.start)
        statements.extend(_claims(doc, statements))
        doc._.statements = statements
        return doc

    def _verb_statements(self, sent: Span) -> list[Statement]:
        found = []
        for tok in sent:
            if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in self.cues:
                continue
            content = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "obj", "dobj", "parataxis")]
            if not content:
                continue
            c0 = min(content[0].subtree, key=lambda t: t.i)
            c1 = max(content[-1].subtree, key=lambda t: t.i)
            subj = _subject(tok)
            st = Statement(c0.idx, c1.idx + len(c1.text), "indirect", tok.idx, tok.idx + len(tok.text),
                           tok.lemma_.lower(), confidence=0.6)
            if subj is not None:
                s0 = min(subj.subtree, key=lambda t: t.i)
                st.source_start, st.source_end = s0.idx, subj.idx + len(subj.text)
            found.append(st)
        return found

    def _according_to(self, sent: Span) -> list[Statement]:
        low = sent.text.lower()
        for marker in self.according:
            i = low.find(marker + " ")
            if i < 0:
                continue
            start = sent.start_char + i
            rest = sent.text[i + len(marker) + 1:]
            comma = rest.find(",")
            if comma < 0:
                continue
            src_start = start + len(marker) + 1
            src_end = src_start + comma
            content_start = src_end + 1
            while content_start < sent.end_char and sent.doc.text[content_start] == " ":
                content_start += 1
            content_end = sent.end_char
            while content_end > content_start and sent.doc.text[content_end - 1] in ".!? ":
                content_end -= 1
            if content_end - content_start < 10:
                continue
            return [Statement(content_start, content_end, "according_to", start, start + len(marker),
                              marker, src_start, src_end, confidence=0.6)]
        return []


def _subject(verb: Token) -> Token | None:
    for tok in (verb, *verb.ancestors):
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubj:pass", "expl:subj"):
                return c
        if tok.dep_ not in ("conj", "xcomp", "advcl"):
            break
    return None


def _claims(doc: Doc, statements: list[Statement]) -> list[Statement]:
    """Sentences with quantities that no statement covers become claims of the article itself."""
    quantities = doc.spans["quantities"] if "quantities" in doc.spans else []
    claims = []
    covered = [(s.start, s.end) for s in statements]
    for sent in doc.sents:
        inside = [q for q in quantities if sent.start_char <= q.start_char < sent.end_char]
        if not inside:
            continue
        if any(a <= q.start_char < b for q in inside for a, b in covered):
            continue
        claims.append(Statement(sent.start_char, sent.end_char, "claim", confidence=0.5))
    return claims
