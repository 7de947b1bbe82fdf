"""The networkx projection of a kg graph: one node per entity, one edge per relation.

    rdflib Graph ─► to_networkx ─► networkx.MultiDiGraph ─► kg.views (HTML) / kg.graph.analysis (notebooks)

* :func:`to_networkx` projects the RDF graph onto a ``networkx.MultiDiGraph``: one node per
  entity (IRI strings as node ids), one edge per object-property triple between entities (the
  property's local name as edge key). Literals, articles and the provenance nodes (``kg:Mention``,
  ``kg:Assertion``) never become nodes: the data properties become node attributes, the mentions
  become the ``mentions`` of the entity and the assertions the ``evidence`` of the edge they
  state (each with its sentence and its article's id, date, title and URL). The class of a node is the most
  specific of its classes (:func:`kg.rdf.ontology.most_specific`)::

      >>> from kg.graph.projection import to_networkx                # doctest: +SKIP
      >>> G = to_networkx(Graph().parse("out/graph.ttl"))        # doctest: +SKIP
      >>> sorted(G.degree, key=lambda x: -x[1])[:5]              # doctest: +SKIP

* :func:`find_entities` and :func:`neighbourhood` find an entity by name and the part of the graph
  around it; :func:`query_networkx` the part a query result is about; :func:`ontology_networkx`
  draws ``ontology/kg.ttl`` itself (classes, subclass links, object properties from domain to range).
* :data:`DISPLAY_ORDER` is the order in which classes are listed to a reader (the view's legend,
  the tables of :mod:`kg.graph.analysis`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import networkx as nx
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, PROV, SKOS, XSD

from kg.errors import InputError, UnknownEntityError
from kg.names import NameIndex, fold
from kg.rdf.ontology import most_specific, ontology_graph
from kg.rdf.turtle import unescape
from kg.rdf.vocab import KG, SCHEMA
from kg.records import ENTITY_TYPES, RELATION_TYPES

__all__ = [
    "DISPLAY_ORDER",
    "AssertionTable",
    "class_rank",
    "ontology_label",
    "local_name",
    "to_networkx",
    "find_entities",
    "neighbourhood",
    "query_networkx",
    "ontology_networkx",
    "UnknownEntityError",
    "name_index",
]

#: The order classes are shown in (legend, tables): events, people, places, organisations,
#: announcements, then the ontology view's provenance and external classes. Display data only:
#: which class a node has comes from :func:`kg.rdf.ontology.most_specific`.
DISPLAY_ORDER = ("Summit", "Event", "Minister", "Person", "Country", "City", "Organization", "Announcement",
                 "Provenance", "External")

_ENTITY_CLASS_IRIS = {KG[c]: c for c in ENTITY_TYPES}
_OBJECT_PROPERTIES = tuple(KG[p] for p in RELATION_TYPES)
_NODE_ATTRS = ("role", "portfolio", "startDate", "endDate", "date", "edition", "summary", "amount", "iso3")


def class_rank(cls: str) -> int:
    """Where ``cls`` comes in :data:`DISPLAY_ORDER` (unknown classes last)."""
    return DISPLAY_ORDER.index(cls) if cls in DISPLAY_ORDER else len(DISPLAY_ORDER)


# ---------------------------------------------------------------------------------------------
# ontology labels


def ontology_label(term: URIRef, lang: str = "en") -> str:
    """The ontology label of a class or property in ``lang`` (falls back to the local name)."""
    onto = ontology_graph()
    labels = {getattr(lit, "language", None): str(lit) for lit in onto.objects(term, RDFS.label)}
    return labels.get(lang) or labels.get("en") or labels.get(None) or local_name(term)


def local_name(term) -> str:
    """The part of an IRI after its last ``#`` or ``/``."""
    s = str(term)
    for sep in ("#", "/"):
        if sep in s:
            s = s.rsplit(sep, 1)[1] or s
    return s


# ---------------------------------------------------------------------------------------------
# projection


def _values(g: Graph, p) -> dict:
    """subject → one object of ``p`` (the smallest, so that the same graph gives the same answer)."""
    out: dict = {}
    for s, o in g.subject_objects(p):
        old = out.get(s)
        if old is None or (type(o).__name__, str(o)) < (type(old).__name__, str(old)):
            out[s] = o
    return out


