"""Mechanisms found on the invented articles of tests/corpus_invented (issue 15): invented French news sentences
(no article's wording), each with what it must find and a near miss it must not."""

import pytest

from _extracted import run_labels as run

pytestmark = pytest.mark.model


def typed(ents, type_):
    return {label for label, e in ents.items() if e.type == type_}


# ── conferences ───────────────────────────────────────────────────────────────────────────────────


def test_an_indefinite_conference_qualified_as_international_is_a_summit(nlp):
    ents, rels = run(nlp, "Bordeaux accueillera en mars une conférence internationale sur la sécurité alimentaire.")
    assert "conférence internationale sur la sécurité alimentaire" in typed(ents, "Summit")
    assert ("conférence internationale sur la sécurité alimentaire", "hostCity", "Bordeaux") in rels
    # a talk on a topic is no summit
    ents, _ = run(nlp, "La ministre a donné une conférence sur la dette à l'université de Bordeaux.")
    assert not typed(ents, "Summit")


def test_a_numbered_conference_and_the_previous_one(nlp):
    ents, rels = run(nlp, "La quatrième Conférence internationale sur les montagnes s'est ouverte à Santiago. "
                          "La précédente conférence du genre s'était tenue à Lima.")
    summits = typed(ents, "Summit")
    assert "Conférence internationale sur les montagnes" in summits
    assert dict(ents["Conférence internationale sur les montagnes"].attrs).get("edition") == 4
    assert ("précédente conférence du genre", "nextEdition", "Conférence internationale sur les montagnes") in rels
    # the last press conference is no edition
    ents, _ = run(nlp, "La ministre a répondu aux questions lors de la dernière conférence de presse à Santiago.")
    assert not typed(ents, "Summit")


# ── numbered editions ─────────────────────────────────────────────────────────────────────────────


def test_a_bare_numbered_summit_before_the_numbered_one_is_its_previous_edition(nlp):
    ents, rels = run(nlp, "Le XIIe Sommet de l'Union pour la Méditerranée se tiendra à Tunis. La conférence "
                          "ministérielle qui le précède réunira les diplomates. Le XIe Sommet s'était tenu en Grèce.")
    assert "XIe Sommet" in typed(ents, "Summit")
    assert ("XIe Sommet", "nextEdition", "XIIe Sommet de l'Union pour la Méditerranée") in rels
    assert ("XIe Sommet", "hostCountry", "Grèce") in rels
    # with no other numbered summit, the number is the summit's own
    ents, _ = run(nlp, "Les dirigeants se retrouvent à Tunis. Le XIIe Sommet s'ouvre lundi.")
    assert "XIe Sommet" not in typed(ents, "Summit")


# ── organisations ─────────────────────────────────────────────────────────────────────────────────


def test_a_body_of_a_named_organisation_is_an_organisation(nlp):
    ents, rels = run(nlp, "Le président de la Commission de la Cédéao, Amadou Diallo, présentera un rapport.")
    assert "Commission de la Cédéao" in typed(ents, "Organization")
    assert ("Amadou Diallo", "affiliation", "Commission de la Cédéao") in rels
    # a lower-case noun before an organisation is no body of it
    ents, _ = run(nlp, "Les membres de la commission ont critiqué la Cédéao.")
    assert "Commission de la Cédéao" not in typed(ents, "Organization")


def test_an_accented_acronym_in_brackets_names_its_organisation(nlp):
    ents, rels = run(nlp, "Le ministre Paul Martin, chef du Bureau régional des études économiques (BREE), "
                          "parlera lundi. Le BREE a publié un communiqué.")
    orgs = typed(ents, "Organization")
    assert "Bureau régional des études économiques" in orgs and "BREE" not in orgs
    assert ("Paul Martin", "affiliation", "Bureau régional des études économiques") in rels
    # letters that are not the initials make no acronym
    ents, _ = run(nlp, "Le Bureau régional des études économiques (XYZ) a publié un communiqué.")
    assert "XYZ" not in typed(ents, "Organization")


