"""Corpus-scale builds: streaming, worker processes, memory zones, resume, batched store writes.

    articles ─► [resume: skip what the store has] ─► chunks ─► workers: nlp.pipe + extract + N-Quads
             ─► batches ─► sinks (the Oxigraph store by bulk load, a SPARQL Graph Store, N-Quads files)

* **Streaming.** Articles are read lazily and sent to the workers in chunks of ``chunk_size``,
  with at most ``2 × processes`` chunks in flight: memory does not depend on the corpus size.
* **Workers.** ``processes=1`` runs spaCy in this process; ``processes=N`` starts N worker
  processes (``spawn``), each loading the pipeline once. Each chunk is parsed with ``nlp.pipe``
  inside a spaCy *memory zone* (the strings a chunk adds to the vocabulary are freed after it),
  extracted, and — for store builds — mapped straight to N-Triples by :func:`article_triples`
  (the same triples as :func:`kg.mapping.to_graph`, without building an rdflib graph). Results
  come back in input order, so the output is the same whatever the number of processes.
* **Resume.** The store records, for every article, a hash of its input (id, text, published,
  url, title, model, min confidence, kg version: :func:`input_hash`). A restarted build skips
  the articles whose input hash is already recorded, before spaCy sees them.
* **Writes.** Results are grouped into batches of about ``batch_triples`` triples and handed to
  a writer thread (so loading overlaps parsing), which bulk-loads each batch into the store
  (:meth:`kg.store.KgStore.add_results`).

The dask engine (:mod:`kg.engine_dask`) reuses :func:`process_chunk` on the cluster's workers
and the same sinks on the client.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import hashlib
import itertools
import json
import os
import queue
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from kg.records import Article, Extraction

__all__ = [
    "ArticleResult",
    "BuildStats",
    "EngineConfig",
    "article_lines",
    "article_triples",
    "article_result",
    "input_hash",
    "process_chunk",
    "iter_chunks",
    "local_results",
    "BatchWriter",
    "StoreSink",
    "NQuadsSink",
    "GraphStoreSink",
    "build_corpus",
]


@dataclass(frozen=True)
class EngineConfig:
    """What the workers need to know (picklable: it travels to worker processes and Dask workers)."""

    model: str = "md"
    min_confidence: float = 0.0
    batch_size: int = 64  #: articles per ``nlp.pipe`` batch
    chunk_size: int = 64  #: articles per memory zone / per task sent to a worker
    mode: str = "nquads"  #: "nquads" (store builds: N-Triples per article) or "records" (Extraction records)


@dataclass(frozen=True)
class ArticleResult:
    """One article, ready to store: its N-Triples (sorted, one triple per line) and bookkeeping."""

    key: str  #: the article id
    input_hash: str
    nt: bytes  #: the article's triples as sorted N-Triples lines
    triples: int
    words: int

    @property
    def content_hash(self) -> str:
        """The same hash :func:`kg.store.content_hash` gives for these triples."""
        return "sha256:" + hashlib.sha256(self.nt).hexdigest()


@dataclass
class BuildStats:
    """Counts and timings of a corpus build (what the summary line and the benchmark print)."""

    articles: int = 0  #: articles extracted in this run
    resumed: int = 0  #: articles skipped because the store already had them (input hash)
    words: int = 0  #: words of the extracted articles
    triples: int = 0  #: triples of the extracted articles (each article counted on its own)
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    startup_seconds: float = 0.0  #: until the pipeline(s) were loaded
    seconds: float = 0.0  #: from then to the end (extraction and writing)
    cpu_seconds: float = 0.0  #: CPU time of this process (all its threads) over ``seconds``
    load_seconds: float = 0.0  #: time the writer spent loading batches into the sinks
    loaded_triples: int = 0  #: triples written by the writer (store: named graph + merged graph quads)

    def rate(self, what: str) -> float:
        return getattr(self, what) / self.seconds if self.seconds > 0 else 0.0


# ------------------------------------------------------------------------------ hashing


def _kg_version() -> str:
    from kg import __version__

    return __version__


def input_hash(article: Article, model: str, min_confidence: float) -> str:
    """What a restarted build compares to skip an article: SHA-256 of everything its triples
    depend on — the article's id, text, date, url and title, the model, the confidence
    threshold and kg's version."""
    payload = json.dumps(
        [article.id, article.text, article.published, article.url, article.title, model, float(min_confidence), _kg_version()],
        ensure_ascii=False,
    )
    return "sha256:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()


