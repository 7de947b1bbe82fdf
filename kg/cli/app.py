"""Command line: the ``kg`` parser, ``kg build`` and ``kg eval`` here; ``kg view`` (:mod:`kg.cli.view`),
``kg query``, ``kg export`` and ``kg serve`` (:mod:`kg.cli.query`), ``kg validate`` (:mod:`kg.cli.validate`).
Parses arguments and delegates; no logic of its own.

Exit codes: 0 success, 1 nothing could be built / quality gate failed (``--fail-on-invalid``),
2 bad input or usage, 3 built but some inputs were skipped.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg import __version__
from kg.errors import InputError, KgError
from kg.inputs.sources import ARTICLE_SUFFIXES

__all__ = ["main"]

EPILOG_BUILD = """\
examples:
  kg build examples/ai_safety_summit_fr.txt --out out/
  kg build article.txt other.txt corpus/ --out out/ --published 2023-11-01
  kg build corpus.jsonl --out out/        # one {"id","text","published","url","title"} per line
  cat article.txt | kg build - --out out/

large corpora (see "Large corpora" in the README):
  kg build corpus/ --store data/kg --processes 2     # stream into an Oxigraph store; run again to resume
  kg build news.jsonl --store data/kg --engine dask --scheduler tcp://HOST:8786
  kg build news.jsonl --store http://localhost:7878/store --nquads parts/

Folders are searched recursively for .txt, .md and .jsonl files. Empty, binary or malformed inputs
are skipped with a warning naming them (file, line, reason); the others still build and the exit
status is 3. out/graph.ttl is written atomically: an interrupted build never leaves a half-written
file. The graph is then checked against ontology/shapes.ttl; violations are reported on stderr
(--fail-on-invalid: exit status 1; --no-validate: no check).
"""

EPILOG_EVAL = """\
examples:
  kg eval tests/corpus                      # every NAME.txt scored against NAME.gold.json
  kg eval tests/corpus/ai_safety_summit_fr.txt --no-details
  kg eval tests/corpus_real --only 21-34     # the tuning half of the real articles
  kg eval tests/corpus_real --only 35-41 --no-details   # the checking half: scores and counts only

