"""kg query: saved queries on both engines, safe parameters, output formats, errors, Python API."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

import _query_data  # noqa: E402

from kg.errors import InputError, UnknownEntityError  # noqa: E402
from kg.sparql import QueryTimeout, format_result, run_query, saved_queries  # noqa: E402
from kg.cli.app import main as qmain  # noqa: E402

KG = "https://w3id.org/kg-news/ontology#"
KGID = "https://w3id.org/kg-news/id/"
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
            assert p.description and p.type in ("literal", "iri", "integer", "date", "entity")
            assert f"?{p.name}" in sq.text.split("WHERE")[0], f"{name}: parameter ?{p.name} must be projected"
    assert saved["entity"].param("entity").required
    assert saved["evidence"].param("predicate").type == "iri"
    assert saved["entity"].param("entity").type == "entity"


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


def test_ministers_says_whether_the_country_is_implied(source, tmp_path):
    """The COP story only implies Bruno Le Maire's country, the G7 story states it: implied alone, stated together."""
    (row,) = run_query(source, "ministers", {"country": "FRA"})
    assert row["implied"].toPython() is False
    cop = to_graph(_query_data.extractions()[1:])
    if not isinstance(source, Graph):
        cop.serialize(tmp_path / "cop.ttl", format="turtle")
        cop = tmp_path / "cop.ttl"
    (row,) = run_query(cop, "ministers")
    assert (str(row["countryName"]), str(row["minister"]), row["implied"].toPython()) == ("France", "Bruno Le Maire", True)
    kept = run_query(cop, "SELECT ?m ?c WHERE { ?a rdf:subject ?m ; rdf:predicate kg:ministerOf ; rdf:object ?c "
                          "FILTER NOT EXISTS { ?a kg:implied true } }")
    assert len(kept) == 0  # the README's filter leaves the implied fact out


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
    assert len(run_query(source, "ministers", {"country": evil})) == 0
    # an entity's name is only words to look up: the last value holds Bruno Le Maire's, the others name nothing
    if evil.startswith("Bruno"):
        assert {str(r["entity"]) for r in run_query(source, "entity", {"entity": evil})} == {KGID + "person/bruno-le-maire"}
    else:
        with pytest.raises(UnknownEntityError):
            run_query(source, "entity", {"entity": evil})


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
    q = "SELECT ?name ?label WHERE { ?m a kg:Minister ; rdfs:label ?label . FILTER(STR(?label) = ?name) }"
    assert values(run_query(source, q, {"name": "Bruno Le Maire"}), "label") == [("Bruno Le Maire",)]
    # labels are tagged @fr: a plain string is another literal, STR() compares the text
    assert len(run_query(source, q.replace("STR(?label)", "?label"), {"name": "Bruno Le Maire"})) == 0
    fr = q.replace("STR(?label) = ?name", '?label = "Bruno Le Maire"@fr')
    assert values(run_query(source, fr), "label") == [("Bruno Le Maire",)]


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
    assert tsv[0].split("\t")[0] == "?entity" and tsv[1].startswith("<https://w3id.org/kg-news/id/country/FRA>")
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


@pytest.mark.integration
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
        assert df[0]["minister"] == Literal("Bruno Le Maire", lang="fr")
    else:
        assert isinstance(df, pd.DataFrame)
        assert df.loc[0, "minister"] == "Bruno Le Maire"
        assert type(df.loc[0, "minister"]) is str and type(df.loc[0, "countryName"]) is str  # @fr labels as text
    assert kg.query.run_query(graph, "summits").vars[0] == "summit"
    assert kg.query(graph, "ASK { ?s a kg:Minister }") is True


@pytest.mark.model
@pytest.mark.model
def test_example_article_summits(example_graph):
    res = run_query(example_graph, "summits")
    assert ("AI Safety Summit", "Royaume-Uni", "Londres") in values(res, "summit", "hostCountry", "hostCity")


# --------------------------------------------------------------------------------------------
# The saved queries are written for speed (README, "Performance"): they must return what the
# straightforward formulations (tests/_query_reference.py) return, on both engines and on a
# store (one named graph per article, the default graph their union).

import random  # noqa: E402

import _query_reference  # noqa: E402
from rdflib import URIRef as _U  # noqa: E402

