"""Temporal expressions resolved against the publication date.

Why not a library end to end: `dateparser.search_dates` over a whole text is slow (~50 ms per
article), finds dates in words such as "des" or "Je", drops weekday modifiers ("vendredi
prochain" -> the bare weekday), cannot use the tense of the sentence and loses the year carried
over from an earlier date once `RELATIVE_BASE` is set; on the Recognizers-Text dev specs it
detects 67% of the mentions and resolves 45% of the days. Recognizers-Text covers four of our
languages at ~5 cases/s. So:

1. Candidates come from per-language rules: one regex per language, compiled once, from
   dateparser's own locale data (month and weekday names, units, "ago"/"in" words, relative
   phrases and relative-expression patterns, for any of its ~200 locales) plus the `[dates]`
   table of `pipeline/lang/<code>.toml` (modifiers, relative words dateparser misses such as
   어제/昨天/前天, holidays, CJK date markers, glue and range words, tense cues; base.toml
   documents every key). Adjacent atoms separated only by spaces, punctuation or glue words make
   one mention; a mention needs an anchor (month, weekday, relative word, numeric date, time,
   year), so bare numbers are never dates.
2. Mentions are resolved here from their atoms: ISO and numeric dates in the locale's order
   (French "10/02/2017" is 10 February), day-month-year with names, relative words, weekdays with
   modifiers, "N units ago / in N units / N days before X", nth weekday of a month, holidays,
   parts of a year or month as ranges ("the first eight months of the year", "premier trimestre").
   A spelled number after a weekday is its day only as a date form ("martes once"), not an
   article or a count ("jeudi un budget", "mardi deux fois").
   That covers ~95% of the mentions at ~3,000 cases/s and applies modifiers and tense; the rest
   goes to one reused `DateDataParser` per language, default PREFER_DATES_FROM (never "past":
   on news it moves announced dates back a year).
3. A bare weekday, holiday or day-month takes the past or the coming occurrence from the tense:
   an explicit `tense`, else (spaCy component) the morphology and auxiliaries of the governing
   verb, else the language's tense cue words in the sentence, else the past for a weekday.
4. A day-month without a year takes the year of the latest explicit year earlier in the text.

Every mention is emitted with kind date/time/duration/set (for scoring detection); the spaCy
component keeps kind "date" with a value for `doc.spans["dates"]`.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from itertools import accumulate

from spacy.language import Language
from spacy.tokens import Doc

from .. import lang as langdata
from .doc_text import doc_text

UNITS = ("year", "month", "week", "day", "hour", "minute", "second")
# one char for one char, so offsets stay valid: full-width forms and apostrophe look-alikes
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {ord(c): "'" for c in "’‘ʼꞌ′‵՚ʹ"}
_CJK_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6,
               "七": 7, "八": 8, "九": 9}
_CJK_NUM = "[〇零一二两兩三四五六七八九十]"
_CJK_BIG = "[〇零一二两兩三四五六七八九十百千]"  # a count or a spelled year ("二千", "两千")
_NOSPACE_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR", "TIBETAN")


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    value: date | None
    granularity: str = "day"  # day, month, year, range; "relative" (value None) with no reference date
    end_value: date | None = None  # last day of a range
    kind: str = "date"  # date, time, duration, set

    def iso(self) -> str | None:
        """The referee's value: a day, or "start/end" for a range over several days."""
        if self.value is None:
            return None
        if self.granularity == "range" and self.end_value and self.end_value != self.value:
            return f"{self.value.isoformat()}/{self.end_value.isoformat()}"
        return self.value.isoformat()


# ---------------------------------------------------------------------------------------- lexicon
@dataclass
class Lexicon:
    """Everything find_dates needs for one language, compiled once."""

    code: str
    dp_lang: str | None
    date_order: str
    numeric_order: str  # order of "3-7-2017" (Chinese writes DMY there, YMD with words)
    atoms: re.Pattern
    words: dict[str, tuple[str, object]]  # lower-cased word -> (class, payload)
    glue: set[str]
    gap_re: re.Pattern
    past_re: re.Pattern | None
    future_re: re.Pattern | None
    next_means: str  # "next_week" or "upcoming"
    last_means: str  # "previous_week" or "most_recent"
    weak: set[str] = field(default_factory=set)
    conjunctions: set[str] = field(default_factory=set)
    between_re: re.Pattern | None = None
    dprel: list = field(default_factory=list)  # (pattern, unit, sign) from dateparser's relative-type-regex
    articles: set[str] = field(default_factory=set)  # "Friday the 13th", "samedi le 23"
    future_aux: set[str] = field(default_factory=set)  # lemmas of auxiliaries that make a future
    determiners: set[str] = field(default_factory=set)  # "un", "a", "ein": never the day of a date
    weak_month_after: set[str] = field(default_factory=set)  # "in", "en", "fin": a weak month is a month
    weak_month_title: bool = False  # a weak month must be capitalised too ("March", not "march")
    prep_tense: dict[str, str] = field(default_factory=dict)  # "depuis" -> past, "jusqu'à" -> future
    chain_units: dict[str, str] = field(default_factory=dict)  # glued unit -> unit ("주", "か月")
    chain_numbers: dict[str, int] = field(default_factory=dict)  # "数", "몇": counts inside a glued duration
    nospace: bool = False  # a script without spaces between words
    first_weekday: int = 0  # the day a week starts on (0 Monday, 6 Sunday)
    month_number_prefixes: set[str] = field(default_factory=set)  # "del" in "el 21 del 3"
    chain_later: tuple[str, ...] = ()  # "で" in "2週間で"
    day_number_words: set[str] = field(default_factory=set)  # "día" in "el día 25" (not English "Day 1")
    prefix_directions: set[str] = field(default_factory=set)  # "in" of "in 18 days", never "18 days in"
    postposed_modifiers: set[str] = field(default_factory=set)  # "passée" of "la semaine passée"
    eras: dict[str, int] = field(default_factory=dict)  # era -> the year before its first ("平成" = 1988)
    month_lookup: dict[str, int] = field(default_factory=dict)  # every month name, weak ones too ("set")
    ordinal_words: dict[str, int] = field(default_factory=dict)  # the toml's ordinals, units too ("segundo")


def _locale(code: str):
    try:
        from dateparser.languages.loader import default_loader

        return default_loader.get_locale(code)
    except Exception:
        return None


def _nospace(words) -> bool:
    for w in words:
        for ch in w:
            if ch.isalpha():
                name = unicodedata.name(ch, "")
                return any(s in name for s in _NOSPACE_SCRIPTS)
    return False


def _phrase(word: str) -> str:
    return r"\s*".join(re.escape(p) for p in word.split()) if " " in word else re.escape(word)


@cache
def lexicon(code: str) -> Lexicon:
    """The compiled rules of one language (a locale such as "zh-Hant" uses its language's file)."""
    base = code.split("-")[0]
    data = langdata.load(base)["dates"]
    loc = _locale(code) or _locale(base)
    info = loc.info if loc is not None else {}
    nospace = data.get("boundary") == "none" or (
        not data.get("boundary") and _nospace(info.get("january", []) + info.get("monday", [])))
    words = _vocabulary(data, info, nospace)
    chain_units = _chain_units(data, info, words) if nospace or data.get("boundary") == "left" else {}
    chain_numbers = {w.lower(): int(n) for w, n in (data.get("chain_numbers") or {}).items()}
    months = _all_month_names(data, info)
    atoms, dprel = _atom_pattern(data, info, words, nospace, chain_units, chain_numbers, months)
    glue, gap_re = _gap_pattern(data, info, nospace)
    weak = {w.lower() for w in data.get("weak_names", [])}

    def cue(key: str) -> re.Pattern | None:
        cues = data.get(key) or []
        if not cues:
            return None
        cues = sorted(cues, key=len, reverse=True)
        alt = "|".join(_phrase(c) for c in cues if c[:1].isalnum()) or "(?!)"
        clitics = "|".join(_phrase(c) for c in cues if not c[:1].isalnum()) or "(?!)"  # "'ll" in "I'll"
        if nospace:
            return re.compile(rf"(?:{alt}|{clitics})", re.I)
        return re.compile(rf"(?<!\w)(?:{alt})(?!\w)|(?:{clitics})(?!\w)", re.I)

    order = data.get("date_order") or (info.get("date_order") if info else None) or "DMY"
    return Lexicon(code=code, dp_lang=loc.shortname if loc is not None else None, date_order=order,
                   numeric_order=data.get("numeric_order") or order,
                   atoms=atoms, words=words, glue=glue, gap_re=gap_re, past_re=cue("past_cues"),
                   future_re=cue("future_cues"), next_means=data.get("next_means", "upcoming"), weak=weak,
                   last_means=data.get("last_means") or "most_recent",
                   conjunctions={w.lower() for w in data.get("conjunctions", [])}, between_re=cue("between"),
                   dprel=dprel, articles={w.lower() for w in data.get("articles", [])},
                   future_aux={w.lower() for w in data.get("future_auxiliaries", [])},
                   determiners={w.lower() for w in data.get("determiners", [])},
                   weak_month_after={w.lower() for w in data.get("weak_month_after", [])},
                   weak_month_title=bool(data.get("weak_month_title")),
                   prep_tense={w.lower(): tense for tense in ("past", "future")
                               for w in data.get(f"{tense}_prepositions", [])},
                   chain_units=chain_units, chain_numbers=chain_numbers, nospace=nospace,
                   month_lookup=months, first_weekday=int(data.get("first_weekday", 0)),
                   eras={k: int(v) for k, v in (data.get("eras") or {}).items()},
                   month_number_prefixes={w.lower() for w in data.get("month_number_prefixes", [])},
                   chain_later=tuple(data.get("chain_later") or ()),
                   day_number_words={w.lower() for w in data.get("day_number_words", [])},
                   prefix_directions={w.lower() for w in data.get("prefix_directions", [])},
                   postposed_modifiers={w.lower() for w in data.get("postposed_modifiers", [])},
                   ordinal_words={w.lower(): int(n) for w, n in (data.get("ordinals") or {}).items()})


def _all_month_names(data: dict, info: dict) -> dict[str, int]:
    """Month names and abbreviations, the ambiguous ones ("set", "mar") included: inside a
    numeric date ("23/set/2020", "September-2020-23") nothing else can stand there."""
    out = {}
    for i, key in enumerate(_MONTH_KEYS, 1):
        for name in info.get(key, []):
            if len(name.strip(".")) >= 3:
                out[name.strip(".").lower()] = i
    for name, i in (data.get("month_names") or {}).items():
        out[name.strip(".").lower()] = int(i)
    return out


def _chain_units(data: dict, info: dict, words: dict) -> dict[str, str]:
    """Units glued to their number in scripts without spaces ("2주", "21日", "1か月"): the
    language's unit words plus dateparser's, bare 년/年/일/日 included (too ambiguous as words, safe
    after a number), but not the month or hour markers ("5월" is May, "21時" nine in the evening)."""
    months = set((data.get("ymd_markers") or {}).get("month", [])) | set(data.get("time_markers") or [])
    units = {w: u for w, (cls, u) in words.items() if cls == "unit" and isinstance(u, str)}
    for unit in UNITS:
        for name in info.get(unit, []):
            units.setdefault(name.lower(), unit)
    return {w: u for w, u in units.items() if w not in months}


def _holiday_date(md: str) -> tuple:
    """"12-25" -> (12, 25); "easter-2" -> ("easter", -2)."""
    if md.startswith("easter"):
        return ("easter", int(md[6:] or 0))
    return tuple(int(x) for x in md.split("-"))


# The [dates] keys of the language file, in the order they are added (a later key wins a clash):
# (key, class, payload). A callable payload reads the value of a table; a plain one is the
# payload of every word of a list.
_TOML_WORDS: tuple[tuple[str, str, object], ...] = (
    ("relative_days", "rel", int),
    ("relative_units", "relunit", lambda spec: (int(spec[0]), spec[1])),
    ("week_phrases", "week", int),
    ("modifiers", "mod", int),
    ("weekday_names", "weekday", int),
    ("month_names", "month", int),
    ("numbers", "num", int),
    ("ordinals", "ord", int),
    ("recent_modifiers", "mod", "recent"),
    ("upcoming_modifiers", "mod", "upcoming"),
    ("units", "unit", lambda u: u),
    ("ago", "ago", -1),
    ("later", "ago", 1),
    ("time_words", "timeword", None),
    ("set_words", "set", None),
    ("set_prefixes", "setpre", None),
    ("range_words", "range", None),
    ("anchors", "anchor", None),
    ("holidays", "holiday", _holiday_date),
    ("present_phrases", "present", None),
)


