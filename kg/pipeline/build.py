"""Builds: articles → spaCy → extraction records → RDF, in memory or streamed to sinks.

* :func:`extract_articles`: the extraction records of articles, in input order;
* :func:`build_graph`: their knowledge graph in memory (rdflib, :mod:`kg.rdf.mapping`);
* :func:`build_corpus`: corpus-scale builds streamed into sinks (the Oxigraph store, N-Quads
  files, a SPARQL Graph Store), resumable, memory flat whatever the corpus size.

    articles ─► [resume: skip what the store has] ─► chunks ─► executor: nlp.pipe + extract + N-Triples
             ─► BatchWriter (a thread) ─► sinks

  (one process: spaCy here, extract + N-Triples in a second process, :mod:`kg.pipeline.handoff`)

* **Streaming.** Articles are read lazily and sent to the executor in chunks of
  ``config.articles_per_chunk`` (:mod:`kg.pipeline.chunks`: 64 with one process, 16 per task
  sent to a worker process), a bounded number in flight; results come
  back in input order, so the output is the same whatever the number of processes.
* **Resume.** The store records, for every article, a hash of its input (id, text, published,
  url, title, model, min confidence, kg version: :func:`kg.pipeline.results.input_hash`). A
  restarted build skips the articles whose input hash is already recorded, before spaCy sees them.
* **Writes.** Results are grouped into batches of about ``config.batch_triples`` triples and
  handed to a writer thread (:class:`kg.pipeline.writer.BatchWriter`), so loading overlaps parsing.

>>> from kg.pipeline.build import build_graph, BuildConfig          # doctest: +SKIP
>>> g = build_graph([Article("a1", "Le sommet du G7 s'ouvre à Rome.", "2024-06-13")])  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import gc
import sys
import time
from collections.abc import Callable, Iterable, Iterator

from rdflib import Graph

from kg.pipeline.chunks import iter_chunks
from kg.pipeline.config import BuildConfig, fewer_collections
from kg.pipeline.executors import get_executor
from kg.pipeline.results import BuildStats, input_hash
from kg.pipeline.writer import BatchWriter
from kg.rdf.mapping import add_extraction, new_graph
from kg.records import Article, Extraction

__all__ = ["BuildConfig", "extract_articles", "build_graph", "build_corpus"]


_SWITCH_INTERVAL = 0.05  #: seconds between GIL switches while a corpus build runs (Python's default: 0.005)


def extract_articles(articles: Iterable[Article], config: BuildConfig = BuildConfig()) -> Iterator[Extraction]:
    """Parse the articles with spaCy in batches and extract each one, in input order.

    Articles are streamed in chunks of ``config.articles_per_chunk``, each parsed inside a spaCy memory
    zone, so memory does not grow with the number of articles; with ``config.processes > 1``
    the chunks go to worker processes and come back in order.
    """
    run = get_executor(config.engine)
    for chunk in run(iter_chunks(articles, config.articles_per_chunk), config, "records"):
        yield from chunk


def build_graph(
    articles: Iterable[Article],
    config: BuildConfig = BuildConfig(),
    *,
    on_article: Callable[[Extraction], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> Graph:
    """The knowledge graph of ``articles`` (one IRI per entity across all of them, reconciled).

    ``on_warning`` gets the warnings about each article (:attr:`Extraction.warnings`, e.g.
    relative dates without a publication date), as its extraction comes back.
    """
    g = new_graph()
    for ex in extract_articles(articles, config):
        add_extraction(g, ex, min_confidence=config.min_confidence)
        if on_warning is not None:
            for w in ex.warnings:
                on_warning(w)
        if on_article is not None:
            on_article(ex)
    return g


def build_corpus(
    articles: Iterable[Article],
    sinks: list,
    config: BuildConfig = BuildConfig(),
    *,
    resume: Callable[[str], str | None] | None = None,
    on_progress: Callable[[int, BuildStats], None] | None = None,
    stats: BuildStats | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> BuildStats:
    """Build ``articles`` into ``sinks`` (:mod:`kg.pipeline.sinks`); returns the :class:`BuildStats`.

    ``resume(key)`` gives the input hash the store records for an article id (or ``None``):
    articles whose hash matches are skipped before extraction. ``on_progress(n, stats)`` is
    called after every ``n`` articles done (extracted or skipped). ``stats`` (optional) is
    filled in as the build goes, so that a caller still has the counts after an interruption.
    ``on_warning`` gets the warnings about each article extracted (they come back from the
    workers with its triples: :attr:`ArticleResult.warnings`).
    """
    stats = stats if stats is not None else BuildStats()
    t_start = time.perf_counter()
    ready: dict = {"t": None, "cpu": time.process_time()}

    def on_ready() -> None:
        ready["t"] = time.perf_counter()
        ready["cpu"] = time.process_time()

    def todo() -> Iterator[Article]:
        for art in articles:
            if resume is not None and resume(art.id) == input_hash(art, config.model, config.min_confidence):
                stats.resumed += 1
                if on_progress is not None:
                    on_progress(1, stats)
                continue
            yield art

    run = get_executor(config.engine)
    results = run(iter_chunks(todo(), config.articles_per_chunk), config, "ntriples", on_ready=on_ready)
    writer = BatchWriter(sinks, stats, batch_triples=config.batch_triples, min_triples=config.min_triples)
    ok = False
    # spaCy holds the GIL in long stretches; the writer's and the hand-over's threads need it only now
    # and then: switching every 50 ms instead of 5 lets spaCy run (measured: -j1 --out 15.2 s against
    # 15.7 s on 252 articles, four runs each, alternated)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(max(interval, _SWITCH_INTERVAL))
    thresholds = fewer_collections()  # restored after: a library call leaves the caller's settings
    try:
        for chunk_results in results:
            for res in chunk_results:
                stats.articles += 1
                stats.words += res.words
                stats.triples += res.triples
                parse, extract, mapping = res.seconds
                stats.parse_seconds += parse
                stats.extract_seconds += extract
                stats.map_seconds += mapping
                stats.handoff_seconds += res.handoff
                if on_warning is not None:
                    for w in res.warnings:
                        on_warning(w)
                writer.put(res)
                if on_progress is not None:
                    stats.seconds = time.perf_counter() - (ready["t"] or t_start)
                    on_progress(1, stats)
        t_last = time.perf_counter()
        writer.close()
        stats.finish_seconds = time.perf_counter() - t_last
        ok = True
    finally:
        sys.setswitchinterval(interval)
        gc.set_threshold(*thresholds)
        if not ok:
            writer.abort()
        with contextlib.suppress(Exception):
            results.close()  # type: ignore[union-attr]
    t_ready = ready["t"] or t_start
    stats.startup_seconds = t_ready - t_start
    stats.seconds = time.perf_counter() - t_ready
    stats.cpu_seconds = time.process_time() - ready["cpu"]
    return stats
