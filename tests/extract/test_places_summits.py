"""Places, hosting and summits on short invented sentences (trained French pipeline): each test names one
mechanism of kg/extract/rules/places.py, hosting.py, summits.py or summit_variants.py, with what it must find
and a near miss it must not."""

import pytest

from kg.extract import extract
from kg.records import Article

from _extracted import attr

pytestmark = pytest.mark.model


def run(nlp, text, published="2024-06-14"):
    ex = extract(nlp(text), Article("t", text, published))
    ents = {e.key: e for e in ex.entities}
    rels = {(r.subject, r.predicate, r.object): r for r in ex.relations}
    return ents, rels


def of_type(ents, type_):
    return [e for e in ents.values() if e.type == type_]


def by_label(ents, label):
    hits = [e for e in ents.values() if e.label == label]
    assert hits, f"{label!r} not among {[e.label for e in ents.values()]}"
    return hits[0]


def summit(ents):
    found = of_type(ents, "Summit")
    assert len(found) == 1, [e.label for e in found]
    return found[0]


# ── places ─────────────────────────────────────────────────────────────────────────────────────────


def test_a_country_name_after_a_bare_a_is_a_city(nlp):
    ents, rels = run(nlp, "Les ministres se sont retrouvés mardi à Salvador, dans le nord-est du Brésil.")
    city = by_label(ents, "Salvador")
    assert city.type == "City" and "country/SLV" not in ents
    assert (city.key, "locatedIn", "country/BRA") in rels
    ents, _ = run(nlp, "Le Salvador a voté contre la résolution.")
    assert by_label(ents, "Salvador").type == "Country"


def test_an_unknown_place_after_au_where_people_gather_is_a_venue(nlp):
    ents, rels = run(nlp, "Une trentaine de dirigeants sont attendus au Rigi pour le sommet sur la sécurité alimentaire.")
    assert (summit(ents).key, "hostCity", by_label(ents, "Rigi").key) in rels
    ents, _ = run(nlp, "La situation au Haut-Karabakh sera évoquée lors du sommet de l'OTAN.")
    assert not of_type(ents, "City")


def test_a_place_noun_and_adjectives_before_a_city_make_it_a_location(nlp):
    ents, rels = run(nlp, "Le sommet de l'OTAN s'est ouvert jeudi dans la capitale estonienne Tallinn.")
    assert (summit(ents).key, "hostCity", "city/tallinn") in rels
    # an adjective on a place names no country of its own
    assert "country/EST" not in ents
    ents, rels = run(nlp, "Le sommet UE-Inde s'est ouvert en plein centre historique de Bruxelles.")
    assert (summit(ents).key, "hostCity", "city/bruxelles") in rels


def test_the_country_of_a_place_adjective_is_kept_when_named_otherwise(nlp):
    text = "La ministre estonienne Kaja Tamm a ouvert le sommet de l'OTAN dans la capitale estonienne Tallinn."
    ents, rels = run(nlp, text)
    assert "country/EST" in ents
    assert ("city/tallinn", "locatedIn", "country/EST") in rels


def test_a_city_placed_in_its_country_by_the_text(nlp):
    ents, rels = run(nlp, "Le sommet du Mercosur s'est achevé à Fortaleza, au Brésil.")
    assert (by_label(ents, "Fortaleza").key, "locatedIn", "country/BRA") in rels
    # a city that is not a capital, its country named elsewhere: not said to lie there
    ents, rels = run(nlp, "Le sommet du Mercosur s'est achevé à Fortaleza. Le Brésil en assurait la présidence.")
    assert not any(p == "locatedIn" for _, p, _ in rels)


def test_a_capital_lies_in_its_country_named_in_the_article_implied(nlp):
    ents, rels = run(nlp, "Le sommet de l'OTAN s'est tenu à Madrid, où l'Espagne a reçu les alliés.")
    rel = rels[("city/madrid", "locatedIn", "country/ESP")]
    assert rel.evidence[0].implied


def test_the_seat_of_an_international_body_stands_for_it_not_for_its_country(nlp):
    ents, _ = run(nlp, "Bruxelles espère un accord commercial avant la fin de l'année.")
    assert "country/BEL" not in ents


