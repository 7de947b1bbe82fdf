"""kg view: the networkx projection, the self-contained page, and the page in headless Chromium.

The graphs are built without spaCy (records → ``kg.mapping.to_graph``). The browser tests open the
generated pages from ``file://`` in Debian's chromium (``apt-get install chromium chromium-driver``)
and read their answers back from the page; they are skipped when /usr/bin/chromium is absent.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import subprocess
import sys

import networkx as nx
import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kg import views
from kg.errors import InputError
from _browser import available
from kg.rdf.mapping import to_graph
from kg.records import Article, Entity, Evidence, Extraction, Relation
from kg.cli.app import main as view_main
from kg.rdf.vocab import KG, entity_iri

S1 = "Le sommet du G7 s’ouvre à Hiroshima, au Japon, du 19 au 21 mai."
S2 = "Le ministre japonais des Affaires étrangères Yoshimasa Hayashi a accueilli ses homologues."
S3 = "Le Japon a annoncé un fonds de 5 milliards de dollars pour l’Ukraine."
S4 = "Le ministre Yoshimasa Hayashi, ministre du Japon, a ouvert la séance."


def _ev(art: str, sentence: str, start: int = 0, conf: float = 0.9, implied: bool = False) -> tuple[Evidence, ...]:
    return (Evidence(art, sentence, start, start + 10, conf, implied=implied),)


def small_extractions() -> list[Extraction]:
    a1 = Article("g7-a", "…", "2023-05-19", "https://news.example.org/g7-a", "Le G7 s’ouvre à Hiroshima")
    a2 = Article("g7-b", "…", "2023-05-20")
    ents = (
        Entity("summit/g7-hiroshima", "Summit", "Sommet du G7 d’Hiroshima", ("G7", "sommet du G7"),
               (("edition", 49), ("endDate", "2023-05-21"), ("startDate", "2023-05-19")), _ev("g7-a", S1)),
        Entity("city/hiroshima", "City", "Hiroshima", (), (), _ev("g7-a", S1, 30)),
        Entity("country/JPN", "Country", "Japon", ("japonais",), (), _ev("g7-a", S1, 40)),
        Entity("person/yoshimasa-hayashi", "Minister", "Yoshimasa Hayashi", ("M. Hayashi",),
               (("portfolio", "Affaires étrangères"), ("role", "ministre japonais des Affaires étrangères")),
               _ev("g7-a", S2)),
        Entity("announcement/g7-a-1", "Announcement", "Un fonds de 5 milliards de dollars pour l’Ukraine", (),
               (("amount", "5 milliards de dollars"), ("date", "2023-05-19"),
                ("summary", "un fonds de 5 milliards de dollars pour l’Ukraine")), _ev("g7-a", S3)),
        Entity("org/g7", "Organization", "G7", (), (), _ev("g7-a", S1)),
        Entity("person/olaf-scholz", "Person", "Olaf Scholz", (), (("role", "chancelier allemand"),), _ev("g7-a", S2)),
    )
    rels = (
        Relation("summit/g7-hiroshima", "hostCity", "city/hiroshima", _ev("g7-a", S1, 30), 0.9),
        Relation("summit/g7-hiroshima", "hostCountry", "country/JPN", _ev("g7-a", S1, 40), 0.9),
        Relation("city/hiroshima", "locatedIn", "country/JPN", _ev("g7-a", S1, 40), 1.0),
        Relation("person/yoshimasa-hayashi", "ministerOf", "country/JPN", _ev("g7-a", S2, 5), 0.9),
        Relation("summit/g7-hiroshima", "attendee", "person/yoshimasa-hayashi", _ev("g7-a", S2, 5), 0.8),
        Relation("announcement/g7-a-1", "announcedBy", "country/JPN", _ev("g7-a", S3), 0.8),
        Relation("announcement/g7-a-1", "during", "summit/g7-hiroshima", _ev("g7-a", S3), 0.7),
        Relation("summit/g7-hiroshima", "attendee", "org/g7", _ev("g7-a", S1), 0.8),
    )
    # a second article restates ministerOf (two sentences, two articles) and adds nationality,
    # a second edge between the same two nodes
    ents2 = (Entity("person/yoshimasa-hayashi", "Minister", "Yoshimasa Hayashi", (), (), _ev("g7-b", S4)),
             Entity("country/JPN", "Country", "Japon", (), (), _ev("g7-b", S4, 30)))
    rels2 = (Relation("person/yoshimasa-hayashi", "ministerOf", "country/JPN", _ev("g7-b", S4, 3), 0.9),
             Relation("person/yoshimasa-hayashi", "nationality", "country/JPN", _ev("g7-b", S4, 3, 0.6, implied=True), 0.6))
    return [Extraction(a1, ents, rels), Extraction(a2, ents2, rels2)]


@pytest.fixture(scope="module")
def graph() -> Graph:
    return to_graph(small_extractions())


@pytest.fixture(scope="module")
def G(graph) -> nx.MultiDiGraph:
    return views.to_networkx(graph)


def iri(key: str) -> str:
    return str(entity_iri(key))


# ── the projection ────────────────────────────────────────────────────────────────────────────


def test_one_node_per_entity_one_edge_per_relation(G, graph):
    assert G.number_of_nodes() == 7
    assert G.number_of_edges() == 9
    # no literal, article, mention or assertion became a node
    for kind in (KG.Mention, KG.Assertion, KG.Article):
        assert not {str(s) for s in graph.subjects(None, kind)} & set(G.nodes)
    assert all(n.startswith("https://w3id.org/kg-news/id/") for n in G.nodes)
    assert not any(re.search(r"/(mention|assertion|article)/", n) for n in G.nodes)
    assert nx.number_of_isolates(G) == 1  # Olaf Scholz is kept, unlinked


def test_node_attributes(G):
    summit = G.nodes[iri("summit/g7-hiroshima")]
    assert summit["class"] == "Summit" and summit["label"] == "Sommet du G7 d’Hiroshima"
    assert summit["aliases"] == ["G7", "sommet du G7"]
    assert summit["startDate"] == "2023-05-19" and summit["endDate"] == "2023-05-21"
    assert summit["dates"] == "2023-05-19 → 2023-05-21" and summit["edition"] == 49
    minister = G.nodes[iri("person/yoshimasa-hayashi")]
    assert minister["class"] == "Minister"
    assert minister["role"] == "ministre japonais des Affaires étrangères"
    assert minister["portfolio"] == "Affaires étrangères"
    ann = G.nodes[iri("announcement/g7-a-1")]
    assert ann["class"] == "Announcement"
    assert (ann["summary"], ann["date"], ann["amount"]) == (
        "un fonds de 5 milliards de dollars pour l’Ukraine", "2023-05-19", "5 milliards de dollars")
    assert G.nodes[iri("country/JPN")]["iso3"] == "JPN"


def test_edge_attributes_carry_the_evidence(G):
    u, v = iri("person/yoshimasa-hayashi"), iri("country/JPN")
    assert set(G[u][v]) == {"ministerOf", "nationality"}  # keyed by property: parallel edges kept apart
    e = G.edges[u, v, "ministerOf"]
    assert e["label"] == "minister of" and e["property"] == "ministerOf" and e["iri"] == str(KG.ministerOf)
    assert e["sentences"] == [S2, S4]
    assert e["articles"] == ["g7-a", "g7-b"]
    assert [r["published"] for r in e["evidence"]] == ["2023-05-19", "2023-05-20"]
    assert G.edges[iri("summit/g7-hiroshima"), iri("city/hiroshima"), "hostCity"]["label"] == "host city"
    assert views.to_networkx(Graph()).number_of_nodes() == 0
    assert views.to_networkx(to_graph(small_extractions()), lang="fr").edges[u, v, "ministerOf"]["label"] == "ministre de"


def test_nodes_carry_their_mentions_with_their_articles(G):
    # an entity without relations can be traced too
    (m,) = G.nodes[iri("person/olaf-scholz")]["mentions"]
    assert (m["sentence"], m["article"], m["published"], m["title"], m["url"]) == (
        S2, "g7-a", "2023-05-19", "Le G7 s’ouvre à Hiroshima", "https://news.example.org/g7-a")
    assert (m["start"], m["end"], m["confidence"]) == (0, 10, 0.9)
    japan = G.nodes[iri("country/JPN")]["mentions"]
    assert [(r["article"], r["sentence"]) for r in japan] == [("g7-a", S1), ("g7-b", S4)]
    assert japan[1]["title"] == "" and japan[1]["url"] == ""  # the second article has neither
    ev = G.edges[iri("person/yoshimasa-hayashi"), iri("country/JPN"), "ministerOf"]["evidence"]
    assert [r["title"] for r in ev] == ["Le G7 s’ouvre à Hiroshima", ""]


def test_a_node_with_several_classes_gets_the_most_specific():
    g = Graph()
    minister, summit = URIRef("https://example.org/m"), URIRef("https://example.org/s")
    for node, classes in ((minister, ("Person", "Minister")), (summit, ("Summit", "Event"))):
        g.add((node, RDFS.label, Literal(str(node)[-1])))
        for c in classes:
            g.add((node, RDF.type, KG[c]))
    H = views.to_networkx(g)
    assert H.nodes[str(minister)]["class"] == "Minister"
    assert H.nodes[str(summit)]["class"] == "Summit"


def test_focus_neighbourhood_and_suggestions(G):
    (centre,) = views.find_entities(G, "yoshimasa hayashi")  # case-insensitive
    assert views.find_entities(G, "M. Hayashi") == [centre]  # an alias
    assert views.find_entities(G, "HAYASHI") == [centre]  # whole words of the name
    one = views.neighbourhood(G, [centre], 1)
    assert set(one) == {centre, iri("country/JPN"), iri("summit/g7-hiroshima")}
    assert iri("person/olaf-scholz") not in views.neighbourhood(G, [centre], 3)
    with pytest.raises(views.UnknownEntityError) as err:
        views.find_entities(G, "Yoshimasa Hayash")
    assert err.value.suggestions[0] == "Yoshimasa Hayashi"
    assert "Yoshimasa Hayashi" in str(err.value)


def test_page_is_self_contained(tmp_path, graph):
    out = views.render_html(graph, tmp_path / "v.html", title="G7")
    page = out.read_text(encoding="utf-8")
    assert "vis.Network" in page and "<title>G7</title>" in page
    # nothing loaded from the network: no script/link/img with an http(s) or protocol-relative URL
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", page, re.I)
    assert tags and not [t for t in tags if re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", t, re.I)]
    assert not re.search(r"@import|cdnjs|jsdelivr|unpkg", page)
    # the same graph gives the same page
    assert views.render_html(graph, tmp_path / "w.html", title="G7").read_text(encoding="utf-8") == page


def test_query_select_result_shows_the_named_entities(graph):
    from kg.sparql import QueryResult, Row
    from rdflib import Literal

    vars_ = ("summit", "attendee")
    rows = [Row((Literal("Sommet du G7 d’Hiroshima"), Literal("G7")), vars_),
            Row((URIRef(iri("summit/g7-hiroshima")), Literal("yoshimasa hayashi")), vars_)]
    Q = views.query_networkx(graph, QueryResult("select", vars_, rows))
    assert set(Q) == {iri("summit/g7-hiroshima"), iri("org/g7"), iri("person/yoshimasa-hayashi")}
    assert Q.number_of_edges() == 2
    with pytest.raises(InputError):
        views.query_networkx(graph, QueryResult("ask", boolean=True))


# ── the command ───────────────────────────────────────────────────────────────────────────────


def test_cli_view_writes_page(tmp_path, graph, capsys):
    ttl = tmp_path / "graph.ttl"
    ttl.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    assert view_main(["view", str(ttl)]) == 0
    assert (tmp_path / "graph.html").is_file()
    out = tmp_path / "focus.html"
    assert view_main(["view", str(ttl), "--focus", "Hiroshima", "--depth", "1", "--out", str(out)]) == 0
    assert "neighbourhood of « Hiroshima »" in out.read_text(encoding="utf-8")


def test_cli_unknown_focus_offers_closest_names(tmp_path, graph, capsys):
    ttl = tmp_path / "graph.ttl"
    ttl.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    assert view_main(["view", str(ttl), "--focus", "Hayasi", "--out", str(tmp_path / "x.html")]) == 2
    err = capsys.readouterr().err
    assert "no entity named « Hayasi »" in err and "« Yoshimasa Hayashi »" in err
    assert not (tmp_path / "x.html").exists()


def test_cli_bad_turtle_exits_2_with_the_parser_message(tmp_path, capsys):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix kg: <https://w3id.org/kg-news/ontology#> .\nkg:a kg:b .\n", encoding="utf-8")
    assert view_main(["view", str(bad), "--out", str(tmp_path / "v.html")]) == 2
    err = capsys.readouterr().err
    assert "bad.ttl: cannot parse the graph" in err and "Bad syntax" in err and "line 2" in err
    assert view_main(["view", str(tmp_path / "missing.ttl")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_cli_query_view(tmp_path, graph):
    pytest.importorskip("kg.store", reason="kg.query needs kg.store (being written alongside)")
    ttl = tmp_path / "graph.ttl"
    ttl.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    out = tmp_path / "q.html"
    assert view_main(["view", "--query", "attendees", "--graph", str(ttl), "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "3 entities · 2 relations" in page
    assert 'id="kg-empty"' not in page  # a query view that draws entities does not call itself empty
    # a query whose rows name no entity says so
    none = tmp_path / "none.html"
    assert view_main(["view", "--query", 'SELECT ?x WHERE { VALUES ?x { "nobody" "nothing" } }', "--graph", str(ttl),
                      "--out", str(none)]) == 0
    assert '<div id="kg-empty">The query returned 2 row(s) but names no entity of the graph.</div>' in none.read_text(encoding="utf-8")


def test_main_cli_has_view_when_registered(tmp_path, capsys):
    from kg.cli import app as cli

    parser = cli._parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if "view" not in sub.choices:
        pytest.skip("kg/cli.py does not register `kg view` yet")
    assert cli.main(["view", "--ontology", "--out", str(tmp_path / "onto.html")]) == 0
    bad = tmp_path / "bad.ttl"
    bad.write_text("kg:a kg:b .\n", encoding="utf-8")
    assert cli.main(["view", str(bad)]) == 2
    assert "cannot parse the graph" in capsys.readouterr().err


# ── in the browser ────────────────────────────────────────────────────────────────────────────

needs_chromium = pytest.mark.skipif(available() is not None, reason=f"no headless browser: {available()}")


@pytest.fixture(scope="module")
def driver():
    from _browser import chromium

    with chromium(1280, 800) as d:
        yield d


def _open(driver, path):
    from _browser import console_errors, open_view

    open_view(driver, path)
    return console_errors(driver)


def _node_xy(driver, node: str) -> tuple[float, float]:
    """Where a node is drawn, in the page's coordinates."""
    return tuple(driver.execute_script(
        "var id = arguments[0], p = kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id]);"
        "var r = document.getElementById('mynetwork').getBoundingClientRect(); return [p.x + r.left, p.y + r.top];", node))


