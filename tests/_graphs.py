"""Graph helpers shared by the tests that compare what the store holds with kg.mapping's graphs."""

from __future__ import annotations

from decimal import Decimal

from rdflib import Graph, Literal, URIRef

XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")


def canon(g: Graph) -> Graph:
    """Oxigraph keeps xsd:decimal in canonical form (0.80 → 0.8): compare values, not spellings."""
    out = Graph()
    for s, p, o in g:
        if isinstance(o, Literal) and o.datatype == XSD_DECIMAL:
            o = Literal(format(Decimal(str(o)).normalize(), "f"), datatype=XSD_DECIMAL)
        out.add((s, p, o))
    return out