def _vocabulary(data: dict, info: dict, nospace: bool) -> dict[str, tuple[str, object]]:
    """Every date word of the language -> (class, payload): the toml first, then dateparser's locale."""
    words: dict[str, tuple[str, object]] = {}

    def add(word: str, cls: str, payload, *, force: bool = False) -> None:
        w = word.strip().lower().translate(_FULLWIDTH)
        if not w or (not force and w in words):
            return
        words[w] = (cls, payload)

    for key, cls, payload in _TOML_WORDS:
        entries = data.get(key) or ([] if not callable(payload) else {})
        if callable(payload):
            for w, v in entries.items():
                add(w, cls, payload(v), force=True)
        else:
            for w in entries:
                add(w, cls, payload, force=True)
    drop = {w.lower() for w in data.get("not_dates", [])}
    _locale_words(info, nospace, drop, int(data.get("min_word_length") or 3), add)
    if nospace:
        wds = [(w, v[1]) for w, v in words.items() if v[0] == "weekday"]
        for wp, off in (data.get("week_phrases") or {}).items():
            for wn, i in wds:
                if len(wn) >= 2 and wp.endswith(wn[:-1]):  # 下周 + 周三, 这个星期 + 星期一
                    add(wp + wn[-1], "weekwd", (int(off), i))
    for suffix in data.get("weekday_compounds", []):
        for wn, v in list(words.items()):
            if v[0] == "weekday" and len(wn) >= 5 and not wn.endswith("."):
                add(wn + suffix, "weekday", v[1])
    for w in drop:
        words.pop(w, None)

    return words


_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
_DAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_REL_KEY = re.compile(r"^(in )?(\d+) (\w+) ?(ago)?$")


def _locale_words(info: dict, nospace: bool, drop: set[str], min_word_length: int, add: Callable) -> None:
    """dateparser's locale names (months, weekdays, units, ago/in, relative phrases), after the toml's."""
    min_len = 1 if nospace else min_word_length

    def usable(name: str) -> bool:
        n = name.strip(".")
        return len(n) >= max(min_len, 2 if nospace else 1) and name.lower() not in drop

    for i, key in enumerate(_MONTH_KEYS, 1):
        for name in info.get(key, []):
            if usable(name):
                add(name, "month", i)
    for i, key in enumerate(_DAY_KEYS):
        for name in info.get(key, []):
            if usable(name.strip("()")):
                add(name.strip("()"), "weekday", i)
    for unit in UNITS:
        for name in info.get(unit, []):
            if len(name) >= (1 if nospace else 2) and name.lower() not in drop:
                add(name, "unit", unit)
    for name in info.get("ago", []):
        add(name, "ago", -1)
    for name in info.get("in", []):
        if len(name) >= 2 or nospace:
            add(name, "in", 1)
    for key, phrases in (info.get("relative-type") or {}).items():
        m = _REL_KEY.match(key)
        if not m:
            continue
        n = int(m.group(2)) * (1 if m.group(1) else -1)
        unit = m.group(3)
        for p in phrases:
            if len(p) >= 2 and p.lower() not in drop:
                add(p, "rel" if unit == "day" else "relunit", n if unit == "day" else (n, unit))


def _atom_pattern(data: dict, info: dict, words: dict, nospace: bool, chain_units: dict[str, str],
                  chain_numbers: dict[str, int], months: dict[str, int]) -> tuple[re.Pattern, list]:
    """One regex for every atom: structured patterns first, then every word (longest first)."""
    ymd = data.get("ymd_markers") or {}
    num = rf"(?:\d{{1,4}}|{_CJK_NUM}{{1,4}})"
    dprel = []
    for key, pats in (info.get("relative-type-regex") or {}).items():
        m = re.match(r"^(in )?\\1 (\w+)( ago)?$", key)
        if m and m.group(2) in UNITS:
            for pat in pats:
                dprel.append((re.compile(pat, re.I), m.group(2), 1 if m.group(1) else -1))
    dprel.sort(key=lambda x: len(x[0].pattern), reverse=True)
    dprel_alt = "|".join(x[0].pattern for x in dprel)
    parts = [
        (rf"(?P<dprel>(?:{re.sub(r'[(](?![?])', '(?:', dprel_alt)}))" + ("" if nospace else r"(?!\w)"))
        if dprel else "(?P<dprel>(?!))",
        r"(?P<isocompact>(?<![\d/.-])(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?![\d]))",
        # "2016-10-16", "2016 - 12 - 22", "2016 10 16" (spaced: two-digit month and day only)
        r"(?P<iso>(?<![\d/.])\d{4}(?:\s?[-/.]\s?\d{1,2}\s?[-/.]\s?\d{1,2}(?![\d])"
        r"|\s(?:0[1-9]|1[0-2])\s(?:0[1-9]|[12]\d|3[01])(?![\d%-])))",
        _named_numeric(months, nospace),
        # after a comma a year has four digits or is glued ("08/12,15"): "11/20, 11/22" and
        # "11/20, 12 of Nov" are lists
        r"(?P<numdate>(?<![\d.,/-])\d{1,2}[/.-]\d{1,2}(?:[/.-](?:\d{4}|'?\d{2})|,\s?\d{4}|,\d{2}(?![/.]\d))(?![\d]))",
    ]
    # "22/04", "11/20" (not "2/3": a fraction)
    parts.append(r"(?P<daymonth>(?<![\d.,/])(?=\d\d|\d/\d\d)\d{1,2}/\d{1,2}(?![\d/]))")
    if data.get("day_month_dot"):
        parts.append(r"(?P<daymonth_dot>(?<![\d.,])(?:0?[1-9]|[12]\d|3[01])\.\s?(?:0?[1-9]|1[0-2])\.?(?![\d]))")
    if data.get("day_prefixes"):
        dp_alt = "|".join(_phrase(w) for w in sorted(data["day_prefixes"], key=len, reverse=True))
        dsuf = "|".join(map(re.escape, sorted(data.get("day_suffixes", []), key=len, reverse=True))) or "(?!)"
        # without a suffix only at a sentence end ("the 27.")
        dend = "?" if data.get("day_suffix_optional") else r"|(?=\s*(?:[.!?;]|$))"
        parts.append(rf"(?<!\w)(?P<dayref>(?:{dp_alt})\s+(?:0?[1-9]|[12]\d|3[01])(?:(?:{dsuf}){dend}))"
                     r"(?![/.,:-]?\d)(?![\w/-])(?!\s?%)(?!\s\d)")
    if data.get("time_prefixes"):  # "a las 5", "um 8", "à dix heures": a clock time
        tp = "|".join(_phrase(w) for w in sorted(data["time_prefixes"], key=len, reverse=True))
        spelled = sorted((data.get("numbers") or {}).items(), key=lambda x: -len(x[0]))
        hours = "|".join(re.escape(w) for w, n in spelled if 1 <= int(n) <= 12) or "(?!)"
        parts.append(rf"(?<!\w)(?P<timeref>(?:{tp})\s+(?:(?:[01]?\d|2[0-3])(?:[:.h]\d{{2}})?(?![\d.,]\d)|(?:{hours})(?!\w)))"
                     r"(?!\s?%)")
    if chain_units:  # "2년 1개월 21일 전", "一か月と二十一日前", "2주 후": one duration with its direction
        parts.append(rf"(?P<durchain>{_chain_pattern(words, chain_units, chain_numbers, data)})")
    if ymd:
        y = "|".join(map(re.escape, ymd.get("year", [])))
        mo = "|".join(map(re.escape, ymd.get("month", [])))
        d = "|".join(map(re.escape, ymd.get("day", [])))
        era = _alt(data.get("eras") or {})  # "平成22年", "平成元年", "民國100年"
        yr = rf"(?:(?:{era})\s*(?:\d{{1,3}}|{_CJK_BIG}{{1,4}}|元)|\d{{1,4}}|{_CJK_BIG}{{1,5}})"  # "二千年"
        parts.append(rf"(?P<ymd>(?:{yr}\s*(?:{y})\s*(?:的|の)?\s*)?(?:{num}\s*(?:{mo})\s*)(?:{num}\s*(?:{d})|{_CJK_NUM}{{1,3}}(?![年月{_CJK_NUM[1:-1]}]))?"
                     rf"|(?:\d{{4}}|{_CJK_NUM}{{4}})\s*(?:{y})(?!\s*\d)|(?<![\d{_CJK_NUM[1:-1]}])(?<![\d{_CJK_NUM[1:-1]}][月월])(?:\d{{1,2}}|{_CJK_NUM}{{1,3}})\s*(?:{d}))")
    tsuf = data.get("time_suffixes") or []
    tsuf_re = "|".join(_phrase(s) for s in sorted(tsuf, key=len, reverse=True)) or "(?!)"
    tmark = "|".join(map(re.escape, data.get("time_markers") or [])) or "(?!)"
    if data.get("time_dot"):  # "20.00", "8.30": Dutch clock times (decimals take a comma there)
        parts.append(r"(?P<timedot>(?<![\d.,:])(?:[01]?\d|2[0-3])\.[0-5]\d(?![\d.,]\d?))")
    parts.append(rf"(?P<time>(?<![\d.,:])(?:[01]?\d|2[0-3])(?:[:h]\d{{2}}(?::\d{{2}})?(?!\d)"
                 rf"(?:\s?(?:{tsuf_re}))?|\.\d{{2}}\s?(?:{tsuf_re})|\s?(?:{tsuf_re}))(?!\w)"
                 rf"|(?:\d{{1,2}}|{_CJK_NUM}{{1,3}})\s*(?:{tmark})(?:\s*(?:\d{{1,2}}|半)\s*(?:분|分)?)?)")
    parts.append(r"(?P<year>(?<![\d.,])(?:1[89]\d\d|20\d\d)(?![.,/]?\d)(?!\s?%))")
    ordsuf = "|".join(map(re.escape, sorted(data.get("ordinal_suffixes", []), key=len, reverse=True)))
    parts.append(rf"(?P<num>(?<![\d.,:])\d{{1,2}}(?:{ordsuf})?(?![\d.,:]?\d))" if ordsuf else
                 r"(?P<num>(?<![\d.,:])\d{1,2}(?![\d.,:]?\d))")
    names: dict[tuple, list[str]] = {}
    for w, (cls, payload) in words.items():
        if cls in ("month", "weekday"):
            names.setdefault((cls, payload), []).append(w)
    trie = _Trie()
    for w in words:
        cls, payload = words[w]
        abbreviation = cls in ("month", "weekday") and len(w) <= 5 and any(  # "janv", "Sept" (not "juin",
            n.startswith(w) and len(n) > len(w) + 1 for n in names[cls, payload])  # nor "vrijdag(avond)")
        trie.add(w, optional_dot=abbreviation and not w.endswith(".") and not nospace)
    if words:
        alts = trie.pattern()
        if nospace:
            parts.append(rf"(?P<w>{alts})")
        elif data.get("boundary") == "left":
            parts.append(rf"(?<!\w)(?P<w>{alts})")
        else:
            parts.append(rf"(?<!\w)(?P<w>{alts})(?![^\W\d_])")  # "Oct2", "january12"
    alternatives = "|".join(parts)
    if not nospace:  # every atom starts a word or a number: skip positions inside words at once
        alternatives = rf"(?:(?<!\w)|(?=\d))(?:{alternatives})"
    return re.compile(alternatives, re.I), dprel


def _named_numeric(months: dict[str, int], nospace: bool) -> str:
    """A numeric date with the month as a name: "2020/23/Sep.", "23/set/2020", "September-2020-23"."""
    if not months or nospace:
        return "(?P<namednum>(?!))"
    m = rf"(?:{'|'.join(map(re.escape, sorted(months, key=len, reverse=True)))})\.?"
    n = r"\d{1,4}"
    return (rf"(?P<namednum>(?<![\w/.-])(?:{n}(?P<nn1>[/-]){m}(?P=nn1){n}|{m}(?P<nn2>[/-]){n}(?P=nn2){n}"
            rf"|{n}(?P<nn3>[/-]){n}(?P=nn3){m})(?![\w/-]))")


def _alt(ws) -> str:
    return "|".join(_phrase(w) for w in sorted(ws, key=len, reverse=True)) or "(?!)"


