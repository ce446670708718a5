"""Resolve source mentions ("Il", "L'entreprise", "le géant du e-commerce", "the company", "he")
to the named entity they refer to, and label the speaker PER/ORG/LOC/GROUP/UNKNOWN.

No coreference model installs offline (coreferee and fastcoref fetch weights from GitHub or the
Hugging Face hub), so this is a heuristic resolver driven by the language file's pronouns and
speaker descriptions.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import lang as langdata

LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "NORP": "GROUP"}


@Language.factory("newsfacts_speakers")
def make_speakers(nlp: Language, name: str) -> SpeakersComponent:
    return SpeakersComponent(nlp.lang)


class SpeakersComponent:
    def __init__(self, lang: str):
        data = langdata.load(lang)["speakers"]
        self.pronouns = {p.lower(): g for g, ps in data.get("pronouns", {}).items() for p in ps}
        self.org_heads = {w.lower() for w in data.get("org_descriptions", [])}
        self.per_heads = {w.lower() for w in data.get("person_descriptions", [])}

    def __call__(self, doc: Doc) -> Doc:
        for st in doc._.statements or []:
            if st.source_start is None:
                continue
            mention = doc.char_span(st.source_start, st.source_end, alignment_mode="expand")
            if mention is None:
                continue
            ents = [e for e in doc.ents if e.start >= mention.start and e.end <= mention.end
                    and LABELS.get(e.label_) in ("PER", "ORG", "LOC", "GROUP")]
            if ents:
                st.speaker, st.speaker_label = ents[-1].text, LABELS[ents[-1].label_]
                continue
            words = {t.lower_ for t in mention}
            want = None
            if words & set(self.pronouns):
                want = None  # any label
            elif words & self.org_heads:
                want = "ORG"
            elif words & self.per_heads:
                want = "PER"
            else:
                st.speaker, st.speaker_label = mention.text, "UNKNOWN"
                continue
            antecedent = None
            for e in doc.ents:
                if e.end_char > st.source_start:
                    break
                label = LABELS.get(e.label_)
                if label in ("PER", "ORG") and (want is None or want == label):
                    antecedent = e
            if antecedent is not None:
                st.speaker, st.speaker_label = antecedent.text, LABELS[antecedent.label_]
        return doc
