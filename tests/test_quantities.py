"""Quantities: the plain function on written-out cases, the spaCy component on real models, and
the evaluation sets scored through the shared scorer (pipeline.evaluate.scoring.numbers)."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import baseline
import pytest

from pipeline.components.quantities import find_quantities
from pipeline.evaluate import numbers as numbers_task
from pipeline.evaluate import read_jsonl

SEED = "l’auteur avait téléchargé seulement quelque 3 000 des 33,7 millions de comptes"


def counts(text: str, lang: str) -> list:
    """The quantities the statements table would keep (no dates, ordinals, articles)."""
    return [q for q in find_quantities(text, lang) if q.kind not in ("date", "ordinal", "determiner")]


def values(text: str, lang: str) -> list[float]:
    return [q.value for q in counts(text, lang)]


def test_seed_sentence():
    a, b = counts(SEED, "fr")
    assert (a.value, a.approx, a.text) == (3000, True, "quelque 3 000")
    assert (b.value, b.approx, b.text) == (33_700_000, False, "33,7 millions")
    assert SEED[b.start:b.end] == b.text


@pytest.mark.parametrize("text, lang, expected", [
    ("33,7", "fr", 33.7),
    ("33.7", "en", 33.7),
    ("3 000", "fr", 3000),
    ("3\u00a0000", "fr", 3000),
    ("3\u202f000", "fr", 3000),
    ("1.200 Stellen", "de", 1200),
    ("1,200 jobs", "en", 1200),
    ("4,800", "fr", 4.8),
    ("1.234.567,51", "es", 1234567.51),
    ("３３．７", "ja", 33.7),
    ("٣٠٠٠", "ar", 3000),
])
def test_locale_digits(text, lang, expected):
    assert values(text, lang) == [pytest.approx(expected)]


@pytest.mark.parametrize("text, lang, expected", [
    ("2,5 Milliarden", "de", 2.5e9),
    ("3,5 millones", "es", 3.5e6),
    ("12 milhões", "pt", 12e6),
    ("33.7 million", "en", 33.7e6),
    ("3370万", "zh", 33.7e6),
    ("3兆2千億", "ja", 3.2e12),
    ("3조 5천억", "ko", 3.5e12),
    ("45億404万", "ja", 4_504_040_000),
    ("mil millones", "es", 1e9),
])
def test_scale_words(text, lang, expected):
    assert values(text, lang) == [pytest.approx(expected)]


@pytest.mark.parametrize("text, lang, expected", [
    ("trois cent trente et un", "fr", 331),
    ("quatre-vingt-dix-neuf", "fr", 99),
    ("einhunderteinunddreißig", "de", 131),
    ("tremiladuecentoquarantatre", "it", 3243),
    ("zeshonderdachtenzeventig", "nl", 678),
    ("dos mil trescientos cuarenta y siete", "es", 2347),
    ("twenty-one thousand three hundred", "en", 21300),
    ("двадцать пять тысяч", "ru", 25000),
    ("ثلاثة وعشرون", "ar", 23),
    ("四億五千六百四十二萬零壹十五", "zh", 456_420_015),
    ("백육십일", "ko", 161),
    ("three quarters", "en", 0.75),
    ("cinco con un cuarto", "es", 5.25),
])
def test_spelled_out(text, lang, expected):
    assert values(text, lang) == [pytest.approx(expected)]


@pytest.mark.parametrize("text, lang", [
    ("environ 40 morts", "fr"), ("près de 40 morts", "fr"), ("about 40 dead", "en"),
    ("nearly 40 dead", "en"), ("rund 40 Tote", "de"), ("etwa 40 Tote", "de"), ("약 40명", "ko"),
])
def test_approximations(text, lang):
    (q,) = counts(text, lang)
    assert q.approx and q.value == 40


def test_ranges_keep_both_bounds():
    (q,) = counts("entre 600 et 800 salariés", "fr")
    assert (q.value, q.high, q.kind) == (600, 800, "number")
    (q,) = counts("a rise of 3-5%", "en")
    assert (q.value, q.high, q.kind, q.unit) == (3, 5, "percent", "%")
    (q,) = counts("they were given 44 mg to 50 mg", "en")
    assert (q.value, q.high) == (44, 50)
    # a change is not a range: different units
    assert [q.high for q in counts("rose 3.5% to $2 billion", "en")] == [None, None]


def test_percent_and_points():
    pt, pct = counts("le chômage a baissé de 0,3 point à 7,4 %", "fr")
    assert (pt.value, pt.kind, pt.unit) == (0.3, "percent", "pt")
    assert (pct.value, pct.kind, pct.unit, pct.text) == (7.4, "percent", "%", "7,4 %")
    (q,) = counts("百分之五十", "zh")
    assert (q.value, q.kind) == (50, "percent")


@pytest.mark.parametrize("text, lang, value, code", [
    ("2 milliards de dollars", "fr", 2e9, "USD"),
    ("$2 billion", "en", 2e9, "USD"),
    ("3,5 millones de euros", "es", 3.5e6, "EUR"),
    ("2,5 Milliarden Euro", "de", 2.5e9, "EUR"),
    ("3조 5천억 원", "ko", 3.5e12, "KRW"),
    ("3兆2千億円", "ja", 3.2e12, "JPY"),
    ("5000元", "zh", 5000, "CNY"),
])
def test_money(text, lang, value, code):
    (q,) = counts(text, lang)
    assert (q.kind, q.value, q.unit) == ("money", pytest.approx(value), code)


@pytest.mark.parametrize("text, lang", [
    ("un homme et une femme", "fr"),           # articles
    ("ein Mann", "de"),
    ("the one you mentioned", "en"),           # pronoun
    ("le 4 mai", "fr"),                        # day of a date
    ("on Dec. 24, 2025", "en"),                # day and year of a date
    ("the 4th runner", "en"),                  # ordinal digits
    ("le troisième trimestre", "fr"),          # spelled-out ordinal
    ("이것은 사람이다", "ko"),                   # syllables that are also numerals
    ("四川", "zh"),
])
def test_not_counts(text, lang):
    assert counts(text, lang) == []


@pytest.mark.parametrize("text,lang", [
    ("Les fichiers n'ont pas été transmis à un tiers.", "fr"),      # a third party
    ("The data was never shared with a third party.", "en"),
    ("Profits rose in the second quarter.", "en"),                 # a period
    ("Results improved in a quarter marked by strikes.", "en"),
    ("Los datos no se cedieron a un tercero.", "es"),
    ("I dati non sono stati ceduti a un terzo.", "it"),
])
def test_a_fraction_word_after_an_article_needs_a_complement(text, lang):
    assert counts(text, lang) == []


@pytest.mark.parametrize("text,lang,value", [
    ("Un tiers des électeurs s'est abstenu.", "fr", 1 / 3),
    ("un quart du budget", "fr", 0.25),
    ("A third of voters stayed home.", "en", 1 / 3),
    ("a quarter of the population", "en", 0.25),
    ("un tercio de los votos", "es", 1 / 3),
    ("un terzo degli elettori", "it", 1 / 3),
    ("um terço dos votos", "pt", 1 / 3),
    ("les deux tiers des sièges", "fr", 2 / 3),
    ("three quarters", "en", 0.75),
])
def test_fractions_with_a_complement_or_a_number_stay(text, lang, value):
    assert values(text, lang) == [pytest.approx(value)]


@pytest.mark.parametrize("text,lang", [
    ("Appelez le 04 72 10 30 30 ou le +33 4 72 10 30 30.", "fr"),   # phone numbers
    ("Call 212-555-0142 or (212) 555-0142.", "en"),
    ("Lyon a battu Nantes 3-1.", "fr"),                             # scores: a range would go up
    ("The Hawks won 2–0 at home.", "en"),
    ("La pandémie de Covid-19 et les F-35.", "fr"),                 # names with a number
    ("The A380 and the G7.", "en"),
])
def test_phone_numbers_scores_and_names_are_not_counts(text, lang):
    assert counts(text, lang) == []


def test_ranges_and_large_spaced_numbers_survive_the_masks():
    assert values("Le chantier durera 3-4 mois et coûtera 12 345 678 euros.", "fr")[-1] == 12_345_678
    assert [q.text for q in counts("It takes 3-4 days.", "en")] == ["3-4"]


def test_ordinals_are_tagged_with_their_number():
    (q,) = find_quantities("le vingt et unième siècle", "fr")
    assert (q.kind, q.value) == ("ordinal", 21)


def test_component_counted_noun_from_parse(fr):
    doc = fr.nlp(SEED + ", soit 2 milliards de dollars.")
    found = {s.text: s._.quantity for s in doc.spans["quantities"]}
    assert found["33,7 millions"].value == 33_700_000
    assert found["33,7 millions"].unit == "comptes"
    assert found["quelque 3 000"].approx and found["quelque 3 000"].value == 3000
    assert found["2 milliards de dollars"].unit == "USD"


def test_component_english(en):
    doc = en.nlp("The author downloaded about 3,000 of the 33.7 million accounts on Dec. 24, 2025.")
    found = {s.text: s._.quantity for s in doc.spans["quantities"]}
    assert set(found) == {"about 3,000", "33.7 million"}
    assert found["33.7 million"].unit == "accounts"


# ------------------------------------------------------------------ evaluation sets
NUMBER_LANGS = ["de", "en", "es", "fr", "it", "ja", "ko", "nl", "pt", "zh"]  # floors: tests/baseline.toml


@pytest.fixture(scope="module")
def recognizers(eval_dir):
    gold = read_jsonl(eval_dir / "numbers" / "recognizers_numbers_dev.jsonl")
    return gold, numbers_task.score(gold, list(numbers_task.predict(gold)))


@pytest.mark.parametrize("lang", NUMBER_LANGS)
def test_recognizers_number_kind(recognizers, lang):
    floors = baseline.floor("numbers", "recognizers_dev")
    mine = {key: value for key, value in floors.items() if key.startswith(f"{lang}|")}
    assert mine, f"no floor for {lang} in tests/baseline.toml [numbers.recognizers_dev]"
    assert not [f for f in baseline.check("numbers", "recognizers_dev", recognizers[1]) if f" {lang}|" in f]


def test_recognizers_all_kinds_recall(recognizers):
    assert not baseline.check("numbers", "recognizers_dev", recognizers[1])


@pytest.mark.eval
def test_text2num_tests_recall(eval_dir):
    gold = read_jsonl(eval_dir / "numbers" / "text2num_tests.jsonl")
    result = numbers_task.score(gold, list(numbers_task.predict(gold)))
    assert not baseline.check("numbers", "text2num_tests", result)


@pytest.mark.eval
def test_predict_agrees_with_referee(eval_dir, referee, tmp_path):
    import json
    import subprocess
    import sys

    gold_path = eval_dir / "numbers" / "quantulum3_tests.jsonl"
    gold = read_jsonl(gold_path)
    pred = list(numbers_task.predict(gold))
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pred), encoding="utf-8")
    out = tmp_path / "score.json"
    cmd = [sys.executable, str(referee), "numbers", str(gold_path), str(pred_path), "--json", str(out)]
    subprocess.run(cmd, check=True, capture_output=True)
    ref = json.loads(out.read_text(encoding="utf-8"))
    ours = numbers_task.score(gold, pred)
    assert ours["ALL|ALL"]["recall"] == ref["ALL|ALL"]["recall"]
    assert not baseline.check("numbers", "quantulum3_tests", ours)


@pytest.mark.eval
def test_speed(recognizers):
    """Thousands of cases per second in one process (guard against a 10x slowdown on a busy box)."""
    gold = recognizers[0]
    start = time.perf_counter()
    list(numbers_task.predict(gold))
    rate = len(gold) / (time.perf_counter() - start)
    assert rate > 1000, f"{rate:.0f} cases/s"


# ------------------------------------------------------------------ the real-news check set
# tests/data/numdates_checks.jsonl: sentences written for this project in fr, en, es and de,
# modelled on the shapes of real news (money with scale suffixes, qualifiers, articles and names
# that are not numbers, scores and phone numbers, relative dates with and without a publication
# date, spans that are not points). Each row: lang, text, ref (publication date; default
# 2026-03-04, null = undated), q (exactly the quantities the statements table keeps, in order:
# v value, k kind, u unit, qual qualifier, high), d (dates that must be found: t text, v the
# start of its ISO value or null, g granularity) and not_d (texts that must not be dates).
CHECKS = Path(__file__).with_name("data") / "numdates_checks.jsonl"
DEFAULT_REF = date(2026, 3, 4)


def _check_rows() -> list[dict]:
    return [json.loads(line) for line in CHECKS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _check_problems(row: dict, nlp) -> list[str]:
    ref = row.get("ref", DEFAULT_REF.isoformat())
    doc = nlp.make_doc(row["text"])
    published = date.fromisoformat(ref) if ref else None
    doc._.article = {"id": "check", "lang": row["lang"], "published": published}
    doc = nlp(doc)
    problems = []
    if "q" in row:
        got = [s._.quantity for s in doc.spans["quantities"]]
        if [q.value for q in got] != pytest.approx([e["v"] for e in row["q"]]):
            problems.append(f"quantities {[(q.text, q.value) for q in got]} != {[e['v'] for e in row['q']]}")
        else:
            for q, e in zip(got, row["q"], strict=True):
                for key, attr in (("k", "kind"), ("u", "unit"), ("qual", "qualifier"), ("high", "high")):
                    if key in e and getattr(q, attr) != e[key]:
                        problems.append(f"{q.text!r}: {attr} {getattr(q, attr)!r} != {e[key]!r}")
                if doc.text[q.start:q.end] != q.text:
                    problems.append(f"{q.text!r}: offsets {q.start}-{q.end} do not give its text")
    dates = [s._.date for s in doc.spans["dates"]]
    for e in row.get("d", []):
        hits = [d for d in dates if e["t"] in d.text]
        if not hits:
            problems.append(f"no date {e['t']!r} in {[d.text for d in dates]}")
            continue
        d = hits[0]
        value = d.iso()
        if (e["v"] is None) != (value is None) or (value is not None and not value.startswith(e["v"])):
            problems.append(f"{d.text!r}: value {value} != {e['v']}")
        if "g" in e and d.granularity != e["g"]:
            problems.append(f"{d.text!r}: granularity {d.granularity} != {e['g']}")
    for t in row.get("not_d", []):
        if any(t in d.text for d in dates):
            problems.append(f"{t!r} is a date: {[(d.text, d.iso()) for d in dates if t in d.text]}")
    return problems


def test_check_set_covers_four_languages():
    rows = _check_rows()
    per_lang = {lang: sum(r["lang"] == lang for r in rows) for lang in ("fr", "en", "es", "de")}
    assert len(rows) >= 150 and min(per_lang.values()) >= 35, per_lang


@pytest.mark.parametrize("lang", ["fr", "en", "es", "de"])
def test_check_set_passes(lang):
    from pipeline import models

    nlp = models.load(lang).nlp
    failures = {}
    for row in _check_rows():
        if row["lang"] == lang:
            problems = _check_problems(row, nlp)
            if problems:
                failures[row["text"]] = problems
    assert not failures, "\n".join(f"{t}\n    " + "\n    ".join(p) for t, p in failures.items())


# ------------------------------------------------------------------ claims
@pytest.mark.parametrize("lang,text,claim", [
    ("en", "The port handled 4.2 million containers last year.", True),
    ("en", "LYON 12 7 3 2 20 11 24", False),  # a table row
    ("en", "Call 555-123-4567 for tickets.", False),  # a phone number
    ("en", "Karabatic (2/2)", False),  # a tally, no verb
    ("en", "The Boeing 737 landed safely in Denver.", False),  # an identifier
    ("en", "The driver, aged 63, was taken to hospital.", False),  # an age
    ("fr", "Il s'agit de la 14 e édition du festival.", False),  # a rank
    ("en", "The song was number one and sold 3 million copies.", True),  # 3 million is an amount
    ("en", "The band was number one for weeks.", False),  # a rank
    ("fr", "Au moins cinq hôpitaux ont été touchés depuis janvier.", True),
    ("fr", "Deux", False),  # no clause
    ("fr", "a 30 ans.", False),  # a fragment
])
def test_claims_need_a_clause_and_an_amount(fr, en, lang, text, claim):
    nlp = {"fr": fr, "en": en}[lang].nlp
    doc = nlp(text)
    kinds = [st.kind for st in doc._.statements]
    assert ("claim" in kinds) is claim, kinds


@pytest.mark.parametrize("lang", ["fr", "en", "es", "de"])
def test_no_qualifier_word_makes_a_number_negative(lang):
    from pipeline import lang as langdata

    qualifiers = langdata.load(lang)["quantities"]["qualifiers"]
    for kind, phrases in qualifiers.items():
        for phrase in phrases:
            text = f"{phrase} 40 personnes ont été évacuées."
            got = [q for q in counts(text, lang) if q.value == 40 or q.value == -40]
            assert got and got[0].value == 40 and got[0].qualifier == kind, (phrase, got)


def money(text: str, lang: str) -> list[tuple[float, str]]:
    return [(round(q.value, 6), q.text) for q in counts(text, lang) if q.kind == "money"]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The ticket was 7 dollars and 20 cents at the door.", [(7.2, "7 dollars and 20 cents")]),
    ("en", "A coffee now costs four dollars sixty.", [(4.6, "four dollars sixty")]),
    ("fr", "Le pain coûte deux euros et trente centimes.", [(2.3, "deux euros et trente centimes")]),
    ("fr", "Le ticket vaut 3 dollars et 40 cents.", [(3.4, "3 dollars et 40 cents")]),
    ("es", "La entrada cuesta 8 euros con 75.", [(8.75, "8 euros con 75")]),
    ("es", "El billete vale nueve dólares y diez centavos.", [(9.1, "nueve dólares y diez centavos")]),
    ("pt", "O bilhete custa 6 reais e 25 centavos.", [(6.25, "6 reais e 25 centavos")]),
    ("it", "Il pranzo costa dodici euro e dieci centesimi.", [(12.1, "dodici euro e dieci centesimi")]),
    ("de", "Das Brot kostet drei Euro und zwanzig Cent.", [(3.2, "drei Euro und zwanzig Cent")]),
    ("de", "Das kostet vier Euro neunzig.", [(4.9, "vier Euro neunzig")]),
    ("nl", "Het brood kost twee euro en veertig cent.", [(2.4, "twee euro en veertig cent")]),
    ("zh", "这本书八元五角", [(8.5, "八元五角")]),
    ("ja", "株価は3150円40銭で引けた。", [(3150.4, "3150円40銭")]),
    ("ko", "주가는 12 달러 30 센트로 올랐다.", [(12.3, "12 달러 30 센트")]),
])
def test_amount_in_units_and_subunits_is_one_amount(lang, text, expected):
    assert money(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "He paid 12 dollars 50 times over the year.", [12.0, 50.0]),  # a count follows, not cents
    ("en", "Tickets cost 15 dollars and 150 people came.", [15.0, 150.0]),  # not below 100 cents
    ("fr", "Il a payé 40 euros et environ 30 personnes sont venues.", [40.0, 30.0]),
    ("it", "Il titolo è salito di 12 centesimi.", [12.0]),  # cents, not 0.12
    ("fr", "322 cents", [32200.0]),  # French number grammar: 322 hundreds
])
def test_subunits_join_only_a_count_of_subunits(lang, text, expected):
    assert values(text, lang) == expected


def test_unit_models_count_numbers_glued_to_units():
    """The number model leaves "180ml" out; the dimension and temperature models read it."""
    recs = [{"id": "a", "lang": "en", "kind": "number", "input": "Pour 250ml of milk."},
            {"id": "b", "lang": "en", "kind": "dimension", "input": "Pour 250ml of milk."},
            {"id": "c", "lang": "es", "kind": "temperature", "input": "Hoy llegó a 38ºC."}]
    got = {p["id"]: [i["value"] for i in p["items"]] for p in numbers_task.predict(recs)}
    assert got == {"a": [], "b": [250.0], "c": [38.0]}


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "two hundred forty sevenths", 200 / 47),  # after "hundred", "forty sevenths" is the denominator
    ("fr", "deux cents quarante-septièmes", 200 / 47),
    ("en", "minus three hundred twenty ninths", -300 / 29),
    ("en", "one hundred and thirty-second", 132),  # with "and": an ordinal
    ("en", "thirty fifths", 6),  # no hundred before the tens: 30 / 5
    ("de", "hundertdreißig Fünftel", 26),  # glued: one number over five
])
def test_tens_and_fraction_word_after_hundred_make_the_denominator(lang, text, expected):
    got = [q.value for q in find_quantities(text, lang)]
    assert len(got) == 1 and abs(got[0] - expected) < 1e-9, got


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The fund raised 40 EUR million last year.", [(40e6, "40 EUR million")]),  # code, then scale word
    ("es", "La venta alcanzó 90 USD millones.", [(90e6, "90 USD millones")]),
    ("en", "The bill came to 89.90USD.", [(89.9, "89.90USD")]),  # a code glued to the digits
    ("nl", "Een kaartje kost 35元.", [(35.0, "35元")]),
    ("en", "Paid: $ 1,250.00 $ 3,400.50 in March", [(1250.0, "$ 1,250.00"), (3400.5, "$ 3,400.50")]),
])
def test_currency_codes_and_symbols_around_amounts(lang, text, expected):
    assert money(text, lang) == expected


def test_a_scale_word_after_a_currency_name_is_not_read_as_money_scale():
    assert money("It cost 40 dollars million.", "en") == [(40.0, "40 dollars")]


@pytest.mark.parametrize("text, expected", [("失業率は百分の四点五だった", 4.5), ("百分の12", 12.0)])
def test_japanese_hundredths_are_a_percentage(text, expected):
    (q,) = counts(text, "ja")
    assert (q.kind, q.value) == ("percent", expected)


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Seven twenty-fifths of the budget went to roads.", [7 / 25]),  # a count, then an ordinal
    ("en", "thirty twenty fifths", [30 / 25]),  # two tens: the second starts the denominator
    ("fr", "Les deux vingt-cinquièmes des voix sont allés au maire.", [2 / 25]),
    ("es", "cinco veintemilésimos", [5 / 20000]),  # a glued multiple of a thousandth: 20 x 1000
    ("pt", "sete dois milésimos", [7 / 2000]),
    ("it", "Ha ottenuto un ventunesimo dei voti.", [1 / 21]),  # an article with a complement after
    ("it", "quattro ventunesimi", [4 / 21]),
    ("nl", "vijf eenentwintigste", [5 / 21]),
    ("fr", "Il marque un vingt-cinquième but.", []),  # an article and an ordinal: a 25th goal
    ("it", "Ha chiuso al ventunesimo posto con un ventunesimo posto in classifica.", []),
    ("fr", "Les deux premiers tours sont passés.", [2]),  # not before "premier": the first two
])
def test_a_count_before_an_ordinal_is_a_fraction(lang, text, expected):
    assert values(text, lang) == [pytest.approx(v) for v in expected]