def _chain_pattern(words: dict, units: dict[str, str], numbers: dict[str, int], data: dict) -> str:
    """Number + glued unit, repeated (joined by a comma or a conjunction), then an ago/later word."""
    spelled = _alt(w for w, (c, _) in words.items() if c == "num")
    num = rf"(?:\d{{1,4}}|{_CJK_BIG}{{1,5}}|{_alt(numbers)}|{spelled})"
    direction = _alt(w for w, (c, _) in words.items() if c in ("ago", "in"))
    joint = rf"(?:\s*[,、，]?\s*(?:(?:{_alt(data.get('conjunctions') or [])})\s*)?)"
    pair = rf"{num}\s?(?:{_alt(units)})"
    # "2週間で" (in two weeks), but "31日で閉店" closes on the 31st: not after the bare day marker
    days = set((data.get("ymd_markers") or {}).get("day", []))
    last = rf"{num}\s?(?:{_alt(u for u in units if u not in days)})"
    later = rf"|(?:{pair}{joint})*{last}\s?(?:{_alt(data.get('chain_later') or [])})"
    return rf"(?<![\d.,])(?:{pair}(?:{joint}{pair})*\s?(?:{direction}){later})"


class _Trie:
    """Words as one regex that branches per character, longer words first.

    A flat alternation of a thousand words (German weekday compounds, dateparser's locale names)
    is tried word by word at every position of the text; the trie form reads each character once.
    Words are split as `_phrase` does: spaces inside a phrase match any run of spaces.
    """

    END, DOT = "", "."

    def __init__(self) -> None:
        self.root: dict = {}

    def add(self, word: str, *, optional_dot: bool = False) -> None:
        node = self.root
        units = [r"\s*" if u == " " else re.escape(u) for u in " ".join(word.split())]
        for unit in units:
            node = node.setdefault(unit, {})
        node[self.DOT if optional_dot else self.END] = True

    def pattern(self, node: dict | None = None) -> str:
        node = self.root if node is None else node
        children = [(unit, child) for unit, child in node.items() if unit not in (self.END, self.DOT)]
        children.sort(key=lambda item: -self._depth(item[1]))
        branches = [unit + self.pattern(child) for unit, child in children]
        if self.DOT in node:
            branches.append(r"\.?")
        elif self.END in node:
            branches.append("")
        if len(branches) == 1:
            only = branches[0]
            return only if not only or len(children) == 1 else f"(?:{only})"
        return f"(?:{'|'.join(branches)})"

    def _depth(self, node: dict) -> int:
        return max((1 + self._depth(c) for u, c in node.items() if u not in (self.END, self.DOT)), default=0)


def _gap_pattern(data: dict, info: dict, nospace: bool) -> tuple[set[str], re.Pattern]:
    """What may separate two atoms of one mention: spaces, punctuation, glue words ("le", "of")."""
    glue = {g.lower() for g in data.get("glue", [])} | {s.lower() for s in info.get("skip", [])
                                                          if s.strip() and len(s.strip()) > 1}
    glue -= set(data.get("not_glue", []))
    gw = "|".join(_phrase(g) for g in sorted(glue, key=len, reverse=True)) or "(?!)"
    gap_re = re.compile(rf"^(?:[\s,.\-–/:]|(?:{gw})(?!\w))*$" if not nospace else
                        rf"^(?:[\s,.\-–/:、]|(?:{gw}))*$", re.I)

    return glue, gap_re


# ---------------------------------------------------------------------------------------- atoms
@dataclass
class Atom:
    start: int
    end: int
    cls: str
    payload: object = None
    text: str = ""
    after: str = ""  # the next non-space character ("6-8" is a time range, not the 6th)
    tight: bool = False  # nothing but spaces, commas or "the" between this atom and the previous one


def _cjk_int(s: str) -> int | None:
    s = s.strip()
    if s.isdigit():
        return int(s)
    if not s:
        return None
    for mark, size in (("千", 1000), ("百", 100)):  # "二千", "两千零八", "三百"
        if mark in s:
            a, _, b = s.partition(mark)
            high = _CJK_DIGITS.get(a, 1) if a else 1
            low = _cjk_int(b.lstrip("〇零")) if b.lstrip("〇零") else 0
            return None if low is None or len(a) > 1 else high * size + low
    if "十" in s:
        a, _, b = s.partition("十")
        tens = _CJK_DIGITS.get(a, 1) if a else 1
        return tens * 10 + (_CJK_DIGITS.get(b, 0) if b else 0)
    if all(c in _CJK_DIGITS for c in s):
        return int("".join(str(_CJK_DIGITS[c]) for c in s))
    return None


_YMD_PART = re.compile(rf"(\d{{1,4}}|{_CJK_BIG}{{1,5}}|元)\s*(\D)")


def _atoms(text: str, lex: Lexicon) -> list[Atom]:
    out = _raw_atoms(text, lex)
    out = _spelled_days(text, _spelled_years(text, _old_years(text, _weekday_daymonth(text, out)), lex), lex)
    out = _without_misplaced_words(out, lex)
    # "hoy en día", "nowadays": the present in general, no day; matched whole so that its "hoy"
    # is not read on its own, then dropped
    out = [a for a in out if a.cls != "present"]
    for i, a in enumerate(out):
        rest = text[a.end:a.end + 4].lstrip()
        a.after = rest[:1]
        if i:
            gap = text[out[i - 1].end:a.start].strip(" ,").lower()
            a.tight = not gap or gap in lex.articles
    return out


def _without_misplaced_words(atoms: list[Atom], lex: Lexicon) -> list[Atom]:
    """ "18 days in June", "tres semanas en marzo": a direction word that only ever precedes its
    amount ("in 18 days") is a plain preposition after one; read there, it would turn a duration
    into a day 18 days after the reference. Likewise a modifier that only ever follows its noun
    ("la semaine passée") is the verb before an amount ("Il a passé deux ans en prison": not the
    last two years)."""
    if not (lex.prefix_directions or lex.postposed_modifiers):
        return atoms
    return [a for i, a in enumerate(atoms)
            if not (i and a.cls in ("ago", "in") and a.text.lower() in lex.prefix_directions
                    and atoms[i - 1].cls == "unit")
            and not (a.cls == "mod" and a.text.lower() in lex.postposed_modifiers
                     and i + 1 < len(atoms) and atoms[i + 1].cls in ("num", "unit"))]


def _raw_atoms(text: str, lex: Lexicon) -> list[Atom]:
    out = []
    for m in lex.atoms.finditer(text):
        kind = m.lastgroup
        s, e = m.span()
        if s == e:
            continue
        t = m.group(0)
        if kind == "w":
            key = t.lower().rstrip(".") if t.lower() not in lex.words else t.lower()
            key = re.sub(r"\s+", " ", key)
            cls, payload = lex.words.get(key) or lex.words.get(key + ".") or ("glue", None)
            out.append(Atom(s, e, cls, payload, t))
        elif kind == "num":
            out.append(Atom(s, e, "num", int(re.match(r"\d+", t).group(0)), t))
        elif kind == "year":
            out.append(Atom(s, e, "year", int(t), t))
        elif kind == "durchain":
            out.append(Atom(s, e, "durchain", _read_chain(t, lex), t))
        elif kind == "dprel":
            for pat, unit, sign in lex.dprel:
                mm = pat.fullmatch(t)
                if mm:
                    try:
                        n = float(mm.group(1).replace(",", "."))
                    except (IndexError, TypeError, ValueError):
                        n = 1
                    out.append(Atom(s, e, "dprel", (n, unit, sign), t))
                    break
        else:
            out.append(Atom(s, e, kind, None, t))
    return out


_SHORT_DAYMONTH = re.compile(r" +((?:0?[1-9]|[12]\d|3[01])[/.](?:0?[1-9]|[12]\d|3[01]))(?![\d/.]?\d|\s?%)")


def _weekday_daymonth(text: str, atoms: list[Atom]) -> list[Atom]:
    """"Friday 7/6", "this Friday 7.6": after a weekday a short day/month is a date, not the
    fraction or decimal it would be alone."""
    new = []
    for a in atoms:
        m = _SHORT_DAYMONTH.match(text, a.end) if a.cls == "weekday" else None
        if m:
            new.append(Atom(m.start(1), m.end(1), "daymonth", None, m.group(1)))
    return _replaced(atoms, new)


def _replaced(atoms: list[Atom], new: list[Atom]) -> list[Atom]:
    """`atoms` without those that overlap one of `new` (which do not overlap each other), plus
    `new`, sorted: one pass, however many replacements a page holds."""
    if not new:
        return atoms
    new = sorted(new, key=lambda x: x.start)
    starts = [x.start for x in new]
    kept = []
    for x in atoms:
        k = bisect.bisect_left(starts, x.end) - 1  # the last new atom starting before x ends
        if k >= 0 and new[k].end > x.start:
            continue
        kept.append(x)
    return sorted(kept + new, key=lambda x: x.start)


_OLD_YEAR = re.compile(r"[\s,]*(1[0-8]\d\d)(?![\d.,]?\d)(?!\s?%)")


def _old_years(text: str, atoms: list[Atom]) -> list[Atom]:
    """A year before 1900 right after a day and month ("5 December 1391", "May 3, 1789") is a year;
    alone such a number is a count, so the year pattern leaves it out."""
    out = list(atoms)
    for i, a in enumerate(atoms):
        if a.cls != "month":
            continue
        before = i > 0 and atoms[i - 1].cls in ("num", "ord") and \
            not text[atoms[i - 1].end:a.start].strip(" .")
        after = i + 1 < len(atoms) and atoms[i + 1].cls in ("num", "ord") and \
            not text[a.end:atoms[i + 1].start].strip()
        at = atoms[i + 1].end if after else a.end if before else None
        m = _OLD_YEAR.match(text, at) if at is not None else None
        if m and not any(x.start < m.end(1) and m.start(1) < x.end for x in atoms):
            out.append(Atom(m.start(1), m.end(1), "year", int(m.group(1)), m.group(1)))
    return sorted(out, key=lambda x: x.start)


_SPELLED_AFTER = re.compile(r"[\s,.\-–]*[^\W\d_]")


def _spelled_years(text: str, atoms: list[Atom], lex: Lexicon) -> list[Atom]:
    """A year spelled in words after a month ("January first two thousand and thirty two",
    "diez de octubre de dos mil dieciocho", "13 Sept nineteen seventy two") becomes one year atom:
    the numbers component reads the words, this only decides which of them form a year."""
    if lex.nospace:  # CJK years are read by the ymd pattern ("二千年")
        return atoms
    new: list[Atom] = []
    for i, a in enumerate(atoms):
        if a.cls != "month" or not _SPELLED_AFTER.match(text, a.end):
            continue
        near = atoms[max(0, i - 2):i + 3]
        spelled_day = any(x.cls in ("num", "ord") and not x.text[:1].isdigit() for x in near)
        found = _spelled_year(text, a.end, lex, spelled_day)
        if found is None or (new and found[0] < new[-1].end):
            continue
        s, e, y = found
        new.append(Atom(s, e, "year", y, text[s:e]))
    return _replaced(atoms, new)


_DAY_BEFORE = {"num", "ord", "dayref", "daymonth", "numdate", "iso", "ymd"}


def _spelled_days(text: str, atoms: list[Atom], lex: Lexicon) -> list[Atom]:
    """A spelled ordinal day before a month ("tweeëntwintigste van juni", "neunundzwanzigsten Mai",
    "vigésimo segundo de junio", "segundo de agosto", where "segundo" is also a unit) becomes one
    ordinal atom, read by the numbers component."""
    if lex.nospace:
        return atoms
    out = list(atoms)
    where = {id(x): k for k, x in enumerate(out)}  # by identity: a list search per month is quadratic
    for a in atoms:
        if a.cls != "month" or id(a) not in where:
            continue
        i = where[id(a)]
        prev = out[i - 1] if i else None
        if prev is not None and prev.cls in _DAY_BEFORE and prev.cls != "num" and lex.gap_re.match(
                text[prev.end:a.start]):
            continue  # "22nd of June", "the 3rd June": the day is there already
        found = _ordinal_before(text, a.start, lex)
        glued = prev is not None and lex.gap_re.match(text[prev.end:a.start])
        if found is None and glued and prev.cls == "unit":
            n = lex.ordinal_words.get(prev.text.lower())  # "segundo de agosto", not "un segundo"
            found = (prev.start, prev.end, n) if n and not (i > 1 and out[i - 2].cls == "num") else None
        if found is None:
            continue
        s, e, n = found
        out = [x for x in out if x.end <= s or x.start >= e]
        out.append(Atom(s, e, "ord", n, text[s:e]))
        out.sort(key=lambda x: x.start)
        where = {id(x): k for k, x in enumerate(out)}  # rare: only where a spelled day was found
    return out


