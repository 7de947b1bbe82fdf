"""Command line: ``kg build`` and ``kg eval`` here; ``kg view`` (:mod:`kg.views_cli`), ``kg query``, ``kg export`` and ``kg serve`` (:mod:`kg.query_cli`). Parses arguments and delegates; no logic of its own.

Exit codes: 0 success, 1 nothing could be built / quality gate failed, 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

from . import __version__
from .errors import InputError, KgError

__all__ = ["main"]

EPILOG_BUILD = """\
examples:
  kg build examples/ai_safety_summit_fr.txt --out out/
  kg build article.txt other.txt corpus/ --out out/ --published 2023-11-01
  kg build corpus.jsonl --out out/        # one {"id","text","published","url","title"} per line
  cat article.txt | kg build - --out out/

Folders are searched recursively for .txt, .md and .jsonl files. Empty, binary or malformed inputs
are skipped with a warning naming them; the others still build. out/graph.ttl is written
atomically: an interrupted build never leaves a half-written file.
"""

EPILOG_EVAL = """\
examples:
  kg eval tests/corpus                      # every NAME.txt scored against NAME.gold.json
  kg eval tests/corpus/ai_safety_summit_fr.txt --no-details

Each article is built on its own and scored as described in the README (entity matching by name,
strict and lenient relation scores); the totals are micro-averaged over all articles.
The article's publication date is taken from its gold file ("published").
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
    b.add_argument("--out", "-o", default="out", metavar="DIR", help="output folder (default: %(default)s)")
    b.add_argument("--published", metavar="YYYY-MM-DD", help="publication date of articles that carry none; relative dates (« mercredi », « en juin ») are resolved against it")
    _common(b)
    b.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
    b.add_argument("--no-view", action="store_true", help="do not write the interactive view OUT/graph.html")

    e = sub.add_parser("eval", help="score the extraction against gold annotations",
                       description="Build each NAME.txt and score it against NAME.gold.json.",
                       epilog=EPILOG_EVAL, formatter_class=argparse.RawDescriptionHelpFormatter)
    e.add_argument("path", metavar="PATH", help="a folder of NAME.txt + NAME.gold.json pairs, or one .txt / .gold.json file")
    _common(e)
    e.add_argument("--no-details", action="store_true", help="do not list missed and spurious items")
    e.add_argument("--per-article", action="store_true", help="also print one score line per article")
    e.add_argument("--curve", action="store_true", help="print relation precision/recall at several --min-confidence thresholds instead")

    from .views_cli import register as register_view

    register_view(sub)

    from .query_cli import add_store_option, register as register_query

    register_query(sub)  # kg query, kg export, kg serve
    add_store_option(b)  # kg build --store DIR
    return p


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", default="md", metavar="NAME", help="spaCy French pipeline: md (default), sm, or a package name")
    p.add_argument("--min-confidence", type=float, default=0.0, metavar="X", help="leave out relations whose confidence is below X (0–1; default 0)")


def _err(msg: str) -> None:
    print(f"kg: error: {msg}", file=sys.stderr)


def _warn(msg: str) -> None:
    print(f"kg: warning: {msg}", file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    from .build import BuildConfig, build_graph
    from .inputs import read_articles
    from .output import atomic_write_text

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: --out must be a folder, and this is a file")
    skipped: list = []
    count = 0
    progress = None
    if not args.quiet and sys.stderr.isatty():
        from tqdm import tqdm

        progress = tqdm(unit=" articles", desc="building", file=sys.stderr)

    def on_skip(s) -> None:
        skipped.append(s)
        _warn(f"skipped {s.source}: {s.reason}")

    extractions: list = []  # kept only for --store: one named graph per article

    def on_article(ex) -> None:
        nonlocal count
        count += 1
        if args.store:
            extractions.append(ex)
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
    config = BuildConfig(model=args.model, min_confidence=args.min_confidence)
    graph = build_graph(articles, config, on_article=on_article)
    if progress is not None:
        progress.close()
    if count == 0:
        _err("no article could be read" + (f" ({len(skipped)} skipped)" if skipped else ""))
        return 1
    target = out / "graph.ttl"
    atomic_write_text(target, graph.serialize(format="turtle"))
    written = str(target)
    if args.store:
        from .query_cli import store_build

        store_build(args, extractions)
    if not args.no_view:
        from .views import write_build_view

        written += f", {write_build_view(graph, out)}"
    if not args.quiet:
        from .summary import graph_summary

        print(
            f"built {count} article(s) in {time.perf_counter() - t0:.1f}s"
            + (f", {len(skipped)} skipped" if skipped else "")
            + f": {graph_summary(graph)} → {written}"
        )
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from .suite import confidence_curve, format_curve, run_eval

    if args.curve:
        print(format_curve(confidence_curve(Path(args.path), model=args.model)))
        return 0
    report = run_eval(Path(args.path), model=args.model, min_confidence=args.min_confidence,
                      details=not args.no_details, per_article=args.per_article)
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
