"""Turtle from N-Triples lines, written the way rdflib writes it, several times faster.

``kg build --out`` keeps its graph in Oxigraph, not in rdflib; :func:`write_turtle` turns the
graph's N-Triples (an Oxigraph dump) into the same ``graph.ttl`` rdflib's Turtle serializer writes
for the same triples, byte for byte: the prefixes the graph uses, sorted; subjects ordered by how
often they are the object of a triple, then by IRI; ``rdf:type`` (as ``a``) and ``rdfs:label``
first, the other properties by IRI; objects sorted as rdflib sorts them; numbers written bare.
``tests/rdf/test_turtle.py`` compares it with rdflib on real and generated graphs.

It covers the graphs kg writes (IRIs and literals). A graph with blank nodes or quoted triples is
handed to rdflib instead (the result is the same, only slower).

>>> print(turtle(['<https://w3id.org/kg-news/id/city/paris> <http://www.w3.org/2000/01/rdf-schema#label> "Paris" .\\n']))
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<BLANKLINE>
<https://w3id.org/kg-news/id/city/paris> rdfs:label "Paris" .
<BLANKLINE>
<BLANKLINE>
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from operator import itemgetter

from rdflib import Literal, URIRef

from kg.rdf.vocab import KGID

__all__ = ["turtle", "parse_term", "unescape"]

_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_RDFS_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
_RDFS_CLASS = "<http://www.w3.org/2000/01/rdf-schema#Class>"
_FIRST = (_RDF_TYPE, _RDFS_LABEL)
_RDF_NIL = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#nil>"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_KGID = f"<{KGID}"
_INTEGER = re.compile(r"-?(0|[1-9][0-9]*)")
_DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]*[1-9]|-?(0|[1-9][0-9]*)\.0")
_DATE = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")
_ESCAPE = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[tbnrf"\'\\])')
_SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_LITERAL = re.compile(r'"(.*)"(?:\^\^<([^>]*)>|@([A-Za-z0-9-]+))?', re.S)


def unescape(text: str) -> str:
    """The value of an N-Triples string (without its quotes)."""
    if "\\" not in text:
        return text
    return _ESCAPE.sub(lambda m: _SIMPLE.get(m.group(1)) or chr(int(m.group(1)[1:], 16)), text)


def parse_term(text: str):
    """An N-Triples term (``<iri>`` or a literal) as an rdflib term."""
    if text.startswith("<"):
        return URIRef(text[1:-1])
    m = _LITERAL.fullmatch(text)
    if m is None:
        raise ValueError(f"not an N-Triples IRI or literal: {text[:80]!r}")
    value, datatype, lang = m.groups()
    return Literal(unescape(value), lang=lang, datatype=URIRef(datatype) if datatype else None)


class _Names:
    """Prefixed names as rdflib's Turtle serializer computes them, and the prefixes it declares."""

    def __init__(self, prefixes: dict[str, str] | None) -> None:
        from rdflib import Graph
        from rdflib.plugins.serializers.turtle import TurtleSerializer

        from kg.rdf.mapping import new_graph

        graph = new_graph() if prefixes is None else Graph()
        for prefix, ns in (prefixes or {}).items():
            graph.bind(prefix, ns, override=True, replace=True)
        self._ser = TurtleSerializer(graph)
        self._cache: dict[tuple[str, bool], str | None] = {}

    def pname(self, iri: str, verb: bool = False) -> str | None:
        """``prefix:local`` for ``<iri>`` (N-Triples form), or None: written in full."""
        if iri.startswith(_KGID) and "/" in iri[len(_KGID):]:
            return None  # rdflib gives kg's instance IRIs no prefixed name (kgid:person/x is not a Turtle name)
        key = (iri, verb)
        if key not in self._cache:
            self._cache[key] = self._ser.get_pname(URIRef(iri[1:-1]), gen_prefix=verb)
        return self._cache[key]

    def header(self) -> str:
        return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(self._ser.namespaces.items()))


