"""The trained statement scorer: labels from the referee's matching, training on a slice of the
train files at test time, and the shipped artefact loading through the catalog."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import numpy as np
import pytest

from pipeline import catalog, models, train
from pipeline.components import statement_scorer as ss

LANG_DIR = Path(__file__).resolve().parents[1] / "pipeline" / "lang"


def _span(text: str, part: str) -> dict:
    start = text.index(part)
    return {"start": start, "end": start + len(part), "text": part}


def test_labels_follow_the_referee_matching():
    """A prediction with the gold content, source and cue is right; the same content with another
    source is not; a prediction with no gold counterpart is not; one gold matches one prediction."""
    text = "Anna Berg said the bridge will reopen in May. The weather was mild. Officials said it rained."
    gold = {"id": "t", "lang": "en", "text": text, "attributions": [{
        "source": _span(text, "Anna Berg"), "cue": _span(text, "said"),
        "content": _span(text, "the bridge will reopen in May"), "source_resolved": "Anna Berg"}]}
    right = {"source": _span(text, "Anna Berg"), "cue": _span(text, "said"),
             "content": _span(text, "the bridge will reopen in May"), "source_resolved": "Anna Berg"}
    wrong_source = {**right, "source": _span(text, "Officials"), "source_resolved": None}
    spurious = {"source": _span(text, "Officials"), "cue": _span(text, "said it"),
                "content": _span(text, "it rained"), "source_resolved": None}
    assert train.label_predictions(gold, [right, spurious]) == [1, 0]
    assert train.label_predictions(gold, [wrong_source]) == [0]
    assert sorted(train.label_predictions(gold, [right, dict(right)])) == [0, 1]


def test_the_reported_mood_is_a_feature_where_the_language_file_lists_it():
    """A German content in Konjunktiv I gets `mood_reported` (the forms come from de.toml), one in
    the indicative does not, and a language whose file lists no such forms never gets it."""
    nlp = models.load("de").nlp
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n == "newsfacts_statement_scorer"]):
        doc = nlp("Der Minister sagte, die Brücke sei gesperrt. "
                  "Die Ministerin sagte, die Brücke ist gesperrt.")
    feats = ss.statement_features(doc, doc._.statements, "de")
    moods = [{f for f in fs if f.startswith("mood_")} for fs in feats]
    assert moods == [{"mood_reported"}, set()], moods
    assert "de:rule=rules.cue_then_content&mood_reported" in feats[0]
    assert not any(f.startswith("mood_") for f in ss.statement_features(doc, doc._.statements, "en")[0])


def test_a_cue_lemma_is_a_feature_only_when_the_language_file_lists_it():
    """A verb the colon rule takes without the lexicon ("As one farmer put it: “…”") gives no
    lemma feature, so the model cannot learn a word of its training articles; a listed one does."""
    nlp = models.load("en").nlp
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n == "newsfacts_statement_scorer"]):
        doc = nlp("As one farmer put it: “The wolves are no longer at the fence. They are in the barn.” "
                  "The mayor said the bridge would reopen in June.")
    feats = ss.statement_features(doc, doc._.statements, "en")
    found = {st.cue_lemma: fs for st, fs in zip(doc._.statements, feats, strict=True)}
    assert "put" in found and "say" in found, list(found)
    assert not any(":lemma=" in f for f in found["put"])
    assert "en:lemma=say" in found["say"]


def test_threshold_ties_go_to_the_lowest():
    """On a flat F1 curve the threshold is the lowest within 0.1 point of the best, not the argmax
    of a difference of a statement or two (which jumped from one retrain to the next)."""
    # 20,000 gold; 12,000 right candidates at p=0.9, 100 wrong at 0.3, 1 right and 3 wrong at 0.5
    p = np.array([0.9] * 12000 + [0.3] * 100 + [0.5] * 4)
    y = np.array([1] * 12000 + [0] * 100 + [1, 0, 0, 0], dtype=float)
    f_keep, f_drop = train.f1_at(p, y, 20000, 0.31), train.f1_at(p, y, 20000, 0.51)
    assert f_drop > f_keep and f_drop - f_keep < train.TIE  # 0.51 is the argmax, by a hair
    t, f = train.best_threshold(p, y, 20000)
    assert t == 0.31 and f == pytest.approx(f_keep)  # the 100 wrong at 0.3 are a real difference
    # with 300 more right candidates at 0.3, keeping everything is best
    p2, y2 = np.concatenate([p, [0.3] * 300]), np.concatenate([y, [1.0] * 300])
    assert train.best_threshold(p2, y2, 20000)[0] == 0.0


def test_model_round_trips_through_json(tmp_path):
    model = ss.ScorerModel(weights={"rule=clause": 1.5, "en:cue=none": -2.0}, bias=-0.2, threshold=0.3,
                           thresholds={"en": 0.25})
    model.save(tmp_path / "m.json")
    again = ss.ScorerModel.from_json(json.loads((tmp_path / "m.json").read_text()))
    assert again.probability(["rule=clause"]) == pytest.approx(1 / (1 + np.exp(-1.3)))
    assert again.threshold_for("en") == 0.25 and again.threshold_for("fr") == 0.3
    bad = {**model.to_json(), "feature_version": ss.FEATURE_VERSION + 1}
    with pytest.raises(ValueError, match="retrain"):
        ss.ScorerModel.from_json(bad)


def test_a_stale_or_missing_model_turns_the_scorer_off(tmp_path, en):
    """Extraction never fails for the scorer: a model of other features, or none, warns and the
    rules' statements pass through unchanged."""
    stale = tmp_path / "stale.json"
    stale.write_text(json.dumps({**ss.ScorerModel(weights={"bias": 1.0}).to_json(),
                                 "feature_version": ss.FEATURE_VERSION - 1}))
    doc = en.nlp("The minister said on Monday that the new bridge would open in June.")
    before = [(s.start, s.end, s.confidence) for s in doc._.statements]
    for path in (stale, tmp_path / "missing.json"):
        with pytest.warns(UserWarning, match="not used"):
            scorer = ss.StatementScorer("en", str(path))
        assert scorer.model is None
        assert [(s.start, s.end, s.confidence) for s in scorer(doc)._.statements] == before


