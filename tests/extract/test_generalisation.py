"""Paraphrase battery for hosting, attendance and summits (kg/extract/rules/places.py, hosting.py, summits.py,
attendance.py): invented French news sentences (no corpus article's wording), each mechanism with what it must
find and a near miss it must not."""

import pytest

from _extracted import run_labels as run

pytestmark = pytest.mark.model


def summits(ents):
    return {label: e for label, e in ents.items() if e.type == "Summit"}


# ── hosting ────────────────────────────────────────────────────────────────────────────────────────


def test_a_place_hanging_from_the_summit_noun_is_where_it_is_held_not_a_recipient(nlp):
    _, rels = run(nlp, "Au sommet de l'Otan à Riga, les Alliés ont promis une adhésion future à l'Ukraine.")
    assert ("sommet de l'Otan", "hostCity", "Riga") in rels
    # what is promised to a capital still goes to it, not a host
    _, rels = run(nlp, "Lors du sommet de l'Otan, les Alliés ont promis des missiles à Kiev.")
    assert not any(p == "hostCity" and o == "Kiev" for _, p, o in rels)


def test_a_city_subject_of_a_hosting_verb_hosts(nlp):
    _, rels = run(nlp, "Nairobi a accueilli mardi le premier sommet africain sur le climat.")
    assert ("sommet africain sur le climat", "hostCity", "Nairobi") in rels
    _, rels = run(nlp, "Le Caire a accueilli samedi un sommet pour la paix.")
    assert ("sommet pour la paix", "hostCity", "Le Caire") in rels
    # a city that does something else is no host
    _, rels = run(nlp, "Nairobi a critiqué mardi le sommet africain sur le climat.")
    assert not any(p == "hostCity" for _, p, _ in rels)


def test_a_town_after_a_venue_of_several_words_is_where_it_is_held(nlp):
    _, rels = run(nlp, "La COP33 s'est ouverte lundi au palais des congrès de Tachkent.")
    assert ("COP33", "hostCity", "Tachkent") in rels
    _, rels = run(nlp, "La COP33 s'est ouverte lundi, au lendemain d'un discours du président de Tachkent.")
    assert not any(p == "hostCity" for _, p, _ in rels)


def test_no_host_city_from_a_statement_sent_from_afar(nlp):
    _, rels = run(nlp, "Dans un communiqué publié à Washington, Joe Biden a salué les conclusions du sommet de l'OTAN.")
    assert not any(p == "hostCity" for _, p, _ in rels)
    _, rels = run(nlp, "Réunis à Washington, les dirigeants ont salué les conclusions du sommet de l'OTAN.")
    assert ("sommet de l'OTAN", "hostCity", "Washington") in rels


def test_a_city_whose_le_is_contracted(nlp):
    ents, rels = run(nlp, "Le sommet tripartite s'est tenu au Caire en présence de Abdel Fattah al-Sissi.")
    assert ents["Le Caire"].type == "City"
    assert ("sommet tripartite", "hostCity", "Le Caire") in rels
    ents, _ = run(nlp, "Le sommet s'est tenu au Cap-Vert.")
    assert "Le Cap" not in ents


def test_a_country_without_article_after_a_hosts(nlp):
    _, rels = run(nlp, "Le sommet de la Ligue arabe s'est ouvert à Riyad. Le 33e sommet aura lieu l'an prochain à Bahreïn.")
    assert ("33e sommet", "hostCountry", "Bahreïn") in rels
    assert ("sommet de la Ligue arabe", "nextEdition", "33e sommet") in rels
    # « à » before a country that takes an article is no location of it
    _, rels = run(nlp, "Le sommet de la Ligue arabe s'est ouvert. Les dirigeants ont promis une aide à Égypte.")
    assert not any(p == "hostCountry" for _, p, _ in rels)


def test_a_hyphenated_name_opening_a_sentence_is_no_dateline(nlp):
    ents, _ = run(nlp, "Ngozi Okonjo-Iweala, directrice générale de l'OMC, a salué un accord sur la pêche.")
    assert not [e for e in ents.values() if e.type == "City"]
    ents, _ = run(nlp, "Bruxelles - Les dirigeants européens ont ouvert jeudi leur sommet.")
    assert ents["Bruxelles"].type == "City"


# ── summits ────────────────────────────────────────────────────────────────────────────────────────


def test_a_summit_series_met_is_its_summit(nlp):
    ents, rels = run(nlp, "Le G7 s'est ouvert jeudi à Hiroshima en présence de Volodymyr Zelensky.")
    assert "sommet du G7" in summits(ents) and ents["G7"].type == "Organization"
    assert ("sommet du G7", "hostCity", "Hiroshima") in rels
    assert ("sommet du G7", "attendee", "Volodymyr Zelensky") in rels
    ents, _ = run(nlp, "Lors du G20, Emmanuel Macron a plaidé pour une taxe sur les milliardaires.")
    assert "sommet du G20" in summits(ents)
    # the body acting is no meeting
    ents, _ = run(nlp, "Le G7 a adopté des sanctions contre la Russie.")
    assert not summits(ents)


def test_a_meeting_body_and_a_gathering_body_meeting_are_summits(nlp):
    ents, rels = run(nlp, "Le Conseil européen s'est réuni jeudi à Bruxelles en présence de Volodymyr Zelensky.")
    assert ("Conseil européen", "hostCity", "Bruxelles") in rels and ents["Conseil européen"].type == "Summit"
    ents, rels = run(nlp, "Le Forum sur la coopération sino-africaine s'est ouvert à Pékin.")
    assert ents["Forum sur la coopération sino-africaine"].type == "Summit"
    ents, _ = run(nlp, "Le Forum sur la coopération sino-africaine a publié un rapport.")
    assert not summits(ents)