_WORD = re.compile(r"[^\W\d_][\w'-]*")


@lru_cache(maxsize=8192)
def _numbers_in(fragment: str, lang: str) -> tuple:
    """The numbers component's reading of a few words, cached: most words before or after a month
    are the same few ("in", "published", "de")."""
    from .quantities import find_quantities

    try:
        return tuple(find_quantities(fragment, lang))
    except Exception:  # a language the numbers component cannot read
        return ()


def _is_number_word(word: str, lex: Lexicon) -> bool:
    return bool(_numbers_in(word.lower(), lex.code.split("-")[0]))


def _ordinal_before(text: str, end: int, lex: Lexicon) -> tuple[int, int, int] | None:
    """(start, end, day) of a spelled ordinal 1..31 that ends right before `end`, past glue words."""
    lo = max(0, end - 48)
    window = text[lo:end]
    words = [w for w in _WORD.finditer(window) if w.group(0).lower() not in lex.glue]
    if not words or not lex.gap_re.match(window[words[-1].end():]) or not _is_number_word(
            words[-1].group(0), lex):
        return None
    lo += words[max(0, len(words) - 3)].start()  # "vigésimo segundo": up to three words
    window = text[lo:end]
    qs = _numbers_in(window, lex.code.split("-")[0])
    if not qs:
        return None
    q = qs[-1]
    if q.kind != "ordinal" or q.text[:1].isdigit() or not 1 <= q.value <= 31 or q.value != int(q.value) \
            or not lex.gap_re.match(window[q.end:]):
        return None
    return lo + q.start, lo + q.end, int(q.value)


def _spelled_year(text: str, start: int, lex: Lexicon, spelled_day: bool) -> tuple[int, int, int] | None:
    """(start, end, year) of the first spelled year after `start`, past at most a day number and
    glue words. A century pair ("nineteen eighty six", "dix neuf soixante douze") is a year; a single
    number ("dos mil dieciocho") is one unless it is round and the day is in digits ("May 5, two
    thousand people")."""
    window = text[start:start + 90]
    first = next((w for w in _WORD.finditer(window) if w.group(0).lower() not in lex.glue), None)
    if first is None or not _is_number_word(first.group(0), lex):
        return None
    qs = [q for q in _numbers_in(window, lex.code.split("-")[0]) if q.kind in ("number", "ordinal")]
    pos = 0
    for k, q in enumerate(qs):
        if not lex.gap_re.match(window[pos:q.start]) or q.text[:1].isdigit():
            return None
        v = q.value
        nxt = qs[k + 1] if k + 1 < len(qs) else None
        if (nxt is not None and q.kind == nxt.kind == "number" and 10 <= v <= 20 and 0 <= nxt.value <= 99
                and v == int(v) and nxt.value == int(nxt.value) and not window[q.end:nxt.start].strip()
                and not nxt.text[:1].isdigit()):
            return start + q.start, start + nxt.end, int(v) * 100 + int(nxt.value)
        if q.kind == "number" and v == int(v) and 1000 <= v <= 2100 and (spelled_day or v % 100):
            return start + q.start, start + q.end, int(v)
        if v > 31:
            return None
        pos = q.end
    return None


def _read_chain(t: str, lex: Lexicon) -> tuple[list, int]:
    """([(n, unit), ...], sign) of a glued duration such as "2년 1개월 21일 전"."""
    low = t.lower()
    sign = 1
    for w, (cls, payload) in sorted(lex.words.items(), key=lambda x: -len(x[0])):
        if cls in ("ago", "in") and low.rstrip().endswith(w):
            sign = payload if isinstance(payload, int) else 1
            low = low.rstrip()[:-len(w)]
            break
    units = sorted(lex.chain_units, key=len, reverse=True)
    numbers = {w: int(n) for w, (c, n) in lex.words.items() if c == "num"} | lex.chain_numbers
    unit_re = "|".join(map(re.escape, units))
    number_re = "|".join(map(re.escape, sorted(numbers, key=len, reverse=True))) or "(?!)"
    deltas = []
    for n, u in re.findall(rf"(\d+|{_CJK_BIG}+|{number_re})\s?({unit_re})", low):
        v = numbers.get(n) if n in numbers else _cjk_int(n)
        if v is not None:
            deltas.append((v, lex.chain_units[u]))
    return deltas, sign


def _counting_word(a: Atom, last: bool, lex: Lexicon) -> bool:
    """A spelled number that counts something rather than naming a day: an article ("jeudi un
    budget", "Friday a new law") or a number followed by its noun ("mardi deux fois"); "martes
    once", "Friday the fifteen" stay days."""
    if a.text[:1].isdigit():
        return False
    return a.text.lower() in lex.determiners or (last and a.after.isalpha())


# ---------------------------------------------------------------------------------------- resolution
def _days_in(y: int, m: int) -> int:
    return ((date(y + (m == 12), m % 12 + 1, 1)) - date(y, m, 1)).days


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


_UNIT_SIZES = {"fortnight": (2, "week"), "decade": (10, "year"), "century": (100, "year"),
               "quarter": (3, "month")}


def _shift(d: date, n: float, unit: str) -> date | datetime:
    if unit in _UNIT_SIZES:
        k, unit = _UNIT_SIZES[unit]
        n *= k
    if unit == "business_day":
        step = 1 if n > 0 else -1
        left = abs(int(n))
        while left:
            d += timedelta(days=step)
            left -= d.weekday() < 5
        return d
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit in ("hour", "minute", "second"):
        return d + timedelta(**{unit + "s": n})
    months = int(n * 12) if unit == "year" else int(n)
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    day = min(d.day, _days_in(y, m + 1))
    return d.replace(year=y, month=m + 1, day=day)


def _weekday(ref: date, wd: int, mod: int | None, tense: str | None, week: int | None, next_means: str,
             last_means: str = "most_recent") -> date:
    monday = ref - timedelta(days=ref.weekday())
    if week is not None:  # "next week Friday", "下周五", "다음 주 화요일"
        return monday + timedelta(weeks=week, days=wd)
    delta = (wd - ref.weekday()) % 7
    if mod is not None and mod > 0:
        if next_means == "next_week":
            return monday + timedelta(weeks=mod, days=wd)
        return ref + timedelta(days=delta or 7) + timedelta(weeks=mod - 1)
    if mod is not None and mod < 0 and last_means == "previous_week":
        return monday + timedelta(weeks=mod, days=wd)
    if mod is not None and mod < 0:
        back = (ref.weekday() - wd) % 7 or 7
        return ref - timedelta(days=back) - timedelta(weeks=-mod - 1)
    if tense == "future":
        return ref + timedelta(days=delta)
    if tense == "past" or mod is None:
        return ref - timedelta(days=(ref.weekday() - wd) % 7)
    return monday + timedelta(days=wd)  # "this Friday" with no tense: the current week


@dataclass
class _Parts:
    holiday: tuple | None = None
    nth: int | None = None
    recent: bool = False
    upcoming: bool = False  # "aanstaande vrijdag", "다가오는 금요일": the first one after the reference
    count: int | None = None  # "two (Sundays from now)": the nth such weekday
    y: int | None = None
    m: int | None = None
    d: int | None = None
    wd: int | None = None
    mod: int | None = None
    week: int | None = None
    rel: int | None = None
    deltas: list = field(default_factory=list)
    sign: int | None = None
    relunit: tuple | None = None
    time: bool = False
    timeword: bool = False
    unit: str | None = None
    set: bool = False
    explicit_year: bool = False
    other: bool = False
    period: int | None = None  # "the first (eight months)", "second (quarter)": a part of a year or month
    period_n: tuple | None = None  # (count, unit) of that part
    of_unit: str | None = None  # "(months) of the year": the container, uncounted
    within: bool = False  # "in"/"en" + N units: "in 40 years" (ahead) or, said in the past, a span


def _collect(atoms: list[Atom], lex: Lexicon) -> _Parts:
    """The parts of one mention (year, month, day, weekday, offsets...) from its atoms."""
    c = _Collector(atoms, lex)
    for i, a in enumerate(atoms):
        _COLLECT.get(a.cls, _Collector.other)(c, i, a)
    return c.p


