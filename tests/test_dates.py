"""Dates: rules + dateparser against the publication date, scored on the shared gold with the referee."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import date

import baseline
import pytest
from scaling import QUADRATIC_BOUND, growth

from pipeline.components.dates import find_dates
from pipeline.evaluate import dates as dates_eval

REF = date(2025, 12, 24)  # a Wednesday, the seed's publication date


def values(text: str, lang: str, ref: date = REF, **kw) -> dict[str, str]:
    return {d.text: d.value.isoformat() for d in find_dates(text, lang, ref, **kw) if d.value}


def test_seed_hier_and_ce_vendredi(corpus_dir):
    text = (corpus_dir / "fr" / "seed-000_7b3a8ad300d317d9.txt").read_text(encoding="utf-8")
    got = values(text, "fr")
    assert got["hier"] == "2025-12-23"
    # "Ce vendredi, l'entreprise a contredit ..." is past tense: the Friday before the Wednesday
    assert got["Ce vendredi"] == "2025-12-19"
    assert not any(t.strip().lower() in ("des", "je", "33,7") for t in got)


def test_seed_through_the_french_pipeline_uses_the_parse(fr, corpus_dir):
    text = (corpus_dir / "fr" / "seed-000_7b3a8ad300d317d9.txt").read_text(encoding="utf-8")
    doc = fr.nlp.make_doc(text)
    doc._.article = {"id": "seed", "published": REF, "lang": "fr"}
    doc = fr.nlp(doc)
    got = {s.text: s._.date for s in doc.spans["dates"]}
    assert got["hier"].value == date(2025, 12, 23)
    assert got["Ce vendredi"].value == date(2025, 12, 19) and got["Ce vendredi"].granularity == "day"


def test_tense_hint_picks_past_or_coming_weekday():
    assert values("vendredi", "fr", tense="past")["vendredi"] == "2025-12-19"
    assert values("vendredi", "fr", tense="future")["vendredi"] == "2025-12-26"
    # no parse: the language's tense cue words decide ("sera" future, "a" past)
    assert values("L'usine sera fermée vendredi.", "fr")["vendredi"] == "2025-12-26"
    assert values("L'usine a fermé vendredi.", "fr")["vendredi"] == "2025-12-19"
    assert values("L'usine fermera ce vendredi", "fr", tense="future")["ce vendredi"] == "2025-12-26"


@pytest.mark.parametrize("lang,text", [
    ("it", "Al giorno d'oggi pochi paesi hanno ancora un cinema."),
    ("it", "Oggigiorno il treno arriva con mezz'ora di ritardo."),
    ("pt", "Hoje em dia, metade dos moradores trabalha na cidade."),
    ("nl", "Vandaag de dag heeft bijna elk dorp een supermarkt."),
])
def test_the_present_in_general_is_no_day(lang, text):
    """ "Hoje em dia", "vandaag de dag": nowadays, not the publication day."""
    assert find_dates(text, lang, REF) == []


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Lo stadio è stato venduto il 9 luglio dello scorso anno.",
     {"il 9 luglio dello scorso anno": "2024-07-09"}),
    ("it", "La gara è prevista a marzo dell'anno prossimo.", {"marzo dell'anno prossimo": "2026-03-01"}),
])
def test_a_day_of_a_relative_year(lang, text, expected):
    assert values(text, lang) == expected


def test_locale_date_order():
    assert values("le 10/02/2017", "fr")["10/02/2017"] == "2017-02-10"
    assert values("on 10/02/2017", "en")["10/02/2017"] == "2017-10-02"


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "vendredi prochain et mardi dernier",
     {"vendredi prochain": "2026-01-02", "mardi dernier": "2025-12-23"}),
    ("de", "am vergangenen Dienstag und kommenden Freitag",
     {"vergangenen Dienstag": "2025-12-23", "kommenden Freitag": "2025-12-26"}),
    ("ko", "어제 지난 금요일 다음 주 화요일",
     {"어제": "2025-12-23", "지난 금요일": "2025-12-19", "다음 주 화요일": "2025-12-30"}),
    ("zh", "昨天和前天 下周三", {"昨天": "2025-12-23", "前天": "2025-12-22", "下周三": "2025-12-31"}),
    ("ja", "昨日と一昨日", {"昨日": "2025-12-23", "一昨日": "2025-12-22"}),
    ("en", "last Tuesday", {"last Tuesday": "2025-12-16"}),
])
def test_modifiers_and_relative_words(lang, text, expected):
    assert values(text, lang) == expected


def test_day_month_year_follows_the_tense_not_prefer_past():
    assert values("Le sommet aura lieu le 7 avril.", "fr")["le 7 avril"] == "2026-04-07"
    assert values("Le sommet a eu lieu le 7 avril.", "fr")["le 7 avril"] == "2025-04-07"


def test_language_without_a_data_file_uses_dateparser_locale_data():
    assert values("3 gün önce", "tr") == {"3 gün önce": "2025-12-21"}


def test_year_carried_over_from_an_earlier_full_date():
    got = values("Le 15 mars 2024, il a parlé. Le 3 avril, il est parti.", "fr")
    assert got["Le 3 avril"] == "2024-04-03"


def test_numbers_and_words_are_not_dates():
    assert find_dates("Je pense que des 33,7 millions de comptes, 3 000 ont fui.", "fr", REF) == []
    assert find_dates("You may go. 1,200 jobs and 3.5% growth.", "en", REF) == []


def test_range_and_granularity():
    [d] = find_dates("du 3 au 5 mars 2026", "fr", REF)
    assert (d.value, d.end_value, d.granularity) == (date(2026, 3, 3), date(2026, 3, 5), "range")
    [m] = find_dates("en mars 2024", "fr", REF)
    assert m.granularity == "month" and m.value.year == 2024


NOV14 = date(2025, 11, 14)  # a Friday


def mentions(text: str, lang: str, ref: date = NOV14) -> dict[str, tuple]:
    return {d.text: (d.iso(), d.granularity) for d in find_dates(text, lang, ref) if d.value}


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Le conseil a adopté jeudi un plan de 12 millions pour 2027.", "jeudi"),  # article, not the 1st
    ("fr", "Elle a voté mardi deux fois contre le projet.", "mardi"),            # a count of "fois"
    ("en", "The board approved on Monday a plan for the harbour.", "Monday"),
    ("de", "Der Rat beschloss am Montag ein neues Gesetz.", "Montag"),
])
def test_an_article_or_a_count_after_a_weekday_is_not_its_day(lang, text, expected):
    got = mentions(text, lang)
    assert expected in got and got[expected][1] == "day"
    assert date.fromisoformat(got[expected][0]) == find_dates(expected, lang, NOV14, tense="past")[0].value


def test_spelled_days_that_are_dates_stay_dates():
    assert mentions("Le premier mai, les syndicats ont défilé.", "fr")["premier mai"] == ("2025-05-01", "day")
    assert mentions("Volveré el martes once.", "es")["martes once"][0].endswith("-11")


@pytest.mark.parametrize("lang,text,key,expected", [
    ("en", "The new bridge will open next March.", "next March", "2026-03-01"),
    ("en", "Ticket sales collapsed last March.", "last March", "2025-03-01"),
    ("en", "The museum closed in March for repairs.", "in March", "2025-03-01"),
    ("fr", "Les travaux commenceront en mars prochain.", "en mars prochain", "2026-03-01"),
    ("fr", "La ligne a été inaugurée en mai dernier.", "en mai dernier", "2025-05-01"),
    ("de", "Die Brücke wurde im Mai eröffnet.", "im Mai", "2025-05-01"),
    ("de", "Die Halle soll im März nächsten Jahres öffnen.", "im März nächsten Jahres", "2026-03-01"),
    ("nl", "De brug ging in maart open.", "in maart", "2025-03-01"),
])
def test_weak_month_names_with_a_modifier_or_preposition(lang, text, key, expected):
    assert mentions(text, lang)[key] == (expected, "month")


def test_weak_month_names_alone_stay_words():
    assert mentions("Theresa May spoke and the next may be worse; they march on.", "en") == {}


def test_a_part_of_the_year_is_a_range_not_a_shift():
    got = mentions("Exports grew 5% in the first nine months of the year, against a year earlier.", "en")
    assert got["in the first nine months of the year"] == ("2025-01-01/2025-09-30", "range")
    assert got["a year earlier"] == ("2024-11-14", "year")  # a comparison year, not a day
    assert mentions("Sales rose in the first quarter of 2024.", "en")["in the first quarter of 2024"] == (
        "2024-01-01/2024-03-31", "range")
    assert mentions("Costs doubled in the last three months of 2024.", "en")[
        "in the last three months of 2024"] == ("2024-10-01/2024-12-31", "range")
    assert mentions("in den ersten sechs Monaten des Jahres", "de")["in den ersten sechs Monaten"] == (
        "2025-01-01/2025-06-30", "range")


def test_a_part_of_the_year_in_other_languages_and_tenses():
    assert mentions("Le trafic a progressé sur les neuf premiers mois de l'année.", "fr")[
        "neuf premiers mois de l'année"] == ("2025-01-01/2025-09-30", "range")
    assert mentions("Las ventas cayeron en los primeros seis meses de 2024.", "es")[
        "en los primeros seis meses de 2024"] == ("2024-01-01/2024-06-30", "range")
    [q] = find_dates("au premier trimestre", "fr", NOV14, tense="future")  # said in November: next year
    assert (q.iso(), q.granularity) == ("2026-01-01/2026-03-31", "range")
    [q] = find_dates("au premier trimestre", "fr", NOV14, tense="past")
    assert q.iso() == "2025-01-01/2025-03-31"
    assert mentions("before the thirty-first day of the month", "en") != {}  # a day, not a part


def test_a_score_before_a_weekday_is_not_part_of_the_date():
    assert mentions("Lyon a battu Nantes 3-1 dimanche.", "fr") == {"dimanche": ("2025-11-09", "day")}


def test_component_drops_numbers_inside_dates_and_clock_times(fr):
    doc = fr.nlp.make_doc("La séance du 4 mai 2026 commencera à 14h30 avec 250 élus.")
    doc._.article = {"id": "t", "published": NOV14, "lang": "fr"}
    doc = fr.nlp(doc)
    assert [s.text for s in doc.spans["quantities"]] == ["250"]


def _referee(referee, gold_path, pred_rows, tmp_path) -> dict:
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in pred_rows), encoding="utf-8")
    out = tmp_path / "score.json"
    subprocess.run([sys.executable, str(referee), "dates", str(gold_path), str(pred), "--json", str(out)],
                   check=True, capture_output=True)
    return json.loads(out.read_text(encoding="utf-8"))


def _subset(gold: list[dict], pred: list[dict], keep, path) -> tuple[list[dict], list[dict], object]:
    rows = [g for g in gold if keep(g)]
    ids = {g["id"] for g in rows}
    path.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in rows), encoding="utf-8")
    return rows, [p for p in pred if p["id"] in ids], path


@pytest.mark.eval
def test_recognizers_dev_meets_the_issue_targets(eval_dir, referee, tmp_path):
    gold_path = eval_dir / "dates" / "recognizers_dates_dev.jsonl"
    gold = [json.loads(line) for line in gold_path.open(encoding="utf-8")]
    list(dates_eval.predict(gold[::40]))  # build the lexicons outside the timing
    t = time.perf_counter()
    pred = list(dates_eval.predict(gold))
    rate = len(gold) / (time.perf_counter() - t)
    assert rate >= 500, rate
    score = _referee(referee, gold_path, pred, tmp_path)
    assert not baseline.check("dates", "recognizers_dev", score)  # per language (tests/baseline.toml)
    # French: 116 of its 190 day-level gold items have no ref_datetime (relative to an unknown
    # date); on the cases that carry one the target holds.
    _, sub_pred, sub = _subset(gold, pred, lambda g: g["lang"] == "fr" and g["ref_datetime"],
                               tmp_path / "fr.jsonl")
    assert not baseline.check("dates", "recognizers_dev_fr_dated", _referee(referee, sub, sub_pred, tmp_path))
    # the referee reports precision per language; all datetime_model cases at once:
    _, sub_pred, sub = _subset(gold, pred, lambda g: g["kind"] == "datetime_model", tmp_path / "model.jsonl")
    assert not baseline.check("dates", "recognizers_dev_datetime_model",
                              _referee(referee, sub, sub_pred, tmp_path))


@pytest.mark.eval
def test_dateparser_tests_meet_the_issue_target(eval_dir, referee, tmp_path):
    gold_path = eval_dir / "dates" / "dateparser_tests.jsonl"
    gold = [json.loads(line) for line in gold_path.open(encoding="utf-8")]
    score = _referee(referee, gold_path, list(dates_eval.predict(gold)), tmp_path)
    assert not baseline.check("dates", "dateparser_tests", score)


@pytest.mark.eval
def test_score_agrees_with_the_referee(eval_dir, referee, tmp_path):
    from pipeline.evaluate import scoring

    if not hasattr(scoring, "dates"):
        pytest.skip("pipeline.evaluate.scoring.dates is not ported yet")
    gold_path = eval_dir / "dates" / "dateparser_tests.jsonl"
    gold = [json.loads(line) for line in gold_path.open(encoding="utf-8")]
    pred = list(dates_eval.predict(gold))
    ours = dates_eval.score(gold, pred)
    theirs = _referee(referee, gold_path, pred, tmp_path)
    assert ours["ALL|ALL"] == theirs["ALL|ALL"]


# ------------------------------------------------------------------ no guess from the day of the run
def test_without_a_reference_relative_dates_stay_unresolved_and_absolute_ones_resolve():
    got = {d.text: d for d in find_dates(
        "The mayor said on Tuesday that the bridge would reopen next month; the council voted on "
        "3 March 2026.", "en", None)}
    assert got["Tuesday"].value is None and got["Tuesday"].granularity == "relative"
    assert got["next month"].value is None and got["next month"].granularity == "relative"
    assert got["3 March 2026"].value == date(2026, 3, 3)


# Runs newsfacts with date.today()/datetime.now() faked in every module that could read the clock
# (pipeline, dateparser, dateutil), after the English pipeline is loaded (C extensions keep the
# real classes: swapping the datetime module's own classes crashes them).
_FAKE_CLOCK = """
import datetime as _dt, runpy, sys, types
_day = _dt.date.fromisoformat(sys.argv.pop(1))
class _Date(_dt.date):
    @classmethod
    def today(cls):
        return cls(_day.year, _day.month, _day.day)
