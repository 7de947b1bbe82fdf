"""Interactive HTML views of a knowledge graph: a networkx projection drawn with pyvis.

    rdflib Graph ─► to_networkx (one node per entity, one edge per relation) ─► pyvis ─► view.html

* :func:`to_networkx` projects the RDF graph onto a ``networkx.MultiDiGraph``: one node per
  entity (IRI strings as node ids), one edge per object-property triple between entities (the
  property's local name as edge key). Literals, articles and the provenance nodes (``kg:Mention``,
  ``kg:Assertion``) never become nodes: the data properties become node attributes and the
  assertions become the ``evidence`` of the edge they state. Also meant for notebooks::

      >>> from kg.views.render import to_networkx                      # doctest: +SKIP
      >>> G = to_networkx(Graph().parse("out/graph.ttl"))        # doctest: +SKIP
      >>> sorted(G.degree, key=lambda x: -x[1])[:5]              # doctest: +SKIP

* :func:`render_html` writes the view: colour and shape by class with a legend (whose boxes filter
  the classes), size by degree, directed edges labelled with the property's label, tooltips with
  the node's attributes and the sentences stating each edge, a search box. The page is
  self-contained: vis-network's JavaScript and CSS (shipped inside the pyvis package) are inlined,
  so it opens from ``file://`` with no network.
* Scale: the layout is computed before the page opens. Up to ``SPRING_LAYOUT_MAX_NODES`` entities:
  networkx's spring layout, then vis-network polishes it for a bounded number of iterations and
  physics is switched off. Bigger graphs: Fruchterman-Reingold with sampled repulsion in numpy
  (:func:`_sampled_layout`), drawn with physics off. The page sets ``window.kgReady`` (and
  ``window.kgReadyAt``, ms since navigation start) once the network is drawn and frozen;
  ``benchmarks/bench_views.py`` reads it back in headless Chromium.
* :func:`ontology_view` draws ``ontology/kg.ttl`` itself: classes, subclass links, and the object
  properties from domain to range.
"""

from __future__ import annotations

import html
import math
import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from difflib import get_close_matches
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import networkx as nx
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.errors import InputError
from kg.names import fold
from kg.records import ENTITY_TYPES, RELATION_TYPES
from kg.rdf.vocab import KG

__all__ = [
    "to_networkx",
    "render_html",
    "render_networkx",
    "ontology_view",
    "ontology_networkx",
    "query_networkx",
    "write_build_view",
    "find_entities",
    "UnknownEntityError",
    "CLASS_STYLE",
    "InlineView",
    "inline_view",
]

#: Entity classes from the most to the least specific: a node typed with several gets the first.
CLASS_ORDER = ("Summit", "Minister", "Announcement", "Event", "Person", "Country", "Organization", "City")

#: (colour, vis-network shape) per class. Unknown classes are grey dots.
CLASS_STYLE: dict[str, tuple[str, str]] = {
    "Summit": ("#e15759", "star"),
    "Event": ("#ff9da7", "triangle"),
    "Minister": ("#4e79a7", "diamond"),
    "Person": ("#76b7b2", "dot"),
    "Country": ("#59a14f", "square"),
    "Organization": ("#b07aa1", "hexagon"),
    "City": ("#edc948", "triangleDown"),
    "Announcement": ("#f28e2b", "box"),
    # ontology view
    "Provenance": ("#9c9c9c", "ellipse"),
    "External": ("#d9d9d9", "ellipse"),
}
_DEFAULT_STYLE = ("#bab0ac", "dot")
_ENTITY_CLASS_IRIS = {KG[c]: c for c in ENTITY_TYPES}
_OBJECT_PROPERTIES = tuple(KG[p] for p in RELATION_TYPES)
_NODE_ATTRS = ("role", "portfolio", "startDate", "endDate", "date", "edition", "summary", "amount", "iso3")
_LABEL_MAX = 40
_EVIDENCE_SHOWN = 4

#: Above this many nodes no spring layout is computed in Python (it is quadratic without scipy).
SPRING_LAYOUT_MAX_NODES = 400