# ------------------------------------------------------------------------------ mapping to N-Triples


# N-Triples are written here as text, exactly as Oxigraph prints the same terms (escapes of
# oxrdf's print_quoted_str; tests/test_engine.py checks the two agree), so that the content hash
# of an article is the same on every path (kg.store.content_hash of the pyoxigraph triples).
_ESCAPES = {0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"}
_ESCAPES.update({c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F] if c not in _ESCAPES})
_XSD = "http://www.w3.org/2001/XMLSchema#"


_NEEDS_ESCAPE = re.compile('["\\\\\x00-\x1f\x7f]')


@functools.lru_cache(maxsize=8192)  # an article's sentences come back for each of their mentions
def nt_string(value: str) -> str:
    """A plain (xsd:string) literal in N-Triples: ``"…"`` with Oxigraph's escapes."""
    if _NEEDS_ESCAPE.search(value) is None:
        return f'"{value}"'
    return '"' + value.translate(_ESCAPES) + '"'


def nt_typed(value: str, datatype: str) -> str:
    return f"{nt_string(value)}^^<{datatype}>"


@functools.lru_cache(maxsize=1)
def _iris() -> dict[str, str]:
    """``<IRI>`` of the vocabulary terms the mapping uses."""
    from rdflib import RDF, RDFS
    from rdflib.namespace import DCTERMS, PROV, SKOS

    from kg.rdf.mapping import SCHEMA
    from kg.rdf.vocab import KG

    terms = {
        "type": RDF.type, "label": RDFS.label, "altLabel": SKOS.altLabel, "subject": RDF.subject,
        "predicate": RDF.predicate, "object": RDF.object, "derived": PROV.wasDerivedFrom,
        "identifier": DCTERMS.identifier, "issued": DCTERMS.issued, "url": SCHEMA.url, "title": DCTERMS.title,
        "mentions": SCHEMA.mentions,
        "Article": KG.Article, "Mention": KG.Mention, "Assertion": KG.Assertion, "Minister": KG.Minister,
        "Person": KG.Person, "mentionOf": KG.mentionOf, "sentence": KG.sentence, "startOffset": KG.startOffset,
        "endOffset": KG.endOffset, "confidence": KG.confidence, "iso3": KG.iso3,
        "mentionCount": KG.mentionCount, "assertionCount": KG.assertionCount,
    }
    return {k: f"<{v}>" for k, v in terms.items()}


@functools.lru_cache(maxsize=256)
def _kg_iri(name: str) -> str:
    """``<KG[name]>`` (the closed namespace refuses unknown names, as :mod:`kg.mapping` does)."""
    from kg.rdf.vocab import KG

    return f"<{KG[name]}>"


@functools.lru_cache(maxsize=65536)
def _entity_iri(key: str) -> str:
    from kg.rdf.vocab import entity_iri

    return f"<{entity_iri(key)}>"


@functools.lru_cache(maxsize=65536)
def _article_iri(article_id: str) -> str:
    from kg.rdf.vocab import article_iri

    return f"<{article_iri(article_id)}>"


def _ox_nt(lit) -> str:
    from kg.rdf.terms import to_ox as _to_ox

    return str(_to_ox(lit))


@functools.lru_cache(maxsize=65536)
def _attr_nt(name: str, value: Any) -> str:
    from kg.rdf.terms import attr_literal as _attr_literal

    return _ox_nt(_attr_literal(name, value))


@functools.lru_cache(maxsize=16384)
def _date_nt(value: str) -> str:
    from kg.rdf.terms import date_literal

    return _ox_nt(date_literal(value))