class _DateTime(_dt.datetime):
    @classmethod
    def now(cls, tz=None):
        return cls(_day.year, _day.month, _day.day, 12, tzinfo=tz)
    @classmethod
    def today(cls):
        return cls.now()
    @classmethod
    def utcnow(cls):
        return cls.now()
import dateparser, dateparser.search
from pipeline import cli, models
from pipeline.components.dates import find_dates
models.load("en")
find_dates("on Tuesday, 3 March", "en", _dt.date(2020, 1, 1))
fake = types.ModuleType("datetime")
fake.__dict__.update(vars(_dt))
fake.date, fake.datetime = _Date, _DateTime
for name, mod in list(sys.modules.items()):
    if not name.startswith(("pipeline", "dateparser", "dateutil")):
        continue
    for key, value in list(vars(mod).items()):
        if value is _dt.date:
            setattr(mod, key, _Date)
        elif value is _dt.datetime:
            setattr(mod, key, _DateTime)
        elif value is _dt:
            setattr(mod, key, fake)
if sys.argv[1] == "today":
    from pipeline.components import dates
    print(dates.date.today().isoformat(), dateparser.date.datetime.now().date().isoformat())
else:
    sys.argv[0] = "newsfacts"
    runpy.run_module("pipeline.cli", run_name="__main__")
