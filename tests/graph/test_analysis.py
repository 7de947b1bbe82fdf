"""The library side of the notebooks: kg.analysis, kg.diff and the inline view of kg.views.

Graphs are built from records (no spaCy): two short articles about a made-up summit that share a
minister, a country and a city, so that merging, diffs and network measures can be checked by hand.
"""

from __future__ import annotations

import html
import re

import networkx as nx
import pytest
from rdflib import RDF, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV

from kg.errors import InputError
from kg.graph import analysis
from kg import views
from kg.graph.diff import graph_diff
from kg.graph.projection import to_networkx
from kg.rdf.mapping import to_graph
from kg.records import Article, Entity, Evidence, Extraction, Relation
from kg.rdf.vocab import KG, entity_iri

S1 = "Le sommet de Lisbonne s’ouvre au Portugal, à Lisbonne."
S2 = "La ministre portugaise de la Mer Ana Sousa a accueilli le ministre « Jo & Co » Rui Costa."
S3 = "Ana Sousa, ministre du Portugal, a annoncé un plan pour les océans."
S4 = "Rui Costa a rejoint l’Organisation des océans."


def ev(art: str, sentence: str, start: int = 0, length: int = 10, conf: float = 0.9) -> tuple[Evidence, ...]:
    return (Evidence(art, sentence, start, start + length, conf),)


def article_one() -> Extraction:
    a = Article("art-1", "…", "2024-03-01", title="Premier")
    ents = (
        Entity("summit/sommet-de-lisbonne", "Summit", "Sommet de Lisbonne", ("sommet",), (("edition", 1),), ev("art-1", S1)),
        Entity("city/lisbonne", "City", "Lisbonne", (), (), ev("art-1", S1, 40)),
        Entity("country/PRT", "Country", "Portugal", ("portugaise",), (), ev("art-1", S1, 30) + ev("art-1", S2, 12)),
        Entity("person/ana-sousa", "Minister", "Ana Sousa", (), (("role", "ministre portugaise de la Mer"),), ev("art-1", S2, 40)),
        Entity("person/rui-costa", "Person", "Rui Costa", (), (), ev("art-1", S2, 70)),
        Entity("org/lonely", "Organization", "Club isolé", (), (), ev("art-1", S1, 5)),
    )
    rels = (
        Relation("summit/sommet-de-lisbonne", "hostCity", "city/lisbonne", ev("art-1", S1, 40), 0.9),
        Relation("summit/sommet-de-lisbonne", "hostCountry", "country/PRT", ev("art-1", S1, 30), 0.9),
        Relation("city/lisbonne", "locatedIn", "country/PRT", ev("art-1", S1, 40), 1.0),
        Relation("person/ana-sousa", "ministerOf", "country/PRT", ev("art-1", S2, 3, 40), 0.9),
        Relation("summit/sommet-de-lisbonne", "attendee", "person/ana-sousa", ev("art-1", S2, 40), 0.6),
        Relation("summit/sommet-de-lisbonne", "attendee", "person/rui-costa", ev("art-1", S2, 70), 0.6),
    )
    return Extraction(a, ents, rels)


def article_two() -> Extraction:
    a = Article("art-2", "…", "2024-03-02")
    ents = (
        Entity("person/ana-sousa", "Minister", "Ana Sousa", ("Mme Sousa",), (), ev("art-2", S3)),
        Entity("country/PRT", "Country", "Portugal", (), (), ev("art-2", S3, 25)),
        Entity("person/rui-costa", "Minister", "Rui Costa", (), (), ev("art-2", S4)),
        Entity("org/oceans", "Organization", "Organisation des océans", (), (), ev("art-2", S4, 20)),
        Entity("announcement/art-2-1", "Announcement", "Un plan pour les océans", (), (("date", "2024-03-02"),), ev("art-2", S3, 40)),
    )
    rels = (
        Relation("person/ana-sousa", "ministerOf", "country/PRT", ev("art-2", S3, 0, 30), 0.9),
        Relation("announcement/art-2-1", "announcedBy", "person/ana-sousa", ev("art-2", S3, 0, 50), 0.8),
        Relation("person/rui-costa", "affiliation", "org/oceans", ev("art-2", S4), 0.8),
    )
    return Extraction(a, ents, rels)


@pytest.fixture(scope="module")
def one() -> Graph:
    return to_graph([article_one()])


@pytest.fixture(scope="module")
def both() -> Graph:
    return to_graph([article_one(), article_two()])


