"""The transformers NER backend on a tiny random BERT built here (no weights can be downloaded).

A random model's labels are random, so alignment is checked through invariants (spans equal
doc.text slices on spaCy token boundaries, cover what they should, stay in bounds) and, for the
label mapping and decoding, by setting the classifier by hand so that a known class wins.
Skipped when the optional extra (torch, transformers, tokenizers) is not installed.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy

import pipeline.components  # noqa: F401  (registers the factory; imports neither torch nor transformers)

LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC", "B-DATE", "I-DATE"]
FACTORY = "newsfacts_transformers_ner"
FR = ("Le président sud-coréen Lee Jae-myung a estimé vendredi que le géant du commerce en ligne Coupang "
      "devait rendre des comptes. L’entreprise n’a pas précisé le montant qu'elle versera aux clients "
      "d'Incheon, de Séoul et de Daegu, a déclaré Mme Park à l’AFP.")


def _extra():
    for name in ("torch", "transformers", "tokenizers"):
        pytest.importorskip(name, reason=f"{name} is not installed: pip install -e '.[transformers]'")
    import torch

    torch.set_num_threads(1)  # a 32-wide model: thread hand-offs cost 10x the maths on a busy machine


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    """A 2-layer BERT token classifier with a WordPiece vocabulary trained on a few French sentences."""
    _extra()
    import torch
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors, trainers
    from transformers import BertConfig, BertForTokenClassification, PreTrainedTokenizerFast

    folder = tmp_path_factory.mktemp("tiny-bert-ner")
    corpus = [FR, "The company said on Friday that it would compensate every customer in Seoul."] * 3
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=False)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tok.train_from_iterator(corpus, trainers.WordPieceTrainer(vocab_size=200, special_tokens=specials))
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B [SEP]",
        special_tokens=[("[CLS]", tok.token_to_id("[CLS]")), ("[SEP]", tok.token_to_id("[SEP]"))])
    hf_tok = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]",
                                     cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]",
                                     model_max_length=128)
    torch.manual_seed(0)
    config = BertConfig(vocab_size=tok.get_vocab_size(), hidden_size=32, num_hidden_layers=2,
                        num_attention_heads=2, intermediate_size=64, max_position_embeddings=128,
                        id2label=dict(enumerate(LABELS)), label2id={lab: i for i, lab in enumerate(LABELS)})
    model = BertForTokenClassification(config)
    with torch.no_grad():  # decisive but context-dependent predictions: no near-ties between classes
        model.classifier.weight.mul_(200.0)
    hf_tok.save_pretrained(folder)
    model.save_pretrained(folder)
    # transformers 5 writes "TokenizersBackend", which 4.x cannot load; this class both can
    cfg_path = folder / "tokenizer_config.json"
    cfg = json.loads(cfg_path.read_text())
    cfg["tokenizer_class"] = "PreTrainedTokenizerFast"
    cfg.pop("backend", None)
    cfg_path.write_text(json.dumps(cfg))
    return folder


@pytest.fixture(scope="module")
def tiny_xlmr(tmp_path_factory):
    """An XLM-R-style model: Unigram pieces after a Metaspace pre-tokenizer, whose offsets include
    the space before a word ("▁pré" = " pré") and which emits bare "▁" tokens: the shape of the
    suggested xlm-roberta and camembert models."""
    _extra()
    import torch
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast, XLMRobertaConfig, XLMRobertaForTokenClassification

    folder = tmp_path_factory.mktemp("tiny-xlmr-ner")
    tok = Tokenizer(models.Unigram())
    tok.normalizer = normalizers.NFKC()
    tok.pre_tokenizer = pre_tokenizers.Metaspace()
    tok.decoder = decoders.Metaspace()
    specials = ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]
    trainer = trainers.UnigramTrainer(vocab_size=150, special_tokens=specials, unk_token="<unk>")
    tok.train_from_iterator([FR, "The company said « oui » on Friday."] * 3, trainer)
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", tok.token_to_id("<s>")), ("</s>", tok.token_to_id("</s>"))])
    hf_tok = PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="<s>", eos_token="</s>",
                                     unk_token="<unk>", pad_token="<pad>", cls_token="<s>", sep_token="</s>",
                                     mask_token="<mask>", model_max_length=64)
    torch.manual_seed(0)
    config = XLMRobertaConfig(vocab_size=tok.get_vocab_size(), hidden_size=32, num_hidden_layers=1,
                              num_attention_heads=2, intermediate_size=64, max_position_embeddings=66,
                              pad_token_id=tok.token_to_id("<pad>"), id2label=dict(enumerate(LABELS)),
                              label2id={lab: i for i, lab in enumerate(LABELS)})
    model = XLMRobertaForTokenClassification(config)
    with torch.no_grad():
        model.classifier.weight.mul_(200.0)
    hf_tok.save_pretrained(folder)
    model.save_pretrained(folder)
    cfg_path = folder / "tokenizer_config.json"
    cfg = json.loads(cfg_path.read_text())
    cfg["tokenizer_class"] = "PreTrainedTokenizerFast"
    cfg.pop("backend", None)
    cfg_path.write_text(json.dumps(cfg))
    return folder


def make_nlp(folder, **config):
    nlp = spacy.blank("fr")
    nlp.add_pipe(FACTORY, config={"model": str(folder), **config})
    return nlp


def force(nlp, label: str) -> None:
    """Make `label` win on every token, whatever the context (classifier weights 0, bias one-hot)."""
    import torch

    model = nlp.get_pipe(FACTORY).model
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.zero_()
        model.classifier.bias[model.config.label2id[label]] = 10.0


def ents(doc) -> list[tuple[int, int, str]]:
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def check_alignment(doc) -> None:
    text = doc.text
    last_end = 0
    for ent in doc.ents:
        assert 0 <= ent.start_char < ent.end_char <= len(text)
        assert ent.text == text[ent.start_char:ent.end_char]
        assert ent.start_char == doc[ent.start].idx  # on spaCy token boundaries
        assert ent.end_char == doc[ent.end - 1].idx + len(doc[ent.end - 1].text)
        assert ent.text == ent.text.strip()
        assert ent.start_char >= last_end  # sorted, no overlap
        last_end = ent.end_char
        assert ent.label_ in {"PER", "ORG", "LOC", "MISC"}


# ---------------------------------------------------------------------------------------------
def test_default_path_does_not_import_torch_or_transformers():
    """Importing the package and registering the factory must not load the extra. (spaCy's thinc
    itself imports torch when it is installed, so torch is judged against a bare `import spacy`.)"""
    code = ("import sys, spacy\n"
            "before = set(sys.modules)\n"
            "import pipeline, pipeline.models, pipeline.components.transformers_ner\n"
            "bad = [m for m in ('torch', 'transformers', 'tokenizers') if m in set(sys.modules) - before]\n"
            "print(bad); sys.exit(1 if bad else 0)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_without_the_extra_the_error_says_how_to_install():
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError:
        nlp = spacy.blank("fr")
        with pytest.raises(ImportError, match=r"pip install -e '\.\[transformers\]'"):
            nlp.add_pipe(FACTORY, config={"model": "Davlan/xlm-roberta-base-ner-hrl"})
    else:
        pytest.skip("the transformers extra is installed")


def test_loads_a_local_folder_on_cpu(tiny_model):
    nlp = make_nlp(tiny_model)
    ner = nlp.get_pipe(FACTORY)
    assert ner.model.device.type == "cpu"
    assert (ner.prefix, ner.suffix) == ([ner.tokenizer.cls_token_id], [ner.tokenizer.sep_token_id])
    assert ner.window <= 128 - 2
    assert {lab for _, lab in ner.labels} == {None, "PER", "ORG", "LOC", "MISC"}  # DATE dropped
    doc = nlp(FR)
    check_alignment(doc)
    assert doc.spans["transformers_ner"].attrs["model"] == str(tiny_model)


@pytest.mark.parametrize("fixture", ["tiny_model", "tiny_xlmr"])
def test_every_word_tagged_b_gives_spans_on_spacy_tokens_covering_the_text(fixture, request):
    """With B-PER forced, each spaCy token that starts a model piece is an entity: accents and
    both apostrophes ("L’" + "entreprise", "qu'" + "elle") stay on spaCy's token boundaries,
    punctuation glued to a word in SentencePiece ("Séoul,") is not glued to the name, and every
    non-space character is covered."""
    nlp = make_nlp(request.getfixturevalue(fixture))
    force(nlp, "B-PER")
    doc = nlp(FR)
    check_alignment(doc)
    covered = {i for e in doc.ents for i in range(e.start_char, e.end_char)}
    assert covered == {i for i, c in enumerate(FR) if not c.isspace()}
    texts = [e.text for e in doc.ents]
    for expected in ("président", "sud-coréen", "précisé", "Incheon", "Séoul", "Daegu", "Mme", "Park", ","):
        assert expected in texts
    if fixture == "tiny_model":  # WordPiece splits at punctuation, like spaCy's French tokenizer
        assert texts == [t.text for t in doc if not t.is_space]
    assert all(label == "PER" for _, _, label in ents(doc))


def test_inside_tags_chain_into_one_span_and_label_map_applies(tiny_model):
    nlp = make_nlp(tiny_model)
    force(nlp, "I-ORG")
    doc = nlp("  " + FR + "\n")
    assert ents(doc) == [(2, 2 + len(FR), "ORG")]  # leading/trailing spaces trimmed
    check_alignment(doc)

    force(nlp, "B-DATE")  # not an entity class for newsfacts: dropped
    assert ents(nlp(FR)) == []
    mapped = make_nlp(tiny_model, label_map={"DATE": "MISC", "PER": "ORG"})
    force(mapped, "B-DATE")
    assert {lab for _, _, lab in ents(mapped(FR))} == {"MISC"}
    force(mapped, "B-PER")
    assert {lab for _, _, lab in ents(mapped(FR))} == {"ORG"}


def test_overwrite_false_keeps_existing_entities(tiny_model):
    nlp = spacy.blank("fr")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "ORG", "pattern": "Coupang"}])
    nlp.add_pipe(FACTORY, config={"model": str(tiny_model), "overwrite": False})
    force(nlp, "B-LOC")
    doc = nlp(FR)
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Coupang"] == "ORG" and labels["Séoul"] == "LOC"
    check_alignment(doc)


def test_long_document_uses_overlapping_windows_and_merges_deterministically(tiny_model):
    nlp = make_nlp(tiny_model, window=24, stride=8, batch_size=3)
    ner = nlp.get_pipe(FACTORY)
    text = "\n\n".join([FR] * 6)
    enc = ner.tokenizer(text, add_special_tokens=False)
    n = len(enc["input_ids"])
    windows = ner._windows(n, enc.word_ids())
    assert len(windows) > 10
    assert windows[0][0] == 0 and windows[-1][1] == n
    for (s1, e1), (s2, e2) in zip(windows, windows[1:], strict=False):
        assert s1 < s2 < e1 <= e2  # every token covered, neighbours overlap
        assert e1 - s1 <= 24
    doc = nlp(text)
    check_alignment(doc)
    assert doc.ents, "the sharpened random classifier predicts some entities"
    assert ents(nlp(text)) == ents(doc)
    # a context-free classifier must give the same spans whatever the windowing
    force(nlp, "B-PER")
    whole = make_nlp(tiny_model, window=4096)
    force(whole, "B-PER")
    assert ents(nlp(text)) == ents(whole(text))
    # every repetition of the paragraph is covered the same way, across window cuts
    per_para = [[(s - i * (len(FR) + 2), e - i * (len(FR) + 2)) for s, e, _ in ents(nlp(text))
                 if i * (len(FR) + 2) <= s < (i + 1) * (len(FR) + 2)] for i in range(6)]
    assert all(p == per_para[0] for p in per_para)


@pytest.mark.parametrize("fixture", ["tiny_model", "tiny_xlmr"])
def test_pipe_batches_across_documents_like_one_by_one(fixture, request):
    texts = [FR, "Mme Park a parlé à Séoul.", "", "   ", "\n\n".join([FR] * 3), FR[:40]]
    nlp = make_nlp(request.getfixturevalue(fixture), window=32, stride=8, batch_size=4)
    one_by_one = [ents(nlp(t)) for t in texts]
    batched = [ents(d) for d in nlp.pipe(texts, batch_size=3)]
    assert batched == one_by_one
    assert one_by_one[2] == one_by_one[3] == []
    assert any(one_by_one)


def test_device_option(tiny_model):
    import torch

    if not torch.cuda.is_available():
        nlp = make_nlp(tiny_model, device="cpu")
        assert nlp.get_pipe(FACTORY).model.device.type == "cpu"
        pytest.skip("no CUDA device here; cuda:0 not exercised")
    nlp = make_nlp(tiny_model, device="cuda:0")
    assert nlp.get_pipe(FACTORY).model.device.type == "cuda"
    check_alignment(nlp(FR))


def test_average_aggregation_and_bad_config(tiny_model):
    nlp = make_nlp(tiny_model, aggregation="average")
    force(nlp, "B-LOC")
    first = make_nlp(tiny_model)
    force(first, "B-LOC")
    assert ents(nlp(FR)) == ents(first(FR))
    with pytest.raises(ValueError, match="aggregation"):
        make_nlp(tiny_model, aggregation="max")


def test_catalog_row_puts_a_language_on_the_transformers_tier(tiny_model, tmp_path, monkeypatch):
    """A user catalog naming a model folder moves French to the transformers tier, end to end."""
    from pipeline import Extractor, catalog, models

    user = tmp_path / "catalog.toml"
    user.write_text(f'[languages.fr]\ntransformers_model = "{tiny_model}"\n'
                    '[languages.fr.transformers_config]\nwindow = 32\nstride = 8\n', encoding="utf-8")
    monkeypatch.setenv("NEWSFACTS_CATALOG", str(user))
    catalog.languages.cache_clear()
    models.load.cache_clear()
    try:
        loaded = models.load("fr")
        assert loaded.tier == "transformers" and str(tiny_model) in loaded.model
        names = loaded.nlp.pipe_names
        assert names.index("newsfacts_transformers_ner") < names.index("newsfacts_entities")
        tables = Extractor().run([FR], lang="fr")
        assert tables.articles[0]["tier"] == "transformers" and tables.articles[0]["status"] == "ok"
        for row in tables.entities:
            text = tables.articles[0]["text"]
            assert text[row["start"]:row["end"]] == row["text"]
    finally:
        monkeypatch.delenv("NEWSFACTS_CATALOG")
        catalog.languages.cache_clear()
        models.load.cache_clear()
