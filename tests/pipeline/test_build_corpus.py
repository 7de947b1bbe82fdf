"""Corpus-scale builds (kg/pipeline: build_corpus, chunks, executors, writer, sinks, run_build):
resume skips by input hash, batches are handed over early when the writer is idle, sinks write
loadable output, memory zones keep the vocabulary flat, and every executor (1 process,
2 processes, a Dask LocalCluster) builds the same graph."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.pipeline.build import build_corpus
from kg.pipeline.config import GC_THRESHOLDS, BuildConfig, fewer_collections
from kg.pipeline.results import BuildStats, article_result, input_hash
from kg.pipeline.sinks import GraphStoreSink, NQuadsSink, StoreSink
from kg.rdf.mapping import to_graph
from kg.records import Article, Extraction
from kg.store.store import META_GRAPH, KgStore, content_hash, graph_iri

from _graphs import canon, synthetic  # tests/_graphs.py (pytest puts tests/ on sys.path)

def test_input_hash_covers_what_the_triples_depend_on():
    a = Article("a", "texte", "2024-01-01", title="t")
    h = input_hash(a, "md", 0.0)
    assert h == input_hash(Article("a", "texte", "2024-01-01", title="t", source="elsewhere"), "md", 0.0)
    for other in (Article("a", "texte!", "2024-01-01", title="t"), Article("a", "texte", "2024-01-02", title="t"),
                  Article("a", "texte", "2024-01-01", title="u"), Article("b", "texte", "2024-01-01", title="t")):
        assert input_hash(other, "md", 0.0) != h
    assert input_hash(a, "sm", 0.0) != h and input_hash(a, "md", 0.5) != h


# ── other sinks ───────────────────────────────────────────────────────────────────────────────


def test_nquads_sink_writes_loadable_parts(tmp_path):
    import pyoxigraph as ox

    exs = [synthetic(i) for i in range(4)]
    sink = NQuadsSink(tmp_path / "nq")
    sink.write([article_result(ex, BuildConfig()) for ex in exs[:2]])
    sink.write([article_result(ex, BuildConfig()) for ex in exs[2:]])
    assert sorted(p.name for p in (tmp_path / "nq").iterdir()) == ["part-000001.nq", "part-000002.nq"]
    assert NQuadsSink(tmp_path / "nq").part == 3  # a later build adds parts, never overwrites
    store = ox.Store()
    for p in sorted((tmp_path / "nq").iterdir()):
        store.bulk_load(path=str(p), format=ox.RdfFormat.N_QUADS)
    for ex in exs:
        lines = (f"{q.subject} {q.predicate} {q.object} .\n" for q in store.quads_for_pattern(None, None, None, ox.NamedNode(str(graph_iri(ex.article.id)))))
        assert isomorphic(canon(Graph().parse(data="".join(lines), format="nt")), canon(to_graph([ex])))


@pytest.mark.integration
def test_graph_store_sink_puts_each_article_to_a_real_oxigraph_server(tmp_path):
    import socket
    import time
    import urllib.request

    from kg.serve.server import find_oxigraph, free_port

    try:
        binary = find_oxigraph()
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"no oxigraph server: {exc}")
    port = free_port()
    proc = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "oxigraph server did not start"
                time.sleep(0.2)
        exs = [synthetic(i) for i in range(3)]
        sink = GraphStoreSink(f"http://127.0.0.1:{port}/store")
        assert sink.write([article_result(ex, BuildConfig()) for ex in exs])["added"] == 3
        changed = synthetic(1, variant=" Encore.")
        sink.write([article_result(changed, BuildConfig())])  # PUT replaces the article's graph
        q = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
        req = urllib.request.Request(f"http://127.0.0.1:{port}/query", data=q.encode(),
                                     headers={"Content-Type": "application/sparql-query", "Accept": "application/n-triples"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            got = Graph().parse(data=resp.read().decode(), format="nt")
        assert isomorphic(canon(got), canon(to_graph([exs[0], changed, exs[2]])))
        from kg.errors import KgError

        with pytest.raises(KgError, match="graph store"):
            GraphStoreSink(f"http://127.0.0.1:{port}/no-such-endpoint").write([article_result(exs[0], BuildConfig())])
    finally:
        proc.terminate()
        proc.wait(timeout=30)


# ── build_corpus: streaming, batches, resume (spaCy replaced by records, to stay fast) ────────


def fake_extraction(a: Article) -> Extraction:
    """What the fake pipeline extracts from article ``art-<i>``: synthetic(i), its text as variant."""
    ex = synthetic(int(a.id.split("-")[1]), variant=a.text)
    return Extraction(a, ex.entities, ex.relations)


@pytest.fixture()
def fake_pipeline(monkeypatch):
    """process_chunk without spaCy: article art-<i> gives synthetic(i) (with its text's variant)."""
    import kg.nlp.pipeline
    import kg.pipeline.executors

    seen: list[str] = []

    def fake_chunk(articles, config, mode="records"):
        out = []
        for a in articles:
            seen.append(a.id)
            ex = fake_extraction(a)
            out.append(ex if mode == "records" else article_result(ex, config))
        return out

    monkeypatch.setattr(kg.pipeline.executors, "process_chunk", fake_chunk)
    monkeypatch.setattr(kg.pipeline.executors, "_handoff", lambda config, mode: False)  # no second process with spaCy in it
    monkeypatch.setattr(kg.nlp.pipeline, "load_pipeline", lambda model="md": None)
    return seen


def test_build_corpus_streams_in_batches_and_resumes_by_input_hash(tmp_path, fake_pipeline):
    arts = [Article(f"art-{i}", f" v{i}", "2024-06-01") for i in range(10)]
    cfg = BuildConfig(chunk_size=3)
    writes: list[int] = []

    class Counting(StoreSink):
        def write(self, results):
            writes.append(len(results))
            return super().write(results)

    with KgStore.open(tmp_path / "st") as st:
        stats = build_corpus(iter(arts[:6]), [Counting(st)], BuildConfig(chunk_size=3, batch_triples=100), resume=st.input_hash)
        assert (stats.articles, stats.resumed, stats.added) == (6, 0, 6)
        assert len(writes) > 1 and sum(writes) == 6  # several batches, each article once
        assert stats.triples == sum(article_result(fake_extraction(a), cfg).triples for a in arts[:6])
        # restarted on the whole corpus with one article changed: only the new and changed ones are extracted
        fake_pipeline.clear()
        arts[4] = Article("art-4", " v4 changed", "2024-06-01")
        stats = build_corpus(iter(arts), [StoreSink(st)], cfg, resume=st.input_hash)
        assert fake_pipeline == ["art-4", "art-6", "art-7", "art-8", "art-9"]
        assert (stats.articles, stats.resumed, stats.added, stats.replaced) == (5, 5, 4, 1)
        assert isomorphic(canon(st.to_graph()), canon(to_graph([fake_extraction(a) for a in arts])))
        # nothing left to do: no pipeline is loaded, nothing is written
        fake_pipeline.clear()
        stats = build_corpus(iter(arts), [StoreSink(st)], cfg, resume=st.input_hash)
        assert fake_pipeline == [] and (stats.articles, stats.resumed) == (0, 10)


def test_batches_are_handed_over_early_when_the_writer_is_idle(tmp_path, fake_pipeline):
    arts = [Article(f"art-{i}", f" v{i}", "2024-06-01") for i in range(8)]
    writes: list[int] = []

    class Recording:
        def write(self, results):
            writes.append(len(results))
            return {"added": len(results), "loaded": sum(r.triples for r in results)}

    stats = build_corpus(iter(arts), [Recording()], BuildConfig(chunk_size=2, batch_triples=10**9, min_triples=1))
    # the writer is idle when the first result arrives: it gets it at once instead of waiting for 10**9 triples
    assert writes[0] == 1 and len(writes) >= 2 and sum(writes) == 8 and stats.added == 8
    writes.clear()
    build_corpus(iter(arts), [Recording()], BuildConfig(chunk_size=2, batch_triples=10**9, min_triples=10**9))
    assert writes == [8]  # never idle-flushed below min_triples: one batch at the end


def test_a_failing_sink_stops_the_build_with_its_error(tmp_path, fake_pipeline):
    class Broken:
        def write(self, results):
            raise OSError("disk full")

    arts = [Article(f"art-{i}", f" v{i}", "2024-06-01") for i in range(8)]
    before = sys.getswitchinterval()
    thresholds = gc.get_threshold()
    with pytest.raises(OSError, match="disk full"):
        build_corpus(iter(arts), [Broken()], BuildConfig(chunk_size=2, batch_triples=1))
    assert sys.getswitchinterval() == before  # the build's longer GIL switch interval is undone
    assert gc.get_threshold() == thresholds  # and its rarer garbage collections


def test_the_build_switches_threads_less_often_and_puts_it_back(fake_pipeline):
    seen = []

    class Recording:
        def write(self, results):
            seen.append((sys.getswitchinterval(), gc.get_threshold()))
            return {"added": len(results), "loaded": 0}

    before = sys.getswitchinterval()
    thresholds = gc.get_threshold()
    gc.set_threshold(700, 10, 10)  # Python's default
    try:
        build_corpus(iter([Article(f"art-{i}", f" v{i}", "2024-06-01") for i in range(4)]), [Recording()],
                     BuildConfig(chunk_size=2))
        assert seen and all(s >= 0.049 for s, _ in seen) and sys.getswitchinterval() == before
        # garbage collections are rarer while the build runs, and as they were after
        assert all(t == GC_THRESHOLDS for _, t in seen) and gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*thresholds)


