"""Writing RDF (kg/rdf/writers.py, kg export): every format round-trips, JSON-LD is compacted with
the shipped context, graph files convert, bad input and unknown formats are one-line errors."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.cli.app import main
from kg.rdf import writers
from kg.rdf.emit import VOCAB
from kg.rdf.mapping import to_graph
from kg.rdf.vocab import KG, PREFIXES
from kg.rdf.writers import OUTPUT_FORMATS, jsonld_context
from kg.store.store import KgStore

from _graphs import canon, synthetic

RDFLIB_NAMES = {"turtle": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "json-ld": "json-ld", "xml": "xml", "n3": "n3"}


@pytest.fixture(scope="module")
def exs():
    return [synthetic(i) for i in range(3)]


@pytest.fixture(scope="module")
def ttl(exs, tmp_path_factory):
    path = tmp_path_factory.mktemp("w") / "graph.ttl"
    to_graph(exs).serialize(path, format="turtle")
    return path


def _parse(path, fmt) -> Graph:
    if OUTPUT_FORMATS[fmt][1]:
        ds = Dataset()
        ds.parse(path, format=RDFLIB_NAMES[fmt])
        g = Graph()
        for s, p, o, _ in ds.quads():
            g.add((s, p, o))
        return g
    return Graph().parse(path, format=RDFLIB_NAMES[fmt])


def test_the_context_names_every_prefix_and_every_property_kg_writes():
    ctx = jsonld_context()["@context"]
    for prefix in ("kg", "kgid", "schema", "prov", "skos", "dcterms", "rdfs", "xsd"):
        assert ctx[prefix] == PREFIXES[prefix], prefix
    expanded = {}
    for term, d in ctx.items():
        iri = d if isinstance(d, str) else d["@id"]
        prefix, _, local = iri.partition(":")
        expanded[term] = ctx[prefix] + local if prefix in PREFIXES and not iri.startswith("http") else iri
    written = {str(iri) for name, iri in VOCAB.items() if name != "type"}
    written |= {str(KG[n]) for n in ("hostCountry", "ministerOf", "attendee", "edition", "startDate", "role", "implied")}
    assert written <= set(expanded.values()), written - set(expanded.values())


@pytest.mark.parametrize("fmt", sorted(OUTPUT_FORMATS))
def test_a_graph_file_converts_to_every_format_and_back(ttl, tmp_path, fmt, capsys):
    out = tmp_path / f"g{OUTPUT_FORMATS[fmt][0][0]}"
    assert main(["export", "--graph", str(ttl), "--out", str(out)]) == 0
    assert f"as {fmt} → {out}" in capsys.readouterr().err
    back = _parse(out, fmt)
    assert isomorphic(canon(back), canon(Graph().parse(ttl)))
    again = tmp_path / "again.nt"  # and kg reads what it wrote
    assert main(["export", "--graph", str(out), "--out", str(again)]) == 0
    assert isomorphic(canon(Graph().parse(again, format="nt")), canon(back))


def _compact_checks(doc: dict) -> None:
    assert doc["@context"] == jsonld_context()["@context"]  # embedded: the file stands alone
    body = json.dumps(doc["@graph"], ensure_ascii=False)
    assert "https://w3id.org/kg-news/" not in body and "http://www.w3.org/" not in body  # every IRI compacted
    nodes = {n["@id"]: n for n in doc["@graph"]}
    varnok = nodes["kgid:person/ilse-varnok"]
    assert varnok["@type"] == "Minister" and varnok["label"] == "Ilse Varnok" and varnok["ministerOf"] == "kgid:country/FRA"
    assertion = next(n for n in doc["@graph"] if n.get("@type") == "Assertion" and n["predicate"] == "kg:ministerOf")
    assert set(assertion) >= {"subject", "object", "wasDerivedFrom", "sentence", "startOffset", "confidence"}


def test_json_ld_is_compacted_and_round_trips_in_rdflib_and_oxigraph(exs, ttl, tmp_path):
    out = tmp_path / "g.jsonld"
    assert main(["export", "--graph", str(ttl), "--out", str(out)]) == 0
    _compact_checks(json.loads(out.read_text(encoding="utf-8")))
    want = canon(to_graph(exs))
    assert isomorphic(canon(Graph().parse(out, format="json-ld")), want)
    st = ox.Store()
    st.load(path=str(out), format=ox.RdfFormat.JSON_LD)
    nt = "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in st)
    assert isomorphic(canon(Graph().parse(data=nt, format="nt")), want)


def test_a_store_exports_compacted_json_ld(exs, tmp_path):
    with KgStore.open(tmp_path / "st") as st:
        st.add_extractions(exs)
    out = tmp_path / "corpus.jsonld"
    assert main(["export", "--store", str(tmp_path / "st"), "--out", str(out)]) == 0
    _compact_checks(json.loads(out.read_text(encoding="utf-8")))
    assert isomorphic(canon(Graph().parse(out, format="json-ld")), canon(to_graph(exs)))
    nq = tmp_path / "corpus.nq"  # N-Quads, like TriG, keep one graph per article
    assert main(["export", "--store", str(tmp_path / "st"), "--out", str(nq)]) == 0
    ds = Dataset()
    ds.parse(nq, format="nquads")
    assert len({str(c) for *_, c in ds.quads()}) == len(exs)


def test_a_dataset_written_as_one_graph_is_the_union_of_its_graphs(exs, tmp_path, capsys):
    with KgStore.open(tmp_path / "st") as st:
        st.add_extractions(exs)
        st.export(tmp_path / "c.trig")
    assert main(["export", "--graph", str(tmp_path / "c.trig"), "--out", str(tmp_path / "u.ttl")]) == 0
    union = Graph().parse(tmp_path / "u.ttl")
    assert f"exported {len(union)} triples" in capsys.readouterr().err
    ds = Dataset()
    ds.parse(tmp_path / "c.trig", format="trig")
    assert set(union) == {(s, p, o) for s, p, o, _ in ds.quads()}


def one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), err
    return lines[0]


def test_bad_inputs_and_formats_are_one_line_errors(ttl, tmp_path, capsys):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    unknown = tmp_path / "g.yaml"
    unknown.write_text("a: b\n", encoding="utf-8")
    cases = [
        (["--graph", str(tmp_path / "missing.ttl")], "missing.ttl: no such graph file"),
        (["--graph", str(bad)], "bad.ttl: not valid turtle"),
        (["--graph", str(unknown)], "g.yaml: unknown RDF format"),
        (["--graph", str(tmp_path)], "is a folder"),
        (["--graph", str(ttl), "--format", "yaml"], "unknown RDF format 'yaml'"),
        (["--graph", str(ttl), "--out", str(tmp_path / "x.foo")], "cannot tell the RDF format"),
        (["--store", str(tmp_path / "nostore")], "no such store folder"),
    ]
    for args, words in cases:
        assert main(["export", *args, *([] if "--out" in args else ["--out", str(tmp_path / "o.nt")])]) == 2, args
        assert words in one_line(capsys.readouterr().err), args
    assert not (tmp_path / "o.nt").exists()
    with pytest.raises(SystemExit) as exc:  # exactly one of --store / --graph
        main(["export", "--graph", str(ttl), "--store", str(tmp_path)])
    assert exc.value.code == 2 and "not allowed with" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", "--out", str(tmp_path / "o.nt")])
    assert "one of the arguments --store/-s --graph/-g is required" in capsys.readouterr().err


def test_an_export_that_fails_leaves_the_previous_file(ttl, tmp_path, monkeypatch):
    out = tmp_path / "g.jsonld"
    out.write_text("previous", encoding="utf-8")

    def fail(triples):
        next(iter(triples))
        raise RuntimeError("compaction failed")

    monkeypatch.setattr(writers, "compact_jsonld", fail)
    with pytest.raises(RuntimeError):
        main(["export", "--graph", str(ttl), "--out", str(out)])
    assert out.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["g.jsonld"]  # no temporary file left


def test_json_ld_fetches_nothing():
    with pytest.raises(Exception, match="does not fetch"):
        writers._no_remote_documents("https://example.org/context.jsonld")


def test_inferred_types_add_the_aligned_classes_of_kg_ttl(exs, ttl, tmp_path):
    """--inferred-types: each node also gets the schema.org / PROV-O / RDF classes its kg class is a
    subclass of (through kg superclasses too), so that a consumer without inference finds them."""
    from kg.rdf.ontology import aligned_types

    assert aligned_types("Minister") == {"https://schema.org/Person", "http://www.w3.org/ns/prov#Agent"}
    assert aligned_types("Summit") == {"https://schema.org/Event"}  # through kg:Event
    assert aligned_types("Assertion") == {"http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement",
                                          "http://www.w3.org/ns/prov#Entity"}
    plain = canon(Graph().parse(ttl))
    out = tmp_path / "inf.ttl"
    assert main(["export", "--graph", str(ttl), "--out", str(out), "--inferred-types"]) == 0
    g = canon(Graph().parse(out))
    added = set(g) - set(plain)
    assert set(plain) <= set(g) and added
    RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    for s, p, o in added:
        assert str(p) == RDF_TYPE and not str(o).startswith(PREFIXES["kg"])
        (cls,) = [c for c in plain.objects(s, p) if str(c).startswith(PREFIXES["kg"])]
        assert str(o) in aligned_types(str(cls)[len(PREFIXES["kg"]):])
    q = "SELECT ?x WHERE { ?x a <https://schema.org/Person> }"
    assert {str(r.x) for r in g.query(q)} == {"https://w3id.org/kg-news/id/person/ilse-varnok"}
    assert not list(plain.query(q))
    # the same from a store, in JSON-LD (compacted) and TriG (each article's graph)
    with KgStore.open(tmp_path / "st") as st:
        st.add_extractions(exs)
    jl = tmp_path / "inf.jsonld"
    assert main(["export", "--store", str(tmp_path / "st"), "--out", str(jl), "--inferred-types"]) == 0
    nodes = {n["@id"]: n for n in json.loads(jl.read_text(encoding="utf-8"))["@graph"]}
    assert sorted(nodes["kgid:person/ilse-varnok"]["@type"]) == ["Minister", "prov:Agent", "schema:Person"]
    assert isomorphic(canon(Graph().parse(jl, format="json-ld")), canon(g))
    trig = tmp_path / "inf.trig"
    assert main(["export", "--store", str(tmp_path / "st"), "--out", str(trig), "--inferred-types"]) == 0
    ds = Dataset()
    ds.parse(trig, format="trig")
    typed = {str(c) for s, p, o, c in ds.quads() if str(o) == "https://schema.org/Person"}
    assert len(typed) == len(exs)  # in every article's graph
