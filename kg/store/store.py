"""A persistent, on-disk Oxigraph store for corpora that grow over months.

Layout of a store folder ``DIR``::

    DIR/kg-store.json   marks the folder as a kg store (format version)
    DIR/kg.lock         the lock file (flock): one writer, or any number of readers
    DIR/oxigraph/       the Oxigraph (RocksDB) database

Inside the database:

* each article (or loaded file) is a **named graph** ``kgid:graph/<key>`` holding the triples
  built from it;
* the **default graph** is the merge of all of them, without duplicates: it is what queries,
  ``kg export`` and ``kg serve`` see, so a fact stated by ten articles is one triple;
* the named graph ``kgid:graph/meta`` records, for each key, its content hash
  (``kgstore:contentHash``, SHA-256 of the sorted N-Triples), triple count and date, and for
  articles built by ``kg build`` the hash of their input (``kgstore:inputHash``, see
  :func:`kg.engine.input_hash`): a restarted build skips the articles whose input it has.

Corpus builds write through :meth:`KgStore.add_results`: batches of new articles are
bulk-loaded (Oxigraph's bulk loader, far faster than transactions), guarded by a
``kgstore:pending`` mark per article that :meth:`KgStore.recover` cleans up after a crash;
articles already in the store go through the transactional replace path.

Adding a graph whose content hash is already recorded for its key changes nothing; adding
changed content replaces the key's named graph and removes from the default graph the triples
no other key states — in one transaction, so a crash never leaves half an article.

Two processes writing the same store: the second gets :class:`StoreLockedError`
("store is locked"). Readers (``kg query --store``, ``kg serve --store``) share the lock with
each other but not with a writer.

>>> with KgStore.open("data/kg") as st:                    # doctest: +SKIP
...     st.add_graph("article-1", graph)                    # 'added' | 'unchanged' | 'replaced'
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import Namespace

from kg.errors import InputError, KgError
from kg.rdf.vocab import KGID, PREFIXES, article_iri, slug

try:  # POSIX advisory locks; on other systems RocksDB's own lock still refuses a second writer
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

__all__ = ["KgStore", "StoreLockedError", "is_store", "STORE", "META_GRAPH", "EXPORT_FORMATS", "graph_iri", "content_hash"]

MARKER = "kg-store.json"
LOCK = "kg.lock"
DATA = "oxigraph"
FORMAT_VERSION = 1

#: Terms of the store's own bookkeeping (never in the kg ontology).
STORE = Namespace("https://w3id.org/kg-news/store#")
META_GRAPH = KGID["graph/meta"]

#: ``kg export`` formats: name → (file extension, pyoxigraph format name, keeps named graphs)
EXPORT_FORMATS = {
    "turtle": (".ttl", "TURTLE", False),
    "nt": (".nt", "N_TRIPLES", False),
    "trig": (".trig", "TRIG", True),
    "json-ld": (".jsonld", "JSON_LD", False),
}
_EXT_FORMATS = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".jsonld": "json-ld", ".json": "json-ld"}


class StoreLockedError(KgError):
    """Another process holds the store (a writer, or readers while we want to write)."""


def is_store(path: str | os.PathLike[str]) -> bool:
    return (Path(path) / MARKER).is_file()


def graph_iri(key: str) -> URIRef:
    """The named graph of an article id or other key."""
    return KGID[f"graph/{slug(key)}"]


def _ox():
    import pyoxigraph

    return pyoxigraph


def _nt_line(t) -> str:
    return f"{t.subject} {t.predicate} {t.object} ."


def content_hash(triples) -> str:
    """SHA-256 of the sorted N-Triples lines of ``triples`` (pyoxigraph triples)."""
    h = hashlib.sha256()
    for line in sorted(_nt_line(t) for t in triples):
        h.update(line.encode("utf-8"))
        h.update(b"\n")
    return "sha256:" + h.hexdigest()


def _rdflib_to_ox_triples(graph: Graph) -> list:
    from kg.rdf.terms import to_ox as _to_ox

    if any(isinstance(x, BNode) for t in graph for x in t):
        graph = graph.skolemize(authority=str(KGID), basepath="genid/")
    return [_ox().Triple(_to_ox(s), _to_ox(p), _to_ox(o)) for s, p, o in graph]


def _meta_triples(g, key: str, digest: str, count: int, source, input_hash: str | None) -> list:
    """The bookkeeping triples of one key (graph ``g``) in the meta graph."""
    ox = _ox()
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


class KgStore:
    """An opened store; use :meth:`open` (also a context manager)."""

    def __init__(self, path: Path, oxstore, lock_file: IO[Any] | None, read_only: bool) -> None:
        self.path = path
        self.oxigraph = oxstore
        self.read_only = read_only
        self._lock_file = lock_file

    # ---------------------------------------------------------------------------- open / close

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, read_only: bool = False, create: bool | None = None) -> KgStore:
        """Open (and with ``create``, the default for writers, make) the store at ``path``.

        Raises :class:`InputError` if there is no store there (readers) or the folder is not a
        store (writers refuse to write into a non-empty foreign folder), and
        :class:`StoreLockedError` if another process holds it.
        """
        ox = _ox()
        path = Path(path)
        create = (not read_only) if create is None else create
        if not is_store(path):
            if not create:
                raise InputError("no kg store here (create one with: kg build ... --store DIR)", path=path)
            if path.exists() and (not path.is_dir() or any(path.iterdir())):
                raise InputError("not a kg store, and not an empty folder: refusing to write into it", path=path)
            path.mkdir(parents=True, exist_ok=True)
            from kg.output import atomic_write_text

            atomic_write_text(  # a killed creation leaves no half-written marker
                path / MARKER, json.dumps({"kg_store": FORMAT_VERSION, "oxigraph": ox.__version__}, indent=2) + "\n"
            )
        else:
            try:
                info = json.loads((path / MARKER).read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise InputError(f"unreadable {MARKER}: {exc}", path=path) from None
            if info.get("kg_store") != FORMAT_VERSION:
                raise InputError(f"store format {info.get('kg_store')!r} is not {FORMAT_VERSION}", path=path)
        lock_file = acquire_lock(path, exclusive=not read_only)
        data = path / DATA
        try:
            if read_only:
                if not data.exists():  # created but never written: an empty store
                    store = ox.Store()
                else:
                    store = ox.Store.read_only(str(data))
            else:
                store = ox.Store(str(data))
        except OSError as exc:
            lock_file.close()
            if "lock" in str(exc).lower():
                raise StoreLockedError(f"{path}: store is locked by another process ({exc})") from None
            raise KgError(f"{path}: cannot open the store: {exc}") from None
        return cls(path, store, lock_file, read_only)

    def close(self) -> None:
        if self.oxigraph is not None:
            if not self.read_only:
                with contextlib.suppress(Exception):
                    self.oxigraph.flush()
            self.oxigraph = None
        if self._lock_file is not None:
            self._lock_file.close()
            self._lock_file = None

    def __enter__(self) -> KgStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _writable(self) -> None:
        if self.read_only:
            raise KgError(f"{self.path}: the store is open read-only")
        if self.oxigraph is None:
            raise KgError(f"{self.path}: the store is closed")

    # ---------------------------------------------------------------------------- contents

    def keys(self) -> dict[str, dict[str, Any]]:
        """Every key in the store with its ``hash``, ``triples``, ``graph`` and ``modified``."""
        ox = _ox()
        out: dict[str, dict[str, Any]] = {}
        for q in self.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(str(META_GRAPH))):
            g = q.subject.value
            entry = out.setdefault(g, {"graph": g})
            name = q.predicate.value
            if name == str(STORE.key):
                entry["key"] = q.object.value
            elif name == str(STORE.contentHash):
                entry["hash"] = q.object.value
            elif name == str(STORE.tripleCount):
                entry["triples"] = int(q.object.value)
            elif name == str(STORE.modified):
                entry["modified"] = q.object.value
        return {e["key"]: e for e in out.values() if "key" in e}

    def __len__(self) -> int:
        """Triples in the default (merged) graph."""
        ox = _ox()
        return sum(1 for _ in self.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def stored_hash(self, key: str) -> str | None:
        return self._meta_value(key, STORE.contentHash)

    def input_hash(self, key: str) -> str | None:
        """The input hash recorded for article ``key`` by ``kg build`` (``None`` if none)."""
        return self._meta_value(key, STORE.inputHash)

    def _meta_value(self, key: str, prop: URIRef) -> str | None:
        ox = _ox()
        for q in self.oxigraph.quads_for_pattern(
            ox.NamedNode(str(graph_iri(key))), ox.NamedNode(str(prop)), None, ox.NamedNode(str(META_GRAPH))
        ):
            return q.object.value
        return None

    def to_graph(self) -> Graph:
        """The default (merged) graph as an rdflib graph."""
        from kg.rdf.mapping import new_graph
        from kg.rdf.terms import from_ox as _from_ox

        g = new_graph()
        for q in self.oxigraph.quads_for_pattern(None, None, None, _ox().DefaultGraph()):
            g.add((_from_ox(q.subject), _from_ox(q.predicate), _from_ox(q.object)))
        return g

    # ---------------------------------------------------------------------------- writing

    def add_graph(self, key: str, graph: Graph, *, source: URIRef | None = None) -> str:
        """Store ``graph`` as the named graph of ``key`` (an article id). Returns
        ``"added"``, ``"unchanged"`` (same content hash) or ``"replaced"``."""
        return self.add_triples(key, _rdflib_to_ox_triples(graph), source=source)

    def add_extraction(self, ex, *, min_confidence: float = 0.0) -> str:
        """Store one article's :class:`kg.records.Extraction` under its article id."""
        from kg.rdf.mapping import to_graph

        g = to_graph([ex], min_confidence=min_confidence)
        return self.add_graph(ex.article.id, g, source=article_iri(ex.article.id))

    def add_extractions(self, extractions: Iterable, *, min_confidence: float = 0.0) -> dict[str, int]:
        counts = {"added": 0, "unchanged": 0, "replaced": 0}
        for ex in extractions:
            counts[self.add_extraction(ex, min_confidence=min_confidence)] += 1
        return counts

    def load_file(self, path: str | os.PathLike[str], key: str | None = None) -> str:
        """Bulk-load an RDF file (e.g. a ``graph.ttl`` from ``kg build``) as the named graph of
        ``key`` (default: ``file:<name>``), with the same hash rules as :meth:`add_graph`."""
        from kg.rdf.formats import load_graph_file

        mem, _dataset = load_graph_file(path)
        triples = list({q.triple for q in mem})
        if any(isinstance(x, _ox().BlankNode) for t in triples for x in (t.subject, t.object)):
            g = Graph()
            from kg.rdf.terms import from_ox as _from_ox

            for t in triples:
                g.add((_from_ox(t.subject), _from_ox(t.predicate), _from_ox(t.object)))
            triples = _rdflib_to_ox_triples(g)
        return self.add_triples(key or f"file:{Path(path).name}", triples)

    def add_triples(self, key: str, triples: list, *, source: URIRef | None = None, input_hash: str | None = None) -> str:
        """Store ``triples`` (pyoxigraph triples) as the named graph of ``key``; ``input_hash``
        (from ``kg build``) is recorded for resuming. Returns ``"added"``, ``"unchanged"`` or
        ``"replaced"``, like :meth:`add_graph`."""
        self._writable()
        ox = _ox()
        st = self.oxigraph
        new = set(triples)
        digest = content_hash(new)
        old_hash = self.stored_hash(key)
        g = ox.NamedNode(str(graph_iri(key)))
        meta_g = ox.NamedNode(str(META_GRAPH))
        if old_hash == digest:
            if input_hash is not None and self.input_hash(key) != input_hash:
                ih = ox.NamedNode(str(STORE.inputHash))
                for q in list(st.quads_for_pattern(g, ih, None, meta_g)):
                    st.remove(q)
                st.add(ox.Quad(g, ih, ox.Literal(input_hash), meta_g))
            return "unchanged"
        meta = _meta_triples(g, key, digest, len(new), source, input_hash)
        old = {q.triple for q in st.quads_for_pattern(None, None, None, g)}
        if not old and old_hash is None:
            quads = [ox.Quad(t.subject, t.predicate, t.object, g) for t in new]
            quads += [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in new]
            quads += [ox.Quad(t.subject, t.predicate, t.object, meta_g) for t in meta]
            st.extend(quads)  # one transaction
            return "added"
        # replace: drop what only this key stated from the merged graph, all in one update
        stale = []
        for t in old - new:
            if not any(
                q.graph_name != g and not isinstance(q.graph_name, ox.DefaultGraph) and q.graph_name != meta_g
                for q in st.quads_for_pattern(t.subject, t.predicate, t.object, None)
            ):
                stale.append(t)
        old_meta = [q.triple for q in st.quads_for_pattern(g, None, None, meta_g)]
        parts = [f"DROP SILENT GRAPH {g}"]
        if stale or old_meta:
            parts.append(
                "DELETE DATA { "
                + " ".join(_nt_line(t) for t in stale)
                + (f" GRAPH {meta_g} {{ " + " ".join(_nt_line(t) for t in old_meta) + " }" if old_meta else "")
                + " }"
            )
        parts.append(
            "INSERT DATA { "
            + " ".join(_nt_line(t) for t in new)
            + f" GRAPH {g} {{ " + " ".join(_nt_line(t) for t in new) + " }"
            + f" GRAPH {meta_g} {{ " + " ".join(_nt_line(t) for t in meta) + " }"
            + " }"
        )
        st.update(" ;\n".join(parts))  # one transaction
        return "replaced"

    def remove(self, key: str) -> bool:
        """Remove a key's named graph and the triples only it stated. False if it was not there."""
        self._writable()
        if self.stored_hash(key) is None:
            return False
        self._purge(_ox().NamedNode(str(graph_iri(key))))
        return True

    # ---------------------------------------------------------------------------- corpus builds

    def recover(self) -> list[str]:
        """Clean up after a build that stopped while bulk-loading a batch: every graph still
        marked ``kgstore:pending`` is removed (with the triples only it stated) so that the next
        build extracts it again. Returns the graphs removed."""
        self._writable()
        ox = _ox()
        meta_g = ox.NamedNode(str(META_GRAPH))
        pending = {q.subject for q in self.oxigraph.quads_for_pattern(None, ox.NamedNode(str(STORE.pending)), None, meta_g)}
        for g in pending:
            self._purge(g)
        return sorted(g.value for g in pending)

    def add_results(self, results: list) -> dict[str, int]:
        """Store a batch of :class:`kg.engine.ArticleResult` (one named graph per article).

        Articles new to the store are bulk-loaded together: a ``pending`` mark per article is
        written first (one transaction), then the named graphs with their bookkeeping, then the
        merged default graph, then the marks are removed; a crash in between leaves marks that
        :meth:`recover` turns back into "not built yet". Articles the store already has go
        through :meth:`add_triples` (hash comparison, transactional replacement). Returns the
        counts ``added``/``replaced``/``unchanged`` and ``loaded`` (quads bulk-loaded).
        """
        self._writable()
        ox = _ox()
        st = self.oxigraph
        meta_g = ox.NamedNode(str(META_GRAPH))
        counts = {"added": 0, "replaced": 0, "unchanged": 0, "loaded": 0}
        fresh, later, seen = [], [], set()
        for r in results:
            g = graph_iri(r.key)
            if g in seen or self.stored_hash(r.key) is not None:
                later.append(r)
            else:
                seen.add(g)
                fresh.append((ox.NamedNode(str(g)), r))
        if fresh:
            pend = ox.NamedNode(str(STORE.pending))
            marks = [ox.Quad(g, pend, ox.Literal("true", datatype=ox.NamedNode(PREFIXES["xsd"] + "boolean")), meta_g) for g, _ in fresh]
            st.extend(marks)
            named = []
            for g, r in fresh:
                named.append(r.nt.replace(b" .\n", b" " + str(g).encode() + b" .\n"))
                meta = _meta_triples(g, r.key, r.content_hash, r.triples, article_iri(r.key), r.input_hash)
                named.append("".join(f"{t.subject} {t.predicate} {t.object} {meta_g} .\n" for t in meta).encode("utf-8"))
            data = b"".join(named)
            st.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
            default = b"".join(r.nt for _, r in fresh)
            st.bulk_load(default, format=ox.RdfFormat.N_TRIPLES, lenient=True, to_graph=ox.DefaultGraph())
            for q in marks:
                st.remove(q)
            counts["added"] = len(fresh)
            counts["loaded"] = sum(2 * r.triples for _, r in fresh)
        for r in later:
            triples = [t for t in ox.parse(r.nt, format=ox.RdfFormat.N_TRIPLES)]
            counts[self.add_triples(r.key, triples, source=article_iri(r.key), input_hash=r.input_hash)] += 1
        return counts

    def _purge(self, g) -> None:
        """Drop named graph ``g``, its bookkeeping, and the merged triples no other graph states."""
        ox = _ox()
        meta_g = ox.NamedNode(str(META_GRAPH))
        st = self.oxigraph
        old = {q.triple for q in st.quads_for_pattern(None, None, None, g)}
        stale = [
            t for t in old
            if not any(q.graph_name not in (g, meta_g) and not isinstance(q.graph_name, ox.DefaultGraph)
                       for q in st.quads_for_pattern(t.subject, t.predicate, t.object, None))
        ]
        old_meta = [q.triple for q in st.quads_for_pattern(g, None, None, meta_g)]
        st.update(
            f"DROP SILENT GRAPH {g} ;\nDELETE DATA {{ "
            + " ".join(_nt_line(t) for t in stale)
            + f" GRAPH {meta_g} {{ "
            + " ".join(_nt_line(t) for t in old_meta)
            + " } }"
        )

    # ---------------------------------------------------------------------------- export

    def export(self, out: str | os.PathLike[str] | IO[bytes], fmt: str | None = None) -> str:
        """Write the store: Turtle, N-Triples and JSON-LD get the merged graph; TriG one named
        graph per article (the bookkeeping graph is left out). Files are written atomically."""
        from kg.output import atomic_open

        ox = _ox()
        if fmt is None:
            if isinstance(out, (str, os.PathLike)):
                fmt = _EXT_FORMATS.get(Path(out).suffix.lower())
            if fmt is None:
                raise InputError(f"cannot tell the format from {out!r}: give --format {'|'.join(EXPORT_FORMATS)}")
        if fmt not in EXPORT_FORMATS:
            raise InputError(f"unknown export format {fmt!r}: {', '.join(EXPORT_FORMATS)}")
        _ext, oxname, datasets = EXPORT_FORMATS[fmt]
        oxfmt = getattr(ox.RdfFormat, oxname)

        def write(f) -> None:
            if datasets:
                graphs = sorted(e["graph"] for e in self.keys().values())
                quads = (q for gname in graphs for q in self.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(gname)))
                ox.serialize(quads, f, format=oxfmt, prefixes=PREFIXES)
            else:
                kwargs = {"prefixes": PREFIXES} if fmt != "nt" else {}
                self.oxigraph.dump(f, format=oxfmt, from_graph=ox.DefaultGraph(), **kwargs)

        if isinstance(out, (str, os.PathLike)):
            with atomic_open(out, "wb") as f:
                write(f)
        else:
            write(out)
        return fmt


def acquire_lock(path: Path, *, exclusive: bool):
    """Take the store's lock file (exclusive for writers, shared for readers), without waiting."""
    lock_path = path / LOCK
    f = open(lock_path, "a+")  # noqa: SIM115 - held for the life of the store
    if fcntl is None:  # pragma: no cover
        return f
    try:
        fcntl.flock(f.fileno(), (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
            f.close()
            raise
        who = _holder(f)
        f.close()
        if exclusive:
            raise StoreLockedError(
                f"{path}: store is locked: {who} has it open; wait for it to finish (only one process may write a store)"
            ) from None
        raise StoreLockedError(f"{path}: store is locked: {who} is writing it; query it when it has finished") from None
    if exclusive:
        f.seek(0)
        f.truncate()
        f.write(f"{os.getpid()}\n")
        f.flush()
    return f


def _holder(f) -> str:
    """Who holds the lock, as far as can be told: a writer's pid, or readers."""
    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        try:
            f.seek(0)
            pid = f.read().strip()
        except OSError:
            pid = ""
        return f"a writer (pid {pid})" if pid.isdigit() else "a writer"
    fcntl.flock(f.fileno(), fcntl.LOCK_UN)
    return "another process reading it (kg query or kg serve)"
