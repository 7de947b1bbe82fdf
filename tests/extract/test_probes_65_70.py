"""Mechanisms found on the probes 65-70 of tests/corpus_invented (a news-site page with breadcrumb and share line, a
photo gallery, a ministry's press briefing in questions and answers, a radio website, a presidential press release, a
dateline-only host). Invented sentences (no article's wording, invented bodies and people), each with what it must find
and a near miss it must not."""

import pytest

from _extracted import run_labels as run

pytestmark = pytest.mark.model


def typed(ents, type_):
    return {label for label, e in ents.items() if e.type == type_}


def announcements(ents):
    return [label for label, e in ents.items() if e.type == "Announcement"]


# ── « ont signé en marge du sommet un accord »: the summit's name stops before the object ───────────────────────


def test_a_summit_name_stops_at_an_indefinite_determiner_and_the_occasion_is_not_the_object(nlp):
    text = ("Le 4e sommet de l'Union des ports s'est tenu à Tirana. La Turquie et l'Éthiopie ont signé en marge du "
            "sommet un accord de coopération militaire.")
    ents, rels = run(nlp, text)
    assert not any("accord" in s for s in typed(ents, "Summit")), typed(ents, "Summit")
    anns = announcements(ents)
    assert len(anns) == 1 and anns[0].startswith("Un accord de coopération"), anns
    assert {(anns[0], "announcedBy", "Turquie"), (anns[0], "announcedBy", "Éthiopie")} <= rels
    # a determiner after a word a name runs on after (« pour ») is still the name's
    ents, _ = run(nlp, "Le sommet pour un nouveau pacte de l'Union des ports s'est ouvert jeudi à Tirana.")
    assert any("pour un nouveau pacte" in s for s in typed(ents, "Summit")), typed(ents, "Summit")


# ── « Et le sommet de l'Alliance ?\n\nR : »: a name never runs over a question mark or a line break ───────────────


def test_the_models_names_end_at_a_question_mark_or_a_line_break(nlp):
    doc = nlp("Q : Et la réunion de l'Alliance des ports ?\n\nR : Le secrétaire général de l'Alliance des ports l'a "
              "confirmé.")
    assert doc.ents and not any("?" in e.text or "\n" in e.text for e in doc.ents), [e.text for e in doc.ents]
    # a name on one line is left whole
    doc = nlp("Le secrétaire général de l'Organisation des Nations unies est arrivé.")
    assert any(e.text == "Organisation des Nations unies" for e in doc.ents), [e.text for e in doc.ents]


# ── « au centre international de conférences d'Arusha »: a venue named by its kind and its town ────────────────


def test_a_venue_named_by_its_kind_and_its_town_is_a_venue_and_the_town_stays(nlp):
    ents, rels = run(nlp, "Le sommet de l'Union des ports s'est tenu au centre international de conférences de Kigali, "
                          "en présence de douze chefs d'État.")
    assert {"centre international de conférences de Kigali", "Kigali"} <= typed(ents, "City"), typed(ents, "City")
    summit = next(iter(typed(ents, "Summit")))
    assert (summit, "hostCity", "centre international de conférences de Kigali") in rels, rels
    # a venue that is only the town's name (« au château de X ») stays the town
    ents, _ = run(nlp, "Le sommet de l'Union des ports s'est tenu au château de Versailles.")
    assert not any(s.startswith("château") for s in typed(ents, "City")), typed(ents, "City")


def test_a_state_residence_is_a_venue(nlp):
    ents, rels = run(nlp, "Le sommet de l'Union des ports s'est tenu à la résidence d'État Oural-Tach, près de la capitale.")
    assert "résidence d'État Oural-Tach" in typed(ents, "City"), typed(ents, "City")
    # not without a gathering in its sentence
    ents, _ = run(nlp, "Le président vit à la résidence d'État Oural-Tach depuis dix ans.")
    assert "résidence d'État Oural-Tach" not in typed(ents, "City")


# ── « C'est dans la capitale sierra-léonaise, au X, que se sont retrouvés ... pour ce sommet » ──────────────────


