"""Mechanisms found on the probe articles 15-22 of tests/corpus_invented: summits named twice, venues, editions
named by a spaced acronym, a body's meeting, attendance in relative clauses and absences. Invented sentences
(no article's wording, invented people and places), each with what it must find and a near miss it must not."""

import pytest

from _extracted import run_labels as run

pytestmark = pytest.mark.model


def typed(ents, type_):
    return {label for label, e in ents.items() if e.type == type_}


def summit_of(ents, name):
    """The label of the summit that has ``name`` as its label or one of its aliases."""
    hits = [label for label, e in ents.items() if e.type == "Summit" and (label == name or name in e.aliases)]
    assert hits, f"{name!r} not among {typed(ents, 'Summit')}"
    return hits[0]


# ── one summit named twice ────────────────────────────────────────────────────────────────────────


def test_a_summit_of_the_same_body_by_its_acronym_and_its_full_name_is_one(nlp):
    ents, rels = run(nlp, "Sommet de l'OCS à Tervala : les dirigeants se retrouvent\n\n"
                          "Le président Marc Olvani a accueilli lundi ses homologues pour le sommet de l'Organisation "
                          "de coopération de Shanghai (OCS). Le président Paul Dravec y a pris part.")
    summits = typed(ents, "Summit")
    assert len(summits) == 1, summits
    s = summits.pop()
    assert (s, "attendee", "Paul Dravec") in rels
    # two different bodies are two summits
    ents, _ = run(nlp, "Le président Marc Olvani a participé au sommet de l'OCS puis au sommet de l'Otan.")
    assert len(typed(ents, "Summit")) == 2


def test_a_summit_of_two_parties_named_with_a_dash_and_with_entre_is_one(nlp):
    ents, _ = run(nlp, "Le sommet UE-Chine s'est tenu jeudi à Pékin. Ce 25e sommet entre l'Union européenne et la "
                       "Chine a été écourté.")
    assert len(typed(ents, "Summit")) == 1, typed(ents, "Summit")
    # another pair of parties is another summit
    ents, _ = run(nlp, "Le sommet UE-Chine s'est tenu jeudi à Pékin. Le prochain sommet entre l'Union européenne et "
                       "l'Inde aura lieu à Delhi.")
    assert len(typed(ents, "Summit")) == 2, typed(ents, "Summit")


def test_a_summit_named_after_a_city_the_other_summit_is_prepared_in(nlp):
    ents, rels = run(nlp, "À un mois du sommet de Varno, les Alliés restent divisés.\n\n"
                          "Le secrétaire général Jan Horvik s'est rendu lundi à Varno pour préparer le sommet de "
                          "l'OTAN des 7 et 8 juillet.")
    assert len(typed(ents, "Summit")) == 1, typed(ents, "Summit")
    s = summit_of(ents, "sommet de l'OTAN")
    assert (s, "hostCity", "Varno") in rels
    # a city not where the other summit is prepared stays its own summit
    ents, _ = run(nlp, "Le sommet de Varno avait déçu. Le secrétaire général Jan Horvik prépare à Bruxelles le "
                       "sommet de l'OTAN des 7 et 8 juillet.")
    assert len(typed(ents, "Summit")) == 2, typed(ents, "Summit")


def test_a_headline_description_is_the_summit_the_article_is_about(nlp):
    ents, _ = run(nlp, "Le président Olvani à Tervala pour un sommet extraordinaire sur la sécurité\n\n"
                       "Le président Marc Olvani prend part samedi au sommet extraordinaire des chefs d'État de la "
                       "Communauté économique des États de l'Afrique centrale (CEEAC). Le sommet doit durer un jour.")
    assert len(typed(ents, "Summit")) == 1, typed(ents, "Summit")
    # a headline ending with a full stop is a sentence like another
    ents, _ = run(nlp, "Le président Olvani a présidé un sommet extraordinaire sur la sécurité.\n\n"
                       "Il prend part samedi au sommet des chefs d'État de la Communauté économique des États de "
                       "l'Afrique centrale (CEEAC).")
    assert len(typed(ents, "Summit")) == 2, typed(ents, "Summit")


# ── venues ────────────────────────────────────────────────────────────────────────────────────────


