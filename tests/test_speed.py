"""The speed-ups must not change results: each fast path is compared with the slow one it replaces.

Speed itself is measured by `make bench` (ratios in one run), not here.
"""

from __future__ import annotations

import json
import re

import pytest

from pipeline import langid, models, runner, sources
from pipeline.components.dates import _Trie


def _texts(path, n: int) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f][:n]


@pytest.mark.parametrize("lang, corpus", [("fr", "corpus/wikinews_fr_winer.jsonl"),
                                          ("en", "attribution/polnear_en/dev.jsonl")])
def test_lemma_index_sets_give_the_stock_lemmas(lang, corpus, eval_dir, request):
    import spacy

    loaded = request.getfixturevalue(lang)
    if loaded.tier != "trained":
        pytest.skip(f"no trained {lang} pipeline installed")
    ours = loaded.nlp
    index = ours.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for words in index.values())
    stock = spacy.load(loaded.model.split("==")[0])
    # the same tokens on both sides (title abbreviations are one token in ours): lemmas compared alone
    models.add_title_abbreviations(stock, lang)
    assert any(isinstance(words, list) for words in stock.get_pipe("lemmatizer").lookups
               .get_table("lemma_index").values())
    texts = _texts(eval_dir / corpus, 40)
    model_only = [n for n in ours.pipe_names if n.startswith("newsfacts_")]
    with ours.select_pipes(disable=model_only):
        fast = [[t.lemma_ for t in doc] for doc in ours.pipe(texts)]
    slow = [[t.lemma_ for t in doc] for doc in stock.pipe(texts)]
    assert sum(map(len, slow)) > 5000
    assert fast == slow


def test_trie_matches_what_the_flat_alternation_matches():
    words = ["mar", "mars", "mardi", "mardi gras", "janv", "janvier", "juin", "juil", "août", "le 1er",
             "in", "int", "into"]
    dotted = {"janv", "juil"}
    trie = _Trie()
    for w in words:
        trie.add(w, optional_dot=w in dotted)
    flat = "|".join(re.escape(w).replace(r"\ ", r"\s*") + (r"\.?" if w in dotted else "")
                    for w in sorted(words, key=len, reverse=True))
    text = ("Mardi gras, le 1er  mars, mardi 3 janv. et janvier, juil.; marsupial into int in "
            "MARS mardigras juin-août mar.")
    for boundary in (r"(?<!\w)({})(?![^\W\d_])", "({})"):
        a = [m.span() for m in re.finditer(boundary.format(flat), text, re.I)]
        b = [m.span() for m in re.finditer(boundary.format(trie.pattern()), text, re.I)]
        assert a == b and len(a) > 10


def test_cached_language_model_gives_the_packaged_probabilities(tmp_path, monkeypatch):
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    monkeypatch.setenv("NEWSFACTS_CACHE", str(tmp_path))
    cached = langid._from_cache(MODEL_DIR / MODEL_FILE, LanguageIdentifier)
    assert list(tmp_path.glob("py3langid-*.npz"))
    packaged = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    for text in ("Le gouvernement a annoncé hier une réforme des retraites.",
                 "The minister said the talks had failed.", "Die Regierung hat gestern gesagt, dass"):
        assert cached.classify(text) == packaged.classify(text)
    again = langid._from_cache(MODEL_DIR / MODEL_FILE, LanguageIdentifier)  # from the file made above
    assert again.classify("Buenos días a todos") == packaged.classify("Buenos días a todos")


def test_stop_word_shortcut_keeps_a_quote_in_another_language(fr):
    text = ("Le ministre de l'Économie a présenté mardi son projet de budget devant les députés, "
            "qui doivent le voter avant la fin du mois de décembre.\n\n"
            "\"We are very concerned about the consequences of this decision for our workers,\" "
            "the company said in a statement released on Tuesday evening.\n\n"
            "Les syndicats ont appelé à une grève nationale la semaine prochaine dans toutes les "
            "grandes villes du pays.")
    article = sources.make_article(text, path="t")
    stop = fr.nlp.Defaults.stop_words
    fast = runner.other_languages(article, "fr", 0.99, stop)
    slow = runner.other_languages(article, "fr", 0.99)
    assert fast == slow
    assert [o["language"] for o in fast] == ["en"]
    assert text[fast[0]["start"]:fast[0]["end"]].startswith('"We are')


def test_frozen_batches_make_the_same_tables(fr):
    """`extract` keeps reported batches as Arrow (`Tables.freeze`): the tables must not change."""
    texts = ["Le ministre a déclaré mardi que 3 000 emplois seraient créés en 2026.",
             "« Nous ne céderons pas », a affirmé la présidente de la région, selon l'AFP.",
             "Selon l'entreprise, les ventes ont augmenté de 12 % l'an dernier."]
    articles = [sources.make_article(t, path=f"t{i}", lang="fr") for i, t in enumerate(texts)]
    plain = runner.run_articles(articles, batch_size=2)
    frozen = runner.run_articles(articles, batch_size=2, freeze=True)
    assert frozen.frozen and not frozen.statements
    for name in ("statements", "articles", "entities"):
        assert frozen.count(name) == plain.count(name) == len(getattr(plain, name))
        assert frozen.arrow(name).to_pylist() == plain.arrow(name).to_pylist()
    assert plain.count("statements") >= 3


def test_batches_ramp_up_from_one_article():
    sizes = [len(c) for c in runner._chunks(range(100), 32)]
    assert sizes == [1, 2, 4, 8, 16, 32, 32, 5]
