"""benchmarks/swap_names.py renames the people of a gold corpus consistently in text and gold."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "swap_names", Path(__file__).resolve().parents[2] / "benchmarks" / "swap_names.py")
swap_names = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(swap_names)


def test_people_are_renamed_in_text_and_gold_alike():
    text = "Le président Paul Durand est arrivé. M. Durand a parlé avec Anne Morel, puis Durand est reparti."
    gold = {"id": "x", "entities": [
        {"id": "d", "type": "Person", "name": "Paul Durand", "aliases": ["Durand"], "attrs": {"role": "président"}},
        {"id": "m", "type": "Minister", "name": "Anne Morel", "aliases": [], "attrs": {}},
        {"id": "f", "type": "Country", "name": "France", "aliases": [], "attrs": {}},
        {"id": "z", "type": "Person", "name": "Zelensky", "aliases": [], "attrs": {}},
    ], "relations": []}
    new_text, new_gold = swap_names.swap_article(text, gold, random.Random(3))
    names = {e["id"]: e["name"] for e in new_gold["entities"]}
    assert names["f"] == "France" and names["z"] == "Zelensky"  # not people of two words: kept
    assert names["d"] != "Paul Durand" and names["m"] != "Anne Morel"
    assert "Durand" not in new_text and "Morel" not in new_text
    assert new_text.count(names["d"]) == 1 and new_text.count(names["m"]) == 1
    surname = names["d"].split()[-1]
    assert new_text.count(surname) == 3  # the full name and the surname alone, twice
    assert new_gold["entities"][0]["aliases"] == [surname]
    assert gold["entities"][0]["name"] == "Paul Durand"  # the input is not changed


def test_cities_are_renamed_but_capitals_are_kept():
    text = "Le sommet de Séville s'est ouvert. À Séville, les dirigeants venus de Madrid ont signé. SÉVILLE — fin."
    gold = {"id": "x", "entities": [
        {"id": "s", "type": "City", "name": "Séville", "aliases": ["SÉVILLE"], "attrs": {}},
        {"id": "m", "type": "City", "name": "Madrid", "aliases": [], "attrs": {}},
        {"id": "v", "type": "City", "name": "palais des congrès de Séville", "aliases": [], "attrs": {}},
    ], "relations": []}
    new_text, new_gold = swap_names.swap_cities(text, gold, random.Random(1))
    names = {e["id"]: e["name"] for e in new_gold["entities"]}
    assert names["m"] == "Madrid" and "Madrid" in new_text  # a capital: the reference data knows them all
    assert names["s"] in swap_names.CITIES and "Séville" not in new_text
    assert new_text.count(names["s"]) == 2 and new_text.count(names["s"].upper()) == 1
    assert names["v"] == "palais des congrès de " + names["s"]  # the whole-word occurrence inside a venue too
