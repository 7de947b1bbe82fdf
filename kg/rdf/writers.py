"""Writing RDF files: every format kg reads, atomically, JSON-LD compacted with kg's context.

One function writes a graph (and, for the formats that keep named graphs, a dataset) given as
pyoxigraph triples and quads: :func:`write_rdf`. ``kg export`` uses it for a store
(:meth:`kg.store.KgStore.export`) and for a graph file (:func:`convert_file`).

* Turtle, N-Triples, N3, RDF/XML and JSON-LD hold one graph; TriG and N-Quads keep named graphs.
* JSON-LD is written *compacted* with ``ontology/context.jsonld`` (installed as
  ``kg.ontology``; :func:`jsonld_context`), embedded in the file so that it stands alone: the
  prefixes ``kg:``, ``kgid:``, ``schema:``, ``prov:``, ``skos:``, ``dcterms:``..., classes by
  their names (``"@type": "Minister"``), properties by their local names with their datatypes
  (``"startOffset": 12``) and relations as IRIs (``"ministerOf": "kgid:country/FRA"``).
  Compaction is done by `PyLD <https://github.com/digitalbazaar/pyld>`_, the JSON-LD reference
  processor; it is in memory and slower than the other formats (about 20,000 triples/s here):
  prefer N-Triples or Turtle for very large stores.
* ``inferred_types=True`` adds, to each node of a kg class, the schema.org / PROV-O / RDF classes
  that class is a subclass of in ``ontology/kg.ttl`` (:func:`kg.rdf.ontology.aligned_types`;
  ``kg export --inferred-types``), for consumers that do no RDFS inference.
* Files are written with :func:`kg.output.atomic_open`: an interrupted export leaves the previous
  file as it was.

>>> output_format("corpus.jsonld")
'json-ld'
>>> output_format("x.ttl", "rdf/xml")
'xml'
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable, Iterable
from importlib.resources import files
from pathlib import Path
from typing import IO, Any

from kg.errors import InputError
from kg.rdf.vocab import PREFIXES

__all__ = ["OUTPUT_FORMATS", "output_format", "write_rdf", "convert_file", "jsonld_context", "compact_jsonld",
           "with_aligned_types"]

#: Output formats: name → (file extensions, the first the usual one; keeps named graphs).
OUTPUT_FORMATS: dict[str, tuple[tuple[str, ...], bool]] = {
    "turtle": ((".ttl", ".turtle"), False),
    "nt": ((".nt", ".ntriples"), False),
    "nq": ((".nq", ".nquads"), True),
    "trig": ((".trig",), True),
    "json-ld": ((".jsonld", ".json"), False),
    "xml": ((".rdf", ".xml", ".owl"), False),
    "n3": ((".n3",), False),
}
_ALIASES = {"ttl": "turtle", "ntriples": "nt", "n-triples": "nt", "nquads": "nq", "n-quads": "nq", "jsonld": "json-ld",
            "rdf/xml": "xml", "rdfxml": "xml", "rdf": "xml"}
_EXTENSIONS = {ext: name for name, (exts, _) in OUTPUT_FORMATS.items() for ext in exts}
_OX_NAMES = {"turtle": "TURTLE", "nt": "N_TRIPLES", "nq": "N_QUADS", "trig": "TRIG", "xml": "RDF_XML", "n3": "N3"}


def output_format(out: str | os.PathLike[str] | None, fmt: str | None = None) -> str:
    """The format to write: ``fmt`` (a name of :data:`OUTPUT_FORMATS` or an alias such as
    ``ttl``, ``rdf/xml``), else the one of ``out``'s extension. A clear :class:`InputError` when
    neither says."""
    if fmt is not None:
        name = _ALIASES.get(fmt.lower(), fmt.lower())
        if name not in OUTPUT_FORMATS:
            raise InputError(f"unknown RDF format {fmt!r}: use {', '.join(OUTPUT_FORMATS)}")
        return name
    if out is not None:
        name = _EXTENSIONS.get(Path(out).suffix.lower())
        if name is not None:
            return name
        raise InputError(f"cannot tell the RDF format from the extension of {os.fspath(out)!r} "
                         f"(.ttl, .nt, .nq, .trig, .jsonld, .rdf, .n3): give --format {'|'.join(OUTPUT_FORMATS)}")
    return "turtle"


def keeps_graphs(fmt: str) -> bool:
    """Whether format ``fmt`` keeps named graphs (TriG, N-Quads)."""
    return OUTPUT_FORMATS[fmt][1]


@functools.lru_cache(maxsize=1)
def _context_text() -> str:
    return (files("kg.ontology") / "context.jsonld").read_text(encoding="utf-8")


def jsonld_context() -> dict[str, Any]:
    """``ontology/context.jsonld``: ``{"@context": {...}}`` (a fresh copy each call)."""
    return json.loads(_context_text())


def _no_remote_documents(url: str, options: dict | None = None):
    from pyld.jsonld import JsonLdError

    raise JsonLdError(f"kg does not fetch JSON-LD documents ({url})", "jsonld.LoadDocumentError",
                      code="loading document failed")


_RDF_TYPE = PREFIXES["rdf"] + "type"


def _node_objects(doc: Any) -> Iterable[dict]:
    """The node objects of an expanded JSON-LD document (those in ``@graph`` too)."""
    for node in doc if isinstance(doc, list) else [doc]:
        if isinstance(node, dict):
            yield node
            yield from _node_objects(node.get("@graph", []))


def compact_jsonld(triples: Iterable[Any]) -> dict[str, Any]:
    """pyoxigraph ``triples`` as a compacted JSON-LD document with kg's context embedded."""
    import pyoxigraph as ox
    from pyld import jsonld

    expanded = json.loads(ox.serialize(triples, format=ox.RdfFormat.JSON_LD) or b"[]")
    for node in _node_objects(expanded):
        # rdf:type with IRI objects becomes @type, as JSON-LD's fromRdf does (useRdfType false)
        types = node.get(_RDF_TYPE)
        if types and all(set(t) == {"@id"} for t in types):
            del node[_RDF_TYPE]
            node["@type"] = [t["@id"] for t in types]
    return jsonld.compact(expanded, jsonld_context(), options={"documentLoader": _no_remote_documents})


