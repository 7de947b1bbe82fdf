"""End-to-end build of the example article with the trained pipeline: quality, shape, provenance."""

from __future__ import annotations

from collections import Counter

import pytest
import rdflib
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.pipeline.build import BuildConfig, build_graph, extract_articles
from kg.evaluation.scoring import score_graph
from kg.rdf.mapping import add_extraction, new_graph, to_graph
from kg.records import ENTITY_TYPES, RELATION_TYPES, Article
from kg.rdf.vocab import KG, article_iri

pytestmark = pytest.mark.model

CLASSES = {KG[t] for t in ENTITY_TYPES}
PREDICATES = {KG[p] for p in RELATION_TYPES}
# rdflib's XSD namespace warns when pytest inspects module attributes, so keep only the terms
DATE, GYEARMONTH, GYEAR, INTEGER = rdflib.XSD.date, rdflib.XSD.gYearMonth, rdflib.XSD.gYear, rdflib.XSD.integer

MINISTER_OF_QUERY = """
PREFIX kg: <https://w3id.org/kg-news/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?minister ?country ?article ?date ?sentence ?start ?end ?confidence WHERE {
  ?a a kg:Assertion ; rdf:subject ?m ; rdf:predicate kg:ministerOf ; rdf:object ?c ;
     prov:wasDerivedFrom ?art ; kg:sentence ?sentence ;
     kg:startOffset ?start ; kg:endOffset ?end ; kg:confidence ?confidence .
  ?m rdfs:label ?minister . ?c rdfs:label ?country .
  ?art dcterms:identifier ?article . OPTIONAL { ?art dcterms:issued ?date }
}
"""


def entities(g: Graph) -> set:
    return {s for s, o in g.subject_objects(RDF.type) if o in CLASSES}


def relation_triples(g: Graph) -> list:
    return [t for t in g if t[1] in PREDICATES]


# ── quality against the gold file ─────────────────────────────────────────────────────────────


@pytest.mark.model
def test_scores_meet_targets(example_graph, gold):
    result = score_graph(example_graph, gold)
    assert result.entities.f1 >= 0.95, (result.missed_entities, result.spurious_entities)
    assert result.relations_lenient.f1 >= 0.85, (result.missed_relations, result.spurious_relations)


@pytest.mark.model
def test_key_facts_present(example_graph, gold):
    """Spot checks independent of the scorer: the host city and nextEdition of the summit."""
    result = score_graph(example_graph, gold)
    by_name = {e["name"]: e["id"] for e in gold["entities"]}
    assert by_name["AI Safety Summit"] in result.matches
    summit = URIRef(result.matches[by_name["AI Safety Summit"]])
    hosts = {str(example_graph.value(c, RDFS.label)) for c in example_graph.objects(summit, KG.hostCity)}
    assert hosts == {"Londres"}
    assert len(list(example_graph.objects(summit, KG.nextEdition))) == 1


# ── shape of the graph ────────────────────────────────────────────────────────────────────────


@pytest.mark.model
def test_every_entity_has_one_label_and_one_class(example_graph):
    ents = entities(example_graph)
    assert len(ents) >= 20
    for e in ents:
        labels = list(example_graph.objects(e, RDFS.label))
        assert len(labels) == 1, (e, labels)
        assert str(labels[0]).strip(), e
        classes = [o for o in example_graph.objects(e, RDF.type) if o in CLASSES]
        assert len(classes) == 1, (e, classes)


@pytest.mark.model
def test_ministers_are_not_also_persons(example_graph):
    ministers = set(example_graph.subjects(RDF.type, KG.Minister))
    assert ministers, "the example names several ministers"
    for m in ministers:
        assert (m, RDF.type, KG.Person) not in example_graph


@pytest.mark.model
def test_countries_are_iso3_iris(example_graph):
    countries = set(example_graph.subjects(RDF.type, KG.Country))
    assert countries
    for c in countries:
        iso3 = str(example_graph.value(c, KG.iso3))
        assert len(iso3) == 3 and iso3.isupper()
        assert str(c).endswith(f"/country/{iso3}")
    assert {str(example_graph.value(c, KG.iso3)) for c in countries} >= {"FRA", "GBR", "ITA"}


