"""`newsfacts report`: judge a batch at a glance, then open its articles.

One self-contained HTML file (no JavaScript, no network at view time: safe to mail or archive):
counts per language and per day, statements per kind, the top speakers and organisations, the
largest quantities with their statements, the articles that failed and why, and an index of the
articles linking to their highlighted pages (pipeline.highlight).

Charts are inline SVG drawn with matplotlib's SVG backend (a well-kept library; `svg.fonttype:
none` keeps labels as text, so they stay searchable and selectable, and math parsing is off so a
`$` in a speaker's name is just a dollar). Each chart has its numbers in a table next to it, so the
page reads without the picture too.

Article pages: one self-contained page per article in a sibling folder `<report stem>_articles/`
(report.html -> report_articles/0001-<id>.html), linked with relative URLs so the report and its
folder can be moved together. Bounded for large batches: at most `max_pages` pages (the articles the
report's tables point to first, then in table order); the rest are listed without a link, and
`newsfacts show FILE --html` renders any one of them. Stale pages of an earlier report in that
folder are removed.

Input: the output folder of `newsfacts extract` (any of its formats) or an `ingest` dataset
(hive-partitioned Parquet; the latest version of each article). Every value that comes from an
article goes through `html.escape`; matplotlib escapes the text it writes into the SVG.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import highlight
from .highlight import esc

TOP = 15  # speakers, organisations
TOP_QUANTITIES = 20
MAX_LISTED = 500  # failed articles and index rows listed in the report itself
DEFAULT_MAX_PAGES = 1000
MAX_DAYS = 62  # beyond this many days (about two months), the timeline counts per month

PALETTE = ("#4c78a8", "#f58518", "#54a24b", "#b279a2", "#72b7b2", "#9d755d", "#bab0ac")
SERIES_COLOURS = {"failed": "#d62728", "other": "#bab0ac"}

REPORT_CSS = highlight.CSS + """
.cards { display: flex; flex-wrap: wrap; gap: .8em; } .card { border: 1px solid #ddd; border-radius: 6px;
padding: .5em 1em; min-width: 8em; } .card strong { display: block; font-size: 1.6em; }
figure { margin: 1em 0; } figure svg { max-width: 100%; height: auto; }
.pair { display: flex; flex-wrap: wrap; gap: 1.5em; align-items: flex-start; } .pair > * { flex: 1 1 28em; }
nav a { margin-right: 1em; }
"""


@dataclass
class Batch:
    """The tables of one batch, as pandas DataFrames (entities may be empty)."""

    articles: Any
    statements: Any
    entities: Any
    source: Path
    lean: bool = False  # articles without `text` (a `has_text` column instead), statements without
    # `sentence`: the article pages read their full rows back (`page_frames`)


# Columns the charts and tables of the report do not need: the bulk of a batch's bytes.
HEAVY = {"articles": ("text",), "statements": ("sentence",)}


# --------------------------------------------------------------------------- reading
def is_dataset(path: Path) -> bool:
    """An `ingest` dataset: a manifest or partition folders, rather than table files."""
    from .dataset import MANIFEST

    return (path / MANIFEST).exists() or (path / "articles").is_dir()


def load(source: str | Path, *, lean: bool = False) -> Batch:
    """The tables of an `extract` output folder or an `ingest` dataset; with `lean`, Parquet
    tables are read without their heavy text columns (see `Batch.lean`)."""
    import pandas as pd

    from . import table

    path = Path(source)
    if not path.exists():
        raise FileNotFoundError(f"no such folder: {path}")
    if not path.is_dir():
        raise FileNotFoundError(f"{path} is a file; expected the output folder of `newsfacts extract` "
                                "or an `ingest` dataset folder")
    if is_dataset(path):
        from . import dataset

        if lean:
            return _lean_dataset(path)
        frames = {name: dataset.read(path, name) for name in ("articles", "statements", "entities")}
    elif lean and all((path / f"{name}.parquet").exists() for name in ("articles", "statements")):
        return _lean_parquet(path)
    else:
        frames = {}
        for name in ("articles", "statements", "entities"):
            try:
                frames[name] = table.read(path, name)
            except FileNotFoundError:
                if name == "articles":
                    raise FileNotFoundError(
                        f"no articles table in {path}: expected articles.parquet, .csv or .jsonl "
                        "(written by `newsfacts extract`) or an `ingest` dataset") from None
                frames[name] = pd.DataFrame(columns=list(table.SCHEMAS[name].names))
    return Batch(frames["articles"], frames["statements"], frames["entities"], path)


def _lean_columns(name: str, schema) -> list[str]:
    return [c for c in schema.names if c not in HEAVY.get(name, ())]


def _with_text_ids(batches, ids: set) -> set:
    """article_ids whose text is not null, scanning record batches (one batch in memory)."""
    import pyarrow.compute as pc

    for b in batches:
        ids.update(pc.filter(b.column("article_id"), pc.is_valid(b.column("text"))).to_pylist())
    return ids


def _lean_dataset(path: Path) -> Batch:
    import pyarrow.dataset as pads

    from . import dataset, table

    frames = {name: dataset.read(path, name, columns=_lean_columns(name, table.SCHEMAS[name]))
              for name in ("articles", "statements", "entities")}
    root = path / "articles"
    ids: set = set()
    if root.is_dir():
        ds = pads.dataset(root, format="parquet", schema=dataset.file_schema("articles"),
                          partitioning=pads.partitioning(dataset.PARTITION, flavor="hive"))
        _with_text_ids(ds.to_batches(columns=["article_id", "text"], batch_size=2048), ids)
    frames["articles"]["has_text"] = frames["articles"]["article_id"].isin(list(ids))
    return Batch(frames["articles"], frames["statements"], frames["entities"], path, lean=True)


def _lean_parquet(path: Path) -> Batch:
    import pandas as pd
    import pyarrow.parquet as pq

    from . import table

    frames = {}
    for name in ("articles", "statements", "entities"):
        f = path / f"{name}.parquet"
        if not f.exists():
            frames[name] = pd.DataFrame(columns=list(table.SCHEMAS[name].names))
            continue
        cols = [c for c in pq.read_schema(f).names if c not in HEAVY.get(name, ())]
        frames[name] = table.to_frame(pq.read_table(f, columns=cols))
    ids = _with_text_ids(pq.ParquetFile(path / "articles.parquet").iter_batches(
        batch_size=2048, columns=["article_id", "text"]), set())
    frames["articles"]["has_text"] = frames["articles"]["article_id"].isin(list(ids))
    return Batch(frames["articles"], frames["statements"], frames["entities"], path, lean=True)


def page_frames(batch: Batch, ids: list) -> tuple[Any, Any]:
    """Full article and statement rows of the articles given (read back when the batch is lean)."""
    if not batch.lean:
        return (batch.articles[batch.articles["article_id"].isin(ids)],
                batch.statements[batch.statements["article_id"].isin(ids)])
    from . import table

    if is_dataset(batch.source):
        from . import dataset

        return (dataset.read(batch.source, "articles", article_ids=ids),
                dataset.read(batch.source, "statements", article_ids=ids))
    import pyarrow.parquet as pq

    where = [("article_id", "in", ids)]
    return tuple(table.to_frame(pq.read_table(batch.source / f"{name}.parquet", filters=where))
                 for name in ("articles", "statements"))


# --------------------------------------------------------------------------- charts
def _svg(fig) -> str:
    """A matplotlib figure as inline <svg> markup (no XML prolog, no creation date)."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches="tight")
    text = buf.getvalue()
    return text[text.index("<svg"):]


