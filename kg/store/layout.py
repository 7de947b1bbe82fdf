"""What a store folder and its database hold: file names, the named graphs, the bookkeeping.

Layout of a store folder ``DIR``::

    DIR/kg-store.json   marks the folder as a kg store (format version)
    DIR/kg.lock         the lock file (flock): one writer, or any number of readers
    DIR/oxigraph/       the Oxigraph (RocksDB) database

Inside the database:

* each article (or loaded file) is a **named graph** ``kgid:graph/<key>`` holding the triples
  built from it;
* the **default graph** is the merge of all of them, reconciled (:mod:`kg.store.merged`): it is
  what queries, ``kg export`` and ``kg serve`` see, so a fact stated by ten articles is one triple
  and an entity has one label and one class;
* the named graph ``kgid:graph/meta`` records, for each key, its content hash
  (``kgstore:contentHash``, SHA-256 of the sorted N-Triples), triple count and date, and for
  articles built by ``kg build`` the hash of their input (``kgstore:inputHash``, see
  :func:`kg.pipeline.results.input_hash`): a restarted build skips the articles whose input it has.
"""

from __future__ import annotations

import datetime as _dt
import hashlib

from rdflib import URIRef
from rdflib.namespace import Namespace

from kg.rdf.vocab import KGID, PREFIXES, id_path

__all__ = ["MARKER", "LOCK", "DATA", "FORMAT_VERSION", "STORE", "META_GRAPH", "graph_iri", "content_hash",
           "nt_line", "meta_triples"]

MARKER = "kg-store.json"
LOCK = "kg.lock"
DATA = "oxigraph"
FORMAT_VERSION = 1

#: Terms of the store's own bookkeeping (never in the kg ontology).
STORE = Namespace("https://w3id.org/kg-news/store#")
META_GRAPH = KGID["graph/meta"]
_RESERVED = frozenset({"meta"})


def graph_iri(key: str) -> URIRef:
    """The named graph of an article id or other key: ``kgid:graph/`` + :func:`kg.rdf.vocab.id_path`,
    one graph per exact key (``meta``, the bookkeeping graph's name, is never an article's)."""
    return KGID[f"graph/{id_path(key, reserved=_RESERVED)}"]


def nt_line(t) -> str:
    """A pyoxigraph triple as an N-Triples statement (without the newline)."""
    return f"{t.subject} {t.predicate} {t.object} ."


def content_hash(triples) -> str:
    """SHA-256 of the sorted N-Triples lines of ``triples`` (pyoxigraph triples)."""
    h = hashlib.sha256()
    for line in sorted(nt_line(t) for t in triples):
        h.update(line.encode("utf-8"))
        h.update(b"\n")
    return "sha256:" + h.hexdigest()


def meta_triples(g, key: str, digest: str, count: int, source, input_hash: str | None) -> list:
    """The bookkeeping triples of one key (its graph ``g``, a pyoxigraph ``NamedNode``) in the meta graph."""
    import pyoxigraph as ox

    xsd = PREFIXES["xsd"]
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
    meta = [
        ox.Triple(g, ox.NamedNode(str(STORE.key)), ox.Literal(key)),
        ox.Triple(g, ox.NamedNode(str(STORE.contentHash)), ox.Literal(digest)),
        ox.Triple(g, ox.NamedNode(str(STORE.tripleCount)), ox.Literal(str(count), datatype=ox.NamedNode(xsd + "integer"))),
        ox.Triple(g, ox.NamedNode(str(STORE.modified)), ox.Literal(now, datatype=ox.NamedNode(xsd + "dateTime"))),
    ]
    if source is not None:
        meta.append(ox.Triple(g, ox.NamedNode(PREFIXES["prov"] + "wasDerivedFrom"), ox.NamedNode(str(source))))
    if input_hash is not None:
        meta.append(ox.Triple(g, ox.NamedNode(str(STORE.inputHash)), ox.Literal(input_hash)))
    return meta
