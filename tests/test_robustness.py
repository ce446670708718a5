"""Issue 15: one bad article never sinks a batch, no silent wrong answers, output files are safe.

Real files, the real French pipeline, real subprocesses where a process has to die. Each test
names the input kind of the issue it guards.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from scaling import QUADRATIC_BOUND, growth
from test_ingest import cli, events, make_corpus, manifest, run

import pipeline
from pipeline import ingest, pieces, runner, sources, table

GOOD = {
    "good-1.txt": "Title: Budget\nLang: fr\n\nLe ministre de l'Économie, Paul Durand, a déclaré mardi que "
                  "3 000 emplois seraient créés d'ici 2026. « Nous tiendrons nos engagements », a-t-il "
                  "ajouté devant les députés.\n",
    "good-2.txt": "Title: Lyon\nLang: fr\n\nLa maire de Lyon, Claire Martin, a annoncé que le budget des "
                  "écoles augmenterait de 12 % en 2025, selon un communiqué publié lundi.\n",
}


def with_good(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def good_ok(tables: table.Tables) -> None:
    """Both good articles came out, ok, with statements."""
    arts = {Path(a["source_path"]).name: a for a in tables.arrow("articles").to_pylist()}
    for name in GOOD:
        assert arts[name]["status"] == "ok", arts[name]["error"]
        assert arts[name]["n_statements"] >= 1


def write_json(path: Path, record) -> Path:
    path.write_text(json.dumps(record), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- A: fields and writers
@pytest.mark.parametrize("field,value", [("title", 42), ("title", {"a": 1}), ("url", ["x", "y"]),
                                         ("id", [1]), ("date", {"y": 2025}), ("lang", 3)])
def test_bad_json_field_is_its_own_error_row_naming_the_field(fr, tmp_path, field, value):
    folder = with_good(tmp_path / "in")
    write_json(folder / "bad.json", {"text": "Le maire a dit que tout allait bien.", field: value})
    tables = pipeline.Extractor().run([folder])
    table.write(tables, tmp_path / "out")  # before: ArrowTypeError, no table written
    good_ok(tables)
    bad = next(a for a in tables.articles if a["source_path"].endswith("bad.json"))
    if field == "title" and isinstance(value, int):
        assert bad["status"] == "ok" and bad["title"] == "42"  # a number is coerced
    else:
        assert bad["status"] == "error" and f"field {field!r}" in bad["error"]


def test_lone_surrogates_and_undecodable_file_names_reach_no_writer(fr, tmp_path):
    folder = with_good(tmp_path / "in")
    (folder / "surrogate.json").write_text('{"title": "T\\ud800", "text": "Le maire a dit \\udfff que '
                                           'tout allait bien."}', encoding="utf-8")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as f:
        f.write(b"Le maire a dit que tout allait bien.")
    tables = pipeline.Extractor().run([folder])
    for fmt in table.FORMATS:
        table.write(tables, tmp_path / fmt, fmt)  # before: UnicodeEncodeError
    good_ok(tables)
    arts = tables.arrow("articles").to_pylist()
    assert any(a["source_path"].endswith("caf\\xe9.txt") and a["status"] == "ok" for a in arts)
    sur = next(a for a in arts if a["source_path"].endswith("surrogate.json"))
    assert sur["title"] == "T\ufffd" and "\ufffd" in sur["text"]


def test_article_over_the_length_limit_is_an_error_row(fr, tmp_path):
    folder = with_good(tmp_path / "in")
    (folder / "word.txt").write_text("a" * 1_500_000, encoding="utf-8")  # before: E088, no tables
    tables = pipeline.Extractor().run([folder])
    good_ok(tables)
    bad = next(a for a in tables.articles if a["source_path"].endswith("word.txt"))
    assert bad["status"] == "error" and "too long" in bad["error"]


def test_runner_honours_nlp_max_length(fr, tmp_path):
    """An article under the reader's limit but over the pipeline's gets an error row, not E088."""
    folder = with_good(tmp_path / "in")
    (folder / "long.txt").write_text("Le maire a parlé. " * 200, encoding="utf-8")
    saved = fr.nlp.max_length
    fr.nlp.max_length = 1000
    try:
        tables = pipeline.Extractor().run([folder])
    finally:
        fr.nlp.max_length = saved
    good_ok(tables)
    bad = next(a for a in tables.articles if a["source_path"].endswith("long.txt"))
    assert bad["status"] == "error" and "limit 1,000" in bad["error"]


def test_time_budget_turns_a_runaway_into_an_error_row(fr, tmp_path, monkeypatch):
    """A chain of "a déclaré que" (super-linear in the attribution rules) within a 3 s budget."""
    folder = with_good(tmp_path / "in")
    (folder / "chain.txt").write_text("Lang: fr\n\n" + "Le ministre a déclaré que " * 3000 + "tout va bien.",
                                      encoding="utf-8")
    monkeypatch.setenv(runner.BUDGET_ENV, "3")
    t0 = time.perf_counter()
    tables = pipeline.Extractor().run([folder])
    assert time.perf_counter() - t0 < 30
    good_ok(tables)
    bad = next(a for a in tables.articles if a["source_path"].endswith("chain.txt"))
    assert bad["status"] == "error" and "time budget of 3 s" in bad["error"]


def news_text(n_chars: int) -> str:
    """Ordinary French news paragraphs, varied so that no rule sees one repeated sentence."""
    who = ["Paul Durand", "Claire Martin", "Ana Costa", "Jean Morel", "Sophie Leroy"]
    org = ["la mairie", "le syndicat", "l'Insee", "la préfecture", "le ministère"]
    parts, i = [], 0
    while sum(map(len, parts)) < n_chars:
        parts.append(f"Selon {org[i % 5]}, {100 + i} logements ont été livrés en {2000 + i % 25}. "
                     f"« Nous avons tenu nos promesses », a déclaré {who[i % 5]} le {1 + i % 28} mars. "
                     f"Le budget a augmenté de {i % 40 + 1} % en un an, a précisé {who[(i + 2) % 5]}.\n\n")
        i += 1
    return "".join(parts)[:n_chars]


@pytest.mark.slow
def test_a_component_failing_on_one_article_spares_its_batch_mates(fr, tmp_path, monkeypatch):
    """A crash in a component after the parser, on one article of a batch: the others are rerun
    from their unparsed text (paragraph breaks included) and come out ok; the culprit's row
    names its own error."""
    from pipeline.components import speakers

    folder = with_good(tmp_path / "in")
    for i in range(4):
        (folder / f"para-{i}.txt").write_text(
            f"Lang: fr\n\nLe maire {i} a visité le port.\n\n« Le quai sera fini en mai », a-t-il déclaré.\n",
            encoding="utf-8")
    (folder / "culprit.txt").write_text("Lang: fr\n\nLa préfète a dit que le PANNE serait réparé.\n\n"
                                        "« Tout ira bien », a-t-elle ajouté.\n", encoding="utf-8")
    real_call = speakers.SpeakersComponent.__call__

    def failing_on_one(self, doc):
        if "PANNE" in doc.text:
            raise RuntimeError("injected speaker failure")
        return real_call(self, doc)

    monkeypatch.setattr(speakers.SpeakersComponent, "__call__", failing_on_one)
    tables = pipeline.Extractor().run([folder])
    arts = {Path(a["source_path"]).name: a for a in tables.articles}
    assert len(arts) == 7
    for name, art in arts.items():
        if name == "culprit.txt":
            assert art["status"] == "error" and "injected speaker failure" in art["error"], art["error"]
        else:
            assert art["status"] == "ok", (name, art["error"])


def test_cost_is_linear_in_article_length(fr, monkeypatch):
    monkeypatch.setenv(runner.BUDGET_ENV, "0")
    texts = {n: news_text(n) for n in (100_000, 400_000)}

    def run(n: int) -> None:
        tables = pipeline.Extractor().run(texts=[texts[n]], lang="fr")
        assert tables.articles[0]["status"] == "ok"

    cost = growth(run, 100_000, 400_000, repeats=1)
    print(f"\n100k chars {cost[100_000]:.1f} s, 400k chars {cost[400_000]:.1f} s, "
          f"ratio {cost['ratio']:.2f}")
    assert cost["ratio"] < QUADRATIC_BOUND, cost


def test_paragraph_pieces_give_the_text_back():
    text = news_text(35_000) + "un seul paragraphe sans fin " * 800
    cut = pieces.paragraph_pieces(text, 10_000)
    assert "".join(cut) == text and len(cut) == 4
    assert all(p.endswith("\n\n") for p in cut[:-1]) and len(cut[-1]) > 10_000


def _rows(tables: table.Tables) -> list[list[tuple]]:
    return [sorted(tuple(sorted((k, str(v)) for k, v in r.items())) for r in rows)
            for rows in (tables.statements, tables.entities)]


@pytest.mark.slow
def test_long_article_in_pieces_gives_the_one_doc_tables(fr, monkeypatch):
    """Pieces change the model's context only across a paragraph break: the tables must not move."""
    monkeypatch.setenv(runner.BUDGET_ENV, "0")
    text = news_text(60_000)
    in_pieces = pipeline.Extractor().run(texts=[text], lang="fr")
    monkeypatch.setattr(runner, "LONG_ARTICLE_CHARS", len(text) + 1)
    one_doc = pipeline.Extractor().run(texts=[text], lang="fr")
    assert len(in_pieces.statements) > 500
    assert _rows(in_pieces) == _rows(one_doc)


