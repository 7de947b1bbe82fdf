"""Article ids that differ but slug alike (``Sommet-1``, ``sommet 1``; ``…`` and ``«»``) are
different articles: different named graphs and IRIs, and one never replaces the other."""

from __future__ import annotations

import json
from dataclasses import replace

import pyoxigraph as ox
import pytest
from rdflib import RDF
from rdflib.compare import isomorphic

from kg.errors import KgError
from kg.pipeline.config import BuildConfig
from kg.pipeline.results import article_result, input_hash
from kg.rdf.mapping import to_graph
from kg.rdf.vocab import KG, article_iri
from kg.store.layout import MARKER, META_GRAPH, STORE, content_hash
from kg.store.store import KgStore, graph_iri

from _graphs import canon, synthetic


def renamed(i: int, article_id: str):
    """``synthetic(i)`` as the article ``article_id`` (its evidence too)."""
    ex = synthetic(i)
    ev = lambda evs: tuple(replace(e, article_id=article_id) for e in evs)  # noqa: E731
    return replace(ex, article=replace(ex.article, id=article_id),
                   entities=tuple(replace(e, evidence=ev(e.evidence)) for e in ex.entities),
                   relations=tuple(replace(r, evidence=ev(r.evidence)) for r in ex.relations))


SLUG_ALIKE = [("Sommet-1", "sommet 1"), ("sommet-1", "Sommet-1"), ("…", "«»"), ("Été", "ete")]


@pytest.mark.parametrize("first, second", SLUG_ALIKE)
def test_ids_that_slug_alike_do_not_replace_each_other_across_runs(tmp_path, first, second):
    a, b = renamed(1, first), renamed(2, second)
    with KgStore.open(tmp_path / "st") as st:
        assert st.add_results([article_result(a, BuildConfig())])["added"] == 1
    with KgStore.open(tmp_path / "st") as st:  # a later run
        counts = st.add_results([article_result(b, BuildConfig())])
        assert counts["added"] == 1 and counts["replaced"] == 0
        assert set(st.keys()) == {first, second}
        assert isomorphic(canon(st.to_graph()), canon(to_graph([a, b])))
    assert graph_iri(first) != graph_iri(second) and article_iri(first) != article_iri(second)


@pytest.mark.parametrize("first, second", SLUG_ALIKE)
def test_two_such_articles_in_one_graph_stay_two_articles(first, second):
    g = to_graph([renamed(1, first), renamed(2, second)])
    assert len(set(g.subjects(RDF.type, KG.Article))) == 2


def test_ids_that_are_slugs_keep_their_iris():
    assert str(graph_iri("g7-2023")).endswith("/graph/g7-2023")
    assert str(article_iri("art-3")).endswith("/article/art-3")


def test_an_article_named_meta_leaves_the_bookkeeping_alone(tmp_path):
    with KgStore.open(tmp_path / "st") as st:
        st.add_extraction(renamed(1, "a1"))
        st.add_extraction(renamed(2, "meta"))
        assert graph_iri("meta") != META_GRAPH
        assert set(st.keys()) == {"a1", "meta"} and st.stored_hash("a1") is not None


def test_replacing_happens_only_for_the_same_id(tmp_path):
    with KgStore.open(tmp_path / "st") as st:
        st.add_extraction(renamed(1, "a1"))
        g = ox.NamedNode(str(graph_iri("a1")))
        key = ox.NamedNode(str(STORE.key))
        meta = ox.NamedNode(str(META_GRAPH))
        # a graph recorded as another id's (a hash collision, or a store written otherwise)
        st.oxigraph.remove(ox.Quad(g, key, ox.Literal("a1"), meta))
        st.oxigraph.add(ox.Quad(g, key, ox.Literal("A1"), meta))
        before = set(st.oxigraph)
        with pytest.raises(KgError, match="would replace article 'A1'"):
            st.add_extraction(renamed(2, "a1"))
        with pytest.raises(KgError, match="would replace"):
            st.add_results([article_result(renamed(2, "a1"), BuildConfig())])
        assert set(st.oxigraph) == before


def test_a_store_written_with_slug_iris_is_moved_once_by_a_writer(tmp_path, monkeypatch):
    """Stores of kg <= 0.2.0 named graphs and articles by slug: the first writer renames them."""
    import kg.rdf.ntriples as ntriples
    import kg.rdf.vocab as vocab
    import kg.store.layout as layout

    exs = [renamed(1, "Sommet-1"), renamed(2, "a2"), renamed(3, "…")]
    old_ids = lambda article_id, reserved=frozenset(): vocab.slug(article_id)  # noqa: E731 - kg 0.2.0's
    ntriples._article.cache_clear()
    with monkeypatch.context() as m:
        m.setattr(vocab, "id_path", old_ids)
        m.setattr(layout, "id_path", old_ids)
        with KgStore.open(tmp_path / "old") as st:
            st.add_results([article_result(ex, BuildConfig()) for ex in exs])
            assert str(graph_iri("Sommet-1")).endswith("/graph/sommet-1")
    ntriples._article.cache_clear()  # the N-Triples writer caches article IRIs
    marker = tmp_path / "old" / MARKER
    info = json.loads(marker.read_text())
    marker.write_text(json.dumps({k: v for k, v in info.items() if k != "exact_ids"}))
    cfg = BuildConfig()
    inputs = {ex.article.id: input_hash(ex.article, cfg.model, cfg.min_confidence) for ex in exs}
    with KgStore.open(tmp_path / "old", read_only=True) as st:  # readers leave it as it is
        assert any(str(q.graph_name).endswith("/graph/sommet-1>") for q in st.oxigraph)
    with KgStore.open(tmp_path / "old") as old, KgStore.open(tmp_path / "new") as new:
        new.add_results([article_result(ex, BuildConfig()) for ex in exs])
        # the same store as one built now, but for when each graph was written and how its hash was
        # taken (a bulk load hashes kg's own N-Triples, "0.90"; the move hashes what Oxigraph keeps, "0.9")
        bookkeeping = (str(STORE.modified), str(STORE.contentHash))
        data = lambda st: {q for q in st.oxigraph if q.predicate.value not in bookkeeping}  # noqa: E731
        assert data(old) == data(new)
        for key in ("Sommet-1", "…"):  # the graphs moved
            g = ox.NamedNode(str(graph_iri(key)))
            assert old.stored_hash(key) == content_hash([q.triple for q in old.oxigraph.quads_for_pattern(None, None, None, g)])
        assert {k: old.input_hash(k) for k in old.keys()} == inputs, "a resumed build does not extract them again"
        before = data(old)
        old.add_results([article_result(ex, BuildConfig()) for ex in exs])  # --no-resume: the same facts
        assert data(old) == before
    assert json.loads(marker.read_text())["exact_ids"] is True
