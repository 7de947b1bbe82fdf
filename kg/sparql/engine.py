"""SPARQL over a graph file, an rdflib graph or a kg store, with saved queries and safe parameters.

>>> from kg.sparql.engine import run_query                                            # doctest: +SKIP
>>> rows = run_query("out/graph.ttl", "ministers", {"country": "France"})      # doctest: +SKIP
>>> for row in rows: print(row["minister"], row["role"])                       # doctest: +SKIP
>>> import kg; df = kg.query("out/graph.ttl", "attendees", summit="AI Safety")  # a DataFrame with pandas  # doctest: +SKIP

Sources (``source``):

* an rdflib :class:`~rdflib.Graph` — queried with rdflib;
* a ``pyoxigraph.Store`` or a :class:`kg.store.KgStore` — queried with Oxigraph;
* a path: a folder is a kg store (opened read-only), a file (``.ttl``, ``.nt``, ``.trig``,
  ``.nq``, ``.jsonld``, ``.rdf``) is loaded into an in-memory Oxigraph store.

Queries (``query_or_name``): the name of a saved query (``ontology/queries/NAME.rq``), the path
of a ``.rq`` file, or SPARQL text. The prefixes of :data:`kg.vocab.PREFIXES` are predeclared.

Parameters are bound as RDF terms by the engine (rdflib ``initBindings``, Oxigraph
``substitutions``), never pasted into the query text, so a value such as
``x" } ?s ?p ?o { "`` is only ever a string to compare with. A saved query declares its
parameters in its header::

    # name: evidence
    # description: The evidence behind relations ...
    # param: predicate (iri) — only this relation, e.g. kg:ministerOf
    # param: entity (required) — name of the entity

Types are ``literal`` (default), ``iri`` (``kg:ministerOf``, ``<https://…>``), ``integer``
and ``date``. A parameter variable must appear in the SELECT clause (Oxigraph substitutes
projected variables only); declared parameters are dropped from the rows returned.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import InputError, KgError
from kg.rdf.formats import load_graph_file
from kg.rdf.terms import OxConverter as _OxConverter
from kg.rdf.terms import from_ox as _from_ox
from kg.rdf.terms import to_ox as _to_ox
from kg.rdf.vocab import KG, PREFIXES

__all__ = [
    "SavedQuery",
    "Param",
    "QueryResult",
    "Row",
    "QueryTimeout",
    "QuerySyntaxError",
    "saved_queries",
    "resolve_query",
    "run_query",
    "query",
    "format_result",
    "FORMATS",
]

#: Output formats of :func:`format_result` (CONSTRUCT/DESCRIBE results are always Turtle).
FORMATS = ("table", "json", "csv", "tsv")

_PARAM_TYPES = ("literal", "iri", "integer", "date")


class QueryTimeout(KgError):
    """The query ran longer than its timeout and was stopped."""


class QuerySyntaxError(InputError):
    """The SPARQL text does not parse (the message gives line and column)."""


# --------------------------------------------------------------------------------------------
# saved queries


@dataclass(frozen=True)
class Param:
    name: str
    type: str = "literal"  #: literal | iri | integer | date
    required: bool = False
    description: str = ""


@dataclass(frozen=True)
class SavedQuery:
    name: str
    description: str
    text: str
    params: tuple[Param, ...] = ()
    path: Path | None = None

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


_HEADER = re.compile(r"^#\s*(name|description|param)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*(?:\(([^)]*)\))?\s*(?:[—–]|--?)?\s*(.*)$")


def parse_saved_query(text: str, path: Path | None = None) -> SavedQuery:
    """Read the ``# name:`` / ``# description:`` / ``# param:`` header of a ``.rq`` file."""
    name = path.stem if path is not None else ""
    description = ""
    params: list[Param] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        m = _HEADER.match(line)
        if not m:
            continue
        key, value = m.groups()
        if key == "name":
            name = value
        elif key == "description":
            description = value
        else:
            pm = _PARAM.match(value)
            if not pm:
                raise KgError(f"{path}: bad '# param:' line: {line}")
            pname, opts, desc = pm.groups()
            words = [w.strip() for w in (opts or "").split(",") if w.strip()]
            ptype = next((w for w in words if w in _PARAM_TYPES), "literal")
            unknown = [w for w in words if w not in _PARAM_TYPES and w != "required"]
            if unknown:
                raise KgError(f"{path}: unknown parameter option(s) {', '.join(unknown)} in: {line}")
            params.append(Param(pname, ptype, "required" in words, desc))
    return SavedQuery(name, description, text, tuple(params), path)


