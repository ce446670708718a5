"""Numbers, percentages, money, scale words, approximations and the counted noun.

`find_quantities(text, lang)` is a plain function (used by `newsfacts predict --task numbers`
and by the component); the `newsfacts_quantities` component stores its results as
`doc.spans["quantities"]` and adds the counted noun (`unit`) from the parse.

Why our own parser: text2num (fr en es de it nl pt) rewrites text without offsets, splits
"33,7 millions" into 33,7 and 1000000 and turns articles and ordinals into numbers; quantulum3
is English-only and ~20 cases/s; Recognizers-Text's Python port has no de/it/nl/ko and gets
CJK compounds wrong (see shared/notes/numbers_dates_langid.md). One small grammar covers all of
them: a run of tokens (digit literals and number words from the language's [quantities] table,
glued compounds split by the lexicon) is folded by `_Acc` with "additive", "small multiplier"
(hundred, 百, 千, dozen) and "scale" (thousand, million, 万, 억) rules, plus fractions, decimal
words and minus words. Chinese, Japanese and Korean use the same fold, token by character.
Everything language-specific is data in `pipeline/lang/<code>.toml` [quantities].
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .. import lang as langdata
from .doc_text import doc_text
from .quotes import OPENING


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    value: float
    kind: str = "number"  # number, percent, money, measure, ordinal, date, determiner
    unit: str | None = None  # counted noun, ISO currency code, "%" or "pt"
    approx: bool = False
    high: float | None = None  # upper bound of a range
    high_text: str | None = None  # the upper bound as written ("800" in "entre 600 et 800")
    qualifier: str | None = None  # at_least, more_than, less_than, up_to, about ("au moins 5": 5, not -5)


# ------------------------------------------------------------------ normalisation
# Same-length mapping, so offsets into the normalised text are offsets into the input.
_FULLWIDTH = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update({c: ord("0") + i for i, c in enumerate(range(0x0660, 0x066A))})  # Arabic-Indic digits
_FULLWIDTH.update({c: ord("0") + i for i, c in enumerate(range(0x06F0, 0x06FA))})
_FULLWIDTH.update({0x066B: ord("."), 0x066C: ord(","), 0x2212: ord("-"), 0x2013: ord("-"),
                   0x2010: ord("-"), 0x2011: ord("-"),
                   0x3000: ord(" "), 0x2019: ord("'"), 0x00D7: ord("x")})


@lru_cache(maxsize=65536)
def _fold(s: str) -> str:
    """Lower case without accents (gold and news both write "cinquieme" and "cinquième")."""
    s = s.lower()
    if s.isascii() or max(s) >= "\u3000":
        return s  # kana and hangul keep their voicing marks ("ダース" is not "タース")
    out = unicodedata.normalize("NFD", s).translate(_nonspacing_marks())
    return unicodedata.normalize("NFC", out)


@cache
def _nonspacing_marks() -> dict[int, None]:
    """str.translate table deleting every non-spacing mark (category Mn) below U+3000, where
    `_fold` applies: one C call per word instead of a Python test per character."""
    return {cp: None for cp in range(0x3000) if unicodedata.category(chr(cp)) == "Mn"}


_VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6,
           "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}


# ------------------------------------------------------------------ language tables
@dataclass
class _Lang:
    """One language's [quantities] table, compiled once per process."""

    code: str
    cjk: bool  # tokenise by character (zh ja ko), not by word
    lex: dict  # folded word -> (type, value)
    pieces: dict  # lex plus pieces of glued compounds ("vent" in "ventitré")
    maxlen: int
    first_chars: frozenset
    multi_first: frozenset  # first words of multi-word entries ("quatre" of "quatre vingt")
    alt_words: frozenset  # a second numeral script that must not mix with the first (kana)
    glue: tuple
    digits: re.Pattern
    dec: str
    groups: str
    suffixes: dict
    approx: dict  # context phrases, indexed by _index
    approx_after: dict
    percent_after: dict
    percent_before: dict
    percent_over: re.Pattern | None
    percent_units: dict
    points: dict
    currency_after: dict
    currency_before: dict
    currency_codes: dict
    unit_leads: tuple
    range_between: list  # (before, middle)
    range_dash: tuple
    months: set
    particles: tuple
    counters: tuple
    weak: set
    exclude: dict
    ordinal_suffix: re.Pattern | None
    ordinal_before: dict
    date_after: tuple
    not_after: set
    has_mixed: bool
    range_middles: tuple
    needs_and: frozenset
    glue_prefix: bool
    scale_first: bool
    glued_units: bool
    text2num: str
    ordinal_hint: re.Pattern
    digit_strings: bool
    tail_abbrev: bool
    bounded: bool
    rover_re: re.Pattern | None
    counted_deps: frozenset = frozenset({"nummod", "nmod"})  # number -> counted noun labels
    needs_complement: frozenset = frozenset()  # "tiers", "quarter": a fraction only before "de"/"of"
    complements: frozenset = frozenset()
    qualifiers: tuple = ()  # (folded phrase, kind), longest first: "au moins" -> at_least
    money_scales: dict = None  # folded scale word -> factor, only beside a currency ("£12m")
    age_before: tuple = ()  # folded words before an age ("aged", "âgé de")
    age_after: tuple = ()  # folded words after one ("years old", "ans,")
    verb_particles: frozenset = frozenset()  # determiners that end a clause as a verb particle ("ein")
    rank_before: tuple = ()  # folded words before a rank ("number", "Rang")
    minor_units: dict = None  # folded subunit word -> units per major unit ("cents" = 100)
    minor_index: dict = None  # the same, indexed by _index for look-ups after a number


_TYPES = (("words", "num"), ("multipliers", "mul"), ("scales", "scale"), ("denominators", "den"))


@cache
def _lang(code: str) -> _Lang:
    data = langdata.load(code)
    q = data["quantities"]
    lex: dict = {}
    for key, typ in _TYPES:
        for w, v in q.get(key, {}).items():
            lex[_fold(w)] = (typ, float(v))
    for key, typ in (("kana_words", "num"), ("kana_multipliers", "mul"), ("kana_scales", "scale")):
        for w, v in q.get(key, {}).items():
            lex[w] = (typ, float(v))
    kana = ("kana_words", "kana_multipliers", "kana_scales")
    alt_words = frozenset(w for key in kana for w in q.get(key, {}))
    for w in q.get("alone_fractions", []):
        typ, v = lex.get(_fold(w), ("den", 2.0))
        lex[_fold(w)] = ("denalone", v)
    for key, typ in (("connectors", "and"), ("point", "point"), ("minus", "minus"), ("over", "over"),
                     ("reverse_over", "rover"), ("articles", "art"), ("determiners", "det"),
                     ("mixed", "mixed"), ("and_half", "andhalf"), ("of", "of"), ("avos", "avos"),
                     ("fillers", "fill"), ("power", "pow"), ("power_end", "powend"), ("times", "times")):
        for w in q.get(key, []):
            old = lex.get(_fold(w))
            lex[_fold(w)] = (typ, old[1] if old else 1.0)
    if "and_half" in q:
        for w in q["and_half"]:
            lex[_fold(w)] = ("andhalf", 0.5)
    pieces = dict(lex)
    for w, v in q.get("pieces", {}).items():  # elided forms that only occur inside compounds
        pieces[_fold(w)] = ("num", float(v))
    dec = q.get("decimal", ".")
    groups = "".join(q.get("group", [","]))
    suffixes = {k: float(v) for k, v in q.get("suffixes", {}).items()}
    suf_alt = "|".join(sorted((re.escape(s) for s in suffixes), key=len, reverse=True)) or "(?!)"
    g = re.escape("".join(sorted(set(groups + ".,'"))))
    # digits (3-digit groups with any grouping mark, else one decimal mark), then exponent,
    # "/d" fraction and a glued or spaced suffix scale ("10k", "2,33 k")
    suf_end = "A-Za-z" if q.get("cjk") else r"^\W\d_"  # "15kパーセント" but not "10kg"
    # "t0", "SCP173": glued to a word (Chinese, Japanese, Korean and Arabic "و١٢" glue digits to words)
    lb = r"(?<!\d)" if q.get("cjk") or q.get("glue_prefix") else r"(?<![^\W_])"
    sign_lb = r"(?<![\d.,/-])" if q.get("cjk") else r"(?<![\w.,/-])"  # "SCP-173" is not negative
    digits = re.compile(
        rf"(?P<sign>{sign_lb}-\s?)?{lb}(?P<num>\d{{1,3}}(?:[{g}]\d{{3}})+(?:[.,]\d+(?![.,]\d))?(?!\d|[.,]\d)"
        rf"|(?<!\d[.,])\d++(?:[.,]\d++(?![.,]\d))?|(?<=\d[.,])\d++|(?<![^\s(\-])[.,]\d+)"
        rf"(?P<exp>\s?\^\s?[-+]*\d+|e[-+]?\d+|\s?x\s?10\s?(?:\^\s?[-+]?|[-+])\d+)?"
        rf"(?:\s?(?P<frac>/\s?\d{{1,3}})(?![/\d]))?"
        rf"(?:\s{{0,2}}(?P<suffix>{suf_alt})(?![{suf_end}]))?"
        rf"(?P<glued>[^\W\d_]+)?")
    months = set()
    for m in q.get("months", []):
        months.add(_fold(m).rstrip("."))

    def phrases(key):
        return sorted((_fold(p) for p in q.get(key, [])), key=len, reverse=True)

    cur = q.get("currencies", {})
    cur_after = sorted(((_fold(k), v) for k, v in cur.items()), key=lambda kv: -len(kv[0]))
    cur_before = sorted(((_fold(k), v) for k, v in q.get("currency_symbols", {}).items()),
                        key=lambda kv: -len(kv[0]))
    ordsuf = q.get("ordinal_suffixes", [])
    rover = q.get("reverse_over", [])
    return _Lang(
        code=code, cjk=bool(q.get("cjk", False)), lex=lex, pieces=pieces,
        maxlen=max((len(k) for k in pieces), default=1), first_chars=frozenset(k[0] for k in lex),
        multi_first=frozenset(re.split(r"[ -]", k)[0] for k in lex if re.search(r"[ -]", k)),
        alt_words=alt_words, glue=tuple(_fold(x) for x in q.get("glue", [])), digits=digits, dec=dec,
        groups=groups, suffixes=suffixes,
        approx=_index(phrases("approx"), last=True), approx_after=_index(phrases("approx_after")),
        percent_after=_index(phrases("percent")), percent_before=_index(phrases("percent_before"), last=True),
        percent_over=re.compile("|".join(r"\s*".join(re.escape(c) for c in w) for w in q["percent_over"]))
        if q.get("percent_over") else None, percent_units=_index(list(q.get("percent_units", {}).items())),
        points=_index(phrases("points")),
        currency_after=_index(cur_after), currency_before=_index([c for c, _ in cur_before], last=True),
        currency_codes=dict(cur_before), unit_leads=tuple(_fold(x) for x in q.get("unit_leads", [])),
        range_between=[(_fold(a), _fold(b)) for a, b in q.get("range_between", [])],
        range_dash=tuple(phrases("range_words")), months=months,
        particles=tuple(q.get("particles", [])), counters=tuple(q.get("counters", [])),
        weak={_fold(w) for w in q.get("weak", [])}, exclude=_index(phrases("exclude")),
        ordinal_suffix=re.compile("|".join(re.escape(s) for s in ordsuf)) if ordsuf else None,
        ordinal_before=_index(phrases("ordinal_prefixes"), last=True),
        date_after=tuple(q.get("date_suffixes", [])), not_after={_fold(w) for w in q.get("not_after", [])},
        text2num=q.get("text2num", ""), ordinal_hint=re.compile(q.get("ordinal_hint", "(?!)"), re.I),
        has_mixed=bool(q.get("mixed")), range_middles=tuple(phrases("range_middles")),
        needs_and=frozenset(_fold(w) for w in q.get("needs_and", [])), glue_prefix=bool(q.get("glue_prefix")),
        scale_first=bool(q.get("scale_first")),
        glued_units=bool(q.get("glued_units")), digit_strings=bool(q.get("digit_strings")),
        counted_deps=frozenset(q.get("counted_noun_deps", ["nummod", "nmod"])),
        tail_abbrev=bool(q.get("tail_abbrev")), bounded=bool(q.get("word_bounded")),
        rover_re=re.compile("|".join(r"\s*".join(re.escape(c) for c in w) for w in rover))
        if rover and q.get("cjk") else None,
        needs_complement=frozenset(_fold(w) for w in q.get("needs_complement", [])),
        complements=frozenset(_fold(w) for w in q.get("complements", [])),
        qualifiers=tuple(sorted(((_fold(p), kind) for kind, ps in q.get("qualifiers", {}).items()
                                 for p in ps), key=lambda pk: -len(pk[0]))),
        money_scales={_fold(k): float(v) for k, v in q.get("money_scales", {}).items()},
        age_before=tuple(_fold(w) for w in q.get("age_before", [])),
        age_after=tuple(_fold(w) for w in q.get("age_after", [])),
        verb_particles=frozenset(_fold(w) for w in q.get("verb_particles", [])),
        rank_before=tuple(_fold(w) for w in q.get("rank_before", [])),
        minor_units={_fold(k): float(v) for k, v in q.get("minor_units", {}).items()},
        minor_index=_index([(_fold(k), float(v)) for k, v in q.get("minor_units", {}).items()]))


