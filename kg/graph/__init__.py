"""The graph as a network: the networkx projection, analysis for notebooks, differences, summaries.

Public API:

* :func:`to_networkx`, :func:`find_entities`, :func:`neighbourhood`, :func:`query_networkx`,
  :func:`ontology_networkx`, :class:`UnknownEntityError`, :data:`DISPLAY_ORDER`
  (:mod:`~kg.graph.projection`: one node per entity, one edge per relation);
* :mod:`~kg.graph.analysis` — ``entities``, ``entity_graph``, ``undirected``, ``centrality``,
  ``communities``, ``path`` (records for notebooks);
* :func:`graph_diff`, :class:`GraphDiff` (:mod:`~kg.graph.diff`);
* :func:`graph_summary`, :func:`graph_counts` (:mod:`~kg.graph.summary`: the one-line summary of ``kg build``).
"""

from kg.graph.diff import GraphDiff, graph_diff
from kg.graph.projection import (
    DISPLAY_ORDER,
    UnknownEntityError,
    find_entities,
    neighbourhood,
    ontology_networkx,
    query_networkx,
    to_networkx,
)
from kg.graph.summary import graph_counts, graph_summary

__all__ = ["DISPLAY_ORDER", "GraphDiff", "UnknownEntityError", "find_entities", "graph_counts", "graph_diff",
           "graph_summary", "neighbourhood", "ontology_networkx", "query_networkx", "to_networkx"]
