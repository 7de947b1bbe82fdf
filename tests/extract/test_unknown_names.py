"""Names the NER misses, which the rules still read as people: before a title in apposition
(« à Bruxelles Zeynep Quispe, le président du Conseil européen, »), a surname alone after a title
when the article gives the full name. Found by swapping the people of real articles for invented
names; invented sentences, with near misses."""

from __future__ import annotations

import pytest

from _extracted import run_labels

pytestmark = pytest.mark.model


def test_a_name_the_ner_misses_before_a_title_in_apposition_is_a_person(nlp):
    # the NER tags no entity on « Zeynep Quispe » here (its tagger takes « Zeynep » for a verb)
    text = ("Le sommet s'est ouvert à Bruxelles. L'UE a décidé d'ouvrir des négociations, a annoncé jeudi à "
            "Bruxelles Zeynep Quispe, le président du Conseil européen.")
    ents, rels = run_labels(nlp, text)
    assert ents["Zeynep Quispe"].type in ("Person", "Minister")
    assert ("Zeynep Quispe", "affiliation", "Conseil européen") in rels


@pytest.mark.parametrize("text", [
    "Le sommet s'est ouvert à Bruxelles. Hier, le président du Conseil européen a annoncé un accord.",
    "Le sommet s'est ouvert à Bruxelles. Chez Air Liberté, le PDG Ben Sorel a annoncé un accord.",
    "Le sommet s'est ouvert à Bruxelles. Au nom de la Grande-Bretagne, la ministre a annoncé un accord.",
])
def test_no_name_before_a_title_from_other_capitalised_words(nlp, text):
    ents, _ = run_labels(nlp, text)
    people = {label for label, e in ents.items() if e.type in ("Person", "Minister")}
    assert people <= {"Ben Sorel"}, people


def test_a_surname_alone_after_a_title_is_the_full_name_of_the_article(nlp):
    # the NER leaves « Oyelaran » alone untagged; « Marta Oyelaran » later is a PER
    text = ("Le président brésilien Oyelaran a lancé jeudi un fonds pour les forêts tropicales. « C'est un jour "
            "historique », a déclaré Marta Oyelaran lors de la conférence de Belém.")
    ents, rels = run_labels(nlp, text)
    assert [label for label, e in ents.items() if e.type in ("Person", "Minister")] == ["Marta Oyelaran"]
    assert any(p == "announcedBy" and o == "Marta Oyelaran" for _, p, o in rels), rels


def test_a_title_before_the_next_name_of_a_list_is_that_name_s_whatever_its_first_word(nlp):
    # the tagger takes « Zeynep » for a verb: the chancellor's title is still Zeynep Valdés's, not Leïla Oyelaran's
    text = ("Le sommet s'est ouvert à Grenade. Le Premier ministre arménien Mei Benali doit y rencontrer le président "
            "français Leïla Oyelaran, le chancelier allemand Zeynep Valdés et le président du Conseil européen "
            "Dario Sandoval.")
    ents, rels = run_labels(nlp, text)
    assert ("Zeynep Valdés", "ministerOf", "Allemagne") in rels
    assert not any(s == "Leïla Oyelaran" and o == "Allemagne" for s, _, o in rels), rels
    assert ents["Leïla Oyelaran"].type == "Person"


@pytest.mark.parametrize("body", ["Confédération", "Commission"])
def test_a_title_holder_glued_to_a_body_s_head_noun_is_a_person(nlp, body):
    # the NER reads « Confédération Zeynep Nakamura » as one place, « Commission Zeynep Nakamura » as one body
    text = (f"Le sommet s'est ouvert à Berne. Les invités seront accueillis par la présidente de la {body} "
            "Zeynep Nakamura et le conseiller fédéral Ignazio Cassis.")
    ents, _ = run_labels(nlp, text)
    assert ents["Zeynep Nakamura"].type in ("Person", "Minister")
    assert not any("Nakamura" in label for label, e in ents.items() if e.type in ("Organization", "City")), ents


def test_a_body_named_after_a_title_keeps_its_name(nlp):
    # no title holder glued: « la Commission Jeunesse Rurale » stays one body
    ents, _ = run_labels(nlp, "Le sommet s'est ouvert à Berne. La présidente de la Commission Jeunesse Rurale a parlé.")
    assert not any(e.type in ("Person", "Minister") and "Jeunesse" in label for label, e in ents.items()), ents


def test_a_title_holder_glued_to_a_company_s_name_is_a_person_of_that_company(nlp):
    # the NER reads « OpenAI Aylin Marek » as one name of something
    ents, rels = run_labels(nlp, "Le sommet réunit les cofondateurs d’OpenAI Aylin Marek et Nadia Valdés.")
    assert ents["OpenAI"].type == "Organization"
    assert {("Aylin Marek", "affiliation", "OpenAI"), ("Nadia Valdés", "affiliation", "OpenAI")} <= rels


def test_a_minister_s_portfolio_before_the_name_is_no_body(nlp):
    ents, _ = run_labels(nlp, "La COP29 a été ouverte par le ministre azerbaïdjanais de l’Écologie Moukhtar Babaïev.")
    assert ents["Moukhtar Babaïev"].type == "Minister"
    assert not any(e.type == "Organization" for e in ents.values()), ents
