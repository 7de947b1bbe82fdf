"""Build: articles → spaCy → extraction records → RDF graph.

>>> from kg.pipeline.build import build_graph, BuildConfig          # doctest: +SKIP
>>> g = build_graph([Article("a1", "Le sommet du G7 s'ouvre à Rome.", "2024-06-13")])  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from rdflib import Graph

from kg.rdf.mapping import add_extraction, new_graph
from kg.nlp.pipeline import DEFAULT_MODEL
from kg.records import Article, Extraction

__all__ = ["BuildConfig", "extract_articles", "build_graph"]


@dataclass(frozen=True)
class BuildConfig:
    """Everything a build can be told; the CLI only fills it in."""

    model: str = DEFAULT_MODEL  #: "md", "sm" or a spaCy package name
    min_confidence: float = 0.0  #: relations below this confidence are left out
    batch_size: int = 64  #: articles per ``nlp.pipe`` batch
    processes: int = 1  #: worker processes running spaCy (1: this process)
    chunk_size: int = 64  #: articles per spaCy memory zone (and per task sent to a worker)
    engine: str = "local"  #: "local" (this machine) or "dask" (:mod:`kg.engine_dask`)
    scheduler: str | None = None  #: the Dask scheduler's address (None: a local cluster of ``processes`` workers)

    def engine_config(self, mode: str = "records"):
        from kg.pipeline.engine import EngineConfig

        return EngineConfig(model=self.model, min_confidence=self.min_confidence, batch_size=self.batch_size,
                            chunk_size=self.chunk_size, mode=mode)


def extract_articles(articles: Iterable[Article], config: BuildConfig = BuildConfig()) -> Iterator[Extraction]:
    """Parse the articles with spaCy in batches and extract each one, in input order.

    Articles are streamed in chunks of ``config.chunk_size``, each parsed inside a spaCy memory
    zone, so memory does not grow with the number of articles; with ``config.processes > 1``
    the chunks go to worker processes (:func:`kg.engine.local_results`) and come back in order.
    """
    from kg.pipeline.engine import iter_chunks, local_results

    chunks = iter_chunks(articles, config.chunk_size)
    if config.engine == "dask":
        from kg.pipeline.dask_engine import dask_results

        results = dask_results(chunks, config.engine_config("records"), scheduler=config.scheduler, processes=config.processes)
    else:
        results = local_results(chunks, config.engine_config("records"), config.processes)
    for chunk in results:
        yield from chunk


def build_graph(
    articles: Iterable[Article],
    config: BuildConfig = BuildConfig(),
    *,
    on_article: Callable[[Extraction], None] | None = None,
) -> Graph:
    """The knowledge graph of ``articles`` (one IRI per entity across all of them)."""
    g = new_graph()
    for ex in extract_articles(articles, config):
        add_extraction(g, ex, min_confidence=config.min_confidence)
        if on_article is not None:
            on_article(ex)
    return g