def test_a_slip_of_the_keys_in_a_city_name_is_the_same_city(nlp):
    ents, _ = run(nlp, "La COP40 s'est ouverte lundi à Rotterdam. Ici à Rotterdma, les délégués négocient.")
    assert [e.label for e in of_type(ents, "City")] == ["Rotterdam"]
    # a different letter is another name
    ents, _ = run(nlp, "Les ministres se sont réunis à Vienne, puis à Sienne, pour le sommet.")
    assert len(of_type(ents, "City")) == 2


# ── summits ────────────────────────────────────────────────────────────────────────────────────────


def test_a_conference_of_governments_is_a_summit(nlp):
    ents, rels = run(nlp, "La conférence des Nations unies sur l'eau s'est ouverte mercredi à Dakar.")
    s = summit(ents)
    assert s.label == "conférence des Nations unies sur l'eau"
    assert (s.key, "hostCity", "city/dakar") in rels
    ents, _ = run(nlp, "Le ministre a déclaré lors d'une conférence de presse à Dakar que le pays était prêt.")
    assert not of_type(ents, "Summit")


def test_an_acronym_with_a_number_and_the_bare_mentions_before_it(nlp):
    text = ("Pendant quatre jours, soixante délégations ont siégé. La conférence a pris fin sur une déclaration d'intention. "
            "Le secrétaire général de la CNUE4 a salué les engagements.")
    ents, _ = run(nlp, text)
    s = summit(ents)
    assert s.label == "CNUE4" and attr(s, "edition") == 4
    # no summit word in the article: an acronym with a number is not a summit
    ents, _ = run(nlp, "Le modèle XKR12 a été présenté au salon.")
    assert not of_type(ents, "Summit")


def test_an_indefinite_summit_under_a_negation_is_none(nlp):
    ents, _ = run(nlp, "La présidente n'a pas participé à un sommet des dirigeants depuis 2015.")
    assert not of_type(ents, "Summit")
    ents, _ = run(nlp, "Le président a convoqué un sommet des dirigeants de la région à Lomé.")
    assert len(of_type(ents, "Summit")) == 1


def test_the_previous_edition_is_followed_by_the_summit_under_discussion(nlp):
    text = ("Le sommet de l'Union africaine s'est ouvert à Kigali. "
            "Lors du précédent sommet, en 2023, les dirigeants avaient adopté une feuille de route.")
    ents, rels = run(nlp, text)
    prev, main = by_label(ents, "précédent sommet"), by_label(ents, "sommet de l'Union africaine")
    assert (prev.key, "nextEdition", main.key) in rels
    # « ce dernier sommet »: the one under discussion
    ents, rels = run(nlp, "Le sommet de l'Union africaine s'est ouvert à Kigali. Ce dernier sommet a réuni 40 dirigeants.")
    assert len(of_type(ents, "Summit")) == 1 and not any(p == "nextEdition" for _, p, _ in rels)


def test_the_members_after_a_summit_name_belong_to_it(nlp):
    ents, _ = run(nlp, "L'UA a publié un calendrier dès l'ouverture d'un sommet des dirigeants des 55.")
    assert summit(ents).label == "sommet des dirigeants des 55"


def test_a_place_between_two_others_does_not_host(nlp):
    text = ("Lors du dernier sommet, en mai en Albanie, le climat était tendu entre Belgrade et Pristina. "
            "Le cinquième sommet de la CPE s'ouvre jeudi à Tallinn.")
    ents, rels = run(nlp, text)
    assert not any(p == "hostCity" and o in ("city/belgrade", "city/pristina") for _, p, o in rels)


# ── one summit, several names ─────────────────────────────────────────────────────────────────────


def test_a_description_in_apposition_to_a_numbered_acronym(nlp):
    ents, rels = run(nlp, "Il a pris la parole au sommet annuel des Nations unies sur le climat, COP41, qui se tient à Lima.")
    s = summit(ents)
    assert s.label == "COP41" and "sommet annuel des Nations unies sur le climat" in s.aliases


