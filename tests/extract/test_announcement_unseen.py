"""Announcement mechanisms added for unseen text (probes 35-40 of tests/corpus_invented): background told in
the pluperfect, a head of state named by title only, descriptive names of bodies, collectives that are no
body. Short invented sentences: each test asserts what a mechanism should produce and a near miss it must not.
"""

import pytest

from _extracted import agents, anns, key, run, run_labels

pytestmark = pytest.mark.model


# ── background recalled in the pluperfect ───────────────────────────────────────────────────────────


def test_a_pluperfect_decision_of_an_earlier_year_is_background(nlp):
    text = ("Le sommet de la Ligue des marais s'est tenu samedi à Kervalo. "
            "En 2019, la Ligue avait déjà levé les sanctions visant le Tchad.")
    ents, _ = run(nlp, text, published="2025-03-02")
    assert not anns(ents)


def test_a_pluperfect_decision_at_an_earlier_edition_is_background(nlp):
    text = ("Réunis à Kervalo, les dirigeants ont ouvert le sommet lundi. "
            "Lors du premier sommet, les participants avaient décidé de créer un fonds commun.")
    ents, _ = run(nlp, text, published="2025-03-02")
    assert not anns(ents)


def test_a_pluperfect_told_earlier_in_the_same_event_is_still_announced(nlp):
    # near miss: no earlier year nor edition, « dès l'ouverture » of this summit
    text = ("Le sommet de Kervalo s'est achevé vendredi. Dès l'ouverture, le président Ilan Morvek avait dévoilé "
            "une enveloppe de 100 millions d'euros pour le Tchad.")
    ents, rels = run(nlp, text, published="2025-03-02")
    (ann,) = anns(ents)
    assert key(ents, "Ilan Morvek") in agents(rels, ann)


# ── a head of state named by title only ─────────────────────────────────────────────────────────────


def test_the_head_of_state_is_the_president_named_before(nlp):
    text = ("Le sommet du G20 s'est ouvert lundi à Lisbonne. Le président portugais, Rui Falcato, hôte de la "
            "rencontre, a salué les participants. Le chef de l'État s'est également engagé à verser 300 millions "
            "de dollars au Tchad.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Rui Falcato")}


def test_the_head_of_state_is_not_the_president_of_a_body(nlp):
    # near miss: « président de la Commission » heads a body, not a state
    text = ("Le sommet du G20 s'est ouvert lundi à Lisbonne. Le président de la Commission africaine, Rui Falcato, "
            "a salué les participants. Le chef de l'État s'est également engagé à verser 300 millions de dollars "
            "au Tchad.")
    ents, rels = run(nlp, text)
    assert not any(key(ents, "Rui Falcato") in agents(rels, a) for a in anns(ents))


# ── descriptive names of bodies, collectives ────────────────────────────────────────────────────────


def test_the_european_executive_is_the_commission(nlp):
    text = ("Le sommet UE-Inde s'est tenu lundi à Lisbonne. L'exécutif européen a débloqué jeudi une enveloppe de "
            "12 milliards d'euros d'investissements pour l'Inde.")
    ents, rels = run_labels(nlp, text)
    assert any(s.startswith("Une enveloppe") and p == "announcedBy" and o == "Commission européenne" for s, p, o in rels)


def test_an_executive_without_a_listed_name_is_no_body(nlp):
    # near miss: « l'exécutif régional » is listed nowhere
    ents, _ = run_labels(nlp, "L'exécutif régional a débloqué une enveloppe de 12 millions d'euros pour les écoles.")
    assert not any(e.type == "Organization" for e in ents.values())


def test_the_twenty_seven_are_no_organisation(nlp):
    text = ("Les Vingt-Sept donnent leur feu vert à un prêt à l'Ukraine. Les chefs d'État et de gouvernement de "
            "l'Union européenne ont donné leur feu vert à un prêt de 90 milliards d'euros à l'Ukraine.")
    ents, rels = run_labels(nlp, text)
    assert "Vingt-Sept" not in ents
    assert any(p == "announcedBy" and o == "Union européenne" for _, p, o in rels)


# ── parse repairs and idioms of offering ────────────────────────────────────────────────────────────


