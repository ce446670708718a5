"""`make bench`: newsfacts against raw spaCy, measured side by side in one run.

The machines are shared and noisy, so every target is a ratio of two measurements taken in the
same run, alternately, on the same texts: `newsfacts extract` (whole process: reading,
language identification, the spaCy model, our components, the table and its Parquet files)
against stock spaCy `nlp.pipe` with the same base model (bench/raw_spacy.py, also a whole
process: import, load, pipe), and against spaCy running the model with newsfacts' one change
to it (`--index-lemmas`: the same model as newsfacts runs). Each runs `--rounds` times,
alternately; the best time of each side is kept, the least disturbed by other jobs.

    python bench/run.py [--eval ../shared/eval] [--articles 1000] [--rounds 2] [--only ...]

Jobs (`--only`): throughput (fr, en, de, ja when installed), workers (1 against 2 processes),
memory (French and English in one run, per-process peak RSS, time to first statement),
profile (each stage's CPU time in one process), numbers, dates, langid (cases/s). Results go
to bench/results/latest.json; docs/benchmarks.md explains how to read them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import english  # noqa: E402  (bench/english.py)

SETS = {  # name -> (corpus file under eval/corpus or "generated", language)
    "fr": ("wikinews_fr_winer.jsonl", "fr"),
    "en": ("generated", "en"),
    "de": ("10kgnad_de.jsonl", "de"),
    "ja": ("wikinews_ja.jsonl", "ja"),
}


# --------------------------------------------------------------------------- measuring a process
def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def _peak_rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def measure(cmd: list[str], env: dict | None = None) -> dict:
    """Run a command; wall time, CPU time, peak RSS of each of its processes, stderr lines with
    their arrival time (for the time to the first statement) and stdout."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            env={**os.environ, **(env or {})})
    lines: list[tuple[float, str]] = []
    peaks: dict[int, float] = {}
    reader = threading.Thread(target=lambda: lines.extend((time.perf_counter() - start, x)
                                                           for x in proc.stderr), daemon=True)
    reader.start()
    out_chunks: list[str] = []
    out_reader = threading.Thread(target=lambda: out_chunks.append(proc.stdout.read()), daemon=True)
    out_reader.start()
    rusage = None
    while True:
        for p in _descendants(proc.pid):
            rss = _peak_rss_mb(p)
            if rss:
                peaks[p] = max(peaks.get(p, 0.0), rss)
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        time.sleep(0.1)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    reader.join(5)
    out_reader.join(5)
    workers = sorted((v for p, v in peaks.items() if p != proc.pid), reverse=True)
    return {"wall_s": round(wall, 2), "cpu_s": round(rusage.ru_utime + rusage.ru_stime, 2),
            "exit": proc.returncode, "peak_rss_mb_main": round(peaks.get(proc.pid, rusage.ru_maxrss / 1024)),
            "peak_rss_mb_workers": [round(v) for v in workers], "stderr": lines,
            "stdout": "".join(out_chunks)}


def first_statement_s(lines: list[tuple[float, str]]) -> float | None:
    """Seconds from the start to the first batch log line reporting statements."""
    for t, line in lines:
        if line.startswith('{"ts"'):
            event = json.loads(line)
            if event.get("event") == "batch" and event.get("statements"):
                return round(t, 2)
    return None


def steady_rate(lines: list[tuple[float, str]]) -> float | None:
    """Articles per second between the first and the last batch: the throughput once every
    process has loaded its models (the fixed start-up cost is left out)."""
    batches = [(t, json.loads(x)["articles"]) for t, x in lines
               if x.startswith('{"ts"') and '"event": "batch"' in x]
    if len(batches) < 3:
        return None
    span = batches[-1][0] - batches[0][0]
    return round(sum(n for _, n in batches[1:]) / span, 2) if span > 0 else None