def _index(phrases: list, last: bool = False) -> dict:
    """Phrases by their first (or last) character, longest first, for quick context look-ups."""
    out: dict = {}
    for p in sorted(phrases, key=lambda p: -len(p[0] if isinstance(p, tuple) else p)):
        key = p[0] if isinstance(p, tuple) else p
        if key:
            out.setdefault(key[-1] if last else key[0], []).append(p)
    return out


# ------------------------------------------------------------------ tokens
@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    typ: str  # lit num mul scale den denalone and mixed point minus over rover art det sep word ...
    value: float = 0.0
    text: str = ""
    literal: bool = False
    alt: bool = False  # a word of the language's second number script (Japanese kana)
    unit: str | None = None  # a unit glued to the digits ("ml" of "75ml")


def _parse_digits(m: re.Match, L: _Lang) -> float | None:
    s = m.group("num")
    seps = [c for c in s if not c.isdigit()]
    if not seps:
        v = float(s)
    else:
        last = seps[-1]
        groups_ok = all(len(p) == 3 for p in re.split(r"[^\d]", s)[1:])
        head = re.split(r"[^\d]", s)[0]
        if len(set(seps)) > 1:  # "1.234,56" / "1,234.56": the last one is the decimal mark
            dec = last
        elif len(seps) > 1:  # "1.234.567" / "1 234 567": grouping
            if not groups_ok:
                return None
            dec = None
        elif last in " \u00a0\u202f":
            dec = None if groups_ok else "!"
        elif groups_ok and head and head != "0" and len(head) <= 3 and last != L.dec:
            dec = None  # "1,200" in English, "1.200" in German
        elif groups_ok and head and head != "0" and len(head) <= 3 and last == L.dec and last not in L.groups:
            dec = last
        elif last == L.dec or not groups_ok or head in ("", "0"):
            dec = last
        else:
            dec = None
        if dec == "!":
            return None
        if dec is None:
            v = float(re.sub(r"[^\d]", "", s))
        else:
            ip, _, fp = s.rpartition(dec)
            ip = re.sub(r"[^\d]", "", ip) or "0"
            if not fp.isdigit():
                return None
            v = float(f"{ip}.{fp}")
    exp = m.group("exp")
    if exp:
        e = exp.replace(" ", "")
        if e.startswith("^"):
            n = e[1:]
            neg = n.count("-") % 2 == 1
            p = float(n.replace("-", "").replace("+", ""))
            v = v ** (-p if neg else p)
        elif e.startswith("e"):
            v = v * 10 ** float(e[1:])
        else:
            v = v * 10 ** float(re.split(r"x10\^?", e)[1])  # "1.3x10^6", "5.5x10-3"
    if m.group("frac"):
        d = float(m.group("frac")[1:].strip())
        if d == 0:
            return None
        v = v / d
    if m.group("suffix"):
        v *= L.suffixes[m.group("suffix")]
    if m.group("sign"):
        v = -v
    return v


_WORD = re.compile(r"[^\W\d_]+|[^\w\s]")


@lru_cache(maxsize=200_000)
def _split(code: str, word: str) -> tuple | None:
    """Split a glued compound ("einhunderteinunddreißig", "tremiladuecento") into lexicon pieces."""
    L = _lang(code)
    n = len(word)
    if n < 4:
        return None
    best: list = [None] * (n + 1)
    best[0] = ()
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(min(n, i + L.maxlen), i, -1):
            piece = word[i:j]
            e = L.pieces.get(piece)
            if e is not None and e[0] in ("num", "mul", "scale", "den", "det", "art", "denalone", "avos"):
                cand = best[i] + ((e[0], e[1]),)
            elif piece in L.glue and (i > 0 or L.glue_prefix):
                cand = best[i] + (("and", 1.0),)
            else:
                continue
            if best[j] is None or len(cand) < len(best[j]):
                best[j] = cand
    out = best[n]
    if out is None or len(out) < 2 or out[-1][0] == "and":
        return None
    return out


def _tokens_spaced(text: str, L: _Lang) -> list[_Tok]:
    toks: list[_Tok] = []
    pos = 0
    while True:
        m = L.digits.search(text, pos)
        if m is None:
            break
        _words(text, pos, m.start(), L, toks)
        pos = m.end()
        if m.group("frac") and m.start() > 0 and text[m.start() - 1] == "/":
            # "5/17/2018": a date, not the fraction 17/2018
            sub = text[m.start():m.start("frac")].rstrip()
            mm = L.digits.match(sub)
            v = _parse_digits(mm, L) if mm else None
            if v is not None:
                toks.append(_Tok(m.start(), m.start() + len(sub), "lit", v, sub, literal=True))
                pos = m.start("frac")
                continue
        if m.group("glued"):
            glued = m.group("glued")
            if L.ordinal_suffix and L.ordinal_suffix.fullmatch(glued):
                toks.append(_Tok(m.start(), m.end(), "ordinal", text=m.group()))
                continue
            # a measure glued to its unit ("75ml", "1.8m", "200lbs"): the number, with the unit
            sub = text[m.start():m.start("glued")]
            mm = L.digits.match(sub)
            v = _parse_digits(mm, L) if mm and mm.end() == len(sub) else None
            if v is None or len(glued) > 4:
                toks.append(_Tok(m.start(), m.end(), "word", text=m.group()))
            else:
                toks.append(_Tok(m.start(), m.start("glued"), "lit", v, sub, literal=True, unit=glued))
            continue
        v = _parse_digits(m, L)
        if v is None:
            toks.append(_Tok(m.start(), m.end(), "word", text=m.group()))
            continue
        toks.append(_Tok(m.start(), m.end(), "lit", v, m.group(), literal=True))
    _words(text, pos, len(text), L, toks)
    return toks


def _words(text: str, a: int, b: int, L: _Lang, toks: list[_Tok]) -> None:
    if a >= b:
        return
    ms = list(_WORD.finditer(text, a, b))
    i = 0
    while i < len(ms):
        m = ms[i]
        w = m.group()
        if w in _VULGAR:
            toks.append(_Tok(m.start(), m.end(), "lit", _VULGAR[w], w, literal=True))
            i += 1
            continue
        if not w[0].isalpha():
            toks.append(_Tok(m.start(), m.end(), "sep" if w in "-'" else "punct", text=w))
            i += 1
            continue
        # longest multi-word entry ("quatre vingt", "out of", "pour cent")
        done = False
        f = _fold(w)
        for k in (3, 2) if f in L.multi_first else ():
            if i + k - 1 < len(ms):
                parts = [ms[j].group() for j in range(i, i + k)]
                if not all(p[0].isalpha() or p == "-" for p in parts):
                    continue
                key = _fold(" ".join(p for p in parts if p != "-"))
                e = L.lex.get(key) or L.lex.get(_fold("-".join(p for p in parts if p != "-")))
                if e is not None and (parts[-1] != "-"):
                    end = ms[i + k - 1].end()
                    toks.append(_Tok(m.start(), end, e[0], e[1], text[m.start():end]))
                    i += k
                    done = True
                    break
        if done:
            continue
        e = L.lex.get(f)
        if e is not None:
            toks.append(_Tok(m.start(), m.end(), e[0], e[1], w))
        else:
            pieces = _split(L.code, f) if f.isalpha() else None
            if pieces:
                for typ, v in pieces:
                    toks.append(_Tok(m.start(), m.end(), typ, v, w))
            else:
                toks.append(_Tok(m.start(), m.end(), "word", text=w))
        i += 1