# --------------------------------------------------------------------------- A: ingest isolates failures
def test_ingest_bad_inputs_never_fail_their_batch_mates(fr, tmp_path, capsys):
    src = with_good(tmp_path / "in")
    write_json(src / "title.json", {"title": {"x": 1}, "text": "Le maire a dit que tout allait bien."})
    (src / "long.txt").write_text("a" * 1_200_000, encoding="utf-8")
    (src / "surrogate.json").write_text('{"text": "Le maire a dit \\ud800 que tout va bien."}',
                                        encoding="utf-8")
    with open(os.path.join(os.fsencode(src), b"nom-\xff.txt"), "wb") as f:
        f.write("La ministre a affirmé que le projet avancerait.".encode())
    ds = tmp_path / "ds"
    code, s, err = run(capsys, src, into=ds, settle=0)
    assert code == ingest.EXIT_PARTIAL, err
    assert (s["new"], s["failed"]) == (6, 2)  # the title and the over-long text; nothing pending
    arts = ingest.read(ds, "articles")
    by_name = {Path(p).name: st for p, st in zip(arts["input_path"], arts["status"], strict=True)}
    assert by_name["good-1.txt"] == by_name["good-2.txt"] == "ok"
    assert by_name["surrogate.json"] == by_name["nom-\\xff.txt"] == "ok"
    code, s, err = run(capsys, src, into=ds, settle=0)  # before: every later run exited 1
    assert code == ingest.EXIT_OK and s["skipped"] == 6, err