def test_fewer_collections_never_makes_them_more_frequent():
    thresholds = gc.get_threshold()
    try:
        gc.set_threshold(100_000, 5, 50)
        assert fewer_collections() == (100_000, 5, 50)
        assert gc.get_threshold() == (100_000, 10, 50)
    finally:
        gc.set_threshold(*thresholds)


# ── with spaCy ────────────────────────────────────────────────────────────────────────────────

ARTICLES = [
    ("cop-a", "La COP31 s'ouvre lundi à Nairobi, au Kenya. La ministre kényane de l'Environnement, Wanja Odhiambo, "
              "a annoncé un fonds de 200 millions d'euros pour la reforestation.", "2026-11-09"),
    ("otan-b", "Le sommet de l'OTAN s'est ouvert mercredi à Oslo, en Norvège. Le ministre norvégien de la Défense, "
               "Per Lindqvist, a rencontré son homologue danois, Mads Kjær.", "2025-06-25"),
    ("g20-c", "Le 25e sommet du G20 se tient à Montevideo. Le président uruguayen Tomás Ibarra a accueilli "
              "les délégations jeudi.", "2025-11-20"),
    ("ua-d", "Le sommet de l'Union africaine s'est ouvert dimanche à Kigali. La Première ministre sénégalaise "
             "Awa Ndiaye est arrivée samedi.", "2025-02-16"),
    ("ue-e", "Le Conseil européen s'est réuni à Bruxelles. Le chancelier autrichien Lukas Moser a annoncé un plan "
             "de 3 milliards d'euros pour les réseaux électriques.", "2025-03-21"),
]


