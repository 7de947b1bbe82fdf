"""The Oxigraph store: named graph per article, idempotence by content hash, replacement,
locking between processes, export round trips, and the kg build --store hook."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic


import _query_data  # noqa: E402
from _graphs import canon  # noqa: E402

from kg.errors import InputError  # noqa: E402
from kg.rdf.mapping import to_graph  # noqa: E402
from kg.sparql.engine import run_query  # noqa: E402
from kg.cli.app import main as qmain
from kg.store.store import KgStore, graph_iri  # noqa: E402

@pytest.fixture()
def exs():
    return _query_data.extractions()


def quads(st: KgStore) -> int:
    return sum(1 for _ in st.oxigraph)


def test_add_is_idempotent_by_content_hash(tmp_path, exs):
    with KgStore.open(tmp_path / "st") as st:
        assert st.add_extractions(exs) == {"added": 2, "unchanged": 0, "replaced": 0}
        n, q = len(st), quads(st)
        assert st.add_extractions(exs) == {"added": 0, "unchanged": 2, "replaced": 0}
        assert (len(st), quads(st)) == (n, q)
        assert set(st.keys()) == {"g7-2024", "cop28"}
        assert st.keys()["cop28"]["hash"].startswith("sha256:")
        # the default graph is the merge of the articles: each shared fact once
        assert isomorphic(canon(st.to_graph()), canon(to_graph(exs)))


def test_changed_article_replaces_its_own_facts(tmp_path, exs):
    g7, cop = exs
    with KgStore.open(tmp_path / "st") as st:
        st.add_extractions(exs)
        # the new version of cop28 drops its ministerOf relation and the Dubaï city
        cop2 = type(cop)(cop.article, tuple(e for e in cop.entities if e.key != "city/dubai"),
                         tuple(r for r in cop.relations if r.predicate not in ("ministerOf",) and r.object != "city/dubai"))
        assert st.add_extraction(cop2) == "replaced"
        merged = canon(st.to_graph())
        assert isomorphic(merged, canon(to_graph([g7, cop2])))  # no stale triple, no duplicate
        assert (URIRef("https://w3id.org/kg-news/id/city/dubai"), None, None) not in merged
        # ministerOf FRA is still stated by g7-2024, so it stays
        ev = run_query(st, "evidence", {"predicate": "kg:ministerOf"})
        assert [str(r["articleId"]) for r in ev] == ["g7-2024"]
        assert st.add_extraction(cop2) == "unchanged"
        assert st.add_extraction(cop) == "replaced"
        assert isomorphic(canon(st.to_graph()), canon(to_graph(exs)))
        assert st.remove("cop28") and not st.remove("cop28")
        assert isomorphic(canon(st.to_graph()), canon(to_graph([g7])))


def test_store_survives_reopen_and_is_queryable(tmp_path, exs):
    with KgStore.open(tmp_path / "st") as st:
        st.add_extractions(exs)
    with KgStore.open(tmp_path / "st", read_only=True) as st:
        assert len(run_query(st, "summits")) == 2
    assert [str(r["minister"]) for r in run_query(tmp_path / "st", "ministers")] == ["Bruno Le Maire"]


def _open_in_child(path: Path, read_only: bool = False) -> subprocess.CompletedProcess:
    code = textwrap.dedent(f"""
        import sys
        from kg.store.store import KgStore, StoreLockedError
        try:
            KgStore.open({str(path)!r}, read_only={read_only}).close()
        except StoreLockedError as exc:
            print(exc); sys.exit(3)
    """)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


@pytest.mark.integration
def test_second_writer_gets_store_is_locked(tmp_path, exs):
    path = tmp_path / "st"
    with KgStore.open(path) as st:
        st.add_extractions(exs)
        r = _open_in_child(path)
        assert r.returncode == 3 and "store is locked" in r.stdout and "pid" in r.stdout
        r = _open_in_child(path, read_only=True)  # nor can anyone read while it is written
        assert r.returncode == 3 and "store is locked" in r.stdout
        assert len(st) > 0  # the writer is unaffected
    assert _open_in_child(path).returncode == 0  # free again once closed
    with KgStore.open(path, read_only=True):
        assert _open_in_child(path, read_only=True).returncode == 0  # readers share
        assert _open_in_child(path).returncode == 3  # a writer waits for readers


def test_refuses_foreign_folders(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match="not a kg store"):
        KgStore.open(tmp_path)
    with pytest.raises(InputError, match="no kg store"):
        KgStore.open(tmp_path / "none", read_only=True)


@pytest.mark.parametrize("ext,fmt", [(".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld")])
def test_export_round_trips(tmp_path, exs, ext, fmt):
    with KgStore.open(tmp_path / "st") as st:
        st.add_extractions(exs)
    out = tmp_path / f"graph{ext}"
    assert qmain(["export", "--store", str(tmp_path / "st"), "--out", str(out)]) == 0
    assert isomorphic(canon(Graph().parse(out, format=fmt)), canon(to_graph(exs)))


def test_export_trig_keeps_one_graph_per_article(tmp_path, exs):
    with KgStore.open(tmp_path / "st") as st:
        st.add_extractions(exs)
        st.export(tmp_path / "c.trig")
    ds = Dataset()
    ds.parse(tmp_path / "c.trig", format="trig")
    for ex in exs:
        g = ds.graph(graph_iri(ex.article.id))
        assert isomorphic(canon(g), canon(to_graph([ex])))


def test_load_file(tmp_path, exs):
    ttl = tmp_path / "graph.ttl"
    to_graph(exs).serialize(ttl, format="turtle")
    with KgStore.open(tmp_path / "st") as st:
        assert st.load_file(ttl) == "added"
        assert st.load_file(ttl) == "unchanged"
        assert isomorphic(canon(st.to_graph()), canon(to_graph(exs)))


@pytest.mark.integration
def test_build_store_option_refuses_a_locked_store_at_once(tmp_path, exs):
    with KgStore.open(tmp_path / "st") as st:
        st.add_extractions(exs)
    # kg build --store on a store another process writes fails at once, before spaCy loads
    with KgStore.open(tmp_path / "st"):
        code = f"import argparse; from kg.cli.query import add_store_option as a; p = argparse.ArgumentParser(prog='kg build'); a(p); p.parse_args(['--store', {str(tmp_path / 'st')!r}])"
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
        assert r.returncode == 2 and "store is locked" in r.stderr
