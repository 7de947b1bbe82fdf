"""Sinks: where corpus builds write batches of :class:`~kg.pipeline.results.ArticleResult`.

A sink has ``write(results) -> dict`` returning counts (``added``/``replaced``/``unchanged``) and
``loaded`` (triples written). Each article's N-Triples come from the one emitter
(:func:`kg.rdf.emit.emit`) in the workers; the sinks only load them.
"""

from __future__ import annotations

from pathlib import Path

from kg.pipeline.results import ArticleResult

__all__ = ["StoreSink", "NQuadsSink", "GraphStoreSink"]


class StoreSink:
    """Batches into a :class:`kg.store.KgStore` (:meth:`~kg.store.KgStore.add_results`: new articles
    are bulk-loaded, then the merged graph is reconciled)."""

    def __init__(self, store) -> None:
        self.store = store

    def write(self, results: list[ArticleResult]) -> dict:
        return self.store.add_results(results)


class NQuadsSink:
    """Each batch as an N-Quads file ``DIR/part-NNNNNN.nq`` (one named graph per article,
    ``kgid:graph/<article>``), written atomically: the input of ``qlever index``, Fuseki's
    ``tdb2.tdbloader`` or ``oxigraph load``."""

    def __init__(self, folder) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        existing = sorted(self.folder.glob("part-*.nq"))
        self.part = int(existing[-1].stem.split("-")[1]) + 1 if existing else 1

    def write(self, results: list[ArticleResult]) -> dict:
        from kg.output import atomic_open
        from kg.store.layout import graph_iri

        path = self.folder / f"part-{self.part:06d}.nq"
        with atomic_open(path, "wb") as f:
            for r in results:
                f.write(r.nt.replace(b" .\n", f" <{graph_iri(r.key)}> .\n".encode()))
        self.part += 1
        return {"added": len(results), "loaded": sum(r.triples for r in results)}


class GraphStoreSink:
    """Each article PUT as a named graph ``kgid:graph/<article>`` to a SPARQL 1.1 Graph Store
    HTTP Protocol endpoint (``PUT URL?graph=IRI``, N-Triples): Oxigraph server's ``/store``,
    Fuseki's ``/DATASET/data``, GraphDB's ``/repositories/R/rdf-graphs/service``... A PUT replaces
    the graph, so re-running a build is safe; query the union of the graphs (Oxigraph server
    ``--union-default-graph``, Fuseki ``tdb2:unionDefaultGraph true``)."""

    def __init__(self, url: str, *, timeout: float = 60.0, headers: dict | None = None) -> None:
        self.url = url
        self.timeout = timeout
        self.headers = headers or {}

    def write(self, results: list[ArticleResult]) -> dict:
        import urllib.error
        import urllib.parse
        import urllib.request

        from kg.errors import KgError
        from kg.store.layout import graph_iri

        sep = "&" if "?" in self.url else "?"
        for r in results:
            target = f"{self.url}{sep}graph={urllib.parse.quote(str(graph_iri(r.key)), safe='')}"
            req = urllib.request.Request(target, data=r.nt, method="PUT",
                                         headers={"Content-Type": "application/n-triples", **self.headers})
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                    resp.read()
            except urllib.error.HTTPError as exc:
                raise KgError(f"{self.url}: the graph store refused article {r.key!r}: HTTP {exc.code} {exc.reason}") from None
            except (urllib.error.URLError, OSError) as exc:
                raise KgError(f"{self.url}: cannot reach the graph store: {getattr(exc, 'reason', exc)}") from None
        return {"added": len(results), "loaded": sum(r.triples for r in results)}
