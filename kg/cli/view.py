"""``kg view``: interactive HTML views of a graph, an entity's neighbourhood, the ontology or a query.

Registered on the main parser by :func:`register`; the work is done by :mod:`kg.views`.
Errors are :class:`kg.errors.InputError` (exit code 2 in the CLI): a missing or unparsable graph
file (with the parser's message), an unknown ``--focus`` name (with the closest names).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.errors import InputError

__all__ = ["register", "cmd_view"]

EPILOG_VIEW = """\
examples:
  kg view out/graph.ttl --out view.html                                   # the whole graph
  kg view out/graph.ttl --focus "Emmanuel Macron" --depth 2 --out macron.html
  kg view --ontology --out schema.html                                    # classes and properties
  kg view --query attendees --graph out/graph.ttl --out q.html            # a saved CONSTRUCT/SELECT query
  kg view --query ministers --param country=France --graph out/graph.ttl --out q.html

The page is one file that opens from disk with no network (vis-network is inlined): one node
per entity, coloured and shaped by class, one arrow per relation.
  * Hover a node: its class, other names, role, portfolio and dates, its number of links, and
    where it was read: up to 3 of its mentions (one article at a time), each the sentence with
    the entity's names highlighted and the article's title, date and id, then how many more
    sentences and articles there are (an entity without relations can be traced too).
  * Hover an edge: up to 4 sentences that state the relation, each with its article, date and
    the extractor's confidence, and "implied" when the sentence only implies it (kg:implied).
  * An article with an http(s) URL is a link that opens it in a new tab; the tooltip stays while
    the pointer moves onto it. A click on a node or an edge pins its tooltip (click elsewhere or
    Escape to close).
  * The legend's boxes show or hide classes; the search box finds an entity by name or other
    name (case and accents ignored; Enter again for the next match).
Names, sentences, titles and URLs are shown as text, never as HTML.

--focus NAME keeps the entities within --depth hops of NAME (its name, another name or whole
words of either, as kg query entity); a name that names nothing stops with the closest names.
--query draws a CONSTRUCT's graph, or the entities a SELECT's rows name (IRIs, or names equal to
an entity's) and the relations between them. A query that would fetch from another server
(SERVICE, or FROM, which rdflib downloads) is refused unless --allow-service. --lang fr gives
the French labels of classes and properties. Exit status 2 (one error line) for a graph file
that is missing or does not parse, an unknown --focus name, a bad query or an --out that
cannot be written.
"""


def register(subparsers) -> argparse.ArgumentParser:
    """Add the ``view`` subcommand to the main parser's subparsers (sets ``handler``)."""
    v = subparsers.add_parser(
        "view", help="write an interactive HTML view of a graph, an entity's neighbourhood, the ontology or a query",
        description="Write a self-contained, interactive HTML view (pyvis / vis-network) of a kg graph.",
        epilog=EPILOG_VIEW, formatter_class=argparse.RawDescriptionHelpFormatter)
    v.add_argument("graph_file", nargs="?", metavar="GRAPH", help="the graph (Turtle, or any RDF format by extension)")
    v.add_argument("--graph", "-g", dest="graph_opt", metavar="GRAPH", help="the graph, as an option (same as GRAPH)")
    v.add_argument("--out", "-o", metavar="FILE.html", help="where to write the page (default: GRAPH with .html, or view.html)")
    v.add_argument("--focus", metavar="NAME", help="only this entity's neighbourhood (its name, another name or whole words of one; case and accents ignored)")
    v.add_argument("--depth", type=int, default=2, metavar="N", help="hops around --focus (default: %(default)s)")
    v.add_argument("--ontology", action="store_true", help="draw the ontology itself: classes, subclasses, object properties")
    v.add_argument("--query", metavar="NAME", help="draw the result of a saved query (ontology/queries/NAME.rq), a .rq file or SPARQL text")
    v.add_argument("--param", action="append", metavar="NAME=VALUE", help="a parameter of --query (repeatable)")
    v.add_argument("--allow-service", action="store_true", help="let --query's SERVICE (or FROM) fetch from other servers (refused by default)")
    v.add_argument("--title", metavar="TEXT", help="the page's title")
    v.add_argument("--lang", choices=("en", "fr"), default="en", help="language of class and property labels (default: %(default)s)")
    v.set_defaults(handler=cmd_view)
    return v


def cmd_view(args: argparse.Namespace) -> int:
    from kg import views

    if args.graph_file and args.graph_opt and args.graph_file != args.graph_opt:
        raise InputError("give the graph once: as GRAPH or as --graph")
    graph_path = args.graph_file or args.graph_opt
    if args.depth < 0:
        raise InputError("--depth must be 0 or more")
    if args.ontology:
        if graph_path or args.query or args.focus:
            raise InputError("--ontology draws the ontology alone: no GRAPH, --query or --focus with it")
        out = views.ontology_view(_out(args, None), lang=args.lang, **_title(args))
        print(f"ontology view → {out}")
        return 0
    if not graph_path:
        raise InputError("no graph: give GRAPH (e.g. out/graph.ttl), or --ontology")
    graph = views.load_graph(graph_path)
    title = args.title or f"kg · {Path(graph_path).name}"
    if args.query:
        from kg.sparql import parse_params, run_query

        result = run_query(graph, args.query, parse_params(args.param), allow_service=args.allow_service)
        G = views.query_networkx(graph, result, lang=args.lang)
        if args.title is None:
            title = f"kg · query {Path(args.query).stem if args.query.endswith('.rq') else args.query[:40]} · {Path(graph_path).name}"
        empty = (None if G.number_of_nodes() else f"The query returned {len(result)} row(s) but names no entity of the graph." if len(result) else "The query returned nothing.")
        out = views.render_html(G, _out(args, graph_path), focus=args.focus, depth=args.depth, title=title,
                                lang=args.lang, empty_message=empty)
    else:
        if args.param:
            raise InputError("--param goes with --query")
        out = views.render_html(graph, _out(args, graph_path), focus=args.focus, depth=args.depth, title=title, lang=args.lang)
    print(f"view → {out}", file=sys.stdout)
    return 0


def _out(args: argparse.Namespace, graph_path: str | None) -> Path:
    if args.out:
        out = Path(args.out)
        if out.is_dir():
            raise InputError("--out must be a file (e.g. view.html), and this is a folder", path=out)
        return out
    if graph_path and not args.query and not args.focus:
        return Path(graph_path).with_suffix(".html")
    return Path("view.html")


def _title(args: argparse.Namespace) -> dict:
    return {"title": args.title} if args.title else {}
