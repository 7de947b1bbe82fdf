"""kg serve under hostile use: SERVICE to local servers (SSRF), cross-site and DNS-rebinding
writes (CSRF), endless or oversized request bodies. Real servers on loopback."""

from __future__ import annotations

import base64
import socket
import time
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")

import _query_data  # noqa: E402
from _recorder import recording_server  # noqa: E402

from kg.serve import start_server  # noqa: E402

JSON = {"Accept": "application/sparql-results+json"}
INSERT = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"
ASK = "ASK { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.fixture(scope="module")
def ttl(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sec") / "graph.ttl"
    _query_data.graph().serialize(path, format="turtle")
    return path


@pytest.fixture(scope="module")
def admin():
    """A local 'admin' page an attacker would like kg serve to call: records hits, answers a secret."""
    with recording_server() as srv:
        yield srv


def _asks(srv) -> bool:
    return httpx.get(srv.query_url, params={"query": ASK}, headers=JSON, timeout=10).json()["boolean"]


# ------------------------------------------------------------------------------------------- SSRF


@pytest.mark.integration
@pytest.mark.parametrize("timeout", [None, 30])
def test_service_to_a_local_server_is_refused_in_every_form(ttl, admin, timeout):
    url = f"http://127.0.0.1:{admin.server_address[1]}/admin"
    before = len(admin.hits)
    queries = [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ sErViCe SILENT <{url}> {{ ?s ?p ?o }} }}",
        f"PREFIX a: <{url}>\nSELECT * WHERE {{ ?s ?p ?o . # a comment\n SERVICE#x\na:x {{ ?s ?p ?o }} }}",
        f"PREFIX a: <{url}>\nSELECT * WHERE {{ SERVICEa:x {{ ?s ?p ?o }} }}",
    ]
    with start_server(graph=ttl, port=0, timeout=timeout) as srv:
        for q in queries:
            sends = [
                lambda: httpx.get(srv.query_url, params={"query": q}, timeout=10),  # an <img src> on any web page
                lambda: httpx.post(srv.query_url, data={"query": q}, timeout=10),  # a form
                lambda: httpx.post(srv.query_url, content=q, timeout=10,
                                   headers={"Content-Type": "application/sparql-query"}),
            ]
            for send in sends:
                r = send()
                assert r.status_code == 400, (q, r.status_code, r.text)
                assert "SERVICE is refused" in r.text and "--allow-service" in r.text and "SECRET" not in r.text
        r = httpx.post(srv.query_url, content=queries[0].encode("utf-16"), timeout=10,
                       headers={"Content-Type": "application/sparql-query; charset=utf-16"})
        assert r.status_code == 415, "a body kg cannot read as UTF-8 is not passed on unchecked"
        r = httpx.post(srv.query_url, content=b"\x1f\x8b...", timeout=10,
                       headers={"Content-Type": "application/sparql-query", "Content-Encoding": "gzip"})
        assert r.status_code == 415
        r = httpx.get(srv.query_url, params={"query": "SELECT ?service WHERE { ?service ?p 'SERVICE' }"}, timeout=10)
        assert r.status_code == 200, "a variable or a string named service is fine"
    assert len(admin.hits) == before