# --------------------------------------------------------------------------- C: API, offsets, eval, status
def test_python_api_path_typo_raises_and_texts_are_explicit(fr):
    with pytest.raises(FileNotFoundError, match="artcles/"):
        pipeline.extract(["artcles/"])
    with pytest.raises(FileNotFoundError, match="feed.jsonl"):
        pipeline.extract("feed.jsonl")
    assert not pipeline._is_path("2025/12/24に東京都が発表した。")  # a text without spaces
    df = pipeline.extract_text("La maire de Lyon, Claire Martin, a annoncé que le budget augmenterait.",
                               lang="fr")
    assert len(df) >= 1
    assert len(pipeline.extract(texts=[GOOD["good-2.txt"]])) >= 1


def test_offsets_read_back_from_parquet_as_integers(fr, tmp_path):
    tables = pipeline.Extractor().run(texts=[GOOD["good-1.txt"]])
    table.write(tables, tmp_path / "out")
    st = pd.read_parquet(tmp_path / "out" / "statements.parquet")
    arts = pd.read_parquet(tmp_path / "out" / "articles.parquet")
    assert str(st["start"].dtype) == "Int32"
    text = arts.loc[0, "text"]
    for r in st.itertuples():  # the README's snippet
        assert text[r.start:r.end] == r.statement


def test_eval_on_malformed_gold_is_one_line_and_exit_2(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "x"}\n{"id": "b", "text": \n', encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "eval", "--task", "attribution", str(gold)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2, proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "gold.jsonl" in lines[0] and "line 2" in lines[0], proc.stderr


def _status_rows(ds: Path) -> int:
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "status", str(ds)], capture_output=True,
                          text=True, timeout=120)
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("latest rows:"))
    return int(line.split()[2])


