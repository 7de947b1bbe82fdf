"""Nothing lost: a build killed with SIGKILL (no cleanup code runs) leaves the previous graph intact
and the store usable, and the next build completes.

The builds run the real ``kg build`` in a subprocess (with the small French pipeline, to load fast).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import DCTERMS

from kg.cli.app import main
from kg.store.store import DATA

pytestmark = [pytest.mark.model, pytest.mark.skipif(sys.platform != "linux", reason="uses /proc and SIGKILL")]

from _paths import ROOT  # noqa: E402
SENTENCES = [
    "Le ministre allemand des Finances, Christian Lindner, s'est rendu à Berlin mercredi.",
    "Le président français, Emmanuel Macron, a reçu à Paris le Premier ministre japonais.",
    "Le sommet du G7 s'est ouvert à Rome, en Italie, en présence de la présidente de la Commission.",
    "La ministre des Affaires étrangères a annoncé à Bruxelles un plan d'aide de 50 millions d'euros.",
]

# Runs kg build, and SIGKILLs itself when the temporary file of OUT/graph.ttl has been written,
# just before it would be fsync-ed and renamed over the previous graph.
KILL_WHILE_WRITING_GRAPH = """
import os, signal, sys
real_fsync = os.fsync
def fsync(fd):
    if ".graph.ttl." in os.readlink(f"/proc/self/fd/{fd}"):
        os.kill(os.getpid(), signal.SIGKILL)
    real_fsync(fd)
os.fsync = fsync
from kg.cli.app import main
sys.exit(main(sys.argv[1:]))
"""


def corpus(path: Path, n: int, start: int = 0) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(start, start + n):
            text = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3))
            f.write(json.dumps({"id": f"art-{i}", "text": text, "published": "2024-01-10"}, ensure_ascii=False) + "\n")
    return path


def kg_process(*args: str, script: str | None = None) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cmd = [sys.executable, "-c", script, *args] if script else [sys.executable, "-m", "kg", *args]
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def stored_articles(store: Path) -> set[str]:
    from kg.sparql import run_query

    rows = run_query(store, "SELECT DISTINCT ?id WHERE { ?a a kg:Article ; dcterms:identifier ?id }")
    return {str(r["id"]) for r in rows}


@pytest.mark.model
def test_sigkill_while_writing_the_graph_keeps_the_previous_one(tmp_path, capsys):
    out, store = tmp_path / "out", tmp_path / "store"
    first = corpus(tmp_path / "first.jsonl", 2)
    assert main(["build", str(first), "--out", str(out), "--store", str(store), "--model", "sm", "--quiet"]) == 0
    previous = (out / "graph.ttl").read_bytes()
    view = (out / "graph.html").read_bytes()

    second = corpus(tmp_path / "second.jsonl", 3, start=2)
    proc = kg_process("build", str(second), "--out", str(out), "--store", str(store), "--model", "sm",
                      script=KILL_WHILE_WRITING_GRAPH)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == -signal.SIGKILL, err.decode()
    # the new graph had been written in full to the temporary file: it is the rename that never happened
    leftovers = [p for p in out.iterdir() if p.name.startswith(".graph.ttl.")]
    assert leftovers and leftovers[0].stat().st_size > 0

    assert (out / "graph.ttl").read_bytes() == previous
    assert (out / "graph.html").read_bytes() == view
    # the store opens and answers; it holds whole articles (--store streams them before graph.ttl is exported)
    assert stored_articles(store) in ({"art-0", "art-1"}, {f"art-{i}" for i in range(5)})

    # the next build goes through, over the killed one
    assert main(["build", str(second), "--out", str(out), "--store", str(store), "--model", "sm", "--quiet"]) == 0
    g = Graph().parse(out / "graph.ttl", format="turtle")
    assert {str(o) for o in g.objects(None, DCTERMS.identifier)} == {f"art-{i}" for i in range(5)}  # the store's graph
    assert stored_articles(store) == {f"art-{i}" for i in range(5)}
    # ... and removes the killed build's temporary file (its process is gone)
    assert not [p for p in out.iterdir() if p.name.startswith(".graph.ttl.")]


@pytest.mark.model
def test_sigkill_while_the_store_is_written_leaves_it_usable(tmp_path, capsys):
    out, store = tmp_path / "out", tmp_path / "store"
    first = corpus(tmp_path / "first.jsonl", 2)
    assert main(["build", str(first), "--out", str(out), "--store", str(store), "--model", "sm", "--quiet"]) == 0
    previous = (out / "graph.ttl").read_bytes()

    many = corpus(tmp_path / "many.jsonl", 60, start=2)
    data = store / DATA  # Oxigraph's RocksDB folder

    def written() -> tuple:
        """New table files, or a longer write-ahead log: articles are being written."""
        files = list(data.iterdir()) if data.is_dir() else []
        return (frozenset(p.name for p in files if p.suffix == ".sst"),
                sum(p.stat().st_size for p in files if p.suffix == ".log" and p.exists()))

    before = written()
    proc = kg_process("build", str(many), "--out", str(out), "--store", str(store), "--model", "sm", "--quiet")
    try:
        # kill as soon as the build starts writing: the store's files change, or graph.ttl is replaced
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline and proc.poll() is None:
            with contextlib.suppress(FileNotFoundError):  # RocksDB renames and deletes files as it goes
                if written() != before or (out / "graph.ttl").read_bytes() != previous:
                    break
            time.sleep(0.01)
        assert proc.poll() is None, "the build ended before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == -signal.SIGKILL

    graph = (out / "graph.ttl").read_bytes()
    assert graph == previous or len(Graph().parse(data=graph.decode(), format="turtle")) > 0  # old or whole, never half
    ids = stored_articles(store)  # opens (the lock died with the process) and answers
    assert {"art-0", "art-1"} <= ids

    assert main(["build", str(many), "--out", str(out), "--store", str(store), "--model", "sm", "--quiet"]) == 0
    assert stored_articles(store) == {f"art-{i}" for i in range(62)}