from kg.rdf.mapping import to_graph  # noqa: E402
from kg.records import Article, Entity, Evidence, Extraction, Relation  # noqa: E402
from kg.store.store import KgStore  # noqa: E402

_CONCATENATED = {"hostCountry", "hostCity", "announcedBy", "place", "about", "during", "role", "portfolio"}


def _corpus() -> list[Extraction]:
    """Eight small articles drawn from shared pools, with the cases the rewrites treat apart: a
    minister of no country, announcements with no agent, summits with no host or dates, a person
    named differently in different articles (two labels in a store, a label and an altLabel in
    one graph), people who are ministers in some articles only, ties in the numbers of mentions."""
    rng = random.Random(7)
    countries = [(f"country/C{i:02d}", f"Pays {i}") for i in range(12)]
    cities = [(f"city/v{i}", f"Ville {i}") for i in range(10)]
    people = [(f"person/p{i}", f"Personne {i}") for i in range(40)]
    summits = [(f"summit/s{i}", f"Sommet {i}") for i in range(8)]
    out = list(_query_data.extractions())
    for n in range(8):
        aid = f"a{n:02d}"

        def ev(k=1, conf=0.9, aid=aid):
            return tuple(Evidence(aid, f"phrase {aid} {rng.randrange(1000)}", s, s + 5, conf)
                         for s in rng.sample(range(0, 900, 7), k))

        ents, rels = [], []
        s0, s1 = rng.sample(summits, 2)
        cs, vs, ps = rng.sample(countries, 3), rng.sample(cities, 2), rng.sample(people, 6)
        ents.append(Entity(s0[0], "Summit", s0[1], (f"{s0[1]} bis",), (("edition", n + 1), ("startDate", f"2024-0{1 + n % 9}-10")), ev(2)))
        ents.append(Entity(s1[0], "Summit", s1[1], (), (), ev(1)))  # no host, no dates
        ents += [Entity(k, "Country", lab, (), (), ev(rng.randint(1, 3))) for k, lab in cs]
        ents += [Entity(k, "City", lab, (), (), ev(1)) for k, lab in vs]
        for j, (k, lab) in enumerate(ps):
            kind = "Minister" if j < 3 else "Person"
            attrs = (("portfolio", f"P{j}"), ("role", f"ministre {j}")) if kind == "Minister" else ()
            ents.append(Entity(k, kind, lab if n % 5 else lab + " Jr", (), attrs, ev(rng.randint(1, 4))))
        ents.append(Entity("person/curie", "Person", "Marie Curie" if n % 2 else "M. Curie", (), (), ev(1)))
        ann = f"announcement/{aid}"
        ents.append(Entity(ann, "Announcement", f"annonce {aid}", (), (("date", f"2024-0{1 + n % 9}-11"), ("summary", f"annonce {aid}")), ev(1)))
        R = lambda s, p, o: rels.append(Relation(s, p, o, ev(rng.randint(1, 2)), 0.8))  # noqa: E731
        R(s0[0], "hostCountry", cs[0][0]); R(s0[0], "hostCity", vs[0][0])
        if n % 3 == 0:
            R(s0[0], "hostCountry", cs[1][0])
        for k, _ in ps[:4] + cs[1:]:
            R(s0[0], "attendee", k)
        R(ps[0][0], "ministerOf", cs[0][0]); R(ps[1][0], "ministerOf", cs[1][0])  # ps[2]: minister of no country
        rels.append(Relation(ps[1][0], "ministerOf", cs[2][0],  # implied in some articles (no draw: the pools stay as they were)
                             (Evidence(aid, f"phrase {aid} implied", 950, 955, 0.6, n % 2 == 0),), 0.6))
        R(ps[3][0], "nationality", cs[2][0]); R("person/curie", "nationality", cs[0][0])
        if n % 4:
            R(ann, "announcedBy", ps[n % 2][0])  # every fourth announcement has no agent
        R(ann, "during", s0[0]); R(ann, "hostCity", vs[1][0]); R(ann, "about", s1[0])
        out.append(Extraction(Article(aid, "x" * 1000, f"2024-0{1 + n % 9}-15", title=f"Titre {aid}"), tuple(ents), tuple(rels)))
    return out


