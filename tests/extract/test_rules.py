"""The kg spaCy components on a blank French pipeline (no trained model): gazetteer, paragraphs, triggers."""

from __future__ import annotations

import pytest
import spacy

from kg.nlp.pipeline import GAZETTEER_KEY, add_components


@pytest.fixture(scope="module")
def nlp():
    return add_components(spacy.blank("fr"))


def spans(nlp, text: str) -> list[tuple[str, str, str]]:
    """(text, label, id) of every gazetteer match in ``text``."""
    doc = nlp(text)  # keep the Doc alive while its span group is read
    return [(s.text, s.label_, s.id_) for s in doc.spans[GAZETTEER_KEY]]


def labelled(nlp, text: str, label: str) -> dict[str, str]:
    """Surface text → reference id of the ``label`` matches."""
    return {t: i for t, lab, i in spans(nlp, text) if lab == label}


def test_components_are_added_once(nlp):
    assert nlp.pipe_names == ["kg_paragraphs", "kg_gazetteer", "kg_triggers"]
    add_components(nlp)  # idempotent
    assert nlp.pipe_names == ["kg_paragraphs", "kg_gazetteer", "kg_triggers"]


# ── countries and nationalities ───────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "text, surface, iso3",
    [
        ("Le Royaume-Uni accueille le sommet.", "Royaume-Uni", "GBR"),
        ("Il s'est rendu en visite dans l’Allemagne réunifiée.", "Allemagne", "DEU"),
        ("Il s'est rendu en visite dans l'Allemagne réunifiée.", "Allemagne", "DEU"),
        ("La France accueillera la deuxième édition.", "France", "FRA"),
        ("Les États-Unis étaient représentés.", "États-Unis", "USA"),
    ],
)
def test_country_names(nlp, text, surface, iso3):
    assert labelled(nlp, text, "COUNTRY").get(surface) == iso3


def test_country_span_excludes_elided_article(nlp):
    found = spans(nlp, "Le chancelier a salué l’Allemagne.")
    assert ("Allemagne", "COUNTRY", "DEU") in found
    assert not any(t.startswith("l’") for t, _, _ in found)


@pytest.mark.parametrize(
    "adjective, iso3",
    [
        ("britannique", "GBR"),
        ("sud-coréenne", "KOR"),
        ("italienne", "ITA"),
        ("allemand", "DEU"),
        ("américaine", "USA"),
        ("français", "FRA"),
    ],
)
def test_nationality_adjectives_carry_iso3(nlp, adjective, iso3):
    found = labelled(nlp, f"La délégation {adjective} est arrivée.", "NAT")
    assert found == {adjective: iso3}


def test_nationality_is_case_insensitive(nlp):
    # the phrase matcher works on LOWER, so a capitalised adjective (start of a headline) matches too
    assert labelled(nlp, "Britannique, elle dirige le ministère.", "NAT") == {"Britannique": "GBR"}


def test_common_words_are_not_countries(nlp):
    assert spans(nlp, "Le texte parle de la pluie et du beau temps.") == []


# ── cities, organisations, roles ──────────────────────────────────────────────────────────────


def test_cities(nlp):
    found = labelled(nlp, "Après Londres, le sommet ira à Paris puis à Séoul.", "CITY")
    assert set(found) == {"Londres", "Paris", "Séoul"}
    assert found["Paris"] == "Paris"


@pytest.mark.parametrize(
    "text, surface, key",
    [
        ("Le secrétaire général de l'ONU a parlé.", "ONU", "united-nations"),
        ("Les Nations unies ont salué l'accord.", "Nations unies", "united-nations"),
        ("L'Union européenne a voté le texte.", "Union européenne", "european-union"),
        ("La politique industrielle de l’UE change.", "UE", "european-union"),
    ],
)
def test_organisations(nlp, text, surface, key):
    assert labelled(nlp, text, "ORG").get(surface) == key


def test_roles(nlp):
    found = [(t, i) for t, lab, i in spans(nlp, "La Première ministre italienne et le ministre délégué chargé du Numérique.") if lab == "ROLE"]
    surfaces = [t for t, _ in found]
    assert "Première ministre" in surfaces
    assert "ministre délégué" in surfaces
    assert dict(found)["Première ministre"] == "Première ministre"


def test_apostrophe_variants(nlp):
    # names written with ' in the reference data also match with ’ and vice versa
    found = spans(nlp, "La Côte d’Ivoire et la Côte d'Ivoire ont signé.")
    assert [(t, i) for t, lab, i in found if lab == "COUNTRY"] == [("Côte d’Ivoire", "CIV"), ("Côte d'Ivoire", "CIV")]
    assert labelled(nlp, "Elle vit à Xi’an.", "CITY") == {"Xi’an": "Xi'an"}


# ── acronyms match in capitals only ───────────────────────────────────────────────────────────


def test_acronym_in_capitals_matches(nlp):
    assert labelled(nlp, "Les EAU ont signé l'accord.", "COUNTRY") == {"EAU": "ARE"}


@pytest.mark.parametrize("text", ["Il boit de l'eau.", "Il boit de l’eau.", "L'Eau est rare.", "Les eau"])
def test_acronym_in_lower_case_does_not_match(nlp, text):
    assert spans(nlp, text) == []


def test_acronym_org_case_sensitive(nlp):
    assert labelled(nlp, "L'ONU se réunit.", "ORG") == {"ONU": "united-nations"}
    assert labelled(nlp, "L'onu se réunit.", "ORG") == {}


