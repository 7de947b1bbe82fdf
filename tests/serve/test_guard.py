"""The front's decisions (kg.serve.guard), without a server: what is refused, and what is not."""

from __future__ import annotations

import base64
from email.message import Message
from urllib.parse import quote, urlencode

import pytest

from kg.serve.guard import (
    check_body_type,
    check_host,
    check_remote_use,
    check_write,
    is_write,
    netloc,
    policy_for,
)


def headers(**kw) -> Message:
    m = Message()
    for k, v in kw.items():
        m[k.replace("_", "-")] = v
    return m


def test_loopback_servers_accept_their_own_names_only():
    p = policy_for("127.0.0.1", 7878)
    for ok in ("127.0.0.1:7878", "localhost:7878", "LOCALHOST:7878", "[::1]:7878", None):
        assert check_host(p, ok) is None, ok
    for bad in ("evil.example:7878", "127.0.0.1:7879", "127.0.0.1", "localhost", "127.0.0.2:7878", ""):
        r = check_host(p, bad)
        assert r is not None and r.status == 400, bad
    assert check_host(policy_for("::1", 80), "localhost") is None, "port 80 may be left out"
    assert check_host(policy_for("192.168.1.5", 8000), "localhost:8000") is not None
    assert check_host(policy_for("192.168.1.5", 8000), "192.168.1.5:8000") is None
    assert check_host(policy_for("0.0.0.0", 8000), "anything:1") is None, "every address: names unknown"
    assert netloc("::1", 7878) == "[::1]:7878" and netloc("127.0.0.1", 1) == "127.0.0.1:1"


@pytest.mark.parametrize("method, path, write", [
    ("GET", "/query?query=ASK{}", False), ("POST", "/query", False), ("HEAD", "/", False),
    ("GET", "/store?default", False), ("OPTIONS", "/query", False),
    ("POST", "/update", True), ("GET", "/update?update=CLEAR%20ALL", True), ("POST", "/update/", True),
    ("PUT", "/store?default", True), ("POST", "/store?graph=x", True), ("DELETE", "/store", True),
    ("PATCH", "/query", True), ("POST", "/", True), ("POST", "/%75pdate", True),
])
def test_what_counts_as_a_write(method, path, write):
    assert is_write(method, path) is write


def test_writes_need_a_writable_server_the_same_origin_and_the_token():
    ro = policy_for("127.0.0.1", 7878)
    assert check_write(ro, headers(Host="127.0.0.1:7878")).status == 403
    p = policy_for("127.0.0.1", 7878, writable=True, token="tok-12345678")
    host = "127.0.0.1:7878"
    bearer = "Bearer tok-12345678"
    basic = "Basic " + base64.b64encode(b"anyone:tok-12345678").decode()
    assert check_write(p, headers(Host=host, Authorization=bearer)) is None
    assert check_write(p, headers(Host=host, Authorization=basic)) is None
    assert check_write(p, headers(Host=host, Authorization=bearer, Origin="http://127.0.0.1:7878")) is None
    assert check_write(p, headers(Host=host, Authorization=bearer, Referer="http://127.0.0.1:7878/")) is None
    refused = [
        (headers(Host=host), 401),
        (headers(Host=host, Authorization="Bearer tok-1234567"), 401),
        (headers(Host=host, Authorization="Bearer TOK-12345678"), 401),
        (headers(Host=host, Authorization="Basic !!!"), 401),
        (headers(Host=host, Authorization="tok-12345678"), 401),
        (headers(Host=host, Authorization=bearer, Origin="http://evil.example"), 403),
        (headers(Host=host, Authorization=bearer, Origin="null"), 403),
        (headers(Host=host, Authorization=bearer, Origin="https://127.0.0.1:7878"), 403),
        (headers(Host=host, Authorization=bearer, Origin="http://localhost:7878"), 403),
        (headers(Host=host, Authorization=bearer, Referer="http://evil.example/x"), 403),
    ]
    for h, status in refused:
        r = check_write(p, h)
        assert r is not None and r.status == status, (dict(h), r)
    with pytest.raises(ValueError):
        policy_for("127.0.0.1", 7878, writable=True)


def test_bodies_kg_cannot_check_are_refused():
    ok = ["application/sparql-query", "application/sparql-update", "application/x-www-form-urlencoded",
          "application/sparql-query; charset=UTF-8", "Application/X-WWW-Form-Urlencoded"]
    for ct in ok:
        assert check_body_type("/query", headers(Content_Type=ct)) is None, ct
    for ct in ("text/plain", "multipart/form-data; boundary=x", "application/sparql-query; charset=utf-16",
               "application/json"):
        assert check_body_type("/query", headers(Content_Type=ct)).status == 415, ct
    assert check_body_type("/query", headers(Content_Type="application/sparql-query", Content_Encoding="gzip")).status == 415
    assert check_body_type("/store?default", headers(Content_Type="text/turtle")) is None


def test_service_is_found_wherever_oxigraph_would_read_it():
    p = policy_for("127.0.0.1", 7878)
    q = "SELECT * WHERE { SERVICE <http://127.0.0.1:8080/admin> { ?s ?p ?o } }"
    form = headers(Content_Type="application/x-www-form-urlencoded")
    direct = headers(Content_Type="application/sparql-query")
    cases = [
        ("/query?" + urlencode({"query": q}), headers(), None),
        ("/query?" + "query=" + quote(q).replace("S", "%53"), headers(), None),
        ("/query?" + urlencode({"query": q}).replace("%20", "+"), headers(), None),
        ("/query", form, urlencode({"query": q}).encode()),
        ("/query", form, ("query=" + quote(q.replace("SERVICE", "s%45rvice"), safe="%")).encode()),
        ("/query", direct, q.encode()),
        ("/update", form, urlencode({"update": "LOAD <http://127.0.0.1:8080/x>"}).encode()),
        ("/query?x=1", form, urlencode({"query": "ASK {}", "query2": "x"}).encode() + b"&" + urlencode({"query": q}).encode()),
    ]
    for path, h, body in cases:
        r = check_remote_use(p, path, h, body)
        assert r is not None and r.status == 400 and "--allow-service" in r.message, (path, body)
        assert check_remote_use(policy_for("127.0.0.1", 7878, allow_service=True), path, h, body) is None


def test_what_is_not_sparql_is_not_searched():
    p = policy_for("127.0.0.1", 7878)
    ask = "ASK { ?service ?p 'SERVICE' }"
    assert check_remote_use(p, "/query?" + urlencode({"query": ask, "default-graph-uri": "http://x/service"}),
                            headers(), None) is None
    assert check_remote_use(p, "/store?graph=http://x/service", headers(Content_Type="text/turtle"),
                            b"<http://x/a> <http://x/service> <http://x/load> .") is None
    assert check_remote_use(p, "/query", headers(Content_Type="application/x-www-form-urlencoded"),
                            urlencode({"query": ask, "named-graph-uri": "http://x/load"}).encode()) is None