# ---------------------------------------------------------------------------------------------
# entities


def test_entities_by_class_with_mentions_and_articles(both):
    rows = analysis.entities(both)
    assert [r["class"] for r in rows] == ["Summit", "Minister", "Minister", "Country", "City", "Organization",
                                          "Organization", "Announcement"]
    by = {r["label"]: r for r in rows}
    assert [r["label"] for r in rows if r["class"] == "Minister"] == ["Ana Sousa", "Rui Costa"]
    assert by["Portugal"]["mentions"] == 3 and by["Portugal"]["articles"] == ["art-1", "art-2"]
    assert by["Portugal"]["aliases"] == "portugaise"
    assert by["Lisbonne"]["articles"] == ["art-1"]
    assert by["Ana Sousa"]["iri"] == str(entity_iri("person/ana-sousa"))
    assert len(rows) == len(set(both.subjects(RDF.type, None)) - set(both.subjects(RDF.type, KG.Mention))
                            - set(both.subjects(RDF.type, KG.Assertion)) - set(both.subjects(RDF.type, KG.Article)))


def test_entities_named_by_several_articles_are_the_merged_ones(both, one):
    merged = analysis.entities(both, min_articles=2)
    assert sorted(r["label"] for r in merged) == ["Ana Sousa", "Portugal", "Rui Costa"]
    assert analysis.entities(one, min_articles=2) == []


def test_entities_of_a_store(tmp_path, both):
    from kg.store.store import KgStore

    with KgStore.open(tmp_path / "kg") as st:
        st.add_extraction(article_one())
        st.add_extraction(article_two())
        rows = analysis.entities(st)
    assert [(r["label"], r["mentions"], r["articles"]) for r in rows] == [
        (r["label"], r["mentions"], r["articles"]) for r in analysis.entities(both)]


def test_entities_wants_a_graph():
    with pytest.raises(TypeError, match="rdflib Graph or a KgStore"):
        analysis.entities("graph.ttl")


# ---------------------------------------------------------------------------------------------
# one entity with its provenance


def test_entity_graph_holds_the_facts_and_their_evidence(both):
    g = analysis.entity_graph(both, "Mme Sousa")  # found by an alternative name
    ana = entity_iri("person/ana-sousa")
    assert (ana, RDF.type, KG.Minister) in g
    assert (ana, KG.ministerOf, entity_iri("country/PRT")) in g
    assert (entity_iri("summit/sommet-de-lisbonne"), KG.attendee, ana) in g  # relations both ways
    assert (entity_iri("announcement/art-2-1"), KG.announcedBy, ana) in g
    mentions = set(g.subjects(KG.mentionOf, ana))
    assert len(mentions) == 2 and mentions == set(both.subjects(KG.mentionOf, ana))
    assertions = set(g.subjects(RDF.type, KG.Assertion))
    # ministerOf twice (two articles), attendee, announcedBy
    assert len(assertions) == 4
    for node in mentions | assertions:
        assert g.value(node, KG.sentence) is not None and g.value(node, KG.startOffset) is not None
        art = g.value(node, PROV.wasDerivedFrom)
        assert (art, RDF.type, KG.Article) in g
    # nothing about other entities beyond their names
    assert not set(g.subjects(KG.mentionOf, entity_iri("country/PRT")))
    assert set(g.predicate_objects(entity_iri("country/PRT"))) == {
        (URIRef("http://www.w3.org/2000/01/rdf-schema#label"), both.value(entity_iri("country/PRT"),
                                                                            URIRef("http://www.w3.org/2000/01/rdf-schema#label")))}
    Graph().parse(data=g.serialize(format="turtle"), format="turtle")


def test_entity_graph_of_an_unknown_name_lists_the_closest(both):
    with pytest.raises(views.UnknownEntityError, match="Ana Sousa"):
        analysis.entity_graph(both, "Souza")
    # whole words of a name find it, case and accents ignored
    assert isomorphic(analysis.entity_graph(both, "SOUSA"), analysis.entity_graph(both, "Ana Sousa"))
    # words that two entities share: neither is picked behind the reader's back
    with pytest.raises(InputError, match="« oceans » names 2 entities .*« Organisation des océans », « Un plan pour les océans »"):
        analysis.entity_graph(both, "oceans")


# ---------------------------------------------------------------------------------------------
# network analysis


