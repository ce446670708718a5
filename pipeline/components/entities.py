"""Named entities beyond the base model: rule-based NER for the rules tier, fix-ups for trained models.

`newsfacts_entities` runs alone after a sentencizer on a blank pipeline (mode "rules") or after a
trained model's NER (mode "fixup"). Everything language-specific is data in the [entities] table
of `pipeline/lang/<code>.toml` plus `<code>.gazetteer.txt` (CLDR country/region/city names);
the code never branches on the language code.

Why our own rules rather than spaCy's EntityRuler: the rules tier needs context rules an
EntityRuler cannot express as patterns without thousands of entries (a title or first name
*before* an unknown capitalised word, German capitalised common nouns, Korean particles that
must be cut off the span, i.e. a token split), and the fix-ups need the model's own spans.
Each rule proposes character spans with a priority; the best non-overlapping ones win
(sort once, one pass), so the component stays linear in the article length.

Rules (mode "rules"), highest priority first:
  gazetteer      known names (file + toml), longest match, also on particle/inflection-stripped forms
  person         title/honorific + name ("Dr. Marion X", "Herr X", "박 대통령"), first name + capitalised
                 words, Korean surname + given-name syllables, "X씨", "A 씨"
  org            capitalised words ending in an organisation suffix (GmbH, AG, Inc.), an org head
                 followed by capitalised words ("Universität Hamburg"), word-final org suffixes
                 (Korean 위원회, 대학교, 은행), acronyms
  speaker        the capitalised word right after a cue form ("sagte Müller", "so Merkel")
  place          capitalised word after a locative preposition with no article ("in Gießen")
  fallback       capitalised sequences not at sentence start (languages that do not capitalise nouns)
and, in both modes, every later mention of a known name (or of the surname of a known person)
gets the label of its most informative mention.

Fix-ups (mode "fixup") on a trained model's spans:
  - the name after an organisation description ("l'entreprise X", "le géant du e-commerce X",
    "the company X") or before an org suffix is ORG;
  - gazetteer names keep their gazetteer label (countries stay LOC, "Union européenne" ORG);
  - a leading title/honorific is cut off the span; possessive 's and a leading "the" are dropped
    when the language data says so;
  - consistent labels per article, by majority over mentions with ORG evidence winning.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import get_lang_class

from .. import lang as langdata
from .doc_text import doc_text
from .speaker_traits import given_names

LANG_DIR = Path(langdata.__file__).resolve().parent

CAPITAL = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ]")
ACRONYM = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜ0-9&]{1,5}")
HANGUL = re.compile(r"[\uac00-\ud7a3]+")
HANGUL_WORD = re.compile(r"[A-Z]{0,2}[\uac00-\ud7a3]")

# priorities
GAZ, PERSON, ORG, SPEAKER, PLACE, FALLBACK = 60, 50, 40, 30, 20, 10


@cache
def gazetteer_file(lang: str) -> dict[str, str]:
    """Name -> label of `pipeline/lang/<lang>.gazetteer.txt` (empty when the language has none)."""
    names: dict[str, str] = {}
    path = LANG_DIR / f"{lang}.gazetteer.txt"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#") and "\t" in line:
                label, name = line.split("\t", 1)
                names[name.strip()] = label.strip()
    return names


@Language.factory("newsfacts_entities", default_config={"mode": "fixup"},
                  assigns=["doc.ents", "token.ent_iob", "token.ent_type"])
def make_entities(nlp: Language, name: str, mode: str) -> EntitiesComponent:
    return EntitiesComponent(nlp, mode)


def _lower_set(words: Iterable[str]) -> set[str]:
    return {w.lower() for w in words}


@dataclass
class EntityData:
    """The [entities] table of a language file, with the gazetteer file, ready for lookups."""

    org_suffixes: set[str] = field(default_factory=set)
    org_heads: set[str] = field(default_factory=set)
    org_descriptions: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    not_names: set[str] = field(default_factory=set)
    listed_not_names: set[str] = field(default_factory=set)  # the language file's own, without stop words
    first_names: set[str] = field(default_factory=set)
    cue_forms: set[str] = field(default_factory=set)
    loc_prepositions: set[str] = field(default_factory=set)
    determiners: set[str] = field(default_factory=set)
    noun_suffixes: tuple[str, ...] = ()
    word_org_suffixes: tuple[str, ...] = ()
    word_loc_suffixes: tuple[str, ...] = ()
    particles: tuple[str, ...] = ()
    inflections: tuple[str, ...] = ()
    surnames: set[str] = field(default_factory=set)
    given_syllables: set[str] = field(default_factory=set)
    person_markers: tuple[str, ...] = ()
    titles_after: set[str] = field(default_factory=set)
    org_prefix_words: set[str] = field(default_factory=set)
    name_particles: set[str] = field(default_factory=set)
    demonyms: set[str] = field(default_factory=set)
    plural_determiners: set[str] = field(default_factory=set)
    connectors: set[str] = field(default_factory=set)
    drop: set[str] = field(default_factory=set)
    demonym_endings: tuple[str, ...] = ()
    merge: dict[tuple[str, str], str] = field(default_factory=dict)
    place_endings: tuple[str, ...] = ()
    plural_endings: tuple[str, ...] = ()
    adjective_stems: tuple[str, ...] = ()
    adjective_endings: tuple[str, ...] = ()
    org_head_nouns: tuple[str, ...] = ()
    loc_head_nouns: tuple[str, ...] = ()
    title_endings: tuple[str, ...] = ()
    loc_word_endings: tuple[str, ...] = ()
    org_word_endings: tuple[str, ...] = ()
    acronym_label: str = ""
    fallback: bool = False
    strip_leading: set[str] = field(default_factory=set)
    gazetteer: dict[tuple[str, ...], str] = field(default_factory=dict)
    gaz_len: int = 1
    gaz_first: set[str] = field(default_factory=set)


def load_data(nlp: Language) -> EntityData:
    table = langdata.load(nlp.lang)["entities"]
    d = EntityData(
        org_suffixes=set(table.get("org_suffixes", [])),
        org_heads=_lower_set(table.get("org_heads", [])),
        org_descriptions=_lower_set(table.get("org_descriptions", table.get("org_heads", []))),
        titles=_lower_set(table.get("titles", [])),
        not_names=_lower_set(table.get("not_names", [])) | _lower_set(nlp.Defaults.stop_words),
        listed_not_names=_lower_set(table.get("not_names", [])),
        first_names=set(table.get("first_names", [])),
        cue_forms=_lower_set(table.get("cue_forms", [])),
        loc_prepositions=_lower_set(table.get("loc_prepositions", [])),
        determiners=_lower_set(table.get("determiners", [])),
        noun_suffixes=tuple(table.get("noun_suffixes", [])),
        word_org_suffixes=tuple(sorted(table.get("word_org_suffixes", []), key=len, reverse=True)),
        word_loc_suffixes=tuple(sorted(table.get("word_loc_suffixes", []), key=len, reverse=True)),
        particles=tuple(sorted(table.get("particles", []), key=len, reverse=True)),
        inflections=tuple(table.get("inflections", [])),
        surnames=set(table.get("surnames", [])),
        given_syllables=set("".join(table.get("given_syllables", []))),
        person_markers=tuple(sorted(table.get("person_markers", []), key=len, reverse=True)),
        acronym_label=table.get("acronym_label", ""),
        titles_after=set(table.get("titles_after", [])),
        org_prefix_words=_lower_set(table.get("org_prefix_words", [])),
        name_particles=_lower_set(table.get("name_particles", [])),
        demonyms=set(table.get("demonyms", [])),
        plural_determiners=_lower_set(table.get("plural_determiners", [])),
        connectors=_lower_set(table.get("connectors", [])),
        drop=set(table.get("drop", [])),
        demonym_endings=tuple(table.get("demonym_endings", [])),
        merge={(a, b): c for a, b, c in table.get("merge_adjacent", [])},
        place_endings=tuple(table.get("place_endings", [])),
        plural_endings=tuple(table.get("plural_endings", [])),
        adjective_stems=tuple(table.get("adjective_stems", [])),
        adjective_endings=tuple(table.get("adjective_endings", [])),
        org_head_nouns=tuple(w.lower() for w in table.get("org_head_nouns", [])),
        loc_head_nouns=tuple(w.lower() for w in table.get("loc_head_nouns", [])),
        title_endings=tuple(table.get("title_endings", [])),
        loc_word_endings=tuple(table.get("loc_word_endings", [])),
        org_word_endings=tuple(table.get("org_word_endings", [])),
        fallback=bool(table.get("capitalised_fallback", False)),
        strip_leading=_lower_set(table.get("strip_leading", [])),
    )
    names = dict(gazetteer_file(nlp.lang))
    for label in ("PER", "ORG", "LOC", "MISC"):
        for name in table.get(f"gazetteer_{label.lower()}", []):
            names[name] = label
    for name in table.get("not_entities", []):
        names.pop(name, None)
    tokenizer = nlp.tokenizer
    for name, label in names.items():
        key = tuple(t.text for t in tokenizer(name))
        if key:
            d.gazetteer[key] = label
            d.gaz_len = max(d.gaz_len, len(key))
            d.gaz_first.add(key[0])
    return d


class EntitiesComponent:
    def __init__(self, nlp: Language, mode: str):
        self.mode = mode
        self.d = load_data(nlp)

    def __call__(self, doc: Doc) -> Doc:
        if self.mode == "rules":
            proposals = rule_entities(doc, self.d)
        else:
            proposals = fixup_entities(doc, self.d)
        spans = select(proposals)
        if self.d.merge:
            spans = merge_adjacent(doc_text(doc), spans, self.d.merge)
        spans = consistent(doc, spans, self.d)
        doc.ents = to_spans(doc, spans)
        return doc


# ---------------------------------------------------------------- token helpers

def is_cap(tok: Token) -> bool:
    return bool(tok.text) and bool(CAPITAL.match(tok.text))


def stems(text: str, d: EntityData) -> list[str]:
    """The word itself, then the word without a trailing particle/inflection (longest first)."""
    out = [text]
    for suf in d.particles:
        if text.endswith(suf) and len(text) > len(suf):
            out.append(text[: -len(suf)])
    for suf in d.inflections:
        if text.endswith(suf) and len(text) > len(suf) + 2:
            out.append(text[: -len(suf)])
    return out


def is_name_word(tok: Token, d: EntityData) -> bool:
    """A capitalised word that may belong to a name (not a function word or a title)."""
    low = tok.lower_
    return is_cap(tok) and low not in d.not_names and low not in d.titles and tok.text not in ("I",)


def is_common_noun(text: str, d: EntityData) -> bool:
    low = text.lower()
    return bool(d.noun_suffixes) and low.endswith(d.noun_suffixes)


def is_surname(doc: Doc, i: int, j: int, d: EntityData, person: bool) -> bool:
    """"Sebastian Kurz", "Peter Kaiser", "Minister Fernand Etgen": the word after a known first
    name, or after the first word of a name that follows a title, is the surname when it is
    capitalised, even if it is also a stop word, a title or has a noun ending; only the language
    file's own not-names (months, currencies…) are not."""
    return ((person and j == i + 1) or doc[j - 1].text in d.first_names) and is_cap(doc[j]) \
        and doc[j].lower_ not in d.listed_not_names and not doc[j].text.endswith(".")