def newsfacts_extract(path: Path, out: Path, workers: int = 1) -> dict:
    m = measure([sys.executable, "-m", "pipeline.cli", "extract", str(path), "-o", str(out),
                 "--workers", str(workers), "--progress", "never"])
    m["first_statement_s"] = first_statement_s(m["stderr"])
    m["steady_articles_per_s"] = steady_rate(m["stderr"])
    done = [json.loads(x) for _, x in m["stderr"] if x.startswith('{"ts"') and '"event": "done"' in x]
    m["statements"] = done[-1]["statements"] if done else None
    if m["exit"] not in (0, 3):
        sys.stderr.write("".join(x for _, x in m["stderr"][-20:]))
    del m["stderr"], m["stdout"]
    return m


def raw_spacy(model: str, path: Path, *options: str) -> dict:
    m = measure([sys.executable, str(ROOT / "bench" / "raw_spacy.py"), model, str(path), *options])
    if m["exit"] != 0:
        sys.stderr.write("".join(x for _, x in m["stderr"][-20:]))
        return {"exit": m["exit"]}
    inner = json.loads(m["stdout"].strip().splitlines()[-1])
    return {**inner, "wall_s": m["wall_s"], "cpu_s": m["cpu_s"], "peak_rss_mb_main": m["peak_rss_mb_main"]}


# --------------------------------------------------------------------------- inputs
def _read(path: Path, limit: int | None = None) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return rows[:limit] if limit else rows


def make_input(name: str, ev: Path, n: int, tmp: Path) -> tuple[Path, list[dict]] | None:
    corpus, lang = SETS[name]
    if corpus == "generated":
        rows = english.articles(n)
    else:
        if not (ev / "corpus" / corpus).exists():
            return None
        rows = [{**r, "lang": r.get("lang") or lang} for r in _read(ev / "corpus" / corpus, n)]
    path = tmp / f"{name}.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path, rows


def base_model(lang: str) -> tuple[str, str]:
    """The spaCy package newsfacts loads for `lang` (or blank:<lang>), and its tier."""
    from pipeline import catalog

    row = catalog.languages().get(lang, {})
    package = row.get("package")
    if package and catalog.installed(package):
        return package, "trained"
    return f"blank:{lang}", "rules"


# --------------------------------------------------------------------------- jobs
def job_throughput(ev: Path, n: int, rounds: int, tmp: Path, sets: list[str]) -> dict:
    """newsfacts extract against raw spaCy, per language, alternating, best of `rounds`."""
    results = {}
    for name in sets:
        made = make_input(name, ev, n, tmp)
        if made is None:
            results[name] = {"skipped": f"corpus {SETS[name][0]} not found"}
            continue
        path, rows = made
        model, tier = base_model(SETS[name][1])
        if name == "ja" and tier != "trained":
            results[name] = {"skipped": "the ja extra (ja-ginza) is not installed: `make models`"}
            continue
        words = sum(len(r["text"].split()) for r in rows)
        raws, sames, ours = [], [], []
        for _ in range(rounds):
            raws.append(raw_spacy(model, path))
            if tier == "trained":
                sames.append(raw_spacy(model, path, "--index-lemmas"))
            ours.append(newsfacts_extract(path, tmp / f"out-{name}"))
        raw = min(raws, key=lambda r: r.get("wall_s", 1e9))
        same = min(sames, key=lambda r: r.get("wall_s", 1e9)) if sames else None
        nf = min(ours, key=lambda r: r["wall_s"])
        res = {
            "model": model, "tier": tier, "articles": len(rows), "words": words,
            "raw_spacy": {"wall_s": raw["wall_s"], "pipe_s": raw.get("pipe_s"), "cpu_s": raw["cpu_s"],
                          "articles_per_s": round(len(rows) / raw["wall_s"], 1),
                          "words_per_s": round(words / raw["wall_s"]), "peak_rss_mb": raw["peak_rss_mb_main"],
                          "all_wall_s": [r.get("wall_s") for r in raws]},
            "newsfacts": {"wall_s": nf["wall_s"], "cpu_s": nf["cpu_s"],
                          "articles_per_s": round(len(rows) / nf["wall_s"], 1),
                          "words_per_s": round(words / nf["wall_s"]),
                          "words_per_cpu_s": round(words / nf["cpu_s"]),
                          "peak_rss_mb": nf["peak_rss_mb_main"], "first_statement_s": nf["first_statement_s"],
                          "statements": nf["statements"], "exit": nf["exit"],
                          "all_wall_s": [r["wall_s"] for r in ours]},
        }
        res["ratio_newsfacts_over_raw"] = round(raw["wall_s"] / nf["wall_s"], 3)
        if same:
            # the stricter floor: spaCy running the model exactly as newsfacts does
            res["raw_spacy_same_model"] = {"wall_s": same["wall_s"], "pipe_s": same.get("pipe_s"),
                                           "words_per_s": round(words / same["wall_s"]),
                                           "all_wall_s": [r.get("wall_s") for r in sames]}
            res["ratio_newsfacts_over_same_model"] = round(same["wall_s"] / nf["wall_s"], 3)
        results[name] = res
        print(f"  {name}: raw {raw['wall_s']} s, newsfacts {nf['wall_s']} s, "
              f"ratio {res['ratio_newsfacts_over_raw']}, against the same model "
              f"{res.get('ratio_newsfacts_over_same_model')}", flush=True)
    return results


