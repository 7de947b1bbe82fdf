"""A place set off before its verb (« Au sommet de l'Otan à Tallinn, les Alliés ont promis … ») is where
something happens, even when the parser hangs it on a verb of giving; after the verb it is who receives
(« ont promis une aide à Tallinn »). Invented sentences."""

from __future__ import annotations

import pytest

from _extracted import run_labels

pytestmark = pytest.mark.model


@pytest.mark.parametrize("city", ["Tallinn", "Riga"])  # the parser hangs the first on « promis », the second on « sommet »
def test_a_fronted_place_hosts_the_summit_named_with_it(nlp, city):
    _, rels = run_labels(nlp, f"Au sommet de l'Otan à {city}, les Alliés ont promis une adhésion future à l'Ukraine.")
    assert ("sommet de l'Otan", "hostCity", city) in rels


def test_a_place_after_a_verb_of_giving_is_who_receives(nlp):
    _, rels = run_labels(nlp, "Lors du sommet de l'Otan, les Alliés ont promis une aide militaire à Tallinn.")
    assert not any(p == "hostCity" and o == "Tallinn" for _, p, o in rels), rels
