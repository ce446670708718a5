"""The command line as people meet it: help with examples, version, friendly errors, colour only on
a terminal (NO_COLOR honoured), --quiet, completion, and `show` on an article file."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from htmlpage import SEED_NAME, marked, parse, seed_id, speaker_of
from typer.testing import CliRunner

from pipeline import highlight, table
from pipeline.cli import app
from pipeline.version import package_version

ROOT = Path(__file__).resolve().parents[1]
COLOUR = re.compile(r"\x1b\[[0-9;]*m")


def colour_codes(text: str) -> list[str]:
    """SGR sequences that set a colour (30-37, 38;..., 90-97), as opposed to bold or italic."""
    found = []
    for seq in COLOUR.findall(text):
        params = seq[2:-1].split(";")
        if any(p.isdigit() and (30 <= int(p) <= 38 or 90 <= int(p) <= 97) for p in params):
            found.append(seq)
    return found


def table_rows(output: str) -> dict[str, list[str]]:
    """The rows of the rich tables `show` prints, by statement number: each cell's wrapped lines joined."""
    rows, cells = {}, None
    for line in output.splitlines():
        if line.startswith("│"):
            parts = [p.strip() for p in line.strip().strip("│").split("│")]
            cells = parts if cells is None else [f"{a} {b}" for a, b in zip(cells, parts, strict=True)]
        elif cells is not None:
            joined = [" ".join(c.split()) for c in cells]
            rows[joined[0]] = joined
            cells = None
    return rows


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0 and result.output.strip() == f"newsfacts {package_version()}"


def test_every_command_has_help_with_an_example():
    commands = list(typer.main.get_command(app).commands)
    assert {"extract", "show", "report", "ingest", "status", "eval", "predict", "models"} <= set(commands)
    top = invoke("--help")
    assert top.exit_code == 0 and "--install-completion" in top.output and "--version" in top.output
    for name in commands:
        result = invoke(name, "--help")
        assert result.exit_code == 0, name
        assert re.search(r"Examples?: newsfacts " + name, result.output), (name, result.output)


def test_completion_script():
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "--show-completion", "bash"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0 and "complete" in result.stdout


def test_missing_paths_are_named(tmp_path):
    for args in (["extract", str(tmp_path / "nowhere.txt")], ["show", str(tmp_path / "nowhere.txt")],
                 ["report", str(tmp_path / "nowhere")],
                 ["eval", "--task", "ner", str(tmp_path / "gold.jsonl")]):
        result = invoke(*args)
        assert result.exit_code == 2, args
        assert "no such file or folder" in result.output and str(tmp_path) in result.output, result.output


def test_unknown_formats_list_the_known_ones(tmp_path):
    result = invoke("extract", str(tmp_path), "--format", "xml")
    assert result.exit_code == 2
    for known in table.FORMATS:
        assert known in result.output
    odd = tmp_path / "notes.pdf"
    odd.write_bytes(b"%PDF")
    result = invoke("show", str(odd))
    assert result.exit_code == 2 and ".pdf" in result.output
    for known in (".txt", ".json", ".jsonl", ".html"):
        assert known in result.output


@pytest.fixture(scope="module")
def out_dir(review_batch, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("cli-out")
    table.write(review_batch, out, "parquet")
    return out


def test_show_an_article_file_prints_its_statements_and_writes_the_page(review_batch, corpus_dir, tmp_path):
    seed = corpus_dir / "fr" / f"{SEED_NAME}.txt"
    result = invoke("show", str(seed), "--html", str(tmp_path / "seed.html"))
    assert result.exit_code == 0, result.output
    rows = table_rows(result.output)
    statements = [s for s in review_batch.statements if s["article_id"] == seed_id(review_batch)]
    assert len(rows) == len(statements)
    for n, st in highlight.numbered_statements(statements):
        row = rows[str(n)]
        assert row[1].startswith(st["speaker"] or st["speaker_mention"] or "")
        assert (row[2], row[3], row[4]) == (st["cue"] or "", st["kind"], " ".join(st["statement"].split()))
    assert not colour_codes(result.output)  # not a terminal
    page = parse((tmp_path / "seed.html").read_text(encoding="utf-8"))
    for n, st in highlight.numbered_statements(statements):
        if st["speaker_mention"]:
            assert marked(page, "a1", "speaker", n) == st["speaker_mention"]
            assert speaker_of(page, "a1", n) == st["speaker"]


def test_show_an_output_folder_and_quiet(out_dir, tmp_path):
    result = invoke("show", str(out_dir), "--limit", "2")
    assert result.exit_code == 3  # the batch holds a failed file
    assert "more statements" in result.output and "failed" in result.output
    quiet = invoke("--quiet", "report", str(out_dir), "-o", str(tmp_path / "r.html"))
    assert quiet.exit_code == 0 and quiet.output == "" and (tmp_path / "r.html").exists()


def _on_a_terminal(args: list[str], env: dict) -> str:
    """Run the command with stdout and stderr on a pseudo-terminal; returns what it wrote."""
    leader, follower = pty.openpty()
    overrides = ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE")
    inherited = {k: v for k, v in os.environ.items() if k not in overrides}
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", *args], stdout=follower, stderr=follower,
                            cwd=ROOT, env={**inherited, "PYTHONPATH": str(ROOT), "TERM": "xterm", **env})
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_colour_only_on_a_terminal_and_no_color_respected(out_dir):
    coloured = _on_a_terminal(["show", str(out_dir), "--limit", "3"], {})
    assert colour_codes(coloured), coloured[:500]
    plain = _on_a_terminal(["show", str(out_dir), "--limit", "3"], {"NO_COLOR": "1"})
    assert "statements" in plain and not colour_codes(plain)
