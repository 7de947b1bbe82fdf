"""SPARQL over graphs, files and stores: saved queries, parameters, result formats.

``kg.query`` is this package, callable: ``kg.query(source, "ministers", country="FRA")`` calls
:func:`query` (a pandas DataFrame when pandas is installed, else the rows).
"""

import sys
import types

from kg.sparql.engine import (
    FORMATS,
    Param,
    QueryResult,
    QuerySyntaxError,
    QueryTimeout,
    Row,
    SavedQuery,
    format_result,
    query,
    resolve_query,
    run_query,
    saved_queries,
)

__all__ = ["FORMATS", "Param", "QueryResult", "QuerySyntaxError", "QueryTimeout", "Row", "SavedQuery", "format_result",
           "query", "resolve_query", "run_query", "saved_queries"]


class _CallableModule(types.ModuleType):
    def __call__(self, *args, **kwargs):
        return query(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
