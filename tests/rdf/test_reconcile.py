"""Reconciling (kg/rdf/reconcile.py): one label chosen by a total order, the others kept as
alternative labels, the most specific class — the same whatever order the articles come in."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st
from rdflib import RDF, RDFS, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS

from kg.rdf.mapping import to_graph
from kg.rdf.reconcile import Names, choose_label, label_rank, reconcile
from kg.rdf.vocab import KG, entity_iri
from kg.validate.shacl import validate_graph

from _graphs import BARROT, barrot_articles


def test_the_label_order():
    assert choose_label(["Jean-Noel Barrot", "Jean-Noël Barrot"]) == "Jean-Noël Barrot"  # diacritics first
    assert choose_label(["MACRON", "Macron"]) == "Macron"  # then lowercase letters
    assert choose_label(["JEAN-NOËL BARROT", "Jean-Noel Barrot"]) == "JEAN-NOËL BARROT"  # diacritics before case
    assert choose_label(["Emmanuel Macron", "Macron"]) == "Emmanuel Macron"
    assert choose_label(["Lindner B", "Lindner A"]) == "Lindner A"  # then the smaller string
    assert choose_label([]) is None
    assert choose_label(["Jonas Gahr Store", "Jonas Gahr Støre"]) == "Jonas Gahr Støre"  # ø: a letter outside ASCII
    assert label_rank("Œuvre") < label_rank("Oeuvre")


@given(st.lists(st.text(max_size=12), min_size=2, max_size=6, unique=True), st.randoms())
def test_the_choice_does_not_depend_on_the_order(labels, rnd):
    shuffled = list(labels)
    rnd.shuffle(shuffled)
    assert choose_label(shuffled) == choose_label(labels)
    # choosing among the chosen one and a newcomer is choosing among all of them
    assert choose_label([choose_label(labels[:-1]), labels[-1]]) == choose_label(labels)


def test_reconcile_keeps_every_other_label_as_an_alternative():
    names = Names(frozenset({"Jean-Noel Barrot", "Jean-Noël Barrot"}), frozenset({"M. Barrot"}), frozenset({"Person", "Minister"}))
    assert reconcile(names) == Names(frozenset({"Jean-Noël Barrot"}), frozenset({"Jean-Noel Barrot", "M. Barrot"}),
                                     frozenset({"Minister"}))
    assert reconcile(reconcile(names)) == reconcile(names)


def test_merging_articles_in_any_order_gives_one_graph():
    exs = barrot_articles()
    graphs = [to_graph(list(order)) for order in itertools.permutations(exs)]
    assert all(isomorphic(graphs[0], g) for g in graphs[1:])
    g, node = graphs[0], entity_iri(BARROT)
    assert list(g.objects(node, RDFS.label)) == [Literal("Jean-Noël Barrot", lang="fr")]
    assert set(g.objects(node, SKOS.altLabel)) == {Literal("Jean-Noel Barrot", lang="fr"), Literal("JEAN-NOEL BARROT", lang="fr")}
    assert set(g.objects(node, RDF.type)) == {KG.Minister}
    report = validate_graph(g)
    assert report.conforms, report.format()