# ── paragraphs: a line break starts a sentence ────────────────────────────────────────────────


def test_line_break_starts_sentence(nlp):
    doc = nlp("« Favorable à l’innovation »\nLors de l’évènement Vivatech, le président a parlé.")
    lors = next(t for t in doc if t.text == "Lors")
    assert lors.is_sent_start is True


def test_blank_line_starts_sentence(nlp):
    doc = nlp("Premier paragraphe sans point\n\nDeuxième paragraphe")
    second = next(t for t in doc if t.text == "Deuxième")
    assert second.is_sent_start is True


def test_no_sentence_starts_inside_a_sentence(nlp):
    # tokens that do not follow sentence-final punctuation are marked as not starting one, so the
    # parser cannot cut « ... son homologue portugais | Rui Costa ... »
    doc = nlp("Le sommet s'ouvre à Londres et la France accueillera la suite.")
    assert [t.is_sent_start for t in doc[1:]] == [False] * (len(doc) - 1)


def test_after_a_full_stop_the_parser_decides(nlp):
    doc = nlp("Le sommet s'ouvre. La France accueillera la suite.")
    after_stop = [t for t in doc if t.i > 0 and doc[t.i - 1].text == "."]
    assert after_stop and all(t.is_sent_start is None for t in after_stop if t.i < len(doc))


def test_only_tokens_after_line_breaks_are_marked(nlp):
    doc = nlp("Titre\nLe texte suit. Et ici.\n\nAutre paragraphe")
    starts = [t.text for t in doc[1:] if t.is_sent_start]
    assert starts == ["Le", "Autre"]


@pytest.mark.parametrize("text, first", [
    ("Il a parlé entre autres.Le président est venu.", "Le"),
    ("Le sommet s'est tenu en 2024.Les dirigeants sont partis.", "Les"),
    ("au nom de l'Union africaine (UA).Etaient également présents les chefs.", "Etaient"),
    ("au sommet des 27.\"Un jour historique\", a dit Paul Durand.", '"'),
    ("les membres « condamnent la guerre ».En marge du sommet, il a parlé.", "En"),
])
def test_a_capital_glued_to_a_full_stop_starts_a_sentence(nlp, text, first):
    """Scraped pages lose the space between sentences: the stop is split off and the next word starts one."""
    doc = nlp(text)
    stop = next(t for t in doc if t.text == "." and not t.whitespace_ and t.i + 1 < len(doc))
    assert doc[stop.i + 1].text == first and doc[stop.i + 1].is_sent_start is True
    assert doc[stop.i + 2].is_sent_start is False  # (after an opening quote, the sentence goes on)


def test_a_full_stop_glued_to_an_initial_or_a_figure_starts_nothing(nlp):
    doc = nlp("M.Durand et J.Dupont ont levé 2.5 millions sur www.Elysee.fr hier.")
    assert not any(t.is_sent_start for t in doc[1:])
    assert [t.text for t in doc][:3] == ["M.Durand", "et", "J.Dupont"]


def test_a_header_glued_to_the_story_is_sentences_of_its_own(nlp):
    """A scraped page: headline, site, signature, stamp and story on one line."""
    doc = nlp("Sommet à Lyon | Le Courrier Par Jeanne Morel Publié le 12 mars 2024 à 10h32 Le président a parlé.")
    assert [t.text for t in doc[1:] if t.is_sent_start] == ["Par", "Publié", "Le"]


@pytest.mark.parametrize("text", [
    "Le Soir | Publié le 3 mai 2026 | Par Jeanne Morvan\nLe président a parlé.",  # a header line: one sentence
    "Le rapport, publié le 12 mars 2024 à 10h32, indique une hausse.",
])
def test_a_header_line_and_a_sentence_s_participle_start_nothing(nlp, text):
    doc = nlp(text)
    assert [t.text for t in doc[1:] if t.is_sent_start] == (["Le"] if "\n" in text else [])


@pytest.mark.parametrize("text, first", [
    ("Les dirigeants arrivent à Lyon Le président Paul Durand a parlé.", "Le"),
    ("Sommet de Lyon : accord sur le climat L’organisation a salué le texte.", "L’"),
    ("Un titre sans point | Le Courrier Selon le ministre, tout va bien.", "Selon"),
    ("La réponse de Paul Durand Interrogé par la presse, il a démenti.", "Interrogé"),
])
def test_a_capitalised_function_word_inside_a_line_starts_a_sentence(nlp, text, first):
    """A page whose line breaks were lost: the headline runs into the story."""
    doc = nlp(text)
    assert [t.text for t in doc[1:] if t.is_sent_start] == [first]


def test_names_with_a_capitalised_article_start_nothing(nlp):
    doc = nlp("Marine Le Pen et Paul Le Drian sont à La Haye pour lire Le Monde, LE PRÉSIDENT aussi ; Les Echos le disent "
              "et Paul Durand par ailleurs.")
    assert not any(t.is_sent_start for t in doc[1:])


def test_paragraphs_split_sents_with_sentencizer():
    nlp = add_components(spacy.blank("fr"))
    nlp.add_pipe("sentencizer", after="kg_paragraphs")
    doc = nlp("Titre sans point\nLe texte suit et finit ici")
    assert [s.text.strip() for s in doc.sents] == ["Titre sans point", "Le texte suit et finit ici"]
