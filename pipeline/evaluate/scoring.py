"""Scorers for the shared gold formats, one function per task.

Each function takes the gold records and the prediction records (joined on "id"; a gold record
without a prediction counts as an empty prediction) and returns the same dict as the reference
scorer ../shared/tools/referee.py, including its "headline" string. The product carries its own
copy because users score their own gold without the shared folder; tests/test_evaluate.py checks
on every shared set that the figures stay equal. The rounding (percentages rounded before an F1
is derived from them in NER, P/R/F1 to one decimal in attribution) and the tie-breaking of the
greedy one-to-one matching are part of the contract, so they are kept exactly.

Matching rules, in short:
- attribution: one-to-one greedy matching of content spans on alphanumeric characters; the
  headline `attr.full` needs content Jaccard >= 0.5, a source that covers the head of the gold
  source (or names the resolved speaker) and an overlapping cue.
- numbers: per case, each gold value matches at most one unused predicted value (relative
  tolerance 1e-6). Recall over all kinds, precision only on kinds whose gold lists every number.
- dates: detection = a predicted span overlaps the gold span; day value = an overlapping
  prediction carries the gold's calendar day.
- langid: accuracy of the normalised ISO 639-1 code, by item length and language.
- ner: exact (start, end, label) micro P/R/F1 over PER, ORG, LOC.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

Record = Mapping[str, Any]
Span = Mapping[str, Any]


# --------------------------------------------------------------------------- shared helpers
def _by_id(rows: Iterable[Record]) -> dict[Any, Record]:
    return {r["id"]: r for r in rows}


def _ratio(num: float, den: float) -> float | None:
    """A percentage rounded to two decimals, None when there is nothing to divide by."""
    return round(100.0 * num / den, 2) if den else None


def _f1_of_percentages(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 2) if p and r else 0.0


# --------------------------------------------------------------------------- attribution
_POSTMODIFIER = {
    "en": r"\b(of|for|at|from|with|who|whose|which|that|in|on|to|and)\b",
    "fr": r"\b(de|du|des|d'|d’|qui|à|au|aux|pour|chez|et)\b",
    "es": r"\b(de|del|que|en|para|y)\b",
    "pt": r"\b(de|do|da|dos|das|que|em|para|e)\b",
    "it": r"\b(di|del|della|che|in|per|e)\b",
}
_DETERMINERS = {
    "fr": {"le", "la", "les", "l", "un", "une", "des", "du", "m", "mme", "mm", "ce", "cette", "son", "sa",
           "ses", "leur", "leurs"},
    "es": {"el", "la", "los", "las", "un", "una", "sr", "sra", "su", "sus"},
    "pt": {"o", "a", "os", "as", "um", "uma", "sr", "sra", "seu", "sua"},
    "it": {"il", "lo", "la", "i", "gli", "le", "un", "una", "l", "sig", "suo", "sua"},
}
_HEAD_WORD = re.compile(r"\w[\w\-’']*")
_HEAD_CUT = re.compile(r"[,(\[;:]")
_NAME_WORD = re.compile(r"\w+")

_COUNTERS = ("exact", "j50", "cov30", "cov80", "content_source", "full", "full_lenient",
             "source_head_ok", "source_overlap_ok", "cue_ok", "type_ok", "resolved_n", "resolved_ok",
             "chars_inter", "chars_gold", "chars_pred")


def norm_name(name: str | None) -> str:
    """Lower-case, accent-free words, space-joined ("Mme Élisabeth Borne" -> "mme elisabeth borne")."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NAME_WORD.findall(plain.lower()))


def span_chars(span: Span | None) -> set[int]:
    """Character offsets covered by a span, fragment-aware (discontinuous spans list `fragments`)."""
    if not span:
        return set()
    out: set[int] = set()
    for start, end in span.get("fragments") or [[span["start"], span["end"]]]:
        out.update(range(start, end))
    return out


def content_chars(text: str, span: Span | None) -> set[int]:
    """Offsets of the letters and digits of a span: quote marks, spaces and punctuation do not count,
    so annotators' conventions about including quote marks do not matter."""
    return {i for i in span_chars(span) if i < len(text) and text[i].isalnum()}


