"""newsfacts spaCy components. Importing this package registers the factories and extensions.

Results live on the Doc:
  doc._.article            dict: id, published (datetime.date | None), path, lang, tier
  doc.spans["quantities"]  spans with span._.quantity = quantities.Quantity
  doc.spans["dates"]       spans with span._.date = dates.DateMention
  doc._.statements         list[attribution.Statement], speakers resolved in place
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
    dates,
    entities,
    ordinal_dots,
    paragraphs,
    quantities,
    speakers,
    transformers_ner,
)