def test_a_title_closed_by_an_acronym_in_brackets_still_names_the_person(nlp):
    ents, rels = run(nlp, "Le secrétaire général de l'Organisation mondiale de la santé (OMS), Pedro Alvarez, "
                          "est arrivé à Genève.")
    assert ("Pedro Alvarez", "affiliation", "Organisation mondiale de la santé") in rels
    # a person after a bracketed place is not given the title
    _, rels = run(nlp, "Le secrétaire général de l'Organisation mondiale de la santé a parlé à Genève (Suisse), "
                       "Pedro Alvarez écoutait.")
    assert ("Pedro Alvarez", "affiliation", "Organisation mondiale de la santé") not in rels


def test_the_italian_head_of_government_is_a_minister(nlp):
    ents, rels = run(nlp, "La présidente du Conseil italien Giulia Rossi est arrivée au sommet du G7.")
    assert ents["Giulia Rossi"].type == "Minister"
    assert ("Giulia Rossi", "ministerOf", "Italie") in rels
    # the president of the Security Council is no minister
    ents, _ = run(nlp, "Le président du Conseil de sécurité, Marco Rossi, a parlé.")
    assert ents["Marco Rossi"].type == "Person"


# ── attendance ────────────────────────────────────────────────────────────────────────────────────


def test_a_country_or_body_represented_by_someone_attends(nlp):
    _, rels = run(nlp, "Le 12e sommet de la Ligue arabe s'est ouvert à Alger. Le Maroc était représenté par son "
                       "ministre des Affaires étrangères, Karim Bennani. La Banque mondiale sera représentée par "
                       "sa directrice, Anne Leroy.")
    assert ("12e sommet de la Ligue arabe", "attendee", "Maroc") in rels
    assert ("12e sommet de la Ligue arabe", "attendee", "Banque mondiale") in rels
    # the summit's own body is no attendee, and a person represented by someone is not there
    _, rels = run(nlp, "Le 12e sommet de la Ligue arabe s'est ouvert à Alger. La Ligue arabe était représentée par "
                       "son secrétaire général. Le président Karim Bennani était représenté par son ministre.")
    assert ("12e sommet de la Ligue arabe", "attendee", "Ligue arabe") not in rels
    assert ("12e sommet de la Ligue arabe", "attendee", "Karim Bennani") not in rels


def test_the_head_of_government_under_another_title_is_the_same_person(nlp):
    _, rels = run(nlp, "Le Premier ministre Paul Lavoie a signé un accord à Bruxelles. Le chef du gouvernement se "
                       "rendra ensuite à Riga pour le sommet de l'Otan.")
    assert ("sommet de l'Otan", "attendee", "Paul Lavoie") in rels
    # a minister of another portfolio is not the head of government
    _, rels = run(nlp, "Le ministre des Finances Paul Lavoie a signé un accord à Bruxelles. Le chef du gouvernement "
                       "se rendra ensuite à Riga pour le sommet de l'Otan.")
    assert ("sommet de l'Otan", "attendee", "Paul Lavoie") not in rels


# ── people ────────────────────────────────────────────────────────────────────────────────────────


def test_a_national_title_far_after_the_only_bare_name_is_that_person(nlp):
    text = ("Bordeaux a accueilli jeudi le 12e sommet franco-italien. Jean Martin et la présidente du Conseil "
            "italien, Giulia Rossi, y ont signé un traité. Les deux délégations ont parlé d'énergie. "
            "Les ministres ont parlé de transports. Les syndicats ont manifesté. « C'est un succès », a déclaré "
            "le président français.")
    _, rels = run(nlp, text)
    assert ("Jean Martin", "nationality", "France") in rels
    # two bare names: no telling which one the title is
    _, rels = run(nlp, text.replace("Jean Martin et", "Jean Martin, Paul Petit et"))
    assert not any(p == "nationality" and o == "France" for _, p, o in rels)