def head_chars(text: str, source: Span | None, lang: str | None) -> set[int]:
    """Offsets of the head word of a gold source, found without a parser.

    The source is cut at the first comma/bracket/colon or post-modifier word ("of", "qui", ...);
    the head is then the last word in English, the first non-determiner word in French, Spanish,
    Portuguese and Italian, and the whole span in other languages.
    """
    if not source:
        return set()
    start, end = source["start"], source["end"]
    segment = text[start:end]
    cut = len(segment)
    m = _HEAD_CUT.search(segment)
    if m and m.start() > 0:
        cut = m.start()
    postmodifier = _POSTMODIFIER.get(lang)  # type: ignore[arg-type]
    if postmodifier:
        m = re.search(postmodifier, segment[:cut], re.IGNORECASE)
        if m and m.start() > 0:
            cut = m.start()
    words = [(w.start(), w.end(), w.group(0)) for w in _HEAD_WORD.finditer(segment[:cut])]
    if not words:
        return set(range(start, end))
    if lang == "en":
        ws, we, _ = words[-1]
    elif lang in _DETERMINERS:
        content_words = [w for w in words if norm_name(w[2]) not in _DETERMINERS[lang]]
        ws, we, _ = (content_words or words)[0]
    else:
        return set(range(start, end))
    return set(range(start + ws, start + we))


def _greedy(pairs: list[tuple[float, int, int]]) -> list[tuple[int, int, float]]:
    """One-to-one matching by decreasing score; ties keep the (gold, pred) enumeration order."""
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    out = []
    for score, gi, pi in sorted(pairs, key=lambda x: -x[0]):
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        out.append((gi, pi, score))
    return out


def resolved_match(gold: Record, pred: Record) -> bool:
    """The gold speaker's surname (last word of `source_resolved`) is a word of the predicted
    resolved name, or failing that of the predicted source mention."""
    gold_words = norm_name(gold.get("source_resolved")).split()
    candidate = pred.get("source_resolved") or (pred.get("source") or {}).get("text") or ""
    return bool(gold_words) and gold_words[-1] in set(norm_name(candidate).split())


def source_match(text: str, gold: Record, pred: Record, lang: str | None, mode: str) -> bool:
    """mode "head": the prediction covers the gold source's head; "overlap": any shared character.
    A resolved-speaker match always counts; a gold without source wants no predicted source."""
    gold_source, pred_source = gold.get("source"), pred.get("source")
    if gold.get("source_resolved") and resolved_match(gold, pred):
        return True
    if not gold_source or gold.get("no_source"):
        return not pred_source or not pred_source.get("text", "").strip()
    if not pred_source:
        return False
    pred_chars = span_chars(pred_source)
    if mode == "head":
        return bool(head_chars(text, gold_source, lang) & pred_chars)
    return bool(span_chars(gold_source) & pred_chars)


def cue_match(gold: Record, pred: Record) -> bool:
    """Any shared character; a gold without cue is not penalised."""
    if not gold.get("cue"):
        return True
    if not pred.get("cue"):
        return False
    return bool(span_chars(gold["cue"]) & span_chars(pred["cue"]))


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(100 * p, 1), "R": round(100 * r, 1), "F1": round(100 * f, 1), "tp": tp,
            "n_pred": n_pred, "n_gold": n_gold}


