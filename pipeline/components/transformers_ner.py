"""`newsfacts_transformers_ner`: a Hugging Face token-classification model as a spaCy NER component.

Optional backend (`pip install -e .[transformers]`): torch and transformers are imported when the
component is created, never when this module is imported, so the default path stays free of them.

Why not `transformers.pipeline("token-classification")`: it truncates at the model's maximum
length (a news article is often longer than 512 tokens), batches per call rather than across
spaCy's documents, and returns character offsets that can fall inside spaCy tokens. Here:

- the whole text is tokenised once (fast tokenizer, character offsets into `doc.text`);
- it is cut into windows of `window` tokens that overlap by `stride` tokens, ending on word
  starts where possible; in an overlap each token keeps the prediction of the window in which
  it lies farther from the edge (the middle of the overlap is the cut), which is deterministic
  and gives every token the most context it had;
- the windows of all documents in a `pipe` batch are run together, `batch_size` windows at a
  time, on `device` ("cpu" by default, "cuda:0", "mps"...);
- predictions are read per spaCy token, so entities are spaCy spans by construction: a model
  piece belongs to the token that holds its first non-space character (a bare SentencePiece
  "▁" to the token after it), the token's label comes from its first piece
  (`aggregation = "first"`, how token-classification models are trained) or the mean of its
  pieces ("average"), and a token that starts inside a piece begun in the previous token can
  only continue that token's entity. Grouping by the tokenizer's own words instead would glue
  punctuation to names with SentencePiece models ("Séoul," is one whitespace word) and put
  spans inside spaCy tokens. Spans are decoded from BIO, IO, BIOES/BILOU or bare labels and
  mapped to PER/ORG/LOC/MISC by `label_map` (a model label mapped to "" is dropped, e.g. DATE);
- the spans become `doc.ents` (`overwrite = true`) or are added where no entity exists yet,
  and also go to `doc.spans["transformers_ner"]` with their scores in the group's attrs.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import minibatch

from ..labels import ENTITY_CLASSES, ENTITY_LABELS

SPANS_KEY = "transformers_ner"
TARGET_LABELS = ENTITY_CLASSES
# Model label (without its B-/I-/E-/S- prefix, upper case) -> newsfacts label: the one map of
# pipeline/labels.py; `label_map` in the config extends it.
DEFAULT_LABEL_MAP = ENTITY_LABELS
PREFIXES = {"B": "B", "I": "I", "E": "I", "L": "I", "S": "B", "U": "B"}  # BIOES/BILOU folded to BIO


@Language.factory(
    "newsfacts_transformers_ner",
    default_config={"model": "", "device": "cpu", "batch_size": 8, "window": 256, "stride": 64,
                    "label_map": {}, "aggregation": "first", "overwrite": True},
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
)
def make_transformers_ner(nlp: Language, name: str, model: str, device: str, batch_size: int, window: int,
                          stride: int, label_map: dict[str, str], aggregation: str,
                          overwrite: bool) -> TransformersNER:
    return TransformersNER(name, model=model, device=device, batch_size=batch_size, window=window,
                           stride=stride, label_map=label_map, aggregation=aggregation, overwrite=overwrite)


def resolve_model(model: str) -> str:
    """A local folder (as given, or under the repository's models/) when it exists, else the hub id."""
    if not model:
        raise ValueError("newsfacts_transformers_ner needs `model`: a Hugging Face hub id or a local folder")
    for candidate in (Path(model).expanduser(), Path(__file__).resolve().parents[2] / "models" / model):
        if (candidate / "config.json").is_file():
            return str(candidate)
    return model


class TransformersNER:
    """Runs a token-classification model over windows of each Doc and sets `doc.ents`."""

    def __init__(self, name: str, *, model: str, device: str = "cpu", batch_size: int = 8, window: int = 256,
                 stride: int = 64, label_map: dict[str, str] | None = None, aggregation: str = "first",
                 overwrite: bool = True):
        try:
            import torch
            from transformers import AutoModelForTokenClassification, AutoTokenizer
        except ImportError as e:  # the optional extra is missing
            raise ImportError("newsfacts_transformers_ner needs torch and transformers: "
                              "pip install -e '.[transformers]'") from e
        if aggregation not in ("first", "average"):
            raise ValueError(f"aggregation must be 'first' or 'average', not {aggregation!r}")
        self.name = name
        self.model_name = resolve_model(model)
        local = os.path.isdir(self.model_name)
        self._torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(self.model_name, local_files_only=local)
        if not getattr(self.tokenizer, "is_fast", False):
            raise ValueError(f"{model}: a fast tokenizer (tokenizer.json) is needed for character offsets")
        self.device = torch.device(device)
        self.model = AutoModelForTokenClassification.from_pretrained(self.model_name, local_files_only=local)
        self.model.to(self.device).eval()
        self.batch_size = max(1, int(batch_size))
        self.prefix, self.suffix = self._special_tokens()
        limit = self._max_content_tokens()
        self.window = max(8, min(int(window), limit))
        self.stride = max(0, min(int(stride), self.window // 2))
        self.aggregation = aggregation
        self.overwrite = overwrite
        mapping = {**DEFAULT_LABEL_MAP, **{k.upper(): v for k, v in (label_map or {}).items()}}
        id2label = self.model.config.id2label
        self.labels = [_parse_label(id2label[i], mapping) for i in range(len(id2label))]

    # ------------------------------------------------------------------ spaCy API
    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        """Process docs in groups of `batch_size`; the windows of a group are batched together."""
        for group in minibatch(docs, size=batch_size or self.batch_size):
            yield from self._process(list(group))

    # ------------------------------------------------------------------ internals
    def _special_tokens(self) -> tuple[list[int], list[int]]:
        """The ids the tokenizer puts before and after a single sequence ([CLS] ... [SEP], <s> ... </s>)."""
        bare = self.tokenizer("a", add_special_tokens=False)["input_ids"]
        full = self.tokenizer("a", add_special_tokens=True)["input_ids"]
        for i in range(len(full) - len(bare) + 1):
            if full[i:i + len(bare)] == bare:
                return full[:i], full[i + len(bare):]
        return [], []

    def _max_content_tokens(self) -> int:
        specials = len(self.prefix) + len(self.suffix)
        limits = [getattr(self.model.config, "max_position_embeddings", 512) or 512]
        if self.model.config.model_type in ("roberta", "xlm-roberta", "camembert"):
            limits[0] -= 2  # position ids start after the padding index
        tok_max = getattr(self.tokenizer, "model_max_length", None)
        if tok_max and tok_max < 100_000:
            limits.append(tok_max)
        return min(limits) - specials

    def _windows(self, n: int, word_ids: list[int | None]) -> list[tuple[int, int]]:
        """Token windows [start, end) covering 0..n, overlapping by about `stride` tokens."""
        def word_start(i: int) -> bool:
            return i == 0 or i >= n or word_ids[i] is None or word_ids[i] != word_ids[i - 1]

        spans: list[tuple[int, int]] = []
        start = 0
        while True:
            end = min(n, start + self.window)
            if end < n:
                back = end
                while back > start + self.window // 2 and not word_start(back):
                    back -= 1
                end = back if word_start(back) and back > start + self.window // 2 else end
            spans.append((start, end))
            if end >= n:
                return spans
            nxt = max(start + 1, end - self.stride)
            while nxt > start + 1 and not word_start(nxt):
                nxt -= 1
            start = nxt

    def _process(self, docs: list[Doc]) -> list[Doc]:
        torch = self._torch
        encodings, jobs = [], []  # jobs: (doc index, window start, window end)
        for d, doc in enumerate(docs):
            enc = self.tokenizer(doc.text, add_special_tokens=False, return_offsets_mapping=True,
                                 verbose=False)
            ids, word_ids = enc["input_ids"], enc.word_ids()
            encodings.append((ids, enc["offset_mapping"], word_ids))
            if ids:
                jobs.extend((d, s, e) for s, e in self._windows(len(ids), word_ids))
        probs: list[list[Any]] = [[None] * len(ids) for ids, _, _ in encodings]
        best: list[list[int]] = [[-1] * len(ids) for ids, _, _ in encodings]  # distance to window edge
        pad = self.tokenizer.pad_token_id or 0
        for chunk in minibatch(jobs, size=self.batch_size):
            rows = [self.prefix + encodings[d][0][s:e] + self.suffix for d, s, e in chunk]
            width = max(map(len, rows))
            input_ids = torch.full((len(rows), width), pad, dtype=torch.long)
            mask = torch.zeros((len(rows), width), dtype=torch.long)
            for r, row in enumerate(rows):
                input_ids[r, :len(row)] = torch.tensor(row)
                mask[r, :len(row)] = 1
            with torch.inference_mode():
                out = self.model(input_ids=input_ids.to(self.device), attention_mask=mask.to(self.device))
            logits = out.logits
            p = logits.float().softmax(-1).cpu()
            for r, (d, s, e) in enumerate(chunk):
                n = len(encodings[d][0])
                for t in range(s, e):
                    # distance to the nearest cut; the document's own ends are not cuts
                    edge = min(t - s if s > 0 else n, e - 1 - t if e < n else n)
                    if edge > best[d][t]:  # strictly greater: ties keep the earlier window
                        best[d][t] = edge
                        probs[d][t] = p[r, len(self.prefix) + t - s]
        for doc, (_ids, offsets, _word_ids), token_probs in zip(docs, encodings, probs, strict=True):
            self._set_entities(doc, self._decode(doc, offsets, token_probs))
        return docs

    def _per_token(self, doc: Doc, offsets, token_probs) -> list[tuple[Any, bool]]:
        """(probabilities, continuation) for each spaCy token, from the model's pieces.

        A piece belongs to the spaCy token holding its first non-space character (a bare "▁"
        piece, which carries the word's label in SentencePiece models, to the token after it).
        A token whose first character lies inside a piece that began in an earlier token takes
        that piece's prediction as a continuation (it can only extend the entity before it).
        """
        text = doc.text
        pieces = []
        for (s, e), p in zip(offsets, token_probs, strict=True):
            if p is None or e <= s:
                continue
            es = s
            while es < e and text[es].isspace():
                es += 1
            pieces.append((es, e, p))
        out: list[tuple[Any, bool]] = []
        j = 0
        for tok in doc:
            ts, te = tok.idx, tok.idx + len(tok.text)
            if tok.is_space:
                out.append((None, False))
                continue
            while j < len(pieces) and pieces[j][1] <= ts and pieces[j][0] < ts:
                j += 1
            cover, members = None, []
            k = j
            while k < len(pieces) and pieces[k][0] < te:
                es, e, p = pieces[k]
                if es < ts < e:
                    cover = p
                elif es >= ts:
                    members.append(p)
                k += 1
            if cover is not None:
                out.append((cover, True))
            elif members:
                avg = self.aggregation == "average" and len(members) > 1
                out.append((sum(members) / len(members) if avg else members[0], False))
            else:
                out.append((None, False))
        return out

    def _decode(self, doc: Doc, offsets, token_probs) -> list[tuple[int, int, str, float]]:
        """Entities as spaCy token spans (start, end, label, mean score), decoded from BIO-like tags."""
        ents: list[tuple[int, int, str, float]] = []
        open_: list[Any] | None = None  # [start, end, label, scores]
        for i, (p, continuation) in enumerate(self._per_token(doc, offsets, token_probs)):
            label = None
            if p is not None:
                k = int(p.argmax())
                tag, label = self.labels[k]
            if label is None:
                if open_:
                    ents.append(_close(open_))
                open_ = None
                continue
            score = float(p[k])
            if open_ is not None and open_[2] == label and (continuation or tag == "I") and open_[1] == i:
                open_[1] = i + 1
                open_[3].append(score)
            else:
                if open_:
                    ents.append(_close(open_))
                open_ = [i, i + 1, label, [score]]
        if open_:
            ents.append(_close(open_))
        return ents

    def _set_entities(self, doc: Doc, ents: list[tuple[int, int, str, float]]) -> None:
        spans = [Span(doc, s, e, label=label) for s, e, label, _ in ents]
        attrs = {"scores": [score for *_, score in ents], "model": self.model_name}
        doc.spans[SPANS_KEY] = SpanGroup(doc, name=SPANS_KEY, spans=spans, attrs=attrs)
        if self.overwrite:
            doc.set_ents(spans, default="outside")
        else:
            taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
            free = [s for s in spans if not taken.intersection(range(s.start, s.end))]
            doc.set_ents(free, default="unmodified")


def _parse_label(raw: str, mapping: dict[str, str]) -> tuple[str, str | None]:
    """("B" | "I", newsfacts label or None) for a model label such as B-PER, I-ORG, S-GPE, PER, O."""
    raw = str(raw)
    tag, _, body = raw.partition("-") if "-" in raw[:2] else ("I", "", raw)
    if body.upper() == "O" or raw.upper() == "O":
        return "O", None
    mapped = mapping.get(body.upper())
    label = mapped if mapped in TARGET_LABELS else None
    return PREFIXES.get(tag.upper(), "I"), label


def _close(open_: list[Any]) -> tuple[int, int, str, float]:
    start, end, label, scores = open_
    return start, end, label, sum(scores) / len(scores)
