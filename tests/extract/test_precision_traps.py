"""Precision traps (issue 15): sentences that read like an announcement, a presence or a host but are not one —
a wish or a demand, hearsay in the conditional, an act dated before the summit, a country helped by a conference,
the agent of a participle, what one may do, an invitation declined, a meeting held in another city. Invented
sentences (invented people), each with what it must not find and a near miss that must still be found."""

import pytest

from _extracted import run_labels as run

pytestmark = pytest.mark.model

OPENING = "Le sommet de l'Otan s'est ouvert jeudi à Lisbonne, au Portugal.\n"


def announcements(ents):
    return [label for label, e in ents.items() if e.type == "Announcement"]


def during(rels):
    return {(s, o) for s, p, o in rels if p == "during"}


def attendees(rels):
    return {o for s, p, o in rels if p == "attendee"}


# ── announcements: wished, demanded or rumoured ─────────────────────────────────────────────────────


def test_a_declaration_wished_or_demanded_in_a_que_clause_is_no_announcement(nlp):
    ents, _ = run(nlp, OPENING + "Le Japon souhaite que les dirigeants signent une déclaration sur la dette.")
    assert announcements(ents) == []
    ents, _ = run(nlp, OPENING + "Le Canada a demandé que l'Alliance adopte une déclaration sur la dette.")
    assert announcements(ents) == []
    # near miss: the declaration signed
    ents, _ = run(nlp, OPENING + "Les dirigeants ont signé une déclaration sur la dette.")
    assert len(announcements(ents)) == 1, announcements(ents)


def test_a_main_clause_in_the_conditional_is_hearsay_not_an_announcement(nlp):
    ents, _ = run(nlp, OPENING + "Selon des diplomates, la Chine s'apprêterait à annoncer un allègement de la dette "
                                 "de la Zambie.")
    assert announcements(ents) == []
    # near miss: a future reported in the conditional after an announcing verb
    ents, _ = run(nlp, OPENING + "La Chine a annoncé qu'elle accorderait un allègement de la dette de la Zambie.")
    assert len(announcements(ents)) == 1, announcements(ents)


# ── during: an act dated before the summit ──────────────────────────────────────────────────────────


def test_an_act_dated_last_month_was_not_made_at_the_summit(nlp):
    _, rels = run(nlp, OPENING + "Le Royaume-Uni a promis le mois dernier 500 millions de livres pour le fonds "
                                 "climatique.")
    assert during(rels) == set()
    _, rels = run(nlp, OPENING + "Le Royaume-Uni a promis il y a deux semaines 500 millions de livres pour le fonds "
                                 "climatique.")
    assert during(rels) == set()
    # near misses: no date, or a date of something else (the fund created last year)
    _, rels = run(nlp, OPENING + "Le Royaume-Uni a promis 500 millions de livres pour le fonds climatique.")
    assert len(during(rels)) == 1, rels
    _, rels = run(nlp, OPENING + "Le Royaume-Uni a promis 500 millions de livres pour le fonds climatique créé l'an "
                                 "dernier.")
    assert len(during(rels)) == 1, rels


def test_an_act_dated_in_a_month_before_the_summit_was_not_made_at_it(nlp):
    text = ("Le sommet de l'Otan s'est ouvert le 18 juin à Lisbonne, au Portugal.\n"
            "Fin mai, le Japon avait annoncé une aide de 500 millions de dollars pour la Zambie.")
    _, rels = run(nlp, text, published="2025-06-20")
    assert during(rels) == set()
    # near miss: the month of the summit
    _, rels = run(nlp, text.replace("Fin mai", "Le 18 juin"), published="2025-06-20")
    assert len(during(rels)) == 1, rels


# ── host country: the country a conference supports ────────────────────────────────────────────────


def test_the_country_a_support_conference_is_for_is_not_its_host(nlp):
    _, rels = run(nlp, "La conférence internationale de soutien au Liban s'est tenue jeudi à Paris.")
    assert not any(p == "hostCountry" and o == "Liban" for _, p, o in rels), rels
    # near miss: a summit opened in a country
    _, rels = run(nlp, "Le sommet de l'Union africaine s'est ouvert lundi en Éthiopie.")
    assert any(p == "hostCountry" and o == "Éthiopie" for _, p, o in rels), rels


# ── attendance: who is told about, not present ─────────────────────────────────────────────────────


