"""The attributed statement, shared by the parse tier (`attribution`) and the rules tier
(`attribution_patterns`).

It lives in a module of its own so that the two tiers import it from here and never from each
other (they used to import each other, with a lazy import whose failure silently gave no
statements at all). Fields are only ever added, never renamed: the statements table, the
speakers component and the trained scorer read them.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from .doc_text import doc_text


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
    fragments: list[tuple[int, int]] | None = None  # discontinuous content (merged quote pieces)
    rule: str = ""  # which rule found it (for review and confidence)
    cue_class: str | None = None  # speech, thought, intention, perception_or_document, according_to

    def source_text(self, doc: Doc) -> str | None:
        return None if self.source_start is None else doc_text(doc)[self.source_start : self.source_end]

    def cue_text(self, doc: Doc) -> str | None:
        return None if self.cue_start is None else doc_text(doc)[self.cue_start : self.cue_end]


CUE_CLASSES = ("speech", "thought", "intention", "perception_or_document", "according_to")


@dataclass
class CueClasses:
    """The language file's `cue_classes` (cue lemma or form -> class; unlisted cues are speech)
    and `infinitive_cue_classes` (the same, only when the content is an infinitive: "promised
    to cut" is an intention, "promised that" an utterance)."""

    by_cue: dict[str, str]
    by_infinitive_cue: dict[str, str]

    @classmethod
    def from_data(cls, data: dict) -> CueClasses:
        def invert(key: str) -> dict[str, str]:
            table = data.get(key, {})
            unknown = set(table) - set(CUE_CLASSES)
            if unknown:
                raise ValueError(f"[attribution] {key}: unknown cue class(es) {sorted(unknown)}; "
                                 f"expected {', '.join(CUE_CLASSES)}")
            return {w.lower(): name for name, words in table.items() for w in words}

        return cls(invert("cue_classes"), invert("infinitive_cue_classes"))

    def classify(self, st: Statement) -> str | None:
        """The class of a statement's cue. A quotation wholly in quotation marks is an utterance
        whatever its verb ("“It is a disaster,” she fears" is reported speech)."""
        if st.kind == "claim":
            return None
        if st.kind == "according_to":
            return "according_to"
        lemma = (st.cue_lemma or "").lower()
        found = self.by_infinitive_cue.get(lemma) if st.rule == "infinitive" else None
        found = found or self.by_cue.get(lemma, "speech")
        if st.kind == "direct" and found in ("thought", "intention"):
            return "speech"
        return found


def parse_cue_classes(value: str | None) -> set[str] | None:
    """ "speech,according_to" -> {"speech", "according_to"}; None or "all" -> None (keep all)."""
    if value is None or value.strip().lower() in ("", "all"):
        return None
    names = {v.strip() for v in value.split(",") if v.strip()}
    unknown = names - set(CUE_CLASSES)
    if unknown:
        raise ValueError(f"unknown cue class(es) {', '.join(sorted(unknown))}; "
                         f"expected {', '.join(CUE_CLASSES)}")
    return names
