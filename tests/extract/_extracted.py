"""Helpers of the extraction tests: extract a text, read what came out."""

from __future__ import annotations

from kg.extract import extract
from kg.records import Article


def attr(entity, name):
    """The value of data property ``name`` of an extracted entity (``None`` if it has none)."""
    return dict(entity.attrs).get(name)


def run(nlp, text, published="2024-06-14"):
    """The entities (by key) and relations (key triples) extracted from ``text``."""
    ex = extract(nlp(text), Article("t", text, published))
    ents = {e.key: e for e in ex.entities}
    rels = {(r.subject, r.predicate, r.object) for r in ex.relations}
    return ents, rels