def _tokens_cjk(text: str, L: _Lang) -> list[_Tok]:
    toks: list[_Tok] = []
    pos = 0
    for m in L.digits.finditer(text):
        _cjk_chars(text, pos, m.start(), L, toks)
        pos = m.end()
        v = _parse_digits(m, L) if not m.group("glued") else None
        if m.group("glued") and m.group("glued").isascii() and _fold(m.group("glued")) not in L.lex:
            toks.append(_Tok(m.start(), m.end(), "word", text=m.group()))  # "180ml", "29km"
            continue
        if m.group("glued"):
            # CJK text glues digits to the next word ("3年", "20$"): keep the digits, rescan the rest
            sub = text[m.start():m.start("glued")]
            mm = L.digits.match(sub)
            v = _parse_digits(mm, L) if mm else None
            if v is not None:
                toks.append(_Tok(m.start(), m.start("glued"), "lit", v, sub, literal=True))
            _cjk_chars(text, m.start("glued"), m.end(), L, toks)
            continue
        if v is None:
            toks.append(_Tok(m.start(), m.end(), "word", text=m.group()))
        else:
            toks.append(_Tok(m.start(), m.end(), "lit", v, m.group(), literal=True))
    _cjk_chars(text, pos, len(text), L, toks)
    return toks


def _char_type(c: str) -> str:
    return "sep" if c == "-" else ("punct" if not c.isalnum() else "word")


def _cjk_chars(text: str, a: int, b: int, L: _Lang, toks: list[_Tok]) -> None:
    i = a
    while i < b:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if c in _VULGAR:
            toks.append(_Tok(i, i + 1, "lit", _VULGAR[c], c, literal=True))
            i += 1
            continue
        if c not in L.first_chars:
            toks.append(_Tok(i, i + 1, _char_type(c), text=c))
            i += 1
            continue
        hit = None
        if L.rover_re is not None:
            m = L.rover_re.match(text, i, b)
            if m:  # "分 之", "分  之"
                toks.append(_Tok(i, m.end(), "rover", 1.0, m.group()))
                i = m.end()
                continue
        for ex in L.exclude.get(c, ()):
            if text.startswith(ex, i):
                hit = ("word", 0.0, len(ex))
                break
        if hit is None:
            for j in range(min(b, i + L.maxlen), i, -1):
                e = L.lex.get(text[i:j])
                if e is not None:
                    hit = (e[0], e[1], j - i)
                    break
        if hit is None:
            toks.append(_Tok(i, i + 1, _char_type(c), text=c))
            i += 1
            continue
        typ, v, n = hit
        toks.append(_Tok(i, i + n, typ, v, text[i:i + n], alt=text[i:i + n] in L.alt_words))
        i += n


# ------------------------------------------------------------------ folding runs
_NUMERIC = ("lit", "num", "mul", "scale", "den", "denalone", "det", "art")


class _Fraction:
    """The fraction state of a number being folded: "three fifths", "and a half", "de 3/4 millón".

    `snap`/`wsnap` hold the value when a connector was seen (the whole part of a mixed number);
    once `frac` is set only a scale word may follow ("three quarters of a million").
    """

    def _init_fraction(self) -> None:
        self.snap: float | None = None  # value when a connector was seen (mixed numbers)
        self.frac = False
        self.fbase = self.fval = 0.0
        self.wsnap: float | None = None  # after a connector that is not a mixed-number "and"
        self.has_den = False
        self.fval_raw = self.fscale = 0.0
        self.pow = False

    def _scale_fraction(self, v: float) -> None:
        """A scale after a fraction: "drei Viertel Milliarde" = (base + 3/4) x 10^9."""
        self.total, self.cur = self.fbase + self.fval * v, 0.0
        self.fval_raw, self.fscale = self.fval, v
        self.frac = False

    def _setfrac(self, base: float, fval: float, scale: float) -> bool:
        self.fbase, self.fval = base, fval
        self.has_den = True
        self.total, self.cur = base, fval * scale
        self.frac = True
        self.n += 1
        return True

    def fraction(self, d: float, alone: bool) -> bool:
        """A denominator word: "three fifths", "a quarter", "twenty and three fifths"."""
        if self.n == 0:
            return alone and self._setfrac(0.0, 1.0 / d, 1.0)
        if self.frac:
            return False
        scale = 1.0
        if self.snap is not None and self.last_scale_val and self.snap >= self.last_scale_val \
                and self.snap % self.last_scale_val == 0:
            scale = self.last_scale_val  # "five billion and three quarters"
        if self.snap is not None and self.snap < self.value and self.value - self.snap < 10:
            return self._setfrac(self.snap, (self.value - self.snap) / d, scale)
        if self.snap is not None and self.snap == self.value:  # "et demi", "and a half"
            return self._setfrac(self.snap, 1.0 / d, scale)
        if self.wsnap is not None and self.wsnap == self.value:  # "y medio", "e meio"
            big = self.last_scale_val and self.wsnap >= self.last_scale_val
            scale = self.last_scale_val if big else 1.0
            return self._setfrac(self.wsnap, 1.0 / d, scale)
        return self._setfrac(0.0, self.value / d, 1.0)


class _Acc(_Fraction):
    """Folds one run of number tokens into a value (see the module docstring).

    The running total lives here (`total` above the last scale word, `cur` below it, `tail` the
    last additive group); the fraction state comes from `_Fraction`. `add` hands each token kind
    to its own fold.
    """

    def __init__(self, L: _Lang | None = None):
        self.cjk = bool(L and L.cjk)
        self.glued_units = bool(L and L.glued_units)
        self.needs_and = L.needs_and if L else frozenset()
        self.scale_first = bool(L and L.scale_first)
        self.lead_scale = 0.0  # "milioni 8": a scale word before its number (scale_first languages)
        self.word = ""  # the folded text of the token being added
        self.gap = False  # whitespace between the previous token and this one
        self.idx = 0  # index of the token being added
        self.cur_start = -1  # index of the token where the part below the last scale began
        self.ordinal = False
        self.total = 0.0
        self.cur = 0.0
        self.tail = 0.0
        self.last_scale = math.inf
        self.last_scale_val = 0.0
        self.n = 0
        self.prev = ""  # type of the previous numeric token
        self.prev_lit = False
        self.joined = False  # a connector came right before the current token
        self.prev_val = 0.0
        self.digits_only = True  # only single digit words so far ("二〇一八", "零一二三")
        self.approx = False
        self._init_fraction()

    @property
    def value(self) -> float:
        if self.lead_scale:
            return (self.total + self.cur) * self.lead_scale if self.n > 1 else self.lead_scale
        return self.total + self.cur

    def add(self, t: _Tok) -> bool:
        """Fold `t` in; False when it cannot continue this number."""
        typ = t.typ
        if self.frac and typ not in ("scale", "mul"):
            return False
        fold = _FOLDS.get(typ)
        v = fold(self, t) if fold is not None else None
        if v is None:
            return False
        self.n += 1
        self.prev = typ
        self.prev_val = v
        self.prev_lit = t.literal
        if typ != "num" or not 0 <= v < 10 or t.literal:
            self.digits_only = False
        return True

    def _add_digits(self, t: _Tok) -> float | None:
        """Digits and number words ("4000", "fifty", "ein"): added below the last scale."""
        v = t.value
        if self.lead_scale and self.n == 1:  # "milioni 2.5": the number the scale word counts
            self.cur = self.tail = v
            self.cur_start = self.idx
            return v
        if self.n and self.prev in ("lit", "num", "det") and (t.literal or self.prev_lit) \
                and not (self.prev == "num" and self.prev_val == 0 and self.cur):  # "1千零1"
            if not (t.literal and self.prev_lit and 0 < v < 1 and "/" in t.text):
                return None  # "4000 3", "fifty 2": two numbers; "1 4/5" is one
        if self.n and not self._fits(v, t.literal):
            return None
        if t.literal and self.prev_lit and self.cur < 0:
            v = -v  # "- 1 4/5"
        elif 0 < v < 1 and not t.literal and self.cur == 0 and self.total > 0 and self.last_scale_val:
            v *= self.last_scale_val  # "vijf miljard en driekwart"
        if self.cur == 0:
            self.cur_start = self.idx
        self.cur += v
        self.tail = self.tail + v if self.prev in ("lit", "num", "det") else v
        return v

    def _add_article(self, t: _Tok) -> float | None:
        """"a hundred", "un millón": the article counts one, only at the start."""
        if self.n:
            return None
        self.cur += 1
        self.tail = 1
        return t.value

    def _add_multiplier(self, t: _Tok) -> float | None:
        """hundred, 百, 千, dozen: multiplies the last additive group."""
        v = t.value
        if self.frac:
            self._scale_fraction(v)
        elif self.tail:
            if self.tail >= v and not self.prev_lit and self.prev != "num":
                return None
            if not self.cjk and v >= 100 and self.cur - self.tail >= v:
                return None  # "hundred and five hundred and six": two numbers
            self.cur = self.cur - self.tail + self.tail * v
        elif self.cur and self.prev == "mul" and math.log10(v) % 1:
            self.cur *= v  # "十打" = 10 dozen
        elif self.cur and self.prev == "mul" and v < self.prev_val:
            self.cur += v  # "百十六" = 116, "二千十八" = 2018
        elif self.cur and self.prev == "num" and self.prev_val == 0:
            self.cur += v  # "一千零十" = 1010
        elif self.cur:
            return None
        else:
            self.cur = v
        self.tail = 0.0
        return v

    def _add_scale(self, t: _Tok) -> float | None:
        """thousand, million, 万, 억: closes the part below it into the total."""
        v = t.value
        if self.scale_first and self.n == 0:
            self.lead_scale = v  # "shilingi milioni 8": what follows is counted in millions
            return v
        if self.lead_scale:
            return None  # "milioni 8 elfu": a second scale starts another number
        if self.frac:
            self._scale_fraction(v)
        elif v < self.last_scale:
            if self.cur == 0 and self.total > 0:
                return None
            self.total += (self.cur or 1.0) * v
        elif v == self.last_scale and not (self.cjk and self.cur == 0):
            return None  # "deux cent mille quatorze mille": two numbers ("萬萬" is 10^8)
        else:
            if self.cur == 0 and self.total > 0:
                self.total *= v
            else:
                self.total = (self.total + (self.cur or 1.0)) * v
        self.cur = self.tail = 0.0
        self.last_scale = v
        self.last_scale_val = v
        return v

    def _fits(self, v: float, literal: bool) -> bool:
        c = self.cur
        if v != int(v):
            if literal and c == 0 and self.total > 0:
                return True  # "8385万2326.33"
            return c == int(c) and (not literal or (0 < v < 1 and self.prev_lit))
        if c != int(c):
            return False
        if literal:
            return c == 0 or (c % 1000 == 0 and v < 1000) or (c % 100 == 0 and v < 100)
        if not self.cjk and self.n and (v == 0 or (self.prev == "num" and self.prev_val == 0)):
            return False  # "sixty zero six": zero is said alone in European languages (零 is not)
        if self.glued_units and not self.joined and self.prev == "num" and self.gap and v < 10:
            return False  # "venti uno", "twintig één": these languages glue their units
        if self.word in self.needs_and and not self.joined and self.gap and c % 100 >= 20:
            return False  # "vingt un" is two numbers; "vingt et un", "vingt-un" are one
        if self.prev == "mul" and v < self.prev_val and c % self.prev_val == 0:
            return True  # "千五十", "hundred five", "백육십"
        if v >= 100:
            return c == 0
        c100 = c % 100
        if v < 10:
            return c100 % 10 == 0 and (c100 >= 10 or c100 == 0)
        if v < 20:
            return c100 == 0 or c100 in (60, 80)
        # tens: "twee-en-twintig", "einundzwanzig" (unit first, joined by en/und)
        return c100 == 0 or (c100 < 10 and self.prev in ("num", "det") and self.joined)


