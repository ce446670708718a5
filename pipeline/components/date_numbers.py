"""`newsfacts_date_numbers`: a year or a day inside a date is not a count.

The quantities component reads numbers alone; "le 12 mars 2024" holds a 12 and a 2024 that are
part of a date. Once dates are found, this step drops the quantities that lie inside a date or
a clock time ("14h30"). It used to run hidden inside the dates component; as its own named step
it shows in `nlp.pipe_names` and `nlp.analyze_pipes()`, and either component can run alone.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .dates import CLOCK_KEY, drop_counts_inside_dates


@Language.component("newsfacts_date_numbers", requires=["span._.date", "span._.quantity"],
                    assigns=["doc.spans"])
def date_numbers(doc: Doc) -> Doc:
    dates = doc.spans["dates"] if "dates" in doc.spans else []
    drop_counts_inside_dates(doc, [(sp.start_char, sp.end_char) for sp in dates]
                             + list(doc.user_data.get(CLOCK_KEY, [])))
    return doc
