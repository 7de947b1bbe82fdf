"""People, countries and attendance on short invented sentences (trained French pipeline).

Each test names one mechanism of kg/extract/rules (anaphora.py, delegations.py, attendance.py, persons.py,
roles.py, organisations.py) and checks what it should produce and a near miss it must not.
"""

import pytest

from _extracted import run

pytestmark = pytest.mark.model


def by_label(ents, label):
    hits = [e for e in ents.values() if e.label == label]
    assert hits, f"{label!r} not among {[e.label for e in ents.values()]}"
    return hits[0]


def summit_key(ents):
    keys = [k for k, e in ents.items() if e.type == "Summit"]
    assert len(keys) == 1, keys
    return keys[0]


# ── role nouns that refer back (anaphora.py) ─────────────────────────────────────────────


def test_a_title_without_a_name_refers_to_the_last_person_of_that_country(nlp):
    ents, rels = run(nlp, "Le vote a été bloqué par la Slovaquie de Marek Hrabal.\n"
                          "Le Premier ministre slovaque a ajouté qu'il ne changerait pas d'avis.")
    p = by_label(ents, "Marek Hrabal")
    assert p.type == "Minister"
    assert (p.key, "ministerOf", "country/SVK") in rels
    assert (p.key, "nationality", "country/SVK") not in rels  # promoted: a minister's country is ministerOf


def test_a_title_with_another_country_does_not_take_a_person_of_known_country(nlp):
    ents, rels = run(nlp, "Le président chilien Mateo Rojas a salué l'accord.\n"
                          "Le Premier ministre péruvien a ajouté qu'il fallait aller plus loin.")
    p = by_label(ents, "Mateo Rojas")
    assert p.type == "Person"
    assert (p.key, "ministerOf", "country/PER") not in rels and (p.key, "nationality", "country/PER") not in rels


def test_a_title_continuing_someone_s_words_gives_their_country(nlp):
    ents, rels = run(nlp, "« Nous allons négocier », a déclaré Tom Brady lors d'une conférence de presse.\n"
                          "Le président américain a ajouté qu'il attendait des propositions.")
    assert (by_label(ents, "Tom Brady").key, "nationality", "country/USA") in rels


def test_a_title_naming_someone_is_not_an_anaphor(nlp):
    ents, rels = run(nlp, "Le sommet s'est ouvert avec Ana Lopes.\nLe président brésilien Paulo Mendes a salué l'accord.")
    assert (by_label(ents, "Ana Lopes").key, "nationality", "country/BRA") not in rels
    assert (by_label(ents, "Paulo Mendes").key, "nationality", "country/BRA") in rels


# ── government posts (roles.json) ────────────────────────────────────────────────────────


def test_federal_councillor_and_secretary_with_a_portfolio_are_ministers(nlp):
    ents, _ = run(nlp, "Les invités seront accueillis par le conseiller fédéral Urs Keller et le secrétaire aux "
                       "affaires étrangères John Smith.")
    assert by_label(ents, "Urs Keller").type == "Minister"
    assert by_label(ents, "John Smith").type == "Minister"
    ents, _ = run(nlp, "Le secrétaire général John Smith a ouvert la séance.")
    assert by_label(ents, "John Smith").type == "Person"


# ── countries that take part (delegations.py) ────────────────────────────────────────────


def test_a_country_sending_an_envoy_attends_with_the_envoy(nlp):
    ents, rels = run(nlp, "Le sommet de Lima s'ouvre lundi. Le Chili enverra son ministre des Affaires étrangères "
                          "Diego Soto.")
    s = summit_key(ents)
    assert (s, "attendee", "country/CHL") in rels
    assert (s, "attendee", by_label(ents, "Diego Soto").key) in rels


def test_a_person_who_sends_someone_does_not_attend(nlp):
    ents, rels = run(nlp, "Le sommet de Lima s'est ouvert lundi, en l'absence de Marco Villa, qui a envoyé à Lima "
                          "son ministre des Affaires étrangères Diego Soto.")
    s = summit_key(ents)
    assert (s, "attendee", by_label(ents, "Diego Soto").key) in rels
    assert (s, "attendee", by_label(ents, "Marco Villa").key) not in rels