def _hover(driver, node: str):
    """Move the real pointer onto a node (as a user does) and return the tooltip element once shown."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    x, y = _node_xy(driver, node)
    body = driver.find_element("tag name", "body")
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()  # closes the tooltip already open, if any
    tip = driver.find_element("id", "kg-tip")
    assert not tip.is_displayed()
    ActionChains(driver).move_to_element_with_offset(body, int(x - body.rect["width"] / 2),
                                                     int(y - body.rect["height"] / 2)).perform()
    WebDriverWait(driver, 5).until(lambda d: tip.is_displayed())
    return tip


@contextlib.contextmanager
def _loopback_site(body: bytes):
    """A web server on 127.0.0.1 answering every GET with ``body``; yields its base URL."""
    import http.server
    import threading

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.mark.browser
@pytest.mark.integration
@needs_chromium
def test_view_in_chromium(tmp_path, driver, graph, G):
    out = views.render_html(graph, tmp_path / "v.html")
    assert _open(driver, out) == []
    js = driver.execute_script
    # what vis-network holds and draws equals the networkx graph
    assert js("return [kgNodes.length, kgEdges.length]") == [G.number_of_nodes(), G.number_of_edges()]
    assert sorted(js("return kgNetwork.body.nodeIndices")) == sorted(G.nodes)
    assert len(js("return kgNetwork.body.edgeIndices")) == G.number_of_edges()
    positions = js("return kgNetwork.getPositions()")
    assert set(positions) == set(G.nodes)
    assert js("return kgNetwork.physics.options.enabled") is False  # frozen once laid out
    # nothing was fetched: the page and nothing else
    assert js("return performance.getEntriesByType('resource').length") == 0
    # the legend lists the classes present
    legend = [e.text for e in driver.find_elements("css selector", "#kg-legend .kg-legend-name")]
    assert legend == ["Summit", "Minister", "Person", "Country", "City", "Organization", "Announcement"]
    # search by name, through the form
    box = driver.find_element("id", "kg-search")
    box.send_keys("hiroshima")
    driver.find_element("css selector", "#kg-search-form button").click()
    assert js("return kgNetwork.getSelectedNodes()") == [iri("city/hiroshima")]
    assert driver.find_element("id", "kg-search-result").text.startswith("Hiroshima")
    assert js("return kgSearch('japon')") == [iri("country/JPN")]
    assert js("return kgSearch('nobody')") == [] and driver.find_element("id", "kg-search-result").text == "no match"
    # tooltips: the edge shows its sentences and articles, the node its attributes
    edge_id = js("return kgEdges.get({filter: function (e) { return e.prop === 'ministerOf'; }})[0].id")
    tip = js("return kgShowTip(arguments[0])", edge_id)
    assert S2 in tip and S4 in tip and "g7-a" in tip and "g7-b" in tip and "minister of" in tip
    assert "implied" not in tip
    edge_id = js("return kgEdges.get({filter: function (e) { return e.prop === 'nationality'; }})[0].id")
    assert "implied: inferred from the story" in js("return kgShowTip(arguments[0])", edge_id)  # kg:implied
    tip = js("return kgShowTip(arguments[0])", iri("announcement/g7-a-1"))
    assert "5 milliards de dollars" in tip and "2023-05-19" in tip and "Announcement" in tip
    # Escape closes the tooltip (it takes the pointer, for its links)
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    assert driver.find_element("id", "kg-tip").is_displayed()
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    assert not driver.find_element("id", "kg-tip").is_displayed()
    # filter by class: untick Country in the legend
    driver.find_element("css selector", "#kg-legend input[data-class=Country]").click()
    assert js("return kgNodes.get({filter: function (n) { return n.hidden; }}).map(function (n) { return n.id; })") == [iri("country/JPN")]
    assert _open(driver, out) == []  # and still no console error


@pytest.mark.browser
@pytest.mark.integration
@needs_chromium
def test_empty_graph_page_says_so(tmp_path, driver):
    out = views.render_html(Graph(), tmp_path / "empty.html")
    assert _open(driver, out) == []
    assert "no entities" in driver.find_element("id", "kg-empty").text
    assert driver.execute_script("return kgNodes.length") == 0


@pytest.mark.browser
@pytest.mark.integration
@needs_chromium
def test_ontology_view_in_chromium(tmp_path, driver):
    out = views.ontology_view(tmp_path / "onto.html")
    assert _open(driver, out) == []
    ids = set(driver.execute_script("return kgNodes.getIds()"))
    assert {str(KG[c]) for c in ("Summit", "Minister", "Country", "Announcement", "Mention")} <= ids
    props = set(driver.execute_script("return kgEdges.map(function (e) { return e.prop; })"))
    assert {"ministerOf", "hostCountry", "nextEdition", "subClassOf"} <= props


@pytest.mark.browser
@pytest.mark.integration
@needs_chromium
def test_big_graph_is_interactive_quickly(tmp_path, driver):
    """500 entities / 1,250 relations: laid out in Python and drawn without physics (the benchmark
    measures 2,000 / 5,000)."""
    import random

    rng = random.Random(3)
    art = Article("big", "", "2024-01-01")
    ents = tuple(Entity(f"person/p{i}", "Person", f"Personne {i}", (), (), _ev("big", f"P{i}.")) for i in range(500))
    pairs = set()
    while len(pairs) < 1250:
        a, b = rng.randrange(500), rng.randrange(500)
        if a != b:
            pairs.add((a, b))
    rels = tuple(Relation(f"person/p{a}", "affiliation", f"person/p{b}", _ev("big", "S."), 0.9) for a, b in sorted(pairs))
    out = views.render_html(to_graph([Extraction(art, ents, rels)]), tmp_path / "big.html")
    from _browser import open_view

    ms = open_view(driver, out)
    assert driver.execute_script("return [kgNodes.length, kgEdges.length]") == [500, 1250]
    assert ms < 3000


@pytest.mark.browser
@pytest.mark.integration
@needs_chromium
def test_hovering_a_node_shows_its_mentions(tmp_path, driver, graph):
    out = views.render_html(graph, tmp_path / "v.html")
    assert _open(driver, out) == []
    tip = _hover(driver, iri("person/yoshimasa-hayashi"))
    assert S2 in tip.text and S4 in tip.text and "Le G7 s’ouvre à Hiroshima" in tip.text and "2023-05-20" in tip.text
    # the name is highlighted in each sentence
    marks = [m.text for m in tip.find_elements("css selector", ".kg-tip-sent mark")]
    assert marks == ["Yoshimasa Hayashi", "Yoshimasa Hayashi"]
    # the article with a URL is a link that opens in a new tab; the other is text
    (link,) = tip.find_elements("css selector", "a")
    assert (link.text, link.get_attribute("href"), link.get_attribute("target")) == (
        "Le G7 s’ouvre à Hiroshima", "https://news.example.org/g7-a", "_blank")
    assert "noopener" in link.get_attribute("rel").split()
    # an entity without relations can be traced too: its mention and article
    tip = _hover(driver, iri("person/olaf-scholz"))
    assert "links: 0" in tip.text and S2 in tip.text and "Le G7 s’ouvre à Hiroshima" in tip.text
    assert _hover(driver, iri("country/JPN")).find_elements("css selector", "mark")[0].text == "Japon"
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert _open(driver, out) == []


@pytest.mark.browser
@pytest.mark.integration
@needs_chromium
def test_clicking_an_article_link_opens_the_article(tmp_path, driver):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.ui import WebDriverWait

    with _loopback_site(b"<!DOCTYPE html><title>the article</title><p>text</p>") as site:
        url = f"{site}/articles/g7?id=1"
        art = Article("g7", "", "2023-05-19", url, "Le sommet du G7")
        said = tuple(Evidence("g7", f"Olaf Scholz a dit {i}.", 10 * i, 10 * i + 11, 0.9) for i in range(4))
        ents = (Entity("person/olaf-scholz", "Person", "Olaf Scholz", (), (), said),
                *(Entity(f"country/C{i}", "Country", f"Pays {i}", (), (), _ev("g7", f"Pays {i}.")) for i in range(8)))
        rels = tuple(Relation("person/olaf-scholz", "nationality", f"country/C{i}", _ev("g7", "S."), 0.9) for i in range(8))
        out = views.render_html(to_graph([Extraction(art, ents, rels)]), tmp_path / "v.html")
        assert _open(driver, out) == []
        view = driver.current_window_handle
        tip = _hover(driver, iri("person/olaf-scholz"))
        # three of the four sentences, the fourth counted
        assert [m.text for m in tip.find_elements("css selector", "mark")] == ["Olaf Scholz"] * 3
        assert tip.find_element("css selector", ".kg-tip-more").text == "and 1 more sentence · 1 article in all"
        link = tip.find_elements("css selector", "a")[-1]
        # the pointer leaves the node for the canvas (upwards, between two edges), then crosses to the
        # tooltip, which stays a moment for it, and clicks its link
        x, y = _node_xy(driver, iri("person/olaf-scholz"))
        to_x, to_y = link.rect["x"] + link.rect["width"] / 2, link.rect["y"] + link.rect["height"] / 2
        driver.execute_script("kgNetwork.on('blurNode', function () { window.blurred = true; })")
        moves = ActionChains(driver, duration=0)
        path = [(x, y - 15 * i) for i in range(1, 4)]  # 45 px up: off the node
        path += [(x + (to_x - x) * i / 6, y - 45 + (to_y - y + 45) * i / 6) for i in range(1, 7)]
        at = (x, y)
        for px, py in path:
            moves.move_by_offset(round(px) - round(at[0]), round(py) - round(at[1])).pause(0.01)
            at = (round(px), round(py))
        moves.pause(0.8).perform()  # longer than a tooltip left for the canvas stays
        assert driver.find_element("id", "kg-tip").is_displayed()
        assert driver.execute_script("return window.blurred") is True  # the pointer did leave the node
        ActionChains(driver).click().perform()
        WebDriverWait(driver, 10).until(lambda d: len(d.window_handles) == 2)
        (tab,) = set(driver.window_handles) - {view}
        driver.switch_to.window(tab)
        WebDriverWait(driver, 10).until(lambda d: d.title == "the article")
        assert driver.current_url == url
        assert driver.execute_script("return window.opener") is None  # rel=noopener
        driver.close()
        driver.switch_to.window(view)


@pytest.mark.browser
@pytest.mark.integration
@needs_chromium
def test_query_views_say_empty_only_when_they_are(tmp_path, driver, graph):
    pytest.importorskip("kg.store", reason="kg.query needs kg.store")
    ttl = tmp_path / "graph.ttl"
    ttl.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    out, none = tmp_path / "q.html", tmp_path / "none.html"
    assert view_main(["view", "--query", "ministers", "--graph", str(ttl), "--out", str(out)]) == 0
    assert _open(driver, out) == []
    assert driver.execute_script("return kgNodes.length") >= 2
    assert driver.find_elements("id", "kg-empty") == []
    assert view_main(["view", "--query", 'SELECT ?x WHERE { VALUES ?x { "nobody" } }', "--graph", str(ttl),
                      "--out", str(none)]) == 0
    assert _open(driver, none) == []
    assert driver.execute_script("return kgNodes.length") == 0
    assert driver.find_element("id", "kg-empty").text == "The query returned 1 row(s) but names no entity of the graph."


@pytest.mark.browser
@pytest.mark.integration
@needs_chromium
def test_names_are_text_not_markup(tmp_path, driver):
    """Names, sentences, article titles and URLs are hostile input: shown as text, never run or fetched."""
    evil = "</script><script>window.pwned = 1</script><img src=x onerror=window.pwned=2>"
    art = Article("x", "", "2024-01-01", "javascript:window.pwned=3", evil)
    art2 = Article("y<img src=x onerror=window.pwned=4>", "", "2024-01-02",
                   'https://example.org/"><img/src=x/onerror=window.pwned=5>', "<b onmouseover=window.pwned=6>t</b>")
    ents = (Entity("person/evil", "Person", evil, (evil,), (("role", evil),), _ev("x", evil + " a parlé.")),
            Entity("country/FRA", "Country", "France", (), (), _ev("x", "France.")))
    ents2 = (Entity("person/evil", "Person", evil, (), (), _ev(art2.id, f"Selon {evil}, <iframe src=x></iframe>")),)
    rels = (Relation("person/evil", "nationality", "country/FRA", _ev("x", evil), 0.9),)
    graph = to_graph([Extraction(art, ents, rels), Extraction(art2, ents2, ())])
    out = views.render_html(graph, tmp_path / "evil.html", title=evil)
    assert _open(driver, out) == []
    js = driver.execute_script
    assert js("return [kgNodes.length, kgEdges.length, window.pwned === undefined]") == [2, 1, True]
    assert evil in js("return kgShowTip(arguments[0])", iri("person/evil"))
    tip = _hover(driver, iri("person/evil"))  # hovered for real, tooltip drawn
    assert f"{evil} a parlé." in tip.text and "<b onmouseover=window.pwned=6>t</b>" in tip.text
    assert [m.text for m in tip.find_elements("css selector", "mark")] == [evil, evil]
    # only the http(s) URL became a link; the javascript: one is not a link at all
    hrefs = [a.get_attribute("href") for a in tip.find_elements("css selector", "a")]
    assert hrefs == ["https://example.org/%22%3E%3Cimg/src=x/onerror=window.pwned=5%3E"]
    assert evil in js("return kgShowTip(arguments[0])", js("return kgEdges.getIds()[0]"))
    assert js("return window.pwned === undefined && document.images.length === 0 "
              "&& document.querySelectorAll('#kg-tip iframe, #kg-tip b, #kg-tip script').length === 0")
    assert js("return performance.getEntriesByType('resource').length") == 0  # nothing fetched
    assert _open(driver, out) == []


@pytest.mark.integration
def test_the_page_template_ships_in_the_wheel(tmp_path):
    """The page's template is package data: a view renders from a wheel installed away from the checkout."""
    from _wheel import build_wheel, install_wheel

    wheel, _log = build_wheel(tmp_path)
    site = install_wheel(wheel, tmp_path / "site")
    code = "import kg, kg.views as v; from rdflib import Graph; print(kg.__file__); v.render_html(Graph(), 'view.html')"
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                         env={**os.environ, "PYTHONPATH": str(site)})
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str(site / "kg" / "__init__.py")  # the wheel's kg, not the checkout's
    page = (tmp_path / "view.html").read_text(encoding="utf-8")
    assert "window.kgReady" in page and "This graph has no entities to show." in page


def test_view_help_explains_the_tooltips_and_every_option(capsys):
    """kg view --help says what hovering shows (with the numbers the page uses) and names every option."""
    from kg.cli import view as view_cli
    from kg.views.tooltips import EVIDENCE_SHOWN, MENTIONS_SHOWN

    with pytest.raises(SystemExit) as done:
        view_main(["view", "--help"])
    assert done.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    assert f"up to {MENTIONS_SHOWN} of its mentions" in text and f"up to {EVIDENCE_SHOWN} sentences that state the relation" in text
    for shown in ("the sentence with the entity's names highlighted", "the article's title, date and id",
                  "http(s) URL is a link that opens it in a new tab", "pins its tooltip", "Escape"):
        assert shown in text, shown
    parser = argparse.ArgumentParser()
    options = {o for a in view_cli.register(parser.add_subparsers())._actions for o in a.option_strings} - {"-h", "--help"}
    assert options and all(o in text for o in options)