def test_crash_while_reingesting_a_changed_file_keeps_one_version(tmp_path):
    src = make_corpus(tmp_path / "in", 3)
    ds = tmp_path / "ds"
    assert cli("ingest", str(src), "--into", str(ds), "--settle", "0")[0] == 0
    changed = src / "a00001.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Article 1", "Article 1 (updated)") +
                       "\nLe directeur a ajouté que 40 postes seraient supprimés.\n", encoding="utf-8")
    code, *_ = cli("ingest", str(src), "--into", str(ds), "--settle", "0",
                   env={ingest.CRASH_ENV: "published:1"})
    assert code == -signal.SIGKILL
    assert cli("ingest", str(src), "--into", str(ds), "--settle", "0")[0] == 0
    arts = ingest.read(ds, "articles")
    assert sorted(Path(p).name for p in arts["input_path"]) == ["a00000.txt", "a00001.txt", "a00002.txt"]
    assert _status_rows(ds) == len(ingest.read(ds, "statements"))
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "status", str(ds)], capture_output=True,
                          text=True, timeout=120)
    assert " running " not in proc.stdout and " killed " in proc.stdout  # the killed run says so
    assert cli("ingest", str(src), "--into", str(ds), "--settle", "0", "--reprocess")[0] == 0
    assert _status_rows(ds) == len(ingest.read(ds, "statements"))


# --------------------------------------------------------------------------- E: half-written files, atomicity
def test_half_written_file_waits_for_the_next_run(fr, tmp_path, capsys):
    import threading

    src = with_good(tmp_path / "in")
    growing = src / "growing.txt"
    growing.write_text("Lang: fr\n\nLe maire a déclaré que", encoding="utf-8")

    def keep_writing():
        for _ in range(6):
            time.sleep(0.2)
            with growing.open("a", encoding="utf-8") as f:
                f.write(" la ville")
        with growing.open("a", encoding="utf-8") as f:
            f.write(" investirait 2 millions d'euros.\n")

    writer = threading.Thread(target=keep_writing)
    writer.start()
    ds = tmp_path / "ds"
    code, s, err = run(capsys, src, into=ds, settle=1.0)
    writer.join()
    assert code == 0 and s["settling"] == 1 and s["new"] == 2, err
    assert any(e["event"] == "file_settling" for e in events(err))
    time.sleep(1.1)
    code, s, err = run(capsys, src, into=ds, settle=1.0)
    assert code == 0 and s["new"] == 1, err
    arts = ingest.read(ds, "articles")
    text = arts[arts["input_path"].str.endswith("growing.txt")]["text"].iloc[0]
    assert text.endswith("2 millions d'euros.")


class _FailingTables(table.Tables):
    """Real tables whose third table cannot be produced: a run killed (or failing) mid-write."""

    def arrow(self, name):
        if name == "entities":
            raise OSError("disk full")
        return super().arrow(name)