class _Collector:
    """One handler per atom class; `pending` is a number waiting for its unit, month or day."""

    def __init__(self, atoms: list[Atom], lex: Lexicon):
        self.atoms, self.lex = atoms, lex
        self.p = _Parts()
        self.pending: int | None = None

    def prev_cls(self, i: int) -> str | None:
        return self.atoms[i - 1].cls if i > 0 else None

    def next_cls(self, i: int) -> str | None:
        return self.atoms[i + 1].cls if i + 1 < len(self.atoms) else None

    def day_month(self, xs: list[int]) -> tuple[int, int]:
        """Day and month of a numeric date in the locale's order (a month above 12 swaps them)."""
        order = self.lex.numeric_order.replace("Y", "")
        d, m = (xs[0], xs[1]) if order.startswith("D") else (xs[1], xs[0])
        if m > 12 and d <= 12:
            d, m = m, d
        return d, m

    # ------------------------------------------------------------ numeric forms
    def isocompact(self, i: int, a: Atom) -> None:
        p = self.p
        p.y, p.m, p.d, p.explicit_year = int(a.text[:4]), int(a.text[4:6]), int(a.text[6:]), True

    def iso(self, i: int, a: Atom) -> None:
        y, m, d = map(int, re.findall(r"\d+", a.text))
        self.p.y, self.p.m, self.p.d, self.p.explicit_year = y, m, d, True

    def numdate(self, i: int, a: Atom) -> None:
        xs = [int(x) for x in re.findall(r"\d+", a.text)]
        d, m = self.day_month(xs)
        y = xs[2] + (2000 if xs[2] < 50 else 1900) if xs[2] < 100 else xs[2]
        self.p.y, self.p.m, self.p.d, self.p.explicit_year = y, m, d, True

    def namednum(self, i: int, a: Atom) -> None:
        parts = [x.strip(".").lower() for x in re.split(r"[/-]", a.text)]
        nums = [int(x) for x in parts if x.isdigit()]
        month = next((self.lex.month_lookup.get(x) for x in parts if not x.isdigit()), None)
        years = [x for x in nums if x > 31]
        if month is None or len(years) != 1:
            return
        y = years[0] + (0 if years[0] >= 100 else 1900 if years[0] >= 50 else 2000)  # "4-Jul-95"
        self.p.y, self.p.m, self.p.explicit_year = y, month, True
        self.p.d = next(x for x in nums if x <= 31)

    def dayref(self, i: int, a: Atom) -> None:
        n = int(re.search(r"\d+", a.text).group(0))
        prefix = a.text[:a.text.find(str(n))].strip().lower()
        if self.p.d is not None and self.p.m is None and self.prev_cls(i) == "dayref" and 1 <= n <= 12 \
                and prefix in self.lex.month_number_prefixes:
            self.p.m = n  # "el 21 del 3": the month as a number
            return
        self.p.d = n

    def daymonth(self, i: int, a: Atom) -> None:
        d, m = self.day_month([int(x) for x in re.findall(r"\d+", a.text)])
        self.p.m, self.p.d = m, d

    def ymd(self, i: int, a: Atom) -> None:
        p = self.p
        era = next((v for k, v in self.lex.eras.items() if a.text.startswith(k)), None)
        for n, mark in _YMD_PART.findall(a.text + "日"):
            v = 1 if n == "元" else _cjk_int(n)
            if v is None:
                continue
            if mark in "年년" and era is not None:
                p.y, p.explicit_year = era + v, True
            elif mark in "年년":
                p.y, p.explicit_year = (v + 2000 if v < 100 else v), True
            elif mark in "月월":
                p.m = v
            else:
                p.d = v

    # ------------------------------------------------------------ names and numbers
    def month(self, i: int, a: Atom) -> None:
        p = self.p
        p.m = a.payload
        if p.relunit is not None and p.relunit[1] == "month" and p.mod is None and not p.deltas:
            p.mod, p.relunit = p.relunit[0], None  # "el pasado mes de febrero": February, not last month
        if self.pending is not None and 1 <= self.pending <= 31 and p.d is None:
            p.d, self.pending = self.pending, None

    def num(self, i: int, a: Atom) -> None:
        p, lex, atoms = self.p, self.lex, self.atoms
        n = a.payload
        unit_next = self.next_cls(i) == "unit"
        spelled = _counting_word(a, i == len(atoms) - 1, lex)  # "jeudi un budget", "mardi deux fois"
        if (self.prev_cls(i) == "weekday" and a.tight and a.after not in ("-", "–", ":", "h")
                and 1 <= n <= 31 and p.d is None and not unit_next and not spelled):
            p.d = n  # "samedi 23", "Mon 13th" (not "Monday 6-8")
            return
        if (i > 0 and atoms[i - 1].text.lower() in lex.day_number_words and 1 <= n <= 31
                and p.d is None and not unit_next and not spelled
                and (i < 2 or atoms[i - 2].cls not in ("num", "year", "ord"))):
            p.d = n  # "el día 25", "il giorno 3", "o dia 9": a day number, not a count of days
            return
        if p.d is not None and p.m is None and 1 <= n <= 12 and a.text.isdigit() \
                and self.next_cls(i) == "year" and self.prev_cls(i) in ("dayref", "num"):
            p.m = n  # "el 9 de 8 de 1971"
            return
        if p.m is not None and p.d is not None and p.y is None and n > 31 and a.text.isdigit() \
                and len(a.text) == 2 and not unit_next:
            p.y, p.explicit_year = (1900 if n >= 50 else 2000) + n, True  # "2 de outubro de 92"
            return
        if i > 0 and atoms[i - 1].cls == "num" and atoms[i - 1].payload in (20, 30) and 0 < n < 10:
            n += atoms[i - 1].payload  # "twenty one", "vingt deux"
            if p.d == atoms[i - 1].payload:
                p.d = n
                return
            self.pending = n
            return
        if p.m is not None and p.d is None and 1 <= n <= 31 and (i == 0 or atoms[i - 1].cls == "month") \
                and not (spelled and a.text.lower() in lex.determiners):  # "en mai un accord"
            p.d = n
        elif self.pending is None or not (i > 0 and atoms[i - 1].cls == "num"):
            self.pending = n

    def year(self, i: int, a: Atom) -> None:
        if self.pending is not None and self.next_cls(i) == "unit":
            self.pending = a.payload
            return
        self.p.y, self.p.explicit_year = a.payload, True

    def weekday(self, i: int, a: Atom) -> None:
        self.p.wd = a.payload
        if self.pending is not None and self.prev_cls(i) == "num" and 1 <= self.pending <= 10:
            self.p.count, self.pending = self.pending, None  # "two Sundays from now"

    def weekwd(self, i: int, a: Atom) -> None:
        self.p.week, self.p.wd = a.payload

    def holiday(self, i: int, a: Atom) -> None:
        self.p.holiday = a.payload

    def mod(self, i: int, a: Atom) -> None:
        p = self.p
        if a.payload == "recent" or (a.payload == -1 and p.mod == 0):
            p.mod, p.recent = -1, True  # "this past", "este miércoles pasado": the most recent one
        elif a.payload == "upcoming":
            p.mod, p.upcoming = 1, True
        else:
            p.mod = a.payload
        if self.prev_cls(i) == "unit" and not p.deltas and p.relunit is None:
            p.relunit = (p.mod, self.atoms[i - 1].payload)  # "il giorno passato", "la semana próxima"

    def ordinal(self, i: int, a: Atom) -> None:
        p, atoms = self.p, self.atoms
        nxt = [x.cls for x in atoms[i + 1:i + 3]]
        compound = i > 0 and atoms[i - 1].cls == "num" and atoms[i - 1].payload in (20, 30)
        if not compound and (nxt[:1] == ["unit"] or nxt == ["num", "unit"]):  # not "thirty-first day"
            p.period = a.payload  # "the first eight months", "primer trimestre", "ersten neun Monaten"
            return
        if self.next_cls(i) == "weekday":
            p.nth = a.payload  # "the first Friday of next month"
        elif p.m is not None and p.d is None:
            p.d = a.payload  # "March fifteenth"
        elif self.next_cls(i) == "month":
            self.pending = a.payload + (atoms[i - 1].payload if compound else 0)  # "twenty second of June"
        elif compound:
            p.d = atoms[i - 1].payload + a.payload  # "twenty second"
            self.pending = None
        elif p.wd is not None and p.d is None:
            p.d = a.payload  # "Friday the fifteenth"

    # ------------------------------------------------------------ relative parts
    def week(self, i: int, a: Atom) -> None:
        self.p.week = a.payload

    def rel(self, i: int, a: Atom) -> None:
        self.p.rel = a.payload

    def relunit(self, i: int, a: Atom) -> None:
        self.p.relunit = a.payload

    def unit(self, i: int, a: Atom) -> None:
        p = self.p
        n = self.pending
        after_mod = self.prev_cls(i) == "mod"
        if p.period is not None and p.period_n is None:
            p.period_n, self.pending = (n if n is not None else 1, a.payload), None
            return
        if n is None and (p.period_n or p.deltas) and not after_mod:
            p.of_unit = a.payload  # "of the year"
        if n is None and after_mod:
            p.relunit = (p.mod if p.mod is not None else 0, a.payload)
            p.mod = None
        elif n is not None:
            p.deltas.append((n, a.payload))
        p.unit = a.payload
        self.pending = None

    def durchain(self, i: int, a: Atom) -> None:
        deltas, sign = a.payload
        self.p.deltas.extend(deltas)
        self.p.sign = sign
        if any(a.text.endswith(w) for w in self.lex.chain_later):
            self.p.within = True  # "10年間で98%増えた" said in the past is a span, not a point ahead

    def dprel(self, i: int, a: Atom) -> None:
        n, unit, sign = a.payload
        self.p.deltas.append((n, unit))
        self.p.sign = sign
        first = a.text.split()[0].lower() if a.text.split() else ""
        if sign > 0 and self.lex.words.get(first, ("",))[0] == "in":  # "in 40 years", "en un an"
            self.p.within = True

    def sign(self, i: int, a: Atom) -> None:
        self.p.sign = a.payload
        if a.cls == "in":
            self.p.within = True

    # ------------------------------------------------------------ times, sets, the rest
    def time(self, i: int, a: Atom) -> None:
        self.p.time = True

    def timeword(self, i: int, a: Atom) -> None:
        self.p.timeword = True

    def set(self, i: int, a: Atom) -> None:
        self.p.set = True

    def other(self, i: int, a: Atom) -> None:
        self.p.other = True


_COLLECT: dict[str, Callable[[_Collector, int, Atom], None]] = {
    "isocompact": _Collector.isocompact, "iso": _Collector.iso, "namednum": _Collector.namednum,
    "numdate": _Collector.numdate,
    "dayref": _Collector.dayref, "daymonth": _Collector.daymonth, "daymonth_dot": _Collector.daymonth,
    "ymd": _Collector.ymd, "month": _Collector.month, "num": _Collector.num, "year": _Collector.year,
    "weekday": _Collector.weekday, "weekwd": _Collector.weekwd, "holiday": _Collector.holiday,
    "mod": _Collector.mod, "ord": _Collector.ordinal, "week": _Collector.week, "rel": _Collector.rel,
    "relunit": _Collector.relunit, "unit": _Collector.unit, "dprel": _Collector.dprel,
    "durchain": _Collector.durchain,
    "ago": _Collector.sign, "in": _Collector.sign, "time": _Collector.time, "timeref": _Collector.time,
    "timedot": _Collector.time, "timeword": _Collector.timeword, "set": _Collector.set,
}


def _resolve(p: _Parts, ref: datetime, lex: Lexicon, tense: str | None, ctx_year: int | None):
    """(value, granularity, kind, end_value) or None when the parts give nothing usable."""
    try:
        return _resolve_parts(p, ref, lex, tense, ctx_year)
    except (ValueError, OverflowError):  # "31/02", month 13: not a date
        return None


def _holiday(p: _Parts, r: date, tense: str | None) -> date | None:
    """A holiday: the year given, else the coming one (the last one in the past tense or with "last")."""
    def on(y: int) -> date | None:
        if p.holiday[0] == "easter":
            from dateutil.easter import easter

            return easter(y) + timedelta(days=p.holiday[1])
        return _safe(y, *p.holiday)
    if p.y is not None:
        return on(p.y)
    if p.relunit is not None and p.relunit[1] == "year":  # "Christmas next year", "今年の独立記念日"
        return on(r.year + p.relunit[0])
    v = on(r.year)
    if v is None:
        return None
    if p.mod is not None and p.mod < 0 or (p.mod is None and tense == "past"):
        return v if v <= r else on(r.year - 1)
    if p.mod is not None and p.mod > 0 and v <= r:
        return on(r.year + 1)
    return v if v >= r or p.mod == 0 else on(r.year + 1)


def _base_day(p: _Parts, r: date, lex: Lexicon, tense: str | None, ctx_year: int | None) -> date | None:
    """The calendar day named by the mention, before any "N days before/after" shift."""
    if p.holiday is not None:
        return _holiday(p, r, tense)
    if p.nth is not None and p.wd is not None:
        month = None
        if p.m is not None:
            month = date(p.y or ctx_year or r.year, p.m, 1)
        elif p.relunit and p.relunit[1] == "month":
            month = _shift(r.replace(day=1), p.relunit[0], "month")
        elif p.relunit is None and p.week is None and p.mod is None:
            month = r.replace(day=1)  # "the third Tuesday", "tweede zondag": of the current month
        if month is not None:
            first = month + timedelta(days=(p.wd - month.weekday()) % 7)
            v = first + timedelta(weeks=p.nth - 1)
            return v if v.month == month.month else None
    if p.d is not None and p.m is None and p.wd is not None and p.y is None and p.relunit is None:
        # "Friday 13th": the nearest month whose 13th is a Friday
        cands = []
        for k in range(-12, 13):
            first = _shift(r.replace(day=1), k, "month")
            v = _safe(first.year, first.month, p.d)
            if v and v.weekday() == p.wd:
                cands.append(v)
        if cands:
            return min(cands, key=lambda v: (abs((v - r).days), v < r))
    if p.d is not None and p.m is not None and p.y is None and p.m == 2 and p.d == 29 \
            and _safe(ctx_year or r.year, 2, 29) is None:
        y = ctx_year or r.year
        return min((date(x, 2, 29) for x in range(y - 4, y + 5) if _safe(x, 2, 29)), key=lambda v: abs(v - r))
    if p.d is not None and p.m is not None:
        y = p.y
        if y is None:
            carried = _safe(ctx_year, p.m, p.d) if ctx_year else None
            if carried and (tense == "past" and carried > r or tense == "future" and carried < r):
                ctx_year = None  # a year carried over from earlier text cannot contradict the tense
            y = ctx_year or r.year
            cand = _safe(y, p.m, p.d)
            if cand and ctx_year is None and tense == "future" and cand < r:
                y += 1
            elif cand and ctx_year is None and tense == "past" and cand > r:
                y -= 1
        return _safe(y, p.m, p.d)
    if p.d is not None and p.relunit and p.relunit[1] == "month" and p.wd is None:
        first = _shift(r.replace(day=1), p.relunit[0], "month")  # "the 20th of next month"
        return _safe(first.year, first.month, p.d)
    if p.rel is not None:
        return r + timedelta(days=p.rel)
    if p.wd is not None:
        week = p.week
        if week is None and p.relunit and p.relunit[1] == "week":
            week = p.relunit[0]
        last = "most_recent" if p.recent else lex.last_means
        v = _weekday(r, p.wd, p.mod, tense, week, "upcoming" if p.upcoming else lex.next_means, last)
        if p.d is not None and v.day != p.d:  # "samedi 23": the 23rd, near the reference
            v = _safe(r.year, r.month, p.d) or v
        return v
    step = p.mod if p.relunit is None else p.relunit[0] if p.relunit[1] == "day" else None
    if p.d is not None and p.m is None and p.y is None and step in (-1, 1):
        # "el próximo día 15", "le 28 dernier": the first such day after (before) the reference
        first = r.replace(day=1)
        for k in range(0, 3 * step, step):
            month = _shift(first, k, "month")
            v = _safe(month.year, month.month, p.d)
            if v is not None and (v > r if step > 0 else v < r):
                return v
    if p.d is not None and p.m is None and p.y is None:  # "the 29th": this month, else the last that has one
        prev = _shift(r.replace(day=1), -1, "month")
        return _safe(r.year, r.month, p.d) or _safe(prev.year, prev.month, p.d)
    return None


