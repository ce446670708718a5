"""tests/baseline.py: floors are read, compared and refreshed the way the tests rely on."""

from __future__ import annotations

import json

import baseline


def test_lookup_follows_row_and_metric():
    result = {"en|ALL": {"det_recall": 93.5}, "attr.full": {"F1": 49.0}, "F1": 1.0}
    assert baseline.lookup(result, "en|ALL.det_recall") == 93.5
    assert baseline.lookup(result, "attr.full.F1") == 49.0
    assert baseline.lookup(result, "F1") == 1.0
    assert baseline.lookup(result, "fr|ALL.det_recall") is None


def test_check_names_each_floor_missed(monkeypatch, tmp_path):
    path = tmp_path / "baseline.toml"
    path.write_text('[ner.x]\nmeasured = {}\nfloor = { "ALL.F1" = 60.0, "ORG.F1" = 50.0 }\n',
                    encoding="utf-8")
    monkeypatch.setattr(baseline, "PATH", path)
    assert baseline.check("ner", "x", {"ALL": {"F1": 61.0}, "ORG": {"F1": 55.0}}) == []
    assert baseline.check("ner", "x", {"ALL": {"F1": 59.0}}) == [
        "ner.x ALL.F1: 59.0 < floor 60.0", "ner.x ORG.F1: None < floor 50.0"]


def test_recorded_figures_refresh_the_measured_row(monkeypatch, tmp_path):
    path = tmp_path / "baseline.toml"
    path.write_text('[ner.x]\n# a comment\nmeasured = {}\nfloor = { "ALL.F1" = 60.0 }\n', encoding="utf-8")
    figures = tmp_path / "figures.jsonl"
    monkeypatch.setattr(baseline, "PATH", path)
    monkeypatch.setenv(baseline.OUT_ENV, str(figures))
    baseline.check("ner", "x", {"ALL": {"F1": 62.346}})
    assert json.loads(figures.read_text())["figures"] == {"ALL.F1": 62.346}
    assert baseline.update(figures) == 1
    assert baseline.measured("ner", "x") == {"ALL.F1": 62.35}
    assert baseline.floor("ner", "x") == {"ALL.F1": 60.0}
