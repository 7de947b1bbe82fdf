"""Chunks of articles through spaCy: the unit of work of every executor.

A chunk (``chunk_size`` articles) is parsed with ``nlp.pipe`` inside a spaCy *memory zone* (the
strings it adds to the vocabulary are freed after it, so memory stays flat over any corpus),
extracted (with :func:`date_warnings`), and returned in input order as :class:`~kg.records.Extraction` records
(``mode="records"``: in-memory builds) or as :class:`~kg.pipeline.results.ArticleResult`
(``mode="ntriples"``: corpus builds, the article's triples already written as N-Triples, which
is what travels back from a worker process cheaply). :func:`process_chunk` runs wherever the
pipeline lives: this process, a worker process (:func:`init_worker`, :func:`worker_chunk`), a
Dask worker.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Literal

from kg.pipeline.config import BuildConfig
from kg.records import Article

__all__ = ["Mode", "iter_chunks", "process_chunk", "date_warnings", "init_worker", "worker_chunk", "check_model"]

#: What a chunk gives back: Extraction records, or ArticleResult (N-Triples) records.
Mode = Literal["records", "ntriples"]

_PIPE_LOCK = threading.Lock()  # a pipeline (and its memory zones) serves one thread at a time


def iter_chunks(items: Iterable, size: int) -> Iterator[list]:
    """``items`` in lists of ``size`` (the last one shorter), read lazily."""
    chunk: list = []
    for it in items:
        chunk.append(it)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def process_chunk(articles: list[Article], config: BuildConfig, mode: Mode = "records") -> list:
    """Parse and extract a chunk of articles in one spaCy memory zone; in input order.

    Dask workers call it too; they load the pipeline once (:func:`kg.nlp.pipeline.load_pipeline`
    is cached per process).
    """
    from kg.extract.extractor import extract
    from kg.nlp.pipeline import load_pipeline, text_for_model
    from kg.pipeline.results import article_result

    nlp = load_pipeline(config.model)
    out: list = []
    clock = time.perf_counter
    with _PIPE_LOCK, _memory_zone(nlp):
        docs = nlp.pipe(((text_for_model(nlp, a.text), a) for a in articles), as_tuples=True, batch_size=config.batch_size)
        t0 = clock()
        for doc, art in docs:  # waiting for the next doc: spaCy's time (a batch's goes to its first doc)
            t1 = clock()
            ex = extract(doc, art)
            notes = date_warnings(art)
            if notes:
                ex = replace(ex, warnings=ex.warnings + notes)
            t2 = clock()
            out.append(ex if mode == "records" else article_result(ex, config, seconds=(t1 - t0, t2 - t1)))
            t0 = clock()
    return out


def date_warnings(article: Article) -> tuple[str, ...]:
    """The warning for an article whose relative dates cannot be resolved (no publication date,
    or one without the day): one line naming it, its first such expressions and how to give a
    date; ``()`` when there is none."""
    from kg.extract.dates import unresolved_dates

    found = unresolved_dates(article.text, article.published)
    if not found:
        return ()
    where = f"{article.source} (article {article.id})" if article.source and article.source != article.id else article.id
    shown = ", ".join(f"« {' '.join(t.split())} »" for t in found[:3]) + (f" and {len(found) - 3} more" if len(found) > 3 else "")
    why = (f"its publication date {article.published} does not give the day" if article.published
           else "it has no publication date")
    return (f"{where}: relative dates ({shown}) could not be resolved: {why}; give one with --published YYYY-MM-DD, "
            "or in its metadata (a JSONL \"published\" field, \"published:\" in Markdown front matter, a web page's date)",)


def _memory_zone(nlp):
    zone = getattr(nlp, "memory_zone", None)  # spaCy ≥ 3.8
    return zone() if zone is not None else contextlib.nullcontext()


# ------------------------------------------------------------------------------ worker processes

_WORKER: tuple[BuildConfig, Mode] | None = None
_WORKER_ERROR: BaseException | None = None


def init_worker(config: BuildConfig, mode: Mode, barrier) -> None:
    """Worker process start: load the pipeline once, then tell the parent it is ready. A
    failure is kept and raised by the worker's first task, so the parent reports it."""
    import signal

    global _WORKER, _WORKER_ERROR
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _WORKER = (config, mode)
    try:
        from kg.nlp.pipeline import load_pipeline
        from kg.pipeline.config import fewer_collections, settle_after_loading

        fewer_collections()
        load_pipeline(config.model)
        settle_after_loading()
    except BaseException as exc:  # noqa: BLE001
        _WORKER_ERROR = exc
    finally:
        if barrier is not None:
            with contextlib.suppress(Exception):
                barrier.wait(timeout=900)


def worker_chunk(chunk: list[Article]) -> list:
    """A task of a worker process: :func:`process_chunk` with the worker's configuration."""
    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    assert _WORKER is not None
    return process_chunk(chunk, *_WORKER)


def check_model(model: str) -> None:
    """Fail at once, in this process, when the spaCy model is not installed (before workers start)."""
    import importlib.util

    from kg.errors import KgError
    from kg.nlp.pipeline import MODELS

    name = MODELS.get(model, model)
    if importlib.util.find_spec(name) is None:
        raise KgError(f"spaCy model {name!r} is not installed; install it with "
                      f"`pip install {name.replace('_', '-')}==3.8.0` (or choose another with --model)")