def test_the_same_name_after_two_summit_nouns(nlp):
    text = "Le sommet pour la paix s'ouvre samedi. Une centaine de délégations sont attendues à la conférence pour la paix au Rigi."
    ents, rels = run(nlp, text)
    assert (summit(ents).key, "hostCity", by_label(ents, "Rigi").key) in rels


def test_a_summit_named_by_its_host_place(nlp):
    text = ("Le sommet du G20 au Mexique s'est achevé mardi à Monterrey. "
            "Au point presse final du sommet de Monterrey, le président a parlé.")
    ents, _ = run(nlp, text)
    assert "sommet de Monterrey" in summit(ents).aliases
    # a place where no summit of the article is held names another summit
    ents, _ = run(nlp, "Le sommet du G20 s'est achevé mardi à Monterrey. Le sommet de Lima aura lieu en mai.")
    assert len(of_type(ents, "Summit")) == 2


def test_a_description_is_the_summit_under_discussion_unless_that_is_a_bodys(nlp):
    ents, _ = run(nlp, "La COP40 s'est ouverte à Lima. La conférence internationale sur le climat doit durer deux semaines.")
    assert summit(ents).label == "COP40"
    ents, _ = run(nlp, "Le sommet du G7 s'est ouvert à Rome. Le sommet sur le climat aura lieu en novembre.")
    assert len(of_type(ents, "Summit")) == 2


# ── hosting ───────────────────────────────────────────────────────────────────────────────────────


def test_co_organisers_all_host(nlp):
    text = "Co-organisé par la France et le Chili, ce sommet d'une semaine a attiré 9 000 délégués. La COP40 s'achève."
    ents, rels = run(nlp, text)
    s = summit(ents)
    assert (s.key, "hostCountry", "country/FRA") in rels and (s.key, "hostCountry", "country/CHL") in rels
    text = "Soutenu par la France et le Chili, ce sommet d'une semaine a attiré 9 000 délégués. La COP40 s'achève."
    ents, rels = run(nlp, text)
    assert not any(p == "hostCountry" for _, p, _ in rels)


def test_the_country_of_a_summits_topic_does_not_host(nlp):
    ents, rels = run(nlp, "Quarante délégations sont attendues à la conférence pour la paix en Libye au Rigi.")
    s = summit(ents)
    assert (s.key, "hostCountry", "country/LBY") not in rels
    assert (s.key, "hostCity", by_label(ents, "Rigi").key) in rels


def test_where_the_leaders_gather_hosts_the_summit(nlp):
    text = ("Les dirigeants des pays de l'Union sont réunis pour deux jours à Lisbonne pour renouer avec leurs partenaires. "
            "C'est la quatrième rencontre au sommet entre l'UE et l'ASEAN.")
    ents, rels = run(nlp, text)
    assert (summit(ents).key, "hostCity", "city/lisbonne") in rels
    # a place named in passing, not where people gather nor in the summit's sentence
    text = "Le sommet de la Ligue arabe a débuté jeudi. Le roi jordanien Abdallah II revenait de Lisbonne."
    ents, rels = run(nlp, text)
    assert not any(p == "hostCity" for _, p, _ in rels)


def test_a_body_named_for_its_meeting_is_a_summit(nlp):
    ents, rels = run(nlp, "Le Conseil européen extraordinaire s'est ouvert jeudi à Bruxelles.")
    s = summit(ents)
    assert s.label == "Conseil européen extraordinaire" and (s.key, "hostCity", "city/bruxelles") in rels
    ents, _ = run(nlp, "Lors du Conseil européen de jeudi, les Vingt-Sept ont ouvert les négociations avec l'Ukraine.")
    assert summit(ents).label == "Conseil européen"
    # the body itself is no meeting
    ents, _ = run(nlp, "Le président du Conseil européen Charles Michel a salué l'accord.")
    assert not of_type(ents, "Summit") and of_type(ents, "Organization")