_FOLDS = {"lit": _Acc._add_digits, "num": _Acc._add_digits, "det": _Acc._add_digits,
          "art": _Acc._add_article, "mul": _Acc._add_multiplier, "scale": _Acc._add_scale}


@dataclass(slots=True)
class _Num:
    start: int
    end: int
    value: float
    first: int  # token index range
    last: int
    words: int  # number of word (non-literal) tokens
    det_only: bool = False
    has_den: bool = False  # a fraction ("three fifths", "분의")
    fval: float = 0.0  # the fraction before a scale word ("drei Viertel" in "drei Viertel Milliarde")
    fscale: float = 0.0
    approx: bool = False
    pow: bool = False
    ordinal: bool = False


def _runs(toks: list[_Tok], text: str, L: _Lang) -> list[_Num]:
    out: list[_Num] = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if t.typ not in _NUMERIC and t.typ not in ("minus", "denalone"):
            i += 1
            continue
        if t.typ == "minus" and out and out[-1].last == i - 1 and _gap_ok(text, out[-1].end, t.start, L.cjk) \
                and t.text[:1].isalpha():
            i += 1  # "huit moins quatre": an operator, not a sign
            continue
        if t.typ == "minus" and _qualifier(text, t.end, L) is not None:
            i += 1  # "au moins cinq", "al menos cinco": a bound on the number, not its sign
            continue
        res = _one(toks, i, text, L)
        if res is None:
            i += 1
            continue
        out.append(res)
        i = res.last + 1
    return out


def _gap_ok(text: str, a: int, b: int, cjk: bool) -> bool:
    gap = text[a:b]
    return len(gap) <= 4 and (not gap or gap.isspace()) and "\n" not in gap


def _one(toks: list[_Tok], i: int, text: str, L: _Lang, stop: int | None = None) -> _Num | None:
    """The longest number starting at token `i` and ending at `stop` at the latest."""
    n = len(toks) if stop is None else stop + 1
    start_i = i
    i, neg = _sign(toks, i, n, text, L)
    if i is None:
        return None
    run = _Run(toks, text, L, n, i)
    while run.j < n:
        t = toks[run.j]
        if run.last is not None:
            a = toks[run.pending[-1]].end if run.pending else toks[run.last].end
            if t.start != a and not _gap_ok(text, a, t.start, L.cjk):
                break
        if run.last is None and t.typ not in _NUMERIC:
            break
        if not _HANDLERS.get(t.typ, _Run.number)(run, t):
            break
    if run.last is None:
        return None
    return _finish(run, start_i, neg)


def _sign(toks: list[_Tok], i: int, n: int, text: str, L: _Lang) -> tuple[int | None, bool]:
    """Skip minus words before the number: (index of its first token or None, negative?)."""
    if toks[i].typ != "minus":
        return i, False
    neg = True
    i += 1
    while i < n and toks[i].typ == "minus":  # "マイナスマイナス"
        neg = not neg
        i += 1
    if i >= n or toks[i].typ not in _NUMERIC or not _gap_ok(text, toks[i - 1].end, toks[i].start, L.cjk):
        return None, neg
    return i, neg