@pytest.mark.model
def test_build_graph_equals_extraction_graph(example_article, example_graph):
    g = build_graph([example_article], BuildConfig(model="md"))
    assert g.isomorphic(example_graph)


# ── determinism ───────────────────────────────────────────────────────────────────────────────


@pytest.mark.model
def test_building_twice_gives_identical_turtle(example_article):
    config = BuildConfig(model="md")
    first = build_graph([example_article], config).serialize(format="turtle")
    second = build_graph([example_article], config).serialize(format="turtle")
    assert first.encode("utf-8") == second.encode("utf-8")


@pytest.mark.model
def test_mapping_is_deterministic(example_extraction):
    a = to_graph([example_extraction]).serialize(format="turtle")
    b = to_graph([example_extraction]).serialize(format="turtle")
    assert a == b


# ── identity across documents ─────────────────────────────────────────────────────────────────

DOC_A = Article(
    "lindner-a",
    "Le ministre allemand des Finances Christian Lindner s'est rendu à Berlin.",
    "2024-01-10",
)
DOC_B = Article(
    "lindner-b",
    "M. Lindner a rencontré la présidente de la Commission. Christian Lindner était à Berlin lundi "
    "pour défendre la position de l'Allemagne.",
    "2024-01-12",
)


@pytest.fixture(scope="module")
def two_extractions(example_extraction):  # example_extraction: the model is already loaded
    return list(extract_articles([DOC_A, DOC_B], BuildConfig(model="md")))


def _named(g: Graph, cls, word: str) -> set:
    out = set()
    for s in g.subjects(RDF.type, cls):
        names = [str(n) for n in (*g.objects(s, RDFS.label), *g.objects(s, SKOS.altLabel))]
        if any(word in n for n in names):
            out.add(s)
    return out


@pytest.mark.model
@pytest.mark.parametrize("order", [(0, 1), (1, 0)], ids=["a-then-b", "b-then-a"])
def test_same_entities_across_articles_share_one_iri(two_extractions, order):
    g = to_graph([two_extractions[i] for i in order])
    # both articles are in the graph
    assert (article_iri("lindner-a"), RDF.type, KG.Article) in g
    assert (article_iri("lindner-b"), RDF.type, KG.Article) in g

    people = _named(g, KG.Minister, "Lindner") | _named(g, KG.Person, "Lindner")
    assert len(people) == 1, people
    (lindner,) = people
    # the most specific class wins whichever article came first
    assert (lindner, RDF.type, KG.Minister) in g
    assert (lindner, RDF.type, KG.Person) not in g
    assert len(list(g.objects(lindner, RDFS.label))) == 1

    berlin = _named(g, KG.City, "Berlin")
    assert len(berlin) == 1
    germany = [c for c in g.subjects(RDF.type, KG.Country) if str(g.value(c, KG.iso3)) == "DEU"]
    assert len(germany) == 1

    # each of them is mentioned in both articles
    for node in (lindner, *berlin):
        sources = {g.value(m, PROV.wasDerivedFrom) for m in g.subjects(KG.mentionOf, node)}
        assert sources == {article_iri("lindner-a"), article_iri("lindner-b")}, node


@pytest.mark.model
def test_cross_document_build_graph(two_extractions):
    g = build_graph([DOC_A, DOC_B], BuildConfig(model="md"))
    assert len(_named(g, KG.Minister, "Lindner") | _named(g, KG.Person, "Lindner")) == 1
    assert len(_named(g, KG.City, "Berlin")) == 1


# ── provenance ────────────────────────────────────────────────────────────────────────────────


@pytest.mark.model
def test_minister_of_evidence_query(example_graph, example_text):
    rows = list(example_graph.query(MINISTER_OF_QUERY))
    assert rows, "the example has ministerOf facts (Meloni, Donelan)"
    ministers = {str(r.minister) for r in rows}
    assert {"Giorgia Meloni", "Michelle Donelan"} <= ministers
    for r in rows:
        sentence = str(r.sentence)
        assert str(r.minister) in sentence
        assert sentence in example_text
        start, end = int(r.start), int(r.end)
        assert 0 <= start < end <= len(example_text)
        assert example_text[start:end] in sentence
        assert str(r.article) == "ai_safety_summit_fr"
        assert r.date == Literal("2023-11-01", datatype=DATE)
        assert 0.0 < float(r.confidence) <= 1.0