def write_jsonl(path: Path, articles) -> Path:
    path.write_text("".join(json.dumps({"id": i, "text": t, "published": d}, ensure_ascii=False) + "\n"
                            for i, t, d in articles), encoding="utf-8")
    return path


@pytest.mark.model
def test_memory_zones_keep_the_vocabulary_flat():
    from kg.nlp.pipeline import load_pipeline
    from kg.pipeline.chunks import process_chunk

    nlp = load_pipeline("md")
    cfg = BuildConfig()
    process_chunk([Article("warm", ARTICLES[0][1], ARTICLES[0][2])], cfg)
    n0 = len(nlp.vocab.strings)
    for k in range(3):  # new, never-seen words in every chunk
        words = " ".join(f"Zorblax{k}x{j}" for j in range(50))
        exs = process_chunk([Article(f"z{k}", f"Le ministre {words} est arrivé à Nairobi.", "2025-01-01")], cfg)
        assert exs[0].article.id == f"z{k}"
        assert len(nlp.vocab.strings) == n0


@pytest.mark.model
def test_store_build_streams_resumes_and_replaces(tmp_path, capsys):
    import pyoxigraph as ox

    from kg.cli.app import _parser, cmd_build
    from kg.pipeline.build import extract_articles
    from kg.rdf.terms import to_ox

    corpus = write_jsonl(tmp_path / "c.jsonl", ARTICLES)
    store = tmp_path / "st"

    def build():
        args = _parser().parse_args(["build", str(corpus), "--store", str(store)])
        assert cmd_build(args) == 0
        return args.build_stats, capsys.readouterr().out

    stats, out = build()
    assert (stats.articles, stats.resumed, stats.added) == (5, 0, 5) and "5 added" in out
    assert not (tmp_path / "out").exists()  # --store alone keeps no graph and writes no graph.ttl
    stats, out = build()
    assert (stats.articles, stats.resumed) == (0, 5) and "5 already in the store (resumed)" in out
    changed = [ARTICLES[0], (ARTICLES[1][0], ARTICLES[1][1], "2025-06-26"), *ARTICLES[2:]]  # a new date: new triples
    write_jsonl(corpus, changed)
    stats, out = build()
    assert (stats.articles, stats.resumed, stats.replaced) == (1, 4, 1)
    # the store holds exactly the per-article graphs of the current articles
    exs = list(extract_articles([Article(i, t, d, source="c.jsonl") for i, t, d in changed], BuildConfig()))
    with KgStore.open(store, read_only=True) as st:
        assert isomorphic(canon(st.to_graph()), canon(to_graph(exs)))
        for ex in exs:
            assert st.stored_hash(ex.article.id) == content_hash({ox.Triple(*map(to_ox, t)) for t in to_graph([ex])})
    # --out with --store: graph.ttl is the store's merged graph
    out_dir = tmp_path / "out2"
    args = _parser().parse_args(["build", str(corpus), "--store", str(store), "--out", str(out_dir), "--no-view", "--quiet"])
    assert cmd_build(args) == 0
    assert isomorphic(canon(Graph().parse(out_dir / "graph.ttl")), canon(to_graph(exs)))


