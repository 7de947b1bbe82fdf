"""``kg build`` as one function (kg/pipeline/run.py) and the typed configuration: an in-memory build
and a store build of the same articles give the same reconciled graph; progress, skipped inputs and
interruptions come back through callbacks and the result. spaCy is replaced by records, except in
the last test."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.errors import InputError
from kg.pipeline.config import BuildConfig
from kg.pipeline.executors import get_executor, local_results
from kg.pipeline.run import BuildTargets, run_build
from kg.rdf.mapping import to_graph
from kg.records import Extraction
from kg.store.store import KgStore
from kg.validate.shacl import validate_graph

from _graphs import barrot_articles, canon

RECORDS = {ex.article.id: ex for ex in barrot_articles()}


@pytest.fixture()
def corpus(tmp_path, monkeypatch):
    """A folder of three articles whose "extraction" is :func:`_graphs.barrot_articles` (no spaCy)."""
    import kg.nlp.pipeline
    import kg.pipeline.executors

    def fake_chunk(articles, config, mode="records"):
        from kg.pipeline.results import article_result

        exs = [Extraction(a, RECORDS[a.id].entities, RECORDS[a.id].relations) for a in articles]
        return exs if mode == "records" else [article_result(ex, config) for ex in exs]

    monkeypatch.setattr(kg.pipeline.executors, "process_chunk", fake_chunk)
    monkeypatch.setattr(kg.pipeline.executors, "_handoff", lambda config, mode: False)  # no second process with spaCy in it
    monkeypatch.setattr(kg.nlp.pipeline, "load_pipeline", lambda model="md": None)
    folder = tmp_path / "corpus"
    folder.mkdir()
    for aid, ex in RECORDS.items():
        (folder / f"{aid}.txt").write_text(ex.article.text, encoding="utf-8")
    return folder


def test_in_memory_and_store_builds_give_the_same_reconciled_graph(tmp_path, corpus):
    seen = []
    mem = run_build([str(corpus)], BuildConfig(), BuildTargets(out=tmp_path / "out", view=False), published="2024-03-05",
                    on_progress=seen.append)
    assert mem.articles == mem.read == 3 and mem.stats.added == 3 and mem.written == [str(tmp_path / "out" / "graph.ttl")]
    assert mem.report.conforms and mem.report.source == str(tmp_path / "out" / "graph.ttl")  # validated by the helper
    assert mem.output.reconciled == 1  # Barrot: three labels across the articles, one kept
    assert [p.done for p in seen] == [1, 2, 3] and seen[-1].total == 3
    st = run_build([str(corpus)], BuildConfig(chunk_size=2), BuildTargets(store=str(tmp_path / "st")), published="2024-03-05")
    assert st.stats.added == 3 and st.graph is None and st.written == []
    with KgStore.open(tmp_path / "st", read_only=True) as store:
        store.export(tmp_path / "st.ttl")
    on_disk = Graph().parse(tmp_path / "out" / "graph.ttl")
    exported = Graph().parse(tmp_path / "st.ttl")
    assert isomorphic(canon(on_disk), canon(exported))
    assert isomorphic(canon(on_disk), canon(to_graph(RECORDS.values())))
    for g in (on_disk, exported):
        report = validate_graph(g)
        assert report.conforms, report.format()
    # again, with --out: everything resumed, graph.ttl is the store's merged graph, kept for validation
    again = run_build([str(corpus)], BuildConfig(), BuildTargets(store=str(tmp_path / "st"), out=tmp_path / "o2", view=False),
                      published="2024-03-05")
    assert (again.articles, again.stats.resumed, again.read) == (0, 3, 3)
    assert isomorphic(canon(again.graph), canon(on_disk))
    assert isomorphic(canon(Graph().parse(again.target)), canon(on_disk))


def test_nothing_readable_and_bad_targets(tmp_path, corpus):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    skipped = []
    result = run_build([str(empty)], targets=BuildTargets(out=tmp_path / "o"), on_skip=skipped.append)
    assert result.read == 0 and len(result.skipped) == 1 and skipped == result.skipped
    assert not (tmp_path / "o").exists()
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="must be a folder"):
        run_build([str(corpus)], targets=BuildTargets(out=tmp_path / "file"))


def test_an_interrupted_store_build_keeps_what_was_written(tmp_path, corpus, monkeypatch):
    import kg.pipeline.build

    real = kg.pipeline.build.build_corpus

    def interrupted(articles, sinks, config, **kwargs):
        real(iter([next(iter(articles))]), sinks, config, **kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(kg.pipeline.build, "build_corpus", interrupted)
    result = run_build([str(corpus)], targets=BuildTargets(store=str(tmp_path / "st")))
    assert result.interrupted and result.stats.added == 1
    with KgStore.open(tmp_path / "st", read_only=True) as st:
        assert list(st.keys()) == ["barrot-a"]


def test_the_build_config_checks_itself():
    from kg.nlp.pipeline import DEFAULT_MODEL

    assert BuildConfig().model == DEFAULT_MODEL
    assert BuildConfig(processes=0).processes >= 1  # 0: one per core
    for bad, message in (({"processes": -1}, "--processes"), ({"min_confidence": 1.5}, "--min-confidence"),
                         ({"scheduler": "tcp://h:1"}, "--scheduler goes with --engine dask"), ({"chunk_size": 0}, "sizes")):
        with pytest.raises(InputError, match=message):
            BuildConfig(**bad)
    assert get_executor("local") is local_results
    with pytest.raises(InputError, match="unknown engine 'spark'"):
        get_executor("spark")


@pytest.mark.model
def test_the_kg_build_store_label_bug_is_fixed(tmp_path):
    """The report: « Jean-Noël Barrot » in one article, « Jean-Noel Barrot » in another; built with
    --out it conformed, built with --store and exported it had two labels and two classes."""
    from kg.cli.app import main

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Le ministre délégué chargé de l'Europe, Jean-Noël Barrot, est arrivé mardi à Bruxelles "
                                  "pour le sommet européen.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Jean-Noel Barrot a rencontré mercredi à Berlin des représentants de l'industrie allemande.\n",
                                  encoding="utf-8")
    assert main(["build", str(corpus), "--published", "2024-03-05", "--out", str(tmp_path / "out"), "--no-view", "-q"]) == 0
    assert main(["build", str(corpus), "--published", "2024-03-05", "--store", str(tmp_path / "st"), "-q"]) == 0
    assert main(["export", "--store", str(tmp_path / "st"), "--out", str(tmp_path / "st.ttl")]) == 0
    assert main(["validate", str(tmp_path / "st.ttl"), str(tmp_path / "out" / "graph.ttl"), "-q"]) == 0
    a, b = Graph().parse(tmp_path / "out" / "graph.ttl"), Graph().parse(tmp_path / "st.ttl")
    assert isomorphic(canon(a), canon(b))
    assert "Jean-Noël Barrot" in {str(o) for o in a.objects(None, a.namespace_manager.expand_curie("rdfs:label"))}


@pytest.mark.parametrize("store", [False, True], ids=["in-memory", "store"])
def test_kg_build_on_a_terminal_shows_a_progress_bar(tmp_path, corpus, monkeypatch, capsys, store):
    import io
    import sys

    from kg.cli.app import main

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    target = ["--store", str(tmp_path / "st")] if store else ["--out", str(tmp_path / "out"), "--no-view"]
    assert main(["build", str(corpus), "--published", "2024-03-05", *target]) == 0
    assert "building: 100%" in err.getvalue() and "3/3" in err.getvalue()
    assert "built 3 article(s)" in capsys.readouterr().out


def test_an_output_folder_that_cannot_be_written_is_refused_before_building(tmp_path, corpus, capsys):
    from kg.cli.app import main

    (tmp_path / "file").write_text("x")
    for out, words in ((tmp_path / "file" / "out", "is a file"), (tmp_path / "file", "must be a folder")):
        with pytest.raises(InputError, match=words):
            run_build([str(corpus)], targets=BuildTargets(out=out))
        assert main(["build", str(corpus), "--out", str(out), "--quiet"]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and str(out) in err and "Traceback" not in err
    if Path("/proc/self").is_dir():  # a folder no one may write into, not even root
        with pytest.raises(InputError, match="cannot write"):
            run_build([str(corpus)], targets=BuildTargets(out=Path("/proc/kg-out")))
    assert not (tmp_path / "file" / "out").exists()


def test_the_helper_writing_out_reports_and_fails_cleanly(tmp_path):
    from kg.errors import KgError
    from kg.pipeline.outputs import OutputSink
    from kg.pipeline.results import article_result

    sink = OutputSink(tmp_path / "o", view=False)
    exs = list(RECORDS.values())
    assert sink.write([article_result(ex, BuildConfig()) for ex in exs]) == {"added": 3, "loaded": sum(
        article_result(ex, BuildConfig()).triples for ex in exs)}
    deadline = time.monotonic() + 30  # the helper runs below this process's priority (kg.pipeline.config.lower_priority)
    while os.getpriority(os.PRIO_PROCESS, sink._proc.pid) <= os.getpriority(os.PRIO_PROCESS, 0) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert os.getpriority(os.PRIO_PROCESS, sink._proc.pid) > os.getpriority(os.PRIO_PROCESS, 0)
    rep = sink.finish()
    assert rep.written == [str(tmp_path / "o" / "graph.ttl")] and rep.report.conforms and rep.reconciled == 1
    assert isomorphic(canon(Graph().parse(tmp_path / "o" / "graph.ttl")), canon(to_graph(exs)))
    assert set(rep.seconds) >= {"load", "reconcile", "turtle (batches)", "turtle", "writing graph.ttl", "validation"}

    dead = OutputSink(tmp_path / "o2")
    dead._proc.kill()
    dead._proc.wait()
    with pytest.raises(KgError, match="the process writing the build's files stopped"):
        dead.write([article_result(exs[0], BuildConfig())])
        dead.finish()
    dead.abort()
    assert not (tmp_path / "o2").exists()


# ── warnings that travel back with the records ──────────────────────────────────────────────


@pytest.fixture()
def blank_pipeline(monkeypatch):
    """The real chunk processing (nlp.pipe in a memory zone, then the date check) with a blank
    French pipeline and an extraction of nothing: what comes back is what process_chunk adds."""
    import spacy

    import kg.extract.extractor
    import kg.nlp.pipeline
    import kg.pipeline.executors

    nlp = spacy.blank("fr")
    monkeypatch.setattr(kg.nlp.pipeline, "load_pipeline", lambda model="md": nlp)
    monkeypatch.setattr(kg.extract.extractor, "extract", lambda doc, art: Extraction(art))
    monkeypatch.setattr(kg.pipeline.executors, "_handoff", lambda config, mode: False)  # extract here, with the fake


UNDATED = "Le sommet s'est ouvert mercredi ; lundi (30 octobre), les ministres s'étaient réunis."


@pytest.mark.parametrize("mode", ["records", "ntriples"])
def test_process_chunk_attaches_the_relative_dates_warning(blank_pipeline, mode):
    from kg.pipeline.chunks import process_chunk
    from kg.records import Article

    arts = [Article("a1", UNDATED, None, source="corpus.jsonl:1"), Article("a2", UNDATED, "2023-11-01"),
            Article("a3", "Rien de relatif ici.", None)]
    (w1, w2, w3) = [r.warnings for r in process_chunk(arts, BuildConfig(), mode)]
    assert w2 == () and w3 == ()
    assert w1 == ("corpus.jsonl:1 (article a1): relative dates (« mercredi », « 30 octobre ») could not be resolved: "
                  "it has no publication date; give one with --published YYYY-MM-DD, or in its metadata (a JSONL "
                  "\"published\" field, \"published:\" in Markdown front matter, a web page's date)",)


@pytest.mark.parametrize("targets", ["in-memory", "store"])
def test_run_build_reports_it_once_per_article(tmp_path, blank_pipeline, targets):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "undated.txt").write_text(UNDATED, encoding="utf-8")
    (folder / "plain.txt").write_text("Rien de relatif ici.", encoding="utf-8")
    (folder / "partial.md").write_text("---\npublished: 2023-11\n---\n" + UNDATED, encoding="utf-8")
    warned: list[str] = []
    tg = BuildTargets(out=tmp_path / "out", view=False) if targets == "in-memory" else BuildTargets(store=str(tmp_path / "st"))
    res = run_build([str(folder)], BuildConfig(chunk_size=2), tg, on_warning=warned.append)
    assert res.articles == 3
    assert sorted(w.split(": relative dates")[0] for w in warned) == [f"{folder / 'partial.md'} (article partial)",
                                                                        f"{folder / 'undated.txt'} (article undated)"]
    partial = next(w for w in warned if "partial.md" in w)
    assert "« mercredi »" in partial and "30 octobre" not in partial and "publication date 2023-11 does not give the day" in partial
    # with --published, nothing to say
    warned.clear()
    tg2 = BuildTargets(out=tmp_path / "out2", view=False) if targets == "in-memory" else BuildTargets(store=str(tmp_path / "st2"))
    run_build([str(folder / "undated.txt")], BuildConfig(), tg2, published="2023-11-01", on_warning=warned.append)
    assert warned == []


@pytest.mark.parametrize("mode", ["fork", "the copy dies", "fork fails"])
def test_the_helper_draws_the_view_in_a_forked_copy_or_in_place_the_same(tmp_path, monkeypatch, mode):
    # The helper (kg.pipeline.outputs._run) draws graph.html in a forked copy of itself while it ends
    # graph.ttl; where it cannot fork, or the copy fails, it draws it itself: the same page.
    import io

    import kg.pipeline.outputs as outputs
    from kg.pipeline.results import article_result

    batches = [article_result(ex, BuildConfig()).nt for ex in RECORDS.values()]

    def run(out, patch=None):
        if patch is not None:
            monkeypatch.setattr(*patch)
        frames = iter([*batches, b"", b"graph.ttl written"])
        out.mkdir()
        report = outputs._run(lambda: next(frames), io.BytesIO(), out, True, False)
        monkeypatch.undo()
        return report, (out / "graph.html").read_text(encoding="utf-8")

    in_place, page = run(tmp_path / "in-place", (outputs, "_start_view", lambda graph: None))
    assert "view wait" not in in_place.seconds
    if mode == "fork":
        forked, forked_page = run(tmp_path / "forked")
        assert "view wait" in forked.seconds  # drawn by the copy (this is Linux)
    elif mode == "the copy dies":
        def failing_copy(graph):
            pid = os.fork()
            if pid == 0:
                os._exit(3)  # the copy dies before sending anything
            r, w = os.pipe()
            os.close(w)
            return pid, r

        forked, forked_page = run(tmp_path / "failed", (outputs, "_start_view", failing_copy))
        assert "view wait" not in forked.seconds
    else:
        def no_fork():
            raise OSError(12, "Cannot allocate memory")

        forked, forked_page = run(tmp_path / "no-fork", (outputs.os, "fork", no_fork))
        assert "view wait" not in forked.seconds
    assert forked_page == page
    assert "Barrot" in page


def test_the_build_s_view_reads_the_assertions_apart_and_projects_the_same(monkeypatch):
    # The --out helper keeps the assertions' triples out of the view's rdflib graph
    # (kg.graph.projection.AssertionTable): the projection must be the one of the whole graph, with
    # literals holding quotes, newlines and non-ASCII, implied evidence and several evidences per edge.
    import re

    import kg.pipeline.outputs as outputs
    from kg.graph.projection import to_networkx
    from kg.pipeline.results import article_result

    from _graphs import synthetic

    batches = [article_result(ex, BuildConfig()).nt.decode("utf-8")
               for ex in [synthetic(i) for i in range(8)] + barrot_articles()]

    def view(apart: bool):
        if not apart:  # no assertion found: all of them go into the rdflib graph, as before
            monkeypatch.setattr(outputs, "_ASSERTION_LINE", re.compile(r"(?!)"))
        vg = outputs._ViewGraph()
        for text in batches:
            vg.add(text, [])
        monkeypatch.undo()
        return vg

    apart, whole = view(True), view(False)
    assert len(apart.assertions.nodes) > 20 and not whole.assertions.nodes
    assert len(apart.graph) < len(whole.graph) / 2
    G, H = apart.networkx(), to_networkx(whole.graph)
    assert dict(G.nodes(data=True)) == dict(H.nodes(data=True))
    assert list(G.edges(keys=True, data=True)) == list(H.edges(keys=True, data=True))
    evidence = [r for _, _, d in G.edges(data=True) for r in d["evidence"]]
    assert any(r["implied"] for r in evidence) and any('"plan"' in r["sentence"] and "\n" in r["sentence"] for r in evidence)
    assert all(isinstance(r["start"], int) and isinstance(r["confidence"], float) for r in evidence)


def test_the_helper_reads_an_entity_back_only_when_a_batch_brings_it_something_new(monkeypatch):
    # The --out helper formats graph.ttl batch by batch (kg.pipeline.outputs._add_turtle): a subject
    # a batch brings for the first time, or brings a triple its block lacks (a new relation, a
    # literal Oxigraph writes otherwise), is read back from the store at once; one the batch only
    # repeats is left as it is. After each batch the text is already the Turtle of the store.
    import pyoxigraph as ox

    import kg.pipeline.outputs as outputs
    from kg.rdf.turtle import TurtleBuilder, turtle
    from kg.store.merged import BatchReconciler

    kg, kgid = "https://w3id.org/kg-news/ontology#", "https://w3id.org/kg-news/id/"
    typ, label = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<http://www.w3.org/2000/01/rdf-schema#label>"
    person, city, summit = f"<{kgid}person/ana-ruiz>", f"<{kgid}city/oslo>", f"<{kgid}summit/s1>"

    def entity(node, cls, name):
        return f'{node} {typ} <{kg}{cls}> .\n{node} {label} "{name}"@fr .\n'

    first = entity(person, "Person", "Ana Ruiz") + entity(summit, "Summit", "Sommet S1") + f"{summit} <{kg}hostCity> {city} .\n"
    again = entity(person, "Person", "Ana Ruiz") + entity(city, "City", "Oslo")  # the person only repeated
    more = (entity(person, "Person", "Ana Ruiz") + f"{summit} <{kg}attendee> {person} .\n"  # a new relation of the summit
            + f'{summit} <{kg}edition> "007"^^<http://www.w3.org/2001/XMLSchema#integer> .\n')  # Oxigraph writes "7"
    read: list[list[str]] = []
    real = outputs._replace_from_store

    def replace_from_store(tb, st, subjects):
        read.append(sorted(subjects))
        return real(tb, st, subjects)

    monkeypatch.setattr(outputs, "_replace_from_store", replace_from_store)
    st = ox.Store()
    reconciler = BatchReconciler(st, fresh=True)
    tb = TurtleBuilder()
    for text in (first, again, more):
        st.bulk_load(text.encode(), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph(), lenient=True)
        reconciler.apply(text.encode())
        tb = outputs._add_turtle(tb, st, text, reconciler.last_checked)
        dump = st.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode("utf-8")
        assert tb.text() == turtle([line + "\n" for line in dump.split("\n") if line])
    assert read == [sorted([person, summit]), [city], [summit]]  # the person is not read again
    assert "kg:edition 7" in tb.text() and "kg:attendee" in tb.text()
    assert tb.holds(summit, f"<{kg}edition>", '"7"^^<http://www.w3.org/2001/XMLSchema#integer>')
    assert not tb.holds(summit, f"<{kg}edition>", '"007"^^<http://www.w3.org/2001/XMLSchema#integer>')


def test_the_helper_s_summary_is_the_graph_s():
    # kg.pipeline.outputs._summary counts the ontology's classes and relations from Oxigraph's indexes:
    # the line kg.graph.summary.graph_summary writes for the same graph (classes absent: not listed)
    import pyoxigraph as ox

    from kg.graph.summary import graph_summary
    from kg.pipeline.outputs import _summary

    from _graphs import synthetic

    for exs in (barrot_articles(), [synthetic(i) for i in range(5)] + barrot_articles()):
        g = to_graph(exs)
        st = ox.Store()
        st.bulk_load(g.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
        assert _summary(st) == graph_summary(g)
    assert _summary(ox.Store()) == "0 entities (), 0 relations, 0 triples"