@functools.lru_cache(maxsize=8)
def _evidence_prefix(kind: str) -> str:
    from kg.rdf.vocab import KGID

    return f"<{KGID}{kind}/"


def _evidence_iri(kind: str, *parts: object) -> str:
    """``<…>`` of :func:`kg.vocab.evidence_iri` (same hash, without building an rdflib term)."""
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]
    return f"{_evidence_prefix(kind)}{digest}>"


def article_lines(ex: Extraction, *, min_confidence: float = 0.0) -> set[str]:
    """The triples :func:`kg.mapping.to_graph` ``([ex])`` holds, as N-Triples lines (``"s p o .\\n"``).

    A direct transcription of :mod:`kg.mapping` for one article (``tests/test_engine.py`` checks
    the two agree on real and synthetic articles), several times faster than building an rdflib
    graph and serialising it.
    """
    T = _iris()
    out: set[str] = set()
    add = out.add
    art = ex.article
    a_node = _article_iri(art.id)
    add(f"{a_node} {T['type']} {T['Article']} .\n")
    add(f"{a_node} {T['identifier']} {nt_string(art.id)} .\n")
    if art.published:
        add(f"{a_node} {T['issued']} {_date_nt(art.published)} .\n")
    if art.url:
        add(f"{a_node} {T['url']} {nt_typed(art.url, _XSD + 'anyURI')} .\n")
    if art.title:
        add(f"{a_node} {T['title']} {nt_string(art.title)} .\n")

    derived, sentence, start_p, end_p, conf_p = T["derived"], T["sentence"], T["startOffset"], T["endOffset"], T["confidence"]
    integer, decimal = f"^^<{_XSD}integer>", f"^^<{_XSD}decimal>"
    confidences: dict[str, tuple[float, str]] = {}  # node → (value, line): one confidence each, the highest
    derived_from: dict[str, tuple[set, set]] = {}  # article id → (its mention nodes, its assertion nodes)

    def provenance(node: str, ev, kind: int) -> None:
        derived_from.setdefault(ev.article_id, (set(), set()))[kind].add(node)
        add(f"{node} {derived} {_article_iri(ev.article_id)} .\n")
        add(f"{node} {sentence} {nt_string(ev.sentence)} .\n")
        add(f'{node} {start_p} "{int(ev.start)}"{integer} .\n')
        add(f'{node} {end_p} "{int(ev.end)}"{integer} .\n')
        text = f"{ev.confidence:.2f}"
        value = float(text)
        old = confidences.get(node)
        if old is None or old[0] < value:
            if old is not None:
                out.discard(old[1])
            line = f'{node} {conf_p} "{text}"{decimal} .\n'
            confidences[node] = (value, line)
            add(line)

    rdf_type, label_p, alt_p = T["type"], T["label"], T["altLabel"]
    minister, person = T["Minister"], T["Person"]
    labels: dict[str, str] = {}  # entity node → its label (one per entity: the first one seen)
    for ent in ex.entities:
        node = _entity_iri(ent.key)
        etype = ent.type
        has_label = node in labels
        if has_label:
            if labels[node] != ent.label:
                add(f"{node} {alt_p} {nt_string(ent.label)} .\n")
            if etype == "Person" and f"{node} {rdf_type} {minister} .\n" in out:
                etype = "Minister"
            elif etype == "Minister":
                out.discard(f"{node} {rdf_type} {person} .\n")
        add(f"{node} {rdf_type} {_kg_iri(etype)} .\n")
        if not has_label:
            labels[node] = ent.label
            add(f"{node} {label_p} {nt_string(ent.label)} .\n")
        for alias in ent.aliases:
            add(f"{node} {alt_p} {nt_string(alias)} .\n")
        for name, value in ent.attrs:
            add(f"{node} {_kg_iri(name)} {_attr_nt(name, value)} .\n")
        if etype == "Country":
            add(f"{node} {T['iso3']} {nt_string(ent.key.split('/', 1)[1])} .\n")
        for ev in ent.evidence:
            m = _evidence_iri("mention", ent.key, ev.article_id, ev.start, ev.end)
            add(f"{m} {rdf_type} {T['Mention']} .\n")
            add(f"{m} {T['mentionOf']} {node} .\n")
            provenance(m, ev, 0)
            add(f"{_article_iri(ev.article_id)} {T['mentions']} {node} .\n")
    for rel in ex.relations:
        if rel.confidence < min_confidence:
            continue
        s, p, o = _entity_iri(rel.subject), _kg_iri(rel.predicate), _entity_iri(rel.object)
        add(f"{s} {p} {o} .\n")
        for ev in rel.evidence:
            a = _evidence_iri("assertion", rel.subject, rel.predicate, rel.object, ev.article_id, ev.start, ev.end)
            add(f"{a} {rdf_type} {T['Assertion']} .\n")
            add(f"{a} {T['subject']} {s} .\n")
            add(f"{a} {T['predicate']} {p} .\n")
            add(f"{a} {T['object']} {o} .\n")
            provenance(a, ev, 1)
    # kg:mentionCount / kg:assertionCount of the article(s) typed in this graph (kg.mapping.add_evidence_counts)
    ids = {art.id} | set(derived_from)
    for aid in sorted(ids):
        node = _article_iri(aid)
        if f"{node} {rdf_type} {T['Article']} .\n" in out:
            mentions, assertions = derived_from.get(aid, (set(), set()))
            add(f'{node} {T["mentionCount"]} "{len(mentions)}"{integer} .\n')
            add(f'{node} {T["assertionCount"]} "{len(assertions)}"{integer} .\n')
    return out


