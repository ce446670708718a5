"""Headless Chromium as a subprocess: the DOM after scripts ran, and screenshots.

Used by tests/test_browser.py and docs/screenshots.py. Each call gets a fresh profile folder, and
the flags keep Chromium from reaching the network on its own (no sync, no component updates, no
background requests): pages are opened from file:// URLs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
WINDOW = (1280, 2000)


def find() -> str | None:
    """The Chromium binary: $NEWSFACTS_CHROMIUM, /usr/bin/chromium, or chromium on the PATH."""
    for candidate in (os.environ.get("NEWSFACTS_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def _run(binary: str, page: Path, *extra: str, timeout: float = 120) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="newsfacts-chromium-") as profile:
        return subprocess.run([binary, *FLAGS, f"--user-data-dir={profile}", *extra, page.resolve().as_uri()],
                              capture_output=True, text=True, timeout=timeout, check=True)


def dump_dom(binary: str, page: Path) -> str:
    """The serialised DOM once the page has loaded (scripts, had any been injected, would have run)."""
    return _run(binary, page, "--dump-dom").stdout


def screenshot(binary: str, page: Path, png: Path, window: tuple[int, int] = WINDOW) -> Path:
    png.parent.mkdir(parents=True, exist_ok=True)
    _run(binary, page, f"--screenshot={png.resolve()}", f"--window-size={window[0]},{window[1]}")
    return png
