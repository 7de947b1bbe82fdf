"""Moving a store written before article IRIs were one per exact id (kg ≤ 0.2.0).

Up to kg 0.2.0 an article's named graph and IRI were ``kgid:graph/<slug>`` and
``kgid:article/<slug>``: ids that differ but slug alike (``Sommet-1``, ``sommet 1``) shared them,
and the second replaced the first. They are now :func:`kg.store.layout.graph_iri` and
:func:`kg.rdf.vocab.article_iri`, which keep the slug only for ids that are slugs already (file
names: nearly every store is unchanged) and add a hash of the exact id otherwise.

:func:`migrate` renames, in one transaction, the graphs and article IRIs of the keys whose IRIs
changed, everywhere they appear (the article's graph, other graphs citing it, the merged default
graph, the bookkeeping), and records their new content hashes; input hashes are kept, so a
resumed build does not extract them again. A writer does it once when it opens an older store
(:meth:`kg.store.store.KgStore.open`); readers see the old IRIs until then.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.rdf.vocab import KGID, article_iri, slug
from kg.store.layout import META_GRAPH, STORE, content_hash, graph_iri

__all__ = ["FLAG", "stale_keys", "migrate"]

#: The store marker's flag: article graphs and IRIs are one per exact id.
FLAG = "exact_ids"

_META = ox.NamedNode(str(META_GRAPH))


def stale_keys(store: ox.Store) -> dict[str, str]:
    """Key → the graph IRI it is stored under, for the keys whose graph is not :func:`graph_iri`."""
    key_p = ox.NamedNode(str(STORE.key))
    out = {}
    for q in store.quads_for_pattern(None, key_p, None, _META):
        key, g = q.object.value, q.subject.value
        if g != str(graph_iri(key)):
            out[key] = g
    return out


def _term(quad_term, renames: dict[str, str]):
    if isinstance(quad_term, ox.NamedNode) and quad_term.value in renames:
        return ox.NamedNode(renames[quad_term.value])
    return quad_term


def _statement(q: ox.Quad) -> str:
    triple = f"{q.subject} {q.predicate} {q.object} ."
    return triple if isinstance(q.graph_name, ox.DefaultGraph) else f"GRAPH {q.graph_name} {{ {triple} }}"


def migrate(store: ox.Store) -> list[str]:
    """Rename the graphs and article IRIs of every stale key (see the module's docstring), in one
    transaction; the keys renamed."""
    stale = stale_keys(store)
    if not stale:
        return []
    renames: dict[str, str] = {}  # old IRI → new IRI: graphs and articles
    for key, old_graph in stale.items():
        renames[old_graph] = str(graph_iri(key))
        old_article = str(KGID[f"article/{slug(key)}"])
        if old_article != str(article_iri(key)):
            renames[old_article] = str(article_iri(key))
    old: set[ox.Quad] = set()
    for iri in renames:
        node = ox.NamedNode(iri)
        old.update(store.quads_for_pattern(node, None, None, None))
        old.update(store.quads_for_pattern(None, None, node, None))
        old.update(store.quads_for_pattern(None, None, None, node))
    new = {ox.Quad(_term(q.subject, renames), q.predicate, _term(q.object, renames), _term(q.graph_name, renames))
           for q in old}
    touched = {q.graph_name for q in new if isinstance(q.graph_name, ox.NamedNode) and q.graph_name != _META}
    before = {new_iri: old_iri for old_iri, new_iri in renames.items()}
    hash_p = ox.NamedNode(str(STORE.contentHash))
    for g in touched:  # every article graph whose triples changed gets its new content hash
        source = ox.NamedNode(before.get(g.value, g.value))  # its name before
        kept = [q.triple for q in store.quads_for_pattern(None, None, None, source) if q not in old]
        digest = content_hash(kept + [q.triple for q in new if q.graph_name == g])
        old.update(store.quads_for_pattern(source, hash_p, None, _META))
        new = {q for q in new if not (q.subject == g and q.predicate == hash_p and q.graph_name == _META)}
        new.add(ox.Quad(g, hash_p, ox.Literal(digest), _META))
    delete = sorted(_statement(q) for q in old if q not in new)
    insert = sorted(_statement(q) for q in new if q not in old)
    store.update(" ;\n".join([f"DELETE DATA {{ {' '.join(delete)} }}"] * bool(delete)
                             + [f"INSERT DATA {{ {' '.join(insert)} }}"] * bool(insert)))
    return sorted(stale)
