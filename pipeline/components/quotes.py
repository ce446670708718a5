"""Quotation-mark pairing that survives real news text.

textacy pairs quote marks sequentially and raises on an odd count (chartbeat-labs/textacy#379/#380),
and straight quotes `"` are ambiguous (opening or closing). Here pairing is done per paragraph
with a small stack: curly and angle marks have a direction; a straight quote is opening or
closing by its neighbours (space before and letter after = opening, and so on). Unclosed quotes
are closed at the end of the paragraph when the next paragraph opens a quote again (the
multi-paragraph quotation convention), otherwise they are dropped. A closing mark at a word start
with nothing open opens a quotation when the same mark closes it later in the paragraph (”…”).
Only outermost quotes are returned; nested quotes (« … “ … ” … ») stay inside their parent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .intervals import SortedRanges, sorted_ranges

_TRIPLE_CLOSE = re.compile(r"(?<=\S)'{3}(?=[\s.,;:!?)\]]|$)")
_PARA = re.compile(r"\n\s*\n|\n")
OPENING = {"“", "«", "„", '"', "‘", "「", "『"}
CLOSING = {"”", "»", "“", '"', "’", "」", "』"}


@dataclass(frozen=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the paragraph end when unclosed)
    closed: bool = True
    open_width: int = 1  # two for a mark typed as two characters (NYT's '' … '')
    close_width: int = 1

    @property
    def inner(self) -> tuple[int, int]:
        """Offsets of the quoted text without its marks."""
        return self.start + self.open_width, self.end - (self.close_width if self.closed else 0)


# closing marks typed for one another (an editor's keyboard mixes straight and curly quotes): a
# straight mark closes a quotation opened with “ or „, a ” one opened with a straight mark
_TYPED_FOR = {'"': ("”", "“"), "”": ('"',)}


def _straight_role(text: str, i: int) -> str:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if (before.isspace() or before in "([{—–-:;,") and not after.isspace() and after not in ".,;:!?)]}":
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]}…—–-"):
        return "close"
    if before.isspace() and after in ".,;:!?)]}":
        return "close"  # 'lo mismo ".', 'amistosos ", expresó': wire copy puts a space before the mark
    return "toggle"


def find_quotes(text: str, pairs: list[list[str]], double_apostrophe: bool = False) -> list[Quote]:
    """Outermost quotations of `text`, as `Quote`s sorted by start.

    `pairs` lists [opening, closing] marks (from the language file). Marks that are their own
    closer (`"`) are resolved by context; single-quote pairs are only used inside a quotation,
    because apostrophes make them useless at the top level.
    """
    if double_apostrophe and "''" in text:
        # NYT style ''…'': pair it as a straight quote, keeping offsets (the first apostrophe
        # becomes a space so that the second is read as opening or closing by its neighbours),
        # then give the quotes found their two-character marks back
        # (three apostrophes after a word close an inner quotation, then the outer one: "…on
        # 'Fox and Friends,''' said X")
        straight = _TRIPLE_CLOSE.sub("' \"", text).replace("''", ' "')
        found = find_quotes(straight, [*pairs, ['"', '"']])
        return SortedRanges(_two_character_marks(text, qu) for qu in found)
    opens: dict[str, str] = {}
    closes: set[str] = set()
    for o, c in pairs:
        if o in ("'", "‘", "’") or c in ("'",):
            continue
        opens.setdefault(o, c)
        closes.add(c)
    marks = set(opens) | closes
    paragraphs = []
    pos = 0
    for m in _PARA.finditer(text):
        paragraphs.append((pos, m.start()))
        pos = m.end()
    paragraphs.append((pos, len(text)))
    out: list[Quote] = []
    pending: Quote | None = None  # unclosed quote waiting for the next paragraph
    fallback: list[Quote] = []  # the quotes inside it, kept when it turns out to be a stray mark
    carried: list[tuple[str, int]] = []
    prev_end = 0
    for p0, p1 in paragraphs:
        stack: list[tuple[str, int]] = []  # (expected closer, offset)
        if pending is not None:
            first = text[p0:p1].lstrip()[:1]
            if first and first in opens:
                out.append(pending)
            elif text[prev_end:p0].count("\n") == 1 and _closes_first(text, p0, p1, carried[0][0], opens):
                stack = carried  # "…spread¶to the roof," a firefighter said: a line break inside a quote
            else:
                out.extend(fallback)  # one stray opening mark must not swallow the quotes after it
            pending = None
        prev_end = p1
        inner: list[Quote] = []
        for i in range(p0, p1):
            ch = text[i]
            if ch not in marks:
                continue
            is_open, is_close = ch in opens, ch in closes
            if not is_open and not stack and _closer_as_opener(text, i, p1):
                stack.append((ch, i))  # ”…” (a closing mark typed for the opening one)
                continue
            if is_open and is_close:  # same mark both ways (", or “ used as closer of „)
                expected = stack[-1][0] if stack else None
                role = (
                    _straight_role(text, i)
                    if ch == opens.get(ch)
                    else ("close" if expected == ch else "open")
                )
                if role == "toggle":
                    role = "close" if expected == ch else "open"
                if role == "close" and expected != ch:
                    if expected in _TYPED_FOR.get(ch, ()):
                        ch = expected  # '“…," he added': a straight mark typed for the curly closer
                    elif not any(e == ch for e, _ in stack):
                        continue  # closing mark with nothing open of its kind: an odd count, skip it
                is_open, is_close = role == "open", role == "close"
            elif (is_close and stack and stack[-1][0] in _TYPED_FOR.get(ch, ())
                    and not any(e == ch for e, _ in stack)):
                ch = stack[-1][0]  # '"…”': a curly closer typed for the straight one
            if is_close and stack and any(e == ch for e, _ in stack):
                while stack and stack[-1][0] != ch:
                    stack.pop()  # unclosed inner quote: drop it
                _, s = stack.pop()
                if not stack:
                    out.append(Quote(s, i + 1))
                elif len(stack) == 1:
                    inner.append(Quote(s, i + 1))
                continue
            if is_open:
                stack.append((opens[ch], i))
        if stack:
            s = stack[0][1]
            end = p1
            while end > s + 1 and text[end - 1].isspace():
                end -= 1
            pending = Quote(s, end, closed=False)
            fallback, carried = inner, stack
    if pending is not None:
        out.extend(fallback)
    out.sort(key=lambda q: q.start)
    return SortedRanges(q for q in out if q.inner[1] - q.inner[0] > 0)


def _two_character_marks(text: str, qu: Quote) -> Quote:
    """The quote with its '' marks spanning both apostrophes, so that the words before and after
    it, and its inner text, are read as for a one-character mark."""
    wide_open = qu.start > 0 and text[qu.start - 1 : qu.start + 1] == "''"
    wide_close = qu.closed and text[qu.end - 2 : qu.end] == "''" and qu.end - 2 > qu.start
    if not (wide_open or wide_close):
        return qu
    return Quote(qu.start - wide_open, qu.end, qu.closed, 1 + wide_open, 1 + wide_close)


def _closer_as_opener(text: str, i: int, p1: int) -> bool:
    """A closing mark with nothing open, at a word start, before a letter, and met again later in
    the paragraph: it opens the quotation ("”Mr. Trump embodies…” ― Sonya Herridge")."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < p1 else " "
    return (before.isspace() or before in "([") and after.isalnum() and text.find(text[i], i + 1, p1) != -1


