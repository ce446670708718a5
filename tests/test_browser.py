"""The report and a highlighted article in a real browser (headless Chromium).

Pages come from the real pipeline output on the seed article plus a hostile article. Chromium
loads them from file:// URLs; its serialised DOM (after any script would have run) is parsed and
checked against the statements table and the seed's gold annotation, and screenshots are checked
to be real renderings. Skipped, saying so, when Chromium is not installed (`.ci/run` installs it).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import chromium
import pytest
from htmlpage import PWNED, SEED_NAME, marked, parse, seed_id, speaker_of

from pipeline import highlight, report, table

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser() -> str:
    binary = chromium.find()
    if binary is None:
        pytest.skip("Chromium not found (/usr/bin/chromium or chromium on the PATH; Debian package "
                    "`chromium`, installed by .ci/run): browser tests skipped")
    return binary


@pytest.fixture(scope="module")
def site(review_batch, tmp_path_factory) -> dict[str, Path]:
    """report.html and the highlighted pages of the seed and the hostile article."""
    out = tmp_path_factory.mktemp("browser-out")
    table.write(review_batch, out, "parquet")
    path = report.write_report(out, tmp_path_factory.mktemp("browser-site") / "report.html")
    pages = sorted((path.parent / f"{path.stem}_articles").glob("*.html"))
    return {"report": path,
            "seed": next(p for p in pages if seed_id(review_batch) in p.name),
            "hostile": next(p for p in pages if "hostile-1" in p.name)}


@pytest.fixture(scope="module")
def seed_dom(browser, site):
    return parse(chromium.dump_dom(browser, site["seed"]))


def seed_statements(review_batch) -> list[tuple[int, dict]]:
    return highlight.numbered_statements([s for s in review_batch.statements
                                          if s["article_id"] == seed_id(review_batch)])


def assert_real_screenshot(png: Path) -> None:
    from PIL import Image

    with Image.open(png) as image:
        assert image.size == chromium.WINDOW
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours and len(colours) > 50, f"{png} looks blank ({len(colours or [])} colours)"


def test_seed_marks_in_the_browser(review_batch, seed_dom):
    text = next(a["text"] for a in review_batch.articles if a["article_id"] == seed_id(review_batch))
    assert "".join(seed_dom.texts["a"]) == text
    statements = seed_statements(review_batch)
    assert any(st["speaker_mention"] for _, st in statements)
    for n, st in statements:
        assert marked(seed_dom, "a", "content", n) == st["statement"]
        if st["cue"]:
            assert marked(seed_dom, "a", "cue", n) == st["cue"]
        if st["speaker_mention"]:
            assert marked(seed_dom, "a", "speaker", n) == st["speaker_mention"]
            assert speaker_of(seed_dom, "a", n) == st["speaker"]
        assert f"a-s{n}" in seed_dom.ids and f"#a-s{n}" in seed_dom.hrefs  # linked to its row


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def test_seed_gold_speakers_resolved_in_the_browser(eval_dir, review_batch, seed_dom):
    """The gold mentions of the seed's main speaker ("Il", "L’entreprise", "le géant du e-commerce"
    -> Coupang) are marked with their gold cue and content, and show the gold resolved name."""
    gold_file = eval_dir / "attribution" / "fr" / "dev.jsonl"
    lines = gold_file.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    gold = next(r for r in records if r["id"] == SEED_NAME)
    resolved = [a for a in gold["attributions"] if a.get("source_resolved") and a.get("source")]
    main = max({a["source_resolved"] for a in resolved}, key=lambda s: sum(a["source_resolved"] == s
                                                                           for a in resolved))
    expected = [a for a in resolved if a["source_resolved"] == main]
    assert len(expected) >= 3
    numbers = [n for n, _ in seed_statements(review_batch)]
    for a in expected:
        matches = [n for n in numbers if marked(seed_dom, "a", "speaker", n) == a["source"]["text"]
                   and speaker_of(seed_dom, "a", n) == main]
        assert matches, f"no mark for {a['source']['text']!r} resolved to {main!r}"
        n = matches[0]
        if a.get("cue"):
            assert marked(seed_dom, "a", "cue", n) == a["cue"]["text"]
        content, want = _words(marked(seed_dom, "a", "content", n)), _words(a["content"]["text"])
        assert len(content & want) / len(content | want) >= 0.5
    assert main in seed_dom.labels["a"]  # the resolved name is shown on the mention


def test_hostile_article_did_not_run_in_the_browser(browser, site):
    for name in ("hostile", "report"):
        dom = chromium.dump_dom(browser, site[name])
        page = parse(dom)
        assert not any(PWNED in attrs for _, attrs in page.attrs), f"a script ran in {name}"
        assert not {"script", "img", "iframe"} & set(page.tags), name
        if name == "hostile":
            shown = "".join(page.data)
            assert f"<script>document.body.setAttribute('{PWNED}','1')</script>" in shown
            assert "<img src=x onerror=" in shown and "<b>bien</b>" in shown


def test_screenshots(browser, site, tmp_path):
    for name in ("report", "seed"):
        assert_real_screenshot(chromium.screenshot(browser, site[name], tmp_path / f"{name}.png"))
    report_dom = parse(chromium.dump_dom(browser, site["report"]))
    assert report_dom.tags.count("svg") >= 4
    assert any(site["seed"].name in href for href in report_dom.hrefs)