def _char_prf(inter: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    d = prf(inter, n_pred, n_gold)
    return {"P": d["P"], "R": d["R"], "F1": d["F1"], "chars_pred": n_pred, "chars_gold": n_gold}


def _score_document(gold: Record, pred: Record, counts: dict[str, int],
                    by_type: dict[Any, list[int]]) -> None:
    text, lang = gold["text"], gold.get("lang", "en")
    gold_attrs = [a for a in gold["attributions"] if a.get("content")]
    pred_attrs = [a for a in pred.get("attributions") or [] if a.get("content")]
    counts["n_gold"] += len(gold_attrs)
    counts["n_pred"] += len(pred_attrs)
    gold_chars = [content_chars(text, a["content"]) for a in gold_attrs]
    pred_chars = [content_chars(text, a["content"]) for a in pred_attrs]

    jaccard: list[tuple[float, int, int]] = []
    coverage: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold_chars):
        for pi, p in enumerate(pred_chars):
            inter = len(g & p)
            if inter:
                jaccard.append((inter / len(g | p), gi, pi))
                coverage.append((inter / len(g), gi, pi))

    gold_union = set().union(*gold_chars)
    pred_union = set().union(*pred_chars)
    counts["chars_inter"] += len(gold_union & pred_union)
    counts["chars_gold"] += len(gold_union)
    counts["chars_pred"] += len(pred_union)

    by_jaccard, by_coverage = _greedy(jaccard), _greedy(coverage)
    counts["exact"] += sum(1 for _, _, s in by_jaccard if s >= 0.999999)
    counts["cov30"] += sum(1 for _, _, s in by_coverage if s > 0.3)
    counts["cov80"] += sum(1 for _, _, s in by_coverage if s > 0.8)

    matched: set[int] = set()
    for gi, pi, s in by_jaccard:
        if s < 0.5:
            continue
        matched.add(gi)
        g_attr, p_attr = gold_attrs[gi], pred_attrs[pi]
        head = source_match(text, g_attr, p_attr, lang, "head")
        overlap = source_match(text, g_attr, p_attr, lang, "overlap")
        cue = cue_match(g_attr, p_attr)
        counts["j50"] += 1
        counts["source_head_ok"] += head
        counts["source_overlap_ok"] += overlap
        counts["cue_ok"] += cue
        counts["type_ok"] += g_attr.get("type") == p_attr.get("type")
        if g_attr.get("source_resolved") and p_attr.get("source_resolved"):
            counts["resolved_n"] += 1
            counts["resolved_ok"] += resolved_match(g_attr, p_attr)
        counts["content_source"] += head
        counts["full"] += head and cue
        counts["full_lenient"] += overlap and cue
    for gi, a in enumerate(gold_attrs):
        tally = by_type.setdefault(a.get("type"), [0, 0])
        tally[0] += 1
        tally[1] += gi in matched


def attribution(gold: Iterable[Record], pred: Iterable[Record]) -> dict[str, Any]:
    """Attribution scores over all gold documents (missing predictions count as empty)."""
    gold, preds = list(gold), _by_id(pred)
    counts = dict.fromkeys(("n_gold", "n_pred", *_COUNTERS), 0)
    by_type: dict[Any, list[int]] = {}
    for g in gold:
        _score_document(g, preds.get(g["id"], {"attributions": []}), counts, by_type)
    n_gold, n_pred = counts["n_gold"], counts["n_pred"]
    matches = max(counts["j50"], 1)

    def accuracy(key: str) -> float:
        return round(100 * counts[key] / matches, 1)

    res: dict[str, Any] = {
        "docs": len(gold),
        "content.exact": prf(counts["exact"], n_pred, n_gold),
        "content.j50": prf(counts["j50"], n_pred, n_gold),
        "content.ggt_cov30": prf(counts["cov30"], n_pred, n_gold),
        "content.ggt_cov80": prf(counts["cov80"], n_pred, n_gold),
        "content.char_overlap": _char_prf(counts["chars_inter"], counts["chars_pred"], counts["chars_gold"]),
        "attr.content+source": prf(counts["content_source"], n_pred, n_gold),
        "attr.full": prf(counts["full"], n_pred, n_gold),
        "attr.full_lenient": prf(counts["full_lenient"], n_pred, n_gold),
        "on_j50_matches": {
            "source_head_acc": accuracy("source_head_ok"),
            "source_overlap_acc": accuracy("source_overlap_ok"),
            "cue_acc": accuracy("cue_ok"),
            "type_acc": accuracy("type_ok"),
            "resolved_source_acc": (round(100 * counts["resolved_ok"] / counts["resolved_n"], 1)
                                    if counts["resolved_n"] else None),
            "resolved_source_n": counts["resolved_n"],
        },
        # A gold type of None stays a None key here; JSON writes it as "null", as the referee's does.
        "content.j50_recall_by_gold_type": {
            t: {"gold": n, "recall": round(100 * ok / n, 1) if n else None}
            for t, (n, ok) in sorted(by_type.items(), key=lambda x: str(x[0]))
        },
    }
    full = res["attr.full"]
    res["headline"] = (f"attr.full F1 {full['F1']:.1f} (P {full['P']:.1f} R {full['R']:.1f}) "
                       f"content.j50 F1 {res['content.j50']['F1']:.1f}")
    return res


