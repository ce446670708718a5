"""Batches over articles: language, pipeline, Doc -> rows; workers, progress and error rows.

One article is one Doc. Docs are built with `nlp.make_doc`, given their article context
(`doc._.article`) and run through `nlp.pipe` per language. A failure on one article becomes an
error row for that article; the batch goes on.
"""

from __future__ import annotations

import os
import signal
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, islice

from . import catalog, langid, models, sources
from . import lang as langdata
from .pieces import LONG_ARTICLE_CHARS, run_in_pieces
from .sources import Article
from .table import Tables, article_row, entity_rows, statement_rows
from .version import extractor_version

PIPE_BATCH = 16
FIRST_BATCH = 1  # articles in the first batch, so that a run shows results within seconds
# Seconds one article may take (pipeline, then rows); a runaway becomes that article's error row.
# `--time-budget` sets it for a run (through the environment, so worker processes see it too).
BUDGET_ENV = sources.BUDGET_ENV
DEFAULT_BUDGET = 60.0


class ArticleTimeout(Exception):
    """An article (or a batch of articles) went over the per-article time budget."""


def time_budget_seconds() -> float:
    """The per-article time budget in seconds (0 or less: none)."""
    try:
        return float(os.environ.get(BUDGET_ENV, DEFAULT_BUDGET))
    except ValueError:
        return DEFAULT_BUDGET


@contextmanager
def time_budget(seconds: float | None = None):
    """Raise ArticleTimeout in this block after `seconds` (SIGALRM: main thread on POSIX only;
    elsewhere the block runs unbounded). Python code and spaCy's loops are interrupted between
    bytecodes; one long C call (a regex match) is interrupted when it returns."""
    seconds = time_budget_seconds() if seconds is None else seconds
    if (seconds <= 0 or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()):
        yield
        return

    def on_alarm(_signum, _frame):
        raise ArticleTimeout(f"over the per-article time budget of {seconds:g} s "
                             f"(set it with --time-budget or ${BUDGET_ENV})")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    # then again every half second: a raise landing in a __del__ or a callback is swallowed there
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.5)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)




FORCE_ENV = "NEWSFACTS_LANG"  # `--lang`: one language for every article of the batch (workers inherit it)
CONFIDENT = 0.95  # detection overrules a hint naming a supported language only at this confidence ...
CONFIDENT_WORDS = 20  # ... on at least this many words
AMONG_MIN = 0.5  # a supported language is picked for an unsupported or missing hint from this probability


@dataclass
class Choice:
    """The language an article runs in, and why (recorded in `articles`)."""

    lang: str
    confidence: float
    hint: str | None
    reason: str


def supported() -> frozenset[str]:
    """Languages with a data file or an installed trained pipeline: the ones detection may pick."""
    rows = catalog.languages()
    return frozenset(langdata.available()) | frozenset(
        c for c, r in rows.items() if catalog.installed(r.get("package")))


def _normal(code: str | None) -> str | None:
    hint = (code or "").strip().lower().split("-")[0].split("_")[0]
    return hint if 2 <= len(hint) <= 3 and hint.isalpha() else None


def decide_language(article: Article) -> Choice:
    """`--lang` when given; else the hint when it names a supported language, unless detection
    confidently says another supported one; else detection among the supported languages; else
    the hint or the detected language on the universal tier."""
    hint = _normal(article.lang_hint)
    forced = _normal(os.environ.get(FORCE_ENV))
    if forced:
        return Choice(forced, 1.0, hint, f"forced by --lang {forced}")
    langs = supported()
    raw = langid.detect(article.text)
    guess = langid.detect_among(article.text, langs, first=raw)
    if hint in langs:
        if (guess.lang in langs and guess.lang != hint and guess.confidence >= CONFIDENT
                and langid.knows(hint) and len(article.text.split()) >= CONFIDENT_WORDS):
            return Choice(guess.lang, guess.confidence, hint,
                          f"hint {hint!r} overruled: detection says {guess.lang} ({guess.confidence:.2f})")
        return Choice(hint, 1.0, hint, "hint")
    if guess.lang in langs and guess.confidence >= AMONG_MIN:
        why = f"hint {hint!r} has no language file; " if hint else ""
        return Choice(guess.lang, guess.confidence, hint,
                      f"{why}detected {guess.lang} among supported languages")
    if hint and known_language(hint):  # a bogus hint ("xx", "und") is never stored as the language
        return Choice(hint, 1.0, hint, f"hint {hint!r} has no language file and detection found no supported "
                                       "language: universal tier")
    return Choice(raw.lang, raw.confidence, None, f"detected {raw.lang}: no language file, universal tier")


def choose_language(article: Article) -> tuple[str, float]:
    """The article's language and confidence (see `decide_language`)."""
    choice = decide_language(article)
    return choice.lang, choice.confidence


def known_language(code: str) -> bool:
    """A hint names a language we can tell or run (not "xx", "zz", "und"): one of the catalog's
    languages or of the language identifier's labels. An unknown hint is ignored (detection)."""
    return code in catalog.languages() or code in langid._identifier().labels


