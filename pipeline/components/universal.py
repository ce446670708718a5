"""Attribution with no lexicon at all: the universal tier, for languages without a data file.

What every news language shares is layout, not words. Four layouts are read here, each without
knowing a single word of the language:

- a quotation in any script's marks („…“, «…», “…”, 「…」, ‚…‘, "…") followed by an optional
  dash and one lower-case word before a name: `"…," řekl Jan Novák.`, `«…», — сказал Иванов.`
  The word between the quote and the name is the cue (verbs of saying sit there in the SVO and
  V2 languages that put the speaker after the quote);
- a name, an optional word and a colon before a quotation: `Jan Novák řekl: "…"`, `Ruto: «…»`;
- a dialogue dash closing unquoted speech: `…, — говорит Ирина Моисеевна.`;
- a line opening with a name and a colon: `Jan Novák: …` (interviews, headlines);
- a quotation signed with a dash and a name that ends the line: `“…” ― Jan Novák` (collections
  of readers' or experts' quotes, epigraphs, embedded posts).

A quotation with none of these gets the nearest capitalised name sequence of its sentence as the
source, or the source of the statement just before it (a quotation continuing the same speech).
Speakers are capitalised word sequences ("Jan Novák", "MF ČR"); a single capitalised word that
opens the sentence is not taken for a name. Scripts without case (Arabic, Amharic) get the word
after the cue instead. Languages with a data file also run this for quotations their cue
lexicon did not claim, when the file sets `[attribution] quote_fallback = true`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .doc_text import doc_text
from .statement import Statement
from .text_units import _W, _units, _words

# opening mark -> closing marks, every script's convention ("»…«" is Danish/German, „…” Polish)
PAIRS = {"“": "”“", "„": "“”", "«": "»", "»": "«", "「": "」", "『": "』", "‚": "‘’", "\"": "\"",
         "‘": "’", "‹": "›", "›": "‹", "《": "》", "〝": "〞〟"}
DASHES = "—–-―"
# ''…'' as quotation marks (typed for "…" on many African news sites): two apostrophes, kept in one
# paragraph; read as "'…'" so that the offsets stay the same
_DOUBLE_APOSTROPHE = re.compile(r"''([^'\n]{3,}?)''")
MIN_QUOTE_WORDS = 3
MAX_SOURCE_WORDS = 8
_NAME_GLUE = {"de", "da", "van", "von", "al", "el", "bin", "ibn", "la", "le", "der", "dos", "del"}


def quotes(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Outermost paired quotation marks (marks included), paired within one paragraph."""
    end = len(text) if end is None else end
    text = _DOUBLE_APOSTROPHE.sub(lambda m: "\"'" + m.group(1) + "'\"", text)  # ''…'' -> "'…'" (same length)
    spans: list[tuple[int, int]] = []
    stack: list[tuple[int, str]] = []
    for i in range(start, end):
        ch = text[i]
        if ch == "\n":
            stack = []
            continue
        if stack and ch in stack[-1][1]:
            s, _ = stack.pop()
            if not stack:
                spans.append((s, i + 1))
            continue
        if ch in PAIRS and not (ch in "'‘’‚" and i and text[i - 1].isalnum()):
            if ch in "»›" and not (i + 1 < end and text[i + 1].isalnum()):
                continue  # a closing guillemet without its opener, not a Danish opener
            stack.append((i, PAIRS[ch]))
    return spans


def _cap(w: _W) -> bool:
    return w.text[:1].isupper()


def _caseless(w: _W) -> bool:
    ch = w.text[:1]
    return ch.isalpha() and ch.lower() == ch.upper()


def _name_runs(words: list[_W], first: int) -> list[tuple[int, int]]:
    """Word index ranges [i, j) of capitalised sequences ("Jan Novák", "MF ČR", "Ibn al-Amin");
    a lone capitalised word at index `first` (the sentence start) is not a name."""
    runs, i = [], 0
    while i < len(words):
        if not _cap(words[i]):
            i += 1
            continue
        j = i + 1
        while j < len(words) and not words[j].gap.strip() and (
                _cap(words[j]) or (words[j].low in _NAME_GLUE and j + 1 < len(words) and _cap(words[j + 1]))):
            j += 1
        if not (i == first and j - i == 1):
            runs.append((i, j))
        i = j
    return runs


