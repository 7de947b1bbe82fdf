"""What announcements are about, and announcements of acts on countries (issue 15), each with a near miss.

Sentences are invented, in news style; people, summits and topics are made up or unrelated to the corpora.
"""

import pytest

from _extracted import about, agents, anns, run

pytestmark = pytest.mark.model


# ── lists the parser splits ───────────────────────────────────────────────────────────────────


def test_every_country_of_a_list_in_the_object_is_what_it_is_about(nlp):
    text = "Au sommet de Nairobi, la Banque mondiale a annoncé une aide de 100 millions de dollars pour le Tchad, le Niger et le Mali."
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert about(rels, ann) >= {"country/TCD", "country/NER", "country/MLI"}
    ents, rels = run(nlp, "Lors du sommet, le Brésil a annoncé l'adhésion de l'Argentine, de l'Égypte et de l'Iran.")
    (ann,) = anns(ents)
    assert about(rels, ann) >= {"country/ARG", "country/EGY", "country/IRN"}


def test_a_country_after_the_object_with_no_list_word_is_not_about(nlp):
    # near miss: « , a indiqué le Niger » is who says it, not a member of the list
    text = "Au sommet de Paris, la France a annoncé une aide de 20 millions d'euros au Mali, a indiqué le Niger."
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert "country/NER" not in about(rels, ann)
    assert "country/MLI" in about(rels, ann)


def test_every_country_of_a_list_of_subjects_announces(nlp):
    ents, rels = run(nlp, "Au sommet de Tachkent, l'Angola, l'Uruguay et l'Algérie ont rejoint les BRICS.")
    (ann,) = anns(ents)
    assert agents(rels, ann) >= {"country/AGO", "country/URY", "country/DZA"}


# ── an act told by a participle with its agent ────────────────────────────────────────────────