def test_undirected_counts_the_relations_of_each_pair(both):
    U = analysis.undirected(both)
    ana, prt = str(entity_iri("person/ana-sousa")), str(entity_iri("country/PRT"))
    assert U[ana][prt]["weight"] == 1 and U[ana][prt]["relations"] == ["ministerOf"]
    summit, city = str(entity_iri("summit/sommet-de-lisbonne")), str(entity_iri("city/lisbonne"))
    assert U[summit][city]["weight"] == 1
    assert U.number_of_nodes() == views.to_networkx(both).number_of_nodes()
    G = nx.MultiDiGraph()
    G.add_node("a", label="A", **{"class": "City"})
    G.add_node("b", label="B", **{"class": "Country"})
    G.add_edge("a", "b", key="locatedIn")
    G.add_edge("b", "a", key="about")
    G.add_edge("a", "a", key="about")
    U2 = analysis.undirected(G)
    assert U2.number_of_edges() == 1 and U2["a"]["b"]["weight"] == 2 and sorted(U2["a"]["b"]["relations"]) == [
        "about", "locatedIn"]


def _chain() -> nx.MultiDiGraph:
    """A — B — C — D, and E alone."""
    G = nx.MultiDiGraph()
    for n in "ABCDE":
        G.add_node(n, label=f"node {n}", **{"class": "Person"})
    for u, v in ("AB", "BC", "CD"):
        G.add_edge(u, v, key="affiliation", label="affiliated with",
                   evidence=[{"sentence": f"{u} et {v}.", "article": "x"}])
    return G


def test_centrality_puts_the_bridges_first():
    rows = analysis.centrality(_chain())
    assert [r["label"] for r in rows] == ["node B", "node C", "node A", "node D", "node E"]
    by = {r["label"]: r for r in rows}
    assert by["node B"]["degree"] == 2 and by["node E"]["degree"] == 0
    # B lies on the shortest paths A–C and A–D: 2 of the 6 pairs of the other four nodes
    assert by["node B"]["betweenness"] == pytest.approx(2 / 6, abs=1e-4)
    assert by["node A"]["betweenness"] == 0 == by["node E"]["betweenness"]


def test_communities_find_two_groups_joined_by_one_link():
    G = nx.MultiDiGraph()
    left, right = ["l1", "l2", "l3", "l4"], ["r1", "r2", "r3", "r4"]
    for n in left + right + ["alone"]:
        G.add_node(n, label=n.upper())
    for group in (left, right):
        for i, u in enumerate(group):
            for v in group[i + 1:]:
                G.add_edge(u, v, key="about")
    G.add_edge("l1", "r1", key="about")
    groups = analysis.communities(G, seed=1)
    assert [g["community"] for g in groups] == [1, 2]
    assert sorted(sorted(g["nodes"]) for g in groups) == [left, right]
    assert all(g["size"] == 4 and len(g["members"]) == 4 for g in groups)
    assert groups[0]["members"][0] in ("L1", "R1")  # the most connected first
    assert len(analysis.communities(G, seed=1, min_size=1)) == 3
    assert analysis.communities(nx.MultiDiGraph()) == []


def test_path_reads_each_link_with_its_sentence(both):
    steps = analysis.path(both, "Rui Costa", "Portugal")
    assert steps[0]["from"] == "Rui Costa" and steps[-1]["to"] == "Portugal"
    assert all(a["to"] == b["from"] for a, b in zip(steps, steps[1:]))
    assert len(steps) == 2  # Rui Costa ← attendee — Sommet → hostCountry Portugal
    assert steps[0]["direction"] == "←" and steps[0]["relation"] == "attendee"
    assert steps[1]["direction"] == "→" and steps[1]["relation"] == "host country"
    assert steps[0]["sentence"] == S2 and steps[0]["article"] == "art-1"


def test_path_between_unconnected_entities_is_empty(both):
    assert analysis.path(both, "Portugal", "Club isolé") == []
    with pytest.raises(views.UnknownEntityError):
        analysis.path(both, "Portugal", "Atlantide")


# ---------------------------------------------------------------------------------------------
# graph diff


