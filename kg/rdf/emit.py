"""The one emitter of an article's triples: every output path maps extraction records here.

:func:`emit` walks an :class:`~kg.records.Extraction` once and yields its triples as
``(subject, predicate, object)`` in the terms of a :class:`TermFactory`:

* :data:`RDFLIB`, rdflib terms: the in-memory graph (:mod:`kg.rdf.mapping`);
* :func:`oxigraph_terms`, pyoxigraph terms: the store's transactional writes
  (:meth:`kg.store.KgStore.add_extraction`);
* :data:`kg.rdf.ntriples.NTRIPLES`, N-Triples text: the worker results of corpus builds
  (:mod:`kg.pipeline`), bulk-loaded into the store, written as N-Quads files or PUT to a SPARQL
  Graph Store.

What an article's graph holds (provenance is reified so that SPARQL can ask "why do we believe
this?"):

* the ``kg:Article`` with ``dcterms:identifier``, ``dcterms:issued``, ``schema:url``,
  ``dcterms:title``, and ``kg:mentionCount`` / ``kg:assertionCount``: how many mentions and
  assertions are derived from it (so that listing articles needs no counting);
* each entity with its class, one ``rdfs:label`` and its ``skos:altLabel`` aliases, tagged
  ``@fr`` (names as a French article gives them, SKOS practice; other text — sentences, titles,
  roles, summaries — stays ``xsd:string``) (records of
  the same entity are reconciled first: :mod:`kg.rdf.reconcile`), its data properties, and
  ``kg:iso3`` for a country;
* a ``kg:Mention`` per evidence of an entity (``kg:mentionOf`` it) and a ``kg:Assertion`` per
  evidence of a relation (``rdf:subject``/``rdf:predicate``/``rdf:object``), each with
  ``prov:wasDerivedFrom`` the article, ``kg:sentence``, ``kg:startOffset``, ``kg:endOffset`` and
  one ``kg:confidence`` (the highest, when the same span is read twice);
* ``kg:implied true`` on an assertion whose evidence is implied (inferred from the story, not
  stated in its sentence: :attr:`kg.records.Evidence.implied`), so that users can leave such facts
  out; a stated assertion carries no ``kg:implied``;
* ``schema:mentions`` from the article to each entity it mentions (one triple per article and
  entity, so that counting the articles that mention an entity reads no mentions);
* the relations whose confidence reaches ``min_confidence``.

Mention and assertion IRIs are hashes of what they state (:func:`kg.rdf.vocab.evidence_iri`), so
the same input always gives the same triples.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.rdf.reconcile import Names, reconcile
from kg.rdf.terms import LABEL_LANGUAGE, XSD_NS, attr_value, date_datatype
from kg.rdf.vocab import KG, KGID, SCHEMA, article_iri, entity_iri, evidence_iri, evidence_path
from kg.records import Entity, Extraction

__all__ = ["emit", "TermFactory", "VOCAB", "Vocab", "RdflibTerms", "OxigraphTerms", "RDFLIB", "oxigraph_terms"]


#: The vocabulary the emitter writes: short name → IRI.
VOCAB = {
    "type": RDF.type,
    "label": RDFS.label,
    "altLabel": SKOS.altLabel,
    "subject": RDF.subject,
    "predicate": RDF.predicate,
    "object": RDF.object,
    "derived": PROV.wasDerivedFrom,
    "identifier": DCTERMS.identifier,
    "issued": DCTERMS.issued,
    "url": SCHEMA.url,
    "title": DCTERMS.title,
    "mentions": SCHEMA.mentions,
    "Article": KG.Article,
    "Mention": KG.Mention,
    "Assertion": KG.Assertion,
    "mentionOf": KG.mentionOf,
    "sentence": KG.sentence,
    "startOffset": KG.startOffset,
    "endOffset": KG.endOffset,
    "confidence": KG.confidence,
    "implied": KG.implied,
    "iso3": KG.iso3,
    "mentionCount": KG.mentionCount,
    "assertionCount": KG.assertionCount,
}


@dataclass(frozen=True, slots=True)
class Vocab:
    """:data:`VOCAB` in a factory's terms (``V.type`` is ``rdf:type``)."""

    type: Any
    label: Any
    altLabel: Any
    subject: Any
    predicate: Any
    object: Any
    derived: Any
    identifier: Any
    issued: Any
    url: Any
    title: Any
    mentions: Any
    Article: Any
    Mention: Any
    Assertion: Any
    mentionOf: Any
    sentence: Any
    startOffset: Any
    endOffset: Any
    confidence: Any
    implied: Any
    iso3: Any
    mentionCount: Any
    assertionCount: Any


