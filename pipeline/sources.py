"""Read article files into `Article` records, and normalise their text with an alignment.

Every input path yields records: an `Article` when the text could be read, or an `Article`
with `error` set (and empty text) when it could not, so that nothing is dropped silently.
Supported: .txt (optional header lines), .json (one article), .jsonl (one article per line),
.html/.htm (trafilatura). Bytes are decoded with charset-normalizer.

Normalisation keeps an `Alignment` from the normalised text back to the input text, so that
tables can use offsets into the normalised text while `newsfacts predict` reports offsets
into the text the gold was annotated on.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import stat
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

SUFFIXES = {".txt": "txt", ".text": "txt", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
            ".html": "html", ".htm": "html"}
MAX_ARTICLE_CHARS = 1_000_000  # ~ 150,000 words: far beyond any news article, and spaCy's nlp.max_length
MAX_FILE_BYTES = 200_000_000
BUDGET_ENV = "NEWSFACTS_TIME_BUDGET"  # the per-article time budget (runner.time_budget), for workers too
MIN_HTML_WORDS = 5  # only for .jsonl; other formats hold one article


@dataclass
class Article:
    """One article as read from its source; `text` is already normalised."""

    id: str
    path: str
    text: str = ""
    raw_text: str = ""
    alignment: Alignment | None = None
    title: str | None = None
    published: date | None = None
    lang_hint: str | None = None
    url: str | None = None
    credit: str | None = None
    encoding: str | None = None
    error: str | None = None
    meta: dict = field(default_factory=dict)
    date_anchor: str = "none"  # what gave `published`: header, json, html, option (--reference-date), none

    @property
    def ok(self) -> bool:
        return self.error is None


# --------------------------------------------------------------------------- alignment
class Alignment:
    """Maps offsets in a normalised text back to the input text.

    Stored as breakpoints: from `out[i]` on, output offset o maps to `inp[i] + (o - out[i])`,
    and `fixed[i]` marks inserted characters that all map to one input offset.
    """

    def __init__(self, out_starts: list[int], in_starts: list[int], fixed: list[bool], in_len: int):
        self.out_starts, self.in_starts, self.fixed, self.in_len = out_starts, in_starts, fixed, in_len

    @classmethod
    def identity(cls, n: int) -> Alignment:
        return cls([0], [0], [False], n)

    def to_input(self, offset: int) -> int:
        i = bisect_right(self.out_starts, offset) - 1
        if i < 0:
            return 0
        if self.fixed[i]:
            return self.in_starts[i]
        return min(self.in_starts[i] + offset - self.out_starts[i], self.in_len)

    def span_to_input(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            s = self.to_input(start)
            return s, s
        return self.to_input(start), self.to_input(end - 1) + 1


def _apply_edits(text: str, align: Alignment, edits: list[tuple[int, int, str]]) -> tuple[str, Alignment]:
    """Apply sorted, non-overlapping (start, end, replacement) edits and compose the alignment."""
    if not edits:
        return text, align
    parts: list[str] = []
    out_starts: list[int] = []
    in_starts: list[int] = []
    fixed: list[bool] = []
    pos = 0
    out = 0

    def keep(a: int, b: int) -> None:
        nonlocal out
        if b <= a:
            return
        # copy the breakpoints of the old alignment that fall inside [a, b)
        i = max(bisect_right(align.out_starts, a) - 1, 0)
        first = True
        while i < len(align.out_starts) and align.out_starts[i] < b:
            seg_start = max(align.out_starts[i], a)
            if first or align.out_starts[i] >= a:
                shift = seg_start - align.out_starts[i]
                out_starts.append(out + seg_start - a)
                in_starts.append(align.in_starts[i] + (0 if align.fixed[i] else shift))
                fixed.append(align.fixed[i])
            first = False
            i += 1
        parts.append(text[a:b])
        out += b - a

    for start, end, repl in edits:
        keep(pos, start)
        if repl:
            target = align.to_input(start) if start < len(text) else align.in_len
            if end - start == len(repl):
                # same length (e.g. a space for a no-break space): keep it positional
                out_starts.append(out)
                in_starts.append(target)
                fixed.append(False)
            else:
                out_starts.append(out)
                in_starts.append(target)
                fixed.append(True)
            parts.append(repl)
            out += len(repl)
        pos = end
    keep(pos, len(text))
    if not out_starts:
        out_starts, in_starts, fixed = [0], [align.in_len], [True]
    return "".join(parts), Alignment(out_starts, in_starts, fixed, align.in_len)


def _regex_edits(pattern: re.Pattern, text: str, repl) -> list[tuple[int, int, str]]:
    edits = []
    for m in pattern.finditer(text):
        new = repl(m) if callable(repl) else m.expand(repl)
        if new != m.group(0):
            edits.append((m.start(), m.end(), new))
    return edits


_SPACES = re.compile(r"[\u00a0\u202f\u2007\u2009\u200a\u2002-\u2006\u2008\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029")
_MULTISPACE = re.compile(r"(?<=\S) {2,}(?=\S)")
_TRAILING = re.compile(r"[ ]+(?=\n)|(?<=\n)[ ]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")
# "contact.L’entreprise", "Sud.De": a lowercase word (2+ letters) or a closing bracket/quote,
# a sentence-final mark, then an uppercase letter starting a lowercase word.
_GLUED_SENTENCE = re.compile(r"(?:(?<=[^\W\d_A-ZÀ-Þ]{2})|(?<=[)»”\"]))([.!?])"
                             r"(?=[A-ZÀ-ÖØ-ÞĀ-Ž](?:[^\W\d_A-ZÀ-Þ]|[’'][^\W\d_]))")
# "Paris , Saint-Denis ( Seine )", "l’ Agence": tokeniser residue.
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=[\w)\]]) +(?=[,.)\]](?:\s|$))|(?<=[(\[]) +(?=\w)|(?<=\w[’']) +(?=\w)")


def normalise(text: str) -> tuple[str, Alignment]:
    """Return the normalised text and its alignment back to `text`.

    NFC; unusual spaces become spaces; invisible characters go; newlines are unified; a space is
    added where a sentence ends without one; spaces before , . ) and after ( are removed; runs of
    spaces are collapsed and the text is stripped.
    """
    align = Alignment.identity(len(text))
    if not unicodedata.is_normalized("NFC", text):
        text, align = _nfc(text, align)
    text, align = _apply_edits(text, align, _regex_edits(_NEWLINES, text, "\n"))
    text, align = _apply_edits(text, align, _regex_edits(_INVISIBLE, text, ""))
    text, align = _apply_edits(text, align, _regex_edits(_SPACES, text, " "))
    text, align = _apply_edits(text, align, _regex_edits(_GLUED_SENTENCE, text, r"\1 "))
    text, align = _apply_edits(text, align, _regex_edits(_SPACE_BEFORE_PUNCT, text, ""))
    text, align = _apply_edits(text, align, _regex_edits(_MULTISPACE, text, " "))
    text, align = _apply_edits(text, align, _regex_edits(_TRAILING, text, ""))
    text, align = _apply_edits(text, align, _regex_edits(_MANY_NEWLINES, text, "\n\n"))
    stripped = text.strip()
    if stripped != text:
        lead = len(text) - len(text.lstrip())
        edits = []
        if lead:
            edits.append((0, lead, ""))
        trail = len(text.rstrip())
        if trail < len(text):
            edits.append((trail, len(text), ""))
        text, align = _apply_edits(text, align, edits)
    return text, align


def _nfc(text: str, align: Alignment) -> tuple[str, Alignment]:
    """NFC per starter-led cluster, so that each composed character maps to its cluster start."""
    edits = []
    i = 0
    n = len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        chunk = text[i:j]
        composed = unicodedata.normalize("NFC", chunk)
        if composed != chunk:
            edits.append((i, j, composed))
        i = j
    return _apply_edits(text, align, edits)


# --------------------------------------------------------------------------- headers
_HEADER_KEYS = {"title": "title", "titre": "title", "date": "date", "published": "date",
                "lang": "lang", "language": "lang", "langue": "lang", "source": "source",
                "url": "url", "author": "author", "auteur": "author", "id": "id"}
_KEY_LINE = re.compile(r"^\s*([A-Za-z][\w-]{1,20})\s*:\s*(.*\S)?\s*$")
# the seed's glued metadata line: "date 2025-12-24 Photo : YONHAP News"
_DATE_LINE = re.compile(r"^\s*(?:date|dated?|publié le|published)\s*:?\s*(\d{4}-\d{2}-\d{2})(?:[T ][\d:]+)?"
                        r"(?:\s+(?:Photo|Crédit|Credit|Source)\s*:\s*(?P<credit>.+?))?\s*$", re.I)


def parse_header(text: str) -> tuple[dict, int]:
    """Find metadata lines at the top of a text: a `Key: value` block or a `date YYYY-MM-DD` line.

    Returns the metadata and the offset where the body starts (0 when there is no header).
    """
    meta: dict = {}
    pos = 0
    lines = text.split("\n")
    consumed = 0
    for line in lines[:12]:
        m = _DATE_LINE.match(line)
        k = _KEY_LINE.match(line) if not m else None
        if m:
            meta["date"] = m.group(1)
            if m.group("credit"):
                meta["credit"] = m.group("credit")
        elif k and k.group(1).lower() in _HEADER_KEYS and (k.group(2) or "") and len(line) < 300:
            meta[_HEADER_KEYS[k.group(1).lower()]] = k.group(2).strip()
        elif not line.strip() and meta:
            consumed += 1
            pos += len(line) + 1
            break
        elif not line.strip() and not meta:
            consumed += 1
            pos += len(line) + 1
            continue
        else:
            break
        consumed += 1
        pos += len(line) + 1
    if not meta:
        return {}, 0
    return meta, min(pos, len(text))


def parse_date(value) -> date | None:
    """Dates from headers and JSON fields: ISO-like and "24.12.2025" first (strict), then any
    written date dateparser reads ("3 mars 2026", "Tue, 3 Mar 2026 08:00:00 +0100")."""
    if value is None:
        return None
    if isinstance(value, date):
        return value
    m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", str(value))
    if not m:
        m2 = re.match(r"\s*(\d{1,2})[./](\d{1,2})[./](\d{4})", str(value))
        if not m2:
            return _written_date(str(value))
        d, mo, y = (int(x) for x in m2.groups())
    else:
        y, mo, d = (int(x) for x in m.groups())
    try:
        return date(y, mo, d)
    except ValueError:
        return None


_PROBES = (datetime(2001, 3, 14), datetime(2013, 9, 27))


def _written_date(value: str) -> date | None:
    """A header date in words, through dateparser, only when it names its year and reads the same
    against two reference days (so "yesterday" or "Tuesday" never becomes the day of the run)."""
    if len(value) > 80 or not re.search(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)", value):
        return None
    try:
        import dateparser
    except ImportError:
        return None
    days = set()
    for probe in _PROBES:
        settings = {"RELATIVE_BASE": probe, "REQUIRE_PARTS": ["day", "month", "year"]}
        try:
            got = dateparser.parse(value, settings=settings)
        except Exception:  # noqa: BLE001 - a header we cannot read is no date, not a failed article
            return None
        days.add(got.date() if got else None)
    day = days.pop() if len(days) == 1 else None
    return day


def reference_date() -> date | None:
    """The `--reference-date` of this run (extract/ingest set NEWSFACTS_REFERENCE_DATE)."""
    return parse_date(os.environ.get("NEWSFACTS_REFERENCE_DATE") or None)


# --------------------------------------------------------------------------- safe strings
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Lone surrogates (a JSON "\\ud800") become U+FFFD, one for one, so offsets do not move:
    no table writer (Arrow, Parquet, SQLite, UTF-8 files) can take them."""
    return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value


def display_path(path: str | Path) -> str:
    """A file name as valid UTF-8 text: undecodable bytes are shown as \\xNN (the name on disk is
    unchanged; this is the name the tables and the manifest store)."""
    text = str(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogateescape") if not _lone(text) else None
        return raw.decode("utf-8", "backslashreplace") if raw is not None else clean_text(text)


def _lone(text: str) -> bool:
    """Surrogates that are not the escapes of undecodable file-name bytes (U+DC80..U+DCFF)."""
    return any(0xD800 <= ord(c) <= 0xDFFF and not 0xDC80 <= ord(c) <= 0xDCFF for c in text)


def _field(rec: dict, name: str, *, numbers: bool = False) -> str | None:
    """A metadata field of a JSON record as text or None; anything else is an error naming it."""
    value = rec.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return clean_text(value)
    if numbers and isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    kinds = "a string or a number" if numbers else "a string"
    raise ValueError(f"field {name!r} must be {kinds}, got {type(value).__name__} {_preview(value)}")


def _preview(value) -> str:
    text = json.dumps(value, ensure_ascii=True, default=str)
    return text if len(text) <= 40 else text[:37] + "..."


# --------------------------------------------------------------------------- building articles
def text_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def make_article(raw_text: str, *, path: str, id: str | None = None, title: str | None = None,
                 published=None, lang: str | None = None, url: str | None = None,
                 encoding: str | None = None, strip_header: bool = True, date_from: str = "json") -> Article:
    """Normalise a text into an Article; header lines at its top fill missing metadata.

    `date_from` names where `published` came from (json, html); a header date comes next, then
    the run's `--reference-date`; `date_anchor` records which one anchored the article."""
    path = display_path(path)
    raw_text = clean_text(raw_text)
    id, title, url, lang = (clean_text(str(v)) if v is not None else None for v in (id, title, url, lang))
    if len(raw_text) > MAX_ARTICLE_CHARS:
        return Article(id=id or text_id(raw_text[:10000]), path=path, encoding=encoding, error=(
            f"article text is too long ({len(raw_text):,} characters, limit {MAX_ARTICLE_CHARS:,}); "
            "is this really one article? Split it into one file per article or a .jsonl"))
    meta, body_start = parse_header(raw_text) if strip_header else ({}, 0)
    body, align = normalise(raw_text[body_start:])
    if body_start:
        align = Alignment([o for o in align.out_starts], [i + body_start for i in align.in_starts],
                          align.fixed, len(raw_text))
    if not body.strip():
        return Article(id=id or text_id(raw_text), path=path, raw_text=raw_text, encoding=encoding,
                       error="no article text: the file holds only whitespace or header lines")
    day, anchor = _anchor(published, date_from, meta)
    return Article(
        id=str(id) if id not in (None, "") else text_id(body),
        path=path, text=body, raw_text=raw_text, alignment=align,
        title=title or meta.get("title"), published=day,
        lang_hint=(lang or meta.get("lang") or None), url=url or meta.get("url"),
        credit=meta.get("credit"), encoding=encoding, meta=meta, date_anchor=anchor,
    )


def _anchor(published, date_from: str, meta: dict) -> tuple[date | None, str]:
    """The publication date and what gave it: the record's field, the header, the option, or none."""
    for day, anchor in ((published, date_from), (meta.get("date"), "header")):
        parsed = parse_date(day)
        if parsed is not None:
            return parsed, anchor
    ref = reference_date()
    return (ref, "option") if ref is not None else (None, "none")


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text; raise ValueError with a readable message when they are not text."""
    if not data.strip():
        raise ValueError("empty file: it holds no text (0 bytes or only whitespace)")
    if b"\x00" in data[:8192] and data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise ValueError("binary file (contains NUL bytes): not a text article")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    western = _western(data) if best is None or best.encoding not in COMMON_ENCODINGS else None
    if western is not None:
        return western
    if best is None:
        raise ValueError("cannot decode the file as text (not UTF-8, and no other encoding fits)")
    text = str(best)
    controls = sum(1 for c in text[:5000]
                   if unicodedata.category(c) in ("Cc", "Co", "Cn") and c not in "\n\r\t")
    if controls > 50:
        raise ValueError(f"looks binary: decoding as {best.encoding} gives control characters")
    return text, best.encoding


# charset-normalizer's guesses that we keep as they are; another guess (cp775, cp1250, mac_roman
# for a short French text) gives way to cp1252/Latin-1 when that reads as clean Latin-script text.
COMMON_ENCODINGS = {"ascii", "utf_8", "cp1252", "latin_1", "iso8859_15", "utf_16", "utf_16_le", "utf_16_be",
                    "utf_32", "big5", "gb18030", "gb2312", "shift_jis", "cp932", "euc_jp", "euc_kr", "cp949",
                    "koi8_r", "cp1251", "iso8859_5", "cp1256", "iso8859_6", "cp1253", "iso8859_7",
                    "cp1255", "iso8859_8", "tis_620", "cp874", "cp1254", "iso8859_9"}


def _western(data: bytes) -> tuple[str, str] | None:
    """The bytes as cp1252 (else Latin-1) when that gives Latin-script text with no mojibake.

    charset-normalizer picks a rare code page for short Western texts ("Café fermé." -> cp775
    "Cafķ fermķ."); its maintainers leave short inputs to the caller. Mojibake here: a control
    character, a letter of another script, or a symbol glued to a letter ("Pøíli¹" is Czech
    cp1250 read as cp1252): then the other guess stands.
    """
    for codec in ("cp1252", "latin_1"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        letters = {c for c in text if ord(c) > 0x7F and c.isalpha()}
        if not _MOJIBAKE.search(text) and all(unicodedata.name(c, "").startswith("LATIN") for c in letters):
            return text, codec
    return None


# a C1 control, or a non-letter of the Latin-1 range next to a letter ("¹", "¾", "»" inside a word)
_MOJIBAKE = re.compile(r"[\x80-\x9f]|(?<=[^\W\d_])[\xa1-\xbf\xd7\xf7](?=[^\W\d_])|"
                       r"(?<=[^\W\d_])[\xa2-\xa6\xa8-\xaa\xac-\xaf\xb2-\xb9\xbc-\xbe]|"
                       r"[\xa2-\xa6\xa8-\xaa\xac-\xaf\xb2-\xb9\xbc-\xbe](?=[^\W\d_])")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text with no byte-order mark: in Latin-script text one byte of each pair is nearly
    always 0 and the other nearly never (other scripts without a BOM stay "binary")."""
    head = data[:8192] if len(data) % 2 == 0 else data[:8191]
    even, odd = head[0::2], head[1::2]
    if len(head) < 16:
        return None
    for codec, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) > 0.7 * len(zeros) and other.count(0) < 0.02 * len(other):
            try:
                text = data[:len(data) - len(data) % 2].decode(codec)
            except UnicodeDecodeError:
                continue
            if sum(1 for c in text[:5000] if unicodedata.category(c) in ("Cc", "Cs", "Cn")
                   and c not in "\n\r\t") < 5:
                return text, codec
    return None


def _error(path: str, message: str, id: str | None = None) -> Article:
    path = display_path(path)
    id = clean_text(str(id)) if isinstance(id, str | int) and not isinstance(id, bool) and id != "" else None
    return Article(id=id or text_id(path), path=path, error=clean_text(message))


def read_txt(path: Path) -> Iterator[Article]:
    text, enc = decode(path.read_bytes())
    yield make_article(text, path=str(path), encoding=enc)


def _from_record(rec: dict, path: str, encoding: str | None) -> Article:
    if not isinstance(rec, dict):
        raise ValueError(f"expected a JSON object with a \"text\" field, got {type(rec).__name__}")
    text = rec.get("text") or rec.get("body") or rec.get("content")
    if not isinstance(text, str):
        raise ValueError("JSON record has no \"text\" string field (also tried \"body\", \"content\")")
    fields = {name: _field(rec, name, numbers=name in ("id", "title"))
              for name in ("id", "title", "url", "lang", "date", "published")}
    return make_article(text, path=path, id=fields["id"], title=fields["title"],
                        published=fields["date"] or fields["published"], lang=fields["lang"],
                        url=fields["url"], encoding=encoding)


def read_json(path: Path) -> Iterator[Article]:
    text, enc = decode(path.read_bytes())
    try:
        rec = json.loads(text)
    except json.JSONDecodeError as e:
        raise ValueError(f"invalid JSON: {e.msg} at line {e.lineno} column {e.colno}") from None
    yield _from_record(rec, str(path), enc)


def read_jsonl(path: Path) -> Iterator[Article]:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ValueError(f"file too large ({path.stat().st_size:,} bytes)")
    text, enc = decode(path.read_bytes())
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}#{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield _error(where, f"line {n}: invalid JSON ({e.msg} at column {e.colno})")
            continue
        try:
            yield _from_record(rec, where, enc)
        except ValueError as e:
            yield _error(where, f"line {n}: {e}", id=rec.get("id") if isinstance(rec, dict) else None)