def test_a_named_venue_is_a_place_named_in_full_and_hosts_the_summit(nlp):
    ents, rels = run(nlp, "La Conférence internationale sur l'eau s'est ouverte mercredi au centre de conférences "
                          "Marvello, à Tervala.")
    assert "centre de conférences Marvello" in typed(ents, "City")
    s = next(iter(typed(ents, "Summit")))
    assert (s, "hostCity", "centre de conférences Marvello") in rels
    assert (s, "hostCity", "Tervala") in rels
    # a venue named after a town the reference knows stays the town
    ents, _ = run(nlp, "Le sommet s'est ouvert lundi au château de Versailles.")
    assert "Versailles" in typed(ents, "City")
    assert "château de Versailles" not in typed(ents, "City")


def test_a_venue_in_the_sentence_after_the_summit_hosts_it(nlp):
    ents, rels = run(nlp, "Les dirigeants se retrouveront le 1er octobre pour un Conseil européen informel à Tervala. "
                          "La Première ministre Ana Keller y accueillera ses homologues au château de Montbrisac.")
    assert ("Conseil européen informel", "hostCity", "château de Montbrisac") in rels
    # with no hosting or gathering in its sentence, a venue hosts nothing
    ents, rels = run(nlp, "Les dirigeants se retrouveront le 1er octobre pour un Conseil européen informel à Tervala. "
                          "Le château de Montbrisac est fermé au public.")
    assert not any(p == "hostCity" and o == "château de Montbrisac" for _, p, o in rels)


def test_a_city_in_a_series_name_is_not_the_host_when_the_sentence_says_where(nlp):
    ents, rels = run(nlp, "La neuvième Conférence de Tokyo sur l'Afrique s'est ouverte mercredi à Yokohama.")
    s = next(iter(typed(ents, "Summit")))
    assert (s, "hostCity", "Yokohama") in rels
    assert (s, "hostCity", "Tokyo") not in rels
    # with nothing else said, the city of the name hosts it
    ents, rels = run(nlp, "Le sommet de Tervala s'est ouvert mercredi.")
    assert ("sommet de Tervala", "hostCity", "Tervala") in rels


# ── editions ──────────────────────────────────────────────────────────────────────────────────────


def test_a_spaced_acronym_and_number_is_an_edition_and_the_next_follows_the_latest(nlp):
    ents, rels = run(nlp, "La neuvième Conférence internationale sur le développement de l'Afrique (TICAD 9) s'est "
                          "ouverte à Yokohama. La TICAD 8 s'était tenue à Tunis. La prochaine édition aura lieu en 2028.")
    summits = typed(ents, "Summit")
    assert {"TICAD 9", "TICAD 8"} <= summits
    assert dict(ents["TICAD 9"].attrs).get("edition") == 9
    assert ("TICAD 8", "nextEdition", "TICAD 9") in rels
    nxt = [o for s, p, o in rels if s == "TICAD 9" and p == "nextEdition"]
    assert nxt and nxt[0] != "TICAD 9"
    # an acronym counting something is no edition
    ents, _ = run(nlp, "Lors du sommet, la CEDEAO 15 pays membres a parlé. L'UEMOA 8 membres aussi.")
    assert not any(label.startswith(("CEDEAO ", "UEMOA ")) for label in typed(ents, "Summit"))


# ── a body's meeting ──────────────────────────────────────────────────────────────────────────────


def test_an_indefinite_european_council_is_a_meeting(nlp):
    ents, rels = run(nlp, "Les dirigeants se retrouveront les 25 et 26 juin à Bruxelles pour un Conseil européen "
                          "consacré à la défense.")
    assert "Conseil européen" in typed(ents, "Summit")
    assert ("Conseil européen", "hostCity", "Bruxelles") in rels
    # the body itself is no meeting
    ents, _ = run(nlp, "Le président du Conseil européen, Pedro Almar, a salué l'accord.")
    assert "Conseil européen" not in typed(ents, "Summit")


def test_the_high_level_week_of_the_general_assembly_is_a_summit(nlp):
    ents, rels = run(nlp, "Le Premier ministre Ravi Ondal doit se rendre à New York pour la semaine de haut niveau "
                          "de l'Assemblée générale des Nations unies.")
    assert "Assemblée générale des Nations unies" in typed(ents, "Summit")
    assert ("Assemblée générale des Nations unies", "attendee", "Ravi Ondal") in rels
    # the Assembly adopting a text is the body
    ents, _ = run(nlp, "L'Assemblée générale des Nations unies a adopté une résolution sur l'eau.")
    assert "Assemblée générale des Nations unies" not in typed(ents, "Summit")