def _articles(g: Graph) -> dict:
    """article node → ``{"article": id, "published", "title", "url"}`` (``""`` when absent)."""
    ids, issued, titles, urls = (_values(g, p) for p in (DCTERMS.identifier, DCTERMS.issued, DCTERMS.title, SCHEMA.url))
    return {art: {"article": str(ids[art]) if art in ids else local_name(art), "published": str(issued.get(art, "")),
                  "title": str(titles.get(art, "")), "url": str(urls.get(art, ""))}
            for art in g.subjects(RDF.type, KG.Article)}


class AssertionTable:
    """The ``kg:Assertion`` nodes of a graph, read from its N-Triples instead of from an rdflib graph
    (a build's view: :mod:`kg.pipeline.outputs`): about two thirds of what the view reads, kept as
    plain values (no rdflib literal is made for them). ``to_networkx(graph, assertions=table)`` gives
    what ``to_networkx`` gives for ``graph`` with the assertions' triples added.

    :meth:`declare` an assertion node (its ``rdf:type kg:Assertion`` triple), then :meth:`add` its
    triples, as N-Triples terms."""

    _FIELDS = {f"<{p}>": name for p, name in (
        (RDF.subject, "subject"), (RDF.predicate, "predicate"), (RDF.object, "object"),
        (PROV.wasDerivedFrom, "derived"), (KG.sentence, "sentence"), (KG.startOffset, "start"),
        (KG.endOffset, "end"), (KG.confidence, "confidence"), (KG.implied, "implied"))}

    def __init__(self) -> None:
        self.nodes: dict[URIRef, None] = {}
        self.values: dict[str, dict] = {name: {} for name in self._FIELDS.values()}
        self._iris: dict[str, URIRef] = {}

    def _iri(self, term: str) -> URIRef:
        node = self._iris.get(term)
        if node is None:
            node = self._iris[term] = URIRef(term[1:-1])
        return node

    def declare(self, node: str) -> None:
        """``node`` (an N-Triples IRI) is a ``kg:Assertion``."""
        self.nodes[self._iri(node)] = None

    def add(self, s: str, p: str, o: str) -> bool:
        """Keep the triple ``s p o`` (N-Triples terms) of a declared assertion; False (not kept) for
        a property or a value kg does not write for assertions (leave those to an rdflib graph)."""
        name = self._FIELDS.get(p)
        if name is None:
            return False
        node = self._iri(s)
        if o[0] == "<":
            value: object = self._iri(o)
        elif o[0] == '"':
            end = o.rindex('"')
            text, kind = unescape(o[1:end]), o[end + 1:]
            try:
                if name in ("start", "end"):
                    value = int(text)
                elif name == "confidence":
                    value = float(text)
                elif name == "implied" and text in ("true", "false", "1", "0"):
                    value = text in ("true", "1")
                elif name == "sentence" and (not kind or kind == f"^^<{XSD.string}>"):
                    value = text
                else:
                    return False
            except ValueError:
                return False
        else:
            return False  # a blank node
        old = self.values[name].get(node)
        if old is None or str(value) < str(old):  # one value each, the smallest, as from a graph
            self.values[name][node] = value
        return True


class _Provenance:
    """Reads the provenance of mentions and assertions: article, sentence, offsets, confidence."""

    def __init__(self, g: Graph, assertions: AssertionTable | None = None) -> None:
        self.articles = _articles(g)
        self.derived, self.sentence = _values(g, PROV.wasDerivedFrom), _values(g, KG.sentence)
        self.start, self.end, self.confidence = _values(g, KG.startOffset), _values(g, KG.endOffset), _values(g, KG.confidence)
        if assertions is not None:
            v = assertions.values
            for mine, theirs in ((self.derived, v["derived"]), (self.sentence, v["sentence"]), (self.start, v["start"]),
                                 (self.end, v["end"]), (self.confidence, v["confidence"])):
                mine.update(theirs)

    def record(self, node) -> dict:
        art = self.derived.get(node)
        about = self.articles.get(art) or {"article": local_name(art) if art is not None else "", "published": "",
                                           "title": "", "url": ""}
        start, end, conf = self.start.get(node), self.end.get(node), self.confidence.get(node)
        return {"sentence": str(self.sentence.get(node, "")), **about,
                "start": int(start) if start is not None else None,
                "end": int(end) if end is not None else None,
                "confidence": float(conf) if conf is not None else None}


def _sort_key(r: dict) -> tuple:
    """A total order of evidence records: two records of one sentence (a fact stated twice in it, or once
    stated and once implied) keep one order whatever order the graph gives them in."""
    def n(x):  # a missing offset or confidence sorts first
        return -1 if x is None else x
    return (r["article"], n(r["start"]), n(r["end"]), r["sentence"], n(r["confidence"]), r.get("implied", False),
            r.get("published", ""), r.get("title", ""), r.get("url", ""))