_SUMMIT = next(e.label for ex in _corpus()[2:] for e in ex.entities if e.aliases and e.type == "Summit")  # « Sommet n »
_HOST = next(r.object for ex in _corpus()[2:] for r in ex.relations if r.predicate == "hostCountry")  # country/Cnn
_CASES = {
    "summits": [{}, {"country": "pays " + str(int(_HOST[-2:]))}, {"country": _HOST.split("/")[1].lower()}, {"country": "nowhere"}],
    "attendees": [{}, {"summit": _SUMMIT.lower()}],
    "ministers": [{}, {"country": "Pays 1"}, {"country": "c02"}],
    "announcements": [{}, {"agent": "personne 1"}],
    "entity": [{"entity": "personne 1"}, {"entity": "PAYS 2"}, {"entity": _SUMMIT.upper() + " BIS"}, {"entity": "m. curie"}],
    "evidence": [{"predicate": _U(KG + "ministerOf")}, {"predicate": _U(KG + "ministerOf"), "subject": "personne"},
                 {"subject": "sommet"}, {"subject": "curie"}, {"article": "a03"}, {"article": "a03", "predicate": _U(KG + "hostCity")}, {}],
    "most-mentioned": [{}, {"type": _U(KG + "Country")}, {"type": _U(KG + "Person")}, {"type": _U(KG + "Minister")}],
    "articles": [{}, {"article": "a05"}],
}


@pytest.fixture(scope="module", params=["rdflib", "oxigraph", "store"])
def corpus_source(request, tmp_path_factory):
    exs = _corpus()
    if request.param == "rdflib":
        return to_graph(exs)
    tmp = tmp_path_factory.mktemp("corpus")
    if request.param == "oxigraph":
        path = tmp / "corpus.ttl"
        to_graph(exs).serialize(path, format="turtle")
        return path
    with KgStore.open(tmp / "store") as st:
        st.add_extractions(exs)
    return tmp / "store"


def _cells(row, vars_):
    out = []
    for v in vars_:
        t = row[v]
        if t is None:
            out.append(None)
        elif v in _CONCATENATED:  # GROUP_CONCAT: the order of the names is not defined
            out.append(tuple(sorted(str(t).split(", " if v not in ("role", "portfolio") else "; "))))
        else:
            out.append(t.n3())
    return tuple(out)


@pytest.mark.parametrize("name", sorted(_CASES))
def test_saved_queries_return_what_the_straightforward_queries_return(corpus_source, name):
    for params in _CASES[name]:
        fast = run_query(corpus_source, name, params)
        # the reference matches the entity's name in SPARQL: exact names only, with ?name
        plain = run_query(corpus_source, _query_reference.REFERENCE[name],
                          {"name": params["entity"]} if name == "entity" else params)
        got = [_cells(r, fast.vars) for r in fast]
        want = [_cells(r, fast.vars) for r in plain]
        if name == "most-mentioned":
            # Rows that tie on (mentions, articles, name), such as a store's entity that is both a
            # Person and a Minister, come in either order, and ties at the 50th row either way.
            key = lambda row: (row[0], row[2], row[3])  # noqa: E731 - entity, mentions, articles
            assert [key(r) for r in got] == [key(r) for r in want], (name, params)
            last = key(want[-1]) if len(want) == 50 else None
            assert sorted(r for r in got if key(r) != last) == sorted(r for r in want if key(r) != last)
        else:
            assert got == want, (name, params)
        assert got or params == {"country": "nowhere"}, (name, params)


def test_corpus_covers_the_special_cases(corpus_source):
    ministers = run_query(corpus_source, "ministers")
    assert any(r["countryName"] is None for r in ministers)  # a minister of no country
    assert {r["implied"].toPython() for r in ministers if r["implied"] is not None} == {True, False}
    assert any(r["announcedBy"] is None or str(r["announcedBy"]) == "" for r in run_query(corpus_source, "announcements"))
    assert any(r["hostCountry"] is None and r["startDate"] is None for r in run_query(corpus_source, "summits"))
    assert len(run_query(corpus_source, "most-mentioned")) == 50  # more entities than the top 50


def test_articles_counts_are_written_at_build_time(graph):
    rows = {str(r["articleId"]): (int(r["mentions"]), int(r["assertions"])) for r in run_query(graph, "articles")}
    assert rows == {"g7-2024": (4, 7), "cop28": (5, 5)}
    assert (None, _U(KG + "mentionCount"), None) in graph