# ── attendance ────────────────────────────────────────────────────────────────────────────────────


def test_a_summit_in_a_relative_clause_belongs_to_that_clause(nlp):
    text = ("Le Sommet des Amériques s'ouvre jeudi à Tervala. Une trentaine de dirigeants étaient attendus, dont le "
            "président Marc Olvani, qui a accueilli la semaine dernière le sommet du Mercosur à Varno, et le "
            "président Paul Dravec.")
    ents, rels = run(nlp, text)
    assert ("Sommet des Amériques", "attendee", "Paul Dravec") in rels
    assert ("Sommet des Amériques", "attendee", "Marc Olvani") in rels
    assert ("sommet du Mercosur", "attendee", "Marc Olvani") in rels
    assert ("sommet du Mercosur", "attendee", "Paul Dravec") not in rels


def test_a_previous_edition_named_in_passing_does_not_take_the_next_sentences(nlp):
    ents, rels = run(nlp, "Le Xe Sommet des Amériques s'ouvre jeudi à Tervala. Le précédent sommet s'était tenu à "
                          "Varno en 2022. La ministre Ana Keller y participera.")
    assert ("Xe Sommet des Amériques", "attendee", "Ana Keller") in rels
    assert not any(p == "attendee" and o == "Ana Keller" and s != "Xe Sommet des Amériques" for s, p, o in rels)


def test_boycotting_or_sulking_is_no_attendance(nlp):
    _, rels = run(nlp, "Le sommet du G7 s'ouvre jeudi à Tervala. La présidente Ana Keller a annoncé qu'elle "
                       "boycotterait la rencontre. Le ministre Paul Dravec a boudé la réunion.")
    assert not any(p == "attendee" and o in ("Ana Keller", "Paul Dravec") for _, p, o in rels)
    # announcing one's coming is attendance
    _, rels = run(nlp, "Le sommet du G7 s'ouvre jeudi à Tervala. La présidente Ana Keller a annoncé qu'elle "
                       "participerait au sommet.")
    assert any(p == "attendee" and o == "Ana Keller" for _, p, o in rels)


def test_alongside_someone_at_a_summit_is_attendance(nlp):
    _, rels = run(nlp, "Le sommet du G20 s'est tenu à Tervala. La ministre Ana Keller était là, aux côtés du "
                       "gouverneur de la banque centrale, Paul Dravec.")
    attendees = {o for _, p, o in rels if p == "attendee"}
    assert "Paul Dravec" in attendees
    # alongside someone, with no summit in the story, is no attendance
    _, rels = run(nlp, "La ministre Ana Keller s'est exprimée aux côtés du gouverneur Paul Dravec à Tervala.")
    assert not any(p == "attendee" for _, p, _ in rels)


# ── more ways of naming a summit ──────────────────────────────────────────────────────────────────


def test_a_high_level_or_international_meeting_is_a_summit(nlp):
    ents, rels = run(nlp, "Une réunion de haut niveau sur la Varnie s'est tenue mardi à Tervala, en présence du "
                          "ministre Paul Dravec.")
    assert "réunion de haut niveau sur la Varnie" in typed(ents, "Summit")
    assert ("réunion de haut niveau sur la Varnie", "attendee", "Paul Dravec") in rels
    # a meeting of a board or a team is none
    ents, _ = run(nlp, "Une réunion de l'équipe de campagne s'est tenue mardi à Tervala.")
    assert not typed(ents, "Summit")


def test_a_mini_summit_named_by_its_topic_and_a_summit_meeting(nlp):
    ents, rels = run(nlp, "Un mini-sommet consacré à la Varnie s'est tenu lundi à Tervala autour du président Marc "
                          "Olvani.")
    assert "mini-sommet consacré à la Varnie" in typed(ents, "Summit")
    ents, rels = run(nlp, "Le président Marc Olvani a pris part à la rencontre au sommet entre les deux Varnies à "
                          "Tervala.")
    assert "rencontre au sommet entre les deux Varnies" in typed(ents, "Summit")
    assert ("rencontre au sommet entre les deux Varnies", "attendee", "Marc Olvani") in rels
    # a climber at the top is at no summit
    ents, _ = run(nlp, "L'alpiniste Marc Olvani est arrivé au sommet du mont Tervala lundi.")
    assert not any(label.startswith("rencontre") for label in typed(ents, "Summit"))


