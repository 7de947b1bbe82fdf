"""Mechanisms found on the probe articles 29-34 of tests/corpus_invented: the summit named by other words (a gathering
noun, describing adjectives, the lead under a headline, who meets, an elliptic next edition), a gathering still to
come named in passing, host places (a venue and its town, « où », a place put first, co-hosts) and sentences that
say who was there. Invented sentences (no article's wording, invented people and places), each with what it must
find and a near miss it must not."""

import pytest

from _extracted import run_labels as run

pytestmark = pytest.mark.model


def typed(ents, type_):
    return {label for label, e in ents.items() if e.type == type_}


def only_summit(ents):
    summits = typed(ents, "Summit")
    assert len(summits) == 1, summits
    return next(iter(summits))


# ── the summit named by other words ───────────────────────────────────────────────────────────────


def test_a_gathering_noun_is_the_summit_the_story_keeps_naming(nlp):
    ents, rels = run(nlp, "Le sommet de Tervala s'est ouvert lundi. Le président Marc Olvani a salué la rencontre. "
                          "En marge de ce conclave, le président Paul Dravec a reçu la presse.")
    s = only_summit(ents)
    assert {"rencontre", "conclave"} <= set(ents[s].aliases), ents[s].aliases
    # another meeting: bilateral, with the press, or of a committee
    ents, _ = run(nlp, "Le sommet de Tervala s'est ouvert lundi. La rencontre bilatérale a duré une heure. "
                       "La réunion de presse a suivi, puis la réunion du comité.")
    s = only_summit(ents)
    assert not {"rencontre", "rencontre bilatérale", "réunion", "réunion de presse"} & set(ents[s].aliases), ents[s].aliases


def test_a_gathering_noun_after_a_next_word_is_the_next_edition(nlp):
    ents, rels = run(nlp, "Le sommet de Tervala s'est achevé mardi. Le prochain conclave amazonien, prévu en 2029 au "
                          "Pérou, dira si la feuille de route a été suivie.")
    assert len(typed(ents, "Summit")) == 2
    nxt = next(label for label, e in ents.items() if e.type == "Summit" and "prochain conclave amazonien" in {label, *e.aliases})
    assert ("sommet de Tervala", "nextEdition", nxt) in rels


def test_a_gathering_noun_refers_to_the_summit_named_most_not_the_last_one_named(nlp):
    ents, _ = run(nlp, "Le Xe sommet de Tervala s'ouvre jeudi. Le président Marc Olvani, qui a accueilli le sommet du "
                       "Mercosur la semaine dernière, sera au sommet de Tervala. Le président Paul Dravec boycottera la "
                       "rencontre.")
    tervala = next(label for label in typed(ents, "Summit") if "Tervala" in label)
    assert "rencontre" in ents[tervala].aliases


def test_describing_adjectives_name_no_other_summit(nlp):
    ents, _ = run(nlp, "Le sommet de la CEEAC s'est ouvert samedi à Tervala. Le sommet extraordinaire doit durer un "
                       "jour.")
    only_summit(ents)
    # a name is not a description: another body's summit is another summit
    ents, _ = run(nlp, "Le sommet de la CEEAC s'est ouvert samedi à Tervala. Le sommet de l'Otan suivra.")
    assert len(typed(ents, "Summit")) == 2


def test_the_lead_names_the_summit_of_the_headline(nlp):
    ents, rels = run(nlp, "Sommet de l'OCS : le président Olvani promet une banque\n\n"
                          "TERVALA, 1er septembre - Le président Marc Olvani a promis lundi une banque de développement, "
                          "lors du 12e sommet du Conseil des chefs d'État de l'organisation, qui se tient à Tervala.")
    s = only_summit(ents)
    assert (s, "hostCity", "Tervala") in rels
    # a lead summit in another place is another summit
    ents, _ = run(nlp, "Sommet de Varno : le président Olvani promet une banque\n\n"
                       "Le président Marc Olvani a promis lundi une banque de développement lors du sommet de Tervala.")
    assert len(typed(ents, "Summit")) == 2


def test_a_headline_summit_and_an_indefinite_described_one_in_the_lead_are_one(nlp):
    ents, _ = run(nlp, "Sommet arabo-africain de Tervala : ce qu'il faut retenir\n\n"
                       "Les dirigeants étaient réunis mercredi pour un sommet extraordinaire conjoint consacré à la "
                       "sécheresse. Le président Marc Olvani a pris la parole.")
    only_summit(ents)