def article_triples(ex: Extraction, *, min_confidence: float = 0.0) -> set:
    """:func:`article_lines` as a set of pyoxigraph triples."""
    import pyoxigraph as ox

    data = "".join(article_lines(ex, min_confidence=min_confidence)).encode("utf-8")
    return set(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))


def article_result(ex: Extraction, config: EngineConfig, ihash: str | None = None) -> ArticleResult:
    lines = article_lines(ex, min_confidence=config.min_confidence)
    art = ex.article
    return ArticleResult(
        key=art.id,
        input_hash=ihash or input_hash(art, config.model, config.min_confidence),
        nt="".join(sorted(lines)).encode("utf-8"),
        triples=len(lines),
        words=len(art.text.split()),
    )


# ------------------------------------------------------------------------------ extraction of a chunk

_PIPE_LOCK = threading.Lock()  # a pipeline (and its memory zones) serves one thread at a time


def process_chunk(articles: list[Article], config: EngineConfig) -> list:
    """Parse and extract a chunk of articles in one spaCy memory zone; in input order.

    Returns :class:`ArticleResult` records (``mode="nquads"``) or :class:`Extraction` records
    (``mode="records"``). Runs wherever the pipeline lives: this process, a worker process, a
    Dask worker (which loads the pipeline once: :func:`kg.nlp.load_pipeline` is cached).
    """
    from kg.extract.extractor import extract
    from kg.nlp.pipeline import load_pipeline

    nlp = load_pipeline(config.model)
    out: list = []
    with _PIPE_LOCK, _memory_zone(nlp):
        docs = nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=config.batch_size)
        for doc, art in docs:
            ex = extract(doc, art)
            out.append(ex if config.mode == "records" else article_result(ex, config))
    return out


def _memory_zone(nlp):
    zone = getattr(nlp, "memory_zone", None)  # spaCy ≥ 3.8
    return zone() if zone is not None else contextlib.nullcontext()


def iter_chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for it in items:
        chunk.append(it)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# ------------------------------------------------------------------------------ local engine

_WORKER_CONFIG: EngineConfig | None = None
_WORKER_ERROR: BaseException | None = None


def _init_worker(config: EngineConfig, barrier) -> None:
    """Worker process start: load the pipeline once, then tell the parent it is ready. A
    failure is kept and raised by the worker's first task, so the parent reports it."""
    import signal

    global _WORKER_CONFIG, _WORKER_ERROR
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _WORKER_CONFIG = config
    try:
        from kg.nlp.pipeline import load_pipeline

        load_pipeline(config.model)
    except BaseException as exc:  # noqa: BLE001
        _WORKER_ERROR = exc
    finally:
        if barrier is not None:
            with contextlib.suppress(Exception):
                barrier.wait(timeout=900)


