"""Validation split in two (kg/validate/batches.py): the shapes marked ``kgsh:checkedPerBatch``
checked batch by batch, the rest at the end. The report must be exactly the one a single
validation of the merged graph with all the shapes gives, whatever is broken."""

from __future__ import annotations

import pytest
from rdflib import RDF, Graph

from kg.rdf.vocab import KG
from kg.validate.batches import PER_BATCH, BatchValidator, split_shapes
from kg.validate.shacl import shapes_path, validate_ntriples

from test_engines import EXTRA
from test_validate import MUTATIONS, copy

SH_NODE_SHAPE = "http://www.w3.org/ns/shacl#NodeShape"


def _nt(g: Graph) -> str:
    return g.serialize(format="nt")


def _shapes(text: str) -> set[str]:
    g = Graph().parse(data=text, format="turtle")
    return {str(s) for s in g.subjects(RDF.type, None) if str(g.value(s, RDF.type)) == SH_NODE_SHAPE}


def test_the_marked_shapes_go_to_the_batches_and_the_others_to_the_end():
    per_batch, rest = split_shapes(str(shapes_path()))
    full = Graph().parse(shapes_path(), format="turtle")
    marked = {str(s) for s in full.subjects(PER_BATCH, None)}
    assert marked == {"https://w3id.org/kg-news/shapes#RelationProvenance"}
    assert _shapes(per_batch) == marked
    assert _shapes(rest) == _shapes(full.serialize(format="turtle")) - marked
    assert "sh:declare" in per_batch  # the prefixes its SPARQL needs


def test_shapes_with_no_marked_shape_are_all_checked_at_the_end(tmp_path):
    text = shapes_path().read_text(encoding="utf-8").replace("kgsh:checkedPerBatch true ;", "")
    (tmp_path / "s.ttl").write_text(text, encoding="utf-8")
    per_batch, rest = split_shapes(str(tmp_path / "s.ttl"))
    assert per_batch is None and rest == text


@pytest.mark.model
@pytest.mark.parametrize("mutate", MUTATIONS + EXTRA, ids=[m.__name__.strip("_") for m in MUTATIONS + EXTRA])
def test_split_validation_reports_what_one_validation_reports(example_graph, mutate):
    g = copy(example_graph)
    mutate(g)
    if mutate.__name__ == "_bad_iri":
        pytest.skip("an IRI no N-Triples writer writes: such a graph never reaches the Rust engine")
    nt = _nt(g)
    whole = validate_ntriples(nt)
    v = BatchValidator()
    v.check_batch(nt)
    split = v.finish(nt)
    assert not whole.conforms
    assert (split.conforms, split.violations) == (whole.conforms, whole.violations)


@pytest.mark.model
def test_a_relation_whose_assertion_comes_in_another_batch_is_not_reported(example_graph):
    g = copy(example_graph)
    without = copy(g)
    for a in list(without.subjects(RDF.type, KG.Assertion)):
        without.remove((a, None, None))
    v = BatchValidator()
    v.check_batch(_nt(without))  # relations without their assertions: flagged
    v.check_batch(_nt(g))
    assert v.flagged == 1
    report = v.finish(_nt(g))  # the merged graph has them all
    assert report.conforms, report.format(None)


@pytest.mark.model
def test_a_good_graph_is_checked_without_the_per_batch_shapes_at_the_end(example_graph):
    v = BatchValidator()
    nt = _nt(example_graph)
    v.check_batch(nt)
    assert v.batches == 1 and v.flagged == 0
    assert v.finish(nt).conforms
