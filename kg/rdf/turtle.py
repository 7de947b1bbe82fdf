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

__all__ = ["turtle", "TurtleBuilder", "parse_term", "unescape"]

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
    builder = TurtleBuilder(prefixes)
    if not builder.add(lines):
        return _with_rdflib(lines, prefixes)  # blank nodes, quoted triples
    return builder.text()


def _rows(lines: Iterable[str]) -> list[list[str]] | None:
    """``[s, p, o]`` of each N-Triples statement; None if one has a blank node or a quoted triple."""
    rows = [line.rstrip("\n")[:-2].rstrip().split(" ", 2) for line in lines if line.strip() and line[0] != "#"]
    if any(r[0][0] != "<" or r[2][0] not in '<"' for r in rows):
        return None
    return rows


class TurtleBuilder:
    """:func:`turtle` a batch at a time: each subject's block is formatted when its triples change,
    so that the whole text, once the last batch is in, costs little more than joining the blocks.

    :meth:`add` adds triples (a triple already there is one triple), :meth:`replace` sets all of
    one subject's triples (what reconciling an entity's names does), :meth:`text` is the Turtle of
    everything so far, the same bytes :func:`turtle` writes for the same triples. A predicate
    without a bound prefix gets one rdflib generates (``ns1``...) in the order first seen, so with
    such predicates the text depends on the order of the batches; kg's graphs have none.
    """

    def __init__(self, prefixes: dict[str, str] | None = None) -> None:
        self._names = _Names(prefixes)
        self._subjects: dict[str, dict[str, set[str]]] = {}
        self._refs: Counter = Counter()
        self._labels: dict[str, str] = {}
        self._verbs: dict[str, str] = {}
        self._blocks: dict[str, str] = {}
        self._dirty: set[str] = set()

    def add(self, lines: Iterable[str]) -> bool:
        """Add N-Triples statements; False (nothing added) if one has a blank node or a quoted
        triple: write those with rdflib."""
        rows = _rows(lines)
        if rows is None:
            return False
        rows.sort()
        labels, names = self._labels, self._names
        # rdflib declares every prefix it could use while scanning the triples (datatypes included):
        # naming every distinct term declares the same ones
        for o in dict.fromkeys(map(itemgetter(2), rows)):
            if o not in labels:
                labels[o] = _label(o, names)
        for s, p, o in rows:
            self._add(s, p, o)
        return True

    def _add(self, s: str, p: str, o: str) -> None:
        props = self._subjects.get(s)
        if props is None:
            props = self._subjects[s] = {}
            if s not in self._labels:
                self._labels[s] = _label(s, self._names)
        objs = props.get(p)
        if objs is None:
            objs = props[p] = set()
            if p not in self._verbs:
                self._verbs[p] = _label(p, self._names, verb=True)
        if o not in objs:
            objs.add(o)
            self._refs[o] += 1
            self._dirty.add(s)

    def has(self, subject: str) -> bool:
        """Has ``subject`` any triple here?"""
        return subject in self._subjects

    def holds(self, subject: str, predicate: str, obj: str) -> bool:
        """Is the triple (N-Triples terms, written as the builder was given them) here?"""
        props = self._subjects.get(subject)
        return props is not None and obj in props.get(predicate, ())

    def replace(self, subject: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Make ``(predicate, object)`` pairs (N-Triples terms) all of ``subject``'s triples."""
        for objs in self._subjects.pop(subject, {}).values():
            self._refs.subtract(objs)
        self._blocks.pop(subject, None)
        self._dirty.add(subject)
        labels = self._labels
        for p, o in sorted(pairs):
            if o not in labels:
                labels[o] = _label(o, self._names)
            self._add(subject, p, o)

    def format_changed(self) -> None:
        """Format the blocks of the subjects changed since the last call (:meth:`text` does it too)."""
        labels, verbs, subjects = self._labels, self._verbs, self._subjects
        for s in self._dirty:
            props = subjects.get(s)
            if not props:
                self._subjects.pop(s, None)
                self._blocks.pop(s, None)
                continue
            head = [(p, props[p]) for p in _FIRST if p in props]
            parts = [verbs[p] + " " + (labels[next(iter(objs))] if len(objs) == 1
                                       else ",\n        ".join(labels[o] for o in _sort_objects(sorted(objs))))
                     for p, objs in head + sorted((x for x in props.items() if x[0] not in _FIRST), key=lambda x: x[0][1:-1])]
            self._blocks[s] = "\n" + labels[s] + " " + " ;\n    ".join(parts) + " .\n"
        self._dirty.clear()

    def text(self) -> str:
        """The Turtle of every triple added so far."""
        self.format_changed()
        subjects, refs = self._subjects, self._refs
        top = sorted((s for s, props in subjects.items() if _RDFS_CLASS in props.get(_RDF_TYPE, ())), key=lambda s: s[1:-1])
        seen = set(top)
        order = top + sorted((s for s in subjects if s not in seen), key=lambda s: (refs.get(s, 0), s[1:-1]))
        blocks = self._blocks
        return self._names.header() + "".join([blocks[s] for s in order]) + "\n"


def _with_rdflib(lines: Iterable[str], prefixes: dict[str, str] | None) -> str:
    from rdflib import Graph

    from kg.rdf.mapping import new_graph

    g = new_graph() if prefixes is None else Graph()
    for prefix, ns in (prefixes or {}).items():
        g.bind(prefix, ns, override=True, replace=True)
    g.parse(data="".join(lines), format="nt")
    return g.serialize(format="turtle")
