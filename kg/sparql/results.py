"""What a query returns: :class:`QueryResult` (rows, a boolean or a graph) and its :class:`Row` s,
with :func:`to_python` for plain Python values."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rdflib import Graph, Literal

__all__ = ["Row", "QueryResult", "to_python"]


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
        """The rows as a pandas ``DataFrame`` (pandas must be installed)."""
        import pandas as pd

        return pd.DataFrame(self.to_dicts(), columns=list(self.vars))

    def drop(self, names) -> QueryResult:
        """The same result without the columns ``names``."""
        names = set(names)
        keep = [i for i, v in enumerate(self.vars) if v not in names]
        vars_ = tuple(self.vars[i] for i in keep)
        rows = [Row([r[i] for i in keep], vars_) for r in self.rows]
        return QueryResult(self.kind, vars_, rows, self.boolean, self.graph)


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
