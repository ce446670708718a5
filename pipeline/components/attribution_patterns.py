"""Attributed statements without a dependency parse: the rules tier (German, Italian, Korean, ...).

`find_statements(doc, data)` reads only `doc.text`, the Doc's sentence boundaries and the
[attribution] table of the language file, and returns `statement.Statement`s with character
offsets. It is what the attribution component calls when `not doc.has_annotation("DEP")`.

Why hand-written patterns: no German, Italian, Portuguese, Dutch, Russian, Korean, Chinese or
Arabic spaCy pipeline with a parser installs here, and the libraries that find quotes without one
(textacy's `direct_quotations` needs a parse too; CoreNLP's QuoteAnnotator finds quotation marks
only) miss indirect speech, which is most of what news reports. The patterns are the ones
reporters use in every language, with the words kept as data in `pipeline/lang/<code>.toml`:

- cue verb + separator + content          "X sagte, dass ...", "X dijo que ...", "李明表示，..."
- content + separator + cue (+ source)    "..., sagte X.", "«...», — сказал X.", "„...“, so X."
- content + quotative particle + cue      "「...」と述べた", "\"...\"라고 말했다" (`cue_follows_content`)
- according-to markers before or after    "laut X", "nach Angaben von X", "X zufolge", "según X, ..."
- reporting clauses                        "wie X mitteilte, ...", "как сообщил X, ..."
- quotation marks paired per paragraph (odd counts and nesting survive) and a quote that
  follows a statement without a cue ("floating" quote) or a sentence in reported-speech mood
  (Konjunktiv I: "..., sei ...") goes to the previous statement's source.

Data keys of [attribution] used here (all optional; lists of lower-case strings):
  cue_forms               inflected forms of verbs of saying (no lemmatiser on this tier)
  cue_follows_content     true for SOV languages: the cue closes the clause (ja, ko)
  quotative_particles     what links the content to a following cue ("と", "라고", "고")
  topic_particles         what ends the subject of an SOV sentence ("は", "은", "는")
  according_to            markers before the source ("laut", "según", "据")
  according_to_after      markers after the source ("zufolge", "によると", "에 따르면")
  according_to_nouns      nouns that turn an ambiguous marker into an according-to one
  ambiguous_markers       markers that need one of those nouns ("nach": "nach Angaben der Polizei")
  source_after_comma      ", so X" style markers (German "so")
  reporting_openers       "wie" / "как" / "come" that open "wie X mitteilte"
  complementizers         "dass", "que", "that" - kept inside the content (gold convention)
  cue_complementizers     words that end a cue and open its content right after ("tok say", "ya ce")
  subjunctive_forms       reported-speech verb forms that continue a statement
  hearsay_perfect_forms, perfect_auxiliaries  a modal of hearsay with a perfect infinitive ("soll …
                          gestanden haben") is reported speech too
  anaphoric_markers       "demnach", "wonach": the marker is the source (the speakers table resolves it)
  clause_openers          an according-to phrase inside a clause opened by these attributes that clause
  prepositions, subordinators: a clause opening with these has its subject after the cue verb
  whole_sentence_cues     speech acts without a content clause ("X forderte den Rücktritt."):
                          the whole sentence is the statement
  split_embedded_quotes   quoted words inside indirect speech are also a direct statement (the
                          convention of the German quotation corpora)
  determiners, np_linkers, np_stops, adverbs, auxiliaries, pronouns, adjective_endings: source
                          noun-phrase chunking without a tagger
  oblique_determiners     determiners of the object cases ("dem", "einen"): a phrase they open is not
                          the subject of the cue, nor is a phrase after a preposition
  non_subjects            words passed over when looking for the subject ("sich")
  expletive_subjects      a subject that names no source ("heißt es")
  expletive_only_cues     cue forms that report only with that subject in their clause ("es heißt",
                          "wie es im Brief heißt"; not "Das heißt, …", "Der Film heißt …")
  nouns_capitalized       true where every noun is capitalised (German): a capitalised first word
                          that the article also writes in lower case is not a noun
  continuation_reach      a cueless continuation stands within this many characters of the cue it
                          continues (0: no limit)
  continuation_across_paragraphs  whether a continuation may open a new paragraph
  non_noun_endings        word endings no noun has ("-weise", "-gemäß"): such a first word is no subject
  name_abbreviations      title abbreviations inside a name ("Prof. Dr. X"): like an initial's, their
                          period does not end the source
  bracket_cues            separable verbs of saying, "forms particle" ("gab|gaben|gibt bekannt"): the
                          finite form opens the clause and the particle closes it ("gab der
                          Minister gestern bekannt, …"), whatever stands between
  phrase_opening_determiners  determiners that, after a noun, open the next phrase rather than
                          continue this one (German "laut Polizei die Täter": "die" is not the
                          genitive "der"/"des" that continues "Angaben der Polizei")
  no_spaces               true for scripts written without spaces (ja, zh): substring matching
  min_quote_words         shorter quotes are titles or scare quotes, not statements

A pronoun source gets the previous named source as a speaker hint (`Statement.speaker`), which
the speakers component keeps when it finds no entity to resolve the pronoun to (scripts where the
rules tier finds no entities).

Measured with ../shared/tools/referee.py on German WikiNews (rules tier, no parser): dev
attr.full F1 49.0, content.j50 F1 61.4 (train: 47.9 / 61.9); see tests/test_languages.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from .doc_text import doc_text
from .quotes import CLOSING, OPENING, reads_as_speech
from .statement import Statement
from .text_units import _W, WORD, _units, _words  # noqa: F401  (shared with the universal tier)

# combining marks belong to their word: Yoruba "akọ̀ròyìn" has no precomposed "ọ̀"
SEPARATORS = ",:;，：、—–"
SENT_END = ".!?。！？"


@dataclass
class _Lex:
    phrases: list[list[str]]
    cues: set[str]
    cue_list: list[str]
    cue_after: bool
    quotative: list[str]
    topic: list[str]
    according: list[str]
    according_after: list[str]
    according_nouns: list[str]
    ambiguous: set[str]
    noun_first: bool
    so_markers: set[str]
    openers: set[str]
    comps: set[str]
    preps: set[str]
    clause_openers: set[str]
    subordinators: set[str]
    anaphoric: set[str]
    subjunctive: set[str]
    dets: set[str]
    linkers: set[str]
    stops: set[str]
    adverbs: set[str]
    aux: set[str]
    pronouns: set[str]
    no_spaces: bool
    min_quote_words: int
    split_quotes: bool
    whole_sentence: set[str]
    adj_endings: tuple[str, ...]
    opening_dets: set[str] = field(default_factory=set)
    brackets: dict[str, list[str]] = field(default_factory=dict)  # finite verb form -> particles
    oblique: set[str] = field(default_factory=set)
    non_subjects: set[str] = field(default_factory=set)
    expletives: set[str] = field(default_factory=set)
    expletive_only: set[str] = field(default_factory=set)
    nouns_capitalized: bool = False
    non_noun_endings: tuple[str, ...] = ("\0",)
    continuation_reach: int = 0
    continuation_across_paragraphs: bool = True
    pointers: set[str] = field(default_factory=set)
    nominative: set[str] = field(default_factory=set)
    hearsay: set[str] = field(default_factory=set)
    hearsay_perfect: set[str] = field(default_factory=set)
    perfect_aux: set[str] = field(default_factory=set)
    shared_subject: set[str] = field(default_factory=set)
    verb_second: bool = False
    colon_quote_words: int = 0  # > 0: a quotation a colon opens speaks for the clause's subject
    relative_openers: set[str] = field(default_factory=set)
    nominative_relatives: set[str] = field(default_factory=set)
    content_end_marks: tuple[str, ...] = ()
    passive_aux: set[str] = field(default_factory=set)
    passive_by: set[str] = field(default_factory=set)
    passive_exceptions: set[str] = field(default_factory=set)
    separable_prefixes: tuple[str, ...] = ()
    open_to_close: dict[str, list[str]] = field(default_factory=dict)
    cue_comps: set[str] = field(default_factory=set)  # "say", "ce": a cue ends with it, content follows
    name_abbreviations: set[str] = field(default_factory=set)  # "dr", "prof": their period is no sentence end
    expletive_preps: set[str] = field(default_factory=set)  # "heißt es in X": X is the source
    subject_particles: tuple[str, ...] = ()  # "が": the subject of an embedded clause, not the topic
    media_cues: set[str] = field(default_factory=set)  # "報じた": its subject is a medium
    cue_nominalizers: tuple[str, ...] = ()  # "こと": after it the cue heads a noun clause
    source_openers: tuple[str, ...] = ()  # "また", "한편": a sentence connective, never part of a source
    opener_glue: re.Pattern | None = None  # a character after an opener that continues its word
    document_preps: set[str] = field(default_factory=set)  # "in": "In dem Bericht wurde gefordert, …"
    coordinators: set[str] = field(default_factory=set)  # "und", "oder": join phrases in an apposition
    clause_coordinators: set[str] = field(default_factory=set)  # ", doch X erklärte": a new clause
    infinitive_markers: set[str] = field(default_factory=set)  # "zu": "…darauf zu bestehen"
    document_nouns: tuple[str, ...] = ("\0",)  # "bericht", "mitteilung": what such a phrase must name
    # lookups by first word / first character, built once: the scans below run at every word
    phrases_by_first: dict[str, list[list[str]]] = field(default_factory=dict)
    according_by_first: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for phrase in self.phrases:
            self.phrases_by_first.setdefault(phrase[0], []).append(phrase)
        for marker in self.according:
            self.according_by_first.setdefault(marker[:1], []).append(marker)

    @classmethod
    def from_data(cls, data: dict) -> _Lex:
        def low(key: str) -> list[str]:
            return [w.lower() for w in data.get(key, [])]

        cues = [c for c in low("cue_forms") if " " not in c]
        lex = cls(
            phrases=[c.split() for c in low("cue_forms") if " " in c],
            cues=set(cues), cue_list=sorted(set(cues), key=len, reverse=True),
            cue_after=bool(data.get("cue_follows_content", False)),
            quotative=sorted(low("quotative_particles"), key=len, reverse=True),
            topic=low("topic_particles"),
            according=sorted(low("according_to"), key=len, reverse=True),
            according_after=sorted(low("according_to_after"), key=len, reverse=True),
            according_nouns=low("according_to_nouns"), ambiguous=set(low("ambiguous_markers")),
            noun_first=bool(data.get("ambiguous_marker_noun_first", False)),
            so_markers=set(low("source_after_comma")), openers=set(low("reporting_openers")),
            comps=set(low("complementizers")), preps=set(low("prepositions")),
            clause_openers=set(low("clause_openers")), subordinators=set(low("subordinators")),
            anaphoric=set(low("anaphoric_markers")), subjunctive=set(low("subjunctive_forms")),
            dets=set(low("determiners")), linkers=set(low("np_linkers")), stops=set(low("np_stops")),
            adverbs=set(low("adverbs")), aux=set(low("auxiliaries")), pronouns=set(low("pronouns")),
            no_spaces=bool(data.get("no_spaces", False)),
            min_quote_words=int(data.get("min_quote_words", 4)),
            split_quotes=bool(data.get("split_embedded_quotes", False)),
            whole_sentence=set(low("whole_sentence_cues")),
            adj_endings=tuple(low("adjective_endings")) or ("\0",),
            opening_dets=set(low("phrase_opening_determiners")),
            oblique=set(low("oblique_determiners")), non_subjects=set(low("non_subjects")),
            expletives=set(low("expletive_subjects")),
            expletive_only=set(low("expletive_only_cues")),
            nouns_capitalized=bool(data.get("nouns_capitalized", False)),
            non_noun_endings=tuple(low("non_noun_endings")) or ("\0",),
            continuation_reach=int(data.get("continuation_reach", 0)),
            continuation_across_paragraphs=bool(data.get("continuation_across_paragraphs", True)),
            pointers=set(low("previous_sentence_pointers")),
            nominative=set(low("nominative_pronouns")),
            hearsay=set(low("hearsay_forms")),
            hearsay_perfect=set(low("hearsay_perfect_forms")), perfect_aux=set(low("perfect_auxiliaries")),
            shared_subject=set(low("shared_subject_conjunctions")),
            verb_second=bool(data.get("verb_second", False)),
            colon_quote_words=int(data.get("colon_quote_min_words", 0)),
            relative_openers=set(low("relative_openers")),
            nominative_relatives=set(low("nominative_relatives")),
            content_end_marks=tuple(data.get("content_end_marks", [])),
            passive_aux=set(low("passive_auxiliaries")), passive_by=set(low("passive_agent_markers")),
            passive_exceptions=set(low("passive_subject_speaks")),
            separable_prefixes=tuple(sorted(low("separable_prefixes"), key=len, reverse=True)),
        )
        for pair in data.get("quote_pairs", []):
            lex.open_to_close.setdefault(pair[0], []).append(pair[1])
        lex.cue_comps = set(low("cue_complementizers"))
        lex.name_abbreviations = {w.rstrip(".") for w in low("name_abbreviations")}
        lex.subject_particles = tuple(low("subject_particles"))
        lex.expletive_preps = set(low("expletive_source_preps"))
        lex.media_cues = set(low("media_cues"))
        lex.cue_nominalizers = tuple(low("cue_nominalizers"))
        lex.source_openers = tuple(sorted(low("source_openers"), key=len, reverse=True))
        lex.opener_glue = re.compile(data["source_opener_glue"]) if data.get("source_opener_glue") else None
        lex.document_preps = set(low("document_prepositions"))
        lex.coordinators = set(low("coordinators"))
        lex.clause_coordinators = set(low("clause_coordinators"))
        lex.infinitive_markers = set(low("infinitive_markers"))
        lex.document_nouns = tuple(low("document_nouns")) or ("\0",)
        for entry in low("bracket_cues"):  # "teilte|teilten|teilt mit"
            forms, particle = entry.rsplit(" ", 1)
            for form in forms.split("|"):
                lex.brackets.setdefault(form, []).append(particle)
        return lex


_CACHE: dict[int, tuple[dict, _Lex]] = {}


def _lex(data: dict) -> _Lex:
    hit = _CACHE.get(id(data))
    if hit is None or hit[0] is not data:
        hit = (data, _Lex.from_data(data))
        _CACHE[id(data)] = hit
    return hit[1]


# ----------------------------------------------------------------------------- text units

def quote_spans(text: str, open_to_close: dict[str, list[str]]) -> list[tuple[int, int]]:
    """Paired quotation marks as (start, end) including the marks, outermost pairs only.

    A stack per paragraph: a mark closes the innermost open quote when it is its closer, else it
    opens one (so „…“, “…”, »…«, «…» and straight quotes all pair, and an unclosed mark is
    dropped at the paragraph end instead of swallowing the article)."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[int, list[str]]] = []
    for i, ch in enumerate(text):
        if ch == "\n" and stack:
            stack = []
            continue
        if stack and ch in stack[-1][1]:
            start, _ = stack.pop()
            if not stack:
                spans.append((start, i + 1))
            continue
        if ch in open_to_close:
            if ch in ("'", "’", "‘") and i and text[i - 1].isalnum():
                continue  # an apostrophe, not a quote
            stack.append((i, open_to_close[ch]))
    return spans


