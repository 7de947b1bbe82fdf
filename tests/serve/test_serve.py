"""kg serve: a real SPARQL endpoint (Oxigraph's server) queried over HTTP, read-only by default,
stopped cleanly with no process left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")

import _query_data  # noqa: E402

from kg.serve import free_port, start_server  # noqa: E402
from kg.serve.proxy import BUFFER  # noqa: E402
from kg.store.store import KgStore, StoreLockedError  # noqa: E402

JSON = {"Accept": "application/sparql-results+json"}
MINISTERS = "PREFIX kg: <https://w3id.org/kg-news/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> " \
            "SELECT ?name WHERE { ?m a kg:Minister ; rdfs:label ?name }"
UPDATE = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"
ASK = "ASK { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"


@pytest.fixture(scope="module")
def ttl(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "graph.ttl"
    _query_data.graph().serialize(path, format="turtle")
    return path


def auth(srv) -> dict:
    return {"Authorization": f"Bearer {srv.token}"}


def children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text() if (task / "children").exists() else ""
        out += [int(x) for x in text.split()]
    return out


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(")")[-1].split()[0] == "Z")


@pytest.mark.integration
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to check for orphans")
def test_kg_serve_answers_refuses_update_and_stops_cleanly(ttl):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--graph", str(ttl), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in line and "read-only" in line
        r = httpx.get(f"http://127.0.0.1:{port}/query", params={"query": MINISTERS}, headers=JSON, timeout=10)
        assert r.status_code == 200
        assert [b["name"]["value"] for b in r.json()["results"]["bindings"]] == ["Bruno Le Maire"]
        r = httpx.post(f"http://127.0.0.1:{port}/update", content=UPDATE,
                       headers={"Content-Type": "application/sparql-update"}, timeout=10)
        assert r.status_code in (403, 404, 405) and r.status_code != 204
        r = httpx.get(f"http://127.0.0.1:{port}/query", params={"query": ASK}, headers=JSON, timeout=10)
        assert r.json()["boolean"] is False
        kids = children(proc.pid)
        assert kids, "the Oxigraph server runs as kg serve's child"
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
    _assert_all_gone(kids, port)


def _assert_all_gone(kids, port):
    """After kg serve exits: no Oxigraph child left, nothing answers on its port."""
    deadline = time.monotonic() + 5
    while any(alive(k) for k in kids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(k) for k in kids), "no orphan server process"
    with pytest.raises(httpx.TransportError):
        httpx.get(f"http://127.0.0.1:{port}/query", params={"query": ASK}, timeout=2)


@pytest.mark.integration
def test_writable_store_accepts_update_and_holds_the_lock(tmp_path):
    path = tmp_path / "st"
    with KgStore.open(path) as st:
        st.add_extractions(_query_data.extractions())
    with start_server(store=path, port=0, writable=True) as srv:
        r = httpx.post(srv.update_url, content=UPDATE, headers={"Content-Type": "application/sparql-update", **auth(srv)},
                       timeout=10)
        assert r.status_code in (200, 204)
        assert httpx.get(srv.query_url, params={"query": ASK}, headers=JSON, timeout=10).json()["boolean"] is True
        with pytest.raises(StoreLockedError, match="store is locked"):
            KgStore.open(path)
        pid = srv.process.pid
    assert srv.process.poll() is not None and not alive(pid)
    with KgStore.open(path):  # free again
        pass


@pytest.mark.integration
def test_read_only_store_serves_alongside_readers(tmp_path):
    path = tmp_path / "st"
    with KgStore.open(path) as st:
        st.add_extractions(_query_data.extractions())
    with start_server(store=path, port=0) as srv:
        r = httpx.get(srv.query_url, params={"query": MINISTERS}, headers=JSON, timeout=10)
        assert [b["name"]["value"] for b in r.json()["results"]["bindings"]] == ["Bruno Le Maire"]
        r = httpx.post(srv.update_url, content=UPDATE, headers={"Content-Type": "application/sparql-update"}, timeout=10)
        assert r.status_code != 204
        with pytest.raises(StoreLockedError):
            KgStore.open(path)  # no writer while it is served


RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


@pytest.mark.integration
def test_served_runaway_query_is_stopped_by_the_timeout(ttl):
    # oxigraph 0.5.13 ignores its own --timeout-s for this query: kg serve's front server stops it
    runaway = RUNAWAY
    with start_server(graph=ttl, port=0, timeout=1) as srv:
        t0 = time.monotonic()
        r = httpx.get(srv.query_url, params={"query": runaway}, headers=JSON, timeout=8)
        elapsed = time.monotonic() - t0
        assert r.status_code >= 400 and elapsed < 8, (r.status_code, elapsed)
        r = httpx.get(srv.query_url, params={"query": MINISTERS}, headers=JSON, timeout=10)  # still serving
        assert [b["name"]["value"] for b in r.json()["results"]["bindings"]] == ["Bruno Le Maire"]


@pytest.mark.integration
def test_timeout_restarts_oxigraph_which_then_answers(ttl):
    with start_server(graph=ttl, port=0, timeout=1) as srv:
        first = srv.process.pid
        with httpx.Client(timeout=10) as client:  # one keep-alive connection through it all
            done = {}

            def run() -> None:
                done["r"] = client.get(srv.query_url, params={"query": RUNAWAY}, headers=JSON)

            t = threading.Thread(target=run)
            t.start()
            time.sleep(0.3)  # the runaway query is running: others are still answered meanwhile
            r = httpx.get(srv.query_url, params={"query": MINISTERS}, headers=JSON, timeout=10)
            assert r.status_code == 200 and "r" not in done
            t.join(10)
            r = done["r"]
            assert r.status_code == 503 and r.headers["content-type"].startswith("text/plain")
            assert r.text == "query stopped after 1 s (kg serve --timeout)\n"
            r = client.get(srv.query_url, params={"query": MINISTERS}, headers=JSON)
            assert [b["name"]["value"] for b in r.json()["results"]["bindings"]] == ["Bruno Le Maire"]
        assert srv.restarts == 1 and srv.process.pid != first
        assert not alive(first), "the runaway query's server was killed: it no longer uses CPU"
        r = httpx.post(srv.update_url, content=UPDATE, headers={"Content-Type": "application/sparql-update"}, timeout=10)
        assert r.status_code == 403, "still read-only after the restart"
        last = srv.process.pid
    assert not alive(last)


@pytest.mark.integration
@pytest.mark.parametrize("timeout", [None, 30])
def test_requests_pass_through_the_front_unchanged(ttl, timeout):
    """Through kg's front (with or without --timeout) the requests it lets pass get the same
    answers as from Oxigraph directly."""
    select = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 20"
    requests = [
        ("GET", "", {}, None),  # the query page
        ("GET", "yasgui.min.css", {}, None),
        ("GET", "query", {"Accept": "text/csv"}, {"query": select}),
        ("GET", "query", {"Accept": "text/tab-separated-values"}, {"query": select}),
        ("GET", "query", JSON, {"query": MINISTERS}),
        ("GET", "query", {"Accept": "text/turtle"}, {"query": "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 5"}),
        ("GET", "query", JSON, {"query": "SELEC nothing"}),  # 400, with Oxigraph's message
        ("POST", "query", {"Content-Type": "application/sparql-query", "Accept": "text/csv"}, select),
        ("POST", "query", {"Content-Type": "application/x-www-form-urlencoded", **JSON}, {"query": ASK}),
        ("HEAD", "query", JSON, {"query": ASK}),
        ("GET", "query", JSON, {"query": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 30000"}),  # streamed: > 8 MiB
    ]
    with start_server(graph=ttl, port=0, timeout=timeout) as srv:
        assert srv.front is not None and srv.backend_url != srv.url
        for method, path, headers, data in requests:
            answers = []
            for url in (srv.backend_url, srv.url):
                kw: dict = {"headers": headers, "timeout": 10}
                if method in ("GET", "HEAD"):
                    kw["params"] = data
                elif isinstance(data, dict):
                    kw["data"] = data
                else:
                    kw["content"] = data
                r = httpx.request(method, url + path, **kw)
                answers.append((r.status_code, r.headers.get("content-type"), r.content))
            assert answers[0] == answers[1], (method, path)
        assert len(answers[1][2]) > BUFFER and srv.restarts == 0


@pytest.mark.integration
def test_timeout_on_a_writable_store_keeps_updates_and_the_lock(tmp_path):
    path = tmp_path / "st"
    with KgStore.open(path) as st:
        st.add_extractions(_query_data.extractions())
    with start_server(store=path, port=0, writable=True, timeout=1) as srv:
        r = httpx.post(srv.update_url, content=UPDATE, headers={"Content-Type": "application/sparql-update", **auth(srv)},
                       timeout=10)
        assert r.status_code in (200, 204)
        assert httpx.get(srv.query_url, params={"query": RUNAWAY}, headers=JSON, timeout=8).status_code == 503
        assert httpx.get(srv.query_url, params={"query": ASK}, headers=JSON, timeout=10).json()["boolean"] is True
        assert srv.restarts == 1
        with pytest.raises(StoreLockedError, match="store is locked"):
            KgStore.open(path)  # still kg serve's while Oxigraph restarts
    with KgStore.open(path):
        pass


@pytest.mark.integration
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to check for orphans")
def test_kg_serve_timeout_stops_the_query_and_leaves_no_process(ttl):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--graph", str(ttl), "--port", str(port), "--timeout", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert f"http://127.0.0.1:{port}/" in proc.stdout.readline()
        first = children(proc.pid)
        t0 = time.monotonic()
        r = httpx.get(f"http://127.0.0.1:{port}/query", params={"query": RUNAWAY}, headers=JSON, timeout=8)
        assert r.status_code == 503 and time.monotonic() - t0 < 3
        r = httpx.get(f"http://127.0.0.1:{port}/query", params={"query": MINISTERS}, headers=JSON, timeout=10)
        assert [b["name"]["value"] for b in r.json()["results"]["bindings"]] == ["Bruno Le Maire"]
        assert proc.poll() is None, "kg serve goes on after restarting Oxigraph"
        kids = children(proc.pid)
        assert kids and kids != first and not any(alive(k) for k in first)
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0, proc.stderr.read()
    _assert_all_gone(kids, port)


@pytest.mark.integration
@pytest.mark.parametrize("cors", [False, True])
def test_cors_is_passed_to_oxigraph_and_writes_stay_refused(ttl, cors):
    """--cors: a preflight OPTIONS and a GET carrying an Origin are answered with
    Access-Control-Allow-Origin (through kg's front); without it, no such header. A cross-origin
    write is refused by the front either way."""
    origin = {"Origin": "http://example.org"}
    with start_server(graph=ttl, port=0, cors=cors, writable=True) as srv:
        pre = httpx.request("OPTIONS", srv.query_url, headers={**origin, "Access-Control-Request-Method": "POST",
                                                                 "Access-Control-Request-Headers": "content-type"},
                            timeout=10)
        r = httpx.get(srv.query_url, params={"query": MINISTERS}, headers={**JSON, **origin}, timeout=10)
        assert r.status_code == 200
        assert [b["name"]["value"] for b in r.json()["results"]["bindings"]] == ["Bruno Le Maire"]
        if cors:
            assert pre.status_code in (200, 204)
            assert pre.headers.get("Access-Control-Allow-Origin") in ("*", "http://example.org")
            assert r.headers.get("Access-Control-Allow-Origin") in ("*", "http://example.org")
        else:
            assert "Access-Control-Allow-Origin" not in pre.headers
            assert "Access-Control-Allow-Origin" not in r.headers
        w = httpx.post(srv.update_url, content=UPDATE, timeout=10,
                       headers={**origin, **auth(srv), "Content-Type": "application/sparql-update"})
        assert w.status_code == 403
        assert httpx.get(srv.query_url, params={"query": ASK}, headers=JSON, timeout=10).json()["boolean"] is False
