"""Interactive HTML views of the graph (networkx → pyvis)."""

from kg.rdf.formats import load_graph

from kg.views.render import (
    CLASS_STYLE,
    InlineView,
    UnknownEntityError,
    find_entities,
    inline_view,
    ontology_view,
    query_networkx,
    render_html,
    render_networkx,
    to_networkx,
    write_build_view,
)

__all__ = ["load_graph", "CLASS_STYLE", "InlineView", "UnknownEntityError", "find_entities", "inline_view", "ontology_view", "query_networkx", "render_html", "render_networkx", "to_networkx", "write_build_view"]