def _part_of(p: _Parts, r: date, ctx_year: int | None, tense: str | None = None):
    """"the first eight months (of the year)", "the second quarter of 2025", "the last three months
    of 2024", "la première semaine de mars": a range inside a year or month, not a shift from today."""
    if p.period is not None and p.period_n is not None:
        k, (n, unit) = p.period, p.period_n
        last = False
    elif p.mod == -1 and len(p.deltas) == 1 and (p.y is not None or p.of_unit in ("year", "month")):
        k, (n, unit), last = 1, p.deltas[0], True  # needs its container: "the last 3 months" is a shift
    else:
        return None
    if unit not in ("day", "week", "month", "quarter") or not isinstance(n, (int, float)) or n != int(n):
        return None
    if unit == "day" and not last and p.period_n is not None and not p.deltas and n == 1:
        return None  # "the thirty-first day of the month" is a day, not a part
    if p.relunit and p.relunit[1] == "year":
        y = r.year + p.relunit[0]
    elif p.y is not None or ctx_year is not None:
        y = p.y or ctx_year
    elif unit in ("day", "week") and p.m is None and p.of_unit is None:
        return None  # "le prime due settimane": of what?
    else:  # "in the first nine months": this year's, the coming one's in the future tense
        y = r.year + (tense == "future" and _shift(date(r.year, 1, 1), k * int(n), unit) <= r)
    if p.m is not None and unit in ("day", "week"):
        start, end = date(y, p.m, 1), _shift(date(y, p.m, 1), 1, "month") - timedelta(days=1)
    else:
        start, end = date(y, 1, 1), date(y, 12, 31)
    if last:
        s = _shift(end + timedelta(days=1), -int(n), unit)
        return s, "range", "date", end
    if unit == "week":  # ISO weeks: week 1 holds the 4th ("first week of 2015" starts 2014-12-29)
        start = start + timedelta(days=3)
        start -= timedelta(days=start.weekday())
    s = _shift(start, (k - 1) * int(n), unit)
    e = _shift(s, int(n), unit) - timedelta(days=1)
    return (s, "range", "date", min(e, end)) if s <= end else None


def _resolve_parts(p: _Parts, ref: datetime, lex: Lexicon, tense: str | None, ctx_year: int | None):
    r = ref.date()
    if p.relunit and p.relunit[1] == "year" and p.m is not None and p.y is None and not p.deltas \
            and p.period is None:  # "en febrero del año pasado": February of that year, not a year ago
        p = replace(p, y=r.year + p.relunit[0], relunit=None)
    part = _part_of(p, r, ctx_year, tense)
    if part is not None:
        return part
    base = _base_day(p, r, lex, tense, ctx_year)
    year = _year_not_count(p)
    if year is not None:
        return year
    if base is None and _is_span(p, tense):
        return _span(p, ref)
    last_n = p.mod is not None and p.mod < 0 < (p.sign or 0) and _days_or_more(p)
    if p.count is not None and p.wd is not None and p.sign is not None and not p.deltas:
        step = 1 if p.sign > 0 else -1  # "two Sundays from now", "three Mondays ago"
        first = r + timedelta(days=((p.wd - r.weekday()) % 7 or 7) * step if step > 0 else
                              -((r.weekday() - p.wd) % 7 or 7))
        return first + timedelta(weeks=step * (p.count - 1)), "day", "date", None
    shifted_weekday = p.wd is not None and (p.d is None or p.m is not None) and p.mod is None \
        and p.week is None
    if p.deltas and p.sign is not None and not last_n and shifted_weekday and _days_or_more(p):
        return _weekday_after_shift(p, r, lex, tense, ctx_year), "day", "date", None
    if p.deltas and p.sign is not None and not last_n:
        # "3 days ago", "2 weeks before May 13", "dans 3 jours" (not "in the last 10 years": a range)
        v = base if base is not None else ref
        if base is not None and all(u in ("hour", "minute", "second") for _, u in p.deltas):
            return base, "day", "date", None  # "tomorrow at 36 minutes past eight"
        for n, unit in p.deltas:
            v = _shift(v, p.sign * n, unit)
        v = v.date() if isinstance(v, datetime) else v
        units = {u for _, u in p.deltas}  # "a year earlier" is that year, as dateparser's period says
        gran = "year" if units <= {"year", "decade", "century"} else "month" if units <= {
            "year", "month", "quarter", "decade", "century"} else "day"
        return v, gran, "date", None
    if base is not None:
        return base, "day", "date", None
    if p.deltas and p.mod is not None:  # "the next 3 days", "the last 2 weeks"
        v = r
        for n, unit in p.deltas:
            v = _shift(v, (1 if p.mod > 0 else -1) * n, unit)
        v = v.date() if isinstance(v, datetime) else v
        if v > r and _days_or_more(p):
            return r + timedelta(days=1), "range", "date", v  # the next N days start tomorrow
        return (r, "range", "date", v) if v > r else (v, "range", "date", r)
    if p.relunit is not None:
        n, unit = p.relunit
        if unit in ("hour", "minute", "second"):
            return _shift(ref, n, unit).date(), "day", "time", None
        if unit == "week":
            monday = r - timedelta(days=r.weekday()) + timedelta(weeks=n)
            return monday, "range", "date", monday + timedelta(days=6)
        if unit == "quarter":
            first = _shift(r.replace(day=1, month=(r.month - 1) // 3 * 3 + 1), 3 * n, "month")
            return first, "range", "date", _shift(first, 3, "month") - timedelta(days=1)
        return _shift(r, n, unit), unit if unit in ("month", "year") else "day", "date", None
    if p.week is not None:
        monday = r - timedelta(days=r.weekday()) + timedelta(weeks=p.week)
        return monday, "range", "date", monday + timedelta(days=6)
    if p.m is not None:
        y = p.y or ctx_year or r.year
        if p.y is None and ctx_year is None:  # "back in April": the coming April in the future tense
            if tense == "future" and p.m < r.month:
                y += 1
            elif tense == "past" and p.m > r.month:
                y -= 1
        return date(y, p.m, 1), "month", "date", None
    if p.y is not None:
        return date(p.y, 1, 1), "year", "date", None
    if p.deltas:  # a bare duration ("1 an 2 mois"): dateparser's reading, that long ago
        v = ref
        for n, unit in p.deltas:
            v = _shift(v, -n, unit)
        return (v.date() if isinstance(v, datetime) else v), "day", "duration", None
    if p.set:
        return None, "range", "set", None
    if p.time or p.timeword:
        return r, "day", "time", None
    return None


def _weekday_after_shift(p: _Parts, r: date, lex: Lexicon, tense: str | None, ctx_year: int | None) -> date:
    """"in 3 days on Friday", "Monday two weeks from now", "3 weeks after Christmas on Friday": shift
    first, then that weekday in the week of the day reached (weeks start on the language's
    first_weekday)."""
    anchor = _base_day(replace(p, wd=None, nth=None), r, lex, tense, ctx_year) or r
    for n, unit in p.deltas:
        anchor = _shift(anchor, p.sign * n, unit)
    anchor = anchor.date() if isinstance(anchor, datetime) else anchor
    start = anchor - timedelta(days=(anchor.weekday() - lex.first_weekday) % 7)
    return start + timedelta(days=(p.wd - lex.first_weekday) % 7)


def _days_or_more(p: _Parts) -> bool:
    return all(unit not in ("hour", "minute", "second") for _, unit in p.deltas)


def _year_not_count(p: _Parts):
    """"A shekarar 2010" (Hausa "in the year 2010"), "year 2010": a calendar year beside the unit,
    not 2010 years ahead; with "ago" the count stays a count ("2013 years ago")."""
    years = [n for n, unit in p.deltas if unit == "year" and n >= 1000]
    if not years or len(p.deltas) > 1 or (p.sign is not None and p.sign < 0):
        return None
    n = years[0]
    if 1800 <= n <= 2100 and n == int(n):
        return date(int(n), 1, 1), "year", "date", None
    return None, "day", "duration", None


def _is_span(p: _Parts, tense: str | None) -> bool:
    """"in"/"en" + N units said in the past ("hadn't seen her in 40 years", "ont augmenté de 5 %
    en un an"): how long, not when; said in the future it stays a point ahead."""
    if not (p.within and p.deltas and p.mod is None) or any(x is not None for x in (p.m, p.wd, p.y)):
        return False
    return tense == "past"


def _span(p: _Parts, ref: datetime):
    """A duration: its value is that long before the reference, as for a bare duration."""
    v = ref
    for n, unit in p.deltas:
        v = _shift(v, -n, unit)
    return (v.date() if isinstance(v, datetime) else v), "day", "duration", None


@cache
def _parser(code: str, order: str):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[code], settings={"DATE_ORDER": order, "PREFER_DAY_OF_MONTH": "first"})


@lru_cache(maxsize=4096)
def _dateparser(code: str, order: str, text: str, ref: datetime):
    parser = _parser(code, order)
    parser._settings.RELATIVE_BASE = ref  # one parser per language, base per call
    try:
        data = parser.get_date_data(text)
    except Exception:
        return None
    if data is None or data.date_obj is None:
        return None
    gran = {"day": "day", "week": "day", "month": "month", "year": "year", "time": "day"}.get(
        data.period or "day", "day")
    return data.date_obj.date(), gran


# ---------------------------------------------------------------------------------------- tense
_SENT_END = re.compile(r"[.!?。！？\n]")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 400)
    s = max((m.end() for m in _SENT_END.finditer(text, lo, start)), default=lo)
    m = _SENT_END.search(text, end, end + 400)
    return s, m.start() if m else min(len(text), end + 400)


def _preposition_tense(text: str, start: int, lex: Lexicon) -> str | None:
    """The tense a preposition right before the mention gives it: "since Monday" is past,
    "until Friday" coming (used when neither the parse nor the cue words decide)."""
    head = text[max(0, start - 20):start].lower().rstrip()
    last = head.rsplit(" ", 1)
    if len(last) == 2 and last[1] in lex.articles:  # "hasta el viernes"
        head = last[0].rstrip()
    for word, tense in lex.prep_tense.items():
        if head.endswith(word) and (len(head) == len(word) or not head[-len(word) - 1].isalnum()):
            return tense
    return None


def _clause_bounds(text: str, s0: int, s1: int, start: int, end: int) -> tuple[int, int]:
    """The comma- or semicolon-delimited part of the sentence holding the mention: "Der
    Bürgermeister sagte am Dienstag, die Brücke werde … öffnen" reads "sagte" for "Dienstag"."""
    a = max(text.rfind(c, s0, start) for c in ",;")
    b = [i for i in (text.find(c, end, s1) for c in ",;") if i >= 0]
    return (a + 1 if a >= 0 else s0), (min(b) if b else s1)


def tense_from_cues(text: str, lang: str, at: int | None = None) -> str | None:
    """"past", "future" or None from the language's cue words (used when there is no parse).

    More cues of one tense win; on a tie the cue nearest to `at` (the mention's offset in `text`)
    decides: "said it would open on Thursday" is a coming Thursday."""
    lex = lexicon(lang)
    past = [m.start() for m in lex.past_re.finditer(text)] if lex.past_re else []
    fut = [m.start() for m in lex.future_re.finditer(text)] if lex.future_re else []
    if len(fut) != len(past):
        return "future" if len(fut) > len(past) else "past"
    if not past or at is None:
        return None
    near_past = min(abs(x - at) for x in past)
    near_fut = min(abs(x - at) for x in fut)
    if near_past == near_fut:
        return None
    return "future" if near_fut < near_past else "past"


# ---------------------------------------------------------------------------------------- search
_DATEISH = {"isocompact", "namednum", "weekwd", "daymonth_dot", "holiday", "dayref", "dprel", "durchain",
            "iso", "numdate", "daymonth",
            "ymd", "month", "weekday", "rel", "relunit", "week", "year", "anchor"}  # a date, not a time
_ANCHORS = _DATEISH | {"timedot", "timeref", "time", "timeword", "set"}  # a mention needs one


_FULL = {"isocompact", "namednum", "weekwd", "iso", "numdate", "ymd", "daymonth", "daymonth_dot", "rel",
         "holiday"}