@pytest.mark.parametrize("city", ["Hambourg", "Lima", "Montevideo"])  # capitals are also read as their government
def test_a_summit_series_and_its_city_is_that_summit(nlp, city):
    text = f"Le 31e sommet du G20 s'est achevé à {city}. Le G20 de {city} a adopté une déclaration."
    ents, rels = run(nlp, text)
    assert f"G20 de {city}" in summit(ents).aliases
    ents, _ = run(nlp, "Le G20 a adopté une déclaration sur la faim.")
    assert not of_type(ents, "Summit")


def test_a_time_ends_a_summits_name_and_roman_editions_follow_each_other(nlp):
    text = ("Le XXIIe Sommet de la Francophonie s'est achevé à Dakar. Le Gabon accueillera le XXIIIe Sommet de la "
            "Francophonie l'an prochain.")
    ents, rels = run(nlp, text)
    s22 = next(e for e in of_type(ents, "Summit") if attr(e, "edition") == 22)
    s23 = next(e for e in of_type(ents, "Summit") if attr(e, "edition") == 23)
    assert s23.label == "XXIIIe Sommet de la Francophonie"
    assert (s22.key, "nextEdition", s23.key) in rels


def test_a_dateline_place_is_a_city_that_hosts_the_story_s_summit(nlp):
    ents, rels = run(nlp, "Moscou (AFP) - Le sommet des BRICS s'est ouvert mardi en présence de vingt dirigeants.")
    assert (summit(ents).key, "hostCity", "city/moscou") in rels
    ents, rels = run(nlp, "MUSKOKA (Canada) – Le sommet du G7 s'est achevé mardi.")
    city = by_label(ents, "Muskoka")
    assert (summit(ents).key, "hostCity", city.key) in rels and (city.key, "locatedIn", "country/CAN") in rels
    # a time opening a paragraph is no place
    ents, _ = run(nlp, "Vendredi, 11 h 40 – Fin des travaux du sommet du G7. Les dirigeants n'ont pas réussi à s'entendre.")
    assert not of_type(ents, "City")


def test_the_host_named_by_its_leader_or_as_host_country(nlp):
    text = ("Le sommet du G20 s'est achevé mardi. L'hôte du sommet, le président péruvien, Carlos Medina, "
            "a salué le consensus.")
    ents, rels = run(nlp, text)
    assert rels[(summit(ents).key, "hostCountry", "country/PER")].evidence[0].implied
    ents, rels = run(nlp, "Le sommet du G20 s'est achevé mardi. Le Pérou, pays hôte, a salué le consensus.")
    assert (summit(ents).key, "hostCountry", "country/PER") in rels
    ents, rels = run(nlp, "Le sommet du G20 s'est achevé mardi. Le président péruvien a reçu l'hôte du dîner, le roi Charles.")
    assert not any(p == "hostCountry" for _, p, _ in rels)


def test_the_country_where_the_summits_members_gather_hosts_it(nlp):
    text = "Rassemblés en Indonésie, les États du G20 ont discuté deux jours. Le sommet du G20 a adopté un communiqué."
    ents, rels = run(nlp, text)
    assert (summit(ents).key, "hostCountry", "country/IDN") in rels
    text = "Le sommet du G20 a adopté un communiqué. Les ministres réunis la veille en France avaient préparé le texte."
    ents, rels = run(nlp, text)
    assert not any(p == "hostCountry" for _, p, _ in rels)


def test_a_place_put_first_in_a_cleft_hosts_the_summit_after_que(nlp):
    text = ("Le sommet de l'OTAN s'est achevé. C’est au Portugal, à Lisbonne, que se tiendra le prochain sommet de "
            "l’Alliance, a annoncé le secrétaire général.")
    ents, rels = run(nlp, text)
    nxt = next(e for e in of_type(ents, "Summit") if "prochain" in e.label or "prochaine" in e.label)
    assert (nxt.key, "hostCity", "city/lisbonne") in rels and (nxt.key, "hostCountry", "country/PRT") in rels
    ents, rels = run(nlp, "C'est en France que le président a prononcé son discours sur le prochain sommet du G7.")
    assert not any(p == "hostCountry" for _, p, _ in rels)


