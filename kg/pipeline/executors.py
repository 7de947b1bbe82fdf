"""Executors: where chunks of articles are parsed, found by name (``BuildConfig.engine``).

An executor is a function ``(chunks, config, mode, *, on_ready) -> iterator of lists``: it runs
:func:`kg.pipeline.chunks.process_chunk` on each chunk and yields each chunk's results in input
order, with a bounded number of chunks in flight (memory does not depend on the corpus size),
and calls ``on_ready()`` once the pipeline is loaded everywhere (the build's clock starts then).
Nothing is loaded or started when there is no chunk at all (a fully resumed build).

========  ==========================================================================
name      runs on
========  ==========================================================================
local     this process (``processes=1``; corpus builds extract in a second process alongside,
          :mod:`kg.pipeline.handoff`) or a pool of worker processes (:func:`local_results`)
dask      a Dask cluster (:mod:`kg.pipeline.dask_executor`; optional ``dask[distributed]``)
========  ==========================================================================

The registry maps names to ``"module:function"`` and imports an executor only when it is used,
so Dask is needed only by who asks for it.

>>> get_executor("local").__name__
'local_results'
"""

from __future__ import annotations

import collections
import importlib
import itertools
from collections.abc import Callable, Iterable, Iterator

from kg.errors import InputError
from kg.pipeline.chunks import Mode, check_model, init_worker, process_chunk, worker_chunk
from kg.pipeline.config import BuildConfig
from kg.records import Article

__all__ = ["EXECUTORS", "Executor", "get_executor", "local_results"]

Executor = Callable[..., Iterator[list]]

#: Executor name → ``"module:function"``.
EXECUTORS: dict[str, str] = {
    "local": "kg.pipeline.executors:local_results",
    "dask": "kg.pipeline.dask_executor:dask_results",
}


def get_executor(name: str) -> Executor:
    """The executor called ``name``."""
    try:
        module, _, func = EXECUTORS[name].partition(":")
    except KeyError:
        raise InputError(f"unknown engine {name!r}: {', '.join(EXECUTORS)}") from None
    return getattr(importlib.import_module(module), func)


def _handoff(config: BuildConfig, mode: Mode) -> bool:
    """One process: extraction in a second process (:mod:`kg.pipeline.handoff`)? Corpus builds only
    (N-Triples travel back cheaply; in-memory builds keep their records here)."""
    return mode == "ntriples" and config.extraction_process


def local_results(
    chunks: Iterable[list[Article]],
    config: BuildConfig,
    mode: Mode = "records",
    *,
    on_ready: Callable[[], None] | None = None,
) -> Iterator[list]:
    """Process ``chunks`` in this process (``config.processes == 1``; with ``mode="ntriples"`` and
    ``config.extraction_process``, spaCy here and the extraction in a second process:
    :func:`kg.pipeline.handoff.handoff_results`) or in a pool of
    ``config.processes`` worker processes (``spawn``, each loading the pipeline once), with at
    most ``2 × processes`` chunks in flight."""
    it = iter(chunks)
    first = next(it, None)
    if first is None:
        return
    chunks = itertools.chain([first], it)
    processes = config.processes
    if processes <= 1 and _handoff(config, mode):
        from kg.pipeline.handoff import handoff_results

        yield from handoff_results(chunks, config, on_ready)
        return
    if processes <= 1:
        from kg.nlp.pipeline import load_pipeline

        load_pipeline(config.model)
        if on_ready:
            on_ready()
        for chunk in chunks:
            yield process_chunk(chunk, config, mode)
        return

    import multiprocessing as mp

    check_model(config.model)
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(processes + 1)
    pool = ctx.Pool(processes, initializer=init_worker, initargs=(config, mode, barrier))
    try:
        barrier.wait(timeout=900)  # every worker has loaded the pipeline
        if on_ready:
            on_ready()
        pending: collections.deque = collections.deque()
        exhausted = False
        while True:
            while not exhausted and len(pending) < 2 * processes:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                pending.append(pool.apply_async(worker_chunk, (chunk,)))
            if not pending:
                break
            yield pending.popleft().get()
    finally:
        pool.terminate()  # every result is in (or the build stopped): the workers are not waited for
