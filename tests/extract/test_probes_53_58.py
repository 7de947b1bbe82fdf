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


# ── « le Président de la République » paragraphs after the person was introduced with that very title ────


def test_a_title_refers_back_to_the_one_person_introduced_with_it(nlp):
    text = ("Le Président de la République, Monsieur Ousmane Thiam-Koné, a pris part au sommet de l'Union des ports à "
            "Nairobi, à l'invitation de son homologue, Monsieur Paul Wekesa-Omondi, Président en exercice de l'Union. "
            "Les travaux ont duré deux jours. Les experts avaient préparé les textes. Le rapport a été présenté. "
            "Dans son allocution, le Président de la République a annoncé une contribution de 15 milliards de francs "
            "CFA au fonds de prévention des crues.")
    ents, rels = run(nlp, text)
    anns = [label for label, e in ents.items() if e.type == "Announcement"]
    assert len(anns) == 1 and (anns[0], "announcedBy", "Ousmane Thiam-Koné") in rels, (anns, rels)
    assert "CFA" not in typed(ents, "Organization")  # the currency's name, not a body's
    # two people introduced with the title: no telling which one
    text = text.replace("son homologue, Monsieur Paul Wekesa-Omondi, Président en exercice de l'Union",
                        "l'ancien Président de la République, Monsieur Paul Wekesa-Omondi")
    ents, rels = run(nlp, text)
    assert not any(p == "announcedBy" and o == "Paul Wekesa-Omondi" for s, p, o in rels)


def test_an_acronym_after_a_currency_noun_is_no_organisation(nlp):
    ents, _ = run(nlp, "Le Sénégal versera 15 milliards de francs CFA au fonds commun.")
    assert "CFA" not in typed(ents, "Organization")
    # an acronym elsewhere stays a body
    ents, _ = run(nlp, "Le Sénégal versera 15 millions à la CFA, la Compagnie fluviale africaine.")
    assert "CFA" in typed(ents, "Organization")


# ── a place chosen to host (« désigné X pour abriter », « X a été choisie pour accueillir », « C'est X qui accueillera »)


@pytest.mark.parametrize("sentence, place, kind", [
    ("La Conférence a désigné le Sénégal pour abriter le 6e sommet, en 2029.", "Sénégal", "hostCountry"),
    ("La Conférence a retenu Cotonou pour abriter le 6e sommet, en 2028.", "Cotonou", "hostCity"),
    ("Beyrouth a été choisie pour accueillir le 6e sommet, en 2028.", "Beyrouth", "hostCity"),
    ("C'est l'Ouganda qui accueillera le 6e sommet, en février.", "Ouganda", "hostCountry"),
])
def test_a_place_chosen_to_host_the_next_summit_hosts_it(nlp, sentence, place, kind):
    ents, rels = run(nlp, "Le 5e sommet de l'Union des ports s'est tenu à Nairobi. " + sentence)
    assert ("6e sommet", kind, place) in rels, rels
    # not chosen, or chosen for something else: no host
    for miss in (sentence.replace("a été choisie", "n'a pas été choisie").replace("a désigné", "n'a pas désigné")
                 .replace("a retenu", "n'a pas retenu").replace("C'est l'Ouganda qui accueillera", "C'est l'Ouganda qui a proposé"),):
        _, rels = run(nlp, "Le 5e sommet de l'Union des ports s'est tenu à Nairobi. " + miss)
        assert ("6e sommet", kind, place) not in rels, (miss, rels)


def test_a_question_does_not_say_where_a_summit_is_held(nlp):
    _, rels = run(nlp, "Le sommet du G20 s'est tenu à Rio. Le prochain sommet du G20 aura-t-il lieu en Suisse ? Non.")
    assert not any(p == "hostCountry" and o == "Suisse" for s, p, o in rels), rels
    # the same words as a statement do
    _, rels = run(nlp, "Le sommet du G20 s'est tenu à Rio. Le prochain sommet du G20 aura lieu en Suisse.")
    assert any(p == "hostCountry" and o == "Suisse" for s, p, o in rels), rels


# ── « n'avait dépêché que son ministre »: restriction, not negation; a delegation's members ────────────


def test_ne_que_restricts_and_the_envoy_attends(nlp):
    lead = "Le sommet de l'Union des ports s'est tenu à Tirana. "
    _, rels = run(nlp, lead + "La Bosnie-Herzégovine n'avait dépêché que son ministre des Affaires étrangères, "
                              "Edin Halilbegović.")
    assert ("sommet de l'Union des ports", "attendee", "Edin Halilbegović") in rels
    assert ("sommet de l'Union des ports", "attendee", "Bosnie-Herzégovine") in rels
    # negated, nobody was sent
    _, rels = run(nlp, lead + "La Bosnie-Herzégovine n'avait pas dépêché son ministre des Affaires étrangères, "
                              "Edin Halilbegović.")
    assert not any(p == "attendee" for s, p, o in rels), rels


