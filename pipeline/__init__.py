"""newsfacts: news articles in, a table of attributed statements out.

    import pipeline
    statements = pipeline.extract(["articles/"])            # pandas DataFrame
    tables = pipeline.Extractor().run(["articles/"])        # all three tables
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from . import sources  # runner (spaCy) is imported on first use: `newsfacts ingest` no-op runs stay fast
from .table import Tables

__all__ = ["extract", "Extractor", "Tables"]


class Extractor:
    """Runs the pipeline over paths or raw texts and returns the three tables."""

    def __init__(self, workers: int = 1, batch_size: int = 32):
        self.workers, self.batch_size = workers, batch_size

    def run(self, paths_or_texts: Iterable[str | Path] | str | Path, *, lang: str | None = None,
            published=None) -> Tables:
        items = [paths_or_texts] if isinstance(paths_or_texts, str | Path) else list(paths_or_texts)
        articles = []
        for item in items:
            if isinstance(item, Path) or _is_path(item):
                articles.extend(sources.read_paths([item]))
            else:
                articles.append(sources.make_article(str(item), path="<text>", lang=lang,
                                                     published=published))
        from . import runner

        return runner.run_articles(articles, workers=self.workers, batch_size=self.batch_size)


def _is_path(item) -> bool:
    """A string names a file or folder when it is short, one line and exists."""
    if not isinstance(item, str) or "\n" in item or len(item) > 1024:
        return False
    try:
        return Path(item).exists()
    except OSError:  # e.g. a one-line article longer than the file-name limit
        return False


def extract(paths_or_texts, *, lang: str | None = None, published=None, workers: int = 1):
    """The statements table (pandas) for files, folders or raw article texts."""
    tables = Extractor(workers=workers).run(paths_or_texts, lang=lang, published=published)
    return tables.frames()["statements"]