def _worker_chunk(chunk: list[Article]) -> list:
    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    assert _WORKER_CONFIG is not None
    return process_chunk(chunk, _WORKER_CONFIG)


def check_model(model: str) -> None:
    """Fail at once, in this process, when the spaCy model is not installed (before workers start)."""
    import importlib.util

    from kg.errors import KgError
    from kg.nlp.pipeline import MODELS

    name = MODELS.get(model, model)
    if importlib.util.find_spec(name) is None:
        raise KgError(f"spaCy model {name!r} is not installed; install it with "
                      f"`pip install {name.replace('_', '-')}==3.8.0` (or choose another with --model)")


def local_results(
    chunks: Iterable[list[Article]],
    config: EngineConfig,
    processes: int = 1,
    *,
    on_ready: Callable[[], None] | None = None,
) -> Iterator[list]:
    """Process ``chunks`` in this process (``processes=1``) or in a pool of worker processes,
    yielding each chunk's results in input order, with at most ``2 × processes`` chunks in flight.
    Nothing is loaded or started when there is no chunk at all (a fully resumed build)."""
    it = iter(chunks)
    first = next(it, None)
    if first is None:
        return
    chunks = itertools.chain([first], it)
    if processes <= 1:
        from kg.nlp.pipeline import load_pipeline

        load_pipeline(config.model)
        if on_ready:
            on_ready()
        for chunk in chunks:
            yield process_chunk(chunk, config)
        return

    import multiprocessing as mp

    check_model(config.model)
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(processes + 1)
    pool = ctx.Pool(processes, initializer=_init_worker, initargs=(config, barrier))
    try:
        barrier.wait(timeout=900)  # every worker has loaded the pipeline
        if on_ready:
            on_ready()
        pending: collections.deque = collections.deque()
        it = iter(chunks)
        exhausted = False
        while True:
            while not exhausted and len(pending) < 2 * processes:
                chunk = next(it, None)
                if chunk is None:
                    exhausted = True
                    break
                pending.append(pool.apply_async(_worker_chunk, (chunk,)))
            if not pending:
                break
            yield pending.popleft().get()
        pool.close()
        pool.join()
    finally:
        pool.terminate()


# ------------------------------------------------------------------------------ writing


class BatchWriter:
    """Hands batches of :class:`ArticleResult` to ``sinks`` on a background thread.

    A sink has ``write(results: list[ArticleResult]) -> dict`` returning counts
    (``added``/``replaced``/``unchanged``) and ``loaded`` (triples written); the first sink's
    counts are the build's. Errors in the thread are raised by the next :meth:`put` or by
    :meth:`close`. The queue holds at most ``depth`` batches, so a slow sink slows the build
    down rather than filling memory.

    A batch is handed over when it reaches ``batch_triples`` triples, or as soon as it has
    ``min_triples`` and the writer has nothing to do: while extraction is the bottleneck the
    batches stay small, so the last one — which the build waits for, with nothing left to
    overlap it — is small too; when the sink is the bottleneck they grow to ``batch_triples``.
    """

    def __init__(self, sinks: list, stats: BuildStats, *, batch_triples: int = 200_000, min_triples: int = 50_000,
                 depth: int = 2) -> None:
        self.sinks = sinks
        self.stats = stats
        self.batch_triples = batch_triples
        self.min_triples = min(min_triples, batch_triples)
        self._busy = False
        self._batch: list[ArticleResult] = []
        self._size = 0
        self._queue: queue.Queue = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="kg-store-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            batch = self._queue.get()
            if batch is None:
                return
            if self._error is not None:
                continue
            self._busy = True
            try:
                t0 = time.perf_counter()
                first = True
                for sink in self.sinks:
                    counts = sink.write(batch)
                    if first:
                        for k in ("added", "replaced", "unchanged"):
                            setattr(self.stats, k, getattr(self.stats, k) + counts.get(k, 0))
                        self.stats.loaded_triples += counts.get("loaded", 0)
                        first = False
                self.stats.load_seconds += time.perf_counter() - t0
            except BaseException as exc:  # noqa: BLE001 - re-raised in the main thread
                self._error = exc
            finally:
                self._busy = False

    def _check(self) -> None:
        if self._error is not None:
            err, self._error = self._error, None
            raise err

    def put(self, result: ArticleResult) -> None:
        self._check()
        self._batch.append(result)
        self._size += result.triples
        if self._size >= self.batch_triples or (self._size >= self.min_triples and self._idle()):
            self.flush()

    def _idle(self) -> bool:
        """Nothing queued and nothing being written."""
        return not self._busy and self._queue.empty()

    def flush(self) -> None:
        if self._batch:
            self._queue.put(self._batch)
            self._batch, self._size = [], 0
        self._check()

    def close(self) -> None:
        """Write what is left and wait for the thread."""
        try:
            self.flush()
        finally:
            self._queue.put(None)
            self._thread.join()
        self._check()

    def abort(self) -> None:
        """Stop without writing the pending batch (after an error or an interrupt); waits for the
        batch being written, which the store keeps consistent."""
        self._batch = []
        with contextlib.suppress(queue.Empty):
            while True:
                self._queue.get_nowait()
        self._queue.put(None)
        self._thread.join()