def read_html(path: Path) -> Iterator[Article]:
    import trafilatura

    html, enc = decode(path.read_bytes())
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or len(body.split()) < MIN_HTML_WORDS:  # trafilatura falls back to menus and footers
        raise ValueError("HTML page with no article text (trafilatura found no main content)")
    yield make_article(body, path=str(path), title=getattr(doc, "title", None),
                       published=getattr(doc, "date", None), url=getattr(doc, "url", None), encoding=enc,
                       date_from="html")


READERS = {"txt": read_txt, "json": read_json, "jsonl": read_jsonl, "html": read_html}


def discover(paths: Iterable[str | Path], *, follow_symlinks: bool = False) -> Iterator[Path]:
    """Files under the given paths, recursively, in a stable order; hidden files are skipped.

    Each file once, however often it is named (directly and through its folder). In folders,
    special files (FIFOs, sockets), broken symlinks and symlinks leading outside the folder are
    skipped unless `follow_symlinks`; a path named directly is always yielded (its reader says
    what is wrong with it)."""
    done: set[str] = set()
    for p in paths:
        p = Path(p)
        if p.is_dir():
            root = p.resolve()
            found = [f for f in sorted(p.rglob("*"))
                     if not any(part.startswith(".") for part in f.relative_to(p).parts)]
            real = {os.path.realpath(f) for f in found if not f.is_symlink() and f.is_file()}
            for f in found:
                if f.is_symlink() and (os.path.realpath(f) in real  # the file itself is read
                                       or not (follow_symlinks or _inside(f, root))):
                    continue
                if f.is_file() and _once(f, done):
                    yield f
        elif _once(p, done):
            yield p