def _evidence(g: Graph, prov: _Provenance, assertions: AssertionTable | None = None) -> dict[tuple, list[dict]]:
    """(s, p, o) → the evidence records of its ``kg:Assertion`` nodes, sorted."""
    subjects, predicates, objects = _values(g, RDF.subject), _values(g, RDF.predicate), _values(g, RDF.object)
    implied = {a for a, x in g.subject_objects(KG.implied) if x.toPython() is True}
    nodes: Iterable = g.subjects(RDF.type, KG.Assertion)
    if assertions is not None:  # read apart: what the graph has of them (nothing, from kg) and the rest
        v = assertions.values
        subjects.update(v["subject"])
        predicates.update(v["predicate"])
        objects.update(v["object"])
        implied.update(a for a, x in v["implied"].items() if x is True)
        nodes = dict.fromkeys([*nodes, *assertions.nodes])
    found: dict[tuple, list[dict]] = defaultdict(list)
    for a in nodes:
        s, p, o = subjects.get(a), predicates.get(a), objects.get(a)
        if s is None or p is None or o is None:
            continue
        record = prov.record(a)
        record["implied"] = a in implied  # inferred from the story, not stated in one phrase (kg:implied)
        found[(s, p, o)].append(record)
    for records in found.values():
        records.sort(key=_sort_key)
    return found


def _mentions(g: Graph, prov: _Provenance) -> dict[str, list[dict]]:
    """entity IRI (string) → the records of its ``kg:Mention`` nodes, sorted."""
    found: dict[str, list[dict]] = defaultdict(list)
    for m, e in g.subject_objects(KG.mentionOf):
        found[str(e)].append(prov.record(m))
    for records in found.values():
        records.sort(key=_sort_key)
    return found


def _node_class(types: Iterable) -> str | None:
    """The most specific of the kg entity classes among ``types`` (IRIs), or ``None``."""
    return most_specific({_ENTITY_CLASS_IRIS[t] for t in types if t in _ENTITY_CLASS_IRIS})


def to_networkx(graph: Graph, *, lang: str = "en", assertions: AssertionTable | None = None) -> nx.MultiDiGraph:
    """Project ``graph`` onto a ``networkx.MultiDiGraph`` of its entities and relations.

    Nodes are the IRIs (as strings) of the entities, with the attributes ``class`` (most specific
    ontology class, local name), ``label``, ``aliases`` (sorted list), ``iri`` and, when present,
    ``role``, ``portfolio``, ``startDate``, ``endDate``, ``date``, ``dates`` (all dates as one
    string), ``edition``, ``summary``, ``amount``, ``iso3``. IRIs at either end of a relation that
    carry no entity type (e.g. in a CONSTRUCT result) are nodes of class ``Thing``.

    Edges go from subject to object, keyed by the property's local name, with the attributes
    ``property``, ``label`` (the property's ontology label in ``lang``), ``iri``, ``evidence``
    (records with ``sentence``, ``article``, ``published``, ``start``, ``end``, ``confidence``,
    ``implied``),
    ``sentences`` and ``articles`` (the distinct article ids).

    ``assertions``: the graph's assertions, read apart (:class:`AssertionTable`).
    """
    prov = _Provenance(graph, assertions)
    evidence = _evidence(graph, prov, assertions)
    mentions = _mentions(graph, prov)
    prop_label = {p: ontology_label(p, lang) for p in _OBJECT_PROPERTIES}
    # the relations between resources (no literals), each once: a graph with several contexts may repeat them
    edges: dict[tuple[str, str, str], dict] = {}
    for p in _OBJECT_PROPERTIES:
        key = local_name(p)
        for s, o in set(graph.subject_objects(p)):
            if isinstance(s, (URIRef, BNode)) and isinstance(o, (URIRef, BNode)):
                ev = evidence.get((s, p, o), [])
                edges[(str(s), key, str(o))] = {
                    "property": key,
                    "label": prop_label[p],
                    "iri": str(p),
                    "evidence": ev,
                    "sentences": list(dict.fromkeys(r["sentence"] for r in ev if r["sentence"])),
                    "articles": sorted({r["article"] for r in ev if r["article"]}),
                }
    # every value of the node attributes, read once per property rather than once per node
    types: dict = defaultdict(set)
    for s, t in graph.subject_objects(RDF.type):
        if t in _ENTITY_CLASS_IRIS and isinstance(s, (URIRef, BNode)):
            types[s].add(t)
    values = {p: _all_values(graph, p) for p in (RDFS.label, SKOS.altLabel, *(KG[a] for a in _NODE_ATTRS))}
    entities: dict[str, URIRef] = {str(s): s for s in types}
    for u, _, v in edges:
        entities.setdefault(u, URIRef(u))
        entities.setdefault(v, URIRef(v))
    # nodes and edges in sorted order, so that the same graph gives the same view
    H = nx.MultiDiGraph()
    for key in sorted(entities):
        node = entities[key]
        H.add_node(key, **_node_attrs(graph, node, types.get(node, ()), values), mentions=mentions.get(key, []))
    for (u, k, v) in sorted(edges):
        H.add_edge(u, v, key=k, **edges[(u, k, v)])
    H.graph["lang"] = lang
    return H


