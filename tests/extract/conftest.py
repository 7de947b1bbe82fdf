"""Shared by the extraction tests: the md pipeline, loaded once for the session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp.pipeline import load_pipeline

    return load_pipeline("md")