class StoreSink:
    """Batches into a :class:`kg.store.KgStore` (bulk load; see :meth:`~kg.store.KgStore.add_results`)."""

    def __init__(self, store) -> None:
        self.store = store

    def write(self, results: list[ArticleResult]) -> dict:
        return self.store.add_results(results)


class NQuadsSink:
    """Each batch as an N-Quads file ``DIR/part-NNNNNN.nq`` (one named graph per article,
    ``kgid:graph/<article>``), written atomically: the input of ``qlever index``, Fuseki's
    ``tdb2.tdbloader`` or ``oxigraph load``."""

    def __init__(self, folder) -> None:
        from pathlib import Path

        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        existing = sorted(self.folder.glob("part-*.nq"))
        self.part = int(existing[-1].stem.split("-")[1]) + 1 if existing else 1

    def write(self, results: list[ArticleResult]) -> dict:
        from kg.output import atomic_open
        from kg.store.store import graph_iri

        path = self.folder / f"part-{self.part:06d}.nq"
        with atomic_open(path, "wb") as f:
            for r in results:
                f.write(r.nt.replace(b" .\n", f" <{graph_iri(r.key)}> .\n".encode()))
        self.part += 1
        return {"added": len(results), "loaded": sum(r.triples for r in results)}


class GraphStoreSink:
    """Each article PUT as a named graph ``kgid:graph/<article>`` to a SPARQL 1.1 Graph Store
    HTTP Protocol endpoint (``PUT URL?graph=IRI``, N-Triples): Oxigraph server's ``/store``,
    Fuseki's ``/DATASET/data``, GraphDB's ``/repositories/R/rdf-graphs/service``... A PUT replaces
    the graph, so re-running a build is safe; query the union of the graphs (Oxigraph server
    ``--union-default-graph``, Fuseki ``tdb2:unionDefaultGraph true``)."""

    def __init__(self, url: str, *, timeout: float = 60.0, headers: dict | None = None) -> None:
        self.url = url
        self.timeout = timeout
        self.headers = headers or {}

    def write(self, results: list[ArticleResult]) -> dict:
        import urllib.error
        import urllib.parse
        import urllib.request

        from kg.errors import KgError
        from kg.store.store import graph_iri

        sep = "&" if "?" in self.url else "?"
        for r in results:
            target = f"{self.url}{sep}graph={urllib.parse.quote(str(graph_iri(r.key)), safe='')}"
            req = urllib.request.Request(target, data=r.nt, method="PUT",
                                         headers={"Content-Type": "application/n-triples", **self.headers})
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                    resp.read()
            except urllib.error.HTTPError as exc:
                raise KgError(f"{self.url}: the graph store refused article {r.key!r}: HTTP {exc.code} {exc.reason}") from None
            except (urllib.error.URLError, OSError) as exc:
                raise KgError(f"{self.url}: cannot reach the graph store: {getattr(exc, 'reason', exc)}") from None
        return {"added": len(results), "loaded": sum(r.triples for r in results)}