def job_workers(ev: Path, n: int, rounds: int, tmp: Path) -> dict:
    """`--workers 2` against `--workers 1` on the same French articles (whole process)."""
    made = make_input("fr", ev, n, tmp)
    if made is None:
        return {"skipped": "wikinews_fr_winer.jsonl not found"}
    path, rows = made
    one, two = [], []
    for _ in range(rounds):
        one.append(newsfacts_extract(path, tmp / "out-w1", workers=1))
        two.append(newsfacts_extract(path, tmp / "out-w2", workers=2))
    a, b = min(one, key=lambda r: r["wall_s"]), min(two, key=lambda r: r["wall_s"])
    steady_1 = max((r["steady_articles_per_s"] or 0) for r in one)
    steady_2 = max((r["steady_articles_per_s"] or 0) for r in two)
    return {"articles": len(rows), "workers_1_s": a["wall_s"], "workers_2_s": b["wall_s"],
            "speedup": round(a["wall_s"] / b["wall_s"], 2), "cpus": len(os.sched_getaffinity(0)),
            "steady_articles_per_s": {"1": steady_1, "2": steady_2},
            "steady_speedup": round(steady_2 / steady_1, 2) if steady_1 else None,
            "peak_rss_mb_per_worker": b["peak_rss_mb_workers"], "all": {"1": [r["wall_s"] for r in one],
                                                                        "2": [r["wall_s"] for r in two]}}


