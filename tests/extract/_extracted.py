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


def run_labels(nlp, text, published="2024-06-14"):
    """Like :func:`run`, by label: the entities by label, the relations as label triples."""
    ex = extract(nlp(text), Article("t", text, published))
    labels = {e.key: e.label for e in ex.entities}
    ents = {e.label: e for e in ex.entities}
    rels = {(labels[r.subject], r.predicate, labels[r.object]) for r in ex.relations}
    return ents, rels


def anns(ents):
    """The Announcements among ``ents``."""
    return [e for e in ents.values() if e.type == "Announcement"]


def agents(rels, ann):
    """Who announced ``ann`` (keys)."""
    return {o for s, p, o in rels if s == ann.key and p == "announcedBy"}


def about(rels, ann):
    """What ``ann`` is about (keys)."""
    return {o for s, p, o in rels if s == ann.key and p == "about"}


def key(ents, label):
    """The key of the entity labelled ``label`` (fails, listing the labels, when there is none)."""
    hits = [k for k, e in ents.items() if e.label == label]
    assert hits, f"{label!r} not among {[e.label for e in ents.values()]}"
    return hits[0]