def test_a_counterpart_on_one_side_is_of_the_other(nlp):
    _, rels = run(nlp, "Côté français, le ministre de l'Économie Jean Martin s'est entretenu avec son homologue "
                       "Pablo Ruiz.")
    assert ("Jean Martin", "ministerOf", "France") in rels
    assert ("Pablo Ruiz", "ministerOf", "France") not in rels


# ── hosting ───────────────────────────────────────────────────────────────────────────────────────


def test_a_previous_edition_gets_no_host_country_from_the_reference_alone(nlp):
    _, rels = run(nlp, "Le sommet franco-portugais s'est ouvert jeudi à Toulouse. Le précédent sommet s'était tenu "
                       "à Porto. Le chef du gouvernement portugais était présent.")
    assert ("précédent sommet", "hostCity", "Porto") in rels
    assert ("précédent sommet", "hostCountry", "Portugal") not in rels
    # the summit under discussion still does (its city's country, named in the article)
    _, rels = run(nlp, "Le sommet de l'Otan s'est ouvert jeudi à Porto. Le chef du gouvernement portugais "
                       "était présent.")
    assert ("sommet de l'Otan", "hostCountry", "Portugal") in rels


# ── organisations named after their members, led by someone, read as places ──────────────────────


def test_a_body_named_after_its_members_and_who_leads_it(nlp):
    ents, rels = run(nlp, "Le Groupe des négociateurs africains, présidé par le Kényan Paul Otieno, réclamera plus.")
    assert "Groupe des négociateurs africains" in typed(ents, "Organization")
    assert ("Paul Otieno", "affiliation", "Groupe des négociateurs africains") in rels
    # a summit chaired by someone gives no affiliation; a bare role title is no organisation
    ents, rels = run(nlp, "Le sommet de l'Otan, présidé par Paul Otieno, s'ouvre. Les négociateurs africains réclament plus.")
    assert not any(p == "affiliation" for _, p, _ in rels)
    assert not any("négociateurs" in o for o in typed(ents, "Organization"))


def test_a_place_headed_by_an_organisation_noun_is_an_organisation_and_a_region_no_city(nlp):
    ents, _ = run(nlp, "Près du sommet, des militants de la Confédération paysanne dénonçaient l'accord.")
    assert "Confédération paysanne" in typed(ents, "Organization")
    ents, rels = run(nlp, "Les dirigeants se réunissent à Abuja pour un sommet dominé par la sécurité au Sahel.")
    assert "Sahel" not in typed(ents, "City")
    # a venue stays a place
    ents, _ = run(nlp, "Le sommet de l'Otan se tiendra au Centre des congrès de Lausanne.")
    assert not any(o.startswith("Centre") for o in typed(ents, "Organization"))


# ── summits named otherwise ───────────────────────────────────────────────────────────────────────


def test_a_numbered_meeting_of_a_body_is_a_summit(nlp):
    ents, rels = run(nlp, "Le président est arrivé à New York pour la 80e Assemblée générale des Nations unies.")
    assert "80e Assemblée générale des Nations unies" in typed(ents, "Summit")
    assert dict(ents["80e Assemblée générale des Nations unies"].attrs).get("edition") == 80
    ents, _ = run(nlp, "Le président s'est exprimé devant l'Assemblée générale des Nations unies.")
    assert not typed(ents, "Summit")


def test_a_cop_without_its_number(nlp):
    ents, rels = run(nlp, "La COP de Santiago s'est achevée samedi. Cette COP a déçu les pays du Sud.")
    assert "COP de Santiago" in typed(ents, "Summit")
    assert ("COP de Santiago", "hostCity", "Santiago") in rels
    # what a COP is said to be names none
    ents, _ = run(nlp, "« Ce sera la COP de la dernière chance », a prévenu la ministre.")
    assert not typed(ents, "Summit")


