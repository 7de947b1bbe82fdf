"""Shared fixtures: the example article, its gold file, and its extraction built once per session.

Loading ``fr_core_news_md`` takes about ten seconds; :func:`kg.nlp.load_pipeline` caches it, so the
session fixtures below pay for it once and every later model-backed test (including in-process
``kg.cli.app`` calls) reuses the same pipeline.
"""

from __future__ import annotations

import pytest
from _paths import CORPUS, EXAMPLE, EXAMPLE_PUBLISHED, GOLD, ROOT  # noqa: F401

from kg.records import Article


@pytest.fixture(scope="session")
def example_text() -> str:
    from kg.inputs.reader import clean_text

    return clean_text(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def example_article(example_text) -> Article:
    return Article("ai_safety_summit_fr", example_text, EXAMPLE_PUBLISHED, source=str(EXAMPLE))


@pytest.fixture(scope="session")
def gold() -> dict:
    from kg.evaluation.scoring import load_gold

    return load_gold(GOLD)


@pytest.fixture(scope="session")
def example_extraction(example_article):
    """The example article extracted once with the md pipeline (loads and caches the model)."""
    from kg.pipeline.build import BuildConfig, extract_articles

    (ex,) = list(extract_articles([example_article], BuildConfig(model="md")))
    return ex


@pytest.fixture(scope="session")
def example_graph(example_extraction):
    """The example article's graph (min confidence 0). Do not mutate it."""
    from kg.rdf.mapping import add_extraction, new_graph

    return add_extraction(new_graph(), example_extraction)
