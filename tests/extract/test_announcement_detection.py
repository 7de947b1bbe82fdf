"""Announcement detection found by the probe articles tests/corpus_invented/41-46: forms of stating a
decision the rules did not know (an announcing noun, a participle with its agent, ...), each with a near
miss it must not take.

Sentences are invented, in news style; people, places and bodies are made up or unrelated to the corpora.
"""

import pytest

from _extracted import agents, anns, attr, key, run

pytestmark = pytest.mark.model


# ── an announcement told by its noun ───────────────────────────────────────────────────────────


def test_the_announcement_by_someone_of_something_is_their_announcement(nlp):
    text = ("Le sommet de l'Union africaine s'est ouvert lundi à Kampala. L'annonce par la ministre tarvistanaise "
            "des Finances, Mira Olsen, d'une enveloppe de 80 millions d'euros pour les réfugiés a marqué la journée.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Mira Olsen")}
    assert attr(ann, "amount") == "80 millions d'euros"
    # the object hung by the parser on the agent's name
    text = ("Le sommet de l'Union africaine s'est ouvert lundi à Kampala. L'annonce par la Norvège d'un fonds "
            "commun de 3 milliards de dollars avec le Ghana a été saluée par les marchés.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Norvège")}


def test_opening_a_summit_by_the_announcement_of_something_announces_it(nlp):
    text = ("Le président tarvistanais, Karl Bertin, a ouvert mardi le sommet de l'Union africaine par l'annonce de "
            "2 milliards de dollars de prêts pour le continent.")
    ents, rels = run(nlp, text, published="2024-06-14")
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Karl Bertin")}
    assert attr(ann, "date") == "2024-06-11"  # « a ouvert mardi »: the Tuesday before


def test_an_announcement_noun_that_is_awaited_or_denied_is_none(nlp):
    # near misses: the announcement is to come, or the verb tells it itself (one announcement, not two)
    ents, _ = run(nlp, "L'annonce par la Norvège d'un fonds de 3 milliards de dollars pourrait intervenir mardi.")
    assert anns(ents) == []
    ents, _ = run(nlp, "L'annonce par la Norvège d'un fonds de 3 milliards de dollars interviendra mardi.")
    assert anns(ents) == []
    ents, _ = run(nlp, "La Norvège a confirmé l'annonce d'un fonds de 3 milliards de dollars.")
    assert len(anns(ents)) == 1


# ── a participle with its agent ───────────────────────────────────────────────────────────────


def test_a_plan_adopted_by_the_member_states_is_announced_by_the_body(nlp):
    text = ("Le sommet de l'Union africaine s'est achevé samedi à Kampala. Le plan, adopté samedi par les États "
            "membres, prévoit 300 millions d'euros d'investissements dans les cultures vivrières.")
    ents, rels = run(nlp, text, published="2024-06-18")
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Union africaine")}
    assert attr(ann, "amount") == "300 millions d'euros"  # what the plan provides
    assert attr(ann, "date") == "2024-06-15"  # « adopté samedi »: the Saturday before


def test_a_centre_approved_by_the_leaders_is_announced_by_the_body(nlp):
    # « par les dix-huit dirigeants » hung by the parser on the next verb
    text = ("Le sommet de l'Union africaine s'est achevé jeudi à Kampala. Le centre d'alerte aux tsunamis, approuvé "
            "jeudi par les dix-huit dirigeants, sera installé à Dakar.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Union africaine")}


def test_a_participle_without_its_agent_announces_nothing(nlp):
    # near miss: « le centre, approuvé depuis longtemps, » names no one who decides
    text = ("Le sommet de l'Union africaine s'est achevé jeudi à Kampala. Le centre d'alerte aux crues, approuvé "
            "depuis longtemps, sera installé à Dakar.")
    ents, _ = run(nlp, text)
    assert anns(ents) == []


# ── who announces, when the parse loses the subject ─────────────────────────────────────────────


def test_a_subject_cut_from_its_participle_by_an_incise_still_announces(nlp):
    text = ("Mme Ilse Varga a, pour sa part, annoncé que Bruxelles cofinancerait à hauteur de 40 % la ligne "
            "ferroviaire entre Tartu et Riga.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Ilse Varga")}
    ents, rels = run(nlp, "L'Égypte a, elle, conclu avec la Norvège un accord sur la pêche.")
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Égypte"), key(ents, "Norvège")}  # « avec »: a co-agent, no passive agent


# ── pledges in other words ─────────────────────────────────────────────────────────────────────


def test_what_we_will_do_with_a_sum_in_a_quote_is_a_pledge(nlp):
    text = ("« Nous allons doubler nos bourses pour les étudiants andins, soit 60 millions d'euros par an », "
            "a déclaré le Premier ministre tarvistanais, Karl Bertin.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Karl Bertin")}
    assert attr(ann, "amount") == "60 millions d'euros"
    # near miss: no sum, only efforts
    ents, _ = run(nlp, "« Nous allons doubler nos efforts », a déclaré le Premier ministre tarvistanais, Karl Bertin.")
    assert anns(ents) == []


def test_putting_a_sum_into_something_is_a_pledge(nlp):
    ents, rels = run(nlp, "La Norvège met 1,2 Md€ dans un fonds pour la transition énergétique des Andes.")
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Norvège")}
    assert attr(ann, "amount") == "1,2 Md€"
    ents, rels = run(nlp, "La Norvège mettra 15 milliards de dollars à la disposition du Ghana d'ici 2029.")
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Norvège")}
    # near miss: « met en garde » puts no sum anywhere
    ents, _ = run(nlp, "La Norvège met en garde contre une guerre commerciale.")
    assert anns(ents) == []