def test_a_ministerial_meeting_of_a_body_is_a_summit(nlp):
    ents, rels = run(nlp, "La réunion des ministres des Finances du G20 s'est ouverte jeudi à Durban.")
    assert "réunion des ministres des Finances du G20" in typed(ents, "Summit")
    assert ("réunion des ministres des Finances du G20", "hostCity", "Durban") in rels
    # a meeting with a body is no meeting of it
    ents, _ = run(nlp, "Après une réunion avec le FMI à Durban, le ministre a parlé.")
    assert not typed(ents, "Summit")


def test_what_a_summit_is_said_to_be_names_none(nlp):
    ents, _ = run(nlp, "Le sommet du G7 s'ouvre à Évian. « Ce sera le sommet de la lutte contre la pauvreté », "
                       "a promis la ministre.")
    assert typed(ents, "Summit") == {"sommet du G7"}
    ents, _ = run(nlp, "C'est le sommet du G20 qui a décidé de la taxe.")
    assert "sommet du G20" in typed(ents, "Summit")


def test_conferences_named_after_their_city_members_or_body(nlp):
    for text, name in (("La conférence de Berlin sur la Libye s'est ouverte dimanche.", "conférence de Berlin sur la Libye"),
                       ("La conférence des donateurs pour le Soudan s'est tenue à Londres.",
                        "conférence des donateurs pour le Soudan"),
                       ("La conférence de reconstitution du Fonds mondial s'est tenue à Lille.",
                        "conférence de reconstitution du Fonds mondial")):
        ents, _ = run(nlp, text)
        assert name in typed(ents, "Summit"), text
    # a lecture in a city, a university's start-of-year talk: none
    for text in ("Le professeur a donné la conférence de Lille.", "Il a animé la conférence de rentrée de l'université."):
        ents, _ = run(nlp, text)
        assert not typed(ents, "Summit"), text


def test_a_dash_between_two_names_of_a_summit(nlp):
    ents, rels = run(nlp, "Le sommet Union africaine–Union européenne s'est achevé à Bruxelles.")
    assert "sommet Union africaine–Union européenne" in typed(ents, "Summit")
    # a dash that opens an aside ends the name
    ents, _ = run(nlp, "Le sommet de l'Union africaine – très attendu – s'est achevé.")
    assert "sommet de l'Union africaine" in typed(ents, "Summit")


def test_a_short_name_in_brackets_is_the_same_summit(nlp):
    ents, rels = run(nlp, "La 31e Conférence des parties sur le climat (COP31) s'ouvre lundi à Antalya.")
    assert typed(ents, "Summit") == {"COP31"}
    assert ("COP31", "hostCity", "Antalya") in rels
    ents, _ = run(nlp, "La Conférence internationale sur la nutrition (CIN) s'ouvre à Rome.")
    assert "CIN" in ents["Conférence internationale sur la nutrition"].aliases
    # a country in brackets is no name of it
    ents, _ = run(nlp, "Le sommet de Muskoka (Canada) s'est achevé.")
    assert "Canada" not in ents["sommet de Muskoka"].aliases


def test_before_the_summit_what_people_will_do_there(nlp):
    _, rels = run(nlp, "Le sommet de l'Union africaine s'ouvrira samedi à Kigali. Le chef de la diplomatie "
                       "togolaise, Yao Mensah, conduira la délégation de son pays.")
    assert ("sommet de l'Union africaine", "attendee", "Yao Mensah") in rels
    assert ("sommet de l'Union africaine", "attendee", "Togo") in rels
    # after it, a future deed is elsewhere; and a negated one is no attendance
    _, rels = run(nlp, "Le sommet de l'Union africaine s'est achevé samedi à Kigali. Le président kényan "
                       "Paul Otieno prendra ses fonctions en mai.")
    assert ("sommet de l'Union africaine", "attendee", "Paul Otieno") not in rels
    _, rels = run(nlp, "Le sommet de l'Union africaine s'ouvrira samedi à Kigali. Le ministre togolais Yao "
                       "Mensah ne conduira pas la délégation de son pays.")
    assert ("sommet de l'Union africaine", "attendee", "Togo") not in rels