FUNCTION_POS = frozenset({"ADP", "SCONJ", "CCONJ", "ADV", "AUX", "VERB", "PRON", "INTJ"})


def _capitalised_function_word(tok: Token, d: EntityData) -> bool:
    """A stop word capitalised only because it opens the sentence, which the tagger reads as a
    preposition, adverb, verb… ("Según", "Además", "Señaló"): no part of a name. Statistical NER
    models take such capitals for names. Words in capitals, name particles ("De Palacio") and
    known first names ("Will Smith") stay."""
    opens = tok.is_sent_start or tok.i == 0 or tok.doc[tok.i - 1].is_punct
    return (opens and tok.is_stop and tok.pos_ in FUNCTION_POS and tok.text[:1].isupper()
            and not tok.is_upper and tok.lower_ not in d.name_particles and not _given_name(tok.text, d))


def _lone_function_word(tok: Token) -> bool:
    """A one-word "name" that is an article ("El ya ex delegado": "El" tagged PER) or a verb or
    other function word in lower case ("aseguró" tagged ORG): no name on its own."""
    if tok.is_upper and len(tok) > 1:
        return False  # "DE", "AS" in capitals may be acronyms
    return (tok.pos_ == "DET" and tok.is_stop) or (tok.is_lower and tok.pos_ in FUNCTION_POS | {"DET"})


