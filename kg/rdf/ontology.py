"""The ontology as data: ``ontology/kg.ttl`` read once, and what follows from its class hierarchy.

Class specificity is derived from ``rdfs:subClassOf`` — nothing else in kg says that a Minister is
a Person or a Summit an Event:

>>> most_specific({"Person", "Minister"})
'Minister'
>>> is_subclass("Summit", "Event")
True
>>> sorted(aligned_types("Minister"))
['http://www.w3.org/ns/prov#Agent', 'https://schema.org/Person']
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib.resources import files

from rdflib import RDFS, Graph, URIRef

from kg.rdf.vocab import KG
from kg.records import ENTITY_TYPES

__all__ = ["ontology_graph", "superclasses", "is_subclass", "most_specific", "specificity", "aligned_types"]

_NS = str(KG)


@functools.lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """``ontology/kg.ttl`` (installed as ``kg.ontology``), parsed once per process. Do not mutate it."""
    g = Graph()
    g.parse(data=(files("kg.ontology") / "kg.ttl").read_text(encoding="utf-8"), format="turtle")
    return g


@functools.lru_cache(maxsize=1)
def _parents() -> dict[str, frozenset[str]]:
    """Local name of each kg class → local names of its kg superclasses (transitively)."""
    g = ontology_graph()
    direct: dict[str, set[str]] = {}
    for s, o in g.subject_objects(RDFS.subClassOf):
        if isinstance(s, URIRef) and isinstance(o, URIRef) and str(s).startswith(_NS) and str(o).startswith(_NS):
            direct.setdefault(str(s)[len(_NS):], set()).add(str(o)[len(_NS):])
    out: dict[str, frozenset[str]] = {}
    for c in direct:
        seen: set[str] = set()
        todo = list(direct[c])
        while todo:
            p = todo.pop()
            if p not in seen:
                seen.add(p)
                todo.extend(direct.get(p, ()))
        out[c] = frozenset(seen)
    return out


def superclasses(cls: str) -> frozenset[str]:
    """The kg classes ``cls`` is a subclass of (local names; not ``cls`` itself)."""
    return _parents().get(cls, frozenset())


def is_subclass(cls: str, other: str) -> bool:
    """``cls`` is ``other`` or one of its subclasses."""
    return cls == other or other in superclasses(cls)


def specificity(cls: str) -> int:
    """How deep ``cls`` sits in the kg hierarchy (0 for a top class such as Person)."""
    return len(superclasses(cls))


def most_specific(classes: Iterable[str]) -> str | None:
    """The most specific of ``classes`` (local names): the deepest in the hierarchy; between
    unrelated classes of the same depth, the first in :data:`kg.records.ENTITY_TYPES` order
    (then by name), so the choice never depends on the order the classes were seen in."""
    order = {c: i for i, c in enumerate(ENTITY_TYPES)}
    best = None
    for c in classes:
        key = (-specificity(c), order.get(c, len(order)), c)
        if best is None or key < best[0]:
            best = (key, c)
    return None if best is None else best[1]


@functools.lru_cache(maxsize=64)
def aligned_types(cls: str) -> frozenset[str]:
    """The classes of other vocabularies (schema.org, PROV-O, RDF) that kg class ``cls`` (a local
    name) is a subclass of, through the ``rdfs:subClassOf`` closure of ``kg.ttl``: what a consumer
    without RDFS inference needs as explicit types (a Summit is a ``schema:Event`` through
    ``kg:Event``). The kg superclasses themselves are left out: an entity keeps one kg class."""
    g = ontology_graph()
    out: set[str] = set()
    todo, seen = [KG[cls]], set()
    while todo:
        c = todo.pop()
        if c in seen:
            continue
        seen.add(c)
        for sup in g.objects(c, RDFS.subClassOf):
            if isinstance(sup, URIRef):
                todo.append(sup)
                if not str(sup).startswith(_NS):
                    out.add(str(sup))
    return frozenset(out)