def test_someone_representing_a_country_makes_it_attend(nlp):
    _, rels = run(nlp, "Le sommet de l'Union africaine s'est ouvert samedi à Kigali. Le ministre Jean Noël a "
                       "représenté la France.")
    assert ("sommet de l'Union africaine", "attendee", "France") in rels
    _, rels = run(nlp, "Le sommet de l'Union africaine s'est ouvert samedi à Kigali. Le ministre Jean Noël "
                       "n'a pas représenté la France.")
    assert ("sommet de l'Union africaine", "attendee", "France") not in rels


# ── host cities ───────────────────────────────────────────────────────────────────────────────────


def test_a_capital_in_apposition_to_its_description_hosts(nlp):
    _, rels = run(nlp, "Le sommet de l'UA s'est ouvert dimanche dans la capitale rwandaise, Kigali.")
    assert ("sommet de l'UA", "hostCity", "Kigali") in rels
    # a city after a comma that describes no place hosts nothing
    _, rels = run(nlp, "Le sommet de l'UA s'est ouvert dimanche sous la pluie, Nairobi ayant renoncé.")
    assert not any(p == "hostCity" for _, p, _ in rels)


def test_the_special_envoy_is_where_the_summit_is(nlp):
    _, rels = run(nlp, "De notre envoyée spéciale à Santiago. La COP34 a commencé lundi.")
    assert ("COP34", "hostCity", "Santiago") in rels
    # an envoy named deep in the story is no dateline
    _, rels = run(nlp, "La COP34 a commencé lundi. Les débats sont vifs. Les ONG protestent. Le texte tarde. "
                       "Notre envoyée spéciale à Santiago raconte.")
    assert not any(p == "hostCity" for _, p, _ in rels)


def test_a_place_stated_next_to_the_summit_beats_the_dateline(nlp):
    _, rels = run(nlp, "SÉOUL — Les deux présidents se sont entretenus samedi à Gyeongju, en marge du sommet de l'APEC.")
    assert ("sommet de l'APEC", "hostCity", "Gyeongju") in rels
    assert ("sommet de l'APEC", "hostCity", "Séoul") not in rels
    # the place of another summit named in the sentence is not this one's
    _, rels = run(nlp, "PARIS — Le sommet pour les glaciers s'est clos vendredi. Ses conclusions seront portées à la "
                       "COP34, qui se tiendra à Santiago.")
    assert ("sommet pour les glaciers", "hostCity", "Paris") in rels
    assert ("sommet pour les glaciers", "hostCity", "Santiago") not in rels


def test_more_meetings_of_bodies(nlp):
    ents, rels = run(nlp, "La réunion informelle des chefs d'État et de gouvernement de l'UE s'est tenue à Séville.")
    name = "réunion informelle des chefs d'État et de gouvernement de l'UE"
    assert name in typed(ents, "Summit") and (name, "hostCity", "Séville") in rels
    ents, _ = run(nlp, "Le président a quitté le dernier Conseil européen sans accord.")
    assert "Conseil européen" in typed(ents, "Summit")
    # writing to the body is no meeting of it
    ents, _ = run(nlp, "Le président a écrit au Conseil européen.")
    assert not typed(ents, "Summit")
    # the body's acronym in brackets is no name of its summit
    ents, _ = run(nlp, "Le premier sommet de l'Alliance des États du Sahel (AES) s'est tenu à Niamey.")
    assert "AES" not in ents["sommet de l'Alliance des États du Sahel"].aliases


def test_a_lone_name_after_a_title_and_its_nationality_is_a_person(nlp):
    ents, rels = run(nlp, "Le président brésilien Lula a confirmé sa venue.")
    assert ents["Lula"].type == "Person" and ("Lula", "nationality", "Brésil") in rels
    # a capital after a title and a nationality is still the city
    ents, _ = run(nlp, "Le ministre français Paris a parlé.")
    assert "Paris" not in typed(ents, "Person")