def _given_name(word: str, d: EntityData) -> bool:
    """A first name of the language file or of the shared given-name list."""
    return word in d.first_names or word.lower() in given_names()


def name_run(doc: Doc, i: int, d: EntityData, limit: int = 5, person: bool = False) -> int:
    """End (exclusive) of the run of capitalised name words starting at i; hyphen-joined parts
    kept. `person`: the run is known to name a person (it follows a title)."""
    j = i
    while j < len(doc) and j - i < limit and (
        is_surname(doc, i, j, d, person)
        or (is_name_word(doc[j], d)  # a title ends the run: "Österreichs | Kanzler Werner Faymann"
            and (j == i or not (is_common_noun(doc[j].text, d) or is_title(doc[j], d))))
    ):
        j += 1
        if j < len(doc) - 1 and doc[j].text == "-" and not doc[j].whitespace_ and is_cap(doc[j + 1]):
            j += 1
        # "Ministerio de Economía", "Banco de la Nación": lowercase connectors inside a name, and
        # name particles ("Sanne de Vries", "Jan van der Berg")
        k = j
        while k < len(doc) and k - j < 2 and not is_cap(doc[k]) \
                and (doc[k].lower_ in d.connectors or doc[k].lower_ in d.name_particles):
            k += 1
        if k > j and k < len(doc) and k - i < limit and is_name_word(doc[k], d):
            j = k
    while j > i + 1 and doc[j - 1].lower_ in d.connectors:
        j -= 1
    return j


# ---------------------------------------------------------------- proposals
# a proposal is (priority, start_char, end_char, label)

