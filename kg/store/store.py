"""A persistent, on-disk Oxigraph store for corpora that grow over months.

What the folder and the database hold: :mod:`kg.store.layout`. In short, each article is a named
graph ``kgid:graph/<key>``, the default graph is their merge, reconciled (:mod:`kg.store.merged`:
one label and one class per entity, whatever order the articles came in), and ``kgid:graph/meta``
keeps the bookkeeping (content and input hashes) that makes builds resumable.

Corpus builds write through :meth:`KgStore.add_results`: batches of new articles are
bulk-loaded (Oxigraph's bulk loader, far faster than transactions), guarded by a
``kgstore:pending`` mark per article that :meth:`KgStore.recover` cleans up after a crash;
articles already in the store go through the transactional replace path.

Adding a graph whose content hash is already recorded for its key changes nothing; adding
changed content replaces the key's named graph and removes from the default graph the triples
no other key states — in one transaction, so a crash never leaves half an article.

Two processes writing the same store: the second gets :class:`StoreLockedError`
("store is locked"). Readers (``kg query --store``, ``kg serve --store``) share the lock with
each other but not with a writer (:mod:`kg.store.lock`).

>>> with KgStore.open("data/kg") as st:                    # doctest: +SKIP
...     st.add_graph("article-1", graph)                    # 'added' | 'unchanged' | 'replaced'
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef

from kg.errors import InputError, KgError
from kg.rdf.vocab import KGID, PREFIXES, article_iri
from kg.rdf.writers import OUTPUT_FORMATS, output_format, write_rdf
from kg.store import ids, merged
from kg.store.layout import (  # noqa: F401 - DATA, LOCK: part of this module's interface
    DATA,
    FORMAT_VERSION,
    LOCK,
    MARKER,
    META_GRAPH,
    STORE,
    content_hash,
    graph_iri,
    meta_triples,
    nt_line,
)
from kg.store.lock import StoreLockedError, acquire_lock

__all__ = ["KgStore", "StoreLockedError", "is_store", "STORE", "META_GRAPH", "EXPORT_FORMATS", "graph_iri", "content_hash",
           "acquire_lock"]

#: ``kg export`` formats: name → (file extensions, keeps named graphs) (:mod:`kg.rdf.writers`)
EXPORT_FORMATS = OUTPUT_FORMATS
_META = ox.NamedNode(str(META_GRAPH))
#: the marker's flag: the default graph is reconciled (stores written before are reconciled once, when a writer opens them)
_RECONCILED = "reconciled"


def is_store(path: str | os.PathLike[str]) -> bool:
    return (Path(path) / MARKER).is_file()


def _rdflib_to_ox_triples(graph: Graph) -> list:
    from kg.rdf.terms import to_ox

    if any(isinstance(x, BNode) for t in graph for x in t):
        graph = graph.skolemize(authority=str(KGID), basepath="genid/")
    return [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph]


def _read_marker(path: Path) -> dict:
    try:
        info = json.loads((path / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"unreadable {MARKER}: {exc}", path=path) from None
    if info.get("kg_store") != FORMAT_VERSION:
        raise InputError(f"store format {info.get('kg_store')!r} is not {FORMAT_VERSION}", path=path)
    return info


def _write_marker(path: Path, info: dict) -> None:
    from kg.output import atomic_write_text

    atomic_write_text(path / MARKER, json.dumps(info, indent=2) + "\n")  # a killed write leaves no half-written marker


class KgStore:
    """An opened store; use :meth:`open` (also a context manager)."""

    def __init__(self, path: Path, oxstore, lock_file: IO[Any] | None, read_only: bool) -> None:
        self.path = path
        self.oxigraph = oxstore
        self.read_only = read_only
        self._lock_file = lock_file
        self._reconciler: merged.BatchReconciler | None = None  # bulk loads: what the default graph names (kept between batches)

    # ---------------------------------------------------------------------------- open / close

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, read_only: bool = False, create: bool | None = None) -> KgStore:
        """Open (and with ``create``, the default for writers, make) the store at ``path``.

        Raises :class:`InputError` if there is no store there (readers) or the folder is not a
        store (writers refuse to write into a non-empty foreign folder), and
        :class:`StoreLockedError` if another process holds it.
        """
        path = Path(path)
        create = (not read_only) if create is None else create
        if not is_store(path):
            if not create:
                raise InputError("no kg store here (create one with: kg build ... --store DIR)", path=path)
            if path.exists() and (not path.is_dir() or any(path.iterdir())):
                raise InputError("not a kg store, and not an empty folder: refusing to write into it", path=path)
            path.mkdir(parents=True, exist_ok=True)
            info = {"kg_store": FORMAT_VERSION, "oxigraph": ox.__version__, _RECONCILED: True, ids.FLAG: True}
            _write_marker(path, info)
        else:
            info = _read_marker(path)
        lock_file = acquire_lock(path, exclusive=not read_only)
        data = path / DATA
        try:
            if read_only:
                store = ox.Store() if not data.exists() else ox.Store.read_only(str(data))  # created, never written: empty
            else:
                store = ox.Store(str(data))
        except OSError as exc:
            lock_file.close()
            if "lock" in str(exc).lower():
                raise StoreLockedError(f"{path}: store is locked by another process ({exc})") from None
            raise KgError(f"{path}: cannot open the store: {exc}") from None
        st = cls(path, store, lock_file, read_only)
        if not read_only and not info.get(_RECONCILED):
            st._update(*merged.unreconciled(store))
            info = {**info, _RECONCILED: True}
            _write_marker(path, info)
        if not read_only and not info.get(ids.FLAG):  # written by kg <= 0.2.0: one graph per slug (kg.store.ids)
            ids.migrate(store)
            _write_marker(path, {**info, ids.FLAG: True})
        return st

    @classmethod
    def in_memory(cls) -> KgStore:
        """A store in memory (no folder, no lock): the same named graphs and reconciled merged
        graph as on disk, e.g. to build a corpus through :class:`kg.pipeline.sinks.StoreSink` and
        export its merged graph."""
        return cls(Path("<memory>"), ox.Store(), None, read_only=False)

    def close(self) -> None:
        if self.oxigraph is not None:
            if not self.read_only:
                with contextlib.suppress(Exception):
                    self.oxigraph.flush()
            self.oxigraph = None
        self._reconciler = None  # it holds the Oxigraph store too: the database closes when both are gone
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
        out: dict[str, dict[str, Any]] = {}
        for q in self.oxigraph.quads_for_pattern(None, None, None, _META):
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
        return sum(1 for _ in self.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def stored_hash(self, key: str) -> str | None:
        return self._meta_value(key, STORE.contentHash)

    def input_hash(self, key: str) -> str | None:
        """The input hash recorded for article ``key`` by ``kg build`` (``None`` if none)."""
        return self._meta_value(key, STORE.inputHash)

    def _meta_value(self, key: str, prop: URIRef) -> str | None:
        for q in self.oxigraph.quads_for_pattern(ox.NamedNode(str(graph_iri(key))), ox.NamedNode(str(prop)), None, _META):
            return q.object.value
        return None

    def to_graph(self) -> Graph:
        """The default (merged) graph as an rdflib graph."""
        from kg.rdf.mapping import new_graph
        from kg.rdf.terms import from_ox

        g = new_graph()
        for q in self.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
        return g

    # ---------------------------------------------------------------------------- writing

    def add_graph(self, key: str, graph: Graph, *, source: URIRef | None = None) -> str:
        """Store ``graph`` as the named graph of ``key`` (an article id). Returns
        ``"added"``, ``"unchanged"`` (same content hash) or ``"replaced"``."""
        return self.add_triples(key, _rdflib_to_ox_triples(graph), source=source)

    def add_extraction(self, ex, *, min_confidence: float = 0.0) -> str:
        """Store one article's :class:`kg.records.Extraction` under its article id (its triples
        from the one emitter, :func:`kg.rdf.emit.emit`)."""
        from kg.rdf.emit import emit, oxigraph_terms

        triples = {ox.Triple(s, p, o) for s, p, o in emit(ex, oxigraph_terms(), min_confidence=min_confidence)}
        return self.add_triples(ex.article.id, triples, source=article_iri(ex.article.id))

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
        if any(isinstance(x, ox.BlankNode) for t in triples for x in (t.subject, t.object)):
            from kg.rdf.terms import from_ox

            g = Graph()
            for t in triples:
                g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
            triples = _rdflib_to_ox_triples(g)
        return self.add_triples(key or f"file:{Path(path).name}", triples)

    def add_triples(self, key: str, triples: Iterable, *, source: URIRef | None = None, input_hash: str | None = None) -> str:
        """Store ``triples`` (pyoxigraph triples) as the named graph of ``key``; ``input_hash``
        (from ``kg build``) is recorded for resuming. Returns ``"added"``, ``"unchanged"`` or
        ``"replaced"``, like :meth:`add_graph`. One transaction."""
        self._writable()
        st = self.oxigraph
        new = set(triples)
        digest = content_hash(new)
        g = ox.NamedNode(str(graph_iri(key)))
        self._check_owner(g, key)
        old_hash = self.stored_hash(key)
        if old_hash == digest:
            if input_hash is not None and self.input_hash(key) != input_hash:
                ih = ox.NamedNode(str(STORE.inputHash))
                for q in list(st.quads_for_pattern(g, ih, None, _META)):
                    st.remove(q)
                st.add(ox.Quad(g, ih, ox.Literal(input_hash), _META))
            return "unchanged"
        self._write(g, new, meta_triples(g, key, digest, len(new), source, input_hash))
        return "added" if old_hash is None else "replaced"

    def remove(self, key: str) -> bool:
        """Remove a key's named graph and the triples only it stated (re-reconciling the entities
        it named). False if it was not there."""
        self._writable()
        if self.stored_hash(key) is None:
            return False
        self._check_owner(ox.NamedNode(str(graph_iri(key))), key)
        self._write(ox.NamedNode(str(graph_iri(key))), set(), [])
        return True

    def _check_owner(self, g, key: str) -> None:
        """Only the same key may replace (or remove) a named graph: never another id's."""
        for q in self.oxigraph.quads_for_pattern(g, ox.NamedNode(str(STORE.key)), None, _META):
            if q.object.value != key:
                raise KgError(f"{self.path}: article {key!r} would replace article {q.object.value!r} (both are "
                              f"stored as {g.value}): refusing; give one of them another id")

    def _write(self, g, new: set, meta: list) -> None:
        """Make named graph ``g`` hold ``new`` with bookkeeping ``meta`` (``new`` and ``meta`` empty:
        remove it), keeping the default graph the reconciled merge: one transaction."""
        st = self.oxigraph
        self._reconciler = None  # what it remembers of the default graph may change here
        delete, insert = merged.default_changes(st, g, new)
        old_meta = [q.triple for q in st.quads_for_pattern(g, None, None, _META)]
        if not delete and not old_meta and next(iter(st.quads_for_pattern(None, None, None, g)), None) is None:
            quads = [ox.Quad(t.subject, t.predicate, t.object, g) for t in new]
            quads += [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in insert]
            quads += [ox.Quad(t.subject, t.predicate, t.object, _META) for t in meta]
            st.extend(quads)  # one transaction
            return
        parts = [f"DROP SILENT GRAPH {g}"]
        if delete or old_meta:
            parts.append("DELETE DATA { " + " ".join(map(nt_line, delete))
                         + (f" GRAPH {_META} {{ " + " ".join(map(nt_line, old_meta)) + " }" if old_meta else "") + " }")
        if new or insert or meta:
            parts.append("INSERT DATA { " + " ".join(map(nt_line, insert))
                         + (f" GRAPH {g} {{ " + " ".join(map(nt_line, new)) + " }" if new else "")
                         + (f" GRAPH {_META} {{ " + " ".join(map(nt_line, meta)) + " }" if meta else "") + " }")
        st.update(" ;\n".join(parts))  # one transaction

    def _update(self, delete: list, insert: list) -> None:
        """Delete, then insert, default-graph triples in one transaction."""
        if delete or insert:
            self._reconciler = None
            self.oxigraph.update(" ;\n".join(
                [f"DELETE DATA {{ {' '.join(map(nt_line, delete))} }}"] * bool(delete)
                + [f"INSERT DATA {{ {' '.join(map(nt_line, insert))} }}"] * bool(insert)))

    # ---------------------------------------------------------------------------- corpus builds

    def recover(self) -> list[str]:
        """Clean up after a build that stopped while bulk-loading a batch: every graph still
        marked ``kgstore:pending`` is removed (with the triples only it stated) so that the next
        build extracts it again. Returns the graphs removed."""
        self._writable()
        pending = {q.subject for q in self.oxigraph.quads_for_pattern(None, ox.NamedNode(str(STORE.pending)), None, _META)}
        for g in sorted(pending, key=lambda n: n.value):
            self._write(g, set(), [])
        return sorted(g.value for g in pending)

    def add_results(self, results: list) -> dict[str, int]:
        """Store a batch of :class:`kg.pipeline.results.ArticleResult` (one named graph per article).

        Articles new to the store are bulk-loaded together: a ``pending`` mark per article is
        written first (one transaction), then the named graphs with their bookkeeping, then the
        merged default graph, which is then reconciled, then the marks are removed; a crash in
        between leaves marks that :meth:`recover` turns back into "not built yet". Articles the
        store already has go through :meth:`add_triples` (hash comparison, transactional
        replacement). Returns the counts ``added``/``replaced``/``unchanged`` and ``loaded``
        (quads bulk-loaded).
        """
        self._writable()
        st = self.oxigraph
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
            true = ox.Literal("true", datatype=ox.NamedNode(PREFIXES["xsd"] + "boolean"))
            marks = [ox.Quad(g, pend, true, _META) for g, _ in fresh]
            st.extend(marks)
            if self._reconciler is None:
                self._reconciler = merged.BatchReconciler(
                    st, fresh=next(iter(st.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None)
            # one bulk load: the named graphs, their bookkeeping and the default graph (N-Quads
            # lines without a graph name), then the entities whose names changed are reconciled
            parts = []
            for g, r in fresh:
                parts.append(r.nt.replace(b" .\n", b" " + str(g).encode() + b" .\n"))
                meta = meta_triples(g, r.key, r.content_hash, r.triples, article_iri(r.key), r.input_hash)
                parts.append("".join(f"{t.subject} {t.predicate} {t.object} {_META} .\n" for t in meta).encode("utf-8"))
            default = b"".join(r.nt for _, r in fresh)
            parts.append(default)
            st.bulk_load(b"".join(parts), format=ox.RdfFormat.N_QUADS, lenient=True)
            self._reconciler.apply(default)
            for q in marks:
                st.remove(q)
            counts["added"] = len(fresh)
            counts["loaded"] = sum(2 * r.triples for _, r in fresh)
        for r in later:
            triples = ox.parse(r.nt, format=ox.RdfFormat.N_TRIPLES)  # the workers' results travel as N-Triples
            counts[self.add_triples(r.key, triples, source=article_iri(r.key), input_hash=r.input_hash)] += 1
        return counts

    # ---------------------------------------------------------------------------- export

    def export(self, out: str | os.PathLike[str] | IO[bytes], fmt: str | None = None, *,
               inferred_types: bool = False) -> str:
        """Write the store in format ``fmt`` (default: from ``out``'s extension, see
        :func:`kg.rdf.writers.output_format`): Turtle, N-Triples, N3, RDF/XML and JSON-LD
        (compacted with kg's context) get the merged graph; TriG and N-Quads one named graph per
        article (the bookkeeping graph is left out). Files are written atomically. ``inferred_types``:
        also the schema.org / PROV-O types of each kg class (:func:`kg.rdf.writers.with_aligned_types`).
        Returns the format."""
        fmt = output_format(out if isinstance(out, (str, os.PathLike)) else None, fmt)
        st = self.oxigraph

        def triples():
            return (q.triple for q in st.quads_for_pattern(None, None, None, ox.DefaultGraph()))

        def quads():
            graphs = sorted(e["graph"] for e in self.keys().values())
            return (q for gname in graphs for q in st.quads_for_pattern(None, None, None, ox.NamedNode(gname)))

        write_rdf(out, fmt, triples=triples, quads=quads, inferred_types=inferred_types)
        return fmt