def _span(words: list[_W], r: tuple[int, int]) -> tuple[int, int]:
    return words[r[0]].start, words[r[1] - 1].end


def _clause_end(words: list[_W], i: int) -> int:
    """Index after the last word of the clause starting at words[i] (up to a comma or stop)."""
    j = i + 1
    while j < len(words) and j - i < MAX_SOURCE_WORDS and not any(c in words[j].gap for c in ",;:.!?()"):
        j += 1
    return j


def _source_after(words: list[_W], k: int) -> tuple[int, int] | None:
    """The speaker after a cue at words[k]: the last name in its clause, else the whole clause
    ("dodal předseda", "сказала она")."""
    if k + 1 >= len(words) or any(c in words[k + 1].gap for c in ".!?;"):
        return None
    end = _clause_end(words, k + 1)
    runs = [r for r in _name_runs(words[:end], -1) if r[0] > k]
    if runs:
        return _span(words, runs[-1])
    return words[k + 1].start, words[end - 1].end


def _source_before(words: list[_W], k: int, first: int) -> tuple[int, int] | None:
    """The speaker before words[k] in its clause: the nearest name, else the word(s) right before
    when they open the clause."""
    start = k
    while start > first and not any(c in words[start].gap for c in ",;.!?"):
        start -= 1
    runs = [r for r in _name_runs(words[:k], first) if r[0] >= start]
    if runs:
        return _span(words, runs[-1])
    if k - start and k - start <= 3:
        return words[start].start, words[k - 1].end
    return None


def _quote_after(text: str, words: list[_W], q0: int, q1: int,
                 pronouns: frozenset[str] | set[str] = frozenset()) -> Statement | None:
    """`"…," řekl Jan Novák.` / `«…», — сказал Иванов.`: cue word right after the quote."""
    k = next((i for i, w in enumerate(words) if w.start >= q1), None)
    if k is None:
        return None
    gap = text[q1:words[k].start]
    if gap.strip(" ,.!?" + DASHES) or "\n" in gap:
        return None
    cue = words[k]
    if _cap(cue) and not _caseless(cue):
        return _name_then_cue(text, words, k)
    if cue.low in pronouns and k + 1 < len(words) and not words[k + 1].gap.strip():
        nxt = words[k + 1]  # `"…," e tweet.` / `"…," she said.`: pronoun, then the cue
        return Statement(0, 0, "direct", nxt.start, nxt.end, nxt.low, cue.start, cue.end, confidence=0.4,
                         rule="universal:quote-pronoun-cue")
    src = _source_after(words, k) or _subject_with_comma(text, words, q0)
    if src is None:
        return None
    return Statement(0, 0, "direct", cue.start, cue.end, cue.low, src[0], src[1], confidence=0.45,
                     rule="universal:quote-cue-source")


def _subject_with_comma(text: str, words: list[_W], q0: int) -> tuple[int, int] | None:
    """`Yılmaz, "…" dedi.` (verb-final languages): the cue closes the sentence, and the speaker is
    the capitalised words that open it, set off by a comma."""
    if not words or not _cap(words[0]):
        return None
    j = 1
    while j < len(words) and j < 5 and _cap(words[j]) and not words[j].gap.strip():
        j += 1
    if words[j - 1].end > q0 or not text[words[j - 1].end:q0].lstrip().startswith(","):
        return None  # the name must stand before the quotation, followed by a comma
    return words[0].start, words[j - 1].end


