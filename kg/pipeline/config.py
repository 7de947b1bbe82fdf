"""The one typed configuration of a build: what to extract with, how to run, how to write.

The CLI fills it in from its options; library users give the fields they need. It is picklable
(numbers and strings): it travels to worker processes and Dask workers.

>>> BuildConfig(processes=2).processes
2
>>> BuildConfig(scheduler="tcp://h:8786")
Traceback (most recent call last):
...
kg.errors.InputError: --scheduler goes with --engine dask
"""

from __future__ import annotations

import contextlib
import gc
import os
from dataclasses import dataclass

from kg.errors import InputError

__all__ = ["BuildConfig", "available_cores"]


def available_cores() -> int:
    """The cores this process may run on."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


@dataclass(frozen=True)
class BuildConfig:
    """Everything a build can be told about how to run (where it writes: :class:`kg.pipeline.run.BuildTargets`)."""

    model: str = "md"  #: "md" (:data:`kg.nlp.pipeline.DEFAULT_MODEL`), "sm" or a spaCy package name
    min_confidence: float = 0.0  #: relations below this confidence are left out
    #: articles per ``nlp.pipe`` batch: spaCy hands its docs over a batch at a time, so the last
    #: batch's extraction is what a build waits for once spaCy is done; 16 costs spaCy no speed here
    batch_size: int = 16
    chunk_size: int = 64  #: articles per spaCy memory zone (with one process)
    #: articles per task sent to a worker process (``processes`` > 1, or Dask): small, so that the
    #: results stream in while the workers run and the last tasks end close together
    task_size: int = 16
    processes: int = 1  #: worker processes running spaCy (1: this process; 0: one per core)
    #: with one process, corpus builds extract in a second process while spaCy parses (:mod:`kg.pipeline.handoff`)
    extraction_process: bool = True
    engine: str = "local"  #: the executor: "local" (this machine) or "dask" (:mod:`kg.pipeline.executors`)
    scheduler: str | None = None  #: the Dask scheduler's address (None: a local cluster of ``processes`` workers)
    batch_triples: int = 200_000  #: store writes: a batch is written once it has this many triples...
    min_triples: int = 50_000  #: ... or this many when the writer is idle (:class:`kg.pipeline.writer.BatchWriter`)

    @property
    def articles_per_chunk(self) -> int:
        """Articles per chunk: ``chunk_size`` when this process runs spaCy, else ``task_size``."""
        return self.chunk_size if self.processes <= 1 and self.engine == "local" else min(self.chunk_size, self.task_size)

    def __post_init__(self) -> None:
        if self.processes < 0:
            raise InputError("--processes must be 0 (one per core) or more")
        if self.processes == 0:
            object.__setattr__(self, "processes", available_cores())
        if not 0.0 <= self.min_confidence <= 1.0:
            raise InputError("--min-confidence must be between 0 and 1")
        if self.scheduler and self.engine != "dask":
            raise InputError("--scheduler goes with --engine dask")
        if min(self.batch_size, self.chunk_size, self.task_size, self.batch_triples, self.min_triples) < 1:
            raise InputError("batch and chunk sizes must be 1 or more")


def lower_priority() -> None:
    """Lower this process's scheduling priority (``KG_HELPER_NICE``, default 5): the helper
    processes of a build (the extraction process, the one writing ``--out``) run below spaCy's, so
    that on a machine with as many cores as busy processes the scheduler leaves spaCy its core."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.nice(int(os.environ.get("KG_HELPER_NICE", "5")))


#: Python's cyclic garbage collector during a build: a collection every 20,000 net allocations
#: instead of 700 (the default), the older generations after 10 of the younger as by default.
#: A build allocates millions of short-lived objects and holds big long-lived ones (the model, the
#: merged graph, the view's graph); with the default every few hundred articles cost a second of
#: collections in each helper process (measured on 250 synthetic articles: ~660 collections and
#: 0.7 s in the --out helper, ~250 and ~0.6 s in the extraction process, against ~25 and ~0.1 s).
GC_THRESHOLDS = (20_000, 10, 10)


def fewer_collections() -> tuple[int, int, int]:
    """Set :data:`GC_THRESHOLDS` (at most as often as they say) and return the previous thresholds."""
    old = gc.get_threshold()
    gc.set_threshold(*(max(a, b) for a, b in zip(GC_THRESHOLDS, old)))
    return old


def helper_process_start() -> None:
    """What every helper process of a build does first: a lower priority (:func:`lower_priority`)
    and fewer garbage collections (:func:`fewer_collections`)."""
    lower_priority()
    fewer_collections()


def settle_after_loading() -> None:
    """Once a helper process has loaded its pipeline: what is allocated by then lives as long as
    the process, and is left out of every later collection (``gc.freeze``)."""
    gc.collect()
    gc.freeze()