def gazetteer_matches(doc: Doc, d: EntityData, prio: int = GAZ) -> list[tuple[int, int, int, str]]:
    """Longest gazetteer names, left to right; the last word may carry a particle or inflection.

    Only positions whose word starts some gazetteer name are tried, so the cost is one set lookup
    per token plus a few dict lookups where a name may start.
    """
    out = []
    n = len(doc)
    words = _caps_folded(doc)
    i = 0
    while i < n:
        hit = None
        length = 0
        first = words[i] in d.gaz_first
        if first or d.particles or d.inflections:
            for length in range(min(d.gaz_len, n - i) if first else 1, 0, -1):
                head = tuple(words[i : i + length - 1])
                for stem in stems(words[i + length - 1], d):
                    label = d.gazetteer.get(head + (stem,))
                    if label:
                        last = doc[i + length - 1]
                        # one-word names ("Douglas", "Regina", "Siemens") yield to longer rule matches
                        # ("Douglas Adams", "Siemens AG"); person names yield to first-name runs
                        p = prio - 15 if label == "PER" else prio if length > 1 else PERSON - 1
                        hit = (p, doc[i].idx, last.idx + len(stem), label)
                        break
                if hit:
                    break
        if hit:
            out.append(hit)
            i += length
        else:
            i += 1
    return out


def _caps_folded(doc: Doc) -> list[str]:
    """Token texts, with words of ALL-CAPS sentences (headlines, sports tables) in title case so that
    "NEW YORK" finds "New York"; other sentences unchanged."""
    words = [t.text for t in doc]
    if not any(t.is_upper for t in doc):
        return words
    sents = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
    for sent in sents:
        alpha = [t for t in sent if t.is_alpha]
        if len(alpha) >= 2 and sum(t.is_upper for t in alpha) * 2 > len(alpha):
            for t in sent:
                folded = t.text.title()
                if t.is_upper and len(t.text) > 2 and len(folded) == len(t.text):
                    words[t.i] = folded
    return words


def korean_person(text: str, d: EntityData) -> int:
    """Length of a Korean person name at the start of `text` (surname + 1-2 given syllables), or 0."""
    for slen in (2, 1):
        sur = text[:slen]
        if sur in d.surnames:
            rest = text[slen:]
            if len(rest) == 2 and all(c in d.given_syllables for c in rest):
                return slen + 2
    return 0


def word_rules(doc: Doc, d: EntityData) -> list[tuple[int, int, int, str]]:
    """Rules inside single words (languages that glue particles to words, e.g. Korean).

    "박씨", "김모씨", "A씨", "B 씨": a surname or a letter before a person marker; a Hangul name
    (surname + given syllables) or any short word before a postpositive title ("오바마 대통령");
    word-final organisation suffixes (위원회, 은행); known place + place suffix (부산시).
    """
    out = []
    n = len(doc)
    for i, tok in enumerate(doc):
        text = tok.text
        if not (HANGUL_WORD.match(text) or (len(text) == 1 and text.isascii() and text.isupper())):
            continue
        forms = stems(text, d)
        nxt_forms = stems(doc[i + 1].text, d) if i + 1 < n else []
        hit = None
        for form in forms:
            root = None
            for marker in d.person_markers:
                if form.endswith(marker) and len(form) > len(marker):
                    root = form[: -len(marker)]
                    break
            if root is None and form == text and any(f in d.person_markers for f in nxt_forms):
                root = form
            if root is not None:
                if root.endswith("모") and root[:-1] in d.surnames:
                    root = root[:-1]
                if root in d.surnames or (len(root) == 1 and root.isascii()) \
                        or korean_person(root, d) == len(root):
                    hit = (PERSON, tok.idx, tok.idx + len(root), "PER")
                    break
            if form.endswith("모") and form[:-1] in d.surnames and form == text:
                hit = (PERSON, tok.idx, tok.idx + len(form) - 1, "PER")
                break
        if hit is None and forms[0] == text and any(f in d.titles_after for f in nxt_forms) \
                and 2 <= len(text) <= 5 and text.lower() not in d.not_names and (text,) not in d.gazetteer:
            if korean_person(text, d) == len(text) or text[0] in d.surnames or len(text) >= 3:
                hit = (PERSON - 2, tok.idx, tok.idx + len(text), "PER")
        if hit is None:
            for form in forms:
                if form.lower() in d.not_names:
                    break
                if len(form) >= 3 and korean_person(form, d) == len(form):
                    hit = (PERSON - 5, tok.idx, tok.idx + len(form), "PER")
                    break
                if any(form.endswith(s) and len(form) >= len(s) + 2 for s in d.word_org_suffixes):
                    hit = (ORG - 5, tok.idx, tok.idx + len(form), "ORG")
                    break
                loc = [s for s in d.word_loc_suffixes if form.endswith(s) and len(form) > len(s)]
                if loc and (form[: -len(loc[0])],) in d.gazetteer:
                    hit = (GAZ, tok.idx, tok.idx + len(form), "LOC")
                    break
        if hit:
            out.append(hit)
    return out