class _Run:
    """The walk over the tokens of one number: one handler per token kind.

    Each handler folds the token at `j` into `acc` and moves `j` on (True), or says the number
    ends before it (False). `last` is the last token taken, `pending` the connectors and hyphens
    seen since, waiting for the next number token.
    """

    def __init__(self, toks: list[_Tok], text: str, L: _Lang, n: int, i: int):
        self.toks, self.text, self.L, self.n, self.i = toks, text, L, n, i
        self.acc = _Acc(L)
        self.j = i
        self.last: int | None = None
        self.pending: list[int] = []

    def take(self, last: int) -> bool:
        """Tokens up to `last` belong to the number; go on after it."""
        self.last, self.j, self.pending = last, last + 1, []
        return True

    def sub(self, k: int) -> _Num | None:
        """The number starting at token `k` (a denominator, an exponent, a second part)."""
        return _one(self.toks, k, self.text, self.L, self.n - 1)

    def skip_minus(self, k: int) -> tuple[int, float]:
        sign = 1.0
        while k < self.n and self.toks[k].typ == "minus":
            sign = -sign
            k += 1
        return k, sign

    def minor_after_digits(self, t: _Tok) -> bool:
        """A currency subunit word that is also a fraction word ("centesimi", hundredths) right
        after digits is the unit they count: "34 centesimi" is 34 cents, not 0.34. A multiplier
        keeps its reading ("322 cents" is 32200 in French number grammar)."""
        last = self.last
        return last is not None and self.toks[last].literal and not self.pending \
            and bool(self.L.minor_units) and _fold(t.text) in self.L.minor_units

    # ------------------------------------------------------------ connectors
    def connector(self, t: _Tok) -> bool:
        """"and", "-", "con", "又": a mixed number's fraction or decimal part, else wait for a number."""
        acc, L, toks, j = self.acc, self.L, self.toks, self.j
        if t.typ == "sep" and t.text != "-":
            return False
        if t.typ == "mixed" and not acc.frac and j + 1 < self.n and toks[j + 1].typ in _NUMERIC + ("minus",) \
                and _gap_ok(self.text, t.end, toks[j + 1].start, L.cjk):
            done = self.mixed()
            if done is not None:
                return done
        if not acc.frac and t.typ != "sep":
            if t.typ == "mixed" or not L.has_mixed:
                acc.snap = acc.value
            else:
                acc.wsnap = acc.value
        self.pending.append(j)
        self.j += 1
        return True

    def mixed(self) -> bool | None:
        """After a mixed-number word: the fraction or the decimal part; None when it is neither."""
        acc, L = self.acc, self.L
        sub = self.sub(self.j + 1)
        if sub is not None and sub.has_den and (0 < sub.value < 1 or sub.fscale):
            # "veinte con tres quintos", "三百五又三分之一", "3又一千分之23"
            acc.cur += _abbrev(self.toks, self.i, self.last, L)
            if sub.fscale:
                acc.total, acc.cur = (acc.value + sub.fval) * sub.fscale, 0.0
            else:
                scale = acc.last_scale_val if (acc.cur == 0 and acc.last_scale_val) else 1.0
                acc.cur += sub.value * scale
            acc.frac = acc.has_den = True
            return self.take(sub.last)
        if L.cjk:
            if sub is not None and not sub.has_den and 0 < sub.value < acc.value and \
                    acc.value % 10 ** len(str(int(sub.value))) == 0:
                acc.cur += sub.value  # "三百と二ダース" = 324
                return self.take(sub.last)
            return False  # "이백과 이천": two numbers
        if sub is not None and not sub.has_den and sub.value > 0:
            iv = int(round(sub.value))  # "cuarenta y siete con doscientos" = 47.2
            acc.cur += iv / 10 ** len(str(iv))
            return self.take(sub.last)
        return None

    def and_half(self, t: _Tok) -> bool:
        """"et demi", "and a half" in one word."""
        if self.acc.frac:
            return False
        self.acc.snap = self.acc.value
        return self.acc.fraction(2.0, False) and self.take(self.j)

    def point(self, t: _Tok) -> bool:
        """A decimal word: "point", "virgule", "点"."""
        if self.acc.frac:
            return False
        k, frac_val = _after_point(self.toks, self.j + 1, self.text, self.L)
        if k is None:
            return False
        self.acc.cur += frac_val
        return self.take(k)

    # ------------------------------------------------------------ fractions
    def denominator(self, t: _Tok) -> bool:
        """"fifths", "quarter", "demi"; after "twenty-" an ordinal ("twenty-first")."""
        acc = self.acc
        if self.minor_after_digits(t):
            return False  # "34 centesimi": cents, not 0.34
        if self.tens_denominator(t):
            return self.take(self.j)
        if t.typ == "den" and self.last is not None and not acc.frac and acc.value >= 10 and \
                any(self.toks[p].text == "-" for p in self.pending) and acc.value == int(acc.value):
            acc.cur += t.value  # "twenty-first", "dix-neuvième", "vingt-cinquième": an ordinal
            acc.ordinal = acc.frac = True
            return self.take(self.j)
        return acc.fraction(t.value, t.typ == "denalone") and self.take(self.j)

    def tens_denominator(self, t: _Tok) -> bool:
        """"one hundred thirty fifths", "cent trente-cinquième", "cento trentacinquesimi": after a
        hundred or a scale word, a tens word and a unit fraction word make the denominator
        (100 / 35), as a tens word and a fraction word alone do ("thirty-fifth"). With "and"
        before the tens ("one hundred and twenty-first") it stays an ordinal."""
        acc, toks, last = self.acc, self.toks, self.last
        if t.typ != "den" or last is None or acc.frac or last < 1 or not 1 < t.value < 10:
            return False
        tens, head = toks[last], toks[last - 1]
        if tens.typ != "num" or tens.literal or not (20 <= tens.value <= 90 and tens.value % 10 == 0):
            return False
        if head.typ not in ("mul", "scale") or head.literal or acc.joined:
            return False
        if any(toks[p].typ in ("and", "mixed") for p in self.pending):
            return False
        if not (head.end < tens.start and self.text[head.end:tens.start].isspace()):
            return False  # a glued "hundertdreißig" is one number
        numerator = acc.value - tens.value
        if numerator <= 0:
            return False
        acc.total, acc.cur = 0.0, numerator / (tens.value + t.value)
        acc.frac = acc.has_den = True
        return True

    def over(self, t: _Tok) -> bool:
        """"three over five", "3 out of 5": numerator first."""
        acc = self.acc
        if acc.frac:
            return False
        k = self.j + 1
        while k < self.n and self.toks[k].typ == "sep":
            k += 1
        if k < self.n and self.toks[k].typ in ("lit", "num", "det", "mul", "scale"):
            sub = self.sub(k)
            if sub is not None and sub.value and 0 < acc.value < sub.value <= 1000:
                acc.total, acc.cur = 0.0, acc.value / sub.value
                acc.frac = acc.has_den = True
                return self.take(sub.last)
        return False

    def reverse_over(self, t: _Tok) -> bool:
        """"이십일분의 삼", "3分の1", "五分之二": denominator first."""
        acc = self.acc
        if acc.frac:
            return False
        k, sign = self.skip_minus(self.j + 1)
        if k < self.n and self.toks[k].typ in ("lit", "num", "mul", "scale", "det"):
            sub = self.sub(k)
            if sub is not None and acc.value:
                base = acc.snap if (acc.snap is not None and acc.snap < acc.value) else 0.0
                acc.total, acc.cur = base, sub.value * sign / (acc.value - base)
                acc.frac = acc.has_den = True
                return self.take(sub.last)
        return False

    def filler(self, t: _Tok) -> bool:
        """"十多万", "五百余萬", "100あまり万": approximate, the number goes on."""
        if self.last is None or self.acc.frac:
            return False
        self.pending.append(self.j)
        self.acc.approx = True
        self.j += 1
        return True

    def power(self, t: _Tok) -> bool:
        """"1.1の23乗", "12.32×10の14乗"."""
        acc = self.acc
        if acc.frac or self.j + 1 >= self.n:
            return False
        k, sign = self.skip_minus(self.j + 1)
        sub = self.sub(k) if k < self.n and self.toks[k].typ in _NUMERIC else None
        if sub is None:
            return False
        if t.typ == "pow" and sub.last + 1 < self.n and self.toks[sub.last + 1].typ == "powend":
            try:
                acc.total, acc.cur = 0.0, acc.value ** (sign * sub.value)  # "1.1の23乗"
            except (OverflowError, ZeroDivisionError):
                return False
            acc.frac = acc.pow = True
            return self.take(sub.last + 1)
        if t.typ == "times" and sub.pow:
            acc.total, acc.cur = 0.0, acc.value * sub.value * sign  # "12.32×10の14乗"
            acc.frac = True
            return self.take(sub.last)
        return False

    def of(self, t: _Tok) -> bool:
        """"two thirds of a million": "of" only continues a fraction."""
        if not self.acc.frac:
            return False
        self.pending.append(self.j)
        self.j += 1
        return True

    def article(self, t: _Tok) -> bool:
        """"half a dozen"; "three million and a quarter" (the article counts one)."""
        if self.acc.frac:
            return self.of(t)
        if self.pending:
            t = _Tok(t.start, t.end, "num", 1.0, t.text)
        return self.number(t)

    # ------------------------------------------------------------ number tokens
    def number(self, t: _Tok) -> bool:
        """Digits, number words, multipliers and scales; else the number ends or a second part starts."""
        acc, toks, j, last = self.acc, self.toks, self.j, self.last
        if t.typ not in _NUMERIC:
            return False
        if last is not None and t.alt != toks[last].alt:
            return False  # "に一千万": kana and kanji numerals do not mix
        if last is not None and toks[last].unit:
            return False  # "75ml" ends its number
        if t.typ == "lit" and last is not None and toks[last].literal and self.pending:
            return False  # "1, 234" and "4000 - 3": two numbers
        acc.joined = any(toks[p].typ in ("and", "mixed") for p in self.pending)
        acc.gap = last is not None and t.start > toks[last].end and not self.pending  # a space, no "-"
        acc.idx = j
        acc.word = _fold(t.text) if acc.needs_and else ""
        if acc.add(t):
            self.last, self.pending = j, []
            self.j += 1
            return True
        if last is None or acc.frac:
            return False
        if self.L.digit_strings and acc.digits_only and t.typ == "num" and 0 <= t.value < 10 and \
                t.start == toks[last].end and not t.alt:
            acc.cur = acc.cur * 10 + t.value  # "二〇一八", "零一二三": digit by digit
            acc.n += 1
            self.last, self.j = j, j + 1
            return True
        return self.second_part()

    def spelled_count(self) -> bool:
        """The number so far is a whole count in words ("un", "three", "twenty"), no digits."""
        acc, toks = self.acc, self.toks
        return not acc.frac and acc.value >= 1 and acc.value == int(acc.value) and \
            toks[self.last].typ in ("det", "num", "art", "mul", "scale") and \
            not any(toks[k].literal for k in range(self.i, self.last + 1))

    def second_part(self) -> bool:
        """A number the fold refused may still end this one: "tres veinteavos", "un vingt-cinquième"."""
        acc, toks, n = self.acc, self.toks, self.n
        sub = self.sub(self.j)
        if sub is None:
            return False
        after = sub.last + 1
        if after < n and toks[after].typ == "avos" and toks[after].start - toks[sub.last].end <= 1 \
                and sub.value:
            # "tres veinteavos", "dois onze avos": the second number is the denominator
            base = acc.snap if (acc.snap is not None and 0 < acc.value - acc.snap < 10) else 0.0
            acc.total, acc.cur = base, (acc.value - base) / sub.value
            acc.frac = acc.has_den = True
            return self.take(after)
        if (sub.has_den or sub.ordinal) and toks[sub.last].typ == "den" and not self.pending \
                and sub.value > 0 and not sub.fscale and self.spelled_count() \
                and (acc.value == 1 or toks[sub.first].typ not in ("det", "art")):
            # "un vingt-cinquième", "three twenty-fifths", "tres veintemilésimos": a spelled count
            # the next number cannot extend, then an ordinal made of several words, is its
            # numerator ("drie een vijfde" is not: "een vijfde" has its own numerator)
            d = toks[sub.last].value
            head = sub.value * d  # the words before the fraction word: "vingt" of "vingt cinquièmes"
            if sub.ordinal:
                den = sub.value  # "vingt-cinquième": already the ordinal's number
            elif head < d:
                den = head * d  # "veintemilésimos", "dois milésimos": 20 x 1000, 2 x 1000
            elif head > d:
                den = head + d  # "cent cinquième", "twenty fifths": 100 + 5, 20 + 5
            else:
                return False
            if acc.value == 1 and toks[self.i].typ in ("det", "art") and \
                    not _complement_or_alone(self.text, toks[self.i].start, toks[sub.last].end, self.L):
                return False  # "un vingt-cinquième but": an article and a 25th goal
            acc.total, acc.cur = 0.0, acc.value / den
            acc.frac = acc.has_den = True
            self.last, self.j = sub.last, sub.last + 1
            return True
        if self.pending and sub.has_den and (acc.snap == acc.value or acc.wsnap == acc.value):
            # "one hundred and three and two thirds", "fünf und drei Viertel Milliarde"
            if sub.fscale:
                acc.total, acc.cur = (acc.value + sub.fval) * sub.fscale, 0.0
            elif 0 < sub.value < 1:
                acc.total, acc.cur = acc.value + sub.value, 0.0
            else:
                return False
            acc.frac = acc.has_den = True
            return self.take(sub.last)
        return False


_HANDLERS = {"and": _Run.connector, "mixed": _Run.connector, "sep": _Run.connector,
             "andhalf": _Run.and_half, "point": _Run.point, "den": _Run.denominator,
             "denalone": _Run.denominator, "over": _Run.over, "rover": _Run.reverse_over,
             "fill": _Run.filler, "pow": _Run.power, "times": _Run.power, "of": _Run.of,
             "art": _Run.article}


def _finish(run: _Run, start_i: int, neg: bool) -> _Num | None:
    """The folded run as a `_Num`, or a shorter number when the run stopped in the wrong place."""
    toks, L, acc, i, j, last = run.toks, run.L, run.acc, run.i, run.j, run.last
    n = run.n
    if j < n and last > i and toks[j].start == toks[last].start and toks[j].end == toks[last].end:
        # stopped inside a glued compound ("tausend hundertzweitausend"): end before that word
        f = last
        while f > i and toks[f - 1].start == toks[last].start:
            f -= 1
        if f > i:
            return _one(toks, start_i, run.text, L, f - 1)
    if j < n and toks[j].typ == "scale" and acc.cur and acc.cur_start > i and not acc.frac \
            and toks[j].value == acc.last_scale:
        # "deux cent mille quatorze mille": "quatorze" starts the next number
        return _one(toks, start_i, run.text, L, acc.cur_start - 1)
    end = toks[last].end
    kinds = {toks[k].typ for k in range(i, last + 1) if toks[k].typ in _NUMERIC}
    if kinds <= {"art"}:
        return None
    if toks[i].alt and last > i and not any(toks[k].typ in ("mul", "scale") for k in range(i, last + 1)):
        return None  # "しく", "くさん": kana that only look like digits
    if kinds <= {"scale"} and (L.cjk or (last == i and toks[i].text[:1].isupper() and i > 0)):
        return None  # a bare 万 / 억, or "Tausend" as a name
    value = acc.value + (0.0 if acc.frac else _abbrev(toks, i, last, L))
    words = sum(1 for k in range(i, last + 1) if not toks[k].literal and toks[k].typ in _NUMERIC)
    value = -value if neg else value
    return _Num(toks[start_i].start, end, value, start_i, last, words, kinds <= {"det"},
                acc.has_den, acc.fval_raw, acc.fscale, acc.approx, acc.pow, acc.ordinal)


def _abbrev(toks: list[_Tok], i: int, last: int, L: _Lang) -> float:
    """Chinese "一百五" = 150, "一万三" = 13000: a last digit after 百/千/万 counts in the next unit down."""
    if not L.tail_abbrev or last - i < 1 or toks[last].typ != "num" or not 0 < toks[last].value < 10:
        return 0.0
    m = toks[last - 1]
    if m.typ in ("mul", "scale") and m.value >= 100 and not m.literal:
        return toks[last].value * (m.value / 10 - 1)
    return 0.0


