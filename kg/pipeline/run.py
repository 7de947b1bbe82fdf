"""``kg build`` as one function: read the inputs, build, write the outputs, return a typed result.

:func:`run_build` does everything ``kg build`` does except parsing options and printing: the CLI
(:mod:`kg.cli.app`) fills a :class:`~kg.pipeline.config.BuildConfig` and :class:`BuildTargets`,
calls it, and prints the :class:`BuildResult` it returns. Progress, skipped inputs and warnings
come through callbacks while it runs.

* Without ``store``/``nquads`` the articles stream (:func:`kg.pipeline.build.build_corpus`) to a
  helper process (:mod:`kg.pipeline.outputs`) that merges them in an in-memory Oxigraph store and
  writes ``OUT/graph.ttl`` (atomically), validates it and writes ``OUT/graph.html``.
* With ``store`` (a kg store folder, or the http(s) URL of a SPARQL Graph Store) and/or
  ``nquads`` the articles stream to them (:func:`kg.pipeline.build.build_corpus`), keeping no
  graph in memory; a store build resumes (articles whose input the store has are skipped) and,
  with ``out`` too, ``OUT/graph.ttl`` is the store's merged graph, written (and validated, and
  viewed) by the same helper process after the build.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from kg.errors import InputError
from kg.pipeline import build
from kg.pipeline.config import BuildConfig
from kg.pipeline.results import BuildStats
from kg.records import Article

__all__ = ["BuildTargets", "BuildProgress", "BuildResult", "run_build", "count_inputs"]


@dataclass(frozen=True)
class BuildTargets:
    """Where a build writes."""

    out: Path | None = None  #: folder for graph.ttl and graph.html (default ``out``, or none when streaming)
    store: str | None = None  #: a kg store folder, or the http(s) URL of a SPARQL Graph Store
    nquads: Path | None = None  #: folder for N-Quads files ``part-NNNNNN.nq``
    resume: bool = True  #: store builds: skip the articles whose input the store already has
    view: bool = True  #: write ``OUT/graph.html``
    validate: bool = True  #: check ``OUT/graph.ttl`` against the SHACL shapes (the report is in the result)
    shapes: Path | None = None  #: validate against these shapes (Turtle) instead of ``ontology/shapes.ttl``

    @property
    def streaming(self) -> bool:
        """The articles stream to a store or files; no graph is kept in memory."""
        return bool(self.store or self.nquads)

    @property
    def out_dir(self) -> Path | None:
        return self.out if self.out is not None else (None if self.streaming else Path("out"))


@dataclass(frozen=True)
class BuildProgress:
    """Where a running build is (given to ``on_progress``)."""

    done: int  #: articles done so far (extracted, or skipped because the store has them)
    total: int | None  #: an estimate of the articles to read (None: unknown, e.g. standard input)
    words_per_second: float | None = None  #: extraction throughput so far
    stats: BuildStats | None = None  #: the build's counts and timings so far


@dataclass
class BuildResult:
    """What a build did."""

    articles: int = 0  #: articles extracted in this run
    skipped: list = field(default_factory=list)  #: inputs that could not be read (:class:`kg.inputs.reader.Skipped`)
    seconds: float = 0.0  #: the whole build
    target: Path | None = None  #: ``OUT/graph.ttl``, if written
    written: list[str] = field(default_factory=list)  #: the files written (graph.ttl, graph.html)
    stats: BuildStats | None = None  #: counts and timings (None: nothing was read)
    recovered: list[str] = field(default_factory=list)  #: graphs an interrupted build had left half-written, removed
    interrupted: bool = False  #: stopped by Ctrl-C (store builds keep what was written)
    report: Any = None  #: the validation :class:`kg.validate.Report` of ``graph.ttl`` (None: not validated)
    summary: str = ""  #: entities per class, relations and triples of ``graph.ttl``
    output: Any = None  #: what the helper writing ``out`` reported (:class:`kg.pipeline.outputs.OutputReport`)
    _graph: Any = field(default=None, repr=False)

    @property
    def graph(self):
        """``graph.ttl`` as an rdflib graph (read on first use: slow for large graphs); None if not written."""
        if self._graph is None and self.target is not None and self.target.is_file():
            from kg.rdf.formats import load_graph

            self._graph = load_graph(self.target)
        return self._graph

    @property
    def read(self) -> int:
        """Articles read: extracted, or skipped because the store has them."""
        return self.articles + (self.stats.resumed if self.stats else 0)


def count_inputs(paths: Sequence[str]) -> int | None:
    """A quick estimate of the number of articles in ``paths`` (for a progress bar's ETA):
    files, plus the non-empty lines of JSONL files. ``None`` for standard input."""
    from kg.inputs.reader import ARTICLE_SUFFIXES

    total = 0
    for p in paths:
        if p == "-":
            return None
        path = Path(p)
        files = [path] if path.is_file() else sorted(
            f for f in path.rglob("*") if f.suffix.lower() in ARTICLE_SUFFIXES and f.is_file()
            and not any(part.startswith(".") for part in f.relative_to(path).parts)
        ) if path.is_dir() else []
        for f in files:
            if f.suffix.lower() == ".jsonl":
                with open(f, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            else:
                total += 1
    return total


def run_build(
    inputs: Sequence[str],
    config: BuildConfig = BuildConfig(),
    targets: BuildTargets = BuildTargets(),
    *,
    published: str | None = None,
    stdin: IO | None = None,
    on_skip: Callable[[Any], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
    on_progress: Callable[[BuildProgress], None] | None = None,
) -> BuildResult:
    """Build the articles of ``inputs`` (files, folders, ``-`` for ``stdin``) into ``targets``.

    Articles without a date get ``published``. Unreadable inputs are skipped (``on_skip``, and
    listed in the result), problems that do not stop an input go to ``on_warning`` (reading
    problems, and one line per article whose relative dates could not be resolved for want of a
    publication date). Nothing readable: a result with ``read == 0``, before spaCy is loaded. Raises :class:`InputError` for
    bad targets; Ctrl-C stops an in-memory build (nothing written) or a store build (what was
    written stays; ``interrupted`` is set).
    """
    from kg.inputs.reader import read_articles

    t0 = time.perf_counter()
    out = targets.out_dir
    if out is not None:
        check_out_dir(out)
    if targets.shapes is not None and targets.validate and out is not None:
        from kg.validate.shacl import _shapes_file

        _shapes_file(targets.shapes)  # a missing or broken shapes file: said before the build
    result = BuildResult()

    def skip(s) -> None:
        result.skipped.append(s)
        if on_skip is not None:
            on_skip(s)

    articles = read_articles(list(inputs), published=published, stdin=stdin, on_skip=skip, on_warning=on_warning)
    first = next(articles, None)  # nothing readable: say so before loading the spaCy model
    if first is not None:
        articles = itertools.chain([first], articles)
        total = count_inputs(inputs) if on_progress is not None else None
        if targets.streaming:
            _streaming(articles, config, targets, out, result, total, on_warning, on_progress)
        else:
            _to_out(articles, config, targets, out, result, total, on_warning, on_progress)
    result.seconds = time.perf_counter() - t0
    return result


def check_out_dir(out: Path) -> None:
    """Refuse at once, with one line naming it, an output folder that cannot be written — rather
    than after the build. Tries a temporary file in it (or in the nearest folder above it that
    exists, when it is to be created), so that read-only file systems are caught too; nothing
    is left behind."""
    import tempfile

    base = out
    while not base.exists() and base != base.parent:
        base = base.parent
    if not base.is_dir():
        if base == out:
            raise InputError(f"{out}: --out must be a folder, and this is a file")
        raise InputError(f"{out}: cannot create this folder: {base} is a file")
    try:
        with tempfile.TemporaryFile(dir=base):
            pass
    except OSError as exc:
        where = "in this folder" if base == out else f"this folder (in {base})"
        raise InputError(f"{out}: cannot write {where}: {exc.strerror or exc}") from None


def _progress(total: int | None, on_progress) -> Callable[[int, BuildStats], None]:
    done = 0

    def progress(n: int, s: BuildStats) -> None:
        nonlocal done
        done += n
        if on_progress is not None:
            on_progress(BuildProgress(done, total, s.rate("words") if s.seconds > 0 else None, s))

    return progress


#: ``--out`` builds hand smaller batches to the helper process (it loads them while spaCy runs, so
#: the last one, which the build waits for, stays small)
_OUT_MIN_TRIPLES = 5_000


def _to_out(articles: Iterator[Article], config: BuildConfig, targets: BuildTargets, out: Path, result: BuildResult,
            total: int | None, on_warning, on_progress) -> None:
    from kg.pipeline.outputs import OutputSink

    result.stats = stats = BuildStats()
    sink = OutputSink(out, view=targets.view, validate=targets.validate, shapes=targets.shapes)
    try:
        build.build_corpus(articles, [sink], dataclasses.replace(config, min_triples=min(config.min_triples, _OUT_MIN_TRIPLES)),
                           on_progress=_progress(total, on_progress), stats=stats, on_warning=on_warning)
        result.articles = stats.articles
        if stats.articles == 0:
            sink.abort()
            return
        _finish(sink, result, out)
    except BaseException:
        sink.abort()
        raise


def _finish(sink, result: BuildResult, out: Path) -> None:
    """Wait for the helper process to write ``out``; its report goes into ``result``."""
    t0 = time.perf_counter()
    rep = sink.finish()
    if result.stats is not None:  # the build's time runs until its files are written
        result.stats.finish_seconds += time.perf_counter() - t0
        result.stats.seconds += time.perf_counter() - t0
    result.output = rep
    result.target = out / "graph.ttl"
    result.written += rep.written
    result.report = rep.report
    result.summary = rep.summary


def _streaming(articles: Iterator[Article], config: BuildConfig, targets: BuildTargets, out: Path | None,
               result: BuildResult, total: int | None, on_warning, on_progress) -> None:
    from kg.pipeline.sinks import GraphStoreSink, NQuadsSink, StoreSink
    from kg.store.store import KgStore

    url = targets.store if targets.store and targets.store.startswith(("http://", "https://")) else None
    result.stats = stats = BuildStats()
    with contextlib.ExitStack() as stack:
        st = None
        sinks: list = []
        if url:
            sinks.append(GraphStoreSink(url))
        elif targets.store:
            st = stack.enter_context(KgStore.open(targets.store))
            result.recovered = st.recover()
            if result.recovered and on_warning is not None:
                on_warning(f"{len(result.recovered)} article(s) left half-written by an interrupted build were removed; "
                           "they are built again")
            sinks.append(StoreSink(st))
        if targets.nquads:
            sinks.append(NQuadsSink(targets.nquads))
        sink = None
        if out is not None and st is not None:
            from kg.pipeline.outputs import OutputSink

            sink = OutputSink(out, view=targets.view, validate=targets.validate, shapes=targets.shapes)  # it starts while spaCy loads
            stack.callback(sink.abort)
        try:
            build.build_corpus(articles, sinks, config, resume=st.input_hash if st is not None and targets.resume else None,
                               on_progress=_progress(total, on_progress), stats=stats, on_warning=on_warning)
        except KeyboardInterrupt:
            result.interrupted = True
        result.articles = stats.articles
        if result.interrupted or result.read == 0 or sink is None:
            return
        import pyoxigraph as ox

        t0 = time.perf_counter()
        sink.write_ntriples(st.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()))
        stats.finish_seconds += time.perf_counter() - t0
        stats.seconds += time.perf_counter() - t0
        _finish(sink, result, out)