def adjective_name(doc: Doc, i: int, d: EntityData) -> bool:
    """A capitalised adjective inside a sentence opens a name ("Evangelischen Kirche", "Nahen Osten"):
    languages that capitalise every noun still write adjectives in lower case."""
    tok = doc[i]
    if not d.adjective_stems or tok.is_sent_start or i + 1 >= len(doc) or not is_name_word(doc[i + 1], d):
        return False
    low = tok.lower_
    if i and doc[i - 1].text in "\"'„“«(":
        return False
    for ending in d.adjective_endings:
        if low.endswith(ending) and low[: -len(ending)].endswith(d.adjective_stems):
            return True
    return False


def has_place_ending(low: str, d: EntityData) -> bool:
    return any(low.endswith(e) and len(low) > len(e) + 2 for e in d.place_endings)


def is_title(tok: Token, d: EntityData) -> bool:
    low = tok.lower_
    if low in d.titles or (low.endswith(".") and low[:-1] in d.titles):
        return True
    return bool(d.title_endings) and low.endswith(d.title_endings) and is_cap(tok)


def rule_entities(doc: Doc, d: EntityData) -> list[tuple[int, int, int, str]]:
    out = gazetteer_matches(doc, d)
    if d.particles or d.person_markers:
        out += word_rules(doc, d)
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        low = tok.lower_
        prev = doc[i - 1] if i else None
        # title or honorific + name (the title stays outside the span)
        if is_title(tok, d):
            j = i + 1
            while j < n and (is_title(doc[j], d) or doc[j].text == "."):
                j += 1
            k = name_run(doc, j, d, person=True)
            if k > j:
                out.append((PERSON, doc[j].idx, doc[k - 1].idx + len(doc[k - 1]), "PER"))
                i = k
                continue
        if not is_name_word(tok, d):
            i += 1
            continue
        j = name_run(doc, i, d)
        # "Die Sportlerin Lena Vogt": a known first name inside the run starts a name of its own,
        # unless a given name opens the run ("Hans Jörg Schelling", "Juan Antonio Blanco")
        if not _given_name(tok.text, d):
            j = next((k for k in range(i + 1, j - 1) if doc[k].text in d.first_names), j)
        words = doc[i:j]
        start, end = tok.idx, doc[j - 1].idx + len(doc[j - 1])
        sent_start = tok.is_sent_start or (prev is not None and prev.is_punct and prev.text in "\"'«„“(")
        # first name + capitalised words; a lone first name is weaker evidence
        if tok.text in d.first_names and j - i >= 2:
            out.append((PERSON, start, end, "PER"))
        elif tok.text in d.first_names and not sent_start:
            out.append((SPEAKER, start, end, "PER"))
        elif adjective_name(doc, i, d):
            k = i + 1
            while k < n and is_name_word(doc[k], d) and k - i < 4:
                k += 1
            head = doc[k - 1].lower_
            label = "ORG" if any(head.startswith(h) for h in d.org_head_nouns) else \
                "LOC" if any(head.startswith(h) for h in d.loc_head_nouns) else "MISC"
            out.append((PLACE + 5, start, doc[k - 1].idx + len(doc[k - 1]), label))
            j = k
        elif j - i == 1 and any(low.endswith(e) and len(low) > len(e) + 2 for e in d.loc_word_endings):
            out.append((PLACE + 5, start, end, "LOC"))
        elif j - i == 1 and any(low.endswith(e) and len(low) > len(e) + 2 for e in d.org_word_endings):
            out.append((PLACE + 5, start, end, "ORG"))
        elif j - i >= 2 and (words[-1].lower_ in d.loc_word_endings):
            out.append((ORG, start, end, "LOC"))
        # org suffix closes the run, or an org head opens it ("Universität Hamburg")
        elif j - i >= 2 and words[-1].text in d.org_suffixes:
            out.append((GAZ + 1, start, end, "ORG"))  # "Siemens AG" beats the gazetteer's "Siemens"
        elif j < n and doc[j].text in d.org_suffixes and j - i <= 3:
            out.append((GAZ + 1, start, doc[j].idx + len(doc[j]), "ORG"))
        elif low in d.org_heads and j - i >= 2:
            out.append((ORG, start, end, "ORG"))
        # cue verb right before ("sagte Müller", "so Merkel") or right after ("Müller sagte"): a speaker
        elif prev is not None and prev.lower_ in d.cue_forms and not sent_start \
                and not is_common_noun(tok.text, d) \
                and not (j < n and is_title(doc[j], d)):  # "sagt Odessas Gouverneur": a modifier
            out.append((SPEAKER, start, end, "PER"))
        elif j < n and doc[j].lower_ in d.cue_forms and doc[j].lower_ not in d.loc_prepositions \
                and not is_common_noun(doc[j - 1].text, d) and not is_title(doc[j - 1], d):
            out.append((SPEAKER - 5, start, end, "PER"))
        elif d.acronym_label and ACRONYM.fullmatch(tok.text) and len(tok.text) >= 3 and j - i == 1:
            out.append((ORG - 15, start, end, d.acronym_label))
        elif prev is not None and prev.lower_ in d.loc_prepositions and j - i <= 3 and not sent_start \
                and (has_place_ending(low, d)
                     or not (is_common_noun(tok.text, d) or low.endswith(d.plural_endings))):
            out.append((PLACE, start, end, "LOC"))
        elif d.fallback and not sent_start:
            label = "PER" if j - i >= 2 else "MISC"
            out.append((FALLBACK, start, end, label))
        i = max(j, i + 1)
    return out