@pytest.mark.eval
def test_train_on_a_slice_loads_and_scores(eval_dir, tmp_path, monkeypatch, en):
    """Train through the CLI on a few articles of both train files, then load the model into a
    pipeline and score a written article: probabilities in (0, 1), and on its own training
    candidates the model ranks the right ones above the wrong ones."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    monkeypatch.chdir(tmp_path)  # the candidate cache (.cache/train) goes under tmp_path
    files = [str(eval_dir / "attribution" / "polnear_en" / "train.jsonl"),
             str(eval_dir / "attribution" / "de_wikinews" / "train.jsonl")]
    result = CliRunner().invoke(app, ["train", "--task", "attribution", *files, "--limit", "12",
                                      "-o", str(tmp_path / "model")])
    assert result.exit_code == 0, result.output
    path = tmp_path / "model" / "statement_scorer.json"
    model = ss.load_model(str(path))
    assert model.meta["trained_on"] == ["polnear_en/train.jsonl", "de_wikinews/train.jsonl"]
    assert {"en", "de"} <= set(model.thresholds)
    # languages without training data take the threshold found by holding each language out
    assert model.threshold == model.meta["cross_validated_attr_full_f1"]["unseen_language_threshold"]

    docs = [d for f in files for d in train.cached_candidates(f, limit=12)]
    probs = np.array([model.probability(f) for d in docs for f in d["feats"]])
    labels = np.array([lab for d in docs for lab in d["labels"]])
    assert ((probs > 0) & (probs < 1)).all()
    assert probs[labels == 1].mean() > probs[labels == 0].mean() + 0.05

    scorer = ss.StatementScorer("en", str(path), threshold=0.0)
    text = ("The mayor, Jane Porter, said on Monday that the new bridge would open in June. "
            "\"We are proud of it,\" she told reporters.")
    doc = en.nlp(text)
    before = [s for s in doc._.statements if s.kind != "claim"]
    assert before
    doc = scorer(doc)
    after = [s for s in doc._.statements if s.kind != "claim"]
    assert len(after) == len(before)  # threshold 0 keeps all, with the model's probabilities
    assert all(0 < s.confidence < 1 for s in after)


def test_shipped_scorer_loads_through_the_catalog():
    """Every catalog row that names a statement scorer points at a model this code can read, and
    the language's pipeline runs it after the speakers."""
    rows = {code: row for code, row in catalog.languages().items() if row.get("statement_scorer")}
    assert rows, "no language in models/catalog.toml selects the statement scorer"
    for row in rows.values():
        path = ss.resolve_path(row["statement_scorer"])
        assert path.is_file() and path.stat().st_size < 5_000_000
        model = ss.load_model(str(row["statement_scorer"]))
        assert model.weights and 0 <= model.threshold < 1
        assert model.meta.get("trained_on")
    code = "en" if "en" in rows else next(iter(rows))
    nlp = models.load(code).nlp
    names = nlp.pipe_names
    assert names.index("newsfacts_statement_scorer") > names.index("newsfacts_speakers")
    assert nlp.get_pipe("newsfacts_statement_scorer").model is not None


def _lexicon_words(code: str) -> set[str]:
    """Every word and phrase of a language file (and base.toml), lower-cased."""
    found: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            for phrase in value.lower().split("|"):
                found.add(phrase.strip())
                found.update(phrase.split())

    for name in ("base", code):
        walk(tomllib.loads((LANG_DIR / f"{name}.toml").read_text(encoding="utf-8")))
    return found


def test_shipped_scorer_holds_no_article_text():
    """The shipped model is trained on annotated articles but keeps none of them: its only words
    are the cue words and markers of the language files (`<lang>:lemma=…`), or a punctuation cue."""
    model = ss.load_model(str(catalog.languages()["en"]["statement_scorer"]))
    lexical = [name.split(":lemma=", 1) for name in model.weights if ":lemma=" in name]
    assert lexical
    lexicons = {code: _lexicon_words(code) for code, _ in lexical}
    strays = [f"{code}:{word}" for code, word in lexical
              if word not in lexicons[code] and any(ch.isalnum() for ch in word)]
    assert not strays, strays