def _has_date(atoms: list[Atom]) -> bool:
    """A complete date on its own: "July 12th", "2016-11-07", "hier" (not just "July" or "2016")."""
    classes = [a.cls for a in atoms]
    if _FULL & set(classes):
        return True
    return "month" in classes and ("num" in classes or "dayref" in classes) or "weekday" in classes


def _starts_relative(atoms: list[Atom], cur: list[Atom], gap: str) -> bool:
    """A new relative expression starts here ("어제 | 지난 금요일", "today | next week"); `gap` is
    the text between `cur` and `atoms`."""
    a = atoms[0]
    bare_weekday = any(x.cls == "weekday" for x in cur) and not any(
        x.cls in ("rel", "week", "weekwd", "mod") for x in cur)
    if bare_weekday and (a.cls == "week" or a.cls == "relunit" and a.payload[1] == "week"):
        return False  # "Friday next week", "lunedì della settimana prossima"
    if any(x.cls == "holiday" for x in cur) and a.cls == "relunit" and a.payload[1] == "year":
        return False  # "independence day of this year", "Fastnachtssonntag im nächsten Jahr"
    if any(x.cls == "ord" for x in cur) and a.cls == "relunit" and a.payload[1] == "month":
        return False  # "the first Friday of next month"
    relative_year = (a.cls == "relunit" and a.payload[1] == "year") or (
        a.cls == "mod" and len(atoms) > 1 and atoms[1].cls == "unit" and atoms[1].payload == "year")
    if relative_year and "," not in gap and any(x.cls == "month" for x in cur) \
            and not any(x.cls == "year" for x in cur):
        return False  # "March 3 last year", "le 3 mars de l'an dernier": that day of that year
    if a.cls in ("rel", "week", "relunit", "weekwd"):
        return True
    return a.cls == "mod" and len(atoms) > 1 and atoms[1].cls in ("weekday", "unit", "week")


def _starts_shift(atoms: list[Atom]) -> bool:
    """"after two days", "in 3 weeks", "3 days later": a shift of its own after a comma."""
    classes = [a.cls for a in atoms]
    if classes[:1] == ["dprel"]:
        return True
    return bool(classes) and classes[0] in ("in", "ago", "num") and "unit" in classes


def _past_span(atoms: list[Atom]) -> bool:
    """"the last 3 months", "los últimos 3 meses": a span back from the reference."""
    return any(a.cls == "mod" and a.payload in (-1, "recent") for a in atoms) and any(
        a.cls == "unit" for a in atoms)


def _own_shift(atoms: list[Atom]) -> bool:
    """"2 days ago", "2 días antes de hoy": a shift with its own direction, after "and" a new mention
    ("for the last 3 months and 2 days ago they found it")."""
    classes = [a.cls for a in atoms]
    return classes[:1] == ["dprel"] or classes[:3] == ["num", "unit", "ago"]


def _between(text: str, start: int, lex: Lexicon) -> bool:
    return bool(lex.between_re and lex.between_re.search(text[max(0, start - 12):start]))


def _trim(text: str, g: list[Atom], lex: Lexicon) -> list[Atom]:
    """Drop words and numbers that only touch a mention: "ce soir, dans", "50 le 19 décembre", "2002, une",
    "jeudi un (budget)", "mardi deux (fois)"."""
    def gap(i: int) -> str:
        return text[g[i - 1].end:g[i].start]
    counted = any(g[k].cls == "num" and g[k + 1].cls == "weekday" and g[k + 2].cls in ("ago", "in")
                  for k in range(len(g) - 2))  # "two Sundays from now"
    has_amount = counted or any(a.cls in ("unit", "dprel") for a in g)

    def listed_number(g: list[Atom]) -> bool:  # "1989 à 2002, une"
        return g[-1].cls == "num" and g[-2].cls in ("year", "num") and "," in gap(len(g) - 1)
    def loose_word(g: list[Atom]) -> bool:  # "jeudi un (budget)", "mardi deux (fois)", "mai un (accord)"
        a = g[-1]  # (after a month only an article: "August two thousand and fifteen")
        if a.cls != "num":
            return False
        if g[-2].cls == "weekday":
            return _counting_word(a, True, lex)
        if g[-2].cls == "rel":  # "Hier, trois (manifestants)", "Last night 26 (people)": no day number
            return gap(len(g) - 1).strip() in ("", ",")  # (but "today at 9")
        return g[-2].cls == "month" and not a.text[:1].isdigit() and a.text.lower() in lex.determiners
    def loose_tail(g: list[Atom]) -> bool:  # "le 4 février, plusieurs (milliers)", "vendredi soir, un
        a = g[-1]  # (homme)", "en avril prochain, ce (qui)", "am 17.11.2015 in einer (Sitzung)"
        if a.text[:1].isdigit() or a.cls not in ("num", "mod"):
            return False
        return "," in gap(len(g) - 1) or (a.cls == "num" and a.text.lower() in lex.determiners)
    def loose_ordinal(g: list[Atom]) -> bool:  # "2003年の第1(四半期)", "前日の第3", not "May first"
        return g[-1].cls == "ord" and g[-2].cls not in ("month", "weekday", "num", "ord", "glue")
    def counted_after(g: list[Atom]) -> bool:  # "10年間で98(勝)": a count after a glued duration,
        if g[-1].cls != "num":  # "last year 56 (people)", "del año pasado 56", "dello scorso anno 56"
            return False
        if text[g[-2].end : g[-1].start].strip():
            return False  # "next year at 6"
        unit_then_mod = len(g) > 2 and g[-3].cls == "unit" and g[-2].cls == "mod" \
            and g[-3].payload not in ("hour", "minute", "second")  # not "el pasado día 8", "minutes past 8"
        return g[-2].cls in ("durchain", "relunit", "week") or unit_then_mod
    while len(g) > 1 and (g[-1].cls in ("glue", "range", "in", "setpre")
                          or (g[-1].cls == "ago" and not has_amount) or listed_number(g) or loose_word(g)
                          or loose_tail(g)
                          or loose_ordinal(g) or counted_after(g)):
        g = g[:-1]
    while len(g) > 1 and (g[0].cls in ("glue", "range")
                          or (g[0].cls == "ord" and _year_like(g[1]))  # "(the) second this year"
                          or (g[0].cls == "num" and re.search(r"[^\W\d_]", gap(1))
                              and g[1].cls in ("dayref", "num", "iso", "numdate", "year", "weekday", "rel"))):
        g = g[1:]
    classes = {a.cls for a in g}
    if g[0].cls == "num" and classes & {"weekday", "rel"} and not counted \
            and not classes & {"month", "unit", "ymd", "dprel"}:
        while len(g) > 1 and g[0].cls == "num":  # "(battu Paris) 3-1 dimanche": a score, not the day
            g = g[1:]
    return g


_LIST_COMMA = re.compile("[,、，]")  # the commas that list dates ("11/20, 11/22", "11月20日、11月22日")


_CODE_BEFORE = re.compile(r"\d-$")  # not "/": "1948/1949", "2000/2001" are years
_CODE_AFTER = re.compile(r"-\d")


_NUMERIC = {"num", "year", "iso", "numdate", "daymonth", "isocompact"}


def _outside_codes(text: str, g: list[Atom]) -> list[Atom]:
    """Without the digits joined by dashes to more digits: a phone number or a code ("+86
    138-2010-2015", "133-03-03-2020") is not a date."""
    if _CODE_BEFORE.search(text[max(0, g[0].start - 2):g[0].start]) and text[g[0].start].isdigit():
        while g and g[0].cls in _NUMERIC:
            g = g[1:]
        while g and g[0].cls in ("glue", "range"):
            g = g[1:]
    if g and _CODE_AFTER.match(text, g[-1].end) and text[g[-1].end - 1].isdigit():
        while g and g[-1].cls in _NUMERIC:
            g = g[:-1]
    return g


def _year_like(a: Atom) -> bool:
    return a.cls in ("rel", "year", "ymd") or a.cls == "relunit" and a.payload[1] == "year"


def _chunks(text: str, atoms: list[Atom], lex: Lexicon, max_gap: int = 12) -> list[list[Atom]]:
    groups: list[list[Atom]] = []
    for a in atoms:
        if groups:
            prev = groups[-1][-1]
            gap = text[prev.end:a.start]
            ordinal_dot = prev.cls == "num" and a.cls == "month" and gap.strip() == "."  # "3. syyskuuta"
            if len(gap) <= max_gap and lex.gap_re.match(gap) and (
                    ordinal_dot or not ("\n" in gap or ". " in gap)):
                groups[-1].append(a)
                continue
        groups.append([a])
    split: list[list[Atom]] = []
    for g in groups:
        cur = [g[0]]
        for a in g[1:]:
            gap = text[cur[-1].end:a.start]
            rest = g[g.index(a):]
            if a.cls == "month" and any(x.cls == "month" for x in cur) and cur[-1].cls in ("num", "year") \
                    and not re.search(r"[-–~]", gap) and len(rest) > 1 and rest[1].cls == "num":
                split.append(cur)  # "July 13th July 14th"
                cur = [a]
                continue
            if (_LIST_COMMA.search(gap) and _has_date(cur) and (_has_date(rest) or _starts_shift(rest))) or (
                    a.cls == "weekday" and cur[-1].cls == "weekday") or (
                    _has_date(cur) and _starts_relative(rest, cur, gap)) or (
                    a.cls == "range" and a.text.lower() in lex.conjunctions and _has_date(cur)
                    and _has_date(rest[1:]) and not _between(text, cur[0].start, lex)) or (
                    a.cls == "range" and a.text.lower() in lex.conjunctions and _past_span(cur)
                    and _own_shift(rest[1:])):
                split.append(cur)
                cur = [a]
            else:
                cur.append(a)
        split.append(cur)
    out = []
    for g in split:
        g = _trim(text, g, lex)
        g = _outside_codes(text, g)
        if not g:
            continue
        classes = {a.cls for a in g}
        quarter = "ord" in classes and any(a.cls == "unit" and a.payload == "quarter" for a in g)
        if not classes & _ANCHORS and not (
                {"num", "unit"} <= classes or {"mod", "unit"} <= classes or {"setpre", "unit"} <= classes
                or {"setpre", "weekday"} <= classes or quarter):  # "au premier trimestre"
            continue
        if classes <= {"month", "glue", "in", "mod"} and all(
                a.text.lower().rstrip(".") in lex.weak for a in g if a.cls == "month") \
                and not _weak_month_ok(text, g, lex):
            continue  # "may", "march" alone are verbs more often than months
        if classes == {"year"} and len(g) == 1:
            s = text[max(0, g[0].start - 1):g[0].end + 1]
            if re.search(r"\d[.,]\d|[.,]\d|%", s):
                continue
        if classes <= {"weekday", "glue"} and all(a.cls != "weekday" or len(a.text) <= 3 for a in g) \
                and not any(a.text[:1].isupper() or not a.text.isascii() for a in g):
            continue  # "sun", "wed" in lower case
        out.append(g)
    return out




def _weak_month_ok(text: str, g: list[Atom], lex: Lexicon) -> bool:
    """A weak month name ("March", "mars") with a modifier or after a listed word ("next March",
    "mars dernier", "in March", "fin mars"); capitalised too where the language asks for it."""
    months = [a for a in g if a.cls == "month"]
    if len(months) != 1 or (lex.weak_month_title and not months[0].text[:1].isupper()):
        return False
    m = months[0]
    if any(a.cls == "mod" for a in g):
        return True
    if not lex.weak_month_after:
        return False
    before = text[max(0, m.start - 24):m.start].lower()
    before = re.sub(r"[\s\-]+$", "", before)  # "mi-mars", "in  March"
    return any(before.endswith(w) and (len(before) == len(w) or not before[-len(w) - 1].isalnum())
               for w in lex.weak_month_after)


def _shape(atoms: list[Atom]) -> tuple:
    """Class sequence of a date ("18 nov 2014" = num, month, year), to pair the halves of a dash range."""
    return tuple(a.cls + (re.sub(r"[\d\s]", "", a.text) if a.cls == "ymd" else "")
                 for a in atoms if a.cls != "glue")


