"""SHACL validation of kg graphs against ``ontology/shapes.ttl``.

Two engines give the same violations (focus node, property, value, message):

* ``"shacl"`` (the default): the `shacl <https://pypi.org/project/shacl/>`_ package, a SHACL
  engine written in Rust, run on the graph's N-Triples: 60–300× faster than pySHACL on an
  article, 10–30× on 100,000 triples;
* ``"pyshacl"``: `pySHACL <https://github.com/RDFLib/pySHACL>`_ on an rdflib graph, the reference
  (``tests/validate/test_engines.py`` checks that both report the same violations on every
  broken graph of ``tests/validate/test_validate.py``).

A graph the Rust engine cannot read — an rdflib graph holding an IRI that is not valid RDF, such
as one with a space, which rdflib keeps in memory but no N-Triples parser accepts — is validated
with pySHACL instead.

>>> report = validate_graph(graph)                       # doctest: +SKIP
>>> report.conforms, len(report.violations)              # doctest: +SKIP
(True, 0)
>>> print(validate_file("out/graph.ttl").format())       # doctest: +SKIP

The shapes say what a good graph is: every entity is an IRI of the kg id namespace with exactly
one ``rdfs:label``, exactly one class of the ontology and at least one mention; the eleven
relations link entities of their domain and range; start and end dates are ``xsd:date`` (or
``xsd:gYearMonth``) and the start is not after the end; an announcement has at least one
``announcedBy``; every relation is backed by a ``kg:Assertion`` derived from an article; mentions
and assertions carry article, sentence, offsets and a confidence between 0 and 1.

Each :class:`Violation` names the focus node (and its ``rdfs:label``), the property, the
offending value and the shape's message in plain words.

Speed, pySHACL: it re-parses a SPARQL-based constraint's text for every focus node, and rdflib's
parser is slow (~0.2 s a parse here). :func:`validate_graph` hands pySHACL a view of the graph
(same store, no copy) whose ``query`` parses each distinct query text once.
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH


__all__ = ["Violation", "Report", "ENGINES", "shapes_path", "load_shapes", "validate_graph", "validate_ntriples", "validate_file",
           "validate_build"]

#: The validation engines, by name; the first is the default.
ENGINES = ("shacl", "pyshacl")


def shapes_path() -> Path:
    """Where the shapes are (``ontology/shapes.ttl``, installed as ``kg.ontology``)."""
    from importlib.resources import files

    return Path(str(files("kg.ontology") / "shapes.ttl"))


@functools.lru_cache(maxsize=1)
def load_shapes() -> Graph:
    """The shapes graph, parsed once per process."""
    return Graph().parse(shapes_path(), format="turtle")


@dataclass(frozen=True)
class Violation:
    """One validation result, in the words ``kg validate`` prints."""

    focus: str  #: the node that breaks the rule (IRI, or ``_:b0`` for a blank node)
    focus_label: str | None  #: its rdfs:label, when it has one
    path: str | None  #: the property, as ``kg:startDate`` (``^kg:mentionOf`` for an inverse path)
    value: str | None  #: the offending value, if any
    message: str  #: what the rule says
    severity: str = "Violation"  #: ``Violation``, ``Warning`` or ``Info``
    shape: str = ""  #: the source shape (``kgsh:Entity``)

    def __str__(self) -> str:
        who = f"{self.focus_label!r} <{self.focus}>" if self.focus_label else f"<{self.focus}>"
        where = f" {self.path}" if self.path else ""
        value = f" = {self.value}" if self.value is not None else ""
        return f"{who}{where}{value}: {self.message}"


@dataclass
class Report:
    """The outcome of a validation: ``conforms`` is False when there is at least one violation.
    ``violations`` holds every result, warnings included (their ``severity`` says which)."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0
    source: str = ""

    def format(self, max_items: int | None = 50) -> str:
        """A readable report: a verdict line, then one line per violation (grouped by message), the
        warnings (``[Warning]``, which do not break conformance) after them."""
        name = f"{self.source}: " if self.source else ""
        n = len(self.violations)
        warned = sum(v.severity != "Violation" for v in self.violations)
        also = f", and {_count(warned, 'warning')}" if warned else ""
        if self.conforms:
            head = f"{name}conforms to the kg shapes ({self.triples} triples, {self.seconds:.2f}s)"
            if not warned:
                return head
            lines = [head + f", with {_count(warned, 'warning')}"]
        else:
            lines = [f"{name}{_count(n - warned, 'violation')} of the kg shapes ({self.triples} triples){also}"]
        ordered = sorted(self.violations, key=lambda v: v.severity != "Violation")
        shown = ordered if max_items is None else ordered[:max_items]
        for v in shown:
            lines.append(f"  {v}" if v.severity == "Violation" else f"  [{v.severity}] {v}")
        if len(shown) < n:
            lines.append(f"  ... and {n - len(shown)} more (all of them: kg validate GRAPH --max 0)")
        return "\n".join(lines)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


# ── validation ────────────────────────────────────────────────────────────────────────────────


@functools.lru_cache(maxsize=64)
def _prepared(text: str):
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text)


