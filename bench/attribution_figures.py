"""Every attribution figure a closing note gives, per dev set, in one run.

    .venv/bin/python bench/attribution_figures.py [--eval ../shared/eval] [--classes] [SET ...]

SET is fr11 (the first 11 French dev articles), fr24 (the 24 added later), fr35, es, de, en
(PolNeAR), cs or ru (ADAQ); default all. Prints attr.full P/R/F1, content.j50 F1, the resolved-
speaker accuracy, content recall by gold type and, with --classes, true/false positives per cue
class (attr.full of each class's rows alone). Run it again with `NEWSFACTS_CATALOG` pointing at a
catalog that sets `statement_scorer = ""` to get the rules-alone figures (docs/training.md).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pipeline.evaluate import attribution as attr_eval
from pipeline.evaluate import read_jsonl

SETS = {
    "fr11": ("fr/dev.jsonl", slice(0, 11)), "fr24": ("fr/dev.jsonl", slice(11, None)),
    "fr35": ("fr/dev.jsonl", slice(None)), "es": ("es/dev.jsonl", slice(None)),
    "de": ("de_wikinews/dev.jsonl", slice(None)), "en": ("polnear_en/dev.jsonl", slice(None)),
    "cs": ("adaq/cs_dev.jsonl", slice(None)), "ru": ("adaq/ru_dev.jsonl", slice(None)),
}
CUE_CLASSES = ["speech", "thought", "intention", "perception_or_document", "according_to"]


def figures(gold: list[dict], with_classes: bool) -> dict:
    preds = list(attr_eval.predict(gold))
    res = attr_eval.score(gold, preds)
    full, matches = res["attr.full"], res["on_j50_matches"]
    row = {"P": full["P"], "R": full["R"], "F1": full["F1"], "j50": res["content.j50"]["F1"],
           "resolved": matches["resolved_source_acc"], "resolved_n": matches["resolved_source_n"],
           "recall_by_type": {str(k): v["recall"] for k, v in res["content.j50_recall_by_gold_type"].items()}}
    if with_classes:
        row["tp/fp_by_cue_class"] = {}
        for cls in CUE_CLASSES:
            kept = [{**p, "attributions": [a for a in p["attributions"] if a.get("cue_class") == cls]}
                    for p in preds]
            n = sum(len(p["attributions"]) for p in kept)
            if n:
                tp = round(attr_eval.score(gold, kept)["attr.full"]["P"] * n / 100)
                row["tp/fp_by_cue_class"][cls] = f"{tp}/{n - tp}"
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", help=f"any of {', '.join(SETS)} (default all)")
    ap.add_argument("--eval", default=str(Path(__file__).resolve().parents[1].parent / "shared" / "eval"))
    ap.add_argument("--classes", action="store_true", help="true/false positives per cue class")
    args = ap.parse_args()
    unknown = sorted(set(args.sets) - set(SETS))
    if unknown:
        ap.error(f"unknown set(s) {', '.join(unknown)}; choose from {', '.join(SETS)}")
    for name in args.sets or list(SETS):
        path, part = SETS[name]
        gold = read_jsonl(str(Path(args.eval) / "attribution" / path))[part]
        print(name, json.dumps(figures(gold, args.classes), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
