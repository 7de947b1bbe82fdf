"""Mapping: extraction records → an rdflib ``Graph`` in the kg ontology (the in-memory path).

The triples come from the one emitter (:func:`kg.rdf.emit.emit`, which says what an article's
graph holds); merging articles is reconciled by :mod:`kg.rdf.reconcile` (one label, every other
label an alternative label, the most specific class), exactly as in a store's merged graph.

>>> from rdflib import RDFS
>>> from kg.records import Article, Entity, Extraction
>>> from kg.rdf.vocab import entity_iri
>>> a = Extraction(Article("a", "…"), (Entity("person/noemie-lefevre", "Person", "Noemie Lefevre"),))
>>> b = Extraction(Article("b", "…"), (Entity("person/noemie-lefevre", "Minister", "Noémie Lefèvre"),))
>>> g = to_graph([a, b])
>>> [str(o) for o in g.objects(entity_iri("person/noemie-lefevre"), RDFS.label)]
['Noémie Lefèvre']
>>> g.isomorphic(to_graph([b, a]))
True
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph

from kg.rdf.emit import RDFLIB, emit
from kg.rdf.reconcile import reconcile_graph
from kg.rdf.vocab import PREFIXES, entity_iri
from kg.records import Extraction

__all__ = ["new_graph", "add_extraction", "to_graph"]


def new_graph(store: str = "default") -> Graph:
    """An empty graph with the project's prefixes bound (``store``: an rdflib store plugin;
    ``"SimpleMemory"`` keeps no contexts and reads triples faster)."""
    g = Graph(store=store)
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g


def add_extraction(g: Graph, ex: Extraction, *, min_confidence: float = 0.0) -> Graph:
    """Add one article's extraction to ``g`` and reconcile the entities it names; returns ``g``."""
    add = g.add
    for triple in emit(ex, RDFLIB, min_confidence=min_confidence):
        add(triple)
    reconcile_graph(g, {entity_iri(e.key) for e in ex.entities})
    return g


def to_graph(extractions: Iterable[Extraction], *, min_confidence: float = 0.0) -> Graph:
    """All extractions in one graph, the same entity key giving the same IRI across articles."""
    g = new_graph()
    for ex in extractions:
        add_extraction(g, ex, min_confidence=min_confidence)
    return g
