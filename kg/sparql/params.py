"""Query parameters, bound as RDF terms by the engine (rdflib ``initBindings``, Oxigraph
``substitutions``), never pasted into the query text: a value such as ``x" } ?s ?p ?o { "`` is only
ever a string to compare with.

A saved query's declared types give the term: ``literal`` (default), ``iri`` (``kg:ministerOf``,
``<https://…>``), ``integer``, ``date``, ``entity`` (an IRI as ``iri``, else a name: a literal that
the engine resolves to the entities it names, :mod:`kg.sparql.entities`). For SPARQL text, plain strings become literals and
``<…>`` values IRIs. A parameter variable must appear in the SELECT clause (Oxigraph substitutes
projected variables only).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import InputError
from kg.rdf.vocab import KG, PREFIXES
from kg.sparql.saved import SavedQuery

__all__ = ["param_term", "bindings", "parse_params"]


def param_term(value: Any, ptype: str = "literal"):
    """A parameter value as an rdflib term of the declared type (never query text)."""
    from kg.rdf.terms import date_literal

    if isinstance(value, (URIRef, Literal, BNode)):
        return value
    if ptype == "iri":
        return _iri(str(value))
    if ptype == "entity":
        return _iri(str(value)) if _looks_like_iri(str(value)) else Literal(str(value))
    if ptype == "integer":
        try:
            return Literal(int(value), datatype=XSD.integer)
        except (TypeError, ValueError):
            raise InputError(f"parameter value {value!r} is not an integer") from None
    if ptype == "date":
        lit = date_literal(str(value))
        if lit.datatype is None:
            raise InputError(f"parameter value {value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
        return lit
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    return Literal(str(value))


_IRI_BAD = re.compile(r'[\s<>"{}|^`\\]')


def _looks_like_iri(value: str) -> bool:
    """``<…>``, ``http(s)://…`` or a prefixed name with a predeclared prefix (``kgid:person/x``)."""
    v = value.strip()
    return ((v.startswith("<") and v.endswith(">")) or bool(re.match(r"https?://\S+$", v))
            or (":" in v and v.split(":", 1)[0] in PREFIXES and not re.search(r"\s", v)))


def _iri(value: str) -> URIRef:
    v = value.strip()
    if v.startswith("<") and v.endswith(">"):
        v = v[1:-1]
    elif ":" in v and v.split(":", 1)[0] in PREFIXES and not v.split(":", 1)[1].startswith("//"):
        prefix, local = v.split(":", 1)
        v = PREFIXES[prefix] + local
    elif ":" not in v and v in dir(KG):
        v = str(KG._NS) + v
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", v) or _IRI_BAD.search(v):
        raise InputError(
            f"parameter value {value!r} is not an IRI: give a prefixed name (kg:ministerOf) or <https://…>"
        )
    return URIRef(v)


def bindings(sq: SavedQuery, params: Mapping[str, Any] | None) -> dict[str, Any]:
    """``params`` as RDF terms by variable name, checked against what ``sq`` declares."""
    params = dict(params or {})
    if sq.params:
        declared = {p.name for p in sq.params}
        unknown = sorted(set(params) - declared)
        if unknown:
            raise InputError(
                f"query {sq.name!r} has no parameter {', '.join(unknown)}; its parameters: {', '.join(sorted(declared))}"
            )
        missing = [p.name for p in sq.params if p.required and params.get(p.name) in (None, "")]
        if missing:
            raise InputError(f"query {sq.name!r} needs --param {missing[0]}=VALUE ({sq.param(missing[0]).description})")
    out = {}
    for name, value in params.items():
        if value is None:
            continue
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise InputError(f"bad parameter name {name!r}")
        p = sq.param(name)
        if p is None and isinstance(value, str) and value.startswith("<") and value.endswith(">"):
            out[name] = _iri(value)
        else:
            out[name] = param_term(value, p.type if p else "literal")
    return out


def parse_params(pairs: list[str] | None) -> dict[str, str]:
    """``["name=value", ...]`` (the ``--param`` options) → dict."""
    out = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise InputError(f"--param {pair!r}: expected NAME=VALUE")
        out[name.strip()] = value
    return out
