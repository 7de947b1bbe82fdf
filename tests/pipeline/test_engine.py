"""Corpus-scale builds (kg/engine.py, kg/engine_dask.py, KgStore.add_results): the N-Triples
mapping equals kg.mapping's, batched bulk loads equal transactional adds, interrupted loads are
recovered, resume skips by input hash, memory zones keep the vocabulary flat, and every engine
(1 process, 2 processes, a Dask LocalCluster) builds the same graph."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.pipeline.engine import (
    BuildStats,
    EngineConfig,
    GraphStoreSink,
    NQuadsSink,
    StoreSink,
    article_lines,
    article_result,
    build_corpus,
    input_hash,
    nt_string,
)
from kg.rdf.mapping import to_graph
from kg.records import Article, Entity, Evidence, Extraction, Relation
from kg.store.store import KgStore, _rdflib_to_ox_triples, content_hash, graph_iri

from _graphs import canon  # tests/_graphs.py (pytest puts tests/ on sys.path)

# ── records with the corner cases of kg.mapping (no spaCy) ────────────────────────────────────


def _ev(aid: str, text: str, surface: str, conf: float = 1.0) -> Evidence:
    start = text.index(surface)
    return Evidence(aid, text, start, start + len(surface), conf)


def synthetic(i: int, *, variant: str = "") -> Extraction:
    """One article's records: a person seen twice (as Person, then Minister) under two labels,
    the same evidence read twice with two confidences, quotes and newlines in literals, a url."""
    aid = f"art-{i}"
    text = f"Le sommet {i} s'ouvre à Tervala.{variant}\nLa ministre Ilse Varnok annonce un \"plan\" de {i} millions."
    e = lambda s, c=1.0: (_ev(aid, text, s, c),)  # noqa: E731
    ents = (
        Entity(f"summit/sommet-{i % 3}", "Summit", f"Sommet {i % 3}", (f"S{i % 3}",),
               (("edition", i % 7 + 1), ("startDate", f"2024-0{i % 9 + 1}-02")), e("sommet")),
        Entity("city/tervala", "City", "Tervala", (), (), e("Tervala")),
        Entity("country/FRA", "Country", "France", (), (), ()),
        Entity("person/ilse-varnok", "Person", "Ilse Varnok", (), (), e("Ilse Varnok", 0.7)),
        Entity("person/ilse-varnok", "Minister", "Mme Varnok", ("I. Varnok",), (("role", "ministre"),), e("Ilse Varnok", 0.9)),
        Entity(f"announcement/{aid}-1", "Announcement", 'un "plan"', (), (("date", "2024-05"), ("summary", 'un "plan"\nnouveau')),
               e("annonce")),
    )
    rels = (
        Relation(f"summit/sommet-{i % 3}", "hostCity", "city/tervala", e("Tervala", 0.6) + e("Tervala", 0.8), 0.8),
        Relation(f"summit/sommet-{i % 3}", "attendee", "person/ilse-varnok", e("Ilse Varnok", 0.5), 0.5),
        Relation(f"announcement/{aid}-1", "announcedBy", "person/ilse-varnok", e("annonce"), 1.0),
        Relation("person/ilse-varnok", "ministerOf", "country/FRA", e("ministre", 0.9), 0.9),
    )
    art = Article(aid, text, f"2024-06-{i % 27 + 1:02d}", url=f"https://example.org/a/{i}?x=\"y\"", title=f"Titre « {i} »")
    return Extraction(art, ents, rels)


def mapping_lines(ex: Extraction, min_confidence: float = 0.0) -> set[str]:
    return {f"{t.subject} {t.predicate} {t.object} .\n" for t in _rdflib_to_ox_triples(to_graph([ex], min_confidence=min_confidence))}


@pytest.mark.parametrize("min_confidence", [0.0, 0.6, 0.95])
def test_article_lines_equal_kg_mapping(min_confidence):
    for i in range(4):
        ex = synthetic(i)
        lines = article_lines(ex, min_confidence=min_confidence)
        assert lines == mapping_lines(ex, min_confidence)
        r = article_result(ex, EngineConfig(min_confidence=min_confidence))
        assert r.triples == len(lines)
        assert r.content_hash == content_hash(_rdflib_to_ox_triples(to_graph([ex], min_confidence=min_confidence)))


@pytest.mark.model
@pytest.mark.model
def test_article_lines_equal_kg_mapping_on_a_real_article(example_extraction):
    assert article_lines(example_extraction) == mapping_lines(example_extraction)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_nt_string_escapes_as_oxigraph(text):
    import pyoxigraph as ox

    assert nt_string(text) == str(ox.Literal(text))


def test_input_hash_covers_what_the_triples_depend_on():
    a = Article("a", "texte", "2024-01-01", title="t")
    h = input_hash(a, "md", 0.0)
    assert h == input_hash(Article("a", "texte", "2024-01-01", title="t", source="elsewhere"), "md", 0.0)
    for other in (Article("a", "texte!", "2024-01-01", title="t"), Article("a", "texte", "2024-01-02", title="t"),
                  Article("a", "texte", "2024-01-01", title="u"), Article("b", "texte", "2024-01-01", title="t")):
        assert input_hash(other, "md", 0.0) != h
    assert input_hash(a, "sm", 0.0) != h and input_hash(a, "md", 0.5) != h


# ── the store: bulk-loaded batches ─────────────────────────────────────────────────────────────


def named_and_default(st: KgStore) -> tuple[set, set]:
    import pyoxigraph as ox

    meta = ox.NamedNode(str(graph_iri("meta")))
    named = {q for q in st.oxigraph if not isinstance(q.graph_name, ox.DefaultGraph) and q.graph_name != meta}
    default = {q.triple for q in st.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    return named, default


def test_add_results_equals_transactional_adds_and_records_input_hashes(tmp_path):
    exs = [synthetic(i) for i in range(5)]
    cfg = EngineConfig()
    with KgStore.open(tmp_path / "a") as a, KgStore.open(tmp_path / "b") as b:
        a.add_extractions(exs)
        counts = b.add_results([article_result(ex, cfg) for ex in exs])
        assert counts["added"] == 5 and counts["replaced"] == counts["unchanged"] == 0
        assert named_and_default(a) == named_and_default(b)
        assert {k: e["hash"] for k, e in a.keys().items()} == {k: e["hash"] for k, e in b.keys().items()}
        assert b.input_hash("art-3") == input_hash(exs[3].article, cfg.model, cfg.min_confidence)
        assert a.input_hash("art-3") is None
        # the same batch again: nothing changes; a changed article replaces its own facts only
        assert b.add_results([article_result(ex, cfg) for ex in exs])["unchanged"] == 5
        changed = synthetic(2, variant=" Une phrase de plus.")
        assert b.add_results([article_result(changed, cfg)]) == {"added": 0, "replaced": 1, "unchanged": 0, "loaded": 0}
        assert isomorphic(canon(b.to_graph()), canon(to_graph(exs[:2] + [changed] + exs[3:])))


class _CrashingStore:
    """A pyoxigraph store whose second bulk load in a batch dies (the merged default graph)."""

    def __init__(self, inner, crash_on: int) -> None:
        self._inner, self._n, self._crash_on = inner, 0, crash_on

    def bulk_load(self, *args, **kwargs):
        self._n += 1
        if self._n == self._crash_on:
            kwargs = dict(kwargs)
            half = args[0][: len(args[0]) // 2]
            half = half[: half.rfind(b"\n") + 1]
            self._inner.bulk_load(half, *args[1:], **kwargs)  # part of it made it to disk
            raise OSError("killed")
        return self._inner.bulk_load(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def __iter__(self):
        return iter(self._inner)


@pytest.mark.parametrize("crash_on", [1, 2])
def test_a_batch_interrupted_while_loading_is_recovered(tmp_path, crash_on):
    cfg = EngineConfig()
    first, second = [synthetic(i) for i in range(3)], [synthetic(i) for i in range(3, 6)]
    def crash() -> set:
        with KgStore.open(tmp_path / "st") as st:
            st.add_results([article_result(ex, cfg) for ex in first])
            before = named_and_default(st)
            real = st.oxigraph
            st.oxigraph = _CrashingStore(real, crash_on)
            try:
                st.add_results([article_result(ex, cfg) for ex in second])
            except OSError as exc:
                assert "killed" in str(exc)
            else:
                raise AssertionError("the load did not fail")
            finally:
                st.oxigraph = real
        return before

    import gc

    before = crash()
    gc.collect()  # the database closes when the last reference to it goes
    with KgStore.open(tmp_path / "st") as st:
        assert st.recover() == sorted(str(graph_iri(ex.article.id)) for ex in second)
        assert named_and_default(st) == before  # as if the batch had never started
        assert all(st.input_hash(ex.article.id) is None for ex in second)  # so a new build redoes them
        st.add_results([article_result(ex, cfg) for ex in second])
        assert st.recover() == []
        assert isomorphic(canon(st.to_graph()), canon(to_graph([*first, *second])))


# ── other sinks ───────────────────────────────────────────────────────────────────────────────


def test_nquads_sink_writes_loadable_parts(tmp_path):
    import pyoxigraph as ox

    exs = [synthetic(i) for i in range(4)]
    sink = NQuadsSink(tmp_path / "nq")
    sink.write([article_result(ex, EngineConfig()) for ex in exs[:2]])
    sink.write([article_result(ex, EngineConfig()) for ex in exs[2:]])
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
        assert sink.write([article_result(ex, EngineConfig()) for ex in exs])["added"] == 3
        changed = synthetic(1, variant=" Encore.")
        sink.write([article_result(changed, EngineConfig())])  # PUT replaces the article's graph
        q = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
        req = urllib.request.Request(f"http://127.0.0.1:{port}/query", data=q.encode(),
                                     headers={"Content-Type": "application/sparql-query", "Accept": "application/n-triples"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            got = Graph().parse(data=resp.read().decode(), format="nt")
        assert isomorphic(canon(got), canon(to_graph([exs[0], changed, exs[2]])))
        from kg.errors import KgError

        with pytest.raises(KgError, match="graph store"):
            GraphStoreSink(f"http://127.0.0.1:{port}/no-such-endpoint").write([article_result(exs[0], EngineConfig())])
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
    import kg.pipeline.engine
    import kg.nlp.pipeline

    seen: list[str] = []

    def fake_chunk(articles, config):
        out = []
        for a in articles:
            seen.append(a.id)
            ex = fake_extraction(a)
            out.append(ex if config.mode == "records" else article_result(ex, config))
        return out

    monkeypatch.setattr(kg.pipeline.engine, "process_chunk", fake_chunk)
    monkeypatch.setattr(kg.nlp.pipeline, "load_pipeline", lambda model="md": None)
    return seen


def test_build_corpus_streams_in_batches_and_resumes_by_input_hash(tmp_path, fake_pipeline):
    arts = [Article(f"art-{i}", f" v{i}", "2024-06-01") for i in range(10)]
    cfg = EngineConfig(chunk_size=3)
    writes: list[int] = []

    class Counting(StoreSink):
        def write(self, results):
            writes.append(len(results))
            return super().write(results)

    with KgStore.open(tmp_path / "st") as st:
        stats = build_corpus(iter(arts[:6]), [Counting(st)], cfg, resume=st.input_hash, batch_triples=100)
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

    stats = build_corpus(iter(arts), [Recording()], EngineConfig(chunk_size=2), batch_triples=10**9, min_triples=1)
    # the writer is idle when the first result arrives: it gets it at once instead of waiting for 10**9 triples
    assert writes[0] == 1 and len(writes) >= 2 and sum(writes) == 8 and stats.added == 8
    writes.clear()
    build_corpus(iter(arts), [Recording()], EngineConfig(chunk_size=2), batch_triples=10**9, min_triples=10**9)
    assert writes == [8]  # never idle-flushed below min_triples: one batch at the end


def test_a_failing_sink_stops_the_build_with_its_error(tmp_path, fake_pipeline):
    class Broken:
        def write(self, results):
            raise OSError("disk full")

    arts = [Article(f"art-{i}", f" v{i}", "2024-06-01") for i in range(8)]
    with pytest.raises(OSError, match="disk full"):
        build_corpus(iter(arts), [Broken()], EngineConfig(chunk_size=2), batch_triples=1)


# ── with spaCy ────────────────────────────────────────────────────────────────────────────────

ARTICLES = [
    ("cop-a", "La COP31 s'ouvre lundi à Nairobi, au Kenya. La ministre kényane de l'Environnement, Wanja Odhiambo, "
              "a annoncé un fonds de 200 millions d'euros pour la reforestation.", "2026-11-09"),
    ("otan-b", "Le sommet de l'OTAN s'est ouvert mercredi à Oslo, en Norvège. Le ministre norvégien de la Défense, "
               "Per Lindqvist, a rencontré son homologue danois, Mads Kjær.", "2025-06-25"),
    ("g20-c", "Le 20e sommet du G20 se tient à Johannesburg. Le président sud-africain Thabo Dlamini a accueilli "
              "les délégations jeudi.", "2025-11-20"),
    ("ua-d", "Le sommet de l'Union africaine s'est ouvert dimanche à Addis-Abeba. La Première ministre sénégalaise "
             "Awa Ndiaye est arrivée samedi.", "2025-02-16"),
    ("ue-e", "Le Conseil européen s'est réuni à Bruxelles. Le chancelier autrichien Lukas Moser a annoncé un plan "
             "de 3 milliards d'euros pour les réseaux électriques.", "2025-03-21"),
]


def write_jsonl(path: Path, articles) -> Path:
    path.write_text("".join(json.dumps({"id": i, "text": t, "published": d}, ensure_ascii=False) + "\n"
                            for i, t, d in articles), encoding="utf-8")
    return path


@pytest.mark.model
@pytest.mark.model
def test_memory_zones_keep_the_vocabulary_flat():
    from kg.pipeline.engine import process_chunk
    from kg.nlp.pipeline import load_pipeline

    nlp = load_pipeline("md")
    cfg = EngineConfig(mode="records")
    process_chunk([Article("warm", ARTICLES[0][1], ARTICLES[0][2])], cfg)
    n0 = len(nlp.vocab.strings)
    for k in range(3):  # new, never-seen words in every chunk
        words = " ".join(f"Zorblax{k}x{j}" for j in range(50))
        exs = process_chunk([Article(f"z{k}", f"Le ministre {words} est arrivé à Nairobi.", "2025-01-01")], cfg)
        assert exs[0].article.id == f"z{k}"
        assert len(nlp.vocab.strings) == n0


@pytest.mark.model
@pytest.mark.model
def test_store_build_streams_resumes_and_replaces(tmp_path, capsys):
    from kg.pipeline.build import BuildConfig, extract_articles
    from kg.cli.app import _parser, cmd_build

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
            assert st.stored_hash(ex.article.id) == content_hash(_rdflib_to_ox_triples(to_graph([ex])))
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
        meta = ox.NamedNode(str(graph_iri("meta")))
        keep = (q for q in st.oxigraph if q.graph_name != meta)
        return sorted(str(q) for q in keep)


@pytest.mark.model
@pytest.mark.model
def test_two_processes_build_the_same_graph(tmp_path, reference_builds):
    from kg.cli.app import main

    corpus, ttl, _store = reference_builds
    # in memory: Extraction records come back from the 2 workers and are merged here in input order
    # (store builds run the same worker pool, with N-Triples instead of records)
    assert main(["build", str(corpus), "--model", "sm", "-j", "2", "--out", str(tmp_path / "out"), "--no-view", "--no-validate", "--quiet"]) == 0
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == ttl


@pytest.mark.model
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
                       and q.graph_name != ox.NamedNode(str(graph_iri("meta"))))
    assert sorted(str(q) for q in parts) == named  # the parts hold every article's named graph


def test_build_stats_rates():
    s = BuildStats(articles=10, words=2000, seconds=4.0)
    assert s.rate("words") == 500.0 and s.rate("articles") == 2.5
    assert BuildStats().rate("words") == 0.0