def test_a_leaders_meeting_named_by_who_meets_is_a_summit(nlp):
    ents, rels = run(nlp, "La cinquième réunion des présidents des États parties au Traité de Kervel, organisée au "
                          "palais de Marvello, à Tervala, a adopté une feuille de route.")
    s = only_summit(ents)
    assert ents[s].attrs and dict(ents[s].attrs).get("edition") == 5
    assert (s, "hostCity", "Tervala") in rels
    # a meeting of people who name nothing is no summit
    ents, _ = run(nlp, "La cinquième réunion des présidents de clubs de la région a eu lieu mardi.")
    assert not typed(ents, "Summit")


def test_the_next_edition_with_its_noun_left_out(nlp):
    ents, rels = run(nlp, "Le deuxième sommet franco-irlandais s'est tenu à Kervaloc. L'Irlande accueillera le "
                          "prochain, en 2029, à Corvan.")
    nxt = [label for label in typed(ents, "Summit") if label != "sommet franco-irlandais" and "prochain" in set(ents[label].aliases) | {label}
           or any("prochain" in a for a in ents[label].aliases)]
    assert nxt, typed(ents, "Summit")
    assert (nxt[0], "hostCountry", "Irlande") in rels
    # « la prochaine fois »: no edition
    ents, _ = run(nlp, "Le deuxième sommet franco-irlandais s'est tenu à Kervaloc. La prochaine fois, il faudra "
                       "inviter les pêcheurs.")
    assert len(typed(ents, "Summit")) == 1


def test_a_gathering_still_to_come_named_in_passing_is_not_the_summit_under_discussion(nlp):
    ents, rels = run(nlp, "Le sommet de Tervala s'est achevé mercredi. Le président Marc Olvani a annoncé que Varno "
                          "accueillerait en janvier une conférence internationale des donateurs. Autour de la table, on "
                          "comptait aussi le président Paul Dravec.")
    assert ("sommet de Tervala", "attendee", "Paul Dravec") in rels
    assert not any(p == "attendee" and o == "Paul Dravec" and s != "sommet de Tervala" for s, p, o in rels)


# ── host places ───────────────────────────────────────────────────────────────────────────────────


def test_a_venue_does_not_stop_the_dateline_giving_the_town(nlp):
    ents, rels = run(nlp, "TERVALA, 8 décembre (AFP) - Les dirigeants se sont accordés mardi sur une force commune.\n\n"
                          "Le 47e sommet du Golfe s'est tenu au palais de Marvello.")
    s = only_summit(ents)
    assert (s, "hostCity", "palais de Marvello") in rels
    assert (s, "hostCity", "Tervala") in rels
    # a town already named as the host stops the dateline
    ents, rels = run(nlp, "TERVALA, 8 décembre (AFP) - Les dirigeants se sont accordés mardi.\n\n"
                          "Le 47e sommet du Golfe s'est tenu à Varno.")
    s = only_summit(ents)
    assert (s, "hostCity", "Tervala") not in rels


def test_venue_names_with_a_contracted_of_a_building_or_a_particle(nlp):
    ents, _ = run(nlp, "Le sommet s'est ouvert au palais du Grand Varno. Les délégations arrivent au centre de "
                       "conférences du palais Al-Marvah pour le sommet.")
    assert {"palais du Grand Varno", "centre de conférences du palais Al-Marvah"} <= typed(ents, "City"), typed(ents, "City")


def test_the_place_ou_refers_to_hosts_the_summit_of_its_clause(nlp):
    ents, rels = run(nlp, "Le président Marc Olvani partira mercredi pour Tervala, en Zambie, où il participera jeudi "
                          "au sommet extraordinaire de la SADC.")
    s = only_summit(ents)
    assert (s, "hostCity", "Tervala") in rels
    assert (s, "hostCountry", "Zambie") in rels
    # no summit in the clause: no host
    ents, rels = run(nlp, "Le sommet de la SADC s'est achevé. Le président Marc Olvani partira pour Varno, où il a "
                          "grandi.")
    assert not any(p == "hostCity" and o == "Varno" for _, p, o in rels)


