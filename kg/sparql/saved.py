"""Saved queries: the ``.rq`` files of ``ontology/queries`` with their header, and how a query
argument (a saved query's name, a ``.rq`` file or SPARQL text) becomes a :class:`SavedQuery`.

A saved query declares its parameters in its header::

    # name: evidence
    # description: The evidence behind relations ...
    # param: predicate (iri) — only this relation, e.g. kg:ministerOf
    # param: entity (required) — name of the entity

Types are ``literal`` (default), ``iri`` (``kg:ministerOf``, ``<https://…>``), ``integer``,
``date`` and ``entity`` (a name resolved to the IRIs of the entities it names, or an IRI;
:mod:`kg.sparql.entities`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError, KgError

__all__ = ["PARAM_TYPES", "Param", "SavedQuery", "parse_saved_query", "queries_dir", "saved_queries", "resolve_query"]

#: The types a saved query's parameter may declare.
PARAM_TYPES = ("literal", "iri", "integer", "date", "entity")


@dataclass(frozen=True)
class Param:
    """A parameter a saved query declares: its name, type, whether it is required, what it means."""

    name: str
    type: str = "literal"  #: literal | iri | integer | date | entity
    required: bool = False
    description: str = ""


@dataclass(frozen=True)
class SavedQuery:
    """A query with its name, description and declared parameters (``path`` for a ``.rq`` file)."""

    name: str
    description: str
    text: str
    params: tuple[Param, ...] = ()
    path: Path | None = None

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


_HEADER = re.compile(r"^#\s*(name|description|param)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*(?:\(([^)]*)\))?\s*(?:[—–]|--?)?\s*(.*)$")


def parse_saved_query(text: str, path: Path | None = None) -> SavedQuery:
    """Read the ``# name:`` / ``# description:`` / ``# param:`` header of a ``.rq`` file."""
    name = path.stem if path is not None else ""
    description = ""
    params: list[Param] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        m = _HEADER.match(line)
        if not m:
            continue
        key, value = m.groups()
        if key == "name":
            name = value
        elif key == "description":
            description = value
        else:
            pm = _PARAM.match(value)
            if not pm:
                raise KgError(f"{path}: bad '# param:' line: {line}")
            pname, opts, desc = pm.groups()
            words = [w.strip() for w in (opts or "").split(",") if w.strip()]
            ptype = next((w for w in words if w in PARAM_TYPES), "literal")
            unknown = [w for w in words if w not in PARAM_TYPES and w != "required"]
            if unknown:
                raise KgError(f"{path}: unknown parameter option(s) {', '.join(unknown)} in: {line}")
            params.append(Param(pname, ptype, "required" in words, desc))
    return SavedQuery(name, description, text, tuple(params), path)


def queries_dir() -> Path:
    """The folder of the saved queries (``ontology/queries``, installed as ``kg.ontology/queries``)."""
    from importlib.resources import files

    return Path(str(files("kg.ontology") / "queries"))


def saved_queries(folder: str | os.PathLike[str] | None = None) -> dict[str, SavedQuery]:
    """The saved queries by name, sorted by name."""
    folder = Path(folder) if folder is not None else queries_dir()
    out = {}
    for path in sorted(folder.glob("*.rq")):
        sq = parse_saved_query(path.read_text(encoding="utf-8"), path)
        out[sq.name] = sq
    return dict(sorted(out.items()))


_SPARQL_START = re.compile(r"^\s*(?:#[^\n]*\n\s*)*(PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)


def resolve_query(query_or_name: str) -> SavedQuery:
    """A saved query by name, a ``.rq`` file, or SPARQL text, as a :class:`SavedQuery`.

    An unknown name raises :class:`InputError` listing the saved queries.
    """
    text = query_or_name
    saved = saved_queries()
    if text in saved:
        return saved[text]
    if _SPARQL_START.match(text) or "{" in text:
        return SavedQuery("", "", text)
    path = Path(text).expanduser()
    if path.suffix == ".rq" or path.is_file():
        if not path.is_file():
            raise InputError("no such query file", path=path)
        return parse_saved_query(path.read_text(encoding="utf-8"), path)
    raise InputError(
        f"unknown saved query {text!r}; saved queries: {', '.join(saved)} "
        "(or give SPARQL text or a .rq file; kg query --list describes them)"
    )
