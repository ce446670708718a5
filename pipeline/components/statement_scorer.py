"""A trained scorer over the statements the rules propose: each one gets a probability of being a
right attribution (content, source and cue all matching an annotator's), and those under the
model's threshold are dropped.

Why a scorer and not a trained extractor: the rules already find most statements (content recall
~70% on PolNeAR), and their errors are mostly false positives of recognisable shapes (a belief
verb with a short object, a floating quote far from any speaker, a headline colon...). A
logistic regression over features of the proposed statement learns those shapes from annotated
articles, costs a dot product per statement, and is a few hundred kilobytes of JSON.

Features are kept mostly language-independent (rule, kind, lengths, position, quotes, parse
labels of the cue and the source, speaker label) so a model trained on English and German also
applies to other languages; each feature is also emitted conjoined with the language
("frustratingly easy" domain adaptation), so the training languages get their own corrections
without the shared weights having to carry them. Cue lemmas are lexical and only help the
languages trained on.

The model file (JSON) is selected per language through the catalog (`statement_scorer = "<path>"`,
relative to pipeline/data/, where the shipped one lives, or to models/); `pipeline/train.py`
writes it.
"""

from __future__ import annotations

import bisect
import json
import math
import re
import warnings
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .. import lang as lang_data
from .doc_text import doc_text

FEATURE_VERSION = 3
SHIPPED_DIR = Path(__file__).resolve().parents[1] / "data"  # package data: a wheel install has it
MODELS_DIR = Path(__file__).resolve().parents[2] / "models"  # a checkout's models/, for your own
_SENT_END = ".!?"
_QUOTES = "\"“”«»„‘’「」『』"


@dataclass
class ScorerModel:
    """Weights by feature name, a bias and the decision threshold (per language when trained on it)."""

    weights: dict[str, float]
    bias: float = 0.0
    threshold: float = 0.5
    thresholds: dict[str, float] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)

    def probability(self, feats: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def threshold_for(self, lang: str) -> float:
        return self.thresholds.get(lang, self.threshold)

    def to_json(self) -> dict:
        return {"feature_version": FEATURE_VERSION, "bias": self.bias, "threshold": self.threshold,
                "thresholds": self.thresholds, "meta": self.meta,
                "weights": {k: round(v, 5) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-4}}

    @classmethod
    def from_json(cls, data: dict) -> ScorerModel:
        if data.get("feature_version") != FEATURE_VERSION:
            raise ValueError(f"statement scorer model has feature_version {data.get('feature_version')}, "
                             f"this code computes version {FEATURE_VERSION}: retrain it (`make train`)")
        return cls(weights=data["weights"], bias=float(data.get("bias", 0.0)),
                   threshold=float(data.get("threshold", 0.5)), thresholds=data.get("thresholds", {}),
                   meta=data.get("meta", {}))

    def save(self, path: str | Path) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=0), encoding="utf-8")


def resolve_path(path: str | Path) -> Path:
    """An absolute path as is; a relative one (as the catalog names it) under pipeline/data/ (the
    shipped model), else under models/, else from the working directory."""
    p = Path(path)
    if p.is_absolute():
        return p
    for base in (SHIPPED_DIR, MODELS_DIR):
        if (base / p).is_file():
            return base / p
    return p


@cache
def load_model(path: str) -> ScorerModel:
    return ScorerModel.from_json(json.loads(resolve_path(path).read_text(encoding="utf-8")))


# --------------------------------------------------------------------------- features
def _bucket(n: float, edges: tuple[float, ...]) -> str:
    """The first edge n does not exceed ("<=5"), or ">last"."""
    for e in edges:
        if n <= e:
            return f"<={e:g}"
    return f">{edges[-1]:g}"


