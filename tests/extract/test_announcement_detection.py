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