def _closes_first(text: str, p0: int, p1: int, closer: str, opens: dict[str, str]) -> bool:
    """Whether the paragraph's first quotation mark closes the quote left open before it."""
    for i in range(p0, p1):
        ch = text[i]
        if ch == closer and (ch not in opens or _straight_role(text, i) == "close"):
            return True
        if ch in opens:
            return False
    return False


def reads_as_speech(inner: str, min_words: int) -> bool:
    """Whether a quotation's text is long enough to be speech: `min_words` words or a sentence end.
    Shorter, it is a title or a name ("their new song: “A long summer”")."""
    inner = inner.strip()
    return bool(inner) and (len(inner.split()) >= min_words or inner[-1] in ".!?…")


def inside(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The quote that contains [start, end), if any."""
    return sorted_ranges(quotes).containing(start, end)


def quoted_share(quotes: list[Quote], start: int, end: int, text: str) -> float:
    """Share of the alphanumeric characters of [start, end) that lie inside quotations."""
    total = sum(1 for c in text[start:end] if c.isalnum())
    if not total:
        return 0.0
    q_chars = 0
    for q in sorted_ranges(quotes).overlapping(start, end):
        a, b = max(q.start, start), min(q.end, end)
        q_chars += sum(1 for c in text[a:b] if c.isalnum())
    return q_chars / total