def test_a_day_taken_for_the_object_leaves_the_decision_its_object(nlp):
    text = ("KERVALO, 7 juillet 2025 (Agence) — Les dirigeants de l'OCS ont entériné lundi l'adhésion "
            "du Laos comme membre à part entière.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert not ann.label.lower().startswith("lundi")
    assert "country/LAO" in {o for s, p, o in rels if s == ann.key and p == "about"}


def test_a_sum_put_on_the_table_is_offered(nlp):
    text = ("Le sommet du G20 s'est ouvert lundi à Lisbonne. Pékin a mis sur la table 20 milliards de dollars de "
            "prêts pour des projets d'infrastructures, a précisé le Premier ministre chinois, Li Wen.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert ann.label.startswith("20 milliards")
    assert {"country/CHN", key(ents, "Li Wen")} <= agents(rels, ann)


def test_a_proposal_put_on_the_table_is_not_announced(nlp):
    # near miss: no sum, a proposal to be examined
    text = ("Le sommet du G20 s'est ouvert lundi à Lisbonne. La Commission a mis sur la table une proposition de taxe "
            "sur les petits colis.")
    ents, _ = run(nlp, text)
    assert not anns(ents)


# ── calls ───────────────────────────────────────────────────────────────────────────────────────────


def test_one_leaders_call_is_not_an_announcement(nlp):
    text = ("Le sommet du G20 s'est ouvert lundi à Lisbonne. Le président sud-africain, Themba Kovu, a appelé à une "
            "réforme « sans délai » du Conseil de sécurité de l'ONU.")
    ents, _ = run(nlp, text)
    assert not anns(ents)


def test_a_groups_call_is_still_a_joint_statement(nlp):
    # near miss: the leaders together, as in a final text
    text = ("Le sommet du G20 s'est ouvert lundi à Lisbonne. Les dirigeants du G20 ont appelé à un cessez-le-feu "
            "immédiat au Soudan.")
    ents, _ = run(nlp, text)
    assert anns(ents)


def test_a_title_refers_to_the_subject_just_before_among_several_fits(nlp):
    text = ("Le sommet du G20 s'est ouvert lundi à Lisbonne. Le chancelier autrichien, Markus Lenz, espère « un accord "
            "avant minuit ». Le Premier ministre belge, Jan Peeters, est arrivé parmi les premiers. Dans la foulée, le "
            "chef du gouvernement a débloqué 200 millions d'euros d'aide militaire pour Kiev.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Jan Peeters")}


def test_a_title_stays_unresolved_when_the_sentence_before_names_two_fits(nlp):
    # near miss: two heads of government in the sentence just before
    text = ("Le sommet du G20 s'est ouvert lundi à Lisbonne. Le chancelier autrichien, Markus Lenz, et le Premier "
            "ministre belge, Jan Peeters, sont arrivés parmi les premiers. Dans la foulée, le chef du gouvernement a "
            "débloqué 200 millions d'euros d'aide militaire pour Kiev.")
    ents, rels = run(nlp, text)
    assert not any(key(ents, "Markus Lenz") in agents(rels, a) or key(ents, "Jan Peeters") in agents(rels, a)
                   for a in anns(ents))


# ── co-agents and pronouns ──────────────────────────────────────────────────────────────────────────


def test_a_counterpart_named_after_his_title_signs_not_his_country(nlp):
    text = ("Le sommet de l'UEMOA s'est tenu samedi à Lomé. Le chef de l'État ivoirien, Alassane Kouamé, a octroyé "
            "une enveloppe de 50 milliards de francs CFA au fonds régional. Il a aussi paraphé avec son homologue "
            "sénégalais, Ousmane Diagne Sarr, un accord sur l'interconnexion des réseaux électriques.")
    ents, rels = run(nlp, text)
    signed = [a for a in anns(ents) if key(ents, "Ousmane Diagne Sarr") in agents(rels, a)]
    assert signed and key(ents, "Alassane Kouamé") in agents(rels, signed[0])
    assert "country/SEN" not in agents(rels, signed[0])


def test_a_counterpart_without_a_name_signs_for_his_country(nlp):
    # near miss: no name after the title (an apposition that names no one), the country stands
    text = ("Le sommet de l'UEMOA s'est tenu samedi à Lomé. Le chef de l'État ivoirien, Alassane Kouamé, a octroyé "
            "une enveloppe de 50 milliards de francs CFA au fonds régional. Il a aussi paraphé avec son homologue "
            "sénégalais, hôte de la prochaine session, un accord sur l'interconnexion des réseaux électriques.")
    ents, rels = run(nlp, text)
    signed = [a for a in anns(ents) if "country/SEN" in agents(rels, a)]
    assert signed and key(ents, "Alassane Kouamé") in agents(rels, signed[0])


# ── « ont tranché », member groups ──────────────────────────────────────────────────────────────────


def test_a_decision_reported_by_ont_tranche_is_announced_by_the_body(nlp):
    text = ("Le sommet de la CEDEAO s'est tenu à Abuja. La prochaine session ordinaire se tiendra à Niamey, ont tranché "
            "les dirigeants au terme d'un long débat.")
    ents, rels = run_labels(nlp, text)
    assert any(p == "announcedBy" and "Afrique de l'Ouest" in o for _, p, o in rels)


def test_a_question_left_to_decide_is_not_announced(nlp):
    # near miss: « reste à trancher », nothing decided
    ents, _ = run(nlp, "Le sommet de l'OTAN s'est tenu à Oslo. La question des avoirs gelés reste à trancher, selon un diplomate.")
    assert not anns(ents)


def test_the_signatory_countries_are_the_body(nlp):
    text = ("Le sommet de l'OTAN s'est tenu à Oslo. Les pays signataires ont par ailleurs approuvé une déclaration sur "
            "la protection des infrastructures critiques.")
    ents, rels = run_labels(nlp, text)
    assert any(p == "announcedBy" and o.startswith("Organisation du traité") for _, p, o in rels)


# ── the name given to a text ────────────────────────────────────────────────────────────────────────


def test_a_text_baptised_with_a_quoted_name_is_named_so(nlp):
    text = ("Le sommet des Brics s'est achevé lundi à Rio. Les pays membres ont enfin approuvé une déclaration finale "
            "de 31 pages, baptisée « déclaration de Rio », qui dénonce les hausses unilatérales de droits de douane.")
    ents, _ = run(nlp, text)
    assert [a.label for a in anns(ents)] == ["Déclaration de Rio"]


def test_a_quoted_judgement_is_no_name(nlp):
    # near miss: « jugée « historique » » qualifies the text, it does not name it
    text = ("Le sommet des Brics s'est achevé lundi à Rio. Les pays membres ont enfin approuvé une déclaration finale "
            "de 31 pages, jugée « historique » par le président.")
    ents, _ = run(nlp, text)
    assert [a.label for a in anns(ents)] != ["Historique"]


# ── sums raised, groups joined, ministers as a group ────────────────────────────────────────────────


def test_a_sum_raised_is_announced(nlp):
    ents, rels = run(nlp, "Le sommet du G20 s'est tenu lundi à Lisbonne. La France a levé 3 milliards d'euros pour le fonds climat.")
    (ann,) = anns(ents)
    assert "country/FRA" in agents(rels, ann)


def test_lifting_a_curfew_is_no_sum_raised(nlp):
    # near miss: « lever » without a sum nor a decision object
    ents, _ = run(nlp, "Le sommet du G20 s'est tenu lundi à Lisbonne. La France a levé le couvre-feu dans la capitale.")
    assert not anns(ents)


def test_joining_a_coalition_is_announced(nlp):
    ents, rels = run(nlp, "Le sommet du G20 s'est tenu lundi à Lisbonne. L'Allemagne a rejoint la coalition pour l'hydrogène.")
    (ann,) = anns(ents)
    assert "country/DEU" in agents(rels, ann)


def test_joining_a_queue_is_not(nlp):
    # near miss: « rejoindre » a place or a crowd
    ents, _ = run(nlp, "Le sommet du G20 s'est tenu lundi à Lisbonne. L'Allemagne a rejoint la table des négociations.")
    assert not anns(ents)


def test_the_ministers_as_a_group_are_the_body(nlp):
    text = "Le sommet du G20 s'est tenu lundi à Lisbonne. Les ministres ont approuvé la création d'un fonds pour les océans."
    ents, rels = run_labels(nlp, text)
    assert any(p == "announcedBy" and o == "G20" for _, p, o in rels)


def test_the_ministers_of_one_country_are_not_the_body(nlp):
    # near miss: a narrower group (« les ministres français »)
    text = ("Le sommet du G20 s'est tenu lundi à Lisbonne. Les ministres français des Finances ont approuvé la création "
            "d'un fonds pour les océans.")
    ents, rels = run_labels(nlp, text)
    assert not any(p == "announcedBy" and o == "G20" for _, p, o in rels)
