"""Parse a newsfacts HTML page back with the standard library, to check what a browser would show.

Collects the tags and attributes, the links, and per article section the text block (without the
`[n]` links and the resolved-speaker labels, so it can be compared with the article text), its
marks and the table cells.
"""

from __future__ import annotations

from collections import defaultdict
from html.parser import HTMLParser


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, dict]] = []
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.stack: list[tuple[str, dict]] = []
        self.texts: dict[str, list[str]] = defaultdict(list)  # section id -> text of div.text
        self.marks: dict[str, list[tuple[set[str], str, str, dict]]] = defaultdict(list)
        self.labels: dict[str, list[str]] = defaultdict(list)  # section id -> resolved-speaker labels
        self.cells: dict[str, list[str]] = defaultdict(list)  # section id -> text of every <td>
        self.data: list[str] = []  # every text node
        self.rows: list[list[str]] = []  # every table row, as the text of its cells
        self.section = ""

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        self.attrs.append((tag, a))
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "section":
            self.section = a.get("id", "")
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th") and self.rows:
            self.rows[-1].append("")
        if tag not in ("br", "meta", "img", "input", "link", "hr", "wbr"):
            self.stack.append((tag, a))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if any(t == tag for t, _ in self.stack):
            while self.stack and self.stack.pop()[0] != tag:
                pass

    def _inside(self, tag: str, cls: str | None = None) -> dict | None:
        for t, a in reversed(self.stack):
            if t == tag and (cls is None or cls in a.get("class", "").split()):
                return a
        return None

    def handle_data(self, data):
        self.data.append(data)
        if self._inside("div", "text") is not None and self._inside("a", "ref") is None:
            if self._inside("span", "tag") is not None:
                self.labels[self.section].append(data)
                return
            self.texts[self.section].append(data)
            mark = self._inside("mark")
            if mark is not None:
                classes = set(mark["class"].split())
                self.marks[self.section].append((classes, mark.get("title", ""), data, mark))
        if self._inside("td") is not None:
            self.cells[self.section].append(data)
        if (self._inside("td") is not None or self._inside("th") is not None) and self.rows and self.rows[-1]:
            self.rows[-1][-1] += data


def parse(html_text: str) -> Page:
    page = Page()
    page.feed(html_text)
    page.close()
    return page


def marked(page: Page, section: str, cls: str, n: int) -> str:
    """The text under marks whose title gives statement n this class ("5 content · 6 speaker: X")."""
    return "".join(data for classes, title, data, _ in page.marks.get(section, [])
                   if cls in classes and f"{n} {cls}" in (p.split(":")[0] for p in title.split(" · ")))


def speaker_of(page: Page, section: str, n: int) -> str | None:
    """The resolved speaker a page shows on statement n's mention (`data-speaker`)."""
    for classes, title, _, attrs in page.marks.get(section, []):
        if "speaker" in classes and f"{n} speaker" in (p.split(":")[0] for p in title.split(" · ")):
            return attrs.get("data-speaker")
    return None


# An article written to attack the review pages: markup in the text, the title and the URL must
# reach the reader as text. The script would mark <body> if it ever ran in a browser.
PWNED = "data-pwned"
HOSTILE_TEXT = (
    "Le ministre Jean Dupont a déclaré : « Nous paierons 3 millions d'euros & "
    f"<script>document.body.setAttribute('{PWNED}','1')</script> en 2025 ». "
    "Selon l'entreprise, les ventes ont augmenté de 12 % hier. "
    f'"Tout va <b>bien</b> & <img src=x onerror="document.body.setAttribute(\'{PWNED}\',\'2\')"> rien '
    "n'est perdu\", a dit Marie Curie."
)
HOSTILE_TITLE = f"Titre <img src=x onerror=\"document.body.setAttribute('{PWNED}','3')\"> & 'guillemets'"
SEED_NAME = "seed-000_7b3a8ad300d317d9"


def seed_id(tables) -> str:
    """The article id the pipeline gave the seed (a hash of its text)."""
    return next(a["article_id"] for a in tables.articles
                if (a["source_path"] or "").endswith(f"{SEED_NAME}.txt"))
