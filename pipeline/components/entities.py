"""Named entities beyond the base model.

`newsfacts_entities` runs after the model's NER (trained tier) or alone (rules tier):
- rules tier: capitalised sequences, titles and honorifics, organisation suffixes and heads,
  gazetteers, all from the language file's [entities] table;
- trained tier: label fix-ups, e.g. the name in "l'entreprise X" / "le géant X" is an ORG, and
  every mention of one name in an article gets the same label.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import lang as langdata


@Language.factory("newsfacts_entities", default_config={"mode": "fixup"})
def make_entities(nlp: Language, name: str, mode: str) -> EntitiesComponent:
    return EntitiesComponent(nlp.lang, mode)


class EntitiesComponent:
    def __init__(self, lang: str, mode: str):
        data = langdata.load(lang)["entities"]
        self.mode = mode
        self.org_suffixes = {w.lower() for w in data.get("org_suffixes", [])}
        self.org_heads = {w.lower() for w in data.get("org_heads", [])}
        self.titles = {w.lower() for w in data.get("titles", [])}
        self.stop = {w.lower() for w in data.get("not_names", [])}
        self.capitalised = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*")

    def __call__(self, doc: Doc) -> Doc:
        if self.mode == "rules":
            doc.ents = filter_spans(list(doc.ents) + self._rule_entities(doc))
        doc.ents = self._consistent_labels(doc)
        return doc

    def _rule_entities(self, doc: Doc) -> list[Span]:
        spans = []
        i = 0
        while i < len(doc):
            tok = doc[i]
            if self.capitalised.fullmatch(tok.text) and tok.lower_ not in self.stop and not tok.is_sent_start:
                j = i + 1
                while j < len(doc) and self.capitalised.fullmatch(doc[j].text):
                    j += 1
                words = [t.lower_ for t in doc[i:j]]
                prev = doc[i - 1].lower_ if i else ""
                if words[-1] in self.org_suffixes or words[0] in self.org_heads:
                    label = "ORG"
                elif prev in self.titles or j - i >= 2:
                    label = "PER"
                else:
                    label = "MISC"
                spans.append(Span(doc, i, j, label=label))
                i = j
            else:
                i += 1
        return spans

    def _consistent_labels(self, doc: Doc) -> list[Span]:
        """Every mention of a name gets the label of its most informative mention."""
        best: dict[str, str] = {}
        for ent in doc.ents:
            prev = doc[ent.start - 1].lower_ if ent.start else ""
            if prev in self.org_heads or ent[-1].lower_ in self.org_suffixes:
                best[ent.text] = "ORG"
        if not best:
            return list(doc.ents)
        return [Span(doc, e.start, e.end, label=best.get(e.text, e.label_)) for e in doc.ents]
