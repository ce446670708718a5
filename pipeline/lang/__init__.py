"""Per-language knowledge as data: `pipeline/lang/<code>.toml`, merged over `base.toml`.

Each file has one table per capability ([attribution], [speakers], [quantities], [dates],
[entities], ...). Code asks `load("fr")["attribution"]` and never branches on the language code,
so adding a language is adding a file (and a row in pipeline/data/catalog.toml).

`base.toml` is also the schema: every key a language file may use is written there, with its
default and one comment line. The loader rejects a key base.toml does not know (a misspelled
key used to be silently ignored, and the rule it fed silently off) and a value whose type differs
from base.toml's. A key whose absence means something (no default) is declared commented out,
`# key = example`, under its comment line: known and typed, but not merged into every language.
An item "@name" in a list stands for the words of [words] name (shared lists).
"""

from __future__ import annotations

import difflib
import os
import tomllib
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent
BASE = HERE / "base.toml"
WORDS = "words"  # the table of shared word lists
REF = "@"


class LangDataError(ValueError):
    """A language file that does not follow base.toml: the message names the file and the key."""


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _kind(value) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _unknown(name: str, where: str, key: str, known) -> LangDataError:
    close = difflib.get_close_matches(key, list(known), n=1)
    hint = f" Did you mean `{close[0]}`?" if close else ""
    return LangDataError(
        f"{name}: unknown key `{key}` in {where}.{hint} Every key a language file uses must be documented "
        f"in pipeline/lang/base.toml (its default and one comment line): fix the spelling or add it there.")


def check(data: dict, schema: dict, name: str) -> None:
    """Raise LangDataError on a table or key base.toml lacks, or a value of another type."""
    for section, table in data.items():
        if section not in schema or not isinstance(table, dict):
            raise _unknown(name, "the file (a table)", section, schema)
        if section == WORDS:
            _check_words(table, name)
            continue
        for key, value in table.items():
            if key not in schema[section]:
                raise _unknown(name, f"[{section}]", key, schema[section])
            want, got = _kind(schema[section][key]), _kind(value)
            if want != got:
                raise LangDataError(f"{name}: [{section}] {key} must be {want} (as in base.toml), not {got}")


def _check_words(table: dict, name: str) -> None:
    for key, value in table.items():
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise LangDataError(f"{name}: [{WORDS}] {key} must be a list of strings")


def expand(data: dict, name: str) -> dict:
    """Replace every "@name" item of a list by the words of [words] name."""
    words = data.get(WORDS, {})
    out = {}
    for section, table in data.items():
        if section == WORDS or not isinstance(table, dict):
            out[section] = table
            continue
        out[section] = {key: _expand_list(value, words, name, f"[{section}] {key}")
                        if isinstance(value, list) else value for key, value in table.items()}
    return out


def _expand_list(values: list, words: dict, name: str, where: str) -> list:
    if not any(isinstance(v, str) and v.startswith(REF) for v in values):
        return values
    out: list = []
    for v in values:
        if isinstance(v, str) and v.startswith(REF):
            if v[1:] not in words:
                raise LangDataError(f"{name}: {where} uses {v}, but [{WORDS}] has no list `{v[1:]}`")
            out.extend(words[v[1:]])
        else:
            out.append(v)
    return out


def _read(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def optional_keys(text: str) -> dict[str, dict]:
    """Keys declared commented out in base.toml (`# key = example`), by table: no default."""
    found: dict[str, dict] = {}
    section = None
    for line in (raw.strip() for raw in text.splitlines()):
        if line.startswith("[") and "]" in line:
            section = line[1:line.index("]")]
            continue
        key, eq, value = line.lstrip("#").strip().partition("=")
        key, value = key.strip(), value.strip()
        if not (section and line.startswith("#") and eq and value and key.replace("_", "a").isalnum()):
            continue
        try:
            found.setdefault(section, {})[key] = tomllib.loads(f"v = {value}")["v"]
        except tomllib.TOMLDecodeError:
            continue  # prose that happens to hold an "=", not a declaration
    return found


def schema(base: Path = BASE) -> dict:
    """Every known key with a value of its type: base.toml's keys and its commented-out ones."""
    known = _read(base)
    for section, keys in optional_keys(base.read_text(encoding="utf-8")).items():
        if isinstance(known.get(section), dict):
            known[section] = {**keys, **known[section]}
    return known


def read(path: Path, base: Path = BASE) -> dict:
    """A language file checked against base.toml, merged over it, shared lists expanded."""
    data = _read(path)
    check(data, schema(base), path.name)
    return expand(_merge(_read(base), data), path.name)


def ignored() -> set[str]:
    """Language files switched off by `NEWSFACTS_IGNORE_LANG_FILES=cs,ru` (or `all`): those
    languages run on the universal tier, to measure it on languages that have gold sets."""
    return {c.strip() for c in os.environ.get("NEWSFACTS_IGNORE_LANG_FILES", "").split(",") if c.strip()}


def has_file(code: str) -> bool:
    """Whether a language has its own data file (and it is not switched off)."""
    off = ignored()
    return code != "base" and (HERE / f"{code}.toml").exists() and code not in off and "all" not in off


def name(code: str) -> str:
    """The language's English name from the first line of its file ("# Czech ...")."""
    path = HERE / f"{code}.toml"
    first = path.read_text(encoding="utf-8").split("\n", 1)[0] if path.exists() else ""
    return first.lstrip("# ").split(" (")[0].split(";")[0].strip() or code


@cache
def load(code: str) -> dict:
    """The merged data for a language; unknown languages get the base data only."""
    path = HERE / f"{code}.toml"
    if has_file(code):
        return read(path)
    return _read(BASE)


def available() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.toml") if p.stem != "base")
