"""A generated English news set for `make bench`: the shared corpora have no English articles.

Articles are assembled from news-like sentences (quotes, reported speech, "according to",
figures, dates, and plain narration) with people, organisations and places drawn at random,
from a fixed seed, so every run measures the same text. The share of narration is set so that
there is about one statement per 30 words, as in the English news of PolNeAR (2,192 gold
attributions in 67,609 words of attribution/polnear_en/dev.jsonl): the attribution component's
cost grows with the number of cues. It is a speed workload, not a quality set.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

PEOPLE = ["Maria Gonzalez", "John Carter", "Aiko Tanaka", "Peter Novak", "Fatima Haddad", "Liam O'Brien",
          "Sophie Laurent", "David Kim", "Grace Mensah", "Oliver Schmidt", "Elena Petrova", "Ravi Patel"]
TITLES = ["the finance minister", "the company's chief executive", "a senior official", "the mayor",
          "the union leader", "a spokeswoman for the ministry", "the central bank governor"]
ORGS = ["the European Commission", "Acme Corp", "the World Health Organization", "Northwind Airlines",
        "the Federal Reserve", "Global Shipping Ltd", "the city council", "the Red Cross", "BlueSky Energy"]
PLACES = ["Brussels", "Chicago", "Nairobi", "Osaka", "Lyon", "Toronto", "Manila", "Lagos", "Hamburg"]
CUES = ["said", "told reporters", "announced", "warned", "added", "insisted", "claimed", "argued"]
DAYS = ["on Monday", "on Tuesday", "last week", "yesterday", "on March 3", "in January", "on 12 May 2025",
        "earlier this month", "next year", "in the second quarter"]
REPORTED = 0.3  # share of sentences with reported speech: about one statement per 30 words
UNITS = ["jobs", "people", "dollars", "tonnes", "passengers", "homes", "accounts", "euros"]

SENTENCES = [
    '"{quote}," {person} {cue}.',
    "{person}, {title}, {cue} that {claim}.",
    "According to {org}, {claim}.",
    "{org} {cue} {day} that {claim}.",
    '"{quote}," {cue2} {title}, who asked not to be named.',
    "The figures were published {day} in {place}, where {number} {unit} were affected.",
    "{person} {cue} the plan would cost {money} and create {number} {unit}.",
    "Officials in {place} {cue} {day} that about {number} {unit} had been counted.",
    "{title_cap} said the decision, taken {day}, was final.",
    "In {place}, residents met {day} to discuss the proposal, which has divided the town.",
]
NARRATION = [
    "The building on the corner of the main square was finished in {day_plain}.",
    "Traffic in {place} was slow for most of the morning, and several roads were closed.",
    "The proposal includes new rules for small businesses and a review of local taxes.",
    "{org} has offices in {place} and employs {number} {unit} across the region.",
    "Shares in the sector rose slightly in early trading before falling back by the afternoon.",
    "The report runs to more than 200 pages and covers the last three years of spending.",
    "Heavy rain fell across the north of the country, flooding fields and several villages.",
    "The committee will meet again {day} to vote on the final text of the agreement.",
    "Schools in {place} reopened after the holiday with new timetables for older pupils.",
    "Construction of the new line began {day} and is expected to take four years.",
]
CLAIMS = ["the economy grew by {pct} percent", "{number} {unit} were lost", "prices would rise again",
          "the project was delayed until {day_plain}", "the talks had failed", "sales fell {pct}%",
          "more than {number} {unit} were at risk", "the deal was worth {money}"]
QUOTES = ["We will not accept this", "This is a very difficult moment for everyone",
          "Our numbers show a clear improvement", "Nobody expected the crisis to last this long",
          "We have done everything we could", "The government must act now"]


def _fill(rng: random.Random, template: str) -> str:
    values = {
        "person": rng.choice(PEOPLE), "title": rng.choice(TITLES), "org": rng.choice(ORGS),
        "place": rng.choice(PLACES), "cue": rng.choice(CUES), "cue2": rng.choice(["said", "added"]),
        "day": rng.choice(DAYS), "day_plain": rng.choice(["June", "next spring", "2027"]),
        "unit": rng.choice(UNITS), "number": f"{rng.randint(2, 950) * 100:,}",
        "pct": f"{rng.randint(1, 99) / 10}",
        "money": rng.choice(["$4.5 million", "12 billion euros", "$300,000", "£2.1bn"]),
        "quote": rng.choice(QUOTES),
    }
    values["title_cap"] = values["title"][0].upper() + values["title"][1:]
    values["claim"] = rng.choice(CLAIMS).format(**values)
    return template.format(**values)


def articles(n: int, seed: int = 7, paragraphs: tuple[int, int] = (5, 9)) -> list[dict]:
    """`n` articles of about 150-300 words each, the same for the same seed."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        paras = []
        for _ in range(rng.randint(*paragraphs)):
            paras.append(" ".join(_fill(rng, rng.choice(SENTENCES if rng.random() < REPORTED else NARRATION))
                                  for _ in range(rng.randint(1, 3))))
        out.append({"id": f"bench-en-{i:05d}", "lang": "en", "date": f"2025-{rng.randint(1, 12):02d}-15",
                    "text": "\n\n".join(paras)})
    return out


def write(path: Path, n: int) -> Path:
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles(n)), encoding="utf-8")
    return path
