"""`pipeline.evaluate.scoring` gives the same figures as the reference scorer on every shared gold set.

For each task and each gold file, a deterministic sample of records is scored twice: in process
with `scoring.<task>` and by ../shared/tools/referee.py in a subprocess (`--json`); the whole
result dicts must be equal. Predictions come from two places:
- perturbations of the gold itself (dropped, shifted, relabelled, spurious and duplicated items,
  missing records), chosen so that every matching rule of the referee is exercised whatever the
  quality of the models;
- the project's own `predict` output, where the task's predict module exists.
`newsfacts eval` is also run end to end and its --json compared with the referee's on the
predictions it saved.
"""

from __future__ import annotations

import importlib
import json
import random
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate import read_jsonl, scoring, write_jsonl

SAMPLE = 30
GOLD_FILES = {
    "attribution": [
        "attribution/polnear_en/dev.jsonl",
        "attribution/polnear_en/train.jsonl",
        "attribution/de_wikinews/dev.jsonl",
        "attribution/de_wikinews/train.jsonl",
        "attribution/fr/dev.jsonl",
    ],
    "numbers": [
        "numbers/recognizers_numbers_dev.jsonl",
        "numbers/text2num_tests.jsonl",
        "numbers/quantulum3_tests.jsonl",
    ],
    "dates": ["dates/recognizers_dates_dev.jsonl", "dates/dateparser_tests.jsonl"],
    "langid": ["langid/ntrex_langid_dev.jsonl"],
    "ner": [
        "ner/conll2002_es_dev.jsonl",
        "ner/conllpp_en_dev.jsonl",
        "ner/germeval2014_de_dev.jsonl",
        "ner/klue_ner_ko_dev.jsonl",
        "ner/winer_fr_dev.jsonl",
    ],
}
CASES = [(task, rel) for task, files in GOLD_FILES.items() for rel in files]


def sample(records: list[dict], n: int = SAMPLE, seed: str = "") -> list[dict]:
    """A deterministic sample spread over the file (the same records on every run)."""
    if len(records) <= n:
        return records
    picked = sorted(random.Random(f"sample:{seed}").sample(range(len(records)), n))
    return [records[i] for i in picked]


def _has_other_day(rec: dict) -> bool:
    """A scored date whose alternative reading falls on another day ("Friday": this week or next)."""
    return any(
        scoring.day_of((e.get("alt") or [None])[-1]) not in (None, scoring.day_of(e.get("value")))
        and scoring.day_is_scored(rec, e)
        for e in rec.get("expected", [])
    )


# Rare cases a random sample of 30 can miss, added to the sample so their rule is exercised.
ENRICH = {"dates": _has_other_day}


def gold_sample(task: str, records: list[dict], seed: str) -> list[dict]:
    picked = sample(records, seed=seed)
    rare = ENRICH.get(task)
    if rare:
        ids = {r["id"] for r in picked}
        picked += [r for r in sample([r for r in records if rare(r)], n=10, seed=seed) if r["id"] not in ids]
    return picked


def rng_for(rec: dict) -> random.Random:
    return random.Random(zlib.crc32(str(rec["id"]).encode("utf-8")))


# --------------------------------------------------------------------------- perturbations
def _span(text: str, start: int, end: int) -> dict:
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    start, end = min(start, end), max(start, end)
    return {"start": start, "end": end, "text": text[start:end]}


def _shift(text: str, sp: dict | None, rng: random.Random, scale: float) -> dict | None:
    """Move both ends of a span by up to `scale` of its length (drops fragments)."""
    if not sp:
        return sp
    width = max(1, sp["end"] - sp["start"])
    d = int(width * scale)
    return _span(text, sp["start"] + rng.randint(-d, d), sp["end"] + rng.randint(-d, d))


