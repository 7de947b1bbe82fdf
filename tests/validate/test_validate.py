"""SHACL validation (ontology/shapes.ttl, kg/validate.py): the example conforms, each rule catches
what it is about, ``kg validate`` reports it readably, ``kg build`` checks what it writes."""

from __future__ import annotations


import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib import namespace as rns
from rdflib.namespace import DCTERMS, PROV

from kg.cli.app import main
from kg.validate.shacl import ENGINES, load_shapes, shapes_path, validate_file, validate_graph
from kg.rdf.vocab import KG, KGID

from _paths import ROOT  # noqa: E402
EXAMPLE = ROOT / "examples" / "ai_safety_summit_fr.txt"
GOOD_TEXT = "Le ministre allemand des Finances Christian Lindner s'est rendu à Berlin."


def copy(g: Graph) -> Graph:
    h = Graph()
    for prefix, ns in g.namespaces():
        h.bind(prefix, ns, override=True)
    for t in g:
        h.add(t)
    return h


def first(g: Graph, cls) -> URIRef:
    return sorted(g.subjects(RDF.type, cls))[0]


def with_relation(g: Graph, predicate) -> tuple[URIRef, URIRef]:
    s, o = sorted(g.subject_objects(predicate))[0]
    return s, o


def test_shapes_file_parses_and_names_every_rule():
    shapes = load_shapes()
    assert shapes_path().name == "shapes.ttl"
    text = shapes_path().read_text(encoding="utf-8")
    for prop in ("hostCountry", "hostCity", "attendee", "ministerOf", "nationality", "affiliation",
                 "announcedBy", "about", "during", "locatedIn", "nextEdition"):
        assert f"sh:targetSubjectsOf kg:{prop}" in text, prop
    assert len(shapes) > 200


def test_shapes_accept_implied_assertions_and_refuse_other_values():
    """``kg:implied true`` (kg/rdf/emit.py) is what the shapes expect of an assertion; a string is not."""
    from _graphs import synthetic
    from kg.rdf.mapping import to_graph

    g = to_graph([synthetic(1)])
    (a,) = g.subjects(KG.implied, Literal(True))
    report = validate_graph(g)
    assert not [v for v in report.violations if v.path == "kg:implied" or v.focus == str(a)], report.format()
    g.set((a, KG.implied, Literal("oui")))
    hits = [v for v in validate_graph(g).violations if v.focus == str(a)]
    assert [v.path for v in hits] == ["kg:implied"] and "xsd:boolean" in hits[0].message


@pytest.mark.model
@pytest.mark.parametrize("engine", ENGINES)
def test_example_graph_conforms(example_graph, engine):
    before = len(example_graph)
    report = validate_graph(example_graph, engine=engine)
    assert report.conforms, report.format()
    assert report.violations == [] and report.triples == before
    assert len(example_graph) == before  # validation does not touch the graph


# Each mutation breaks one rule; the report must name the focus node, the property and the rule.
def _no_label(g):
    node = first(g, KG.Minister)
    g.remove((node, RDFS.label, None))
    return node, "rdfs:label", "exactly one rdfs:label"


def _two_labels(g):
    node = first(g, KG.Country)
    g.add((node, RDFS.label, Literal("Autre nom")))
    return node, "rdfs:label", "exactly one rdfs:label"


def _two_classes(g):
    node = first(g, KG.City)
    g.add((node, RDF.type, KG.Country))
    return node, "rdf:type", "exactly one class"


def _bad_range(g):
    s, _ = with_relation(g, KG.ministerOf)
    city = first(g, KG.City)
    g.add((s, KG.ministerOf, city))
    return s, "kg:ministerOf", "kg:Country"


def _bad_domain(g):
    city = first(g, KG.City)
    country = first(g, KG.Country)
    g.add((city, KG.hostCountry, country))
    return city, None, "kg:hostCountry is said of a kg:Summit"


def _date_as_string(g):
    s, o = with_relation(g, KG.startDate)
    g.remove((s, KG.startDate, o))
    g.add((s, KG.startDate, Literal(str(o))))
    return s, "kg:startDate", "xsd:date"


def _start_after_end(g):
    s, end = with_relation(g, KG.endDate)
    g.remove((s, KG.startDate, None))
    g.add((s, KG.startDate, Literal("2099-01-01", datatype=rns.XSD.date)))
    return s, "kg:startDate", "after the end date"


