"""newsfacts spaCy components. Importing this package registers the factories and extensions.

An installed newsfacts also advertises every factory through the `spacy_factories` entry points
(pyproject.toml), so `spacy.blank("fr").add_pipe("newsfacts_attribution")` works without
importing this package first.

Results live on the Doc:
  doc._.article            dict: id, published (datetime.date | None), path, lang, tier
  doc.spans["quantities"]  spans with span._.quantity = quantities.Quantity
  doc.spans["dates"]       spans with span._.date = dates.DateMention
  doc._.statements         list[attribution.Statement], speakers resolved in place
  doc.spans["newsfacts_statements"], ["newsfacts_contents"], ["newsfacts_cues"],
  ["newsfacts_speakers"]   the same statements as span groups (span_groups.py)
  doc.ents                 named entities (model, rule-based or transformers)
"""

from spacy.tokens import Doc, Span

for _name, _default in (("article", None), ("statements", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
for _name in ("quantity", "date"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)

# register factories (transformers_ner imports torch/transformers only when the component is created)
from . import (  # noqa: E402,F401
    attribution,
    date_numbers,
    dates,
    entities,
    ordinal_dots,
    paragraphs,
    quantities,
    span_groups,
    speakers,
    statement_scorer,
    transformers_ner,
)
