"""kg.query(...) DataFrames (the notebooks' API): names beside IRIs (x, x_iri), dates as datetime64,
numbers as numbers, pd.NA for what is missing; on both engines, a store and under a timeout."""

from __future__ import annotations

import pytest

pd = pytest.importorskip("pandas")

from rdflib import Graph, Literal, URIRef  # noqa: E402
from rdflib import namespace  # noqa: E402 - XSD imported by name makes pytest warn (it probes module attributes)

import _query_data  # noqa: E402
import kg  # noqa: E402
from kg.sparql import run_query  # noqa: E402
from kg.store.store import KgStore  # noqa: E402

KGID = "https://w3id.org/kg-news/id/"


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("df")
    _query_data.graph().serialize(tmp / "g.ttl", format="turtle")
    with KgStore.open(tmp / "store") as st:
        st.add_extractions(_query_data.extractions())
    return tmp


@pytest.fixture(params=["rdflib", "oxigraph", "store", "timeout"])
def source(request, files):
    if request.param == "rdflib":
        return _query_data.graph(), {}
    if request.param == "timeout":  # the query runs in a child process: the names come back with the rows
        return files / "g.ttl", {"timeout": 60}
    return (files / "g.ttl" if request.param == "oxigraph" else files / "store"), {}


def test_iri_columns_get_names_beside_them(source):
    src, kw = source
    df = kg.query(src, "SELECT ?m ?c ?n WHERE { ?m kg:ministerOf ?c . OPTIONAL { ?c kg:iso3 ?n } }", **kw)
    assert list(df.columns) == ["m", "m_iri", "c", "c_iri", "n"]
    assert set(zip(df["m"], df["m_iri"], df["c"], df["c_iri"])) == {
        ("Bruno Le Maire", KGID + "person/bruno-le-maire", "France", KGID + "country/FRA")}
    assert str(df["m"].dtype) == "string" and str(df["m_iri"].dtype) == "string"


def test_an_iri_without_a_name_shows_prefixed_and_literals_have_no_iri(source):
    src, kw = source
    df = kg.query(src, "entity", entity="Bari", **kw)
    assert set(df["entity_iri"]) == {KGID + "city/bari"} and set(df["entity"]) == {"Bari"}
    typ = df[df["property"] == "rdf:type"].iloc[0]
    assert typ["value"] == "kg:City" and typ["value_iri"] == "https://w3id.org/kg-news/ontology#City"
    assert typ["property_iri"] == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    label = df[df["property"] == "rdfs:label"].iloc[0]
    assert label["value"] == "Bari" and label["value_iri"] is pd.NA


def test_dates_numbers_and_one_missing_value(source):
    src, kw = source
    df = kg.query(src, "summits", **kw)
    assert str(df["startDate"].dtype).startswith("datetime64") and str(df["endDate"].dtype).startswith("datetime64")
    assert str(df["edition"].dtype) == "Int64"
    cop = df[df["summit"] == "COP28"].iloc[0]
    assert cop["startDate"] == pd.Timestamp("2023-11-30")
    assert cop["endDate"] is pd.NaT and cop["edition"] is pd.NA and cop["hostCountry"] == "Emirats arabes unis"
    ev = kg.query(src, "evidence", predicate="kg:ministerOf", **kw)
    assert str(ev["confidence"].dtype) == "Float64" and str(ev["start"].dtype) == "Int64"
    assert str(ev["issued"].dtype).startswith("datetime64")
    assert sorted(ev["issued"]) == [pd.Timestamp("2023-12-01"), pd.Timestamp("2024-06-13")]
    arts = kg.query(src, "articles", **kw)
    assert arts["title"].isna().sum() == 1 and arts[arts["title"].isna()]["title"].iloc[0] is pd.NA


def test_every_date_type_is_datetime64():
    g = Graph()
    s = URIRef(KGID + "x")
    values = [Literal("2023-06", datatype=namespace.XSD.gYearMonth), Literal("2023", datatype=namespace.XSD.gYear),
              Literal("2023-11-01", datatype=namespace.XSD.date), Literal("2023-11-01T09:30:00+01:00", datatype=namespace.XSD.dateTime)]
    for i, v in enumerate(values):
        g.add((URIRef(f"{s}{i}"), namespace.RDFS.comment, v))
    g.add((URIRef(f"{s}9"), namespace.RDFS.label, Literal("sans date")))
    df = kg.query(g, "SELECT ?s ?d WHERE { ?s ?p ?o OPTIONAL { ?s rdfs:comment ?d } } ORDER BY ?s")
    assert str(df["d"].dtype).startswith("datetime64")
    assert list(df["d"][:4]) == [pd.Timestamp("2023-06-01"), pd.Timestamp("2023-01-01"), pd.Timestamp("2023-11-01"),
                                 pd.Timestamp("2023-11-01 08:30")]  # a month is its first day; a time in UTC
    assert df["d"].iloc[4] is pd.NaT


def test_mixed_columns_stay_object_and_rows_stay_available():
    g = Graph()
    g.add((URIRef(KGID + "a"), namespace.RDFS.comment, Literal(3)))
    g.add((URIRef(KGID + "b"), namespace.RDFS.comment, Literal("trois")))
    df = kg.query(g, "SELECT ?o WHERE { ?s rdfs:comment ?o } ORDER BY ?o")
    assert df["o"].dtype == object and sorted(map(str, df["o"])) == ["3", "trois"]
    # run_query gives the rdflib terms, names only when asked
    res = run_query(g, "SELECT ?s WHERE { ?s rdfs:comment ?o }")
    assert res.labels == {} and all(isinstance(r["s"], URIRef) for r in res)