class TermFactory:
    """Makes the terms of one RDF library (or of N-Triples text) for :func:`emit`.

    A factory gives :meth:`iri` and :meth:`literal`; the other methods are built on them (and
    may be overridden, e.g. with caches). IRIs come from :mod:`kg.rdf.vocab`, datatypes from
    :mod:`kg.rdf.terms`: a factory only says how to write them.
    """

    def __init__(self) -> None:
        #: the vocabulary in this factory's terms
        self.vocab = Vocab(**{name: self.iri(str(iri)) for name, iri in VOCAB.items()})

    def iri(self, value: str) -> Any:
        raise NotImplementedError

    def literal(self, lexical: str, datatype: str | None = None) -> Any:
        """A literal; ``datatype`` is an IRI (``None``: a plain xsd:string)."""
        raise NotImplementedError

    def kg(self, name: str) -> Any:
        """A term of the kg ontology (the closed namespace refuses unknown names)."""
        return self.iri(str(KG[name]))

    def entity(self, key: str) -> Any:
        return self.iri(str(entity_iri(key)))

    def article(self, article_id: str) -> Any:
        return self.iri(str(article_iri(article_id)))

    def evidence(self, kind: str, *parts: object) -> Any:
        return self.iri(f"{KGID}{evidence_path(kind, *parts)}")

    def string(self, value: str) -> Any:
        return self.literal(value)

    def name(self, value: str) -> Any:
        """A name or label read in a French article: a literal tagged ``@fr`` (:data:`LABEL_LANGUAGE`)."""
        raise NotImplementedError

    def integer(self, value: int) -> Any:
        return self.literal(str(int(value)), XSD_NS + "integer")

    def decimal(self, text: str) -> Any:
        return self.literal(text, XSD_NS + "decimal")

    def date(self, value: str) -> Any:
        return self.literal(value, date_datatype(value))

    def boolean(self, value: bool) -> Any:
        return self.literal("true" if value else "false", XSD_NS + "boolean")

    def attr(self, name: str, value: str | int) -> Any:
        """The value of data property ``name`` (:func:`kg.rdf.terms.attr_value`)."""
        return self.literal(*attr_value(name, value))


class RdflibTerms(TermFactory):
    """rdflib terms (``URIRef``, ``Literal``)."""

    def name(self, value: str) -> Literal:
        return Literal(value, lang=LABEL_LANGUAGE)

    def iri(self, value: str) -> URIRef:
        return URIRef(value)

    def literal(self, lexical: str, datatype: str | None = None) -> Literal:
        return Literal(lexical) if datatype is None else Literal(lexical, datatype=URIRef(datatype))

    def kg(self, name: str) -> URIRef:
        return KG[name]

    def entity(self, key: str) -> URIRef:
        return entity_iri(key)

    def article(self, article_id: str) -> URIRef:
        return article_iri(article_id)

    def evidence(self, kind: str, *parts: object) -> URIRef:
        return evidence_iri(kind, *parts)


class OxigraphTerms(TermFactory):
    """pyoxigraph terms (``NamedNode``, ``Literal``); IRIs and datatypes are kept once made."""

    def __init__(self) -> None:
        import pyoxigraph

        self._ox = pyoxigraph
        self._iris: dict[str, Any] = {}
        super().__init__()

    def iri(self, value: str) -> Any:
        node = self._iris.get(value)
        if node is None:
            node = self._ox.NamedNode(value)
            if len(self._iris) < 65536:
                self._iris[value] = node
        return node

    def literal(self, lexical: str, datatype: str | None = None) -> Any:
        if datatype is None:
            return self._ox.Literal(lexical)
        return self._ox.Literal(lexical, datatype=self.iri(datatype))

    def name(self, value: str) -> Any:
        return self._ox.Literal(value, language=LABEL_LANGUAGE)


#: rdflib terms (the in-memory graph).
RDFLIB = RdflibTerms()


@functools.lru_cache(maxsize=1)
def oxigraph_terms() -> OxigraphTerms:
    """The process's :class:`OxigraphTerms` (made on first use: pyoxigraph is imported only by who needs it)."""
    return OxigraphTerms()


