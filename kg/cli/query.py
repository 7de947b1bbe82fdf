"""Command line of ``kg query``, ``kg export`` and ``kg serve``, and the ``kg build --store`` hook.

:mod:`kg.cli.app` calls :func:`register` on its subparsers and :func:`add_store_option` on the
build parser. Each subcommand sets ``handler`` (a function of ``args`` returning the exit code).
The work is done by :mod:`kg.sparql`, :mod:`kg.store` and :mod:`kg.serve`.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from kg.errors import InputError

__all__ = ["register", "add_store_option", "cmd_query", "cmd_export", "cmd_serve"]

EPILOG_QUERY = """\
examples:
  kg query --list                                          # the saved queries and what they answer
  kg query 'SELECT ?m ?c WHERE { ?m a kg:Minister ; kg:ministerOf ?c }' --graph out/graph.ttl
  kg query attendees --graph out/graph.ttl --param summit="AI Safety"
  kg query evidence --store data/kg --param predicate=kg:ministerOf --format csv
  kg query my.rq --store data/kg --format json --timeout 10

QUERY is the name of a saved query (ontology/queries/NAME.rq), a .rq file, or SPARQL text.
Prefixes kg: kgid: rdf: rdfs: owl: xsd: skos: schema: prov: dcterms: are predeclared.
--param NAME=VALUE binds ?NAME to VALUE as an RDF term (a string; <https://…> or, for
parameters a saved query declares as iri, kg:name is an IRI): values are never pasted into
the query text. kg query entity --param entity=NAME finds the entity by its name, another
name or whole words of either, case and accents ignored (Lefevre, noemie lefevre), or by
its IRI; a name that names nothing is an error listing the closest names. Formats: table
(default), json, csv, tsv (SPARQL 1.1 results formats); CONSTRUCT and DESCRIBE print Turtle.
Exit status 2 for a malformed query (with line and column), an unknown saved query, an
entity name that names nothing, a missing graph or store, or a refused SERVICE; 1 for a
query stopped by --timeout (0: no limit) or a remote SERVICE that failed.

SERVICE <URL> makes the engine send a request to URL — any server this machine can reach — and
use its answer: it is refused unless --allow-service (a saved .rq file from elsewhere cannot
make kg fetch anything without it).
"""

EPILOG_EXPORT = """\
examples:
  kg export --store data/kg --out graph.ttl               # format from the extension
  kg export --store data/kg --out corpus.trig             # one named graph per article
  kg export --store data/kg --format nt > corpus.nt
  kg export --graph out/graph.ttl --out graph.jsonld      # convert a graph file
  kg export --graph corpus.trig --format nq > corpus.nq
  kg export --store data/kg --out corpus.ttl --inferred-types   # also schema:Person, prov:Agent...

Formats: turtle (.ttl), nt (.nt), nq (.nq), trig (.trig), json-ld (.jsonld), xml (RDF/XML:
.rdf), n3 (.n3); a graph file is read in any of them (by its extension). From a store,
Turtle, N-Triples, N3, RDF/XML and JSON-LD hold the merged graph (each fact once); TriG and
N-Quads keep one named graph per article (kgid:graph/<article>). JSON-LD is compacted with
kg's context (ontology/context.jsonld, embedded in the file). Files are written atomically.
--inferred-types adds to each node the schema.org / PROV-O classes its kg class is a subclass
of in ontology/kg.ttl (a kg:Minister is also a schema:Person and a prov:Agent), for consumers
that do no RDFS inference.
"""

EPILOG_SERVE = """\
examples:
  kg serve --graph out/graph.ttl                     # http://127.0.0.1:7878/ , read-only
  kg serve --store data/kg --port 8000
  kg serve --store data/kg --writable                # also accepts SPARQL UPDATE at /update
  kg serve --store data/kg --timeout 30              # stops any query running over 30 s
  kg serve --graph out/graph.ttl --cors              # web pages of other origins may query it