def _inside(link: Path, root: Path) -> bool:
    try:
        return link.resolve(strict=True).is_relative_to(root)
    except (OSError, RuntimeError):  # broken, or a loop
        return False


def _once(path: Path, done: set[str]) -> bool:
    key = os.path.realpath(path)
    if key in done:
        return False
    done.add(key)
    return True


def _special(path: Path) -> str | None:
    """Why a path named directly is not a readable file (a broken symlink, a loop, a FIFO)."""
    if path.is_symlink():
        try:
            path.resolve(strict=True)
        except RuntimeError:
            return "symlink loop: the link points back to itself"
        except OSError as e:
            if e.errno == errno.ELOOP:
                return "symlink loop: the link points back to itself"
            return f"broken symlink: its target {os.readlink(path)!r} does not exist"
    try:
        mode = path.stat().st_mode
    except OSError as e:
        return "symlink loop" if e.errno == errno.ELOOP else f"file not found ({e.strerror})"
    if not stat.S_ISREG(mode):
        return "not a regular file (a FIFO, socket or device): not read"
    return None


def read_file(path: Path) -> Iterator[Article]:
    """Articles of one file; any problem becomes an error Article naming the file and the cause."""
    kind = SUFFIXES.get(path.suffix.lower())
    if not path.exists() and not path.is_symlink():
        yield _error(str(path), "file not found")
        return
    problem = _special(path)
    if problem:
        yield _error(str(path), problem)
        return
    if kind is None:
        yield _error(str(path), f"unsupported file type {path.suffix or '(no extension)'!r}; "
                     f"expected one of {', '.join(sorted(SUFFIXES))}")
        return
    try:
        yield from READERS[kind](path)
    except (ValueError, OSError) as e:
        yield _error(str(path), str(e))
    except Exception as e:  # a parser crash on one file must not stop the batch
        yield _error(str(path), f"could not read the file ({type(e).__name__}: {e})")


def read_paths(paths: Iterable[str | Path], *, follow_symlinks: bool = False) -> Iterator[Article]:
    for f in discover(paths, follow_symlinks=follow_symlinks):
        yield from read_file(f)
