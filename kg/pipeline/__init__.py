"""Pipeline: articles → spaCy → extraction → triples, in memory or streamed to stores and files.

==================  ==================================================================
module              what it does
==================  ==================================================================
``config``          :class:`BuildConfig`: the one typed configuration of a build
``chunks``          chunks of articles through spaCy (memory zones, worker processes)
``executors``       where chunks run, by name: ``local`` (processes), ``dask``
``results``         per-article N-Triples results, build statistics, input hashes
``writer``          the batch writer thread of corpus builds
``sinks``           where corpus builds write: the store, N-Quads files, a Graph Store
``build``           :func:`build_graph` (in memory), :func:`build_corpus` (streamed)
``run``             :func:`run_build`: ``kg build`` as one function
==================  ==================================================================
"""

from kg.pipeline.build import build_corpus, build_graph, extract_articles
from kg.pipeline.config import BuildConfig
from kg.pipeline.run import BuildResult, BuildTargets, run_build

__all__ = ["BuildConfig", "BuildResult", "BuildTargets", "build_corpus", "build_graph", "extract_articles", "run_build"]