Each article is built on its own and scored as described in the README (entity matching by name,
strict and lenient relation scores); the totals are micro-averaged over all articles.
"Why missed" counts the causes of the misses without naming them (a relation whose end entity was
not found, or whose ends were both found; an announcement whose agent was not found, with nothing
announced by its agent, or without its about/hostCity/during), even with --no-details.
The article's publication date is taken from its gold file ("published": a day, or a month
YYYY-MM or null when that is all that is known).
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kg",
        description="Build RDF knowledge graphs (summits, ministers, countries, announcements) from French news.",
    )
    p.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    b = sub.add_parser("build", help="build the graph of articles into OUT/graph.ttl",
                       description="Extract entities and relations from French articles and write them as Turtle.",
                       epilog=EPILOG_BUILD, formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("inputs", nargs="+", metavar="PATH", help="article files (.txt, .md, .jsonl; .html, .htm, .xhtml: web pages, their main text is read), "
                   f"folders (their {', '.join(ARTICLE_SUFFIXES)} files, recursively), or - for standard input")
    b.add_argument("--out", "-o", default=None, metavar="DIR",
                   help="output folder for graph.ttl and graph.html (default: out, or none with --store / --nquads: the articles then stream to the store)")
    b.add_argument("--published", metavar="YYYY-MM-DD", help="publication date of articles that carry none (YYYY-MM or YYYY when only the month or year is known); relative dates (« mercredi », « en juin ») are resolved against it, as far as it allows; an article whose relative dates it cannot resolve gets one warning naming it")
    _common(b)
    b.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
    b.add_argument("--verbose", "-v", action="store_true",
                   help="say where the time went: spaCy, extraction, mapping to RDF, writing, validation, view")
    b.add_argument("--no-view", action="store_true", help="do not write the interactive view OUT/graph.html")
    _scale_options(b)

    e = sub.add_parser("eval", help="score the extraction against gold annotations",
                       description="Build each NAME.txt and score it against NAME.gold.json.",
                       epilog=EPILOG_EVAL, formatter_class=argparse.RawDescriptionHelpFormatter)
    e.add_argument("path", metavar="PATH", help="a folder of NAME.txt + NAME.gold.json pairs, or one .txt / .gold.json file")
    _common(e)
    e.add_argument("--no-details", action="store_true", help="do not list missed and spurious items")
    e.add_argument("--per-article", action="store_true", help="also print one score line per article")
    e.add_argument("--only", action="append", metavar="NAMES",
                   help="score only these articles: file names (without .txt), shell patterns (g7_*) or "
                        "number ranges (35-41), comma-separated; may be repeated")
    e.add_argument("--curve", action="store_true", help="print relation precision/recall at several --min-confidence thresholds instead")

    from kg.cli.view import register as register_view

    register_view(sub)

    from kg.cli.query import add_store_option, register as register_query

    register_query(sub)  # kg query, kg export, kg serve
    add_store_option(b)  # kg build --store DIR

    from kg.cli.validate import add_build_options, register as register_validate

    register_validate(sub)  # kg validate
    add_build_options(b)  # kg build --fail-on-invalid / --no-validate
    return p


def _scale_options(b: argparse.ArgumentParser) -> None:
    """``kg build`` options for large corpora (see "Large corpora" in the README)."""
    g = b.add_argument_group("large corpora")
    g.add_argument("--processes", "-j", type=int, default=1, metavar="N",
                   help="worker processes running spaCy (default 1; 0: one per core); the output is the same for any N")
    g.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local: this machine (default); dask: a Dask cluster (pip install -e '.[dask]')")
    g.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: the scheduler's address (tcp://host:8786); default: a local cluster of --processes workers")
    g.add_argument("--nquads", metavar="DIR",
                   help="also write the articles as N-Quads files DIR/part-NNNNNN.nq (one named graph per article), e.g. for QLever or Fuseki's loader")
    g.add_argument("--no-resume", action="store_true",
                   help="with --store: extract every article again, even those whose input the store already has")
    g.add_argument("--no-extraction-process", action="store_true",
                   help="with one process (-j 1): extract in spaCy's process instead of a second process that "
                        "extracts while spaCy parses (about 0.5 GB less memory, about 5%% slower)")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", default="md", metavar="NAME", help="spaCy French pipeline: md (default), sm, or a package name")
    p.add_argument("--min-confidence", type=float, default=0.0, metavar="X", help="leave out relations whose confidence is below X (0–1; default 0)")


def _err(msg: str) -> None:
    print(f"kg: error: {msg}", file=sys.stderr)


def _warn(msg: str) -> None:
    print(f"kg: warning: {msg}", file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    """``kg build``: the options become a :class:`~kg.pipeline.config.BuildConfig` and
    :class:`~kg.pipeline.run.BuildTargets`; :func:`kg.pipeline.run.run_build` does the work."""
    from kg.pipeline.config import BuildConfig
    from kg.pipeline.run import BuildTargets, run_build

    config = BuildConfig(model=args.model, min_confidence=args.min_confidence, processes=args.processes,
                         engine=args.engine, scheduler=args.scheduler,
                         extraction_process=not args.no_extraction_process)
    targets = BuildTargets(out=Path(args.out) if args.out is not None else None, store=args.store,
                           nquads=Path(args.nquads) if args.nquads else None, resume=not args.no_resume,
                           view=not args.no_view, validate=not getattr(args, "no_validate", False),
                           shapes=Path(args.shapes) if getattr(args, "shapes", None) else None)
    bar = _ProgressBar(verbose=args.verbose) if not args.quiet and sys.stderr.isatty() else None
    try:
        result = run_build(args.inputs, config, targets, published=args.published, stdin=sys.stdin,
                           on_skip=lambda s: _warn(f"skipped {s.source}: {s.reason}"), on_warning=_warn,
                           on_progress=bar)
    finally:
        if bar is not None:
            bar.close()
    args.build_stats = result.stats  # for callers of cmd_build (benchmarks/bench_corpus.py)
    if result.interrupted:
        stats = result.stats
        _err(f"interrupted; {stats.added + stats.replaced + stats.unchanged} article(s) of this run were written and "
             "stay in the store: run the same command again to resume")
        return 130
    if result.read == 0:
        _err("no article could be read" + (f" ({len(result.skipped)} skipped)" if result.skipped else ""))
        return 1
    if not args.quiet:
        print(_summary(result, args))
        if args.verbose and result.stats is not None:
            print(_timings(result))
    if result.report is not None:
        from kg.cli.validate import check_build

        if check_build(args, result.report):  # violations reported on stderr; 1 with --fail-on-invalid
            return 1
    return 3 if result.skipped else 0  # 3: built, but some inputs were skipped (listed above)


class _ProgressBar:
    """A tqdm progress bar on stderr, fed by :func:`kg.pipeline.run.run_build`'s progress callback."""

    def __init__(self, verbose: bool = False) -> None:
        self._bar = None
        self._verbose = verbose

    def __call__(self, p) -> None:
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(total=p.total, unit=" articles", desc="building", file=sys.stderr, dynamic_ncols=True,
                             smoothing=0.1)
        self._bar.update(p.done - self._bar.n)
        if p.words_per_second is not None:
            where = ""
            if self._verbose and p.stats is not None:
                s = p.stats
                busy = s.parse_seconds + s.extract_seconds + s.map_seconds
                if busy > 0 and s.handoff_seconds > 0:  # extraction in a second process, alongside spaCy
                    where = (f" · spaCy {s.parse_seconds:.1f}s, handing over {s.handoff_seconds:.1f}s, extraction process "
                             f"{s.extract_seconds + s.map_seconds:.1f}s, writer busy {s.load_seconds:.1f}s")
                elif busy > 0:
                    where = (f" · spaCy {s.parse_seconds / busy:.0%}, extraction {s.extract_seconds / busy:.0%}, "
                             f"mapping {s.map_seconds / busy:.0%}, writer busy {s.load_seconds:.1f}s")
            self._bar.set_postfix_str(f"{p.words_per_second:,.0f} words/s{where}", refresh=False)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _summary(result, args: argparse.Namespace) -> str:
    """The line ``kg build`` prints at the end."""
    skipped = f", {len(result.skipped)} skipped" if result.skipped else ""
    stats = result.stats
    rate = f": {stats.rate('words'):,.0f} words/s, {stats.rate('articles'):,.1f} articles/s" if stats.articles else ""
    head = (f"built {stats.articles} article(s), {stats.words:,} words, {stats.triples:,} triples in "
            f"{result.seconds:.1f}s (pipeline ready after {stats.startup_seconds:.1f}s){rate}"
            + (f"; {stats.resumed} already in the store (resumed)" if stats.resumed else "") + skipped)
    where = " and ".join([*([args.store] if args.store else []), *([f"{args.nquads}/"] if args.nquads else [])])
    if where:
        head += f" → {where}: {stats.added} added, {stats.replaced} replaced, {stats.unchanged} unchanged"
    if result.summary:
        head += f"; graph: {result.summary}"
    if result.written:
        head += f" → {', '.join(result.written)}"
    return head


def _timings(result) -> str:
    """``--verbose``: where the build's time went."""
    s = result.stats
    lines = [f"time: {s.seconds:.1f}s from the pipeline being ready to the last file written"]
    if s.handoff_seconds > 0:  # -j1: extraction in a second process (kg.pipeline.handoff)
        lines += [f"  spaCy {s.parse_seconds:.1f}s, handing the docs over {s.handoff_seconds:.1f}s (with the wait for the last ones)",
                  f"  extraction process, alongside: extraction {s.extract_seconds:.1f}s (rebuilding the docs included), "
                  f"mapping to N-Triples {s.map_seconds:.1f}s"]
    else:
        lines.append(f"  spaCy {s.parse_seconds:.1f}s, extraction {s.extract_seconds:.1f}s, mapping to N-Triples "
                     f"{s.map_seconds:.1f}s (summed over the processes running spaCy)")
    lines += [f"  writer (a thread, alongside): {s.load_seconds:.1f}s handing {s.loaded_triples:,} triples to "
              + ("the store" if result.output is None else "the helper process"),
              f"  after the last article: {s.finish_seconds:.1f}s"]
    if result.output is not None:
        t = result.output.seconds
        alongside = ", ".join(f"{k} {t[k]:.1f}s" for k in ("load", "reconcile", "view graph", "turtle (batches)",
                                                            "validation (batches)") if k in t)
        lines.append(f"  helper process writing --out, alongside spaCy: {alongside} ({result.output.reconciled} entities reconciled)")
        end = ", ".join(f"{k} {t[k]:.1f}s" for k in ("turtle", "summary") if k in t)
        if "writing graph.ttl" in t:
            end += f" (graph.ttl written by this process meanwhile: {t['writing graph.ttl']:.1f}s)"
        if "view" in t:
            end += (f"; view {t['view']:.1f}s" if "view wait" not in t else
                    f"; view {t['view']:.1f}s (a forked copy of the helper, alongside; waited {t['view wait']:.1f}s)")
        if "validation" in t:
            end += f"; validation {t['validation']:.1f}s (a thread, alongside; waited {t.get('validation wait', 0):.1f}s)"
        lines.append(f"  helper process writing --out, at the end: {end}")
    return "\n".join(lines)


def cmd_eval(args: argparse.Namespace) -> int:
    from kg.evaluation.suite import confidence_curve, format_curve, run_eval

    if args.curve:
        print(format_curve(confidence_curve(Path(args.path), model=args.model, only=args.only)))
        return 0
    report = run_eval(Path(args.path), model=args.model, min_confidence=args.min_confidence,
                      details=not args.no_details, per_article=args.per_article, only=args.only)
    print(report)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    if not 0.0 <= getattr(args, "min_confidence", 0.0) <= 1.0:
        _err("--min-confidence must be between 0 and 1")
        return 2
    try:
        handler = getattr(args, "handler", None) or {"build": cmd_build, "eval": cmd_eval}[args.command]
        return handler(args)
    except InputError as exc:
        _err(str(exc))
        return 2
    except KgError as exc:
        _err(str(exc))
        return 1
    except KeyboardInterrupt:
        _err("interrupted; nothing was written")
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
