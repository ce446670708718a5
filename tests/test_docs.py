"""The README stays a ten-minute read, its links resolve, and docs/design.md names every module."""

from __future__ import annotations

import re
from pathlib import Path

from test_layers import modules

ROOT = Path(__file__).resolve().parents[1]


def test_readme_is_short():
    size = len((ROOT / "README.md").read_bytes())
    assert size <= 15_000, f"README.md is {size} bytes: move detail into docs/"


def test_readme_links_resolve():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = {t for t in re.findall(r"\]\(([^)#]+)\)", text) if "://" not in t}
    assert {"docs/design.md", "docs/schema.md", "docs/cli.md"} <= targets
    assert not [t for t in sorted(targets) if not (ROOT / t).exists()]


def test_design_map_names_every_module():
    text = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    missing = [name for name in sorted(modules())
               if not re.search(rf"\b{re.escape(name.rpartition('.')[2])}\b", text)]
    assert not missing, f"docs/design.md does not mention {missing}: add them to its map"


def test_cli_reference_has_every_command():
    import typer.main

    from pipeline.cli import app

    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    names = typer.main.get_command(app).commands
    assert not [n for n in names if f"### `newsfacts {n}`" not in text], "docs/cli.md lacks a command"