@pytest.fixture(scope="module")
def reference_builds(tmp_path_factory):
    """The corpus built by one process (model sm, which loads faster in the workers): an in-memory
    graph.ttl and a store exported as sorted N-Triples."""
    from kg.cli.app import main

    tmp = tmp_path_factory.mktemp("ref")
    corpus = write_jsonl(tmp / "c.jsonl", ARTICLES + [(f"{i}-bis", t, d) for i, t, d in ARTICLES[:3]])
    assert main(["build", str(corpus), "--model", "sm", "--out", str(tmp / "out"), "--no-view", "--no-validate", "--quiet"]) == 0
    assert main(["build", str(corpus), "--model", "sm", "--store", str(tmp / "st"), "--quiet"]) == 0
    return corpus, (tmp / "out" / "graph.ttl").read_bytes(), _store_lines(tmp / "st")


def _store_lines(store: Path) -> list[str]:
    import pyoxigraph as ox

    with KgStore.open(store, read_only=True) as st:
        meta = ox.NamedNode(str(META_GRAPH))
        keep = (q for q in st.oxigraph if q.graph_name != meta)
        return sorted(str(q) for q in keep)


@pytest.mark.model
def test_graph_ttl_formatted_batch_by_batch_is_the_turtle_of_the_merged_graph(tmp_path, reference_builds):
    """--out formats graph.ttl a batch at a time in its helper process (kg.rdf.turtle.TurtleBuilder,
    entities re-read once reconciled): the same bytes as the merged graph written in one go."""
    import pyoxigraph as ox

    from kg.pipeline.run import BuildTargets, run_build
    from kg.rdf.turtle import turtle

    corpus, ttl, _store = reference_builds
    run_build([str(corpus)], BuildConfig(model="sm"), BuildTargets(store=str(tmp_path / "st")))
    with KgStore.open(tmp_path / "st", read_only=True) as st:
        nt = st.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode("utf-8")
    assert turtle(nt.split("\n")).encode("utf-8") == ttl