def test_a_country_that_might_send_someone_or_sends_weapons_does_not_attend(nlp):
    ents, rels = run(nlp, "Le sommet de Lima s'ouvre lundi. Le Chili pourrait envoyer un émissaire. "
                          "Le Pérou enverra des armes à la région.")
    s = summit_key(ents)
    assert (s, "attendee", "country/CHL") not in rels
    assert (s, "attendee", "country/PER") not in rels


def test_an_observer_country_attends_and_one_named_alike(nlp):
    ents, rels = run(nlp, "Le sommet de Lima s'ouvre lundi. Le Mexique sera observateur, tout comme la Colombie. "
                          "L'Équateur ne sera pas observateur.")
    s = summit_key(ents)
    assert (s, "attendee", "country/MEX") in rels
    assert (s, "attendee", "country/COL") in rels
    assert (s, "attendee", "country/ECU") not in rels


def test_a_country_taking_part_in_the_summit_not_in_a_fund(nlp):
    ents, rels = run(nlp, "Le sommet de Lima s'ouvre lundi. Le Mexique participera au sommet. "
                          "L'Équateur participera à hauteur de deux millions d'euros.")
    s = summit_key(ents)
    assert (s, "attendee", "country/MEX") in rels
    assert (s, "attendee", "country/ECU") not in rels


def test_countries_acting_at_the_summit_attend_not_before_it(nlp):
    ents, rels = run(nlp, "Au deuxième jour du sommet de Lima, les membres du groupe (Chili, Pérou) ont présenté un plan.")
    s = summit_key(ents)
    assert (s, "attendee", "country/CHL") in rels and (s, "attendee", "country/PER") in rels
    ents, rels = run(nlp, "En prélude au sommet de Lima, le Chili et le Pérou ont présenté un plan.")
    s = summit_key(ents)
    assert (s, "attendee", "country/CHL") not in rels


def test_a_country_signing_the_summit_declaration_attends_not_one_refusing(nlp):
    ents, rels = run(nlp, "Le sommet de Lima s'est achevé mardi. Même la Bolivie a signé la déclaration finale, "
                          "mais le Paraguay n'a pas signé la déclaration finale.")
    s = summit_key(ents)
    assert (s, "attendee", "country/BOL") in rels
    assert (s, "attendee", "country/PRY") not in rels


def test_unnamed_leaders_and_delegations_make_their_countries_attend_named_ones_do_not(nlp):
    ents, rels = run(nlp, "En marge du sommet de Lima, les chefs d'État chilien et "
                          "péruvien se sont entretenus. La délégation mexicaine est arrivée mardi. Le président bolivien Luis Arce a "
                          "participé au sommet.")
    s = summit_key(ents)
    for c in ("CHL", "PER", "MEX"):
        assert (s, "attendee", f"country/{c}") in rels, c
    assert (s, "attendee", "country/BOL") not in rels
    assert (s, "attendee", by_label(ents, "Luis Arce").key) in rels


# ── attendance words (attendance.py) ─────────────────────────────────────────────────────


def test_rendre_and_attendre_in_other_senses_are_no_attendance(nlp):
    # (in sentences that name no summit — a bare « ce sommet » now refers to the summit named later —
    # only attendance words could tie these people to it)
    text = ("Cette décision nous rend plus forts, a estimé Ana Lopes. Marco Villa attendait un geste de Paris.\n"
            "Le sommet de Lima s'est ouvert lundi.")
    ents, rels = run(nlp, text)
    s = summit_key(ents)
    assert (s, "attendee", by_label(ents, "Ana Lopes").key) not in rels
    assert (s, "attendee", by_label(ents, "Marco Villa").key) not in rels
    ents, rels = run(nlp, "Ana Lopes s'est rendue au sommet mardi.\nLe sommet de Lima s'est ouvert lundi.")
    assert (summit_key(ents), "attendee", by_label(ents, "Ana Lopes").key) in rels


def test_in_the_presence_of_makes_attendees_posted_words_do_not(nlp):
    ents, rels = run(nlp, "Le sommet de Lima s'est ouvert lundi.\nLa cérémonie a eu lieu en présence d'Ana Lopes.\n"
                          "Le président Jean Dupuis a réagi sur X à l'ouverture du sommet.")
    s = summit_key(ents)
    assert (s, "attendee", by_label(ents, "Ana Lopes").key) in rels
    assert (s, "attendee", by_label(ents, "Jean Dupuis").key) not in rels