def _after_point(toks: list[_Tok], k: int, text: str, L: _Lang) -> tuple[int | None, float]:
    """Digits after a decimal word: "nine point nought four", "virgule cinquante deux"."""
    n = len(toks)
    if k >= n or toks[k].typ not in ("num", "lit", "det", "mul", "scale"):
        return None, 0.0
    if toks[k].literal:
        digits = re.sub(r"\D", "", toks[k].text)
        return (k, float("0." + digits)) if digits else (None, 0.0)
    nxt = toks[k + 1] if k + 1 < n else None
    spelled = nxt is not None and nxt.typ in ("mul", "scale") and _gap_ok(text, toks[k].end, nxt.start, L.cjk)
    if toks[k].typ in ("num", "det") and toks[k].value < 10 and toks[k].value == int(toks[k].value) \
            and not spelled:  # "nine point nought four" digit by digit; "un virgule deux cent trente six"
        ds = ""
        last = None
        while k < n and toks[k].typ in ("num", "det") and toks[k].value < 10 \
                and toks[k].value == int(toks[k].value):
            if last is not None and not _gap_ok(text, toks[last].end, toks[k].start, L.cjk):
                break
            ds += str(int(toks[k].value))
            last = k
            k += 1
        return last, float("0." + ds)
    sub = _one(toks, k, text, L)
    if sub is None or sub.value <= 0:
        return None, 0.0
    iv = int(round(sub.value))
    return sub.last, iv / 10 ** len(str(iv))


# ------------------------------------------------------------------ context
def _before(text: str, pos: int, index: dict, cjk: bool) -> int | None:
    """Start of a phrase that ends right before `pos` (spaces allowed between)."""
    k = pos
    while k > 0 and text[k - 1] in " \u00a0\u202f":
        k -= 1
    if k == 0:
        return None
    cands = index.get(_fold(text[k - 1]))
    if not cands:
        return None
    head = _fold(text[max(0, k - 24):k])
    for p in cands:
        if head.endswith(p):
            s = k - len(p)
            if s == 0 or cjk or not text[s - 1].isalnum():
                return s
    return None


def _after(text: str, pos: int, index: dict, cjk: bool, leads: tuple = ()) -> tuple[int, object] | None:
    """End of a phrase starting right after `pos` (spaces, and leads such as "de ", allowed before it)."""
    k = pos
    while k < len(text) and text[k] in " \u00a0\u202f":
        k += 1
    if k >= len(text):
        return None
    tail = _fold(text[k:k + 28])
    for lead in ("",) + leads:
        if lead and not tail.startswith(lead):
            continue
        rest = tail[len(lead):]
        for p in index.get(rest[:1], ()):
            key = p[0] if isinstance(p, tuple) else p
            if rest.startswith(key):
                e = k + len(lead) + len(key)
                if e >= len(text) or cjk or not text[e].isalnum() or not key[-1].isalnum():
                    return e, p
    return None


# Digits that are not counts: phone numbers ("01 23 45 67 89", "+33 1 23 45 67 89", "555-123-4567"),
# scores ("3-1", "2–0", "3:1": a range would go up), names glued to a word by a hyphen ("Covid-19",
# "F-35"), clock and race times ("14:30", "1:12.69").
_PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[\s.-]?(?:\(0\)\s?)?\d{1,4}(?:[\s.-]\d{2,4}){2,5}"
                    r"|0\d(?:[\s.]?\d\d){4}|\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4})(?!\w)")
_SCORE = re.compile(r"(?<![\w.,/:-])(\d{1,2})\s?[-–:]\s?(\d{1,2})(?![\w%]|[.,/:-]\d)")
_NAMED = re.compile(r"(?<=[^\W\d_]-)\d+(?![.,]?\d)")
_CLOCK = re.compile(r"(?<![\w.,:])\d{1,2}(?::\d\d)+(?:[.,]\d+)?(?![\w:])")  # "14:30", a race time "1:12.69"


def _not_counts(norm: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _PHONE.finditer(norm)] + [m.span() for m in _NAMED.finditer(norm)]
    spans += [m.span() for m in _CLOCK.finditer(norm)]
    spans += [m.span() for m in _SCORE.finditer(norm) if int(m.group(1)) >= int(m.group(2))]
    return spans


def find_quantities(text: str, lang: str) -> list[Quantity]:
    """Quantities in `text` with character offsets into `text` (plain function, no spaCy)."""
    L = _lang(lang if lang in _known() else "base")
    norm = text.translate(_FULLWIDTH)
    toks = _tokens_cjk(norm, L) if L.cjk else _tokens_spaced(norm, L)
    nums = _runs(toks, norm, L)
    found: list[Quantity] = []
    masked = [] if L.cjk else _not_counts(norm)
    for num in nums:
        if found and num.start < found[-1].end:
            continue  # inside the previous quantity's unit ("个百分点")
        if masked and toks[num.first].literal and any(a <= num.start and num.end <= b for a, b in masked):
            continue
        if L.needs_complement and _lacks_complement(toks, num, norm, L):
            continue  # "à un tiers" (a third party), "in the second quarter" (a period)
        q = Quantity(num.start, num.end, text[num.start:num.end], num.value)
        first_tok, last_tok = toks[num.first], toks[num.last]
        if num.ordinal:
            q.kind = "ordinal"
        elif num.det_only and _is_article(toks, num, norm, L):
            q.kind = "determiner"
        elif L.bounded and not _weak_ok(norm, num, L, toks):
            # Korean: "이다", "사람" are not numbers; "1조각" is 1 and a piece (조각)
            while num is not None and not _weak_ok(norm, num, L, toks):
                shorter = _one(toks, num.first, norm, L, stop=num.last - 1) if num.last > num.first else None
                num = shorter if shorter is not None and shorter.last < num.last else None
            if num is None:
                continue
            q = Quantity(num.start, num.end, text[num.start:num.end], num.value)
            first_tok, last_tok = toks[num.first], toks[num.last]
        elif L.cjk and num.words == 1 and not last_tok.literal and _fold(last_tok.text) in L.weak:
            if not _weak_ok(norm, num, L):
                continue
        elif L.date_after and norm.startswith(L.date_after, num.end) and _date_end(norm, num.end, L):
            q.kind = "date"  # "5月4日", "3时"
        elif L.ordinal_before and _before(norm, num.start, L.ordinal_before, True) is not None:
            q.kind = "ordinal"  # "第3"
        elif num.words == 1 and num.last == num.first and num.first > 0 and \
                num.value == 1 and toks[num.first - 1].typ in ("word", "of") and \
                _fold(toks[num.first - 1].text) in L.not_after:
            continue  # "the one you mentioned", "which one"
        elif not L.cjk and _near_month(toks, num, L):
            q.kind = "date"
        elif not L.cjk and _in_name(toks, num, norm):
            continue  # "Medio Ambiente", "Cinq Étoiles": a capitalised word inside a name
        elif num.first == num.last and toks[num.first].typ == "denalone" and \
                re.match(r"-[^\W\d_]", norm[num.end:num.end + 2]):
            continue  # "demi-finale", "half-time": a compound noun, not 0.5
        q.approx = num.approx
        if last_tok.unit and not _glued_money_scale(q, last_tok.unit, norm, L):
            code = _glued_currency(last_tok.unit, L)
            if code is not None:  # "115.5USD", "100元": money, not a measure
                q.kind, q.unit, q.end = "money", code, q.end + len(last_tok.unit)
                q.text = text[q.start:q.end]
            else:
                q.kind, q.unit = "measure", last_tok.unit
        if first_tok.literal and first_tok.value < 0 and first_tok.text.startswith("-") and \
                first_tok.text[1:2].isspace() and norm[:num.start].rstrip()[-1:].isdigit():
            # "40 - 50": a dash between numbers, not a minus sign
            q.start = first_tok.start + len(first_tok.text) - len(first_tok.text[1:].lstrip())
            q.value = -q.value
        if L.percent_over is not None and L.percent_over.match(norm, num.start):
            q.kind, q.unit, q.value = "percent", "%", q.value * 100  # "百分之五十" = 50 %, "千分之一" = 0.1 %
        number_start = q.start
        _context(q, norm, text, L, first_tok)
        _qualify(q, norm, text, number_start, L)
        found.append(q)
    if L.text2num and L.ordinal_hint.search(norm):
        found = _with_ordinals(found, norm, text, L)
    if L.minor_units:
        _money_parts(found, norm, text, L)
    _ranges(found, norm, text, L)
    return found


def _money_parts(found: list[Quantity], norm: str, text: str, L: _Lang) -> None:
    """An amount in units and subunits is one amount: "13 euros et 45 centimes", "zwei Euro
    fünfzig", "15 dollars and 15.", "五元三毛", "2222円13銭" (13.45, 2.50, 15.15, 5.3, 2222.13).

    After money in a currency (not in its subunit), the next number joins it when only spaces or
    a connector ("and", "et", "con", "と") lie between and it is followed by a subunit word, or,
    written alone ("15 dollars 50."), when nothing but punctuation follows it. It must be a whole
    number of subunits below one unit.
    """
    i = 0
    while i + 1 < len(found):
        a, b = found[i], found[i + 1]
        if a.kind != "money" or a.high is not None or _fold(a.text).endswith(tuple(L.minor_units)):
            i += 1
            continue
        gap = _fold(norm[a.end:b.start]).strip()
        if gap and L.lex.get(gap, ("",))[0] not in ("and", "mixed"):
            i += 1
            continue
        part = _subunits(b, norm, text, L)
        if part is None:
            i += 1
            continue
        n, per, end = part
        a.value += n / per
        a.end = end
        a.text = text[a.start:end]
        found.pop(i + 1)


def _subunits(b: Quantity, norm: str, text: str, L: _Lang) -> tuple[float, float, int] | None:
    """(count, subunits per unit, end) when `b` counts subunits of the amount before it."""
    if b.high is not None or b.qualifier or b.approx or b.kind not in ("number", "money"):
        return None
    low = _fold(b.text)
    n, per, end = b.value, None, b.end
    for w, v in sorted(L.minor_units.items(), key=lambda kv: -len(kv[0])):
        if low.endswith(w) and (L.cjk or len(low) == len(w) or not low[-len(w) - 1].isalnum()):
            head = text[b.start:b.end - len(w)]  # "quarante-cinq cents": the count before the word
            inner = [q for q in find_quantities(head, L.code) if q.kind in ("number", "money")]
            if len(inner) != 1 or head[inner[0].end:].strip():
                return None
            n, per = inner[0].value, v
            break
    else:
        if b.kind != "number":
            return None
        hit = _after(norm, b.end, L.minor_index, L.cjk)
        if hit is not None:
            per, end = hit[1][1], hit[0]
        else:
            rest = norm[b.end:b.end + 2].lstrip()
            if rest[:1].isalnum():
                return None  # "15 dollars 50 times": a count of something else
            per = 100.0
    if n != int(n) or not 0 < n < per:
        return None
    return n, per, end


class _T2NToken:
    """The token protocol of text2num's `find_numbers` (a word with its offsets)."""

    __slots__ = ("t", "start", "end")

    def __init__(self, m: re.Match):
        self.t, self.start, self.end = m.group(), m.start(), m.end()

    def text(self) -> str:
        return self.t

    def nt_separated(self, previous) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