def _rc() -> dict:
    return {"svg.fonttype": "none", "svg.hashsalt": "newsfacts", "text.parse_math": False,
            "font.size": 9, "font.family": "sans-serif", "axes.spines.top": False,
            "axes.spines.right": False}


def _short(label: Any, width: int = 40) -> str:
    text = " ".join(str(label).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def bar_chart(labels: Sequence[Any], series: dict[str, Sequence[float]], *, xlabel: str,
              horizontal: bool = True) -> str:
    """Bars (stacked when several series) as inline SVG; empty string when there is nothing."""
    if not labels:
        return ""
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    with matplotlib.rc_context(_rc()):
        n = len(labels)
        fig = Figure(figsize=(6.4, 0.9 + 0.24 * n) if horizontal else (max(6.4, 0.16 * n + 2), 3.2))
        ax = fig.add_subplot()
        names = [_short(lb) for lb in labels]
        positions = list(range(n))
        base = [0.0] * n
        for k, (name, values) in enumerate(series.items()):
            values = [float(v) for v in values]
            colour = SERIES_COLOURS.get(name, PALETTE[k % len(PALETTE)])
            if horizontal:
                ax.barh(positions, values, left=base, label=name, height=0.7, color=colour)
            else:
                ax.bar(positions, values, bottom=base, label=name, width=0.8, color=colour)
            base = [b + v for b, v in zip(base, values, strict=True)]
        if horizontal:
            ax.set_yticks(positions, names)
            ax.invert_yaxis()
            ax.set_xlabel(xlabel)
            for y, total in zip(positions, base, strict=True):
                ax.annotate(f"{total:g}", (total, y), xytext=(3, 0), textcoords="offset points",
                            va="center", fontsize=8)
        else:
            step = max(1, n // 30)
            ax.set_xticks(positions[::step], names[::step], rotation=60, ha="right")
            ax.set_ylabel(xlabel)
        (ax.xaxis if horizontal else ax.yaxis).set_major_locator(MaxNLocator(integer=True))
        if len(series) > 1:
            ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        return _svg(fig)


def _figure(svg: str, caption: str) -> str:
    if not svg:
        return f'<p class="muted">{esc(caption)}: nothing to show.</p>'
    return f"<figure>{svg}<figcaption class=\"muted\">{esc(caption)}</figcaption></figure>"


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """An HTML table; cells are already escaped HTML."""
    if not rows:
        return '<p class="muted">none</p>'
    return ("<table><tr>" + "".join(f"<th>{esc(h)}</th>" for h in head) + "</tr>"
            + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
            + "</table>")


# --------------------------------------------------------------------------- figures of a batch
def _status(articles) -> Any:
    return articles["status"].fillna("ok") if "status" in articles else None


def per_language(batch: Batch) -> list[tuple[str, int, int, int]]:
    """(language, articles ok, articles failed, statements), most articles first."""
    arts = batch.articles
    lang = arts["language"].fillna("und").astype(str)
    failed = _status(arts) == "error"
    st_lang = batch.statements["language"].fillna("und").astype(str).value_counts()
    rows = [(lg, int((~failed[lang == lg]).sum()), int(failed[lang == lg].sum()), int(st_lang.get(lg, 0)))
            for lg in lang.unique()]
    return sorted(rows, key=lambda r: (-(r[1] + r[2]), r[0]))


def per_day(batch: Batch) -> tuple[list[str], dict[str, list[int]], int, str]:
    """Articles per publication day (per month past MAX_DAYS days), stacked by language (the five
    largest, then "other"); also the number of undated articles and the period's name."""
    import pandas as pd

    arts = batch.articles
    days = pd.to_datetime(arts["published"], errors="coerce")
    dated = arts[days.notna()].assign(_day=days[days.notna()])
    undated = int(days.isna().sum())
    if dated.empty:
        return [], {}, undated, "day"
    span = (dated["_day"].max() - dated["_day"].min()).days
    period = "month" if span > MAX_DAYS else "day"
    key = dated["_day"].dt.strftime("%Y-%m" if period == "month" else "%Y-%m-%d")
    langs = dated["language"].fillna("und").astype(str)
    top = list(langs.value_counts().index[:5])
    langs = langs.where(langs.isin(top), "other")
    full = pd.period_range(dated["_day"].min(), dated["_day"].max(), freq="M" if period == "month" else "D")
    labels = [str(p) for p in full]
    counts = pd.crosstab(key, langs).reindex(labels, fill_value=0)
    series = {str(c): [int(v) for v in counts[c]] for c in sorted(counts.columns, key=lambda c: c == "other")}
    return labels, series, undated, period


def top_speakers(batch: Batch, n: int = TOP) -> list[tuple[str, str, int, int]]:
    """(speaker, label, statements, articles) for the most quoted resolved speakers."""
    st = batch.statements
    st = st[st["speaker"].notna()] if "speaker" in st else st.iloc[:0]
    if st.empty:
        return []
    groups = st.groupby("speaker")
    counts = groups.size().sort_values(ascending=False, kind="stable").head(n)
    return [(str(name), str(groups.get_group(name)["speaker_label"].mode().iat[0])
             if groups.get_group(name)["speaker_label"].notna().any() else "",
             int(c), int(groups.get_group(name)["article_id"].nunique())) for name, c in counts.items()]


def top_organisations(batch: Batch, n: int = TOP) -> list[tuple[str, int, int]]:
    """(organisation, mentions, articles) from the entities table (ORG); from ORG speakers when the
    batch has no entities table."""
    ents = batch.entities
    if ents is not None and len(ents) and "label" in ents:
        orgs = ents[ents["label"] == "ORG"]
        key = orgs["text"].astype(str).str.split().str.join(" ")
    else:
        st = batch.statements
        orgs = st[(st.get("speaker_label") == "ORG") & st["speaker"].notna()] if len(st) else st
        key = orgs["speaker"].astype(str) if len(orgs) else orgs.get("speaker")
    if orgs is None or orgs.empty:
        return []
    frame = orgs.assign(_key=key)
    mentions = frame.groupby("_key").size()
    articles = frame.groupby("_key")["article_id"].nunique()
    order = mentions.sort_values(ascending=False, kind="stable").head(n)
    return [(str(k), int(v), int(articles[k])) for k, v in order.items()]


def largest_quantities(batch: Batch, n: int = TOP_QUANTITIES) -> list[tuple[dict, dict]]:
    """(quantity, statement row) for the n largest values (lists only: CSV output flattens them)."""
    found = []
    for row in batch.statements.itertuples(index=False):
        items = highlight.clean(getattr(row, "quantities", None))
        if not isinstance(items, list):
            continue
        for q in items:
            if isinstance(q, dict) and isinstance(q.get("value"), int | float):
                found.append((q, row))
    found.sort(key=lambda item: -item[0]["value"])
    return [(q, {k: highlight.clean(v) for k, v in row._asdict().items()}) for q, row in found[:n]]


# --------------------------------------------------------------------------- pages
def _slug(value: Any) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "_", str(value))[:40].strip("_") or "article"


def plan_pages(batch: Batch, wanted: Sequence[Any], max_pages: int) -> dict[Any, str]:
    """article_id -> page file name, for at most max_pages articles that have a text: those the
    report's tables point to first (`wanted`), then the rest in table order."""
    arts = batch.articles
    with_text = (arts[arts["has_text"]] if "has_text" in arts else
                 arts[arts["text"].notna()] if "text" in arts else arts.iloc[:0])
    ids = list(dict.fromkeys(list(wanted) + list(with_text["article_id"])))
    have = set(with_text["article_id"])
    chosen = [i for i in ids if i in have][:max_pages]
    return {aid: f"{k:04d}-{_slug(aid)}.html" for k, aid in enumerate(chosen, start=1)}


def write_pages(batch: Batch, pages: dict[Any, str], folder: Path, back: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.html"):
        stale.unlink()
    if not pages:
        return
    arts, st = page_frames(batch, list(pages))
    by_article: dict[Any, list[dict]] = {}
    for row in highlight.records(st):
        by_article.setdefault(row["article_id"], []).append(row)
    for art in highlight.records(arts):
        name = pages.get(art["article_id"])
        if name and not (folder / name).exists():  # an id twice (dataset versions): the first wins
            (folder / name).write_text(
                highlight.article_page(art, by_article.get(art["article_id"], []), back=back),
                encoding="utf-8")


def render(batch: Batch, *, pages: dict[Any, str] | None = None, pages_dir: str = "",
           title: str | None = None) -> str:
    """The report page; `pages` maps article ids to their page under `pages_dir`."""
    pages = pages or {}
    arts, sts = batch.articles, batch.statements
    status = _status(arts)
    failed = arts[status == "error"]
    title = title or f"newsfacts report: {batch.source.name or batch.source}"

    def link(aid: Any, label: str, n: int | None = None) -> str:
        if aid in pages:
            frag = f"#a-s{n}" if n is not None else ""
            return f'<a href="{esc(pages_dir)}/{esc(pages[aid])}{frag}">{label}</a>'
        return label

    langs = per_language(batch)
    days, day_series, undated, period = per_day(batch)
    kinds = sts["kind"].fillna("?").value_counts() if len(sts) else []
    speakers = top_speakers(batch)
    orgs = top_organisations(batch)
    quantities = largest_quantities(batch)
    published = arts["published"].dropna() if "published" in arts else []
    extractors = sorted({str(e) for e in arts.get("extractor", []) if isinstance(e, str) and e})

    body = [f"<h1>{esc(title)}</h1>",
            '<nav><a href="#languages">languages and days</a><a href="#kinds">kinds</a>'
            '<a href="#speakers">speakers</a><a href="#quantities">quantities</a>'
            '<a href="#failed">failed</a><a href="#articles">articles</a></nav>',
            '<div class="cards">'
            + "".join(f'<div class="card"><strong>{v}</strong>{esc(k)}</div>' for k, v in (
                ("articles", len(arts)), ("failed", len(failed)), ("statements", len(sts)),
                ("languages", len(langs)), ("speakers", sts["speaker"].nunique() if len(sts) else 0)))
            + "</div>",
            f'<p class="meta">{esc(batch.source)}'
            + (f" · published {esc(min(published))} to {esc(max(published))}" if len(published) else "")
            + (f" · {esc('; '.join(extractors))}" if extractors else "") + "</p>"]

    body.append('<h2 id="languages">Articles per language and per day</h2><div class="pair">')
    body.append(_figure(bar_chart([r[0] for r in langs], {"ok": [r[1] for r in langs],
                                                           "failed": [r[2] for r in langs]},
                                  xlabel="articles"), "articles per language"))
    body.append(_table(["language", "articles", "failed", "statements"],
                       [(esc(lg), str(ok), str(bad), str(n)) for lg, ok, bad, n in langs]))
    body.append("</div>")
    body.append(_figure(bar_chart(days, day_series, xlabel="articles", horizontal=False),
                        f"articles per {period} of publication, by language"
                        + (f" ({undated} undated articles not shown)" if undated else "")))

    body.append('<h2 id="kinds">Statements per kind</h2><div class="pair">')
    body.append(_figure(bar_chart(list(kinds.index) if len(kinds) else [],
                                  {"statements": list(kinds.values) if len(kinds) else []},
                                  xlabel="statements"), "statements per kind"))
    body.append(_table(["kind", "statements"], [(esc(k), str(int(v))) for k, v in
                                                (kinds.items() if len(kinds) else [])]))
    body.append("</div>")

    speaker_chart = _figure(bar_chart([s[0] for s in speakers], {"statements": [s[2] for s in speakers]},
                                      xlabel="statements"), f"the {TOP} most quoted resolved speakers")
    org_chart = _figure(bar_chart([o[0] for o in orgs], {"mentions": [o[1] for o in orgs]},
                                  xlabel="mentions"), f"the {TOP} most mentioned organisations")
    body.append('<h2 id="speakers">Top speakers and organisations</h2><div class="pair">'
                f"<div>{speaker_chart}"
                + _table(["speaker", "label", "statements", "articles"],
                         [(esc(s), esc(lb), str(c), str(a)) for s, lb, c, a in speakers]) + "</div>"
                f"<div>{org_chart}"
                + _table(["organisation", "mentions", "articles"],
                         [(esc(o), str(m), str(a)) for o, m, a in orgs]) + "</div></div>")

    rows = []
    for q, st in quantities:
        n = highlight.statement_number(st, 0) or None
        statement = link(st.get("article_id"), esc(_short(st.get("statement"), 160)), n)
        rows.append((esc(q.get("text")), esc(highlight.quantity_value(q)), esc(q.get("kind")),
                     esc(st.get("speaker")), statement))
    body.append(f'<h2 id="quantities">The {TOP_QUANTITIES} largest quantities</h2>'
                + _table(["as written", "value", "kind", "speaker", "statement"], rows))

    fail_rows = [(esc(a.get("source_path")), f'<span class="error">{esc(a.get("error"))}</span>')
                 for a in highlight.records(failed.head(MAX_LISTED))]
    more = f'<p class="muted">and {len(failed) - MAX_LISTED} more</p>' if len(failed) > MAX_LISTED else ""
    body.append(f'<h2 id="failed">Failed articles ({len(failed)})</h2>'
                + _table(["file", "error"], fail_rows) + more)

    counts = sts.groupby("article_id").size() if len(sts) else {}
    ok = arts[status != "error"]
    index = []
    for a in highlight.records(ok.drop(columns=[c for c in ("text",) if c in ok]).head(MAX_LISTED)):
        aid = a.get("article_id")
        index.append((link(aid, esc(highlight.article_label({**a, "text": None}))), esc(a.get("language")),
                      esc(a.get("published")), str(int(counts.get(aid, 0)) if len(sts) else 0),
                      esc(a.get("source_path"))))
    note = (f"{len(pages)} of {len(ok)} articles have a highlighted page in {esc(pages_dir)}/"
            if pages_dir else "no article pages written")
    more = f'<p class="muted">and {len(ok) - MAX_LISTED} more</p>' if len(ok) > MAX_LISTED else ""
    body.append(f'<h2 id="articles">Articles</h2><p class="muted">{note}</p>'
                + _table(["article", "language", "published", "statements", "file"], index) + more)
    return highlight.page(title, body, REPORT_CSS)


def write_report(source: str | Path, out: str | Path, *, max_pages: int = DEFAULT_MAX_PAGES) -> Path:
    """Read a batch, write `out` and its article pages next to it (`<out stem>_articles/`).

    The batch is read lean (no article texts, no sentences; see `Batch.lean`), and each page's
    rows are read back for the at most `max_pages` articles that get one."""
    batch = load(source, lean=True)
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    folder = path.parent / f"{path.stem}_articles"
    wanted = [st.get("article_id") for _, st in largest_quantities(batch)]
    pages = plan_pages(batch, wanted, max_pages) if max_pages > 0 else {}
    if pages or folder.exists():
        write_pages(batch, pages, folder, back=f"../{path.name}")
    html_text = render(batch, pages=pages, pages_dir=folder.name if pages else "")
    path.write_text(html_text, encoding="utf-8")
    return path