def test_a_cleft_with_a_gathering_verb_gives_the_country_of_the_capital(nlp):
    text = ("Sommet extraordinaire de l'Union des ports : un fonds pour la sécurité\n\nC'est dans la capitale "
            "sierra-léonaise que se sont retrouvés samedi les dirigeants ouest-africains pour ce sommet extraordinaire. Le "
            "président sierra-léonais, Abu Kamara, a ouvert les travaux.")
    ents, rels = run(nlp, text)
    summit = next(iter(typed(ents, "Summit")))
    assert (summit, "hostCountry", "Sierra Leone") in rels, rels
    # a speech given in the capital is no gathering there
    ents, rels = run(nlp, text.replace("que se sont retrouvés samedi les dirigeants ouest-africains pour",
                                       "que le ministre a commenté samedi"))
    assert not any(p == "hostCountry" for _, p, _ in rels), rels


# ── « Réunis à X, les chefs d'État ... »: a participle opening the sentence gathers there ──────────────────────


def test_a_gathering_participle_opening_the_sentence_places_the_summit(nlp):
    text = ("Sommet extraordinaire de l'Union des ports : un fonds pour la sécurité\n\nRéunis à Freetown, les chefs "
            "d'État de l'Union des ports ont adopté samedi un code des ports.")
    ents, rels = run(nlp, text)
    summit = next(iter(typed(ents, "Summit")))
    assert (summit, "hostCity", "Freetown") in rels, rels
    # kept at home: no gathering
    ents, rels = run(nlp, text.replace("Réunis à Freetown, les chefs d'État de l'Union des ports ont adopté",
                                       "Retenu à Freetown, le président a commenté"))
    assert not any(p == "hostCity" for _, p, _ in rels), rels


# ── a dateline in capitals after the page's header lines (rubric, date, byline) ───────────────────────────────


def test_a_dateline_after_the_header_lines_is_the_host_city(nlp):
    text = ("Politique | 25 septembre 2027 | 14 commentaires\n\nUnion des ports : un fonds contre les catastrophes\n\n"
            "Par Diane Kamikazi\n\nOURALSK (Kazakhstan) – Les dirigeants de l'Union des ports ont approuvé vendredi, lors "
            "d'un sommet extraordinaire, la création d'un fonds régional.")
    ents, rels = run(nlp, text, "2027-09-25")
    assert "Ouralsk" in typed(ents, "City"), typed(ents, "City")
    summit = next(iter(typed(ents, "Summit")))
    assert {(summit, "hostCity", "Ouralsk"), ("Ouralsk", "locatedIn", "Kazakhstan")} <= rels, rels
    # a word in capitals deep in the story is no dateline
    text = ("Union des ports : un fonds\n\nLes dirigeants de l'Union des ports ont approuvé vendredi un fonds. Le texte "
            "est long. Il a été lu. Il a été commenté. Il a été voté.\n\nOURALSK (Kazakhstan) a salué le vote.")
    ents, _ = run(nlp, text, "2027-09-25")
    assert "Ouralsk" not in typed(ents, "City")


# ── « La Côte d'Ivoire accueillera le prochain sommet ordinaire, selon le communiqué final » ──────────────────


def test_a_country_that_will_host_the_next_summit_announces_it(nlp):
    text = ("Le sommet extraordinaire de l'Union des ports s'est tenu samedi à Freetown.\n\nLa Côte d'Ivoire accueillera "
            "le prochain sommet ordinaire, prévu en juin à Abidjan, selon le communiqué final.")
    ents, rels = run(nlp, text, "2027-02-13")
    anns = announcements(ents)
    assert len(anns) == 1 and (anns[0], "announcedBy", "Côte d'Ivoire") in rels, (anns, rels)
    assert any(s == anns[0] and p == "about" and ents[o].type == "Summit" for s, p, o in rels), rels
    # a numbered edition in an article about the one before it is a fact, not news
    ents, _ = run(nlp, "Le 49e sommet de l'Union des ports s'est tenu à Freetown. La Côte d'Ivoire, qui prendra la "
                       "présidence le 1er janvier, accueillera le 50e sommet.")
    assert not announcements(ents)