def _all_values(g: Graph, p) -> dict:
    """subject → the list of its objects of ``p``."""
    out: dict = defaultdict(list)
    for s, o in g.subject_objects(p):
        out[s].append(o)
    return out


def _node_attrs(g: Graph, node, types: Iterable, values: dict) -> dict:
    cls = _node_class(types) or "Thing"
    labels = values[RDFS.label].get(node, ())
    label = g.value(node, RDFS.label) if len(labels) > 1 else (labels[0] if labels else None)  # several: as rdflib picks
    label = str(label) if label is not None else local_name(node)
    aliases = sorted({str(a) for a in values[SKOS.altLabel].get(node, ())} - {label})
    attrs: dict = {"class": cls, "label": label, "aliases": aliases, "iri": str(node)}
    for name in _NODE_ATTRS:
        found = sorted({str(v) for v in values[KG[name]].get(node, ())})
        if found:
            attrs[name] = int(found[0]) if name == "edition" and len(found) == 1 and found[0].isdigit() else "; ".join(found)
    dates = [attrs[d] for d in ("startDate", "endDate", "date") if d in attrs]
    if "startDate" in attrs and "endDate" in attrs and attrs["startDate"] != attrs["endDate"]:
        attrs["dates"] = f"{attrs['startDate']} → {attrs['endDate']}" + (f"; {attrs['date']}" if "date" in attrs else "")
    elif dates:
        attrs["dates"] = "; ".join(dict.fromkeys(dates))
    return attrs


# ---------------------------------------------------------------------------------------------
# focus


def name_index(G: nx.MultiDiGraph) -> NameIndex:
    """The :class:`~kg.names.NameIndex` of the nodes of ``G`` (labels and aliases)."""
    return NameIndex((n, d.get("label", ""), d.get("aliases", ())) for n, d in G.nodes(data=True))


def find_entities(G: nx.MultiDiGraph, name: str) -> list[str]:
    """The nodes ``name`` names: their label, else an alias, else whole words of either, ignoring
    case and accents (:meth:`kg.names.NameIndex.find`).

    Raises :class:`UnknownEntityError` with the closest names when there is none.
    """
    index = name_index(G)
    found = index.find(name)
    if not found:
        raise UnknownEntityError(name, index.suggest(name))
    return found


def neighbourhood(G: nx.MultiDiGraph, centres: Iterable[str], depth: int) -> nx.MultiDiGraph:
    """The subgraph within ``depth`` hops (either direction) of the ``centres``."""
    und = G.to_undirected(as_view=True)
    keep: set[str] = set()
    for c in centres:
        keep |= set(nx.single_source_shortest_path_length(und, c, cutoff=max(depth, 0)))
    return G.subgraph(keep).copy()


# ---------------------------------------------------------------------------------------------
# query results