def other_languages(article: Article, lang: str, confidence: float,
                    stop_words: frozenset[str] | set[str] = frozenset()) -> list[dict]:
    """Paragraphs confidently in another language than the article (a quote, a name list)."""
    parts = langid.detect_paragraphs(article.text, default=langid.Guess(lang, confidence),
                                     stop_words=stop_words)
    if len(parts) < 2:
        return []
    return [{"start": s, "end": e, "language": g.lang, "confidence": g.confidence}
            for s, e, g in parts if g.lang not in (lang, langid.UNDETERMINED) and g.confidence >= 0.9]


def process_articles(articles: Iterable[Article]) -> Tables:
    """Extract the three tables from articles in this process."""
    tables = Tables()
    by_lang: dict[str, list[tuple[Article, Choice]]] = defaultdict(list)
    for art in articles:
        if not art.ok:
            tables.articles.append(article_row(art, extractor=extractor_version()))
            continue
        try:
            choice = decide_language(art)
        except Exception as e:  # noqa: BLE001 - a detector crash is one article's problem
            tables.articles.append(article_row(art, error=f"language identification failed: {e}",
                                               extractor=extractor_version()))
            continue
        by_lang[choice.lang].append((art, choice))
    for lang, items in by_lang.items():
        tables.extend(_process_language(lang, items))
    return tables


def _process_language(lang: str, items: list[tuple[Article, Choice]]) -> Tables:
    tables = Tables()
    try:
        loaded = models.load(lang)
    except Exception as e:  # noqa: BLE001
        for art, choice in items:
            tables.articles.append(article_row(art, lang=lang, confidence=choice.confidence,
                                               error=f"could not load a pipeline for {lang!r}: {e}",
                                               extractor=extractor_version(), **_why(choice)))
        return tables
    extractor = extractor_version(loaded.model)
    nlp = loaded.nlp
    stop_words = nlp.Defaults.stop_words
    docs, kept = [], []
    for art, choice in items:
        conf, why = choice.confidence, _why(choice, loaded.reason)
        try:  # a Doc that cannot be made (over nlp.max_length, a tokenizer crash) is this article's error
            if len(art.text) > nlp.max_length:
                raise ValueError(f"article text is too long for the {lang!r} pipeline ({len(art.text):,} "
                                 f"characters, limit {nlp.max_length:,}); split it into several articles")
            with time_budget():  # spaCy's tokenizer is quadratic in a run without spaces ("((((…")
                doc = nlp.make_doc(art.text)
        except Exception as e:  # noqa: BLE001
            tables.articles.append(article_row(art, lang=lang, confidence=conf, tier=loaded.tier,
                                               model=loaded.model, error=_doc_error(e), extractor=extractor,
                                               **why))
            continue
        doc._.article = {"id": art.id, "path": art.path, "published": art.published, "lang": lang,
                         "tier": loaded.tier, "title": art.title}
        docs.append(doc)
        kept.append((art, choice))
    done = _pipe_isolating_errors(nlp, docs)
    for (art, choice), (doc, err) in zip(kept, done, strict=True):
        conf, why = choice.confidence, _why(choice, loaded.reason)
        if err is None:
            try:
                with time_budget():
                    rows = statement_rows(doc, extractor)
                    ents = entity_rows(doc)
                    others = other_languages(art, lang, conf, stop_words)
            except Exception as e:  # noqa: BLE001 - one article's rows, not the batch
                err = f"extraction failed: {type(e).__name__}: {e}"
        if err is not None:
            tables.articles.append(article_row(art, lang=lang, confidence=conf, tier=loaded.tier,
                                               model=loaded.model, error=err, extractor=extractor, **why))
            continue
        tables.statements.extend(rows)
        tables.entities.extend(ents)
        tables.articles.append(article_row(art, lang=lang, confidence=conf, tier=loaded.tier,
                                           model=loaded.model, n_statements=len(rows), extractor=extractor,
                                           other_languages=others, **why))
    return tables


def _why(choice: Choice, tier_reason: str = "") -> dict:
    return {"language_hint": choice.hint, "language_reason": choice.reason,
            "tier_reason": tier_reason or None}


def _doc_error(e: Exception) -> str:
    if isinstance(e, ArticleTimeout):
        return f"tokenisation stopped: {e}"
    return f"{e}" if isinstance(e, ValueError) else f"tokenisation failed: {type(e).__name__}: {e}"


def _pipe_isolating_errors(nlp, docs: list) -> list[tuple[object, str | None]]:
    """nlp.pipe over the docs; if a batch fails or runs over the time budget, rerun its docs one
    by one, each with its own budget, to find the culprit. Long articles go one by one, in pieces."""
    done: dict[int, tuple[object, str | None]] = {}
    long = [i for i, d in enumerate(docs) if len(d.text) > LONG_ARTICLE_CHARS]
    done.update(zip(long, _one_by_one(nlp, [docs[i] for i in long]), strict=True))
    short = [i for i in range(len(docs)) if i not in done]
    done.update(zip(short, _pipe_batches(nlp, [docs[i] for i in short]), strict=True))
    return [done[i] for i in range(len(docs))]