Runs Oxigraph's SPARQL 1.1 Protocol server on localhost: a query page at /, queries at
/query (GET ?query=… or POST). Stop it with Ctrl-C. While it serves a store, kg build --store
gets "store is locked".

Security (see "kg serve" in the README): kg's front on the port checks every request before
Oxigraph (on an internal port) sees it.
  * Read-only unless --writable: updates get 403.
  * --writable: writes need the token printed at start (or --token / KG_SERVE_TOKEN) as
    "Authorization: Bearer TOKEN", and are refused from another web page (Origin, Referer).
  * The Host header must be the address served (no DNS rebinding).
  * SERVICE and LOAD (requests to other servers) get 400 unless --allow-service.
  * --cors lets a SPARQL client in any web page read the data (Access-Control-Allow-Origin: *);
    writes from another page stay refused.
  * Request bodies: at most 8 MiB for queries (128 MiB for authorised writes), sent within
    120 s, no pause over 30 s.

--timeout N (0: none): a request not answered in N s gets "503 query stopped after N s
(kg serve --timeout)" (a result already streaming, past 8 MiB, is cut instead); Oxigraph is
then restarted on the same database, which stops the query. Requests meanwhile wait for it;
updates already made stay.
"""


def _err(msg: str) -> None:
    print(f"kg: error: {msg}", file=sys.stderr)


def register(subparsers) -> None:
    """Add ``query``, ``export`` and ``serve`` to ``kg``'s subparsers."""
    from kg.sparql import FORMATS

    raw = argparse.RawDescriptionHelpFormatter
    q = subparsers.add_parser(
        "query", help="run SPARQL (or a saved query) on a graph file or a store",
        description="Run a SPARQL query, a .rq file or a saved query on a graph file or a kg store.",
        epilog=EPILOG_QUERY, formatter_class=raw,
    )
    q.add_argument("query", nargs="?", metavar="QUERY", help="saved query name, .rq file, or SPARQL text")
    src = q.add_mutually_exclusive_group()
    src.add_argument("--graph", "-g", metavar="FILE", help="an RDF file (.ttl, .nt, .trig, .nq, .jsonld, .rdf), e.g. out/graph.ttl")
    src.add_argument("--store", "-s", metavar="DIR", help="a kg store folder (kg build ... --store DIR)")
    q.add_argument("--param", "-p", action="append", default=[], metavar="NAME=VALUE", help="bind ?NAME to VALUE (repeatable)")
    q.add_argument("--format", "-f", choices=FORMATS, default="table", help="output format (default: %(default)s)")
    q.add_argument("--timeout", type=_seconds, metavar="SECONDS", help="stop the query after SECONDS (0: no limit, the default)")
    q.add_argument("--max-width", type=_non_negative, default=60, metavar="N", help="table cells longer than N characters are cut (0: never; default %(default)s)")
    q.add_argument("--allow-service", action="store_true", help="let SERVICE send requests to other servers (refused by default)")
    q.add_argument("--list", action="store_true", help="list the saved queries with their parameters and exit")
    q.set_defaults(handler=cmd_query)

    e = subparsers.add_parser(
        "export", help="write a store or convert a graph file: Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML, N3",
        description="Write the contents of a kg store, or a graph file, to a file or standard output in another RDF format.",
        epilog=EPILOG_EXPORT, formatter_class=raw,
    )
    esrc = e.add_mutually_exclusive_group(required=True)
    esrc.add_argument("--store", "-s", metavar="DIR", help="the kg store folder")
    esrc.add_argument("--graph", "-g", metavar="FILE", help="an RDF file (.ttl, .nt, .nq, .trig, .jsonld, .rdf, .n3)")
    e.add_argument("--out", "-o", metavar="FILE", help="output file (default: standard output)")
    e.add_argument("--format", "-f", metavar="FORMAT",
                   help="turtle, nt, nq, trig, json-ld, xml or n3 (default: from --out's extension, else turtle)")
    e.add_argument("--inferred-types", action="store_true",
                   help="also type each node with the schema.org / PROV-O superclasses of its kg class (from ontology/kg.ttl)")
    e.set_defaults(handler=cmd_export)

    s = subparsers.add_parser(
        "serve", help="run a SPARQL endpoint (Oxigraph) on a graph file or a store",
        description="Serve a graph file or a kg store over the SPARQL 1.1 Protocol on localhost.",
        epilog=EPILOG_SERVE, formatter_class=raw,
    )
    ssrc = s.add_mutually_exclusive_group(required=True)
    ssrc.add_argument("--graph", "-g", metavar="FILE", help="an RDF file, e.g. out/graph.ttl")
    ssrc.add_argument("--store", "-s", metavar="DIR", help="a kg store folder")
    s.add_argument("--port", type=_port, default=7878, metavar="N", help="port (default %(default)s; 0 picks a free one)")
    s.add_argument("--host", default="127.0.0.1", metavar="ADDR", help="address to listen on (default %(default)s: this machine only; ::1 for IPv6)")
    s.add_argument("--writable", action="store_true", help="accept SPARQL UPDATE and Graph Store writes, with the token (refused by default)")
    s.add_argument("--token", metavar="TOKEN",
                   help="with --writable: the token writes need (default: $KG_SERVE_TOKEN, else a random one, printed)")
    s.add_argument("--allow-service", action="store_true", help="let SERVICE and LOAD send requests to other servers (refused by default)")
    s.add_argument("--timeout", type=_seconds, metavar="SECONDS",
                   help="stop requests that run longer than SECONDS (0: no limit, the default; answered 503; Oxigraph is restarted, see below)")
    s.add_argument("--cors", action="store_true",
                   help="answer cross-origin requests (Oxigraph's --cors), so that a SPARQL client in a web page of another "
                        "origin can query; any web page can then read the data (off by default)")
    s.set_defaults(handler=cmd_serve)