def test_extract_output_is_replaced_atomically(fr, tmp_path):
    old = pipeline.Extractor().run(texts=[GOOD["good-1.txt"]])
    out = tmp_path / "out"
    table.write(old, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    new = _FailingTables()
    new.extend(pipeline.Extractor().run(texts=[GOOD["good-2.txt"]]))
    with pytest.raises(OSError):
        table.write(new, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # not a mix of old and new
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary folder left


def test_workers_die_with_their_parent(tmp_path):
    script = tmp_path / "parent.py"
    script.write_text(
        "import os, sys, time\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from pipeline.runner import die_with_parent\n"
        "pool = ProcessPoolExecutor(2, initializer=die_with_parent)\n"
        "pids = set(pool.map(os.getpid, []) or [])\n"
        "futs = [pool.submit(time.sleep, 0.3) for _ in range(4)]\n"
        "[f.result() for f in futs]\n"
        "print(' '.join(str(p.pid) for p in pool._processes.values()), flush=True)\n"
        "time.sleep(600)\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(Path(pipeline.__file__).parents[1])})
    workers = [int(p) for p in proc.stdout.readline().split()]
    assert len(workers) == 2
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    deadline = time.time() + 10
    alive = workers
    while alive and time.time() < deadline:
        time.sleep(0.1)
        alive = [p for p in workers if Path(f"/proc/{p}").exists()
                 and "Z" not in Path(f"/proc/{p}/stat").read_text().split()[2:3]]
    assert not alive, f"workers still running after their parent died: {alive}"


def test_unwritable_dataset_gives_a_clear_error_and_the_summary(tmp_path, capsys):
    src = with_good(tmp_path / "in")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    code = ingest.main([src], into=blocker / "ds", settle=0)  # before: NotADirectoryError traceback
    out, err = capsys.readouterr()
    summary = json.loads(out.strip().splitlines()[-1])
    assert code == ingest.EXIT_FATAL and summary["status"] == "error"
    assert "cannot write the dataset" in summary["error"] and "Traceback" not in err


def test_bogus_language_hint_is_not_stored(fr, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_json(folder / "a.json", {"lang": "xx", "text": GOOD["good-2.txt"].split("\n\n", 1)[1]})
    tables = pipeline.Extractor().run([folder])
    assert tables.articles[0]["language"] == "fr"


def test_duplicate_article_ids_are_warned(tmp_path):
    feed = tmp_path / "feed.jsonl"
    text = GOOD["good-2.txt"].split("\n\n", 1)[1]
    feed.write_text("\n".join(json.dumps({"id": "same", "lang": "fr", "text": t})
                              for t in (text, text.replace("Lyon", "Lille"))) + "\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", str(feed), "-o",
                           str(tmp_path / "o")], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    warned = [json.loads(ln) for ln in proc.stderr.splitlines() if ln.startswith("{")]
    assert any(e["event"] == "duplicate_article_id" and e["article_id"] == "same" for e in warned)


# --------------------------------------------------------------------------- F: output safety
def test_show_strips_terminal_control_characters(tmp_path):
    art = tmp_path / "evil.txt"
    art.write_text("Title: \x1b]0;pwned\x07Budget\nLang: fr\n\nLe maire, Paul Durand, a déclaré que "
                   "\x1b[2J\x1b[8mle budget\x1b[0m augmenterait de 12 % en 2025.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "show", str(art)], capture_output=True,
                          text=True, timeout=300, env={**os.environ, "NO_COLOR": "1"})
    assert proc.returncode == 0, proc.stderr
    assert "le budget" in proc.stdout
    assert not any(c in proc.stdout for c in "\x1b\x07\x9b"), repr(proc.stdout[:500])


def test_csv_neutralises_formulas_and_keeps_lists_as_json(fr, tmp_path):
    tables = pipeline.Extractor().run(texts=["=HYPERLINK(\"http://x\") " + GOOD["good-1.txt"]], lang="fr")
    out = tmp_path / "csv"
    table.write(tables, out, "csv")
    raw = pd.read_csv(out / "articles.csv", dtype=str)
    assert raw.loc[0, "text"].startswith("'=")
    st = pd.read_csv(out / "statements.csv", dtype=str)
    assert any(json.loads(q) for q in st["quantities"])  # lists as JSON text, not flattened
    back = table.read(out, "articles")
    assert back.loc[0, "text"] == tables.articles[0]["text"]  # `read` undoes the apostrophe


def test_folder_walk_does_not_follow_symlinks_outside_it(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("Le maire a dit que le code était 1234.", encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "inside.txt").write_text("Le maire a dit que tout va bien.", encoding="utf-8")
    (folder / "link.txt").symlink_to(outside)
    (folder / "inner-link.txt").symlink_to(folder / "inside.txt")
    names = [p.name for p in sources.discover([folder])]
    assert "link.txt" not in names and "inside.txt" in names
    assert "link.txt" in [p.name for p in sources.discover([folder], follow_symlinks=True)]


# --------------------------------------------------------------------------- B: encodings, special files
FRENCH = "Café fermé. Le maire a déclaré que l'école élémentaire rouvrirait après les congés d'été."
GERMAN = "Die Bürgermeisterin erklärte, dass die Straße für größere Fahrzeuge gesperrt würde."
SPANISH = "El alcalde señaló que la inversión en educación aumentará el año próximo, según fuentes."


@pytest.mark.parametrize("text", [FRENCH, GERMAN, SPANISH, "Café fermé.", "Straße gesperrt.",
                                  "El niño señaló."])
@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_latin_script_bytes_decode_as_western_european(text, codec):
    decoded, encoding = sources.decode(text.encode(codec))
    assert decoded == text, (encoding, decoded)


def test_utf16_without_bom_is_text():
    for codec in ("utf-16-le", "utf-16-be"):
        decoded, encoding = sources.decode(FRENCH.encode(codec))
        assert decoded == FRENCH and encoding.startswith("utf-16"), encoding


def test_special_files_named_directly_get_a_row(tmp_path):
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    os.mkfifo(tmp_path / "fifo.txt")
    arts = list(sources.read_paths([tmp_path / "dangling.txt", tmp_path / "loop.txt", tmp_path / "fifo.txt"]))
    assert len(arts) == 3 and all(a.error for a in arts), arts
    assert "symlink" in arts[0].error and "loop" in arts[1].error and "not a regular file" in arts[2].error


def test_a_file_named_twice_is_read_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Le maire a dit que tout va bien.", encoding="utf-8")
    assert len(list(sources.discover([folder, folder / "a.txt", str(folder) + "/"]))) == 1


def test_offsets_in_parquet_metadata_survive_pyarrow(tmp_path):
    tables = table.Tables()
    table.write(tables, tmp_path / "out")
    assert pq.read_table(tmp_path / "out" / "statements.parquet").schema.field("start").type == "int32"


def test_sql_readers_never_see_a_half_published_batch(tmp_path):
    import duckdb

    src = make_corpus(tmp_path / "in", 4)
    ds = tmp_path / "ds"
    assert cli("ingest", str(src), "--into", str(ds), "--settle", "0", "--batch-size", "2")[0] == 0
    make_corpus(src, 2, start=4)
    code, *_ = cli("ingest", str(src), "--into", str(ds), "--settle", "0", "--batch-size", "2",
                   env={ingest.CRASH_ENV: "published:1"})
    pending = manifest(ds, "SELECT batch_id FROM batches WHERE status='pending'")
    assert code == -signal.SIGKILL and ingest.published_files(ds, pending[0][0])
    query = (f"SELECT s.statement_id FROM read_parquet('{ds.as_posix()}/statements/*/*/*.parquet', "
             f"hive_partitioning = true) AS s SEMI JOIN read_parquet('{ds.as_posix()}/_live.parquet') "
             "AS live USING (input_sha256, batch_id)")
    committed = sorted(ingest.read(ds, "statements")["statement_id"])
    assert sorted(r[0] for r in duckdb.sql(query).fetchall()) == committed
    assert len({Path(p).name for p in ingest.read(ds, "articles")["input_path"]}) == 4


def test_installing_one_languages_model_makes_only_its_files_stale(tmp_path, capsys):
    src = make_corpus(tmp_path / "in", 4)  # English and French
    (src / "de.txt").write_text("Lang: de\n\nDer Bürgermeister sagte, dass die Schule im Mai öffnet.\n",
                                encoding="utf-8")
    ds = tmp_path / "ds"
    code, s, err = run(capsys, src, into=ds, settle=0)
    assert code == 0 and s["new"] == 5, err
    catalog = tmp_path / "catalog.toml"  # a German pipeline appears (any installed package will do)
    catalog.write_text('[languages.de]\npackage = "pytest"\n', encoding="utf-8")
    env = {"NEWSFACTS_CATALOG": str(catalog)}
    code, s, err, _ = cli("ingest", str(src), "--into", str(ds), "--dry-run", env=env)
    assert code == 0 and s["stale"] == 1, err  # before: every file of every language
    code, s, err, _ = cli("ingest", str(src), "--into", str(ds), "--dry-run", "--reprocess", "--lang", "de",
                          env=env)
    assert code == 0 and s["would_process"] == 1, err


# --------------------------------------------------------------------------- D: first-hour frictions
def _cli(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True,
                          timeout=300, env={**os.environ, "COLUMNS": "150", **kw})


def test_help_has_no_bool_metavars_and_format_ignores_case(tmp_path, corpus_dir):
    for args in ([], ["ingest"], ["extract"]):
        proc = _cli(*args, "--help")
        assert proc.returncode == 0 and "<bool>" not in proc.stdout, proc.stdout
    proc = _cli("extract", str(corpus_dir / "en" / "wire.jsonl"), "--format", "CSV", "--quiet", "-o",
                str(tmp_path / "o"))  # --quiet after the command: as if given before it
    assert proc.returncode == 0 and proc.stdout == "", proc.stderr
    assert (tmp_path / "o" / "statements.csv").exists()


def test_progress_total_counts_articles(tmp_path):
    from pipeline import cli as cli_mod

    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}\n', encoding="utf-8")
    (tmp_path / "one.txt").write_text("Le maire a parlé.", encoding="utf-8")
    files = list(sources.discover([tmp_path]))
    assert cli_mod._count_articles(files) == len(list(sources.read_paths(files))) == 4


# --------------------------------------------------------------------------- E: compaction
def _parquet_files(ds: Path) -> list[Path]:
    return [p for t in ingest.TABLES for p in (ds / t).rglob("*.parquet")]


def _snapshot(ds: Path) -> dict[str, list]:
    return {name: sorted(map(str, ingest.read(ds, name, latest=False)
                              .drop(columns=["ingested_at"]).astype(str).itertuples(index=False)))
            for name in ingest.TABLES}


def test_compact_is_exactly_once_and_survives_a_kill(tmp_path):
    src = tmp_path / "in"
    ds = tmp_path / "ds"
    for start in (0, 6):  # two runs of one-file batches, one day: many small files per partition
        make_corpus(src, 6, start=start)
        for f in src.iterdir():
            text = re.sub(r"Date: .*", "Date: 2025-01-10", f.read_text(encoding="utf-8"))
            f.write_text(text, encoding="utf-8")
        assert cli("ingest", str(src), "--into", str(ds), "--settle", "0", "--batch-size", "1")[0] == 0
    before, n_before = _snapshot(ds), len(_parquet_files(ds))
    code, *_ = cli("compact", str(ds), env={ingest.CRASH_ENV: "compact:1"})
    assert code == -signal.SIGKILL
    assert _snapshot(ds) == before  # the intent is committed, nothing swapped yet
    code, s, err, _ = cli("compact", str(ds))  # finishes the killed one, then finds nothing to do
    assert code == 0, err
    assert any(e["event"] == "compacted" for e in events(err))
    assert _snapshot(ds) == before and len(_parquet_files(ds)) < n_before
    assert len({p.parent for p in _parquet_files(ds)}) == len(_parquet_files(ds))  # one file per partition
    code, *_ = cli("ingest", str(src), "--into", str(ds), "--settle", "0", "--reprocess")
    assert code == 0
    latest = ingest.read(ds, "statements")
    assert len(latest) == len(set(latest["statement_id"])) == _status_rows(ds)


def test_cache_keeps_one_model_copy(tmp_path, monkeypatch):
    from pipeline import langid

    monkeypatch.setenv("NEWSFACTS_CACHE", str(tmp_path))
    stale = [tmp_path / "py3langid-1-1.npz", tmp_path / "py3langid-2-2.npz"]
    for f in stale:
        f.write_bytes(b"old copy")
    old_tmp = tmp_path / "abc.tmp"
    old_tmp.write_bytes(b"killed mid-copy")
    os.utime(old_tmp, (time.time() - 7200, time.time() - 7200))
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    ident = langid._from_cache(MODEL_DIR / MODEL_FILE, LanguageIdentifier)
    assert ident.classify("Le maire a déclaré que la ville investirait.")[0] == "fr"
    left = sorted(p.name for p in tmp_path.iterdir())
    assert len(left) == 1 and left[0].startswith("py3langid-") and left[0] not in {f.name for f in stale}


def test_report_reads_the_heavy_columns_only_for_its_pages(fr, tmp_path):
    from pipeline import report

    tables = pipeline.Extractor().run(texts=[GOOD["good-1.txt"], GOOD["good-2.txt"]])
    table.write(tables, tmp_path / "out")
    batch = report.load(tmp_path / "out", lean=True)
    assert "text" not in batch.articles and "sentence" not in batch.statements
    assert batch.articles["has_text"].all()
    path = report.write_report(tmp_path / "out", tmp_path / "r.html", max_pages=1)
    pages = list((tmp_path / "r_articles").glob("*.html"))
    assert len(pages) == 1 and "Paul Durand" in pages[0].read_text(encoding="utf-8") + path.read_text(
        encoding="utf-8")
