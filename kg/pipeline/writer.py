"""The writer of corpus builds: batches of article results handed to the sinks on a thread, so
that writing overlaps parsing."""

from __future__ import annotations

import contextlib
import queue
import threading
import time

from kg.pipeline.results import ArticleResult, BuildStats

__all__ = ["BatchWriter"]


class BatchWriter:
    """Hands batches of :class:`ArticleResult` to ``sinks`` on a background thread.

    A sink has ``write(results: list[ArticleResult]) -> dict`` returning counts
    (``added``/``replaced``/``unchanged``) and ``loaded`` (triples written); the first sink's
    counts are the build's. Errors in the thread are raised by the next :meth:`put` or by
    :meth:`close`. The queue holds at most ``depth`` batches, so a slow sink slows the build
    down rather than filling memory.

    A batch is handed over when it reaches ``batch_triples`` triples, or as soon as it has
    ``min_triples`` and the writer has nothing to do: while extraction is the bottleneck the
    batches stay small, so the last one — which the build waits for, with nothing left to
    overlap it — is small too; when the sink is the bottleneck they grow to ``batch_triples``.
    """

    def __init__(self, sinks: list, stats: BuildStats, *, batch_triples: int = 200_000, min_triples: int = 50_000,
                 depth: int = 2) -> None:
        self.sinks = sinks
        self.stats = stats
        self.batch_triples = batch_triples
        self.min_triples = min(min_triples, batch_triples)
        self._busy = False
        self._batch: list[ArticleResult] = []
        self._size = 0
        self._queue: queue.Queue = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="kg-store-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            batch = self._queue.get()
            if batch is None:
                return
            if self._error is not None:
                continue
            self._busy = True
            try:
                t0 = time.perf_counter()
                first = True
                for sink in self.sinks:
                    counts = sink.write(batch)
                    if first:
                        for k in ("added", "replaced", "unchanged"):
                            setattr(self.stats, k, getattr(self.stats, k) + counts.get(k, 0))
                        self.stats.loaded_triples += counts.get("loaded", 0)
                        first = False
                self.stats.load_seconds += time.perf_counter() - t0
            except BaseException as exc:  # noqa: BLE001 - re-raised in the main thread
                self._error = exc
            finally:
                self._busy = False

    def _check(self) -> None:
        if self._error is not None:
            err, self._error = self._error, None
            raise err

    def put(self, result: ArticleResult) -> None:
        self._check()
        self._batch.append(result)
        self._size += result.triples
        if self._size >= self.batch_triples or (self._size >= self.min_triples and self._idle()):
            self.flush()

    def _idle(self) -> bool:
        """Nothing queued and nothing being written."""
        return not self._busy and self._queue.empty()

    def flush(self) -> None:
        if self._batch:
            self._queue.put(self._batch)
            self._batch, self._size = [], 0
        self._check()

    def close(self) -> None:
        """Write what is left and wait for the thread."""
        try:
            self.flush()
        finally:
            self._queue.put(None)
            self._thread.join()
        self._check()

    def abort(self) -> None:
        """Stop without writing the pending batch (after an error or an interrupt); waits for the
        batch being written, which the store keeps consistent."""
        self._batch = []
        with contextlib.suppress(queue.Empty):
            while True:
                self._queue.get_nowait()
        self._queue.put(None)
        self._thread.join()
