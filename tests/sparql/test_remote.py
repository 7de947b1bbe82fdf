"""SERVICE (and LOAD) refused unless allowed: the detector against the real engines, and
``run_query`` / ``kg query`` / ``kg view --query`` refusing before any request is sent."""

from __future__ import annotations

import itertools

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from kg.cli.app import main
from kg.errors import InputError, KgError
from kg.sparql import run_query, saved_queries

from _recorder import recording_server


def remote_keyword(text: str):
    from kg.sparql.remote import remote_keyword as detect  # imported here: the end-to-end tests run on any kg

    return detect(text)


@pytest.fixture(scope="module")
def remote():
    """A local server standing for the 'admin' page an attacker aims at; it records every hit."""
    with recording_server() as srv:
        yield srv


def _ox_store() -> ox.Store:
    st = ox.Store()
    s, p = ox.NamedNode("http://a/s"), ox.NamedNode("http://a/p")
    for o in (ox.Literal("1", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), ox.Literal("x"),
              ox.Literal("x", language="en"), ox.NamedNode("http://a/o")):
        st.add(ox.Quad(s, p, o))
    return st


def _spellings(base: str) -> list[str]:
    """Queries that run a SERVICE on ``base`` in Oxigraph, written every way we could think of."""
    keywords = ["SERVICE", "service", "SeRvIcE", "SERVICE SILENT", "service silent"]
    targets = [f"<{base}x>", ":x", "ex:x"]
    before = ["", "?s ?p ?o .", "?s ?p ?o", "?s ?p 1", '?s ?p "x"', '?s ?p "x"@en', "?s ?p <http://a/o>",
              "{ ?s ?p ?o }", "BIND(1 AS ?a) BIND(2 AS ?b) FILTER(?a<?b)", "BIND(1 AS ?a) FILTER(?a<2)"]
    gaps = [" ", "", "\n", " #c\n", "\t"]
    out = []
    for kw, target, pre, gap in itertools.product(keywords, targets, before, gaps):
        out.append(f"PREFIX : <{base}> PREFIX ex: <{base}>\nSELECT * WHERE {{ {pre}{gap}{kw}{gap}{target}{gap}{{ ?s ?p ?o }} }}")
    out.append(f"PREFIX : <{base}>\nSELECT * WHERE {{ BIND(1 AS ?a) BIND(2 AS ?b) FILTER(?a<?b)SERVICE:x#>\n{{ ?s ?p ?o }} }}")
    out.append(f"SELECT * WHERE {{ VALUES ?u {{ <{base}v> }} SERVICE ?u {{ ?s ?p ?o }} }}")
    return out


def test_every_service_oxigraph_would_send_is_refused_first(remote):
    """Differential: for hundreds of spellings, whenever Oxigraph actually sends the request, the
    detector had refused the text (and it does refuse each of them)."""
    base = f"http://127.0.0.1:{remote.server_address[1]}/"
    store = _ox_store()
    sent = missed = 0
    for q in _spellings(base):
        before = len(remote.hits)
        try:
            list(store.query(q))
        except (OSError, SyntaxError, RuntimeError):
            pass
        hit = len(remote.hits) > before
        sent += hit
        if hit and remote_keyword(q) is None:
            missed += 1
            pytest.fail(f"Oxigraph ran a SERVICE the detector missed:\n{q}")
    assert sent > 500, "the spellings do reach the remote (else the test proves nothing)"
    assert missed == 0


def test_every_service_rdflib_would_send_is_refused_first(remote):
    base = f"http://127.0.0.1:{remote.server_address[1]}/"
    g = Graph()
    g.add((URIRef("http://a/s"), URIRef("http://a/p"), Literal(1)))
    sent = 0
    for q in _spellings(base)[::3]:
        before = len(remote.hits)
        try:
            list(g.query(q))
        except Exception:  # noqa: BLE001 - rdflib raises all sorts; only whether it sent matters
            pass
        if len(remote.hits) > before:
            sent += 1
            assert remote_keyword(q) is not None, q
    assert sent >= 5