# ----------------------------------------------------------------------------- helpers

def _in_quote(pos: int, quotes: list[tuple[int, int]]) -> bool:
    return any(q0 < pos < q1 for q0, q1 in quotes)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in SEPARATORS):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in SEPARATORS):
        e -= 1
    return s, e


def _is_cap(w: _W) -> bool:
    """Capitalised, also after an elided article ("l'Istat", "d’Angers")."""
    t = w.text
    for apo in "'’":
        i = t.find(apo)
        if 0 < i <= 3:
            t = t[i + 1:]
    return t[:1].isupper() or any(part[:1].isupper() for part in t.split("-")[1:])


def _np_forward(words: list[_W], i: int, lex: _Lex, limit: int = 10,
                skip: bool = True) -> tuple[int, int] | None:
    """Word indices [i, j) of the noun phrase starting at words[i] (a source after its cue);
    with `skip`, leading adverbs and auxiliaries are passed over ("sagte auch der Minister")."""
    n = len(words)
    while skip and i < n and (words[i].low in lex.adverbs or words[i].low in lex.aux):
        i += 1
    if i >= n:
        return None
    if words[i].low in lex.pronouns:
        return i, i + 1
    j = i
    seen_head = False
    while j < n and j - i < limit:
        w = words[j]
        if j == i + 1 and words[i].low in lex.dets:
            attribute = _extended_attribute(words, j, lex)
            if attribute:  # "die in Linz erscheinende Zeitung": on to the participle's noun
                j = attribute
                continue
        name = _quoted_name_words(words, j, lex) if j > i and w.gap.strip() in lex.open_to_close else 0
        if name:  # "die Nachrichtenagentur „Xinhua“", "die „Neue Rechte“": the name ends the phrase
            return i, name
        if j > i and _gap_has_stop(w) and not _abbreviated_name_part(words[j - 1], w, lex):
            break
        if w.low in lex.stops and j > i:
            break
        if seen_head and w.low in lex.opening_dets and not _is_cap(w) and words[j - 1].low not in lex.linkers:
            break  # "laut el-Baradei | die Bearbeitung": a new phrase; "X und die Linke" goes on
        if w.low in lex.dets or _is_cap(w) or (lex.no_spaces and j == i):
            seen_head = seen_head or _is_cap(w) or lex.no_spaces
            j += 1
        elif j > i and words[j - 1].low in lex.dets and w.low not in lex.stops and w.low not in lex.aux \
                and w.low not in lex.cues:
            adjectives = _adjectives_before_noun(words, j, lex) if lex.nouns_capitalized else 0
            if adjectives:  # "einer vorläufigen amtlichen Bilanz": on to the capitalised noun
                j += adjectives
                continue
            seen_head = True  # "la ministra", "het ministerie", "der 81-jährige": the noun itself
            j += 1
        elif seen_head and j + 1 < n and _is_cap(words[j + 1]) and w.low not in lex.stops \
                and w.low not in lex.cues and not _gap_has_stop(words[j + 1]) and not lex.nouns_capitalized:
            j += 1  # "Министр финансов Антон Силуанов"
        elif w.low in lex.linkers and seen_head and j + 1 < n and (
                words[j + 1].low in lex.dets or _is_cap(words[j + 1])):
            j += 1
        elif not _is_cap(w) and w.low not in lex.stops and j + 1 < n and (
                _is_cap(words[j + 1]) or words[j + 1].low not in lex.stops) and not seen_head and j - i < 3:
            j += 1  # adjective before its noun ("der zuständige Minister")
        elif not seen_head and not w.text[:1].isupper() and _script_without_case(w.text):
            seen_head = True  # scripts without capitals (ru lower-case nouns aside, ar, ko)
            j += 1
        else:
            break
    if not seen_head:
        return None
    return i, j


def _adjectives_before_noun(words: list[_W], j: int, lex: _Lex, limit: int = 3) -> int:
    """How many lower-case words from words[j] on precede a capitalised noun right after them, where
    every noun is capitalised ("einer vorläufigen amtlichen Opferbilanz": 2); 0 when none follows
    ("der 81-jährige sagte": the lower-case word is the noun)."""
    k = j
    closed = (lex.stops, lex.dets, lex.aux, lex.cues)
    while k < len(words) and k - j < limit and not _is_cap(words[k]) and not _gap_has_stop(words[k]) \
            and not any(words[k].low in words_of for words_of in closed):
        k += 1
    return k - j if k > j and k < len(words) and _is_cap(words[k]) and not _gap_has_stop(words[k]) else 0


def _extended_attribute(words: list[_W], j: int, lex: _Lex, limit: int = 7) -> int:
    """ "die in Oberösterreich erscheinende Zeitung", "die den Grünen nahestehende „Tages
    Post“": where every noun is capitalised, a preposition or determiner right after an article
    opens an attribute that ends on a lower-case participle or adjective before the noun. The
    index after that participle (the noun comes next), 0 when the words do not read so."""
    if not lex.nouns_capitalized or not (words[j].low in lex.preps or words[j].low in lex.dets):
        return 0
    for m in range(j + 1, min(len(words) - 1, j + limit)):
        w, noun = words[m], words[m + 1]
        if _gap_has_stop(w) and w.gap.strip() not in lex.open_to_close:
            return 0
        if _is_cap(w) or w.low in lex.stops or w.low in lex.aux or w.low in lex.cues:
            continue
        if not w.low.endswith(lex.adj_endings) or w.low in lex.preps or w.low in lex.dets:
            return 0
        opens_name = noun.gap.strip() in lex.open_to_close
        return m + 1 if (_is_cap(noun) and (not noun.gap.strip() or opens_name)) else 0
    return 0


def _abbreviated_name_part(before: _W, w: _W, lex: _Lex) -> bool:
    """ "George W. Bush", "Prof. Dr. Matthias Beckmann": a period after an initial or a listed
    `name_abbreviations` word goes on with the name when a capitalised word follows."""
    if w.gap.strip() != "." or not _is_cap(w):
        return False
    initial = len(before.text) == 1 and before.text.isupper()
    return initial or before.low in lex.name_abbreviations


def _punctuated(text: str, words: list[_W], j: int, lex: _Lex) -> bool:
    """Whether a clause-ending mark stands between words[j - 1] and words[j], the period of an
    abbreviated name part ("wie Dr. Dittrich erklärte") aside."""
    return any(ch in text[words[j - 1].end:words[j].start] for ch in ".;:!?") \
        and not _abbreviated_name_part(words[j - 1], words[j], lex)


def _quoted_name_words(words: list[_W], j: int, lex: _Lex, limit: int = 6) -> int:
    """The word index after a quoted name opening at words[j] (its quotation mark in the gap
    before it) whose words are all capitalised, 0 when there is none. Words cut off before a cue
    end the name where they end."""
    closers = lex.open_to_close[words[j].gap.strip()]
    for m in range(j, min(len(words), j + limit)):
        if not (_is_cap(words[m]) or words[m].text[:1].isdigit()) or (m > j and words[m].gap.strip(" -")):
            return 0
        if m + 1 == len(words) or words[m + 1].gap[:1] in closers:
            return m + 1
    return 0


def _script_without_case(text: str) -> bool:
    ch = text[:1]
    return ch.isalpha() and ch.lower() == ch.upper()


def _gap_has_stop(b: _W) -> bool:
    """Whether punctuation separates a word from the one before it (a noun phrase does not run
    across a comma)."""
    return bool(b.gap.strip())


_BRACKETED_SHORT_NAME = re.compile(r"\s*\([^()\n]{1,20}\)")


def _with_bracketed_short_name(text: str, end: int, limit: int) -> int:
    """ "Laut dem Bauernverband (DBV) ist…": a short bracket right after a source is its acronym
    or short name, part of the source and not of what it reports."""
    found = _BRACKETED_SHORT_NAME.match(text, end, limit)
    return found.end() if found else end


def _span_of(words: list[_W], r: tuple[int, int] | None) -> tuple[int, int] | None:
    if r is None or r[1] <= r[0]:
        return None
    start, end = words[r[0]].start, words[r[1] - 1].end
    closed = r[1] < len(words) and words[r[1]].gap[:1] in CLOSING
    if closed and words[r[0]].gap[-1:] in OPENING:
        return start - 1, end + 1  # "laut „Reuters“": the name with its marks
    if closed and any(w.gap.strip() in OPENING for w in words[r[0] + 1:r[1]]):
        end += 1  # "die Nachrichtenagentur „Xinhua“": a quoted name keeps its closing mark
    return start, end


def _np_backward(words: list[_W], j: int, lex: _Lex, limit: int = 8) -> tuple[int, int] | None:
    """Word indices [i, j) of the noun phrase ending right before words[j] ("X zufolge")."""
    i = j
    adjective = False  # an adjective was passed: only a determiner may precede it in the phrase
    determiner = False  # a determiner was passed: it opens its phrase, no adjective precedes it
    while i > 0 and j - i < limit:
        w = words[i - 1]
        if i < j and any(c in words[i].gap for c in SEPARATORS):
            break  # "eine Regel, die Fachleuten zufolge…": the phrase does not run across a comma
        if adjective and lex.nouns_capitalized and _is_cap(w) and w.low not in lex.dets:
            break  # "Eishalle | dürfte ersten Annahmen zufolge": a noun cannot precede the adjective
        if w.low in lex.dets or _is_cap(w) or w.low in lex.linkers or _script_without_case(w.text):
            i -= 1
            adjective = False
            determiner = w.low in lex.dets and not _is_cap(w)
        elif not _is_cap(w) and i < j and not determiner and w.low not in lex.stops \
                and w.low not in lex.aux and w.low.endswith(lex.adj_endings):
            i -= 1  # not "Nordkorea | besitze seiner Meinung nach": a verb before the determiner
            adjective = True
        else:
            break
    while i < j and ((words[i].low in lex.linkers and words[i].low not in lex.dets)
                     or words[i].low in lex.stops):
        i += 1  # a determiner opens the phrase ("Der Polizei zufolge"), a bare linker does not
    return (i, j) if j > i else None


def _kind(text: str, s: int, e: int, quotes: list[tuple[int, int]], default: str) -> str:
    inside = [(q0, q1) for q0, q1 in quotes if q0 >= s - 1 and q1 <= e + 1]
    if not inside:
        return default
    alnum = sum(ch.isalnum() for ch in text[s:e])
    quoted = sum(ch.isalnum() for q0, q1 in inside for ch in text[q0:q1])
    if alnum and quoted >= 0.9 * alnum:
        return "direct"
    return "mixed" if default in ("indirect", "according_to") else default