def job_memory(ev: Path, n: int, tmp: Path) -> dict:
    """French and English in one run with 2 workers: each worker loads both pipelines."""
    fr, en = make_input("fr", ev, n, tmp), make_input("en", ev, n, tmp)
    rows = (fr[1] if fr else []) + en[1]
    mixed = tmp / "mixed.jsonl"
    # interleaved, so that both workers meet both languages
    order = [r for pair in zip(rows[:len(rows) // 2], rows[len(rows) // 2:], strict=False) for r in pair]
    mixed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in order), encoding="utf-8")
    m = newsfacts_extract(mixed, tmp / "out-mixed", workers=2)
    single = newsfacts_extract(mixed, tmp / "out-mixed1", workers=1)
    return {"articles": len(order), "workers": 2, "peak_rss_mb_per_worker": m["peak_rss_mb_workers"],
            "peak_rss_mb_main": m["peak_rss_mb_main"],
            "peak_rss_mb_single_process": single["peak_rss_mb_main"],
            "first_statement_s_workers_2": m["first_statement_s"],
            "first_statement_s_workers_1": single["first_statement_s"]}


def job_profile(ev: Path, n: int, tmp: Path, sets: list[str]) -> dict:
    """CPU seconds of every stage of one process, on the same articles, as shares of the model."""
    out = {}
    for name in sets:
        made = make_input(name, ev, n, tmp)
        if made is not None and not (name == "ja" and base_model("ja")[1] != "trained"):
            out[name] = profile_one(made[1], tmp / f"profile-{name}")
    return out


def profile_one(rows: list[dict], out_dir: Path) -> dict:
    """The runner's own functions, called stage by stage over all the articles: reading and
    normalising, language identification, each spaCy component (the model's, then ours), the
    rows of the tables and the Parquet files."""
    from pipeline import models, runner, sources, table

    spent: dict[str, float] = {}

    def timed(stage: str, fn):
        t = time.process_time()
        value = fn()
        spent[stage] = spent.get(stage, 0.0) + time.process_time() - t
        return value

    arts = timed("read+normalise", lambda: [sources.make_article(r["text"], path="bench", lang=r.get("lang"),
                                                                 published=r.get("date")) for r in rows])
    guesses = timed("langid", lambda: [runner.choose_language(a) for a in arts])
    loaded = models.load(guesses[0][0])
    nlp = loaded.nlp
    runner.process_articles(arts[:2])  # warm caches (lexicons, dateparser)
    stop = nlp.Defaults.stop_words
    others = timed("langid paragraphs", lambda: [runner.other_languages(a, g[0], g[1], stop)
                                                 for a, g in zip(arts, guesses, strict=True)])
    docs = [nlp.make_doc(a.text) for a in arts]
    for doc, art in zip(docs, arts, strict=True):
        doc._.article = {"id": art.id, "path": art.path, "published": art.published, "lang": loaded.lang,
                         "tier": loaded.tier, "title": art.title}
    for pipe_name, proc in nlp.pipeline:
        docs = timed(pipe_name, lambda proc=proc, docs=docs: list(proc.pipe(docs, batch_size=16))
                     if hasattr(proc, "pipe") else [proc(d) for d in docs])
    tables = table.Tables()

    def rows_of() -> None:
        for doc, art, other in zip(docs, arts, others, strict=True):
            st = table.statement_rows(doc, "bench")
            tables.statements.extend(st)
            tables.entities.extend(table.entity_rows(doc))
            tables.articles.append(table.article_row(art, lang=loaded.lang, n_statements=len(st),
                                                     other_languages=other))
    timed("table rows", rows_of)
    timed("parquet", lambda: table.write(tables, out_dir))
    ours = {k for k in spent if k.startswith("newsfacts_") and k != "newsfacts_paragraph_breaks"}
    outside = {"read+normalise", "langid", "langid paragraphs", "table rows", "parquet"}
    model = sum(v for k, v in spent.items() if k not in ours | outside)
    added = sum(v for k, v in spent.items() if k in ours | outside)
    shares = {k: round(100 * v / model, 1) for k, v in spent.items()} if model else {}
    return {"articles": len(arts), "model": loaded.model, "cpu_s": {k: round(v, 3) for k, v in spent.items()},
            "share_of_model_pct": shares, "model_cpu_s": round(model, 2), "added_cpu_s": round(added, 2),
            "added_over_model": round(added / model, 3) if model else None,
            "words_per_cpu_s": round(sum(len(a.text.split()) for a in arts) / (model + added))}


def bench_task(task: str, path: Path) -> dict:
    from pipeline import evaluate

    gold = _read(path)
    mod = evaluate.task_module(task)
    list(mod.predict(gold[:20]))  # warm caches (parsers, models)
    start = time.perf_counter()
    pred = list(mod.predict(gold))
    seconds = time.perf_counter() - start
    res = mod.score(gold, pred)
    return {"cases": len(gold), "seconds": round(seconds, 2), "cases_per_second": round(len(gold) / seconds),
            "headline": res.get("headline")}


# --------------------------------------------------------------------------- report
def summary(results: dict) -> list[str]:
    lines = ["", "| set | tier | articles | raw spaCy words/s | newsfacts words/s | ratio | "
             "ratio, same model | words/CPU-s | first statement | peak RSS |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for name, r in results.get("throughput", {}).items():
        if "skipped" in r:
            lines.append(f"| {name} | skipped: {r['skipped']} |")
            continue
        nf, raw = r["newsfacts"], r["raw_spacy"]
        lines.append(f"| {name} | {r['tier']} | {r['articles']} | {raw['words_per_s']:,} | "
                     f"{nf['words_per_s']:,} | **{r['ratio_newsfacts_over_raw']}** | "
                     f"{r.get('ratio_newsfacts_over_same_model', '–')} | "
                     f"{nf['words_per_cpu_s']:,} | {nf['first_statement_s']} s | {nf['peak_rss_mb']} MB |")
    w = results.get("workers")
    if w and "speedup" in w:
        lines.append(f"\nworkers: 1 -> {w['workers_1_s']} s, 2 -> {w['workers_2_s']} s: **{w['speedup']}x** "
                     f"whole process, **{w['steady_speedup']}x** once loaded ({w['articles']} articles, "
                     f"{w['cpus']} cpus)")
    m = results.get("memory")
    if m:
        lines.append(f"memory, fr+en, 2 workers: peak RSS per worker {m['peak_rss_mb_per_worker']} MB; "
                     f"first statement {m['first_statement_s_workers_2']} s (1 worker: "
                     f"{m['first_statement_s_workers_1']} s)")
    for name, p in results.get("profile", {}).items():
        top = sorted(p["share_of_model_pct"].items(), key=lambda kv: -kv[1])
        lines.append(f"profile {name}: added/model = {p['added_over_model']}; "
                     + ", ".join(f"{k} {v}%" for k, v in top))
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--articles", type=int, default=1000, help="articles per set (at most)")
    ap.add_argument("--rounds", type=int, default=2, help="alternating runs per side; the best is kept")
    ap.add_argument("--sets", nargs="*", default=list(SETS))
    ap.add_argument("--json", default=str(ROOT / "bench" / "results" / "latest.json"))
    ap.add_argument("--only", nargs="*", help="throughput workers memory profile numbers dates langid")
    a = ap.parse_args()
    ev = Path(a.eval)
    if not ev.is_dir():
        sys.exit(f"evaluation data not found at {ev} (set --eval)")
    results: dict = {"load_average_start": os.getloadavg()[0], "cpus": len(os.sched_getaffinity(0))}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        jobs = {
            "throughput": lambda: job_throughput(ev, a.articles, a.rounds, tmp, a.sets),
            "workers": lambda: job_workers(ev, a.articles, a.rounds, tmp),
            "memory": lambda: job_memory(ev, min(a.articles, 300) // 2, tmp),
            "profile": lambda: job_profile(ev, min(a.articles, 200), tmp, a.sets),
            "numbers": lambda: bench_task("numbers", ev / "numbers" / "recognizers_numbers_dev.jsonl"),
            "dates": lambda: bench_task("dates", ev / "dates" / "recognizers_dates_dev.jsonl"),
            "langid": lambda: bench_task("langid", ev / "langid" / "ntrex_langid_dev.jsonl"),
        }
        for name, job in jobs.items():
            if a.only and name not in a.only:
                continue
            print(f"== {name}", flush=True)
            results[name] = job()
            print(json.dumps(results[name], ensure_ascii=False), flush=True)
    results["load_average_end"] = os.getloadavg()[0]
    Path(a.json).parent.mkdir(parents=True, exist_ok=True)
    Path(a.json).write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    print("\n".join(summary(results)))
    print(f"-> {a.json}")


if __name__ == "__main__":
    main()