def _pipe_batches(nlp, docs: list) -> list[tuple[object, str | None]]:
    out: list[tuple[object, str | None]] = []
    for i in range(0, len(docs), PIPE_BATCH):
        batch = docs[i:i + PIPE_BATCH]
        # nlp.pipe annotates the docs in place: when a later component fails, the batch's docs are
        # already parsed, and the rerun needs them as they were (else every doc of the batch fails
        # with "must run before the parser" and the culprit's own error is lost)
        unparsed = [d.copy() for d in batch]
        try:
            with time_budget():
                piped = list(nlp.pipe(batch, batch_size=PIPE_BATCH))
            out.extend((d, None) for d in piped)
        except ArticleTimeout as e:
            if len(batch) > 1:
                out.extend(_one_by_one(nlp, unparsed))
            else:
                out.append((batch[0], f"extraction stopped: {e}; {len(batch[0].text):,} characters"))
        except Exception:  # noqa: BLE001
            out.extend(_one_by_one(nlp, unparsed))
    return out


def _one_by_one(nlp, batch: list) -> list[tuple[object, str | None]]:
    """Each doc alone, with its own time budget: a failure or a runaway is that doc's error."""
    out: list[tuple[object, str | None]] = []
    for d in batch:
        try:
            with time_budget():
                out.append((run_in_pieces(nlp, d), None))
        except ArticleTimeout as e:
            out.append((d, f"extraction stopped: {e}; {len(d.text):,} characters"))
        except Exception as e:  # noqa: BLE001
            out.append((d, f"extraction failed: {type(e).__name__}: {e}"))
    return out


def die_with_parent() -> None:
    """Worker initialiser: the kernel kills this worker when its parent dies (Linux
    PR_SET_PDEATHSIG), so a killed `extract`/`ingest` leaves no orphan holding its models."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: workers end when their pipe closes
        pass


def _preload(articles: list[Article]) -> None:
    """Load the pipeline of the first batch's language(s) before the worker processes start.

    The workers are forked from this process (the default on Linux), so they begin with these
    pipelines already in memory, shared page by page until written: no worker spends the model
    load again (about 4 s for French, half of it compiling spaCy's French tokenizer patterns),
    and the first statements come out as soon as the parent has loaded. Only the first batch's
    languages: the parent loads before any worker starts, so this load is on the path to the
    first statement. Languages met later are loaded by each worker as usual; with another start
    method than fork this only costs the parent's load.
    """
    for article in articles:
        try:
            if article.ok:
                models.load(choose_language(article)[0])
        except Exception:  # noqa: BLE001 - the workers meet it again and report it as the article's error
            continue


def _chunks(it: Iterable, size: int, first: int = FIRST_BATCH) -> Iterator[list]:
    """Batches growing from `first` article, doubling up to `size`: the first statements come out
    as soon as one pipeline is loaded (a batch mixing languages loads each of their models)."""
    it = iter(it)
    n = max(1, min(first, size))
    while chunk := list(islice(it, n)):
        yield chunk
        n = min(size, n * 2)


def run(paths: Iterable[str], *, workers: int = 1, batch_size: int = 32,
        on_progress: Callable[[int, Tables], None] | None = None, freeze: bool = False,
        follow_symlinks: bool = False) -> Tables:
    """Read every file under `paths` and extract; `on_progress(n_articles, batch_tables)` per batch.

    With `freeze`, each batch's rows become Arrow tables once reported (`Tables.freeze`): read
    them with `Tables.arrow` and `Tables.count`, not the row lists."""
    articles = sources.read_paths(paths, follow_symlinks=follow_symlinks)
    return run_articles(articles, workers=workers, batch_size=batch_size, on_progress=on_progress,
                        freeze=freeze)


def run_articles(articles: Iterable[Article], *, workers: int = 1, batch_size: int = 32,
                 on_progress: Callable[[int, Tables], None] | None = None, freeze: bool = False) -> Tables:
    tables = Tables()

    def done(n: int, part: Tables) -> None:
        if on_progress:
            on_progress(n, part)
        if freeze:
            part.freeze()
        tables.extend(part)

    workers = max(1, min(workers, os.cpu_count() or 1)) if workers else 1
    if workers == 1:
        for chunk in _chunks(articles, batch_size):
            done(len(chunk), process_articles(chunk))
        return tables
    articles = iter(articles)
    head = list(islice(articles, FIRST_BATCH))
    _preload(head)
    with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent) as pool:
        pending = []
        articles = chain(head, articles)
        for chunk in _chunks(articles, batch_size):
            pending.append((len(chunk), pool.submit(process_articles, chunk)))
            if len(pending) >= workers * 2:
                n, fut = pending.pop(0)
                done(n, fut.result())
        for n, fut in pending:
            done(n, fut.result())
    return tables