def query_networkx(graph: Graph, result, *, lang: str = "en") -> nx.MultiDiGraph:
    """The part of ``graph`` that a query result (``kg.query.QueryResult``) is about.

    CONSTRUCT/DESCRIBE: the entities and relations of the constructed graph, with their classes,
    labels, mentions and evidence taken from ``graph`` when the result lacks them. SELECT: the entities named
    in the rows (IRIs, or literals equal to an entity's label) and the relations between them.
    """
    full = to_networkx(graph, lang=lang)
    if getattr(result, "kind", None) == "ask":
        raise InputError("an ASK query answers true or false: there is no graph to show")
    if getattr(result, "kind", None) == "graph":
        built = to_networkx(result.graph, lang=lang)
        G = nx.MultiDiGraph(lang=lang)
        for n, d in built.nodes(data=True):
            if n in full and (d.get("class") == "Thing" or not d.get("mentions")):
                d = full.nodes[n] if d.get("class") == "Thing" else {**d, "mentions": full.nodes[n]["mentions"]}
            G.add_node(n, **d)
        for u, v, k, d in built.edges(keys=True, data=True):
            if not d.get("evidence") and full.has_edge(u, v, k):
                d = full.edges[u, v, k]
            G.add_edge(u, v, key=k, **d)
        return G
    labels: dict[str, list[str]] = defaultdict(list)
    for n, d in full.nodes(data=True):
        labels[fold(d.get("label", ""))].append(n)
    keep: set[str] = set()
    for row in result:
        for term in row:
            if term is None:
                continue
            if isinstance(term, (URIRef, BNode)) and str(term) in full:
                keep.add(str(term))
            elif isinstance(term, Literal):
                keep.update(labels.get(fold(str(term)), ()))
    return full.subgraph(sorted(keep)).copy()


# ---------------------------------------------------------------------------------------------
# ontology


def ontology_networkx(lang: str = "en") -> nx.MultiDiGraph:
    """The ontology as a graph: classes (with their data properties), subclass links, object properties."""
    onto = ontology_graph()
    G = nx.MultiDiGraph(lang=lang)
    provenance = {KG.Article, KG.Mention, KG.Assertion}

    def add_class(c) -> None:
        if str(c) in G:
            return
        if c in _ENTITY_CLASS_IRIS:
            cls = _ENTITY_CLASS_IRIS[c]
        elif c in provenance:
            cls = "Provenance"
        else:
            cls = "External"
        label = ontology_label(c, lang) if str(c).startswith(str(KG._NS)) else _prefixed(onto, c)
        comment = next((str(x) for x in onto.objects(c, RDFS.comment)), "")
        props = sorted(ontology_label(p, lang) for p in onto.subjects(RDFS.domain, c)
                       if (p, RDF.type, OWL.DatatypeProperty) in onto)
        G.add_node(str(c), **{"class": cls, "label": label, "aliases": [], "iri": str(c), "comment": comment,
                              "properties": props})

    def members(x) -> list:
        if isinstance(x, BNode):
            lst = onto.value(x, OWL.unionOf)
            return list(Collection(onto, lst)) if lst is not None else []
        return [x]

    for c in sorted(onto.subjects(RDF.type, OWL.Class), key=str):
        if isinstance(c, URIRef):
            add_class(c)
    sub_label = "subclass of" if lang == "en" else "sous-classe de"
    for c, sup in sorted(onto.subject_objects(RDFS.subClassOf), key=str):
        if isinstance(c, URIRef) and isinstance(sup, URIRef):
            add_class(sup)
            G.add_edge(str(c), str(sup), key="subClassOf", property="subClassOf", label=sub_label,
                       iri=str(RDFS.subClassOf), evidence=[], sentences=[], articles=[], dashes=True,
                       comment="rdfs:subClassOf")
    for p in sorted(onto.subjects(RDF.type, OWL.ObjectProperty), key=str):
        dom, rng = onto.value(p, RDFS.domain), onto.value(p, RDFS.range)
        if dom is None or rng is None:
            continue
        comment = next((str(x) for x in onto.objects(p, RDFS.comment)), "")
        for d in members(dom):
            for r in members(rng):
                add_class(d)
                add_class(r)
                G.add_edge(str(d), str(r), key=local_name(p), property=local_name(p), label=ontology_label(p, lang), iri=str(p),
                           evidence=[], sentences=[], articles=[], comment=comment or f"{local_name(p)}: {ontology_label(d, lang)} → {ontology_label(r, lang)}")
    n_props = len({d["property"] for *_, d in G.edges(data=True)} - {"subClassOf"})
    n_sub = sum(1 for *_, d in G.edges(data=True) if d["property"] == "subClassOf")
    G.graph["counts"] = (f"{G.number_of_nodes()} classes · {n_props} object properties · {n_sub} subclass links" if lang == "en"
                         else f"{G.number_of_nodes()} classes · {n_props} propriétés d’objet · {n_sub} liens de sous-classe")
    return G


def _prefixed(g: Graph, term) -> str:
    try:
        return g.namespace_manager.normalizeUri(term)
    except Exception:  # pragma: no cover - any IRI rdflib cannot shorten
        return str(term)
