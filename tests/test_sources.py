"""Reading and normalising articles: formats, headers, offsets back to the input."""

from __future__ import annotations

import json

import pytest

from pipeline import sources
from pipeline.sources import make_article, normalise


def _roundtrip_ok(raw: str, text: str, align) -> None:
    """Every normalised character maps back onto the same character in the input (spaces aside)."""
    for i, c in enumerate(text):
        j = align.to_input(i)
        assert 0 <= j < len(raw)
        if c not in " \n":
            assert raw[j] == c or raw[j:j + 2] in ("e\u0301",), (i, c, j, raw[j])


@pytest.mark.parametrize("raw, expected", [
    ("contact.L’entreprise a indiqué", "contact. L’entreprise a indiqué"),
    ("Corée du Sud.De son côté", "Corée du Sud. De son côté"),
    ("à Tours , Saint-Avertin ( Indre-et-Loire ) .", "à Tours, Saint-Avertin (Indre-et-Loire)."),
    ("l’ Agence France-Presse", "l’Agence France-Presse"),
    ("3\u00a0000 et 3\u202f000 euros", "3 000 et 3 000 euros"),
    ("Cafe\u0301 au lait", "Café au lait"),
    ("a\u200bb\u00adc", "abc"),
    ("line one\r\nline two", "line one\nline two"),
    ("U.S. officials and www.example.com stay", "U.S. officials and www.example.com stay"),
])
def test_normalise(raw, expected):
    text, align = normalise(raw)
    assert text == expected
    _roundtrip_ok(raw, text, align)


def test_span_back_to_input():
    raw = "  Il a dit.L’entreprise a\u00a0indiqué que 3\u202f000 comptes ont fui."
    text, align = normalise(raw)
    start = text.index("3 000 comptes")
    s, e = align.span_to_input(start, start + len("3 000 comptes"))
    assert raw[s:e] == "3\u202f000 comptes"


def test_seed_header_and_offsets(corpus_dir):
    raw = (corpus_dir / "fr" / "seed-000_7b3a8ad300d317d9.txt").read_text(encoding="utf-8")
    art = make_article(raw, path="seed.txt")
    assert art.ok and str(art.published) == "2025-12-24" and art.credit == "YONHAP News"
    assert art.text.startswith("Alors que")
    assert "contact. L’entreprise" in art.text
    _roundtrip_ok(raw, art.text, art.alignment)


def test_title_date_block():
    art = make_article("Title: Un titre\nDate: 2025-11-14\n\nLe corps du texte.", path="x.txt")
    assert (art.title, str(art.published), art.text) == ("Un titre", "2025-11-14", "Le corps du texte.")


def test_readers(tmp_path):
    (tmp_path / "a.txt").write_text("Date: 2025-01-02\n\nBonjour le monde.", encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"id": "b1", "text": "Hello world.", "lang": "en"}))
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"id": "c1", "text": "One."}) + "\n" + json.dumps({"id": "c2", "text": "Two."}) + "\n")
    (tmp_path / "d.html").write_text(
        "<html><head><title>Page title</title></head><body><article><p>"
        + "Le maire a annoncé mardi un nouveau plan pour les écoles de la ville. " * 5
        + "</p></article></body></html>", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes(
        "Le maire a déclaré mardi que le café coûte désormais 3 € à Montréal. « C'est très cher », "
        "a-t-il ajouté. Les élèves étaient déçus.".encode("cp1252"))
    arts = {a.id: a for a in sources.read_paths([tmp_path])}
    by_path = {a.path.split("/")[-1]: a for a in arts.values()}
    assert all(a.ok for a in arts.values()), [a.error for a in arts.values()]
    assert arts["b1"].lang_hint == "en" and "c1" in arts and "c2" in arts
    assert by_path["c.jsonl#2"].id == "c2"
    assert by_path["d.html"].title == "Page title" and "nouveau plan" in by_path["d.html"].text
    assert "café coûte désormais 3 €" in by_path["latin1.txt"].text


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"   \n\n  ", "empty file"),
    ("binary.txt", bytes(range(256)) * 40, "binary"),
    ("image.json", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(500), "binary"),
    ("bad.json", b"{\"text\": \"unterminated", "invalid JSON"),
    ("notext.json", b"{\"title\": \"no body\"}", "no \"text\""),
    ("page.html", b"<html><body><nav>Menu</nav></body></html>", "no article text"),
    ("notes.docx", b"PK\x03\x04 whatever", "unsupported file type"),
])
def test_bad_files_become_error_articles(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    arts = list(sources.read_file(path))
    assert len(arts) == 1 and not arts[0].ok
    assert message in arts[0].error


def test_too_long_text_is_an_error(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("Le texte est long. " * 1_100_000, encoding="utf-8")  # ~20 MB
    (art,) = sources.read_file(path)
    assert not art.ok and "too long" in art.error


def test_malformed_jsonl_line_keeps_the_others(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "ok1", "text": "Premier article."}\n{broken\n{"id": "ok2", "text": "Second."}\n')
    arts = list(sources.read_file(path))
    assert [a.ok for a in arts] == [True, False, True]
    assert "line 2" in arts[1].error and arts[1].path.endswith("#2")
