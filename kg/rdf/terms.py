"""RDF terms: literals of the ontology's datatypes, and rdflib ⇄ pyoxigraph term conversion."""

from __future__ import annotations

import re

from rdflib import XSD, BNode, Literal, URIRef

__all__ = ["date_literal", "attr_literal", "from_ox", "to_ox", "OxConverter"]

_INT_ATTRS = {"edition"}
_DATE_ATTRS = {"startDate", "endDate", "date"}


def date_literal(value: str) -> Literal:
    """``2023-11-01`` → xsd:date, ``2023-06`` → xsd:gYearMonth, ``2023`` → xsd:gYear."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    if re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=XSD.gYear)
    return Literal(value)


def attr_literal(name: str, value: str | int) -> Literal:
    if name in _INT_ATTRS:
        return Literal(int(value), datatype=XSD.integer)
    if name in _DATE_ATTRS:
        return date_literal(str(value))
    return Literal(str(value))


# rdflib ⇄ pyoxigraph

_XSD_STRING = str(XSD.string)
_RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_DATATYPES: dict[str, URIRef] = {}  # datatype IRIs already made into URIRefs


def from_ox(term):
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == _XSD_STRING:
            return Literal(term.value)
        datatype = _DATATYPES.get(dt)
        if datatype is None:
            datatype = URIRef(dt)
            if len(_DATATYPES) < 256:
                _DATATYPES[dt] = datatype
        return Literal(term.value, datatype=datatype)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    return Literal(str(term))  # RDF-star triple terms: shown as text


class OxConverter:
    """:func:`from_ox` with a memory: the rows of one result repeat many terms (classes,
    predicates, articles, dates), and building rdflib terms is most of the cost of turning a big
    result into rows."""

    def __init__(self) -> None:
        self._terms: dict = {}

    def __call__(self, term):
        if term is None:
            return None
        try:
            return self._terms[term]
        except KeyError:
            out = self._terms[term] = from_ox(term)
            return out
        except TypeError:  # pragma: no cover - an unhashable term (none in pyoxigraph 0.5)
            return from_ox(term)


def to_ox(term):
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")