def fixup_entities(doc: Doc, d: EntityData) -> list[tuple[int, int, int, str]]:
    """The model's spans, trimmed and relabelled; gazetteer names and names after org descriptions added."""
    out = []
    model_spans = []
    for start, end, label in _split_spans(doc, d):
        person = label in ("PER", "PERSON")
        # leading title or article inside the span: cut it off ("Mr. Smith", "the Pentagon", "la France");
        # articles are matched case-sensitively ("La Ciotat", "L'Humanité" keep theirs) and never cut off a
        # person ("de Villiers")
        while end - start > 1 and _capitalised_function_word(doc[start], d):
            start += 1  # "Según Ana Ruiz"
        lone = doc[start]
        if end - start == 1 and (_capitalised_function_word(lone, d) or _lone_function_word(lone)):
            continue  # "Además", "Señaló": a capital that only opens the sentence; "El", "aseguró"
        while end - start > 1 and ((person and is_title(doc[start], d))
                                   or doc[start].is_punct or doc[start].text == "."
                                   or (not person and _leading_article(doc, start, d))
                                   or (person and doc[start].text in d.demonyms)):
            start += 1
        # trailing possessive, numbers and punctuation ("Soma's", "Afridi 88", "Olympiakos (")
        while end - start > 1 and (doc[end - 1].text in ("'s", "’s", "'") or doc[end - 1].like_num
                                   or (doc[end - 1].is_punct and doc[end - 1].text not in (".", "!"))):
            end -= 1
        for k in range(start + 1, end):
            if doc[k].text in ("(", "[") or (doc[k].text == "-" and doc[k].whitespace_):
                end = k
                break
        if start and doc[start - 1].lower_ in d.org_prefix_words and doc[start - 1].is_lower:
            start -= 1
            label = "ORG"
            person = False
        span = doc[start:end]
        text = span.text
        if len(text) < 2 or text in d.drop or (text[0].islower() and person):
            continue
        known = d.gazetteer.get(tuple(t.text for t in span))
        if known and not (known == "LOC" and person):
            label = known  # a known name keeps its label ("Matignon" ORG); "Darwin" as a person stays PER
        elif label in ("LOC", "GPE") and len(span) == 1 and text.lower().endswith(d.demonym_endings):
            label = "MISC"  # "Britannique", "Australien": nationality words, not places
        elif person and start and doc[start - 1].lower_ in d.plural_determiners:
            label = "MISC"  # "les Gilets jaunes", "des Verts": a group, not a person
        elif label in ("PER", "PERSON", "LOC", "GPE", "MISC", "NORP", "PRODUCT", "FAC") \
                and not doc[start].is_lower and _org_context(doc, start, end, d):
            label = "ORG"
        elif label != "ORG" and _in_score_line(doc, start, end):
            label = "ORG"  # "Porto 2 Barcelona 1": teams in a results line
        model_spans.append((span.start_char, span.end_char, "PER" if label in ("PER", "PERSON") else label))
        out.append((PERSON, span.start_char, span.end_char, label))
    # gazetteer names: win over a model span they cover, never over a longer model span
    covering = _CoveringIndex([(ms, me) for ms, me, _ in model_spans])
    model_set = set(model_spans)
    for _, s_char, e_char, label in gazetteer_matches(doc, d):
        if covering.longer_around(s_char, e_char):
            continue
        if label == "LOC" and (s_char, e_char, "PER") in model_set:
            continue  # "Darwin", "Regina": a city name the model read as a person stays a person
        out.append((GAZ, s_char, e_char, label))
    # names the model missed right after an org description ("l'entreprise Coupang")
    for i, tok in enumerate(doc):
        if tok.lower_ in d.org_descriptions and i + 1 < len(doc) and not doc[i + 1].ent_type_:
            j = name_run(doc, i + 1, d, limit=3)
            if j > i + 1 and not doc[i + 1].is_sent_start and len(doc[i + 1 : j].text) > 2:
                out.append((FALLBACK, doc[i + 1].idx, doc[j - 1].idx + len(doc[j - 1]), "ORG"))
    out += dateline(doc)
    return out


DATELINE = re.compile(r"(?P<place>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})"
                      r"(?:, (?P<country>[A-Z][\w.]+(?: [A-Z][\w.]+)?))?"
                      r" (?:\d{4}-\d\d-\d\d|\d{1,2} [A-Z][a-z]+ \d{4})\b")