def _with_ordinals(found: list[Quantity], norm: str, text: str, L: _Lang) -> list[Quantity]:
    """Spelled-out ordinals ("vingt et unième", "twenty-first", "zweiundzwanzigste") from text2num.

    text2num (fr en es de it nl pt) reads ordinals well; they become kind "ordinal" (not counts:
    the statements table leaves them out) unless our own parse already covers the words.
    """
    from text_to_num import find_numbers

    toks = [_T2NToken(m) for m in _WORD.finditer(norm)]
    out = list(found)
    for occ in find_numbers(toks, L.text2num, 0.0):
        if not occ.is_ordinal or occ.end <= occ.start:
            continue
        a, b = toks[occ.start].start, toks[occ.end - 1].end
        clash = [q for q in found if q.start < b and a < q.end and q.kind != "ordinal"]
        if any(not (a <= q.start and q.end <= b and q.end - q.start < b - a) for q in clash):
            continue  # our parse reads these words otherwise ("trois cinquièmes" = 0.6)
        out = [q for q in out if not (q.start < b and a < q.end)]
        num = _numerator_before(out, a, b, norm, occ.value, L)
        if num is not None:  # "tre ventunesimi", "un ventunesimo dei voti": 3/21, 1/21
            out.remove(num)
            out.append(Quantity(num.start, b, text[num.start:b], num.value / occ.value))
            continue
        out.append(Quantity(a, b, text[a:b], float(occ.value), "ordinal"))
    out.sort(key=lambda q: q.start)
    return out


def _numerator_before(found: list[Quantity], a: int, b: int, norm: str, ordinal: float,
                      L: _Lang) -> Quantity | None:
    """A count in words right before a spelled ordinal (a..b) is the numerator of a fraction,
    as in "three fifths": "drie eenentwintigste", "tre ventunesimi". Not before "first" or
    "second" ("les deux premiers" are the first two), and an article ("un", "une") only with a
    complement after the ordinal or the phrase alone ("un ventunesimo posto" is a 21st place)."""
    if ordinal < 3:
        return None
    for q in found:
        if q.end <= a and norm[q.end:a].isspace() and len(norm[q.end:a]) <= 2 \
                and q.kind in ("number", "determiner") and q.high is None and not q.approx \
                and q.value >= 1 and q.value == int(q.value) and not any(c.isdigit() for c in q.text):
            if q.value == 1 and not _complement_or_alone(norm, q.start, b, L):
                if L.lex.get(_fold(q.text), ("",))[0] in ("det", "art"):
                    q.kind = "determiner"  # "un vingt-cinquième but": the article of a 25th goal
                return None
            return q
    return None



def _qualifier(text: str, pos: int, L: _Lang) -> str | None:
    """The qualifier phrase ending at `pos` (spaces before it allowed): "au moins", "more than"."""
    if not L.qualifiers:
        return None
    head = _fold(text[max(0, pos - 24):pos]).rstrip(" \u00a0\u202f")
    for phrase, kind in L.qualifiers:
        if head.endswith(phrase):
            k = len(head) - len(phrase)
            if k == 0 or not head[k - 1].isalnum():
                return kind
    return None


def _qualify(q: Quantity, norm: str, text: str, number_start: int, L: _Lang) -> None:
    """`qualifier` from the words before the number; "about" for any other approximation word;
    a scale word after a currency amount ("€3 mn", "75 USD million")."""
    q.qualifier = _qualifier(norm, number_start, L)
    if q.qualifier is None:  # "más de un 20 %": an article between the qualifier and the number
        m = re.search(r"([^\W\d_]+)\s+$", norm[max(0, number_start - 12):number_start])
        if m and L.lex.get(_fold(m.group(1)), ("",))[0] in ("det", "art"):
            q.qualifier = _qualifier(norm, number_start - len(m.group(0)), L)
    if q.qualifier is None and q.approx:
        q.qualifier = "about"
    if q.kind == "money" and (L.money_scales or q.unit in L.currency_codes.values()):
        m = _SPACED_SCALE.match(norm, q.end)
        scale = L.money_scales.get(_fold(m.group(1))) if m else None
        if m and scale is None and norm[q.start:q.end].rstrip()[-3:].isupper():
            # a code before the scale word: "75 USD million", "125 USD millones"
            e = L.lex.get(_fold(m.group(1)))
            scale = e[1] if e and e[0] == "scale" else None
        if scale is not None:
            q.value *= scale
            q.end = m.end()
            q.text = text[q.start:q.end]


_SPACED_SCALE = re.compile(r"[ \u00a0]?([^\W\d_]+)(?![^\W\d_])")


def _glued_money_scale(q: Quantity, unit: str, norm: str, L: _Lang) -> bool:
    """"£12m", "12m euros": a scale glued to digits beside a currency (the money is read later)."""
    scale = L.money_scales.get(_fold(unit)) if L.money_scales else None
    if scale is None:
        return False
    end = q.end + len(unit)
    if _before(norm, q.start, L.currency_before, L.cjk) is None and \
            _after(norm, end, L.currency_after, L.cjk, L.unit_leads) is None:
        return False
    q.value *= scale
    q.end = end
    return True


def _glued_currency(unit: str, L: _Lang) -> str | None:
    """The ISO code of a currency word or code glued to digits ("USD" of "115.5USD"), else None."""
    f = _fold(unit)
    for p in L.currency_after.get(f[:1], ()):
        if p[0] == f:
            return p[1]
    return L.currency_codes.get(f)


def _in_name(toks, num: _Num, text: str) -> bool:
    """A spelled number word written with a capital inside a run of capitalised words, not at a
    sentence start: "Ministerio de Medio Ambiente", "Tres Cantos" (a name, not 0.5 or 3)."""
    if num.words != num.last - num.first + 1 or not toks[num.first].text[:1].isupper():
        return False
    before = text[:toks[num.first].start].rstrip()
    if not before or before[-1] in ".!?:;\n\"«“—-(":
        return False
    j = num.last + 1
    nxt = toks[j] if j < len(toks) else None
    return nxt is not None and nxt.typ == "word" and nxt.text[:1].isupper() \
        and _gap_ok(text, toks[num.last].end, nxt.start, False)


def _lacks_complement(toks, num: _Num, text: str, L: _Lang) -> bool:
    """A fraction word with only an article before it ("un tiers", "a quarter") and no complement
    after it ("des électeurs", "of the vote"): a third party, a quarter of the year, not 1/3 or 1/4.
    "deux tiers", "three quarters" keep their number."""
    if _fold(toks[num.last].text) not in L.needs_complement:
        return False
    if any(toks[k].typ not in ("det", "art") for k in range(num.first, num.last)):
        return False
    if not text[:num.start].strip() and not text[num.end:].strip(" .!?"):
        return False  # the phrase alone (a list item, a cell): no context says it is not 1/4
    j = num.last + 1
    return not (j < len(toks) and _fold(toks[j].text).rstrip("'") in L.complements
                and _gap_ok(text, toks[num.last].end, toks[j].start, False))


_NEXT_WORD = re.compile(r"[ \u00a0]{0,2}([^\W\d_]+)")


def _complement_or_alone(text: str, a: int, b: int, L: _Lang) -> bool:
    """The words at a..b stand alone (a list item, a cell) or a complement follows them
    ("des voix", "dei voti"): an article and an ordinal there make a fraction, "un ventunesimo
    dei voti" (1/21), where "un ventunesimo posto" is a 21st place."""
    if not text[:a].strip() and not text[b:].strip(" .!?"):
        return True
    m = _NEXT_WORD.match(text, b)
    return m is not None and _fold(m.group(1)) in L.complements


def _is_article(toks, num: _Num, text: str, L: _Lang) -> bool:
    """A lone "un"/"une"/"ein" followed by a word is an article, not a count."""
    j = num.last + 1
    if _fold(toks[num.last].text) in L.verb_particles and (j >= len(toks) or toks[j].typ == "punct"):
        return True  # "sammelte 12 Mio. Euro ein.": a separable verb particle
    start = toks[num.first].start
    if start > 1 and text[start - 1] in "-‐'’" and text[start - 2].isalpha():
        return True  # "Kim Jong-un": the end of a hyphenated name; "l'une de l'autre": a pronoun
    if j + 1 < len(toks) and toks[j].text in OPENING and toks[j + 1].typ in ("word", "lit") \
            and _gap_ok(text, toks[num.last].end, toks[j].start, False):
        return True  # "une « marche républicaine »": the article of a quoted noun
    # "un 40 por ciento", "une 3e place": the article of the next number, not a count either
    return j < len(toks) and toks[j].typ in ("word", "lit") \
        and _gap_ok(text, toks[num.last].end, toks[j].start, False)


def _weak_ok(text: str, num: _Num, L: _Lang, toks: list[_Tok] | None = None) -> bool:
    """Korean numerals stand alone or before a particle or counter ("삼은", "세 개", "백육십일 호").

    A one-syllable word ("이", "세", "일") needs the particle or counter: alone it is "this",
    "three"/"age" or "day" as often as a number.
    """
    a, b = num.start, num.end
    first_lit = toks is not None and toks[num.first].literal
    left_ok = a == 0 or not text[a - 1].isalnum() or text[a - 1].isdigit() or first_lit
    follows = text.startswith(L.particles, b) or text.startswith(L.counters, b) or \
        (text[b:b + 1] == " " and text.startswith(L.counters, b + 1))  # "백 퍼센트", "십 년"
    if toks is not None and toks[num.last].literal:
        return True
    if b - a == 1 or (toks is not None and num.first == num.last and _fold(toks[num.last].text) in L.weak):
        return left_ok and (follows or (a == 0 and b >= len(text.rstrip())))
    right_ok = b >= len(text) or not text[b].isalnum() or follows
    return left_ok and right_ok


def _date_end(text: str, pos: int, L: _Lang) -> bool:
    for suf in L.date_after:
        e = pos + len(suf)
        if text.startswith(suf, pos) and (e >= len(text) or not text[e].isalnum() or L.cjk and not L.bounded):
            return True
    return False


def _near_month(toks, num: _Num, L: _Lang) -> bool:
    """Digits that are a day or year of a written date ("le 4 mai", "Dec. 24, 2025")."""
    if not L.months or num.words:
        return False
    v0 = toks[num.first].value
    if num.first == num.last and (v0 != int(v0) or v0 > 9999):
        return False  # "37,305.97" is no day or year
    for j in (num.first - 1, num.first - 2, num.last + 1, num.last + 2):
        if 0 <= j < len(toks) and toks[j].typ == "word" and _fold(toks[j].text).rstrip(".") in L.months:
            return True
    v = toks[num.first].value
    if num.first == num.last and 1000 <= v <= 2100 and v == int(v) and len(toks[num.first].text) == 4:
        back = [t for t in toks[max(0, num.first - 4):num.first] if t.typ != "punct"]
        if any(t.typ == "word" and _fold(t.text).rstrip(".") in L.months for t in back):
            return True  # the year of "Dec. 24, 2025"
    return False


