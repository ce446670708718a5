"""Shared fixtures. Models are loaded once per session (pipeline.models.load is cached)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("NEWSFACTS_EVAL", ROOT.parent / "shared" / "eval")).resolve()
REFEREE = EVAL.parent / "tools" / "referee.py"


EVAL_FIXTURES = {"eval_dir", "referee"}


def pytest_collection_modifyitems(items) -> None:
    """Every test that reads ../shared/eval (through `eval_dir` or `referee`, directly or through
    another fixture) carries the `eval` marker, so `-m "not eval"` runs without the shared data."""
    for item in items:
        if EVAL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.eval)


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    if not EVAL.is_dir():
        pytest.skip(f"shared evaluation data not found at {EVAL} (set NEWSFACTS_EVAL to its folder)")
    return EVAL


@pytest.fixture(scope="session")
def referee() -> Path:
    if not REFEREE.is_file():
        pytest.skip(f"reference scorer not found at {REFEREE}")
    return REFEREE


@pytest.fixture(scope="session")
def fr():
    from pipeline import models

    return models.load("fr")


@pytest.fixture(scope="session")
def en():
    from pipeline import models

    return models.load("en")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return ROOT / "corpus"


@pytest.fixture(scope="session")
def review_batch(tmp_path_factory, corpus_dir):
    """The seed article, a hostile article and an unreadable file, extracted once per session."""
    import json

    from htmlpage import HOSTILE_TEXT, HOSTILE_TITLE, SEED_NAME

    import pipeline

    folder = tmp_path_factory.mktemp("review-inputs")
    hostile = folder / "hostile.jsonl"
    record = {"id": "hostile-1", "lang": "fr", "date": "2024-03-01", "title": HOSTILE_TITLE,
              "url": "javascript:alert(1)", "text": HOSTILE_TEXT}
    hostile.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    bad = folder / "bad<&>.txt"
    bad.write_bytes(b"\x00\x01binary\x00")
    seed = corpus_dir / "fr" / f"{SEED_NAME}.txt"
    return pipeline.Extractor().run([seed, hostile, bad])

