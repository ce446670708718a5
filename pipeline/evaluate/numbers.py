"""`newsfacts predict|eval --task numbers`: quantities without spaCy, in the referee's format.

Prediction: `{"id", "items": [{"start", "end", "text", "value"}]}` per record, from
`find_quantities(record["input"], record["lang"])` (a plain function, no parse), so the task runs
at thousands of cases per second. Ranges give their low and high bound (Recognizers-Text lists
both) and, when the bounds are close (high <= 10 x low), their middle (quantulum3 scores it).
Numbers next to a month name, digits glued to a unit ("180ml", kind "measure") and article
determiners ("un", "une", "ein") are left out: the Recognizers-Text number specs do not count
them (its unit specs, kinds dimension/temperature/age/currency, do count "75ml"). Spelled-out
ordinals ("vingt et unième") are emitted with their number because text2num's gold counts them
and Recognizers-Text's inputs barely contain them; the statements table (components/quantities.py)
never counts ordinals.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..components.quantities import find_quantities

NOT_COUNTS = frozenset({"date", "year", "time", "determiner", "measure"})
# A record's kind names the Recognizers-Text model it tests: the number model leaves a number glued
# to its unit out ("the 180ml liquid"), the unit models (dimension, temperature, age, currency)
# read it ("75ml" is 75 ml). Other sets (text2num, quantulum3) keep the number model's rule.
UNIT_KINDS = frozenset({"dimension", "temperature", "age", "currency"})
UNIT_NOT_COUNTS = NOT_COUNTS - {"measure"}


def items(text: str, lang: str, skip: frozenset = NOT_COUNTS) -> list[dict]:
    out = []
    for q in find_quantities(text, lang):
        if q.kind in skip:
            continue
        if q.high is not None:
            low_end = q.start + len(q.text) - len(q.high_text or "")
            out.append({"start": q.start, "end": q.end, "text": q.text, "value": q.value})
            out.append({"start": low_end, "end": q.end, "text": q.high_text, "value": q.high})
            if 0 < q.value < q.high <= 10 * q.value:  # "44 to 50 mg", "3-5%": quantulum3 scores the middle
                out.append({"start": q.start, "end": q.end, "text": q.text, "value": (q.value + q.high) / 2})
        else:
            out.append({"start": q.start, "end": q.end, "text": q.text, "value": q.value})
    return out


def predict(records: Iterable[dict]) -> Iterator[dict]:
    for r in records:
        skip = UNIT_NOT_COUNTS if r.get("kind") in UNIT_KINDS else NOT_COUNTS
        text = r.get("input") or r.get("text") or ""
        yield {"id": r["id"], "items": items(text, r.get("lang") or "en", skip)}


def score(gold: list[dict], pred: list[dict]) -> dict:
    """The referee's figures (recall over all kinds, precision where the gold lists every number)."""
    try:
        from .scoring import numbers
    except ImportError:
        return _referee(gold, pred)
    return numbers(gold, pred)


def _referee(gold: list[dict], pred: list[dict]) -> dict:
    """Fallback until scoring.numbers exists: run ../shared/tools/referee.py."""
    tool = Path(__file__).resolve().parents[3] / "shared" / "tools" / "referee.py"
    with tempfile.TemporaryDirectory() as tmp:
        g, p, out = Path(tmp, "g.jsonl"), Path(tmp, "p.jsonl"), Path(tmp, "s.json")
        for path, rows in ((g, gold), (p, pred)):
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        subprocess.run([sys.executable, str(tool), "numbers", str(g), str(p), "--json", str(out)],
                       check=True, capture_output=True)
        return json.loads(out.read_text(encoding="utf-8"))
