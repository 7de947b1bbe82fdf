"""Reading RDF files: into an in-memory Oxigraph store (fast) or an rdflib graph, with clear errors."""

from __future__ import annotations

import os
from pathlib import Path

from rdflib import Graph

from kg.errors import InputError

__all__ = ["RDF_EXTENSIONS", "load_graph_file", "load_graph"]

#: RDF file extensions → format names.
RDF_EXTENSIONS = {
    ".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".ntriples": "nt", ".nq": "nquads",
    ".trig": "trig", ".jsonld": "json-ld", ".json": "json-ld", ".rdf": "xml", ".xml": "xml", ".owl": "xml",
    ".n3": "n3",
}


def load_graph_file(path: str | os.PathLike[str]):
    """An in-memory Oxigraph store holding the RDF file ``path`` (a clear InputError if unreadable)."""
    import pyoxigraph as ox

    path = Path(path)
    if not path.exists():
        raise InputError("no such graph file (build one with kg build, or give --store DIR)", path=path)
    if path.is_dir():
        raise InputError("is a folder: give a graph file with --graph, or a store folder with --store", path=path)
    fmt = RDF_EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        raise InputError("unknown RDF format (use .ttl, .nt, .nq, .trig, .jsonld or .rdf)", path=path)
    store = ox.Store()
    oxfmt = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
             "trig": ox.RdfFormat.TRIG, "json-ld": ox.RdfFormat.JSON_LD, "xml": ox.RdfFormat.RDF_XML,
             "n3": ox.RdfFormat.N3}[fmt]
    try:
        store.bulk_load(path=str(path), format=oxfmt)
    except SyntaxError as exc:
        raise InputError(f"not valid {fmt}: {exc}", path=path) from None
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read: {exc}", path=path) from None
    return store, fmt in ("nquads", "trig")


def load_graph(path: str | os.PathLike[str]) -> Graph:
    """Parse an RDF file (format from its extension, Turtle by default).

    A missing file or a parse error raises :class:`InputError` with the parser's message.
    """
    from rdflib.util import guess_format

    p = Path(path)
    if not p.is_file():
        raise InputError("no such file", path=p)
    g = Graph()
    try:
        g.parse(p, format=guess_format(str(p)) or "turtle")
    except Exception as exc:  # rdflib's parsers raise many types (BadSyntax, SAXParseException, ...)
        msg = " ".join(str(exc).split()) or type(exc).__name__
        raise InputError(f"cannot parse the graph: {msg}", path=p) from exc
    return g