@pytest.mark.model
def test_two_processes_build_the_same_graph(tmp_path, reference_builds):
    from kg.cli.app import main

    corpus, ttl, _store = reference_builds
    # in memory: Extraction records come back from the 2 workers and are merged here in input order
    # (store builds run the same worker pool, with N-Triples instead of records)
    assert main(["build", str(corpus), "--model", "sm", "-j", "2", "--out", str(tmp_path / "out"), "--no-view", "--no-validate", "--quiet"]) == 0
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == ttl


@pytest.mark.model
@pytest.mark.integration
def test_extraction_in_spacys_process_builds_the_same_graph_as_in_a_second_process(tmp_path, reference_builds):
    """-j1 corpus builds hand the docs to a second process (kg.pipeline.handoff, the default, which
    the reference builds took); with ``extraction_process=False`` they extract in spaCy's process:
    the same graph.ttl bytes and the same store."""
    from kg.pipeline.run import BuildTargets, run_build

    from kg.cli.app import _parser, cmd_build

    corpus, ttl, store_lines = reference_builds
    cfg = BuildConfig(model="sm", extraction_process=False)
    args = _parser().parse_args(["build", str(corpus), "--model", "sm", "--no-extraction-process", "--out",
                                 str(tmp_path / "out"), "--no-view", "--no-validate", "--quiet"])  # the command's way
    assert cmd_build(args) == 0 and args.build_stats.handoff_seconds == 0  # no doc was handed over
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == ttl
    run_build([str(corpus)], cfg, BuildTargets(store=str(tmp_path / "st")))
    assert _store_lines(tmp_path / "st") == store_lines


@pytest.mark.model
def test_dask_local_cluster_builds_the_same_graph(tmp_path, reference_builds):
    pytest.importorskip("distributed")
    from kg.cli.app import main

    import pyoxigraph as ox

    corpus, _ttl, store_lines = reference_builds
    # store + N-Quads files, on a LocalCluster of 2 worker processes (in-memory builds on dask
    # take the same path with Extraction records instead of N-Triples)
    assert main(["build", str(corpus), "--model", "sm", "--engine", "dask", "-j", "2", "--store", str(tmp_path / "st"),
                 "--nquads", str(tmp_path / "nq"), "--quiet"]) == 0
    assert _store_lines(tmp_path / "st") == store_lines
    parts = ox.Store()
    for p in (tmp_path / "nq").glob("part-*.nq"):
        parts.bulk_load(path=str(p), format=ox.RdfFormat.N_QUADS)
    with KgStore.open(tmp_path / "st", read_only=True) as st:
        named = sorted(str(q) for q in st.oxigraph if not isinstance(q.graph_name, ox.DefaultGraph)
                       and q.graph_name != ox.NamedNode(str(META_GRAPH)))
    assert sorted(str(q) for q in parts) == named  # the parts hold every article's named graph


def test_build_stats_rates():
    s = BuildStats(articles=10, words=2000, seconds=4.0)
    assert s.rate("words") == 500.0 and s.rate("articles") == 2.5
    assert BuildStats().rate("words") == 0.0


def test_a_corpus_built_into_an_in_memory_store_is_the_in_memory_graph(fake_pipeline):
    arts = [Article(f"art-{i}", f" v{i}", "2024-06-01") for i in range(7)]
    st = KgStore.in_memory()
    stats = build_corpus(iter(arts), [StoreSink(st)], BuildConfig(chunk_size=3, batch_triples=200, min_triples=100))
    assert stats.added == 7
    assert isomorphic(canon(st.to_graph()), canon(to_graph([fake_extraction(a) for a in arts])))
