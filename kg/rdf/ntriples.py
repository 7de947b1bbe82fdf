"""N-Triples text as a term factory of :func:`kg.rdf.emit.emit`: what corpus builds send from the
workers to the store (bulk loads), to N-Quads files and to SPARQL Graph Stores.

Terms are written exactly as Oxigraph prints the same terms (the escapes of oxrdf's
``print_quoted_str``; ``tests/rdf/test_emit.py`` checks the two agree), so that the content hash of
an article is the same on every path (:func:`kg.store.layout.content_hash` of the pyoxigraph triples).
Building text is several times faster than building rdflib or pyoxigraph terms; the terms that
come back (vocabulary, entities, articles, sentences, dates) are cached.

>>> from kg.records import Article
>>> lines = article_lines(Extraction(Article("a1", "Texte.", "2024-06-13")))
>>> sorted(lines)[0]
'<https://w3id.org/kg-news/id/article/a1> <http://purl.org/dc/terms/identifier> "a1" .\\n'
"""

from __future__ import annotations

import functools
import re

from kg.rdf.emit import TermFactory, emit
from kg.rdf.terms import LABEL_LANGUAGE, attr_value, date_datatype
from kg.rdf.vocab import KG, KGID, article_iri, entity_iri, evidence_path
from kg.records import Extraction

__all__ = ["NTRIPLES", "NTriplesTerms", "nt_string", "article_lines"]

_ESCAPES = {0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"}
_ESCAPES.update({c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F] if c not in _ESCAPES})
_NEEDS_ESCAPE = re.compile('["\\\\\x00-\x1f\x7f]')


@functools.lru_cache(maxsize=8192)  # an article's sentences come back for each of their mentions
def nt_string(value: str) -> str:
    """A plain (xsd:string) literal in N-Triples: ``"…"`` with Oxigraph's escapes."""
    if _NEEDS_ESCAPE.search(value) is None:
        return f'"{value}"'
    return '"' + value.translate(_ESCAPES) + '"'


@functools.lru_cache(maxsize=65536)
def _name(value: str) -> str:
    return f"{nt_string(value)}@{LABEL_LANGUAGE}"


def _typed(lexical: str, datatype: str | None) -> str:
    return nt_string(lexical) if datatype is None else f"{nt_string(lexical)}^^<{datatype}>"


@functools.lru_cache(maxsize=256)
def _kg(name: str) -> str:
    return f"<{KG[name]}>"


@functools.lru_cache(maxsize=65536)
def _entity(key: str) -> str:
    return f"<{entity_iri(key)}>"


@functools.lru_cache(maxsize=65536)
def _article(article_id: str) -> str:
    return f"<{article_iri(article_id)}>"


@functools.lru_cache(maxsize=65536)
def _attr(name: str, value: str | int) -> str:
    return _typed(*attr_value(name, value))


@functools.lru_cache(maxsize=16384)
def _date(value: str) -> str:
    return _typed(value, date_datatype(value))


_EVIDENCE = f"<{KGID}"


@functools.lru_cache(maxsize=16384)  # offsets and counts
def _integer(value: int) -> str:
    return f'"{int(value)}"^^<http://www.w3.org/2001/XMLSchema#integer>'


class NTriplesTerms(TermFactory):
    """Terms as N-Triples text (``<iri>``, ``"literal"^^<datatype>``).

    The cached functions are set on the instance, so that :func:`~kg.rdf.emit.emit` calls them
    directly (this is the hot path of corpus builds)."""

    def __init__(self) -> None:
        super().__init__()
        self.kg, self.entity, self.article = _kg, _entity, _article  # type: ignore[method-assign]
        self.string, self.integer, self.date, self.attr = nt_string, _integer, _date, _attr  # type: ignore[method-assign]
        self.name = _name  # type: ignore[method-assign]

    def iri(self, value: str) -> str:
        return f"<{value}>"

    def literal(self, lexical: str, datatype: str | None = None) -> str:
        return _typed(lexical, datatype)

    def evidence(self, kind: str, *parts: object) -> str:
        return f"{_EVIDENCE}{evidence_path(kind, *parts)}>"

    def decimal(self, text: str) -> str:
        return f'"{text}"^^<http://www.w3.org/2001/XMLSchema#decimal>'


#: N-Triples text.
NTRIPLES = NTriplesTerms()


def article_lines(ex: Extraction, *, min_confidence: float = 0.0) -> set[str]:
    """The triples of one article (:func:`kg.rdf.emit.emit`) as N-Triples lines ``"s p o .\\n"``."""
    return {f"{s} {p} {o} .\n" for s, p, o in emit(ex, NTRIPLES, min_confidence=min_confidence)}