def _split_range(text: str, g: list[Atom]) -> tuple[list[Atom], list[Atom]] | None:
    """Two dates joined by a range word or a dash ("du 3 au 5 mars", "2014-2015", "到")."""
    for i, a in enumerate(g):
        dash = (0 < i and re.search(r"[-–~〜～]", text[g[i - 1].end:a.start])
                and _shape(g[:i]) == _shape(g[i:]))
        if (a.cls == "range" and 0 < i < len(g) - 1) or dash:
            left, right = (g[:i], g[i + 1:]) if a.cls == "range" else (g[:i], g[i:])
            lc, rc = {x.cls for x in left}, {x.cls for x in right}
            if rc == {"year"} and "month" in lc and "year" not in lc and a.cls == "range":
                return None  # "le quatre octobre à dix neuf soixante douze": the year of the day
            if lc & _DATEISH and rc & _DATEISH:
                return left, right
            if lc == {"rel"} and a.cls == "range" and any(
                    x.cls == "durchain" or x.cls == "unit" and x.payload in ("day", "week", "month", "year")
                    for x in right):
                return left, right  # "明日から3週間": counted from tomorrow (not "demain à sept heures")
            if lc <= {"num", "glue"} and len(right) > 1 and right[0].cls == "num" and right[1].cls == "month":
                return left, right
    return None


def find_dates(text: str, lang: str, ref: date | None = None, tense: str | None = None, *,
               carry_year: bool = True, use_dateparser: bool = True,
               tense_at: Callable[[int, int], str | None] | None = None) -> list[DateMention]:
    """Date mentions of `text` resolved against `ref` (the publication date).

    Without `ref` nothing is guessed from the day of the run: relative mentions get value None
    and granularity "relative" (see `_unanchored`).

    `tense` ("past"/"future") applies to every mention; `tense_at(start, end)` gives a mention's tense
    from a parse; otherwise the sentence's cue words decide.
    """
    lex = lexicon(lang)
    if ref is None:
        ref_dt = None
    elif isinstance(ref, datetime):
        ref_dt = ref.replace(tzinfo=None)
    else:
        ref_dt = datetime.combine(ref, datetime.min.time())
    norm = text.translate(_FULLWIDTH)
    found: list[DateMention] = []
    ctx_year: int | None = None
    month_before = False  # the previous mention names its month ("4月22日、26日、29日")
    for g in _chunks(norm, _atoms(norm, lex), lex):
        s, e = g[0].start, g[-1].end
        t = tense or (tense_at(s, e) if tense_at else None)
        if t is None and any(a.cls in _TENSED for a in g):
            s0, s1 = sentence_bounds(norm, s, e)
            c0, c1 = _clause_bounds(norm, s0, s1, s, e)
            t = tense_from_cues(norm[c0:c1], lang, s - c0) or tense_from_cues(norm[s0:s1], lang, s - s0)
        if t is None and lex.prep_tense and any(a.cls in ("weekday", "month", "daymonth") for a in g):
            t = _preposition_tense(norm, s, lex)  # "depuis lundi", "until Friday"
        year = ctx_year if carry_year else None
        listed = _listed_day(norm, g, lex, found[-1] if found and month_before else None)
        if listed is not None:
            mention = listed
        elif ref_dt is None:
            mention = _unanchored(norm, g, lex, t, year, use_dateparser)
        else:
            mention = _mention(norm, g, lex, ref_dt, t, year, use_dateparser)
        mention.text = text[s:e]
        month_before = any(a.cls in _WITH_MONTH for a in g)
        if mention.value is not None and mention.granularity in ("day", "year") and _explicit_year(g):
            ctx_year = (mention.end_value or mention.value).year
        found.append(mention)
    return found


_TENSED = {"weekday", "month", "daymonth", "ord", "in", "dprel", "durchain"}  # the tense moves their value
_WITH_MONTH = {"month", "ymd", "daymonth", "daymonth_dot", "numdate", "iso", "isocompact", "namednum"}


def _listed_day(text: str, g: list[Atom], lex: Lexicon, prev: DateMention | None) -> DateMention | None:
    """A bare day listed after a full date takes its month and year: "4月22日、26日、29日",
    "May 3, 5 and 7"."""
    if prev is None or prev.value is None or prev.granularity != "day":
        return None
    gap = text[prev.end:g[0].start].strip(" ,、，").lower()
    if gap and gap not in lex.conjunctions:
        return None
    p = _collect(g, lex)
    if p.d is None or any(x is not None for x in (p.m, p.y, p.wd, p.rel, p.relunit, p.week, p.holiday)) \
            or p.deltas or not all(a.cls in ("num", "ymd", "dayref", "glue") for a in g):
        return None
    v = _safe(prev.value.year, prev.value.month, p.d)
    s, e = g[0].start, g[-1].end
    return DateMention(s, e, text[s:e], v, "day", None, "date") if v else None


# Two far-apart reference days (other year, month, day and weekday): a mention whose value is the
# same against both does not depend on the reference; one whose value moves is relative.
_PROBES = (datetime(2001, 3, 14), datetime(2013, 9, 27))


def _unanchored(text: str, g: list[Atom], lex: Lexicon, tense: str | None, ctx_year: int | None,
                use_dateparser: bool) -> DateMention:
    """A mention in a text with no reference date: absolute dates resolve; a relative one ("Tuesday",
    "next month", "le 4 mars" with no year) keeps its text with value None and granularity
    "relative", so the output never depends on the day of the run."""
    a, b = (_mention(text, g, lex, probe, tense, ctx_year, use_dateparser) for probe in _PROBES)
    if (a.value, a.end_value) != (b.value, b.end_value):
        a.value, a.end_value, a.granularity = None, None, "relative"
    return a


_DAY_UNITS = ("day", "week", "month", "year")


def _after_relative_day(left: _Parts, right: _Parts, right_atoms: list[Atom], ref: datetime) -> date | None:
    """"明日から二日", "昨日から4日で", "明日から3週間": N units counted from a relative day, one day."""
    if left.rel is None or any(x is not None for x in (left.m, left.d, left.wd, left.y)) or left.deltas:
        return None
    if right.m is not None or right.wd is not None or right.y is not None or right.rel is not None:
        return None
    deltas = list(right.deltas)
    if not deltas and right.d is not None and all(a.cls == "ymd" for a in right_atoms):
        deltas = [(right.d, "day")]  # "二日": two days, not the 2nd
    if not deltas or (right.sign or 1) < 0 or any(u not in _DAY_UNITS for _, u in deltas):
        return None
    v = ref.date() + timedelta(days=left.rel)
    for n, unit in deltas:
        v = _shift(v, n, unit)
    return v


def _explicit_year(g: list[Atom]) -> bool:
    return any(a.cls in ("iso", "isocompact", "namednum", "numdate", "year")
               or (a.cls == "ymd" and re.search("[年년]", a.text)) for a in g)


def _mention(text: str, g: list[Atom], lex: Lexicon, ref: datetime, tense: str | None,
             ctx_year: int | None, use_dateparser: bool) -> DateMention:
    s, e = g[0].start, g[-1].end
    rng = _split_range(text, g)
    if rng:
        left = _collect(rng[0], lex)
        right = _collect(rng[1], lex)
        if left.m is None and left.d is not None and right.m is not None:  # "du 3 au 5 mars"
            left.m, left.y = right.m, left.y or right.y
        if left.m is None and left.d is None and right.m is not None:
            if left.y is None and rng[0][-1].cls == "num":
                left.d, left.m, left.y = rng[0][-1].payload, right.m, right.y
        if left.y is None and right.y is not None and left.m is not None:
            left.y = right.y
        after = _after_relative_day(left, right, rng[1], ref)
        if after is not None:
            return DateMention(s, e, text[s:e], after, "day", None, "date")
        a = _resolve(left, ref, lex, tense, ctx_year)
        b = _resolve(right, ref, lex, tense, ctx_year)
        if a and b and a[0] and b[0]:
            if a[0] == b[0]:
                return DateMention(s, e, text[s:e], a[0], "day", None, "date")
            return DateMention(s, e, text[s:e], a[0], "range", b[0], "date")
    p = _collect(g, lex)
    res = _resolve(p, ref, lex, tense, ctx_year)
    if (res is None or res[0] is None) and use_dateparser and lex.dp_lang:
        dp = _dateparser(lex.dp_lang, lex.date_order, text[s:e], ref)
        if dp:
            return DateMention(s, e, text[s:e], dp[0], dp[1], None, "date")
    if res is None:
        return DateMention(s, e, text[s:e], None, "day", None, "date")
    value, gran, kind, end_value = res
    return DateMention(s, e, text[s:e], value, gran, end_value, kind)


# ---------------------------------------------------------------------------------------- spaCy
def tense_of(span, future_aux: set[str] | frozenset = frozenset()) -> str | None:
    """Past or future from the verb governing the mention (morphology and auxiliaries)."""
    tok = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.sent.root
    auxes = [c for c in verb.children if c.dep_.startswith("aux")]
    morph = verb.morph
    if "Fut" in morph.get("Tense") or any("Fut" in a.morph.get("Tense") for a in auxes):
        return "future"
    if any(a.lemma_.lower() in future_aux for a in auxes):  # "will", "werden", "aller" (toml)
        return "future"
    if "Past" in morph.get("Tense") and "Part" not in morph.get("VerbForm"):
        return "past"
    if "Part" in morph.get("VerbForm") and auxes:
        return "past"  # passé composé, present perfect, Perfekt: "a contredit", "has said"
    if any("Past" in a.morph.get("Tense") for a in auxes):
        return "past"
    if "Pres" in morph.get("Tense"):
        return None
    return None


CLOCK_KEY = "newsfacts_clock_times"  # character ranges of clock times ("14h30"): not dates, not counts


def date_token_indices(doc: Doc) -> frozenset[int]:
    """The indices of the tokens inside `doc.spans["dates"]`, gathered once per doc (components
    after this one read it: "commented on Tuesday", "Union leaders on Friday")."""
    key = "newsfacts_date_tokens"
    if key not in doc.user_data:
        doc.user_data[key] = frozenset(i for d in doc.spans.get("dates", []) for i in range(d.start, d.end))
    return doc.user_data[key]


@Language.factory("newsfacts_dates", default_config={"keep_kinds": ["date"]},
                  assigns=["doc.spans", "span._.date"])
def make_dates(nlp: Language, name: str, keep_kinds: list[str]) -> DatesComponent:
    return DatesComponent(nlp.lang, keep_kinds)


class DatesComponent:
    """doc.spans["dates"] with span._.date = DateMention, resolved against doc._.article["published"]."""

    def __init__(self, lang: str, keep_kinds=("date",)):
        self.lang = lang
        self.keep = set(keep_kinds)

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article or {}
        lang = article.get("lang") or self.lang
        ref = article.get("published")
        parsed = doc.has_annotation("DEP") and doc.has_annotation("MORPH")
        future_aux = lexicon(lang).future_aux

        def tense_at(start: int, end: int) -> str | None:
            span = doc.char_span(start, end, alignment_mode="expand")
            return tense_of(span, future_aux) if span is not None else None

        spans = []
        clock: list[tuple[int, int]] = []  # "14h30", "9:30 a.m.": their digits are not counts either
        for d in find_dates(doc_text(doc), lang, ref, tense_at=tense_at if parsed else None):
            if d.kind == "time":
                clock.append((d.start, d.end))
            if d.kind not in self.keep or (d.value is None and d.granularity != "relative"):
                continue
            span = doc.char_span(d.start, d.end, alignment_mode="expand")
            if span is not None:
                span._.date = d
                spans.append(span)
        doc.spans["dates"] = spans
        doc.user_data[CLOCK_KEY] = clock  # read by the newsfacts_date_numbers step (date_numbers.py)
        return doc


def drop_counts_inside_dates(doc: Doc, inside: list[tuple[int, int]]) -> None:
    """The one place dates edit the quantities component's output: a year, day or clock time
    inside a date ("le 4 mai 2026", "14h30") is not a count, so its span leaves
    `doc.spans["quantities"]`. Runs after `newsfacts_quantities`; a no-op without it."""
    if not inside or "quantities" not in doc.spans:
        return
    # ranges sorted by start, with the furthest end reached so far: one bisect per quantity
    ranges = sorted(inside)
    starts = [a for a, _ in ranges]
    reach = list(accumulate((b for _, b in ranges), max))

    def inside_a_date(q) -> bool:
        i = bisect.bisect_right(starts, q.start_char) - 1
        return i >= 0 and q.end_char <= reach[i]

    doc.spans["quantities"] = [q for q in doc.spans["quantities"] if not inside_a_date(q)]