# ── « Les Neuf ont approuvé ... »: members counted in words, with a capital, are the body's collective ─────────


def test_members_counted_in_words_announce_for_the_body(nlp):
    text = ("Les chefs d'État de la Communauté des ports sont réunis ce samedi à Praia pour leur sommet.\n\nLes Neuf ont "
            "approuvé le lancement d'un visa de mobilité.\n\nLes Quarante-Six ont adopté une convention sur les quais.")
    ents, rels = run(nlp, text, "2027-07-17")
    anns = announcements(ents)
    assert len(anns) == 2 and all((a, "announcedBy", "Communauté des ports") in rels for a in anns), (anns, rels)
    # a number in words without a capital counts people, not the members
    ents, rels = run(nlp, text.replace("Les Neuf ont", "Les neuf experts ont").replace("Les Quarante-Six ont adopté",
                                                                                        "Les quarante-six juristes ont lu"))
    assert not any(p == "announcedBy" for _, p, _ in rels), rels


# ── « ne s'est pas associé au traité »: not joining a text is refusing it ─────────────────────────────────────


def test_not_joining_a_text_is_a_refusal(nlp):
    text = ("Le troisième sommet de l'Union des ports s'est tenu à Bichkek.\n\nLe Turkménistan, attaché à sa neutralité, "
            "ne s'est pas associé au traité.")
    ents, rels = run(nlp, text, "2027-06-12")
    anns = announcements(ents)
    assert anns == ["Refus de s'associer au traité"] and (anns[0], "announcedBy", "Turkménistan") in rels, (anns, rels)
    # joining it is no refusal (and no announcement of its own)
    ents, _ = run(nlp, text.replace("ne s'est pas associé", "s'est associé"), "2027-06-12")
    assert not any(a.startswith("Refus") for a in announcements(ents))


# ── « La signature du protocole a été reportée »: an act put off is not made ─────────────────────────────────


def test_a_signature_put_off_is_no_announcement(nlp):
    text = "Le sommet de l'Union des ports s'est tenu à Arusha. La signature du protocole sur la monnaie unique a été {}."
    ents, _ = run(nlp, text.format("reportée"))
    assert not announcements(ents)
    ents, _ = run(nlp, text.format("saluée par les dirigeants"))
    assert announcements(ents)


# ── « Partager : Facebook · X · WhatsApp », « Accueil › Afrique › Politique »: the page's furniture ───────────


def test_a_share_line_and_a_breadcrumb_name_no_organisation(nlp):
    text = ("Accueil › Afrique › Politique\n\nSommet de l'Union des ports : un fonds\n\nPartager : Facebook · X · "
            "WhatsApp\n\nLe sommet de l'Union des ports s'est tenu à Freetown. Le président de Facebook y a parlé.")
    ents, _ = run(nlp, text)
    orgs = typed(ents, "Organization")
    assert "Facebook" in orgs and not any("›" in o or "Afrique" in o for o in orgs), orgs  # named in the story
    ents, _ = run(nlp, text.replace(" Le président de Facebook y a parlé.", ""))
    assert "Facebook" not in typed(ents, "Organization")


# ── « s'est entretenu avec le Président ouzbek »: a capitalised title and a nationality are no one's name ───────


def test_a_capitalised_title_and_a_nationality_name_no_person(nlp):
    text = ("Le Président de la République kirghize, Sadyr Japarov, a accueilli le sommet de l'Union des ports, avec le "
            "Président de l'Ouzbékistan, Chavkat Mirzioïev.\n\nLe même jour, le chef de l'État kirghize s'est entretenu "
            "avec le Président ouzbek.")
    ents, _ = run(nlp, text)
    assert typed(ents, "Person") == {"Sadyr Japarov", "Chavkat Mirzioïev"}, typed(ents, "Person")
    # a title before a surname is still the person's (« le Président Mirzioïev »)
    ents, _ = run(nlp, text.replace("le Président ouzbek", "le Président Karimov"))
    assert any(p.endswith("Karimov") for p in typed(ents, "Person")), typed(ents, "Person")