def _name_then_cue(text: str, words: list[_W], k: int) -> Statement | None:
    """`"…," Federer tok.` / `"…," Budi said.`: a name right after the quote, then one lower-case
    word (the cue) in a short clause that ends the sentence."""
    runs = [r for r in _name_runs(words, -1) if r[0] == k]
    if not runs:
        return None
    j = runs[0][1]
    end = _clause_end(words, k)
    if j >= len(words) or j >= end or end - k > 6 or _cap(words[j]) or words[j].gap.strip():
        return None
    if end < len(words) and not any(c in words[end].gap for c in ".!?"):
        return None  # the clause goes on: not a reporting tag
    s, e = _span(words, runs[0])
    return Statement(0, 0, "direct", words[j].start, words[j].end, words[j].low, s, e, confidence=0.4,
                     rule="universal:quote-source-cue")


def _quote_before(text: str, words: list[_W], q0: int, us: int, first: int) -> Statement | None:
    """`Jan Novák řekl: "…"` / `Ruto: «…»`: a colon before the quote."""
    before = text[us:q0].rstrip()
    if not before.endswith((":", "：")):
        return None
    k = next((i for i in range(len(words) - 1, -1, -1) if words[i].end <= len(before) + us), None)
    if k is None:
        return None
    last = words[k]
    if _cap(last):
        runs = [r for r in _name_runs(words[:k + 1], -1) if r[1] == k + 1]
        if runs:
            s, e = _span(words, runs[-1])
            return Statement(0, 0, "direct", None, None, None, s, e, confidence=0.45,
                             rule="universal:name-colon-quote")
        return None
    src = _source_before(words, k, first)
    if src is None:
        return None
    return Statement(0, 0, "direct", last.start, last.end, last.low, src[0], src[1], confidence=0.45,
                     rule="universal:source-cue-colon-quote")


def _nearest_name(words: list[_W], q0: int, q1: int, first: int) -> tuple[int, int] | None:
    runs = [r for r in _name_runs(words, first) if words[r[1] - 1].end <= q0 or words[r[0]].start >= q1]
    if not runs:
        return None

    def dist(r: tuple[int, int]) -> int:
        s, e = _span(words, r)
        return q0 - e if e <= q0 else s - q1

    return _span(words, min(runs, key=dist))


def _caseless_before(text: str, words: list[_W], q0: int, q1: int, ue: int) -> Statement | None:
    """Scripts without capitals (Amharic, Arabic): the words right before the quote name the
    speaker (`አበበ ከበደ "…" ብለዋል።`), and a word closing the sentence after it is the cue."""
    before = [w for w in words if w.end <= q0]
    run: list[_W] = []
    for w in reversed(before):
        if not _caseless(w) or any(c in text[w.end:q0] for c in ",;:.!?።") or len(run) == 3:
            break
        run.insert(0, w)
        q0 = w.start
    if not run:
        return None
    after = [w for w in words if w.start >= q1]
    cue = after[0] if len(after) == 1 and _caseless(after[0]) else None
    return Statement(0, 0, "direct", cue.start if cue else None, cue.end if cue else None,
                     cue.low if cue else None, run[0].start, run[-1].end, confidence=0.3,
                     rule="universal:caseless-before-quote")


def _dash_speech(text: str, words: list[_W], us: int, ue: int) -> Statement | None:
    """`…, — говорит Ирина Моисеевна.`: a dialogue dash after a comma closes unquoted speech."""
    for m in re.finditer(r"[,!?…]\s*[—–―-]\s+", text[us:ue]):
        pos = us + m.end()
        k = next((i for i, w in enumerate(words) if w.start >= pos), None)
        if k is None or (_cap(words[k]) and not _caseless(words[k])):
            continue
        src = _source_after(words, k)
        cs, ce = us, us + m.start()
        while cs < ce and (text[cs] in DASHES or text[cs].isspace()):
            cs += 1
        if src is None or ce - cs < 12:
            continue
        return Statement(cs, ce, "indirect", words[k].start, words[k].end, words[k].low, src[0], src[1],
                         confidence=0.4, rule="universal:dash-speech")
    return None


