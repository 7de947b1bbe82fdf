"""Running SPARQL over a graph file, an rdflib graph or a kg store, optionally under a timeout.

>>> from kg.sparql import run_query                                            # doctest: +SKIP
>>> rows = run_query("out/graph.ttl", "ministers", {"country": "France"})      # doctest: +SKIP
>>> for row in rows: print(row["minister"], row["role"])                       # doctest: +SKIP
>>> import kg; df = kg.query("out/graph.ttl", "attendees", summit="AI Safety")  # a DataFrame with pandas  # doctest: +SKIP

Sources (``source``):

* an rdflib :class:`~rdflib.Graph` — queried with rdflib;
* a ``pyoxigraph.Store`` or a :class:`kg.store.KgStore` — queried with Oxigraph;
* a path: a folder is a kg store (opened read-only), a file (``.ttl``, ``.nt``, ``.trig``,
  ``.nq``, ``.jsonld``, ``.rdf``) is loaded into an in-memory Oxigraph store.

Queries (``query_or_name``): the name of a saved query (``ontology/queries/NAME.rq``), the path
of a ``.rq`` file, or SPARQL text (:mod:`kg.sparql.saved`). The prefixes of
:data:`kg.rdf.vocab.PREFIXES` are predeclared. Parameters are bound as RDF terms
(:mod:`kg.sparql.params`); declared parameters are dropped from the rows returned, except an
``entity`` parameter, resolved from a name to IRIs before the query runs (once per entity,
:mod:`kg.sparql.entities`), whose column gives the IRI of the entity each row is about.

With a timeout the query runs in a child process, stopped once the timeout has passed (the clock
starts when the source is loaded); a timeout of 0 (or ``None``) means none.

Text that would make the engine fetch from another server — ``SERVICE`` (Oxigraph and rdflib
send the request), and with rdflib ``FROM`` / ``FROM NAMED`` on a dataset (rdflib downloads the
URL) — is refused with :class:`~kg.sparql.remote.RemoteRefused` unless ``allow_service=True``
(:mod:`kg.sparql.remote`); a remote that fails then gives a :class:`~kg.errors.KgError`.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rdflib import Graph

from kg.errors import InputError, KgError
from kg.rdf.formats import load_graph_file
from kg.rdf.terms import OxConverter as _OxConverter
from kg.rdf.terms import from_ox as _from_ox
from kg.rdf.terms import to_ox as _to_ox
from kg.rdf.vocab import PREFIXES
from kg.sparql.entities import entity_bindings
from kg.sparql.params import bindings as _bindings
from kg.sparql.remote import RemoteRefused, check_remote, remote_keyword
from kg.sparql.results import QueryResult, Row
from kg.sparql.saved import SavedQuery, resolve_query
from kg.sparql.saved import saved_queries  # noqa: F401 - kept importable from here (benchmarks/bench_query.py)

__all__ = ["QueryTimeout", "QuerySyntaxError", "run_query", "query"]


class QueryTimeout(KgError):
    """The query ran longer than its timeout and was stopped."""


class QuerySyntaxError(InputError):
    """The SPARQL text does not parse (the message gives line and column)."""


def _source_kind(source) -> str:
    from kg.store.store import KgStore

    if isinstance(source, Graph):
        return "rdflib"
    if isinstance(source, KgStore):
        return "kgstore"
    try:
        import pyoxigraph as ox

        if isinstance(source, ox.Store):
            return "oxstore"
    except ImportError:  # pragma: no cover
        pass
    if isinstance(source, (str, os.PathLike)):
        return "path"
    raise TypeError(f"cannot query a {type(source).__name__}: give a path, an rdflib Graph or a kg store")


def _open_path(path) -> tuple[Any, bool, Any]:
    """(oxigraph store, union default graph?, object to close or None) for a file or store folder."""
    from kg.store.store import KgStore, is_store

    p = Path(path)
    if p.is_dir():
        if not is_store(p):
            raise InputError("not a kg store (create one with kg build ... --store DIR)", path=p)
        st = KgStore.open(p, read_only=True)
        return st.oxigraph, False, st
    store, dataset = load_graph_file(p)
    return store, dataset, None


def _syntax_error(exc: Exception, text: str) -> QuerySyntaxError:
    msg = str(exc)
    m = re.match(r"error at (\d+):(\d+): (.*)", msg, re.S)
    if m:
        line, col, detail = int(m.group(1)), int(m.group(2)), m.group(3)
        if "Prefix not found" in detail:
            detail = "unknown prefix (predeclared: " + ", ".join(PREFIXES) + ")"
        elif len(detail) > 160:
            detail = detail[:160].rstrip() + " …"
        lines = text.splitlines()
        shown = ""
        if 1 <= line <= len(lines):
            shown = f"\n  {lines[line - 1]}\n  {' ' * max(col - 1, 0)}^"
        return QuerySyntaxError(f"malformed query: line {line}, column {col}: {detail}{shown}")
    return QuerySyntaxError(f"malformed query: {msg}")


def _rdflib_syntax_error(exc: Exception) -> QuerySyntaxError:
    line, col = getattr(exc, "lineno", None), getattr(exc, "col", None)
    if line is not None:
        return QuerySyntaxError(f"malformed query: line {line}, column {col}: {getattr(exc, 'msg', exc)}")
    return QuerySyntaxError(f"malformed query: {exc}")


def _one_line(exc: BaseException, limit: int = 300) -> str:
    """An engine's message on one line, cut at ``limit`` characters (a remote's error page can be long)."""
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _run_ox(store, text: str, bindings: dict, union: bool) -> QueryResult:
    import pyoxigraph as ox

    subs = {ox.Variable(k): _to_ox(v) for k, v in bindings.items()}
    try:
        res = store.query(text, prefixes=PREFIXES, substitutions=subs or None, use_default_graph_as_union=union)
        if isinstance(res, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(res))
        if isinstance(res, ox.QuerySolutions):
            vars_ = tuple(v.value for v in res.variables)
            conv = _OxConverter()
            rows = [Row([conv(t) for t in s], vars_) for s in res]  # a SERVICE's failure shows while iterating
            return QueryResult("select", vars_, rows)
        g = _new_graph()
        for t in res:
            g.add((_from_ox(t.subject), _from_ox(t.predicate), _from_ox(t.object)))
        return QueryResult("graph", graph=g)
    except SyntaxError as exc:
        raise _syntax_error(exc, text) from None
    except RuntimeError as exc:
        if "projection" in str(exc):
            raise InputError(f"a --param names a variable the query does not SELECT: {exc}") from None
        raise KgError(f"query failed: {_one_line(exc)}") from None
    except OSError as exc:  # e.g. a SERVICE that cannot be reached, or that answered an error (its body is in exc)
        raise KgError(f"query failed: {_one_line(exc)}") from None


def _run_rdflib(graph: Graph, text: str, bindings: dict, allow_service: bool = False) -> QueryResult:
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepared = prepareQuery(text, initNs=PREFIXES)
    except ParseException as exc:
        raise _rdflib_syntax_error(exc) from None
    except Exception as exc:  # rdflib raises bare Exception for an unknown prefix
        raise QuerySyntaxError(f"malformed query: {exc}") from None
    if not allow_service and getattr(prepared.algebra, "datasetClause", None):
        raise RemoteRefused("FROM refused: rdflib would download the graphs it names from their URLs (a request to "
                            "any server this machine can reach); give --allow-service to allow it, or use GRAPH")
    try:
        return _rdflib_result(graph.query(prepared, initBindings=bindings or None))  # evaluated as it is read
    except Exception as exc:  # rdflib raises bare Exceptions; a SERVICE's remote raises urllib's and json's
        if allow_service and remote_keyword(text):
            raise KgError(f"query failed: a SERVICE did not answer as expected: {_one_line(exc)}") from None
        raise KgError(f"query failed: {_one_line(exc)}") from None


def _rdflib_result(res) -> QueryResult:
    if res.type == "ASK":
        return QueryResult("ask", boolean=bool(res.askAnswer))
    if res.type in ("CONSTRUCT", "DESCRIBE"):
        g = _new_graph()
        for t in res.graph:
            g.add(t)
        return QueryResult("graph", graph=g)
    vars_ = tuple(str(v) for v in res.vars)
    rows = [Row(tuple(r), vars_) for r in res]
    return QueryResult("select", vars_, rows)


def _new_graph() -> Graph:
    from kg.rdf.mapping import new_graph

    return new_graph()


def _iris(result: QueryResult) -> list:
    """The IRIs of a SELECT result's rows, each once."""
    from rdflib import URIRef

    return list(dict.fromkeys(t for row in result.rows for t in row if isinstance(t, URIRef)))