def _perturb_attribution(rec: dict, rng: random.Random) -> list[dict]:
    text = rec["text"]
    out = []
    for a in rec["attributions"]:
        roll = rng.random()
        if roll < 0.12:
            continue  # missed
        p = json.loads(json.dumps(a))
        if roll < 0.35:
            p["content"] = _shift(text, p.get("content"), rng, rng.choice([0.1, 0.3, 0.6, 1.0]))
        elif roll < 0.42 and p.get("content"):  # a discontinuous prediction (fragments)
            c = p["content"]
            mid = (c["start"] + c["end"]) // 2
            p["content"] = {
                **_span(text, c["start"], c["end"]),
                "fragments": [[c["start"], mid - 2], [mid + 2, c["end"]]],
            }
        src = p.get("source")
        choice = rng.random()
        if choice < 0.15:
            p["source"] = None
        elif choice < 0.3 and src:  # only the first or last word of the mention
            words = src["text"].split()
            if words:
                w = words[0] if rng.random() < 0.5 else words[-1]
                at = (
                    src["start"] + src["text"].find(w)
                    if w == words[0]
                    else src["start"] + src["text"].rfind(w)
                )
                p["source"] = _span(text, at, at + len(w))
        elif choice < 0.4:
            s = rng.randrange(0, max(1, len(text) - 20))
            p["source"] = _span(text, s, s + rng.randint(1, 20))
        elif choice < 0.45:
            p["source"] = {"start": 0, "end": 0, "text": "  "}  # empty source text
        resolved = rng.random()
        if resolved < 0.2:
            p["source_resolved"] = "Somebody Else"
        elif resolved < 0.35:
            p.pop("source_resolved", None)
        elif resolved < 0.45 and a.get("source_resolved"):
            p["source_resolved"] = a["source_resolved"].upper()  # normalised-name match
        cue = rng.random()
        if cue < 0.15:
            p["cue"] = None
        elif cue < 0.3:
            p["cue"] = _shift(text, p.get("cue") or p.get("content"), rng, 2.0)
        if rng.random() < 0.2:
            p["type"] = rng.choice(["direct", "indirect", "mixed", None])
        out.append(p)
        if rng.random() < 0.08:
            out.append(json.loads(json.dumps(p)))  # duplicate: one-to-one matching
    for _ in range(rng.randint(0, 3)):  # spurious
        s = rng.randrange(0, max(1, len(text) - 80))
        out.append(
            {
                "source": _span(text, s - 15, s - 2),
                "cue": _span(text, s - 1, s),
                "content": _span(text, s, s + rng.randint(5, 80)),
                "type": "indirect",
            }
        )
    if rng.random() < 0.1:
        out.append({"source": None, "cue": None, "content": None, "type": "direct"})  # no content
    return out


def _perturb_numbers(rec: dict, rng: random.Random) -> list[dict]:
    out = []
    for e in rec["expected"]:
        roll = rng.random()
        item = {k: e.get(k) for k in ("start", "end", "text", "value")}
        if roll < 0.15:
            continue
        if isinstance(e.get("value"), int | float):
            if roll < 0.3:
                item["value"] = e["value"] * 10 + 1
            elif roll < 0.4:
                item["value"] = e["value"] * (1 + 5e-7)  # inside the tolerance
            elif roll < 0.45:
                item["value"] = e["value"] * (1 + 1e-4) + 1e-3  # outside
            elif roll < 0.5:
                item["value"] = str(e["value"])  # not a number: ignored
        out.append(item)
        if rng.random() < 0.1:
            out.append(dict(item))  # duplicate value: matches at most once
    for _ in range(rng.randint(0, 2)):
        out.append({"start": 0, "end": 1, "text": "x", "value": rng.choice([1, 2.5, 1000, True, None])})
    rng.shuffle(out)
    return out


def _perturb_dates(rec: dict, rng: random.Random) -> list[dict]:
    out = []
    n = len(rec["input"])
    for e in rec["expected"]:
        roll = rng.random()
        if roll < 0.15:
            continue
        item: dict[str, Any] = {
            "start": e.get("start"),
            "end": e.get("end"),
            "text": e.get("text"),
            "value": e.get("value"),
        }
        if e.get("alt") and roll < 0.6:
            item["value"] = e["alt"][-1]  # the alternative reading (alt[0] repeats the value)
        elif roll < 0.4 and isinstance(e.get("value"), str) and len(e["value"]) >= 10:
            item["value"] = e["value"][:10] + "T10:30:00"
        elif roll < 0.5:
            item["value"] = "1999-01-01"
        elif roll < 0.55:
            item["value"] = None
        if e.get("start") is not None:
            shift = rng.random()
            if shift < 0.15:  # touching but not overlapping
                item["start"], item["end"] = e["end"], e["end"] + 3
            elif shift < 0.3:
                item["start"], item["end"] = e["end"] - 1, e["end"] + 4
            elif shift < 0.35:
                item["start"], item["end"] = None, None
        out.append(item)
    for _ in range(rng.randint(0, 2)):
        s = rng.randrange(0, max(1, n))
        out.append({"start": s, "end": min(n, s + 4), "text": rec["input"][s : s + 4], "value": "2016-11-07"})
    return out