def test_the_one_of_a_city_after_a_summit_is_another_summit_held_there(nlp):
    ents, rels = run(nlp, "Le sommet de l'OTAN sera le premier organisé en Turquie depuis celui d'Istanbul en 2004.")
    assert "sommet d'Istanbul" in typed(ents, "Summit")
    assert ("sommet d'Istanbul", "hostCity", "Istanbul") in rels
    # « celui de » a city with no summit before it is no summit
    ents, _ = run(nlp, "Ce musée est plus grand que celui d'Istanbul.")
    assert not typed(ents, "Summit")


def test_speaking_from_a_city_is_no_attendance(nlp):
    _, rels = run(nlp, "Le sommet du G7 s'est ouvert jeudi à Tervala. Le Premier ministre Paul Dravec était présent, "
                       "tandis que le président Marc Olvani s'exprimait depuis Lisbonne.")
    attendees = {o for _, p, o in rels if p == "attendee"}
    assert "Paul Dravec" in attendees
    assert "Marc Olvani" not in attendees
    # arriving from a city is coming to the summit
    _, rels = run(nlp, "Le sommet du G7 s'est ouvert jeudi à Tervala. Le président Marc Olvani est arrivé depuis "
                       "Lisbonne pour y participer.")
    assert "Marc Olvani" in {o for _, p, o in rels if p == "attendee"}


def test_a_two_word_name_ending_a_longer_one_is_that_person(nlp):
    ents, _ = run(nlp, "Oligor Nvemba à Tervala pour un sommet\n\nLe président Brice Aurel Oligor Nvemba a quitté "
                       "Varno vendredi pour Tervala.")
    persons = typed(ents, "Person") | typed(ents, "Minister")
    assert "Brice Aurel Oligor Nvemba" in persons
    assert "Oligor Nvemba" not in persons
    # two names ending alike in two people's longer names stay apart
    ents, _ = run(nlp, "Le président Jean Paul Nvemba et la ministre Claire Paul Nvemba ont reçu Paul Nvemba.")
    persons = typed(ents, "Person") | typed(ents, "Minister")
    assert "Paul Nvemba" in persons


def test_the_top_of_the_state_is_no_summit(nlp):
    ents, rels = run(nlp, "La crise atteint le sommet de l'État, a estimé le président Marc Olvani à Tervala.")
    assert not typed(ents, "Summit")
    ents, _ = run(nlp, "Le ministre Paul Dravec est au sommet de sa carrière.")
    assert not typed(ents, "Summit")
    # a summit of a state's leaders is one
    ents, _ = run(nlp, "Le sommet des chefs d'État de la Cédéao s'est ouvert lundi à Abuja.")
    assert typed(ents, "Summit")


def test_a_bare_summit_of_a_body_s_leaders_is_that_body_s_summit(nlp):
    ents, rels = run(nlp, "Les dirigeants du G7 se retrouvent lundi à Tervala. Le sommet doit durer trois jours.")
    assert "sommet du G7" in typed(ents, "Summit")
    assert ("sommet du G7", "hostCity", "Tervala") in rels
    # leaders of no named body: no name to give it
    ents, _ = run(nlp, "Les dirigeants africains se retrouvent lundi à Tervala. Le sommet doit durer trois jours.")
    assert "sommet du G7" not in typed(ents, "Summit")


def test_a_country_in_apposition_host_of_a_summit_hosts_it(nlp):
    _, rels = run(nlp, "L'Azerbaïdjan, hôte de la COP29, a présenté son programme.")
    assert ("COP29", "hostCountry", "Azerbaïdjan") in rels
    # a country named before « , hôte de » a person's visit hosts no summit
    _, rels = run(nlp, "Le président Marc Olvani a rencontré la Turquie, hôte de nombreux réfugiés, avant la COP29.")
    assert not any(p == "hostCountry" for _, p, _ in rels)


def test_their_summit_when_a_body_s_leaders_meet(nlp):
    ents, rels = run(nlp, "Réunis à Tervala, les dirigeants du G7 ont adopté une déclaration lors de leur sommet.")
    assert "sommet du G7" in typed(ents, "Summit")
    assert ("sommet du G7", "hostCity", "Tervala") in rels
    # their summit of no body named: none
    ents, _ = run(nlp, "Réunis à Tervala, les dirigeants ont adopté une déclaration lors de leur sommet.")
    assert "sommet du G7" not in typed(ents, "Summit")