def _rdflib_names(graph: Graph, iris: list) -> dict[str, str]:
    from rdflib.namespace import RDFS

    out = {}
    for iri in iris:
        labels = [str(o) for o in graph.objects(iri, RDFS.label)]
        if labels:
            out[str(iri)] = min(labels)
    return out


def _ox_names(store, union: bool, iris: list) -> dict[str, str]:
    import pyoxigraph as ox
    from rdflib.namespace import RDFS

    label, graph = ox.NamedNode(str(RDFS.label)), None if union else ox.DefaultGraph()
    out = {}
    for iri in iris:
        labels = [q.object.value for q in store.quads_for_pattern(ox.NamedNode(str(iri)), label, None, graph)]
        if labels:
            out[str(iri)] = min(labels)
    return out


def _rdflib_labels(graph: Graph):
    from rdflib.namespace import RDFS, SKOS

    return lambda: itertools.chain(((s, str(o), False) for s, o in graph.subject_objects(RDFS.label)),
                                   ((s, str(o), True) for s, o in graph.subject_objects(SKOS.altLabel)))


def _ox_labels(store, union: bool):
    import pyoxigraph as ox
    from rdflib.namespace import RDFS, SKOS

    graph = None if union else ox.DefaultGraph()

    def read():
        for p, alternative in ((RDFS.label, False), (SKOS.altLabel, True)):
            for q in store.quads_for_pattern(None, ox.NamedNode(str(p)), None, graph):
                yield q.subject, q.object.value, alternative
    return read


