"""The store's merged graph is reconciled like the in-memory graph (kg/store/merged.py): the same
graph whatever order the articles arrive in, by transactions or bulk loads, and re-reconciled when
an article is removed or replaced."""

from __future__ import annotations

import itertools
import json

import pytest
from rdflib import RDF, RDFS, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS

from kg.pipeline.config import BuildConfig
from kg.pipeline.results import article_result
from kg.rdf.mapping import to_graph
from kg.rdf.vocab import KG, entity_iri
from kg.store.store import KgStore
from kg.validate.shacl import validate_graph

from _graphs import BARROT, barrot, barrot_articles, canon

NODE = entity_iri(BARROT)


def _check(st: KgStore, exs) -> None:
    """The store's merged graph is the in-memory graph of ``exs`` and conforms to the shapes."""
    got = st.to_graph()
    assert isomorphic(canon(got), canon(to_graph(exs)))
    report = validate_graph(got)
    assert report.conforms, report.format()


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))), ids=str)
def test_any_order_of_transactional_adds_gives_the_in_memory_graph(tmp_path, order):
    exs = barrot_articles()
    with KgStore.open(tmp_path / "st") as st:
        st.add_extractions([exs[i] for i in order])
        _check(st, exs)
        assert [str(o) for o in st.to_graph().objects(NODE, RDFS.label)] == ["Jean-Noël Barrot"]


@pytest.mark.parametrize("batches", [[[0, 1, 2]], [[2, 1, 0]], [[2], [0, 1]], [[1], [2], [0]]], ids=str)
def test_any_order_of_bulk_loads_gives_the_in_memory_graph(tmp_path, batches):
    exs = barrot_articles()
    cfg = BuildConfig()
    with KgStore.open(tmp_path / "st") as st:
        for batch in batches:
            assert st.add_results([article_result(exs[i], cfg) for i in batch])["added"] == len(batch)
        _check(st, exs)


@pytest.mark.parametrize("how", ["transaction", "bulk"])
def test_removing_or_replacing_the_article_that_gave_the_label_reconciles_again(tmp_path, how):
    a, b, c = barrot_articles()
    cfg = BuildConfig()

    def add(st, ex):
        if how == "bulk":
            return st.add_results([article_result(ex, cfg)])
        return st.add_extraction(ex)

    with KgStore.open(tmp_path / "st") as st:
        for ex in (a, b, c):
            add(st, ex)
        assert st.remove("barrot-a")  # the accented label and the Minister class came from it
        _check(st, [b, c])
        g = st.to_graph()
        assert list(g.objects(NODE, RDFS.label)) == [Literal("Jean-Noel Barrot", lang="fr")]
        assert set(g.objects(NODE, SKOS.altLabel)) == {Literal("JEAN-NOEL BARROT", lang="fr")}
        assert set(g.objects(NODE, RDF.type)) == {KG.Person}
        add(st, a)
        _check(st, [a, b, c])
        # the article that gave the label now spells it in capitals and says nothing of a minister
        a2 = barrot("barrot-a", "JEAN-NOËL BARROT")
        add(st, a2)
        _check(st, [a2, b, c])
        assert list(st.to_graph().objects(NODE, RDFS.label)) == [Literal("JEAN-NOËL BARROT", lang="fr")]
        # and another article's label changes: only that article's graph is read again
        b2 = barrot("barrot-b", "Jean-Noël Barrot", "Minister")
        add(st, b2)
        _check(st, [a2, b2, c])
        assert list(st.to_graph().objects(NODE, RDFS.label)) == [Literal("Jean-Noël Barrot", lang="fr")]
        for key in ("barrot-a", "barrot-b", "barrot-c"):
            st.remove(key)
        assert len(st) == 0


def test_a_store_written_before_reconciling_is_reconciled_when_a_writer_opens_it(tmp_path):
    import pyoxigraph as ox

    exs = barrot_articles()
    path = tmp_path / "st"
    with KgStore.open(path) as st:
        st.add_extractions(exs)
        # as kg 0.2.0 left it: the plain union of the article graphs
        for ex in exs:
            for q in st.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(f"https://w3id.org/kg-news/id/graph/{ex.article.id}")):
                st.oxigraph.add(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()))
    marker = json.loads((path / "kg-store.json").read_text())
    del marker["reconciled"]
    (path / "kg-store.json").write_text(json.dumps(marker))
    with KgStore.open(path, read_only=True) as st:
        assert len(list(st.to_graph().objects(NODE, RDFS.label))) == 3  # readers do not write
    with KgStore.open(path) as st:
        _check(st, exs)
    assert json.loads((path / "kg-store.json").read_text())["reconciled"] is True
