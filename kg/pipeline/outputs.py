"""What ``kg build --out`` writes — ``graph.ttl``, its validation, ``graph.html`` — made by a helper
process while spaCy runs.

    this process: nlp.pipe ─► extraction ─► N-Triples (kg.rdf.emit) ─► BatchWriter ─► OutputSink
                  (-j1: extraction and N-Triples in a second process, kg.pipeline.handoff)
                                                                                        │ (a pipe)
    helper process, for each batch:                                                     ▼
        bulk load into an in-memory Oxigraph store: the merged graph (its default graph)
        reconcile the entities whose names the batch changed (kg.store.merged.BatchReconciler)
        add what the view reads (entities, relations, assertions, articles: not the mentions)
        to an rdflib graph, reconciled the same way
        format the Turtle blocks of the subjects the batch brings for the first time, as rdflib
        writes Turtle (kg.rdf.turtle.TurtleBuilder, reading them back from the store: canonical
        literals); those that come again (entities named in several articles) wait for the end
    then, at the end:
        the blocks are joined into graph.ttl's text, which goes back to this process to be
        written, while the helper validates the merged graph (the Rust SHACL engine, in a thread:
        it releases the GIL) and draws graph.html (kg.views) from the rdflib graph, in a forked
        copy of itself (on Linux) so that drawing a big graph does not wait for the Turtle's end

Why a process: the work of writing (loading, reconciling, building the view's graph) then runs on
another core than spaCy instead of taking turns with it for Python's GIL, so that a build with one
spaCy process runs at nearly the speed of bare ``nlp.pipe``. The merged graph is the one a store
build's default graph holds (same bulk loads, same reconcile step), so ``kg build --out`` and
``kg build --store`` write the same triples.

The helper reports back an :class:`OutputReport`: files written, validation report, the graph's
summary and where its time went.
"""

from __future__ import annotations

import contextlib
import os
import re
import struct
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.pipeline.results import ArticleResult

__all__ = ["OutputReport", "OutputSink"]


@dataclass
class OutputReport:
    """What the helper process wrote and found."""

    written: list[str] = field(default_factory=list)  #: graph.ttl, graph.html
    triples: int = 0  #: triples of the merged graph
    summary: str = ""  #: entities per class, relations, triples (as ``kg build`` prints it)
    report: Any = None  #: the validation :class:`kg.validate.Report` (None: not validated)
    seconds: dict[str, float] = field(default_factory=dict)  #: where the helper's time went, by step
    reconciled: int = 0  #: entities whose label or class merging decided


