"""The two validation engines agree: the Rust ``shacl`` engine (the default) reports exactly the
violations pySHACL (the reference) reports — focus node, its label, property, value, message and
shape — on every broken graph of test_validate.py, on graphs broken in other ways, and on files."""

from __future__ import annotations

import pytest
from rdflib import RDFS, Literal, URIRef
from rdflib import namespace as rns

from kg.rdf.vocab import KG, KGID
from kg.validate.shacl import validate_file, validate_graph

from test_validate import MUTATIONS, copy, first


def _same(g):
    rust, ref = validate_graph(g, engine="shacl"), validate_graph(g, engine="pyshacl")
    assert rust.conforms == ref.conforms
    assert rust.violations == ref.violations, (rust.format(None), ref.format(None))
    assert rust.triples == ref.triples
    return rust


# more ways to break a graph than test_validate.py's: literals of the wrong form, a lowercase ISO
# code, a mention of a literal, a number as a label, an empty alternative label
def _ill_typed_date(g):
    s = sorted(g.subjects(KG.startDate, None))[0]
    g.set((s, KG.startDate, Literal("2023-13-45", datatype=rns.XSD.date)))


def _lowercase_iso3(g):
    c = first(g, KG.Country)
    g.set((c, KG.iso3, Literal("fra")))


def _mention_of_a_literal(g):
    m = first(g, KG.Mention)
    g.set((m, KG.mentionOf, Literal("quelqu'un")))


def _number_as_label(g):
    c = first(g, KG.City)
    g.set((c, RDFS.label, Literal(42)))


def _empty_alt_label(g):
    c = first(g, KG.Country)
    g.add((c, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"), Literal("")))


def _edition_zero(g):
    s = first(g, KG.Summit)
    g.set((s, KG.edition, Literal(0)))


EXTRA = [_ill_typed_date, _lowercase_iso3, _mention_of_a_literal, _number_as_label, _empty_alt_label, _edition_zero]


@pytest.mark.model
@pytest.mark.parametrize("mutate", MUTATIONS + EXTRA, ids=[m.__name__.strip("_") for m in MUTATIONS + EXTRA])
def test_both_engines_report_the_same_violations(example_graph, mutate):
    g = copy(example_graph)
    mutate(g)
    report = _same(g)
    assert not report.conforms or mutate in EXTRA


@pytest.mark.model
def test_an_iri_no_parser_reads_is_validated_by_pyshacl(example_graph):
    g = copy(example_graph)
    bad = URIRef(str(KGID) + "person/jean dupont")
    g.add((bad, rns.RDF.type, KG.Person))
    with pytest.raises(Exception):
        g.serialize(format="nt")  # rdflib keeps it in memory, but cannot write it
    report = validate_graph(g)  # the default engine hands it to pySHACL
    assert any(v.focus == str(bad) and "KIND/SLUG" in v.message for v in report.violations)


@pytest.mark.model
def test_files_give_the_same_report_with_both_engines(example_graph, tmp_path):
    g = copy(example_graph)
    MUTATIONS[3](g)  # a minister of a city
    for name, fmt in (("bad.ttl", "turtle"), ("bad.nt", "nt"), ("bad.jsonld", "json-ld")):
        path = tmp_path / name
        path.write_text(g.serialize(format=fmt), encoding="utf-8")
        rust, ref = validate_file(path, engine="shacl"), validate_file(path, engine="pyshacl")
        assert not rust.conforms and rust.violations == ref.violations and rust.source == str(path)
