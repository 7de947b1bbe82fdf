"""Reconcile: what merging articles decides about an entity, in one place.

Articles name the same entity (the same IRI) in different ways: « Noémie Lefèvre » here,
« Noemie Lefevre » there; a minister in one article is only a person in another. A graph holds,
for every entity:

* **one ``rdfs:label``**, chosen among the labels the articles give by a total order, so that the
  choice never depends on the order the articles arrive in (:func:`label_rank`):

  1. more letters with diacritics first (« Jean-Noël » over « Jean-Noel »: the accented spelling
     is the careful one) — counted as the letters outside ASCII (é, ë, ç, ø, œ…);
  2. then more lowercase letters (« Macron » over « MACRON », « Emmanuel Macron » over « Macron »);
  3. then the smaller string (code point order), so that two labels never tie;

* **every other label kept as ``skos:altLabel``**, next to the aliases the articles give;
* **one class, the most specific** (:func:`kg.rdf.ontology.most_specific`: a Minister seen as a
  Person elsewhere stays a Minister).

Every path applies the same step: one article's records (:mod:`kg.rdf.emit`), the in-memory graph
(:func:`reconcile_graph`, used by :func:`kg.rdf.mapping.add_extraction`) and the store's merged
graph (:mod:`kg.store.merged`, from what its article graphs say). Reconciling is a choice by a total
order, so reconciling a reconciled graph together with a new article gives the same result as
reconciling all the articles at once.

>>> choose_label(["Noemie Lefevre", "Noémie Lefèvre", "NOÉMIE LEFÈVRE"])
'Noémie Lefèvre'
>>> reconcile(Names(labels=frozenset({"MACRON", "Macron"}), classes=frozenset({"Person", "Minister"})))
Names(labels=frozenset({'Macron'}), alt_labels=frozenset({'MACRON'}), classes=frozenset({'Minister'}))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from kg.rdf.ontology import most_specific
from kg.rdf.vocab import KG
from kg.records import ENTITY_TYPES

__all__ = ["Names", "label_rank", "choose_label", "choose_class", "reconcile", "changes", "ENTITY_CLASSES",
           "reconcile_graph"]

#: IRI (text) → local name of the ontology's entity classes: the classes reconciling chooses among.
ENTITY_CLASSES: dict[str, str] = {str(KG[t]): t for t in ENTITY_TYPES}


def label_rank(label: str) -> tuple[int, int, str]:
    """The sort key of a label: the smallest is the one chosen (see the module's docstring)."""
    accents = 0 if label.isascii() else sum(1 for ch in label if ch.isalpha() and not ch.isascii())
    lower = sum(1 for ch in label if ch.islower())
    return -accents, -lower, label


def choose_label(labels: Iterable[Any], text: Callable[[Any], str] = str) -> Any:
    """The label an entity keeps (``None`` if there is none). Labels may be strings or literals
    of an RDF library: ``text`` gives their lexical form (a last tie-break on ``repr`` keeps two
    literals of the same text, in two languages say, in a fixed order)."""
    return min(labels, key=lambda label: (label_rank(text(label)), repr(label)), default=None)


def choose_class(classes: Iterable[str]) -> str | None:
    """The class an entity keeps (local names): the most specific."""
    return most_specific(classes)


@dataclass(frozen=True)
class Names:
    """What one or more graphs say of an entity: its labels and alternative labels (strings, or
    literals of one RDF library) and its classes (local names of the ontology's entity classes)."""

    labels: frozenset = frozenset()
    alt_labels: frozenset = frozenset()
    classes: frozenset[str] = frozenset()

    def __or__(self, other: Names) -> Names:
        return Names(self.labels | other.labels, self.alt_labels | other.alt_labels, self.classes | other.classes)

    def __sub__(self, other: Names) -> Names:
        return Names(self.labels - other.labels, self.alt_labels - other.alt_labels, self.classes - other.classes)

    @property
    def reconciled(self) -> bool:
        """At most one label and one class: nothing to decide."""
        return len(self.labels) <= 1 and len(self.classes) <= 1


def reconcile(names: Names, text: Callable[[Any], str] = str) -> Names:
    """One label and one class; the labels not chosen become alternative labels (``text``: see
    :func:`choose_label`)."""
    if names.reconciled:
        return names
    label = choose_label(names.labels, text)
    cls = choose_class(names.classes)
    keep = frozenset() if label is None else frozenset({label})
    return Names(keep, names.alt_labels | (names.labels - keep), frozenset() if cls is None else frozenset({cls}))


def changes(current: Names, stated: Names, text: Callable[[Any], str] = str) -> tuple[Names, Names]:
    """What to remove from and add to a merged graph that holds ``current`` for an entity whose
    sources state ``stated`` (everything its article graphs say): ``(remove, add)``."""
    wanted = reconcile(stated, text)
    return current - wanted, wanted - current


# ------------------------------------------------------------------------------ rdflib graphs

_CLASS_IRIS = {URIRef(iri): name for iri, name in ENTITY_CLASSES.items()}


def names_in(g: Graph, node: URIRef) -> Names:
    """What ``g`` says of ``node``'s names (rdflib literals) and class."""
    return Names(
        frozenset(g.objects(node, RDFS.label)),
        frozenset(g.objects(node, SKOS.altLabel)),
        frozenset(_CLASS_IRIS[o] for o in g.objects(node, RDF.type) if o in _CLASS_IRIS),
    )


def reconcile_graph(g: Graph, nodes: Iterable[URIRef]) -> None:
    """Reconcile the entities ``nodes`` of ``g`` in place (``g`` is a merge of article graphs)."""
    for node in nodes:
        labels = list(g.objects(node, RDFS.label))
        if len(labels) <= 1 and sum(1 for o in g.objects(node, RDF.type) if o in _CLASS_IRIS) <= 1:
            continue
        current = names_in(g, node)
        remove, add = changes(current, current)
        for names, op in ((remove, g.remove), (add, g.add)):
            for label in names.labels:
                op((node, RDFS.label, label))
            for label in names.alt_labels:
                op((node, SKOS.altLabel, label))
            for cls in names.classes:
                op((node, RDF.type, KG[cls]))
