"""What a query returns: :class:`QueryResult` (rows, a boolean or a graph) and its :class:`Row` s,
with :func:`to_python` for plain Python values and :meth:`QueryResult.to_dataframe` for pandas.

The DataFrames follow three conventions (the notebooks' ``kg.query(...)``):

* **IRIs alongside names.** A column ``x`` that holds IRIs gives the entity's name in ``x``
  (its ``rdfs:label`` in the source queried, else the IRI in prefixed form: ``kg:ministerOf``,
  ``kgid:person/…``) and the full IRI in a column ``x_iri`` right after it (``<NA>`` in the rows
  where ``x`` is a literal). Saved queries that select names only have no ``_iri`` columns.
* **Typed columns.** ``xsd:date``, ``xsd:dateTime``, ``xsd:gYearMonth`` and ``xsd:gYear`` values
  are ``datetime64`` (a month is its first day, a year its 1 January; a time with a time zone is
  converted to UTC); integers are ``Int64``, other numbers ``Float64``, booleans ``boolean``,
  text ``string``. A column whose values are of several kinds stays ``object``.
* **One missing value.** An unbound variable is ``pd.NA`` (``NaT`` in date columns, pandas'
  missing date): ``df.isna()`` finds them all.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

__all__ = ["Row", "QueryResult", "to_python", "compact"]


class Row(tuple):
    """One solution: a tuple of rdflib terms (``None`` when unbound), also readable by name."""

    _vars: tuple[str, ...] = ()

    def __new__(cls, values, vars_):
        row = super().__new__(cls, values)
        row._vars = vars_
        return row

    def __getitem__(self, key):
        if isinstance(key, str):
            try:
                return tuple.__getitem__(self, self._vars.index(key))
            except ValueError:
                raise KeyError(key) from None
        return tuple.__getitem__(self, key)

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def get(self, key, default=None):
        try:
            return self[key]
        except (KeyError, IndexError):
            return default

    def asdict(self) -> dict[str, Any]:
        return dict(zip(self._vars, self))

    def __reduce__(self):
        return (Row, (tuple(self), self._vars))


@dataclass
class QueryResult:
    """The answer to a query: rows (SELECT), a boolean (ASK) or a graph (CONSTRUCT/DESCRIBE).

    Iterating gives the rows; ``len()`` their number; ``result.vars`` the column names.
    """

    kind: str  #: "select" | "ask" | "graph"
    vars: tuple[str, ...] = ()
    rows: list[Row] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    #: the ``rdfs:label`` of the IRIs of the rows, when the engine was asked for them (``labels=True``)
    labels: dict[str, str] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def __len__(self) -> int:
        if self.kind == "graph" and self.graph is not None:
            return len(self.graph)
        return len(self.rows)

    def __getitem__(self, i):
        return self.rows[i]

    def __bool__(self) -> bool:
        return bool(self.boolean) if self.kind == "ask" else len(self) > 0

    def to_dicts(self) -> list[dict[str, Any]]:
        """Rows as dicts of Python values (IRIs as strings, literals converted: dates, numbers …)."""
        return [{v: to_python(t) for v, t in zip(self.vars, row)} for row in self.rows]

    def to_dataframe(self):
        """The rows as a pandas ``DataFrame`` (pandas must be installed), with names beside IRIs,
        typed columns and ``pd.NA`` for what is missing (see the module's docstring)."""
        import pandas as pd

        data: dict = {}
        for i, var in enumerate(self.vars):
            cells = [row[i] for row in self.rows]
            iris = [str(t) if isinstance(t, (URIRef, BNode)) else None for t in cells]
            if any(iris):
                data[var] = _column([self.labels.get(iri) or compact(iri) if iri else _typed(t)
                                     for iri, t in zip(iris, cells)])
                if f"{var}_iri" not in self.vars:
                    data[f"{var}_iri"] = pd.array([iri if iri else pd.NA for iri in iris], dtype="string")
            else:
                data[var] = _column([_typed(t) for t in cells])
        return pd.DataFrame(data, columns=list(data))

    def drop(self, names) -> QueryResult:
        """The same result without the columns ``names``."""
        names = set(names)
        keep = [i for i, v in enumerate(self.vars) if v not in names]
        vars_ = tuple(self.vars[i] for i in keep)
        rows = [Row([r[i] for i in keep], vars_) for r in self.rows]
        return QueryResult(self.kind, vars_, rows, self.boolean, self.graph, self.labels)


def to_python(term):
    """An rdflib term as a Python value: IRIs as strings, literals converted (dates, numbers …)."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal):
            return float(value)
        if isinstance(value, Literal):  # ill-typed or unknown datatype
            return str(value)
        return value
    return str(term)


_DATES = frozenset({XSD.date, XSD.dateTime, XSD.dateTimeStamp, XSD.gYearMonth, XSD.gYear})


def compact(iri: str) -> str:
    """An IRI in prefixed form with kg's prefixes (:data:`kg.rdf.vocab.PREFIXES`), else as it is.

    >>> compact("https://w3id.org/kg-news/ontology#ministerOf")
    'kg:ministerOf'
    """
    from kg.rdf.vocab import PREFIXES

    best = max((ns for ns in PREFIXES.values() if iri.startswith(str(ns))), key=lambda ns: len(str(ns)), default=None)
    if best is None:
        return iri
    prefix = next(p for p, ns in PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(str(best)):]}"


def _typed(term):
    """A cell's value for a DataFrame: dates as ``pd.Timestamp``, the rest as :func:`to_python`."""
    if isinstance(term, Literal) and term.datatype in _DATES:
        import pandas as pd

        try:
            ts = pd.Timestamp(str(term))
        except (ValueError, TypeError):
            return str(term)
        return ts.tz_convert("UTC").tz_localize(None) if ts.tzinfo is not None else ts
    return to_python(term)


def _column(values: list):
    """``values`` as a pandas array of the one type they share (``object`` if none), ``pd.NA`` for ``None``."""
    import pandas as pd

    present = [v for v in values if v is not None]
    kinds = {type(v) for v in present}
    if present and kinds <= {pd.Timestamp}:
        return pd.array(pd.to_datetime([pd.NaT if v is None else v for v in values]))
    if present and kinds <= {bool}:
        dtype = "boolean"
    elif present and kinds <= {int}:
        dtype = "Int64"
    elif present and kinds <= {int, float}:
        dtype = "Float64"
    elif kinds <= {str}:
        dtype = "string"
    else:
        return pd.array([pd.NA if v is None else v for v in values], dtype=object)
    return pd.array([pd.NA if v is None else v for v in values], dtype=dtype)