def test_where_the_main_verb_gathers_the_leaders_of_a_summit(nlp):
    text = ("Le président chilien a réuni jeudi et vendredi à Valparaiso, au bord du Pacifique, une cinquantaine de "
            "dirigeants pour un sommet des chefs d’État. La COP34 s'ouvrira lundi. La COP34 durera deux semaines.")
    ents, rels = run(nlp, text)
    assert (by_label(ents, "sommet des chefs d’État").key, "hostCity", "city/valparaiso") in rels
    # far from the summit and not where the main verb gathers anyone
    text = ("Le sommet des chefs d’État s'est ouvert à Santiago. Le président, qui avait passé la semaine à Valparaiso avec "
            "les ministres du Pacifique, a salué vendredi une cinquantaine de dirigeants venus pour le sommet des chefs d’État.")
    ents, rels = run(nlp, text)
    assert (summit(ents).key, "hostCity", "city/valparaiso") not in rels


def test_a_place_in_another_summits_name_is_that_ones(nlp):
    ents, rels = run(nlp, "Le président a ouvert ce XXIIe sommet de la Francophonie, deux ans après le sommet de Sousse, en Tunisie.")
    sousse = by_label(ents, "sommet de Sousse")
    main = next(e for e in of_type(ents, "Summit") if attr(e, "edition") == 22)
    assert (sousse.key, "hostCity", "city/sousse") in rels and ("city/sousse", "locatedIn", "country/TUN") in rels
    assert (main.key, "hostCity", "city/sousse") not in rels


def test_a_capitalised_new_is_part_of_the_name_not_the_next_edition(nlp):
    ents, rels = run(nlp, "Quelque 3 000 participants ont pris part vendredi au Nouveau Sommet Afrique-France, le 28e du nom.")
    summit(ents)
    assert not any(p == "nextEdition" for _, p, _ in rels)
    ents, rels = run(nlp, "Le sommet Afrique-France s'est achevé. Le nouveau sommet se tiendra à Nairobi.")
    assert any(p == "nextEdition" for _, p, _ in rels)


def test_a_capital_one_comes_back_from_is_a_city(nlp):
    ents, _ = run(nlp, "Le Premier ministre, tout juste rentré de Moscou et de Pékin, a rejoint le sommet de l'OTAN.")
    assert by_label(ents, "Moscou").type == "City" and by_label(ents, "Pékin").type == "City"
    # the capital of a government that is angry stands for its country
    ents, _ = run(nlp, "La colère de Moscou n'a pas faibli après le sommet de l'OTAN.")
    assert "Moscou" in ents["country/RUS"].aliases


# ── a capital used for its government ─────────────────────────────────────────────────────────────


def test_a_capital_used_for_its_government_stays_a_city_and_implies_its_country(nlp):
    ents, rels = run(nlp, "Le président russe a reçu les envoyés. La colère de Moscou n'a pas faibli, a annoncé Pékin.")
    assert by_label(ents, "Moscou").type == "City"
    assert "Moscou" in ents["country/RUS"].aliases
    assert rels[("city/moscou", "locatedIn", "country/RUS")].evidence[0].implied
    # another city used for its authorities implies no country
    ents, _ = run(nlp, "La colère de Genève n'a pas faibli.")
    assert by_label(ents, "Genève").type == "City" and not of_type(ents, "Country")


def test_the_country_of_a_capital_is_its_first_mention(nlp):
    # rules reading « the mention at this token » (agents, subjects) find the country before the city
    from kg.extract.context import ArticleContext
    from kg.extract.lexicon import load_lexicon
    from kg.extract.rules import RULES, run_rules
    from kg.nlp.reference import load_reference

    text = "Pékin a annoncé un plan d'aide de 10 milliards de dollars."
    ctx = ArticleContext(nlp(text), Article("t", text, "2024-06-14"), load_reference(), load_lexicon())
    run_rules(ctx, [r for r in RULES if r.name in ("places_and_orgs", "capitals_as_governments")])
    assert ctx.mention_at(0).key == "country/CHN"
    assert ctx.mention_at(0, ("City",)).key == "city/pekin"