"""


def _at(day: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", _FAKE_CLOCK, day, *args], capture_output=True, text=True,
                          timeout=600)


def test_an_undated_article_gives_the_same_tables_whatever_the_day_of_the_run(tmp_path):
    assert _at("2024-02-29", "today").stdout.split() == ["2024-02-29", "2024-02-29"]  # the fake clock works
    article = tmp_path / "undated.txt"
    article.write_text("The mayor said on Tuesday that the bridge would reopen next month.\n\n"
                       "The council said last week that it had voted on 3 March 2026 to close it.\n",
                       encoding="utf-8")
    outs = []
    for day in ("2024-02-29", "2031-11-05"):
        out = tmp_path / day
        run = _at(day, "extract", str(article), "-o", str(out), "--format", "jsonl", "--progress", "never")
        assert run.returncode == 0, run.stderr[-2000:]
        outs.append({name: (out / f"{name}.jsonl").read_text(encoding="utf-8")
                     for name in ("statements", "articles")})
    assert outs[0] == outs[1]
    rows = [json.loads(line) for line in outs[0]["statements"].splitlines()]
    dates = {d["text"]: d for r in rows for d in r["dates"]}
    assert dates["Tuesday"]["value"] is None and dates["Tuesday"]["granularity"] == "relative"
    assert dates["3 March 2026"]["value"] == "2026-03-03"
    anchors = [json.loads(line)["date_anchor"] for line in outs[0]["articles"].splitlines()]
    assert anchors == ["none"]


def test_reference_date_option_anchors_undated_articles(tmp_path):
    article = tmp_path / "undated.txt"
    article.write_text("The mayor said on Tuesday that the bridge would reopen next month.\n",
                       encoding="utf-8")
    out = tmp_path / "out"
    run = _at("2031-11-05", "extract", str(article), "-o", str(out), "--format", "jsonl",
              "--progress", "never", "--reference-date", "2026-03-05")
    assert run.returncode == 0, run.stderr[-2000:]
    art = json.loads((out / "articles.jsonl").read_text(encoding="utf-8"))
    assert (art["published"], art["date_anchor"]) == ("2026-03-05", "option")
    dates = {d["text"]: d["value"] for line in (out / "statements.jsonl").read_text().splitlines()
             for d in json.loads(line)["dates"]}
    assert dates["Tuesday"] == "2026-03-03"  # the Tuesday before a Thursday, said in the past


@pytest.mark.parametrize("header,expected,anchor", [
    ("Date: 3 mars 2026", date(2026, 3, 3), "header"),
    ("Date: Tue, 3 Mar 2026 08:00:00 +0100", date(2026, 3, 3), "header"),  # RFC 2822
    ("Datum: 12. Mai 2025", None, "none"),  # not a header key we read
    ("Date: 2026-01-02", date(2026, 1, 2), "header"),  # the strict formats first
    ("Date: yesterday", None, "none"),  # a relative header date is no anchor
])
def test_header_dates_through_dateparser(header, expected, anchor):
    from pipeline.sources import make_article

    art = make_article(f"{header}\n\nLe maire a parlé mardi.", path="x.txt")
    assert (art.published, art.date_anchor) == (expected, anchor)


# ------------------------------------------------------------------ spans, years and tense
MAR4 = date(2026, 3, 4)


@pytest.mark.parametrize("lang,text,key,value,kind", [
    ("en", "Unemployment has doubled in the last 10 years.", "in the last 10 years", "2016-03-04/2026-03-04",
     "date"),
    ("en", "He had not seen her in 40 years.", "in 40 years", None, "duration"),  # said in the past: how long
    ("en", "The forest could disappear in 40 years.", "in 40 years", "2066-03-04", "date"),
    ("fr", "Les prix ont augmenté de 5 % en un an.", "en un an", None, "duration"),
    ("fr", "Le pont rouvrira dans un an.", "dans un an", "2027-03-04", "date"),
    ("en", "Sales fell over the past two years.", "past two years", "2024-03-04/2026-03-04", "date"),
])
def test_spans_are_not_points_ahead(lang, text, key, value, kind):
    got = {d.text: d for d in find_dates(text, lang, MAR4)}
    assert got[key].kind == kind
    if value is not None:
        assert got[key].iso() == value


def test_a_year_beside_its_unit_is_that_year_not_a_count():
    got = {d.text: d for d in find_dates("A shekarar 2010 ne aka kafa kamfanin.", "ha", MAR4)}
    assert got["A shekarar 2010"].iso() == "2010-01-01"


def test_a_weekday_then_a_shift_after_a_comma_are_two_mentions():
    got = [d.text for d in find_dates("He arrived on Friday, after two days of travel.", "en", MAR4)]
    assert got[0] == "Friday" and "Friday, after two days" not in got


def test_the_nearest_tense_cue_decides_a_tie():
    # "said" (past) and "would" (future) tie: the cue next to the weekday wins
    got = values("The company said it would announce results on Thursday.", "en", MAR4)
    assert got["Thursday"] == "2026-03-05"


def test_a_carried_year_never_contradicts_the_tense():
    text = "Le plan court jusqu'en 2027. Le ministre a annoncé le 24 mars la fermeture du site."
    got = values(text, "fr", date(2026, 12, 10))
    assert got["le 24 mars"] == "2026-03-24"  # said in the past: not 2027-03-24


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The hearings are set for 3/14, 3/18 or 4/12.", {"3/14": "2026-03-14", "3/18": "2026-03-18",
                                                            "4/12": "2026-04-12"}),
    ("es", "Las audiencias serán el 14/3, 18/3 o 2/4.", {"14/3": "2026-03-14", "18/3": "2026-03-18"}),
    ("en", "Is it 3/14, 15 of March?", {"3/14": "2026-03-14", "15 of March": "2026-03-15"}),
    ("ja", "3月14日、3月18日、4月2日に会議があります。", {"3月14日": "2026-03-14", "3月18日": "2026-03-18"}),
])
def test_a_list_of_dates_is_one_mention_per_date(lang, text, expected):
    got = values(text, lang, MAR4)
    assert {k: got.get(k) for k in expected} == expected


def test_a_two_digit_year_after_a_comma_only_when_glued():
    assert values("on 08/12,15", "en", MAR4)["08/12,15"] == "2015-08-12"
    assert values("on 08/12, 2015", "en", MAR4)["08/12, 2015"] == "2015-08-12"


def test_listed_weekdays_are_separate_days():
    got = [d.text for d in find_dates("¿Puede el lun. mar. o miérc.?", "es", MAR4)]
    assert "lun. mar." not in got and "lun." in got


# shape -> [(lang, text, mention, expected day on the reference day MAR4)]: the date shapes whose
# test is a single lookup, in one table, each with sentences written for it
DATE_SHAPES = {
    "a_glued_duration_with_its_direction_is_one_shift": [
        ("ko", "그는 3년 2개월 10일 전에 회사를 떠났다.", "3년 2개월 10일 전에", "2022-12-25"),
        ("ko", "공사는 4주 후에 끝난다.", "4주 후에", "2026-04-01"),
        ("ko", "그들은 몇일 전에 만났다.", "몇일 전에", "2026-03-01"),
        ("ja", "工事は三週間後に終わります。", "三週間後", "2026-03-25"),
        ("ja", "彼は1年と5日前に引っ越した。", "1年と5日前", "2025-02-27"),
        ("ja", "数日前に発表された。", "数日前", "2026-03-01"),
        ("zh", "会议在两个月后举行。", "两个月后", "2026-05-04"),
    ],
    "an_nth_weekday_without_a_month_is_of_the_current_month": [
        ("en", "The council meets on the second Thursday.", "second Thursday", "2026-03-12"),
        ("nl", "De markt is de derde zaterdag open.", "derde zaterdag", "2026-03-21"),
        ("it", "Il mercato apre il primo lunedì.", "primo lunedì", "2026-03-02"),
        ("ko", "시장은 두 번째 토요일에 열린다.", "두 번째 토요일", "2026-03-14"),
        ("ja", "市場は第二土曜日に開かれます。", "第二土曜日", "2026-03-14"),
        ("ja", "来月の第1火曜日に会います。", "来月の第1火曜日", "2026-04-07"),
    ],
    "a_year_spelled_in_words_is_the_year_of_the_date": [
        ("en", "He was born on the third of March nineteen sixty four.", "third of March nineteen sixty four",
         "1964-03-03"),
        ("en", "It opened on May second, two thousand and nine.", "May second, two thousand and nine",
         "2009-05-02"),
        ("en", "The treaty was signed 8 July nineteen twenty one.", "8 July nineteen twenty one",
         "1921-07-08"),
        ("es", "Nació el once de mayo de mil novecientos setenta.", "once de mayo de mil novecientos setenta",
         "1970-05-11"),
        ("it", "Nacque il tre aprile millenovecentoquaranta.", "tre aprile millenovecentoquaranta",
         "1940-04-03"),
        ("nl", "Geboren op twaalf mei negentienhonderdvijftig.", "twaalf mei negentienhonderdvijftig",
         "1950-05-12"),
        ("fr", "Il est né le deux juin à dix neuf quarante cinq.", "deux juin à dix neuf quarante cinq",
         "1945-06-02"),
        ("ja", "二千年の九月十日に生まれた。", "二千年の九月十日", "2000-09-10"),
        ("zh", "两千零八年八月八日开幕。", "两千零八年八月八日", "2008-08-08"),
    ],
    "upcoming_and_most_recent_modifiers": [  # MAR4 is a Wednesday
        ("nl", "De winkel opent aanstaande vrijdag.", "aanstaande vrijdag", "2026-03-06"),
        ("nl", "De winkel opent volgende vrijdag.", "volgende vrijdag", "2026-03-13"),
        ("ko", "다가오는 토요일에 만나요.", "다가오는 토요일", "2026-03-07"),
        ("ko", "다가오는 수요일에 만나요.", "다가오는 수요일", "2026-03-11"),
        ("en", "The vote is this coming Monday.", "this coming Monday", "2026-03-09"),
        ("es", "Lo vimos el lunes pasado.", "lunes pasado", "2026-02-23"),
        ("es", "Lo vimos este lunes pasado.", "este lunes pasado", "2026-03-02"),
    ],
    "a_numeric_date_with_a_month_name": [
        ("en", "The file is dated 2019/14/Mar.", "2019/14/Mar.", "2019-03-14"),
        ("it", "Il verbale porta la data 14/mar/2019.", "14/mar/2019", "2019-03-14"),
        ("pt", "O contrato é de mar-14-2019.", "mar-14-2019", "2019-03-14"),
        ("fr", "Le registre indique mars-2019-14.", "mars-2019-14", "2019-03-14"),
    ],
    "a_spelled_ordinal_day_before_a_month": [
        ("en", "The fair opens on the twenty first of May.", "twenty first of May", "2026-05-21"),
        ("en", "It closes on the third of April.", "third of April", "2026-04-03"),
        ("nl", "De beurs opent op de eenendertigste mei.", "eenendertigste mei", "2026-05-31"),
        ("de", "Die Messe beginnt am dreiundzwanzigsten Mai.", "dreiundzwanzigsten Mai", "2026-05-23"),
        ("es", "La feria abre el segundo de mayo.", "segundo de mayo", "2026-05-02"),
        ("it", "La fiera apre il ventunesimo di maggio.", "ventunesimo di maggio", "2026-05-21"),
    ],
    "an_era_year_counts_from_the_era": [
        ("ja", "平成３０年４月１日に施行された。", "平成３０年４月１日", "2018-04-01"),
        ("ja", "令和元年五月一日に即位した。", "令和元年五月一日", "2019-05-01"),
        ("zh", "民國九十年三月五日成立。", "民國九十年三月五日", "2001-03-05"),
    ],
    "a_day_of_a_relative_month": [
        ("ja", "来月15日に発表します。", "来月15日", "2026-04-15"),
        ("zh", "下个月二十日开会。", "下个月二十日", "2026-04-20"),
        ("ko", "다음 달 3일에 만나요.", "다음 달 3일", "2026-04-03"),
    ],
    "a_year_before_1900_after_a_day_and_month": [
        ("en", "The charter was sealed on 15 June 1215.", "15 June 1215", "1215-06-15"),
        ("en", "The storming came on July 14, 1789.", "July 14, 1789", "1789-07-14"),
        ("nl", "De stad brandde op 7 oktober 1871.", "7 oktober 1871", "1871-10-07"),
    ],
    "an_iso_date_with_spaces": [
        ("en", "The filing is dated 2019 04 23.", "2019 04 23", "2019-04-23"),
        ("pt", "O registo de 2019 - 04 - 23 foi aprovado.", "2019 - 04 - 23", "2019-04-23"),
    ],
    "a_holiday_of_a_relative_year": [
        ("en", "The parade moves to Halloween of next year.", "Halloween of next year", "2027-10-31"),
        ("de", "Wir feiern Weihnachten im nächsten Jahr zu Hause.", "Weihnachten im nächsten Jahr",
         "2027-12-25"),
        ("ja", "来年のクリスマスに公開します。", "来年のクリスマス", "2027-12-25"),
    ],
    "day_then_a_number_is_a_day_of_the_month": [
        ("es", "La reunión será el jueves el día 12.", "jueves el día 12", "2026-03-12"),
        ("it", "La riunione sarà il giorno 12.", "giorno 12", "2026-03-12"),
    ],
    "a_shift_after_a_past_span_and_and_is_its_own_mention": [
        ("en", "Prices rose over the last 2 years and 3 days ago they fell.", "3 days ago", "2026-03-01"),
        ("es", "Subieron en los últimos 2 años y 3 días antes de hoy cayeron.", "3 días antes de hoy",
         "2026-03-01"),
    ],
    "a_month_as_a_number_after_the_day": [
        ("es", "Reservé la sala para el 14 del 5.", "el 14 del 5", "2026-05-14"),
        ("it", "La consegna è prevista il 14 del 5.", "il 14 del 5", "2026-05-14"),
        ("es", "Se casaron el 3 de 6 de 1980.", "el 3 de 6 de 1980", "1980-06-03"),
        ("ko", "그끄저께 도착했다.", "그끄저께", "2026-03-01"),
    ],
    "a_count_of_weekdays_from_now": [  # MAR4 is a Wednesday
        ("en", "The vote is three Fridays from now.", "three Fridays from now", "2026-03-20"),
        ("en", "It opened two Tuesdays ago.", "two Tuesdays ago", "2026-02-24"),
        ("nl", "De stemming is drie vrijdagen vanaf nu.", "drie vrijdagen vanaf", "2026-03-20"),
    ],
}
SHAPE_ROWS = [(shape, *row) for shape, rows in DATE_SHAPES.items() for row in rows]


@pytest.mark.parametrize("shape,lang,text,key,expected", SHAPE_ROWS,
                         ids=[f"{r[0]}-{r[1]}-{i}" for i, r in enumerate(SHAPE_ROWS)])
def test_date_shape(shape, lang, text, key, expected):
    assert values(text, lang, MAR4)[key] == expected


def test_a_month_marker_is_not_a_glued_unit():
    assert values("5월 3일 전에 신청하세요.", "ko", MAR4).get("5월 3일") == "2026-05-03"


def test_a_fifth_weekday_the_month_lacks_is_no_day():
    assert "fifth Wednesday" not in values("on the fifth Wednesday", "en", MAR4)  # March 2026 has four


def test_a_round_spelled_count_after_a_digit_day_is_not_a_year():
    got = values("On May 5, two thousand people marched.", "en", MAR4)
    assert got == {"May 5": "2026-05-05"}


@pytest.mark.parametrize("lang,text,key", [
    ("en", "Send the report by end of day.", "end of day"),
    ("es", "Lo enviarán al final del día.", "al final del día"),
    ("nl", "Het rapport komt aan het einde van de dag.", "aan het einde van de dag"),
    ("pt", "O relatório sai no final do dia.", "no final do dia"),
    ("fr", "Le rapport sera publié en fin de journée.", "en fin de journée"),
])
def test_the_end_of_the_day_is_the_reference_day(lang, text, key):
    assert values(text, lang, MAR4)[key] == "2026-03-04"


def test_a_unit_that_is_also_an_ordinal_stays_a_unit_after_a_count():
    assert values("Esperó un segundo de mayo a junio.", "es", MAR4).get("un segundo de mayo") != "2026-05-02"


@pytest.mark.parametrize("text,key,expected", [  # MAR4 is a Wednesday; English weeks start on Sunday
    ("The team returns in 3 days on Friday.", "in 3 days on Friday", "2026-03-06"),
    ("We meet Tuesday three weeks from now.", "Tuesday three weeks from now", "2026-03-24"),
    ("It reopens 2 weeks after Easter on Monday.", "2 weeks after Easter on Monday", "2026-04-20"),
])
def test_a_weekday_after_a_shift_is_that_weekday_of_the_week_reached(text, key, expected):
    assert values(text, "en", MAR4)[key] == expected


def test_a_number_below_1900_without_a_day_is_a_count():
    assert values("In May 1500 people came.", "en", MAR4) == {"In May": "2025-05-01"}


def test_a_count_of_days_stays_a_count():
    assert values("Dentro de 3 días, 12 personas", "es", MAR4).get("3 días") != "2026-03-12"


@pytest.mark.parametrize("text,key,expected", [
    ("工事は3週間で終わります。", "3週間で", "2026-03-25"),
    ("明後日から五日で完成します。", "明後日から五日", "2026-03-11"),
    ("昨日から2週間で結果が出ます。", "昨日から2週間で", "2026-03-17"),
    ("会議は10/9に開かれる。", "10/9", "2026-10-09"),  # month/day
])
def test_japanese_durations_counted_ahead_and_month_day(text, key, expected):
    assert values(text, "ja", MAR4)[key] == expected


def test_an_hour_after_kara_is_a_clock_time_not_a_duration():
    got = {d.text: d for d in find_dates("木曜日の18時から20時で予約します。", "ja", MAR4)}
    assert all("20時で" != t for t in got) and any(d.value == date(2026, 3, 5) for d in got.values())


def test_a_short_day_month_after_a_weekday_is_a_date():
    assert values("Can we talk on Thursday 4/9 with Bo?", "en", MAR4)["Thursday 4/9"] == "2026-04-09"
    assert values("Let's meet this Thursday 4.9 with Ann.", "en", MAR4)["this Thursday 4.9"] == "2026-04-09"
    assert "Friday, 2.5" not in " ".join(values("On Friday, 2.5 million people voted.", "en", MAR4))


@pytest.mark.parametrize("text,key,expected", [
    ("Am Rosenmontag 2024 zogen die Narren durch Köln.", "Rosenmontag 2024", "2024-02-12"),
    ("Die Fastenzeit beginnt am Aschermittwoch 2025.", "Aschermittwoch 2025", "2025-03-05"),
])
def test_german_carnival_days_count_from_easter(text, key, expected):
    assert values(text, "de", MAR4)[key] == expected


@pytest.mark.parametrize("text,key,expected", [
    ("全店が31日で閉店する。", "31日", "2026-03-31"),          # closes on the 31st, not in 31 days
    ("決定は9日以降に持ち越された。", "9日", "2026-03-09"),     # from the 9th on
    ("4月22日、26日、29日は休館した。", "26日", "2026-04-26"),  # a listed day takes the month before it
])
def test_japanese_days_in_news(text, key, expected):
    got = {d.text: d.iso() for d in find_dates(text, "ja", MAR4)}
    assert got.get(key) == expected


def test_a_glued_duration_said_in_the_past_is_a_span():
    [d] = [d for d in find_dates("売上は1年間で2倍になった。", "ja", MAR4) if "1年間" in d.text]
    assert d.kind == "duration"
    assert d.text == "1年間で"  # the count after it ("2倍") is not part of the date
    [d] = [d for d in find_dates("彼は5年間で120勝を挙げた。", "ja", MAR4) if "5年間" in d.text]
    assert (d.text, d.kind) == ("5年間で", "duration")


def test_a_loose_ordinal_is_not_part_of_a_date():
    got = [d.text for d in find_dates("It was signed on Oct. 21, 2011, the first of its kind.", "en", MAR4)]
    assert "Oct. 21, 2011" in got
    assert values("He won for the second this year.", "en", MAR4).get("this year") == "2026-03-04"


def test_english_day_one_is_not_the_first_of_the_month():
    assert values("We said so from Day 1.", "en", MAR4).get("Day 1") != "2026-03-01"


@pytest.mark.parametrize("text", ["Call +44 121-2019-2020 today.", "The part number is 227-04-05-2021."])
def test_digits_inside_a_phone_number_or_code_are_not_a_date(text):
    assert not any(d.text[:1].isdigit() for d in find_dates(text, "en", MAR4))


def test_a_season_of_two_years_is_still_a_date():
    assert any(d.text == "2014-15" for d in find_dates("the 2014-15 season", "en", MAR4))


def test_two_digit_years_with_an_apostrophe_or_a_month_name():
    assert values("Het verdrag van 5-3-'18 geldt nog.", "nl", MAR4)["5-3-'18"] == "2018-03-05"
    assert values("Dated 4-Jul-95 in the archive.", "en", MAR4)["4-Jul-95"] == "1995-07-04"


def test_dates_cost_is_linear_in_text_length():
    """Dates alone on 50k and 200k characters of dated news: a list search per month atom once
    made this quadratic (13 s at 400k characters, 0.5 s at 100k)."""
    def text(n: int) -> str:
        parts, i = [], 0
        while sum(map(len, parts)) < n:
            parts.append(f"Le {1 + i % 28} mars {2000 + i % 25}, {100 + i} logements ont été livrés; "
                         f"la vente du {1 + i % 27} juin a rapporté {i % 40 + 1} % de plus.\n\n")
            i += 1
        return "".join(parts)[:n]

    texts = {n: text(n) for n in (50_000, 200_000)}
    cost = growth(lambda n: find_dates(texts[n], "fr", MAR4), 50_000, 200_000)
    assert cost["ratio"] < QUADRATIC_BOUND, cost


def test_a_page_of_replaced_atoms_stays_linear():
    """ "Friday 7/6" and spelled years replace atoms; a page made of them must not cost a list
    rebuild per match (quadratic: 27 s for 5,000 sentences before, under 1 s now)."""
    cost = growth(lambda n: find_dates(
        "On Friday 7/6 we met in March two thousand and five. " * n, "en", MAR4), 1_000, 4_000)
    assert cost["ratio"] < QUADRATIC_BOUND, cost
