"""The batch report: real pipeline output (an `extract` folder and an `ingest` dataset) in, one
self-contained page with inline SVG charts and links to highlighted article pages out.

Expected figures are computed from the extracted tables themselves, then looked up in the page.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from htmlpage import parse, seed_id
from typer.testing import CliRunner

from pipeline import ingest, report, table
from pipeline.cli import app


@pytest.fixture(scope="module")
def out_dir(review_batch, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("extract-out")
    table.write(review_batch, out, "parquet")
    return out


@pytest.fixture(scope="module")
def rendered(out_dir, tmp_path_factory):
    """(report path, its html, parsed page)."""
    path = report.write_report(out_dir, tmp_path_factory.mktemp("site") / "report.html")
    text = path.read_text(encoding="utf-8")
    return path, text, parse(text)


def test_report_is_self_contained_and_has_charts(rendered):
    _, text, page = rendered
    assert text.startswith("<!DOCTYPE html>")
    assert not {"script", "img", "iframe", "link", "object", "embed"} & set(page.tags)
    assert all(ref.startswith("#") for ref in re.findall(r"url\(([^)]*)\)", text)) and "@import" not in text
    for _, attrs in page.attrs:
        assert not any(k.startswith("on") for k in attrs)
        assert not str(attrs.get("src", "")).startswith(("http:", "https:", "//"))
        for key in ("href", "xlink:href"):
            assert not str(attrs.get(key, "")).startswith(("http:", "https:", "//", "javascript:"))
    assert page.tags.count("svg") >= 4
    assert "<text" in text  # svg.fonttype none: chart labels stay text


def test_report_counts_come_from_the_tables(review_batch, rendered):
    _, _, page = rendered
    rows = page.rows
    for lang in {a["language"] or "und" for a in review_batch.articles}:
        statuses = Counter(a["status"] for a in review_batch.articles if (a["language"] or "und") == lang)
        ok, failed = statuses["ok"], statuses["error"]
        said = sum(1 for s in review_batch.statements if s["language"] == lang)
        assert [lang, str(ok), str(failed), str(said)] in rows
    for kind, n in Counter(s["kind"] for s in review_batch.statements).items():
        assert [kind, str(n)] in rows
    speakers = Counter(s["speaker"] for s in review_batch.statements if s["speaker"])
    top, n = speakers.most_common(1)[0]
    assert top in page.data  # in the chart's SVG text
    assert next(row for row in rows if row and row[0] == top)[2] == str(n)
    largest = max((q for s in review_batch.statements for q in s["quantities"]), key=lambda q: q["value"])
    assert any(row[0] == largest["text"] for row in rows)


def test_failed_articles_are_listed_with_their_error(review_batch, rendered):
    _, text, _ = rendered
    failed = [a for a in review_batch.articles if a["status"] == "error"]
    assert failed
    assert f"Failed articles ({len(failed)})" in text
    for a in failed:
        assert html.escape(a["error"]) in text and html.escape(a["source_path"]) in text


def test_links_lead_to_highlighted_pages(review_batch, rendered):
    path, _, page = rendered
    local = [h for h in page.hrefs if not h.startswith("#")]
    assert local
    pages_with_text = [a for a in review_batch.articles if a["text"]]
    targets = {h.split("#")[0] for h in local}
    assert len(targets) == len(pages_with_text)
    for href in local:
        target, _, fragment = href.partition("#")
        article_page = parse((path.parent / target).read_text(encoding="utf-8"))
        if fragment:
            assert fragment in article_page.ids
        assert f"../{path.name}" in article_page.hrefs  # back to the report
    seed_page = next(h for h in targets if seed_id(review_batch) in h)
    assert "Coupang" in parse((path.parent / seed_page).read_text(encoding="utf-8")).data


def test_hostile_article_stays_text_everywhere(rendered):
    path, _, _ = rendered
    for page_path in [path, *sorted((path.parent / f"{path.stem}_articles").glob("*.html"))]:
        page = parse(page_path.read_text(encoding="utf-8"))
        assert not {"script", "img", "b"} & set(page.tags), page_path
        assert not any(k.startswith("on") for _, attrs in page.attrs for k in attrs), page_path


def test_pages_are_bounded(out_dir, tmp_path):
    path = report.write_report(out_dir, tmp_path / "r.html", max_pages=1)
    assert len(list((tmp_path / "r_articles").glob("*.html"))) == 1
    report.write_report(out_dir, tmp_path / "r.html", max_pages=0)
    assert not list((tmp_path / "r_articles").glob("*.html"))  # stale pages removed
    assert "r_articles/" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_every_output_format_gives_a_report(review_batch, tmp_path, fmt):
    table.write(review_batch, tmp_path / "out", fmt)
    page = parse(report.write_report(tmp_path / "out", tmp_path / "r.html").read_text(encoding="utf-8"))
    assert page.tags.count("svg") >= 4
    speakers = Counter(s["speaker"] for s in review_batch.statements if s["speaker"])
    assert speakers.most_common(1)[0][0] in page.data


def test_report_reads_an_ingest_dataset(review_batch, corpus_dir, tmp_path, capsys):
    inbox = tmp_path / "inbox"
    shutil.copytree(corpus_dir / "fr", inbox)
    code = ingest.main([inbox], into=tmp_path / "dataset")
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert code == 0 and summary["articles"] == len(list(inbox.iterdir()))
    statements = ingest.read(tmp_path / "dataset", "statements")
    path = report.write_report(tmp_path / "dataset", tmp_path / "dataset-report.html")
    page = parse(path.read_text(encoding="utf-8"))
    cards = page.data[page.data.index("statements") - 1]
    assert cards == str(len(statements))
    assert len(list((tmp_path / "dataset-report_articles").glob("*.html"))) == summary["articles"]


def test_cli_report(out_dir, tmp_path):
    result = CliRunner().invoke(app, ["report", str(out_dir), "-o", str(tmp_path / "r" / "page.html")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "r" / "page.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (tmp_path / "r" / "page_articles").is_dir()
    old = CliRunner().invoke(app, ["report", str(out_dir), "--html", str(tmp_path / "old.html")])
    assert old.exit_code == 0 and (tmp_path / "old.html").exists() and "deprecated" in old.output
    missing = CliRunner().invoke(app, ["report", str(tmp_path / "nowhere"), "-o", str(tmp_path / "x.html")])
    assert missing.exit_code == 2 and "nowhere" in missing.output
    empty = CliRunner().invoke(app, ["report", str(tmp_path / "r"), "-o", str(tmp_path / "x.html")])
    assert empty.exit_code == 2 and "no articles table" in empty.output


def test_chart_labels_are_text_not_markup():
    """Speaker names reach the SVG as escaped text; `$` is a dollar, not mathtext."""
    name = "<script>alert(1)</script> & $x^2$"
    page = parse(report.bar_chart([name, "B"], {"statements": [3, 1]}, xlabel="statements"))
    assert "script" not in page.tags and page.tags[0] == "svg"
    assert name in page.data
