"""newsfacts: news articles in, a table of attributed statements out.

    import pipeline
    statements = pipeline.extract(["articles/"])            # pandas DataFrame
    statements = pipeline.extract_text("La ministre a annoncé que 3 000 postes seraient créés.", lang="fr")
    tables = pipeline.Extractor().run(["articles/"])        # all three tables
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from . import sources  # runner (spaCy) is imported on first use: `newsfacts ingest` no-op runs stay fast
from .table import Tables

__all__ = ["extract", "extract_text", "Extractor", "Tables"]


class Extractor:
    """Runs the pipeline over paths or raw texts and returns the three tables."""

    def __init__(self, workers: int = 1, batch_size: int = 32):
        self.workers, self.batch_size = workers, batch_size

    def run(self, paths_or_texts: Iterable[str | Path] | str | Path = (), *, texts: Iterable[str] = (),
            lang: str | None = None, published=None) -> Tables:
        """Extract from files and folders (`paths_or_texts`) and from article texts (`texts`).

        A string in `paths_or_texts` is a path when it looks like one (one short line without
        sentence punctuation, or it exists); a path that does not exist raises FileNotFoundError,
        so that a typo is not taken for an article. Anything else there is still read as text,
        for compatibility; pass texts as `texts=` (or `extract_text`) to say so.
        """
        items = [paths_or_texts] if isinstance(paths_or_texts, str | Path) else list(paths_or_texts)
        articles = []
        for item in items:
            if isinstance(item, Path) or _is_path(item):
                articles.extend(sources.read_paths([_existing(item)]))
            else:
                articles.append(sources.make_article(str(item), path="<text>", lang=lang,
                                                     published=published))
        articles.extend(sources.make_article(str(t), path="<text>", lang=lang, published=published)
                        for t in ([texts] if isinstance(texts, str) else texts))
        from . import runner

        return runner.run_articles(articles, workers=self.workers, batch_size=self.batch_size)


def _existing(item: str | Path) -> Path:
    path = Path(item)
    if not path.exists() and not path.is_symlink():
        raise FileNotFoundError(f"no such file or folder: {str(item)!r} (to extract a text, pass it as "
                                "texts=[...] or use pipeline.extract_text)")
    return path


_PATHLIKE = re.compile(r"^(?:\.{0,2}/|~/|[A-Za-z]:\\)|[/\\]$|\.(?:txt|text|json|jsonl|ndjson|html?)$", re.I)


def _is_path(item) -> bool:
    """A string names a file or folder when it exists, or when it looks like a path: one short
    line without spaces that starts like a path ("/", "./", "../", "~/", "C:\\"), ends with a
    slash or ends with a known extension ("2025/12/24に発表した。" stays a text)."""
    if not isinstance(item, str) or "\n" in item or len(item) > 1024:
        return False
    try:
        if Path(item).exists():
            return True
    except OSError:  # e.g. a one-line article longer than the file-name limit
        return False
    item = item.strip()
    return len(item) < 260 and not any(c.isspace() for c in item) and bool(_PATHLIKE.search(item))


def extract(paths_or_texts=(), *, texts=(), lang: str | None = None, published=None, workers: int = 1):
    """The statements table (pandas) for files and folders, and article texts given as `texts=`."""
    tables = Extractor(workers=workers).run(paths_or_texts, texts=texts, lang=lang, published=published)
    return tables.frames()["statements"]


def extract_text(*texts: str, lang: str | None = None, published=None):
    """The statements table (pandas) for article texts, never read as paths."""
    return extract(texts=list(texts), lang=lang, published=published)