def _content_after(text: str, pos: int, unit_end: int, quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """Content from `pos` to the end of the unit; a quote opening right there ends at its closer."""
    s, e = _trim(text, pos, unit_end)
    for q0, q1 in quotes:
        if q0 == s and q1 < e and text[q1:e].strip(" .") == "":
            return q0, q1
    return s, e


def _content_before(text: str, unit_start: int, pos: int, quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """Content from the unit start to `pos`; a quote closing right there starts at its opener."""
    s, e = _trim(text, unit_start, pos)
    for q0, q1 in quotes:
        if q1 == e and q0 >= s:
            return q0, q1
    return s, e


# ----------------------------------------------------------------------------- patterns

def _cue_statements(text: str, unit: tuple[int, int], words: list[_W], quotes, lex: _Lex) -> list[Statement]:
    found = []
    us, ue = unit
    for k, w in enumerate(words):
        if _in_quote(w.start, quotes):
            continue
        n = _cue_len(words, k, lex)
        if not n:
            continue
        if _in_reporting_clause(text, us, words, k, lex):
            continue  # "wie X mitteilte, …" is the reporting-clause pattern's
        cue_end = words[k + n - 1].end
        before = text[us:w.start].rstrip()
        framed = _framed_by_auxiliary(text, words, us, k, n, lex)
        if framed is not None:  # "„…“, wird Panetta zitiert.": the content before the auxiliary's comma
            before = text[us:words[framed].start].rstrip()
        if k > 0 and words[k - 1].low in lex.so_markers and words[k - 1].start >= us \
                and text[:words[k - 1].start].rstrip().endswith(","):
            before = text[us:words[k - 1].start].rstrip()  # "…, so bestätigt das Gericht."
        # "„…“, sagte X dem „Hamburger Abendblatt“.": a quoted name after the cue opens no content
        colon = _separator_after(text, words, k + n - 1, ue, lex, marks=":：", past_names=True)
        # "…, sagte X." / "«…», — сказал X." : content before, source after the cue
        forward = _separator_after(text, words, k + n - 1, ue, lex, past_names=True)
        if forward is not None and text[forward:ue].lstrip()[:1] in lex.open_to_close:
            forward = None  # "„…“, sagte X, „…“": the quote after the source continues the content
        prefield = _prefield_clause(text, words, us, k, n, before, quotes, lex)
        if forward is not None and prefield != "subordinate" \
                and _source_then_apposition(text, words, k + n, forward, before, lex):
            forward = None  # "„…“, sagte Hugo Salcedo, Kopf der Inspektoren, …": the content is before
        if prefield == "main" and not any(sep is not None and text[sep:sep + 1] in lex.open_to_close
                                          for sep in (forward, colon)):
            forward = colon = None  # "…, sagte Berger über Kranz als neuen, alten Trainer."
        closers = tuple(c for cs in lex.open_to_close.values() for c in cs)
        appositive = False
        if colon is None and forward is None and before and k > 0 and (
                before[-1] in ",—–:" or before.endswith(closers)):
            cut = len(before)
            while cut and before[cut - 1] in ",—–: ":
                cut -= 1
            cs, ce = _content_before(text, us, us + cut, quotes)
            if ce - cs < 12:
                continue
            # "Der Direktor, Peter Horrocks, bezeichnete …": a subject and its apposition, no content
            appositive = _only_noun_phrases(text, words, cs, ce, quotes, lex)
        if not appositive and colon is None and forward is None and before and k > 0 and (
                before[-1] in ",—–:" or before.endswith(closers)):
            bracket = n > 1 and _bracketed(words, k, n, lex)  # "teilte die Polizei mit": subject inside
            inside = _np_forward(words[:k + n - 1], k + 1, lex) if bracket else None
            at = k + n
            while at < len(words) and words[at].low in lex.non_subjects and not _gap_has_stop(words[at]):
                at += 1  # "„…“, äußerte sich Schavan": the reflexive is not the source
            after = _np_forward(words, at, lex) or _rest_of_clause(text, words, at)
            if framed is not None:
                after = _subject_np(words, framed + 1, k, lex)
            src = _span_of(words, inside or after)
            if src is not None and text[src[0]:src[1]].lower() in lex.expletives:
                src = None  # "…, heißt es.": no one is named
            # sandwiched quote: "„…“, sagte X, „…“" continues after the source
            if src is not None:
                rest = text[src[1]:ue].lstrip(" ,:—–")
                for q0, q1 in quotes:
                    if q0 == ue - len(rest) and q0 > ce:
                        ce = q1
            st = Statement(cs, ce, _kind(text, cs, ce, quotes, "indirect"), w.start, cue_end, w.low,
                           confidence=0.6, rule="rules.content_then_cue")
            if src is not None:
                st.source_start, st.source_end = src
            found.append(st)
            continue
        # "X sagte, dass …" / "X sagte: „…“" / "Am Montag sagte X, …": content after a separator
        sep = _separator_after(text, words, k + n - 1, ue, lex)
        if sep is None:
            if lex.whole_sentence and k > 0 and not found:
                # "Der Minister kritisierte die Entscheidung scharf.": the whole sentence is the claim;
                # with another cue verb ("Der Minister lobte …") a weaker candidate the scorer weighs
                cs, ce = _trim(text, us, ue)
                src = _source_around(text, us, words, k, ue, lex)
                adjacent = src is not None and k > 0 and (src[1] == words[k - 1].end or (
                    text[src[1]:src[1] + 1] == "," and text[:w.start].rstrip().endswith(",")
                    and _only_noun_phrases(text, words, src[0], words[k - 1].end, quotes, lex)))
                inverted = src is not None and k + 1 < len(words) and src[0] == words[k + 1].start
                if adjacent and src[1] != words[k - 1].end:
                    src = (src[0], words[k - 1].end)  # "Der Direktor, Peter Horrocks, bezeichnete …"
                if (adjacent or inverted) and ce - cs >= 20:
                    found.append(Statement(cs, ce, _kind(text, cs, ce, quotes, "indirect"), w.start, cue_end,
                                           w.low, src[0], src[1], confidence=0.41,
                                           rule="rules.whole_sentence" if w.low in lex.whole_sentence
                                           else "rules.whole_sentence_other_cue"))
            continue
        if _relative_clause(text, words, sep, lex):
            # "schrieb in einer Erklärung, die online steht, sie wolle …": the content follows it
            sep = next((words[j - 1].end + 1 for j in range(k + n, len(words))
                        if words[j - 1].start > sep and words[j].start < ue and "," in words[j].gap), None)
            if sep is None:
                continue
        cs, ce = _content_after(text, sep, ue, quotes)
        opener = next((x for x in words[k + n:] if x.start >= cs), None)
        if (opener is not None and opener.start == cs and "," in text[cue_end:cs]
                and opener.low in lex.coordinators | lex.clause_coordinators
                and not _ends_in_infinitive(text[cs:ce], lex)):
            # "hatte Haft verlangt, doch verhängte das Gericht…": a clause of its own ("appellierte
            # an die Eltern, jedoch nicht darauf zu bestehen" is the cue's infinitive)
            continue
        if lex.content_end_marks:
            cs, ce = _clause_content(text, cs, ce, words, quotes, lex)
        ce = _before_next_report(text, words, k + n, cs, ce, quotes, lex)
        if ce - cs < 12:
            continue
        src = _source_around(text, us, words, k, sep, lex)
        st = Statement(cs, ce, _kind(text, cs, ce, quotes, "indirect"), w.start, cue_end, w.low,
                       confidence=0.6, rule="rules.cue_then_content")
        if src is not None:
            st.source_start, st.source_end = src
        found.append(st)
    return found


def _before_next_report(text: str, words: list[_W], i: int, cs: int, ce: int, quotes, lex: _Lex) -> int:
    """Where an indirect content after its cue ends when a later clause of the sentence reports
    someone else ("…, Annabi sei tot, doch der Sprecher erklärte, …"): at the comma opening the
    clause of that next cue, unless the clause is still in the reported mood ("…, die Polizei habe
    mitgeteilt, …"), or is a relative clause. The next statement then keeps its own content. Only
    for languages whose file lists that mood: without it a nested report cannot be told apart."""
    if not lex.subjunctive or text[cs:cs + 1] in lex.open_to_close:
        return ce
    comma = None
    for j in range(i, len(words)):
        w = words[j]
        if w.start >= ce:
            break
        if w.start < cs or _in_quote(w.start, quotes):
            continue
        if w.start == cs:
            if _cue_len(words, j, lex) and w.low not in lex.subjunctive:
                return cs  # "…fest, berichtete die Polizei.": the next cue's frame, no content
            continue
        if "," in w.gap or ";" in w.gap:  # the cue may open that clause: "…, betonte Lawrow."
            comma = j if w.low not in lex.relative_openers else None
        if w.low in lex.subjunctive:
            comma = None
        elif comma is not None and _cue_len(words, j, lex):
            return _trim(text, cs, words[comma - 1].end)[1]
    return ce


def _framed_by_auxiliary(text: str, words: list[_W], us: int, k: int, n: int, lex: _Lex) -> int | None:
    """ "„…“, wird Panetta zitiert.", "…, hatte Koch-Mehrin damals gesagt.": in a verb-second
    language a participle cue closing the sentence after an auxiliary that follows a comma frames
    its subject; the index of that auxiliary, None when the cue does not stand so."""
    if not lex.verb_second or k + n < len(words) and not any(ch in words[k + n].gap for ch in ".!?"):
        return None
    aux = next((j for j in range(k - 1, -1, -1) if words[j].start >= us and "," in words[j].gap), None)
    if aux is None or aux >= k - 1 or words[aux].low not in lex.aux \
            or any(_punctuated(text, words, j, lex) for j in range(aux + 1, k + 1)):
        return None
    # what stands before is reported: a quotation, or a clause in the reporting mood ("Sie wisse, …"),
    # not a fronted clause or subject ("Nachdem X …, hat Y seine Rückkehr angekündigt")
    closers = tuple(c for cs in lex.open_to_close.values() for c in cs)
    reported = text[us:words[aux].start].rstrip(" ,").endswith(closers) or any(
        w.low in lex.subjunctive for w in words[:aux] if w.start >= us)
    return aux if reported else None


def _prefield_subject(words: list[_W], unit: tuple[int, int], lex: _Lex) -> tuple[int, int] | None:
    """The noun phrase that opens a sentence, followed by its verb ("Das Institut sieht …")."""
    i = next((i for i, w in enumerate(words) if w.start >= unit[0]), None)
    if i is None or words[i].low in lex.preps or words[i].low in lex.stops or words[i].low in lex.oblique:
        return None
    r = _np_forward(words, i, lex, skip=False)
    if r is None or r[1] >= len(words) or words[r[1]].start >= unit[1] or words[r[1]].low in lex.dets:
        return None
    return _span_of(words, r)


def _colon_quotes(text: str, unit: tuple[int, int], words: list[_W], quotes, found: list[Statement],
                  lex: _Lex) -> list[Statement]:
    """ "Im Stadtrat sparte die Bürgermeisterin nicht mit Kritik: „Jeder hier weiß …“": a quotation that
    a colon opens, after a clause whose verb the cue lexicon does not know, is the speech of that
    clause's subject, found as for a cue (a phrase after a preposition or in an object case is
    passed over). The clause before the colon is the cue. A short quotation without a sentence end
    is a title or a name ("spielte die Band ihr neues Lied: „Ein langer Sommer“"), not speech."""
    out = []
    first = next((i for i, w in enumerate(words) if w.start >= unit[0]), None)
    for qs, qe in quotes:
        if first is None or not unit[0] <= qs < unit[1] or any(st.start < qe and qs < st.end for st in found):
            continue
        before = text[unit[0]:qs].rstrip()
        if not before.endswith(":") or not reads_as_speech(text[qs + 1:qe - 1], lex.colon_quote_words):
            continue
        colon = unit[0] + len(before) - 1
        k = _words_before(words, first, colon)
        start = first  # the clause after the last sentence-internal stop before the colon
        for i in range(first + 1, k):
            if any(ch in words[i].gap for ch in ";:"):
                start = i
        w = words[start]
        adverb = w.low not in lex.preps and w.low not in lex.stops and _lower_elsewhere(text, w, lex)
        opener = start + 1 if adverb and start + 1 < k else start
        r = _subject_np(words, opener, k, lex)  # "Ähnlich sieht X die Lage:": an adverb opens the clause
        if r is None or r[1] == r[0]:
            continue
        source = _span_of(words, r)
        cue_start = source[1] if r[0] == start else words[start].start
        cue = _trim(text, cue_start, colon) if cue_start < colon else None
        if cue is not None and cue[1] <= cue[0]:
            cue = None  # "Innenministerin Anna Berg: „…“": a name and a colon, no cue
        out.append(Statement(qs, qe, "direct", *(cue or (None, None)), None, *source, confidence=0.4,
                             rule="rules.colon_quote"))
    return out


def _cue_len(words: list[_W], k: int, lex: _Lex) -> int:
    """How many words form a cue starting at words[k]: 1 for a listed form, more for a listed
    phrase ("geht davon aus") or a verb bracket ("gab der Minister gestern bekannt"), 0 for none."""
    for phrase in lex.phrases_by_first.get(words[k].low, ()):
        if len(phrase) > 1 and [w.low for w in words[k:k + len(phrase)]] == phrase:
            return len(phrase)
    for particle in lex.brackets.get(words[k].low, ()):
        close = _bracket_close(words, k, particle)
        if close is not None:
            return close - k + 1
    if words[k].low in lex.expletive_only and not _with_expletive(words, k, lex):
        return 0
    if words[k].low in lex.cues and (_attributive(words, k, lex)
                                     or _determiner_after_preposition(words, k, lex)):
        return 0
    return 1 if words[k].low in lex.cues else 0


def _ends_in_infinitive(content: str, lex: _Lex) -> bool:
    """The words end in an infinitive with its marker ("…darauf zu bestehen.": `infinitive_markers`)."""
    last = content.rstrip(" .!?").split()[-2:]
    return len(last) == 2 and last[0].lower() in lex.infinitive_markers


def _determiner_after_preposition(words: list[_W], k: int, lex: _Lex) -> bool:
    """A cue form that is also a determiner (`oblique_determiners`: German "meinen") between a
    preposition or an auxiliary and a capitalised noun is the determiner: "in meinen Kursen", "mit
    meinen Kollegen", "hat meinen Garten so beschrieben" (a verb right after the auxiliary would
    close the clause, not open a noun phrase)."""
    return (lex.nouns_capitalized and 0 < k < len(words) - 1 and words[k].low in lex.oblique
            and (words[k - 1].low in lex.preps or words[k - 1].low in lex.aux)
            and not _gap_has_stop(words[k])
            and _is_cap(words[k + 1]) and not _gap_has_stop(words[k + 1]))


def _attributive(words: list[_W], k: int, lex: _Lex, reach: int = 7) -> bool:
    """Whether words[k], a cue form with an adjective's ending, modifies the capitalised noun right
    after it, where every noun is capitalised: "in dem als Künstlerviertel bekannten Stadtteil",
    "eine einigermaßen begründete Aussicht". A determiner opens the phrase within a few words, with
    no punctuation and no noun of its own between ("Die Polizei bestätigte Angaben…": "Polizei" is
    the subject, the verb finite); a noun inside a prepositional phrase ("als Künstlerviertel")
    does not count."""
    if not lex.nouns_capitalized or k + 1 >= len(words) or not words[k].low.endswith(lex.adj_endings):
        return False
    if not _is_cap(words[k + 1]) or _gap_has_stop(words[k + 1]):
        return False
    for j in range(k - 1, max(k - reach, 0) - 1, -1):
        if _gap_has_stop(words[j + 1]) or words[j].low in lex.aux or words[j].low in lex.cues:
            return False
        if words[j].low in lex.dets:
            if j == k - 1 and (j == 0 or _gap_has_stop(words[j])):
                return False  # "Das berichteten Mitarbeiter…": a clause's first word, a pronoun
            in_phrase = False
            for m in range(j + 1, k):
                if words[m].low in lex.preps:
                    in_phrase = True
                elif _is_cap(words[m]) and not in_phrase:
                    return False
            return True
    return False


def _with_expletive(words: list[_W], k: int, lex: _Lex, reach: int = 12) -> bool:
    """Whether an expletive subject stands right after words[k] or before it in its clause (no
    comma, colon or dash between; an ordinal's period is none): "heißt es", "wie es auf einer
    Pressekonferenz am 13. Januar hieß"."""
    if k + 1 < len(words) and words[k + 1].low in lex.expletives and not _gap_has_stop(words[k + 1]):
        return True
    for j in range(k - 1, max(k - reach, 0) - 1, -1):
        if any(c in words[j + 1].gap for c in SEPARATORS):
            return False
        if words[j].low in lex.expletives:
            return True
    return False


def _only_noun_phrases(text: str, words: list[_W], cs: int, ce: int, quotes, lex: _Lex) -> bool:
    """Whether the words before a cue's comma are noun phrases only, each comma-separated piece one
    phrase ("Der Direktor des Senders, Peter Horrocks"): a subject with its apposition, not a
    content (which has a verb). Quotations are content whatever their words."""
    if any(q0 < ce and cs < q1 for q0, q1 in quotes):
        return False
    inside = [w for w in words if cs <= w.start and w.end <= ce]
    if not inside:
        return False
    pieces, piece = [], [inside[0]]
    for w in inside[1:]:
        if "," in w.gap:
            pieces.append(piece)
            piece = []
        piece.append(w)
    pieces.append(piece)
    for n, piece in enumerate(pieces):
        if lex.nouns_capitalized:
            if not _nominal_piece(piece, lex, first=n == 0):
                return False
            continue
        r = _np_forward(piece, 0, lex, limit=len(piece) + 1, skip=False)
        if r is None or r[1] < len(piece):
            return False
    return True


def _nominal_piece(piece: list[_W], lex: _Lex, first: bool) -> bool:
    """Where every noun is capitalised, whether a comma-separated piece has no verb: besides
    capitalised words and numbers only determiners, prepositions ("Obmann der Fraktion im
    Ausschuss", "zu Guttenberg"), "und"/"oder", adjectives before a word ("ehemalige") and, at the
    start, adverbs ("Auch die Fraktionschefin"); brackets and a truncated compound's hyphen
    ("Journalistinnen- und Journalisten-Union") do not break it."""
    i = 0
    while first and i < len(piece) and piece[i].low in lex.adverbs:
        i += 1
    named = False
    for j in range(i, len(piece)):
        w = piece[j]
        if j > i and w.gap.strip() not in ("", "(", ")", "-", "/"):
            return False
        if _is_cap(w) or w.text[:1].isdigit():
            named = True
        elif w.low in lex.dets or w.low in lex.preps or w.low in lex.linkers or w.low in lex.coordinators:
            continue
        elif not (w.low.endswith(lex.adj_endings) and j + 1 < len(piece) and w.low not in lex.aux
                  and w.low not in lex.subjunctive and w.low not in lex.cues
                  and (_is_cap(piece[j + 1]) or piece[j + 1].low.endswith(lex.adj_endings))
                  and (j == i or not _is_cap(piece[j - 1]) or piece[j - 1].low in lex.dets)):
            return False  # a verb ("Die Preise steigen im Mai"), not an adjective before its noun
    return named


def _bracketed(words: list[_W], k: int, n: int, lex: _Lex) -> bool:
    """Whether the cue words[k:k+n] is a verb bracket, its subject inside ("teilte X mit")."""
    return words[k + n - 1].low in lex.brackets.get(words[k].low, ())


def _bracket_close(words: list[_W], k: int, particle: str, reach: int = 16) -> int | None:
    """Where the particle of a separable verb closes its clause ("teilte … mit,"): the particle
    must end the clause (punctuation or the unit's end after it), so that a preposition of the
    same spelling inside the clause ("teilte mit der Presse …") does not close it."""
    for i in range(k + 1, min(len(words), k + reach)):
        if any(ch in words[i].gap for ch in ".;:!?,\"„“”«»"):
            return None
        if words[i].low == particle:
            if i + 1 == len(words) or any(ch in words[i + 1].gap for ch in ".;:!?,\"„“”«»()–—"):
                return i
    return None


def _in_reporting_clause(text: str, us: int, words: list[_W], k: int, lex: _Lex) -> bool:
    """Whether words[k] closes a reporting clause opened by "wie"/"как" at the unit start or
    after a comma, within a few words ("Wie X, Sprecher von Y, in Bangkok mitteilte, …")."""
    if not _closes_opened_clause(text, words, k):
        return False
    for i in range(k - 1, max(-1, k - 15), -1):
        if words[i].start < us:
            return False
        if words[i].low in lex.openers:
            return _opens_clause(text, us, words[i].start, lex)
        if _punctuated(text, words, i + 1, lex):
            return False
    return False


def _closes_opened_clause(text: str, words: list[_W], k: int) -> bool:
    """Whether a cue can close a clause a reporting opener began: not when a comma stands before it
    and its own clause goes on after it ("wie ich es bin, sagte Svindal über …": a comparison, then
    the frame of the sentence)."""
    if k == 0 or "," not in text[words[k - 1].end:words[k].start]:
        return True
    return k + 1 >= len(words) or any(ch in text[words[k].end:words[k + 1].start] for ch in ",.;:!?")


def _opens_clause(text: str, us: int, at: int, lex: _Lex) -> bool:
    """Whether a reporting opener at `at` ("wie") opens its clause: at the unit start, after a
    comma or bracket, or after sentence adverbs only ("Denn wie die Zeitung berichtete, …")."""
    gap = text[us:at].rstrip()
    return not gap or gap[-1] in ",(—–" or all(w.lower() in lex.adverbs for w in WORD.findall(gap))


def _prefield_clause(text: str, words: list[_W], us: int, k: int, n: int, before: str, quotes,
                     lex: _Lex) -> str | None:
    """What a comma before the cue closes, in a verb-second language: a "main" clause, which the cue
    then frames from behind ("Ich glaube, …, sagte X über Y als neuen, alten Präsidenten.": a comma
    or colon after the source is the frame's own), or a "subordinate" one, after which the content
    follows the cue ("Als die Polizei kam, sagte der Mann, er habe …"); None when no comma does, or
    when it closes the subject's relative clause or apposition ("Deiss, der …, sagte, er …"), a
    fronted prepositional phrase ("Auf den Vorwurf …, entgegnete X, dass …"), or when no subject
    follows the cue ("…, Larry Silverstein, zugesagt, …")."""
    if not lex.verb_second or not before.endswith(","):
        return None
    prefield = [w for w in words[:k] if w.start >= us]
    if len(prefield) < 3:
        return None
    if (prefield[0].low in lex.subordinators | lex.comps and not _in_quote(prefield[0].start, quotes)
            and not _main_clause_follows(prefield, lex)):
        # not "„Wenn sich X bewirbt, …“, sagte Y" (a quotation's words), nor "Wenn X …, wäre sie …,
        # sagte er" (the subordinate clause and its main clause: the content before the cue)
        return "subordinate"
    if prefield[0].low in lex.preps or k + n >= len(words) or words[k + n].gap.strip():
        return None
    if any("," in w.gap and w.low in lex.relative_openers for w in prefield[1:]) or _only_noun_phrases(
            text, words, prefield[0].start, prefield[-1].end, quotes, lex):
        return None
    return "main"


def _main_clause_follows(prefield: list[_W], lex: _Lex) -> bool:
    """Whether a comma inside the words before a cue opens a verb-first main clause ("Wenn X …,
    wäre sie …"): an auxiliary or a verb form right after it (a "dass" or a relative after it stays
    inside the subordinate clause)."""
    return any("," in w.gap and (w.low in lex.aux or w.low in lex.subjunctive or w.low in lex.cues)
               for w in prefield[1:])


def _source_then_apposition(text: str, words: list[_W], i: int, comma: int, before: str, lex: _Lex) -> bool:
    """Whether a cue after its content ("„…“, sagte X, Kopf der Inspektoren, …", "Die Lage sei
    ernst, sagte X, der Sprecher, …") is followed by its source and that source's apposition
    rather than by content: a comma stands before the cue, and the words up to the comma after
    it are one noun phrase that no complementizer follows."""
    if not before.endswith(",") or text[comma - 1] != ",":
        return False
    while i < len(words) and words[i].low in lex.non_subjects and not _gap_has_stop(words[i]):
        i += 1  # "„…“, äußerte sich X, Chef der Agentur, …": the reflexive is not the source
    after = next((w for w in words[i:] if w.start >= comma), None)
    if after is not None and after.low in lex.subordinators and after.low not in lex.shared_subject:
        return True  # "„…“, sagte X im September, als …": a subordinate clause, not content
    r = _np_forward(words, i, lex, limit=12)
    return r is not None and r[1] > r[0] and words[r[1] - 1].end == comma - 1 and (
        r[1] >= len(words) or words[r[1]].low not in lex.comps)


def _clause_content(text: str, cs: int, ce: int, words: list[_W], quotes, lex: _Lex) -> tuple[int, int]:
    """An indirect content ends where its clause does: at a `content_end_marks` mark outside
    quotation marks ("…, dass der Vater sie geschlagen habe; es wird geprüft, ob …"), and, for a
    content opened by a complementizer, at a comma before an indicative auxiliary, where a main
    clause resumes ("Die Agenturen berichteten, dass das Gebäude eingestürzt sei, hatte sich aber
    als falsch herausgestellt"); a Konjunktiv auxiliary there still continues the report."""
    if text[cs:cs + 1] in lex.open_to_close:
        return cs, ce
    cut = ce
    for mark in lex.content_end_marks:
        i = text.find(mark, cs, ce)
        while i >= 0 and _in_quote(i, quotes):
            i = text.find(mark, i + 1, ce)
        if i > cs:
            cut = min(cut, i)
    first = next((w for w in words if w.start >= cs), None)
    if first is not None and first.low in lex.comps:
        for w in words:
            if cs < w.start < cut and "," in w.gap and w.low in lex.aux and w.low not in lex.subjunctive \
                    and not _in_quote(w.start, quotes):
                cut = w.start - len(w.gap) + w.gap.index(",")
                break
    return _trim(text, cs, cut) if cut < ce else (cs, ce)


def _relative_clause(text: str, words: list[_W], sep: int, lex: _Lex) -> bool:
    """Whether what follows a cue's comma is a relative clause on the noun before the comma
    ("… kündigten Regenfälle an, die heftiger sein werden", "warf Steine, die vor dem Haus
    lagen"): a `relative_openers` word whose next word opens no noun phrase (a lower-case word
    not followed by a noun, or a preposition, pronoun or adverb)."""
    if not lex.relative_openers or text[sep - 1:sep] != ",":
        return False
    i = next((i for i, w in enumerate(words) if w.start >= sep), None)
    if i is None or i == 0 or i + 2 >= len(words) or words[i].low not in lex.relative_openers \
            or not _is_cap(words[i - 1]):
        return False
    nxt, then = words[i + 1], words[i + 2]
    if any(nxt.low in group for group in (lex.preps, lex.adverbs, lex.non_subjects, lex.pronouns)):
        return True
    return not _is_cap(nxt) and not _is_cap(then) and nxt.low not in lex.dets


def _clause_words(words: list[_W], i: int, j: int, lex: _Lex) -> tuple[int, int] | None:
    """The words between a reporting clause's opener and its verb, less trailing adverbs and
    auxiliaries: the source when no noun phrase reads there ("wie t-online.de berichtet", "wie
    „heise online“ heute meldete")."""
    while j > i and (words[j - 1].low in lex.adverbs or words[j - 1].low in lex.aux):
        j -= 1
    return (i, j) if 0 < j - i <= 6 else None


def _rest_of_clause(text: str, words: list[_W], i: int, limit: int = 10) -> tuple[int, int] | None:
    """Words after a closing cue up to the next comma: the source when no noun phrase is found
    ("…, teilte die zur Universität gehörende Stiftung mit")."""
    j = i
    while j < len(words) and j - i < limit:
        if j > i and "," in text[words[j - 1].end:words[j].start]:
            break
        j += 1
    return (i, j) if j > i else None


def _separator_after(text: str, words: list[_W], k: int, ue: int, lex: _Lex,
                     marks: str = ",:，：", past_names: bool = False) -> int | None:
    """Where the content starts after the cue words[k]: after a comma or colon within a few words
    (a complementizer stays in the content), at an opening quotation mark, or at a complementizer
    with no comma before it ("قال إن", "said that"); right after a cue phrase that ends with a
    `cue_complementizers` word ("tok say", "Malami say", "sọ pé", Hausa "ya ce"). With
    `past_names`, a quoted name ("sagte X dem „Hamburger Abendblatt“") opens no content."""
    if words[k].low in lex.cue_comps:
        return words[k].end
    name_end = 0
    for j in range(k + 1, min(len(words), k + 9)):
        gap = text[words[j - 1].end:words[j].start]
        if words[j - 1].end < name_end:
            continue  # inside a quoted name
        for ch in marks:
            if ch in gap:
                return words[j - 1].end + gap.index(ch) + 1
        if any(ch in gap for ch in SENT_END) or (marks == ":：" and "," in gap):
            return None
        if gap.strip() and gap.strip()[-1] in lex.open_to_close:
            at = words[j - 1].end + gap.rindex(gap.strip()[-1])
            name_end = _quoted_name_end(text, at, lex) if past_names else 0
            if not name_end:
                return at
        if words[j].low in lex.comps:
            return words[j].start
    return None


def _quoted_name_end(text: str, at: int, lex: _Lex) -> int:
    """Where a quoted name ("„Hamburger Abendblatt“") opened at `at` ends, 0 when the quotation
    there is no name. A name starts no content: a newspaper after the cue is the addressee."""
    ends = [e for e in (text.find(c, at + 1, at + 80) for c in lex.open_to_close.get(text[at], ())) if e > 0]
    return min(ends) + 1 if ends and _quoted_name(text, at, min(ends) + 1) else 0


def _source_around(text: str, us: int, words: list[_W], k: int, sep: int,
                   lex: _Lex) -> tuple[int, int] | None:
    """The source of a cue at words[k]: the subject before it, or after it when the clause starts
    with an adverbial ("Am Montag sagte der Minister, …") or the cue opens it ("قال الوزير إن")."""
    first = next((i for i, w in enumerate(words) if w.start >= us), None)
    if first is None:
        return None
    pre = words[first:k]
    joined = next((i for i in range(len(pre) - 1, 0, -1)
                   if pre[i].low in lex.clause_coordinators and "," in pre[i].gap), None)
    if joined is not None:  # "…, Annabi sei tot, doch der Sprecher erklärte, …": a clause of its own
        pre = pre[joined + 1:]
    while pre and pre[0].low in lex.adverbs:
        pre = pre[1:]
    relative = _relative_clause_subject(words, first, k, lex)
    if relative is not None:
        return _span_of(words, relative)
    if lex.passive_aux and _passive(words, pre, k, lex):
        return _passive_agent(words, pre, lex) or _passive_document(words, pre, k, lex)
    if lex.passive_aux and (words[k].low in lex.preps or words[k].low in lex.passive_exceptions) \
            and any(w.low in lex.passive_aux for w in pre):
        # "X wird von der Zeitung mit den Worten zitiert": the one who quotes is the source
        agent = _passive_agent(words, pre, lex)
        if agent is not None:
            return agent
    opener = next((i for i in range(len(pre) - 1, -1, -1) if pre[i].low in lex.subordinators
                   and not _joins_phrases(pre, i, lex)), None)
    fronted_phrase = False
    if (opener == 0 and lex.verb_second and "," in words[k].gap and pre[0].low not in lex.preps
            and not _main_clause_follows(pre, lex)):
        # "Wenn der Vertrag scheitert, sagte der Minister, …": a clause closed before the cue is
        # the prefield; the cue's subject follows it
        post_end = _words_before(words, k + 1, sep)
        return _span_of(words, _subject_np(words, k + 1, post_end, lex))
    if opener is not None:  # "…, indem er sagte, …": the subject follows the subordinator
        as_preposition = pre[opener].low in lex.preps and len(pre) == opener + 2 \
            and pre[-1].low not in lex.pronouns and _is_cap(pre[-1])
        # "Als Grund für die Rückgabe nannte X": no comma closes a clause before the verb, so the
        # first phrase is a preposition's and the subject follows the verb
        # (unless the cue closes that clause: "Nachdem X mitgeteilt hatte, dass …")
        fronted_phrase = lex.verb_second and opener == 0 and pre[0].low in lex.preps \
            and not any("," in w.gap for w in pre[1:]) and k + 1 < len(words) and words[k + 1].end < sep
        as_preposition = as_preposition or fronted_phrase
        if pre[opener].low in lex.shared_subject and all(_no_new_subject(w, lex) for w in pre[opener + 1:]):
            return _first_conjunct_subject(text, words, words.index(pre[0]), words.index(pre[opener]), lex)
        pre = pre[opener:] if as_preposition else pre[opener + 1:]  # "Als Begründung sagte X": a phrase
        while pre and not as_preposition and pre[0].low in lex.adverbs:
            pre = pre[1:]  # "…, ehe auch die Behörden erklärten"
        if not pre:
            return None
    inverted = _inverted_pronoun(words, pre, k, sep, lex)
    if inverted is not None:
        return inverted
    starts_adverbial = (fronted_phrase or pre[0].low in lex.stops or pre[0].low in lex.preps
                        or pre[0].low in lex.oblique
                        or (len(pre) == 1 and _lower_elsewhere(text, pre[0], lex))) if pre else True
    if starts_adverbial:
        aux = next((i for i, w in enumerate(pre) if w.low in lex.aux), None)
        if aux is not None and aux + 1 < len(pre):  # "Laut X hat der IWF angekündigt, …"
            a = words.index(pre[aux])
            r = _subject_np(words, a + 1, k, lex, skip=False)
            if r is not None:
                return _span_of(words, r) if r[1] > r[0] else None
        inner = _subject_after_fronted_phrase(words, pre, k, lex)
        if inner is not None:
            return _span_of(words, inner)
        post_end = _words_before(words, k + 1, sep)
        r = _subject_np(words, k + 1, post_end, lex)
        expletive = r is not None and r[1] == r[0]  # "heißt es": no one is the subject
        if (r is None or expletive) and pre and pre[0].low in lex.preps:
            # "In der Erklärung heißt es, …": the document named after the preposition
            r = _np_forward(words[:k], words.index(pre[0]) + 1, lex, skip=False)
        elif expletive and r[0] + 1 < post_end and words[r[0] + 1].low in lex.preps:
            # "Nun heißt es im Abschlussbericht, …": the document after the expletive
            r = _np_forward(words[:post_end], r[0] + 2, lex, skip=False)
        return _span_of(words, r)
    if lex.verb_second and _expletive_after_verb(words, pre, k, lex):
        return None  # "Seiner Zeit hieß es, …": the subject is "es", the first phrase an adverbial
    # subject before the cue, up to an auxiliary ("X hat am Montag erklärt")
    start = words.index(pre[0])
    end = k
    for i in range(start, k):
        if words[i].low in lex.aux and i > start:
            end = i
            break
    r = _np_forward(words[:end], start, lex, limit=12)
    if lex.verb_second and r is not None and _adverbial_prefield(text, words, r, start, lex):
        post_end = _words_before(words, k + 1, sep)
        after = _subject_np(words, end + 1, k if end < k else post_end, lex, skip=False)
        if after is not None and after[1] > after[0]:
            return _span_of(words, after)
    return _span_of(words, r)


def _words_before(words: list[_W], i: int, sep: int) -> int:
    """The index of the first word from `i` on that starts at or after `sep` (a content's start, a
    colon): the end of the words before it."""
    return next((j for j in range(i, len(words)) if words[j].start >= sep), len(words))


def _subject_after_fronted_phrase(words: list[_W], pre: list[_W], k: int,
                                  lex: _Lex) -> tuple[int, int] | None:
    """ "Im Kongress warb Obama mit den Worten: …": in a verb-second clause opened by a
    prepositional phrase, the word after that phrase is the finite verb, and when it stands before
    the cue (the cue is a phrase, or a participle at the end) the subject follows that verb."""
    if not lex.verb_second or not pre or pre[0].low not in lex.preps:
        return None
    lead = _np_forward(words[:k], words.index(pre[0]) + 1, lex, skip=False)
    if lead is None:
        return None
    verb = lead[1]
    if verb >= k - 1 or _gap_has_stop(words[verb]) or _is_cap(words[verb]) \
            or any(words[verb].low in s for s in (lex.dets, lex.preps, lex.adverbs, lex.oblique, lex.stops)):
        return None
    r = _subject_np(words, verb + 1, k, lex, skip=False)
    return r if r is not None and r[1] > r[0] else None


def _relative_clause_subject(words: list[_W], first: int, k: int, lex: _Lex) -> tuple[int, int] | None:
    """The subject of a cue that ends a relative clause ("eines Hackers, der behauptet, …", "einen
    Zettel, in dem der Täter verlangte, …"): a noun phrase in the clause that can be its subject,
    else the relative pronoun itself, which stands for the noun before the comma. None when the
    cue is not in such a clause (German relative clauses put their verb last, so the clause runs
    from its comma to the cue)."""
    if not lex.verb_second or not lex.relative_openers or k + 1 >= len(words) \
            or not any(ch in words[k + 1].gap for ch in ",:"):
        return None  # the verb ends the relative clause, and its comma opens the content
    c = next((i for i in range(k, first, -1) if "," in words[i].gap), None)
    if c is None or c == k:
        return None
    opener = c + 1 if words[c].low in lex.preps and c + 1 < k else c
    before = words[c - 1]  # the antecedent's last word: a noun or pronoun, not "Denn, das …"
    after_noun = (_is_cap(before) or before.low in lex.pronouns) and before.low not in lex.adverbs
    if words[opener].low not in lex.relative_openers or not after_noun:
        return None
    nxt = words[opener + 1]
    adjective = nxt.low not in lex.dets and nxt.low.endswith(lex.adj_endings) and _is_cap(words[opener + 2])
    if opener + 1 < k and (_is_cap(nxt) or adjective):
        return None  # "Rahman, der Rettungskoordinator von …": an article opening an apposition
    inner = _subject_np(words, opener + 1, k, lex, skip=False)
    if inner is not None and inner[1] > inner[0]:
        return inner
    if opener == c and words[c].low in lex.nominative_relatives:
        return c, c + 1
    return None


def _joins_phrases(pre: list[_W], i: int, lex: _Lex) -> bool:
    """Whether a `shared_subject_conjunctions` word joins two noun phrases rather than two clauses:
    after a truncated compound ("Luft- und Seeverkehr"), or with only names and nouns on both
    sides ("Campact und LobbyControl werfen … vor")."""
    if pre[i].low not in lex.shared_subject:
        return False
    if pre[i].gap.strip().endswith("-"):
        return True
    nominal = [_is_cap(w) or w.low in lex.dets for w in pre]
    return 0 < i < len(pre) - 1 and all(nominal[:i]) and all(nominal[i + 1:])


def _no_new_subject(w: _W, lex: _Lex) -> bool:
    """A word between "und" and a cue that opens no subject of its own ("und vorgestern
    bestätigt", "und hat erklärt"), unlike a noun, pronoun, determiner or preposition."""
    return w.low in lex.adverbs or w.low in lex.aux or not (
        _is_cap(w) or w.low in lex.dets or w.low in lex.pronouns or w.low in lex.preps)


def _adverbial_prefield(text: str, words: list[_W], r: tuple[int, int], start: int, lex: _Lex) -> bool:
    """In a verb-second language one phrase stands before the finite verb. When that phrase opens
    with a word the article also writes in lower case ("Erst vor zwei Tagen hatte X", "Wochenlang
    haben die Stadtwerke abgestritten") it is an adverbial, and the subject follows the verb."""
    return r[0] == start and _lower_elsewhere(text, words[start], lex) and (
        r[1] - r[0] == 1 or not words[start].low.endswith(lex.adj_endings))  # not "Arabische Medien"


def _passive(words: list[_W], pre: list[_W], k: int, lex: _Lex) -> bool:
    """ "Ihm wird vorgeworfen, …", "Als Begründung wurde angegeben, …": a `passive_auxiliaries`
    form in the cue's clause with the cue a past participle (ending in -t, or in -en with a "ge"
    after any separable prefix) is a passive, whose subject is the addressee or the topic. The
    auxiliary may also follow the participle ("Zunächst war vermutet worden, dass …")."""
    cue = words[k].low
    aux_after = k + 1 < len(words) and words[k + 1].low in lex.passive_aux and not _gap_has_stop(words[k + 1])
    has_aux = aux_after or any(w.low in lex.passive_aux for w in pre)
    if cue in lex.preps or cue in lex.passive_exceptions or not has_aux \
            or any("," in w.gap for w in pre[1:] + [words[k]]):
        return False  # "X wird mit den Worten zitiert": the one quoted is the subject
    if cue.endswith("t"):
        return True
    stem = next((cue[len(p):] for p in lex.separable_prefixes if cue.startswith(p)), cue)
    return cue.endswith("en") and stem.startswith("ge") and len(stem) > 5


def _passive_agent(words: list[_W], pre: list[_W], lex: _Lex) -> tuple[int, int] | None:
    """The agent of a passive, named after `passive_agent_markers` ("es wurde von seinem Sohn
    geäußert, …"); None when no one is named: the holder is not the grammatical subject."""
    for i, w in enumerate(pre):
        if w.low in lex.passive_by and i + 1 < len(pre) and (i == 0 or not _is_cap(pre[i - 1])):
            # after a noun "von" is a genitive ("der Ausbruch von Cholera"), not the agent
            j = words.index(pre[i + 1])
            r = _np_forward(words[:words.index(pre[-1]) + 1], j, lex, skip=False)
            if r is not None:
                return _span_of(words, r)
    return None


def _passive_document(words: list[_W], pre: list[_W], k: int, lex: _Lex) -> tuple[int, int] | None:
    """ "In einem Bericht der Zeitung wurde vermutet, dass …": a passive with no agent takes the
    document named after a `document_prepositions` word in its clause as the source, when the
    phrase is headed by one of the `document_nouns` or a compound ending in one ("In der
    Pressemitteilung"; not "In der Nacht wurde festgestellt")."""
    for i, w in enumerate(pre):
        if w.low in lex.document_preps and i + 1 < len(pre):
            r = _np_forward(words[:k], words.index(pre[i + 1]), lex, skip=False)
            if r is not None and r[1] > r[0] and any(x.low.endswith(lex.document_nouns)
                                                     for x in words[r[0]:r[1]] if _is_cap(x)):
                return _span_of(words, r)
    return None


def _first_conjunct_subject(text: str, words: list[_W], first: int, conj: int,
                            lex: _Lex) -> tuple[int, int] | None:
    """ "Podolski war anwesend und sagte, …": a cue right after a `shared_subject_conjunctions`
    word shares the subject of the clause it is joined to. That clause starts at the sentence, at a
    subordinator ("während X … unterstützt und fordert"), or at a verb after a fronted clause's
    comma ("Als …, biss der Mann … und rief"); its subject is the noun phrase before its verb, or
    after the verb when an adverbial or nothing stands first. None when it does not read so."""
    start, verb_first, subordinate = first, False, False
    for j in range(conj - 1, first, -1):  # a subordinate clause opens after a comma
        opens = words[j].low in lex.subordinators and words[j].low not in lex.shared_subject
        if opens and "," in words[j].gap:
            start, subordinate = j + 1, True  # "…, während X Hartmanns Entwurf unterstützt und fordert"
            break
    if start == first and words[first].low in lex.subordinators:
        # "Als ein Passant zu Hilfe kam, schlug der Angreifer …": the verb after the fronted clause
        verb = next((j for j in range(first + 1, conj) if "," in words[j].gap), None)
        if verb is None or _is_cap(words[verb]) or words[verb].low in lex.dets:
            return None
        start, verb_first = verb, True
    i = start
    while i < conj and words[i].low in lex.adverbs:
        i += 1
    if i >= conj:
        return None
    w = words[i]
    if verb_first or w.low in lex.stops or w.low in lex.preps or w.low in lex.oblique:
        if verb_first:
            verb = i
        else:
            lead = _np_forward(words[:conj], i + 1 if w.low in lex.preps else i, lex, skip=False)
            verb = lead[1] if lead is not None else None
            if verb is None or verb >= conj or _is_cap(words[verb]):
                return None
        r = _subject_np(words, verb + 1, conj, lex, skip=False)
        return _span_of(words, r) if r is not None and r[1] > r[0] else None
    r = _np_forward(words[:conj], i, lex, limit=12, skip=False)
    if r is not None and r[1] < conj and "," in words[r[1]].gap and _is_cap(words[r[1]]):
        apposition = _np_forward(words[:conj], r[1], lex, skip=False)  # "Einer der Putschisten, X Y, dankte"
        if apposition is not None and apposition[1] < conj and "," in words[apposition[1]].gap:
            r = (r[0], apposition[1])
    if r is None or r[1] >= conj:
        return None
    if not subordinate and (_is_cap(words[r[1]]) or words[r[1]].low in lex.dets):
        return None  # in a main clause the phrase must be followed by its (lower-case) verb
    return _span_of(words, r)


def _finite_verb(words: list[_W], pre: list[_W], k: int, lex: _Lex) -> int:
    """The index of the clause's finite verb: the first auxiliary before the cue, else the cue."""
    return next((words.index(w) for w in pre if w.low in lex.aux), k)


def _expletive_after_verb(words: list[_W], pre: list[_W], k: int, lex: _Lex) -> bool:
    """Whether an expletive subject ("es") follows the clause's finite verb with no phrase in
    between and a prepositional phrase or the content after it ("Bisher hieß es, …", "Damals
    hatte es geheißen, …")."""
    finite = _finite_verb(words, pre, k, lex)
    j = finite + 1
    if not (finite > 0 and j < len(words) and words[j].low in lex.expletives and not _gap_has_stop(words[j])):
        return False
    return j == k - 1 or j + 1 >= len(words) or _gap_has_stop(words[j + 1]) or words[j + 1].low in lex.preps


def _inverted_pronoun(words: list[_W], pre: list[_W], k: int, sep: int, lex: _Lex) -> tuple[int, int] | None:
    """ "Der Politik schlug er vor, …", "Dabei hatte er betont, …": a nominative pronoun right
    after the clause's finite verb (the first auxiliary before the cue, else the cue) is the
    subject, whatever phrase stands before the verb."""
    if not lex.nominative:
        return None
    finite = _finite_verb(words, pre, k, lex)
    j = finite + 1
    if (j < len(words) and j != k and words[j].low in lex.nominative and finite > 0 and words[j].start < sep
            and not any(ch in words[j].gap for ch in ",;:.!?\"„“«»")):
        return words[j].start, words[j].end
    return None


def _subject_np(words: list[_W], i: int, end: int, lex: _Lex, skip: bool = True) -> tuple[int, int] | None:
    """The first noun phrase in words[i:end] that can be the subject of a cue, for languages whose
    file lists `oblique_determiners`: a phrase after a preposition or opened by an object-case
    determiner ("äußerte sich in einem Interview der Minister") is passed over, and an expletive
    ("heißt es") gives the empty range (i, i): no source. Other languages take the first phrase."""
    if not lex.oblique:
        return _np_forward(words[:end], i, lex, skip=skip)
    j = i
    while j < end:
        w = words[j]
        if j > i and any(ch in w.gap for ch in ".;:!?"):
            break
        if w.low in lex.expletives:
            return (j, j)
        if w.low in lex.oblique or (w.low in lex.preps and w.low not in lex.adverbs):
            r = _np_forward(words[:end], j if w.low in lex.oblique else j + 1, lex, skip=False)
            j = r[1] if r is not None and r[1] > j else j + 1
            continue
        if w.low in lex.adverbs or w.low in lex.aux or w.low in lex.non_subjects:
            j += 1
            continue
        if w.low in lex.pronouns or w.low in lex.dets or _is_cap(w):
            r = _np_forward(words[:end], j, lex, skip=False)
            if r is not None:
                return r
        j += 1
    return None


def _lower_elsewhere(text: str, w: _W, lex: _Lex) -> bool:
    """A capitalised first word, alone before its verb, that the article also writes in lower case
    ("Hierzu schrieb X", "Selbst kritisiert X") is not a noun where every noun is capitalised, so it
    is not the subject."""
    if not lex.nouns_capitalized or w.low in lex.pronouns or w.low in lex.dets:
        return False
    if w.low.endswith(lex.non_noun_endings):
        return True  # "Sinngemäß", "Bedauerlicherweise", "Ebenfalls"
    return w.low in _lower_case_words(text)


_LOWER_WORDS: list = [None, frozenset()]  # the last article and its lower-case words


def _lower_case_words(text: str) -> frozenset[str]:
    """The words an article writes in lower case, read once per article (a search per cue would
    make a long article quadratic)."""
    if _LOWER_WORDS[0] is not text:
        _LOWER_WORDS[:] = [text, frozenset(w for w in WORD.findall(text) if w[:1].islower())]
    return _LOWER_WORDS[1]


def _according_statements(text: str, unit: tuple[int, int], words: list[_W], quotes,
                          lex: _Lex) -> list[Statement]:
    found = []
    us, ue = unit
    low = text.lower()
    for k, w in enumerate(words):
        if _in_quote(w.start, quotes):
            continue
        # "Demnach …", "…, wonach …": the marker stands for the source it points back to
        if w.low in lex.anaphoric and text[us:w.start].strip(" ") in ("",) or (
                w.low in lex.anaphoric and text[:w.start].rstrip().endswith(",")):
            cs, ce = _trim(text, w.end, ue)
            if ce - cs >= 12:
                found.append(Statement(cs, ce, _kind(text, cs, ce, quotes, "according_to"), w.start, w.end,
                                       w.low, w.start, w.end, confidence=0.5, rule="rules.anaphoric_marker"))
            continue
        # prefix markers: "laut X", "según X, …", "nach Angaben von X"
        first = low[w.start:w.start + 1]
        marker = _marker_at(low, words, k, lex.according_by_first.get(first, ()))
        # "Seiner Meinung nach hätte …": after a source noun the marker is a postposition
        postposed = bool(k) and _is_noun(words[k - 1], lex) and not _gap_has_stop(w)
        ambiguous = marker is None and w.low in lex.ambiguous and not postposed
        by_noun = ambiguous and _noun_within(words, k + 1, 3, lex)  # "nach Angaben der Polizei"
        hearsay = ambiguous and not by_noun and _hearsay_clause(text, us, ue, words, k, lex)
        if marker is not None or by_noun or hearsay:
            m_end = marker if marker is not None else w.end
            j = k + 1
            while j < len(words) and words[j].start < m_end:
                j += 1
            if j >= len(words) or any(ch in ",.;:!?" for ch in text[m_end:words[j].start]):
                continue  # "Vorwürfe werden laut, dass …": no source follows, the word is no marker
            if j - k > 1:  # "nach Angaben der Polizei": the marker's noun opens the source
                j -= 1
            r = _np_forward(words, j, lex, skip=False) or _rest_of_clause(text, words, j, limit=6)
            src = _span_of(words, r)
            if src is None:
                continue
            src = (src[0], _with_bracketed_short_name(text, src[1], ue))
            cs, ce = _according_content(text, us, ue, w.start, src[1], lex)
            if ce - cs < 12:
                continue
            found.append(Statement(cs, ce, _kind(text, cs, ce, quotes, "according_to"), w.start, m_end,
                                   text[w.start:m_end].lower(), src[0], src[1], confidence=0.6,
                                   # a rule of its own, so the trained scorer weighs it apart
                                   rule="rules.according_hearsay" if hearsay else "rules.according_marker"))
            continue
        # postposition markers: "X zufolge", "Seiner Meinung nach"
        if w.low in lex.according_after or (w.low in lex.ambiguous and k and _is_noun(words[k - 1], lex)):
            r = _np_backward(words, k, lex)
            src = _span_of(words, r)
            if src is None:
                continue
            cs, ce = _according_content(text, us, ue, src[0], w.end, lex)
            if ce - cs < 12:
                continue
            found.append(Statement(cs, ce, _kind(text, cs, ce, quotes, "according_to"), w.start, w.end,
                                   w.low, src[0], src[1], confidence=0.6,
                                   rule="rules.according_postposition"))
            continue
        # ", so X" (German): source after the marker
        if w.low in lex.so_markers and k + 1 < len(words):
            gap = text[words[k - 1].end:w.start] if k else ""
            nxt = words[k + 1]
            if "," not in gap or not (nxt.low in lex.dets or _is_cap(nxt) or nxt.low in lex.pronouns):
                continue
            r = _np_forward(words, k + 1, lex)
            src = _span_of(words, r)
            if src is None:
                continue
            cs, ce = _according_content(text, us, ue, w.start, src[1], lex)
            if ce - cs < 12:
                continue
            found.append(Statement(cs, ce, _kind(text, cs, ce, quotes, "indirect"), w.start, w.end, w.low,
                                   src[0], src[1], confidence=0.6, rule="rules.so_marker"))
            continue
        # reporting clause: "wie X mitteilte, …", "как сообщил X, …"
        if w.low in lex.openers:
            if not _opens_clause(text, us, w.start, lex):
                continue
            for j in range(k + 1, min(k + 14, len(words))):
                if _punctuated(text, words, j, lex):
                    break
                if words[j].low in lex.cues:
                    tail = text[words[j].end:words[j + 1].start if j + 1 < len(words) else ue]
                    head = text[words[j - 1].end:words[j].start] if j > k + 1 else ""
                    if j == k + 1:  # "как сообщил X," : verb first, source after
                        r = _np_forward(words, j + 1, lex)
                        clause_end = next((words[i].end for i in range(j + 1, len(words))
                                           if "," in text[words[i].end:words[i].end + 1]), words[j].end)
                    elif "," in tail or j + 1 >= len(words) or (
                            "," in head and _closes_opened_clause(text, words, j)):
                        r = _np_forward(words[:j], k + 1, lex, limit=12) \
                            or _clause_words(words, k + 1, j, lex)
                        clause_end = words[j].end
                    else:
                        continue
                    src = _span_of(words, r)
                    before = text[us:w.start].rstrip()[-1:]  # "Denn wie …": the adverbs go with the clause
                    opener = w.start if not before or before in ",(—–" else us
                    cs, ce = _according_content(text, us, ue, opener, clause_end, lex)
                    if ce - cs < 12:
                        break
                    st = Statement(cs, ce, _kind(text, cs, ce, quotes, "indirect"), words[j].start,
                                   words[j].end,
                                   words[j].low, confidence=0.6, rule="rules.reporting_clause")
                    if src is not None:
                        st.source_start, st.source_end = src
                    found.append(st)
                    break
    return found


def _marker_at(low: str, words: list[_W], k: int, markers: list[str] | tuple) -> int | None:
    for m in markers:
        if low.startswith(m, words[k].start):
            end = words[k].start + len(m)
            if end >= len(low) or not low[end].isalnum() or not m[-1:].isalnum():
                return end
    return None


def _is_noun(w: _W, lex: _Lex) -> bool:
    return any(w.low.endswith(n) for n in lex.according_nouns)


def _hearsay_clause(text: str, us: int, ue: int, words: list[_W], k: int, lex: _Lex) -> bool:
    """ "Nach dem Gesetzentwurf sollen die Schulen …": an ambiguous marker opening a sentence
    whose modal reports hearsay introduces its source, whatever its noun. (With the subjunctive
    forms too, precision on the 700 training articles fell from 46% to 26%.)"""
    if not lex.hearsay or text[us:words[k].start].strip():
        return False
    return any(w.low in lex.hearsay for w in words[k + 1:] if w.start < ue)


def _noun_within(words: list[_W], i: int, n: int, lex: _Lex) -> bool:
    """A source noun among the next `n` words. Where nouns are capitalised (`ambiguous_marker_noun_first`),
    it must be the first noun, or follow a name in the genitive ("nach Apples Darstellung"): in
    "nach der Pleite Ermittlungen gegen…" the marker is "after" (the Pleite), not "according to"."""
    if not lex.noun_first:
        return any(_is_noun(w, lex) for w in words[i:i + n])
    for j, w in enumerate(words[i:i + n]):
        if _is_noun(w, lex):
            return True
        if w.text[:1].isupper():
            nxt = words[i + j + 1] if i + j + 1 < len(words) else None
            return w.low.endswith("s") and nxt is not None and _is_noun(nxt, lex)
    return False


def _according_content(text: str, us: int, ue: int, m0: int, m1: int, lex: _Lex) -> tuple[int, int]:
    """The unit without the according-to phrase: what follows it when it opens the unit, what
    precedes it when it closes the unit, the subordinate clause holding it ("…, das nach Angaben
    der Werft nicht rechtzeitig fertig wurde"), else the whole unit. A semicolon bounds the clause
    holding the phrase ("Alle Häfen bleiben gesperrt; nur der Haupthafen wurde laut X geöffnet.")."""
    us = max(us, text.rfind(";", us, m0) + 1)
    semicolon = text.find(";", m1, ue)
    ue = semicolon if semicolon >= 0 else ue
    if text[us:m0].strip(" ,(—–") == "":
        return _trim(text, m1, ue)
    if text[m1:ue].strip(" .,;)!?。") == "":
        return _trim(text, us, m0)
    comma = text.rfind(",", us, m0)
    if comma >= 0 and lex.clause_openers:
        opener = WORD.findall(text, comma + 1, m0)[:2]
        # "…, das nach Angaben …", "…, unter denen sich nach Einschätzung …": a relative clause
        if opener and _opens_subordinate_clause(opener, lex):
            return _trim(text, comma + 1, _clause_end(text, m1, ue, lex))
    return _trim(text, us, ue)


def _clause_end(text: str, start: int, ue: int, lex: _Lex) -> int:
    """Where a subordinate clause holding an according-to phrase ends: at the next comma, or where
    every noun is capitalised at the first comma after a lower-case word, the clause's final verb
    ("…, das nach Angaben der Beratung, Schulung und Betreuung diene, …")."""
    end = text.find(",", start, ue)
    while lex.nouns_capitalized and end >= 0:
        last = WORD.findall(text, start, end)[-1:]
        if not last or not last[0][:1].isupper():
            break
        end = text.find(",", end + 1, ue)
    return end if end >= 0 else ue


# ----------------------------------------------------------------------------- SOV / no-space scripts

def _sov_statements(text: str, unit: tuple[int, int], quotes, lex: _Lex) -> list[Statement]:
    """"[source]は「…」と述べた" / "[source]은 \"…\"라고 말했다": the cue closes the clause and a
    quotative particle links it to the content before it."""
    found = []
    us, ue = unit
    low = text[us:ue].lower()
    for cue in lex.cue_list:
        for m in re.finditer(re.escape(cue), low):
            c0, c1 = us + m.start(), us + m.end()
            if _in_quote(c0, quotes) or text.startswith(lex.cue_nominalizers, c1):
                continue  # "…と表明したことから": the cue inside a noun clause reports nothing here
            if not lex.no_spaces and c0 > us and text[c0 - 1].isalnum() and not _ends_with_particle(
                    text[us:c0], lex):
                continue
            # the content ends at a quotative particle shortly before the cue
            window = text[max(us, c0 - 25):c0]
            p_end = None
            for p in lex.quotative:
                idx = window.rfind(p)
                if idx >= 0:
                    cand = max(us, c0 - 25) + idx
                    if p_end is None or cand > p_end:
                        p_end = cand
            if p_end is None:
                continue
            src = _topic_source(text, us, p_end, lex)
            q = next(((q0, q1) for q0, q1 in quotes if q0 >= us and 0 <= p_end - q1 <= 1), None)
            if q is not None:
                cs, ce = q
                marked = _according_inside(text, us, cs, quotes, lex, need=0)
                if marked is not None and (src is None or src[1] > cs):  # "Xによると「…」と報じた"
                    src = marked[0]
            else:
                start = src[1] if src else us
                cs, ce = _trim(text, start, p_end)
                while cs < ce and text[cs] in "はがも은는이가 ":
                    cs += 1
                cs, ce = _trim(text, cs, ce)
                marked = _according_inside(text, us, ce, quotes, lex)
                embedded = src is not None and cue in lex.media_cues and text.startswith(
                    lex.subject_particles, src[1])  # "XによるとYが…と報じた": X reported that Y…
                if marked is not None and (src is None or marked[1] > src[0] or embedded):
                    src, (cs, ce) = marked[0], _trim(text, marked[1], ce)
                elif embedded:
                    src, cs = None, src[0]  # "…沿岸で波が高くなると伝えている": the medium unnamed
            if ce - cs < 4:
                continue
            st = Statement(cs, ce, _kind(text, cs, ce, quotes, "indirect"), c0, c1, cue, confidence=0.6,
                           rule="rules.sov_quotative")
            if src is not None and src[1] <= cs:
                st.source_start, st.source_end = src
            found.append(st)
    return found


def _according_inside(text: str, cs: int, ce: int, quotes, lex: _Lex,
                      need: int = 4) -> tuple[tuple[int, int], int] | None:
    """An according-to marker inside an SOV content ("日経BPによると、…と報じた"): its phrase, the
    source of the cue that closes the sentence, and where the content starts after it. The caller
    prefers it to the sentence's own subject only where that subject belongs to the reported
    clause (a medium's verb after "Yが"); a topic ("Yは") or a person's verb keeps its subject."""
    for m in lex.according_after:
        i = text.rfind(m, cs, ce)
        if i <= cs or _in_quote(i, quotes):
            continue
        s = max([cs] + [text.rfind(sep, cs, i) + 1 for sep in "、，,。"])
        s0, s1 = _trim(text, s, i)
        c0 = _trim(text, i + len(m), ce)[0]
        if s1 > s0 and ce - c0 >= need:
            return (s0, s1), c0
    return None


def _ends_with_particle(before: str, lex: _Lex) -> bool:
    return any(before.endswith(p) for p in lex.quotative)


def _topic_source(text: str, us: int, limit: int, lex: _Lex) -> tuple[int, int] | None:
    """The subject at the start of an SOV clause: up to its first topic particle."""
    seg = text[us:limit]
    best = None
    for p in lex.topic:
        for m in re.finditer(re.escape(p), seg):
            end = m.start()
            after = seg[m.end():m.end() + 1]
            if not lex.no_spaces and after and not after.isspace() and after not in ",、":
                continue
            if end >= 1 and (best is None or end < best):
                best = end
                break
    if best is None or best > 40:
        return None
    s, e = _trim(text, us, us + best)
    if lex.no_spaces:
        for sep in "、，,":
            cut = text.rfind(sep, s, e)
            if cut >= 0:
                s = cut + 1
    return (s, e) if e > s else None


def _according_statement(text: str, quotes, content: tuple[int, int], cue_start: int, marker: str,
                         source: tuple[int, int]) -> Statement:
    cs, ce = content
    return Statement(cs, ce, _kind(text, cs, ce, quotes, "according_to"), cue_start, cue_start + len(marker),
                     marker, source[0], source[1], confidence=0.6, rule="rules.according_cjk")


def _cjk_according(text: str, unit: tuple[int, int], quotes, lex: _Lex) -> list[Statement]:
    """"XによるとY" / "X에 따르면 Y" / "据X，Y": according-to markers without word boundaries."""
    us, ue = unit
    seg = text[us:ue]
    for m in lex.according_after:
        i = seg.find(m)
        if i <= 0:
            continue
        s = us
        for sep in "、，,。":
            cut = text.rfind(sep, us, us + i)
            if cut >= 0:
                s = max(s, cut + 1)
        s0, s1 = _trim(text, s, us + i)
        cs, ce = _trim(text, us + i + len(m), ue)
        if s1 > s0 and ce - cs >= 4:
            return [_according_statement(text, quotes, (cs, ce), us + i, m, (s0, s1))]
    for m in lex.according:
        i = seg.find(m)
        if i < 0 or (i > 0 and not lex.no_spaces and seg[i - 1].isalnum()):
            continue
        rest = seg[i + len(m):]
        stop = min((rest.find(c) for c in "，,：:" if rest.find(c) >= 0), default=-1)
        if stop <= 0 or stop > 40:
            continue
        s0, s1 = _trim(text, us + i + len(m), us + i + len(m) + stop)
        for tail in lex.cues:  # "据新华社报道，" : the trailing cue is part of the marker
            if text[s0:s1].endswith(tail) and s1 - len(tail) > s0:
                s1 -= len(tail)
                break
        cs, ce = _trim(text, us + i + len(m) + stop + 1, ue)
        if s1 > s0 and ce - cs >= 4:
            return [_according_statement(text, quotes, (cs, ce), us + i, m, (s0, s1))]
    return []


def _nospace_cue_first(text: str, unit: tuple[int, int], quotes, lex: _Lex) -> list[Statement]:
    """Chinese "X表示，…" / "X说：“…”": source, cue, separator, content."""
    found = []
    us, ue = unit
    seg = text[us:ue]
    for cue in lex.cue_list:
        i = seg.find(cue)
        if i <= 0 or _in_quote(us + i, quotes):
            continue
        after = seg[i + len(cue):i + len(cue) + 2]
        if not after or after[0] not in "，,：:“\"「":
            continue
        s = us
        for sep in "，,。；":
            cut = text.rfind(sep, us, us + i)
            if cut >= 0:
                s = max(s, cut + 1)
        s0, s1 = _trim(text, s, us + i)
        if s1 - s0 > 20:
            s0 = s1 - 20
        cs, ce = _content_after(text, us + i + len(cue) + (1 if after[0] in "，,：:" else 0), ue, quotes)
        if ce - cs < 4 or s1 <= s0:
            continue
        found.append(Statement(cs, ce, _kind(text, cs, ce, quotes, "indirect"), us + i, us + i + len(cue),
                               cue,
                               s0, s1, confidence=0.6, rule="rules.nospace_cue_first"))
        break
    return found


# ----------------------------------------------------------------------------- entry point

def find_statements(doc: Doc, data: dict) -> list[Statement]:
    """Statements found by cue-lexicon and quotation-mark patterns, sorted by content start.

    `data` is the language file's [attribution] table (`pipeline.lang.load(code)["attribution"]`).
    Sources are mentions as written; the speakers component resolves them afterwards."""
    lex = _lex(data)
    text = doc_text(doc)
    quotes = quote_spans(text, lex.open_to_close)
    statements: list[Statement] = []
    prev: Statement | None = None
    prev_unit_end = -1
    last_subject = None
    prev_unit, prev_found = None, True
    for unit in _units(doc, quotes):
        words = _words(text, *unit)
        found: list[Statement] = []
        if lex.cue_after:
            found += _sov_statements(text, unit, quotes, lex)
        if lex.no_spaces:
            found += _cjk_according(text, unit, quotes, lex)
            found += _nospace_cue_first(text, unit, quotes, lex)
        else:
            if not lex.cue_after:
                found += _cue_statements(text, unit, words, quotes, lex)
            found += _according_statements(text, unit, words, quotes, lex)
            if lex.cue_after:
                found += _cjk_according(text, unit, quotes, lex)
        if lex.colon_quote_words:
            found += _colon_quotes(text, unit, words, quotes, found, lex)
        found = _dedupe(found, bool(data.get("keep_nested")))
        if lex.pointers and prev_unit is not None and not prev_found:
            found = [_pointing_back(text, st, words, prev_unit, quotes, lex) for st in found]
        heard = _heard_speaker(text, unit, words, quotes, lex) if not found and lex.subjunctive else None
        if not found and prev is not None and prev.source_start is not None and _continues(
                text, unit, prev_unit_end, words, quotes, lex) and _within_reach(text, prev, unit, lex):
            cs, ce = _trim(text, *unit)
            found = [Statement(cs, ce, _kind(text, cs, ce, quotes, "indirect"), prev.cue_start, prev.cue_end,
                               prev.cue_lemma, prev.source_start, prev.source_end, confidence=0.4,
                               rule="rules.continuation")]
        if not found and prev is None and lex.subjunctive and last_subject is not None \
                and any(w.low in lex.subjunctive for w in words if w.start >= unit[0]) \
                and not any(_in_quote(w.start, quotes) for w in words if w.start >= unit[0]):
            cs, ce = _trim(text, *unit)  # "Das Institut sieht keine Gefahr. Nur Züchter seien …"
            found = [Statement(cs, ce, "indirect", None, None, None, last_subject[0], last_subject[1],
                               confidence=0.3, rule="rules.topic_continuation")]
        # a question's first words are no one whose view the next clause reports ("Werden Sie X
        # wählen? Neisser: Ich habe…")
        asked = text[unit[0]:unit[1]].rstrip(" \n\"'“”»«").endswith("?")
        last_subject = _prefield_subject(words, unit, lex) if not found and not asked else None
        if found:
            said = [s for s in found if s.kind != "according_to" and s.source_start is not None]
            # the statement reaching furthest, its frame included: the next sentence continues
            # "…, sagte ein Sprecher.", not the cue nested in that speaker's words
            prev = max(said or found, key=lambda s: max(s.end, s.cue_end or 0, s.source_end or 0))
            prev_unit_end = unit[1]
        elif heard is not None:
            prev, prev_unit_end = heard, unit[1]  # "X begründete den Streik … Viele könnten …"
        elif "\n\n" in text[prev_unit_end:unit[0]] or unit[0] - prev_unit_end > 400:
            prev = None
        else:
            prev_unit_end = -1 if prev is None else prev_unit_end
        statements.extend(found)
        prev_unit, prev_found = unit, bool(found)
        if lex.split_quotes:
            statements.extend(_embedded_quotes(text, found, quotes))
    if data.get("quote_fallback") or not (lex.cues or lex.phrases):
        from .universal import find_statements as layouts  # the universal tier (no lexicon)

        statements.extend(layouts(doc, statements, lex.pronouns))
    statements.sort(key=lambda s: s.start)
    if data.get("merge_continuations"):
        statements = _merged_continuations(text, statements, quotes)
    _without_openers(text, statements, lex)
    _without_expletive(text, statements, lex)
    _pronoun_hints(text, statements, lex)
    return statements


_CHAINED = ("rules.continuation", "rules.topic_continuation")


def _merged_continuations(text: str, statements: list[Statement], quotes) -> list[Statement]:
    """Consecutive cueless continuation sentences of one source as one statement: "X sagte, … .
    Die Lage sei ernst. Man brauche Hilfe." gives the cue's statement and one continuation of two
    sentences, the convention of the German corpora (201 multi-sentence contents in 700 training
    articles, against 45 pairs of adjacent single ones)."""
    out: list[Statement] = []
    for st in statements:
        last = next((o for o in reversed(out) if o.rule in _CHAINED), None)
        if (last is not None and st.rule in _CHAINED and (st.source_start, st.source_end) == (
                last.source_start, last.source_end) and not text[last.end:st.start].strip()
                and "\n\n" not in text[last.end:st.start]):
            last.end = st.end
            last.kind = _kind(text, last.start, last.end, quotes, "indirect")
            continue
        out.append(st)
    return out


def _pointing_back(text: str, st: Statement, words: list[_W], prev_unit: tuple[int, int], quotes,
                   lex: _Lex) -> Statement:
    """ "Die Brücke bleibt gesperrt. Das teilte die Polizei mit.": a sentence whose subject is a
    pointer ("dies", "das") right before its cue reports the sentence before it, which no other
    cue claimed; the whole-sentence reading would take the pointer sentence itself, and a content
    found after the cue would be the subject's apposition or a quoted name ("Dies teilte der
    Sprecher der Fraktion, Jens Nacke, mit.") unless a colon or a complementizer opens it."""
    if not (len(words) > 2 and words[0].low in lex.pointers and st.cue_start == words[1].start):
        return st
    after_cue = st.rule == "rules.cue_then_content" and ":" not in text[st.cue_end:st.start] \
        and text[st.start:st.end].split(" ", 1)[0].lower() not in lex.comps
    if not (st.rule.startswith("rules.whole_sentence") or after_cue):
        return st
    src = _span_of(words, _np_forward(words, 2, lex))  # the subject after the verb ("teilte *X* mit")
    cs, ce = _trim(text, *prev_unit)
    if src is None or ce - cs < 20:
        return st
    return Statement(cs, ce, _kind(text, cs, ce, quotes, "indirect"), st.cue_start, st.cue_end, st.cue_lemma,
                     src[0], src[1], confidence=0.5, rule="rules.previous_sentence")


def _without_openers(text: str, statements: list[Statement], lex: _Lex) -> None:
    """A source that starts with a sentence connective ("また毎日新聞によると", "한편 시장은") starts
    after it: in scripts whose sources are cut at punctuation, not at words, the connective that
    opens the sentence is otherwise read as the first word of the name. A connective followed by
    a character of `source_opener_glue` is part of a longer word ("なおみ", the given name, is not
    "なお" + "み")."""
    for st in statements:
        if st.source_start is None:
            continue
        mention = text[st.source_start:st.source_end]
        for opener in lex.source_openers:
            rest = mention[len(opener):]
            glued = lex.opener_glue is not None and lex.opener_glue.match(rest) is not None
            whole_word = rest[:1] in (" ", "、", "，", ",") if not lex.no_spaces else not glued
            if mention.lower().startswith(opener) and rest.strip(" 、，,") and whole_word:
                st.source_start = _trim(text, st.source_start + len(opener), st.source_end)[0]
                break


def _without_expletive(text: str, statements: list[Statement], lex: _Lex) -> None:
    """ "…, heißt es in der Aussendung": a source that starts with the expletive subject is the
    document or place named after one of `expletive_source_preps` ("der Aussendung", "einer gestern
    verbreiteten Erklärung"), else no one ("…, hieß es am Dienstag")."""
    for st in statements:
        if st.source_start is None:
            continue
        words = _words(text, st.source_start, st.source_end)
        if len(words) < 2 or words[0].low not in lex.expletives:
            continue
        i = next((k for k in range(1, len(words)) if words[k].low not in lex.adverbs), len(words))
        end = len(words)
        while end > i + 1 and words[end - 1].low in lex.adverbs:
            end -= 1  # "es in dem Schreiben weiter"
        if i + 1 < end and words[i].low in lex.expletive_preps:  # the rest, extended attributes and all
            st.source_start, st.source_end = words[i + 1].start, words[end - 1].end
        else:
            st.source_start, st.source_end = None, None


def _pronoun_hints(text: str, statements: list[Statement], lex: _Lex) -> None:
    """A pronoun source ("他", "er") gets the previous named source as its speaker: a fallback for
    the rules tier, where there may be no entities for the speakers component to resolve it to
    (that component overrides it when it finds an antecedent)."""
    last = None
    for st in sorted(statements, key=lambda s: s.source_start if s.source_start is not None else s.start):
        if st.source_start is None:
            continue
        mention = text[st.source_start:st.source_end]
        if mention.lower() in lex.nominative_relatives and text[:st.source_start].rstrip().endswith(","):
            # "eines Hackers, der behauptet, …": the relative pronoun stands for the phrase before it
            comma = text.rindex(",", 0, st.source_start)
            start = max(0, st.source_start - 200, *(text.rfind(p, 0, comma) + 1 for p in ",;:.!?"))
            before = _words(text, start, comma)  # back to the clause's own comma: the apposition
            r = _np_backward(before, len(before), lex)
            if r is not None and st.speaker is None:
                st.speaker = text[before[r[0]].start:before[r[1] - 1].end]
            continue
        if mention.lower() in lex.pronouns:
            if last is not None and st.speaker is None:
                st.speaker = last
        else:
            last = mention


def _embedded_quotes(text: str, found: list[Statement], quotes: list[tuple[int, int]]) -> list[Statement]:
    """Quoted words inside a mixed statement, as direct statements of the same source and cue:
    the convention of the German quotation corpora ("Er sagte, die Lage sei „sehr ernst“.")."""
    out = []
    for st in found:
        if st.kind != "mixed":
            continue
        for q0, q1 in quotes:
            if st.start <= q0 and q1 <= st.end and (q0, q1) != (st.start, st.end) \
                    and not _quoted_name(text, q0, q1):
                out.append(Statement(q0, q1, "direct", st.cue_start, st.cue_end, st.cue_lemma,
                                     st.source_start, st.source_end, confidence=st.confidence,
                                     rule="rules.embedded_quote"))
    return out


def _quoted_name(text: str, q0: int, q1: int) -> bool:
    """Quoted words that are all capitalised ("„Berliner Zeitung“", "„Xinhua“", "„Der Spiegel“") are
    a name or a title in quotation marks, not a quoted fragment of speech (on 700 German WikiNews
    training articles: 3 of 106 such embedded quotes were statements, against 116 of 204 others)."""
    words = WORD.findall(text, q0, q1)
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _heard_speaker(text: str, unit: tuple[int, int], words: list[_W], quotes, lex: _Lex) -> Statement | None:
    """A sentence with a cue word and its subject but no content the patterns could cut ("Die
    Gewerkschaft begründete den Streik mit den Löhnen."): not a statement itself, but a speaker that
    sentences in the reported-speech mood right after it continue."""
    us, ue = unit
    for k, w in enumerate(words):
        if w.start < us or _in_quote(w.start, quotes) or not _cue_len(words, k, lex):
            continue
        src = _source_around(text, us, words, k, ue, lex)
        if src is not None:
            return Statement(us, ue, "indirect", w.start, w.end, w.low, src[0], src[1])
    return None


def _within_reach(text: str, prev: Statement, unit: tuple[int, int], lex: _Lex) -> bool:
    """Whether a continuation is close enough to the cue it continues: within `continuation_reach`
    characters of it and, unless `continuation_across_paragraphs`, in its paragraph."""
    anchor = prev.cue_end if prev.cue_end is not None else prev.end
    if lex.continuation_reach and unit[0] - anchor > lex.continuation_reach:
        return False
    return lex.continuation_across_paragraphs or "\n\n" not in text[anchor:unit[0]]


def _opens_subordinate_clause(opener: list[str], lex: _Lex) -> bool:
    """The first words after a comma may open a subordinate or relative clause: "dass", "das",
    "während", or a preposition and a relative ("unter denen")."""
    first, second = opener[0].lower(), opener[1].lower() if len(opener) > 1 else ""
    return first in lex.clause_openers or (first in lex.preps and second in lex.clause_openers)


def _in_subordinate_clause(words: list[_W], k: int, lex: _Lex) -> bool:
    """Word k stands in a clause that a comma and a subordinator or relative open; an article
    before a capitalised noun, where nouns are capitalised, opens a main clause (", die
    Bevölkerung werde informiert")."""
    j = k
    while j > 0 and "," not in words[j].gap:
        j -= 1
    if j == 0 or (lex.nouns_capitalized and words[j].low in lex.dets and j + 1 < len(words)
                  and words[j + 1].text[:1].isupper()):
        return False
    return _opens_subordinate_clause([w.text for w in words[j:j + 2]], lex)


def _reported_mood(words: list[_W], lex: _Lex) -> bool:
    """A sentence in the mood of reported speech: a Konjunktiv I form outside a subordinate clause
    ("Sie habe … gemacht", not "Sie hatte gemacht, dass sie getestet worden sei"), or a modal of
    hearsay whose sentence ends on a perfect infinitive ("Er soll den Tätern geholfen haben.", not
    "Die Schule soll im Mai öffnen.")."""
    if any(w.low in lex.subjunctive and not _in_subordinate_clause(words, k, lex)
           for k, w in enumerate(words)):
        return True
    return bool(words) and words[-1].low in lex.perfect_aux \
        and any(w.low in lex.hearsay_perfect for w in words)


def _continues(text: str, unit: tuple[int, int], prev_end: int, words: list[_W], quotes, lex: _Lex) -> bool:
    """A unit right after a statement that is still reported speech: a whole quotation, or a
    sentence in the reported-speech mood (Konjunktiv I, hearsay)."""
    mood = bool(lex.subjunctive) and _reported_mood(words, lex)
    if prev_end < 0:
        return False
    gap = text[prev_end:unit[0]]
    if "\n\n" in gap and not (mood and len(gap) < 8):  # reported speech may run on into the next paragraph
        return False
    if len(gap) > 3 and not mood:
        return False
    s, e = _trim(text, *unit)
    for q0, q1 in quotes:
        if q0 <= s + 1 and q1 >= e - 2 and len(_words(text, q0, q1)) >= lex.min_quote_words:
            return True
    return mood


def _dedupe(found: list[Statement], keep_nested: bool = False) -> list[Statement]:
    """One statement per content: the first pattern found wins (cue verbs before markers). Of two
    that overlap where one's cue lies inside the other's content ("Assad habe gesagt, dass …,
    betonte Lawrow"), the frame around the nested report wins, as in the parse tier; both stand
    when the language file keeps nested statements (`keep_nested`) and their contents differ."""
    out: list[Statement] = []
    for st in found:
        clash = None
        for k, o in enumerate(out):
            inter = min(o.end, st.end) - max(o.start, st.start)
            union = max(o.end, st.end) - min(o.start, st.start)
            nested = _nested_in(o, st) or _nested_in(st, o)
            if inter > 0.5 * max(o.end - o.start, st.end - st.start) and not (
                    keep_nested and nested and inter <= 0.8 * union):
                clash = k
                break
        if clash is None:
            out.append(st)
        elif _nested_in(out[clash], st):
            out[clash] = st
    return out


# the rules of according-to markers (their statement may be "mixed" when quoted)
_MARKER_RULES = frozenset({"rules.according_marker", "rules.according_hearsay",
                           "rules.according_postposition", "rules.according_cjk", "rules.anaphoric_marker"})


def _nested_in(inner: Statement, outer: Statement) -> bool:
    """Whether one statement's cue lies inside another's content, and not the other way round; an
    according-to phrase frames no cue ("Laut X hat der IWF angekündigt, …"), as in the parse tier."""
    return (inner.cue_start is not None and outer.cue_start is not None and outer.rule not in _MARKER_RULES
            and outer.start <= inner.cue_start < outer.end
            and not inner.start <= outer.cue_start < inner.end)