class _PreparedQueries(Graph):
    """A view of a graph's store whose ``query`` parses each query text only once."""

    def query(self, query_object, processor="sparql", result="sparql", initNs=None, initBindings=None,  # noqa: N803
              use_store_provided=True, **kwargs):  # type: ignore[override]
        if isinstance(query_object, str) and processor == "sparql" and not initNs:
            query_object = _prepared(query_object)
        return super().query(query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs)


def _shapes_file(path: str | os.PathLike[str]) -> Path:
    """A shapes file given by the user: it must exist and parse (the engines' own errors are terse)."""
    from kg.errors import InputError

    p = Path(path)
    if not p.is_file():
        raise InputError("no such shapes file", path=p)
    try:
        Graph().parse(p, format="turtle")
    except Exception as exc:  # noqa: BLE001 - rdflib's parsers raise many types
        raise InputError(f"cannot parse the shapes: {' '.join(str(exc).split())}", path=p) from None
    return p


def validate_graph(graph: Graph, *, shapes: Graph | str | os.PathLike[str] | None = None, engine: str = "shacl") -> Report:
    """Validate ``graph`` against the kg shapes (or ``shapes``, a graph or a Turtle file); the
    graph is not modified."""
    _check_engine(engine)
    if engine == "shacl":
        try:
            text = graph.serialize(format="nt")
        except Exception:  # noqa: BLE001 - an IRI rdflib holds but cannot write (a space...): pySHACL reads it
            text = None
        if text is not None:
            report = validate_ntriples(text, shapes=shapes, label=lambda node: graph.value(node, RDFS.label))
            return report
    return _validate_pyshacl(graph, shapes)


def _check_engine(engine: str) -> None:
    if engine not in ENGINES:
        from kg.errors import InputError

        raise InputError(f"unknown validation engine {engine!r}: {', '.join(ENGINES)}")


def _validate_pyshacl(graph: Graph, shapes: Graph | str | os.PathLike[str] | None) -> Report:
    import pyshacl

    if shapes is not None and not isinstance(shapes, Graph):
        shapes = Graph().parse(_shapes_file(shapes), format="turtle")
    shapes = load_shapes() if shapes is None else shapes
    view = _PreparedQueries(store=graph.store, identifier=graph.identifier, namespace_manager=graph.namespace_manager)
    t0 = time.perf_counter()
    conforms, results, _ = pyshacl.validate(
        view, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True, inplace=True,
    )
    seconds = time.perf_counter() - t0
    violations = _violations(results, graph, shapes)
    return Report(bool(conforms), violations, len(graph), seconds)


@functools.lru_cache(maxsize=4)
def _rust_shapes(path: str | None, text: str | None = None):
    """The shapes compiled by the Rust engine, once per file (or text)."""
    import shacl

    return shacl.Shapes.from_file(path) if text is None else shacl.Shapes.from_text(text, format="turtle")


def validate_ntriples(text: str | bytes, *, shapes: Graph | str | os.PathLike[str] | None = None,
                      label: Callable[[URIRef], object] | None = None, triples: int | None = None) -> Report:
    """Validate a graph given as N-Triples text with the Rust engine; ``label(node)`` gives a
    focus node's ``rdfs:label`` for the report (the caller holds the graph). ``shapes``: a shapes
    graph or file instead of the kg shapes."""

    if isinstance(text, bytes):
        text = text.decode("utf-8")
    if shapes is None or not isinstance(shapes, Graph):
        engine = _rust_shapes(str(shapes_path() if shapes is None else _shapes_file(shapes)))
    else:
        engine = _rust_shapes(None, shapes.serialize(format="turtle"))
    return _report(engine, text, label, triples)


def _report(engine, text: str, label: Callable[[URIRef], object] | None, triples: int | None) -> Report:
    """Run the compiled Rust shapes ``engine`` on N-Triples ``text``: the :class:`Report`."""
    from kg.rdf.turtle import parse_term

    t0 = time.perf_counter()
    report = engine.validate_text(text, format="ntriples", allow_warnings=True)
    seconds = time.perf_counter() - t0

    def term(nt: str | None):
        if nt is None:
            return None
        if nt.startswith("_:"):
            return BNode(nt[2:])
        if nt.startswith("^"):
            return parse_term(nt[1:])
        return parse_term(nt)

    violations = []
    for r in report.results:
        focus = term(r.focus_node)
        value = term(r.value)
        path = None
        if r.path is not None:
            path = ("^" if r.path.startswith("^") else "") + _short(None, term(r.path))
        lab = label(focus) if label is not None and focus is not None else None
        messages = sorted(m for m in (r.messages or []) if m)
        source = term(r.source_shape)
        violations.append(Violation(
            focus=str(focus) if isinstance(focus, URIRef) else f"_:{focus}",
            focus_label=str(lab) if lab is not None else None,
            path=path,
            value=None if value is None or value == focus else _short(None, value),
            message=messages[0] if messages else "violates " + _short(None, URIRef(r.component_iri)),
            severity=r.severity or "Violation",
            shape=_short(None, source) if isinstance(source, URIRef) else "",
        ))
    violations.sort(key=lambda v: (v.message, v.focus, v.path or "", v.value or ""))
    n = triples if triples is not None else text.count("\n")
    return Report(bool(report.conforms), violations, n, seconds)


