"""`make bench`: speed figures measured in one run, reported as rates and ratios.

The machines are shared and noisy, so speed targets are checked here as ratios measured
side by side (e.g. pipeline with and without the attribution components on the same
articles), not by timed unit tests.

    python bench/run.py --eval ../shared/eval [--articles 300] [--json bench/results/latest.json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _read(path: Path, limit: int | None = None) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return rows[:limit] if limit else rows


def bench_extract(corpus: Path, limit: int) -> dict:
    """Words per second of the `newsfacts extract` command on a real corpus (whole process)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        rows = _read(corpus, limit)
        src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", str(src), "-o",
                               str(Path(tmp) / "out")], capture_output=True, text=True)
        seconds = time.perf_counter() - start
        done = [json.loads(x) for x in proc.stderr.splitlines() if x.startswith('{"ts"')]
        words = sum(len(r["text"].split()) for r in rows)
        return {"articles": len(rows), "words": words, "seconds": round(seconds, 1),
                "words_per_second": round(words / seconds), "exit": proc.returncode,
                "statements": done[-1].get("statements") if done else None}


def bench_components(corpus: Path, limit: int) -> dict:
    """Cost of each newsfacts component relative to the spaCy model alone, on the same articles.

    The model's own components run first (timed together); then each newsfacts component is
    timed on those Docs, in pipeline order. Per-component timing is stable on a busy machine,
    where two whole-pipeline runs differ by more than the components cost.
    """
    from pipeline import models, sources

    nlp = models.load("fr").nlp
    texts = [sources.make_article(r["text"], path="b").text for r in _read(corpus, limit)]
    # the paragraph-break marker must run before the parser: it is timed with the model
    ours = [n for n in nlp.pipe_names if n.startswith("newsfacts_") and n != "newsfacts_paragraph_breaks"]
    with nlp.select_pipes(disable=ours):
        start = time.process_time()
        docs = list(nlp.pipe(texts, batch_size=16))
        model = time.process_time() - start
    spent = dict.fromkeys(ours, 0.0)
    for doc in docs:
        for name in ours:
            component = nlp.get_pipe(name)
            start = time.process_time()
            component(doc)
            spent[name] += time.process_time() - start
    attribution = spent["newsfacts_attribution"] + spent["newsfacts_speakers"]
    return {"articles": len(texts), "model_cpu_s": round(model, 2),
            "component_cpu_s": {n: round(v, 3) for n, v in spent.items()},
            "attribution_cost_ratio": round(attribution / model, 3),
            "all_components_cost_ratio": round(sum(spent.values()) / model, 3)}


def bench_task(task: str, path: Path) -> dict:
    from pipeline import evaluate

    try:
        mod = evaluate.task_module(task)
    except ModuleNotFoundError:
        return {"skipped": f"no predict module for {task}"}
    gold = _read(path)
    list(mod.predict(gold[:20]))  # warm caches (parsers, models)
    start = time.perf_counter()
    pred = list(mod.predict(gold))
    seconds = time.perf_counter() - start
    res = mod.score(gold, pred)
    return {"cases": len(gold), "seconds": round(seconds, 2), "cases_per_second": round(len(gold) / seconds),
            "headline": res.get("headline")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--articles", type=int, default=0, help="limit the corpus (0 = all)")
    ap.add_argument("--json", default=str(ROOT / "bench" / "results" / "latest.json"))
    ap.add_argument("--only", nargs="*", help="extract components numbers dates langid attribution")
    a = ap.parse_args()
    ev = Path(a.eval)
    if not ev.is_dir():
        sys.exit(f"evaluation data not found at {ev}")
    corpus = ev / "corpus" / "wikinews_fr_winer.jsonl"
    jobs = {
        "extract": lambda: bench_extract(corpus, a.articles or None),
        "components": lambda: bench_components(corpus, min(a.articles or 200, 200)),
        "numbers": lambda: bench_task("numbers", ev / "numbers" / "recognizers_numbers_dev.jsonl"),
        "dates": lambda: bench_task("dates", ev / "dates" / "recognizers_dates_dev.jsonl"),
        "langid": lambda: bench_task("langid", ev / "langid" / "ntrex_langid_dev.jsonl"),
    }
    results = {"load_average": os.getloadavg()[0], "cpus": os.cpu_count()}
    for name, job in jobs.items():
        if a.only and name not in a.only:
            continue
        print(f"== {name}", flush=True)
        results[name] = job()
        print(json.dumps(results[name], ensure_ascii=False), flush=True)
    Path(a.json).parent.mkdir(parents=True, exist_ok=True)
    Path(a.json).write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"-> {a.json}")


if __name__ == "__main__":
    main()
