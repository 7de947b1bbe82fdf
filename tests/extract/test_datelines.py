"""A dateline's place in capitals (« WHISTLER (Canada) – ») is a city named as a name, whether the NER
reads it as a place, as something else, or not at all; a headline in capitals is no place. Invented
dispatches."""

from __future__ import annotations

import pytest

from kg.extract.rules.places import place_label

from _extracted import run_labels

STORY = " (Canada) - Le sommet du G7 s'est ouvert lundi en présence du premier ministre canadien. Les dirigeants ont discuté du commerce."


def test_a_name_in_capitals_is_written_as_a_name():
    assert place_label("WHISTLER") == "Whistler"
    assert place_label("PORT-AU-PRINCE") == "Port-au-Prince"
    assert place_label("SAINT-JEAN-DE-LUZ") == "Saint-Jean-de-Luz"
    assert place_label("L'ÎLE-ROUSSE") == "L'Île-Rousse"
    assert place_label("Aurivel") == "Aurivel" and place_label("G7") == "G7"


@pytest.mark.model
@pytest.mark.parametrize("place", ["BANFF", "WHISTLER", "TOFINO"])  # read by the NER as nothing, a place, a name
def test_a_dateline_in_capitals_is_the_host_city(nlp, place):
    ents, rels = run_labels(nlp, place + STORY, published="2025-06-16")
    name = place.title()
    assert ents[name].type == "City"
    assert any(p == "hostCity" and o == name for _, p, o in rels), rels
    assert place not in ents  # not in capitals


@pytest.mark.model
def test_a_headline_in_capitals_is_no_place(nlp):
    ents, _ = run_labels(nlp, "UN SOMMET SOUS TENSION (ANALYSE) - Le sommet du G7 s'est ouvert lundi au Canada.",
                         published="2025-06-16")
    assert not [e for e in ents.values() if e.type == "City"], ents


@pytest.mark.model
@pytest.mark.parametrize("opening, agency, label", [
    ("HANOÏ, 12 mars 2026 (VNA) – ", "VNA", "VNA"),             # an acronym no reference data knows
    ("Genève (ats) - ", "ats", "Agence télégraphique suisse"),  # a known agency written in lower case
    ("TURKISTAN (Kazakhstan) (AA) - ", "AA", "AA"),            # after the country in brackets
])
def test_the_agency_after_a_dateline_is_an_organisation(nlp, opening, agency, label):
    ents, _ = run_labels(nlp, opening + "Le sommet du G7 s'est ouvert lundi. Les dirigeants ont discuté du commerce.",
                         published="2026-03-12")
    assert ents[label].type == "Organization", ents


@pytest.mark.model
def test_brackets_elsewhere_make_no_agency(nlp):
    # near misses: a country in brackets after the dateline, an acronym in brackets later in the story
    ents, _ = run_labels(nlp, "WHISTLER (Canada) - Le sommet du G7 s'est ouvert lundi. Plus tard, le groupe (TRG) - "
                              "une équipe de recherche - a publié un rapport.", published="2026-03-12")
    assert "TRG" not in ents and not [e for e in ents.values() if e.type == "Organization" and e.label == "Canada"], ents
