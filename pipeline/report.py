"""`newsfacts report`: one self-contained HTML page for reviewing extracted statements.

For reviewers and fact-checkers: per article, its metadata and status (error articles are listed
with their message, nothing is dropped), the normalised text with every statement highlighted
(content, cue and speaker mention as <mark> elements of different classes, each content linked
to its row) and a table of the statements with their quantities and dates.

The page has no external assets and no JavaScript, so it can be mailed or archived as is. Every
value that comes from an article or the tables goes through `html.escape`: the texts are
untrusted input.

Marks use the offsets into `articles.text` stored in the statements table (`start`/`end`,
`cue_start`/`cue_end`, `mention_start`/`mention_end`). Tables written before the cue and mention
offsets existed (or CSV files edited by hand) only carry their text: those are located again, as
the occurrence nearest to the content inside the statement's sentence, else within a window around
it. A mention that cannot be found is still shown in the table, just not highlighted.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from . import table

MARK_CLASSES = ("content", "cue", "speaker")
_SEARCH_WINDOW = 400  # characters around the content searched for a cue or mention outside its sentence

CSS = """
body { font-family: system-ui, sans-serif; margin: 1.5em auto; max-width: 72em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 2.2em; border-top: 1px solid #ccc;
padding-top: .8em; }
.meta { color: #555; font-size: .9em; } .meta span { margin-right: 1.2em; }
.status-error { color: #a00; font-weight: bold; } .error { background: #fee; border-left: 4px solid #a00;
padding: .4em .8em; white-space: pre-wrap; }
.text { white-space: pre-wrap; line-height: 1.6; background: #fafafa; padding: .8em 1em;
border: 1px solid #eee; }
mark { padding: 0 .05em; border-radius: 2px; }
mark.content { background: #fff3a8; } mark.cue { background: #b9e4ff; font-weight: bold; }
mark.speaker { background: #c9f2c2; text-decoration: underline; }
mark.content.cue, mark.content.speaker { outline: 1px dotted #888; }
a.ref { font-size: .7em; vertical-align: super; text-decoration: none; color: #06c; }
table { border-collapse: collapse; width: 100%; font-size: .88em; margin-top: .8em; }
th, td { border: 1px solid #ddd; padding: .25em .45em; vertical-align: top; text-align: left; }
th { background: #f0f0f0; } td.num { text-align: right; white-space: nowrap; }
.legend mark { margin-right: .8em; } .muted { color: #888; }
"""


# --------------------------------------------------------------------------- values from the tables
def _clean(value: Any) -> Any:
    """pandas/numpy cells -> plain Python: NaN/NaT -> None, arrays -> lists, timestamps -> dates."""
    import pandas as pd

    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if value is None or pd.isna(value):
        return None
    if isinstance(value, datetime):
        return value.date() if value.time() == datetime.min.time() else value
    return value


def _records(frame) -> list[dict]:
    return [{k: _clean(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def _text(value: Any) -> str:
    """Escaped display text of any cell; None -> empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return html.escape(f"{value:g}")
    if isinstance(value, date | datetime):
        return html.escape(value.isoformat())
    return html.escape(str(value))


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


def locate_marks(text: str, st: dict) -> dict[str, tuple[int, int] | None]:
    """Character spans of a statement's content, cue and speaker mention in the article text."""
    start, end = int(st["start"]), int(st["end"])
    content = (start, end) if 0 <= start < end <= len(text) else None
    if content is None:
        return {"content": None, "cue": None, "speaker": None}
    bounds = [b for b in (_sentence_bounds(text, st),) if b]
    bounds.append((start - _SEARCH_WINDOW, end + _SEARCH_WINDOW))
    cue = _stored_span(text, st, "cue", st.get("cue")) or _nearest(
        text, st.get("cue"), content, bounds, [content])
    speaker = _stored_span(text, st, "mention", st.get("speaker_mention")) or _nearest(
        text, st.get("speaker_mention"), content, bounds, [content] + ([cue] if cue else []))
    return {"content": content, "cue": cue, "speaker": speaker}


# --------------------------------------------------------------------------- rendering
def render_text(text: str, marks: list[tuple[int, int, str, int]], anchor: str) -> str:
    """The article text, escaped, with <mark class="..."> over each marked range.

    `marks` are (start, end, class, statement number). Overlapping marks are flattened into
    segments carrying the union of their classes, so the HTML never nests or crosses tags; the
    title says which statement each class comes from ("5 content · 6 cue"), and each content start
    gets a link to its statement row.
    """
    bounds = {0, len(text)}
    for s, e, _, _ in marks:
        bounds.update((max(0, s), min(len(text), e)))
    cuts = sorted(bounds)
    starts: dict[int, list[int]] = defaultdict(list)
    for s, _, cls, n in marks:
        if cls == "content":
            starts[s].append(n)
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for n in starts.get(a, []):
            out.append(f'<a class="ref" href="#{anchor}-{n}" id="{anchor}-t{n}">[{n}]</a>')
        covering = sorted({(n, cls) for s, e, cls, n in marks if s <= a and b <= e},
                          key=lambda x: (x[0], MARK_CLASSES.index(x[1])))
        piece = html.escape(text[a:b])
        if covering:
            classes = sorted({cls for _, cls in covering}, key=MARK_CLASSES.index)
            title = " · ".join(f"{n} {cls}" for n, cls in covering)  # e.g. "5 content · 6 cue"
            out.append(f'<mark class="{" ".join(classes)}" title="{title}">{piece}</mark>')
        else:
            out.append(piece)
    return "".join(out)


def _number(value: float) -> str:
    """3000000.0 -> "3,000,000", 2025.0 -> "2025" (years and small counts read better bare), 0.5 -> "0.5"."""
    return f"{value:,.12g}" if abs(value) >= 10_000 else f"{value:.12g}"


def _label(art: dict) -> str:
    """What names an article in the page: its title, else the start of its text, else its id."""
    if art.get("title"):
        return str(art["title"])
    text = " ".join((art.get("text") or "").split())
    if text:
        return text[:80] + ("…" if len(text) > 80 else "")
    return str(art.get("article_id") or "(untitled)")


def _quantities(items: Any) -> str:
    if isinstance(items, str):  # CSV output keeps them as one readable string
        return _text(items)
    parts = []
    for q in items or []:
        value = q.get("value")
        shown = "?" if value is None else _number(value) if isinstance(value, int | float) else str(value)
        unit = f" {q['unit']}" if q.get("unit") else ""
        approx = "≈ " if q.get("approx") else ""
        parts.append(f"{_text(q.get('text'))} → {html.escape(approx + shown + unit)}"
                     + (f' <span class="muted">{_text(q.get("kind"))}</span>' if q.get("kind") else ""))
    return "<br>".join(parts)


def _dates(items: Any) -> str:
    if isinstance(items, str):
        return _text(items)
    parts = []
    for d in items or []:
        gran = f' <span class="muted">{_text(d.get("granularity"))}</span>' if d.get("granularity") else ""
        parts.append(f"{_text(d.get('text'))} → {_text(d.get('value')) or '?'}{gran}")
    return "<br>".join(parts)


def _statement_rows(statements: list[dict], anchor: str) -> str:
    head = ("<tr><th>#</th><th>speaker</th><th>label</th><th>mention</th><th>cue</th><th>kind</th>"
            "<th>statement</th><th>quantities</th><th>dates</th><th>confidence</th></tr>")
    rows = [head]
    for n, st in enumerate(statements, start=1):
        conf = st.get("confidence")
        rows.append(
            f'<tr id="{anchor}-{n}"><td class="num"><a href="#{anchor}-t{n}">{n}</a></td>'
            f"<td>{_text(st.get('speaker'))}</td><td>{_text(st.get('speaker_label'))}</td>"
            f"<td>{_text(st.get('speaker_mention'))}</td><td>{_text(st.get('cue'))}</td>"
            f"<td>{_text(st.get('kind'))}</td><td>{_text(st.get('statement'))}</td>"
            f"<td>{_quantities(st.get('quantities'))}</td><td>{_dates(st.get('dates'))}</td>"
            f'<td class="num">{"" if conf is None else f"{float(conf):.2f}"}</td></tr>')
    return "<table>" + "".join(rows) + "</table>"


def render_article(art: dict, statements: list[dict], number: int) -> str:
    anchor = f"a{number}"
    statements = sorted(statements, key=lambda s: (s.get("start") or 0, s.get("end") or 0))
    title = _label(art)
    status = art.get("status") or "ok"
    meta = [("id", art.get("article_id")), ("language", art.get("language")), ("tier", art.get("tier")),
            ("model", art.get("model")), ("published", art.get("published")),
            ("source", art.get("source_path")), ("statements", len(statements))]
    parts = [f'<section id="{anchor}"><h2>{number}. {_text(title)}</h2>', '<div class="meta">']
    parts += [f"<span>{name}: {_text(value)}</span>" for name, value in meta if value is not None]
    parts.append(f'<span class="status-{html.escape(status, quote=True)}">status: {_text(status)}</span>')
    url = art.get("url")
    if url:
        if re.match(r"https?://", str(url)):
            parts.append(f'<span><a href="{html.escape(str(url), quote=True)}">{_text(url)}</a></span>')
        else:
            parts.append(f"<span>url: {_text(url)}</span>")
    parts.append("</div>")
    if art.get("error"):
        parts.append(f'<p class="error">{_text(art["error"])}</p>')
    text = art.get("text")
    if text:
        marks = []
        for n, st in enumerate(statements, start=1):
            for cls, span in locate_marks(text, st).items():
                if span:
                    marks.append((span[0], span[1], cls, n))
        parts.append(f'<div class="text">{render_text(text, marks, anchor)}</div>')
    else:
        parts.append('<p class="muted">(no text)</p>')
    if statements:
        parts.append(_statement_rows(statements, anchor))
    parts.append("</section>")
    return "\n".join(parts)


def render(articles: list[dict], statements: list[dict], *, title: str = "newsfacts review") -> str:
    """The whole page for rows of the articles and statements tables."""
    by_article: dict[Any, list[dict]] = defaultdict(list)
    for st in statements:
        by_article[st.get("article_id")].append(st)
    known = {a.get("article_id") for a in articles}
    # Statements whose article row is missing are shown too, under a placeholder article.
    orphans = [{"article_id": k, "title": f"statements of article {k} (no article row)", "status": "unknown"}
               for k in by_article if k not in known]
    every = articles + orphans
    n_err = sum(1 for a in articles if (a.get("status") or "ok") == "error")
    toc = []
    for i, art in enumerate(every, start=1):
        label = _text(_label(art))
        status = art.get("status") or "ok"
        flag = f' <span class="status-error">{_text(status)}</span>' if status != "ok" else ""
        toc.append(f'<li><a href="#a{i}">{label}</a> <span class="muted">{_text(art.get("language"))} · '
                   f'{len(by_article.get(art.get("article_id"), []))} statements</span>{flag}</li>')
    body = [
        f"<h1>{_text(title)}</h1>",
        f"<p>{len(articles)} articles ({n_err} with errors), {len(statements)} statements.</p>",
        '<p class="legend"><mark class="content">statement</mark><mark class="cue">cue</mark>'
        '<mark class="speaker">speaker mention</mark></p>',
        "<ol>" + "".join(toc) + "</ol>",
    ]
    body += [render_article(art, by_article.get(art.get("article_id"), []), i)
             for i, art in enumerate(every, start=1)]
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            f"<title>{_text(title)}</title><style>{CSS}</style></head>\n<body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def write_report(out_dir: str | Path, html_path: str | Path) -> Path:
    """Read the tables written by `newsfacts extract` into out_dir and write the review page."""
    articles = _records(table.read(out_dir, "articles"))
    try:
        statements = _records(table.read(out_dir, "statements"))
    except FileNotFoundError:
        statements = []
    path = Path(html_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(articles, statements, title=f"newsfacts review of {Path(out_dir).name}"),
                    encoding="utf-8")
    return path