def test_diff_after_adding_an_article(one, both):
    d = graph_diff(one, both)
    assert d and d.articles_added == ["art-2"] and d.articles_removed == []
    assert d.triples_before == len(one) and d.triples_after == len(both)
    ents = {r["label"]: r for r in d.entities}
    assert {n for n, r in ents.items() if r["change"] == "added"} == {"Organisation des océans", "Un plan pour les océans"}
    assert ents["Portugal"]["change"] == "changed" and ents["Portugal"]["details"] == "now also in art-2"
    assert ents["Ana Sousa"]["details"] == "new names: Mme Sousa; now also in art-2"
    assert ents["Rui Costa"]["details"] == "class Person → Minister; now also in art-2"
    assert "Lisbonne" not in ents and "Club isolé" not in ents  # untouched
    rels = {(r["subject"], r["property"], r["object"]): r for r in d.relations}
    confirmed = rels[("Ana Sousa", "ministerOf", "Portugal")]
    assert confirmed["change"] == "confirmed" and confirmed["articles"] == ["art-1", "art-2"]
    assert confirmed["new evidence"] == S3
    assert rels[("Rui Costa", "affiliation", "Organisation des océans")]["change"] == "added"
    assert len(d.relations) == 3
    assert [r["change"] for r in d.entities] == sorted((r["change"] for r in d.entities), key=["added", "changed"].index)
    assert str(d) == ("+1 articles · +2 entities, 3 changed · +2 relations, 1 confirmed · "
                      f"{len(one):,} → {len(both):,} triples")
    assert d._repr_markdown_().startswith("**Graph diff:** +1 articles")


def test_diff_the_other_way_removes(one, both):
    d = graph_diff(both, one)
    assert d.articles_removed == ["art-2"]
    ents = {r["label"]: r for r in d.entities}
    assert ents["Organisation des océans"]["change"] == "removed"
    assert ents["Portugal"]["details"] == "no longer in art-2"
    assert {r["change"] for r in d.relations} == {"removed", "weakened"}


def test_diff_of_equal_graphs_is_empty(one):
    d = graph_diff(one, to_graph([article_one()]))
    assert not d and d.entities == [] and d.relations == []


# ---------------------------------------------------------------------------------------------
# the inline view


def test_inline_view_is_the_page_in_an_iframe(both, tmp_path):
    title = 'Deux articles & "Jo"'
    view = views.inline_view(both, height=450, title=title)
    written = views.render_html(both, tmp_path / "view.html", title=title).read_text(encoding="utf-8")
    assert view.page == written
    frame = view._repr_html_()
    assert frame.startswith('<iframe class="kg-inline-view"') and frame.endswith("></iframe>")
    assert "height: 450px" in frame and 'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"' in frame
    srcdoc = re.fullmatch(r'.* srcdoc="([^"]*)"></iframe>', frame, re.S)
    assert srcdoc, "the page is escaped into one attribute (no raw quote ends it early)"
    assert html.unescape(srcdoc.group(1)) == view.page
    assert '"' in view.page and "&" in view.page  # so the escaping above is tested
    assert 'title="Deux articles &amp; &quot;Jo&quot;"' in frame
    assert "new vis.Network(" in view.page and not re.search(r"<script[^>]+src=", view.page)
    assert "8 entities" in view.page
    saved = view.save(tmp_path / "saved.html")
    assert saved.read_text(encoding="utf-8") == view.page
    assert "Deux articles" in repr(view)


def test_inline_view_of_a_neighbourhood(both):
    view = views.inline_view(both, focus="Club isolé", depth=1)
    assert "1 entity · 0 relations" in view.page
    G = views.to_networkx(both)
    assert "8 entities" in views.inline_view(G).page
    with pytest.raises(views.UnknownEntityError):
        views.inline_view(both, focus="Atlantide")


def test_evidence_of_one_sentence_keeps_one_order_whatever_the_graph_order():
    """Two pieces of evidence of one fact in one sentence (same start, other ends and confidences): the
    projection (and so every view and tooltip) lists them in one order, not in the order the graph's
    store hands the assertions over (which follows the batches a build writes)."""
    a = Article("art-3", "…", "2024-03-03")
    ents = (
        Entity("person/ana-sousa", "Minister", "Ana Sousa", (), (), ev("art-3", S3)),
        Entity("country/PRT", "Country", "Portugal", (), (), ev("art-3", S3, 25)),
    )
    twice = (Evidence("art-3", S3, 0, 30, 0.9), Evidence("art-3", S3, 0, 45, 0.7))
    g = to_graph([Extraction(a, ents, (Relation("person/ana-sousa", "ministerOf", "country/PRT", twice, 0.9),))])
    backwards = Graph()
    for t in reversed(list(g)):
        backwards.add(t)

    def evidence(graph):
        view = to_networkx(graph)
        return [[(r["start"], r["end"], r["confidence"]) for r in d["evidence"]] for *_, d in view.edges(data=True)]

    assert evidence(g) == evidence(backwards) == [[(0, 30, 0.9), (0, 45, 0.7)]]
