"""Interactive HTML views of the graph (networkx → pyvis), for ``kg view``, ``kg build`` and notebooks.

Public API:

* :func:`render_html`, :func:`render_networkx`, :func:`inline_view` (:class:`InlineView`),
  :func:`write_build_view`, :func:`ontology_view` — the page (:mod:`~kg.views.render`);
* :data:`CLASS_STYLE` — colour and shape per class (:mod:`~kg.views.style`);
* :func:`load_graph` — read a graph file (from :mod:`kg.rdf.formats`);
* for users of ``kg.views``, the projection it draws (:mod:`kg.graph.projection`):
  :func:`to_networkx`, :func:`find_entities`, :func:`neighbourhood`, :func:`query_networkx`,
  :func:`ontology_networkx`, :class:`UnknownEntityError`.

Modules: :mod:`~kg.views.render` (pages), :mod:`~kg.views.style` (look, legend, vis-network
options), :mod:`~kg.views.layout` (positions), :mod:`~kg.views.tooltips` (what the tooltips hold),
``templates/view.html.j2`` (the page).
"""

from kg.graph.projection import (
    UnknownEntityError,
    find_entities,
    neighbourhood,
    ontology_networkx,
    query_networkx,
    to_networkx,
)
from kg.rdf.formats import load_graph
from kg.views.render import InlineView, inline_view, ontology_view, render_html, render_networkx, write_build_view
from kg.views.style import CLASS_STYLE

__all__ = ["load_graph", "CLASS_STYLE", "InlineView", "UnknownEntityError", "find_entities", "inline_view",
           "neighbourhood", "ontology_networkx", "ontology_view", "query_networkx", "render_html", "render_networkx",
           "to_networkx", "write_build_view"]
