"""Fuzz: hostile inputs, each written beside two good articles; the good ones always come out.

Every case is a folder of three files run through the real pipeline (`pipeline.Extractor`, the
French models) and the three writers. Generated inputs: broken metadata types, broken encodings,
sizes over the limits, shapes that once were super-linear, control characters, random bytes.
The run of each case must end within a fixed bound (the per-article time budget is set low).
"""

from __future__ import annotations

import json
import os
import random
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from test_robustness import GOOD, good_ok, with_good

import pipeline
from pipeline import runner, table

BUDGET = 8  # seconds per article in these runs
BOUND = 4 * BUDGET + 30  # seconds per case: two budgets (batch, then alone), models already loaded
SAID = "Le ministre a déclaré que la réforme serait votée. "
rng = random.Random(15)


def _json(record) -> bytes:
    return json.dumps(record).encode()


def _jsonl(*records) -> bytes:
    return b"\n".join(r if isinstance(r, bytes) else json.dumps(r).encode() for r in records) + b"\n"


# name -> (file name, bytes)
CASES: dict[str, Callable[[], tuple[str | bytes, bytes]]] = {
    "title-number": lambda: ("x.json", _json({"title": 12, "text": SAID})),
    "title-object": lambda: ("x.json", _json({"title": {"a": [1]}, "text": SAID})),
    "url-list": lambda: ("x.json", _json({"url": ["a", "b"], "text": SAID})),
    "id-object": lambda: ("x.json", _json({"id": {"n": 1}, "text": SAID})),
    "id-bool": lambda: ("x.json", _json({"id": True, "text": SAID})),
    "date-object": lambda: ("x.json", _json({"date": {"y": 2025}, "text": SAID})),
    "date-impossible": lambda: ("x.json", _json({"date": "2025-13-45", "text": SAID})),
    "lang-number": lambda: ("x.json", _json({"lang": 7, "text": SAID})),
    "lang-bogus": lambda: ("x.json", _json({"lang": "xx", "text": SAID})),
    "text-number": lambda: ("x.json", _json({"text": 42})),
    "json-array": lambda: ("x.json", b"[1, 2, 3]"),
    "json-deep": lambda: ("x.json", b"[" * 100_000 + b"]" * 100_000),
    "json-invalid": lambda: ("x.json", b'{"text": "Le maire a dit'),
    "surrogate-text": lambda: ("x.json", b'{"text": "Le maire \\ud800 a dit que tout va bien."}'),
    "surrogate-title": lambda: ("x.json", b'{"title": "\\udfff", "text": "Le maire a dit que oui."}'),
    "nul-in-json": lambda: ("x.json", b'{"text": "Le maire\\u0000 a dit que oui."}'),
    "jsonl-mixed": lambda: ("x.jsonl", _jsonl({"text": SAID}, b"{broken", {"title": [1], "text": SAID},
                                              b'"just a string"', {"id": "x", "text": ""})),
    "filename-latin1": lambda: (b"caf\xe9-\xff.txt", SAID.encode()),
    "filename-newline": lambda: ("a\nb\x1b[31m.txt", SAID.encode()),
    "over-limit-word": lambda: ("x.txt", b"a" * 1_100_000),
    "over-limit-text": lambda: ("x.txt", (SAID * 21_000).encode()),
    "empty": lambda: ("x.txt", b""),
    "whitespace": lambda: ("x.txt", b" \n\t\n  "),
    "binary": lambda: ("x.txt", bytes(rng.randrange(256) for _ in range(5000))),
    "nul-bytes": lambda: ("x.txt", b"\x00\x01\x02binary\x00" * 100),
    "latin1-bytes": lambda: ("x.txt", "Café fermé. Le maire a déclaré que l'école rouvrirait."
                             .encode("latin-1")),
    "utf16-no-bom": lambda: ("x.txt", (SAID * 3).encode("utf-16-le")),
    "invalid-utf8": lambda: ("x.txt", SAID.encode() + b"\xc3\x28\xa0\xa1 " + SAID.encode()),
    "only-numbers": lambda: ("x.txt", " ".join(str(i) for i in range(3000)).encode()),
    "said-that-chain": lambda: ("x.txt", ("Le ministre a déclaré que " * 2000 + "rien.").encode()),
    "quote-marks": lambda: ("x.txt", ("« " * 3000 + "fin » " * 10).encode()),
    "ascii-quotes": lambda: ("x.txt", ('"' * 3000 + " a dit le maire.").encode()),
    "no-spaces": lambda: ("x.txt", ("abcdefghij" * 20_000).encode()),
    "parentheses": lambda: ("x.txt", ("(" * 5000 + "Le maire a dit que oui." + ")" * 5000).encode()),
    "terminal-escapes": lambda: ("x.txt", b"\x1b]0;pwned\x07\x1b[2JLe maire a dit que \x1b[8mtout\x1b[0m "
                                          b"va bien."),
    "bidi-override": lambda: ("x.txt", "Le maire a dit que \u202etout va bien\u202c.".encode()),
    "formula": lambda: ("x.txt", b"=HYPERLINK(\"http://x\",\"y\") Le maire a dit que oui."),
    "html-script-only": lambda: ("x.html", b"<html><script>alert(1)</script></html>"),
    "html-broken": lambda: ("x.html", b"<html><body><p>Le maire <b>a dit <i>que" * 200),
    "huge-number": lambda: ("x.txt", f"Le maire a dit que la dette atteint {'9' * 5000} euros.".encode()),
    "random-unicode": lambda: ("x.txt", "".join(chr(rng.randrange(0x20, 0x2FFFF)) for _ in range(3000))
                               .encode("utf-8", "replace")),
    "unsupported-type": lambda: ("x.exe", b"MZ\x90\x00"),
    "same-id-as-good": lambda: ("x.json", _json({"id": "good", "text": SAID})),
}


def test_enough_cases():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_input_beside_two_good_articles(fr, tmp_path, monkeypatch, case):
    monkeypatch.setenv(runner.BUDGET_ENV, str(BUDGET))
    folder = with_good(tmp_path / "in")
    name, data = CASES[case]()
    with open(os.path.join(os.fsencode(folder), os.fsencode(name)), "wb") as f:
        f.write(data)
    t0 = time.perf_counter()
    tables = pipeline.Extractor().run([folder])
    for fmt in table.FORMATS:
        table.write(tables, tmp_path / fmt, fmt)
    seconds = time.perf_counter() - t0
    good_ok(tables)
    paths = [a["source_path"] for a in tables.arrow("articles").to_pylist()]
    assert len(paths) >= len(GOOD) + 1, paths  # the hostile file has its row too
    assert seconds < BOUND, f"{case}: {seconds:.1f} s"
    back = table.read(tmp_path / "parquet", "articles")
    assert sorted(Path(p).name for p in back["source_path"] if Path(p).name in GOOD) == sorted(GOOD)