def queries_dir() -> Path:
    """The folder of the saved queries (``ontology/queries``, installed as ``kg.ontology/queries``)."""
    from importlib.resources import files

    return Path(str(files("kg.ontology") / "queries"))


def saved_queries(folder: str | os.PathLike[str] | None = None) -> dict[str, SavedQuery]:
    """The saved queries by name, sorted by name."""
    folder = Path(folder) if folder is not None else queries_dir()
    out = {}
    for path in sorted(folder.glob("*.rq")):
        sq = parse_saved_query(path.read_text(encoding="utf-8"), path)
        out[sq.name] = sq
    return dict(sorted(out.items()))


_SPARQL_START = re.compile(r"^\s*(?:#[^\n]*\n\s*)*(PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)


def resolve_query(query_or_name: str) -> SavedQuery:
    """A saved query by name, a ``.rq`` file, or SPARQL text, as a :class:`SavedQuery`.

    An unknown name raises :class:`InputError` listing the saved queries.
    """
    text = query_or_name
    saved = saved_queries()
    if text in saved:
        return saved[text]
    if _SPARQL_START.match(text) or "{" in text:
        return SavedQuery("", "", text)
    path = Path(text).expanduser()
    if path.suffix == ".rq" or path.is_file():
        if not path.is_file():
            raise InputError("no such query file", path=path)
        return parse_saved_query(path.read_text(encoding="utf-8"), path)
    raise InputError(
        f"unknown saved query {text!r}; saved queries: {', '.join(saved)} "
        "(or give SPARQL text or a .rq file; kg query --list describes them)"
    )


# --------------------------------------------------------------------------------------------
# results


class Row(tuple):
    """One solution: a tuple of rdflib terms (``None`` when unbound), also readable by name."""

    _vars: tuple[str, ...] = ()

    def __new__(cls, values, vars_):
        row = super().__new__(cls, values)
        row._vars = vars_
        return row

    def __getitem__(self, key):
        if isinstance(key, str):
            try:
                return tuple.__getitem__(self, self._vars.index(key))
            except ValueError:
                raise KeyError(key) from None
        return tuple.__getitem__(self, key)

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def get(self, key, default=None):
        try:
            return self[key]
        except (KeyError, IndexError):
            return default

    def asdict(self) -> dict[str, Any]:
        return dict(zip(self._vars, self))

    def __reduce__(self):
        return (Row, (tuple(self), self._vars))


@dataclass
class QueryResult:
    """The answer to a query: rows (SELECT), a boolean (ASK) or a graph (CONSTRUCT/DESCRIBE).

    Iterating gives the rows; ``len()`` their number; ``result.vars`` the column names.
    """

    kind: str  #: "select" | "ask" | "graph"
    vars: tuple[str, ...] = ()
    rows: list[Row] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def __len__(self) -> int:
        if self.kind == "graph" and self.graph is not None:
            return len(self.graph)
        return len(self.rows)

    def __getitem__(self, i):
        return self.rows[i]

    def __bool__(self) -> bool:
        return bool(self.boolean) if self.kind == "ask" else len(self) > 0

    def to_dicts(self) -> list[dict[str, Any]]:
        """Rows as dicts of Python values (IRIs as strings, literals converted: dates, numbers …)."""
        return [{v: to_python(t) for v, t in zip(self.vars, row)} for row in self.rows]

    def to_dataframe(self):
        import pandas as pd

        return pd.DataFrame(self.to_dicts(), columns=list(self.vars))

    def drop(self, names) -> QueryResult:
        names = set(names)
        keep = [i for i, v in enumerate(self.vars) if v not in names]
        vars_ = tuple(self.vars[i] for i in keep)
        rows = [Row([r[i] for i in keep], vars_) for r in self.rows]
        return QueryResult(self.kind, vars_, rows, self.boolean, self.graph)


def to_python(term):
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal):
            return float(value)
        if isinstance(value, Literal):  # ill-typed or unknown datatype
            return str(value)
        return value
    return str(term)


