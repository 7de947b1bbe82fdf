"""``kg build --engine dask``: extraction on a Dask cluster (``dask.distributed``).

The client (the machine running ``kg build``) reads the articles, skips those the store already
has, and submits them in partitions of ``task_size`` articles, keeping at most two partitions
per worker in flight (memory stays flat on both sides). Each worker loads the spaCy pipeline once
(:func:`kg.nlp.pipeline.load_pipeline` is cached per process; it is loaded on every worker before the
first partition) and runs :func:`kg.pipeline.chunks.process_chunk` on its partitions: ``nlp.pipe`` in a
memory zone, extraction, and the articles' N-Triples. The partitions' results come back in input
order and the client writes them like a local build — bulk-loaded into the Oxigraph store, PUT to
a SPARQL Graph Store endpoint, written as N-Quads files — so the result is the same graph as a
single-process build of the same corpus.

Without ``--scheduler`` a ``LocalCluster`` of ``--processes`` worker processes (one thread each)
is started and stopped with the build. With ``--scheduler tcp://HOST:8786`` the build uses a
running cluster: every worker needs the same kg version and spaCy model installed (the client
checks the kg version), and one thread per worker process (``dask worker --nthreads 1
--nworkers N``; a pipeline serves one thread at a time).
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import logging
from collections.abc import Callable, Iterable, Iterator

from kg.pipeline.chunks import Mode, process_chunk
from kg.pipeline.config import BuildConfig
from kg.errors import KgError

__all__ = ["dask_results"]


def _warm(model: str) -> tuple[str, str]:
    """Runs on a worker: load the pipeline once; report the kg version and the pipeline name."""
    from kg import __version__
    from kg.nlp.pipeline import load_pipeline

    nlp = load_pipeline(model)
    return __version__, f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"


def dask_results(
    chunks: Iterable[list],
    config: BuildConfig,
    mode: Mode = "records",
    *,
    on_ready: Callable[[], None] | None = None,
    connect_timeout: float = 30.0,
) -> Iterator[list]:
    """Like :func:`kg.pipeline.executors.local_results`, on a Dask cluster (``config.scheduler``, or a
    local cluster of ``config.processes`` workers): each chunk's results in input order."""
    scheduler, processes = config.scheduler, config.processes
    try:
        from distributed import Client, LocalCluster, wait
    except ImportError:
        raise KgError("--engine dask needs dask.distributed: pip install -e '.[dask]' (or pip install 'dask[distributed]')") from None
    from kg import __version__

    it = iter(chunks)
    first = next(it, None)
    if first is None:  # nothing to extract (everything resumed): no cluster needed
        return
    it = itertools.chain([first], it)
    with contextlib.ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(scheduler, timeout=connect_timeout))
            except (OSError, TimeoutError) as exc:
                raise KgError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        else:
            cluster = stack.enter_context(LocalCluster(
                n_workers=max(1, processes), threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR,
            ))
            client = stack.enter_context(Client(cluster))
        workers = list(client.scheduler_info()["workers"])
        if not workers:
            client.wait_for_workers(1, timeout=connect_timeout)
            workers = list(client.scheduler_info()["workers"])
        # every worker loads the pipeline before the first partition (and says which kg it runs)
        warm = [client.submit(_warm, config.model, workers=[w], allow_other_workers=False, pure=False, key=f"kg-warm-{i}")
                for i, w in enumerate(workers)]
        wait(warm)
        for fut in warm:
            if fut.status == "error":
                raise KgError(f"a Dask worker could not load the spaCy pipeline: {fut.exception()}")
            version, _pipeline = fut.result()
            if version != __version__:
                raise KgError(f"a Dask worker runs kg {version}, this client kg {__version__}: install the same version everywhere")
        if on_ready:
            on_ready()
        in_flight = max(2, 2 * len(workers))
        pending: collections.deque = collections.deque()
        exhausted = False
        try:
            while True:
                while not exhausted and len(pending) < in_flight:
                    chunk = next(it, None)
                    if chunk is None:
                        exhausted = True
                        break
                    pending.append(client.submit(process_chunk, chunk, config, mode, pure=False))
                if not pending:
                    break
                fut = pending.popleft()
                try:
                    yield fut.result()
                finally:
                    fut.release()
        finally:
            for fut in pending:
                fut.cancel()
