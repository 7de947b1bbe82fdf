"""SPARQL over graphs, files and stores: saved queries, parameters, result formats.

``kg.query`` is this package, callable: ``kg.query(source, "ministers", country="FRA")`` calls
:func:`query` (a pandas DataFrame when pandas is installed, else the rows).

Public API:

* :func:`run_query`, :func:`query` — run a saved query, a ``.rq`` file or SPARQL text on a graph
  file, a store folder, an rdflib graph or a store (:mod:`~kg.sparql.engine`), with
  :class:`QueryTimeout` and :class:`QuerySyntaxError`;
* :func:`saved_queries`, :func:`resolve_query`, :class:`SavedQuery`, :class:`Param` — the saved
  queries and their declared parameters (:mod:`~kg.sparql.saved`);
* :func:`parse_params` — ``NAME=VALUE`` options to a dict (:mod:`~kg.sparql.params`);
* :class:`QueryResult`, :class:`Row` — what a query returns (:mod:`~kg.sparql.results`);
* :func:`format_result`, :data:`FORMATS` — results as a table, JSON, CSV or TSV (:mod:`~kg.sparql.formats`).
"""

import sys
import types

from kg.sparql.engine import QuerySyntaxError, QueryTimeout, query, run_query
from kg.sparql.formats import FORMATS, format_result
from kg.sparql.params import parse_params
from kg.sparql.results import QueryResult, Row
from kg.sparql.saved import Param, SavedQuery, resolve_query, saved_queries

__all__ = ["FORMATS", "Param", "QueryResult", "QuerySyntaxError", "QueryTimeout", "Row", "SavedQuery", "format_result",
           "parse_params", "query", "resolve_query", "run_query", "saved_queries"]


class _CallableModule(types.ModuleType):
    def __call__(self, *args, **kwargs):
        return query(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
