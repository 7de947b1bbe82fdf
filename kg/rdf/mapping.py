"""Mapping: extraction records → an rdflib ``Graph`` in the kg ontology.

The only stage that knows both the records and RDF. Provenance is reified so that SPARQL can ask
"why do we believe this?":

* every entity has ``kg:Mention`` nodes (``kg:mentionOf`` the entity) and every relation has
  ``kg:Assertion`` nodes (``rdf:subject``/``rdf:predicate``/``rdf:object``), each with
  ``prov:wasDerivedFrom`` the ``kg:Article``, ``kg:sentence``, ``kg:startOffset``,
  ``kg:endOffset`` and ``kg:confidence``;
* articles carry ``dcterms:identifier``, ``dcterms:issued``, ``schema:url`` and ``dcterms:title``,
  and ``kg:mentionCount`` / ``kg:assertionCount``: how many mentions and assertions of the graph
  are derived from them (so that listing articles needs no counting; README, "Performance");
* an article ``schema:mentions`` each entity it has a mention of (one triple per article and
  entity, so that counting the articles that mention an entity reads no mentions).

Mention and assertion IRIs are hashes of what they state, so the same input always gives the
same graph (and byte-identical Turtle).
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS, Namespace

from kg.records import Article, Entity, Evidence, Extraction, Relation
from kg.rdf.terms import attr_literal, date_literal
from kg.rdf.vocab import KG, PREFIXES, article_iri, entity_iri, evidence_iri

__all__ = ["new_graph", "add_extraction", "to_graph"]

SCHEMA = Namespace("https://schema.org/")


def new_graph() -> Graph:
    """An empty graph with the project's prefixes bound."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g


def _provenance(g: Graph, node: URIRef, ev: Evidence) -> None:
    g.add((node, PROV.wasDerivedFrom, article_iri(ev.article_id)))
    g.add((node, KG.sentence, Literal(ev.sentence)))
    g.add((node, KG.startOffset, Literal(ev.start, datatype=XSD.integer)))
    g.add((node, KG.endOffset, Literal(ev.end, datatype=XSD.integer)))
    # The same evidence (same span, same fact) read twice keeps one confidence, the higher one:
    # the shapes allow exactly one per mention or assertion.
    confidence = Literal(f"{ev.confidence:.2f}", datatype=XSD.decimal)
    old = g.value(node, KG.confidence)
    if old is None or old.toPython() < confidence.toPython():
        g.set((node, KG.confidence, confidence))


def add_article(g: Graph, article: Article) -> URIRef:
    node = article_iri(article.id)
    g.add((node, RDF.type, KG.Article))
    g.add((node, DCTERMS.identifier, Literal(article.id)))
    if article.published:
        g.add((node, DCTERMS.issued, date_literal(article.published)))
    if article.url:
        g.add((node, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)))
    if article.title:
        g.add((node, DCTERMS.title, Literal(article.title)))
    return node


def add_entity(g: Graph, ent: Entity, *, label: bool = True) -> URIRef:
    node = entity_iri(ent.key)
    g.add((node, RDF.type, KG[ent.type]))
    if label:
        g.set((node, RDFS.label, Literal(ent.label)))
    for alias in ent.aliases:
        g.add((node, SKOS.altLabel, Literal(alias)))
    for name, value in ent.attrs:
        g.add((node, KG[name], attr_literal(name, value)))
    if ent.type == "Country":
        g.add((node, KG.iso3, Literal(ent.key.split("/", 1)[1])))
    for ev in ent.evidence:
        m = evidence_iri("mention", ent.key, ev.article_id, ev.start, ev.end)
        g.add((m, RDF.type, KG.Mention))
        g.add((m, KG.mentionOf, node))
        _provenance(g, m, ev)
        g.add((article_iri(ev.article_id), SCHEMA.mentions, node))
    return node


def add_relation(g: Graph, rel: Relation) -> None:
    s, p, o = entity_iri(rel.subject), KG[rel.predicate], entity_iri(rel.object)
    g.add((s, p, o))
    for ev in rel.evidence:
        a = evidence_iri("assertion", rel.subject, rel.predicate, rel.object, ev.article_id, ev.start, ev.end)
        g.add((a, RDF.type, KG.Assertion))
        g.add((a, RDF.subject, s))
        g.add((a, RDF.predicate, p))
        g.add((a, RDF.object, o))
        _provenance(g, a, ev)


def add_extraction(g: Graph, ex: Extraction, *, min_confidence: float = 0.0) -> Graph:
    """Add one article's extraction to ``g`` (entities already in ``g`` keep their label)."""
    add_article(g, ex.article)
    for ent in ex.entities:
        node = entity_iri(ent.key)
        has_label = (node, RDFS.label, None) in g
        if has_label:
            old = g.value(node, RDFS.label)
            if str(old) != ent.label:
                g.add((node, SKOS.altLabel, Literal(ent.label)))
            # a Person seen as a Minister elsewhere stays a Minister: keep the most specific class
            if ent.type == "Person" and (node, RDF.type, KG.Minister) in g:
                ent = Entity(ent.key, "Minister", ent.label, ent.aliases, ent.attrs, ent.evidence)
            elif ent.type == "Minister":
                g.remove((node, RDF.type, KG.Person))
        add_entity(g, ent, label=not has_label)
    for rel in ex.relations:
        if rel.confidence >= min_confidence:
            add_relation(g, rel)
    ids = {ex.article.id} | {ev.article_id for x in (*ex.entities, *ex.relations) for ev in x.evidence}
    for article_id in sorted(ids):
        if (article_iri(article_id), RDF.type, KG.Article) in g:
            add_evidence_counts(g, article_iri(article_id))
    return g


def add_evidence_counts(g: Graph, article: URIRef) -> None:
    """Set ``kg:mentionCount`` and ``kg:assertionCount`` of ``article``: the mentions and
    assertions of ``g`` derived from it."""
    mentions = assertions = 0
    for node in g.subjects(PROV.wasDerivedFrom, article):
        if (node, RDF.type, KG.Mention) in g:
            mentions += 1
        elif (node, RDF.type, KG.Assertion) in g:
            assertions += 1
    g.set((article, KG.mentionCount, Literal(mentions, datatype=XSD.integer)))
    g.set((article, KG.assertionCount, Literal(assertions, datatype=XSD.integer)))


def to_graph(extractions: Iterable[Extraction], *, min_confidence: float = 0.0) -> Graph:
    """All extractions in one graph, the same entity key giving the same IRI across articles."""
    g = new_graph()
    for ex in extractions:
        add_extraction(g, ex, min_confidence=min_confidence)
    return g