def validate_file(path: str | os.PathLike[str], *, engine: str = "shacl",
                  shapes: str | os.PathLike[str] | None = None) -> Report:
    """Read an RDF file (format from its extension, Turtle by default) and validate it.

    A missing file, a folder, or a file that does not parse raises :class:`~kg.errors.InputError`
    with the parser's message.
    """
    from kg.errors import InputError
    from kg.rdf.formats import load_graph

    _check_engine(engine)
    p = Path(path)
    if p.is_dir():
        raise InputError("is a folder: give the graph file it holds (e.g. graph.ttl), or a store with kg query --store",
                         path=p)
    report = None
    if shapes is not None:
        shapes = _shapes_file(shapes)
    if engine == "shacl" and p.is_file():
        report = _validate_file_rust(p, shapes)
    if report is None:
        graph = load_graph(path)
        report = validate_graph(graph, engine=engine, shapes=shapes)
    report.source = os.fspath(path)
    return report


def _validate_file_rust(path: Path, shapes: Path | None) -> Report | None:
    """The file read by Oxigraph and validated by the Rust engine (None: let rdflib read it)."""
    import pyoxigraph as ox

    from kg.errors import InputError
    from kg.rdf.formats import load_graph_file
    from kg.rdf.terms import to_ox

    try:
        store, _dataset = load_graph_file(path)
    except InputError:
        return None  # rdflib reads some files Oxigraph refuses, and gives its own message for the others
    text = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()) if not _dataset else \
        ox.serialize((q.triple for q in store), format=ox.RdfFormat.N_TRIPLES)
    label_p = ox.NamedNode(str(RDFS.label))

    def label(node):
        try:
            return next((q.object.value for q in store.quads_for_pattern(to_ox(node), label_p, None)), None)
        except (TypeError, ValueError):
            return None

    return validate_ntriples(text, label=label, shapes=shapes)


@functools.lru_cache(maxsize=1)
def _names() -> Graph:
    """An empty graph with the project's prefixes: how IRIs are shortened in reports."""
    from kg.rdf.mapping import new_graph

    g = new_graph()
    g.bind("kgsh", "https://w3id.org/kg-news/shapes#")
    g.bind("sh", str(SH))
    return g


def _short(graph: Graph, node) -> str:
    graph = _names()
    if isinstance(node, URIRef):
        try:
            prefix, _, local = graph.namespace_manager.compute_qname(node, generate=False)
            return f"{prefix}:{local}" if local else str(node)
        except (KeyError, ValueError):
            return str(node)
    if isinstance(node, Literal):
        text = str(node)
        text = text if len(text) <= 80 else text[:77] + "..."
        dt = f"^^{_short(graph, node.datatype)}" if node.datatype else ""
        return f'"{text}"{dt}'
    return f"_:{node}"


def _path(graph: Graph, results: Graph, node) -> str | None:
    if node is None:
        return None
    inverse = results.value(node, SH.inversePath)
    if inverse is not None:
        return "^" + _short(graph, inverse)
    return _short(graph, node)


_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


def _violations(results: Graph, data: Graph, shapes: Graph) -> list[Violation]:
    out: list[Violation] = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(r, SH.focusNode)
        label = data.value(focus, RDFS.label) if focus is not None else None
        value = results.value(r, SH.value)
        messages = sorted(str(m) for m in results.objects(r, SH.resultMessage))
        source = results.value(r, SH.sourceShape)
        out.append(Violation(
            focus=str(focus) if isinstance(focus, URIRef) else f"_:{focus}",
            focus_label=str(label) if label is not None else None,
            path=_path(data, results, results.value(r, SH.resultPath)),
            value=None if value is None or value == focus else _short(data, value),
            message=messages[0] if messages else "violates " + _short(shapes, results.value(r, SH.sourceConstraintComponent)),
            severity=_SEVERITY.get(results.value(r, SH.resultSeverity), "Violation"),
            shape=_short(shapes, source) if isinstance(source, URIRef) else "",
        ))
    out.sort(key=lambda v: (v.message, v.focus, v.path or "", v.value or ""))
    return out


# ── kg build ──────────────────────────────────────────────────────────────────────────────────


def validate_build(
    graph: Graph,
    *,
    fatal: bool = False,
    target: str | os.PathLike[str] | None = None,
    warn: Callable[[str], None] | None = None,
    max_items: int = 20,
) -> bool:
    """What ``kg build`` runs after writing ``graph``: report violations through ``warn``.

    Returns True when the graph conforms. With ``fatal`` the caller is expected to exit with
    status 1 when it does not (the graph has been written all the same, so it can be inspected).
    """
    import sys

    report = validate_graph(graph)
    if target is not None:
        report.source = os.fspath(target)
    if not report.conforms:
        say = warn or (lambda m: print(f"kg: warning: {m}", file=sys.stderr))
        say(report.format(max_items=max_items) + ("" if not fatal else "\n  (--fail-on-invalid: exit status 1)"))
    return report.conforms

