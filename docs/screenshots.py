"""Regenerate docs/report.png and docs/seed.png (`make screenshots`).

corpus/ goes through the real pipeline, then `newsfacts report`, then headless Chromium (the same
helper as tests/test_browser.py) takes the pictures the README shows.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import chromium  # noqa: E402 - tests/chromium.py, found through the path set above

import pipeline  # noqa: E402
from pipeline import report, table  # noqa: E402

SEED = "seed-000_7b3a8ad300d317d9.txt"


def main() -> int:
    binary = chromium.find()
    if binary is None:
        print("Chromium not found: install the Debian package `chromium`", file=sys.stderr)
        return 2
    os.chdir(ROOT)  # relative source paths in the pictures
    with tempfile.TemporaryDirectory() as tmp:
        tables = pipeline.Extractor().run([Path("corpus")])
        os.chdir(tmp)  # the report names its source as given: "corpus"
        table.write(tables, "corpus")
        path = report.write_report("corpus", Path(tmp) / "site" / "report.html")
        seed_id = next(a["article_id"] for a in tables.articles if a["source_path"].endswith(SEED))
        seed_page = next((path.parent / f"{path.stem}_articles").glob(f"*{seed_id}*.html"))
        for page, png, window in ((path, "report.png", (1280, 2900)), (seed_page, "seed.png", (1280, 1400))):
            chromium.screenshot(binary, page, ROOT / "docs" / png, window)
            print(f"docs/{png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