def _announcement_without_agent(g):
    node = first(g, KG.Announcement)
    g.remove((node, KG.announcedBy, None))
    for a in list(g.subjects(RDF.subject, node)):
        if (a, RDF.predicate, KG.announcedBy) in g:
            g.remove((a, None, None))
    return node


def _relation_without_provenance(g):
    s, o = with_relation(g, KG.attendee)
    for a in list(g.subjects(RDF.subject, s)):
        if (a, RDF.predicate, KG.attendee) in g and (a, RDF.object, o) in g:
            g.remove((a, None, None))
    return s, "kg:attendee", "without provenance"


def _assertion_without_article(g):
    a = first(g, KG.Assertion)
    g.remove((a, PROV.wasDerivedFrom, None))
    return a, "prov:wasDerivedFrom", "derived from a kg:Article"


def _confidence_above_one(g):
    m = first(g, KG.Mention)
    g.set((m, KG.confidence, Literal("1.50", datatype=rns.XSD.decimal)))
    return m, "kg:confidence", "between 0 and 1"


def _offsets_reversed(g):
    m = first(g, KG.Mention)
    start = int(g.value(m, KG.startOffset))
    g.set((m, KG.endOffset, Literal(max(start - 1, 0), datatype=rns.XSD.integer)))
    g.set((m, KG.startOffset, Literal(start + 5, datatype=rns.XSD.integer)))
    return m, "kg:startOffset", "≤ its end offset"


def _bad_iri(g):
    node = URIRef(str(KGID) + "person/jean dupont")
    g.add((node, RDF.type, KG.Person))
    g.add((node, RDFS.label, Literal("Jean Dupont")))
    mention = KGID["mention/bad"]
    src = first(g, KG.Mention)
    for p, o in g.predicate_objects(src):
        g.add((mention, p, o))
    g.set((mention, KG.mentionOf, node))
    return node, None, "KIND/SLUG"


def _untyped_mention_target(g):
    m = first(g, KG.Mention)
    g.set((m, KG.mentionOf, KGID["thing/unknown"]))
    return KGID["thing/unknown"], "rdf:type", "no class of the ontology"


def _article_two_dates(g):
    art = first(g, KG.Article)
    g.add((art, DCTERMS.issued, Literal("2020-01-01", datatype=rns.XSD.date)))
    return art, "dcterms:issued", "at most one publication date"


def _implied_not_boolean(g):
    a = first(g, KG.Assertion)
    g.add((a, KG.implied, Literal("oui")))
    return a, "kg:implied", "kg:implied at most once"


MUTATIONS = [_no_label, _two_labels, _two_classes, _bad_range, _bad_domain, _date_as_string, _start_after_end,
             _relation_without_provenance, _assertion_without_article,
             _confidence_above_one, _offsets_reversed, _bad_iri, _untyped_mention_target, _article_two_dates,
             _implied_not_boolean]


@pytest.mark.model
@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("mutate", MUTATIONS, ids=[m.__name__.strip("_") for m in MUTATIONS])
def test_each_rule_catches_its_violation(example_graph, mutate, engine):
    g = copy(example_graph)
    focus, path, words = mutate(g)
    report = validate_graph(g, engine=engine)
    assert not report.conforms
    hits = [v for v in report.violations if v.focus == str(focus)]
    assert hits, report.format(max_items=None)
    assert any(words in v.message for v in hits), [v.message for v in hits]
    if path is not None:
        assert any(v.path == path for v in hits), [v.path for v in hits]
    label = g.value(focus, RDFS.label)
    if label is not None and len(set(g.objects(focus, RDFS.label))) == 1:
        assert all(v.focus_label == str(label) for v in hits)


@pytest.mark.model
@pytest.mark.parametrize("engine", ENGINES)
def test_an_announcement_with_no_agent_is_a_warning_not_a_violation(example_graph, engine):
    # The annotation guidelines: « a decision with no stated agent has none ». The graph conforms,
    # and the report still names the announcement, as a warning.
    g = copy(example_graph)
    node = _announcement_without_agent(g)
    report = validate_graph(g, engine=engine)
    assert report.conforms, report.format(max_items=None)
    hits = [v for v in report.violations if v.focus == str(node)]
    assert [(v.severity, v.path) for v in hits] == [("Warning", "kg:announcedBy")]
    assert "names no agent" in hits[0].message
    assert "1 warning" in report.format()


