"""kg query: saved queries on both engines, safe parameters, output formats, errors, Python API."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

sys.path.insert(0, str(Path(__file__).parent))
import _query_data  # noqa: E402

from kg.errors import InputError  # noqa: E402
from kg.query import QueryTimeout, format_result, run_query, saved_queries  # noqa: E402
from kg.cli import main as qmain  # noqa: E402

KG = "https://w3id.org/kg-news/ontology#"
REQUIRED = {"summits", "attendees", "ministers", "announcements", "entity", "evidence", "most-mentioned"}


@pytest.fixture(scope="module")
def graph() -> Graph:
    return _query_data.graph()


@pytest.fixture(scope="module")
def ttl(graph, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("q") / "graph.ttl"
    graph.serialize(path, format="turtle")
    return path


@pytest.fixture(params=["rdflib", "oxigraph"])
def source(request, graph, ttl):
    """The same graph queried by rdflib (in memory) and by Oxigraph (loaded from the file)."""
    return graph if request.param == "rdflib" else ttl


def values(result, *cols):
    return sorted(tuple(None if r[c] is None else str(r[c]) for c in cols) for r in result)


def test_saved_queries_have_headers():
    saved = saved_queries()
    assert REQUIRED <= set(saved)
    for name, sq in saved.items():
        assert sq.path.stem == name
        assert sq.description
        for p in sq.params:
            assert p.description and p.type in ("literal", "iri", "integer", "date")
            assert f"?{p.name}" in sq.text.split("WHERE")[0], f"{name}: parameter ?{p.name} must be projected"
    assert saved["entity"].param("entity").required
    assert saved["evidence"].param("predicate").type == "iri"


def test_summits(source):
    res = run_query(source, "summits")
    assert res.vars == ("summit", "edition", "hostCountry", "hostCity", "startDate", "endDate")
    assert values(res, "summit", "hostCountry", "hostCity", "startDate", "endDate") == [
        ("COP28", "Emirats arabes unis", "Dubaï", "2023-11-30", None),
        ("G7 des Pouilles", "Italie", "Bari", "2024-06-13", "2024-06-15"),
    ]
    assert values(run_query(source, "summits", {"country": "ita"}), "summit") == [("G7 des Pouilles",)]
    assert values(run_query(source, "summits", {"country": "Emirats arabes unis"}), "summit") == [("COP28",)]


def test_attendees(source):
    res = run_query(source, "attendees", {"summit": "cop"})
    assert values(res, "summitName", "attendee", "class") == [
        ("COP28", "Bruno Le Maire", "Minister"), ("COP28", "France", "Country")]
    assert len(run_query(source, "attendees")) == 3


def test_ministers(source):
    for country in ("FRA", "france"):
        res = run_query(source, "ministers", {"country": country})
        assert values(res, "countryName", "minister", "role", "portfolio") == [
            ("France", "Bruno Le Maire", "ministre de l'Economie", "Economie")]
    assert len(run_query(source, "ministers", {"country": "ITA"})) == 0


def test_announcements(source):
    res = run_query(source, "announcements", {"agent": "le maire"})
    assert values(res, "announcement", "announcedBy", "date", "place", "during") == [
        ("un plan « Afrique »", "Bruno Le Maire", "2024-06-14", "Bari", "G7 des Pouilles")]


def test_entity(source):
    res = run_query(source, "entity", {"entity": "m. le maire"})  # an alternative label, any case
    facts = {(str(r["direction"]), str(r["property"]).replace(KG, "kg:"), str(r["valueName"] or r["value"])) for r in res}
    assert ("out", "kg:ministerOf", "France") in facts
    assert ("in", "kg:attendee", "COP28") in facts
    assert ("in", "kg:announcedBy", "un plan « Afrique »") in facts
    assert not any(p.endswith("mentionOf") for _, p, _ in facts)


def test_evidence(source):
    res = run_query(source, "evidence", {"predicate": "kg:ministerOf", "subject": "Le Maire"})
    rows = values(res, "articleId", "start", "end", "relation")
    assert rows == [("cop28", "42", "62", KG + "ministerOf"), ("g7-2024", "48", "70", KG + "ministerOf")]
    text = _query_data.G7_TEXT
    g7 = next(r for r in res if str(r["articleId"]) == "g7-2024")
    assert text[int(g7["start"]):int(g7["end"])] == "ministre de l'Economie"
    assert str(g7["sentence"]) in text and float(g7["confidence"]) == pytest.approx(0.9)
    assert len(run_query(source, "evidence", {"article": "cop28"})) == 5


def test_most_mentioned(source):
    res = run_query(source, "most-mentioned")
    top = res[0]
    assert (str(top["entity"]), int(top["mentions"]), int(top["articles"])) == ("Bruno Le Maire", 2, 2)
    countries = run_query(source, "most-mentioned", {"type": "kg:Country"})
    assert {str(r["class"]) for r in countries} == {"Country"}


@pytest.mark.parametrize("evil", ['x") || true || ("', '"} ?s ?p ?o {"', "' OR 1=1 --", "Bruno Le Maire\" . } #"])
def test_params_are_bound_not_pasted(source, evil):
    assert len(run_query(source, "entity", {"entity": evil})) == 0
    assert len(run_query(source, "ministers", {"country": evil})) == 0


def test_param_with_quotes_matches(source):
    res = run_query(source, "entity", {"entity": 'L\'ONG "Quote"'})
    assert ("out", str(URIRef(KG + "Organization"))) in {(str(r["direction"]), str(r["value"])) for r in res}


def test_param_errors(graph):
    with pytest.raises(InputError, match="needs --param entity"):
        run_query(graph, "entity")
    with pytest.raises(InputError, match="has no parameter colour"):
        run_query(graph, "ministers", {"colour": "blue"})
    with pytest.raises(InputError, match="not an IRI"):
        run_query(graph, "evidence", {"predicate": "not an iri"})


def test_adhoc_query_with_prefixes_and_param(source):
    q = "SELECT ?name ?label WHERE { ?m a kg:Minister ; rdfs:label ?label . FILTER(?label = ?name) }"
    assert values(run_query(source, q, {"name": "Bruno Le Maire"}), "label") == [("Bruno Le Maire",)]


def test_formats(graph):
    res = run_query(graph, "summits")
    doc = json.loads(format_result(res, "json"))
    assert doc["head"]["vars"] == list(res.vars)
    b = doc["results"]["bindings"]
    assert len(b) == 2 and {"type": "literal", "value": "50", "datatype": "http://www.w3.org/2001/XMLSchema#integer"} in [x.get("edition") for x in b]
    text = format_result(res, "csv")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == list(res.vars) and len(rows) == 3
    tsv = format_result(run_query(graph, "entity", {"entity": "France"}), "tsv").splitlines()
    assert tsv[0].split("\t")[0] == "?node" and tsv[1].startswith("<https://w3id.org/kg-news/id/country/FRA>")
    table = format_result(res, "table").splitlines()
    assert table[0].split()[0] == "summit" and set(table[1]) <= {"-", " "} and table[-1] == "(2 rows)"
    assert len({len(line) for line in table[1:2]}) == 1
    cons = run_query(graph, "CONSTRUCT { ?m kg:ministerOf ?c } WHERE { ?m kg:ministerOf ?c }")
    out = format_result(cons, "table")
    assert len(Graph().parse(data=out, format="turtle")) == 1
    ask = run_query(graph, "ASK { ?s a kg:Summit }")
    assert format_result(ask, "table") == "true\n" and json.loads(format_result(ask, "json"))["boolean"] is True


def test_cli_list(capsys):
    assert qmain(["query", "--list"]) == 0
    out = capsys.readouterr().out
    for name in REQUIRED:
        assert name in out
    assert "--param entity=" in out


def test_cli_query_formats(ttl, capsys):
    assert qmain(["query", "ministers", "--graph", str(ttl), "--param", "country=FRA", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("France,Bruno Le Maire")


def test_cli_errors(ttl, tmp_path, capsys):
    assert qmain(["query", "SELECT ?s WHERE {\n  ?s ?p \n}", "--graph", str(ttl)]) == 2
    err = capsys.readouterr().err
    assert "malformed query: line 3, column" in err
    assert qmain(["query", "no-such-query", "--graph", str(ttl)]) == 2
    err = capsys.readouterr().err
    assert "unknown saved query" in err and "ministers" in err and "summits" in err
    assert qmain(["query", "summits", "--graph", str(tmp_path / "missing.ttl")]) == 2
    assert "no such graph file" in capsys.readouterr().err
    assert qmain(["query", "summits", "--store", str(tmp_path / "nostore")]) == 2
    assert "no such store" in capsys.readouterr().err
    assert qmain(["query", "summits", "--store", str(tmp_path)]) == 2
    assert "not a kg store" in capsys.readouterr().err
    assert qmain(["query", "SELECT * WHERE { ?s nope:x ?o }", "--graph", str(ttl)]) == 2
    assert "unknown prefix" in capsys.readouterr().err


def test_timeout_stops_a_runaway_query(ttl, capsys):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with pytest.raises(QueryTimeout, match="stopped after 0.5 s"):
        run_query(ttl, slow, timeout=0.5)
    assert qmain(["query", slow, "--graph", str(ttl), "--timeout", "0.5"]) == 1
    assert "stopped" in capsys.readouterr().err
    assert len(run_query(ttl, "summits", timeout=20)) == 2  # a quick query under a timeout


def test_python_api(graph, ttl):
    import kg

    df = kg.query(ttl, "ministers", country="FRA")
    try:
        import pandas as pd
    except ImportError:
        assert df[0]["minister"] == Literal("Bruno Le Maire")
    else:
        assert isinstance(df, pd.DataFrame)
        assert df.loc[0, "minister"] == "Bruno Le Maire"
    assert kg.query.run_query(graph, "summits").vars[0] == "summit"
    assert kg.query(graph, "ASK { ?s a kg:Minister }") is True


@pytest.mark.model
def test_example_article_summits(example_graph):
    res = run_query(example_graph, "summits")
    assert ("AI Safety Summit", "Royaume-Uni", "Londres") in values(res, "summit", "hostCountry", "hostCity")
