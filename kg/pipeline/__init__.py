"""Pipeline: articles → spaCy → extraction → triples, in memory or streamed to stores and files."""

from kg.pipeline.build import BuildConfig, build_graph, extract_articles

__all__ = ["BuildConfig", "build_graph", "extract_articles"]
