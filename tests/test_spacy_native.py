"""newsfacts as spaCy components: entry points, honest requires/assigns, statements as span groups."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import DocBin

from pipeline import components, models  # noqa: F401  (registers the factories)
from pipeline.components.span_groups import GROUPS

ROOT = Path(__file__).resolve().parents[1]
TEXT = ("« Nous ne fermerons pas le site », a déclaré Marie Lefèvre, la directrice de l'usine, "
        "le 14 mars 2023 à 9h30. Selon la CGT, 250 emplois restent menacés en 2024. "
        "Le ministre a affirmé que l'État investirait 12 millions d'euros.")


def declared_entry_points() -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return data["project"]["entry-points"]["spacy_factories"]


def newsfacts_factories() -> set[str]:
    return {name for name in Language.factories if name.startswith("newsfacts_")}


def test_every_factory_has_an_entry_point_that_resolves_to_it():
    points = declared_entry_points()
    assert set(points) == newsfacts_factories()
    for name, target in points.items():
        module, _, attr = target.partition(":")
        loaded = getattr(importlib.import_module(module), attr)
        meta = Language.get_factory_meta(name)
        assert meta.factory == name and callable(loaded)
        assert meta.assigns, f"{name} declares nothing it assigns"


@pytest.mark.parametrize("lang", ["fr", "de"])  # the trained tier and the rules tier
def test_analyze_pipes_finds_no_missing_requirement(lang):
    nlp = models.load(lang).nlp
    analysis = nlp.analyze_pipes(pretty=False)
    assert not any(analysis["problems"].values()), analysis["problems"]
    assert analysis["summary"]["newsfacts_attribution"]["assigns"] == ["doc._.statements"]


def test_analyze_pipes_reports_a_missing_requirement():
    nlp = spacy.blank("fr")
    nlp.add_pipe("newsfacts_speakers")  # needs statements and entities, which nothing assigns here
    problems = nlp.analyze_pipes(pretty=False)["problems"]["newsfacts_speakers"]
    assert "doc._.statements" in problems and "doc.ents" in problems


def test_span_groups_mirror_the_statements(fr):
    doc = fr.nlp(TEXT)
    statements = doc._.statements
    assert len(statements) >= 2
    groups = {name: list(doc.spans[name]) for name in GROUPS}
    assert len(groups["newsfacts_contents"]) == len(statements)
    for span in groups["newsfacts_contents"]:
        st = statements[int(span.id_)]
        assert span.start_char <= st.start and st.end <= span.end_char and span.label_ == st.kind
    for span in groups["newsfacts_speakers"]:
        st = statements[int(span.id_)]
        assert span.text.startswith(st.source_text(doc)[:1])
        assert span.label_ == (st.speaker_label or "UNKNOWN")
    for span in groups["newsfacts_cues"]:
        assert span.start_char <= statements[int(span.id_)].cue_start < span.end_char
    for outer in groups["newsfacts_statements"]:
        st = statements[int(outer.id_)]
        assert outer.start_char <= min(x for x in (st.start, st.cue_start, st.source_start) if x is not None)


def test_span_groups_survive_docbin_and_displacy(fr):
    doc = fr.nlp(TEXT)
    data = DocBin(docs=[doc]).to_bytes()
    back = next(DocBin().from_bytes(data).get_docs(fr.nlp.vocab))
    for name in GROUPS:
        assert [(s.start, s.end, s.label_, s.id_) for s in back.spans[name]] == \
               [(s.start, s.end, s.label_, s.id_) for s in doc.spans[name]]
    html = spacy.displacy.render(doc, style="span", options={"spans_key": "newsfacts_contents"})
    assert "direct" in html


def test_date_numbers_is_its_own_step(fr):
    """Quantities alone read a clock time or a numeric date as numbers; the named step drops them."""
    nlp = fr.nlp
    text = "Réunion le 12/03/2021 à 14h30 avec 40 salariés."
    with nlp.select_pipes(disable=["newsfacts_date_numbers"]):
        raw_doc = nlp(text)
    doc = nlp(text)
    raw, cooked = [q.text for q in raw_doc.spans["quantities"]], [q.text for q in doc.spans["quantities"]]
    assert "14h30" in raw and "12/03/2021" in raw, raw
    assert cooked == ["40"]


def _installed_entry_points() -> set[str]:
    try:
        dist = metadata.distribution("newsfacts")
    except metadata.PackageNotFoundError:
        return set()
    return {ep.name for ep in dist.entry_points if ep.group == "spacy_factories"}


def _env() -> dict[str, str]:
    """A clean environment that still imports the code under test (PYTHONPATH, when set)."""
    keep = {k: os.environ[k] for k in ("PATH", "PYTHONPATH", "HOME") if k in os.environ}
    return {**keep, "PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT))}


def test_add_pipe_in_a_fresh_interpreter():
    """An installed newsfacts needs no import: spaCy finds the factory through the entry point."""
    missing = set(declared_entry_points()) - _installed_entry_points()
    if missing:
        pytest.skip(f"the installed newsfacts predates its spacy_factories entry points ({sorted(missing)}): "
                    "reinstall with `pip install -e .` (tests/test_wheel.py checks a fresh install)")
    code = ("import json, sys, spacy\n"
            "nlp = spacy.blank('fr')\n"
            "nlp.add_pipe('sentencizer')\n"
            "for name in sys.argv[2:]:\n"
            "    nlp.add_pipe(name)\n"
            "doc = nlp(sys.argv[1])\n"
            "found = len(doc.spans['newsfacts_statements'])\n"
            "print(json.dumps({'pipes': nlp.pipe_names, 'statements': found}))\n")
    names = ["newsfacts_entities", "newsfacts_quantities", "newsfacts_dates", "newsfacts_date_numbers",
             "newsfacts_attribution", "newsfacts_speakers", "newsfacts_span_groups"]
    out = subprocess.run([sys.executable, "-c", code, TEXT, *names], capture_output=True, text=True,
                         timeout=300, cwd="/", env=_env())
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert "newsfacts_attribution" in result["pipes"] and result["statements"] >= 1