def _entity_names(ents: list[Entity]) -> tuple[str, str, frozenset[str] | tuple[str, ...]]:
    """Label, class and alternative labels of the records of one entity in one article."""
    if len(ents) == 1:
        e = ents[0]
        return e.label, e.type, e.aliases
    names = reconcile(Names(frozenset(e.label for e in ents), frozenset(a for e in ents for a in e.aliases),
                            frozenset(e.type for e in ents)))
    (label,), (cls,) = names.labels, names.classes
    return label, cls, names.alt_labels


def emit(ex: Extraction, terms: TermFactory, *, min_confidence: float = 0.0) -> Iterator[tuple[Any, Any, Any]]:
    """The triples of one article's extraction, in ``terms`` (may repeat a triple: collect them
    in a set or a graph). Relations below ``min_confidence`` are left out."""
    V = terms.vocab
    string, integer, article = terms.string, terms.integer, terms.article
    art = ex.article
    a_node = article(art.id)
    yield a_node, V.type, V.Article
    yield a_node, V.identifier, string(art.id)
    if art.published:
        yield a_node, V.issued, terms.date(art.published)
    if art.url:
        yield a_node, V.url, terms.literal(art.url, XSD_NS + "anyURI")
    if art.title:
        yield a_node, V.title, string(art.title)

    best: dict[Any, tuple[float, str]] = {}  # mention/assertion node → its highest confidence (value, text)
    mention_nodes: set = set()  # this article's mentions and assertions (kg:mentionCount, kg:assertionCount)
    assertion_nodes: set = set()
    derived, sentence, start_p, end_p = V.derived, V.sentence, V.startOffset, V.endOffset
    art_id = art.id

    def provenance(node: Any, ev, counted_as: set) -> tuple:
        """``prov:wasDerivedFrom``, sentence and offsets of a mention or assertion (its confidence
        is kept: one per node, the highest, written at the end)."""
        aid = ev.article_id
        if aid == art_id:
            counted_as.add(node)
        text = f"{ev.confidence:.2f}"
        value = float(text)
        old = best.get(node)
        if old is None or old[0] < value:
            best[node] = (value, text)
        return ((node, derived, a_node if aid == art_id else article(aid)), (node, sentence, string(ev.sentence)),
                (node, start_p, integer(ev.start)), (node, end_p, integer(ev.end)))

    fr = terms.name
    rdf_type, label_p, alt_p, mention_c, mention_of, mentions = V.type, V.label, V.altLabel, V.Mention, V.mentionOf, V.mentions
    groups: dict[str, list[Entity]] = {}
    for ent in ex.entities:
        groups.setdefault(ent.key, []).append(ent)
    for key, ents in groups.items():
        node = terms.entity(key)
        label, cls, alt_labels = _entity_names(ents)
        yield node, rdf_type, terms.kg(cls)
        yield node, label_p, fr(label)
        for alias in alt_labels:
            yield node, alt_p, fr(alias)
        if cls == "Country":
            yield node, V.iso3, string(key.split("/", 1)[1])
        for ent in ents:
            for name, value in ent.attrs:
                yield node, terms.kg(name), terms.attr(name, value)
            for ev in ent.evidence:
                m = terms.evidence("mention", key, ev.article_id, ev.start, ev.end)
                yield m, rdf_type, mention_c
                yield m, mention_of, node
                yield from provenance(m, ev, mention_nodes)
                yield a_node if ev.article_id == art_id else article(ev.article_id), mentions, node
    implied: dict[Any, bool] = {}  # assertion node → all its evidence is implied
    for rel in ex.relations:
        if rel.confidence < min_confidence:
            continue
        s, p, o = terms.entity(rel.subject), terms.kg(rel.predicate), terms.entity(rel.object)
        yield s, p, o
        for ev in rel.evidence:
            a = terms.evidence("assertion", rel.subject, rel.predicate, rel.object, ev.article_id, ev.start, ev.end)
            implied[a] = implied.get(a, True) and ev.implied
            yield a, rdf_type, V.Assertion
            yield a, V.subject, s
            yield a, V.predicate, p
            yield a, V.object, o
            yield from provenance(a, ev, assertion_nodes)
    confidence = V.confidence
    for node, (_value, text) in best.items():
        yield node, confidence, terms.decimal(text)
    if any(implied.values()):
        implied_p, true = V.implied, terms.boolean(True)
        for node, is_implied in implied.items():
            if is_implied:
                yield node, implied_p, true
    yield a_node, V.mentionCount, integer(len(mention_nodes))
    yield a_node, V.assertionCount, integer(len(assertion_nodes))
