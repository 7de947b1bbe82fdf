"""A capital the NER reads as a surname (« Washington n'était représenté que par … ») is the city standing for
its government; what an act holds (« un accord, par lequel X s'engage à … ») is not a second announcement.
Invented sentences."""

from __future__ import annotations

import pytest

from _extracted import anns, run, run_labels

OPEN = "Le sommet du G20 s'est ouvert lundi à Pretoria. "


@pytest.mark.model
def test_a_capital_read_as_a_surname_is_the_city(nlp):
    ents, rels = run_labels(nlp, OPEN + "Le secrétaire américain au Trésor a boudé la rencontre, dénonçant l'agenda "
                                 "de Pretoria. Washington n'était représenté que par un fonctionnaire de rang inférieur.")
    assert ents["Washington"].type == "City", ents
    assert ents["États-Unis"].type == "Country"  # the government it stands for


@pytest.mark.model
def test_a_surname_of_a_named_person_stays_a_name(nlp):
    # near miss: the same word as the last name of a person the article names in full
    ents, _ = run_labels(nlp, OPEN + "L'historien Marcus Washington a présenté son livre. Washington a ensuite "
                                 "répondu aux questions des journalistes.")
    assert "Washington" not in ents or ents["Washington"].type != "City", ents


@pytest.mark.model
def test_what_a_signed_accord_holds_is_not_a_second_announcement(nlp):
    text = ("Le sommet du G7 s'est ouvert jeudi à Bari. Le même jour, le président américain Joe Biden et le président "
            "ukrainien Volodymyr Zelensky ont signé un accord de sécurité de dix ans, par lequel Washington s'engage à "
            "former les forces ukrainiennes.")
    ents, rels = run(nlp, text)
    found = anns(ents)
    assert len(found) == 1, [a.label for a in found]
    who = {ents[o].label for s, p, o in rels if s == found[0].key and p == "announcedBy"}
    assert "États-Unis" not in who and "Joe Biden" in who, who


@pytest.mark.model
def test_a_second_act_in_the_sentence_stays_an_announcement(nlp):
    # near miss: a second act in the same sentence with its own subject, no « par lequel »
    text = ("Le sommet du G7 s'est ouvert jeudi à Bari. Le président américain Joe Biden et le président ukrainien "
            "Volodymyr Zelensky ont signé un accord de sécurité de dix ans, et le Japon a annoncé une aide de "
            "4,5 milliards de dollars à l'Ukraine.")
    ents, _ = run(nlp, text)
    assert len(anns(ents)) == 2, [a.label for a in anns(ents)]
