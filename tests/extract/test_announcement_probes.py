"""Announcement mechanisms found by the probe articles tests/corpus_invented/23-28: what is a decision and
who takes it, each with a near miss it must not take.

Sentences are invented, in news style; people, places and bodies are made up or unrelated to the corpora.
"""

import pytest

from _extracted import about, agents, anns, key, run

pytestmark = pytest.mark.model


# ── not a decision ──────────────────────────────────────────────────────────────────────────────


def test_a_report_to_be_presented_is_not_an_announcement_but_a_plan_is(nlp):
    ents, _ = run(nlp, "La Banque mondiale présentera d'ici à la fin du mois un rapport sur le coût des destructions.")
    assert anns(ents) == []
    ents, _ = run(nlp, "Le président tarvistanais Karl Bertin présentera ses excuses aux familles des victimes.")
    assert anns(ents) == []
    ents, rels = run(nlp, "La Banque mondiale a présenté un plan de 2 milliards de dollars pour le Soudan.")
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Banque mondiale")}


def test_without_doing_it_is_not_done(nlp):
    text = "Le président Henri Valmont a exhorté les pays membres à agir, sans toutefois présenter un plan pour l'Irlande."
    ents, _ = run(nlp, text)
    assert not any("plan" in a.label.lower() for a in anns(ents))
    ents, _ = run(nlp, "Le président Henri Valmont a présenté un plan pour l'Irlande.")
    assert len(anns(ents)) == 1


def test_confirming_ones_own_participation_is_not_a_decision_but_confirming_a_project_is(nlp):
    ents, _ = run(nlp, "Le président ivoirien Alassane Ouattara a confirmé sa participation au sommet de Lomé.")
    assert anns(ents) == []
    ents, _ = run(nlp, "Les présidents Paul Ravel et Karl Bertin ont annoncé leur venue à Lomé.")
    assert anns(ents) == []
    ents, rels = run(nlp, "Le fonds émirien Qamar Capital a confirmé un projet de campus d'intelligence artificielle en France.")
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Qamar Capital")}


# ── one news item told twice ───────────────────────────────────────────────────────────────────


