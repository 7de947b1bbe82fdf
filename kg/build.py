"""Build: articles → spaCy → extraction records → RDF graph.

>>> from kg.build import build_graph, BuildConfig          # doctest: +SKIP
>>> g = build_graph([Article("a1", "Le sommet du G7 s'ouvre à Rome.", "2024-06-13")])  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from rdflib import Graph

from .extract import extract
from .mapping import add_extraction, new_graph
from .nlp import DEFAULT_MODEL, load_pipeline
from .records import Article, Extraction

__all__ = ["BuildConfig", "extract_articles", "build_graph"]


@dataclass(frozen=True)
class BuildConfig:
    """Everything a build can be told; the CLI only fills it in."""

    model: str = DEFAULT_MODEL  #: "md", "sm" or a spaCy package name
    min_confidence: float = 0.0  #: relations below this confidence are left out
    batch_size: int = 16  #: articles per ``nlp.pipe`` batch


def extract_articles(articles: Iterable[Article], config: BuildConfig = BuildConfig()) -> Iterator[Extraction]:
    """Parse the articles with spaCy in batches and extract each one, in input order."""
    nlp = load_pipeline(config.model)
    stream = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=config.batch_size):
        yield extract(doc, article)


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