def test_an_acronym_and_its_number_written_apart(nlp):
    ents, _ = run(nlp, "La COP 33 s'est ouverte lundi à Lima.")
    assert dict(summits(ents)["COP33"].attrs)["edition"] == 33


def test_a_summit_without_a_name_takes_its_body(nlp):
    text = ("Les dirigeants de l'Organisation de coopération de Shanghai (OCS) ont plaidé jeudi pour un ordre multipolaire "
            "lors de leur sommet annuel à Astana.")
    ents, _ = run(nlp, text)
    assert "sommet de l'OCS" in summits(ents)["sommet annuel"].aliases
    # a named summit keeps its own name only
    ents, _ = run(nlp, "Les dirigeants de l'OCS ont plaidé jeudi pour un ordre multipolaire lors du sommet du G20.")
    assert not any("OCS" in a for a in summits(ents)["sommet du G20"].aliases)


def test_a_session_of_a_body_is_a_summit(nlp):
    text = ("Les chefs d'État de la Cédéao se sont réunis dimanche à Abuja pour leur 64e session ordinaire. "
            "Le prochain sommet se tiendra à Lomé.")
    ents, rels = run(nlp, text)
    s = summits(ents)
    assert "64e session ordinaire" in s and dict(s["64e session ordinaire"].attrs)["edition"] == 64
    assert ("64e session ordinaire", "hostCity", "Abuja") in rels
    assert any(p == "nextEdition" for _, p, _ in rels)
    ents, _ = run(nlp, "La session de questions au gouvernement a été animée.")
    assert not summits(ents)


def test_a_numbered_summit_to_come_is_the_next_edition(nlp):
    ents, rels = run(nlp, "Le sommet de la Ligue arabe s'est ouvert à Riyad. Le 33e sommet aura lieu l'an prochain à Bagdad.")
    assert ("sommet de la Ligue arabe", "nextEdition", "33e sommet") in rels
    # in the past, the number is that summit's own
    ents, _ = run(nlp, "Le sommet de la Ligue arabe s'est ouvert à Riyad. Le 32e sommet a réuni vingt dirigeants.")
    assert len(summits(ents)) == 1


# ── attendance ─────────────────────────────────────────────────────────────────────────────────────


def test_a_refusal_to_go_is_absence(nlp):
    _, rels = run(nlp, "Le président péruvien Carlos Medina a refusé de se rendre au sommet du G20 de Bogota.")
    assert not any(p == "attendee" for _, p, _ in rels)
    _, rels = run(nlp, "Le président péruvien Carlos Medina a accepté de se rendre au sommet du G20 de Bogota.")
    assert ("sommet du G20 de Bogota", "attendee", "Carlos Medina") in rels


def test_at_the_podium_is_there(nlp):
    _, rels = run(nlp, "Le secrétaire général de l'ONU, António Guterres, est intervenu à la tribune de la COP33.")
    assert ("COP33", "attendee", "António Guterres") in rels
    _, rels = run(nlp, "Dans une tribune publiée lundi, António Guterres a critiqué la COP33.")
    assert not any(p == "attendee" for _, p, _ in rels)


def test_a_person_represented_by_someone_else_is_absent(nlp):
    text = ("Le sommet de la Ligue arabe s'est ouvert à Djeddah. Le président algérien Abdelmadjid Tebboune s'est fait "
            "représenter par son Premier ministre Aïmene Benabderrahmane.")
    _, rels = run(nlp, text)
    assert not any(p == "attendee" and o == "Abdelmadjid Tebboune" for _, p, o in rels)
    assert ("sommet de la Ligue arabe", "attendee", "Aïmene Benabderrahmane") in rels
    # a person who represents someone is there
    text = "Le sommet de la Ligue arabe s'est ouvert à Djeddah. Aïmene Benabderrahmane y représentait l'Algérie."
    _, rels = run(nlp, text)
    assert ("sommet de la Ligue arabe", "attendee", "Aïmene Benabderrahmane") in rels


# ── affiliation ────────────────────────────────────────────────────────────────────────────────────


def test_who_heads_a_body_unknown_to_the_reference_names_an_organisation(nlp):
    ents, rels = run(nlp, "Le PDG de Renault, Luca de Meo, a rencontré Emmanuel Macron.")
    assert ents["Renault"].type == "Organization"
    assert ("Luca de Meo", "affiliation", "Renault") in rels
    # a summit's director heads no company
    ents, _ = run(nlp, "Le directeur de la COP28, Adnan Amin, a salué l'accord.")
    assert not [e for e in ents.values() if e.type == "Organization"]
    # a name of several words is taken whole, as the recogniser reads it, not cut at its first word
    ents, _ = run(nlp, "Le directeur de l'École normale supérieure a pris la parole à Paris.")
    assert "École normale supérieure" in ents and "École" not in ents


# ── a summit under its body's other names ──────────────────────────────────────────────────────────


def test_a_summit_named_after_its_body_also_has_the_bodys_other_names(nlp):
    ents, _ = run(nlp, "Le sommet de l'Organisation du traité de l'Atlantique nord s'est ouvert mardi à Tallinn.")
    (s,) = summits(ents).values()
    assert "sommet de l'OTAN" in s.aliases and "sommet de l'Alliance atlantique" in s.aliases
    ents, _ = run(nlp, "Le sommet de l'Organisation de coopération de Shanghai s'est tenu à Astana.")
    (s,) = summits(ents).values()
    assert "sommet de l'OCS" in s.aliases
    # a summit named after a place gets no body's names
    ents, _ = run(nlp, "Le sommet de Tallinn s'est ouvert mardi en présence de Joe Biden.")
    assert all("OTAN" not in a for s in summits(ents).values() for a in s.aliases)