@pytest.mark.model
def test_every_entity_has_mentions_with_valid_offsets(example_graph, example_text):
    art = article_iri("ai_safety_summit_fr")
    for e in entities(example_graph):
        mentions = list(example_graph.subjects(KG.mentionOf, e))
        assert mentions, f"no mention of {e}"
        for m in mentions:
            assert (m, RDF.type, KG.Mention) in example_graph
            assert example_graph.value(m, PROV.wasDerivedFrom) == art
            sentence = str(example_graph.value(m, KG.sentence))
            start = int(example_graph.value(m, KG.startOffset))
            end = int(example_graph.value(m, KG.endOffset))
            assert 0 <= start < end <= len(example_text)
            assert sentence in example_text
            assert example_text[start:end] in sentence


@pytest.mark.model
def test_every_relation_has_an_assertion(example_graph, example_text):
    triples = relation_triples(example_graph)
    assert triples
    for s, p, o in triples:
        assertions = [
            a for a in example_graph.subjects(RDF.subject, s)
            if (a, RDF.predicate, p) in example_graph and (a, RDF.object, o) in example_graph
        ]
        assert assertions, (s, p, o)
        for a in assertions:
            start = int(example_graph.value(a, KG.startOffset))
            end = int(example_graph.value(a, KG.endOffset))
            assert example_text[start:end] in str(example_graph.value(a, KG.sentence))


@pytest.mark.model
def test_article_metadata(example_graph):
    art = article_iri("ai_safety_summit_fr")
    assert (art, RDF.type, KG.Article) in example_graph
    assert example_graph.value(art, DCTERMS.identifier) == Literal("ai_safety_summit_fr")
    assert example_graph.value(art, DCTERMS.issued) == Literal("2023-11-01", datatype=DATE)


# ── confidence filter ─────────────────────────────────────────────────────────────────────────


@pytest.mark.model
def test_min_confidence_filters_relations(example_extraction):
    confidences = [r.confidence for r in example_extraction.relations]
    assert min(confidences) < 0.95
    everything = add_extraction(new_graph(), example_extraction, min_confidence=0.0)
    confident = add_extraction(new_graph(), example_extraction, min_confidence=0.95)
    kept = relation_triples(confident)
    assert len(kept) < len(relation_triples(everything))
    expected = {(r.subject, r.predicate, r.object) for r in example_extraction.relations if r.confidence >= 0.95}
    assert len(kept) == len(expected)
    # the entities are kept whatever the threshold
    assert entities(confident) == entities(everything)


@pytest.mark.model
def test_min_confidence_drops_low_confidence_assertions(example_extraction):
    g = add_extraction(new_graph(), example_extraction, min_confidence=0.8)
    values = [float(c) for a in g.subjects(RDF.type, KG.Assertion) for c in g.objects(a, KG.confidence)]
    assert values and min(values) >= 0.8


# ── typed literals ────────────────────────────────────────────────────────────────────────────


@pytest.mark.model
def test_dates_are_typed(example_graph):
    starts = list(example_graph.objects(None, KG.startDate))
    assert Literal("2023-11-01", datatype=DATE) in starts
    for d in starts:
        assert d.datatype == DATE
    assert Literal("2023-11-02", datatype=DATE) in set(example_graph.objects(None, KG.endDate))
    for d in example_graph.objects(None, KG.date):
        assert d.datatype in (DATE, GYEARMONTH, GYEAR), d
    # « en juin » (Vivatech) resolves against 2023-11-01 to June 2023
    assert Literal("2023-06", datatype=GYEARMONTH) in set(example_graph.objects(None, KG.date))


@pytest.mark.model
def test_edition_is_an_integer(example_graph):
    editions = list(example_graph.objects(None, KG.edition))
    assert editions
    assert {int(e) for e in editions} >= {1, 2}
    assert all(e.datatype == INTEGER for e in editions)


@pytest.mark.model
def test_relations_link_typed_entities(example_graph):
    ents = entities(example_graph)
    triples = relation_triples(example_graph)
    assert len(Counter(p for _, p, _ in triples)) >= 8  # most of the eleven relations occur
    for s, p, o in triples:
        assert s in ents and o in ents, (s, p, o)
