"""The Python vocabulary (kg.rdf.vocab.KG) and ontology/kg.ttl never drift apart."""

from importlib.resources import files

import pytest
from rdflib import OWL, RDF, RDFS, Graph

from kg.records import ENTITY_TYPES, RELATION_TYPES
from kg.rdf.vocab import KG, entity_iri, slug

NS = str(KG._NS)


@pytest.fixture(scope="module")
def onto() -> Graph:
    g = Graph()
    g.parse(data=(files("kg.ontology") / "kg.ttl").read_text(encoding="utf-8"), format="turtle")
    return g


def _declared(onto: Graph) -> set[str]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {str(s)[len(NS):] for k in kinds for s in onto.subjects(RDF.type, k) if str(s).startswith(NS)}


def test_python_vocabulary_equals_turtle(onto):
    python_names = {n for n in KG.__annotations__}
    assert python_names == _declared(onto)


def test_closed_vocabulary_rejects_typos():
    with pytest.raises(AttributeError):
        KG.ministreOf  # noqa: B018


def test_contract_classes_and_properties(onto):
    declared = _declared(onto)
    assert set(ENTITY_TYPES) <= declared
    assert set(RELATION_TYPES) <= declared
    for p in ("edition", "startDate", "endDate", "role", "portfolio", "summary", "date", "amount"):
        assert (KG[p], RDF.type, OWL.DatatypeProperty) in onto
    for p in RELATION_TYPES:
        assert (KG[p], RDF.type, OWL.ObjectProperty) in onto


def test_class_hierarchy(onto):
    assert (KG.Minister, RDFS.subClassOf, KG.Person) in onto
    assert (KG.Summit, RDFS.subClassOf, KG.Event) in onto


def test_every_term_has_labels_in_english_and_french(onto):
    for name in _declared(onto):
        langs = {l.language for l in onto.objects(KG[name], RDFS.label)}
        assert {"en", "fr"} <= langs, name


@pytest.mark.parametrize("prop,domain,range_", [
    ("hostCountry", "Summit", "Country"), ("ministerOf", "Minister", "Country"),
    ("nationality", "Person", "Country"), ("affiliation", "Person", "Organization"),
    ("during", "Announcement", "Event"), ("locatedIn", "City", "Country"), ("nextEdition", "Summit", "Summit"),
])
def test_domains_and_ranges(onto, prop, domain, range_):
    assert (KG[prop], RDFS.domain, KG[domain]) in onto
    assert (KG[prop], RDFS.range, KG[range_]) in onto


def test_iris_are_stable_slugs():
    assert str(entity_iri("person/Jean-Noël Barrot")).endswith("/person/jean-noel-barrot")
    assert str(entity_iri("country/GBR")).endswith("/country/GBR")
    assert slug("  Sommet sur l’IA ") == "sommet-sur-l-ia"