def test_a_place_put_first_before_what_the_leaders_did_there(nlp):
    ents, rels = run(nlp, "Le sommet franco-irlandais s'est achevé samedi.\n\n"
                          "À Kervaloc, les deux dirigeants ont signé une déclaration commune sur la pêche.")
    assert ("sommet franco-irlandais", "hostCity", "Kervaloc") in rels
    # one person, not the gathered leaders
    ents, rels = run(nlp, "Le sommet franco-irlandais s'est achevé samedi.\n\n"
                          "À Kervaloc, le maire a inauguré un musée.")
    assert ("sommet franco-irlandais", "hostCity", "Kervaloc") not in rels


def test_co_hosts_of_a_participle_opening_the_sentence(nlp):
    ents, rels = run(nlp, "Le sommet de Tervala s'ouvre lundi. Coorganisée par le Kenya et la France, la rencontre "
                          "réunit une quarantaine de délégations.")
    assert ("sommet de Tervala", "hostCountry", "Kenya") in rels
    assert ("sommet de Tervala", "hostCountry", "France") in rels
    # a participle that does not host
    ents, rels = run(nlp, "Le sommet de Tervala s'ouvre lundi. Saluée par le Kenya et la France, la rencontre "
                          "réunit une quarantaine de délégations.")
    assert not any(p == "hostCountry" for _, p, _ in rels)


# ── who was there ─────────────────────────────────────────────────────────────────────────────────


def test_sentences_that_say_who_was_there(nlp):
    ents, rels = run(nlp, "Le sommet de Tervala s'est ouvert lundi. Sur la photo de famille, on reconnaissait "
                          "notamment le président Marc Olvani. La délégation canadienne compte aussi la sénatrice "
                          "Claire Dravec.")
    assert ("sommet de Tervala", "attendee", "Marc Olvani") in rels
    assert ("sommet de Tervala", "attendee", "Claire Dravec") in rels
    # a photo of something else says nobody was there
    assert _trigger(nlp, "Sur la photo de famille, on reconnaissait le président Marc Olvani.")
    assert not _trigger(nlp, "Le président Marc Olvani a publié une photo de ses vacances.")


def _trigger(nlp, text):
    from kg.extract.context import ArticleContext
    from kg.extract.lexicon import load_lexicon
    from kg.extract.rules.attendance import attendance_trigger
    from kg.nlp.reference import load_reference
    from kg.records import Article

    doc = nlp(text)
    ctx = ArticleContext(doc, Article("t", text, "2024-06-14"), load_reference(), load_lexicon())
    return attendance_trigger(ctx, 0, len(doc))


def test_their_gathering_when_a_bodys_leaders_meet_is_the_bodys_summit(nlp):
    ents, rels = run(nlp, "Les dirigeants de l'Union africaine ont élu samedi Marc Olvani, en clôture de leur réunion "
                          "annuelle à Tervala. La prochaine réunion des chefs d'État aura lieu à Varno.")
    summits = typed(ents, "Summit")
    assert "sommet de l'Union africaine" in summits, summits
    assert "réunion annuelle" in ents["sommet de l'Union africaine"].aliases
    nxt = next(label for label in summits if label != "sommet de l'Union africaine")
    assert ("sommet de l'Union africaine", "nextEdition", nxt) in rels
    # their gathering with no body's leaders meeting in the sentence names no summit
    ents, _ = run(nlp, "Les deux amis ont évoqué leur réunion annuelle à Tervala.")
    assert not typed(ents, "Summit")


def test_an_article_naming_no_summit_where_a_bodys_leaders_gather_is_about_its_summit(nlp):
    ents, rels = run(nlp, "Les dirigeants des BRICS se sont retrouvés mardi à Tervala. Le président Marc Olvani a "
                          "plaidé pour une monnaie commune.")
    assert ("sommet des BRICS", "hostCity", "Tervala") in rels
    # the leaders only act: no gathering, no summit
    ents, _ = run(nlp, "Les dirigeants des BRICS ont critiqué mardi les droits de douane.")
    assert not typed(ents, "Summit")


def test_a_venue_named_in_english_is_a_place_that_hosts(nlp):
    ents, rels = run(nlp, "Le sommet de Tervala s'ouvre ce lundi au Marvello International Convention Centre (MICC).")
    assert "Marvello International Convention Centre" in typed(ents, "City")
    assert ("sommet de Tervala", "hostCity", "Marvello International Convention Centre") in rels
    # a body named in English, not where anything meets
    ents, _ = run(nlp, "Le Tervala Policy Center a publié un rapport sur le sommet.")
    assert "Tervala Policy Center" not in typed(ents, "City")