# --------------------------------------------------------------------------------------------
# rdflib ⇄ pyoxigraph terms

# --------------------------------------------------------------------------------------------
# parameters


def param_term(value: Any, ptype: str = "literal"):
    """A parameter value as an rdflib term of the declared type (never query text)."""
    from kg.rdf.terms import date_literal

    if isinstance(value, (URIRef, Literal, BNode)):
        return value
    if ptype == "iri":
        return _iri(str(value))
    if ptype == "integer":
        try:
            return Literal(int(value), datatype=XSD.integer)
        except (TypeError, ValueError):
            raise InputError(f"parameter value {value!r} is not an integer") from None
    if ptype == "date":
        lit = date_literal(str(value))
        if lit.datatype is None:
            raise InputError(f"parameter value {value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
        return lit
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    return Literal(str(value))


_IRI_BAD = re.compile(r'[\s<>"{}|^`\\]')


def _iri(value: str) -> URIRef:
    v = value.strip()
    if v.startswith("<") and v.endswith(">"):
        v = v[1:-1]
    elif ":" in v and v.split(":", 1)[0] in PREFIXES and not v.split(":", 1)[1].startswith("//"):
        prefix, local = v.split(":", 1)
        v = PREFIXES[prefix] + local
    elif ":" not in v and v in dir(KG):
        v = str(KG._NS) + v
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", v) or _IRI_BAD.search(v):
        raise InputError(
            f"parameter value {value!r} is not an IRI: give a prefixed name (kg:ministerOf) or <https://…>"
        )
    return URIRef(v)


def _bindings(sq: SavedQuery, params: Mapping[str, Any] | None) -> dict[str, Any]:
    params = dict(params or {})
    if sq.params:
        declared = {p.name for p in sq.params}
        unknown = sorted(set(params) - declared)
        if unknown:
            raise InputError(
                f"query {sq.name!r} has no parameter {', '.join(unknown)}; its parameters: {', '.join(sorted(declared))}"
            )
        missing = [p.name for p in sq.params if p.required and params.get(p.name) in (None, "")]
        if missing:
            raise InputError(f"query {sq.name!r} needs --param {missing[0]}=VALUE ({sq.param(missing[0]).description})")
    out = {}
    for name, value in params.items():
        if value is None:
            continue
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise InputError(f"bad parameter name {name!r}")
        p = sq.param(name)
        if p is None and isinstance(value, str) and value.startswith("<") and value.endswith(">"):
            out[name] = _iri(value)
        else:
            out[name] = param_term(value, p.type if p else "literal")
    return out


def parse_params(pairs: list[str] | None) -> dict[str, str]:
    """``["name=value", ...]`` (the ``--param`` options) → dict."""
    out = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise InputError(f"--param {pair!r}: expected NAME=VALUE")
        out[name.strip()] = value
    return out


# --------------------------------------------------------------------------------------------
# sources


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


# --------------------------------------------------------------------------------------------
# running


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


def _run_ox(store, text: str, bindings: dict, union: bool) -> QueryResult:
    import pyoxigraph as ox

    subs = {ox.Variable(k): _to_ox(v) for k, v in bindings.items()}
    try:
        res = store.query(text, prefixes=PREFIXES, substitutions=subs or None, use_default_graph_as_union=union)
    except SyntaxError as exc:
        raise _syntax_error(exc, text) from None
    except RuntimeError as exc:
        if "projection" in str(exc):
            raise InputError(f"a --param names a variable the query does not SELECT: {exc}") from None
        raise KgError(f"query failed: {exc}") from None
    except OSError as exc:
        raise KgError(f"query failed: {exc}") from None
    if isinstance(res, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(res))
    if isinstance(res, ox.QuerySolutions):
        vars_ = tuple(v.value for v in res.variables)
        conv = _OxConverter()
        rows = [Row([conv(t) for t in s], vars_) for s in res]
        return QueryResult("select", vars_, rows)
    g = _new_graph()
    for t in res:
        g.add((_from_ox(t.subject), _from_ox(t.predicate), _from_ox(t.object)))
    return QueryResult("graph", graph=g)


def _run_rdflib(graph: Graph, text: str, bindings: dict) -> QueryResult:
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepared = prepareQuery(text, initNs=PREFIXES)
    except ParseException as exc:
        raise _rdflib_syntax_error(exc) from None
    except Exception as exc:  # rdflib raises bare Exception for an unknown prefix
        raise QuerySyntaxError(f"malformed query: {exc}") from None
    res = graph.query(prepared, initBindings=bindings or None)
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


def _execute(source, sq: SavedQuery, bindings: dict, on_loaded=None) -> QueryResult:
    """Run ``sq`` on any kind of source; ``on_loaded()`` is called once the source is open."""
    kind = _source_kind(source)
    if kind in ("rdflib", "kgstore", "oxstore"):
        if on_loaded is not None:
            on_loaded()
        if kind == "rdflib":
            result = _run_rdflib(source, sq.text, bindings)
        else:
            result = _run_ox(source.oxigraph if kind == "kgstore" else source, sq.text, bindings, False)
    else:
        store, union, closer = _open_path(source)
        try:
            if on_loaded is not None:
                on_loaded()
            result = _run_ox(store, sq.text, bindings, union)
        finally:
            if closer is not None:
                closer.close()
    if sq.params and result.kind == "select":
        result = result.drop(p.name for p in sq.params)
    return result


def _child(conn, source, sq, bindings) -> None:  # pragma: no cover - runs in a child process
    try:
        result = _execute(source, sq, bindings, on_loaded=lambda: conn.send(("ready", None)))
        conn.send(("ok", result))
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent
        try:
            conn.send(("error", exc))
        except Exception:
            conn.send(("error", KgError(str(exc))))
    finally:
        conn.close()


def _execute_with_timeout(source, sq: SavedQuery, bindings: dict, timeout: float) -> QueryResult:
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
    proc = ctx.Process(target=_child, args=(child, source, sq, bindings), daemon=True)
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


def run_query(source, query_or_name: str, params: Mapping[str, Any] | None = None, timeout: float | None = None) -> QueryResult:
    """Run a saved query (by name), a ``.rq`` file or SPARQL text against ``source``.

    ``params`` are bound as RDF terms (declared types for saved queries; plain strings become
    literals, ``<…>`` IRIs). ``timeout`` (seconds) stops a runaway query with :class:`QueryTimeout`.
    Errors are :class:`kg.errors.InputError` (bad query, unknown name, missing source) or
    :class:`kg.errors.KgError`.
    """
    sq = resolve_query(query_or_name)
    bindings = _bindings(sq, params)
    if isinstance(source, (str, os.PathLike)):
        p = Path(source)
        if not p.exists():
            raise InputError("no such graph file or store folder", path=p)
    if timeout is not None:
        if timeout <= 0:
            raise InputError("--timeout must be a positive number of seconds")
        return _execute_with_timeout(source, sq, bindings, timeout)
    return _execute(source, sq, bindings)


def query(source, query_or_name: str, params: Mapping[str, Any] | None = None, *, timeout: float | None = None, **kwparams):
    """For notebooks: like :func:`run_query`, with parameters also as keywords.

    Returns a pandas ``DataFrame`` for SELECT when pandas is installed (else the
    :class:`QueryResult` rows), a ``bool`` for ASK and an rdflib ``Graph`` for CONSTRUCT/DESCRIBE.

    >>> import kg                                                          # doctest: +SKIP
    >>> kg.query("out/graph.ttl", "ministers", country="FRA")               # doctest: +SKIP
    """
    merged = {**(params or {}), **kwparams}
    result = run_query(source, query_or_name, merged, timeout=timeout)
    if result.kind == "ask":
        return bool(result.boolean)
    if result.kind == "graph":
        return result.graph
    try:
        import pandas  # noqa: F401
    except ImportError:
        return result
    return result.to_dataframe()


# --------------------------------------------------------------------------------------------
# output


def _short(term, *, prefixes: Mapping[str, str] = PREFIXES) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        s = str(term)
        best = max(((p, ns) for p, ns in prefixes.items() if s.startswith(ns)), key=lambda x: len(x[1]), default=None)
        return f"{best[0]}:{s[len(best[1]):]}" if best else s
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _cell(text: str, width: int) -> str:
    text = " ".join(text.split())  # no line breaks or tabs inside a table cell
    if width and len(text) > width:
        return text[: max(width - 1, 1)] + "…"
    return text


def format_table(result: QueryResult, max_width: int = 60) -> str:
    if result.kind == "ask":
        return "true\n" if result.boolean else "false\n"
    header = list(result.vars)
    body = [[_cell(_short(t), max_width) for t in row] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]
    numeric = [
        all(isinstance(row[i], Literal) and isinstance(row[i].toPython(), (int, float, Decimal)) and not isinstance(row[i].toPython(), bool)
            for row in result.rows if row[i] is not None) and any(row[i] is not None for row in result.rows)
        for i in range(len(header))
    ]

    def line(cells):
        out = [c.rjust(w) if num else c.ljust(w) for c, w, num in zip(cells, widths, numeric)]
        return "  ".join(out).rstrip()

    lines = [line(header), "  ".join("-" * w for w in widths)]
    lines += [line(r) for r in body]
    n = len(result.rows)
    lines.append(f"({n} row{'s' if n != 1 else ''})")
    return "\n".join(lines) + "\n"


def _json_term(term) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    d = {"type": "literal", "value": str(term)}
    if term.language:
        d["xml:lang"] = term.language
    elif term.datatype is not None:
        d["datatype"] = str(term.datatype)
    return d


def format_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.kind == "ask":
        doc = {"head": {}, "boolean": bool(result.boolean)}
    else:
        doc = {
            "head": {"vars": list(result.vars)},
            "results": {"bindings": [
                {v: _json_term(t) for v, t in zip(result.vars, row) if t is not None} for row in result.rows
            ]},
        }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def format_csv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results CSV (plain values, CRLF line ends)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if result.kind == "ask":
        w.writerow(["boolean"])
        w.writerow(["true" if result.boolean else "false"])
        return buf.getvalue()
    w.writerow(result.vars)
    for row in result.rows:
        w.writerow(["" if t is None else (f"_:{t}" if isinstance(t, BNode) else str(t)) for t in row])
    return buf.getvalue()


def _tsv_term(term) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return term.n3().replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def format_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results TSV (terms in Turtle syntax)."""
    if result.kind == "ask":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def format_result(result: QueryResult, fmt: str = "table", *, max_width: int = 60) -> str:
    """``result`` as text: table | json | csv | tsv; a CONSTRUCT/DESCRIBE graph is always Turtle."""
    if result.kind == "graph":
        return result.graph.serialize(format="turtle")
    if fmt == "table":
        return format_table(result, max_width)
    if fmt == "json":
        return format_json(result)
    if fmt == "csv":
        return format_csv(result)
    if fmt == "tsv":
        return format_tsv(result)
    raise InputError(f"unknown format {fmt!r}: {', '.join(FORMATS)}")
