"""BuildConfig: how many articles go in a chunk, and the sizes it refuses."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.pipeline.config import BuildConfig


def test_workers_get_small_tasks_and_one_process_keeps_large_memory_zones():
    assert BuildConfig().articles_per_chunk == 64  # spaCy here: one memory zone per 64 articles
    assert BuildConfig(processes=2).articles_per_chunk == 16  # tasks for worker processes
    assert BuildConfig(engine="dask").articles_per_chunk == 16
    assert BuildConfig(processes=2, chunk_size=8).articles_per_chunk == 8  # never more than a memory zone
    assert BuildConfig(processes=2, task_size=40).articles_per_chunk == 40


@pytest.mark.parametrize("field", ["batch_size", "chunk_size", "task_size", "batch_triples", "min_triples"])
def test_sizes_below_one_are_refused(field):
    with pytest.raises(InputError, match="1 or more"):
        BuildConfig(**{field: 0})
