"""The language data has one typed schema: base.toml. Unknown keys fail loudly, naming file and key."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from pipeline import lang
from pipeline.lang import BASE, LangDataError


def _copy(tmp_path: Path, code: str, edit) -> Path:
    path = tmp_path / f"{code}.toml"
    shutil.copy(lang.HERE / f"{code}.toml", path)
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return path


@pytest.mark.parametrize("code", lang.available())
def test_every_language_file_follows_the_schema(code):
    data = lang.read(lang.HERE / f"{code}.toml")
    assert {"attribution", "speakers", "quantities", "dates", "entities"} <= set(data)


def test_a_misspelled_key_is_rejected_with_file_key_and_remedy(tmp_path):
    path = _copy(tmp_path, "fr", lambda s: s.replace("\ncue_lemmas = ", "\ncue_lemas = ", 1))
    with pytest.raises(LangDataError) as err:
        lang.read(path)
    message = str(err.value)
    assert "fr.toml" in message and "`cue_lemas`" in message and "[attribution]" in message
    assert "Did you mean `cue_lemmas`?" in message and "base.toml" in message


def test_an_unknown_table_is_rejected(tmp_path):
    path = _copy(tmp_path, "de", lambda s: s + "\n[atribution]\ncue_forms = []\n")
    with pytest.raises(LangDataError, match=r"de\.toml: unknown key `atribution`.*`attribution`"):
        lang.read(path)


def test_a_value_of_the_wrong_type_is_rejected(tmp_path):
    path = _copy(tmp_path, "es", lambda s: s.replace("suffix_optional = true", 'suffix_optional = "yes"'))
    with pytest.raises(LangDataError, match=r"es\.toml: \[dates\] day_suffix_optional must be a boolean"):
        lang.read(path)


def test_shared_word_lists_expand_where_they_are_named(tmp_path):
    path = tmp_path / "xx.toml"
    path.write_text('[words]\nsay = ["dit", "déclare"]\n[attribution]\ncue_forms = ["@say", "ajoute"]\n'
                    '[entities]\ncue_forms = ["@say"]\n', encoding="utf-8")
    data = lang.read(path)
    assert data["attribution"]["cue_forms"] == ["dit", "déclare", "ajoute"]
    assert data["entities"]["cue_forms"] == ["dit", "déclare"]
    path.write_text('[attribution]\ncue_forms = ["@sai"]\n', encoding="utf-8")
    with pytest.raises(LangDataError, match=r"xx\.toml: \[attribution\] cue_forms uses @sai"):
        lang.read(path)


def test_no_shipped_list_names_a_word_twice_through_a_shared_list():
    """Where a language has [words], the words of a shared list appear nowhere else in the file."""
    for code in lang.available():
        raw = lang._read(lang.HERE / f"{code}.toml")
        for name, words in raw.get("words", {}).items():
            for section, table in raw.items():
                if section == "words":
                    continue
                for key, value in table.items():
                    if isinstance(value, list) and f"@{name}" in value:
                        twice = set(words) & {v for v in value if isinstance(v, str)}
                        assert not twice, f"{code}.toml [{section}] {key} repeats {sorted(twice)} of @{name}"


def test_a_key_without_default_is_declared_commented_out(tmp_path):
    base = tmp_path / "base.toml"
    base.write_text("[attribution]\n# min words\nmin_words = 4\n# unset = decided by the code\n"
                    "# fallback = true\n# the sentence = the unit (prose, not a key)\n", encoding="utf-8")
    path = tmp_path / "xx.toml"
    path.write_text("[attribution]\nfallback = false\n", encoding="utf-8")
    assert lang.read(path, base)["attribution"] == {"min_words": 4, "fallback": False}
    path.write_text("[attribution]\n", encoding="utf-8")
    assert "fallback" not in lang.read(path, base)["attribution"]  # absent stays absent
    path.write_text('[attribution]\nfallback = "yes"\n', encoding="utf-8")
    with pytest.raises(LangDataError, match="must be a boolean"):
        lang.read(path, base)


def undocumented_keys(text: str) -> list[str]:
    """Keys of base.toml with no comment on their line or on the line right above."""
    lines, section, depth, missing = text.splitlines(), None, 0, []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if depth:
            depth += line.count("[") - line.count("]")
            continue
        if m := re.match(r"^\[([\w.]+)\]", stripped):
            section = m.group(1)
            continue
        if (m := re.match(r"^([\w-]+)\s*=", stripped)) and section:
            value = stripped.split("=", 1)[1]
            depth = max(0, value.count("[") - value.count("]"))
            commented = "#" in line or (i > 0 and lines[i - 1].strip().startswith("#"))
            if not commented:
                missing.append(f"[{section}] {m.group(1)}")
    return missing


def test_base_toml_documents_every_key():
    assert undocumented_keys(BASE.read_text(encoding="utf-8")) == []


def test_the_documentation_check_finds_an_undocumented_key():
    assert undocumented_keys("[a]\n# known\nx = 1\ny = [\n  1,\n]\nz = 2  # doc\n") == ["[a] y"]


def test_base_toml_writes_sub_tables_inline():
    """`[attribution.cue_classes]` as a header swallows every key written after it: a key appended
    at the end of [attribution] lands inside the sub-table instead. In base.toml, where several
    branches append keys, a table-valued key is written inline (`cue_classes = {}`)."""
    headers = re.findall(r"^\[([\w-]+\.[\w.-]+)\]", BASE.read_text(encoding="utf-8"), flags=re.M)
    assert not headers, f"base.toml: write {headers} inline (key = {{}}), not as [a.b] headers"