@pytest.mark.integration
def test_allow_service_lets_it_through(ttl, admin):
    url = f"http://127.0.0.1:{admin.server_address[1]}/admin"
    before = len(admin.hits)
    with start_server(graph=ttl, port=0, allow_service=True) as srv:
        httpx.get(srv.query_url, params={"query": f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"}, timeout=10)
    assert admin.hits[before:] == [("POST", "/admin")]


# ------------------------------------------------------------------------------------------- CSRF


@pytest.mark.integration
def test_writes_need_the_token_and_the_same_origin(ttl):
    with start_server(graph=ttl, port=0, writable=True) as srv:
        evil = "http://evil.example"
        # a form on another web site POSTs to the endpoint: refused, nothing applied
        r = httpx.post(srv.update_url, data={"update": INSERT}, headers={"Origin": evil, "Referer": evil + "/page"}, timeout=10)
        assert r.status_code == 403 and "another web page" in r.text
        assert _asks(srv) is False
        assert srv.token and len(srv.token) >= 24
        bearer = {"Authorization": f"Bearer {srv.token}"}
        r = httpx.post(srv.update_url, data={"update": INSERT}, headers={"Origin": "null", **bearer}, timeout=10)
        assert r.status_code == 403, "a sandboxed page sends Origin: null"
        r = httpx.post(srv.update_url, data={"update": INSERT}, headers={"Referer": evil + "/page", **bearer}, timeout=10)
        assert r.status_code == 403
        # no token (curl, or a page that sent no Origin): 401
        r = httpx.post(srv.update_url, data={"update": INSERT}, timeout=10)
        assert r.status_code == 401 and "token" in r.text and r.headers["www-authenticate"].startswith("Bearer")
        r = httpx.post(srv.update_url, data={"update": INSERT}, headers={"Authorization": "Bearer wrong-token-123"}, timeout=10)
        assert r.status_code == 401
        r = httpx.put(srv.url + "store?default", content=b"<http://x/a> <http://x/b> <http://x/c> .",
                      headers={"Content-Type": "application/n-triples"}, timeout=10)
        assert r.status_code == 401, "Graph Store writes too"
        # DNS rebinding: the page's own domain now resolves to 127.0.0.1, so it is same-origin to the browser
        rebound = {"Host": f"evil.example:{srv.port}", "Origin": f"http://evil.example:{srv.port}"}
        r = httpx.post(srv.update_url, data={"update": INSERT}, headers={**rebound, **bearer}, timeout=10)
        assert r.status_code == 400 and "Host" in r.text
        r = httpx.get(srv.query_url, params={"query": ASK}, headers={"Host": f"evil.example:{srv.port}"}, timeout=10)
        assert r.status_code == 400, "reads through a rebound name are refused too"
        assert _asks(srv) is False
        # the owner, with the token, from the server's own page or from curl
        r = httpx.post(srv.update_url, data={"update": INSERT}, timeout=10,
                       headers={**bearer, "Origin": srv.url.rstrip("/"), "Referer": srv.url})
        assert r.status_code in (200, 204), r.text
        assert _asks(srv) is True
        basic = base64.b64encode(f"kg:{srv.token}".encode()).decode()
        r = httpx.post(srv.update_url, content="CLEAR DEFAULT", timeout=10,
                       headers={"Authorization": f"Basic {basic}", "Content-Type": "application/sparql-update"})
        assert r.status_code in (200, 204)
        assert _asks(srv) is False
        r = httpx.get(f"http://localhost:{srv.port}/query", params={"query": ASK}, headers=JSON, timeout=10)
        assert r.status_code == 200, "localhost names the same address"


@pytest.mark.integration
def test_a_token_can_be_given_and_read_only_refuses_every_write(ttl):
    with start_server(graph=ttl, port=0, writable=True, token="s3cret-t0ken") as srv:
        assert srv.token == "s3cret-t0ken"
        r = httpx.post(srv.update_url, data={"update": INSERT}, headers={"Authorization": "Bearer s3cret-t0ken"}, timeout=10)
        assert r.status_code in (200, 204)
    with start_server(graph=ttl, port=0) as srv:
        assert srv.token is None
        for method, path in (("POST", "update"), ("PUT", "store?default"), ("DELETE", "store?default"), ("POST", "store?default")):
            r = httpx.request(method, srv.url + path, content=b"<http://x/a> <http://x/b> <http://x/c> .",
                              headers={"Content-Type": "application/n-triples"}, timeout=10)
            assert r.status_code == 403, (method, path)


@pytest.mark.integration
def test_update_with_load_or_service_needs_allow_service(ttl, admin):
    url = f"http://127.0.0.1:{admin.server_address[1]}/admin"
    before = len(admin.hits)
    with start_server(graph=ttl, port=0, writable=True) as srv:
        bearer = {"Authorization": f"Bearer {getattr(srv, 'token', 'none')}"}
        for update in (f"LOAD <{url}>", f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"):
            r = httpx.post(srv.update_url, data={"update": update}, headers=bearer, timeout=10)
            assert r.status_code == 400 and "--allow-service" in r.text
    assert len(admin.hits) == before


# ------------------------------------------------------------------------------------------- bodies


def _raw(port: int, head: bytes, timeout: float = 15) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    sock.sendall(head)
    return sock


def _status(sock: socket.socket) -> int:
    data = b""
    while b"\r\n" not in data:
        part = sock.recv(4096)
        if not part:
            break
        data += part
    return int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0


@pytest.mark.integration
@pytest.mark.parametrize("timeout", [None, 3])
def test_an_endless_chunked_body_is_cut_at_the_cap(ttl, timeout):
    """A 1 GiB chunked POST used to be read whole into memory (2.1 GB of RSS): now 413 past 8 MiB."""
    with start_server(graph=ttl, port=0, timeout=timeout) as srv:
        sock = _raw(srv.port, b"POST /query HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/sparql-query\r\n"
                              b"Transfer-Encoding: chunked\r\n\r\n" % srv.port)
        chunk = b"%x\r\n%s\r\n" % (1 << 20, b"#" * (1 << 20))
        sent = 0
        try:
            for _ in range(1024):  # up to 1 GiB
                sock.sendall(chunk)
                sent += 1 << 20
        except OSError:  # the front stopped reading and closed: expected
            pass
        status = _status(sock)
        sock.close()
        assert status == 413
        assert sent < 256 << 20, f"the front read {sent >> 20} MiB before refusing"
        r = httpx.get(srv.query_url, params={"query": ASK}, headers=JSON, timeout=10)
        assert r.status_code == 200, "still serving"


@pytest.mark.integration
def test_a_body_shorter_than_announced_does_not_hold_a_thread(ttl):
    with start_server(graph=ttl, port=0, timeout=30) as srv:
        srv.front.read_timeout = 1.0
        sock = _raw(srv.port, b"POST /query HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/sparql-query\r\n"
                              b"Content-Length: 1000\r\n\r\nASK {" % srv.port)
        t0 = time.monotonic()
        status = _status(sock)
        sock.close()
        assert status == 408 and time.monotonic() - t0 < 10
        sock = _raw(srv.port, b"GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1")  # headers never finished
        t0 = time.monotonic()
        assert sock.recv(100) == b"" and time.monotonic() - t0 < 10, "the connection is dropped"
        sock.close()
        r = httpx.post(srv.query_url, content=b"ASK {}" + b" " * (9 << 20), headers={"Content-Type": "application/sparql-query"},
                       timeout=10)
        assert r.status_code == 413


@pytest.mark.integration
def test_oxigraph_itself_listens_where_no_web_page_can_reach_it(ttl):
    """Oxigraph behind the front checks nothing: it listens on 127.0.0.1, on a port browsers refuse
    to connect to (the Fetch standard's bad ports), so a page cannot scan for it and go around."""
    from kg.serve.backend import BROWSER_BLOCKED_PORTS

    with start_server(graph=ttl, port=0) as a, start_server(graph=ttl, port=0, timeout=5) as b:
        for srv in (a, b):
            assert srv.backend.host == "127.0.0.1" and srv.front.server_address[0] == "127.0.0.1"
            assert srv.backend.port in BROWSER_BLOCKED_PORTS
        assert a.backend.port != b.backend.port