def test_a_place_right_after_a_topic_is_the_topic_s(nlp):
    _, rels = run(nlp, "Le sommet pour la paix à Varno s'est tenu lundi à Tervala, en présence du président Marc Olvani.")
    assert ("sommet pour la paix", "hostCity", "Tervala") in rels
    assert ("sommet pour la paix", "hostCity", "Varno") not in rels
    ents, rels = run(nlp, "Les dirigeants se sont retrouvés lundi dans la ville de Tervala pour un sommet sur Gaza.")
    assert not any(p == "hostCity" and o == "Gaza" for _, p, o in rels)
    # with no other place, the place after the summit hosts it
    _, rels = run(nlp, "Le sommet pour la paix s'est tenu lundi à Tervala.")
    assert ("sommet pour la paix", "hostCity", "Tervala") in rels


def test_their_numbered_summit_and_a_meeting_of_the_european_council(nlp):
    ents, _ = run(nlp, "Les dirigeants des BRICS se réunissent à Tervala pour leur 16e sommet.")
    assert "sommet des BRICS" in typed(ents, "Summit")
    assert dict(ents["sommet des BRICS"].attrs).get("edition") == 16
    ents, rels = run(nlp, "La réunion du Conseil européen s'est ouverte jeudi à Bruxelles.")
    assert ("Conseil européen", "hostCity", "Bruxelles") in rels
    # a meeting with the European Council's president is no meeting of it
    ents, _ = run(nlp, "La réunion avec le président du Conseil européen s'est bien passée.")
    assert "Conseil européen" not in typed(ents, "Summit")


def test_a_summit_of_last_year_or_of_an_earlier_year_is_the_previous_edition(nlp):
    text = "Le sommet de l'Otan s'est ouvert mardi à Tervala. Lors du sommet de l'an dernier à Varno, les Alliés avaient promis plus."
    ents, rels = run(nlp, text, published="2025-06-24")
    assert ("sommet de l'an dernier", "nextEdition", "sommet de l'Otan") in rels
    assert ("sommet de l'an dernier", "hostCity", "Varno") in rels
    assert ("sommet de l'Otan", "hostCity", "Varno") not in rels
    _, rels = run(nlp, "Le sommet de l'Otan s'est ouvert mardi à Tervala. L'édition précédente, à Varno, avait déçu.",
                  published="2025-06-24")
    assert ("édition précédente", "hostCity", "Varno") in rels
    _, rels = run(nlp, "Le sommet de l'Otan s'est ouvert mardi à Tervala. La Turquie accueillera l'édition 2026.",
                  published="2025-06-24")
    assert any(s == "sommet de l'Otan" and p == "nextEdition" for s, p, _ in rels)
    # the summit of the article's own year is that summit
    ents, _ = run(nlp, "Le sommet de l'Otan s'est ouvert mardi à Tervala. Le sommet de 2025 restera dans les mémoires.",
                  published="2025-06-24")
    assert len(typed(ents, "Summit")) == 1, typed(ents, "Summit")


def test_the_previous_edition_is_the_numbered_summit_one_below(nlp):
    ents, rels = run(nlp, "La TICAD 9 s'est ouverte mercredi à Yokohama. La Varnie boude Tokyo depuis l'édition "
                          "précédente. En marge de la conférence, le ministre Paul Dravec a rencontré ses homologues. "
                          "La TICAD 8 s'était tenue à Tunis.")
    assert "édition précédente" in ents["TICAD 8"].aliases
    assert ("TICAD 8", "nextEdition", "TICAD 9") in rels
    assert ("TICAD 9", "attendee", "Paul Dravec") in rels
    # with no numbered summit below, the previous edition stays its own
    ents, _ = run(nlp, "La TICAD 9 s'est ouverte mercredi à Yokohama. La Varnie boude Tokyo depuis l'édition "
                       "précédente. En marge de la conférence, le ministre Paul Dravec a rencontré ses homologues.")
    assert "édition précédente" in typed(ents, "Summit")


