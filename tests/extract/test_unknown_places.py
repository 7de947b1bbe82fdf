"""Places the reference data does not know, read from « à » alone: the NER leaves the name unread or
takes it for a name of something (MISC). Found by renaming the cities of the corpora with invented
names (benchmarks/swap_names.py --cities); invented sentences, with near misses."""

from __future__ import annotations

import pytest

from _extracted import run_labels

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, place", [
    # the NER leaves « Ombreval » unread here
    ("Le président américain Donald Trump, qui avait rencontré Xi Jinping jeudi à Ombreval, a quitté la Corée "
     "du Sud avant la fin du sommet.", "Ombreval"),
    # … and takes « Castelmaris » for a MISC name
    ("La Chine accueillera le prochain sommet de l'APEC, en novembre 2026 à Castelmaris, a annoncé Xi Jinping.",
     "Castelmaris"),
])
def test_an_unknown_name_after_a_is_a_city(nlp, text, place):
    ents, _ = run_labels(nlp, text)
    assert place in ents and ents[place].type == "City", {k: e.type for k, e in ents.items()}


@pytest.mark.parametrize("text, name", [
    ("Le ministre a écrit à Dupont la semaine dernière. Jean Dupont a répondu jeudi.", "Dupont"),  # a person named
    ("Le président a rendu hommage à Mensah lors de la cérémonie.", "Mensah"),  # the NER's person
    ("Le sommet a envoyé un message à l'OTAN et à Bruxelles.", "OTAN"),
])
def test_a_person_or_a_body_after_a_is_not_a_city(nlp, text, name):
    ents, _ = run_labels(nlp, text)
    assert not [label for label, e in ents.items() if e.type == "City" and name in label]


@pytest.mark.parametrize("text, place", [
    # the NER takes « Montbrisac » for a person in both
    ("Montbrisac accueillera lundi et mardi une conférence internationale sur la reconstruction du Soudan.",
     "Montbrisac"),
    ("Le président brésilien est arrivé de Montbrisac, où se tient la COP30.", "Montbrisac"),
])
def test_an_unknown_name_the_sentence_says_is_a_place_is_a_city(nlp, text, place):
    ents, _ = run_labels(nlp, text)
    assert place in ents and ents[place].type == "City", {k: e.type for k, e in ents.items()}


def test_a_person_of_the_article_who_hosts_is_no_city(nlp):
    text = "Le président Kofi Mensah a ouvert le sommet. Mensah accueillera la prochaine conférence en 2026."
    ents, _ = run_labels(nlp, text)
    assert not [label for label, e in ents.items() if e.type == "City"]


@pytest.mark.parametrize("text, place", [
    # one NER place « port de Montbrisac »
    ("Le président, qui a visité mardi matin le port de Montbrisac avec le chancelier, a promis de revenir.",
     "Montbrisac"),
    ("La maire de Aurivel, Ilona Marek, se réjouit de l'arrêt du train.", "Aurivel"),
])
def test_a_name_after_a_noun_only_a_town_has_is_a_city(nlp, text, place):
    ents, _ = run_labels(nlp, text)
    assert place in ents and ents[place].type == "City", {k: e.type for k, e in ents.items()}


def test_a_person_of_the_article_after_a_town_noun_is_no_city(nlp):
    text = "Le président Jean Dupont a parlé jeudi. La ville de Dupont n'a pas répondu."
    ents, _ = run_labels(nlp, text)
    assert not [label for label, e in ents.items() if e.type == "City"]
