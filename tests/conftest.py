"""Shared fixtures. Models are loaded once per session (pipeline.models.load is cached)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("NEWSFACTS_EVAL", ROOT.parent / "shared" / "eval")).resolve()
REFEREE = EVAL.parent / "tools" / "referee.py"


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