_LANG_NOISE = {"zh": "zh-CN", "nb": "no", "he": "iw", "id": "in"}


def _perturb_langid(rec: dict, rng: random.Random) -> dict:
    roll = rng.random()
    lang = rec["lang"]
    if roll < 0.15:
        return {"id": rec["id"], "lang": rng.choice(["en", "fr", "xx", None, ""])}
    if roll < 0.35:
        return {"id": rec["id"], "lang": _LANG_NOISE.get(lang, lang.upper())}
    return {"id": rec["id"], "lang": lang}


def _perturb_ner(rec: dict, rng: random.Random) -> list[dict]:
    out = []
    n = len(rec["text"])
    for e in rec["entities"] + rec.get("other_entities", [])[:1]:
        roll = rng.random()
        item = {"start": e["start"], "end": e["end"], "label": e["label"]}
        if roll < 0.15:
            continue
        if roll < 0.3:
            item["label"] = rng.choice(["PER", "ORG", "LOC", "MISC"])
        elif roll < 0.4:
            item["end"] = min(n, item["end"] + 1)
        elif roll < 0.45:
            item["start"] = max(0, item["start"] - 1)
        out.append(item)
        if rng.random() < 0.05:
            out.append(dict(item))
    for _ in range(rng.randint(0, 2)):
        s = rng.randrange(0, max(1, n))
        out.append({"start": s, "end": min(n, s + 5), "label": rng.choice(["PER", "ORG", "LOC", "DATE"])})
    return out


def perturbed_predictions(task: str, gold: list[dict]) -> list[dict]:
    """Predictions derived from the gold; about 1 record in 12 gets none at all."""
    preds = []
    for rec in gold:
        rng = rng_for(rec)
        if rng.random() < 0.08:
            continue
        if task == "attribution":
            preds.append({"id": rec["id"], "attributions": _perturb_attribution(rec, rng)})
        elif task == "numbers":
            preds.append({"id": rec["id"], "items": _perturb_numbers(rec, rng)})
        elif task == "dates":
            preds.append({"id": rec["id"], "items": _perturb_dates(rec, rng)})
        elif task == "langid":
            preds.append(_perturb_langid(rec, rng))
        else:
            preds.append({"id": rec["id"], "entities": _perturb_ner(rec, rng)})
    return preds