def test_a_person_naming_a_thing_is_no_attendee(nlp):
    ents, rels = run(nlp, "Le sommet de Lima s'est ouvert lundi.\nL'effet Marco Villa plane sur le sommet\n")
    assert (summit_key(ents), "attendee", by_label(ents, "Marco Villa").key) not in rels


def test_a_summit_named_later_is_the_one_attended_before(nlp):
    ents, rels = run(nlp, "« Nous sommes prêts », a déclaré Ana Lopes en accueillant Marco Villa avant le début du "
                          "sommet réunissant vingt dirigeants.\nIl s'agit du troisième sommet de Lima.")
    s = summit_key(ents)
    assert (s, "attendee", by_label(ents, "Marco Villa").key) in rels


# ── persons (persons.py) ─────────────────────────────────────────────────────────────────


def test_a_single_name_after_a_title_is_a_person_with_the_title_as_alias(nlp):
    ents, _ = run(nlp, "Le président Milei avait annoncé son départ.")
    p = by_label(ents, "Milei")
    assert p.type == "Person" and "président Milei" in p.aliases
    ents, _ = run(nlp, "Selon Milei, le départ est proche.")
    assert not [e for e in ents.values() if e.type == "Person"]  # a lone word: no full name, no title


# ── organisations (organisations.py) ─────────────────────────────────────────────────────


def test_a_capitalised_organisation_phrase_with_its_acronym_is_an_organisation(nlp):
    ents, _ = run(nlp, "Cette Facilité de soutien aux récifs coralliens (FSRC) sera lancée demain.")
    org = by_label(ents, "Facilité de soutien aux récifs coralliens")
    assert org.type == "Organization" and "FSRC" in org.aliases
    ents, _ = run(nlp, "Cette Facilité de soutien aux récifs coralliens (FMI) sera lancée demain.")  # not its initials
    assert not [e for e in ents.values() if e.label == "Facilité de soutien aux récifs coralliens"]


def test_media_credits_and_platforms_are_organisations(nlp):
    ents, _ = run(nlp, "Le président a salué l'accord. Photo: AFP\n« Un jour historique », a-t-il écrit sur X (ex-Twitter).")
    assert by_label(ents, "AFP").type == "Organization"
    assert by_label(ents, "X").type == "Organization"
    ents, _ = run(nlp, "Le pape Pie X a reçu les délégués. « Un jour historique », a-t-il écrit sur X.")
    assert by_label(ents, "X").type == "Organization"
    ents, _ = run(nlp, "« Un jour historique », a-t-il écrit sur Twitter.")
    x = by_label(ents, "X")
    assert x.type == "Organization" and "Twitter" in x.aliases
    ents, _ = run(nlp, "Le pape Pie X a reçu les délégués.")
    assert not [e for e in ents.values() if e.type == "Organization"]


def test_a_lower_case_ministry_is_an_organisation_and_a_strategy_is_not(nlp):
    ents, rels = run(nlp, "Le Chili a dépêché un diplomate du ministère des Affaires étrangères, Diego Soto. "
                          "L'Europe investira dans le cadre de la stratégie « Green Bridge ».")
    ministry = by_label(ents, "ministère des Affaires étrangères")
    assert ministry.type == "Organization"
    assert (by_label(ents, "Diego Soto").key, "affiliation", ministry.key) in rels
    assert not [e for e in ents.values() if e.label == "Green Bridge"]


def test_speaking_for_or_presiding_an_organisation_is_an_affiliation(nlp):
    ents, rels = run(nlp, "Étaient présents Ana Lopes au nom de l'Union africaine et Marco Villa qui préside la "
                          "Banque mondiale. Jean Dupuis a critiqué la Banque mondiale.")
    assert (by_label(ents, "Ana Lopes").key, "affiliation", "org/african-union") in rels
    assert (by_label(ents, "Marco Villa").key, "affiliation", "org/world-bank") in rels
    assert (by_label(ents, "Jean Dupuis").key, "affiliation", "org/world-bank") not in rels


# ── countries from adjectives (roles.py) ─────────────────────────────────────────────────


def test_an_adjective_on_a_thing_names_no_country_unless_named_otherwise(nlp):
    ents, _ = run(nlp, "Le programme chilien a été présenté à la Polynésie française.")
    assert "country/CHL" not in ents and "country/FRA" not in ents
    ents, _ = run(nlp, "Le Chili a présenté son programme. Le programme chilien est ambitieux.")
    assert "country/CHL" in ents
    ents, _ = run(nlp, "La ministre chilienne Ana Lopes a présenté son programme.")
    assert "country/CHL" in ents


