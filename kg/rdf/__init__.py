"""RDF: the vocabulary and IRIs (``vocab``), the ontology's class hierarchy (``ontology``), literals
(``terms``), the one emitter of an article's triples (``emit``, with N-Triples text in
``ntriples``), what merging articles decides (``reconcile``), and the in-memory graph (``mapping``)."""

from kg.rdf.mapping import add_extraction, new_graph, to_graph
from kg.rdf.vocab import KG, KGID, PREFIXES, article_iri, entity_iri

__all__ = ["KG", "KGID", "PREFIXES", "add_extraction", "article_iri", "entity_iri", "new_graph", "to_graph"]