def with_aligned_types(terms: Iterable[Any]) -> Iterable[Any]:
    """pyoxigraph triples or quads, each ``?s rdf:type kg:C`` followed by ``?s rdf:type X`` for
    the classes X of other vocabularies that kg:C is a subclass of (each added triple once)."""
    import pyoxigraph as ox

    from kg.rdf.ontology import aligned_types

    rdf_type, ns = ox.NamedNode(_RDF_TYPE), PREFIXES["kg"]
    added: set = set()
    for t in terms:
        yield t
        o = t.object
        if t.predicate == rdf_type and isinstance(o, ox.NamedNode) and o.value.startswith(ns):
            for sup in sorted(aligned_types(o.value[len(ns):])):
                key = (t.subject, sup, getattr(t, "graph_name", None))
                if key not in added:
                    added.add(key)
                    if isinstance(t, ox.Quad):
                        yield ox.Quad(t.subject, rdf_type, ox.NamedNode(sup), t.graph_name)
                    else:
                        yield ox.Triple(t.subject, rdf_type, ox.NamedNode(sup))


def write_rdf(out: str | os.PathLike[str] | IO[bytes], fmt: str, *, triples: Callable[[], Iterable[Any]],
              quads: Callable[[], Iterable[Any]] | None = None, inferred_types: bool = False) -> None:
    """Write a graph in format ``fmt`` to the file ``out`` (atomically) or the binary stream ``out``.

    ``triples()`` gives the graph's pyoxigraph ``Triple`` objects; ``quads()``, when given, the
    ``Quad`` objects that TriG and N-Quads write (else they write the triples in the default graph).
    ``inferred_types``: add the schema.org / PROV-O types (:func:`with_aligned_types`).
    """
    import pyoxigraph as ox

    from kg.output import atomic_open

    if inferred_types:
        triples = functools.partial(_aligned, triples)
        quads = functools.partial(_aligned, quads) if quads is not None else None

    def write(f: IO[bytes]) -> None:
        if fmt == "json-ld":
            doc = compact_jsonld(triples())
            f.write(json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
            return
        oxfmt = getattr(ox.RdfFormat, _OX_NAMES[fmt])
        data = quads() if keeps_graphs(fmt) and quads is not None else triples()
        if keeps_graphs(fmt):
            data = (q if isinstance(q, ox.Quad) else ox.Quad(q.subject, q.predicate, q.object) for q in data)
        kwargs = {} if fmt in ("nt", "nq") else {"prefixes": PREFIXES}
        ox.serialize(data, f, format=oxfmt, **kwargs)

    if isinstance(out, (str, os.PathLike)):
        with atomic_open(out, "wb") as f:
            write(f)
    else:
        write(out)


def _aligned(make: Callable[[], Iterable[Any]]) -> Iterable[Any]:
    return with_aligned_types(make())


def convert_file(source: str | os.PathLike[str], out: str | os.PathLike[str] | IO[bytes], fmt: str, *,
                 inferred_types: bool = False) -> int:
    """Write the RDF file ``source`` (any format :func:`kg.rdf.formats.load_graph_file` reads) as
    ``fmt``; returns the number of triples (or quads) written. A dataset (TriG, N-Quads) written in a
    format of one graph becomes the union of its graphs, each triple once."""
    import pyoxigraph as ox

    from kg.rdf.formats import load_graph_file

    store, dataset = load_graph_file(source)
    if dataset:
        union = list(dict.fromkeys(q.triple for q in store))
        triples: Callable[[], Iterable[Any]] = lambda: union  # noqa: E731
    else:
        triples = lambda: (q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))  # noqa: E731
    written = 0

    def counted(make: Callable[[], Iterable[Any]]) -> Callable[[], Iterable[Any]]:
        def run() -> Iterable[Any]:
            nonlocal written
            for t in make():
                written += 1
                yield t
        return run

    quads: Callable[[], Iterable[Any]] = lambda: iter(store)  # noqa: E731
    if inferred_types:
        triples, quads = functools.partial(_aligned, triples), functools.partial(_aligned, quads)
    write_rdf(out, fmt, triples=counted(triples), quads=counted(quads))
    return written