@pytest.mark.model
def test_cli_validate_readable_report_and_exit_codes(example_graph, tmp_path, capsys):
    good = tmp_path / "good.ttl"
    good.write_text(example_graph.serialize(format="turtle"), encoding="utf-8")
    assert main(["validate", str(good)]) == 0
    assert "conforms" in capsys.readouterr().out

    g = copy(example_graph)
    minister = first(g, KG.Minister)
    name = str(g.value(minister, RDFS.label))
    city = first(g, KG.City)
    g.add((minister, KG.ministerOf, city))
    bad = tmp_path / "bad.nt"  # any RDF format, by extension
    bad.write_text(g.serialize(format="nt"), encoding="utf-8")
    assert main(["validate", str(good), str(bad)]) == 1
    out = capsys.readouterr().out
    line = next(ln for ln in out.splitlines() if "kg:ministerOf" in ln)
    assert repr(name) in line and f"<{minister}>" in line and "a minister is minister of a kg:Country" in line
    assert f"{bad}: 2 violations of the kg shapes" in out  # the range, and no kg:Assertion for the new fact
    assert "relation without provenance" in out

    assert main(["validate", str(tmp_path / "missing.ttl")]) == 2
    assert "missing.ttl: no such file" in capsys.readouterr().err
    assert main(["validate", str(tmp_path)]) == 2
    assert f"{tmp_path}: is a folder: give the graph file it holds" in capsys.readouterr().err
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix kg: <https://w3id.org/kg-news/ontology#> .\nkg:a kg:b \"unterminated .\n")
    assert main(["validate", str(broken)]) == 2
    assert "broken.ttl: cannot parse the graph" in capsys.readouterr().err
    assert main(["validate", str(bad), "--quiet"]) == 1
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("engine", ENGINES)
def test_validate_file_names_the_file(tmp_path, engine, capsys):
    empty = tmp_path / "empty.ttl"
    empty.write_text("")
    report = validate_file(empty, engine=engine)
    assert report.conforms and report.triples == 0
    assert report.format().startswith(f"{empty}: conforms")
    assert main(["validate", str(tmp_path), "--engine", engine]) == 2  # a folder: say so, and what to give
    err = capsys.readouterr().err
    assert err == f"kg: error: {tmp_path}: is a folder: give the graph file it holds (e.g. graph.ttl), or a store with kg query --store\n"


@pytest.mark.model
def test_build_reports_violations_and_fail_on_invalid_makes_them_fatal(tmp_path, capsys):
    # A stricter rule set (--shapes), which the article (a text file: no title) cannot meet.
    strict = tmp_path / "shapes.ttl"
    strict.write_text(shapes_path().read_text(encoding="utf-8") + """
kgsh:Titled a sh:NodeShape ; sh:targetClass kg:Article ;
    sh:property [ sh:path dcterms:title ; sh:minCount 1 ; sh:message "an article needs a title here" ] .
""", encoding="utf-8")
    src = tmp_path / "a.txt"
    src.write_text(GOOD_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    shapes = ["--shapes", str(strict)]
    assert main(["build", str(src), "--out", str(out), "--no-view", *shapes]) == 0  # reported, not fatal
    err = capsys.readouterr().err
    assert "kg: warning:" in err and "an article needs a title here" in err and f"{out / 'graph.ttl'}" in err
    (out / "graph.ttl").unlink()
    assert main(["build", str(src), "--out", str(out), "--no-view", "--fail-on-invalid", *shapes]) == 1
    err = capsys.readouterr().err
    assert "an article needs a title here" in err and "--fail-on-invalid" in err
    assert (out / "graph.ttl").exists()  # written all the same, to be inspected
    assert main(["validate", str(out / "graph.ttl"), *shapes]) == 1
    assert "an article needs a title here" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exc:
        main(["build", str(src), "--out", str(out), "--no-view", "--no-validate", "--fail-on-invalid"])
    assert exc.value.code == 2 and "not allowed with" in capsys.readouterr().err
    assert main(["build", str(src), "--out", str(out), "--no-view", "--no-validate", *shapes]) == 0
    assert "title" not in capsys.readouterr().err
    assert main(["build", str(src), "--out", str(out), "--no-view", "--fail-on-invalid"]) == 0
    assert "violation" not in capsys.readouterr().err
    assert main(["build", str(src), "--out", str(out), "--shapes", str(tmp_path / "none.ttl")]) == 2
    assert "none.ttl: no such shapes file" in capsys.readouterr().err