def test_the_following_summit_and_a_series_of_next_year_are_the_next_edition(nlp):
    _, rels = run(nlp, "Le sommet du G20 s'est achevé dimanche à Tervala. Le sommet suivant aura lieu en Inde.",
                  published="2025-11-24")
    nxt = [o for s, p, o in rels if s == "sommet du G20" and p == "nextEdition"]
    assert nxt and (nxt[0], "hostCountry", "Inde") in rels
    assert ("sommet du G20", "hostCountry", "Inde") not in rels
    _, rels = run(nlp, "Le sommet du G20 s'est achevé dimanche à Tervala. Le G20 de l'an prochain se tiendra aux "
                       "États-Unis.", published="2025-11-24")
    assert ("sommet du G20", "hostCountry", "États-Unis") not in rels
    assert any(s == "sommet du G20" and p == "nextEdition" for s, p, _ in rels)
    # the G20 of a city is the summit itself
    ents, _ = run(nlp, "Le sommet du G20 s'est achevé dimanche à Tervala. Le G20 de Tervala restera dans les mémoires.",
                  published="2025-11-24")
    assert len(typed(ents, "Summit")) == 1, typed(ents, "Summit")


def test_an_unknown_place_after_a_place_noun_or_a_body_s_summit(nlp):
    _, rels = run(nlp, "Le sommet du G7 s'est ouvert dimanche dans la station de ski de Tervala.")
    assert ("sommet du G7", "hostCity", "Tervala") in rels
    ents, rels = run(nlp, "Le sommet du G7 de Tervala s'est achevé.")
    assert "Tervala" in typed(ents, "City")
    # a name after a common noun that is no place is no place
    ents, _ = run(nlp, "Le sommet du G7 s'est ouvert dimanche avec le discours de Tervala.")
    assert "Tervala" not in typed(ents, "City")


def test_a_town_of_a_region_as_subject_is_not_read_as_the_region(nlp):
    ents, _ = run(nlp, "Avant le sommet du G7, la cité thermale de Haute-Varnie vit sous haute sécurité.")
    assert "Haute-Varnie" not in typed(ents, "City")


def test_a_meeting_named_by_two_leaders_is_a_summit(nlp):
    ents, rels = run(nlp, "La rencontre Olvani-Dravec a eu lieu vendredi à Anchorage.")
    assert "rencontre Olvani-Dravec" in typed(ents, "Summit")
    assert ("rencontre Olvani-Dravec", "hostCity", "Anchorage") in rels
    assert "Olvani-Dravec" not in typed(ents, "Person")
    # a meeting in a hyphenated country is no meeting of two leaders
    ents, _ = run(nlp, "La rencontre Bosnie-Herzégovine a eu lieu vendredi à Sarajevo.")
    assert not any(label.startswith("rencontre") for label in typed(ents, "Summit"))


def test_a_negated_relative_clause_about_going_is_absence(nlp):
    _, rels = run(nlp, "Le sommet du G7 s'est tenu jeudi à Tervala. Le Premier ministre Paul Dravec, qui n'était pas "
                       "du voyage, a jugé l'accord utile.")
    assert not any(p == "attendee" and o == "Paul Dravec" for _, p, o in rels)
    # a negated clause about something else is no absence
    _, rels = run(nlp, "Le sommet du G7 s'est tenu jeudi à Tervala. Le Premier ministre Paul Dravec, qui n'a pas "
                       "caché sa joie, a participé au sommet.")
    assert any(p == "attendee" and o == "Paul Dravec" for _, p, o in rels)


def test_the_leaders_annual_summit_is_not_their_ministers_meeting(nlp):
    ents, rels = run(nlp, "La réunion des ministres des Finances du G20 s'est tenue au Cap. Les chefs d'État et de "
                          "gouvernement du G20 doivent se retrouver en novembre à Johannesburg pour le sommet annuel "
                          "du groupe.")
    summits = typed(ents, "Summit")
    assert len(summits) == 2, summits
    leaders = next(label for label in summits if label.startswith("sommet"))
    assert "sommet du G20" in ents[leaders].aliases
    assert (leaders, "hostCity", "Johannesbourg") in rels
    # a description of the same ministers' meeting is that meeting
    ents, _ = run(nlp, "La réunion des ministres des Finances du G20 s'est tenue au Cap. La réunion sur la dette a "
                       "duré deux jours.")
    assert len(typed(ents, "Summit")) == 1, typed(ents, "Summit")


def test_a_body_in_brackets_after_a_name_is_the_person_s(nlp):
    _, rels = run(nlp, "Lors du sommet du G20 à Tervala, Ana Keller (FMI) a plaidé pour un allègement de la dette.")
    assert ("Ana Keller", "affiliation", "Fonds monétaire international") in rels
    # a country in brackets is no affiliation
    _, rels = run(nlp, "Lors du sommet du G20 à Tervala, Ana Keller (Canada) a plaidé pour un allègement de la dette.")
    assert not any(p == "affiliation" for _, p, _ in rels)
