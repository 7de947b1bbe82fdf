"""kg/rdf/turtle.py writes, from N-Triples, the Turtle rdflib writes for the same graph: byte for
byte, on kg's graphs and on literals made to be awkward."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from rdflib import XSD, Graph, Literal, URIRef

from kg.rdf.mapping import new_graph, to_graph
from kg.rdf.turtle import parse_term, turtle
from kg.rdf.vocab import KG, KGID

from _graphs import barrot_articles, synthetic


def _lines(g: Graph) -> list[str]:
    return [line + "\n" for line in g.serialize(format="nt").split("\n") if line]  # not splitlines: U+2028, \x1e...


def _same_as_rdflib(g: Graph) -> str:
    text = turtle(_lines(g))
    assert text == g.serialize(format="turtle")
    return text


def test_kg_graphs_are_written_as_rdflib_writes_them():
    _same_as_rdflib(to_graph([synthetic(i) for i in range(8)]))
    _same_as_rdflib(to_graph(barrot_articles()))
    assert turtle([]) == new_graph().serialize(format="turtle")


@pytest.mark.model
def test_the_example_is_written_as_rdflib_writes_it(example_graph):
    text = _same_as_rdflib(example_graph)
    assert "@prefix kg: <https://w3id.org/kg-news/ontology#> ." in text


_values = st.one_of(
    st.text(max_size=30).map(Literal),
    st.text(alphabet='a"\\\n\r\t\x00\x1f é', max_size=12).map(Literal),
    st.integers(-10**6, 10**6).map(Literal),
    st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False).map(lambda d: Literal(str(d), datatype=XSD.decimal)),
    st.dates().map(Literal),
    st.sampled_from(["2024", "2024-05", "x"]).map(lambda v: Literal(v, datatype=XSD.gYear)),
    st.sampled_from(["en", "fr"]).map(lambda lang: Literal("Paris", lang=lang)),
    st.sampled_from(["a", "b b", "c/d"]).map(lambda v: URIRef(f"{KGID}person/{v.replace(' ', '-')}")),
    st.sampled_from([KG.Person, URIRef("http://example.org/x#y"), URIRef("https://schema.org/url")]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.sampled_from([KG.role, KG.edition, KG.attendee, URIRef("http://example.org/p")]),
                          _values), max_size=12))
def test_awkward_literals_and_several_objects(triples):
    g = new_graph()
    for s, p, o in triples:
        g.add((URIRef(f"{KGID}person/p{s}"), p, o))
    # rdflib sorts a property's objects by value, keeping its store's order for ties: two objects of one
    # property equal in value but not the same term (« 0.00 »^^decimal and 0) have no order of their own to
    # match (kg's properties hold one datatype each, so its graphs have no such ties); nor objects whose order is
    # no order (-1 < 0.00 by value, 0.00 < "2024"^^gYear and "2024"^^gYear < -1 by datatype: a cycle)
    for s, p in {(s, p) for s, p, _ in g}:
        objs = list(g.objects(s, p))
        assume(not any(a != b and not a < b and not b < a for a in objs for b in objs))
        assume(not any(a < b and b < c and not a < c for a in objs for b in objs for c in objs))
    _same_as_rdflib(g)


def test_terms_read_back():
    assert parse_term('"a\\"b\\nc"') == Literal('a"b\nc')
    assert parse_term('"2024-05"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>') == Literal("2024-05", datatype=XSD.gYearMonth)
    assert parse_term('"Paris"@fr') == Literal("Paris", lang="fr")
    assert parse_term("<https://schema.org/url>") == URIRef("https://schema.org/url")


def test_the_builder_writes_what_turtle_writes_for_the_same_triples_added_batch_by_batch():
    import random

    from kg.rdf.turtle import TurtleBuilder

    lines = _lines(to_graph([synthetic(i) for i in range(12)]))
    rng = random.Random(7)
    shuffled = lines[:]
    rng.shuffle(shuffled)
    builder = TurtleBuilder()
    for k in range(0, len(shuffled), 97):
        assert builder.add(shuffled[k:k + 97] + rng.sample(lines, 20))  # some triples twice
        builder.format_changed()
    assert builder.text() == turtle(lines)
    # a subject's triples replaced (an entity's names reconciled): as if written so from the start
    subject = lines[0].split(" ", 1)[0]
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    kept = [line for line in lines if not (line.startswith(subject + " " + label))]
    pairs = [tuple(line[:-3].split(" ", 2)[1:]) for line in kept if line.startswith(subject + " ")]
    builder.replace(subject, pairs + [(label, '"Renamed"@fr')])
    assert builder.text() == turtle(kept + [f'{subject} {label} "Renamed"@fr .\n'])
    assert "Renamed" in builder.text()


def test_the_builder_refuses_blank_nodes():
    from kg.rdf.turtle import TurtleBuilder

    builder = TurtleBuilder()
    assert not builder.add(['_:b0 <http://example.org/p> "x" .\n'])
    assert builder.text() == turtle([])