def _literal(text: str, names: _Names) -> str:
    """A literal (N-Triples) as rdflib writes it in Turtle."""
    if text.endswith('"'):  # a plain string
        if "\\" not in text:
            return text
        return Literal(unescape(text[1:-1]))._quote_encode()
    value, sep, datatype = text.rpartition("^^")
    if sep and datatype.startswith("<"):
        names.pname(datatype)  # rdflib declares the datatype's prefix even for a number written bare
        dt = datatype[1:-1]
        lexical = value[1:-1]
        if dt == _XSD + "integer" and "\\" not in lexical and _INTEGER.fullmatch(lexical):
            return lexical
        if dt == _XSD + "decimal" and "\\" not in lexical and _DECIMAL.fullmatch(lexical):
            return lexical
        if dt == _XSD + "date" and _DATE.fullmatch(lexical):
            return f"{value}^^{names.pname(datatype) or datatype}"
    return _rdflib_literal(text, names)


def _rdflib_literal(text: str, names: _Names) -> str:
    lit = parse_term(text)
    return lit._literal_n3(use_plain=True, qname_callback=lambda dt: names.pname(f"<{dt}>"))


def _label(term: str, names: _Names, verb: bool = False) -> str:
    if term[0] == "<":
        if verb and term == _RDF_TYPE:
            return "a"
        if term == _RDF_NIL:
            return "()"
        return names.pname(term, verb) or term
    return _literal(term, names)


def _sort_objects(objects: list[str]) -> list[str]:
    if len(objects) == 1:
        return objects
    if all(o[0] == "<" for o in objects):
        return sorted(objects, key=lambda o: o[1:-1])
    terms = {o: parse_term(o) for o in objects}  # rdflib's own order for literals (by value, datatype...)
    by_term = {t: o for o, t in terms.items()}
    return [by_term[t] for t in sorted(terms.values())]


def turtle(lines: Iterable[str], prefixes: dict[str, str] | None = None) -> str:
    """The Turtle rdflib writes for the triples ``lines`` (N-Triples statements ``s p o .``, each
    triple once; split N-Triples text at ``\\n`` only, not with ``str.splitlines``, which also cuts
    at U+2028 and other characters a literal may hold), with kg's prefixes bound (or ``prefixes``)."""
    lines = list(lines)
    rows = [line.rstrip("\n")[:-2].rstrip().split(" ", 2) for line in lines if line.strip() and line[0] != "#"]
    if any(r[0][0] != "<" or r[2][0] not in '<"' for r in rows):
        return _with_rdflib(lines, prefixes)  # blank nodes, quoted triples
    rows.sort()
    refs = Counter(map(itemgetter(2), rows))
    names = _Names(prefixes)
    labels: dict[str, str] = {}
    verbs: dict[str, str] = {}
    # rdflib declares every prefix it could use while scanning the triples (datatypes included):
    # naming every distinct term here declares the same ones
    for term in refs:
        labels[term] = _label(term, names)
    subjects: dict[str, list[tuple[str, list[str]]]] = {}
    cur_s = cur_p = None
    objects: list[str] = []
    for s, p, o in rows:
        if s != cur_s or p != cur_p:
            if s != cur_s:
                cur_s = s
                props = subjects[s] = []
                if s not in labels:
                    labels[s] = _label(s, names)
            cur_p = p
            objects = []
            props.append((p, objects))
            if p not in verbs:
                verbs[p] = _label(p, names, verb=True)
        objects.append(o)
    top = sorted((s for s, props in subjects.items() if any(p == _RDF_TYPE and _RDFS_CLASS in objs for p, objs in props)),
                 key=lambda s: s[1:-1])
    seen = set(top)
    order = top + sorted((s for s in subjects if s not in seen), key=lambda s: (refs.get(s, 0), s[1:-1]))
    out = []
    for s in order:
        props = subjects[s]
        head = [x for p in (_RDF_TYPE, _RDFS_LABEL) for x in props if x[0] == p]
        parts = [verbs[p] + " " + (labels[objs[0]] if len(objs) == 1 else ",\n        ".join(labels[o] for o in _sort_objects(objs)))
                 for p, objs in head + sorted((x for x in props if x[0] not in _FIRST), key=lambda x: x[0][1:-1])]
        out.append("\n" + labels[s] + " " + " ;\n    ".join(parts) + " .\n")
    return names.header() + "".join(out) + "\n"


def _with_rdflib(lines: Iterable[str], prefixes: dict[str, str] | None) -> str:
    from rdflib import Graph

    from kg.rdf.mapping import new_graph

    g = new_graph() if prefixes is None else Graph()
    for prefix, ns in (prefixes or {}).items():
        g.bind(prefix, ns, override=True, replace=True)
    g.parse(data="".join(lines), format="nt")
    return g.serialize(format="turtle")