# ── a minister's country from the story (anaphora.py) ────────────────────────────────────


def test_a_minister_serves_the_one_country_the_story_has_act(nlp):
    ents, rels = run(nlp, "« Il est naturel que le Chili accueille la prochaine édition », a déclaré Diego Soto, "
                          "ministre délégué chargé du Numérique.")
    p = by_label(ents, "Diego Soto")
    assert p.type == "Minister" and (p.key, "ministerOf", "country/CHL") in rels
    ents, rels = run(nlp, "« Le Chili et le Pérou doivent coopérer », a déclaré Diego Soto, ministre délégué chargé "
                          "du Numérique, aux côtés de ses homologues bolivien et argentin.")
    p = by_label(ents, "Diego Soto")
    assert not [r for r in rels if r[0] == p.key and r[1] == "ministerOf"]  # two countries act: none


def test_what_happens_in_prelude_to_a_summit_is_no_attendance(nlp):
    ents, rels = run(nlp, "En prélude au sommet de Lima, Ana Lopes est venue présenter un plan.\n"
                          "Ana Lopes a ensuite rencontré des investisseurs.")
    assert (summit_key(ents), "attendee", by_label(ents, "Ana Lopes").key) not in rels
    ents, rels = run(nlp, "Lors du sommet de Lima, Ana Lopes est venue présenter un plan.")
    assert (summit_key(ents), "attendee", by_label(ents, "Ana Lopes").key) in rels


def test_a_numbered_group_is_the_people_just_named(nlp):
    text = ("Ana Lopes doit rencontrer Marco Villa et Jean Dupuis.\n"
            "Lors du dernier sommet de Lima, les trois dirigeants s'étaient vus en présence de Paul Martin.")
    ents, rels = run(nlp, text)
    s = summit_key(ents)
    for name in ("Ana Lopes", "Marco Villa", "Jean Dupuis", "Paul Martin"):
        assert (s, "attendee", by_label(ents, name).key) in rels, name
    ents, rels = run(nlp, text.replace("trois dirigeants", "deux dirigeants"))  # not that many: nobody
    s = summit_key(ents)
    assert (s, "attendee", by_label(ents, "Ana Lopes").key) not in rels


def test_the_chair_of_the_conference_attends_it(nlp):
    ents, rels = run(nlp, "La COP40 s'est achevée dimanche.\nLe texte a été annoncé par le président de la conférence, "
                          "le ministre chilien de l'Écologie Diego Soto, dans le stade.\n"
                          "Le président de la Banque mondiale, Paul Martin, critiquera le texte.")
    s = summit_key(ents)
    soto = by_label(ents, "Diego Soto")
    assert soto.type == "Minister" and (soto.key, "ministerOf", "country/CHL") in rels  # the name after the portfolio
    assert (s, "attendee", soto.key) in rels
    assert (s, "attendee", by_label(ents, "Paul Martin").key) not in rels


def test_countries_represented_or_listed_as_taking_part_attend(nlp):
    ents, rels = run(nlp, "Le sommet de Lima s'est achevé dimanche.\nPlusieurs pays invités ont participé aux sessions : "
                          "l'Inde, représentée par son Premier ministre Ravi Kumar, le Brésil du président Paulo Mendes "
                          "et la Corée du Sud.\nLe Mexique, représenté par son ministre Diego Soto, a salué l'accord. "
                          "La Colombie a critiqué l'accord.")
    s = summit_key(ents)
    for c in ("IND", "BRA", "KOR", "MEX"):
        assert (s, "attendee", f"country/{c}") in rels, c
    assert (s, "attendee", "country/COL") not in rels
    assert (by_label(ents, "Paulo Mendes").key, "nationality", "country/BRA") in rels