class OutputSink:
    """A sink (:mod:`kg.pipeline.sinks`) handing batches to the helper process that writes
    ``out_dir``'s files; :meth:`finish` waits for them and returns the :class:`OutputReport`.

    The helper is ``python -m kg.pipeline.outputs`` (a plain subprocess, so it starts the same from
    a script, a notebook or the CLI); batches go to its standard input as length-prefixed frames
    (an empty one ends), the pickled report comes back on its standard output."""

    def __init__(self, out_dir: str | Path, *, view: bool = True, validate: bool = True, shapes: Path | None = None) -> None:
        import os
        import subprocess
        import sys

        import kg

        env = dict(os.environ)
        root = str(Path(kg.__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join([root, *filter(None, [env.get("PYTHONPATH")])])
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "kg.pipeline.outputs", str(out_dir), "1" if view else "0", "1" if validate else "0",
             str(shapes or "")],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        self._target = Path(out_dir) / "graph.ttl"
        self.report: OutputReport | None = None

    def write(self, results: list[ArticleResult]) -> dict:
        self._send(b"".join(r.nt for r in results))
        return {"added": len(results), "loaded": sum(r.triples for r in results)}

    def write_ntriples(self, nt: bytes) -> None:
        """Add N-Triples to the graph (e.g. a store's merged graph)."""
        if nt:
            self._send(nt)

    def _send(self, data: bytes) -> None:
        try:
            self._proc.stdin.write(len(data).to_bytes(8, "little"))
            self._proc.stdin.write(data)
            self._proc.stdin.flush()
        except (BrokenPipeError, OSError):
            raise KgError(self._failure()) from None

    def finish(self) -> OutputReport:
        """Write the files and return what the helper reports.

        The helper sends ``graph.ttl``'s text first; this process writes it while the helper
        validates the graph and draws the view."""
        import pickle

        from kg.output import atomic_write_bytes

        self._send(b"")
        try:
            ttl = _read(self._proc.stdout)
        except (EOFError, OSError):
            raise KgError(self._failure()) from None
        t0 = time.perf_counter()
        if ttl:
            atomic_write_bytes(self._target, ttl)
        del ttl
        write_seconds = time.perf_counter() - t0
        # graph.html only now, after graph.ttl: a build killed while writing graph.ttl leaves both as they were
        self._send(b"graph.ttl written")
        try:
            self._proc.stdin.close()
            reply = pickle.loads(self._proc.stdout.read())
        except (EOFError, OSError, pickle.UnpicklingError):
            raise KgError(self._failure()) from None
        finally:
            self._proc.wait()
        if isinstance(reply, dict) and "error" in reply:
            if reply.get("input_error"):
                from kg.errors import InputError

                raise InputError(reply["error"])
            raise KgError(f"writing the build's files failed: {reply['error']}\n{reply.get('traceback', '')}")
        reply.written.insert(0, str(self._target))
        reply.seconds["writing graph.ttl"] = write_seconds
        if reply.report is not None:
            reply.report.source = str(self._target)
        self.report = reply
        return reply

    def abort(self) -> None:
        """Stop the helper without writing anything (nothing if it has finished)."""
        if self._proc.poll() is None:
            self._proc.kill()
        with contextlib.suppress(Exception):
            self._proc.stdin.close()
        with contextlib.suppress(Exception):
            self._proc.stdout.close()
        self._proc.wait()

    def _failure(self) -> str:
        with contextlib.suppress(Exception):
            self._proc.wait(timeout=5)
        return f"the process writing the build's files stopped (exit code {self._proc.returncode})"


# ------------------------------------------------------------------------------ the helper process

_MENTION = "<https://w3id.org/kg-news/ontology#Mention>"
_SCHEMA_MENTIONS = "<https://schema.org/mentions>"
_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_ASSERTION = "<https://w3id.org/kg-news/ontology#Assertion>"
_ASSERTION_LINE = re.compile(r"^(<[^>]*>) " + re.escape(f"{_RDF_TYPE} {_ASSERTION} .") + "$", re.M)
_MENTION_LINE = re.compile(r"^(<[^>]*>) <http://www\.w3\.org/1999/02/22-rdf-syntax-ns#type> " + re.escape(_MENTION) + r" \.$",
                           re.M)


class _ViewGraph:
    """What the view reads, batch by batch: the entities with their names and data, the relations
    and the articles as an rdflib graph, the assertions (two thirds of the rest) as plain values
    (:class:`kg.graph.projection.AssertionTable`: no rdflib term for each sentence and offset);
    the mentions not at all. :meth:`networkx` is the view's projection."""

    def __init__(self) -> None:
        from kg.graph.projection import AssertionTable
        from kg.rdf.mapping import new_graph

        self.graph = new_graph("SimpleMemory")  # read by the view only: no contexts needed (~25 % faster to read)
        self.assertions = AssertionTable()
        self._terms: dict[str, Any] = {}

    def networkx(self):
        """The projection the view draws: ``to_networkx`` of the graph with the assertions."""
        from kg.graph.projection import to_networkx

        return to_networkx(self.graph, assertions=self.assertions)

    def _term(self, text: str):
        t = self._terms.get(text)
        if t is None:
            from kg.rdf.turtle import parse_term

            t = parse_term(text)
            if len(self._terms) < 200_000:
                self._terms[text] = t
        return t

    def add(self, text: str, reconcile: list[bytes]) -> None:
        from rdflib import URIRef

        from kg.rdf.reconcile import reconcile_graph

        mentions = set(_MENTION_LINE.findall(text))
        assertions = set(_ASSERTION_LINE.findall(text))
        table = self.assertions
        for node in assertions:
            table.declare(node)
        add, term = self.graph.add, self._term
        for line in text.split("\n"):
            if not line:
                continue
            s, p, o = line[:-2].split(" ", 2)
            if p == _SCHEMA_MENTIONS or s in mentions:
                continue
            if s in assertions and ((p == _RDF_TYPE and o == _ASSERTION) or table.add(s, p, o)):
                continue
            add((term(s), term(p), term(o)))
        reconcile_graph(self.graph, [URIRef(e[1:-1].decode("utf-8")) for e in reconcile])


def _summary(st) -> str:
    """Entities per class, relations and triples, counted by Oxigraph (the words of
    :func:`kg.graph.summary.graph_summary`). The classes and relations are given (``VALUES``), so
    that Oxigraph reads them from its indexes instead of grouping every triple of the graph."""
    from kg.rdf.vocab import KG
    from kg.records import ENTITY_TYPES, RELATION_TYPES

    classes = {str(KG[t]): t for t in ENTITY_TYPES}
    props = " ".join(f"<{KG[p]}>" for p in sorted(RELATION_TYPES))
    ents = {}
    for row in st.query("SELECT ?c (COUNT(?e) AS ?n) WHERE { VALUES ?c { %s } ?e a ?c } GROUP BY ?c"
                        % " ".join(f"<{c}>" for c in sorted(classes))):
        ents[classes[row["c"].value]] = int(row["n"].value)
    rels = sum(int(row["n"].value) for row in st.query("SELECT (COUNT(*) AS ?n) WHERE { VALUES ?p { %s } ?s ?p ?o }" % props))
    parts = ", ".join(f"{n} {t}" for t, n in sorted(ents.items(), key=lambda x: (-x[1], x[0])))
    return f"{sum(ents.values())} entities ({parts}), {rels} relations, {len(st)} triples"


def _read(f) -> bytes:
    head = f.read(8)
    if len(head) < 8:
        raise EOFError("the build stopped sending")
    n = int.from_bytes(head, "little")
    data = f.read(n)
    if len(data) < n:
        raise EOFError("the build stopped sending")
    return data


def main(argv: list[str] | None = None) -> int:
    """The helper process: batches in on standard input, the pickled report out on standard output."""
    import os
    import pickle
    import signal
    import sys

    from kg.pipeline.config import helper_process_start

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    helper_process_start()
    out_dir, view, validate, shapes = (argv if argv is not None else sys.argv[1:])[:4]
    reply_to = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout = sys.stderr  # nothing else may write on the reply channel
    source = sys.stdin.buffer
    try:
        reply = _run(lambda: _read(source), reply_to, Path(out_dir), view == "1", validate == "1", shapes or None)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent
        from kg.errors import InputError

        reply = {"error": str(exc) or type(exc).__name__, "input_error": isinstance(exc, InputError),
                 "traceback": traceback.format_exc()}
    with contextlib.suppress(BrokenPipeError):
        if isinstance(reply, dict):
            reply_to.write((0).to_bytes(8, "little"))  # no N-Triples: an error
        reply_to.write(pickle.dumps(reply))
        reply_to.close()
    return 0


def _run(receive, reply_to, out: Path, view: bool, validate: bool, shapes: str | None = None) -> OutputReport:
    import threading

    import pyoxigraph as ox

    from kg.store.merged import BatchReconciler

    from kg.rdf.turtle import TurtleBuilder

    seconds: dict[str, float] = {"load": 0.0, "reconcile": 0.0, "view graph": 0.0, "turtle (batches)": 0.0}
    if view:  # while spaCy loads: the view's first page costs ~0.7 s more than the next ones (imports, caches)
        t0 = time.perf_counter()
        import numpy  # noqa: F401 - the layout of a big graph needs it (~0.1 s to import)

        from kg.rdf.mapping import new_graph
        from kg.views.render import render_networkx, to_networkx

        render_networkx(to_networkx(new_graph()))
        seconds["view warm-up"] = time.perf_counter() - t0
    st = ox.Store()
    reconciler = BatchReconciler(st, fresh=True)
    vg = _ViewGraph() if view else None
    tb: TurtleBuilder | None = TurtleBuilder()  # graph.ttl, formatted batch by batch (None: with rdflib at the end)
    validator = None
    if validate:
        from kg.validate.batches import BatchValidator

        validator = BatchValidator(shapes)  # the shapes checkable batch by batch, while spaCy runs
        seconds["validation (batches)"] = 0.0
    while True:
        data = receive()
        if not data:
            break
        t0 = time.perf_counter()
        st.bulk_load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph(), lenient=True)
        t1 = time.perf_counter()
        reconciler.apply(data)
        t2 = time.perf_counter()
        text = data.decode("utf-8")
        if vg is not None:
            vg.add(text, reconciler.last_checked)
        t3 = time.perf_counter()
        if tb is not None:
            tb = _add_turtle(tb, st, text, reconciler.last_checked)
        del text
        t4 = time.perf_counter()
        if validator is not None:
            validator.check_batch(data)
            seconds["validation (batches)"] += time.perf_counter() - t4
        seconds["load"] += t1 - t0
        seconds["reconcile"] += t2 - t1
        seconds["view graph"] += t3 - t2
        seconds["turtle (batches)"] += t4 - t3

    report = OutputReport(triples=len(st), reconciled=reconciler.reconciled)
    view_child = _start_view(vg) if vg is not None else None  # before the validation thread: fork no thread
    checked: dict = {}
    thread = None
    if validate:
        thread = threading.Thread(target=_validate, args=(st, checked, validator), name="kg-validate", daemon=True)
        thread.start()
    t0 = time.perf_counter()
    text = _turtle_text(tb)
    if text is not None:
        ttl = text.encode("utf-8")
        del text
    else:
        from kg.rdf.turtle import turtle

        ttl = turtle(st.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode("utf-8").split("\n")).encode("utf-8")
    del tb
    reply_to.write(len(ttl).to_bytes(8, "little"))  # graph.ttl is written by the parent, meanwhile
    reply_to.write(ttl)
    reply_to.flush()
    del ttl
    seconds["turtle"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    report.summary = _summary(st)
    seconds["summary"] = time.perf_counter() - t0
    view_page = None
    if vg is not None:
        from kg.views.render import inline_view

        t0 = time.perf_counter()
        if view_child is not None:
            view_page, drawn = _finish_view(*view_child)
            if view_page is not None:
                seconds["view"], seconds["view wait"] = drawn, time.perf_counter() - t0
        if view_page is None:  # no fork, or the copy failed: draw it here (its error, if any, is this one's)
            view_page = inline_view(vg.networkx())  # the page write_build_view writes, not written yet
            seconds["view"] = time.perf_counter() - t0
    try:
        receive()  # the parent has written graph.ttl
    except EOFError:
        raise KgError("the build stopped before graph.ttl was written") from None
    if view_page is not None:
        report.written.append(str(view_page.save(out / "graph.html")))
    if thread is not None:
        t0 = time.perf_counter()
        thread.join()
        seconds["validation wait"] = time.perf_counter() - t0
        if "error" in checked:
            raise checked["error"]
        report.report = checked["report"]
        seconds["validation"] = checked["seconds"]
    report.seconds = seconds
    return report


_VIEW_HEAD = struct.Struct("<dQ")  # seconds spent drawing, length of the page


def _start_view(view: _ViewGraph) -> tuple[int, int] | None:
    """Draw the view of ``view`` in a forked copy of this process, alongside the end of graph.ttl
    and the validation: ``(pid, the pipe the page comes back on)``; ``None`` where this process
    cannot be forked safely (not Linux)."""
    if not sys.platform.startswith("linux"):
        return None
    from kg.views.render import inline_view

    r, w = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no memory or process left for a copy: the helper draws the view itself
        os.close(r)
        os.close(w)
        return None
    if pid:
        os.close(w)
        return pid, r
    code = 1  # the copy: draw, send, and leave at once (no exit handlers, no flushing the parent's buffers)
    try:
        import gc

        gc.disable()  # short-lived: no collection that would run the parent's finalizers here
        os.close(r)
        t0 = time.perf_counter()
        page = inline_view(view.networkx()).page.encode("utf-8")
        with os.fdopen(w, "wb") as f:
            f.write(_VIEW_HEAD.pack(time.perf_counter() - t0, len(page)))
            f.write(page)
        code = 0
    except BaseException:  # noqa: BLE001 - the parent draws the view itself, and reports its error if any
        with contextlib.suppress(BaseException):
            traceback.print_exc()
    finally:
        os._exit(code)


def _finish_view(pid: int, r: int):
    """The page the copy drew and the seconds it took, or ``(None, 0.0)`` if it failed."""
    from kg.views.render import InlineView

    with os.fdopen(r, "rb") as f:
        data = f.read()
    _, status = os.waitpid(pid, 0)
    n = _VIEW_HEAD.size
    if status != 0 or len(data) < n:
        return None, 0.0
    seconds, length = _VIEW_HEAD.unpack(data[:n])
    if len(data) - n != length:
        return None, 0.0
    return InlineView(data[n:].decode("utf-8")), seconds


def _add_turtle(tb, st, text: str, changed: list[bytes]):
    """Give the Turtle builder ``tb`` the triples, as ``st`` holds them (literals in Oxigraph's
    canonical form, entities' names reconciled), of the subjects a batch's N-Triples ``text``
    changes: those it brings for the first time, those it brings a triple the builder does not
    hold yet (an entity named in an earlier article, with a new relation or name), and the
    entities reconciling ``changed``. A subject the batch only repeats (the same entity, named the
    same way again) is not read again: its block stays as it is, so that the end of the build has
    only the blocks to join. None: blank nodes or quoted triples (the Turtle is then written with
    rdflib at the end)."""
    redo = dict.fromkeys(e.decode("utf-8") for e in changed)
    has, holds = tb.has, tb.holds
    for line in text.split("\n"):
        if not line:
            continue
        i = line.index(" ")
        s = line[:i]
        if s in redo:
            continue
        if not has(s):
            redo[s] = None
            continue
        p, o = line[i + 1:-2].split(" ", 1)
        if not holds(s, p, o):  # a new triple, or a literal Oxigraph writes otherwise: read it back
            redo[s] = None
    if not _replace_from_store(tb, st, redo):
        return None
    tb.format_changed()
    return tb


def _replace_from_store(tb, st, subjects) -> bool:
    import pyoxigraph as ox

    default = ox.DefaultGraph()
    for s in subjects:
        if s[0] != "<":
            return False
        pairs = [(str(q.predicate), str(q.object)) for q in st.quads_for_pattern(ox.NamedNode(s[1:-1]), None, None, default)]
        if any(o[0] not in '<"' for _, o in pairs):
            return False
        tb.replace(s, pairs)
    return True


def _turtle_text(tb) -> str | None:
    """graph.ttl's text: every block joined (None: blank nodes, write it with rdflib)."""
    return None if tb is None else tb.text()


def _validate(st, checked: dict, validator) -> None:
    import pyoxigraph as ox
    from rdflib import RDFS

    label_p = ox.NamedNode(str(RDFS.label))

    def label(node):
        try:
            return next((q.object.value for q in st.quads_for_pattern(ox.NamedNode(str(node)), label_p, None,
                                                                      ox.DefaultGraph())), None)
        except (TypeError, ValueError):
            return None

    t0 = time.perf_counter()
    try:
        nt = st.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode("utf-8")
        checked["report"] = validator.finish(nt, label=label, triples=len(st))
    except BaseException as exc:  # noqa: BLE001 - raised by the helper's main thread
        checked["error"] = exc
    checked["seconds"] = time.perf_counter() - t0


if __name__ == "__main__":
    import sys

    from kg.pipeline.outputs import main as _main  # this module's classes, not __main__'s, in the pickled report

    sys.exit(_main())
