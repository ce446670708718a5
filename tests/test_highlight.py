"""Highlighted articles: real pipeline output in, a safe and faithful page out.

The page is parsed back with the standard library's HTML parser, so the checks are about what a
browser would see: no element injected by article content, the article text intact once the
marks are removed, and each statement's marks covering exactly its content, cue, mention,
quantities and dates, with the resolved speaker shown on the mention.
"""

from __future__ import annotations

import html

import pytest
from htmlpage import HOSTILE_TEXT, marked, parse, seed_id, speaker_of

from pipeline import highlight, table
from pipeline.highlight import Mark


def section_of(tables, article_id: str) -> str:
    """The page section of an article: the page keeps the articles table's order."""
    return f"a{[a['article_id'] for a in tables.articles].index(article_id) + 1}"


@pytest.fixture(scope="module")
def page_of(review_batch, tmp_path_factory):
    """Write the tables in a format, read them back, render the page; returns (html, parsed page)."""
    cache: dict[str, tuple] = {}

    def render(fmt: str = "parquet"):
        if fmt not in cache:
            out = tmp_path_factory.mktemp(f"out-{fmt}")
            table.write(review_batch, out, fmt)
            articles = highlight.records(table.read(out, "articles"))
            statements = highlight.records(table.read(out, "statements"))
            html_text = highlight.articles_page(articles, statements)
            cache[fmt] = (html_text, parse(html_text))
        return cache[fmt]

    return render


def statements_of(tables, article_id: str) -> list[tuple[int, dict]]:
    return highlight.numbered_statements([s for s in tables.statements if s["article_id"] == article_id])


def test_pipeline_gives_the_page_something_to_show(review_batch):
    for aid in ("hostile-1", seed_id(review_batch)):
        statements = [s for s in review_batch.statements if s["article_id"] == aid]
        assert any(s["cue"] and s["speaker_mention"] for s in statements), statements


def test_article_content_cannot_inject_markup(page_of):
    html_text, page = page_of()
    assert not {"script", "img", "b", "iframe"} & set(page.tags)
    assert "<script>" not in html_text.lower()
    assert html.escape("<script>document.body.setAttribute(") in html_text
    assert html.escape('<img src=x onerror="document.body') in html_text
    assert not any(h.lower().startswith("javascript:") for h in page.hrefs)
    assert "javascript:alert(1)" in html_text  # shown as text, not a link
    assert not any(k.startswith("on") for _, attrs in page.attrs for k in attrs)


@pytest.mark.parametrize("which", ["hostile", "seed"])
def test_text_is_intact_and_marks_match_the_statements(review_batch, page_of, which):
    _, page = page_of()
    aid = "hostile-1" if which == "hostile" else seed_id(review_batch)
    section = section_of(review_batch, aid)
    article = next(a for a in review_batch.articles if a["article_id"] == aid)
    text = article["text"]
    assert "".join(page.texts[section]) == text
    for n, st in statements_of(review_batch, aid):
        assert marked(page, section, "content", n) == text[st["start"]:st["end"]] == st["statement"]
        if st["cue"]:
            assert marked(page, section, "cue", n) == st["cue"] == text[st["cue_start"]:st["cue_end"]]
        if st["speaker_mention"]:
            assert marked(page, section, "speaker", n) == st["speaker_mention"]
            assert speaker_of(page, section, n) == st["speaker"]
        quantities = marked(page, section, "quantity", n)
        for q in st["quantities"]:
            assert q["text"] in quantities
        dates = marked(page, section, "date", n)
        for d in st["dates"]:
            assert d["text"] in dates


def test_resolved_speaker_is_shown_on_the_mention(review_batch, page_of):
    _, page = page_of()
    aid = seed_id(review_batch)
    resolved = [st for _, st in statements_of(review_batch, aid)
                if st["speaker"] and st["speaker"].casefold() not in st["speaker_mention"].casefold()]
    assert resolved  # "Il" -> Coupang
    for st in resolved:
        assert st["speaker"] in page.labels[section_of(review_batch, aid)]


def test_statement_table_lists_values(review_batch, page_of):
    _, page = page_of()
    cells = "\n".join(page.cells[section_of(review_batch, "hostile-1")])
    for st in (s for s in review_batch.statements if s["article_id"] == "hostile-1"):
        for value in (st["speaker"], st["cue"], st["kind"], st["statement"]):
            if value:
                assert value in cells
        for d in st["dates"]:
            assert d["value"].isoformat() in cells
        for q in st["quantities"]:
            assert q["text"] in cells


def test_error_articles_appear_with_their_message(review_batch, page_of):
    errors = [a for a in review_batch.articles if a["status"] == "error"]
    assert errors and all(a["error"] for a in errors)
    html_text, page = page_of()
    for a in errors:
        assert html.escape(a["error"]) in html_text
        assert html.escape(a["source_path"]) in html_text
        assert not page.texts.get(section_of(review_batch, a["article_id"]))  # no text block
    assert f"({len(errors)} with errors)" in html_text


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_every_output_format_gives_the_same_marked_text(page_of, fmt):
    _, parquet = page_of("parquet")
    _, other = page_of(fmt)
    joined = {section: "".join(parts) for section, parts in parquet.texts.items()}
    assert {section: "".join(parts) for section, parts in other.texts.items()} == joined
    for section in parquet.marks:  # CSV flattens quantities and dates into strings: compare the rest
        titles = [t for _, title, _, _ in parquet.marks[section] for t in title.split(" · ")]
        for n in {int(t.split()[0]) for t in titles}:
            for cls in ("content", "cue", "speaker"):
                assert marked(other, section, cls, n) == marked(parquet, section, cls, n)
    if fmt == "jsonl":
        assert other.marks == parquet.marks

def test_marks_never_cross_and_overlaps_are_flattened():
    text = "Il a dit que <tout> va bien."
    marks = [Mark(0, 2, "speaker", 1, "Jean <Dupont>"), Mark(3, 8, "cue", 1), Mark(5, 27, "content", 1),
             Mark(13, 19, "cue", 2)]
    rendered = highlight.render_text(text, marks, "a1")
    page = parse(f'<section id="a1"><div class="text">{rendered}</div></section>')
    assert "".join(page.texts["a1"]) == text
    assert marked(page, "a1", "content", 1) == text[5:27]
    assert marked(page, "a1", "cue", 1) == text[3:8]
    assert marked(page, "a1", "cue", 2) == "<tout>"
    assert speaker_of(page, "a1", 1) == "Jean <Dupont>" and page.labels["a1"] == ["Jean <Dupont>"]
    assert any({"cue", "content"} <= classes for classes, _, _, _ in page.marks["a1"])
    assert "tout" not in page.tags and "dupont" not in page.tags


def test_hostile_text_survives_as_text(review_batch, page_of):
    _, page = page_of()
    assert "".join(page.texts[section_of(review_batch, "hostile-1")]) == HOSTILE_TEXT.replace("  ", " ")
