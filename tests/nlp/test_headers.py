"""A page header glued to the story (kg.nlp.headers): its signature and publication stamp found by their
shape, each a part of its own. Invented names."""

from __future__ import annotations

import pytest

from kg.nlp.headers import header_parts, is_header


def _parts(text: str) -> list[str]:
    return [text[s:e] for s, e in header_parts(text)]


@pytest.mark.parametrize("text, parts", [
    ("Par Jeanne Morel Publié le 12 mars 2024 à 10h32 Le président a parlé.",
     ["Par Jeanne Morel", "Publié le 12 mars 2024 à 10h32"]),
    ("Sommet à Lyon | Le Courrier Par Paul Roche et Léa Fournier Publié le 03/11/2023 à 18h05 Mis à jour le "
     "04/11/2023 à 08h12 Réunis à Lyon, les dirigeants ont parlé.",
     ["Par Paul Roche et Léa Fournier", "Publié le 03/11/2023 à 18h05 Mis à jour le 04/11/2023 à 08h12"]),
    ("Par Yann Ebrard, envoyé spécial à Genève, avec AFP Publié aujourd'hui à 07h45 Temps de lecture : 3 min La",
     ["Par Yann Ebrard, envoyé spécial à Genève, avec AFP", "Publié aujourd'hui à 07h45", "Temps de lecture : 3 min"]),
    ("Publié le 25/07/2025 à 06h30 - Mis à jour à 09h12 La ministre", ["Publié le 25/07/2025 à 06h30 - Mis à jour à 09h12"]),
    ("Le Soir | Publié le 3 mai 2026 | Par Jeanne Morvan", ["Publié le 3 mai 2026", "Par Jeanne Morvan"]),
])
def test_a_header_is_found_by_its_shape(text, parts):
    assert _parts(text) == parts
    assert all(is_header(p) for p in parts)


@pytest.mark.parametrize("text", [
    "Le rapport, publié le 12 mars 2024 à 10h32, indique une hausse.",  # a sentence's participle
    "Par Jeanne Morel Le président a parlé.",  # a signature alone: where the name ends is no shape
    "Par ailleurs, le sommet publié hier a été mis à jour.",
    "Mis en cause le 12 mars 2024, le ministre a démissionné.",
])
def test_no_header_in_the_story(text):
    assert header_parts(text) == []


def test_a_header_sentence_and_a_story_sentence():
    assert is_header("Publié le 12 mars 2024 à 10h32") and is_header("Par Jeanne Morel")
    assert is_header("Par Jeanne Morel Publié le 12 mars 2024")
    assert not is_header("Par Jeanne Morel Publié le 12 mars 2024 à 10h32 Le président a parlé.")
    assert not is_header("Publié le 12 mars, le rapport a été lu.")