def test_half_a_billion_is_a_sum(nlp):
    ents, rels = run(nlp, "Le président tarvistanais, Karl Bertin, a promis un demi-milliard d'euros au Ghana.")
    (ann,) = anns(ents)
    assert attr(ann, "amount") == "un demi-milliard d'euros"


def test_the_sum_of_a_fund_launched_in_a_relative_clause(nlp):
    text = ("Le fonds que la Banque mondiale a lancé en marge de la réunion, doté de 45 M€, financera les "
            "premières semences.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Banque mondiale")}
    assert attr(ann, "amount") == "45 M€"


# ── one news item, or two ──────────────────────────────────────────────────────────────────────


def test_joining_the_initiative_is_not_the_announcement_told_before(nlp):
    text = ("Le sommet de l'Union africaine s'est tenu jeudi à Kampala. La commissaire Ilse Varga a annoncé que "
            "Bruxelles cofinancerait la ligne ferroviaire entre Tartu et Riga. « La Norvège rejoindra l'initiative "
            "comme partenaire associé dès cette année », a indiqué le Premier ministre norvégien, Olav Lund.")
    ents, rels = run(nlp, text)
    assert len(anns(ents)) == 2
    (joined,) = [a for a in anns(ents) if key(ents, "Olav Lund") in agents(rels, a)]
    assert key(ents, "Ilse Varga") not in agents(rels, joined)


# ── decisions in relative clauses and passives, however parsed ─────────────────────────────────


def test_what_the_leaders_approved_in_a_relative_clause_with_dont(nlp):
    text = ("Le sommet de l'Union africaine s'est tenu jeudi et vendredi à Kampala. Le corridor routier, dont les "
            "dirigeants ont approuvé vendredi le prolongement jusqu'à Dakar, doit relier les deux côtes d'ici 2033.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Union africaine")}


def test_a_candidacy_accepted_by_the_leaders(nlp):
    text = ("Le sommet de l'Union africaine s'est tenu jeudi et vendredi à Kampala. Le prochain sommet se tiendra "
            "en 2028 à Lomé : la candidature du Togo a été acceptée vendredi par les dirigeants.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Union africaine")}
    # near miss: accepted, by no one said
    ents, _ = run(nlp, "La candidature du Togo a été acceptée vendredi.")
    assert anns(ents) == []


def test_the_reason_given_for_a_refusal_is_no_announcement(nlp):
    text = ("Le sommet de l'Union africaine s'est tenu jeudi à Kampala. Le Ghana a refusé de parapher la déclaration "
            "sur la pêche, estimant qu'elle engageait les États africains dans une rivalité qui n'est pas la leur.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Ghana")}
    assert "pêche" in attr(ann, "summary")


# ── the present tense ────────────────────────────────────────────────────────────────


def test_opening_a_credit_line_of_a_sum_is_a_pledge(nlp):
    ents, rels = run(nlp, "La Banque mondiale ouvre une ligne de crédit de 750 millions de dollars pour les PME du Ghana.")
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Banque mondiale")}
    # near miss: opening a summit pledges nothing
    ents, _ = run(nlp, "Le président de la Banque mondiale ouvre le sommet du Ghana à Accra.")
    assert anns(ents) == []


def test_who_initials_what_is_signed_signs_it_too(nlp):
    text = ("Le Ghana et la Norvège ont signé un protocole d'accord sur la pêche durable dans leurs eaux, "
            "paraphé par le ministre ghanéen de la Pêche, Kwame Asante.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Ghana"), key(ents, "Norvège"), key(ents, "Kwame Asante")}
    # near miss: a participle that is no signing adds no one
    text = ("Le Ghana et la Norvège ont signé un protocole d'accord sur la pêche durable dans leurs eaux, "
            "salué par le ministre ghanéen de la Pêche, Kwame Asante.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert key(ents, "Kwame Asante") not in agents(rels, ann)


# ── lists ──────────────────────────────────────────────────────────────────────────────────────


def test_a_list_of_decisions_after_a_colon_is_one_announcement_per_item(nlp):
    text = ("Le sommet de l'Union africaine s'est achevé samedi à Kampala. Les dirigeants y ont pris trois décisions : "
            "un plan régional contre les criquets, la création d'une agence des semences et l'entrée du Ghana dans "
            "le fonds de garantie.")
    ents, rels = run(nlp, text)
    assert len(anns(ents)) == 3
    assert all(agents(rels, a) == {key(ents, "Union africaine")} for a in anns(ents))
    # near miss: topics listed after a colon are no decisions
    text = ("Le sommet de l'Union africaine s'est achevé samedi à Kampala. Les dirigeants y ont évoqué trois "
            "sujets : les criquets, les semences et la dette.")
    ents, _ = run(nlp, text)
    assert anns(ents) == []


def test_a_second_object_joined_by_ainsi_que_is_a_second_announcement(nlp):
    text = ("Le président tarvistanais, Karl Bertin, a annoncé la création d'un fonds pour la presse libre, doté de "
            "20 millions d'euros, ainsi que l'ouverture d'un institut culturel à Dakar.")
    ents, rels = run(nlp, text)
    assert len(anns(ents)) == 2
    assert all(agents(rels, a) == {key(ents, "Karl Bertin")} for a in anns(ents))
    # near miss: « ainsi que » inside what the one object is for
    text = "Le président tarvistanais, Karl Bertin, a annoncé un fonds pour le Ghana ainsi que pour le Togo."
    ents, _ = run(nlp, text)
    assert len(anns(ents)) == 1


def test_who_details_a_pledge_after_it_announces_it(nlp):
    text = ("Le plus gros chèque vient de la société Orvane : le groupe va investir 2 milliards d'euros dans ses "
            "usines au Ghana, a détaillé son président, Paul Ravel.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert key(ents, "Paul Ravel") in agents(rels, ann)
