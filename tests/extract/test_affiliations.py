"""Affiliations read from forms the title rules did not cover: titles paired with names in order
(plural titles, « respectivement »), an organisation named again by its head noun after a title
(« de l'organisation », « du Fonds »), appointments (« nommée à la tête de »), « les rênes de », and a
body in apposition (« X, de la Banque mondiale, »). Invented people, each with a near miss."""

from __future__ import annotations

import pytest

from _extracted import run_labels

pytestmark = pytest.mark.model

LEAD = "Le sommet du G20 s'est ouvert lundi à Lima. "


def affiliations(nlp, text):
    _, rels = run_labels(nlp, LEAD + text)
    return {(s, o) for s, p, o in rels if p == "affiliation"}


def test_a_plural_title_pairs_names_and_organisations_in_order(nlp):
    found = affiliations(nlp, "Les dirigeants de l'ONU et du FMI, Tomas Ferreira et Ilona Marek, ont salué l'accord.")
    assert found == {("Tomas Ferreira", "Nations unies"), ("Ilona Marek", "Fonds monétaire international")}


def test_a_plural_title_with_one_organisation_gives_it_to_each_name(nlp):
    found = affiliations(nlp, "Les commissaires de l'Union africaine, Tomas Ferreira et Ilona Marek, ont salué l'accord.")
    assert found == {("Tomas Ferreira", "Union africaine"), ("Ilona Marek", "Union africaine")}


def test_respectively_pairs_names_and_titles_in_order(nlp):
    found = affiliations(nlp, "Tomas Ferreira et Ilona Marek, respectivement secrétaire général de l'ONU et "
                              "directrice du FMI, ont salué l'accord.")
    assert found == {("Tomas Ferreira", "Nations unies"), ("Ilona Marek", "Fonds monétaire international")}


def test_respectively_needs_as_many_titles_as_names(nlp):
    found = affiliations(nlp, "Tomas Ferreira, Paulo Mendes et Ilona Marek, respectivement secrétaire général de "
                              "l'ONU et directrice du FMI, ont salué l'accord.")
    assert ("Paulo Mendes", "Fonds monétaire international") not in found
    assert ("Ilona Marek", "Nations unies") not in found


@pytest.mark.parametrize("text, org", [
    ("Le sommet de l'Otan s'est ouvert à Oslo. Erik Sand, secrétaire général de l'organisation, a ouvert les débats.",
     "Organisation du traité de l'Atlantique nord"),
    ("Le sommet de l'Otan s'est ouvert à Oslo. Le porte-parole de l'Alliance, Erik Sand, a détaillé le programme.",
     "Organisation du traité de l'Atlantique nord"),
    ("Le FMI a publié ses prévisions. La directrice générale du Fonds, Ilona Marek, a salué l'accord.",
     "Fonds monétaire international"),
])
def test_an_organisation_named_again_by_its_head_noun_after_a_title(nlp, text, org):
    _, rels = run_labels(nlp, text)
    person = "Erik Sand" if "Erik" in text else "Ilona Marek"
    assert (person, "affiliation", org) in rels


def test_a_head_noun_two_organisations_share_names_neither(nlp):
    # two banks named before: « la Banque » is either
    _, rels = run_labels(nlp, "La Banque mondiale et la Banque africaine de développement ont publié un rapport. "
                              "Le président de la Banque, Paulo Mendes, a salué l'accord.")
    assert not any(p == "affiliation" and s == "Paulo Mendes" for s, p, _ in rels), rels


@pytest.mark.parametrize("text, org", [
    ("Ilona Marek, nommée à la tête de l'Unicef en 2022, a salué l'accord.", "Unicef"),
    ("Ilona Marek a été élue à la présidence de la Banque africaine de développement en mai.",
     "Banque africaine de développement"),
    ("Erik Sand, qui a pris les rênes de l'OMC en octobre, a salué l'accord.", "Organisation mondiale du commerce"),
])
def test_an_appointment_or_an_office_taken_is_an_affiliation(nlp, text, org):
    person = "Ilona Marek" if "Ilona" in text else "Erik Sand"
    assert (person, org) in affiliations(nlp, text)


def test_an_office_without_an_organisation_is_none(nlp):
    assert not affiliations(nlp, "Ilona Marek, nommée à la tête du ministère en 2022, a salué l'accord.")


def test_a_body_in_apposition_is_an_affiliation(nlp):
    assert ("Jonas Berg", "Banque mondiale") in affiliations(nlp, "Jonas Berg, de la Banque mondiale, a rencontré le ministre.")


def test_a_country_in_apposition_is_no_affiliation(nlp):
    found = affiliations(nlp, "Jonas Berg, du Kenya, a rencontré Paulo Mendes, qui dirige la Banque mondiale.")
    assert found == {("Paulo Mendes", "Banque mondiale")}