class UnknownEntityError(InputError):
    """``--focus NAME`` names no entity; ``suggestions`` holds the closest names."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = ("; closest names: " + ", ".join(f"« {s} »" for s in suggestions)) if suggestions else ""
        super().__init__(f"no entity named « {name} » in the graph{hint}")


# ---------------------------------------------------------------------------------------------
# ontology labels


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    g = Graph()
    g.parse(data=(files("kg.ontology") / "kg.ttl").read_text(encoding="utf-8"), format="turtle")
    return g


def _label(term: URIRef, lang: str = "en") -> str:
    """The ontology label of a class or property in ``lang`` (falls back to the local name)."""
    onto = _ontology()
    labels = {getattr(lit, "language", None): str(lit) for lit in onto.objects(term, RDFS.label)}
    return labels.get(lang) or labels.get("en") or labels.get(None) or _local(term)


def _local(term) -> str:
    s = str(term)
    for sep in ("#", "/"):
        if sep in s:
            s = s.rsplit(sep, 1)[1] or s
    return s


# ---------------------------------------------------------------------------------------------
# projection


def _article_ids(g: Graph) -> dict:
    ids = {}
    for art in g.subjects(RDF.type, KG.Article):
        ident = g.value(art, DCTERMS.identifier)
        ids[art] = str(ident) if ident is not None else _local(art)
    return ids


def _evidence(g: Graph) -> dict[tuple, list[dict]]:
    """(s, p, o) → the evidence records of its ``kg:Assertion`` nodes, sorted."""
    articles = _article_ids(g)
    found: dict[tuple, list[dict]] = defaultdict(list)
    for a in g.subjects(RDF.type, KG.Assertion):
        s, p, o = g.value(a, RDF.subject), g.value(a, RDF.predicate), g.value(a, RDF.object)
        if s is None or p is None or o is None:
            continue
        art = g.value(a, PROV.wasDerivedFrom)
        start, end, conf = g.value(a, KG.startOffset), g.value(a, KG.endOffset), g.value(a, KG.confidence)
        found[(s, p, o)].append({
            "sentence": str(g.value(a, KG.sentence) or ""),
            "article": articles.get(art, _local(art) if art is not None else ""),
            "published": str(g.value(art, DCTERMS.issued) or "") if art is not None else "",
            "start": int(start) if start is not None else None,
            "end": int(end) if end is not None else None,
            "confidence": float(conf) if conf is not None else None,
        })
    for records in found.values():
        records.sort(key=lambda r: (r["article"], r["start"] if r["start"] is not None else -1, r["sentence"]))
    return found


def _node_class(types: Iterable) -> str | None:
    local = {_ENTITY_CLASS_IRIS[t] for t in types if t in _ENTITY_CLASS_IRIS}
    for c in CLASS_ORDER:
        if c in local:
            return c
    return None


def to_networkx(graph: Graph, *, lang: str = "en") -> nx.MultiDiGraph:
    """Project ``graph`` onto a ``networkx.MultiDiGraph`` of its entities and relations.

    Nodes are the IRIs (as strings) of the entities, with the attributes ``class`` (most specific
    ontology class, local name), ``label``, ``aliases`` (sorted list), ``iri`` and, when present,
    ``role``, ``portfolio``, ``startDate``, ``endDate``, ``date``, ``dates`` (all dates as one
    string), ``edition``, ``summary``, ``amount``, ``iso3``. IRIs at either end of a relation that
    carry no entity type (e.g. in a CONSTRUCT result) are nodes of class ``Thing``.

    Edges go from subject to object, keyed by the property's local name, with the attributes
    ``property``, ``label`` (the property's ontology label in ``lang``), ``iri``, ``evidence``
    (records with ``sentence``, ``article``, ``published``, ``start``, ``end``, ``confidence``),
    ``sentences`` and ``articles`` (the distinct article ids).
    """
    from rdflib.extras.external_graph_libs import rdflib_to_networkx_multidigraph

    evidence = _evidence(graph)
    # the relations between resources, without literals, articles or provenance nodes
    relations = Graph()
    for p in _OBJECT_PROPERTIES:
        for s, o in graph.subject_objects(p):
            if isinstance(s, (URIRef, BNode)) and isinstance(o, (URIRef, BNode)):
                relations.add((s, p, o))
    prop_label = {p: _label(p, lang) for p in _OBJECT_PROPERTIES}

    def edge_attrs(s, p, o) -> dict:
        ev = evidence.get((s, p, o), [])
        return {
            "key": _local(p),
            "property": _local(p),
            "label": prop_label[p],
            "iri": str(p),
            "evidence": ev,
            "sentences": list(dict.fromkeys(r["sentence"] for r in ev if r["sentence"])),
            "articles": sorted({r["article"] for r in ev if r["article"]}),
        }

    G = rdflib_to_networkx_multidigraph(relations, edge_attrs=edge_attrs, transform_s=str, transform_o=str)
    # networkx keeps edge insertion order; sort edges and nodes so the same graph gives the same view
    H = nx.MultiDiGraph()
    entities: dict[str, URIRef] = {}
    for s in set(graph.subjects(RDF.type, None)):
        if isinstance(s, (URIRef, BNode)) and _node_class(graph.objects(s, RDF.type)):
            entities[str(s)] = s
    for n in G.nodes:
        entities.setdefault(n, URIRef(n))
    for key in sorted(entities):
        H.add_node(key, **_node_attrs(graph, entities[key]))
    for u, v, k, data in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1])):
        H.add_edge(u, v, key=k, **data)
    H.graph["lang"] = lang
    return H


def _node_attrs(g: Graph, node) -> dict:
    cls = _node_class(g.objects(node, RDF.type)) or "Thing"
    label = g.value(node, RDFS.label)
    label = str(label) if label is not None else _local(node)
    aliases = sorted({str(a) for a in g.objects(node, SKOS.altLabel)} - {label})
    attrs: dict = {"class": cls, "label": label, "aliases": aliases, "iri": str(node)}
    for name in _NODE_ATTRS:
        values = sorted({str(v) for v in g.objects(node, KG[name])})
        if values:
            attrs[name] = int(values[0]) if name == "edition" and len(values) == 1 and values[0].isdigit() else "; ".join(values)
    dates = [attrs[d] for d in ("startDate", "endDate", "date") if d in attrs]
    if "startDate" in attrs and "endDate" in attrs and attrs["startDate"] != attrs["endDate"]:
        attrs["dates"] = f"{attrs['startDate']} → {attrs['endDate']}" + (f"; {attrs['date']}" if "date" in attrs else "")
    elif dates:
        attrs["dates"] = "; ".join(dict.fromkeys(dates))
    return attrs


# ---------------------------------------------------------------------------------------------
# focus


def find_entities(G: nx.MultiDiGraph, name: str) -> list[str]:
    """The nodes whose label (or else an alias) is ``name``, ignoring case and accents.

    Raises :class:`UnknownEntityError` with the closest names when there is none.
    """
    want = fold(name)
    by_label = [n for n, d in G.nodes(data=True) if fold(d.get("label", "")) == want]
    if by_label:
        return by_label
    by_alias = [n for n, d in G.nodes(data=True) if any(fold(a) == want for a in d.get("aliases", ()))]
    if by_alias:
        return by_alias
    names: dict[str, str] = {}
    for _, d in G.nodes(data=True):
        for s in [d.get("label", ""), *d.get("aliases", ())]:
            names.setdefault(fold(s), d.get("label", s))
    # names that contain what was typed ("Macron" → "Emmanuel Macron") first, then look-alikes
    close = [k for k in sorted(names) if want and want in k]
    close += [k for k in get_close_matches(want, list(names), n=5, cutoff=0.6) if k not in close]
    suggestions = list(dict.fromkeys(names[k] for k in close))[:5]
    raise UnknownEntityError(name, suggestions)


def neighbourhood(G: nx.MultiDiGraph, centres: Iterable[str], depth: int) -> nx.MultiDiGraph:
    """The subgraph within ``depth`` hops (either direction) of the ``centres``."""
    und = G.to_undirected(as_view=True)
    keep: set[str] = set()
    for c in centres:
        keep |= set(nx.single_source_shortest_path_length(und, c, cutoff=max(depth, 0)))
    return G.subgraph(keep).copy()


# ---------------------------------------------------------------------------------------------
# rendering


def _truncate(text: str, n: int = _LABEL_MAX) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _node_tooltip(d: dict, degree: int) -> str:
    e = html.escape
    rows = [f"<div class='kg-tip-title'>{e(d.get('label', ''))}</div>",
            f"<div class='kg-tip-class'>{e(d.get('class_label', d.get('class', '')))}</div>"]

    def row(name: str, value) -> None:
        if value not in (None, "", []):
            rows.append(f"<div><span class='kg-k'>{e(name)}</span> {e(str(value))}</div>")

    row("also:", ", ".join(d.get("aliases", [])))
    row("role:", d.get("role"))
    row("portfolio:", d.get("portfolio"))
    row("edition:", d.get("edition"))
    row("dates:", d.get("dates"))
    row("summary:", d.get("summary"))
    row("amount:", d.get("amount"))
    row("ISO code:", d.get("iso3"))
    if d.get("comment"):
        rows.append(f"<div class='kg-tip-sent'>{e(d['comment'])}</div>")
    if d.get("properties"):
        row("data:", ", ".join(d["properties"]))
    row("links:", degree)
    return "".join(rows)


def _edge_tooltip(su: str, d: dict, ov: str) -> str:
    e = html.escape
    rows = [f"<div class='kg-tip-title'>{e(su)} <span class='kg-tip-prop'>— {e(d.get('label', ''))} →</span> {e(ov)}</div>"]
    ev = d.get("evidence") or []
    for r in ev[:_EVIDENCE_SHOWN]:
        src = r.get("article", "")
        if r.get("published"):
            src += f", {r['published']}"
        if r.get("confidence") is not None:
            src += f", confidence {r['confidence']:.2f}"
        rows.append(f"<div class='kg-tip-sent'>« {e(r.get('sentence', ''))} »</div><div class='kg-tip-src'>{e(src)}</div>")
    if len(ev) > _EVIDENCE_SHOWN:
        rows.append(f"<div class='kg-tip-src'>and {len(ev) - _EVIDENCE_SHOWN} more sentence(s)</div>")
    if not ev and d.get("comment"):
        rows.append(f"<div class='kg-tip-sent'>{e(d['comment'])}</div>")
    return "".join(rows)


def _seed_layout(G: nx.MultiDiGraph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions in vis-network pixels, computed before the page opens.

    Small graphs: networkx's spring layout (Fruchterman-Reingold, exact and quadratic; vis-network
    then polishes it for a bounded number of iterations). Big graphs: :func:`_sampled_layout`.
    """
    n = G.number_of_nodes()
    if n == 0:
        return {}
    und = nx.Graph(G.to_undirected(as_view=True))
    und.remove_edges_from(nx.selfloop_edges(und))
    if n <= SPRING_LAYOUT_MAX_NODES:
        pos = nx.spring_layout(und, seed=seed, iterations=200, k=1.6 / math.sqrt(n))
        scale = 110 * math.sqrt(n)
        return {k: (float(x) * scale, float(y) * scale) for k, (x, y) in pos.items()}
    return _sampled_layout(und, seed=seed)


def _sampled_layout(und: nx.Graph, *, seed: int = 7, iterations: int = 150, samples: int = 32,
                    edge_px: float = 80.0) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold in numpy with sampled repulsion: each node is pushed away from a few
    random others per iteration (scaled up), instead of from all of them. Linear in nodes + edges
    per iteration (networkx's own spring layout needs scipy to be less than quadratic), about a
    second for 5,000 nodes; good enough to show the structure, and drawn without physics.
    """
    import numpy as np

    nodes = sorted(und.nodes)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    rng = np.random.default_rng(seed)
    if und.number_of_edges():
        e = np.array([(index[u], index[v]) for u, v in und.edges], dtype=np.int64)
        src, dst = e[:, 0], e[:, 1]
    else:
        src = dst = np.zeros(0, dtype=np.int64)
    side = math.sqrt(n)
    pos = rng.uniform(-side, side, size=(n, 2))
    s = min(samples, n - 1)
    scale = (n - 1) / s
    temp = side / 2
    cool = temp / (iterations + 1)
    for _ in range(iterations):
        other = rng.integers(0, n, size=(n, s))
        delta = pos[:, None, :] - pos[other]  # (n, s, 2)
        d2 = np.einsum("ijk,ijk->ij", delta, delta) + 0.01
        disp = scale * np.einsum("ijk,ij->ik", delta, 1.0 / d2)  # k^2 / d along the unit vector, k = 1
        if len(src):
            dv = pos[src] - pos[dst]
            dist = np.sqrt(np.einsum("ij,ij->i", dv, dv)) + 1e-9
            f = dv * dist[:, None]  # d^2 / k along the unit vector
            np.add.at(disp, src, -f)
            np.add.at(disp, dst, f)
        disp -= 0.02 * pos  # gravity: keeps components and isolated nodes near the others
        length = np.sqrt(np.einsum("ij,ij->i", disp, disp)) + 1e-9
        pos += disp * (np.minimum(length, temp) / length)[:, None]
        temp -= cool
    pos -= pos.mean(axis=0)
    return {v: (float(pos[i, 0]) * edge_px, float(pos[i, 1]) * edge_px) for i, v in enumerate(nodes)}


def _stabilisation_iterations(n_nodes: int, n_edges: int) -> int:
    """Iterations vis-network may spend before physics is switched off (bounded: time is ~O(n log n) each)."""
    if n_nodes <= 150:
        return 300
    if n_nodes <= SPRING_LAYOUT_MAX_NODES:
        return 150
    return 0  # big graphs are laid out in Python and drawn without physics


def _vis_options(n_nodes: int, n_edges: int, physics: bool) -> dict:
    big = n_nodes > SPRING_LAYOUT_MAX_NODES
    return {
        "autoResize": True,
        "nodes": {
            "borderWidth": 1.5,
            "font": {"size": 15, "face": "system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif",
                     "color": "#1f2933", "strokeWidth": 4, "strokeColor": "#ffffff"},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
            "color": {"color": "#a3adb8", "highlight": "#2d3e50", "hover": "#52606d", "inherit": False},
            "font": {"size": 11, "color": "#52606d", "strokeWidth": 3, "strokeColor": "#ffffff", "align": "middle",
                     "face": "system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"},
            "smooth": False,
            "width": 1.2,
            "selectionWidth": 1.5,
            "hoverWidth": 0.8,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": False,
            "navigationButtons": False,
        },
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -90, "centralGravity": 0.015, "springLength": 120,
                                 "springConstant": 0.06, "damping": 0.5, "avoidOverlap": 0.7},
            "stabilization": {"enabled": physics, "iterations": _stabilisation_iterations(n_nodes, n_edges),
                              "updateInterval": 25, "fit": True},
            "maxVelocity": 40,
            "minVelocity": 1.0,
        },
        "layout": {"improvedLayout": False, "randomSeed": 7},
    }


#: The legend's order.
LEGEND_ORDER = ("Summit", "Event", "Minister", "Person", "Country", "City", "Organization", "Announcement",
                "Provenance", "External")


def _legend(G: nx.MultiDiGraph, class_labels: dict[str, str]) -> list[dict]:
    counts = Counter(d.get("class", "Thing") for _, d in G.nodes(data=True))
    order = list(LEGEND_ORDER)
    classes = sorted(counts, key=lambda c: (order.index(c) if c in order else len(order), c))
    return [{"class": c, "label": class_labels.get(c, c), "count": counts[c],
             "color": CLASS_STYLE.get(c, _DEFAULT_STYLE)[0], "shape": CLASS_STYLE.get(c, _DEFAULT_STYLE)[1]}
            for c in classes]


def _groups(classes: Iterable[str]) -> dict:
    """vis-network groups: the look of each class, set once instead of on every node."""
    groups = {}
    for cls in classes:
        colour, shape = CLASS_STYLE.get(cls, _DEFAULT_STYLE)
        g: dict = {"shape": shape,
                   "color": {"background": colour, "border": _darker(colour),
                             "highlight": {"background": colour, "border": "#1f2933"},
                             "hover": {"background": colour, "border": "#1f2933"}}}
        if shape == "box":
            g.update({"widthConstraint": {"maximum": 170}, "margin": 8, "shapeProperties": {"borderRadius": 4},
                      "font": {"size": 13, "strokeWidth": 0}})
        elif shape == "ellipse":
            g.update({"font": {"size": 14, "strokeWidth": 0}, "margin": 8})
        groups[cls] = g
    return groups


def render_networkx(G: nx.MultiDiGraph, *, title: str = "Knowledge graph", subtitle: str = "",
                    focus: Iterable[str] = (), lang: str | None = None, empty_message: str | None = None) -> str:
    """The HTML page of an already projected graph (see :func:`to_networkx`)."""
    lang = lang or G.graph.get("lang", "en")
    class_labels = {c: _label(KG[c], lang) for c in ENTITY_TYPES}
    class_labels.update({"Provenance": "Provenance",
                         "External": "External class" if lang == "en" else "Classe externe",
                         "Thing": "Other" if lang == "en" else "Autre"})
    class_labels.update(G.graph.get("class_labels", {}))
    focus = set(focus)
    n, m = G.number_of_nodes(), G.number_of_edges()
    big = n > SPRING_LAYOUT_MAX_NODES
    pos = _seed_layout(G)
    net = _network_class()(height="100%", width="100%", directed=True, cdn_resources="in_line", heading=title)
    degree = dict(G.degree())
    for node, d in G.nodes(data=True):
        cls = d.get("class", "Thing")
        shape = CLASS_STYLE.get(cls, _DEFAULT_STYLE)[1]
        deg = degree.get(node, 0)
        opts = {
            "group": cls,
            "tip": _node_tooltip({**d, "class_label": class_labels.get(cls, cls)}, deg),
            "search": fold(" | ".join([d.get("label", ""), *d.get("aliases", [])])),
            "fullLabel": d.get("label", ""),
            "x": round(pos[node][0], 1),
            "y": round(pos[node][1], 1),
        }
        if shape not in ("box", "ellipse"):
            opts["size"] = round(min(42.0, 10 + 5 * math.sqrt(deg)), 1)
        if node in focus:
            opts["borderWidth"] = 4
        net.add_node(node, label=_truncate(d.get("label", node)), shape=shape, **opts)
    # parallel edges between the same two nodes are drawn as arcs of growing curvature
    pair_count: Counter = Counter()
    for u, v, _k, d in G.edges(keys=True, data=True):
        pair = (u, v) if u <= v else (v, u)
        i = pair_count[pair]
        pair_count[pair] += 1
        opts = {"label": d.get("label", ""), "prop": d.get("property", ""),
                "tip": _edge_tooltip(G.nodes[u].get("label", u), d, G.nodes[v].get("label", v))}
        if i:
            opts["smooth"] = {"enabled": True, "type": "curvedCW" if u <= v else "curvedCCW",
                              "roundness": round(0.25 * ((i + 1) // 2), 2)}
        if u == v:
            opts["selfReference"] = {"size": 18}
        if d.get("dashes"):
            opts["dashes"] = True
        net.add_edge(u, v, **opts)
    options = _vis_options(n, m, physics=0 < n and not big)
    options["groups"] = _groups(sorted({d.get("class", "Thing") for _, d in G.nodes(data=True)}))
    net.options = options
    if n == 0:
        empty_message = empty_message or "This graph has no entities to show."
    env = _template_env()
    counts = G.graph.get("counts") or (f"{n} {'entity' if n == 1 else 'entities'} · "
                                       f"{m} {'relation' if m == 1 else 'relations'}")
    env.globals["kg"] = {
        "vis_dir": env.globals["vis_dir"],
        "title": title,
        "subtitle": subtitle,
        "counts": counts,
        "legend": _legend(G, class_labels),
        "empty": empty_message,
    }
    net.templateEnv = env
    net.path = "kg_view.html"
    return net.generate_html()


class _IdList(list):
    """pyvis keeps node ids in a list and tests membership for every node and edge added:
    quadratic on big graphs. The same list, with a set for ``in``."""

    def __init__(self) -> None:
        super().__init__()
        self._set: set = set()

    def append(self, item) -> None:
        super().append(item)
        self._set.add(item)

    def __contains__(self, item) -> bool:
        return item in self._set


@lru_cache(maxsize=1)
def _network_class():
    from pyvis.network import Network

    class _Network(Network):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.node_ids = _IdList()

        def get_nodes(self):
            return self.node_ids

    return _Network


def _darker(colour: str, f: float = 0.72) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(int(r * f), int(g * f), int(b * f))


def _template_env():
    import pyvis
    from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader

    lib = os.path.join(os.path.dirname(pyvis.__file__), "templates")
    env = Environment(loader=ChoiceLoader([DictLoader({"kg_view.html": _TEMPLATE}), FileSystemLoader(lib)]),
                      autoescape=False)
    env.filters["kg_icon"] = _icon
    env.globals["vis_dir"] = _vis_dir(lib)
    return env


def _vis_dir(templates: str) -> str:
    """The newest vis-network shipped in pyvis' templates (``lib/vis-9.1.2`` in pyvis 0.3.2)."""
    found = []
    for d in Path(templates, "lib").glob("vis-*"):
        if (d / "vis-network.min.js").is_file() and (d / "vis-network.css").is_file():
            version = tuple(int(x) if x.isdigit() else 0 for x in d.name[4:].split("."))
            found.append((version, f"lib/{d.name}"))
    if not found:  # pragma: no cover - a pyvis without its vis-network files
        raise RuntimeError(f"pyvis ships no vis-network files under {templates}/lib")
    return max(found)[1]


def _write(out_path: str | os.PathLike[str], text: str) -> Path:
    from kg.output import atomic_write_text

    out = Path(out_path)
    atomic_write_text(out, text)
    return out


def render_html(graph: Graph | nx.MultiDiGraph, out_path: str | os.PathLike[str], *, focus: str | None = None,
                depth: int = 2, title: str = "Knowledge graph", lang: str = "en",
                empty_message: str | None = None) -> Path:
    """Write the interactive view of ``graph`` (an rdflib Graph or a :func:`to_networkx` result).

    ``focus`` names an entity (label or alias, case and accents ignored): only its neighbourhood
    of ``depth`` hops is drawn. An unknown name raises :class:`UnknownEntityError` listing the
    closest names. Returns the path written.
    """
    return _write(out_path, _page(graph, focus=focus, depth=depth, title=title, lang=lang, empty_message=empty_message))


def _page(graph: Graph | nx.MultiDiGraph, *, focus: str | None, depth: int, title: str, lang: str,
          empty_message: str | None) -> str:
    G = graph if isinstance(graph, nx.MultiDiGraph) else to_networkx(graph, lang=lang)
    subtitle = ""
    centres: list[str] = []
    if focus is not None:
        centres = find_entities(G, focus)
        G = neighbourhood(G, centres, depth)
        subtitle = f"neighbourhood of « {G.nodes[centres[0]]['label']} », {depth} hop{'s' if depth != 1 else ''}"
    return render_networkx(G, title=title, subtitle=subtitle, focus=centres, lang=lang, empty_message=empty_message)


class InlineView:
    """The interactive view, for Jupyter: displayed as an ``<iframe srcdoc>`` holding the whole page.

    The page is the same self-contained one :func:`render_html` writes (vis-network inlined), so it
    draws in JupyterLab and in a notebook exported to HTML, with no network. The iframe is
    sandboxed (``allow-scripts`` only). ``page`` is the HTML; :meth:`save` writes it to a file.
    """

    def __init__(self, page: str, *, height: int = 600, title: str = "Knowledge graph") -> None:
        self.page = page
        self.height = int(height)
        self.title = title

    def _repr_html_(self) -> str:
        return (f'<iframe class="kg-inline-view" title="{html.escape(self.title, quote=True)}" '
                f'style="width: 100%; height: {self.height}px; border: 1px solid #e4e7eb; border-radius: 4px;" '
                f'sandbox="allow-scripts" srcdoc="{html.escape(self.page, quote=True)}"></iframe>')

    def save(self, out_path: str | os.PathLike[str]) -> Path:
        """Write the page to ``out_path`` (it opens from disk like a ``kg view`` page)."""
        return _write(out_path, self.page)

    def __repr__(self) -> str:
        return f"<InlineView {self.title!r}: {len(self.page):,} characters of HTML>"


def inline_view(graph: Graph | nx.MultiDiGraph, *, focus: str | None = None, depth: int = 2,
                title: str = "Knowledge graph", lang: str = "en", height: int = 600,
                empty_message: str | None = None) -> InlineView:
    """The view of ``graph`` for a notebook cell (same arguments as :func:`render_html`).

    >>> kg.views.inline_view(graph, focus="Paris")      # the last expression of a cell  # doctest: +SKIP
    """
    page = _page(graph, focus=focus, depth=depth, title=title, lang=lang, empty_message=empty_message)
    return InlineView(page, height=height, title=title)


def write_build_view(graph: Graph, out_dir: str | os.PathLike[str], *, title: str = "Knowledge graph") -> Path:
    """What ``kg build`` calls after writing ``graph.ttl``: the whole graph's view as ``OUT/graph.html``."""
    return render_html(graph, Path(out_dir) / "graph.html", title=title)


# ---------------------------------------------------------------------------------------------
# query results


def query_networkx(graph: Graph, result, *, lang: str = "en") -> nx.MultiDiGraph:
    """The part of ``graph`` that a query result (``kg.query.QueryResult``) is about.

    CONSTRUCT/DESCRIBE: the entities and relations of the constructed graph, with their classes,
    labels and evidence taken from ``graph`` when the result lacks them. SELECT: the entities named
    in the rows (IRIs, or literals equal to an entity's label) and the relations between them.
    """
    full = to_networkx(graph, lang=lang)
    if getattr(result, "kind", None) == "ask":
        raise InputError("an ASK query answers true or false: there is no graph to show")
    if getattr(result, "kind", None) == "graph":
        built = to_networkx(result.graph, lang=lang)
        G = nx.MultiDiGraph(lang=lang)
        for n, d in built.nodes(data=True):
            G.add_node(n, **(full.nodes[n] if n in full and d.get("class") == "Thing" else d))
        for u, v, k, d in built.edges(keys=True, data=True):
            if not d.get("evidence") and full.has_edge(u, v, k):
                d = full.edges[u, v, k]
            G.add_edge(u, v, key=k, **d)
        return G
    labels: dict[str, list[str]] = defaultdict(list)
    for n, d in full.nodes(data=True):
        labels[fold(d.get("label", ""))].append(n)
    keep: set[str] = set()
    for row in result:
        for term in row:
            if term is None:
                continue
            if isinstance(term, (URIRef, BNode)) and str(term) in full:
                keep.add(str(term))
            elif isinstance(term, Literal):
                keep.update(labels.get(fold(str(term)), ()))
    return full.subgraph(sorted(keep)).copy()


# ---------------------------------------------------------------------------------------------
# ontology


def ontology_networkx(lang: str = "en") -> nx.MultiDiGraph:
    """The ontology as a graph: classes (with their data properties), subclass links, object properties."""
    onto = _ontology()
    G = nx.MultiDiGraph(lang=lang)
    provenance = {KG.Article, KG.Mention, KG.Assertion}

    def add_class(c) -> None:
        if str(c) in G:
            return
        if c in _ENTITY_CLASS_IRIS:
            cls = _ENTITY_CLASS_IRIS[c]
        elif c in provenance:
            cls = "Provenance"
        else:
            cls = "External"
        label = _label(c, lang) if str(c).startswith(str(KG._NS)) else _prefixed(onto, c)
        comment = next((str(x) for x in onto.objects(c, RDFS.comment)), "")
        props = sorted(_label(p, lang) for p in onto.subjects(RDFS.domain, c)
                       if (p, RDF.type, OWL.DatatypeProperty) in onto)
        G.add_node(str(c), **{"class": cls, "label": label, "aliases": [], "iri": str(c), "comment": comment,
                              "properties": props})

    def members(x) -> list:
        if isinstance(x, BNode):
            lst = onto.value(x, OWL.unionOf)
            return list(Collection(onto, lst)) if lst is not None else []
        return [x]

    for c in sorted(onto.subjects(RDF.type, OWL.Class), key=str):
        if isinstance(c, URIRef):
            add_class(c)
    sub_label = "subclass of" if lang == "en" else "sous-classe de"
    for c, sup in sorted(onto.subject_objects(RDFS.subClassOf), key=str):
        if isinstance(c, URIRef) and isinstance(sup, URIRef):
            add_class(sup)
            G.add_edge(str(c), str(sup), key="subClassOf", property="subClassOf", label=sub_label,
                       iri=str(RDFS.subClassOf), evidence=[], sentences=[], articles=[], dashes=True,
                       comment="rdfs:subClassOf")
    for p in sorted(onto.subjects(RDF.type, OWL.ObjectProperty), key=str):
        dom, rng = onto.value(p, RDFS.domain), onto.value(p, RDFS.range)
        if dom is None or rng is None:
            continue
        comment = next((str(x) for x in onto.objects(p, RDFS.comment)), "")
        for d in members(dom):
            for r in members(rng):
                add_class(d)
                add_class(r)
                G.add_edge(str(d), str(r), key=_local(p), property=_local(p), label=_label(p, lang), iri=str(p),
                           evidence=[], sentences=[], articles=[], comment=comment or f"{_local(p)}: {_label(d, lang)} → {_label(r, lang)}")
    n_props = len({d["property"] for *_, d in G.edges(data=True)} - {"subClassOf"})
    n_sub = sum(1 for *_, d in G.edges(data=True) if d["property"] == "subClassOf")
    G.graph["counts"] = (f"{G.number_of_nodes()} classes · {n_props} object properties · {n_sub} subclass links" if lang == "en"
                         else f"{G.number_of_nodes()} classes · {n_props} propriétés d’objet · {n_sub} liens de sous-classe")
    return G


def _prefixed(g: Graph, term) -> str:
    try:
        return g.namespace_manager.normalizeUri(term)
    except Exception:  # pragma: no cover - any IRI rdflib cannot shorten
        return str(term)


def ontology_view(out_path: str | os.PathLike[str], *, lang: str = "en",
                  title: str = "kg ontology: classes and properties") -> Path:
    """Write the view of the ontology (``ontology/kg.ttl``) itself."""
    G = ontology_networkx(lang)
    subtitle = ("dashed: subclass of · arrows: from domain to range" if lang == "en"
                else "pointillés : sous-classe de · flèches : du domaine vers la portée")
    return _write(out_path, render_networkx(G, title=title, subtitle=subtitle, lang=lang))


# ---------------------------------------------------------------------------------------------
# the page (a Jinja template rendered by pyvis' Network.generate_html; the vis-network files are
# included from the pyvis package, so nothing is fetched when the page opens)

_TEMPLATE = r"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kg view (pyvis, {{ kg.vis_dir|replace('lib/', '') }} inline)">
<title>{{ kg.title|e }}</title>
<style>{% include kg.vis_dir ~ '/vis-network.css' %}</style>
<script>{% include kg.vis_dir ~ '/vis-network.min.js' %}</script>
<style>
  html, body { margin: 0; height: 100%; font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2933; background: #fbfbfc; }
  #kg-bar { position: absolute; top: 0; left: 0; right: 0; height: 52px; display: flex; align-items: center; gap: 16px; padding: 0 16px; background: #fff; border-bottom: 1px solid #e4e7eb; box-sizing: border-box; z-index: 2; }
  #kg-bar h1 { font-size: 17px; margin: 0; font-weight: 600; white-space: nowrap; }
  #kg-bar .kg-sub { font-size: 13px; color: #616e7c; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  #kg-search-form { margin-left: auto; display: flex; gap: 6px; align-items: center; }
  #kg-search { width: 220px; padding: 5px 8px; border: 1px solid #cbd2d9; border-radius: 4px; font: inherit; font-size: 14px; }
  #kg-search-form button { padding: 5px 10px; border: 1px solid #cbd2d9; background: #f5f7fa; border-radius: 4px; font: inherit; font-size: 14px; cursor: pointer; }
  #kg-search-result { font-size: 13px; color: #616e7c; min-width: 120px; }
  #mynetwork { position: absolute; top: 52px; left: 0; right: 0; bottom: 0; }
  #kg-legend { position: absolute; top: 64px; left: 12px; background: rgba(255,255,255,.94); border: 1px solid #e4e7eb; border-radius: 6px; padding: 8px 12px 10px; font-size: 13px; z-index: 2; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
  #kg-legend h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: #616e7c; margin: 0 0 6px; font-weight: 600; }
  #kg-legend label { display: flex; align-items: center; gap: 7px; padding: 2px 0; cursor: pointer; user-select: none; }
  #kg-legend .kg-n { color: #7b8794; margin-left: auto; padding-left: 10px; font-variant-numeric: tabular-nums; }
  #kg-legend .kg-all { margin-top: 6px; font-size: 12px; }
  #kg-legend .kg-all a { color: #3e4c59; cursor: pointer; text-decoration: underline; margin-right: 8px; }
  #kg-empty { position: absolute; top: 45%; left: 0; right: 0; text-align: center; font-size: 20px; color: #52606d; z-index: 1; }
  #kg-tip { display: none; position: fixed; z-index: 3; pointer-events: none; max-width: 420px; white-space: normal; font-size: 13px; line-height: 1.35; background: #fff; border: 1px solid #cbd2d9; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.15); padding: 8px 10px; color: #1f2933; }
  .kg-tip-title { font-weight: 600; font-size: 14px; margin-bottom: 2px; }
  .kg-tip-class { color: #616e7c; font-style: italic; margin-bottom: 4px; }
  .kg-tip-prop { color: #616e7c; font-weight: 400; }
  .kg-tip-sent { margin-top: 6px; }
  .kg-tip-src { color: #7b8794; font-size: 12px; }
  .kg-k { color: #616e7c; }
</style>
</head>
<body>
<header id="kg-bar">
  <h1>{{ kg.title|e }}</h1>
  <span class="kg-sub" id="kg-counts">{{ kg.counts|e }}{% if kg.subtitle %} · {{ kg.subtitle|e }}{% endif %}</span>
  <form id="kg-search-form" autocomplete="off">
    <input id="kg-search" type="search" placeholder="Find an entity by name…" list="kg-names" aria-label="Find an entity by name">
    <datalist id="kg-names"></datalist>
    <button type="submit">Find</button>
    <span id="kg-search-result" aria-live="polite"></span>
  </form>
</header>
<div id="mynetwork"></div>
<div id="kg-tip" role="tooltip"></div>
{% if kg.legend %}
<aside id="kg-legend" aria-label="Legend">
  <h2>Classes</h2>
  {% for c in kg.legend %}
  <label class="kg-legend-item" data-class="{{ c.class|e }}">
    <input type="checkbox" checked data-class="{{ c.class|e }}">
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">{{ c.shape|kg_icon(c.color) }}</svg>
    <span class="kg-legend-name">{{ c.label|e }}</span><span class="kg-n">{{ c.count }}</span>
  </label>
  {% endfor %}
  <div class="kg-all"><a id="kg-show-all">all</a><a id="kg-show-none">none</a></div>
</aside>
{% endif %}
{% if kg.empty %}<div id="kg-empty">{{ kg.empty|e }}</div>{% endif %}
<script>
(function () {
  "use strict";
  window.kgReady = false;
  window.kgErrors = [];
  window.addEventListener("error", function (e) { window.kgErrors.push(String(e.message)); });
  function markReady() {
    if (window.kgReady) return;
    window.kgReadyAt = performance.now();
    window.kgReady = true;
    document.body.setAttribute("data-ready", "1");
  }
  var rawNodes = {{ nodes|tojson }};
  var rawEdges = {{ edges|tojson }};
  var options = {{ options|safe }};
  var nodes = new vis.DataSet(rawNodes);
  var edges = new vis.DataSet(rawEdges);
  var container = document.getElementById("mynetwork");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, options);
  window.kgNetwork = network; window.kgNodes = nodes; window.kgEdges = edges;

  // tooltips: built when hovered (cheaper than one DOM element per node and edge up front)
  var tipBox = document.getElementById("kg-tip"), mouse = {x: 0, y: 0}, tipFor = null;
  container.addEventListener("mousemove", function (e) {
    mouse = {x: e.clientX, y: e.clientY};
    if (tipFor) placeTip();
  });
  function placeTip() {
    var w = window.innerWidth, h = window.innerHeight;
    var x = mouse.x + 14, y = mouse.y + 14;
    if (x + tipBox.offsetWidth > w - 4) x = Math.max(4, mouse.x - tipBox.offsetWidth - 14);
    if (y + tipBox.offsetHeight > h - 4) y = Math.max(4, mouse.y - tipBox.offsetHeight - 14);
    tipBox.style.left = x + "px"; tipBox.style.top = y + "px";
  }
  function showTip(item) {
    if (!item || !item.tip) return;
    tipFor = item.id; tipBox.innerHTML = item.tip; tipBox.style.display = "block"; placeTip();
  }
  function hideTip() { tipFor = null; tipBox.style.display = "none"; }
  network.on("hoverNode", function (p) { showTip(nodes.get(p.node)); });
  network.on("hoverEdge", function (p) { if (!tipFor || !nodes.get(tipFor)) showTip(edges.get(p.edge)); });
  network.on("blurNode", hideTip);
  network.on("blurEdge", function () { if (tipFor && edges.get(tipFor)) hideTip(); });
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);
  window.kgShowTip = function (id) { showTip(nodes.get(id) || edges.get(id)); return tipBox.innerText; };
  if (options.physics && options.physics.enabled && rawNodes.length) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
      network.fit();
      network.once("afterDrawing", markReady);
      network.redraw();
    });
  } else if (rawNodes.length) {
    network.once("afterDrawing", markReady);
  } else {
    markReady();
  }

  // filter by class: the legend's boxes
  var hiddenClasses = {};
  function applyFilter() {
    var upd = [];
    nodes.forEach(function (n) {
      var h = !!hiddenClasses[n.group];
      if (!!n.hidden !== h) upd.push({id: n.id, hidden: h});
    });
    if (upd.length) nodes.update(upd);
  }
  var boxes = document.querySelectorAll("#kg-legend input[type=checkbox]");
  boxes.forEach(function (b) {
    b.addEventListener("change", function () { hiddenClasses[b.getAttribute("data-class")] = !b.checked; applyFilter(); });
  });
  function setAll(v) { boxes.forEach(function (b) { b.checked = v; hiddenClasses[b.getAttribute("data-class")] = !v; }); applyFilter(); }
  var all = document.getElementById("kg-show-all"), none = document.getElementById("kg-show-none");
  if (all) all.addEventListener("click", function () { setAll(true); });
  if (none) none.addEventListener("click", function () { setAll(false); });

  // search by name (label or alias; case and accents ignored); Enter again shows the next match
  function norm(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\u2019/g, "'").replace(/\s+/g, " ").trim(); }
  var names = document.getElementById("kg-names");
  rawNodes.map(function (n) { return n.fullLabel; }).sort().forEach(function (l) { var o = document.createElement("option"); o.value = l; names.appendChild(o); });
  var lastQuery = null, matchIndex = 0;
  function kgSearch(q) {
    var want = norm(q || ""), result = document.getElementById("kg-search-result");
    if (!want) { result.textContent = ""; network.unselectAll(); return []; }
    var exact = [], partial = [];
    nodes.forEach(function (n) {
      if (norm(n.fullLabel) === want) exact.push(n);
      else if (n.search.indexOf(want) >= 0) partial.push(n);
    });
    var found = exact.concat(partial);
    if (!found.length) { result.textContent = "no match"; network.unselectAll(); return []; }
    matchIndex = (q === lastQuery) ? (matchIndex + 1) % found.length : 0;
    lastQuery = q;
    var n = found[matchIndex];
    if (n.hidden) {  // show its class again
      hiddenClasses[n.group] = false;
      boxes.forEach(function (b) { if (b.getAttribute("data-class") === n.group) b.checked = true; });
      applyFilter();
    }
    network.selectNodes([n.id]);
    network.focus(n.id, {scale: Math.max(network.getScale(), 1.1), animation: {duration: 300}});
    result.textContent = found.length === 1 ? n.fullLabel : n.fullLabel + " (" + (matchIndex + 1) + " of " + found.length + ")";
    return found.map(function (x) { return x.id; });
  }
  window.kgSearch = kgSearch;
  document.getElementById("kg-search-form").addEventListener("submit", function (e) {
    e.preventDefault(); kgSearch(document.getElementById("kg-search").value);
  });
})();
</script>
</body>
</html>
"""


def _icon(shape: str, colour: str) -> str:
    """An inline SVG shape for the legend, like vis-network's."""
    border = _darker(colour)
    a = f'fill="{colour}" stroke="{border}" stroke-width="1.2"'
    if shape == "dot":
        return f'<circle cx="8" cy="8" r="6.5" {a}/>'
    if shape == "square":
        return f'<rect x="2" y="2" width="12" height="12" {a}/>'
    if shape == "diamond":
        return f'<polygon points="8,1 15,8 8,15 1,8" {a}/>'
    if shape == "triangle":
        return f'<polygon points="8,1.5 15,14 1,14" {a}/>'
    if shape == "triangleDown":
        return f'<polygon points="1,2 15,2 8,14.5" {a}/>'
    if shape == "hexagon":
        pts = " ".join(f"{8 + 7 * math.cos(math.pi / 3 * i):.1f},{8 + 7 * math.sin(math.pi / 3 * i):.1f}" for i in range(6))
        return f'<polygon points="{pts}" {a}/>'
    if shape == "star":
        pts = " ".join(f"{8 + (7.5 if i % 2 == 0 else 3.2) * math.sin(math.pi / 5 * i):.1f},"
                       f"{8.6 - (7.5 if i % 2 == 0 else 3.2) * math.cos(math.pi / 5 * i):.1f}" for i in range(10))
        return f'<polygon points="{pts}" {a}/>'
    if shape == "ellipse":
        return f'<ellipse cx="8" cy="8" rx="7" ry="5" {a}/>'
    return f'<rect x="1.5" y="3.5" width="13" height="9" rx="2" {a}/>'  # box