def _execute(source, sq: SavedQuery, bindings: dict, on_loaded=None, allow_service: bool = False,
             labels: bool = False) -> QueryResult:
    """Run ``sq`` on any kind of source; ``on_loaded()`` is called once the source is open; with
    ``labels``, the ``rdfs:label`` of the IRIs of a SELECT's rows are read from the source too."""
    kind = _source_kind(source)
    closer = None
    if kind == "rdflib":
        def run(text: str, b: dict) -> QueryResult:
            return _run_rdflib(source, text, b, allow_service)
        names, to_term = _rdflib_labels(source), (lambda n: n)

        def label_of(iris: list) -> dict[str, str]:
            return _rdflib_names(source, iris)
    else:
        if kind == "path":
            store, union, closer = _open_path(source)
        else:
            store, union = (source.oxigraph if kind == "kgstore" else source), False

        def run(text: str, b: dict) -> QueryResult:
            return _run_ox(store, text, b, union)
        names, to_term = _ox_labels(store, union), _from_ox

        def label_of(iris: list) -> dict[str, str]:
            return _ox_names(store, union, iris)
    try:
        if on_loaded is not None:
            on_loaded()
        results = [run(sq.text, b) for b in entity_bindings(sq, bindings, names, to_term)]
        if labels and results[0].kind == "select":
            results[0].labels = label_of(_iris(QueryResult("select", rows=[row for r in results for row in r.rows])))
    finally:
        if closer is not None:
            closer.close()
    result = results[0]
    if len(results) > 1 and result.kind == "select":  # one run per entity a name named
        result = QueryResult("select", result.vars, [row for r in results for row in r.rows], labels=result.labels)
    if sq.params and result.kind == "select":  # an entity parameter's column says which entity a row is about
        result = result.drop(p.name for p in sq.params if p.type != "entity")
    return result


def _child(conn, source, sq, bindings, allow_service, labels) -> None:  # pragma: no cover - runs in a child process
    try:
        result = _execute(source, sq, bindings, on_loaded=lambda: conn.send(("ready", None)), allow_service=allow_service,
                          labels=labels)
        conn.send(("ok", result))
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent
        try:
            conn.send(("error", exc))
        except Exception:
            conn.send(("error", KgError(str(exc))))
    finally:
        conn.close()