def test_countries_suspended_by_a_named_body_are_an_announcement_about_them(nlp):
    text = ("Le sommet de la CEDEAO s'est ouvert à Abuja. Le Niger, la Guinée et le Mali, suspendus par la CEDEAO "
            "après les coups d'État, n'étaient pas représentés.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert about(rels, ann) == {"country/NER", "country/GIN", "country/MLI"}
    assert len(agents(rels, ann)) == 1
    ents, rels = run(nlp, "Au sommet de Kigali, le Togo, suspendu par l'Union africaine en 2031, était absent.")
    (ann,) = anns(ents)
    assert about(rels, ann) == {"country/TGO"}


def test_a_participle_with_no_agent_or_no_decision_verb_is_no_announcement(nlp):
    ents, _ = run(nlp, "Au sommet de Rome, le Niger, suspendu depuis le coup d'État, était absent.")
    assert anns(ents) == []
    ents, _ = run(nlp, "Au sommet de Rome, le Niger, visité par le président français en 2022, était absent.")
    assert anns(ents) == []


# ── acts told with no announcing verb ─────────────────────────────────────────────────────────


def test_hosting_the_next_summit_is_an_announcement_about_it(nlp):
    ents, rels = run(nlp, "Le Nigeria organisera le prochain sommet de la CEDEAO.")
    (ann,) = anns(ents)
    assert agents(rels, ann) == {"country/NGA"}
    assert {ents[o].type for o in about(rels, ann)} == {"Summit"}
    ents, rels = run(nlp, "La Chine accueillera le prochain sommet de l'APEC en 2026.")
    (ann,) = anns(ents)
    assert agents(rels, ann) == {"country/CHN"}


def test_a_host_described_in_a_relative_clause_or_a_summit_in_progress_is_no_announcement(nlp):
    ents, _ = run(nlp, "Le Brésil, qui accueillera le prochain sommet, a salué les participants.")
    assert anns(ents) == []
    ents, _ = run(nlp, "Le Chili accueillera la COP34 à Santiago en novembre. La COP34 sera consacrée aux océans.")
    assert anns(ents) == []


def test_a_presidency_handed_over_to_a_country_is_about_it_and_the_body(nlp):
    ents, rels = run(nlp, "Le sommet de Lima s'est achevé. Le Pérou a transmis la présidence du G20 à l'Afrique du Sud.")
    (ann,) = anns(ents)
    assert agents(rels, ann) == {"country/PER"}
    assert "country/ZAF" in about(rels, ann)
    assert any(ents[o].type == "Organization" for o in about(rels, ann))


def test_something_else_handed_to_a_country_is_no_presidency(nlp):
    ents, _ = run(nlp, "Le président a transmis ses condoléances à la Turquie.")
    assert anns(ents) == []


# ── pledges to the article's fund ─────────────────────────────────────────────────────────────


def test_a_sum_pledged_to_no_one_goes_to_the_fund_named_earlier_in_the_article(nlp):
    text = ("Le sommet de Lomé a salué le Fonds vert pour le climat. Le Togo a accueilli les délégations. "
            "Le Bénin a félicité les organisateurs. Le Ghana versera 40 millions de dollars, a indiqué son ministre.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert {ents[o].type for o in about(rels, ann)} == {"Organization"}


def test_a_sum_pledged_before_the_fund_is_named_or_to_a_country_is_not_about_the_fund(nlp):
    ents, rels = run(nlp, "Le Ghana versera 40 millions de dollars, a indiqué son ministre. Le sommet de Lomé a salué le Fonds vert pour le climat.")
    (ann,) = anns(ents)
    assert about(rels, ann) == set()
    ents, rels = run(nlp, "Le sommet de Lomé a salué le Fonds vert pour le climat. Le Ghana versera 40 millions de dollars au Niger.")
    (ann,) = anns(ents)
    assert about(rels, ann) == {"country/NER"}


def test_an_acronym_the_article_defined_names_its_organisation_in_what_is_announced(nlp):
    text = ("Le sommet de Lomé a lancé l'Agence africaine des semences (AAS). "
            "Le Ghana a déclaré qu'il verserait 40 millions de dollars à l'AAS.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert {ents[o].label for o in about(rels, ann)} & {"Agence africaine des semences", "AAS"}


# ── what a summit's text says, told right after it ────────────────────────────────────────────


def test_what_the_group_reaffirms_right_after_its_text_is_what_the_text_is_about(nlp):
    text = ("Le sommet du G20 s'est tenu à Lima. La déclaration finale du sommet appelle les membres à agir "
            "vite. Les dirigeants y ont aussi réaffirmé leur attachement à la paix au Yémen, en Libye "
            "et au Soudan, et dénoncé la piraterie.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert about(rels, ann) >= {"country/YEM", "country/LBY", "country/SDN"}
    text = ("Le sommet de l'Otan s'est tenu à Tallinn. Les dirigeants ont adopté une déclaration finale. "
            "Ils condamnent l'agression de la Russie contre la Géorgie.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert "country/GEO" in about(rels, ann)


def test_what_the_group_says_after_another_sentence_or_with_no_text_is_not_about_a_text(nlp):
    text = ("Le sommet de l'Otan s'est tenu à Tallinn. Les dirigeants ont adopté une déclaration finale. "
            "Le président turc a rencontré son homologue suédois. Les dirigeants ont salué la Finlande.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert "country/FIN" not in about(rels, ann)
    ents, _ = run(nlp, "Le sommet du G20 s'est tenu à Lima. Les dirigeants ont réaffirmé leur attachement à la paix au Soudan.")
    assert anns(ents) == []


# ── objects the parser hangs elsewhere ────────────────────────────────────────────────────────


def test_an_object_hung_on_a_day_is_still_what_is_announced(nlp):
    ents, rels = run(nlp, "Au sommet de Lima, l'Union européenne a annoncé jeudi un prêt de 20 milliards de dollars à la Moldavie.")
    (ann,) = anns(ents)
    assert "country/MDA" in about(rels, ann)


def test_a_city_right_after_a_noun_of_giving_receives_it_and_is_no_place(nlp):
    text = "L'Ukraine attend des armes. Le président Marc Oudin a annoncé la livraison à Kiev de trois systèmes de défense."
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert "country/UKR" in about(rels, ann)
    assert not any(p == "hostCity" for s, p, o in rels if s == ann.key)


def test_a_city_not_right_after_the_noun_of_giving_is_still_where_it_was_said(nlp):
    ents, rels = run(nlp, "Le président Marc Oudin a annoncé une aide de 10 millions d'euros, jeudi à Nairobi.")
    (ann,) = anns(ents)
    assert any(p == "hostCity" for s, p, o in rels if s == ann.key)


def test_beneficiaries_after_pour_hung_on_the_verb_are_about(nlp):
    text = "Au sommet de Pékin, la Chine a annoncé une exemption de visas pour les ressortissants de Suède, de Norvège et du Danemark."
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert about(rels, ann) >= {"country/SWE", "country/NOR", "country/DNK"}


def test_countries_giving_with_the_agent_are_not_about_but_a_partner_of_a_deal_is(nlp):
    text = ("Au sommet de Rome, le président Marc Oudin a annoncé la livraison à Kiev de trois systèmes de défense, "
            "dont des batteries fournies avec la Suède et la Norvège.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert not about(rels, ann) & {"country/SWE", "country/NOR"}
    ents, rels = run(nlp, "Au sommet de Rome, la France a signé un partenariat avec le Ghana.")
    (ann,) = anns(ents)
    assert "country/GHA" in about(rels, ann)


# ── who decides ───────────────────────────────────────────────────────────────────────────────


def test_ils_after_the_group_is_the_group_and_designating_a_country_is_a_decision(nlp):
    text = ("Le 12e sommet de la CEDEAO s'est tenu à Abuja. Dimanche, les dirigeants ont adopté la santé comme thème "
            "de l'année. Ils ont enfin désigné la Namibie pour prendre la présidence de la CEDEAO en 2026.")
    ents, rels = run(nlp, text)
    ann = next(a for a in anns(ents) if "country/NAM" in about(rels, a))
    assert {ents[o].label for o in agents(rels, ann)} == {"Communauté économique des États de l'Afrique de l'Ouest"}


def test_ils_after_a_named_subject_is_not_the_group(nlp):
    text = "Le 12e sommet de la CEDEAO s'est tenu à Abuja. Le Togo et le Bénin ont salué les travaux. Ils ont désigné l'Angola pour les représenter."
    ents, rels = run(nlp, text)
    for a in anns(ents):
        assert not any(ents[o].label.startswith("Communauté") for o in agents(rels, a))


def test_chairing_a_body_in_the_future_is_about_it(nlp):
    for text in ("Le Pérou présidera le G20 en 2031.", "Le Pérou va présider le G20 l'an prochain."):
        ents, rels = run(nlp, text)
        (ann,) = anns(ents)
        assert agents(rels, ann) == {"country/PER"}
        assert {ents[o].label for o in about(rels, ann)} == {"G20"}


def test_chairing_now_a_session_or_in_a_description_is_no_announcement(nlp):
    for text in ("Le Pérou préside le G20 depuis décembre.", "Carlos Medina présidera la séance d'ouverture.",
                 "Le Pérou, qui présidera le G20, a salué les participants."):
        ents, _ = run(nlp, text)
        assert anns(ents) == [], text


def test_a_summit_to_come_in_the_near_future_reported_from_a_quote(nlp):
    ents, rels = run(nlp, "« Le Portugal va accueillir le prochain sommet », a déclaré Marc Oudin.")
    (ann,) = anns(ents)
    assert {ents[o].label for o in agents(rels, ann)} == {"Marc Oudin"}
    ents, _ = run(nlp, "« Le Portugal va bien », a déclaré Marc Oudin.")
    assert anns(ents) == []


def test_joining_leaving_recognising_and_rejecting_are_decisions(nlp):
    ents, rels = run(nlp, "Au sommet de Tachkent, l'Algérie est devenue membre à part entière des BRICS.")
    (ann,) = anns(ents)
    assert agents(rels, ann) == {"country/DZA"}
    ents, rels = run(nlp, "Au sommet de Rome, la France a reconnu l'État de Palestine.")
    (ann,) = anns(ents)
    assert agents(rels, ann) == {"country/FRA"}
    text = "Au sommet de Bangkok, les dirigeants de l'ASEAN ont entériné l'entrée du Timor oriental dans l'organisation."
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert "country/TLS" in about(rels, ann)


def test_becoming_recognising_or_rejecting_something_else_is_no_decision(nlp):
    for text in ("Au sommet de Tachkent, l'Algérie est devenue plus prudente.",
                 "Au sommet de Rome, la France a reconnu l'importance du dialogue.",
                 "Au sommet de Rome, la France a rejeté les critiques."):
        ents, _ = run(nlp, text)
        assert anns(ents) == [], text


# ── more forms of acts and parties ────────────────────────────────────────────────────────────


def test_a_text_signed_between_two_parties_is_signed_by_them(nlp):
    ents, rels = run(nlp, "Un mémorandum d'entente a été signé entre le Maroc et le Nigeria.")
    (ann,) = anns(ents)
    assert agents(rels, ann) == {"country/MAR", "country/NGA"}
    ents, rels = run(nlp, "Un mémorandum d'entente a été signé par le Maroc.")
    (ann,) = anns(ents)
    assert agents(rels, ann) == {"country/MAR"}


def test_proceeding_to_a_launch_or_a_signature_announces_it(nlp):
    ents, rels = run(nlp, "Le chef de l'État Bola Tinubu a procédé au lancement officiel du programme de vaccination.")
    (ann,) = anns(ents)
    assert ann.label.startswith("Lancement officiel du programme")
    ents, _ = run(nlp, "Le chef de l'État Bola Tinubu a procédé à un remaniement.")
    assert anns(ents) == []


def test_the_conference_of_heads_of_state_decides_for_the_body_of_its_summit(nlp):
    text = ("Le 45e sommet de la CEDEAO s'est tenu à Abuja. La Conférence des chefs d'État a décidé de lever les "
            "sanctions contre le Niger.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert {ents[o].label for o in agents(rels, ann)} == {"Communauté économique des États de l'Afrique de l'Ouest"}


def test_two_deals_of_one_agent_with_different_partners_are_two_announcements(nlp):
    text = ("Au sommet de Rabat, la France a signé un accord de défense avec le Maroc. Plus tard, la France a signé "
            "un accord commercial avec la Tunisie.")
    ents, _ = run(nlp, text)
    assert len(anns(ents)) == 2
    # near miss: the same deal told twice by the same agent is one
    text = ("Au sommet de Rabat, la France a signé un accord de défense avec le Maroc. La France a signé cet accord "
            "après des mois de négociations.")
    ents, _ = run(nlp, text)
    assert len(anns(ents)) == 1


def test_a_pronoun_opening_a_sentence_is_the_subject_before_it_not_the_last_name(nlp):
    ents, rels = run(nlp, "Au sommet de Rome, l'Italie a annoncé une aide au Niger. Elle a également annoncé une aide au Tchad.")
    second = next(a for a in anns(ents) if "country/TCD" in about(rels, a))
    assert agents(rels, second) == {"country/ITA"}


def test_a_sum_promised_right_after_a_fund_is_told_goes_to_the_article_s_fund(nlp):
    text = ("Le sommet de Lomé s'est ouvert. Le président togolais a inauguré un fonds pour l'eau. Le Ghana promet "
            "jusqu'à 3 milliards de dollars, le Bénin 500 millions d'euros. Le Fonds vert pour le climat gérera l'argent.")
    ents, rels = run(nlp, text)
    ghana = next(a for a in anns(ents) if "country/GHA" in agents(rels, a))
    assert {ents[o].type for o in about(rels, ghana)} == {"Organization"}


def test_a_sum_promised_to_a_named_country_is_not_about_the_fund(nlp):
    text = ("Le sommet de Lomé s'est ouvert. Le président togolais a inauguré un fonds pour l'eau. Le Ghana promet "
            "3 milliards de dollars au Niger. Le Fonds vert pour le climat gérera l'argent.")
    ents, rels = run(nlp, text)
    ghana = next(a for a in anns(ents) if "country/GHA" in agents(rels, a))
    assert about(rels, ghana) == {"country/NER"}


def test_the_institutions_named_by_an_adjective_are_the_body_of_that_name(nlp):
    text = ("Le sommet de l'Union européenne et de l'Union africaine s'est ouvert à Bruxelles. Le continent était "
            "représenté par 40 pays, à l'exclusion du Niger, du Gabon et du Tchad, tous suspendus par les instances "
            "africaines après les coups d'État.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert {ents[o].label for o in agents(rels, ann)} == {"Union africaine"}
    assert about(rels, ann) == {"country/NER", "country/GAB", "country/TCD"}
    assert not any(p == "during" for s, p, o in rels if s == ann.key)  # told as a state, not done at the summit


def test_institutions_whose_adjective_names_two_bodies_name_none(nlp):
    text = ("Le sommet de l'Union européenne et de l'Union africaine s'est ouvert à Bruxelles. La Commission "
            "européenne était là. Le Niger, suspendu par les instances européennes, était absent.")
    ents, rels = run(nlp, text)
    assert anns(ents) == []


def test_a_status_obtained_from_a_body_is_granted_by_it_and_about_who_obtained_it(nlp):
    text = ("Les ministres ont félicité la Moldavie, comme l'Albanie, deux États qui ont obtenu le statut d'observateur à "
            "l'Union africaine en 2031.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {next(k for k, e in ents.items() if e.label == "Union africaine")}
    assert {o for o in about(rels, ann) if o.startswith("country/")} == {"country/MDA", "country/ALB"}
    ents, rels = run(nlp, "La Moldavie a obtenu le statut de membre associé de l'Union africaine.")
    (ann,) = anns(ents)
    assert {o for o in about(rels, ann) if o.startswith("country/")} == {"country/MDA"}


def test_something_obtained_from_no_named_body_or_not_granted_is_no_announcement(nlp):
    for text in ("La Moldavie a obtenu le statut de membre associé.", "La Moldavie a obtenu une médaille à l'Union africaine."):
        ents, _ = run(nlp, text)
        assert anns(ents) == [], text


def test_a_complement_of_the_object_hung_on_the_verb_says_what_it_is_about(nlp):
    ents, rels = run(nlp, "Sommet de l'Otan : la Turquie lève son veto à l'adhésion de la Suède.")
    (ann,) = anns(ents)
    assert "country/SWE" in about(rels, ann)
    # near miss: a complement that is not right after the object is not about
    ents, rels = run(nlp, "Sommet de l'Otan : la Turquie lève son veto, à la surprise de la Suède.")
    for a in anns(ents):
        assert "country/SWE" not in about(rels, a)


def test_son_pays_in_reported_speech_is_the_speaker_s_country_and_the_speaker_announces_too(nlp):
    text = "Le président kényan William Ruto a déclaré que son pays allait débloquer 100 millions de dollars pour la Somalie."
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert {ents[o].label for o in agents(rels, ann)} == {"Kenya", "William Ruto"}
    # near miss: « son pays » with no speaker of a known country names no country
    ents, rels = run(nlp, "William Ruto a déclaré que son pays allait débloquer 100 millions de dollars pour la Somalie.")
    for a in anns(ents):
        assert "country/KEN" not in agents(rels, a)


def test_the_signature_of_a_deal_between_two_parties_is_signed_by_them(nlp):
    for text in ("La cérémonie a été marquée par la signature d'un accord de défense entre la France et l'Inde.",
                 "Signature d'un accord de coopération entre la France et l'Inde."):
        ents, rels = run(nlp, text)
        (ann,) = anns(ents)
        assert agents(rels, ann) == {"country/FRA", "country/IND"}, text
        assert about(rels, ann) >= {"country/FRA", "country/IND"}, text  # and it is about them, as before


def test_a_deal_with_no_parties_named_has_no_signatory(nlp):
    ents, rels = run(nlp, "La cérémonie a été marquée par la signature d'un accord de défense. La France et l'Inde étaient là.")
    for a in anns(ents):
        assert agents(rels, a) == set()


def test_the_n_countries_are_the_n_named_last(nlp):
    ents, rels = run(nlp, "Le Japon, la Corée du Sud et les États-Unis se sont réunis à Camp David. Les trois pays ont annoncé un partenariat de sécurité.")
    (ann,) = anns(ents)
    assert agents(rels, ann) == {"country/JPN", "country/KOR", "country/USA"}
    ents, rels = run(nlp, "Le sommet réunit la France et l'Italie. Les deux parties ont convenu de créer un comité de suivi.")
    (ann,) = anns(ents)
    assert agents(rels, ann) == {"country/FRA", "country/ITA"}


def test_n_countries_qualified_or_not_matching_the_count_are_not_resolved(nlp):
    for text in ("Le Japon, la Corée du Sud et les États-Unis se sont réunis. Les deux pays ont annoncé un partenariat de sécurité.",
                 "Le Japon et la Corée du Sud se sont réunis. Les deux pays voisins ont annoncé un partenariat de sécurité."):
        ents, rels = run(nlp, text)
        for a in anns(ents):
            assert agents(rels, a) == set(), text


def test_the_body_joined_is_about_an_accession_it_decides(nlp):
    text = "Au sommet de Luxembourg, l'Union européenne a choisi d'engager des pourparlers d'adhésion avec le Monténégro."
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    eu = next(k for k, e in ents.items() if e.label == "Union européenne")
    assert eu in agents(rels, ann) and eu in about(rels, ann)
    assert "country/MNE" in about(rels, ann)


def test_an_organ_deciding_an_accession_or_a_body_deciding_something_else_is_not_about(nlp):
    text = "Au sommet de Luxembourg, le Conseil européen a choisi d'engager des pourparlers d'adhésion avec le Monténégro."
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert not any(ents[o].type == "Organization" for o in about(rels, ann))
    ents, rels = run(nlp, "Au sommet de Luxembourg, l'Union européenne a choisi d'engager des pourparlers commerciaux avec le Monténégro.")
    (ann,) = anns(ents)
    assert not any(ents[o].type == "Organization" for o in about(rels, ann))
