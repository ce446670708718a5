"""One article -> HTML with what was extracted highlighted, in the manner of spaCy's displaCy.

People check an extractor by reading articles with the extracted parts marked. Each statement's
content, cue and speaker mention, and the quantities and dates it carries, become `<mark>` elements
of distinct classes (colours in CSS below); the speaker mention carries the resolved speaker as a
label (displaCy's entity label) and in `data-speaker`; each content starts with a link `[n]` to
its row in the statement table, and each row links back.

Safety: the texts, titles and every table value are untrusted input. All of them go through
`html.escape` (attributes with quote=True); URLs become links only when they are http(s). The page
has no JavaScript and no external assets.

Where the marks come from: the statements table's offsets into `articles.text` (`start`/`end`,
`cue_start`/`cue_end`, `mention_start`/`mention_end`). Quantities and dates are stored with their
text but without offsets, so they are located as the occurrence of their text inside the content
(quantities) or the statement's sentence (dates). Tables written before the cue and mention offsets
existed (or CSV files edited by hand) only carry text: those are located as the occurrence nearest
to the content inside the sentence, else within a window around it. What cannot be found is still
listed in the table, just not highlighted.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any, NamedTuple

MARK_CLASSES = ("content", "cue", "speaker", "quantity", "date")
_SEARCH_WINDOW = 400  # characters around the content searched for a cue or mention outside its sentence

CSS = """
body { font-family: system-ui, sans-serif; margin: 1.5em auto; max-width: 72em; color: #222; padding: 0 1em; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 2.2em; border-top: 1px solid #ccc;
padding-top: .8em; }
.meta { color: #555; font-size: .9em; } .meta span { margin-right: 1.2em; }
.status-error { color: #a00; font-weight: bold; } .error { background: #fee; border-left: 4px solid #a00;
padding: .4em .8em; white-space: pre-wrap; }
.text { white-space: pre-wrap; line-height: 2.1; background: #fafafa; padding: .8em 1em;
border: 1px solid #eee; }
mark { padding: .15em 0; border-radius: 2px; color: inherit; }
mark.content { background: #fff3a8; border-bottom: 2px solid #e0c200; }
mark.date { background: #e6d0ff; } mark.quantity { background: #ffcf9e; }
mark.speaker { background: #c9f2c2; } mark.cue { background: #b9e4ff; font-weight: bold; }
mark .tag { font-size: .68em; font-weight: bold; line-height: 1; padding: .25em .4em; margin-left: .35em;
border-radius: 3px; background: #2e7d32; color: #fff; vertical-align: middle; white-space: nowrap; }
a.ref { font-size: .7em; vertical-align: super; text-decoration: none; color: #06c; margin-right: .1em; }
table { border-collapse: collapse; width: 100%; font-size: .88em; margin-top: .8em; }
th, td { border: 1px solid #ddd; padding: .25em .45em; vertical-align: top; text-align: left; }
th { background: #f0f0f0; } td.num { text-align: right; white-space: nowrap; }
tr:target { background: #fffbd6; }
.legend mark { margin-right: .8em; } .muted { color: #888; }
"""

LEGEND = ('<p class="legend"><mark class="speaker">speaker mention<span class="tag">resolved speaker</span>'
          '</mark> <mark class="cue">cue</mark> <mark class="content">statement</mark> '
          '<mark class="quantity">quantity</mark> <mark class="date">date</mark></p>')


class Mark(NamedTuple):
    """One highlighted range: `kind` is one of MARK_CLASSES, `number` the statement it belongs to,
    `note` what the mark resolves to (the speaker's name, a quantity's value, a date's day)."""

    start: int
    end: int
    kind: str
    number: int
    note: str = ""


# --------------------------------------------------------------------------- values from the tables
def clean(value: Any) -> Any:
    """pandas/numpy cells -> plain Python: NaN/NaT -> None, arrays -> lists, timestamps -> dates."""
    import pandas as pd

    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if isinstance(value, list):
        return [clean(v) for v in value]
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if value is None or pd.isna(value):
        return None
    if isinstance(value, datetime):
        return value.date() if value.time() == datetime.min.time() else value
    return value


def records(frame) -> list[dict]:
    """A DataFrame as a list of plain-Python row dicts."""
    return [{k: clean(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def esc(value: Any) -> str:
    """Escaped display text of any cell (safe in text and in quoted attributes); None -> empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return html.escape(f"{value:g}")
    if isinstance(value, date | datetime):
        return html.escape(value.isoformat())
    return html.escape(str(value), quote=True)


def number(value: float) -> str:
    """3000000.0 -> "3,000,000", 2025.0 -> "2025" (years and small counts read better bare), 0.5 -> "0.5"."""
    return f"{value:,.12g}" if abs(value) >= 10_000 else f"{value:.12g}"


def quantity_value(q: dict) -> str:
    """A quantity as a reader checks it: "≈ 3,000 comptes", "12–15 %"."""
    value = q.get("value")
    shown = "?" if value is None else number(value) if isinstance(value, int | float) else str(value)
    if isinstance(q.get("high"), int | float):
        shown += f"–{number(q['high'])}"
    return ("≈ " if q.get("approx") else "") + shown + (f" {q['unit']}" if q.get("unit") else "")


def date_value(d: dict) -> str:
    value = d.get("value")
    shown = value.isoformat() if isinstance(value, date) else str(value or "?")
    until = d.get("until")
    return shown + (f"/{until.isoformat() if isinstance(until, date) else until}" if until else "")


def statement_number(st: dict, default: int) -> int:
    """The n of `article_id:n` (text order, stable across pages), else `default`."""
    tail = str(st.get("statement_id") or "").rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else default


def article_label(art: dict) -> str:
    """What names an article: its title, else the start of its text, else its id."""
    if art.get("title"):
        return str(art["title"])
    text = " ".join((art.get("text") or "").split())
    if text:
        return text[:80] + ("…" if len(text) > 80 else "")
    return str(art.get("article_id") or "(untitled)")


# --------------------------------------------------------------------------- locating marks
def _occurrences(text: str, needle: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """Occurrences of `needle` in text[lo:hi], as whole words where the needle starts/ends with one."""
    left = r"(?<!\w)" if needle[:1].isalnum() else ""
    right = r"(?!\w)" if needle[-1:].isalnum() else ""
    for m in re.finditer(left + re.escape(needle) + right, text[lo:hi]):
        yield lo + m.start(), lo + m.end()


def _nearest(text: str, needle: str | None, around: tuple[int, int], bounds: Iterable[tuple[int, int]],
             avoid: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The occurrence of `needle` nearest to the `around` span, not overlapping `avoid`, searched in
    each of `bounds` in turn (the first bounds with an occurrence wins)."""
    if not needle or not needle.strip():
        return None
    a0, a1 = around

    def distance(span: tuple[int, int]) -> int:
        return max(0, a0 - span[1], span[0] - a1)

    for lo, hi in bounds:
        spans = [s for s in _occurrences(text, needle, max(0, lo), min(len(text), hi))
                 if not any(s[0] < e and b < s[1] for b, e in avoid)]
        if spans:
            return min(spans, key=distance)
    return None


def _sentence_bounds(text: str, st: dict) -> tuple[int, int] | None:
    sentence = st.get("sentence")
    start, end = st["start"], st["end"]
    if not sentence:
        return None
    lo = max(0, start - len(sentence))
    at = text.find(sentence, lo, end + len(sentence))
    while at != -1 and not (at <= start and end <= at + len(sentence)):
        at = text.find(sentence, at + 1, end + len(sentence))
    return (at, at + len(sentence)) if at != -1 else None


def _stored_span(text: str, st: dict, prefix: str, expected: str | None) -> tuple[int, int] | None:
    """The stored (prefix_start, prefix_end) span when it is valid and matches the stored text."""
    start, end = st.get(f"{prefix}_start"), st.get(f"{prefix}_end")
    if start is None or end is None:
        return None
    start, end = int(start), int(end)
    if not 0 <= start < end <= len(text) or (expected and text[start:end] != expected):
        return None
    return start, end


def _items(value: Any) -> list[dict]:
    """The quantities/dates list of a row (CSV keeps them as one string: nothing to locate)."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def locate_marks(text: str, st: dict, n: int = 1) -> list[Mark]:
    """The marks of one statement row in the article text: content, cue, speaker mention, and the
    quantities (inside the content) and dates (inside the sentence) it lists."""
    start, end = int(st["start"]), int(st["end"])
    if not 0 <= start < end <= len(text):
        return []
    content = (start, end)
    sentence = _sentence_bounds(text, st)
    bounds = [b for b in (sentence,) if b]
    bounds.append((start - _SEARCH_WINDOW, end + _SEARCH_WINDOW))
    cue = _stored_span(text, st, "cue", st.get("cue")) or _nearest(
        text, st.get("cue"), content, bounds, [content])
    speaker = _stored_span(text, st, "mention", st.get("speaker_mention")) or _nearest(
        text, st.get("speaker_mention"), content, bounds, [content] + ([cue] if cue else []))
    marks = [Mark(start, end, "content", n)]
    if cue:
        marks.append(Mark(*cue, "cue", n))
    if speaker:
        marks.append(Mark(*speaker, "speaker", n, str(st.get("speaker") or "")))
    taken: list[tuple[int, int]] = []
    for q in _items(st.get("quantities")):
        span = _nearest(text, q.get("text"), content, [content], taken)
        if span:
            taken.append(span)
            marks.append(Mark(*span, "quantity", n, quantity_value(q)))
    for d in _items(st.get("dates")):
        span = _nearest(text, d.get("text"), content, [sentence or content, content], taken)
        if span:
            taken.append(span)
            marks.append(Mark(*span, "date", n, date_value(d)))
    return marks


# --------------------------------------------------------------------------- rendering
def render_text(text: str, marks: list[Mark], anchor: str) -> str:
    """The article text, escaped, with <mark class="..."> over each marked range.

    Overlapping marks are flattened into segments carrying the union of their classes, so the HTML
    never nests or crosses tags. A segment's title says which statement each class comes from and
    what it resolves to ("5 content · 6 speaker: Coupang"); a speaker segment has the resolved
    speaker in `data-speaker` and, where the mention ends, as a label. Each content start gets a
    link to its statement row (`#<anchor>-s<n>`).
    """
    bounds = {0, len(text)}
    for m in marks:
        bounds.update((max(0, m.start), min(len(text), m.end)))
    cuts = sorted(bounds)
    starts: dict[int, list[int]] = defaultdict(list)
    for m in marks:
        if m.kind == "content":
            starts[m.start].append(m.number)
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for n in sorted(set(starts.get(a, []))):
            out.append(f'<a class="ref" href="#{anchor}-s{n}" id="{anchor}-t{n}">[{n}]</a>')
        covering = sorted({m for m in marks if m.start <= a and b <= m.end},
                          key=lambda m: (m.number, MARK_CLASSES.index(m.kind)))
        piece = html.escape(text[a:b])
        if not covering:
            out.append(piece)
            continue
        classes = sorted({m.kind for m in covering}, key=MARK_CLASSES.index)
        title = " · ".join(f"{m.number} {m.kind}" + (f": {m.note}" if m.note else "") for m in covering)
        resolved = [m for m in covering if m.kind == "speaker" and m.note]
        speakers = list(dict.fromkeys(m.note for m in resolved))
        attrs = f' data-speaker="{esc(" / ".join(speakers))}"' if speakers else ""
        # the label shows the resolved speaker where it says more than the mention ("Il" -> Coupang)
        ending = list(dict.fromkeys(m.note for m in resolved if m.end == b
                                    and m.note.casefold() not in text[m.start:m.end].casefold()))
        tag = f'<span class="tag">{esc(" / ".join(ending))}</span>' if ending else ""
        out.append(f'<mark class="{" ".join(classes)}" title="{esc(title)}"{attrs}>{piece}{tag}</mark>')
    return "".join(out)


def _quantities_cell(items: Any) -> str:
    if isinstance(items, str):  # CSV output keeps them as one readable string
        return esc(items)
    return "<br>".join(f"{esc(q.get('text'))} → {esc(quantity_value(q))}"
                       + (f' <span class="muted">{esc(q.get("kind"))}</span>' if q.get("kind") else "")
                       for q in _items(items))


def _dates_cell(items: Any) -> str:
    if isinstance(items, str):
        return esc(items)
    return "<br>".join(f"{esc(d.get('text'))} → {esc(date_value(d))}"
                       + (f' <span class="muted">{esc(d.get("granularity"))}</span>'
                          if d.get("granularity") else "")
                       for d in _items(items))


def _statement_table(numbered: list[tuple[int, dict]], anchor: str) -> str:
    head = ("<tr><th>#</th><th>speaker</th><th>label</th><th>mention</th><th>cue</th><th>kind</th>"
            "<th>statement</th><th>quantities</th><th>dates</th><th>confidence</th></tr>")
    rows = [head]
    for n, st in numbered:
        conf = st.get("confidence")
        rows.append(
            f'<tr id="{anchor}-s{n}"><td class="num"><a href="#{anchor}-t{n}">{n}</a></td>'
            f"<td>{esc(st.get('speaker'))}</td><td>{esc(st.get('speaker_label'))}</td>"
            f"<td>{esc(st.get('speaker_mention'))}</td><td>{esc(st.get('cue'))}</td>"
            f"<td>{esc(st.get('kind'))}</td><td>{esc(st.get('statement'))}</td>"
            f"<td>{_quantities_cell(st.get('quantities'))}</td><td>{_dates_cell(st.get('dates'))}</td>"
            f'<td class="num">{"" if conf is None else f"{float(conf):.2f}"}</td></tr>')
    return "<table>" + "".join(rows) + "</table>"


def numbered_statements(statements: list[dict]) -> list[tuple[int, dict]]:
    """(n, row) in text order, n being the statement's own number."""
    ordered = sorted(statements, key=lambda s: (s.get("start") or 0, s.get("end") or 0))
    return [(statement_number(st, i), st) for i, st in enumerate(ordered, start=1)]


def render_article(art: dict, statements: list[dict], anchor: str = "a", heading: str = "") -> str:
    """One article as a <section id=anchor>: metadata, status, highlighted text, statement table."""
    numbered = numbered_statements(statements)
    status = art.get("status") or "ok"
    meta = [("id", art.get("article_id")), ("language", art.get("language")), ("tier", art.get("tier")),
            ("model", art.get("model")), ("published", art.get("published")),
            ("source", art.get("source_path")), ("statements", len(statements))]
    parts = [f'<section id="{esc(anchor)}"><h2>{esc(heading)}{esc(article_label(art))}</h2>',
             '<div class="meta">']
    parts += [f"<span>{name}: {esc(value)}</span>" for name, value in meta if value is not None]
    parts.append(f'<span class="status-{esc(status)}">status: {esc(status)}</span>')
    url = art.get("url")
    if url:
        if re.match(r"https?://", str(url)):
            parts.append(f'<span><a href="{esc(url)}">{esc(url)}</a></span>')
        else:
            parts.append(f"<span>url: {esc(url)}</span>")
    parts.append("</div>")
    if art.get("error"):
        parts.append(f'<p class="error">{esc(art["error"])}</p>')
    text = art.get("text")
    if text:
        marks = [m for n, st in numbered for m in locate_marks(text, st, n)]
        parts.append(f'<div class="text">{render_text(text, marks, anchor)}</div>')
    else:
        parts.append('<p class="muted">(no text)</p>')
    if numbered:
        parts.append(_statement_table(numbered, anchor))
    parts.append("</section>")
    return "\n".join(parts)


def page(title: str, body: Iterable[str], css: str = CSS) -> str:
    """A complete, self-contained HTML document."""
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title><style>{css}</style></head>\n<body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def article_page(art: dict, statements: list[dict], *, back: str | None = None) -> str:
    """The highlighted page of one article; `back` is a relative link to the batch report."""
    head = [f'<p><a href="{esc(back)}">← report</a></p>'] if back else []
    return page(article_label(art), head + [LEGEND, render_article(art, statements, "a")])


def articles_page(articles: list[dict], statements: list[dict], *, title: str = "newsfacts") -> str:
    """Several articles in one page, with a table of contents (`newsfacts show FILE --html`)."""
    by_article: dict[Any, list[dict]] = defaultdict(list)
    for st in statements:
        by_article[st.get("article_id")].append(st)
    known = {a.get("article_id") for a in articles}
    # statements whose article row is missing are shown too, under a placeholder article
    every = articles + [{"article_id": k, "title": f"statements of article {k} (no article row)",
                         "status": "unknown"} for k in by_article if k not in known]
    n_err = sum(1 for a in articles if (a.get("status") or "ok") == "error")
    toc = []
    for i, art in enumerate(every, start=1):
        status = art.get("status") or "ok"
        flag = f' <span class="status-error">{esc(status)}</span>' if status != "ok" else ""
        toc.append(f'<li><a href="#a{i}">{esc(article_label(art))}</a> <span class="muted">'
                   f'{esc(art.get("language"))} · {len(by_article.get(art.get("article_id"), []))} '
                   f"statements</span>{flag}</li>")
    body = [f"<h1>{esc(title)}</h1>",
            f"<p>{len(articles)} articles ({n_err} with errors), {len(statements)} statements.</p>",
            LEGEND]
    if len(every) > 1:
        body.append("<ol>" + "".join(toc) + "</ol>")
    body += [render_article(art, by_article.get(art.get("article_id"), []), f"a{i}", f"{i}. ")
             for i, art in enumerate(every, start=1)]
    return page(title, body)