def _colon_line(text: str, words: list[_W], us: int, ue: int) -> Statement | None:
    """`Jan Novák: …` at the start of a unit: an interview answer or a headline quote."""
    runs = _name_runs(words, -1)
    if not runs or runs[0][0] != 0 or runs[0][1] - runs[0][0] > 4:
        return None
    s, e = _span(words, runs[0])
    rest = text[e:ue]
    if not rest.lstrip().startswith((":", "：")) or len(_words(text, e, ue)) < 4:
        return None
    cs = e + rest.index(rest.lstrip()[0]) + 1
    while cs < ue and text[cs].isspace():
        cs += 1
    return Statement(cs, ue, "direct", None, None, None, s, e, confidence=0.4, rule="universal:name-colon")


_SIGNATURE = re.compile(r"(?:[ \t\u00a0]*(?:[―—–]|-(?=[ \u00a0]))"  # on the quotation's line
                        r"|[ \t\u00a0]*\n\s*(?:[―—–]|-(?=[ \u00a0\w])))"  # or opening the next one
                        r"[ \t\u00a0]*([^\n,;:(]{2,60}?)(?:,[^\n]{0,80})?[ \t\u00a0]*(?:\n|$)")


def signature(text: str, q1: int) -> tuple[int, int, int] | None:
    """`“…” ― Jan Novák` / `« … » — Marie Dupont, maire de Lyon`: a dash after the closing mark and
    a name (one to six capitalised words, particles allowed) that ends the line, or opens the next
    one (`“…”¶¶- Ana Ortiz.`); an apposition after a comma may follow. Returns (dash offset,
    name start, name end)."""
    m = _SIGNATURE.match(text, q1)
    if m is None:
        return None
    name = m.group(1).strip().rstrip(".")
    words = name.split()
    if not 1 <= len(words) <= 6 or not words[0][:1].isupper() or any(ch.isdigit() for ch in name):
        return None
    if not all(w[:1].isupper() or w.lower() in _NAME_GLUE for w in words):
        return None
    dash = next(i for i in range(q1, m.end()) if text[i] in DASHES)
    start = m.start(1) + m.group(1).index(name)
    return dash, start, start + len(name)


def _claimed(found: list[Statement], s: int, e: int) -> bool:
    return any(min(st.end, e) - max(st.start, s) > 0 for st in found)


def find_statements(doc: Doc, found: list[Statement] | None = None,
                    pronouns: frozenset[str] | set[str] = frozenset()) -> list[Statement]:
    """Statements from layouts alone, skipping content already claimed by `found`; `pronouns`
    (lower case, from a language file when there is one) may stand for the speaker."""
    text = doc_text(doc)
    qs = [q for q in quotes(text) if len(_words(text, q[0] + 1, q[1] - 1)) >= MIN_QUOTE_WORDS]
    found = list(found or [])
    out: list[Statement] = []
    prev: Statement | None = None
    prev_end = -1
    for us, ue in _units(doc, qs):
        words = _words(text, us, ue)
        here: list[Statement] = []
        for q0, q1 in (q for q in qs if us <= q[0] and q[1] <= ue):
            if _claimed(found + out + here, q0, q1):
                continue
            signed = signature(text, q1)
            if signed is not None:
                dash, s0, s1 = signed
                here.append(Statement(q0, q1, "direct", dash, dash + 1, text[dash], s0, s1, confidence=0.45,
                                      rule="universal:quote-signature"))
                continue
            st = _quote_after(text, words, q0, q1, pronouns) or _quote_before(text, words, q0, us, 0)
            if st is None:
                src = _nearest_name(words, q0, q1, 0)
                if src is None and prev is not None and 0 <= us - prev_end <= 3 and (q0, q1) == (us, ue):
                    src = (prev.source_start, prev.source_end)
                if src is None:
                    st = _caseless_before(text, words, q0, q1, ue)
                    if st is not None:
                        st.start, st.end = q0, q1
                        here.append(st)
                    continue
                st = Statement(0, 0, "direct", None, None, None, src[0], src[1], confidence=0.35,
                               rule="universal:quote-nearest-name")
            st.start, st.end = q0, q1
            here.append(st)
        if not here and not _claimed(found + out, us, ue):
            st = _dash_speech(text, words, us, ue) or _colon_line(text, words, us, ue)
            if st is not None:
                here.append(st)
        if here:
            prev, prev_end = here[-1], ue
        out.extend(here)
    return out
