"""One-line summaries of a built graph, for the CLI."""

from __future__ import annotations

from collections import Counter

from rdflib import RDF, Graph

from kg.records import ENTITY_TYPES, RELATION_TYPES
from kg.rdf.vocab import KG

__all__ = ["graph_counts", "graph_summary"]


def graph_counts(g: Graph) -> tuple[Counter, Counter]:
    """Entities per class and triples per relation."""
    classes = {KG[t]: t for t in ENTITY_TYPES}
    ents = Counter(classes[o] for o in g.objects(None, RDF.type) if o in classes)
    props = {KG[p]: p for p in RELATION_TYPES}
    rels = Counter(props[p] for p in g.predicates() if p in props)
    # predicates() yields one per triple
    return ents, rels


def graph_summary(g: Graph) -> str:
    ents, rels = graph_counts(g)
    parts = ", ".join(f"{n} {t}" for t, n in sorted(ents.items(), key=lambda x: (-x[1], x[0])))
    return f"{sum(ents.values())} entities ({parts}), {sum(rels.values())} relations, {len(g)} triples"
