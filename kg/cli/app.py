"""Command line: the ``kg`` parser, ``kg build`` and ``kg eval`` here; ``kg view`` (:mod:`kg.cli.view`),
``kg query``, ``kg export`` and ``kg serve`` (:mod:`kg.cli.query`), ``kg validate`` (:mod:`kg.cli.validate`).
Parses arguments and delegates; no logic of its own.

Exit codes: 0 success, 1 nothing could be built / quality gate failed (``--fail-on-invalid``),
2 bad input or usage, 3 built but some inputs were skipped.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

from kg import __version__
from kg.errors import InputError, KgError

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
  kg eval tests/corpus_real --only 35-41 --no-details   # the checking half: overall scores only

Each article is built on its own and scored as described in the README (entity matching by name,
strict and lenient relation scores); the totals are micro-averaged over all articles.
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
    b.add_argument("inputs", nargs="+", metavar="PATH", help="article files (.txt, .md, .jsonl), folders, or - for standard input")
    b.add_argument("--out", "-o", default=None, metavar="DIR",
                   help="output folder for graph.ttl and graph.html (default: out, or none with --store / --nquads: the articles then stream to the store)")
    b.add_argument("--published", metavar="YYYY-MM-DD", help="publication date of articles that carry none (YYYY-MM or YYYY when only the month or year is known); relative dates (« mercredi », « en juin ») are resolved against it, as far as it allows")
    _common(b)
    b.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
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


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", default="md", metavar="NAME", help="spaCy French pipeline: md (default), sm, or a package name")
    p.add_argument("--min-confidence", type=float, default=0.0, metavar="X", help="leave out relations whose confidence is below X (0–1; default 0)")


def _err(msg: str) -> None:
    print(f"kg: error: {msg}", file=sys.stderr)


def _warn(msg: str) -> None:
    print(f"kg: warning: {msg}", file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    from kg.pipeline.build import BuildConfig, build_graph
    from kg.inputs.reader import read_articles
    from kg.output import atomic_write_text

    streaming = bool(args.store or args.nquads)  # articles stream to the store; no graph kept in memory
    out = Path(args.out) if args.out is not None else (None if streaming else Path("out"))
    if out is not None and out.exists() and not out.is_dir():
        raise InputError(f"{out}: --out must be a folder, and this is a file")
    if args.processes < 0:
        raise InputError("--processes must be 0 (one per core) or more")
    if args.scheduler and args.engine != "dask":
        raise InputError("--scheduler goes with --engine dask")
    skipped: list = []
    count = 0
    progress = None
    if not args.quiet and sys.stderr.isatty():
        from tqdm import tqdm

        from kg.pipeline.engine import count_inputs

        progress = tqdm(total=count_inputs(args.inputs), unit=" articles", desc="building", file=sys.stderr,
                        dynamic_ncols=True, smoothing=0.1)

    def on_skip(s) -> None:
        skipped.append(s)
        _warn(f"skipped {s.source}: {s.reason}")

    def on_article(ex) -> None:
        nonlocal count
        count += 1
        if progress is not None:
            progress.update(1)

    articles = read_articles(args.inputs, published=args.published, stdin=sys.stdin, on_skip=on_skip, on_warning=_warn)
    # read the first article before loading the spaCy model: nothing readable → say so at once
    first = next(articles, None)
    if first is None:
        _err("no article could be read" + (f" ({len(skipped)} skipped)" if skipped else ""))
        return 1
    articles = itertools.chain([first], articles)
    t0 = time.perf_counter()
    from kg.pipeline.engine import env_processes

    config = BuildConfig(model=args.model, min_confidence=args.min_confidence, processes=env_processes(args.processes),
                         engine=args.engine, scheduler=args.scheduler)
    if streaming:
        try:
            return _build_streaming(args, articles, config, out, skipped, progress, t0)
        finally:
            if progress is not None:
                progress.close()
    graph = build_graph(articles, config, on_article=on_article)
    if progress is not None:
        progress.close()
    if count == 0:
        _err("no article could be read" + (f" ({len(skipped)} skipped)" if skipped else ""))
        return 1
    target = out / "graph.ttl"
    atomic_write_text(target, graph.serialize(format="turtle"))
    written = str(target)
    if not args.no_view:
        from kg.views.render import write_build_view

        written += f", {write_build_view(graph, out)}"
    if not args.quiet:
        from kg.graph.summary import graph_summary

        print(
            f"built {count} article(s) in {time.perf_counter() - t0:.1f}s"
            + (f", {len(skipped)} skipped" if skipped else "")
            + f": {graph_summary(graph)} → {written}"
        )
    from kg.cli.validate import check_build

    if check_build(args, graph, target):  # violations reported on stderr; 1 with --fail-on-invalid
        return 1
    return 3 if skipped else 0  # 3: built, but some inputs were skipped (listed above)


def _build_streaming(args, articles, config, out: Path | None, skipped: list, progress, t0: float) -> int:
    """``kg build --store DIR|URL`` / ``--nquads DIR``: stream the articles to the store in batches
    (resuming: articles whose input the store has are skipped), keeping no graph in memory.
    With ``--out`` too, OUT/graph.ttl is the store's merged graph, exported after the build."""
    import contextlib

    from kg.pipeline.engine import GraphStoreSink, NQuadsSink, StoreSink, build_corpus
    from kg.store.store import KgStore

    store_url = args.store if args.store and args.store.startswith(("http://", "https://")) else None
    with contextlib.ExitStack() as stack:
        st = None
        sinks: list = []
        if args.store and not store_url:
            st = stack.enter_context(KgStore.open(args.store))
            recovered = st.recover()
            if recovered and not args.quiet:
                _warn(f"{len(recovered)} article(s) left half-written by an interrupted build were removed; they are built again")
            sinks.append(StoreSink(st))
        elif store_url:
            sinks.append(GraphStoreSink(store_url))
        if args.nquads:
            sinks.append(NQuadsSink(args.nquads))
        resume = st.input_hash if st is not None and not args.no_resume else None
        from kg.pipeline.engine import BuildStats

        stats = BuildStats()
        try:
            build_corpus(articles, sinks, config.engine_config("nquads"), processes=config.processes,
                         engine=config.engine, scheduler=config.scheduler, resume=resume, progress=progress, stats=stats)
        except KeyboardInterrupt:
            if progress is not None:
                progress.close()
            done = stats.added + stats.replaced + stats.unchanged
            _err(f"interrupted; {done} article(s) of this run were written and stay in the store: "
                 "run the same command again to resume")
            return 130
        args.build_stats = stats  # for callers of cmd_build (benchmarks/bench_corpus.py)
        if progress is not None:
            progress.close()
        if stats.articles + stats.resumed == 0:
            _err("no article could be read" + (f" ({len(skipped)} skipped)" if skipped else ""))
            return 1
        written = []
        graph = target = None
        if out is not None and st is not None:
            target = out / "graph.ttl"
            st.export(target, "turtle")
            written.append(str(target))
            if not args.no_view or not getattr(args, "no_validate", False):
                graph = st.to_graph()
            if not args.no_view:
                from kg.views.render import write_build_view

                written.append(str(write_build_view(graph, out)))
        if not args.quiet:
            where = args.store or ""
            if args.nquads:
                where += (" and " if where else "") + f"{args.nquads}/"
            rate = (f": {stats.rate('words'):,.0f} words/s, {stats.rate('articles'):,.1f} articles/s"
                    if stats.articles else "")
            print(
                f"built {stats.articles} article(s), {stats.words:,} words, {stats.triples:,} triples in "
                f"{time.perf_counter() - t0:.1f}s (pipeline ready after {stats.startup_seconds:.1f}s){rate}"
                + (f"; {stats.resumed} already in the store (resumed)" if stats.resumed else "")
                + (f", {len(skipped)} skipped" if skipped else "")
                + f" → {where}: {stats.added} added, {stats.replaced} replaced, {stats.unchanged} unchanged"
                + (f"; {', '.join(written)}" if written else "")
            )
        if graph is not None and target is not None:
            from kg.cli.validate import check_build

            if check_build(args, graph, target):
                return 1
    return 3 if skipped else 0


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
