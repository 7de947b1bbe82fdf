"""The one emitter (kg/rdf/emit.py): its three term factories write the same triples, N-Triples
text escapes as Oxigraph does, and what an article's graph holds."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, Literal
from rdflib.namespace import SKOS

from kg.rdf.emit import RDFLIB, emit, oxigraph_terms
from kg.rdf.mapping import to_graph
from kg.rdf.ntriples import NTRIPLES, article_lines, nt_string
from kg.rdf.terms import to_ox
from kg.rdf.vocab import KG, entity_iri
from kg.records import Extraction

from _graphs import synthetic


def _ox_lines(ex: Extraction, min_confidence: float = 0.0) -> set[str]:
    return {f"{s} {p} {o} .\n" for s, p, o in emit(ex, oxigraph_terms(), min_confidence=min_confidence)}


def _rdflib_lines(ex: Extraction, min_confidence: float = 0.0) -> set[str]:
    return {f"{to_ox(s)} {to_ox(p)} {to_ox(o)} .\n" for s, p, o in emit(ex, RDFLIB, min_confidence=min_confidence)}


@pytest.mark.parametrize("min_confidence", [0.0, 0.6, 0.95])
def test_the_three_factories_write_the_same_triples(min_confidence):
    for i in range(4):
        ex = synthetic(i)
        lines = article_lines(ex, min_confidence=min_confidence)
        assert lines == _ox_lines(ex, min_confidence) == _rdflib_lines(ex, min_confidence)
        assert len(lines) > 60


@pytest.mark.model
def test_the_three_factories_agree_on_a_real_article(example_extraction):
    assert article_lines(example_extraction) == _ox_lines(example_extraction) == _rdflib_lines(example_extraction)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_nt_string_escapes_as_oxigraph(text):
    assert nt_string(text) == str(ox.Literal(text))
    assert NTRIPLES.literal(text, "http://www.w3.org/2001/XMLSchema#anyURI") == str(
        ox.Literal(text, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#anyURI")))


def test_records_of_one_entity_in_one_article_are_reconciled():
    ex = synthetic(1)  # Ilse Varnok: a Person « Ilse Varnok », then a Minister « Mme Varnok » alias « I. Varnok »
    reordered = Extraction(ex.article, tuple(reversed(ex.entities)), ex.relations)
    assert article_lines(ex) == article_lines(reordered)
    g = to_graph([ex])
    node = entity_iri("person/ilse-varnok")
    assert list(g.objects(node, RDFS.label)) == [Literal("Ilse Varnok", lang="fr")]
    assert set(g.objects(node, SKOS.altLabel)) == {Literal("Mme Varnok", lang="fr"), Literal("I. Varnok", lang="fr")}
    assert set(g.objects(node, RDF.type)) == {KG.Minister}


def test_one_confidence_per_mention_or_assertion_the_highest():
    g = to_graph([synthetic(1)])  # hostCity read twice on the same span, at 0.6 and 0.8
    for node in set(g.subjects(RDF.type, KG.Assertion)) | set(g.subjects(RDF.type, KG.Mention)):
        assert len(list(g.objects(node, KG.confidence))) == 1, node
    host = next(a for a in g.subjects(RDF.predicate, KG.hostCity))
    assert float(g.value(host, KG.confidence)) == 0.8


def test_min_confidence_drops_relations_and_their_assertions_only():
    ex = synthetic(1)
    everything, confident = to_graph([ex]), to_graph([ex], min_confidence=0.85)
    assert (None, KG.hostCity, None) not in confident and (None, KG.attendee, None) not in confident
    assert (None, KG.ministerOf, None) in confident
    assert len(list(confident.subjects(RDF.type, KG.Assertion))) == 2  # announcedBy 1.0, ministerOf 0.9
    assert set(confident.subjects(RDF.type, KG.Mention)) == set(everything.subjects(RDF.type, KG.Mention))


def test_articles_count_their_mentions_and_assertions():
    g = to_graph([synthetic(2)])  # the same span read twice is one mention (Ilse Varnok), one assertion (hostCity)
    (art,) = g.subjects(RDF.type, KG.Article)
    assert int(g.value(art, KG.mentionCount)) == len(set(g.subjects(RDF.type, KG.Mention))) == 4
    assert int(g.value(art, KG.assertionCount)) == len(set(g.subjects(RDF.type, KG.Assertion))) == 4


def _implied_lines(lines: set[str]) -> set[str]:
    return {line for line in lines if f"<{KG.implied}>" in line}


def test_an_implied_relation_is_marked_on_its_assertion_on_every_path():
    """``kg:implied true`` on the assertion of an implied relation, written alike by the three
    factories (rdflib graph, pyoxigraph store writes, N-Triples bulk loads); nothing on stated ones."""
    true = '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>'
    implied, stated, mixed = synthetic(1), synthetic(2), synthetic(3)  # ministerOf: implied / stated / both on one span
    lines = article_lines(implied)
    assert _implied_lines(lines) == _implied_lines(_ox_lines(implied)) == _implied_lines(_rdflib_lines(implied))
    (line,) = _implied_lines(lines)
    assert line.endswith(f" <{KG.implied}> {true} .\n")
    g = to_graph([implied])
    (a,) = g.subjects(KG.implied, Literal(True))
    assert g.value(a, RDF.predicate) == KG.ministerOf and g.value(a, RDF.subject) == entity_iri("person/ilse-varnok")
    assert _implied_lines(article_lines(stated)) == set()
    assert _implied_lines(article_lines(mixed)) == set()  # one span read as stated too: the assertion is stated
    # the store's bulk load of N-Triples keeps the marker
    st = ox.Store()
    st.bulk_load("".join(lines).encode(), format=ox.RdfFormat.N_TRIPLES)
    assert len(list(st.quads_for_pattern(None, ox.NamedNode(str(KG.implied)), ox.Literal(True)))) == 1


def test_names_are_tagged_fr_and_other_literals_are_not():
    """rdfs:label and skos:altLabel carry @fr on every path; ids, sentences, titles, numbers and dates do not."""
    ex = synthetic(1)
    lines = article_lines(ex)
    assert lines == _ox_lines(ex) == _rdflib_lines(ex)
    g = to_graph([ex])
    names = [o for p in (RDFS.label, SKOS.altLabel) for o in g.objects(None, p)]
    assert names and all(o.language == "fr" and o.datatype is None for o in names)
    others = [o for s, p, o in g if isinstance(o, Literal) and p not in (RDFS.label, SKOS.altLabel)]
    assert others and all(o.language is None for o in others)
    assert '"Ilse Varnok"@fr .\n' in "".join(lines)
