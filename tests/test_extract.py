"""`newsfacts extract` end to end: the corpus, the seed against its gold, bad input, formats."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import baseline
import pytest

from pipeline import table
from pipeline.sources import make_article

SEED_ID = "seed-000_7b3a8ad300d317d9"
CLI = [sys.executable, "-m", "pipeline.cli"]


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=cwd, timeout=900)


@pytest.fixture(scope="session")
def corpus_out(tmp_path_factory, corpus_dir) -> Path:
    out = tmp_path_factory.mktemp("corpus_out")
    proc = run_cli("extract", str(corpus_dir), "-o", str(out))
    assert proc.returncode == 0, proc.stderr[-2000:]
    return out


@pytest.fixture(scope="session")
def seed_gold(eval_dir) -> dict:
    with open(eval_dir / "attribution" / "fr" / "dev.jsonl", encoding="utf-8") as f:
        return next(r for r in map(json.loads, f) if r["id"] == SEED_ID)


def _seed_prediction(corpus_out: Path, gold: dict) -> tuple[dict, list[dict]]:
    """The seed's statements from the extract tables, as a referee prediction on the gold text."""
    arts = table.read(corpus_out, "articles")
    row = arts[arts["source_path"].str.contains(SEED_ID)].iloc[0]
    article = make_article(gold["text"], path="seed")
    assert article.text == row["text"], "the gold text normalises to the text stored in `articles`"
    st = table.read(corpus_out, "statements")
    rows = [r for r in st[st["article_id"] == row["article_id"]].to_dict("records") if r["kind"] != "claim"]

    def span(s, e):
        if s is None or e is None or s != s or e != e:  # None or NaN
            return None
        a, b = article.alignment.span_to_input(int(s), int(e))
        return {"start": a, "end": b, "text": gold["text"][a:b]}

    attributions = []
    for r in rows:
        attributions.append({
            "content": span(r["start"], r["end"]),
            "source": span(r["mention_start"], r["mention_end"]),
            "cue": span(r["cue_start"], r["cue_end"]),
            "type": r["kind"], "source_resolved": r["speaker"] if isinstance(r["speaker"], str) else None,
        })
    return {"id": SEED_ID, "attributions": attributions}, rows


def test_corpus_tables(corpus_out, corpus_dir):
    arts = table.read(corpus_out, "articles")
    st = table.read(corpus_out, "statements")
    assert (arts["status"] == "ok").all()
    assert set(arts["language"]) == {"fr", "en"} and set(arts["tier"]) == {"trained"}
    assert len(st) >= 15 and st["statement_id"].is_unique
    for r in st.to_dict("records"):  # offsets refer to the normalised text stored in `articles`
        text = arts.loc[arts["article_id"] == r["article_id"], "text"].iloc[0]
        assert text[r["start"]:r["end"]] == r["statement"]


def test_seed_matches_gold_through_the_scorer(corpus_out, seed_gold, referee, tmp_path):
    pred, _ = _seed_prediction(corpus_out, seed_gold)
    gold_path, pred_path, res_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl", tmp_path / "res.json"
    gold_path.write_text(json.dumps(seed_gold, ensure_ascii=False) + "\n", encoding="utf-8")
    pred_path.write_text(json.dumps(pred, ensure_ascii=False) + "\n", encoding="utf-8")
    subprocess.run([sys.executable, str(referee), "attribution", str(gold_path), str(pred_path),
                    "--json", str(res_path)], check=True, capture_output=True)
    res = json.loads(res_path.read_text())
    full = res["attr.full"]
    assert full["R"] == 100.0, full  # every gold statement found, with its source and cue
    assert not baseline.check("attribution", "fr_seed", res), full
    assert res["on_j50_matches"]["resolved_source_acc"] == 100.0, res["on_j50_matches"]


def _best_match(gold_att: dict, rows: list[dict], article) -> dict:
    gs, ge = gold_att["content"]["start"], gold_att["content"]["end"]

    def overlap(r):
        a, b = article.alignment.span_to_input(int(r["start"]), int(r["end"]))
        return max(0, min(b, ge) - max(a, gs))

    return max(rows, key=overlap)


def test_seed_speakers_numbers_dates_match_gold(corpus_out, seed_gold):
    _, rows = _seed_prediction(corpus_out, seed_gold)
    article = make_article(seed_gold["text"], path="seed")
    for g in seed_gold["attributions"]:
        r = _best_match(g, rows, article)
        if g.get("source_resolved") == "Coupang":
            assert r["speaker"] == "Coupang" and r["speaker_label"] == "ORG", (g["source"], r)
        for n in g.get("numbers") or []:
            got = [q for q in r["quantities"] if abs(q["value"] - n["value"]) < 1e-6]
            assert got, (n, r["quantities"])
            assert bool(got[0]["approx"]) == bool(n.get("approx")), (n, got)
            if n.get("unit"):
                assert any(q["unit"] == n["unit"] for q in got), (n, got)
        for d in g.get("dates") or []:
            assert any(str(x["value"]) == d["value"] for x in r["dates"]), (d, r["dates"])


