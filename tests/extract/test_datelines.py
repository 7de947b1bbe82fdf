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