def _execute_with_timeout(source, sq: SavedQuery, bindings: dict, timeout: float, allow_service: bool = False,
                          labels: bool = False) -> QueryResult:
    """Run the query in a child process and stop it after ``timeout`` seconds.

    The clock starts once the source is loaded: a big graph file takes its time to parse, the
    timeout is about the query.
    """
    methods = multiprocessing.get_all_start_methods()
    in_memory = not isinstance(source, (str, os.PathLike))
    if in_memory and "fork" not in methods:
        raise KgError("a timeout on an in-memory graph needs the 'fork' start method; query a file or store path instead")
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, source, sq, bindings, allow_service, labels), daemon=True)
    proc.start()
    child.close()
    try:
        stage = "ready"
        waited = None  # no timeout while loading
        while True:
            if not parent.poll(waited):
                if stage == "ok":
                    raise QueryTimeout(f"query stopped after {timeout:g} s (timeout); narrow it down, add a LIMIT, or raise --timeout")
            try:
                tag, payload = parent.recv()
            except EOFError:
                raise KgError(f"the query process died (exit code {proc.exitcode})") from None
            if tag == "ready":
                stage, waited = "ok", timeout
                continue
            if tag == "error":
                raise payload
            return payload
    finally:
        if proc.is_alive():
            proc.terminate()
            proc.join(2)
            if proc.is_alive():
                proc.kill()
        proc.join()
        parent.close()


def run_query(source, query_or_name: str, params: Mapping[str, Any] | None = None, timeout: float | None = None,
              *, allow_service: bool = False, labels: bool = False) -> QueryResult:
    """Run a saved query (by name), a ``.rq`` file or SPARQL text against ``source``.

    ``params`` are bound as RDF terms (declared types for saved queries; plain strings become
    literals, ``<…>`` IRIs). ``timeout`` (seconds; 0 or ``None``: none) stops a runaway query with
    :class:`QueryTimeout`. ``labels`` reads the ``rdfs:label`` of the IRIs of a SELECT's rows
    into :attr:`QueryResult.labels` (what :meth:`QueryResult.to_dataframe` shows beside them).
    ``SERVICE`` (and, with rdflib, ``FROM``) is refused unless
    ``allow_service`` (:class:`~kg.sparql.remote.RemoteRefused`). Errors are
    :class:`kg.errors.InputError` (bad query, unknown name, missing source, refused SERVICE) or
    :class:`kg.errors.KgError`.
    """
    sq = resolve_query(query_or_name)
    check_remote(sq.text, allow=allow_service)
    bindings = _bindings(sq, params)
    if isinstance(source, (str, os.PathLike)):
        p = Path(source)
        if not p.exists():
            raise InputError("no such graph file or store folder", path=p)
    if timeout is not None and timeout < 0:
        raise InputError("--timeout must be 0 (none) or a positive number of seconds")
    if timeout:
        return _execute_with_timeout(source, sq, bindings, timeout, allow_service, labels)
    return _execute(source, sq, bindings, allow_service=allow_service, labels=labels)


def query(source, query_or_name: str, params: Mapping[str, Any] | None = None, *, timeout: float | None = None,
          allow_service: bool = False, **kwparams):
    """For notebooks: like :func:`run_query`, with parameters also as keywords.

    Returns a pandas ``DataFrame`` for SELECT when pandas is installed (else the
    :class:`QueryResult` rows), a ``bool`` for ASK and an rdflib ``Graph`` for CONSTRUCT/DESCRIBE.
    In the DataFrame a column of IRIs ``x`` holds their names (``rdfs:label``, else the prefixed
    IRI) and ``x_iri`` the IRIs; dates are ``datetime64``, numbers ``Int64``/``Float64``, text
    ``string``, and a missing value is ``pd.NA`` (``NaT`` for dates): :mod:`kg.sparql.results`.

    >>> import kg                                                          # doctest: +SKIP
    >>> kg.query("out/graph.ttl", "ministers", country="FRA")               # doctest: +SKIP
    """
    merged = {**(params or {}), **kwparams}
    try:
        import pandas  # noqa: F401
    except ImportError:
        pandas = None
    result = run_query(source, query_or_name, merged, timeout=timeout, allow_service=allow_service,
                       labels=pandas is not None)
    if result.kind == "ask":
        return bool(result.boolean)
    if result.kind == "graph":
        return result.graph
    return result if pandas is None else result.to_dataframe()