def test_the_agent_of_a_participle_in_the_subject_does_not_attend(nlp):
    _, rels = run(nlp, OPENING + "La guerre lancée par le président Marc Olvani a dominé les discussions.")
    assert "Marc Olvani" not in attendees(rels)
    # near miss: the person is the subject
    _, rels = run(nlp, OPENING + "Le président Marc Olvani a dominé les discussions.")
    assert "Marc Olvani" in attendees(rels)


def test_what_one_may_do_in_the_conditional_is_no_deed_at_the_summit(nlp):
    _, rels = run(nlp, OPENING + "Le chancelier Paul Dravec devrait annoncer une aide de 2 milliards d'euros pour "
                                 "l'Afrique.")
    assert "Paul Dravec" not in attendees(rels)
    # near miss: announced
    _, rels = run(nlp, OPENING + "Le chancelier Paul Dravec a annoncé une aide de 2 milliards d'euros pour l'Afrique.")
    assert "Paul Dravec" in attendees(rels)


def test_a_person_who_declined_the_invitation_does_not_attend(nlp):
    _, rels = run(nlp, OPENING + "Le président Karel Dumont, qui a décliné l'invitation, a critiqué un sommet inutile.")
    assert "Karel Dumont" not in attendees(rels)
    # near miss: a relative clause that is no absence
    _, rels = run(nlp, OPENING + "Le président Karel Dumont, qui a présidé la séance, a critiqué un sommet inutile.")
    assert "Karel Dumont" in attendees(rels)


def test_a_meeting_in_another_city_than_the_host_is_no_attendance(nlp):
    _, rels = run(nlp, OPENING + "Le président Marc Olvani a reçu mercredi à Madrid le Premier ministre Paul Dravec.")
    assert attendees(rels) & {"Marc Olvani", "Paul Dravec"} == set()
    # near miss: the host city
    _, rels = run(nlp, OPENING + "Le président Marc Olvani a reçu mercredi à Lisbonne le Premier ministre Paul Dravec.")
    assert {"Marc Olvani", "Paul Dravec"} <= attendees(rels)
    # near miss: where a thing goes (« la livraison à Kiev »), not where the verb happens
    _, rels = run(nlp, OPENING + "Dès mardi, en ouverture, le président américain Marc Olvani a annoncé la livraison à Kiev de cinq "
                                 "systèmes de défense antiaérienne.")
    assert "Marc Olvani" in attendees(rels)


def test_a_relative_clause_refusing_something_else_is_no_absence(nlp):
    # « qui a refusé de signer »: a refusal made there, not an absence (the absence verb must turn down the visit)
    _, rels = run(nlp, OPENING + "Le président Karel Dumont, qui a refusé de signer la déclaration, a critiqué un "
                                 "sommet inutile.")
    assert "Karel Dumont" in attendees(rels)
    _, rels = run(nlp, OPENING + "Le président Karel Dumont, qui a boudé le sommet, a critiqué une réunion inutile.")
    assert "Karel Dumont" not in attendees(rels)


def test_words_posted_on_ones_own_network_are_no_attendance(nlp):
    _, rels = run(nlp, OPENING + "Le président Marc Olvani a qualifié le sommet de « honte » sur son réseau social.")
    assert "Marc Olvani" not in attendees(rels)
    # near miss: words said before the press
    _, rels = run(nlp, OPENING + "Le président Marc Olvani a qualifié le sommet de « succès » devant la presse.")
    assert "Marc Olvani" in attendees(rels)


def test_an_article_opening_on_a_summit_still_to_come_gives_its_announcements_no_during(nlp):
    text = ("Lisbonne accueillera lundi et mardi une conférence internationale sur la reconstruction du Soudan, a "
            "annoncé vendredi le ministère.\nLa Suisse débloquera 30 millions de francs supplémentaires pour l'aide "
            "humanitaire au Soudan.")
    _, rels = run(nlp, text)
    assert during(rels) == set()
    # near miss: a summit still going on, with a future only in a relative clause
    _, rels = run(nlp, "Le sommet de l'Otan, qui se tiendra jusqu'à vendredi à Lisbonne, a commencé jeudi.\n"
                       "Le Royaume-Uni a promis 500 millions de livres pour le fonds climatique.")
    assert len(during(rels)) == 1, rels