# --------------------------------------------------------------------------- comparison
def run_referee(referee: Path, task: str, gold_path: Path, pred_path: Path, tmp_path: Path) -> dict:
    out = tmp_path / f"referee-{task}-{gold_path.stem}.json"
    proc = subprocess.run(
        [sys.executable, str(referee), task, str(gold_path), str(pred_path), "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def as_json(result: dict) -> dict:
    """What the referee's --json holds (None keys become "null", tuples lists)."""
    return json.loads(json.dumps(result, ensure_ascii=False))


def compare(task: str, gold: list[dict], pred: list[dict], referee: Path, tmp_path: Path, name: str) -> dict:
    gold_path, pred_path = tmp_path / f"{name}.gold.jsonl", tmp_path / f"{name}.pred.jsonl"
    write_jsonl(gold, gold_path)
    write_jsonl(pred, pred_path)
    expected = run_referee(referee, task, gold_path, pred_path, tmp_path)
    ours = as_json(getattr(scoring, task)(gold, pred))
    assert ours == expected
    return ours


@pytest.mark.parametrize(
    ("task", "rel"), CASES, ids=[f"{t}-{Path(r).parent.name}-{Path(r).stem}" for t, r in CASES]
)
def test_scores_equal_referee_on_perturbed_gold(task, rel, eval_dir, referee, tmp_path):
    gold = gold_sample(task, read_jsonl(eval_dir / rel), seed=rel)
    pred = perturbed_predictions(task, gold)
    ours = compare(task, gold, pred, referee, tmp_path, "perturbed")
    # The perturbations must leave figures strictly between nothing and everything, or the test
    # would not exercise the matching rules.
    headline_numbers = [
        float(x)
        for x in ours["headline"].replace("(", " ").replace(")", " ").replace(",", " ").split()
        if x.replace(".", "", 1).isdigit()
    ]
    assert any(0 < x < 100 for x in headline_numbers), ours["headline"]


@pytest.mark.parametrize("task", list(GOLD_FILES))
def test_gold_scored_against_itself_is_perfect(task, eval_dir):
    rel = GOLD_FILES[task][0]
    gold = sample(read_jsonl(eval_dir / rel), n=10, seed=rel)
    if task == "attribution":
        pred = gold
        assert scoring.attribution(gold, pred)["attr.full"]["F1"] == 100.0
    elif task in ("numbers", "dates"):
        pred = [{"id": g["id"], "items": g["expected"]} for g in gold]
        result = getattr(scoring, task)(gold, pred)
        key = "recall" if task == "numbers" else "det_recall"
        assert result["ALL|ALL"][key] == 100.0
    elif task == "langid":
        assert scoring.langid(gold, gold)["ALL"]["accuracy"] == 100.0
    else:
        assert scoring.ner(gold, gold)["ALL"]["F1"] == 100.0


# Project predictions: small samples so that model loading dominates and the file stays fast.
PREDICT_CASES = [
    ("attribution", "attribution/fr/dev.jsonl", 3),
    ("numbers", "numbers/quantulum3_tests.jsonl", 30),
    ("dates", "dates/recognizers_dates_dev.jsonl", 30),
    ("langid", "langid/ntrex_langid_dev.jsonl", 30),
    ("ner", "ner/conllpp_en_dev.jsonl", 30),
    ("ner", "ner/winer_fr_dev.jsonl", 30),
]


def predict_module(task: str):
    try:
        return importlib.import_module(f"pipeline.evaluate.{task}")
    except ModuleNotFoundError:
        pytest.skip(f"pipeline/evaluate/{task}.py is not written yet")


@pytest.mark.parametrize(
    ("task", "rel", "n"), PREDICT_CASES, ids=[f"{t}-{Path(r).stem}" for t, r, _ in PREDICT_CASES]
)
def test_scores_equal_referee_on_project_predictions(task, rel, n, eval_dir, referee, tmp_path):
    mod = predict_module(task)
    gold = sample(read_jsonl(eval_dir / rel), n=n, seed=rel)
    pred = list(mod.predict(gold))
    assert {p["id"] for p in pred} <= {g["id"] for g in gold}
    ours = compare(task, gold, pred, referee, tmp_path, "project")
    assert mod.score(gold, pred) == getattr(scoring, task)(gold, pred)
    assert ours["headline"]


@pytest.mark.parametrize(
    ("task", "rel", "n"),
    [("ner", "ner/conllpp_en_dev.jsonl", 12), ("attribution", "attribution/fr/dev.jsonl", 2)],
)
def test_cli_eval_equals_referee(task, rel, n, eval_dir, referee, tmp_path):
    predict_module(task)
    gold_path = tmp_path / "gold.jsonl"
    write_jsonl(sample(read_jsonl(eval_dir / rel), n=n, seed="cli"), gold_path)
    pred_path, json_path = tmp_path / "pred.jsonl", tmp_path / "scores.json"
    result = CliRunner().invoke(
        app,
        [
            "eval",
            "--task",
            task,
            str(gold_path),
            "--save-predictions",
            str(pred_path),
            "--json",
            str(json_path),
        ],
    )
    assert result.exit_code == 0, result.output
    ours = json.loads(json_path.read_text(encoding="utf-8"))
    assert ours == run_referee(referee, task, gold_path, pred_path, tmp_path)
    assert ours["headline"] in result.output
    # `newsfacts predict` writes the same predictions as `eval --save-predictions`.
    again = tmp_path / "again.jsonl"
    result = CliRunner().invoke(app, ["predict", "--task", task, str(gold_path), "-o", str(again)])
    assert result.exit_code == 0, result.output
    assert read_jsonl(again) == read_jsonl(pred_path)
