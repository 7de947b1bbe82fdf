"""Words in capitals re-cased for the model (kg.nlp.casing): surnames in capitals (« Macky SALL »),
a headline in capitals; acronyms kept; same length, so offsets hold. Invented sentences."""

from __future__ import annotations

import pytest

from kg.nlp.casing import model_text


def _common(word: str) -> bool:  # a stand-in for the lemmatizer's word list
    return word in {"franc", "photo", "sommet", "banque", "annonce"}


def _recased(text: str) -> str:
    new = model_text(text, _common)
    assert len(new) == len(text) and new.lower() == text.lower()
    return new


@pytest.mark.parametrize("text, expected", [
    ("Le président Kofi MENSAH est arrivé.", "Le président Kofi Mensah est arrivé."),
    ("M. MENSAH a parlé, puis Mme VARGA.", "M. Mensah a parlé, puis Mme Varga."),
    ("Le ministre Jean-Paul LE BRAS est là.", "Le ministre Jean-Paul Le Bras est là."),
    ("Étaient présents : Ilona von der HALVORSEN et Rui da COSTA.", "Étaient présents : Ilona von der Halvorsen et Rui da Costa."),
    ("en présence d’Aylin ARSLAN, la présidente", "en présence d’Aylin Arslan, la présidente"),
    ("le roi Oumar III et le prince Femi IV", "le roi Oumar III et le prince Femi IV"),  # Roman numerals
])
def test_surnames_in_capitals_are_recased(text, expected):
    assert _recased(text) == expected


def test_a_surname_is_recased_wherever_the_article_writes_it():
    text = "Le président Kofi MENSAH a ouvert le sommet. MENSAH a signé l'accord."
    assert _recased(text) == "Le président Kofi Mensah a ouvert le sommet. Mensah a signé l'accord."
    # at a sentence's start alone, a first name and a word in capitals are not enough
    assert model_text("Kofi MENSAH a ouvert le sommet.", _common) == "Kofi MENSAH a ouvert le sommet."


@pytest.mark.parametrize("text", [
    "Le sommet de l'OTAN s'ouvre. Le secrétaire général Kofi OTAN",  # an acronym of the reference data
    "La TICAD s'ouvre. Le Forum Kofi TICAD",  # written after a determiner elsewhere: an acronym
    "Plusieurs ONG ont protesté.",  # a capital at a sentence's start says nothing of a name
    "Le cours du Franc CFA a baissé.",  # a common word before a short word in capitals
    "Sur place, Photo AFP.",
])
def test_acronyms_stay_in_capitals(text):
    assert model_text(text, _common) == text


def test_a_text_without_capitals_is_returned_as_it_is():
    text = "Le président a ouvert le sommet de l'Otan à Paris."
    assert model_text(text, _common) is text


def test_a_headline_in_capitals_takes_the_case_the_article_uses():
    text = ("KOFI MENSAH ANNONCE UN FONDS POUR LE SAHEL À L'OTAN À PARIS\n"
            "Le président Kofi Mensah a annoncé à Paris un fonds pour le Sahel, devant l'OTAN et le fonds monétaire.")
    head = _recased(text).split("\n")[0]
    assert head == "Kofi Mensah annonce un fonds pour le Sahel à l'OTAN à Paris"


def test_a_short_line_in_capitals_is_not_a_headline():
    text = "RIO DE JANEIRO — Le président Kofi Mensah est arrivé."  # a dateline: read as such by the rules
    assert model_text(text, _common) == text


@pytest.mark.model
def test_a_build_reads_capitals_as_names_and_quotes_the_article_as_written():
    from kg.pipeline.build import extract_articles
    from kg.pipeline.config import BuildConfig
    from kg.records import Article

    text = ("Le sommet de la CEDEAO s'est ouvert jeudi à Abuja. Le président ghanéen Kofi MENSAH "
            "a annoncé un fonds de 50 millions de dollars pour la sécurité.")
    (ex,) = list(extract_articles([Article("caps", text, published="2025-06-12")], BuildConfig(model="md")))
    people = {e.label: e for e in ex.entities if e.type in ("Person", "Minister")}
    assert "Kofi Mensah" in people, [e.label for e in ex.entities]
    assert not [e for e in ex.entities if e.type == "Organization" and "MENSAH" in e.label.upper()]
    quoted = {ev.sentence for e in ex.entities for ev in e.evidence}
    assert any("Kofi MENSAH a annoncé" in s for s in quoted), quoted
    assert not any("Kofi Mensah" in s for s in quoted)
