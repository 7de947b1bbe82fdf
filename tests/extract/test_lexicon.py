"""The rules' data (ontology/data/lexicon.json, rules.json, patterns.json): typed, complete, every entry used;
the trigger patterns on a blank pipeline (no model)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import spacy

import kg.extract
from kg.errors import KgError
from kg.extract.lexicon import Lexicon, confidence, confidence_table, load_lexicon
from kg.nlp.pipeline import TRIGGERS_KEY, add_components, trigger_spans

from _paths import ROOT

EXTRACT = Path(kg.extract.__file__).parent
SOURCES = "\n".join(p.read_text(encoding="utf-8") for p in sorted(EXTRACT.rglob("*.py")))


@pytest.fixture(scope="module")
def nlp():
    return add_components(spacy.blank("fr"))


def test_lexicon_json_has_exactly_the_fields_of_the_lexicon():
    data = json.loads((ROOT / "ontology/data/lexicon.json").read_text(encoding="utf-8"))
    assert Lexicon.from_json(data) == load_lexicon()


@pytest.mark.parametrize("change, message", [
    (lambda d: d.pop("venue_nouns"), "missing keys ['venue_nouns']"),
    (lambda d: d.update(venue_noun=["parc"]), "unknown keys ['venue_noun']"),
])
def test_a_lexicon_with_a_missing_or_unknown_key_is_refused_clearly(change, message):
    data = json.loads((ROOT / "ontology/data/lexicon.json").read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(KgError, match=re.escape(message)):
        Lexicon.from_json(data)


def test_every_word_list_is_read_by_a_rule():
    unused = [name for name in Lexicon.__dataclass_fields__ if not re.search(rf"\blex\.{name}\b|\(\)\.{name}\b", SOURCES)]
    assert unused == []


def test_every_confidence_used_is_in_the_table_and_every_entry_is_used():
    used = set(re.findall(r'confidence\("(\w+)"\)', SOURCES))
    table = set(confidence_table())
    assert used - table == set()
    assert table - used == set()
    assert all(0 < v <= 1 for v in confidence_table().values())


def test_an_unknown_evidence_kind_is_a_clear_error():
    assert confidence("role_phrase") == 0.9
    with pytest.raises(KgError, match="no confidence for evidence kind 'role_phrse'"):
        confidence("role_phrse")


def test_no_confidence_is_written_in_the_rules():
    rules = "\n".join(p.read_text(encoding="utf-8") for p in sorted((EXTRACT / "rules").glob("*.py")))
    code = [line for line in rules.splitlines() if not line.strip().startswith(("#", '"'))]
    assert [line for line in code if re.search(r"(conf=|, )0\.\d+\)", line)] == []


@pytest.mark.parametrize("text, label, spans", [
    ("La start-up française Lumen a levé des fonds.", "COMPANY", [(1, 4)]),
    ("La jeune pousse Lumen et le fabricant Orbis.", "COMPANY", [(1, 3)]),  # one-word nouns: lexicon.json
    ("Une start - up de Paris.", "COMPANY", []),  # spaced: not the word « start-up »
    ("Côté allemand, le ministre a parlé.", "SIDE_OF_COUNTRY", [(0, 1)]),
    ("Du côté italien, rien.", "SIDE_OF_COUNTRY", [(0, 2), (1, 2)]),  # the rule keeps those opening a sentence
])
def test_trigger_patterns(nlp, text, label, spans):
    doc = nlp(text)
    found = [(s, e) for lab, s, e in trigger_spans(doc) if lab == label]
    assert found == spans
    assert sorted((s.start, s.end) for s in doc.spans[TRIGGERS_KEY] if s.label_ == label) == spans
    # a Doc parsed without the kg_triggers component: the same patterns, matched when asked
    del doc.spans[TRIGGERS_KEY]
    assert [(s, e) for lab, s, e in trigger_spans(doc) if lab == label] == spans


def test_a_key_given_twice_in_a_data_file_is_an_error():
    import json

    from kg.errors import KgError
    from kg.extract.lexicon import _no_duplicates

    assert json.loads('{"a": [1], "b": {"c": 2}}', object_pairs_hook=_no_duplicates("x.json")) == {"a": [1], "b": {"c": 2}}
    with pytest.raises(KgError, match="'a' appears twice"):
        json.loads('{"a": [1], "b": 2, "a": [3]}', object_pairs_hook=_no_duplicates("x.json"))