def dateline(doc: Doc) -> list[tuple[int, int, int, str]]:
    """Wire datelines at the start of a text ("SIALKOT, Pakistan 1996-12-06"): the place is a LOC."""
    m = DATELINE.match(doc_text(doc))
    if not m:
        return []
    out = [(GAZ + 5, m.start("place"), m.end("place"), "LOC")]
    if m.group("country"):
        out.append((GAZ + 5, m.start("country"), m.end("country"), "LOC"))
    return out


def _leading_article(doc: Doc, i: int, d: EntityData) -> bool:
    tok = doc[i]
    if tok.text in d.strip_leading:
        return True
    # sentence-initial "La France", "The United Nations": the capitalised article is still an article
    return tok.is_sent_start and tok.lower_ in d.strip_leading and tok.text[:1].isupper()


def _split_spans(doc: Doc, d: EntityData) -> list[tuple[int, int, str]]:
    """Model spans, cut where a number or a lowercase word that is no name particle stands between two
    names ("Bochum 2 Bayer Leverkusen", "Nicol v Eyles", "Kesers and Karabuluts")."""
    out = []
    for ent in doc.ents:
        start = ent.start
        for k in range(ent.start + 1, ent.end - 1):
            tok = doc[k]
            if (tok.like_num and tok.text[:1].isdigit()) or (
                    tok.is_alpha and tok.is_lower and tok.lower_ not in d.name_particles
                    and ent.label_ in ("PER", "PERSON") and d.name_particles):
                if k > start:
                    out.append((start, k, ent.label_))
                start = k + 1
        out.append((start, ent.end, ent.label_))
    return out


