"""Interactive HTML views of a knowledge graph: the networkx projection drawn with pyvis.

    rdflib Graph ─► kg.graph.projection.to_networkx ─► pyvis + templates/view.html.j2 ─► view.html

* :func:`render_html` writes the view: colour and shape by class with a legend (whose boxes filter
  the classes), size by degree, directed edges labelled with the property's label, tooltips with
  the node's attributes and mentions and the sentences stating each edge, with their articles
  (:mod:`kg.views.tooltips`), a search box. The page is self-contained: vis-network's JavaScript
  and CSS (shipped inside the pyvis package) are inlined, so it opens from ``file://`` with no
  network, and its Content-Security-Policy lets it fetch nothing. :func:`inline_view` gives the
  same page for a notebook cell; :func:`ontology_view` draws ``ontology/kg.ttl`` itself.
* The page is the Jinja template ``kg/views/templates/view.html.j2`` (package data), rendered by
  pyvis' ``Network.generate_html``. The layout is computed before the page opens
  (:mod:`kg.views.layout`); the page sets ``window.kgReady`` (and ``window.kgReadyAt``, ms since
  navigation start) once the network is drawn and frozen; ``benchmarks/bench_views.py`` reads it
  back in headless Chromium.
"""

from __future__ import annotations

import html
import math
import os
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import networkx as nx
from rdflib import Graph

from kg.graph.projection import find_entities, neighbourhood, ontology_label, ontology_networkx, to_networkx
from kg.names import fold
from kg.rdf.vocab import KG
from kg.records import ENTITY_TYPES
from kg.views.layout import SPRING_LAYOUT_MAX_NODES, seed_layout
from kg.views.style import groups, icon, legend, style_of, vis_options
from kg.views.tooltips import Tooltips

__all__ = ["render_networkx", "render_html", "InlineView", "inline_view", "write_build_view", "ontology_view"]

#: The page's template, in ``kg/views/templates`` (package data).
TEMPLATE = "view.html.j2"

_LABEL_MAX = 40


def _truncate(text: str, n: int = _LABEL_MAX) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def render_networkx(G: nx.MultiDiGraph, *, title: str = "Knowledge graph", subtitle: str = "",
                    focus: Iterable[str] = (), lang: str | None = None, empty_message: str | None = None) -> str:
    """The HTML page of an already projected graph (see :func:`to_networkx`)."""
    lang = lang or G.graph.get("lang", "en")
    class_labels = {c: ontology_label(KG[c], lang) for c in ENTITY_TYPES}
    class_labels.update({"Provenance": "Provenance",
                         "External": "External class" if lang == "en" else "Classe externe",
                         "Thing": "Other" if lang == "en" else "Autre"})
    class_labels.update(G.graph.get("class_labels", {}))
    focus = set(focus)
    n, m = G.number_of_nodes(), G.number_of_edges()
    big = n > SPRING_LAYOUT_MAX_NODES
    pos = seed_layout(G)
    net = _network_class()(height="100%", width="100%", directed=True, cdn_resources="in_line", heading=title)
    degree = dict(G.degree())
    # the tooltips' data go beside vis-network's items, not in them (its data sets copy every field)
    tips = Tooltips()
    node_tips: dict[str, dict] = {}
    edge_tips: list[dict] = []
    for node, d in G.nodes(data=True):
        cls = d.get("class", "Thing")
        shape = style_of(cls)[1]
        deg = degree.get(node, 0)
        opts = {
            "group": cls,
            "search": fold(" | ".join([d.get("label", ""), *d.get("aliases", [])])),
            "fullLabel": d.get("label", ""),
            "x": round(pos[node][0], 1),
            "y": round(pos[node][1], 1),
        }
        if shape not in ("box", "ellipse"):
            opts["size"] = round(min(42.0, 10 + 5 * math.sqrt(deg)), 1)
        if node in focus:
            opts["borderWidth"] = 4
        node_tips[node] = tips.node(d, deg)
        net.add_node(node, label=_truncate(d.get("label", node)), shape=shape, **opts)
    # parallel edges between the same two nodes are drawn as arcs of growing curvature
    pair_count: Counter = Counter()
    for u, v, _k, d in G.edges(keys=True, data=True):
        pair = (u, v) if u <= v else (v, u)
        i = pair_count[pair]
        pair_count[pair] += 1
        opts = {"id": f"e{len(edge_tips)}", "label": d.get("label", ""), "prop": d.get("property", "")}
        edge_tips.append(tips.edge(d))
        if i:
            opts["smooth"] = {"enabled": True, "type": "curvedCW" if u <= v else "curvedCCW",
                              "roundness": round(0.25 * ((i + 1) // 2), 2)}
        if u == v:
            opts["selfReference"] = {"size": 18}
        if d.get("dashes"):
            opts["dashes"] = True
        net.add_edge(u, v, **opts)
    options = vis_options(n, m, physics=0 < n and not big)
    options["groups"] = groups(sorted({d.get("class", "Thing") for _, d in G.nodes(data=True)}))
    net.options = options
    # the message of an empty page only (a page that draws something never says it is empty)
    empty_message = (empty_message or "This graph has no entities to show.") if n == 0 else None
    env = _template_env()
    counts = G.graph.get("counts") or (f"{n} {'entity' if n == 1 else 'entities'} · "
                                       f"{m} {'relation' if m == 1 else 'relations'}")
    env.globals["kg"] = {
        "vis_dir": env.globals["vis_dir"],
        "title": title,
        "subtitle": subtitle,
        "counts": counts,
        "legend": legend(G, class_labels),
        "empty": empty_message,
        "tips": {**tips.tables(), "classes": {c: class_labels.get(c, c) for c in options["groups"]},
                 "nodes": node_tips, "edges": edge_tips},
    }
    net.templateEnv = env
    net.path = TEMPLATE
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


@lru_cache(maxsize=1)
def _template_env():
    """The Jinja environment of the page (one per process: it caches the compiled template)."""
    import pyvis
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader

    lib = os.path.join(os.path.dirname(pyvis.__file__), "templates")
    # kg's page from the package data; the vis-network files it includes from pyvis' templates
    env = Environment(loader=ChoiceLoader([PackageLoader("kg.views", "templates"), FileSystemLoader(lib)]),
                      autoescape=False)
    env.filters["kg_icon"] = icon
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
    sandboxed: scripts run, and the tooltips' article links may open a new tab (``allow-popups``,
    the article's page itself outside the sandbox); nothing else (no same-origin access to the
    notebook, no forms, no top navigation). ``page`` is the HTML; :meth:`save` writes it to a file.
    """

    def __init__(self, page: str, *, height: int = 600, title: str = "Knowledge graph") -> None:
        self.page = page
        self.height = int(height)
        self.title = title

    def _repr_html_(self) -> str:
        return (f'<iframe class="kg-inline-view" title="{html.escape(self.title, quote=True)}" '
                f'style="width: 100%; height: {self.height}px; border: 1px solid #e4e7eb; border-radius: 4px;" '
                f'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" srcdoc="{html.escape(self.page, quote=True)}"></iframe>')

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


def ontology_view(out_path: str | os.PathLike[str], *, lang: str = "en",
                  title: str = "kg ontology: classes and properties") -> Path:
    """Write the view of the ontology (``ontology/kg.ttl``) itself."""
    G = ontology_networkx(lang)
    subtitle = ("dashed: subclass of · arrows: from domain to range" if lang == "en"
                else "pointillés : sous-classe de · flèches : du domaine vers la portée")
    return _write(out_path, render_networkx(G, title=title, subtitle=subtitle, lang=lang))
