"""The rule table (kg.extract.rules.RULES): its order is sound, and it runs on a blank pipeline (no model)."""

from __future__ import annotations

import inspect

import pytest
import spacy

from kg.extract import extract, load_lexicon
from kg.extract.context import ArticleContext
from kg.extract.rules import FROM_PARSE, RULES, Rule, run_rules, unmet_needs
from kg.nlp.pipeline import add_components
from kg.nlp.reference import load_reference
from kg.records import Article, ENTITY_TYPES, RELATION_TYPES


@pytest.fixture(scope="module")
def nlp():
    return add_components(spacy.blank("fr"))


@pytest.fixture(scope="module")
def ctx(nlp):
    text = "La France et le Japon."
    return ArticleContext(nlp(text), Article("t", text), load_reference(), load_lexicon())


def test_every_need_is_provided_by_an_earlier_rule():
    assert unmet_needs(RULES) == []


def test_a_rule_moved_before_what_it_needs_is_reported():
    by_name = {r.name: r for r in RULES}
    moved = [by_name["main_summit"]] + [r for r in RULES if r.name != "main_summit"]
    assert ("main_summit", "summit_seq") in unmet_needs(moved)
    assert ("main_summit", "next_of") in unmet_needs(moved)


def test_rules_are_plain_functions_of_the_context_named_as_in_the_table():
    assert len({r.name for r in RULES}) == len(RULES)
    for rule in RULES:
        assert rule.function.__name__ == rule.name
        assert list(inspect.signature(rule.function).parameters) == ["ctx"]
        assert rule.function.__doc__, f"{rule.name}: no docstring"


def _names(rule: Rule) -> set[str]:
    return set(rule.needs) | set(rule.provides)


def test_needs_and_provides_name_context_fields_or_kinds_of_the_ontology(ctx):
    kinds = {"mentions": ENTITY_TYPES, "entities": ENTITY_TYPES, "relations": RELATION_TYPES}
    for rule in RULES:
        for name in _names(rule):
            kind, _, what = name.partition(":")
            if not what:
                assert hasattr(ctx, name), f"{rule.name}: {name!r} is not a field of ArticleContext"
            elif kind in kinds:
                assert what in kinds[kind], f"{rule.name}: {name!r}: unknown {kind[:-1]} type"
            else:
                assert kind == "attrs", f"{rule.name}: {name!r}"
    assert all(hasattr(ctx, name) for name in FROM_PARSE)


def test_the_shared_fields_exist_before_any_rule_runs(ctx):
    assert ctx.summit_seq == [] and ctx.next_of == {} and ctx.next_parent == {}
    assert ctx.main_summit is None and ctx.split_persons == [] and ctx.used_tokens == set()


def test_the_table_runs_on_a_blank_pipeline(nlp):
    text = "La France et le Japon ont signé un accord."
    ex = extract(nlp(text), Article("t", text))
    assert {e.key for e in ex.entities} == {"country/FRA", "country/JPN"}
    france = next(e for e in ex.entities if e.key == "country/FRA")
    assert [(ev.start, ev.end) for ev in france.evidence] == [(3, 9)]


def test_run_rules_runs_the_given_rules_only(nlp):
    text = "La France et le Japon."
    ctx = ArticleContext(nlp(text), Article("t", text), load_reference(), load_lexicon())
    run_rules(ctx, [r for r in RULES if r.name == "summits"])
    assert ctx.ents == {}
    run_rules(ctx, [r for r in RULES if r.name == "places_and_orgs"])
    assert set(ctx.ents) == {"country/FRA", "country/JPN"}