BAD_FILES = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 64,
    "invalid-utf8.txt": b"Le ministre a d\xe9clar\xe9 \xff\xfe\xfd que " + bytes([0x80, 0x81, 0x8d]) * 3,
    "page.html": b"<html><head><title>x</title></head><body><nav>Menu</nav></body></html>",
    "feed.jsonl": b'{"id": "good-line", "lang": "en", '
                  b'"text": "The mayor said the bridge would reopen in May."}\n'
                  b'{"id": "broken", "text": \n',
    "slides.pptx": b"PK\x03\x04 not an article",
}


def test_bad_input_batch_goes_on(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    for name, data in BAD_FILES.items():
        (inp / name).write_bytes(data)
    (inp / "huge.txt").write_text("Une phrase de remplissage. " * 780_000, encoding="utf-8")  # ~20 MB
    (inp / "good.txt").write_text(
        "Date: 2025-05-02\n\nLe maire, Jean Dupont, a déclaré que le pont rouvrirait en mai. "
        "Selon la mairie, les travaux ont coûté 2 millions d'euros.", encoding="utf-8")
    out = tmp_path / "out"
    proc = run_cli("extract", str(inp), "-o", str(out), "--format", "jsonl")
    assert proc.returncode == 3, proc.stderr[-2000:]  # some inputs failed, the batch finished
    assert "Traceback" not in proc.stderr
    arts = table.read(out, "articles")
    # every file appears (the .jsonl twice: one row per line)
    assert len(arts) == len(BAD_FILES) + 2 + 1
    by_name = {Path(p.split("#")[0]).name + ("#" + p.split("#")[1] if "#" in p else ""): r
               for p, r in zip(arts["source_path"], arts.to_dict("records"), strict=True)}
    for name in ("empty.txt", "binary.txt", "page.html", "slides.pptx", "huge.txt", "feed.jsonl#2"):
        assert by_name[name]["status"] == "error" and len(by_name[name]["error"]) > 10, (name, by_name[name])
    assert by_name["good.txt"]["status"] == "ok" and by_name["good.txt"]["n_statements"] >= 1
    assert by_name["feed.jsonl#1"]["status"] == "ok"
    # invalid UTF-8 is decoded with a fallback encoding rather than lost
    invalid = by_name["invalid-utf8.txt"]
    assert invalid["status"] == "ok" and invalid["encoding"] != "utf-8"
    # JSON-lines logs name the failed files
    events = [json.loads(line) for line in proc.stderr.splitlines() if line.startswith("{")]
    assert any(e["event"] == "article_error" and "binary" in e["error"] for e in events)
    assert events[-1]["event"] == "done" and events[-1]["failed"] == 6


def test_formats_and_usage_errors(tmp_path, corpus_dir):
    src = corpus_dir / "en" / "wire.jsonl"
    for fmt in ("csv", "jsonl", "parquet"):
        out = tmp_path / fmt
        proc = run_cli("extract", str(src), "-o", str(out), "--format", fmt)
        assert proc.returncode == 0, proc.stderr[-2000:]
        df = table.read(out, "statements")
        assert len(df) >= 3 and {"speaker", "cue", "statement", "quantities"} <= set(df.columns)
    assert run_cli("extract", str(tmp_path / "missing"), "-o", str(tmp_path / "x")).returncode == 2
    assert run_cli("extract", str(src), "--format", "xml").returncode == 2


def test_python_api_on_texts():
    import pipeline

    df = pipeline.extract(["La ministre, Anne Morel, a annoncé que 3 000 postes seraient créés."],
                          lang="fr", published="2025-03-03")
    assert len(df) >= 1
    row = df.iloc[0]
    assert row["speaker"] == "Anne Morel" and row["cue_lemma"] == "annoncer"
    assert [q["value"] for q in row["quantities"]] == [3000.0]


def test_workers_give_the_same_rows(corpus_out, corpus_dir, tmp_path):
    out = tmp_path / "w2"
    proc = run_cli("extract", str(corpus_dir), "-o", str(out), "--workers", "2", "--batch-size", "2")
    assert proc.returncode == 0, proc.stderr[-2000:]
    key = ["statement_id"]
    one = table.read(corpus_out, "statements").sort_values(key).reset_index(drop=True)
    two = table.read(out, "statements").sort_values(key).reset_index(drop=True)
    assert one.drop(columns=["quantities", "dates", "entities"]).equals(
        two.drop(columns=["quantities", "dates", "entities"]))
    assert [list(map(dict, q)) for q in one["quantities"]] == [list(map(dict, q)) for q in two["quantities"]]


def test_a_paragraph_break_ends_the_sentence(fr):
    text = ("L'entreprise a expliqué que la baisse des commandes l'obligeait à réduire la production.\n\n"
            "« Nous ne fermerons pas le site », a déclaré son directeur général, Paul Arnaud.")
    doc = fr.nlp(text)
    cut = text.index("\n\n")
    assert all(s.end_char <= cut + 2 or s.start_char >= cut for s in doc.sents)  # none crosses the break
    row = next(r for r in pipeline_rows(text) if r["kind"] == "direct")
    assert "production" not in row["sentence"] and row["speaker"] == "Paul Arnaud"


def pipeline_rows(text: str) -> list[dict]:
    import pipeline

    return pipeline.Extractor().run([text], lang="fr").statements
