"""RDF: the vocabulary, IRIs, and the mapping of extraction records to triples."""

from kg.rdf.mapping import add_extraction, new_graph, to_graph
from kg.rdf.vocab import KG, KGID, PREFIXES, article_iri, entity_iri

__all__ = ["KG", "KGID", "PREFIXES", "add_extraction", "article_iri", "entity_iri", "new_graph", "to_graph"]