@pytest.mark.parametrize("text", [
    "SELECT ?service WHERE { ?service ex:service ?load }",
    'SELECT * WHERE { ?s ?p "SERVICE <http://x/> { }" } # SERVICE <http://x/>',
    "SELECT * WHERE { ?s ?p '''it's a\nSERVICE''' }",
    "SELECT * WHERE { ?s <http://example.org/service> <http://example.org/load> }",
    'SELECT * WHERE { ?s ?p "a\\"SERVICE" }',
    "SELECT ?x WHERE { ?x kg:ministerOf kgid:org\\/download ; kg:p ?loader }",
])
def test_what_is_not_a_service_passes(text):
    assert remote_keyword(text) is None


@pytest.mark.parametrize("text", [
    "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }",
    "select * where { service silent <http://x/> { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <http://x/> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p 1SERVICE<http://x/>{ ?s ?p ?o } }",
    'SELECT * WHERE { ?s ?p "unterminated\nSERVICE <http://x/> { } }',
    "LOAD <http://x/> INTO GRAPH <http://g>",
    "INSERT { ?s ?p ?o } WHERE { SERVICE <http://x/> { ?s ?p ?o } }",
])
def test_spellings_of_remote_use_are_found(text):
    assert remote_keyword(text) in ("SERVICE", "LOAD")


def test_saved_queries_are_not_refused():
    for sq in saved_queries().values():
        assert remote_keyword(sq.text) is None, sq.name


def test_run_query_refuses_service_before_sending_anything(remote, tmp_path):
    base = f"http://127.0.0.1:{remote.server_address[1]}/"
    ttl = tmp_path / "g.ttl"
    ttl.write_text("<http://a/s> <http://a/p> <http://a/o> .\n", encoding="utf-8")
    q = f"SELECT * WHERE {{ SERVICE <{base}admin> {{ ?s ?p ?o }} }}"
    before = len(remote.hits)
    for source in (str(ttl), Graph().parse(ttl)):
        with pytest.raises(InputError, match="SERVICE refused.*--allow-service"):
            run_query(source, q)
        with pytest.raises(InputError):
            run_query(source, q, timeout=5)
    assert len(remote.hits) == before
    # allowed: the request is sent; the remote's failure is a one-line KgError, not a traceback
    for source in (str(ttl), Graph().parse(ttl)):
        with pytest.raises(KgError, match="query failed"):
            run_query(source, q, allow_service=True)
    assert len(remote.hits) == before + 2


def test_rdflib_from_downloads_are_refused(remote):
    base = f"http://127.0.0.1:{remote.server_address[1]}/"
    before = len(remote.hits)
    with pytest.raises(InputError, match="FROM refused"):
        run_query(Dataset(), f"SELECT * FROM <{base}from> WHERE {{ ?s ?p ?o }}")
    assert len(remote.hits) == before


def test_kg_query_and_view_refuse_service_in_one_line(remote, tmp_path, capsys):
    base = f"http://127.0.0.1:{remote.server_address[1]}/"
    ttl = tmp_path / "g.ttl"
    ttl.write_text("<http://a/s> <http://a/p> <http://a/o> .\n", encoding="utf-8")
    rq = tmp_path / "evil.rq"
    rq.write_text(f"# looks harmless\nSELECT * WHERE {{ SeRvIcE <{base}admin> {{ ?s ?p ?o }} }}\n", encoding="utf-8")
    before = len(remote.hits)
    assert main(["query", str(rq), "--graph", str(ttl)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "SERVICE refused" in err and "--allow-service" in err
    assert main(["view", str(ttl), "--query", str(rq), "--out", str(tmp_path / "v.html")]) == 2
    assert "SERVICE refused" in capsys.readouterr().err and not (tmp_path / "v.html").exists()
    assert len(remote.hits) == before
    # allowed, the remote answers 500: one line, exit 1, no traceback
    assert main(["query", str(rq), "--graph", str(ttl), "--allow-service"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kg: error: query failed") and err.count("\n") == 1 and "Traceback" not in err
    assert main(["view", str(ttl), "--query", str(rq), "--out", str(tmp_path / "v.html"), "--allow-service"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kg: error: query failed") and "Traceback" not in err
    assert len(remote.hits) == before + 2
