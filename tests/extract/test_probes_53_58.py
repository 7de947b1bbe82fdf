"""Mechanisms found on the probes 53-58 of tests/corpus_invented (a press release, an explainer with bullets, an
interview, a radio transcript, a West African daily with honorifics, a Lebanese daily). Invented sentences (no
article's wording, invented people), each with what it must find and a near miss it must not."""

import pytest

from _extracted import run_labels as run

pytestmark = pytest.mark.model


def typed(ents, type_):
    return {label for label, e in ents.items() if e.type == type_}


# ── civilities between a title and a name: « le Premier ministre, Monsieur X », « le Général X » ──────


def test_a_civility_between_a_title_and_its_name_keeps_the_title(nlp):
    ents, rels = run(nlp, "Ont pris part aux travaux le Premier ministre du Mali, Monsieur Oumar Kanouté-Sidibé, et le "
                          "ministre des Mines, Madame Awa Traoré-Ndiaye.")
    assert {"Oumar Kanouté-Sidibé", "Awa Traoré-Ndiaye"} <= typed(ents, "Minister")
    assert ("Oumar Kanouté-Sidibé", "ministerOf", "Mali") in rels
    # a name that is no apposition of the title keeps no title
    ents, rels = run(nlp, "Le Premier ministre du Mali a reçu hier Monsieur Oumar Kanouté-Sidibé, un homme d'affaires.")
    assert "Oumar Kanouté-Sidibé" not in typed(ents, "Minister")
    assert ("Oumar Kanouté-Sidibé", "ministerOf", "Mali") not in rels


def test_a_rank_or_an_excellency_is_no_part_of_the_name(nlp):
    ents, rels = run(nlp, "Le Président de la République de Guinée, le Général Sékou Bangoura-Kaba, est arrivé. Le chef "
                          "de l'État togolais, Son Excellence Monsieur Komlan Adjévi, l'accompagnait.")
    people = typed(ents, "Person")
    assert {"Sékou Bangoura-Kaba", "Komlan Adjévi"} <= people
    assert not any("Général" in p or "Excellence" in p for p in people), people
    assert ("Sékou Bangoura-Kaba", "nationality", "Guinée") in rels
    assert ("Komlan Adjévi", "nationality", "Togo") in rels
    # « la République de Guinée » with no title before it stays a country, and no person is made of it
    ents, _ = run(nlp, "La République de Guinée a voté le texte.")
    assert "Guinée" in typed(ents, "Country") and not typed(ents, "Person")


def test_a_title_and_a_surname_are_the_person_of_the_full_name(nlp):
    ents, _ = run(nlp, "Le chef de l'État togolais, Son Excellence Monsieur Komlan Adjévi, a ouvert la séance. Le "
                       "Président Adjévi a ensuite reçu la presse.")
    assert typed(ents, "Person") == {"Komlan Adjévi"}
    # with no full name to attach to, the surname is not merged with another person
    ents, _ = run(nlp, "Le chef de l'État togolais, Son Excellence Monsieur Komlan Adjévi, a ouvert la séance. Le "
                       "Président Doubé a ensuite reçu la presse.")
    people = typed(ents, "Person")
    assert "Komlan Adjévi" in people and len(people) == 2, people


def test_cheikh_after_another_honorific_is_a_first_name(nlp):
    ents, _ = run(nlp, "Le ministre de l'Hydraulique, Monsieur Cheikh Tidiane Faloumbé, était présent.")
    assert "Cheikh Tidiane Faloumbé" in typed(ents, "Minister")
    # alone before a name, « Cheikh » is an honorific
    ents, _ = run(nlp, "L'émir, le cheikh Hamad Al Moutawa, était présent.")
    assert not any(p.lower().startswith("cheikh") for p in typed(ents, "Person") | typed(ents, "Minister"))
