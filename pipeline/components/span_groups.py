"""`newsfacts_span_groups`: the statements as spaCy span groups, a second way in.

`doc._.statements` stays as it is (character offsets, resolved speakers). This step adds the same
statements as `Span`s, so that a spaCy user can render them with displaCy's span renderer, save
them with `DocBin`, or match on them in their own components:

  doc.spans["newsfacts_statements"]  source + cue + content, label = kind (direct, indirect, ...)
  doc.spans["newsfacts_contents"]    what was said, label = kind
  doc.spans["newsfacts_cues"]        the cue ("a déclaré", "according to"), label = cue lemma
  doc.spans["newsfacts_speakers"]    the source mention, label = speaker label (PER, ORG, ...)

Every span's `id_` is the statement's index in `doc._.statements`, which ties the four together.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

GROUPS = ("newsfacts_statements", "newsfacts_contents", "newsfacts_cues", "newsfacts_speakers")


@Language.component("newsfacts_span_groups", requires=["doc._.statements"], assigns=["doc.spans"])
def span_groups(doc: Doc) -> Doc:
    found: dict[str, list[Span]] = {name: [] for name in GROUPS}
    for i, st in enumerate(doc._.statements or []):
        ident = str(i)
        parts = [(st.start, st.end), (st.cue_start, st.cue_end), (st.source_start, st.source_end)]
        present = [(a, b) for a, b in parts if a is not None and b is not None]
        _add(found["newsfacts_statements"], doc, min(a for a, _ in present), max(b for _, b in present),
             st.kind, ident)
        _add(found["newsfacts_contents"], doc, st.start, st.end, st.kind, ident)
        _add(found["newsfacts_cues"], doc, st.cue_start, st.cue_end, st.cue_lemma or "CUE", ident)
        _add(found["newsfacts_speakers"], doc, st.source_start, st.source_end,
             st.speaker_label or "UNKNOWN", ident)
    for name, spans in found.items():
        doc.spans[name] = spans
    return doc


def _add(out: list[Span], doc: Doc, start: int | None, end: int | None, label: str, ident: str) -> None:
    """Append the span over [start, end) when both ends are known and map onto tokens."""
    if start is None or end is None or end <= start:
        return
    span = doc.char_span(start, end, label=label, span_id=ident, alignment_mode="expand")
    if span is not None:
        out.append(span)
