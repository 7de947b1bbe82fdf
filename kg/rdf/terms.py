"""RDF terms: literals of the ontology's datatypes, and rdflib ⇄ pyoxigraph term conversion."""

from __future__ import annotations

import re

from rdflib import XSD, BNode, Literal, URIRef

__all__ = ["LABEL_LANGUAGE", "XSD_NS", "date_datatype", "attr_value", "date_literal", "attr_literal", "from_ox", "to_ox", "OxConverter"]

#: The language tag of the names and labels kg writes (``rdfs:label``, ``skos:altLabel``): the
#: articles are French, and a label is the name as they give it.
LABEL_LANGUAGE = "fr"

#: The XML Schema namespace, as text (the datatypes of the ontology's literals).
XSD_NS = "http://www.w3.org/2001/XMLSchema#"

_INT_ATTRS = {"edition"}
_DATE_ATTRS = {"startDate", "endDate", "date"}
_DATE_FORMS = ((re.compile(r"\d{4}-\d{2}-\d{2}"), XSD_NS + "date"), (re.compile(r"\d{4}-\d{2}"), XSD_NS + "gYearMonth"),
               (re.compile(r"\d{4}"), XSD_NS + "gYear"))


def date_datatype(value: str) -> str | None:
    """The datatype IRI of a date: ``2023-11-01`` xsd:date, ``2023-06`` xsd:gYearMonth, ``2023``
    xsd:gYear; ``None`` (a plain string) for anything else.

    >>> date_datatype("2023-06")
    'http://www.w3.org/2001/XMLSchema#gYearMonth'
    """
    for form, datatype in _DATE_FORMS:
        if form.fullmatch(value):
            return datatype
    return None


def attr_value(name: str, value: str | int) -> tuple[str, str | None]:
    """The lexical form and datatype IRI (``None``: xsd:string) of data property ``name``: every
    term factory of :mod:`kg.rdf.emit` builds its literals from this.

    >>> attr_value("edition", 3)
    ('3', 'http://www.w3.org/2001/XMLSchema#integer')
    """
    if name in _INT_ATTRS:
        return str(int(value)), XSD_NS + "integer"
    if name in _DATE_ATTRS:
        return str(value), date_datatype(str(value))
    return str(value), None


def _literal(lexical: str, datatype: str | None) -> Literal:
    return Literal(lexical) if datatype is None else Literal(lexical, datatype=URIRef(datatype))


def date_literal(value: str) -> Literal:
    """``2023-11-01`` → xsd:date, ``2023-06`` → xsd:gYearMonth, ``2023`` → xsd:gYear."""
    return _literal(value, date_datatype(value))


def attr_literal(name: str, value: str | int) -> Literal:
    """The literal of data property ``name`` (see :func:`attr_value`)."""
    return _literal(*attr_value(name, value))


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