def test_the_members_of_a_delegation_attend(nlp):
    lead = "Le troisième sommet de l'Union des ports s'est tenu à Nicosie. "
    _, rels = run(nlp, lead + "La délégation libanaise, conduite par le chef de l'État, comprenait le Premier ministre, "
                              "Karim Haddad-Saba, et le ministre de l'Énergie, Fouad Nassar.")
    assert {("sommet de l'Union des ports", "attendee", "Karim Haddad-Saba"),
            ("sommet de l'Union des ports", "attendee", "Fouad Nassar")} <= {(s.replace("troisième ", ""), p, o) for s, p, o in rels}, rels
    # something else that « comprenait » someone: no attendance
    _, rels = run(nlp, lead + "Le programme comprenait une visite du port avec le ministre de l'Énergie, Fouad Nassar.")
    assert not any(p == "attendee" and o == "Fouad Nassar" for s, p, o in rels), rels


# ── « ..., paraphé par X et Y »: a participle's agent, not an inverted reporting clause ─────────────────


def test_a_participle_with_its_agents_after_a_comma_is_an_act(nlp):
    ents, rels = run(nlp, "Le sommet de l'Union des ports, tenu vendredi à Nicosie, a produit un texte attendu : "
                          "l'accord sur la pêche entre le Liban et Chypre, paraphé en fin de matinée par le président "
                          "Élie Karam et son homologue chypriote, Andreas Kyprianou-Loizou.")
    anns = [e for e in ents.values() if e.type == "Announcement"]
    assert anns, ents
    assert "Élie Karam" in {o for s, p, o in rels if p == "announcedBy"}, rels
    # a reporting clause after a quote stays a way of saying
    ents, rels = run(nlp, "Le sommet de l'Union des ports s'est tenu vendredi à Nicosie. « Nous sommes satisfaits », "
                          "a lancé le président Élie Karam.")
    assert not [e for e in ents.values() if e.type == "Announcement"], ents


# ── « C'est dans la cité des lacs, X, capitale ..., que s'est tenue ... »: a cleft after long appositions ──────


def test_a_cleft_place_after_long_appositions_hosts_the_summit(nlp):
    _, rels = run(nlp, "C'est dans la cité des lacs, Yamoussoukro, capitale politique de la Côte d'Ivoire et ville natale "
                       "du fondateur de l'institution, feu le Président Kouassi Brou-Adjé, que s'est tenue le jeudi 20 mai, "
                       "sous la très haute présidence du chef de l'État, la 30e session ordinaire du Conseil des ports.")
    assert any(p == "hostCity" and o == "Yamoussoukro" for s, p, o in rels), rels
    # a cleft about something else done there: no host
    _, rels = run(nlp, "C'est dans la cité des lacs, Yamoussoukro, que le président a signé le décret, lors de la 30e "
                       "session ordinaire du Conseil des ports.")
    assert not any(p == "hostCity" and o == "Yamoussoukro" for s, p, o in rels), rels


# ── « président en exercice de », « par intérim »: inside the title ───────────────────────────────────


def test_an_office_phrase_does_not_end_a_title(nlp):
    ents, rels = run(nlp, "Le sommet s'est ouvert sous la présidence de Koffi Adjovi-Mensah, président en exercice de "
                          "l'Union africaine.")
    assert ("Koffi Adjovi-Mensah", "affiliation", "Union africaine") in rels, rels
    # a place after « en » ends the title
    ents, rels = run(nlp, "Le sommet s'est ouvert avec Koffi Adjovi-Mensah, président en Afrique de l'Union des ports.")
    assert not any(p == "affiliation" for s, p, o in rels), rels


# ── « n'a pas voulu signer »: a refusal to sign ──────────────────────────────────────────────────────


def test_not_wanting_to_sign_is_a_refusal(nlp):
    lead = "Le sommet de l'Union des ports s'est tenu à Rio. "
    ents, rels = run(nlp, lead + "La Hongrie n'a pas voulu signer la déclaration finale.")
    anns = [label for label, e in ents.items() if e.type == "Announcement"]
    assert len(anns) == 1 and anns[0].startswith("Refus de signer"), anns
    assert (anns[0], "announcedBy", "Hongrie") in rels
    # wanting to sign, or not wanting to comment: nothing announced
    for miss in ("La Hongrie a voulu signer la déclaration finale.", "La Hongrie n'a pas voulu commenter la déclaration finale."):
        ents, _ = run(nlp, lead + miss)
        assert not [e for e in ents.values() if e.type == "Announcement"], miss