def test_possessive_titles_point_back_to_the_organisation_or_country_not_to_a_place(nlp):
    ents, rels = run(nlp, "Le plus gros chèque vient de Microsoft : le groupe va investir 4 milliards d'euros dans des "
                          "centres de données et dans l'intelligence artificielle en Italie, a détaillé son président, "
                          "Paul Martin.")
    p = by_label(ents, "Paul Martin")
    assert (p.key, "affiliation", by_label(ents, "Microsoft").key) in rels
    assert (p.key, "nationality", "country/ITA") not in rels
    ents, rels = run(nlp, "Lima était représentée par le chef de sa diplomatie, Diego Soto. Le Chili, dont le président "
                          "Paulo Mendes avait envisagé de venir, n'a pas été invité.")
    assert (by_label(ents, "Diego Soto").key, "ministerOf", "country/PER") in rels
    assert (by_label(ents, "Paulo Mendes").key, "nationality", "country/CHL") in rels


def test_a_title_then_a_nationality_noun_then_the_name(nlp):
    ents, rels = run(nlp, "La secrétaire générale de l'Unesco, la Péruvienne Ana Lopes, a ouvert la séance.")
    p = by_label(ents, "Ana Lopes")
    assert (p.key, "affiliation", "org/unesco") in rels
    assert (p.key, "nationality", "country/PER") in rels


def test_taking_an_organisation_s_presidency_is_an_affiliation(nlp):
    ents, rels = run(nlp, "Le président chilien Diego Soto a pris samedi la présidence tournante de l'Union africaine. "
                          "Marco Villa a critiqué la présidence de l'Union africaine.")
    assert (by_label(ents, "Diego Soto").key, "affiliation", "org/african-union") in rels
    assert (by_label(ents, "Marco Villa").key, "affiliation", "org/african-union") not in rels


def test_the_head_of_an_organisation_is_affiliated_with_it(nlp):
    ents, rels = run(nlp, "Le chef de l'Unesco, Ana Lopes, a salué l'accord. Le chef de file Marco Villa a critiqué l'accord.")
    assert (by_label(ents, "Ana Lopes").key, "affiliation", "org/unesco") in rels
    assert not [r for r in rels if r[1] == "affiliation" and r[0] == by_label(ents, "Marco Villa").key]


def test_an_organisation_joining_names_with_a_hyphen_keeps_its_country_inside(nlp):
    ents, _ = run(nlp, "Ana Lopes a présidé la première réunion du « Conseil Chili-Otan » à Lima.")
    org = [e for e in ents.values() if e.type == "Organization" and e.label.startswith("Conseil")]
    assert org and org[0].label == "Conseil Chili-Otan"
    ents, _ = run(nlp, "Ana Lopes a rencontré le Conseil de l'Europe et le Chili à Lima.")
    assert "country/CHL" in ents


def test_a_country_acting_during_the_summit_attends_one_criticised_does_not(nlp):
    ents, rels = run(nlp, "Lors du sommet de Lima, le Pérou a présenté un plan.")
    assert (summit_key(ents), "attendee", "country/PER") in rels
    ents, rels = run(nlp, "Lors du sommet de Lima, le Chili a été vivement critiqué par les autres pays.")
    assert (summit_key(ents), "attendee", "country/CHL") not in rels


def test_delegations_and_leaders_of_named_countries_attend(nlp):
    ents, rels = run(nlp, "Le sommet de Lima s'est ouvert lundi. La délégation de l'Inde est arrivée mardi. "
                          "Lors du sommet, les dirigeants du Chili et du Pérou ont signé un accord. "
                          "Le Mexique a critiqué les dirigeants du Brésil.")
    s = summit_key(ents)
    for c in ("IND", "CHL", "PER"):
        assert (s, "attendee", f"country/{c}") in rels, c
    assert (s, "attendee", "country/BRA") not in rels


def test_a_named_minister_s_country_does_not_attend_an_unnamed_one_s_does(nlp):
    ents, rels = run(nlp, "Le sommet de Lima a accueilli la ministre chilienne de la Technologie Maria Gonzalez. "
                          "Lors du sommet, les représentants du Pérou ont signé un accord.")
    s = summit_key(ents)
    assert (s, "attendee", by_label(ents, "Maria Gonzalez").key) in rels
    assert (s, "attendee", "country/CHL") not in rels
    assert (s, "attendee", "country/PER") in rels


def test_a_common_first_name_after_a_portfolio_is_still_a_name(nlp):
    ents, rels = run(nlp, "Le sommet de Lima a accueilli la ministre chilienne de la Technologie Maria Gonzalez.")
    p = by_label(ents, "Maria Gonzalez")
    assert p.type == "Minister" and (p.key, "ministerOf", "country/CHL") in rels
    assert (summit_key(ents), "attendee", "country/CHL") not in rels
