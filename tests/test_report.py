"""The HTML review page: real pipeline output in, a safe and faithful page out.

The page is parsed back with the standard library's HTML parser, so the checks are about what a
browser would see: no element injected by article content, the article text intact once the
marks are removed, and each statement's marks covering exactly its content, cue and mention.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

import pipeline
from pipeline import report, table
from pipeline.cli import app

HOSTILE = (
    "Le ministre Jean Dupont a déclaré : « Nous paierons 3 millions d'euros & <script>alert(1)</script> "
    "en 2025 ». Selon l'entreprise, les ventes ont augmenté de 12 % hier. "
    '"Tout va <b>bien</b> & rien n\'est perdu", a dit Marie Curie.'
)
HOSTILE_TITLE = "Titre <img src=x onerror=\"alert(1)\"> & 'guillemets'"


class Page(HTMLParser):
    """Collects tags, links, and per article section the text block, its marks and the table cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.stack: list[tuple[str, dict]] = []
        self.texts: dict[str, list[str]] = defaultdict(list)  # section id -> text of div.text
        self.marks: dict[str, list[tuple[set[str], str, str]]] = defaultdict(list)  # (classes, title, text)
        self.cells: dict[str, list[str]] = defaultdict(list)  # section id -> text of every <td>
        self.section = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        if tag == "section":
            self.section = a.get("id", "")
        self.stack.append((tag, a))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def _inside(self, tag: str, cls: str | None = None) -> dict | None:
        for t, a in reversed(self.stack):
            if t == tag and (cls is None or cls in (a.get("class") or "").split()):
                return a
        return None

    def handle_data(self, data):
        if self._inside("div", "text") is not None and self._inside("a", "ref") is None:
            self.texts[self.section].append(data)
            mark = self._inside("mark")
            if mark is not None:
                self.marks[self.section].append((set(mark["class"].split()), mark.get("title", ""), data))
        if self._inside("td") is not None:
            self.cells[self.section].append(data)


def parse(html_text: str) -> Page:
    page = Page()
    page.feed(html_text)
    page.close()
    return page


def marked(page: Page, section: str, cls: str, n: int) -> str:
    """The text under marks whose title gives statement n this class ("5 content · 6 cue")."""
    return "".join(
        data
        for classes, title, data in page.marks.get(section, [])
        if cls in classes and f"{n} {cls}" in title.split(" · ")
    )


def section_of(tables, article_id: str) -> str:
    """The page section of an article: the report keeps the articles table's order."""
    return f"a{[a['article_id'] for a in tables.articles].index(article_id) + 1}"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    jsonl = folder / "articles.jsonl"
    record = {
        "id": "hostile-1",
        "lang": "fr",
        "date": "2024-03-01",
        "title": HOSTILE_TITLE,
        "url": "javascript:alert(1)",
        "text": HOSTILE,
    }
    jsonl.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    bad = folder / "bad<&>.txt"
    bad.write_bytes(b"\x00\x01binary\x00")
    return pipeline.Extractor().run([jsonl, bad])


@pytest.fixture(scope="module")
def page_of(extracted, tmp_path_factory):
    """Write the tables in a format, render the page, return (html, parsed page)."""
    cache: dict[str, tuple[str, Page]] = {}

    def render(fmt: str = "parquet") -> tuple[str, Page]:
        if fmt not in cache:
            out = tmp_path_factory.mktemp(f"out-{fmt}")
            table.write(extracted, out, fmt)
            html_text = report.write_report(out, out / "report.html").read_text(encoding="utf-8")
            cache[fmt] = (html_text, parse(html_text))
        return cache[fmt]

    return render


def test_pipeline_gives_the_report_something_to_show(extracted):
    ok = [a for a in extracted.articles if a["status"] == "ok"]
    assert len(ok) == 1 and ok[0]["text"]
    statements = [s for s in extracted.statements if s["article_id"] == "hostile-1"]
    assert any(s["cue"] and s["speaker_mention"] for s in statements), statements


def test_article_content_cannot_inject_markup(page_of):
    html_text, page = page_of()
    assert "script" not in page.tags and "img" not in page.tags and "b" not in page.tags
    assert "<script>" not in html_text.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_text
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html_text
    assert not any(h.lower().startswith("javascript:") for h in page.hrefs)
    assert "javascript:alert(1)" in html_text  # shown as text, not a link


def test_text_is_intact_and_marks_match_the_statements(extracted, page_of):
    _, page = page_of()
    section = section_of(extracted, "hostile-1")
    article = next(a for a in extracted.articles if a["article_id"] == "hostile-1")
    assert "".join(page.texts[section]) == article["text"]
    statements = sorted(
        (s for s in extracted.statements if s["article_id"] == "hostile-1"),
        key=lambda s: (s["start"], s["end"]),
    )
    for n, st in enumerate(statements, start=1):
        assert (
            marked(page, section, "content", n) == article["text"][st["start"] : st["end"]] == st["statement"]
        )
        if st["cue"]:
            assert marked(page, section, "cue", n) == st["cue"]
        if st["speaker_mention"]:
            assert marked(page, section, "speaker", n) == st["speaker_mention"]


def test_statement_table_lists_values(extracted, page_of):
    _, page = page_of()
    cells = "\n".join(page.cells[section_of(extracted, "hostile-1")])
    for st in (s for s in extracted.statements if s["article_id"] == "hostile-1"):
        for value in (st["speaker"], st["cue"], st["kind"], st["statement"]):
            if value:
                assert value in cells
        for d in st["dates"]:
            assert d["value"].isoformat() in cells
        for q in st["quantities"]:
            assert q["text"] in cells


def test_error_articles_appear_with_their_message(extracted, page_of):
    errors = [a for a in extracted.articles if a["status"] == "error"]
    assert errors and all(a["error"] for a in errors)
    html_text, page = page_of()
    for a in errors:
        assert html.escape(a["error"]) in html_text
        assert html.escape(a["source_path"]) in html_text
        assert not page.texts.get(section_of(extracted, a["article_id"]))  # no text block
    assert f"({len(errors)} with errors)" in html_text


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_every_output_format_gives_the_same_marked_text(page_of, fmt):
    _, parquet = page_of("parquet")
    _, other = page_of(fmt)
    assert other.texts == parquet.texts
    assert other.marks == parquet.marks


def test_cli_report(extracted, tmp_path):
    out = tmp_path / "out"
    table.write(extracted, out, "parquet")
    html_path = tmp_path / "review" / "page.html"
    result = CliRunner().invoke(app, ["report", str(out), "--html", str(html_path)])
    assert result.exit_code == 0, result.output
    assert html_path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    missing = CliRunner().invoke(app, ["report", str(tmp_path / "nowhere"), "--html", str(html_path)])
    assert missing.exit_code != 0


def test_marks_never_cross_and_overlaps_are_flattened():
    text = "Il a dit que <tout> va bien."
    marks = [(0, 2, "speaker", 1), (3, 8, "cue", 1), (5, 27, "content", 1), (13, 19, "cue", 2)]
    page = parse(
        f'<section id="a1"><div class="text">{report.render_text(text, marks, "a1")}</div></section>'
    )
    assert "".join(page.texts["a1"]) == text
    assert marked(page, "a1", "content", 1) == text[5:27]
    assert marked(page, "a1", "cue", 1) == text[3:8]
    assert marked(page, "a1", "cue", 2) == "<tout>"
    assert any({"cue", "content"} <= classes for classes, _, _ in page.marks["a1"])
    assert "tout" not in page.tags