class _DocIndex:
    """Token and sentence starts of a Doc, for offset -> token lookups without char_span."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)
        self.tok_starts = [t.idx for t in doc]
        try:
            self.sents = list(doc.sents)
        except ValueError:  # no sentence boundaries: one sentence
            self.sents = [doc[:]]
        self.sent_starts = [s.start_char for s in self.sents]
        self.parsed = doc.has_annotation("DEP")
        self.tagged = doc.has_annotation("POS")

    def token_at(self, offset: int):
        i = bisect.bisect_right(self.tok_starts, offset) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def sent_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, offset) - 1)


def _words(text: str) -> int:
    return len(text.split())


def _cue_features(st, ix: _DocIndex) -> list[str]:
    if st.cue_start is None:
        return ["cue=none"]
    out = []
    cue = ix.text[st.cue_start:st.cue_end]
    out.append(f"cue_words={min(3, _words(cue))}")
    if cue[:1].isupper():
        out.append("cue_cap")
    tok = ix.token_at(st.cue_start)
    if tok is None:
        return out
    if ix.tagged:
        out.append(f"cue_pos={tok.pos_}")
        for key in ("VerbForm", "Tense", "Mood", "Voice"):
            out.extend(f"cue_{key}={v}" for v in tok.morph.get(key))
    if ix.parsed:
        out.append(f"cue_dep={tok.dep_}")
        out.append(f"cue_head_pos={tok.head.pos_}" if tok.head.i != tok.i else "cue_root")
        if any(c.dep_ in ("neg", "advmod") and c.lower_ in ("not", "n't", "pas", "no", "nicht", "ne")
               for c in tok.children):
            out.append("cue_negated")
    if tok.is_sent_start:
        out.append("cue_sent_start")
    return out


def _source_features(st, ix: _DocIndex) -> list[str]:
    if st.source_start is None:
        return ["source=none", f"speaker={'yes' if st.speaker else 'no'}"]
    src = ix.text[st.source_start:st.source_end]
    out = ["source=yes", f"source_words={_bucket(_words(src), (1, 2, 3, 5, 8))}",
           f"speaker_label={st.speaker_label or 'none'}", f"resolved={'yes' if st.speaker else 'no'}"]
    if src[:1].isupper():
        out.append("source_cap")
    if st.speaker and st.speaker.lower() in src.lower():
        out.append("speaker_in_mention")
    tok = ix.token_at(st.source_start)
    if tok is not None and ix.tagged:
        out.append(f"source_pos={tok.pos_}")
        if tok.pos_ == "PRON" and not st.speaker:
            out.append("source_pronoun_unresolved")
        out.extend(f"source_Person={v}" for v in tok.morph.get("Person"))
        if tok.ent_type_:
            out.append(f"source_ent={tok.ent_type_}")
    return out


def _content_features(st, ix: _DocIndex) -> list[str]:
    text = ix.text
    content = text[st.start:st.end]
    n = _words(content)
    out = [f"words={_bucket(n, (1, 2, 3, 5, 8, 12, 20, 35, 60))}"]
    stripped = content.strip()
    first_char = stripped[:1]
    out.append("first=" + ("upper" if first_char.isupper() else "lower" if first_char.islower()
                           else "digit" if first_char.isdigit() else "other"))
    if stripped[:1] in _QUOTES:
        out.append("starts_quote")
    if stripped[-1:] in _QUOTES:
        out.append("ends_quote")
    if stripped[-1:] in _SENT_END or stripped[-2:-1] in _SENT_END:
        out.append("ends_sentence_punct")
    if "?" in content:
        out.append("question")
    if any(c.isdigit() for c in content):
        out.append("digits")
    if st.fragments:
        out.append(f"fragments={min(3, len(st.fragments))}")
    first, last = ix.sent_index(st.start), ix.sent_index(max(st.start, st.end - 1))
    out.append(f"sents_spanned={min(3, last - first + 1)}")
    sent = ix.sents[first]
    share = (min(st.end, sent.end_char) - st.start) / max(1, sent.end_char - sent.start_char)
    out.append(f"sent_share={_bucket(round(share, 2), (0.2, 0.4, 0.6, 0.8, 0.95))}")
    out.append(f"sent_index={_bucket(first, (0, 1, 2, 4, 8, 16))}")
    out.append(f"doc_pos={_bucket(st.start / max(1, len(text)), (0.1, 0.3, 0.6))}")
    if "\n" not in text[:st.start]:
        out.append("first_line")
    tok = ix.token_at(st.start)
    if tok is not None and ix.tagged:
        out.append(f"content_first_pos={tok.pos_}")
    return out


@cache
def _listed_words(lang: str) -> frozenset[str]:
    """Every word and phrase of the language file's attribution table, lower-cased."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                found.add(str(key).lower())
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            for phrase in value.lower().split("|"):  # "führt|führte … aus": each form, each word
                found.add(phrase.strip())
                found.update(phrase.split())

    walk(lang_data.load(lang).get("attribution", {}))
    return frozenset(found)


