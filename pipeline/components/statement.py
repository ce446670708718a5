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

    def source_text(self, doc: Doc) -> str | None:
        return None if self.source_start is None else doc_text(doc)[self.source_start : self.source_end]

    def cue_text(self, doc: Doc) -> str | None:
        return None if self.cue_start is None else doc_text(doc)[self.cue_start : self.cue_end]