def test_an_unknown_place_a_summit_is_named_after(nlp):
    ents, rels = run(nlp, "Le sommet de Muskoka, au Canada, s'était achevé sans communiqué.")
    assert "Muskoka" in typed(ents, "City")
    assert ("sommet de Muskoka", "hostCity", "Muskoka") in rels
    # a summit named after people is not named after a place
    ents, _ = run(nlp, "Le sommet de Poutine et Trump a échoué.")
    assert not typed(ents, "City")


def test_a_side_summit_named_once_does_not_take_the_bare_summit(nlp):
    text = ("Le 12e sommet de l'Union africaine s'est ouvert à Accra. Le président ghanéen, hôte du sommet, a parlé. "
            "Le président américain Tom Hale est arrivé pour le sommet Afrique-États-Unis, organisé en marge des "
            "travaux. En marge du sommet, le président kényan Paul Otieno s'est entretenu avec le président "
            "sénégalais Amadou Ba.")
    _, rels = run(nlp, text)
    assert ("12e sommet de l'Union africaine", "attendee", "Paul Otieno") in rels
    assert ("sommet Afrique-États-Unis", "attendee", "Paul Otieno") not in rels
    # a second summit the story goes on naming takes them
    _, rels = run(nlp, text.replace("En marge du sommet,", "Au sommet Afrique-États-Unis,"))
    assert ("sommet Afrique-États-Unis", "attendee", "Paul Otieno") in rels


def test_two_letters_in_brackets_abbreviate_the_last_words_not_the_summit(nlp):
    ents, _ = run(nlp, "Le premier Sommet sur la sécurité de l'intelligence artificielle (IA) s'ouvre à Londres.")
    (summit,) = [e for e in ents.values() if e.type == "Summit"]
    assert "IA" not in summit.aliases


def test_words_spoken_before_the_gathered_leaders_are_attendance(nlp):
    text = ("LISBONNE — Lisbonne 2026 s'est ouverte lundi sur un constat d'urgence. La troisième Conférence "
            "internationale sur la dette, organisée par le Portugal et les Nations unies jusqu'à jeudi, a adopté dès "
            "son ouverture un texte qui appelle à réformer la finance mondiale.\n\n« La dette étouffe le Sud », a "
            "déclaré le secrétaire général de l'ONU, Paul Otieno, devant une cinquantaine de chefs d'État et de "
            "gouvernement. Le Premier ministre portugais, Rui Costa, hôte de la conférence, a regretté l'absence des "
            "États-Unis, qui se sont retirés du processus.")
    _, rels = run(nlp, text)
    assert ("Conférence internationale sur la dette", "attendee", "Paul Otieno") in rels
    # before something that is not a gathering: only quoted
    _, rels = run(nlp, text.replace("devant une cinquantaine de chefs d'État et de gouvernement", "devant sa résidence"))
    assert ("Conférence internationale sur la dette", "attendee", "Paul Otieno") not in rels


def test_the_head_of_government_far_back_when_there_is_only_one(nlp):
    text = ("Le premier ministre Paul Lavoie a signé lundi un accord à Bruxelles. Il a été reçu par la présidente de "
            "la Commission. « Le Canada est fiable », a dit celle-ci. Le partenariat ouvre la voie à un accord. "
            "La ministre Anne Roy accompagnait la délégation. Le chef du gouvernement doit ensuite se rendre à Riga "
            "pour le sommet de l'Otan.")
    _, rels = run(nlp, text)
    assert ("sommet de l'Otan", "attendee", "Paul Lavoie") in rels
    # two heads of government named before: no telling which
    _, rels = run(nlp, text.replace("Le premier ministre Paul Lavoie a signé", "Le premier ministre Paul Lavoie et "
                                    "la Première ministre Marie Tremblay ont signé"))
    assert ("sommet de l'Otan", "attendee", "Paul Lavoie") not in rels
