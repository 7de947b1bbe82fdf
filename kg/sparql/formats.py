"""Query results as text: an aligned table, or the SPARQL 1.1 Query Results JSON, CSV and TSV
formats; a CONSTRUCT/DESCRIBE graph is always Turtle."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from decimal import Decimal

from rdflib import BNode, Literal, URIRef

from kg.errors import InputError
from kg.rdf.vocab import PREFIXES
from kg.sparql.results import QueryResult

__all__ = ["FORMATS", "format_result", "format_table", "format_json", "format_csv", "format_tsv"]

#: Output formats of :func:`format_result` (CONSTRUCT/DESCRIBE results are always Turtle).
FORMATS = ("table", "json", "csv", "tsv")


def _short(term, *, prefixes: Mapping[str, str] = PREFIXES) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        s = str(term)
        best = max(((p, ns) for p, ns in prefixes.items() if s.startswith(ns)), key=lambda x: len(x[1]), default=None)
        return f"{best[0]}:{s[len(best[1]):]}" if best else s
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


#: Characters a terminal would act on rather than show: control characters and the bidirectional
#: controls (U+202E reverses the text after it, so a cell could seem to hold another value).
_HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _cell(text: str, width: int) -> str:
    text = " ".join(text.split())  # no line breaks or tabs inside a table cell
    text = _HIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)  # shown, not obeyed
    if width and len(text) > width:
        return text[: max(width - 1, 1)] + "…"
    return text


def format_table(result: QueryResult, max_width: int = 60) -> str:
    """An aligned table (numbers right-aligned, cells cut at ``max_width``) and a row count.

    A cell is one line: line breaks and tabs become spaces, and control and bidirectional
    characters are shown as ``\\uXXXX`` rather than acted on by the terminal."""
    if result.kind == "ask":
        return "true\n" if result.boolean else "false\n"
    header = list(result.vars)
    body = [[_cell(_short(t), max_width) for t in row] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]
    numeric = [
        all(isinstance(row[i], Literal) and isinstance(row[i].toPython(), (int, float, Decimal)) and not isinstance(row[i].toPython(), bool)
            for row in result.rows if row[i] is not None) and any(row[i] is not None for row in result.rows)
        for i in range(len(header))
    ]

    def line(cells):
        out = [c.rjust(w) if num else c.ljust(w) for c, w, num in zip(cells, widths, numeric)]
        return "  ".join(out).rstrip()

    lines = [line(header), "  ".join("-" * w for w in widths)]
    lines += [line(r) for r in body]
    n = len(result.rows)
    lines.append(f"({n} row{'s' if n != 1 else ''})")
    return "\n".join(lines) + "\n"


def _json_term(term) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    d = {"type": "literal", "value": str(term)}
    if term.language:
        d["xml:lang"] = term.language
    elif term.datatype is not None:
        d["datatype"] = str(term.datatype)
    return d


def format_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.kind == "ask":
        doc = {"head": {}, "boolean": bool(result.boolean)}
    else:
        doc = {
            "head": {"vars": list(result.vars)},
            "results": {"bindings": [
                {v: _json_term(t) for v, t in zip(result.vars, row) if t is not None} for row in result.rows
            ]},
        }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def format_csv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results CSV (plain values, CRLF line ends)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if result.kind == "ask":
        w.writerow(["boolean"])
        w.writerow(["true" if result.boolean else "false"])
        return buf.getvalue()
    w.writerow(result.vars)
    for row in result.rows:
        w.writerow(["" if t is None else (f"_:{t}" if isinstance(t, BNode) else str(t)) for t in row])
    return buf.getvalue()


def _tsv_term(term) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return term.n3().replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def format_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results TSV (terms in Turtle syntax)."""
    if result.kind == "ask":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def format_result(result: QueryResult, fmt: str = "table", *, max_width: int = 60) -> str:
    """``result`` as text: table | json | csv | tsv; a CONSTRUCT/DESCRIBE graph is always Turtle."""
    if result.kind == "graph":
        return result.graph.serialize(format="turtle")
    if fmt == "table":
        if max_width < 0:
            raise InputError(f"--max-width must be 0 (no limit) or more, not {max_width}")
        return format_table(result, max_width)
    if fmt == "json":
        return format_json(result)
    if fmt == "csv":
        return format_csv(result)
    if fmt == "tsv":
        return format_tsv(result)
    raise InputError(f"unknown format {fmt!r}: {', '.join(FORMATS)}")
