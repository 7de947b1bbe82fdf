"""Which summit a summit is across articles (kg.extract.rules.identity): « le sommet du G20 » of two
years are two nodes, of two articles of the same year one; « le prochain sommet » of an article is
that article's summit's next edition, never another article's; a summit named by its city, its
number or its edition keeps the key its name gives. Invented articles."""

from __future__ import annotations

import pytest

from _extracted import run

pytestmark = pytest.mark.model

G20 = ("Les dirigeants du G20 se sont réunis mardi pour le sommet du G20. Le président kényan William Ruto "
       "a participé au sommet du G20. Le prochain sommet du G20 aura lieu l'an prochain.")


def _summits(ents):
    return {k: e for k, e in ents.items() if e.type == "Summit"}


def test_the_same_name_in_two_years_is_two_summits_and_in_one_year_one(nlp):
    a, _ = run(nlp, G20, published="2022-11-15")
    b, _ = run(nlp, G20, published="2025-11-22")
    c, _ = run(nlp, G20.replace("mardi", "mercredi"), published="2025-11-23")
    main = [k for k, e in _summits(a).items() if e.label == "sommet du G20"]
    assert main == ["summit/sommet-du-g20-2022"]
    assert "summit/sommet-du-g20-2025" in _summits(b) and "summit/sommet-du-g20-2025" in _summits(c)
    assert not set(_summits(a)) & set(_summits(b))  # nothing in common between the two years


def test_a_next_edition_named_relative_to_the_summit_belongs_to_it(nlp):
    ents, rels = run(nlp, G20, published="2025-11-22")
    nxt = [k for k, e in _summits(ents).items() if e.label.lower().startswith("prochain")]
    assert nxt == ["summit/sommet-du-g20-2025-next"]
    assert ("summit/sommet-du-g20-2025", "nextEdition", nxt[0]) in rels
    other, _ = run(nlp, "Le sommet de la CEDEAO s'est ouvert jeudi. Le prochain sommet aura lieu à Lomé.",
                   published="2025-06-19")
    assert not set(_summits(other)) & set(_summits(ents))  # another article's « prochain sommet »: another node


def test_a_city_a_number_or_an_edition_says_which_summit_already(nlp):
    text = ("Le sommet de Tallinn s'est ouvert jeudi. La COP31 se tiendra en novembre. "
            "Le 12e sommet de l'Alliance solaire s'est achevé mercredi.")
    for year in ("2023", "2026"):
        ents, _ = run(nlp, text, published=f"{year}-06-01")
        keys = set(_summits(ents))
        assert {"summit/sommet-de-tallinn", "summit/cop31"} <= keys, keys
        assert not any(k.endswith(year) for k in keys), keys


def test_a_summit_without_a_date_or_a_year_keeps_its_key(nlp):
    ents, _ = run(nlp, G20, published=None)
    assert "summit/sommet-du-g20" in _summits(ents)
