"""The store's default graph: the merge of its article graphs, reconciled.

What the default graph holds is always ``reconcile(union of the article graphs)``
(:mod:`kg.rdf.reconcile`: one label per entity, the others as alternative labels, the most
specific class), whatever order the articles came in and however many runs built the store.
Each write keeps it so:

* **a new article** (:func:`reconcile_loaded`, after a bulk load; :func:`default_changes` for a
  transactional add): its triples join the default graph and the entities it names are
  reconciled in place — reconciling chooses by a total order, so reconciling the reconciled merge
  together with the new article gives what reconciling every article at once would;
* **an article replaced or removed** (:func:`default_changes`): its triples that no other graph
  states leave the default graph, and the entities it named are reconciled again from what the
  remaining article graphs say (a label or class only it gave goes; a label it out-ranked comes
  back).

The functions compute triples to delete and insert; :class:`kg.store.KgStore` writes them.
:class:`BatchReconciler` does the same after bulk loads, reconciling only the entities whose
names a batch changed.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import RDF, RDFS
from rdflib.namespace import SKOS

from kg.rdf.reconcile import ENTITY_CLASSES, Names, changes
from kg.store.layout import META_GRAPH, nt_line

__all__ = ["default_changes", "reconcile_loaded", "unreconciled", "names_triples", "BatchReconciler"]

LABEL = ox.NamedNode(str(RDFS.label))
ALT_LABEL = ox.NamedNode(str(SKOS.altLabel))
TYPE = ox.NamedNode(str(RDF.type))
_META = ox.NamedNode(str(META_GRAPH))
_DEFAULT = ox.DefaultGraph()
_CLASS_NODES = {ox.NamedNode(iri): name for iri, name in ENTITY_CLASSES.items()}
_NODES_OF_CLASS = {name: node for node, name in _CLASS_NODES.items()}


def _text(literal) -> str:
    return literal.value


def _is_name(t) -> bool:
    """A triple reconciling decides on: a label, an alternative label or an entity class."""
    return t.predicate == LABEL or t.predicate == ALT_LABEL or (t.predicate == TYPE and t.object in _CLASS_NODES)


def _names(triples: Iterable) -> Names:
    """What ``triples`` (of one entity) say of its names and class."""
    labels, alts, classes = set(), set(), set()
    for t in triples:
        if t.predicate == LABEL:
            labels.add(t.object)
        elif t.predicate == ALT_LABEL:
            alts.add(t.object)
        elif t.predicate == TYPE and t.object in _CLASS_NODES:
            classes.add(_CLASS_NODES[t.object])
    return Names(frozenset(labels), frozenset(alts), frozenset(classes))


def _name_quads(st, e, graph):
    for p in (LABEL, ALT_LABEL, TYPE):
        yield from st.quads_for_pattern(e, p, None, graph)


def _in_default(st, e) -> Names:
    return _names(q.triple for q in _name_quads(st, e, _DEFAULT))


def _stated(st, e, exclude) -> Names:
    """What the article graphs other than ``exclude`` say of ``e``."""
    return _names(q.triple for q in _name_quads(st, e, None)
                  if q.graph_name != exclude and q.graph_name != _META and not isinstance(q.graph_name, ox.DefaultGraph))


def names_triples(e, names: Names) -> list:
    """``names`` as triples about ``e``."""
    return ([ox.Triple(e, LABEL, x) for x in names.labels] + [ox.Triple(e, ALT_LABEL, x) for x in names.alt_labels]
            + [ox.Triple(e, TYPE, _NODES_OF_CLASS[c]) for c in names.classes])


def _stated_elsewhere(st, t, g) -> bool:
    return any(q.graph_name != g and q.graph_name != _META and not isinstance(q.graph_name, ox.DefaultGraph)
               for q in st.quads_for_pattern(t.subject, t.predicate, t.object, None))


def default_changes(st, g, new: set) -> tuple[list, list]:
    """``(delete, insert)``: the default-graph triples to delete, then insert, when the named graph
    ``g`` goes from what it holds now to ``new`` (an empty set: the graph is removed)."""
    old = {q.triple for q in st.quads_for_pattern(None, None, None, g)}
    touched = {t.subject for t in old | new if t.predicate == LABEL}

    def named(t) -> bool:
        return t.subject in touched and _is_name(t)

    delete = [t for t in old - new if not named(t) and not _stated_elsewhere(st, t, g)]
    insert = [t for t in new if not named(t)]
    new_names: dict = {}
    for t in new:
        if named(t):
            new_names.setdefault(t.subject, []).append(t)
    for e in touched:
        current = _in_default(st, e)
        # an article new to the store: the default graph is reconciled already (cheaper to read)
        before = current if not old else _stated(st, e, g)
        remove, add = changes(current, before | _names(new_names.get(e, ())), _text)
        delete += names_triples(e, remove)
        insert += names_triples(e, add)
    return delete, insert


def reconcile_loaded(st, graphs: Iterable) -> tuple[list, list]:
    """``(delete, insert)`` that reconcile, in the default graph, the entities named by the named
    ``graphs`` just bulk-loaded (their triples are in the default graph already)."""
    entities = {q.subject for g in graphs for q in st.quads_for_pattern(None, LABEL, None, g)}
    return _reconcile_in_place(st, entities)


def unreconciled(st) -> tuple[list, list]:
    """``(delete, insert)`` that reconcile every entity of the default graph with several labels
    or classes (a store written before reconciling existed)."""
    query = ("SELECT DISTINCT ?e WHERE { { ?e <%s> ?a, ?b } UNION { ?e a ?a, ?b } FILTER(?a != ?b) }" % LABEL.value)
    found = {row["e"] for row in st.query(query)}
    return _reconcile_in_place(st, found)


def _reconcile_in_place(st, entities: Iterable) -> tuple[list, list]:
    delete: list = []
    insert: list = []
    for e in entities:
        labels = sum(1 for _ in st.quads_for_pattern(e, LABEL, None, _DEFAULT))
        classes = sum(1 for q in st.quads_for_pattern(e, TYPE, None, _DEFAULT) if q.object in _CLASS_NODES)
        if labels <= 1 and classes <= 1:
            continue
        current = _in_default(st, e)
        remove, add = changes(current, current, _text)
        delete += names_triples(e, remove)
        insert += names_triples(e, add)
    return delete, insert


# ------------------------------------------------------------------------------ bulk loads, cheaply

_LABEL_P = b" <" + str(RDFS.label).encode() + b"> "
#: `` rdf:type <class>`` of each entity class (an article's mentions and assertions have types too: not searched)
_CLASS_P = {iri.encode(): b" <" + str(RDF.type).encode() + b"> <" + iri.encode() + b">" for iri in ENTITY_CLASSES}


def _statements(nt: bytes, predicate: bytes):
    """``(subject, object)`` of the N-Triples lines of ``nt`` whose predicate is ``predicate``
    (written `` <iri> ``): found with bytes.find, far faster than a regular expression over every line."""
    find, rfind = nt.find, nt.rfind
    i = find(predicate)
    while i >= 0:
        start = rfind(b"\n", 0, i) + 1
        end = find(b"\n", i)
        if end < 0:
            end = len(nt)
        subject = nt[start:i]
        if subject[:1] == b"<" and b" " not in subject:  # the predicate, not a literal holding its text
            yield subject, nt[i + len(predicate):end].rstrip()[:-1].rstrip()
        i = find(predicate, end)


class BatchReconciler:
    """Keeps a default graph reconciled after bulk loads of article N-Triples, cheaply.

    After a batch is bulk-loaded into the default graph, only the entities it gives a label or a
    class the default graph did not have can need reconciling. The reconciler remembers the label
    and class each entity has in the default graph (at most ``max_entities`` of them; IRIs and
    N-Triples text, read from the batch itself), so that the
    entities whose names did not change cost nothing, and only the others are reconciled
    (:func:`_reconcile_in_place`). ``fresh``: the default graph was empty when the reconciler was
    made, so an entity it has not seen yet is new and, with one label and one class in the
    batch, needs nothing either.
    """

    def __init__(self, st, *, fresh: bool, max_entities: int = 500_000) -> None:
        self.st = st
        self.fresh = fresh
        self.max_entities = max_entities
        self._known: dict[bytes, tuple[bytes, bytes | None]] = {}
        self.reconciled = 0  #: entities reconciled so far (their names changed)
        self.last_checked: list[bytes] = []  #: the entities (``<iri>``) the last batch made it look at

    def after_load(self, nt: bytes) -> tuple[list, list]:
        """``(delete, insert)`` that reconcile the default graph after ``nt`` (the batch's
        N-Triples, as bulk-loaded) joined it; the caller writes them (:meth:`apply` does)."""
        labels: dict[bytes, set] = {}
        classes: dict[bytes, set] = {}
        for e, label in _statements(nt, _LABEL_P):
            labels.setdefault(e, set()).add(label)
        for cls, pattern in _CLASS_P.items():
            for e, _rest in _statements(nt, pattern):
                classes.setdefault(e, set()).add(cls)
        known = self._known
        check = []
        for e, ls in labels.items():
            cs = classes.get(e, set())
            old = known.get(e)
            if old is not None:
                if ls == {old[0]} and cs <= {old[1]}:
                    continue
            elif self.fresh and len(ls) == 1 and len(cs) <= 1:
                known[e] = (next(iter(ls)), next(iter(cs), None))
                continue
            check.append(e)
        self.last_checked = check
        if len(known) > self.max_entities:
            known.clear()
            self.fresh = False  # an entity not remembered may now be an old one
        delete: list = []
        insert: list = []
        for e in check:
            node = ox.NamedNode(e[1:-1].decode("utf-8"))
            current = _in_default(self.st, node)
            wanted = current
            if not current.reconciled:
                remove, add = changes(current, current, _text)
                delete += names_triples(node, remove)
                insert += names_triples(node, add)
                wanted = (current - remove) | add
                self.reconciled += 1
            label = next(iter(wanted.labels), None)
            cls = next(iter(wanted.classes), None)
            if label is not None:
                known[e] = (str(label).encode("utf-8"), None if cls is None else _NODES_OF_CLASS[cls].value.encode())
        return delete, insert

    def apply(self, nt: bytes) -> None:
        """:meth:`after_load`, then write its changes (one update)."""
        delete, insert = self.after_load(nt)
        if delete or insert:
            self.st.update(" ;\n".join(
                [f"DELETE DATA {{ {' '.join(map(nt_line, delete))} }}"] * bool(delete)
                + [f"INSERT DATA {{ {' '.join(map(nt_line, insert))} }}"] * bool(insert)))