# ------------------------------------------------------------------------------ the build


def build_corpus(
    articles: Iterable[Article],
    sinks: list,
    config: EngineConfig,
    *,
    processes: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    resume: Callable[[str], str | None] | None = None,
    progress: Any = None,
    batch_triples: int = 200_000,
    min_triples: int = 50_000,
    stats: BuildStats | None = None,
) -> BuildStats:
    """Build ``articles`` into ``sinks`` (see :class:`BatchWriter`); returns the :class:`BuildStats`.

    ``resume(key)`` gives the input hash the store records for an article id (or ``None``):
    articles whose hash matches are skipped before extraction. ``progress`` is a tqdm-like
    object (``update(n)``, ``set_postfix_str(s)``) or ``None``. ``engine="dask"`` runs the
    extraction on a Dask cluster (:mod:`kg.engine_dask`; ``scheduler`` is its address, or
    ``None`` for a local cluster of ``processes`` workers).
    """
    stats = stats or BuildStats()
    t_start = time.perf_counter()
    ready: dict = {"t": None, "cpu": time.process_time()}

    def on_ready() -> None:
        ready["t"] = time.perf_counter()
        ready["cpu"] = time.process_time()

    def todo() -> Iterator[Article]:
        for art in articles:
            if resume is not None:
                h = input_hash(art, config.model, config.min_confidence)
                if resume(art.id) == h:
                    stats.resumed += 1
                    if progress is not None:
                        progress.update(1)
                    continue
            yield art

    chunks = iter_chunks(todo(), config.chunk_size)
    if engine == "dask":
        from kg.pipeline.dask_engine import dask_results

        results = dask_results(chunks, config, scheduler=scheduler, processes=processes, on_ready=on_ready)
    else:
        results = local_results(chunks, config, processes, on_ready=on_ready)
    writer = BatchWriter(sinks, stats, batch_triples=batch_triples, min_triples=min_triples)
    ok = False
    try:
        for chunk_results in results:
            for res in chunk_results:
                stats.articles += 1
                stats.words += res.words
                stats.triples += res.triples
                writer.put(res)
            if progress is not None:
                progress.update(len(chunk_results))
                elapsed = time.perf_counter() - (ready["t"] or t_start)
                if elapsed > 0:
                    progress.set_postfix_str(f"{stats.words / elapsed:,.0f} words/s", refresh=False)
        writer.close()
        ok = True
    finally:
        if not ok:
            writer.abort()
        with contextlib.suppress(Exception):
            results.close()  # type: ignore[union-attr]
    t_ready = ready["t"] or t_start
    stats.startup_seconds = t_ready - t_start
    stats.seconds = time.perf_counter() - t_ready
    stats.cpu_seconds = time.process_time() - ready["cpu"]
    return stats


def count_inputs(paths: list[str]) -> int | None:
    """A quick estimate of the number of articles in ``paths`` (for the progress bar's ETA):
    files, plus the non-empty lines of JSONL files. ``None`` for standard input."""
    from pathlib import Path

    from kg.inputs.reader import ARTICLE_SUFFIXES

    total = 0
    for p in paths:
        if p == "-":
            return None
        path = Path(p)
        files = [path] if path.is_file() else sorted(
            f for f in path.rglob("*") if f.suffix.lower() in ARTICLE_SUFFIXES and f.is_file()
            and not any(part.startswith(".") for part in f.relative_to(path).parts)
        ) if path.is_dir() else []
        for f in files:
            if f.suffix.lower() == ".jsonl":
                with open(f, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            else:
                total += 1
    return total


def env_processes(value: int | None) -> int:
    """``--processes`` (0 or None: every core)."""
    if not value:
        return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
    return max(1, value)