# --------------------------------------------------------------------------- numbers
# Kinds whose gold lists every number of the input, so unmatched predictions are false positives.
NUMBER_PRECISION_KINDS = frozenset({"number", "qu_quantities", "qu_ambiguity", "qu_spellout"})


def _numeric_values(items: Iterable[Mapping[str, Any]]) -> list[float]:
    # bool is an int subclass, so a value of true counts as 1.0 (as in the referee).
    return [float(i["value"]) for i in items if isinstance(i.get("value"), int | float)]


def same_number(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _count_number_matches(gold_values: list[float], pred_values: list[float]) -> int:
    used = [False] * len(pred_values)
    tp = 0
    for v in gold_values:
        for i, w in enumerate(pred_values):
            if not used[i] and same_number(v, w):
                used[i] = True
                tp += 1
                break
    return tp


def numbers(gold: Iterable[Record], pred: Iterable[Record]) -> dict[str, Any]:
    """Number recall per language and kind; precision where the gold is exhaustive."""
    preds = _by_id(pred)
    agg: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for g in gold:
        gold_values = _numeric_values(g["expected"])
        pred_values = _numeric_values(preds.get(g["id"], {}).get("items", []))
        tp = _count_number_matches(gold_values, pred_values)
        for key in ((g["lang"], g["kind"]), (g["lang"], "ALL"), ("ALL", "ALL")):
            a = agg[key]
            a["gold"] += len(gold_values)
            a["tp"] += tp
            if g["kind"] in NUMBER_PRECISION_KINDS:
                a["pgold"] += len(gold_values)
                a["ptp"] += tp
                a["pred"] += len(pred_values)
    table: dict[str, Any] = {
        f"{lang}|{kind}": {"gold": a["gold"], "recall": _ratio(a["tp"], a["gold"]),
                           "precision": _ratio(a["ptp"], a["pred"])}
        for (lang, kind), a in sorted(agg.items())
    }
    total = table.get("ALL|ALL", {})
    table["headline"] = f"numbers recall {total.get('recall')} precision {total.get('precision')}"
    return table


# --------------------------------------------------------------------------- dates
_DAY = re.compile(r"^(\d{4}-\d\d-\d\d)(?:$|[T ])")
_ABSOLUTE = re.compile(r"^\d{4}-\d\d-\d\d")
# Kinds whose gold marks every temporal expression, so detection precision is meaningful.
DATE_PRECISION_KINDS = frozenset({"datetime_model", "te3_platinum", "dp_search"})


def day_of(value: Any) -> str | None:
    """"2019-01-04" or "2019-01-04T10:00" -> "2019-01-04"; anything else (ranges, months) -> None."""
    m = _DAY.match(value) if isinstance(value, str) else None
    return m.group(1) if m else None


def _overlaps(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    g0, g1, p0, p1 = gold.get("start"), gold.get("end"), pred.get("start"), pred.get("end")
    return g0 is not None and p0 is not None and g0 < p1 and p0 < g1


def _gold_days(expected: Mapping[str, Any]) -> set[str]:
    values = [expected.get("value"), *(expected.get("alt") or [])]
    return {d for d in map(day_of, values) if d}


def day_is_scored(case: Record, expected: Mapping[str, Any]) -> bool:
    """A day value is only asked of gold that resolves to a calendar day: there is a reference
    date (or the gold is absolute or a dateparser relative case) and the granularity is finer
    than a month."""
    absolute = _ABSOLUTE.match(str(expected.get("timex") or expected.get("value") or ""))
    if case.get("ref_datetime") is None and case.get("kind") != "dp_relative" and not absolute:
        return False
    return expected.get("granularity") not in ("month", "year")


def _date_case_counts(case: Record, items: list[Mapping[str, Any]]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for e in case["expected"]:
        if e.get("start") is None:
            continue
        counts["gold"] += 1
        hits = [q for q in items if _overlaps(e, q)]
        counts["det"] += bool(hits)
        if not day_is_scored(case, e):
            continue
        days = _gold_days(e)
        if days:
            counts["dgold"] += 1
            counts["dok"] += bool(days & {day_of(q.get("value")) for q in hits})
    if case.get("kind") in DATE_PRECISION_KINDS:
        counts["pred"] += len(items)
        counts["pred_ok"] += sum(1 for q in items if any(_overlaps(e, q) for e in case["expected"]))
    return counts


def dates(gold: Iterable[Record], pred: Iterable[Record]) -> dict[str, Any]:
    """Date detection recall/precision and day-value recall per language and kind."""
    preds = _by_id(pred)
    agg: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for g in gold:
        counts = _date_case_counts(g, preds.get(g["id"], {}).get("items", []))
        if not counts:  # a case with nothing to count does not create its (lang, kind) row
            continue
        lang = g["lang"] or "multi"
        for key in ((lang, g["kind"]), (lang, "ALL"), ("ALL", "ALL")):
            for k, v in counts.items():
                agg[key][k] += v
    table: dict[str, Any] = {
        f"{lang}|{kind}": {"gold": a["gold"], "det_recall": _ratio(a["det"], a["gold"]),
                           "det_precision": _ratio(a["pred_ok"], a["pred"]),
                           "day_gold": a["dgold"], "day_recall": _ratio(a["dok"], a["dgold"])}
        for (lang, kind), a in sorted(agg.items())
    }
    total = table.get("ALL|ALL", {})
    table["headline"] = (f"dates detection recall {total.get('det_recall')} precision "
                         f"{total.get('det_precision')} day-value recall {total.get('day_recall')}")
    return table


# --------------------------------------------------------------------------- langid
_LANG_ALIASES = {"zh-cn": "zh", "zh-tw": "zh", "no": "nb", "iw": "he", "in": "id"}


def norm_lang(code: str | None) -> str | None:
    """Lower-case ISO 639-1 with the usual aliases folded ("zh-CN" -> "zh", "no" -> "nb")."""
    code = (code or "").lower() or None
    return _LANG_ALIASES.get(code, code)  # type: ignore[arg-type]


def langid(gold: Iterable[Record], pred: Iterable[Record]) -> dict[str, Any]:
    """Accuracy overall ("ALL"), by item length ("short"/"long") and by gold language."""
    preds = _by_id(pred)
    agg: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for g in gold:
        ok = norm_lang(preds.get(g["id"], {}).get("lang")) == norm_lang(g["lang"])
        for key in ("ALL", g.get("len", "all"), g["lang"]):
            agg[key][0] += ok
            agg[key][1] += 1
    table: dict[str, Any] = {k: {"n": n, "accuracy": _ratio(ok, n)} for k, (ok, n) in sorted(agg.items())}
    table["headline"] = (f"langid accuracy {table.get('ALL', {}).get('accuracy')} "
                         f"(short {table.get('short', {}).get('accuracy')}, "
                         f"long {table.get('long', {}).get('accuracy')})")
    return table


# --------------------------------------------------------------------------- ner
NER_LABELS = ("PER", "ORG", "LOC")


def _entity_set(entities: Iterable[Mapping[str, Any]]) -> set[tuple[int, int, str]]:
    return {(e["start"], e["end"], e["label"]) for e in entities if e.get("label") in NER_LABELS}


def ner(gold: Iterable[Record], pred: Iterable[Record]) -> dict[str, Any]:
    """Exact-span micro P/R/F1 per label and over all three ("ALL"); MISC and others are ignored.

    F1 is computed from the rounded percentages, as the referee does."""
    preds = _by_id(pred)
    counts = {label: [0, 0, 0] for label in (*NER_LABELS, "ALL")}  # tp, n_pred, n_gold
    for g in gold:
        gold_set = _entity_set(g["entities"])
        pred_set = _entity_set(preds.get(g["id"], {}).get("entities", []))
        for label, c in counts.items():
            gl = {x for x in gold_set if label in ("ALL", x[2])}
            pl = {x for x in pred_set if label in ("ALL", x[2])}
            c[0] += len(gl & pl)
            c[1] += len(pl)
            c[2] += len(gl)
    table: dict[str, Any] = {}
    for label, (tp, n_pred, n_gold) in counts.items():
        p, r = _ratio(tp, n_pred) or 0.0, _ratio(tp, n_gold) or 0.0
        table[label] = {"P": p, "R": r, "F1": _f1_of_percentages(p, r), "n_gold": n_gold}
    total = table["ALL"]
    table["headline"] = f"ner F1 {total['F1']:.1f} (P {total['P']:.1f} R {total['R']:.1f})"
    return table


TASKS = {"attribution": attribution, "numbers": numbers, "dates": dates, "langid": langid, "ner": ner}
