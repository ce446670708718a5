"""The floor for `make bench`: stock spaCy `nlp.pipe` over the texts of a JSONL file, nothing else.

    python bench/raw_spacy.py MODEL INPUT.jsonl [--index-lemmas]   # MODEL: a package, or blank:<lang>

Prints one JSON line: import, load and pipe seconds, articles, words and peak RSS. The blank
pipelines get the sentencizer that the rules tier also runs. `--index-lemmas` applies newsfacts'
one change to the model (`pipeline.models.index_lemma_tables`: the lemmatizer's word lists as
sets, same lemmas), for a floor that is the same model as newsfacts runs.
"""

from __future__ import annotations

import json
import resource
import sys
import time

START = time.perf_counter()


def main() -> None:
    model, path = sys.argv[1], sys.argv[2]
    import spacy

    imported = time.perf_counter()
    if model.startswith("blank:"):
        nlp = spacy.blank(model.split(":", 1)[1])
        nlp.add_pipe("sentencizer")
    else:
        nlp = spacy.load(model)
        if "--index-lemmas" in sys.argv:
            from pipeline.models import index_lemma_tables

            index_lemma_tables(nlp)
    loaded = time.perf_counter()
    with open(path, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=16))
    done = time.perf_counter()
    print(json.dumps({
        "import_s": round(imported - START, 3), "load_s": round(loaded - imported, 3),
        "pipe_s": round(done - loaded, 3), "articles": len(texts), "tokens": tokens,
        "words": sum(len(t.split()) for t in texts), "pipes": nlp.pipe_names,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }))


if __name__ == "__main__":
    main()
