"""Validation split in two: the shapes that can be checked one batch of articles at a time, while
spaCy runs, and the rest once, on the merged graph, at the end.

A shape marked ``kgsh:checkedPerBatch true`` in the shapes file is one whose violations can only
come from a batch that has them itself. ``kgsh:RelationProvenance`` is one: every relation an
article states comes with its ``kg:Assertion`` in the same article's triples, and merging articles
(:mod:`kg.rdf.reconcile`) only chooses entities' labels and classes, so a relation that has its
assertion in its own batch still has it in the merged graph. The converse need not hold (a
relation missing its assertion in one batch may find it in another), so when a batch shows a
violation of such a shape, :meth:`BatchValidator.finish` validates the merged graph against
**all** the shapes: the report is always the one a single validation of the merged graph gives.

The per-batch shapes are the costly part (the provenance shape is a SPARQL constraint per
relation: about 2/3 of the engine's time on a built corpus), and a build's helper process
(:mod:`kg.pipeline.outputs`) has idle time while spaCy parses: checking them there leaves the
end of the build the cheap shapes only.
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

from kg.validate.shacl import Report, _report, _rust_shapes, _shapes_file, shapes_path, validate_ntriples

__all__ = ["PER_BATCH", "split_shapes", "BatchValidator"]

#: The annotation that marks a shape as checkable batch by batch.
PER_BATCH = URIRef("https://w3id.org/kg-news/shapes#checkedPerBatch")


def _closure(g: Graph, node, out: Graph) -> None:
    """``node``'s triples and, recursively, those of the blank nodes it reaches (its CBD)."""
    for p, o in g.predicate_objects(node):
        out.add((node, p, o))
        if not isinstance(o, URIRef) and not isinstance(o, Literal) and (o, None, None) not in out:
            _closure(g, o, out)


@functools.lru_cache(maxsize=4)
def split_shapes(path: str) -> tuple[str | None, str]:
    """The shapes file ``path`` as two Turtle texts: the shapes marked ``kgsh:checkedPerBatch``
    (with the prefix declarations their SPARQL needs; None when no shape is marked) and all the
    others."""
    g = Graph()
    g.parse(path, format="turtle")
    marked = {s for s in g.subjects(PER_BATCH, Literal(True)) if isinstance(s, URIRef)}
    if not marked:
        return None, Path(path).read_text(encoding="utf-8")
    per_batch, rest = Graph(), Graph()
    for prefix, ns in g.namespaces():
        per_batch.bind(prefix, ns)
        rest.bind(prefix, ns)
    for s in marked:
        _closure(g, s, per_batch)
    for t in g:
        if t not in per_batch:
            rest.add(t)
    for declaring in set(g.subjects(SH.declare, None)):
        _closure(g, declaring, per_batch)
    return per_batch.serialize(format="turtle"), rest.serialize(format="turtle")


class BatchValidator:
    """Validate a graph arriving in batches: :meth:`check_batch` for each batch's N-Triples (the
    per-batch shapes), then :meth:`finish` with the merged graph (the other shapes, or all of
    them when a batch showed a violation).

    ``shapes``: a shapes file instead of ``ontology/shapes.ttl`` (its shapes marked
    ``kgsh:checkedPerBatch`` are split off the same way; none marked: everything at the end)."""

    def __init__(self, shapes: str | os.PathLike[str] | None = None) -> None:
        self._path = str(shapes_path() if shapes is None else _shapes_file(shapes))
        batch_text, self._rest = split_shapes(self._path)
        self._batch = _rust_shapes(None, batch_text) if batch_text is not None else None
        self.batches = 0  #: batches checked
        self.flagged = 0  #: batches where a per-batch shape found a violation
        self.seconds = 0.0  #: time spent on the batches

    def check_batch(self, ntriples: str | bytes) -> None:
        if self._batch is None or not ntriples:
            return
        if isinstance(ntriples, bytes):
            ntriples = ntriples.decode("utf-8")
        t0 = time.perf_counter()
        report = self._batch.validate_text(ntriples, format="ntriples", allow_warnings=True)
        self.seconds += time.perf_counter() - t0
        self.batches += 1
        if not report.conforms:
            self.flagged += 1

    def finish(self, ntriples: str | bytes, *, label: Callable[[URIRef], object] | None = None,
               triples: int | None = None) -> Report:
        """The report on the merged graph: exactly what validating it with all the shapes gives."""
        if isinstance(ntriples, bytes):
            ntriples = ntriples.decode("utf-8")
        if self.flagged or self._batch is None:
            report = validate_ntriples(ntriples, shapes=self._path, label=label, triples=triples)
        else:
            report = _report(_rust_shapes(None, self._rest), ntriples, label, triples)
        report.seconds += self.seconds
        return report