def _number(value: str, kind, what: str):
    try:
        return kind(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not {what}") from None


def _seconds(value: str) -> float:
    """``--timeout``: 0 (no limit) or a positive number of seconds."""
    x = _number(value, float, "a number of seconds")
    if not x >= 0 or x == float("inf"):
        raise argparse.ArgumentTypeError(f"{value!r}: give 0 (no limit) or a positive number of seconds")
    return x


def _non_negative(value: str) -> int:
    n = _number(value, int, "a whole number")
    if n < 0:
        raise argparse.ArgumentTypeError(f"{value!r}: must be 0 or more")
    return n


def _port(value: str) -> int:
    n = _number(value, int, "a port number")
    if not 0 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r}: a port is between 0 and 65535 (0: a free one)")
    return n


def cmd_query(args: argparse.Namespace) -> int:
    from kg.sparql import format_result, parse_params, run_query, saved_queries

    if args.list:
        for name, sq in saved_queries().items():
            print(f"{name:16} {sq.description}")
            for p in sq.params:
                opts = ", ".join(x for x in (p.type if p.type != "literal" else "", "required" if p.required else "") if x)
                print(f"{'':16}   --param {p.name}=…{f' ({opts})' if opts else ''}  {p.description}")
        return 0
    if not args.query:
        raise InputError("give a QUERY (saved query name, .rq file or SPARQL text), or --list")
    if not args.graph and not args.store:
        raise InputError("give --graph FILE or --store DIR to query")
    source = args.graph or args.store
    if args.store and not Path(args.store).is_dir():
        raise InputError("no such store folder", path=args.store)
    if args.graph and Path(args.graph).is_dir():
        raise InputError("is a folder: use --store DIR for a store", path=args.graph)
    result = run_query(source, args.query, parse_params(args.param), timeout=args.timeout or None,
                       allow_service=args.allow_service)
    sys.stdout.write(format_result(result, args.format, max_width=args.max_width))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from kg.rdf.writers import convert_file, output_format

    fmt = output_format(args.out, args.format)  # an unknown format stops before anything is read
    out = args.out if args.out else sys.stdout.buffer
    if args.graph:
        n = convert_file(args.graph, out, fmt, inferred_types=args.inferred_types)
        if args.out:
            print(f"exported {n} {'quads' if fmt in ('nq', 'trig') else 'triples'} as {fmt} → {args.out}", file=sys.stderr)
    else:
        from kg.store.store import KgStore

        if not Path(args.store).is_dir():
            raise InputError("no such store folder", path=args.store)
        with KgStore.open(args.store, read_only=True) as st:
            st.export(out, fmt, inferred_types=args.inferred_types)
            if args.out:
                print(f"exported {len(st)} triples ({len(st.keys())} graphs) as {fmt} → {args.out}", file=sys.stderr)
    if not args.out:
        sys.stdout.flush()
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from kg.serve import start_server

    if args.token and not args.writable:
        raise InputError("--token goes with --writable (a read-only server takes no writes)")
    token = (args.token or os.environ.get("KG_SERVE_TOKEN") or None) if args.writable else None
    srv = start_server(graph=args.graph, store=args.store, host=args.host, port=args.port,
                       writable=args.writable, timeout=args.timeout or None, allow_service=args.allow_service,
                       token=token, cors=args.cors)

    def _terminate(signum, frame):
        raise KeyboardInterrupt

    old = signal.signal(signal.SIGTERM, _terminate)
    try:
        mode = "read-write: SPARQL UPDATE accepted at " + srv.update_url if args.writable else "read-only: SPARQL UPDATE is refused"
        print(f"kg serve: {srv.url}  (query page; SPARQL endpoint {srv.query_url}; {mode})", flush=True)
        if args.writable:
            shown = srv.token if token is None else "<the token given with --token or KG_SERVE_TOKEN>"
            print(f"kg serve: writes need the header  Authorization: Bearer {shown}", flush=True)
        if args.writable and args.graph:
            print("kg serve: updates last as long as the server; the graph file is not changed", flush=True)
        if srv.host in ("0.0.0.0", "::", ""):
            print("kg serve: listening on every address: anyone who can reach this machine can query it "
                  "(and the Host header is not checked)", flush=True)
        if args.allow_service:
            print("kg serve: SERVICE and LOAD are allowed: queries can make the server send requests to other servers",
                  flush=True)
        if args.cors:
            print("kg serve: cross-origin requests are answered (--cors): any web page you open can read the data",
                  flush=True)
        if srv.timeout:
            print(f"kg serve: requests running over {srv.timeout:g} s are stopped (HTTP 503)", flush=True)
        print("kg serve: Ctrl-C stops it", flush=True)
        code = srv.wait()
        if code != 0:
            _err(f"the Oxigraph server stopped (exit code {code})")
            return 1
        return 0
    except KeyboardInterrupt:
        return 0
    finally:
        srv.stop()
        signal.signal(signal.SIGTERM, old)


# ------------------------------------------------------------------------------ kg build --store


def _check_store_arg(value: str) -> str:
    """argparse type of ``--store``: fail before the spaCy model loads if the store is unusable."""
    from kg.store.store import StoreLockedError, acquire_lock, is_store

    p = Path(value)
    if p.exists() and not is_store(p) and (not p.is_dir() or any(p.iterdir())):
        raise argparse.ArgumentTypeError(f"{value}: not a kg store, and not an empty folder")
    if is_store(p):
        try:
            acquire_lock(p, exclusive=True).close()
        except StoreLockedError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def add_store_option(build_parser: argparse.ArgumentParser) -> None:
    """Add ``--store DIR`` to ``kg build``."""
    build_parser.add_argument(
        "--store", metavar="DIR", type=_check_store_arg, default=None,
        help="stream each article into the Oxigraph store DIR (created if missing; or PUT it to a SPARQL Graph Store "
             "given by an http(s) URL); articles already built are skipped (resume), a changed one replaces its own facts",
    )
