"""kg serve as a careless user meets it: a busy port, a file that is not RDF, impossible ports,
IPv6, ``--timeout 0``, a server killed with SIGKILL. One line on stderr, never a traceback."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")

import _query_data  # noqa: E402

from kg.cli.app import main  # noqa: E402
from kg.serve import free_port, start_server  # noqa: E402


@pytest.fixture(scope="module")
def ttl(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("serve_cli") / "graph.ttl"
    _query_data.graph().serialize(path, format="turtle")
    return path


def _one_line_error(err: str) -> str:
    assert "Traceback" not in err and "panicked" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), err
    return lines[0]


@pytest.mark.integration
@pytest.mark.parametrize("timeout", [[], ["--timeout", "5"]])
def test_a_port_in_use_says_so_before_any_banner(ttl, capsys, timeout):
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    try:
        code = main(["serve", "--graph", str(ttl), "--port", str(busy.getsockname()[1]), *timeout])
    finally:
        busy.close()
    out, err = capsys.readouterr()
    assert code == 1 and "kg serve: http" not in out, "no 'serving at' banner for a server that is not serving"
    assert "port is in use" in _one_line_error(err)


def test_impossible_ports_and_timeouts_are_usage_errors(ttl, capsys):
    for args, words in ((["--port", "99999"], "between 0 and 65535"), (["--port", "-1"], "between 0 and 65535"),
                        (["--timeout", "-3"], "0 (no limit)"), (["--timeout", "nan"], "0 (no limit)")):
        with pytest.raises(SystemExit) as exc:
            main(["serve", "--graph", str(ttl), *args])
        assert exc.value.code == 2
        assert words in capsys.readouterr().err


@pytest.mark.parametrize("name, content, words", [
    ("notes.txt", "Le sommet s'est ouvert à Paris.\n", "not an RDF file"),
    ("notes.ttl", "Le sommet s'est ouvert à Paris.\n", "not valid turtle"),
    ("broken.nt", "<http://a> <http://b> .\n", "not valid nt"),
])
def test_a_graph_file_that_is_not_rdf_is_refused_in_one_line(tmp_path, capsys, name, content, words):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert main(["serve", "--graph", str(path), "--port", "0"]) == 2
    line = _one_line_error(capsys.readouterr().err)
    assert words in line and str(path) in line and "--lenient" not in line


@pytest.mark.integration
def test_ipv6_loopback_gets_a_valid_url(ttl):
    try:
        with socket.socket(socket.AF_INET6) as s:
            s.bind(("::1", 0))
    except OSError:
        pytest.skip("no IPv6 loopback here")
    with start_server(graph=ttl, port=0, host="::1") as srv:
        assert srv.url == f"http://[::1]:{srv.port}/"
        r = httpx.get(srv.query_url, params={"query": "ASK {}"}, headers={"Accept": "application/sparql-results+json"},
                      timeout=10)
        assert r.status_code == 200 and r.json()["boolean"] is True


def test_timeout_zero_means_no_limit_in_query_and_serve(ttl, capsys):
    assert main(["query", "ASK { ?s ?p ?o }", "--graph", str(ttl), "--timeout", "0"]) == 0
    assert capsys.readouterr().out == "true\n"
    with pytest.raises(SystemExit):
        main(["query", "ASK { ?s ?p ?o }", "--graph", str(ttl), "--timeout", "-1"])


@pytest.mark.integration
def test_serve_timeout_zero_means_no_limit(ttl):
    with start_server(graph=ttl, port=0, timeout=0) as srv:
        assert srv.timeout is None and srv.front.query_timeout is None


@pytest.mark.integration
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SIGKILL and /proc")
def test_the_database_of_a_killed_serve_is_removed_at_the_next_start(ttl, tmp_path, monkeypatch):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp)}
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--graph", str(ttl), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert "kg serve: http" in proc.stdout.readline()
        left = [p for p in tmp.iterdir() if p.name.startswith("kg-serve-")]
        assert len(left) == 1 and left[0].is_dir()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        proc.stdout.close()
        proc.stderr.close()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # its Oxigraph child goes too (it gets SIGTERM when kg dies)
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        except OSError:
            break
        time.sleep(0.1)
    assert left[0].exists(), "SIGKILL left the temporary database behind"
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    with start_server(graph=ttl, port=0) as srv:
        assert not left[0].exists(), "the next kg serve removed it"
        mine = [p for p in tmp.iterdir() if p.name.startswith("kg-serve-")]
        assert len(mine) == 1 and mine[0] != left[0] and srv.tmpdir == str(mine[0])
    assert not any(tmp.iterdir())


@pytest.mark.integration
def test_kg_serve_cors_says_so_and_answers_other_origins(ttl):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--graph", str(ttl), "--port", str(port), "--cors"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        banner = [proc.stdout.readline() for _ in range(3)]
        assert any("cross-origin requests are answered (--cors)" in line for line in banner), banner
        r = httpx.get(f"http://127.0.0.1:{port}/query", params={"query": "ASK { ?s ?p ?o }"},
                      headers={"Origin": "http://example.org", "Accept": "application/sparql-results+json"}, timeout=10)
        assert r.status_code == 200 and r.json()["boolean"] is True
        assert r.headers.get("Access-Control-Allow-Origin") in ("*", "http://example.org")
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