class _CoveringIndex:
    """Model spans by start, to ask in logarithmic time whether a longer one covers a range (a
    scan per gazetteer match was quadratic in article length)."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]
        self.reach = list(accumulate(self.ends, max))  # the largest end up to each position

    def longer_around(self, start: int, end: int) -> bool:
        """Whether a span with start <= `start` and end >= `end` is longer than [start, end)."""
        before = bisect_left(self.starts, start)  # spans starting strictly before
        if before and self.reach[before - 1] >= end:
            return True
        same = bisect_right(self.starts, start)  # spans starting at `start`: sorted by end
        return same > before and self.ends[same - 1] > end


def _in_score_line(doc: Doc, start: int, end: int) -> bool:
    """NAME INT NAME INT: a sports result; the names are teams."""
    def small_int(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].text.isdigit() and len(doc[i].text) <= 3

    if not small_int(end):
        return False
    # this name is the first of the pair: another capitalised word right after the score, then a score
    k = end + 1
    if k < len(doc) and is_cap(doc[k]):
        while k < len(doc) and is_cap(doc[k]):
            k += 1
        if small_int(k):
            return True
    # or the second: a score right before it, preceded by a capitalised word
    return start >= 2 and small_int(start - 1) and is_cap(doc[start - 2])


def _org_context(doc: Doc, start: int, end: int, d: EntityData) -> bool:
    """An org description shortly before the name ("le géant du e-commerce X"), or an org suffix after."""
    if doc[end - 1].text in d.org_suffixes:
        return True
    if end < len(doc) and doc[end].text in d.org_suffixes:
        return True
    # an organisation head opens or closes the name ("Cour d'appel de Reims", "Labour Party")
    if end - start >= 2 and (doc[start].lower_ in d.org_heads or doc[end - 1].lower_ in d.org_head_nouns):
        return True
    window = doc[max(0, start - 4) : start]
    for k, t in enumerate(window):
        if t.lower_ in d.org_descriptions:
            between = window[k + 1 :]
            # only articles, prepositions, lowercase modifiers or quotes between description and name
            # (no verb, pronoun or conjunction: "the company said John Smith" is no apposition)
            if all(not is_cap(b) or b.is_punct for b in between) \
                    and not any(b.text in ",;." or b.pos_ in ("VERB", "AUX", "PRON", "CCONJ", "SCONJ")
                                for b in between):
                return True
    return False


# ---------------------------------------------------------------- selection, consistency, spans

def select(proposals: list[tuple[int, int, int, str]]) -> list[tuple[int, int, str]]:
    """Best non-overlapping proposals: higher priority, then longer, then earlier."""
    chosen: list[tuple[int, int, str]] = []
    taken: set[int] = set()  # characters already inside a chosen span
    for _prio, s, e, label in sorted(proposals, key=lambda p: (-p[0], -(p[2] - p[1]), p[1])):
        if e <= s or any(c in taken for c in range(s, e)):
            continue
        taken.update(range(s, e))
        chosen.append((s, e, label))
    return sorted(chosen)


def merge_adjacent(text: str, spans: list[tuple[int, int, str]],
                   merge: dict[tuple[str, str], str]) -> list[tuple[int, int, str]]:
    """Join neighbours separated by one space ("경기도 오산시" LOC, "미국 법무부" ORG), one pass."""
    out: list[tuple[int, int, str]] = []
    for s, e, label in spans:
        if out:
            ps, pe, plabel = out[-1]
            joined = merge.get((plabel, label))
            if joined and text[pe:s] == " ":
                out[-1] = (ps, e, joined)
                continue
        out.append((s, e, label))
    return out


def consistent(doc: Doc, spans: list[tuple[int, int, str]], d: EntityData) -> list[tuple[int, int, str]]:
    """One label per name in the article; later bare mentions of a known name/surname are added."""
    text = doc_text(doc)
    votes: dict[str, Counter] = {}
    for s, e, label in spans:
        votes.setdefault(text[s:e], Counter())[label] += 1
    best = {}
    for name, c in votes.items():
        label, _ = c.most_common(1)[0]
        if "ORG" in c and label != "ORG" and c["ORG"] * 2 >= sum(c.values()):
            label = "ORG"
        best[name] = label
    aliases = {}
    for name, label in best.items():
        parts = name.split()
        if label == "PER" and len(parts) >= 2 and parts[-1] not in best and parts[-1][:1].isupper() \
                and parts[-1].lower() not in d.not_names:
            aliases[parts[-1]] = "PER"
    out = [(s, e, best[text[s:e]]) for s, e, _ in spans]
    if aliases:
        covered = {c for s, e, _ in spans for c in range(s, e)}
        for tok in doc:
            if tok.text in aliases and tok.idx not in covered:
                out.append((tok.idx, tok.idx + len(tok), aliases[tok.text]))
        out.sort()
    return out


def to_spans(doc: Doc, spans: list[tuple[int, int, str]]) -> list[Span]:
    """Character spans -> token spans, splitting tokens where a span ends inside one (Korean particles)."""
    cuts: dict[int, set[int]] = {}
    for s, e, _ in spans:
        for c in (s, e):
            tok = _token_at(doc, c)
            if tok is not None and tok.idx < c < tok.idx + len(tok):
                cuts.setdefault(tok.i, set()).add(c - tok.idx)
    if cuts:
        with doc.retokenize() as retok:
            for i, offsets in cuts.items():
                tok = doc[i]
                bounds = [0, *sorted(offsets), len(tok)]
                pieces = [tok.text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
                heads = [(tok, len(pieces) - 1)] * len(pieces)
                retok.split(tok, pieces, heads=heads)
    out = []
    last = -1
    for s, e, label in spans:
        span = doc.char_span(s, e, label=label)
        if span is not None and span.start >= last:
            out.append(span)
            last = span.end
    return out


def _token_at(doc: Doc, char: int) -> Token | None:
    lo, hi = 0, len(doc) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        t = doc[mid]
        if char < t.idx:
            hi = mid - 1
        elif char >= t.idx + len(t):
            lo = mid + 1
        else:
            return t
    return None


# ---------------------------------------------------------------- helper for attribution (rules tier)

def speaker_candidates(doc: Doc, cue_forms: Iterable[str] | None = None,
                       window: int = 3) -> list[tuple[Token, Span]]:
    """(cue token, speaker span) pairs: the entity or capitalised name right after a cue form ("sagte
    Müller", "so Merkel", "dijo Aznar") or right before it ("Müller sagte"), in the same sentence.

    For pipelines without a parser, where the subject of a cue verb cannot be read off the parse.
    `cue_forms` defaults to the [entities] cue_forms of the document's language. One pass over the tokens.
    """
    table = langdata.load(doc.lang_)["entities"]
    forms = _lower_set(cue_forms if cue_forms is not None else table.get("cue_forms", []))
    stop = get_lang_class(doc.lang_).Defaults.stop_words
    d = EntityData(not_names=_lower_set(table.get("not_names", [])) | _lower_set(stop),
                   titles=_lower_set(table.get("titles", [])),
                   title_endings=tuple(table.get("title_endings", [])))
    ent_at = {}
    for ent in doc.ents:
        if ent.label_ in ("PER", "PERSON", "ORG", "NORP"):
            for k in range(ent.start, ent.end):
                ent_at[k] = ent
    out = []
    for i, tok in enumerate(doc):
        if tok.lower_ not in forms:
            continue
        sent_end = tok.sent.end if doc.has_annotation("SENT_START") else len(doc)
        sent_start = tok.sent.start if doc.has_annotation("SENT_START") else 0
        after = []
        for k in range(i + 1, min(i + 1 + window, sent_end)):
            if doc[k].is_punct:
                break
            after.append(k)
        before = [k for k in range(i - 1, max(i - 1 - window, sent_start - 1), -1)]
        found = next((ent_at[k] for k in after if k in ent_at), None)
        if found is None:
            k = next((k for k in after if is_name_word(doc[k], d) and not is_title(doc[k], d)), None)
            if k is not None:
                found = Span(doc, k, name_run(doc, k, d), label="PER")
        if found is None:
            found = next((ent_at[k] for k in before if k in ent_at), None)
        if found is None and i and is_name_word(doc[i - 1], d):
            found = Span(doc, i - 1, i, label="PER")
        if found is not None:
            out.append((tok, found))
    return out
