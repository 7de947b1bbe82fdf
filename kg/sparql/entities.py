"""Parameters of type ``entity``: a name a user typed, resolved to the entities it names before the
query runs.

SPARQL cannot ignore accents (``LCASE`` folds case only, and Oxigraph and rdflib have no
``unaccent``), so the name is not matched in the query: the labels and alternative labels of the
source are read (straight from the graph or store, not through SPARQL), :class:`kg.names.NameIndex` finds the entities the name names
(its label, else an alternative label, else whole words of either; case and accents ignored —
the rules of ``kg view --focus``), and the query runs once per entity with the parameter bound
to its IRI. A value that is an IRI (``<https://…>``, ``kgid:person/…``) is bound as it is.

A name that names nothing raises :class:`~kg.errors.UnknownEntityError` with the closest names.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable

from rdflib import Literal

from kg.errors import UnknownEntityError
from kg.names import NameIndex
from kg.sparql.saved import SavedQuery

__all__ = ["LabelReader", "labels_index", "entity_bindings"]

#: Reads a source's names: ``(node, text, is_alternative_label)`` for every ``rdfs:label`` and
#: ``skos:altLabel``; ``node`` is whatever the engine's terms are (rdflib or Oxigraph).
LabelReader = Callable[[], Iterable[tuple[Hashable, str, bool]]]


def labels_index(read: LabelReader) -> NameIndex:
    """The :class:`NameIndex` of a source's names: one entry per node with a label or an
    alternative label (its smallest label when it has several, else its smallest alternative one)."""
    labels: dict = defaultdict(list)
    aliases: dict = defaultdict(list)
    for node, text, alternative in read():
        (aliases if alternative else labels)[node].append(text)
    nodes = sorted(set(labels) | set(aliases), key=str)
    return NameIndex((n, min(labels[n]) if labels[n] else min(aliases[n]), sorted(set(aliases[n]))) for n in nodes)


def entity_bindings(sq: SavedQuery, bindings: dict, read: LabelReader, to_term: Callable = lambda n: n) -> list[dict]:
    """The bindings to run ``sq`` with: ``bindings`` itself when no ``entity`` parameter is given
    as a name; else one dict per combination of the entities the names name (IRIs sorted).
    ``to_term`` turns a node of ``read`` into the term to bind."""
    names = {p.name: bindings[p.name] for p in sq.params
             if p.type == "entity" and isinstance(bindings.get(p.name), Literal)}
    if not names:
        return [bindings]
    index = labels_index(read)
    choices = []
    for var, name in names.items():
        found = index.find(str(name))
        if not found:
            raise UnknownEntityError(str(name), index.suggest(str(name)))
        choices.append([(var, term) for term in sorted((to_term(n) for n in found), key=str)])
    return [{**bindings, **dict(combo)} for combo in itertools.product(*choices)]