def test_a_headline_with_a_metonym_and_the_body_telling_the_same_sum_are_one_announcement(nlp):
    text = ("Sommet de Varna : Sofia débloque 40 millions pour la Moldavie\n\n"
            "Le Premier ministre bulgare Rosen Jelev a annoncé mardi que la Bulgarie verserait 40 millions d'euros "
            "à la Moldavie.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert "Bulgarie" in ann.label or "40 millions" in ann.label
    # near miss: two different sums, headline and body, stay two
    text = ("Sommet de Varna : Sofia débloque 40 millions pour la Moldavie\n\n"
            "Le Premier ministre bulgare Rosen Jelev a annoncé mardi que la Bulgarie verserait 40 millions d'euros "
            "à la Moldavie. La Roumanie a promis 15 millions d'euros à la Géorgie.")
    ents, rels = run(nlp, text)
    assert len(anns(ents)) == 2


# ── who announces ──────────────────────────────────────────────────────────────────────────────


def test_the_person_reporting_a_decision_after_it_announces_it_too(nlp):
    text = ("L'Union européenne a débloqué 30 millions d'euros supplémentaires, a précisé le commissaire à la "
            "gestion des crises, Jan Kowalczyk.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Union européenne"), key(ents, "Jan Kowalczyk")}
    text = ("Le Canada versera 10 millions de dollars à un fonds pour l'adaptation climatique, a fait savoir "
            "le premier ministre Paul Tremblay.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {"country/CAN", key(ents, "Paul Tremblay")}
    # near miss: a person who says something else in a clause of their own
    text = ("Le Canada versera 10 millions de dollars à un fonds pour l'adaptation climatique, et le premier "
            "ministre Paul Tremblay a fait savoir qu'il irait à Rome.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {"country/CAN"}


# ── appointments ───────────────────────────────────────────────────────────────────────────────


def test_electing_or_appointing_a_named_person_is_an_announcement_about_the_body_of_the_post(nlp):
    text = ("Les chefs d'État de l'Union africaine ont élu samedi le ministre malien des Affaires étrangères, "
            "Paul Ravel, à la présidence de la Commission de l'UA, au terme de sept tours de scrutin.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert ann.label.startswith("Élection de Paul Ravel à la présidence de la Commission")
    assert agents(rels, ann) == {key(ents, "Union africaine")}
    assert key(ents, "Commission de l'Union africaine") in about(rels, ann)
    text = ("Les dirigeants du Commonwealth ont nommé samedi Karl Bertin au poste de secrétaire général de "
            "l'organisation.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert ann.label.startswith("Nomination de Karl Bertin")
    assert about(rels, ann) == {key(ents, "Commonwealth")}


def test_a_person_elected_long_ago_is_no_announcement(nlp):
    ents, _ = run(nlp, "Le président Karl Bertin, élu en 2019, a ouvert le sommet de Lomé.")
    assert anns(ents) == []
    ents, _ = run(nlp, "Karl Bertin a été élu président de la Tarvistanie en 2019.")
    assert anns(ents) == []


def test_the_two_parties_or_the_two_leaders_are_the_pair_coordinated_just_before(nlp):
    text = ("L'Union européenne et le Japon ont signé mercredi un partenariat sur l'hydrogène. Les deux parties se "
            "sont également accordées sur la création d'un dialogue annuel sur la sécurité économique.")
    ents, rels = run(nlp, text)
    created = next(a for a in anns(ents) if "dialogue" in a.label)
    assert agents(rels, created) == {key(ents, "Union européenne"), "country/JPN"}
    text = ("Le président Karl Bertin et le président chinois Xi Jinping se sont entretenus samedi. Les deux chefs "
            "d'État ont signé un accord de swap de devises de 7 milliards de dollars.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Karl Bertin"), key(ents, "Xi Jinping")}
    # near miss: three named before, « les deux » does not guess which
    text = ("Le Maroc, l'Espagne et le Portugal se sont réunis à Rabat. Les deux pays ont signé un accord sur "
            "l'eau.")
    ents, rels = run(nlp, text)
    assert all(len(agents(rels, a)) != 2 for a in anns(ents))


def test_a_reporter_parsed_as_the_object_of_a_second_verb_is_the_agent(nlp):
    text = "Le Sénégal accueillera le prochain sommet, en 2027, a annoncé la diplomatie chinoise.\n\nLa suite."
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {"country/CHN"}
    assert ann.label.startswith("Le Sénégal accueillera")
    # near miss: a second verb whose object is a thing (« la création d'un fonds chinois ») is no reporter
    text = "Le Sénégal accueillera le prochain sommet en 2027, a annoncé la création d'un fonds chinois."
    ents, rels = run(nlp, text)
    assert all("country/CHN" not in agents(rels, a) for a in anns(ents))


# ── about ──────────────────────────────────────────────────────────────────────────────────────


def test_who_organises_what_is_announced_is_not_what_it_is_about(nlp):
    text = ("Genève accueillera lundi et mardi une conférence internationale sur la reconstruction du Soudan, "
            "co-organisée par la Suisse et les Nations unies, a annoncé vendredi le Département fédéral des affaires "
            "étrangères (DFAE).")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert "country/CHE" not in about(rels, ann)
    assert key(ents, "Nations unies") not in about(rels, ann)
    # near miss: the countries an aid goes to are what it is about
    ents, rels = run(nlp, "Le Maroc a annoncé une aide au Niger et au Mali.")
    (ann,) = anns(ents)
    assert about(rels, ann) == {"country/NER", "country/MLI"}


# ── decisions told in the passive, agent unsaid ───────────────────────────────────────────────

_AU = "Le sommet de l'Union africaine s'est ouvert lundi à Addis-Abeba. "


def test_a_country_chosen_to_host_or_admitted_in_the_passive_is_an_announcement_about_it(nlp):
    ents, rels = run(nlp, _AU + "Le Cambodge a été choisi pour accueillir le prochain sommet en 2026.")
    (ann,) = anns(ents)
    assert "country/KHM" in about(rels, ann)
    ents, rels = run(nlp, _AU + "Le Gabon et le Togo ont été admis comme nouveaux membres de l'organisation.")
    (ann,) = anns(ents)
    assert {"country/GAB", "country/TGO", key(ents, "Union africaine")} <= about(rels, ann)
    assert agents(rels, ann) == {key(ents, "Union africaine")}


def test_a_person_elected_to_a_bodys_post_is_chosen_by_the_articles_body_not_by_that_post(nlp):
    ents, rels = run(nlp, _AU + "Paul Ravel a été élu à la tête de la Commission de l'Union africaine.")
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Union africaine")}
    assert about(rels, ann) == {key(ents, "Commission de l'Union africaine")}


def test_a_passive_with_no_body_nor_summit_or_in_a_description_is_no_announcement(nlp):
    ents, _ = run(nlp, _AU + "Karl Bertin a été élu président de la Tarvistanie en 2019.")
    assert anns(ents) == []
    ents, _ = run(nlp, _AU + "Le Gabon, qui a été suspendu de l'organisation en 2023, était absent.")
    assert anns(ents) == []
    ents, _ = run(nlp, _AU + "Le Gabon pourrait être réintégré dans l'organisation.")
    assert anns(ents) == []


# ── agreements reached ─────────────────────────────────────────────────────────────────────────


def test_concluding_negotiations_is_an_agreement_reached_and_the_trailing_reporter_announces_it(nlp):
    text = ("Les pays du Mercosur et l'Union européenne ont conclu vendredi à Montevideo les négociations de leur "
            "accord de libre-échange, ouvertes il y a vingt-cinq ans, a annoncé la présidente de la Commission "
            "européenne, Ursula von der Leyen.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Mercosur"), key(ents, "Union européenne"), key(ents, "Ursula von der Leyen")}
    # near miss: concluding a speech
    ents, _ = run(nlp, "Le ministre Paul Ravel a conclu son discours sur les négociations.")
    assert anns(ents) == []


def test_the_conference_whose_participants_pledge_and_the_city_it_met_in_are_not_what_it_is_about(nlp):
    text = ("Les participants à la conférence internationale de soutien au Tarvistan, réunie jeudi à Paris, ont "
            "promis 1 milliard de dollars d'aide, a annoncé le ministre des affaires étrangères, Paul Ravel.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert about(rels, ann) == set()
    assert any(p == "during" for s, p, o in rels if s == ann.key)
    # near miss: a capital a sum goes to stands for its country
    ents, rels = run(nlp, "Le Maroc a annoncé une aide militaire pour Kiev.")
    (ann,) = anns(ents)
    assert about(rels, ann) == {"country/UKR"}


_G20 = "Le sommet du G20 s'est ouvert lundi à Rio de Janeiro. "


def test_a_decision_named_by_its_noun_adopted_in_the_passive_is_about_the_names_in_it(nlp):
    ents, rels = run(nlp, _G20 + "L'adhésion de l'Union africaine au G20 a été actée.")
    (ann,) = anns(ents)
    assert about(rels, ann) == {key(ents, "Union africaine"), key(ents, "G20")}
    assert agents(rels, ann) == {key(ents, "G20")}
    ents, rels = run(nlp, _G20 + "La levée des sanctions contre le Venezuela a été décidée.")
    (ann,) = anns(ents)
    assert about(rels, ann) == {"country/VEN"} and "country/VEN" not in agents(rels, ann)
    # near misses: not yet, or refused
    ents, _ = run(nlp, _G20 + "La levée des sanctions contre le Venezuela sera décidée en juin.")
    assert anns(ents) == []
    ents, _ = run(nlp, _G20 + "L'aide à l'Ukraine n'a pas été approuvée.")
    assert anns(ents) == []


def test_agreeing_that_something_will_happen_is_a_decision_agreeing_on_a_state_of_things_is_not(nlp):
    ents, rels = run(nlp, _G20 + "Les membres ont convenu que le prochain sommet se tiendra à Lomé.")
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "G20")}
    ents, _ = run(nlp, _G20 + "Le Maroc et le Sénégal ont convenu que la coopération était essentielle.")
    assert anns(ents) == []


def test_promising_what_something_will_be_or_a_quoted_phrase_is_no_pledge(nlp):
    text = ("« Nantes sera le sommet de la lutte contre les déséquilibres mondiaux », a promis la ministre déléguée "
            "chargée de l'Europe, Claire Duval.")
    ents, _ = run(nlp, text)
    assert anns(ents) == []
    ents, _ = run(nlp, "Le ministre australien du Climat, Paul Ravel, a promis « une COP de la mise en œuvre ».")
    assert anns(ents) == []
    # near misses: a quoted sum, a cleft telling where a summit will be held
    ents, rels = run(nlp, "Le ministre australien Paul Ravel a promis « une aide de 100 millions de dollars ».")
    assert len(anns(ents)) == 1
    text = "C'est aux Pays-Bas, à La Haye, que se tiendra le prochain sommet de l'Alliance, a annoncé M. Paul Ravel."
    ents, _ = run(nlp, text)
    assert len(anns(ents)) == 1


# ── names ──────────────────────────────────────────────────────────────────────────────────────


def test_an_announcement_told_by_an_infinitive_is_named_by_its_noun(nlp):
    ents, _ = run(nlp, "L'Union européenne et le Japon ont convenu de relancer les négociations sur la protection des données.")
    (ann,) = anns(ents)
    assert ann.label == "Relance des négociations sur la protection des données"
    ents, _ = run(nlp, "Le Japon a décidé de lever l'embargo sur le riz.")
    (ann,) = anns(ents)
    assert ann.label == "Levée de l'embargo sur le riz"
    # near miss: an object that is no infinitive keeps its words
    ents, _ = run(nlp, "La France et l'Inde ont signé un accord sur le nucléaire civil.")
    (ann,) = anns(ents)
    assert ann.label == "Un accord sur le nucléaire civil"


def test_the_text_signed_right_after_an_agreement_is_that_agreement(nlp):
    text = ("L'Union européenne et le Japon ont signé mercredi un partenariat sur les matières premières. Le texte a "
            "été paraphé par la présidente de la Commission européenne, Ursula von der Leyen.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert key(ents, "Ursula von der Leyen") in agents(rels, ann)
    # near miss: two sentences later, and about something else, it is not joined
    text = ("L'Union européenne et le Japon ont signé mercredi un partenariat sur les matières premières. Les "
            "discussions ont duré six heures. Le texte a été paraphé par la présidente de la Commission européenne, "
            "Ursula von der Leyen.")
    ents, rels = run(nlp, text)
    partner = next(a for a in anns(ents) if "partenariat" in a.label)
    assert key(ents, "Ursula von der Leyen") not in agents(rels, partner)


def test_every_titled_person_listed_after_par_signs(nlp):
    text = ("Le texte a été paraphé par la présidente de la Commission européenne, Ursula von der Leyen, le président "
            "du Conseil européen, António Costa, et le Premier ministre japonais Shigeru Ishiba.")
    ents, rels = run(nlp, "L'Union européenne et le Japon ont signé mercredi un partenariat sur l'hydrogène. " + text)
    (ann,) = anns(ents)
    assert {key(ents, n) for n in ("Ursula von der Leyen", "António Costa", "Shigeru Ishiba")} <= agents(rels, ann)
    # near miss: a person after « devant » watches, does not sign
    ents, rels = run(nlp, "Le plan de 3 milliards d'euros a été présenté par le ministre Paul Ravel à Genève, devant Karl Bertin.")
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Paul Ravel")}


def test_the_leaders_of_all_the_member_countries_are_the_body(nlp):
    opening = "Le 47e Sommet de l'ASEAN s'est ouvert dimanche à Kuala Lumpur. "
    ents, rels = run(nlp, opening + "Les dirigeants des dix pays membres ont signé une déclaration sur le climat.")
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Association des nations de l'Asie du Sud-Est")}
    # near miss: some of the members (« africains ») are not the body
    ents, rels = run(nlp, opening + "Les dirigeants des pays membres africains ont signé une déclaration sur le climat.")
    assert all(agents(rels, a) == set() for a in anns(ents))


def test_a_sum_in_a_clause_with_its_own_subject_is_not_the_first_pledge(nlp):
    text = "L'Allemagne s'est engagée à verser 96 millions d'euros, tandis que l'Italie a promis 10 millions d'euros."
    ents, rels = run(nlp, text)
    amounts = {dict(a.attrs).get("amount") for a in anns(ents)}
    assert amounts == {"96 millions d'euros", "10 millions d'euros"}


def test_a_headline_folded_into_the_body_brings_no_agent_of_its_own(nlp):
    text = ("Conférence pour le Tarvistan : Paris débloque 100 millions\n\n"
            "Le président Henri Valmont a dévoilé une enveloppe de 100 millions d'euros pour le Tarvistan.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Henri Valmont")}


def test_a_body_s_seat_as_subject_is_that_body_and_a_refusal_is_named_as_such(nlp):
    text = ("L'Union européenne et le Japon se sont réunis à Tokyo. Bruxelles a en revanche refusé de lever les "
            "restrictions imposées aux importations de poisson.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Union européenne")}
    assert ann.label.startswith("Refus de lever les restrictions")
    # near miss: no body of that seat named in the article, no agent to guess
    ents, rels = run(nlp, "Le sommet s'est tenu à Tokyo. Bruxelles a en revanche refusé de lever les restrictions.")
    assert all(agents(rels, a) == set() for a in anns(ents))


def test_an_impersonal_passive_decision_is_the_bodys_unsaid(nlp):
    ents, rels = run(nlp, _G20 + "Il a été décidé de créer un secrétariat permanent.")
    (ann,) = anns(ents)
    assert ann.label == "Création d'un secrétariat permanent"
    assert agents(rels, ann) == {key(ents, "G20")}
    # near miss: asked, not decided
    ents, _ = run(nlp, _G20 + "Il a été demandé aux délégués de patienter.")
    assert anns(ents) == []