def _context(q: Quantity, norm: str, text: str, L: _Lang, first_tok: _Tok) -> None:
    """Approximation words, percent and points, currencies around the number."""
    s = _before(norm, q.start, L.approx, L.cjk)
    if s is not None:
        q.approx = True
        q.start = s
    if L.approx_after and _after(norm, q.end, L.approx_after, L.cjk) is not None:
        q.approx = True  # "3천여", "十万以上", "50% 左右" keeps the number's end
    pct = _after(norm, q.end, L.percent_after, L.cjk)
    pu = _after(norm, q.end, L.percent_units, L.cjk) if L.percent_units and q.kind == "number" else None
    if pu is not None:  # "七成" = 70 %, "九折" = 90 % of the price, "5.6割" = 56 %
        q.kind, q.unit, q.end, q.value = "percent", "%", pu[0], q.value * pu[1][1]
    elif pct is not None:
        q.kind, q.unit, q.end = "percent", "%", pct[0]
    else:
        s = _before(norm, q.start, L.percent_before, L.cjk)
        if s is not None:
            q.kind, q.unit, q.start = "percent", "%", s
        else:
            pt = _after(norm, q.end, L.points, L.cjk)
            if pt is not None:  # more than 100 points is a score or an index, not a percentage
                q.kind = "percent" if q.value is not None and abs(q.value) <= 100 else "number"
                q.unit, q.end = "pt", pt[0]
    if q.kind == "number":
        cur = _after(norm, q.end, L.currency_after, L.cjk, L.unit_leads)
        if cur is not None and not cur[1][0][-1:].isalnum() and _digits_at(norm, cur[0]) and \
                _before(norm, q.start, L.currency_before, L.cjk) is not None:
            cur = None  # "$ 20,000.00 $ 37,305.97": that symbol opens the next amount
        if cur is not None:
            q.kind, q.unit, q.end = "money", cur[1][1], cur[0]
        else:
            s = _before(norm, q.start, L.currency_before, L.cjk)
            if s is not None:
                q.kind, q.unit, q.start = "money", L.currency_codes.get(_fold(norm[s:q.start].strip())), s
    q.text = text[q.start:q.end]


def _digits_at(text: str, pos: int) -> bool:
    """Digits right after `pos` (spaces allowed)."""
    rest = text[pos:pos + 4].lstrip(" \u00a0\u202f")
    return rest[:1].isdigit()


def _ranges(found: list[Quantity], norm: str, text: str, L: _Lang) -> None:
    """"entre 600 et 800", "3-5%", "from 10 to 20": keep the low bound, set `high`."""
    i = 0
    while i + 1 < len(found):
        a, b = found[i], found[i + 1]
        gap = _fold(norm[a.end:b.start]).strip()
        counted = ("number", "percent", "money")
        ok_kinds = a.kind in counted and b.kind in counted
        ok_kinds = ok_kinds and (a.kind == "number" or a.kind == b.kind or b.kind == "number")
        ok_kinds = ok_kinds and (a.unit == b.unit or a.unit is None or b.unit is None)
        is_range = False
        if ok_kinds and gap in ("-", "–", "~", "〜", "～") + tuple(L.range_dash) and a.value < b.value:
            is_range = True
        elif ok_kinds and L.range_middles and a.value < b.value and \
                _same_unit_range(gap, _fold(norm[b.end:b.end + 16]), L.range_middles):
            is_range = True  # "44 mg to 50 mg"
        if not is_range and ok_kinds:
            head = _fold(norm[max(0, a.start - 12):a.start]).rstrip()
            for before, middle in L.range_between:
                if gap == middle and (head.endswith(" " + before) or head == before):
                    is_range = True
        if is_range:
            a.high, a.high_text = b.value, b.text
            if a.kind == "number" and b.kind != "number":
                a.kind, a.unit = b.kind, b.unit
            a.end = b.end
            a.text = text[a.start:a.end]
            a.approx = a.approx or b.approx
            found.pop(i + 1)
        i += 1


def _same_unit_range(gap: str, after: str, middles: tuple) -> bool:
    """"44 mg to 50 mg": a short unit word, a range word, and the same unit after the second number."""
    parts = gap.split()
    return len(parts) == 2 and parts[1] in middles and parts[0].isalpha() and len(parts[0]) <= 12 \
        and after.split()[:1] == [parts[0]]


@lru_cache(maxsize=1)
def _known() -> frozenset:
    return frozenset(langdata.available()) | {"base"}


# ------------------------------------------------------------------ claims
# A claim row (README, "What counts as a claim") is a sentence with a finite verb and at least one
# quantity that states an amount: not an identifier ("Boeing 737", "n° 12"), a phone number, a
# score or tally ("2/3", "3-1"), an age, a year, a rank ("27e") or a table cell.
_TALLY = re.compile(r"\d+\s?/\s?\d+")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_ID_BEFORE = re.compile(r"(?:n°|no\.|nº|#|№)\s*$", re.I)


def claim_quantities(sent, spans) -> list:
    """The quantity spans of `sent` that can make it a claim (see the block comment above)."""
    doc = sent.doc
    L = _lang(doc.lang_ if doc.lang_ in _known() else "base")
    text = doc_text(doc)
    return [sp for sp in spans if sent.start_char <= sp.start_char < sent.end_char
            and _states_an_amount(sp._.quantity, text, L)]


def _states_an_amount(q: Quantity, text: str, L: _Lang) -> bool:
    if q.kind not in ("number", "percent", "money", "measure"):
        return False
    core = q.text.strip()
    if _TALLY.fullmatch(core) or (_YEAR.fullmatch(core) and q.kind == "number"):
        return False  # "2/3" (a tally), "2016" (a year)
    head = text[max(0, q.start - 30):q.start]
    if _ID_BEFORE.search(head) or _is_identifier(head, core, q):
        return False
    tail = _fold(text[q.end:q.end + 16]).lstrip()
    if L.ordinal_suffix is not None and q.kind == "number" and (m := re.match(r"\w+", tail)) \
            and L.ordinal_suffix.fullmatch(m.group()):
        return False  # "la 27 e édition": a rank
    fhead = _fold(head).rstrip()
    if any(fhead.endswith(w) for w in L.age_before) or any(tail.startswith(w) for w in L.age_after):
        return False  # "âgé de 93 ans", "45 years old"
    if any(fhead.endswith(w) and (len(fhead) == len(w) or not fhead[-len(w) - 1].isalnum())
           for w in L.rank_before):
        return False  # "Number one", "auf Rang drei"
    return not _table_cell(text, q)


def _is_identifier(head: str, core: str, q: Quantity) -> bool:
    """Digits right after a capitalised word, with no unit: a model, a route, a race ("Boeing 737")."""
    if q.kind != "number" or not core[:1].isdigit() or q.unit:
        return False
    m = re.search(r"(\w+)[ \u00a0-]$", head)
    if m is None or not m.group(1)[:1].isupper():
        return False
    before = head[:m.start()].rstrip()
    return bool(before) and before[-1] not in ".!?:\n"  # not the first word of a sentence


def _table_cell(text: str, q: Quantity) -> bool:
    """A number on a table row: see `table_line`."""
    a = text.rfind("\n", 0, q.start) + 1
    b = text.find("\n", q.end)
    return table_line(text[a:b if b >= 0 else len(text)])


def table_line(line: str) -> bool:
    """A line made mostly of numbers ("LYON 12 7 3 2 20 11 24", "Ghana: 1 - Mensah, 4 - Boateng,
    …"): a table row or a line-up, not a sentence."""
    numbers = len(re.findall(r"\d+(?:[.,]\d+)?", line))
    words = len(re.findall(r"[^\W\d_]{3,}", line))
    return numbers >= 3 and words < 2 * numbers


def has_finite_verb(sent) -> bool:
    """A clause: a finite verb where the morphology marks verb forms, else a verb or auxiliary
    from the tagger; with no tags at all (rules tier), four words and a closing stop. Fewer than
    three words is a fragment ("a 30 ans."), not a clause."""
    if sum(t.is_alpha for t in sent) < 3:
        return False
    if any("Fin" in t.morph.get("VerbForm") for t in sent):
        return True
    doc = sent.doc
    if doc.has_annotation("MORPH") and any(t.morph.get("VerbForm") for t in doc):
        return False  # the model marks finite verbs, and none is here
    if doc.has_annotation("POS") or doc.has_annotation("TAG"):
        return any(t.pos_ in ("VERB", "AUX") for t in sent)
    words = [t for t in sent if t.is_alpha]
    return len(words) >= 4 and sent.text.rstrip()[-1:] in ".!?。"


# ------------------------------------------------------------------ spaCy component
@Language.factory("newsfacts_quantities", assigns=["doc.spans", "span._.quantity"])
def make_quantities(nlp: Language, name: str) -> QuantitiesComponent:
    return QuantitiesComponent(nlp.lang)


class QuantitiesComponent:
    """Stores `doc.spans["quantities"]`, each span carrying `span._.quantity` (a `Quantity`)."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for q in find_quantities(doc_text(doc), self.lang):
            if q.kind in ("determiner", "date", "ordinal", "year"):
                continue
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None:
                continue
            if q.unit is None:
                q.unit = _counted_noun(span)
            span._.quantity = q
            spans.append(span)
        doc.spans["quantities"] = spans
        return doc


def _counted_noun(span) -> str | None:
    """The noun a number counts: "33,7 millions de comptes" -> "comptes".

    First the parse (a NOUN the number modifies, right after it), then the next noun after
    prepositions, articles and other numbers ("3 000 des 33,7 millions de comptes").
    """
    doc = span.doc
    L = _lang(doc.lang_ if doc.lang_ in _known() else "base")

    def is_number(t) -> bool:
        return t.like_num or _fold(t.text) in L.lex or t.text in ("%", "$", "€")

    for tok in span:
        h = tok.head
        if tok.dep_ in L.counted_deps and h.pos_ == "NOUN" and span.end <= h.i <= span.end + 3 \
                and not is_number(h):
            return h.text
    for t in doc[span.end: span.end + 7]:
        if t.is_space or t.pos_ in ("ADP", "DET") or _fold(t.text).rstrip("'") in L.complements \
                or is_number(t):
            continue
        if t.pos_ in ("NOUN", "PROPN"):
            return t.text
        break
    return None