@cache
def _mood_forms(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The language file's verb forms of reported speech (German Konjunktiv I) and of hearsay
    ("soll"): empty for languages whose files list none."""
    table = lang_data.load(lang).get("attribution", {})
    return (frozenset(w.lower() for w in table.get("subjunctive_forms", [])),
            frozenset(w.lower() for w in table.get("hearsay_forms", [])))


def _mood_features(st, ix: _DocIndex, lang: str) -> list[str]:
    """Whether the content is in the mood of reported speech. In German it is the strongest sign
    that a proposed content is somebody's statement: on the 700 training articles, 79% of the
    cue-then-content rows with a Konjunktiv I form are right against 61% without."""
    reported, hearsay = _mood_forms(lang)
    if not reported and not hearsay:
        return []
    words = set(re.findall(r"\w+", ix.text[st.start:st.end].lower()))
    return [f"mood_{name}" for name, forms in (("reported", reported), ("hearsay", hearsay))
            if words & forms]


class _Neighbours:
    """The other statements of a Doc, indexed so that each statement finds those of its sentence
    and those overlapping it without scanning them all (linear in the article, not quadratic)."""

    def __init__(self, statements: list, ix: _DocIndex):
        self.per_sentence: dict[int, int] = {}
        for o in statements:
            k = ix.sent_index(o.start)
            self.per_sentence[k] = self.per_sentence.get(k, 0) + 1
        self.ix = ix
        self.by_start = sorted(statements, key=lambda o: o.start)
        self.starts = [o.start for o in self.by_start]
        self.longest = max((o.end - o.start for o in statements), default=0)

    def same_sentence(self, st) -> int:
        """Other statements starting in the sentence where `st` starts."""
        return self.per_sentence.get(self.ix.sent_index(st.start), 0) - 1

    def overlapping(self, st) -> list:
        """Other statements whose content overlaps that of `st` (one that starts before it can
        reach it only from within the longest content's length)."""
        lo = bisect.bisect_right(self.starts, st.start - self.longest)
        hi = bisect.bisect_left(self.starts, st.end)
        return [o for o in self.by_start[lo:hi] if o is not st and o.start < st.end and st.start < o.end]


def _relation_features(st, ix: _DocIndex, others) -> list[str]:
    """Where the cue and source sit relative to the content, and how crowded the sentence is."""
    out = []
    if st.cue_start is not None:
        if st.cue_end <= st.start:
            where, gap = "before", ix.text[st.cue_end:st.start]
        elif st.cue_start >= st.end:
            where, gap = "after", ix.text[st.end:st.cue_start]
        else:
            where, gap = "inside", ""
        out += [f"cue_{where}", f"kind={st.kind}&cue_{where}",
                f"cue_gap={_bucket(_words(gap), (0, 1, 3, 8))}"]
        if any(c in gap for c in _QUOTES):
            out.append("quote_between_cue_content")
    if st.source_start is not None and st.cue_start is not None:
        before = st.source_start < st.cue_start
        out.append("source_before_cue" if before else "source_after_cue")
        gap = ix.text[st.source_end:st.cue_start] if before else ix.text[st.cue_end:st.source_start]
        out.append(f"source_cue_gap={_bucket(_words(gap), (0, 1, 3, 8))}")
    near = others if isinstance(others, _Neighbours) else _Neighbours(others, ix)
    same = near.same_sentence(st)
    overlap = near.overlapping(st)
    out.append(f"same_sent={min(2, same)}")
    if overlap:
        out.append("overlaps_other")
    if any(o.start <= st.start and st.end <= o.end for o in overlap):
        out.append("inside_other")
    if any(st.start <= o.start and o.end <= st.end for o in overlap):
        out.append("contains_other")
    return out


def features(st, ix: _DocIndex, others: list, lang: str) -> list[str]:
    """The feature names of one statement; every name also comes conjoined with the language, and
    the cue lemma only so (a lemma means nothing in another language)."""
    rule, kind = st.rule or "none", st.kind
    base = [f"rule={rule}", f"kind={kind}", f"rule_kind={rule}|{kind}",
            f"tier={'parse' if ix.parsed else 'rules'}", f"rule_conf={round(st.confidence, 2)}"]
    cue_class = getattr(st, "cue_class", None)
    if cue_class:
        base.append(f"cue_class={cue_class}")
    base += _cue_features(st, ix) + _source_features(st, ix) + _content_features(st, ix)
    base += _relation_features(st, ix, others) + _mood_features(st, ix, lang)
    base += [f"rule={rule}&{f}" for f in base
             if f.startswith(("source=", "words=", "cue_", "sent_share", "mood_"))]
    lemma = (st.cue_lemma or "").lower()
    # only a lemma the language file lists: a verb a rule took without the lexicon ("As X put it:
    # “…”") would make the model keep a word of its training articles
    listed = lemma in _listed_words(lang) or not any(ch.isalnum() for ch in lemma)  # ":" and "—" cues
    lexical = [f"lemma={lemma}"] if st.cue_start is not None and listed else []
    return base + [f"{lang}:{f}" for f in base + lexical]


def statement_features(doc: Doc, statements: list, lang: str) -> list[list[str]]:
    """Features of every statement of a Doc, in order."""
    ix = _DocIndex(doc)
    near = _Neighbours(statements, ix)
    return [features(st, ix, near, lang) for st in statements]


# --------------------------------------------------------------------------- the component
@Language.factory("newsfacts_statement_scorer", default_config={"model": "", "threshold": -1.0},
                  requires=["doc._.statements"], assigns=["doc._.statements"])
def make_statement_scorer(nlp: Language, name: str, model: str, threshold: float) -> StatementScorer:
    return StatementScorer(nlp.lang, model, threshold)


class StatementScorer:
    """Sets each statement's `confidence` to the model's probability and drops those under the
    threshold (`threshold` < 0: the model's own). Claims are left alone. A model file that is
    missing or was trained on other features turns the scorer off with a warning: extraction
    never fails for it, and `newsfacts train` can still run to replace it."""

    def __init__(self, lang: str, model: str, threshold: float = -1.0):
        self.lang = lang
        self.model = None
        self.threshold = threshold
        try:
            self.model = load_model(model) if model else None
        except (OSError, ValueError) as e:  # missing or stale: the rules run alone, as without a scorer
            warnings.warn(f"statement scorer {model!r} not used: {e}", stacklevel=2)

    def __call__(self, doc: Doc) -> Doc:
        statements = doc._.statements or []
        scored = [s for s in statements if s.kind != "claim"]
        if self.model is None or not scored:
            return doc
        lang = (doc._.article or {}).get("lang") or self.lang
        cut = self.threshold if self.threshold >= 0 else self.model.threshold_for(lang)
        keep = set()
        for st, feats in zip(scored, statement_features(doc, scored, lang), strict=True):
            st.confidence = round(self.model.probability(feats), 3)
            if st.confidence >= cut:
                keep.add(id(st))
        doc._.statements = [s for s in statements if s.kind == "claim" or id(s) in keep]
        return doc
