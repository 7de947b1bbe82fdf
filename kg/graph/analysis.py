"""Questions a reader asks of a graph in a notebook: what is in it, where it came from, who is central.

Every function takes an rdflib ``Graph`` (or a :class:`kg.store.KgStore`, whose merged graph is
used) or the ``networkx`` projection of :func:`kg.graph.projection.to_networkx`, and returns plain records
(lists of dicts) that ``pandas.DataFrame(...)`` shows as a table::

    >>> import pandas as pd, kg.graph.analysis as ka               # doctest: +SKIP
    >>> pd.DataFrame(ka.entities(graph))                           # doctest: +SKIP
    >>> print(ka.entity_graph(graph, "Olaf Scholz").serialize(format="turtle"))  # doctest: +SKIP
    >>> G = kg.views.to_networkx(graph)                            # doctest: +SKIP
    >>> pd.DataFrame(ka.centrality(G)).head()                      # doctest: +SKIP

* :func:`entities` — one row per entity: class, name, other names, mentions, articles;
  ``min_articles=2`` keeps the entities merged across articles.
* :func:`entity_graph` — the triples about one entity with their provenance (its mentions and the
  assertions of its relations, with their sentences, offsets and articles).
* :func:`undirected`, :func:`centrality`, :func:`communities`, :func:`path` — network analysis on
  the projection: degree and betweenness, Louvain communities, the shortest chain of relations
  between two entities, each link with the sentence that states it.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV

from kg.errors import InputError
from kg.graph.projection import class_rank, find_entities, to_networkx
from kg.rdf.vocab import KG

__all__ = ["as_graph", "entities", "entity_graph", "undirected", "centrality", "communities", "path"]


def as_graph(source) -> Graph:
    """An rdflib graph from a graph or a :class:`kg.store.KgStore` (its merged default graph)."""
    if isinstance(source, Graph):
        return source
    to_graph = getattr(source, "to_graph", None)
    if callable(to_graph):
        return to_graph()
    raise TypeError(f"expected an rdflib Graph or a KgStore, got {type(source).__name__}")


def _projection(source, lang: str = "en") -> nx.MultiDiGraph:
    return source if isinstance(source, nx.MultiDiGraph) else to_networkx(as_graph(source), lang=lang)


def entity_mentions(g: Graph) -> dict[str, tuple[int, set[str]]]:
    """entity IRI → (number of mentions, article ids of those mentions)."""
    ids = {art: str(g.value(art, DCTERMS.identifier) or art) for art in g.subjects(RDF.type, KG.Article)}
    count: dict[str, int] = defaultdict(int)
    arts: dict[str, set[str]] = defaultdict(set)
    for m, e in g.subject_objects(KG.mentionOf):
        count[str(e)] += 1
        for art in g.objects(m, PROV.wasDerivedFrom):
            arts[str(e)].add(ids.get(art, str(art)))
    return {e: (count[e], arts[e]) for e in count}


def entities(source, *, min_articles: int = 0, lang: str = "en") -> list[dict]:
    """The entities, by class (most specific first: Summit, Event, Minister, …) then name.

    Each record: ``class``, ``label``, ``aliases`` (the other names, comma-separated), ``mentions``
    (number of ``kg:Mention`` nodes), ``articles`` (sorted ids of the articles that mention it),
    ``iri``. ``min_articles=2`` keeps only the entities that several articles mention — the ones
    a build merged across articles.
    """
    g = as_graph(source)
    G = _projection(g, lang)
    seen = entity_mentions(g)
    rows = []
    for n, d in G.nodes(data=True):
        mentions, arts = seen.get(n, (0, set()))
        if len(arts) < min_articles:
            continue
        rows.append({"class": d.get("class", "Thing"), "label": d.get("label", n),
                     "aliases": ", ".join(d.get("aliases", [])), "mentions": mentions,
                     "articles": sorted(arts), "iri": n})
    rows.sort(key=lambda r: (class_rank(r["class"]), r["label"].casefold(), r["iri"]))
    return rows


def _resolve(G: nx.MultiDiGraph, name: str) -> str:
    """A node id from a label, an alternative name, whole words of either, or the IRI itself; a
    name that finds entities of different labels (``"Macron"``: Emmanuel and Brigitte) is an
    :class:`~kg.errors.InputError` listing them."""
    if name in G:
        return name
    found = find_entities(G, name)
    labels = sorted({G.nodes[n].get("label", n) for n in found})
    if len(labels) > 1:
        listed = ", ".join(f"« {label} »" for label in labels[:10])
        raise InputError(f"« {name} » names {len(labels)} entities ({listed}): give a full name or an IRI")
    return found[0]


def entity_graph(source, name: str) -> Graph:
    """What the graph says about one entity (label, alias or IRI), with the provenance of each fact.

    The result holds the entity's own triples (types, names, data properties, relations both
    ways), the ``rdfs:label`` of the entities it is related to, its ``kg:Mention`` nodes, the
    ``kg:Assertion`` nodes of its relations, and the articles they were read from (identifier,
    date, title). An unknown name raises :class:`kg.views.UnknownEntityError` with the closest
    names.
    """
    from rdflib import RDFS

    from kg.rdf.mapping import new_graph

    g = as_graph(source)
    node = URIRef(_resolve(_projection(g), name))
    out = new_graph()
    related: set = set()
    provenance: set = set(g.subjects(KG.mentionOf, node))
    for p, o in g.predicate_objects(node):
        out.add((node, p, o))
        if isinstance(o, URIRef) and p != RDF.type:
            related.add(o)
    for s, p in g.subject_predicates(node):
        if (s, RDF.type, KG.Assertion) in g or (s, RDF.type, KG.Mention) in g:
            continue
        out.add((s, p, node))
        related.add(s)
    for s in list(related):
        for label in g.objects(s, RDFS.label):
            out.add((s, RDFS.label, label))
    for role in (RDF.subject, RDF.object):
        provenance |= {a for a in g.subjects(role, node) if (a, RDF.type, KG.Assertion) in g}
    articles = set()
    for x in provenance:
        for p, o in g.predicate_objects(x):
            out.add((x, p, o))
            if p == PROV.wasDerivedFrom:
                articles.add(o)
    for art in articles:
        for p in (RDF.type, DCTERMS.identifier, DCTERMS.issued, DCTERMS.title):
            for o in g.objects(art, p):
                out.add((art, p, o))
    return out


# ---------------------------------------------------------------------------------------------
# network analysis


def undirected(source) -> nx.Graph:
    """The projection as a simple undirected graph: one edge per pair of related entities.

    Node attributes are those of :func:`kg.views.to_networkx`; each edge has ``weight`` (the
    number of relations between the pair, either way) and ``relations`` (their property names).
    Self-loops are dropped.
    """
    G = _projection(source)
    U = nx.Graph()
    U.add_nodes_from(G.nodes(data=True))
    for u, v, k in G.edges(keys=True):
        if u == v:
            continue
        if U.has_edge(u, v):
            U[u][v]["weight"] += 1
            U[u][v]["relations"].append(k)
        else:
            U.add_edge(u, v, weight=1, relations=[k])
    return U


def centrality(source) -> list[dict]:
    """Who is most central: one record per entity, most central first.

    ``degree`` is the number of distinct entities it is related to; ``betweenness`` the share of
    shortest paths between other entities that go through it (normalised, 0–1, unweighted).
    Sorted by betweenness, then degree, then name.
    """
    U = undirected(source)
    between = nx.betweenness_centrality(U, normalized=True)
    rows = [{"label": d.get("label", n), "class": d.get("class", "Thing"), "degree": U.degree(n),
             "betweenness": round(between[n], 4), "iri": n} for n, d in U.nodes(data=True)]
    rows.sort(key=lambda r: (-r["betweenness"], -r["degree"], r["label"].casefold(), r["iri"]))
    return rows


def communities(source, *, seed: int = 7, min_size: int = 2) -> list[dict]:
    """Groups of entities more related to each other than to the rest (Louvain, modularity).

    Records ``community`` (1 = the largest), ``size``, ``members`` (names, most connected first)
    and ``nodes`` (their IRIs); groups smaller than ``min_size`` (entities related to nothing)
    are left out. ``seed`` makes the result repeatable.
    """
    U = undirected(source)
    groups = nx.community.louvain_communities(U, weight="weight", seed=seed) if U.number_of_nodes() else []
    rows = []
    for group in groups:
        if len(group) < min_size:
            continue
        nodes = sorted(group, key=lambda n: (-U.degree(n), U.nodes[n].get("label", n).casefold(), n))
        rows.append({"size": len(nodes), "members": [U.nodes[n].get("label", n) for n in nodes], "nodes": nodes})
    rows.sort(key=lambda r: (-r["size"], r["members"]))
    return [{"community": i, **r} for i, r in enumerate(rows, 1)]


def path(source, start: str, end: str) -> list[dict]:
    """The shortest chain of relations between two entities (names, aliases or IRIs).

    One record per link, in order from ``start``: ``from``, ``relation`` (the property's label,
    read in the direction it is stated), ``to``, ``direction`` (``"→"`` when the link is stated
    from ``from`` to ``to``, ``"←"`` when the other way round), ``sentence`` (the first sentence
    stating it) and ``article``. Empty when the two are not connected; an unknown name raises
    :class:`kg.views.UnknownEntityError`.
    """
    G = _projection(source)
    a, b = _resolve(G, start), _resolve(G, end)
    try:
        nodes = nx.shortest_path(undirected(G), a, b)
    except nx.NetworkXNoPath:
        return []
    steps = []
    for u, v in zip(nodes, nodes[1:]):
        forward = sorted(G.get_edge_data(u, v, default={}).items())
        backward = sorted(G.get_edge_data(v, u, default={}).items())
        (_key, data), arrow = (forward[0], "→") if forward else (backward[0], "←")
        ev = data.get("evidence") or [{}]
        steps.append({"from": G.nodes[u].get("label", u), "relation": data.get("label", _key),
                      "direction": arrow, "to": G.nodes[v].get("label", v),
                      "sentence": ev[0].get("sentence", ""), "article": ev[0].get("article", "")})
    return steps
